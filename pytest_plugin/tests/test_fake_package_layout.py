"""The fake's package: no import circle, and no side effect on botocore at import."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest_cleanroomsml.fake

PACKAGE = Path(pytest_cleanroomsml.fake.__file__).parent


def imports_within_the_package(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, at any level (TYPE_CHECKING blocks and functions included)."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                imported.add(node.module.split(".")[0])
            else:
                imported.update(alias.name for alias in node.names)
    return imported


def test_no_module_of_the_fake_imports_itself_back() -> None:
    graph = {path.stem: imports_within_the_package(path) for path in PACKAGE.glob("*.py") if path.stem != "__init__"}

    def circle_from(start: str, module: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        for imported in sorted(graph.get(module, ())):
            if imported == start:
                return (*trail, imported)
            if imported not in trail:
                found = circle_from(start, imported, (*trail, imported))
                if found:
                    return found
        return None

    circles = [circle for module in graph if (circle := circle_from(module, module, (module,)))]
    assert circles == []


def test_the_botocore_handler_is_installed_by_the_first_mock_not_by_import() -> None:
    # In a fresh interpreter: this one has entered a mock already.
    script = textwrap.dedent(
        """
        import botocore.handlers
        from pytest_cleanroomsml.fake import CleanRoomsMLFake
        from pytest_cleanroomsml.fake.botocore_handler import FORWARDER
        from pytest_cleanroomsml.fake.in_process import STUBBER

        def installed():
            return sum(entry[1] is FORWARDER for entry in botocore.handlers.BUILTIN_HANDLERS)

        fake = CleanRoomsMLFake()
        before = installed()
        with fake.mock():
            pass
        with fake.mock():
            pass
        print(before, installed(), FORWARDER.target is STUBBER)
        """
    )
    environment = {name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "MOTO_"))}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, check=False, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "1", "True"]
