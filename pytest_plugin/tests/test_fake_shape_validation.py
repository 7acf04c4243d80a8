"""The shape check that refuses bad input and that the tests hold every response to."""

import datetime
from typing import Any

import pytest
from botocore_shape_check import SERVICE_MODEL
from pytest_cleanroomsml.fake.shape_validation import (
    shape_violations,
    validation_message,
)

ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/"
    "11111111-2222-4333-8444-555555555555/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
NOW = datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc)


@pytest.fixture
def summary_shape() -> Any:
    return SERVICE_MODEL.shape_for("TrainedModelSummary")


@pytest.fixture
def summary() -> Any:
    return {
        "createTime": NOW,
        "updateTime": NOW,
        "trainedModelArn": ARN,
        "name": "churn",
        "membershipIdentifier": "11111111-2222-4333-8444-555555555555",
        "collaborationIdentifier": "99999999-2222-4333-8444-555555555555",
        "status": "ACTIVE",
        "configuredModelAlgorithmAssociationArn": ARN.replace(
            "trained-model", "configured-model-algorithm-association"
        ),
    }


def test_a_fitting_value_has_no_violations(summary_shape: Any, summary: Any) -> None:
    assert shape_violations(summary_shape, summary) == []


def test_a_missing_required_member_is_reported(summary_shape: Any, summary: Any) -> None:
    del summary["status"]

    assert shape_violations(summary_shape, summary) == [
        "Value null at 'status' failed to satisfy constraint: Member must not be null"
    ]


@pytest.mark.parametrize(
    "member, value, constraint",
    [
        ("status", "RETRAINING", "Member must satisfy enum value set: [CREATE_PENDING"),
        ("name", "n" * 64, "Member must have length less than or equal to 63"),
        ("name", "   ", "Member must satisfy regular expression pattern"),
        (
            "trainedModelArn",
            ARN + "!",
            "Member must satisfy regular expression pattern",
        ),
        (
            "trainedModelArn",
            "x" + ARN,
            "Member must satisfy regular expression pattern",
        ),
        (
            "createTime",
            "2024-05-01T00:00:00Z",
            "Member must be of type timestamp (got str)",
        ),
    ],
)
def test_a_broken_constraint_is_reported(
    summary_shape: Any, summary: Any, member: Any, value: Any, constraint: Any
) -> None:
    summary[member] = value

    [violation] = shape_violations(summary_shape, summary)

    assert violation.startswith(f"Value '{value}' at '{member}'")
    assert constraint in violation


def test_nested_members_are_checked_with_their_path() -> None:
    shape = SERVICE_MODEL.operation_model("CreateTrainedModel").input_shape.members["dataChannels"]

    violations = shape_violations(
        shape,
        [{"mlInputChannelArn": "arn:aws:s3:::bucket/key", "channelName": "a b"}],
        "dataChannels",
    )

    assert [violation.split(" failed", maxsplit=1)[0] for violation in violations] == [
        "Value 'arn:aws:s3:::bucket/key' at 'dataChannels[0].mlInputChannelArn'",
        "Value 'a b' at 'dataChannels[0].channelName'",
    ]


@pytest.mark.parametrize("count", [True, "1", 1.5])
def test_an_integer_must_be_an_int(count: Any) -> None:
    shape = SERVICE_MODEL.shape_for("ResourceConfig")

    [violation] = shape_violations(
        shape,
        {"instanceType": "ml.m5.xlarge", "volumeSizeInGB": 1, "instanceCount": count},
    )

    assert "at 'instanceCount'" in violation
    assert "Member must be of type integer" in violation


def test_integer_ranges_are_checked() -> None:
    shape = SERVICE_MODEL.shape_for("ResourceConfig")

    violations = shape_violations(shape, {"instanceType": "ml.m5.xlarge", "volumeSizeInGB": 0, "instanceCount": 6})

    assert violations == [
        "Value 0 at 'volumeSizeInGB' failed to satisfy constraint: Member must have value greater than or equal to 1",
        "Value 6 at 'instanceCount' failed to satisfy constraint: Member must have value less than or equal to 5",
    ]


def test_a_member_outside_the_shape_is_reported(summary_shape: Any, summary: Any) -> None:
    summary["creatorAccountId"] = "123456789012"

    assert shape_violations(summary_shape, summary) == ["Member 'creatorAccountId' is not in shape TrainedModelSummary"]


def test_the_message_counts_the_violations() -> None:
    assert validation_message(["a"]) == "1 validation error detected: a"
    assert validation_message(["a", "b"]) == "2 validation errors detected: a; b"
