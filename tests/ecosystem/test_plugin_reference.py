"""docs/reference/ is what tools/ecosystem/plugin_reference.py renders from the plugins' documentation."""

import copy
import shutil

import plugin_reference
import pytest
from tool_runs import ROOT

MODULE = "cleanrooms.ml.cleanroomsml_trained_model_info"


@pytest.fixture(scope="module")
def plugin_docs():
    return plugin_reference.collection_plugin_docs()


def stale_names():
    return sorted(path.name for path in plugin_reference.stale_files())


def test_the_reference_is_up_to_date():
    assert stale_names() == [], "run `make reference`"


def test_every_module_and_lookup_file_has_a_page(plugin_docs):
    plugin_files = {
        (path.stem, plugin_type)
        for directory, plugin_type in [("modules", "module"), ("lookup", "lookup")]
        for path in (ROOT / "plugins" / directory).glob("*.py")
    }
    documented = {
        (fqcn.rsplit(".", 1)[-1], plugin_type) for plugin_type, plugins in plugin_docs.items() for fqcn in plugins
    }
    assert plugin_files <= documented


def test_a_changed_description_makes_its_page_and_the_index_stale(plugin_docs, monkeypatch):
    changed = copy.deepcopy(plugin_docs)
    changed["module"][MODULE]["doc"]["short_description"] = "Something else"
    monkeypatch.setattr(plugin_reference, "collection_plugin_docs", lambda: changed)
    assert stale_names() == ["README.md", "cleanroomsml_trained_model_info_module.md"]


def test_a_page_of_a_removed_plugin_is_stale(plugin_docs, monkeypatch, tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(plugin_reference.REFERENCE, reference)
    (reference / "retired_module.md").write_text("# cleanrooms.ml.retired module\n", encoding="utf-8")
    monkeypatch.setattr(plugin_reference, "REFERENCE", reference)
    monkeypatch.setattr(plugin_reference, "collection_plugin_docs", lambda: plugin_docs)
    assert stale_names() == ["retired_module.md"]


def test_markup_links_to_the_pages_of_this_reference_only():
    links = plugin_reference.ReferenceLinks({(MODULE, "module"), (MODULE, "lookup")})
    lookup_page = plugin_reference.PluginPage(MODULE, "lookup", {"doc": {}}, links)
    markdown = lookup_page.markup(
        f"O(field), O(_terms), RV({MODULE}#module:trained_model), M({MODULE}), M(amazon.aws.s3_object)"
    )
    assert '<a href="#parameters">field</a>' in markdown
    assert '<a href="#terms">\\_terms</a>' in markdown
    assert '<a href="cleanroomsml_trained_model_info_module.md#return-values">trained\\_model</a>' in markdown
    assert "](cleanroomsml\\_trained\\_model\\_info\\_module\\.md)" in markdown  # Markdown escapes, valid in a link
    assert markdown.endswith(", amazon\\.aws\\.s3\\_object")  # not documented here: plain text
