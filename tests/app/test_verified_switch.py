"""The sidebar's 只看已核实 switch (issue 11): it changes the answers of the pages, every fact
table says how many of its facts are unverified, and the switch stays in the URL."""

from __future__ import annotations

import pytest

from graph import review
from graph.model import fact_id
from tests import graph_fixtures as g
from tests.app.test_pages import frame, no_trouble, texts, url

BING_SUYUAN = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
DING_SUYUAN = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")


@pytest.fixture
def reviewed(small_store, app):
    """Of 诉源治理's three adoptions, a reviewer confirmed 丙区's."""
    from ui import state

    review.decide(small_store, BING_SUYUAN, "confirm", reviewer="审核员甲")
    state.clear_caches()
    return small_store


def test_the_switch_changes_the_answer_and_stays_in_the_url(reviewed, app) -> None:
    at = app(page="initiative", id=g.SUYUAN)
    no_trouble(at)
    assert at.toggle(key="scope.verified").value is False
    assert len(frame(at, "initiative.adopters_table")) == 3
    assert "共 3 条事实，其中 2 条尚未核实" in texts(at, "caption")

    at.toggle(key="scope.verified").set_value(True).run()
    no_trouble(at)
    assert url(at, "verified") == "1"
    assert list(frame(at, "initiative.adopters_table")["单位"]) == ["甲省乙市丙区人民法院"]
    assert "仅含已核实的 1 条事实（另有 2 条尚未核实，未计入）" in texts(at, "caption")
    # another page answers from the confirmed facts too, and the link keeps the switch
    at.sidebar.radio[0].set_value("unit").run()
    assert url(at, "verified") == "1"

    # a copied link opens with the switch on
    shared = app(page="unit", id=g.DING, verified="1")
    no_trouble(shared)
    assert shared.toggle(key="scope.verified").value is True
    assert not [df for df in shared.dataframe if "举措页" in df.value.columns]
    assert "仅含已核实的 0 条事实（另有 1 条尚未核实，未计入）" in texts(shared, "caption")
    assert "仅含已核实的 0 条事实" not in texts(shared, "caption")  # tables without facts
    shared.toggle(key="scope.verified").set_value(False).run()
    assert url(shared, "verified") is None
    assert len(frame(shared, "unit.initiatives")) == 1


def test_unit_tables_count_their_unverified_facts(reviewed, app) -> None:
    at = app(page="unit", id=g.BING)
    no_trouble(at)
    assert "1 条事实均已核实" in texts(at, "caption")  # 丙区's one adoption
    for tab in ("人员及职务", "成效数据"):  # its people, its figures
        at = app(page="unit", id=g.BING, tab=tab)
        no_trouble(at)
        assert texts(at, "caption").count("共 1 条事实，其中 1 条尚未核实") == 1


def test_an_unverified_facts_evidence_says_why_it_is_hidden(reviewed, app) -> None:
    at = app(page="evidence", fact=DING_SUYUAN, verified="1")
    no_trouble(at)
    assert any("尚未核实" in i for i in texts(at, "info"))
    at = app(page="evidence", fact=BING_SUYUAN, verified="1")
    no_trouble(at)
    assert any("核实状态：已确认" in c for c in texts(at, "caption"))


def test_the_overview_ranking_counts_its_unverified_facts(reviewed, app) -> None:
    """总览's most adopted initiatives: how many of the adoption facts behind the unit
    counts are unverified, and with the switch how many were left out."""
    n = reviewed.read("MATCH (:Entity)-[a:ADOPTED]->(:Entity) RETURN count(a) AS n")[0]["n"]
    at = app(page="overview")
    no_trouble(at)
    assert any(
        f"单位数背后的推行记录：共 {n} 条事实，其中 {n - 1} 条尚未核实" in c
        for c in texts(at, "caption")
    )
    at.toggle(key="scope.verified").set_value(True).run()
    no_trouble(at)
    assert any(
        f"仅含已核实的 1 条事实（另有 {n - 1} 条尚未核实，未计入）" in c
        for c in texts(at, "caption")
    )


def test_the_path_page_counts_the_unverified_facts_it_draws(reviewed, app) -> None:
    """路径 draws the facts among the path's entities and says how many are unverified (丁县's
    piloting of 诉源治理 is; 丙区's confirmed one is not on this path)."""
    at = app(page="path", **{"from": g.DING, "to": g.SUYUAN})
    no_trouble(at)
    assert "图中的关系：共 1 条事实，其中 1 条尚未核实" in texts(at, "caption")
    at = app(page="path", **{"from": g.BING, "to": g.SUYUAN})
    no_trouble(at)
    assert "图中的关系：1 条事实均已核实" in texts(at, "caption")


def test_a_rejected_or_corrected_facts_link_says_who_decided(reviewed, app) -> None:
    """A link shared before a decision took the fact away says what happened to it (who,
    when, why; the corrected fact's page), not that the link has expired."""
    review.decide(reviewed, DING_SUYUAN, "reject", reviewer="审核员乙", note="不是该单位的做法")
    review.decide(
        reviewed,
        fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted"),
        "correct",
        reviewer="审核员丙",
        new={"stage": "adopted"},
    )
    at = app(page="evidence", fact=DING_SUYUAN)
    no_trouble(at)
    assert any("已被驳回：审核员乙" in w and "不是该单位的做法" in w for w in texts(at, "warning"))
    at = app(page="evidence", fact=fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted"))
    no_trouble(at)
    assert any("已由 审核员丙" in i for i in texts(at, "info"))
    moved = fact_id("ADOPTED", g.MID, g.SUYUAN, "adopted")
    assert at.get("link_button")[0].proto.url == f"?page=evidence&fact={moved}"
