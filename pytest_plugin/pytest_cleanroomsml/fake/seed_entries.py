"""Seed entries that make the fake describe trained model versions exactly as they were described.

A snapshot of a collaboration and the JSON of ``aws cleanroomsml get-collaboration-trained-model``
are both GetCollaborationTrainedModel descriptions. Each becomes a seed entry whose overrides
hold every member it has and whose missingMembers name every member it lacks, so that what
the fake adds by default (resource configuration, metrics status...) or copies from the
previous version never shows in its answers.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from typing import Any

from moto.core.utils import get_service_model

from .._shared.cleanroomsml_service import SERVICE_NAME
from .._shared.trained_model_validation import parsed_date_time, to_json_compatible, without_response_metadata
from .models import COLLABORATION_DESCRIPTION_SHAPE

# A model entry's own fields; everything else a description holds goes into overrides.
_MODEL_FIELDS = ("name", "status", "collaborationIdentifier")
_VERSION_FIELDS = ("status",)
_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)


def seed_document(models: Iterable[list[dict[str, Any]]]) -> dict[str, Any]:
    """A seed document (JSON-compatible: timestamps as ISO 8601 text) from each model's descriptions.

    ``models``: per trained model, the GetCollaborationTrainedModel descriptions of its
    versions, the base version first and the latest last. The fake lists models in this order.
    """
    return {"models": [_model_entry(versions) for versions in models]}


def versions_by_model(descriptions: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Descriptions grouped by trainedModelArn (models in the order first seen), each model's oldest first.

    Versions are ordered by createTime; those without one keep their place among equals.
    """
    models: dict[Any, list[dict[str, Any]]] = {}
    for description in descriptions:
        models.setdefault(description.get("trainedModelArn"), []).append(description)
    return [sorted(versions, key=created) for versions in models.values()]


def created(description: dict[str, Any]) -> datetime.datetime:
    """When a version was created (a datetime or ISO 8601 text), for ordering; the earliest moment if unknown."""
    value = description.get("createTime")
    moment = value if isinstance(value, datetime.datetime) else parsed_date_time(value)
    if moment is None:
        return _EARLIEST
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


def _model_entry(versions: list[dict[str, Any]]) -> dict[str, Any]:
    base, *later = [to_json_compatible(without_response_metadata(version)) for version in versions]
    entry = _entry(base, _MODEL_FIELDS, seen=set())
    seen = set(base)
    if later:
        entry["versions"] = []
    for version in later:
        entry["versions"].append(_entry(version, _VERSION_FIELDS, seen))
        seen.update(version)
    return entry


def _entry(description: dict[str, Any], fields: tuple[str, ...], seen: set[str]) -> dict[str, Any]:
    """The entry of one version; ``seen``: members of the earlier versions, which the fake copies forward."""
    entry = {field: description[field] for field in fields if field in description}
    overrides = {member: value for member, value in description.items() if member not in fields}
    if overrides:
        entry["overrides"] = overrides
    missing = [member for member in _served_members() + sorted(seen) if member not in description]
    if missing:
        entry["missingMembers"] = list(dict.fromkeys(missing))
    return entry


@functools.cache
def _served_members() -> list[str]:
    """The members GetCollaborationTrainedModel may answer with, in the service model's order."""
    return list(get_service_model(SERVICE_NAME).shape_for(COLLABORATION_DESCRIPTION_SHAPE).members)
