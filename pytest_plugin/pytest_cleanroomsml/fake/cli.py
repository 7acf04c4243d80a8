"""cleanroomsml-fake: run the Clean Rooms ML fake as a standalone HTTP server.

Prints the endpoint URL on one line, then serves until SIGINT or SIGTERM. A host other than a
loopback address gets a warning on standard error: the control API answers whoever reaches it.
``cleanroomsml-fake snapshot ...`` writes a seed file from a collaboration instead (snapshot_cli.py).
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import warnings
from pathlib import Path

from .controller import CleanRoomsMLFake, ExposedControlWarning
from .regions import REGIONS
from .seed import SeedError, apply_seed, load_seed
from .snapshot_cli import add_snapshot_parser, run_snapshot


def main(argv: list[str] | None = None) -> int:
    parser = _argument_parser()
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        return run_snapshot(args)
    try:
        seed = load_seed(args.seed) if args.seed else None
    except SeedError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")

    fake = CleanRoomsMLFake(
        region=args.region,
        pending_seconds=args.pending_seconds,
        in_progress_seconds=args.in_progress_seconds,
    )
    if seed:
        apply_seed(fake, seed)
    fake.latency = args.latency

    try:
        with contextlib.ExitStack() as serving:
            # The warning as a command line tool's, not with the file and line warnings.warn adds.
            with warnings.catch_warnings(record=True) as warned:
                warnings.simplefilter("always", ExposedControlWarning)
                endpoint_url = serving.enter_context(fake.server(args.host, args.port, log_requests=True))
            for warning in warned:
                print(f"{parser.prog}: warning: {warning.message}", file=sys.stderr, flush=True)
            stop = _stop_on_signals()
            # Printed once the signals are handled: a caller may stop us right away.
            print(endpoint_url, flush=True)
            stop.wait()
    except OSError as error:
        parser.exit(1, f"{parser.prog}: error: {error}\n")
    return 0


def _stop_on_signals() -> threading.Event:
    """An event set by SIGINT or SIGTERM, which then end the server cleanly."""
    stop = threading.Event()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda *_: stop.set())
    return stop


def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanroomsml-fake",
        description="Serve an offline AWS Clean Rooms ML (a moto backend) over HTTP.",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=5000,
        help="port to listen on; 0 picks a free one (default: 5000)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1); on any other, whoever reaches the port can steer the fake "
        "through its control API, /_fake/ (a warning says so)",
    )
    parser.add_argument(
        "--region",
        default="us-east-1",
        choices=REGIONS,
        metavar="REGION",
        help="AWS Region to serve (default: us-east-1)",
    )
    parser.add_argument(
        "--seed",
        type=Path,
        help="YAML or JSON file of trained models to start with (see docs/fake.md)",
    )
    parser.add_argument(
        "--latency",
        type=_seconds,
        default=0.0,
        help="seconds added to every request (default: 0)",
    )
    parser.add_argument(
        "--pending-seconds",
        type=_seconds,
        default=0.0,
        help="how long a created model stays CREATE_PENDING (default: 0)",
    )
    parser.add_argument(
        "--in-progress-seconds",
        type=_seconds,
        default=0.0,
        help="how long a created model stays CREATE_IN_PROGRESS (default: 0)",
    )
    # Without a command it serves, with the options above, as it always has.
    add_snapshot_parser(parser.add_subparsers(dest="command", title="commands"))
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (>= 0)")
    return seconds


if __name__ == "__main__":
    sys.exit(main())
