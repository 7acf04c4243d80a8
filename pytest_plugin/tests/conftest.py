"""Fixtures for the Clean Rooms ML fake's tests: credentials, the fake, boto3 clients."""

import functools
import os
import uuid

import boto3
import pytest
from botocore.config import Config
from pytest_cleanroomsml.fake import CleanRoomsMLFake

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"  # moto's default account


@pytest.fixture
def aws_test_credentials(monkeypatch):
    """Dummy credentials, so that no real ones are ever looked up."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture(scope="session")
def fake_endpoint_url():
    """One HTTP server for the session: it serves moto's state, whichever fake seeded it."""
    with CleanRoomsMLFake(region=REGION).server() as endpoint_url:
        yield endpoint_url


@pytest.fixture
def fake_lifecycle_durations():
    """Keyword arguments for the fake's lifecycle durations; a module may override it."""
    return {}


@pytest.fixture
def fake(aws_test_credentials, fake_lifecycle_durations, fake_endpoint_url):
    # Fakes share moto's state: the session's server (started first, above) must not
    # come after this fake and put its own lifecycle durations in effect.
    fake = CleanRoomsMLFake(region=REGION, **fake_lifecycle_durations)
    fake.reset_every_region()  # the clock too: what a test advanced must not carry over
    yield fake
    fake.reset_every_region()


@pytest.fixture(params=["in-process", "connected"])
def controller(request, fake, fake_endpoint_url):
    """The fake's controller, in-process or connected over HTTP (CleanRoomsMLFake.connect): one behaviour."""
    return fake if request.param == "in-process" else CleanRoomsMLFake.connect(fake_endpoint_url)


@pytest.fixture(scope="session")
def new_client():
    """Builds cleanroomsml clients that never retry, so each error reaches the test.

    They share one boto3 session, which loads botocore's models only once.
    """
    # The fake's in-process handler reaches the Sessions made after its first mock() only.
    with CleanRoomsMLFake(region=REGION).mock():
        pass
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION)

    def build(endpoint_url=None, **config_options):
        config = Config(retries={"total_max_attempts": 1}, **config_options)
        return session.client("cleanroomsml", endpoint_url=endpoint_url, config=config)

    return build


@pytest.fixture
def make_http_client(new_client, fake_endpoint_url):
    """Builds clients that reach the fake over HTTP."""
    return functools.partial(new_client, fake_endpoint_url)


@pytest.fixture(params=["in-process", "http"])
def make_fake_client(request, fake, new_client):
    """Builds clients that reach the fake in-process (mock) or over HTTP (server)."""
    if request.param == "in-process":
        with fake.mock():
            yield new_client
    else:
        yield request.getfixturevalue("make_http_client")


@pytest.fixture
def fake_client(make_fake_client):
    return make_fake_client()


@pytest.fixture
def training_request():
    """Builds valid CreateTrainedModel parameters for a membership."""

    def build(membership_identifier, **changes):
        prefix = f"arn:aws:cleanrooms-ml:{REGION}:{ACCOUNT_ID}:membership/{membership_identifier}"
        request = {
            "membershipIdentifier": membership_identifier,
            "name": "churn",
            "configuredModelAlgorithmAssociationArn": (
                f"{prefix}/configured-model-algorithm-association/{uuid.uuid4()}"
            ),
            "resourceConfig": {"instanceType": "ml.m5.xlarge", "volumeSizeInGB": 10},
            "dataChannels": [
                {
                    "mlInputChannelArn": f"{prefix}/ml-input-channel/{uuid.uuid4()}",
                    "channelName": "train",
                }
            ],
        }
        request.update(changes)
        return request

    return build
