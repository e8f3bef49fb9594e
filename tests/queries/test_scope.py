"""The chosen collections kept on the client (queries/scope.py: `Chosen`, for rows of queries
that take no `collections`, as the figures and the explorer's unit page read them) keep what the
server's test (`queries.library.in_collections` / `docs_in_collections`) keeps."""

from __future__ import annotations

import pytest

from graph.collections import add_to_collection
from queries.registry import run
from queries.scope import Chosen, chosen
from tests import graph_fixtures as g
from tests.conftest import small_graph_in


@pytest.fixture
def graph(server_store):
    """The small graph: document A in 甲集, document B in 乙集."""
    store = small_graph_in(server_store)
    add_to_collection(store, g.DOC_A, "甲集")
    add_to_collection(store, g.DOC_B, "乙集")
    return store


@pytest.mark.parametrize("names", [(), ("甲集",), ("乙集",), ("甲集", "乙集")])
def test_the_client_keeps_what_the_server_keeps(graph, names: tuple[str, ...]) -> None:
    scope = chosen(graph, list(names))
    for unit in (g.BING, g.DING):
        _same(graph, scope, unit)


def _same(graph, scope: Chosen, unit: str) -> None:
    every = run(graph, "adopted_by", {"unit": unit}).rows
    server = run(graph, "adopted_by", scope.params("adopted_by", {"unit": unit})).rows
    assert every, "the small graph has adoptions of the unit"
    kept = {r["fact_id"] for r in server}
    assert [r["fact_id"] for r in scope.rows(every)] == [
        r["fact_id"] for r in every if r["fact_id"] in kept
    ]
    assert {r["fact_id"]: r["doc_ids"] for r in scope.trimmed(every)} == {
        r["fact_id"]: r["doc_ids"] for r in server
    }


def test_a_query_without_collections_gets_none(graph) -> None:
    scope = chosen(graph, ["甲集"])
    assert scope.params("adopters", {})["collections"] == "甲集"
    assert "collections" not in scope.params("unit_portfolio", {"unit": g.BING})
    assert Chosen().params("adopters", {}) == {}


def test_the_explorer_and_the_figures_read_the_choice_from_queries() -> None:
    """The client-side choice sits beside the server-side one in queries/, not in figures/
    (the explorer's unit page used it from there)."""
    import importlib.util

    assert importlib.util.find_spec("figures.scope") is None
