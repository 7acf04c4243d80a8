"""pytest-cleanroomsml's sdist and wheel pass PyPI's checks, and their metadata and README work on PyPI."""

import re
import zipfile
from email.parser import Parser

import pytest
from release_artifacts import twine_check
from tool_runs import ROOT, describe

PUBLIC_HOME = "https://github.com/cleanrooms-ml/cleanrooms.ml"
# Markdown links and images: [text](target), ![alt](target).
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# READMEs that Galaxy (the collection's) and PyPI (the plugin's) show away from the repository.
PUBLISHED_READMES = ("README.md", "pytest_plugin/README.md")


@pytest.fixture(scope="module")
def wheel_metadata(plugin_distributions):
    with zipfile.ZipFile(plugin_distributions[1]) as archive:
        [name] = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(name).decode())


def test_twine_check_strict_passes_on_the_sdist_and_the_wheel(plugin_distributions):
    result = twine_check(plugin_distributions)
    assert result.returncode == 0, describe(result)
    assert result.stdout.count("PASSED") == 2, describe(result)


def test_the_license_is_an_spdx_expression_and_ships_its_text(wheel_metadata):
    assert wheel_metadata["License-Expression"] == "GPL-3.0-or-later"
    assert wheel_metadata.get_all("License-File") == ["COPYING"]
    assert not [value for value in wheel_metadata.get_all("Classifier") if value.startswith("License ::")], (
        "PEP 639: the expression only"
    )


def test_the_classifiers_name_pytest(wheel_metadata):
    assert "Framework :: Pytest" in wheel_metadata.get_all("Classifier")


def test_the_project_urls_lead_to_the_public_home(wheel_metadata):
    urls = dict(value.split(", ", 1) for value in wheel_metadata.get_all("Project-URL"))
    assert urls["Homepage"] == PUBLIC_HOME
    assert urls["Issues"] == PUBLIC_HOME + "/issues"
    assert urls["Documentation"] == PUBLIC_HOME + "/tree/main/docs"
    assert [url for url in urls.values() if not url.startswith(PUBLIC_HOME)] == []


@pytest.mark.parametrize("readme", PUBLISHED_READMES)
def test_the_published_readmes_link_to_files_of_the_public_home(readme):
    links = MARKDOWN_LINK.findall((ROOT / readme).read_text(encoding="utf-8"))
    assert links, "a README with no link says nothing of where the project lives"
    assert [link for link in links if not re.match(r"https?://", link)] == [], (
        "use absolute links: the README is shown away from the repository"
    )
    in_repository = [link.split("#")[0] for link in links if re.match(PUBLIC_HOME + "/(blob|tree)/main/", link)]
    missing = [
        link for link in in_repository if not (ROOT / re.sub(PUBLIC_HOME + "/(blob|tree)/main/", "", link)).exists()
    ]
    assert missing == []


def test_the_wheel_readme_is_the_plugins(wheel_metadata):
    assert wheel_metadata["Description-Content-Type"] == "text/markdown"
    assert (
        wheel_metadata.get_payload().strip()
        == (ROOT / "pytest_plugin" / "README.md").read_text(encoding="utf-8").strip()
    )
