"""The fake's HTTP server answers the Clean Rooms ML routes only: moto's control API, its other services and
CORS are not reachable (a web page in a developer's browser could otherwise reset, dump or drive it)."""

import http.client
import json
import urllib.parse

import pytest

# (method, path, headers, body): each must get a 404 and change nothing.
FOREIGN_REQUESTS = [
    ("POST", "/moto-api/reset", {}, b""),
    ("GET", "/moto-api/data.json", {}, b""),
    ("GET", "/moto-api/", {}, b""),
    ("POST", "/moto-api/recorder/start-recording", {}, b""),
    ("POST", "/moto-api/recorder/replay-recording", {}, b""),
    ("POST", "/moto-api/seed?a=42", {}, b""),
    ("POST", "/moto-api/state-manager/set-transition", {}, b'{"model_name": "x"}'),
    ("GET", "/latest/meta-data/iam/security-credentials/", {}, b""),
    # Another moto service on the same port: S3 (the default for anything moto cannot place) and SQS.
    ("PUT", "/some-bucket", {}, b""),
    (
        "POST",
        "/",
        {"Content-Type": "application/x-www-form-urlencoded"},
        b"Action=CreateQueue&QueueName=q&Version=2012-11-05",
    ),
    # A CORS preflight from a web page.
    (
        "OPTIONS",
        "/collaborations/x/trained-models",
        {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
        b"",
    ),
]


def request(endpoint_url, method, path, headers=None, body=b""):
    address = urllib.parse.urlsplit(endpoint_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@pytest.mark.secrets
@pytest.mark.parametrize(
    "method, path, headers, body",
    FOREIGN_REQUESTS,
    ids=[f"{case[0]} {case[1][:40]}" for case in FOREIGN_REQUESTS],
)
def test_only_clean_rooms_ml_is_served(
    cleanroomsml_fake, cleanroomsml_server, cleanroomsml_client, method, path, headers, body
):
    model = cleanroomsml_fake.add_trained_model("churn")

    status, answer_headers, _answer = request(
        cleanroomsml_server, method, path, dict(headers, Origin="http://evil.example"), body
    )

    assert status == 404
    assert not [name for name in answer_headers if name.lower().startswith("access-control-")]
    # Nothing was reset: the model is still there.
    assert (
        cleanroomsml_client.get_collaboration_trained_model(
            trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
        )["name"]
        == "churn"
    )


@pytest.mark.secrets
def test_clean_rooms_ml_answers_carry_no_cors_headers(cleanroomsml_fake, cleanroomsml_server):
    model = cleanroomsml_fake.add_trained_model("churn")
    path = "/collaborations/{}/trained-models/{}".format(
        model["collaborationIdentifier"],
        urllib.parse.quote(model["trainedModelArn"], safe=""),
    )

    status, answer_headers, answer = request(cleanroomsml_server, "GET", path, {"Origin": "http://evil.example"})

    assert status == 200 and json.loads(answer)["name"] == "churn"
    assert not [name for name in answer_headers if name.lower().startswith("access-control-")]


@pytest.mark.bad_input
def test_a_huge_request_body_is_refused_unread(cleanroomsml_fake, cleanroomsml_server):
    membership = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    body = b'{"name": "' + b"x" * (5 * 1024 * 1024) + b'"}'

    status, _headers, answer = request(
        cleanroomsml_server,
        "POST",
        f"/memberships/{membership}/trained-models",
        {"Content-Type": "application/json"},
        body,
    )

    assert status == 413 and b"limited to" in answer
    assert cleanroomsml_fake.calls == []
