"""Faults between the plugins and AWS, each with its expected outcome: success after retries where AWS
would recover, otherwise a one-line failure naming the error, always within seconds.

The fake (over HTTP) makes the faults AWS answers with: error codes (fail_next), latency, odd
members. A scripted raw endpoint makes those of the wire: resets, silence, broken bodies.
"""

import collections
import contextlib
import time
from typing import ClassVar

import pytest
from ansible.errors import AnsibleLookupError
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION
from helpers.module_runs import warning_messages
from pytest_cleanroomsml.fake import MISSING

from .scripted_endpoint import HttpReply, Reset, ScriptedEndpoint, Silence, SlowDrip, json_reply, unused_port

GET = "GetCollaborationTrainedModel"

# botocore's own timeouts and retries for the module, set as a playbook would: with aws_config.
AWS_CONFIG = {"connect_timeout": 1, "read_timeout": 1, "retries": {"mode": "standard", "total_max_attempts": 2}}
# The lookup has no aws_config option: it takes botocore's retry settings from the controller's environment.
RETRY_ENVIRONMENT = {"AWS_RETRY_MODE": "standard", "AWS_MAX_ATTEMPTS": "2"}
# Requests one call may make: botocore's 2 attempts in each of AWSRetry's 3 (see quick_backoff).
MOST_REQUESTS = 2 * 3
# Every fault ends well within this; a silent endpoint holds a connection for 30 s.
FAULT_SECONDS = 8

Endpoint = collections.namedtuple("Endpoint", "url requests")
Outcome = collections.namedtuple("Outcome", "failed message facts warnings")


class FakeFault:
    """A fault the fake makes: GetCollaborationTrainedModel errors (fail_next), latency, or members of the model."""

    def __init__(self, error_code=None, times=1, latency=0.0, **members):
        self.error_code = error_code
        self.times = times
        self.latency = latency
        self.members = members

    @contextlib.contextmanager
    def serve(self, fake, fake_url, model):
        if self.error_code:
            fake.fail_next(GET, self.error_code, self.times)
        fake.latency = self.latency
        yield Endpoint(fake_url, lambda: len(fake.calls))


# In a script, stands for a 200 answer with the model the fake holds.
THE_MODEL = object()


class WireFault:
    """A fault on the wire: a scripted endpoint answers each connection in turn (the last reply repeats)."""

    members: ClassVar[dict] = {}  # the fault needs no change to the model

    def __init__(self, *replies):
        self.replies = replies

    @contextlib.contextmanager
    def serve(self, fake, fake_url, model):
        replies = [json_reply(200, model) if reply is THE_MODEL else reply for reply in self.replies]
        with ScriptedEndpoint(*replies) as endpoint:
            yield Endpoint(endpoint.url, lambda: endpoint.connections)


class Refused:
    """Nothing listens at the endpoint."""

    members: ClassVar[dict] = {}  # the fault needs no change to the model

    @contextlib.contextmanager
    def serve(self, fake, fake_url, model):
        yield Endpoint(f"http://127.0.0.1:{unused_port()}", lambda: 0)


class Succeeds:
    """The call returns the model, with this status, after this many requests; a warning containing ``warns``, or
    none.
    """

    def __init__(self, requests, status="ACTIVE", warns=None):
        self.requests = requests
        self.status = status
        self.warns = warns

    def check(self, outcome, requests):
        assert not outcome.failed, outcome.message
        assert (outcome.facts["name"], outcome.facts["status"]) == ("churn", self.status)
        assert requests == self.requests
        if self.warns:
            assert any(self.warns in warning for warning in outcome.warnings), outcome.warnings
        else:
            assert outcome.warnings == []


class Fails:
    """The call fails after this many requests, with a one-line message that ``says`` this."""

    def __init__(self, requests, says):
        self.requests = requests
        self.says = says

    def check(self, outcome, requests):
        assert outcome.failed
        assert self.says in outcome.message and "\n" not in outcome.message, outcome.message
        assert requests == self.requests


BOTH = ("module", "lookup")
# The lookup cannot wait, and has no aws_config: no read timeout shorter than botocore's 60 s.
MODULE_ONLY = ("module",)
HTML_PAGE = {"Content-Type": "text/html"}

Fault = collections.namedtuple("Fault", "name injection options expected plugins")
FAULTS = [
    Fault("throttled once", FakeFault("ThrottlingException"), {}, Succeeds(2), BOTH),
    Fault("throttled 3 times", FakeFault("ThrottlingException", times=3), {}, Succeeds(4), BOTH),
    Fault(
        "throttled as often as retries allow",
        FakeFault("ThrottlingException", times=MOST_REQUESTS - 1),
        {},
        Succeeds(MOST_REQUESTS),
        BOTH,
    ),
    # "Without end" for the plugins: a failure for every request their retries make, so that none is left
    # unused (the cleanroomsml_fake fixture fails a test that leaves some).
    Fault(
        "throttled without end",
        FakeFault("ThrottlingException", times=MOST_REQUESTS),
        {},
        Fails(MOST_REQUESTS, "ThrottlingException"),
        BOTH,
    ),
    Fault("500 twice", FakeFault("InternalServerException", times=2), {}, Succeeds(3), BOTH),
    Fault("500 InternalServiceException twice", FakeFault("InternalServiceException", times=2), {}, Succeeds(3), BOTH),
    Fault("503 twice", FakeFault("ServiceUnavailable", times=2), {}, Succeeds(3), BOTH),
    Fault(
        "503 without end",
        FakeFault("ServiceUnavailable", times=MOST_REQUESTS),
        {},
        Fails(MOST_REQUESTS, "ServiceUnavailable"),
        BOTH,
    ),
    Fault("access denied", FakeFault("AccessDeniedException"), {}, Fails(1, "AccessDeniedException"), BOTH),
    Fault("not found", FakeFault("ResourceNotFoundException"), {}, Fails(1, "ResourceNotFoundException"), BOTH),
    Fault("refused as invalid", FakeFault("ValidationException"), {}, Fails(1, "ValidationException"), BOTH),
    Fault("latency under the read timeout", FakeFault(latency=0.3), {}, Succeeds(1), BOTH),
    Fault("latency over the read timeout", FakeFault(latency=3), {}, Fails(2, "Read timeout"), MODULE_ONLY),
    Fault("connection reset once", WireFault(Reset(), THE_MODEL), {}, Succeeds(2), BOTH),
    Fault("connection reset every time", WireFault(Reset()), {}, Fails(2, "Connection was closed"), BOTH),
    Fault("connection refused", Refused(), {}, Fails(0, "Could not connect to the endpoint URL"), BOTH),
    Fault("no answer (read timeout)", WireFault(Silence()), {}, Fails(2, "Read timeout"), MODULE_ONLY),
    # Each read gets a byte within the read timeout; the answer as a whole must still end by its deadline.
    Fault("an answer that drips without end", WireFault(SlowDrip()), {}, Fails(2, "Read timeout"), MODULE_ONLY),
    Fault(
        "an answer that drips without end, waiting",
        WireFault(SlowDrip()),
        {"wait": True, "wait_timeout": 2},
        Fails(2, "Read timeout"),
        MODULE_ONLY,
    ),
    Fault(
        "a proxy's 502 page once",
        WireFault(HttpReply(502, "<html>Bad Gateway</html>", HTML_PAGE), THE_MODEL),
        {},
        Succeeds(2),
        BOTH,
    ),
    Fault(
        "a proxy's 503 page every time",
        WireFault(HttpReply(503, "<html>Unavailable</html>", HTML_PAGE)),
        {},
        Fails(2, "503"),
        BOTH,
    ),
    Fault(
        "truncated JSON body",
        WireFault(json_reply(200, '{"name": "churn", "status": "ACT')),
        {},
        Fails(1, "unreadable response"),
        BOTH,
    ),
    Fault(
        "body cut short of its Content-Length",
        WireFault(HttpReply(200, '{"name": "churn"', declared_length=4096)),
        {},
        Fails(1, "unreadable response"),
        BOTH,
    ),
    Fault("JSON body that is not an object", WireFault(json_reply(200, [])), {}, Fails(1, "unreadable response"), BOTH),
    Fault(
        "timestamp that is not a date",
        WireFault(json_reply(200, {"name": "churn", "createTime": "yesterday"})),
        {},
        Fails(1, "unreadable response"),
        BOTH,
    ),
    # Members that break the schema: validate_response decides.
    Fault(
        "missing creatorAccountId, strict",
        FakeFault(creatorAccountId=MISSING),
        {"validate_response": "strict"},
        Fails(1, "'creatorAccountId' is a required property"),
        BOTH,
    ),
    Fault(
        "missing creatorAccountId, warn",
        FakeFault(creatorAccountId=MISSING),
        {"validate_response": "warn"},
        Succeeds(1, warns="creatorAccountId"),
        BOTH,
    ),
    Fault(
        "missing creatorAccountId, off",
        FakeFault(creatorAccountId=MISSING),
        {"validate_response": "off"},
        Succeeds(1),
        BOTH,
    ),
    Fault(
        "unknown status, strict",
        FakeFault(status="RETRAINING"),
        {"validate_response": "strict"},
        Fails(1, "'RETRAINING' is not one of"),
        BOTH,
    ),
    Fault(
        "unknown status, warn",
        FakeFault(status="RETRAINING"),
        {"validate_response": "warn"},
        Succeeds(1, "RETRAINING", warns="RETRAINING"),
        BOTH,
    ),
    Fault(
        "unknown status, off",
        FakeFault(status="RETRAINING"),
        {"validate_response": "off"},
        Succeeds(1, "RETRAINING"),
        BOTH,
    ),
    # Waiting assumes an unknown status may still become ACTIVE, so it waits until its timeout.
    Fault(
        "unknown status while waiting",
        FakeFault(status="RETRAINING"),
        {"wait": True, "wait_timeout": 1, "wait_delay": 1, "validate_response": "off"},
        Fails(2, "is still RETRAINING after waiting 1"),
        MODULE_ONLY,
    ),
]


@pytest.fixture
def run_plugin(run_module, run_lookup, lookup_warnings):
    """run_plugin(plugin, endpoint_url, model, options) -> Outcome of the module or the lookup describing the model."""

    def run(plugin, endpoint_url, model, options):
        if plugin == "module":
            arguments = {
                "trained_model_arn": model["trainedModelArn"],
                "collaboration_identifier": model["collaborationIdentifier"],
            }
            result = run_module(main, dict(arguments, endpoint_url=endpoint_url, aws_config=AWS_CONFIG, **options))
            return Outcome(
                result.get("failed", False),
                result.get("msg", ""),
                result.get("trained_model"),
                warning_messages(result),
            )
        try:
            (facts,) = run_lookup(model["trainedModelArn"], endpoint_url=endpoint_url, **options)
        except AnsibleLookupError as error:
            return Outcome(True, str(error), None, list(lookup_warnings))
        return Outcome(False, "", facts, list(lookup_warnings))

    return run


@pytest.mark.fault
@pytest.mark.parametrize(
    "fault, plugin",
    [pytest.param(fault, plugin, id=f"{plugin}: {fault.name}") for fault in FAULTS for plugin in fault.plugins],
)
def test_fault_is_handled_as_specified(
    cleanroomsml_fake, cleanroomsml_server, run_plugin, quick_backoff, monkeypatch, fault, plugin
):
    for name, value in RETRY_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    model = cleanroomsml_fake.add_trained_model(
        "churn", collaboration_identifier=COLLABORATION, **fault.injection.members
    )

    with fault.injection.serve(cleanroomsml_fake, cleanroomsml_server, model) as endpoint:
        started = time.monotonic()
        outcome = run_plugin(plugin, endpoint.url, model, fault.options)
        seconds = time.monotonic() - started
        fault.expected.check(outcome, endpoint.requests())

    assert seconds < FAULT_SECONDS
