"""The machine's load while a benchmark ran: figures measured on a busy machine say so."""

import os
import threading


def processors():
    """Processors this process may run on (what `nproc` prints)."""
    return len(os.sched_getaffinity(0))


class LoadFigures:
    """The one-minute load average seen while something ran: lowest, highest, and against the processors."""

    def __init__(self, readings, processors_available):
        self.readings = readings
        self.processors = processors_available

    @property
    def low(self):
        return min(self.readings)

    @property
    def high(self):
        return max(self.readings)

    @property
    def busy(self):
        """True when the load went above the processor count: the figures were measured on a busy machine."""
        return self.high > self.processors

    def __str__(self):
        text = f"{self.low:.2f} to {self.high:.2f}"
        return text + (f" (above {self.processors} processors: busy)" if self.busy else "")

    def as_json(self):
        return {
            "one_minute_min": round(self.low, 2),
            "one_minute_max": round(self.high, 2),
            "processors": self.processors,
            "above_processors": self.busy,
        }


class LoadWatch:
    """Reads the one-minute load average when entered, every ``interval`` seconds on a thread, and when left.

    ``figures`` (a LoadFigures) is available once the block has ended.
    """

    def __init__(self, interval=1.0):
        self.interval = interval
        self.figures = None
        self._readings = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="load-watch", daemon=True)

    def _read(self):
        self._readings.append(os.getloadavg()[0])

    def _watch(self):
        while not self._stop.wait(self.interval):
            self._read()

    def __enter__(self):
        self._read()
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()
        self._read()
        self.figures = LoadFigures(list(self._readings), processors())
        return False
