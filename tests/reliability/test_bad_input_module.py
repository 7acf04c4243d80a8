"""Bad input to the module: each option refused before any call, by a message naming it, without a traceback."""

import json

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION

from .malformed_identifiers import BAD_ARNS, BAD_UUIDS, VALID_ARN, VERSION

# A request the fake would answer; each case spoils one thing in it.
VALID_REQUEST = {"trained_model_arn": VALID_ARN, "collaboration_identifier": COLLABORATION}
# Leaves an option out of the request (None would give it as null, which Ansible counts as given).
OMITTED = object()


def cases(option, values):
    """One case per value of a table of malformed identifiers, for one option."""
    return [pytest.param({option: value}, option, id=f"{option}: {name}") for name, value in values.items()]


OTHER_CASES = [
    # Wrong types (the module converts scalars to strings, then checks them).
    pytest.param({"trained_model_arn": 5}, "trained_model_arn", id="trained_model_arn: an integer"),
    pytest.param({"trained_model_arn": {"arn": VALID_ARN}}, "trained_model_arn", id="trained_model_arn: a dict"),
    pytest.param(
        {"collaboration_identifier": 12345}, "collaboration_identifier", id="collaboration_identifier: an integer"
    ),
    pytest.param({"details": "maybe", "trained_model_arn": OMITTED}, "details", id="details: not a boolean"),
    pytest.param({"wait": "sometimes"}, "wait", id="wait: not a boolean"),
    pytest.param({"wait_timeout": 1.5}, "wait_timeout", id="wait_timeout: a float"),
    pytest.param({"wait_timeout": [60]}, "wait_timeout", id="wait_timeout: a list"),
    pytest.param(
        {"max_concurrency": "many", "trained_model_arn": OMITTED}, "max_concurrency", id="max_concurrency: a word"
    ),
    # None and lists where strings go.
    pytest.param({"collaboration_identifier": None}, "collaboration_identifier", id="collaboration_identifier: None"),
    pytest.param({"trained_model_arn": [VALID_ARN]}, "trained_model_arn", id="trained_model_arn: a list"),
    pytest.param(
        {"collaboration_identifier": [COLLABORATION]},
        "collaboration_identifier",
        id="collaboration_identifier: a list",
    ),
    pytest.param({"version_identifier": [VERSION]}, "version_identifier", id="version_identifier: a list"),
    pytest.param({"validate_response": ["strict"]}, "validate_response", id="validate_response: a list"),
    # Values outside the choices.
    pytest.param({"validate_response": "lenient"}, "validate_response", id="validate_response: not a choice"),
    pytest.param({"status": ["running"], "trained_model_arn": OMITTED}, "status", id="status: not a status name"),
    pytest.param({"wait": True, "wait_for": ["active"]}, "wait_for", id="wait_for: lower case"),
    pytest.param({"region": "us east 1"}, "region", id="region: with spaces"),
    # Unknown options.
    pytest.param({"surprise": 1}, "surprise", id="unknown option"),
    pytest.param({"trained_model": "churn"}, "trained_model", id="misspelt option"),
    pytest.param({"aws_config": {"bogus": 1}}, "aws_config", id="aws_config: unknown botocore setting"),
    pytest.param({"aws_config": {"retries": "often"}}, "aws_config", id="aws_config: retries not a dict"),
    # Options that contradict each other.
    pytest.param({"wait": True, "trained_model_arn": OMITTED}, "trained_model_arn", id="wait without an ARN"),
    pytest.param({"wait": True, "trained_model_arn": None}, "trained_model_arn", id="wait with a null ARN"),
    pytest.param(
        {"version_identifier": VERSION, "trained_model_arn": OMITTED}, "trained_model_arn", id="version without an ARN"
    ),
    pytest.param({"name": "churn"}, "name", id="an ARN and a name filter"),
    pytest.param({"wait": True, "wait_for": []}, "wait_for", id="wait for no status"),
    # Numbers out of range, huge ones included.
    pytest.param({"wait": True, "wait_delay": 0}, "wait_delay", id="wait_delay: 0"),
    pytest.param({"wait": True, "wait_delay": -5}, "wait_delay", id="wait_delay: negative"),
    pytest.param({"wait": True, "wait_timeout": -1}, "wait_timeout", id="wait_timeout: negative"),
    pytest.param({"wait": True, "wait_timeout": 10**400}, "wait_timeout", id="wait_timeout: 10**400"),
    pytest.param({"wait": True, "wait_timeout": 2**63, "wait_delay": 2**63}, "wait_delay", id="wait_delay: 2**63"),
    pytest.param(
        {"max_concurrency": 10**30, "trained_model_arn": OMITTED}, "max_concurrency", id="max_concurrency: 10**30"
    ),
    pytest.param(
        {"max_concurrency": -1, "trained_model_arn": OMITTED}, "max_concurrency", id="max_concurrency: negative"
    ),
    # null, as an undefined variable's default gives it: not the same as leaving the option out (list mode).
    pytest.param({"trained_model_arn": None}, "trained_model_arn", id="trained_model_arn: null"),
    # A filter of the wrong type would match nothing, silently.
    pytest.param({"trained_model_arn": OMITTED, "name": ["churn"]}, "name", id="name: a list"),
    pytest.param({"trained_model_arn": OMITTED, "name": 5}, "name", id="name: a number"),
    # Settings botocore's Config takes, and the first request then fails on.
    pytest.param({"aws_config": {"proxies": "x"}}, "aws_config", id="aws_config: proxies not a mapping"),
    pytest.param({"aws_config": {"proxies": {"https": 5}}}, "aws_config", id="aws_config: a proxy not a URL"),
    pytest.param(
        {"aws_config": {"connect_timeout": float("inf")}}, "aws_config", id="aws_config: infinite connect_timeout"
    ),
    pytest.param({"aws_config": {"read_timeout": float("nan")}}, "aws_config", id="aws_config: read_timeout nan"),
    pytest.param({"aws_config": {"read_timeout": -1}}, "aws_config", id="aws_config: negative read_timeout"),
    pytest.param({"endpoint_url": "ftp://127.0.0.1:21"}, "endpoint_url", id="endpoint_url: ftp"),
    pytest.param({"endpoint_url": "http://"}, "endpoint_url", id="endpoint_url: no host"),
]

CASES = (
    cases("trained_model_arn", BAD_ARNS)
    + cases("collaboration_identifier", BAD_UUIDS)
    + cases("version_identifier", {name: BAD_UUIDS[name] for name in ("upper case", "braces", "Arabic-Indic digit")})
    + OTHER_CASES
)


@pytest.mark.bad_input
@pytest.mark.parametrize("spoilt, parameter", CASES)
def test_bad_option_is_refused_before_any_call(run_module, cleanroomsml_fake, spoilt, parameter):
    request = dict(VALID_REQUEST, **spoilt)
    result = run_module(main, {option: value for option, value in request.items() if value is not OMITTED})

    assert result.get("failed") is True, result
    assert parameter in result["msg"]
    # fail_json with a message, not an exception: no traceback anywhere in what the task shows.
    assert "exception" not in result and "Traceback" not in json.dumps(result)
    assert cleanroomsml_fake.calls == []


def test_the_request_the_cases_spoil_is_answered(run_module, cleanroomsml_fake):
    cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION, trainedModelArn=VALID_ARN)

    result = run_module(main, VALID_REQUEST)

    assert result["trained_model"]["name"] == "churn"
