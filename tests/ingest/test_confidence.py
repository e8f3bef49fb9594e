"""The confidence of a fact and the floor below which none is proposed (ingest.confidence)."""

from __future__ import annotations

from ingest.confidence import apply, confidence
from ingest.document import SourceDocument
from ingest.extract import extract_document

TABLE = {
    "adoption": {"*": {"n": 10, "tp": 8}, "adoption:subject": {"n": 20, "tp": 19}},
    "outcome": {"*": {"n": 10, "tp": 9}},
    "link": {"*": {"n": 10, "tp": 5}},
    "person": {"*": {"n": 10, "tp": 10}},
}


def test_unseen_counts_only_lower_a_rule() -> None:
    mostly_wrong = {"adoption": {"adoption:subject": {"n": 30, "tp": 5}}}
    all_right = {"adoption": {"adoption:subject": {"n": 3, "tp": 3}}}
    plain = confidence("adoption", "adoption:subject", TABLE, {"adoption": 0.9}, {})
    assert confidence("adoption", "adoption:subject", TABLE, {"adoption": 0.9}, mostly_wrong) < 0.3
    assert confidence("adoption", "adoption:subject", TABLE, {"adoption": 0.9}, all_right) <= plain


def test_facts_below_the_floor_are_dropped_and_a_weak_tie_leaves_its_figure() -> None:
    text = "辽宁省本溪市中级人民法院推行诉源治理，诉前调解成功案件1200件，调解成功率达到65%。"
    ex = extract_document(SourceDocument(path="floor.txt", text=text))
    assert ex.adoptions and ex.outcomes
    tied = [o for o in ex.outcomes if o.initiative]
    apply(ex, TABLE, floor={"adoption": 1.0, "person": 0.0, "outcome": 0.0, "link": 1.0})
    assert ex.adoptions == []
    assert ex.outcomes, "an outcome above its floor stays"
    assert all(o.initiative is None and o.link_confidence is None for o in ex.outcomes)
    assert len(ex.outcomes) >= len(tied)
    ex2 = extract_document(SourceDocument(path="floor.txt", text=text))
    apply(ex2, TABLE, floor={})
    assert ex2.adoptions, "no floor keeps every proposed adoption"


def test_a_visit_has_its_rules_own_prior_while_no_table_measures_visits() -> None:
    from ingest.confidence import PRIORS, confidence, uncalibrated

    table = {"adoption": {"*": {"n": 10, "tp": 9}}}
    went, borrowed = (
        confidence("visit", "visit:went-to", table),
        confidence("visit", "visit:borrowed", table),
    )
    assert went == PRIORS["visit"]["visit:went-to"] and went > borrowed > 0.5
    assert confidence("visit", "visit:new-rule", table) == PRIORS["visit"]["*"]
    assert uncalibrated(["visit:went-to"]) and not uncalibrated(["adoption:subject"])
    # once the annotations hold visits, the fitted counts decide (the prior smooths them)
    measured = {"visit": {"*": {"n": 20, "tp": 10}, "visit:went-to": {"n": 20, "tp": 10}}}
    assert confidence("visit", "visit:went-to", measured) < 0.5
