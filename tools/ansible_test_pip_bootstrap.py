"""Offline stand-in for ansible-test's pip bootstrap script.

ansible-test downloads a get-pip script from a host that is not reachable from every
machine, and caches it under ~/.ansible/test/cache/. This file takes its place:

  python tools/ansible_test_pip_bootstrap.py --install   copy this file into that cache
  (run by ansible-test with pip arguments)              install the requested pip from PyPI,
                                                         running pip from ensurepip's bundled wheel
"""

import glob
import os
import shutil
import sys
import types

# get-pip options that plain `pip install` does not know.
_GET_PIP_ONLY_OPTIONS = ("--no-setuptools", "--no-wheel")


def cache_path() -> str:
    from ansible_test._internal.python_requirements import get_venv_packages

    version = "{}.{}".format(*sys.version_info[:2])
    pip_version = get_venv_packages(types.SimpleNamespace(version=version))["pip"]
    return os.path.expanduser("~/.ansible/test/cache/get_pip_{}.py".format(pip_version.replace(".", "_")))


def install_into_cache() -> None:
    target = cache_path()
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(__file__, target)
    print(f"ansible-test pip bootstrap: {target}")


def bootstrap_pip(arguments: list[str]) -> int:
    import ensurepip

    wheels = glob.glob(os.path.join(os.path.dirname(ensurepip.__file__), "_bundled", "pip-*.whl"))
    if not wheels:
        sys.exit("ensurepip has no bundled pip wheel in this Python; cannot bootstrap pip")
    sys.path.insert(0, wheels[0])
    from pip._internal.cli.main import main as pip_main

    return pip_main(["install"] + [arg for arg in arguments if arg not in _GET_PIP_ONLY_OPTIONS])


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        install_into_cache()
    else:
        sys.exit(bootstrap_pip(sys.argv[1:]))
