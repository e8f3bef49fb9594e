"""A table's 文档数 and its documents follow the chosen collections: a fact supported by
documents in and out of the chosen collections counts only those in them (a new user saw
文档数 2 in a collection of one document)."""

from __future__ import annotations

import pytest

from queries.registry import run
from tests import graph_fixtures as g
from tests.conftest import small_graph_in


@pytest.fixture
def graph(server_store):
    """The small graph: 丙区 adopted 诉源治理 in documents A and B, and reported a rate in A."""
    return small_graph_in(server_store)


def test_documents_of_a_fact_are_those_of_the_chosen_collections(graph) -> None:
    from graph.collections import add_to_collection

    add_to_collection(graph, g.DOC_A, "甲集")
    add_to_collection(graph, g.DOC_B, "乙集")
    every = {
        r["unit_id"]: r["documents"] for r in run(graph, "adopters", {"initiative": g.SUYUAN}).rows
    }
    assert every[g.BING] == 2
    chosen = run(graph, "adopters", {"initiative": g.SUYUAN, "collections": "乙集"}).rows
    assert {r["unit_id"]: r["documents"] for r in chosen}[g.BING] == 1
    own = run(graph, "adopted_by", {"unit": g.BING, "collections": "乙集"}).rows
    assert [(r["documents"], r["doc_ids"]) for r in own] == [(1, [g.DOC_B])]
    assert [r["documents"] for r in run(graph, "adopted_by", {"unit": g.BING}).rows] == [2]
    rates = run(graph, "unit_outcomes", {"unit": g.BING, "collections": "甲集,乙集"}).rows
    assert [r["documents"] for r in rates] == [1]


def test_neighbourhood_follows_the_chosen_collections(graph) -> None:
    """网络 showed facts of every collection whatever the sidebar chose (a new user saw
    another collection's initiatives and people around their court): with collections the
    neighbourhood walks only the facts their documents support, and the roster's hierarchy."""
    from graph.collections import add_to_collection
    from queries.explore import neighbourhood_graph

    add_to_collection(graph, g.DOC_A, "甲集")
    add_to_collection(graph, g.DOC_B, "乙集")

    def edges(rows):
        return {(r["source"], r["type"], r["target"]) for r in rows}

    every = edges(run(graph, "neighbourhood", {"entity": g.SUYUAN}).rows)
    assert (g.MID, "ADOPTED", g.SUYUAN) in every and (g.RATE, "REPORTED", g.SUYUAN) in every
    only_b = run(graph, "neighbourhood", {"entity": g.SUYUAN, "collections": "乙集"}).rows
    assert edges(only_b) == {(g.BING, "ADOPTED", g.SUYUAN), (g.DING, "ADOPTED", g.SUYUAN)}
    # two steps: the roster's hierarchy (reference data) stays; 甲集's role and figure do not
    two = edges(
        run(graph, "neighbourhood", {"entity": g.SUYUAN, "depth": 2, "collections": "乙集"}).rows
    )
    assert (g.BING, "PART_OF", g.MID) in two
    assert not {(g.ZHANG, "HOLDS_ROLE", g.BING), (g.BING, "REPORTED", g.RATE)} & two
    # the explorer's network: the same nodes, each fact citing only the chosen documents
    sub = neighbourhood_graph(graph, g.SUYUAN, depth=2, collections=["乙集"])
    assert g.ZHANG not in sub and g.RATE not in sub and g.MID in sub
    assert {d for *_, ids in sub.edges(data="doc_ids") for d in ids or ()} == {g.DOC_B}
    assert g.ZHANG in neighbourhood_graph(graph, g.SUYUAN, depth=2)
