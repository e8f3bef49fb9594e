"""`outcomes_under` names each row's initiative by the server's reference and sends the
initiatives' ids and names once: its rows are those of the text that read them on every row,
in the same order, for figures with no link, one link and two, reviewed links, 只看已核实 and
its row cap (a hand-made graph: every sentence invented for the test)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow, entity_id
from graph.model import document_id as doc_id
from graph.store import GraphStore
from queries import run
from queries.explore import OUTCOME_COLUMNS, UNDER_ROWS, _by_depth_and_unit, _figure_rows
from queries.library import is_verified, mark_conflicts, scope_of
from queries.registry import get, prepared
from tests import graph_fixtures as g

# the text before the change (28782f9): each row read its initiative's id and name
_BEFORE = (
    """
MATCH (c:Entity {id: $unit})
MATCH p = (c)<-[:PART_OF*0..4]-(u:Entity)
MATCH (u)-[r:REPORTED]->(o:Outcome)
WHERE VERIFIED_R
OPTIONAL MATCH (o)-[l:REPORTED]->(i:Initiative)
WHERE VERIFIED_L
WITH u, length(p) AS depth, o, r, l, i
LIMIT ROW_CAP
RETURN collect([u.id, u.name, depth, o.metric, o.value, o.unit_of_measure, o.qualifier,
                o.direction, o.period, SCOPE, i.id, i.name, r.fact_id,
                coalesce(r.review_status, 'extracted'),
                CASE WHEN i IS NULL THEN null ELSE coalesce(l.review_status, 'extracted') END,
                r.doc_ids]) AS packed
""".replace("VERIFIED_R", is_verified("r"))
    .replace("SCOPE", scope_of("r", "u"))
    .replace("VERIFIED_L", is_verified("l"))
    .replace("ROW_CAP", str(UNDER_ROWS + 1))
)

_S = [
    "乙市中院全年收案数为一千二百件。",
    "乙市中院诉前调解成功率为四成，诉源治理见效。",
    "丙区法院结案率为九成，得益于诉源治理和枫桥式人民法庭建设。",
    "丙区法院服判息诉率为九成五，诉源治理成效明显。",
    "东湖法庭就地化解纠纷三百件，枫桥式人民法庭建设见效。",
]


def _figure(unit: str, metric: str, value: float, uom: str) -> tuple[str, NodeRow]:
    oid = entity_id("Outcome", unit, metric, value, uom, "2024")
    props = {"metric": metric, "value": value, "unit_of_measure": uom, "period": "2024"}
    return oid, NodeRow("Outcome", oid, {**props, "name": f"{metric} {value:g}{uom}"})


#: (unit, metric, value, unit of measure, sentence, initiatives the text ties it to)
_FIGURES = [
    (g.MID, "收案数", 1200.0, "件", 0, ()),  # no link
    (g.MID, "诉前调解成功率", 40.0, "%", 1, (g.SUYUAN,)),  # one link
    (g.BING, "结案率", 90.0, "%", 2, (g.SUYUAN, g.FENGQIAO)),  # two links
    (g.BING, "服判息诉率", 95.0, "%", 3, (g.SUYUAN,)),  # the same initiative as another
    (g.DONGHU, "化解纠纷", 300.0, "件", 4, (g.FENGQIAO,)),  # a tribunal, two levels down
]


def _document() -> DocumentGraph:
    text = "".join(_S)
    nodes = [
        NodeRow(
            "Tribunal", g.DONGHU, {"name": "甲省乙市丙区人民法院东湖人民法庭", "level": "tribunal"}
        )
    ]
    facts = [FactRow("PART_OF", g.DONGHU, g.BING, (), {}, [EvidenceRow(_S[4], 0, len(_S[4]))])]
    mentions = []
    for unit, metric, value, uom, k, initiatives in _FIGURES:
        oid, node = _figure(unit, metric, value, uom)
        nodes.append(node)
        ev = [EvidenceRow(sentence=_S[k], start=0, end=len(_S[k]))]
        mentions.append(MentionRow(oid, metric, _S[k], 0, 2))
        facts.append(FactRow("REPORTED", unit, oid, (), {}, ev))
        facts += [FactRow("REPORTED", oid, i, (), {}, ev) for i in initiatives]
    return DocumentGraph(
        id=doc_id("e" * 64),
        props={"title": "乙市法院成效通报", "content_hash": "e" * 64, "text": text},
        nodes=nodes,
        mentions=mentions,
        facts=facts,
    )


def _review(store: GraphStore, src: str, dst: str, status: str) -> None:
    store.write_statements(
        [
            (
                "MATCH ({id: $src})-[r:REPORTED]->({id: $dst}) SET r.review_status = $status",
                {"src": src, "dst": dst, "status": status},
            )
        ]
    )


@pytest.fixture
def figures(store: GraphStore) -> GraphStore:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_document()])
    rate = _figure(g.BING, "结案率", 90.0, "%")[0]
    _review(store, g.BING, rate, "confirmed")  # the figure with two links: both kept
    _review(store, rate, g.SUYUAN, "confirmed")
    _review(store, rate, g.FENGQIAO, "rejected")
    _review(store, g.BING, _figure(g.BING, "服判息诉率", 95.0, "%")[0], "confirmed")  # its link not
    tribunal = _figure(g.DONGHU, "化解纠纷", 300.0, "件")[0]
    _review(store, g.DONGHU, tribunal, "corrected")
    _review(store, tribunal, g.FENGQIAO, "confirmed")
    return store


def _before(store: GraphStore, params: dict[str, Any], cap: int | None = None) -> list[dict]:
    """The rows the text before the change sent, as the server read them."""
    cypher, sent = prepared(store, get("outcomes_under"), params, cypher=_BEFORE)
    if cap is not None:
        cypher = cypher.replace(f"LIMIT {UNDER_ROWS + 1}", f"LIMIT {cap}")
    records = store.read(cypher, sent, plain=True)
    return [dict(zip(OUTCOME_COLUMNS, v, strict=True)) for r in records for v in r["packed"]]


def _now(store: GraphStore, params: dict[str, Any], cap: int) -> list[dict[str, Any]]:
    """The rows the text sends now with its cap at `cap`, as the server read them."""
    query = get("outcomes_under")
    cypher, sent = prepared(store, query, params)
    cypher = cypher.replace(f"LIMIT {UNDER_ROWS + 1}", f"LIMIT {cap}")
    return _figure_rows(store.read(cypher, sent, plain=True))


def _seen(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["unit_id"], r["metric"], r["initiative_id"], r["link_status"]) for r in rows]


@pytest.mark.parametrize("verified", [False, True])
def test_the_rows_are_those_the_old_text_sent(figures: GraphStore, verified: bool) -> None:
    params = {"unit": g.MID, "verified": verified}
    new = run(figures, "outcomes_under", params)
    _, sent = prepared(figures, get("outcomes_under"), params)
    old = mark_conflicts(
        _by_depth_and_unit(_before(figures, params), sent), own=True, by=("unit_id",)
    )
    assert [list(r.items()) for r in new.rows] == [list(r.items()) for r in old]
    # and what they are: a figure once per initiative tied to it, once without one
    unverified = {
        (g.MID, "收案数", None, None),
        (g.MID, "诉前调解成功率", g.SUYUAN, "extracted"),
        (g.BING, "结案率", g.SUYUAN, "confirmed"),
        (g.BING, "结案率", g.FENGQIAO, "rejected"),
        (g.BING, "服判息诉率", g.SUYUAN, "extracted"),
        (g.DONGHU, "化解纠纷", g.FENGQIAO, "confirmed"),
    }
    only_reviewed = {  # the reviewed figures, each with its confirmed links only
        (g.BING, "结案率", g.SUYUAN, "confirmed"),
        (g.BING, "服判息诉率", None, None),
        (g.DONGHU, "化解纠纷", g.FENGQIAO, "confirmed"),
    }
    expected = only_reviewed if verified else unverified
    assert sorted(_seen(new.rows), key=str) == sorted(expected, key=str)  # none twice, none lost
    names = {r["initiative_id"]: r["initiative"] for r in new.rows if r["initiative_id"]}
    assert names == {i: i.split(":", 1)[1] for i in names}


def test_under_a_cap_the_same_rows_are_kept(figures: GraphStore) -> None:
    params = {"unit": g.MID, "verified": False}
    everything = _before(figures, params)
    assert len(everything) == 6
    for cap in range(1, len(everything) + 2):
        assert _now(figures, params, cap) == _before(figures, params, cap), cap
        assert len(_now(figures, params, cap)) == min(cap, 6), cap


def test_its_cap_keeps_one_row_past_the_row_limit() -> None:
    query = get("outcomes_under")
    assert not query.packed  # its rows are made by `_figure_rows`, not the generic unpacking
    assert re.findall(r"\bLIMIT\s+(\d+)", query.cypher) == [str(query.row_limit + 1)]


def test_an_initiative_is_read_once_not_on_each_row() -> None:
    """An initiative's record is large: the rows name it by reference (elementId), and its id
    and name are read once for the answer, after the rows are collected."""
    cypher = get("outcomes_under").cypher
    rows = cypher[cypher.index("collect([") : cypher.index("AS packed")]
    assert "elementId(i)" in rows and "i.id" not in rows and "i.name" not in rows
    assert "[x IN collect(DISTINCT i) | [elementId(x), x.id, x.name]] AS names" in cypher


def test_a_unit_without_figures_or_unknown_answers_no_rows(figures: GraphStore) -> None:
    for unit in (g.WU, "court:没有这个法院"):
        result = run(figures, "outcomes_under", {"unit": unit})
        assert result.rows == [] and not result.truncated


def test_a_packed_row_of_the_wrong_width_is_an_error() -> None:
    row = [None] * len(OUTCOME_COLUMNS)
    with pytest.raises(ValueError, match="outcomes_under: a packed row has 15 values"):
        _figure_rows([{"packed": [row, row[:-1]], "names": []}])
    assert _figure_rows([{"packed": [row], "names": []}]) == [dict.fromkeys(OUTCOME_COLUMNS)]
