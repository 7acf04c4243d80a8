"""A package's public names, each imported from its module only when first used (PEP 562).

pytest imports this plugin's package in every run where it is installed, and ``pytest --help``
too; what some of its names need (moto, boto3, botocore, jsonschema) takes about 0.4 s to import,
which only a run that uses them should pay.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, module_of: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``, which exports each name of ``module_of`` from its
    module (a name relative to the package, such as ``".assertions"``).
    """

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        # Set on the package: Python calls __getattr__ only for names that it does not hold.
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *module_of})

    return __getattr__, __dir__
