"""ansible-rulebook runs the guide's rulebook (docs/examples/rulebooks/) with the event source
cleanrooms.ml.trained_model_status against the fake over HTTP: when a model turns ACTIVE the
rule's playbook runs, uses the module, and records the deployment; a failed one is alerted."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from fake_playbook import playbook_environment
from pytest_cleanroomsml.fake.seed import apply_seed, load_seed

ROOT = Path(__file__).resolve().parents[2]


RULEBOOKS = ROOT / "docs" / "examples" / "rulebooks"
COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
POLL_DELAY = 1
# The seed's models turn ACTIVE / CREATE_FAILED this many seconds after the first request that
# reads them (the source's next poll), on the wall clock: the fake's server is steered by nobody.
CHANGE_AFTER = 4
# ansible-rulebook's start (a JVM), two polls and a playbook run, on a busy machine.
TIMEOUT = 120

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None, reason="ansible-rulebook needs Java 17, and there is no java on PATH"
)


def first_page_polls(calls):
    return [
        index
        for index, (name, params) in enumerate(calls)
        if name == "ListCollaborationTrainedModels" and not params.get("nextToken")
    ]


def wait_for(condition, rulebook, output, what):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if rulebook.poll() is not None:
            pytest.fail(
                "ansible-rulebook ended (rc={}) before {}:\n{}".format(
                    rulebook.returncode, what, output.read_text(errors="replace")[-6000:]
                )
            )
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {TIMEOUT} s:\n{output.read_text(errors='replace')[-6000:]}")
        time.sleep(0.1)


@pytest.fixture
def rulebook_environment(cleanroomsml_server):
    environment = playbook_environment()
    environment["AWS_ENDPOINT_URL"] = cleanroomsml_server  # boto3 sends the source's and the module's calls to the fake
    # ansible-rulebook finds collections with ansible-galaxy, and runs playbooks with ansible-playbook, from PATH.
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")])
    return environment


def test_the_rulebook_deploys_a_model_that_turns_active_and_alerts_a_failed_one(
    cleanroomsml_fake, rulebook_environment, tmp_path
):
    variables = tmp_path / "vars.yml"
    variables.write_text(
        yaml.safe_dump({"collaboration_id": COLLABORATION, "poll_delay": POLL_DELAY, "records_dir": str(tmp_path)})
    )
    output = tmp_path / "rulebook.log"
    with open(output, "wb") as log:
        rulebook = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "ansible-rulebook"),
                "-r",
                "trained_model_status.yml",
                "-i",
                "inventory.yml",
                "--vars",
                str(variables),
                "-v",
            ],
            cwd=RULEBOOKS,
            env=rulebook_environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: first_page_polls(cleanroomsml_fake.calls), rulebook, output, "first poll")
        seeded = apply_seed(cleanroomsml_fake, load_seed(RULEBOOKS / "seed_models.yaml"))
        churn = next(model for model in seeded if model["name"] == "churn")
        seeded_at = len(cleanroomsml_fake.calls)
        wait_for(lambda: first_page_polls(cleanroomsml_fake.calls[seeded_at:]), rulebook, output, "poll after seeding")
        time.sleep(CHANGE_AFTER)
        calls_before_the_change = len(cleanroomsml_fake.calls)

        deployments = tmp_path / "deployments.log"
        alerts = tmp_path / "alerts.log"
        wait_for(lambda: deployments.is_file() and alerts.is_file(), rulebook, output, "deployment and alert records")

        assert deployments.read_text().splitlines() == [
            "deployed churn version {} (ACTIVE)".format(churn["versionIdentifier"])
        ]
        assert alerts.read_text().splitlines() == [
            "training of fraud failed: container exited with code 1 (AlgorithmError)"
        ]
        calls = list(cleanroomsml_fake.calls)
        gets = [
            (index, params)
            for index, (name, params) in enumerate(calls)
            if name == "GetCollaborationTrainedModel" and params["trainedModelArn"] == churn["trainedModelArn"]
        ]
        source_get = next(index for index, params in gets if "versionIdentifier" not in params)
        assert any(params.get("versionIdentifier") == churn["versionIdentifier"] for index, params in gets), (
            "the playbook's module asked the fake"
        )
        polls_to_see_it = [index for index in first_page_polls(calls) if calls_before_the_change <= index < source_get]
        assert len(polls_to_see_it) <= 2, "the change was reported within two polls"
    finally:
        os.killpg(rulebook.pid, signal.SIGTERM)
        try:
            rulebook.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(rulebook.pid, signal.SIGKILL)
            rulebook.wait()


def test_the_guide_shows_the_rulebook_this_test_runs():
    guide = (ROOT / "docs" / "docsite" / "rst" / "event_driven.rst").read_text(encoding="utf-8")
    section = guide.split("Deploy when ACTIVE, alert when failed\n")[1]
    block = section.split(".. code-block:: yaml+jinja\n\n", 1)[1].split("\n\n``", 1)[0]
    shown = "\n".join(line[3:] for line in block.splitlines()) + "\n"

    assert shown == (RULEBOOKS / "trained_model_status.yml").read_text(encoding="utf-8")


def test_the_guides_decision_environment_is_one_ansible_builder_accepts(tmp_path):
    definition = RULEBOOKS / "decision-environment.yml"
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "ansible-builder"),
            "create",
            "-f",
            str(definition),
            "--context",
            str(tmp_path / "context"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "cleanrooms.ml" in (tmp_path / "context" / "_build" / "requirements.yml").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "docsite" / "rst" / "event_driven.rst").read_text(encoding="utf-8")
    assert "\n".join(
        line for line in definition.read_text(encoding="utf-8").splitlines() if not line.startswith(("#", "---"))
    ) in "\n".join(line[3:] for line in guide.splitlines())
