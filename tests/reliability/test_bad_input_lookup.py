"""Bad terms and options of the lookup: each refused before any call, by a message naming it, without a traceback."""

import pytest
from ansible.errors import AnsibleLookupError
from helpers.lookup_runs import COLLABORATION

from .malformed_identifiers import BAD_ARNS, BAD_UUIDS, VALID_ARN, VERSION


def term_cases():
    """A valid first term, then the bad one: the message must name term 2."""
    bad_terms = dict(BAD_ARNS)
    bad_terms.update(
        {
            "None": None,
            "an integer": 5,
            "a dict": {"arn": VALID_ARN},
            "a list in a list": [[VALID_ARN]],
            "bytes": VALID_ARN.encode(),
        }
    )
    return [pytest.param([VALID_ARN, term], {}, "term 2", id=f"term: {name}") for name, term in bad_terms.items()]


def option_case(name, option, value):
    return pytest.param([VALID_ARN], {option: value}, option, id=f"{option}: {name}")


OPTION_CASES = (
    [
        option_case(name, "collaboration_identifier", BAD_UUIDS[name])
        for name in ("upper case", "braces", "Arabic-Indic digit", "NUL inside")
    ]
    + [
        option_case(name, "version_identifier", BAD_UUIDS[name])
        for name in ("empty", "without dashes", "2049 characters")
    ]
    + [
        # Wrong types, None and lists where strings go.
        option_case("None", "collaboration_identifier", None),
        option_case("an integer", "collaboration_identifier", 5),
        option_case("a list", "collaboration_identifier", [COLLABORATION]),
        option_case("a list", "version_identifier", [VERSION]),
        option_case("a list", "field", ["status"]),
        option_case("a word", "max_concurrency", "many"),
        # Out of range, huge included.
        option_case("0", "max_concurrency", 0),
        option_case("negative", "max_concurrency", -1),
        option_case("10**30", "max_concurrency", 10**30),
        # Not a choice, not a member of a trained model.
        option_case("not a choice", "on_missing", "ignore"),
        option_case("not a choice", "on_denied", "retry"),
        option_case("not a choice", "validate_response", "lenient"),
        option_case("empty", "field", ""),
        option_case("misspelt", "field", "stauts"),
        option_case("NUL inside", "field", "sta\x00tus"),
        option_case("below a string", "field", "status.code"),
        option_case("with spaces", "region", "us east 1"),
        option_case("ftp", "endpoint_url", "ftp://127.0.0.1:21"),
        option_case("no host", "endpoint_url", "http://"),
        # Options the lookup does not have: misspelt, or the module's.
        option_case("misspelt option", "on_mising", "skip"),
        option_case("a module option", "wait", True),
    ]
)


@pytest.mark.bad_input
@pytest.mark.parametrize("terms, options, parameter", term_cases() + OPTION_CASES)
def test_bad_term_or_option_is_refused_before_any_call(
    run_lookup, cleanroomsml_fake, client_cache, terms, options, parameter
):
    with pytest.raises(AnsibleLookupError) as refusal:
        run_lookup(*terms, **options)

    # An AnsibleLookupError, not a crash: Ansible shows its message, without a traceback.
    assert parameter in str(refusal.value)
    assert "Traceback" not in str(refusal.value)
    assert cleanroomsml_fake.calls == [] and client_cache.clients_created == 0


def test_the_terms_the_cases_spoil_are_answered(run_lookup, cleanroomsml_fake):
    cleanroomsml_fake.add_trained_model("churn", collaboration_identifier=COLLABORATION, trainedModelArn=VALID_ARN)

    assert run_lookup(VALID_ARN, field="name") == ["churn"]
