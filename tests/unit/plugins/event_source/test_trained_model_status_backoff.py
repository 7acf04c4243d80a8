"""The wait before trying a failed poll again: jittered, doubling from FIRST_BACKOFF, never longer than the delay."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_options import source_options
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_source import (
    FIRST_BACKOFF,
    TrainedModelStatusPoller,
)


def waits(delay, jitter, failures):
    options = source_options({"collaboration_identifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "delay": delay})
    poller = TrainedModelStatusPoller(options, client=None, jitter=lambda: jitter)
    result = []
    for count in range(1, failures + 1):
        poller.failed_polls = count
        result.append(poller.backoff())
    return result


def test_the_wait_doubles_up_to_the_delay():
    assert waits(delay=60, jitter=1.0, failures=8) == [FIRST_BACKOFF * factor for factor in (1, 2, 4, 8, 16, 32)] + [
        60,
        60,
    ]


@pytest.mark.parametrize("jitter, share", [(0.0, 0.5), (0.5, 0.75)])
def test_jitter_takes_the_wait_down_to_half(jitter, share):
    assert waits(delay=60, jitter=jitter, failures=3) == [FIRST_BACKOFF * factor * share for factor in (1, 2, 4)]


def test_many_failures_do_not_overflow():
    assert waits(delay=5, jitter=1.0, failures=2000)[-1] == 5
