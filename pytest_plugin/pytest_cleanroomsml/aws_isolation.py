"""Keep a test that uses the fake away from the real AWS configuration of the machine it runs on."""

from __future__ import annotations

import os

import pytest

# The values moto's documentation recommends: any request that escaped the fake would be refused.
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


def isolate_from_real_aws(monkeypatch: pytest.MonkeyPatch, region: str) -> None:
    """For the test, replace every AWS_* variable with fake credentials, ``region`` and empty config files.

    A real profile, key or AWS_ENDPOINT_URL left in the environment, or the shared config and
    credentials files, could otherwise sign requests with real keys or send them past the fake.
    Subprocesses started during the test inherit the same environment.
    """
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", region)
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
