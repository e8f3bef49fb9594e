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
