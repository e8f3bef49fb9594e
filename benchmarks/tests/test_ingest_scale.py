"""`benchmarks.ingest_scale` alternates empty- and large-store runs and reports each pair's
ratios and their median (no store is started here: the runs are stand-ins, no timing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import ingest_scale


def _run(rate: float, cpu: float, query: float) -> dict[str, Any]:
    return {
        "added": 10,
        "documents_per_s": rate,
        "cpu_ms_per_document": cpu,
        "cpu_ms_per_document_without_jit": cpu - 2,
        "client_cpu_ms_per_document": cpu / 2,
        "server_cpu_ms_per_document": cpu / 2,
        "server_query_ms_per_document": query,
        "delete_ms_per_document": 1.0,
        "wall_s": 1.0,
    }


def test_each_pair_has_its_ratios_and_the_result_their_median() -> None:
    runs = [
        {"empty": {"known": 0, **_run(100, 10, 5)}, "large": {"known": 9, **_run(90, 12, 6)}},
        {"empty": {"known": 0, **_run(100, 10, 5)}, "large": {"known": 9, **_run(40, 20, 10)}},
        {"empty": {"known": 0, **_run(80, 12, 6)}, "large": {"known": 9, **_run(80, 12, 6)}},
    ]
    out = ingest_scale.summarise_pairs(runs)
    assert out["ratios"] == [0.9, 0.4, 1.0] and out["ratio"] == 0.9
    assert out["cpu_ratios"] == [0.83, 0.5, 1.0] and out["cpu_ratio"] == 0.83
    assert out["server_query_ratios"] == [0.83, 0.5, 1.0]
    assert out["cpu_ratio_without_jit"] == 0.8 and out["cpu_ratios_without_jit"][1] == 0.44
    assert out["empty"]["cpu_ms_per_document"] == 10 and out["large"]["cpu_ms_per_document"] == 12
    assert out["large"]["known"] == 9 and out["large"]["runs"] == 3
    assert [p["ratio"] for p in out["pairs"]] == [0.9, 0.4, 1.0]
    assert out["targets"]["ratio_met"] and out["targets"]["cpu_ratio_met"]
    assert not out["targets"]["rate_met"]  # the median large rate is 80 documents/s


def test_the_runs_alternate_three_pairs_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    order: list[str] = []
    rates = iter([100.0, 70.0, 100.0, 90.0, 100.0, 85.0])

    def prepare(data_dir: Path, known: int, **_kw: Any) -> int:
        data_dir.mkdir(parents=True)
        return known

    def timed_ingest(data_dir: Path, _folder: Path, **_kw: Any) -> dict[str, Any]:
        order.append(data_dir.name)
        return _run(next(rates), 10.0, 5.0)

    monkeypatch.setattr(ingest_scale, "prepare", prepare)
    monkeypatch.setattr(ingest_scale, "timed_ingest", timed_ingest)
    monkeypatch.setattr(ingest_scale, "_stop", lambda _d: None)
    monkeypatch.setattr(ingest_scale, "write_corpus", lambda f, *_a, **_k: f.mkdir())
    out = tmp_path / "r.json"
    argv = ["--articles", "5", "--known", "50", "--warmup", "0", "--work", str(tmp_path)]
    assert ingest_scale.main([*argv, "--output", str(out)]) == 0
    assert order == ["run-empty", "run-large"] * 3
    result = json.loads(out.read_text("utf-8"))
    assert result["ratios"] == [0.7, 0.9, 0.85] and result["ratio"] == 0.85
    assert result["large"]["known"] == 50 and len(result["pairs"]) == 3
    assert "pair 2 large" in capsys.readouterr().err

    order.clear()
    rates = iter([100.0, 50.0])
    assert ingest_scale.main([*argv, "--pairs", "1", "--output", str(out)]) == 0
    assert order == ["run-empty", "run-large"]
    assert json.loads(out.read_text("utf-8"))["ratio"] == 0.5


def test_a_sustained_run_profiles_the_slices_asked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`--sustained K --profile P --profile-slices 1`: slice 1 is cProfiled into P-1, the
    others are not; each slice's row says how many documents the store held before it and
    the client's and the server's query CPU per document (what grows with the store)."""
    from types import SimpleNamespace

    import graph.embedded
    import graph.store
    import ingest.pipeline

    class Server:
        def __init__(self, _data_dir: Path) -> None:
            pass

        def status(self) -> Any:
            return SimpleNamespace(pid=None)

    def ingest_paths(_store: Any, folders: list[Path], **_kw: Any) -> Any:
        return SimpleNamespace(added=["a", "b"], reposts=[])

    monkeypatch.setattr(ingest_scale, "prepare", lambda d, *_a, **_k: d.mkdir(parents=True))
    monkeypatch.setattr(ingest_scale, "_stop", lambda _d: None)
    store = SimpleNamespace(
        close=lambda: None, write_documents=lambda docs: None, read=lambda *_a, **_k: []
    )
    monkeypatch.setattr(ingest_scale, "_open", lambda _d: store)
    monkeypatch.setattr(ingest_scale, "write_corpus", lambda f, *_a, **_k: f.mkdir())
    monkeypatch.setattr(graph.embedded, "EmbeddedServer", Server)
    monkeypatch.setattr(ingest.pipeline, "ingest_paths", ingest_paths)
    out, prefix = tmp_path / "r.json", tmp_path / "prof"
    argv = ["--sustained", "3", "--articles", "2", "--warmup", "0", "--work", str(tmp_path)]
    argv += ["--profile", str(prefix), "--profile-slices", "1", "--output", str(out)]
    real = graph.store._document_statements
    assert ingest_scale.main([*argv, "--statement-times"]) == 0
    assert graph.store._document_statements is real  # (put back)
    rows = json.loads(out.read_text("utf-8"))["slices"]
    assert all(r["statement_ms_per_document"] == {} for r in rows)  # (no write here)
    assert [r["documents_before"] for r in rows] == [0, 2, 4]
    assert [r["profiled"] for r in rows] == [False, True, False]
    assert all("client_cpu_ms_per_document" in r for r in rows)
    assert sorted(p.name for p in tmp_path.glob("prof*")) == ["prof-1", "prof-1-writer"]


def test_statement_times_add_up_by_kind() -> None:
    """`--statement-times`: each statement of a write runs as it would, and its wall time is
    added under its kind (a Cypher text by its first words, a fact write by its type)."""
    from dataclasses import dataclass

    ran: list[str] = []

    class Tx:
        def run(self, cypher: str, params: Any = None, **_kw: Any) -> Any:
            ran.append(cypher)
            return type("Result", (), {"consume": lambda self: None})()

    @dataclass
    class _FactWrite:
        rel: str

        def run(self, tx: Any) -> None:
            tx.run(f"MERGE {self.rel}")

    times: dict[str, float] = {}
    for stmt in [("MATCH (m:Meta) SET m.x = 1", {}), _FactWrite("ADOPTED"), _FactWrite("ADOPTED")]:
        ingest_scale._TimedStatement(stmt, times).run(Tx())
    assert ran == ["MATCH (m:Meta) SET m.x = 1", "MERGE ADOPTED", "MERGE ADOPTED"]
    assert sorted(times) == ["MATCH (m:Meta) SET m.x = 1", "_FactWrite ADOPTED"]
