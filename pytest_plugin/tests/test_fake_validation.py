"""The fake refuses what AWS refuses: malformed input, unknown models, wrong states."""

import uuid
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake

UNKNOWN_ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/"
    "00000000-0000-4000-8000-000000000000/trained-model/00000000-0000-4000-8000-000000000001"
)


@pytest.fixture
def unchecked_client(make_fake_client: Any) -> Any:
    """Skips botocore's client-side checks, so that the fake's own checks answer."""
    return make_fake_client(parameter_validation=False)


@pytest.fixture
def model(fake: CleanRoomsMLFake) -> Any:
    return fake.add_trained_model(name="churn")


def assert_error(raised: Any, code: Any, status: Any, *message_parts: Any) -> None:
    response = raised.value.response
    assert response["Error"]["Code"] == code
    assert response["ResponseMetadata"]["HTTPStatusCode"] == status
    for part in message_parts:
        assert part in response["Error"]["Message"]


@pytest.mark.parametrize(
    "changes, member, constraint",
    [
        (
            {"trainedModelArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/x"},
            "trainedModelArn",
            "regular expression pattern",
        ),
        # The model's patterns are unanchored: only a whole-value match accepts this.
        (
            {"trainedModelArn": UNKNOWN_ARN + "!"},
            "trainedModelArn",
            "regular expression pattern",
        ),
        (
            {"collaborationIdentifier": "not-a-uuid"},
            "collaborationIdentifier",
            "length",
        ),
        (
            {"collaborationIdentifier": "0000000G-0000-4000-8000-000000000000"},
            "collaborationIdentifier",
            "regular expression pattern",
        ),
        ({"versionIdentifier": "latest"}, "versionIdentifier", "length"),
    ],
)
def test_malformed_identifiers_are_refused(
    unchecked_client: Any, model: Any, changes: Any, member: Any, constraint: Any
) -> None:
    arguments = {
        "trainedModelArn": model["trainedModelArn"],
        "collaborationIdentifier": model["collaborationIdentifier"],
        **changes,
    }

    with pytest.raises(unchecked_client.exceptions.ValidationException) as raised:
        unchecked_client.get_collaboration_trained_model(**arguments)

    assert_error(raised, "ValidationException", 400, f"at '{member}'", constraint)


@pytest.mark.parametrize(
    "max_results, constraint",
    [(0, "greater than or equal to 1"), (101, "less than or equal to 100")],
)
def test_max_results_out_of_range_is_refused(
    unchecked_client: Any, model: Any, max_results: Any, constraint: Any
) -> None:
    with pytest.raises(unchecked_client.exceptions.ValidationException) as raised:
        unchecked_client.list_collaboration_trained_models(
            collaborationIdentifier=model["collaborationIdentifier"],
            maxResults=max_results,
        )

    assert_error(
        raised,
        "ValidationException",
        400,
        f"Value {max_results} at 'maxResults'",
        constraint,
    )


@pytest.mark.parametrize(
    "changes, message_parts",
    [
        ({"name": "n" * 64}, ["at 'name'", "length less than or equal to 63"]),
        (
            {"trainingInputMode": "Stream"},
            ["at 'trainingInputMode'", "enum value set: [File, FastFile, Pipe]"],
        ),
        (
            {
                "resourceConfig": {
                    "instanceType": "ml.m5.xlarge",
                    "volumeSizeInGB": 10,
                    "instanceCount": 6,
                }
            },
            ["at 'resourceConfig.instanceCount'", "less than or equal to 5"],
        ),
        (
            {
                "dataChannels": [
                    {
                        "mlInputChannelArn": "arn:aws:s3:::bucket/key",
                        "channelName": "train",
                    }
                ]
            },
            ["at 'dataChannels[0].mlInputChannelArn'", "regular expression pattern"],
        ),
        ({"name": None}, ["Value null at 'name'", "must not be null"]),
    ],
)
def test_invalid_create_requests_are_refused(
    unchecked_client: Any, training_request: Any, changes: Any, message_parts: Any
) -> None:
    request = training_request(str(uuid.uuid4()), **changes)
    request = {member: value for member, value in request.items() if value is not None}

    with pytest.raises(unchecked_client.exceptions.ValidationException) as raised:
        unchecked_client.create_trained_model(**request)

    assert_error(raised, "ValidationException", 400, *message_parts)


def test_a_value_of_the_wrong_type_is_refused(unchecked_client: Any, model: Any) -> None:
    with pytest.raises(unchecked_client.exceptions.ValidationException) as raised:
        unchecked_client.list_trained_models(membershipIdentifier=model["membershipIdentifier"], maxResults="ten")

    assert_error(raised, "ValidationException", 400, "'ten'")


def test_every_violation_is_reported(unchecked_client: Any, model: Any) -> None:
    with pytest.raises(unchecked_client.exceptions.ValidationException) as raised:
        unchecked_client.list_trained_models(membershipIdentifier="x", maxResults=0)

    assert_error(raised, "ValidationException", 400, "3 validation errors detected")


def test_an_unknown_model_is_not_found(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException) as raised:
        fake_client.get_collaboration_trained_model(
            trainedModelArn=UNKNOWN_ARN,
            collaborationIdentifier=model["collaborationIdentifier"],
        )

    assert_error(raised, "ResourceNotFoundException", 404, UNKNOWN_ARN)


def test_a_model_is_not_found_from_another_collaboration(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException):
        fake_client.get_collaboration_trained_model(
            trainedModelArn=model["trainedModelArn"],
            collaborationIdentifier=str(uuid.uuid4()),
        )


def test_a_model_is_not_found_from_another_membership(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException):
        fake_client.get_trained_model(
            trainedModelArn=model["trainedModelArn"],
            membershipIdentifier=str(uuid.uuid4()),
        )


def test_an_unknown_version_is_not_found(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException) as raised:
        fake_client.get_collaboration_trained_model(
            trainedModelArn=model["trainedModelArn"],
            collaborationIdentifier=model["collaborationIdentifier"],
            versionIdentifier=str(uuid.uuid4()),
        )

    assert_error(raised, "ResourceNotFoundException", 404, "version")


def test_versions_of_an_unknown_model_are_not_found(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException):
        fake_client.list_trained_model_versions(
            membershipIdentifier=model["membershipIdentifier"],
            trainedModelArn=UNKNOWN_ARN,
        )


def test_incremental_training_from_an_unknown_model_is_not_found(fake_client: Any, training_request: Any) -> None:
    request = training_request(
        str(uuid.uuid4()),
        incrementalTrainingDataChannels=[{"trainedModelArn": UNKNOWN_ARN, "channelName": "base"}],
    )

    with pytest.raises(fake_client.exceptions.ResourceNotFoundException):
        fake_client.create_trained_model(**request)


def test_cancelling_a_trained_model_conflicts(fake_client: Any, model: Any) -> None:
    with pytest.raises(fake_client.exceptions.ConflictException) as raised:
        fake_client.cancel_trained_model(
            membershipIdentifier=model["membershipIdentifier"],
            trainedModelArn=model["trainedModelArn"],
        )

    assert_error(raised, "ConflictException", 409, "is ACTIVE")


def test_deleting_the_output_of_a_model_in_training_conflicts(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn", status="CREATE_IN_PROGRESS")

    with pytest.raises(fake_client.exceptions.ConflictException):
        fake_client.delete_trained_model_output(
            membershipIdentifier=model["membershipIdentifier"],
            trainedModelArn=model["trainedModelArn"],
        )
