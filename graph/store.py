"""The graph store: one class over the official `neo4j` driver, for ArcadeDB and Neo4j alike.

`GraphStore` is handed a driver; it never reads the environment. `open_store(settings)`
builds one from `Settings`: Neo4j when `neo4j_uri` is set, otherwise the embedded ArcadeDB
server (started on first use). Reads run in read transactions with a timeout and row limit;
writes are batched (`UNWIND $rows ... MERGE` on stable ids) in managed write transactions,
atomic per call, so a document is either wholly in the graph or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from graph import dialect, summaries
from graph.errors import BadParameter, QueryFailed, StoreUnavailable
from graph.model import (
    ENTITY_LABELS,
    DocumentGraph,
    NodeRow,
    check_label,
    check_rel_type,
    digest,
    fact_id,
    label_of,
    search_text,
)
from graph.settings import Settings

Row = dict[str, Any]


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
            raise StoreUnavailable(f"{self.description} refused the connection: {exc}") from exc
        except (ServiceUnavailable, OSError) as exc:
            raise StoreUnavailable(f"cannot reach {self.description}: {exc}") from exc

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
    ) -> list[Row]:
        """Run a read query in a read transaction; at most `limit` rows. With `plain`, the
        caller promises only properties come back (strings, numbers, lists of them), and
        values are not inspected for dates or nodes: that walk is the slowest part of
        reading a large packed table."""
        convert = (lambda v: v) if plain else _json_value

        @neo4j.unit_of_work(timeout=self.query_timeout)
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(cypher, params or {})
            keys = result.keys()
            rows: list[Row] = []
            for record in result:
                if limit is not None and len(rows) >= limit:
                    break
                rows.append(dict(zip(keys, map(convert, record.values()), strict=True)))
            return rows

        try:
            with self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return session.execute_read(work)
        except ClientError as exc:
            if _is_auth_error(exc):
                raise self._auth_error() from exc
            text = f"{exc.code or ''} {exc.message or ''}".lower()
            if "timeout" in text or "timedout" in text or "timed out" in text:
                raise QueryFailed(
                    f"{self.description} stopped the query: it ran past the time limit "
                    f"({exc.message}). Narrow it (a smaller depth, fewer kinds, a lower limit)."
                ) from exc
            raise BadParameter(f"the query was refused: {exc.message}") from exc
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"cannot reach {self.description}: {exc}") from exc
        except Neo4jError as exc:  # DatabaseError, TransientError: too large, too slow, ...
            raise QueryFailed(
                f"{self.description} could not answer the query: {exc.message or exc}. "
                "Narrow it (a smaller depth, fewer kinds, a lower limit) and try again."
            ) from exc

    def _auth_error(self) -> StoreUnavailable:
        return StoreUnavailable(
            f"{self.description} refused the credentials (check NEO4J_USER / NEO4J_PASSWORD; "
            "the password is not shown)"
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

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except ClientError as exc:
            if _is_auth_error(exc):
                raise self._auth_error() from exc
            raise
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"cannot reach {self.description}: {exc}") from exc

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

    def write_documents(self, docs: Sequence[DocumentGraph]) -> None:
        """Write documents and everything they support, in one transaction."""
        self._write(_document_statements(docs))

    def has_document(self, doc_id: str) -> bool:
        return bool(self.read("MATCH (d:Document {id: $id}) RETURN d.id AS id", {"id": doc_id}))

    def document_fingerprints(self) -> list[Row]:
        return self.read("MATCH (d:Document) RETURN d.id AS id, d.fingerprint AS fingerprint")

    def add_document_urls(self, doc_id: str, urls: list[str], paths: list[str]) -> None:
        """A repost of a known document: record its URLs and paths, nothing else changes."""
        self._write(
            [
                (
                    "MATCH (d:Document {id: $id}) "
                    "SET d.urls = coalesce(d.urls, []) + [u IN $urls WHERE NOT u IN coalesce(d.urls, [])],"
                    " d.paths = coalesce(d.paths, []) + [p IN $paths WHERE NOT p IN coalesce(d.paths, [])]",
                    {"id": doc_id, "urls": urls, "paths": paths},
                )
            ]
        )

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its evidence, the facts only it supported and orphaned entities."""
        if not self.has_document(doc_id):
            return False
        p = {"doc": doc_id}
        # what the summaries must recount once the document is gone
        initiatives = self.read(
            "MATCH (:Document {id: $doc})-[:MENTIONS]->(i:Initiative) RETURN i.id AS id", p
        )
        parents = self.read(
            "MATCH (:Document {id: $doc})-[:MENTIONS]->(:Entity)-[:PART_OF]->(c:Entity) "
            "RETURN DISTINCT c.id AS id",
            p,
        )
        before = summaries.UncountMentions([doc_id])
        self._write(
            [
                before,
                # trim the document from every fact touching an entity it mentions
                (
                    "MATCH (:Document {id: $doc})-[:MENTIONS]->(n:Entity)-[r]-() "
                    "WHERE r.doc_ids IS NOT NULL AND $doc IN r.doc_ids WITH DISTINCT r "
                    "SET r.doc_ids = [x IN r.doc_ids WHERE x <> $doc]",
                    p,
                ),
                (
                    "MATCH (:Document {id: $doc})-[:MENTIONS]->(n:Entity)-[r]-() "
                    "WHERE r.doc_ids IS NOT NULL AND size(r.doc_ids) = 0 AND r.source IS NULL "
                    "WITH DISTINCT r DELETE r",
                    p,
                ),
                ("MATCH (e:Evidence {doc_id: $doc}) DELETE e", p),
                # dates of surviving adoptions come from their remaining evidence
                (
                    "MATCH (:Document {id: $doc})-[:MENTIONS]->(n:Entity)-[r:ADOPTED]->() "
                    "WITH DISTINCT r OPTIONAL MATCH (e:Evidence {fact_id: r.fact_id}) "
                    "WHERE e.date IS NOT NULL "
                    "WITH r, e ORDER BY e.date WITH r, collect(e)[0] AS first "
                    "SET r.date = first.date, r.date_precision = first.date_precision",
                    p,
                ),
                # entities nothing else mentions go, unless curated (roster, taxonomy)
                (
                    "MATCH (:Document {id: $doc})-[:MENTIONS]->(n:Entity) "
                    "WHERE coalesce(n.curated, false) = false "
                    "AND size([(n)<-[:MENTIONS]-(o:Document) WHERE o.id <> $doc | o]) = 0 "
                    "DETACH DELETE n",
                    p,
                ),
                ("MATCH (d:Document {id: $doc}) DETACH DELETE d", p),
                summaries.RefreshDocLists([doc_id], before),
                summaries.RefreshInitiatives([r["id"] for r in initiatives]),
                summaries.RefreshChildren([r["id"] for r in parents]),
                summaries.RefreshRecent(),
            ]
        )
        return True

    def clear(self) -> None:
        """Delete every node and relationship (the schema stays)."""
        while True:
            n = self.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
            if not n:
                return
            self._write([("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n", {})])

    # -- summaries ---------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Nodes per label and relationships per type."""
        out: dict[str, int] = {}
        for label in (*ENTITY_LABELS, "Document", "Evidence"):
            out[label] = self.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
        for rel in ("PART_OF", "ADOPTED", "HOLDS_ROLE", "REPORTED", "PARTNERS_WITH", "MENTIONS"):
            check_rel_type(rel)
            out[rel] = self.read(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
        return out


def _is_auth_error(exc: Neo4jError) -> bool:
    code = exc.code or ""
    return code.startswith("Neo.ClientError.Security") or "Authentication" in (exc.message or "")


def _node_row(n: NodeRow) -> Row:
    name = str(n.props.get("name") or "")
    props = dict(n.props)
    props["kind"] = n.label
    props["search_text"] = search_text(name, n.aliases)
    return {"id": n.id, "props": props, "aliases": list(n.aliases)}


@dataclass
class NodeUpsert:
    """Create entity nodes that do not exist yet; add aliases to those that do.

    Not a MERGE: ArcadeDB resolves `MERGE (n:Court:Entity {id: …})` by scanning the kind's
    nodes, while `MATCH (n:Entity {id: …})` uses the unique index. So the ids are looked up
    first, new rows are CREATEd and known ones updated, all in the caller's transaction.
    """

    label: str
    rows: list[Row]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        label = check_label(self.label)
        merged: dict[str, Row] = {}
        for r in self.rows:  # the same entity twice in one batch: one row, aliases united
            if r["id"] in merged:
                have = merged[r["id"]]["aliases"]
                have.extend(a for a in r["aliases"] if a not in have)
            else:
                merged[r["id"]] = {**r, "aliases": list(r["aliases"])}
        rows = list(merged.values())
        existing = {
            rec["id"]
            for rec in tx.run(
                "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id",
                ids=[r["id"] for r in rows],
            )
        }
        new = [r for r in rows if r["id"] not in existing]
        old = [r for r in rows if r["id"] in existing]
        if new:
            tx.run(
                f"UNWIND $rows AS r CREATE (n:{label}:Entity) SET n = r.props, n.id = r.id, "
                "n.aliases = r.aliases",
                rows=new,
            ).consume()
        if old:
            tx.run(
                "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) "
                "WITH n, [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])] AS more "
                "WHERE size(more) > 0 "
                "SET n.aliases = coalesce(n.aliases, []) + more, "
                "n.search_text = coalesce(n.search_text, n.name, '') + "
                "reduce(s = '', a IN more | s + ' ' + a)",
                rows=old,
            ).consume()


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
)


def _document_statements(docs: Sequence[DocumentGraph]) -> list[Statement]:
    doc_ids = [doc.id for doc in docs]
    # a document written again first leaves the per-year mention counts
    before = summaries.UncountMentions(doc_ids)
    statements: list[Statement] = [before]
    nodes: list[NodeRow] = []
    mentions: list[Row] = []
    facts: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    evidence: list[Row] = []
    for doc in docs:
        statements.append(
            ("MERGE (d:Document {id: $id}) SET d += $props", {"id": doc.id, "props": doc.props})
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
                }
            )
        for f in doc.facts:
            fid = f.id
            dated = sorted((e.date, e.date_precision or "") for e in f.evidence if e.date)
            key = (check_rel_type(f.type), label_of(f.src), label_of(f.dst))
            facts[key].append(
                {
                    "doc": doc.id,
                    "src": f.src,
                    "dst": f.dst,
                    "fact_id": fid,
                    "props": f.props,
                    "date": dated[0][0] if dated else None,
                    "date_precision": (dated[0][1] or None) if dated else None,
                }
            )
            for e in f.evidence:
                evidence.append(
                    {
                        "id": "ev:" + digest(fid, doc.id, e.start, e.end),
                        "props": {
                            "fact_id": fid,
                            "fact_type": f.type,
                            "doc_id": doc.id,
                            "sentence": e.sentence,
                            "start": e.start,
                            "end": e.end,
                            "quote": e.quote,
                            "date": e.date,
                            "date_precision": e.date_precision,
                        },
                    }
                )
    by_label: dict[str, list[Row]] = defaultdict(list)
    for n in nodes:
        by_label[n.label].append(_node_row(n))
    for label, rows in by_label.items():
        statements.append(NodeUpsert(label, rows))
    if mentions:
        statements.append(
            (
                "UNWIND $rows AS r MATCH (d:Document {id: r.doc}) MATCH (n:Entity {id: r.id}) "
                "MERGE (d)-[m:MENTIONS]->(n) SET m.surface = r.surface, m.sentence = r.sentence, "
                "m.start = r.start, m.end = r.end, m.count = r.count",
                {"rows": mentions},
            )
        )
    for (rel, _src_label, _dst_label), rows in facts.items():
        statements.append(
            (
                "UNWIND $rows AS r MATCH (a:Entity {id: r.src}) MATCH (b:Entity {id: r.dst}) "
                f"MERGE (a)-[f:{rel} {{fact_id: r.fact_id}}]->(b) "
                "ON CREATE SET f += r.props, f.doc_ids = [] "
                "SET f.doc_ids = CASE WHEN r.doc IN coalesce(f.doc_ids, []) THEN f.doc_ids "
                "ELSE coalesce(f.doc_ids, []) + [r.doc] END "
                # the earliest reported date wins, with its precision
                "WITH f, r, (r.date IS NOT NULL AND (f.date IS NULL OR r.date < f.date)) AS earlier "
                "SET f.date = CASE WHEN earlier THEN r.date ELSE f.date END, "
                "f.date_precision = CASE WHEN earlier THEN r.date_precision "
                "ELSE f.date_precision END",
                {"rows": rows},
            )
        )
    if evidence:
        statements.append(
            ("UNWIND $rows AS r MERGE (e:Evidence {id: r.id}) SET e += r.props", {"rows": evidence})
        )
    statements += [
        summaries.CountMentions(doc_ids),
        summaries.RefreshDocLists(doc_ids, before),
        summaries.RefreshInitiatives(
            [r["dst"] for k, rows in facts.items() if k[0] == "ADOPTED" for r in rows]
        ),
        summaries.RefreshChildren(
            [r["dst"] for k, rows in facts.items() if k[0] == "PART_OF" for r in rows]
        ),
        summaries.RefreshRecent(),
    ]
    return statements


def open_store(settings: Settings) -> GraphStore:
    """The configured store: Neo4j when `neo4j_uri` is set, else the embedded ArcadeDB."""
    if settings.neo4j_uri:
        if not settings.neo4j_password:
            raise StoreUnavailable("NEO4J_URI is set but NEO4J_PASSWORD is not; set both")
        try:
            driver = GraphDatabase.driver(
                settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
            )
        except (ValueError, Neo4jError) as exc:
            raise StoreUnavailable(f"bad NEO4J_URI {settings.neo4j_uri!r}: {exc}") from exc
        store = GraphStore(
            driver,
            database=settings.neo4j_database,
            server=dialect.NEO4J,
            query_timeout=settings.query_timeout,
            description=f"Neo4j at {settings.neo4j_uri}",
        )
    else:
        from graph.embedded import EmbeddedServer

        info = EmbeddedServer(settings.data_dir, heap=settings.heap).connect_info()
        driver = GraphDatabase.driver(info.uri, auth=(info.user, info.password))
        store = GraphStore(
            driver,
            database=info.database,
            server=dialect.ARCADEDB,
            query_timeout=settings.query_timeout,
            description=f"embedded ArcadeDB ({settings.data_dir})",
        )
    try:
        store.verify()
        store.ensure_schema()
        if summaries.read_meta(store).get("summary_version") != summaries.SUMMARY_VERSION:
            summaries.refresh_all(store)  # a new store, or one written by an older version
    except BaseException:
        store.close()
        raise
    return store
