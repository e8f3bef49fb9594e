"""The number of documents in each collection, kept as a summary by every write
(graph/collection_counts.py): the named query `collections` reads it instead of visiting
every document, and answers as counting them would."""

from __future__ import annotations

from graph import collection_counts
from graph import collections as coll
from graph.collections import DEFAULT_COLLECTION
from graph.summaries import refresh_all
from queries import REGISTRY, run
from queries.registry import prepared
from tests import graph_fixtures as g


def _in(doc, *names: str):
    doc.props["collections"] = list(names)
    return doc


def _counted(store) -> list[dict]:
    """Each collection's documents, counted from the documents."""
    return store.read(
        "MATCH (d:Document) UNWIND coalesce(d.collections, [$default]) AS c "
        "RETURN c AS collection, count(d) AS documents ORDER BY collection",
        {"default": DEFAULT_COLLECTION},
    )


def _listed(store) -> list[dict]:
    """The named query's rows, checked against the documents; and which text it sent."""
    rows = run(store, "collections").rows
    assert rows == _counted(store)
    assert [(c.name, c.documents) for c in coll.collections(store)] == [
        (r["collection"], r["documents"]) for r in rows
    ]
    return rows


def _kept(store) -> bool:
    """Whether the query reads the kept counts (not every document)."""
    query = REGISTRY["collections"]
    return prepared(store, query, {})[0] == query.variants["kept"]


def test_counts_follow_ingest_delete_and_reingest(store) -> None:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_in(g.document_a(), "甲")])
    assert _kept(store)
    assert _listed(store) == [{"collection": "甲", "documents": 1}]
    store.write_documents([_in(g.document_b(), "乙"), g.document_c()])  # C: no collection
    assert _listed(store) == [
        {"collection": "乙", "documents": 1},
        {"collection": "未分类", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    store.write_documents([_in(g.document_a(), "甲")])  # again, into the same: no change
    store.write_documents([_in(g.document_b(), "甲")])  # again, into another: in both
    assert _listed(store) == [
        {"collection": "乙", "documents": 1},
        {"collection": "未分类", "documents": 1},
        {"collection": "甲", "documents": 2},
    ]
    coll.add_to_collection(store, g.document_c().id, "乙")
    assert _listed(store) == [  # C leaves 未分类, which has no documents left
        {"collection": "乙", "documents": 2},
        {"collection": "甲", "documents": 2},
    ]
    store.delete_document(g.DOC_A)
    assert _listed(store) == [
        {"collection": "乙", "documents": 2},
        {"collection": "甲", "documents": 1},
    ]
    report = coll.delete_collection(store, "乙")  # B stays (also in 甲), C goes
    assert (report.kept, report.deleted) == ([g.DOC_B], [g.document_c().id])
    assert _listed(store) == [{"collection": "甲", "documents": 1}]
    store.write_documents([_in(g.document_a(), "丙")])  # written again after its delete
    assert _listed(store) == [
        {"collection": "丙", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    assert _kept(store)


def test_a_store_without_the_summary_is_counted_until_it_is_rebuilt(store) -> None:
    store.write_documents([_in(g.document_a(), "甲"), _in(g.document_b(), "乙")])
    # a store written before the summary (or loaded in bulk, past the write path)
    store.write_statements([("MATCH (m:Meta {id: $id}) DELETE m", {"id": "collection_counts"})])
    assert collection_counts.read(store) is None and not _kept(store)
    assert _listed(store) == [
        {"collection": "乙", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    refresh_all(store)
    assert _kept(store)
    assert _listed(store) == [
        {"collection": "乙", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    # counts off (documents added past the write path): read from the documents, and the
    # next write counts them all again
    store.write_statements([("CREATE (:Document {id: 'doc:extra', collections: ['乙']})", {})])
    assert not _kept(store)
    assert _listed(store)[0] == {"collection": "乙", "documents": 2}
    store.write_documents([_in(g.document_c(), "甲")])
    assert _kept(store)
    assert _listed(store) == [
        {"collection": "乙", "documents": 2},
        {"collection": "甲", "documents": 2},
    ]


def test_a_store_without_the_summary_keeps_it_once_counted(store) -> None:
    """`keep` (the explorer's count of the collections) counts a store without the summary
    once and keeps it, so the next list is a lookup, after a restart too; it writes nothing
    where the summary holds."""
    store.write_documents([_in(g.document_a(), "甲"), _in(g.document_b(), "乙")])
    store.write_statements([("MATCH (m:Meta {id: $id}) DELETE m", {"id": "collection_counts"})])
    assert not _kept(store)
    assert collection_counts.keep(store)
    assert _kept(store)
    assert _listed(store) == [
        {"collection": "乙", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    assert not collection_counts.keep(store)  # held: not counted again


def test_one_document_twice_in_one_write_is_counted_once(store) -> None:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_in(g.document_a(), "甲")])
    # the same document twice in one batch (the store allows it): each collection once
    store.write_documents([_in(g.document_a(), "乙"), _in(g.document_a(), "丙")])
    assert _kept(store)
    assert _listed(store) == [
        {"collection": "丙", "documents": 1},
        {"collection": "乙", "documents": 1},
        {"collection": "甲", "documents": 1},
    ]
    store.write_documents([_in(g.document_b(), "乙"), _in(g.document_b(), "乙")])  # new, twice
    assert _kept(store)
    assert {r["collection"]: r["documents"] for r in _listed(store)}["乙"] == 2


class _Recorded:
    """A transaction that records the statements it is sent and finds no document."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []

    def run(self, text: str, **params):
        self.sent.append((text, params))
        return _NoRows()


class _NoRows(list):
    def consume(self) -> None:
        return None


def test_before_locks_the_documents_before_it_reads_them() -> None:
    # Neo4j reads what was committed: unlocked, two transactions changing one document's
    # collections would both start from its old ones and count the first change twice
    tx = _Recorded()
    collection_counts.Before(["doc:x", "doc:y", "doc:x"]).run(tx)  # type: ignore[arg-type]
    (lock, lock_params), (read, read_params) = tx.sent
    assert "SET d." in lock and "RETURN" not in lock and lock_params["ids"] == ["doc:x", "doc:y"]
    assert "RETURN" in read and read_params["ids"] == ["doc:x", "doc:y"]
