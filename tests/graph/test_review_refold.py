"""A reviewer's decisions survive a refold: when one of the two documents supporting a fact is
deleted, the fact is folded again from the other one's evidence and must then show what it
showed before (the reviewer's stage, date, unit, initiative, title, figure, status, merged or
renamed entity), less the deleted document's support; re-ingesting the document, or a refold
of the whole store, gives back exactly what there was."""

from __future__ import annotations

from typing import Any

import pytest

from graph import review
from graph.model import DocumentGraph, FactRow, MentionRow, NodeRow, document_id, entity_id
from graph.store import refold_all
from tests import graph_fixtures as g

T1 = document_id("1" * 64)
T2 = document_id("2" * 64)
DUOYUAN = entity_id("Initiative", "多元解纷")
ZHANG_TYPO = entity_id("Person", "张叁", g.BING)


def _ev(sentence: str, date: str | None = None, precision: str | None = None) -> list:
    return g._ev(sentence, date, precision)


def _twin(doc: str, n: int) -> DocumentGraph:
    """A document that says every fact of the test; `n` makes its sentences its own."""
    mark = "据报道，" if n == 1 else "另据消息，"
    s1 = f"{mark}丙区法院今年三月全面推行诉源治理。"
    s2 = f"{mark}院长张三介绍，丙区法院调解率达到60%。"
    s3 = f"{mark}东湖法庭隶属丙区法院。"
    s4 = f"{mark}丁县法院五月赴丙区法院学习诉源治理。"
    s5 = f"{mark}丁县法院推行多元解纷，院长张叁出席。"
    return DocumentGraph(
        id=doc,
        props={
            "title": f"样例文档{n}",
            "date": "2023-05-01",
            "content_hash": str(n) * 64,
            "text": s1 + s2 + s3 + s4 + s5,
            "urls": [f"http://example.test/{n}"],
        },
        nodes=[
            NodeRow(
                "Tribunal",
                g.DONGHU,
                {"name": "甲省乙市丙区人民法院东湖人民法庭", "level": "tribunal"},
                aliases=["东湖法庭"],
            ),
            NodeRow("Person", g.ZHANG, {"name": "张三"}),
            NodeRow("Person", ZHANG_TYPO, {"name": "张叁"}),
            NodeRow("Initiative", DUOYUAN, {"name": "多元解纷", "candidate": True}),
            NodeRow(
                "Outcome",
                g.RATE,
                {
                    "name": "调解率 60%",
                    "metric": "调解率",
                    "value": 60.0,
                    "unit_of_measure": "%",
                    "period": "2023",
                },
            ),
        ],
        mentions=[
            MentionRow(g.BING, "丙区法院", s1, 4, 8),
            MentionRow(g.SUYUAN, "诉源治理", s1, 16, 20),
            MentionRow(g.ZHANG, "张三", s2, 6, 8),
            MentionRow(g.RATE, "调解率达到60%", s2, 16, 24),
            MentionRow(g.DONGHU, "东湖法庭", s3, 4, 8),
            MentionRow(g.DING, "丁县法院", s4, 4, 8),
            MentionRow(DUOYUAN, "多元解纷", s5, 10, 14),
            MentionRow(ZHANG_TYPO, "张叁", s5, 17, 19),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                g.BING,
                g.SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                _ev(s1, "2023-03", "month"),
            ),
            FactRow("HOLDS_ROLE", g.ZHANG, g.BING, ("院长",), {"title": "院长"}, _ev(s2)),
            FactRow("HOLDS_ROLE", ZHANG_TYPO, g.DING, ("院长",), {"title": "院长"}, _ev(s5)),
            FactRow("REPORTED", g.BING, g.RATE, (), {}, _ev(s2)),
            FactRow("PART_OF", g.DONGHU, g.BING, (), {}, _ev(s3)),
            FactRow(
                "LEARNED_FROM",
                g.DING,
                g.BING,
                ("诉源治理",),
                {"initiative": "诉源治理"},
                _ev(s4, "2023-05", "month"),
            ),
            FactRow(
                "ADOPTED",
                g.DING,
                DUOYUAN,
                ("adopted",),
                {"stage": "adopted"},
                _ev(s5, "2023-04", "month"),
            ),
        ],
    )


ADOPTION = review.fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
ROLE = review.fact_id("HOLDS_ROLE", g.ZHANG, g.BING, "院长")
FIGURE = review.fact_id("REPORTED", g.BING, g.RATE)
PARENT = review.fact_id("PART_OF", g.DONGHU, g.BING)
VISIT = review.fact_id("LEARNED_FROM", g.DING, g.BING, "诉源治理")


def _merge(store) -> None:
    review.merge_entities(store, g.ZHANG, ZHANG_TYPO, reviewer="甲")


def _rename(store) -> None:
    review.rename_entity(store, g.ZHANG, "张三丰", reviewer="甲")


def _decide(fid: str, decision: str, **new: Any):
    def run(store) -> None:
        review.decide(store, fid, decision, reviewer="甲", note="阶段不对", new=new or None)

    return run


#: every kind of decision on every kind of fact
CASES = {
    "confirm": _decide(ADOPTION, "confirm"),
    "reject": _decide(ADOPTION, "reject"),
    "stage": _decide(ADOPTION, "correct", stage="piloted"),
    "date": _decide(ADOPTION, "correct", date="2021-06", date_precision="month"),
    "stage_and_date": _decide(
        ADOPTION, "correct", stage="piloted", date="2021-06", date_precision="month"
    ),
    "unit": _decide(ADOPTION, "correct", src=g.WU),
    "target": _decide(ADOPTION, "correct", dst=g.FENGQIAO),
    "scope": _decide(ADOPTION, "correct", scope="全区法院"),
    "title": _decide(ROLE, "correct", title="副院长"),
    "metric": _decide(FIGURE, "correct", metric="速裁适用率", value=65.0),
    "unit_of_measure": _decide(FIGURE, "correct", unit_of_measure="个百分点"),
    "parent": _decide(PARENT, "correct", dst=g.DING),
    "parent_confirm": _decide(PARENT, "confirm"),
    "visit_initiative": _decide(VISIT, "correct", initiative="枫桥式人民法庭"),
    "visit_date": _decide(VISIT, "correct", date="2023-06-02", date_precision="day"),
    "visit_host": _decide(VISIT, "correct", dst=g.MID),
    "visit_confirm": _decide(VISIT, "confirm"),
    "merge": _merge,
    "rename": _rename,
}


def _two_corrections(store) -> None:
    """A stage corrected, then the corrected fact's date corrected (a chain of two ids)."""
    review.decide(store, ADOPTION, "correct", reviewer="甲", new={"stage": "piloted"})
    piloted = review.fact_id("ADOPTED", g.BING, g.SUYUAN, "piloted")
    review.decide(
        store,
        piloted,
        "correct",
        reviewer="乙",
        new={"date": "2020-01", "date_precision": "month"},
        time=review.now(),
    )


CASES["chain"] = _two_corrections


def _reverted(store) -> None:
    """A stage corrected, then corrected back (the corrected fact into the first one)."""
    review.decide(store, ADOPTION, "correct", reviewer="甲", new={"stage": "piloted"})
    piloted = review.fact_id("ADOPTED", g.BING, g.SUYUAN, "piloted")
    review.decide(store, piloted, "correct", reviewer="乙", new={"stage": "adopted"})
    # taken back as decided (the older correction away from it does not move it again)
    fact = _facts(store)
    assert piloted not in fact and fact[ADOPTION]["stage"] == "adopted"
    assert fact[ADOPTION]["reviewed_by"] == "乙"


CASES["reverted"] = _reverted

_NOT_COMPARED = ("doc_ids", "confidence", "rules")


def _facts(store) -> dict[str, dict[str, Any]]:
    rows = store.read(
        "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.fact_id IS NOT NULL "
        "RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p"
    )
    return {
        r["p"]["fact_id"]: {"type": r["t"], "src": r["a"], "dst": r["b"], **r["p"]} for r in rows
    }


def _entities(store) -> list[dict[str, Any]]:
    rows = store.read(
        "MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, "
        "n.metric AS metric, n.value AS value, n.unit_of_measure AS unit ORDER BY id"
    )
    return [dict(r) for r in rows]


def _snapshot(store, *, without: str | None = None) -> tuple[dict, list]:
    facts = {}
    for fid, f in _facts(store).items():
        if without is not None:
            f = {k: v for k, v in f.items() if k not in _NOT_COMPARED}
        facts[fid] = f
    return facts, _entities(store)


def _load(store) -> None:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_twin(T1, 1), _twin(T2, 2)])
    review.reapply_documents(store, [T1, T2])


@pytest.mark.parametrize("case", sorted(CASES))
def test_decisions_survive_deleting_one_of_two_documents(store, case: str) -> None:
    _load(store)
    CASES[case](store)
    before = _snapshot(store)
    before_cmp = _snapshot(store, without=T2)
    assert review.delete_document(store, T2)
    assert _snapshot(store, without=T2) == before_cmp
    for f in _facts(store).values():
        assert T2 not in (f.get("doc_ids") or [])
    # the document back: exactly what there was
    store.write_documents([_twin(T2, 2)])
    review.reapply_documents(store, [T2])
    assert _snapshot(store) == before
    # a refold of the whole store (a rebuild of an older version) changes nothing either
    refold_all(store)
    assert _snapshot(store) == before
    # and the other document deleted instead
    assert review.delete_document(store, T1)
    assert _snapshot(store, without=T1) == before_cmp


@pytest.mark.parametrize(
    ("fid", "new", "field"),
    [
        (ADOPTION, {"stage": "piloted"}, "stage"),
        (VISIT, {"initiative": "枫桥式人民法庭"}, "initiative"),
        (ROLE, {"title": "副院长"}, "title"),
    ],
)
def test_a_correction_made_before_the_second_document_came(
    arcadedb_store, fid: str, new: dict, field: str
) -> None:
    """Corrected while one document said it; a second document joins the corrected fact;
    the first deleted: the fact keeps the reviewer's value and status (the first document's
    record of the fact is gone with it), and keeps them when it comes back."""
    store = arcadedb_store
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_twin(T1, 1)])
    d = review.decide(store, fid, "correct", reviewer="甲", new=new)
    fixed = review.corrected_fact_id(d)
    store.write_documents([_twin(T2, 2)])
    review.reapply_documents(store, [T2])
    want = {k: v for k, v in _facts(store)[fixed].items() if k != "doc_ids"}
    assert want[field] == new[field] and want["review_status"] == "corrected"
    assert _facts(store)[fixed]["doc_ids"] == sorted([T1, T2])
    assert review.delete_document(store, T1)
    after = _facts(store)
    assert {k: v for k, v in after[fixed].items() if k != "doc_ids"} == want
    assert after[fixed]["doc_ids"] == [T2] and fid not in after
    assert review.status_of(store, fixed) == "corrected"
    store.write_documents([_twin(T1, 1)])
    review.reapply_documents(store, [T1])
    after = _facts(store)
    assert {k: v for k, v in after[fixed].items() if k != "doc_ids"} == want
    assert after[fixed]["doc_ids"] == sorted([T1, T2]) and fid not in after
