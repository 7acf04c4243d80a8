"""A pytest plugin of the plugin-memory benchmark: the process's memory and the clock after given tests.

Loaded with `-p benchmarks.scale_probe`. After the Nth test has finished (teardown included),
for each N in SCALE_PROBE_CHECKPOINTS (comma-separated), it reads the resident set size and
perf_counter; at the session's end it writes {N: {"rss_bytes": ..., "time": ...}} as JSON to
SCALE_PROBE_OUTPUT.
"""

import json
import os
import time

_CHECKPOINTS = {int(number) for number in os.environ.get("SCALE_PROBE_CHECKPOINTS", "").split(",") if number}
_readings = {}
_finished = [0]


def _resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def pytest_runtest_logfinish(nodeid, location):
    _finished[0] += 1
    if _finished[0] in _CHECKPOINTS:
        _readings[_finished[0]] = {"rss_bytes": _resident_bytes(), "time": time.perf_counter()}


def pytest_sessionfinish(session, exitstatus):
    with open(os.environ["SCALE_PROBE_OUTPUT"], "w", encoding="utf-8") as output:
        json.dump(_readings, output)
