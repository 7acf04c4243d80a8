"""cleanroomsml_no_retry_sleep: throttled calls are retried as often as configured, without sleeping."""

import importlib.util

pytest_plugins = ["pytester"]

# Each test spies on time.sleep (real_sleeps, which never sleeps either), throttles the first 3 calls and
# counts what the fake saw. The tests without the fixture show that the spy does see the retries' sleeps.
THROTTLED_TESTS = """
import time

import boto3
import pytest
from botocore.config import Config

GET = "GetCollaborationTrainedModel"


@pytest.fixture
def real_sleeps(monkeypatch):
    asked = []
    monkeypatch.setattr(time, "sleep", asked.append)
    return asked


@pytest.fixture
def throttled_get(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn")
    cleanroomsml_fake.fail_next(GET, "ThrottlingException", times=3)

    def get(client):
        return client.get_collaboration_trained_model(
            trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
        )

    return get


def client(mode, attempts):
    return boto3.client("cleanroomsml", config=Config(retries={"mode": mode, "total_max_attempts": attempts}))


def aws_retry(get, client):
    # The plugin needs no Ansible: where amazon.aws is not installed, there is no AWSRetry to test.
    AWSRetry = pytest.importorskip("ansible_collections.amazon.aws.plugins.module_utils.retries").AWSRetry

    return AWSRetry.jittered_backoff(
        retries=4, delay=5, max_delay=60, catch_extra_error_codes=["ThrottlingException"]
    )(lambda: get(client))()


@pytest.mark.parametrize("mode", ["standard", "legacy"])
def test_botocore_retries_without_sleeping(
    cleanroomsml_fake, throttled_get, cleanroomsml_no_retry_sleep, real_sleeps, mode
):
    assert throttled_get(client(mode, 4))["name"] == "churn"

    assert [operation for operation, _ in cleanroomsml_fake.calls] == [GET] * 4
    assert [seconds for seconds in real_sleeps if seconds > 0] == []
    assert len(cleanroomsml_no_retry_sleep.seconds("botocore")) == 3


def test_awsretry_retries_without_sleeping(cleanroomsml_fake, throttled_get, cleanroomsml_no_retry_sleep, real_sleeps):
    assert aws_retry(throttled_get, client("standard", 1))["name"] == "churn"

    assert [operation for operation, _ in cleanroomsml_fake.calls] == [GET] * 4
    assert [seconds for seconds in real_sleeps if seconds > 0] == []
    assert [sleep.by for sleep in cleanroomsml_no_retry_sleep.asked] == ["AWSRetry"] * 3


@pytest.mark.parametrize("mode", ["standard", "legacy"])
def test_without_the_fixture_botocore_sleeps(cleanroomsml_fake, throttled_get, real_sleeps, mode):
    throttled_get(client(mode, 4))

    assert len(real_sleeps) == 3


def test_without_the_fixture_awsretry_sleeps(cleanroomsml_fake, throttled_get, real_sleeps):
    aws_retry(throttled_get, client("standard", 1))

    assert len(real_sleeps) == 3
"""


def test_retries_are_made_and_their_sleeps_skipped_and_recorded(pytester):
    pytester.makepyfile(test_throttled=THROTTLED_TESTS)

    result = pytester.runpytest("-v")

    if importlib.util.find_spec("ansible_collections") is None:  # the plugin alone, as its wheel's tests run it
        result.assert_outcomes(passed=4, skipped=2)
    else:
        result.assert_outcomes(passed=6)


def test_the_sleeps_come_back_after_the_test(pytester):
    pytester.makepyfile(
        """
        import botocore.endpoint
        import time

        def test_with(cleanroomsml_no_retry_sleep):
            assert botocore.endpoint.time is not time
            botocore.endpoint.time.sleep(30)
            assert cleanroomsml_no_retry_sleep.seconds() == [30]
            assert botocore.endpoint.time.monotonic is time.monotonic

        def test_after():
            assert botocore.endpoint.time is time
        """
    )

    pytester.runpytest("-p", "no:randomly").assert_outcomes(passed=2)
