"""共同采用: initiatives adopted by the same units, as a network and a table."""

from __future__ import annotations

from typing import Any, NamedTuple

import streamlit as st

from figures.co_adoption import NETWORK_HEIGHT, co_adoption_html
from queries import analytics
from ui import state
from ui.analytics.shared import (
    P,
    _facts_caption,
    _scope,
    _store_key,
    facts_note,
)
from ui.common import embed_html, table


# -- 共同采用 -------------------------------------------------------------------------------
class CoAdoption(NamedTuple):
    """What the tab shows, made once per scope and threshold: every pair (strongest first),
    the network's page of its strongest pairs, the facts, and the early adopters."""

    pairs: list[dict[str, Any]]
    html: str
    drawn: int  # pairs the network draws
    tally: analytics.Tally
    early: list[dict[str, Any]]


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在计算共同采用…")
def _co_adoption_of(store_key: str, min_shared: int) -> CoAdoption:
    """From one read of every adoption; the pairs sorted and the network drawn here, not on
    every run of the tab (32,000 pairs on a national graph)."""
    store = state.store()
    found = analytics.adoptions(store, **_scope())
    size, shared, tally = analytics.shared_adopters(
        store, min_shared=min_shared, adoptions=found, **_scope()
    )
    pairs = analytics.ranked_pairs(size, shared)
    drawn = _network(size, pairs, tally)
    return CoAdoption(
        pairs,
        co_adoption_html(drawn) if pairs else "",
        drawn.number_of_edges(),
        tally,
        analytics.early_adopters(store, adoptions=found, **_scope()),
    )


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
            "最少共同推行单位数",
            min_value=1,
            max_value=100,
            step=1,
            key=key,
            help="两项举措至少有这么多单位都推行过，才画出它们之间的连线",
        )
    )
    state.set_params(min_shared=None if min_shared == 2 else min_shared)
    found = _co_adoption_of(_store_key(), min_shared)
    pairs, tally, early = found.pairs, found.tally, found.early
    _facts_caption(tally)
    if not pairs:
        st.info(f"没有两项举措被至少 {min_shared} 个相同的单位推行。可以把上面的数字调小。")
    else:
        embed_html(found.html, NETWORK_HEIGHT + 10)
        st.caption(
            "节点：举措（越大 = 推行单位越多）；连线：有单位同时推行两项举措（越粗 = 共同单位越多）。"
            + (
                f"图中只画出共同推行单位最多的 {found.drawn:,} 对"
                f"（共 {len(pairs):,} 对，全部列在下表）；可调大最少共同推行单位数。"
                if found.drawn < len(pairs)
                else ""
            )
        )
        st.markdown(f"#### 举措对（{len(pairs):,}）")
        table(
            pairs,
            {"a": "举措甲", "b": "举措乙", "shared": "共同推行单位数", "jaccard": "Jaccard 相似度"},
            key=f"{P}.pairs",
        )
        st.caption("Jaccard 相似度 = 共同推行单位数 ÷ 推行任一项的单位数。")
    st.markdown("#### 先行单位")
    if not early:
        st.info(analytics.EARLY_NONE)
        return
    table(
        [{**r, "earlier_share": round(r["mean_rank"] * 100, 1)} for r in early],
        {"unit": "单位", "initiatives": "推行举措数", "earlier_share": EARLIER},
        links={"单位页": lambda r: state.link(r["unit_id"])},
        key=f"{P}.early",
    )
    st.caption(
        f"{EARLIER}：在它推行的每项有日期的举措中，其他推行单位里确定早于它的占多少，再取平均"
        "（0% = 每项都最早，100% = 每项都最晚；与 `python -m queries.analytics co-adoption` 相同）。"
        "只计另有单位报道了推行日期、可以比较先后的举措；推行举措数即这样的举措数，至少两项才列出。"
        + (f"核实情况：{facts_note(tally)}。" if tally.facts else "")
    )


#: the early-adopter column: the share of other dated adopters certainly earlier, averaged
EARLIER = "平均早于它的其他单位（%）"

#: most pairs the network draws: tens of thousands of lines are a blot (and megabytes for
#: the browser); the table lists every pair
NETWORK_EDGES = 150


def _network(size: dict[str, int], pairs: list[dict[str, Any]], tally: Any) -> Any:
    """The network drawn: every initiative and pair, or, with more than `NETWORK_EDGES`
    pairs (`pairs` come strongest first), the strongest pairs and their initiatives only."""
    kept = pairs if len(pairs) <= NETWORK_EDGES else pairs[:NETWORK_EDGES]
    names = None if kept is pairs else {n for r in kept for n in (r["a"], r["b"])}
    return analytics.pairs_graph(
        size, [(r["a"], r["b"], r["shared"]) for r in kept], tally, names=names
    )
