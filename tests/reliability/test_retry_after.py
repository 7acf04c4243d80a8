"""A throttling answer's Retry-After header is honoured: the next try waits what it asks, but never past the
deadline (the end of a wait, or the longest backoff)."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_api
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION

from .scripted_endpoint import ScriptedEndpoint, aws_error, json_reply

# botocore tries once; the plugins' own retries (AWSRetry) decide: 3 attempts, at most 2 s apart.
ONE_ATTEMPT = {"connect_timeout": 2, "read_timeout": 2, "retries": {"mode": "standard", "total_max_attempts": 1}}


@pytest.fixture
def short_backoff(monkeypatch, cleanroomsml_no_retry_sleep):
    """AWSRetry: 3 attempts, 2 s at most between them; no retry sleeps for real: gives the sleeps asked for."""
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 3)  # pylint: disable=protected-access
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 2)  # pylint: disable=protected-access
    return cleanroomsml_no_retry_sleep


def throttled(retry_after):
    return aws_error(429, "ThrottlingException", "slow down", headers={"Retry-After": retry_after})


def run(run_module, cleanroomsml_fake, endpoint, **options):
    model = cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION)
    return run_module(
        main,
        dict(
            trained_model_arn=model["trainedModelArn"],
            collaboration_identifier=COLLABORATION,
            endpoint_url=endpoint.url,
            aws_config=ONE_ATTEMPT,
            validate_response="off",
            **options,
        ),
    )


@pytest.fixture
def model_answer(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION)
    return json_reply(200, model)


@pytest.mark.fault
def test_retry_after_is_honoured(run_module, cleanroomsml_fake, short_backoff, model_answer):
    with ScriptedEndpoint(throttled("1"), model_answer) as endpoint:
        result = run(run_module, cleanroomsml_fake, endpoint)

    assert not result.get("failed"), result.get("msg")
    assert endpoint.connections == 2
    assert short_backoff.seconds("Retry-After") == [1]


@pytest.mark.fault
def test_retry_after_is_capped_by_the_longest_backoff(run_module, cleanroomsml_fake, short_backoff):
    with ScriptedEndpoint(throttled("3600")) as endpoint:
        result = run(run_module, cleanroomsml_fake, endpoint)

    assert result["failed"] and "ThrottlingException" in result["msg"]
    assert endpoint.connections == 3
    # 2 s honoured after each of the 3 answers, not an hour.
    assert short_backoff.seconds("Retry-After") == [2, 2, 2]


@pytest.mark.fault
def test_retry_after_stops_at_the_end_of_a_wait(run_module, cleanroomsml_fake, short_backoff, monkeypatch):
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 30)  # pylint: disable=protected-access
    with ScriptedEndpoint(throttled("3600")) as endpoint:
        result = run(run_module, cleanroomsml_fake, endpoint, wait=True, wait_timeout=1, wait_delay=1)

    assert result["failed"] and "ThrottlingException" in result["msg"]
    # Asked to wait an hour, with 30 s of backoff allowed: only what is left of the 1 s wait, each time.
    asked = short_backoff.seconds("Retry-After")
    assert len(asked) == 3 and all(0 < seconds <= 1 for seconds in asked), asked
