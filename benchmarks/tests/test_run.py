"""`python -m benchmarks.run`: named queries timed on a kept store (`--store`, `--only`), and
the targets of tables whose every row is the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import run


def test_only_names_known_queries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--store", str(tmp_path), "--only", "collections,nope"]) == 2
    assert "Error: no named query nope" in capsys.readouterr().err


def test_store_must_be_an_embedded_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run.main(["--store", str(tmp_path), "--only", "collections"]) == 2
    assert f"Error: {tmp_path} is not an embedded store" in capsys.readouterr().err


def test_a_table_of_every_row_is_allowed_time_for_its_rows() -> None:
    """50 ms plus 20 ms per 1,000 rows returned, run by run (the tables in ROW_TABLES)."""
    assert "unit_portfolio" in run.ROW_TABLES and "adopters" not in run.ROW_TABLES
    table = run.QueryTiming("unit_portfolio", 50.0, per_1000_rows_ms=run.PER_1000_ROWS_MS)
    table.ms, table.rows = [120.0, 3.0], [4000, 10]  # 4,000 rows: 130 ms allowed
    assert table.summary()["met"] and table.summary()["p95_ms"] == 120.0
    table.ms = [140.0, 3.0]
    assert not table.summary()["met"]
    other = run.QueryTiming("adopters", 50.0)
    other.ms, other.rows = [120.0, 3.0], [4000, 10]
    assert not other.summary()["met"]


def test_a_missed_target_on_a_kept_store_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--store DIR --only NAMES`: a query over its target is failed, not only reported."""
    import argparse

    class _Store:
        def close(self) -> None:
            pass

    timings: list[run.QueryTiming] = []
    monkeypatch.setattr(run, "open_store", lambda settings: _Store())
    monkeypatch.setattr(run, "time_queries", lambda *a, **k: timings)
    args = argparse.Namespace(
        store=tmp_path, query_timeout=30.0, reps=5, warmup=1, seed=1, query_budget=5.0, only=None
    )
    met = run.QueryTiming("collections", 50.0, ms=[3.0, 4.0], rows=[2, 2])
    missed = run.QueryTiming("unit_portfolio", 50.0, ms=[80.0, 90.0], rows=[2, 2])
    failed = run.QueryTiming("adopters", 50.0, ms=[3.0], rows=[0], errors=["超时"])

    def exit_code(*ts: run.QueryTiming) -> int:
        timings[:] = ts
        return run.time_kept_store(args, run.Settings(), {"samples": {}}, lambda m: None)

    assert exit_code(met) == 0
    assert exit_code(met, missed) == 1
    assert "unit_portfolio" in capsys.readouterr().err
    assert exit_code(met, failed) == 1


def test_learning_visits_are_timed_for_units_and_for_initiatives() -> None:
    from benchmarks.sampling import ParamSource
    from queries import REGISTRY

    samples = {
        "initiatives_by_adopters": [{"id": f"initiative:i{k}", "adopters": 10} for k in range(20)],
        "supreme": "court:s",
        "high": ["court:h"],
        "intermediate": ["court:m"],
        "tribunal": ["tribunal:t"],
        "basic": ["court:b"],
    }
    source = ParamSource(samples, 1)
    drawn = [source.draw(REGISTRY["learning_visits"]) for _ in range(40)]
    assert {v for v, _ in drawn} == {"unit", "initiative"}
    assert all(p["entity"].startswith("initiative:") == (v == "initiative") for v, p in drawn)
