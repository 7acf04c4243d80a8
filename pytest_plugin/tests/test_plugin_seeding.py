"""Seeding the fake for every test: the cleanroomsml_seed setting and the cleanroomsml_models marker."""

import json

import pytest

pytest_plugins = ["pytester"]

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
SEED = f"""\
models:
  - name: churn
    collaborationIdentifier: {COLLABORATION}
  - name: fraud
    status: CREATE_FAILED
    collaborationIdentifier: {COLLABORATION}
"""
# A test module whose tests each expect the fake to start with the seed's models, and no others.
SEEDED_TESTS = f"""
import boto3

COLLABORATION = {COLLABORATION!r}


def held(fake):
    return sorted((model["name"], model["status"]) for model in fake.trained_models())


def test_first_sees_the_seed_and_adds_a_model(cleanroomsml_fake):
    assert held(cleanroomsml_fake) == [("churn", "ACTIVE"), ("fraud", "CREATE_FAILED")]
    cleanroomsml_fake.add_trained_model("extra", collaboration_identifier=COLLABORATION)


def test_next_sees_the_seed_again_and_only_it(cleanroomsml_fake):
    assert held(cleanroomsml_fake) == [("churn", "ACTIVE"), ("fraud", "CREATE_FAILED")]


def test_server_serves_the_seed(cleanroomsml_server):
    client = boto3.client("cleanroomsml", endpoint_url=cleanroomsml_server)
    listed = client.list_collaboration_trained_models(collaborationIdentifier=COLLABORATION)
    assert sorted(model["name"] for model in listed["collaborationTrainedModels"]) == ["churn", "fraud"]
"""


def test_the_ini_seed_is_loaded_for_every_test_relative_to_the_ini_file(pytester):
    # The ini file is not in the directory pytest starts in: its relative path counts from the ini file's.
    project = pytester.mkdir("project")
    (project / "seeds").mkdir()
    (project / "seeds" / "models.yaml").write_text(SEED, encoding="utf-8")
    (project / "pytest.ini").write_text("[pytest]\ncleanroomsml_seed = seeds/models.yaml\n", encoding="utf-8")
    pytester.makepyfile(test_seeded=SEEDED_TESTS)

    # In a subprocess, as the server's tests must be: pytester's in-process runs drop the modules the fake registers.
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-c", "project/pytest.ini", "--rootdir", str(pytester.path), "test_seeded.py"
    )

    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([f"cleanroomsml: offline fake in us-east-1, seeded from {project}/seeds/models.yaml"])


def test_the_command_line_seed_wins_over_the_ini_files(pytester):
    pytester.makeini("[pytest]\ncleanroomsml_seed = missing.yaml\n")
    models = [
        {"name": "churn", "collaborationIdentifier": COLLABORATION},
        {"name": "fraud", "status": "CREATE_FAILED", "collaborationIdentifier": COLLABORATION},
    ]
    (pytester.path / "models.json").write_text(json.dumps({"models": models}), encoding="utf-8")
    pytester.makepyfile(test_seeded=SEEDED_TESTS)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--cleanroomsml-seed", "models.json")

    result.assert_outcomes(passed=3)


def test_without_a_seed_the_fake_starts_empty(pytester):
    pytester.makepyfile(
        """
        def test_empty(cleanroomsml_fake):
            assert cleanroomsml_fake.trained_models() == []
        """
    )

    pytester.runpytest().assert_outcomes(passed=1)


@pytest.mark.parametrize(
    "ini, args, content, message",
    [
        (
            "cleanroomsml_seed = missing.yaml",
            [],
            None,
            "ERROR: cleanroomsml_seed (ini file {inipath}): {root}/missing.yaml: cannot read it: No such file or "
            "directory",
        ),
        (
            "",
            ["--cleanroomsml-seed=models.yaml"],
            "models:\n  - name: churn\n    status: 5\n",
            "ERROR: --cleanroomsml-seed (command line): {root}/models.yaml: models[0].status: 5 is not of type "
            "'string' (line 3, column 13)",
        ),
        (
            "",
            ["-o", "cleanroomsml_seed=models.yaml"],
            "models: [{name: churn, colour: blue}]\n",
            "ERROR: cleanroomsml_seed (command line, -o): {root}/models.yaml: models[0]: unknown member(s): 'colour' "
            "(line 1, column 10)",
        ),
    ],
    ids=["ini: no such file", "command line: wrong type", "-o: unknown member"],
)
def test_a_bad_seed_is_one_usage_error_at_start_up(pytester, ini, args, content, message):
    inipath = pytester.makeini(f"[pytest]\n{ini}")
    if content is not None:
        (pytester.path / "models.yaml").write_text(content, encoding="utf-8")
    pytester.makepyfile(
        """
        def test_one(cleanroomsml_fake):
            pass

        def test_two(cleanroomsml_fake):
            pass
        """
    )

    result = pytester.runpytest(*args)

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    # Compared as text: the messages' brackets (models[0]) are no fnmatch patterns.
    assert [line for line in result.stderr.lines if line] == [message.format(inipath=inipath, root=pytester.path)]
    result.stdout.no_fnmatch_line("*test_one*")


MARKED_TESTS = f"""
import pytest

pytestmark = pytest.mark.cleanroomsml_models("from-module")


def names(fake):
    return sorted(model["name"] for model in fake.trained_models())


@pytest.mark.cleanroomsml_models(
    "churn",
    {{"name": "fraud", "status": "CREATE_FAILED", "collaborationIdentifier": {COLLABORATION!r},
      "statusDetails": {{"statusCode": "InternalError", "message": "exit 1"}}}},
)
def test_marked(cleanroomsml_fake):
    assert names(cleanroomsml_fake) == ["churn", "file-model", "fraud", "from-module"]
    [fraud] = cleanroomsml_fake.trained_models({COLLABORATION!r})
    assert fraud["status"] == "CREATE_FAILED"
    assert fraud["statusDetails"] == {{"statusCode": "InternalError", "message": "exit 1"}}


def test_module_mark_only(cleanroomsml_fake):
    assert names(cleanroomsml_fake) == ["file-model", "from-module"]


@pytest.mark.cleanroomsml_models("from-class")
class TestMarkedClass:
    def test_class_and_module_marks(self, cleanroomsml_fake):
        assert names(cleanroomsml_fake) == ["file-model", "from-class", "from-module"]

    @pytest.mark.cleanroomsml_models({{"name": "from-method", "versions": [{{"status": "CREATE_IN_PROGRESS"}}]}})
    def test_all_three_marks(self, cleanroomsml_fake):
        assert names(cleanroomsml_fake) == ["file-model", "from-class", "from-method", "from-module"]
        method_model = [model for model in cleanroomsml_fake.trained_models() if model["name"] == "from-method"][0]
        assert method_model["status"] == "CREATE_IN_PROGRESS"
"""


def test_the_marker_adds_models_to_the_seed_files_from_module_class_and_test(pytester):
    (pytester.path / "models.yaml").write_text("models: [{name: file-model}]\n", encoding="utf-8")
    pytester.makeini("[pytest]\ncleanroomsml_seed = models.yaml\n")
    pytester.makepyfile(test_marked=MARKED_TESTS)

    result = pytester.runpytest("--strict-markers")

    result.assert_outcomes(passed=4)


def test_the_marker_is_registered_with_a_description(pytester):
    result = pytester.runpytest("--markers")

    result.stdout.fnmatch_lines(
        [
            "@pytest.mark.cleanroomsml_models(*models): trained models the cleanroomsml fake holds for this test*",
            "@pytest.mark.cleanroomsml_allow_unused_faults: the test may leave failures queued*",
        ]
    )


@pytest.mark.parametrize(
    "arguments, message",
    [
        ("5", "argument 1 is int 5; give model names or dicts in the seed file's format, such as *"),
        ("'churn', ''", "argument 2 is str ''; give model names or dicts *"),
        ("", "names no model; give model names or dicts *"),
        ("name='churn'", "takes no keyword arguments (got name); give model names or dicts *"),
        ("{'name': 'churn', 'status': 5}", "argument 1: status: 5 is not of type 'string'"),
        ("{'nmae': 'churn'}", "argument 1: 'name' is a required property"),
        ("'churn', {'name': 'x', 'colour': 'blue'}", "argument 2: unknown member(s): 'colour'"),
    ],
    ids=["not a model", "empty name", "no model", "keyword", "wrong type", "misspelt member", "unknown member"],
)
def test_a_bad_marker_argument_is_an_error_of_that_test_naming_the_marker_and_the_test(pytester, arguments, message):
    pytester.makepyfile(
        test_marked=f"""
        import pytest

        @pytest.mark.cleanroomsml_models({arguments})
        def test_bad(cleanroomsml_fake):
            pass

        def test_unmarked(cleanroomsml_fake):
            pass
        """
    )

    result = pytester.runpytest()

    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        ["*ERROR at setup of test_bad*", f"@pytest.mark.cleanroomsml_models of test_marked.py::test_bad*{message}"]
    )
    # The message alone: no traceback through the plugin.
    result.stdout.no_fnmatch_line("*fake_markers.py*")
    result.stdout.no_fnmatch_line("*raise SeedError*")
