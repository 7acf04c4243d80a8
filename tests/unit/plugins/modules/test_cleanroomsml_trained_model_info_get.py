"""The module against the fake, in-process: results, argument checks, errors and validation."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.module_runs import warning_messages

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture
def churn(cleanroomsml_fake):
    return cleanroomsml_fake.add_trained_model(name="churn", status="ACTIVE", collaboration_identifier=COLLABORATION)


def get(run_module, model, **extra):
    args = {"trained_model_arn": model["trainedModelArn"], "collaboration_identifier": model["collaborationIdentifier"]}
    args.update(extra)
    return run_module(main, args)


def test_returns_the_model_as_snake_case_facts(run_module, churn):
    result = get(run_module, churn)
    assert result["changed"] is False
    facts = result["trained_model"]
    assert facts["trained_model_arn"] == churn["trainedModelArn"]
    assert facts["name"] == "churn"
    assert facts["status"] == "ACTIVE"
    assert facts["resource_config"]["volume_size_in_gb"] == churn["resourceConfig"]["volumeSizeInGB"]
    assert facts["create_time"] == churn["createTime"].isoformat()
    assert "ResponseMetadata" not in facts and "response_metadata" not in facts
    assert "warnings" not in result


def test_aliases_and_check_mode(run_module, churn):
    result = run_module(
        main, {"arn": churn["trainedModelArn"], "collaboration_id": COLLABORATION, "_ansible_check_mode": True}
    )
    assert result["changed"] is False
    assert result["trained_model"]["name"] == "churn"


def test_latest_version_unless_a_version_is_asked_for(run_module, cleanroomsml_fake, churn):
    newer = cleanroomsml_fake.add_version(churn["trainedModelArn"], status="CREATE_IN_PROGRESS")
    assert get(run_module, churn)["trained_model"]["version_identifier"] == newer["versionIdentifier"]
    older = get(run_module, churn, version_identifier=churn["versionIdentifier"])["trained_model"]
    assert older["version_identifier"] == churn["versionIdentifier"]
    assert older["status"] == "ACTIVE"
    assert cleanroomsml_fake.calls[-1] == (
        "GetCollaborationTrainedModel",
        {
            "trainedModelArn": churn["trainedModelArn"],
            "collaborationIdentifier": COLLABORATION,
            "versionIdentifier": churn["versionIdentifier"],
        },
    )


def test_failed_models_carry_their_status_details(run_module, cleanroomsml_fake):
    model = cleanroomsml_fake.add_trained_model(
        name="lookalike",
        status="CREATE_FAILED",
        statusDetails={"statusCode": "InternalError", "message": "training container exited with code 1"},
    )
    facts = get(run_module, model)["trained_model"]
    assert facts["status_details"] == {
        "status_code": "InternalError",
        "message": "training container exited with code 1",
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (
            {"trained_model_arn": "arn:aws:s3:::bucket", "collaboration_identifier": COLLABORATION},
            "trained_model_arn must be a trained model ARN",
        ),
        ({"collaboration_identifier": "abc"}, "collaboration_identifier must be a UUID of 36 characters"),
        ({"version_identifier": "latest"}, "version_identifier must be a UUID of 36 characters"),
    ],
)
def test_bad_identifiers_fail_before_any_call(run_module, cleanroomsml_fake, churn, args, message):
    full = {"trained_model_arn": churn["trainedModelArn"], "collaboration_identifier": COLLABORATION}
    full.update(args)
    result = run_module(main, full)
    assert result["failed"] is True
    assert message in result["msg"]
    assert cleanroomsml_fake.calls == []


def test_missing_required_option_is_named(run_module, cleanroomsml_fake, churn):
    result = run_module(main, {"trained_model_arn": churn["trainedModelArn"]})
    assert result["failed"] is True
    assert result["msg"] == "missing required arguments: collaboration_identifier"
    assert cleanroomsml_fake.calls == []


def test_not_found_names_the_model_version_and_collaboration(run_module, cleanroomsml_fake, churn):
    missing = churn["trainedModelArn"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    result = run_module(main, {"trained_model_arn": missing, "collaboration_identifier": COLLABORATION})
    assert result["failed"] is True
    assert result["msg"].startswith(
        f"trained model {missing} (version latest) not found in collaboration {COLLABORATION}"
    )
    assert result["error"]["code"] == "ResourceNotFoundException"


def test_not_found_in_another_region_than_the_arns_says_so(run_module, cleanroomsml_fake, churn):
    result = get(run_module, churn, region="eu-west-1")
    assert result["failed"] is True
    assert result["msg"].startswith(
        "trained model {} (version latest) not found in collaboration {}: the ARN is in us-east-1; the request went "
        "to eu-west-1".format(churn["trainedModelArn"], COLLABORATION)
    )


def test_not_found_in_the_arns_region_says_nothing_of_regions(run_module, cleanroomsml_fake, churn):
    missing = churn["trainedModelArn"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    result = run_module(main, {"trained_model_arn": missing, "collaboration_identifier": COLLABORATION})
    assert "the ARN is in" not in result["msg"]


def test_waiting_in_another_region_than_the_arns_says_so(run_module, cleanroomsml_fake, churn):
    result = get(run_module, churn, region="eu-west-1", wait=True)
    assert (
        f"not found in collaboration {COLLABORATION}: the ARN is in us-east-1; the request went to eu-west-1"
        in result["msg"]
    )


def test_access_denied_names_the_iam_action(run_module, cleanroomsml_fake, churn):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException")
    result = get(run_module, churn)
    assert result["failed"] is True
    assert result["msg"].startswith(
        "access denied to GetCollaborationTrainedModel: the caller needs the IAM action "
        "cleanrooms-ml:GetCollaborationTrainedModel"
    )
    assert result["error"]["code"] == "AccessDeniedException"


def test_throttling_is_retried(run_module, cleanroomsml_fake, churn, cleanroomsml_no_retry_sleep):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "ThrottlingException", times=2)
    result = get(run_module, churn)
    assert result["trained_model"]["name"] == "churn"
    assert [call[0] for call in cleanroomsml_fake.calls] == ["GetCollaborationTrainedModel"] * 3
    assert len(cleanroomsml_no_retry_sleep.seconds("botocore")) == 2


def unknown_instance_type_model(fake):
    return fake.add_trained_model(name="future", resourceConfig={"instanceType": "ml.z9.mega", "volumeSizeInGB": 10})


def test_validate_response_warn_returns_data_with_a_warning(run_module, cleanroomsml_fake):
    model = unknown_instance_type_model(cleanroomsml_fake)
    result = get(run_module, model)
    assert result["trained_model"]["resource_config"]["instance_type"] == "ml.z9.mega"
    assert warning_messages(result) == [
        "trained model {} does not match the response schema at $.resourceConfig.instanceType: "
        "'ml.z9.mega' is not one of the 133 values the service model allows".format(model["trainedModelArn"])
    ]


def test_validate_response_strict_fails_listing_violations(run_module, cleanroomsml_fake):
    model = unknown_instance_type_model(cleanroomsml_fake)
    result = get(run_module, model, validate_response="strict")
    assert result["failed"] is True
    assert "does not match the response schema (1 violation(s))" in result["msg"]
    assert result["violations"] == [
        "$.resourceConfig.instanceType: 'ml.z9.mega' is not one of the 133 values the service model allows"
    ]
    assert "trained_model" not in result


def test_validate_response_off_skips_the_check(run_module, cleanroomsml_fake):
    model = unknown_instance_type_model(cleanroomsml_fake)
    result = get(run_module, model, validate_response="off")
    assert "warnings" not in result
    assert result["trained_model"]["resource_config"]["instance_type"] == "ml.z9.mega"


def test_secrets_stay_out_of_results(run_module, cleanroomsml_fake, churn):
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException")
    text = str(get(run_module, churn)) + str(get(run_module, churn))
    assert "fake-unit-test-secret-key" not in text
