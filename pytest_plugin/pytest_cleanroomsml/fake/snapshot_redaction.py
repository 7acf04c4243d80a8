"""``snapshot --redact``: account ids and the UUIDs that identify memberships, collaborations,
models and versions, replaced the same way every time.

Each replacement is an HMAC-SHA256 of the value: the same input always gives the same output,
in every run, so references between models still match (an ARN embeds the membership id that
membershipIdentifier gives; a version's incremental channel names the version before it). A
UUID becomes a UUID (version 4 form) and an account id twelve digits, so ARNs and identifiers
still match the service model's patterns. The key is CLEANROOMSML_REDACTION_KEY when set: without
it the replacements are a plain hash anyone can check a guessed account id against.

What is replaced: every UUID anywhere in the document's text (identifiers, ARNs, and their
mentions in names, descriptions or status messages), and every account id that an account
member or an ARN holds, wherever it appears. Nothing else: names, descriptions, status
messages, Regions and partitions stay as they are.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import re
from typing import Any

from ..package_data import trained_model_schema

KEY_VARIABLE = "CLEANROOMSML_REDACTION_KEY"
_PUBLIC_KEY = b"cleanroomsml-fake snapshot --redact"

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# arn:<partition>:<service>:<Region>:<account>:... as any ARN writes its account.
_ARN_ACCOUNT = re.compile(r"arn:[^:\s]*:[^:\s]*:[^:\s]*:([0-9]{12}):")


def redaction_key() -> bytes:
    """The HMAC key: CLEANROOMSML_REDACTION_KEY's value, or a public one."""
    key = os.environ.get(KEY_VARIABLE)
    return key.encode("utf-8") if key else _PUBLIC_KEY


class Redaction:
    """Replaces identifiers in a JSON-compatible document (seed or description)."""

    def __init__(self, key: bytes = _PUBLIC_KEY):
        self._key = key

    def document(self, document: Any) -> Any:
        """A copy of ``document`` with every identifier replaced; keys (member names) are kept."""
        accounts = sorted(_accounts_in(document), key=len, reverse=True)
        account_pattern = re.compile(r"(?<![0-9])(?:" + "|".join(accounts) + r")(?![0-9])") if accounts else None
        return self._replaced(document, account_pattern)

    def uuid(self, value: str) -> str:
        """A UUID for a UUID (lower case, version 4 form)."""
        digits = bytearray(self._digest("uuid", value.lower())[:16])
        digits[6] = (digits[6] & 0x0F) | 0x40  # version 4
        digits[8] = (digits[8] & 0x3F) | 0x80  # RFC 4122 variant
        text = digits.hex()
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def account(self, value: str) -> str:
        """Twelve digits for an account id."""
        return f"{int.from_bytes(self._digest('account', value), 'big') % 10**12:012d}"

    def _digest(self, kind: str, value: str) -> bytes:
        return hmac.new(self._key, f"{kind}:{value}".encode(), hashlib.sha256).digest()

    def _replaced(self, value: Any, account_pattern: re.Pattern[str] | None) -> Any:
        if isinstance(value, dict):
            return {key: self._replaced(item, account_pattern) for key, item in value.items()}
        if isinstance(value, list):
            return [self._replaced(item, account_pattern) for item in value]
        if not isinstance(value, str):
            return value
        value = _UUID.sub(lambda match: self.uuid(match.group()), value)
        if account_pattern is not None:
            value = account_pattern.sub(lambda match: self.account(match.group()), value)
        return value


def _accounts_in(value: Any, member: str | None = None) -> set[str]:
    """The account ids that account members and ARNs hold, anywhere in ``value``."""
    if isinstance(value, dict):
        return set().union(*(_accounts_in(item, key) for key, item in value.items()))
    if isinstance(value, list):
        return set().union(*(_accounts_in(item, member) for item in value))
    if not isinstance(value, str):
        return set()
    accounts = set(_ARN_ACCOUNT.findall(value))
    if member in account_members() and re.fullmatch(r"[0-9]{12}", value):
        accounts.add(value)
    return accounts


@functools.cache
def account_members() -> frozenset[str]:
    """The members whose value is an account id: the shared schema's AccountId ones."""
    schema = trained_model_schema()
    members = {**schema["properties"], **schema["$defs"]["CollaborationTrainedModelSummary"]["properties"]}
    return frozenset(name for name, member in members.items() if member.get("$ref") == "#/$defs/AccountId")
