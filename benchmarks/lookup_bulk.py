"""lookup-bulk: one lookup with many terms against a fake that answers each request after a delay.

The lookup describes its terms max_concurrency at a time, so its floor is
terms x latency / max_concurrency; it is also timed at max_concurrency 1, alternately.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import FasterBy, Quantity, RatioAtMost, Row
from benchmarks.lookup_timing import time_lookup_workloads

NAME = "lookup-bulk"
SIZES = {
    "full": {"terms": 200, "latency": 0.05, "max_concurrency": 8, "rounds": 3},
    "tiny": {"terms": 8, "latency": 0.01, "max_concurrency": 8, "rounds": 1},
}


def bulk_lookup_figures(serve, terms, latency, max_concurrency, rounds, server, max_concurrency_one=True):
    """{"concurrent": ..., "one at a time": ... (when asked)} Quantities, and the floor, of one lookup of ``terms``
    terms.

    ``serve(count, latency=...)`` serves the models (fake_service.served_models or
    prerendered_service.prerendered_models); ``server`` says which, in the figures' description.
    """
    workloads = [{"name": "concurrent", "kind": "lookup_all_models", "max_concurrency": max_concurrency}]
    if max_concurrency_one:
        workloads.append({"name": "one at a time", "kind": "lookup_all_models", "max_concurrency": 1})
    with serve(terms, latency=latency) as served:
        samples = time_lookup_workloads(served, workloads, rounds)

    def call(concurrency):
        return (
            f"one lookup of {terms} terms against {server}, latency {latency * 1000:g} ms, "
            f"max_concurrency {concurrency}; median of {rounds} rounds"
        )

    figures = {
        workload["name"]: Quantity.median_of(samples[workload["name"]], "s", call(workload["max_concurrency"]))
        for workload in workloads
    }
    floor = Quantity(
        terms * latency / max_concurrency,
        "s",
        f"floor: {terms} x {latency * 1000:g} ms / max_concurrency {max_concurrency}",
    )
    return figures, floor


def run(terms, latency, max_concurrency, rounds):
    figures, floor = bulk_lookup_figures(served_models, terms, latency, max_concurrency, rounds, "the fake's server")
    return [
        Row(NAME, figures["concurrent"], floor, RatioAtMost(1.3)),
        Row(NAME + " vs max_concurrency 1", figures["concurrent"], figures["one at a time"], FasterBy(6)),
    ]
