"""Credentials are taken out of text in every form a message or a report may hold them."""

from types import SimpleNamespace

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import (
    RECENT_REQUESTS_KEPT,
    REDACTED,
    SentCredentials,
    redacted,
)

TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc="
AUTHORIZATION = (
    "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE0000001/20261130/us-east-1/cleanrooms-ml/aws4_request, "
    "SignedHeaders=host, Signature=" + "ab" * 32
)


@pytest.mark.parametrize(
    "text",
    [
        f"headers={{'X-Amz-Security-Token': b'{TOKEN}', 'Authorization': b'{AUTHORIZATION}'}}",
        f'{{"x-amz-security-token": "{TOKEN}", "authorization": "{AUTHORIZATION}"}}',
        f"GET / HTTP/1.1\r\nX-Amz-Security-Token: {TOKEN}\r\nAuthorization: {AUTHORIZATION}\r\nHost: x",
        "https://bucket.s3.amazonaws.com/k?X-Amz-Security-Token={}&X-Amz-Signature={}&X-Amz-Date=1".format(
            TOKEN, "ab" * 32
        ),
        f"denied, you sent X-Amz-Security-Token={TOKEN}; Authorization={AUTHORIZATION}",
    ],
    ids=["dict repr", "JSON", "header lines", "presigned URL", "prose"],
)
def test_credential_headers_are_redacted_in_every_form(text):
    clean = redacted(text)
    assert TOKEN not in clean and "ab" * 32 not in clean and "AKIAEXAMPLE0000001" not in clean, clean
    assert REDACTED in clean


def test_a_value_cut_off_by_a_cap_is_redacted_to_the_end():
    assert redacted(f"{{'X-Amz-Security-Token': b'{TOKEN[:20]}") == f"{{'X-Amz-Security-Token': b'{REDACTED}"


def test_known_secrets_are_redacted_anywhere_and_short_ones_left():
    assert (
        redacted(f"the token {TOKEN} was refused, testing", [TOKEN, "testing"])
        == f"the token {REDACTED} was refused, testing"
    )


def test_ordinary_messages_are_left_as_they_are():
    message = "User arn:aws:iam::1:user/x is not authorized to perform: cleanrooms-ml:GetCollaborationTrainedModel"
    assert redacted(message, ["AKIAEXAMPLE0000001"]) == message
    assert redacted(None) is None


def test_a_password_in_a_url_is_redacted():
    assert redacted("Could not connect to the endpoint URL: http://admin:s3cret-pw@proxy.local:8080/x") == (
        f"Could not connect to the endpoint URL: http://admin:{REDACTED}@proxy.local:8080/x"
    )


def _signed_request(number, token=TOKEN):
    signature = f"{number:064x}"
    authorization = AUTHORIZATION.replace("ab" * 32, signature)
    return SimpleNamespace(headers={"Authorization": authorization.encode(), "X-Amz-Security-Token": token}), signature


def test_sent_credentials_keep_the_keys_and_the_latest_requests_signatures_only():
    sent = SentCredentials()
    signatures = []
    for number in range(RECENT_REQUESTS_KEPT * 4):
        request, signature = _signed_request(number)
        sent.record(request=request)
        signatures.append(signature)

    values = sent.values
    # The access key and the token, from every request, stay for the client's life.
    assert {"AKIAEXAMPLE0000001", TOKEN} <= values
    # The latest requests' signatures are there to take out of an error quoting them; the oldest are gone.
    assert set(signatures[-RECENT_REQUESTS_KEPT:]) <= values
    assert not set(signatures[:-RECENT_REQUESTS_KEPT]) & values
    # Per request: its Authorization header and its signature.
    assert len(values) == 2 + 2 * RECENT_REQUESTS_KEPT


def test_sent_credentials_are_redacted_from_a_message_quoting_the_latest_request():
    sent = SentCredentials()
    for number in range(RECENT_REQUESTS_KEPT + 10):
        request, signature = _signed_request(number)
        sent.record(request=request)

    message = f"AccessDenied: the request signed {signature} with a token {TOKEN} was refused"

    assert (
        redacted(message, sent.values)
        == f"AccessDenied: the request signed {REDACTED} with a token {REDACTED} was refused"
    )
