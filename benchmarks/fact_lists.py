"""What one write costs the facts many documents support, by the way their lists are folded.

    python -m benchmarks.fact_lists --store DIR            # a copy of DIR (e.g. a kept
                                                           # sustained run's run-sustained)
    python -m benchmarks.fact_lists --store DIR --batch 500 --rounds 5 --output r.json

The facts of the types found by id (ADOPTED, PART_OF, PARTNERS_WITH) that list more than
`--listed` documents each get, in one transaction, as many new documents as a write of
`--batch` documents brings them on average (their share of the store's documents, at least
one), as an ingest's write does, three ways, alternated:

- `checked`: each new document looked for in the list, then appended and sorted (the fold
  before the seventeenth session, `graph.store._insert_sorted(native=True)`);
- `appended`: the new documents appended unchecked and sorted (`graph.store._add_documents`,
  the fold now: a document new to the store is in no list);
- `rewritten`: the list left as it is, the relationship written (what any write of such a
  fact costs while its list is kept whole in its record).

Reported per variant: the median wall time and the embedded server's query and GC CPU per
write (its threads' CPU from /proc, which says more than wall time on a shared machine).
The difference between `checked` and `appended` is the check, between `appended` and
`rewritten` the sort; `rewritten` grows with the lists' length, which only a layout that
keeps long lists in parts would bound. The copy is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from graph.settings import Settings

RELS = ("PART_OF", "ADOPTED", "PARTNERS_WITH")


def _variants() -> dict[str, str]:
    from graph.store import _add_documents, _insert_sorted

    return {
        "checked": _insert_sorted("f.doc_ids", "r.docs", native=True),
        "appended": _add_documents("f.doc_ids", "r.docs", "[]"),
        "rewritten": "f.doc_ids",
    }


def measure(data_dir: Path, *, batch: int, rounds: int, listed: int, seed: int) -> dict[str, Any]:
    """The variants' cost on the store at `data_dir` (written to: give it a copy)."""
    from benchmarks.ingest_scale import _by_kind, _thread_cpu
    from graph.embedded import EmbeddedServer
    from graph.store import open_store

    store = open_store(Settings(data_dir=data_dir, heap=os.environ.get("COURTGRAPH_HEAP", "2g")))
    pid = EmbeddedServer(data_dir).status().pid
    try:
        docs = int(store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])
        facts = {
            rel: store.read(
                f"MATCH ()-[r:{rel}]->() WHERE r.doc_ids IS NOT NULL "
                "AND size(r.doc_ids) > $listed RETURN r.fact_id AS id, size(r.doc_ids) AS n",
                {"listed": listed},
                plain=True,
                bounded=False,
            )
            for rel in RELS
        }
        sizes = sorted(f["n"] for fs in facts.values() for f in fs)
        rng = random.Random(seed)
        runs: dict[str, list[tuple[float, float, float]]] = {k: [] for k in _variants()}
        for i in range(rounds + 1):  # the first round warms the server up
            for name, fold in _variants().items():
                statements: list[Any] = []
                for rel, found in facts.items():
                    rows = {
                        f["id"]: {
                            "docs": sorted(
                                f"doc:zz{rng.getrandbits(80):020x}"
                                for _ in range(max(1, round(batch * f["n"] / max(1, docs))))
                            )
                        }
                        for f in found
                    }
                    statements.append(
                        (
                            f"MATCH ()-[f:{rel}]->() WHERE f.fact_id IN $ids "
                            "WITH f, $rows[f.fact_id] AS r "
                            f"SET f.doc_ids = {fold}, f.benchmark_round = $i",
                            {"ids": sorted(rows), "rows": rows, "i": i},
                        )
                    )
                before = _thread_cpu(pid) if pid else {}
                t = time.perf_counter()
                store.write_statements(statements)
                wall = time.perf_counter() - t
                cpu = _by_kind(before, _thread_cpu(pid)) if pid else {}
                if i:
                    runs[name].append((wall, cpu.get("query", 0.0), cpu.get("gc", 0.0)))
        return {
            "documents": docs,
            "batch": batch,
            "facts": len(sizes),
            "entries": sum(sizes),
            "longest": sizes[-1] if sizes else 0,
            "median_listed": statistics.median(sizes) if sizes else 0,
            "rounds": rounds,
            "ms_per_write": {
                name: {
                    "wall": round(1000 * statistics.median(r[0] for r in xs), 1),
                    "server_query_cpu": round(1000 * statistics.median(r[1] for r in xs), 1),
                    "server_gc_cpu": round(1000 * statistics.median(r[2] for r in xs), 1),
                }
                for name, xs in runs.items()
            },
            "load_average": round(os.getloadavg()[0], 2),
        }
    finally:
        store.close()
        EmbeddedServer(data_dir).stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.fact_lists", description=__doc__)
    ap.add_argument("--store", type=Path, required=True, help="a data directory (copied)")
    ap.add_argument("--batch", type=int, default=300, help="documents per emulated write")
    ap.add_argument("--rounds", type=int, default=5, help="timed writes per variant")
    ap.add_argument("--listed", type=int, default=64, help="facts listing more documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--output", type=Path, help="write the result as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(args.store, copy, ignore=shutil.ignore_patterns("server.json"))
        result = measure(
            copy, batch=args.batch, rounds=args.rounds, listed=args.listed, seed=args.seed
        )
    result["load_average_start_end"] = result.pop("load_average")
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.output:
        args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
