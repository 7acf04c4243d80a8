"""Fixtures of the lookup tests: the in-process lookup runner (tests/helpers/lookup_runs.py)."""

from helpers.lookup_runs import add_models as add_models
from helpers.lookup_runs import client_cache as client_cache
from helpers.lookup_runs import lookup_warnings as lookup_warnings
from helpers.lookup_runs import render as render
from helpers.lookup_runs import run_lookup as run_lookup
