"""Run the EXAMPLES that ansible-doc shows for each Jinja test and filter of the collection against the fake.

Each plugin's examples become one play, with the variables they use (model_arn, collaboration_id)
pointing at a seeded model that passes every test, and the collection's module defaults
pointing at the fake; a failing example fails the play and names the plugin.
"""

import json
import subprocess
import sys
from pathlib import Path

import yaml
from fake_playbook import playbook_environment, run_playbook
from pytest_cleanroomsml.fake.seed import apply_seed

ROOT = Path(__file__).resolve().parents[2]


COLLECTION = "cleanrooms.ml"
PLUGIN_TYPES = ("test", "filter")
# A model of every form the examples expect: ACTIVE, its metrics and logs published, valid.
SEED = {
    "models": [
        {
            "name": "churn",
            "status": "ACTIVE",
            "collaborationIdentifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "overrides": {"metricsStatus": "PUBLISH_SUCCEEDED", "logsStatus": "PUBLISH_SUCCEEDED"},
        }
    ]
}


def documented_examples():
    """{FQCN: EXAMPLES} of every test and filter plugin of the collection, as ansible-doc reads them."""
    ansible_doc = Path(sys.executable).parent / "ansible-doc"
    examples = {}
    for plugin_type in PLUGIN_TYPES:
        listed = subprocess.run(
            [str(ansible_doc), "-t", plugin_type, "--list", "--json", COLLECTION],
            env=playbook_environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        names = sorted(json.loads(listed.stdout))
        documented = subprocess.run(
            [str(ansible_doc), "-t", plugin_type, "--json", *names],
            env=playbook_environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        examples.update((name, record["examples"]) for name, record in json.loads(documented.stdout).items())
    return examples


def test_every_test_and_filter_has_examples_that_run_against_the_fake(cleanroomsml_fake, cleanroomsml_server, tmp_path):
    examples = documented_examples()
    assert sorted(examples) == [
        "cleanrooms.ml.trained_model_active",
        "cleanrooms.ml.trained_model_logs_published",
        "cleanrooms.ml.trained_model_metrics_published",
        "cleanrooms.ml.trained_model_status",
        "cleanrooms.ml.trained_model_violations",
        "cleanrooms.ml.valid_trained_model",
    ]
    (model,) = apply_seed(cleanroomsml_fake, SEED)
    plays = [
        {
            "name": f"EXAMPLES of {name}",
            "hosts": "localhost",
            "connection": "local",
            "gather_facts": False,
            "vars": {
                "ansible_python_interpreter": "{{ ansible_playbook_python }}",
                "model_arn": model["trainedModelArn"],
                "collaboration_id": model["collaborationIdentifier"],
            },
            "module_defaults": {
                "group/cleanrooms.ml.cleanroomsml": {"endpoint_url": "{{ cleanroomsml_endpoint_url }}"}
            },
            "tasks": yaml.safe_load(text),
        }
        for name, text in sorted(examples.items())
    ]
    playbook = tmp_path / "examples.yml"
    playbook.write_text(yaml.safe_dump(plays, sort_keys=False), encoding="utf-8")

    result = run_playbook(playbook, cleanroomsml_server, capture=True)

    assert result.returncode == 0, (
        f"ansible-playbook failed (rc={result.returncode}):\n{result.stdout[-8000:]}\n{result.stderr[-4000:]}"
    )
    assert result.stdout.count("PLAY [EXAMPLES of ") == len(examples)
    assert "failed=0" in result.stdout and "skipped=0" in result.stdout
