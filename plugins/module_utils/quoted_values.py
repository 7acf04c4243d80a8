# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Values quoted in messages: shown so that every character is visible, and never huge.

ascii() makes a trailing newline, a tab or a look-alike Unicode letter visible ("\\n",
"\\u0430"), where repr() would print the look-alike as it is. A value longer than the
limit is cut, with its full length named, so that a 50 MB answer cannot make a 50 MB
message. Plain Python with no Ansible import: the pytest plugin ships a verbatim copy
(written by ``make schema``).
"""

QUOTE_LIMIT = 300


def quoted(value, limit=QUOTE_LIMIT):
    """ascii() of value, cut to about limit characters with its full length named."""
    if isinstance(value, str):
        shown = ascii(value[:limit])
        if len(value) <= limit:
            return shown
        return f"{shown}...({len(value)} characters)"
    try:
        text = ascii(value)
    except RecursionError:
        return f"<{type(value).__name__} nested too deeply to show>"
    if len(text) <= limit:
        return text
    return f"{text[:limit]}...({len(text)} characters)"
