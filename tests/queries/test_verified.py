"""只看已核实: with verified=true every fact-returning named query answers from confirmed or
corrected facts only, and with verified=false (the default) from every fact, on every store."""

from __future__ import annotations

from typing import Any

import pytest

from graph import review
from graph.model import fact_id
from queries import explore, library, run
from queries.registry import NamedQuery
from tests import graph_fixtures as g
from tests.conftest import small_graph_in

VERIFIED = {"confirmed", "corrected"}
WHO = "审核员甲"

# the facts of the small graph a reviewer decided (the rest stay 待核实)
BING_SUYUAN = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")  # confirmed
MID_SUYUAN = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")  # corrected (its date)
DING_SUYUAN = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")  # extracted
ZHANG_ROLE = fact_id("HOLDS_ROLE", g.ZHANG, g.BING, "院长")  # extracted
BING_RATE = fact_id("REPORTED", g.BING, g.RATE)  # confirmed; the figure's link: extracted
DONGHU_PART = fact_id("PART_OF", g.DONGHU, g.BING)  # extracted (from a sentence, no roster)

# every fact-returning query of these modules, with parameters that reach decided and
# undecided facts (a query added there must be added here)
CASES: dict[str, dict[str, Any]] = {
    "adopters": {"initiative": g.SUYUAN},
    "adopted_by": {"unit": g.DING},
    "people": {"unit": g.BING},
    "unit_outcomes": {"unit": g.BING},
    "initiative_outcomes": {"initiative": g.SUYUAN},
    "neighbourhood": {"entity": g.BING, "depth": 2},
    "path": {"source": g.DONGHU, "target": g.MID},
    "evidence": {"fact_id": DING_SUYUAN},
    "coverage": {"initiative": g.SUYUAN, "court": g.HIGH},
    "top_initiatives": {},
    "initiatives": {},
    "fact": {"fact_id": DING_SUYUAN},
    "document_evidence": {"doc": g.DOC_A},
    "unit_portfolio": {"unit": g.MID},
    "hierarchy": {"unit": g.BING},
    "outcomes_under": {"unit": g.HIGH},
    "people_under": {"unit": g.HIGH},
}


def _decisions(store) -> None:
    review.decide_many(store, [BING_SUYUAN, BING_RATE], "confirm", reviewer=WHO)
    review.decide(store, MID_SUYUAN, "correct", reviewer=WHO, new={"date": "2022-10"})


@pytest.fixture
def reviewed(server_store):
    """The small graph with three decisions, on each server (made afresh only when the
    previous test changed the graph)."""
    return small_graph_in(server_store, _decisions)


def _statuses(store) -> dict[str, str]:
    """fact id -> review status ('reference' for the roster's hierarchy)."""
    rows = store.read(
        "MATCH (:Entity)-[r]->(:Entity) WHERE r.fact_id IS NOT NULL "
        "RETURN r.fact_id AS f, r.review_status AS s, r.source AS src"
    )
    return {r["f"]: r["s"] or ("reference" if r["src"] else "extracted") for r in rows}


def _both(store, name: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    raw = CASES[name]
    every = run(store, name, {**raw, "verified": "false"}).rows
    assert every == run(store, name, raw).rows, "verified=false is the default"
    return every, run(store, name, {**raw, "verified": "true"}).rows


def _module_queries() -> list[NamedQuery]:
    from queries import documents

    return [
        v
        for m in (library, explore, documents)
        for v in vars(m).values()
        if isinstance(v, NamedQuery)
    ]


def test_every_fact_query_of_the_library_takes_verified_and_is_covered() -> None:
    # initiative_fact_status counts the unverified facts behind a figure: it lists them all;
    # figure_reports finds the fact a reviewer's correction goes to, whatever its status
    exempt = {"initiative_fact_status", "figure_reports"}
    for q in _module_queries():
        takes = any(p.name == "verified" for p in q.params)
        facts = any(t in c for c in q.texts().values() for t in ("ADOPTED", "REPORTED"))
        if facts and q.name not in exempt:
            assert takes, f"{q.name} returns or counts facts but takes no `verified`"
        if takes:
            assert q.name in CASES, f"{q.name} takes `verified`: add it to CASES"


@pytest.mark.parametrize(
    "name",
    [
        "adopters",
        "adopted_by",
        "people",
        "neighbourhood",
        "fact",
        "document_evidence",
        "unit_portfolio",
        "people_under",  # (outcomes_under: the test graph's one figure is confirmed)
    ],
)
def test_fact_lists_keep_only_confirmed_facts(reviewed, name: str) -> None:
    status = _statuses(reviewed)
    every, verified = _both(reviewed, name)
    ok = {"confirmed", "corrected", "reference"}
    every_ids = {r["fact_id"] for r in every}
    assert {status[f] for f in every_ids} - ok, f"{name}: the case reaches no unverified fact"
    assert {r["fact_id"] for r in verified} == {f for f in every_ids if status[f] in ok}
    for r in verified:  # the rows say their status
        if "status" in r:
            assert r["status"] in ok


def test_the_lists_say_each_facts_status(reviewed) -> None:
    rows = run(reviewed, "adopters", {"initiative": g.SUYUAN}).rows
    assert {r["unit_id"]: r["status"] for r in rows} == {
        g.BING: "confirmed",
        g.MID: "corrected",
        g.DING: "extracted",
    }
    edges = run(reviewed, "neighbourhood", {"entity": g.BING}).rows
    assert {(r["source"], r["target"]): r["status"] for r in edges if r["type"] == "PART_OF"} == {
        (g.BING, g.MID): "reference",
        (g.DONGHU, g.BING): "extracted",
    }


def test_figures_need_both_their_facts(reviewed) -> None:
    # the unit's figure is confirmed, its link to the initiative is not
    every, verified = _both(reviewed, "initiative_outcomes")
    assert [(r["status"], r["link_status"]) for r in every] == [("confirmed", "extracted")]
    assert verified == []
    every, verified = _both(reviewed, "unit_outcomes")
    assert [(r["initiative"], r["link_status"]) for r in every] == [("诉源治理", "extracted")]
    assert [(r["fact_id"], r["initiative"]) for r in verified] == [(BING_RATE, None)]


def test_evidence_of_an_unverified_fact_is_left_out(reviewed) -> None:
    every, verified = _both(reviewed, "evidence")
    assert every and verified == []
    confirmed = run(reviewed, "evidence", {"fact_id": BING_SUYUAN, "verified": True}).rows
    assert len(confirmed) == 2  # both documents' sentences


def test_coverage_counts_confirmed_adoptions(reviewed) -> None:
    every, verified = _both(reviewed, "coverage")
    assert {r["unit_id"] for r in every if r["adopted"]} == {g.MID, g.BING, g.DING}
    assert {r["unit_id"] for r in verified if r["adopted"]} == {g.MID, g.BING}
    assert {r["unit_id"] for r in every} == {r["unit_id"] for r in verified}  # same units
    assert {r["unit_id"]: r["statuses"] for r in every if r["adopted"]} == {
        g.MID: ["corrected"],
        g.BING: ["confirmed"],
        g.DING: ["extracted"],
    }


@pytest.mark.parametrize("name", ["top_initiatives", "initiatives"])
def test_counts_come_from_confirmed_adoptions(reviewed, name: str) -> None:
    every, verified = _both(reviewed, name)
    units = {r["initiative_id"]: r["units"] for r in every}
    assert units[g.SUYUAN] == 3
    assert {r["initiative_id"]: r["units"] for r in verified}.get(g.SUYUAN) == 2
    if name == "top_initiatives":
        top = next(r for r in verified if r["initiative_id"] == g.SUYUAN)
        assert top["first_date"] == "2022-10"  # the corrected date
    else:  # every initiative stays pickable
        assert {r["initiative_id"] for r in verified} == set(units)


def test_paths_go_through_confirmed_facts(reviewed) -> None:
    every, verified = _both(reviewed, "path")
    assert every and every[0]["types"] == ["PART_OF", "PART_OF"]
    assert verified == []  # 东湖法庭 hangs on an unverified sentence only
    roster = run(reviewed, "path", {"source": g.BING, "target": g.HIGH, "verified": True}).rows
    assert [r["types"] for r in roster] == [["PART_OF", "PART_OF"]]  # the roster counts
    # the 1, 2 and 3 step shortcuts filter too when chosen by hand
    q = library.PATH
    from queries.registry import prepared

    for variant in q.variants.values():
        cypher, params = prepared(
            reviewed, q, {"source": g.DONGHU, "target": g.MID, "verified": True}, cypher=variant
        )
        assert reviewed.read(cypher, params) == []


def test_the_rosters_hierarchy_stays(reviewed) -> None:
    every, verified = _both(reviewed, "hierarchy")
    down = [r["id"] for r in every if r["direction"] == "down"]
    assert down == [g.DONGHU]  # named by a sentence, not verified
    assert [r["id"] for r in verified if r["direction"] == "down"] == []
    ups = [r["id"] for r in every if r["direction"] == "up"]
    assert ups == [g.SPC, g.HIGH, g.MID]  # the roster's
    assert [r["id"] for r in verified if r["direction"] == "up"] == ups


def test_every_case_answers_with_the_switch_on(reviewed) -> None:
    for name in CASES:
        _both(reviewed, name)  # no error on either text
