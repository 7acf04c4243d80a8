"""In live mode, with credentials from the environment, the pytest plugin's failure reports never show them."""

import re

import pytest
from pytest_cleanroomsml.fake import MISSING

from .scripted_endpoint import unused_port

pytest_plugins = ["pytester"]

SECRET_KEY = "reliability-secret-key-0e8f2a61"
SESSION_TOKEN = "reliability-session-token-47c3d9b0"

# A pipeline's tests failing every way they can; the first meets the denial queued before the run.
FAILING_TESTS = """
from pytest_cleanroomsml import assert_model_active, assert_model_status

def test_denied(cleanroomsml_trained_model):
    cleanroomsml_trained_model({churn!r}, {collaboration!r})

def test_not_found(cleanroomsml_trained_model):
    cleanroomsml_trained_model({churn!r}[:-4] + "0000", {collaboration!r})

def test_failed_model(cleanroomsml_trained_model):
    assert_model_active(cleanroomsml_trained_model({failed!r}, {collaboration!r}))

def test_schema_violation(cleanroomsml_trained_model):
    cleanroomsml_trained_model({incomplete!r}, {collaboration!r})

def test_waiting_in_vain(wait_for_trained_model):
    wait_for_trained_model({failed!r}, {collaboration!r}, delay=0.1, timeout=2)

def test_bad_input(cleanroomsml_trained_model):
    assert_model_status(cleanroomsml_trained_model({churn!r}, {collaboration!r}), "active")
"""


@pytest.fixture
def live_credentials(cleanroomsml_fake, monkeypatch):
    """Recognisable credentials in the environment, in place of the fake's (which also hid the AWS config files)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIARELIABILITY00002")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_SESSION_TOKEN", SESSION_TOKEN)
    # botocore reads AWS_SECURITY_TOKEN before AWS_SESSION_TOKEN: left set, the fake's would be sent instead.
    monkeypatch.delenv("AWS_SECURITY_TOKEN", raising=False)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")  # a closed port then fails at once


@pytest.mark.secrets
@pytest.mark.parametrize("reachable", [True, False], ids=["fake endpoint", "closed port"])
def test_live_failure_reports_show_no_secret(
    pytester, cleanroomsml_fake, cleanroomsml_server, live_credentials, reachable
):
    churn = cleanroomsml_fake.add_trained_model("churn")
    collaboration = churn["collaborationIdentifier"]
    failed = cleanroomsml_fake.add_trained_model(
        "failed", "CREATE_FAILED", collaboration, statusDetails={"statusCode": "InternalError"}
    )
    incomplete = cleanroomsml_fake.add_trained_model(
        "incomplete", collaboration_identifier=collaboration, creatorAccountId=MISSING
    )
    if reachable:  # a request to the closed port never reaches the fake to meet it
        cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException")
    pytester.makepyfile(
        FAILING_TESTS.format(
            churn=churn["trainedModelArn"],
            failed=failed["trainedModelArn"],
            incomplete=incomplete["trainedModelArn"],
            collaboration=collaboration,
        )
    )
    endpoint_url = cleanroomsml_server if reachable else f"http://127.0.0.1:{unused_port()}"

    # --showlocals and -vv: the most a failure report can show.
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--cleanroomsml-live", "--cleanroomsml-endpoint-url=" + endpoint_url, "-l", "-vv"
    )

    result.assert_outcomes(failed=6)
    report = result.stdout.str() + result.stderr.str()
    assert SECRET_KEY not in report and SESSION_TOKEN not in report
    assert not re.search(r"Signature=[0-9a-f]{64}", report), "a request signature in the report"
    if reachable:
        for shown in (
            "AccessDeniedException",
            "ResourceNotFoundException",
            "is CREATE_FAILED, expected ACTIVE",
            "'creatorAccountId' is a required property",
        ):
            assert shown in report
        assert "takes statuses such as 'ACTIVE'" in report
    else:
        assert report.count("Could not connect to the endpoint URL") >= 6
        # The signed request was there to leak (botocore's frames hold it), and was taken out.
        assert "'X-Amz-Security-Token': b'<redacted>'" in report
