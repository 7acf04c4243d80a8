# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read the API's ISO 8601 timestamps without dateutil, for the clients the plugins build.

Clean Rooms ML sends its timestamps as ISO 8601 strings (the service model's timestampFormat).
botocore parses each with dateutil (some 40 microseconds each, four in every
GetCollaborationTrainedModel answer), and the plugins then write each back as an ISO 8601
string for the facts. ``parse_timestamps_quickly(client)`` gives the client's response parser
``iso8601_timestamp``, which reads the form the service sends (a date, 'T', a time, an
optional fraction of 1 to 6 digits, 'Z' or an offset) directly and hands anything else to
botocore's own parser: the same instants and offsets, so the same facts.
"""

import datetime
import re

try:
    from botocore.utils import parse_timestamp
except ImportError:
    parse_timestamp = None  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

_ISO8601 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:(Z)|([+-])(\d{2}):(\d{2}))\Z", re.ASCII
)


def _direct_datetime(text):
    """The aware datetime of an ISO 8601 string in the service's form, or None for any other value."""
    match = _ISO8601.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, utc, sign, offset_hours, offset_minutes = match.groups()
    if utc:
        zone = datetime.timezone.utc
    else:
        offset = datetime.timedelta(hours=int(offset_hours), minutes=int(offset_minutes))
        zone = datetime.timezone(-offset if sign == "-" else offset)
    microsecond = int(fraction.ljust(6, "0")) if fraction else 0
    return datetime.datetime(
        int(year), int(month), int(day), int(hour), int(minute), int(second), microsecond, tzinfo=zone
    )


def iso8601_timestamp(value):
    """botocore's parse_timestamp(value), read directly when ``value`` is in the service's form."""
    try:
        parsed = _direct_datetime(value)
    except ValueError:  # out of range (a 13th month, a 24-hour offset): botocore says what it makes of it
        parsed = None
    return parse_timestamp(value) if parsed is None else parsed


def parse_timestamps_quickly(client):
    """Have a botocore client (or amazon.aws's retrying wrapper of one) parse timestamps with iso8601_timestamp.

    The parser factory is the one botocore's Endpoint creates each response's parser with;
    set_parser_defaults() is its documented way to change the timestamp parser.
    """
    endpoint = getattr(client, "_endpoint", None)
    factory = getattr(endpoint, "_response_parser_factory", None)
    if factory is not None and hasattr(factory, "set_parser_defaults"):
        factory.set_parser_defaults(timestamp_parser=iso8601_timestamp)
