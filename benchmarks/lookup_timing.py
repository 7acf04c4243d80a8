"""Start benchmarks/lookup_timer.py in a process of its own and collect its timings."""

import json
import subprocess
import sys

from fake_playbook import playbook_environment

from benchmarks import ROOT


def time_lookup_workloads(served, workloads, rounds):
    """{name: [seconds per round]} of lookup_timer's ``workloads`` against ``served`` (a fake_service.ServedFake)."""
    job = {
        "endpoint_url": served.endpoint_url,
        "collaboration": served.collaboration,
        "arns": served.arns,
        "rounds": rounds,
        "workloads": workloads,
    }
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.lookup_timer"],
        input=json.dumps(job),
        env=playbook_environment(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the lookup timer failed (rc={result.returncode}):\n{result.stderr[-6000:]}")
    return json.loads(result.stdout)
