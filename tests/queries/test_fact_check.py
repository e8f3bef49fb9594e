"""Figures and briefings say how many of their facts are unverified, and can be drawn from
confirmed or corrected facts only."""

from __future__ import annotations

import io

import pytest

from figures import __main__ as cli
from figures import adoption, briefing, coverage, portfolio, timeline
from graph import review
from graph.model import fact_id
from queries.verified import FactCheck
from tests import graph_fixtures as g

BING = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")  # confirmed below
DING = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")  # left unverified


@pytest.fixture
def reviewed(arcadedb_store):
    g.load_small_graph(arcadedb_store)
    review.decide(arcadedb_store, BING, "confirm", reviewer="王审")
    return arcadedb_store


def test_fact_check_notes() -> None:
    assert FactCheck().note() == ""
    assert FactCheck.of(["confirmed", "corrected", None, "extracted"]) == FactCheck(4, 2)
    assert FactCheck(3, 0).note() == "3 条事实均已核实"
    assert FactCheck(3, 2).note() == "共 3 条事实，其中 2 条尚未核实"
    assert FactCheck(3, 0, verified_only=True).note() == "仅含已核实的 3 条事实"


def test_adoption_map_counts_unverified_and_can_leave_them_out(reviewed) -> None:
    # under 乙市中院: its own promotion, 丙区's adoption (confirmed), 丁县's pilot
    every = adoption.adoption_map(reviewed, "诉源治理", g.MID)
    assert (every.check.facts, every.check.unverified) == (3, 2)
    stages = {u.id: u.stage for u in every.units}
    assert stages[g.BING] == "adopted" and stages[g.DING] == "piloted"
    svg = adoption.draw_adoption_map(every, fmt="svg").decode("utf-8")
    assert "其中 2 条尚未核实" in svg

    only = adoption.adoption_map(reviewed, "诉源治理", g.MID, verified_only=True)
    stages = {u.id: u.stage for u in only.units}
    assert stages[g.BING] == "adopted" and stages[g.DING] is None  # dropped
    assert only.court.stage is None and only.court.date is None
    assert only.check == FactCheck(3, 2, verified_only=True)
    svg = adoption.draw_adoption_map(only, fmt="svg").decode("utf-8")
    assert "仅含已核实的 1 条事实" in svg and "未见已核实的报道" in svg


def test_timeline_portfolio_and_coverage_leave_unverified_out(reviewed) -> None:
    tl, check = timeline.checked_timeline(reviewed, "诉源治理")
    assert check.unverified == check.facts - 1 and {u["unit_id"] for u in tl.first} >= {
        g.BING,
        g.DING,
    }
    tl, check = timeline.checked_timeline(reviewed, "诉源治理", verified_only=True)
    assert [u["unit_id"] for u in tl.first] == [g.BING] and tl.cumulative[-1][1] == 1
    assert "仅含已核实的 1 条事实" in timeline.draw_timeline(tl, fmt="svg", check=check).decode()

    pf = portfolio.portfolio(reviewed, g.MID, verified_only=True)
    suyuan = next(i for i in pf.items if i.initiative == "诉源治理")
    assert suyuan.units == {g.BING: ("adopted", "2022-12")} and suyuan.own is None
    assert pf.check.verified_only and pf.check.unverified == pf.check.facts - 1
    assert portfolio.portfolio(reviewed, g.MID).check.unverified == pf.check.unverified

    cov = coverage.coverage_map(reviewed, "诉源治理", verified_only=True)
    assert [(r.name, r.adopted, r.units) for r in cov.regions] == [("甲省", 1, 5)]
    assert cov.check == FactCheck(3, 2, verified_only=True)


def test_briefing_states_unverified_facts_and_can_keep_to_verified(reviewed) -> None:
    from docx import Document
    from pptx import Presentation

    every = briefing.gather(reviewed, "诉源治理", g.MID)
    # 3 adoptions + the figure (the unit's report and its link to the initiative)
    assert (every.check.facts, every.check.unverified) == (5, 4)
    assert any("合计 5 条事实，其中 4 条尚未核实" in line for line in every.headline())

    b = briefing.gather(reviewed, "诉源治理", g.MID, verified_only=True)
    assert {a["unit_id"] for a in b.adopters} == {g.BING}
    assert b.outcomes == [] and [u["unit_id"] for u in b.timeline.first] == [g.BING]
    doc = Document(io.BytesIO(briefing.to_docx(b)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "合计已核实的事实 1 条（另有 4 条尚未核实，未计入）" in text
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "丙区法院" in cells and "丁县法院" not in cells
    prs = Presentation(io.BytesIO(briefing.to_pptx(b)))
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    assert "另有 4 条尚未核实" in notes
    assert "仅含已核实的事实" in prs.slides[0].placeholders[1].text


def test_cli_verified_only(reviewed, tmp_path, capsys) -> None:
    args = cli.argparse.Namespace(
        command="map", initiative="诉源治理", court=g.MID, scale=1, verified_only=True
    )
    assert "仅含已核实的 1 条事实" in cli._make(reviewed, args, ".svg").decode("utf-8")
    # every figure command takes the flag (the wrong extension stops it before the store)
    for command in ("map", "timeline", "brief", "portfolio", "coverage"):
        argv = [command, "诉源治理", "--verified-only", "-o", str(tmp_path / "x.txt")]
        argv += ["--court", "乙市中院"] if command == "map" else []
        assert cli.main(argv) == 1
        assert capsys.readouterr().err.startswith("Error:")


def test_unit_briefing_states_unverified_facts_and_can_keep_to_verified(reviewed) -> None:
    from docx import Document
    from pptx import Presentation

    from figures import unit_briefing

    # 3 adoptions (丙区's confirmed), the figure (its report and its link), 张三's role
    every = unit_briefing.gather(reviewed, g.MID)
    assert (every.check.facts, every.check.unverified) == (6, 5)
    assert "共 6 条事实，其中 5 条尚未核实。" in every.headline()

    b = unit_briefing.gather(reviewed, g.MID, verified_only=True)
    assert b.check == FactCheck(6, 5, verified_only=True)
    assert {r["unit_id"] for r in b.reports} == {g.BING}
    assert b.outcomes == [] and b.people == []
    (suyuan,) = b.portfolio.items
    assert suyuan.own is None and suyuan.units == {g.BING: ("adopted", "2022-12")}
    doc = Document(io.BytesIO(unit_briefing.to_docx(b)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "仅含已核实的 1 条事实（另有 5 条尚未核实，未计入）" in text
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert "1（推行 1）" in cells
    assert not {"丁县法院", "调解率", "张三", "上级推广 2022-11"} & cells
    prs = Presentation(io.BytesIO(unit_briefing.to_pptx(b)))
    assert "仅含已核实的事实" in prs.slides[0].placeholders[1].text
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide)
    assert "另有 5 条尚未核实" in notes
