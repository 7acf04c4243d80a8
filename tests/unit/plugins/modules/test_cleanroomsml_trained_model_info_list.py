"""List mode: every page, newest first, filters, details fetched concurrently, errors."""

import datetime

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import timestamp_parsing, trained_model_info_module
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.call_counting import counted
from helpers.module_runs import warning_messages

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
OTHER_COLLABORATION = "9f8e7d6c-5b4a-4321-8fed-cba987654321"


@pytest.fixture
def collaboration(cleanroomsml_fake):
    """Models seeded oldest first: a, b (failed), c, d (in progress), e; one in another collaboration."""
    statuses = {"a": "ACTIVE", "b": "CREATE_FAILED", "c": "ACTIVE", "d": "CREATE_IN_PROGRESS", "e": "ACTIVE"}
    start = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
    seeded = [
        cleanroomsml_fake.add_trained_model(
            name=name,
            status=status,
            collaboration_identifier=COLLABORATION,
            createTime=start + datetime.timedelta(hours=index),
        )
        for index, (name, status) in enumerate(statuses.items())
    ]
    cleanroomsml_fake.add_trained_model(name="elsewhere", collaboration_identifier=OTHER_COLLABORATION)
    return seeded


def list_models(run_module, **extra):
    return run_module(main, dict(collaboration_identifier=COLLABORATION, **extra))


def test_lists_all_models_newest_first(run_module, cleanroomsml_fake, collaboration):
    result = list_models(run_module)
    assert result["changed"] is False
    assert [model["name"] for model in result["trained_models"]] == ["e", "d", "c", "b", "a"]
    assert result["trained_models"][0]["trained_model_arn"] == collaboration[-1]["trainedModelArn"]
    assert "resource_config" not in result["trained_models"][0]  # summaries, not descriptions
    assert [call[0] for call in cleanroomsml_fake.calls] == ["ListCollaborationTrainedModels"]


def test_reads_every_page(run_module, cleanroomsml_fake):
    for index in range(230):  # the service's pages hold at most 100
        cleanroomsml_fake.add_trained_model(name=f"model-{index:03d}", collaboration_identifier=COLLABORATION)
    result = list_models(run_module)
    assert len(result["trained_models"]) == 230
    assert len(cleanroomsml_fake.calls) >= 3
    assert all(call[0] == "ListCollaborationTrainedModels" for call in cleanroomsml_fake.calls)


def test_filters_by_exact_name(run_module, collaboration):
    assert [model["name"] for model in list_models(run_module, name="c")["trained_models"]] == ["c"]
    assert list_models(run_module, name="C")["trained_models"] == []


def test_filters_by_status(run_module, collaboration):
    result = list_models(run_module, status=["CREATE_FAILED", "CREATE_IN_PROGRESS"])
    assert [model["name"] for model in result["trained_models"]] == ["d", "b"]


def test_filters_by_a_status_aws_adds_later_with_a_warning(run_module, cleanroomsml_fake):
    cleanroomsml_fake.add_trained_model(name="new", status="RETRAINING", collaboration_identifier=COLLABORATION)
    cleanroomsml_fake.add_trained_model(name="old", status="ACTIVE", collaboration_identifier=COLLABORATION)
    result = list_models(run_module, status=["RETRAINING"], validate_response="off")
    assert [model["name"] for model in result["trained_models"]] == ["new"]
    assert warning_messages(result) == [
        "status: 'RETRAINING' is not a status this collection knows (CREATE_PENDING, CREATE_IN_PROGRESS, "
        "CREATE_FAILED, ACTIVE, "
        "DELETE_PENDING, DELETE_IN_PROGRESS, DELETE_FAILED, INACTIVE, CANCEL_PENDING, CANCEL_IN_PROGRESS, "
        "CANCEL_FAILED); "
        "it is used as given, as a status AWS may have added"
    ]


def test_details_returns_full_descriptions_in_the_same_order(run_module, cleanroomsml_fake, collaboration):
    result = list_models(run_module, details=True, max_concurrency=3)
    models = result["trained_models"]
    assert [model["name"] for model in models] == ["e", "d", "c", "b", "a"]
    assert all("resource_config" in model for model in models)
    operations = [call[0] for call in cleanroomsml_fake.calls]
    assert operations.count("GetCollaborationTrainedModel") == 5


def test_details_with_filters_describes_only_the_kept_models(run_module, cleanroomsml_fake, collaboration):
    models = list_models(run_module, details=True, status=["ACTIVE"])["trained_models"]
    assert [model["name"] for model in models] == ["e", "c", "a"]
    described = sorted(
        params["trainedModelArn"] for name, params in cleanroomsml_fake.calls if name == "GetCollaborationTrainedModel"
    )
    assert described == sorted(model["trained_model_arn"] for model in models)


def test_details_read_timestamps_directly_with_the_same_facts(run_module, monkeypatch, collaboration):
    """The module's client reads timestamps with iso8601_timestamp; the facts are those of botocore's own parser."""
    read = counted(monkeypatch, timestamp_parsing, "iso8601_timestamp")
    quick = list_models(run_module, details=True)
    assert len(read) >= 5 * 2  # a create and an update time of each description, at least
    monkeypatch.setattr(trained_model_info_module, "parse_timestamps_quickly", lambda client: None)
    read.clear()
    assert list_models(run_module, details=True) == quick
    assert read == []


@pytest.fixture
def odd_descriptions(cleanroomsml_fake):
    """Four models, the two oldest and the newest with a status the schema does not know."""
    start = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
    for index, (name, status) in enumerate([("w", "ARCHIVED"), ("x", "ARCHIVED"), ("y", "ACTIVE"), ("z", "RETIRED")]):
        cleanroomsml_fake.add_trained_model(
            name=name,
            status=status,
            collaboration_identifier=COLLABORATION,
            createTime=start + datetime.timedelta(hours=index),
        )


def test_details_warn_about_each_description_in_the_models_order(run_module, odd_descriptions):
    # Descriptions are converted on worker threads as they arrive; warnings still come in the result's order.
    result = list_models(run_module, details=True, validate_response="warn", max_concurrency=4)
    assert [model["name"] for model in result["trained_models"]] == ["z", "y", "x", "w"]
    assert [message.split(" (")[0] for message in warning_messages(result)] == [
        "trained model 'z'",
        "trained model 'x'",
        "trained model 'w'",
    ]


def test_strict_details_fail_on_the_first_model_in_order(run_module, odd_descriptions):
    result = list_models(run_module, details=True, validate_response="strict", max_concurrency=4)
    assert result["failed"] is True
    assert result["violations"][0].startswith("$.status: 'RETIRED' is not one of")
    assert "trained_models" not in result


def test_an_empty_collaboration_lists_nothing(run_module, cleanroomsml_fake):
    assert list_models(run_module)["trained_models"] == []


def test_access_denied_names_the_list_action(run_module, cleanroomsml_fake, collaboration):
    cleanroomsml_fake.fail_next("ListCollaborationTrainedModels", "AccessDeniedException")
    result = list_models(run_module)
    assert result["failed"] is True
    assert result["msg"].startswith(
        "access denied to ListCollaborationTrainedModels: the caller needs the IAM action "
        "cleanrooms-ml:ListCollaborationTrainedModels"
    )
    assert result["error"]["code"] == "AccessDeniedException"


def test_an_error_while_describing_fails_once_naming_the_model(run_module, cleanroomsml_fake, collaboration):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException")
    result = list_models(run_module, details=True, max_concurrency=1)
    assert result["failed"] is True
    assert result["msg"].startswith("access denied to GetCollaborationTrainedModel")
    assert "trained_models" not in result


def test_throttled_listing_is_retried(run_module, cleanroomsml_fake, collaboration, cleanroomsml_no_retry_sleep):
    cleanroomsml_fake.fail_next("ListCollaborationTrainedModels", "ThrottlingException", times=2)
    assert len(list_models(run_module)["trained_models"]) == 5
    assert len(cleanroomsml_no_retry_sleep.seconds("botocore")) == 2


def test_summaries_are_validated_against_the_summary_schema(run_module, cleanroomsml_fake):
    cleanroomsml_fake.add_trained_model(name="odd", status="ARCHIVED", collaboration_identifier=COLLABORATION)
    result = list_models(run_module, validate_response="strict")
    assert result["failed"] is True
    assert result["violations"] == [
        "$.status: 'ARCHIVED' is not one of ['CREATE_PENDING', 'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'ACTIVE', "
        "'DELETE_PENDING', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'INACTIVE', 'CANCEL_PENDING', "
        "'CANCEL_IN_PROGRESS', 'CANCEL_FAILED']"
    ]
