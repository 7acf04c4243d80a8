"""Which Clean Rooms ML operation a request asks for, and the members its path carries.

The fake's one router, for requests in-process and over HTTP. Worked out from the
requestUri of each operation in botocore's service model, as moto's router does, but on
the path as sent (percent-encoded): a trainedModelArn there is one path segment, its
slashes encoded, so no two operations' paths can be confused.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import unquote

from moto.core.utils import get_service_model

from .._shared.cleanroomsml_service import SERVICE_NAME

# A label such as {trainedModelArn} (one path segment) or {key+} (the rest of the path).
_LABEL = re.compile(r"\{([A-Za-z0-9_]+)(\+?)\}")


Route = tuple[str, re.Pattern[str]]  # (operation, path pattern)
# Where the operations whose path starts with a label or has a greedy one are filed: tried for every path.
_ANY_PATH = ("", 0)


def route(method: str, raw_path: str) -> tuple[str, dict[str, str]] | None:
    """(operation, path members) of a request, or None when no operation has that method and path."""
    routes = _routes()
    segments = raw_path.strip("/").split("/")
    candidates = (*routes.get((method, segments[0], len(segments)), ()), *routes.get((method, *_ANY_PATH), ()))
    for operation, pattern in candidates:
        match = pattern.match(raw_path)
        if match:
            return operation, {name: unquote(value) for name, value in match.groupdict().items()}
    return None


@functools.cache
def _routes() -> dict[tuple[str, str, int], list[Route]]:
    """{(HTTP method, first path segment, number of segments): routes}: a few patterns to try, not some 30."""
    service_model = get_service_model(SERVICE_NAME)
    routes: dict[tuple[str, str, int], list[Route]] = {}
    for operation in service_model.operation_names:
        http = service_model.operation_model(operation).http
        path = http["requestUri"].partition("?")[0]
        segments = path.strip("/").split("/")
        where = _ANY_PATH if "{" in segments[0] or "+}" in path else (segments[0], len(segments))
        routes.setdefault((http["method"], *where), []).append((operation, _path_pattern(path)))
    return routes


def _path_pattern(request_uri: str) -> re.Pattern[str]:
    path = request_uri.partition("?")[0]
    pattern, position = "", 0
    for label in _LABEL.finditer(path):
        pattern += re.escape(path[position : label.start()])
        pattern += f"(?P<{label.group(1)}>{'.+' if label.group(2) else '[^/]+'})"
        position = label.end()
    return re.compile(f"^{pattern}{re.escape(path[position:])}$")
