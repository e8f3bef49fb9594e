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
