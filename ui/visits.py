"""学习考察: the learning visits (LEARNED_FROM) of a unit or about an initiative, shown on the
单位 and 举措 pages from the named query `learning_visits`."""

from __future__ import annotations

from typing import Any

import streamlit as st

from graph.review import STATUS_ZH
from queries.visits import DIRECTION_ZH
from ui import state
from ui.common import PRIOR_ZH, confidence_zh, facts_note, table

#: what a visit that names no initiative studied shows as its topic
NO_TOPIC = "（未写明）"


def shown_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`learning_visits` rows as a table shows them: the direction in Chinese, the topic (or
    that the text names none), the date as 举措 shows dates (a document's own date marked),
    the review status and the confidence (`ui.common.confidence_zh`; — once a reviewer
    decided the visit, its 核实状态 says so)."""
    from queries.columns import date_shown

    return [
        {
            **r,
            "direction_zh": DIRECTION_ZH.get(r["direction"], r["direction"]),
            "topic": r.get("initiative") or NO_TOPIC,
            "date_shown": date_shown(r.get("date"), r.get("date_precision")),
            "status_zh": STATUS_ZH.get(r.get("status") or "extracted", r.get("status") or ""),
            "confidence_shown": confidence_zh(r) or "—",
        }
        for r in rows
    ]


#: the columns every visit table ends with
_TAIL = {"documents": "文档数", "status_zh": "核实状态", "confidence_shown": "置信度"}


def unit_visits(unit_id: str) -> None:
    """A unit's visits: whom it went to learn from (向…学习), who came to learn from it
    (接待…学习考察)."""
    params = {"entity": unit_id}
    rows = shown_rows(state.rows("learning_visits", params))
    learned = [r for r in rows if r["direction"] == "learned_from"]
    hosted = [r for r in rows if r["direction"] == "hosted"]
    if not learned and not hosted:
        st.info("文档中没有这个单位赴外单位学习考察、或接待外单位学习考察的记录。")
        return
    _direction_table(learned, "learned_from", "（本单位赴其他法院学习考察）", "host", "被学习单位")
    _direction_table(hosted, "hosted", "（其他法院来本单位学习考察）", "visitor", "学习单位")
    facts_note("learning_visits", params)


def _direction_table(
    rows: list[dict[str, Any]], direction: str, about: str, other: str, other_zh: str
) -> None:
    """One direction of a unit's visits under its heading: the other court (`other`: host or
    visitor, headed `other_zh`), what was studied and when, linked to that court's page and
    the evidence; 无记录 when there is none."""
    st.markdown(f"**{DIRECTION_ZH[direction]}**{about}")
    if not rows:
        st.caption("无记录。")
        return
    table(
        rows,
        {other: other_zh, "topic": "学习内容", "date_shown": "日期", **_TAIL},
        links={
            "单位页": lambda r: state.link(r[f"{other}_id"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        },
        key=f"unit.visits.{direction}",
    )


def initiative_visits(initiative_id: str) -> None:
    """The visits about an initiative, in the order of their dates: who went to learn it
    from whom (the trace from a pilot court to those that studied it)."""
    params = {"entity": initiative_id}
    rows = shown_rows(state.rows("learning_visits", params))
    if not rows:
        st.info("文档中没有其他法院就这项举措学习考察的记录。")
        return
    # the table fits the page (its last column was cut off at 1440 pixels): the confidence is
    # its number, and what the number is (every visit's: a rule's prior) is said once above
    priors = [r for r in rows if r["confidence_shown"].endswith(f"（{PRIOR_ZH}）")]
    for r in priors:
        r["confidence_shown"] = r["confidence_shown"].removesuffix(f"（{PRIOR_ZH}）")
    st.caption(
        "谁向谁学习这项举措（按日期排列）：扩散研究可据此追踪从试点法院到学习单位的路径。"
        + (f"置信度为{PRIOR_ZH}。" if priors else "")
    )
    table(
        rows,
        {
            "visitor": "学习单位",
            "host": "被学习单位",
            "date_shown": "日期",
            **_TAIL,
        },
        links={
            "学习单位页": lambda r: state.link(r["visitor_id"]),
            "被学习单位页": lambda r: state.link(r["host_id"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        },
        key="initiative.visits",
    )
    facts_note("learning_visits", params)
