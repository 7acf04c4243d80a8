"""lookup-per-call: a template calling the lookup once per model, against plain boto3 calls in a Python loop.

Both sides run in one process that has already loaded everything (no ansible-playbook
start-up on either side) and make the same GetCollaborationTrainedModel calls one after
another; the lookup's figure also holds Jinja's loop, the option handling, validation and
snake_case conversion of each call. Both are answered from pre-rendered bytes
(benchmarks/prerendered_service.py), so neither figure holds a server's work.
"""

from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.lookup_timing import time_lookup_workloads
from benchmarks.prerendered_service import prerendered_models

NAME = "lookup-per-call"
# A new client per call costs some 100 ms here, so the peer makes fewer calls.
SIZES = {"full": {"models": 200, "peer_calls": 20, "rounds": 5}, "tiny": {"models": 3, "peer_calls": 2, "rounds": 1}}
GOAL = RatioAtMost(1.25)


def run(models, peer_calls, rounds):
    workloads = [
        {"name": "lookup", "kind": "lookup_per_model", "calls": models},
        {"name": "boto3", "kind": "boto3_one_client", "calls": models},
        {"name": "boto3, client per call", "kind": "boto3_client_per_call", "calls": peer_calls},
    ]
    with prerendered_models(models) as served:
        samples = time_lookup_workloads(served, workloads, rounds)
    calls = {workload["name"]: workload["calls"] for workload in workloads}

    def per_call(name, what):
        return Quantity.median_of(
            samples[name],
            "ms/call",
            f"{what}, pre-rendered answers; median of {rounds} rounds of {calls[name]} calls",
            scale=1000.0 / calls[name],
        )

    ours = per_call("lookup", "a Templar rendering a for-loop with one lookup per model")
    return [
        Row(NAME, ours, per_call("boto3", "get_collaboration_trained_model in a Python loop, one boto3 client"), GOAL),
        Row(
            NAME + " (peer)",
            ours,
            per_call(
                "boto3, client per call",
                "the same loop with a new boto3 Session and client per call, as amazon.aws's lookups do",
            ),
        ),
    ]
