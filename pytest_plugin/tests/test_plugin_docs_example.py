"""The example module of docs/testing-ml-pipelines.md passes, as the page says it does."""

from pathlib import Path

pytest_plugins = ["pytester"]

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_ml_pipeline_example.py"


def test_the_documented_example_passes(pytester):
    pytester.makepyfile(test_ml_pipeline_example=EXAMPLE.read_text(encoding="utf-8"))

    # In a subprocess, as a user would run it: the example's fake has moto's state to itself.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=7)


PITFALLS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_pitfalls_example.py"
ASYNC_CLIENT = Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_async_client_example.py"
SEEDING_AND_THROTTLING = (
    Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_seeding_and_throttling_example.py"
)

# The pitfalls themselves, as the testing guide shows them failing.
PITFALLS_MET = """
import boto3
import pytest
from moto import mock_aws

SCORING_CLIENT = boto3.client("cleanroomsml", region_name="us-east-1")


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model("churn")


@mock_aws
def test_mock_aws_wipes_the_seeded_models(churn, cleanroomsml_client):
    cleanroomsml_client.get_collaboration_trained_model(
        trainedModelArn=churn["trainedModelArn"], collaborationIdentifier=churn["collaborationIdentifier"]
    )


def test_a_client_made_at_import_time_has_no_credentials(churn):
    SCORING_CLIENT.get_collaboration_trained_model(
        trainedModelArn=churn["trainedModelArn"], collaborationIdentifier=churn["collaborationIdentifier"]
    )
"""


def test_the_pitfalls_fail_as_the_guide_says(pytester, monkeypatch):
    # As on a developer's machine without AWS credentials.
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
    pytester.makepyfile(test_pitfalls=PITFALLS_MET)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "*ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the "
            "GetCollaborationTrainedModel "
            "operation: Trained model arn:aws:cleanrooms-ml:us-east-1:* not found",
            "*NoCredentialsError: Unable to locate credentials",
        ]
    )


def test_the_guides_remedies_pass(pytester, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    pytester.makepyfile(test_pitfalls_example=PITFALLS.read_text(encoding="utf-8"))

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=2)


def test_the_async_client_example_runs_where_aiobotocore_is_installed(pytester):
    pytester.makepyfile(test_async_client_example=ASYNC_CLIENT.read_text(encoding="utf-8"))

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rs")

    try:
        import aiobotocore  # noqa: F401  (its releases pin botocore, which constraints.txt may pin past them)
    except ImportError:
        result.assert_outcomes(skipped=1)
        result.stdout.fnmatch_lines(["*could not import 'aiobotocore.session'*"])
    else:
        result.assert_outcomes(passed=1)


def test_the_seeding_and_throttling_example_passes(pytester):
    pytester.makepyfile(test_seeding_and_throttling_example=SEEDING_AND_THROTTLING.read_text(encoding="utf-8"))

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")

    result.assert_outcomes(passed=3)
