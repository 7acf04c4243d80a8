"""The fast check that spares valid responses the jsonschema import: it must agree with jsonschema.

schema_violations trusts conforms() when it accepts a response, so a response conforms()
accepts and jsonschema refuses would hide violations. These tests compare the two on the
valid responses and on every variation of them the mutations below make.
"""

import copy
import os
import subprocess
import sys

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import (
    SUMMARY_DEFINITION,
    conforms,
    jsonschema_violations,
    keywords_not_understood,
    schema_violations,
)
from trained_model_samples import ARN, ASSOCIATION_ARN, MEMBERSHIP

# Every member the schema knows, so that every keyword is met on the way.
FULL_RESPONSE = {
    "membershipIdentifier": MEMBERSHIP,
    "collaborationIdentifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "trainedModelArn": ARN,
    "versionIdentifier": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
    "incrementalTrainingDataChannels": [
        {
            "channelName": "training.data-1",
            "versionIdentifier": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
            "modelName": "churn base",
        },
    ],
    "name": "churn",
    "description": "Predicts churn\nfrom loyalty data",
    "status": "CREATE_FAILED",
    "statusDetails": {"statusCode": "InternalError", "message": "training container exited with code 1"},
    "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN,
    "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 50},
    "trainingInputMode": "FastFile",
    "stoppingCondition": {"maxRuntimeInSeconds": 3600},
    "metricsStatus": "PUBLISH_FAILED",
    "metricsStatusDetails": "no metrics definitions matched",
    "logsStatus": "PUBLISH_SUCCEEDED",
    "logsStatusDetails": "",
    "trainingContainerImageDigest": "sha256:0123456789abcdef",
    "createTime": "2026-11-20T09:30:00+00:00",
    "updateTime": "2026-11-20T10:05:00.123Z",
    "creatorAccountId": "111122223333",
    "mlModelTrainingPayerAccountId": "444455556666",
}
SUMMARY_MEMBERS = SCHEMA["$defs"][SUMMARY_DEFINITION]["properties"]
FULL_SUMMARY = {name: value for name, value in FULL_RESPONSE.items() if name in SUMMARY_MEMBERS}

# Values of every JSON type, and the edge cases of the keywords the schema uses.
REPLACEMENTS = [
    None,
    True,
    False,
    0,
    1,
    5,
    6,
    -1,
    0.5,
    1.0,
    5.0,
    8192,
    8193,
    2419200,
    2419201,
    "",
    " ",
    "\t",
    "x",
    "ACTIVE",
    "active",
    "ml.m5.xlarge",
    "File",
    "PUBLISH_SUCCEEDED",
    "111122223333",
    "1111222233334",
    "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
    ARN,
    ARN + "\n",
    "x" * 64,
    "x" * 256,
    "x" * 2049,
    "2026-11-20T09:30:00Z",
    "2026-11-20T09:30:00",
    "2026-11-20 09:30:00+00:00",
    "2026-02-30T09:30:00Z",
    "yesterday",
    "\ud800",
    [],
    [{}],
    ["x"],
    {},
    {"statusCode": 1},
]


def paths(value, prefix=()):
    """The path (a tuple of keys and indexes) of every member and item in a document, parents first."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


def at(document, path):
    for key in path:
        document = document[key]
    return document


def variations(document):
    """The document with each member or item replaced, shortened, lengthened or removed, and with unknown members
    added.
    """
    for path in paths(document):
        original = at(document, path)
        candidates = list(REPLACEMENTS)
        if isinstance(original, str):
            candidates += [original + "\n", original * 40, original[:-1], original.upper(), " " + original]
        for candidate in candidates:
            changed = copy.deepcopy(document)
            at(changed, path[:-1])[path[-1]] = candidate
            yield changed
        removed = copy.deepcopy(document)
        del at(removed, path[:-1])[path[-1]]
        yield removed
    for path in [()] + [path for path in paths(document) if isinstance(at(document, path), (dict, list))]:
        extended = copy.deepcopy(document)
        container = at(extended, path)
        if isinstance(container, dict):
            container["brandNewMember"] = "x"
        else:
            container.append(copy.deepcopy(container[0]) if container else "x")
        yield extended


@pytest.mark.parametrize(
    "document, definition",
    [(FULL_RESPONSE, None), (FULL_SUMMARY, SUMMARY_DEFINITION)],
    ids=["response", "summary"],
)
def test_the_fast_check_agrees_with_jsonschema(document, definition):
    assert conforms(document, SCHEMA, definition), jsonschema_violations(document, SCHEMA, definition)
    disagreements = []
    verdicts = {True: 0, False: 0}
    for variation in variations(document):
        valid = jsonschema_violations(variation, SCHEMA, definition) == []
        verdicts[valid] += 1
        if conforms(variation, SCHEMA, definition) != valid:
            disagreements.append((valid, variation))
    assert verdicts[True] > 100 and verdicts[False] > 500, verdicts  # both sides of every keyword were met
    assert disagreements == [], (
        f"jsonschema's verdict (valid?) and the documents the fast check judged otherwise: {disagreements[:3]!r}"
    )


def test_the_schema_uses_only_what_the_fast_check_understands():
    # Otherwise every response is handed to jsonschema, and every module run imports it.
    assert keywords_not_understood(SCHEMA) == [], "teach trained_model_validation's fast check these keywords"


def test_a_schema_the_fast_check_does_not_understand_goes_to_jsonschema():
    schema = {
        "type": "object",
        "properties": {
            "size": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
            "kind": {"enum": [1, 2]},
            "id": {"type": "string", "format": "uuid"},
            "tags": {"type": "object", "additionalProperties": {"type": "string"}},
            "parts": {"type": "array", "items": [{"$ref": "other.json"}]},
        },
        "patternProperties": {"^x-": {}},
    }
    assert keywords_not_understood(schema) == [
        "#/properties/id: format 'uuid'",
        "#/properties/kind: an enum with values other than strings",
        "#/properties/parts: items that is not a schema",
        "#/properties/size: keyword oneOf",
        "#/properties/tags: additionalProperties other than false",
        "#: keyword patternProperties",
    ]
    assert not conforms({}, schema)
    assert schema_violations({}, schema) == []  # jsonschema has the last word


def test_valid_responses_are_validated_without_importing_jsonschema():
    script = (
        "import sys\n"
        "from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA\n"
        "from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import "
        "schema_violations\n"
        f"assert schema_violations({FULL_RESPONSE!r}, SCHEMA) == []\n"
        "print('jsonschema' in sys.modules)\n"
    )
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(path for path in sys.path if path))
    result = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
