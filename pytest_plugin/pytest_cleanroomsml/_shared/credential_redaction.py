# DO NOT EDIT: written by `make schema` from plugins/module_utils/credential_redaction.py.
# -*- coding: utf-8 -*-
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Take credentials out of text that is about to be shown: service messages, failure reports.

An endpoint or a proxy may quote the request's headers in its error message, and a Python
traceback's locals hold the signed request: either would show the session token and the
Authorization header. ``redacted(text, secrets)`` replaces the values of those headers (and
of their presigned-URL twins), whatever their form (a dict's repr, an HTTP header line,
JSON, a query string), and every one of ``secrets`` (the credentials in use) wherever it
appears. Plain Python with no Ansible import: the pytest plugin ships a verbatim copy
(written by ``make schema``).
"""

import re

REDACTED = "<redacted>"

# Shorter values are no credential AWS issues, and replacing them would mangle ordinary words.
MIN_SECRET_LENGTH = 8

# Headers and query parameters whose value is a credential, or a signature made with one.
_CREDENTIAL_NAMES = r"x-amz-security-token|authorization|x-amz-signature|x-amz-credential|signature"

# The name, a closing quote if the name was quoted, ":" or "=", then the value: quoted (up to
# its closing quote, or the end of the text when a cap cut it off), or bare (an Authorization
# header to the end of its line, which holds spaces and commas; anything else to a delimiter).
_QUOTED_VALUE = re.compile(r"""(?i)\b(%s)(['"]?\s*[:=]\s*b?)(['"])((?:\\.|(?!\3).)*)""" % _CREDENTIAL_NAMES)
_BARE_AUTHORIZATION = re.compile(r"""(?i)\b(authorization)(\s*[:=]\s*)(?!['"<])([^\r\n]+)""")
_BARE_VALUE = re.compile(r"""(?i)\b(%s)(\s*[:=]\s*)(?!['"<])([^\s'",;&}\]]+)""" % _CREDENTIAL_NAMES)


def redacted(text, secrets=()):
    """``text`` without credential header values and without any of ``secrets`` (strings)."""
    if not isinstance(text, str):
        return text
    for secret in sorted(set(secret for secret in secrets if isinstance(secret, str) and len(secret) >= MIN_SECRET_LENGTH), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _QUOTED_VALUE.sub(lambda match: match.group(1) + match.group(2) + match.group(3) + REDACTED, text)
    text = _BARE_AUTHORIZATION.sub(lambda match: match.group(1) + match.group(2) + REDACTED, text)
    return _BARE_VALUE.sub(lambda match: match.group(1) + match.group(2) + REDACTED, text)
