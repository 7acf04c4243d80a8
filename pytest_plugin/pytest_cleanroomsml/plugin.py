"""pytest entry point (group pytest11): options and fixtures for code that calls AWS Clean Rooms ML.

pytest imports this module in every run where the plugin is installed, tests that never use it
included, and pytest-xdist's controller, which runs no test. So it imports no moto, boto3,
botocore or jsonschema (some 0.4 s): each fixture imports what it needs when a test first uses it.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ._shared.credential_redaction import redacted
from .fake_around_test import CALL_PASSED
from .fake_markers import MARKERS
from .options import CleanRoomsMLSettings, add_options, read_seed, read_settings
from .process_role import runs_tests
from .report_redaction import live_credential_values, redact_report
from .retry_sleeps import RetrySleeps, skip_retry_sleeps

if TYPE_CHECKING:
    from botocore.client import BaseClient

    from .fake import CleanRoomsMLFake
    from .trained_model_fixtures import TrainedModelFetcher, TrainedModelWaiter


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


SETTINGS = pytest.StashKey[CleanRoomsMLSettings]()
SEED = pytest.StashKey[dict[str, Any] | None]()


def pytest_configure(config: pytest.Config) -> None:
    for marker, description in MARKERS:
        config.addinivalue_line("markers", f"{marker}: {description}")
    # Read once at start-up, so that a bad setting is one usage error rather than one per test.
    config.stash[SETTINGS] = read_settings(config)
    config.stash[SEED] = read_seed(config, config.stash[SETTINGS])
    if not config.stash[SETTINGS].live and runs_tests(config):
        # Before test modules import: a client they make at import time reaches the fake too.
        from .fake.botocore_handler import install_handler

        install_handler()


def pytest_report_header(config: pytest.Config) -> str:
    settings = config.stash[SETTINGS]
    if not settings.live:
        seeded = f", seeded from {settings.seed_file}" if settings.seed_file else ""
        return f"cleanroomsml: offline fake in {settings.region}{seeded}"
    # redacted(): a password in the endpoint URL's user information is not shown.
    return f"cleanroomsml: live AWS in {settings.region}" + (
        f" at {redacted(settings.endpoint_url)}" if settings.endpoint_url else ""
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Every report, not only those of tests using our fixtures: any test may call AWS with a live client.
    report: pytest.TestReport = yield
    redact_report(report, live_credential_values())
    if report.when == "call":
        item.stash[CALL_PASSED] = report.passed
    return report


@pytest.fixture(scope="session")
def cleanroomsml_settings(pytestconfig: pytest.Config) -> CleanRoomsMLSettings:
    """Live or offline, Region and endpoint URL: from the command line when given there, else the ini file."""
    return pytestconfig.stash[SETTINGS]


@pytest.fixture
def cleanroomsml_fake(
    request: pytest.FixtureRequest, cleanroomsml_settings: CleanRoomsMLSettings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CleanRoomsMLFake]:
    """A CleanRoomsMLFake with its in-process mock active for the test, reset after it.

    It holds the seed file's models (cleanroomsml_seed) and the test's cleanroomsml_models marks'.
    Failures queued with fail_next that no request met are an error of the test at teardown.
    The environment holds fake AWS credentials meanwhile, never the real ones. Skipped in live runs.
    """
    if cleanroomsml_settings.live:
        pytest.skip("cleanroomsml_fake is offline only, and this run is live (--cleanroomsml-live)")
    from .aws_isolation import isolate_from_real_aws
    from .fake import CleanRoomsMLFake
    from .fake_around_test import check_failures_used, seed_for_test

    isolate_from_real_aws(monkeypatch, cleanroomsml_settings.region)
    fake = CleanRoomsMLFake(region=cleanroomsml_settings.region)
    # moto's state is process-wide: drop what was seeded outside this fixture, in any Region.
    fake.reset_every_region()
    seed_for_test(fake, request.node, request.config.stash[SEED])
    with fake.mock():
        yield fake
    unused = fake.unused_failures()
    fake.reset_every_region()
    check_failures_used(unused, request.node)


@pytest.fixture
def cleanroomsml_no_retry_sleep(monkeypatch: pytest.MonkeyPatch) -> RetrySleeps:
    """Retries happen without their sleeps during the test: botocore's (standard and legacy modes),
    amazon.aws's AWSRetry backoff and the cleanrooms.ml collection's wait for Retry-After.

    Gives the sleeps they asked for (``.asked``, ``.seconds(by)``), so a test can check the delays.
    """
    return skip_retry_sleeps(monkeypatch)


@pytest.fixture(scope="session")
def _cleanroomsml_http_endpoint(cleanroomsml_settings: CleanRoomsMLSettings) -> Iterator[str]:
    # One server per process (so per xdist worker), on a free port. It serves moto's
    # process-wide state, the very state that cleanroomsml_fake seeds and resets per test.
    from .fake import CleanRoomsMLFake

    with CleanRoomsMLFake(region=cleanroomsml_settings.region).server() as endpoint_url:
        yield endpoint_url


@pytest.fixture
def cleanroomsml_server(cleanroomsml_fake: CleanRoomsMLFake, _cleanroomsml_http_endpoint: str) -> str:
    """The fake's endpoint URL over HTTP, for subprocesses such as ansible-playbook; it shares state with
    cleanroomsml_fake.
    """
    return _cleanroomsml_http_endpoint


@pytest.fixture
def cleanroomsml_client(request: pytest.FixtureRequest, cleanroomsml_settings: CleanRoomsMLSettings) -> BaseClient:
    """A boto3 cleanroomsml client in the configured Region: the fake's (it activates cleanroomsml_fake), or live AWS's.

    In live mode it comes from the standard AWS credential chain; without credentials, the test is
    an error: a live run that reached no AWS must not pass as a run of skips.
    """
    from .clients import LiveCredentialsMissing, live_client, offline_client

    if cleanroomsml_settings.live:
        try:
            return live_client(cleanroomsml_settings)
        except LiveCredentialsMissing as missing:
            failure = str(missing)
        pytest.fail(failure, pytrace=False)
    # Requested here rather than as a parameter, so that live runs never activate it.
    request.getfixturevalue("cleanroomsml_fake")
    return offline_client(cleanroomsml_settings)


@pytest.fixture
def cleanroomsml_trained_model(
    request: pytest.FixtureRequest, cleanroomsml_settings: CleanRoomsMLSettings, cleanroomsml_client: BaseClient
) -> TrainedModelFetcher:
    """cleanroomsml_trained_model(arn, collaboration_identifier, version_identifier=None): the validated response."""
    from .trained_model_fixtures import TrainedModelFetcher

    # Offline, the fake (which cleanroomsml_client activated) names its models when one is not found.
    fake = None if cleanroomsml_settings.live else request.getfixturevalue("cleanroomsml_fake")
    return TrainedModelFetcher(cleanroomsml_client, fake)


@pytest.fixture
def wait_for_trained_model(cleanroomsml_trained_model: TrainedModelFetcher) -> TrainedModelWaiter:
    """wait_for_trained_model(arn, collaboration_identifier, status="ACTIVE", timeout=600, delay=5, *,
    version_identifier=None): the final response.
    """
    from .trained_model_fixtures import TrainedModelWaiter

    return TrainedModelWaiter(cleanroomsml_trained_model)
