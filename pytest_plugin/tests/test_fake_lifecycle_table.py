"""The fake moves trained models exactly as the waiting code's lifecycle table says.

Every status is seeded, every operation that starts a lifecycle is sent, and the statuses
that follow are read through the API while the fake's clock is advanced; the moves seen
must be the table's.
"""

from __future__ import annotations

import functools
import itertools
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.exceptions import ClientError
from pytest_cleanroomsml._shared.trained_model_waiting import LIFECYCLE, NEXT_STATUSES, STEP_FAILED
from pytest_cleanroomsml.fake import CleanRoomsMLFake

STEP_SECONDS = 10.0
# The operations that move a model, and their boto3 methods.
OPERATIONS = {"CancelTrainedModel": "cancel_trained_model", "DeleteTrainedModelOutput": "delete_trained_model_output"}


@pytest.fixture
def fake_lifecycle_durations() -> dict[str, float]:
    return {"pending_seconds": STEP_SECONDS, "in_progress_seconds": STEP_SECONDS}


@pytest.fixture
def client(fake: CleanRoomsMLFake, new_client: Callable[..., Any]) -> Iterator[Any]:
    with fake.mock():
        yield new_client()


def statuses_over_time(read_status: Callable[[], str], fake: CleanRoomsMLFake) -> list[str]:
    """The distinct statuses read while the clock passes every lifecycle step, and one more."""
    seen = [read_status()]
    for step in (STEP_SECONDS,) * 3:
        fake.advance(step)
        status = read_status()
        if status != seen[-1]:
            seen.append(status)
    return seen


def status_of(client: Any, arguments: dict[str, str]) -> str:
    return str(client.get_trained_model(**arguments)["status"])


def moves_of(path: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(path))


def moves_the_fake_makes(fake: CleanRoomsMLFake, client: Any) -> set[tuple[str, str]]:
    moves: set[tuple[str, str]] = set()
    for status in NEXT_STATUSES:
        for operation in OPERATIONS:
            model = fake.add_trained_model(name="model", status=status)
            arguments = {
                "membershipIdentifier": model["membershipIdentifier"],
                "trainedModelArn": model["trainedModelArn"],
            }
            try:
                getattr(client, OPERATIONS[operation])(**arguments)
            except ClientError as error:
                assert error.response["Error"]["Code"] == "ConflictException", (status, operation)
                assert client.get_trained_model(**arguments)["status"] == status
                continue
            seen = statuses_over_time(functools.partial(status_of, client, arguments), fake)
            moves |= moves_of([status, *seen])
    return moves


def test_the_fake_makes_the_moves_of_the_table_and_no_other(
    fake: CleanRoomsMLFake, client: Any, training_request: Callable[..., dict[str, Any]]
) -> None:
    membership = str(uuid.uuid4())
    created = client.create_trained_model(**training_request(membership))
    arguments = {"membershipIdentifier": membership, "trainedModelArn": created["trainedModelArn"]}
    moves = moves_of(statuses_over_time(functools.partial(status_of, client, arguments), fake))
    moves |= moves_the_fake_makes(fake, client)

    waiter_knows = {(status, following) for status, followers in NEXT_STATUSES.items() for following in followers}
    assert moves - waiter_knows == set(), "the fake makes moves the waiting code does not know"
    # The reverse: every move the waiting code knows, but the service failing its work, which
    # the fake does only when a test says so (set_status).
    failures = {(status, following) for status, following, cause in LIFECYCLE if cause == STEP_FAILED}
    assert waiter_knows - moves == failures, "the waiting code knows moves the fake never makes"
