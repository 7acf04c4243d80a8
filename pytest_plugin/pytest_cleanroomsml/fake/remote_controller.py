"""A controller for a fake in another process: CleanRoomsMLFake's methods, over its control API.

``CleanRoomsMLFake.connect(endpoint_url)`` returns one. Each method sends its arguments, by
their own names, to the endpoint of the same name (control_api.py), where the in-process
controller checks and applies them; a refusal comes back as the exception that call raised
(TypeError, ValueError, LookupError) with its message. Only the standard library's urllib:
no AWS credentials, no proxy (the fake is reached directly).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from .._shared import quoted_values, trained_model_validation
from .control_api import PATH_PREFIX
from .request_hooks import UnusedFailure
from .seed_timestamps import with_datetimes
from .timeline import MISSING

# Generous: a control request takes milliseconds, but the fake may be answering slow requests too.
TIMEOUT_SECONDS = 30.0
_ERROR_TYPES: dict[str, type[Exception]] = {
    "TypeError": TypeError,
    "ValueError": ValueError,
    "LookupError": LookupError,
    "NotImplementedError": NotImplementedError,
    "PermissionError": PermissionError,
    "RuntimeError": RuntimeError,
}
_quoted: Callable[[Any], str] = quoted_values.quoted
_json_compatible: Callable[[Any], Any] = trained_model_validation.to_json_compatible


class RemoteCleanRoomsMLFake:
    """Steers the fake served at ``endpoint_url``, as CleanRoomsMLFake steers its own."""

    MISSING = MISSING

    def __init__(self, endpoint_url: str, timeout: float = TIMEOUT_SECONDS) -> None:
        parts = urlsplit(endpoint_url) if isinstance(endpoint_url, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                f"endpoint_url must be the fake's URL, such as http://127.0.0.1:5000, not {_quoted(endpoint_url)}"
            )
        self.endpoint_url = endpoint_url.rstrip("/")
        self.timeout = timeout
        # Never through a proxy from the environment: the fake is on this machine or next to it.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.endpoint_url!r})"

    # -- seeding --------------------------------------------------------------------

    def add_trained_model(
        self,
        name: str,
        status: str = "ACTIVE",
        collaboration_identifier: str | None = None,
        **overrides: Any,
    ) -> dict[str, Any]:
        """See CleanRoomsMLFake.add_trained_model."""
        fields = {"name": name, "status": status, "collaboration_identifier": collaboration_identifier}
        return with_datetimes(self._request("POST", "add_trained_model", {**fields, **_override_fields(overrides)}))

    def add_version(self, trained_model_arn: str, status: str = "ACTIVE", **overrides: Any) -> dict[str, Any]:
        """See CleanRoomsMLFake.add_version."""
        fields = {"trained_model_arn": trained_model_arn, "status": status}
        return with_datetimes(self._request("POST", "add_version", {**fields, **_override_fields(overrides)}))

    def set_status(
        self,
        trained_model_arn: str,
        status: str,
        message: str | None = None,
        status_code: str | None = None,
        version_identifier: str | None = None,
        after: float = 0.0,
        after_polls: int | None = None,
    ) -> None:
        """See CleanRoomsMLFake.set_status."""
        fields = {
            "trained_model_arn": trained_model_arn,
            "status": status,
            "message": message,
            "status_code": status_code,
            "version_identifier": version_identifier,
            "after": after,
        }
        if after_polls is not None:  # sent only when given, as a fake without it would refuse the field
            fields["after_polls"] = after_polls
        self._request("POST", "set_status", fields)

    def trained_models(self, collaboration_identifier: str | None = None) -> list[dict[str, Any]]:
        """See CleanRoomsMLFake.trained_models."""
        query = {} if collaboration_identifier is None else {"collaboration_identifier": collaboration_identifier}
        return [with_datetimes(model) for model in self._request("GET", "models", query)["models"]]

    # -- scripting the transport ----------------------------------------------------

    def fail_next(self, operation: str, error_code: str, times: int = 1, message: str | None = None) -> None:
        """See CleanRoomsMLFake.fail_next."""
        self._request(
            "POST", "fail_next", {"operation": operation, "error_code": error_code, "times": times, "message": message}
        )

    @property
    def latency(self) -> float:
        """Seconds every request waits before it is answered."""
        seconds: float = self._request("GET", "latency")["latency"]
        return seconds

    @latency.setter
    def latency(self, seconds: float) -> None:
        self._request("POST", "latency", {"latency": seconds})

    @property
    def calls(self) -> list[tuple[str, dict[str, Any]]]:
        """(operation name, camelCase parameters) of every request received, in order."""
        # JSON has no tuples: each call comes as a list.
        return [(call[0], call[1]) for call in self._request("GET", "calls")["calls"]]

    def unused_failures(self) -> list[UnusedFailure]:
        """See CleanRoomsMLFake.unused_failures."""
        # JSON has no tuples: each comes as a list.
        return [UnusedFailure(*unused) for unused in self._request("GET", "unused_failures")["unused_failures"]]

    def reset(self) -> None:
        """See CleanRoomsMLFake.reset."""
        self._request("POST", "reset")

    def reset_every_region(self) -> None:
        """See CleanRoomsMLFake.reset_every_region."""
        self._request("POST", "reset_every_region")

    # -- the clock ------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """See CleanRoomsMLFake.advance."""
        self._request("POST", "advance", {"seconds": seconds})

    def clock(self) -> float:
        """See CleanRoomsMLFake.clock."""
        seconds: float = self._request("GET", "clock")["clock"]
        return seconds

    # -- HTTP -----------------------------------------------------------------------

    def _request(self, method: str, name: str, fields: dict[str, Any] | None = None) -> Any:
        """The JSON answer of the control endpoint ``name``; its refusal raised as the controller raised it."""
        url = f"{self.endpoint_url}{PATH_PREFIX}{name}"
        body = None
        if method == "GET":
            url += f"?{urlencode(fields)}" if fields else ""
        else:
            # Not JSON-able (a set, an object): the controller's own type check would refuse it too.
            body = json.dumps(_json_compatible(fields or {}), default=_refuse_value).encode("utf-8")
        request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/json"})
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                return json.loads(answer.read())
        except urllib.error.HTTPError as refusal:
            with refusal:
                raise _refusal_as_exception(method, url, refusal.code, refusal.read()) from None
        except urllib.error.URLError as error:
            raise ConnectionError(f"cannot reach the fake's control API at {url}: {error.reason}") from None


def _refusal_as_exception(method: str, url: str, status: int, body: bytes) -> Exception:
    """The exception the in-process call raised, from a control API error answer."""
    try:
        error = json.loads(body)["error"]
        return _ERROR_TYPES[error["type"]](error["message"])
    except (ValueError, KeyError, TypeError):
        return RuntimeError(f"{method} {url} answered HTTP {status}, not the control API's: {_quoted(body)}")


def _refuse_value(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} {value!r:.80} cannot be sent to the fake (not a JSON value)")


def _override_fields(overrides: dict[str, Any]) -> dict[str, Any]:
    """``overrides`` as the control API takes them: JSON members, and the names of those to leave out."""
    missing = [member for member, value in overrides.items() if value is MISSING]
    kept = {member: value for member, value in overrides.items() if value is not MISSING}
    return {**({"overrides": kept} if kept else {}), **({"missing_members": missing} if missing else {})}
