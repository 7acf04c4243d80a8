"""Pipeline code on aiobotocore (or aioboto3, built on it) reaches the fake over HTTP.

The in-process fake answers botocore's clients only: aiobotocore reads responses
asynchronously, which moto's in-process answers do not support. cleanroomsml_server
serves the same fake over HTTP, which any client reaches.

    pip install pytest-cleanroomsml aiobotocore
    pytest test_async_client_example.py
"""

from __future__ import annotations

import asyncio

import pytest
from pytest_cleanroomsml import CleanRoomsMLFake, CleanRoomsMLSettings

aiobotocore_session = pytest.importorskip("aiobotocore.session")


async def model_status(endpoint_url: str | None, region: str, arn: str, collaboration_id: str) -> str:
    """Pipeline code: the status of a trained model, through an aiobotocore client."""
    session = aiobotocore_session.get_session()
    async with session.create_client("cleanroomsml", region_name=region, endpoint_url=endpoint_url) as client:
        response = await client.get_collaboration_trained_model(
            trainedModelArn=arn, collaborationIdentifier=collaboration_id
        )
    status: str = response["status"]
    return status


def test_an_async_client_reaches_the_fake_over_http(
    cleanroomsml_fake: CleanRoomsMLFake, cleanroomsml_server: str, cleanroomsml_settings: CleanRoomsMLSettings
) -> None:
    model = cleanroomsml_fake.add_trained_model("churn", "CREATE_FAILED")

    status = asyncio.run(
        model_status(
            cleanroomsml_server,
            cleanroomsml_settings.region,
            model["trainedModelArn"],
            model["collaborationIdentifier"],
        )
    )

    assert status == "CREATE_FAILED"
