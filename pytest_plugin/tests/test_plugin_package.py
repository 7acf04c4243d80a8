"""The distribution: its public API, its typing marker, its entry point, and no need for Ansible."""

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest_cleanroomsml

PUBLIC_API = {
    "CleanRoomsMLFake",
    "CleanRoomsMLSettings",
    "RetrySleep",
    "RetrySleeps",
    "TrainedModelFetcher",
    "TrainedModelWaiter",
    "assert_logs_published",
    "assert_metrics_published",
    "assert_model_active",
    "assert_model_status",
    "assert_valid_trained_model",
}


def test_the_public_api_is_exported_from_the_package():
    assert set(pytest_cleanroomsml.__all__) == PUBLIC_API
    assert all(hasattr(pytest_cleanroomsml, name) for name in PUBLIC_API)


def test_the_distribution_and_the_package_carry_one_version():
    # Built from _version.py, which `make schema` writes from galaxy.yml (tests/unit/release checks that side).
    assert pytest_cleanroomsml.__version__ == metadata.version("pytest-cleanroomsml")
    assert re.fullmatch(r"\d+\.\d+\.\d+", pytest_cleanroomsml.__version__)


def test_the_package_is_marked_as_typed():
    assert Path(pytest_cleanroomsml.__file__).with_name("py.typed").is_file()


def test_the_plugin_registers_through_the_pytest11_entry_point():
    entry_points = metadata.distribution("pytest-cleanroomsml").entry_points

    assert [(entry.group, entry.value) for entry in entry_points if entry.name == "cleanroomsml"] == [
        ("pytest11", "pytest_cleanroomsml.plugin")
    ]


def test_it_depends_on_neither_ansible_nor_anything_beyond_pytest_boto3_jsonschema_moto_and_yaml():
    requirements = {
        re.split(r"[^A-Za-z0-9_.-]", requirement, maxsplit=1)[0].lower()
        for requirement in metadata.requires("pytest-cleanroomsml")
    }

    assert requirements == {"pytest", "boto3", "botocore", "jsonschema", "moto", "pyyaml"}


def test_the_plugin_imports_without_ansible():
    # A None entry in sys.modules makes any import of that name fail.
    script = (
        "import sys; sys.modules['ansible'] = sys.modules['ansible_collections'] = None; "
        "import pytest_cleanroomsml.plugin"
    )

    subprocess.run([sys.executable, "-c", script], check=True)
