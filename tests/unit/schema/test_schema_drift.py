"""The shared schema must state exactly what botocore's service model states."""

import json
from pathlib import Path

import botocore.session
import pytest
from shape_facts import botocore_facts, differences, schema_facts

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "schema" / "collaboration_trained_model.schema.json"


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def service_model():
    return botocore.session.get_session().get_service_model("cleanroomsml")


def test_get_response_matches_botocore(schema, service_model):
    output_shape = service_model.operation_model("GetCollaborationTrainedModel").output_shape
    drift = differences(botocore_facts(output_shape), schema_facts(schema, schema))
    assert not drift, "schema differs from botocore's GetCollaborationTrainedModel output:\n" + "\n".join(drift)


def test_list_summary_matches_botocore(schema, service_model):
    list_output = service_model.operation_model("ListCollaborationTrainedModels").output_shape
    summary_shape = list_output.members["collaborationTrainedModels"].member
    summary = {"$ref": "#/$defs/CollaborationTrainedModelSummary"}
    drift = differences(botocore_facts(summary_shape), schema_facts(summary, schema))
    assert not drift, "schema differs from botocore's CollaborationTrainedModelSummary:\n" + "\n".join(drift)


def test_schema_is_closed_at_every_level(schema):
    open_objects = [
        path
        for path, facts in schema_facts(schema, schema).items()
        if facts.get("type") == "object" and facts.get("additionalProperties") is not False
    ]
    assert open_objects == []


def test_drift_report_names_a_dropped_member_and_a_changed_enum(schema, service_model):
    """The comparison itself must catch drift, or the two tests above prove nothing."""
    edited = json.loads(json.dumps(schema))
    del edited["properties"]["description"]
    edited["$defs"]["TrainedModelStatus"]["enum"].remove("INACTIVE")
    edited["$defs"]["TrainedModelStatus"]["enum"].append("ARCHIVED")
    edited["$defs"]["NameString"]["maxLength"] = 64
    output_shape = service_model.operation_model("GetCollaborationTrainedModel").output_shape
    drift = differences(botocore_facts(output_shape), schema_facts(edited, edited))
    assert "$.description: in botocore (string) but missing from the schema" in drift
    assert "$.status: enum values in botocore, missing from the schema: INACTIVE" in drift
    assert "$.status: enum values in the schema, not in botocore: ARCHIVED" in drift
    assert "$.name: maxLength is 63 in botocore, 64 in the schema" in drift
