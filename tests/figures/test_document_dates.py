"""A unit placed only by its article's date (the text names no time) is drawn and counted as
such on the timeline, not as a day or month the text gives (a new user's finding)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pytest

from figures.timeline import DOCUMENT_DATE_LABEL, build_timeline
from queries.analytics.__main__ import cumulative_lines
from tests.figures.test_timeline import _row, _x, _xs, drawn  # noqa: F401 (a fixture)


def _document_row(unit: str, date: str) -> dict[str, Any]:
    return {**_row(unit, date), "date_precision": "document"}


def test_a_document_date_is_drawn_hollow_under_its_own_legend_entry(drawn) -> None:  # noqa: F811
    ax = drawn([_row("甲法院", "2023-03-10"), _document_row("乙法院", "2023-07-10")])
    assert _xs(ax, "已报道") == [pytest.approx(_x(_dt.date(2023, 3, 10)))]
    assert _xs(ax, "文档日期") == [pytest.approx(_x(_dt.date(2023, 7, 10)))]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert DOCUMENT_DATE_LABEL in legend
    (hollow,) = [c for c in ax.collections if c.get_label() == DOCUMENT_DATE_LABEL]
    assert tuple(hollow.get_facecolors()[0]) == (1.0, 1.0, 1.0, 1.0)


def test_the_cli_cumulative_says_how_many_units_only_have_their_articles_date() -> None:
    tl = build_timeline(
        "共享法庭", [_row("甲法院", "2023-03-10"), _document_row("乙法院", "2023-07-10")]
    )
    assert tl.document_dated == 1
    lines = cumulative_lines(tl.cumulative, tl.document_dated)
    assert lines == [
        "累计：2023-03 1，2023-07 2",
        "其中 1 个单位文中未写推行时间，按报道文档的日期计入（实际推行可能更早）",
    ]
    lines = cumulative_lines([("2023-07", 1), ("2024", 2)], 1)
    assert lines[1].startswith("其中 1 个单位") and lines[2].startswith("只知年份")
