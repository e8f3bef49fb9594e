"""法院 / 单位: a unit's place in the hierarchy, its initiatives, people, outcomes, documents,
learning visits (学习考察: whom it learned from, who came to learn from it).

People and outcomes open here too (as "实体"): their properties, relations and documents.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from figures.report import outcome_value
from graph.model import REL_ZH
from queries.explore import UNDER_ROWS
from ui import state
from ui.common import entity_input, facts_note, no_initiatives, table

P = "unit"


def render() -> None:
    st.title("法院 / 单位")
    from ui.scope import home_court

    unit_id = entity_input(
        f"{P}.id",
        "id",
        "法院、法庭、机构或其他实体",
        help="e.g. 本溪中院、丙区法院 或 court:…",
        default=home_court,  # the user's own court when the link names none
    )
    if not unit_id:
        st.info("输入单位名称（可用简称、别名或繁体），或到「检索」页查找。")
        return
    props = state.entity(unit_id)
    kind = props.get("kind")
    st.subheader(props.get("name", unit_id))
    meta = [state.kind_zh(kind)]
    if props.get("level") and state.level_zh(props["level"]) not in meta:  # 人民法庭 once
        meta.append(state.level_zh(props["level"]))
    meta += [props[k] for k in ("province", "city", "county") if props.get(k)]
    aliases = [a for a in props.get("aliases") or [] if a != props.get("name")]
    if aliases:
        meta.append("别名：" + "、".join(aliases[:10]))
    st.caption("　".join(str(m) for m in meta) + f"　id：`{unit_id}`")
    st.button(
        "在网络视图中查看",
        key=f"{P}.to_network",
        on_click=state.goto,
        args=("network",),
        kwargs={"id": unit_id},
    )
    # lazy: only the open tab runs and is sent to the browser (a court's five tabs were
    # eight reads, five tables and ten download buttons on every visit, most of them for
    # tabs nobody opened); the open tab is in the URL
    if kind in ("Court", "Tribunal", "Organization"):
        below = _hierarchy(unit_id, props)
        tabs = _tabs(UNIT_TABS, f"{P}.tab")
        if tabs[0].open:
            with tabs[0]:
                _initiatives(unit_id, below)
        if tabs[1].open:
            with tabs[1]:
                _people(unit_id)
        if tabs[2].open:
            with tabs[2]:
                _outcomes(unit_id, below)
        if tabs[3].open:
            with tabs[3]:
                _documents(unit_id)
        if tabs[4].open:
            with tabs[4]:
                _briefing(unit_id, props)
        if tabs[5].open:
            with tabs[5]:
                from ui.visits import unit_visits

                unit_visits(unit_id)
    else:
        tabs = _tabs(ENTITY_TABS, f"{P}.entity_tab")
        if tabs[0].open:
            with tabs[0]:
                _relations(unit_id)
        if tabs[1].open:
            with tabs[1]:
                _documents(unit_id)
        if tabs[2].open:
            with tabs[2]:
                st.json({k: v for k, v in props.items() if k != "search_text"})


UNIT_TABS = ["推行的举措", "人员及职务", "成效数据", "文档", "简报与图片", "学习考察"]
ENTITY_TABS = ["关系", "文档", "全部属性"]


def _tabs(names: list[str], key: str) -> Any:
    """The page's tabs, the open one first set from the URL's `tab` and kept there."""
    state.widget_value(key, "tab", lambda v: v if v in names else names[0])
    tabs = st.tabs(names, key=key, on_change="rerun")
    current = st.session_state.get(key, names[0])
    state.set_params(tab=None if current == names[0] else current)
    return tabs


def _hierarchy(unit_id: str, props: dict[str, Any]) -> int:
    """The unit's superiors and the units under it; returns how many are under it."""
    rows = state.rows("hierarchy", {"unit": unit_id})
    up = [r for r in rows if r["direction"] == "up"]
    down = [r for r in rows if r["direction"] == "down"]
    st.markdown("**上级**" if up else "**上级**：无（或未录入）")
    if up:
        cols = st.columns(len(up) + 1)
        for col, r in zip(cols, up, strict=False):
            col.button(
                f"{r['name']} ›",
                key=f"{P}.up.{r['id']}",
                on_click=state.goto,
                args=(state.page_of(r["id"]),),
                kwargs={"id": r["id"]},
            )
        cols[-1].markdown(f"**{props.get('name', '')}**")
    if down:
        with st.expander(f"下级单位（{len(down)}）", expanded=len(down) <= 12):
            table(
                [{**r, "level_zh": state.level_zh(r.get("level"))} for r in down],
                {"name": "单位", "level_zh": "层级"},
                links={"单位页": lambda r: state.link(r["id"])},
                key=f"{P}.down",
            )
    return len(down)


def _initiatives(unit_id: str, below: int = 0) -> None:
    from queries.columns import date_shown

    rows = state.rows("adopted_by", {"unit": unit_id})
    facts_note("adopted_by", {"unit": unit_id})
    if not rows:
        st.info(
            "没有这个单位推行改革举措的记录。"
            + (
                f"它的 {below} 个下级单位各自的记录在上面「下级单位」的单位页；"
                "全辖区的推行情况见「扩散分析 → 辖区覆盖」。"
                if below
                else ""
            )
        )
        return
    shown = [
        {
            **r,
            "initiative_en": r.get("initiative_en") or "",  # candidates have no English name
            "candidate_mark": "候选" if r.get("candidate") else "",
            "stage_zh": "、".join(state.stage_zh(x) for x in r["stages"]),
            # an article's own date is no adoption date: marked （文档日期）, as on 举措
            "date_shown": date_shown(r.get("date"), r.get("date_precision")),
        }
        for r in per_initiative(rows)
    ]
    table(
        shown,
        {
            "initiative": "举措",
            "initiative_en": "English",
            "candidate_mark": "候选",
            "stage_zh": "阶段",
            "date_shown": "最早报道",
            "documents": "文档数",
        },
        links={
            "举措页": lambda r: state.link(r["initiative_id"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        },
        key=f"{P}.initiatives",
    )
    if any(r.get("candidate") for r in rows):
        st.caption(
            "“候选”：从文本中发现、尚未列入举措目录的举措（candidate），"
            "未经人工审核，没有英文名和类别。"
        )


def per_initiative(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`adopted_by` rows (one per initiative and stage) as one per initiative, as 举措 lists a
    unit once: its stages in the order first reported (试点、推行), the first date and the
    fact behind it (the evidence link), the distinct documents behind all its stages. In the
    order of the first dates."""
    from queries.library import STAGE_SEQUENCE

    def order(r: dict[str, Any]) -> tuple[Any, ...]:
        stage = r.get("stage")
        rank = STAGE_SEQUENCE.index(stage) if stage in STAGE_SEQUENCE else 9
        return (r.get("date") is None, r.get("date") or "", rank)

    out: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=order):
        row = out.setdefault(r["initiative_id"], {**r, "stages": [], "doc_set": set()})
        if r.get("stage") not in row["stages"]:
            row["stages"].append(r.get("stage"))
        row["doc_set"].update(r.get("doc_ids") or ())
    for row in out.values():
        row["documents"] = len(row.pop("doc_set")) or row.get("documents")
    return list(out.values())


def _briefing(unit_id: str, props: dict[str, Any]) -> None:
    """One click: the unit's own briefing, its portfolio, and the briefing and the adoption
    map of an initiative under this unit."""
    from figures.names import short_court_name
    from figures.unit_briefing import MAX_UNITS
    from ui.downloads import briefing_and_map, portfolio_buttons, unit_briefing_buttons
    from ui.scope import verified_only

    short = short_court_name(str(props.get("name", unit_id)))
    st.markdown(f"**{short}的单位简报**（本院及下级单位推行的举措、报告的数据、人员和资料来源）")
    below = len(state.rows("units_under", {"court": unit_id}))
    if below > MAX_UNITS:
        st.info(
            f"{short}下级单位共 {below:,} 个，超过单位简报的上限（{MAX_UNITS:,} 个）："
            "请到其下级法院（如高级法院）的页面生成单位简报。"
        )
    else:
        unit_briefing_buttons(
            state.store(),
            unit_id,
            stem=short,
            key=f"{P}.unit_brief",
            verified_only=verified_only(),
        )
    st.markdown(f"**{short}及下级单位的改革举措一览**（按类别分组，含阶段和最早报道日期）")
    portfolio_buttons(state.store(), unit_id, stem=short, key=f"{P}.portfolio")
    initiatives = state.rows("initiatives")
    if not initiatives:
        no_initiatives("图中还没有改革举措。")
        return
    own = [r["initiative_id"] for r in state.rows("adopted_by", {"unit": unit_id})]
    names = {r["initiative_id"]: r["initiative"] for r in initiatives}
    # the unit's own initiatives first, then the others by the number of units reporting them
    order = list(dict.fromkeys([i for i in own if i in names] + list(names)))
    chosen = st.selectbox(
        "改革举措",
        order,
        format_func=lambda i: names[i] + ("（本单位有报道）" if i in own else ""),
        key=f"{P}.brief_initiative",
    )
    st.markdown(f"**{names[chosen]} · {short}辖区的简报与采用情况图**")
    briefing_and_map(
        state.store(), chosen, unit_id, stem=f"{names[chosen]}-{short}", key=f"{P}.brief"
    )


def _people(unit_id: str) -> None:
    rows = state.rows("people", {"unit": unit_id})
    facts_note("people", {"unit": unit_id})
    if not rows:
        st.info("文档中没有提到这个单位的人员。")
        return
    table(
        rows,
        {"person": "姓名", "title": "职务", "documents": "文档数"},
        links={"证据": lambda r: state.evidence_link(r.get("fact_id"))},
        key=f"{P}.people",
    )


def _outcomes(unit_id: str, below: int) -> None:
    """The unit's own figures, then (a court with units under it) those its units reported:
    a 中院's page said it had no figures while its units had reported many."""
    rows = state.rows("unit_outcomes", {"unit": unit_id})
    facts_note("unit_outcomes", {"unit": unit_id})
    st.caption("成效数据是单位自己报告的数字，不是独立测量的结果。")
    under, cut = _outcomes_below(unit_id) if below else ([], False)
    if not rows:
        st.info("没有这个单位自己报告的成效数据。" + ("下面是下级单位报告的。" if under else ""))
    else:
        table(
            [{**r, "figure": outcome_value(r)} for r in rows],
            # 范围: 本院, or the area the text gives a figure (全市法院: not the unit's own)
            {
                "metric": "指标",
                "figure": "数值",
                "period": "期间",
                "scope": "范围",
                "initiative": "相关举措",
            }
            # the same metric, scope and period with two values: said beside each
            | ({"conflict": "数字冲突"} if any(r.get("conflict") for r in rows) else {}),
            links={"证据": lambda r: state.evidence_link(r.get("fact_id"))},
            key=f"{P}.outcomes",
        )
        if any(r.get("conflict") for r in rows):
            from queries.library import CONFLICT_NOTE

            st.caption(CONFLICT_NOTE)
    if not below:
        return
    from ui.scope import collections

    st.markdown("**下级单位报告的成效数据**")
    chosen = "（所选文档集中）" if collections() else ""
    if cut:  # the server read only the first rows: what it did not read is not said absent
        st.caption(
            f"下级单位报告的成效数据很多，只读取了前 {UNDER_ROWS:,} 条"
            + (
                f"，其中{chosen}下级单位的有 {len(under):,} 条"
                if under
                else f"，其中没有{chosen}下级单位的"
            )
            + "；完整的数据请到各下级法院的页面查看。"
        )
    elif not under:
        st.info(f"下级单位没有报告成效数据{chosen}。")
    if under:
        table(
            [{**r, "figure": outcome_value(r)} for r in under],
            {
                "unit": "单位",
                "metric": "指标",
                "figure": "数值",
                "period": "期间",
                "scope": "范围",
                "initiative": "相关举措",
            }
            | ({"conflict": "数字冲突"} if any(r.get("conflict") for r in under) else {}),
            links={
                "单位页": lambda r: state.link(r["unit_id"]),
                "证据": lambda r: state.evidence_link(r.get("fact_id")),
            },
            key=f"{P}.outcomes_below",
        )
        if any(r.get("conflict") for r in under):
            from queries.library import CONFLICT_NOTE

            st.caption(CONFLICT_NOTE)


def _outcomes_below(unit_id: str) -> tuple[list[dict[str, Any]], bool]:
    """The figures the units under `unit_id` reported (`outcomes_under`, the unit's own left
    out), of the chosen collections' documents, and whether the server cut the read."""
    from queries.scope import chosen
    from ui.scope import collections

    rows, truncated = state.run("outcomes_under", {"unit": unit_id})
    keep = chosen(state.store(), collections() or [])
    return [r for r in rows if r.get("depth") and keep.keeps(r)], truncated


def _documents(unit_id: str) -> None:
    rows, truncated = state.run("documents", {"entity": unit_id})
    if not rows:
        st.info("没有提到这个实体的文档。")
        return
    if truncated:
        st.caption(f"只列出最近的 {len(rows)} 篇；更多文档可在「Cypher 查询（只读）」页检索。")
    table(
        # the sentence as the source writes it (stored before it was kept: as normalized)
        [{**r, "sentence": r.get("original_sentence") or r["sentence"]} for r in rows],
        {"title": "标题", "date": "日期", "sentence": "首次提及的句子"},
        links={"全文": lambda r: state.doc_link(r["doc_id"])},
        key=f"{P}.documents",
    )


def _relations(entity_id: str) -> None:
    asked = {"entity": entity_id, "depth": 1, "size": 3000}
    rows = state.rows("neighbourhood", asked)
    facts_note("neighbourhood", asked)
    if not rows:
        st.info("这个实体没有关系。")
        return
    shown = []
    for r in rows:
        outgoing = r["source"] == entity_id
        other = r["target"] if outgoing else r["source"]
        shown.append(
            {
                "relation": REL_ZH.get(r["type"], r["type"]) + ("" if outgoing else "（被）"),
                "detail": state.stage_zh(r.get("detail")) or r.get("detail") or "",
                "other_name": r["target_name"] if outgoing else r["source_name"],
                "other": other,
                "fact_id": r.get("fact_id"),
            }
        )
    table(
        shown,
        {"relation": "关系", "detail": "说明", "other_name": "对方"},
        links={
            "对方页面": lambda r: state.link(r["other"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        },
        key=f"{P}.relations",
    )
