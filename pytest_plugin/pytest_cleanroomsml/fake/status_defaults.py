"""What a trained model's description holds in each status by default, as AWS describes one.

A model whose training succeeded has published metrics and logs and names the digest of its
training image; a failed one says why in statusDetails; one still being created has none of
these yet. The members below are the ones that depend on the status: the fake sets them with
the status (when a model is added, and on every status change) unless a test gave its own.
"""

from __future__ import annotations

from typing import Any

from .timeline import MISSING

# statusDetails follows the status always; these follow it unless a test overrode them.
STATUS_DEPENDENT_MEMBERS = ("metricsStatus", "logsStatus", "trainingContainerImageDigest")

# Statuses in which the model's training output (metrics, logs, artifacts) exists: ACTIVE, and
# deleting that output until it is gone (INACTIVE).
_TRAINED_STATUSES = frozenset({"ACTIVE", "DELETE_PENDING", "DELETE_IN_PROGRESS", "DELETE_FAILED"})

# What the fake says about a failure nobody described (AWS's own codes are not documented).
_FAILURE_DETAILS = {
    "CREATE_FAILED": {
        "statusCode": "AlgorithmError",
        "message": "The training container exited with a non-zero exit code.",
    },
    "CANCEL_FAILED": {
        "statusCode": "InternalServiceError",
        "message": "The training job could not be stopped.",
    },
    "DELETE_FAILED": {
        "statusCode": "InternalServiceError",
        "message": "The trained model's artifacts could not be deleted.",
    },
}


def default_status_details(status: str) -> dict[str, str] | None:
    """The statusDetails of a model in ``status`` nobody described: a code and a message when it failed."""
    details = _FAILURE_DETAILS.get(status)
    return dict(details) if details else None


def status_dependent_defaults(status: str, image_digest: str) -> dict[str, Any]:
    """STATUS_DEPENDENT_MEMBERS for a model in ``status``: values, or MISSING where it has none.

    ``image_digest`` is the version's own (one per version, whatever its status).
    """
    if status in _TRAINED_STATUSES:
        return {
            "metricsStatus": "PUBLISH_SUCCEEDED",
            "logsStatus": "PUBLISH_SUCCEEDED",
            "trainingContainerImageDigest": image_digest,
        }
    return dict.fromkeys(STATUS_DEPENDENT_MEMBERS, MISSING)
