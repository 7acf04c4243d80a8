# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The parts of a trained model ARN, for messages that say which part is wrong.

arn:<partition>:cleanrooms-ml:<Region>:<account>:membership/<membership id>/trained-model/<id>

Plain Python with no Ansible import: the pytest plugin ships a verbatim copy (written
by ``make schema``). The pattern itself is the caller's (the shared schema's), so that
it is never copied by hand.
"""

import re

from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted

# Every character some part of an ARN allows; anything else (a space, a newline, a
# look-alike letter) is named with its position before any part is judged.
_ARN_CHARACTER = re.compile(r"[-a-zA-Z0-9_/.:]")

# The parts, in order: (name, first and last ':'-separated field, first and last '/'-separated
# field of the resource). Fields are counted in the pattern and in the value alike.
_PARTS = (
    ("partition and service", (0, 3), None),
    ("Region", (3, 4), None),
    ("account", (4, 5), None),
    ("membership", (5, 6), (0, 2)),
    ("resource type", (5, 6), (2, 3)),
    ("id", (5, 6), (3, 4)),
)


def _fields(text):
    """The six ':'-separated fields of an ARN (or its pattern), the resource split in four at '/'."""
    fields = text.split(":", 5)
    if len(fields) < 6:
        return fields, None
    return fields, fields[5].split("/", 3)


def _part(fields, resource, colon_span, slash_span):
    text = ":".join(fields[colon_span[0] : colon_span[1]])
    return text if slash_span is None else "/".join(resource[slash_span[0] : slash_span[1]])


def arn_mistake(value, pattern):
    """What makes the string value fail the ARN pattern, in words; None when nothing is found.

    The character that no part allows and its position (from 1), else the first part that
    does not match its piece of the pattern.
    """
    for position, character in enumerate(value, 1):
        if not _ARN_CHARACTER.match(character):
            return f"{character!a} at position {position} cannot be part of an ARN"
    fields, resource = _fields(value)
    if resource is None:
        return f"it has {len(fields)} of the 6 ':'-separated parts of an ARN"
    if len(resource) < 4:
        return f"its resource {quoted(fields[5])} is not membership/<membership id>/trained-model/<id>"
    pattern_fields, pattern_resource = _fields(pattern.lstrip("^").rstrip("$"))
    for name, colon_span, slash_span in _PARTS:
        part = _part(fields, resource, colon_span, slash_span)
        part_pattern = _part(pattern_fields, pattern_resource, colon_span, slash_span)
        if not re.fullmatch(part_pattern, part):
            return f"its {name} {quoted(part)} does not match {part_pattern}"
    return None


def arn_region(arn):
    """The Region an ARN names, or None when it names none it could be asked in."""
    if not isinstance(arn, str):
        return None
    fields = arn.split(":", 5)
    return fields[3] if len(fields) == 6 and fields[0] == "arn" and fields[3] else None


def region_mismatch(arn, region):
    """'the ARN is in us-east-1; the request went to eu-west-1', or None when the Regions agree or one is unknown."""
    arn_in = arn_region(arn)
    if not arn_in or not region or arn_in == region:
        return None
    return f"the ARN is in {arn_in}; the request went to {region}"
