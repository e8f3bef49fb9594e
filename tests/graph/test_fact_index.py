"""A fact a write states again is found by its id in its type's index, not by walking the
relationships of its court (ArcadeDB keeps a node's outgoing relationships of every type in
one list: a busy court's thousands of REPORTED figures lay in the way of each of its ADOPTED,
PART_OF and PARTNERS_WITH facts). A store of an earlier version gains the index when the
server's schema runs over it, and loses nothing."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from graph.dialect import ARCADEDB_SCHEMA
from graph.embedded import DATABASE
from graph.errors import StoreUnavailable
from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, document_id
from tests import graph_fixtures as g
from tests.graph.test_store_cost import _agrees_with_a_recount, statements


def _court_adopts(n: int, stages: list[tuple[str, str]]) -> DocumentGraph:
    """Document `n`: 甲省乙市丙区人民法院 adopts each (initiative, relation) of `stages`."""
    h = f"{n:04d}" + "c" * 60
    s = f"丙区法院第{n}次推进改革。"
    return DocumentGraph(
        id=document_id(h),
        props={"title": f"推进{n}", "date": f"2022-0{1 + n}-01", "content_hash": h},
        nodes=[],
        mentions=[MentionRow(g.BING, "丙区法院", s, 0, 4)],
        facts=[
            FactRow(
                "ADOPTED",
                g.BING,
                initiative,
                (relation,),
                {"stage": relation},
                [EvidenceRow(s, 0, len(s), "推进", f"2022-0{1 + n}", "month")],
            )
            for initiative, relation in stages
        ],
    )


def _plan(store: Any, text: str, params: dict[str, Any]) -> str:
    """ArcadeDB's plan of `text` (EXPLAIN, in a transaction rolled back)."""
    with store.driver.session(database=store.database) as session:
        tx = session.begin_transaction()
        try:
            summary = tx.run("EXPLAIN " + text, params).consume()
        finally:
            tx.rollback()
    return json.dumps(summary.plan, ensure_ascii=False)


def _facts(store: Any) -> list[tuple[Any, ...]]:
    rows = store.read(
        "MATCH (a)-[f]->(b) WHERE f.fact_id IS NOT NULL RETURN type(f) AS t, f.fact_id AS id, "
        "a.id AS a, b.id AS b, f.doc_ids AS d, f.date AS date, f.rules AS r"
    )
    return sorted((r["t"], r["id"], r["a"], r["b"], r["d"], r["date"], r["r"]) for r in rows)


def test_a_courts_known_facts_are_found_by_their_ids(arcadedb_store, monkeypatch) -> None:
    """The facts a write states again are looked up by their ids (the index of their type's
    fact_id, which ArcadeDB seeks), not by a walk from their court; each fact still gains
    the new documents, and a delete takes exactly its document away again."""
    store = arcadedb_store
    g.load_small_graph(store)
    stages = [(g.SUYUAN, "adopted"), (g.SUYUAN, "piloted"), (g.FENGQIAO, "adopted")]

    def supported() -> dict[tuple[str, str], set[str]]:
        return {
            (r["dst"], r["stage"]): set(r["docs"])
            for r in store.read(
                "MATCH (a:Entity {id: $id})-[f:ADOPTED]->(b) "
                "RETURN b.id AS dst, f.stage AS stage, f.doc_ids AS docs",
                {"id": g.BING},
            )
        }

    store.write_documents([_court_adopts(0, stages)])
    before = supported()
    params: list[dict[str, Any]] = []
    with statements(monkeypatch, params) as seen:
        store.write_documents([_court_adopts(1, stages), _court_adopts(2, stages[:2])])
    folds = [
        (text, p)
        for text, p in zip(seen, params, strict=True)
        if "ADOPTED" in text and "coll.sort(" in text
    ]
    assert len(folds) == 1, seen
    text, sent = folds[0]
    assert "{id: g.id}" not in text and "Entity {id:" not in text  # no walk from the court
    assert sent["ids"] == sorted(FactRow("ADOPTED", g.BING, i, (r,)).id for i, r in stages)
    plan = _plan(store, text, sent)
    assert "MATCH EDGE BY INDEX" in plan and "ADOPTED[fact_id]" in plan, plan
    ids = [_court_adopts(n, stages).id for n in range(3)]
    for key in stages:
        assert ids[0] in before[key]
    now = supported()
    assert now[(g.SUYUAN, "adopted")] == before[(g.SUYUAN, "adopted")] | set(ids[1:])
    assert now[(g.SUYUAN, "piloted")] == before[(g.SUYUAN, "piloted")] | set(ids[1:])
    assert now[(g.FENGQIAO, "adopted")] == before[(g.FENGQIAO, "adopted")] | {ids[1]}
    assert len(store.read("MATCH (:Entity {id: $id})-[f:ADOPTED]->() RETURN f", {"id": g.BING}))
    store.delete_document(ids[1])
    after = supported()
    assert after[(g.SUYUAN, "adopted")] == now[(g.SUYUAN, "adopted")] - {ids[1]}
    assert after[(g.FENGQIAO, "adopted")] == before[(g.FENGQIAO, "adopted")]
    _agrees_with_a_recount(store)


def test_a_store_without_the_fact_index_gains_it_and_keeps_every_fact(
    arcadedb_store, monkeypatch
) -> None:
    """A store written before the index (its relationship types made by Cypher's CREATE, no
    fact_id property or index) takes the server's schema statements, as a server start runs
    them: the index is built over the facts it holds, every fact keeps its documents, and a
    document that repeats a fact joins it (no second relationship)."""
    store = arcadedb_store
    g.load_small_graph(store)
    stages = [(g.SUYUAN, "adopted"), (g.FENGQIAO, "piloted")]
    store.write_documents([_court_adopts(0, stages), g.document_c()])
    params: list[dict[str, Any]] = []
    with statements(monkeypatch, params) as seen:  # a known fact: the look-up a write sends
        store.write_documents([_court_adopts(1, stages[1:])])
    fold, sent = next(
        (t, p) for t, p in zip(seen, params, strict=True) if "ADOPTED" in t and "coll.sort(" in t
    )

    def sql(command: str) -> Any:
        return store.embedded.admin(f"command/{DATABASE}", {"language": "sql", "command": command})

    try:
        for rel in ("PART_OF", "ADOPTED", "PARTNERS_WITH"):  # as the version before left it
            for command in (f"DROP INDEX `{rel}[fact_id]`", f"DROP PROPERTY `{rel}`.fact_id"):
                with contextlib.suppress(StoreUnavailable):  # (none there)
                    sql(command)
        assert "BY INDEX" not in _plan(store, fold, sent)
        held = _facts(store)
        assert {f[0] for f in held} >= {"ADOPTED", "PART_OF", "REPORTED"}
    finally:
        for stmt in ARCADEDB_SCHEMA:  # what the server runs when it opens the database
            sql(stmt)
    assert "MATCH EDGE BY INDEX" in _plan(store, fold, sent)
    assert _facts(store) == held
    again = _court_adopts(2, stages[:1])
    store.write_documents([again])
    now = _facts(store)
    assert len(now) == len(held)
    changed = [(a, b) for a, b in zip(held, now, strict=True) if a != b]
    assert len(changed) == 1
    (old, new), fid = changed[0], FactRow("ADOPTED", g.BING, g.SUYUAN, ("adopted",)).id
    assert old[1] == new[1] == fid and new[4] == sorted([*old[4], again.id])
    _agrees_with_a_recount(store)
