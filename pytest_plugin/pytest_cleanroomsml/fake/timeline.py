"""A description that changes over time, evaluated lazily when it is read.

Status transitions (create, cancel, a test's ``set_status(after=...)``) are changes
scheduled on the fake's clock (clock.py). Nothing runs in the background: reading folds
every change that is due into the description, so there are no threads to stop or leak.

A change can also wait for the description to be read (see ``read``): ``after`` seconds
from the first read, or the N-th read from now. Such a change gets its due time when that
read comes, and is then ordered among the others by it.

What is derived from the description (a response's JSON) is kept until the description
changes: a change scheduled, dropped or given its due time, or one falling due. Members are
copied when scheduled, so that a test changing an object it passed cannot change the
description behind that cache.
"""

from __future__ import annotations

import bisect
import copy
import math
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from .clock import CLOCK

Derived = TypeVar("Derived")


class _Missing:
    """Marks a member to drop from a description (see MISSING)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Use as a member value to leave that member out, e.g. ``creatorAccountId=MISSING``."""


class _Change:
    __slots__ = ("after_first_read", "automatic", "due", "members", "on_read", "stamp")

    def __init__(
        self,
        members: dict[str, Any],
        automatic: bool = False,
        stamp: str | None = None,
        after_first_read: float | None = None,
        on_read: int | None = None,
    ):
        self.due = math.inf  # until the read it waits for, if it waits for one
        self.members = members
        self.automatic = automatic
        self.stamp = stamp
        self.after_first_read = after_first_read
        self.on_read = on_read

    def fall_due_at(self, due: float) -> None:
        self.due = due
        if self.stamp:  # the member that says when the change happened
            self.members[self.stamp] = CLOCK.timestamp(due)


class Timeline:
    """The changes to one description, in the order they take effect."""

    def __init__(self, initial_members: dict[str, Any]):
        self._lock = threading.Lock()
        initial = _Change(_copied(initial_members))
        initial.due = -math.inf  # in effect whatever the clock says
        self._changes = [initial]  # by due time
        self._waiting: list[_Change] = []  # for a read, no due time yet
        self._reads = 0
        self._read_before = False
        self._revision = 0  # counts changes scheduled, dropped or given their due time
        self._derived: dict[Hashable, Any] = {}
        self._derived_state: tuple[int, int] | None = None

    def schedule(
        self,
        members: dict[str, Any],
        after: float = 0.0,
        automatic: bool = False,
        stamp: str | None = None,
        since: float | None = None,
    ) -> None:
        """Apply ``members`` ``after`` seconds from ``since`` (a time of the fake's clock; default: now).

        ``automatic`` marks a step of the service's own lifecycle, which a later
        explicit change supersedes (see ``drop_pending_automatic``). ``stamp`` names a
        member set to the moment the change happens (``updateTime``).
        """
        change = _Change(_copied(members), automatic, stamp)
        start = CLOCK.now() if since is None else since
        with self._lock:
            self._fall_due(change, start + after)

    def schedule_after_first_read(self, members: dict[str, Any], after: float, stamp: str | None = None) -> None:
        """Apply ``members`` ``after`` seconds after the first read (from now, if that was before)."""
        with self._lock:
            if self._read_before or not after:
                self._fall_due(_Change(_copied(members), stamp=stamp), CLOCK.now() + after)
            else:
                self._wait(_Change(_copied(members), stamp=stamp, after_first_read=after))

    def schedule_on_read(self, members: dict[str, Any], reads: int, stamp: str | None = None) -> None:
        """Apply ``members`` at the ``reads``-th read from now, which sees them."""
        with self._lock:
            self._wait(_Change(_copied(members), stamp=stamp, on_read=self._reads + reads))

    def read(self) -> None:
        """Count a read (an answer that describes this): changes waiting for it get their due time."""
        with self._lock:
            now = CLOCK.now()
            self._reads += 1
            self._read_before = True
            if not self._waiting:
                return
            waiting, self._waiting = self._waiting, []
            for change in waiting:
                if change.after_first_read is not None:
                    self._fall_due(change, now + change.after_first_read)
                elif change.on_read is not None and change.on_read <= self._reads:
                    self._fall_due(change, now)
                else:
                    self._waiting.append(change)

    def drop_pending_automatic(self) -> None:
        """Forget lifecycle steps that have not happened yet."""
        now = CLOCK.now()
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

    def _fall_due(self, change: _Change, due: float) -> None:
        """File ``change`` among the others by its due time. Needs the lock."""
        change.fall_due_at(due)
        # bisect_right keeps changes due at the same moment in the order they got their due time.
        self._changes.insert(bisect.bisect_right(self._changes, due, key=_due), change)
        self._revision += 1

    def _wait(self, change: _Change) -> None:
        """Keep ``change`` until the read it waits for. Needs the lock."""
        self._waiting.append(change)
        self._revision += 1

    def _snapshot(self) -> tuple[tuple[int, int], dict[str, Any]]:
        """The state of the description as of now (a key) and its members. Needs the lock."""
        now = CLOCK.now()
        members: dict[str, Any] = {}
        due = 0
        for change in self._changes:
            if change.due > now:
                break
            members.update(change.members)
            due += 1
        return (self._revision, due), members


def _due(change: _Change) -> float:
    return change.due


def _copied(members: dict[str, Any], keep_missing: bool = True) -> dict[str, Any]:
    """A deep copy; MISSING stays itself, or its members are left out."""
    return {
        name: value if value is MISSING else copy.deepcopy(value)
        for name, value in members.items()
        if keep_missing or value is not MISSING
    }
