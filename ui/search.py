"""检索: names and aliases of every kind (simplified or traditional), with a jump to the page."""

from __future__ import annotations

import html

import streamlit as st

from graph.model import LABEL_ZH
from ui import state
from ui.common import table

P = "search"


def render() -> None:
    st.title("检索")
    state.widget_value(f"{P}.q", "q", lambda v: v or "")
    state.widget_value(
        f"{P}.kinds",
        "kinds",
        lambda v: [k for k in (v or "").split(",") if k in state.KIND_CHOICES],
    )
    c1, c2 = st.columns([3, 2])
    q = c1.text_input(
        "名称或别名（简体、繁体均可）", key=f"{P}.q", placeholder="e.g. 本溪中院、诉源治理"
    )
    kinds = c2.multiselect(
        "类型（不选 = 全部）",
        state.KIND_CHOICES,
        key=f"{P}.kinds",
        format_func=lambda k: f"{LABEL_ZH[k]} {k}",
        placeholder="全部类型",
    )
    state.set_params(q=q.strip() or None, kinds=kinds)
    if not q.strip():
        st.info("输入名称、简称或别名开始检索。")
        return
    rows = state.rows("search", {"q": q, "kinds": kinds or None})
    if not rows:
        st.info(f"没有找到与“{q}”匹配的实体。可尝试更短的关键词、简称或别名。")
        return
    st.markdown(f"找到 **{len(rows)}** 个结果：")
    for i, r in enumerate(rows[:10]):
        c1, c2 = st.columns([5, 1])
        aliases = "、".join(a for a in (r.get("aliases") or []) if a != r["name"])[:60]
        c1.markdown(
            f"**{html.escape(r['name'])}**　{state.kind_zh(r['kind'])}"
            + (f" · {state.level_zh(r.get('level'))}" if r.get("level") else "")
            + (
                f"　<span style='color:#888'>别名：{html.escape(aliases)}</span>" if aliases else ""
            ),
            unsafe_allow_html=True,
        )
        c2.button(
            "打开",
            key=f"{P}.open.{i}",
            on_click=state.goto,
            args=(state.page_of(r["id"]),),
            kwargs={"id": r["id"]},
        )
    if len(rows) > 10:
        table(
            [{**r, "kind_zh": state.kind_zh(r["kind"])} for r in rows[10:]],
            {"name": "名称", "kind_zh": "类型"},
            links={"页面": lambda r: state.link(r["id"])},
            key=f"{P}.more",
        )
