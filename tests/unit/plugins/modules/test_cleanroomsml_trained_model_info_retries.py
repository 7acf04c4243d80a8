"""Retries: throttling and 5xx answers are retried; when retries run out the task fails with the code."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_api
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main


@pytest.fixture
def quick_backoff(monkeypatch, cleanroomsml_no_retry_sleep):
    """AWSRetry with 2 attempts, and no retry sleeping (neither AWSRetry's nor botocore's): the sleeps asked for."""
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 2)
    return cleanroomsml_no_retry_sleep


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model(name="churn")


def get(run_module, model):
    return run_module(
        main,
        {"trained_model_arn": model["trainedModelArn"], "collaboration_identifier": model["collaborationIdentifier"]},
    )


@pytest.mark.parametrize(
    "error_code", ["ThrottlingException", "InternalServerException", "ServiceUnavailable", "InternalServiceException"]
)
def test_transient_errors_are_retried(run_module, cleanroomsml_fake, churn, quick_backoff, error_code):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", error_code, times=3)
    assert get(run_module, churn)["trained_model"]["name"] == "churn"
    assert len(cleanroomsml_fake.calls) == 4
    # botocore's 3 attempts (its standard mode) all failed; AWSRetry's second round got the model at once.
    assert [sleep.by for sleep in quick_backoff.asked] == ["botocore", "botocore", "AWSRetry"]


# More failures than any number of retries would meet.
@pytest.mark.cleanroomsml_allow_unused_faults
def test_when_retries_run_out_the_task_fails_with_the_code(run_module, cleanroomsml_fake, churn, quick_backoff):
    cleanroomsml_fake.fail_next(
        "GetCollaborationTrainedModel", "ThrottlingException", times=1000, message="Rate exceeded"
    )
    result = get(run_module, churn)
    assert result["failed"] is True
    assert result["error"]["code"] == "ThrottlingException"
    assert result["msg"].startswith("GetCollaborationTrainedModel failed with ThrottlingException: ")
    assert "Rate exceeded" in result["msg"]
    # AWSRetry counts "retries" as attempts in all: 2 rounds, each making botocore's own attempts.
    assert len(cleanroomsml_fake.calls) > 2 and len(cleanroomsml_fake.calls) % 2 == 0


def test_errors_that_cannot_recover_are_not_retried(run_module, cleanroomsml_fake, churn, quick_backoff):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "ValidationException", message="bad request")
    result = get(run_module, churn)
    assert result["error"]["code"] == "ValidationException"
    assert len(cleanroomsml_fake.calls) == 1


def test_an_unreachable_endpoint_fails_with_a_message(run_module, churn, quick_backoff):
    result = run_module(
        main,
        {
            "trained_model_arn": churn["trainedModelArn"],
            "collaboration_identifier": churn["collaborationIdentifier"],
            "endpoint_url": "http://127.0.0.1:9",  # discard port: nothing listens
        },
    )
    assert result["failed"] is True
    assert result["msg"].startswith("GetCollaborationTrainedModel failed: Could not connect to the endpoint URL")
