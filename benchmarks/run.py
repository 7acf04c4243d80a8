"""`make bench`: run the benchmarks, print the table and write benchmarks/results.json.

usage: python -m benchmarks.run [--size full|tiny] [--only NAME ...] [--output PATH]

Benchmarks report; they never fail: the exit status is 0 whether goals are met or not.
"""

import argparse
import json
import sys
import time

from benchmarks import (
    ROOT,
    control_request,
    event_poll,
    fake_in_process,
    fake_throughput,
    list_details,
    list_details_client,
    lookup_bulk,
    lookup_bulk_client,
    lookup_per_call,
    module_floor,
    module_task,
    plugin_memory,
    plugin_xdist,
    pytest_suite,
    snapshot_models,
    vs_aws_cli,
    wait,
)
from benchmarks.load import LoadWatch
from benchmarks.report import document, machine, table

BENCHMARKS = (
    lookup_per_call,
    lookup_bulk,
    lookup_bulk_client,
    module_task,
    module_floor,
    wait,
    pytest_suite,
    plugin_memory,
    plugin_xdist,
    list_details,
    list_details_client,
    event_poll,
    fake_throughput,
    fake_in_process,
    control_request,
    vs_aws_cli,
    snapshot_models,
)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--size",
        choices=("full", "tiny"),
        default="full",
        help="tiny: a quick run that only shows each benchmark works",
    )
    parser.add_argument(
        "--only", nargs="+", choices=[benchmark.NAME for benchmark in BENCHMARKS], help="run only these benchmarks"
    )
    parser.add_argument(
        "--output", default=str(ROOT / "benchmarks" / "results.json"), help="where to write the results (JSON)"
    )
    args = parser.parse_args(argv)
    selected = [benchmark for benchmark in BENCHMARKS if not args.only or benchmark.NAME in args.only]
    started = time.perf_counter()
    rows = []
    with LoadWatch() as whole_run:
        for benchmark in selected:
            print(f"running {benchmark.NAME}...", flush=True)
            with LoadWatch() as watch:
                benchmark_rows = benchmark.run(**benchmark.SIZES[args.size])
            for row in benchmark_rows:
                row.load = watch.figures
            rows.extend(benchmark_rows)
    seconds = time.perf_counter() - started
    print()
    print(table(rows))
    print()
    measured_on = machine()
    print(
        f"{measured_on['nproc']} processors ({measured_on['cpu']}), Python {measured_on['python']}; "
        f"{seconds:.0f} s; load average (1 min) {whole_run.figures}"
    )
    with open(args.output, "w", encoding="utf-8") as output:
        json.dump(document(rows, args.size, seconds, whole_run.figures), output, indent=2)
        output.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
