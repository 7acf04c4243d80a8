"""meta/execution-environment.yml, requirements.txt and bindep.txt give ansible-builder the collection's dependencies."""

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
    assert PYTHON_LIBRARIES <= names


def test_bindep_txt_parses():
    Depends((ROOT / "bindep.txt").read_text(encoding="utf-8"))  # raises DependsException on a syntax error


def test_ansible_builder_finds_the_requirements_in_the_installed_collection(installed_collections):
    introspected = yaml.safe_load(run_ok([tool("ansible-builder"), "introspect", installed_collections]).stdout)
    ours = [line.split("#")[0].strip() for line in introspected["python"] if line.endswith("# from collection cleanrooms.ml")]
    assert sorted(ours) == sorted(requirement_lines(ROOT / "requirements.txt"))
