"""Pictures put on a slide or a Word page stay legible there and cite their documents (a new
user's findings: the adoption map's footnote was about 7 pt on a slide and its legend about 4 pt
in Word; the unit briefing's portfolio likewise; `figures table` pictures cited only
"courtgraph 知识图谱"; the level chart had no unit on its axis and no source)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from figures import __main__ as cli
from figures import adoption, deck, portfolio
from tests import graph_fixtures as g

SLIDE_W_IN = deck.WIDTH_IN - 2 * deck.MARGIN
SLIDE_H_IN = deck.HEIGHT_IN - deck.CONTENT_TOP - deck.FOOTER_H - 0.15


def _map(n: int = 6, tribunals: int = 2) -> adoption.AdoptionMap:
    root = adoption.MapUnit("court:m", "甲省乙市中级人民法院", "intermediate", stage="adopted")
    units = [
        adoption.MapUnit(f"court:b{i}", f"甲省乙市第{i}区人民法院", "basic", parent="court:m")
        for i in range(n)
    ]
    units[1].stage = "adopted"
    units += [
        adoption.MapUnit(f"court:t{i}", f"第{i}人民法庭", "tribunal", parent=f"court:b{i}")
        for i in range(tribunals)
    ]
    return adoption.AdoptionMap("某举措", root, units)


def _smallest_points(fig: Any) -> float:
    """The smallest type of the words drawn (not the hidden axes' empty labels)."""
    from matplotlib.text import Text

    return min(
        t.get_fontsize() for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()
    )


@pytest.fixture
def caught(monkeypatch) -> list[Any]:
    """The figures drawn (caught before they are saved), with the dpi asked for."""
    import figures.render

    kept: list[Any] = []

    def keep(fig: Any, fmt: str, dpi: float) -> bytes:
        kept.append(fig)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=20)
        return buf.getvalue()

    monkeypatch.setattr(figures.render, "save_figure", keep)
    return kept


def _shown_scale(fig: Any, room_w: float, room_h: float) -> float:
    """How much of its size a figure keeps when fitted into room_w × room_h inches."""
    w, h = fig.get_figwidth(), fig.get_figheight()
    return min(room_w / w, room_h / h)


def test_a_slides_map_keeps_its_type_at_about_ten_points(caught) -> None:
    adoption.draw_adoption_map(_map(), with_title=False, width=adoption.SLIDE_MAP_WIDTH)
    fig = caught[-1]
    shown = _smallest_points(fig) * _shown_scale(fig, SLIDE_W_IN, SLIDE_H_IN)
    assert shown >= 9.8
    # the 16 in picture the slide had: about 7 pt
    adoption.draw_adoption_map(_map(), with_title=False)
    old = caught[-1]
    assert _smallest_points(old) * _shown_scale(old, SLIDE_W_IN, SLIDE_H_IN) < 8


def test_a_slides_map_has_nothing_past_its_edge(caught) -> None:
    """On the narrower figure the header, the legend and the footnote wrap onto further lines
    rather than run off the page or into each other."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    data = _map(n=9, tribunals=4)
    data.units[2].rollout = {
        "court": "甲省高级人民法院",
        "court_id": "court:h",
        "scope": "全省法院",
    }
    adoption.draw_adoption_map(
        data,
        with_title=False,
        width=adoption.SLIDE_MAP_WIDTH,
        documents=["甲院推行（2025-01-02）"] * 5,
    )
    fig = caught[-1]
    from figures.render import drawing

    with drawing():  # the bundled face the picture is drawn with
        renderer = FigureCanvasAgg(fig).get_renderer()
        boxes = [t.get_window_extent(renderer) for t in fig.texts + fig.axes[0].texts]
        boxes += [lg.get_window_extent(renderer) for lg in fig.legends]
        legends = [lg.get_window_extent(renderer) for lg in fig.legends]
    page = fig.bbox
    for b in boxes:
        assert b.x0 >= page.x0 - 1 and b.x1 <= page.x1 + 1, b
    for i, a in enumerate(legends):
        for b in legends[i + 1 :]:
            assert not a.overlaps(b)


def test_a_briefing_puts_its_map_on_a_landscape_page_at_about_its_own_size(
    arcadedb_small_graph,
) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT

    from figures import briefing

    b = briefing.gather(arcadedb_small_graph, "诉源治理", g.MID)
    doc = Document(io.BytesIO(briefing.to_docx(b)))
    wide = next(s for s in doc.sections if s.orientation == WD_ORIENT.LANDSCAPE)
    (shape,) = [s for s in doc.inline_shapes if s.width > 0][:1]
    png = b.map_png()
    with Image.open(io.BytesIO(png)) as im:
        px = im.width
    drawn_in = px / (120 * 1.5)  # the figure's width in inches
    page_in = shape.width / 914400
    assert page_in <= (wide.page_width - wide.left_margin - wide.right_margin) / 914400 + 0.01
    # its 10 pt footnote shown at 8 pt or more (about 4 pt on the portrait page)
    assert 10 * page_in / drawn_in >= 8


def test_the_portfolio_keeps_its_small_type_legible_where_it_is_shown(caught) -> None:
    items = [
        portfolio.Item(
            f"initiative:举措{i}",
            f"举措{i}",
            "多元解纷",
            "adopted" if i % 2 else None,
            "2025",
            {"court:b": ("adopted", "2025")},
        )
        for i in range(8)
    ]
    pf = portfolio.Portfolio("court:m", "甲省乙市中级人民法院", items)
    portfolio.draw_portfolio(
        pf, with_title=False, width=10.0, fit=True, small=portfolio.NARROW_PAGE_SMALL
    )
    fig = caught[-1]
    word = 15.8 / 2.54 / fig.get_figwidth()  # across the report's portrait page
    assert _smallest_points(fig) * word >= 8
    assert _smallest_points(fig) * _shown_scale(fig, SLIDE_W_IN, SLIDE_H_IN) >= 9.5
    portfolio.draw_portfolio(pf, with_title=False, small=portfolio.WIDE_SLIDE_SMALL)
    wide = caught[-1]
    assert _smallest_points(wide) * _shown_scale(wide, SLIDE_W_IN, SLIDE_H_IN) >= 9.5


def test_the_level_chart_names_its_unit_and_cites_its_sources(arcadedb_small_graph) -> None:
    from pptx import Presentation

    from figures import briefing

    b = briefing.gather(arcadedb_small_graph, "诉源治理", g.MID)
    prs = Presentation(io.BytesIO(briefing.to_pptx(b)))
    slide = next(s for s in prs.slides if s.shapes.title.text == "各层级已有报道的单位")
    chart = next(sh.chart for sh in slide.shapes if sh.has_chart)
    assert chart.value_axis.has_title
    assert chart.value_axis.axis_title.text_frame.text == "单位数（个）"
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert any(t.startswith("来源：") for t in texts), texts
    assert "资料来源" in slide.notes_slide.notes_text_frame.text


def test_a_table_picture_cites_the_documents_of_its_rows(arcadedb_small_graph) -> None:
    """`figures table` said only 来源：courtgraph 知识图谱; the explorer's picture of the same
    table names every document."""
    from pptx import Presentation

    args = cli.argparse.Namespace(
        command="table", query="adopters", param=[f"initiative={g.SUYUAN}"], title=None, scale=1
    )
    svg = cli._make(arcadedb_small_graph, args, ".svg").decode("utf-8")
    assert "来源：courtgraph 知识图谱" not in svg
    assert "来源：" in svg
    deck_ = Presentation(io.BytesIO(cli._make(arcadedb_small_graph, args, ".pptx")))
    notes = deck_.slides[0].notes_slide.notes_text_frame.text
    assert "来源（" in notes and "courtgraph 知识图谱" not in notes


def test_a_stand_alone_map_and_portfolio_name_their_documents(caught) -> None:
    docs = ["甲院推行某举措（a1.txt）（2025-01-02）", "乙院试点（b2.txt）（2025-03-04）", "丙"]
    adoption.draw_adoption_map(_map(), documents=docs)
    note = "".join(t.get_text() for t in caught[-1].axes[0].texts).replace("\n", "")
    assert (
        "来源：甲院推行某举措（a1.txt）（2025-01-02）；乙院试点（b2.txt）（2025-03-04） 等 3 篇文档"
        in note
    )
    pf = portfolio.Portfolio(
        "court:m",
        "甲省乙市中级人民法院",
        [portfolio.Item("initiative:举措", "举措", "多元解纷", "adopted", "2025")],
    )
    portfolio.draw_portfolio(pf, documents=docs[:1])
    note = "".join(t.get_text() for t in caught[-1].axes[0].texts).replace("\n", "")
    assert "来源：甲院推行某举措（a1.txt）（2025-01-02）" in note
