"""Where plugin-memory's growth and time go: prints figures, judges nothing (not a row of `make bench`).

usage: python -m benchmarks.plugin_memory_split [--tests 5000] [--window 500] [--traced-tests 1500]

Two sessions of ``tests`` tests, as plugin-memory runs them: its plugin suite, and a control of
plain tests of the same shape that use no fixture of the plugin (pytest keeps three TestReports
and more of every test, whoever wrote it). For each, per ``window`` tests: wall and CPU time,
resident memory, and the garbage collector's time (all collections, and the full ones, which
walk every object the process holds). Then the plugin suite again, ``traced-tests`` long, with
tracemalloc from test ``window`` on: what was allocated since and is still held after the last
test, by allocation site (the slowest part: tracing makes every allocation several times dearer).
Objects Python takes from its free lists (dicts, lists) are listed where they were first made.
"""

import argparse
import json
import tempfile
from pathlib import Path

from benchmarks import ROOT
from benchmarks.pytest_suite import PLUGIN_SUITE, pytest_run

MEGABYTE = 1024 * 1024
TRACED_FRAMES = 12
# Frames shown of each allocation site, innermost first.
SHOWN_FRAMES = 5

CONTROL_SUITE = """
import pytest


@pytest.mark.parametrize("number", range({tests}))
def test_the_model_is_active(number):
    model = {{"name": "model-%d" % number, "status": "ACTIVE"}}

    assert model["status"] == "ACTIVE", model
"""


def _session(directory, suite, tests, checkpoints, traced=None):
    """The probe's output for one pytest session of ``suite``."""
    test_file = Path(directory) / "test_many.py"
    test_file.write_text(suite.format(tests=tests), encoding="utf-8")
    output = Path(directory) / "probe.json"
    environment = {
        "PYTHONPATH": str(ROOT),
        "SCALE_PROBE_CHECKPOINTS": ",".join(str(number) for number in checkpoints),
        "SCALE_PROBE_OUTPUT": str(output),
    }
    if traced:
        environment["SCALE_PROBE_TRACEMALLOC"] = ",".join(str(number) for number in (TRACED_FRAMES, *traced))
    pytest_run(test_file, "-p", "benchmarks.scale_probe", environment=environment)()
    return json.loads(output.read_text(encoding="utf-8"))


def _print_windows(title, readings, window, tests):
    print(f"\n{title}")
    print("  tests          wall s   CPU s  RSS MB   GC s  full GCs  full GC s")
    for end in range(2 * window, tests + 1, window):
        now, before = readings[str(end)], readings[str(end - window)]["resumed"]
        print(
            f"  {end - window + 1:5d}-{end:<5d}  {now['time'] - before['time']:7.2f} {now['cpu'] - before['cpu']:7.2f}"
            f" {now['rss_bytes'] / MEGABYTE:7.1f} {now['gc_seconds'] - before['gc_seconds']:6.2f}"
            f" {now['full_gcs'] - before['full_gcs']:9d} {now['full_gc_seconds'] - before['full_gc_seconds']:10.2f}"
        )
    growth = readings[str(tests)]["rss_bytes"] - readings[str(window)]["rss_bytes"]
    print(f"  resident memory after test {tests} minus after test {window}: {growth / MEGABYTE:.1f} MB")


def _print_sites(held, first, last):
    total = held["total_bytes"]
    print(f"\nPython memory allocated after test {first} and still held after test {last}: {total / MEGABYTE:.2f} MB")
    for site in held["sites"]:
        innermost = " <- ".join(reversed(site["frames"][-SHOWN_FRAMES:]))
        print(f"  {site['bytes'] / 1024:8.1f} KiB {site['blocks']:7d} blocks  {innermost}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", type=int, default=5000)
    parser.add_argument("--window", type=int, default=500)
    parser.add_argument("--traced-tests", type=int, default=1500, help="0: no tracemalloc session")
    arguments = parser.parse_args(argv)
    tests, window = arguments.tests, arguments.window
    checkpoints = range(window, tests + 1, window)
    with tempfile.TemporaryDirectory(prefix="cleanroomsml-bench-") as directory:
        for title, suite in (
            ("plugin suite (cleanroomsml_fake, cleanroomsml_client)", PLUGIN_SUITE),
            ("control (plain tests, no fixture of the plugin)", CONTROL_SUITE),
        ):
            _print_windows(title, _session(directory, suite, tests, checkpoints), window, tests)
        if arguments.traced_tests:
            traced = (window, arguments.traced_tests)
            readings = _session(directory, PLUGIN_SUITE, arguments.traced_tests, (), traced=traced)
            _print_sites(readings["tracemalloc"], *traced)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
