"""Bad input to the pytest plugin's assertions: refused with a TypeError or ValueError naming what was wrong,
never an AssertionError that blames the model, and never a call to AWS."""

import pytest
from pytest_cleanroomsml import (
    assert_logs_published,
    assert_metrics_published,
    assert_model_active,
    assert_model_status,
    assert_valid_trained_model,
)

from .malformed_identifiers import VALID_ARN

# How the messages name each parameter: the model by what it must be, the statuses by name.
MODEL = "trained model"
STATUSES = "statuses"
# A model the statuses are checked against: valid, so that only the statuses can be wrong.
CHURN = {"name": "churn", "status": "ACTIVE", "trainedModelArn": VALID_ARN}


def model_case(assertion, model, name):
    statuses = ("ACTIVE",) if assertion is assert_model_status else ()
    return pytest.param(assertion, model, statuses, MODEL, TypeError, id=f"{assertion.__name__}: {name}")


def statuses_case(statuses, error, name):
    return pytest.param(assert_model_status, CHURN, statuses, STATUSES, error, id=f"assert_model_status: {name}")


CASES = [
    model_case(assert_model_active, None, "None"),
    model_case(assert_model_active, "ACTIVE", "a status instead of a model"),
    model_case(assert_model_active, VALID_ARN, "an ARN instead of a model"),
    model_case(assert_model_active, {}, "an empty dict"),
    model_case(assert_model_active, {"Status": "ACTIVE"}, "a dict of unknown keys"),
    model_case(
        assert_model_status, {"changed": False, "trained_model": {"status": "ACTIVE"}}, "the module's whole result"
    ),
    model_case(assert_metrics_published, 5, "an integer"),
    model_case(assert_metrics_published, [{"metricsStatus": "PUBLISH_SUCCEEDED"}], "a list of models"),
    model_case(assert_logs_published, b'{"logsStatus": "PUBLISH_SUCCEEDED"}', "JSON bytes"),
    model_case(assert_logs_published, ("logsStatus", "PUBLISH_SUCCEEDED"), "a tuple"),
    model_case(assert_valid_trained_model, {"collaborationTrainedModels": []}, "a whole list response"),
    model_case(assert_valid_trained_model, "{}", "a JSON string"),
    statuses_case((), TypeError, "no status"),
    statuses_case((["ACTIVE", "CREATE_FAILED"],), TypeError, "a list"),
    statuses_case((None,), TypeError, "None"),
    statuses_case((1,), TypeError, "an integer"),
    statuses_case(("",), ValueError, "empty"),
    statuses_case(("active",), ValueError, "lower case"),
    statuses_case(("\u0410CTIVE",), ValueError, "Cyrillic A"),
    statuses_case(("ACTIVE\x00",), ValueError, "NUL"),
    statuses_case(("ACTIVE\t",), ValueError, "tab"),
    statuses_case(("ACTIVE", " CREATE_FAILED"), ValueError, "a leading space"),
]


@pytest.mark.bad_input
@pytest.mark.parametrize("assertion, model, statuses, parameter, error", CASES)
def test_bad_input_is_refused_not_blamed_on_the_model(cleanroomsml_fake, assertion, model, statuses, parameter, error):
    with pytest.raises(error) as refusal:
        assertion(model, *statuses)

    assert parameter in str(refusal.value)
    assert "Traceback" not in str(refusal.value)
    assert cleanroomsml_fake.calls == []


def test_look_alike_statuses_are_shown_escaped():
    with pytest.raises(ValueError, match=r"got '\\u0410CTIVE'"):
        assert_model_status(CHURN, "\u0410CTIVE")
