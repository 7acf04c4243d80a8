"""Handles Clean Rooms ML requests: check them, call the backend, answer in JSON."""

from __future__ import annotations

import datetime
import functools
import json
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, cast

from moto.core.common_types import TYPE_RESPONSE
from moto.core.models import DEFAULT_ACCOUNT_ID
from moto.core.responses import BaseResponse
from moto.core.utils import camelcase_to_underscores, get_service_model, utcnow
from werkzeug.exceptions import HTTPException
from werkzeug.http import http_date

from .._shared import quoted_values
from .._shared.cleanroomsml_service import SERVICE_NAME
from . import operation_routes
from .exceptions import UnservedRegionException, ValidationException
from .models import (
    COLLABORATION_DESCRIPTION_SHAPE,
    MEMBERSHIP_DESCRIPTION_SHAPE,
    CleanRoomsMLBackend,
    TrainedModelVersion,
    cleanroomsml_backends,
)
from .regions import REGIONS
from .shape_validation import shape_violations, validation_message

if TYPE_CHECKING:
    from moto.core.request import Request

_SERVED_REGIONS = frozenset(REGIONS)
_quoted: Callable[[Any], str] = quoted_values.quoted


class AnswerableRequest(Protocol):
    """What ``CleanRoomsMLResponse.answer`` and moto's parser read from a request.

    moto's request (over HTTP) and the in-process transport's stand-in (in_process.py) both have it.
    """

    @property
    def method(self) -> str: ...
    @property
    def raw_url(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def headers(self) -> Any: ...
    @property
    def data(self) -> bytes: ...
    @property
    def values(self) -> Any: ...
    @property
    def from_wsgi_server(self) -> bool: ...
    @property
    def content_type(self) -> str: ...


class CleanRoomsMLResponse(BaseResponse):
    def __init__(self) -> None:
        super().__init__(service_name=SERVICE_NAME)
        # moto parses path, query and body members into self.params, per botocore's model.
        self.automated_parameter_parsing = True
        self._operation: str | None = None  # set by answer(), from the fake's router

    def _get_action(self) -> str:
        # moto's parser asks for the operation; moto's own answer would route the request again.
        return self._operation or super()._get_action()

    def parse_parameters(self, request: Any) -> None:
        # moto's parser converts values to the model's types; one that does not convert
        # (maxResults=ten) is the client's mistake, not a server error.
        try:
            super().parse_parameters(request)
        except (TypeError, ValueError) as error:
            raise ValidationException(f"Request does not match the model: {error}") from error

    @property
    def backend(self) -> CleanRoomsMLBackend:
        return cleanroomsml_backends[self.current_account][self.region]

    def call_action(self) -> TYPE_RESPONSE:
        operation = self._get_action()
        if operation:  # otherwise moto answers 404 for a path no operation has
            self._refuse_unserved_region()
            self._before_operation(operation)
        return super().call_action()

    @classmethod
    def dispatch(cls, request: Any, full_url: str | None = None, headers: Any = None) -> TYPE_RESPONSE:
        # moto's server, and moto's in-process handler, call this for every request to the fake's URLs.
        routed = operation_routes.route(request.method, request.raw_path)
        if routed is None or not serves(routed[0]):
            # moto's way: a 404 for a path no operation has.
            response: TYPE_RESPONSE = super().dispatch(request, full_url, headers)
            return response
        operation, path_members = routed
        return cls().answer(operation, request, path_members)

    def answer(self, operation: str, request: AnswerableRequest, path_members: Mapping[str, str]) -> TYPE_RESPONSE:
        """Answer a request for ``operation`` as moto's setup_class and call_action do, more directly.

        ``request`` is moto's, or the fake's in-process stand-in for one: either carries what
        moto's parser and the methods used here read. What moto's own way adds is generic: form,
        upload and gzip handling, and a router over the operations (four lookups per request).
        The account, Region and parameters come from moto's methods, as on moto's way.
        """
        self.normalized_request = cast("Request", request)  # moto reads only what AnswerableRequest has
        self._operation = operation
        self.uri_match = dict(path_members)
        self.method = request.method
        self.headers = request.headers
        self.querystring = {}
        self.response_headers = {"server": "amazon.com"}
        if not request.from_wsgi_server:  # as moto: a WSGI server dates its answers itself
            self.response_headers["date"] = http_date(utcnow())
        self.region = self.get_region_from_url(request, request.raw_url)
        self.access_key = self.get_access_key()
        self.current_account = self._account_of_request()
        try:
            self._refuse_unserved_region()
            self.parse_parameters(request)
            self._before_operation(operation)
            status, headers, body = getattr(self, _handler_name(operation))()
        except HTTPException as error:  # an error answer, with a request ID as AWS's have
            status, headers, body = error.code, dict(error.get_headers()), error.get_body()
        headers = {**self.response_headers, **headers}
        return (status, *self._enrich_response(headers, body))

    def _account_of_request(self) -> str:
        """The account moto's setup_class gives the request, having marked the visit as it does.

        Both steps look the access key up in moto's IAM, which holds no access key before
        moto.iam.models is first imported (some 60 ms, cryptography included): until then the
        answer is moto's default account, unless MOTO_ACCOUNT_ID or the request names one.
        """
        if (
            "moto.iam.models" not in sys.modules
            and "MOTO_ACCOUNT_ID" not in os.environ
            and "x-moto-account-id" not in self.headers
        ):
            return DEFAULT_ACCOUNT_ID
        from moto.iam.models import mark_account_as_visited

        account = self.get_current_account()
        mark_account_as_visited(
            account_id=account,
            access_key=self.access_key,
            service=SERVICE_NAME,
            region=self.region,
        )
        return account

    def _refuse_unserved_region(self) -> None:
        # The backend holds no state for other Regions; without this, a KeyError (a 500) answers.
        if self.region not in _SERVED_REGIONS:
            raise UnservedRegionException(
                f"The Clean Rooms ML fake does not serve Region {_quoted(self.region)} (the request was signed "
                f"for it); it serves: {', '.join(REGIONS)}"
            )

    def _before_operation(self, operation: str) -> None:
        """The fake's own steps before an operation: scripted latency and failures, input validation."""
        self.backend.request_hooks.before_request(operation, self.params)
        self._refuse_invalid_input(operation)

    def _refuse_invalid_input(self, operation: str) -> None:
        input_shape = get_service_model(SERVICE_NAME).operation_model(operation).input_shape
        violations = shape_violations(input_shape, self.params)
        if violations:
            raise ValidationException(validation_message(violations))

    # -- operations -----------------------------------------------------------------

    def create_trained_model(self) -> TYPE_RESPONSE:
        training_request = dict(self.params)
        membership_identifier = training_request.pop("membershipIdentifier")
        version = self.backend.create_trained_model(membership_identifier, training_request)
        return _json(
            {
                "trainedModelArn": version.trained_model_arn,
                "versionIdentifier": version.version_identifier,
            }
        )

    def get_trained_model(self) -> TYPE_RESPONSE:
        version = self.backend.get_trained_model(
            membership_identifier=self.params["membershipIdentifier"],
            trained_model_arn=self.params["trainedModelArn"],
            version_identifier=self.params.get("versionIdentifier"),
        )
        return _description(version, MEMBERSHIP_DESCRIPTION_SHAPE)

    def get_collaboration_trained_model(self) -> TYPE_RESPONSE:
        version = self.backend.get_collaboration_trained_model(
            collaboration_identifier=self.params["collaborationIdentifier"],
            trained_model_arn=self.params["trainedModelArn"],
            version_identifier=self.params.get("versionIdentifier"),
        )
        return _description(version, COLLABORATION_DESCRIPTION_SHAPE)

    def list_trained_models(self) -> TYPE_RESPONSE:
        versions, next_token = self.backend.list_trained_models(
            membership_identifier=self.params["membershipIdentifier"],
            next_token=self.params.get("nextToken"),
            max_results=self.params.get("maxResults"),
        )
        return _page("trainedModels", "TrainedModelSummary", versions, next_token)

    def list_collaboration_trained_models(self) -> TYPE_RESPONSE:
        versions, next_token = self.backend.list_collaboration_trained_models(
            collaboration_identifier=self.params["collaborationIdentifier"],
            next_token=self.params.get("nextToken"),
            max_results=self.params.get("maxResults"),
        )
        return _page(
            "collaborationTrainedModels",
            "CollaborationTrainedModelSummary",
            versions,
            next_token,
        )

    def list_trained_model_versions(self) -> TYPE_RESPONSE:
        versions, next_token = self.backend.list_trained_model_versions(
            membership_identifier=self.params["membershipIdentifier"],
            trained_model_arn=self.params["trainedModelArn"],
            status=self.params.get("status"),
            next_token=self.params.get("nextToken"),
            max_results=self.params.get("maxResults"),
        )
        return _page("trainedModels", "TrainedModelSummary", versions, next_token)

    def cancel_trained_model(self) -> TYPE_RESPONSE:
        self.backend.cancel_trained_model(
            membership_identifier=self.params["membershipIdentifier"],
            trained_model_arn=self.params["trainedModelArn"],
            version_identifier=self.params.get("versionIdentifier"),
        )
        return _json({})

    def delete_trained_model_output(self) -> TYPE_RESPONSE:
        self.backend.delete_trained_model_output(
            membership_identifier=self.params["membershipIdentifier"],
            trained_model_arn=self.params["trainedModelArn"],
            version_identifier=self.params.get("versionIdentifier"),
        )
        return _json({})


# The name moto's call_action looks an operation's handler up by; asked on every request.
_handler_name = functools.lru_cache(maxsize=None)(camelcase_to_underscores)


@functools.cache
def serves(operation: str) -> bool:
    """Whether the fake answers ``operation`` (an API name); asked on every request."""
    return operation in served_operations()


def served_operations() -> list[str]:
    """The Clean Rooms ML operations the fake answers, by their API names."""
    return [
        name
        for name in get_service_model(SERVICE_NAME).operation_names
        if hasattr(CleanRoomsMLResponse, _handler_name(name))
    ]


def _page(
    result_key: str,
    summary_shape: str,
    versions: list[TrainedModelVersion],
    next_token: str | None,
) -> TYPE_RESPONSE:
    body: dict[str, Any] = {result_key: [_read(version).describe(summary_shape) for version in versions]}
    if next_token:
        body["nextToken"] = next_token
    return _json(body)


def _description(version: TrainedModelVersion, shape_name: str) -> TYPE_RESPONSE:
    # Encoded once per state of the description: polling asks for the same one many times.
    return _answer(_read(version).rendered(shape_name, _encoded))


def _read(version: TrainedModelVersion) -> TrainedModelVersion:
    """``version``, having counted the read: every answer that describes a version (gets and
    listings, not the controller) is one, and a status change may wait for it."""
    version.read()
    return version


def _json(body: dict[str, Any]) -> TYPE_RESPONSE:
    return _answer(_encoded(body))


def _answer(text: str) -> TYPE_RESPONSE:
    return 200, {"Content-Type": "application/json"}, text


def _encoded(body: dict[str, Any]) -> str:
    return json.dumps(body, default=_iso8601)


def _iso8601(value: Any) -> str:
    """Timestamps travel as ISO 8601 strings (timestampFormat iso8601 in the model)."""
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{type(value).__name__} is not JSON serializable: {value!r}")
    if value.tzinfo is None:  # a naive datetime from a test's override: take it as UTC
        value = value.replace(tzinfo=datetime.timezone.utc)
    utc = value.astimezone(datetime.timezone.utc)
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond // 1000:03d}Z"
