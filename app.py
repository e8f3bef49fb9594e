"""courtgraph explorer: `streamlit run app.py` (read-only, except the import and review pages).

Pages live in `ui/`; this file sets the page up, picks the page from the URL (`?page=...`)
and turns courtgraph's errors into Chinese messages instead of tracebacks.
"""

from __future__ import annotations

import importlib

import streamlit as st

from graph.errors import CourtgraphError
from ui import state
from ui.warm import page_drawn

st.set_page_config(page_title="courtgraph · 法院改革知识图谱", page_icon="⚖️", layout="wide")


# page -> (module in ui/, function): a page's module is imported when it is first shown, so
# the first page does not wait for the others' imports (networkx, pandas, matplotlib ...)
_PAGES = {
    "overview": ("overview", "render"),
    "initiative": ("initiative", "render"),
    "unit": ("unit", "render"),
    "network": ("network", "render"),
    "path": ("path", "render"),
    "search": ("search", "render"),
    "evidence": ("evidence", "render"),
    "import": ("importer", "render"),
    "export": ("network", "render_export"),
    "analytics": ("analytics", "render"),
    "cypher": ("cypher", "render"),
    "review": ("review", "render"),
}


def _render(page: str) -> None:
    module, function = _PAGES[page]
    getattr(importlib.import_module(f"ui.{module}"), function)()


def main() -> None:
    requested = state.param("page", "overview") or "overview"
    if requested not in state.PAGES:
        st.info(
            f"没有名为“{requested}”的页面，已打开「总览」。可用页面：{'、'.join(state.PAGES.values())}"
        )
        requested = "overview"
    if (
        st.session_state.get("nav") not in state.PAGES
        or st.session_state.get("_url_page") != requested
    ):
        st.session_state["nav"] = requested
    st.session_state["_url_page"] = requested
    with st.sidebar:
        st.markdown("### ⚖️ courtgraph\n法院改革举措知识图谱")
        page = st.radio(
            "页面",
            list(state.PAGES),
            format_func=state.PAGES.get,
            key="nav",
            label_visibility="collapsed",
        )
        st.caption("只读浏览；仅「导入」与「审核」（须审核员登录）会写入数据。链接可复制分享。")
    if page != requested:
        st.query_params.clear()
        st.query_params["page"] = page
        st.session_state["_url_page"] = page
    from ui.review import reading_allowed, secrets_error, sign_in

    if (problem := secrets_error()) is not None:  # fail closed: never run without its accounts
        st.error(
            f"无法读取账号配置文件，已停止运行：{problem}。请改正后重启。"
            '中文等非 ASCII 的用户名要加引号，例如 `"王审" = "pbkdf2_sha256$…"`。'
        )
        return
    if not reading_allowed():  # the configuration asks every reader to sign in
        sign_in(st.sidebar)
        st.info("本系统需要登录后查看：请在左侧登录。")
        return
    try:
        from ui import scope  # collections and home court: sidebar pickers kept in the URL

        scope.sidebar()
        scope.demo_banner()
        _render(page)
        from ui.warm import warm_up_once

        warm_up_once(state.store())  # the store server's first answers, in the background
    except CourtgraphError as exc:
        state.show_error(exc)
    from ui.network import warm_up_once

    warm_up_once()  # after the page is drawn: fonts and matplotlib for 导出
    state.freeze_heap("first page")  # the app's own modules, out of the collector's walks


with page_drawn():  # the store's warm-up (ui/warm.py) starts no read while a page is drawn
    main()
