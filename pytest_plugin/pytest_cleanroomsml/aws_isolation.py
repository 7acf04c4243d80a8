"""Keep a test that uses the fake away from the real AWS configuration of the machine it runs on."""

from __future__ import annotations

import os

import pytest

from .fake.in_process import FAKE_CREDENTIALS


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
