"""总览: what the graph holds, the most adopted initiatives, the latest documents."""

from __future__ import annotations

import streamlit as st

from graph.model import ENTITY_LABELS, LABEL_ZH, REL_ZH
from ui import state
from ui.common import table

#: what a count includes besides what the documents brought (the reference data every store
#: is loaded with on its first ingest)
_COUNT_HELP = {
    "Court": "含内置的全国法院名录（参考数据），不只是文档中提到的法院。",
    "Tribunal": "含导入的人民法庭名录（如有），不只是文档中提到的人民法庭。",
    "Initiative": "含内置的改革举措目录，不只是文档中提到的举措。",
}


#: what marks a number of the whole graph when collections are chosen (it does not follow
#: the sidebar's choice): every such label on 总览 ends with it
WHOLE = "（全部资料）"

#: what marks a part of 总览 that follows the chosen collections
CHOSEN = "（所选文档集）"

#: over the node counts when collections are chosen: they are of the whole graph
WHOLE_GRAPH = (
    f"标有{WHOLE}的数不随侧栏所选文档集变化：计入所有文档集；"
    "法院、人民法庭、改革举措还含内置或导入的名录。"
    "下方的举措排行、推行记录和文档列表只计所选文档集。"
)


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _documents_in(store_key: str, names: tuple[str, ...]) -> int:
    from queries.scope import chosen

    return len(chosen(state.store(), list(names)).docs)


def _chosen_counts(names: list[str], every: int, width: int) -> None:
    """The headline numbers of the chosen collections: their documents (each once, in
    however many of them) and the adoption facts those documents report (`adoption_tally`,
    the facts the table of initiatives below counts its units from)."""
    from graph.errors import CourtgraphError

    try:
        documents = _documents_in(state.store_key(), tuple(names))
    except CourtgraphError:  # a name the graph has no collection of: the sidebar says so
        return
    tally = state.rows("adoption_tally")
    facts = (tally[0]["facts"] or 0) if tally else 0
    unverified = (tally[0]["unverified"] or 0) if tally else 0
    st.caption(f"所选文档集：{'、'.join(names)}")
    cols = st.columns(width)
    cols[0].metric("文档", f"{documents:,}", help=f"所选文档集中的文档（全图共 {every:,} 篇）。")
    from ui.scope import verified_only

    if verified_only():  # the switch counts the confirmed or corrected ones only
        shown, said = facts - unverified, f"只计已核实的（另有 {unverified:,} 条尚未核实）"
    else:
        shown, said = facts, f"其中 {unverified:,} 条尚未核实"
    cols[1].metric(
        "推行记录",
        f"{shown:,}",
        help=f"所选文档集的文档报道的单位推行举措的事实，{said}。",
    )


def render() -> None:
    st.title("总览")
    st.caption(f"数据库：{state.store().description}")
    counts = state.counts()
    if not any(counts.get(k, 0) for k in (*ENTITY_LABELS, "Document")):
        st.info(
            "图中还没有数据。请到「导入」页上传文章，或在命令行运行 "
            "`python -m ingest data/sample` 导入示例文档（文档集「演示数据」）。"
        )
        return
    kinds = [*ENTITY_LABELS, "Document", "Evidence"]
    from ui.scope import collections

    chosen = collections()
    if chosen:  # what the chosen collections hold, then the whole graph's counts, said so
        _chosen_counts(chosen, counts.get("Document", 0), len(kinds))
        st.caption(WHOLE_GRAPH)
    cols = st.columns(len(kinds))
    for col, kind in zip(cols, kinds, strict=True):
        label = LABEL_ZH[kind] + (WHOLE if chosen else "")
        col.metric(label, f"{counts.get(kind, 0):,}", help=_COUNT_HELP.get(kind))
    # relationship counts walk the whole graph on the embedded server: asked for on demand
    if st.session_state.get("overview.rels_shown") or st.button(
        "统计各类关系数", key="overview.rels", help="在很大的图上需要几秒钟"
    ):
        st.session_state["overview.rels_shown"] = True
        rel_counts = state.relationship_counts()
        rels = "　".join(
            f"{REL_ZH[r]} {rel_counts.get(r, 0):,}"
            for r in (
                "ADOPTED",
                "PART_OF",
                "HOLDS_ROLE",
                "REPORTED",
                "PARTNERS_WITH",
                "LEARNED_FROM",
            )
        )
        st.caption(f"关系{WHOLE if chosen else ''}：{rels}")
    left, right = st.columns(2)
    with left:
        st.subheader("采用单位最多的举措" + (CHOSEN if chosen else ""))
        top = state.rows("top_initiatives")
        if top:
            table(
                top,
                {  # the counts first: in half a page's width English would push them out
                    "initiative": "举措",
                    "units": "单位数",
                    "first_date": "最早日期",
                    "initiative_en": "English",
                },
                links={"详情": lambda r: state.link(r["initiative_id"])},
                key="overview.top",
            )
            from queries.verified import FactCheck
            from ui.scope import verified_only

            # the units are counted from these adoption facts (of the chosen collections)
            tally = state.rows("adoption_tally")
            facts = tally[0]["facts"] or 0 if tally else 0
            unverified = tally[0]["unverified"] or 0 if tally else 0
            note = FactCheck(facts, unverified, verified_only()).note()
            st.caption(
                f"单位数背后的推行记录：{note}。"
                + ("" if verified_only() else "侧栏「只看已核实」只计已核实的。")
            )
        else:
            st.info("还没有单位推行举措的记录。")
    with right:
        # each collection's own size, whichever are chosen
        st.subheader("文档集" + (WHOLE if chosen else ""))
        from ui.scope import SIZES_NOTE, collection_sizes

        found = collection_sizes()
        if found is None:
            st.caption(SIZES_NOTE)
        elif found:
            table(
                found, {"collection": "文档集", "documents": "文档数"}, key="overview.collections"
            )
            st.caption("删除一个文档集及只由它支持的事实：`python -m graph delete-collection 名称`")
    st.subheader(f"文档{CHOSEN}" if chosen else "全部文档")
    from ui.scope import documents_table

    documents_table("overview.docs")
