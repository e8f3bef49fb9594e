"""Bulk loading of known-new nodes and relationships: plain CREATE in large batches.

For a fresh store: no MERGE, so every row must be new. A duplicate entity, document or
evidence id fails on its unique index; a duplicate relationship would be created twice, so
only load relationships the store does not have yet.

Why it lives in benchmarks/: only the benchmarks load graphs this way (`benchmarks.run` and
`benchmarks.ingest_scale` fill a store with a generated graph of the planned size). The
product writes through `GraphStore` (graph/store.py) with MERGE on stable ids, so
re-ingesting never duplicates, and keeps its summaries current in the same transaction; a
loader that trusts its input to be new and leaves summaries to `refresh_all` has no place
there. Should a product path need it (a first import of a large archive), it moves to
`graph/` with its tests (benchmarks/tests/test_bulk.py).

How it is fast (measured on the embedded ArcadeDB, see benchmarks/README.md):
- one `UNWIND $rows ... CREATE` per batch of `batch_size` rows, in a managed write
  transaction (ArcadeDB's Bolt plugin misbehaves with autocommit writes);
- relationships are grouped by their shared end (the initiative many courts adopted, the
  document that mentions several entities), so that end is looked up once per group, and
  every lookup is anchored on an indexed id (`Entity`, `Document` or `Evidence`);
- a second session loads nodes that no relationship waits for (`concurrent`, e.g. Evidence,
  which is linked by properties only) while the first writes relationships; different types
  live in different files, so the two transactions do not contend;
- a reader thread per session prepares the next batch while the server runs the current one.

    >>> stats = bulk_load(store, [("Court", {"id": "court:甲", "name": "甲"})], [])  # doctest: +SKIP
    >>> stats.nodes  # doctest: +SKIP
    1
"""

from __future__ import annotations

import queue
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.model import ENTITY_LABELS, check_label, check_rel_type, label_of
from graph.store import GraphStore

NodeInput = tuple[str, Mapping[str, Any]]  # (label, props with "id")
RelInput = tuple[str, str, str, Mapping[str, Any]]  # (type, source id, target id, props)

DEFAULT_BATCH_SIZE = 5000


@dataclass
class BulkStats:
    """What a bulk load wrote and how long it took."""

    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    seconds: float = 0.0
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    lane_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def items(self) -> int:
        return self.nodes + self.relationships

    @property
    def rate(self) -> float:
        """Nodes plus relationships written per second."""
        return self.items / self.seconds if self.seconds else 0.0


@dataclass
class _Batch:
    cypher: str
    rows: list[dict[str, Any]]
    count: int
    label: str | None = None  # nodes
    rel_type: str | None = None  # relationships
    needs: frozenset[str] = frozenset()  # lookup groups that must be fully written first
    finishes: frozenset[str] = frozenset()  # a marker: these groups are now fully written


_GROUPS = ("Entity", "Document", "Evidence")


def _group(label: str) -> str:
    """The indexed label a node of this kind is looked up by."""
    return label if label in ("Document", "Evidence") else "Entity"


def _dict(props: Mapping[str, Any]) -> dict[str, Any]:
    return props if isinstance(props, dict) else dict(props)


def _node_cypher(label: str) -> str:
    check_label(label)
    labels = f"{label}:Entity" if label in ENTITY_LABELS else label
    return f"UNWIND $rows AS r CREATE (n:{labels}) SET n = r"


def _rel_cypher(rel_type: str, src: str, dst: str, *, by_source: bool) -> str:
    check_rel_type(rel_type)
    if src not in _GROUPS or dst not in _GROUPS:
        raise ValueError(f"relationship ends must be one of {_GROUPS}, not {src!r}, {dst!r}")
    if by_source:
        return (
            f"UNWIND $rows AS r MATCH (a:{src} {{id: r.k}}) "
            f"UNWIND r.x AS x MATCH (b:{dst} {{id: x.o}}) "
            f"CREATE (a)-[e:{rel_type}]->(b) SET e = x.p"
        )
    return (
        f"UNWIND $rows AS r MATCH (b:{dst} {{id: r.k}}) "
        f"UNWIND r.x AS x MATCH (a:{src} {{id: x.o}}) "
        f"CREATE (a)-[e:{rel_type}]->(b) SET e = x.p"
    )


def _node_batches(nodes: Iterable[NodeInput], batch_size: int) -> Iterator[_Batch]:
    buffers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for label, props in nodes:
        buf = buffers[label]
        if not buf:
            _node_cypher(label)  # check the label before accepting rows
        buf.append(_dict(props))
        if len(buf) >= batch_size:
            yield _Batch(_node_cypher(label), buf, len(buf), label=label)
            buffers[label] = []
    for label, buf in buffers.items():
        if buf:
            yield _Batch(_node_cypher(label), buf, len(buf), label=label)


def _rel_batch(key: tuple[str, str, str], rels: list[tuple[str, str, dict[str, Any]]]) -> _Batch:
    """One batch of relationships of one type between two lookup groups, grouped by the end
    with fewer distinct ids (each group's shared end is looked up once)."""
    rel_type, src_group, dst_group = key
    sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
    targets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a, b, p in rels:
        sources[a].append({"o": b, "p": p})
    by_source = True
    if len(sources) > len(rels) // 2:
        for a, b, p in rels:
            targets[b].append({"o": a, "p": p})
        by_source = len(sources) <= len(targets)
    grouped = sources if by_source else targets
    rows = [{"k": k, "x": x} for k, x in grouped.items()]
    return _Batch(
        _rel_cypher(rel_type, src_group, dst_group, by_source=by_source),
        rows,
        len(rels),
        rel_type=rel_type,
        needs=frozenset((src_group, dst_group)),
    )


def _rel_batches(rels: Iterable[RelInput], batch_size: int) -> Iterator[_Batch]:
    buffers: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    groups: dict[str, str] = {}  # id prefix -> lookup group

    def group_of(node_id: str) -> str:
        prefix = node_id.split(":", 1)[0]
        g = groups.get(prefix)
        if g is None:
            g = groups[prefix] = _group(label_of(node_id))
        return g

    for rel_type, src, dst, props in rels:
        key = (rel_type, group_of(src), group_of(dst))
        buf = buffers[key]
        if not buf:
            check_rel_type(rel_type)
        buf.append((src, dst, _dict(props)))
        if len(buf) >= batch_size:
            yield _rel_batch(key, buf)
            buffers[key] = []
    for key, buf in buffers.items():
        if buf:
            yield _rel_batch(key, buf)


def _prefetch(batches: Iterator[_Batch], stop: threading.Event, depth: int = 2) -> Iterator[_Batch]:
    """Build batches in a helper thread, so reading input overlaps the server's work."""
    q: queue.Queue[_Batch | BaseException | None] = queue.Queue(maxsize=depth)

    def fill() -> None:
        try:
            for b in batches:
                while not stop.is_set():
                    try:
                        q.put(b, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(None)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            q.put(exc)

    t = threading.Thread(target=fill, name="bulk-reader", daemon=True)
    t.start()
    while True:
        item = q.get()
        if item is None:
            return
        if isinstance(item, BaseException):
            raise item
        yield item


class _Progress:
    """Shared counters and the barrier between the two sessions."""

    def __init__(
        self, stats: BulkStats, pending: set[str], callback: Callable[[BulkStats], None] | None
    ) -> None:
        self.stats = stats
        self.cond = threading.Condition()
        self.pending = pending  # lookup groups the concurrent session has still to finish
        self.callback = callback
        self.failed = threading.Event()

    def wrote(self, batch: _Batch) -> None:
        with self.cond:
            s = self.stats
            s.batches += 1
            if batch.label is not None:
                s.nodes += batch.count
                s.by_label[batch.label] = s.by_label.get(batch.label, 0) + batch.count
            else:
                assert batch.rel_type is not None
                s.relationships += batch.count
                s.by_type[batch.rel_type] = s.by_type.get(batch.rel_type, 0) + batch.count
            if self.callback:
                self.callback(s)

    def finished(self, groups: Iterable[str]) -> None:
        with self.cond:
            self.pending.difference_update(groups)
            self.cond.notify_all()

    def wait_for(self, needs: frozenset[str]) -> None:
        with self.cond:
            while needs & self.pending and not self.failed.is_set():
                self.cond.wait(timeout=0.5)


def _run_lane(
    name: str,
    store: GraphStore,
    batches: Iterator[_Batch],
    progress: _Progress,
    errors: list[BaseException],
) -> None:
    t0 = time.perf_counter()
    try:
        for batch in _prefetch(batches, progress.failed):
            if progress.failed.is_set():
                return
            if batch.finishes:
                progress.finished(batch.finishes)
                continue
            if batch.needs:
                progress.wait_for(batch.needs)
                if progress.failed.is_set():
                    return
            store._write([(batch.cypher, {"rows": batch.rows})])
            progress.wrote(batch)
    except BaseException as exc:
        errors.append(exc)
        progress.failed.set()
        with progress.cond:
            progress.cond.notify_all()
    finally:
        progress.stats.lane_seconds[name] = round(time.perf_counter() - t0, 3)


def _concurrent_batches(
    concurrent: Mapping[str, Iterable[Mapping[str, Any]]], batch_size: int
) -> Iterator[_Batch]:
    labels = list(concurrent)
    for i, label in enumerate(labels):
        yield from _node_batches(((label, p) for p in concurrent[label]), batch_size)
        # a group is complete once no later label of this lane belongs to it; the marker is
        # acted on by the writer, after the label's last batch is committed
        done = frozenset({_group(label)} - {_group(x) for x in labels[i + 1 :]})
        if done:
            yield _Batch("", [], 0, finishes=done)


def bulk_load(
    store: GraphStore,
    nodes: Iterable[NodeInput],
    relationships: Iterable[RelInput],
    *,
    concurrent: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[BulkStats], None] | None = None,
) -> BulkStats:
    """Create `nodes`, then `relationships`, in batches; `concurrent` nodes on a second session.

    `nodes` are `(label, props)` pairs whose props include `id`; entity kinds also get the
    `Entity` label. `relationships` are `(type, source id, target id, props)`; their ends are
    found by id (the kind comes from the id's prefix) and must exist by the time they are
    written. `concurrent` maps a label to the props of its nodes, written in that order on a
    second session while the first writes `nodes` and `relationships`; a relationship batch
    touching one of those labels waits until that label is complete.

    >>> stats = bulk_load(store, nodes, rels, concurrent={"Evidence": evidence_rows})  # doctest: +SKIP
    >>> print(f"{stats.items:,} in {stats.seconds:.0f} s, {stats.rate:,.0f}/s")  # doctest: +SKIP
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    concurrent = dict(concurrent or {})
    for label in concurrent:
        check_label(label)
    stats = BulkStats()
    state = _Progress(stats, {_group(x) for x in concurrent}, progress)
    errors: list[BaseException] = []

    def main_batches() -> Iterator[_Batch]:
        yield from _node_batches(nodes, batch_size)
        yield from _rel_batches(relationships, batch_size)

    t0 = time.perf_counter()
    threads = [
        threading.Thread(
            target=_run_lane,
            args=("main", store, main_batches(), state, errors),
            name="bulk-main",
        )
    ]
    if concurrent:
        threads.append(
            threading.Thread(
                target=_run_lane,
                args=(
                    "concurrent",
                    store,
                    _concurrent_batches(concurrent, batch_size),
                    state,
                    errors,
                ),
                name="bulk-concurrent",
            )
        )
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stats.seconds = time.perf_counter() - t0
    if errors:
        raise errors[0]
    return stats
