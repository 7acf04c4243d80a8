"""A server that answers the Clean Rooms ML calls the benchmarks make from bytes the fake rendered once.

Measured against the fake's server, a client-side figure also holds the server's CPU, which
shares the machine's processors with the code measured. This server costs next to nothing
per request: it reads the request fully (request line, headers and body), looks its method
and target up in a table of complete HTTP responses, waits the latency, and sends those bytes.

The table is filled once, by recording: while ``recording`` is on, each request is
forwarded to the fake's server as it came and the fake's response is kept, byte for byte
apart from the connection headers. `prerendered_models()` records the calls the benchmarks
make (GetCollaborationTrainedModel of every model, with and without the version the listing
names, and every page of ListCollaborationTrainedModels) with a plain boto3 client, then stops the fake. A request
that was not recorded gets a 400 error that says so, which fails the benchmark loudly.
"""

import contextlib
import http.client
import socket
import threading
import time
from urllib.parse import urlsplit

import boto3
from fake_playbook import FAKE_AWS_ENVIRONMENT
from pytest_cleanroomsml._shared.cleanroomsml_service import SERVICE_NAME

from benchmarks.fake_service import ServedFake, served_models

# Left out of a recorded response: this server keeps every connection open and sends Content-Length.
_CONNECTION_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length"}
_NOT_RECORDED = b'{"__type": "ValidationException", "message": "not pre-rendered: %s %s"}'


def _response_bytes(status, reason, headers, body):
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines.extend(f"{name}: {value}" for name, value in headers if name.lower() not in _CONNECTION_HEADERS)
    lines.extend([f"Content-Length: {len(body)}", "Connection: keep-alive", "", ""])
    return "\r\n".join(lines).encode("latin-1") + body


def _read_request(connection, buffered):
    """(method, target, headers, body, what is left of the buffer), or None when the client closed the connection."""
    while b"\r\n\r\n" not in buffered:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        buffered += chunk
    head, buffered = buffered.split(b"\r\n\r\n", 1)
    lines = head.split(b"\r\n")
    method, target = lines[0].split(b" ", 2)[:2]
    headers = [line.split(b":", 1) for line in lines[1:]]
    length = next((int(value) for name, value in headers if name.strip().lower() == b"content-length"), 0)
    while len(buffered) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        buffered += chunk
    return method, target, headers, buffered[:length], buffered[length:]


class PrerenderedServer:
    """Serves recorded responses on 127.0.0.1, one thread per connection; a context manager that yields itself.

    ``latency``: seconds each request waits before it is answered, as the fake's latency.
    ``upstream``: the fake's endpoint URL, which requests are forwarded to while ``recording``.
    """

    def __init__(self):
        self.upstream = None
        self.recording = False
        self.latency = 0.0
        self.answers = {}  # (method, target) as bytes: the complete response
        self.not_recorded = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.endpoint_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._upstream_local = threading.local()

    def __enter__(self):
        threading.Thread(target=self._accept, name="prerendered-accept", daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self._listener.close()
        return False

    def _accept(self):
        while True:
            try:
                connection = self._listener.accept()[0]
            except OSError:  # closed: the server is stopping
                return
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection):
        buffered = b""
        with connection:
            try:
                while True:
                    request = _read_request(connection, buffered)
                    if request is None:
                        return
                    method, target, headers, body, buffered = request
                    answer = (
                        self._record(method, target, headers, body)
                        if self.recording
                        else self.answers.get((method, target))
                    )
                    if answer is None:
                        self.not_recorded += 1
                        answer = _response_bytes(
                            400, "Bad Request", [("Content-Type", "application/json")], _NOT_RECORDED % (method, target)
                        )
                    if self.latency:
                        time.sleep(self.latency)
                    connection.sendall(answer)
            except OSError:  # the client went away mid-request
                return

    def _record(self, method, target, headers, body):
        upstream = getattr(self._upstream_local, "connection", None)
        if upstream is None:
            address = urlsplit(self.upstream)
            upstream = self._upstream_local.connection = http.client.HTTPConnection(address.hostname, address.port)
        forwarded = {name.strip().decode("latin-1"): value.strip().decode("latin-1") for name, value in headers}
        upstream.request(method.decode("ascii"), target.decode("latin-1"), body=body, headers=forwarded)
        response = upstream.getresponse()
        answer = _response_bytes(response.status, response.reason, response.getheaders(), response.read())
        self.answers[(method, target)] = answer
        return answer


def fake_client(endpoint_url, service=SERVICE_NAME):
    """A plain boto3 client of ``endpoint_url`` with the fake's credentials, whatever this process's environment
    holds."""
    session = boto3.session.Session(
        aws_access_key_id=FAKE_AWS_ENVIRONMENT["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=FAKE_AWS_ENVIRONMENT["AWS_SECRET_ACCESS_KEY"],
        aws_session_token=FAKE_AWS_ENVIRONMENT["AWS_SESSION_TOKEN"],
        region_name=FAKE_AWS_ENVIRONMENT["AWS_REGION"],
    )
    return session.client(service, endpoint_url=endpoint_url)


def record_calls(endpoint_url, served):
    """Make, through ``endpoint_url``, the calls the benchmarks make: a get of every model and the listing's pages."""
    client = fake_client(endpoint_url)
    for arn in served.arns:
        client.get_collaboration_trained_model(trainedModelArn=arn, collaborationIdentifier=served.collaboration)
    paginator = client.get_paginator("list_collaboration_trained_models")
    listing = paginator.paginate(collaborationIdentifier=served.collaboration).build_full_result()
    # List mode with details gets each listed version by its identifier.
    for summary in listing["collaborationTrainedModels"]:
        if "versionIdentifier" in summary:
            client.get_collaboration_trained_model(
                trainedModelArn=summary["trainedModelArn"],
                collaborationIdentifier=served.collaboration,
                versionIdentifier=summary["versionIdentifier"],
            )


@contextlib.contextmanager
def prerendered_models(count, latency=0.0):
    """Like fake_service.served_models, from pre-rendered bytes: yields a ServedFake whose ``fake`` is None.

    The fake renders every answer once and is stopped before anything is measured.
    """
    with PrerenderedServer() as server:
        with served_models(count) as served:
            server.upstream = served.endpoint_url
            server.recording = True
            record_calls(server.endpoint_url, served)
            server.recording = False
            arns = served.arns
        server.latency = latency
        yield ServedFake(None, server.endpoint_url, arns)
        if server.not_recorded:
            raise RuntimeError(
                f"{server.not_recorded} requests were not pre-rendered; "
                "the benchmark made calls record_calls() does not"
            )
