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
_patterns: Dict[str, "re.Pattern[str]"] = {}
_understood: Dict[int, Tuple[Any, bool]] = {}


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


# The fast check. Each keyword it understands is a function of (instance, the keyword's
# value, the schema node, the schema's $defs) that says whether the instance satisfies it,
# as jsonschema's draft 2020-12 does: a keyword about one type accepts values of any
# other type, which the type keyword reports.


def _is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


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


def _compiled(pattern):
    compiled = _patterns.get(pattern)
    if compiled is None:
        compiled = _patterns[pattern] = re.compile(pattern)
    return compiled


def _length_bound(kind, at_least):
    """minLength, maxLength, minItems and maxItems: a bound on len() of values of one type."""

    def check(instance, bound, node, defs):
        if not _TYPES[kind](instance):
            return True
        return len(instance) >= bound if at_least else len(instance) <= bound

    return check


def _properties(instance, properties, node, defs):
    if not isinstance(instance, dict):
        return True
    return all(_conforms(instance[name], subschema, defs) for name, subschema in properties.items() if name in instance)


def _no_additional_properties(instance, allowed, node, defs):
    # keywords_not_understood ensures allowed is False and there are no patternProperties.
    return not isinstance(instance, dict) or all(name in node.get("properties", {}) for name in instance)


_KEYWORD_CHECKS = {
    "$ref": lambda instance, ref, node, defs: _conforms(instance, defs[ref[len(_LOCAL_REF_PREFIX) :]], defs),
    "type": lambda instance, names, node, defs: any(_TYPES[name](instance) for name in _type_names(names)),
    # Enums of strings only: jsonschema compares a string instance with == and refuses any other.
    "enum": lambda instance, values, node, defs: isinstance(instance, str) and instance in values,
    "required": lambda instance, names, node, defs: (
        not isinstance(instance, dict) or all(name in instance for name in names)
    ),
    "properties": _properties,
    "additionalProperties": _no_additional_properties,
    "items": lambda instance, items, node, defs: (
        not isinstance(instance, list) or all(_conforms(item, items, defs) for item in instance)
    ),
    "minItems": _length_bound("array", at_least=True),
    "maxItems": _length_bound("array", at_least=False),
    "minLength": _length_bound("string", at_least=True),
    "maxLength": _length_bound("string", at_least=False),
    "pattern": lambda instance, pattern, node, defs: (
        not isinstance(instance, str) or _compiled(pattern).search(instance) is not None
    ),
    "minimum": lambda instance, bound, node, defs: not _is_number(instance) or instance >= bound,
    "maximum": lambda instance, bound, node, defs: not _is_number(instance) or instance <= bound,
    "format": lambda instance, name, node, defs: _FORMATS[name](instance),
}

# Keywords that never make an instance invalid ($defs is reached through $ref).
_ANNOTATIONS = frozenset(
    ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated"]
)


def _conforms(instance, node, defs):
    for keyword, value in node.items():
        check = _KEYWORD_CHECKS.get(keyword)
        if check is not None and not check(instance, value, node, defs):
            return False
    return True


def _use_not_understood(keyword, value, defs):
    """Why the fast check cannot judge this use of a keyword, or None when it can."""
    if keyword not in _KEYWORD_CHECKS:
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
    cached = _understood.get(key)
    if cached is None:
        # The schema is kept in the cache entry so that its id() cannot be reused by another object.
        cached = _understood[key] = (schema, not keywords_not_understood(schema))
    if not cached[1]:
        return False
    defs = schema.get("$defs", {})
    return _conforms(instance, schema if definition is None else defs[definition], defs)
