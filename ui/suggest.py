"""An unknown name in the explorer: a Chinese message and the closest names in the graph
(simplified or traditional input, aliases included), never advice to run a command."""

from __future__ import annotations

import difflib
from typing import Any

import streamlit as st

from graph.errors import CourtgraphError, EntityNotFound
from graph.text import to_simplified
from ui import state


def closest(value: str, *, limit: int = 5) -> list[dict[str, Any]]:
    """Entities whose name or an alias is closest to `value` (search hits ranked by
    similarity; an empty list when nothing is near)."""
    text = to_simplified(value.strip())
    if not text:
        return []
    hits: dict[str, dict[str, Any]] = {}
    probes = [text] + ([text[:4], text[-4:]] if len(text) > 4 else [])
    for probe in probes:
        try:
            rows = state.rows("search", {"q": probe})
        except CourtgraphError:
            continue
        for r in rows:
            hits.setdefault(r["id"], r)

    def score(r: dict[str, Any]) -> float:
        names = [r.get("name") or "", *(r.get("aliases") or [])]
        return max(difflib.SequenceMatcher(None, text, n).ratio() for n in names)

    ranked = sorted(hits.values(), key=lambda r: (-score(r), r.get("name") or ""))
    return [r for r in ranked if score(r) >= 0.3][:limit]


def show_not_found(exc: EntityNotFound) -> None:
    """The Chinese message for a name the graph does not hold, with the closest names."""
    name = exc.name or ""
    near = closest(name) if name else []
    if not near:
        st.error(
            f"图中没有找到这个实体：没有名为“{name}”的实体，也没有相近的名称。"
            "请检查写法，或到「检索」页按名称、别名搜索。"
        )
        return
    st.error(
        f"图中没有找到这个实体：没有名为“{name}”的实体。您要找的是不是下面这些？"
        "也可到「检索」页按名称、别名搜索。"
    )
    for r in near:
        link = state.link(r["id"])
        kind = state.kind_zh(r.get("kind"))
        st.markdown(f"- [{r['name']}]({link})（{kind}）" if link else f"- {r['name']}（{kind}）")


def show_ambiguous(exc: Any) -> None:
    """A name several entities share: each of them, with a link to its page."""
    st.error(f"“{exc.name}”对应多个实体，请选择其中一个（或输入全称）：")
    for entity_id in exc.ids:
        try:
            name = state.entity(entity_id).get("name") or entity_id
        except CourtgraphError:
            name = entity_id
        link = state.link(entity_id)
        st.markdown(f"- [{name}]({link})（`{entity_id}`）" if link else f"- {name}")
