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
from graph.errors import CourtgraphError
from tests import graph_fixtures as g


@pytest.fixture
def small(arcadedb_small_graph):
    return arcadedb_small_graph


def test_adoption_map_marks_each_unit_by_its_own_stage(small) -> None:
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


def test_a_basic_court_held_by_the_high_court_is_listed_beside_the_map() -> None:
    """辽河法院, a basic court whose intermediate court is not known, hangs directly under the
    high court: it stood as an orphan box among the intermediate courts' columns (a new
    user's finding); it is listed beside the map with its stage, and counted."""
    high = adoption.MapUnit("court:甲省高院", "甲省高级人民法院", "high")
    units = [
        adoption.MapUnit("court:乙市中院", "甲省乙市中级人民法院", "intermediate", parent=high.id),
        adoption.MapUnit("court:丙市中院", "甲省丙市中级人民法院", "intermediate", parent=high.id),
        adoption.MapUnit("court:丁区", "甲省乙市丁区人民法院", "basic", parent="court:乙市中院"),
        adoption.MapUnit("court:海事", "甲海事法院", "special", parent=high.id),
        adoption.MapUnit(
            "court:辽河", "辽河人民法院", "basic", parent=high.id, stage="adopted", date="2023-05"
        ),
    ]
    data = adoption.AdoptionMap("诉源治理", high, units)
    heads = [col[0][0].id for col in adoption.columns_of(data)]
    assert heads == ["court:丙市中院", "court:乙市中院", "court:海事"]
    assert [u.id for u in adoption.strays(data)] == ["court:辽河"]
    line = adoption.stray_line(data)
    assert "辽河法院（推行，2023-05）" in line and "高院直接管辖" in line
    assert ("basic", 1, 2) in data.counts()  # still counted among the basic courts
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "直接管辖的单位" in svg
    # under an intermediate court a basic court is no stray; nor when it is all there is
    mid = adoption.AdoptionMap("诉源治理", units[0], [units[2]])
    assert adoption.strays(mid) == [] and adoption.stray_line(mid) == ""
    alone = adoption.AdoptionMap("诉源治理", high, [units[-1]])
    assert adoption.strays(alone) == []


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


def _map_of(n: int) -> adoption.AdoptionMap:
    units = [
        adoption.MapUnit(f"court:u{i}", f"甲省乙市第{i}区人民法院", "basic", parent="court:top")
        for i in range(n)
    ]
    top = adoption.MapUnit("court:top", "甲省乙市中级人民法院", "intermediate")
    return adoption.AdoptionMap("某举措", top, units)


def test_a_small_map_is_as_tall_as_its_boxes_and_a_large_one_fills_the_page() -> None:
    """Six units took two columns in the top left corner of an empty 16:9 page: they go in
    one row across it, and the picture is as tall as that row needs."""
    from PIL import Image

    sizes = {
        n: Image.open(io.BytesIO(adoption.draw_adoption_map(_map_of(n)))).size
        for n in (0, 6, 25, 120)
    }
    assert sizes[120] == (1920, 1080)  # a page of boxes, as before
    assert all(w == 1920 for w, _ in sizes.values())
    assert sizes[0][1] == sizes[6][1] < sizes[25][1] < 1080  # one row, then four
    fig = _map_figure(_map_of(6))
    boxes = [p for p in fig.axes[0].patches if type(p).__name__ == "FancyBboxPatch"]
    assert len({round(b.get_y(), 3) for b in boxes}) == 1  # one row
    right = max(b.get_x() + b.get_width() for b in boxes)
    assert right > 0.85 * fig.get_figwidth()  # across the page, not in its corner


def _map_figure(data: adoption.AdoptionMap):  # type: ignore[no-untyped-def]
    import figures.render

    kept = []
    save = figures.render.save_figure
    try:
        figures.render.save_figure = lambda fig, fmt, dpi: kept.append(fig) or save(fig, fmt, dpi)  # type: ignore[assignment]
        adoption.draw_adoption_map(data)
    finally:
        figures.render.save_figure = save  # type: ignore[assignment]
    return kept[0]


def test_adoption_map_png_and_svg(small) -> None:
    from PIL import Image

    data = adoption.adoption_map(small, "诉源治理", g.MID)
    png = adoption.draw_adoption_map(data)
    # four units: one row of boxes, the picture as tall as it needs (1920 px wide)
    width, height = Image.open(io.BytesIO(png)).size
    assert width == 1920 and height < 1080 / 2
    assert Image.open(io.BytesIO(adoption.draw_adoption_map(data, scale=2))).size == (
        3840,
        2 * height,
    )
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "<text" in svg and "丙区法院" in svg and "尚未报道" in svg  # text kept as text
    assert "Courtgraph Sans SC" in svg


def test_timeline_counts_undated_reports_in_its_note(small) -> None:
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


def test_briefing_docx_and_pptx_hold_the_tables_charts_and_sources(small) -> None:
    from docx import Document
    from docx.oxml.ns import qn
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
    # no row breaks across two pages (a metric on one page, its value on the next)
    rows = [row for t in doc.tables for row in t.rows]
    assert rows and all(
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        for row in rows
    )
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "尚未见报道的单位（计数只含法院和已导入名录的人民法庭）：戊县法院" in text
        and "[2] 样例文档甲，2023-05-01" in text
    )
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml  # page numbers
    assert len(doc.inline_shapes) == 2  # adoption map, timeline
    deck = briefing.to_pptx(b)
    prs = Presentation(io.BytesIO(deck))
    titles = [s.shapes.title.text for s in prs.slides]
    assert "乙市中院辖区采用情况" in titles and "资料来源" in titles
    # the levels as a native chart; the timeline is the report's step picture (year-only and
    # month-only dates mid-period, as in Word), not a line chart of its own
    assert sum(p.startswith("ppt/charts/chart") for p in _pptx_parts(deck)) == 1


def test_cli_names_the_format_by_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["map", "诉源治理", "--court", "乙市中院", "-o", str(tmp_path / "m.txt")])
    assert code == 1
    assert capsys.readouterr().err.startswith("Error:") and not list(tmp_path.iterdir())


def test_portfolio_groups_a_courts_initiatives_with_its_own_stage(small) -> None:
    from figures import portfolio

    data = portfolio.portfolio(small, g.MID)
    items = {i.initiative: i for i in data.items}
    suyuan = items["诉源治理"]
    assert suyuan.own == "promoted" and suyuan.own_date == "2022-11"
    assert suyuan.units == {g.BING: ("adopted", "2022-12"), g.DING: ("piloted", "2024-01")}
    assert suyuan.first_date == "2022-11" and suyuan.category == "未分类"  # no category here
    rows = portfolio.table_rows(data)
    assert ["未分类", "诉源治理", "上级推广（2022-11）", "2", "2022-11"] in rows


def test_portfolio_columns_never_end_on_a_heading() -> None:
    from figures import portfolio

    items = [portfolio.Item(f"i:{k}", f"举措{k}", f"类别{k // 5}") for k in range(40)]
    data = portfolio.Portfolio("court:x", "甲省高级人民法院", items)
    columns, left_out = portfolio.paginate(portfolio._rows(data), 22, 2)
    assert len(columns) == 2 and all(len(c) <= 22 for c in columns)
    assert all(c[-1][0] == "item" and c[0][0] == "head" for c in columns)
    assert columns[1][0][1].endswith("（续）") or "（" in columns[1][0][1]
    shown = sum(1 for c in columns for k, _ in c if k == "item")
    assert shown + left_out == 40 and left_out > 0


def test_portfolio_png_svg_and_deck(small) -> None:
    from PIL import Image
    from pptx import Presentation

    from figures import portfolio

    data = portfolio.portfolio(small, g.MID)
    assert Image.open(io.BytesIO(portfolio.draw_portfolio(data))).size == (1920, 1080)
    svg = portfolio.draw_portfolio(data, fmt="svg").decode("utf-8")
    assert "<text" in svg and "诉源治理" in svg and "乙市中院 · 改革举措一览" in svg
    prs = Presentation(io.BytesIO(portfolio.to_pptx(data)))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["乙市中院 · 改革举措一览", "乙市中院 · 改革举措清单"]
    (table,) = [sh.table for sh in prs.slides[1].shapes if sh.has_table]
    assert table.cell(0, 2).text == "本院"


def test_cli_makes_a_portfolio(small) -> None:
    from PIL import Image

    args = cli.argparse.Namespace(command="portfolio", court=g.MID, scale=1)
    png = cli._make(small, args, ".png")
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)


def test_category_names_match_the_explorers() -> None:
    from figures.names import CATEGORY_ZH
    from ui.state import CATEGORY_ZH as UI

    assert CATEGORY_ZH == UI


def test_coverage_counts_courts_by_province_and_prefecture(small) -> None:
    from figures import coverage

    country = coverage.coverage_map(small, "诉源治理")
    # 甲省's courts below the supreme court: high, intermediate and three basic courts
    assert [(r.name, r.adopted, r.units) for r in country.regions] == [("甲省", 3, 5)]
    assert country.scope == "全国各省（区、市）" and country.unplaced == 0
    basic = coverage.coverage_map(small, "诉源治理", province="甲省", levels=["basic"])
    assert [(r.name, r.adopted, r.units) for r in basic.regions] == [("乙市", 2, 3)]
    assert basic.regions[0].share == pytest.approx(2 / 3)
    with pytest.raises(CourtgraphError, match="直辖市"):
        coverage.coverage_map(small, "诉源治理", province="上海市")


@pytest.mark.slow
def test_coverage_map_draws_china_with_the_south_china_sea_inset() -> None:
    pytest.importorskip("cnmaps")
    from PIL import Image
    from pptx import Presentation

    from figures import coverage

    data = coverage.CoverageMap(
        "诉源治理",
        None,
        coverage.COURT_LEVELS,
        [coverage.Region("辽宁省", 30, 120), coverage.Region("浙江省", 2, 100)],
    )
    png = coverage.draw_coverage_map(data)
    im = Image.open(io.BytesIO(png)).convert("RGB")
    assert im.size == (1920, 1080)
    colours = {c for _, c in im.getcolors(maxcolors=1_000_000) or []}
    assert (0x5A, 0xAE, 0x61) in colours  # 辽宁 at 25%: the 15–30% green
    svg = coverage.draw_coverage_map(data, fmt="svg").decode("utf-8")
    assert "南海诸岛" in svg and "辽宁" in svg and "<text" in svg
    geo = coverage.boundaries()
    assert {"台湾省", "香港特别行政区", "澳门特别行政区", "海南省"} <= set(geo["regions"])
    assert geo["dashes"] is not None and len(geo["dashes"].geoms) == 10  # the ten-dash line
    prs = Presentation(io.BytesIO(coverage.to_pptx(data)))
    assert [s.shapes.title.text for s in prs.slides] == [
        "诉源治理 · 全国各省（区、市）覆盖情况",
        "诉源治理 · 已报道的法院占比（全国各省（区、市））",
    ]
    assert any(sh.has_chart for sh in prs.slides[1].shapes)


def test_cli_makes_a_table_of_a_named_query(small) -> None:
    from pptx import Presentation

    args = cli.argparse.Namespace(
        command="table", query="adopters", param=[f"initiative={g.SUYUAN}"], title=None, scale=1
    )
    deck = Presentation(io.BytesIO(cli._make(small, args, ".pptx")))
    (table,) = [sh.table for sh in deck.slides[0].shapes if sh.has_table]
    # the title names what was asked (it said 采用某项举措的单位 only: a new user's finding)
    assert deck.slides[0].shapes.title.text == "采用某项举措的单位（诉源治理）"
    # a slide for Chinese readers: Chinese headers and values, no ids (a new user's finding),
    # no rule names or confidences, no column that repeats another in every row
    heads = [table.cell(0, i).text for i in range(len(table.columns))]
    assert heads[:3] == ["单位", "类型", "层级"] and "阶段" in heads
    assert not any(h.isascii() for h in heads), heads
    assert not {"规则", "置信度", "各事实核实状态"} & set(heads), heads
    assert table.cell(1, 0).text == "甲省乙市中级人民法院" and table.cell(1, 2).text == "中级法院"
    bad = cli.argparse.Namespace(command="table", query="nope", param=[], title=None, scale=1)
    with pytest.raises(CourtgraphError, match="没有名为 'nope' 的命名查询"):
        cli._make(small, bad, ".png")


def test_an_adoption_map_gets_a_landscape_page_in_the_report(small) -> None:
    """Every map, a few units too: across the portrait page its legend was about 4 pt."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    b = briefing.gather(small, "诉源治理", g.MID)
    assert b.map is not None
    doc = Document(io.BytesIO(briefing.to_docx(b)))
    orientations = [s.orientation for s in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert all(s.footer.is_linked_to_previous for s in doc.sections[1:])  # page numbers go on


def test_an_adoption_map_too_large_to_label_is_drawn_by_group_and_says_so() -> None:
    units = []
    for h in range(3):
        units.append(adoption.MapUnit(f"court:h{h}", f"甲{h}省高级人民法院", "high", "court:s"))
        units += [
            adoption.MapUnit(f"court:h{h}b{k}", f"甲{h}省第{k}区人民法院", "basic", f"court:h{h}")
            for k in range(adoption.MAX_BOXES // 2)
        ]
    units[1].stage = "adopted"
    data = adoption.AdoptionMap(
        "某举措", adoption.MapUnit("court:s", "最高人民法院", "supreme"), units
    )
    cols = adoption.grouped_columns(data)
    assert [c[0][0].short for c in cols][:1] == [f"甲0高院 1/{adoption.MAX_BOXES // 2 + 1}"]
    svg = adoption.draw_adoption_map(data, fmt="svg").decode("utf-8")
    assert "一页无法逐一标注" in svg and "甲1高院" in svg


def test_briefing_says_when_the_figures_list_is_cut(small, monkeypatch) -> None:
    """Issue 13: `initiative_outcomes` stops at its row limit; the briefing counts the
    figures it leaves out instead of listing fewer silently (a limit of 1 here: 丙区 and 丁县
    each report a figure tied to 诉源治理)."""
    import dataclasses

    from docx import Document

    from queries import registry

    s = "丁县法院诉前调解案件达到120件。"
    figure = g.entity_id("Outcome", g.DING, "诉前调解案件", 120.0, "件", "2024")
    doc = g.DocumentGraph(
        id=g.document_id("e" * 64),
        props={"title": "样例文档戊", "date": "2024-08-01", "content_hash": "e" * 64},
        nodes=[
            g.NodeRow(
                "Outcome",
                figure,
                {
                    "name": "诉前调解案件 120件",
                    "metric": "诉前调解案件",
                    "value": 120.0,
                    "unit_of_measure": "件",
                    "period": "2024",
                },
            )
        ],
        mentions=[
            g.MentionRow(g.DING, "丁县法院", s, 0, 4),
            g.MentionRow(figure, "120件", s, 12, 16),
        ],
        facts=[
            g.FactRow("REPORTED", g.DING, figure, (), {}, g._ev(s)),
            g.FactRow("REPORTED", figure, g.SUYUAN, (), {}, g._ev(s)),
        ],
    )
    small.write_documents([doc])
    assert len(briefing.gather(small, "诉源治理").outcomes) == 2
    query = registry.REGISTRY["initiative_outcomes"]
    monkeypatch.setitem(
        registry.REGISTRY, "initiative_outcomes", dataclasses.replace(query, row_limit=1)
    )
    b = briefing.gather(small, "诉源治理")
    assert len(b.outcomes) == 1 and b.outcome_count == 2
    assert "文档报告了与该举措相关的数据 2 项（第五部分列出前 1 项）。" in b.headline()
    text = "\n".join(p.text for p in Document(io.BytesIO(briefing.to_docx(b))).paragraphs)
    assert "共 2 项数据，这里只列出前 1 项，另有 1 项未列出。" in text


def test_cli_timeline_under_a_court_shows_its_units_only(small) -> None:
    # `figures timeline --court` was accepted and ignored: the same picture for every court
    def svg(court: str | None) -> str:
        args = cli.argparse.Namespace(
            command="timeline", initiative="诉源治理", court=court, verified_only=False, scale=1
        )
        return cli._make(small, args, ".svg").decode("utf-8")

    everyone, bing = svg(None), svg("丙区法院")
    assert "乙市中院推广" in everyone and "辖区" not in everyone
    assert "丙区法院辖区" in bing and "乙市中院推广" not in bing  # the city court is not under 丙区


def test_briefing_rows_name_their_sources(small) -> None:
    """Each row of the adopters' and the figures' tables names the numbers of the documents it
    stands on in 资料来源 (a new user could not tell which report a line came from)."""
    import re

    b = briefing.gather(small, "诉源治理", g.MID)
    number = {d["doc_id"]: i for i, d in enumerate(b.sources, 1)}
    units = {u["unit"]: u for u in b.per_unit()}
    for row in briefing._adopter_rows(b):
        unit = next(u for name, u in units.items() if briefing.short_court_name(name) == row[0])
        refs = {int(n) for n in re.findall(r"\[(\d+)\]", row[-1])}
        assert refs and refs == {number[d] for d in unit["doc_set"]}
    rows = briefing._outcome_rows(b)
    assert rows and all(re.fullmatch(r"(\[\d+\]、?)+", r[-1]) for r in rows)
    for o, row in zip(b.outcomes, rows, strict=True):
        assert {int(n) for n in re.findall(r"\[(\d+)\]", row[-1])} == {
            number[d] for d in b.outcome_docs[o["fact_id"]]
        }


def test_a_row_with_more_documents_than_it_lists_counts_them() -> None:
    b = briefing.Briefing.__new__(briefing.Briefing)
    b.sources = [{"doc_id": f"doc:{k}"} for k in range(6)]
    assert briefing._refs(b, [f"doc:{k}" for k in (5, 0, 2)]) == "[1]、[3]、[6]"
    many = [f"doc:{k}" for k in range(6)] + ["doc:not-listed"]
    assert briefing._refs(b, many) == "[1]、[2]、[3]、[4] 等 7 篇"
    assert briefing._refs(b, ["doc:not-listed"]) == "1 篇（未列出）"


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* of a #rrggbb colour (D65)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_a_learning_visit_is_drawn_in_a_colour_no_other_relationship_or_kind_has() -> None:
    """LEARNED_FROM's teal was hard to tell from HOLDS_ROLE's green in pictures."""
    import math

    from figures.render import KIND_STYLE, OTHER_STYLE, REL_COLOR

    visit = _lab(REL_COLOR["LEARNED_FROM"])
    others = [c for rel, c in REL_COLOR.items() if rel != "LEARNED_FROM"]
    others += [s.color for s in (*KIND_STYLE.values(), OTHER_STYLE)]
    assert min(math.dist(visit, _lab(c)) for c in others) >= 40
