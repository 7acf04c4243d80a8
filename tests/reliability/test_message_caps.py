"""A huge value in an answer (a 5 MB description, a 5 MB error message) makes no huge message: every value
a message quotes is capped, in warnings, in strict mode's failure and its violations, and in service errors."""

import json

import pytest
from ansible.errors import AnsibleLookupError
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION
from helpers.module_runs import warning_messages

from .scripted_endpoint import ScriptedEndpoint, aws_error

HUGE = 5 * 1024 * 1024
# Far above any useful message, far below the huge value.
MOST_CHARACTERS = 20000


@pytest.fixture
def huge_description(cleanroomsml_fake, cleanroomsml_server):
    model = cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION, description="d" * HUGE)
    return model, cleanroomsml_server


@pytest.mark.fault
def test_huge_member_makes_a_short_warning(run_module, huge_description):
    model, endpoint_url = huge_description
    result = run_module(
        main,
        {
            "trained_model_arn": model["trainedModelArn"],
            "collaboration_identifier": COLLABORATION,
            "endpoint_url": endpoint_url,
        },
    )

    assert not result.get("failed"), result.get("msg")
    warnings = warning_messages(result)
    assert any("description" in warning and "characters)" in warning for warning in warnings), warnings
    assert len(json.dumps(warnings)) < MOST_CHARACTERS


@pytest.mark.fault
def test_huge_member_makes_a_short_strict_failure(run_module, huge_description):
    model, endpoint_url = huge_description
    result = run_module(
        main,
        {
            "trained_model_arn": model["trainedModelArn"],
            "collaboration_identifier": COLLABORATION,
            "endpoint_url": endpoint_url,
            "validate_response": "strict",
        },
    )

    assert result["failed"] and "description" in result["msg"]
    assert len(result["msg"]) < MOST_CHARACTERS and len(json.dumps(result["violations"])) < MOST_CHARACTERS


@pytest.mark.fault
def test_huge_lookup_warning_is_short(run_lookup, lookup_warnings, huge_description):
    model, endpoint_url = huge_description
    run_lookup(model["trainedModelArn"], endpoint_url=endpoint_url)

    assert lookup_warnings and len(json.dumps(lookup_warnings)) < MOST_CHARACTERS


@pytest.fixture
def huge_error():
    with ScriptedEndpoint(aws_error(400, "ValidationException", "m" * HUGE)) as endpoint:
        yield endpoint.url


@pytest.mark.fault
@pytest.mark.parametrize("mode", ["get", "list"])
def test_huge_service_message_makes_a_short_module_failure(
    run_module, quick_backoff, cleanroomsml_fake, huge_error, mode
):
    arguments = {"collaboration_identifier": COLLABORATION, "endpoint_url": huge_error}
    if mode == "get":
        arguments["trained_model_arn"] = cleanroomsml_fake.add_trained_model("churn")["trainedModelArn"]
    result = run_module(main, arguments)

    assert result["failed"] and "ValidationException" in result["msg"]
    assert len(json.dumps(result)) < MOST_CHARACTERS


@pytest.mark.fault
def test_huge_service_message_makes_a_short_lookup_error(run_lookup, quick_backoff, cleanroomsml_fake, huge_error):
    arn = cleanroomsml_fake.add_trained_model("churn")["trainedModelArn"]
    with pytest.raises(AnsibleLookupError) as raised:
        run_lookup(arn, endpoint_url=huge_error)

    assert "ValidationException" in str(raised.value) and len(str(raised.value)) < MOST_CHARACTERS
