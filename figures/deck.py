"""PowerPoint decks a presenter can edit: 16:9, real titles, native charts and tables.

`Deck` writes slides the way a presenter would build them by hand: the title is the slide's
title placeholder (editable, shown in the outline), a figure fills the content area, legends
and sources go into editable text or the speaker notes, and charts that are charts (a
timeline, counts by level) are native PowerPoint charts whose data can be edited, restyled
and relabelled in PowerPoint. Tables are native tables, continued on further slides when long.
A deck whose facts come from demo documents says so on every slide, not only in the notes:
a red mark at the top right (where a picture does not carry its own) and the footer.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Sequence
from typing import Any

from figures.render import DEMO_BADGE, _east_asian, demo_note

#: 16:9 at PowerPoint's default widescreen size
WIDTH_IN, HEIGHT_IN = 13.333, 7.5
TITLE_TOP, TITLE_H = 0.3, 0.85
CONTENT_TOP = 1.25
MARGIN = 0.45
FOOTER_H = 0.35
ROWS_PER_TABLE_SLIDE = 12
SANS = "Microsoft YaHei"  # East Asian typeface of every run; PowerPoint falls back by itself
#: the demo mark's box at the top right of a slide, in inches, and its colour (the pictures')
DEMO_MARK_W, DEMO_RED = 2.9, "B3261E"


class Deck:
    """A 16:9 deck built slide by slide; `save()` returns the .pptx bytes. `demo`: how many
    of the documents its facts come from are demo documents (every slide then says so)."""

    def __init__(self, title: str, *, generated: str | None = None, demo: int = 0) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.prs = Presentation()
        self.prs.slide_width = Inches(WIDTH_IN)
        self.prs.slide_height = Inches(HEIGHT_IN)
        # the default template says 4:3 in presentation.xml: say what the slides are
        sld_sz = self.prs.part._element.find(
            "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz"
        )
        if sld_sz is not None and "type" in sld_sz.attrib:
            del sld_sz.attrib["type"]
        self.prs.core_properties.title = title
        self.prs.core_properties.author = "courtgraph"
        self.generated = generated or _dt.date.today().isoformat()
        self.demo = demo

    # -- slides ---------------------------------------------------------------------------

    def _slide(self, title: str, notes: str | None = None, *, marked: bool = False) -> Any:
        """A slide with its title and footer; `marked`: its content (a picture) carries the
        demo mark itself, so the slide adds none at the top right."""
        from pptx.util import Inches, Pt

        s = self.prs.slides.add_slide(self.prs.slide_layouts[5])  # title only
        t = s.shapes.title
        mark = bool(self.demo) and not marked
        t.left, t.top = Inches(MARGIN), Inches(TITLE_TOP)
        t.width = Inches(WIDTH_IN - 2 * MARGIN - (DEMO_MARK_W + 0.1 if mark else 0))
        t.height = Inches(TITLE_H)
        t.text = title
        for p in t.text_frame.paragraphs:
            p.alignment = 1  # left
            for r in p.runs:
                r.font.size = Pt(28)
                r.font.bold = True
                _east_asian(r, SANS)
        if notes:
            s.notes_slide.notes_text_frame.text = notes
        self._footer(s)
        if mark:
            self._demo_mark(s)
        return s

    def _demo_mark(self, s: Any) -> None:
        """The pictures' red mark (演示数据 · 内容虚构) at the top right of the slide."""
        from pptx.dml.color import RGBColor
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Inches, Pt

        box = s.shapes.add_textbox(
            Inches(WIDTH_IN - MARGIN - DEMO_MARK_W),
            Inches(TITLE_TOP + 0.17),
            Inches(DEMO_MARK_W),
            Inches(0.5),
        )
        box.line.color.rgb = RGBColor.from_string(DEMO_RED)
        box.line.width = Pt(1.25)
        p = box.text_frame.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER
        r = p.add_run()
        r.text = DEMO_BADGE
        r.font.size = Pt(16)
        r.font.color.rgb = RGBColor.from_string(DEMO_RED)
        _east_asian(r, SANS)

    def _footer(self, s: Any) -> None:
        from pptx.dml.color import RGBColor
        from pptx.util import Inches, Pt

        box = s.shapes.add_textbox(
            Inches(MARGIN),
            Inches(HEIGHT_IN - FOOTER_H - 0.05),
            Inches(WIDTH_IN - 2 * MARGIN),
            Inches(FOOTER_H),
        )
        p = box.text_frame.paragraphs[0]
        if self.demo:  # first, in the mark's red: a presenter cannot miss it
            r = p.add_run()
            r.text = f"{demo_note(self.demo)} · "
            r.font.size = Pt(10)
            r.font.bold = True
            r.font.color.rgb = RGBColor.from_string(DEMO_RED)
            _east_asian(r, SANS)
        r = p.add_run()
        r.text = f"courtgraph · 数据截至 {self.generated}"
        r.font.size = Pt(10)
        r.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        _east_asian(r, SANS)

    def _content_box(self) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the content area in inches."""
        return (
            MARGIN,
            CONTENT_TOP,
            WIDTH_IN - 2 * MARGIN,
            HEIGHT_IN - CONTENT_TOP - FOOTER_H - 0.15,
        )

    def title_slide(self, title: str, subtitle: str = "") -> None:
        from pptx.util import Pt

        s = self.prs.slides.add_slide(self.prs.slide_layouts[0])
        s.shapes.title.text = title
        for r in s.shapes.title.text_frame.paragraphs[0].runs:
            r.font.size = Pt(40)
            _east_asian(r, SANS)
        sub = s.placeholders[1]
        sub.text = subtitle or f"courtgraph · 数据截至 {self.generated}"
        for p in sub.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(20)
                _east_asian(r, SANS)
        from pptx.util import Inches

        for shape, top, height in ((s.shapes.title, 2.0, 1.6), (sub, 3.9, 1.2)):
            shape.left, shape.top = Inches(MARGIN + 0.5), Inches(top)
            shape.width, shape.height = Inches(WIDTH_IN - 2 * MARGIN - 1.0), Inches(height)
        if self.demo:
            self._demo_mark(s)
            self._footer(s)

    def picture_slide(
        self,
        title: str,
        png: bytes,
        *,
        notes: str | None = None,
        legend: Sequence[tuple[str, str, str]] = (),
        caption: str | None = None,
        marked: bool = False,
    ) -> Any:
        """The picture as large as the content area allows, its aspect ratio kept; `legend`
        ((symbol, colour, label) items) as editable text in a column at the right, `caption`
        (e.g. the sources) as an editable line under the picture; `marked`: the picture
        carries the demo mark itself (drawn with `demo=`)."""
        from PIL import Image
        from pptx.dml.color import RGBColor
        from pptx.util import Emu, Inches, Pt

        s = self._slide(title, notes, marked=marked)
        left, top, width, height = self._content_box()
        if caption:
            height -= 0.4
            self._caption(s, caption, left, top + height + 0.05, width)
        if legend:
            legend_w = 2.5
            box = s.shapes.add_textbox(
                Inches(left + width - legend_w), Inches(top), Inches(legend_w), Inches(height)
            )
            tf = box.text_frame
            tf.word_wrap = True
            for i, (symbol, colour, label) in enumerate(legend):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                mark = p.add_run()
                mark.text = f"{symbol} "
                mark.font.size = Pt(14)
                mark.font.color.rgb = RGBColor.from_string(_hex6(colour))
                r = p.add_run()
                r.text = label
                r.font.size = Pt(14)
                _east_asian(r, SANS)
            width -= legend_w + 0.1
        with Image.open(io.BytesIO(png)) as im:
            w, h = im.size
        scale = min(Inches(width) / w, Inches(height) / h)
        pw, ph = int(w * scale), int(h * scale)
        x = Inches(left) + (Inches(width) - pw) // 2
        s.shapes.add_picture(io.BytesIO(png), Emu(x), Inches(top), width=Emu(pw), height=Emu(ph))
        return s

    def _caption(self, s: Any, text: str, left: float, top: float, width: float) -> None:
        """An editable line of small grey text (the sources) at `left`, `top` (inches)."""
        from pptx.dml.color import RGBColor
        from pptx.util import Inches, Pt

        box = s.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(0.35))
        box.text_frame.word_wrap = True
        r = box.text_frame.paragraphs[0].add_run()
        r.text = text
        r.font.size = Pt(11)
        r.font.color.rgb = RGBColor(0x5A, 0x66, 0x73)
        _east_asian(r, SANS)

    def chart_slide(
        self,
        title: str,
        categories: Sequence[Any],
        series: dict[str, Sequence[float]],
        *,
        kind: str = "line",
        notes: str | None = None,
        number_format: str = "0",
        y_title: str | None = None,
        colours: Sequence[str] = (),
        caption: str | None = None,
    ) -> Any:
        """A native chart: `kind` line (a timeline; dates as categories give a date axis
        labelled by month), bar or stacked (counts; zero counts carry no label). `colours`
        ('#2e7d32', ...) colour the series in order; `y_title` names the value axis and its
        unit (单位数（个）); `caption` (the sources) is an editable line under the chart."""
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
        from pptx.util import Inches, Pt

        s = self._slide(title, notes)
        data = CategoryChartData(number_format=number_format)
        data.categories = list(categories)
        for name, values in series.items():
            data.add_series(name, list(values))
        chart_type = {
            "line": XL_CHART_TYPE.LINE_MARKERS,
            "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
            "stacked": XL_CHART_TYPE.COLUMN_STACKED,
        }[kind]
        left, top, width, height = self._content_box()
        if caption:
            height -= 0.4
            self._caption(s, caption, left, top + height + 0.05, width)
        frame = s.shapes.add_chart(
            chart_type, Inches(left), Inches(top), Inches(width), Inches(height), data
        )
        chart = frame.chart
        chart.font.size = Pt(14)
        chart.has_title = False  # the slide's title says it
        chart.has_legend = len(series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.TOP
            chart.legend.include_in_layout = False
        from pptx.dml.color import RGBColor

        for colour, ser in zip(colours, chart.plots[0].series, strict=False):
            if kind == "line":
                ser.format.line.color.rgb = RGBColor.from_string(_hex6(colour))
                ser.format.line.width = Pt(2.5)
                ser.marker.format.fill.solid()
                ser.marker.format.fill.fore_color.rgb = RGBColor.from_string(_hex6(colour))
            else:
                ser.format.fill.solid()
                ser.format.fill.fore_color.rgb = RGBColor.from_string(_hex6(colour))
        if kind != "line":
            chart.value_axis.tick_labels.number_format = number_format
            chart.value_axis.tick_labels.number_format_is_linked = False
            plot = chart.plots[0]
            plot.has_data_labels = True
            # positive;negative;zero: a zero count carries no label
            plot.data_labels.number_format = f"{number_format};-{number_format};;"
            plot.data_labels.number_format_is_linked = False
        elif categories and isinstance(categories[0], _dt.date):
            _month_axis(chart, categories)
        if y_title:
            axis = chart.value_axis
            axis.has_title = True
            axis.axis_title.text_frame.text = y_title
            for p in axis.axis_title.text_frame.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(14)
                    _east_asian(r, SANS)
        return chart

    def table_slides(
        self,
        title: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        notes: str | None = None,
        widths: Sequence[float] | None = None,
        per_slide: int = ROWS_PER_TABLE_SLIDE,
    ) -> int:
        """Native tables, `per_slide` rows a slide (type a size smaller above 12); returns the
        slides written."""
        from pptx.util import Inches, Pt

        pages = [rows[i : i + per_slide] for i in range(0, len(rows), per_slide)] or [[]]
        body = Pt(13 if per_slide <= ROWS_PER_TABLE_SLIDE else 11)
        left, top, width, height = self._content_box()
        for k, page in enumerate(pages):
            suffix = f"（{k + 1}/{len(pages)}）" if len(pages) > 1 else ""
            s = self._slide(title + suffix, notes)
            n_rows = len(page) + 1
            row_h = min(0.42, height / n_rows)
            shape = s.shapes.add_table(
                n_rows,
                len(columns),
                Inches(left),
                Inches(top),
                Inches(width),
                Inches(row_h * n_rows),
            )
            table = shape.table
            if widths:
                total = sum(widths)
                for j, w in enumerate(widths):
                    table.columns[j].width = Inches(width * w / total)
            for j, name in enumerate(columns):
                _cell(table.cell(0, j), str(name), Pt(14), bold=True)
            for i, row in enumerate(page, 1):
                for j, value in enumerate(row):
                    _cell(table.cell(i, j), "" if value is None else str(value), body)
        return len(pages)

    def text_slide(self, title: str, lines: Sequence[str], *, notes: str | None = None) -> None:
        from pptx.util import Inches, Pt

        s = self._slide(title, notes)
        left, top, width, height = self._content_box()
        box = s.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        tf = box.text_frame
        tf.word_wrap = True
        for i, line in enumerate(lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.space_after = Pt(8 if len(lines) <= 10 else 2)  # a paragraph each, as typed
            r = p.add_run()
            r.text = line
            r.font.size = Pt(16 if len(lines) <= 10 else 12)
            _east_asian(r, SANS)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def _month_axis(chart: Any, dates: Sequence[Any]) -> None:
    """Label a date axis by month (2023-05) with a tick every few months or years, so that
    the labels of a long timeline do not crowd."""
    from pptx.oxml.ns import qn

    axis = chart.category_axis
    axis.tick_labels.number_format = "yyyy-mm"
    axis.tick_labels.number_format_is_linked = False
    span = (max(dates).year - min(dates).year) * 12 + max(dates).month - min(dates).month
    step = next((m for m in (1, 2, 3, 6, 12, 24, 60) if span / m <= 10), 120)
    ax = axis._element
    base = ax.find(qn("c:baseTimeUnit"))
    if base is None:
        base = ax.makeelement(qn("c:baseTimeUnit"), {})
        ax.append(base)
    base.set("val", "months")
    unit = ax.makeelement(qn("c:majorUnit"), {"val": str(step)})
    time_unit = ax.makeelement(qn("c:majorTimeUnit"), {"val": "months"})
    base.addnext(unit)
    unit.addnext(time_unit)


def _hex6(colour: str) -> str:
    """'#1f5fa8' or '#999' as the six hex digits PowerPoint wants."""
    h = colour.lstrip("#")
    return "".join(c * 2 for c in h) if len(h) == 3 else h[:6]


def _cell(cell: Any, text: str, size: Any, *, bold: bool = False) -> None:
    cell.text = text
    for p in cell.text_frame.paragraphs:
        for r in p.runs:
            r.font.size = size
            r.font.bold = bold
            _east_asian(r, SANS)
