"""Run ansible-playbook against the Clean Rooms ML fake served over HTTP.

Used by `make demo` (tools/run_demo.py) and the integration tests: both seed a fake,
serve it, and hand the playbook the endpoint URL and what was seeded as extra vars.
"""

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pytest_cleanroomsml.fake.in_process import FAKE_CREDENTIALS

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"

# Credentials that only the fake accepts: never the caller's real ones.
FAKE_AWS_ENVIRONMENT = {**FAKE_CREDENTIALS, "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1"}


def playbook_environment() -> dict[str, str]:
    """The environment ansible-playbook needs to find both collections and only fake credentials."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("AWS_")  # no real profile, key or endpoint may leak into a run
    }
    environment.update(FAKE_AWS_ENVIRONMENT)
    environment.update(
        ANSIBLE_COLLECTIONS_PATH=str(BUILD),
        ANSIBLE_LOCAL_TEMP=str(BUILD / "tmp" / "local"),
        ANSIBLE_REMOTE_TEMP=str(BUILD / "tmp" / "remote"),
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_RETRY_FILES_ENABLED="0",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="0",
        ANSIBLE_LOCALHOST_WARNING="0",
    )
    return environment


def model_vars(descriptions: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Seeded models as playbook vars, by name.

    ``descriptions`` are what the fake returned while seeding, oldest version first. Each
    name maps to {arn, collaboration_identifier, version_identifier (the latest), versions}.
    """
    models: dict[str, dict[str, Any]] = {}
    for description in descriptions:
        model = models.setdefault(
            description["name"],
            {
                "arn": description["trainedModelArn"],
                "collaboration_identifier": description["collaborationIdentifier"],
                "versions": [],
            },
        )
        model["version_identifier"] = description.get("versionIdentifier")
        model["versions"].append(description.get("versionIdentifier"))
    return models


def run_playbook(
    playbook: str | Path,
    endpoint_url: str,
    extra_vars: Mapping[str, Any] | None = None,
    options: Sequence[str] = (),
    capture: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run a playbook with cleanroomsml_endpoint_url and extra_vars; returns the CompletedProcess."""
    variables = dict(extra_vars or {}, cleanroomsml_endpoint_url=endpoint_url)
    ansible_playbook = Path(sys.executable).parent / "ansible-playbook"
    with tempfile.NamedTemporaryFile("w", suffix=".json", dir=BUILD, delete=False) as handle:
        json.dump(variables, handle)
    try:
        return subprocess.run(
            [str(ansible_playbook), "-i", "localhost,", "-e", "@" + handle.name, *options, str(playbook)],
            env=playbook_environment(),
            cwd=ROOT,
            capture_output=capture,
            text=True,
            check=False,
        )
    finally:
        os.unlink(handle.name)
