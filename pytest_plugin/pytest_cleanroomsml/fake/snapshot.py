"""Read every trained model of a collaboration, with all its versions, as GetCollaborationTrainedModel describes them.

ListCollaborationTrainedModels names each model and its latest version. The versions of a
model are found in one of two ways:

- ListTrainedModelVersions names them all, but only to the member whose membership created
  the model (the one its ARN names). It is tried once per membership; AccessDenied or
  ResourceNotFound means that membership is not the caller's.
- Otherwise each version's incrementalTrainingDataChannels name the version it was trained
  from: followed from the latest version back to the base, which finds every version the
  latest was trained from, though not a version trained from the same base beside it.

Each version is then read with GetCollaborationTrainedModel, keeping members botocore's model
does not know yet (which boto3 would drop). Errors are botocore's, for the caller to word.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from botocore.client import BaseClient
from botocore.exceptions import ClientError

from .._shared.cleanroomsml_service import GET_OPERATION
from .._shared.concurrency import DEFAULT_MAX_CONCURRENCY, map_concurrently
from .._shared.trained_model_validation import without_response_metadata
from .seed_entries import created

# The codes that say the caller cannot list the versions of a membership that is not its own.
_NOT_THE_CALLERS_MEMBERSHIP = ("AccessDeniedException", "ResourceNotFoundException")


def read_collaboration(
    client: BaseClient,
    collaboration_identifier: str,
    page_size: int | None = None,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
) -> list[list[dict[str, Any]]]:
    """Per trained model (in the order the listing gives), the descriptions of its versions, oldest first.

    The latest version, as the listing names it, comes last. ``page_size`` is asked of
    the listings (None: the service's default).
    """
    keep_unknown_members(client)
    summaries = _all_pages(
        client,
        "list_collaboration_trained_models",
        "collaborationTrainedModels",
        page_size,
        collaborationIdentifier=collaboration_identifier,
    )
    reader = _VersionReader(client, collaboration_identifier, page_size)
    models: list[list[dict[str, Any]]] = map_concurrently(reader.versions_of, summaries, max_concurrency)
    return models


def keep_unknown_members(client: BaseClient) -> None:
    """Have the client's GetCollaborationTrainedModel responses keep the members its service model lacks."""
    service = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register(f"before-parse.{service}.{GET_OPERATION}", _add_unknown_members)


def _add_unknown_members(
    operation_model: Any, response_dict: dict[str, Any], customized_response_dict: dict[str, Any], **_: Any
) -> None:
    if response_dict.get("status_code", 500) >= 300:
        return
    try:
        body = json.loads(response_dict.get("body") or b"{}")
    except ValueError:
        return  # botocore's parser says what is wrong with it
    if isinstance(body, dict):
        known = operation_model.output_shape.members
        customized_response_dict.update((member, value) for member, value in body.items() if member not in known)


def _all_pages(
    client: BaseClient, method: str, result_key: str, page_size: int | None, **parameters: Any
) -> list[dict[str, Any]]:
    pages = client.get_paginator(method).paginate(**parameters, PaginationConfig={"PageSize": page_size})
    return [item for page in pages for item in page[result_key]]


class _VersionReader:
    def __init__(self, client: BaseClient, collaboration_identifier: str, page_size: int | None):
        self.client = client
        self.collaboration_identifier = collaboration_identifier
        self.page_size = page_size
        self._lock = threading.Lock()
        self._foreign_memberships: set[str] = set()  # memberships whose versions the caller cannot list

    def versions_of(self, summary: dict[str, Any]) -> list[dict[str, Any]]:
        arn = summary["trainedModelArn"]
        latest = summary.get("versionIdentifier")
        listed = self._listed_versions(summary["membershipIdentifier"], arn)
        if listed is None:
            descriptions = self._trained_from(self._get(arn, latest))[::-1]
        else:
            descriptions = [self._get(arn, version) for version in listed]
        # Oldest first (versions made in the same millisecond as found: base first), and the version
        # the listing calls latest last, whatever the clocks say.
        return sorted(
            descriptions, key=lambda description: (description.get("versionIdentifier") == latest, created(description))
        )

    def _listed_versions(self, membership_identifier: str, arn: str) -> list[str] | None:
        """The version identifiers ListTrainedModelVersions gives; None when the caller cannot list them."""
        with self._lock:
            if membership_identifier in self._foreign_memberships:
                return None
        try:
            summaries = _all_pages(
                self.client,
                "list_trained_model_versions",
                "trainedModels",
                self.page_size,
                membershipIdentifier=membership_identifier,
                trainedModelArn=arn,
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in _NOT_THE_CALLERS_MEMBERSHIP:
                raise
            with self._lock:
                self._foreign_memberships.add(membership_identifier)
            return None
        return [summary["versionIdentifier"] for summary in summaries if summary.get("versionIdentifier")]

    def _trained_from(self, latest: dict[str, Any]) -> list[dict[str, Any]]:
        """``latest`` and the versions it was trained from, through incrementalTrainingDataChannels."""
        chain = [latest]
        seen = {latest.get("versionIdentifier")}
        while True:
            channels = chain[-1].get("incrementalTrainingDataChannels") or [{}]
            previous = channels[0].get("versionIdentifier")
            if not previous or previous in seen:
                return chain
            seen.add(previous)
            try:
                chain.append(self._get(latest["trainedModelArn"], previous))
            except ClientError as error:
                # A version of another trained model, or one deleted: not this model's to keep.
                if error.response.get("Error", {}).get("Code") != "ResourceNotFoundException":
                    raise
                return chain

    def _get(self, arn: str, version_identifier: str | None) -> dict[str, Any]:
        version = {"versionIdentifier": version_identifier} if version_identifier else {}
        response = self.client.get_collaboration_trained_model(
            trainedModelArn=arn, collaborationIdentifier=self.collaboration_identifier, **version
        )
        description: dict[str, Any] = without_response_metadata(response)
        return description
