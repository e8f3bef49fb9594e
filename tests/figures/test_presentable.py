"""Pictures and briefings fit to put in front of a court's leadership: nothing runs off the
page, a date is never broken over two lines, the text says what the tables show."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from figures import render

LONG_TITLE = (
    "辖区覆盖情况（推进矛盾纠纷多元化解和诉源治理工作、辽宁省鞍山市中级人民法院、基层法院、"
    "2024年全省法院工作报告、2025年全省法院新闻稿汇编、只看已核实的事实）"
)
ROWS = [["辽宁省海城市人民法院", "基层法院", "推行", "2023-11-02"]]
HEADS = ["单位", "层级", "阶段", "最早日期"]


def _inked(png: bytes, box: tuple[int, int, int, int]) -> bool:
    """Whether any pixel in `box` (left, top, right, bottom) is not white."""
    region = Image.open(io.BytesIO(png)).convert("L").crop(box)
    return region.getextrema()[0] < 250


def test_a_long_table_title_stays_on_the_picture() -> None:
    png = render.table_picture(HEADS, ROWS, title=LONG_TITLE)
    width = Image.open(io.BytesIO(png)).width
    # the title band, right of the table's edge (0.4 in = 48 px at 120 dpi): white
    assert not _inked(png, (width - 46, 0, width, 100))
    assert _inked(png, (0, 0, 400, 100))  # the title is there
    svg = render.table_picture(HEADS, ROWS, title=LONG_TITLE, fmt="svg").decode("utf-8")
    # all of it, on two lines (no character dropped)
    text, points = render.fit_title(LONG_TITLE, render.FIG_W - 0.8)
    assert text.replace("\n", "") == LONG_TITLE and points >= 18
    assert all(line in svg for line in text.split("\n"))


def test_a_short_table_title_keeps_its_size() -> None:
    assert render.fit_title("辖区覆盖情况（诉源治理、本溪中院）", render.FIG_W - 0.8) == (
        "辖区覆盖情况（诉源治理、本溪中院）",
        26,
    )


def _docx_table(columns: list[str], rows: list[list[str]], widths: list[float] | None = None):  # type: ignore[no-untyped-def]
    from docx import Document

    from figures.report import Report

    r = Report("示例简报")
    r.table(columns, rows, widths=widths)
    return Document(io.BytesIO(r.save())).tables[0]


def test_a_date_in_a_word_table_is_never_broken() -> None:
    """2024-03-18（文档日期） in a narrow column came out as 2024-03- / 18（文档日期）: the
    hyphens between digits are non-breaking, the line may break before the note instead, and
    the column is at least as wide as the date."""
    from docx.oxml.ns import qn

    rows = [
        [
            "诉前调解",
            "上级推广 2024-03-18（文档日期）",
            "2（推行 1、试点 1）",
            "2024-03-18（文档日期）",
        ],
        ["诉源治理", "—", "—", "2024-03"],
    ]
    table = _docx_table(["举措", "本院", "下级单位", "最早报道"], rows, [4.4, 4.2, 4.6, 2.6])
    cell = table.rows[1].cells[3]
    texts = [t.text for t in cell._tc.iter(qn("w:t"))]
    assert "".join(texts) == "2024" + "03" + "18\u200b（文档日期）"  # no breakable hyphen left
    assert len(list(cell._tc.iter(qn("w:noBreakHyphen")))) == 2
    assert cell.text == "2024-03-18\u200b（文档日期）"  # python-docx reads them back as hyphens
    assert table.rows[2].cells[3].text == "2024-03"
    # a count before a bracket is left as it is; the widths: the date column made room
    assert table.rows[1].cells[2].text == "2（推行 1、试点 1）"
    grid = [c.width.cm for c in table.columns]
    assert grid[3] >= 2.85 and abs(sum(grid) - 15.8) < 0.05


def test_a_table_without_dates_keeps_its_widths() -> None:
    table = _docx_table(["阶段", "举措（项）", "单位数"], [["推行", "3", "3"]], [3.0, 4.0, 8.8])
    assert [round(c.width.cm, 1) for c in table.columns] == [3.0, 4.0, 8.8]


# -- a verified-only briefing states the figures it lists, and says which it leaves out ----
def _link_confirmed(store) -> None:  # type: ignore[no-untyped-def]
    """丙区's adoption and the link of its 调解率 to 诉源治理 confirmed; the figure itself
    (丙区 reported 调解率 60%) left 待核实."""
    from graph import review
    from graph.model import fact_id
    from tests import graph_fixtures as g

    review.decide_many(
        store,
        [fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted"), fact_id("REPORTED", g.RATE, g.SUYUAN)],
        "confirm",
        reviewer="审核员甲",
    )


@pytest.fixture
def link_only(_arcadedb_store):  # type: ignore[no-untyped-def]
    from tests.conftest import small_graph_in

    return small_graph_in(_arcadedb_store, _link_confirmed)


def _docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_a_verified_briefing_counts_no_half_of_a_figure_it_does_not_list(link_only) -> None:
    """A verified-only briefing said 另有成效数据的事实 2 条 and counted the confirmed link of
    a figure as a verified fact, while its table of figures was empty (所收文档没有…)."""
    from figures import briefing
    from tests import graph_fixtures as g

    b = briefing.gather(link_only, "诉源治理", g.MID, verified_only=True)
    assert b.outcomes == [] and b.outcomes_unverified == 1
    assert b.check.verified == b.adoption_check.verified == 1  # 丙区's adoption only
    assert "成效数据" not in b.facts_line()
    text = _docx_text(briefing.to_docx(b))
    assert "合计已核实的事实 1 条" in text
    assert "文档中与该举措相关的 1 项数据尚未核实" in text
    assert "所收文档没有与该举措相关的数据" not in text  # there is one: unverified
    # every fact: the figure listed, its two facts counted, nothing said to be left out
    every = briefing.gather(link_only, "诉源治理", g.MID)
    assert len(every.outcomes) == 1 and every.outcomes_unverified == 0
    assert "另有成效数据的事实 2 条" in every.facts_line()


def test_a_verified_unit_briefing_counts_no_link_of_a_figure_it_does_not_list(link_only) -> None:
    from figures import unit_briefing
    from tests import graph_fixtures as g

    b = unit_briefing.gather(link_only, g.MID, verified_only=True)
    assert b.outcomes == [] and b.outcomes_unverified == 1
    assert b.check.verified == 1  # 丙区's adoption; not the link of a figure left out
    text = _docx_text(unit_briefing.to_docx(b))
    assert "仅含已核实的 1 条事实" in text
    assert "文档中本院及下级单位报告的 1 项数据尚未核实，未列出" in text
    assert "所收文档没有本院及下级单位报告的数据" not in text


# -- two versions of one report are told apart ----------------------------------------------
OLD = {"doc_id": "doc:old", "title": "本溪中院召开推进会", "date": "2024-03-18", "urls": []}
NEW = {"doc_id": "doc:new", "title": "本溪中院召开 推进会", "date": "2024-03-18", "urls": []}
# near-duplicate texts: fingerprints a few bits apart (ingest.dedup)
OLD["fingerprint"], NEW["fingerprint"] = "f" * 64, "f" * 62 + "0f"
OTHER = {"doc_id": "doc:x", "title": "另一篇报道", "date": "2024-03-18", "urls": []}


def test_two_versions_of_a_report_do_not_look_alike_in_the_sources() -> None:
    """An article and its copy with one figure changed were listed as two identical lines."""
    from figures.report import source_lines, versions_note

    lines = source_lines([OLD, OTHER, NEW])
    assert lines[0].endswith(
        "（与 [3] 标题、日期相同：同一报道的不同版本，哪份为更正稿请核对原文）"
    )
    assert lines[1] == "[2] 另一篇报道（doc:x），2024-03-18"
    assert "与 [1] 标题、日期相同" in lines[2]
    # a source row that names the document it changes (ingest knows it) says which is which
    lines = source_lines([OLD, OTHER, {**NEW, "changed_copy_of": "doc:old"}])
    assert lines[0].endswith("（旧稿：其改动稿为 [3]）")
    assert lines[2].endswith("（[1] 的改动稿：较晚收录，数字与之不同）")
    figures = [
        ("明山区法院调解成功率", "46.8%", ["doc:old"]),
        ("明山区法院调解成功率", "48.6%", ["doc:new"]),
        ("平山区法院平均审理时长", "21.5天", ["doc:old", "doc:new", "doc:x"]),
    ]
    note = versions_note([OLD, OTHER, NEW], figures)
    assert note.startswith("注意：[1]、[3] 标题和日期相同，是同一报道的不同版本")
    assert "明山区法院调解成功率 46.8%〔[1]〕、48.6%〔[3]〕" in note and "平山区" not in note
    assert "为改动稿" in versions_note([OLD, OTHER, {**NEW, "changed_copy_of": "doc:old"}], figures)
    assert versions_note([OLD, OTHER], figures) == ""  # one version cited: nothing to say


def test_a_table_picture_says_yes_and_no_in_chinese() -> None:
    """`python -m figures table coverage …` showed 已推行 True / False on a slide."""
    from figures.__main__ import _cell

    assert [_cell(True), _cell(False), _cell(None), _cell(["甲", "乙"]), _cell(3)] == [
        "是",
        "否",
        "",
        "甲、乙",
        "3",
    ]


def test_only_near_duplicate_texts_are_called_versions_of_one_report() -> None:
    """Two sites' reports of one meeting share its title and date, not their text; two
    untitled undated documents share nothing: neither is 同一报道的不同版本."""
    from figures.report import source_lines, versions, versions_note

    site = {**NEW, "doc_id": "doc:site", "fingerprint": "0" * 64}  # another text altogether
    assert versions([OLD, site]) == {}
    assert source_lines([OLD, site])[0] == "[1] 本溪中院召开推进会（doc:old），2024-03-18"
    figures = [
        ("明山区法院调解成功率", "46.8%", ["doc:old"]),
        ("明山区法院调解成功率", "48.6%", ["doc:site"]),
    ]
    assert versions_note([OLD, site], figures) == ""
    untitled = [{"doc_id": f"doc:{i}", "title": "（无标题）", "date": None} for i in (1, 2)]
    assert versions(untitled) == {}
    # rows without fingerprints: the same title and date may be one report, said as such
    bare = [{k: v for k, v in d.items() if k != "fingerprint"} for d in (OLD, NEW)]
    assert "可能是同一报道的不同版本" in source_lines(bare)[0]
    assert "可能是同一报道的不同版本" in versions_note(
        bare, [("调解成功率", "1%", ["doc:old"]), ("调解成功率", "2%", ["doc:new"])]
    )
