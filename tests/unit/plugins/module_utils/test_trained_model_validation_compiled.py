"""The fast check compiles each schema once, and its compiled checks judge as jsonschema does where a
compiled check is reached differently: a $defs entry that refers to itself, or to one defined after it."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_validation
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import (
    conforms,
    jsonschema_violations,
)

# A tree: a node's children are nodes (a $ref to itself), its label a $defs entry defined after it.
TREE_SCHEMA = {
    "$ref": "#/$defs/Node",
    "$defs": {
        "Node": {
            "type": "object",
            "required": ["label"],
            "properties": {
                "label": {"$ref": "#/$defs/Label"},
                "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}, "maxItems": 2},
            },
            "additionalProperties": False,
        },
        "Label": {"type": "string", "pattern": "^[a-z]+$", "enum": ["root", "leaf", "twig"]},
    },
}


@pytest.mark.parametrize(
    "tree",
    [
        {"label": "root"},
        {"label": "root", "children": [{"label": "leaf"}, {"label": "twig", "children": [{"label": "leaf"}]}]},
        {"label": "root", "children": [{"label": "leaf", "children": [{"label": "Leaf"}]}]},
        {"label": "root", "children": [{"label": "leaf", "children": [{"label": "bud"}]}]},
        {"label": "root", "children": [{"label": "leaf", "children": [{}]}]},
        {"label": "root", "children": [{"label": "leaf", "colour": "green"}]},
        {"label": "root", "children": [{"label": "leaf"}] * 3},
        {"label": "root", "children": {"label": "leaf"}},
    ],
)
def test_recursive_and_forward_references_are_judged_as_jsonschema_does(tree):
    assert conforms(tree, TREE_SCHEMA) == (jsonschema_violations(tree, TREE_SCHEMA) == [])


def test_each_schema_is_compiled_once(monkeypatch):
    schema = {"type": "object", "properties": {"name": {"type": "string"}}}
    compiled = []
    compile_schema = trained_model_validation._compiled_schema
    monkeypatch.setattr(
        trained_model_validation, "_compiled_schema", lambda schema: compiled.append(schema) or compile_schema(schema)
    )
    for name in ("a", "b", 3):
        conforms({"name": name}, schema)
    assert not conforms({"name": 3}, schema)
    assert compiled == [schema]
