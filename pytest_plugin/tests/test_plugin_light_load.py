"""Loading the plugin is cheap: what a run imports at start-up, and in which processes the handler goes in.

Each run is a pytest subprocess (import state is per process) whose conftest records, when
that process unconfigures, which of the heavy libraries it has imported: one record for the
main process (xdist's controller, under -n) and one for each xdist worker.
"""

import json

import pytest

pytest_plugins = ["pytester"]

HEAVY_LIBRARIES = ("boto3", "botocore", "jsonschema", "moto")

RECORD_IMPORTS = f"""
import json
import sys


def pytest_unconfigure(config):
    process = config.workerinput["workerid"] if hasattr(config, "workerinput") else "main"
    imported = sorted(name for name in {HEAVY_LIBRARIES!r} if name in sys.modules)
    config.rootpath.joinpath(f"imports-{{process}}.json").write_text(json.dumps(imported), encoding="utf-8")
"""

NO_FIXTURE_TESTS = """
def test_plain_arithmetic():
    assert 1 + 1 == 2
"""

# A client made while pytest imports the test module, before any fixture: it reaches the fake only
# if the process that runs the test installed the plugin's botocore handler at start-up.
FIXTURE_TESTS = """
import boto3
import pytest

from pytest_cleanroomsml import assert_model_active

CLIENT_MADE_AT_IMPORT = boto3.client(
    "cleanroomsml", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
)


@pytest.mark.parametrize("number", range(4))
def test_the_fixtures_reach_the_fake(number, cleanroomsml_fake, cleanroomsml_client):
    model = cleanroomsml_fake.add_trained_model("model-%d" % number)
    assert_model_active(
        cleanroomsml_client.get_collaboration_trained_model(
            trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
        )
    )


@pytest.mark.parametrize("number", range(2))
def test_a_client_made_at_import_reaches_the_fake(number, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model("churn")
    response = CLIENT_MADE_AT_IMPORT.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )
    assert response["name"] == "churn"
"""


def imports_recorded(pytester):
    """{process: the heavy libraries it had imported}, for each process of the run ("main", "gw0"...)."""
    return {
        path.stem.removeprefix("imports-"): json.loads(path.read_text(encoding="utf-8"))
        for path in pytester.path.glob("imports-*.json")
    }


@pytest.fixture
def recording(pytester):
    pytester.makeconftest(RECORD_IMPORTS)
    return pytester


def test_a_run_whose_tests_use_no_fixture_imports_neither_moto_boto3_nor_jsonschema(recording):
    recording.makepyfile(NO_FIXTURE_TESTS)

    result = recording.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=1)
    # botocore alone, for the handler that clients made at the test module's import need.
    assert imports_recorded(recording) == {"main": ["botocore"]}


@pytest.mark.parametrize(
    "options",
    [["--help"], ["--markers"], ["--fixtures"], ["--collect-only"], ["--cleanroomsml-live"], ["-n", "2"]],
    ids=["help", "markers", "fixtures", "collect-only", "live", "xdist"],
)
def test_processes_that_run_none_of_our_fixtures_import_none_of_the_heavy_libraries(recording, options):
    recording.makepyfile(NO_FIXTURE_TESTS)

    result = recording.runpytest_subprocess("-p", "no:cacheprovider", *options)

    assert result.ret == pytest.ExitCode.OK
    assert imports_recorded(recording)["main"] == []


@pytest.mark.parametrize(
    "options",
    [[], ["-p", "no:xdist"], ["-n", "0"], ["-n", "2"]],
    ids=["serial", "without xdist", "xdist -n 0", "xdist -n 2"],
)
def test_every_process_that_runs_tests_reaches_the_fake_from_clients_made_at_import(recording, options):
    recording.makepyfile(FIXTURE_TESTS)

    result = recording.runpytest_subprocess("-p", "no:cacheprovider", *options)

    result.assert_outcomes(passed=6)
    recorded = imports_recorded(recording)
    if options == ["-n", "2"]:
        # xdist's controller handed every test to its workers: it needed none of the libraries, nor the handler.
        assert sorted(recorded) == ["gw0", "gw1", "main"]
        assert recorded["main"] == []


@pytest.mark.parametrize("options", [[], ["--collect-only"], ["-n", "2"]], ids=["serial", "collect-only", "xdist -n 2"])
def test_a_bad_seed_is_still_one_usage_error_at_start_up_when_no_test_uses_the_fake(pytester, options):
    (pytester.path / "models.yaml").write_text("models:\n  - name: churn\n    status: 5\n", encoding="utf-8")
    pytester.makepyfile(NO_FIXTURE_TESTS)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--cleanroomsml-seed=models.yaml", *options)

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --cleanroomsml-seed (command line): */models.yaml: models?0?.status: 5 *"])
    result.stdout.no_fnmatch_line("*test_plain_arithmetic*")
