"""map_concurrently: order, the concurrency bound, and errors."""

import threading
import time

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.concurrency import map_concurrently


class Gauge:
    """Counts calls running at the same time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = 0
        self.highest = 0

    def call(self, item):
        with self.lock:
            self.running += 1
            self.highest = max(self.highest, self.running)
        time.sleep(0.01 * (item % 3))  # finish out of order
        with self.lock:
            self.running -= 1
        return item * 10


@pytest.mark.parametrize("max_concurrency", [1, 3, 8])
def test_results_keep_order_and_concurrency_is_bounded(max_concurrency):
    gauge = Gauge()
    assert map_concurrently(gauge.call, range(20), max_concurrency) == [item * 10 for item in range(20)]
    assert gauge.highest <= max_concurrency
    if max_concurrency > 1:
        assert gauge.highest > 1


def test_the_first_error_in_order_is_raised():
    def call(item):
        if item in (3, 7):
            raise ValueError(f"item {item}")
        return item

    with pytest.raises(ValueError, match="item 3"):
        map_concurrently(call, range(10), 4)


def test_no_items():
    assert map_concurrently(lambda item: item, [], 8) == []
