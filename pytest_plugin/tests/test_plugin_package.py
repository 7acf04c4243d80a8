"""The distribution: its public API, its typing marker, its entry point, and no need for Ansible."""

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import pytest_cleanroomsml

PUBLIC_API = {
    "CleanRoomsMLFake",
    "CleanRoomsMLSettings",
    "RetrySleep",
    "RetrySleeps",
    "TrainedModelFetcher",
    "TrainedModelWaiter",
    "assert_logs_published",
    "assert_metrics_published",
    "assert_model_active",
    "assert_model_status",
    "assert_valid_trained_model",
}


def test_the_public_api_is_exported_from_the_package():
    assert set(pytest_cleanroomsml.__all__) == PUBLIC_API
    assert all(hasattr(pytest_cleanroomsml, name) for name in PUBLIC_API)
    assert set(dir(pytest_cleanroomsml)) >= PUBLIC_API


def run_python(script):
    """The standard output of ``script`` run in a fresh interpreter, whose modules this one's imports do not hide."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout


def test_importing_the_package_imports_none_of_its_heavy_dependencies_until_a_name_needs_them():
    script = (
        "import sys\n"
        "heavy = lambda: sorted(name for name in ('boto3', 'botocore', 'jsonschema', 'moto') if name in sys.modules)\n"
        "import pytest_cleanroomsml, pytest_cleanroomsml.fake\n"
        "print(heavy())\n"
        "from pytest_cleanroomsml import assert_model_active, CleanRoomsMLSettings, RetrySleeps\n"
        "print(heavy())\n"
        "from pytest_cleanroomsml import CleanRoomsMLFake\n"
        "print(heavy())\n"
    )

    assert run_python(script).splitlines() == ["[]", "[]", "['boto3', 'botocore', 'moto']"]


def test_each_name_of_the_package_is_its_modules_object():
    from pytest_cleanroomsml import assertions, fake, options, retry_sleeps, trained_model_fixtures
    from pytest_cleanroomsml.fake import controller, models, timeline

    modules = (assertions, options, retry_sleeps, trained_model_fixtures, controller)
    for name in PUBLIC_API:
        assert any(getattr(module, name, None) is getattr(pytest_cleanroomsml, name) for module in modules), name
    assert fake.CleanRoomsMLFake is controller.CleanRoomsMLFake
    assert fake.cleanroomsml_backends is models.cleanroomsml_backends
    assert fake.MISSING is timeline.MISSING
    assert {"MISSING", "CleanRoomsMLFake", "cleanroomsml_backends"} <= set(dir(fake))


def test_a_name_the_package_does_not_export_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="module 'pytest_cleanroomsml' has no attribute 'CleanRoomsMLFak'"):
        pytest_cleanroomsml.CleanRoomsMLFak  # noqa: B018
    with pytest.raises(ImportError, match="cannot import name 'assert_model_ready'"):
        from pytest_cleanroomsml import assert_model_ready  # noqa: F401


def test_the_distribution_and_the_package_carry_one_version():
    # Built from _version.py, which `make schema` writes from galaxy.yml (tests/unit/release checks that side).
    assert pytest_cleanroomsml.__version__ == metadata.version("pytest-cleanroomsml")
    assert re.fullmatch(r"\d+\.\d+\.\d+", pytest_cleanroomsml.__version__)


def test_the_package_is_marked_as_typed():
    assert Path(pytest_cleanroomsml.__file__).with_name("py.typed").is_file()


def test_the_plugin_registers_through_the_pytest11_entry_point():
    entry_points = metadata.distribution("pytest-cleanroomsml").entry_points

    assert [(entry.group, entry.value) for entry in entry_points if entry.name == "cleanroomsml"] == [
        ("pytest11", "pytest_cleanroomsml.plugin")
    ]


def test_it_depends_on_neither_ansible_nor_anything_beyond_pytest_boto3_jsonschema_moto_and_yaml():
    requirements = {
        re.split(r"[^A-Za-z0-9_.-]", requirement, maxsplit=1)[0].lower()
        for requirement in metadata.requires("pytest-cleanroomsml")
    }

    assert requirements == {"pytest", "boto3", "botocore", "jsonschema", "moto", "pyyaml"}


def test_the_plugin_imports_without_ansible():
    # A None entry in sys.modules makes any import of that name fail.
    script = (
        "import sys; sys.modules['ansible'] = sys.modules['ansible_collections'] = None; "
        "import pytest_cleanroomsml.plugin"
    )

    subprocess.run([sys.executable, "-c", script], check=True)
