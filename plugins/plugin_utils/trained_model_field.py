# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The lookup's field option: a dotted path into a trained model's snake_case facts.

Paths are checked against the shared schema, which lists every member boto3 can return,
so a typo fails before any call, and a member a model simply lacks (status_details of an
ACTIVE model) is not mistaken for one.
"""

from typing import Any, Dict, cast

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA

# The generated SCHEMA is a literal of mixed values, which mypy types as object.
_DEFINITIONS = cast(Dict[str, Any], SCHEMA["$defs"])

# How the schema's JSON types are called in messages about Ansible values.
_TYPE_NAMES = {
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
}


def _resolved(node):
    """A schema node with its $ref (always "#/$defs/<name>" in this schema) followed."""
    while "$ref" in node:
        node = _DEFINITIONS[node["$ref"].rsplit("/", 1)[1]]
    return node


def _members(node):
    """{snake_case name: schema node} of an object node, named as the facts name them."""
    properties = node.get("properties", {})
    snake_to_camel = camel_dict_to_snake_dict({name: name for name in properties})
    return {snake: _resolved(properties[camel]) for snake, camel in snake_to_camel.items()}


def field_path_error(field):
    """Why a dotted path such as status_details.message names no member of a trained model, or None.

    The message names the valid keys at the level where the path goes wrong.
    """
    keys = field.split(".")
    node = _resolved(SCHEMA)
    for depth, key in enumerate(keys):
        parent = ".".join(keys[:depth]) or "a trained model"
        if node.get("type") != "object":
            kind = _TYPE_NAMES.get(node.get("type"), node.get("type"))
            return f"field {field!r}: {parent} is {kind}, not a dict with keys"
        members = _members(node)
        if key not in members:
            return "field {!r}: {} has no key {!r}; valid keys: {}".format(
                field, parent, key, ", ".join(sorted(members))
            )
        node = members[key]
    return None


def select_field(facts, field):
    """The value at a dotted path (checked by field_path_error) in a model's facts; None where a member is missing."""
    value = facts
    for key in field.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value
