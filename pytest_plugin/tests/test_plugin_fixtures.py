"""The fixtures, offline. Each test runs a test module in a pytest subprocess, which has moto's state to itself."""

from pathlib import Path

import plugin_models
import pytest
from plugin_models import ARN, VERSION

pytest_plugins = ["pytester"]

FAKE_SERVER_AND_CLIENT = """
import os
import subprocess
import sys

import boto3
import pytest



def get(client, model):
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )


def test_fake_answers_clients_made_in_the_test(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn")

    assert get(boto3.client("cleanroomsml", region_name="us-east-1"), model)["name"] == "churn"


# Two runs of one test, in either order: the second sees the first's model and calls unless the fake is reset.
@pytest.mark.parametrize("run", ["one", "another"])
def test_fake_is_reset_after_each_test(cleanroomsml_fake, cleanroomsml_client, run):
    assert (cleanroomsml_fake.trained_models(), cleanroomsml_fake.calls) == ([], [])

    get(cleanroomsml_client, cleanroomsml_fake.add_trained_model("churn"))

    assert [operation for operation, parameters in cleanroomsml_fake.calls] == ["GetCollaborationTrainedModel"]


def test_fake_hides_the_real_aws_configuration(cleanroomsml_fake):
    aws_environment = {name: value for name, value in os.environ.items() if name.startswith("AWS_")}
    credentials = boto3.session.Session().get_credentials()

    assert "AKIAREAL" not in repr(aws_environment) and "real-secret" not in repr(aws_environment)
    assert not {"AWS_PROFILE", "AWS_ENDPOINT_URL"} & set(aws_environment)
    configuration_files = (aws_environment["AWS_CONFIG_FILE"], aws_environment["AWS_SHARED_CREDENTIALS_FILE"])
    assert configuration_files == (os.devnull, os.devnull)
    assert (credentials.method, credentials.access_key) == ("env", os.environ["AWS_ACCESS_KEY_ID"])


def test_server_shares_the_fake_with_subprocesses(cleanroomsml_fake, cleanroomsml_server):
    model = cleanroomsml_fake.add_trained_model("churn", status="CREATE_FAILED")
    script = (
        "import boto3, sys; "
        "client = boto3.client('cleanroomsml', region_name='us-east-1', endpoint_url=sys.argv[1]); "
        "print(client.get_collaboration_trained_model(trainedModelArn=sys.argv[2], "
        "collaborationIdentifier=sys.argv[3])['status'])"
    )
    arn, collaboration = model["trainedModelArn"], model["collaborationIdentifier"]
    command = [sys.executable, "-c", script, cleanroomsml_server, arn, collaboration]

    assert subprocess.run(command, capture_output=True, text=True, check=True).stdout == "CREATE_FAILED\\n"


def test_client_reaches_the_fake(cleanroomsml_client, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn")

    assert get(cleanroomsml_client, model)["status"] == "ACTIVE"
    assert cleanroomsml_client.meta.region_name == "us-east-1"
"""

TRAINED_MODEL = """
from plugin_models import ARN, COLLABORATION, IDENTIFIED, VERSION


def test_gets_the_latest_or_the_named_version(cleanroomsml_fake, cleanroomsml_trained_model):
    first = cleanroomsml_fake.add_trained_model("churn")
    latest = cleanroomsml_fake.add_version(first["trainedModelArn"], status="CREATE_IN_PROGRESS")
    arn, collaboration = first["trainedModelArn"], first["collaborationIdentifier"]

    assert cleanroomsml_trained_model(arn, collaboration)["versionIdentifier"] == latest["versionIdentifier"]
    assert cleanroomsml_trained_model(arn, collaboration, first["versionIdentifier"])["status"] == "ACTIVE"


def test_fails_outside_the_schema(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_fake.add_trained_model(
        "churn", status="RETRAINING", **IDENTIFIED
    )
    cleanroomsml_trained_model(ARN, COLLABORATION)
"""

WAIT_FOR_TRAINED_MODEL = """
import pytest

from plugin_models import ARN, COLLABORATION, IDENTIFIED, VERSION


def test_returns_the_model_once_active(cleanroomsml_fake, wait_for_trained_model):
    model = cleanroomsml_fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    # On the wall clock, counted from the first poll.
    cleanroomsml_fake.set_status(model["trainedModelArn"], "ACTIVE", after=0.3)

    response = wait_for_trained_model(model["trainedModelArn"], model["collaborationIdentifier"], delay=0.05)

    assert response["status"] == "ACTIVE"


@pytest.mark.parametrize("wanted", [["CREATE_IN_PROGRESS", "ACTIVE"], ("CREATE_IN_PROGRESS", "ACTIVE")])
def test_stops_at_any_wanted_status(cleanroomsml_fake, wait_for_trained_model, wanted):
    model = cleanroomsml_fake.add_trained_model("churn", status="CREATE_PENDING")
    cleanroomsml_fake.set_status(model["trainedModelArn"], "CREATE_IN_PROGRESS", after_polls=2)

    response = wait_for_trained_model(model["trainedModelArn"], model["collaborationIdentifier"], wanted, delay=0.05)

    assert response["status"] == "CREATE_IN_PROGRESS"


def test_follows_the_named_version(cleanroomsml_fake, wait_for_trained_model):
    first = cleanroomsml_fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    cleanroomsml_fake.add_version(first["trainedModelArn"], status="CREATE_FAILED")
    arn, collaboration, version = first["trainedModelArn"], first["collaborationIdentifier"], first["versionIdentifier"]
    cleanroomsml_fake.set_status(arn, "ACTIVE", version_identifier=version, after_polls=2)

    response = wait_for_trained_model(arn, collaboration, delay=0.05, version_identifier=version)

    assert (response["versionIdentifier"], response["status"]) == (first["versionIdentifier"], "ACTIVE")


def test_fails_at_once_when_active_is_out_of_reach(cleanroomsml_fake, wait_for_trained_model):
    cleanroomsml_fake.add_trained_model(
        "churn", status="CREATE_IN_PROGRESS", **IDENTIFIED
    )
    cleanroomsml_fake.set_status(
        ARN, "CREATE_FAILED", "training container exited with code 1", "InternalError", after_polls=2
    )
    wait_for_trained_model(ARN, COLLABORATION, timeout=600, delay=0.05)


def test_fails_after_the_timeout(cleanroomsml_fake, wait_for_trained_model):
    cleanroomsml_fake.add_trained_model(
        "churn", status="CREATE_IN_PROGRESS", **IDENTIFIED
    )
    wait_for_trained_model(ARN, COLLABORATION, timeout=0.3, delay=0.1)
"""


@pytest.fixture
def run_offline(pytester, monkeypatch):
    """Runs a test module in a pytest subprocess whose environment holds a real-looking AWS configuration."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALREALREALREAL")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_PROFILE", "production")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://cleanrooms-ml.example.com")
    pytester.makepyfile(plugin_models=Path(plugin_models.__file__).read_text(encoding="utf-8"))

    def run(source):
        pytester.makepyfile(test_module=source)
        return pytester.runpytest_subprocess("-p", "no:cacheprovider")

    return run


def test_fake_server_and_client_share_one_isolated_state(run_offline):
    result = run_offline(FAKE_SERVER_AND_CLIENT)

    result.assert_outcomes(passed=6)


def test_trained_model_returns_the_response_or_fails_at_the_test_line(run_offline):
    result = run_offline(TRAINED_MODEL)

    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            ">       cleanroomsml_trained_model(ARN, COLLABORATION)",
            f"E       AssertionError: trained model 'churn' ('{ARN}', version '{VERSION}') does not match the trained "
            "model schema (1 violation(s)):",
            "E         $.status: 'RETRAINING' is not one of *",
            "test_module.py:17: AssertionError",
        ]
    )
    result.stdout.no_fnmatch_line("*pytest_cleanroomsml/*")


def test_wait_returns_the_final_response_or_fails_with_the_last_status(run_offline):
    result = run_offline(WAIT_FOR_TRAINED_MODEL)

    result.assert_outcomes(passed=4, failed=2)
    result.stdout.fnmatch_lines(
        [
            ">       wait_for_trained_model(ARN, COLLABORATION, timeout=600, delay=0.05)",
            f"E       Failed: trained model 'churn' ('{ARN}', version '{VERSION}') is CREATE_FAILED (InternalError: "
            "training container "
            "exited with code 1), from which ACTIVE can no longer be reached",
            ">       wait_for_trained_model(ARN, COLLABORATION, timeout=0.3, delay=0.1)",
            f"E       Failed: trained model 'churn' ('{ARN}', version '{VERSION}') is still CREATE_IN_PROGRESS after "
            "waiting 0.? seconds "
            "(? polls) for ACTIVE",
        ]
    )
    # The report shows neither the plugin's frames nor the waiting module's exception.
    result.stdout.no_fnmatch_line("*pytest_cleanroomsml/*")
    result.stdout.no_fnmatch_line("*During handling of the above exception*")


MISTAKES = """
import pytest

from plugin_models import ARN, COLLABORATION, IDENTIFIED, VERSION

OTHER_COLLABORATION = "9f8e7d6c-5b4a-4321-8fed-cba987654321"


def test_unknown_model(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_fake.add_trained_model("churn", **IDENTIFIED)
    cleanroomsml_fake.add_trained_model("fraud", collaboration_identifier=OTHER_COLLABORATION)
    cleanroomsml_trained_model(ARN[:-4] + "0000", COLLABORATION)


def test_unknown_model_in_an_empty_collaboration(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_trained_model(ARN, COLLABORATION)


def test_arn_of_another_region(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_trained_model(ARN.replace("us-east-1", "eu-west-1"), COLLABORATION)


def test_unknown_model_is_still_the_clients_error(cleanroomsml_client, cleanroomsml_trained_model):
    with pytest.raises(cleanroomsml_client.exceptions.ResourceNotFoundException):
        cleanroomsml_trained_model(ARN, COLLABORATION)


def test_arn_of_the_wrong_type(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_trained_model(42, COLLABORATION)


def test_arn_with_a_trailing_newline(cleanroomsml_fake, cleanroomsml_trained_model):
    cleanroomsml_trained_model(ARN + "\\n", COLLABORATION)


def test_waiting_for_an_unknown_model(cleanroomsml_fake, wait_for_trained_model):
    wait_for_trained_model(ARN, COLLABORATION, timeout=1, delay=0.1)


def test_waiting_for_a_misspelt_status(cleanroomsml_fake, wait_for_trained_model):
    wait_for_trained_model(ARN, COLLABORATION, status="active")
"""


def test_mistakes_are_reported_in_a_few_lines_at_the_test_line(run_offline):
    result = run_offline(MISTAKES)

    result.assert_outcomes(passed=1, failed=7)
    not_found = (
        "E       botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when "
        "calling the "
        "GetCollaborationTrainedModel operation: trained model {arn} (version latest) not found in collaboration "
        "{collaboration}"
    )
    result.stdout.fnmatch_lines(
        [
            '>       cleanroomsml_trained_model(ARN[:-4] + "0000", COLLABORATION)',
            not_found.format(arn=ARN[:-4] + "0000", collaboration=plugin_models.COLLABORATION)
            + "; the fake holds 1 trained model(s) in that collaboration:",
            f"E         trained model 'churn' ('{ARN}', version '{VERSION}')",
            "test_module.py:11: ResourceNotFoundException",
            ">       cleanroomsml_trained_model(ARN, COLLABORATION)",
            not_found.format(arn=ARN, collaboration=plugin_models.COLLABORATION)
            + "; the fake holds no trained model in that collaboration"
            " (seed them with cleanroomsml_fake.add_trained_model)",
            not_found.format(arn=ARN.replace("us-east-1", "eu-west-1"), collaboration=plugin_models.COLLABORATION)
            + ": the ARN is in eu-west-1; the request went to us-east-1;"
            " the fake holds no trained model in that collaboration*",
            ">       cleanroomsml_trained_model(42, COLLABORATION)",
            "E       TypeError: cleanroomsml_trained_model(): arn must be a trained model ARN, like "
            "arn:aws:cleanrooms-ml:<region>:<account>:membership/<membership id>/trained-model/<id>, got int 42",
            "test_module.py:28: TypeError",
            '>       cleanroomsml_trained_model(ARN + "\\n", COLLABORATION)',
            "E       ValueError: cleanroomsml_trained_model(): arn must be a trained model ARN, like *, got "
            + ascii(ARN + "\n").replace("[", "[[]")
            + ": '\\n' at position 144 cannot be part of an ARN",
            "test_module.py:32: ValueError",
            ">       wait_for_trained_model(ARN, COLLABORATION, timeout=1, delay=0.1)",
            not_found.format(arn=ARN, collaboration=plugin_models.COLLABORATION) + "; the fake holds no trained model*",
            "test_module.py:36: ResourceNotFoundException",
            '>       wait_for_trained_model(ARN, COLLABORATION, status="active")',
            "E       ValueError: wait_for_trained_model(): status must be one or more status names; 'active' is not a "
            "status name "
            "(upper-case ASCII letters and underscores, such as 'ACTIVE'); did you mean 'ACTIVE'?",
            "test_module.py:40: ValueError",
        ]
    )
    # Neither the plugin's frames nor botocore's (some 120 lines of its source).
    result.stdout.no_fnmatch_line("*pytest_cleanroomsml/*")
    result.stdout.no_fnmatch_line("*botocore/*")
    result.stdout.no_fnmatch_line("*During handling of the above exception*")


MODULE_LEVEL_CLIENT = """
import boto3

# Made while pytest imports the test module, before any fixture's mock() runs.
client = boto3.client(
    "cleanroomsml", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
)


def test_a_client_made_at_import_reaches_the_fake(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn")
    response = client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )
    assert response["name"] == "churn"
"""


def test_a_client_made_when_the_test_module_is_imported_reaches_the_fake(pytester):
    pytester.makepyfile(test_module=MODULE_LEVEL_CLIENT)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)
