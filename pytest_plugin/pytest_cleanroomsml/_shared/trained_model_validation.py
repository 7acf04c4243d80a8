# DO NOT EDIT: written by `make schema` from plugins/module_utils/trained_model_validation.py.
# -*- coding: utf-8 -*-
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Validate Clean Rooms ML trained model responses against the shared JSON Schema.

Plain Python with no Ansible import, because the pytest plugin ships a verbatim copy
of this file (written by ``make schema``). The schema is passed in by the caller: the
collection reads it from trained_model_schema.py, the plugin from its package data.
"""

import datetime

# Enums longer than this are summarised in messages instead of listed (InstanceType has 130+).
_MAX_LISTED_ENUM_VALUES = 12

GET_RESPONSE_DEFINITION = None
SUMMARY_DEFINITION = "CollaborationTrainedModelSummary"

_validators = {}


class SchemaViolation:
    """One place where a response breaks the schema: a JSON path and what is wrong there."""

    __slots__ = ("path", "message")

    def __init__(self, path, message):
        self.path = path
        self.message = message

    def __str__(self):
        return "%s: %s" % (self.path, self.message)

    def __repr__(self):
        return "SchemaViolation(%r, %r)" % (self.path, self.message)

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
        return dict((key, to_json_compatible(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [to_json_compatible(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def without_response_metadata(response):
    """Drop boto3's ResponseMetadata, which is transport detail, not part of the model."""
    return dict((key, value) for key, value in response.items() if key != "ResponseMetadata")


def _is_date_time(value):
    """RFC 3339 date-time: a date, a 'T', a time and an explicit offset or 'Z'."""
    if not isinstance(value, str):
        return True  # the type keyword reports non-strings
    if len(value) < 20 or value[10] not in "Tt":
        return False
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return parsed.tzinfo is not None


def _validator(schema, definition):
    """Build (once per schema and definition) a draft 2020-12 validator with format checks on.

    jsonschema is imported here rather than at module level: it costs about 100 ms,
    and callers that turn validation off should not pay for it.
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
            target = {"$ref": "#/$defs/%s" % definition, "$defs": schema["$defs"]}
        # The schema is kept in the cache entry so that its id() cannot be reused by another object.
        cached = (schema, jsonschema.Draft202012Validator(target, format_checker=format_checker))
        _validators[key] = cached
    return cached[1]


def _message(error):
    if error.validator == "enum" and len(error.validator_value) > _MAX_LISTED_ENUM_VALUES:
        return "%r is not one of the %d values the service model allows" % (error.instance, len(error.validator_value))
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown member(s)")
    return error.message


def schema_violations(instance, schema, definition=GET_RESPONSE_DEFINITION):
    """Return every violation of the schema (or one of its $defs) as SchemaViolation, by path.

    ``instance`` must already be JSON compatible (see to_json_compatible). Returns an
    empty list when it is valid.
    """
    validator = _validator(schema, definition)
    violations = [SchemaViolation(error.json_path, _message(error)) for error in validator.iter_errors(instance)]
    return sorted(set(violations), key=lambda violation: (violation.path, violation.message))
