"""Each named query's answer on the small graph, on every server (known by construction)."""

from __future__ import annotations

import pytest

from graph.errors import BadParameter, EntityNotFound
from queries import get, run
from queries.registry import convert, prepared
from tests import graph_fixtures as g
from tests.conftest import small_graph_in


@pytest.fixture
def small(server_store):
    """The small graph on each server (loaded afresh only when the previous test changed it)."""
    return small_graph_in(server_store)


def test_adopters_with_filters(small) -> None:
    rows = run(small, "adopters", {"initiative": "诉源治理"}).rows
    assert [(r["unit"], r["stages"], r["date"]) for r in rows] == [
        ("甲省乙市中级人民法院", ["promoted"], "2022-11"),
        ("甲省乙市丙区人民法院", ["adopted"], "2022-12"),
        ("甲省乙市丁县人民法院", ["piloted"], "2024-01"),
    ]
    assert [
        r["unit"]
        for r in run(
            small, "adopters", {"initiative": "诉源治理", "level": "basic", "date_from": "2023"}
        ).rows
    ] == ["甲省乙市丁县人民法院"]
    assert run(small, "adopters", {"initiative": "诉源治理", "stage": "awarded"}).rows == []
    to_2022 = run(small, "adopters", {"initiative": "诉源治理", "date_to": "2022"}).rows
    assert {r["unit"] for r in to_2022} == {"甲省乙市中级人民法院", "甲省乙市丙区人民法院"}


def test_a_unit_with_two_stages_is_one_adopter_row() -> None:
    """A unit that piloted and then adopted an initiative was two rows in `adopters` and on
    the 举措 page (a new user's finding): one row, its stages in the order first reported,
    its first date, the distinct documents, every fact and the least verified status."""
    from queries.library import adopters_per_unit

    def fact(stage, date, fid, docs, status="extracted", conf=0.5, unit="甲县法院"):
        return {
            "unit_id": f"court:{unit}", "unit": unit, "kind": "Court", "level": "basic",
            "province": "甲省", "city": "乙市", "stage": stage, "date": date,
            "date_precision": "day" if date else None, "fact_id": fid, "doc_ids": docs,
            "confidence": conf, "rules": [f"adoption:{fid}"], "status": status,
        }  # fmt: skip

    rows = adopters_per_unit(
        [
            fact("adopted", "2023-06-01", "f2", ["d2", "d3"], "confirmed", 0.9),
            fact("piloted", "2022-03-05", "f1", ["d1", "d2"]),
            fact("adopted", None, "f3", ["d4"], unit="丙区法院"),
        ]
    )
    assert [r["unit"] for r in rows] == ["甲县法院", "丙区法院"]
    first = rows[0]
    assert first["stages"] == ["piloted", "adopted"] and "stage" not in first
    assert (first["date"], first["date_precision"], first["fact_id"]) == ("2022-03-05", "day", "f1")
    assert first["fact_ids"] == ["f1", "f2"] and first["documents"] == 3
    assert first["doc_ids"] == ["d1", "d2", "d3"]  # (a picture of the rows marks demo data)
    assert first["confidence"] == 0.9 and first["rules"] == ["adoption:f1", "adoption:f2"]
    assert first["statuses"] == ["extracted", "confirmed"] and first["status"] == "extracted"
    assert rows[1]["date"] is None and rows[1]["stages"] == ["adopted"]
    # reported on one date: piloted before adopted, not in the codes' alphabetical order
    same = adopters_per_unit(
        [fact("adopted", "2022-03", "f5", []), fact("piloted", "2022-03", "f4", [])]
    )
    assert same[0]["stages"] == ["piloted", "adopted"]


def test_names_resolve_in_traditional_and_by_alias(small) -> None:
    rows = run(small, "adopted_by", {"unit": "丙區法院"}).rows  # traditional alias
    assert [(r["initiative"], r["stage"], r["documents"]) for r in rows] == [
        ("诉源治理", "adopted", 2)
    ]
    with pytest.raises(EntityNotFound):
        run(small, "adopted_by", {"unit": "不存在的法院"})


def test_short_forms_of_court_names_resolve(small) -> None:
    """递铺法庭 / 湖州中院 / 安吉法院 as a user types them: the court or tribunal whose full name
    they shorten (none stored as an alias here)."""
    for short, unit in (
        ("乙市中院", g.MID),
        ("丁县法院", g.DING),
        ("丁县人民法院", g.DING),
        ("丙区人民法院", g.BING),
        ("东湖人民法庭", g.DONGHU),
    ):
        assert run(small, "people", {"unit": short}).params["unit"] == unit, short
    for unknown in ("西湖人民法庭", "庚县法院", "中院"):
        with pytest.raises(EntityNotFound):
            run(small, "people", {"unit": unknown})


def test_search_ranks_the_court_a_short_form_names_first() -> None:
    from queries.library import _rank_search

    rows = [  # full-text scores as a national graph gives them: 法庭 matches every tribunal
        {"id": "a", "name": "最高人民法院第一巡回法庭", "aliases": [], "score": 3.1},
        {"id": "b", "name": "甲省乙市丙区人民法院东湖人民法庭", "aliases": [], "score": 1.2},
        {"id": "c", "name": "甲省乙市丙区人民法院大东湖人民法庭", "aliases": [], "score": 2.5},
    ]
    ranked = _rank_search(rows, {"q_text": "东湖法庭"})
    assert [r["id"] for r in ranked] == ["b", "a", "c"]  # 大东湖 is another place


def test_hierarchy(small) -> None:
    rows = run(small, "hierarchy", {"unit": g.BING}).rows
    assert [(r["direction"], r["name"]) for r in rows] == [
        ("up", "最高人民法院"),
        ("up", "甲省高级人民法院"),
        ("up", "甲省乙市中级人民法院"),
        ("down", "甲省乙市丙区人民法院东湖人民法庭"),
    ]


def test_people(small) -> None:
    rows = run(small, "people", {"unit": g.BING}).rows
    assert [(r["person"], r["title"]) for r in rows] == [("张三", "院长")]


def test_neighbourhood_depth_and_kinds(small) -> None:
    one = run(small, "neighbourhood", {"entity": g.SUYUAN, "depth": 1}).rows
    assert {(r["source"], r["type"], r["target"]) for r in one} == {
        (g.BING, "ADOPTED", g.SUYUAN),
        (g.MID, "ADOPTED", g.SUYUAN),
        (g.DING, "ADOPTED", g.SUYUAN),
        (g.RATE, "REPORTED", g.SUYUAN),
    }
    two = run(
        small, "neighbourhood", {"entity": g.SUYUAN, "depth": 2, "kinds": "Court,Initiative"}
    ).rows
    kinds = {r["source_kind"] for r in two} | {r["target_kind"] for r in two}
    assert kinds == {"Court", "Initiative"}
    assert (g.BING, "PART_OF", g.MID) in {(r["source"], r["type"], r["target"]) for r in two}
    small_view = run(small, "neighbourhood", {"entity": g.SUYUAN, "depth": 2, "size": 2}).rows
    assert sum(r["hops"] == 1 for r in small_view) == 2  # `size` bounds the direct ones
    assert 0 < sum(r["hops"] == 2 for r in small_view) <= 2 * 2  # and the longer paths


def test_path(small) -> None:
    rows = run(small, "path", {"source": g.ZHANG, "target": g.DING}).rows
    assert rows and all(r["hops"] == 3 for r in rows)
    assert {tuple(r["ids"]) for r in rows} == {
        (g.ZHANG, g.BING, g.MID, g.DING),
        (g.ZHANG, g.BING, g.SUYUAN, g.DING),
    }


def test_search(small) -> None:
    rows = run(small, "search", {"q": "丙区法院"}).rows
    assert rows[0]["id"] == g.BING  # the exact alias ranks first
    assert run(small, "search", {"q": "源头治理", "kinds": "Initiative"}).rows[0]["id"] == g.SUYUAN
    assert all(
        r["kind"] == "Person" for r in run(small, "search", {"q": "张三", "kinds": "Person"}).rows
    )


def test_outcomes(small) -> None:
    unit = run(small, "unit_outcomes", {"unit": g.BING}).rows
    assert [(r["metric"], r["value"], r["unit_of_measure"], r["initiative"]) for r in unit] == [
        ("调解率", 60.0, "%", "诉源治理")
    ]
    init = run(small, "initiative_outcomes", {"initiative": g.SUYUAN}).rows
    assert [(r["unit"], r["metric"]) for r in init] == [("甲省乙市丙区人民法院", "调解率")]


def test_evidence(small) -> None:
    fid = run(small, "adopters", {"initiative": g.SUYUAN, "stage": "adopted"}).rows[0]["fact_id"]
    rows = run(small, "evidence", {"fact_id": fid}).rows
    assert [r["doc_id"] for r in rows] == [g.DOC_A, g.DOC_B]
    assert rows[0]["sentence"].startswith("丙区法院今年三月")


def test_coverage(small) -> None:
    rows = run(small, "coverage", {"initiative": g.SUYUAN, "court": g.MID}).rows
    table = {r["unit"]: (r["adopted"], r["stages"], r["first_date"]) for r in rows}
    assert table == {
        "甲省乙市丙区人民法院": (True, ["adopted"], "2022-12"),
        "甲省乙市丁县人民法院": (True, ["piloted"], "2024-01"),
        "甲省乙市戊县人民法院": (False, [], None),
        "甲省乙市丙区人民法院东湖人民法庭": (False, [], None),
    }
    # the tribunal an article names is listed, but no roster counts it
    assert {r["unit"]: r["roster"] for r in rows if r["level"] == "tribunal"} == {
        "甲省乙市丙区人民法院东湖人民法庭": None
    }
    assert {r["has_roster"] for r in rows} == {False}
    basic = run(small, "coverage", {"initiative": g.SUYUAN, "court": g.HIGH, "level": "basic"})
    assert sum(r["adopted"] for r in basic.rows) == 2 and len(basic.rows) == 3


@pytest.mark.parametrize(
    ("level", "units"),
    [("high", {"甲省高级人民法院"}), ("intermediate", {"甲省乙市中级人民法院"}), ("basic", None)],
)
def test_coverage_walks_up_or_down_to_one_answer(small, level, units) -> None:
    q = get("coverage")
    raw = {"initiative": g.SUYUAN, "court": g.SPC, "level": level}
    answers = []
    for text in q.texts().values():
        cypher, params = prepared(small, q, raw, cypher=text)
        packed = [row for r in small.read(cypher, params, plain=True) for row in r["packed"]]
        answers.append(sorted(map(repr, packed)))
    assert len(answers) == 2 and answers[0] == answers[1]
    walk = q.plan(small, convert(q, raw, small)).variant if q.plan else None
    rows = run(small, "coverage", raw).rows
    if units:  # few courts at this level: read upwards from them
        assert walk == "up" and {r["unit"] for r in rows} == units
    else:
        assert walk is None and len(rows) == 3
    assert all(r["depth"] == {"high": 1, "intermediate": 2, "basic": 3}[level] for r in rows)


def test_path_of_known_length_meets_in_the_middle(small) -> None:
    """Every pair of entities: the variant chosen for the path's length gives exactly the
    paths allShortestPaths gives."""
    q = get("path")
    ids = sorted(r["id"] for r in small.read("MATCH (n:Entity) RETURN n.id AS id"))
    chosen = set()
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            raw = {"source": a, "target": b}
            chosen.add(q.plan(small, convert(q, raw, small)).variant if q.plan else None)
            cypher, params = prepared(small, q, raw, cypher=q.cypher)
            expected = sorted(
                (tuple(r["ids"]), tuple(r["types"])) for r in small.read(cypher, params)
            )
            got = sorted((tuple(r["ids"]), tuple(r["types"])) for r in run(small, "path", raw).rows)
            assert got == expected, (a, b)
    assert chosen >= {"1 hops", "2 hops", "3 hops", None}


def test_overview_queries(small) -> None:
    top = run(small, "top_initiatives").rows
    assert (top[0]["initiative"], top[0]["units"], top[0]["first_date"]) == (
        "诉源治理",
        3,
        "2022-11",
    )
    latest = run(small, "latest_documents").rows
    assert [r["doc_id"] for r in latest] == [g.DOC_B, g.DOC_A]
    docs = run(small, "documents", {"entity": g.BING}).rows
    assert {r["doc_id"] for r in docs} == {g.DOC_A, g.DOC_B}
    ent = run(small, "entity", {"entity": g.BING}).rows[0]["properties"]
    assert ent["aliases"] == ["丙区法院"] and ent["level"] == "basic"


def test_row_limit_truncates(small) -> None:
    res = run(small, "adopters", {"initiative": g.SUYUAN}, limit=2)
    assert len(res.rows) == 2 and res.truncated


def test_fact_lists_show_confidence_and_rules(store) -> None:
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    a, b = g.document_a(), g.document_b()
    for doc, conf in ((a, 0.75), (b, 0.5)):
        for f in doc.facts:
            for e in f.evidence:
                e.rule, e.confidence = f"{f.type.lower()}:{doc.props['title']}", conf
    store.write_documents([a, b])
    adopters = {
        r["unit_id"]: (r["confidence"], r["rules"])
        for r in run(store, "adopters", {"initiative": g.SUYUAN}).rows
    }
    assert adopters[g.BING] == (0.75, ["adopted:样例文档乙", "adopted:样例文档甲"])
    assert adopters[g.DING] == (0.5, ["adopted:样例文档乙"])
    by = run(store, "adopted_by", {"unit": g.DING}).rows
    assert [(r["confidence"], r["rules"]) for r in by] == [(0.5, ["adopted:样例文档乙"])]
    outcomes = run(store, "initiative_outcomes", {"initiative": g.SUYUAN}).rows
    assert [(r["confidence"], r["rules"]) for r in outcomes] == [(0.75, ["reported:样例文档甲"])]
    fid = by[0]["fact_id"]
    evidence = run(store, "evidence", {"fact_id": fid}).rows
    assert [(r["rule"], r["confidence"]) for r in evidence] == [("adopted:样例文档乙", 0.5)]


@pytest.mark.parametrize(
    "q",
    [
        "AND",
        "NOT",
        "丙区法院 OR",
        '丙区法院"',
        '"丙区法院',
        '丙区\\"',
        "丙区法院\\",
        "(丙区",
        "a:b || c",
    ],
)
def test_search_takes_lucene_syntax_as_plain_words(small, q: str) -> None:
    rows = run(small, "search", {"q": q}).rows  # answers, never "Error executing procedure"
    if "丙区" in q:
        assert rows and rows[0]["id"] == g.BING


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"q": '"'}, "没有可检索的文字"),
        ({"q": "* ?"}, "没有可检索的文字"),
        ({"q": "法" * 101}, "长 101 个字符：请检索不超过 100 个字符的名称或别名"),
    ],
)
def test_bad_searches_are_refused(small, raw, message: str) -> None:
    with pytest.raises(BadParameter, match=message):
        run(small, "search", raw)


@pytest.mark.parametrize("limit", [0, -5, 10**20])
def test_bad_limits_are_refused(small, limit: int) -> None:
    with pytest.raises(BadParameter, match="行数上限应在 1 到 10,000,000 之间"):
        run(small, "adopters", {"initiative": g.SUYUAN}, limit=limit)
