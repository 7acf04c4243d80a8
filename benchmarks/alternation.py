"""Time several things alternately, so that a slower or busier stretch of the run weighs on each alike."""

import time


def time_alternately(workloads, rounds):
    """{name: [seconds per round]} for workloads {name: callable}, each run once per round.

    The order is reversed every other round (A B C, C B A, ...), so that none always runs
    right after the same neighbour.
    """
    names = list(workloads)
    samples = {name: [] for name in names}
    for number in range(rounds):
        for name in names if number % 2 == 0 else reversed(names):
            started = time.perf_counter()
            workloads[name]()
            samples[name].append(time.perf_counter() - started)
    return samples
