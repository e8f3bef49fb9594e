"""The briefing of a unit (单位简报): what a court and the units under it report, as a Word
report with its tables and a 16:9 deck with the expected slides."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from figures import __main__ as cli
from figures import unit_briefing
from tests import graph_fixtures as g


@pytest.fixture
def small(arcadedb_store):
    g.load_small_graph(arcadedb_store)
    return arcadedb_store


def test_gather_reads_the_court_and_the_units_under_it(small) -> None:
    b = unit_briefing.gather(small, g.MID)
    # 丙区's tribunal is named by a document only (no roster): drawn, never counted
    assert b.court_id == g.MID and b.short == "乙市中院" and b.units_below == 3
    assert len(b.uncounted) == 1
    suyuan = next(i for i in b.portfolio.items if i.initiative == "诉源治理")
    assert suyuan.own == "promoted"
    assert suyuan.units == {g.BING: ("adopted", "2022-12"), g.DING: ("piloted", "2024-01")}
    # below 乙市中院: three basic courts (two report); the tribunal is not counted
    assert b.levels == [("basic", 2, 3)]
    assert [(o["metric"], o["initiatives"]) for o in b.outcomes] == [("调解率", ["诉源治理"])]
    assert [(p["person"], p["titles"], p["unit_id"]) for p in b.people] == [
        ("张三", ["院长"], g.BING)
    ]
    assert [d["title"] for d in b.sources] == ["样例文档乙", "样例文档甲"]  # newest first
    # 3 adoptions, the figure (its report and its link to 诉源治理), 张三's role
    assert (b.check.facts, b.check.unverified) == (6, 6)
    head = b.headline()
    assert head[0].startswith("所收文档报道乙市中院及下级 3 个单位推行改革举措 1 项")
    assert "下级 3 个单位中 2 个有推行举措的报道（基层法院 2/3 个）" in head[2]
    assert (
        "乙市中院辖区人民法庭：未导入人民法庭名录，不计覆盖率（文档提到的 1 个人民法庭未计入上述比例）。"
        in head
    )
    assert "共 6 条事实，其中 6 条尚未核实。" in head


def test_docx_has_the_tables_sources_and_page_numbers(small) -> None:
    from docx import Document

    b = unit_briefing.gather(small, g.MID)
    doc = Document(io.BytesIO(unit_briefing.to_docx(b)))
    # stages, levels, initiatives by category, reported figures, people
    assert len(doc.tables) == 5
    initiatives = doc.tables[2]
    assert [c.text for c in initiatives.rows[0].cells] == ["举措", "本院", "下级单位", "最早报道"]
    assert initiatives.rows[1].cells[0].text == "未分类（1 项）"  # a heading across the table
    assert [c.text for c in initiatives.rows[2].cells] == [
        "诉源治理",
        "上级推广 2022-11",
        "2（推行 1、试点 1）",
        "2022-11",
    ]
    outcome = [c.text for c in doc.tables[3].rows[1].cells]
    assert outcome == ["丙区法院", "调解率", "60%", "2023", "诉源治理", "[2]"]
    assert [c.text for c in doc.tables[4].rows[1].cells] == ["丙区法院", "张三", "院长", "[2]"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "乙市中院改革举措推行情况简报" in text
    assert "一、基本情况" in text and "六、资料来源" in text
    assert "文档中各单位自述的数据" in text  # reported figures are marked as such
    assert "[2] 样例文档甲，2023-05-01" in text and "http://example.test/a" in text
    assert "共 6 条事实，其中 6 条尚未核实" in text
    assert "PAGE" in doc.sections[0].footer._element.xml
    assert len(doc.inline_shapes) == 1  # the portfolio


def test_pptx_is_16_9_with_the_expected_slides(small) -> None:
    from pptx import Presentation

    data = unit_briefing.to_pptx(unit_briefing.gather(small, g.MID))
    prs = Presentation(io.BytesIO(data))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    xml = zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml").decode()
    assert "screen4x3" not in xml
    assert [s.shapes.title.text for s in prs.slides] == [
        "乙市中院改革举措推行情况",
        "基本情况",
        "乙市中院 · 改革举措一览",
        "各层级有推行举措报道的单位",
        "举措清单（按类别）",
        "报告的成效数据（单位自述，未经核实）",
        "人员及职务",
        "资料来源",
    ]
    parts = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert sum(p.startswith("ppt/charts/chart") for p in parts) == 1  # native, editable
    (table,) = [sh.table for sh in prs.slides[4].shapes if sh.has_table]
    assert [table.cell(1, j).text for j in range(5)] == [
        "未分类",
        "诉源治理",
        "上级推广 2022-11",
        "2（推行1、试点1）",  # compact on a slide
        "2022-11",
    ]


def test_a_unit_with_nothing_reported_still_gets_a_briefing(small) -> None:
    from docx import Document
    from pptx import Presentation

    b = unit_briefing.gather(small, g.WU)
    assert b.portfolio.items == [] and b.units_below == 0
    assert b.headline()[0] == "所收文档中没有戊县法院推行改革举措的报道。"
    doc = Document(io.BytesIO(unit_briefing.to_docx(b)))
    assert "所收文档没有推行改革举措的报道。" in "\n".join(p.text for p in doc.paragraphs)
    titles = [
        s.shapes.title.text for s in Presentation(io.BytesIO(unit_briefing.to_pptx(b))).slides
    ]
    assert titles == ["戊县法院改革举措推行情况", "基本情况", "资料来源"]


def test_cli_briefs_a_unit_and_keeps_the_initiative_briefing(
    small, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    args = cli.argparse.Namespace(
        command="brief", initiative=None, court=None, unit=g.MID, verified_only=False
    )
    doc = Document(io.BytesIO(cli._make(small, args, ".docx")))
    assert len(doc.tables) == 5
    args = cli.argparse.Namespace(
        command="brief", initiative=g.SUYUAN, court=g.MID, unit=None, verified_only=False
    )
    assert len(Document(io.BytesIO(cli._make(small, args, ".docx"))).tables) == 3
    # an initiative and a unit, or neither: an error before the store is opened
    for argv in (["brief", "诉源治理", "--unit", "乙市中院"], ["brief"]):
        assert cli.main([*argv, "-o", str(tmp_path / "x.docx")]) == 1
        assert capsys.readouterr().err.startswith("Error: brief：请给出")
    assert not list(tmp_path.iterdir())


def test_graph_brief_hands_its_arguments_to_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.__main__ import main

    assert main(["brief", "--unit", "乙市中院", "-o", str(tmp_path / "x.png")]) == 1
    assert "brief 可写 .docx、.pptx（扩展名决定格式）" in capsys.readouterr().err


def test_a_court_with_too_many_units_under_it_is_refused(small, monkeypatch) -> None:
    from graph.errors import CourtgraphError

    monkeypatch.setattr(unit_briefing, "MAX_UNITS", 3)  # 乙市中院 has four
    with pytest.raises(CourtgraphError, match="下级单位 4 个，超过单位简报所能涵盖的 3 个"):
        unit_briefing.gather(small, g.MID)


def _report(unit: str, stage: str, date: str, precision: str, status: str) -> dict[str, object]:
    return {
        "unit_id": unit,
        "unit": unit,
        "initiative_id": "initiative:诉源治理",
        "initiative": "诉源治理",
        "category": "dispute_resolution",
        "candidate": False,
        "stage": stage,
        "date": date,
        "date_precision": precision,
        "status": status,
    }


def test_a_reviewers_correction_wins_over_an_unchecked_report() -> None:
    """The unit briefing showed 推行 2023 for a court whose other report a reviewer corrected
    to 上级推广 2023-04 (a new user's finding)."""
    from figures.portfolio import from_rows

    rows = [
        _report("court:中", "adopted", "2023", "year", "extracted"),
        _report("court:中", "promoted", "2023-04", "month", "corrected"),
    ]
    item = from_rows("court:中", "中院", rows).items[0]
    assert (item.own, item.own_date) == ("promoted", "2023-04")


def test_an_articles_own_date_is_marked_wherever_it_is_shown() -> None:
    """秦州 推行 2023-04-12 was the article's date, shown like an adoption date."""
    from figures.portfolio import from_rows, table_rows

    rows = [
        _report("court:中", "promoted", "2023-04-12", "document", "extracted"),
        _report("court:基", "adopted", "2023-05", "month", "extracted"),
    ]
    p = from_rows("court:中", "中院", rows)
    item = p.items[0]
    assert item.own_date_shown() == "2023-04-12（文档日期）"
    assert item.first_date_shown() == "2023-04-12（文档日期）"
    assert table_rows(p)[0][2:] == [
        "上级推广（2023-04-12（文档日期））",
        "1",
        "2023-04-12（文档日期）",
    ]
    rows[1]["date"] = "2023-04-12"  # a unit dated by its own words on that day: no mark
    assert from_rows("court:中", "中院", rows).items[0].first_date_shown() == "2023-04-12"


def test_tribunals_count_once_a_roster_lists_them(small) -> None:
    """A tribunal an imported roster lists is counted like a court (reported or not); named
    only by a document it is left out of the shares, and the briefing says so."""
    (tribunal,) = unit_briefing.gather(small, g.MID).uncounted
    small.write_statements(
        [("MATCH (t:Entity {id: $id}) SET t.roster_source = '名录.csv'", {"id": tribunal})]
    )
    b = unit_briefing.gather(small, g.MID)
    assert b.uncounted == frozenset() and b.units_below == 4
    assert b.levels == [("basic", 2, 3), ("tribunal", 0, 1)]
    assert not any("未导入人民法庭名录" in line for line in b.headline())


def test_the_map_legend_says_when_tribunals_are_drawn_but_not_counted(small) -> None:
    from figures.adoption import (
        LEGEND_LEAD,
        LEGEND_LEAD_UNCOUNTED,
        adoption_map,
        draw_adoption_map,
    )

    data = adoption_map(small, "诉源治理", g.MID)
    assert data.tribunals_uncounted() == 1
    assert LEGEND_LEAD_UNCOUNTED in draw_adoption_map(data, fmt="svg").decode()
    (tribunal,) = [u.id for u in data.units if u.level == "tribunal"]
    small.write_statements(
        [("MATCH (t:Entity {id: $id}) SET t.roster_source = '名录.csv'", {"id": tribunal})]
    )
    svg = draw_adoption_map(adoption_map(small, "诉源治理", g.MID), fmt="svg").decode()
    assert LEGEND_LEAD in svg and LEGEND_LEAD_UNCOUNTED not in svg


def test_its_demo_documents_are_counted_once_for_every_picture_and_the_deck(small) -> None:
    """The map and the deck take the number of demo sources from one place."""
    from graph.collections import DEMO_COLLECTION

    b = unit_briefing.gather(small, g.MID)
    assert b.demo() == 0
    b.sources = [*b.sources, {"doc_id": "demo-1", "collections": [DEMO_COLLECTION]}]
    assert b.demo() == 1
