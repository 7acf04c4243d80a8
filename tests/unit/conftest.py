"""Fixtures of the unit tests: the in-process module runner (tests/helpers/module_runs.py)."""

from helpers.module_runs import run_module

__all__ = ["run_module"]  # fixtures, found by pytest by name
