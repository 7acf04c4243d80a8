"""A pytest plugin of the plugin-memory benchmark: the process's memory and the clock after given tests.

Loaded with `-p benchmarks.scale_probe`. After the Nth test has finished (teardown included),
for each N in SCALE_PROBE_CHECKPOINTS (comma-separated), it reads perf_counter, the process's
CPU time and the time spent in the garbage collector so far (all collections, and full ones
with their count), then collects the garbage and reads the resident set size and the same
clocks again ("resumed": a window measured from there leaves the checkpoint's collection
out); at the session's end it writes {N: {"rss_bytes": ..., "time": ..., "resumed": {...}}}
as JSON to SCALE_PROBE_OUTPUT.

With SCALE_PROBE_TRACEMALLOC=FRAMES,FIRST,LAST (benchmarks/plugin_memory_split.py), it also
traces the allocations made after test FIRST (with FRAMES frames; tracing from the start would
make pytest's start-up minutes long) and writes, under "tracemalloc", those still held after
test LAST, grouped by traceback, largest first.
"""

import gc
import json
import os
import time

_CHECKPOINTS = {int(number) for number in os.environ.get("SCALE_PROBE_CHECKPOINTS", "").split(",") if number}
_TRACEMALLOC = [int(number) for number in os.environ.get("SCALE_PROBE_TRACEMALLOC", "").split(",") if number]
# Allocation sites listed in the comparison.
TOP_SITES = 15
_readings = {}
_finished = [0]
_collector = {"seconds": 0.0, "full_seconds": 0.0, "full": 0, "started": 0.0}


def _resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _time_collections(phase, info):
    """gc.callbacks: time every collection, and count full ones (a full one walks every tracked object)."""
    if phase == "start":
        _collector["started"] = time.perf_counter()
        return
    seconds = time.perf_counter() - _collector["started"]
    _collector["seconds"] += seconds
    if info["generation"] == 2:
        _collector["full"] += 1
        _collector["full_seconds"] += seconds


gc.callbacks.append(_time_collections)


def _clocks():
    return {
        "time": time.perf_counter(),
        "cpu": time.process_time(),
        "gc_seconds": _collector["seconds"],
        "full_gc_seconds": _collector["full_seconds"],
        "full_gcs": _collector["full"],
    }


def pytest_runtest_logfinish(nodeid, location):
    _finished[0] += 1
    if _finished[0] in _CHECKPOINTS:
        reading = _clocks()
        # Memory held, not garbage waiting for the collector: each test's boto3 client leaves some 100 KB of
        # cycles that only the next full collection frees, which moved the figure by megabytes.
        gc.collect()
        reading["rss_bytes"] = _resident_bytes()
        # The same clocks once that collection is done: a window from here leaves it out.
        reading["resumed"] = _clocks()
        _readings[_finished[0]] = reading
    if _TRACEMALLOC and _finished[0] in _TRACEMALLOC[1:]:
        gc.collect()  # what is traced then is held, not garbage waiting for a collection
        # Imported only here: importing tracemalloc at start-up, even unused, changes how the heap is laid
        # out, and with it plugin-memory's figure (20.3 MB instead of 22.5 in every session).
        import tracemalloc

        if _finished[0] == _TRACEMALLOC[1]:
            tracemalloc.start(_TRACEMALLOC[0])
        else:
            _readings["tracemalloc"] = _held_allocations(tracemalloc.take_snapshot())
            tracemalloc.stop()


def _held_allocations(snapshot):
    """The TOP_SITES tracebacks holding most of what was traced, and the total held."""
    import tracemalloc  # imported already: see pytest_runtest_logfinish

    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, __file__)])
    statistics = snapshot.statistics("traceback")
    return {
        "total_bytes": sum(statistic.size for statistic in statistics),
        "sites": [
            {
                "bytes": statistic.size,
                "blocks": statistic.count,
                "frames": [f"{frame.filename}:{frame.lineno}" for frame in statistic.traceback],
            }
            for statistic in statistics[:TOP_SITES]
        ],
    }


def pytest_sessionfinish(session, exitstatus):
    with open(os.environ["SCALE_PROBE_OUTPUT"], "w", encoding="utf-8") as output:
        json.dump(_readings, output)
