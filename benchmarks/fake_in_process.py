"""fake-in-process: what a call answered by the fake's ``mock()`` costs, against one answered by a botocore Stubber.

Both in one process of their own (benchmarks/in_process_timer.py), the same
GetCollaborationTrainedModel call on a boto3 client, alternating rounds. The Stubber answers
before botocore builds the request; the fake's answer goes through botocore's whole round
trip (serialising, signing, parsing) as a real one would, so the ratio holds that too.
"""

from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.subprocess_job import run_job

NAME = "fake-in-process"
SIZES = {"full": {"calls": 500, "rounds": 7}, "tiny": {"calls": 5, "rounds": 1}}
GOAL = RatioAtMost(1.3)


def run(calls, rounds):
    samples = run_job("benchmarks.in_process_timer", {"calls": calls, "rounds": rounds})
    each = f"{calls} calls per round; median of {rounds} rounds"
    return [
        Row(
            NAME,
            Quantity.median_of(
                samples["fake"],
                "ms/call",
                "a call answered in-process by the fake's mock(), " + each,
                scale=1000.0 / calls,
            ),
            Quantity.median_of(
                samples["stubber"],
                "ms/call",
                "a call answered by a botocore Stubber, add_response included, " + each,
                scale=1000.0 / calls,
            ),
            GOAL,
        )
    ]
