"""One trained model in each form the assertions accept, with fixed identifiers for exact messages."""

import copy
import datetime

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
MEMBERSHIP = "11111111-2222-4333-8444-555555555555"
ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
VERSION = "99999999-8888-4777-8666-555555555555"
# add_trained_model(name, **IDENTIFIED): the model above, with these exact identifiers.
IDENTIFIED = {"collaboration_identifier": COLLABORATION, "trainedModelArn": ARN, "versionIdentifier": VERSION}
ALGORITHM_ASSOCIATION_ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/configured-model-algorithm-association/bbbbbbbb-cccc-4ddd-8eee-ffffffffffff"
)
CREATED = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.timezone.utc)

# What boto3's get_collaboration_trained_model returns for a failed model (datetimes, ResponseMetadata).
FAILED_GET_RESPONSE = {
    "membershipIdentifier": MEMBERSHIP,
    "collaborationIdentifier": COLLABORATION,
    "trainedModelArn": ARN,
    "versionIdentifier": VERSION,
    "name": "churn",
    "status": "CREATE_FAILED",
    "statusDetails": {"statusCode": "InternalError", "message": "training container exited with code 1"},
    "configuredModelAlgorithmAssociationArn": ALGORITHM_ASSOCIATION_ARN,
    "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 10},
    "trainingInputMode": "File",
    "stoppingCondition": {"maxRuntimeInSeconds": 86400},
    "metricsStatus": "PUBLISH_FAILED",
    "metricsStatusDetails": "no metrics definitions matched the training log",
    "logsStatus": "PUBLISH_FAILED",
    "logsStatusDetails": "log group not found",
    "createTime": CREATED,
    "updateTime": CREATED,
    "creatorAccountId": "123456789012",
    "ResponseMetadata": {
        "RequestId": "d1c4a4f6-0000-4000-8000-000000000000",
        "HTTPStatusCode": 200,
        "HTTPHeaders": {},
        "RetryAttempts": 0,
    },
}

ACTIVE_CHANGES = {
    "status": "ACTIVE",
    "statusDetails": None,
    "metricsStatus": "PUBLISH_SUCCEEDED",
    "metricsStatusDetails": None,
    "logsStatus": "PUBLISH_SUCCEEDED",
    "logsStatusDetails": None,
}

SUMMARY_MEMBERS = (
    "createTime",
    "updateTime",
    "trainedModelArn",
    "name",
    "versionIdentifier",
    "membershipIdentifier",
    "collaborationIdentifier",
    "status",
    "configuredModelAlgorithmAssociationArn",
    "creatorAccountId",
)


def get_response(**changes):
    """A get_collaboration_trained_model response: the failed model with ``changes`` (None removes a member)."""
    response = copy.deepcopy(FAILED_GET_RESPONSE)
    response.update(changes)
    return {member: value for member, value in response.items() if value is not None}


def active_get_response(**changes):
    return get_response(**dict(ACTIVE_CHANGES, **changes))


def summary(**changes):
    """A member of list_collaboration_trained_models' collaborationTrainedModels."""
    response = get_response(**changes)
    return {member: value for member, value in response.items() if member in SUMMARY_MEMBERS}


def snake_case_facts(**changes):
    """The failed model as the cleanrooms.ml module returns it (registered result's trained_model)."""
    facts = {
        "membership_identifier": MEMBERSHIP,
        "collaboration_identifier": COLLABORATION,
        "trained_model_arn": ARN,
        "version_identifier": VERSION,
        "name": "churn",
        "status": "CREATE_FAILED",
        "status_details": {"status_code": "InternalError", "message": "training container exited with code 1"},
        "configured_model_algorithm_association_arn": ALGORITHM_ASSOCIATION_ARN,
        "resource_config": {"instance_count": 1, "instance_type": "ml.m5.xlarge", "volume_size_in_gb": 10},
        "training_input_mode": "File",
        "stopping_condition": {"max_runtime_in_seconds": 86400},
        "metrics_status": "PUBLISH_FAILED",
        "metrics_status_details": "no metrics definitions matched the training log",
        "logs_status": "PUBLISH_FAILED",
        "logs_status_details": "log group not found",
        "create_time": CREATED.isoformat(),
        "update_time": CREATED.isoformat(),
        "creator_account_id": "123456789012",
    }
    facts.update(changes)
    return {member: value for member, value in facts.items() if value is not None}
