"""The user guide (docs/docsite) and the plugins' documentation build for docs.ansible.com, and the docs' links
resolve.
"""

import re
from urllib.parse import urlsplit

import pytest
from docsite import build_docsite
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
    run_ok(
        [tool("antsibull-docs"), "lint-collection-docs", "--plugin-docs", "--check-extra-docs-refs", ROOT],
        env=environment,
    )


PUBLIC_DOCS = "https://github.com/cleanrooms-ml/cleanrooms.ml/blob/main/docs/"


def test_the_guide_links_to_the_pytest_plugin_guide():
    guide = (DOCS / "docsite" / "rst" / "offline_fake.rst").read_text(encoding="utf-8")
    assert f"<{PUBLIC_DOCS}testing-ml-pipelines.md>`_" in guide


@pytest.mark.parametrize("guide", sorted(DOCS.glob("docsite/rst/*.rst")), ids=lambda path: path.name)
def test_the_guides_link_to_repository_files_by_their_public_address(guide):
    # A relative link to a file outside docs/docsite breaks on the docsite (docs.ansible.com, `make docsite`).
    targets = LINK_PATTERNS[".rst"].findall(guide.read_text(encoding="utf-8"))
    relative = [target for target in targets if not re.match(r"[a-z]+:", target)]
    assert relative == []
    missing = [
        target
        for target in targets
        if target.startswith(PUBLIC_DOCS) and not (DOCS / target[len(PUBLIC_DOCS) :].split("#")[0]).exists()
    ]
    assert missing == []


@pytest.mark.parametrize("document", LINKING_DOCUMENTS, ids=[str(path.relative_to(DOCS)) for path in LINKING_DOCUMENTS])
def test_relative_links_resolve(document):
    targets = LINK_PATTERNS[document.suffix].findall(document.read_text(encoding="utf-8"))
    unescaped = [re.sub(r"\\(.)", r"\1", target) for target in targets]  # Markdown's backslash escapes
    relative = [target.split("#")[0] for target in unescaped if not re.match(r"[a-z]+:", target)]
    broken = [target for target in relative if target and not (document.parent / target).exists()]
    assert broken == []


# The HTML site `make docsite` builds: the collection's pages, relative to its html/ folder.
COLLECTION_PAGES = "collections/cleanrooms/ml"
MODULE_PAGE = COLLECTION_PAGES + "/cleanroomsml_trained_model_info_module.html"
LOOKUP_PAGE = COLLECTION_PAGES + "/cleanroomsml_trained_model_info_lookup.html"
INDEX_PAGE = COLLECTION_PAGES + "/index.html"
GUIDE_PAGES = [COLLECTION_PAGES + f"/docsite/{path.stem}.html" for path in sorted(DOCS.glob("docsite/rst/*.rst"))]
# page -> the pages it must link to
REQUIRED_LINKS = {
    INDEX_PAGE: [MODULE_PAGE, LOOKUP_PAGE, *GUIDE_PAGES],
    MODULE_PAGE: [LOOKUP_PAGE, COLLECTION_PAGES + "/docsite/using_the_module.html"],
    LOOKUP_PAGE: [MODULE_PAGE, COLLECTION_PAGES + "/docsite/using_the_module.html"],
    COLLECTION_PAGES + "/docsite/getting_started.html": [MODULE_PAGE, LOOKUP_PAGE],
    COLLECTION_PAGES + "/docsite/using_the_module.html": [MODULE_PAGE, LOOKUP_PAGE],
}
HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    """The html/ folder of the docsite, built offline with warnings as errors."""
    dest = tmp_path_factory.mktemp("docsite") / "site"
    code, log = build_docsite(dest)
    assert code == 0, log
    assert [line for line in log.splitlines() if re.search(r"\bWARNING\b|\bERROR\b", line)] == [], log
    return dest / "build" / "html"


def local_links(html, page):
    """The files (relative to html/) that a page links to: no anchors, queries, web addresses or absolute paths."""
    targets = {
        urlsplit(href).path
        for href in HREF.findall((html / page).read_text(encoding="utf-8"))
        if not re.match(r"[a-z]+:|/", href)
    }
    base = (html / page).parent
    return {(base / target).resolve().relative_to(html.resolve()).as_posix() for target in targets if target}


def test_the_docsite_has_the_module_lookup_and_guide_pages(html):
    missing = [page for page in [INDEX_PAGE, MODULE_PAGE, LOOKUP_PAGE, *GUIDE_PAGES] if not (html / page).is_file()]
    assert missing == []


@pytest.mark.parametrize("page", sorted(REQUIRED_LINKS))
def test_the_pages_link_to_each_other(html, page):
    assert sorted(set(REQUIRED_LINKS[page]) - local_links(html, page)) == []


def test_the_collection_pages_have_no_broken_links(html):
    pages = sorted(path.relative_to(html).as_posix() for path in (html / COLLECTION_PAGES).rglob("*.html"))
    broken = sorted(
        f"{page} -> {target}" for page in pages for target in local_links(html, page) if not (html / target).exists()
    )
    assert broken == []
