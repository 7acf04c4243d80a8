"""Failures queued with fail_next that no request met are an error of the test, at its teardown."""

import pytest

pytest_plugins = ["pytester"]

GET = "GetCollaborationTrainedModel"
# Each test queues three throttlings and two denials of GetCollaborationTrainedModel, and one of the listing.
QUEUEING_TESTS = f"""
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

NO_RETRIES = Config(retries={{"total_max_attempts": 1}})


def queue(fake):
    fake.fail_next({GET!r}, "ThrottlingException", times=3)
    fake.fail_next({GET!r}, "AccessDeniedException", times=2)
    fake.fail_next("ListCollaborationTrainedModels", "ThrottlingException")


def get(fake, client, calls):
    model = fake.add_trained_model("churn")
    for _ in range(calls):
        try:
            client.get_collaboration_trained_model(
                trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
            )
        except ClientError:
            pass


def test_uses_one(cleanroomsml_fake):
    import boto3

    queue(cleanroomsml_fake)
    get(cleanroomsml_fake, boto3.client("cleanroomsml", config=NO_RETRIES), calls=1)


def test_uses_them_all(cleanroomsml_fake):
    import boto3

    queue(cleanroomsml_fake)
    client = boto3.client("cleanroomsml", config=NO_RETRIES)
    get(cleanroomsml_fake, client, calls=5)
    with pytest.raises(client.exceptions.ThrottlingException):
        client.list_collaboration_trained_models(collaborationIdentifier="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
"""


def test_unused_failures_are_one_error_at_teardown_naming_them(pytester):
    pytester.makepyfile(test_queueing=QUEUEING_TESTS)

    result = pytester.runpytest()

    # test_uses_one passed its call, then errored at teardown; test_uses_them_all passed.
    result.assert_outcomes(passed=2, errors=1)
    message = (
        "cleanroomsml_fake.fail_next queued failures that no request met: "
        f"{GET} ThrottlingException (2 left), {GET} AccessDeniedException (2 left), "
        "ListCollaborationTrainedModels ThrottlingException (1 left). The code under test made fewer calls than "
        "the test expected; a test that queues more than it needs can say so with "
        "@pytest.mark.cleanroomsml_allow_unused_faults"
    )
    result.stdout.fnmatch_lines(["*= ERRORS =*", "*_ ERROR at teardown of test_uses_one _*", message, "*= short *"])
    # Reported once in the error's body (the short summary repeats it after "Failed:", truncated to the terminal's
    # width unless the CI variable is set), and without the plugin's frames.
    assert result.stdout.lines.count(message) == 1
    result.stdout.no_fnmatch_line("*fake_around_test.py*")
    result.stdout.no_fnmatch_line("*pytest.fail(*")


@pytest.mark.parametrize(
    "marked, errors",
    [
        ("@pytest.mark.cleanroomsml_allow_unused_faults\ndef test_marked(cleanroomsml_fake):", 1),
        (
            "@pytest.mark.cleanroomsml_allow_unused_faults\nclass TestMarked:\n"
            "    def test_marked(self, cleanroomsml_fake):",
            1,
        ),
        # A module's mark covers test_unmarked too.
        ("pytestmark = pytest.mark.cleanroomsml_allow_unused_faults\ndef test_marked(cleanroomsml_fake):", 0),
    ],
    ids=["test", "class", "module"],
)
def test_the_marker_allows_unused_failures(pytester, marked, errors):
    indent = "        " if "class" in marked else "    "
    pytester.makepyfile(
        "import pytest\n\n"
        f"{marked}\n"
        f"{indent}cleanroomsml_fake.fail_next({GET!r}, 'ThrottlingException', times=1000)\n"
        "\n"
        "def test_unmarked(cleanroomsml_fake):\n"
        f"    cleanroomsml_fake.fail_next({GET!r}, 'ThrottlingException')\n"
    )

    result = pytester.runpytest("--strict-markers")

    result.assert_outcomes(passed=2, errors=errors)
    if errors:
        result.stdout.fnmatch_lines(["*_ ERROR at teardown of test_unmarked _*"])


def test_a_test_that_failed_or_skipped_is_not_blamed_for_its_unused_failures_too(pytester):
    pytester.makepyfile(
        f"""
        import pytest

        def test_fails_early(cleanroomsml_fake):
            cleanroomsml_fake.fail_next({GET!r}, "ThrottlingException")
            assert False, "the test's own failure"

        def test_skips_early(cleanroomsml_fake):
            cleanroomsml_fake.fail_next({GET!r}, "ThrottlingException")
            pytest.skip("not today")

        @pytest.mark.xfail(reason="known bug")
        def test_expected_to_fail(cleanroomsml_fake):
            cleanroomsml_fake.fail_next({GET!r}, "ThrottlingException")
            assert False
        """
    )

    result = pytester.runpytest()

    result.assert_outcomes(failed=1, skipped=1, xfailed=1)
    result.stdout.no_fnmatch_line("*no request met*")


def test_the_fake_lists_its_unused_failures(cleanroomsml_fake):
    cleanroomsml_fake.fail_next(GET, "ThrottlingException", times=2)
    cleanroomsml_fake.fail_next(GET, "ThrottlingException")
    cleanroomsml_fake.fail_next("ListTrainedModels", "ValidationException")

    assert cleanroomsml_fake.unused_failures() == [
        (GET, "ThrottlingException", 3),
        ("ListTrainedModels", "ValidationException", 1),
    ]
    # Consumed here, so that this test leaves none.
    cleanroomsml_fake.reset()
    assert cleanroomsml_fake.unused_failures() == []
