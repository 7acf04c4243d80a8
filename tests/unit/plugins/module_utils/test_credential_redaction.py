"""Credentials are taken out of text in every form a message or a report may hold them."""

import pytest

from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import REDACTED
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import redacted

TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc="
AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE0000001/20261130/us-east-1/cleanrooms-ml/aws4_request, SignedHeaders=host, Signature=" + "ab" * 32


@pytest.mark.parametrize(
    "text",
    [
        "headers={'X-Amz-Security-Token': b'%s', 'Authorization': b'%s'}" % (TOKEN, AUTHORIZATION),
        '{"x-amz-security-token": "%s", "authorization": "%s"}' % (TOKEN, AUTHORIZATION),
        "GET / HTTP/1.1\r\nX-Amz-Security-Token: %s\r\nAuthorization: %s\r\nHost: x" % (TOKEN, AUTHORIZATION),
        "https://bucket.s3.amazonaws.com/k?X-Amz-Security-Token=%s&X-Amz-Signature=%s&X-Amz-Date=1" % (TOKEN, "ab" * 32),
        "denied, you sent X-Amz-Security-Token=%s; Authorization=%s" % (TOKEN, AUTHORIZATION),
    ],
    ids=["dict repr", "JSON", "header lines", "presigned URL", "prose"],
)
def test_credential_headers_are_redacted_in_every_form(text):
    clean = redacted(text)
    assert TOKEN not in clean and "ab" * 32 not in clean and "AKIAEXAMPLE0000001" not in clean, clean
    assert REDACTED in clean


def test_a_value_cut_off_by_a_cap_is_redacted_to_the_end():
    assert redacted("{'X-Amz-Security-Token': b'%s" % TOKEN[:20]) == "{'X-Amz-Security-Token': b'%s" % REDACTED


def test_known_secrets_are_redacted_anywhere_and_short_ones_left():
    assert redacted("the token %s was refused, testing" % TOKEN, [TOKEN, "testing"]) == "the token %s was refused, testing" % REDACTED


def test_ordinary_messages_are_left_as_they_are():
    message = "User arn:aws:iam::1:user/x is not authorized to perform: cleanrooms-ml:GetCollaborationTrainedModel"
    assert redacted(message, ["AKIAEXAMPLE0000001"]) == message
    assert redacted(None) is None


def test_a_password_in_a_url_is_redacted():
    assert redacted("Could not connect to the endpoint URL: http://admin:s3cret-pw@proxy.local:8080/x") == (
        "Could not connect to the endpoint URL: http://admin:%s@proxy.local:8080/x" % REDACTED
    )
