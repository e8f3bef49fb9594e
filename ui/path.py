"""路径: the shortest connections between two entities."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise, product
from typing import Any

import streamlit as st

from graph.model import REL_ZH
from ui import state
from ui.common import embed_html, entity_input

P = "path"


def _label(rel: str, attrs: dict[str, Any]) -> str:
    """A step's words: an adoption says its stage (推行, 试点, 推广部署, 获评)."""
    if rel == "ADOPTED" and attrs.get("stage"):
        return state.stage_zh(attrs["stage"]) or REL_ZH[rel]
    if rel == "LEARNED_FROM" and attrs.get("initiative"):
        return f"{REL_ZH[rel]}：{attrs['initiative']}"  # 学习考察：X (a learning visit's topic)
    return REL_ZH.get(rel, rel)


def hop_labels(rows: list[dict[str, Any]], graph: Any) -> list[list[str]]:
    """Each path's step labels. Two paths through the same entities differ only in which of
    two parallel relationships they take (丙区法院 推行 and 推广部署 the same initiative): the
    query names relationship types only, so the paths of one entity sequence are given the
    combinations of their steps' parallel relationships, one each, as the database lists
    every shortest path; when the numbers do not match, each step lists all its kinds."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        groups[(tuple(r["ids"]), tuple(r["types"]))].append(k)
    out: list[list[str]] = [[] for _ in rows]
    for (ids, types), members in groups.items():
        steps: list[list[str]] = []
        for (a, b), rel in zip(pairwise(ids), types, strict=True):
            found = [
                _label(rel, attrs)
                for u, v in ((a, b), (b, a))
                for attrs in (graph.get_edge_data(u, v) or {}).values()
                if attrs.get("type") == rel
            ]
            steps.append(sorted(found) or [REL_ZH.get(rel, rel)])
        combos = list(product(*steps))
        for n, k in enumerate(members):
            if len(combos) == len(members):
                out[k] = list(combos[n])
            else:
                out[k] = ["／".join(dict.fromkeys(step)) for step in steps]
    return out


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
    from figures.render import network_html
    from graph.export import fetch_subgraph
    from ui.scope import verified_only

    ids = list(dict.fromkeys(x for r in rows for x in r["ids"]))
    graph = fetch_subgraph(state.store(), ids, verified=verified_only())
    st.markdown(f"找到 **{len(rows)}** 条最短路径，每条 **{rows[0]['hops']}** 步：")
    for i, (r, labels) in enumerate(zip(rows, hop_labels(rows, graph), strict=True), 1):
        names = [name or x for name, x in zip(r["names"], r["ids"], strict=True)]
        parts = [f"**{names[0]}**"]
        for label, name in zip(labels, names[1:], strict=True):
            parts.append(f" —{label}— **{name}**")
        st.markdown(f"{i}. " + "".join(parts))
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
