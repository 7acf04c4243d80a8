# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Local checks of trained model identifiers, made before any call to AWS.

The patterns and lengths come from the shared schema, which a test keeps equal to
botocore's service model, so they are never copied by hand.
"""

from typing import Any, Dict, cast

from ansible_collections.cleanrooms.ml.plugins.module_utils.identifier_rules import IdentifierRule
from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arns import arn_mistake
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA

# The generated SCHEMA is a literal of mixed values, which mypy types as object.
_DEFINITIONS = cast(Dict[str, Any], SCHEMA["$defs"])

TRAINED_MODEL_STATUSES = tuple(_DEFINITIONS["TrainedModelStatus"]["enum"])

UUID_RULE = IdentifierRule(
    _DEFINITIONS["UUID"], "a UUID of 36 characters (lower-case hex, like 1b4e28ba-2fa1-11d2-883f-0016d3cca427)"
)
_ARN = _DEFINITIONS["TrainedModelArn"]
TRAINED_MODEL_ARN_RULE = IdentifierRule(
    _ARN,
    f"a trained model ARN of {_ARN['minLength']:d} to {_ARN['maxLength']:d} characters, like "
    "arn:aws:cleanrooms-ml:<region>:<account>:membership/<membership id>/trained-model/<id>",
    mistake=arn_mistake,
)


def trained_model_arn_error(parameter, value):
    """Return why value is not a trained model ARN a request may name, or None; None is refused too."""
    error = TRAINED_MODEL_ARN_RULE.error(parameter, value)
    # The service pattern allows "." in the model part, so it lets "../" through: such a path
    # names another resource wherever the ARN is decoded and normalised.
    if error is None and any(segment in (".", "..") for segment in value.split("/")):
        error = f"{parameter} must not contain '.' or '..' path segments, got {quoted(value)}"
    return error


def identifier_errors(
    trained_model_arn=None, collaboration_identifier=None, version_identifier=None, arn_parameter="trained_model_arn"
):
    """Check the identifiers of a trained model request; return a list of error messages.

    None means "not given" and is not checked: required-ness is the caller's argument spec's job.
    """
    errors = []
    if trained_model_arn is not None:
        errors.append(trained_model_arn_error(arn_parameter, trained_model_arn))
    if collaboration_identifier is not None:
        errors.append(UUID_RULE.error("collaboration_identifier", collaboration_identifier))
    if version_identifier is not None:
        errors.append(UUID_RULE.error("version_identifier", version_identifier))
    return [error for error in errors if error]


def integer_range_error(parameter, value, minimum=None, maximum=None):
    """Return why an integer option is out of range, or None. None bounds are open."""
    if value is None:
        return None
    too_low = minimum is not None and value < minimum
    too_high = maximum is not None and value > maximum
    if not (too_low or too_high):
        return None
    if minimum is not None and maximum is not None:
        expected = f"from {minimum:d} to {maximum:d}"
    elif minimum is not None:
        expected = f"at least {minimum:d}"
    else:
        expected = f"at most {maximum:d}"
    return f"{parameter} must be {expected}, got {value:d}"
