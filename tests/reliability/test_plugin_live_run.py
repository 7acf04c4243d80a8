"""A live run of the pytest plugin that cannot reach AWS is an error, not a green run of skips, and its report
header never shows a password given in the endpoint URL."""

import os

import pytest

pytest_plugins = ["pytester"]

NEEDS_AWS = """
def test_client(cleanroomsml_client):
    pass
"""
PASSWORD = "endpoint-url-password-31b7"


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith("AWS_"):
            monkeypatch.delenv(name)
    (tmp_path / "empty").write_text("", encoding="utf-8")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "empty"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "empty"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture
def live_run(pytester, no_credentials):
    pytester.makepyfile(NEEDS_AWS)
    return pytester.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "--cleanroomsml-live",
        f"--cleanroomsml-endpoint-url=https://admin:{PASSWORD}@proxy.example:8443",
    )


@pytest.mark.bad_input
def test_live_run_without_credentials_is_an_error(live_run):
    live_run.assert_outcomes(errors=1)
    assert live_run.ret != 0
    assert "without AWS credentials" in live_run.stdout.str()


@pytest.mark.secrets
def test_the_report_header_hides_the_endpoint_password(live_run):
    report = live_run.stdout.str() + live_run.stderr.str()
    assert PASSWORD not in report and "at https://admin:<redacted>@proxy.example:8443" in report
