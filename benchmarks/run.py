"""Load a generated courtgraph into a fresh store and time every named query.

    python -m benchmarks.run                       # full size, embedded ArcadeDB
    python -m benchmarks.run --scale 0.02          # smoke size, under a minute
    python -m benchmarks.run --scale 0.01 --quick  # CI smoke: exits non-zero on any failure
    python -m benchmarks.run --neo4j --neo4j-clear # also Neo4j (NEO4J_URI …), side by side
    python -m benchmarks.run --store DIR --only unit_portfolio,collections --quick
                                                   # time some queries on a kept store (--keep)

Reports the load time and rate, the server's peak memory (VmHWM of its process) and the
client's, and p50/p95 latency of each query in `queries.REGISTRY` over `--reps` runs with
parameters drawn from the generated data. Writes `benchmarks/results/<machine>-<date>.md`
and `.json` (not with `--quick` unless `--out` is given). A full run asserts no timing: a
missed target is reported, not failed (it exits non-zero on an error or a count that differs).
With `--store` a missed target is failed too: it times a few queries after a change to them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j.exceptions import Neo4jError

from benchmarks.bulk import BulkStats, bulk_load
from benchmarks.generate import (
    ensure_generated,
    read_nodes,
    read_props,
    read_rels,
)
from benchmarks.machine import (
    _cpu_seconds,
    _status_kib,
    load_snapshot,
    machine_info,
    machine_slug,
)
from benchmarks.report import render_markdown
from benchmarks.sampling import ParamSource
from graph.errors import CourtgraphError
from graph.settings import Settings
from graph.store import GraphStore, open_store
from graph.summaries import refresh_all
from queries import REGISTRY
from queries import run as run_query

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 50.0
TARGET_PATH_MS = 200.0
TARGET_LOAD_RATE = 10_000.0
TARGET_TABLE_MS = 2000.0
# path finding has its own target (issue #5); the analytics tables read whole-graph data for
# the analyses of issue #4, whose target is an answer in under 2 seconds
SLOW_TARGETS = {
    "path": TARGET_PATH_MS,
    "adoption_events": TARGET_TABLE_MS,
    "adopter_outcomes": TARGET_TABLE_MS,
    "adopter_outcome_index": TARGET_TABLE_MS,
    "court_places": TARGET_TABLE_MS,
    "adoption_summary": TARGET_TABLE_MS,
    "units": TARGET_TABLE_MS,
}

#: the tables whose every row is the answer: a jurisdiction's reports, figures, people and
#: units for the figures that draw all of them (portfolio, unit briefing, adoption map), and
#: every fact about an initiative with its review status. Their time follows the rows, not
#: the search (under a high court: counting its 4,345 adoption reports takes 6 ms, returning
#: them 100+); a run is allowed 50 ms plus this much per 1,000 rows it returns, the cost of
#: a row through the server, Bolt and the driver on this machine (`adoption_events`: 121,276
#: rows in 2.4 s). See README.md, "Tables of every row".
PER_1000_ROWS_MS = 20.0
ROW_TABLES = frozenset(
    {
        "unit_portfolio",
        "outcomes_under",
        "people_under",
        "units_under",
        "initiative_fact_status",
    }
)

Params = dict[str, Any]


# -- timing ------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    xs = sorted(values)
    k = max(0, min(len(xs) - 1, int(round(q / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


@dataclasses.dataclass
class QueryTiming:
    name: str
    target_ms: float
    ms: list[float] = dataclasses.field(default_factory=list)
    rows: list[int] = dataclasses.field(default_factory=list)
    errors: list[str] = dataclasses.field(default_factory=list)
    by_variant: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    slowest: tuple[float, Params] | None = None
    per_1000_rows_ms: float = 0.0  # a table of every row: allowed this much more per 1,000

    def net_ms(self) -> list[float]:
        """Each run's time less its rows' allowance (the time itself for other queries)."""
        return [
            ms - self.per_1000_rows_ms * n / 1000.0
            for ms, n in zip(self.ms, self.rows, strict=True)
        ]

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "target_ms": self.target_ms,
            "per_1000_rows_ms": self.per_1000_rows_ms,
            "runs": len(self.ms),
            "errors": len(self.errors),
            "error_examples": self.errors[:3],
        }
        if self.ms:
            out.update(
                p50_ms=round(percentile(self.ms, 50), 1),
                p95_ms=round(percentile(self.ms, 95), 1),
                max_ms=round(max(self.ms), 1),
                mean_rows=round(statistics.fmean(self.rows), 1) if self.rows else 0,
                # a table of every row: its p95 less each run's allowance for its rows
                p95_net_ms=round(percentile(self.net_ms(), 95), 1),
                met=percentile(self.net_ms(), 95) <= self.target_ms and not self.errors,
                variants={
                    k: {
                        "runs": len(v),
                        "p50_ms": round(percentile(v, 50), 1),
                        "p95_ms": round(percentile(v, 95), 1),
                    }
                    for k, v in sorted(self.by_variant.items())
                },
                slowest_params=self.slowest[1] if self.slowest else None,
            )
        else:
            out["met"] = False
        return out


def time_queries(
    store: GraphStore,
    samples: dict[str, Any],
    *,
    reps: int,
    warmup: int,
    seed: int,
    budget_s: float,
    names: list[str] | None = None,
    log: Callable[[str], None] = print,
) -> list[QueryTiming]:
    """p50/p95 of every named query, `reps` runs each with varied parameters."""
    out: list[QueryTiming] = []
    for name in names or sorted(REGISTRY):
        query = REGISTRY[name]
        source = ParamSource(samples, seed)  # same parameters on every backend
        timing = QueryTiming(
            name,
            SLOW_TARGETS.get(name, TARGET_MS),
            per_1000_rows_ms=PER_1000_ROWS_MS if name in ROW_TABLES else 0.0,
        )
        started = time.perf_counter()
        spent: dict[str, float] = {}  # seconds per variant: a slow case must not starve the rest
        for i in range(warmup + reps):
            variant, params = source.draw(query)
            for _ in range(20):
                if spent.get(variant, 0.0) < budget_s / 3:
                    break
                variant, params = source.draw(query)
            t = time.perf_counter()
            try:
                n_rows = len(run_query(store, name, params).rows)
            except (CourtgraphError, Neo4jError) as exc:  # a timeout, a refusal: still a run
                timing.errors.append(f"{type(exc).__name__}: {exc}"[:300])
                n_rows = 0
            ms = (time.perf_counter() - t) * 1000.0
            spent[variant] = spent.get(variant, 0.0) + ms / 1000.0
            if i < warmup and not (ms > 2000.0 and i > 0) and not timing.errors:
                continue  # warm-up (a slow query gets one only)
            timing.ms.append(ms)
            timing.rows.append(n_rows)
            timing.by_variant.setdefault(variant, []).append(ms)
            if timing.slowest is None or ms > timing.slowest[0]:
                timing.slowest = (ms, params)
            if len(timing.ms) >= reps:
                break
            if time.perf_counter() - started > budget_s:
                log(f"  {name}: stopped after {len(timing.ms)} runs ({budget_s:.0f} s budget)")
                break
        s = timing.summary()
        flag = "ok " if s["met"] else "MISS"
        net = (
            f"  p95 less rows {s['p95_net_ms']} ms" if timing.per_1000_rows_ms and timing.ms else ""
        )
        log(
            f"  {flag} {name:20s} p50 {s.get('p50_ms', '-'):>8} ms  p95 {s.get('p95_ms', '-'):>8} ms"
            f"  rows {s.get('mean_rows', '-'):>7}  errors {s['errors']}{net}"
        )
        out.append(timing)
    return out


# -- one backend -------------------------------------------------------------------------
@dataclasses.dataclass
class BackendResult:
    backend: str
    description: str
    load: dict[str, Any]
    memory: dict[str, Any]
    queries: list[dict[str, Any]]
    counts_ok: bool
    count_mismatches: dict[str, tuple[int | None, int | None]]
    snapshot_before: dict[str, Any]
    snapshot_after: dict[str, Any]


def _load(
    store: GraphStore,
    data: Path,
    batch_size: int,
    log: Callable[[str], None],
) -> BulkStats:
    last = [0.0]

    def progress(s: BulkStats) -> None:
        now = time.perf_counter()
        if now - last[0] > 15:
            last[0] = now
            log(f"    {s.nodes:>9,} nodes {s.relationships:>10,} relationships")

    return bulk_load(
        store,
        read_nodes(data, "entities"),
        read_rels(data),
        concurrent={
            "Document": read_props(data, "documents"),
            "Evidence": read_props(data, "evidence"),
        },
        batch_size=batch_size,
        progress=progress,
    )


def run_backend(
    backend: str,
    settings: Settings,
    data: Path,
    manifest: dict[str, Any],
    args: argparse.Namespace,
    log: Callable[[str], None],
) -> BackendResult:
    before = load_snapshot()
    server_pid: int | None = None
    store = open_store(settings)
    try:
        if backend == "arcadedb":
            from graph.embedded import EmbeddedServer

            server_pid = EmbeddedServer(settings.data_dir).status().pid
        elif store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]:
            if not args.neo4j_clear:
                raise CourtgraphError(
                    f"{store.description} is not empty; pass --neo4j-clear to delete everything "
                    "in it before loading (the benchmark needs a fresh database)"
                )
            log("  clearing the Neo4j database")
            store.clear()
        cpu0 = _cpu_seconds(server_pid) if server_pid else None
        client0 = time.process_time()
        log(
            f"  loading {manifest['nodes']:,} nodes and {manifest['relationships']:,} relationships"
        )
        stats = _load(store, data, args.batch_size, log)
        server_cpu = (_cpu_seconds(server_pid) or 0) - (cpu0 or 0) if server_pid else None
        client_cpu = time.process_time() - client0
        load = {
            "nodes": stats.nodes,
            "relationships": stats.relationships,
            "seconds": round(stats.seconds, 1),
            "rate": round(stats.rate),
            "batch_size": args.batch_size,
            "lane_seconds": stats.lane_seconds,
            "server_cpu_s": round(server_cpu, 1) if server_cpu is not None else None,
            "client_cpu_s": round(client_cpu, 1),
            "target_rate": TARGET_LOAD_RATE,
            "met": stats.rate >= TARGET_LOAD_RATE,
        }
        log(
            f"  loaded {stats.items:,} in {stats.seconds:.1f} s = {stats.rate:,.0f}/s "
            f"(server CPU {load['server_cpu_s']} s, client CPU {load['client_cpu_s']} s)"
        )
        t_sum = time.perf_counter()
        refresh_all(store)  # the derived summaries a bulk load does not maintain
        load["summaries_s"] = round(time.perf_counter() - t_sum, 1)
        log(f"  summaries computed in {load['summaries_s']} s")
        counts = store.counts()
        expected = manifest["counts"]
        mismatches = {
            k: (counts.get(k), expected.get(k))
            for k in sorted(set(counts) | set(expected))
            if counts.get(k, 0) != expected.get(k, 0)
        }
        if mismatches:
            log(f"  COUNTS DIFFER (store, generated): {mismatches}")
        if args.load_only:
            args.reps = 0
        log(f"  timing {len(REGISTRY)} named queries, {args.reps} runs each")
        timings = (
            []
            if args.load_only
            else time_queries(
                store,
                manifest["samples"],
                reps=args.reps,
                warmup=args.warmup,
                seed=args.seed,
                budget_s=args.query_budget,
                names=args.only,
                log=log,
            )
        )
        summaries = [t.summary() for t in timings]
        memory: dict[str, Any] = {
            "client_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        if server_pid:
            hwm = _status_kib(server_pid, "VmHWM")
            rss = _status_kib(server_pid, "VmRSS")
            memory["server_peak_mib"] = round(hwm / 1024) if hwm else None
            memory["server_rss_end_mib"] = round(rss / 1024) if rss else None
            memory["heap"] = settings.heap
        return BackendResult(
            backend=backend,
            description=store.description,
            load=load,
            memory=memory,
            queries=summaries,
            counts_ok=not mismatches,
            count_mismatches=mismatches,
            snapshot_before=before,
            snapshot_after=load_snapshot(),
        )
    finally:
        store.close()


def time_kept_store(
    args: argparse.Namespace,
    env: Settings,
    manifest: dict[str, Any],
    log: Callable[[str], None],
) -> int:
    """Time named queries on an embedded store kept by an earlier run (`--store`): nothing is
    loaded, and no report is written (the lines printed are the result). Exits non-zero when
    a query failed or missed its target: it checks a change to a few queries."""
    settings = dataclasses.replace(
        env, neo4j_uri=None, data_dir=args.store, query_timeout=args.query_timeout
    )
    store = open_store(settings)
    try:
        log(f"== arcadedb (kept store {args.store})")
        timings = time_queries(
            store,
            manifest["samples"],
            reps=args.reps,
            warmup=args.warmup,
            seed=args.seed,
            budget_s=args.query_budget,
            names=args.only,
            log=log,
        )
    finally:
        store.close()
    # a query that failed or missed its target: a non-zero exit (this run is the check)
    missed = [t.name for t in timings if t.errors or not t.summary()["met"]]
    if missed:
        print(f"Error: failed or missed the target: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


# -- main --------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = full size (default)")
    parser.add_argument("--data", type=Path, help="generated graph directory (default: cached)")
    parser.add_argument(
        "--reps", type=int, help="timed runs per query (default 50; 10 below scale 0.1; quick 5)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs per query first")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument(
        "--query-budget", type=float, help="seconds per query (default 60; 5 below scale 0.1)"
    )
    parser.add_argument("--query-timeout", type=float, default=30.0)
    parser.add_argument("--quick", action="store_true", help="smoke run: few reps, no report")
    parser.add_argument("--neo4j", action="store_true", help="also Neo4j (NEO4J_URI etc.)")
    parser.add_argument("--no-embedded", action="store_true", help="Neo4j only")
    parser.add_argument("--neo4j-clear", action="store_true", help="empty the Neo4j DB first")
    parser.add_argument("--load-only", action="store_true", help="load, count, no queries")
    parser.add_argument("--keep", action="store_true", help="keep the embedded data directory")
    parser.add_argument("--out", type=Path, help="results directory (default benchmarks/results)")
    parser.add_argument("--note", default="", help="a line for the report (e.g. machine load)")
    parser.add_argument(
        "--store",
        type=Path,
        help="time the queries on this embedded store (a directory kept with --keep, of the "
        "same --seed and --scale) instead of loading a fresh one (opening a store brings its summaries up to date: give a copy of one you must not change)",
    )
    parser.add_argument("--only", help="comma-separated named queries to time (default: every one)")
    args = parser.parse_args(argv)
    only = [n.strip() for n in (args.only or "").split(",") if n.strip()] or None
    unknown = sorted(set(only or ()) - set(REGISTRY))
    if unknown:
        print(
            f"Error: no named query {', '.join(unknown)}; see python -m queries --list",
            file=sys.stderr,
        )
        return 2
    args.only = only
    if args.store is not None and not (args.store / "databases").is_dir():
        print(
            f"Error: {args.store} is not an embedded store (no databases/ in it)", file=sys.stderr
        )
        return 2
    if args.query_budget is None:
        args.query_budget = 60.0 if args.scale >= 0.1 else 5.0
    if args.reps is None:
        args.reps = 5 if args.quick else 50 if args.scale >= 0.1 else 10
    if args.quick:
        args.warmup = min(args.warmup, 1)

    def log(msg: str) -> None:
        print(msg, flush=True)

    env = Settings.from_env()
    backends: list[str] = [] if args.no_embedded else ["arcadedb"]
    if args.neo4j or env.neo4j_uri:
        if not env.neo4j_uri:
            print("Error: --neo4j needs NEO4J_URI (and NEO4J_PASSWORD) set", file=sys.stderr)
            return 2
        backends.append("neo4j")
    if not backends:
        print("Error: nothing to run (--no-embedded without Neo4j)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    data, manifest = ensure_generated(args.seed, args.scale, args.data)
    log(
        f"graph: {manifest['nodes']:,} nodes, {manifest['relationships']:,} relationships "
        f"in {data} ({time.perf_counter() - t0:.1f} s)"
    )
    if args.store is not None:
        return time_kept_store(args, env, manifest, log)
    info = machine_info()
    results: list[BackendResult] = []
    failures: list[str] = []
    for backend in backends:
        log(f"== {backend}")
        tmp: Path | None = None
        if backend == "arcadedb":
            # ArcadeDB ignores the driver's transaction timeout; its own command timeout stops
            # a runaway query on the server (the server process inherits this environment)
            os.environ["JAVA_TOOL_OPTIONS"] = (
                os.environ.get("JAVA_TOOL_OPTIONS", "")
                + f" -Darcadedb.command.timeout={int(args.query_timeout * 1000)}"
            ).strip()
            tmp = Path(tempfile.mkdtemp(prefix="courtgraph-bench-"))
            settings = dataclasses.replace(
                env, neo4j_uri=None, data_dir=tmp, query_timeout=args.query_timeout
            )
        else:
            settings = dataclasses.replace(env, query_timeout=args.query_timeout)
        try:
            results.append(run_backend(backend, settings, data, manifest, args, log))
        except CourtgraphError as exc:
            failures.append(f"{backend}: {exc}")
            print(f"Error: {backend}: {exc}", file=sys.stderr)
        finally:
            if tmp is not None:
                from graph.embedded import EmbeddedServer

                EmbeddedServer(tmp).stop()
                if args.keep:
                    log(f"  kept {tmp}")
                else:
                    shutil.rmtree(tmp, ignore_errors=True)

    for r in results:
        if not r.counts_ok:
            failures.append(f"{r.backend}: counts differ: {r.count_mismatches}")
        for q in r.queries:
            if q["errors"]:
                failures.append(f"{r.backend}: {q['name']}: {q['error_examples'][:1]}")
    report = {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": info,
        "seed": args.seed,
        "scale": args.scale,
        "reps": args.reps,
        "warmup": args.warmup,
        "graph": {k: manifest[k] for k in ("nodes", "relationships", "counts")},
        "note": args.note,
        "backends": [dataclasses.asdict(r) for r in results],
    }
    if results and not args.load_only and (not args.quick or args.out):
        out_dir = args.out or RESULTS
        out_dir.mkdir(parents=True, exist_ok=True)
        stem = f"{machine_slug(info)}-{dt.date.today().isoformat()}"
        if args.scale != 1.0:
            stem += f"-scale{args.scale:g}"
        (out_dir / f"{stem}.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (out_dir / f"{stem}.md").write_text(render_markdown(report), encoding="utf-8")
        log(f"wrote {out_dir / stem}.md and .json")
    log(f"done in {time.perf_counter() - t0:.0f} s")
    if failures:
        for f in failures:
            print(f"Error: {f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
