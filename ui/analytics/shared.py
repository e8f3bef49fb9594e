"""What the tabs of 扩散分析 share: the sidebar's scope, cached calls of `queries.analytics` (keyed by
the store, the collections and the 只看已核实 switch), the fact-check caption and the pickers."""

from __future__ import annotations

from typing import Any

import streamlit as st

from graph.model import LEVELS
from queries import analytics
from ui import state
from ui.common import court_of_most_adopters, court_picker, initiative_picker

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


# -- cached library calls (keyed by the store, bounded) -----------------------------------
def _store_key() -> str:
    """The store, the chosen collections and the 只看已核实 switch: what a cached answer
    depends on."""
    from ui.scope import collections_key, verified_only

    return f"{state.store_key()}|{collections_key()}|{int(verified_only())}"


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


# kept as it is, not pickled (a national initiative's timeline lists its 7,000 units, read
# again on every visit of the tab): shared, never changed by the tabs. The scope is an
# argument, not read from the sidebar inside, so the explorer's warm-up (ui/warm.py), which
# runs outside any page, fills the entry a page with the sidebar's defaults asks for; its
# spinner is the page's (a cache's own spinner, drawn outside a page, logs a warning)
@st.cache_resource(ttl=300, max_entries=8, show_spinner=False)
def _timeline_of(
    store_key: str, initiative_id: str, collections: tuple[str, ...], verified_only: bool
) -> analytics.Timeline:
    return analytics.timeline(
        state.store(),
        initiative_id,
        collections=list(collections) or None,
        verified_only=verified_only,
    )


def timeline_of(initiative_id: str) -> analytics.Timeline:
    """The timeline of one initiative from the sidebar's scope (shared: never change it)."""
    scope = _scope()
    with st.spinner("正在计算时间线…"):  # shown after half a second: not for a kept answer
        return _timeline_of(
            state.store_key(),
            initiative_id,
            tuple(scope["collections"] or ()),
            bool(scope["verified_only"]),
        )


def prefetch_timeline(initiative_id: str) -> analytics.Timeline:
    """The timeline a page with the sidebar's defaults (every collection, 只看已核实 off)
    asks for, computed and kept now: the warm-up's read of 扩散分析."""
    return _timeline_of(state.store_key(), initiative_id, (), False)


def clear_shared() -> None:
    """Forget the answers kept as they are (with the app's other caches: state.clear_caches)."""
    _timeline_of.clear()


@st.cache_data(ttl=300, max_entries=64, show_spinner="正在统计辖区覆盖…")
def _coverage_of(
    store_key: str, initiative_id: str, court_id: str
) -> tuple[list[Any], list[Any], analytics.Tally, list[dict[str, Any]]]:
    """`analytics.coverage_report` and the area rollouts it marked the units with, which
    the page shows too (it asked for them again: `area_rollouts` ran twice per visit)."""
    store, scope = state.store(), _scope()
    rollouts = analytics.area_rollouts(store, initiative_id, court_id, **scope)
    levels, missing, tally = analytics.coverage_report(
        store, initiative_id, court_id, rollouts=rollouts, **scope
    )
    return levels, missing, tally, rollouts


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在计算省份覆盖表…")
def _counts_of(store_key: str, levels: tuple[str, ...]) -> analytics.ProvinceCounts:
    return analytics.province_counts(state.store(), levels=levels, **_scope())


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _outcomes_of(store_key: str, initiative_id: str, first: int | None) -> analytics.Outcomes:
    """The adopters' figures: the `first` rows (None: all) and the totals of every row."""
    return analytics.outcomes_report(state.store(), initiative_id, first=first, **_scope())


def facts_note(tally: analytics.Tally) -> str:
    """How many of a table's facts are unverified, in the figures' words (FactCheck.note)."""
    from queries.verified import FactCheck

    return FactCheck(*tally).note()


def _facts_caption(tally: analytics.Tally) -> None:
    note = facts_note(tally)
    if note:
        st.caption(f"核实情况：{note}。")


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
    by_province = timeline_of(initiative_id).by_province
    return court_of_most_adopters(courts, by_province)


def _levels_param(name: str, default: list[str]) -> list[str]:
    value = state.param(name)
    if value is None:
        return default
    return [v for v in value.split(",") if v in LEVELS]


def _level_label(level: str) -> str:
    return state.level_zh(level) or level
