"""Secrets given to the module and the lookup never show: not at -vvvv, not in facts, not in error messages."""

import json

import pytest
from pytest_cleanroomsml.fake import MISSING

from .playbook_runner import PLAYBOOKS, model_vars, run_playbook
from .scripted_endpoint import ScriptedEndpoint, aws_error, unused_port

PLAYBOOK = PLAYBOOKS / "secrets.yml"
SECRETS = {"secret_key": "reliability-secret-key-5d1c0f3e", "session_token": "reliability-session-token-9b7a44e2"}
# Masked by Ansible in module results, as for any no_log option: shows that the module was given the secret.
NO_LOG_MARK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
# How each failing scenario must fail, so that one that broke for another reason cannot pass unseen.
FAILURES = {
    "denied": "AccessDeniedException",
    "bad_input": "must be a trained model ARN",
    "network_error": "Could not connect to the endpoint URL",
    "schema_violation": "'creatorAccountId' is a required property",
}


@pytest.fixture
def controller_aws_config(tmp_path, monkeypatch):
    """A home whose ~/.aws/config makes botocore try once: the lookup's network error then fails at once.

    The lookup has no aws_config option; on the controller, botocore reads this file.
    """
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\nretry_mode = standard\nmax_attempts = 1\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))


@pytest.mark.secrets
def test_secrets_never_show_at_vvvv(cleanroomsml_fake, cleanroomsml_server, controller_aws_config, tmp_path):
    churn = cleanroomsml_fake.add_trained_model("churn")
    incomplete = cleanroomsml_fake.add_trained_model(
        "incomplete", collaboration_identifier=churn["collaborationIdentifier"], creatorAccountId=MISSING
    )
    results_file = tmp_path / "results.json"
    with ScriptedEndpoint(aws_error(403, "AccessDeniedException", "User is not authorized")) as denying:
        extra_vars = dict(
            SECRETS,
            access_key="AKIARELIABILITY00001",
            models=model_vars([churn, incomplete]),
            denying_endpoint_url=denying.url,
            refused_endpoint_url=f"http://127.0.0.1:{unused_port()}",
            results_file=str(results_file),
        )
        run = run_playbook(PLAYBOOK, cleanroomsml_server, extra_vars, options=("-vvvv",), capture=True)

    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    saved = results_file.read_text(encoding="utf-8")
    for secret in SECRETS.values():
        assert secret not in run.stdout and secret not in run.stderr and secret not in saved
    results = json.loads(saved)
    outcomes = {
        plugin: {result["item"]["key"]: result for result in results[plugin]} for plugin in ("module", "lookup")
    }
    for plugin, scenarios in outcomes.items():
        for scenario, message in FAILURES.items():
            assert scenarios[scenario]["failed"] is True and message in scenarios[scenario]["msg"], (plugin, scenario)
    assert outcomes["module"]["success"]["trained_model"]["name"] == "churn"
    assert outcomes["lookup"]["success"]["ansible_facts"]["looked_up"]["name"] == "churn"
    assert outcomes["module"]["success"]["invocation"]["module_args"]["secret_key"] == NO_LOG_MARK
