"""Whose figure a briefing lists: a high court's figure for every court of its province
(范围 江西省全省法院) is named by its area, not as the court's own (本院 / the court's name),
in the unit briefing and the initiative briefing alike; periods are written as a court
document writes them (2024年1—6月). The articles are invented."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from figures import briefing, unit_briefing
from ingest.pipeline import ingest_paths

HIGH = "court:江西省高级人民法院"

_HIGH = """江西高院部署深化诉前调解
发布时间：2024-07-10  来源：江西省高级人民法院

江西省高级人民法院近日召开会议，要求全省法院持续深化诉前调解。2024年1月至6月，全省法院诉前调解成功率为66.4%，较去年同期提高3个百分点。
"""
_OWN = """江西高院推行诉前调解
发布时间：2024-08-02  来源：江西省高级人民法院

2024年5月，江西省高级人民法院在本院推行诉前调解。2024年1月至7月，江西高院诉前调解成功率为57.9%。
"""

_GANZHOU = """赣州中院深化诉前调解
发布时间：2024-08-05  来源：赣州市中级人民法院

江西省赣州市中级人民法院持续推进诉前调解。2024年1月至6月，全市法院诉前调解成功率为60.1%。
"""


@pytest.fixture
def jiangxi(arcadedb_store, tmp_path: Path):
    """A high court's province-wide figure and its own, a 中院's city-wide figure, from
    three invented articles."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "high.txt").write_text(_HIGH, encoding="utf-8")
    (docs / "own.txt").write_text(_OWN, encoding="utf-8")
    (docs / "ganzhou.txt").write_text(_GANZHOU, encoding="utf-8")
    ingest_paths(arcadedb_store, [docs], reference_data=False)
    return arcadedb_store


def _table_rows(docx: bytes, header: str) -> list[list[str]]:
    from docx import Document

    doc = Document(io.BytesIO(docx))
    for t in doc.tables:
        cells = [[c.text for c in row.cells] for row in t.rows]
        if cells and cells[0][0] == "单位" and header in cells[0]:
            return cells[1:]
    raise AssertionError("no table of figures")


def test_the_unit_briefing_names_the_area_of_a_province_wide_figure(jiangxi) -> None:
    b = unit_briefing.gather(jiangxi, HIGH)
    rows = {(r[0], r[2], r[3]) for r in _table_rows(unit_briefing.to_docx(b), "相关举措")}
    assert ("江西省全省法院", "66.4%", "2024年1—6月") in rows
    assert ("本院", "57.9%", "2024年1—7月") in rows
    assert not any(r[0] == "本院" and r[1] == "66.4%" for r in rows)
    # a unit under it reporting an area's figure: the area, and who reported it
    assert ("江西省赣州市全市法院（赣州中院报告）", "60.1%", "2024年1—6月") in rows


def test_the_initiative_briefing_names_the_area_and_writes_periods_in_chinese(jiangxi) -> None:
    b = briefing.gather(jiangxi, "诉前调解", HIGH)
    rows = {(r[0], r[2], r[3]) for r in _table_rows(briefing.to_docx(b), "指标")}
    assert ("江西省全省法院（江西高院报告）", "66.4%", "2024年1—6月") in rows
    assert ("江西高院", "57.9%", "2024年1—7月") in rows


def _figure_facts(store, value: float) -> dict[str, str]:
    """A figure's two facts: the unit's REPORTED (the figure) and its link to 诉前调解."""
    rows = store.read(
        "MATCH (u:Entity)-[r:REPORTED]->(o:Outcome)-[l:REPORTED]->(i:Entity) "
        "WHERE o.value = $value RETURN r.fact_id AS figure, l.fact_id AS link",
        {"value": value},
    )
    return {"figure": rows[0]["figure"], "link": rows[0]["link"]}


def test_a_verified_half_of_an_unlisted_figure_is_not_called_unverified(jiangxi) -> None:
    """Verified-only briefings leave out a figure whose other fact is not verified; the
    reviewer's confirmation of its one half is said, not counted as 尚未核实."""
    from docx import Document

    from graph import review

    review.decide(jiangxi, _figure_facts(jiangxi, 66.4)["figure"], "confirm", reviewer="研究室")
    b = briefing.gather(jiangxi, "诉前调解", HIGH, verified_only=True)
    assert b.withheld == 1 and not b.outcomes
    text = "\n".join(p.text for p in Document(io.BytesIO(briefing.to_docx(b))).paragraphs)
    left = b.check.unverified
    assert f"另有 {left} 条未计入：{left - 1} 条尚未核实，1 条已核实但所属数据未全部核实" in text
    assert f"另有 {left} 条尚未核实" not in text

    # the unit briefing lists a verified figure whatever its link: its confirmed link of an
    # unconfirmed figure is the half it leaves out
    review.decide(jiangxi, _figure_facts(jiangxi, 57.9)["link"], "confirm", reviewer="研究室")
    u = unit_briefing.gather(jiangxi, HIGH, verified_only=True)
    assert u.withheld == 1
    text = "\n".join(p.text for p in Document(io.BytesIO(unit_briefing.to_docx(u))).paragraphs)
    left = u.check.unverified
    assert f"另有 {left} 条未计入：{left - 1} 条尚未核实，1 条已核实但所属数据未全部核实" in text
