# DO NOT EDIT: written by `make schema` from plugins/module_utils/credential_redaction.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Take credentials out of text that is about to be shown: service messages, failure reports.

An endpoint or a proxy may quote the request's headers in its error message, and a Python
traceback's locals hold the signed request: either would show the session token and the
Authorization header. ``redacted(text, secrets)`` replaces the values of those headers (and
of their presigned-URL twins) and passwords in URLs, whatever their form (a dict's repr, an HTTP header line,
JSON, a query string), and every one of ``secrets`` (the credentials in use) wherever it
appears. ``SentCredentials`` learns those values from the requests a botocore client sends,
wherever its credentials came from (options, environment, profile, role), and
``redact_error`` applies ``redacted`` to everything a botocore exception would show.
Plain Python with no Ansible import: the pytest plugin ships a verbatim copy (written by
``make schema``).
"""

import collections
import re
import threading
import weakref
from typing import Any, Set

REDACTED = "<redacted>"

# Shorter values are no credential AWS issues, and replacing them would mangle ordinary words.
MIN_SECRET_LENGTH = 8

# Headers and query parameters whose value is a credential, or a signature made with one.
_CREDENTIAL_NAMES = r"x-amz-security-token|authorization|x-amz-signature|x-amz-credential|signature"

# The name, a closing quote if the name was quoted, ":" or "=", then the value: quoted (up to
# its closing quote, or the end of the text when a cap cut it off), or bare (an Authorization
# header to the end of its line, which holds spaces and commas; anything else to a delimiter).
_QUOTED_VALUE = re.compile(rf"""(?i)\b({_CREDENTIAL_NAMES})(['"]?\s*[:=]\s*b?)(['"])((?:\\.|(?!\3).)*)""")
_BARE_AUTHORIZATION = re.compile(r"""(?i)\b(authorization)(\s*[:=]\s*)(?!['"<])([^\r\n]+)""")
# A password in a URL's user information: scheme://user:password@host.
_URL_PASSWORD = re.compile(r"""(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@'"]*:)([^\s/@'"]+)@""")
_BARE_VALUE = re.compile(rf"""(?i)\b({_CREDENTIAL_NAMES})(\s*[:=]\s*)(?!['"<])([^\s'",;&}}\]]+)""")


def redacted(text, secrets=()):
    """``text`` without credential header values and without any of ``secrets`` (strings)."""
    if not isinstance(text, str):
        return text
    for secret in sorted(
        {secret for secret in secrets if isinstance(secret, str) and len(secret) >= MIN_SECRET_LENGTH},
        key=len,
        reverse=True,
    ):
        text = text.replace(secret, REDACTED)
    text = _QUOTED_VALUE.sub(lambda match: match.group(1) + match.group(2) + match.group(3) + REDACTED, text)
    text = _BARE_AUTHORIZATION.sub(lambda match: match.group(1) + match.group(2) + REDACTED, text)
    text = _URL_PASSWORD.sub(lambda match: match.group(1) + REDACTED + "@", text)
    return _BARE_VALUE.sub(lambda match: match.group(1) + match.group(2) + REDACTED, text)


# In an Authorization header: the access key (before the scope) and the signature.
_AUTHORIZATION_PARTS = re.compile(r"Credential=([^/,\s]+)|Signature=([0-9a-fA-F]+)")
_SENT_HEADERS = ("authorization", "x-amz-security-token")


# An Authorization header and its signature hold for one request only, and an error quotes the request it
# answers, one of the latest sent: the recorder keeps those of this many requests, so that a long-running
# event source or play does not keep (and search) every signature it ever sent.
RECENT_REQUESTS_KEPT = 256


class SentCredentials:
    """The credential values a client's requests carried: session token, Authorization header, access key, signatures.

    They are what an endpoint can quote back. Recorded as each request leaves (botocore's
    before-send event), so they are known whatever the source of the credentials. Access keys
    and session tokens are kept for the client's life; Authorization headers and signatures for
    the latest RECENT_REQUESTS_KEPT requests.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._lasting: Set[str] = set()
        self._recent: collections.deque[tuple[str, ...]] = collections.deque(maxlen=RECENT_REQUESTS_KEPT)

    @property
    def values(self) -> Set[str]:
        with self._lock:
            return self._lasting.union(*self._recent)

    def record(self, request=None, **kwargs):
        headers = getattr(request, "headers", None) or {}
        lasting = []
        per_request = []
        # Names first: botocore's HeadersDict builds a case-insensitive key to read each value.
        for name in headers:
            lowered = name.lower()
            if lowered not in _SENT_HEADERS:
                continue
            value = headers[name]
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            if lowered != "authorization":
                lasting.append(text)
                continue
            per_request.append(text)
            for access_key, signature in _AUTHORIZATION_PARTS.findall(text):
                if access_key:
                    lasting.append(access_key)
                if signature:
                    per_request.append(signature)
        with self._lock:
            self._lasting.update(lasting)
            if per_request:
                self._recent.append(tuple(per_request))
        # None: botocore goes on sending the request.


_recorders: "weakref.WeakKeyDictionary[Any, SentCredentials]" = weakref.WeakKeyDictionary()
_recorders_lock = threading.Lock()


def sent_credentials(client):
    """The SentCredentials of a botocore client (or amazon.aws's retrying wrapper of one), recording from now on."""
    with _recorders_lock:
        recorder = _recorders.get(client)
        if recorder is None:
            recorder = _recorders[client] = SentCredentials()
            # First: a handler that answers the request itself (a test's stub) would end the chain before ours.
            client.meta.events.register_first("before-send", recorder.record)
    return recorder


# An error's strings are cut to this length once redacted: a 50 MB message must not make a 50 MB task result.
SHOWN_LIMIT = 2000


def _shown(text, secrets):
    text = redacted(text, secrets)
    if isinstance(text, str) and len(text) > SHOWN_LIMIT:
        return f"{text[:SHOWN_LIMIT]}...({len(text)} characters)"
    return text


def _redacted_structure(value, secrets, depth=0):
    if isinstance(value, str):
        return _shown(value, secrets)
    if depth > 100:  # deeper than any AWS error: shown no further
        return REDACTED
    if isinstance(value, dict):
        return {key: _redacted_structure(item, secrets, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redacted_structure(item, secrets, depth + 1) for item in value]
    return value


def redact_error(error, secrets=()):
    """Redact, in place, what a botocore exception shows: its message, its response (ClientError), its format arguments.

    Each of their strings is also cut to SHOWN_LIMIT characters.
    """
    error.args = tuple(_shown(arg, secrets) for arg in error.args)
    if isinstance(getattr(error, "response", None), dict):
        error.response = _redacted_structure(error.response, secrets)
    if isinstance(getattr(error, "kwargs", None), dict):
        error.kwargs = _redacted_structure(error.kwargs, secrets)
    return error
