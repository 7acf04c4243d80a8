"""The demo playbook runs through ansible-runner, as AWX and Automation Controller run playbooks, with the
collection installed from its tarball and nothing from the work tree."""

import json
import shutil

import yaml
from fake_playbook import FAKE_AWS_ENVIRONMENT, model_vars
from pytest_cleanroomsml.fake.seed import apply_seed, load_seed
from tool_runs import ROOT, ansible_environment, describe, run, tool

EXAMPLES = ROOT / "docs" / "examples"
MODULE = "cleanrooms.ml.cleanroomsml_trained_model_info"
WAIT_TASK = "Wait for the model still in training to become ACTIVE"


def module_tasks_of_the_demo():
    plays = yaml.safe_load((EXAMPLES / "demo.yml").read_text(encoding="utf-8"))
    return sum(MODULE in task for play in plays for task in play.get("tasks", []))


def private_data_dir(base, installed_collections, endpoint_url, models):
    """ansible-runner's input folder, as AWX lays it out for a job: project/, inventory/, env/."""
    shutil.copytree(EXAMPLES, base / "project")
    (base / "inventory").mkdir()
    (base / "inventory" / "hosts").write_text("localhost\n", encoding="utf-8")
    (base / "env").mkdir()
    (base / "env" / "extravars").write_text(
        yaml.safe_dump({"cleanroomsml_endpoint_url": endpoint_url, "models": models}), encoding="utf-8"
    )
    # What the job's environment holds: the installed collections only, and fake credentials.
    envvars = dict(
        FAKE_AWS_ENVIRONMENT,
        ANSIBLE_COLLECTIONS_PATH=str(installed_collections),
        ANSIBLE_COLLECTIONS_SCAN_SYS_PATH="False",
    )
    (base / "env" / "envvars").write_text(yaml.safe_dump(envvars), encoding="utf-8")
    return base


def job_events(base):
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((base / "artifacts").glob("*/job_events/*.json"))
    ]


def test_the_demo_playbook_runs_through_ansible_runner(
    installed_collections, cleanroomsml_fake, cleanroomsml_server, tmp_path
):
    models = model_vars(apply_seed(cleanroomsml_fake, load_seed(EXAMPLES / "demo_models.yaml")))
    base = private_data_dir(tmp_path / "job", installed_collections, cleanroomsml_server, models)

    result = run(
        [tool("ansible-runner"), "run", base, "-p", "demo.yml", "--ident", "demo"],
        cwd=tmp_path,
        env=ansible_environment(),
    )

    assert result.returncode == 0, describe(result)
    assert (base / "artifacts" / "demo" / "status").read_text(encoding="utf-8") == "successful"
    assert (base / "artifacts" / "demo" / "rc").read_text(encoding="utf-8") == "0"
    events = job_events(base)
    ok_actions = [event["event_data"]["resolved_action"] for event in events if event["event"] == "runner_on_ok"]
    assert ok_actions.count(MODULE) == module_tasks_of_the_demo() > 0
    assert [event for event in events if event["event"] == "runner_on_failed"] == []
    # demo_models.yaml keeps the model in training until the wait task's third poll, however slow the tasks before.
    [waited] = [
        event["event_data"]["res"]
        for event in events
        if event["event"] == "runner_on_ok" and event["event_data"]["task"] == WAIT_TASK
    ]
    assert (waited["trained_model"]["status"], waited["wait_polls"]) == ("ACTIVE", 3)
    assert cleanroomsml_fake.calls, "the demo's tasks asked the fake"
