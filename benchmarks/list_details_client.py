"""list-details-client: list-details against pre-rendered answers, so that its figure is the module's own over the
floor.

As lookup-bulk-client does for the lookup: the server only reads each request and sends
bytes rendered once (benchmarks/prerendered_service.py), so the floor no longer leaves out
a server's CPU competing with the module for the machine's processors.
"""

from benchmarks.figures import RatioAtMost, Row
from benchmarks.list_details import details_figures
from benchmarks.prerendered_service import prerendered_models

NAME = "list-details-client"
SIZES = {
    "full": {"models": 500, "latency": 0.02, "max_concurrency": 8, "rounds": 5},
    "tiny": {"models": 10, "latency": 0.005, "max_concurrency": 8, "rounds": 1},
}
GOAL = RatioAtMost(1.15)


def run(models, latency, max_concurrency, rounds):
    ours, floor = details_figures(prerendered_models, models, latency, max_concurrency, rounds, "pre-rendered answers")
    return [Row(NAME, ours, floor, GOAL)]
