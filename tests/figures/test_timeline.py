"""The timeline figure reads correctly: a year- or month-only date is not drawn as a precise
day, the date ticks are regular, and the legend names only what is drawn."""

from __future__ import annotations

import datetime as _dt
from itertools import pairwise
from typing import Any

import matplotlib.dates as mdates
import pytest

from figures.timeline import build_timeline, draw_timeline


def _row(unit: str, date: str | None, stage: str = "adopted") -> dict[str, Any]:
    precision = None if not date else {4: "year", 7: "month"}.get(len(date), "day")
    return {
        "unit_id": f"court:{unit}",
        "unit": unit,
        "level": "basic",
        "province": "浙江省",
        "stage": stage,
        "date": date,
        "date_precision": precision,
        "doc_ids": ["doc:1"],
        "initiative": "共享法庭",
        "fact_id": f"adopted:{unit}",
    }


@pytest.fixture
def drawn(monkeypatch) -> Any:
    """The axes `draw_timeline` draws (the figure caught before it is saved)."""
    import figures.render

    figures_drawn: list[Any] = []

    def keep(fig: Any, fmt: str, dpi: float) -> bytes:
        figures_drawn.append(fig)
        return b""

    monkeypatch.setattr(figures.render, "save_figure", keep)

    def draw(rows: list[dict[str, Any]]) -> Any:
        draw_timeline(build_timeline("共享法庭", rows), generated="2026-12-06")
        return figures_drawn[-1].axes[0]

    return draw


def _x(d: _dt.date) -> float:
    return float(mdates.date2num(d))


def _xs(ax: Any, label_has: str) -> list[float]:
    return [
        float(x)
        for c in ax.collections
        if label_has in str(c.get_label())
        for x, _ in c.get_offsets()
    ]


def test_a_year_only_date_is_drawn_at_its_first_day_as_the_explorer_counts_it(drawn) -> None:
    """The explorer's 扩散分析 › 时间线 counts a year-only date from 1 January; the figures drew
    it in July, so the same facts gave two curves (a new user's finding)."""
    ax = drawn([_row("甲法院", "2023-03-10"), _row("乙法院", "2024")])
    # the dated report at its own day, not at the first of its month
    assert _xs(ax, "已报道") == [pytest.approx(_x(_dt.date(2023, 3, 10)))]
    # the year-only one on 1 January 2024, under a legend entry of its own that says so
    year_only = [t.get_text() for t in ax.get_legend().get_texts() if "精确到年" in t.get_text()]
    assert len(year_only) == 1 and "第一天" in year_only[0]
    assert _xs(ax, "精确到年") == [pytest.approx(_x(_dt.date(2024, 1, 1)))]


def test_a_month_only_date_is_drawn_at_its_first_day(drawn) -> None:
    ax = drawn([_row("甲法院", "2023-03-10"), _row("乙法院", "2023-06")])
    assert _xs(ax, "精确到月") == [pytest.approx(_x(_dt.date(2023, 6, 1)))]


def test_the_footnote_says_so_in_the_explorers_words(monkeypatch) -> None:
    import figures.render
    from figures.timeline import FIRST_DAY_NOTE

    kept: list[Any] = []
    monkeypatch.setattr(figures.render, "save_figure", lambda fig, fmt, dpi: kept.append(fig))
    draw_timeline(build_timeline("共享法庭", [_row("乙法院", "2024")]), generated="2026-12-06")
    note = "".join(t.get_text() for t in kept[-1].texts).replace("\n", "")
    assert FIRST_DAY_NOTE == "到年或到月的日期按第一天计"
    assert FIRST_DAY_NOTE in note and "中间" not in note
    # the explorer's page says the same words
    from pathlib import Path

    page = Path(__file__).parents[2] / "ui" / "analytics" / "timeline.py"
    assert FIRST_DAY_NOTE in page.read_text(encoding="utf-8")


def test_the_axis_starts_where_the_data_starts(drawn) -> None:
    """Two reports of 2025 only: the axis began at 2024年10月 (a quarter before anything)."""
    ax = drawn([_row("甲法院", "2025"), _row("乙法院", "2025")])
    assert _ticks(ax)[0] == _dt.date(2025, 1, 1)
    lo, _ = ax.get_xlim()
    assert lo > _x(_dt.date(2024, 12, 1))
    # the step rises at the first report, not from a month before the axis
    step = ax.lines[0]
    assert min(step.get_xdata()) >= lo


def test_the_legend_stands_above_the_plot(drawn) -> None:
    """The legend stood in the plot over the top step (the 2-unit band of a brief)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ax = drawn([_row("甲法院", "2025"), _row("乙法院", "2025"), _row("丙法院", "2025-07-02")])
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    plot = ax.get_window_extent(renderer)
    assert legend.y0 >= plot.y1 - 1
    assert legend.x1 <= ax.figure.bbox.x1


def _ticks(ax: Any) -> list[_dt.date]:
    lo, hi = ax.get_xlim()
    locs = [x for x in ax.xaxis.get_majorticklocs() if lo <= x <= hi]
    return [mdates.num2date(x).date() for x in locs]


@pytest.mark.parametrize(
    ("dates", "months"),
    [
        (["2023-02-14", "2023-05-02", "2023-09-30"], 1),
        (["2022-04-12", "2022-07-03", "2022-11-20", "2023-02-01", "2023-09-30"], 3),
        (["2017-05-01", "2019-03-02", "2021-08-08", "2023-06"], 12),
    ],
)
def test_date_ticks_are_regular_with_chinese_friendly_labels(drawn, dates, months) -> None:
    ax = drawn([_row(f"法院{i}", d) for i, d in enumerate(dates)])
    ticks = _ticks(ax)
    assert len(ticks) >= 3
    assert all(t.day == 1 for t in ticks)
    steps = {(b.year - a.year) * 12 + b.month - a.month for a, b in pairwise(ticks)}
    assert steps == {months}
    # a tick stands at or before the first mark and at or after the last
    first = min(_xs(ax, ""))
    assert mdates.date2num(ticks[0]) <= first <= max(_xs(ax, "")) <= mdates.date2num(ticks[-1])
    labels = ax.xaxis.get_major_formatter().format_ticks([_x(t) for t in ticks])
    # one style: 2023年 at a year's start, 5月 within it, the first tick with its year
    for i, (t, label) in enumerate(zip(ticks, labels, strict=True)):
        if t.month == 1:
            assert label == f"{t.year}年"
        else:
            assert label == (f"{t.year}年{t.month}月" if i == 0 else f"{t.month}月")


def _drawn_labels(ax: Any) -> set[str]:
    """Labels of the artists that draw something (a proxy with no data draws nothing)."""
    out = set()
    for c in ax.collections:
        if len(c.get_offsets()) or len(getattr(c, "get_segments", lambda: [])()):
            out.add(str(c.get_label()))
    for line in ax.lines:
        if len(line.get_xdata()):
            out.add(str(line.get_label()))
    return out


def test_the_legend_names_no_promotion_when_none_is_drawn(drawn) -> None:
    ax = drawn(
        [
            _row("甲法院", "2023-03-10"),
            _row("乙法院", "2023-05-02", stage="piloted"),
            _row("高级法院", None, stage="promoted"),  # a promotion without a date
        ]
    )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "上级法院推广部署" not in legend
    assert set(legend) <= _drawn_labels(ax)
    assert "试点" in legend


def test_the_legend_names_a_promotion_that_is_drawn(drawn) -> None:
    ax = drawn([_row("甲法院", "2023-03-10"), _row("高级法院", "2023-06-30", stage="promoted")])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "上级法院推广部署" in legend
    assert set(legend) <= _drawn_labels(ax)
    # only what is drawn: no month or year entry when every date is a day
    assert not any("精确到" in t for t in legend)


def test_a_narrow_figure_gets_fewer_ticks(monkeypatch) -> None:
    """The report's 9-inch figure keeps its 12-pt labels apart: a coarser regular step."""
    import figures.render

    kept: list[Any] = []
    monkeypatch.setattr(figures.render, "save_figure", lambda fig, fmt, dpi: kept.append(fig))
    rows = [_row("甲法院", "2022-04-12"), _row("乙法院", "2024")]
    draw_timeline(build_timeline("共享法庭", rows), width=9.0, with_title=False)
    ticks = _ticks(kept[-1].axes[0])
    assert 3 <= len(ticks) <= 8
    assert len({(b.year - a.year) * 12 + b.month - a.month for a, b in pairwise(ticks)}) == 1


def test_the_deck_counts_a_year_only_date_from_its_first_day() -> None:
    """The deck's data table: a unit known only to 2023 counts from 1 January 2023, before one
    reported in March 2023 (as the picture and the explorer draw it)."""
    import io

    from pptx import Presentation

    from figures.timeline import to_pptx

    rows = [_row("乙法院", "2023"), _row("甲法院", "2023-03-10")]
    deck = Presentation(io.BytesIO(to_pptx(build_timeline("共享法庭", rows))))
    tables = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert [(r[0], r[1], r[3]) for r in cells[1:]] == [
        ("2023", "乙法院", "1"),
        ("2023-03-10", "甲法院", "2"),
    ]
    notes = "".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    assert "到年或到月的日期按第一天计" in notes and "年中" not in notes


def test_the_timelines_own_deck_is_the_briefings_step_picture_not_a_line_chart() -> None:
    """`figures timeline -o x.pptx` drew a line chart while the briefing deck shows the step
    picture (a new user's finding): both show the same picture now."""
    import io
    import zipfile

    from figures.timeline import to_pptx

    rows = [_row("甲法院", "2023-03-10"), _row("乙法院", "2023")]
    data = to_pptx(build_timeline("共享法庭", rows))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        charts = [n for n in z.namelist() if n.startswith("ppt/charts/chart")]
        slides = [z.read(n).decode() for n in z.namelist() if n.startswith("ppt/slides/slide")]
    assert charts == []
    timeline = next(s for s in slides if "推行时间线（累计已报道单位）" in s)
    assert "<p:pic>" in timeline


def test_the_legend_covers_no_marker(drawn) -> None:
    """Units that adopt late and a pilot at the end of the period put markers in the lower
    right, where the legend stood: it is placed where it hides none of them."""
    rows = [_row("甲县法院", "2021-01-05"), _row("乙县法院", "2024-11-20", "piloted")]
    rows += [_row(f"丙{k}县法院", f"2024-12-{k + 1:02d}") for k in range(6)]
    ax = drawn(rows)
    fig = ax.figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    box = ax.get_legend().get_window_extent(renderer)
    points = [tuple(ax.transData.transform(xy)) for c in ax.collections for xy in c.get_offsets()]
    assert points
    assert not [p for p in points if box.contains(*p)]
