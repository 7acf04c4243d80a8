"""The list operations page with nextToken and maxResults, as botocore's paginators expect."""

import uuid
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake


@pytest.fixture
def models(fake: CleanRoomsMLFake) -> Any:
    """Five models in one collaboration (and so one membership)."""
    collaboration = str(uuid.uuid4())
    return [fake.add_trained_model(name=f"model-{index}", collaboration_identifier=collaboration) for index in range(5)]


def read_pages(list_operation: Any, result_key: Any, **arguments: Any) -> Any:
    pages = [list_operation(**arguments)]
    while "nextToken" in pages[-1]:
        pages.append(list_operation(**arguments, nextToken=pages[-1]["nextToken"]))
    return [[item["name"] for item in page[result_key]] for page in pages]


def test_list_trained_models_pages(fake_client: Any, models: Any) -> None:
    pages = read_pages(
        fake_client.list_trained_models,
        "trainedModels",
        membershipIdentifier=models[0]["membershipIdentifier"],
        maxResults=2,
    )

    assert pages == [["model-0", "model-1"], ["model-2", "model-3"], ["model-4"]]


def test_list_collaboration_trained_models_pages(fake_client: Any, models: Any) -> None:
    pages = read_pages(
        fake_client.list_collaboration_trained_models,
        "collaborationTrainedModels",
        collaborationIdentifier=models[0]["collaborationIdentifier"],
        maxResults=3,
    )

    assert pages == [["model-0", "model-1", "model-2"], ["model-3", "model-4"]]


def test_list_trained_model_versions_pages_by_ten_by_default(fake: CleanRoomsMLFake, fake_client: Any) -> None:
    model = fake.add_trained_model(name="churn")
    versions = [model] + [fake.add_version(model["trainedModelArn"]) for dummy in range(11)]

    first_page = fake_client.list_trained_model_versions(
        membershipIdentifier=model["membershipIdentifier"],
        trainedModelArn=model["trainedModelArn"],
    )
    second_page = fake_client.list_trained_model_versions(
        membershipIdentifier=model["membershipIdentifier"],
        trainedModelArn=model["trainedModelArn"],
        nextToken=first_page["nextToken"],
    )

    listed = first_page["trainedModels"] + second_page["trainedModels"]
    assert len(first_page["trainedModels"]) == 10
    assert "nextToken" not in second_page
    assert [item["versionIdentifier"] for item in listed] == [version["versionIdentifier"] for version in versions]


def test_botocore_paginator_reads_every_page(fake_client: Any, models: Any) -> None:
    paginator = fake_client.get_paginator("list_collaboration_trained_models")

    pages = list(
        paginator.paginate(
            collaborationIdentifier=models[0]["collaborationIdentifier"],
            PaginationConfig={"PageSize": 2},
        )
    )

    assert len(pages) == 3
    assert [item["name"] for page in pages for item in page["collaborationTrainedModels"]] == [
        model["name"] for model in models
    ]


def test_an_invalid_next_token_is_refused(fake_client: Any, models: Any) -> None:
    with pytest.raises(fake_client.exceptions.ValidationException) as raised:
        fake_client.list_trained_models(
            membershipIdentifier=models[0]["membershipIdentifier"],
            nextToken="not-a-token",
        )

    assert "nextToken" in raised.value.response["Error"]["Message"]
