"""Seed files: the trained models a standalone fake starts with (YAML or JSON).

    models:
      - name: churn                      # required
        status: ACTIVE                   # default ACTIVE; any string is taken
        collaborationIdentifier: 0c5b...  # a UUID; default: a new collaboration
        statusDetails: {statusCode: X, message: Y}
        statusChanges:                   # later changes: seconds after the first read,
          - {after: 5, status: ACTIVE}   # or {afterPolls: N, ...}: at the N-th read
        overrides: {description: Churn model}   # any camelCase members, as given
        missingMembers: [creatorAccountId]      # members to leave out
        versions:                        # newer versions, oldest first
          - status: CREATE_IN_PROGRESS   # plus statusDetails, statusChanges,
                                         # overrides and missingMembers as above

A seed may also be what ``aws cleanroomsml get-collaboration-trained-model`` prints (one
description, or a list of them): each description becomes an entry that reproduces it.
ISO 8601 timestamps in overrides become datetimes (seed_timestamps.py).
docs/fake.md describes the format for users.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema

from .._shared.trained_model_validation import without_response_metadata
from ..package_data import trained_model_schema
from .clock import MAX_AFTER_POLLS, MAX_CLOCK_SECONDS
from .seed_entries import seed_document, versions_by_model
from .seed_timestamps import with_datetimes
from .seed_yaml import SeedSyntaxError, node_at, parse_seed, place, shown
from .timeline import MISSING

# What seeds are applied to: a CleanRoomsMLFake, or the controller CleanRoomsMLFake.connect() returns.
# Not imported: the controller's server imports this module (through control_api.py).
Controller = Any
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

# Requests must name it as the service's pattern allows, so the seed must too.
_COLLABORATION_IDENTIFIER = {"type": "string", "pattern": trained_model_schema()["$defs"]["UUID"]["pattern"]}
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
                "after": {"type": "number", "minimum": 0, "maximum": MAX_CLOCK_SECONDS},
                "afterPolls": {"type": "integer", "minimum": 1, "maximum": MAX_AFTER_POLLS},
                "status": {"type": "string", "minLength": 1},
                "statusDetails": _STATUS_DETAILS,
            },
            "required": ["status"],
            "oneOf": [{"required": ["after"]}, {"required": ["afterPolls"]}],
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
                    "collaborationIdentifier": _COLLABORATION_IDENTIFIER,
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

# The JSON of `aws cleanroomsml get-collaboration-trained-model`, one description or a list of them.
_AWS_CLI_DESCRIPTION = {
    "type": "object",
    "properties": {
        **_IDENTIFIER_OVERRIDES,
        "collaborationIdentifier": _COLLABORATION_IDENTIFIER,
        "trainedModelArn": {"type": "string", "minLength": 1},
        "name": {"type": "string", "minLength": 1},
        "status": {"type": "string", "minLength": 1},
    },
    "required": ["trainedModelArn", "name"],
}
_AWS_CLI_DESCRIPTIONS = {"type": "array", "items": _AWS_CLI_DESCRIPTION, "minItems": 1}


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
    return checked_seed(document, str(path), root)


def checked_seed(document: Any, origin: str = "seed", root: Any = None) -> dict[str, Any]:
    """The seed document of parsed YAML or JSON, checked; raises SeedError naming ``origin`` and the entry.

    ``document`` is in the seed format, or is the AWS CLI's JSON of one description or a list
    of them, which becomes a seed document reproducing each. ``root``: the parsed YAML node, to
    say where in the file a mistake is.
    """
    if isinstance(document, list) or (isinstance(document, dict) and "trainedModelArn" in document):
        is_list = isinstance(document, list)
        _refuse_problems(
            origin, _schema_problems(document, _AWS_CLI_DESCRIPTIONS if is_list else _AWS_CLI_DESCRIPTION, root)
        )
        descriptions = [without_response_metadata(description) for description in (document if is_list else [document])]
        _refuse_problems(origin, _repeated_versions(descriptions) if is_list else [])
        return seed_document(versions_by_model(descriptions))
    _refuse_problems(origin, seed_problems(document, root))
    checked: dict[str, Any] = document  # a mapping, as the schema requires
    return checked


def apply_seed_document(fake: Controller, document: Any, origin: str = "seed") -> list[dict[str, Any]]:
    """``apply_seed(fake, checked_seed(document, origin))``: for a seed that did not come from a file."""
    return apply_seed(fake, checked_seed(document, origin))


def seed_problems(document: Any, root: Any = None) -> list[tuple[str, str]]:
    """(location, message) of each problem of a document in the seed format, schema errors first; [] for a good one.

    ``root``: the parsed YAML node, to say where in the file a mistake is.
    """
    return _schema_problems(document, SEED_SCHEMA, root) or _unreachable_models(document)


def _schema_problems(document: Any, schema: dict[str, Any], root: Any) -> list[tuple[str, str]]:
    schema_errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(document),
        key=lambda error: list(map(str, error.absolute_path)),
    )
    return [
        (_location(error.absolute_path), _message(error) + _place_in(root, error.absolute_path))
        for error in schema_errors
    ]


def _place_in(root: Any, path: Any) -> str:
    """ " (line 4, column 13)" for a file's node; nothing for a document that came from no file."""
    return "" if root is None else f" ({place(getattr(node_at(root, path), 'start_mark', None))})"


def _refuse_problems(origin: str, problems: list[tuple[str, str]]) -> None:
    if problems:
        lines = [f"{origin}: {location}: {message}" for location, message in problems[:_MOST_PROBLEMS]]
        if len(problems) > _MOST_PROBLEMS:
            lines.append(f"{origin}: and {len(problems) - _MOST_PROBLEMS} more problems")
        raise SeedError("\n".join(lines))


def _repeated_versions(descriptions: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Descriptions of a version already given: which one the fake should serve is unclear."""
    first_seen: dict[tuple[Any, Any], int] = {}
    problems = []
    for index, description in enumerate(descriptions):
        version = (description["trainedModelArn"], description.get("versionIdentifier"))
        if version in first_seen:
            problems.append(
                (f"[{index}]", f"the same trainedModelArn and versionIdentifier as [{first_seen[version]}]")
            )
        first_seen.setdefault(version, index)
    return problems


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
    if error.validator == "oneOf":  # alternatives of required members, as statusChanges' after and afterPolls
        return "needs exactly one of: " + ", ".join(alternative["required"][0] for alternative in error.validator_value)
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


def apply_seed(fake: Controller, seed: dict[str, Any]) -> list[dict[str, Any]]:
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
    overrides = with_datetimes(entry.get("overrides", {}))
    if "statusDetails" in entry:
        overrides["statusDetails"] = entry["statusDetails"]
    overrides.update((member, MISSING) for member in entry.get("missingMembers", []))
    return overrides


def _schedule_status_changes(fake: Controller, trained_model_arn: str, entry: dict[str, Any]) -> None:
    """Script the status of the version just added, which is the model's latest."""
    for change in entry.get("statusChanges", []):
        details = change.get("statusDetails", {})
        fake.set_status(
            trained_model_arn,
            change["status"],
            message=details.get("message"),
            status_code=details.get("statusCode"),
            after=change.get("after", 0.0),
            after_polls=change.get("afterPolls"),
        )


def _location(path: Any) -> str:
    """``models[2].status`` for jsonschema's path deque(['models', 2, 'status'])."""
    location = ""
    for part in path:
        location += f"[{part}]" if isinstance(part, int) else f".{part}"
    return location.lstrip(".") or "top level"
