"""The fake answers its operations itself (CleanRoomsMLResponse.answer), in-process and over HTTP.

moto's own way gives the same answers.
"""

import datetime
import os
import re
import subprocess
import sys
import textwrap
from typing import Any
from urllib.parse import quote

import boto3
import pytest
from botocore.awsrequest import AWSPreparedRequest
from botocore.exceptions import ClientError
from moto.core.botocore_stubber import BotocoreStubber
from moto.core.request import normalize_request
from moto.core.responses import BaseResponse
from moto.core.utils import get_service_model
from moto.moto_api import recorder
from moto.moto_api._internal import mock_random
from pytest_cleanroomsml.fake import CleanRoomsMLFake, in_process, operation_routes
from pytest_cleanroomsml.fake.responses import CleanRoomsMLResponse

REGION = "us-east-1"
OTHER_ACCOUNT = "111111111111"


def outcome(call: Any) -> Any:
    """What a call gives a test: the response, or the error response it raised with."""
    try:
        return comparable(call())
    except ClientError as error:
        return comparable(error.response)


def comparable(value: Any) -> Any:
    """``value`` less what differs on every request (request ID, date, retries) or run (timestamps)."""
    if isinstance(value, dict):
        return {
            name: comparable(member)
            for name, member in value.items()
            if name not in ("RequestId", "HTTPHeaders", "RetryAttempts")
        }
    if isinstance(value, list):
        return [comparable(member) for member in value]
    if isinstance(value, datetime.datetime):
        return "a timestamp"
    return value


def arn_and_collaboration(model: Any) -> Any:
    return {"trainedModelArn": model["trainedModelArn"], "collaborationIdentifier": model["collaborationIdentifier"]}


def get_latest_and_first_version(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    model = fake.add_trained_model("churn")
    fake.add_version(model["trainedModelArn"], status="CREATE_IN_PROGRESS")
    return [
        outcome(lambda: client.get_collaboration_trained_model(**arn_and_collaboration(model))),
        outcome(
            lambda: client.get_collaboration_trained_model(
                **arn_and_collaboration(model), versionIdentifier=model["versionIdentifier"]
            )
        ),
    ]


def get_unknown_model_and_version(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    model = fake.add_trained_model("churn")
    unknown = dict(arn_and_collaboration(model), trainedModelArn=model["trainedModelArn"][:-4] + "ffff")
    return [
        outcome(lambda: client.get_collaboration_trained_model(**unknown)),
        outcome(
            lambda: client.get_collaboration_trained_model(
                **arn_and_collaboration(model), versionIdentifier="00000000-0000-4000-8000-000000000000"
            )
        ),
    ]


def refuse_invalid_input(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    model = fake.add_trained_model("churn")
    return [
        outcome(
            lambda: client.get_collaboration_trained_model(
                **dict(arn_and_collaboration(model), trainedModelArn="not-an-arn")
            )
        ),
        outcome(
            lambda: client.list_collaboration_trained_models(
                collaborationIdentifier=model["collaborationIdentifier"], maxResults=0
            )
        ),
        outcome(lambda: client.list_collaboration_trained_models(collaborationIdentifier="short")),
    ]


def list_in_pages(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    first = fake.add_trained_model("first")
    for name in ("second", "third"):
        fake.add_trained_model(name, collaboration_identifier=first["collaborationIdentifier"])
    collaboration = first["collaborationIdentifier"]
    page = client.list_collaboration_trained_models(collaborationIdentifier=collaboration, maxResults=2)
    return [
        comparable(page),
        outcome(
            lambda: client.list_collaboration_trained_models(
                collaborationIdentifier=collaboration, maxResults=2, nextToken=page["nextToken"]
            )
        ),
        outcome(
            lambda: client.list_collaboration_trained_models(
                collaborationIdentifier=collaboration, nextToken="not-a-token"
            )
        ),
    ]


def create_then_list_cancel_and_delete_output(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    done = fake.add_trained_model("done")
    membership = done["membershipIdentifier"]
    created = client.create_trained_model(**training_request(membership))
    in_membership = {"membershipIdentifier": membership, "trainedModelArn": created["trainedModelArn"]}
    return [
        comparable(created),
        outcome(lambda: client.get_trained_model(**in_membership)),
        outcome(lambda: client.list_trained_models(membershipIdentifier=membership)),
        outcome(lambda: client.list_trained_model_versions(**in_membership, status="ACTIVE")),
        outcome(lambda: client.cancel_trained_model(**in_membership)),
        outcome(lambda: client.cancel_trained_model(**in_membership)),  # not cancellable twice: a conflict
        outcome(
            lambda: client.delete_trained_model_output(
                membershipIdentifier=membership, trainedModelArn=done["trainedModelArn"]
            )
        ),
        outcome(lambda: client.get_trained_model(**in_membership)),
    ]


def scripted_failures(fake: CleanRoomsMLFake, client: Any, training_request: Any) -> Any:
    model = fake.add_trained_model("churn")
    fake.fail_next("GetCollaborationTrainedModel", "ThrottlingException", message="slow down")
    fake.fail_next("ListCollaborationTrainedModels", "InternalServerException")
    return [
        outcome(lambda: client.get_collaboration_trained_model(**arn_and_collaboration(model))),
        outcome(lambda: client.get_collaboration_trained_model(**arn_and_collaboration(model))),
        outcome(
            lambda: client.list_collaboration_trained_models(collaborationIdentifier=model["collaborationIdentifier"])
        ),
    ]


SCENARIOS = [
    get_latest_and_first_version,
    get_unknown_model_and_version,
    refuse_invalid_input,
    list_in_pages,
    create_then_list_cancel_and_delete_output,
    scripted_failures,
]


@pytest.fixture
def moto_answers_instead(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Leaves every request to moto's own way (its handler in-process, its router and setup_class)."""

    def switch() -> None:
        monkeypatch.setattr(in_process, "answer", lambda request: None)
        monkeypatch.setattr(operation_routes, "route", lambda method, raw_path: None)

    return switch


@pytest.fixture
def moto_way(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The requests that moto's setup_class prepared: those answered moto's own way."""
    prepared: list[str] = []
    setup_class = BaseResponse.setup_class

    def counted(response: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        prepared.append(request.method)
        return setup_class(response, request, *args, **kwargs)

    monkeypatch.setattr(BaseResponse, "setup_class", counted)
    return prepared


@pytest.fixture
def moto_handler(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The URLs of the in-process requests that reached moto's botocore handler."""
    reached: list[str] = []
    process_request = BotocoreStubber.process_request

    def counted(stubber: Any, request: Any) -> Any:
        reached.append(request.url)
        return process_request(stubber, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", counted)
    return reached


def run_scenario(scenario: Any, fake: CleanRoomsMLFake, make_fake_client: Any, training_request: Any) -> Any:
    fake.reset()
    mock_random.seed(20261128)  # the same identifiers both ways
    # Without botocore's checks and retries, the fake's own validation and errors show.
    client = make_fake_client(parameter_validation=False)
    return scenario(fake, client, training_request)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario.__name__ for scenario in SCENARIOS])
def test_each_answer_is_the_one_moto_s_way_gives(
    scenario: Any,
    fake: CleanRoomsMLFake,
    make_fake_client: Any,
    training_request: Any,
    moto_answers_instead: Any,
    moto_way: Any,
) -> None:
    requests: dict[str, dict[str, Any]] = {}

    def same_training_request(membership: Any) -> Any:
        """The same training request for the same membership, both ways."""
        return requests.setdefault(membership, training_request(membership))

    answered_directly = run_scenario(scenario, fake, make_fake_client, same_training_request)
    assert moto_way == []
    moto_answers_instead()
    answered_by_moto = run_scenario(scenario, fake, make_fake_client, same_training_request)

    assert moto_way  # the comparison did go moto's way
    assert answered_directly == answered_by_moto


def test_both_ways_answer_with_a_request_id_and_json(
    fake: CleanRoomsMLFake, new_client: Any, moto_answers_instead: Any
) -> None:
    model = fake.add_trained_model("churn")
    with fake.mock():
        answered_directly = new_client().get_collaboration_trained_model(**arn_and_collaboration(model))
        moto_answers_instead()
        answered_by_moto = new_client().get_collaboration_trained_model(**arn_and_collaboration(model))

    for response in (answered_directly, answered_by_moto):
        metadata = response["ResponseMetadata"]
        assert len(metadata["RequestId"]) == 52
        assert metadata["HTTPHeaders"]["content-type"] == "application/json"
        assert metadata["HTTPHeaders"]["server"] == "amazon.com"


def test_an_error_answered_directly_has_a_request_id_too(fake: CleanRoomsMLFake, make_fake_client: Any) -> None:
    model = fake.add_trained_model("churn")
    with pytest.raises(ClientError) as refused:
        make_fake_client(parameter_validation=False).get_collaboration_trained_model(
            **dict(arn_and_collaboration(model), trainedModelArn="not-an-arn")
        )

    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert len(refused.value.response["ResponseMetadata"]["RequestId"]) == 52


def test_moto_account_id_chooses_the_account(
    fake: CleanRoomsMLFake, new_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = CleanRoomsMLFake(region=REGION, account_id=OTHER_ACCOUNT)
    other.reset()
    model = other.add_trained_model("elsewhere")
    monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT)
    try:
        with fake.mock():
            response = new_client().get_collaboration_trained_model(**arn_and_collaboration(model))
    finally:
        other.reset()

    assert response["trainedModelArn"] == model["trainedModelArn"]


def test_an_access_key_made_by_moto_s_iam_chooses_its_account(
    fake: CleanRoomsMLFake, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = CleanRoomsMLFake(region=REGION, account_id=OTHER_ACCOUNT)
    other.reset()
    model = other.add_trained_model("elsewhere")
    try:
        with fake.mock():
            monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT)
            iam = boto3.client("iam", region_name=REGION)
            iam.create_user(UserName="trainer-" + mock_random.get_random_hex(8))
            key = iam.create_access_key(UserName=iam.list_users()["Users"][-1]["UserName"])["AccessKey"]
            monkeypatch.delenv("MOTO_ACCOUNT_ID")
            client = boto3.client(
                "cleanroomsml",
                region_name=REGION,
                aws_access_key_id=key["AccessKeyId"],
                aws_secret_access_key=key["SecretAccessKey"],
            )
            response = client.get_collaboration_trained_model(**arn_and_collaboration(model))
    finally:
        other.reset()

    assert response["trainedModelArn"] == model["trainedModelArn"]


def test_the_region_comes_from_the_endpoint(fake: CleanRoomsMLFake, aws_test_credentials: Any) -> None:
    ireland = CleanRoomsMLFake(region="eu-west-1")
    ireland.reset()
    model = ireland.add_trained_model("in-ireland")
    try:
        with fake.mock():
            found = boto3.client("cleanroomsml", region_name="eu-west-1").get_collaboration_trained_model(
                **arn_and_collaboration(model)
            )
            with pytest.raises(ClientError, match="ResourceNotFoundException"):
                boto3.client("cleanroomsml", region_name=REGION).get_collaboration_trained_model(
                    **arn_and_collaboration(model)
                )
    finally:
        ireland.reset()

    assert found["trainedModelArn"] == model["trainedModelArn"]


def test_other_services_are_left_to_moto(
    fake: CleanRoomsMLFake, moto_handler: Any, moto_way: Any, aws_test_credentials: Any
) -> None:
    with fake.mock():
        identity = boto3.client("sts", region_name=REGION).get_caller_identity()

    assert identity["Account"] == "123456789012"
    assert moto_handler == ["https://sts.us-east-1.amazonaws.com/"]
    assert moto_way == ["POST"]


def test_a_request_no_operation_answers_is_left_to_moto(moto_way: Any) -> None:
    # PUT on a path where Clean Rooms ML has only GET and POST.
    url = f"https://cleanrooms-ml.{REGION}.amazonaws.com/collaborations/{'0' * 36}/trained-models"
    request = normalize_request(AWSPreparedRequest("PUT", url, {}, b"", stream_output=False))

    status, _headers, _body = CleanRoomsMLResponse.dispatch(request)

    assert status == 404
    assert moto_way == ["PUT"]


def test_moto_s_request_recorder_sees_every_request(
    fake: CleanRoomsMLFake, make_fake_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = []
    monkeypatch.setattr(recorder, "_user_enabled", True)
    monkeypatch.setattr(recorder, "_record_request", lambda request, body=None: recorded.append(request.method))
    model = fake.add_trained_model("churn")

    found = make_fake_client().get_collaboration_trained_model(**arn_and_collaboration(model))

    assert found["name"] == "churn"
    assert recorded == ["GET"]


def test_a_request_does_not_load_moto_s_iam_until_something_else_does() -> None:
    # In a fresh interpreter: this one may have loaded moto's IAM already.
    script = textwrap.dedent(
        """
        import os, sys
        os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing")
        from pytest_cleanroomsml.fake import CleanRoomsMLFake
        import boto3

        fake = CleanRoomsMLFake()
        model = fake.add_trained_model("churn")
        with fake.mock():
            client = boto3.client("cleanroomsml", region_name="us-east-1")
            found = client.get_collaboration_trained_model(
                trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
            )
        print(found["name"], "moto.iam.models" in sys.modules)
        """
    )
    environment = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "MOTO_"))}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["churn", "False"]


def test_the_router_finds_every_operation_of_the_model_from_its_path() -> None:
    service_model = get_service_model("cleanroomsml")
    found = {}
    for operation in service_model.operation_names:
        http = service_model.operation_model(operation).http
        # Each label filled with a value of its own, percent-encoded as botocore sends it.
        path = re.sub(r"\{(\w+)\+?\}", lambda label: quote(f"{label.group(1)}/x", safe=""), http["requestUri"])
        found[operation] = operation_routes.route(http["method"], path.partition("?")[0])

    assert {operation: routed and routed[0] for operation, routed in found.items()} == {
        operation: operation for operation in service_model.operation_names
    }
    assert found["GetCollaborationTrainedModel"] == (
        "GetCollaborationTrainedModel",
        {"collaborationIdentifier": "collaborationIdentifier/x", "trainedModelArn": "trainedModelArn/x"},
    )
