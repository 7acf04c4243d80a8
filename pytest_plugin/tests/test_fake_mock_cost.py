"""The in-process mock: cheap to enter on every test, and still answering only while active."""

import io
import json
import os
from collections.abc import Iterator
from typing import Any

import boto3
import botocore.handlers
import moto
import pytest
from botocore.awsrequest import AWSResponse
from moto.core.botocore_stubber import BotocoreStubber
from moto.core.models import responses_mock
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.in_process import FAKE_CREDENTIALS
from pytest_cleanroomsml.fake.registration import register


class RawBody(io.BytesIO):
    def stream(self, **kwargs: Any) -> Iterator[Any]:
        yield self.read()


def answer_past_the_fake(request: Any, **kwargs: Any) -> Any:
    """A before-send handler called after the fake's: its answer stands for real AWS's."""
    return AWSResponse(request.url, 200, {}, RawBody(json.dumps({"name": "real AWS"}).encode()))


@pytest.fixture
def client(new_client: Any) -> Any:
    """A client whose requests the fake does not answer are answered by "real AWS", offline."""
    built = new_client()
    built.meta.events.register("before-send", answer_past_the_fake)
    return built


def model_name(client: Any, model: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )["name"]


def test_entering_the_mock_registers_no_requests_callbacks(fake: CleanRoomsMLFake) -> None:
    registered = len(responses_mock.registered())

    for attempt in range(3):
        with fake.mock():
            assert len(responses_mock.registered()) == registered, f"entry {attempt}"


def test_only_requests_made_while_the_mock_is_active_reach_the_fake(fake: CleanRoomsMLFake, client: Any) -> None:
    model = fake.add_trained_model(name="churn")

    assert model_name(client, model) == "real AWS"
    with fake.mock():
        assert model_name(client, model) == "churn"
    assert model_name(client, model) == "real AWS"


def test_entering_and_leaving_the_mock_keeps_moto_state(
    fake: CleanRoomsMLFake, client: Any, training_request: Any
) -> None:
    seeded = fake.add_trained_model(name="churn")

    with fake.mock():
        created = client.create_trained_model(**training_request(seeded["membershipIdentifier"], name="created"))
    with fake.mock():
        assert model_name(client, seeded) == "churn"
        assert (
            model_name(
                client,
                dict(created, collaborationIdentifier=seeded["collaborationIdentifier"]),
            )
            == "created"
        )
    assert [operation for operation, params in fake.calls] == ["CreateTrainedModel"] + [
        "GetCollaborationTrainedModel"
    ] * 2


def test_a_nested_mock_leaves_the_outer_one_active(fake: CleanRoomsMLFake, client: Any) -> None:
    model = fake.add_trained_model(name="churn")

    with fake.mock():
        with fake.mock():
            pass
        assert model_name(client, model) == "churn"


def test_a_plain_mock_aws_stopping_inside_the_mock_leaves_it_active(fake: CleanRoomsMLFake, client: Any) -> None:
    with fake.mock():
        with moto.mock_aws():
            pass
        model = fake.add_trained_model(name="churn")  # mock_aws() reset moto

        assert model_name(client, model) == "churn"


def test_the_mock_leaving_inside_a_plain_mock_aws_leaves_moto_answering(fake: CleanRoomsMLFake, client: Any) -> None:
    with moto.mock_aws():
        with fake.mock():
            pass
        model = fake.add_trained_model(name="churn")

        assert model_name(client, model) == "churn"


def test_other_moto_services_answer_under_the_mock(fake: CleanRoomsMLFake, new_client: Any) -> None:
    with fake.mock():
        identity = boto3.client("sts", region_name="us-east-1").get_caller_identity()

    assert identity["Account"] == "123456789012"


@pytest.mark.parametrize("earlier_key", ["testing", None])
def test_the_mock_puts_fake_credentials_in_the_environment_meanwhile(
    fake: CleanRoomsMLFake, monkeypatch: pytest.MonkeyPatch, earlier_key: Any
) -> None:
    if earlier_key is None:
        monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    default_session = boto3.DEFAULT_SESSION

    with fake.mock():
        assert {name: os.environ.get(name) for name in FAKE_CREDENTIALS} == FAKE_CREDENTIALS
        assert boto3.DEFAULT_SESSION is None  # boto3.client() builds one with them

    assert os.environ.get("AWS_ACCESS_KEY_ID") == earlier_key
    assert os.environ["AWS_SECRET_ACCESS_KEY"] == "testing"
    assert boto3.DEFAULT_SESSION is default_session


def test_register_names_botocore_handlers_when_the_mock_cannot_join_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(botocore.handlers, "BUILTIN_HANDLERS", ())

    with pytest.raises(RuntimeError, match=r"botocore\.handlers\.BUILTIN_HANDLERS"):
        register()


def test_register_names_the_stubber_flag_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BotocoreStubber, "__init__", lambda stubber: None)

    with pytest.raises(RuntimeError, match=r"BotocoreStubber\.enabled"):
        register()


def test_register_names_the_stubber_call_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BotocoreStubber, "__call__", lambda stubber, request: None)

    with pytest.raises(RuntimeError, match=r"BotocoreStubber\.__call__"):
        register()
