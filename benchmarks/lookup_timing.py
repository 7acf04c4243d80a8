"""Start benchmarks/lookup_timer.py in a process of its own and collect its timings."""

from benchmarks.subprocess_job import run_job


def time_lookup_workloads(served, workloads, rounds):
    """{name: [seconds per round]} of lookup_timer's ``workloads`` against ``served`` (a fake_service.ServedFake)."""
    job = {
        "endpoint_url": served.endpoint_url,
        "collaboration": served.collaboration,
        "arns": served.arns,
        "rounds": rounds,
        "workloads": workloads,
    }
    return run_job("benchmarks.lookup_timer", job)
