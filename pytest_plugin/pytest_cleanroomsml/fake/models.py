"""The Clean Rooms ML backend: trained models, their versions and their lifecycle."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from moto.core.base_backend import BackendDict, BaseBackend
from moto.core.common_models import BaseModel
from moto.core.utils import get_service_model
from moto.moto_api._internal import mock_random
from moto.utilities.paginator import paginate

from .._shared.cleanroomsml_service import SERVICE_NAME
from .._shared.trained_model_waiting import STATUS_ON_CREATE, STEP_DONE, statuses_moved_by
from .clock import CLOCK
from .exceptions import (
    ConflictException,
    InvalidPaginationToken,
    ResourceNotFoundException,
)
from .regions import REGIONS
from .request_hooks import RequestHooks
from .status_defaults import default_status_details, status_dependent_defaults
from .timeline import MISSING, Timeline


def lifecycle_after(status: str) -> tuple[str, ...]:
    """``status`` and the statuses the service moves a model through from it on its own."""
    statuses = [status]
    while statuses[-1] in _STEPS_DONE:
        statuses.append(_STEPS_DONE[statuses[-1]])
    return tuple(statuses)


_STEPS_DONE = statuses_moved_by(STEP_DONE)

# The full description, as GetCollaborationTrainedModel returns it.
COLLABORATION_DESCRIPTION_SHAPE = "GetCollaborationTrainedModelResponse"
MEMBERSHIP_DESCRIPTION_SHAPE = "GetTrainedModelResponse"


@dataclass(frozen=True)
class LifecycleDurations:
    """How long a trained model stays in each transitional status, in seconds."""

    pending_seconds: float = 0.0
    in_progress_seconds: float = 0.0


def view(description: dict[str, Any], shape_name: str) -> dict[str, Any]:
    """The members of ``description`` that a response of shape ``shape_name`` carries.

    Members that botocore does not know at all (a test's stand-in for what AWS may add
    tomorrow) are kept in every view.
    """
    members = _members_of(shape_name)
    known = _members_botocore_knows()
    return {name: value for name, value in description.items() if name in members or name not in known}


@functools.cache
def _members_botocore_knows() -> frozenset[str]:
    return _members_of(COLLABORATION_DESCRIPTION_SHAPE) | _members_of(MEMBERSHIP_DESCRIPTION_SHAPE)


@functools.cache
def _members_of(shape_name: str) -> frozenset[str]:
    # shape_for() builds a new Shape, and its members anew, on every call.
    return frozenset(get_service_model(SERVICE_NAME).shape_for(shape_name).members)


def _new_uuid() -> str:
    return str(mock_random.uuid4())


def _given_or_new(overrides: dict[str, Any], member: str, new: Callable[[], str]) -> str:
    """An identifier a test chose (a string override) or a new one."""
    given = overrides.get(member)
    return given if isinstance(given, str) else new()


def _image_digest() -> str:
    """A digest of a training container image, as ECR writes one."""
    return "sha256:" + mock_random.get_random_hex(64)


class TrainedModelVersion(BaseModel):
    """One version of a trained model: its description, which changes over time.

    The members that depend on the status (status_defaults.py) come with it, when the
    version is made and at every status change, except those ``overrides`` set.
    """

    def __init__(
        self,
        trained_model_arn: str,
        version_identifier: str,
        description: dict[str, Any],
        overrides: dict[str, Any] | None = None,
    ):
        self.trained_model_arn = trained_model_arn
        self.version_identifier = version_identifier
        overrides = overrides or {}
        self._overridden = frozenset(overrides)
        self._image_digest = _image_digest()
        status_members = self._status_members(description["status"], None)
        self._timeline = Timeline({**description, **status_members, **overrides})

    def read(self) -> None:
        """Count a read: an answer that describes this version (status changes may wait for one)."""
        self._timeline.read()

    def describe(self, shape_name: str | None = None) -> dict[str, Any]:
        """The description as of now; with ``shape_name``, only what that shape carries."""
        description = self._timeline.current()
        return view(description, shape_name) if shape_name else description

    def rendered(self, shape_name: str, render: Callable[[dict[str, Any]], Any]) -> Any:
        """``render(self.describe(shape_name))``, computed again only once the description changes.

        ``render`` reads the stored description, not a copy, and must not change it; the
        result is shared by every caller until then, and must not be changed either.
        """
        return self._timeline.derived(
            (shape_name, render),
            lambda description: render(view(description, shape_name)),
        )

    @property
    def status(self) -> Any:
        return self.describe().get("status")

    def set_status(
        self,
        status: str,
        status_details: dict[str, str] | None = None,
        after: float = 0.0,
        after_reads: int | None = None,
    ) -> None:
        """Change the status, superseding the lifecycle steps still pending.

        The change comes ``after`` seconds after the first read (after now, if this version was
        read before), or with the ``after_reads``-th read from now.
        """
        self._timeline.drop_pending_automatic()
        members = self._status_members(status, status_details)
        if after_reads is None:
            self._timeline.schedule_after_first_read(members, after, stamp="updateTime")
        else:
            self._timeline.schedule_on_read(members, after_reads, stamp="updateTime")

    def start_lifecycle(
        self,
        statuses: tuple[str, ...],
        durations: LifecycleDurations,
        started_at: float | None = None,
    ) -> None:
        """Move through pending, in-progress and final status, as the service does, from ``started_at``
        (a time of the fake's clock; default: now), whether anyone reads the model or not."""
        self._timeline.drop_pending_automatic()
        delays = (
            0.0,
            durations.pending_seconds,
            durations.pending_seconds + durations.in_progress_seconds,
        )
        for status, delay in zip(statuses, delays, strict=False):
            self._timeline.schedule(
                self._status_members(status, None), delay, automatic=True, stamp="updateTime", since=started_at
            )

    def _status_members(self, status: str, status_details: dict[str, str] | None) -> dict[str, Any]:
        """The members a change to ``status`` sets (updateTime aside): given details, else the defaults."""
        details = status_details or default_status_details(status)
        members = {"status": status, "statusDetails": details or MISSING}
        members.update(
            (member, value)
            for member, value in status_dependent_defaults(status, self._image_digest).items()
            if member not in self._overridden
        )
        return members


class TrainedModel(BaseModel):
    """A trained model: one ARN, one or more versions (the last one is the latest)."""

    def __init__(
        self,
        trained_model_arn: str,
        membership_identifier: str,
        collaboration_identifier: str,
    ):
        self.trained_model_arn = trained_model_arn
        self.membership_identifier = membership_identifier
        self.collaboration_identifier = collaboration_identifier
        self.versions: list[TrainedModelVersion] = []

    @property
    def base_version(self) -> TrainedModelVersion:
        return self.versions[0]

    @property
    def latest_version(self) -> TrainedModelVersion:
        return self.versions[-1]

    def version(self, version_identifier: str) -> TrainedModelVersion:
        for version in self.versions:
            if version.version_identifier == version_identifier:
                return version
        raise ResourceNotFoundException(
            f"Trained model version {version_identifier} of {self.trained_model_arn} not found"
        )

    def add_version(
        self, version_identifier: str, description: dict[str, Any], overrides: dict[str, Any] | None = None
    ) -> TrainedModelVersion:
        version = TrainedModelVersion(self.trained_model_arn, version_identifier, description, overrides)
        self.versions.append(version)
        return version


class CleanRoomsMLBackend(BaseBackend):
    """Trained models of one account in one Region."""

    PAGINATION_MODEL: ClassVar[dict[str, dict[str, Any]]] = {
        "list_trained_models": {
            "input_token": "next_token",
            "limit_key": "max_results",
            "limit_default": 100,
            "unique_attribute": "trained_model_arn",
            "fail_on_invalid_token": InvalidPaginationToken,
        },
        "list_collaboration_trained_models": {
            "input_token": "next_token",
            "limit_key": "max_results",
            "limit_default": 100,
            "unique_attribute": "trained_model_arn",
            "fail_on_invalid_token": InvalidPaginationToken,
        },
        "list_trained_model_versions": {
            "input_token": "next_token",
            "limit_key": "max_results",
            "limit_default": 10,  # documented for ListTrainedModelVersions
            "unique_attribute": "version_identifier",
            "fail_on_invalid_token": InvalidPaginationToken,
        },
    }

    def __init__(self, region_name: str, account_id: str):
        super().__init__(region_name, account_id)
        self.trained_models: dict[str, TrainedModel] = {}
        # An account has one membership per collaboration.
        self.collaboration_by_membership: dict[str, str] = {}
        self.lifecycle_durations = LifecycleDurations()
        self.request_hooks = RequestHooks()

    # -- API operations -------------------------------------------------------------

    def create_trained_model(self, membership_identifier: str, training_request: dict[str, Any]) -> TrainedModelVersion:
        """Start training; with incrementalTrainingDataChannels, a new version of that model.

        ``training_request`` holds the other CreateTrainedModel members as received;
        the description echoes them.
        """
        description = {
            member: value for member, value in training_request.items() if member != "incrementalTrainingDataChannels"
        }
        started = CLOCK.now()
        now = CLOCK.timestamp(started)
        description.update(
            status=STATUS_ON_CREATE,
            createTime=now,
            updateTime=now,
            creatorAccountId=self.account_id,
        )
        incremental_channels = training_request.get("incrementalTrainingDataChannels")
        if incremental_channels:
            model = self._trained_model(
                incremental_channels[0]["trainedModelArn"],
                membership_identifier=membership_identifier,
            )
            description["incrementalTrainingDataChannels"] = [
                self._incremental_channel_output(model, channel) for channel in incremental_channels
            ]
        else:
            model = self._new_trained_model(membership_identifier, self._collaboration_of(membership_identifier))
        version_identifier = _new_uuid()
        description.update(
            membershipIdentifier=model.membership_identifier,
            collaborationIdentifier=model.collaboration_identifier,
            trainedModelArn=model.trained_model_arn,
            versionIdentifier=version_identifier,
        )
        version = model.add_version(version_identifier, description)
        version.start_lifecycle(lifecycle_after(STATUS_ON_CREATE), self.lifecycle_durations, started_at=started)
        return version

    def get_trained_model(
        self,
        membership_identifier: str,
        trained_model_arn: str,
        version_identifier: str | None = None,
    ) -> TrainedModelVersion:
        model = self._trained_model(trained_model_arn, membership_identifier=membership_identifier)
        return _requested_or(model, version_identifier, model.latest_version)

    def get_collaboration_trained_model(
        self,
        collaboration_identifier: str,
        trained_model_arn: str,
        version_identifier: str | None = None,
    ) -> TrainedModelVersion:
        model = self._trained_model(trained_model_arn, collaboration_identifier=collaboration_identifier)
        return _requested_or(model, version_identifier, model.latest_version)

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_trained_models(self, membership_identifier: str) -> list[TrainedModelVersion]:
        return [
            model.latest_version
            for model in list(self.trained_models.values())
            if model.membership_identifier == membership_identifier
        ]

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_collaboration_trained_models(self, collaboration_identifier: str) -> list[TrainedModelVersion]:
        return [
            model.latest_version
            for model in list(self.trained_models.values())
            if model.collaboration_identifier == collaboration_identifier
        ]

    @paginate(pagination_model=PAGINATION_MODEL)
    def list_trained_model_versions(
        self,
        membership_identifier: str,
        trained_model_arn: str,
        status: str | None = None,
    ) -> list[TrainedModelVersion]:
        model = self._trained_model(trained_model_arn, membership_identifier=membership_identifier)
        return [version for version in list(model.versions) if status is None or version.status == status]

    def cancel_trained_model(
        self,
        membership_identifier: str,
        trained_model_arn: str,
        version_identifier: str | None = None,
    ) -> None:
        version = self._base_or_requested_version(membership_identifier, trained_model_arn, version_identifier)
        self._start_operation(version, "CancelTrainedModel")

    def delete_trained_model_output(
        self,
        membership_identifier: str,
        trained_model_arn: str,
        version_identifier: str | None = None,
    ) -> None:
        version = self._base_or_requested_version(membership_identifier, trained_model_arn, version_identifier)
        self._start_operation(version, "DeleteTrainedModelOutput")

    # -- seeding, for tests ---------------------------------------------------------

    def add_trained_model(
        self,
        name: str,
        status: str,
        collaboration_identifier: str | None,
        overrides: dict[str, Any],
    ) -> TrainedModelVersion:
        """Store a trained model as it is, with ``overrides`` taken unvalidated.

        String overrides of collaborationIdentifier, membershipIdentifier,
        trainedModelArn or versionIdentifier also decide where the model is found.
        """
        collaboration = _given_or_new(
            overrides,
            "collaborationIdentifier",
            lambda: collaboration_identifier or _new_uuid(),
        )
        membership = _given_or_new(
            overrides,
            "membershipIdentifier",
            lambda: self._membership_in(collaboration),
        )
        self.collaboration_by_membership.setdefault(membership, collaboration)
        model = self._new_trained_model(
            membership,
            collaboration,
            _given_or_new(
                overrides,
                "trainedModelArn",
                lambda: self._arn(membership, "trained-model"),
            ),
        )
        version_identifier = _given_or_new(overrides, "versionIdentifier", _new_uuid)
        now = CLOCK.timestamp()
        description = {
            "membershipIdentifier": membership,
            "collaborationIdentifier": collaboration,
            "trainedModelArn": model.trained_model_arn,
            "versionIdentifier": version_identifier,
            "name": name,
            "status": status,
            "configuredModelAlgorithmAssociationArn": self._arn(membership, "configured-model-algorithm-association"),
            "resourceConfig": {
                "instanceCount": 1,
                "instanceType": "ml.m5.xlarge",
                "volumeSizeInGB": 10,
            },
            "trainingInputMode": "File",
            "stoppingCondition": {"maxRuntimeInSeconds": 86400},
            "dataChannels": [
                {
                    "mlInputChannelArn": self._arn(membership, "ml-input-channel"),
                    "channelName": "train",
                }
            ],
            "createTime": now,
            "updateTime": now,
            "creatorAccountId": self.account_id,
        }
        return model.add_version(version_identifier, description, overrides)

    def add_version(self, trained_model_arn: str, status: str, overrides: dict[str, Any]) -> TrainedModelVersion:
        """A new latest version, trained incrementally from the current latest one."""
        model = self._trained_model(trained_model_arn)
        previous = model.latest_version.describe()
        version_identifier = _given_or_new(overrides, "versionIdentifier", _new_uuid)
        now = CLOCK.timestamp()
        description = {
            **previous,
            "versionIdentifier": version_identifier,
            "incrementalTrainingDataChannels": [
                {
                    "channelName": "incremental",
                    "versionIdentifier": model.latest_version.version_identifier,
                    "modelName": previous.get("name", ""),
                }
            ],
            "status": status,
            "createTime": now,
            "updateTime": now,
        }
        return model.add_version(version_identifier, description, overrides)

    def find_version(self, trained_model_arn: str, version_identifier: str | None = None) -> TrainedModelVersion:
        """The requested version of any trained model here, else its latest one."""
        model = self._trained_model(trained_model_arn)
        return _requested_or(model, version_identifier, model.latest_version)

    # -- helpers --------------------------------------------------------------------

    def _arn(self, membership_identifier: str, resource_type: str) -> str:
        return (
            f"arn:{self.partition}:cleanrooms-ml:{self.region_name}:{self.account_id}:"
            f"membership/{membership_identifier}/{resource_type}/{_new_uuid()}"
        )

    def _membership_in(self, collaboration_identifier: str) -> str:
        for membership, collaboration in self.collaboration_by_membership.items():
            if collaboration == collaboration_identifier:
                return membership
        return _new_uuid()

    def _collaboration_of(self, membership_identifier: str) -> str:
        return self.collaboration_by_membership.setdefault(membership_identifier, _new_uuid())

    def _new_trained_model(
        self,
        membership_identifier: str,
        collaboration_identifier: str,
        trained_model_arn: str | None = None,
    ) -> TrainedModel:
        model = TrainedModel(
            trained_model_arn or self._arn(membership_identifier, "trained-model"),
            membership_identifier,
            collaboration_identifier,
        )
        self.trained_models[model.trained_model_arn] = model
        return model

    def _trained_model(
        self,
        trained_model_arn: str,
        membership_identifier: str | None = None,
        collaboration_identifier: str | None = None,
    ) -> TrainedModel:
        """The model with this ARN, if it is visible from the given membership/collaboration."""
        model = self.trained_models.get(trained_model_arn)
        if (
            model is None
            or membership_identifier not in (None, model.membership_identifier)
            or collaboration_identifier not in (None, model.collaboration_identifier)
        ):
            raise ResourceNotFoundException(f"Trained model {trained_model_arn} not found")
        return model

    def _base_or_requested_version(
        self,
        membership_identifier: str,
        trained_model_arn: str,
        version_identifier: str | None,
    ) -> TrainedModelVersion:
        # Cancel and delete act on the base version unless told otherwise (API docs).
        model = self._trained_model(trained_model_arn, membership_identifier=membership_identifier)
        return _requested_or(model, version_identifier, model.base_version)

    def _start_operation(self, version: TrainedModelVersion, operation: str) -> None:
        """Move ``version`` as ``operation`` does (the shared lifecycle table), or refuse as AWS does."""
        moves = statuses_moved_by(operation)
        status = version.status
        if status not in moves:
            raise ConflictException(
                f"Trained model {version.trained_model_arn} version "
                f"{version.version_identifier} is {status}; expected one of: " + ", ".join(moves)
            )
        version.start_lifecycle(lifecycle_after(moves[status]), self.lifecycle_durations)

    def _incremental_channel_output(self, model: TrainedModel, channel: dict[str, Any]) -> dict[str, Any]:
        """The output form of an incremental training channel: names the base version."""
        base = _requested_or(model, channel.get("versionIdentifier"), model.latest_version)
        return {
            "channelName": channel["channelName"],
            "versionIdentifier": base.version_identifier,
            "modelName": base.describe().get("name", ""),
        }


def _requested_or(
    model: TrainedModel,
    version_identifier: str | None,
    default: TrainedModelVersion,
) -> TrainedModelVersion:
    return model.version(version_identifier) if version_identifier else default


cleanroomsml_backends = BackendDict(
    CleanRoomsMLBackend,
    "cleanrooms-ml",
    use_boto3_regions=False,
    additional_regions=REGIONS,
)
