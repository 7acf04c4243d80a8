"""`ansible-galaxy collection build` makes a tarball without development debris that works once installed."""

import json
import tarfile

from tool_runs import ROOT, ansible_environment, run_ok, tool

# What galaxy.yml's build_ignore keeps out: the venv, and what builds, packaging, tests and type checks leave.
DEBRIS_DIRECTORIES = ("build/", ".venv/", "tests/output/", "pytest_plugin/build/", "pytest_plugin/dist/")
DEBRIS_FILES = ("changelogs/.plugin-cache.yaml",)
DEBRIS_NAMES = ("__pycache__", ".pytest_cache", ".mypy_cache")

# Besides every file under plugins/: what Galaxy, ansible-builder and ansible-core read.
COLLECTION_FILES = (
    "MANIFEST.json",
    "FILES.json",
    "README.md",
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
    with tarfile.open(tarball) as archive:
        return {member.name for member in archive.getmembers()}


def is_debris(name):
    parts = name.split("/")
    return (
        (name + "/").startswith(DEBRIS_DIRECTORIES)
        or name in DEBRIS_FILES
        or any(part in DEBRIS_NAMES or part.endswith(".egg-info") for part in parts)
    )


def test_the_tarball_leaves_out_development_debris(collection_tarball):
    debris = sorted(name for name in tarball_names(collection_tarball) if is_debris(name))
    assert debris == [], "add these to build_ignore in galaxy.yml"


def test_the_tarball_holds_every_plugin_file_and_the_collection_metadata(collection_tarball):
    plugin_files = {path.relative_to(ROOT).as_posix() for path in (ROOT / "plugins").rglob("*.py")}
    missing = sorted((plugin_files | set(COLLECTION_FILES)) - tarball_names(collection_tarball))
    assert missing == []


def test_the_installed_collection_runs_a_playbook(installed_collections, cleanroomsml_fake, cleanroomsml_server, tmp_path):
    environment = ansible_environment(installed_collections)
    listed = run_ok([tool("ansible-galaxy"), "collection", "list", "cleanrooms.ml", "--format", "json"], cwd=tmp_path, env=environment)
    assert list(json.loads(listed.stdout)) == [str(installed_collections / "ansible_collections")], "the playbook must not see the work tree"

    model = cleanroomsml_fake.add_trained_model(name="installed-check", status="ACTIVE")
    variables = tmp_path / "vars.json"
    variables.write_text(json.dumps({
        "cleanroomsml_endpoint_url": cleanroomsml_server,
        "model_arn": model["trainedModelArn"],
        "collaboration_identifier": model["collaborationIdentifier"],
    }), encoding="utf-8")
    playbook = installed_collections / "ansible_collections" / "cleanrooms" / "ml" / INSTALLED_PLAYBOOK
    result = run_ok([tool("ansible-playbook"), "-i", "localhost,", "-e", "@%s" % variables, playbook], cwd=tmp_path, env=environment)

    assert "failed=0" in result.stdout
    operations = [call[0] for call in cleanroomsml_fake.calls]
    assert operations == ["GetCollaborationTrainedModel"] * 2, "the module and the lookup each ask the fake once"
