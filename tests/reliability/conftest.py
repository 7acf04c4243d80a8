"""Fixtures of the reliability suite, and its tallies.

The in-process runners of the module and the lookup are the unit tests' own, imported
from tests/unit (the lookup's conftest first: it installs ansible's collection loader).
This directory is a package, so pytest puts tests/ on sys.path, where `unit` is found, and
imports this file as reliability.conftest, not as the `conftest` the unit tests import.
"""

import importlib

import pytest
from unit.conftest import run_module  # noqa: F401

# pylint: disable=unused-import
from unit.plugins.lookup.conftest import (
    client_cache,  # noqa: F401
    lookup_warnings,  # noqa: F401
    run_lookup,  # noqa: F401
)

from .tallies import Tallies


def pytest_configure(config):
    config.pluginmanager.register(Tallies(config), "cleanroomsml-reliability-tallies")


@pytest.fixture
def quick_backoff(monkeypatch):
    """The module's and the lookup's own retries (AWSRetry): 3 attempts (amazon.aws counts the first), 10 ms apart."""
    # Imported when the fixture runs, after the lookup's conftest installed ansible's collection
    # loader: the module object the module and the lookup use, whatever the order of imports above.
    trained_model_api = importlib.import_module(
        "ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api"
    )
    # pylint: disable=protected-access
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 3)
    monkeypatch.setitem(trained_model_api._BACKOFF, "delay", 0.01)
    monkeypatch.setitem(trained_model_api._BACKOFF, "max_delay", 0.01)
