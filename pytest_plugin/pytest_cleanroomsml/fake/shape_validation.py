"""Check a value against a botocore shape, the way AWS checks its input.

botocore's client checks types, required members and minimums; AWS also checks
maximums, enums and patterns, and the fake must refuse what AWS refuses. The rules
come from the service model, never from a hand-written list per parameter. The same
check serves the tests, which hold every response against its output shape.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any, cast

from botocore.model import Shape

# Python types a parsed value (botocore or moto parser output) has, per shape type.
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "structure": (dict,),
    "list": (list,),
    "map": (dict,),
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "float": (int, float),
    "double": (int, float),
    "boolean": (bool,),
    "timestamp": (datetime.datetime,),
    "blob": (bytes, bytearray),
}
_SIZED_TYPES = ("string", "list", "map", "blob")


def shape_violations(shape: Shape, value: Any, path: str = "") -> list[str]:
    """Every way ``value`` breaks ``shape``, as AWS-style messages (empty: it fits)."""
    expected_types = _PYTHON_TYPES.get(shape.type_name, (object,))
    # bool is an int subclass, but never a valid integer or double.
    if not isinstance(value, expected_types) or (isinstance(value, bool) and shape.type_name != "boolean"):
        return [
            _violation(
                value,
                path,
                f"Member must be of type {shape.type_name} (got {type(value).__name__})",
            )
        ]
    violations = _value_violations(shape, value, path)
    value = cast(Any, value)  # of the shape's type, as checked above
    if shape.type_name == "structure":
        violations += _structure_violations(shape, value, path)
    elif shape.type_name == "list":
        for index, item in enumerate(value):
            violations += shape_violations(shape.member, item, f"{path}[{index}]")
    elif shape.type_name == "map":
        for key, item in value.items():
            violations += shape_violations(shape.key, key, f"{path}[{key!r}] (key)")
            violations += shape_violations(shape.value, item, f"{path}[{key!r}]")
    return violations


def validation_message(violations: list[str]) -> str:
    """The message of AWS's ValidationException for these violations."""
    count = len(violations)
    noun = "error" if count == 1 else "errors"
    return f"{count} validation {noun} detected: " + "; ".join(violations)


def _structure_violations(shape: Shape, value: dict[str, Any], path: str) -> list[str]:
    violations = []
    for name in shape.required_members:
        if value.get(name) is None:
            violations.append(_violation(None, _join(path, name), "Member must not be null"))
    for name, item in value.items():
        member_path = _join(path, name)
        if name not in shape.members:
            violations.append(f"Member '{member_path}' is not in shape {shape.name}")
        elif item is not None:
            violations += shape_violations(shape.members[name], item, member_path)
    return violations


def _value_violations(shape: Shape, value: Any, path: str) -> list[str]:
    metadata = shape.metadata
    sized = shape.type_name in _SIZED_TYPES
    measured = len(value) if sized else value
    what = "length" if sized else "value"
    violations = []
    if "min" in metadata and measured < metadata["min"]:
        violations.append(
            _violation(
                value,
                path,
                f"Member must have {what} greater than or equal to {metadata['min']}",
            )
        )
    if "max" in metadata and measured > metadata["max"]:
        violations.append(
            _violation(
                value,
                path,
                f"Member must have {what} less than or equal to {metadata['max']}",
            )
        )
    enum = getattr(shape, "enum", None)
    if enum and value not in enum:
        violations.append(_violation(value, path, f"Member must satisfy enum value set: [{', '.join(enum)}]"))
    # The model's patterns are unanchored; AWS applies them to the whole value.
    pattern = metadata.get("pattern")
    if pattern and isinstance(value, str) and not _compiled(pattern).fullmatch(value):
        violations.append(
            _violation(
                value,
                path,
                f"Member must satisfy regular expression pattern: {pattern}",
            )
        )
    return violations


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _violation(value: Any, path: str, constraint: str) -> str:
    return f"Value {_shown(value)} at '{path}' failed to satisfy constraint: {constraint}"


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, (int, float)):
        return str(value)
    return f"of type {type(value).__name__}"
