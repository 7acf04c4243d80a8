"""What ansible-playbook prints for the module's warnings: each warning once, and no deprecation."""

from pathlib import Path

from fake_playbook import run_playbook

ROOT = Path(__file__).resolve().parents[2]


PLAYBOOK = Path(__file__).parent / "playbooks" / "warnings.yml"


def test_warnings_come_without_a_deprecation_warning(cleanroomsml_fake, cleanroomsml_server):
    # amazon.aws 10's AnsibleAWSModule passed every module.warn() message to exit_json(warnings=...),
    # which ansible-core 2.19 answers with a DEPRECATION WARNING.
    model = cleanroomsml_fake.add_trained_model("churn", "RETRAINING")
    variables = {"arn": model["trainedModelArn"], "collaboration_identifier": model["collaborationIdentifier"]}
    result = run_playbook(PLAYBOOK, cleanroomsml_server, variables, capture=True)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-8000:]
    assert "does not match the response schema at $.status: 'RETRAINING' is not one of" in output
    assert "wait_timeout has no effect without wait=true: set wait: true to wait" in output
    assert "status: 'RETRAINING' is not a status this collection knows" in output
    assert "DEPRECATION" not in output
    assert output.count("[WARNING]: ") == 3, output
