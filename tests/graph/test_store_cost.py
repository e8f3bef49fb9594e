"""What a write or a delete reads does not grow with unrelated data: a document's facts are
found from its own list, an initiative's summary is adjusted for the units a write touches
(not recounted from every adopter), and the known fingerprints are read from their blocks,
not from every document. The summaries stay equal to a recount. Run on every server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from neo4j._sync.work.transaction import TransactionBase

from graph import summaries
from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow, document_id
from graph.model import entity_id as eid
from tests import graph_fixtures as g
from tests.graph.test_summaries import _recomputed, _snapshot


@contextmanager
def statements(
    monkeypatch: pytest.MonkeyPatch, params: list[dict[str, Any]] | None = None
) -> Iterator[list[str]]:
    """The Cypher text of every statement the store runs meanwhile (and into `params`, its
    parameters)."""
    seen: list[str] = []
    original = TransactionBase.run

    def run(self: Any, query: Any, parameters: Any = None, **kw: Any) -> Any:
        seen.append(re.sub(r"\s+", " ", str(query)))
        if params is not None:
            params.append({**(parameters or {}), **kw})
        return original(self, query, parameters, **kw)

    monkeypatch.setattr(TransactionBase, "run", run)
    try:
        yield seen
    finally:
        monkeypatch.setattr(TransactionBase, "run", original)


def _agrees_with_a_recount(store) -> None:
    kept = _snapshot(store)
    again = _recomputed(store)
    assert kept["adoption"] == again["adoption"]
    assert kept["recent_since"] == again["recent_since"]
    differ = [(a, b) for a, b in zip(kept["entities"], again["entities"], strict=True) if a != b]
    assert not differ


def _adopter_doc(i: int) -> DocumentGraph:
    """An unrelated document: a court of its own adopts 诉源治理."""
    unit = eid("Court", f"甲省乙市第{i}号人民法院")
    h = f"{i:04d}" + "e" * 60
    s = f"第{i}号法院推行诉源治理。"
    return DocumentGraph(
        id=document_id(h),
        props={"title": f"采纳{i}", "date": f"2021-01-{1 + i % 28:02d}", "content_hash": h},
        nodes=[NodeRow("Court", unit, {"name": f"甲省乙市第{i}号人民法院"})],
        mentions=[MentionRow(unit, "法院", s, 0, 2), MentionRow(g.SUYUAN, "诉源治理", s, 6, 10)],
        facts=[
            FactRow(
                "ADOPTED",
                unit,
                g.SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                [EvidenceRow(s, 0, len(s), "诉源治理", "2021-01", "month")],
            )
        ],
    )


# the shapes of the old walks: every adopter of an initiative, every fact relationship of
# every entity a document mentions, every document's fingerprint
_ALL_ADOPTERS = re.compile(r"\(i:Entity \{id: \$id\}\)<-\[a:ADOPTED\]-")
_ENTITY_FACTS = re.compile(r"-\[:MENTIONS\]->\(n:Entity\)-\[r:[A-Z_|]+\]-")
_EVERY_FINGERPRINT = re.compile(r"MATCH \(d:Document\) RETURN d\.id AS id, d\.fingerprint")


def test_delete_reads_only_the_documents_own_facts(store, monkeypatch) -> None:
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(i) for i in range(30)])  # 诉源治理: 32 adopters
    with statements(monkeypatch) as seen:
        assert store.delete_document(g.DOC_B)
    assert not [s for s in seen if _ALL_ADOPTERS.search(s) or _ENTITY_FACTS.search(s)], seen
    _agrees_with_a_recount(store)
    su = store.read("MATCH (s:AdoptionSummary {id: $id}) RETURN s.units AS u", {"id": g.SUYUAN})
    assert g.DING not in su[0]["u"] and g.BING in su[0]["u"] and len(su[0]["u"]) == 32


def test_write_adjusts_summaries_without_recounting_adopters(store, monkeypatch) -> None:
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(i) for i in range(20)])
    with statements(monkeypatch) as seen:
        store.write_documents([_adopter_doc(20), g.document_c()])
        store.write_documents([g.document_b()])  # written again: replaces its entries
    assert not [s for s in seen if _ALL_ADOPTERS.search(s)], seen
    _agrees_with_a_recount(store)


def test_a_fact_without_evidence_leaves_with_its_document(store) -> None:
    g.load_small_graph(store)
    doc = g.document_c()
    doc.facts.append(FactRow("PARTNERS_WITH", g.BING, g.DING, (), {}, []))
    store.write_documents([doc])
    assert store.read("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.doc_ids AS d") == [{"d": [doc.id]}]
    store.delete_document(doc.id)
    assert store.read("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.doc_ids AS d") == []
    _agrees_with_a_recount(store)


def test_fingerprints_are_read_from_their_blocks(store, monkeypatch) -> None:
    g.load_small_graph(store)
    docs = [_adopter_doc(i) for i in range(12)]
    for i, d in enumerate(docs):
        d.props["fingerprint"] = f"{i:064x}"
    store.write_documents(docs)
    store.delete_document(docs[0].id)
    store.write_documents([docs[1]])  # again: listed once
    with statements(monkeypatch) as seen:
        known = store.document_fingerprints()
    assert not [s for s in seen if _EVERY_FINGERPRINT.search(s) or "(d:Document)" in s], seen
    expected = {
        r["id"]: r["f"] or ""
        for r in store.read("MATCH (d:Document) RETURN d.id AS id, d.fingerprint AS f")
    }
    assert known == expected and len(known) == 2 + 11
    summaries.rebuild_fingerprints(store)  # a store of an older version: the same lists
    assert store.document_fingerprints() == expected


def test_created_documents_equal_merged_ones(store) -> None:
    """A write CREATEs what is new in it (ArcadeDB); the graph is the one MERGE makes."""
    from graph.store import _document_statements
    from tests.graph.test_store_contract import _batching_docs, _everything

    def docs() -> list[DocumentGraph]:
        out = [g.document_a(), g.document_c(), *_batching_docs()]
        out[0].props["collections"] = ["甲"]
        out[1].props.update({"collections": ["乙"], "collections_if_new": True})
        out[2].props.update({"urls": ["http://example.test/x"], "paths": ["x.txt"]})
        return out

    def write(merge_only: bool) -> tuple[list, list]:
        store.clear()
        nodes, edges = g.roster()
        store.upsert_nodes(nodes)
        store.link_hierarchy(edges, source="test roster")
        if merge_only:
            store.write_statements(_document_statements(docs()))
        else:
            store.write_documents(docs())
        nodes, rels = _everything(store)
        # the same properties, whatever order the server lists them in
        return sorted(repr((n[0], sorted(n[1].items()))) for n in nodes), sorted(
            repr((*r[:3], sorted(r[3].items()))) for r in rels
        )

    assert write(merge_only=False) == write(merge_only=True)


def test_a_reported_figure_is_found_from_the_figure(store, monkeypatch) -> None:
    """ArcadeDB walks the relationships of a pattern's first node: a court reports thousands
    of figures over the years, each figure is reported once, so every statement that finds or
    merges a court -REPORTED-> figure fact starts at the figure."""
    g.load_small_graph(store)
    params: list[dict[str, Any]] = []
    with statements(monkeypatch, params) as seen:
        store.write_documents([g.document_a()])  # written again: every fact is looked up
        store.delete_document(g.DOC_A)
    from_court = re.compile(r"\(a:Entity \{id: r\.src\}\)-\[f:REPORTED\]|MERGE \(a\)-\[f:REPORTED")
    checked = 0
    for text, p in zip(seen, params, strict=True):
        if "REPORTED" not in text or "rows" not in p:
            continue
        to_figures = [r for r in p["rows"] if str(r.get("dst", "")).startswith("outcome:")]
        checked += len(to_figures)
        assert not (to_figures and from_court.search(text)), text
    assert checked  # the figure's facts were looked up (tally, merge, delete, refold)


def _adopter_again(i: int, date: str) -> DocumentGraph:
    """Another document on the adoption of `_adopter_doc(i)` (the same fact), dated `date`."""
    doc = _adopter_doc(i)
    h = f"{i:04d}" + date.replace("-", "") + "f" * (60 - len(date.replace("-", "")))
    doc.id, doc.props = document_id(h), {**doc.props, "content_hash": h, "date": date}
    doc.facts[0].evidence[0].date = date
    return doc


def test_a_write_adjusts_only_the_summaries_its_facts_change(store, monkeypatch) -> None:
    """A fact a write finds with an earlier or the same date leaves the initiative's summary
    as it is (a popular initiative's lists are not rewritten for every document that repeats
    one of its adoptions); a new fact or an earlier date adjusts it; a PART_OF the write
    finds leaves its parent's child count. The summaries agree with a recount throughout."""
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(i) for i in range(5)])
    _agrees_with_a_recount(store)
    with statements(monkeypatch) as seen:
        store.write_documents([_adopter_again(1, "2022-05"), _adopter_again(2, "2021-01")])
    assert not [s for s in seen if "SET i.adopter_count" in s or "child_count" in s], seen
    _agrees_with_a_recount(store)
    with statements(monkeypatch) as seen:
        store.write_documents([_adopter_again(3, "2020-03")])  # earlier: the date moves
    assert [s for s in seen if "SET i.adopter_count" in s], seen
    _agrees_with_a_recount(store)
    su = store.read("MATCH (s:AdoptionSummary {id: $id}) RETURN s.dates AS d", {"id": g.SUYUAN})
    assert "2020-03" in su[0]["d"]
    with statements(monkeypatch) as seen:
        store.write_documents([_adopter_doc(7), g.document_c()])  # new facts
    assert [s for s in seen if "SET i.adopter_count" in s], seen
    _agrees_with_a_recount(store)
    for doc_id in [_adopter_again(3, "2020-03").id, _adopter_doc(1).id]:
        store.delete_document(doc_id)
        _agrees_with_a_recount(store)


def test_a_delete_refills_a_full_document_list_from_its_spares(store, monkeypatch) -> None:
    """A popular entity's latest-documents list that loses a document takes the next one
    from the spares kept below it, without visiting the entity's every mention (16,000 for
    a popular initiative); only when the spares run out is it recomputed. (Small numbers
    stand in for 1000/201/50.)"""
    from tests.graph.test_summaries import _listed, _mentioning, _recount_listed

    monkeypatch.setattr(summaries, "HUB_DOCS", 4)
    monkeypatch.setattr(summaries, "RECENT_DOCS", 3)
    monkeypatch.setattr(summaries, "RECENT_SPARE", 2)
    g.load_small_graph(store)
    days = ["2021-05", "2023-01-09", "2022", None, "2023-01-09", "2020-12-31", "2024-02"]
    docs = [_mentioning(i, d) for i, d in enumerate(days)]
    store.write_documents(docs)
    walks = 0
    for _ in range(3):
        newest = _listed(store)[0].split(" ")[1]
        with statements(monkeypatch) as seen:
            store.delete_document(newest)
        walks += len([s for s in seen if "<-[:MENTIONS]-(d:Document)" in s])
        assert _listed(store) == _recount_listed(store)
    assert walks == 1  # two spares: the third delete recomputes the list
    _agrees_with_a_recount(store)


def test_a_fact_many_documents_support_takes_a_new_one_without_a_walk(store, monkeypatch) -> None:
    """A document that repeats a fact others support joins the fact's sorted document list
    (and rules) in one step of the server's own, not by rebuilding the list once per new
    item (`reduce` over list comprehensions: ArcadeDB evaluates each element as a row of
    its own, so a popular fact cost a row per document it already listed). The list is the
    same, sorted and without repeats, whatever order and batches the documents came in."""
    from graph.dialect import ARCADEDB

    def again(i: int, j: int) -> DocumentGraph:
        """Document j on the adoption of `_adopter_doc(i)` (the same fact)."""
        doc = _adopter_again(i, f"2022-{1 + j:02d}")
        doc.facts[0].evidence[0].rule = f"rule-{j % 3}"
        return doc

    docs = [_adopter_doc(0), *(again(0, j) for j in range(6))]
    fact = "MATCH (:Entity {id: $u})-[f:ADOPTED]->() RETURN f.doc_ids AS d, f.rules AS r"
    unit = docs[0].facts[0].src
    lists = []
    for order in ([0, 1, 2, 3, 4, 5, 6], [6, 3, 0, 5, 1, 4, 2]):
        g.load_small_graph(store)
        with statements(monkeypatch) as seen:
            store.write_documents([docs[order[0]], docs[order[1]]])
            for k in order[2:]:
                store.write_documents([docs[k]])
            store.write_documents([docs[order[3]]])  # written again: listed once
        if store.server == ARCADEDB:
            folds = [s for s in seen if "SET f.doc_ids" in s]
            assert folds and not [s for s in folds if "reduce(" in s], folds
        lists.append(store.read(fact, {"u": unit}))
        store.clear()
    assert lists[0] == lists[1]
    (row,) = lists[0]
    assert row["d"] == sorted({d.id for d in docs})
    assert row["r"] == sorted({f"rule-{j}" for j in range(3)})


def test_a_fact_write_checks_only_its_new_documents_against_the_list(store, monkeypatch) -> None:
    """ArcadeDB folds a write's documents into a fact's sorted list by checking only the new
    ones against it and appending them, so its sort meets the list in order but for the tail
    (one pass); the whole list is not hashed through `coll.toSet`, which handed the sort a
    list in hash order to sort again from scratch on every write of a fact thousands of
    documents support. The list stays sorted and without repeats, written in any order."""
    from graph.dialect import ARCADEDB

    docs = [_adopter_again(0, f"20{10 + j // 12:02d}-{1 + j % 12:02d}") for j in range(30)]
    order = [7, 3, 29, 0, 15, 22, 1, 8, 11, 2, 27, 5, 19, 9, 14]
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(0)])
    with statements(monkeypatch) as seen:
        for k in order:
            store.write_documents([docs[k]])
        store.write_documents([docs[k] for k in (3, 29, 16, 4)])  # two again, two new
        store.write_documents(docs)  # all, most again
    unit = docs[0].facts[0].src
    (row,) = store.read(
        "MATCH (:Entity {id: $u})-[f:ADOPTED]->() RETURN f.doc_ids AS d", {"u": unit}
    )
    assert row["d"] == sorted({_adopter_doc(0).id, *(d.id for d in docs)})
    if store.server == ARCADEDB:
        folds = [s for s in seen if "SET f.doc_ids" in s]
        assert folds, seen
        for text in folds:
            fold = text.split("SET f.doc_ids = ", 1)[1].split(", f.rules", 1)[0]
            assert "coll.toSet(" not in fold, fold  # the whole list hashed, then sorted
            assert "WHERE NOT x IN coalesce(f.doc_ids, [])" in fold, fold


def test_a_fact_write_checks_no_new_document_against_the_list(store, monkeypatch) -> None:
    """A known fact takes the documents new to the store appended unchecked: only a
    document the store held before the write (written again) is looked for in the fact's
    list. Checking every document of a write against a popular fact's list (a city court's
    PART_OF, stated by a tenth of all articles) cost the write's documents of it times the
    documents it lists, so the cost per document grew with the store. The list stays
    sorted and without repeats."""
    from graph.dialect import ARCADEDB

    docs = [_adopter_again(0, f"2022-{1 + j:02d}") for j in range(4)]
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(0), docs[0]])
    sent: list[dict[str, Any]] = []
    with statements(monkeypatch, sent) as seen:
        store.write_documents([docs[2], docs[0], docs[1]])  # two new, one written again
    unit = docs[0].facts[0].src
    (row,) = store.read(
        "MATCH (:Entity {id: $u})-[f:ADOPTED]->() RETURN f.doc_ids AS d", {"u": unit}
    )
    assert row["d"] == sorted({_adopter_doc(0).id, *(d.id for d in docs[:3])})
    if store.server == ARCADEDB:
        ((text, params),) = [(s, p) for s, p in zip(seen, sent, strict=True) if "f.doc_ids" in s]
        fold = text.split("SET f.doc_ids = ", 1)[1].split(", f.rules", 1)[0]
        scanned = re.findall(r"\[x IN (\S+) WHERE NOT x IN", fold)
        assert scanned == ["r.known_docs"], fold  # the new ones: appended, not looked for
        rows = params["rows"].values() if isinstance(params["rows"], dict) else params["rows"]
        (fact,) = [r for r in rows if r["src"] == unit]
        assert fact["new_docs"] == sorted([docs[1].id, docs[2].id])
        assert fact["known_docs"] == [docs[0].id]


def test_a_write_below_a_full_document_list_leaves_the_list_unwritten(store, monkeypatch) -> None:
    """A popular entity's latest-documents list is written only when a write changes it: a
    document older than the list's floor (most documents a write adds to an entity of
    thousands) leaves it as it was, unsent, where every write rewrote every such entity's
    list and spares (251 entries each). A newer one still enters it. (Small numbers stand
    in for 1000/201/50.)"""
    from tests.graph.test_summaries import _listed, _mentioning, _recount_listed

    monkeypatch.setattr(summaries, "HUB_DOCS", 4)
    monkeypatch.setattr(summaries, "RECENT_DOCS", 3)
    monkeypatch.setattr(summaries, "RECENT_SPARE", 2)
    g.load_small_graph(store)
    days = ["2021-05", "2023-01-09", "2022", "2020-12-31", "2024-02", "2023-06", "2022-08"]
    store.write_documents([_mentioning(i, d) for i, d in enumerate(days)])
    before = _listed(store)
    sent: list[dict[str, Any]] = []
    with statements(monkeypatch, sent) as seen:
        store.write_documents([_mentioning(20, "2001-03")])  # below the spares' floor
    lists = [p for s, p in zip(seen, sent, strict=True) if "SET n.recent_docs" in s]
    assert [r["id"] for p in lists for r in p["rows"]] == []
    assert _listed(store) == before == _recount_listed(store)
    with statements(monkeypatch, sent) as seen:
        store.write_documents([_mentioning(21, "2025-01")])  # the newest: listed first
    lists = [p for s, p in zip(seen, sent[-len(seen) :], strict=True) if "SET n.recent_docs" in s]
    assert [r["id"] for p in lists for r in p["rows"]] == [g.BING]
    assert _listed(store) == _recount_listed(store)
    assert _listed(store)[0].startswith("2025-01 ")
    _agrees_with_a_recount(store)
