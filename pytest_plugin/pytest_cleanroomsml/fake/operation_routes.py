"""Which Clean Rooms ML operation a request asks for, and the members its path carries.

Worked out from the requestUri of each operation in botocore's service model, as moto's
router does, but on the path as sent (percent-encoded): a trainedModelArn there is one
path segment, its slashes encoded, so no two operations' paths can be confused.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote

from moto.core.utils import get_service_model

from .models import BOTOCORE_SERVICE_NAME

# A label such as {trainedModelArn} (one path segment) or {key+} (the rest of the path).
_LABEL = re.compile(r"\{([A-Za-z0-9_]+)(\+?)\}")


def route(method: str, raw_path: str) -> tuple[str, dict[str, str]] | None:
    """(operation, path members) of a request, or None when no operation has that method and path."""
    for operation, (operation_method, pattern) in _routes().items():
        if operation_method == method:
            members = _members(pattern, raw_path)
            if members is not None:
                return operation, members
    return None


def path_members(operation: str, raw_path: str) -> dict[str, str] | None:
    """The members the path of a request for ``operation`` carries, or None if it is not that operation's path."""
    method_and_pattern = _routes().get(operation)
    return _members(method_and_pattern[1], raw_path) if method_and_pattern else None


def _members(pattern: re.Pattern[str], raw_path: str) -> dict[str, str] | None:
    match = pattern.match(raw_path)
    return {name: unquote(value) for name, value in match.groupdict().items()} if match else None


@functools.cache
def _routes() -> dict[str, tuple[str, re.Pattern[str]]]:
    service_model = get_service_model(BOTOCORE_SERVICE_NAME)
    routes = {}
    for operation in service_model.operation_names:
        http = service_model.operation_model(operation).http
        routes[operation] = (http["method"], _path_pattern(http["requestUri"]))
    return routes


def _path_pattern(request_uri: str) -> re.Pattern[str]:
    path = request_uri.partition("?")[0]
    pattern, position = "", 0
    for label in _LABEL.finditer(path):
        pattern += re.escape(path[position : label.start()])
        pattern += f"(?P<{label.group(1)}>{'.+' if label.group(2) else '[^/]+'})"
        position = label.end()
    return re.compile(f"^{pattern}{re.escape(path[position:])}$")
