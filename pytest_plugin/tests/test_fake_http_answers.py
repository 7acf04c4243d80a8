"""What the fake's HTTP server says besides its answers: one Server header, a request log without colour
codes off a terminal, and a warning when it listens beyond this machine."""

import os
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
import warnings
from pathlib import Path

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.controller import ExposedControlWarning

PLUGIN_ROOT = Path(__file__).resolve().parents[1]


def raw_answer_headers(endpoint_url: str, method: str, path: str, headers: str = "") -> list[tuple[str, str]]:
    """The header lines exactly as sent, repeated ones included (http.client and urllib merge them)."""
    address = urllib.parse.urlsplit(endpoint_url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
        connection.sendall(f"{method} {path} HTTP/1.1\r\nHost: fake\r\n{headers}Connection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    return [tuple(part.strip() for part in line.split(":", 1)) for line in head.split("\r\n")[1:]]  # type: ignore[misc]


def start_cleanroomsml_fake(*arguments: str) -> subprocess.Popen[str]:
    """``cleanroomsml-fake --port 0 ARGUMENTS`` in a process of its own, its output and error pipes (not a terminal)."""
    python_path = os.pathsep.join(filter(None, [str(PLUGIN_ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "pytest_cleanroomsml.fake.cli", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
    )


@pytest.mark.parametrize(
    "method, path, headers",
    [
        ("GET", "/collaborations/{collaboration}/trained-models/{arn}", ""),
        ("GET", "/collaborations/{collaboration}/trained-models/unknown", ""),
        ("GET", "/_fake/latency", ""),
        ("POST", "/_fake/reset", "Content-Type: text/plain\r\nContent-Length: 0\r\n"),
        ("GET", "/moto-api/data.json", ""),
        ("POST", "/memberships/m/trained-models", f"Content-Length: {10**9}\r\n"),
    ],
    ids=["a model", "an unknown model", "a control answer", "a control refusal", "not served", "a body too big"],
)
def test_every_answer_has_one_server_header(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, method: str, path: str, headers: str
) -> None:
    model = fake.add_trained_model("churn")
    path = path.format(
        collaboration=model["collaborationIdentifier"], arn=urllib.parse.quote(model["trainedModelArn"], safe="")
    )

    answer_headers = raw_answer_headers(fake_endpoint_url, method, path, headers)

    assert [value for name, value in answer_headers if name.lower() == "server"] == ["amazon.com"]


def test_the_request_log_has_no_colour_codes_when_stderr_is_a_pipe() -> None:
    process = start_cleanroomsml_fake()
    try:
        endpoint_url = process.stdout.readline().strip()  # type: ignore[union-attr]
        # werkzeug colours a 404 yellow and any other 4xx bold red.
        raw_answer_headers(endpoint_url, "GET", "/moto-api/data.json")
        raw_answer_headers(endpoint_url, "GET", "/_fake/latency?x=1")
    finally:
        process.terminate()
        stderr = process.communicate(timeout=30)[1]

    assert '"GET /moto-api/data.json HTTP/1.1" 404' in stderr
    assert '"GET /_fake/latency?x=1 HTTP/1.1" 400' in stderr
    assert "\x1b[" not in stderr


def test_listening_beyond_this_machine_is_warned_of() -> None:
    fake = CleanRoomsMLFake()

    exposed = pytest.warns(
        ExposedControlWarning, match=r"listens on 0\.0\.0\.0.*whoever reaches it can change its state"
    )
    with exposed, fake.server(host="0.0.0.0") as endpoint_url:
        assert endpoint_url.startswith("http://0.0.0.0:")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ExposedControlWarning)
        for host in ("127.0.0.1", "localhost"):
            with fake.server(host=host) as endpoint_url:
                assert urllib.request.urlopen(f"{endpoint_url}/_fake/latency", timeout=30).status == 200


def test_cleanroomsml_fake_warns_on_standard_error_when_it_listens_beyond_this_machine() -> None:
    process = start_cleanroomsml_fake("--host", "0.0.0.0")
    try:
        endpoint_url = process.stdout.readline().strip()  # type: ignore[union-attr]
    finally:
        process.terminate()
        stderr = process.communicate(timeout=30)[1]

    assert endpoint_url.startswith("http://0.0.0.0:")
    assert stderr.startswith(
        "cleanroomsml-fake: warning: the fake listens on 0.0.0.0, not only on this machine's loopback address: "
        "whoever reaches it can change its state through its control API (/_fake/), unauthenticated\n"
    )
