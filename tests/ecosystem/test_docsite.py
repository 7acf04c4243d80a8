"""The user guide (docs/docsite) and the plugins' documentation build for docs.ansible.com, and the docs' links resolve."""

import re

import pytest

from tool_runs import ROOT, ansible_environment, run_ok, tool

DOCS = ROOT / "docs"
# Relative links: RST `text <target>`_ and Markdown [text](target); not those to web addresses or anchors.
LINK_PATTERNS = {".rst": re.compile(r"`[^`<]*<([^>`]+)>`_"), ".md": re.compile(r"\]\(([^)\s]+)\)")}
LINKING_DOCUMENTS = sorted(
    [*DOCS.glob("docsite/rst/*.rst"), DOCS / "schema" / "README.md", *DOCS.glob("reference/*.md")]
)


def test_antsibull_docs_lint_passes_on_the_docsite_and_the_plugins():
    environment = ansible_environment()
    # antsibull-docs copies amazon.aws with git when git says it lies in a work tree, and .venv/ is
    # ignored there, so the copy would be empty: a ceiling at the repository makes it copy the files.
    environment["GIT_CEILING_DIRECTORIES"] = str(ROOT)
    run_ok([tool("antsibull-docs"), "lint-collection-docs", "--plugin-docs", "--check-extra-docs-refs", ROOT], env=environment)


def test_the_guide_links_to_the_pytest_plugin_guide():
    guide = (DOCS / "docsite" / "rst" / "offline_fake.rst").read_text(encoding="utf-8")
    assert "<../../testing-ml-pipelines.md>`_" in guide


@pytest.mark.parametrize("document", LINKING_DOCUMENTS, ids=[str(path.relative_to(DOCS)) for path in LINKING_DOCUMENTS])
def test_relative_links_resolve(document):
    targets = LINK_PATTERNS[document.suffix].findall(document.read_text(encoding="utf-8"))
    unescaped = [re.sub(r"\\(.)", r"\1", target) for target in targets]  # Markdown's backslash escapes
    relative = [target.split("#")[0] for target in unescaped if not re.match(r"[a-z]+:", target)]
    broken = [target for target in relative if target and not (document.parent / target).exists()]
    assert broken == []
