"""The command-line options, their ini equivalents, and which one wins."""

import pytest

pytest_plugins = ["pytester"]

URL = "http://127.0.0.1:4566"


def test_help_lists_the_options_and_ini_settings_in_a_cleanroomsml_group(pytester):
    # In a subprocess, so that the plugin is found through its pytest11 entry point.
    result = pytester.runpytest_subprocess("--help")

    result.stdout.fnmatch_lines(
        [
            "AWS Clean Rooms ML (pytest-cleanroomsml):",
            "  --cleanroomsml-live *",
            "  --cleanroomsml-region=REGION",
            "  --cleanroomsml-endpoint-url=URL",
            "  --cleanroomsml-seed=FILE",
            "  cleanroomsml_live (bool):",
            "  cleanroomsml_region (string):",
            "  cleanroomsml_endpoint_url (string):",
            "  cleanroomsml_seed (string):",
        ]
    )


@pytest.mark.parametrize(
    "ini, args, expected, header",
    [
        ("", [], (False, "us-east-1", None), "cleanroomsml: offline fake in us-east-1"),
        (
            "",
            ["--cleanroomsml-live", "--cleanroomsml-region=eu-west-2", f"--cleanroomsml-endpoint-url={URL}"],
            (True, "eu-west-2", URL),
            f"cleanroomsml: live AWS in eu-west-2 at {URL}",
        ),
        (
            f"cleanroomsml_live = true\ncleanroomsml_region = eu-west-2\ncleanroomsml_endpoint_url = {URL}",
            [],
            (True, "eu-west-2", URL),
            f"cleanroomsml: live AWS in eu-west-2 at {URL}",
        ),
        (
            "cleanroomsml_live = true\ncleanroomsml_region = eu-west-2\ncleanroomsml_endpoint_url = http://ini.invalid",
            ["--cleanroomsml-region=ap-southeast-2", f"--cleanroomsml-endpoint-url={URL}"],
            (True, "ap-southeast-2", URL),
            f"cleanroomsml: live AWS in ap-southeast-2 at {URL}",
        ),
        (
            "cleanroomsml_live = true",
            ["-o", "cleanroomsml_live=false"],
            (False, "us-east-1", None),
            "cleanroomsml: offline fake in us-east-1",
        ),
    ],
    ids=["defaults", "command line", "ini file", "command line wins", "-o turns an ini setting off"],
)
def test_settings_come_from_the_command_line_else_the_ini_file(pytester, ini, args, expected, header):
    pytester.makeini(f"[pytest]\n{ini}")
    pytester.makepyfile(
        f"""
        from pytest_cleanroomsml import CleanRoomsMLSettings

        def test_settings(cleanroomsml_settings):
            assert cleanroomsml_settings == CleanRoomsMLSettings(*{expected!r})
        """
    )

    result = pytester.runpytest(*args)

    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([header])


def test_the_region_applies_to_the_fake_and_its_clients(pytester):
    pytester.makepyfile(
        """
        def test_region(cleanroomsml_fake, cleanroomsml_trained_model, cleanroomsml_client):
            model = cleanroomsml_fake.add_trained_model("churn")

            assert model["trainedModelArn"].startswith("arn:aws:cleanrooms-ml:eu-central-1:")
            assert cleanroomsml_client.meta.region_name == "eu-central-1"
            response = cleanroomsml_trained_model(model["trainedModelArn"], model["collaborationIdentifier"])
            assert response["name"] == "churn"
        """
    )

    result = pytester.runpytest_subprocess("--cleanroomsml-region", "eu-central-1")

    result.assert_outcomes(passed=1)


REGIONS_LISTED = (
    "ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, eu-central-1, eu-north-1, eu-west-1, eu-west-2, "
    "us-east-1, us-east-2, us-west-2"
)


@pytest.mark.parametrize(
    "ini, args, message",
    [
        (
            "cleanroomsml_live = maybe",
            [],
            "ERROR: cleanroomsml_live (ini file {inipath}): invalid truth value 'maybe'; use true or false",
        ),
        (
            "",
            ["-o", "cleanroomsml_live=perhaps"],
            "ERROR: cleanroomsml_live (command line, -o): invalid truth value 'perhaps'; use true or false",
        ),
        (
            "cleanroomsml_region = eu_west_1",
            [],
            "ERROR: cleanroomsml_region (ini file {inipath}): 'eu_west_1' is not a Region where the fake offers Clean "
            "Rooms ML; "
            "use one of: " + REGIONS_LISTED,
        ),
        (
            "cleanroomsml_region = eu-west-1",
            ["--cleanroomsml-region=mars-1"],
            "ERROR: --cleanroomsml-region (command line): 'mars-1' is not a Region where the fake offers Clean Rooms "
            "ML; "
            "use one of: " + REGIONS_LISTED,
        ),
        (
            "cleanroomsml_live = true\ncleanroomsml_region = EU-WEST-1",
            [],
            "ERROR: cleanroomsml_region (ini file {inipath}): 'EU-WEST-1' is not a Region name (such as us-east-1)",
        ),
    ],
    ids=["live: not a truth value", "live: -o", "region: ini", "region: command line", "region: live"],
)
def test_a_bad_setting_is_one_usage_error_at_start_up(pytester, ini, args, message):
    inipath = pytester.makeini(f"[pytest]\n{ini}")
    pytester.makepyfile(
        """
        def test_one(cleanroomsml_settings):
            pass

        def test_two(cleanroomsml_settings):
            pass
        """
    )

    result = pytester.runpytest(*args)

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([message.format(inipath=inipath)])
    result.stdout.no_fnmatch_line("*test_one*")


def test_a_live_run_takes_a_region_the_fake_does_not_serve(pytester):
    pytester.makepyfile(
        """
        def test_region(cleanroomsml_settings):
            assert cleanroomsml_settings.region == "mx-central-1"
        """
    )

    result = pytester.runpytest("--cleanroomsml-live", "--cleanroomsml-region=mx-central-1")

    result.assert_outcomes(passed=1)
