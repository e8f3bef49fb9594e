"""A document write adjusts the adoption summaries from what it created or dated earlier: it
reads no unit's ADOPTED relationships (a court's relationships are walked to find them, and a
court of a large store has thousands), and it writes back only the lists that changed (a
popular initiative's summary is a large record). The summaries stay equal to a recount."""

from __future__ import annotations

import re
from typing import Any

from graph.model import EvidenceRow, FactRow
from tests import graph_fixtures as g
from tests.graph.test_store_cost import (
    _adopter_again,
    _adopter_doc,
    _agrees_with_a_recount,
    statements,
)

# the units' adoptions, read by `AdjustInitiatives`
_UNIT_ADOPTIONS = re.compile(r"MATCH \(u:Entity \{id: uid\}\)-\[a:ADOPTED\]->")


def _summary_sets(params: list[dict[str, Any]]) -> list[set[str]]:
    """The fields each summary write of the statements recorded sent."""
    return [set(r["changed"]) for p in params for r in p.get("rows") or [] if "changed" in r]


def test_a_write_adds_its_adoptions_without_reading_the_units(store, monkeypatch) -> None:
    g.load_small_graph(store)
    store.write_documents([_adopter_doc(i) for i in range(10)])
    _agrees_with_a_recount(store)
    # an earlier date of a known adoption: only the dates change
    params: list[dict[str, Any]] = []
    with statements(monkeypatch, params) as seen:
        store.write_documents([_adopter_again(3, "2020-03")])
    assert not [s for s in seen if _UNIT_ADOPTIONS.search(s)], seen
    assert _summary_sets(params) == [{"dates"}]
    _agrees_with_a_recount(store)
    # a known adopter at a new stage: its stages and counts, not the units
    doc = _adopter_again(4, "2024-02")
    fact = doc.facts[0]
    doc.facts = [
        FactRow(
            "ADOPTED",
            fact.src,
            fact.dst,
            ("promoted",),
            {"stage": "promoted"},
            [EvidenceRow(e.sentence, e.start, e.end, e.quote, e.date) for e in fact.evidence],
        )
    ]
    params.clear()
    with statements(monkeypatch, params) as seen:
        store.write_documents([doc])
    assert not [s for s in seen if _UNIT_ADOPTIONS.search(s)], seen
    assert _summary_sets(params) == [{"stages", "facts", "fact_count"}]
    _agrees_with_a_recount(store)
    # a new adopter, and a document written again (nothing new: nothing written)
    params.clear()
    with statements(monkeypatch, params) as seen:
        store.write_documents([_adopter_doc(12), g.document_b()])
    assert not [s for s in seen if _UNIT_ADOPTIONS.search(s)], seen
    assert {"units", "facts", "fact_count"} <= _summary_sets(params)[0]
    _agrees_with_a_recount(store)
    # deletes still adjust the summaries from the facts
    for doc_id in [doc.id, _adopter_again(3, "2020-03").id, _adopter_doc(12).id]:
        store.delete_document(doc_id)
        _agrees_with_a_recount(store)
