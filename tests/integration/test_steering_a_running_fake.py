"""docs/fake.md, "Steering a running fake": its playbook and its curl lines, run against a real cleanroomsml-fake."""

import json
import re
import shlex
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from fake_playbook import BUILD, run_playbook
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.control_api import ENDPOINTS

ROOT = Path(__file__).resolve().parents[2]
SECTION = (ROOT / "docs" / "fake.md").read_text(encoding="utf-8").split("## Steering a running fake", 1)[1]
DOCUMENTED_URL = "http://127.0.0.1:5000"
# Lines that need the fake's clock (CleanRoomsMLFake.advance, set_status's after_polls).
CLOCK_LINES = re.compile(r"/_fake/(advance|clock)|after_polls")


def fenced(language):
    return re.findall(rf"^```{language}\n(.*?)^```", SECTION, flags=re.MULTILINE | re.DOTALL)


@pytest.fixture
def running_fake():
    """The URL of a cleanroomsml-fake started for the test, stopped after it."""
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "cleanroomsml-fake"), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        stderr = process.communicate(timeout=30)[1]
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr


def replay(line, endpoint_url):
    """(status, JSON answer) of a documented curl line, sent by urllib to ``endpoint_url``."""
    arguments = shlex.split(line)
    assert arguments[:2] == ["curl", "-s"], line
    method, headers, body, url = "GET", {}, None, None
    words = iter(arguments[2:])
    for word in words:
        if word == "-X":
            method = next(words)
        elif word == "-H":
            name, value = next(words).split(": ", 1)
            headers[name] = value
        elif word == "-d":
            body = next(words).encode()
        else:
            assert url is None, f"two URLs in {line}"
            url = word
    assert url.startswith(f"{DOCUMENTED_URL}/_fake/"), line
    request = urllib.request.Request(url.replace(DOCUMENTED_URL, endpoint_url), body, headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refusal:
        with refusal:
            return refusal.code, json.loads(refusal.read())


def test_each_documented_curl_line_is_accepted(running_fake):
    (block,) = fenced("sh")
    lines = block.splitlines()
    documented_endpoints = {re.search(r"/_fake/(\w+)", line).group(1) for line in lines}
    connected = CleanRoomsMLFake.connect(running_fake)

    for line in lines:
        if CLOCK_LINES.search(line) and not hasattr(CleanRoomsMLFake, "advance"):
            continue  # the clock is not in this fake yet
        status, answer = replay(line, running_fake)
        assert status == 200, (line, answer)

    assert documented_endpoints == {name for dummy, name in ENDPOINTS}
    assert connected.trained_models() == []  # the last lines reset it


def test_the_documented_playbook_steers_a_running_fake(running_fake):
    (playbook,) = fenced("yaml")
    with tempfile.NamedTemporaryFile("w", suffix=".yml", dir=BUILD) as handle:
        handle.write(playbook)
        handle.flush()
        result = run_playbook(handle.name, running_fake, capture=True)

    assert result.returncode == 0, (result.stdout + result.stderr)[-8000:]
    assert "failed=0" in result.stdout
