"""lookup-bulk-client: lookup-bulk against pre-rendered answers, so that its figure is the lookup's own over the floor.

Against the fake, the floor leaves out the server's CPU, which shares the machine's
processors with the lookup; here the server only reads each request and sends bytes
rendered once (benchmarks/prerendered_service.py).
"""

from benchmarks.figures import RatioAtMost, Row
from benchmarks.lookup_bulk import bulk_lookup_figures
from benchmarks.prerendered_service import prerendered_models

NAME = "lookup-bulk-client"
SIZES = {
    "full": {"terms": 200, "latency": 0.05, "max_concurrency": 8, "rounds": 5},
    "tiny": {"terms": 8, "latency": 0.01, "max_concurrency": 8, "rounds": 1},
}
GOAL = RatioAtMost(1.15)


def run(terms, latency, max_concurrency, rounds):
    figures, floor = bulk_lookup_figures(
        prerendered_models, terms, latency, max_concurrency, rounds, "pre-rendered answers", max_concurrency_one=False
    )
    return [Row(NAME, figures["concurrent"], floor, GOAL)]
