"""The store contract, run on every server: embedded ArcadeDB always, Neo4j when NEO4J_URI is set.

Whatever passes here on both servers is what "a store" means to the rest of courtgraph.
"""

from __future__ import annotations

from graph.model import FactRow, fact_id
from tests import graph_fixtures as g


def _adoption(store, unit: str) -> dict:  # type: ignore[no-untyped-def]
    rows = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
        "RETURN a.stage AS stage, a.date AS date, a.doc_ids AS docs, a.fact_id AS fact_id, "
        "a.date_precision AS precision",
        {"u": unit, "i": g.SUYUAN},
    )
    assert len(rows) <= 1, rows
    return rows[0] if rows else {}


def test_upserts_are_idempotent(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    before = store.counts()
    g.load_small_graph(store)  # the same roster and documents again
    assert store.counts() == before
    assert before["Court"] == 6
    assert before["Document"] == 2
    assert before["ADOPTED"] == 3
    assert _adoption(store, g.BING)["docs"] == [g.DOC_A, g.DOC_B]


def test_aliases_accumulate_without_duplicates(store) -> None:  # type: ignore[no-untyped-def]
    nodes, _ = g.roster()
    store.upsert_nodes(nodes)
    bing = [n for n in nodes if n.id == g.BING][0]
    bing.aliases = ["丙区法院", "丙区人民法院"]
    store.upsert_nodes([bing])
    rows = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.aliases AS a, n.search_text AS s", {"id": g.BING}
    )
    assert rows[0]["a"] == ["丙区法院", "丙区人民法院"]
    assert "丙区人民法院" in rows[0]["s"]


def test_provenance_round_trips(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    fid = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    rows = store.read(
        "MATCH (e:Evidence {fact_id: $f}) MATCH (d:Document {id: e.doc_id}) "
        "RETURN e.sentence AS sentence, e.start AS start, e.end AS end, d.id AS doc",
        {"f": fid},
    )
    sentence = g.document_b().facts[0].evidence[0].sentence
    assert rows == [{"sentence": sentence, "start": 0, "end": len(sentence), "doc": g.DOC_B}]


def test_first_date_is_the_earliest_evidence(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    first = _adoption(store, g.BING)
    assert (first["date"], first["precision"]) == ("2022-12", "document")  # B's beats A's


def test_delete_document_keeps_facts_others_support(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    assert store.delete_document(g.DOC_B)
    bing = _adoption(store, g.BING)
    assert bing["docs"] == [g.DOC_A]
    assert (bing["date"], bing["precision"]) == ("2023-03", "month")  # from A's evidence alone
    assert _adoption(store, g.DING) == {}  # only B supported it
    assert store.read("MATCH (e:Evidence {doc_id: $d}) RETURN e.id AS id", {"d": g.DOC_B}) == []
    counts = store.counts()
    assert counts["Document"] == 1
    assert counts["Court"] == 6  # curated roster courts stay even when no document names them


def test_delete_document_removes_orphans(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    store.delete_document(g.DOC_A)
    store.delete_document(g.DOC_B)
    counts = store.counts()
    assert counts["Person"] == 0 and counts["Outcome"] == 0 and counts["Tribunal"] == 0
    assert counts["ADOPTED"] == 0 and counts["HOLDS_ROLE"] == 0 and counts["REPORTED"] == 0
    assert counts["Evidence"] == 0 and counts["MENTIONS"] == 0
    assert counts["PART_OF"] == 5  # the roster's hierarchy is not a document's fact
    assert counts["Initiative"] == 2
    assert not store.delete_document(g.DOC_A)  # already gone


def test_a_document_confirming_a_roster_edge_does_not_own_it(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    doc = g.document_b()
    s = "丁县法院是乙市中院辖区的基层法院。"
    doc.mentions.append(g.MentionRow(g.MID, "乙市中院", s, 5, 9))
    doc.facts.append(g.FactRow("PART_OF", g.DING, g.MID, (), {}, g._ev(s)))
    store.delete_document(g.DOC_B)
    store.write_documents([doc])
    assert store.counts()["PART_OF"] == 6  # B's edge is the roster's edge, not a new one
    edge = store.read(
        "MATCH (:Entity {id: $a})-[r:PART_OF]->(:Entity {id: $b}) RETURN r.doc_ids AS d",
        {"a": g.DING, "b": g.MID},
    )
    assert edge == [{"d": [g.DOC_B]}]
    store.delete_document(g.DOC_B)
    assert store.counts()["PART_OF"] == 6  # the roster's edge outlives the document


def test_reingest_after_delete_restores_the_same_graph(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    full = store.counts()
    store.delete_document(g.DOC_A)
    store.write_documents([g.document_a()])
    assert store.counts() == full


def test_several_documents_in_one_write(store) -> None:  # type: ignore[no-untyped-def]
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test")
    store.write_documents([g.document_a(), g.document_b()])
    assert _adoption(store, g.BING)["docs"] == [g.DOC_A, g.DOC_B]


def test_fact_ids_are_stable() -> None:
    f = FactRow("ADOPTED", g.BING, g.SUYUAN, ("adopted",))
    assert f.id == fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
    assert f.id != fact_id("ADOPTED", g.BING, g.SUYUAN, "piloted")


def test_chinese_round_trips_through_the_server(store) -> None:  # type: ignore[no-untyped-def]
    g.load_small_graph(store)
    rows = store.read("MATCH (n:Entity {id: $id}) RETURN n.name AS name", {"id": g.DONGHU})
    assert rows == [{"name": "甲省乙市丙区人民法院东湖人民法庭"}]
