"""Trained models created through the API move through their statuses over time."""

import time
import uuid
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake

# Most tests advance the fake's clock by these steps, so none waits.
PENDING_SECONDS = 600.0
IN_PROGRESS_SECONDS = 600.0
# One test keeps the wall clock, which a fake serving a playbook relies on: each step lasts long
# enough for a poll every 20 ms to see it on a loaded machine (0.15 s was missed there).
WALL_CLOCK_DURATIONS = {"pending_seconds": 0.5, "in_progress_seconds": 0.5}


@pytest.fixture
def fake_lifecycle_durations() -> Any:
    return {
        "pending_seconds": PENDING_SECONDS,
        "in_progress_seconds": IN_PROGRESS_SECONDS,
    }


def statuses_while_advancing(fake: CleanRoomsMLFake, read_status: Any) -> list[str]:
    """The distinct statuses read while the fake's clock passes both steps, and one more."""
    seen = [read_status()]
    for step in (PENDING_SECONDS, IN_PROGRESS_SECONDS, IN_PROGRESS_SECONDS):
        fake.advance(step)
        status = read_status()
        if status != seen[-1]:
            seen.append(status)
    return seen


def observe_statuses(read_status: Any, until: Any) -> Any:
    """Poll on the wall clock until a status in ``until`` shows; returns the distinct statuses seen, in order."""
    seen: list[str] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        status = read_status()
        if not seen or seen[-1] != status:
            seen.append(status)
        if status in until:
            return seen
        time.sleep(0.02)
    pytest.fail(f"never reached {until}; saw {seen}")


@pytest.fixture
def created(fake_client: Any, training_request: Any) -> Any:
    membership = str(uuid.uuid4())
    response = fake_client.create_trained_model(**training_request(membership))
    return {
        "membershipIdentifier": membership,
        "trainedModelArn": response["trainedModelArn"],
    }


@pytest.mark.parametrize("fake_lifecycle_durations", [WALL_CLOCK_DURATIONS])
def test_a_created_model_becomes_active_on_the_wall_clock(fake_client: Any, created: Any) -> None:
    seen = observe_statuses(lambda: fake_client.get_trained_model(**created)["status"], until={"ACTIVE"})

    assert seen == ["CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"]
    # The service's own account of the time spent: the test's clock starts after the create.
    active = fake_client.get_trained_model(**created)
    assert (active["updateTime"] - active["createTime"]).total_seconds() >= sum(WALL_CLOCK_DURATIONS.values())


def test_a_created_model_becomes_active(fake: CleanRoomsMLFake, fake_client: Any, created: Any) -> None:
    seen = statuses_while_advancing(fake, lambda: fake_client.get_trained_model(**created)["status"])

    assert seen == ["CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"]


def test_each_transition_updates_update_time(fake: CleanRoomsMLFake, fake_client: Any, created: Any) -> None:
    first = fake_client.get_trained_model(**created)
    fake.advance(PENDING_SECONDS + IN_PROGRESS_SECONDS)

    last = fake_client.get_trained_model(**created)

    assert first["updateTime"] == first["createTime"]
    assert (last["updateTime"] - last["createTime"]).total_seconds() == PENDING_SECONDS + IN_PROGRESS_SECONDS
    assert last["createTime"] == first["createTime"]


def test_a_cancelled_model_becomes_inactive(fake: CleanRoomsMLFake, fake_client: Any, created: Any) -> None:
    fake_client.cancel_trained_model(**created)

    seen = statuses_while_advancing(fake, lambda: fake_client.get_trained_model(**created)["status"])

    assert seen == ["CANCEL_PENDING", "CANCEL_IN_PROGRESS", "INACTIVE"]


def test_deleting_the_output_makes_a_model_inactive(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn")
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }

    fake_client.delete_trained_model_output(**arguments)

    seen = statuses_while_advancing(fake, lambda: fake_client.get_trained_model(**arguments)["status"])
    assert seen == ["DELETE_PENDING", "DELETE_IN_PROGRESS", "INACTIVE"]


def test_set_status_supersedes_the_lifecycle(fake: CleanRoomsMLFake, fake_client: Any, created: Any) -> None:
    fake.set_status(created["trainedModelArn"], "CREATE_FAILED", message="bad data")

    fake.advance(PENDING_SECONDS + IN_PROGRESS_SECONDS)

    response = fake_client.get_trained_model(**created)
    assert response["status"] == "CREATE_FAILED"
    assert response["statusDetails"] == {"message": "bad data"}


def test_a_new_version_trains_while_the_previous_one_stays_active(
    fake: CleanRoomsMLFake, fake_client: Any, training_request: Any
) -> None:
    model = fake.add_trained_model(name="churn")
    request = training_request(
        model["membershipIdentifier"],
        name="churn-next",
        incrementalTrainingDataChannels=[{"trainedModelArn": model["trainedModelArn"], "channelName": "base"}],
    )

    created = fake_client.create_trained_model(**request)

    assert created["trainedModelArn"] == model["trainedModelArn"]
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }
    latest = fake_client.get_trained_model(**arguments)
    assert latest["versionIdentifier"] == created["versionIdentifier"]
    assert latest["status"] == "CREATE_PENDING"
    assert latest["incrementalTrainingDataChannels"] == [
        {
            "channelName": "base",
            "versionIdentifier": model["versionIdentifier"],
            "modelName": "churn",
        }
    ]
    base = fake_client.get_trained_model(**arguments, versionIdentifier=model["versionIdentifier"])
    assert base["status"] == "ACTIVE"


def test_cancel_acts_on_the_base_version_unless_told_otherwise(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn", status="CREATE_IN_PROGRESS")
    newer = fake.add_version(model["trainedModelArn"], status="CREATE_IN_PROGRESS")
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }

    fake_client.cancel_trained_model(**arguments)

    base = fake_client.get_trained_model(**arguments, versionIdentifier=model["versionIdentifier"])
    latest = fake_client.get_trained_model(**arguments)
    assert base["status"] == "CANCEL_PENDING"
    assert (latest["versionIdentifier"], latest["status"]) == (
        newer["versionIdentifier"],
        "CREATE_IN_PROGRESS",
    )
