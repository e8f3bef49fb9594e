"""The filtered named queries send one Cypher text with one set of parameter types whichever
filters are set, so a server that caches plans by text and parameter types (Neo4j) plans
each once, and the filters still filter."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from queries import get, run
from queries.registry import prepared
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
