"""Schema validation of responses: every violation, with its JSON path."""

import datetime
import json

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import (
    SUMMARY_DEFINITION,
    SchemaViolation,
    schema_violations,
    to_json_compatible,
    without_response_metadata,
)
from trained_model_samples import ARN, ASSOCIATION_ARN, MEMBERSHIP


def valid_response():
    return {
        "membershipIdentifier": MEMBERSHIP,
        "collaborationIdentifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "trainedModelArn": ARN,
        "versionIdentifier": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
        "name": "churn",
        "status": "ACTIVE",
        "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN,
        "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 50},
        "trainingInputMode": "File",
        "stoppingCondition": {"maxRuntimeInSeconds": 3600},
        "metricsStatus": "PUBLISH_SUCCEEDED",
        "logsStatus": "PUBLISH_SUCCEEDED",
        "createTime": datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.timezone.utc),
        "updateTime": datetime.datetime(2026, 11, 20, 10, 5, tzinfo=datetime.timezone.utc),
        "creatorAccountId": "111122223333",
        "ResponseMetadata": {"HTTPStatusCode": 200},
    }


def document(response):
    return to_json_compatible(without_response_metadata(response))


def test_a_complete_response_is_valid():
    assert schema_violations(document(valid_response()), SCHEMA) == []


def test_timestamps_become_iso_8601_and_metadata_is_dropped():
    converted = document(valid_response())
    assert converted["createTime"] == "2026-11-20T09:30:00+00:00"
    assert "ResponseMetadata" not in converted
    json.dumps(converted)  # nothing left that JSON cannot carry


def test_every_violation_is_reported_with_its_path():
    response = document(valid_response())
    response["status"] = "ARCHIVED"
    response["resourceConfig"]["instanceType"] = "ml.quantum.xlarge"
    response["resourceConfig"]["instanceCount"] = 9
    response["creatorAccountId"] = "12345"
    del response["name"]
    response["brandNewMember"] = True
    violations = schema_violations(response, SCHEMA)
    paths = [violation.path for violation in violations]
    assert paths == sorted(paths)
    by_path = {violation.path: violation.message for violation in violations}
    assert by_path["$.status"].startswith("'ARCHIVED' is not one of ['CREATE_PENDING'")
    instance_types = len(SCHEMA["$defs"]["InstanceType"]["enum"])
    assert by_path["$.resourceConfig.instanceType"] == (
        f"'ml.quantum.xlarge' is not one of the {instance_types} values the service model allows"
    )
    assert by_path["$.resourceConfig.instanceCount"] == "9 is greater than the maximum of 5"
    assert "$.creatorAccountId" in by_path
    assert "'name' is a required property" in [v.message for v in violations if v.path == "$"]
    assert "unknown member(s) ('brandNewMember' was unexpected)" in [v.message for v in violations if v.path == "$"]
    assert len(violations) == 7  # creatorAccountId breaks both its length and its pattern


@pytest.mark.parametrize(
    "timestamp, valid",
    [
        ("2026-11-20T09:30:00+00:00", True),
        ("2026-11-20T09:30:00.123Z", True),
        ("2026-11-20 09:30:00+00:00", False),
        ("2026-11-20T09:30:00", False),  # no offset: not RFC 3339
        ("yesterday", False),
    ],
)
def test_timestamps_are_checked_as_rfc_3339(timestamp, valid):
    response = document(valid_response())
    response["updateTime"] = timestamp
    violations = schema_violations(response, SCHEMA)
    assert (violations == []) is valid, violations


def test_patterns_apply_to_the_whole_value():
    response = document(valid_response())
    response["trainedModelArn"] = "prefix " + ARN
    assert [violation.path for violation in schema_violations(response, SCHEMA)] == ["$.trainedModelArn"]


def test_list_summaries_are_validated_against_their_own_definition():
    summary = document(valid_response())
    for member in ("resourceConfig", "trainingInputMode", "stoppingCondition", "metricsStatus", "logsStatus"):
        del summary[member]
    assert schema_violations(summary, SCHEMA, SUMMARY_DEFINITION) == []
    summary["resourceConfig"] = {"instanceType": "ml.m5.xlarge", "volumeSizeInGB": 1}
    assert schema_violations(summary, SCHEMA, SUMMARY_DEFINITION) == [
        SchemaViolation("$", "unknown member(s) ('resourceConfig' was unexpected)")
    ]


def test_violation_reads_as_path_and_message():
    assert str(SchemaViolation("$.status", "bad")) == "$.status: bad"
