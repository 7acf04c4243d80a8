"""Live mode: real clients from the standard credential chain, errors without credentials, skips for the offline
fixtures.
"""

import os

import pytest
from pytest_cleanroomsml import CleanRoomsMLFake

pytest_plugins = ["pytester"]

SECRET = "TOPSECRET-do-not-print"

NEEDS_A_CLIENT_OR_THE_FAKE = """
def test_client(cleanroomsml_client):
    pass

def test_trained_model(cleanroomsml_trained_model):
    pass

def test_wait(wait_for_trained_model):
    pass

def test_fake(cleanroomsml_fake):
    pass

def test_server(cleanroomsml_server):
    pass

def test_without_aws():
    pass
"""


@pytest.fixture
def aws_environment(monkeypatch, tmp_path):
    """Leaves boto3 only the configuration a test writes: no AWS_* variable, empty config files, no instance
    metadata.
    """
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    config, credentials = tmp_path / "config", tmp_path / "credentials"
    config.write_text("", encoding="utf-8")
    credentials.write_text("", encoding="utf-8")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return config


def test_without_credentials_tests_that_need_aws_are_errors_with_the_reason(pytester, aws_environment):
    pytester.makepyfile(NEEDS_A_CLIENT_OR_THE_FAKE)

    # In a subprocess: an in-process run would register the fake's moto backend and then drop it with the
    # modules pytester restores, leaving this process's later tests without it (an order dependence).
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--cleanroomsml-live", "-rsE")

    result.assert_outcomes(passed=1, skipped=2, errors=3)
    no_credentials = (
        "live Clean Rooms ML run (--cleanroomsml-live) without AWS credentials: none found in the environment, "
        "the AWS config and credentials files, or instance and container metadata"
    )
    result.stdout.fnmatch_lines(
        [f"*{no_credentials}"] * 3
        + ["SKIPPED * cleanroomsml_fake is offline only, and this run is live (--cleanroomsml-live)"] * 2,
        consecutive=False,
    )


def test_credentials_that_fail_to_load_are_errors_without_revealing_anything(pytester, aws_environment, monkeypatch):
    # A credential_process that fails prints its output into botocore's error message.
    aws_environment.write_text(f"[default]\ncredential_process = sh -c 'echo {SECRET} >&2; exit 1'\n", encoding="utf-8")
    monkeypatch.setenv("AWS_SESSION_TOKEN", SECRET)
    pytester.makepyfile(NEEDS_A_CLIENT_OR_THE_FAKE)

    # In a subprocess: an in-process run would register the fake's moto backend and then drop it with the
    # modules pytester restores, leaving this process's later tests without it (an order dependence).
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--cleanroomsml-live", "-rsE")

    result.assert_outcomes(passed=1, skipped=2, errors=3)
    result.stdout.fnmatch_lines(["*loading AWS credentials failed with CredentialRetrievalError; check AWS_PROFILE *"])
    assert SECRET not in result.stdout.str() + result.stderr.str()


# Module scope: set up before the function-scoped pytester, whose restored sys.modules would otherwise drop the
# moto backend this registers, and with it the fake of every later test in this process (an order dependence).
@pytest.fixture(scope="module")
def live_endpoint():
    """A fake served over HTTP, standing in for AWS: (endpoint URL, a trained model in eu-west-2)."""
    fake = CleanRoomsMLFake(region="eu-west-2")
    fake.reset()
    model = fake.add_trained_model("churn")
    with fake.server() as endpoint_url:
        yield endpoint_url, model
    fake.reset()


@pytest.mark.parametrize("configured_by", ["command line", "ini file"])
def test_live_clients_use_the_credential_chain_region_and_endpoint(
    pytester, aws_environment, monkeypatch, live_endpoint, configured_by
):
    endpoint_url, model = live_endpoint
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIALIVELIVELIVELIVE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "live-secret")
    pytester.makepyfile(
        f"""
        import os

        def test_live_client(request, cleanroomsml_client, cleanroomsml_trained_model):
            response = cleanroomsml_trained_model({model["trainedModelArn"]!r}, {model["collaborationIdentifier"]!r})

            assert response["status"] == "ACTIVE"
            meta = cleanroomsml_client.meta
            assert (meta.region_name, meta.endpoint_url) == ("eu-west-2", {endpoint_url!r})
            # The fake stayed inactive: it would have replaced the credentials.
            assert "cleanroomsml_fake" not in request.fixturenames
            assert os.environ["AWS_ACCESS_KEY_ID"] == "AKIALIVELIVELIVELIVE"

        def test_fake(cleanroomsml_fake):
            pass
        """
    )
    settings = ["--cleanroomsml-live", "--cleanroomsml-region=eu-west-2", f"--cleanroomsml-endpoint-url={endpoint_url}"]
    if configured_by == "ini file":
        pytester.makeini(
            "[pytest]\ncleanroomsml_live = true\ncleanroomsml_region = eu-west-2\ncleanroomsml_endpoint_url = "
            f"{endpoint_url}\n"
        )
        settings = []

    # In a subprocess: its requests reach the fake over HTTP only, never through this process's moto.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *settings)

    result.assert_outcomes(passed=1, skipped=1)
