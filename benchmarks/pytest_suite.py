"""pytest-suite: tests using this plugin's fixtures, against the same tests written with botocore's Stubber.

Each of the two generated suites runs in a pytest subprocess, alternately, several rounds;
its figure is the subprocess's wall time, pytest's start-up included. The Stubber suite
runs without this plugin (-p no:cleanroomsml), as it would where the plugin is not installed.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from fake_playbook import playbook_environment

from benchmarks.alternation import time_alternately
from benchmarks.figures import Quantity, RatioAtMost, Row

NAME = "pytest-suite"
SIZES = {"full": {"tests": 300, "rounds": 3}, "tiny": {"tests": 3, "rounds": 1}}
GOAL = RatioAtMost(1.5)

PLUGIN_SUITE = """
import pytest

from pytest_cleanroomsml import assert_model_active


@pytest.mark.parametrize("number", range({tests}))
def test_the_model_is_active(number, cleanroomsml_fake, cleanroomsml_client):
    model = cleanroomsml_fake.add_trained_model("model-%d" % number)

    response = cleanroomsml_client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
    )

    assert_model_active(response)
"""

STUBBER_SUITE = """
import datetime

import boto3
import pytest
from botocore.stub import Stubber

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
MEMBERSHIP = "6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/%s/trained-model/2c9b8d7e-5f4a-4b3c-8d2e-%012d"
ASSOCIATION_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/%s/configured-model-algorithm-association/x"


@pytest.fixture
def client():
    return boto3.client("cleanroomsml", region_name="us-east-1")


def canned_model(number):
    now = datetime.datetime.now(datetime.timezone.utc)
    return {{
        "membershipIdentifier": MEMBERSHIP,
        "collaborationIdentifier": COLLABORATION,
        "trainedModelArn": ARN % (MEMBERSHIP, number),
        "name": "model-%d" % number,
        "status": "ACTIVE",
        "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN % MEMBERSHIP,
        "resourceConfig": {{"instanceType": "ml.m5.xlarge", "volumeSizeInGB": 10}},
        "createTime": now,
        "updateTime": now,
        "creatorAccountId": "123456789012",
    }}


@pytest.mark.parametrize("number", range({tests}))
def test_the_model_is_active(number, client):
    model = canned_model(number)
    request = {{"trainedModelArn": model["trainedModelArn"], "collaborationIdentifier": COLLABORATION}}
    with Stubber(client) as stubber:
        stubber.add_response("get_collaboration_trained_model", model, request)
        response = client.get_collaboration_trained_model(**request)

    assert response["status"] == "ACTIVE", "%s is %s, expected ACTIVE" % (response["name"], response["status"])
"""


def pytest_run(test_file, *options, environment=None):
    """A callable that runs pytest on one file in a subprocess; it raises RuntimeError unless every test passed.

    ``environment``: variables added to the fake-credentials environment (playbook_environment).
    """

    def run():
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options, str(test_file)],
            cwd=test_file.parent,
            env=dict(playbook_environment(), **(environment or {})),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{test_file.name} failed (rc={result.returncode}):\n{result.stdout[-6000:]}")

    return run


def run(tests, rounds):
    with tempfile.TemporaryDirectory(prefix="cleanroomsml-bench-") as directory:
        plugin_suite = Path(directory) / "test_with_plugin.py"
        plugin_suite.write_text(PLUGIN_SUITE.format(tests=tests), encoding="utf-8")
        stubber_suite = Path(directory) / "test_with_stubber.py"
        stubber_suite.write_text(STUBBER_SUITE.format(tests=tests), encoding="utf-8")
        suites = {"plugin": pytest_run(plugin_suite), "stubber": pytest_run(stubber_suite, "-p", "no:cleanroomsml")}
        samples = time_alternately(suites, rounds)

    def median_of(suite, what):
        return Quantity.median_of(
            samples[suite], "s", f"{tests} tests that {what}; median wall time of {rounds} pytest runs"
        )

    return [
        Row(
            NAME,
            median_of(
                "plugin", "seed a model with cleanroomsml_fake, get it with cleanroomsml_client, assert_model_active"
            ),
            median_of("stubber", "get a canned model through a botocore Stubber and check its status by hand"),
            GOAL,
        )
    ]
