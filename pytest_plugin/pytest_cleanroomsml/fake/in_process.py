"""The fake's in-process transport: moto answers this process's boto3 requests during ``mock()``.

``moto.mock_aws()`` could, but every start of it also registers some 1,300 ``responses``
callbacks for the ``requests`` library, which boto3 does not use, that stay registered when
moto's state is kept: milliseconds per test. Here an instance of moto's own botocore handler
answers, one that only ``answering()`` switches on. It routes every moto service as
``mock_aws()`` does, and a user's ``mock_aws()`` starting or stopping leaves it alone;
Clean Rooms ML requests it answers through in_process_answers, which skips moto's HTTP emulation.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.handlers import BUILTIN_HANDLERS
from moto.core.botocore_stubber import BotocoreStubber, MockRawResponse

from . import in_process_answers

# The credentials mock_aws() puts in the environment, so that no real ones sign a request.
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "FOOBARKEY",
    "AWS_SECRET_ACCESS_KEY": "FOOBARSECRET",
}


class FakeFirstStubber(BotocoreStubber):
    """moto's handler, which lets in_process_answers answer Clean Rooms ML requests first."""

    def __call__(self, event_name: str, request: AWSPreparedRequest, **kwargs: Any) -> AWSResponse | None:
        if self.enabled:
            answer = in_process_answers.answer(event_name, request)
            if answer is not None:
                status, headers, body = answer
                return AWSResponse(request.url, status, headers, MockRawResponse(body))
        return super().__call__(event_name, request, **kwargs)


# Every botocore Session created from now on calls it before sending (moto adds its own the
# same way); one created before this import does not, nor do its clients.
STUBBER = FakeFirstStubber()
BUILTIN_HANDLERS.append(("before-send", STUBBER))


class _Switch:
    """Turns STUBBER on for the outermost of nested, possibly concurrent, ``answering()`` blocks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._environment: dict[str, str | None] = {}
        self._default_session: boto3.session.Session | None = None

    def enter(self) -> None:
        with self._lock:
            self._depth += 1
            if self._depth > 1:
                return
            self._environment = {name: os.environ.get(name) for name in FAKE_CREDENTIALS}
            os.environ.update(FAKE_CREDENTIALS)
            # As mock_aws(): boto3.client() builds a new default Session, one that has STUBBER
            # and the fake credentials, rather than reuse one that may predate both.
            self._default_session = boto3.DEFAULT_SESSION
            boto3.DEFAULT_SESSION = None
            STUBBER.enabled = True

    def exit(self) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth > 0:
                return
            STUBBER.enabled = False
            boto3.DEFAULT_SESSION = self._default_session
            self._default_session = None
            for name, value in self._environment.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


_switch = _Switch()


@contextlib.contextmanager
def answering() -> Iterator[None]:
    """boto3 requests of this process reach moto's backends meanwhile. Nests; resets nothing."""
    _switch.enter()
    try:
        yield
    finally:
        _switch.exit()
