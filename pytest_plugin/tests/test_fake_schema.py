"""What the fake answers for trained models validates against the project's shared JSON Schema."""

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from pytest_cleanroomsml._shared.trained_model_validation import (
    SUMMARY_DEFINITION,
    schema_violations,
    to_json_compatible,
    without_response_metadata,
)
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.package_data import trained_model_schema

SCHEMA = trained_model_schema()


# The shared helpers are plain Python without type hints; their contract, as used here.
_schema_violations: Callable[[Any, Any, Any], list[Any]] = schema_violations
_to_json_compatible: Callable[[Any], Any] = to_json_compatible
_without_response_metadata: Callable[[Any], Any] = without_response_metadata


def violations(response: Any, definition: Any = None) -> list[Any]:
    return _schema_violations(_to_json_compatible(_without_response_metadata(response)), SCHEMA, definition)


@pytest.mark.parametrize("status", ["ACTIVE", "CREATE_FAILED", "CREATE_IN_PROGRESS"])
def test_seeded_models_fit_the_schema(fake: CleanRoomsMLFake, fake_client: Any, status: Any) -> None:
    model = fake.add_trained_model(name="churn", status=status, statusDetails={"statusCode": "X", "message": "why"})
    assert violations(model) == []
    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )
    assert violations(response) == []


def test_versions_fit_the_schema(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn")
    newer = fake.add_version(model["trainedModelArn"], status="CREATE_PENDING")
    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
        versionIdentifier=newer["versionIdentifier"],
    )
    assert violations(response) == []


def test_list_summaries_fit_the_summary_schema(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    collaboration = str(uuid.uuid4())
    for name in ("a", "b", "c"):
        fake.add_trained_model(name=name, collaboration_identifier=collaboration)
    summaries = fake_client.list_collaboration_trained_models(collaborationIdentifier=collaboration)[
        "collaborationTrainedModels"
    ]
    assert len(summaries) == 3
    for summary in summaries:
        assert violations(summary, SUMMARY_DEFINITION) == []


def test_models_created_through_the_api_fit_the_schema(
    fake: CleanRoomsMLFake, fake_client: Any, training_request: Any
) -> None:
    request = training_request(str(uuid.uuid4()))
    created = fake_client.create_trained_model(**request)
    described = fake_client.get_trained_model(
        membershipIdentifier=request["membershipIdentifier"], trainedModelArn=created["trainedModelArn"]
    )
    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=created["trainedModelArn"], collaborationIdentifier=described["collaborationIdentifier"]
    )
    assert violations(response) == []


def test_overrides_that_break_the_schema_are_served_as_given(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="future", status="ARCHIVED", brandNewMember="x")
    assert [violation.path for violation in violations(model)] == ["$", "$.status"]
    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )
    # botocore parses by its output shape: an unknown enum value passes through, an unknown member does not.
    assert [violation.path for violation in violations(response)] == ["$.status"]
