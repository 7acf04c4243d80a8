"""Answer the fake's in-process requests without moto's emulation of an HTTP server.

moto answers a request made in-process as it answers one that came over HTTP: it builds a
werkzeug request from botocore's, and finds the service among the URL patterns of every
service it has. Together that costs about as much as botocore's own round trip, and
botocore already knows the answer: it names the operation in the event it sends the
request with (``before-send.cleanroomsml.<Operation>``).

So a Clean Rooms ML request is answered here from that name, the members its path carries,
and ``CleanRoomsMLResponse.answer``, which keeps moto's rules for account, Region,
parameters and errors. Anything else (another host, an operation the fake does not serve,
moto's request recorder switched on) goes on to moto. tests/test_fake_direct_answers.py
checks that the answers are the ones moto's own way gives.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from botocore.awsrequest import AWSPreparedRequest
from moto.core.common_types import TYPE_RESPONSE
from moto.moto_api import recorder
from werkzeug.datastructures import Headers, MultiDict

from . import operation_routes, urls
from .models import BOTOCORE_SERVICE_NAME
from .responses import CleanRoomsMLResponse, serves

# Every event botocore sends a request with: before-send.<service id>.<operation>.
_EVENT_PREFIX = f"before-send.{BOTOCORE_SERVICE_NAME}."
_HOSTS = [re.compile(base) for base in urls.url_bases]


@dataclasses.dataclass(frozen=True)
class InProcessRequest:
    """What moto's parser and the fake's response class read from a request, taken from botocore's."""

    method: str
    raw_url: str
    path: str
    headers: Headers
    data: bytes
    values: MultiDict
    from_wsgi_server: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


def answer(event_name: str, request: AWSPreparedRequest) -> TYPE_RESPONSE | None:
    """(status, headers, body) for a Clean Rooms ML request; None leaves the request to moto."""
    operation = event_name[len(_EVENT_PREFIX) :] if event_name.startswith(_EVENT_PREFIX) else ""
    # The recorder records moto's own request objects; it keeps moto's way.
    if not serves(operation) or getattr(recorder, "_user_enabled", True):
        return None
    if not any(host.match(request.url) for host in _HOSTS):
        return None
    parts = urlsplit(request.url)
    path_members = operation_routes.path_members(operation, parts.path)
    if path_members is None:
        return None
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
