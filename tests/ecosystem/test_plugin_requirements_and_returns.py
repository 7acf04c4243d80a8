"""What the module's and the lookup's documentation says they need and return is what they need and return."""

import pytest
from packaging.requirements import Requirement
from plugin_reference import collection_plugin_docs
from requirement_files import requirement_lines
from tool_runs import ROOT

PLUGINS = [
    ("module", "cleanrooms.ml.cleanroomsml_trained_model_info"),
    ("lookup", "cleanrooms.ml.cleanroomsml_trained_model_info"),
]
# botocore 1.35, the oldest that requirements.txt allows, needs Python 3.8.
PYTHON_REQUIREMENT = "python >= 3.8"


@pytest.fixture(scope="module")
def plugin_docs():
    return collection_plugin_docs()


def normalised(requirement):
    return str(Requirement(requirement))


@pytest.mark.parametrize("plugin_type, fqcn", PLUGINS)
def test_the_stated_requirements_are_requirements_txt(plugin_docs, plugin_type, fqcn):
    stated = plugin_docs[plugin_type][fqcn]["doc"]["requirements"]
    libraries = sorted(normalised(requirement) for requirement in stated if requirement != PYTHON_REQUIREMENT)
    assert PYTHON_REQUIREMENT in stated
    assert libraries == sorted(normalised(line) for line in requirement_lines(ROOT / "requirements.txt"))


def test_the_module_documents_the_keys_of_its_failures(plugin_docs):
    returned = plugin_docs["module"]["cleanrooms.ml.cleanroomsml_trained_model_info"]["return"]
    assert {"error", "violations"} <= set(returned)
    assert set(returned["error"]["contains"]) == {"code", "message"}
