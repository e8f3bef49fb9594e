"""The graph store: one class over the official `neo4j` driver, for ArcadeDB and Neo4j alike.

`GraphStore` is handed a driver; it never reads the environment. `open_store(settings)`
builds one from `Settings`: Neo4j when `neo4j_uri` is set, otherwise the embedded ArcadeDB
server (started on first use). Reads run in read transactions with a timeout and row limit;
writes are batched (`UNWIND $rows ... MERGE` on stable ids) in managed write transactions,
atomic per call, so a document is either wholly in the graph or not at all.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    TransientError,
)

from graph import collection_counts, dialect, summaries
from graph.errors import BadParameter, CourtgraphError, QueryFailed, StoreUnavailable
from graph.model import (
    ENTITY_LABELS,
    FACT_TYPES,
    PRECISION_RANK,
    QUEUE_HEAD_PREFIX,
    DocumentGraph,
    NodeRow,
    check_label,
    check_rel_type,
    date_key,
    digest,
    fact_id,
    label_of,
    search_text,
)
from graph.settings import Settings

Row = dict[str, Any]
T = TypeVar("T")

# the driver retries a transaction that collided with another process's (two ingests at once)
# and logs each retry as a warning; the retry is expected, the warning is noise on a terminal
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: every relationship type that is a fact (not MENTIONS: a much-named entity has thousands)
_FACT_RELS = "|".join(FACT_TYPES)

#: the label of the node that marks a database the test suite may empty (tests/conftest.py
#: creates it only in an empty database and refuses to clear a database without it)
TEST_MARKER = "CourtgraphTestDatabase"


_PLAIN = (str, int, float, bool, type(None))


def _json_value(value: Any) -> Any:
    """Driver values (dates, nodes) as plain Python, so rows serialize anywhere."""
    if type(value) in _PLAIN:  # most values: the fast path
        return value
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Node):
        return dict(value.items())
    if isinstance(value, neo4j.graph.Relationship):
        return dict(value.items())
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class GraphStore:
    """A courtgraph store on one Bolt server."""

    def __init__(
        self,
        driver: Driver,
        *,
        database: str,
        server: str,
        query_timeout: float = 10.0,
        description: str = "",
    ) -> None:
        if server not in (dialect.ARCADEDB, dialect.NEO4J):
            raise ValueError(f"unknown server kind {server!r}")
        self.driver = driver
        self.database = database
        self.server = server
        self.query_timeout = query_timeout
        self.description = description or server
        #: the embedded server behind this store (open_store sets it), for administration
        #: the Bolt protocol lacks: stopping a query the caller gave up on
        self.embedded: Any = None

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> None:
        """Check that the server answers and accepts our credentials."""
        try:
            self.driver.verify_connectivity()  # fails at once, without the driver's retries
            self.read("RETURN 1 AS ok")
        except AuthError as exc:
            raise self._auth_error() from exc
        except ClientError as exc:
            if _is_auth_error(exc):
                raise self._auth_error() from exc
            raise StoreUnavailable(
                f"{self.description}拒绝了连接（{type(exc).__name__}: {exc}）"
            ) from exc
        except (ServiceUnavailable, OSError) as exc:
            raise self._unreachable(exc) from exc

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent). ArcadeDB's are made by its server."""
        if self.server == dialect.NEO4J:
            with self.driver.session(database=self.database) as session:
                for stmt in dialect.NEO4J_SCHEMA:
                    session.run(stmt).consume()  # schema commands cannot share a transaction

    # -- reads -------------------------------------------------------------------------
    def read(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        limit: int | None = None,
        plain: bool = False,
        bounded: bool = True,
    ) -> list[Row]:
        """Run a read query in a read transaction; at most `limit` rows. With `plain`, the
        caller promises only properties come back (strings, numbers, lists of them), and
        values are not inspected for dates or nodes: that walk is the slowest part of
        reading a large packed table. `bounded=False` lifts the query timeout, for the
        store's own maintenance (a one-time migration), never for a user's query."""
        convert = (lambda v: v) if plain else _json_value

        @neo4j.unit_of_work(timeout=self.query_timeout if bounded else None)
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(cypher, params or {})
            keys = result.keys()
            rows: list[Row] = []
            for record in result:
                if limit is not None and len(rows) >= limit:
                    break
                rows.append(dict(zip(keys, map(convert, record.values()), strict=True)))
            return rows

        def session_read() -> list[Row]:
            with self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return session.execute_read(work)

        waits = 0
        while True:
            try:
                return read_again_if_vanished(session_read, description=self.description)
            except ClientError as exc:
                raise self._read_error(exc) from exc
            except ServiceUnavailable as exc:
                waits += 1
                if waits > RESTART_WAITS or not self._back_after_restart():
                    raise self._unreachable(exc) from exc
            except Neo4jError as exc:  # DatabaseError, TransientError: too large, too slow, ...
                raise QueryFailed(
                    f"{self.description}未能完成这次查询：请缩小范围（更小的深度、更少的类型、"
                    f"更低的行数上限）后重试（{type(exc).__name__}: {exc.message or exc}）"
                ) from exc

    def _back_after_restart(self) -> bool:
        """After the driver gave up reaching the server (it retries for 30 s): when the
        embedded server restarts itself (a JVM start can take longer on a loaded machine),
        wait for it; True when it runs again, so the transaction may run again (a write is
        applied whole or not at all, and runs again idempotently). False on other servers,
        and when the embedded server stopped for good (`EmbeddedServer.gave_up`)."""
        embedded = self.embedded
        if embedded is None or embedded.gave_up():
            return False
        embedded.await_restart()
        return bool(embedded.status().running) and not embedded.gave_up()

    def _unreachable(self, exc: Exception) -> StoreUnavailable:
        failed = self.embedded.gave_up() if self.embedded is not None else None
        if failed:
            return StoreUnavailable(failed)
        where = (
            "请用 python -m graph status 查看它，或 python -m graph stop 后重试"
            if self.embedded is not None
            else "请确认服务器在运行，并检查 NEO4J_URI"
        )
        return StoreUnavailable(
            f"无法连接 {self.description}：{where}（{type(exc).__name__}: {exc}）"
        )

    def _read_error(self, exc: ClientError) -> CourtgraphError:
        """What a read the server refused tells a person."""
        if _is_auth_error(exc):
            return self._auth_error()
        text = f"{exc.code or ''} {exc.message or ''}".lower()
        if "timeout" in text or "timedout" in text or "timed out" in text:
            return QueryFailed(
                f"{self.description}停止了这次查询：超过了时间限制（COURTGRAPH_QUERY_TIMEOUT）。"
                f"请缩小范围（更小的深度、更少的类型、更低的行数上限）（{exc.message}）"
            )
        return BadParameter(f"服务器拒绝了这条查询（{exc.message}）")

    def _auth_error(self) -> StoreUnavailable:
        return StoreUnavailable(
            f"{self.description}拒绝了用户名或密码：请检查 NEO4J_USER 和 NEO4J_PASSWORD"
            "（此处不显示密码）"
        )

    def fulltext_index(self, label: str) -> str:
        return dialect.fulltext_index(self.server, label)

    # -- writes ------------------------------------------------------------------------
    def write_statements(self, statements: Sequence[Statement]) -> None:
        """Run Cypher statements (text, params) in one managed write transaction."""
        self._write(statements)

    def _write(self, statements: Sequence[Statement]) -> None:
        """Run statements in one managed write transaction (all or nothing)."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            for stmt in statements:
                if isinstance(stmt, tuple):
                    tx.run(stmt[0], stmt[1]).consume()
                else:  # NodeUpsert, a summary refresh: runs its own statements
                    stmt.run(tx)

        waits = 0
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.driver.session(database=self.database) as session:
                    session.execute_write(work)
                return
            except ServiceUnavailable as exc:
                waits += 1
                last = attempt == WRITE_ATTEMPTS - 1
                if last or waits > RESTART_WAITS or not self._back_after_restart():
                    raise self._unreachable(exc) from exc
                continue  # the server restarted itself: the write runs again, whole
            except Neo4jError as exc:
                if isinstance(exc, ClientError) and _is_auth_error(exc):
                    raise self._auth_error() from exc
                vanished = _is_vanished_record(exc)
                conflict = isinstance(exc, TransientError) or _is_write_conflict(exc) or vanished
                if vanished and attempt == WRITE_ATTEMPTS - 1:
                    raise record_missing(
                        self.description, exc, attempts=WRITE_ATTEMPTS, wrote=True
                    ) from exc
                if not conflict or attempt == WRITE_ATTEMPTS - 1:
                    raise
            # another process wrote the same node first, or its commit was half seen: every
            # write here is idempotent (MERGE, or look up then create), so the whole
            # transaction runs again and now finds what the other one committed
            time.sleep(random.uniform(0.01, 0.05) * 2 ** min(attempt, 5))

    def upsert_nodes(self, nodes: Iterable[NodeRow], *, batch_size: int = 2000) -> int:
        """Create entity nodes or add aliases to existing ones. Returns the rows sent."""
        by_label: dict[str, list[Row]] = defaultdict(list)
        for n in nodes:
            by_label[check_label(n.label)].append(_node_row(n))
        sent = 0
        for label, rows in by_label.items():
            for i in range(0, len(rows), batch_size):
                chunk = rows[i : i + batch_size]
                self._write([NodeUpsert(label, chunk)])
                sent += len(chunk)
        return sent

    def link_hierarchy(
        self, edges: Iterable[tuple[str, str]], *, source: str, batch_size: int = 5000
    ) -> int:
        """Curated PART_OF edges (child id, parent id), e.g. from the court roster."""
        rows = [{"src": a, "dst": b, "fact_id": fact_id("PART_OF", a, b)} for a, b in edges]
        for i in range(0, len(rows), batch_size):
            self._write(
                [
                    (
                        "UNWIND $rows AS r MATCH (a:Entity {id: r.src}) MATCH (b:Entity {id: r.dst}) "
                        "MERGE (a)-[p:PART_OF]->(b) SET p.source = $source, p.fact_id = r.fact_id",
                        {"rows": rows[i : i + batch_size], "source": source},
                    ),
                    summaries.RefreshChildren([r["dst"] for r in rows[i : i + batch_size]]),
                ]
            )
        return len(rows)

    def write_documents(self, docs: Sequence[DocumentGraph]) -> WriteTally:
        """Write documents and everything they support, in one transaction. Returns what
        this write added (not what other processes added meanwhile)."""
        # ArcadeDB: what is new in this write is CREATEd, without a MERGE's lookups (a process
        # that writes the same document or fact meanwhile makes this transaction collide and
        # run again, finding it: ArcadeDB's MERGE is a lookup then a create too); Neo4j's
        # MERGE would not collide, so it keeps MERGE throughout
        tally = WriteTally(docs, creates=self.server == dialect.ARCADEDB)
        self._write([tally, *_document_statements(docs, tally), tally.after])
        return tally

    def has_document(self, doc_id: str) -> bool:
        return bool(self.read("MATCH (d:Document {id: $id}) RETURN d.id AS id", {"id": doc_id}))

    def document_fingerprints(self, sketches: dict[str, int] | None = None) -> dict[str, str]:
        """Every document's id → its near-duplicate fingerprint (kept in blocks, see
        graph/summaries.py: read as 16 records, not one per document); into `sketches`, if
        given, each document's figure sketch (`summaries.figure_sketch`), where it has one."""
        return summaries.read_fingerprints(self, sketches)

    def add_document_urls(self, doc_id: str, urls: list[str], paths: list[str]) -> list[str]:
        """A repost of a known document: record its URLs and paths, nothing else changes.
        Returns the document's collections (none: [], as for a document not in the graph),
        which ingest needs to place the repost (asked in the same write: a read of its own
        per known document cost a round trip each on a re-run into a named collection)."""
        write = _AddSources({"id": doc_id, "urls": urls, "paths": paths})
        self._write([write])
        return write.collections

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its evidence, the facts only it supported and orphaned entities.

        The cost follows the document's own facts and mentions: its facts are found from the
        list it keeps (`fact_keys`), not by walking the relationships of every entity it
        mentions (a court or an initiative named by thousands of documents); a document
        written before it kept one is found by that walk."""
        rows = self.read(
            "MATCH (d:Document {id: $id}) RETURN d.fact_keys AS keys", {"id": doc_id}, plain=True
        )
        if not rows:
            return False
        p = {"doc": doc_id}
        keys = rows[0]["keys"]
        before = summaries.UncountMentions([doc_id])
        supported = FactsOfDocument(doc_id, keys=None if keys is None else list(keys))
        orphans = _Orphans(doc_id)
        counts = collection_counts.Before([doc_id])
        self._write(
            [
                counts,
                before,
                supported,
                ("MATCH (e:Evidence {doc_id: $doc}) DELETE e", p),
                # doc_ids, dates, confidence and rules of the facts it supported: from what
                # remains; those no document supports any more go, unless curated
                RefoldFacts(supported),
                _DropUnsupported(supported),
                # entities nothing else mentions go, unless curated (roster, taxonomy)
                orphans,
                ("MATCH (d:Document {id: $doc}) DETACH DELETE d", p),
                summaries.RefreshDocLists([doc_id], before),
                summaries.KeepFingerprints(drop=[doc_id]),
                _AfterDelete(supported, orphans),
                summaries.RefreshRecent(),
                collection_counts.After(counts),
            ]
        )
        return True

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays). A database marked as a test
        database (`TEST_MARKER`, see tests/conftest.py) keeps its mark."""
        while True:
            n = self.read(f"MATCH (n) WHERE NOT n:{TEST_MARKER} RETURN count(n) AS n")[0]["n"]
            if not n:
                return
            self._write(
                [(f"MATCH (n) WHERE NOT n:{TEST_MARKER} WITH n LIMIT 20000 DETACH DELETE n", {})]
            )

    # -- summaries ---------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""
        return {**self.node_counts(), **self.relationship_counts()}

    def node_counts(self) -> dict[str, int]:
        """Nodes per label (both servers keep these: instant on any size)."""
        out: dict[str, int] = {}
        for label in (*ENTITY_LABELS, "Document", "Evidence"):
            out[label] = self.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
        return out

    def change_token(self) -> str:
        """A token that changes when the number of documents, review decisions or entities
        changes, whoever wrote (three label counts: both servers keep them, so it is instant
        on any size). Every decision adds one, and an ingest or a delete almost always moves a
        count; what keeps all three (a document deleted and another written in its place, a
        document added to a collection, a property changed) does not change it. Callers key
        cached answers on it and keep them a few minutes at most."""
        counts = [
            self.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
            for label in ("Document", "ReviewDecision", "Entity")
        ]
        return ":".join(map(str, counts))

    def relationship_counts(self) -> dict[str, int]:
        """Relationships per type (Neo4j keeps these; the embedded server walks every
        relationship: seconds on a national graph, so pages ask for them on demand)."""
        out: dict[str, int] = {}
        for rel in (*FACT_TYPES, "MENTIONS"):
            check_rel_type(rel)
            out[rel] = self.read(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
        return out


#: how often a write transaction runs when concurrent writers collide on the same node
WRITE_ATTEMPTS = 12
#: how often a read runs that met another writer's commit half applied (`_is_vanished_record`)
READ_ATTEMPTS = 6
#: how often a read or write waits for the embedded server to restart itself, once the
#: driver's own retries (30 s) are over
RESTART_WAITS = 2


def read_again_if_vanished(read: Callable[[], T], *, description: str) -> T:
    """`read()` (one read transaction of its own), run again when it met another writer's
    commit half applied (`_is_vanished_record`): at most READ_ATTEMPTS runs, then
    QueryFailed (`record_missing`; `description` names the store). Any other error is
    raised as it is. Shared by `GraphStore.read` and the free-form queries of
    `graph.readonly`."""
    attempt = 0
    while True:
        try:
            return read()
        except ClientError as exc:
            if not _is_vanished_record(exc):
                raise
            attempt += 1
            if attempt == READ_ATTEMPTS:
                raise record_missing(description, exc, attempts=attempt, wrote=False) from exc
        # a read runs again as it is, and now sees the other commit whole
        time.sleep(random.uniform(0.01, 0.05) * 2**attempt)


def record_missing(description: str, exc: Neo4jError, *, attempts: int, wrote: bool) -> QueryFailed:
    """A record the store's own index points to stays unreadable however often the
    transaction runs again: not another writer's commit seen half-way but a store whose
    indexes and records disagree."""
    undone = ("这次写入已整体撤销。", " the write was undone;") if wrote else ("", "")
    return QueryFailed(
        f"{description}中有一条记录读不到（{exc.message}），重试 {attempts} 次"
        f"仍然如此：这不是与另一个写入者的一时冲突，而是索引与记录不一致。{undone[0]}"
        "请先备份数据目录，再重建索引（ArcadeDB：REBUILD INDEX *）；仍不行请报告此错误。"
        f" / a record the index points to cannot be read after {attempts} attempts: the "
        f"store's indexes and records disagree;{undone[1]} back up the data directory and "
        "rebuild the indexes."
    )


def _is_write_conflict(exc: Neo4jError) -> bool:
    """A unique key another transaction committed first (two ingests creating the same court),
    or ArcadeDB's optimistic-concurrency conflict: running the transaction again succeeds."""
    if isinstance(exc, ConstraintError):
        return True
    text = f"{exc.code or ''} {exc.message or ''}"
    return "ConcurrentModification" in text or "Duplicated key" in text


#: a record a statement found (through an index, a relationship) but could not read: ArcadeDB's
#: RecordNotFoundException ("Record #6:7 not found"), Neo4j's "Unable to load NODE ..."
_VANISHED = re.compile(r"Record #\d+:\d+ not found|Unable to load (NODE|RELATIONSHIP)")


def _is_vanished_record(exc: Neo4jError) -> bool:
    """A record read while another transaction commits: ArcadeDB reads committed pages one
    by one, so a read can meet another writer's commit half applied (an index entry naming
    a record its bucket page does not show yet, or any more; ArcadeDB issue #4959). Two
    ingests into a new store met it in `RefreshRecent`'s range scan of `Document.date`
    ("Record #6:7 not found": #6 is the Document bucket). Running the transaction again
    reads the other commit whole; a record that stays unreadable is a real fault
    (`record_missing`)."""
    return exc.code == "Neo.ClientError.Statement.EntityNotFound" and bool(
        _VANISHED.search(exc.message or "")
    )


@dataclass
class WriteTally:
    """What a document write found and did, taken inside its transaction: which of its
    documents existed already (`run`, the transaction's first statement), which of its facts
    existed already (with their dates), and how many entities and facts it created. So a run
    reports its own additions even while other processes write, and the summaries are
    adjusted only where a fact is new or got an earlier date.

    `creates` (ArcadeDB): new facts are CREATEd and counted as they are; else (Neo4j, MERGE
    throughout) the facts of the write are counted once more at the end (`after`)."""

    docs: Sequence[DocumentGraph]
    creates: bool = False
    known_docs: list[str] = field(default_factory=list)
    #: facts of this write that existed before it: fact id -> (date, date precision)
    existing_facts: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: entities this write created (a fact with one of them at an end is new)
    created: set[str] = field(default_factory=set)
    new_entities: int = 0
    new_facts: int = 0

    def _facts(
        self, tx: neo4j.ManagedTransaction, *, all_facts: bool = False
    ) -> dict[str, tuple[str | None, str | None]]:
        facts: dict[tuple[str, bool], dict[str, Row]] = defaultdict(dict)
        for d in self.docs:
            for f in d.facts:
                if not all_facts and (f.src in self.created or f.dst in self.created):
                    continue  # cannot have existed: not looked for
                rel = check_rel_type(f.type)
                facts[(rel, _from_dst(rel, f.dst))][f.id] = {"id": f.id, "src": f.src, "dst": f.dst}
        found: dict[str, tuple[str | None, str | None]] = {}
        for (rel, from_dst), rows in sorted(facts.items()):
            start = "(b:Entity {id: r.dst})<-" if from_dst else "(a:Entity {id: r.src})-"
            end = "-()" if from_dst else "->()"
            for rec in tx.run(
                f"UNWIND $rows AS r MATCH {start}[f:{rel}]{end} WHERE f.fact_id = r.id "
                "RETURN f.fact_id AS id, f.date AS date, f.date_precision AS precision",
                rows=[rows[k] for k in sorted(rows)],
            ):
                found[rec["id"]] = (rec["date"], rec["precision"])
        return found

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        # a transaction that collided runs again from here: nothing of the first try counts
        self.new_entities = self.new_facts = 0
        self.created, self.existing_facts = set(), {}
        self.known_docs = tx.run(
            "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN collect(d.id) AS ids",
            ids=sorted({d.id for d in self.docs}),
        ).single(strict=True)["ids"]

    @property
    def facts_before(self) -> _TallyFacts:
        """The statement that finds which facts of the write exist, after its entities are
        written (those it created need no look-up) and before its facts are; with `creates`,
        `_FactWrite` finds them as it writes them (one look-up per fact), and this does
        nothing."""
        return _TallyFacts(self)

    def changed(self, fold: FactFold) -> bool:
        """Whether this write creates the fact or moves its date earlier (what the adoption
        summaries and child counts follow)."""
        if fold.fact_id not in self.existing_facts:
            return True
        date, precision = self.existing_facts[fold.fact_id]
        return fold.date is not None and (
            date is None or date_key(fold.date, fold.date_precision) < date_key(date, precision)
        )

    @property
    def after(self) -> _TallyAfter:
        return _TallyAfter(self)


@dataclass
class _TallyFacts:
    tally: WriteTally

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if not self.tally.creates:  # (creating: `_FactWrite` finds them as it writes)
            self.tally.existing_facts = self.tally._facts(tx)


@dataclass
class _TallyAfter:
    tally: WriteTally

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if not self.tally.creates:  # MERGE throughout: the facts there now, less those before
            now = self.tally._facts(tx, all_facts=True)
            self.tally.new_facts = len(set(now) - set(self.tally.existing_facts))


def _is_auth_error(exc: Neo4jError) -> bool:
    code = exc.code or ""
    return code.startswith("Neo.ClientError.Security") or "Authentication" in (exc.message or "")


def _node_row(n: NodeRow) -> Row:
    name = str(n.props.get("name") or "")
    aliases = sorted(set(n.aliases))
    props = dict(n.props)
    props["kind"] = n.label
    props["search_text"] = search_text(name, aliases)
    return {"id": n.id, "props": props, "aliases": aliases}


_NODE_OWN = ("id", "kind", "aliases", "search_text")


def merge_node_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The properties `new` (a row to upsert) changes on a node that has `old`, the same
    whatever order documents arrive in: a missing value is filled; reference data
    (`curated`) overrides what documents gave, never the reverse; where documents disagree
    the smaller value stays."""
    old_curated, new_curated = bool(old.get("curated")), bool(new.get("curated"))
    out: dict[str, Any] = {}
    for k, v in new.items():
        if v is None or k in _NODE_OWN:
            continue
        have = old.get(k)
        if have is None:
            out[k] = v
        elif have == v or (old_curated and not new_curated):
            continue
        elif new_curated:
            out[k] = v  # reference data replaces what documents (or older reference data) gave
        elif _smaller(v, have):
            out[k] = v
    return out


@dataclass
class NodeUpsert:
    """Create entity nodes that do not exist yet; fold new aliases and values into those that
    do (`merge_node_props`; aliases are kept sorted), so a node is the same whatever order
    or batches its documents come in.

    Not a MERGE: ArcadeDB resolves `MERGE (n:Court:Entity {id: …})` by scanning the kind's
    nodes, while `MATCH (n:Entity {id: …})` uses the unique index. So the ids are looked up
    first, new rows are CREATEd and known ones updated, all in the caller's transaction.
    """

    label: str
    rows: list[Row]
    tally: WriteTally | None = None  # counts the nodes created

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        label = check_label(self.label)
        merged: dict[str, Row] = {}
        for r in self.rows:  # the same entity twice in one batch: one row, folded
            if r["id"] in merged:
                have = merged[r["id"]]
                have["props"].update(merge_node_props(have["props"], r["props"]))
                have["aliases"] = sorted_union(have["aliases"], r["aliases"])
                name = str(have["props"].get("name") or "")
                have["props"]["search_text"] = search_text(name, have["aliases"])
            else:
                merged[r["id"]] = {**r, "props": dict(r["props"]), "aliases": list(r["aliases"])}
        rows = list(merged.values())
        keys = sorted({_checked_key(k) for r in rows for k in r["props"] if k not in _NODE_OWN})
        # one record, a list per node (the driver's cost is per record): id, name, aliases,
        # then the values of `keys`
        cols = "".join(f", n.{k}" for k in keys)
        existing = {
            found[0]: found
            for found in tx.run(
                "UNWIND $ids AS id MATCH (n:Entity {id: id}) "
                f"RETURN collect([n.id, n.name, n.aliases{cols}]) AS found",
                ids=[r["id"] for r in rows],
            ).single(strict=True)["found"]
        }
        new = [r for r in rows if r["id"] not in existing]
        if self.tally is not None:
            self.tally.new_entities += len(new)
            self.tally.created.update(r["id"] for r in new)
        changed: list[Row] = []
        for r in rows:
            rec = existing.get(r["id"])
            if rec is None:
                continue
            cur_name, cur_aliases = rec[1], rec[2]
            old = dict(zip(keys, rec[3:], strict=True))
            props = merge_node_props(old, r["props"])
            aliases = sorted_union(cur_aliases, r["aliases"])
            if not props and aliases == list(cur_aliases or []):
                continue
            name = str(props.get("name", cur_name) or "")
            props["aliases"] = aliases
            props["search_text"] = search_text(name, aliases)
            changed.append({"id": r["id"], "props": props})
        created = [
            {
                "all": {
                    **{k: v for k, v in r["props"].items() if k not in ("id", "aliases")},
                    "id": r["id"],
                    "aliases": r["aliases"],
                }
            }
            for r in new
        ]
        for literal, part in _create_groups(created, "all"):
            tx.run(f"UNWIND $rows AS r CREATE (n:{label}:Entity {literal})", rows=part).consume()
        if changed:
            tx.run(
                "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) SET n += r.props", rows=changed
            ).consume()
        if any("province" in r["props"] for r in changed):  # the review queue heads keep
            # their facts' provinces (graph/review.py): forgotten, built again when read
            tx.run(
                "MATCH (m:Meta) WHERE m.id STARTS WITH $p DELETE m", p=QUEUE_HEAD_PREFIX
            ).consume()


# -- facts: one answer whatever the batching ------------------------------------------------
# A fact's values are folded from every document's evidence with operations that do not care
# about order or grouping (the earliest date, the highest confidence, sorted unions, the
# smallest of disagreeing values), and each statement carries a fact once: ArcadeDB computes
# the SET values of all rows of one `UNWIND … MERGE … SET` before it applies any, so a fact
# twice in one statement would keep its last row, not the fold.

_RANK_CYPHER = (
    "CASE {p} WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 "
    "WHEN 'document' THEN 4 ELSE 3 END"
)
#: what the store computes for a fact; a document's `props` never set them
_DERIVED = ("fact_id", "doc_ids", "date", "date_precision", "confidence", "rules")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _smaller(a: Any, b: Any) -> bool:
    try:
        return bool(a < b)
    except TypeError:
        return (type(a).__name__, str(a)) < (type(b).__name__, str(b))


def _checked_key(key: str) -> str:
    """A property name spliced into Cypher: ours, but checked like a label."""
    if not _KEY.match(key):
        raise ValueError(f"not a property name: {key!r}")
    return key


def _create_groups(rows: Iterable[Row], field_: str) -> list[tuple[str, list[Row]]]:
    """Rows to CREATE, grouped by the names of their non-null values in `row[field_]`, each
    group with the Cypher map literal that writes them (`{k: r.<field_>.k, …}`): a node or
    relationship created with its properties is written once, where a CREATE followed by a
    SET writes it and then rewrites it larger (ArcadeDB looks for room in its pages twice)."""
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    ordered: dict[tuple[str, ...], tuple[str, ...]] = {}  # the names as found -> sorted
    for r in rows:
        found = tuple([k for k, v in r[field_].items() if v is not None])
        keys = ordered.get(found)
        if keys is None:  # (rows built by one piece of code list their names alike)
            keys = ordered[found] = tuple(sorted(found))
        groups[keys].append(r)
    return [
        ("{" + ", ".join(f"{_checked_key(k)}: r.{field_}.{k}" for k in keys) + "}", part)
        for keys, part in sorted(groups.items())
    ]


def _from_dst(rel: str, dst: str) -> bool:
    """Whether a pattern finding one fact starts at its target: ArcadeDB walks the
    relationships of the pattern's first node, so it starts at the end with fewer of them.
    That is the outcome of a REPORTED fact (a court reports thousands of figures over the
    years, a figure is reported once), else the source (a unit adopts a few stages of an
    initiative thousands adopt; a person holds a few roles; a unit has one parent)."""
    try:
        return rel == "REPORTED" and label_of(dst) == "Outcome"
    except ValueError:
        return False


def _fact_match(rel: str, from_dst: bool) -> str:
    """Cypher: `(a)-[f:rel]->(b)` for the row `r` (src, dst), starting at the smaller end."""
    rel = check_rel_type(rel)
    if from_dst:
        return f"(b:Entity {{id: r.dst}})<-[f:{rel}]-(a:Entity {{id: r.src}})"
    return f"(a:Entity {{id: r.src}})-[f:{rel}]->(b:Entity {{id: r.dst}})"


def _by_anchor(rows: Iterable[Row], rel: str) -> list[tuple[bool, list[Row]]]:
    """Rows of facts of one type, split by the end their pattern starts at."""
    split: dict[bool, list[Row]] = defaultdict(list)
    for r in rows:
        split[_from_dst(rel, r["dst"])].append(r)
    return sorted(split.items())


def sorted_union(*lists: Iterable[str] | None) -> list[str]:
    return sorted({x for lst in lists if lst for x in lst})


@dataclass
class FactFold:
    """Everything the documents of one write say about one fact, folded."""

    rel: str
    src: str
    dst: str
    fact_id: str
    docs: set[str]
    props: dict[str, Any]
    date: str | None = None
    date_precision: str | None = None
    confidence: float | None = None
    rules: set[str] | None = None

    def add_props(self, props: dict[str, Any]) -> None:
        for k, v in props.items():
            if k in _DERIVED or v is None:
                continue
            have = self.props.get(k)
            if have is None or _smaller(v, have):
                self.props[k] = v

    def add_evidence(self, date: str | None, precision: str | None, rule: Any, conf: Any) -> None:
        if date and (
            self.date is None
            or date_key(date, precision) < date_key(self.date, self.date_precision)
        ):
            self.date, self.date_precision = date, precision
        if conf is not None and (self.confidence is None or conf > self.confidence):
            self.confidence = float(conf)
        if rule:
            self.rules = (self.rules or set()) | {rule}

    def row(self, keys: Sequence[str]) -> Row:
        return {
            "src": self.src,
            "dst": self.dst,
            "fact_id": self.fact_id,
            "docs": sorted(self.docs),
            "props": {k: self.props.get(k) for k in keys},
            "date": self.date,
            "date_precision": self.date_precision,
            "date_rank": PRECISION_RANK.get(self.date_precision, 3),
            "confidence": self.confidence,
            "rules": sorted(self.rules or ()),
        }


def _insert_sorted(current: str, new: str, *, native: bool = False) -> str:
    """Cypher: the sorted list `current` with the items of the sorted list `new` merged in.

    `native` (ArcadeDB only): with its `coll.sort` and `coll.toSet`, the same list. The
    portable `reduce` rebuilds the list twice per new item, and ArcadeDB evaluates each
    element of a list comprehension as a row of its own: merging one document into a fact
    many documents support (a court's PART_OF, named by every article about the court) cost
    a row per document already listed, a fifth of the server's query CPU per document
    written (JFR samples of the Bolt threads, 1,000 articles into an empty store).

    Natively, only the new items are checked against the list (`new` is short: a write's
    documents of one fact) and appended, so the list stays in order but for its tail and
    `coll.sort` (a merge sort: two sorted runs cost one pass) takes one pass over it. Passing
    the whole list through `coll.toSet` instead hashed every item and handed the sort a list
    in hash order: a full sort, per write, of a list that grows with the store (a fact of a
    busy court supported by thousands of documents)."""
    if native:
        have = f"coalesce({current}, [])"
        return f"coll.sort({have} + [x IN {new} WHERE NOT x IN {have}])"
    return (
        f"reduce(s = coalesce({current}, []), x IN {new} | "
        "[y IN s WHERE y < x] + [x] + [y IN s WHERE y > x])"
    )


def _fold_date(f: str, r: str) -> str:
    """Cypher: move `f`'s date to `r`'s where `r`'s is earlier by `date_key`."""
    had = _RANK_CYPHER.format(p=f"{f}.date_precision")
    return (
        f"WITH {f}, {r}, {had} AS had "
        f"WITH {f}, {r}, ({r}.date IS NOT NULL AND ({f}.date IS NULL OR {r}.date < {f}.date "
        f"OR ({r}.date = {f}.date AND ({r}.date_rank < had OR ({r}.date_rank = had AND "
        f"coalesce({r}.date_precision, '') < coalesce({f}.date_precision, '')))))) AS earlier "
        f"SET {f}.date = CASE WHEN earlier THEN {r}.date ELSE {f}.date END, "
        f"{f}.date_precision = CASE WHEN earlier THEN {r}.date_precision "
        f"ELSE {f}.date_precision END"
    )


def _add_documents(current: str, new: str, known: str) -> str:
    """Cypher (ArcadeDB): the sorted list of documents `current` with `new` (documents the
    store did not hold when the write began: in no fact's list, see `_FactWrite`) appended
    unchecked and `known` (documents written before) appended where not listed yet, then
    sorted (`coll.sort`: the list in order but for its tail).

    Checking each document of a write against the list (`x IN list`, one comparison per
    item listed) cost the number of the write's documents of the fact times the documents
    it listed: a city court's PART_OF, which a tenth of all articles state, grew by a
    hundred documents per write and listed thousands (9.5 ms per 50 documents checked
    against 3,500, against 0.15 ms to append and sort them), so the cost per document
    grew with the store. A write of new documents now checks nothing; a document
    written again is checked as before, so it is listed once."""
    have = f"coalesce({current}, [])"
    return f"coll.sort({have} + {new} + [x IN {known} WHERE NOT x IN {have}])"


def _fact_sets(keys: Sequence[str], *, native: bool = False) -> list[str]:
    """Cypher SET items folding the row `r` into the relationship `f` (dates: `_fold_date`;
    `native`: ArcadeDB's list functions, `_insert_sorted`, and the row's documents split
    into those new to the store and those it held, `_add_documents`)."""
    docs = (
        _add_documents("f.doc_ids", "r.new_docs", "r.known_docs")
        if native
        else _insert_sorted("f.doc_ids", "r.docs")
    )
    sets = [
        f"f.doc_ids = {docs}",
        f"f.rules = CASE WHEN size(r.rules) = 0 THEN f.rules "
        f"ELSE {_insert_sorted('f.rules', 'r.rules', native=native)} END",
        "f.confidence = CASE WHEN f.confidence IS NULL OR r.confidence > f.confidence "
        "THEN coalesce(r.confidence, f.confidence) ELSE f.confidence END",
    ]
    for k in keys:
        k = _checked_key(k)
        sets.append(
            f"f.{k} = CASE WHEN f.{k} IS NULL OR r.props.{k} < f.{k} "
            f"THEN coalesce(r.props.{k}, f.{k}) ELSE f.{k} END"
        )
    return sets


def _fact_upsert(rel: str, keys: Sequence[str], *, from_dst: bool = False) -> str:
    """Cypher that folds one row per fact into the relationship (created if new)."""
    sets = _fact_sets(keys)
    return (
        "UNWIND $rows AS r MATCH (a:Entity {id: r.src}) MATCH (b:Entity {id: r.dst}) "
        + (
            f"MERGE (b)<-[f:{check_rel_type(rel)} {{fact_id: r.fact_id}}]-(a) "
            if from_dst  # ArcadeDB's MERGE walks the first node's relationships (_from_dst)
            else f"MERGE (a)-[f:{check_rel_type(rel)} {{fact_id: r.fact_id}}]->(b) "
        )
        + "SET "
        + ", ".join(sets)
        + " "
        + _fold_date("f", "r")
    )


#: an evidence node keeps its proposal's fact properties (scope, title, …) under this prefix,
#: so a delete can fold them again from the documents that remain
_FACT_PROP = "fact_prop_"


def _fold_evidence(rows: dict[str, Row], row: Row) -> None:
    """One evidence node per id: the same sentence proposed twice for a fact keeps the
    proposal with the highest confidence, then the earliest date, then the smallest rule."""
    have = rows.get(row["id"])
    if have is None:
        rows[row["id"]] = row
        return

    def rank(r: Row) -> tuple[Any, ...]:
        p = r["props"]
        conf = p.get("confidence")
        return (
            conf is None,
            -(conf or 0.0),
            p.get("date") is None,
            date_key(p.get("date") or "", p.get("date_precision")),
            p.get("rule") or "",
        )

    winner, other = (row, have) if rank(row) < rank(have) else (have, row)
    props = dict(winner["props"])
    for k, v in other["props"].items():  # the facts' own values: the fold's smallest
        fact_value = k.startswith(_FACT_PROP) and v is not None
        if fact_value and (props.get(k) is None or _smaller(v, props[k])):
            props[k] = v
    rows[row["id"]] = {**winner, "props": props}


#: documents written: urls and paths joined with those already there (another process may
#: have written the same document a moment ago, from another file); `fact_keys` lists every
#: fact the document has supported (`fact_key`), so a delete finds them without walking the
#: relationships of the entities it mentions
_DOCUMENT_UPSERT = (
    "UNWIND $rows AS r MERGE (d:Document {id: r.id}) "
    "WITH d, r, coalesce(d.urls, []) AS urls, coalesce(d.paths, []) AS paths, "
    "d.collections AS had "
    "SET d += r.props "
    "SET d.urls = urls + [u IN coalesce(r.props.urls, []) WHERE NOT u IN urls], "
    "d.paths = paths + [p IN coalesce(r.props.paths, []) WHERE NOT p IN paths], "
    f"d.fact_keys = {_insert_sorted('d.fact_keys', 'r.facts')}, "
    "d.collections = CASE r.mode WHEN 'if_new' THEN coalesce(had, r.collections) "
    f"WHEN 'add' THEN {_insert_sorted('had', 'r.collections')} ELSE had END"
)


def fact_key(fid: str, src: str, dst: str) -> str:
    """A fact as a document lists it: its id and ends (its type is its id's prefix)."""
    return f"{fid}\x1f{src}\x1f{dst}"


def _fact_of_key(key: str) -> Row:
    fid, src, dst = key.split("\x1f")
    return {
        "fact_id": fid,
        "rel": check_rel_type(fid.split(":", 1)[0].upper()),
        "src": src,
        "dst": dst,
    }


def _document_statements(
    docs: Sequence[DocumentGraph], tally: WriteTally | None = None
) -> list[Statement]:
    """The statements of a document write. With `tally` (run first in the same transaction):
    the summaries are adjusted only for the facts it found new or dated earlier, and the
    entities and facts created are counted; with a creating tally (ArcadeDB) the documents
    it found new get their mentions, evidence and new facts CREATEd, not MERGEd, and have
    no mentions to take out of the counts."""
    doc_ids = [doc.id for doc in docs]
    changes, tally = tally, (tally if tally is not None and tally.creates else None)
    # a document written again first leaves the per-year mention counts
    before = _UncountKnown(doc_ids, tally=tally)
    counts = collection_counts.Before(doc_ids)  # each collection's documents, adjusted
    statements: list[Statement] = [counts, before]
    nodes: list[NodeRow] = []
    mentions: list[Row] = []
    facts: dict[str, FactFold] = {}
    evidence: dict[str, Row] = {}
    doc_rows: list[Row] = []
    for doc in docs:
        props = {
            k: v for k, v in doc.props.items() if k not in ("collections", "collections_if_new")
        }
        colls = sorted(doc.props.get("collections") or [])
        # a folder's default collection places new documents only: another run that wrote
        # this document a moment ago placed it already, as a run after it would find; a
        # named one is added to those it was in (graph/collections.py)
        mode = ("if_new" if doc.props.get("collections_if_new") else "add") if colls else "keep"
        doc_rows.append(
            {
                "id": doc.id,
                "props": props,
                "collections": colls,
                "mode": mode,
                "facts": sorted({fact_key(f.id, f.src, f.dst) for f in doc.facts}),
            }
        )
        nodes.extend(doc.nodes)
        for m in doc.mentions:
            mentions.append(
                {
                    "doc": doc.id,
                    "id": m.entity,
                    "surface": m.surface,
                    "sentence": m.sentence,
                    "start": m.start,
                    "end": m.end,
                    "count": m.count,
                    "original_sentence": m.original_sentence,
                    "original_start": m.original_start,
                    "original_end": m.original_end,
                }
            )
        for f in doc.facts:
            fid = f.id
            fold = facts.get(fid)
            if fold is None:
                fold = facts[fid] = FactFold(check_rel_type(f.type), f.src, f.dst, fid, set(), {})
            fold.docs.add(doc.id)
            fold.add_props(f.props)
            for e in f.evidence:
                fold.add_evidence(e.date, e.date_precision, e.rule, e.confidence)
                _fold_evidence(
                    evidence,
                    {
                        "id": "ev:" + digest(fid, doc.id, e.start, e.end),
                        "props": {
                            "fact_id": fid,
                            "fact_type": f.type,
                            "doc_id": doc.id,
                            "sentence": e.sentence,
                            "start": e.start,
                            "end": e.end,
                            "original_sentence": e.original_sentence,
                            "original_start": e.original_start,
                            "original_end": e.original_end,
                            "quote": e.quote,
                            "date": e.date,
                            "date_precision": e.date_precision,
                            "rule": e.rule,
                            "confidence": e.confidence,
                            # written by a version that keeps the fact's values (below)
                            "keeps_fact_props": True,
                            **{
                                _FACT_PROP + _checked_key(k): v
                                for k, v in f.props.items()
                                if k not in _DERIVED and v is not None
                            },
                        },
                    },
                )
    # mentions of one entity by one document: one row, the first in the text
    unique: dict[tuple[str, str], Row] = {}
    for row in mentions:
        key = (row["doc"], row["id"])
        have = unique.get(key)
        if have is None or (row["start"], row["end"]) < (have["start"], have["end"]):
            unique[key] = row
    if len({r["id"] for r in doc_rows}) == len(doc_rows):
        statements.append(_DocumentUpsert(doc_rows, tally))
    else:  # one statement sets each row's values from the node as it was before any row
        statements += [(_DOCUMENT_UPSERT, {"rows": [r]}) for r in doc_rows]
    by_label: dict[str, list[Row]] = defaultdict(list)
    for n in nodes:
        by_label[n.label].append(_node_row(n))
    for label, rows in by_label.items():
        statements.append(NodeUpsert(label, rows, tally=changes))
    if changes is not None:
        statements.append(changes.facts_before)
    if unique:
        statements.append(_NewOrKnown(_MENTIONS, list(unique.values()), "doc", tally))
    groups: dict[tuple[str, str, str], list[FactFold]] = defaultdict(list)
    for fold in facts.values():
        groups[(fold.rel, label_of(fold.src), label_of(fold.dst))].append(fold)
    for (rel, _src_label, _dst_label), folds in groups.items():
        keys = sorted({k for fold in folds for k in fold.props})
        for from_dst, part in _by_anchor((f.row(keys) for f in folds), rel):
            if tally is None:
                statements.append((_fact_upsert(rel, keys, from_dst=from_dst), {"rows": part}))
            else:
                statements.append(_FactWrite(rel, keys, from_dst, part, tally))
    if evidence:
        rows = [{**r, "doc": r["props"]["doc_id"]} for r in evidence.values()]
        statements.append(_NewOrKnown(_EVIDENCE, rows, "doc", tally))
    # what a new document mentions, as written: its counts need not be read back
    written: dict[str, tuple[str | None, list[str]]] = {
        d.id: (d.props.get("date"), []) for d in docs
    }
    for doc_id, entity in unique:
        written[doc_id][1].append(entity)
    counted = _CountWritten(doc_ids, tally=tally, written=written)
    statements += [
        counted,
        summaries.KeepFingerprints(
            [(d.id, str(d.props.get("fingerprint") or "")) for d in docs],
            tally=tally,
            sketches={
                d.id: summaries.figure_sketch(d.props["figures"])
                for d in docs
                if d.props.get("figures") is not None
            },
        ),
        _DocListsWritten(doc_ids, before, tally=tally, written=written, counted=counted),
        _ChangedSummaries(list(facts.values()), changes),
        summaries.RefreshRecent(),
        collection_counts.After(counts),
    ]
    return statements


def _written_years(
    tally: WriteTally, written: dict[str, tuple[str | None, list[str]]]
) -> dict[str, Counter]:
    """`summaries._mention_years` of the documents new in a write, from what it wrote (a
    mention of an entity that is not there was not written: `_apply_year_deltas` and the
    lists skip an entity that does not exist)."""
    known = set(tally.known_docs)
    per: dict[str, Counter] = defaultdict(Counter)
    for doc_id, (date, entities) in written.items():
        if doc_id not in known and date:
            for entity in entities:
                per[entity][str(date)[:4]] += 1
    return per


@dataclass
class _CountWritten(summaries.CountMentions):
    """`CountMentions` of a write; with a creating tally, a new document's mentions are
    counted from what was written, only the known documents' are read back."""

    tally: WriteTally | None = None
    written: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    #: the entities counted: their counts now, lists and spares (`_DocListsWritten`'s)
    lists: dict[str, tuple[Any, Any, Any]] = field(default_factory=dict)

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        self.lists = {}
        if self.tally is None:
            super().run(tx)
            return
        per = _written_years(self.tally, self.written)
        known = [d for d in self.doc_ids if d in set(self.tally.known_docs)]
        if known:
            for entity, years in summaries._mention_years(tx, known).items():
                per[entity].update(years)
        summaries._apply_year_deltas(tx, per, self.lists)


@dataclass
class _DocListsWritten(summaries.RefreshDocLists):
    """`RefreshDocLists` of a write; with a creating tally, a new document's entries come
    from what was written."""

    tally: WriteTally | None = None
    written: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    #: the write's `_CountWritten`, run before in the same transaction: what it read of the
    #: entities it counted is not read again (nothing in between changes it)
    counted: _CountWritten | None = None

    def current(self, tx: neo4j.ManagedTransaction, ids: list[str]) -> Iterable[Mapping[str, Any]]:
        lists = self.counted.lists if self.counted is not None else {}
        for entity in ids:
            if entity in lists:
                counts, docs, spare = lists[entity]
                yield {"id": entity, "counts": counts, "docs": docs, "spare": spare}
        yield from super().current(tx, [e for e in ids if e not in lists])

    def added(self, tx: neo4j.ManagedTransaction) -> dict[str, list[str]]:
        if self.tally is None:
            return super().added(tx)
        known = set(self.tally.known_docs)
        added: dict[str, list[str]] = defaultdict(list)
        if known & set(self.doc_ids):
            for entity, entries in (
                summaries.RefreshDocLists([d for d in self.doc_ids if d in known], self.before)
                .added(tx)
                .items()
            ):
                added[entity] += entries
        for doc_id, (date, entities) in self.written.items():
            if doc_id not in known and date:
                for entity in entities:
                    added[entity].append(f"{date} {doc_id}")
        return added


@dataclass
class _ChangedSummaries:
    """The adoption summaries and child counts of the facts of a write: with its tally, only
    of those it creates or dates earlier (a unit's entry of an initiative changes only then;
    a parent's child count only when a PART_OF is new), else of all of them."""

    facts: list[FactFold]
    tally: WriteTally | None

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        facts = [f for f in self.facts if self.tally is None or self.tally.changed(f)]
        if self.tally is None:
            summaries.AdjustInitiatives(
                sorted({(f.src, f.dst) for f in facts if f.rel == "ADOPTED"})
            ).run(tx)
        else:  # what changed is known: the summaries take it without reading the facts
            existed = self.tally.existing_facts
            summaries.AddAdoptions(
                [
                    (
                        f.src,
                        f.dst,
                        str(f.props.get("stage") or ""),
                        f.date or "",
                        f.fact_id not in existed,  # created by this write
                    )
                    for f in facts
                    if f.rel == "ADOPTED"
                ]
            ).run(tx)
        summaries.RefreshChildren(
            [
                f.dst
                for f in facts
                if f.rel == "PART_OF"
                and (self.tally is None or f.fact_id not in self.tally.existing_facts)
            ]
        ).run(tx)


def _fact_update(rel: str, keys: Sequence[str], *, from_dst: bool) -> str:
    """`_fact_upsert` of facts that exist, in one look-up: the rows of the facts found are
    folded in, and each found fact is returned with its date before (`WriteTally.changed`),
    as [id, date, precision] in one list. ArcadeDB only (its list functions merge the
    sorted lists).

    The rows come in groups, one per anchor (`_anchor_groups`: the end the look-up starts
    at, `_from_dst`), and each anchor's relationships are walked once for all its facts in
    the write. ArcadeDB keeps a node's outgoing relationships of every type in one list, so
    finding a court's ADOPTED fact walks its REPORTED ones too, thousands a busy court
    gains as the store grows (~90 ns each): walked once per row, a write of 300 documents
    walked each court's list once per fact of it the documents state (twenty times for
    the six courts of the generated articles) where once per court now does."""
    fold = _fold_date("f", "r").replace("WITH f, r, ", "WITH f, r, d0, p0, ")
    assert fold.count("d0, p0") == 2
    rel = check_rel_type(rel)
    walk = (
        f"MATCH (n:Entity {{id: g.id}}) MATCH (n)<-[f:{rel}]-(o) "
        if from_dst
        else f"MATCH (n:Entity {{id: g.id}}) MATCH (n)-[f:{rel}]->(o) "
    )
    other = "r.src" if from_dst else "r.dst"
    return (
        f"UNWIND $groups AS g {walk}WHERE f.fact_id IN g.ids "
        f"UNWIND g.rows AS r WITH f, r, o WHERE f.fact_id = r.fact_id AND o.id = {other} "
        "WITH f, r, f.date AS d0, f.date_precision AS p0 SET "
        + ", ".join(_fact_sets(keys, native=True))
        + f" {fold} RETURN collect([f.fact_id, d0, p0]) AS found"
    )


def _fact_update_by_id(rel: str, keys: Sequence[str]) -> str:
    """`_fact_update` of facts of a type whose `fact_id` is indexed (`dialect.INDEXED_FACTS`):
    found by their ids, `$ids`, each taking its row from the map `$rows` (fact id -> row);
    their ends are still checked, so a fact is matched exactly as by the walk. A unit's
    facts were found by walking its relationships: ArcadeDB keeps a node's outgoing
    relationships of every type in one list, so each write's look-up of a court's facts
    walked past every figure the court REPORTED, thousands, more as the store grows.
    ArcadeDB seeks the index only for a top-level pattern whose fact id is compared with a
    parameter (`WHERE f.fact_id IN $ids`, not a value of an UNWIND row), and only with no
    label on the ends (tests/graph/test_fact_index.py asks its plan)."""
    fold = _fold_date("f", "r").replace("WITH f, r, ", "WITH f, r, d0, p0, ")
    assert fold.count("d0, p0") == 2
    rel = check_rel_type(rel)
    return (
        f"MATCH (a)-[f:{rel}]->(b) WHERE f.fact_id IN $ids "
        "WITH a, f, b, $rows[f.fact_id] AS r WHERE a.id = r.src AND b.id = r.dst "
        "WITH f, r, f.date AS d0, f.date_precision AS p0 SET "
        + ", ".join(_fact_sets(keys, native=True))
        + f" {fold} RETURN collect([f.fact_id, d0, p0]) AS found"
    )


def _by_fact_id(rows: Sequence[Row]) -> dict[str, Any]:
    """The parameters of `_fact_update_by_id`: the facts' ids, sorted, and their rows by id."""
    return {"ids": sorted(r["fact_id"] for r in rows), "rows": {r["fact_id"]: r for r in rows}}


def _anchor_groups(rows: Iterable[Row], *, from_dst: bool) -> list[Row]:
    """Rows of facts of one type grouped by the end their look-up starts at (`_fact_update`):
    one group per anchor, with its facts' ids and rows."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r["dst"] if from_dst else r["src"]].append(r)
    return [
        {"id": anchor, "ids": [r["fact_id"] for r in part], "rows": part}
        for anchor, part in sorted(groups.items())
    ]


def _split_documents(rows: Sequence[Row], known: set[str]) -> list[Row]:
    """Rows of known facts (`FactFold.row`) with their documents split for `_add_documents`:
    `new_docs`, those the store did not hold when the write began, and `known_docs`. A
    document the store does not hold is in no fact's list: `delete_document` takes a
    document out of every list it is in, and a review decision lists only documents in the
    graph (graph/review.py `_existing_docs`, and `_trim_missing` when a delete's decisions
    are applied again); another process writing the same document meanwhile makes one of
    the two transactions collide and run again, and find it."""
    out = []
    for r in rows:
        row = {k: v for k, v in r.items() if k != "docs"}
        row["new_docs"] = [d for d in r["docs"] if d not in known]
        row["known_docs"] = [d for d in r["docs"] if d in known]
        out.append(row)
    return out


@dataclass
class _FactWrite:
    """Facts of one type and anchor (rows of `FactFold.row`), written with a creating tally
    (ArcadeDB): those that exist are found and folded into in one look-up (`_fact_update`,
    or by their ids `_fact_update_by_id`; it tells the tally their dates before), the others CREATEd with the values the fold
    gives a new relationship, and counted. A fact with an end the write created is not
    looked for."""

    rel: str
    keys: Sequence[str]
    from_dst: bool
    rows: list[Row]
    tally: WriteTally

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        new_end = self.tally.created
        old = [r for r in self.rows if r["src"] not in new_end and r["dst"] not in new_end]
        found = self.tally.existing_facts
        if old:  # (one record: the driver's cost is per record)
            old = _split_documents(old, set(self.tally.known_docs))
            if self.rel in dialect.INDEXED_FACTS:  # by their ids, whatever their anchor
                cypher = _fact_update_by_id(self.rel, self.keys)
                params = _by_fact_id(old)
            else:
                cypher = _fact_update(self.rel, self.keys, from_dst=self.from_dst)
                params = {"groups": _anchor_groups(old, from_dst=self.from_dst)}
            for fid, date, precision in tx.run(cypher, params).single(strict=True)["found"]:
                found[fid] = (date, precision)
        created = []
        for r in self.rows:
            if r["fact_id"] in found:
                continue
            values = {k: v for k, v in r["props"].items() if v is not None}
            values.update(fact_id=r["fact_id"], doc_ids=r["docs"], confidence=r["confidence"])
            if r["rules"]:
                values["rules"] = r["rules"]
            if r["date"] is not None:  # as `_fold_date` leaves a new relationship
                values.update(date=r["date"], date_precision=r["date_precision"])
            created.append({"src": r["src"], "dst": r["dst"], "all": values})
        rel = check_rel_type(self.rel)
        for literal, part in _create_groups(created, "all"):
            self.tally.new_facts += tx.run(
                "UNWIND $rows AS r MATCH (a:Entity {id: r.src}) MATCH (b:Entity {id: r.dst}) "
                f"CREATE (a)-[f:{rel} {literal}]->(b) RETURN count(f) AS n",
                rows=part,
            ).single(strict=True)["n"]


_MENTIONS = (
    "UNWIND $rows AS r MATCH (d:Document {id: r.doc}) MATCH (n:Entity {id: r.id}) "
    "MERGE (d)-[m:MENTIONS]->(n) SET m.surface = r.surface, m.sentence = r.sentence, "
    "m.start = r.start, m.end = r.end, m.count = r.count, "
    "m.original_sentence = r.original_sentence, m.original_start = r.original_start, "
    "m.original_end = r.original_end"
)
_EVIDENCE = "UNWIND $rows AS r MERGE (e:Evidence {id: r.id}) SET e += r.props"
#: a mention's sentence as the source writes it, and its surface's offsets there
_MENTION_ORIGINAL = ("original_sentence", "original_start", "original_end")


@dataclass
class _DocumentUpsert:
    """`_DOCUMENT_UPSERT` of documents with distinct ids; those new in this write (the
    tally's, when given) are created with all their values at once, as the upsert of a new
    document leaves them (empty url, path and fact lists included)."""

    rows: list[Row]
    tally: WriteTally | None

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        known = None if self.tally is None else set(self.tally.known_docs)
        old = [r for r in self.rows if known is None or r["id"] in known]
        new = [r for r in self.rows if known is not None and r["id"] not in known]
        if old:
            tx.run(_DOCUMENT_UPSERT, rows=old).consume()
        created = []
        for r in new:
            props = {k: v for k, v in r["props"].items() if v is not None}
            props["id"] = r["id"]
            props["urls"] = list(props.get("urls") or [])
            props["paths"] = list(props.get("paths") or [])
            props["fact_keys"] = r["facts"]
            if r["mode"] != "keep":
                props["collections"] = r["collections"]
            created.append({"all": props})
        for literal, part in _create_groups(created, "all"):
            tx.run(f"UNWIND $rows AS r CREATE (d:Document {literal})", rows=part).consume()


@dataclass
class _NewOrKnown:
    """An `UNWIND … MERGE` statement whose rows of documents new in this write (the
    tally's, when given) run with CREATE instead: nothing of theirs can exist yet."""

    cypher: str
    rows: list[Row]
    doc_key: str
    tally: WriteTally | None

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if self.tally is None:
            tx.run(self.cypher, rows=self.rows).consume()
            return
        known = set(self.tally.known_docs)
        old = [r for r in self.rows if r[self.doc_key] in known]
        new = [r for r in self.rows if r[self.doc_key] not in known]
        if old:
            tx.run(self.cypher, rows=old).consume()
        if new:
            self.create(tx, new)

    def create(self, tx: neo4j.ManagedTransaction, rows: list[Row]) -> None:
        if self.cypher == _EVIDENCE:
            for literal, part in _create_groups(
                ({"all": {**r["props"], "id": r["id"]}} for r in rows), "all"
            ):
                tx.run(f"UNWIND $rows AS r CREATE (e:Evidence {literal})", rows=part).consume()
        elif self.cypher == _MENTIONS:
            keys = ("surface", "sentence", "start", "end", "count", *_MENTION_ORIGINAL)
            for literal, part in _create_groups(
                ({"all": {k: r[k] for k in keys}, "doc": r["doc"], "id": r["id"]} for r in rows),
                "all",
            ):
                # grouped by entity: an entity many documents of the batch name (a court, an
                # initiative) is looked up once; an Entity lookup probes every kind's index
                by_entity: dict[str, list[Row]] = defaultdict(list)
                for r in part:
                    by_entity[r["id"]].append(r)
                tx.run(
                    "UNWIND $groups AS g MATCH (n:Entity {id: g.id}) UNWIND g.rows AS r "
                    f"MATCH (d:Document {{id: r.doc}}) CREATE (d)-[m:MENTIONS {literal}]->(n)",
                    groups=[{"id": k, "rows": v} for k, v in sorted(by_entity.items())],
                ).consume()
        else:
            tx.run(self.cypher.replace("MERGE", "CREATE"), rows=rows).consume()


_ADD_SOURCES = (
    "MATCH (d:Document {id: $id}) "
    "SET d.urls = coalesce(d.urls, []) + [u IN $urls WHERE NOT u IN coalesce(d.urls, [])],"
    " d.paths = coalesce(d.paths, []) + [p IN $paths WHERE NOT p IN coalesce(d.paths, [])] "
    "RETURN coalesce(d.collections, []) AS collections"
)


@dataclass
class _AddSources:
    """`GraphStore.add_document_urls`' write, keeping the document's `collections`."""

    params: dict[str, Any]
    collections: list[str] = field(default_factory=list)

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        rec = tx.run(_ADD_SOURCES, self.params).single()
        self.collections = [str(c) for c in rec["collections"] or []] if rec else []


@dataclass
class _UncountKnown(summaries.UncountMentions):
    """`UncountMentions` of the documents that existed before this write (the tally's, when
    given: a new document has no mentions to take out)."""

    tally: WriteTally | None = None

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if self.tally is not None:
            self.doc_ids = list(self.tally.known_docs)
            if not self.doc_ids:
                self.touched = set()
                return
        super().run(tx)


@dataclass
class FactsOfDocument:
    """Before a document is deleted: the facts it supports (to be refolded without it).
    `keys`: the facts the document lists (`fact_key`); None for a document written before
    documents listed them, whose facts are found by walking its entities' relationships."""

    doc_id: str
    facts: list[Row] = field(default_factory=list)
    keys: list[str] | None = None

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if self.keys is None or not self._listed(tx):
            self.facts = [
                dict(rec)
                for rec in tx.run(
                    f"MATCH (:Document {{id: $doc}})-[:MENTIONS]->(n:Entity)-[r:{_FACT_RELS}]-"
                    "(:Entity) WHERE r.doc_ids IS NOT NULL AND $doc IN r.doc_ids "
                    "WITH DISTINCT r "
                    "RETURN r.fact_id AS fact_id, type(r) AS rel, startNode(r).id AS src, "
                    "endNode(r).id AS dst, r.doc_ids AS doc_ids, keys(r) AS keys",
                    doc=self.doc_id,
                )
            ]

    def _listed(self, tx: neo4j.ManagedTransaction) -> bool:
        """The facts the document lists; False when the list is no longer the whole story:
        a listed fact is gone or an evidence of the document names a fact not listed (a
        review merge moved facts to other ids)."""
        assert self.keys is not None
        by_rel: dict[str, list[Row]] = defaultdict(list)
        for key in self.keys:
            fact = _fact_of_key(key)
            by_rel[fact["rel"]].append(fact)
        self.facts = []
        for rel, all_rows in sorted(by_rel.items()):
            for from_dst, rows in _by_anchor(all_rows, rel):
                self.facts += self._found(tx, rel, from_dst, rows)
        found = {f["fact_id"] for f in self.facts}
        if len(found) < len(self.keys):
            return False
        evidence = tx.run(
            "MATCH (e:Evidence {doc_id: $doc}) RETURN collect(DISTINCT e.fact_id) AS ids",
            doc=self.doc_id,
        ).single()
        return not set(evidence["ids"] if evidence else []) - found

    def _found(
        self, tx: neo4j.ManagedTransaction, rel: str, from_dst: bool, rows: list[Row]
    ) -> list[Row]:
        return [
            dict(rec)
            for rec in tx.run(
                f"UNWIND $rows AS r MATCH {_fact_match(rel, from_dst)} "
                "WHERE f.fact_id = r.fact_id "
                "AND f.doc_ids IS NOT NULL AND $doc IN f.doc_ids "
                "RETURN f.fact_id AS fact_id, r.rel AS rel, r.src AS src, r.dst AS dst, "
                "f.doc_ids AS doc_ids, keys(f) AS keys",
                rows=rows,
                doc=self.doc_id,
            )
        ]


@dataclass
class _DropUnsupported:
    """After `RefoldFacts`: delete the facts of a deleted document that no document supports
    any more (curated ones, with a `source`, stay)."""

    before: FactsOfDocument

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        by_rel: dict[str, list[Row]] = defaultdict(list)
        for f in self.before.facts:
            if not set(f["doc_ids"] or []) - {self.before.doc_id}:
                by_rel[f["rel"]].append({"fact_id": f["fact_id"], "src": f["src"], "dst": f["dst"]})
        for rel, all_rows in sorted(by_rel.items()):
            for from_dst, rows in _by_anchor(all_rows, rel):
                tx.run(
                    f"UNWIND $rows AS r MATCH {_fact_match(rel, from_dst)} "
                    "WHERE f.fact_id = r.fact_id AND f.source IS NULL "
                    "AND size(coalesce(f.doc_ids, [])) = 0 DELETE f",
                    rows=rows,
                ).consume()


@dataclass
class _Orphans:
    """The entities only a deleted document mentioned (not curated), deleted with their
    relationships; the adoptions and hierarchy edges they took along are kept for the
    summaries. Runs after `UncountMentions`, so an entity another dated document mentions is
    known by its per-year counts, without walking its mentions."""

    doc_id: str
    adoptions: list[tuple[str, str]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        ids = [
            rec["id"]
            for rec in tx.run(
                "MATCH (:Document {id: $doc})-[:MENTIONS]->(n:Entity) "
                "WHERE coalesce(n.curated, false) = false "
                "AND reduce(t = 0, c IN coalesce(n.doc_year_counts, []) | t + c) = 0 "
                "WITH n WHERE size([(n)<-[:MENTIONS]-(o:Document) WHERE o.id <> $doc | o]) = 0 "
                "RETURN n.id AS id",
                doc=self.doc_id,
            )
        ]
        if not ids:
            return
        for rec in tx.run(
            "UNWIND $ids AS id MATCH (n:Entity {id: id})-[r:ADOPTED|PART_OF]-(m:Entity) "
            "RETURN type(r) AS rel, startNode(r).id AS src, endNode(r).id AS dst",
            ids=ids,
        ):
            if rec["rel"] == "ADOPTED":
                self.adoptions.append((rec["src"], rec["dst"]))
            else:
                self.parents.append(rec["dst"])
        tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DETACH DELETE n", ids=ids).consume()


@dataclass
class _AfterDelete:
    """The adoption summaries and child counts a delete changed: of the facts the document
    supported and of the relationships its orphaned entities took along."""

    supported: FactsOfDocument
    orphans: _Orphans

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        facts = self.supported.facts
        summaries.AdjustInitiatives(
            sorted(
                {(f["src"], f["dst"]) for f in facts if f["rel"] == "ADOPTED"}
                | set(self.orphans.adoptions)
            )
        ).run(tx)
        summaries.RefreshChildren(
            [f["dst"] for f in facts if f["rel"] == "PART_OF"] + self.orphans.parents
        ).run(tx)


_REFOLD = """
UNWIND $rows AS r
MATCH PATTERN
WHERE f.fact_id = r.fact_id
SET f.date = r.date, f.date_precision = r.date_precision, f.confidence = r.confidence,
    f.rules = CASE WHEN size(r.rules) = 0 THEN null ELSE r.rules END, f.doc_ids = r.doc_ids
"""
#: relationship properties that no document's proposal sets: derived, curated, and what a
#: reviewer's decision set (graph/review.py `_mark`, `_apply_correct`, `_apply_add`), which a
#: refold after a delete keeps (the decisions are applied again after it)
_NOT_PROPS = (
    *_DERIVED,
    "source",
    "review_status",
    "review_flag",
    "reviewed_by",
    "reviewed_at",
    "review_decision",
    "review_added",
    "corrected_from",
)


@dataclass
class RefoldFacts:
    """After a document's evidence is gone: the date, confidence, rules and properties of the
    facts it supported, folded again from the evidence that remains (the same fold as a
    write). Properties are refolded only where every remaining document left evidence;
    what a reviewer's decision set (status, reviewer, `corrected_from`) stays, and
    graph/review.py applies the decisions again after it (a corrected stage, topic or title)."""

    before: FactsOfDocument

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        facts = {r["fact_id"]: r for r in self.before.facts}
        if not facts:
            return
        folds = {
            fid: FactFold(r["rel"], r["src"], r["dst"], fid, set(), {}) for fid, r in facts.items()
        }
        unknown: set[str] = set()  # facts with evidence from before it kept their values
        for rec in tx.run(
            "UNWIND $ids AS id MATCH (e:Evidence {fact_id: id}) "
            "RETURN e.fact_id AS fact_id, e.doc_id AS doc, properties(e) AS p",
            ids=sorted(facts),
        ):
            p, fold = rec["p"], folds[rec["fact_id"]]
            fold.docs.add(rec["doc"])
            if not p.get("keeps_fact_props"):
                unknown.add(fold.fact_id)
            fold.add_evidence(
                p.get("date"), p.get("date_precision"), p.get("rule"), p.get("confidence")
            )
            fold.add_props(
                {k[len(_FACT_PROP) :]: v for k, v in p.items() if k.startswith(_FACT_PROP)}
            )
        by_rel: dict[str, list[Row]] = defaultdict(list)
        props: dict[tuple[str, tuple[str, ...]], list[Row]] = defaultdict(list)
        for fid, fold in folds.items():
            remaining = set(facts[fid]["doc_ids"] or []) - {self.before.doc_id}
            by_rel[fold.rel].append({**fold.row(()), "doc_ids": sorted(remaining)})
            if remaining and remaining <= fold.docs and fid not in unknown:
                keys = sorted(
                    {k for k in facts[fid]["keys"] if k not in _NOT_PROPS} | set(fold.props)
                )
                if keys:
                    props[(fold.rel, tuple(keys))].append(fold.row(keys))
        for rel, all_rows in sorted(by_rel.items()):
            for from_dst, rows in _by_anchor(all_rows, rel):
                tx.run(_REFOLD.replace("PATTERN", _fact_match(rel, from_dst)), rows=rows).consume()
        for (rel, names), all_rows in sorted(props.items()):
            sets = ", ".join(f"f.{_checked_key(k)} = r.props.{k}" for k in names)
            for from_dst, rows in _by_anchor(all_rows, rel):
                tx.run(
                    f"UNWIND $rows AS r MATCH {_fact_match(rel, from_dst)} "
                    f"WHERE f.fact_id = r.fact_id SET {sets}",
                    rows=rows,
                ).consume()


#: the version of the fact fold (`FactFold`); a store whose facts were written by an older
#: version (dates kept by the last row of a batch, unsorted lists) is refolded once on open
FACT_VERSION = 1


def refold_all(store: GraphStore, *, batch: int = 2000) -> int:
    """Fold every fact again from its evidence (dates, confidence, rules, sorted doc_ids;
    values too where all its evidence keeps them), apply the review decisions again, then
    record `FACT_VERSION`. Returns the facts refolded. For stores written before facts were
    folded whatever the batching."""
    done = 0
    for rel in FACT_TYPES:
        # every fact of a type, once, however long it takes (not the user-query timeout)
        facts = store.read(
            f"MATCH (a:Entity)-[r:{check_rel_type(rel)}]->(b:Entity) "
            "WHERE r.doc_ids IS NOT NULL "
            "RETURN r.fact_id AS fact_id, type(r) AS rel, a.id AS src, b.id AS dst, "
            "r.doc_ids AS doc_ids, keys(r) AS keys",
            plain=True,
            bounded=False,
        )
        for i in range(0, len(facts), batch):
            store.write_statements([RefoldFacts(FactsOfDocument("", facts[i : i + batch]))])
        done += len(facts)
        if rel == "ADOPTED":  # the adoption summaries follow the refolded dates
            initiatives = sorted({f["dst"] for f in facts})
            for i in range(0, len(initiatives), 20):
                store.write_statements([summaries.RefreshInitiatives(initiatives[i : i + 20])])
    # a refolded fact is rebuilt from its evidence, without its review status: the
    # reviewers' decisions are applied again (confirmations, corrections, rejections)
    from graph import review

    review.reapply_all(store)
    store.write_statements(
        [
            (
                "MERGE (m:Meta {id: $id}) SET m.fact_version = $v",
                {"id": summaries.META_ID, "v": FACT_VERSION},
            )
        ]
    )
    return done


@dataclass
class InitMeta:
    """Create the `Meta` singleton of a new, empty store with the current versions, so no
    refold or recount runs (two processes opening a new store at once: one creates it, the
    other's transaction collides, runs again and finds it). An existing store is untouched."""

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if tx.run("MATCH (m:Meta {id: $id}) RETURN m.id AS id", id=summaries.META_ID).single():
            return
        if tx.run(
            f"MATCH (n) WHERE NOT n:{TEST_MARKER} WITH n LIMIT 1 RETURN count(n) AS n"
        ).single(strict=True)["n"]:
            return  # a store written before Meta existed: refolded and recounted on open
        tx.run(
            "MERGE (m:Meta {id: $id}) SET m.fact_version = $f, m.summary_version = $s, "
            "m.fingerprints_version = $p",
            id=summaries.META_ID,
            f=FACT_VERSION,
            s=summaries.SUMMARY_VERSION,
            p=summaries.FINGERPRINTS_VERSION,
        ).consume()


def open_store(settings: Settings) -> GraphStore:
    """The configured store: Neo4j when `neo4j_uri` is set, else the embedded ArcadeDB."""
    if settings.neo4j_uri:
        if not settings.neo4j_password:
            raise StoreUnavailable(
                "设置了 NEO4J_URI，却没有设置 NEO4J_PASSWORD：请两个都设置"
                "（都不设置则使用内置的 ArcadeDB）"
            )
        try:
            driver = GraphDatabase.driver(
                settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
            )
        # (a scheme the driver does not know, foo://, is its ConfigurationError: a traceback)
        except (ValueError, Neo4jError, DriverError) as exc:
            raise StoreUnavailable(
                f"NEO4J_URI {settings.neo4j_uri!r} 无效（应形如 neo4j://主机:7687 或 "
                f"bolt://主机:7687）：{exc}"
            ) from exc
        store = GraphStore(
            driver,
            database=settings.neo4j_database,
            server=dialect.NEO4J,
            query_timeout=settings.query_timeout,
            description=f"Neo4j（{settings.neo4j_uri}）",
        )
    else:
        from graph.embedded import EmbeddedServer

        embedded = EmbeddedServer(settings.data_dir, heap=settings.heap)
        info = embedded.connect_info()
        driver = GraphDatabase.driver(info.uri, auth=(info.user, info.password))
        store = GraphStore(
            driver,
            database=info.database,
            server=dialect.ARCADEDB,
            query_timeout=settings.query_timeout,
            description=f"内置 ArcadeDB（{settings.data_dir}）",
        )
        store.embedded = embedded
    try:
        store.verify()
        store.ensure_schema()
        store.write_statements([InitMeta()])  # once, whoever opens a new store first
        meta = summaries.read_meta(store)
        if meta.get("fact_version") != FACT_VERSION:
            refold_all(store)  # a new store (nothing to do), or facts of an older version
        if meta.get("summary_version") != summaries.SUMMARY_VERSION:
            summaries.refresh_all(store)  # a new store, or one written by an older version
        elif meta.get("fingerprints_version") != summaries.FINGERPRINTS_VERSION:
            summaries.rebuild_fingerprints(store)  # written before documents were listed
    except BaseException:
        store.close()
        raise
    return store


#: everything `GraphStore.write_statements` runs in one transaction
Statement = (
    tuple[str, dict[str, Any]]
    | NodeUpsert
    | summaries.RefreshInitiatives
    | summaries.RefreshChildren
    | summaries.CountMentions
    | summaries.UncountMentions
    | summaries.RefreshRecent
    | summaries.RefreshDocLists
    | summaries.FullDocLists
    | FactsOfDocument
    | _DropUnsupported
    | _Orphans
    | _AfterDelete
    | summaries.AdjustInitiatives
    | summaries.KeepFingerprints
    | _NewOrKnown
    | _AddSources
    | _DocumentUpsert
    | _UncountKnown
    | RefoldFacts
    | WriteTally
    | _TallyFacts
    | _TallyAfter
    | _ChangedSummaries
    | _FactWrite
    | _CountWritten
    | _DocListsWritten
    | InitMeta
    | collection_counts.Before
    | collection_counts.After
    | collection_counts.Recount
)
