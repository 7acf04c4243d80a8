# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The checks behind the pytest assertions and the Jinja tests and filter: one decision, one wording.

A check takes a trained model in any form a user holds (a boto3 or AWS CLI response, a list
summary, the collection's snake_case facts), brings it to the schema's camelCase form, and
says why the model fails, or None when it passes. The pytest plugin raises AssertionError
with that text; the Jinja tests answer whether it is None. Input that is not a model or
not a status raises a CheckInputError, a TypeError or ValueError that both sides show.

Plain Python with no Ansible import: the pytest plugin ships a verbatim copy (written by
``make schema``). The schema is passed in, as to trained_model_validation.
"""

from collections.abc import Mapping

from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_member_names import CAMEL_CASE_NAMES
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import (
    SUMMARY_DEFINITION,
    schema_violations,
    to_json_compatible,
    without_response_metadata,
)

# The waiter's way of writing statusDetails ("code: message"), so that waits and checks agree.
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_waiting import status_details_text
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_words import (
    STATUS_NAME,
    model_label,
    status_name_error,
)

ACTIVE = "ACTIVE"
PUBLISH_SUCCEEDED = "PUBLISH_SUCCEEDED"

ACCEPTED_MODELS = (
    "a get_collaboration_trained_model response, a member of list_collaboration_trained_models' "
    "collaborationTrainedModels, or the snake_case trained model of the cleanrooms.ml module or lookup"
)

# Keys named when a mapping is not a model: enough to recognise it, never a whole inventory's worth.
_LISTED_KEYS = 20

# What the module returns around the model: a mapping with these is a registered result, not a model.
_RESULT_MEMBERS = ("trained_model", "trained_models")


class CheckInputError(Exception):
    """A check was given something it cannot check: not a trained model, or not statuses."""


class NotATrainedModelError(CheckInputError, TypeError):
    """The value is not a trained model in any accepted form.

    ``hint`` says which member to pass instead when the value holds a model (a registered
    result); it is not part of the message, which the pytest assertions keep short.
    """

    def __init__(self, message, hint=""):
        super().__init__(message)
        self.hint = hint


class StatusArgumentsError(CheckInputError, TypeError):
    """No status was given, or statuses were not given as separate strings."""


class StatusNameError(CheckInputError, ValueError):
    """A status cannot be the name of one ('active', a look-alike letter)."""


def camel_case_model(model, schema):
    """The model as the schema describes it: camelCase members, ISO 8601 timestamps, no ResponseMetadata.

    Raises NotATrainedModelError, saying what is accepted, for anything that is not a trained model.
    """
    if isinstance(model, Mapping):
        document = _camel_case_keys(to_json_compatible(without_response_metadata(model)))
        if set(document) & set(schema["properties"]):
            return document
        received = _mapping_description(model)
    else:
        received = _builtin_type_name(model)
    raise NotATrainedModelError(
        f"expected a trained model ({ACCEPTED_MODELS}), got {received}", _registered_result_hint(model)
    )


def _mapping_description(mapping):
    keys = list(mapping)
    if not keys:
        return "an empty mapping"
    listed = ", ".join(quoted(key) for key in keys[:_LISTED_KEYS])
    if len(keys) > _LISTED_KEYS:
        listed += f", ... ({len(keys)} keys)"
    return "a mapping with keys " + listed


def _builtin_type_name(value):
    """'str' for a str and for the subclasses templating makes of it (Ansible's tagged and lazy values)."""
    return next(cls.__name__ for cls in type(value).__mro__ if cls.__module__ == "builtins")


def _registered_result_hint(value):
    if not isinstance(value, Mapping) or not any(member in value for member in _RESULT_MEMBERS):
        return ""
    return (
        "this looks like a whole registered result of the cleanrooms.ml module: "
        "pass its .trained_model, or an item of its .trained_models"
    )


def _camel_case_keys(value):
    """Rename the collection's snake_case members back to camelCase; camelCase and unknown names stay as they are."""
    if isinstance(value, dict):
        return {CAMEL_CASE_NAMES.get(key, key): _camel_case_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel_case_keys(item) for item in value]
    return value


def checked_statuses(statuses, schema, caller, example):
    """``statuses`` as a tuple, once each is a status name; else StatusArgumentsError or StatusNameError.

    ``caller`` and ``example`` name the check as its user writes it, e.g. "assert_model_status()" and
    "assert_model_status(model, 'ACTIVE', 'CREATE_FAILED')".
    """
    statuses = tuple(statuses)
    if not statuses or not all(isinstance(status, str) for status in statuses):
        received = "no status" if not statuses else quoted(statuses)
        raise StatusArgumentsError(
            f"{caller} takes one or more statuses as separate strings, e.g. {example}; got {received}"
        )
    # A status no model can have ('active', a look-alike letter) would fail as if the model were wrong.
    known = schema["$defs"]["TrainedModelStatus"]["enum"]
    malformed = [status for status in statuses if not STATUS_NAME.fullmatch(status)]
    if malformed:
        raise StatusNameError(
            "{} takes statuses such as 'ACTIVE'; got {}: {}".format(
                caller,
                ", ".join(quoted(status) for status in malformed),
                "; ".join(status_name_error(status, known) for status in malformed),
            )
        )
    return statuses


def status_failure(document, statuses):
    """Why the camelCase model's status is none of ``statuses`` (checked_statuses), or None when it is one."""
    status = document.get("status")
    if status in statuses:
        return None
    state = "has no status" if status is None else f"is {status}"
    return _unexpected(document, state, statuses, status_details_text(document))


def publication_failure(document, member):
    """Why a publication status (metricsStatus, logsStatus) of the camelCase model is not PUBLISH_SUCCEEDED, or None."""
    status = document.get(member)
    if status == PUBLISH_SUCCEEDED:
        return None
    state = f"has no {member}" if status is None else f"has {member} {status}"
    details_member = member + "Details"
    details = f"{details_member}: {document[details_member]}" if document.get(details_member) else ""
    return _unexpected(document, state, (PUBLISH_SUCCEEDED,), details)


def model_violations(document, schema):
    """Every SchemaViolation of the camelCase model, by path; empty when it is valid.

    A model with only the members of a list_collaboration_trained_models summary is checked
    against the schema's CollaborationTrainedModelSummary definition, anything else as a
    get_collaboration_trained_model response.
    """
    summary_members = schema["$defs"][SUMMARY_DEFINITION]["properties"]
    definition = SUMMARY_DEFINITION if set(document) <= set(summary_members) else None
    return schema_violations(document, schema, definition)


def violations_failure(document, violations):
    """The message listing a model's violations (model_violations), one per line; None when there are none."""
    if not violations:
        return None
    listed = "".join(f"\n  {violation}" for violation in violations)
    return f"{model_label(document)} does not match the trained model schema ({len(violations)} violation(s)):{listed}"


def _unexpected(document, state, expected, details):
    """Word every status failure alike: <model> <state>, expected <status or one of statuses>[: <details>]."""
    wanted = expected[0] if len(expected) == 1 else "one of " + ", ".join(expected)
    message = f"{model_label(document)} {state}, expected {wanted}"
    return f"{message}: {details}" if details else message
