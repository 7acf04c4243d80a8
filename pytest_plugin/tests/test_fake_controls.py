"""Steering the fake from a test: seeding, overrides, set_status, latency, calls, reset.

Tests that take ``controller`` run twice: with the in-process controller and with one
connected over HTTP (CleanRoomsMLFake.connect), which must behave the same.
"""

import gc
import json
import threading
import time
import uuid
import weakref
from typing import Any

import pytest
from botocore_shape_check import SERVICE_MODEL
from pytest_cleanroomsml.fake import MISSING, CleanRoomsMLFake
from pytest_cleanroomsml.fake.models import cleanroomsml_backends
from pytest_cleanroomsml.fake.shape_validation import shape_violations


def get_model(client: Any, model: Any, **arguments: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
        **arguments,
    )


def record_raw_bodies(client: Any, operation_name: Any) -> Any:
    """The JSON bodies exactly as sent, before botocore keeps only the members it knows."""
    bodies = []
    client.meta.events.register(
        f"after-call.cleanroomsml.{operation_name}",
        lambda http_response, **_: bodies.append(json.loads(http_response.content)),
    )
    return bodies


# -- seeding --------------------------------------------------------------------------


def test_add_trained_model_describes_a_model_in_a_new_collaboration(controller: Any) -> None:
    model = controller.add_trained_model(name="churn")

    output_shape = SERVICE_MODEL.operation_model("GetCollaborationTrainedModel").output_shape
    assert shape_violations(output_shape, model) == []
    assert model["status"] == "ACTIVE"
    assert model["trainedModelArn"].startswith(
        f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{model['membershipIdentifier']}/"
    )
    assert model["collaborationIdentifier"] != controller.add_trained_model(name="other")["collaborationIdentifier"]


def test_models_of_one_collaboration_share_a_membership(controller: Any) -> None:
    collaboration = str(uuid.uuid4())

    first = controller.add_trained_model(name="first", collaboration_identifier=collaboration)
    second = controller.add_trained_model(name="second", collaboration_identifier=collaboration)

    assert first["collaborationIdentifier"] == second["collaborationIdentifier"] == collaboration
    assert first["membershipIdentifier"] == second["membershipIdentifier"]


def test_an_unknown_status_reaches_boto3_as_given(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn", status="RETRAINING")

    assert get_model(fake_client, model)["status"] == "RETRAINING"


def test_a_member_botocore_does_not_know_is_sent_on_the_wire(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn", driftScore={"value": 0.2})
    raw_bodies = record_raw_bodies(fake_client, "GetCollaborationTrainedModel")

    parsed = get_model(fake_client, model)

    assert model["driftScore"] == {"value": 0.2}
    assert raw_bodies[0]["driftScore"] == {"value": 0.2}
    assert "driftScore" not in parsed  # botocore drops members its model lacks


def test_a_missing_member_is_left_out(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn", creatorAccountId=MISSING)

    response = get_model(fake_client, model)

    assert "creatorAccountId" not in model
    assert "creatorAccountId" not in response
    assert controller.MISSING is MISSING


def test_overrides_choose_where_a_model_is_found(controller: Any, fake_client: Any) -> None:
    membership = str(uuid.uuid4())
    arn = f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{membership}/trained-model/{uuid.uuid4()}"

    model = controller.add_trained_model(name="churn", membershipIdentifier=membership, trainedModelArn=arn)

    response = fake_client.get_trained_model(membershipIdentifier=membership, trainedModelArn=arn)
    assert response["trainedModelArn"] == model["trainedModelArn"] == arn


def test_add_version_makes_the_latest_version(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")

    newer = controller.add_version(model["trainedModelArn"], status="CREATE_IN_PROGRESS")

    assert newer["trainedModelArn"] == model["trainedModelArn"]
    assert newer["versionIdentifier"] != model["versionIdentifier"]
    assert newer["incrementalTrainingDataChannels"] == [
        {
            "channelName": "incremental",
            "versionIdentifier": model["versionIdentifier"],
            "modelName": "churn",
        }
    ]
    assert get_model(fake_client, model)["versionIdentifier"] == newer["versionIdentifier"]
    older = get_model(fake_client, model, versionIdentifier=model["versionIdentifier"])
    assert older["status"] == "ACTIVE"


def test_trained_models_lists_the_latest_versions_held(controller: Any) -> None:
    churn = controller.add_trained_model("churn")
    newer = controller.add_version(churn["trainedModelArn"], "CREATE_IN_PROGRESS")
    fraud = controller.add_trained_model("fraud", collaboration_identifier=churn["collaborationIdentifier"])
    elsewhere = controller.add_trained_model("elsewhere")

    assert controller.trained_models(churn["collaborationIdentifier"]) == [newer, fraud]
    assert [model["name"] for model in controller.trained_models()] == ["churn", "fraud", "elsewhere"]
    assert controller.trained_models(str(uuid.uuid4())) == [] and elsewhere in controller.trained_models()


def test_seeding_an_unknown_model_is_a_lookup_error(controller: Any) -> None:
    with pytest.raises(LookupError, match="not found"):
        controller.add_version("arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/x/trained-model/y")


def test_an_unsupported_region_is_refused() -> None:
    with pytest.raises(ValueError, match="not offered in 'mars-north-1'"):
        CleanRoomsMLFake(region="mars-north-1")


# -- set_status -----------------------------------------------------------------------


def test_set_status_changes_status_and_details(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")

    controller.set_status(
        model["trainedModelArn"],
        "CREATE_FAILED",
        message="out of memory",
        status_code="OOM",
    )

    response = get_model(fake_client, model)
    assert response["status"] == "CREATE_FAILED"
    assert response["statusDetails"] == {
        "statusCode": "OOM",
        "message": "out of memory",
    }
    assert response["updateTime"] >= model["updateTime"]


def test_set_status_after_a_delay_happens_later(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn", status="CREATE_IN_PROGRESS")

    fake.set_status(model["trainedModelArn"], "ACTIVE", after=60)

    assert get_model(fake_client, model)["status"] == "CREATE_IN_PROGRESS"
    fake.advance(60)
    response = get_model(fake_client, model)
    assert response["status"] == "ACTIVE"
    assert "statusDetails" not in response


def test_set_status_of_an_older_version(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")
    controller.add_version(model["trainedModelArn"])

    controller.set_status(
        model["trainedModelArn"],
        "INACTIVE",
        version_identifier=model["versionIdentifier"],
    )

    assert get_model(fake_client, model)["status"] == "ACTIVE"
    older = get_model(fake_client, model, versionIdentifier=model["versionIdentifier"])
    assert older["status"] == "INACTIVE"


# -- latency --------------------------------------------------------------------------


def test_latency_delays_every_request(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")
    controller.latency = 0.2

    started = time.monotonic()
    get_model(fake_client, model)

    assert controller.latency == 0.2
    assert time.monotonic() - started >= 0.2


def test_latency_does_not_serialise_concurrent_requests(
    fake: CleanRoomsMLFake, make_http_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = fake.add_trained_model(name="churn")
    fake.latency = 0.4
    # The latency's sleep waits for all four requests to be in it at once: requests served one
    # after the other would never all get there, and the barrier would break.
    all_waiting = threading.Barrier(4, timeout=10)
    monkeypatch.setattr("pytest_cleanroomsml.fake.request_hooks.time.sleep", lambda seconds: all_waiting.wait())
    clients = [make_http_client() for dummy in range(4)]
    errors: list[BaseException] = []

    def get(client: Any) -> None:
        try:
            get_model(client, model)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=get, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert not all_waiting.broken


# -- calls ----------------------------------------------------------------------------


def test_calls_are_recorded_in_order_with_their_parameters(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")
    controller.fail_next("ListTrainedModels", "ThrottlingException")

    get_model(fake_client, model, versionIdentifier=model["versionIdentifier"])
    with pytest.raises(fake_client.exceptions.ThrottlingException):
        fake_client.list_trained_models(membershipIdentifier=model["membershipIdentifier"], maxResults=5)

    assert controller.calls == [
        (
            "GetCollaborationTrainedModel",
            {
                "trainedModelArn": model["trainedModelArn"],
                "collaborationIdentifier": model["collaborationIdentifier"],
                "versionIdentifier": model["versionIdentifier"],
            },
        ),
        (
            "ListTrainedModels",
            {"membershipIdentifier": model["membershipIdentifier"], "maxResults": 5},
        ),
    ]


def test_unused_failures_are_what_no_request_met(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")
    controller.fail_next("GetCollaborationTrainedModel", "ThrottlingException", times=2)
    controller.fail_next("ListTrainedModels", "ValidationException")

    with pytest.raises(fake_client.exceptions.ThrottlingException):
        get_model(fake_client, model)

    assert controller.unused_failures() == [
        ("GetCollaborationTrainedModel", "ThrottlingException", 1),
        ("ListTrainedModels", "ValidationException", 1),
    ]
    controller.reset()
    assert controller.unused_failures() == []


def test_calls_can_be_read_while_requests_arrive(fake: CleanRoomsMLFake, make_http_client: Any) -> None:
    model = fake.add_trained_model(name="churn")
    clients = [make_http_client() for dummy in range(4)]
    threads = [
        threading.Thread(target=lambda client=client: [get_model(client, model) for dummy in range(5)])
        for client in clients
    ]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        assert all(name == "GetCollaborationTrainedModel" for name, dummy in fake.calls)
        time.sleep(0.01)
    for thread in threads:
        thread.join()

    assert len(fake.calls) == 20


# -- reset ----------------------------------------------------------------------------


def test_reset_every_region_lets_the_models_go(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    # A long session must not keep every model it made: nothing may hold one after the reset.
    model = fake.add_trained_model(name="churn")
    get_model(fake_client, model)
    backend = cleanroomsml_backends[fake.account_id][fake.region]
    kept = [weakref.ref(trained_model) for trained_model in backend.trained_models.values()]
    kept += [
        weakref.ref(version) for trained_model in backend.trained_models.values() for version in trained_model.versions
    ]
    assert len(kept) == 2
    del backend

    fake.reset_every_region()
    gc.collect()

    assert [reference() for reference in kept] == [None, None]


def test_reset_drops_models_failures_calls_and_latency(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model(name="churn")
    get_model(fake_client, model)
    controller.fail_next("GetCollaborationTrainedModel", "ThrottlingException")
    controller.latency = 1.0

    controller.reset()

    assert controller.calls == []
    assert controller.latency == 0.0
    with pytest.raises(fake_client.exceptions.ResourceNotFoundException):
        get_model(fake_client, model)  # not throttled: the failure is gone too
