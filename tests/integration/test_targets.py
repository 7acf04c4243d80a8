"""Run each integration target (tests/integration/targets/<name>) with ansible-playbook against the fake.

A target is a role in ansible-test's layout (tasks/main.yml, aliases) plus, optionally:
  seed.yaml    the trained models the fake holds while it runs (format: docs/fake.md);
  faults.yaml  failures queued before it runs: a list of CleanRoomsMLFake.fail_next keyword
               arguments, e.g. [{operation: GetCollaborationTrainedModel, error_code:
               ThrottlingException, times: 2}], so the target's first calls meet them.
The role gets the endpoint URL and the seeded models' identifiers as vars (see
tools/fake_playbook.py); its assert tasks are the checks.
"""

from pathlib import Path

import pytest
import yaml
from fake_playbook import model_vars, run_playbook
from pytest_cleanroomsml.fake.seed import apply_seed, load_seed

ROOT = Path(__file__).resolve().parents[2]


TARGETS = sorted(
    path for path in (Path(__file__).parent / "targets").iterdir() if (path / "tasks" / "main.yml").is_file()
)


def target_playbook(target, directory):
    playbook = directory / "play.yml"
    play = {
        "name": f"Integration target {target.name}",
        "hosts": "localhost",
        "connection": "local",
        "gather_facts": False,
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
        "roles": [{"role": str(target)}],
    }
    playbook.write_text(yaml.safe_dump([play]), encoding="utf-8")
    return playbook


@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_target(target, cleanroomsml_fake, cleanroomsml_server, tmp_path):
    seed_file = target / "seed.yaml"
    descriptions = apply_seed(cleanroomsml_fake, load_seed(seed_file)) if seed_file.is_file() else []
    faults_file = target / "faults.yaml"
    for fault in yaml.safe_load(faults_file.read_text(encoding="utf-8")) if faults_file.is_file() else []:
        cleanroomsml_fake.fail_next(**fault)
    result = run_playbook(
        target_playbook(target, tmp_path), cleanroomsml_server, {"models": model_vars(descriptions)}, capture=True
    )
    assert result.returncode == 0, (
        f"ansible-playbook failed (rc={result.returncode}):\n{result.stdout[-8000:]}\n{result.stderr[-4000:]}"
    )
    assert "failed=0" in result.stdout
