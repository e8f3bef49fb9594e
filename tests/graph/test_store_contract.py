"""The store contract, run on every server: embedded ArcadeDB always, Neo4j when
COURTGRAPH_TEST_NEO4J_URI is set.

Whatever passes here on both servers is what "a store" means to the rest of courtgraph.
"""

from __future__ import annotations

import pytest

from graph.model import DocumentGraph, EvidenceRow, FactRow, NodeRow, document_id, fact_id
from tests import graph_fixtures as g


def _adoption(store, unit: str) -> dict:
    rows = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
        "RETURN a.stage AS stage, a.date AS date, a.doc_ids AS docs, a.fact_id AS fact_id, "
        "a.date_precision AS precision",
        {"u": unit, "i": g.SUYUAN},
    )
    assert len(rows) <= 1, rows
    return rows[0] if rows else {}


def test_upserts_are_idempotent(store) -> None:
    g.load_small_graph(store)
    before = store.counts()
    g.load_small_graph(store)  # the same roster and documents again
    assert store.counts() == before
    assert before["Court"] == 6
    assert before["Document"] == 2
    assert before["ADOPTED"] == 3
    assert _adoption(store, g.BING)["docs"] == [g.DOC_A, g.DOC_B]


def test_aliases_accumulate_without_duplicates(store) -> None:
    nodes, _ = g.roster()
    store.upsert_nodes(nodes)
    bing = [n for n in nodes if n.id == g.BING][0]
    bing.aliases = ["丙区法院", "丙区人民法院"]
    store.upsert_nodes([bing])
    rows = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.aliases AS a, n.search_text AS s", {"id": g.BING}
    )
    assert rows[0]["a"] == sorted(["丙区法院", "丙区人民法院"])  # kept sorted: order-free
    assert "丙区人民法院" in rows[0]["s"]


def test_provenance_round_trips(store) -> None:
    g.load_small_graph(store)
    fid = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    rows = store.read(
        "MATCH (e:Evidence {fact_id: $f}) MATCH (d:Document {id: e.doc_id}) "
        "RETURN e.sentence AS sentence, e.start AS start, e.end AS end, d.id AS doc",
        {"f": fid},
    )
    sentence = g.document_b().facts[0].evidence[0].sentence
    assert rows == [{"sentence": sentence, "start": 0, "end": len(sentence), "doc": g.DOC_B}]


def test_first_date_is_the_earliest_evidence(store) -> None:
    g.load_small_graph(store)
    first = _adoption(store, g.BING)
    assert (first["date"], first["precision"]) == ("2022-12", "document")  # B's beats A's


def test_delete_document_keeps_facts_others_support(store) -> None:
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


def test_delete_document_removes_orphans(store) -> None:
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


def test_a_document_confirming_a_roster_edge_does_not_own_it(store) -> None:
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


def test_reingest_after_delete_restores_the_same_graph(store) -> None:
    g.load_small_graph(store)
    full = store.counts()
    store.delete_document(g.DOC_A)
    store.write_documents([g.document_a()])
    assert store.counts() == full


def test_several_documents_in_one_write(store) -> None:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test")
    store.write_documents([g.document_a(), g.document_b()])
    assert _adoption(store, g.BING)["docs"] == [g.DOC_A, g.DOC_B]


def test_fact_ids_are_stable() -> None:
    f = FactRow("ADOPTED", g.BING, g.SUYUAN, ("adopted",))
    assert f.id == fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
    assert f.id != fact_id("ADOPTED", g.BING, g.SUYUAN, "piloted")


def test_chinese_round_trips_through_the_server(store) -> None:
    g.load_small_graph(store)
    rows = store.read("MATCH (n:Entity {id: $id}) RETURN n.name AS name", {"id": g.DONGHU})
    assert rows == [{"name": "甲省乙市丙区人民法院东湖人民法庭"}]


# -- one answer whatever the batching -----------------------------------------------------
def _doc(tag: str, date: str, facts: list[FactRow], mentions: list, nodes=()) -> DocumentGraph:
    h = tag * 64
    return DocumentGraph(
        id=document_id(h),
        props={"title": f"文档{tag}", "date": date, "content_hash": h},
        nodes=list(nodes),
        mentions=mentions,
        facts=facts,
    )


def _ev(
    sentence: str, date: str | None, precision: str | None, rule: str | None, conf: float | None
) -> list[EvidenceRow]:
    start = "一二三四五六七八九".index(sentence) * 10  # a place of its own in the text
    return [
        EvidenceRow(
            sentence,
            start,
            start + len(sentence),
            date=date,
            date_precision=precision,
            rule=rule,
            confidence=conf,
        )
    ]


def _adopt(unit: str, stage: str, ev: list[EvidenceRow], **props: str) -> FactRow:
    return FactRow("ADOPTED", unit, g.SUYUAN, (stage,), {"stage": stage, **props}, ev)


def _outcome(text: str) -> NodeRow:
    return NodeRow("Outcome", g.RATE, {"name": "调解率 60%", "metric": "调解率", "text": text})


def _batching_docs() -> list[DocumentGraph]:
    """Four documents that say different things about the same facts and nodes."""
    m = g.MentionRow
    return [
        _doc(
            "1",
            "2019-06-01",
            [_adopt(g.BING, "adopted", _ev("一", "2019-03", "month", "adoption:a", 0.8))],
            [m(g.BING, "丙区法院", "一", 0, 4), m(g.SUYUAN, "诉源治理", "一", 4, 8)],
        ),
        _doc(
            "2",
            "2021-06-01",
            [
                _adopt(g.BING, "adopted", _ev("二", "2021-05", "month", "adoption:b", 0.6)),
                _adopt(g.DING, "piloted", _ev("三", "2020", "year", "adoption:a", 0.7), scope="乙"),
                FactRow(
                    "REPORTED", g.BING, g.RATE, (), {}, _ev("四", None, None, "outcome:x", 0.5)
                ),
            ],
            [
                m(g.BING, "丙区院", "二", 0, 3),
                m(g.DING, "丁县法院", "三", 0, 4),
                m(g.RATE, "60%", "四", 0, 3),
            ],
            [
                NodeRow("Court", g.BING, {"name": "甲省乙市丙区人民法院"}, ["丙区院"]),
                _outcome("六成"),
            ],
        ),
        _doc(  # the same date as document 1, but only the document's own: 1's precision wins
            "3",
            "2019-03",
            [
                _adopt(g.BING, "adopted", _ev("五", "2019-03", "document", "adoption:c", 0.9)),
                # the same fact twice in one document, the later row earlier
                _adopt(g.DING, "piloted", _ev("六", "2022-01", "month", "adoption:b", 0.4)),
                _adopt(
                    g.DING, "piloted", _ev("七", "2020-02", "month", "adoption:c", 0.3), scope="丁"
                ),
                FactRow(
                    "REPORTED", g.BING, g.RATE, (), {}, _ev("八", None, None, "outcome:y", 0.9)
                ),
            ],
            [
                m(g.BING, "丙区法院", "五", 0, 4),
                m(g.DING, "丁县", "六", 0, 2),
                m(g.RATE, "60%", "八", 0, 3),
            ],
            [NodeRow("Court", g.DING, {"name": "甲省乙市丁县人民法院"}, ["丁县"]), _outcome("60%")],
        ),
        _doc(  # unrelated to the others' facts
            "4",
            "2023-01-01",
            [_adopt(g.MID, "promoted", _ev("九", "2022-11", "month", "adoption:a", 0.8))],
            [m(g.MID, "乙市中院", "九", 0, 4)],
        ),
    ]


def _everything(store) -> tuple[list, list]:
    """Every node and relationship with every property, exactly as stored (lists unsorted)."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, '') AS a, type(r) AS t, "
        "coalesce(b.id, '') AS b, properties(r) AS p"
    )
    key = repr
    return (
        sorted(((sorted(n["l"]), n["p"]) for n in nodes), key=key),
        sorted(((r["a"], r["t"], r["b"], r["p"]) for r in rels), key=key),
    )


def _load(store, batches: list[list[DocumentGraph]]) -> tuple[list, list]:
    store.clear()
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    for batch in batches:
        store.write_documents(batch)
    return _everything(store)


def test_facts_and_nodes_do_not_depend_on_batching_or_order(store) -> None:
    d = _batching_docs()
    reference = _load(store, [d])
    bing = _adoption(store, g.BING)
    assert (bing["date"], bing["precision"]) == ("2019-03", "month")  # not 2021-05
    assert bing["docs"] == sorted(x.id for x in d[:3])
    for batches in (
        [d[::-1]],
        [[x] for x in d],
        [[x] for x in d[::-1]],
        [[d[1], d[3]], [d[2], d[0]]],
        [[d[2]], [d[0], d[1], d[3]]],
    ):
        assert _load(store, batches) == reference, [[x.props["title"] for x in b] for b in batches]


def test_confidence_and_rules_on_evidence_and_facts(store) -> None:
    d = _batching_docs()
    _load(store, [d])
    fid = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")

    def fact() -> dict:
        return store.read(
            "MATCH (:Entity {id: $u})-[a:ADOPTED]->(:Entity {id: $i}) RETURN a.date AS date, "
            "a.confidence AS confidence, a.rules AS rules, a.scope AS scope",
            {"u": g.DING, "i": g.SUYUAN},
        )[0]

    assert fact() == {
        "date": "2020",
        "confidence": 0.7,
        "rules": ["adoption:a", "adoption:b", "adoption:c"],
        "scope": "丁",
    }
    evidence = store.read(
        "MATCH (e:Evidence {fact_id: $f}) RETURN e.sentence AS s, e.rule AS rule, "
        "e.confidence AS confidence ORDER BY s",
        {"f": fid},
    )
    assert {(e["s"], e["rule"], e["confidence"]) for e in evidence} == {
        ("三", "adoption:a", 0.7),
        ("六", "adoption:b", 0.4),
        ("七", "adoption:c", 0.3),
    }
    store.write_documents([d[1]])  # written again: nothing changes
    assert fact()["confidence"] == 0.7
    store.delete_document(d[1].id)  # the strongest evidence goes: refolded from the rest
    assert fact() == {
        "date": "2020-02",
        "confidence": 0.4,
        "rules": ["adoption:b", "adoption:c"],
        "scope": "丁",
    }
    roster_edge = store.read(
        "MATCH (:Entity {id: $a})-[r:PART_OF]->() RETURN r.confidence AS c, r.rules AS r",
        {"a": g.BING},
    )
    assert roster_edge == [{"c": None, "r": None}]  # reference data: no extraction behind it


def test_deleting_a_document_leaves_the_graph_written_without_it(store) -> None:
    """Facts, evidence and summaries after a delete equal those of the same documents written
    without it (entity properties are not compared: aliases a document brought stay)."""

    def facts_only(everything: tuple[list, list]) -> tuple[list, list]:
        nodes, rels = everything
        kept = [n for n in nodes if {"Evidence", "AdoptionSummary"} & set(n[0])]
        return kept, rels

    d = _batching_docs()
    for gone in range(4):
        _load(store, [d])
        first = _adoption(store, g.BING)
        store.delete_document(d[gone].id)
        if gone == 3:  # an unrelated document: the first date stays
            assert _adoption(store, g.BING)["date"] == first["date"] == "2019-03"
        after = facts_only(_everything(store))
        assert after == facts_only(_load(store, [[x for x in d if x is not d[gone]]])), gone


# -- the test suite never empties a database it did not mark ---------------------------------
def test_tests_refuse_to_empty_an_unmarked_database(arcadedb_store) -> None:
    from graph.store import TEST_MARKER
    from tests.conftest import NotATestDatabase, clear_test_store

    store = arcadedb_store
    mark = f"MATCH (m:{TEST_MARKER}) RETURN count(m) AS n"
    assert store.read(mark)[0]["n"] == 1  # the fixture's database is marked
    g.load_small_graph(store)
    store.write_statements([(f"MATCH (m:{TEST_MARKER}) DELETE m", {})])  # a court's graph
    before = store.counts()
    with pytest.raises(NotATestDatabase, match="refusing to empty"):
        clear_test_store(store)
    assert store.counts() == before  # nothing deleted
    store.clear()  # (as `python -m graph reset` would)
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
    clear_test_store(store)  # an empty database is marked, then used
    assert store.read(mark)[0]["n"] == 1
    g.load_small_graph(store)
    clear_test_store(store)
    assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 1  # only the mark is left


def test_tests_never_read_the_production_neo4j_settings() -> None:
    from tests.conftest import neo4j_test_settings

    production = {"NEO4J_URI": "neo4j://court:7687", "NEO4J_PASSWORD": "secret"}
    assert neo4j_test_settings(production) is None
    s = neo4j_test_settings(
        {
            **production,
            "COURTGRAPH_TEST_NEO4J_URI": "neo4j://localhost:7687",
            "COURTGRAPH_TEST_NEO4J_PASSWORD": "test",
            "COURTGRAPH_TEST_NEO4J_DATABASE": "scratch",
        }
    )
    assert s is not None
    assert (s.neo4j_uri, s.neo4j_password, s.neo4j_database, s.neo4j_user) == (
        "neo4j://localhost:7687",
        "test",
        "scratch",
        "neo4j",
    )


def test_refolding_keeps_review_decisions(store) -> None:
    """A store of an older fact version is refolded on open: a fact a reviewer confirmed
    stays confirmed, a corrected date stays corrected, a rejected fact stays out."""
    from graph import review
    from graph.model import fact_id
    from graph.store import refold_all

    g.load_small_graph(store)
    bing = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
    ding = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    mid = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")
    review.decide(store, bing, "confirm", reviewer="甲")
    review.decide(store, mid, "correct", reviewer="甲", new={"date": "2022-10"})
    review.decide(store, ding, "reject", reviewer="甲", note="不是推行")
    refold_all(store)
    rows = {
        r["u"]: (r["s"], r["d"])
        for r in store.read(
            "MATCH (u:Entity)-[a:ADOPTED]->(:Entity {id: $i}) "
            "RETURN u.id AS u, a.review_status AS s, a.date AS d",
            {"i": g.SUYUAN},
        )
    }
    assert rows[g.BING][0] == "confirmed"
    assert rows[g.MID] == ("corrected", "2022-10")
    assert g.DING not in rows


def test_refolding_after_a_delete_keeps_what_a_reviewer_set(store) -> None:
    """The store's own refold after a delete (before graph/review.py applies the decisions
    again) leaves a fact's review status, reviewer and correction record alone: no
    document's evidence sets them."""
    from graph import review
    from graph.model import fact_id

    g.load_small_graph(store)  # 丙区 adopted 诉源治理: documents A and B
    bing = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
    review.decide(store, bing, "confirm", reviewer="甲")

    def fact() -> dict:
        return store.read(
            "MATCH (:Entity {id: $u})-[a:ADOPTED]->(:Entity {id: $i}) "
            "RETURN a.review_status AS s, a.reviewed_by AS who, a.review_decision AS d, "
            "a.stage AS stage, a.doc_ids AS docs",
            {"u": g.BING, "i": g.SUYUAN},
        )[0]

    before = fact()
    assert before["s"] == "confirmed" and before["d"]
    assert store.delete_document(g.DOC_B)
    assert fact() == {**before, "docs": [g.DOC_A]}


def test_a_store_of_an_older_version_is_refolded(store) -> None:
    """Facts written before the fold (a batch's last date kept, lists in arrival order, no
    rule or confidence on the evidence) are folded again once, values kept."""
    from graph import summaries
    from graph.store import FACT_VERSION, refold_all

    d = _batching_docs()
    reference = _load(store, [d])
    store.write_statements(
        [
            (  # what an older version left: the last row's date, unsorted ids, bare evidence
                "MATCH (:Entity {id: $u})-[a:ADOPTED]->(:Entity {id: $i}) "
                "SET a.date = '2021-05', a.doc_ids = reverse(a.doc_ids) "
                "REMOVE a.confidence, a.rules",
                {"u": g.BING, "i": g.SUYUAN},
            ),
            (
                "MATCH (e:Evidence) REMOVE e.keeps_fact_props "
                "SET e.rule = null, e.confidence = null",
                {},
            ),
        ]
    )
    store.write_statements([summaries.RefreshInitiatives([g.SUYUAN])])
    assert (
        refold_all(store)
        == store.read("MATCH ()-[r]->() WHERE r.doc_ids IS NOT NULL RETURN count(r) AS n")[0]["n"]
    )
    assert summaries.read_meta(store)["fact_version"] == FACT_VERSION
    bing = _adoption(store, g.BING)
    assert (bing["date"], bing["stage"]) == ("2019-03", "adopted")
    assert bing["docs"] == sorted(bing["docs"])
    summary = store.read("MATCH (s:AdoptionSummary {id: $i}) RETURN s.dates AS d", {"i": g.SUYUAN})
    assert "2019-03" in summary[0]["d"]
    # every value but the bare evidence's rule and confidence is as a fresh write left it
    _nodes, rels = _everything(store)
    bare = [
        (a, t, b, {k: v for k, v in p.items() if k not in ("confidence", "rules")})
        for a, t, b, p in rels
    ]
    fresh = [
        (a, t, b, {k: v for k, v in p.items() if k not in ("confidence", "rules")})
        for a, t, b, p in reference[1]
    ]
    assert bare == fresh
    # a delete among evidence that does not keep the facts' values leaves the values alone
    store.delete_document(d[0].id)
    assert _adoption(store, g.BING)["stage"] == "adopted"
    ding = store.read(
        "MATCH (:Entity {id: $u})-[a:ADOPTED]->() RETURN a.scope AS scope", {"u": g.DING}
    )
    assert ding == [{"scope": "丁"}]


def test_change_token_follows_documents_decisions_and_entities(store) -> None:
    """The token the explorer keys its cached answers on changes with a document written or
    deleted, a review decision and a new entity, and not while nothing is written."""
    from graph import review

    tokens = [store.change_token()]
    g.load_small_graph(store)
    tokens.append(store.change_token())
    assert store.change_token() == tokens[-1]  # nothing written: the same token
    review.decide(store, fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted"), "confirm", reviewer="甲")
    tokens.append(store.change_token())
    store.upsert_nodes(
        [NodeRow("Court", "court:甲省乙市己县人民法院", {"name": "甲省乙市己县人民法院"})]
    )
    tokens.append(store.change_token())
    store.delete_document(g.DOC_B)
    tokens.append(store.change_token())
    assert len(set(tokens)) == len(tokens), tokens
