"""Fixtures of the lookup tests: the in-process lookup runner (tests/helpers/lookup_runs.py)."""

from helpers.lookup_runs import add_models, client_cache, lookup_warnings, render, run_lookup

__all__ = ["add_models", "client_cache", "lookup_warnings", "render", "run_lookup"]  # fixtures, found by name
