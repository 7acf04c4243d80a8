"""`make docsite`: the collection's documentation as HTML, as docs.ansible.com builds it, offline.

antsibull-docs writes a Sphinx project (`sphinx-init`) and the RST of the plugins and of the guides
in docs/docsite (`collection`); Sphinx builds it with warnings as errors (`-W`, nitpicky). The pages
that antsibull-docs makes refer to two labels of the Ansible documentation; Sphinx resolves such
references with intersphinx, which downloads the Ansible inventory. Offline, the inventory is a small
file written here instead, naming those labels and their addresses on docs.ansible.com.

usage: docsite.py DEST   (the site is DEST/build/html)
"""

import argparse
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
COLLECTION = "cleanrooms.ml"
ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
# The labels of the Ansible documentation that antsibull-docs' pages refer to: label -> (page, title).
ANSIBLE_LABELS = {
    "common_return_values": ("reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    "ansible_configuration_settings": (
        "reference_appendices/config.html#ansible-configuration-settings",
        "Ansible Configuration Settings",
    ),
}
# Replaces sphinx-init's intersphinx_mapping, which fetches inventories from the web.
OFFLINE_INTERSPHINX = """
# Offline: the Ansible labels the pages use come from a local inventory (tools/ecosystem/docsite.py).
intersphinx_mapping = {"ansible_devel": (%r, %r)}
"""


def command(name: str) -> str:
    return str(VENV_BIN / name)


def write_ansible_inventory(path: Path) -> None:
    """A Sphinx inventory (version 2) of ANSIBLE_LABELS, relative to ANSIBLE_DOCS."""
    entries = "".join(
        f"{label} std:label -1 {page} {title}\n" for label, (page, title) in sorted(ANSIBLE_LABELS.items())
    )
    header = (
        "# Sphinx inventory version 2\n"
        "# Project: Ansible\n"
        "# Version: devel\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    path.write_bytes(header.encode() + zlib.compress(entries.encode()))


def docs_environment() -> dict[str, str]:
    """The venv's commands first; collections from build/ (this work tree and amazon.aws)."""
    environment = dict(os.environ)
    environment["PATH"] = os.pathsep.join([str(VENV_BIN), environment.get("PATH", "")])
    environment["ANSIBLE_COLLECTIONS_PATH"] = str(ROOT / "build")
    # antsibull-docs copies collections with git when git says they lie in a work tree, and .venv/ is
    # ignored there, so amazon.aws's copy would be empty: a ceiling at the repository makes it copy files.
    environment["GIT_CEILING_DIRECTORIES"] = str(ROOT)
    return environment


def run(arguments: list[str], cwd: Path) -> tuple[int, str]:
    """Run a command; returns (exit code, what it printed, stdout and stderr together)."""
    result = subprocess.run(
        arguments,
        cwd=cwd,
        env=docs_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout


def build_docsite(dest: Path) -> tuple[int, str]:
    """Build the site in dest; returns (exit code, the log of every step)."""
    dest = Path(dest).resolve()
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True, mode=0o700)  # antsibull-docs writes only into a folder that only its owner can write
    rst = dest / "rst"
    steps = [
        [
            command("antsibull-docs"),
            "sphinx-init",
            "--use-current",
            "--fail-on-error",
            "--dest-dir",
            dest,
            "--project",
            COLLECTION,
            "--copyright",
            "Contributors to the cleanrooms.ml project",
            "--title",
            "cleanrooms.ml",
            "--html-short-title",
            "cleanrooms.ml",
            COLLECTION,
        ],
        [
            command("antsibull-docs"),
            "collection",
            "--use-current",
            "--fail-on-error",
            "--cleanup",
            "everything",
            "--dest-dir",
            rst,
            COLLECTION,
        ],
        [command("sphinx-build"), "-M", "html", rst, dest / "build", "-c", dest, "-W", "--keep-going", "-q"],
    ]
    log = []
    for number, arguments in enumerate(steps):
        if number == 1:
            write_ansible_inventory(dest / "ansible_devel.inv")
            with open(dest / "conf.py", "a", encoding="utf-8") as conf:
                conf.write(OFFLINE_INTERSPHINX % (ANSIBLE_DOCS, str(dest / "ansible_devel.inv")))
            rst.mkdir(mode=0o700, exist_ok=True)
            rst.chmod(0o700)
        code, output = run([str(argument) for argument in arguments], cwd=dest)
        log.append("$ {}\n{}".format(" ".join(map(str, arguments)), output))
        if code != 0:
            return code, "\n".join(log)
    return 0, "\n".join(log)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("dest", type=Path, help="where to write the Sphinx project; the site goes to DEST/build/html")
    dest = parser.parse_args().dest
    code, log = build_docsite(dest)
    print(log)
    if code == 0:
        print("docsite: %s" % (dest.resolve() / "build" / "html" / "index.html"))
    return code


if __name__ == "__main__":
    sys.exit(main())
