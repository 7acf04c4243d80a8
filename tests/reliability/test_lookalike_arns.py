"""ARNs (and names) from answers are quoted with ascii() in messages, so that a look-alike character shows,
and capped, so that a huge one makes no huge message."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION
from helpers.module_runs import warning_messages
from pytest_cleanroomsml import assert_model_active

# "\u0430" is CYRILLIC SMALL LETTER A: the ARN reads as a real one.
LOOKALIKE_ARN = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    "/trained-model/ch\u0430rn"
)


@pytest.mark.fault
def test_a_lookalike_arn_in_a_listing_shows_in_the_warning(run_module, cleanroomsml_fake, cleanroomsml_server):
    cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION, trainedModelArn=LOOKALIKE_ARN)

    result = run_module(main, {"collaboration_identifier": COLLABORATION, "endpoint_url": cleanroomsml_server})

    warnings = warning_messages(result)
    assert any("ch\\u0430rn" in warning for warning in warnings), warnings
    assert not any("ch\u0430rn" in warning for warning in warnings), warnings


@pytest.mark.fault
@pytest.mark.parametrize(
    "member, value, shown",
    [
        ("trainedModelArn", LOOKALIKE_ARN, "ch\\u0430rn"),
        ("name", "ch\u0430rn", "'ch\\u0430rn'"),
        ("name", "n" * 100000, "(100000 characters)"),
    ],
)
def test_the_plugin_assertion_quotes_the_model_visibly_and_briefly(member, value, shown):
    model = {member: value, "status": "CREATE_FAILED"}

    with pytest.raises(AssertionError) as raised:
        assert_model_active(model)

    message = str(raised.value)
    assert shown in message and len(message) < 2000, message[:500]
