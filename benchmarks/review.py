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
max are reported. Targets: every review page read under 1 s on the corpus graph; the queue
under 1 s on the benchmark graph. Writes benchmarks/results/review-<which>-<machine>-<date>.json
and .md. No timing is asserted.
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
from typing import Any

from graph import review
from graph.settings import Settings
from graph.store import GraphStore, open_store

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_S = 1.0
REVIEWER = "基准测试"

Case = tuple[str, Callable[[GraphStore], Any], bool]  # name, call, held to the target


def _time(call: Callable[[], Any], reps: int) -> dict[str, Any]:
    call()  # warm-up: the server's plan cache, the driver's connection
    runs, rows = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        out = call()
        runs.append(time.perf_counter() - t0)
        rows = len(out) if isinstance(out, list) else None
    return {
        "p50_s": round(statistics.median(runs), 4),
        "max_s": round(max(runs), 4),
        "rows": rows,
    }


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
    review.forget_queue_heads(store)  # what a delete, a merge or an import does
    return review.queue(store, kinds=["adoption"], limit=20)


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
    """What an ingest of one document now does to the heads (`refresh_queue_heads`: the
    head's facts and the document's read again), then the first queue read."""
    _keyed(store, document)
    review.refresh_queue_heads(store, [document])
    return review.queue(store, kinds=["adoption"], limit=20)


def cases(samples: dict[str, Any]) -> list[Case]:
    """The reads of the 审核 page and of `python -m graph review queue`, with parameters from
    the graph (`samples`: a popular initiative, a unit, a document, a province)."""
    initiative, unit = samples["initiative"], samples["unit"]
    document, province = samples["document"], samples["province"]
    return [
        ("page (progress + queue of 20 + evidence + candidates)", lambda s: _page(s), True),
        (
            "queue: adoptions, 20 (the page's default)",
            lambda s: review.queue(s, kinds=["adoption"], limit=20),
            True,
        ),
        (
            "queue: adoptions, 20, head forgotten (first read after a delete or a merge)",
            lambda s: _cold_queue(s),
            False,
        ),
        (
            "ingest hand-off: heads kept for one written document, then the queue",
            lambda s: _kept_queue(s, document),
            True,
        ),
        ("queue: outcomes, 20", lambda s: review.queue(s, kinds=["outcome"], limit=20), True),
        ("queue: people, 20", lambda s: review.queue(s, kinds=["person"], limit=20), True),
        ("queue: every kind, 50 (the CLI's default)", lambda s: review.queue(s, limit=50), True),
        (
            "queue: a popular initiative's adoptions",
            lambda s: review.queue(s, kinds=["adoption"], initiative=initiative, limit=20),
            True,
        ),
        ("queue: one unit, every kind", lambda s: review.queue(s, unit=unit, limit=50), True),
        (
            "queue: one document, every kind",
            lambda s: review.queue(s, document=document, limit=50),
            True,
        ),
        (
            "queue: one province's adoptions",
            lambda s: review.queue(s, kinds=["adoption"], province=province, limit=20),
            True,
        ),
        (
            "queue: another province's adoptions (the rarest on the corpus graph)",
            lambda s: review.queue(
                s, kinds=["adoption"], province=samples["rare_province"], limit=20
            ),
            True,
        ),
        (
            "queue: confidence <= 0.6",
            lambda s: review.queue(s, kinds=["adoption"], max_confidence=0.6, limit=20),
            True,
        ),
        (
            "queue: confidence <= 0.3 (fewer than asked)",
            lambda s: review.queue(s, kinds=["adoption"], max_confidence=0.3, limit=20),
            True,
        ),
        (
            "queue: one stage (piloted)",
            lambda s: review.queue(s, kinds=["adoption"], stage="piloted", limit=20),
            True,
        ),
        (
            "queue: province + stage + confidence <= 0.8",
            lambda s: review.queue(
                s,
                kinds=["adoption"],
                province=province,
                stage="piloted",
                max_confidence=0.8,
                limit=20,
            ),
            True,
        ),
        (
            "queue: initiative + province",
            lambda s: review.queue(
                s, kinds=["adoption"], initiative=initiative, province=province, limit=20
            ),
            True,
        ),
        (
            "queue: unit + confirmed",
            lambda s: review.queue(s, unit=unit, status="confirmed", limit=20),
            True,
        ),
        (
            "queue: outcomes, confidence <= 0.6",
            lambda s: review.queue(s, kinds=["outcome"], max_confidence=0.6, limit=20),
            True,
        ),
        (
            "queue: corrected, every kind",
            lambda s: review.queue(s, status="corrected", limit=20),
            True,
        ),
        (
            "queue: confirmed adoptions",
            lambda s: review.queue(s, kinds=["adoption"], status="confirmed", limit=20),
            True,
        ),
        (
            "queue: rejected (from the decisions)",
            lambda s: review.queue(s, status="rejected", limit=20),
            True,
        ),
        (
            "progress (counts, precision by rule and band; the page counts it in the background)",
            review.progress,
            False,
        ),
        ("progress by initiative (toggle)", review.progress_by_initiative, False),
        (
            "progress by document: the 20 queued facts' documents (toggle)",
            lambda s: review.progress_by_document(
                s,
                sorted(
                    {d for r in review.queue(s, kinds=["adoption"], limit=20) for d in r["doc_ids"]}
                ),
            ),
            True,
        ),
        ("progress by document: every document (command line)", review.progress_by_document, False),
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


def run_cases(store: GraphStore, samples: dict[str, Any], reps: int) -> list[dict[str, Any]]:
    out = []
    for name, call, held in cases(samples):
        r = _time(lambda c=call: c(store), reps)
        r.update(name=name, target_s=TARGET_S if held else None)
        r["met"] = (r["p50_s"] <= TARGET_S) if held else None
        print(f"  {name:<58} p50 {r['p50_s'] * 1000:8.1f} ms  max {r['max_s'] * 1000:8.1f} ms")
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
    return {
        "initiative": initiative,
        "unit": unit,
        "document": document,
        "province": province,
        "rare_province": rare,
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
            results = run_cases(store, samples, args.reps)
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
    return {
        "initiative": s["initiatives_by_adopters"][0]["id"],
        "unit": s["intermediate"][0],
        "document": s["documents"][0],
        "province": s["provinces"][0],
        "rare_province": s["provinces"][-1],
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
            results = run_cases(store, samples, args.reps)
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
        "| case | p50 ms | max ms | rows | target |",
        "|---|---:|---:|---:|---|",
    ]
    for c in r["cases"]:
        met = "-" if c["met"] is None else ("✓" if c["met"] else "✗")
        rows = "" if c["rows"] is None else c["rows"]
        lines.append(
            f"| {c['name']} | {c['p50_s'] * 1000:.1f} | {c['max_s'] * 1000:.1f} | {rows} | {met} |"
        )
    return "\n".join(lines) + "\n"


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
