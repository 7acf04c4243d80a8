"""Failure reports without credentials: what pytest shows of a failing test passes through here.

With ``-l`` (showlocals) a report prints the locals of every frame, and when a request
fails inside botocore those hold the signed request, its session token and its
Authorization header. The report is rewritten once it is made, so that neither the
terminal, nor ``--junitxml``, nor pytest-xdist's controller ever receives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

import pytest

from ._shared.credential_redaction import redacted

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr  # the type of report.longrepr, which pytest does not export

# The values of the credentials live clients sign with (clients.py), taken out of every report. Kept here
# rather than in clients.py, which imports boto3: the plugin reads them for every report, of any test.
_live_credential_values: set[str] = set()


def remember_live_credentials(*values: str | None) -> None:
    """Take these values (an access key, a secret key, a session token; None for none) out of reports from now on."""
    _live_credential_values.update(value for value in values if value)


def live_credential_values() -> frozenset[str]:
    """The access keys, secret keys and session tokens of the live clients made in this process."""
    return frozenset(_live_credential_values)


class RedactedRepr:
    """A failure's text with credentials taken out, shown as pytest shows any failure (``toterminal``).

    It keeps the crash location and its one-line message (``reprcrash``), which the short
    summary and --junitxml read.
    """

    def __init__(self, text: str, reprcrash: Any) -> None:
        self.text = text
        self.reprcrash = reprcrash

    def toterminal(self, tw: Any) -> None:
        for line in self.text.splitlines():
            tw.line(line)

    def __str__(self) -> str:
        return self.text


def redact_report(report: pytest.TestReport, secrets: Iterable[str]) -> None:
    """Take the credential headers and ``secrets`` out of a report's failure text and captured output."""
    secrets = tuple(secrets)
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # a skip: (path, line number, reason)
        report.longrepr = (*longrepr[:2], redacted(longrepr[2], secrets))
    elif isinstance(longrepr, str):
        report.longrepr = redacted(longrepr, secrets)
    elif longrepr is not None:
        text = str(longrepr)
        clean = redacted(text, secrets)
        # Rendered and replaced only when needed: an untouched report keeps pytest's own layout.
        if clean != text:
            crash = getattr(longrepr, "reprcrash", None)
            if crash is not None:
                crash = SimpleNamespace(path=crash.path, lineno=crash.lineno, message=redacted(crash.message, secrets))
            # Shown as a TerminalRepr is (toterminal, reprcrash, str), without subclassing pytest's private class.
            report.longrepr = cast("TerminalRepr", RedactedRepr(clean, crash))
    report.sections = [(title, redacted(content, secrets)) for title, content in report.sections]
