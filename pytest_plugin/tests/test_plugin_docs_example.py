"""The example module of docs/testing-ml-pipelines.md passes, as the page says it does."""

from pathlib import Path

pytest_plugins = ["pytester"]

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "test_ml_pipeline_example.py"


def test_the_documented_example_passes(pytester):
    pytester.makepyfile(test_ml_pipeline_example=EXAMPLE.read_text(encoding="utf-8"))

    # In a subprocess, as a user would run it: the example's fake has moto's state to itself.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")

    result.assert_outcomes(passed=7)
