"""A description that changes over time, evaluated lazily when it is read.

Status transitions (create, cancel, a test's ``set_status(after=...)``) are changes
scheduled on the monotonic clock. Nothing runs in the background: reading folds every
change that is due into the description, so there are no threads to stop or leak.
"""

from __future__ import annotations

import bisect
import copy
import threading
import time
from typing import Any


class _Missing:
    """Marks a member to drop from a description (see MISSING)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Use as a member value to leave that member out, e.g. ``creatorAccountId=MISSING``."""


class _Change:
    __slots__ = ("due", "members", "automatic")

    def __init__(self, due: float, members: dict[str, Any], automatic: bool):
        self.due = due
        self.members = members
        self.automatic = automatic


class Timeline:
    """The changes to one description, in the order they take effect."""

    def __init__(self, initial_members: dict[str, Any]):
        self._lock = threading.Lock()
        self._changes = [_Change(time.monotonic(), initial_members, automatic=False)]

    def schedule(
        self, members: dict[str, Any], after: float = 0.0, automatic: bool = False
    ) -> None:
        """Apply ``members`` ``after`` seconds from now.

        ``automatic`` marks a step of the service's own lifecycle, which a later
        explicit change supersedes (see ``drop_pending_automatic``).
        """
        change = _Change(time.monotonic() + after, members, automatic)
        with self._lock:
            dues = [existing.due for existing in self._changes]
            # bisect_right keeps changes due at the same moment in scheduling order.
            self._changes.insert(bisect.bisect_right(dues, change.due), change)

    def drop_pending_automatic(self) -> None:
        """Forget lifecycle steps that have not happened yet."""
        now = time.monotonic()
        with self._lock:
            self._changes = [
                change
                for change in self._changes
                if not (change.automatic and change.due > now)
            ]

    def current(self) -> dict[str, Any]:
        """The description as of now: a copy, safe to hand out."""
        now = time.monotonic()
        members: dict[str, Any] = {}
        with self._lock:
            for change in self._changes:
                if change.due > now:
                    break
                members.update(change.members)
        return {
            name: copy.deepcopy(value)
            for name, value in members.items()
            if value is not MISSING
        }
