"""Seed files: the trained models a standalone fake starts with (YAML or JSON).

    models:
      - name: churn                      # required
        status: ACTIVE                   # default ACTIVE; any string is taken
        collaborationIdentifier: 0c5b...  # a UUID; default: a new collaboration
        statusDetails: {statusCode: X, message: Y}
        statusChanges:                   # later changes, seconds after start
          - {after: 5, status: ACTIVE}
        overrides: {description: Churn model}   # any camelCase members, as given
        missingMembers: [creatorAccountId]      # members to leave out
        versions:                        # newer versions, oldest first
          - status: CREATE_IN_PROGRESS   # plus statusDetails, statusChanges,
                                         # overrides and missingMembers as above

docs/fake.md describes the format for users.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema

from ..package_data import trained_model_schema
from .controller import CleanRoomsMLFake
from .seed_yaml import SeedSyntaxError, node_at, parse_seed, place, shown
from .timeline import MISSING

# The members that say where a model is found: a seed's overrides of them must be strings.
_IDENTIFIER_OVERRIDES = {
    member: {"type": "string"}
    for member in ("collaborationIdentifier", "membershipIdentifier", "trainedModelArn", "versionIdentifier")
}
# A message shows at most this many problems, each cut to _MESSAGE_LIMIT characters.
_MOST_PROBLEMS = 20
_MESSAGE_LIMIT = 200
# Larger files are no seed (a seed of thousands of models is a few hundred kB).
MAX_SEED_BYTES = 10 * 1024 * 1024

_STATUS_DETAILS = {
    "type": "object",
    "properties": {"statusCode": {"type": "string"}, "message": {"type": "string"}},
    "additionalProperties": False,
}
_VERSION_PROPERTIES = {
    "status": {"type": "string", "minLength": 1},
    "statusDetails": _STATUS_DETAILS,
    "statusChanges": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "after": {"type": "number", "minimum": 0},
                "status": {"type": "string", "minLength": 1},
                "statusDetails": _STATUS_DETAILS,
            },
            "required": ["after", "status"],
            "additionalProperties": False,
        },
    },
    "overrides": {"type": "object", "properties": _IDENTIFIER_OVERRIDES},
    "missingMembers": {"type": "array", "items": {"type": "string"}},
}
SEED_SCHEMA = {
    "type": "object",
    "properties": {
        "models": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    # Requests must name it as the service's pattern allows, so the seed must too.
                    "collaborationIdentifier": {
                        "type": "string",
                        "pattern": trained_model_schema()["$defs"]["UUID"]["pattern"],
                    },
                    "versions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": _VERSION_PROPERTIES,
                            "additionalProperties": False,
                        },
                    },
                    **_VERSION_PROPERTIES,
                },
                "required": ["name"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["models"],
    "additionalProperties": False,
}


class SeedError(Exception):
    """A seed file that cannot be used; the message names the file and the entry."""


def load_seed(path: Path | str) -> dict[str, Any]:
    """Read and check a seed file; raises SeedError saying what is wrong where (line, column and entry).

    Messages quote values of the file only briefly (the file may not be a seed at all).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            content = handle.read(MAX_SEED_BYTES + 1)
    except OSError as error:
        raise SeedError(f"{path}: cannot read it: {error.strerror}") from None
    if len(content) > MAX_SEED_BYTES:
        raise SeedError(f"{path}: larger than {MAX_SEED_BYTES} bytes, which no seed file is")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise SeedError(f"{path}: not UTF-8 text (line {line})") from None
    try:
        document, root = parse_seed(text)
    except SeedSyntaxError as error:
        raise SeedError(f"{path}: {error.problem} ({place(error.mark)})") from None
    return _checked(document, root, str(path))


def check_seed_document(document: Any, origin: str) -> dict[str, Any]:
    """Check a seed document given as Python data rather than a file (the pytest marker's models).

    Raises SeedError as load_seed does, each line starting with ``origin`` instead of a path.
    """
    return _checked(document, None, origin)


def _checked(document: Any, root: Any, origin: str) -> dict[str, Any]:
    """The document, once it passed SEED_SCHEMA; ``root``: its YAML node, for line numbers (None: none to give)."""
    schema_errors = sorted(
        jsonschema.Draft202012Validator(SEED_SCHEMA).iter_errors(document),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    problems = [
        (
            _location(error.absolute_path),
            _message(error)
            if root is None
            else f"{_message(error)} ({place(getattr(node_at(root, error.absolute_path), 'start_mark', None))})",
        )
        for error in schema_errors
    ] or _unreachable_models(document)
    if problems:
        lines = [f"{origin}: {location}: {message}" for location, message in problems[:_MOST_PROBLEMS]]
        if len(problems) > _MOST_PROBLEMS:
            lines.append(f"{origin}: and {len(problems) - _MOST_PROBLEMS} more problems")
        raise SeedError("\n".join(lines))
    checked: dict[str, Any] = document  # a mapping, as the schema requires
    return checked


def _message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message, without its repr() of the whole value (which may be the whole file)."""
    if error.validator == "type":
        expected = (
            error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        )
        # A string where a mapping or a number belongs is often a whole file that is no seed: not quoted.
        what = (
            f"a string of {len(error.instance)} characters"
            if isinstance(error.instance, str)
            else shown(error.instance)
        )
        return f"{what} is not of type {expected!r}"
    if error.validator == "additionalProperties":
        unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return "unknown member(s): " + ", ".join(shown(member) for member in unknown[:5])
    message = error.message.replace(repr(error.instance), shown(error.instance))
    return message if len(message) <= _MESSAGE_LIMIT else f"{message[:_MESSAGE_LIMIT]}...({len(message)} characters)"


def _unreachable_models(document: dict[str, Any]) -> list[tuple[str, str]]:
    """Entries whose versions or status changes could not find their model."""
    return [
        (
            f"models[{index}]",
            "versions and statusChanges need the trainedModelArn that missingMembers removes",
        )
        for index, entry in enumerate(document["models"])
        if "trainedModelArn" in entry.get("missingMembers", [])
        and (entry.get("versions") or entry.get("statusChanges"))
    ]


def apply_seed(fake: CleanRoomsMLFake, seed: dict[str, Any]) -> list[dict[str, Any]]:
    """Add the models of a checked seed document to the fake.

    Returns what was added, as the fake described it: each model, then its versions.
    """
    added = []
    for entry in seed["models"]:
        model = fake.add_trained_model(
            entry["name"],
            entry.get("status", "ACTIVE"),
            entry.get("collaborationIdentifier"),
            **_overrides(entry),
        )
        added.append(model)
        arn: str = model.get("trainedModelArn") or ""  # a model without one has no changes or versions
        _schedule_status_changes(fake, arn, entry)
        for version_entry in entry.get("versions", []):
            added.append(
                fake.add_version(
                    arn,
                    version_entry.get("status", "ACTIVE"),
                    **_overrides(version_entry),
                )
            )
            _schedule_status_changes(fake, arn, version_entry)
    return added


def _overrides(entry: dict[str, Any]) -> dict[str, Any]:
    overrides = dict(entry.get("overrides", {}))
    if "statusDetails" in entry:
        overrides["statusDetails"] = entry["statusDetails"]
    overrides.update((member, MISSING) for member in entry.get("missingMembers", []))
    return overrides


def _schedule_status_changes(fake: CleanRoomsMLFake, trained_model_arn: str, entry: dict[str, Any]) -> None:
    """Script the status of the version just added, which is the model's latest."""
    for change in entry.get("statusChanges", []):
        details = change.get("statusDetails", {})
        fake.set_status(
            trained_model_arn,
            change["status"],
            message=details.get("message"),
            status_code=details.get("statusCode"),
            after=change["after"],
        )


def _location(path: Any) -> str:
    """``models[2].status`` for jsonschema's path deque(['models', 2, 'status'])."""
    location = ""
    for part in path:
        location += f"[{part}]" if isinstance(part, int) else f".{part}"
    return location.lstrip(".") or "top level"
