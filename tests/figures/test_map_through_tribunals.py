"""The adoption map and the briefing show a court that reports nothing itself while a
tribunal of its own does as covered through it (下属人民法庭已推行), never as not reported."""

from __future__ import annotations

import io
import zipfile

import pytest

from figures import adoption, briefing
from tests import graph_fixtures as g
from tests.conftest import small_graph_in, with_tribunal_of_wu_adopting


@pytest.fixture
def covered(_arcadedb_store):
    return small_graph_in(_arcadedb_store, with_tribunal_of_wu_adopting)


def test_the_map_shows_a_court_covered_through_its_tribunal(covered) -> None:
    data = adoption.adoption_map(covered, "诉源治理", g.MID)
    wu = next(u for u in data.units if u.id == g.WU)
    assert wu.stage == adoption.THROUGH_TRIBUNALS
    assert wu.through == ["甲省乙市戊县人民法院西山人民法庭"]
    assert ("basic", 2, 3) in data.counts()  # own reports, as before
    assert data.through_counts() == {"basic": 1}
    # 戊县 is not "not reported"; 东湖法庭, named by an article but on no imported roster, is
    # drawn and counted nowhere (coverage leaves it out too)
    assert data.stage_counts()[None] == 0
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "下属人民法庭已推行 1" in svg and "另 1 个下属人民法庭已推行" in svg
    # the legend's counts are of the units below (乙市中院's own 上级推广 is the line above),
    # and say that 东湖法庭, drawn in its colour, is not among them
    assert "下级单位（人民法庭未计入）：" in svg
    assert "图例（下级单位数，人民法庭未计入）" in adoption.slide_notes(data)
    assert "下属人民法庭已推行：1" in adoption.slide_notes(data)


def test_a_map_without_such_courts_keeps_its_legend(covered) -> None:
    data = adoption.adoption_map(covered, "枫桥式人民法庭", g.MID)
    assert data.through_counts() == {}
    assert "下属人民法庭已推行" not in adoption.slide_notes(data)
    series, colours = adoption.counts_series(data.counts(), data.through_counts())
    assert list(series) == ["已有报道", "尚未报道"] and len(colours) == 2


def test_the_briefing_does_not_list_it_as_not_reported(covered) -> None:
    b = briefing.gather(covered, "诉源治理", g.MID)
    assert "戊县法院" not in b.not_yet()
    assert b.through_tribunals() == ["戊县法院（西山法庭）"]
    line = next(x for x in b.headline() if "基层法院" in x)
    assert (
        "2/3 个已有报道（66.7%）" in line and "另有 1 个本院未见报道、但下属人民法庭已推行" in line
    )
    assert "合计覆盖 3/3（100%）" in line
    with zipfile.ZipFile(io.BytesIO(briefing.to_docx(b))) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "下属人民法庭已推行的法院：戊县法院（西山法庭）" in xml
    deck = briefing.to_pptx(b)
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        charts = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/charts/")]
    assert any("下属人民法庭已推行" in c for c in charts)


def test_every_count_of_not_reported_units_agrees(covered) -> None:
    """Coverage, the map's legend and the briefing once gave 99, 103 and 101 for one court:
    the map and the briefing counted tribunals no roster lists while saying they do not."""
    from queries import analytics

    _levels, missing = analytics.coverage(covered, "枫桥式人民法庭", g.MID)
    data = adoption.adoption_map(covered, "枫桥式人民法庭", g.MID)
    b = briefing.gather(covered, "枫桥式人民法庭", g.MID)
    assert any(u.level == "tribunal" and not u.roster for u in data.units)
    assert len(missing) == data.stage_counts()[None] == len(b.not_yet())
    assert "计数只含法院和已导入名录的人民法庭" in adoption.slide_notes(data)
    assert "计数只含法院和已导入名录的人民法庭" in analytics.not_reported_caveat()


def test_the_map_tells_a_tribunal_from_a_court(covered) -> None:
    """A tribunal's box has a dashed edge, and the legend says so: a reader put in front of
    牛庄法庭 beside 海城市法院 could not tell which was which."""
    import dataclasses

    data = adoption.adoption_map(covered, "诉源治理", g.MID)
    assert any(u.level == "tribunal" for u in data.units)
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert adoption.TRIBUNAL_KEY in svg
    # the legend's key and each tribunal's box are dashed; the courts' boxes are not
    tribunals = sum(u.level == "tribunal" for u in data.units)
    assert svg.count("stroke-dasharray") == tribunals + 1
    courts = dataclasses.replace(data, units=[u for u in data.units if u.level != "tribunal"])
    svg = adoption.draw_adoption_map(courts, fmt="svg").decode("utf-8")
    assert adoption.TRIBUNAL_KEY not in svg and "stroke-dasharray" not in svg
