"""A briefing's numbers agree with each other: stages that add up, one row per unit, the same
fact count under every figure, no tribunal share without a roster, one kind of timeline."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from figures import briefing
from figures.adoption import THROUGH_TRIBUNALS, AdoptionMap, MapUnit, draw_adoption_map
from figures.names import short_court_name
from figures.timeline import build_timeline, wrap_note
from queries.analytics.__main__ import cumulative_lines
from queries.verified import FactCheck

HIGH = "court:甲省高级人民法院"
MID_A = "court:甲省乙市中级人民法院"
MID_B = "court:甲省丙市中级人民法院"
BASIC = "court:甲省乙市丁区人民法院"
TRIB = "court:甲省乙市丁区人民法院东湖人民法庭"
SPECIAL = "court:甲省铁路运输法院"


def _event(unit_id, stage, date, docs, level):
    return {
        "fact_id": f"adopted:{unit_id}:{stage}",
        "unit_id": unit_id,
        "unit": unit_id.split(":", 1)[1],
        "level": level,
        "province": "甲省",
        "stage": stage,
        "date": date,
        "date_precision": "day" if date and len(date) == 10 else "month",
        "doc_ids": docs,
        "documents": len(docs),
    }


def _brief(*, tribunal_roster: bool = False) -> briefing.Briefing:
    events = [
        _event(HIGH, "promoted", "2024", ["doc:1"], "high"),
        _event(HIGH, "adopted", "2024-07-15", ["doc:2"], "high"),
        _event(MID_A, "adopted", "2024-08-01", ["doc:3"], "intermediate"),
        _event(MID_A, "promoted", "2024-08-01", ["doc:3"], "intermediate"),
        _event(MID_B, "adopted", "2024-01", ["doc:2"], "intermediate"),
        _event(TRIB, "adopted", "2023-11-08", ["doc:4"], "tribunal"),
    ]
    root = MapUnit(HIGH, "甲省高级人民法院", "high", stage="adopted")
    units = [
        MapUnit(MID_A, "甲省乙市中级人民法院", "intermediate", HIGH, stage="adopted", depth=1),
        MapUnit(MID_B, "甲省丙市中级人民法院", "intermediate", HIGH, stage="adopted", depth=1),
        MapUnit(
            "court:甲省丁市中级人民法院", "甲省丁市中级人民法院", "intermediate", HIGH, depth=1
        ),
        MapUnit(SPECIAL, "甲省铁路运输法院", "special", HIGH, depth=1),
        MapUnit(BASIC, "甲省乙市丁区人民法院", "basic", MID_A, stage=THROUGH_TRIBUNALS, depth=2),
        MapUnit("court:甲省乙市甲区人民法院", "甲省乙市甲区人民法院", "basic", MID_A, depth=2),
        MapUnit(
            TRIB, "甲省乙市丁区人民法院东湖人民法庭", "tribunal", BASIC, stage="adopted", depth=3
        ),
    ]
    units[-1].roster = tribunal_roster
    check = FactCheck(6, 5)
    return briefing.Briefing(
        initiative="诉源治理",
        court=root.name,
        map=AdoptionMap("诉源治理", root, units, check=check),
        timeline=build_timeline("诉源治理", events),
        adopters=events,
        outcomes=[],
        sources=[],
        source_count=4,
        check=check + FactCheck(2, 2),
        timeline_check=check,
        adoption_check=check,
        generated="2026-12-06",
    )


def test_stage_counts_add_up_and_say_which_units_have_both() -> None:
    line = _brief().units_line()
    # 4 units; 推行 4 (HIGH, MID_A, MID_B, TRIB), 推广部署 2 (HIGH, MID_A): 2 have both
    assert "4 个单位" in line
    assert "推行 4 个" in line and "推广部署 2 个" in line
    assert "2 个单位兼有两个阶段" in line


def test_adopters_table_lists_each_unit_once_with_its_stages_and_earliest_date() -> None:
    rows = briefing._adopter_rows(_brief())
    names = [r[0] for r in rows]
    assert len(names) == len(set(names)) == 4
    high = next(r for r in rows if r[0] == short_court_name("甲省高级人民法院"))
    assert (
        high[2] == "推行、推广部署" and high[3] == "2024" and high[4] == "2 篇（未列出）"
    )  # no sources in this briefing
    mid = next(r for r in rows if r[0] == short_court_name("甲省乙市中级人民法院"))
    assert mid[2] == "推行、推广部署" and mid[3] == "2024-08-01" and mid[4] == "1 篇（未列出）"


def test_every_footnote_counts_the_same_facts_and_says_what_they_are() -> None:
    b = _brief()
    note = b.facts_note()
    assert note == "推行/推广事实 6 条（其中 5 条尚未核实），来自 4 篇文档"
    # the header adds the figures' facts and says so, the total matching the old count
    assert b.facts_line().startswith(note) and "合计 8 条事实" in b.facts_line()
    assert note in "".join(b.headline())


def test_the_map_and_timeline_print_the_briefings_fact_note() -> None:
    b = _brief()
    svg = draw_adoption_map(
        b.map, fmt="svg", generated=b.generated, sources=4, facts_note=b.facts_note()
    ).decode()
    assert "推行/推广事实 6 条" in svg and "共 6 条事实" not in svg


def test_no_tribunal_share_without_a_roster() -> None:
    b = _brief()
    assert all(level != "tribunal" for level, _, _ in b.map.counts())
    text = "".join(b.headline())
    assert "人民法庭：1/1" not in text and "未导入人民法庭名录" in text
    svg = draw_adoption_map(b.map, fmt="svg", generated=b.generated).decode()
    assert "人民法庭未计入" in svg
    rostered = _brief(tribunal_roster=True)
    assert ("tribunal", 1, 1) in rostered.map.counts()
    assert "未导入人民法庭名录" not in "".join(rostered.headline())


def test_units_not_yet_reported_are_listed_by_level_then_name() -> None:
    # the units' own order puts the special court before the basic courts
    assert _brief().not_yet() == ["丁市中院", "甲区法院", "甲省铁路法院"]


def test_the_decks_timeline_is_the_reports_step_picture_not_a_line_chart() -> None:
    data = briefing.to_pptx(_brief())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/charts/chart")]
        slides = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/slides/slide")]
    assert not any("<c:lineChart>" in c for c in charts)
    timeline = next(s for s in slides if "推行时间线" in s)
    assert "<p:pic>" in timeline


def test_a_long_footnote_is_wrapped_at_a_clause() -> None:
    lines = wrap_note("数据截至 2026-12-06；" + "只知年份的日期画在该年的中间；" * 6, 40)
    assert len(lines) > 1 and all(len(x) <= 40 for x in lines)
    assert all(x.endswith("；") for x in lines[:-1])


def test_cli_timeline_keeps_year_only_units_out_of_the_monthly_list() -> None:
    lines = cumulative_lines([("2023-11", 1), ("2024", 2), ("2024-01", 3), ("2024-03", 4)])
    assert lines[0] == "累计（按月，日期精确到月或日的单位）：2023-11 1，2024-01 2，2024-03 3"
    assert lines[1] == "只知年份的单位（未计入按月累计）：2024 年 1 个"
    assert cumulative_lines([("2024-01", 1), ("2024-03", 2)]) == ["累计：2024-01 1，2024-03 2"]


def test_the_adopters_table_marks_an_articles_date_and_keeps_a_correction() -> None:
    """A correction (推广部署 2024-03) wins over the unit's unchecked report, and a date that is
    only the article's own is marked, not shown as an adoption date (a new user's findings)."""
    b = _brief()
    b.adopters[4] = {**b.adopters[4], "date_precision": "document"}  # MID_B 2024-01
    b.adopters[2] = {**b.adopters[2], "status": "extracted"}
    b.adopters[3] = {**b.adopters[3], "status": "corrected", "date": "2024-03"}
    rows = {r[0]: r for r in briefing._adopter_rows(b)}
    assert rows[short_court_name("甲省丙市中级人民法院")][3] == "2024-01（文档日期）"
    mid = rows[short_court_name("甲省乙市中级人民法院")]
    assert (mid[2], mid[3], mid[4]) == ("推广部署", "2024-03", "1 篇（未列出）")


def test_the_word_briefing_states_its_fact_count_in_section_one_only() -> None:
    """The count of facts (and how many are unverified) stood under the title and again in
    一、基本情况; a reader meets it once, in the basic facts, beside the documents it rests on.
    The header line says only scope, date and, for a verified-only briefing, that it is one."""
    from docx import Document

    for verified_only in (False, True):
        b = _brief()
        b.check = replace(b.check, verified_only=verified_only)
        b.adoption_check = replace(b.adoption_check, verified_only=verified_only)
        paras = [p.text for p in Document(io.BytesIO(briefing.to_docx(b))).paragraphs]
        line = b.facts_line()
        assert sum(line in p for p in paras) == 1, (verified_only, line)
        section_one = paras.index("一、基本情况")
        assert any(line in p for p in paras[section_one:])
        header = paras[1]
        assert header.startswith("范围：") and "数据截至 2026-12-06" in header
        assert ("仅含已核实的事实" in header) == verified_only


def test_a_share_reads_the_same_on_the_page_and_in_the_briefing() -> None:
    """1 of 14 basic courts read 7.1% on 扩散分析 and 7% in the briefing."""
    from ui.analytics.coverage import share_shown

    high = MapUnit(HIGH, "甲省高级人民法院", "high")
    units = [
        MapUnit(f"court:甲省{i}区人民法院", f"甲省{i}区人民法院", "basic", HIGH) for i in range(14)
    ]
    units[0].stage = "adopted"
    b = replace(_brief(), map=AdoptionMap("诉源治理", high, units))
    line = next(x for x in b.headline() if "基层法院：1/14" in x)
    assert f"（{share_shown(1 / 14)}）" in line
    assert share_shown(1 / 14) == "7.1%"
