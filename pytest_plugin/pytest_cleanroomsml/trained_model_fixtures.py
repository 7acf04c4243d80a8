"""The callables that the cleanroomsml_trained_model and wait_for_trained_model fixtures return.

Their mistakes (wrong arguments, an unknown model, a wait in vain) are reported from the
test's line: the plugin's own frames and botocore's are left out of the traceback.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pytest
from botocore.client import BaseClient
from botocore.exceptions import BotoCoreError, ClientError

from ._shared.credential_redaction import redact_error, sent_credentials
from ._shared.identifier_rules import IdentifierRule
from ._shared.trained_model_arns import arn_mistake, region_mismatch
from ._shared.trained_model_waiting import NEXT_STATUSES, WaitError, wait_for_status
from ._shared.trained_model_words import model_label, status_name_error
from .assertions import assert_valid_trained_model
from .package_data import trained_model_schema

if TYPE_CHECKING:
    from .fake import CleanRoomsMLFake

GET_OPERATION = "GetCollaborationTrainedModel"
NOT_FOUND = "ResourceNotFoundException"
# How many of the fake's models a not-found message lists.
LISTED_MODELS = 10

# (parameter, schema definition, what it must be) of the fetcher's identifiers.
_IDENTIFIERS = (
    (
        "arn",
        "TrainedModelArn",
        "a trained model ARN, like "
        "arn:aws:cleanrooms-ml:<region>:<account>:membership/<membership id>/trained-model/<id>",
    ),
    ("collaboration_identifier", "UUID", "a collaboration ID, a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
    ("version_identifier", "UUID", "a version ID, a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
)


@functools.cache
def _identifier_rules() -> dict[str, IdentifierRule]:
    """{parameter: its rule}, from the shared schema, as the Ansible collection checks them."""
    definitions = trained_model_schema()["$defs"]
    return {
        parameter: IdentifierRule(
            definitions[definition], expected, arn_mistake if definition == "TrainedModelArn" else None
        )
        for parameter, definition, expected in _IDENTIFIERS
    }


def identifier_error(call: str, parameter: str, value: object) -> Exception | None:
    """TypeError or ValueError saying why ``value`` cannot be the ``parameter`` of ``call``, or None."""
    error = _identifier_rules()[parameter].error(f"{call}: {parameter}", value)
    if error is None:
        return None
    return TypeError(error) if not isinstance(value, str) else ValueError(error)


class TrainedModelFetcher:
    """Get a trained model with get_collaboration_trained_model, and check it against the shared schema."""

    def __init__(self, client: BaseClient, fake: CleanRoomsMLFake | None = None) -> None:
        self.client = client
        # Offline, the fake whose models a not-found message lists.
        self.fake = fake
        self.sent_credentials = sent_credentials(client)

    def __call__(
        self, arn: str, collaboration_identifier: str, version_identifier: str | None = None
    ) -> dict[str, Any]:
        """The response (the latest version unless ``version_identifier`` is given), once it passed
        assert_valid_trained_model.

        Raises TypeError or ValueError for an argument that cannot be an identifier, before any request,
        and the client's ResourceNotFoundException, in a few words, for a model that is not found.
        """
        __tracebackhide__ = True
        given = (
            ("arn", arn),
            ("collaboration_identifier", collaboration_identifier),
            ("version_identifier", version_identifier),
        )
        for parameter, value in given:
            error = (
                None
                if value is None and parameter == "version_identifier"
                else identifier_error("cleanroomsml_trained_model()", parameter, value)
            )
            if error:
                raise error
        parameters = {"trainedModelArn": arn, "collaborationIdentifier": collaboration_identifier}
        if version_identifier is not None:
            parameters["versionIdentifier"] = version_identifier
        try:
            response: dict[str, Any] = self.client.get_collaboration_trained_model(**parameters)
        except (BotoCoreError, ClientError) as error:
            # The service's message may quote the request's headers, token and signature included.
            redact_error(error, self.sent_credentials.values)
            if not isinstance(error, ClientError) or error.response.get("Error", {}).get("Code") != NOT_FOUND:
                raise
            failure = self.not_found(error, arn, collaboration_identifier, version_identifier)
        else:
            assert_valid_trained_model(response)
            return response
        # Raised outside the except block, so that botocore's frames and its exception are not shown.
        raise failure

    def not_found(
        self, error: ClientError, arn: str, collaboration_identifier: str, version_identifier: str | None
    ) -> ClientError:
        """The client's ResourceNotFoundException again, its message naming the model and why it may not be found."""
        version = version_identifier or "latest"
        message = f"trained model {arn} (version {version}) not found in collaboration {collaboration_identifier}"
        mismatch = region_mismatch(arn, self.client.meta.region_name)
        if mismatch:
            message += f": {mismatch}"
        if self.fake is not None:
            message += "; " + self.models_held(collaboration_identifier)
        response = dict(error.response, Error=dict(error.response.get("Error", {}), Message=message))
        return type(error)(response, error.operation_name)

    def models_held(self, collaboration_identifier: str) -> str:
        """What the fake holds in the collaboration, in words."""
        assert self.fake is not None
        held = self.fake.trained_models(collaboration_identifier)
        if not held:
            seed = "seed them with cleanroomsml_fake.add_trained_model"
            return f"the fake holds no trained model in that collaboration ({seed})"
        listed = "".join(f"\n  {model_label(model)}" for model in held[:LISTED_MODELS])
        more = f"\n  ...and {len(held) - LISTED_MODELS} more" if len(held) > LISTED_MODELS else ""
        return f"the fake holds {len(held)} trained model(s) in that collaboration:{listed}{more}"


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
        message names the model, the last status seen and its details. A status name the
        plugin does not know (one AWS added) is waited for until the timeout; one that is no
        status name ('active') raises ValueError.
        """
        __tracebackhide__ = True
        wanted = (status,) if isinstance(status, str) else tuple(status)
        malformed = [
            problem for problem in (status_name_error(name, tuple(NEXT_STATUSES)) for name in wanted) if problem
        ]
        if not wanted or malformed:
            raise ValueError(
                "wait_for_trained_model(): status must be one or more status names; "
                + ("; ".join(malformed) or "got none")
            )
        failure: str | BaseException
        try:
            # wait_for_status returns (model, polls, seconds waited).
            model: dict[str, Any] = wait_for_status(
                lambda: self.fetch(arn, collaboration_identifier, version_identifier),
                wanted,
                timeout,
                delay,
                model_label,
            )[0]
        except WaitError as error:
            failure = str(error)
        except (ClientError, TypeError, ValueError) as error:
            # Without the frames it went through: the waiting loop's, the fetcher's, botocore's.
            failure = error.with_traceback(None)
        else:
            return model
        # Failed outside the except block, so that the report does not chain the waiting module's traceback.
        if isinstance(failure, str):
            pytest.fail(failure)
        raise failure
