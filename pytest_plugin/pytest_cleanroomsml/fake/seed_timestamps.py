"""Timestamps in a seed: ISO 8601 text where botocore's service model has a timestamp becomes a datetime.

Seed files are plain data (seed_yaml refuses YAML's own dates) and the AWS CLI prints
timestamps as ISO 8601 text, while the fake keeps datetimes, as boto3 hands them to a test.
Only RFC 3339 date-times (with an offset or 'Z') are converted, and only in members the
service model types as timestamps: anything else is an override, kept as given.
"""

from __future__ import annotations

import functools
from typing import Any

from botocore.model import Shape
from moto.core.utils import get_service_model

from .._shared.cleanroomsml_service import SERVICE_NAME
from .._shared.trained_model_validation import parsed_date_time
from .models import COLLABORATION_DESCRIPTION_SHAPE, MEMBERSHIP_DESCRIPTION_SHAPE


def with_datetimes(description: dict[str, Any]) -> dict[str, Any]:
    """A copy of camelCase description members, with their ISO 8601 timestamps as datetimes."""
    members = _description_members()
    return {name: _converted(value, members[name]) if name in members else value for name, value in description.items()}


@functools.cache
def _description_members() -> dict[str, Shape]:
    """The members of the descriptions the fake serves: the collaboration's and the membership's."""
    model = get_service_model(SERVICE_NAME)
    members: dict[str, Shape] = {}
    for shape_name in (MEMBERSHIP_DESCRIPTION_SHAPE, COLLABORATION_DESCRIPTION_SHAPE):
        members.update(model.shape_for(shape_name).members)
    return members


def _converted(value: Any, shape: Shape) -> Any:
    if shape.type_name == "timestamp":
        return parsed_date_time(value) or value
    if shape.type_name == "structure" and isinstance(value, dict):
        members = shape.members
        return {name: _converted(item, members[name]) if name in members else item for name, item in value.items()}
    if shape.type_name == "list" and isinstance(value, list):
        return [_converted(item, shape.member) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {key: _converted(item, shape.value) for key, item in value.items()}
    return value
