"""What a benchmark reports: two measured (or computed) quantities, and the goal their comparison must meet."""

import math


class Quantity:
    """A figure with its unit, and what was measured to get it."""

    def __init__(self, value, unit, what):
        self.value = value
        self.unit = unit
        self.what = what

    def __str__(self):
        return f"{_significant(self.value)} {self.unit}"

    def as_json(self):
        return {"value": self.value, "unit": self.unit, "what": self.what}


def _significant(value, digits=3):
    """A number to three significant digits, without an exponent: 1234, 12.3, 0.0123."""
    if value == 0 or isinstance(value, int):
        return str(value)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return "%.*f" % (decimals, value)


class RatioAtMost:
    """ours / comparison must not exceed ``limit``."""

    def __init__(self, limit):
        self.limit = limit

    def __str__(self):
        return f"ratio <= {self.limit}"

    def met(self, ours, comparison):
        return ours.value / comparison.value <= self.limit


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
        }
