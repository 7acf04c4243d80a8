"""Waiting for a status: success, early failure, timeout, and what the result says."""

import re

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from botocore.client import BaseClient
from helpers.module_runs import warning_messages

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


def wait(run_module, model, **extra):
    args = {
        "trained_model_arn": model["trainedModelArn"],
        "collaboration_identifier": COLLABORATION,
        "wait": True,
        "wait_delay": 1,
    }
    args.update(extra)
    return run_module(main, args)


def change_status_after_the_first_poll(monkeypatch, fake, model, status, **details):
    """The model takes ``status`` once the first poll has been answered: a count, not a timer, so load cannot
    move the change before the first poll or after the second."""
    make_api_call = BaseClient._make_api_call

    def make_api_call_then_change(client, operation_name, api_params):
        response = make_api_call(client, operation_name, api_params)
        if operation_name == "GetCollaborationTrainedModel" and len(fake.calls) == 1:
            fake.set_status(model["trainedModelArn"], status, **details)
        return response

    monkeypatch.setattr(BaseClient, "_make_api_call", make_api_call_then_change)


def test_waits_until_active(run_module, cleanroomsml_fake, monkeypatch):
    model = cleanroomsml_fake.add_trained_model(
        name="soon", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )
    change_status_after_the_first_poll(monkeypatch, cleanroomsml_fake, model, "ACTIVE")
    result = wait(run_module, model, wait_timeout=30)
    assert result["trained_model"]["status"] == "ACTIVE"
    assert result["wait_polls"] == 2
    assert result["wait_seconds"] >= 1.0  # the wait_delay between the two polls
    assert len(cleanroomsml_fake.calls) == result["wait_polls"]


def test_an_already_active_model_needs_one_poll(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="ready", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model)
    assert (result["wait_polls"], result["trained_model"]["status"]) == (1, "ACTIVE")


def test_fails_at_once_on_a_status_that_cannot_become_the_wanted_one(run_module, cleanroomsml_fake, monkeypatch):
    model = cleanroomsml_fake.add_trained_model(
        name="doomed", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )
    change_status_after_the_first_poll(
        monkeypatch,
        cleanroomsml_fake,
        model,
        "CREATE_FAILED",
        message="training container exited with code 1",
        status_code="InternalError",
    )
    result = wait(run_module, model, wait_timeout=600)
    assert result["failed"] is True
    assert result["msg"] == (
        "trained model 'doomed' ('{}', version '{}') is CREATE_FAILED (InternalError: training container exited with "
        "code 1), "
        "from which ACTIVE can no longer be reached".format(model["trainedModelArn"], model["versionIdentifier"])
    )
    assert result["trained_model"]["status"] == "CREATE_FAILED"
    assert result["wait_polls"] == 2


def test_waiting_for_several_statuses_stops_at_any(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(
        name="either", status="CREATE_FAILED", collaboration_identifier=COLLABORATION
    )
    result = wait(run_module, model, wait_for=["ACTIVE", "CREATE_FAILED"])
    assert result["trained_model"]["status"] == "CREATE_FAILED" and "failed" not in result


def test_times_out_with_the_last_status(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(
        name="slow", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION
    )
    result = wait(run_module, model, wait_timeout=2)
    assert result["failed"] is True
    assert re.match(
        r"trained model 'slow' \('{}', version '{}'\) is still CREATE_IN_PROGRESS after waiting 2(\.[0-9])? seconds "
        r"\(3 polls\) for ACTIVE$".format(re.escape(model["trainedModelArn"]), model["versionIdentifier"]),
        result["msg"],
    )
    assert result["wait_polls"] == 3


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"wait_delay": 0}, "wait_delay must be at least 1, got 0"),
        ({"wait_delay": -5}, "wait_delay must be at least 1, got -5"),
        ({"wait_timeout": -1}, "wait_timeout must be at least 0, got -1"),
        (
            {"wait_for": ["active"]},
            "wait_for: 'active' is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE');"
            " did you mean 'ACTIVE'?",
        ),
        ({"wait_for": ["ACTIVE", "Done"]}, "wait_for: 'Done' is not a status name"),
        ({"wait_for": []}, "wait_for must name at least one status to wait for"),
    ],
)
def test_bad_wait_options_fail_before_any_call(run_module, cleanroomsml_fake, extra, message):
    model = cleanroomsml_fake.add_trained_model(name="x", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model, **extra)
    assert result["failed"] is True
    assert message in result["msg"]
    assert cleanroomsml_fake.calls == []


UNKNOWN_STATUS_WARNING = (
    "wait_for: 'RETRAINING' is not a status this collection knows (CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_FAILED, "
    "ACTIVE, "
    "DELETE_PENDING, DELETE_IN_PROGRESS, DELETE_FAILED, INACTIVE, CANCEL_PENDING, CANCEL_IN_PROGRESS, CANCEL_FAILED); "
    "it is used as given, as a status AWS may have added"
)


def test_a_status_aws_adds_later_can_be_waited_for_with_a_warning(run_module, cleanroomsml_fake, monkeypatch):
    model = cleanroomsml_fake.add_trained_model(name="new", status="ACTIVE", collaboration_identifier=COLLABORATION)
    change_status_after_the_first_poll(monkeypatch, cleanroomsml_fake, model, "RETRAINING")
    result = wait(run_module, model, wait_for=["RETRAINING"], wait_timeout=30, validate_response="off")
    assert "failed" not in result, result["msg"]
    assert result["trained_model"]["status"] == "RETRAINING"
    assert warning_messages(result) == [UNKNOWN_STATUS_WARNING]


def test_waiting_for_an_unknown_status_goes_on_until_the_timeout(run_module, cleanroomsml_fake):
    # From INACTIVE no status the collection knows follows, but one AWS added might.
    model = cleanroomsml_fake.add_trained_model(name="gone", status="INACTIVE", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model, wait_for=["RETRAINING"], wait_timeout=1)
    assert result["failed"] is True
    assert "is still INACTIVE after waiting 1" in result["msg"] and result["wait_polls"] == 2


@pytest.mark.parametrize(
    "given, warning",
    [
        ({"wait_for": ["ACTIVE"]}, "wait_for has no effect without wait=true: set wait: true to wait"),
        (
            {"wait_timeout": 60, "wait_delay": 5},
            "wait_timeout, wait_delay have no effect without wait=true: set wait: true to wait",
        ),
        ({"wait": False, "wait_delay": 5}, "wait_delay has no effect without wait=true: set wait: true to wait"),
    ],
)
def test_wait_options_without_wait_warn(run_module, cleanroomsml_fake, given, warning):
    model = cleanroomsml_fake.add_trained_model(name="x", collaboration_identifier=COLLABORATION)
    args = dict(trained_model_arn=model["trainedModelArn"], collaboration_identifier=COLLABORATION, **given)
    result = run_module(main, args)
    assert "failed" not in result
    assert warning_messages(result) == [warning]
    assert "wait_polls" not in result


def test_no_wait_option_no_warning(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="x", collaboration_identifier=COLLABORATION)
    result = run_module(
        main, {"trained_model_arn": model["trainedModelArn"], "collaboration_identifier": COLLABORATION}
    )
    assert "warnings" not in result


def test_wait_defaults_apply_when_not_given(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="x", collaboration_identifier=COLLABORATION)
    args = {"trained_model_arn": model["trainedModelArn"], "collaboration_identifier": COLLABORATION, "wait": True}
    result = run_module(main, args)
    assert result["wait_polls"] == 1 and "warnings" not in result
    assert (result["invocation"]["module_args"]["wait_for"], result["invocation"]["module_args"]["wait_timeout"]) == (
        ["ACTIVE"],
        1800,
    )
