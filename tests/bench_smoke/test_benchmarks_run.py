"""Each benchmark runs at a tiny size and produces its figures. Benchmarks are not tests: speed is never asserted."""

import json
import math
from pathlib import Path

import pytest

from benchmarks import plugin_memory_split, run
from benchmarks.figures import Quantity
from benchmarks.load import LoadFigures

ROOT = Path(__file__).resolve().parents[2]


def assert_figure(quantity):
    assert isinstance(quantity.value, (int, float)) and math.isfinite(quantity.value) and quantity.value >= 0, (
        quantity.value
    )
    assert quantity.unit and quantity.what
    if quantity.samples is not None:  # measured in rounds, not computed: its spread holds its value
        assert quantity.samples and min(quantity.samples) <= quantity.value <= max(quantity.samples)


@pytest.mark.parametrize("benchmark", run.BENCHMARKS, ids=[benchmark.NAME for benchmark in run.BENCHMARKS])
def test_the_benchmark_produces_its_figures(benchmark):
    rows = benchmark.run(**benchmark.SIZES["tiny"])

    assert rows
    for row in rows:
        assert row.benchmark.startswith(benchmark.NAME)
        assert_figure(row.ours)
        if row.comparison is not None:
            assert_figure(row.comparison)
            assert row.ratio is not None
        assert row.met in ((True, False) if row.goal else (None,))
        json.dumps(row.as_json())


def test_the_runner_prints_the_table_and_writes_the_results(tmp_path, capsys):
    output = tmp_path / "results.json"

    assert run.main(["--size", "tiny", "--only", "module-task", "--output", str(output)]) == 0

    printed = capsys.readouterr().out
    assert "| benchmark | ours | comparison | ratio | goal | met | load |" in printed
    assert "| module-task |" in printed
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["size"] == "tiny"
    assert set(results["machine"]) >= {"nproc", "cpu", "python"}
    assert set(results["load"]) == {"one_minute_min", "one_minute_max", "processors", "above_processors"}
    (row,) = results["benchmarks"]
    assert row["benchmark"] == "module-task"
    assert set(row) >= {"benchmark", "ratio", "goal", "met", "load"}
    assert set(row["ours"]) >= {"value", "median", "min", "max", "rounds"}
    assert row["load"]["processors"] == results["machine"]["nproc"]


def test_a_load_above_the_processor_count_is_said_beside_the_figures():
    busy = LoadFigures([1.5, 2.5, 2.2], 2)
    quiet = LoadFigures([1.5, 1.9], 2)

    assert busy.busy and str(busy) == "1.50 to 2.50 (above 2 processors: busy)"
    assert busy.as_json() == {"one_minute_min": 1.5, "one_minute_max": 2.5, "processors": 2, "above_processors": True}
    assert not quiet.busy and str(quiet) == "1.50 to 1.90"


def test_a_measured_figure_shows_its_median_and_spread_and_a_computed_one_its_value():
    measured = Quantity.median_of([0.003, 0.001, 0.002], "ms/call", "three rounds", scale=1000)
    computed = Quantity(1.25, "s", "a floor")

    assert str(measured) == "2.00 ms/call (1.00 to 3.00, 3)"
    assert measured.as_json() == {
        "value": 2.0,
        "unit": "ms/call",
        "what": "three rounds",
        "median": 2.0,
        "min": 1.0,
        "max": 3.0,
        "rounds": 3,
    }
    assert str(computed) == "1.25 s" and computed.as_json() == {"value": 1.25, "unit": "s", "what": "a floor"}


def test_the_plugin_memory_split_prints_each_window_and_what_is_held(capsys):
    assert plugin_memory_split.main(["--tests", "20", "--window", "5", "--traced-tests", "10"]) == 0

    printed = capsys.readouterr().out
    for suite in ("plugin suite", "control"):
        assert printed.count(f"\n{suite}") == 1
    assert printed.count("     16-20  ") == 2  # the last window of either session
    assert "Python memory allocated after test 5 and still held after test 10:" in printed
    assert "reports.py" in printed  # pytest's reports of the tests in between are held, always
