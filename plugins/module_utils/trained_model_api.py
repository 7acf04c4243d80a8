# -*- coding: utf-8 -*-
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Calls to the Clean Rooms ML API shared by the module and the lookup, and their error messages."""

from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

SERVICE_NAME = "cleanroomsml"

# The API operations, as error messages, the IAM actions and the fake's call log name them.
GET_OPERATION = "GetCollaborationTrainedModel"
LIST_OPERATION = "ListCollaborationTrainedModels"

# Error codes worth another try besides those AWSRetry already knows (Throttling, InternalError...):
# the ones Clean Rooms ML itself answers with.
RETRYABLE_ERROR_CODES = ("ThrottlingException", "InternalServiceException", "InternalServerException", "ServiceUnavailableException")

_BACKOFF = dict(retries=6, delay=1, max_delay=20, catch_extra_error_codes=list(RETRYABLE_ERROR_CODES))

IAM_ACTIONS = {
    "GetCollaborationTrainedModel": "cleanrooms-ml:GetCollaborationTrainedModel",
    "ListCollaborationTrainedModels": "cleanrooms-ml:ListCollaborationTrainedModels",
}


def retry_decorator():
    """Jittered exponential backoff on throttling and 5xx answers, for module.client()/self.client()."""
    return AWSRetry.jittered_backoff(**_BACKOFF)


def get_collaboration_trained_model(client, trained_model_arn, collaboration_identifier, version_identifier=None):
    """Return the raw GetCollaborationTrainedModel response (boto3 types), retrying as the client was built to."""
    request = {"trainedModelArn": trained_model_arn, "collaborationIdentifier": collaboration_identifier}
    if version_identifier:
        request["versionIdentifier"] = version_identifier
    return client.get_collaboration_trained_model(aws_retry=True, **request)


def list_collaboration_trained_models(client, collaboration_identifier):
    """Every trained model summary of a collaboration, through botocore's paginator (all pages).

    Paginators bypass the client's aws_retry wrapper, so the whole listing is retried
    instead, as amazon.aws does for its own paginated calls.
    """

    @AWSRetry.jittered_backoff(**_BACKOFF)
    def list_all():
        paginator = client.get_paginator("list_collaboration_trained_models")
        return paginator.paginate(collaborationIdentifier=collaboration_identifier).build_full_result()

    return list_all()["collaborationTrainedModels"]


def error_code(error):
    """The AWS error code of a botocore ClientError, or None for other exceptions."""
    response = getattr(error, "response", None) or {}
    return response.get("Error", {}).get("Code")


def describe_error(error, operation, trained_model_arn=None, collaboration_identifier=None, version_identifier=None):
    """Say in one line what failed, in the words of the request rather than the HTTP exchange."""
    code = error_code(error)
    if code == "ResourceNotFoundException" and trained_model_arn:
        return "trained model %s (version %s) not found in collaboration %s" % (
            trained_model_arn,
            version_identifier or "latest",
            collaboration_identifier,
        )
    if code == "ResourceNotFoundException" and collaboration_identifier:
        return "collaboration %s not found" % collaboration_identifier
    if code == "AccessDeniedException":
        return "access denied to %s: the caller needs the IAM action %s" % (operation, IAM_ACTIONS.get(operation, operation))
    if code:
        return "%s failed with %s" % (operation, code)
    return "%s failed" % operation
