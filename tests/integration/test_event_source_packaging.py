"""The collection tarball carries the event source and the code it loads, and the installed copy
runs: ansible-rulebook's way of loading a source (runpy, by path, outside Ansible's collection
loader) finds the collection's plugin_utils from where the source was installed."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SOURCE = "extensions/eda/plugins/event_source/trained_model_status.py"
CODE_IT_LOADS = [
    *sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "plugins" / "plugin_utils").glob("*trained_model_status*.py")
    ),
    "plugins/plugin_utils/event_source_client.py",
]

LOAD_AS_RULEBOOK_DOES = """
import asyncio, runpy, sys
main = runpy.run_path(sys.argv[1])["main"]
try:
    asyncio.run(main(asyncio.Queue(), {"collaboration_identifier": "not-a-uuid"}))
except ValueError as error:
    print(error)
"""


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    output = tmp_path_factory.mktemp("galaxy")
    subprocess.run(
        [str(BIN / "ansible-galaxy"), "collection", "build", "--output-path", str(output), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(output.glob("cleanrooms-ml-*.tar.gz"))


def test_the_tarball_holds_the_event_source_and_the_code_it_loads(tarball):
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    assert {SOURCE, *CODE_IT_LOADS} <= names


def test_the_installed_source_loads_its_code_outside_ansibles_loader(tarball, tmp_path):
    collections = tmp_path / "collections"
    subprocess.run(
        [
            str(BIN / "ansible-galaxy"),
            "collection",
            "install",
            "--offline",
            "--no-deps",
            "--force",
            "-p",
            str(collections),
            str(tarball),
        ],
        check=True,
        capture_output=True,
    )
    environment = {
        name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "ANSIBLE_COLLECTIONS_PATH")
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            LOAD_AS_RULEBOOK_DOES,
            str(collections / "ansible_collections" / "cleanrooms" / "ml" / SOURCE),
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout.startswith("cleanrooms.ml.trained_model_status: collaboration_identifier must be a UUID"), (
        result.stdout + result.stderr[-4000:]
    )
