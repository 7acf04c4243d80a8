# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Turn Clean Rooms ML responses into Ansible facts, validated against the shared schema."""

import functools
import importlib.util

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import (
    schema_violations,
    to_json_compatible,
    without_response_metadata,
)

VALIDATE_RESPONSE_CHOICES = ("strict", "warn", "off")


@functools.lru_cache(maxsize=None)
def _jsonschema_installed():
    # Asked once per process: the lookup runs this check on every call, and each search of
    # sys.path is a measurable part of a call (docs/performance.md, lookup-per-call).
    return importlib.util.find_spec("jsonschema") is not None


def validation_library_missing(validate_response):
    """True when validation is asked for but jsonschema is not installed where the plugin runs."""
    return validate_response != "off" and not _jsonschema_installed()


class ResponseValidationError(Exception):
    """A response broke the schema and validate_response is strict."""

    def __init__(self, what, violations):
        self.violations = violations
        super().__init__(
            f"{what} does not match the response schema ({len(violations)} violation(s)): "
            + "; ".join(str(v) for v in violations)
        )


def trained_model_facts(response, validate_response, what, definition=None):
    """Return (snake_case facts, warnings) for one response; raise ResponseValidationError when strict.

    ``what`` names the response in messages (e.g. the trained model ARN). ``definition``
    selects a $defs entry of the schema (list summaries) instead of the whole response.
    """
    document = to_json_compatible(without_response_metadata(response))
    warnings = []
    if validate_response != "off":
        violations = schema_violations(document, SCHEMA, definition)
        if violations and validate_response == "strict":
            raise ResponseValidationError(what, violations)
        warnings = [f"{what} does not match the response schema at {violation}" for violation in violations]
    return snake_case(document), warnings


@functools.lru_cache(maxsize=4096)
def _snake_name(key):
    """camel_dict_to_snake_dict's name for one key, worked out once per name: its three regular
    expressions for every key of every response were most of a lookup call's conversion."""
    return next(iter(camel_dict_to_snake_dict({key: None})))


def snake_case(value):
    """What camel_dict_to_snake_dict(value) returns for a JSON document: dict keys renamed at every depth,
    through lists too; other values as they are."""
    if isinstance(value, dict):
        return {_snake_name(key): snake_case(item) for key, item in value.items()}
    if isinstance(value, list):
        return [snake_case(item) for item in value]
    return value
