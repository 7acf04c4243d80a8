"""Run the collection's modules in-process, as AnsiballZ would, and read their JSON result."""

import json

import pytest
from ansible.module_utils import _internal as module_utils_internal
from ansible.module_utils.common import warnings as module_warnings
from ansible.module_utils.testing import patch_module_args

# Values a test can recognise if they ever leak into a result or a message.
FAKE_CREDENTIALS = {
    "access_key": "AKIAFAKEUNITTEST0001",
    "secret_key": "fake-unit-test-secret-key",
    "region": "us-east-1",
}


@pytest.fixture
def run_module(capsys, monkeypatch):
    """run_module(main, args) -> the module's result dict (failed=True on fail_json)."""

    def run(main, args):
        capsys.readouterr()  # drop anything printed before the module runs
        # Warnings are process-wide in AnsibleModule; each run starts without earlier ones.
        monkeypatch.setattr(module_warnings, "_global_warnings", {})
        monkeypatch.setattr(module_warnings, "_global_deprecations", {})
        # A module runs outside the controller, where warn() records into the result; importing
        # controller code (the lookup tests do) switches this process to the controller's Display.
        monkeypatch.setattr(module_utils_internal, "is_controller", False)
        with patch_module_args(dict(FAKE_CREDENTIALS, **args)), pytest.raises(SystemExit):
            main()
        return json.loads(capsys.readouterr().out)

    return run


def warning_messages(result):
    """The texts of a result's warnings (ansible-core 2.19 returns them as structured events)."""
    return [warning["event"]["msg"] if isinstance(warning, dict) else warning for warning in result.get("warnings", [])]
