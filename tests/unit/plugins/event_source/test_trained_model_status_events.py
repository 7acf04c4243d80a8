"""The event source reports each change once, with the module's facts, polling the fake in-process."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main as module_main
from helpers.module_runs import FAKE_CREDENTIALS
from source_runner import drained, operations, polls, watch

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model(
        name="churn", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )


def test_a_model_turning_active_is_one_event_with_the_modules_facts(cleanroomsml_fake, churn, run_module):
    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 2)
        assert drained(queue) == [], "the first poll only sets the baseline"
        cleanroomsml_fake.set_status(churn["trainedModelArn"], "ACTIVE")
        event = await queue.get()
        await polls(cleanroomsml_fake, 3)
        return event, drained(queue)

    event, later = watch({"collaboration_identifier": COLLABORATION}, scenario)

    module_result = run_module(
        module_main,
        dict(FAKE_CREDENTIALS, trained_model_arn=churn["trainedModelArn"], collaboration_identifier=COLLABORATION),
    )
    assert event == {
        "trained_model": module_result["trained_model"],
        "previous_status": "CREATE_IN_PROGRESS",
        "status": "ACTIVE",
        "collaboration_identifier": COLLABORATION,
    }
    assert later == [], "a change is reported once"


def test_emit_initial_reports_each_model_found_at_start_once(cleanroomsml_fake, churn):
    other = cleanroomsml_fake.add_trained_model(name="other", status="ACTIVE", collaboration_identifier=COLLABORATION)

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 4)
        return drained(queue)

    events = watch({"collaboration_identifier": COLLABORATION, "emit_initial": True}, scenario)

    reported = sorted(
        (event["trained_model"]["trained_model_arn"], event["previous_status"], event["status"]) for event in events
    )
    assert reported == sorted(
        [(churn["trainedModelArn"], None, "CREATE_IN_PROGRESS"), (other["trainedModelArn"], None, "ACTIVE")]
    )


def test_without_emit_initial_the_first_poll_describes_nothing(cleanroomsml_fake, churn):
    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 3)
        return drained(queue)

    assert watch({"collaboration_identifier": COLLABORATION}, scenario) == []
    assert operations(cleanroomsml_fake, "GetCollaborationTrainedModel") == []


def test_a_new_version_is_a_change(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="churn", status="ACTIVE", collaboration_identifier=COLLABORATION)

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        version = cleanroomsml_fake.add_version(model["trainedModelArn"], status="CREATE_PENDING")
        return version, await queue.get()

    version, event = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert (event["previous_status"], event["status"]) == ("ACTIVE", "CREATE_PENDING")
    assert event["trained_model"]["version_identifier"] == version["versionIdentifier"]


def test_a_model_created_after_start_is_reported_with_no_previous_status(cleanroomsml_fake, churn):
    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        created = cleanroomsml_fake.add_trained_model(
            name="fraud", status="CREATE_PENDING", collaboration_identifier=COLLABORATION
        )
        return created, await queue.get()

    created, event = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert event["trained_model"]["trained_model_arn"] == created["trainedModelArn"]
    assert (event["previous_status"], event["status"]) == (None, "CREATE_PENDING")


def test_statuses_reports_only_changes_to_them_with_the_status_seen_before(cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(
        name="churn", status="CREATE_PENDING", collaboration_identifier=COLLABORATION
    )

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.set_status(model["trainedModelArn"], "CREATE_IN_PROGRESS")
        await polls(cleanroomsml_fake, 2)
        cleanroomsml_fake.set_status(model["trainedModelArn"], "ACTIVE")
        event = await queue.get()
        await polls(cleanroomsml_fake, 2)
        return [event, *drained(queue)]

    events = watch({"collaboration_identifier": COLLABORATION, "statuses": ["ACTIVE", "CREATE_FAILED"]}, scenario)

    assert [(event["previous_status"], event["status"]) for event in events] == [("CREATE_IN_PROGRESS", "ACTIVE")]
    assert len(operations(cleanroomsml_fake, "GetCollaborationTrainedModel")) == 1, (
        "a change to an unreported status is not described"
    )


def test_trained_model_arns_limits_the_models_watched(cleanroomsml_fake, churn):
    other = cleanroomsml_fake.add_trained_model(
        name="other", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.set_status(other["trainedModelArn"], "ACTIVE")
        cleanroomsml_fake.set_status(churn["trainedModelArn"], "ACTIVE")
        event = await queue.get()
        await polls(cleanroomsml_fake, 2)
        return [event, *drained(queue)]

    events = watch(
        {"collaboration_identifier": COLLABORATION, "trained_model_arns": [churn["trainedModelArn"]]}, scenario
    )

    assert [event["trained_model"]["name"] for event in events] == ["churn"]


def test_a_poll_describes_only_the_models_whose_summary_changed(cleanroomsml_fake):
    models = [
        cleanroomsml_fake.add_trained_model(
            name=f"model-{number}", status="ACTIVE", collaboration_identifier=COLLABORATION
        )
        for number in range(30)
    ]

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.set_status(models[7]["trainedModelArn"], "INACTIVE")
        await queue.get()
        before = len(cleanroomsml_fake.calls)
        await polls(cleanroomsml_fake, 5)
        return cleanroomsml_fake.calls[before:]

    later_calls = watch({"collaboration_identifier": COLLABORATION}, scenario)

    described = [
        params["trainedModelArn"] for name, params in cleanroomsml_fake.calls if name == "GetCollaborationTrainedModel"
    ]
    assert described == [models[7]["trainedModelArn"]]
    assert {name for name, params in later_calls} == {"ListCollaborationTrainedModels"}, (
        "polls where nothing changed only list"
    )


def test_a_listing_of_several_pages_is_walked_whole(cleanroomsml_fake):
    models = [
        cleanroomsml_fake.add_trained_model(
            name=f"model-{number}", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
        )
        for number in range(120)
    ]

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 1)
        cleanroomsml_fake.set_status(models[-1]["trainedModelArn"], "ACTIVE")
        return await queue.get()

    event = watch({"collaboration_identifier": COLLABORATION}, scenario)

    assert event["trained_model"]["trained_model_arn"] == models[-1]["trainedModelArn"]
    pages = operations(cleanroomsml_fake, "ListCollaborationTrainedModels")
    assert any(params.get("nextToken") for name, params in pages), "the listing took more than one page"


def test_a_watched_arn_missing_from_the_first_listing_is_named_in_a_warning(cleanroomsml_fake, churn, caplog):
    missing = churn["trainedModelArn"].rsplit("/", 1)[0] + "/aaaaaaaa-bbbb-4ccc-8ddd-000000000000"

    async def scenario(queue, task):
        await polls(cleanroomsml_fake, 2)

    watch(
        {"collaboration_identifier": COLLABORATION, "trained_model_arns": [churn["trainedModelArn"], missing]}, scenario
    )

    warnings = [record.getMessage() for record in caplog.records if "is not in collaboration" in record.getMessage()]
    assert warnings == [
        f"cleanrooms.ml.trained_model_status: trained model {missing} is not in collaboration {COLLABORATION} (yet): "
        "its changes are reported once it is listed"
    ]
