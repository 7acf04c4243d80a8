"""An endpoint that quotes the request's headers in its error never gets the credentials into Ansible's output
or a pytest failure: the module, the lookup and the plugin redact every service message they pass on."""

import json
import re

import boto3
import pytest
from ansible.errors import AnsibleLookupError
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from botocore.exceptions import ClientError
from helpers.lookup_runs import COLLABORATION
from pytest_cleanroomsml.trained_model_fixtures import TrainedModelFetcher

from .scripted_endpoint import EchoHeaders, ScriptedEndpoint

ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    "/trained-model/0f8fad5b-d9cb-469f-a165-70867728950e"
)
ACCESS_KEY = "AKIAECHOEDHEADERS001"
SECRET_KEY = "echoed-headers-secret-key-6f1e0b2d"
SESSION_TOKEN = "echoed-headers-session-token-c4a9d7e3"
# The credentials as options, or (None) from the environment, as a profile would give them.
AS_OPTIONS = {"access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "session_token": SESSION_TOKEN}
FROM_ENVIRONMENT = {"access_key": None, "secret_key": None, "session_token": None}
SIGNATURE = re.compile(r"Signature=[0-9a-f]{64}")


@pytest.fixture(autouse=True)
def environment_credentials(monkeypatch):
    for name in ("AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_SESSION_TOKEN", SESSION_TOKEN)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")


@pytest.fixture
def echoing_endpoint():
    with ScriptedEndpoint(EchoHeaders(403, "AccessDeniedException")) as endpoint:
        yield endpoint


def assert_clean(text, endpoint):
    assert endpoint.connections >= 1, "no request reached the echoing endpoint"
    assert SESSION_TOKEN not in text and SECRET_KEY not in text and ACCESS_KEY not in text, text
    assert not SIGNATURE.search(text), text
    # The echo was there, and was redacted: not a message that never quoted the headers.
    assert "<redacted>" in text, text


@pytest.mark.secrets
@pytest.mark.parametrize("credentials", [AS_OPTIONS, FROM_ENVIRONMENT], ids=["as options", "from the environment"])
@pytest.mark.parametrize("mode", ["get", "list"])
def test_module_failure_shows_no_credential(run_module, quick_backoff, echoing_endpoint, credentials, mode):
    arguments = dict(collaboration_identifier=COLLABORATION, endpoint_url=echoing_endpoint.url, **credentials)
    if mode == "get":
        arguments["trained_model_arn"] = ARN

    result = run_module(main, arguments)

    assert result["failed"] and "AccessDeniedException" in result["msg"]
    # amazon.aws shows access_key in the invocation, as an identifier (not no_log); secret_key and session_token are
    # masked there.
    shown = json.dumps(dict(result, invocation=None))
    assert_clean(shown, echoing_endpoint)
    assert SESSION_TOKEN not in json.dumps(result) and SECRET_KEY not in json.dumps(result)


@pytest.mark.secrets
@pytest.mark.parametrize("credentials", [AS_OPTIONS, FROM_ENVIRONMENT], ids=["as options", "from the environment"])
@pytest.mark.parametrize("on_denied", ["error", "warn"])
def test_lookup_error_and_warning_show_no_credential(
    run_lookup, lookup_warnings, quick_backoff, echoing_endpoint, credentials, on_denied
):
    options = {name: value for name, value in credentials.items() if value is not None}
    try:
        results = run_lookup(ARN, endpoint_url=echoing_endpoint.url, on_denied=on_denied, **options)
    except AnsibleLookupError as error:
        shown = str(error)
    else:
        assert results == []
        shown = "\n".join(lookup_warnings)

    assert "AccessDeniedException" in shown
    assert_clean(shown, echoing_endpoint)


@pytest.mark.secrets
def test_plugin_fetch_error_shows_no_credential(echoing_endpoint):
    fetch = TrainedModelFetcher(boto3.session.Session().client("cleanroomsml", endpoint_url=echoing_endpoint.url))

    with pytest.raises(ClientError) as raised:
        fetch(ARN, COLLABORATION)

    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"
    assert_clean(str(raised.value) + json.dumps(raised.value.response, default=str), echoing_endpoint)
