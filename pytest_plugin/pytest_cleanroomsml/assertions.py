"""Assertions on a trained model, for pytest tests and plain Python alike.

Each accepts any form model_views.camel_case_model does, raises AssertionError with a
message naming the model, what was expected and what was found, and hides its own
frames from pytest's traceback so that a failure points at the test's line.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ._shared.trained_model_validation import SUMMARY_DEFINITION, schema_violations
# The waiting module's way of writing statusDetails ("code: message"), so that waits and assertions agree.
from ._shared.trained_model_waiting import status_details_text
from ._shared.trained_model_words import STATUS_NAME, model_label
from .model_views import camel_case_model
from .package_data import trained_model_schema

ACTIVE = "ACTIVE"
PUBLISH_SUCCEEDED = "PUBLISH_SUCCEEDED"


def assert_model_status(model: object, *statuses: str) -> None:
    """Assert that the model's status is one of ``statuses``."""
    __tracebackhide__ = True
    if not statuses or not all(isinstance(status, str) for status in statuses):
        raise TypeError(
            "assert_model_status() takes one or more statuses as separate strings, "
            f"e.g. assert_model_status(model, 'ACTIVE', 'CREATE_FAILED'); got {statuses!r}"
        )
    # A status no model can have ('active', a look-alike letter) would fail as if the model were wrong.
    malformed = [status for status in statuses if not STATUS_NAME.fullmatch(status)]
    if malformed:
        raise ValueError(
            "assert_model_status() takes statuses such as 'ACTIVE', in upper-case ASCII letters and underscores; "
            f"got {', '.join(ascii(status) for status in malformed)}"
        )
    document = camel_case_model(model)
    status = document.get("status")
    if status not in statuses:
        state = "has no status" if status is None else f"is {status}"
        raise AssertionError(_unexpected(document, state, statuses, status_details_text(document)))


def assert_model_active(model: object) -> None:
    """Assert that the model is ACTIVE: trained, and usable for inference."""
    __tracebackhide__ = True
    assert_model_status(model, ACTIVE)


def assert_metrics_published(model: object) -> None:
    """Assert that the model's training metrics were published (metricsStatus PUBLISH_SUCCEEDED)."""
    __tracebackhide__ = True
    _assert_published(camel_case_model(model), "metricsStatus")


def assert_logs_published(model: object) -> None:
    """Assert that the model's training logs were published (logsStatus PUBLISH_SUCCEEDED)."""
    __tracebackhide__ = True
    _assert_published(camel_case_model(model), "logsStatus")


def assert_valid_trained_model(model: object) -> None:
    """Assert that the model matches the shared JSON Schema; the message lists every violation with its path.

    A model with only the members of a list_collaboration_trained_models summary is checked
    against the schema's CollaborationTrainedModelSummary definition, anything else as a
    get_collaboration_trained_model response.
    """
    __tracebackhide__ = True
    document = camel_case_model(model)
    schema = trained_model_schema()
    summary_members = schema["$defs"][SUMMARY_DEFINITION]["properties"]
    definition = SUMMARY_DEFINITION if set(document) <= set(summary_members) else None
    violations = schema_violations(document, schema, definition)
    if violations:
        listed = "".join(f"\n  {violation}" for violation in violations)
        raise AssertionError(
            f"{model_label(document)} does not match the trained model schema ({len(violations)} violation(s)):{listed}"
        )


def _assert_published(document: Mapping[str, Any], member: str) -> None:
    """Assert that a publication status member (metricsStatus, logsStatus) is PUBLISH_SUCCEEDED."""
    __tracebackhide__ = True
    status = document.get(member)
    if status != PUBLISH_SUCCEEDED:
        state = f"has no {member}" if status is None else f"has {member} {status}"
        details_member = f"{member}Details"
        details = f"{details_member}: {document[details_member]}" if document.get(details_member) else ""
        raise AssertionError(_unexpected(document, state, (PUBLISH_SUCCEEDED,), details))


def _unexpected(document: Mapping[str, Any], state: str, expected: Sequence[str], details: str) -> str:
    """Word every status failure alike: <model> <state>, expected <status or one of statuses>[: <details>]."""
    wanted = expected[0] if len(expected) == 1 else "one of " + ", ".join(expected)
    message = f"{model_label(document)} {state}, expected {wanted}"
    return f"{message}: {details}" if details else message
