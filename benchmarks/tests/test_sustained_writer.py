"""`benchmarks.ingest_scale --sustained` reports what the writing thread did per slice, and
profiles it apart (cProfile follows one thread; the writes run in another)."""

from __future__ import annotations

import pstats
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from benchmarks import ingest_scale


class _Store:
    def __init__(self) -> None:
        self.written: list[int] = []

    def write_documents(self, docs: list[Any]) -> None:
        self.written.append(len(docs))

    def close(self) -> None:
        pass


def test_sustained_counts_and_profiles_the_writing_thread(monkeypatch, tmp_path: Path) -> None:
    import ingest.pipeline

    store = _Store()
    monkeypatch.setattr(ingest_scale, "_open", lambda data_dir: store)

    def fake_ingest(st: Any, folders: list[Path], *, collection: str) -> Any:
        # as `ingest_paths` does: the batches are written by a thread of their own
        def writes() -> None:
            st.write_documents(["a", "b", "c"])
            st.write_documents(["d"])

        t = threading.Thread(target=writes)
        t.start()
        t.join()
        return SimpleNamespace(added=["a", "b", "c", "d"], reposts=[])

    monkeypatch.setattr(ingest.pipeline, "ingest_paths", fake_ingest)
    prefix = tmp_path / "prof"
    rows = ingest_scale.sustained(
        tmp_path / "data",
        [tmp_path / "s0", tmp_path / "s1"],
        lambda msg: None,
        profile=prefix,
        profiled=frozenset({1}),
    )
    assert [(r["writes"], r["largest_write"]) for r in rows] == [(2, 3), (2, 3)]
    assert all(r["writer_cpu_ms_per_document"] >= 0 for r in rows)
    assert store.written == [3, 1, 3, 1]
    assert not Path(f"{prefix}-0-writer").exists()
    writer = pstats.Stats(str(Path(f"{prefix}-1-writer")))
    assert any(fn == "write_documents" for _file, _line, fn in writer.stats)


def test_sustained_counts_what_may_grow_with_the_store(monkeypatch, tmp_path: Path) -> None:
    """Each slice's row counts the collector's full passes, the near-duplicate candidates per
    look-up, the known fingerprints read at the start, the known facts looked up and the
    walks of their anchors or by their ids, and the busiest court's relationships."""
    import gc

    import ingest.pipeline
    from graph import store as graph_store
    from graph import summaries
    from ingest.dedup import FingerprintIndex

    class Store(_Store):
        def read(self, query: str, params: Any = None, **kwargs: Any) -> list[dict[str, Any]]:
            if "Court" in query:
                return [{"n": 7}]
            return [{"ids": [["d1", "d2"]], "fps": [["0" * 64, "f" * 64]]}]

    store = Store()
    monkeypatch.setattr(ingest_scale, "_open", lambda data_dir: store)

    def fake_ingest(st: Any, folders: list[Path], *, collection: str) -> Any:
        known = summaries.read_fingerprints(st)
        index = FingerprintIndex()
        index.add_many(known)
        index.within("0" * 64)  # d1 (d2 differs in every bit)
        index.within("f" * 64)  # d2
        gc.collect(2)
        rows = [{"src": "court:a", "dst": f"initiative:{i}", "fact_id": f"f{i}"} for i in "xyz"]
        graph_store._anchor_groups(rows, from_dst=False)  # one court: one walk for 3 facts
        graph_store._by_fact_id(rows[:2])  # 2 found by their ids
        return SimpleNamespace(added=["a", "b"], reposts=[])

    monkeypatch.setattr(ingest.pipeline, "ingest_paths", fake_ingest)
    rows = ingest_scale.sustained(tmp_path / "data", [tmp_path / "s0"], lambda msg: None)
    row = rows[0]
    assert row["gc_passes"][2] >= 1
    assert (row["candidates_per_lookup"], row["lookups_per_document"]) == (1.0, 1.0)
    assert row["fingerprints_read"] == 2
    assert (row["known_facts_per_document"], row["fact_walks_per_document"]) == (1.5, 0.5)
    assert row["facts_by_id_per_document"] == 1.0
    assert row["busiest_court_out_relationships"] == 7
    assert summaries.read_fingerprints.__name__ == "read_fingerprints"  # put back
