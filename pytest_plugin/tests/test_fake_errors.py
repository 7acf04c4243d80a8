"""fail_next: each error code reaches boto3 as the right exception and HTTP status."""

from typing import Any

import botocore.exceptions
import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake


@pytest.fixture
def model(fake: CleanRoomsMLFake) -> Any:
    return fake.add_trained_model(name="churn")


def get_model(client: Any, model: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )


@pytest.mark.parametrize(
    "error_code, http_status",
    [
        ("ThrottlingException", 429),
        ("AccessDeniedException", 403),
        ("ResourceNotFoundException", 404),
        ("ValidationException", 400),
        ("ConflictException", 409),
        ("ServiceQuotaExceededException", 402),
        ("InternalServiceException", 500),
    ],
)
def test_a_modelled_error_raises_its_botocore_class(
    fake: CleanRoomsMLFake, fake_client: Any, model: Any, error_code: Any, http_status: Any
) -> None:
    fake.fail_next("GetCollaborationTrainedModel", error_code)

    with pytest.raises(getattr(fake_client.exceptions, error_code)) as raised:
        get_model(fake_client, model)

    assert raised.value.response["Error"]["Code"] == error_code
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == http_status


@pytest.mark.parametrize(
    "error_code, http_status",
    [("InternalServerException", 500), ("ServiceUnavailable", 503)],
)
def test_an_error_outside_the_model_raises_a_plain_client_error(
    fake: CleanRoomsMLFake, fake_client: Any, model: Any, error_code: Any, http_status: Any
) -> None:
    fake.fail_next("GetCollaborationTrainedModel", error_code)

    with pytest.raises(botocore.exceptions.ClientError) as raised:
        get_model(fake_client, model)

    assert raised.value.__class__ is botocore.exceptions.ClientError  # exactly: no modelled subclass
    assert raised.value.response["Error"]["Code"] == error_code
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == http_status


def test_failures_last_the_given_number_of_calls(fake: CleanRoomsMLFake, fake_client: Any, model: Any) -> None:
    fake.fail_next("GetCollaborationTrainedModel", "ThrottlingException", times=3)

    for _dummy in range(3):
        with pytest.raises(fake_client.exceptions.ThrottlingException):
            get_model(fake_client, model)

    assert get_model(fake_client, model)["name"] == "churn"


def test_a_failure_carries_the_given_message(fake: CleanRoomsMLFake, fake_client: Any, model: Any) -> None:
    fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException", message="not yours")

    with pytest.raises(fake_client.exceptions.AccessDeniedException) as raised:
        get_model(fake_client, model)

    assert raised.value.response["Error"]["Message"] == "not yours"


def test_only_the_named_operation_fails(fake: CleanRoomsMLFake, fake_client: Any, model: Any) -> None:
    fake.fail_next("ListTrainedModels", "ThrottlingException")

    assert get_model(fake_client, model)["name"] == "churn"
    with pytest.raises(fake_client.exceptions.ThrottlingException):
        fake_client.list_trained_models(membershipIdentifier=model["membershipIdentifier"])


@pytest.mark.parametrize(
    "arguments, message",
    [
        (
            ("GetTrainedModels", "ThrottlingException"),
            "Unknown operation 'GetTrainedModels'",
        ),
        (("GetTrainedModel", "SlowDown"), "Unknown error code 'SlowDown'"),
        (("GetTrainedModel", "ThrottlingException", 0), "times must be from 1 to 10000"),
    ],
)
def test_fail_next_refuses_what_it_cannot_do(fake: CleanRoomsMLFake, arguments: Any, message: Any) -> None:
    with pytest.raises(ValueError, match=message):
        fake.fail_next(*arguments)
