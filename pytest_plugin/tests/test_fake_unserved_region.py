"""A request signed for a Region the fake does not serve gets an error the SDKs parse, at once:
a 4xx JSON error naming the Region and the Regions served, in-process and over HTTP."""

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.regions import REGIONS

UNSERVED = "sa-east-1"  # Clean Rooms ML is not offered there
COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture(params=["in-process", "http"])
def endpoint_url(request: pytest.FixtureRequest, fake: CleanRoomsMLFake) -> Any:
    """Where the clients go: AWS's own URLs, answered in-process, or the fake's server."""
    if request.param == "in-process":
        with fake.mock():
            yield None
    else:
        yield request.getfixturevalue("fake_endpoint_url")


def test_an_unserved_region_gets_a_client_error_naming_it(
    fake: CleanRoomsMLFake, endpoint_url: Any, new_client: Any
) -> None:
    # botocore's default retries: a retried answer would show in RetryAttempts.
    unserved_region_client = boto3.client("cleanroomsml", region_name=UNSERVED, endpoint_url=endpoint_url)
    fake.fail_next("ListCollaborationTrainedModels", "ThrottlingException")

    with pytest.raises(ClientError) as raised:
        unserved_region_client.list_collaboration_trained_models(collaborationIdentifier=COLLABORATION)

    response = raised.value.response
    assert response["Error"]["Code"] == "UnservedRegionException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    message = response["Error"]["Message"]
    assert f"'{UNSERVED}'" in message
    assert all(region in message for region in REGIONS)
    # Nothing reached the Region the fake serves: no call recorded, the scripted failure still queued.
    assert fake.calls == []
    with pytest.raises(ClientError, match="ThrottlingException"):
        new_client(endpoint_url).list_collaboration_trained_models(collaborationIdentifier=COLLABORATION)
