"""The number of documents in each collection, kept as a summary (a `Meta` node) so the list
of collections costs a lookup, not a visit to every document (256 ms p95 on a national
corpus of 200,000 documents).

Every write that can change a document's collections adjusts it in the same transaction:
`Before(doc_ids)` reads those documents' collections first, `After(before)` reads them again
and applies the difference (a document written again into the same collection changes
nothing). The summary records the number of documents it counted; a store where that is no
longer the number of documents (a bulk load past the write path, a store from before the
summary) is counted from the documents until `refresh` (run by `graph.summaries.refresh_all`
and by `keep`, the explorer's first count of the collections) or the next write rebuilds it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.collections import DEFAULT_COLLECTION

if TYPE_CHECKING:
    import neo4j

    from graph.store import GraphStore

#: the id of the Meta node that keeps the counts
SUMMARY_ID = "collection_counts"

_READ = (
    "UNWIND $ids AS id MATCH (d:Document {id: id}) "
    "RETURN coalesce(d.collections, [$default]) AS collections"
)
#: the documents locked before they are read: Neo4j reads what was committed, so two
#: transactions changing one document's collections would both start from its old ones and
#: the second would count the first's change again (ArcadeDB retries a conflicting commit)
_LOCK = "UNWIND $ids AS id MATCH (d:Document {id: id}) SET d.id = d.id"
_COUNT_ALL = (
    "MATCH (d:Document) UNWIND coalesce(d.collections, [$default]) AS c "
    "RETURN c AS name, count(d) AS documents"
)
_TOTAL = "MATCH (d:Document) RETURN count(d) AS n"
_SAVE = (
    "MERGE (m:Meta {id: $id}) SET m.names = $names, m.counts = $counts, m.documents = $documents"
)


def _tally(tx: neo4j.ManagedTransaction, doc_ids: list[str]) -> tuple[Counter[str], int]:
    """The collections of the documents `doc_ids` that exist (name -> documents) and how many
    exist."""
    found = Counter[str]()
    n = 0
    for rec in tx.run(_READ, ids=doc_ids, default=DEFAULT_COLLECTION):
        n += 1
        found.update(rec["collections"])
    return found, n


def _save(tx: neo4j.ManagedTransaction, counts: Counter[str], documents: int) -> None:
    names = sorted(k for k, v in counts.items() if v > 0)
    tx.run(
        _SAVE,
        id=SUMMARY_ID,
        names=names,
        counts=[counts[k] for k in names],
        documents=documents,
    ).consume()


def _count_all(tx: neo4j.ManagedTransaction) -> tuple[Counter[str], int]:
    counts = Counter[str]()
    for rec in tx.run(_COUNT_ALL, default=DEFAULT_COLLECTION):
        counts[rec["name"]] = int(rec["documents"])
    return counts, int(tx.run(_TOTAL).single(strict=True)["n"])


@dataclass
class Before:
    """A write statement, first in a transaction that writes or deletes documents `doc_ids`
    or changes their collections: their collections before it (each document once, however
    often the write names it), read with those documents locked."""

    doc_ids: list[str]
    counts: Counter[str] = field(default_factory=Counter)
    documents: int = 0

    def __post_init__(self) -> None:
        self.doc_ids = list(dict.fromkeys(self.doc_ids))

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        tx.run(_LOCK, ids=self.doc_ids).consume()
        self.counts, self.documents = _tally(tx, self.doc_ids)


@dataclass
class After:
    """A write statement, last in the transaction `before` began: the summary adjusted by
    the difference (rebuilt from every document when it is missing or was already off)."""

    before: Before

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        # the summary locked before it is read (Neo4j reads what was committed: two writers
        # reading it unlocked would each write their own count over the other's)
        tx.run("MATCH (m:Meta {id: $id}) SET m.documents = m.documents", id=SUMMARY_ID).consume()
        now, documents = _tally(tx, self.before.doc_ids)
        rec = tx.run(
            "MATCH (m:Meta {id: $id}) RETURN m.names AS names, m.counts AS counts, "
            "m.documents AS documents",
            id=SUMMARY_ID,
        ).single()
        total = int(tx.run(_TOTAL).single(strict=True)["n"])
        expected = None if rec is None or rec["documents"] is None else int(rec["documents"])
        if rec is None or expected is None or expected + documents - self.before.documents != total:
            _save(tx, *_count_all(tx))  # missing or off before this write: count them all
            return
        counts = Counter(dict(zip(rec["names"] or [], rec["counts"] or [], strict=True)))
        counts.update(now)
        counts.subtract(self.before.counts)
        _save(tx, counts, total)


class Recount:
    """A write statement: the summary counted again from every document."""

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        _save(tx, *_count_all(tx))


def refresh(store: GraphStore) -> None:
    """Count every document's collections again (after a bulk load, or on a store from
    before the summary)."""
    store.write_statements([Recount()])


def keep(store: GraphStore) -> bool:
    """Count every document's collections and keep the summary, when the store holds none
    that holds for it as it is (a store from before the summary, documents loaded past the
    write path): the next list of collections, in this process or after any restart, is a
    lookup. On the 1M-relationship benchmark graph (a store from before the summary) every
    start of the explorer counted its 200,000 documents, 0.6 s on a running server and
    5-15 s on one just started, beside the first pages' reads. Only the summary node is
    written (`Recount`); nothing is deleted. True when it was counted here; False when it
    held already, or when the store refuses the write (a read-only account: the list is
    then counted from the documents each time, as before)."""
    from graph.errors import CourtgraphError

    if read(store) is not None:
        return False
    try:
        refresh(store)
    except CourtgraphError:
        return False
    return True


def read(store: GraphStore) -> dict[str, Any] | None:
    """The summary (`names`, `counts`, `documents`) when it holds for the store as it is
    (it counted as many documents as there are); None when it must be counted again."""
    rows = store.read(
        "MATCH (m:Meta {id: $id}) RETURN m.names AS names, m.counts AS counts, "
        "m.documents AS documents",
        {"id": SUMMARY_ID},
        plain=True,
    )
    if not rows or rows[0]["documents"] is None:
        return None
    total = store.read(_TOTAL, {})[0]["n"]
    return rows[0] if int(rows[0]["documents"]) == int(total) else None
