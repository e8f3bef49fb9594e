"""扩散分析: how court reforms spread, as data — a thin shell over `queries.analytics`.

Tabs: 时间线 (first reported adoption per unit, the cumulative curve, pilot → promotion →
spread), 辖区覆盖 (share adopted under a court, level by level), 省份覆盖表 (province ×
initiative), 共同采用 (initiatives adopted by the same units), 成效对照 (reported figures of the
adopters) and 数据导出 (unit-year panel and adoption events as CSV / Parquet). Only the open
tab runs; the tab, the initiative and the court are kept in the URL. Every table, chart and
export counts the facts of the chosen collections only and, with 只看已核实, the confirmed or
corrected facts only (ui.scope), and says how many of its facts are unverified.
"""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import streamlit as st

from graph.errors import CourtgraphError
from graph.model import LEVELS
from queries import analytics
from ui import state
from ui.common import court_picker, embed_html, initiative_picker, table

P = "analytics"
TABS = ("时间线", "辖区覆盖", "省份覆盖表", "共同采用", "成效对照", "数据导出")
PRECISION_ZH = {
    "day": "文中日期",
    "month": "文中日期（到月）",
    "year": "文中日期（到年）",
    "document": "文档日期（文中未写推行日期）",
}
EVENT_ZH = {"endorsed": "★ 上级推广部署", "piloted": "试点"}
CLAIMS = "报告数据（文档所述，非测量效果）· Reported claims, not measured effects"
NETWORK_HEIGHT = 520


def render() -> None:
    st.title("扩散分析")
    st.caption(
        "改革举措在各级法院间的推行与扩散。所有数字都来自文档报道：日期是文档中首次给出的推行日期，"
        "“文档日期”表示文中没有写明推行时间、只知道文档本身的日期；不是官方统计。"
    )
    initiatives = _in_scope(state.rows("initiatives"))
    if not initiatives:
        st.info(
            "图中还没有改革举措，暂无可分析的数据。请先到「导入」页导入文章，"
            "或在命令行运行 `python -m ingest 文件或文件夹`。"
        )
        return
    key = f"{P}.tab"
    state.widget_value(key, "tab", lambda v: v if v in TABS else TABS[0])
    tabs = st.tabs(list(TABS), key=key, on_change="rerun")
    current = st.session_state.get(key, TABS[0])
    state.set_params(tab=None if current == TABS[0] else current)
    sections = (_timeline, _coverage, _provinces, _co_adoption, _outcomes, _export_tab)
    for tab, section in zip(tabs, sections, strict=True):
        if tab.open:  # lazy: only the open tab computes
            with tab:
                try:
                    section(initiatives)
                except CourtgraphError as exc:
                    state.show_error(exc)


# -- cached library calls (keyed by the store, bounded) -----------------------------------
def _store_key() -> str:
    """The store, the chosen collections and the 只看已核实 switch: what a cached answer
    depends on."""
    from ui.scope import collections_key, verified_only

    return f"{state.store().description}|{collections_key()}|{int(verified_only())}"


def _scope() -> dict[str, Any]:
    """The sidebar's choices as the keyword arguments of `queries.analytics`."""
    from ui.scope import collections, verified_only

    return {"collections": collections(), "verified_only": verified_only()}


def _scoped() -> bool:
    scope = _scope()
    return bool(scope["collections"] or scope["verified_only"])


@st.cache_data(ttl=300, max_entries=8, show_spinner="正在统计所选范围内的采用单位…")
def _units_in_scope(store_key: str) -> dict[str, int]:
    """initiative id -> units reporting it from the chosen collections' (verified) facts."""
    return analytics.units_per_initiative(state.store(), **_scope())


def _in_scope(initiatives: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The initiatives with their number of units (举措总数) counted from the chosen
    collections and, with 只看已核实, verified facts only (the store's summary counts every
    document and fact), most adopted first."""
    if not initiatives or not _scoped():
        return initiatives
    units = _units_in_scope(_store_key())
    counted = [{**r, "units": units.get(r["initiative_id"], 0)} for r in initiatives]
    return sorted(counted, key=lambda r: (-r["units"], r["initiative"] or ""))


@st.cache_data(ttl=300, max_entries=64, show_spinner="正在计算时间线…")
def _timeline_of(store_key: str, initiative_id: str) -> analytics.Timeline:
    return analytics.timeline(state.store(), initiative_id, **_scope())


@st.cache_data(ttl=300, max_entries=64, show_spinner="正在统计辖区覆盖…")
def _coverage_of(
    store_key: str, initiative_id: str, court_id: str
) -> tuple[list[Any], list[Any], analytics.Tally]:
    return analytics.coverage_report(state.store(), initiative_id, court_id, **_scope())


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在计算省份覆盖表…")
def _counts_of(store_key: str, levels: tuple[str, ...]) -> analytics.ProvinceCounts:
    return analytics.province_counts(state.store(), levels=levels, **_scope())


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在计算共同采用…")
def _co_adoption_of(store_key: str, min_shared: int) -> Any:
    return analytics.co_adoption(state.store(), min_shared=min_shared, **_scope())


@st.cache_data(ttl=300, max_entries=8, show_spinner=False)
def _early_of(store_key: str) -> list[dict[str, Any]]:
    return analytics.early_adopters(state.store(), **_scope())


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _outcomes_of(store_key: str, initiative_id: str) -> analytics.Outcomes:
    return analytics.outcomes_report(state.store(), initiative_id, **_scope())


@st.cache_data(ttl=300, max_entries=8, show_spinner="正在生成面板数据…")
def _panel_of(
    store_key: str, ids: tuple[str, ...], province: str | None, levels: tuple[str, ...]
) -> Export:
    return panel_export(
        state.store(), list(ids), province=province, levels=list(levels), **_scope()
    )


@st.cache_data(ttl=300, max_entries=8, show_spinner="正在生成事件表…")
def _events_of(store_key: str, ids: tuple[str, ...]) -> Export:
    return events_export(state.store(), list(ids), **_scope())


def facts_note(tally: analytics.Tally) -> str:
    """How many of a table's facts are unverified, in the figures' words (FactCheck.note)."""
    from queries.verified import FactCheck

    return FactCheck(*tally).note()


def _facts_caption(tally: analytics.Tally) -> None:
    note = facts_note(tally)
    if note:
        st.caption(f"核实情况：{note}。")


# -- exports (what the download buttons hand out; tests call these too) ---------------------
@dataclass
class Export:
    """A table and its files: `files` maps "csv" / "parquet" / "md" (dictionary) to bytes;
    `tally` counts the facts it holds; `adopters` / `undated` (the panel): per initiative,
    the units reported adopting it and how many of them no report dates."""

    rows: list[dict[str, Any]]
    files: dict[str, bytes]
    tally: analytics.Tally = analytics.Tally()
    adopters: dict[str, int] = field(default_factory=dict)
    undated: dict[str, int] = field(default_factory=dict)


def _files(rows: list[dict[str, Any]], dictionary: dict[str, str]) -> Export:
    """The same files the CLI writes (`write_table`), made in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="courtgraph-") as tmp:
        csv_path, md_path = analytics.write_table(
            rows, Path(tmp) / "table.csv", dictionary=dictionary
        )
        files = {"csv": csv_path.read_bytes(), "md": md_path.read_bytes()}
        if rows:
            (pq,) = analytics.write_table(rows, Path(tmp) / "table.parquet")
            files["parquet"] = pq.read_bytes()
    return Export(rows, files)


def panel_export(
    store: Any,
    initiatives: list[str],
    *,
    province: str | None = None,
    levels: list[str] | None = None,
    collections: list[str] | None = None,
    verified_only: bool = False,
) -> Export:
    """The unit-year panel of `initiatives` (ids or names) with its data dictionary: every
    adopter counted (`reported__`), dated or not; from the facts of `collections` (None:
    all) and, with `verified_only`, the confirmed or corrected ones only."""
    made = analytics.panel(
        store,
        initiatives,
        province=province,
        levels=levels or None,
        collections=collections,
        verified_only=verified_only,
    )
    return replace(
        _files(made.rows, analytics.PANEL_DICTIONARY),
        tally=made.tally,
        adopters=made.adopters,
        undated=made.undated,
    )


def events_export(
    store: Any,
    initiatives: list[str],
    *,
    collections: list[str] | None = None,
    verified_only: bool = False,
) -> Export:
    """The adoption-events table of `initiatives` (all initiatives when the list is empty),
    with each fact's review status."""
    import queries

    ids = [
        queries.resolve_entity(store, name, label="Initiative") if name else None
        for name in initiatives or [None]  # type: ignore[list-item]
    ]
    rows, tally = analytics.events_table(
        store, ids, collections=collections, verified_only=verified_only
    )
    return replace(_files(rows, analytics.EVENTS_DICTIONARY), tally=tally)


# -- shared pickers ---------------------------------------------------------------------------
def _initiative(initiatives: list[dict[str, Any]]) -> str:
    """The initiative picker; the same key in every tab."""
    return initiative_picker(initiatives, f"{P}.id")


def _court(initiative_id: str) -> str | None:
    courts = state.rows("superior_courts")
    if not courts:
        return None
    court_id = court_picker(
        courts,
        f"{P}.court",
        lambda: _default_court(courts, initiative_id),
        label="上级法院（统计其辖区内各级单位）",
        help="最高人民法院、高级法院或中级法院：统计其下所有层级的单位",
    )
    state.set_params(court=court_id)
    return str(court_id)


def _default_court(courts: list[dict[str, Any]], initiative_id: str) -> str:
    """The high court of the province with most adopters, else the first high court, else
    the highest court (courts come highest level first)."""
    by_province = _timeline_of(_store_key(), initiative_id).by_province
    highs = [r for r in courts if r.get("level") == "high"]
    for r in highs:
        if by_province and r.get("province") == next(iter(by_province)):
            return str(r["court_id"])
    return str((highs or courts)[0]["court_id"])


def _levels_param(name: str, default: list[str]) -> list[str]:
    value = state.param(name)
    if value is None:
        return default
    return [v for v in value.split(",") if v in LEVELS]


def _level_label(level: str) -> str:
    return state.level_zh(level) or level


# -- 时间线 ---------------------------------------------------------------------------------
def _timeline(initiatives: list[dict[str, Any]]) -> None:
    initiative_id = _initiative(initiatives)
    tl = _timeline_of(_store_key(), initiative_id)
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
        for u in tl.first
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
    )
    if any(u.get("date_precision") == "document" for u in tl.first):
        st.caption(
            "“文档日期”：文中没有写明推行时间，这里用的是报道文档本身的日期，实际推行可能更早。"
        )
    if undated:
        st.markdown(f"#### 未报道日期的单位（{len(undated)}）")
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

    st.markdown("#### 试点 → 推广 → 扩散")
    _sequence(tl)


def _cumulative_chart(tl: analytics.Timeline) -> None:
    import altair as alt
    import pandas as pd

    if not tl.cumulative:
        st.info("没有带日期的推行记录。")
        return
    curve = pd.DataFrame(
        {
            "日期": pd.to_datetime([_first_day(m) for m, _ in tl.cumulative]),
            "累计单位数": [n for _, n in tl.cumulative],
        }
    )
    line = (
        alt.Chart(curve)
        .mark_line(
            interpolate="step-after",
            point=alt.OverlayMarkDef(color="#e08a1e", size=50),
            color="#e08a1e",
        )
        .encode(
            x=alt.X("日期:T", title="首次报道推行的日期", axis=alt.Axis(format="%Y-%m")),
            y=alt.Y("累计单位数:Q", title="累计单位数", axis=alt.Axis(tickMinStep=1)),
            tooltip=[alt.Tooltip("日期:T", format="%Y-%m"), "累计单位数:Q"],
        )
    )
    layers = [line]
    marks = [e for e in tl.endorsements if e.get("date")]
    if marks:
        rules = pd.DataFrame(
            {
                "日期": pd.to_datetime([_first_day(e["date"]) for e in marks]),
                "推广部署": [e["unit"] for e in marks],
            }
        )
        layers.append(
            alt.Chart(rules)
            .mark_rule(color="#1f5fa8", strokeDash=[4, 3])
            .encode(x="日期:T", tooltip=[alt.Tooltip("日期:T", format="%Y-%m"), "推广部署:N"])
        )
    chart = alt.layer(*layers).properties(height=260)
    st.altair_chart(chart, width="stretch")
    st.caption(
        "按每个单位最早一次被报道推行、试点或获评的日期累计（到年或到月的日期按第一天计）。"
        + ("蓝色虚线：上级法院推广部署。" if marks else "")
    )


def _bars(counts: dict[str, int], title: str, *, horizontal: bool = False, height: int = 0) -> None:
    import altair as alt
    import pandas as pd

    if not counts:
        st.caption("（无）")
        return
    frame = pd.DataFrame({title: list(counts), "单位数": list(counts.values())})
    order = list(counts)
    cat = alt.X(f"{title}:N", sort=order, title=None)
    num = alt.Y("单位数:Q", title="单位数", axis=alt.Axis(tickMinStep=1))
    if horizontal:
        cat = alt.Y(f"{title}:N", sort=order, title=None)
        num = alt.X("单位数:Q", title="单位数", axis=alt.Axis(tickMinStep=1))
    # a lone column should not fill the frame (rows get a fixed step instead)
    bar = {"size": 36} if len(counts) <= 6 and not horizontal else {}
    chart = (
        alt.Chart(frame)
        .mark_bar(color="#e08a1e", **bar)
        .encode(cat, num, tooltip=[f"{title}:N", "单位数:Q"])
        .properties(height=alt.Step(30) if horizontal else height or 260)
    )
    st.altair_chart(chart, width="stretch")


def _first_day(date: str) -> str:
    parts = str(date).split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01", "01"])


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
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["日期", "事件", "单位", "层级", "日期依据"])
    endorsed = frame["事件"] == EVENT_ZH["endorsed"]
    styled = frame.style.apply(
        lambda row: ["background-color: #fdebd3" if endorsed[row.name] else ""] * len(row),
        axis=1,
    )
    st.dataframe(styled, hide_index=True, width="stretch")
    st.caption(
        "按日期排列的试点、上级法院推广部署（★，底色标出）和各单位首次推行。"
        "上级推广之后的推行，可以看作自上而下的扩散。"
    )


# -- 辖区覆盖 -------------------------------------------------------------------------------
def _coverage(initiatives: list[dict[str, Any]]) -> None:
    c1, c2 = st.columns(2)
    with c1:
        initiative_id = _initiative(initiatives)
    with c2:
        court_id = _court(initiative_id)
    if court_id is None:
        st.info("图中还没有法院层级关系（PART_OF），无法统计辖区覆盖。请先导入法院名录。")
        return
    levels, missing, tally = _coverage_of(_store_key(), initiative_id, court_id)
    if not levels:
        st.info("该法院辖区内没有下级单位。")
        return
    _facts_caption(tally)
    cols = st.columns(max(len(levels), 1))
    for col, lv in zip(cols, levels, strict=True):
        col.metric(
            _level_label(lv.level),
            f"{lv.adopted} / {lv.units}" if lv.has_denominator else "无名录",
            f"{lv.share:.0%}" if lv.has_denominator else "未导入人民法庭名录",
            delta_color="off",
            delta_arrow="off",
            delta_description="已推行",
            help="已有推行、试点、推广部署或获评记录的单位 / 辖区内该层级单位总数",
        )
    import pandas as pd

    frame = pd.DataFrame(
        [
            {
                "层级": _level_label(lv.level),
                "已推行": lv.adopted,
                "单位数": lv.units,
                "覆盖率": lv.share if lv.has_denominator else None,
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
                "覆盖率", min_value=0.0, max_value=1.0, format="percent"
            )
        },
    )
    _roster_note(levels)
    st.markdown(f"#### 尚未报道推行的单位（{len(missing)}）")
    if not missing:
        st.success("辖区内所有单位都已有推行记录。")
        return
    table(
        [{**r, "level_zh": _level_label(r.get("level") or "")} for r in missing],
        {"unit": "单位", "level_zh": "层级"},
        links={"单位页": lambda r: state.link(r["unit_id"])},
        key=f"{P}.missing",
    )
    st.caption("“尚未推行”只表示收录的文档中没有看到它推行的报道，不代表它确实没有推行。")


def _roster_note(levels: list[Any]) -> None:
    """Tribunals count only against an imported roster; say where there is none."""
    from ui.scope import tribunal_roster_note

    tribunal_roster_note(levels)


# -- 省份覆盖表 -----------------------------------------------------------------------------
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
    # initiatives most covered first; colours run up to the table's highest share
    frame = frame[frame.sum().sort_values(ascending=False, kind="stable").index]
    top = float(frame.max().max()) or 1.0
    st.caption(
        f"{frame.shape[0]} 个省份 × {frame.shape[1]} 项举措。单元格：该省"
        f"{'、'.join(_level_label(v) for v in levels)}中报道推行的比例；空白 = 没有推行报道，"
        f"颜色越深越高（最深 = 表中最高的 {top:.1%}）。举措按覆盖程度从左到右排列。"
    )
    styled = frame.style.format(lambda v: f"{v:.1%}" if v else "").background_gradient(
        cmap="Oranges", vmin=0.0, vmax=top
    )
    st.dataframe(styled, width="stretch", height=min(36 + 35 * len(frame), 720))
    _facts_caption(counts.tally)
    csv = ("\ufeff" + frame.round(4).reset_index().to_csv(index=False)).encode("utf-8")
    st.download_button("下载 CSV", csv, "province-coverage.csv", "text/csv", key=f"{P}.matrix_csv")
    from ui.province_levels import by_level

    # counts beside their denominators, from the same facts
    by_level(initiatives, levels, f"{P}.matrix_initiative", scope=_scope())
    _coverage_map(initiatives, levels)


def _coverage_map(initiatives: list[dict[str, Any]], levels: list[str]) -> None:
    """The coverage map (覆盖地图) of one initiative, for the country or one province."""
    from ui.downloads import coverage_map_buttons

    st.markdown("#### 覆盖地图")
    c1, c2 = st.columns([3, 2])
    with c1:
        initiative_id = _initiative(initiatives)
    tl = _timeline_of(_store_key(), initiative_id)  # every adopter, dated or not
    provinces = sorted(
        {r["province"] for r in [*tl.first, *tl.undated_units]}
        - {None, "", "北京市", "天津市", "上海市", "重庆市"}
    )
    scope = c2.selectbox(
        "范围",
        ["全国", *provinces],
        key=f"{P}.map_scope",
        help="全国按省份；选一个省份则按该省各地市",
    )
    name = next((r["initiative"] for r in initiatives if r["initiative_id"] == initiative_id), "")
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


# -- 共同采用 -------------------------------------------------------------------------------
def _co_adoption(initiatives: list[dict[str, Any]]) -> None:
    key = f"{P}.min_shared"
    if key not in st.session_state:
        try:
            st.session_state[key] = max(1, int(state.param("min_shared") or 2))
        except ValueError:
            st.session_state[key] = 2
    c1, _ = st.columns([1, 3])
    min_shared = int(
        c1.number_input(
            "最少共同采用单位数",
            min_value=1,
            max_value=100,
            step=1,
            key=key,
            help="两项举措至少有这么多单位都推行过，才画出它们之间的连线",
        )
    )
    state.set_params(min_shared=None if min_shared == 2 else min_shared)
    graph = _co_adoption_of(_store_key(), min_shared)
    _facts_caption(graph.graph["tally"])
    pairs = sorted(
        (
            {"a": a, "b": b, "shared": d["shared"], "jaccard": round(d["jaccard"], 3)}
            for a, b, d in graph.edges(data=True)
        ),
        key=lambda r: (-r["shared"], -r["jaccard"], r["a"], r["b"]),
    )
    if not pairs:
        st.info(f"没有两项举措被至少 {min_shared} 个相同的单位推行。可以把上面的数字调小。")
    else:
        embed_html(co_adoption_html(graph), NETWORK_HEIGHT + 10)
        st.caption(
            "节点：举措（越大 = 推行单位越多）；连线：有单位同时推行两项举措（越粗 = 共同单位越多）。"
        )
        st.markdown(f"#### 举措对（{len(pairs)}）")
        import pandas as pd

        st.dataframe(
            pd.DataFrame(
                [[r["a"], r["b"], r["shared"], r["jaccard"]] for r in pairs],
                columns=["举措甲", "举措乙", "共同采用单位数", "Jaccard 相似度"],
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "Jaccard 相似度": st.column_config.NumberColumn(
                    format="%.2f", help="共同采用单位数 ÷ 采用任一项的单位数"
                )
            },
        )
    st.markdown("#### 先行单位")
    early = _early_of(_store_key())
    if not early:
        st.info("还没有单位推行过两项以上有日期的举措，无法比较先后。")
        return
    table(
        early,
        {"unit": "单位", "initiatives": "推行举措数", "mean_rank": "平均先行名次"},
        links={"单位页": lambda r: state.link(r["unit_id"])},
        key=f"{P}.early",
    )
    st.caption(
        "平均先行名次：在它推行的每项举措中，它首次报道推行的先后名次（0 = 最早，1 = 最晚）的平均值。"
        + (f"核实情况：{facts_note(graph.graph['tally'])}。" if graph.graph["tally"].facts else "")
    )


def co_adoption_html(graph: Any, *, height: int = NETWORK_HEIGHT) -> str:
    """An offline vis-network page of the co-adoption graph (undirected, seeded layout).

    vis-network is inlined from pyvis's bundled copy, as `figures.render.network_html` does;
    that function draws directed fact edges with arrows, which would misread here.
    """
    from figures import render

    connected = graph.subgraph([v for v in graph.nodes if graph.degree(v) > 0])
    pos = render.layout(connected, seed=render.DEFAULT_SEED)
    spread = 260.0 * max(1.0, math.sqrt(connected.number_of_nodes() / 10.0))
    color = render.style_of("Initiative").color
    nodes = [
        {
            "id": v,
            "label": render.wrap(v, 8),
            "title": f"{v}\n推行单位：{a.get('adopters', 0)}",
            "x": round(pos[v][0] * spread * 1.6, 1),
            "y": round(-pos[v][1] * spread, 1),
            "size": round(10 + 5 * math.sqrt(a.get("adopters", 1)), 1),
            "color": {"background": color, "border": "#ffffff"},
            "shape": "dot",
        }
        for v, a in sorted(connected.nodes(data=True))
    ]
    edges = [
        {
            "from": a,
            "to": b,
            "label": str(d["shared"]),
            "title": f"{a} — {b}\n共同采用：{d['shared']} 个单位，Jaccard {d['jaccard']:.2f}",
            "width": round(1 + 2.5 * math.log1p(d["shared"]), 1),
        }
        for a, b, d in sorted(connected.edges(data=True))
    ]
    options = {
        "layout": {"randomSeed": render.DEFAULT_SEED, "improvedLayout": False},
        # vis settles the seeded start positions (deterministic), then physics is switched off
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.02,
                "springLength": 130,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        },
        "nodes": {
            "font": {"size": 14, "face": render.CSS_FONT_STACK, "strokeWidth": 3},
            "borderWidth": 1.5,
        },
        "edges": {
            "color": {"color": "#c9a26b", "highlight": "#e08a1e"},
            "font": {"size": 11, "color": "#666666", "strokeWidth": 3, "align": "middle"},
            "smooth": False,
        },
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    js, css = render.vis_network_assets()
    return _CO_PAGE.format(
        vis_css=css,
        vis_js=js.replace("</script", "<\\/script"),
        font=render.CSS_FONT_STACK,
        height=int(height),
        nodes=render.script_json(nodes),
        edges=render.script_json(edges),
        options=render.script_json(options),
    )


_CO_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>共同采用网络</title>
<style>{vis_css}</style>
<style>
  html, body {{ margin: 0; padding: 0; background: #fff; font-family: {font}; }}
  #cg-network {{ width: 100%; height: {height}px; border: 1px solid #e3e6ea;
    border-radius: 6px; box-sizing: border-box; }}
</style></head>
<body><div id="cg-network"></div>
<script>{vis_js}</script>
<script>
(function () {{
  var data = {{nodes: new vis.DataSet({nodes}), edges: new vis.DataSet({edges})}};
  var network = new vis.Network(document.getElementById("cg-network"), data, {options});
  window.cgNetwork = network;
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{physics: {{enabled: false}}}});
  }});
  network.once("afterDrawing", function () {{ document.body.setAttribute("data-drawn", "1"); }});
}})();
</script></body></html>
"""


# -- 成效对照 -------------------------------------------------------------------------------
def _outcomes(initiatives: list[dict[str, Any]]) -> None:
    initiative_id = _initiative(initiatives)
    st.warning(
        f"**{CLAIMS}**\n\n以下数字是推行这项举措的单位在文档中自己报告的，未经独立核实；"
        "它们与推行时间并列，只供对照，不能据此认定是这项举措带来的效果。"
    )
    found = _outcomes_of(_store_key(), initiative_id)
    rows = found.rows
    _facts_caption(found.tally)
    if found.truncated:
        st.warning(
            f"成效数据超过 {found.limit:,} 项，这里只列出前 {found.limit:,} 项；"
            "可在侧栏选择文档集以缩小范围，或用命令行导出。"
        )
    if not rows:
        st.info("推行这项举措的单位还没有报告过成效数据。")
        return
    doc_ids = sorted({d for r in rows for d in r.get("doc_ids") or []})
    docs = (
        {d["doc_id"]: d for d in state.rows("document_sources", {"ids": ",".join(doc_ids)})}
        if doc_ids
        else {}
    )

    def title(d: str) -> str:
        doc = docs.get(d) or {}
        return (
            f"{doc.get('title') or d}（{doc['date']}）"
            if doc.get("date")
            else doc.get("title") or d
        )

    shown = [
        {
            **{k: "—" if v is None else v for k, v in r.items()},
            "adoption": f"{state.stage_zh(r.get('stage'))} {r.get('adopted_date') or '（无日期）'}",
            "figure": _figure(r),
            "tied": r.get("tied_to") or "未说明",
            "sources": "；".join(title(d) for d in r.get("doc_ids") or []),
        }
        for r in rows
    ]
    st.markdown(
        f"**{len({r['unit_id'] for r in rows})}** 个推行单位报告了 **{len(rows)}** 项数字"
        "（每行一项，推行情况与报告的数字并列）"
    )
    table(
        shown,
        {
            "unit": "单位",
            "adoption": "推行（首次日期）",
            "metric": "指标",
            "figure": "报告数值",
            "period": "期间",
            "tied": "文中关联的举措",
            "sources": "来源文档",
        },
        links={
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
            "单位页": lambda r: state.link(r["unit_id"]),
        },
        key=f"{P}.outcomes",
    )
    st.markdown("#### 来源文档")
    for d in doc_ids:
        st.markdown(f"- [{title(d)}]({state.doc_link(d)})")


def _figure(r: dict[str, Any]) -> str:
    value = r.get("value")
    text = f"{value:g}" if isinstance(value, int | float) else str(value or "")
    return f"{r.get('qualifier') or ''}{text}{r.get('unit_of_measure') or ''}"


# -- 数据导出 -------------------------------------------------------------------------------
def _export_tab(initiatives: list[dict[str, Any]]) -> None:
    by_id = {r["initiative_id"]: r for r in initiatives}
    key = f"{P}.ids"
    if key not in st.session_state:
        wanted = [v for v in (state.param("ids") or "").split(",") if v in by_id]
        if not wanted:  # the initiative of the other tabs
            first = state.param("id")
            if first and first not in by_id:
                first = state.resolve(first, "Initiative")
            wanted = [first] if first in by_id else [initiatives[0]["initiative_id"]]
        st.session_state[key] = wanted
    chosen = st.multiselect(
        "举措（可多选）",
        list(by_id),
        key=key,
        format_func=lambda i: by_id[i]["initiative"],
        placeholder="选择一项或多项举措",
    )
    provinces = sorted({r["province"] for r in state.rows("unit_totals") if r.get("province")})
    pkey = f"{P}.province"
    if pkey not in st.session_state:
        wanted_province = state.param("province")
        st.session_state[pkey] = wanted_province if wanted_province in provinces else state.ALL
    lkey = f"{P}.levels"
    if lkey not in st.session_state:
        st.session_state[lkey] = _levels_param("levels", [])
    c1, c2 = st.columns(2)
    province = c1.selectbox("省份（可选）", [state.ALL, *provinces], key=pkey)
    levels = c2.multiselect(
        "层级（可选，不选 = 全部）",
        list(LEVELS),
        key=lkey,
        format_func=_level_label,
        placeholder="全部层级",
    )
    province_value = None if province == state.ALL else province
    state.set_params(ids=list(chosen), province=province_value, levels=list(levels))
    if not chosen:
        st.info("请至少选择一项举措，生成单位 × 年份面板。")
        return
    names = [by_id[i]["initiative"] for i in chosen]
    stem = "_".join(names)[:60]

    st.markdown("#### 单位 × 年份面板")
    panel = _panel_of(_store_key(), tuple(chosen), province_value, tuple(levels))
    years = sorted({r["year"] for r in panel.rows})
    c1, c2, c3 = st.columns(3)
    c1.metric("面板行数", len(panel.rows))
    c2.metric("单位数", len({r["unit_id"] for r in panel.rows}))
    c3.metric("年份", f"{years[0]}–{years[-1]}" if years else "—")
    counted = "；".join(
        f"{name}：{n} 个推行单位"
        + (f"，另有 {panel.undated[name]} 个单位未报道日期" if panel.undated.get(name) else "")
        for name, n in panel.adopters.items()
    )
    if counted:
        st.caption(
            f"{counted}。每个推行单位都计入（reported__ 列为 1）；未报道日期的单位 "
            "first_year__ 为空，adopted__ 各年为 0。"
        )
    _facts_caption(panel.tally)
    if not panel.rows:
        st.info("没有符合条件的法院或年份。可放宽省份或层级条件。")
    else:
        _downloads(panel, "面板", f"panel-{stem}", f"{P}.panel")
        _preview(panel.rows)

    st.markdown("#### 推行事件表")
    events = _events_of(_store_key(), tuple(chosen))
    st.metric("事件数", len(events.rows))
    _facts_caption(events.tally)
    if not events.rows:
        st.info("所选举措还没有推行记录。")
        return
    _downloads(events, "事件表", f"events-{stem}", f"{P}.events")
    _preview(events.rows)


def _downloads(export: Export, what: str, stem: str, key: str) -> None:
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        f"{what} CSV",
        export.files["csv"],
        f"{stem}.csv",
        "text/csv",
        key=f"{key}.csv",
        width="stretch",
    )
    if "parquet" in export.files:
        c2.download_button(
            f"{what} Parquet",
            export.files["parquet"],
            f"{stem}.parquet",
            "application/vnd.apache.parquet",
            key=f"{key}.parquet",
            width="stretch",
        )
    c3.download_button(
        f"{what}数据字典 Markdown",
        export.files["md"],
        f"{stem}.dictionary.md",
        "text/markdown",
        key=f"{key}.md",
        width="stretch",
    )


def _preview(rows: list[dict[str, Any]], limit: int = 100) -> None:
    import pandas as pd

    frame = pd.DataFrame(rows[:limit])
    for col in frame.columns:  # lists (doc_ids) read better joined
        if frame[col].map(lambda v: isinstance(v, list)).any():
            frame[col] = frame[col].map(lambda v: "；".join(v) if isinstance(v, list) else v)
    st.caption(f"预览前 {min(limit, len(rows))} 行，共 {len(rows)} 行。")
    st.dataframe(frame, hide_index=True, width="stretch", height=280)
