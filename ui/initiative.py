"""举措: one initiative — adopters with filters, coverage under a court, adoption over time,
reported outcomes, learning visits about it (学习考察: who learned it from whom)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import accumulate
from typing import Any

import streamlit as st

from figures.report import outcome_value
from graph.model import LEVELS, STAGES
from graph.review import STATUS_ZH
from ui import state
from ui.common import (
    court_of_most_adopters,
    court_picker,
    fact_check,
    facts_note,
    initiative_picker,
    no_initiatives,
    note_of,
    rows_shown,
    sources_for,
    table,
    table_downloads,
)

P = "initiative"


def _choice(value: str | None, choices: tuple[str, ...] | list[str]) -> str:
    return value if value in choices else state.ALL


def render() -> None:
    st.title("举措")
    initiatives = state.rows("initiatives")  # of the chosen collections only
    if not initiatives:
        no_initiatives()
        return
    initiative_id = initiative_picker(initiatives, f"{P}.id")
    props = state.entity(initiative_id)
    _header(props)

    tabs = st.tabs(TABS, key=_tab_key(), on_change="rerun")  # the open tab is in the URL
    current = st.session_state.get(f"{P}.tab", TABS[0])
    state.set_params(tab=None if current == TABS[0] else current)
    # lazy: only the open tab runs and is sent to the browser (a most adopted initiative's
    # four tabs took the browser seconds to take in, most of it for tabs nobody opened)
    if tabs[0].open:
        with tabs[0]:
            _adopters(initiative_id, props)
    if tabs[1].open:
        with tabs[1]:
            _coverage(initiative_id, props)
    if tabs[2].open:
        with tabs[2]:
            _timeline(initiative_id)
    if tabs[3].open:
        with tabs[3]:
            _outcomes(initiative_id)
    if tabs[4].open:
        with tabs[4]:
            from ui.visits import initiative_visits

            initiative_visits(initiative_id)


TABS = ["采用单位", "辖区覆盖", "推行时间线", "成效数据", "学习考察"]


def _tab_key() -> str:
    """The tab widget's key, first set from the URL's `tab` (a shared link opens that tab)."""
    state.widget_value(f"{P}.tab", "tab", lambda v: v if v in TABS else TABS[0])
    return f"{P}.tab"


def _header(props: dict[str, Any]) -> None:
    name = props.get("name", "")
    en = f" · {props['name_en']}" if props.get("name_en") else ""
    st.subheader(f"{name}{en}")
    aliases = [a for a in props.get("aliases") or [] if a != name]
    facts = []
    if aliases:
        facts.append("别名：" + "、".join(aliases))
    if props.get("category"):
        code = props["category"]
        zh = state.category_zh(code)
        facts.append(f"类别：{zh}（{code}）" if zh != code else f"类别：{code}")
    if props.get("candidate"):
        facts.append("候选举措（从文本中发现，未列入举措目录）")
    if facts:
        st.caption("　".join(facts))
    if described := description(props):
        st.write(described)


def description(props: dict[str, Any]) -> str:
    """What the page says an initiative is: its Chinese description (for a curated initiative
    of a store loaded before the taxonomy had one, the taxonomy's), else the English one."""
    if props.get("description_zh"):
        return str(props["description_zh"])
    if props.get("curated"):
        from ingest.taxonomy import default_taxonomy

        # by the id, made from the canonical name: a reviewer may have renamed the node
        canonical = str(props.get("id") or "").partition(":")[2] or str(props.get("name") or "")
        entry = default_taxonomy().by_name.get(canonical)
        if entry is not None and entry.description_zh:
            return entry.description_zh
    return str(props.get("description") or "")


#: the adopters' filters: URL parameter -> the named query's parameter
FILTERS = {
    "province": "province",
    "level": "level",
    "stage": "stage",
    "from": "date_from",
    "to": "date_to",
}


def _asked(initiative_id: str, filters: dict[str, str | None]) -> dict[str, Any]:
    """The `adopters` parameters: the filters that are set only, so the unfiltered table,
    its fact count and the timeline share one cached answer."""
    return {"initiative": initiative_id, **{k: v for k, v in filters.items() if v}}


def _url_filters(initiative_id: str) -> dict[str, str | None]:
    """The adopters' filters as the URL holds them (the 采用单位 tab keeps them there), read
    as that tab reads them: a level, stage or province it does not offer is no filter (a
    hand-made link's unknown province must not empty the timeline while the tab shows all)."""
    out: dict[str, str | None] = {}
    for url, name in FILTERS.items():
        value = (state.param(url) or "").strip() or None
        if name == "level" and value not in LEVELS or name == "stage" and value not in STAGES:
            value = None
        out[name] = value
    if out.get("province"):
        every, _ = state.run("adopters", {"initiative": initiative_id})  # the tab's answer
        if out["province"] not in {r.get("province") for r in every}:
            out["province"] = None
    return out


def _adopters(initiative_id: str, props: dict[str, Any]) -> None:
    """The adopters table: every adoption counted and exported, the first rows shown."""
    all_rows, cut = state.run("adopters", {"initiative": initiative_id})
    provinces = sorted({r["province"] for r in all_rows if r.get("province")})
    c1, c2, c3, c4, c5 = st.columns([2, 2, 2, 1.5, 1.5])
    for name, choices in (("province", provinces), ("level", LEVELS), ("stage", STAGES)):
        state.widget_value(f"{P}.{name}", name, lambda v, c=choices: _choice(v, list(c)))
    province = c1.selectbox("省份", [state.ALL, *provinces], key=f"{P}.province")
    level = c2.selectbox(
        "层级",
        [state.ALL, *LEVELS],
        key=f"{P}.level",
        format_func=lambda v: v if v == state.ALL else state.level_zh(v),
    )
    stage = c3.selectbox(
        "阶段",
        [state.ALL, *STAGES],
        key=f"{P}.stage",
        format_func=lambda v: v if v == state.ALL else f"{state.stage_zh(v)} {v}",
    )
    state.widget_value(f"{P}.from", "from", lambda v: v or "")
    state.widget_value(f"{P}.to", "to", lambda v: v or "")
    date_from = c4.text_input("起始日期", key=f"{P}.from", placeholder="2023 或 2023-05")
    date_to = c5.text_input("截止日期", key=f"{P}.to", placeholder="2024-12")
    filters = {
        "province": None if province == state.ALL else province,
        "level": None if level == state.ALL else level,
        "stage": None if stage == state.ALL else stage,
        "date_from": date_from.strip() or None,
        "date_to": date_to.strip() or None,
    }
    state.set_params(**{url: filters[name] for url, name in FILTERS.items()})
    asked = _asked(initiative_id, filters)
    rows, cut = state.run("adopters", asked) if any(filters.values()) else (all_rows, cut)
    # one row per unit (queries.library.adopters_per_unit): its stages, its first date
    facts = sum(len(r.get("fact_ids") or ()) for r in rows)
    st.markdown(f"**{len(rows):,}** 个单位，**{facts:,}** 条推行记录")
    if cut:  # never silently: the counts and the export would be of a part
        st.warning(
            f"单位超过 {len(rows):,} 个（查询的行数上限），以上数字和导出只含前 {len(rows):,} 个；"
            "请用筛选条件缩小范围。"
        )
    check = fact_check("adopters", asked, rows=rows)
    if note_of(check):
        st.caption(note_of(check))
    if not rows:
        st.info(
            "没有符合筛选条件的单位。可放宽省份、层级、阶段或时间条件"
            + ("，或关闭侧栏的「只看已核实」。" if check.verified_only else "。")
        )
        return
    table_key = f"{P}.adopters_table"
    from ui.review import accounts_configured, review_link

    table(
        _labelled(rows_shown(rows, table_key)),
        {
            "unit": "单位",
            "level_zh": "层级",
            "province": "省份",
            "stage_zh": "阶段",
            "date_shown": "最早报道",
            "documents": "文档数",
        },
        links={
            "单位页": lambda r: state.link(r["unit_id"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        }
        # a reviewer goes from a wrong adoption to its review (reviewer accounts only)
        | (
            {"审核这条事实": lambda r: review_link(r.get("fact_id"))}
            if accounts_configured()
            else {}
        ),
        key=table_key,
        total=len(rows),
        widths={"date_shown": "medium"},  # 2023-08-25（文档日期） was cut
    )
    # drawn only while open: every row's export is made ready for its buttons
    with st.expander(
        "导出这张表（CSV / Excel / 图片 / 幻灯片）", key=f"{P}.export", on_change="rerun"
    ) as box:
        if not box.open:
            return
        table_downloads(
            [*ADOPTER_EXPORT, *ADOPTER_CITATION],
            adopter_export_rows(state.store(), rows),
            shown=len(ADOPTER_EXPORT),  # the pictures and the slide: without the citation
            title=f"{props.get('name', '')} · 采用单位",
            # the documents behind the rows: found when a picture or slide is made, in the
            # download's own thread: from the store, not the page's caches
            sources=partial(adopter_sources, state.store(), initiative_id, rows),
            stem=f"adopters-{props.get('name', 'initiative')}",
            key=f"{P}.dl",
            note=note_of(check),
        )


#: the adopters table's export: the columns the page shows…
ADOPTER_EXPORT = ("单位", "层级", "省份", "阶段", "最早报道", "核实状态")
#: …and, in the CSV and Excel files only, what a citation needs (the earliest fact's sentence
#: and document, as `python -m queries adopters --format csv` gives them)
ADOPTER_CITATION = ("事实 ID", "证据", "证据文档 ID", "来源文档", "文档日期", "网址")


def adopter_export_rows(store: Any, rows: list[dict[str, Any]]) -> list[list[Any]]:
    """The adopters' rows as exported: `ADOPTER_EXPORT` then `ADOPTER_CITATION`; the stages
    and fact ids joined with "；" as in every other download (an initiative's name may hold
    "、"). Asked of `store` directly (a download is made outside the page's caches)."""
    from graph.export import join_list
    from queries.citations import cited_rows

    _, cited = cited_rows(store, ["fact_id"], rows)
    out = []
    for r in _labelled(cited):
        status = r.get("status") or "extracted"
        out.append(
            [
                r["unit"],
                r["level_zh"],
                r.get("province") or "",
                join_list(state.stage_zh(s) for s in r.get("stages") or ()),
                r.get("date_shown") or "",
                STATUS_ZH.get(status, status),
                join_list(r.get("fact_ids") or [r.get("fact_id")]),
                r.get("evidence") or "",
                r.get("evidence_doc_id") or "",
                r.get("doc_title") or "",
                r.get("doc_date") or "",
                r.get("doc_url") or "",
            ]
        )
    return out


def _labelled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adopters' rows with their level and stages (a unit's, in the order first reported:
    试点、推行) in Chinese, and their first date as shown (`date_shown`)."""
    from queries.columns import date_shown

    return [
        {
            **r,
            "level_zh": state.level_zh(r.get("level")),
            "stage_zh": "、".join(state.stage_zh(s) for s in r.get("stages") or ()),
            # an article's own date is no adoption date: marked （文档日期）
            "date_shown": date_shown(r.get("date"), r.get("date_precision")),
        }
        for r in rows
    ]


def adopter_sources(store: Any, initiative_id: str, rows: list[dict[str, Any]]) -> list[Any]:
    """The documents behind the adopters shown (from the initiative's neighbourhood), asked of
    `store` directly: called by a download button, outside the page's script."""
    from queries.explore import neighbourhood_graph

    graph = neighbourhood_graph(store, initiative_id, depth=1, limit=1000, verified=False)
    facts = {f for r in rows for f in r.get("fact_ids") or [r.get("fact_id")]}
    ids: list[str] = []
    for *_, attrs in graph.edges(keys=True, data=True):
        if attrs.get("fact_id") in facts:
            ids += [d for d in attrs.get("doc_ids") or [] if d not in ids]
    return sources_for(ids, store)


def _coverage(initiative_id: str, props: dict[str, Any]) -> None:
    courts = state.rows("superior_courts")
    if not courts:
        st.info("图中还没有法院层级关系（PART_OF），无法统计辖区覆盖。")
        return
    by_id = {r["court_id"]: r for r in courts}
    c1, c2 = st.columns([3, 2])
    court_id = court_picker(
        courts,
        f"{P}.court",
        lambda: _default_court(courts, initiative_id),
        label="上级法院（统计其辖区内各单位）",
        where=c1,
    )
    state.widget_value(f"{P}.cov_level", "cov_level", lambda v: _choice(v, list(LEVELS)))
    level = c2.selectbox(
        "只统计层级",
        [state.ALL, *LEVELS],
        key=f"{P}.cov_level",
        format_func=lambda v: v if v == state.ALL else state.level_zh(v),
    )
    state.set_params(court=court_id, cov_level=None if level == state.ALL else level)
    asked = {
        "initiative": initiative_id,
        "court": court_id,
        "level": None if level == state.ALL else level,
    }
    rows = state.rows("coverage", asked)
    from queries.analytics import (
        ADOPTED,
        AREA_ROLLOUT_NOTE,
        NOT_REPORTED,
        THROUGH_TRIBUNALS,
        group_tribunal_adopters,
        mark_area_rollouts,
        mark_coverage,
        not_reported_caveat,
        rollout_zh,
    )
    from ui.scope import counted_units

    # a court reporting nothing itself whose own tribunals report it: 下属人民法庭已推行
    through = group_tribunal_adopters(
        state.rows("tribunal_adopters", {"initiative": initiative_id, "court": court_id})
    )
    # a unit not reported under a court reporting a rollout to its whole area: noted, not
    # counted (docs/data-model.md, Coverage states)
    rollouts = state.rows("area_rollouts", {"initiative": initiative_id, "court": court_id})
    marked = mark_area_rollouts(mark_coverage(rows, through), rollouts)
    rows, outside = counted_units(marked)  # tribunals: roster only
    if not rows:
        st.info("该法院辖区内没有下级单位。")
        return
    for r in rollouts:
        if r["above"]:  # the court's own report, or its superiors': the counts leave it out
            st.info(f"本院或上级法院报道在全辖推行：{rollout_zh(r)}", icon="ℹ️")
    _briefing(initiative_id, props, court_id, by_id[court_id]["court"])
    done = [r for r in rows if r["state"] == ADOPTED]
    via = [r for r in rows if r["state"] == THROUGH_TRIBUNALS]
    not_yet = [r for r in rows if r["state"] == NOT_REPORTED]
    st.metric(
        f"{by_id[court_id]['court']} 辖区已覆盖",
        f"{len(done) + len(via)} / {len(rows)}",
        help="（本院报道推行 + 下属人民法庭已推行）/ 下级单位总数。本院报道推行：已有推行、试点、"
        "推广或获评记录的单位；下属人民法庭已推行：本院未见报道、但其人民法庭有推行记录的法院",
    )
    per_level: dict[str, list[int]] = {}
    for r in rows:
        counts = per_level.setdefault(state.level_zh(r.get("level")) or "未知", [0, 0, 0])
        counts[0] += r["state"] == ADOPTED
        counts[1] += r["state"] == THROUGH_TRIBUNALS
        counts[2] += 1
    st.markdown(
        "　".join(
            f"{lvl}：本院报道推行 **{a} / {n}**"
            + (f"（另有 **{t}** 个下属人民法庭已推行，合计 {a + t} / {n}）" if t else "")
            for lvl, (a, t, n) in per_level.items()
        )
    )
    check = fact_check("coverage", asked, statuses=lambda r: r.get("statuses") or [])
    if note_of(check):
        st.caption(f"推行记录：{note_of(check)}")
    if level in (state.ALL, "tribunal"):
        from ui.scope import coverage_rows_note

        coverage_rows_note(rows, by_id[court_id].get("level"), outside)
    shown = [
        {
            **r,
            "status": r["state_zh"],
            "level_zh": state.level_zh(r.get("level")),
            "stages_zh": "、".join(state.stage_zh(s) for s in r.get("stages") or []),
            "tribunals_zh": "、".join(_short_tribunal(t, r["unit"]) for t in r["tribunals"]),
        }
        for r in rows
    ]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**本院报道推行（{len(done)}）**")
        table(
            [r for r in shown if r["state"] == ADOPTED],
            {"unit": "单位", "level_zh": "层级", "stages_zh": "阶段", "first_date": "最早日期"},
            links={"单位页": lambda r: state.link(r["unit_id"])},
            key=f"{P}.cov_yes",
        )
        if via:
            st.markdown(f"**下属人民法庭已推行（{len(via)}）**")
            table(
                [r for r in shown if r["state"] == THROUGH_TRIBUNALS],
                {"unit": "单位", "level_zh": "层级", "tribunals_zh": "已推行的人民法庭"},
                links={"单位页": lambda r: state.link(r["unit_id"])},
                key=f"{P}.cov_via",
            )
            st.caption("本院未见推行报道，但其下属人民法庭有推行记录：计入覆盖，不列为尚未报道。")
    with right:
        st.markdown(f"**尚未报道推行（{len(not_yet)}）**")
        table(
            [r for r in shown if r["state"] == NOT_REPORTED],
            {"unit": "单位", "level_zh": "层级"}
            | ({"note_zh": "说明"} if any(r.get("note_zh") for r in not_yet) else {}),
            links={"单位页": lambda r: state.link(r["unit_id"])},
            key=f"{P}.cov_no",
        )
        st.caption(not_reported_caveat(check.verified_only))
        if any(r.get("note_zh") for r in not_yet):
            st.caption(AREA_ROLLOUT_NOTE)
    with st.expander("导出覆盖表（CSV / Excel / 图片 / 幻灯片）"):
        table_downloads(
            ["单位", "层级", "状态", "阶段", "最早日期", "已推行的人民法庭", "说明"],
            [
                [
                    r["unit"],
                    r["level_zh"],
                    r["status"],
                    r["stages_zh"],
                    r.get("first_date") or "",
                    r["tribunals_zh"],
                    r.get("note_zh") or "",
                ]
                for r in shown
            ],
            title=f"{props.get('name', '')} · {by_id[court_id]['court']}辖区覆盖"
            f"（{len(done) + len(via)}/{len(rows)}）",
            sources=[],
            stem=f"coverage-{props.get('name', 'initiative')}",
            key=f"{P}.cov_dl",
            note="；".join(
                x for x in (note_of(check), not_reported_caveat(check.verified_only)[:-1]) if x
            ),
        )


def _short_tribunal(tribunal: str, court: str) -> str:
    """A tribunal's name without its court's (天荒坪人民法庭 under 安吉县人民法院)."""
    return tribunal[len(court) :] if tribunal.startswith(court) and tribunal != court else tribunal


def _briefing(initiative_id: str, props: dict[str, Any], court_id: str, court: str) -> None:
    """One click: the briefing and the adoption map of this initiative under this court."""
    from figures.names import short_court_name
    from ui.downloads import briefing_and_map

    short = short_court_name(court)
    st.markdown(f"**简报与采用情况图**（{short}辖区）")
    briefing_and_map(
        state.store(),
        initiative_id,
        court_id,
        stem=f"{props.get('name', 'initiative')}-{short}",
        key=f"{P}.brief",
    )


def _default_court(courts: list[dict[str, Any]], initiative_id: str) -> str:
    """The high court of the province with most adopting units, as 扩散分析 picks it (with no
    home court set, the first high court in name order was another province's: 0 / 23)."""
    adopters = state.rows("adopters", {"initiative": initiative_id})
    units = {r["unit_id"]: r["province"] for r in adopters if r.get("province")}
    return court_of_most_adopters(courts, dict(Counter(units.values())))


def _timeline(initiative_id: str) -> None:
    from ui import charts

    asked = _asked(initiative_id, _url_filters(initiative_id))  # the 采用单位 tab's filters
    rows = state.rows("adopters", asked)
    if any(k != "initiative" for k in asked):
        st.caption("按「采用单位」页签的筛选条件。")
    first: dict[str, str] = {}
    for r in rows:
        if r.get("date"):
            d = str(r["date"])
            if r["unit_id"] not in first or d < first[r["unit_id"]]:
                first[r["unit_id"]] = d
    if not first:
        st.info("筛选出的推行记录都没有日期，无法绘制时间线。")
        return
    # one point per month, not per unit: thousands of points took the browser seconds
    months = Counter(_month(d) for d in first.values())
    order = sorted(months)
    charts.cumulative(order, list(accumulate(months[m] for m in order)), height=320)
    undated = len({r["unit_id"] for r in rows}) - len(first)
    st.caption(
        "按每个单位最早一次被报道推行、试点、推广或获评的日期累计（只到年或月的日期按该年/月第一天计）。"
        + (f"另有 {undated} 个单位没有日期。" if undated else "")
    )
    facts_note("adopters", asked)


def _month(date: str) -> str:
    parts = date.split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01", "01"])


def _outcomes(initiative_id: str) -> None:
    asked = {"initiative": initiative_id}
    from queries.analytics import outcome_scope_note
    from ui.analytics.shared import _outcomes_of, _store_key

    rows, cut = state.run("initiative_outcomes", asked)
    # the adopters' figures are counted (not read) to say why 成效对照 shows another number
    adopters = _outcomes_of(_store_key(), initiative_id, 0).total
    why = outcome_scope_note(tied=len(rows), adopters=adopters, listing="tied")
    if not rows:
        st.info("还没有文中归于这项举措的成效数据。" + why)
        facts_note("initiative_outcomes", asked, statuses=_figure_status)
        return
    st.caption("成效数据是单位自己报告的数字，不是独立测量的结果。" + why)
    if cut:
        st.warning(
            f"只列出前 {len(rows):,} 项数据（查询的行数上限）；完整的数据请用「扩散分析 → 成效对照」"
            "的导出或命令行 `python -m queries.analytics outcomes`。"
        )
    facts_note("initiative_outcomes", asked, statuses=_figure_status)
    from queries.columns import shown_value

    shown = [
        {
            **r,
            "figure": outcome_value(r),
            # the figure's own fact (the unit's report, which `review correct` changes)
            "status_zh": shown_value("status", r.get("status")),
        }
        for r in rows
    ]
    table(
        shown,
        {
            "unit": "单位",
            "metric": "指标",
            "figure": "数值",
            "period": "期间",
            "scope": "范围",
            "status_zh": "核实状态",
        }
        # the same unit, metric, scope and period with two values: said beside each
        | ({"conflict": "数字冲突"} if any(r.get("conflict") for r in rows) else {}),
        links={
            "单位页": lambda r: state.link(r["unit_id"]),
            "证据": lambda r: state.evidence_link(r.get("fact_id")),
        },
        key=f"{P}.outcomes",
    )
    if any(r.get("conflict") for r in rows):
        from queries.library import CONFLICT_NOTE

        st.caption(CONFLICT_NOTE)


def _figure_status(row: dict[str, Any]) -> list[str | None]:
    """A figure tied to an initiative is verified when both its facts are (the unit reported
    it, it is tied to the initiative)."""
    from queries.verified import is_verified

    both = is_verified(row.get("status")) and is_verified(row.get("link_status"))
    return [row.get("status") if both else "extracted"]
