"""The Jinja tests and the filter: every form of model a playbook holds, their answers, and their errors.

They share their checks with the pytest plugin's assertions; the last tests hold them to the
same schema violations and the same refusals, word for word.
"""

import copy
import datetime
import json

import pytest
from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible_collections.cleanrooms.ml.plugins.filter.trained_model_violations import FilterModule
from ansible_collections.cleanrooms.ml.plugins.test.trained_model_active import TestModule as ActiveTest
from ansible_collections.cleanrooms.ml.plugins.test.trained_model_logs_published import TestModule as LogsTest
from ansible_collections.cleanrooms.ml.plugins.test.trained_model_metrics_published import TestModule as MetricsTest
from ansible_collections.cleanrooms.ml.plugins.test.trained_model_status import TestModule as StatusTest
from ansible_collections.cleanrooms.ml.plugins.test.valid_trained_model import TestModule as ValidTest
from pytest_cleanroomsml import assert_model_status, assert_valid_trained_model

MEMBERSHIP = "11111111-2222-4333-8444-555555555555"
ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
ASSOCIATION_ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/configured-model-algorithm-association/bbbbbbbb-cccc-4ddd-8eee-ffffffffffff"
)
CREATED = datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.timezone.utc)
SUMMARY_MEMBERS = (
    "createTime",
    "updateTime",
    "trainedModelArn",
    "name",
    "versionIdentifier",
    "membershipIdentifier",
    "collaborationIdentifier",
    "status",
    "configuredModelAlgorithmAssociationArn",
    "creatorAccountId",
)
NOT_A_MODEL = (
    "expected a trained model (a get_collaboration_trained_model response, a member of "
    "list_collaboration_trained_models' collaborationTrainedModels, or the snake_case trained model "
    "of the cleanrooms.ml module or lookup), got "
)

# Ansible's names for the plugins, as a playbook writes them, to the functions the files export.
TESTS = {
    name: test
    for module in (ActiveTest, LogsTest, MetricsTest, StatusTest, ValidTest)
    for name, test in module().tests().items()
}
FILTERS = FilterModule().filters()


def boto3_response(**changes):
    """What boto3's get_collaboration_trained_model returns for an ACTIVE model: datetimes, ResponseMetadata."""
    response = {
        "membershipIdentifier": MEMBERSHIP,
        "collaborationIdentifier": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "trainedModelArn": ARN,
        "versionIdentifier": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
        "name": "churn",
        "status": "ACTIVE",
        "configuredModelAlgorithmAssociationArn": ASSOCIATION_ARN,
        "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 50},
        "trainingInputMode": "File",
        "stoppingCondition": {"maxRuntimeInSeconds": 3600},
        "metricsStatus": "PUBLISH_SUCCEEDED",
        "logsStatus": "PUBLISH_SUCCEEDED",
        "createTime": CREATED,
        "updateTime": CREATED,
        "creatorAccountId": "111122223333",
        "ResponseMetadata": {"HTTPStatusCode": 200},
    }
    response.update(copy.deepcopy(changes))
    return {member: value for member, value in response.items() if value is not None}


def cli_response(**changes):
    """The same model as `aws cleanrooms-ml get-collaboration-trained-model` prints it (JSON, no metadata)."""
    response = boto3_response(**changes)
    del response["ResponseMetadata"]
    return json.loads(json.dumps(response, default=lambda value: value.isoformat()))


def module_facts(**changes):
    """The module's (and the lookup's) trained_model: ansible's own snake_case conversion of the CLI form."""
    return camel_dict_to_snake_dict(cli_response(**changes))


def summary(**changes):
    return {member: value for member, value in cli_response(**changes).items() if member in SUMMARY_MEMBERS}


def module_summary(**changes):
    """An item of the module's trained_models in list mode."""
    return camel_dict_to_snake_dict(summary(**changes))


FORMS = [boto3_response, cli_response, module_facts, summary, module_summary]
FORM_IDS = ["boto3", "AWS CLI", "module or lookup", "list summary", "module list item"]


def test_the_plugin_files_export_each_name_the_docs_use():
    assert sorted(TESTS) == [
        "trained_model_active",
        "trained_model_logs_published",
        "trained_model_metrics_published",
        "trained_model_status",
        "valid_trained_model",
    ]
    assert list(FILTERS) == ["trained_model_violations"]


@pytest.mark.parametrize("form", FORMS, ids=FORM_IDS)
def test_every_form_of_an_active_valid_model_passes(form):
    model = form()
    assert TESTS["trained_model_active"](model) is True
    assert TESTS["trained_model_status"](model, "CREATE_FAILED", "ACTIVE") is True
    assert TESTS["valid_trained_model"](model) is True
    assert FILTERS["trained_model_violations"](model) == []


@pytest.mark.parametrize("form", FORMS, ids=FORM_IDS)
def test_every_form_of_a_failed_model_fails_the_status_tests(form):
    model = form(status="CREATE_FAILED", statusDetails={"statusCode": "InternalError", "message": "exited"})
    assert TESTS["trained_model_active"](model) is False
    assert TESTS["trained_model_status"](model, "ACTIVE", "CREATE_IN_PROGRESS") is False
    assert TESTS["trained_model_status"](model, "CREATE_FAILED") is True


@pytest.mark.parametrize("form", [boto3_response, cli_response, module_facts], ids=FORM_IDS[:3])
@pytest.mark.parametrize(
    "test_name, member",
    [("trained_model_metrics_published", "metricsStatus"), ("trained_model_logs_published", "logsStatus")],
)
def test_publication_tests_need_publish_succeeded(form, test_name, member):
    assert TESTS[test_name](form()) is True
    assert TESTS[test_name](form(**{member: "PUBLISH_FAILED"})) is False
    assert TESTS[test_name](form(**{member: None})) is False


def test_a_model_without_a_status_is_not_active():
    assert TESTS["trained_model_active"]({"trained_model_arn": ARN}) is False


@pytest.mark.parametrize("form", [boto3_response, cli_response, module_facts], ids=FORM_IDS[:3])
def test_the_filter_lists_every_violation_by_camel_case_path(form):
    model = form(
        creatorAccountId=None,
        resourceConfig={"instanceCount": 0, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 10},
        trainingInputMode="Stream",
    )

    assert FILTERS["trained_model_violations"](model) == [
        {"path": "$", "message": "'creatorAccountId' is a required property"},
        {"path": "$.resourceConfig.instanceCount", "message": "0 is less than the minimum of 1"},
        {"path": "$.trainingInputMode", "message": "'Stream' is not one of ['File', 'FastFile', 'Pipe']"},
    ]
    assert TESTS["valid_trained_model"](model) is False


@pytest.mark.parametrize("form", [summary, module_summary], ids=FORM_IDS[3:])
def test_a_list_summary_is_checked_against_the_summary_definition(form):
    # The summary definition names no member the summary lacks beyond these two.
    assert FILTERS["trained_model_violations"](form(name=None, createTime="yesterday")) == [
        {"path": "$", "message": "'name' is a required property"},
        {"path": "$.createTime", "message": "'yesterday' is not a 'date-time'"},
    ]


@pytest.mark.parametrize("form", [boto3_response, module_facts, summary], ids=["boto3", "module", "list summary"])
def test_the_filter_words_each_violation_as_the_pytest_assertion_lists_it(form):
    model = form(creatorAccountId=None, createTime="yesterday", status="active")
    with pytest.raises(AssertionError) as failure:
        assert_valid_trained_model(model)

    listed = [
        "  {}: {}".format(violation["path"], violation["message"])
        for violation in FILTERS["trained_model_violations"](model)
    ]
    assert len(listed) == 3
    assert str(failure.value).splitlines()[1:] == listed


ALL_PLUGINS = sorted(TESTS.items()) + sorted(FILTERS.items())


@pytest.mark.parametrize("name, plugin", ALL_PLUGINS, ids=[name for name, plugin in ALL_PLUGINS])
@pytest.mark.parametrize(
    "value, received",
    [
        (None, "NoneType"),
        (ARN, "str"),
        # Templating hands plugins subclasses of the built-in types; messages name the built-in one.
        (type("_TaggedStr", (str,), {})(ARN), "str"),
        ([module_facts()], "list"),
        ({}, "an empty mapping"),
        ({"trained_model_arn_typo": ARN}, "a mapping with keys 'trained_model_arn_typo'"),
        (
            {f"host{number:02d}": {} for number in range(25)},
            "a mapping with keys {}, ... (25 keys)".format(", ".join(f"'host{number:02d}'" for number in range(20))),
        ),
    ],
    ids=["None", "ARN", "tagged ARN", "list", "empty", "unknown keys", "many keys"],
)
def test_anything_but_a_model_fails_saying_what_is_accepted(name, plugin, value, received):
    args = ("ACTIVE",) if name == "trained_model_status" else ()
    with pytest.raises(AnsibleFilterError) as error:
        plugin(value, *args)
    assert error.value.message == NOT_A_MODEL + received


@pytest.mark.parametrize("name, plugin", ALL_PLUGINS, ids=[name for name, plugin in ALL_PLUGINS])
@pytest.mark.parametrize("member", ["trained_model", "trained_models"])
def test_a_whole_registered_result_fails_naming_the_member_to_pass(name, plugin, member):
    result = {"changed": False, "failed": False, member: module_facts()}
    args = ("ACTIVE",) if name == "trained_model_status" else ()
    with pytest.raises(AnsibleFilterError) as error:
        plugin(result, *args)
    assert error.value.message == (
        NOT_A_MODEL + f"a mapping with keys 'changed', 'failed', {member!r}; this looks like a whole registered result "
        "of the cleanrooms.ml module: pass its .trained_model, or an item of its .trained_models"
    )


@pytest.mark.parametrize(
    "statuses, shown",
    [
        ((), "no status"),
        ((["ACTIVE", "CREATE_FAILED"],), "(['ACTIVE', 'CREATE_FAILED'],)"),
        (("ACTIVE", 1), "('ACTIVE', 1)"),
    ],
    ids=["none", "a list", "not a string"],
)
def test_trained_model_status_takes_statuses_as_separate_strings(statuses, shown):
    with pytest.raises(AnsibleFilterError) as error:
        TESTS["trained_model_status"](module_facts(), *statuses)
    assert error.value.message == (
        "cleanrooms.ml.trained_model_status takes one or more statuses as separate strings, "
        f"e.g. model is cleanrooms.ml.trained_model_status('ACTIVE', 'CREATE_FAILED'); got {shown}"
    )


def test_a_status_typo_fails_with_the_status_it_resembles():
    with pytest.raises(AnsibleFilterError) as error:
        TESTS["trained_model_status"](module_facts(), "ACTIVE", "active", "CREATE FAILED")
    assert error.value.message == (
        "cleanrooms.ml.trained_model_status takes statuses such as 'ACTIVE'; got 'active', 'CREATE FAILED': "
        "'active' is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE'); did you mean "
        "'ACTIVE'?; "
        "'CREATE FAILED' is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE')"
    )


def test_a_status_aws_may_add_later_is_taken():
    assert TESTS["trained_model_status"](module_facts(status="ARCHIVED"), "ARCHIVED") is True


@pytest.mark.parametrize("statuses", [(), ("active",)], ids=["none", "typo"])
def test_trained_model_status_refuses_what_assert_model_status_refuses(statuses):
    """The same rule on both sides: the Jinja test's message is the assertion's, named for Jinja."""
    with pytest.raises((TypeError, ValueError)) as refused:
        assert_model_status(module_facts(), *statuses)
    with pytest.raises(AnsibleFilterError) as error:
        TESTS["trained_model_status"](module_facts(), *statuses)

    pytest_words = str(refused.value).replace(
        "assert_model_status(model, ", "model is cleanrooms.ml.trained_model_status("
    )
    assert error.value.message == pytest_words.replace("assert_model_status()", "cleanrooms.ml.trained_model_status")
