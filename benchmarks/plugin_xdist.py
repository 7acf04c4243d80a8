"""plugin-xdist: the pytest-suite benchmark's plugin tests with pytest-xdist's `-n 2`, against the same run without.

Each is the wall time of a pytest subprocess (start-up included, the workers' too),
alternately, several rounds.
"""

import tempfile
from pathlib import Path

from benchmarks.alternation import time_alternately
from benchmarks.figures import FasterBy, Quantity, Row
from benchmarks.pytest_suite import PLUGIN_SUITE, pytest_run

NAME = "plugin-xdist"
SIZES = {"full": {"tests": 1000, "rounds": 3}, "tiny": {"tests": 20, "rounds": 1}}
GOAL = FasterBy(1.6)


def run(tests, rounds):
    with tempfile.TemporaryDirectory(prefix="cleanroomsml-bench-") as directory:
        suite = Path(directory) / "test_with_plugin.py"
        suite.write_text(PLUGIN_SUITE.format(tests=tests), encoding="utf-8")
        samples = time_alternately(
            {"xdist": pytest_run(suite, "-n", "2"), "serial": pytest_run(suite, "-p", "no:xdist")}, rounds
        )
    tests_run = f"{tests} tests that use cleanroomsml_fake, cleanroomsml_client and assert_model_active"
    return [
        Row(
            NAME,
            Quantity.median_of(
                samples["xdist"], "s", f"{tests_run} with pytest -n 2; median wall time of {rounds} runs"
            ),
            Quantity.median_of(
                samples["serial"],
                "s",
                f"the same tests in one process (-p no:xdist), alternating; median wall time of {rounds} runs",
            ),
            GOAL,
        )
    ]
