"""CleanRoomsMLErrorHandler: a botocore error of a decorated API function leaves it as one
AnsibleCleanRoomsMLError, worded from the call's own arguments; redacted() takes the credentials out."""

import types

import pytest
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_errors import (
    AnsibleCleanRoomsMLError,
    CleanRoomsMLErrorHandler,
)
from botocore.exceptions import ClientError, EndpointConnectionError

ARN = (
    "arn:aws:cleanrooms-ml:eu-west-1:123456789012:membership/11111111-2222-4333-8444-555555555555"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
CLIENT = types.SimpleNamespace(meta=types.SimpleNamespace(region_name="us-east-1"))


def client_error(code, message="it failed"):
    return ClientError({"Error": {"Code": code, "Message": message}}, "GetCollaborationTrainedModel")


def failing(error):
    @CleanRoomsMLErrorHandler.common_error_handler("GetCollaborationTrainedModel")
    def get_collaboration_trained_model(client, trained_model_arn, collaboration_identifier, version_identifier=None):
        raise error

    return get_collaboration_trained_model


def test_a_client_error_becomes_one_error_naming_the_request():
    error = client_error("ResourceNotFoundException")
    with pytest.raises(AnsibleCleanRoomsMLError) as raised:
        failing(error)(CLIENT, ARN, collaboration_identifier=COLLABORATION)

    assert isinstance(raised.value, AnsibleAWSError), "amazon.aws's fail_json_aws_error takes it"
    assert raised.value.exception is error and raised.value.code == "ResourceNotFoundException"
    assert raised.value.message == (
        f"trained model {ARN} (version latest) not found in collaboration {COLLABORATION}: "
        "the ARN is in eu-west-1; the request went to us-east-1"
    )


@pytest.mark.parametrize(
    "error, message",
    [
        (
            client_error("AccessDeniedException"),
            "access denied to GetCollaborationTrainedModel: "
            "the caller needs the IAM action cleanrooms-ml:GetCollaborationTrainedModel",
        ),
        (client_error("ThrottlingException"), "GetCollaborationTrainedModel failed with ThrottlingException"),
        (EndpointConnectionError(endpoint_url="http://127.0.0.1:9"), "GetCollaborationTrainedModel failed"),
    ],
)
def test_other_errors_name_the_operation(error, message):
    with pytest.raises(AnsibleCleanRoomsMLError) as raised:
        failing(error)(CLIENT, ARN, COLLABORATION, "version-1")
    assert raised.value.message == message
    assert str(raised.value) == f"{message}: {error}"


def test_other_exceptions_pass_through():
    with pytest.raises(KeyError):
        failing(KeyError("a bug"))(CLIENT, ARN, COLLABORATION)


def test_redacted_takes_credentials_out_of_the_service_message():
    error = client_error("AccessDeniedException", "headers: {'X-Amz-Security-Token': 'FwoGZXIvYXdzTOKEN12345'}")
    with pytest.raises(AnsibleCleanRoomsMLError) as raised:
        failing(error)(CLIENT, ARN, COLLABORATION)

    shown = str(raised.value.redacted(["FwoGZXIvYXdzTOKEN12345"]))
    assert "FwoGZXIvYXdzTOKEN12345" not in shown
    assert "X-Amz-Security-Token" in shown
