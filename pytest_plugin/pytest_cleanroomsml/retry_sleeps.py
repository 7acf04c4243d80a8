"""Retries without their sleeps, for tests of throttling: the cleanroomsml_no_retry_sleep fixture.

Each retrying layer looks ``time.sleep`` up in its own module when it sleeps: botocore's endpoint
(the standard and legacy retry modes), amazon.aws's AWSRetry backoff and the cleanrooms.ml
collection's wait for a Retry-After header. Each of those modules gets, for the test, a ``time``
whose ``sleep`` records the seconds asked and returns at once; everything else, including the
fake's own latency and the collection's polling of a status, keeps the real clock.
"""

from __future__ import annotations

import importlib
import threading
import time
from types import ModuleType
from typing import Any, NamedTuple

import pytest

# (who sleeps, the module whose ``time`` sleeps for it). A module that cannot be imported (no Ansible
# installed) is left out: nothing of it can sleep.
RETRY_SLEEPERS = (
    ("botocore", "botocore.endpoint"),
    ("AWSRetry", "ansible_collections.amazon.aws.plugins.module_utils.cloud"),
    ("Retry-After", "ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api"),
)


class RetrySleep(NamedTuple):
    """A sleep a retrying layer asked for and did not get."""

    by: str
    """Who asked: "botocore", "AWSRetry" (amazon.aws's backoff) or "Retry-After" (the collection's wait for it)."""
    seconds: float


class RetrySleeps:
    """What the cleanroomsml_no_retry_sleep fixture gives: the sleeps the retries asked for, in order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asked: list[RetrySleep] = []

    @property
    def asked(self) -> list[RetrySleep]:
        """Every sleep asked for, in order (from any thread)."""
        with self._lock:
            return list(self._asked)

    def seconds(self, by: str | None = None) -> list[float]:
        """The seconds asked for (only by ``by``, when given), in order."""
        return [sleep.seconds for sleep in self.asked if by is None or sleep.by == by]

    def record(self, by: str, seconds: float) -> None:
        with self._lock:
            self._asked.append(RetrySleep(by, seconds))


class _TimeWithoutSleep:
    """The time module, except that sleep() records its argument instead of sleeping."""

    def __init__(self, by: str, sleeps: RetrySleeps) -> None:
        self._by = by
        self._sleeps = sleeps

    def sleep(self, seconds: float) -> None:
        self._sleeps.record(self._by, seconds)

    def __getattr__(self, name: str) -> Any:
        return getattr(time, name)


def skip_retry_sleeps(monkeypatch: pytest.MonkeyPatch) -> RetrySleeps:
    """Replace the ``time`` of every retrying module that can be imported, until ``monkeypatch`` undoes it."""
    sleeps = RetrySleeps()
    for by, module_name in RETRY_SLEEPERS:
        module = _imported(module_name)
        if module is not None:
            monkeypatch.setattr(module, "time", _TimeWithoutSleep(by, sleeps))
    return sleeps


def _imported(module_name: str) -> ModuleType | None:
    try:
        return importlib.import_module(module_name)
    except ImportError:
        return None
