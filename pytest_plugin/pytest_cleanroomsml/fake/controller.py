"""CleanRoomsMLFake: serve, seed, script and inspect the Clean Rooms ML fake in a test."""

from __future__ import annotations

import contextlib
import logging
import math
import socket
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from moto.core.models import DEFAULT_ACCOUNT_ID

from .clock import CLOCK, MAX_AFTER_POLLS, MAX_CLOCK_SECONDS
from .exceptions import ERRORS_BY_CODE, ResourceNotFoundException
from .in_process import answering
from .models import (
    COLLABORATION_DESCRIPTION_SHAPE,
    CleanRoomsMLBackend,
    LifecycleDurations,
    TrainedModel,
    TrainedModelVersion,
    cleanroomsml_backends,
)
from .regions import REGIONS
from .registration import ensure_registered
from .request_hooks import UnusedFailure
from .responses import served_operations
from .timeline import MISSING

if TYPE_CHECKING:
    from .remote_controller import RemoteCleanRoomsMLFake

# Bounds of the fake's controls: a test that asks for more is mistaken, and 10**9 queued failures
# would fill the memory.
MAX_FAIL_TIMES = 10_000
MAX_LATENCY_SECONDS = 600.0
# The overrides that decide where a model is found: strings (or MISSING, to leave one out).
IDENTIFIER_MEMBERS = ("collaborationIdentifier", "membershipIdentifier", "trainedModelArn", "versionIdentifier")


def _check_seconds(argument: str, seconds: Any, maximum: float = math.inf) -> None:
    """A ValueError or TypeError naming ``argument`` unless ``seconds`` is a finite number from 0 to ``maximum``."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise TypeError(f"{argument} must be a number of seconds, not {type(seconds).__name__} {seconds!r:.80}")
    if not (math.isfinite(seconds) and 0 <= seconds <= maximum):
        bound = "" if maximum == math.inf else f" and at most {maximum:g}"
        raise ValueError(f"{argument} must be a finite number of seconds, at least 0{bound}, not {seconds!r}")


def _check_count(argument: str, value: Any, maximum: int) -> None:
    """A ValueError or TypeError naming ``argument`` unless ``value`` is an integer from 1 to ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{argument} must be an integer, not {type(value).__name__} {value!r:.80}")
    if not 1 <= value <= maximum:
        raise ValueError(f"{argument} must be from 1 to {maximum}, not {value}")


def _check_text(argument: str, value: Any) -> None:
    if not isinstance(value, str) or not value:
        raise TypeError(f"{argument} must be a non-empty string, not {type(value).__name__} {value!r:.80}")


def _check_overrides(overrides: dict[str, Any]) -> None:
    for member in IDENTIFIER_MEMBERS:
        value = overrides.get(member, MISSING)
        if value is not MISSING and not isinstance(value, str):
            raise TypeError(
                f"override {member} must be a string (or MISSING), not {type(value).__name__} {value!r:.80}"
            )


class ExposedControlWarning(UserWarning):
    """The fake serves on an address other machines may reach: they can steer it too."""


class CleanRoomsMLFake:
    """An offline AWS Clean Rooms ML for tests: a moto backend and the means to steer it.

    The state lives in moto's backend for ``account_id`` and ``region``, so what a test
    seeds here is what every request sees, in-process (``mock()``) and over HTTP
    (``server()``, which runs in this process too). Fakes for the same account and
    Region share that state, lifecycle durations included (the fake used last sets
    them); ``reset()`` clears it. So does a moto reset: entering or leaving a plain
    ``mock_aws()``.

    Requests reach ``account_id`` when moto attributes them to it: moto's default
    account unless MOTO_ACCOUNT_ID or the access key says otherwise.

    API-created trained models move CREATE_PENDING -> CREATE_IN_PROGRESS -> ACTIVE,
    staying ``pending_seconds`` and ``in_progress_seconds`` in the first two statuses
    (cancel and delete-output move through their own three statuses the same way).
    Those seconds, and set_status's ``after``, pass on the fake's clock: the wall clock,
    plus what ``advance()`` adds.
    """

    MISSING = MISSING
    """Override value that leaves a member out of the description."""

    def __init__(
        self,
        region: str = "us-east-1",
        account_id: str = DEFAULT_ACCOUNT_ID,
        *,
        pending_seconds: float = 0.0,
        in_progress_seconds: float = 0.0,
    ):
        if region not in REGIONS:
            raise ValueError(f"Clean Rooms ML is not offered in {region!r}; use one of: {', '.join(REGIONS)}")
        ensure_registered()
        self.region = region
        self.account_id = account_id
        self.lifecycle_durations = LifecycleDurations(pending_seconds, in_progress_seconds)
        self._configured_backend()

    # -- serving --------------------------------------------------------------------

    @contextlib.contextmanager
    def mock(self) -> Iterator[CleanRoomsMLFake]:
        """Answer boto3 clients in this process, as ``moto.mock_aws()`` does.

        Unlike a plain ``mock_aws()``, moto's state is not reset on entry (what was
        seeded before stays) nor on exit (it can still be inspected afterwards), and
        the ``requests`` library is not intercepted.
        """
        with answering():
            self._configured_backend()  # before a request can create a model
            yield self

    @contextlib.contextmanager
    def server(self, host: str = "127.0.0.1", port: int = 0, log_requests: bool = False) -> Iterator[str]:
        """Serve over HTTP on a thread; yields the endpoint URL. Port 0 picks a free port.

        Only the Clean Rooms ML routes and this fake's control API (``/_fake/``, see
        control_api.py) are served (see http_server.py): not moto's control API nor its other
        services. A host other than a loopback address gets an ExposedControlWarning: whoever
        reaches it can steer the fake. werkzeug logs every request at INFO; that log is kept
        only with ``log_requests``.
        """
        _check_can_listen(host, port)
        # Imported here: Flask and Jinja2 come with it, which in-process tests never need.
        from .control_api import ControlAPI
        from .http_server import exposure_warning, serve_on_thread

        exposure = exposure_warning(host)
        if exposure:
            warnings.warn(ExposedControlWarning(exposure), stacklevel=3)  # the caller's with statement

        request_log = logging.getLogger("werkzeug")
        level = request_log.level
        if not log_requests:
            request_log.setLevel(logging.WARNING)
        try:
            self._configured_backend()  # before a request can create a model
            with serve_on_thread(host, port, ControlAPI(self)) as (bound_host, bound_port):
                yield f"http://{bound_host}:{bound_port}"
        finally:
            request_log.setLevel(level)

    @classmethod
    def connect(cls, endpoint_url: str) -> RemoteCleanRoomsMLFake:
        """A controller for the fake served at ``endpoint_url`` (``cleanroomsml-fake``, ``server()``), through
        its control API: the same methods as this class, raising the same exceptions.

        It needs no AWS credentials, and makes no request until a method is called.
        """
        from .remote_controller import RemoteCleanRoomsMLFake

        return RemoteCleanRoomsMLFake(endpoint_url)

    # -- seeding --------------------------------------------------------------------

    def add_trained_model(
        self,
        name: str,
        status: str = "ACTIVE",
        collaboration_identifier: str | None = None,
        **overrides: Any,
    ) -> dict[str, Any]:
        """Store a trained model; returns it as GetCollaborationTrainedModel describes it.

        Identifiers, ARNs, resource configuration and timestamps are generated; a new
        collaboration is made up when ``collaboration_identifier`` is None. Overrides
        (camelCase members) are stored as given, unvalidated: unknown enum values, new
        members, ``MISSING`` to leave a member out. Override collaborationIdentifier,
        membershipIdentifier, trainedModelArn or versionIdentifier with a string to
        choose where the model is found.
        """
        _check_text("name", name)
        _check_text("status", status)
        if collaboration_identifier is not None:
            _check_text("collaboration_identifier", collaboration_identifier)
        _check_overrides(overrides)
        version = self._configured_backend().add_trained_model(name, status, collaboration_identifier, overrides)
        return version.describe(COLLABORATION_DESCRIPTION_SHAPE)

    def add_version(self, trained_model_arn: str, status: str = "ACTIVE", **overrides: Any) -> dict[str, Any]:
        """Store a new version of a trained model, which becomes its latest version.

        It starts as a copy of the latest version, with a new versionIdentifier and
        timestamps; overrides work as in ``add_trained_model``.
        """
        _check_text("status", status)
        _check_overrides(overrides)
        with _unknown_model_as_lookup_error():
            version = self._configured_backend().add_version(trained_model_arn, status, overrides)
        return version.describe(COLLABORATION_DESCRIPTION_SHAPE)

    def set_status(
        self,
        trained_model_arn: str,
        status: str,
        message: str | None = None,
        status_code: str | None = None,
        version_identifier: str | None = None,
        after: float = 0.0,
        after_polls: int | None = None,
    ) -> None:
        """Change the status of a version (default: the latest).

        With ``after`` seconds, the change comes that long after the first request that
        reads the version (an answer that describes it: a get or a listing), or after
        now if it was read before; 0 (the default) changes it now. With ``after_polls``
        N instead, the N-th read from now is the first to see it.

        ``message`` and ``status_code`` fill statusDetails; when both are None, a failed
        status gets the default details and any other none. The change brings the members
        that go with the status (status_defaults.py), except those the model's overrides
        set. It supersedes the lifecycle steps still pending for that version; several
        calls script a sequence.
        """
        _check_text("status", status)
        _check_seconds("after", after, MAX_CLOCK_SECONDS)
        if after_polls is not None:
            _check_count("after_polls", after_polls, MAX_AFTER_POLLS)
            if after:
                raise ValueError(f"give after or after_polls, not both (after={after!r}, after_polls={after_polls!r})")
        for argument, value in (("message", message), ("status_code", status_code)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{argument} must be a string or None, not {type(value).__name__}")
        details = {
            member: value for member, value in (("statusCode", status_code), ("message", message)) if value is not None
        }
        with _unknown_model_as_lookup_error():
            version = self._configured_backend().find_version(trained_model_arn, version_identifier)
        version.set_status(status, details or None, after, after_polls)

    def trained_models(self, collaboration_identifier: str | None = None) -> list[dict[str, Any]]:
        """The latest version of each trained model held (in ``collaboration_identifier`` only, when given),
        as GetCollaborationTrainedModel describes it, oldest model first."""
        return [
            model.latest_version.describe(COLLABORATION_DESCRIPTION_SHAPE)
            for model in list(self._configured_backend().trained_models.values())
            if collaboration_identifier is None or model.collaboration_identifier == collaboration_identifier
        ]

    # -- the clock ------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move the fake's clock ``seconds`` forward: changes due by then happen, with timestamps that late.

        The clock is shared by every fake in the process (and so by every account and Region).
        """
        _check_seconds("seconds", seconds, MAX_CLOCK_SECONDS - CLOCK.advanced)
        CLOCK.advance(seconds)

    def clock(self) -> float:
        """Seconds the fake's clock was advanced in total (since the last ``reset_every_region()``)."""
        return CLOCK.advanced

    # -- scripting the transport ----------------------------------------------------

    def fail_next(
        self,
        operation: str,
        error_code: str,
        times: int = 1,
        message: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``operation`` with ``error_code``.

        ``operation`` is an API name such as "GetCollaborationTrainedModel".
        """
        operations = served_operations()
        if operation not in operations:
            raise ValueError(f"Unknown operation {operation!r}; the fake serves: {', '.join(operations)}")
        if error_code not in ERRORS_BY_CODE:
            raise ValueError(f"Unknown error code {error_code!r}; use one of: {', '.join(ERRORS_BY_CODE)}")
        if isinstance(times, bool) or not isinstance(times, int):
            raise TypeError(f"times must be an integer, not {type(times).__name__} {times!r:.80}")
        if not 1 <= times <= MAX_FAIL_TIMES:
            raise ValueError(f"times must be from 1 to {MAX_FAIL_TIMES}, not {times}")
        if message is not None and not isinstance(message, str):
            raise TypeError(f"message must be a string or None, not {type(message).__name__}")
        self._configured_backend().request_hooks.fail_next(operation, error_code, times, message)

    def unused_failures(self) -> list[UnusedFailure]:
        """The failures ``fail_next`` queued that no request has met yet: (operation, error_code, times) each.

        The pytest fixture ``cleanroomsml_fake`` fails a test that leaves any.
        """
        return self._configured_backend().request_hooks.unused_failures()

    @property
    def latency(self) -> float:
        """Seconds every request waits before it is answered."""
        return self._configured_backend().request_hooks.latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        _check_seconds("latency", seconds, MAX_LATENCY_SECONDS)
        self._configured_backend().request_hooks.latency = seconds

    @property
    def calls(self) -> list[tuple[str, dict[str, Any]]]:
        """(operation name, camelCase parameters) of every request received, in order."""
        return self._configured_backend().request_hooks.calls

    def reset(self) -> None:
        """Drop trained models, queued failures, recorded calls and latency."""
        self._configured_backend().reset()  # moto's: re-initialises the backend in place
        self._configured_backend()  # ...which forgot this fake's lifecycle durations

    def reset_every_region(self) -> None:
        """``reset()`` in every Region and account of the backend that holds state, not only this fake's,
        and the clock back to the wall clock (nothing it timed is left).

        A test may reach other Regions (a client or a fake for eu-west-2): their models
        would otherwise outlive it.
        """
        for account_backends in list(cleanroomsml_backends.values()):
            account_backends.reset()
        CLOCK.rewind()
        # moto's BaseModel lists every instance for its dashboard, and only moto's own reset empties the
        # lists: without this, every model of a long pytest session stayed in memory (docs/performance.md).
        for model_class in (TrainedModel, TrainedModelVersion):
            model_class.instances_tracked.clear()  # type: ignore[union-attr]  # set by moto's metaclass
        self._configured_backend()

    # -- helpers --------------------------------------------------------------------

    def _configured_backend(self) -> CleanRoomsMLBackend:
        """This fake's backend, given this fake's lifecycle durations.

        Looked up every time: a moto reset replaces the backend object.
        """
        backend = cleanroomsml_backends[self.account_id][self.region]
        backend.lifecycle_durations = self.lifecycle_durations
        return backend


def _check_can_listen(host: str, port: int) -> None:
    """Raise OSError now if the port is taken.

    The server's own error would name werkzeug's internals rather than the address.
    """
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As werkzeug's server does, so that a port in TIME_WAIT is not refused here.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise OSError(error.errno, f"cannot listen on {host}:{port}: {error.strerror}") from None


@contextlib.contextmanager
def _unknown_model_as_lookup_error() -> Iterator[None]:
    """For a test, an unknown model is a LookupError, not an HTTP error."""
    try:
        yield
    except ResourceNotFoundException as error:
        raise LookupError(error.message) from None
