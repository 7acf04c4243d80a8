"""The event source's client reads the API's timestamps as the module's and the lookup's do
(timestamp_parsing.iso8601_timestamp), and its events hold the module's facts."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main as module_main
from helpers.call_counting import counted
from helpers.module_runs import FAKE_CREDENTIALS
from source_runner import collection_module, drained, polls, watch

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture
def timestamps_read(monkeypatch):
    """The values iso8601_timestamp is asked to read, as the source imports it when it runs."""
    timestamp_parsing = collection_module("module_utils.timestamp_parsing")
    return counted(monkeypatch, timestamp_parsing, "iso8601_timestamp")


def test_the_source_reads_timestamps_directly_with_the_modules_facts(cleanroomsml_fake, timestamps_read, run_module):
    churn = cleanroomsml_fake.add_trained_model(
        name="churn", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        listed = len(timestamps_read)
        cleanroomsml_fake.set_status(churn["trainedModelArn"], "ACTIVE")
        event = await queue.get()
        await polls(cleanroomsml_fake, 1)
        return listed, event, drained(queue)

    listed, event, later = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert listed >= 2  # a listing's summary has a create and an update time
    module_result = run_module(
        module_main,
        dict(FAKE_CREDENTIALS, trained_model_arn=churn["trainedModelArn"], collaboration_identifier=COLLABORATION),
    )
    assert event["trained_model"] == module_result["trained_model"]
    assert later == []
