"""成效对照: the reported figures of an initiative's adopters (claims, not measured effects)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from figures.report import period_zh
from queries.columns import shown_value
from ui import common, state
from ui.analytics.shared import (
    CLAIMS,
    P,
    _facts_caption,
    _initiative,
    _outcomes_of,
    _scope,
    _store_key,
)
from ui.common import document_titles, rows_shown, table

#: the key of the figures' table (its switch to show every row is `{key}.all`)
TABLE_KEY = f"{P}.outcomes"


# -- 成效对照 -------------------------------------------------------------------------------
def _outcomes(initiatives: list[dict[str, Any]]) -> None:
    initiative_id = _initiative(initiatives)
    st.warning(
        f"**{CLAIMS}**\n\n以下数字是推行这项举措的单位在文档中自己报告的，未经独立核实；"
        "它们与推行时间并列，只供对照，不能据此认定是这项举措带来的效果。"
    )
    # the first page of figures is read in full, every row is counted (a national
    # initiative's adopters report 30,000 figures: reading them all took seconds)
    every = bool(st.session_state.get(f"{TABLE_KEY}.all"))
    found = _outcomes_of(_store_key(), initiative_id, None if every else common.TABLE_ROWS)
    rows = found.rows
    _facts_caption(found.tally)
    if found.truncated:
        st.warning(
            f"成效数据超过 {found.limit:,} 项，这里只列出前 {found.limit:,} 项；"
            "可在侧栏选择文档集以缩小范围，或用命令行导出。"
        )
    if not rows:
        st.info("推行这项举措的单位还没有报告过成效数据。" + _scope_note(initiative_id, 0))
        return
    doc_ids = found.doc_ids
    # titles of the documents the page shows: those of the rows shown and the sources listed
    # (a national initiative's figures cite tens of thousands of documents)
    visible = rows_shown(rows, TABLE_KEY)
    listed = doc_ids if len(doc_ids) <= LISTED_DOCUMENTS else rows_shown(doc_ids, f"{P}.sources")
    docs = document_titles([*{d for r in visible for d in r.get("doc_ids") or []}, *listed])

    def title(d: str) -> str:
        doc = docs.get(d) or {}
        return (
            f"{doc.get('title') or d}（{doc['date']}）"
            if doc.get("date")
            else doc.get("title") or d
        )

    notes = copy_notes(visible, _text, title)
    shown = [
        {
            **{k: "—" if v is None else v for k, v in r.items()},
            "copy": notes.get(i, ""),
            "adoption": "、".join(state.stage_zh(x) for x in r.get("stages") or ())
            + f" {r.get('adopted_date') or '（无日期）'}",
            "figure": _figure(r),
            "period_zh": period_zh(r.get("period")) if r.get("period") else "—",
            "tied": r.get("tied_to") or "未说明",
            "status_zh": shown_value("status", r.get("status")),
            "sources": "；".join(title(d) for d in r.get("doc_ids") or []),
            "conflict": r.get("conflict") or "",
        }
        for i, r in enumerate(rows)
    ]
    conflicts = any(r.get("conflict") for r in rows)
    st.markdown(
        f"**{found.units:,}** 个推行单位报告了 **{found.total:,}** 项数字"
        "（每行一项，推行情况与报告的数字并列）"
    )
    st.caption(_scope_note(initiative_id, found.total))
    if not every and found.total > len(rows):  # the rest is read when asked for
        _every_row_switch(found.total)
    table(
        shown,
        {
            "unit": "单位",
            "adoption": "推行（首次日期）",
            "metric": "指标",
            "figure": "报告数值",
            "period_zh": "期间",
            "scope": "范围",
            "tied": "文中关联的举措",
            "status_zh": "核实状态",
            "sources": "来源文档",
            "copy": "近似稿",
        }
        # the same unit, metric, scope and period with two values: said beside each
        | ({"conflict": "数字冲突"} if conflicts else {}),
        links={
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
            "单位页": lambda r: state.link(r["unit_id"]),
        },
        key=TABLE_KEY,
        pinned="unit",  # in view while the wide table scrolls to its sources and links
    )
    if conflicts:
        from queries.library import CONFLICT_NOTE

        st.caption(CONFLICT_NOTE)
    st.markdown(f"#### 来源文档（{len(doc_ids):,}）")
    if len(doc_ids) <= LISTED_DOCUMENTS:  # one element: an element per link cost seconds
        st.markdown("\n".join(f"- [{title(d)}]({state.doc_link(d)})" for d in doc_ids))
    else:  # thousands: a table, paged like every long table
        table(
            [{"doc_id": d, "title": title(d)} for d in doc_ids],
            {"title": "文档"},
            links={"证据 / 文档": lambda r: state.doc_link(r["doc_id"])},
            key=f"{P}.sources",
        )


def _scope_note(initiative_id: str, total: int) -> str:
    """Why 举措 → 成效数据 and a briefing show another number: they list the figures the
    documents tie to the initiative, this page every figure its adopters report."""
    from queries.analytics import outcome_scope_note, tied_outcome_count

    tied, more = tied_outcome_count(state.store(), initiative_id, **_scope())
    return outcome_scope_note(tied=tied, adopters=total, listing="adopters", more=more)


def _text(doc_id: str) -> str | None:
    rows = state.rows("document", {"doc": doc_id})
    return rows[0]["text"] if rows else None


def copy_notes(
    rows: list[dict[str, Any]],
    text_of: Callable[[str], str | None],
    title_of: Callable[[str], str],
) -> dict[int, str]:
    """Row index -> a note for each figure whose document is nearly the text of another
    row's document that states the same figure (unit, metric, period, scope) otherwise and
    not this row's value too: a copy of an article with one figure changed (ingest keeps both
    and reports the change), so the reader sees which two values are the same story's. Near
    is ingest's changed-copy distance (`REPOST_DISTANCE`): two issues of a weekly bulletin
    lie farther apart. Only groups of rows that disagree are looked at (their documents'
    texts are read)."""
    from ingest.dedup import REPOST_DISTANCE, fingerprint, near_duplicate

    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, r in enumerate(rows):
        key = (r.get("unit_id"), r.get("metric"), r.get("period"), r.get("qualifier"))
        key += (r.get("unit_of_measure"), r.get("scope"))
        groups.setdefault(key, []).append(i)
    prints: dict[str, str | None] = {}

    def fp(doc: str) -> str | None:
        if doc not in prints:
            text = text_of(doc)
            prints[doc] = fingerprint(text) if text else None
        return prints[doc]

    notes: dict[int, str] = {}
    for members in groups.values():
        if len({rows[i].get("value") for i in members}) < 2:
            continue
        stated: dict[str, set[Any]] = {}  # document -> the values it states of this figure
        for i in members:
            for d in rows[i].get("doc_ids") or ():
                stated.setdefault(d, set()).add(rows[i].get("value"))
        for i in members:
            for j in members:
                if rows[i].get("value") == rows[j].get("value"):
                    continue
                for d in rows[i].get("doc_ids") or ():
                    for e in rows[j].get("doc_ids") or ():
                        if d == e or rows[i].get("value") in stated.get(e, ()):
                            continue  # the other document states this value too: unchanged
                        a, b = fp(d), fp(e)
                        if a and b and near_duplicate(a, b, threshold=REPOST_DISTANCE):
                            notes[i] = (
                                f"与《{title_of(e)}》文字几乎相同，仅数字不同"
                                f"（那篇为 {_figure(rows[j])}）；请核对哪一篇是更正稿"
                            )
    return notes


#: most source documents listed as links; more are a table
LISTED_DOCUMENTS = 50


def _every_row_switch(total: int) -> None:
    """The figures table's own switch (`ui.common.table`'s, the same widget): off, only the
    first page was read; on, the next run reads every row and the table shows the switch."""
    st.toggle(
        f"显示全部 {total:,} 行",
        key=f"{TABLE_KEY}.all",
        help=f"未打开时只显示前 {common.TABLE_ROWS:,} 行（按表格的顺序）",
    )
    st.caption(f"共 {total:,} 行，下表显示前 {common.TABLE_ROWS:,} 行。")


def _figure(r: dict[str, Any]) -> str:
    from figures.report import outcome_value

    return outcome_value(r) if r.get("value") is not None else ""
