"""Ingest into a large store: N articles into an empty store and into one holding M documents.

    python -m benchmarks.ingest_scale                          # the issue's size: 1,000 into 200,000
    python -m benchmarks.ingest_scale --pairs 5                # 5 alternated pairs (default 3)
    python -m benchmarks.ingest_scale --articles 200 --known 10000    # a quick look
    python -m benchmarks.ingest_scale --articles 200 --known 10000 --profile /tmp/p
    python -m benchmarks.ingest_scale --large-store /tmp/courtgraph-bench-…  # a kept load

The large store is the benchmark graph of `benchmarks.generate` at the scale that gives M
documents (200,000 at scale 1.0), bulk-loaded with its summaries computed, plus the court
roster and the initiative taxonomy (which the empty store gets too, before timing); or a copy
of a kept store of that graph (`--large-store`, e.g. the data directory `python -m
benchmarks.run --keep` leaves: the full load takes minutes on a shared machine). Both runs
ingest the same seeded articles of `benchmarks.ingest_speed` in this process, through
`ingest.pipeline.ingest_paths` (what `python -m ingest` runs), after the store is open.
The runs alternate, empty, large, empty, large … (`--pairs`, 3 by default), each into a
fresh copy of its prepared store: each pair's ratios are reported and their median, so one
run the machine's other work slowed does not decide.

Targets: the rate into the large store ≥ 80% of the rate into the empty one; ≥ 100
documents per second (2-core machine). Each run also reports the CPU seconds of this process
(with its extracting process) and of the embedded server, which say more than the wall time on
a machine other work shares, the server's CPU by kind of thread (its queries, its JIT compiler,
its garbage collector: a server started for the run compiles through the first thousands of
documents), and the time `delete_document` takes for some of the articles afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import ensure_generated
from benchmarks.ingest_speed import write_corpus
from graph.settings import Settings

TARGET_RATIO = 0.8
TARGET_RATE = 100.0
FULL_DOCUMENTS = 200_000  # documents of the generated graph at scale 1.0


def _open(data_dir: Path) -> Any:
    from graph.store import open_store

    return open_store(Settings(data_dir=data_dir, heap=os.environ.get("COURTGRAPH_HEAP", "2g")))


def _stop(data_dir: Path) -> None:
    from graph.embedded import EmbeddedServer

    EmbeddedServer(data_dir).stop()


def prepare(data_dir: Path, known: int, *, seed: int, log: Any, copy_of: Path | None = None) -> int:
    """A store holding `known` generated documents (none: an empty store), or a copy of the
    store at `copy_of`, with the roster and taxonomy loaded. Returns its documents."""
    from benchmarks.bulk import bulk_load
    from graph.summaries import refresh_all
    from ingest.pipeline import load_reference_data

    if copy_of is not None:
        log(f"  copying {copy_of}")
        shutil.copytree(copy_of, data_dir, ignore=shutil.ignore_patterns("server.json"))
    store = _open(data_dir)
    try:
        t0 = time.perf_counter()
        if known and copy_of is None:
            from benchmarks.generate import read_nodes, read_props, read_rels

            gen, manifest = ensure_generated(seed, known / FULL_DOCUMENTS)
            log(f"  loading {manifest['nodes']:,} nodes, {manifest['relationships']:,} rels")
            bulk_load(
                store,
                read_nodes(gen, "entities"),
                read_rels(gen),
                concurrent={
                    "Document": read_props(gen, "documents"),
                    "Evidence": read_props(gen, "evidence"),
                },
            )
            refresh_all(store)
        load_reference_data(store)
        docs = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        log(f"  store ready with {docs:,} documents in {time.perf_counter() - t0:.0f} s")
        return int(docs)
    finally:
        store.close()


def _documents(data_dir: Path) -> int:
    store = _open(data_dir)
    try:
        return int(store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])
    finally:
        store.close()
        _stop(data_dir)


def _thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds of each thread of process `pid` (Linux: /proc), by thread id."""
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/comm", encoding="utf-8") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{t}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[f"{t} {name}"] = (int(fields[11]) + int(fields[12])) / tick
    return out


#: the embedded server's threads, by what they do (their names' starts)
_THREAD_KINDS = (
    ("query", ("BOLT-",)),
    ("jit", ("C1 Compiler", "C2 Compiler")),
    ("gc", ("GC Thread", "G1 ", "VM Thread")),
)


def _by_kind(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """The server's CPU seconds between two `_thread_cpu` readings, by kind of thread: its
    queries (the Bolt workers), the JIT compiler, the garbage collector, the rest. A fresh
    server compiles for thousands of documents: its JIT's share is not a cost per document
    of a sustained run."""
    kinds: dict[str, float] = {"query": 0.0, "jit": 0.0, "gc": 0.0, "other": 0.0}
    for key, cpu in after.items():
        name = key.split(" ", 1)[1]
        kind = next((k for k, starts in _THREAD_KINDS if name.startswith(starts)), "other")
        kinds[kind] += cpu - before.get(key, 0.0)
    return {k: round(v, 2) for k, v in kinds.items()}


def timed_ingest(
    data_dir: Path,
    folder: Path,
    *,
    profile: Path | None = None,
    warmup: Path | None = None,
    deletes: int = 0,
) -> dict[str, Any]:
    """Ingest the articles of `folder` into the store at `data_dir`; the open is not timed,
    nor the ingest of `warmup` before (other articles: the server's JIT warms up, as in a
    sustained run). Then `deletes` of the articles are deleted, one by one, and timed."""
    from benchmarks.run import _cpu_seconds
    from graph.embedded import EmbeddedServer
    from graph.model import document_id
    from ingest.pipeline import ingest_paths
    from ingest.readers import read_document

    store = _open(data_dir)
    try:
        if warmup is not None:
            ingest_paths(store, [warmup], collection="预热")
        pid = EmbeddedServer(data_dir).status().pid
        server0 = (_cpu_seconds(pid) or 0.0) if pid else 0.0
        threads0 = _thread_cpu(pid) if pid else {}
        prof = cProfile.Profile() if profile else None
        # (the extracting process of a large run is this process's child, joined at its end)
        kids0 = os.times().children_user + os.times().children_system
        cpu0, t0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        report = ingest_paths(store, [folder], collection="基准")
        if prof:
            prof.disable()
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        extracting = os.times().children_user + os.times().children_system - kids0
        cpu += extracting
        server = ((_cpu_seconds(pid) or 0.0) - server0) if pid else None
        threads = _by_kind(threads0, _thread_cpu(pid)) if pid else {}
        if prof and profile:
            prof.dump_stats(str(profile))
            pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        # delete_document of some of the articles just written: its cost follows the
        # document's own facts, not the store (issue 14, point 13)
        ids = [
            document_id(read_document(f).content_hash)
            for f in sorted(folder.glob("*.txt"))[:deletes]
        ]
        t_del = time.perf_counter()
        for doc_id in ids[:deletes]:
            store.delete_document(doc_id)
        delete_ms = 1000 * (time.perf_counter() - t_del) / max(1, len(ids[:deletes]))
        return {
            "added": len(report.added),
            "failed": len(report.failed),
            "wall_s": round(wall, 2),
            "client_cpu_s": round(cpu, 2),
            "extracting_process_cpu_s": round(extracting, 2),
            "server_cpu_s": None if server is None else round(server, 2),
            "server_cpu_by_thread_s": threads,
            # the server's queries alone, per document: what the store's size adds to a
            # sustained run, without a fresh server's compilation
            "server_query_ms_per_document": round(
                1000 * threads.get("query", 0.0) / max(1, len(report.added)), 1
            )
            if threads
            else None,
            # CPU per document, client and server together (the server's JIT and garbage
            # collector included): 2 cores write at most 2,000 / this documents a second
            "cpu_ms_per_document": None
            if server is None
            else round(1000 * (cpu + server) / max(1, len(report.added)), 1),
            "client_cpu_ms_per_document": round(1000 * cpu / max(1, len(report.added)), 1),
            # without the server's JIT compiler: a fresh server's compiling, which varies
            # between runs of the same code by more than the store's size changes the rest
            "cpu_ms_per_document_without_jit": None
            if server is None
            else round(
                1000 * (cpu + server - threads.get("jit", 0.0)) / max(1, len(report.added)), 1
            ),
            "server_cpu_ms_per_document": None
            if server is None
            else round(1000 * server / max(1, len(report.added)), 1),
            "documents_per_s": round(len(report.added) / wall, 1),
            "deletes": len(ids[:deletes]),
            "delete_ms_per_document": round(delete_ms, 1),
        }
    finally:
        store.close()


class _TimedStatement:
    """A statement of a document write, its wall time (in the writing thread: mostly the
    server's, as the writer waits for each answer) added to `times` under its kind."""

    def __init__(self, stmt: Any, times: dict[str, float]) -> None:
        self.stmt, self.times = stmt, times

    def kind(self) -> str:
        stmt = self.stmt
        if isinstance(stmt, tuple):
            return " ".join(str(stmt[0]).split()[:6])
        name = type(stmt).__name__
        for attr in ("rel", "label"):  # a fact write by its type, a node upsert by label
            if isinstance(getattr(stmt, attr, None), str):
                name += f" {getattr(stmt, attr)}"
        cypher = getattr(stmt, "cypher", None)  # mentions or evidence: what it merges
        if isinstance(cypher, str) and "MERGE" in cypher:
            name += " " + cypher.split("MERGE", 1)[1].split("{", 1)[0].split("]", 1)[0].strip()
        return name

    def run(self, tx: Any) -> None:
        t0 = time.perf_counter()
        if isinstance(self.stmt, tuple):
            tx.run(self.stmt[0], self.stmt[1]).consume()
        else:
            self.stmt.run(tx)
        key = self.kind()
        self.times[key] = self.times.get(key, 0.0) + time.perf_counter() - t0


def timing_statements(times: dict[str, float]) -> Any:
    """A stand-in for `graph.store._document_statements` whose statements add their wall
    time to `times` by kind (`_TimedStatement`): which part of a write grows with the
    store. (Each write's first and last statements, the tally's, are not among them.)"""
    from graph import store

    real = store._document_statements

    def timed(docs: Any, tally: Any = None) -> list[Any]:
        return [_TimedStatement(s, times) for s in real(docs, tally)]

    return timed


def sustained(
    data_dir: Path,
    folders: list[Path],
    log: Any,
    *,
    profile: Path | None = None,
    profiled: frozenset[int] = frozenset(),
    statements: bool = False,
) -> list[dict[str, Any]]:
    """Ingest `folders` one after the other into the store at `data_dir` (one server, one
    open store): per folder, the wall time, this process's CPU (with its extracting
    process) and the server's by kind of thread. Shows how long the server's JIT compiler
    goes on compiling (per 1,000 documents on the 2-core Xeon: 7-8 s over the first 2,000,
    ~3 s at 4,000-6,000, under 1 s past 8,000) and what grows with the store. The slices
    numbered in `profiled` are cProfiled into `profile`-N (one early, one late: what grows);
    with `statements`, each row has the wall time of the write's statements by kind
    (`timing_statements`), per document."""
    import gc

    from graph import review, summaries
    from graph import store as graph_store
    from graph.embedded import EmbeddedServer
    from ingest import dedup
    from ingest.pipeline import ingest_paths

    out: list[dict[str, Any]] = []
    store = _open(data_dir)
    held = 0  # documents in the store before each slice
    # cProfile follows one thread: what the writing thread runs (`ingest_paths` writes while
    # the next documents are extracted) gets a profiler of its own, PREFIX-N-writer; its CPU
    # time and the documents of each write are counted for every slice
    writer_prof: list[cProfile.Profile] = []
    writer_cpu = [0.0]
    batches: list[int] = []

    def in_writer(call: Any, *, batch: bool = False) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            if batch:
                batches.append(len(args[0]))
            t = time.thread_time()
            if writer_prof:
                writer_prof[0].enable()
            try:
                return call(*args, **kwargs)
            finally:
                if writer_prof:
                    writer_prof[0].disable()
                writer_cpu[0] += time.thread_time() - t

        return run

    # the ids whose figures a slice reads from the store (`ingest.pipeline._read_figures`:
    # the near-duplicate candidates a run has not read yet), counted per slice
    figure_ids = [0]
    real_read = getattr(store, "read", None)

    def counting_read(query: str, params: Any = None, **kwargs: Any) -> Any:
        if "d.figures" in query and params and "ids" in params:
            figure_ids[0] += len(params["ids"])
        return real_read(query, params, **kwargs)

    if hasattr(store, "read"):  # (a test's stand-in may have none)
        store.read = counting_read  # type: ignore[method-assign]
    # what grows with the store in this process: the garbage collector's passes (count and
    # CPU, by generation), the near-duplicate candidates of each new document, and the
    # known documents' fingerprints read when each ingest starts (`read_fingerprints`)
    counters = _SliceCounters()
    gc.callbacks.append(counters.on_gc)
    real_within = dedup.FingerprintIndex.within
    real_fingerprints = summaries.read_fingerprints
    dedup.FingerprintIndex.within = counters.counting_within(real_within)  # type: ignore[method-assign]
    summaries.read_fingerprints = counters.timing_fingerprints(real_fingerprints)
    real_groups = getattr(graph_store, "_anchor_groups", None)
    if real_groups is not None:
        graph_store._anchor_groups = counters.counting_groups(real_groups)
    real_by_id = getattr(graph_store, "_by_fact_id", None)
    if real_by_id is not None:
        graph_store._by_fact_id = counters.counting_by_id(real_by_id)
    real_reapply = review.reapply_written
    store.write_documents = in_writer(store.write_documents, batch=True)
    review.reapply_written = in_writer(real_reapply)
    times: dict[str, float] = {}
    real = graph_store._document_statements
    if statements:
        graph_store._document_statements = timing_statements(times)
    try:
        pid = EmbeddedServer(data_dir).status().pid
        for n, folder in enumerate(folders):
            prof = cProfile.Profile() if profile and n in profiled else None
            threads0 = _thread_cpu(pid) if pid else {}
            cpu0, kids0 = time.process_time(), sum(os.times()[2:4])
            t0 = time.perf_counter()
            writer_cpu[0] = 0.0
            figure_ids[0] = 0
            counters.reset()
            batches.clear()
            if prof:
                writer_prof.append(cProfile.Profile())
                prof.enable()
            report = ingest_paths(store, [folder], collection="基准")
            if prof:
                prof.disable()
                prof.dump_stats(f"{profile}-{n}")
                writer_prof.pop().dump_stats(f"{profile}-{n}-writer")
            wall = time.perf_counter() - t0
            kids = sum(os.times()[2:4]) - kids0
            cpu = time.process_time() - cpu0 + kids
            threads = _by_kind(threads0, _thread_cpu(pid)) if pid else {}
            added = len(report.added)
            row = {
                "slice": n,
                "documents_before": held,
                "added": added,
                "reposts": len(report.reposts),
                "wall_s": round(wall, 2),
                "client_cpu_s": round(cpu, 2),
                "server_cpu_by_thread_s": threads,
                "client_cpu_ms_per_document": round(1000 * cpu / max(1, added), 1),
                # of which the extracting process's (forked for each ingest)
                "extracting_cpu_ms_per_document": round(1000 * kids / max(1, added), 1),
                # of which the writing thread's (the writes and what follows each)
                "writer_cpu_ms_per_document": round(1000 * writer_cpu[0] / max(1, added), 1),
                "server_query_ms_per_document": round(
                    1000 * threads.get("query", 0.0) / max(1, added), 1
                ),
                # documents per write transaction (a batch grows while the writer is busy)
                "writes": len(batches),
                # ids whose figures were read from the store, per document read
                "figure_ids_read_per_document": round(
                    figure_ids[0] / max(1, added + len(report.reposts)), 2
                ),
                "largest_write": max(batches, default=0),
                "documents_per_s": round(added / wall, 1),
                "load_average": round(os.getloadavg()[0], 2),
                "profiled": prof is not None,
                **counters.row(added + len(report.reposts), added),
            }
            # the relationships a busy court holds (its outgoing ones: ArcadeDB walks them
            # all, of every type, to find one of its facts), read outside the slice's time
            if hasattr(store, "read"):
                row["busiest_court_out_relationships"] = _busiest_court(store)
            if statements:
                row["statement_ms_per_document"] = {
                    k: round(1000 * v / max(1, added), 2)
                    for k, v in sorted(times.items(), key=lambda kv: -kv[1])
                }
                times.clear()
            held += added
            log(f"  {json.dumps(row, ensure_ascii=False)}")
            out.append(row)
    finally:
        graph_store._document_statements = real
        review.reapply_written = real_reapply
        dedup.FingerprintIndex.within = real_within  # type: ignore[method-assign]
        summaries.read_fingerprints = real_fingerprints
        if real_groups is not None:
            graph_store._anchor_groups = real_groups
        if real_by_id is not None:
            graph_store._by_fact_id = real_by_id
        gc.callbacks.remove(counters.on_gc)
        store.close()
    return out


class _SliceCounters:
    """Per-slice counts of what may grow with the store in the ingesting process: the
    garbage collector's passes by generation and their CPU time (`gc.callbacks`), the
    near-duplicate lookups and the candidates they return (`FingerprintIndex.within`), and
    the known fingerprints read when an ingest starts, with the CPU time of that read."""

    def __init__(self) -> None:
        self.reset()
        self._started: dict[int, float] = {}

    def reset(self) -> None:
        self.gc_passes = [0, 0, 0]
        self.gc_s = [0.0, 0.0, 0.0]
        self.lookups = 0
        self.candidates = 0
        self.fingerprints_read = 0
        self.fingerprints_s = 0.0
        self.fact_walks = 0
        self.fact_rows = 0
        self.facts_by_id = 0

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        gen = info.get("generation", 0)
        if phase == "start":
            self._started[threading.get_ident()] = time.thread_time()
        elif (t := self._started.pop(threading.get_ident(), None)) is not None:
            self.gc_passes[gen] += 1
            self.gc_s[gen] += time.thread_time() - t

    def counting_within(self, real: Any) -> Any:
        def within(index: Any, fp: str, **kwargs: Any) -> Any:
            found = real(index, fp, **kwargs)
            self.lookups += 1
            self.candidates += len(found)
            return found

        return within

    def counting_groups(self, real: Any) -> Any:
        def groups(rows: Any, **kwargs: Any) -> Any:
            out = real(rows, **kwargs)
            self.fact_walks += len(out)
            self.fact_rows += sum(len(g["rows"]) for g in out)
            return out

        return groups

    def counting_by_id(self, real: Any) -> Any:
        def by_id(rows: Any) -> Any:
            out = real(rows)
            self.facts_by_id += len(out["ids"])
            return out

        return by_id

    def timing_fingerprints(self, real: Any) -> Any:
        def read(*args: Any, **kwargs: Any) -> Any:
            t = time.thread_time()
            out = real(*args, **kwargs)
            self.fingerprints_s += time.thread_time() - t
            self.fingerprints_read += len(out)
            return out

        return read

    def row(self, read: int, added: int) -> dict[str, Any]:
        per = max(1, added)
        return {
            # full (generation 2) passes of the collector and this process's CPU in them
            "gc_passes": self.gc_passes,
            "gc_ms_per_document": [round(1000 * s / per, 2) for s in self.gc_s],
            # near-duplicate candidates returned per lookup (a document may be looked up
            # twice: when its window is read ahead, and for those added since)
            "candidates_per_lookup": round(self.candidates / max(1, self.lookups), 1),
            "lookups_per_document": round(self.lookups / max(1, read), 2),
            # the known fingerprints read at the ingest's start, and that read's CPU
            "fingerprints_read": self.fingerprints_read,
            "fingerprints_read_ms_per_document": round(1000 * self.fingerprints_s / per, 2),
            # known facts looked up by a walk, and the walks of their anchors' relationships
            # that found them (graph/store.py `_anchor_groups`: one walk per anchor and write)
            "known_facts_per_document": round(self.fact_rows / per, 2),
            "fact_walks_per_document": round(self.fact_walks / per, 3),
            # known facts found by their ids in their type's index instead (since s16:
            # graph/dialect.py `INDEXED_FACTS`), with no walk
            "facts_by_id_per_document": round(self.facts_by_id / per, 2),
        }


def _busiest_court(store: Any) -> int | None:
    """The most outgoing relationships any court holds (None: not read)."""
    try:
        rows = store.read(
            "MATCH (c:Court)-[r]->() WITH c, count(r) AS n RETURN max(n) AS n", plain=True
        )
    except Exception:  # noqa: BLE001 - a counter, not the benchmark
        return None
    return int(rows[0]["n"] or 0) if rows else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ingest_scale", description=__doc__)
    ap.add_argument("--articles", type=int, default=1000, help="articles to ingest (N)")
    ap.add_argument("--known", type=int, default=200_000, help="documents already held (M)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--warmup",
        type=int,
        default=3000,
        help="other articles ingested first, untimed (a fresh server's JIT compiles through "
        "its first ~8,000 documents, most of it in the first 3,000: README)",
    )
    ap.add_argument("--deletes", type=int, default=20, help="articles deleted after, timed")
    ap.add_argument("--work", type=Path, help="keep the prepared stores here, to reuse them")
    ap.add_argument(
        "--large-store",
        type=Path,
        help="copy this kept store of the benchmark graph instead of loading one (M: its "
        "documents); the original is not opened or changed",
    )
    ap.add_argument(
        "--pairs",
        type=int,
        default=3,
        help="runs alternated: K pairs of an empty-store run and a large-store run; each "
        "pair's ratios and their median are reported (one noisy run does not decide)",
    )
    ap.add_argument(
        "--profile",
        type=Path,
        help="cProfile the ingests: PREFIX-empty, PREFIX-large (PREFIX-empty-1 … with pairs); "
        "with --sustained, the slices of --profile-slices: PREFIX-N (and PREFIX-N-writer, "
        "the writing thread)",
    )
    ap.add_argument(
        "--profile-slices",
        default="",
        metavar="N,M",
        help="with --sustained and --profile: the slices to cProfile (from 0), e.g. 5,45",
    )
    ap.add_argument(
        "--statement-times",
        action="store_true",
        help="with --sustained: each slice's write statements' wall time by kind, per "
        "document (which part of a write grows with the store)",
    )
    ap.add_argument("--output", type=Path, help="write the result as JSON")
    ap.add_argument(
        "--switch-interval",
        type=float,
        help="milliseconds: Python's thread switch interval in this process (default 5): how "
        "long the writing thread may wait for the GIL the extracting one holds",
    )
    ap.add_argument(
        "--sustained",
        type=int,
        metavar="K",
        help="instead: K slices of ARTICLES different articles, one after the other, into "
        "one empty store; reported per slice (the JIT compiler's tail, costs that grow)",
    )
    args = ap.parse_args(argv)
    if args.pairs < 1:
        ap.error("--pairs must be at least 1")
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval / 1000.0)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        folder = work / f"articles-{args.articles}-{args.seed}"
        if not folder.exists():
            write_corpus(folder, args.articles, seed=args.seed)
        warm = work / f"warmup-{args.warmup}-{args.seed}" if args.warmup else None
        if warm is not None and not warm.exists():
            write_corpus(warm, args.warmup, seed=args.seed + 1000)
        result: dict[str, Any] = {
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "load_average": os.getloadavg()[0],
            "python": platform.python_version(),
            "articles": args.articles,
            "warmup_articles": args.warmup,
            "switch_interval_ms": args.switch_interval,
        }
        if args.sustained:
            base, data_dir = work / "base-empty-0", work / "run-sustained"
            if not base.exists():
                try:
                    prepare(base, 0, seed=args.seed, log=log)
                finally:
                    _stop(base)
            folders = []
            for n in range(args.sustained):
                f = work / f"slice-{args.articles}-{args.seed}-{n}"
                if not f.exists():
                    write_corpus(f, args.articles, seed=args.seed + 5000 + n)
                folders.append(f)
            shutil.rmtree(data_dir, ignore_errors=True)
            shutil.copytree(base, data_dir)
            try:
                result["slices"] = sustained(
                    data_dir,
                    folders,
                    log,
                    profile=args.profile,
                    profiled=frozenset(int(n) for n in args.profile_slices.split(",") if n),
                    statements=args.statement_times,
                )
            finally:
                _stop(data_dir)
            result["load_average_end"] = os.getloadavg()[0]
            return _report(result, args.output)
        bases: dict[str, tuple[Path, int]] = {}
        for name, known in (("empty", 0), ("large", args.known)):
            given = args.large_store if name == "large" else None
            tag = f"copy-{given.name}" if given else str(known)
            base = work / f"base-{name}-{tag}"
            log(f"{name} store ({given or f'{known:,} documents'})")
            if not base.exists():  # prepared once, copied for each run
                try:
                    prepare(base, known, seed=args.seed, log=log, copy_of=given)
                finally:
                    _stop(base)
            bases[name] = (base, _documents(base) if given else known)
        runs: list[dict[str, dict[str, Any]]] = []
        for p in range(args.pairs):
            pair: dict[str, dict[str, Any]] = {}
            for name in ("empty", "large"):  # alternated: empty, large, empty, large ...
                base, known = bases[name]
                data_dir = work / f"run-{name}"
                shutil.rmtree(data_dir, ignore_errors=True)
                shutil.copytree(base, data_dir)
                try:
                    prof = None
                    if args.profile:
                        suffix = f"-{p + 1}" if args.pairs > 1 else ""
                        prof = Path(f"{args.profile}-{name}{suffix}")
                    run = timed_ingest(
                        data_dir, folder, profile=prof, warmup=warm, deletes=args.deletes
                    )
                    log(
                        f"  pair {p + 1} {name}: {run['added']} added in {run['wall_s']} s, "
                        f"{run['documents_per_s']}/s, {run['cpu_ms_per_document']} CPU ms/doc, "
                        f"load {os.getloadavg()[0]:.1f}"
                    )
                    pair[name] = {"known": known, **run}
                finally:
                    _stop(data_dir)
                    shutil.rmtree(data_dir, ignore_errors=True)
            runs.append(pair)
        result.update(summarise_pairs(runs))
        result["load_average_end"] = os.getloadavg()[0]
    return _report(result, args.output)


def _ratio(num: float | None, den: float | None) -> float | None:
    return round(num / den, 2) if num and den else None


def _median(values: list[float | None]) -> float | None:
    known = sorted(v for v in values if v is not None)
    return round(statistics.median(known), 2) if known else None


def summarise_pairs(runs: list[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    """The alternated runs' result: each pair (an empty-store run and the large-store run
    right after it) with its ratios, and over the pairs the medians, so one run the
    machine's other work slowed does not decide. `ratio` is large / empty documents per
    second (wall), `cpu_ratio` empty / large CPU ms per document (client and server: above
    1 when the large store costs less), `cpu_ratio_without_jit` the same without the
    server's JIT compiler, `server_query_ratio` for the server's queries alone; `empty` and `large` hold each measure's median over the runs."""
    pairs = [
        {
            **pair,
            "ratio": _ratio(pair["large"]["documents_per_s"], pair["empty"]["documents_per_s"]),
            "cpu_ratio": _ratio(
                pair["empty"]["cpu_ms_per_document"], pair["large"]["cpu_ms_per_document"]
            ),
            "cpu_ratio_without_jit": _ratio(
                pair["empty"].get("cpu_ms_per_document_without_jit"),
                pair["large"].get("cpu_ms_per_document_without_jit"),
            ),
            "server_query_ratio": _ratio(
                pair["empty"]["server_query_ms_per_document"],
                pair["large"]["server_query_ms_per_document"],
            ),
        }
        for pair in runs
    ]
    out: dict[str, Any] = {"pairs": pairs}
    for name in ("empty", "large"):
        out[name] = {"known": pairs[0][name]["known"] if pairs else None, "runs": len(pairs)}
        for key in _MEDIANS:
            out[name][key] = _median([p[name].get(key) for p in pairs])
    for key, each in (
        ("ratio", "ratios"),
        ("cpu_ratio", "cpu_ratios"),
        ("cpu_ratio_without_jit", "cpu_ratios_without_jit"),
        ("server_query_ratio", "server_query_ratios"),
    ):
        out[each] = [p[key] for p in pairs]
        out[key] = _median([p[key] for p in pairs])
    empty, large = out["empty"]["documents_per_s"], out["large"]["documents_per_s"]
    out["targets"] = {
        "ratio": TARGET_RATIO,
        "ratio_met": bool(out["ratio"] and out["ratio"] >= TARGET_RATIO),
        "cpu_ratio_met": bool(out["cpu_ratio"] and out["cpu_ratio"] >= TARGET_RATIO),
        "rate": TARGET_RATE,
        "rate_met": bool(empty and large and min(empty, large) >= TARGET_RATE),
    }
    return out


#: the measures of a run given as medians over the pairs
_MEDIANS = (
    "documents_per_s",
    "cpu_ms_per_document",
    "cpu_ms_per_document_without_jit",
    "client_cpu_ms_per_document",
    "server_cpu_ms_per_document",
    "server_query_ms_per_document",
    "delete_ms_per_document",
)


def _report(result: dict[str, Any], output: Path | None) -> int:
    """Print the result as JSON (and write it to `output`)."""
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if output:
        output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
