"""The fake's clock: the wall clock plus the seconds a test made pass with ``advance()``.

One clock serves every fake in the process: the due times of status changes and the
timestamps the fake writes both read it, so a change that falls due because the clock was
advanced carries an updateTime that much later. It never runs backwards while anything it
timed is still held (``rewind()`` is for when every backend has been reset).

Times are seconds since the epoch, counted on the monotonic clock from the moment this
module was imported, so that an adjustment of the system clock moves no change.
"""

from __future__ import annotations

import datetime
import threading
import time

_EPOCH_SECONDS_AT_IMPORT = time.time()
_MONOTONIC_AT_IMPORT = time.monotonic()
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
# How far the fake's clock and its scheduled changes may run ahead of the wall clock: a century
# keeps every timestamp the fake writes within what a datetime can hold.
MAX_CLOCK_SECONDS = 100 * 365 * 24 * 3600.0
# The most reads a status change may wait for (set_status's after_polls, a seed's afterPolls).
MAX_AFTER_POLLS = 1_000_000


class FakeClock:
    """Seconds since the epoch, moved forward on demand."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._advanced = 0.0

    def now(self) -> float:
        return _EPOCH_SECONDS_AT_IMPORT + (time.monotonic() - _MONOTONIC_AT_IMPORT) + self._advanced

    @property
    def advanced(self) -> float:
        """Seconds added by ``advance()`` since the start (or the last ``rewind()``)."""
        return self._advanced

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._advanced += seconds

    def rewind(self) -> None:
        """Back to the wall clock; only safe once nothing holds a time read from this clock."""
        with self._lock:
            self._advanced = 0.0

    def timestamp(self, moment: float | None = None) -> datetime.datetime:
        """``moment`` (default: now) in UTC, to the millisecond.

        AWS sends milliseconds; keeping no more makes a description the fake hands to a
        test equal to what boto3 parses back from the wire.
        """
        milliseconds = round((self.now() if moment is None else moment) * 1000)
        return _EPOCH + datetime.timedelta(milliseconds=milliseconds)


CLOCK = FakeClock()
"""The clock of every fake in this process."""
