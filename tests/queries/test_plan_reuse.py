"""The filtered named queries send one Cypher text with one set of parameter types whichever
filters are set, so a server that caches plans by text and parameter types (Neo4j) plans
each once, and the filters still filter."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

import tests.graph_fixtures as g
from queries import get, run
from queries.registry import REGISTRY, Param, prepared
from tests.conftest import small_graph_in

FILTERS: dict[str, dict[str, Any]] = {
    "adopters": {
        "province": "甲省",
        "level": "basic",
        "stage": "adopted",
        "date_from": "2020",
        "date_to": "2024-06",
    },
    "search": {"kinds": "Court,Initiative"},
}
REQUIRED: dict[str, dict[str, Any]] = {
    "adopters": {"initiative": "诉源治理"},
    "search": {"q": "人民法院"},
    "initiative_outcomes": {"initiative": "诉源治理"},
}


@pytest.fixture
def small(server_store):
    """The small graph on each server (loaded afresh only when the previous test changed it)."""
    return small_graph_in(server_store)


def _signature(params: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, type(v).__name__) for k, v in params.items()))


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_one_text_and_one_set_of_parameter_types(small, name: str) -> None:
    q = get(name)
    filters = FILTERS.get(name, {})
    sent = set()
    for n in range(len(filters) + 1):
        for combo in itertools.combinations(sorted(filters), n):
            raw = {**REQUIRED[name], **{k: filters[k] for k in combo}}
            cypher, params = prepared(small, q, raw)
            # the collection filter, shared by every query, still travels as null when unset
            # (choosing collections or not: two plans at most)
            nulls = {k for k, v in params.items() if v is None} - {
                "collections",
                "collections_docs",
            }
            assert not nulls, (combo, params)
            sent.add((cypher, _signature(params)))
    assert len(sent) == 1, sorted(sent)


def test_absent_filters_do_not_filter(small) -> None:
    every = run(small, "adopters", {"initiative": "诉源治理"}).rows
    assert len(every) == 3
    assert len(run(small, "adopters", {"initiative": "诉源治理", "stage": "adopted"}).rows) == 1
    kinds = {r["kind"] for r in run(small, "search", {"q": "人民法院", "kinds": "Court"}).rows}
    assert kinds == {"Court"}
    assert run(small, "search", {"q": "诉源治理"}).rows


def test_every_page_of_the_documents_is_one_text(small) -> None:
    """`all_documents` spliced its page into the Cypher text: each page a new text for Neo4j
    to plan (an audit's finding). The page now travels as a parameter."""
    q = get("all_documents")
    sent = {prepared(small, q, {"page": page})[0] for page in (1, 2, 7, 100_000)}
    assert len(sent) == 1
    assert prepared(small, q, {"page": 3})[1]["page"] == 3


def _sample(p: Param, small) -> Any:
    """A value for parameter `p` that the small graph answers (its kind, its range)."""
    by_name: dict[str, Any] = {
        "initiative": g.SUYUAN,
        "unit": g.BING,
        "court": g.MID,
        "entity": g.BING,
        "source": g.BING,
        "target": g.MID,
        "units": g.BING,
        "ids": g.BING,
        "doc": g.DOC_A,
        "province": "甲省",
        "figure": "60",
        "fact_id": _any_fact(small),
    }
    if p.type == "choice":
        return p.choices[-1]
    if p.type == "int":
        return p.maximum if p.splice else p.minimum
    if p.type == "bool":
        return True
    if p.type == "date":
        return "2020-01"
    if p.type == "labels":
        return "Court,Initiative"
    if p.type == "search":
        return "人民法院"
    if p.type == "collections":
        return "样例"
    return by_name[p.name]


def _any_fact(small) -> str:
    return str(small.read("MATCH ()-[r:ADOPTED]->() RETURN min(r.fact_id) AS f")[0]["f"])


def _spliced(q, text: str, params: dict[str, Any]) -> str:
    for p in q.params:
        if p.splice:
            text = text.replace("{" + p.name + "}", str(int(params[p.name])))
    return text


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_query_sends_a_fixed_text_with_stable_parameter_types(small, name: str) -> None:
    """Every named query, with every combination of its optional parameters set or left
    out, sends one of its own texts (`NamedQuery.texts`) with the same parameter names and
    types (a server that caches plans by both plans each once). The collection filter alone
    may travel as null (choosing collections or not: two plans at most)."""
    q = get(name)
    required = {p.name: _sample(p, small) for p in q.params if p.required}
    optional = [p for p in q.params if not p.required]
    signatures = set()
    for n in range(len(optional) + 1):
        for combo in itertools.combinations(optional, n):
            raw = {**required, **{p.name: _sample(p, small) for p in combo}}
            cypher, params = prepared(small, q, raw)
            texts = {_spliced(q, t, params) for t in q.texts().values()}
            assert cypher in texts, [p.name for p in combo]
            nulls = {k for k, v in params.items() if v is None}
            assert nulls <= {"collections", "collections_docs"}, ([p.name for p in combo], nulls)
            signatures.add(
                _signature(
                    {
                        k: v
                        for k, v in params.items()
                        if k not in ("collections", "collections_docs")
                    }
                )
            )
    assert len(signatures) == 1, sorted(signatures)


#: a court of a second province with a court below it, the document naming them (dated before
#: the small graph's), and 丁县法院 running the other initiative: each optional filter of the
#: queries below then keeps some rows of the small graph and leaves out others
YI_MID = g.entity_id("Court", "乙省戌市中级人民法院")
YI_BASIC = g.entity_id("Court", "乙省戌市亥县人民法院")
DOC_OLD = g.document_id("f" * 64)


def with_second_province_and_initiative(store) -> None:
    """A step for `small_graph_in` (see above)."""
    s1 = "亥县法院隶属戌市中院。"
    s2 = "丁县法院试行枫桥式人民法庭。"
    store.write_documents(
        [
            g.DocumentGraph(
                id=DOC_OLD,
                props={"title": "样例文档己", "date": "2019-04-02", "content_hash": "f" * 64},
                nodes=[
                    g.NodeRow(
                        "Court",
                        YI_MID,
                        {
                            "name": "乙省戌市中级人民法院",
                            "level": "intermediate",
                            "province": "乙省",
                        },
                    ),
                    g.NodeRow(
                        "Court",
                        YI_BASIC,
                        {"name": "乙省戌市亥县人民法院", "level": "basic", "province": "乙省"},
                    ),
                ],
                mentions=[
                    g.MentionRow(YI_BASIC, "亥县法院", s1, 0, 4),
                    g.MentionRow(YI_MID, "戌市中院", s1, 6, 10),
                    g.MentionRow(g.DING, "丁县法院", s2, 0, 4),
                    g.MentionRow(g.FENGQIAO, "枫桥式人民法庭", s2, 6, 13),
                ],
                facts=[
                    g.FactRow("PART_OF", YI_BASIC, YI_MID, (), {}, g._ev(s1)),
                    g.FactRow(
                        "ADOPTED",
                        g.DING,
                        g.FENGQIAO,
                        ("piloted",),
                        {"stage": "piloted"},
                        g._ev(s2, "2019-03", "month"),
                    ),
                ],
            )
        ]
    )


def _in_province(province: str):
    return lambda r: r["province"] == province


#: per query: its required parameters, one optional filter set, and what a row it keeps is
FILTERED: dict[str, tuple[dict[str, Any], dict[str, Any], Any]] = {
    "units": ({}, {"province": "乙省"}, _in_province("乙省")),
    "superior_courts": ({}, {"province": "乙省"}, _in_province("乙省")),
    "adoption_events": (
        {},
        {"initiative": g.FENGQIAO},
        lambda r: r["initiative"] == "枫桥式人民法庭",
    ),
    "adoption_summary": (
        {},
        {"initiative": g.FENGQIAO},
        lambda r: r["initiative_id"] == g.FENGQIAO,
    ),
    "coverage": (
        {"initiative": g.SUYUAN, "court": g.MID},
        {"level": "basic"},
        lambda r: r["level"] == "basic",
    ),
    "latest_documents": ({}, {"since": "2020"}, lambda r: r["date"] >= "2020"),
    "neighbourhood": (
        {"entity": g.BING},
        {"kinds": "Court,Initiative"},
        lambda r: {r["source_kind"], r["target_kind"]} <= {"Court", "Initiative"},
    ),
    "adopter_outcomes": (
        {"initiative": g.SUYUAN},
        {"units": g.MID},
        lambda r: r["unit_id"] == g.MID,
    ),
}


@pytest.mark.parametrize("name", sorted(FILTERED))
def test_a_filter_left_out_keeps_every_row_and_a_filter_set_filters(store, name: str) -> None:
    """The queries that send `absent` for a filter left out ('' or []) answer as when it
    traveled as null: every row when left out, only the rows it keeps when set."""
    graph = small_graph_in(store, with_second_province_and_initiative)
    required, filters, kept = FILTERED[name]
    every = run(graph, name, required).rows
    some = run(graph, name, {**required, **filters}).rows
    assert all(kept(r) for r in some), some
    assert any(not kept(r) for r in every), every
    key = lambda r: repr(sorted(r.items()))  # noqa: E731
    assert sorted(map(key, some)) == sorted(key(r) for r in every if kept(r))


def test_a_tally_left_out_counts_every_initiative(store) -> None:
    graph = small_graph_in(store, with_second_province_and_initiative)
    every = run(graph, "adoption_tally", {}).rows[0]["facts"]
    one = run(graph, "adoption_tally", {"initiative": g.FENGQIAO}).rows[0]["facts"]
    other = run(graph, "adoption_tally", {"initiative": g.SUYUAN}).rows[0]["facts"]
    assert one == 1 and other > 1 and every == one + other
