"""The event source keeps credentials out of what it shows, as the module and the lookup do: a service
message that quotes the request's headers is redacted both in the error that ends the source and in
the warning a retried poll logs."""

import logging

import pytest
from source_runner import collection_module, polls, watch

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789"
# What an endpoint or a proxy that echoes the request's headers answers.
QUOTING_MESSAGE = f"request rejected; headers: {{'X-Amz-Security-Token': '{SESSION_TOKEN}'}}"


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model(
        name="churn", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )


@pytest.fixture
def quick_backoff(monkeypatch):
    """The API helpers' AWSRetry with 2 attempts and short sleeps."""
    trained_model_api = collection_module("module_utils.trained_model_api")
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 2)
    monkeypatch.setitem(trained_model_api._BACKOFF, "delay", 0.01)
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 0.01)


ARGS = {"collaboration_identifier": COLLABORATION, "session_token": SESSION_TOKEN, "emit_initial": True}


@pytest.mark.parametrize("operation", ["ListCollaborationTrainedModels", "GetCollaborationTrainedModel"])
def test_the_error_that_ends_the_source_shows_no_credential(cleanroomsml_fake, churn, operation):
    cleanroomsml_fake.fail_next(operation, "AccessDeniedException", message=QUOTING_MESSAGE)

    async def scenario(queue, task):
        await task

    with pytest.raises(collection_module("plugin_utils.trained_model_status_source").TrainedModelStatusError) as raised:
        watch(ARGS, scenario)
    message = str(raised.value)
    assert "request rejected; headers:" in message, "the service's message is still quoted"
    assert SESSION_TOKEN not in message


def test_a_retried_poll_logs_no_credential(cleanroomsml_fake, churn, quick_backoff, caplog):
    caplog.set_level(logging.WARNING)

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.fail_next(
            "ListCollaborationTrainedModels", "ThrottlingException", times=2, message=QUOTING_MESSAGE
        )
        await polls(cleanroomsml_fake, 2)

    watch(ARGS, scenario)

    retries = [record.getMessage() for record in caplog.records if " in a row (" in record.getMessage()]
    assert retries and all("request rejected; headers:" in retry for retry in retries)
    assert not any(SESSION_TOKEN in retry for retry in retries)
