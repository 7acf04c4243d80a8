"""The fake over HTTP: moto's app for the Clean Rooms ML backend alone, on a thread.

moto's ThreadedMotoServer serves every moto service and moto's own control API
(``/moto-api/``: reset, state dump, recorder and replay, seeding), unauthenticated, with
CORS that reflects any origin, so that a web page open in a developer's browser could
reach it. This server answers the Clean Rooms ML routes (urls.py) only, without CORS
headers, and refuses request bodies over MAX_BODY_BYTES; anything else gets a 404.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._shared.cleanroomsml_service import SERVICE_NAME
from . import urls

# Far more than any Clean Rooms ML request (a few kB): a bigger body is refused unread.
MAX_BODY_BYTES = 4 * 1024 * 1024
_ROUTES = [re.compile(path.format("")) for path in urls.url_paths]


def _json_answer(start_response: Callable[..., Any], status: str, error_type: str, message: str) -> list[bytes]:
    body = json.dumps({"message": message}).encode("utf-8")
    start_response(
        status,
        [("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("x-amzn-ErrorType", error_type)],
    )
    return [body]


class CleanRoomsMLApplication:
    """A WSGI application: Clean Rooms ML requests go to moto's app for this backend, the rest get a 404."""

    def __init__(self) -> None:
        # Through the module: moto types create_backend_app for the names of its own services only.
        werkzeug_app = importlib.import_module("moto.moto_server.werkzeug_app")
        self.backend_app = werkzeug_app.create_backend_app(SERVICE_NAME)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") == "OPTIONS" or not any(route.match(path) for route in _ROUTES):
            return _json_answer(
                start_response, "404 Not Found", "UnknownOperationException", "not a Clean Rooms ML route"
            )
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY_BYTES + 1
        if length > MAX_BODY_BYTES or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _json_answer(
                start_response,
                "413 Request Entity Too Large",
                "ValidationException",
                f"request bodies are limited to {MAX_BODY_BYTES} bytes (with a Content-Length)",
            )

        def start_without_cors(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            kept = [(name, value) for name, value in headers if not name.lower().startswith("access-control-")]
            return start_response(status, kept, exc_info)

        answer: Iterable[bytes] = self.backend_app(environ, start_without_cors)
        return answer


@contextlib.contextmanager
def serve_on_thread(host: str, port: int) -> Iterator[tuple[str, int]]:
    """Serve CleanRoomsMLApplication on a thread for the ``with`` block; yields the bound (host, port)."""
    from werkzeug.serving import make_server

    # werkzeug's own request handler: moto's (5.2.5 and later) only keeps header names with
    # underscores, which S3 metadata has and Clean Rooms ML requests do not.
    server = make_server(host, port, CleanRoomsMLApplication(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="cleanroomsml-fake-server", daemon=True)
    thread.start()
    try:
        bound_host, bound_port = server.server_address[:2]
        yield str(bound_host), bound_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
