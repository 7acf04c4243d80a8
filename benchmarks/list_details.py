"""list-details: list mode with details over many models, against a fake that answers each request after a delay.

The module describes the listed models max_concurrency at a time. What details add is
the time of a list task with details minus that of the same task without (alternating in
one play), which leaves out the module's start-up and the listing itself; its floor is
models x latency / max_concurrency.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.timed_playbook import alternating_tasks, task_seconds

NAME = "list-details"
SIZES = {
    "full": {"models": 500, "latency": 0.02, "max_concurrency": 8, "rounds": 3},
    "tiny": {"models": 10, "latency": 0.005, "max_concurrency": 8, "rounds": 1},
}
GOAL = RatioAtMost(1.3)


def _list_task(name, served, details, max_concurrency):
    arguments = {
        "collaboration_identifier": served.collaboration,
        "details": details,
        "max_concurrency": max_concurrency,
        "endpoint_url": "{{ cleanroomsml_endpoint_url }}",
    }
    return {"name": name, "cleanrooms.ml.cleanroomsml_trained_model_info": arguments}


def details_figures(serve, models, latency, max_concurrency, rounds, server):
    """(what details add, the floor) as Quantities; ``serve`` and ``server`` as in lookup_bulk.bulk_lookup_figures."""
    with serve(models, latency=latency) as served:
        tasks = alternating_tasks(
            lambda number: [_list_task(f"details {number}", served, True, max_concurrency)],
            lambda number: [_list_task(f"list {number}", served, False, max_concurrency)],
            rounds,
            warm_up=False,
        )
        seconds = task_seconds(tasks, served.endpoint_url)
    # Each round's pair ran back to back, so each round gives one difference.
    added = [seconds[f"details {number}"] - seconds[f"list {number}"] for number in range(rounds)]
    ours = Quantity.median_of(
        added,
        "s",
        f"what details add to a list task over {models} models against {server}, latency {latency * 1000:g} ms: "
        f"a task with details minus the task without next to it; median of {rounds} pairs",
    )
    floor = Quantity(
        models * latency / max_concurrency,
        "s",
        f"floor: {models} x {latency * 1000:g} ms / max_concurrency {max_concurrency}",
    )
    return ours, floor


def run(models, latency, max_concurrency, rounds):
    ours, floor = details_figures(served_models, models, latency, max_concurrency, rounds, "the fake's server")
    return [Row(NAME, ours, floor, GOAL)]
