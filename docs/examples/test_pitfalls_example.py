"""What to do instead of the pitfalls that docs/testing-ml-pipelines.md names, as tests that pass.

pip install pytest-cleanroomsml
pytest test_pitfalls_example.py
"""

from __future__ import annotations

import sys

import boto3
import pytest
from botocore.client import BaseClient
from pytest_cleanroomsml import CleanRoomsMLFake, TrainedModelFetcher, assert_model_active

# -- pipeline code that makes its client when it is imported (in a real project, its own module) --

SCORING_CLIENT = boto3.client("cleanroomsml", region_name="us-east-1")


def model_status(arn: str, collaboration_id: str) -> str:
    """The status of a trained model, through the client made at import time."""
    status: str = SCORING_CLIENT.get_collaboration_trained_model(
        trainedModelArn=arn, collaborationIdentifier=collaboration_id
    )["status"]
    return status


# -- its tests -----------------------------------------------------------------------------


def test_other_aws_services_need_no_mock_aws(
    cleanroomsml_fake: CleanRoomsMLFake, cleanroomsml_trained_model: TrainedModelFetcher
) -> None:
    # No @mock_aws: it would reset moto, the fake's models included. The fake answers moto's other services too.
    model = cleanroomsml_fake.add_trained_model("churn")
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="scores")
    s3.put_object(Bucket="scores", Key="churn.csv", Body=b"customer,score\n")

    assert_model_active(cleanroomsml_trained_model(model["trainedModelArn"], model["collaborationIdentifier"]))
    assert s3.get_object(Bucket="scores", Key="churn.csv")["Body"].read() == b"customer,score\n"


@pytest.fixture
def scoring_client(cleanroomsml_client: BaseClient, monkeypatch: pytest.MonkeyPatch) -> BaseClient:
    """The pipeline's import-time client, replaced for the test by one made once the fake's credentials are in place."""
    monkeypatch.setattr(sys.modules[__name__], "SCORING_CLIENT", cleanroomsml_client)
    return cleanroomsml_client


def test_a_client_made_at_import_time_is_replaced(
    cleanroomsml_fake: CleanRoomsMLFake, scoring_client: BaseClient
) -> None:
    model = cleanroomsml_fake.add_trained_model("churn", "CREATE_IN_PROGRESS")

    assert model_status(model["trainedModelArn"], model["collaborationIdentifier"]) == "CREATE_IN_PROGRESS"
