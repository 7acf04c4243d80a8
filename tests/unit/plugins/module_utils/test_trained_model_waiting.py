"""Waiting: success, early failure on unreachable statuses, timeout; on a fake clock."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arguments import TRAINED_MODEL_STATUSES
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_waiting import (
    NEXT_STATUSES,
    StatusUnreachableError,
    WaitTimeoutError,
    reachable_statuses,
    wait_for_status,
)


class FakeClock:
    """time.monotonic and time.sleep for a test: sleeping moves the clock, nothing waits."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def scripted(*statuses, **details):
    """fetch() returning the given statuses in turn, the last one for ever after."""
    remaining = list(statuses)

    def fetch():
        status = remaining.pop(0) if len(remaining) > 1 else remaining[0]
        return dict(status=status, name="churn", **details)

    return fetch


def test_the_lifecycle_table_covers_every_status_of_the_schema():
    assert set(NEXT_STATUSES) == set(TRAINED_MODEL_STATUSES)
    for following in NEXT_STATUSES.values():
        assert set(following) <= set(TRAINED_MODEL_STATUSES)


@pytest.mark.parametrize(
    "status, reachable",
    [
        ("CREATE_FAILED", {"CREATE_FAILED"}),
        ("INACTIVE", {"INACTIVE"}),
        ("ACTIVE", {"ACTIVE", "DELETE_PENDING", "DELETE_IN_PROGRESS", "DELETE_FAILED", "INACTIVE"}),
        ("CANCEL_PENDING", {"CANCEL_PENDING", "CANCEL_IN_PROGRESS", "CANCEL_FAILED", "INACTIVE"}),
    ],
)
def test_reachable_statuses_follow_the_lifecycle(status, reachable):
    assert reachable_statuses(status) == reachable


def test_waits_until_a_wanted_status():
    clock = FakeClock()
    model, polls, seconds = wait_for_status(
        scripted("CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"),
        ["ACTIVE"],
        timeout=60,
        delay=5,
        clock=clock,
        sleep=clock.sleep,
    )
    assert model["status"] == "ACTIVE"
    assert (polls, seconds, clock.sleeps) == (3, 10.0, [5, 5])


def test_fails_at_once_when_the_wanted_status_cannot_follow():
    clock = FakeClock()
    fetch = scripted(
        "CREATE_IN_PROGRESS", "CREATE_FAILED", statusDetails={"statusCode": "InternalError", "message": "exit 1"}
    )
    with pytest.raises(StatusUnreachableError) as caught:
        wait_for_status(
            fetch, ["ACTIVE"], timeout=600, delay=5, label="trained model churn", clock=clock, sleep=clock.sleep
        )
    assert (
        str(caught.value)
        == "trained model churn is CREATE_FAILED (InternalError: exit 1), from which ACTIVE can no longer be reached"
    )
    assert (caught.value.polls, caught.value.seconds) == (2, 5.0)


def test_waiting_for_inactive_goes_on_through_a_delete():
    clock = FakeClock()
    _model, polls, _seconds = wait_for_status(
        scripted("ACTIVE", "DELETE_PENDING", "INACTIVE"),
        ["INACTIVE"],
        timeout=60,
        delay=1,
        clock=clock,
        sleep=clock.sleep,
    )
    assert polls == 3


def test_times_out_with_the_last_status_and_never_sleeps_past_the_deadline():
    clock = FakeClock()
    with pytest.raises(WaitTimeoutError) as caught:
        wait_for_status(scripted("CREATE_IN_PROGRESS"), ["ACTIVE"], timeout=12, delay=5, clock=clock, sleep=clock.sleep)
    assert clock.sleeps == [5, 5, 2]
    assert (
        str(caught.value) == "trained model is still CREATE_IN_PROGRESS after waiting 12 seconds (4 polls) for ACTIVE"
    )


def test_an_unknown_status_is_waited_on_until_the_timeout():
    clock = FakeClock()
    with pytest.raises(WaitTimeoutError):
        wait_for_status(scripted("ARCHIVING"), ["ACTIVE"], timeout=3, delay=1, clock=clock, sleep=clock.sleep)


def test_snake_case_models_are_understood():
    clock = FakeClock()
    fetch = scripted("INACTIVE", status_details={"status_code": "Cancelled", "message": "by owner"})
    with pytest.raises(StatusUnreachableError, match=r"is INACTIVE \(Cancelled: by owner\)"):
        wait_for_status(fetch, ["ACTIVE", "CREATE_FAILED"], timeout=10, delay=1, clock=clock, sleep=clock.sleep)


def test_a_short_wait_is_told_in_fractions_of_a_second():
    clock = FakeClock()
    with pytest.raises(WaitTimeoutError) as caught:
        wait_for_status(
            scripted("CREATE_IN_PROGRESS"), ["ACTIVE"], timeout=0.3, delay=0.1, clock=clock, sleep=clock.sleep
        )
    assert "is still CREATE_IN_PROGRESS after waiting 0.3 seconds (" in str(caught.value)


def test_the_model_is_named_from_the_last_description_when_label_is_a_function():
    clock = FakeClock()
    with pytest.raises(StatusUnreachableError) as caught:
        wait_for_status(
            scripted("CREATE_FAILED"),
            ["ACTIVE"],
            timeout=10,
            delay=1,
            label=lambda model: "model {!r}".format(model["name"]),
            clock=clock,
            sleep=clock.sleep,
        )
    assert str(caught.value) == "model 'churn' is CREATE_FAILED, from which ACTIVE can no longer be reached"


def test_a_wanted_status_aws_adds_later_is_waited_for_from_any_status():
    clock = FakeClock()
    model, polls, _seconds = wait_for_status(
        scripted("INACTIVE", "INACTIVE", "RETRAINING"),
        ["RETRAINING"],
        timeout=10,
        delay=1,
        clock=clock,
        sleep=clock.sleep,
    )
    assert (model["status"], polls) == ("RETRAINING", 3)
