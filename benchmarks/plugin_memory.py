"""plugin-memory: a long pytest session of tests using cleanroomsml_fake: does it grow, does it slow down?

One pytest subprocess runs the pytest-suite benchmark's plugin test (seed a model, get it,
assert_model_active) ``tests`` times, with benchmarks/scale_probe.py reading the process's
resident memory and the clock after given tests. The first ``window`` tests are the warm-up:
memory may grow by at most 30 MB from the end of the warm-up to the last test, and the last
``window`` tests may take at most 1.1 times the ``window`` tests right after the warm-up.
"""

import json
import tempfile
from pathlib import Path

from benchmarks import ROOT
from benchmarks.figures import AtMost, Quantity, RatioAtMost, Row
from benchmarks.pytest_suite import PLUGIN_SUITE, pytest_run

NAME = "plugin-memory"
SIZES = {"full": {"tests": 5000, "window": 500, "rounds": 3}, "tiny": {"tests": 40, "window": 10, "rounds": 1}}
MEGABYTE = 1024 * 1024


def _session(directory, tests, window):
    """The probe's readings of one session, by test number."""
    suite = Path(directory) / "test_many.py"
    suite.write_text(PLUGIN_SUITE.format(tests=tests), encoding="utf-8")
    output = Path(directory) / "probe.json"
    checkpoints = (window, 2 * window, tests - window, tests)
    environment = {
        "PYTHONPATH": str(ROOT),
        "SCALE_PROBE_CHECKPOINTS": ",".join(str(number) for number in checkpoints),
        "SCALE_PROBE_OUTPUT": str(output),
    }
    pytest_run(suite, "-p", "benchmarks.scale_probe", environment=environment)()
    readings = {int(number): reading for number, reading in json.loads(output.read_text(encoding="utf-8")).items()}
    missing = [number for number in checkpoints if number not in readings]
    if missing:
        raise RuntimeError(f"the probe has no reading after tests {missing}")
    return readings


def run(tests, window, rounds):
    growth, after_warm_up, last = [], [], []
    with tempfile.TemporaryDirectory(prefix="cleanroomsml-bench-") as directory:
        for _round_number in range(rounds):
            readings = _session(directory, tests, window)
            growth.append((readings[tests]["rss_bytes"] - readings[window]["rss_bytes"]) / MEGABYTE)
            after_warm_up.append(readings[2 * window]["time"] - readings[window]["resumed"]["time"])
            last.append(readings[tests]["time"] - readings[tests - window]["resumed"]["time"])
    session = f"a pytest session of {tests} tests that use cleanroomsml_fake; median of {rounds} sessions"
    return [
        Row(
            NAME,
            Quantity.median_of(
                growth, "MB", f"resident memory after test {tests} minus after test {window}, in {session}"
            ),
            goal=AtMost(30, "MB"),
        ),
        Row(
            f"{NAME}: last {window} tests",
            Quantity.median_of(last, "s", f"tests {tests - window + 1} to {tests}, in {session}"),
            Quantity.median_of(
                after_warm_up,
                "s",
                f"tests {window + 1} to {2 * window}, right after {window} tests of warm-up, in the same sessions",
            ),
            RatioAtMost(1.1),
        ),
    ]
