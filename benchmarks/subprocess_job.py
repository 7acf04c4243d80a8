"""Run a benchmark's timer module in a process of its own, with a JSON job in and JSON figures out."""

import json
import subprocess
import sys

from fake_playbook import playbook_environment

from benchmarks import ROOT


def run_job(module, job):
    """The JSON that ``python -m module`` writes after reading ``job``; RuntimeError with its stderr when it fails.

    It runs with only the fake's credentials (playbook_environment) from the repository's root.
    """
    result = subprocess.run(
        [sys.executable, "-m", module],
        input=json.dumps(job),
        env=playbook_environment(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} failed (rc={result.returncode}):\n{result.stderr[-6000:]}")
    return json.loads(result.stdout)
