"""The explorer's few chart kinds as plain Vega-Lite specs, drawn with `st.vega_lite_chart`.

Plain specs, not altair: altair took a third of a second to import on a page's first visit
and a tenth of a second a chart to validate its own output on every run; these charts are
fixed, so the spec is written once here. Data travel as named datasets (Arrow), as altair's
did, so a month is a UTC timestamp in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

ORANGE = "#e08a1e"
BLUE = "#1f5fa8"


def month_axis(months: Sequence[str]) -> dict[str, Any]:
    """A time axis whose ticks fall on month (or, over longer spans, year) starts: Vega-Lite's
    own ticks over a few months are days or weeks, each labelled with its month (2024-03 five
    times over)."""
    if not months:
        return {"format": "%Y-%m"}
    first, last = min(months), max(months)
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    if span > 36:  # years: one tick a year (or every few), labelled with the year alone
        return {"format": "%Y", "tickCount": {"interval": "year", "step": max(1, span // 120)}}
    return {"format": "%Y-%m", "tickCount": {"interval": "month", "step": max(1, span // 12)}}


def cumulative(
    months: Sequence[str],
    counts: Sequence[int],
    *,
    height: int,
    marks: Sequence[tuple[str, str]] = (),
    point_size: int | None = None,
) -> None:
    """A step line of units adopted so far at each month (`months` as YYYY-MM-DD, first
    days); `marks`: (date, unit) drawn as dashed rules (promotions by a higher court)."""
    import pandas as pd

    curve = pd.DataFrame({"日期": pd.to_datetime(list(months)), "累计单位数": list(counts)})
    point: Any = True if point_size is None else {"color": ORANGE, "size": point_size}
    layers: list[dict[str, Any]] = [
        {
            "data": {"name": "curve"},
            "mark": {"type": "line", "interpolate": "step-after", "point": point, "color": ORANGE},
            "encoding": {
                "x": {
                    "field": "日期",
                    "type": "temporal",
                    "title": "首次报道推行的日期",
                    "axis": month_axis(months),
                },
                "y": {
                    "field": "累计单位数",
                    "type": "quantitative",
                    "title": "累计单位数",
                    "axis": {"tickMinStep": 1},
                },
                "tooltip": [
                    {"field": "日期", "type": "temporal", "format": "%Y-%m"},
                    {"field": "累计单位数", "type": "quantitative"},
                ],
            },
        }
    ]
    datasets: dict[str, Any] = {"curve": curve}
    if marks:
        datasets["marks"] = pd.DataFrame(
            {"日期": pd.to_datetime([d for d, _ in marks]), "推广部署": [u for _, u in marks]}
        )
        layers.append(
            {
                "data": {"name": "marks"},
                "mark": {"type": "rule", "color": BLUE, "strokeDash": [4, 3]},
                "encoding": {
                    "x": {"field": "日期", "type": "temporal"},
                    "tooltip": [
                        {"field": "日期", "type": "temporal", "format": "%Y-%m"},
                        {"field": "推广部署", "type": "nominal"},
                    ],
                },
            }
        )
    spec = {"datasets": datasets, "layer": layers, "height": height}
    st.vega_lite_chart(spec, width="stretch")


def bars(counts: dict[str, int], title: str, *, horizontal: bool = False, height: int = 0) -> None:
    """Bars of units per category, in the dict's order (`title`: the category's name)."""
    import pandas as pd

    frame = pd.DataFrame({title: list(counts), "单位数": list(counts.values())})
    cat: dict[str, Any] = {"field": title, "type": "nominal", "sort": list(counts), "title": None}
    num: dict[str, Any] = {
        "field": "单位数",
        "type": "quantitative",
        "title": "单位数",
        "axis": {"tickMinStep": 1},
    }
    mark: dict[str, Any] = {"type": "bar", "color": ORANGE}
    if len(counts) <= 6 and not horizontal:  # a lone column should not fill the frame
        mark["size"] = 36
    spec: dict[str, Any] = {
        "datasets": {"bars": frame},
        "data": {"name": "bars"},
        "mark": mark,
        "encoding": {
            "x": num if horizontal else cat,
            "y": cat if horizontal else num,
            "tooltip": [
                {"field": title, "type": "nominal"},
                {"field": "单位数", "type": "quantitative"},
            ],
        },
        # horizontal: a fixed step per row, so long lists grow instead of squeezing
        "height": {"step": 30} if horizontal else height or 260,
    }
    st.vega_lite_chart(spec, width="stretch")
