"""Twenty hosts and a fifty-term lookup against one fake, three runs: every result reaches the host or term that
asked.
"""

import collections
import random
import re
import sys

import yaml
from helpers.lookup_runs import COLLABORATION

from .playbook_runner import PLAYBOOKS, run_playbook

PLAYBOOK = PLAYBOOKS / "concurrency.yml"
HOSTS = 20
TERMS = 50
RUNS = 3
# The fake answers each request this late, so that the hosts' and the terms' requests overlap.
LATENCY_SECONDS = 0.1
RECAP = re.compile(r"^(host\d+)\s*:\s*ok=(\d+)\s+changed=\d+\s+unreachable=(\d+)\s+failed=(\d+)", re.MULTILINE)


def write_inventory(path, models):
    """Hosts host01..host20, local, each with the ARN and name of its own model as host vars."""
    hosts = {
        f"host{number:02d}": {"model_arn": model["trainedModelArn"], "model_name": model["name"]}
        for number, model in enumerate(models, 1)
    }
    group_vars = {"ansible_connection": "local", "ansible_python_interpreter": sys.executable}
    path.write_text(yaml.safe_dump({"models": {"hosts": hosts, "vars": group_vars}}), encoding="utf-8")
    return path


def test_each_host_and_term_gets_its_own_model(cleanroomsml_fake, cleanroomsml_server, tmp_path):
    models = [
        cleanroomsml_fake.add_trained_model(f"model-{number:02d}", collaboration_identifier=COLLABORATION)
        for number in range(1, TERMS + 1)
    ]
    cleanroomsml_fake.latency = LATENCY_SECONDS
    inventory = write_inventory(tmp_path / "inventory.yml", models[:HOSTS])
    terms = random.Random(0).sample(models, TERMS)  # an order the lookup could not get by sorting
    extra_vars = {
        "collaboration_identifier": COLLABORATION,
        "lookup_arns": [model["trainedModelArn"] for model in terms],
        "lookup_names": [model["name"] for model in terms],
    }
    # Each host's model once for the host and once for the lookup; the others once, for the lookup.
    expected_requests = collections.Counter(model["trainedModelArn"] for model in models[:HOSTS] + models)

    for run in range(1, RUNS + 1):
        calls_before = len(cleanroomsml_fake.calls)
        result = run_playbook(
            PLAYBOOK,
            cleanroomsml_server,
            extra_vars,
            options=("-i", str(inventory), "--forks", str(HOSTS)),
            capture=True,
        )

        assert result.returncode == 0, f"run {run}:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
        recap = {
            host: (int(ok), int(unreachable), int(failed))
            for host, ok, unreachable, failed in RECAP.findall(result.stdout)
        }
        assert sorted(recap) == [f"host{number:02d}" for number in range(1, HOSTS + 1)], f"run {run}"
        assert all(ok >= 2 and (unreachable, failed) == (0, 0) for ok, unreachable, failed in recap.values()), (
            f"run {run}: {recap}"
        )
        requested = collections.Counter(
            parameters["trainedModelArn"] for operation, parameters in cleanroomsml_fake.calls[calls_before:]
        )
        assert requested == expected_requests, f"run {run}"
