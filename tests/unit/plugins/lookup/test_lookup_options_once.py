"""The lookup's options, resolved by ansible once for as long as the arguments and the environment stay the same."""

import pytest
from ansible import constants
from ansible.plugins.loader import lookup_loader
from ansible_collections.cleanrooms.ml.plugins.plugin_utils import lookup_options
from helpers.lookup_runs import COLLABORATION, LOOKUP_NAME


@pytest.fixture(name="resolutions")
def fixture_resolutions(monkeypatch):
    """The lookup options ansible's configuration was asked to resolve, one dict of arguments per resolution;
    nothing remembered before."""
    lookup_options._LAST.clear()
    resolved = []
    resolve = constants.config.get_plugin_options_and_origins

    def counted(plugin_type, name, *args, **kwargs):
        if plugin_type == "lookup":
            resolved.append(kwargs.get("direct"))
        return resolve(plugin_type, name, *args, **kwargs)

    monkeypatch.setattr(constants.config, "get_plugin_options_and_origins", counted)
    yield resolved
    lookup_options._LAST.clear()


def options_of_a_call(**arguments):
    """The options a new plugin object holds once its run() has set them (no term: no call is made)."""
    plugin = lookup_loader.get(LOOKUP_NAME)
    plugin.run([], variables={}, collaboration_identifier=COLLABORATION, **arguments)
    return plugin.get_options()


def test_calls_with_the_same_arguments_resolve_once_and_get_the_same_options(resolutions):
    first = options_of_a_call(on_missing="warn", max_concurrency=3)
    for _call in range(3):
        assert options_of_a_call(on_missing="warn", max_concurrency=3) == first
    assert len(resolutions) == 1
    assert (first["on_missing"], first["max_concurrency"], first["validate_response"]) == ("warn", 3, "warn")


def test_other_arguments_are_resolved_again(resolutions):
    options_of_a_call(on_missing="warn")
    assert options_of_a_call(on_missing="skip")["on_missing"] == "skip"
    assert options_of_a_call(on_missing="warn", field="status")["field"] == "status"
    assert options_of_a_call(on_missing="warn", region="eu-west-1")["region"] == "eu-west-1"
    assert len(resolutions) == 4


def test_a_change_of_the_environment_is_resolved_again(resolutions, monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    assert options_of_a_call()["region"] == "us-east-1"
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    assert options_of_a_call()["region"] == "eu-west-1"
    assert len(resolutions) == 2


def test_a_bad_option_is_refused_on_every_call(resolutions):
    options_of_a_call(on_missing="warn")
    for _call in range(2):
        with pytest.raises(Exception, match="on_missing"):
            options_of_a_call(on_missing="sometimes")


def test_the_digest_holds_no_argument_in_printable_form(resolutions):
    options_of_a_call(secret_key="the-secret-do-not-keep", access_key="AKIAKEEPNOT")
    digest = next(iter(lookup_options._LAST.entries.values()))[0]
    assert isinstance(digest, bytes)
    assert b"the-secret" not in digest and b"AKIAKEEPNOT" not in digest


@pytest.mark.parametrize("value", [["status"], {"status"}], ids=["list", "set"])
def test_a_value_that_is_no_scalar_is_judged_by_ansible_every_time(resolutions, value):
    # Not digested: a set has no JSON form, and ansible's own refusal names the option.
    for _call in range(2):
        with pytest.raises(Exception, match="field"):
            options_of_a_call(field=value)
    assert len(resolutions) == 2
