"""module_defaults that set list-mode options (max_concurrency, details) for a whole play leave single-model tasks
working.
"""

import pytest

from .playbook_runner import PLAYBOOKS, model_vars, run_playbook


@pytest.mark.bad_input
def test_list_mode_defaults_do_not_conflict_with_a_single_model(cleanroomsml_fake, cleanroomsml_server):
    churn = cleanroomsml_fake.add_trained_model("churn")
    run = run_playbook(
        PLAYBOOKS / "module_defaults.yml", cleanroomsml_server, {"models": model_vars([churn])}, capture=True
    )

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "failed=0" in run.stdout
