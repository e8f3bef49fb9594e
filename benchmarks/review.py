"""How fast the review queue and the progress counts answer (issue 11).

    # (a) a graph built from the shared corpus's articles (ingested into a temporary store)
    python -m benchmarks.review corpus
    # (b) the synthetic benchmark graph, loaded into a temporary store at a reduced scale
    python -m benchmarks.review bench --scale 0.25
    # (b) on a graph kept by `python -m benchmarks.run --load-only --keep`
    python -m benchmarks.review bench --scale 1.0 --data-dir /tmp/courtgraph-bench-…

Before timing, a reviewer's decisions are recorded (a share of the facts confirmed, a few
rejected and corrected), so the counts, the precision and the confirmed/rejected lists have
something to read. Each case is timed as the 审核 page and `python -m graph review` call it
(graph/review.py, in this process, over Bolt), `--reps` times after one warm-up run; p50 and
max are reported, with how each answered (the stored head, a stage's head, anchored at an
initiative, unit or document, at a province's entities, from the decisions, or a scan of
every fact of the kind) and, at the end, the slowest queue case and every case that
scanned. The writes besides ingest (delete-document, a merge, an import of decisions) are
each followed by the first queue read, the write timed apart (with the time spent keeping
the heads current). Targets: every review page read under 1 s on the corpus graph; the
queue under 1 s on the benchmark graph. Writes
benchmarks/results/review-<which>-<machine>-<date>.json and .md (`--out` elsewhere).
`--only TEXT` runs the cases whose name has TEXT. The run writes into the store (decisions,
deleted documents, merges): give `--data-dir` a copy (`cp -a`) of a kept load. No timing is
asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from graph import review
from graph.settings import Settings
from graph.store import GraphStore, open_store

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_S = 1.0
REVIEWER = "基准测试"
WRITES = 16  # documents deleted, pairs merged: one per timed run (and the warm-up)


class Case(NamedTuple):
    name: str
    call: Callable[[GraphStore], Any]
    held: bool  # held to the target
    setup: Callable[[GraphStore], Any] | None = None  # a write before each run, timed apart
    reps: int | None = None  # fewer runs than --reps (a slow export)


#: how each run answered (graph/review.py's paths, counted by wrapping them): the stored
#: head read, a head built by a scan, a province anchored at its entities, the full scan
PATHS: dict[str, int] = {}
KEPT: list[float] = []  # seconds spent keeping the heads current (`keep_queue_heads`)


def _count_paths() -> None:
    """Wrap the queue's paths so each case reports which it took."""
    head, build, scan = review._queue_from_head, review._build_head, review._scan
    keep = review.keep_queue_heads

    def _keep(*a: Any, **k: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return keep(*a, **k)
        finally:
            KEPT.append(time.perf_counter() - t0)

    def _head(*a: Any, **k: Any) -> Any:
        out = head(*a, **k)
        which = "stage head" if k.get("head_stage") else "head"
        PATHS[which if out is not None else f"{which}: cannot tell"] = 1
        return out

    def _build(*a: Any, **k: Any) -> Any:
        PATHS["stage head built (scan)" if a[3:] and a[3] else "head built (scan)"] = 1
        return build(*a, **k)

    def _scan(*a: Any, **k: Any) -> Any:
        if k.get("members") is not None:
            PATHS["province's entities"] = 1
        elif k.get("ends") is not None:
            PATHS["decisions' facts"] = 1
        elif k.get("document") or k.get("initiative") or k.get("unit"):
            PATHS["anchored"] = 1
        else:
            PATHS["full scan"] = 1
        return scan(*a, **k)

    review._queue_from_head, review._build_head, review._scan = _head, _build, _scan  # type: ignore[assignment]
    review.keep_queue_heads = _keep  # type: ignore[assignment]


def _time(
    call: Callable[[], Any], reps: int, setup: Callable[[], Any] | None = None
) -> dict[str, Any]:
    runs, writes, kept, rows = [], [], [], None
    for i in range(reps + 1):  # the first: warm-up (the server's plan cache, the connection)
        if setup is not None:
            KEPT.clear()
            t0 = time.perf_counter()
            setup()
            writes.append(time.perf_counter() - t0)
            kept.append(sum(KEPT))
        PATHS.clear()
        t0 = time.perf_counter()
        out = call()
        if i:
            runs.append(time.perf_counter() - t0)
        rows = len(out) if isinstance(out, list) else None
    out_ = {
        "p50_s": round(statistics.median(runs), 4),
        "max_s": round(max(runs), 4),
        "rows": rows,
        "paths": sorted(PATHS),
    }
    if writes:
        out_["write_p50_s"] = round(statistics.median(writes[1:] or writes), 4)
        out_["kept_p50_s"] = round(statistics.median(kept[1:] or kept), 4)
    return out_


def _page(store: GraphStore, kind: str = "adoption", limit: int = 20) -> list[Any]:
    """What the 审核 page reads on every run, signed in: the key of its progress counts (the
    counts themselves are counted in the background: their own case below), one kind's
    queue, the evidence of its rows and the candidate initiatives."""
    store.read("MATCH (d:ReviewDecision) RETURN count(d) AS n, max(d.time) AS t, max(d.id) AS i")
    store.read("MATCH (d:Document) RETURN count(d) AS n")
    rows = review.queue(store, kinds=[kind], limit=limit)
    review.evidence_of(store, [r["fact_id"] for r in rows])
    review.candidate_initiatives(store)
    return rows


def _cold_queue(store: GraphStore) -> list[Any]:
    review.forget_queue_heads(store)  # what a write that cannot name its facts does (a refold)
    return review.queue(store, kinds=["adoption"], limit=20)


def _forget_stage_head(store: GraphStore) -> None:
    """Drop the head of the awarded adoptions (the kind's head stays)."""
    store.write_statements(
        [("MATCH (m:Meta {id: $id}) DELETE m", {"id": review._head_id("adoption", "awarded")})]
    )


def _keyed(store: GraphStore, document: str) -> None:
    """Give the sample document the `fact_keys` an ingest write gives every document (the
    synthetic generator writes documents without them, and the refresh would forget the
    heads instead of keeping them)."""
    from graph.store import fact_key

    found = store.read(
        "MATCH (d:Document {id: $id}) RETURN d.fact_keys AS k", {"id": document}, plain=True
    )
    if not found or found[0]["k"] is not None:
        return
    facts = store.read(
        "MATCH (:Document {id: $doc})-[:MENTIONS]->(a:Entity) MATCH (a)-[r]->(b:Entity) "
        "WHERE r.doc_ids IS NOT NULL AND $doc IN r.doc_ids "
        "RETURN DISTINCT r.fact_id AS f, a.id AS s, b.id AS d",
        {"doc": document},
        limit=100_000,
    )
    keys = sorted(fact_key(r["f"], r["s"], r["d"]) for r in facts)
    store.write_statements(
        [("MATCH (d:Document {id: $id}) SET d.fact_keys = $k", {"id": document, "k": keys})]
    )


def _kept_queue(store: GraphStore, document: str) -> list[Any]:
    """What an ingest of one document now does to the heads (`reapply_documents` keeps them
    from the document's facts: the head's facts and the document's read again), then the
    first queue read."""
    _keyed(store, document)
    facts = review.document_facts(store, [document])
    assert facts is not None  # (`_keyed` has just listed them)
    review.keep_queue_heads(store, facts)
    return review.queue(store, kinds=["adoption"], limit=20)


class _Writes:
    """The writes timed apart before a queue read: each run deletes another document,
    merges another pair of initiatives or imports other decisions (each can happen once)."""

    def __init__(self, samples: dict[str, Any]) -> None:
        self.docs = list(samples["deletable"])
        self.pairs = [tuple(p) for p in samples["merge_pairs"]]

    def delete(self, store: GraphStore) -> None:
        """`python -m graph delete-document` (graph/review.py: delete_document)."""
        if self.docs:
            review.delete_document(store, self.docs.pop(0))

    def merge(self, store: GraphStore) -> None:
        """A reviewer merges two initiatives (the least adopted: every run another pair)."""
        if self.pairs:
            keep, gone = self.pairs.pop(0)
            review.merge_entities(store, keep, gone, reviewer=REVIEWER)

    def import_(self, store: GraphStore) -> None:
        """`python -m graph review import` of 20 confirmations made elsewhere, on the first
        facts of the queue (so the head changes); choosing them is timed with the write."""
        rows = review.queue(store, kinds=["adoption"], limit=20)
        records = [
            review.Decision(
                fact_id=r["fact_id"],
                decision="confirm",
                reviewer="导入测试",
                old={"type": r["type"], "src": r["src_id"], "dst": r["dst_id"]},
            ).to_json()
            for r in rows
        ]
        with tempfile.TemporaryDirectory(prefix="courtgraph-review-import-") as tmp:
            path = Path(tmp) / "decisions.jsonl"
            path.write_text(
                "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in records),
                encoding="utf-8",
            )
            review.from_jsonl(store, path)


def cases(samples: dict[str, Any]) -> list[Case]:
    """The reads of the 审核 page and of `python -m graph review queue`, with parameters from
    the graph (`samples`: a popular initiative, a unit, a document, a province), then the
    first queue read after each kind of write (the writes last: they change the graph)."""
    initiative, unit = samples["initiative"], samples["unit"]
    document, province = samples["document"], samples["province"]
    writes = _Writes(samples)

    def adoptions(**f: Any) -> Callable[[GraphStore], Any]:
        return lambda s: review.queue(s, kinds=["adoption"], limit=20, **f)

    return [
        Case("page (progress + queue of 20 + evidence + candidates)", lambda s: _page(s), True),
        Case("queue: adoptions, 20 (the page's default)", adoptions(), True),
        Case(
            "queue: adoptions, 20, head forgotten (a rebuild: what every write did before)",
            lambda s: _cold_queue(s),
            False,
        ),
        Case(
            "ingest hand-off: heads kept for one written document, then the queue",
            lambda s: _kept_queue(s, document),
            True,
        ),
        Case("queue: outcomes, 20", lambda s: review.queue(s, kinds=["outcome"], limit=20), True),
        Case("queue: people, 20", lambda s: review.queue(s, kinds=["person"], limit=20), True),
        Case(
            "queue: every kind, 50 (the CLI's default)", lambda s: review.queue(s, limit=50), True
        ),
        Case("queue: a popular initiative's adoptions", adoptions(initiative=initiative), True),
        Case("queue: one unit, every kind", lambda s: review.queue(s, unit=unit, limit=50), True),
        Case(
            "queue: one document, every kind",
            lambda s: review.queue(s, document=document, limit=50),
            True,
        ),
        Case("queue: one province's adoptions", adoptions(province=province), True),
        Case(
            "queue: another province's adoptions (the rarest on the corpus graph)",
            adoptions(province=samples["rare_province"]),
            True,
        ),
        Case(
            "queue: one province, every kind",
            lambda s: review.queue(s, province=province, limit=50),
            True,
        ),
        Case(
            "queue: people of one province",
            lambda s: review.queue(s, kinds=["person"], province=province, limit=20),
            True,
        ),
        Case("queue: confidence <= 0.6", adoptions(max_confidence=0.6), True),
        Case("queue: confidence <= 0.3 (fewer than asked)", adoptions(max_confidence=0.3), True),
        Case("queue: one stage (piloted)", adoptions(stage="piloted"), True),
        Case("queue: a rare stage (awarded)", adoptions(stage="awarded"), True),
        Case(
            "queue: a rare stage (awarded), 100 rows (past the head: the stage's own head)",
            lambda s: review.queue(s, kinds=["adoption"], stage="awarded", limit=100),
            True,
        ),
        Case(
            "queue: a rare stage, 100 rows, its head forgotten (its one-time build)",
            lambda s: review.queue(s, kinds=["adoption"], stage="awarded", limit=100),
            False,
            setup=_forget_stage_head,
        ),
        Case(
            "queue: a rare stage + confidence <= 0.8",
            adoptions(stage="awarded", max_confidence=0.8),
            True,
        ),
        Case(
            "queue: province + stage + confidence <= 0.8",
            adoptions(province=province, stage="piloted", max_confidence=0.8),
            True,
        ),
        Case(
            "queue: province + a rare stage (awarded)",
            adoptions(province=samples["rare_province"], stage="awarded"),
            True,
        ),
        Case(
            "queue: province + confidence <= 0.6",
            adoptions(province=province, max_confidence=0.6),
            True,
        ),
        Case(
            "queue: initiative + province",
            adoptions(initiative=initiative, province=province),
            True,
        ),
        Case(
            "queue: initiative + stage + confidence <= 0.8",
            adoptions(initiative=initiative, stage="piloted", max_confidence=0.8),
            True,
        ),
        Case(
            "queue: unit + province + stage",
            adoptions(unit=unit, province=province, stage="adopted"),
            True,
        ),
        Case(
            "queue: unit + confirmed",
            lambda s: review.queue(s, unit=unit, status="confirmed", limit=20),
            True,
        ),
        Case(
            "queue: outcomes, confidence <= 0.6",
            lambda s: review.queue(s, kinds=["outcome"], max_confidence=0.6, limit=20),
            True,
        ),
        Case(
            "queue: corrected, every kind",
            lambda s: review.queue(s, status="corrected", limit=20),
            True,
        ),
        Case("queue: confirmed adoptions", adoptions(status="confirmed"), True),
        Case(
            "queue: confirmed, one province + a stage",
            adoptions(status="confirmed", province=province, stage="adopted"),
            True,
        ),
        Case(
            "queue: rejected (from the decisions)",
            lambda s: review.queue(s, status="rejected", limit=20),
            True,
        ),
        Case(
            "progress (counts, precision by rule and band; the page counts it in the background)",
            review.progress,
            False,
        ),
        Case("progress by initiative (toggle)", review.progress_by_initiative, False),
        Case(
            "progress by document: the 20 queued facts' documents (toggle)",
            lambda s: review.progress_by_document(
                s,
                sorted(
                    {d for r in review.queue(s, kinds=["adoption"], limit=20) for d in r["doc_ids"]}
                ),
            ),
            True,
        ),
        Case(
            "progress by document: a page of 100 (command line, --limit 100)",
            lambda s: review.progress_by_document(s, limit=100, after=document),
            True,
        ),
        Case(
            "progress by document: every document (command line, no --limit)",
            review.progress_by_document,
            False,
            reps=2,
        ),
        # the writes besides ingest, each followed by the first queue read (heads kept)
        Case(
            "first queue read after a delete-document (heads kept; write timed apart)",
            adoptions(),
            True,
            setup=writes.delete,
        ),
        Case(
            "first queue read after a merge of two initiatives (heads kept)",
            adoptions(),
            True,
            setup=writes.merge,
        ),
        Case(
            "first queue read after importing 20 decisions (heads kept)",
            adoptions(),
            True,
            setup=writes.import_,
        ),
    ]


# -- deciding before timing -----------------------------------------------------------------
def decide_some(store: GraphStore, *, confirm: int, reject: int, correct: int) -> dict[str, Any]:
    """A reviewer's work so far: the first facts of the queue confirmed (in pages of 200, as
    the page's 确认以下全部 does), a few rejected and a few corrected."""
    t0 = time.perf_counter()
    wanted = confirm + reject + correct
    todo = review.queue(store, kinds=["adoption", "outcome"], limit=2 * wanted)
    todo = todo[::2]  # every other one: the queue keeps open facts of each kind
    ids = [r["fact_id"] for r in todo]
    adoptions = [r["fact_id"] for r in todo if r["kind"] == "adoption"]
    rejected = adoptions[:reject]
    corrected = adoptions[reject : reject + correct]
    confirmed = [f for f in ids if f not in set(rejected) | set(corrected)][:confirm]
    for i in range(0, len(confirmed), 200):
        review.decide_many(store, confirmed[i : i + 200], "confirm", reviewer=REVIEWER)
    if rejected:
        review.decide_many(store, rejected, "reject", reviewer=REVIEWER, note="阶段不对")
    for f in corrected:
        review.decide(store, f, "correct", reviewer=REVIEWER, new={"date": "2021-06"})
    return {
        "confirmed": len(confirmed),
        "rejected": len(rejected),
        "corrected": len(corrected),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def run_cases(
    store: GraphStore, samples: dict[str, Any], reps: int, only: str = ""
) -> list[dict[str, Any]]:
    samples["deletable"] = [  # (a kept store: those a run before deleted are gone)
        d for d in samples["deletable"] if store.has_document(d)
    ]
    for doc in samples["deletable"]:  # as ingest writes documents (the generator does not)
        _keyed(store, doc)
    present = {
        r["id"]
        for r in store.read(
            "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id",
            {"ids": sorted({x for p in samples["merge_pairs"] for x in p})},
        )
    }
    samples["merge_pairs"] = [p for p in samples["merge_pairs"] if set(p) <= present]
    _count_paths()
    out = []
    for case in cases(samples):
        if only and not any(part in case.name for part in only.split(",")):
            continue
        setup = None if case.setup is None else (lambda c=case: c.setup(store))
        r = _time(lambda c=case: c.call(store), min(reps, case.reps or reps), setup)
        r.update(name=case.name, target_s=TARGET_S if case.held else None)
        r["met"] = (r["p50_s"] <= TARGET_S) if case.held else None
        write = (
            f"  (write {r['write_p50_s'] * 1000:.0f} ms, of which heads kept "
            f"{r['kept_p50_s'] * 1000:.0f} ms)"
            if "write_p50_s" in r
            else ""
        )
        print(
            f"  {case.name:<58} p50 {r['p50_s'] * 1000:8.1f} ms  max {r['max_s'] * 1000:8.1f} ms"
            f"  [{', '.join(r['paths'])}]{write}",
            flush=True,
        )
        out.append(r)
    return out


def graph_size(store: GraphStore) -> dict[str, int]:
    counts = store.counts()
    return {k: int(v) for k, v in sorted(counts.items())}


# -- (a) the corpus graph --------------------------------------------------------------------
def corpus_samples(store: GraphStore) -> dict[str, Any]:
    per = review.progress_by_initiative(store)
    initiative = max(per, key=lambda r: sum(r[s] for s in review.STATUSES))["id"]
    unit = store.read(
        "MATCH (u:Court)-[a:ADOPTED]->(:Initiative) RETURN u.id AS id, count(a) AS n "
        "ORDER BY n DESC, id LIMIT 1"
    )[0]["id"]
    document = store.read(
        "MATCH (e:Evidence) RETURN e.doc_id AS d, count(e) AS n ORDER BY n DESC, d LIMIT 1"
    )[0]["d"]
    province = store.read(
        "MATCH (u:Court)-[:ADOPTED]->(:Initiative) WHERE u.province IS NOT NULL "
        "RETURN u.province AS p, count(*) AS n ORDER BY n DESC, p LIMIT 1"
    )[0]["p"]
    rare = store.read(
        "MATCH (u:Court)-[:ADOPTED]->(:Initiative) WHERE u.province IS NOT NULL "
        "RETURN u.province AS p, count(*) AS n ORDER BY n, p LIMIT 1"
    )[0]["p"]
    deletable = store.read(
        "MATCH (d:Document) WHERE d.id <> $doc RETURN d.id AS id ORDER BY id LIMIT $n",
        {"doc": document, "n": WRITES},
    )
    least = store.read(
        "MATCH (i:Initiative) RETURN i.id AS id ORDER BY coalesce(i.adopter_count, 0), id LIMIT $n",
        {"n": 2 * WRITES},
    )
    return {
        "initiative": initiative,
        "unit": unit,
        "document": document,
        "province": province,
        "rare_province": rare,
        "deletable": [r["id"] for r in deletable],
        "merge_pairs": [(least[k + 1]["id"], least[k]["id"]) for k in range(0, len(least) - 1, 2)],
    }


def run_corpus(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.common import ingested_store

    paths = [str(p) for p in args.paths]
    print(f"ingesting {', '.join(paths)}", flush=True)
    t0 = time.perf_counter()
    with ingested_store(paths) as env:
        ingest_s = time.perf_counter() - t0
        settings = dataclasses.replace(
            Settings.from_env(env), neo4j_uri=None, data_dir=Path(env["COURTGRAPH_DATA_DIR"])
        )
        with open_store(settings) as store:
            size = graph_size(store)
            samples = corpus_samples(store)
            decided = decide_some(store, confirm=args.confirm, reject=args.reject, correct=5)
            print(f"  decided {decided}", flush=True)
            results = run_cases(store, samples, args.reps, args.only)
    return {
        "graph": "corpus",
        "paths": paths,
        "ingest_s": round(ingest_s, 1),
        "size": size,
        "samples": samples,
        "decided": decided,
        "cases": results,
    }


# -- (b) the benchmark graph -----------------------------------------------------------------
def bench_samples(manifest: dict[str, Any]) -> dict[str, Any]:
    s = manifest["samples"]
    least = [x["id"] for x in reversed(s["initiatives_by_adopters"])][: 2 * WRITES]
    return {
        "initiative": s["initiatives_by_adopters"][0]["id"],
        "unit": s["intermediate"][0],
        "document": s["documents"][0],
        "province": s["provinces"][0],
        "rare_province": s["provinces"][-1],
        "deletable": s["documents"][1 : 1 + WRITES],
        # (keep, gone): the least adopted initiatives, a pair per run
        "merge_pairs": [(least[k + 1], least[k]) for k in range(0, len(least) - 1, 2)],
    }


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.generate import ensure_generated
    from benchmarks.run import _load
    from graph.embedded import EmbeddedServer
    from graph.summaries import refresh_all

    t0 = time.perf_counter()
    data, manifest = ensure_generated(args.seed, args.scale)
    print(
        f"graph: {manifest['nodes']:,} nodes, {manifest['relationships']:,} relationships "
        f"({time.perf_counter() - t0:.1f} s)",
        flush=True,
    )
    # ArcadeDB ignores the driver's timeout; its own stops a runaway query (benchmarks/run.py)
    os.environ["JAVA_TOOL_OPTIONS"] = (
        os.environ.get("JAVA_TOOL_OPTIONS", "") + " -Darcadedb.command.timeout=60000"
    ).strip()
    keep = args.data_dir is not None
    tmp = args.data_dir or Path(tempfile.mkdtemp(prefix="courtgraph-review-"))
    settings = dataclasses.replace(
        Settings.from_env(), neo4j_uri=None, data_dir=tmp, query_timeout=60.0
    )
    load: dict[str, Any] = {}
    try:
        with open_store(settings) as store:
            if not store.read("MATCH (n:Entity) WITH n LIMIT 1 RETURN count(n) AS n")[0]["n"]:
                stats = _load(store, data, 5000, lambda m: print(m, flush=True))
                t1 = time.perf_counter()
                refresh_all(store)
                load = {
                    "seconds": round(stats.seconds, 1),
                    "summaries_s": round(time.perf_counter() - t1, 1),
                }
                print(f"  loaded in {load['seconds']} s", flush=True)
            size = graph_size(store)
            samples = bench_samples(manifest)
            decided = decide_some(store, confirm=args.confirm, reject=args.reject, correct=5)
            print(f"  decided {decided}", flush=True)
            results = run_cases(store, samples, args.reps, args.only)
    finally:
        EmbeddedServer(tmp).stop()
        if args.keep_data and not keep:
            print(f"  kept {tmp}")
        elif not keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return {
        "graph": "benchmark",
        "seed": args.seed,
        "scale": args.scale,
        "relationships": manifest["relationships"],
        "load": load,
        "size": size,
        "samples": samples,
        "decided": decided,
        "cases": results,
    }


# -- report ----------------------------------------------------------------------------------
def render_markdown(report: dict[str, Any]) -> str:
    r = report["result"]
    what = (
        f"benchmark graph, seed {r['seed']}, scale {r['scale']} "
        f"({r['relationships']:,} relationships)"
        if r["graph"] == "benchmark"
        else f"corpus graph ({', '.join(r['paths'])})"
    )
    lines = [
        f"# Review queue and progress — {what}",
        "",
        f"{report['date']}, {report['machine']['cpu']}, {report['machine']['cores']} cores, "
        f"load average {' '.join(report['load_before']['loadavg'])} before, "
        f"{' '.join(report['load_after']['loadavg'])} after. {report.get('note') or ''}",
        "",
        f"Graph: {', '.join(f'{k} {v:,}' for k, v in r['size'].items())}. Decided first: "
        f"{r['decided']['confirmed']} confirmed, {r['decided']['rejected']} rejected, "
        f"{r['decided']['corrected']} corrected ({r['decided']['seconds']} s).",
        "",
        f"{report['reps']} timed runs after one warm-up; target {TARGET_S:g} s (p50).",
        "",
        "| case | p50 ms | max ms | rows | how it answered | write p50 ms (heads kept) | target |",
        "|---|---:|---:|---:|---|---:|---|",
    ]
    for c in r["cases"]:
        met = "-" if c["met"] is None else ("✓" if c["met"] else "✗")
        rows = "" if c["rows"] is None else c["rows"]
        write = (
            f"{c['write_p50_s'] * 1000:.0f} ({c.get('kept_p50_s', 0) * 1000:.0f})"
            if "write_p50_s" in c
            else ""
        )
        lines.append(
            f"| {c['name']} | {c['p50_s'] * 1000:.1f} | {c['max_s'] * 1000:.1f} | {rows} "
            f"| {', '.join(c.get('paths') or [])} | {write} | {met} |"
        )
    lines += ["", *worst_case(r["cases"])]
    return "\n".join(lines) + "\n"


def worst_case(results: list[dict[str, Any]]) -> list[str]:
    """The queue's slowest case and the cases that read every fact of a kind."""
    queues = [c for c in results if "queue" in c["name"] and c["met"] is not None]
    if not queues:
        return []
    worst = max(queues, key=lambda c: c["p50_s"])
    scans = [  # (held to the target or not: the one-time builds too)
        f"{c['name']} ({c['p50_s'] * 1000:.0f} ms)"
        for c in results
        if {"full scan", "head built (scan)", "stage head built (scan)"} & set(c["paths"])
    ]
    return [
        f"Worst queue case measured: {worst['name']}, p50 {worst['p50_s'] * 1000:.0f} ms "
        f"(max {worst['max_s'] * 1000:.0f} ms; {', '.join(worst['paths'])}).",
        "",
        "Cases that read every fact of a kind (their time grows with the graph): "
        + ("; ".join(scans) if scans else "none")
        + ". The queue reads every fact of a kind only when neither a stored head (the "
        f"first {review.HEAD_SIZE:,} open facts of the kind, or of one stage's adoptions) nor an "
        "anchor "
        "(an initiative, a unit, a document, a province's courts, tribunals and "
        "organisations) answers: the first read of a rare stage without a province (its "
        "head is built by one scan, then kept by every write), a head built again after a "
        "write that cannot name the facts it changed (a refold, an end's province changed) "
        "or after every fact in it was decided, and the confirmed and corrected queues "
        f"when the store holds more than {review.DECIDED_LOOKUPS:,} decisions or a merged "
        "fact's decision record "
        "lacks the stage or title its new id is made of (the scan of the decided status). "
        "Each is one ordered read of the kind's relationships (its time is in the rows "
        "above; the 'head forgotten' rows are not held to the target). The confirmed queue otherwise looks up every confirmed fact: its cost follows "
        "the confirmations, not the graph.",
    ]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.machine import load_snapshot, machine_info, machine_slug

    parser = argparse.ArgumentParser(prog="python -m benchmarks.review", description=__doc__)
    sub = parser.add_subparsers(dest="graph", required=True)
    corpus = sub.add_parser("corpus", help="a graph ingested from article folders")
    corpus.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[CORPUS / "seeds", CORPUS / "dev" / "articles"],
        help="folders to ingest (default: the shared corpus's seeds and dev articles)",
    )
    bench = sub.add_parser("bench", help="the synthetic benchmark graph")
    bench.add_argument("--seed", type=int, default=1)
    bench.add_argument("--scale", type=float, default=0.25)
    bench.add_argument("--data-dir", type=Path, help="an embedded store already loaded")
    bench.add_argument("--keep-data", action="store_true", help="keep the loaded store")
    for p in (corpus, bench):
        p.add_argument("--reps", type=int, default=10)
        p.add_argument("--confirm", type=int, default=400, help="facts confirmed first")
        p.add_argument("--reject", type=int, default=40, help="adoptions rejected first")
        p.add_argument("--note", default="")
        p.add_argument(
            "--only",
            default="",
            help="only the cases whose name has this text (several: comma-separated)",
        )
        p.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    info = machine_info()
    before = load_snapshot()
    result = run_corpus(args) if args.graph == "corpus" else run_bench(args)
    report = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": info,
        "load_before": before,
        "load_after": load_snapshot(),
        "reps": args.reps,
        "note": args.note,
        "result": result,
    }
    which = "corpus" if args.graph == "corpus" else f"bench-scale{args.scale:g}"
    stem = f"review-{which}-{machine_slug(info)}-{dt.date.today().isoformat()}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stem}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (args.out / f"{stem}.md").write_text(render_markdown(report), encoding="utf-8")
    print(f"wrote {args.out / stem}.md and .json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
