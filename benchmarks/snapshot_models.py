"""snapshot-500: `cleanroomsml-fake snapshot` of a collaboration of 500 models with two versions each.

The command runs as a user runs it, in a process of its own (interpreter start and imports
included), against the fake served over HTTP at latency 0; its seed file is checked to hold
every model and version, so that a snapshot that read less cannot look fast.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from fake_playbook import playbook_environment

from benchmarks import ROOT
from benchmarks.fake_service import REGION, served_models
from benchmarks.figures import AtMost, Quantity, Row

NAME = "snapshot-500"
SIZES = {"full": {"models": 500, "rounds": 3}, "tiny": {"models": 3, "rounds": 1}}
VERSIONS = 2
GOAL = AtMost(10, "s")


def run(models, rounds):
    seconds = []
    with served_models(models, versions=VERSIONS) as served, tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "snapshot.yaml"
        command = [sys.executable, "-m", "pytest_cleanroomsml.fake.cli", "snapshot"]
        command += ["--collaboration-identifier", served.collaboration, "--region", REGION]
        command += ["--endpoint-url", served.endpoint_url, "--output", str(output)]
        for _round_number in range(rounds):
            output.unlink(missing_ok=True)
            started = time.perf_counter()
            result = subprocess.run(
                command, env=playbook_environment(), cwd=ROOT, capture_output=True, text=True, check=False
            )
            seconds.append(time.perf_counter() - started)
            if result.returncode != 0:
                raise RuntimeError(f"the snapshot failed (rc={result.returncode}):\n{result.stderr[-6000:]}")
            _check_complete(output, models)
    return [
        Row(
            NAME,
            Quantity.median_of(
                seconds,
                "s",
                f"`cleanroomsml-fake snapshot` of {models} models with {VERSIONS} versions each, fake latency 0, "
                f"process start to exit; median of {rounds} runs",
            ),
            goal=GOAL,
        )
    ]


def _check_complete(output, models):
    entries = yaml.safe_load(output.read_text(encoding="utf-8"))["models"]
    versions = [1 + len(entry.get("versions", [])) for entry in entries]
    if versions != [VERSIONS] * models:
        raise RuntimeError(f"the snapshot holds {len(entries)} models with {sum(versions)} versions, not all of them")
