"""The control API over HTTP (/_fake/): its answers, its refusals (which change nothing), and
CleanRoomsMLFake.connect() where it differs from the in-process controller's tests
(test_fake_controls.py runs those with both)."""

import datetime
import json
import re
import socket
import urllib.error
import urllib.request
import uuid
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.seed import apply_seed

GET = "GetCollaborationTrainedModel"
HAS_CLOCK = hasattr(CleanRoomsMLFake, "advance")
needs_clock = pytest.mark.skipif(not HAS_CLOCK, reason="needs the fake's clock (CleanRoomsMLFake.advance, clock)")


def control(endpoint_url: str, method: str, path: str, body: Any = None, raw: bytes | None = None) -> Any:
    """(HTTP status, JSON answer) of a control request; ``raw`` sends those bytes as the body."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(
        f"{endpoint_url}/_fake/{path}", data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refusal:
        with refusal:
            return refusal.code, json.loads(refusal.read())


def state(fake: CleanRoomsMLFake) -> Any:
    return fake.trained_models(), fake.latency, fake.calls


def get_model(client: Any, model: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )


# -- refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path, body, status, field, error_type, message",
    [
        ("POST", "set_status", b"{'status': 'ACTIVE'}", 400, None, "ValueError", "the body is not JSON"),
        ("POST", "fail_next", b"[1, 2]", 400, None, "ValueError", "must be a JSON object of fields, not list"),
        (
            "POST",
            "set_status",
            {"trained_model_arn": "{arn}", "status": "ACTIVE", "delay": 5},
            400,
            "delay",
            "TypeError",
            "unknown field 'delay'; set_status takes: trained_model_arn, status,",
        ),
        ("POST", "set_status", {"status": "ACTIVE"}, 400, "trained_model_arn", "TypeError", "is required"),
        (
            "POST",
            "set_status",
            {"trained_model_arn": "{arn}", "status": "ACTIVE", "after": "5"},
            400,
            "after",
            "TypeError",
            "after must be a number of seconds, not str '5'",
        ),
        (
            "POST",
            "fail_next",
            {"operation": GET, "error_code": "ThrottlingException", "times": 0},
            400,
            "times",
            "ValueError",
            "times must be from 1 to 10000, not 0",
        ),
        (
            "POST",
            "fail_next",
            {"operation": GET, "error_code": "Teapot"},
            400,
            "error_code",
            "ValueError",
            "Unknown error code 'Teapot'",
        ),
        ("POST", "latency", {"latency": -1}, 400, "latency", "ValueError", "latency must be a finite number"),
        ("POST", "latency", {"seconds": 1}, 400, "seconds", "TypeError", "unknown field 'seconds'"),
        (
            "POST",
            "add_trained_model",
            {"name": "x", "overrides": {"trainedModelArn": 5}},
            400,
            "overrides.trainedModelArn",
            "TypeError",
            "override trainedModelArn must be a string",
        ),
        (
            "POST",
            "add_trained_model",
            {"name": "x", "missing_members": "creatorAccountId"},
            400,
            "missing_members",
            "ValueError",
            "missing_members must be a list of member names",
        ),
        (
            "POST",
            "set_status",
            {"trained_model_arn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t"},
            400,
            "status",
            "TypeError",
            "status is required",
        ),
        (
            "POST",
            "set_status",
            {
                "trained_model_arn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t",
                "status": "ACTIVE",
            },
            404,
            "trained_model_arn",
            "LookupError",
            "Trained model arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t not found",
        ),
        (
            "POST",
            "set_status",
            {"trained_model_arn": "{arn}", "status": "ACTIVE", "version_identifier": "v-unknown"},
            404,
            "version_identifier",
            "LookupError",
            "Trained model version v-unknown of",
        ),
        (
            "POST",
            "models",
            {"models": [{"name": "fine"}, {"name": "broken", "status": 5}]},
            400,
            "models[1].status",
            "ValueError",
            "models[1].status: 5 is not of type 'string'",
        ),
        ("GET", "models", None, 400, "collaboration", "TypeError", "unknown field 'collaboration'"),
        (
            "GET",
            "teapot",
            None,
            404,
            None,
            "LookupError",
            "no control endpoint 'teapot'; there are: /_fake/add_trained_model",
        ),
        ("GET", "reset", None, 405, None, "ValueError", "/_fake/reset takes POST, not 'GET'"),
    ],
    ids=[
        "bad JSON",
        "not an object",
        "unknown field",
        "missing field",
        "wrong type",
        "out of range",
        "unknown error code",
        "negative latency",
        "latency by another name",
        "override of the wrong type",
        "missing_members not a list",
        "status left out",
        "unknown model",
        "unknown version",
        "bad seed document",
        "unknown query parameter",
        "unknown endpoint",
        "wrong method",
    ],
)
def test_a_bad_control_request_is_refused_naming_the_field_and_changes_nothing(
    fake: CleanRoomsMLFake,
    fake_endpoint_url: str,
    new_client: Any,
    method: str,
    path: str,
    body: Any,
    status: int,
    field: Any,
    error_type: str,
    message: str,
) -> None:
    model = fake.add_trained_model("churn")
    if path == "models" and method == "GET":
        path = "models?collaboration=x"
    if isinstance(body, dict):
        body = json.loads(json.dumps(body).replace("{arn}", model["trainedModelArn"]))
    before = state(fake)

    answer_status, answer = control(
        fake_endpoint_url, method, path, raw=body if isinstance(body, bytes) else None, body=body
    )

    assert answer_status == status
    assert answer["error"]["field"] == field
    assert answer["error"]["type"] == error_type
    assert message in answer["error"]["message"]
    assert state(fake) == before
    get_model(new_client(fake_endpoint_url), model)  # no failure was queued either


@pytest.mark.parametrize(
    "headers, status, message",
    [
        ({"Content-Type": "text/plain"}, 415, "send Content-Type: application/json, not 'text/plain'"),
        ({"Content-Type": "application/x-www-form-urlencoded"}, 415, "send Content-Type: application/json"),
        ({}, 415, "send Content-Type: application/json, not ''"),
        ({"Content-Type": "application/json", "Origin": "http://evil.example"}, 403, "does not answer web pages"),
    ],
    ids=["text/plain", "a form", "no content type", "from a web page"],
)
def test_what_a_web_page_can_send_steers_nothing(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, headers: Any, status: int, message: str
) -> None:
    """Browsers send these cross-site without asking first (no CORS preflight): a page must not reset the fake."""
    model = fake.add_trained_model("churn")
    request = urllib.request.Request(f"{fake_endpoint_url}/_fake/reset", method="POST", headers=headers)

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)

    with refused.value:
        assert refused.value.code == status
        assert message in json.loads(refused.value.read())["error"]["message"]
    assert fake.trained_models() == [model]


# -- answers --------------------------------------------------------------------------


def test_models_are_added_from_a_seed_document_with_their_versions_and_status_changes(
    fake: CleanRoomsMLFake, fake_endpoint_url: str
) -> None:
    collaboration = str(uuid.uuid4())
    document = {
        "models": [
            {
                "name": "churn",
                "collaborationIdentifier": collaboration,
                "status": "CREATE_FAILED",
                "statusDetails": {"statusCode": "OOM", "message": "out of memory"},
                "versions": [{"status": "CREATE_IN_PROGRESS", "statusChanges": [{"after": 0, "status": "ACTIVE"}]}],
            },
            {"name": "fraud", "missingMembers": ["creatorAccountId"]},
        ]
    }

    status, answer = control(fake_endpoint_url, "POST", "models", document)

    assert status == 200
    churn, churn_version, fraud = answer["models"]
    assert (churn["name"], churn["status"], churn["statusDetails"]["statusCode"]) == ("churn", "CREATE_FAILED", "OOM")
    assert churn_version["trainedModelArn"] == churn["trainedModelArn"]
    assert "creatorAccountId" not in fraud
    assert [model["status"] for model in fake.trained_models(collaboration)] == ["ACTIVE"]
    listed = json.loads(json.dumps(fake.trained_models(collaboration), default=datetime.datetime.isoformat))
    assert control(fake_endpoint_url, "GET", f"models?collaboration_identifier={collaboration}") == (
        200,
        {"models": listed},
    )


def test_latency_reads_and_sets_and_reset_clears_it(fake: CleanRoomsMLFake, fake_endpoint_url: str) -> None:
    assert control(fake_endpoint_url, "POST", "latency", {"latency": 0.25}) == (200, {"latency": 0.25})
    assert control(fake_endpoint_url, "GET", "latency") == (200, {"latency": 0.25})
    assert fake.latency == 0.25

    assert control(fake_endpoint_url, "POST", "reset") == (200, {})
    assert fake.latency == 0.0


def test_calls_are_read_as_json(fake: CleanRoomsMLFake, fake_endpoint_url: str, new_client: Any) -> None:
    model = fake.add_trained_model("churn")
    get_model(new_client(fake_endpoint_url), model)

    status, answer = control(fake_endpoint_url, "GET", "calls")

    assert status == 200
    assert answer == {
        "calls": [
            [
                GET,
                {
                    "trainedModelArn": model["trainedModelArn"],
                    "collaborationIdentifier": model["collaborationIdentifier"],
                },
            ]
        ]
    }


def test_a_connected_controller_applies_a_seed_document(fake: CleanRoomsMLFake, fake_endpoint_url: str) -> None:
    connected = CleanRoomsMLFake.connect(fake_endpoint_url)

    added = apply_seed(connected, {"models": [{"name": "churn", "versions": [{"status": "CREATE_IN_PROGRESS"}]}]})

    assert [model["name"] for model in added] == ["churn", "churn"]
    assert fake.trained_models() == [added[1]]  # the same datetimes, not strings


@pytest.mark.parametrize(
    "endpoint_url",
    ["127.0.0.1:5000", "ftp://127.0.0.1", "http://", 5000],
    ids=["no scheme", "ftp", "no host", "a number"],
)
def test_connect_refuses_what_is_no_endpoint_url(endpoint_url: Any) -> None:
    with pytest.raises(
        ValueError, match=re.escape("endpoint_url must be the fake's URL, such as http://127.0.0.1:5000")
    ):
        CleanRoomsMLFake.connect(endpoint_url)


def test_a_fake_that_is_not_there_is_a_connection_error() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    connected = CleanRoomsMLFake.connect(f"http://127.0.0.1:{port}")

    with pytest.raises(ConnectionError, match=f"cannot reach the fake's control API at http://127.0.0.1:{port}/_fake/"):
        connected.reset()


def test_a_server_that_is_no_fake_is_named_with_its_answer(fake_endpoint_url: str) -> None:
    # The Clean Rooms ML routes' answer, not the control API's: as from a server that is no fake.
    connected = CleanRoomsMLFake.connect(f"{fake_endpoint_url}/collaborations/c/trained-models")

    with pytest.raises(RuntimeError, match=r"answered HTTP 404, not the control API's"):
        connected.reset()


# -- the clock (CleanRoomsMLFake.advance and clock) -------------------------------------


@needs_clock
def test_advance_moves_the_clock_of_a_running_fake(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model("churn", status="CREATE_IN_PROGRESS")
    controller.set_status(model["trainedModelArn"], "ACTIVE", after=60)
    assert get_model(fake_client, model)["status"] == "CREATE_IN_PROGRESS"  # the first read starts the 60 s

    controller.advance(60)

    assert get_model(fake_client, model)["status"] == "ACTIVE"
    assert controller.clock() == 60


@needs_clock
def test_after_polls_changes_the_status_on_that_read(controller: Any, fake_client: Any) -> None:
    model = controller.add_trained_model("churn", status="CREATE_IN_PROGRESS")

    controller.set_status(model["trainedModelArn"], "ACTIVE", after_polls=2)

    assert [get_model(fake_client, model)["status"] for dummy in range(3)] == [
        "CREATE_IN_PROGRESS",
        "ACTIVE",
        "ACTIVE",
    ]


@needs_clock
@pytest.mark.parametrize(
    "call",
    [
        lambda controller, arn: controller.advance(-1),
        lambda controller, arn: controller.advance("5"),
        lambda controller, arn: controller.set_status(arn, "ACTIVE", after=5, after_polls=2),
    ],
    ids=["advance: negative", "advance: a string", "after and after_polls"],
)
def test_the_clock_refuses_bad_arguments_alike_in_process_and_connected(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, call: Any
) -> None:
    arn = fake.add_trained_model("churn")["trainedModelArn"]
    with pytest.raises((TypeError, ValueError)) as in_process:
        call(fake, arn)

    with pytest.raises(type(in_process.value)) as connected:
        call(CleanRoomsMLFake.connect(fake_endpoint_url), arn)

    assert str(connected.value) == str(in_process.value)
    assert fake.clock() == 0
