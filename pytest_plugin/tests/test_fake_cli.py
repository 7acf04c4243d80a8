"""cleanroomsml-fake, the standalone server: run for real in a subprocess, errors in-process."""

import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pytest_cleanroomsml.fake.cli import main

PLUGIN_ROOT = Path(__file__).resolve().parents[1]
MEMBERSHIP = "11111111-2222-4333-8444-555555555555"
ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
SEED = f"""
models:
  - name: churn
    overrides: {{membershipIdentifier: {MEMBERSHIP}, trainedModelArn: {ARN}}}
"""


def start_cli(*arguments: Any) -> Any:
    python_path = os.pathsep.join(filter(None, [str(PLUGIN_ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "pytest_cleanroomsml.fake.cli", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
    )


def read_line(stream: Any, timeout: Any = 30) -> Any:
    ready = select.select([stream], [], [], timeout)[0]
    assert ready, f"nothing printed within {timeout} s"
    return stream.readline().rstrip("\n")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serves_the_seed_until_a_signal(tmp_path: Path, new_client: Any, stop_signal: Any) -> None:
    seed = tmp_path / "models.yaml"
    seed.write_text(SEED)
    process = start_cli("--port", "0", "--seed", str(seed), "--latency", "0.2")
    try:
        endpoint_url = read_line(process.stdout)
        client = new_client(endpoint_url)

        started = time.monotonic()
        model = client.get_trained_model(membershipIdentifier=MEMBERSHIP, trainedModelArn=ARN)

        assert endpoint_url.startswith("http://127.0.0.1:")
        assert model["name"] == "churn"
        assert time.monotonic() - started >= 0.2
    finally:
        process.send_signal(stop_signal)
        stderr = process.communicate(timeout=30)[1]
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr


def test_a_bad_seed_file_is_reported_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = tmp_path / "models.yaml"
    seed.write_text("models:\n  - name: churn\n  - name: broken\n    status: 5\n")

    with pytest.raises(SystemExit) as exited:
        main(["--seed", str(seed)])

    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"cleanroomsml-fake: error: {seed}: models[1].status: 5 is not of type 'string' (line 4, column 13)\n"
    )


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--port", "http"], "argument --port: 'http' is not a port number"),
        (["--latency", "-1"], "argument --latency: '-1' is not a number of seconds"),
        (
            ["--region", "mars-north-1"],
            "argument --region: invalid choice: 'mars-north-1'",
        ),
        (["--colour"], "unrecognized arguments: --colour"),
    ],
)
def test_bad_arguments_are_argparse_errors(capsys: pytest.CaptureFixture[str], arguments: Any, message: Any) -> None:
    with pytest.raises(SystemExit) as exited:
        main(arguments)

    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_a_port_in_use_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        with pytest.raises(SystemExit) as exited:
            main(["--port", str(port)])

    assert exited.value.code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err
