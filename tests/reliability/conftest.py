"""Fixtures of the reliability suite, and its tallies.

The in-process runners of the module and the lookup are the unit tests' own (tests/helpers).
Importing helpers.lookup_runs installs ansible's collection loader, so the collection's modules
are imported inside the fixtures, through it.
"""

import pytest
from helpers.lookup_runs import client_cache, lookup_warnings, run_lookup
from helpers.module_runs import run_module

from .tallies import Tallies

__all__ = ["client_cache", "lookup_warnings", "run_lookup", "run_module"]  # fixtures, found by pytest by name


def pytest_configure(config):
    config.pluginmanager.register(Tallies(config), "cleanroomsml-reliability-tallies")


@pytest.fixture
def quick_backoff(monkeypatch, cleanroomsml_no_retry_sleep):
    """The module's and the lookup's own retries (AWSRetry): 3 attempts (amazon.aws counts the first), and no
    retry sleeping (AWSRetry's, botocore's, Retry-After's); gives the sleeps asked for.
    """
    from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_api

    # pylint: disable=protected-access
    monkeypatch.setitem(trained_model_api._BACKOFF, "retries", 3)
    return cleanroomsml_no_retry_sleep
