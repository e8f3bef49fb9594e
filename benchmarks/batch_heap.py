"""The embedded server's heap while an ingest writes batches of a given size.

    python -m benchmarks.batch_heap --store DIR --batch 2000     # a copy of DIR (e.g. a kept
                                                                # sustained run's store)
    python -m benchmarks.batch_heap --store DIR --batch 512 --heap 1g --output r.json

Ingests `--articles` seeded articles (`benchmarks.ingest_speed`) into a copy of the store at
`--store` through `ingest.pipeline.ingest_paths` with every batch exactly `--batch` documents
(one write transaction each, held whole in the server's heap until it commits), the server
started with `--heap` (the default, `COURTGRAPH_HEAP`'s, is 1g). The server's heap is read
with `jstat -gc` every 100 ms. Reported: the peak heap used, the old generation's use just
after each full collection (what the collector could not free: ArcadeDB's page cache, a
quarter of the heap, and the transactions in flight), the collections, and whether the
server ran out of heap (its restarts, `server.oom`). Chooses `STORE_BATCH_CEILING`
(ingest/pipeline.py). The copy is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.ingest_speed import write_corpus
from graph.settings import Settings


def _jstat(pid: int, samples: list[dict[str, float]], stop: threading.Event) -> None:
    proc = subprocess.Popen(["jstat", "-gc", str(pid), "100"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    head: list[str] = []
    try:
        for line in proc.stdout:
            fields = line.split()
            if fields and fields[0] == "S0C":
                head = fields
            elif head and len(fields) == len(head):
                samples.append(
                    {"t": time.time(), **dict(zip(head, map(float, fields), strict=True))}
                )
            if stop.is_set():
                break
    finally:
        proc.kill()
        proc.wait()


def measure(data_dir: Path, folder: Path, *, batch: int, heap: str) -> dict[str, Any]:
    """Ingest `folder` into the store at `data_dir` in batches of `batch` documents."""
    from graph.embedded import EmbeddedServer
    from graph.store import open_store
    from ingest.pipeline import ingest_paths

    store = open_store(Settings(data_dir=data_dir, heap=heap))
    server = EmbeddedServer(data_dir)
    try:
        pid = server.status().pid
        held = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        samples: list[dict[str, float]] = []
        stop = threading.Event()
        watcher = threading.Thread(target=_jstat, args=(pid, samples, stop), daemon=True)
        watcher.start()
        while not samples and watcher.is_alive():
            time.sleep(0.2)
        writes: list[tuple[int, float, float]] = []
        real = store.write_documents

        def timed(docs: Any, *args: Any, **kwargs: Any) -> Any:
            t0 = time.time()
            try:
                return real(docs, *args, **kwargs)
            finally:
                writes.append((len(docs), t0, time.time()))

        store.write_documents = timed  # type: ignore[method-assign]
        t0 = time.perf_counter()
        report = ingest_paths(store, [folder], collection="基准", batch_size=batch, min_batch=batch)
        wall = time.perf_counter() - t0
        time.sleep(1.5)
        stop.set()
        watcher.join(10)
    finally:
        store.close()

    def used(s: dict[str, float]) -> float:
        return (s["S0U"] + s["S1U"] + s["EU"] + s["OU"]) / 1024

    first, last = samples[0], samples[-1]
    return {
        "store_documents_before": held,
        "batch": batch,
        "heap": heap,
        "added": len(report.added),
        "writes": [n for n, _a, _b in writes],
        "write_s": [round(b - a, 1) for _n, a, b in writes],
        "wall_s": round(wall, 1),
        "peak_heap_used_mb": round(max(map(used, samples)), 1),
        "peak_old_gen_used_mb": round(max(s["OU"] for s in samples) / 1024, 1),
        # the old generation just after each full collection: what could not be freed
        "old_gen_after_full_gc_mb": [
            round(s["OU"] / 1024, 1)
            for p, s in zip(samples, samples[1:], strict=False)
            if s["FGC"] > p["FGC"]
        ],
        "young_collections": int(last["YGC"] - first["YGC"]),
        "full_collections": int(last["FGC"] - first["FGC"]),
        "gc_s": round(last["GCT"] - first["GCT"], 2),
        "server_restarts": server.restarts(),
        "ran_out_of_heap": server.oom_flag.exists(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.batch_heap", description=__doc__)
    ap.add_argument("--store", type=Path, required=True, help="a kept store (copied)")
    ap.add_argument("--batch", type=int, default=2000, help="documents per write")
    ap.add_argument("--heap", default="1g", help="the server's heap (default: 1g, the default)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=60)
    ap.add_argument("--output", type=Path, help="write the result as JSON")
    args = ap.parse_args(argv)
    from graph.embedded import EmbeddedServer

    with tempfile.TemporaryDirectory() as tmp:
        data_dir, folder = Path(tmp) / "store", Path(tmp) / "articles"
        shutil.copytree(args.store, data_dir, ignore=shutil.ignore_patterns("server.json"))
        write_corpus(folder, args.articles, seed=args.seed)
        try:
            result = measure(data_dir, folder, batch=args.batch, heap=args.heap)
        finally:
            EmbeddedServer(data_dir).stop()
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
