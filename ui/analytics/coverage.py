"""辖区覆盖 (the share adopted under a court, level by level) and 省份覆盖表 (province ×
initiative, with the coverage map)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from figures.numbers import percent
from graph.model import LEVELS
from queries import analytics
from ui import state
from ui.analytics.shared import (
    P,
    _counts_of,
    _court,
    _coverage_of,
    _facts_caption,
    _initiative,
    _level_label,
    _levels_param,
    _scope,
    _store_key,
)
from ui.common import table


# -- 辖区覆盖 -------------------------------------------------------------------------------
def share_shown(share: float) -> str:
    """A coverage share as the page writes it, in the metric and the table alike, to one
    decimal (the metric said 1% where the table said 0.54%).

    >>> [share_shown(x) for x in (0.0, 0.0054, 0.125, 1.0)]
    ['0%', '0.5%', '12.5%', '100%']
    """
    return percent(share)


def _coverage(initiatives: list[dict[str, Any]]) -> None:
    c1, c2 = st.columns(2)
    with c1:
        initiative_id = _initiative(initiatives)
    with c2:
        court_id = _court(initiative_id)
    if court_id is None:
        st.info("图中还没有法院层级关系（PART_OF），无法统计辖区覆盖。请先导入法院名录。")
        return
    levels, missing, tally, rollouts = _coverage_of(_store_key(), initiative_id, court_id)
    if not levels:
        st.info("该法院辖区内没有下级单位。")
        return
    _facts_caption(tally)
    for r in rollouts:
        if r["above"]:  # the court's own report, or its superiors': the counts leave it out
            st.info(f"本院或上级法院报道在全辖推行：{analytics.rollout_zh(r)}", icon="ℹ️")
    cols = st.columns(max(len(levels), 1))
    for col, lv in zip(cols, levels, strict=True):
        col.metric(
            _level_label(lv.level),
            f"{lv.covered} / {lv.units}" if lv.has_denominator else "无名录",
            # the table's figure, to the same precision (0.54% showed as 1% here)
            share_shown(lv.covered_share) if lv.has_denominator else "未导入人民法庭名录",
            delta_color="off",
            delta_arrow="off",
            # (no "已覆盖" after 未导入人民法庭名录: the two read as one contradiction)
            delta_description="已覆盖" if lv.has_denominator else None,
            help="已覆盖 =（本院报道推行 + 下属人民法庭已推行）/ 辖区内该层级单位总数。"
            "本院报道推行：已有推行、试点、推广部署或获评记录的单位；下属人民法庭已推行："
            "本院未见报道、但其人民法庭有推行记录的法院",
        )
    import pandas as pd

    frame = pd.DataFrame(
        [
            {
                "层级": _level_label(lv.level),
                "本院报道推行": lv.adopted,
                # a tribunal covers its court; nothing covers a tribunal ("None" was shown)
                "下属人民法庭已推行": "—" if lv.level == "tribunal" else str(len(lv.through)),
                "单位数": lv.units,
                "覆盖率": round(lv.covered_share * 100, 1) if lv.has_denominator else None,
            }
            for lv in levels
        ]
    )
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            "覆盖率": st.column_config.ProgressColumn(
                "覆盖率", min_value=0.0, max_value=100.0, format="%.1f%%"
            )
        },
    )
    st.caption(
        "覆盖率 =（本院报道推行 + 下属人民法庭已推行）/ 单位数。人民法庭是基层法院的派出机构："
        "本院未见推行报道、但其人民法庭有推行记录的法院计为“下属人民法庭已推行”，"
        "不列入尚未报道推行的单位。"
    )
    _roster_note(levels)
    through = [r for lv in levels for r in lv.through]
    if through:
        st.markdown(f"#### 下属人民法庭已推行的法院（{len(through)}）")
        table(
            [
                {
                    **r,
                    "level_zh": _level_label(r.get("level") or ""),
                    "tribunals_zh": "、".join(
                        t[len(r["unit"]) :] if t.startswith(r["unit"]) else t
                        for t in r["tribunals"]
                    ),
                }
                for r in through
            ],
            {"unit": "单位", "level_zh": "层级", "tribunals_zh": "已推行的人民法庭"},
            links={"单位页": lambda r: state.link(r["unit_id"])},
            key=f"{P}.through",
        )
    st.markdown(f"#### 尚未报道推行的单位（{len(missing)}）")
    if not missing:
        st.success("辖区内所有单位都已有推行记录（本院或下属人民法庭）。")
        return
    noted = any(r.get("note_zh") for r in missing)
    table(
        [{**r, "level_zh": _level_label(r.get("level") or "")} for r in missing],
        {"unit": "单位", "level_zh": "层级"} | ({"note_zh": "说明"} if noted else {}),
        links={"单位页": lambda r: state.link(r["unit_id"])},
        key=f"{P}.missing",
    )
    st.caption(analytics.not_reported_caveat(tally.verified_only))
    if noted:  # a superior court reports rolling it out to its whole area
        st.caption(analytics.AREA_ROLLOUT_NOTE)


def _roster_note(levels: list[Any]) -> None:
    """Tribunals count only against an imported roster; say where there is none."""
    from ui.scope import tribunal_roster_note

    tribunal_roster_note(levels)


# -- 省份覆盖表 -----------------------------------------------------------------------------
#: most initiatives the coloured table shows (colouring 31 provinces × 300 initiatives took
#: half a second on every run; the CSV holds them all)
MATRIX_COLUMNS = 40


def _provinces(initiatives: list[dict[str, Any]]) -> None:
    import pandas as pd

    key = f"{P}.matrix_levels"
    if key not in st.session_state:
        st.session_state[key] = _levels_param("matrix_levels", ["intermediate", "basic"])
    c1, c2 = st.columns([3, 1])
    levels = c1.multiselect(
        "统计哪些层级的法院",
        list(LEVELS),
        key=key,
        format_func=_level_label,
        help="单元格 = 该省这些层级的法院中，报道推行该举措的比例",
    )
    only_active = c2.checkbox("只显示有推行的省份", value=True, key=f"{P}.matrix_active")
    state.set_params(
        matrix_levels=None if levels == ["intermediate", "basic"] else ",".join(levels) or "none"
    )
    if not levels:
        st.info("请至少选择一个法院层级。")
        return
    counts = _counts_of(_store_key(), tuple(levels))
    frame = pd.DataFrame.from_dict(counts.matrix(), orient="index").fillna(0.0)
    frame.index.name = "省份"
    if frame.empty or frame.shape[1] == 0:
        st.info("所选层级的法院还没有推行记录，或图中没有法院名录（各省法院数量）。")
        return
    if only_active:
        frame = frame[(frame > 0).any(axis=1)]
    # an initiative no court of these levels reports (its only adopter a tribunal, with
    # 中级、基层 chosen) would be an empty column
    unreported = int((~(frame > 0).any(axis=0)).sum())
    frame = frame.loc[:, (frame > 0).any(axis=0)]
    if frame.shape[1] == 0:
        st.info("所选层级的法院都没有推行报道：请选择其他层级。")
        return
    # initiatives most covered first; colours run up to the table's highest share
    frame = frame[frame.sum().sort_values(ascending=False, kind="stable").index]
    shown = frame.iloc[:, :MATRIX_COLUMNS]  # a styled table is drawn cell by cell
    top = float(shown.max().max()) or 1.0
    st.caption(
        f"{frame.shape[0]} 个省份 × {frame.shape[1]} 项举措"
        + (
            f"（下表列出覆盖最广的 {shown.shape[1]} 项，全部举措见 CSV 或 Excel）"
            if shown.shape[1] < frame.shape[1]
            else ""
        )
        + (f"（另有 {unreported} 项举措在这些层级没有推行报道，未列出）" if unreported else "")
        + f"。单元格：该省{'、'.join(_level_label(v) for v in levels)}中报道推行的比例；"
        f"空白 = 没有推行报道，颜色越深越高（最深 = 表中最高的 {percent(top)}）。"
        "举措按覆盖程度从左到右排列。"
    )
    styled = shown.style.format(lambda v: percent(v) if v else "").apply(
        lambda part: _shades(part, top), axis=None
    )
    st.dataframe(styled, width="stretch", height=min(36 + 35 * len(frame), 720))
    _facts_caption(counts.tally)
    from ui.common import XLSX_MIME, to_xlsx
    from ui.downloads import ON_CLICK

    table = frame.round(4).reset_index()
    left, right = st.columns(2)
    left.download_button(
        "下载 CSV",
        lambda: ("\ufeff" + table.to_csv(index=False)).encode("utf-8"),
        "province-coverage.csv",
        "text/csv",
        key=f"{P}.matrix_csv",
        on_click=ON_CLICK,
    )
    right.download_button(
        "下载 Excel",
        lambda: to_xlsx([str(c) for c in table.columns], table.values.tolist(), sheet="省份覆盖表"),
        "province-coverage.xlsx",
        XLSX_MIME,
        key=f"{P}.matrix_xlsx",
        on_click=ON_CLICK,
    )
    from ui.province_levels import by_level

    # counts beside their denominators, from the same counts (read once for both tables)
    by_level(initiatives, levels, f"{P}.matrix_initiative", scope=_scope(), counts=counts)
    _coverage_map(initiatives, levels, counts)


#: ColorBrewer's Oranges (matplotlib's "Oranges"), lightest to darkest
ORANGES = (
    "#fff5eb",
    "#fee6ce",
    "#fdd0a2",
    "#fdae6b",
    "#fd8d3c",
    "#f16913",
    "#d94801",
    "#a63603",
    "#7f2704",
)


def _shades(frame: Any, top: float) -> Any:
    """The cells' CSS: background from light to dark orange as the value goes from 0 to
    `top`, light text on the dark ones; pandas' `background_gradient(cmap="Oranges")`
    without matplotlib (importing it and colouring column by column took half a second of
    the tab's first run)."""
    import numpy as np
    import pandas as pd

    anchors = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in ORANGES]) / 255
    where = np.clip(frame.to_numpy(dtype=float) / (top or 1.0), 0.0, 1.0) * (len(ORANGES) - 1)
    low = np.minimum(np.floor(where).astype(int), len(ORANGES) - 2)
    rgb = anchors[low] + (anchors[low + 1] - anchors[low]) * (where - low)[..., None]
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    dark = linear @ np.array([0.2126, 0.7152, 0.0722]) < 0.408  # as pandas decides
    codes = np.rint(rgb * 255).astype(int)
    css = [
        [
            f"background-color: #{r:02x}{g:02x}{b:02x}; color: {'#f1f1f1' if d else '#000000'}"
            for (r, g, b), d in zip(row_rgb, row_dark, strict=True)
        ]
        for row_rgb, row_dark in zip(codes, dark, strict=True)
    ]
    return pd.DataFrame(css, index=frame.index, columns=frame.columns)


def _coverage_map(
    initiatives: list[dict[str, Any]], levels: list[str], counts: analytics.ProvinceCounts
) -> None:
    """The coverage map (覆盖地图) of one initiative, for the country or one province."""
    from ui.downloads import coverage_map_buttons

    st.markdown("#### 覆盖地图")
    c1, c2 = st.columns([3, 2])
    with c1:
        initiative_id = _initiative(initiatives)
    name = next((r["initiative"] for r in initiatives if r["initiative_id"] == initiative_id), "")
    # the provinces with a court of the chosen levels reported adopting it (what the map
    # counts), from the table's counts: nothing more is read
    provinces = sorted(
        set(counts.adopted_by_level.get(name) or {})
        - {None, "", "北京市", "天津市", "上海市", "重庆市"}
    )
    scope = c2.selectbox(
        "范围",
        ["全国", *provinces],
        key=f"{P}.map_scope",
        help="全国按省份；选一个省份则按该省各地市",
    )
    st.caption(
        f"按上面所选层级（{'、'.join(_level_label(v) for v in levels)}）统计已报道的法院所占比例；"
        "边界为中国官方口径（含南海诸岛），离线绘制。"
    )
    coverage_map_buttons(
        state.store(),
        initiative_id,
        province=None if scope == "全国" else scope,
        levels=tuple(levels),
        stem=f"{name}-{scope}",
        key=f"{P}.map_dl",
        **_scope(),
    )
