"""Each operation the fake serves, in-process and over HTTP, against botocore's output shapes."""

import json
import uuid
from typing import Any

from botocore_shape_check import assert_fits_output_shape
from pytest_cleanroomsml.fake import CleanRoomsMLFake


def without_metadata(response: Any) -> Any:
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def test_create_trained_model_answers_an_arn_in_the_membership(fake_client: Any, training_request: Any) -> None:
    membership = str(uuid.uuid4())

    response = fake_client.create_trained_model(**training_request(membership))

    assert_fits_output_shape("CreateTrainedModel", response)
    assert response["trainedModelArn"].startswith(
        f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{membership}/trained-model/"
    )


def test_get_trained_model_describes_what_was_created(fake_client: Any, training_request: Any) -> None:
    request = training_request(str(uuid.uuid4()), description="weekly churn")
    created = fake_client.create_trained_model(**request)

    response = fake_client.get_trained_model(
        membershipIdentifier=request["membershipIdentifier"],
        trainedModelArn=created["trainedModelArn"],
    )

    assert_fits_output_shape("GetTrainedModel", response)
    for member in (
        "name",
        "description",
        "configuredModelAlgorithmAssociationArn",
        "resourceConfig",
        "dataChannels",
        "membershipIdentifier",
    ):
        assert response[member] == request[member], member
    assert response["versionIdentifier"] == created["versionIdentifier"]
    assert "creatorAccountId" not in response  # only the collaboration view has it


def test_get_collaboration_trained_model_answers_the_seeded_description(
    fake: CleanRoomsMLFake, fake_client: Any
) -> None:
    model = fake.add_trained_model(name="churn")

    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )

    assert_fits_output_shape("GetCollaborationTrainedModel", response)
    assert without_metadata(response) == model


def test_get_collaboration_trained_model_of_an_api_created_model(
    fake: CleanRoomsMLFake, fake_client: Any, training_request: Any
) -> None:
    membership = str(uuid.uuid4())
    created = fake_client.create_trained_model(**training_request(membership))
    collaboration = fake_client.get_trained_model(
        membershipIdentifier=membership, trainedModelArn=created["trainedModelArn"]
    )["collaborationIdentifier"]

    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=created["trainedModelArn"],
        collaborationIdentifier=collaboration,
    )

    assert_fits_output_shape("GetCollaborationTrainedModel", response)
    assert response["creatorAccountId"] == "123456789012"


def test_list_trained_models_lists_the_models_of_the_membership(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    collaboration = str(uuid.uuid4())
    first = fake.add_trained_model(name="first", collaboration_identifier=collaboration)
    second = fake.add_trained_model(name="second", collaboration_identifier=collaboration)
    fake.add_trained_model(name="elsewhere")

    response = fake_client.list_trained_models(membershipIdentifier=first["membershipIdentifier"])

    assert_fits_output_shape("ListTrainedModels", response)
    assert [summary["name"] for summary in response["trainedModels"]] == [
        "first",
        "second",
    ]
    assert second["membershipIdentifier"] == first["membershipIdentifier"]
    assert "nextToken" not in response


def test_list_collaboration_trained_models_lists_the_models_of_the_collaboration(
    fake: CleanRoomsMLFake, fake_client: Any
) -> None:
    model = fake.add_trained_model(name="churn")
    fake.add_trained_model(name="elsewhere")

    response = fake_client.list_collaboration_trained_models(collaborationIdentifier=model["collaborationIdentifier"])

    assert_fits_output_shape("ListCollaborationTrainedModels", response)
    [summary] = response["collaborationTrainedModels"]
    assert summary["trainedModelArn"] == model["trainedModelArn"]
    assert summary["creatorAccountId"] == model["creatorAccountId"]


def test_list_trained_model_versions_lists_every_version_and_filters_by_status(
    fake: CleanRoomsMLFake, fake_client: Any
) -> None:
    model = fake.add_trained_model(name="churn")
    newer = fake.add_version(model["trainedModelArn"], status="CREATE_IN_PROGRESS")
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }

    every_version = fake_client.list_trained_model_versions(**arguments)
    in_progress = fake_client.list_trained_model_versions(**arguments, status="CREATE_IN_PROGRESS")

    assert_fits_output_shape("ListTrainedModelVersions", every_version)
    assert [summary["versionIdentifier"] for summary in every_version["trainedModels"]] == [
        model["versionIdentifier"],
        newer["versionIdentifier"],
    ]
    assert [summary["versionIdentifier"] for summary in in_progress["trainedModels"]] == [newer["versionIdentifier"]]


def test_cancel_trained_model_stops_a_training(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn", status="CREATE_IN_PROGRESS")
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }

    response = fake_client.cancel_trained_model(**arguments)

    assert_fits_output_shape("CancelTrainedModel", response)
    assert fake_client.get_trained_model(**arguments)["status"] == "INACTIVE"


def test_delete_trained_model_output_deletes_the_artifacts(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn", status="ACTIVE")
    arguments = {
        "membershipIdentifier": model["membershipIdentifier"],
        "trainedModelArn": model["trainedModelArn"],
    }

    response = fake_client.delete_trained_model_output(**arguments)

    assert_fits_output_shape("DeleteTrainedModelOutput", response)
    assert fake_client.get_trained_model(**arguments)["status"] == "INACTIVE"


def test_timestamps_travel_as_iso_8601_strings(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn")
    raw_bodies = []
    fake_client.meta.events.register(
        "after-call.cleanroomsml.GetCollaborationTrainedModel",
        lambda http_response, **_: raw_bodies.append(json.loads(http_response.content)),
    )

    fake_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )

    milliseconds = model["createTime"].microsecond // 1000
    expected = model["createTime"].strftime("%Y-%m-%dT%H:%M:%S.") + f"{milliseconds:03d}Z"
    assert raw_bodies[0]["createTime"] == expected
