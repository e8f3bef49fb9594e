"""路径: the shortest connections between two entities."""

from __future__ import annotations

import streamlit as st

from graph.model import REL_ZH
from ui import state
from ui.common import embed_html, entity_input

P = "path"


def render() -> None:
    st.title("路径")
    c1, c2 = st.columns(2)
    with c1:
        source = entity_input(f"{P}.from", "from", "起点")
    with c2:
        target = entity_input(f"{P}.to", "to", "终点")
    if not source or not target:
        st.info("输入两个实体（名称、别名或 id），查看它们之间最短的关系链。")
        return
    if source == target:
        st.info("起点和终点是同一个实体。")
        return
    rows, _ = state.run("path", {"source": source, "target": target})
    if not rows:
        from ui.scope import verified_only

        st.info(
            "在 6 步之内没有找到连接这两个实体的关系链（文档提及关系不计"
            + ("；只看已核实：只走已确认或已修改的事实）。" if verified_only() else "）。")
        )
        return
    st.markdown(f"找到 **{len(rows)}** 条最短路径，每条 **{rows[0]['hops']}** 步：")
    ids: list[str] = []
    for i, r in enumerate(rows, 1):
        names = [name or x for name, x in zip(r["names"], r["ids"], strict=True)]
        parts = [f"**{names[0]}**"]
        for rel, name in zip(r["types"], names[1:], strict=True):
            parts.append(f" —{REL_ZH.get(rel, rel)}— **{name}**")
        st.markdown(f"{i}. " + "".join(parts))
        ids += [x for x in r["ids"] if x not in ids]
    from figures.render import network_html
    from graph.export import fetch_subgraph
    from ui.scope import verified_only

    graph = fetch_subgraph(state.store(), ids, verified=verified_only())
    embed_html(
        network_html(graph, title="路径", height=420, link_template="?page=unit&id={id}"), 430
    )
    # the facts among the path's entities (the roster's hierarchy is reference data)
    from queries.verified import FactCheck
    from ui.common import note_of

    every = fetch_subgraph(state.store(), ids) if verified_only() else graph
    statuses = [
        a.get("review_status")
        for *_, a in every.edges(keys=True, data=True)
        if not (a.get("source") and not a.get("review_status"))
    ]
    note = note_of(FactCheck.of(statuses, verified_only=verified_only()))
    if note:
        st.caption(f"图中的关系：{note}")
