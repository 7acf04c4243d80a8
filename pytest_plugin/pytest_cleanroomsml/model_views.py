"""Bring every form of trained model the assertions accept to one: camelCase JSON."""

from __future__ import annotations

from typing import Any, Mapping

from ._shared.trained_model_validation import to_json_compatible, without_response_metadata
from .package_data import snake_case_names, trained_model_schema

ACCEPTED_MODELS = (
    "a get_collaboration_trained_model response, a member of list_collaboration_trained_models' "
    "collaborationTrainedModels, or the snake_case trained model of the cleanrooms.ml module or lookup"
)


def camel_case_model(model: object) -> dict[str, Any]:
    """The model as the schema describes it: camelCase members, ISO 8601 timestamps, no ResponseMetadata.

    Raises TypeError, saying what is accepted, for anything that is not a trained model.
    """
    if isinstance(model, Mapping):
        document: dict[str, Any] = _camel_case_keys(to_json_compatible(without_response_metadata(model)))
        if set(document) & set(trained_model_schema()["properties"]):
            return document
        received = ("a mapping with keys " + ", ".join(repr(key) for key in model)) if model else "an empty mapping"
    else:
        received = type(model).__name__
    raise TypeError(f"expected a trained model ({ACCEPTED_MODELS}), got {received}")


def _camel_case_keys(value: Any) -> Any:
    """Rename the Ansible facts' snake_case members back to camelCase; camelCase and unknown names stay as they are."""
    if isinstance(value, dict):
        names = snake_case_names()
        return {names.get(key, key): _camel_case_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel_case_keys(item) for item in value]
    return value
