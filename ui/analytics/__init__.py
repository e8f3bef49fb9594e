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

import streamlit as st

from graph.errors import CourtgraphError
from ui import state
from ui.analytics.co_adoption import _co_adoption
from ui.analytics.coverage import _coverage, _provinces
from ui.analytics.exports import Export, _export_tab, events_export, panel_export
from ui.analytics.outcomes import _outcomes
from ui.analytics.shared import TABS, P, _in_scope, facts_note
from ui.analytics.timeline import _timeline
from ui.common import no_initiatives

__all__ = ["TABS", "Export", "events_export", "facts_note", "panel_export", "render"]


def render() -> None:
    st.title("扩散分析")
    st.caption(
        "改革举措在各级法院间的推行与扩散。所有数字都来自文档报道：日期是文档中首次给出的推行日期，"
        "“文档日期”表示文中没有写明推行时间、只知道文档本身的日期；不是官方统计。"
    )
    initiatives = _in_scope(state.rows("initiatives"))
    if not initiatives:
        no_initiatives(
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
