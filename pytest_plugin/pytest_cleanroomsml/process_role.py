"""Whether this pytest process runs tests: pytest-xdist's controller hands every one to its workers."""

from __future__ import annotations

import pytest

# pytest's options (their dests) that show something and run no test: --help, --markers, --fixtures,
# --fixtures-per-test, --collect-only.
SHOW_ONLY_OPTIONS = ("help", "markers", "showfixtures", "show_fixtures_per_test", "collectonly")


def runs_tests(config: pytest.Config) -> bool:
    """False for pytest-xdist's controller when it distributes the tests, and for the options that run none.

    Decided as pytest-xdist decides (its ``is_xdist_worker``, and the distribution mode for
    which its pytest_configure starts the controller's session): a worker has
    ``config.workerinput`` (and its ``dist`` set back to "no"); a controller distributes when
    ``dist`` is not "no" and it has nodes to send tests to (``tx``), both of which xdist's
    pytest_cmdline_main derives from -n, --dist and --tx before any pytest_configure. Read from
    the options, so that nothing imports xdist, and a run without it (not installed, -p no:xdist,
    -n 0) runs its tests here.
    """
    if any(getattr(config.option, name, False) for name in SHOW_ONLY_OPTIONS):
        return False
    if hasattr(config, "workerinput"):
        return True
    distributes = getattr(config.option, "dist", "no") != "no" and bool(getattr(config.option, "tx", None))
    return not distributes
