"""The pre-rendered server answers what the fake answers, reads each request fully, and refuses what it was not
given."""

import socket

import pytest

from benchmarks.fake_service import served_models
from benchmarks.prerendered_service import (
    PrerenderedServer,
    fake_client,
    record_calls,
)

PAGINATOR = "list_collaboration_trained_models"


@pytest.fixture(name="both")
def fixture_both():
    """(a client of the fake's server, a client of the pre-rendered server recorded from it, what was served); both
    keep running."""
    with PrerenderedServer() as server, served_models(3) as served:
        served.fake.add_version(served.arns[0], "CREATE_IN_PROGRESS")
        server.upstream = served.endpoint_url
        server.recording = True
        record_calls(server.endpoint_url, served)
        server.recording = False
        yield fake_client(served.endpoint_url), fake_client(server.endpoint_url), served, server


def _without_metadata(response):
    return {member: value for member, value in response.items() if member != "ResponseMetadata"}


def _pages(client, collaboration):
    return [
        _without_metadata(page)
        for page in client.get_paginator(PAGINATOR).paginate(collaborationIdentifier=collaboration)
    ]


def test_the_gets_are_answered_as_the_fake_answers_them(both):
    fake, prerendered, served, server = both
    summaries = fake.list_collaboration_trained_models(collaborationIdentifier=served.collaboration)[
        "collaborationTrainedModels"
    ]
    requests = [{"trainedModelArn": arn} for arn in served.arns]
    requests += [
        {"trainedModelArn": summary["trainedModelArn"], "versionIdentifier": summary["versionIdentifier"]}
        for summary in summaries
    ]

    for request in requests:
        expected = _without_metadata(
            fake.get_collaboration_trained_model(collaborationIdentifier=served.collaboration, **request)
        )

        assert (
            _without_metadata(
                prerendered.get_collaboration_trained_model(collaborationIdentifier=served.collaboration, **request)
            )
            == expected
        )
    assert server.not_recorded == 0


def test_the_listing_pages_are_answered_as_the_fake_answers_them(both):
    fake, prerendered, served, server = both

    assert _pages(prerendered, served.collaboration) == _pages(fake, served.collaboration)
    assert server.not_recorded == 0


def test_a_request_not_recorded_is_refused_and_counted(both):
    _fake, prerendered, served, server = both

    with pytest.raises(prerendered.exceptions.ValidationException, match="not pre-rendered"):
        prerendered.get_collaboration_trained_model(
            trainedModelArn=served.arns[0] + "-unknown", collaborationIdentifier=served.collaboration
        )
    assert server.not_recorded == 1


def _read_response(connection, buffered):
    """(status line, body, what is left) of one HTTP response read from a socket."""
    while b"\r\n\r\n" not in buffered:
        buffered += connection.recv(65536)
    head, buffered = buffered.split(b"\r\n\r\n", 1)
    length = next(
        int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
    )
    while len(buffered) < length:
        buffered += connection.recv(65536)
    return head.split(b"\r\n")[0], buffered[:length], buffered[length:]


def test_each_request_is_read_fully_body_included_before_the_next_on_the_same_connection(both):
    _fake, _prerendered, _served, server = both
    (method, target), answer = next(iter(server.answers.items()))
    with_body = b'%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n{"a":1}' % (method, target)
    without_body = b"%s %s HTTP/1.1\r\nHost: x\r\n\r\n" % (method, target)

    with socket.create_connection(("127.0.0.1", int(server.endpoint_url.rsplit(":", 1)[1]))) as connection:
        connection.sendall(
            with_body + without_body
        )  # both at once: the first body must not be taken for the second request
        first_status, first_body, buffered = _read_response(connection, b"")
        second_status, second_body, buffered = _read_response(connection, buffered)

    assert first_status == second_status == b"HTTP/1.1 200 OK"
    assert first_body == second_body == answer.partition(b"\r\n\r\n")[2]
    assert server.not_recorded == 0
