"""The collection and the pytest plugin carry one version number: galaxy.yml's.

galaxy.yml is the one place it is written; `make schema` copies it into the plugin's _version.py,
which the plugin's pyproject.toml reads as its version, and `antsibull-changelog release` names the
newest release after it.
"""

import importlib.metadata
import re
from pathlib import Path

import pytest_cleanroomsml
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[3]


def galaxy_version():
    return str(yaml.safe_load((ROOT / "galaxy.yml").read_text(encoding="utf-8"))["version"])


def newest_changelog_release():
    releases = yaml.safe_load((ROOT / "changelogs" / "changelog.yaml").read_text(encoding="utf-8"))["releases"]
    return max(releases, key=lambda version: tuple(int(part) for part in version.split(".")))


def newest_changelog_rst_title():
    """The first release title of CHANGELOG.rst (a line 'vX.Y.Z')."""
    text = (ROOT / "CHANGELOG.rst").read_text(encoding="utf-8")
    return re.search(r"^v(\d+\.\d+\.\d+)$", text, re.MULTILINE).group(1)


def test_the_plugins_metadata_is_the_collections_version():
    assert importlib.metadata.version("pytest-cleanroomsml") == galaxy_version(), (
        "reinstall the plugin (`make venv`) after changing galaxy.yml's version and running `make schema`"
    )


def test_the_plugins_dunder_version_is_the_collections_version():
    assert pytest_cleanroomsml.__version__ == galaxy_version(), "run `make schema` after changing galaxy.yml"


def test_the_changelog_names_the_version_as_its_newest_release():
    assert newest_changelog_release() == galaxy_version(), "run `antsibull-changelog release` with the new version"
    assert newest_changelog_rst_title() == galaxy_version(), "run `make changelog`"


def test_the_plugin_writes_no_version_of_its_own():
    """The plugin's pyproject.toml takes its version from _version.py, which `make schema` writes."""
    pyproject = tomllib.loads((ROOT / "pytest_plugin" / "pyproject.toml").read_text(encoding="utf-8"))

    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "pytest_cleanroomsml._version.__version__"}
