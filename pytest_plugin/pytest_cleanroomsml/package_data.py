"""Read the JSON files the build copies into the package's data/ folder."""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any


@functools.cache
def load_json(name: str) -> Any:
    """The parsed content of data/<name>, read once: callers share it and must not change it.

    Sharing one object also lets the schema validator, cached per schema object, be built once.
    """
    return json.loads((files("pytest_cleanroomsml") / "data" / name).read_text(encoding="utf-8"))


def trained_model_schema() -> dict[str, Any]:
    """The shared JSON Schema of the GetCollaborationTrainedModel response."""
    schema: dict[str, Any] = load_json("collaboration_trained_model.schema.json")
    return schema
