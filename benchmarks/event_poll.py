"""event-poll: a poll of the event source over many models in which nothing changed, against one raw listing of them.

The source lists the collaboration once per poll (all pages) and describes only models whose
summary changed, so a quiet poll should cost about what the listing itself costs. Both run
alternately in one process of their own (benchmarks/event_poll_timer.py); the comparison is the
same pages fetched with a plain boto3 client and botocore's paginator. Both are answered from
bytes the fake rendered once (benchmarks/prerendered_service.py), so that the server's work
is in neither figure.
"""

from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.prerendered_service import prerendered_models
from benchmarks.subprocess_job import run_job

NAME = "event-poll"
SIZES = {"full": {"models": 500, "rounds": 15}, "tiny": {"models": 5, "rounds": 1}}
GOAL = RatioAtMost(1.3)


def _timings(served, rounds):
    job = {"endpoint_url": served.endpoint_url, "collaboration": served.collaboration, "rounds": rounds}
    return run_job("benchmarks.event_poll_timer", job)


def run(models, rounds):
    with prerendered_models(models) as served:
        samples = _timings(served, rounds)
    if samples["events"]:
        raise RuntimeError(f"{samples['events']} events from polls in which nothing changed")
    return [
        Row(
            NAME,
            Quantity.median_of(
                samples["poll"],
                "ms",
                f"a poll of the event source over {models} models in which nothing changed; median of {rounds}",
                scale=1000,
            ),
            Quantity.median_of(
                samples["listing"],
                "ms",
                "ListCollaborationTrainedModels, all pages, with a plain boto3 client and botocore's paginator; "
                f"median of {rounds}",
                scale=1000,
            ),
            GOAL,
        )
    ]
