"""Local identifier checks: what is refused, and how the refusal reads."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arguments import (
    TRAINED_MODEL_STATUSES,
    identifier_errors,
)

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
    "/trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
)


def test_valid_identifiers_pass():
    assert identifier_errors(ARN, COLLABORATION, COLLABORATION) == []
    assert identifier_errors(ARN.replace("arn:aws:", "arn:aws-us-gov:"), COLLABORATION) == []


def test_the_message_names_the_parameter_and_what_was_expected():
    assert identifier_errors(collaboration_identifier="abc") == [
        "collaboration_identifier must be a UUID of 36 characters (lower-case hex, like "
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427),"
        " got 'abc' of 3 characters"
    ]


@pytest.mark.parametrize(
    "arn",
    [
        "",
        "x" * 19,
        ARN + "/" + "a" * 2048,
        ARN.replace("cleanrooms-ml", "sagemaker"),
        ARN.replace("trained-model", "configured-model-algorithm-association"),
        ARN.replace("111122223333", "1111"),
        ARN + "\n",
        " " + ARN,
    ],
)
def test_bad_arns_are_refused(arn):
    (error,) = identifier_errors(trained_model_arn=arn)
    assert error.startswith("trained_model_arn must be a trained model ARN of 20 to 2048 characters")


@pytest.mark.parametrize(
    "value", ["0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", "{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}", 42, ""]
)
def test_bad_uuids_are_refused(value):
    (error,) = identifier_errors(version_identifier=value)
    assert error.startswith("version_identifier must be a UUID of 36 characters")


def test_long_values_are_shortened_in_messages():
    (error,) = identifier_errors(trained_model_arn="a" * 2049)
    assert "...(2049 characters) of 2049 characters" in error and len(error) < 600


EXPECTED_ARN = (
    "trained_model_arn must be a trained model ARN of 20 to 2048 characters, like "
    "arn:aws:cleanrooms-ml:<region>:<account>:membership/<membership id>/trained-model/<id>, got "
)


@pytest.mark.parametrize(
    "arn, mistake",
    [
        (ARN + "\n", "'\\n' at position 144 cannot be part of an ARN"),
        (" " + ARN, "' ' at position 1 cannot be part of an ARN"),
        (ARN.replace("2c9b8d7e", "2c9b8d7\u0435"), "'\\u0435' at position 115 cannot be part of an ARN"),
        (
            ARN.replace("cleanrooms-ml", "sagemaker"),
            "its partition and service 'arn:aws:sagemaker' does not match arn:aws[-a-z]*:cleanrooms-ml",
        ),
        (ARN.replace("us-east-1", "US-EAST-1"), "its Region 'US-EAST-1' does not match [-a-z0-9]+"),
        (ARN.replace("111122223333", "1111"), "its account '1111' does not match [0-9]{12}"),
        (
            ARN.replace("6f4a3b1e", "6F4A3B1E"),
            "its membership 'membership/6F4A3B1E-0c1d-4a7e-9b2f-1a2b3c4d5e6f' does not match membership/",
        ),
        (
            ARN.replace("trained-model", "configured-model-algorithm-association"),
            "its resource type 'configured-model-algorithm-association' does not match trained-model",
        ),
        (ARN.replace("/trained-model/", "/trained-model/x y"), "' ' at position 109 cannot be part of an ARN"),
        (ARN.replace(":111122223333:", ":111122223333/"), "it has 5 of the 6 ':'-separated parts of an ARN"),
        (
            ARN.replace("/trained-model/", "/trained-model-"),
            "its resource 'membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/trained-model-2c9b",
        ),
    ],
)
def test_a_bad_arn_is_shown_whole_with_what_is_wrong(arn, mistake):
    (error,) = identifier_errors(trained_model_arn=arn)
    assert error.startswith(EXPECTED_ARN + ascii(arn) + ": " + mistake)


def test_two_different_mistakes_read_differently():
    association = ARN.replace("trained-model", "configured-model-algorithm-association")
    assert identifier_errors(trained_model_arn=association) != identifier_errors(trained_model_arn=ARN + "\n")


def test_the_id_part_is_judged_last():
    (error,) = identifier_errors(trained_model_arn=ARN.replace("2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a", ""))
    assert error.endswith(
        "got {}: its id '' does not match [-a-zA-Z0-9_/.]+".format(
            ascii(ARN.replace("2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a", ""))
        )
    )


def test_the_arn_parameter_can_be_named_by_the_caller():
    (error,) = identifier_errors(trained_model_arn="nope", arn_parameter="term 'nope'")
    assert error.startswith("term 'nope' must be")


def test_statuses_come_from_the_schema():
    assert len(TRAINED_MODEL_STATUSES) == 11 and "ACTIVE" in TRAINED_MODEL_STATUSES
