"""Galaxy's own importer (galaxy-importer, offline) accepts the collection tarball with no ERROR and no WARNING.

Its ansible-doc and ansible-lint steps run (tools/ecosystem/galaxy-importer.cfg); its ansible-test step needs
a container engine, and `make sanity` runs the same sanity tests.
"""

import pytest
from release_artifacts import GALAXY_IMPORTER_CONFIG, galaxy_import
from tool_runs import describe

PUBLIC_HOME = "https://github.com/cleanrooms-ml/cleanrooms.ml"


@pytest.fixture(scope="module")
def imported(collection_tarball):
    return galaxy_import(collection_tarball)


def test_the_config_turns_ansible_doc_and_ansible_lint_on_and_ansible_test_off():
    settings = dict(
        line.replace(" ", "").split("=", 1)
        for line in GALAXY_IMPORTER_CONFIG.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert settings["RUN_ANSIBLE_DOC"] == settings["RUN_ANSIBLE_LINT"] == settings["OFFLINE_ANSIBLE_LINT"] == "True"
    assert settings["RUN_ANSIBLE_TEST"] == "False"


def test_the_importer_accepts_the_tarball_with_no_error_and_no_warning(imported):
    result, findings, importer_result = imported
    assert result.returncode == 0, describe(result)
    assert importer_result is not None, describe(result)
    assert findings == [], describe(result)
    assert "Linting collection via ansible-lint" in result.stderr + result.stdout, "ansible-lint must have run"


def test_the_importer_reads_the_docs_of_the_module_and_the_lookup(imported):
    _tarball, _findings, importer_result = imported
    documented = {
        (content["content_type"], content["content_name"])
        for content in importer_result["docs_blob"]["contents"]
        if (content.get("doc_strings") or {}).get("doc")
    }
    assert {("module", "cleanroomsml_trained_model_info"), ("lookup", "cleanroomsml_trained_model_info")} <= documented


def test_the_metadata_points_at_the_public_home(imported):
    metadata = imported[2]["metadata"]
    assert metadata["repository"] == metadata["homepage"] == PUBLIC_HOME
    assert metadata["issues"] == PUBLIC_HOME + "/issues"
    assert metadata["documentation"] == PUBLIC_HOME + "/tree/main/docs"
