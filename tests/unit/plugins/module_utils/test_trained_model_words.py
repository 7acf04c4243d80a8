"""Status names and model labels, as every message words them."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_words import model_label, status_name_error

KNOWN = ("ACTIVE", "CREATE_FAILED")


@pytest.mark.parametrize("status", ["ACTIVE", "CREATE_FAILED", "ARCHIVED_BY_A_LATER_API"])
def test_any_upper_case_name_has_a_status_shape(status):
    assert status_name_error(status, KNOWN) is None


def test_a_known_status_in_lower_case_is_refused_with_a_hint():
    assert status_name_error("active", KNOWN) == (
        "'active' is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE'); did you mean "
        "'ACTIVE'?"
    )


@pytest.mark.parametrize("value, shown", [("ACT\u0130VE", "'ACT\\u0130VE'"), (["ACTIVE"], "['ACTIVE']"), ("", "''")])
def test_other_values_are_refused_showing_every_character(value, shown):
    assert status_name_error(value, KNOWN) == (
        f"{shown} is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE')"
    )


def test_a_label_names_what_the_model_has():
    model = {"name": "churn", "trainedModelArn": "arn:x", "versionIdentifier": "v1"}
    assert model_label(model) == "trained model 'churn' ('arn:x', version 'v1')"
    assert model_label({}) == "trained model"
