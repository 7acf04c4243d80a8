"""Time GetCollaborationTrainedModel calls answered in-process by the fake's ``mock()``, beside a botocore Stubber's.

Run by the fake-in-process benchmark as `python -m benchmarks.in_process_timer`, in a process
of its own. It reads {"calls": N, "rounds": R} from standard input, makes one call each way
to warm up, then times alternately N calls under ``fake.mock()`` (entered once per round)
and N calls through a Stubber, each queued with add_response as a test using one would, and
writes {"fake": [seconds per round], "stubber": [...]} to standard output.
"""

import json
import sys

import boto3
from botocore.stub import Stubber
from pytest_cleanroomsml.fake import CleanRoomsMLFake

from benchmarks.alternation import time_alternately

OPERATION = "get_collaboration_trained_model"


def main():
    job = json.load(sys.stdin)
    fake = CleanRoomsMLFake()
    fake.reset()
    model = fake.add_trained_model("benchmark")
    request = {"trainedModelArn": model["trainedModelArn"], "collaborationIdentifier": model["collaborationIdentifier"]}
    with fake.mock():  # a Session made from the first mock() on reaches the fake (docs/fake.md)
        faked_client = boto3.session.Session().client("cleanroomsml")
    stubbed_client = boto3.session.Session().client("cleanroomsml")
    stubber = Stubber(stubbed_client)
    stubber.activate()

    def with_fake(calls):
        with fake.mock():
            for _call_number in range(calls):
                getattr(faked_client, OPERATION)(**request)

    def with_stubber(calls):
        for _call_number in range(calls):
            stubber.add_response(OPERATION, model, request)
            getattr(stubbed_client, OPERATION)(**request)

    with_fake(1)
    with_stubber(1)
    samples = time_alternately(
        {"fake": lambda: with_fake(job["calls"]), "stubber": lambda: with_stubber(job["calls"])}, job["rounds"]
    )
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()
