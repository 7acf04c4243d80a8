"""The fake's control API over HTTP: what CleanRoomsMLFake offers in-process, as JSON under /_fake/.

moto's ``/moto-api/`` is the model: a reserved path prefix next to the service's routes (no AWS
operation path starts with an underscore), JSON in and out. Each endpoint calls the
CleanRoomsMLFake method of the same name, with the method's own argument names as the body's
fields, so the checks and their messages are the controller's. Models added from a seed document
use the seed file's format (seed.py). ``CleanRoomsMLFake.connect()`` is the client (remote_controller.py).

A web page in a browser must not steer the fake: a request that carries an Origin header (which
browsers add to cross-site requests) gets 403, and a POST must be ``Content-Type:
application/json``, which a page can send elsewhere only after a CORS preflight, which the
server refuses (http_server.py). A bad request gets 400 (404 for an unknown model or path) and
``{"error": {"field": ..., "message": ..., "type": ...}}``, where ``type`` is the exception the
in-process call raises; it changes nothing, as every check runs before the first change.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from .._shared import quoted_values, trained_model_validation
from .seed import Controller, apply_seed, seed_problems
from .timeline import MISSING

PATH_PREFIX = "/_fake/"

_quoted: Callable[[Any], str] = quoted_values.quoted
_json_compatible: Callable[[Any], Any] = trained_model_validation.to_json_compatible


@dataclasses.dataclass
class ControlError(Exception):
    """A control request refused: HTTP status, the exception in-process callers get, the field at fault."""

    status: str
    error_type: str
    field: str | None
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"error": {"field": self.field, "message": self.message, "type": self.error_type}}


def _bad_request(field: str | None, message: str, error_type: str = "ValueError") -> ControlError:
    return ControlError("400 Bad Request", error_type, field, message)


# -- calling the controller -----------------------------------------------------------


def call_with_fields(method: Callable[..., Any], fields: dict[str, Any], **extra: Any) -> Any:
    """``method(**fields, **extra)``; unknown or missing fields, and what the method refuses, as ControlError.

    The fields allowed are the method's named parameters, so an argument added to the
    controller (``after_polls``) is accepted here without a change.
    """
    parameters = inspect.signature(method).parameters
    named = [
        name
        for name, parameter in parameters.items()
        if parameter.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    ]
    for field in fields:
        if field not in named:
            raise _bad_request(
                field, f"unknown field {_quoted(field)}; {method.__name__} takes: {', '.join(named)}", "TypeError"
            )
    for name in named:
        if parameters[name].default is inspect.Parameter.empty and name not in fields:
            raise _bad_request(name, f"{name} is required", "TypeError")
    try:
        return method(**fields, **extra)
    except LookupError as error:
        raise ControlError("404 Not Found", "LookupError", _field_named_in(str(error), fields), str(error)) from None
    except (TypeError, ValueError) as error:
        error_type = "TypeError" if isinstance(error, TypeError) else "ValueError"
        raise _bad_request(_field_named_in(str(error), fields), str(error), error_type) from None


def _field_named_in(message: str, fields: dict[str, Any]) -> str | None:
    """The field a controller message is about.

    The controller's messages name the argument first ("after must be...", "Unknown error
    code...", "override trainedModelArn must be..."), so the field mentioned earliest; failing
    that (an unknown model or version is named by its identifier), the field whose value it quotes.
    """
    override = re.match(r"override (\w+)", message)
    if override:
        return f"overrides.{override.group(1)}"
    by_name = [
        (mention.start(), field)
        for field in fields
        if (mention := re.search(rf"\b{field.replace('_', '[_ ]')}\b", message, re.IGNORECASE))
    ]
    by_value = [
        (message.index(value), field)
        for field, value in fields.items()
        if isinstance(value, str) and value and value in message
    ]
    found = by_name or by_value
    return min(found)[1] if found else None


def _overrides(fields: dict[str, Any]) -> dict[str, Any]:
    """The camelCase overrides of a model or version: ``overrides``, and ``missing_members`` to leave out."""
    overrides = fields.pop("overrides", {})
    if not isinstance(overrides, dict):
        raise _bad_request("overrides", f"overrides must be an object of camelCase members, not {_quoted(overrides)}")
    missing = fields.pop("missing_members", [])
    if not isinstance(missing, list) or not all(isinstance(member, str) for member in missing):
        raise _bad_request("missing_members", f"missing_members must be a list of member names, not {_quoted(missing)}")
    return {**overrides, **dict.fromkeys(missing, MISSING)}


# -- the endpoints ----------------------------------------------------------------------


def _add_models(fake: Controller, document: dict[str, Any]) -> Any:
    """A seed document (the seed file's format), checked whole before its first model is added."""
    problems = seed_problems(document)
    if problems:
        location, message = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise _bad_request(location, f"{location}: {message}{more}")
    return {"models": apply_seed(fake, document)}


def _add_trained_model(fake: Controller, fields: dict[str, Any]) -> Any:
    overrides = _overrides(fields)
    return call_with_fields(fake.add_trained_model, fields, **overrides)


def _add_version(fake: Controller, fields: dict[str, Any]) -> Any:
    overrides = _overrides(fields)
    return call_with_fields(fake.add_version, fields, **overrides)


def _trained_models(fake: Controller, fields: dict[str, Any]) -> Any:
    return {"models": call_with_fields(fake.trained_models, fields)}


def _set_latency(fake: Controller, fields: dict[str, Any]) -> Any:
    def set_latency(latency: float) -> None:
        fake.latency = latency

    call_with_fields(set_latency, fields)
    return {"latency": fake.latency}


def _clock(fake: Controller, fields: dict[str, Any]) -> Any:
    reading = _method(fake, "clock")
    return {"clock": call_with_fields(reading, fields) if callable(reading) else reading}


def _method(fake: Controller, name: str) -> Any:
    try:
        return getattr(fake, name)
    except AttributeError:
        raise ControlError("501 Not Implemented", "NotImplementedError", None, f"this fake has no {name}()") from None


def _calling(name: str, answer: Callable[[Any], Any] = lambda result: {}) -> Callable[..., Any]:
    """An endpoint that calls the controller method ``name`` with the request's fields."""
    return lambda fake, fields: answer(call_with_fields(_method(fake, name), fields))


# (HTTP method, path after /_fake/) -> endpoint(fake, fields)
ENDPOINTS: dict[tuple[str, str], Callable[[Controller, dict[str, Any]], Any]] = {
    ("POST", "models"): _add_models,
    ("GET", "models"): _trained_models,
    ("POST", "add_trained_model"): _add_trained_model,
    ("POST", "add_version"): _add_version,
    ("POST", "set_status"): _calling("set_status"),
    ("POST", "fail_next"): _calling("fail_next"),
    ("GET", "latency"): lambda fake, fields: call_with_fields(lambda: {"latency": fake.latency}, fields),
    ("POST", "latency"): _set_latency,
    ("GET", "calls"): lambda fake, fields: call_with_fields(lambda: {"calls": fake.calls}, fields),
    ("GET", "unused_failures"): _calling("unused_failures", lambda unused: {"unused_failures": unused}),
    ("POST", "reset"): _calling("reset"),
    ("POST", "reset_every_region"): _calling("reset_every_region"),
    ("POST", "advance"): _calling("advance"),
    ("GET", "clock"): _clock,
}


# -- HTTP -----------------------------------------------------------------------------


class ControlAPI:
    """A WSGI application for the paths under PATH_PREFIX, steering ``fake``."""

    def __init__(self, fake: Controller) -> None:
        self.fake = fake

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        name = environ.get("PATH_INFO", "")[len(PATH_PREFIX) :]
        method = environ.get("REQUEST_METHOD", "")
        try:
            endpoint = self._endpoint(method, name)
            _check_not_from_a_web_page(environ, method)
            fields = _fields(environ, method)
            answer = _json_compatible(endpoint(self.fake, fields))
            return _answer(start_response, "200 OK", answer)
        except ControlError as error:
            return _answer(start_response, error.status, error.as_json())
        except Exception as error:  # a fault of the fake's: JSON still, and the traceback in the log
            logging.getLogger(__name__).exception("control request %s %s failed", method, name)
            failure = ControlError(
                "500 Internal Server Error", "RuntimeError", None, f"the fake failed: {error!r:.300}"
            )
            return _answer(start_response, failure.status, failure.as_json())

    @staticmethod
    def _endpoint(method: str, name: str) -> Callable[[Controller, dict[str, Any]], Any]:
        endpoint = ENDPOINTS.get((method, name))
        if endpoint is not None:
            return endpoint
        allowed = [known_method for known_method, known_name in ENDPOINTS if known_name == name]
        if allowed:
            raise ControlError(
                "405 Method Not Allowed",
                "ValueError",
                None,
                f"{PATH_PREFIX}{name} takes {' or '.join(allowed)}, not {_quoted(method)}",
            )
        paths = sorted({f"{PATH_PREFIX}{known_name}" for dummy, known_name in ENDPOINTS})
        raise ControlError(
            "404 Not Found", "LookupError", None, f"no control endpoint {_quoted(name)}; there are: {', '.join(paths)}"
        )


def _check_not_from_a_web_page(environ: dict[str, Any], method: str) -> None:
    if "HTTP_ORIGIN" in environ:
        raise ControlError("403 Forbidden", "PermissionError", None, "the control API does not answer web pages")
    content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if method == "POST" and content_type != "application/json":
        raise ControlError(
            "415 Unsupported Media Type",
            "ValueError",
            None,
            f"control requests are JSON: send Content-Type: application/json, not {_quoted(content_type)}",
        )


def _fields(environ: dict[str, Any], method: str) -> dict[str, Any]:
    """A GET's query parameters, or a POST's JSON object body (an empty body is no field)."""
    if method == "GET":
        pairs = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        fields = dict(pairs)
        if len(fields) != len(pairs):
            repeated = next(name for name, dummy in pairs if [pair[0] for pair in pairs].count(name) > 1)
            raise _bad_request(repeated, f"{repeated} is given more than once")
        return fields
    length = int(environ.get("CONTENT_LENGTH") or 0)  # the HTTP server checked it
    body = environ["wsgi.input"].read(length) if length else b""
    if not body.strip():
        return {}
    try:
        fields = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _bad_request(None, f"the body is not JSON: {error}") from None
    if not isinstance(fields, dict):
        raise _bad_request(None, f"the body must be a JSON object of fields, not {type(fields).__name__}")
    return fields


def _answer(start_response: Callable[..., Any], status: str, answer: Any) -> list[bytes]:
    body = json.dumps(answer).encode("utf-8")
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
