"""A description that changes over time, evaluated lazily when it is read.

Status transitions (create, cancel, a test's ``set_status(after=...)``) are changes
scheduled on the monotonic clock. Nothing runs in the background: reading folds every
change that is due into the description, so there are no threads to stop or leak.

What is derived from the description (a response's JSON) is kept until the description
changes: a change scheduled or dropped, or one falling due. Members are copied when
scheduled, so that a test changing an object it passed cannot change the description
behind that cache.
"""

from __future__ import annotations

import bisect
import copy
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Derived = TypeVar("Derived")


class _Missing:
    """Marks a member to drop from a description (see MISSING)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Use as a member value to leave that member out, e.g. ``creatorAccountId=MISSING``."""


class _Change:
    __slots__ = ("automatic", "due", "members")

    def __init__(self, due: float, members: dict[str, Any], automatic: bool):
        self.due = due
        self.members = members
        self.automatic = automatic


class Timeline:
    """The changes to one description, in the order they take effect."""

    def __init__(self, initial_members: dict[str, Any]):
        self._lock = threading.Lock()
        self._changes = [_Change(time.monotonic(), _copied(initial_members), automatic=False)]
        self._revision = 0  # counts changes scheduled or dropped
        self._derived: dict[Hashable, Any] = {}
        self._derived_state: tuple[int, int] | None = None

    def schedule(self, members: dict[str, Any], after: float = 0.0, automatic: bool = False) -> None:
        """Apply ``members`` ``after`` seconds from now.

        ``automatic`` marks a step of the service's own lifecycle, which a later
        explicit change supersedes (see ``drop_pending_automatic``).
        """
        change = _Change(time.monotonic() + after, _copied(members), automatic)
        with self._lock:
            dues = [existing.due for existing in self._changes]
            # bisect_right keeps changes due at the same moment in scheduling order.
            self._changes.insert(bisect.bisect_right(dues, change.due), change)
            self._revision += 1

    def drop_pending_automatic(self) -> None:
        """Forget lifecycle steps that have not happened yet."""
        now = time.monotonic()
        with self._lock:
            self._changes = [change for change in self._changes if not (change.automatic and change.due > now)]
            self._revision += 1

    def current(self) -> dict[str, Any]:
        """The description as of now: a copy, safe to hand out."""
        with self._lock:
            members = self._snapshot()[1]
        return _copied(members, keep_missing=False)

    def derived(self, key: Hashable, compute: Callable[[dict[str, Any]], Derived]) -> Derived:
        """``compute(self.current())``, computed once per state of the description.

        Callers share the result, under ``key``, until the description changes. ``compute``
        is given the stored members rather than a copy (copying cost more than rendering a
        description), so it must only read them.
        """
        with self._lock:
            state, members = self._snapshot()
            if state != self._derived_state:
                self._derived, self._derived_state = {}, state
            if key in self._derived:
                known: Derived = self._derived[key]
                return known
        value = compute({name: value for name, value in members.items() if value is not MISSING})
        with self._lock:
            if state == self._derived_state:
                self._derived[key] = value
        return value

    def _snapshot(self) -> tuple[tuple[int, int], dict[str, Any]]:
        """The state of the description as of now (a key) and its members. Needs the lock."""
        now = time.monotonic()
        members: dict[str, Any] = {}
        due = 0
        for change in self._changes:
            if change.due > now:
                break
            members.update(change.members)
            due += 1
        return (self._revision, due), members


def _copied(members: dict[str, Any], keep_missing: bool = True) -> dict[str, Any]:
    """A deep copy; MISSING stays itself, or its members are left out."""
    return {
        name: value if value is MISSING else copy.deepcopy(value)
        for name, value in members.items()
        if keep_missing or value is not MISSING
    }
