"""`ansible-galaxy collection build` makes a tarball of what a collection user needs, which works once installed."""

import fnmatch
import json
import tarfile

from tool_runs import ROOT, ansible_environment, run_ok, tool

# Every file a collection user needs, and nothing else: what Galaxy, ansible-builder, ansible-core
# and the docs site read. Patterns match one path segment each (`*` never crosses a `/`), so that new
# plugins, event sources and doc pages are in, and the development files build_ignore leaves out
# (pytest_plugin/, tools/, benchmarks/, tests/, Makefile, constraints.txt, .ci/...) are not.
ALLOWED_FILES = (
    "MANIFEST.json",
    "FILES.json",
    "README.md",
    "COPYING",
    "CHANGELOG.rst",
    "changelogs/changelog.yaml",
    "changelogs/config.yaml",
    "meta/runtime.yml",
    "meta/execution-environment.yml",
    "requirements.txt",
    "bindep.txt",
    "plugins/*/*.py",
    "plugins/*/*.yml",
    "extensions/eda/plugins/event_source/*.py",
    "extensions/eda/rulebooks/*.yml",
    "docs/*.md",
    "docs/*/*.md",
    "docs/docsite/*.yml",
    "docs/docsite/rst/*.rst",
    "docs/schema/*.json",
    "docs/examples/*.yml",
    "docs/examples/*.yaml",
    "docs/examples/*.py",
    "docs/examples/templates/*.j2",
    "docs/examples/rulebooks/*.yml",
    "docs/examples/rulebooks/*.yaml",
)

# Among them, what must be there.
COLLECTION_FILES = (
    "MANIFEST.json",
    "FILES.json",
    "README.md",
    "COPYING",
    "CHANGELOG.rst",
    "changelogs/changelog.yaml",
    "meta/runtime.yml",
    "meta/execution-environment.yml",
    "requirements.txt",
    "bindep.txt",
    "docs/schema/collaboration_trained_model.schema.json",
)

INSTALLED_PLAYBOOK = "tests/ecosystem/playbooks/installed_collection.yml"


def tarball_names(tarball):
    """The files of the tarball (not its directories)."""
    with tarfile.open(tarball) as archive:
        return {member.name for member in archive.getmembers() if not member.isdir()}


def is_allowed(name):
    segments = name.split("/")
    return any(
        len(segments) == len(pattern.split("/")) and all(map(fnmatch.fnmatchcase, segments, pattern.split("/")))
        for pattern in ALLOWED_FILES
    )


def test_the_tarball_holds_only_what_a_collection_user_needs(collection_tarball):
    unexpected = sorted(name for name in tarball_names(collection_tarball) if not is_allowed(name))
    assert unexpected == [], "add these to build_ignore in galaxy.yml (or, if users need them, to ALLOWED_FILES)"


def test_the_allowlist_admits_new_plugins_and_pages_but_not_development_files():
    admitted = [
        "plugins/test/trained_model.py",
        "plugins/filter/trained_model.py",
        "extensions/eda/plugins/event_source/trained_model_status.py",
        "docs/docsite/rst/event_driven.rst",
        "docs/eda.md",
    ]
    refused = [
        "pytest_plugin/pytest_cleanroomsml/plugin.py",
        "tools/schema_copies.py",
        "benchmarks/run.py",
        "Makefile",
        "constraints.txt",
        ".ci/run",
        "tests/unit/conftest.py",
        "requirements-dev.txt",
        "schema/collaboration_trained_model.schema.json",
        "plugins/modules/__pycache__/x.cpython-311.pyc",
        "changelogs/fragments/14-release.yml",
    ]
    assert [name for name in admitted if not is_allowed(name)] == []
    assert [name for name in refused if is_allowed(name)] == []


def test_the_tarball_holds_every_plugin_file_and_the_collection_metadata(collection_tarball):
    plugin_files = {path.relative_to(ROOT).as_posix() for path in (ROOT / "plugins").rglob("*.py")}
    missing = sorted((plugin_files | set(COLLECTION_FILES)) - tarball_names(collection_tarball))
    assert missing == []


def test_the_installed_collection_runs_a_playbook(
    installed_collections, cleanroomsml_fake, cleanroomsml_server, tmp_path
):
    environment = ansible_environment(installed_collections)
    listed = run_ok(
        [tool("ansible-galaxy"), "collection", "list", "cleanrooms.ml", "--format", "json"],
        cwd=tmp_path,
        env=environment,
    )
    assert list(json.loads(listed.stdout)) == [str(installed_collections / "ansible_collections")], (
        "the playbook must not see the work tree"
    )

    model = cleanroomsml_fake.add_trained_model(name="installed-check", status="ACTIVE")
    variables = tmp_path / "vars.json"
    variables.write_text(
        json.dumps(
            {
                "cleanroomsml_endpoint_url": cleanroomsml_server,
                "model_arn": model["trainedModelArn"],
                "collaboration_identifier": model["collaborationIdentifier"],
            }
        ),
        encoding="utf-8",
    )
    playbook = ROOT / INSTALLED_PLAYBOOK  # tests/ is not in the tarball
    result = run_ok(
        [tool("ansible-playbook"), "-i", "localhost,", "-e", f"@{variables}", playbook], cwd=tmp_path, env=environment
    )

    assert "failed=0" in result.stdout
    operations = [call[0] for call in cleanroomsml_fake.calls]
    assert operations == ["GetCollaborationTrainedModel"] * 2, "the module and the lookup each ask the fake once"
