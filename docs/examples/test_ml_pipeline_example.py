"""Testing a pipeline step that calls AWS Clean Rooms ML, with pytest-cleanroomsml.

The step under test, model_for_scoring, picks the trained model a batch-scoring job should
use. In a real project it lives in the pipeline's package; it is defined here to keep the
example in one file. Run it offline, against the fake:

    pip install ./pytest_plugin    # in a checkout; pytest-cleanroomsml from PyPI once it is published
    pytest test_ml_pipeline_example.py
"""

from __future__ import annotations

import datetime
from typing import Any, Callable

import boto3
import pytest
from botocore.client import BaseClient
from pytest_cleanroomsml import (
    CleanRoomsMLFake,
    CleanRoomsMLSettings,
    TrainedModelWaiter,
    assert_metrics_published,
    assert_model_active,
    assert_model_status,
    assert_valid_trained_model,
)

# -- the pipeline code under test ----------------------------------------------------------


class ModelNotReady(RuntimeError):
    """The newest trained model cannot be used for scoring (yet)."""


def model_for_scoring(client: BaseClient, collaboration_id: str, model_name: str) -> dict[str, Any]:
    """The newest trained model called ``model_name`` in the collaboration, once it is ACTIVE with published metrics."""
    paginator = client.get_paginator("list_collaboration_trained_models")
    summaries = [
        summary
        for page in paginator.paginate(collaborationIdentifier=collaboration_id)
        for summary in page["collaborationTrainedModels"]
        if summary["name"] == model_name
    ]
    if not summaries:
        raise ModelNotReady(f"no trained model {model_name!r} in collaboration {collaboration_id}")
    newest = max(summaries, key=lambda summary: summary["createTime"])
    model: dict[str, Any] = client.get_collaboration_trained_model(
        trainedModelArn=newest["trainedModelArn"], collaborationIdentifier=collaboration_id
    )
    if model["status"] != "ACTIVE":
        raise ModelNotReady(f"{model_name} is {model['status']}")
    # Scoring compares the new model's metrics with the current one's before switching.
    if model.get("metricsStatus") != "PUBLISH_SUCCEEDED":
        raise ModelNotReady(f"{model_name} has no published metrics")
    return model


# -- its tests -----------------------------------------------------------------------------

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
LAST_WEEK = datetime.datetime(2025, 3, 1, 6, 0, tzinfo=datetime.timezone.utc)
TODAY = datetime.datetime(2025, 3, 8, 6, 0, tzinfo=datetime.timezone.utc)

AddModel = Callable[..., dict[str, Any]]


@pytest.fixture
def add_churn_model(cleanroomsml_fake: CleanRoomsMLFake) -> AddModel:
    """Seeds the fake with a "churn" model trained at ``created``, its metrics published unless overridden."""

    def add(created: datetime.datetime, status: str = "ACTIVE", **overrides: Any) -> dict[str, Any]:
        members = dict({"createTime": created, "metricsStatus": "PUBLISH_SUCCEEDED"}, **overrides)
        return cleanroomsml_fake.add_trained_model("churn", status, COLLABORATION, **members)

    return add


def test_scores_with_the_newest_active_model(add_churn_model: AddModel, cleanroomsml_client: BaseClient) -> None:
    add_churn_model(LAST_WEEK)
    newest = add_churn_model(TODAY)

    model = model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")

    assert model["trainedModelArn"] == newest["trainedModelArn"]
    assert_model_active(model)
    assert_metrics_published(model)
    assert_valid_trained_model(model)


def test_refuses_a_model_whose_training_failed(add_churn_model: AddModel, cleanroomsml_client: BaseClient) -> None:
    add_churn_model(LAST_WEEK)
    add_churn_model(TODAY, "CREATE_FAILED", statusDetails={"statusCode": "InternalError", "message": "out of memory"})

    with pytest.raises(ModelNotReady, match="churn is CREATE_FAILED"):
        model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")


def test_refuses_a_model_without_published_metrics(add_churn_model: AddModel, cleanroomsml_client: BaseClient) -> None:
    add_churn_model(TODAY, metricsStatus="PUBLISH_FAILED", metricsStatusDetails="no metric matched the training log")

    with pytest.raises(ModelNotReady, match="no published metrics"):
        model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")


def test_scores_once_training_finishes(
    cleanroomsml_fake: CleanRoomsMLFake,
    add_churn_model: AddModel,
    cleanroomsml_client: BaseClient,
    wait_for_trained_model: TrainedModelWaiter,
) -> None:
    training = add_churn_model(TODAY, "CREATE_IN_PROGRESS")
    with pytest.raises(ModelNotReady, match="churn is CREATE_IN_PROGRESS"):
        model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")

    # Training ends at the third read from now (the waiter's third poll): counted in reads, not
    # seconds, so that however slow the machine, the waiter sees it in training twice first.
    cleanroomsml_fake.set_status(training["trainedModelArn"], "ACTIVE", after_polls=3)
    wait_for_trained_model(training["trainedModelArn"], COLLABORATION, delay=0.05)

    assert (
        model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")["trainedModelArn"] == training["trainedModelArn"]
    )


def test_refuses_a_collaboration_without_the_model(
    cleanroomsml_fake: CleanRoomsMLFake, cleanroomsml_client: BaseClient
) -> None:
    cleanroomsml_fake.add_trained_model("upsell", collaboration_identifier=COLLABORATION)

    with pytest.raises(ModelNotReady, match="no trained model 'churn'"):
        model_for_scoring(cleanroomsml_client, COLLABORATION, "churn")


def test_every_listed_model_matches_the_schema(add_churn_model: AddModel, cleanroomsml_client: BaseClient) -> None:
    add_churn_model(LAST_WEEK, "CREATE_FAILED")
    add_churn_model(TODAY)

    listed = cleanroomsml_client.list_collaboration_trained_models(collaborationIdentifier=COLLABORATION)

    for summary in listed["collaborationTrainedModels"]:
        assert_valid_trained_model(summary)
        assert_model_status(summary, "ACTIVE", "CREATE_FAILED")


def test_a_scoring_container_reaches_the_fake_over_http(
    add_churn_model: AddModel, cleanroomsml_server: str, cleanroomsml_settings: CleanRoomsMLSettings
) -> None:
    # A job in another process would get the same endpoint URL, e.g. through AWS_ENDPOINT_URL_CLEANROOMSML.
    add_churn_model(TODAY)
    client = boto3.client("cleanroomsml", region_name=cleanroomsml_settings.region, endpoint_url=cleanroomsml_server)

    assert_model_active(model_for_scoring(client, COLLABORATION, "churn"))
