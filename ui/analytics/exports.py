"""数据导出: the unit-year panel and the adoption events as CSV / Parquet with their data
dictionaries (what the download buttons hand out; tests call these too)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import streamlit as st

from graph.model import LEVELS
from queries import analytics
from queries.citations import cited_dictionary, cited_table, join_list
from ui import state
from ui.analytics.shared import (
    P,
    _facts_caption,
    _level_label,
    _levels_param,
    _scope,
    _store_key,
)


# -- exports (what the download buttons hand out; tests call these too) ---------------------
@dataclass
class Export:
    """A table and its files: `files` maps "csv" / "parquet" / "xlsx" / "md" (dictionary) to bytes,
    made when first asked for (the page offers them as downloads made on click: a national
    unit-year panel of 200,000 rows took seconds to write on every first visit); `tally`
    counts the facts it holds; `adopters` / `undated` (the panel): per initiative, the units
    reported adopting it and how many of them no report dates."""

    rows: list[dict[str, Any]]
    dictionary: dict[str, str]
    tally: analytics.Tally = analytics.Tally()
    adopters: dict[str, int] = field(default_factory=dict)
    undated: dict[str, int] = field(default_factory=dict)

    @cached_property
    def files(self) -> dict[str, bytes]:
        """The same files the CLI writes (`write_table`), made in a temporary folder."""
        with tempfile.TemporaryDirectory(prefix="courtgraph-") as tmp:
            csv_path, md_path = analytics.write_table(
                self.rows, Path(tmp) / "table.csv", dictionary=self.dictionary
            )
            files = {"csv": csv_path.read_bytes(), "md": md_path.read_bytes()}
            if self.rows:
                (pq,) = analytics.write_table(self.rows, Path(tmp) / "table.parquet")
                files["parquet"] = pq.read_bytes()
                (xlsx,) = analytics.write_table(self.rows, Path(tmp) / "table.xlsx")
                files["xlsx"] = xlsx.read_bytes()
        return files


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
    return Export(
        made.rows,
        analytics.PANEL_DICTIONARY,
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
    # year, and each fact's sentence, document title and URL: what a citation needs
    return Export(
        cited_table(store, rows), cited_dictionary(analytics.EVENTS_DICTIONARY), tally=tally
    )


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
    totals = state.rows("unit_totals")
    provinces = sorted({r["province"] for r in totals if r.get("province")})
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
    if not _panel_wanted(totals, tuple(chosen), province_value, tuple(levels)):
        _events_section(chosen, stem)
        return
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
    _events_section(chosen, stem)


#: most courts whose panel is made as soon as the tab opens; a larger choice is made when
#: asked for (a national panel reads every unit's documents per year and builds 100,000s of
#: rows: seconds on every first visit, for a tab mostly opened to download events)
PANEL_AT_ONCE = 2000


def _panel_wanted(
    totals: list[dict[str, Any]],
    ids: tuple[str, ...],
    province: str | None,
    levels: tuple[str, ...],
) -> bool:
    """Whether to make the panel of this choice now: a small one always; a large one once
    the reader asked for it (the choice is remembered until it changes)."""
    courts = sum(
        r["units"]
        for r in totals
        if (province is None or r.get("province") == province)
        and (not levels or r.get("level") in levels)
    )
    choice = (ids, province, levels)
    if courts <= PANEL_AT_ONCE or st.session_state.get(f"{P}.panel_made") == choice:
        return True
    st.caption(
        f"所选范围内有 {courts:,} 个法院（另含人民法庭），面板较大，点击后生成"
        "（每个单位每年一行，含推行状态与文档数）。"
    )
    if st.button("生成面板", key=f"{P}.panel_make", type="primary"):
        st.session_state[f"{P}.panel_made"] = choice
        return True
    return False


def _events_section(chosen: list[str], stem: str) -> None:
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
    """The table's files, each made when its button is clicked."""
    from ui.common import XLSX_MIME
    from ui.downloads import ON_CLICK

    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(
        f"{what} CSV",
        lambda: export.files["csv"],
        f"{stem}.csv",
        "text/csv",
        key=f"{key}.csv",
        width="stretch",
        on_click=ON_CLICK,
    )
    if export.rows:
        c2.download_button(
            f"{what} Parquet",
            lambda: export.files["parquet"],
            f"{stem}.parquet",
            "application/vnd.apache.parquet",
            key=f"{key}.parquet",
            width="stretch",
            on_click=ON_CLICK,
        )
        c3.download_button(
            f"{what} Excel",
            lambda: export.files["xlsx"],
            f"{stem}.xlsx",
            XLSX_MIME,
            key=f"{key}.xlsx",
            width="stretch",
            on_click=ON_CLICK,
        )
    c4.download_button(
        f"{what}数据字典 Markdown",
        lambda: export.files["md"],
        f"{stem}.dictionary.md",
        "text/markdown",
        key=f"{key}.md",
        width="stretch",
        on_click=ON_CLICK,
    )


def preview_frame(rows: list[dict[str, Any]], limit: int = 100) -> Any:
    """The first `limit` rows as the preview shows them: lists (doc_ids) joined, a missing
    value empty (a column of them showed the word None: a new user's finding)."""
    import pandas as pd

    frame = pd.DataFrame(rows[:limit])
    for col in frame.columns:
        values = frame[col]
        if values.map(lambda v: isinstance(v, list)).any():  # lists read better joined
            frame[col] = values.map(lambda v: join_list(v) if isinstance(v, list) else v)
        if not pd.api.types.is_numeric_dtype(frame[col]):  # (pandas 3: text is "str")
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
    return frame


def _preview(rows: list[dict[str, Any]], limit: int = 100) -> None:
    frame = preview_frame(rows, limit)
    st.caption(f"预览前 {min(limit, len(rows))} 行，共 {len(rows)} 行。")
    st.dataframe(frame, hide_index=True, width="stretch", height=preview_height(len(frame)))


def preview_height(rows: int) -> int:
    """The preview's height in pixels: its rows and header, at most 280 (a fixed 280 drew a
    few rows over a stack of empty grid lines)."""
    return min(280, 38 + 35 * max(rows, 1))
