"""The callables that the cleanroomsml_trained_model and wait_for_trained_model fixtures return."""

from __future__ import annotations

from typing import Any, Sequence

import pytest
from botocore.client import BaseClient
from botocore.exceptions import BotoCoreError, ClientError

from ._shared.credential_redaction import redact_error, sent_credentials
from ._shared.trained_model_waiting import WaitError, wait_for_status
from .assertions import assert_valid_trained_model


class TrainedModelFetcher:
    """Get a trained model with get_collaboration_trained_model, and check it against the shared schema."""

    def __init__(self, client: BaseClient) -> None:
        self.client = client
        self.sent_credentials = sent_credentials(client)

    def __call__(self, arn: str, collaboration_identifier: str, version_identifier: str | None = None) -> dict[str, Any]:
        """The response (the latest version unless ``version_identifier`` is given), once it passed assert_valid_trained_model."""
        __tracebackhide__ = True
        parameters = {"trainedModelArn": arn, "collaborationIdentifier": collaboration_identifier}
        if version_identifier is not None:
            parameters["versionIdentifier"] = version_identifier
        try:
            response: dict[str, Any] = self.client.get_collaboration_trained_model(**parameters)
        except (BotoCoreError, ClientError) as error:
            # The service's message may quote the request's headers, token and signature included.
            raise redact_error(error, self.sent_credentials.values)
        assert_valid_trained_model(response)
        return response


class TrainedModelWaiter:
    """Poll a trained model until it reaches a status, as the cleanrooms.ml module's wait does."""

    def __init__(self, fetch: TrainedModelFetcher) -> None:
        self.fetch = fetch

    def __call__(
        self,
        arn: str,
        collaboration_identifier: str,
        status: str | Sequence[str] = "ACTIVE",
        timeout: float = 600,
        delay: float = 5,
        *,
        version_identifier: str | None = None,
    ) -> dict[str, Any]:
        """The first response whose status is ``status`` (or one of them), polling every ``delay`` seconds.

        Fails the test at once when the model reaches a status from which no wanted one can
        follow (CREATE_FAILED while waiting for ACTIVE), or after ``timeout`` seconds; the
        message names the last status seen and its details.
        """
        __tracebackhide__ = True
        wanted = (status,) if isinstance(status, str) else tuple(status)
        describe = f"trained model {arn}" + (f" (version {version_identifier})" if version_identifier else "")
        try:
            # wait_for_status returns (model, polls, seconds waited).
            model: dict[str, Any] = wait_for_status(
                lambda: self.fetch(arn, collaboration_identifier, version_identifier), wanted, timeout, delay, describe
            )[0]
        except WaitError as error:
            failure = str(error)
        else:
            return model
        # Failed outside the except block, so that the report does not chain the waiting module's traceback.
        pytest.fail(failure)
