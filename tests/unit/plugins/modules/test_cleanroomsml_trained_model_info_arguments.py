"""The argument spec's rules: each refused before any call, naming the options."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
    "/trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
)
VERSION = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"


@pytest.mark.parametrize(
    "args, message",
    [
        ({"wait": True}, "wait is True but all of the following are missing: trained_model_arn"),
        ({"version_identifier": VERSION}, "missing parameter(s) required by 'version_identifier': trained_model_arn"),
        ({"trained_model_arn": ARN, "name": "churn"}, "parameters are mutually exclusive: trained_model_arn|name"),
        (
            {"trained_model_arn": ARN, "status": ["ACTIVE"]},
            "parameters are mutually exclusive: trained_model_arn|status",
        ),
        (
            {"status": ["active"]},
            "status: 'active' is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE');"
            " did you mean 'ACTIVE'?",
        ),
        ({"status": ["ACTIVE", "create failed"]}, "status: 'create failed' is not a status name"),
        ({"max_concurrency": 0}, "max_concurrency must be from 1 to 32, got 0"),
        ({"max_concurrency": 33}, "max_concurrency must be from 1 to 32, got 33"),
        ({"validate_response": "loud"}, "value of validate_response must be one of: strict, warn, off, got: loud"),
        ({"details": "maybe"}, "argument 'details' is of type str and we were unable to convert to bool"),
        ({"surprise": 1}, "Unsupported parameters for (basic.py) module: surprise"),
    ],
)
def test_rules_are_enforced_before_any_call(run_module, cleanroomsml_fake, args, message):
    result = run_module(main, dict(collaboration_identifier=COLLABORATION, **args))
    assert result["failed"] is True
    assert message in result["msg"]
    assert cleanroomsml_fake.calls == []


def test_every_argument_error_is_reported_at_once(run_module, cleanroomsml_fake):
    result = run_module(
        main, {"collaboration_identifier": "abc", "trained_model_arn": "nope", "version_identifier": "v1"}
    )
    assert result["msg"].count(" must be ") == 3
    assert cleanroomsml_fake.calls == []
