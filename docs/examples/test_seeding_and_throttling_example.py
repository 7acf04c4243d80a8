"""Seeding a test with the cleanroomsml_models marker, and testing retries of throttled calls without waiting
(docs/testing-ml-pipelines.md), as tests that pass.

pip install pytest-cleanroomsml
pytest test_seeding_and_throttling_example.py
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from pytest_cleanroomsml import CleanRoomsMLFake, RetrySleeps

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
GET = "GetCollaborationTrainedModel"

# -- pipeline code (in a real project, its own module) --------------------------------------------


def active_model_names(client: BaseClient, collaboration_id: str) -> list[str]:
    """The names of the collaboration's trained models that are ACTIVE, sorted."""
    summaries = client.list_collaboration_trained_models(collaborationIdentifier=collaboration_id)
    return sorted(
        summary["name"] for summary in summaries["collaborationTrainedModels"] if summary["status"] == "ACTIVE"
    )


def patient_client() -> BaseClient:
    """The pipeline's client: up to 4 attempts when AWS throttles."""
    return boto3.client("cleanroomsml", config=Config(retries={"mode": "standard", "total_max_attempts": 4}))


# -- its tests -----------------------------------------------------------------------------------


@pytest.mark.cleanroomsml_models(
    {"name": "churn", "collaborationIdentifier": COLLABORATION},
    {
        "name": "fraud",
        "status": "CREATE_FAILED",
        "collaborationIdentifier": COLLABORATION,
        "statusDetails": {"statusCode": "InternalError", "message": "training container exited with code 1"},
    },
)
def test_only_active_models_are_offered(cleanroomsml_client: BaseClient) -> None:
    assert active_model_names(cleanroomsml_client, COLLABORATION) == ["churn"]


@pytest.mark.cleanroomsml_models({"name": "churn", "collaborationIdentifier": COLLABORATION})
def test_throttled_calls_are_retried_without_waiting(
    cleanroomsml_fake: CleanRoomsMLFake, cleanroomsml_no_retry_sleep: RetrySleeps
) -> None:
    cleanroomsml_fake.fail_next("ListCollaborationTrainedModels", "ThrottlingException", times=3)

    assert active_model_names(patient_client(), COLLABORATION) == ["churn"]

    assert len(cleanroomsml_fake.calls) == 4  # 3 throttled attempts, then the answer
    assert len(cleanroomsml_no_retry_sleep.seconds("botocore")) == 3  # asked for, not slept


@pytest.mark.cleanroomsml_allow_unused_faults
def test_retries_run_out(cleanroomsml_fake: CleanRoomsMLFake, cleanroomsml_no_retry_sleep: RetrySleeps) -> None:
    # More throttling than any client retries: some are left, which this test allows.
    cleanroomsml_fake.fail_next("ListCollaborationTrainedModels", "ThrottlingException", times=10)
    client: Any = patient_client()

    with pytest.raises(client.exceptions.ThrottlingException):
        active_model_names(client, COLLABORATION)

    assert len(cleanroomsml_fake.calls) == 4
