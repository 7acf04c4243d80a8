"""Answers of the wrong shape, with validate_response warn or off (strict refuses them anyway): each is either
returned or a one-line "unreadable response" failure naming the member, never a Python error."""

import copy
import json

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION
from pytest_cleanroomsml.fake import CleanRoomsMLFake

from .scripted_endpoint import ScriptedEndpoint, json_reply

# Each case: (name, module options, the endpoint's replies, the outcome: "returned", or the member that an
# "unreadable response" failure names). The option get=True (or wait) asks for one model instead of the list.


def nested(depth):
    value = "bottom"
    for _level in range(depth):
        value = {"deeper": value}
    return value


@pytest.fixture(scope="module")
def model():
    """A well-formed GetCollaborationTrainedModel answer, as the fake describes one."""
    fake = CleanRoomsMLFake()
    described = fake.add_trained_model("churn", collaboration_identifier=COLLABORATION)
    fake.reset()
    return json.loads(json.dumps(described, default=lambda value: value.isoformat()))


def summary_of(model, **changes):
    summary = {
        member: model[member]
        for member in (
            "trainedModelArn",
            "name",
            "membershipIdentifier",
            "collaborationIdentifier",
            "status",
            "configuredModelAlgorithmAssociationArn",
            "creatorAccountId",
            "createTime",
            "updateTime",
        )
    }
    summary.update(changes)
    return {member: value for member, value in summary.items() if value is not None}


def changed(model, **changes):
    answer = copy.deepcopy(model)
    answer.update(changes)
    return {member: value for member, value in answer.items() if value is not None}


def cases(model):
    listing = {"collaborationTrainedModels": [summary_of(model), summary_of(model, createTime=None, name="undated")]}
    return [
        ("summary without createTime", {}, [json_reply(200, listing)], "returned"),
        ("list answered {}", {}, [json_reply(200, {})], "collaborationTrainedModels"),
        # botocore's parser fails on these before the plugins see them: its message names no member.
        (
            "list of non-objects",
            {},
            [json_reply(200, {"collaborationTrainedModels": ["churn", 5]})],
            "unreadable response",
        ),
        (
            "details of a summary without an ARN",
            {"details": True},
            [json_reply(200, {"collaborationTrainedModels": [summary_of(model, trainedModelArn=None)]})],
            "trainedModelArn",
        ),
        (
            "wait on a status that is a list",
            {"wait": True},
            [json_reply(200, changed(model, status=["ACTIVE"]))],
            "status",
        ),
        (
            "wait on a status that is an object",
            {"wait": True},
            [json_reply(200, changed(model, status={"is": "ACTIVE"}))],
            "status",
        ),
        (
            "statusDetails with non-string members",
            {"wait": True},
            [
                json_reply(
                    200, changed(model, status="CREATE_FAILED", statusDetails={"statusCode": 5, "message": ["x"]})
                )
            ],
            "statusDetails.statusCode",
        ),
        (
            "a member nested 500 deep",
            {"get": True},
            [json_reply(200, changed(model, description=nested(500)))],
            "returned or description",
        ),
        (
            "a nested member nested 500 deep",
            {"get": True},
            [json_reply(200, changed(model, statusDetails={"message": nested(500)}))],
            "returned or statusDetails",
        ),
    ]


CASE_NAMES = [
    "summary without createTime",
    "list answered {}",
    "list of non-objects",
    "details of a summary without an ARN",
    "wait on a status that is a list",
    "wait on a status that is an object",
    "statusDetails with non-string members",
    "a member nested 500 deep",
    "a nested member nested 500 deep",
]


@pytest.mark.fault
@pytest.mark.parametrize("validate_response", ["warn", "off"])
@pytest.mark.parametrize("name", CASE_NAMES)
def test_malformed_answer_is_returned_or_refused_in_one_line(run_module, quick_backoff, model, name, validate_response):
    [(options, replies, outcome)] = [case[1:] for case in cases(model) if case[0] == name]
    options = dict(options)
    get = options.pop("get", False) or options.get("wait")
    arguments = dict(collaboration_identifier=COLLABORATION, validate_response=validate_response, **options)
    if get:
        arguments.update(trained_model_arn=model["trainedModelArn"], wait_timeout=1, wait_delay=1)

    with ScriptedEndpoint(*replies) as endpoint:
        result = run_module(main, dict(arguments, endpoint_url=endpoint.url))

    shown = json.dumps(result)
    for python_error in (
        "Traceback",
        "KeyError",
        "TypeError",
        "unhashable",
        "recursion",
        "not supported between",
        "sequence item",
    ):
        assert python_error not in shown, shown[:2000]
    if outcome == "returned":
        assert not result.get("failed"), result.get("msg")
    elif outcome.startswith("returned or "):
        member = outcome[len("returned or ") :]
        assert not result.get("failed") or ("unreadable response" in result["msg"] and member in result["msg"]), (
            result.get("msg")
        )
    else:
        assert result["failed"], result
        assert "unreadable response" in result["msg"] and outcome in result["msg"] and "\n" not in result["msg"], (
            result["msg"]
        )
