"""What a benchmark reports: two measured (or computed) quantities, and the goal their comparison must meet."""

import math
import statistics


class Quantity:
    """A figure with its unit, and what was measured to get it.

    ``samples``: the figure of each round (in ``unit``), when it was measured in rounds; a
    computed figure (a floor) has none. ``value`` is their median unless the benchmark
    says otherwise (its ``what`` then says which, e.g. the slowest round).
    """

    def __init__(self, value, unit, what, samples=None):
        self.value = value
        self.unit = unit
        self.what = what
        self.samples = list(samples) if samples is not None else None

    @classmethod
    def median_of(cls, samples, unit, what, scale=1.0):
        """The median of per-round ``samples``, each multiplied by ``scale`` (e.g. seconds to ms per call)."""
        scaled = [sample * scale for sample in samples]
        return cls(statistics.median(scaled), unit, what, scaled)

    def __str__(self):
        if not self.samples:
            return f"{_significant(self.value)} {self.unit}"
        lowest, highest = _significant(min(self.samples)), _significant(max(self.samples))
        return f"{_significant(self.value)} {self.unit} ({lowest} to {highest}, {len(self.samples)})"

    def as_json(self):
        figure = {"value": self.value, "unit": self.unit, "what": self.what}
        if self.samples:
            figure.update(
                median=statistics.median(self.samples),
                min=min(self.samples),
                max=max(self.samples),
                rounds=len(self.samples),
            )
        return figure


def _significant(value, digits=3):
    """A number to three significant digits, without an exponent: 1234, 12.3, 0.0123."""
    if value == 0 or isinstance(value, int):
        return str(value)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


class RatioAtMost:
    """ours / comparison must not exceed ``limit``."""

    def __init__(self, limit):
        self.limit = limit

    def __str__(self):
        return f"ratio <= {self.limit}"

    def met(self, ours, comparison):
        return ours.value / comparison.value <= self.limit


class RatioAtLeast:
    """ours / comparison must be at least ``limit`` (for figures where more is better, such as requests per second)."""

    def __init__(self, limit):
        self.limit = limit

    def __str__(self):
        return f"ratio >= {self.limit}"

    def met(self, ours, comparison):
        return ours.value / comparison.value >= self.limit


class FasterBy:
    """ours must take at most 1/``factor`` of the comparison's time."""

    def __init__(self, factor):
        self.factor = factor

    def __str__(self):
        return f"{self.factor} times faster (ratio <= {1.0 / self.factor:.3f})"

    def met(self, ours, comparison):
        return ours.value * self.factor <= comparison.value


class LaterBy:
    """ours may come at most ``limit`` ``unit`` (the quantities' unit) after the comparison."""

    def __init__(self, limit, unit):
        self.limit = limit
        self.unit = unit

    def __str__(self):
        return f"at most {self.limit} {self.unit} later"

    def met(self, ours, comparison):
        return ours.value - comparison.value <= self.limit


class AtMost:
    """ours must not exceed ``limit`` ``unit``; there is nothing to compare with."""

    def __init__(self, limit, unit):
        self.limit = limit
        self.unit = unit

    def __str__(self):
        return f"at most {self.limit} {self.unit}"

    def met(self, ours, comparison):
        return ours.value <= self.limit


class Row:
    """One line of the table. ``goal`` None: the comparison is shown for information only."""

    def __init__(self, benchmark, ours, comparison=None, goal=None):
        self.benchmark = benchmark
        self.ours = ours
        self.comparison = comparison
        self.goal = goal
        self.load = None  # the load.LoadFigures of the benchmark's run, set by the runner

    @property
    def ratio(self):
        if self.comparison is None or not self.comparison.value:
            return None
        return self.ours.value / self.comparison.value

    @property
    def met(self):
        """True or False against the goal; None without one."""
        return None if self.goal is None else self.goal.met(self.ours, self.comparison)

    def as_json(self):
        return {
            "benchmark": self.benchmark,
            "ours": self.ours.as_json(),
            "comparison": self.comparison.as_json() if self.comparison else None,
            "ratio": self.ratio,
            "goal": str(self.goal) if self.goal else None,
            "met": self.met,
            "load": self.load.as_json() if self.load else None,
        }
