"""Run the command-line tools that the ecosystem checks use, failing with their output when they fail."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from fake_playbook import playbook_environment

ROOT = Path(__file__).resolve().parents[2]
# The tools are installed in the venv that runs the tests (requirements-ecosystem.txt).
VENV_BIN = Path(sys.executable).parent


def tool(name):
    """The path of a command installed in the venv."""
    return str(VENV_BIN / name)


def amazon_aws_path():
    """Where the ansible package installed the amazon.aws collection."""
    return Path(importlib.util.find_spec("ansible_collections.amazon.aws").submodule_search_locations[0])


def ansible_environment(collections_path=None):
    """The environment for Ansible's commands: fake AWS credentials only, the venv's tools first on PATH
    (they call each other by name), and the collections of build/ or else only those in collections_path."""
    environment = playbook_environment()
    environment["PATH"] = os.pathsep.join([str(VENV_BIN), environment.get("PATH", "")])
    if collections_path is not None:
        environment["ANSIBLE_COLLECTIONS_PATH"] = str(collections_path)
        environment["ANSIBLE_COLLECTIONS_SCAN_SYS_PATH"] = "False"  # not the venv's own ansible_collections
    return environment


def run(arguments, cwd=ROOT, env=None):
    """Run a command, capturing its output; returns the CompletedProcess."""
    return subprocess.run(
        [str(argument) for argument in arguments], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def run_ok(arguments, cwd=ROOT, env=None):
    """run(), asserting that the command succeeded; a failure shows the command and what it printed."""
    result = run(arguments, cwd, env)
    assert result.returncode == 0, describe(result)
    return result


def describe(result):
    command = " ".join(result.args)
    return (
        f"{command}\nexited with {result.returncode}\n"
        f"--- stdout (end)\n{result.stdout[-8000:]}\n--- stderr (end)\n{result.stderr[-8000:]}"
    )
