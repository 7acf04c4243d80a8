"""The fake over HTTP: moto's app for the Clean Rooms ML backend alone, and the fake's control API, on a thread.

moto's ThreadedMotoServer serves every moto service and moto's own control API
(``/moto-api/``: reset, state dump, recorder and replay, seeding), unauthenticated, with
CORS that reflects any origin, so that a web page open in a developer's browser could
reach it. This server answers the Clean Rooms ML routes (urls.py) and the fake's own
control API (control_api.py, under ``/_fake/``) only, without CORS headers, and refuses
request bodies over MAX_BODY_BYTES; anything else gets a 404.

Every answer carries one Server header (werkzeug's request handler and moto's app each add
one), and the request log has no colour codes unless standard error is a terminal.
"""

from __future__ import annotations

import contextlib
import importlib
import ipaddress
import json
import logging
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from werkzeug.serving import WSGIRequestHandler

from .._shared.cleanroomsml_service import SERVICE_NAME
from . import urls
from .control_api import PATH_PREFIX, ControlAPI

# Far more than any Clean Rooms ML request (a few kB): a bigger body is refused unread.
MAX_BODY_BYTES = 4 * 1024 * 1024
_ROUTES = [re.compile(path.format("")) for path in urls.url_paths]
# What AWS's own answers carry; the one Server header of every answer.
SERVER_HEADER = ("Server", "amazon.com")
# werkzeug colours the status part of its request log with these (ECMA-48 SGR sequences).
_COLOUR_CODES = re.compile(r"\x1b\[[0-9;]*m")


def _json_answer(start_response: Callable[..., Any], status: str, error_type: str, message: str) -> list[bytes]:
    body = json.dumps({"message": message}).encode("utf-8")
    start_response(
        status,
        [("Content-Type", "application/json"), ("Content-Length", str(len(body))), ("x-amzn-ErrorType", error_type)],
    )
    return [body]


class CleanRoomsMLApplication:
    """A WSGI application: Clean Rooms ML requests go to moto's app for this backend, control
    requests to ``control`` (when given), the rest get a 404."""

    def __init__(self, control: ControlAPI | None = None) -> None:
        # Through the module: moto types create_backend_app for the names of its own services only.
        werkzeug_app = importlib.import_module("moto.moto_server.werkzeug_app")
        self.backend_app = werkzeug_app.create_backend_app(SERVICE_NAME)
        self.control = control

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        def start_with_one_server_header(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            kept = [
                (name, value)
                for name, value in headers
                if not name.lower().startswith("access-control-") and name.lower() != "server"
            ]
            return start_response(status, [*kept, SERVER_HEADER], exc_info)

        path = environ.get("PATH_INFO", "")
        is_control = self.control is not None and path.startswith(PATH_PREFIX)
        if environ.get("REQUEST_METHOD") == "OPTIONS" or not (
            is_control or any(route.match(path) for route in _ROUTES)
        ):
            return _json_answer(
                start_with_one_server_header,
                "404 Not Found",
                "UnknownOperationException",
                "not a Clean Rooms ML route",
            )
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY_BYTES + 1
        if length > MAX_BODY_BYTES or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _json_answer(
                start_with_one_server_header,
                "413 Request Entity Too Large",
                "ValidationException",
                f"request bodies are limited to {MAX_BODY_BYTES} bytes (with a Content-Length)",
            )
        application = self.control if is_control and self.control is not None else self.backend_app
        answer: Iterable[bytes] = application(environ, start_with_one_server_header)
        return answer


class _RequestHandler(WSGIRequestHandler):
    """werkzeug's request handler, without the Server header it adds before the application's headers."""

    def send_response(self, code: int, message: str | None = None) -> None:
        # http.server's send_response, less its Server header: the application sends the only one.
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())


class _NoColourUnlessTerminal(logging.Filter):
    """Takes werkzeug's colour codes out of the request log when standard error is not a terminal
    (a CI log, a file, a pipe), where they would show as escape sequences."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and not _stderr_is_terminal():
            record.args = tuple(
                _COLOUR_CODES.sub("", argument) if isinstance(argument, str) else argument for argument in record.args
            )
        return True


def _stderr_is_terminal() -> bool:
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


_NO_COLOUR = _NoColourUnlessTerminal()


def exposure_warning(host: str) -> str | None:
    """What to tell whoever serves on ``host``, unless only this machine can reach it."""
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    except OSError:
        addresses = set()
    if addresses and all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses):
        return None
    return (
        f"the fake listens on {host}, not only on this machine's loopback address: whoever reaches it "
        f"can change its state through its control API ({PATH_PREFIX}), unauthenticated"
    )


@contextlib.contextmanager
def serve_on_thread(host: str, port: int, control: ControlAPI | None = None) -> Iterator[tuple[str, int]]:
    """Serve CleanRoomsMLApplication on a thread for the ``with`` block; yields the bound (host, port)."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").addFilter(_NO_COLOUR)  # once: addFilter ignores a filter it has
    # werkzeug's request handler (less its Server header): moto's (5.2.5 and later) only keeps
    # header names with underscores, which S3 metadata has and Clean Rooms ML requests do not.
    server = make_server(host, port, CleanRoomsMLApplication(control), threaded=True, request_handler=_RequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="cleanroomsml-fake-server", daemon=True)
    thread.start()
    try:
        bound_host, bound_port = server.server_address[:2]
        yield str(bound_host), bound_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
