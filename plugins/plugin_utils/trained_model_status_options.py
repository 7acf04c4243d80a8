# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The arguments of the event source cleanrooms.ml.trained_model_status, checked all at once.

ansible-rulebook hands a source its arguments as a plain dict, unchecked. Every problem is
collected and reported in one message that names the argument and what was expected,
before any call to AWS. Secret arguments are never quoted.
"""

import contextlib
from typing import Any, Dict, List, Optional

from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arguments import (
    TRAINED_MODEL_STATUSES,
    identifier_errors,
    trained_model_arn_error,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import (
    VALIDATE_RESPONSE_CHOICES,
    validation_library_missing,
)

SOURCE_NAME = "cleanrooms.ml.trained_model_status"

DEFAULT_DELAY = 60
# A day: a source that polls less often than that is a mistake, and asyncio.sleep() overflows
# on the huge numbers an unchecked value would let through.
MAX_DELAY = 24 * 3600

# amazon.aws's connection options (amazon.aws.common.plugins, amazon.aws.region.plugins) and their aliases.
CONNECTION_OPTIONS = {
    "region": ("aws_region", "ec2_region"),
    "profile": ("aws_profile",),
    "endpoint_url": ("aws_endpoint_url", "ec2_url", "s3_url"),
    "access_key": ("aws_access_key_id", "aws_access_key", "ec2_access_key"),
    "secret_key": ("aws_secret_access_key", "aws_secret_key", "ec2_secret_key"),
    "session_token": ("aws_session_token", "security_token", "aws_security_token"),
    "aws_ca_bundle": (),
    "validate_certs": (),
}
SECRET_OPTIONS = ("access_key", "secret_key", "session_token")
_BOOLEAN_OPTIONS = ("validate_certs", "emit_initial")

SOURCE_OPTIONS = (
    "collaboration_identifier",
    "trained_model_arns",
    "statuses",
    "delay",
    "emit_initial",
    "validate_response",
)


class SourceArgumentError(ValueError):
    """The source's arguments are wrong: one message naming every bad argument."""


class SourceOptions:
    """The checked arguments of one source: what to watch, how often, and how to connect."""

    def __init__(
        self, collaboration_identifier, trained_model_arns, statuses, delay, emit_initial, validate_response, connection
    ):
        self.collaboration_identifier = collaboration_identifier
        self.trained_model_arns = trained_model_arns
        self.statuses = statuses
        self.delay = delay
        self.emit_initial = emit_initial
        self.validate_response = validate_response
        # amazon.aws option names -> values, as AWSPluginBase.get_options() gives them.
        self.connection = connection

    def watches(self, trained_model_arn):
        """True for a model the source reports on."""
        return self.trained_model_arns is None or trained_model_arn in self.trained_model_arns

    def reports(self, status):
        """True for a status whose changes the source reports."""
        return self.statuses is None or status in self.statuses


def _canonical_names(args, errors):
    """args with aliases replaced by option names; unknown names and an option given twice are errors."""
    names = {name: name for name in SOURCE_OPTIONS + tuple(CONNECTION_OPTIONS)}
    for option, aliases in CONNECTION_OPTIONS.items():
        names.update(dict.fromkeys(aliases, option))
    canonical: Dict[str, Any] = {}
    for given, value in args.items():
        # ansible-rulebook adds these to every source's arguments.
        if given in ("eda_feedback_queue",):
            continue
        name = names.get(given)
        if name is None:
            errors.append(
                "unknown argument {}; valid arguments: {}".format(quoted(given), ", ".join(sorted(set(names.values()))))
            )
        elif name in canonical:
            errors.append(f"{name} is given twice (as {given} and an alias)")
        else:
            canonical[name] = value
    return canonical


def _string_list(name, value, errors):
    """A list of strings from a list (or one string), or None when not given."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not value:
        errors.append(f"{name} must be a non-empty list, got {quoted(value)}")
        return None
    return list(value)


def _delay(value, errors):
    if value is None:
        return DEFAULT_DELAY
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = float(value)  # a rulebook variable substituted into the arguments is a string
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= MAX_DELAY:
        errors.append(
            f"delay must be a number of seconds greater than 0 and at most {MAX_DELAY:d}, got {quoted(value)}"
        )
        return None
    return value


def _boolean(name, value, errors):
    if value is None or isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "false": False, "no": False}
    if isinstance(value, str) and value.lower() in words:
        return words[value.lower()]
    errors.append(f"{name} must be a boolean (true or false), got {quoted(value)}")
    return None


def _connection(args, errors):
    connection = {}
    for name in CONNECTION_OPTIONS:
        value = args.get(name)
        if name in _BOOLEAN_OPTIONS:
            value = _boolean(name, value, errors)
        elif value is not None and not isinstance(value, str):
            shown = f"a value of type {type(value).__name__}" if name in SECRET_OPTIONS else quoted(value)
            errors.append(f"{name} must be a string, got {shown}")
        connection[name] = value
    if connection["profile"] and any(connection[name] for name in SECRET_OPTIONS):
        errors.append("profile cannot be combined with access_key, secret_key or session_token: give one or the other")
    return connection


def source_options(args):
    """SourceOptions from ansible-rulebook's args; raises SourceArgumentError listing every problem."""
    errors: List[Optional[str]] = []
    if not isinstance(args, dict):
        raise SourceArgumentError(f"{SOURCE_NAME}: the arguments must be a dict, got {type(args).__name__}")
    args = _canonical_names(args, errors)

    collaboration = args.get("collaboration_identifier")
    if collaboration is None:
        errors.append("collaboration_identifier is required")
    errors.extend(identifier_errors(collaboration_identifier=collaboration))

    arns = _string_list("trained_model_arns", args.get("trained_model_arns"), errors)
    for number, arn in enumerate(arns or (), 1):
        errors.append(trained_model_arn_error(f"trained_model_arns[{number}]", arn))

    statuses = _string_list("statuses", args.get("statuses"), errors)
    for number, status in enumerate(statuses or (), 1):
        if status not in TRAINED_MODEL_STATUSES:
            errors.append(
                f"statuses[{number}] must be one of {', '.join(TRAINED_MODEL_STATUSES)}, got {quoted(status)}"
            )

    delay = _delay(args.get("delay"), errors)
    emit_initial = _boolean("emit_initial", args.get("emit_initial"), errors)

    validate_response = args.get("validate_response", "warn")
    if validate_response not in VALIDATE_RESPONSE_CHOICES:
        errors.append(
            "validate_response must be one of {}, got {}".format(
                ", ".join(VALIDATE_RESPONSE_CHOICES), quoted(validate_response)
            )
        )
    elif validation_library_missing(validate_response):
        errors.append(
            f"validate_response={validate_response} needs the Python library jsonschema where ansible-rulebook runs "
            "(or set validate_response=off)"
        )

    connection = _connection(args, errors)
    problems = [error for error in errors if error]
    if problems:
        raise SourceArgumentError("{}: {}".format(SOURCE_NAME, "; ".join(problems)))
    return SourceOptions(
        collaboration,
        frozenset(arns) if arns else None,
        frozenset(statuses) if statuses else None,
        delay,
        bool(emit_initial),
        validate_response,
        connection,
    )
