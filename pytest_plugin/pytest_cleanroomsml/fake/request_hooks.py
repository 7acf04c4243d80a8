"""What the fake does to each request before serving it: record, delay, fail on demand.

Requests arrive on the test's thread (in-process mock) or on the server's threads, so
the call log and the failure queues are guarded by a lock. The latency sleep happens
outside it, so that concurrent requests are delayed in parallel, not one by one.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import defaultdict, deque
from typing import Any, NamedTuple

from .exceptions import ERRORS_BY_CODE


class UnusedFailure(NamedTuple):
    """Failures fail_next queued that no request has met yet: ``times`` calls of ``operation`` in a row."""

    operation: str
    error_code: str
    times: int


class RequestHooks:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[tuple[str, dict[str, Any]]] = []
        self._failures: defaultdict[str, deque[tuple[str, str | None]]] = defaultdict(deque)
        self.latency = 0.0

    @property
    def calls(self) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            return copy.deepcopy(self._calls)

    def fail_next(self, operation: str, error_code: str, times: int, message: str | None) -> None:
        with self._lock:
            self._failures[operation].extend([(error_code, message)] * times)

    def unused_failures(self) -> list[UnusedFailure]:
        """The queued failures, each run of one error code counted once, in the order they would be met."""
        unused: list[UnusedFailure] = []
        with self._lock:
            for operation, queued in self._failures.items():
                for error_code, _message in queued:
                    if unused and unused[-1][:2] == (operation, error_code):
                        unused[-1] = unused[-1]._replace(times=unused[-1].times + 1)
                    else:
                        unused.append(UnusedFailure(operation, error_code, 1))
        return unused

    def before_request(self, operation: str, params: dict[str, Any]) -> None:
        """Record the call, wait the configured latency, raise a queued failure."""
        with self._lock:
            self._calls.append((operation, copy.deepcopy(params)))
            queued = self._failures[operation]
            failure = queued.popleft() if queued else None
        if self.latency > 0:
            time.sleep(self.latency)
        if failure is not None:
            error_code, message = failure
            raise ERRORS_BY_CODE[error_code](message or f"{error_code} injected by CleanRoomsMLFake.fail_next")
