"""meta/execution-environment.yml, requirements.txt and bindep.txt give ansible-builder the collection's
dependencies.
"""

import os
import sys

import pytest
import yaml
from bindep.depends import Depends
from packaging.requirements import Requirement
from requirement_files import requirement_lines
from tool_runs import ROOT, run_ok, tool

# What the module and the lookup import on the controller or host that runs them.
PYTHON_LIBRARIES = {"boto3", "botocore", "jsonschema"}


def test_the_metadata_names_files_that_exist():
    metadata = yaml.safe_load((ROOT / "meta" / "execution-environment.yml").read_text(encoding="utf-8"))
    assert metadata["version"] in (1, 3)
    # ansible-builder reads these two entries of a collection's metadata, relative to the collection root.
    assert set(metadata["dependencies"]) == {"python", "system"}
    assert [name for name in metadata["dependencies"].values() if not (ROOT / name).is_file()] == []


def test_requirements_txt_lists_the_python_libraries_the_plugins_import():
    names = {Requirement(line).name.lower() for line in requirement_lines(ROOT / "requirements.txt")}
    assert names >= PYTHON_LIBRARIES


def test_bindep_txt_parses():
    Depends((ROOT / "bindep.txt").read_text(encoding="utf-8"))  # raises DependsException on a syntax error


def test_ansible_builder_finds_the_requirements_in_the_installed_collection(installed_collections):
    introspected = yaml.safe_load(run_ok([tool("ansible-builder"), "introspect", installed_collections]).stdout)
    ours = [
        line.split("#")[0].strip()
        for line in introspected["python"]
        if line.endswith("# from collection cleanrooms.ml")
    ]
    assert sorted(ours) == sorted(requirement_lines(ROOT / "requirements.txt"))


@pytest.fixture(scope="module")
def build_context(collection_tarball, tmp_path_factory):
    """The context `ansible-builder create` makes for an execution environment that installs the collection's
    tarball.
    """
    work = tmp_path_factory.mktemp("execution-environment")
    definition = work / "execution-environment.yml"
    definition.write_text(
        yaml.safe_dump(
            {
                "version": 3,
                "dependencies": {"galaxy": {"collections": [{"name": str(collection_tarball), "type": "file"}]}},
            }
        ),
        encoding="utf-8",
    )
    run_ok([tool("ansible-builder"), "create", "--file", definition, "--context", work / "context"], cwd=work)
    return work / "context"


def python_requirements_of_the_build(build_context, installed_collections, tmp_path):
    """What the context's builder stage writes as the image's Python requirements: its own introspect.py, run on the
    installed collections as the stage runs it, reads each collection's meta/execution-environment.yml."""
    written = tmp_path / "requirements.txt"
    run_ok(
        [
            sys.executable,
            build_context / "_build" / "scripts" / "introspect.py",
            "introspect",
            "--write-pip",
            written,
            "--write-bindep",
            tmp_path / "bindep.txt",
            installed_collections,
        ]
    )
    return written


@pytest.mark.slow
def test_the_build_installs_the_collections_python_requirements_into_a_fresh_venv(
    build_context, installed_collections, tmp_path
):
    collections = yaml.safe_load((build_context / "_build" / "requirements.yml").read_text(encoding="utf-8"))[
        "collections"
    ]
    assert [collection["type"] for collection in collections] == ["file"]

    written = python_requirements_of_the_build(build_context, installed_collections, tmp_path)
    ours = sorted(
        line.split("#")[0].strip()
        for line in written.read_text(encoding="utf-8").splitlines()
        if line.endswith("# from collection cleanrooms.ml")
    )
    assert ours == sorted(requirement_lines(ROOT / "requirements.txt"))

    venv = tmp_path / "venv"
    run_ok([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    clean = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    run_ok(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            written,
            "-c",
            ROOT / "constraints.txt",
        ],
        env=clean,
    )
    # What the module and the lookup need from them: the Clean Rooms ML client and jsonschema's 2020-12 validator.
    check = (
        "import boto3, jsonschema; jsonschema.Draft202012Validator; "
        "assert hasattr(boto3.client('cleanroomsml', region_name='us-east-1'), 'get_collaboration_trained_model')"
    )
    run_ok([python, "-c", check], cwd=tmp_path, env=clean)
