"""control-request: what one request to the fake's control API costs, over HTTP from another process.

The fake's ``server()`` runs on threads of this process; a timer in a process of its own
(benchmarks/control_request_timer.py) steers it through ``CleanRoomsMLFake.connect()``, as a
test or a playbook in another process would: each request a ``set_status`` of a seeded model,
on a new connection (the standard library's urllib keeps none alive), answered in full.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import AtMost, Quantity, Row
from benchmarks.subprocess_job import run_job

NAME = "control-request"
SIZES = {"full": {"requests": 200, "rounds": 7}, "tiny": {"requests": 5, "rounds": 1}}
GOAL = AtMost(5, "ms/request")


def run(requests, rounds):
    with served_models(1) as served:
        samples = run_job(
            "benchmarks.control_request_timer",
            {"endpoint_url": served.endpoint_url, "arn": served.arns[0], "requests": requests, "rounds": rounds},
        )
    return [
        Row(
            NAME,
            Quantity.median_of(
                samples,
                "ms/request",
                f"a set_status request to the fake's control API through CleanRoomsMLFake.connect(), "
                f"from another process; {requests} requests per round, median of {rounds} rounds",
                scale=1000.0 / requests,
            ),
            goal=GOAL,
        )
    ]
