"""Slide-ready figures and briefings: each format opens and holds what it should."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from figures import __main__ as cli
from figures import adoption, briefing
from figures.deck import Deck
from figures.timeline import draw_timeline
from tests import graph_fixtures as g


@pytest.fixture
def small(arcadedb_store):  # type: ignore[no-untyped-def]
    g.load_small_graph(arcadedb_store)
    return arcadedb_store


def test_adoption_map_marks_each_unit_by_its_own_stage(small) -> None:  # type: ignore[no-untyped-def]
    data = adoption.adoption_map(small, "诉源治理", g.MID)
    stages = {u.name: u.stage for u in data.units}
    assert stages["甲省乙市丙区人民法院"] == "adopted"
    assert stages["甲省乙市丁县人民法院"] == "piloted"
    assert stages["甲省乙市戊县人民法院"] is None
    assert data.court.stage == "promoted" and data.court.date == "2022-11"
    assert ("basic", 2, 3) in data.counts()
    # the tribunal hangs under its basic court, indented, in that court's column
    cols = adoption.columns_of(data)
    bing = next(c for c in cols if c[0][0].id == g.BING)
    assert [(u.id, indent) for u, indent in bing] == [(g.BING, 0), (g.DONGHU, 1)]


def test_boxes_never_share_a_slot_and_long_columns_continue() -> None:
    units = [
        adoption.MapUnit(f"court:u{i}", f"甲省乙市第{i}区人民法院", "basic", parent="court:top")
        for i in range(40)
    ]
    data = adoption.AdoptionMap(
        "某举措", adoption.MapUnit("court:top", "甲省乙市中级人民法院", "intermediate"), units
    )
    placed, ncols, nrows, size, _ = adoption.place(adoption.columns_of(data), 15.0, 6.0)
    slots = [(p.column, p.row) for p in placed]
    assert len(slots) == len(set(slots)) == 40
    assert ncols * nrows >= 40 and size >= 8


def test_adoption_map_png_and_svg(small) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    data = adoption.adoption_map(small, "诉源治理", g.MID)
    png = adoption.draw_adoption_map(data)
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)
    assert Image.open(io.BytesIO(adoption.draw_adoption_map(data, scale=2))).size == (3840, 2160)
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "<text" in svg and "丙区法院" in svg and "尚未报道" in svg  # text kept as text
    assert "Courtgraph Sans SC" in svg


def test_timeline_counts_undated_reports_in_its_note(small) -> None:  # type: ignore[no-untyped-def]
    from queries.analytics import timeline

    svg = draw_timeline(timeline(small, "诉源治理"), fmt="svg").decode("utf-8")
    assert "<text" in svg and "扩散时间线" in svg


def _pptx_parts(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_deck_is_16_9_with_editable_titles_and_native_charts() -> None:
    from pptx import Presentation

    deck = Deck("测试")
    deck.chart_slide("各层级", ["中级法院", "基层法院"], {"已有报道": [1, 2]}, kind="bar")
    deck.table_slides("开展单位", ["单位", "阶段"], [["丙区法院", "推行"]] * 30)
    data = deck.save()
    prs = Presentation(io.BytesIO(data))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    xml = zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml").decode()
    assert "screen4x3" not in xml
    assert any(p.startswith("ppt/charts/chart") for p in _pptx_parts(data))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["各层级", "开展单位（1/3）", "开展单位（2/3）", "开展单位（3/3）"]


def test_briefing_docx_and_pptx_hold_the_tables_charts_and_sources(small) -> None:  # type: ignore[no-untyped-def]
    from docx import Document
    from pptx import Presentation

    b = briefing.gather(small, "诉源治理", g.MID)
    assert {a["unit_id"] for a in b.adopters} == {g.BING, g.DING, g.MID}
    # under 丙区法院 the briefing speaks of that court (and its tribunal) only
    under = briefing.gather(small, "诉源治理", g.BING)
    assert {a["unit_id"] for a in under.adopters} == {g.BING}
    assert [u["unit_id"] for u in under.timeline.first] == [g.BING]
    assert [o["metric"] for o in b.outcomes] == ["调解率"]
    assert {s["title"] for s in b.sources} >= {"样例文档甲"}
    doc = Document(io.BytesIO(briefing.to_docx(b)))
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert {"丙区法院", "试点", "调解率", "戊县法院"} & cells >= {"丙区法院", "试点", "调解率"}
    assert len(doc.tables) == 3  # coverage, adopters, outcomes
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "尚未见报道的单位：戊县法院" in text and "[2] 样例文档甲，2023-05-01" in text
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml  # page numbers
    assert len(doc.inline_shapes) == 2  # adoption map, timeline
    deck = briefing.to_pptx(b)
    prs = Presentation(io.BytesIO(deck))
    titles = [s.shapes.title.text for s in prs.slides]
    assert "乙市中院辖区采用情况" in titles and "资料来源" in titles
    assert sum(p.startswith("ppt/charts/chart") for p in _pptx_parts(deck)) == 2


def test_cli_names_the_format_by_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["map", "诉源治理", "--court", "乙市中院", "-o", str(tmp_path / "m.txt")])
    assert code == 1
    assert capsys.readouterr().err.startswith("Error:") and not list(tmp_path.iterdir())
