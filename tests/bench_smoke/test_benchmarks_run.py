"""Each benchmark runs at a tiny size and produces its figures. Benchmarks are not tests: speed is never asserted."""

import json
import math
from pathlib import Path

import pytest

from benchmarks import run

ROOT = Path(__file__).resolve().parents[2]


def assert_figure(quantity):
    assert isinstance(quantity.value, (int, float)) and math.isfinite(quantity.value) and quantity.value >= 0, (
        quantity.value
    )
    assert quantity.unit and quantity.what


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
    assert "| benchmark | ours | comparison | ratio | goal | met |" in printed
    assert "| module-task |" in printed
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["size"] == "tiny"
    assert set(results["machine"]) >= {"nproc", "cpu", "python"}
    assert [row["benchmark"] for row in results["benchmarks"]] == ["module-task"]
