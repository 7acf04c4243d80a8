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
import yaml

from ..package_data import trained_model_schema
from .controller import CleanRoomsMLFake
from .timeline import MISSING

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
    "overrides": {"type": "object"},
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
                    "collaborationIdentifier": {"type": "string", "pattern": trained_model_schema()["$defs"]["UUID"]["pattern"]},
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
    """Read and check a seed file; raises SeedError saying what is wrong where."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SeedError(f"{path}: cannot read it: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise SeedError(f"{path}: not valid YAML or JSON: {error}") from None
    schema_errors = sorted(
        jsonschema.Draft202012Validator(SEED_SCHEMA).iter_errors(document),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    problems = [
        (_location(error.absolute_path), error.message) for error in schema_errors
    ] or _unreachable_models(document)
    if problems:
        raise SeedError(
            "\n".join(
                f"{path}: {location}: {message}" for location, message in problems
            )
        )
    return document


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
        arn = model.get("trainedModelArn")
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


def _schedule_status_changes(
    fake: CleanRoomsMLFake, trained_model_arn: str, entry: dict[str, Any]
) -> None:
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
