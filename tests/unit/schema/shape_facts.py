"""Flatten botocore shapes and JSON Schema nodes into comparable facts, keyed by JSON path.

Both sides become {path: {fact: value}}, so that a drift shows as a readable list of
differences: a member added, removed or retyped, an enum value added or dropped, a
constraint changed.
"""

# How botocore's shape metadata maps to JSON Schema keywords, by shape type.
_CONSTRAINTS = {
    "string": {"min": "minLength", "max": "maxLength"},
    "list": {"min": "minItems", "max": "maxItems"},
    "integer": {"min": "minimum", "max": "maximum"},
    "long": {"min": "minimum", "max": "maximum"},
}
_JSON_TYPES = {
    "structure": "object",
    "list": "array",
    "string": "string",
    "integer": "integer",
    "long": "integer",
    "boolean": "boolean",
    "double": "number",
    "float": "number",
    "timestamp": "string",
}


def anchored(pattern):
    """botocore's patterns are unanchored; the schema anchors them to the whole value."""
    return f"^{pattern}$"


def botocore_facts(shape, path="$"):
    facts = {"type": _JSON_TYPES[shape.type_name]}
    if shape.type_name == "timestamp":
        facts["format"] = "date-time"
    for botocore_key, schema_key in _CONSTRAINTS.get(shape.type_name, {}).items():
        if botocore_key in shape.metadata:
            facts[schema_key] = shape.metadata[botocore_key]
    if "pattern" in shape.metadata:
        facts["pattern"] = anchored(shape.metadata["pattern"])
    if getattr(shape, "enum", None):
        facts["enum"] = sorted(shape.enum)
    result = {path: facts}
    if shape.type_name == "structure":
        facts["required"] = sorted(shape.required_members)
        facts["additionalProperties"] = False
        for name, member in shape.members.items():
            result.update(botocore_facts(member, f"{path}.{name}"))
    elif shape.type_name == "list":
        result.update(botocore_facts(shape.member, path + "[]"))
    return result


def _resolve(node, root):
    while "$ref" in node:
        pointer = node["$ref"]
        if not pointer.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {pointer!r}")
        merged = dict(root["$defs"][pointer[len("#/$defs/") :]])
        merged.update((key, value) for key, value in node.items() if key != "$ref")
        node = merged
    return node


def schema_facts(node, root, path="$"):
    node = _resolve(node, root)
    facts = {}
    for key in ("type", "format", "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "pattern"):
        if key in node:
            facts[key] = node[key]
    if "enum" in node:
        facts["enum"] = sorted(node["enum"])
    result = {path: facts}
    if node.get("type") == "object":
        facts["required"] = sorted(node.get("required", []))
        facts["additionalProperties"] = node.get("additionalProperties", True)
        for name, member in node.get("properties", {}).items():
            result.update(schema_facts(member, root, f"{path}.{name}"))
    elif node.get("type") == "array":
        result.update(schema_facts(node["items"], root, path + "[]"))
    return result


def differences(expected, actual):
    """Readable lines for every fact on which the schema (actual) departs from botocore (expected)."""
    lines = []
    for path in sorted(set(expected) - set(actual)):
        lines.append("{}: in botocore ({}) but missing from the schema".format(path, expected[path]["type"]))
    for path in sorted(set(actual) - set(expected)):
        lines.append("{}: in the schema ({}) but not in botocore".format(path, actual[path].get("type")))
    for path in sorted(set(expected) & set(actual)):
        want, have = expected[path], actual[path]
        for key in sorted(set(want) | set(have)):
            if want.get(key) == have.get(key):
                continue
            if key == "enum":
                added = sorted(set(want.get(key, [])) - set(have.get(key, [])))
                dropped = sorted(set(have.get(key, [])) - set(want.get(key, [])))
                if added:
                    lines.append(
                        "{}: enum values in botocore, missing from the schema: {}".format(path, ", ".join(added))
                    )
                if dropped:
                    lines.append("{}: enum values in the schema, not in botocore: {}".format(path, ", ".join(dropped)))
            else:
                lines.append(f"{path}: {key} is {want.get(key)!r} in botocore, {have.get(key)!r} in the schema")
    return lines
