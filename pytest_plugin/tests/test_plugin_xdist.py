"""Under pytest-xdist each worker process has its own fake and its own HTTP server."""

import json

pytest_plugins = ["pytester"]

WORKER_TESTS = """
import json
import os

import boto3
import pytest

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.mark.parametrize("attempt", range(6))
def test_each_worker_sees_only_its_own_models(cleanroomsml_fake, cleanroomsml_client, cleanroomsml_server, attempt):
    model = cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION)
    over_http = boto3.client("cleanroomsml", region_name="us-east-1", endpoint_url=cleanroomsml_server)

    for client in (cleanroomsml_client, over_http):
        listed = client.list_collaboration_trained_models(collaborationIdentifier=model["collaborationIdentifier"])
        listed_arns = [summary["trainedModelArn"] for summary in listed["collaborationTrainedModels"]]
        assert listed_arns == [model["trainedModelArn"]]
    with open(os.environ["PYTEST_XDIST_WORKER"] + ".json", "a", encoding="utf-8") as record:
        record.write(json.dumps([os.getpid(), cleanroomsml_server]) + "\\n")
"""


def test_two_workers_each_serve_their_own_fake(pytester):
    pytester.makepyfile(WORKER_TESTS)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")

    result.assert_outcomes(passed=6)
    seen = {
        worker: {
            tuple(json.loads(line))
            for line in pytester.path.joinpath(f"{worker}.json").read_text(encoding="utf-8").splitlines()
        }
        for worker in ("gw0", "gw1")
    }
    # Each worker kept one process and one server for all its tests; they share neither.
    ((first_pid, first_endpoint),) = seen["gw0"]
    ((second_pid, second_endpoint),) = seen["gw1"]
    assert first_pid != second_pid
    assert first_endpoint != second_endpoint
