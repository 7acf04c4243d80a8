"""The lookup's failures: bad terms and options before any call, AWS errors, on_missing/on_denied, validation."""

import pytest
from ansible.errors import AnsibleLookupError
from ansible_collections.cleanrooms.ml.plugins.plugin_utils import trained_model_lookup
from helpers.lookup_runs import COLLABORATION

GET = "GetCollaborationTrainedModel"


def missing_arn(model):
    """An ARN in the model's membership that the fake does not hold."""
    return model["trainedModelArn"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"


@pytest.fixture
def churn(add_models):
    return add_models("churn")[0]


@pytest.mark.parametrize(
    "terms, options, message",
    [
        (
            ["arn:aws:s3:::bucket"],
            {},
            "term 2 must be a trained model ARN of 20 to 2048 characters, like arn:aws:cleanrooms-ml:",
        ),
        (
            [5],
            {},
            "term 2 must be a trained model ARN of 20 to 2048 characters, like "
            "arn:aws:cleanrooms-ml:<region>:<account>:membership/"
            "<membership id>/trained-model/<id>, got int 5",
        ),
        ([], {"collaboration_identifier": "abc"}, "collaboration_identifier must be a UUID of 36 characters"),
        ([], {"version_identifier": "latest"}, "version_identifier must be a UUID of 36 characters"),
        ([], {"max_concurrency": 0}, "max_concurrency must be from 1 to 32, got 0"),
        ([], {"max_concurrency": 33}, "max_concurrency must be from 1 to 32, got 33"),
        ([], {"max_concurrency": "many"}, "'max_concurrency'"),
        ([], {"on_missing": "ignore"}, "Invalid value 'ignore' for config 'on_missing'"),
        ([], {"on_denied": "retry"}, "Invalid value 'retry' for config 'on_denied'"),
        ([], {"validate_response": "lenient"}, "Invalid value 'lenient' for config 'validate_response'"),
        ([], {"collaboration_identifier": None}, "Required config 'collaboration_identifier'"),
        (
            [],
            {"on_mising": "skip"},
            "unknown option(s) on_mising; valid options: access_key, collaboration_identifier, endpoint_url, field,",
        ),
        (
            [],
            {"field": "status_details.mesage"},
            "field 'status_details.mesage': status_details has no key 'mesage'; valid keys: message, status_code",
        ),
        (
            [],
            {"field": "stauts"},
            "field 'stauts': a trained model has no key 'stauts'; valid keys: collaboration_identifier, ",
        ),
        ([], {"field": "status.code"}, "field 'status.code': status is a string, not a dict with keys"),
        (
            [],
            {"field": "incremental_training_data_channels.channel_name"},
            "field 'incremental_training_data_channels.channel_name': incremental_training_data_channels is a list, "
            "not a dict with keys",
        ),
    ],
)
def test_bad_terms_and_options_fail_before_any_call(
    run_lookup, cleanroomsml_fake, client_cache, churn, terms, options, message
):
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(churn["trainedModelArn"], *terms, **options)
    assert message in str(failure.value)
    assert cleanroomsml_fake.calls == []
    assert client_cache.clients_created == 0


def test_every_problem_is_reported_at_once(run_lookup, cleanroomsml_fake, churn):
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(
            "arn:aws:s3:::bucket", churn["trainedModelArn"], "nope", collaboration_identifier="abc", max_concurrency=99
        )
    message = str(failure.value)
    for expected in ("term 1 must be", "term 3 must be", "collaboration_identifier must be", "max_concurrency must be"):
        assert expected in message
    assert "term 2" not in message


def test_validation_without_jsonschema_asks_for_it_or_off(run_lookup, cleanroomsml_fake, churn, monkeypatch):
    monkeypatch.setattr(
        trained_model_lookup, "validation_library_missing", lambda validate_response: validate_response != "off"
    )
    with pytest.raises(AnsibleLookupError, match=r"jsonschema.*validate_response=warn"):
        run_lookup(churn["trainedModelArn"])
    assert cleanroomsml_fake.calls == []
    assert run_lookup(churn["trainedModelArn"], validate_response="off", field="name") == ["churn"]


def test_not_found_names_the_term_the_model_and_the_error_code(run_lookup, churn):
    missing = missing_arn(churn)
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(churn["trainedModelArn"], missing)
    assert str(failure.value).startswith(
        f"term 2: trained model {missing} (version latest) not found in collaboration {COLLABORATION} "
        "(ResourceNotFoundException: "
    )


def test_not_found_in_another_region_than_the_arns_says_so(run_lookup, churn):
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(churn["trainedModelArn"], region="eu-west-1")
    assert str(failure.value).startswith(
        "term 1: trained model {} (version latest) not found in collaboration {}: the ARN is in us-east-1; the "
        "request went to eu-west-1 "
        "(ResourceNotFoundException: ".format(churn["trainedModelArn"], COLLABORATION)
    )


def test_the_first_failing_term_is_reported(run_lookup, churn):
    with pytest.raises(AnsibleLookupError, match=r"^term 2: "):
        run_lookup(churn["trainedModelArn"], missing_arn(churn), churn["trainedModelArn"][:-1] + "0", max_concurrency=3)


@pytest.mark.parametrize("policy, warned", [("skip", False), ("warn", True)])
def test_on_missing_skip_and_warn_drop_the_term(run_lookup, lookup_warnings, churn, policy, warned):
    missing = missing_arn(churn)
    assert run_lookup(missing, churn["trainedModelArn"], missing, on_missing=policy, field="name") == ["churn"]
    expected = (
        "Skipping term {}: trained model {} (version latest) not found in collaboration {} (ResourceNotFoundException: "
    )
    assert len(lookup_warnings) == (2 if warned else 0)
    for number, warning in zip((1, 3), lookup_warnings):
        assert warning.startswith(expected.format(number, missing, COLLABORATION))


def test_on_missing_does_not_cover_denied_models(run_lookup, cleanroomsml_fake, churn):
    cleanroomsml_fake.fail_next(GET, "AccessDeniedException")
    with pytest.raises(AnsibleLookupError, match="AccessDeniedException"):
        run_lookup(churn["trainedModelArn"], on_missing="skip")


def test_denied_names_the_term_the_model_the_iam_action_and_the_error_code(run_lookup, cleanroomsml_fake, churn):
    cleanroomsml_fake.fail_next(GET, "AccessDeniedException")
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(churn["trainedModelArn"])
    assert str(failure.value) == (
        "term 1: access denied to GetCollaborationTrainedModel: the caller needs the IAM action "
        "cleanrooms-ml:GetCollaborationTrainedModel, for trained model {} "
        "(AccessDeniedException: AccessDeniedException injected by CleanRoomsMLFake.fail_next)".format(
            churn["trainedModelArn"]
        )
    )


@pytest.mark.parametrize("policy, warned", [("skip", False), ("warn", True)])
def test_on_denied_skip_and_warn_drop_the_term(
    run_lookup, cleanroomsml_fake, lookup_warnings, add_models, policy, warned
):
    churn, lookalike = add_models("churn", "lookalike")
    cleanroomsml_fake.fail_next(GET, "AccessDeniedException")
    # One at a time, so that the denied call is the first term's.
    results = run_lookup(
        churn["trainedModelArn"], lookalike["trainedModelArn"], on_denied=policy, max_concurrency=1, field="name"
    )
    assert results == ["lookalike"]
    if warned:
        assert len(lookup_warnings) == 1
        assert lookup_warnings[0].startswith("Skipping term 1: access denied to GetCollaborationTrainedModel")
        assert "for trained model {} (AccessDeniedException: ".format(churn["trainedModelArn"]) in lookup_warnings[0]
    else:
        assert lookup_warnings == []


def test_other_aws_errors_name_the_term_and_the_error_code(run_lookup, cleanroomsml_fake, churn):
    cleanroomsml_fake.fail_next(GET, "ConflictException", message="the model is being replaced")
    with pytest.raises(AnsibleLookupError) as failure:
        run_lookup(churn["trainedModelArn"], on_missing="skip", on_denied="skip")
    assert str(failure.value) == (
        "term 1: GetCollaborationTrainedModel failed with ConflictException, for trained model {} "
        "(ConflictException: the model is being replaced)".format(churn["trainedModelArn"])
    )


@pytest.mark.parametrize("error_code", ["ThrottlingException", "InternalServiceException"])
def test_throttling_and_server_errors_are_retried(
    run_lookup, cleanroomsml_fake, churn, cleanroomsml_no_retry_sleep, error_code
):
    cleanroomsml_fake.fail_next(GET, error_code, times=2)
    assert run_lookup(churn["trainedModelArn"], field="name") == ["churn"]
    assert [call[0] for call in cleanroomsml_fake.calls] == [GET] * 3
    assert len(cleanroomsml_no_retry_sleep.seconds()) == 2


@pytest.fixture
def future_model(add_models):
    """A model with an instance type the service model does not know."""
    return add_models("future", resourceConfig={"instanceType": "ml.z9.mega", "volumeSizeInGB": 10})[0]


def test_validation_warns_by_default_and_returns_the_data(run_lookup, lookup_warnings, future_model):
    assert run_lookup(future_model["trainedModelArn"], field="resource_config.instance_type") == ["ml.z9.mega"]
    assert len(lookup_warnings) == 1
    assert lookup_warnings[0].startswith(
        "trained model {} (term 1) does not match the response schema at $.resourceConfig.instanceType: 'ml.z9.mega' "
        "is not one of".format(future_model["trainedModelArn"])
    )


def test_strict_validation_fails_naming_the_term(run_lookup, future_model):
    with pytest.raises(
        AnsibleLookupError,
        match=r"^trained model .* \(term 1\) does not match the response schema \(1 violation\(s\)\)",
    ):
        run_lookup(future_model["trainedModelArn"], validate_response="strict")


def test_validation_off_says_nothing(run_lookup, lookup_warnings, future_model):
    assert run_lookup(future_model["trainedModelArn"], validate_response="off", field="name") == ["future"]
    assert lookup_warnings == []


def test_no_secret_reaches_a_message_a_warning_or_a_cache_key(
    run_lookup, cleanroomsml_fake, lookup_warnings, client_cache, future_model, monkeypatch
):
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "environment-secret-do-not-print")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "environment-token-do-not-print")
    credentials = {
        "access_key": "AKIAOPTIONLOOKUPTEST",
        "secret_key": "option-secret-do-not-print",
        "session_token": "option-token-do-not-print",
    }
    messages = []
    run_lookup(future_model["trainedModelArn"], missing_arn(future_model), on_missing="warn", **credentials)
    # Denied twice: once skipped with a warning, once failing.
    cleanroomsml_fake.fail_next(GET, "AccessDeniedException", times=2)
    run_lookup(future_model["trainedModelArn"], on_denied="warn")
    for options in (dict(credentials), dict(credentials, profile="someone"), dict(credentials, max_concurrency=0)):
        with pytest.raises(AnsibleLookupError) as failure:
            run_lookup(future_model["trainedModelArn"], **options)
        messages.append(str(failure.value))
    assert len(lookup_warnings) == 3
    assert ["AccessDeniedException" in messages[0], "profile" in messages[1], "max_concurrency" in messages[2]] == [
        True
    ] * 3
    assert client_cache.clients_created == 2
    keys = repr(list(client_cache._clients))
    for secret in ("do-not-print", credentials["access_key"]):
        assert secret not in keys
    for text in messages + lookup_warnings:
        assert "do-not-print" not in text
