"""扩散分析 › 省份覆盖表: one initiative's counts per province and level, each share beside
its denominator (how many courts of that level the province has), so a cell answers
"how many of which courts" rather than a share of every court in the province."""

from __future__ import annotations

from typing import Any

import streamlit as st

from figures.numbers import percent
from graph.model import LEVEL_ZH
from queries import analytics
from ui import state


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在统计各省分层级数字…")
def _counts(
    store_key: str,
    levels: tuple[str, ...],
    initiative: str,
    collections: tuple[str, ...] = (),
    verified_only: bool = False,
) -> tuple[list[dict[str, Any]], analytics.Tally]:
    counts = analytics.province_counts(
        state.store(),
        levels=levels,
        initiatives=[initiative],
        collections=list(collections) or None,
        verified_only=verified_only,
    )
    name = next(iter(counts.adopted), initiative)
    return counts.table(name), counts.tally


def _ordered(levels: list[str]) -> tuple[str, ...]:
    """Levels highest first (as `ProvinceCounts.levels`)."""
    from graph.model import LEVELS

    return tuple(lv for lv in LEVELS if lv in levels)


def by_level(
    initiatives: list[dict[str, Any]],
    levels: list[str],
    key: str,
    *,
    scope: dict[str, Any] | None = None,
    counts: analytics.ProvinceCounts | None = None,
) -> None:
    """A table of one initiative: per province and level, adopting courts / all courts
    (`scope`: the chosen `collections` and `verified_only`, as `queries.analytics` takes
    them; `counts`: `province_counts` of every initiative at `levels` in that scope, already
    read for another table, from which this one is taken without reading again)."""
    by_id = {r["initiative_id"]: r for r in initiatives if r.get("units")}
    if not by_id:
        return
    st.markdown("#### 分层级数字")
    chosen = st.selectbox(
        "举措",
        list(by_id),
        key=key,
        format_func=lambda i: by_id[i]["initiative"],
        help="每个单元格：该省该层级报道推行的法院数 / 该省该层级的法院总数（比例）",
    )
    scope = scope or {}
    name = by_id[chosen]["initiative"]
    if counts is not None and counts.levels == _ordered(levels) and name in counts.adopted:
        rows = counts.table(name)
        tally = counts.tallies.get(name, analytics.Tally(verified_only=counts.tally.verified_only))
    else:
        rows, tally = _counts(
            state.store_key(),
            tuple(levels),
            chosen,
            tuple(scope.get("collections") or ()),
            bool(scope.get("verified_only")),
        )
    shown = []
    for r in rows:
        if not any(r.get(f"{lv}_adopted") for lv in levels):
            continue
        item: dict[str, Any] = {"省份": r["province"]}
        for lv in levels:
            a, n = r.get(f"{lv}_adopted") or 0, r.get(f"{lv}_courts") or 0
            item[LEVEL_ZH.get(lv, lv)] = f"{a} / {n}（{percent(a / n)}）" if n else "—"
        shown.append(item)
    if not shown:
        st.info("这些层级的法院中还没有推行该举措的报道。")
        return
    import pandas as pd

    st.dataframe(pd.DataFrame(shown), hide_index=True, width="stretch")
    st.caption(
        f"{by_id[chosen]['initiative']}：报道推行（任一阶段）的法院数 / 该省该层级的法院总数"
        "（分母来自全国法院名录）。只列出有推行报道的省份。"
    )
    from ui.analytics import facts_note

    if note := facts_note(tally):
        st.caption(f"核实情况：{note}。")
