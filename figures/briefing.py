"""Briefings (简报) of an initiative: a Word report and a PowerPoint deck from the graph.

`gather(store, initiative, court)` reads everything a briefing states through named queries:
the adoption map under `court` (the coverage and who has not yet reported), the timeline, the
adopters with stage and first date, the reported figures and the documents behind them.
`to_docx` and `to_pptx` lay it out: headline numbers, the adoption map, the coverage table,
the timeline, the adopters, the reported outcomes (clearly marked as figures the documents
report, with their period) and the numbered source list with dates and URLs.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from figures.adoption import (
    COUNT_AXIS,
    ROLLOUT_LABEL,
    SLIDE_MAP_WIDTH,
    STAGE_ORDER,
    THROUGH_TRIBUNALS,
    AdoptionMap,
    MapUnit,
    adoption_map,
    collections_note,
    columns_of,
    counts_series,
    draw_adoption_map,
    not_reported_note,
    slide_notes,
    strays,
)
from figures.adoption import _rank as _level_rank
from figures.names import short_court_name
from figures.numbers import percent
from figures.report import (
    Conflicts,
    Report,
    conflicts,
    demo_warning,
    is_demo,
    newest_first,
    outcome_value,
    period_zh,
    source_caption,
    source_documents,
    source_lines,
    versions_note,
    whose,
)
from figures.timeline import FIRST_DAY_NOTE, draw_timeline
from graph.errors import CourtgraphError
from graph.model import LEVEL_ZH, STAGE_ZH
from queries.analytics import NOT_REPORTED_SCOPE
from queries.columns import date_shown
from queries.verified import FactCheck, is_verified

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from graph.store import GraphStore
    from queries.analytics import Timeline
    from queries.scope import Chosen
    from queries.verified import InitiativeFacts

#: what every briefing says above the figures the documents report
REPORTED_NOTE = "以下数字是文档中各单位自述的数据，courtgraph 未作核实，引用时请注明来源。"
#: which figures an initiative's briefing lists (the 举措 page's 成效数据 the same; 扩散分析
#: → 成效对照 lists every figure the adopters report, whatever it is tied to)
TIED_NOTE = (
    "这里只列文档中归于该举措的数字；推行单位报告的其他数字（文中归于别的举措或未说明）"
    "见 courtgraph「扩散分析 → 成效对照」。"
)
MAX_SOURCES = 200  # documents listed as sources (the latest reports'); the rest are counted
NOT_YET_LISTED = 60  # units listed by name under "not yet reported"; the rest are counted
MAX_ADOPTER_ROWS = 300  # reports listed in the adopters table (the earliest); the rest counted
DECK_ADOPTER_ROWS = 96  # in the deck: six slides of them
MAX_UNSCOPED = 1000  # units a briefing without a court may list


def _stage_rank(stage: str) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER)


@dataclass
class Briefing:
    initiative: str
    court: str | None
    map: AdoptionMap | None
    timeline: Timeline
    adopters: list[dict[str, Any]]
    outcomes: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    sources_truncated: bool = False  # more documents behind it than the list holds
    source_count: int = 0  # documents behind it (the list holds at most MAX_SOURCES)
    outcome_docs: dict[str, list[str]] = field(default_factory=dict)  # figure → its documents
    #: figures tied to it in all, when the named query's row limit cut the list `outcomes`
    #: (0: the list is complete)
    outcome_count: int = 0
    #: with `verified_only`: figures tied to it that are not listed because the figure or
    #: its link to the initiative is not verified (said where the figures are listed)
    outcomes_unverified: int = 0
    check: FactCheck = field(default_factory=FactCheck)  # the facts it states
    #: with `verified_only`: verified facts left out with their figure because its other
    #: fact is not verified (a confirmed figure whose link is not): `check` counts them as
    #: not stated, and the text says they were verified
    withheld: int = 0
    timeline_check: FactCheck = field(default_factory=FactCheck)  # the timeline's
    #: the adoption facts it states (the map's and the timeline's footnotes count these)
    adoption_check: FactCheck = field(default_factory=FactCheck)
    #: the collections whose facts it states (none: every document); its sources are theirs
    collections: tuple[str, ...] = ()
    generated: str = field(default_factory=lambda: _dt.date.today().isoformat())
    _pictures: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)

    def map_png(self) -> bytes:
        """The adoption map (1.5×, 10 in wide: about its own size on a slide and across the
        report's landscape page, its footnote at about 10 pt; no title: the report's heading or
        the slide's title names it), drawn once for the Word report and the deck alike."""
        if "map" not in self._pictures:
            assert self.map is not None
            self._pictures["map"] = draw_adoption_map(
                self.map,
                scale=1.5,
                generated=self.generated,
                sources=max(self.source_count, len(self.sources)),
                with_title=False,
                facts_note=self.facts_note(),
                demo=self.demo(),
                width=SLIDE_MAP_WIDTH,
            )
        return self._pictures["map"]

    def demo(self) -> int:
        """How many of its sources are demo documents: each of its pictures says so."""
        return sum(1 for d in self.sources if is_demo(d))

    def headline(self) -> list[str]:
        """The numbers a reader takes away, one sentence each."""
        lines = [self.units_line()]
        dated = [a["date"] for a in self.adopters if a.get("date")]
        if dated:
            lines.append(f"据报道，最早的开展日期为 {min(dated)}，最近为 {max(dated)}。")
        units = {a["unit_id"] for a in self.adopters}
        undated = len(units - {a["unit_id"] for a in self.adopters if a.get("date")})
        if undated:
            lines.append(f"其中 {undated} 个单位的报道没有日期。")
        if self.map is not None:
            via = self.map.through_counts()
            counted = {level for level, _, _ in self.map.counts()}
            for level, done, total in self.map.counts():
                lines.append(
                    f"{self.map.court.short}辖区{LEVEL_ZH.get(level, level)}：{done}/{total} "
                    f"个已有报道（{percent(done / total)}）"
                    + (
                        f"；另有 {via[level]} 个本院未见报道、但下属人民法庭已推行，"
                        f"合计覆盖 {done + via[level]}/{total}（{percent((done + via[level]) / total)}）"
                        if via.get(level)
                        else ""
                    )
                    + "。"
                    if total
                    else ""
                )
            if hatched := len(self.map.under_rollout()):
                lines.append(
                    f"另有 {hatched} 个尚未见报道的单位，其上级法院报道在所辖全部法院推行"
                    f"（{ROLLOUT_LABEL}，见“采用情况”）；这些单位本身未见报道，未计入上述比例。"
                )
            if self.map.tribunals_uncounted() and "tribunal" not in counted:
                lines.append(
                    f"{self.map.court.short}辖区人民法庭：未导入人民法庭名录，不计覆盖率"
                    f"（文档提到的 {self.map.tribunals_uncounted()} 个人民法庭未计入上述比例）。"
                )
        if self.outcomes:
            lines.append(
                f"文档报告了与该举措相关的数据 {self.outcome_count} 项"
                f"（第五部分列出前 {len(self.outcomes)} 项）。"
                if self.outcome_count > len(self.outcomes)
                else f"文档报告了与该举措相关的数据 {len(self.outcomes)} 项（见第五部分）。"
            )
        total = max(self.source_count, len(self.sources))
        listed = f"（资料来源列出最近的 {len(self.sources)} 篇）" if self.sources_truncated else ""
        lines.append(f"以上依据 {total} 篇文档{listed}。")
        lines.append(f"{self.facts_line()}。")
        lines.append(demo_warning(self.sources))
        return [x for x in lines if x]

    def units_line(self) -> str:
        """How many units report it, and at which stage, in numbers that add up: a unit
        reporting two stages is counted once in the total and under each of its stages."""
        per = self.per_unit()
        stages: dict[str, int] = {}
        for row in per:
            for s in row["stages"]:
                stages[s] = stages.get(s, 0) + 1
        parts = "、".join(
            f"{STAGE_ZH.get(s, s)} {stages[s]} 个" for s in sorted(stages, key=_stage_rank)
        )
        line = f"所收文档报道 {len(per)} 个单位开展“{self.initiative}”"
        if len(stages) <= 1:
            return line + (f"（{parts}）。" if parts else "。")
        both = sum(1 for row in per if len(row["stages"]) > 1)
        line += f"，其中{parts}"
        if both:
            line += f"，{both} 个单位兼有{'两' if len(stages) == 2 else '多'}个阶段"
        return line + "。"

    def per_unit(self) -> list[dict[str, Any]]:
        """One row per unit: its stages (in stage order), earliest date, documents."""
        out: dict[str, dict[str, Any]] = {}
        # a unit a reviewer confirmed or corrected a report of is shown as the reviewer left
        # it: its unchecked reports give no stage or date (their documents still count)
        checked_units = {
            a["unit_id"] for a in self.adopters if a.get("status") in ("confirmed", "corrected")
        }
        for a in self.adopters:
            row = out.setdefault(
                a["unit_id"],
                {**a, "stages": [], "date": None, "date_precision": None, "doc_set": set()},
            )
            row["doc_set"].update(a.get("doc_ids") or ())
            if a["unit_id"] in checked_units and a.get("status") not in ("confirmed", "corrected"):
                continue
            if a["stage"] not in row["stages"]:
                row["stages"].append(a["stage"])
            precision = a.get("date_precision")
            if a.get("date") and (
                row["date"] is None
                or a["date"] < row["date"]
                or (a["date"] == row["date"] and precision != "document")
            ):
                row["date"], row["date_precision"] = a["date"], precision
        for row in out.values():
            row["stages"].sort(key=_stage_rank)
            row["documents"] = len(row["doc_set"])
        return list(out.values())

    def adoption_docs(self) -> int:
        """Documents behind the adoption facts it states."""
        return len({d for a in self.adopters for d in a.get("doc_ids") or ()})

    def facts_note(self) -> str:
        """What the map and the timeline stand on, in the same words under each: the
        adoption facts (推行/推广事实) of the scope and the documents they come from."""
        c = self.adoption_check
        docs = f"，来自 {self.adoption_docs()} 篇文档"
        if c.verified_only:
            left = f"（另有 {c.unverified} 条尚未核实，未计入）" if c.unverified else ""
            return f"已核实的推行/推广事实 {c.verified} 条{left}{docs}"
        unverified = f"（其中 {c.unverified} 条尚未核实）" if c.unverified else ""
        return f"推行/推广事实 {c.facts} 条{unverified}{docs}"

    def facts_line(self) -> str:
        """Every fact it states: the adoption facts (the figures' count) and the figures the
        documents report (a figure is two facts: the figure and its link to the initiative)."""
        line = self.facts_note()
        if self.check.verified_only:  # those of the figures it lists
            outcome_facts = self.check.verified - self.adoption_check.verified
            checked = "已核实的"
        else:
            outcome_facts = self.check.facts - self.adoption_check.facts
            checked = ""
        if outcome_facts > 0:
            line += f"；另有{checked}成效数据的事实 {outcome_facts} 条（每项数据及其与举措的关联各一条）"
        if self.check.verified_only:
            kept_out = left_out_note(self.check.unverified, self.withheld)
            return line + f"；合计已核实的事实 {self.check.verified} 条{kept_out}"
        line += f"；合计 {self.check.facts} 条事实"
        if self.check.unverified:
            line += f"，其中 {self.check.unverified} 条尚未核实"
        return line

    def rollout_lines(self) -> list[str]:
        """Under the not-yet list: for each court reporting an area-wide rollout, the units
        not reported under it ('大连中院 推行（范围：…）：中山区法院、西岗区法院…')."""
        if self.map is None:
            return []
        from queries.analytics import rollout_zh

        by: dict[str, tuple[dict[str, Any], list[str]]] = {}
        units = sorted(self.map.under_rollout(), key=lambda u: (_level_rank(u.level), u.name))
        for u in units:
            assert u.rollout is not None
            by.setdefault(u.rollout["court_id"], (u.rollout, []))[1].append(u.short)
        return [
            f"{ROLLOUT_LABEL}：{rollout_zh({**r, 'court': short_court_name(r['court'] or '')})}"
            f"，其辖区内本身未见报道的 {len(names)} 个单位："
            + "、".join(names[:NOT_YET_LISTED])
            + (f"等（共 {len(names)} 个）" if len(names) > NOT_YET_LISTED else "")
            + "。这些单位仍列为尚未见报道，未计入覆盖率。"
            for r, names in by.values()
        ]

    def not_yet(self) -> list[str]:
        """Units with no report, neither their own nor their tribunals'."""
        if self.map is None:
            return []
        todo = [u for u in self.map.counted() if u.stage is None]
        return [u.short for u in sorted(todo, key=lambda u: (_level_rank(u.level), u.name))]

    def through_tribunals(self) -> list[str]:
        """Courts reporting nothing themselves whose tribunals do: 安吉县法院（天荒坪法庭）."""
        if self.map is None:
            return []
        return [
            f"{u.short}（{'、'.join(short_court_name(t) for t in u.through)}）"
            for u in self.map.units
            if u.stage == THROUGH_TRIBUNALS
        ]


def gather(
    store: GraphStore,
    initiative: str,
    court: str | None = None,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | Chosen | None = None,
) -> Briefing:
    """Everything a briefing of `initiative` states (under `court`: of that court and its
    units only), through named queries; `verified_only`: from confirmed or corrected facts
    only; `collections`: from the facts of these collections' documents only, its sources
    those documents (None: every document). The briefing counts the facts it stands on and
    how many are unverified."""
    from figures.timeline import checked_timeline
    from queries import scope as collections_
    from queries.registry import resolve_entity, run

    iid = resolve_entity(store, initiative, label="Initiative")
    chosen = collections_.chosen(store, collections)
    facts = collections_.initiative_facts(store, iid, chosen)
    amap = (
        adoption_map(
            store, iid, court, verified_only=verified_only, facts=facts, collections=chosen
        )
        if court
        else None
    )
    scope = amap.ids if amap is not None else None
    events = run(store, "adoption_events", chosen.params("adoption_events", {"initiative": iid}))
    tl, tl_check = checked_timeline(
        store,
        iid,
        verified_only=verified_only,
        scope=scope,
        facts=facts,
        events=events.rows,
        collections=chosen,
    )
    # one row per reported adoption (the events table has them all; `adopters` stops at 1,000);
    # its documents those of the chosen collections
    adopters = [
        {**e, "doc_ids": docs, "documents": len(docs)}
        for e in events.rows
        if scope is None or e["unit_id"] in scope
        for docs in [chosen.documents(e.get("doc_ids") or ())]
    ]
    if scope is None and len({a["unit_id"] for a in adopters}) > MAX_UNSCOPED:
        raise CourtgraphError(
            f"{tl.initiative}：有 {len({a['unit_id'] for a in adopters})} 个单位报道推行，"
            f"超过不限法院的简报所能列出的 {MAX_UNSCOPED} 个；请按法院出简报（--court）"
        )
    # figures the documents tie to this initiative (not every figure its adopters report),
    # under a court those of its units
    found = run(
        store, "initiative_outcomes", chosen.params("initiative_outcomes", {"initiative": iid})
    )
    outcomes = found.rows
    if scope is not None:
        outcomes = [o for o in outcomes if o["unit_id"] in scope]
    # the query stops at its row limit: count the figures it left out, from their statuses
    outcome_count = (
        sum(
            (scope is None or f["unit_id"] in scope)
            and (not verified_only or facts.outcome_verified(fid))
            for fid, f in facts.outcomes.items()
        )
        if found.truncated
        else 0
    )
    adoption_check = FactCheck.of(
        [facts.adoption_status(a["fact_id"]) for a in adopters], verified_only=verified_only
    )
    check = adoption_check + FactCheck.of(
        [s for o in outcomes for s in _stated(facts, o["fact_id"], verified_only)],
        verified_only=verified_only,
    )
    listed = len(outcomes)
    withheld = (
        sum(
            is_verified(s)
            for o in outcomes
            if not facts.outcome_verified(o["fact_id"])
            for s in facts.outcome_statuses(o["fact_id"])
        )
        if verified_only
        else 0
    )
    if verified_only:
        adopters = [a for a in adopters if facts.adoption_verified(a["fact_id"])]
        outcomes = [o for o in outcomes if facts.outcome_verified(o["fact_id"])]
    # the documents behind what the briefing states, the latest reports first
    latest = sorted(adopters, key=lambda a: a.get("date") or "", reverse=True)
    doc_ids = chosen.documents(
        facts.doc_ids([o["fact_id"] for o in outcomes] + [a["fact_id"] for a in latest])
    )
    sources = newest_first(source_documents(store, doc_ids[:MAX_SOURCES]))
    outcome_docs = {o["fact_id"]: chosen.documents(facts.doc_ids([o["fact_id"]])) for o in outcomes}
    return Briefing(
        initiative=tl.initiative,
        court=amap.court.name if amap else None,
        map=amap,
        timeline=tl,
        adopters=adopters,
        outcomes=outcomes,
        sources=sources,
        sources_truncated=len(doc_ids) > MAX_SOURCES,
        outcome_count=outcome_count,
        outcomes_unverified=listed - len(outcomes),
        source_count=len(doc_ids),
        outcome_docs=outcome_docs,
        check=check,
        withheld=withheld,
        timeline_check=tl_check,
        adoption_check=adoption_check,
        collections=chosen.names,
    )


def left_out_note(unverified: int, withheld: int = 0) -> str:
    """After 已核实的事实 N 条: the facts a verified-only briefing left out, those a reviewer
    verified (`withheld`: their figure's other fact is not) apart from the unverified.

    >>> left_out_note(19), left_out_note(19, 2), left_out_note(0)
    ('（另有 19 条尚未核实，未计入）', '（另有 19 条未计入：17 条尚未核实，2 条已核实但所属数据未全部核实）', '')
    """
    if not unverified:
        return ""
    if not withheld:
        return f"（另有 {unverified} 条尚未核实，未计入）"
    return (
        f"（另有 {unverified} 条未计入：{unverified - withheld} 条尚未核实，"
        f"{withheld} 条已核实但所属数据未全部核实）"
    )


def checked_note(check: FactCheck, withheld: int = 0) -> str:
    """`check.note()`, the verified facts left out with their figure said apart (`withheld`)."""
    if check.verified_only and check.unverified and withheld:
        return f"仅含已核实的 {check.verified} 条事实{left_out_note(check.unverified, withheld)}"
    return check.note()


def _stated(facts: InitiativeFacts, fact_id: str, verified_only: bool) -> tuple[str | None, ...]:
    """The statuses of a figure's two facts (the figure, its link to the initiative) as a
    briefing counts them: with `verified_only` a figure is listed only when both are
    verified, so a confirmed half of a figure it does not list is not a fact it states (it
    counted one, and the text named figures no table showed)."""
    statuses = facts.outcome_statuses(fact_id)
    if verified_only and not facts.outcome_verified(fact_id):
        return tuple(None for _ in statuses)
    return statuses


#: source numbers a table cell lists before it says how many more documents there are
MAX_REFS = 4


def _refs(b: Briefing, doc_ids: Iterable[str]) -> str:
    """The numbers ([1]、[3]) under 资料来源 of the documents behind a row, so a reader can
    find the report a line stands on; documents the list leaves out are counted."""
    number = {d["doc_id"]: i for i, d in enumerate(b.sources, 1)}
    docs = list(dict.fromkeys(doc_ids))
    nums = sorted(number[d] for d in docs if d in number)
    shown = "、".join(f"[{n}]" for n in nums[:MAX_REFS])
    rest = len(docs) - min(len(nums), MAX_REFS)
    if rest and shown:
        return f"{shown} 等 {len(docs)} 篇"
    return shown or (f"{rest} 篇（未列出）" if rest else "")


def _adopter_rows(b: Briefing) -> list[list[str]]:
    """One row per unit, its stages joined and its earliest date, the earliest
    MAX_ADOPTER_ROWS units (the rest are counted in `_adopters_left_out`)."""
    rows = sorted(b.per_unit(), key=lambda a: (a.get("date") or "9999", a["unit"] or ""))
    rows = rows[:MAX_ADOPTER_ROWS]
    return [
        [
            short_court_name(a["unit"] or ""),
            LEVEL_ZH.get(a.get("level") or "", a.get("level") or ""),
            "、".join(STAGE_ZH.get(s, s) for s in a["stages"]),
            date_shown(a.get("date"), a.get("date_precision")) or "未注明",
            _refs(b, a["doc_set"]),
        ]
        for a in rows
    ]


def _adopters_left_out(b: Briefing, shown: int = MAX_ADOPTER_ROWS) -> str:
    """A line saying how many units the adopters table leaves out ('' when none)."""
    units = len(b.per_unit())
    rest = units - shown
    if rest <= 0:
        return ""
    return (
        f"共 {units} 个单位，按最早报道日期列出前 {shown} 个，另有 {rest} 个"
        "未列出（各层级、各下级单位的数量见采用情况）。"
    )


def _outcomes_unlisted(b: Briefing) -> str:
    """What a briefing listing no figures, or not all of them, says under 报告的成效数据."""
    n = b.outcomes_unverified
    if not n:
        return "所收文档没有与该举措相关的数据。"
    if not b.outcomes:
        return f"文档中与该举措相关的 {n} 项数据尚未核实（数据或其与该举措的关联），未列出。"
    return f"另有 {n} 项数据尚未核实（数据或其与该举措的关联），未列出。"


def _outcomes_left_out(b: Briefing) -> str:
    """Says so when the list of figures was cut at the query's row limit ('' if complete)."""
    if b.outcome_count <= len(b.outcomes):
        return ""
    return (
        f"共 {b.outcome_count} 项数据，这里只列出前 {len(b.outcomes)} 项，"
        f"另有 {b.outcome_count - len(b.outcomes)} 项未列出。"
    )


def _versions_note(b: Briefing) -> str:
    """The figures two versions of one report it cites give differently ('' if none)."""
    return versions_note(
        b.sources,
        [
            (
                whose(o)
                + (o["metric"] or "")
                + (f"（{period_zh(o['period'])}）" if o.get("period") else ""),
                outcome_value(o),
                b.outcome_docs.get(o["fact_id"], []),
            )
            for o in b.outcomes
        ],
    )


def _conflicts(b: Briefing) -> Conflicts:
    """The figures another figure of the same unit, metric, scope and period contradicts
    (a corrected copy of an article keeps both): marked in the table, said under it."""
    whats = [f"{whose(o)}{o['metric'] or ''}（{period_zh(o.get('period'))}）" for o in b.outcomes]
    refs = [_refs(b, b.outcome_docs.get(o["fact_id"], ())) for o in b.outcomes]
    return conflicts(b.outcomes, whats, refs)


def _outcome_rows(b: Briefing) -> list[list[str]]:
    """[单位, 指标, 数值, 期间, 来源]; a figure another copy reports differently says
    数字冲突① under its value (`_conflicts`)."""
    out = []
    marked = _conflicts(b)
    for i, o in enumerate(b.outcomes):
        out.append(
            [
                whose(o),
                o["metric"] or "",
                marked.cell(i, outcome_value(o)),
                period_zh(o.get("period")),
                _refs(b, b.outcome_docs.get(o["fact_id"], ())),
            ]
        )
    return out


def _source_lines(b: Briefing) -> list[str]:
    return source_lines(b.sources)


def _of_collections(b: Briefing) -> str:
    """After 资料来源: whose documents they are, when collections were chosen."""
    return f"（文档集：{'、'.join(b.collections)}）" if b.collections else ""


# ------------------------------------------------------------------------------------------
# Word


def to_docx(b: Briefing) -> bytes:
    r = Report(f"{b.initiative} 推行情况简报")
    r.title(f"“{b.initiative}”推行情况简报")
    scope = f"范围：{short_court_name(b.court)}辖区；" if b.court else ""
    scope += "".join(f"{n}；" for n in collections_note(b.collections))
    # how many facts it states, and how many are unverified: once, in 一、基本情况 (headline)
    only = "仅含已核实的事实；" if b.check.verified_only else ""
    r.para(
        f"{scope}数据截至 {b.generated}；{only}courtgraph 依据所收文档整理，未收录的报道不在其中。",
        10.5,
    )
    r.section("基本情况")
    for line in b.headline():
        r.para(line)
    if b.map is not None:
        r.section("采用情况")
        r.table(
            ["层级", "单位数", "已有报道", "占比"],
            [
                [LEVEL_ZH.get(lvl, lvl), str(n), str(a), percent(a / n) if n else "—"]
                for lvl, a, n in b.map.counts()
            ],
        )
        through = b.through_tribunals()
        if through:
            r.para(f"本院未见报道、但下属人民法庭已推行的法院：{'、'.join(through)}。", 10.5)
        not_yet = b.not_yet()
        if len(not_yet) > NOT_YET_LISTED:  # by group: a sample of names says little
            counted = {id(u) for u in b.map.counted()}

            def todo(units: Iterable[MapUnit]) -> int:
                return sum(u.stage is None and id(u) in counted for u in units)

            groups = [(col[0][0].short, todo(u for u, _ in col)) for col in columns_of(b.map)]
            gone = {u.id for u in strays(b.map)}  # drawn beside the map, counted here
            groups.append(
                (
                    "直接管辖的其他单位",
                    todo(u for u in b.map.units if u.id in gone or u.parent in gone),
                )
            )
            r.para(
                f"尚未见报道的单位（{NOT_REPORTED_SCOPE}）共 {len(not_yet)} 个，按直属下级单位的辖区："
                + "、".join(f"{name} {n} 个" for name, n in groups if n)
                + "。",
                10.5,
            )
        elif not_yet:
            shown = "、".join(not_yet[:NOT_YET_LISTED])
            more = f"等 {len(not_yet)} 个单位" if len(not_yet) > NOT_YET_LISTED else ""
            r.para(f"尚未见报道的单位（{NOT_REPORTED_SCOPE}）：{shown}{more}。", 10.5)
        for line in b.rollout_lines():  # a superior court reports it for its whole area
            r.para(line, 10.5)
        # a landscape page of its own, after the counts it draws (the portrait page is not
        # left empty under a pointer to it): across the portrait page its legend was about 4 pt
        r.landscape_picture(b.map_png(), f"{b.map.court.short}辖区采用情况图见下页。")
    r.section("推行时间线")
    # drawn 9 in wide, as large as it is on the page (type of 9-12 pt), 1920 px: 310 dpi
    r.picture(
        draw_timeline(
            b.timeline,
            generated=b.generated,
            with_title=False,
            width=9.0,
            check=b.timeline_check,
            facts_note=b.facts_note(),
            demo=b.demo(),
            collections=b.collections,
        )
    )
    r.section("开展单位")
    if _adopters_left_out(b):
        r.para(_adopters_left_out(b), 10.5)
    r.table(["单位", "层级", "阶段", "最早报道", "来源"], _adopter_rows(b))
    r.section("报告的成效数据")
    r.para(REPORTED_NOTE + TIED_NOTE, 10.5)
    if b.outcomes:
        if _outcomes_left_out(b):
            r.para(_outcomes_left_out(b), 10.5)
        r.table(["单位", "指标", "数值", "期间", "来源"], _outcome_rows(b))
        for line in _conflicts(b).notes:  # ① each figure another copy gives otherwise
            r.para(line, 10.5)
        if note := _versions_note(b):
            r.para(note, 10.5)
    if b.outcomes_unverified or not b.outcomes:
        r.para(_outcomes_unlisted(b), 10.5)
    r.section("资料来源")
    if b.collections:
        r.para(f"以下均为文档集{'、'.join(f'「{n}」' for n in b.collections)}中的文档。", 10.5)
    r.sources(_source_lines(b))
    return r.save()


# ------------------------------------------------------------------------------------------
# PowerPoint


def to_pptx(b: Briefing) -> bytes:
    from figures.deck import Deck

    deck = Deck(f"{b.initiative} 推行情况", generated=b.generated, demo=b.demo())
    scope = f"{short_court_name(b.court)}辖区 · " if b.court else ""
    scope += "".join(f"{n} · " for n in collections_note(b.collections))
    only = "（仅含已核实的事实）" if b.check.verified_only else ""
    deck.title_slide(f"“{b.initiative}”推行情况", f"{scope}数据截至 {b.generated}{only}")
    deck.text_slide("基本情况", b.headline())
    checked = f"{b.facts_line()}。\n"
    sources_note = "资料来源" + _of_collections(b) + "：\n" + "\n".join(_source_lines(b))
    if b.map is not None:
        deck.picture_slide(
            f"{b.map.court.short}辖区采用情况",
            b.map_png(),
            notes=f"{slide_notes(b.map)}\n{sources_note}",
            marked=True,
        )
        counts = b.map.counts()
        series, colours = counts_series(counts, b.map.through_counts())
        deck.chart_slide(
            "各层级已有报道的单位",
            [LEVEL_ZH.get(lvl, lvl) for lvl, _, _ in counts],
            series,
            kind="stacked",
            notes=f"{not_reported_note(b.check.verified_only)}。"
            f"数据可在 PowerPoint 中编辑：右键图表 → 编辑数据。\n{sources_note}",
            colours=colours,
            y_title=COUNT_AXIS,
            caption=source_caption(b.sources),
        )
    if b.timeline.first or b.timeline.endorsements:
        # the Word report's picture, drawn slide-wide: the same step line, year-only and
        # month-only dates at their first day and labelled, promotions as dashed lines
        undated = len({u["unit_id"] for u in b.timeline.undated})
        deck.picture_slide(
            "推行时间线（累计已报道单位）",
            draw_timeline(
                b.timeline,
                generated=b.generated,
                with_title=False,
                width=12.0,  # type a third larger than a 16 in figure's, legible on a slide
                check=b.timeline_check,
                facts_note=b.facts_note(),
                demo=b.demo(),
                collections=b.collections,
            ),
            notes=f"每个单位按其最早的报道日期计；{FIRST_DAY_NOTE}"
            + (f"；{undated} 个单位的报道没有日期，未画入" if undated else "")
            + f"。{b.facts_note()}。",
            marked=True,
        )
    deck.table_slides(
        "开展单位",
        ["单位", "层级", "阶段", "最早报道", "来源"],
        _adopter_rows(b)[:DECK_ADOPTER_ROWS],
        widths=[3, 1.4, 1.4, 1.6, 1.6],
        notes=_adopters_left_out(b, DECK_ADOPTER_ROWS) + checked + sources_note,
    )
    if b.outcomes:
        clash = _conflicts(b).note()
        deck.table_slides(
            "报告的成效数据（文档自述，未经核实）",
            ["单位", "指标", "数值", "期间", "来源"],
            _outcome_rows(b),
            widths=[2, 2.8, 1.3, 2, 1.4],
            notes=(f"{_outcomes_left_out(b)}\n" if _outcomes_left_out(b) else "")
            + (f"{_outcomes_unlisted(b)}\n" if b.outcomes_unverified else "")
            + (f"{clash}\n" if clash else "")
            + TIED_NOTE
            + checked
            + sources_note,
        )
        if clash:  # on a slide of its own: the audience sees it, not only the presenter
            deck.text_slide("成效数据中的数字冲突", clash.splitlines(), notes=sources_note)
    deck.text_slide("资料来源", _source_lines(b)[:20] or ["（无）"], notes=sources_note)
    return deck.save()
