# DO NOT EDIT: written by `make schema` from plugins/module_utils/trained_model_validation.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Validate Clean Rooms ML trained model responses against the shared JSON Schema.

Plain Python with no Ansible import, because the pytest plugin ships a verbatim copy
of this file (written by ``make schema``). The schema is passed in by the caller: the
collection reads it from trained_model_schema.py, the plugin from its package data.

Every response is validated, so validation must be cheap. Importing jsonschema is a large
part of a module run's time (figures in docs/performance.md), so a response is first checked
by ``conforms``: a small interpreter of the keywords the schema uses, with jsonschema's
semantics and no import. Only a response it does not accept goes to jsonschema, which
lists every violation with its path.
"""

import datetime
import numbers
import re
from typing import Any, Dict, Optional, Tuple

from .quoted_values import QUOTE_LIMIT, quoted

# Enums longer than this are summarised in messages instead of listed (InstanceType has 130+).
_MAX_LISTED_ENUM_VALUES = 12

GET_RESPONSE_DEFINITION = None
SUMMARY_DEFINITION = "CollaborationTrainedModelSummary"

_validators: Dict[Tuple[int, Optional[str]], Any] = {}
_compiled_schemas: Dict[int, Tuple[Any, Optional[Dict[Optional[str], Any]]]] = {}


class SchemaViolation:
    """One place where a response breaks the schema: a JSON path and what is wrong there."""

    __slots__ = ("message", "path")

    def __init__(self, path, message):
        self.path = path
        self.message = message

    def __str__(self):
        return f"{self.path}: {self.message}"

    def __repr__(self):
        return f"SchemaViolation({self.path!r}, {self.message!r})"

    def __eq__(self, other):
        return isinstance(other, SchemaViolation) and (self.path, self.message) == (other.path, other.message)

    def __hash__(self):
        return hash((self.path, self.message))


def to_json_compatible(value):
    """Return a copy of a boto3 response with datetimes as ISO 8601 strings.

    boto3 parses timestamps into datetime objects; the schema, Ansible facts and JSON
    all want strings. Dicts and lists are copied; other values are returned as they are.
    """
    if isinstance(value, str):  # most values: one check rather than three
        return value
    if isinstance(value, dict):
        return {key: to_json_compatible(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_compatible(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def without_response_metadata(response):
    """Drop boto3's ResponseMetadata, which is transport detail, not part of the model."""
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


def parsed_date_time(text):
    """The datetime an RFC 3339 date-time (a date, a 'T', a time and an explicit offset or 'Z') names, else None."""
    if not isinstance(text, str) or len(text) < 20 or text[10] not in "Tt":
        return None
    try:
        parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _is_date_time(value):
    # The type keyword reports non-strings.
    return not isinstance(value, str) or parsed_date_time(value) is not None


def _validator(schema, definition):
    """Build (once per schema and definition) a draft 2020-12 validator with format checks on.

    jsonschema is imported here rather than at module level: its import is costly
    (docs/performance.md), and callers that turn validation off should not pay for it.
    """
    key = (id(schema), definition)
    cached = _validators.get(key)
    if cached is None:
        import jsonschema

        format_checker = jsonschema.FormatChecker(formats=())
        # jsonschema checks date-time only when rfc3339-validator is installed; do it here instead.
        format_checker.checks("date-time")(_is_date_time)
        target = schema
        if definition is not None:
            target = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
        # The schema is kept in the cache entry so that its id() cannot be reused by another object.
        cached = (schema, jsonschema.Draft202012Validator(target, format_checker=format_checker))
        _validators[key] = cached
    return cached[1]


def _message(error):
    """jsonschema's message, with the value it quotes capped (a 50 MB member must not make a 50 MB message)."""
    if error.validator == "enum" and len(error.validator_value) > _MAX_LISTED_ENUM_VALUES:
        return (
            f"{quoted(error.instance)} is not one of the {len(error.validator_value)} values the service model allows"
        )
    message = error.message
    # quoted(): look-alike characters show as escapes, and a huge value is cut.
    shown = repr(error.instance)
    if shown in message:
        message = message.replace(shown, quoted(error.instance))
    if error.validator == "additionalProperties":
        message = message.replace("Additional properties are not allowed", "unknown member(s)")
    return _capped(message)


def _capped(text, limit=4 * QUOTE_LIMIT):
    """A message or a path cut to limit characters, with its full length named."""
    return text if len(text) <= limit else f"{text[:limit]}...({len(text)} characters)"


def schema_violations(instance, schema, definition=GET_RESPONSE_DEFINITION):
    """Return every violation of the schema (or one of its $defs) as SchemaViolation, by path.

    ``instance`` must already be JSON compatible (see to_json_compatible). Returns an
    empty list when it is valid.
    """
    if conforms(instance, schema, definition):
        return []
    return jsonschema_violations(instance, schema, definition)


def jsonschema_violations(instance, schema, definition=GET_RESPONSE_DEFINITION):
    """What schema_violations returns, always found by jsonschema (no fast check first)."""
    validator = _validator(schema, definition)
    violations = [
        SchemaViolation(_capped(error.json_path), _message(error)) for error in validator.iter_errors(instance)
    ]
    return sorted(set(violations), key=lambda violation: (violation.path, violation.message))


# The fast check. Each keyword it understands has a compiler: a function of (the keyword's
# value, the schema node, the compiled $defs) that returns a check of an instance, which says
# whether the instance satisfies the keyword as jsonschema's draft 2020-12 does: a keyword
# about one type accepts values of any other type, which the type keyword reports. Each
# schema node is compiled once per schema (its patterns, enum sets and subschemas with it), so
# that a response is checked by closures rather than by reading the schema again each time.


def _is_number(value):
    # int and float first: what JSON numbers parse to, and a faster test than the Number ABC's.
    return type(value) in (int, float) or (isinstance(value, numbers.Number) and not isinstance(value, bool))


def _is_integer(value):
    # Draft 2020-12 counts 1.0 as an integer.
    return _is_number(value) and (isinstance(value, int) or (isinstance(value, float) and value.is_integer()))


_TYPES = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}

# The formats jsonschema checks here: only those _validator registers.
_FORMATS = {"date-time": _is_date_time}

_LOCAL_REF_PREFIX = "#/$defs/"


def _type_names(value):
    return [value] if isinstance(value, str) else value


def _compile_type(names, node, defs):
    kinds = [_TYPES[name] for name in _type_names(names)]
    if len(kinds) == 1:
        return kinds[0]
    return lambda instance: any(kind(instance) for kind in kinds)


def _compile_ref(ref, node, defs):
    name = ref[len(_LOCAL_REF_PREFIX) :]

    def check(instance):
        # Looked up when checking: a definition may refer to itself, or to one compiled after it.
        return defs[name](instance)

    return check


def _compile_enum(values, node, defs):
    # Enums of strings only: jsonschema compares a string instance with == and refuses any other.
    allowed = frozenset(values)
    return lambda instance: isinstance(instance, str) and instance in allowed


def _compile_required(names, node, defs):
    names = tuple(names)
    return lambda instance: not isinstance(instance, dict) or all(name in instance for name in names)


def _compile_properties(properties, node, defs):
    checks = {name: _compile_node(subschema, defs) for name, subschema in properties.items()}

    def check(instance):
        if not isinstance(instance, dict):
            return True
        for name, value in instance.items():
            member_check = checks.get(name)
            if member_check is not None and not member_check(value):
                return False
        return True

    return check


def _compile_no_additional_properties(allowed, node, defs):
    # keywords_not_understood ensures allowed is False and there are no patternProperties.
    known = frozenset(node.get("properties", {}))
    return lambda instance: not isinstance(instance, dict) or known.issuperset(instance)


def _compile_items(items, node, defs):
    item_check = _compile_node(items, defs)
    return lambda instance: not isinstance(instance, list) or all(item_check(item) for item in instance)


def _length_bound(kind, at_least):
    """minLength, maxLength, minItems and maxItems: a bound on len() of values of one type."""
    python_type = list if kind == "array" else str

    def compile_bound(bound, node, defs):
        if at_least:
            return lambda instance: not isinstance(instance, python_type) or len(instance) >= bound
        return lambda instance: not isinstance(instance, python_type) or len(instance) <= bound

    return compile_bound


def _compile_pattern(pattern, node, defs):
    search = re.compile(pattern).search
    return lambda instance: not isinstance(instance, str) or search(instance) is not None


_KEYWORD_COMPILERS = {
    "$ref": _compile_ref,
    "type": _compile_type,
    "enum": _compile_enum,
    "required": _compile_required,
    "properties": _compile_properties,
    "additionalProperties": _compile_no_additional_properties,
    "items": _compile_items,
    "minItems": _length_bound("array", at_least=True),
    "maxItems": _length_bound("array", at_least=False),
    "minLength": _length_bound("string", at_least=True),
    "maxLength": _length_bound("string", at_least=False),
    "pattern": _compile_pattern,
    "minimum": lambda bound, node, defs: lambda instance: not _is_number(instance) or instance >= bound,
    "maximum": lambda bound, node, defs: lambda instance: not _is_number(instance) or instance <= bound,
    "format": lambda name, node, defs: _FORMATS[name],
}

# Keywords that never make an instance invalid ($defs is reached through $ref).
_ANNOTATIONS = frozenset(
    ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated"]
)


def _compile_node(node, defs):
    """A check of an instance against one schema node: all its keywords' checks, in the node's order."""
    compilers = _KEYWORD_COMPILERS
    checks = tuple(compilers[keyword](value, node, defs) for keyword, value in node.items() if keyword in compilers)
    if len(checks) == 1:
        return checks[0]

    def check_all(instance):
        for check in checks:  # noqa: SIM110  # all() of a generator costs a frame per call, here on every node
            if not check(instance):
                return False
        return True

    return check_all


def _compiled_schema(schema):
    """{definition: check} for the schema itself (None) and each $defs entry; None when the fast check cannot judge
    the schema."""
    if keywords_not_understood(schema):
        return None
    defs: Dict[Optional[str], Any] = {}
    for name, subschema in schema.get("$defs", {}).items():
        defs[name] = _compile_node(subschema, defs)
    defs[GET_RESPONSE_DEFINITION] = _compile_node(schema, defs)
    return defs


def _use_not_understood(keyword, value, defs):
    """Why the fast check cannot judge this use of a keyword, or None when it can."""
    if keyword not in _KEYWORD_COMPILERS:
        return None if keyword in _ANNOTATIONS else f"keyword {keyword}"
    if keyword == "$ref" and not (
        isinstance(value, str) and value.startswith(_LOCAL_REF_PREFIX) and value[len(_LOCAL_REF_PREFIX) :] in defs
    ):
        return f"$ref {value!r}, which is not a $defs entry"
    if keyword == "type" and not set(_type_names(value)) <= set(_TYPES):
        return f"type {value!r}"
    if keyword == "enum" and not all(isinstance(item, str) for item in value):
        return "an enum with values other than strings"
    if keyword == "additionalProperties" and value is not False:
        return "additionalProperties other than false"
    if keyword == "items" and not isinstance(value, dict):
        return "items that is not a schema"
    if keyword == "format" and value not in _FORMATS:
        return f"format {value!r}"
    return None


def _subschemas(node):
    """(JSON pointer step, schema) of the schemas a node holds, for the keywords the fast check knows."""
    for keyword in ("$defs", "properties"):
        for name, subschema in node.get(keyword, {}).items():
            yield f"{keyword}/{name}", subschema
    if isinstance(node.get("items"), dict):
        yield "items", node["items"]


def keywords_not_understood(schema):
    """What the fast check cannot judge in ``schema``, as ["<JSON pointer>: <what>", ...].

    While this is not empty, schema_violations hands every instance to jsonschema.
    """
    defs = schema.get("$defs", {})
    found = []
    pending = [("#", schema)]
    while pending:
        pointer, node = pending.pop()
        for keyword, value in node.items():
            problem = _use_not_understood(keyword, value, defs)
            if problem:
                found.append(f"{pointer}: {problem}")
        pending.extend((f"{pointer}/{step}", subschema) for step, subschema in _subschemas(node))
    return sorted(found)


def conforms(instance, schema, definition=GET_RESPONSE_DEFINITION):
    """True when ``instance`` satisfies the schema (or one of its $defs), checked without jsonschema.

    False when it does not, and for every instance when the schema uses something the
    fast check does not understand (see keywords_not_understood): False means "ask jsonschema".
    """
    key = id(schema)
    cached = _compiled_schemas.get(key)
    if cached is None:
        # The schema is kept in the cache entry so that its id() cannot be reused by another object.
        cached = _compiled_schemas[key] = (schema, _compiled_schema(schema))
    checks = cached[1]
    return checks is not None and checks[definition](instance)
