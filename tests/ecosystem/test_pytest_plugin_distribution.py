"""pytest-cleanroomsml builds as sdist and wheel, and the wheel works in a fresh venv without Ansible."""

import os
import shutil
import sys
import zipfile

import pytest
import yaml
from packaging.requirements import Requirement
from release_artifacts import PLUGIN_BUILD_DEBRIS as BUILD_DEBRIS
from release_artifacts import PLUGIN_SOURCE
from requirement_files import requirement_lines
from tool_runs import ROOT, describe, run, run_ok

# What the plugin's tests use beyond the plugin's dependencies, installed at requirements-dev.txt's versions.
TEST_ONLY_REQUIREMENTS = {"pytest-xdist"}
# Repository folders the plugin's tests read, found at the same place relative to the tests.
FOLDERS_THE_TESTS_READ = ("docs/examples",)

pytestmark = pytest.mark.slow


def clean_environment():
    """This process's environment without PYTHONPATH, so that the fresh venv sees only what it installed."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


@pytest.fixture(scope="module")
def wheel(plugin_distributions):
    """The wheel `make release` builds (from the sdist, so a file the sdist lacks is missing from the wheel too)."""
    return plugin_distributions[1]


def requirements_of_the_tests():
    return [
        line
        for line in requirement_lines(ROOT / "requirements-dev.txt")
        if Requirement(line).name in TEST_ONLY_REQUIREMENTS
    ]


@pytest.fixture(scope="module")
def fresh_python(wheel, tmp_path_factory):
    """The python of a new venv with only the wheel, its dependencies and the tests' own (from PyPI) installed."""
    venv = tmp_path_factory.mktemp("plugin-venv") / "venv"
    run_ok([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    run_ok(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            ROOT / "constraints.txt",
            wheel,
            *requirements_of_the_tests(),
        ],
        env=clean_environment(),
    )
    return python


def test_the_wheel_carries_the_package_data_and_the_pytest_entry_point(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
        entry_points_text = archive.read(entry_points).decode()
    for expected in (
        "pytest_cleanroomsml/data/collaboration_trained_model.schema.json",
        "pytest_cleanroomsml/_shared/trained_model_validation.py",
        "pytest_cleanroomsml/py.typed",
    ):
        assert expected in names
    assert "[pytest11]\ncleanroomsml = pytest_cleanroomsml.plugin" in entry_points_text


def test_the_sdist_and_the_wheel_carry_the_collections_version(plugin_distributions):
    # The wheel is built from the sdist, which holds no galaxy.yml: the version must travel in _version.py.
    version = yaml.safe_load((ROOT / "galaxy.yml").read_text(encoding="utf-8"))["version"]
    sdist, wheel = plugin_distributions

    assert (sdist.name, wheel.name) == (
        f"pytest_cleanroomsml-{version}.tar.gz",
        f"pytest_cleanroomsml-{version}-py3-none-any.whl",
    )


def test_the_fresh_venv_has_no_ansible(fresh_python, tmp_path):
    result = run([fresh_python, "-c", "import ansible"], cwd=tmp_path, env=clean_environment())
    assert result.returncode != 0, describe(result)
    assert "No module named 'ansible'" in result.stderr


def test_the_plugins_own_tests_pass_against_the_wheel(fresh_python, tmp_path):
    # From a copy without the plugin's sources, so that only the wheel provides pytest_cleanroomsml.
    tests = tmp_path / PLUGIN_SOURCE.relative_to(ROOT) / "tests"
    shutil.copytree(PLUGIN_SOURCE / "tests", tests, ignore=BUILD_DEBRIS)
    for name in FOLDERS_THE_TESTS_READ:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=BUILD_DEBRIS)
    located = run_ok(
        [fresh_python, "-c", "import pytest_cleanroomsml; print(pytest_cleanroomsml.__file__)"],
        cwd=tests.parent,
        env=clean_environment(),
    )
    assert located.stdout.startswith(str(fresh_python.parent.parent)), "the plugin must come from the wheel"

    result = run_ok(
        [fresh_python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "tests"],
        cwd=tests.parent,
        env=clean_environment(),
    )
    assert " passed" in result.stdout.splitlines()[-1]
