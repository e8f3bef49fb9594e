"""时间线: first reported adoption per unit, the cumulative curve, pilot → promotion → spread."""

from __future__ import annotations

from typing import Any

import streamlit as st

from queries import analytics
from ui import state
from ui.analytics.shared import (
    EVENT_ZH,
    PRECISION_ZH,
    P,
    _facts_caption,
    _initiative,
    _level_label,
    _scope,
    _scoped,
    timeline_of,
)
from ui.common import rows_shown, table


# -- 时间线 ---------------------------------------------------------------------------------
def _timeline(initiatives: list[dict[str, Any]]) -> None:
    initiative_id = _initiative(initiatives)
    tl = timeline_of(initiative_id)
    if not tl.units:
        st.info(
            "所选范围内还没有这项举措的推行记录。"
            + ("可在侧栏放宽文档集或关闭「只看已核实」。" if _scoped() else "")
        )
        _facts_caption(tl.tally)
        return
    undated = tl.undated_units
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(
        "报道推行的单位",
        tl.units,
        help="有推行、试点、推广部署或获评记录的全部单位，有没有日期都计入",
    )
    c2.metric("最早报道", tl.first[0]["date"] if tl.first else "—")
    c3.metric("上级推广部署", len(tl.endorsements), help="法院在辖区内推广、部署这项举措的记录")
    c4.metric("没有日期的单位", len(undated), help="报道没有给出日期，时间线上画不出")
    if undated:
        st.caption(
            f"其中 {len(tl.first)} 个单位有日期，画入时间线；"
            f"另有 {len(undated)} 个单位未报道日期（按省份、按层级的统计计入，见下方名单）。"
        )
    _facts_caption(tl.tally)

    left, right = st.columns([3, 2])
    with left:
        st.markdown("**累计推行单位数**")
        _cumulative_chart(tl)
        if tl.cumulative:
            from ui.downloads import timeline_buttons

            timeline_buttons(
                state.store(),
                initiative_id,
                stem=tl.initiative,
                key=f"{P}.timeline_dl",
                **_scope(),
            )
    with right:
        st.markdown("**按年份**（有日期的单位）")
        _bars({str(y): n for y, n in tl.by_year.items()}, "年份", height=260)
    left, right = st.columns([3, 2])
    with left:
        st.markdown("**按省份**（全部推行单位）")
        _bars(tl.by_province, "省份", horizontal=True)
    with right:
        st.markdown("**按层级**（全部推行单位）")
        _bars({_level_label(k): n for k, n in tl.by_level.items()}, "层级", horizontal=True)

    st.markdown("#### 各单位首次报道推行")
    first = [
        {
            **u,
            "level_zh": _level_label(u.get("level") or ""),
            "stage_zh": state.stage_zh(u.get("stage")),
            "basis": PRECISION_ZH.get(u.get("date_precision") or "", "文中日期"),
            "documents": len(u.get("doc_ids") or []),
        }
        for u in rows_shown(tl.first, f"{P}.first")
    ]
    table(
        first,
        {
            "unit": "单位",
            "level_zh": "层级",
            "province": "省份",
            "stage_zh": "阶段",
            "date": "首次报道日期",
            "basis": "日期依据",
            "documents": "文档数",
        },
        links={"单位页": lambda r: state.link(r["unit_id"])},
        key=f"{P}.first",
        total=len(tl.first),
    )
    if any(u.get("date_precision") == "document" for u in tl.first):
        st.caption(
            "“文档日期”：文中没有写明推行时间，这里用的是报道文档本身的日期，实际推行可能更早。"
        )
    if undated:
        _undated(undated)
    # the dated events one by one: drawn on request (a national initiative's thousands of
    # rows are a second table as long as the one above, for a reader who asks for them)
    with st.expander(
        "试点 → 推广 → 扩散（按日期排列的事件）", key=f"{P}.sequence_open", on_change="rerun"
    ) as box:
        if box.open:
            _sequence(tl)


def _undated(undated: list[dict[str, Any]]) -> None:
    """The units whose reports give no date, in a list drawn when opened."""
    with st.expander(
        f"未报道日期的单位（{len(undated)}）", key=f"{P}.undated_open", on_change="rerun"
    ) as box:
        if not box.open:
            return
        table(
            [
                {
                    **u,
                    "level_zh": _level_label(u.get("level") or ""),
                    "stage_zh": state.stage_zh(u.get("stage")),
                    "documents": len(u.get("doc_ids") or []),
                }
                for u in undated
            ],
            {
                "unit": "单位",
                "level_zh": "层级",
                "province": "省份",
                "stage_zh": "阶段",
                "documents": "文档数",
            },
            links={"单位页": lambda r: state.link(r["unit_id"])},
            key=f"{P}.undated",
        )
        st.caption("这些单位的推行报道没有给出日期，也没有可用的文档日期，时间线上画不出。")


def _cumulative_chart(tl: analytics.Timeline) -> None:
    from ui import charts

    if not tl.cumulative:
        st.info("没有带日期的推行记录。")
        return
    marks = [(_first_day(e["date"]), e["unit"]) for e in tl.endorsements if e.get("date")]
    charts.cumulative(
        [_first_day(m) for m, _ in tl.cumulative],
        [n for _, n in tl.cumulative],
        height=260,
        marks=marks,
        point_size=50,
    )
    st.caption(
        "按每个单位最早一次被报道推行、试点或获评的日期累计（到年或到月的日期按第一天计）。"
        + (
            f"其中 {tl.document_dated} 个单位文中未写推行时间，按报道文档的日期计入"
            "（实际推行可能更早）。"
            if tl.document_dated
            else ""
        )
        + ("蓝色虚线：上级法院推广部署。" if marks else "")
    )


def _bars(counts: dict[str, int], title: str, *, horizontal: bool = False, height: int = 0) -> None:
    from ui import charts

    if not counts:
        st.caption("（无）")
        return
    charts.bars(counts, title, horizontal=horizontal, height=height)


def _first_day(date: str) -> str:
    parts = str(date).split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01", "01"])


#: longest sequence drawn with the promotions' rows tinted (a styled table is drawn cell by
#: cell; beyond, the table is paged as every long table is, and the ★ in 事件 marks them)
STYLED_ROWS = 200


def _sequence(tl: analytics.Timeline) -> None:
    events = tl.sequence()
    rows = [
        {
            "日期": e["date"],
            "事件": EVENT_ZH.get(e["event"], state.stage_zh(e.get("stage"))),
            "单位": e["unit"],
            "层级": _level_label(e.get("level") or ""),
            "日期依据": PRECISION_ZH.get(e.get("date_precision") or "", "文中日期"),
        }
        for e in events
    ]
    columns = ["日期", "事件", "单位", "层级", "日期依据"]
    if len(rows) <= STYLED_ROWS:
        import pandas as pd

        frame = pd.DataFrame(rows, columns=columns)
        endorsed = frame["事件"] == EVENT_ZH["endorsed"]
        styled = frame.style.apply(
            lambda row: ["background-color: #fdebd3" if endorsed[row.name] else ""] * len(row),
            axis=1,
        )
        st.dataframe(styled, hide_index=True, width="stretch")
    else:  # thousands of rows: the first ones, with the total and a switch to show all
        table(rows, {c: c for c in columns}, key=f"{P}.sequence")
    st.caption(
        "按日期排列的试点、上级法院推广部署（★）和各单位首次推行。"
        "上级推广之后的推行，可以看作自上而下的扩散。"
    )
