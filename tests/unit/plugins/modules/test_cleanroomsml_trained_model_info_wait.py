"""Waiting for a status: success, early failure, timeout, and what the result says."""

import pytest

from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


def wait(run_module, model, **extra):
    args = dict(trained_model_arn=model["trainedModelArn"], collaboration_identifier=COLLABORATION, wait=True, wait_delay=1)
    args.update(extra)
    return run_module(main, args)


def test_waits_until_active(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="soon", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION)
    cleanroomsml_fake.set_status(model["trainedModelArn"], "ACTIVE", after=1.5)
    result = wait(run_module, model, wait_timeout=30)
    assert result["trained_model"]["status"] == "ACTIVE"
    assert 2 <= result["wait_polls"] <= 3
    assert 1.0 <= result["wait_seconds"] < 5
    assert len(cleanroomsml_fake.calls) == result["wait_polls"]


def test_an_already_active_model_needs_one_poll(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="ready", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model)
    assert (result["wait_polls"], result["trained_model"]["status"]) == (1, "ACTIVE")


def test_fails_at_once_on_a_status_that_cannot_become_the_wanted_one(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="doomed", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION)
    cleanroomsml_fake.set_status(model["trainedModelArn"], "CREATE_FAILED", message="training container exited with code 1",
                                 status_code="InternalError", after=0.5)
    result = wait(run_module, model, wait_timeout=600)
    assert result["failed"] is True
    assert result["msg"] == (
        "trained model %s is CREATE_FAILED (InternalError: training container exited with code 1), "
        "from which ACTIVE can no longer be reached" % model["trainedModelArn"]
    )
    assert result["trained_model"]["status"] == "CREATE_FAILED"
    assert result["wait_polls"] == 2


def test_waiting_for_several_statuses_stops_at_any(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="either", status="CREATE_FAILED", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model, wait_for=["ACTIVE", "CREATE_FAILED"])
    assert result["trained_model"]["status"] == "CREATE_FAILED" and "failed" not in result


def test_times_out_with_the_last_status(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(name="slow", status="CREATE_IN_PROGRESS", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model, wait_timeout=2)
    assert result["failed"] is True
    assert result["msg"].startswith("trained model %s is still CREATE_IN_PROGRESS after waiting 2 seconds" % model["trainedModelArn"])
    assert result["wait_polls"] == 3


@pytest.mark.parametrize(
    "extra, message",
    [
        (dict(wait_delay=0), "wait_delay must be at least 1, got 0"),
        (dict(wait_delay=-5), "wait_delay must be at least 1, got -5"),
        (dict(wait_timeout=-1), "wait_timeout must be at least 0, got -1"),
        (dict(wait_for=["DONE"]), "value of wait_for must be one or more of"),
    ],
)
def test_bad_wait_options_fail_before_any_call(run_module, cleanroomsml_fake, extra, message):
    model = cleanroomsml_fake.add_trained_model(name="x", collaboration_identifier=COLLABORATION)
    result = wait(run_module, model, **extra)
    assert result["failed"] is True
    assert message in result["msg"]
    assert cleanroomsml_fake.calls == []
