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
            "  cleanroomsml_live (bool):",
            "  cleanroomsml_region (string):",
            "  cleanroomsml_endpoint_url (string):",
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
        ("cleanroomsml_live = true", ["-o", "cleanroomsml_live=false"], (False, "us-east-1", None), "cleanroomsml: offline fake in us-east-1"),
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
            assert cleanroomsml_trained_model(model["trainedModelArn"], model["collaborationIdentifier"])["name"] == "churn"
        """
    )

    result = pytester.runpytest_subprocess("--cleanroomsml-region", "eu-central-1")

    result.assert_outcomes(passed=1)
