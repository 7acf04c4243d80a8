"""The shared checks on their own: choosing the summary definition, and statuses known to the schema given."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_checks import (
    StatusNameError,
    checked_statuses,
    model_violations,
)

# The published schema requires the same members of a summary and of a full response, so only a
# schema where they differ shows which definition a model was checked against.
SCHEMA = {
    "type": "object",
    "required": ["name", "resourceConfig"],
    "properties": {
        "name": {"type": "string"},
        "status": {"$ref": "#/$defs/TrainedModelStatus"},
        "resourceConfig": {"type": "object"},
    },
    "additionalProperties": False,
    "$defs": {
        "TrainedModelStatus": {"type": "string", "enum": ["ACTIVE", "RETIRED"]},
        "CollaborationTrainedModelSummary": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}, "status": {"$ref": "#/$defs/TrainedModelStatus"}},
            "additionalProperties": False,
        },
    },
}


def test_a_model_with_only_summary_members_is_checked_as_a_summary():
    assert model_violations({"name": "churn", "status": "ACTIVE"}, SCHEMA) == []


def test_a_model_with_any_other_member_is_checked_as_a_full_response():
    violations = model_violations({"name": "churn", "status": "ACTIVE", "trainingInputMode": "File"}, SCHEMA)

    assert [str(violation) for violation in violations] == [
        "$: 'resourceConfig' is a required property",
        "$: unknown member(s) ('trainingInputMode' was unexpected)",
    ]


def test_the_status_hint_comes_from_the_schema_given():
    with pytest.raises(StatusNameError) as error:
        checked_statuses(("retired",), SCHEMA, "check()", "check(model, 'ACTIVE')")

    assert str(error.value).endswith("did you mean 'RETIRED'?")
