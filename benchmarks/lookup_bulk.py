"""lookup-bulk: one lookup with many terms against a fake that answers each request after a delay.

The lookup describes its terms max_concurrency at a time, so its floor is
terms x latency / max_concurrency; it is also timed at max_concurrency 1, alternately.
"""

import statistics

from benchmarks.fake_service import served_models
from benchmarks.figures import FasterBy, Quantity, RatioAtMost, Row
from benchmarks.lookup_timing import time_lookup_workloads

NAME = "lookup-bulk"
SIZES = {
    "full": {"terms": 200, "latency": 0.05, "max_concurrency": 8, "rounds": 3},
    "tiny": {"terms": 8, "latency": 0.01, "max_concurrency": 8, "rounds": 1},
}


def run(terms, latency, max_concurrency, rounds):
    workloads = [
        {"name": "concurrent", "kind": "lookup_all_models", "max_concurrency": max_concurrency},
        {"name": "one at a time", "kind": "lookup_all_models", "max_concurrency": 1},
    ]
    with served_models(terms, latency=latency) as served:
        samples = time_lookup_workloads(served, workloads, rounds)
    call = "one lookup of %d terms, latency %g ms, max_concurrency %%d; median of %d rounds" % (
        terms,
        latency * 1000,
        rounds,
    )
    concurrent = Quantity(statistics.median(samples["concurrent"]), "s", call % max_concurrency)
    one_at_a_time = Quantity(statistics.median(samples["one at a time"]), "s", call % 1)
    floor = Quantity(
        terms * latency / max_concurrency,
        "s",
        "floor: %d x %g ms / max_concurrency %d" % (terms, latency * 1000, max_concurrency),
    )
    return [
        Row(NAME, concurrent, floor, RatioAtMost(1.3)),
        Row(NAME + " vs max_concurrency 1", concurrent, one_at_a_time, FasterBy(6)),
    ]
