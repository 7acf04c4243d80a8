"""A model added without overrides looks like what AWS returns in its status, for every status of the
service model, and fits the shared schema in strict mode; status changes bring the same members."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from botocore_shape_check import SERVICE_MODEL
from pytest_cleanroomsml._shared.trained_model_validation import (
    schema_violations,
    to_json_compatible,
    without_response_metadata,
)
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.package_data import trained_model_schema

SCHEMA = trained_model_schema()
STATUSES = SERVICE_MODEL.shape_for("TrainedModelStatus").enum
PUBLISHED = {"metricsStatus": "PUBLISH_SUCCEEDED", "logsStatus": "PUBLISH_SUCCEEDED"}
OUTPUT_MEMBERS = ("metricsStatus", "logsStatus", "trainingContainerImageDigest")
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")

_schema_violations: Callable[[Any, Any, Any], list[Any]] = schema_violations
_to_json_compatible: Callable[[Any], Any] = to_json_compatible
_without_response_metadata: Callable[[Any], Any] = without_response_metadata


def strict_violations(response: Any) -> list[Any]:
    """What the module's validate_response=strict would refuse."""
    return _schema_violations(_to_json_compatible(_without_response_metadata(response)), SCHEMA, None)


def get_model(client: Any, model: dict[str, Any]) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_has_defaults_that_fit_the_schema_strictly(
    fake: CleanRoomsMLFake, fake_client: Any, status: str
) -> None:
    added = fake.add_trained_model("churn", status=status)
    served = get_model(fake_client, added)

    assert strict_violations(added) == []
    assert strict_violations(served) == []
    assert served["createTime"] <= served["updateTime"]
    if status.endswith("_FAILED"):
        assert set(served["statusDetails"]) == {"statusCode", "message"}
        assert all(served["statusDetails"].values())
    else:
        assert "statusDetails" not in served
    if status in ("CREATE_PENDING", "CREATE_IN_PROGRESS", "CREATE_FAILED"):
        assert not set(OUTPUT_MEMBERS) & set(served), "no training output yet"


@pytest.mark.parametrize("status", ["ACTIVE", "DELETE_PENDING", "DELETE_IN_PROGRESS", "DELETE_FAILED"])
def test_a_trained_model_has_published_metrics_logs_and_an_image_digest(
    fake: CleanRoomsMLFake, fake_client: Any, status: str
) -> None:
    served = get_model(fake_client, fake.add_trained_model("churn", status=status))

    assert {member: served.get(member) for member in PUBLISHED} == PUBLISHED
    assert DIGEST.match(served["trainingContainerImageDigest"])


def test_set_status_brings_the_members_of_the_new_status(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")

    fake.set_status(model["trainedModelArn"], "ACTIVE")
    active = get_model(fake_client, model)
    fake.set_status(model["trainedModelArn"], "DELETE_FAILED")
    delete_failed = get_model(fake_client, model)
    fake.set_status(model["trainedModelArn"], "INACTIVE")
    inactive = get_model(fake_client, model)

    assert {member: active.get(member) for member in PUBLISHED} == PUBLISHED
    assert "statusDetails" not in active
    assert set(delete_failed["statusDetails"]) == {"statusCode", "message"}
    assert delete_failed["trainingContainerImageDigest"] == active["trainingContainerImageDigest"]
    assert not (set(OUTPUT_MEMBERS) | {"statusDetails"}) & set(inactive)


def test_details_given_to_set_status_replace_the_default_ones(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")

    fake.set_status(model["trainedModelArn"], "CREATE_FAILED", message="out of memory")

    assert get_model(fake_client, model)["statusDetails"] == {"message": "out of memory"}


def test_members_a_test_overrode_survive_status_changes(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(
        "churn", status="CREATE_IN_PROGRESS", metricsStatus="PUBLISH_FAILED", logsStatus=fake.MISSING
    )

    fake.set_status(model["trainedModelArn"], "ACTIVE")
    served = get_model(fake_client, model)

    assert served["metricsStatus"] == "PUBLISH_FAILED"
    assert "logsStatus" not in served
    assert DIGEST.match(served["trainingContainerImageDigest"])  # not overridden: the ACTIVE default


@pytest.mark.parametrize("fake_lifecycle_durations", [{"pending_seconds": 600.0, "in_progress_seconds": 600.0}])
def test_an_api_created_model_that_finishes_training_has_the_defaults_of_active(
    fake: CleanRoomsMLFake, fake_client: Any, training_request: Callable[..., dict[str, Any]]
) -> None:
    membership = "11111111-2222-4333-8444-555555555555"
    created = fake_client.create_trained_model(**training_request(membership))
    arguments = {"membershipIdentifier": membership, "trainedModelArn": created["trainedModelArn"]}
    pending = fake_client.get_trained_model(**arguments)

    fake.advance(1200)
    active = fake_client.get_trained_model(**arguments)

    assert not set(OUTPUT_MEMBERS) & set(pending)
    assert active["status"] == "ACTIVE"
    assert {member: active.get(member) for member in PUBLISHED} == PUBLISHED
    assert DIGEST.match(active["trainingContainerImageDigest"])
