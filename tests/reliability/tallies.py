"""Count the cases of the suite's tables and print one line per table after the run.

Printed in pytest's terminal summary, so that `make test` shows them without -s, e.g.
"bad inputs: 145 tried, 145 refused cleanly". A test counts towards a line when it carries
that line's marker; it holds when it passes.
"""

# Marker -> (line label, what each case is, what holding means).
TALLIES = {
    "bad_input": ("bad inputs", "tried", "refused cleanly"),
    "fault": ("faults", "injected", "handled as specified"),
    "secrets": ("leak checks", "made", "clean"),
}


class Tallies:
    """A pytest plugin that keeps, for each marker of TALLIES, how many cases ran and how many held."""

    def __init__(self, config):
        for marker, (label, tried, held) in TALLIES.items():
            config.addinivalue_line("markers", f"{marker}: counted in the summary line '{label}: N {tried}, N {held}'")
        self.counts = {marker: [0, 0] for marker in TALLIES}

    def pytest_collection_modifyitems(self, items):
        # user_properties travel with each report, from pytest-xdist workers too.
        for item in items:
            for marker in TALLIES:
                if item.get_closest_marker(marker):
                    item.user_properties.append(("tally", marker))

    def pytest_runtest_logreport(self, report):
        marker = dict(report.user_properties).get("tally")
        # A case counts once: at its call, or at its setup when that failed and there was no call.
        if marker is None or not (report.when == "call" or (report.when == "setup" and not report.passed)):
            return
        self.counts[marker][0] += 1
        self.counts[marker][1] += report.passed

    def pytest_terminal_summary(self, terminalreporter):
        for marker, (label, tried, held) in TALLIES.items():
            cases, passed = self.counts[marker]
            if cases:
                terminalreporter.write_line(f"{label}: {cases} {tried}, {passed} {held}")
