"""Assertions on a trained model, for pytest tests and plain Python alike.

Each accepts any form of trained model (a boto3 or AWS CLI response, a list summary, the
collection's snake_case facts) and raises AssertionError with a message naming the model,
what was expected and what was found; TypeError or ValueError for what is not a model or
not a status. The decisions and their wording are the collection's (_shared.trained_model_checks),
which its Jinja tests use too. Each hides its own frames from pytest's traceback so that
a failure points at the test's line.
"""

from __future__ import annotations

from ._shared import trained_model_checks as checks
from .package_data import trained_model_schema


def assert_model_status(model: object, *statuses: str) -> None:
    """Assert that the model's status is one of ``statuses``."""
    __tracebackhide__ = True
    schema = trained_model_schema()
    statuses = checks.checked_statuses(
        statuses, schema, "assert_model_status()", "assert_model_status(model, 'ACTIVE', 'CREATE_FAILED')"
    )
    _fail_with(checks.status_failure(checks.camel_case_model(model, schema), statuses))


def assert_model_active(model: object) -> None:
    """Assert that the model is ACTIVE: trained, and usable for inference."""
    __tracebackhide__ = True
    _fail_with(checks.status_failure(checks.camel_case_model(model, trained_model_schema()), (checks.ACTIVE,)))


def assert_metrics_published(model: object) -> None:
    """Assert that the model's training metrics were published (metricsStatus PUBLISH_SUCCEEDED)."""
    __tracebackhide__ = True
    _fail_with(checks.publication_failure(checks.camel_case_model(model, trained_model_schema()), "metricsStatus"))


def assert_logs_published(model: object) -> None:
    """Assert that the model's training logs were published (logsStatus PUBLISH_SUCCEEDED)."""
    __tracebackhide__ = True
    _fail_with(checks.publication_failure(checks.camel_case_model(model, trained_model_schema()), "logsStatus"))


def assert_valid_trained_model(model: object) -> None:
    """Assert that the model matches the shared JSON Schema; the message lists every violation with its path.

    A model with only the members of a list_collaboration_trained_models summary is checked
    against the schema's CollaborationTrainedModelSummary definition, anything else as a
    get_collaboration_trained_model response.
    """
    __tracebackhide__ = True
    schema = trained_model_schema()
    document = checks.camel_case_model(model, schema)
    _fail_with(checks.violations_failure(document, checks.model_violations(document, schema)))


def _fail_with(failure: str | None) -> None:
    __tracebackhide__ = True
    if failure is not None:
        raise AssertionError(failure)
