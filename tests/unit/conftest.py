"""Fixtures of the unit tests: the in-process module runner (tests/helpers/module_runs.py)."""

from helpers.module_runs import run_module as run_module
