"""iso8601_timestamp reads the service's timestamps as botocore's parser does; clients get it, facts stay the same."""

import datetime
import json
import random

import boto3
import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.timestamp_parsing import (
    iso8601_timestamp,
    parse_timestamps_quickly,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import trained_model_facts
from botocore.parsers import RestJSONParser
from botocore.utils import parse_timestamp
from trained_model_samples import ARN, ASSOCIATION_ARN, MEMBERSHIP

SERVICE_FORM = [
    "2026-11-30T14:41:02Z",
    "2026-11-30T14:41:02.123Z",
    "2026-11-30T14:41:02.1Z",
    "2026-11-30T14:41:02.123456Z",
    "2026-11-30T14:41:02+00:00",
    "2026-11-30T14:41:02.5-00:00",
    "2026-11-30T14:41:02.250+05:30",
    "2026-11-30T14:41:02-08:00",
    "2024-02-29T00:00:00-23:59",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999Z",
]

# Not the service's form: each goes to botocore's parser, whatever it makes of it.
OTHER_FORMS = [
    "1764513662",
    "1764513662.5",
    "2026-11-30T14:41:02",
    "2026-11-30 14:41:02Z",
    "2026-11-30T14:41:02.1234567Z",
    "2026-11-30T14:41:02+0530",
    "20261130T144102Z",
    "Mon, 30 Nov 2026 14:41:02 GMT",
    "2026-11-30T14:41:02z",
    "\uff12\uff10\uff12\uff16-11-30T14:41:02Z",  # full-width digits, which \d alone would take
    1764513662,
    1764513662.25,
]

# The service's form with a field out of range: botocore's parser decides (an answer or its ValueError).
OUT_OF_RANGE = [
    "2026-13-30T14:41:02Z",
    "2026-02-30T14:41:02Z",
    "2026-11-30T24:00:00Z",
    "2026-11-30T14:41:60Z",
    "2026-11-30T14:41:02+24:00",
    "0000-01-01T00:00:00Z",
]


def botocore_reading(value):
    """What the facts keep of botocore's own parse: the ISO 8601 text, the offset and the instant; or its error."""
    return reading(parse_timestamp, value)


def our_reading(value):
    return reading(iso8601_timestamp, value)


def reading(parser, value):
    # dateutil accepts a 24-hour offset, which datetime then refuses to use: that ValueError counts too.
    try:
        parsed = parser(value)
        return (parsed.isoformat(), parsed.utcoffset(), parsed.timestamp())
    except ValueError as error:
        return ("ValueError", str(error))


@pytest.mark.parametrize("value", SERVICE_FORM + OTHER_FORMS + OUT_OF_RANGE)
def test_reads_each_timestamp_as_botocore_does(value):
    assert our_reading(value) == botocore_reading(value)


def test_random_service_timestamps_read_as_botocore_does():
    generator = random.Random(18)
    for _case in range(2000):
        moment = datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=generator.uniform(0, 40 * 365 * 86400))
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        digits = generator.randint(0, 6)
        if digits:
            text += "." + "".join(generator.choice("0123456789") for _digit in range(digits))
        zone = generator.choice(["Z", None])
        if zone is None:
            minutes = generator.randint(-23 * 60 - 59, 23 * 60 + 59)
            zone = "{}{:02d}:{:02d}".format("-" if minutes < 0 else "+", abs(minutes) // 60, abs(minutes) % 60)
        text += zone
        assert our_reading(text) == botocore_reading(text), text


def test_service_form_is_read_without_botocore(monkeypatch):
    """The direct reading is what is used for the service's form (not botocore's parser behind it)."""
    from ansible_collections.cleanrooms.ml.plugins.module_utils import timestamp_parsing

    monkeypatch.setattr(timestamp_parsing, "parse_timestamp", None)
    assert timestamp_parsing.iso8601_timestamp("2026-11-30T14:41:02.250+05:30").isoformat() == (
        "2026-11-30T14:41:02.250000+05:30"
    )


def rest_json_answer(body):
    return {"status_code": 200, "headers": {}, "body": json.dumps(body).encode()}


def test_client_parses_answers_with_it_and_facts_stay_the_same():
    client = boto3.session.Session(region_name="us-east-1").client("cleanroomsml")
    output = client.meta.service_model.operation_model("GetCollaborationTrainedModel").output_shape
    body = {
        "membershipIdentifier": MEMBERSHIP,
        "collaborationIdentifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "trainedModelArn": ARN,
        "name": "model",
        "status": "ACTIVE",
        "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN,
        "creatorAccountId": "123456789012",
        "createTime": "2026-11-30T14:41:02.123Z",
        "updateTime": "2026-11-30T16:41:02.5+02:00",
    }
    default_response = RestJSONParser().parse(rest_json_answer(body), output)

    parse_timestamps_quickly(client)
    parser = client._endpoint._response_parser_factory.create_parser("rest-json")
    assert parser._timestamp_parser is iso8601_timestamp
    quick_response = parser.parse(rest_json_answer(body), output)

    assert trained_model_facts(quick_response, "strict", "model") == trained_model_facts(
        default_response, "strict", "model"
    )
    assert quick_response["createTime"] == default_response["createTime"]


def test_anything_without_a_parser_factory_is_left_alone():
    parse_timestamps_quickly(object())
