"""The assertions: what they accept, when they pass, and their exact failure messages."""

import pytest
from plugin_models import ARN, VERSION, active_get_response, get_response, snake_case_facts, summary
from pytest_cleanroomsml import (
    assert_logs_published,
    assert_metrics_published,
    assert_model_active,
    assert_model_status,
    assert_valid_trained_model,
)

pytest_plugins = ["pytester"]

LABEL = f"trained model 'churn' ('{ARN}', version '{VERSION}')"
NOT_ACTIVE = f"{LABEL} is CREATE_FAILED, expected ACTIVE: InternalError: training container exited with code 1"
METRICS_NOT_PUBLISHED = (
    f"{LABEL} has metricsStatus PUBLISH_FAILED, expected PUBLISH_SUCCEEDED: "
    "metricsStatusDetails: no metrics definitions matched the training log"
)
LOGS_NOT_PUBLISHED = (
    f"{LABEL} has logsStatus PUBLISH_FAILED, expected PUBLISH_SUCCEEDED: logsStatusDetails: log group not found"
)
ASSERTIONS = [assert_model_active, assert_metrics_published, assert_logs_published, assert_valid_trained_model]


def failure_message(assertion, *args):
    with pytest.raises(AssertionError) as failure:
        assertion(*args)
    return str(failure.value)


@pytest.mark.parametrize(
    "model",
    [
        active_get_response(),
        active_get_response(ResponseMetadata=None),
        summary(status="ACTIVE"),
        snake_case_facts(status="ACTIVE"),
    ],
    ids=["boto3 response", "without ResponseMetadata", "list summary", "snake_case facts"],
)
def test_an_active_model_passes_assert_model_active(model):
    assert_model_active(model)


@pytest.mark.parametrize(
    "model, message",
    [
        (get_response(), NOT_ACTIVE),
        (snake_case_facts(), NOT_ACTIVE),
        (summary(), f"{LABEL} is CREATE_FAILED, expected ACTIVE"),
        (
            get_response(versionIdentifier=None),
            f"trained model 'churn' ('{ARN}') is CREATE_FAILED, expected ACTIVE: InternalError: training container "
            "exited with code 1",
        ),
        (
            get_response(statusDetails={"message": "stopped by the member"}),
            f"{LABEL} is CREATE_FAILED, expected ACTIVE: stopped by the member",
        ),
        ({"trainedModelArn": ARN}, f"trained model ('{ARN}') has no status, expected ACTIVE"),
    ],
    ids=["boto3 response", "snake_case facts", "list summary", "without version", "message only", "without status"],
)
def test_assert_model_active_names_the_model_its_status_and_details(model, message):
    assert failure_message(assert_model_active, model) == message


def test_assert_model_status_passes_on_any_listed_status():
    assert_model_status(get_response(), "ACTIVE", "CREATE_FAILED")


def test_assert_model_status_lists_the_expected_statuses():
    message = failure_message(assert_model_status, get_response(), "ACTIVE", "CREATE_IN_PROGRESS")

    assert message == (
        f"{LABEL} is CREATE_FAILED, expected one of ACTIVE, CREATE_IN_PROGRESS: "
        "InternalError: training container exited with code 1"
    )


@pytest.mark.parametrize("statuses", [(), (["ACTIVE", "CREATE_FAILED"],)], ids=["none", "a list"])
def test_assert_model_status_takes_statuses_as_separate_strings(statuses):
    with pytest.raises(TypeError, match="takes one or more statuses as separate strings"):
        assert_model_status(get_response(), *statuses)


def test_assert_model_status_refuses_a_status_typo_with_the_status_it_resembles():
    with pytest.raises(ValueError) as error:
        assert_model_status(get_response(), "CREATE_FAILED", "active")

    assert str(error.value) == (
        "assert_model_status() takes statuses such as 'ACTIVE'; got 'active': 'active' is not a status name "
        "(upper-case ASCII letters and underscores, such as 'ACTIVE'); did you mean 'ACTIVE'?"
    )


@pytest.mark.parametrize("assertion", [assert_metrics_published, assert_logs_published])
def test_published_metrics_and_logs_pass(assertion):
    assertion(active_get_response())


@pytest.mark.parametrize(
    "assertion, model, message",
    [
        (assert_metrics_published, get_response(), METRICS_NOT_PUBLISHED),
        (assert_metrics_published, snake_case_facts(), METRICS_NOT_PUBLISHED),
        (
            assert_metrics_published,
            get_response(metricsStatus=None, metricsStatusDetails=None),
            f"{LABEL} has no metricsStatus, expected PUBLISH_SUCCEEDED",
        ),
        (assert_logs_published, get_response(), LOGS_NOT_PUBLISHED),
        (assert_logs_published, snake_case_facts(), LOGS_NOT_PUBLISHED),
        (
            assert_logs_published,
            get_response(logsStatusDetails=None),
            f"{LABEL} has logsStatus PUBLISH_FAILED, expected PUBLISH_SUCCEEDED",
        ),
    ],
    ids=[
        "metrics failed",
        "metrics snake_case",
        "metrics missing",
        "logs failed",
        "logs snake_case",
        "logs without details",
    ],
)
def test_unpublished_metrics_and_logs_name_the_details_member(assertion, model, message):
    assert failure_message(assertion, model) == message


@pytest.mark.parametrize(
    "model",
    [get_response(), get_response(ResponseMetadata=None), summary(), snake_case_facts()],
    ids=["boto3 response", "without ResponseMetadata", "list summary", "snake_case facts"],
)
def test_a_valid_model_passes_assert_valid_trained_model(model):
    assert_valid_trained_model(model)


def test_assert_valid_trained_model_reports_every_violation_with_its_path():
    model = get_response(
        creatorAccountId=None,
        resourceConfig={"instanceCount": 0, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 10},
        trainingInputMode="Stream",
        driftScore=0.2,
    )

    assert failure_message(assert_valid_trained_model, model).splitlines() == [
        f"{LABEL} does not match the trained model schema (4 violation(s)):",
        "  $: 'creatorAccountId' is a required property",
        "  $: unknown member(s) ('driftScore' was unexpected)",
        "  $.resourceConfig.instanceCount: 0 is less than the minimum of 1",
        "  $.trainingInputMode: 'Stream' is not one of ['File', 'FastFile', 'Pipe']",
    ]


def test_a_list_summary_is_checked_as_a_summary():
    message = failure_message(assert_valid_trained_model, summary(name=None, createTime="yesterday"))

    assert message.splitlines() == [
        f"trained model ('{ARN}', version '{VERSION}') does not match the trained model schema (2 violation(s)):",
        "  $: 'name' is a required property",
        "  $.createTime: 'yesterday' is not a 'date-time'",
    ]


def test_snake_case_facts_are_checked_under_their_camel_case_paths():
    message = failure_message(assert_valid_trained_model, snake_case_facts(status_details={"status_code": 5}))

    assert message.splitlines()[1:] == ["  $.statusDetails.statusCode: 5 is not of type 'string'"]


@pytest.mark.parametrize("assertion", [*ASSERTIONS, lambda model: assert_model_status(model, "ACTIVE")])
@pytest.mark.parametrize(
    "value, received",
    [
        (None, "NoneType"),
        ([get_response()], "list"),
        (ARN, "str"),
        ({"changed": False, "trained_model": snake_case_facts()}, "a mapping with keys 'changed', 'trained_model'"),
        ({}, "an empty mapping"),
    ],
    ids=["None", "list", "ARN", "module result", "empty"],
)
def test_anything_but_a_trained_model_is_a_type_error_saying_what_is_accepted(assertion, value, received):
    with pytest.raises(TypeError) as error:
        assertion(value)

    assert str(error.value) == (
        "expected a trained model (a get_collaboration_trained_model response, a member of "
        "list_collaboration_trained_models' collaborationTrainedModels, or the snake_case trained model "
        f"of the cleanrooms.ml module or lookup), got {received}"
    )


def test_failures_point_at_the_test_line_with_the_message(pytester):
    pytester.makepyfile(
        test_pipeline="""
        from plugin_models import get_response
        from pytest_cleanroomsml import assert_logs_published, assert_metrics_published, assert_model_active
        from pytest_cleanroomsml import assert_model_status, assert_valid_trained_model

        def test_active():
            model = get_response()
            assert_model_active(model)

        def test_status():
            assert_model_status(get_response(), "ACTIVE", "CREATE_IN_PROGRESS")

        def test_metrics():
            assert_metrics_published(get_response())

        def test_logs():
            assert_logs_published(get_response())

        def test_valid():
            assert_valid_trained_model(get_response(creatorAccountId=None))

        def test_failed_is_failed():
            assert_model_status(get_response(), "CREATE_FAILED")
        """
    )

    result = pytester.runpytest()

    result.assert_outcomes(passed=1, failed=5)
    result.stdout.fnmatch_lines(
        [
            "    def test_active():",
            "        model = get_response()",
            ">       assert_model_active(model)",
            f"E       AssertionError: {NOT_ACTIVE}",
            "",
            "test_pipeline.py:7: AssertionError",
            '>       assert_model_status(get_response(), "ACTIVE", "CREATE_IN_PROGRESS")',
            f"E       AssertionError: {LABEL} is CREATE_FAILED, expected one of ACTIVE, CREATE_IN_PROGRESS: "
            "InternalError: *",
            ">       assert_metrics_published(get_response())",
            f"E       AssertionError: {METRICS_NOT_PUBLISHED}",
            ">       assert_logs_published(get_response())",
            f"E       AssertionError: {LOGS_NOT_PUBLISHED}",
            ">       assert_valid_trained_model(get_response(creatorAccountId=None))",
            f"E       AssertionError: {LABEL} does not match the trained model schema (1 violation(s)):",
            "E         $: 'creatorAccountId' is a required property",
        ]
    )
    # The assertions' own frames are hidden: no line of the traceback is in the plugin.
    result.stdout.no_fnmatch_line("*pytest_cleanroomsml*")
