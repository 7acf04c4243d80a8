"""A throttling answer's Retry-After header is honoured: the next try waits what it asks, but never past the
deadline (the end of a wait, or the longest backoff)."""

import time

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_api
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION

from .scripted_endpoint import ScriptedEndpoint, aws_error, json_reply

# botocore tries once; the plugins' own retries (AWSRetry) decide: 3 attempts, 10 ms apart, at most 2 s.
ONE_ATTEMPT = {"connect_timeout": 2, "read_timeout": 2, "retries": {"mode": "standard", "total_max_attempts": 1}}


@pytest.fixture
def short_backoff(monkeypatch):
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 3)  # pylint: disable=protected-access
    monkeypatch.setitem(trained_model_api._BACKOFF, "delay", 0.01)  # pylint: disable=protected-access
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 2)  # pylint: disable=protected-access


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
    assert endpoint.accepted_at[1] - endpoint.accepted_at[0] >= 0.95


@pytest.mark.fault
def test_retry_after_is_capped_by_the_longest_backoff(run_module, cleanroomsml_fake, short_backoff):
    with ScriptedEndpoint(throttled("3600")) as endpoint:
        started = time.monotonic()
        result = run(run_module, cleanroomsml_fake, endpoint)
        seconds = time.monotonic() - started

    assert result["failed"] and "ThrottlingException" in result["msg"]
    assert endpoint.connections == 3
    # 2 s honoured after each of the 3 answers, not an hour.
    assert 3.5 <= seconds < 8


@pytest.mark.fault
def test_retry_after_stops_at_the_end_of_a_wait(run_module, cleanroomsml_fake, short_backoff, monkeypatch):
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 30)  # pylint: disable=protected-access
    with ScriptedEndpoint(throttled("3600")) as endpoint:
        started = time.monotonic()
        result = run(run_module, cleanroomsml_fake, endpoint, wait=True, wait_timeout=1, wait_delay=1)
        seconds = time.monotonic() - started

    assert result["failed"] and "ThrottlingException" in result["msg"]
    assert 0.9 <= seconds < 4  # waited as asked, up to the end of the wait
