"""The event source: bad arguments fail at start before any call; passing failures are retried and
logged and lose no change; lasting ones end it with a clear message; cancelling stops it at once."""

import asyncio
import logging
import threading

import pytest
from source_runner import SOURCE_MAIN, collection_module, drained, operations, polls, until, watch

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/11111111-2222-4333-8444-555555555555"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)


@pytest.fixture
def quick_backoff(monkeypatch, cleanroomsml_no_retry_sleep):
    """The API helpers' AWSRetry with 2 attempts, and no retry sleeping (AWSRetry's or botocore's)."""
    trained_model_api = collection_module("module_utils.trained_model_api")
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 2)
    return cleanroomsml_no_retry_sleep


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model(
        name="churn", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )


def start_error(args):
    """The error main(queue, args) ends with."""
    with pytest.raises(collection_module("plugin_utils.trained_model_status_options").SourceArgumentError) as raised:
        asyncio.run(asyncio.wait_for(SOURCE_MAIN(asyncio.Queue(), args), 5))
    return str(raised.value)


@pytest.mark.parametrize(
    "args, expected",
    [
        ({}, "collaboration_identifier is required"),
        ({"collaboration_identifier": "not-a-uuid"}, "collaboration_identifier must be a UUID"),
        (
            {"collaboration_identifier": COLLABORATION, "trained_model_arns": [ARN, "arn:nope"]},
            "trained_model_arns[2] must be a trained model ARN",
        ),
        (
            {"collaboration_identifier": COLLABORATION, "trained_model_arns": {"a": 1}},
            "trained_model_arns must be a non-empty list",
        ),
        (
            {"collaboration_identifier": COLLABORATION, "statuses": ["ACTIVE", "DONE"]},
            "statuses[2] must be one of CREATE_PENDING",
        ),
        ({"collaboration_identifier": COLLABORATION, "delay": 0}, "delay must be a number of seconds greater than 0"),
        (
            {"collaboration_identifier": COLLABORATION, "delay": "soon"},
            "delay must be a number of seconds greater than 0 and at most 86400, got 'soon'",
        ),
        ({"collaboration_identifier": COLLABORATION, "delay": 10**400}, "delay must be a number of seconds"),
        ({"collaboration_identifier": COLLABORATION, "emit_initial": "maybe"}, "emit_initial must be a boolean"),
        (
            {"collaboration_identifier": COLLABORATION, "validate_response": "loose"},
            "validate_response must be one of strict, warn, off",
        ),
        (
            {"collaboration_identifier": COLLABORATION, "colaboration": "x"},
            "unknown argument 'colaboration'; valid arguments: access_key",
        ),
        ({"collaboration_identifier": COLLABORATION, "region": 5}, "region must be a string, got 5"),
        (
            {"collaboration_identifier": COLLABORATION, "profile": "dev", "access_key": "AKIAFAKE"},
            "profile cannot be combined with access_key",
        ),
        (
            {"collaboration_identifier": COLLABORATION, "region": "us-east-1", "profile": "no-such-profile-here"},
            "The config profile (no-such-profile-here) could not be found",
        ),
    ],
)
def test_a_bad_argument_is_one_clear_error_at_start_before_any_call(cleanroomsml_fake, args, expected):
    message = start_error(args)

    assert message.startswith("cleanrooms.ml.trained_model_status: ")
    assert expected in message
    assert "Traceback" not in message
    assert cleanroomsml_fake.calls == []


def test_every_bad_argument_is_named_in_the_one_error(cleanroomsml_fake):
    message = start_error({"collaboration_identifier": "nope", "statuses": ["DONE"], "delay": -1})

    for parameter in ("collaboration_identifier", "statuses[1]", "delay"):
        assert parameter in message


def test_a_secret_of_the_wrong_type_is_not_shown(cleanroomsml_fake):
    message = start_error(
        {
            "collaboration_identifier": COLLABORATION,
            "secret_key": 918273645546372819,
            "session_token": ["tok-3141592653"],
        }
    )

    assert "secret_key must be a string, got a value of type int" in message
    assert "session_token must be a string, got a value of type list" in message
    assert "918273645546372819" not in message and "3141592653" not in message


def logged_retries(caplog):
    return [record.getMessage() for record in caplog.records if " in a row (" in record.getMessage()]


def test_throttled_listings_are_retried_logged_and_lose_no_change(cleanroomsml_fake, churn, quick_backoff, caplog):
    caplog.set_level(logging.WARNING)
    # Each answer is held back after the fake records the call, so that a poll is always in flight when the
    # failures begin: a listing recorded before them but answered after a status change would report that
    # change at once, before any failure.
    cleanroomsml_fake.latency = 0.01

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.fail_next(
            "ListCollaborationTrainedModels", "ThrottlingException", times=6, message="Rate exceeded"
        )
        # Changed once a poll has failed: no listing in flight before the failures began can see the change.
        await until(lambda: logged_retries(caplog))
        cleanroomsml_fake.set_status(churn["trainedModelArn"], "ACTIVE")
        event = await queue.get()
        await polls(cleanroomsml_fake, 2)
        return [event, *drained(queue)]

    events = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert [(event["previous_status"], event["status"]) for event in events] == [("CREATE_IN_PROGRESS", "ACTIVE")]
    retries = logged_retries(caplog)
    assert len(retries) == 3, "6 throttled calls, 2 per poll: 3 failed polls"
    assert "ThrottlingException" in retries[0] and "Rate exceeded" in retries[0]


def test_a_description_failing_for_a_while_is_reported_once_it_succeeds(
    cleanroomsml_fake, churn, quick_backoff, caplog
):
    caplog.set_level(logging.WARNING)

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "InternalServerException", times=6)
        cleanroomsml_fake.set_status(churn["trainedModelArn"], "CREATE_FAILED", message="container exited")
        event = await queue.get()
        await polls(cleanroomsml_fake, 2)
        return [event, *drained(queue)]

    events = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert [(event["previous_status"], event["status"]) for event in events] == [
        ("CREATE_IN_PROGRESS", "CREATE_FAILED")
    ]
    assert events[0]["trained_model"]["status_details"]["message"] == "container exited"
    # 6 failed calls, 2 per poll (the API helper's own retries): 3 failed polls, then the one that succeeds.
    assert len(operations(cleanroomsml_fake, "GetCollaborationTrainedModel")) == 7
    assert sum(" in a row (" in record.getMessage() for record in caplog.records) == 3


def test_an_unreachable_endpoint_is_retried_and_never_ends_the_source(cleanroomsml_fake, caplog):
    caplog.set_level(logging.WARNING)

    async def scenario(queue, task):
        await until(lambda: sum(" in a row (" in record.getMessage() for record in caplog.records) >= 3)
        return task.done()

    # Port 9 (discard) on the loopback: refused at once.
    assert watch({"collaboration_identifier": COLLABORATION, "endpoint_url": "http://127.0.0.1:9"}, scenario) is False
    assert "Could not connect to the endpoint URL" in caplog.records[-1].getMessage()


@pytest.mark.parametrize(
    "operation, expected",
    [
        (
            "ListCollaborationTrainedModels",
            "access denied to ListCollaborationTrainedModels: the caller needs the IAM action "
            "cleanrooms-ml:ListCollaborationTrainedModels",
        ),
        (
            "GetCollaborationTrainedModel",
            "access denied to GetCollaborationTrainedModel: the caller needs the IAM action "
            "cleanrooms-ml:GetCollaborationTrainedModel",
        ),
    ],
)
def test_access_denied_ends_the_source_naming_the_iam_action(cleanroomsml_fake, churn, operation, expected):
    cleanroomsml_fake.fail_next(operation, "AccessDeniedException")

    async def scenario(queue, task):
        await task

    with pytest.raises(collection_module("plugin_utils.trained_model_status_source").TrainedModelStatusError) as raised:
        watch({"collaboration_identifier": COLLABORATION, "emit_initial": True}, scenario)
    assert str(raised.value).startswith("cleanrooms.ml.trained_model_status: " + expected)


def test_an_unknown_collaboration_ends_the_source(cleanroomsml_fake):
    cleanroomsml_fake.fail_next("ListCollaborationTrainedModels", "ResourceNotFoundException")

    async def scenario(queue, task):
        await task

    status_error = collection_module("plugin_utils.trained_model_status_source").TrainedModelStatusError
    with pytest.raises(status_error, match=f"collaboration {COLLABORATION} not found"):
        watch({"collaboration_identifier": COLLABORATION}, scenario)


def test_cancelling_stops_the_source_during_a_call_without_waiting_for_it(monkeypatch, cleanroomsml_fake, churn):
    # The listing blocks until the test lets it go: the source must end while its call is still running.
    began, release = threading.Event(), threading.Event()

    def blocked_listing(poller):
        began.set()
        release.wait()
        return []

    poller_class = collection_module("plugin_utils.trained_model_status_source").TrainedModelStatusPoller
    monkeypatch.setattr(poller_class, "list_models", blocked_listing)

    async def scenario(queue, task):
        await until(began.is_set)
        task.cancel()
        # Returns once the source has ended: were it to wait for its call, never (and watch() times out).
        await asyncio.wait({task})
        return task.cancelled()

    try:
        assert watch({"collaboration_identifier": COLLABORATION}, scenario, timeout=5) is True
    finally:
        release.set()  # the abandoned call ends now, not after the test
