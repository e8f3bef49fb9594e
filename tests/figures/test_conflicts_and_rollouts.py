"""A briefing goes to a court's leadership: a figure another copy of the report gives
differently says so, each numbered source can be told apart, and a unit whose superior court
reports rolling the initiative out to its whole area is not shown as a plain 尚未报道 (a new
user's findings, items 6 and 7; the pages said so already, the briefings and the map did not).
The documents are invented."""

from __future__ import annotations

import io
from typing import Any

import pytest

from figures import briefing, unit_briefing
from figures.adoption import adoption_map, draw_adoption_map, slide_notes
from figures.report import source_lines
from graph.model import document_id as doc_id
from tests import graph_fixtures as g
from tests.queries.test_analytics import _area_rollout
from tests.queries.test_conflicts import _copy


def _docx(data: bytes) -> tuple[list[str], list[list[str]]]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    return [p.text for p in doc.paragraphs], rows


def _slides(data: bytes) -> list[tuple[str, str]]:
    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        texts += [
            c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells
        ]
        out.append((title, "\n".join(texts)))
    return out


@pytest.fixture
def two_copies(arcadedb_store):
    """丙区法院's figure in an article (62.5%) and its corrected copy (65.2%), one title and
    no date, and another figure of another period (70%)."""
    nodes, edges = g.roster()
    arcadedb_store.upsert_nodes(nodes)
    arcadedb_store.link_hierarchy(edges, source="test roster")
    arcadedb_store.write_documents([_copy("1", 62.5), _copy("2", 65.2), _copy("3", 70.0, "2023")])
    return arcadedb_store


def test_each_source_without_a_url_is_named_by_its_file() -> None:
    """[7] and [9] were both 大连中院全面推行一站式多元解纷机制，日期不详."""
    rows = [
        {"doc_id": "doc:1", "title": "甲院通报", "date": None, "paths": ["/in/a1_jia.txt"]},
        {"doc_id": "doc:2", "title": "甲院通报", "date": None, "paths": ["/in/a9_jia.txt"]},
        {"doc_id": "doc:3", "title": "甲院通报", "date": "2024-05-20", "urls": ["http://x/1"]},
        {"doc_id": "doc:4", "title": "乙院通报", "date": None, "paths": []},
    ]
    assert source_lines(rows) == [
        "[1] 甲院通报（a1_jia.txt），日期不详",
        "[2] 甲院通报（a9_jia.txt），日期不详",
        "[3] 甲院通报，2024-05-20，http://x/1",
        "[4] 乙院通报（doc:4），日期不详",
    ]


def test_the_unit_briefing_marks_figures_another_copy_gives_differently(two_copies) -> None:
    b = unit_briefing.gather(two_copies, g.MID)
    paragraphs, rows = _docx(unit_briefing.to_docx(b))
    values = {r[2] for r in rows if r[1] == "调解成功率"}
    assert values == {"62.5%\n数字冲突①", "65.2%\n数字冲突①", "70%"}
    number = {d["doc_id"]: i for i, d in enumerate(b.sources, 1)}
    first, second = number[doc_id("1" * 64)], number[doc_id("2" * 64)]
    note = next(p for p in paragraphs if p.startswith("①"))
    assert f"62.5%〔[{first}]〕" in note and f"65.2%〔[{second}]〕" in note
    assert "丙区法院调解成功率（未注明）" in note and "70%" not in note
    assert any(p.startswith("数字冲突：同一单位就同一指标、范围和期间") for p in paragraphs)
    # the two copies in the source list: one title, told apart by their files
    assert f"[{first}] 丙区法院通报调解工作（1.txt），日期不详" in paragraphs
    assert f"[{second}] 丙区法院通报调解工作（2.txt），日期不详" in paragraphs
    # the deck: the mark in the table, the note on a slide the audience sees
    slides = dict(_slides(unit_briefing.to_pptx(b)))
    assert "数字冲突①" in slides["报告的成效数据（单位自述，未经核实）"]
    assert f"62.5%〔[{first}]〕" in slides["成效数据中的数字冲突"]


def test_a_figure_is_in_conflict_only_with_figures_the_briefing_lists(two_copies) -> None:
    """The unit briefing keeps the figures of the chosen collections after its query (which
    marks conflicts over every document): a figure left out is no conflict of one listed."""
    b = unit_briefing.gather(two_copies, g.MID)
    b.outcomes = [o for o in b.outcomes if o["value"] != 65.2]
    assert not any("数字冲突" in r[2] for r in unit_briefing.outcome_rows(b))
    assert unit_briefing.outcome_conflicts(b).note() == ""


def test_the_initiative_briefing_marks_them_too() -> None:
    def figure(fact: str, value: float) -> dict[str, Any]:
        return {
            "fact_id": fact,
            "unit_id": g.BING,
            "unit": "甲省乙市丙区人民法院",
            "metric": "调解成功率",
            "value": value,
            "unit_of_measure": "%",
            "scope": "本院",
            "period": "2024-01-01/2024-04-30",
        }

    b = briefing.Briefing(
        initiative="诉源治理",
        court=None,
        map=None,
        timeline=None,  # type: ignore[arg-type]  # not read by the figures' table
        adopters=[],
        outcomes=[figure("r:1", 62.5), figure("r:2", 65.2)],
        sources=[
            {"doc_id": "d:1", "title": "通报", "paths": ["/a.txt"]},
            {"doc_id": "d:2", "title": "通报", "paths": ["/b.txt"]},
        ],
        outcome_docs={"r:1": ["d:1"], "r:2": ["d:2"]},
    )
    assert [r[2] for r in briefing._outcome_rows(b)] == ["62.5%\n数字冲突①", "65.2%\n数字冲突①"]
    assert briefing._conflicts(b).notes[0] == (
        "①　丙区法院调解成功率（2024年1—4月）：所收文档报告了不同的数字 62.5%〔[1]〕、65.2%〔[2]〕。"
    )


@pytest.fixture
def rollout(arcadedb_store):
    """乙市中院 reports rolling 枫桥式人民法庭 out to all its courts; 丙区 and 丁县 report it
    themselves (document_c), 戊县 does not."""
    nodes, edges = g.roster()
    arcadedb_store.upsert_nodes(nodes)
    arcadedb_store.link_hierarchy(edges, source="test roster")
    arcadedb_store.write_documents([g.document_c(), _area_rollout()])
    return arcadedb_store


def test_the_map_hatches_a_unit_its_superior_reports_rolling_out_to(rollout) -> None:
    amap = adoption_map(rollout, "枫桥式人民法庭", g.MID)
    wu = next(u for u in amap.units if u.id == g.WU)
    assert wu.stage is None and wu.rollout is not None and wu.rollout["court_id"] == g.MID
    assert [u.id for u in amap.under_rollout()] == [g.WU]
    assert amap.stage_counts()[None] == 1  # still 尚未报道: the counts stay as defined
    note = amap.rollout_note()
    assert note.startswith("斜线框：上级报道在全辖推行 1 个")
    assert "乙市中院 推行，范围：甲省乙市全市法院，2024-03" in note
    assert note in slide_notes(amap)
    assert draw_adoption_map(amap).startswith(b"\x89PNG")
    # only verified facts: the unreviewed rollout says nothing
    assert adoption_map(rollout, "枫桥式人民法庭", g.MID, verified_only=True).rollout_note() == ""


def test_the_initiative_briefing_says_which_units_a_superior_reports_it_for(rollout) -> None:
    b = briefing.gather(rollout, "枫桥式人民法庭", g.MID)
    paragraphs, _rows = _docx(briefing.to_docx(b))
    assert any(
        p.startswith("另有 1 个尚未见报道的单位，其上级法院报道在所辖全部法院推行")
        for p in paragraphs
    )
    assert (
        "上级报道在全辖推行：乙市中院 推行（范围：甲省乙市全市法院；2024-03），"
        "其辖区内本身未见报道的 1 个单位：戊县法院。这些单位仍列为尚未见报道，未计入覆盖率。"
    ) in paragraphs
