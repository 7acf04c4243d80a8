"""The fake's clock: advance() makes time pass without waiting; set_status(after=) counts from the
first read of the model, after_polls=N from reads; API-created lifecycles count from the request."""

import datetime
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake

STEP_SECONDS = 600.0
# What the wall clock may add between two reads on a loaded machine: far less than this.
SLACK_SECONDS = 30.0


@pytest.fixture
def fake_lifecycle_durations() -> dict[str, float]:
    return {"pending_seconds": STEP_SECONDS, "in_progress_seconds": STEP_SECONDS}


def get_model(client: Any, model: dict[str, Any]) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )


def status_of(client: Any, model: dict[str, Any]) -> str:
    return str(get_model(client, model)["status"])


def seconds(delta: datetime.timedelta) -> float:
    return delta.total_seconds()


def test_advance_moves_an_api_created_model_through_its_lifecycle_and_its_timestamps(
    fake: CleanRoomsMLFake, fake_client: Any, training_request: Callable[..., dict[str, Any]]
) -> None:
    membership = str(uuid.uuid4())
    created = fake_client.create_trained_model(**training_request(membership))
    arguments = {"membershipIdentifier": membership, "trainedModelArn": created["trainedModelArn"]}
    # Nobody reads it while the clock passes the first step: the lifecycle counts from the request.
    fake.advance(STEP_SECONDS)
    in_progress = fake_client.get_trained_model(**arguments)
    fake.advance(STEP_SECONDS)
    active = fake_client.get_trained_model(**arguments)

    assert (in_progress["status"], active["status"]) == ("CREATE_IN_PROGRESS", "ACTIVE")
    assert seconds(in_progress["updateTime"] - in_progress["createTime"]) == STEP_SECONDS
    assert seconds(active["updateTime"] - active["createTime"]) == 2 * STEP_SECONDS


def test_after_counts_from_the_first_read_not_from_the_call(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    fake.set_status(model["trainedModelArn"], "ACTIVE", after=STEP_SECONDS)

    fake.advance(10 * STEP_SECONDS)  # unread: this counts for nothing
    first_read = get_model(fake_client, model)
    fake.advance(STEP_SECONDS - SLACK_SECONDS)
    before = status_of(fake_client, model)
    fake.advance(SLACK_SECONDS)
    after = get_model(fake_client, model)

    assert (first_read["status"], before, after["status"]) == ("CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "ACTIVE")
    assert first_read["updateTime"] == model["updateTime"]
    # Stamped when it happened: STEP_SECONDS after the first read, on the advanced clock.
    changed_after = seconds(after["updateTime"] - model["createTime"])
    assert 11 * STEP_SECONDS <= changed_after < 11 * STEP_SECONDS + SLACK_SECONDS


def test_after_counts_from_the_call_once_the_model_was_read(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    status_of(fake_client, model)

    fake.set_status(model["trainedModelArn"], "ACTIVE", after=STEP_SECONDS)
    fake.advance(STEP_SECONDS)

    assert status_of(fake_client, model) == "ACTIVE"


def test_after_polls_makes_the_nth_read_the_first_to_see_the_change(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    status_of(fake_client, model)  # reads before the call do not count

    fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=3)

    assert [status_of(fake_client, model) for read in range(4)] == [
        "CREATE_IN_PROGRESS",
        "CREATE_IN_PROGRESS",
        "ACTIVE",
        "ACTIVE",
    ]


def test_after_polls_script_a_sequence(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_PENDING")

    fake.set_status(model["trainedModelArn"], "CREATE_IN_PROGRESS", after_polls=1)
    fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=2)

    assert [status_of(fake_client, model) for read in range(3)] == ["CREATE_IN_PROGRESS", "ACTIVE", "ACTIVE"]


# Each request whose answer describes the model's latest version: the reads.
READS = {
    "GetCollaborationTrainedModel": get_model,
    "GetTrainedModel": lambda client, model: client.get_trained_model(
        membershipIdentifier=model["membershipIdentifier"], trainedModelArn=model["trainedModelArn"]
    ),
    "ListCollaborationTrainedModels": lambda client, model: client.list_collaboration_trained_models(
        collaborationIdentifier=model["collaborationIdentifier"]
    ),
    "ListTrainedModels": lambda client, model: client.list_trained_models(
        membershipIdentifier=model["membershipIdentifier"]
    ),
    "ListTrainedModelVersions": lambda client, model: client.list_trained_model_versions(
        membershipIdentifier=model["membershipIdentifier"], trainedModelArn=model["trainedModelArn"]
    ),
}


@pytest.mark.parametrize("operation", READS)
def test_every_answer_that_describes_the_model_is_a_read(
    fake: CleanRoomsMLFake, fake_client: Any, operation: str
) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=1)

    READS[operation](fake_client, model)

    assert [listed["status"] for listed in fake.trained_models()] == ["ACTIVE"]


def test_the_controller_reads_nothing(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=1)
    fake.set_status(model["trainedModelArn"], "CREATE_FAILED", after=STEP_SECONDS)

    seen_by_the_controller = [fake.trained_models()[0]["status"] for look in range(3)]
    fake.advance(2 * STEP_SECONDS)

    assert seen_by_the_controller == ["CREATE_IN_PROGRESS"] * 3
    assert fake.trained_models()[0]["status"] == "CREATE_IN_PROGRESS"
    assert status_of(fake_client, model) == "ACTIVE"  # the first read: after=STEP_SECONDS starts now


def test_a_change_due_when_the_clock_is_advanced_shows_a_later_update_time(
    fake: CleanRoomsMLFake, fake_client: Any
) -> None:
    model = fake.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    status_of(fake_client, model)
    fake.advance(3 * STEP_SECONDS)

    fake.set_status(model["trainedModelArn"], "ACTIVE")
    response = get_model(fake_client, model)

    assert 3 * STEP_SECONDS <= seconds(response["updateTime"] - model["createTime"]) < 3 * STEP_SECONDS + SLACK_SECONDS


def test_clock_counts_the_seconds_advanced_and_a_full_reset_rewinds_it(fake: CleanRoomsMLFake) -> None:
    start = fake.clock()

    fake.advance(90)
    fake.advance(0.5)
    advanced = fake.clock() - start
    fake.reset_every_region()

    assert advanced == 90.5
    assert fake.clock() == 0
    stamped = fake.add_trained_model("churn")["createTime"]
    assert abs(seconds(stamped - datetime.datetime.now(datetime.timezone.utc))) < SLACK_SECONDS


def test_the_clock_is_the_same_for_every_fake(fake: CleanRoomsMLFake) -> None:
    other_region = CleanRoomsMLFake(region="eu-west-2")
    start = other_region.clock()

    fake.advance(60)

    assert other_region.clock() - start == 60
