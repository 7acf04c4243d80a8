"""The fake's in-process transport: moto answers this process's boto3 requests during ``mock()``.

``moto.mock_aws()`` could, but every start of it also registers some 1,300 ``responses``
callbacks for the ``requests`` library, which boto3 does not use, that stay registered when
moto's state is kept: milliseconds per test. Here an instance of moto's own botocore handler
answers, one that only ``answering()`` switches on. It routes every moto service as
``mock_aws()`` does, and a user's ``mock_aws()`` starting or stopping leaves it alone.

moto answers a request made in-process as it answers one that came over HTTP: it builds a
werkzeug request from botocore's and searches the URL patterns of every service it has,
which together cost about as much as botocore's own round trip. A Clean Rooms ML request is
answered here instead from the fake's router (operation_routes) and
``CleanRoomsMLResponse.answer``, which keeps moto's rules for account, Region, parameters and
errors. Anything else (another host, an operation the fake does not serve, moto's request
recorder switched on) goes on to moto. tests/test_fake_direct_answers.py checks that the
answers are the ones moto's own way gives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from moto.core.botocore_stubber import BotocoreStubber, MockRawResponse
from moto.core.common_types import TYPE_RESPONSE
from moto.moto_api import recorder
from werkzeug.datastructures import Headers, MultiDict

from . import operation_routes, urls
from .botocore_handler import forward_to
from .responses import CleanRoomsMLResponse, serves

# The credentials mock() puts in the environment, so that no real ones sign a request: the
# values moto's documentation recommends, which any request that escaped the fake would see refused.
# The pytest fixtures and the playbook helpers use these too.
FAKE_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
}
_HOSTS = [re.compile(base) for base in urls.url_bases]


@dataclasses.dataclass(frozen=True)
class InProcessRequest:
    """What moto's parser and the fake's response class read from a request, taken from botocore's."""

    method: str
    raw_url: str
    path: str
    headers: Headers
    data: bytes
    values: MultiDict[str, str]
    from_wsgi_server: bool = False

    @property
    def content_type(self) -> str:
        return str(self.headers.get("Content-Type", ""))


def answer(request: AWSPreparedRequest) -> TYPE_RESPONSE | None:
    """(status, headers, body) for a Clean Rooms ML request; None leaves the request to moto."""
    # The recorder records moto's own request objects; it keeps moto's way.
    if getattr(recorder, "_user_enabled", True) or not any(host.match(request.url) for host in _HOSTS):
        return None
    parts = urlsplit(request.url)
    routed = operation_routes.route(request.method, parts.path)
    if routed is None or not serves(routed[0]):
        return None
    operation, path_members = routed
    body = request.body or b""
    in_process_request = InProcessRequest(
        method=request.method,
        raw_url=request.url,
        path=unquote(parts.path),
        # Case-insensitive, and text, as moto reads them (botocore sends some as bytes).
        headers=Headers(
            [
                (name, value.decode("utf-8") if isinstance(value, bytes) else value)
                for name, value in request.headers.items()
            ]
        ),
        data=body.encode("utf-8") if isinstance(body, str) else body,
        values=MultiDict(parse_qsl(parts.query, keep_blank_values=True)),
    )
    return CleanRoomsMLResponse().answer(operation, in_process_request, path_members)


class FakeFirstStubber(BotocoreStubber):
    """moto's handler, which lets ``answer`` take Clean Rooms ML requests first."""

    def __call__(self, event_name: str, request: AWSPreparedRequest, **kwargs: Any) -> AWSResponse | None:
        if self.enabled:
            answered = answer(request)
            if answered is not None:
                status, headers, body = answered
                return AWSResponse(request.url, status, headers, MockRawResponse(body))
        response: AWSResponse | None = super().__call__(event_name, request, **kwargs)
        return response


STUBBER = FakeFirstStubber()


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
            # A Session created before this never calls STUBBER: the pytest plugin installs the
            # forwarder at start-up, so that clients made while test modules import reach it too.
            forward_to(STUBBER)
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
