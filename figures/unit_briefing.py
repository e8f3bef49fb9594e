"""Briefings (简报) of a unit: what a court and the units under it report, as a Word report
and a PowerPoint deck.

The initiative briefing (`figures.briefing`) answers "who has adopted this reform"; this one
answers a court's own question, "what are we and the units under us doing": the headline
numbers (initiatives by stage, units reporting by level, documents and their dates), the
reform portfolio figure (`figures.portfolio`), every initiative grouped by category with its
stage, units and first date, the figures the units reported (marked as their own claims,
with period and linked initiative), the court personnel the documents name, and the
numbered source list with dates and URLs. Same typography and structure as the initiative
briefing (`figures.report`, `figures.deck`); `verified_only` keeps to confirmed facts.

`gather(store, court)` reads it through named queries (`unit_portfolio`, `units_under`,
`outcomes_under`, `people_under`, `document_sources`); `to_docx` and `to_pptx` lay it out.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from figures.adoption import (
    COUNT_AXIS,
    STAGE_LABEL,
    STAGE_ORDER,
    _rank,
    collections_note,
    rostered,
)
from figures.briefing import MAX_SOURCES, REPORTED_NOTE, checked_note
from figures.names import short_court_name
from figures.numbers import percent
from figures.portfolio import NARROW_PAGE_SMALL, WIDE_SLIDE_SMALL, Portfolio, from_rows
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
from graph.errors import CourtgraphError
from graph.model import LEVEL_ZH
from queries.verified import FactCheck, is_verified

if TYPE_CHECKING:
    from collections.abc import Sequence

    from graph.store import GraphStore
    from queries.scope import Chosen

#: units under a court a briefing covers (a province's high court has hundreds, the supreme
#: court tens of thousands: its briefing would read the whole graph for a partial answer)
MAX_UNITS = 5000
MAX_OUTCOME_ROWS = 300  # figures listed in the report (the court's own first); the rest counted
MAX_PEOPLE_ROWS = 100
DECK_ROWS = 80  # initiatives the deck lists: at most eight slides of them
DECK_OUTCOME_ROWS = 48  # figures the deck lists (four slides); the report lists more
DECK_PEOPLE_ROWS = 24  # people (two slides), the court's own first
DECK_PER_SLIDE = 12
DECK_TABLE_ROWS = 10  # rows of a slide's table whose cells may wrap onto a second line


def per_slide(rows: int, most: int = DECK_PER_SLIDE) -> int:
    """Rows a slide, the slides filled evenly (25 rows: 9, 8, 8 rather than 12, 12, 1).

    >>> per_slide(25), per_slide(12), per_slide(13)
    (9, 12, 7)
    """
    slides = max(1, -(-rows // most))
    return -(-rows // slides)


#: a portfolio of up to this many rows (headings included) is drawn in one column as tall as
#: it needs, 10 in wide: on the report's portrait page its type is 9 pt; a longer one is drawn
#: 16:9 in two panels on a landscape page of its own
NARROW_PORTFOLIO_ROWS = 22
#: on a slide, a narrow picture is as large as a 16:9 one only up to this many rows
NARROW_SLIDE_ROWS = 12


@dataclass
class UnitBriefing:
    court_id: str
    court: str  # the full name
    level: str | None
    portfolio: Portfolio
    levels: list[tuple[str, int, int]]  # (level, units reporting, all units) below the court
    reports: list[dict[str, Any]]  # rows of `unit_portfolio` it states (one per report)
    outcomes: list[dict[str, Any]]  # one per reported figure, `initiatives` it is tied to
    people: list[dict[str, Any]]  # one per person and unit, `titles`
    sources: list[dict[str, Any]]
    sources_truncated: bool = False
    truncated: list[str] = field(default_factory=list)  # parts a query's row limit cut short
    source_count: int = 0  # documents behind it (the list holds at most MAX_SOURCES)
    #: tribunals below the court that no imported roster lists: named by articles only, so
    #: not counted in `levels` (a share of the tribunals articles happen to name means
    #: nothing), as the adoption map and the initiative briefing do
    uncounted: frozenset[str] = frozenset()
    check: FactCheck = field(default_factory=FactCheck)
    #: with `verified_only`: verified links of figures not listed (the figure is not
    #: verified): `check` counts them as not stated, the text says they were verified
    withheld: int = 0
    #: with `verified_only`: reported figures not listed because they are not verified
    outcomes_unverified: int = 0
    #: the collections whose facts it states (none: every document); its sources are theirs
    collections: tuple[str, ...] = ()
    generated: str = field(default_factory=lambda: _dt.date.today().isoformat())
    _pictures: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def short(self) -> str:
        return short_court_name(self.court)

    def demo(self) -> int:
        """How many of its sources are demonstration documents (marked on every figure)."""
        return sum(1 for d in self.sources if is_demo(d))

    @property
    def units_below(self) -> int:
        return sum(n for _, _, n in self.levels)

    def scope(self) -> str:
        """'本溪中院及下级 6 个单位' (or the court alone when nothing is under it)."""
        return f"{self.short}及下级 {self.units_below} 个单位" if self.units_below else self.short

    def own_reports(self) -> bool:
        return any(it.own for it in self.portfolio.items)

    def reporting_units(self) -> set[str]:
        return {r["unit_id"] for r in self.reports}

    def counted_reporting(self) -> set[str]:
        """The units below the court with reports that `levels` counts."""
        return self.reporting_units() - {self.court_id} - self.uncounted

    def stage_counts(self) -> list[tuple[str, int, int]]:
        """(stage, initiatives with a unit at that stage, unit·initiative pairs at it): each
        unit counted at the stage it is shown with (推行 before 试点, 获评, 上级推广)."""
        out = []
        for stage in STAGE_ORDER:
            items = [
                it
                for it in self.portfolio.items
                if it.own == stage or any(s == stage for s, _ in it.units.values())
            ]
            pairs = sum(
                (it.own == stage) + sum(s == stage for s, _ in it.units.values())
                for it in self.portfolio.items
            )
            out.append((stage, len(items), pairs))
        return out

    def portfolio_rows(self) -> int:
        """Rows of the portfolio figure: initiatives and category headings."""
        return sum(len(items) + 1 for _, items in self.portfolio.groups())

    def portfolio_png(self, *, narrow: bool) -> bytes:
        """The portfolio figure (1.5×, without its title: the heading or the slide's title
        names it): `narrow` 10 in wide and as tall as its rows, else 16:9; each drawn once
        for the report and the deck alike."""
        from figures.portfolio import draw_portfolio

        key = "narrow" if narrow else "wide"
        if key not in self._pictures:
            self._pictures[key] = draw_portfolio(
                self.portfolio,
                scale=1.5,
                generated=self.generated,
                with_title=False,
                width=10.0 if narrow else 16.0,
                fit=narrow,
                left_out_note="见举措清单",
                demo=self.demo(),
                # its smallest type about 8 pt on the report's page, 10 pt on a slide
                small=NARROW_PAGE_SMALL if narrow else WIDE_SLIDE_SMALL,
            )
        return self._pictures[key]

    def checked_note(self) -> str:
        """The facts it states and how many are unverified (left out, with `verified_only`:
        a verified link of a figure not listed is said apart)."""
        return checked_note(self.check, self.withheld)

    def headline(self) -> list[str]:
        """The numbers a reader takes away, one sentence each."""
        pf = self.portfolio
        lines = []
        if not pf.items:
            checked = "已核实的" if self.check.verified_only else ""
            lines.append(f"所收文档中没有{self.scope()}推行改革举措的{checked}报道。")
        else:
            own = sum(it.own is not None for it in pf.items)
            below = sum(bool(it.units) for it in pf.items)
            split = (
                f"其中本院报道 {own} 项，下级单位报道 {below} 项"
                if self.units_below
                else "均为本院报道"
            )
            lines.append(
                f"所收文档报道{self.scope()}推行改革举措 {len(pf.items)} 项（{split}），"
                f"分属 {len(pf.groups())} 个类别。"
            )
            stages = "、".join(f"{STAGE_LABEL[s]} {n} 项" for s, n, _ in self.stage_counts() if n)
            lines.append(f"按阶段：{stages}（一项举措可在不同单位处于不同阶段）。")
        if self.units_below:
            reporting = self.counted_reporting()
            parts = "；".join(
                f"{LEVEL_ZH.get(lvl, lvl or '其他')} {a}/{n} 个" for lvl, a, n in self.levels
            )
            lines.append(
                f"下级 {self.units_below} 个单位中 {len(reporting)} 个有推行举措的报道"
                f"（{parts}）；本院{'有' if self.own_reports() else '没有'}自身推行举措的报道。"
            )
        if self.uncounted:
            lines.append(
                f"{self.short}辖区人民法庭：未导入人民法庭名录，不计覆盖率"
                f"（文档提到的 {len(self.uncounted)} 个人民法庭未计入上述比例）。"
            )
        dates = sorted(r["date"] for r in self.reports if r.get("date"))
        if dates:
            undated = sum(1 for r in self.reports if not r.get("date"))
            span = (
                f"最早的开展日期为 {dates[0]}，最近为 {dates[-1]}"
                if dates[0] != dates[-1]
                else f"有日期的报道均为 {dates[0]}"
            )
            lines.append(
                f"据报道，{span}" + (f"；{undated} 条报道没有日期" if undated else "") + "。"
            )
        if self.outcomes:
            units = len({o["unit_id"] for o in self.outcomes})
            lines.append(
                f"文档报告了 {units} 个单位的数据 {len(self.outcomes)} 项（见“报告的成效数据”，"
                "均为单位自述）。"
            )
        if self.people:
            lines.append(f"文档提到{self.short}及下级单位人员 {len(self.people)} 人次（含职务）。")
        total = max(self.source_count, len(self.sources))
        listed = f"（资料来源列出最近的 {len(self.sources)} 篇）" if self.sources_truncated else ""
        doc_dates = sorted(d["date"] for d in self.sources if d.get("date"))
        span = ""
        if doc_dates and not self.sources_truncated:
            span = f"，发布于 {doc_dates[0]}" + (
                f" 至 {doc_dates[-1]}" if doc_dates[-1] != doc_dates[0] else ""
            )
            if len(doc_dates) < len(self.sources):
                span += f"（{len(self.sources) - len(doc_dates)} 篇日期不详）"
        lines.append(f"以上依据 {total} 篇文档{span}{listed}。")
        if self.checked_note():
            lines.append(f"{self.checked_note()}。")
        if warning := demo_warning(self.sources):
            lines.append(warning)
        if self.truncated:
            lines.append(
                f"{'、'.join(self.truncated)}超过查询的条数上限，以上只统计了其中一部分；"
                "请改选下一级法院。"
            )
        return lines


def gather(
    store: GraphStore,
    court: str,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | Chosen | None = None,
) -> UnitBriefing:
    """Everything a briefing of `court` (and the units under it) states, through named
    queries; `verified_only`: from confirmed or corrected facts only; `collections`: from
    the facts of these collections' documents only, its sources those documents (None:
    every document). The briefing counts the facts it stands on and how many are
    unverified."""
    from queries.registry import resolve_entity, run
    from queries.scope import chosen as chosen_collections

    cid = resolve_entity(store, court)
    chosen = chosen_collections(store, collections)
    props = run(store, "entity", {"entity": cid}).rows[0]["properties"]
    name = props.get("name") or cid
    # the units under it first: a court above a province's is refused before the long reads
    under = run(store, "units_under", {"court": cid}).rows
    if len(under) > MAX_UNITS:
        raise CourtgraphError(
            f"{name}：下级单位 {len(under):,} 个，超过单位简报所能涵盖的 {MAX_UNITS:,} 个；"
            "请改为其下级法院出简报（如某个高级法院）"
        )
    # these three queries take no collections: their rows are kept as the queries that do
    # keep theirs (one of a fact's documents in a chosen collection), citing those documents
    result = run(store, "unit_portfolio", chosen.params("unit_portfolio", {"unit": cid}))
    rows = chosen.trimmed(result.rows)
    pf = from_rows(
        cid,
        name,
        rows,
        truncated=result.truncated,
        verified_only=verified_only,
        collections=chosen.names,
    )
    reports = [r for r in rows if not verified_only or is_verified(r["status"])]
    statuses = [r["status"] for r in rows]

    outcomes: dict[str, dict[str, Any]] = {}
    withheld = 0
    found = run(store, "outcomes_under", chosen.params("outcomes_under", {"unit": cid}))
    truncated = [QUERY_PART["unit_portfolio"]] if result.truncated else []
    truncated += [QUERY_PART["outcomes_under"]] if found.truncated else []
    for r in chosen.trimmed(found.rows):
        o = outcomes.get(r["fact_id"])
        if o is None:
            o = outcomes[r["fact_id"]] = {**r, "initiatives": []}
            statuses.append(r["status"])
        if r["initiative_id"]:
            # a link is stated with its figure: with verified_only, a confirmed link of a
            # figure not listed is no fact the briefing states (it was counted as one)
            shown = not verified_only or is_verified(r["status"])
            statuses.append(r["link_status"] if shown else None)
            withheld += not shown and is_verified(r["link_status"])
            if not verified_only or is_verified(r["link_status"]):
                o["initiatives"].append(r["initiative"])
    outcome_rows = sorted(
        (o for o in outcomes.values() if not verified_only or is_verified(o["status"])),
        key=lambda o: (o["depth"], o["unit"] or "", o["period"] or "", o["metric"] or ""),
    )

    people: dict[tuple[str, str], dict[str, Any]] = {}
    found = run(store, "people_under", chosen.params("people_under", {"unit": cid}))
    truncated += [QUERY_PART["people_under"]] if found.truncated else []
    for r in chosen.trimmed(found.rows):
        statuses.append(r["status"])
        if verified_only and not is_verified(r["status"]):
            continue
        p = people.setdefault((r["unit_id"], r["person_id"]), {**r, "titles": [], "doc_ids": []})
        if r["title"] and r["title"] not in p["titles"]:
            p["titles"].append(r["title"])
        p["doc_ids"] = list(dict.fromkeys([*p["doc_ids"], *(r["doc_ids"] or ())]))

    # the documents behind what it states: the figures' (cited by number), then the latest
    # reports', then the people's
    latest = sorted(reports, key=lambda r: r.get("date") or "", reverse=True)
    doc_ids = list(
        dict.fromkeys(
            d
            for group in (outcome_rows, latest, people.values())
            for row in group
            for d in row.get("doc_ids") or ()
        )
    )
    sources = newest_first(source_documents(store, doc_ids[:MAX_SOURCES]))
    levels: dict[str, list[int]] = {}
    reporting = {r["unit_id"] for r in reports}
    tribunals = [u["unit_id"] for u in under if u["level"] == "tribunal"]
    listed = rostered(store, tribunals)
    uncounted = frozenset(t for t in tribunals if t not in listed)
    for u in under:
        if u["unit_id"] in uncounted:
            continue  # named by an article only: no roster counts it
        acc = levels.setdefault(u["level"] or "", [0, 0])
        acc[0] += u["unit_id"] in reporting
        acc[1] += 1
    return UnitBriefing(
        court_id=cid,
        court=name,
        level=props.get("level"),
        portfolio=pf,
        levels=[(lvl, a, n) for lvl, (a, n) in sorted(levels.items(), key=lambda kv: _rank(kv[0]))],
        reports=reports,
        outcomes=outcome_rows,
        people=list(people.values()),
        sources=sources,
        sources_truncated=len(doc_ids) > MAX_SOURCES,
        truncated=truncated,
        uncounted=uncounted,
        source_count=len(doc_ids),
        check=FactCheck.of(statuses, verified_only=verified_only),
        withheld=withheld,
        outcomes_unverified=len(outcomes) - len(outcome_rows),
        collections=chosen.names,
    )


# ------------------------------------------------------------------------------------------
# Rows of the tables, shared by the report and the deck


#: what each query reads, for saying which part a row limit cut short
QUERY_PART = {
    "unit_portfolio": "推行举措的报道",
    "outcomes_under": "成效数据",
    "people_under": "人员",
}

#: stage names short enough for a slide's table cell
_STAGE_SHORT = {**STAGE_LABEL, "promoted": "推广"}


def _units_cell(stages: dict[str, tuple[str | None, str | None]], *, compact: bool) -> str:
    """'3（推行 2、试点 1）' for the units under the court reporting an initiative (on a
    slide, `compact`: '3（推行2、试点1）')."""
    if not stages:
        return "—"
    counts = [(s, sum(st == s for st, _ in stages.values())) for s in STAGE_ORDER]
    if compact:
        parts = "、".join(f"{_STAGE_SHORT[s]}{n}" for s, n in counts if n)
    else:
        parts = "、".join(f"{STAGE_LABEL[s]} {n}" for s, n in counts if n)
    return f"{len(stages)}（{parts}）"


def initiative_rows(b: UnitBriefing, *, compact: bool = False) -> list[tuple[str, list[str]]]:
    """(category, [举措, 本院, 下级单位, 最早报道]) in the portfolio's order."""
    out = []
    for cat, items in b.portfolio.groups():
        for it in items:
            own = (
                STAGE_LABEL[it.own] + (f" {it.own_date_shown()}" if it.own_date else "")
                if it.own
                else "—"
            )
            out.append(
                (
                    cat,
                    [
                        it.initiative,
                        own,
                        _units_cell(it.units, compact=compact),
                        it.first_date_shown() or "未注明",
                    ],
                )
            )
    return out


def _refs(b: UnitBriefing, doc_ids: list[str] | None, *, deck: bool = False) -> str:
    """'[2] [5]': the numbers of these documents in the source list (a line may break
    between them, never inside one), the first three and 等; on a slide the first."""
    numbers = {d["doc_id"]: i for i, d in enumerate(b.sources, 1)}
    found = sorted({numbers[d] for d in doc_ids or () if d in numbers})
    most = 1 if deck else 3
    return " ".join(f"[{n}]" for n in found[:most]) + ("等" if len(found) > most else "")


def outcomes_unlisted(b: UnitBriefing) -> str:
    """What the briefing says under 报告的成效数据 when it lists no figures or not all."""
    n = b.outcomes_unverified
    if not n:
        return "所收文档没有本院及下级单位报告的数据。"
    if not b.outcomes:
        return f"文档中本院及下级单位报告的 {n} 项数据尚未核实，未列出。"
    return f"另有 {n} 项数据尚未核实，未列出。"


def outcome_conflicts(b: UnitBriefing) -> Conflicts:
    """The figures another figure of the same unit, metric, scope and period contradicts
    (a corrected copy of an article keeps both): marked in the table, said under it."""
    whats = [
        f"{whose(o, own=o['unit_id'] == b.court_id)}{o['metric'] or ''}"
        f"（{period_zh(o.get('period'))}）"
        for o in b.outcomes
    ]
    return conflicts(b.outcomes, whats, [_refs(b, o.get("doc_ids")) for o in b.outcomes])


def outcome_rows(b: UnitBriefing, *, deck: bool = False) -> list[list[str]]:
    """[单位, 指标, 数值, 期间, 相关举措, 来源]: the court's own figures first; 单位 is 本院,
    a unit's short name, or the area a figure covers (辽宁省本溪市全市法院) when the text gives
    it one; a figure another copy reports differently says 数字冲突① under its value
    (`outcome_conflicts`)."""
    out = []
    marked = outcome_conflicts(b)
    for i, o in enumerate(b.outcomes):
        out.append(
            [
                whose(o, own=o["unit_id"] == b.court_id),
                o["metric"] or "",
                marked.cell(i, outcome_value(o)),
                # a long span breaks after 至, never inside a date
                period_zh(o.get("period")).replace(" 至 ", " 至\n"),
                "、".join(o["initiatives"]) or "—",
                _refs(b, o.get("doc_ids"), deck=deck),
            ]
        )
    return out


def people_rows(b: UnitBriefing, *, deck: bool = False) -> list[list[str]]:
    """[单位, 姓名, 职务, 来源]: the court's own people first."""
    return [
        [
            "本院" if p["unit_id"] == b.court_id else short_court_name(p["unit"] or ""),
            p["person"] or "",
            "、".join(p["titles"]) or "—",
            _refs(b, p.get("doc_ids"), deck=deck),
        ]
        for p in b.people
    ]


def _left_out(total: int, shown: int, unit: str, what: str = "", *, deck: bool = False) -> str:
    """'共 120 项数据，列出前 96 项，其余未列出。' ('' when all are shown)."""
    if total <= shown:
        return ""
    more = "（Word 简报列出更多）" if deck else ""
    return f"共 {total} {unit}{what}，列出前 {shown} {unit}，其余未列出{more}。"


# ------------------------------------------------------------------------------------------
# Word


def to_docx(b: UnitBriefing) -> bytes:
    r = Report(f"{b.short} 改革举措推行情况简报")
    r.title(f"{b.short}改革举措推行情况简报")
    checked = f"{b.checked_note()}；" if b.checked_note() else ""
    below = f"及下级 {b.units_below} 个单位" if b.units_below else ""
    chosen = "".join(f"{n}；" for n in collections_note(b.collections))
    r.para(
        f"范围：{b.court}{below}；{chosen}数据截至 {b.generated}；{checked}courtgraph 依据所收"
        "文档整理，未收录的报道不在其中。",
        10.5,
    )
    r.section("基本情况")
    for line in b.headline():
        r.para(line)
    if b.portfolio.items:
        r.para("各阶段的举措和单位：", 10.5, keep=True)
        r.table(
            ["阶段", "举措（项）", "单位数（按举措累计）"],
            [[STAGE_LABEL[s], str(n), str(p)] for s, n, p in b.stage_counts() if n],
            widths=[3, 4, 8.8],
        )
    if b.units_below:
        own = [
            f"{LEVEL_ZH.get(b.level or '', b.level or '')}（本院）",
            "1",
            "1" if b.court_id in b.reporting_units() else "0",
        ]
        r.para("各层级单位有推行举措报道的情况：", 10.5, keep=True)
        r.table(
            ["层级", "单位数", "有报道的单位", "占比"],
            [
                [*own, percent(int(own[2]))],
                *(
                    [LEVEL_ZH.get(lvl, lvl or "其他"), str(n), str(a), percent(a / n) if n else "—"]
                    for lvl, a, n in b.levels
                ),
            ],
        )
    r.section("改革举措一览")
    if b.portfolio.items:
        if b.portfolio_rows() > NARROW_PORTFOLIO_ROWS:
            r.landscape_picture(b.portfolio_png(narrow=False), f"{b.short}改革举措一览图（见下页）")
        else:
            r.picture(b.portfolio_png(narrow=True))
    else:
        r.para("所收文档没有推行改革举措的报道。", 10.5)
    r.section("举措清单（按类别）")
    if b.portfolio.items:
        r.para(
            "“本院”为该单位自身报道的阶段及最早日期；“下级单位”为有报道的下级单位数及其阶段；"
            "“最早报道”为本院及下级单位最早的开展日期。",
            10.5,
            keep=True,
        )
        rows_: list[list[str] | str] = []
        last = None
        for cat, row in initiative_rows(b):
            if cat != last:
                n = next(len(items) for c, items in b.portfolio.groups() if c == cat)
                rows_.append(f"{cat}（{n} 项）")
                last = cat
            rows_.append(row)
        r.table(["举措", "本院", "下级单位", "最早报道"], rows_, widths=[4.4, 4.2, 4.6, 2.6])
    else:
        r.para("（无）", 10.5)
    r.section("报告的成效数据")
    r.para(REPORTED_NOTE + "“来源”为文末资料来源的编号。", 10.5, keep=True)
    rows = outcome_rows(b)
    if rows:
        if len(rows) > MAX_OUTCOME_ROWS:
            r.para(_left_out(len(rows), MAX_OUTCOME_ROWS, "项", "数据"), 10.5, keep=True)
        r.table(
            ["单位", "指标", "数值", "期间", "相关举措", "来源"],
            rows[:MAX_OUTCOME_ROWS],
            widths=[2.5, 3.1, 2.3, 3.3, 3.0, 1.6],
        )
        figures = [
            (
                f"{row[0]}{row[1]}（{row[3]}）".replace(" 至\n", " 至 "),
                outcome_value(o),
                o.get("doc_ids") or [],
            )
            for row, o in zip(rows, b.outcomes, strict=True)
        ]
        for line in outcome_conflicts(b).notes:  # ① each figure another copy gives otherwise
            r.para(line, 10.5)
        if note := versions_note(b.sources, figures):
            r.para(note, 10.5)
    if b.outcomes_unverified or not rows:
        r.para(outcomes_unlisted(b), 10.5)
    if b.people:
        r.section("人员及职务")
        r.para("文档中提到的本院及下级单位人员及其职务，以报道时为准。", 10.5, keep=True)
        rows = people_rows(b)
        if len(rows) > MAX_PEOPLE_ROWS:
            r.para(_left_out(len(rows), MAX_PEOPLE_ROWS, "人次"), 10.5, keep=True)
        r.table(
            ["单位", "姓名", "职务", "来源"], rows[:MAX_PEOPLE_ROWS], widths=[4.0, 3.0, 6.0, 2.8]
        )
    r.section("资料来源")
    if b.collections:
        r.para(f"以下均为文档集{'、'.join(f'「{n}」' for n in b.collections)}中的文档。", 10.5)
    r.sources(source_lines(b.sources) or ["（无）"])
    return r.save()


# ------------------------------------------------------------------------------------------
# PowerPoint


def to_pptx(b: UnitBriefing) -> bytes:
    from figures.deck import Deck

    deck = Deck(f"{b.short} 改革举措推行情况", generated=b.generated, demo=b.demo())
    only = "（仅含已核实的事实）" if b.check.verified_only else ""
    chosen = "".join(f"{n} · " for n in collections_note(b.collections))
    deck.title_slide(
        f"{b.short}改革举措推行情况", f"{b.scope()} · {chosen}数据截至 {b.generated}{only}"
    )
    deck.text_slide("基本情况", b.headline())
    checked = f"{b.checked_note()}。\n" if b.checked_note() else ""
    whose = f"（文档集：{'、'.join(b.collections)}）" if b.collections else ""
    sources_note = f"资料来源{whose}：\n" + "\n".join(source_lines(b.sources))
    if b.portfolio.items:
        deck.picture_slide(
            f"{b.short} · 改革举措一览",
            b.portfolio_png(narrow=b.portfolio_rows() <= NARROW_SLIDE_ROWS),
            notes="“本院”为该单位自身报道的阶段；下级单位按其报道的阶段计；日期为最早的报道"
            f"日期。\n{checked}{sources_note}",
            marked=True,
        )
    if b.levels:
        deck.chart_slide(
            "各层级有推行举措报道的单位",
            [LEVEL_ZH.get(lvl, lvl or "其他") for lvl, _, _ in b.levels],
            {"有报道": [a for _, a, _ in b.levels], "尚无报道": [n - a for _, a, n in b.levels]},
            kind="stacked",
            notes=f"数据可在 PowerPoint 中编辑：右键图表 → 编辑数据。\n{sources_note}",
            colours=("#2e7d32", "#c8c8c8"),
            y_title=COUNT_AXIS,
            caption=source_caption(b.sources),
        )
    if b.portfolio.items:
        grouped = initiative_rows(b, compact=True)
        n = per_slide(len(grouped[:DECK_ROWS]), DECK_TABLE_ROWS)
        table = []
        for i, (cat, row) in enumerate(grouped[:DECK_ROWS]):
            # a category is named once per slide
            same = i % n and grouped[i - 1][0] == cat
            table.append(["" if same else cat, *row])
        deck.table_slides(
            "举措清单（按类别）",
            ["类别", "举措", "本院", "下级单位", "最早报道"],
            table,
            widths=[1.4, 3.0, 1.9, 3.0, 1.2],
            per_slide=n,
            notes=_left_out(len(grouped), DECK_ROWS, "项", "举措") + checked + sources_note,
        )
    rows = outcome_rows(b, deck=True)
    if rows:
        clash = outcome_conflicts(b).note()
        deck.table_slides(
            "报告的成效数据（单位自述，未经核实）",
            ["单位", "指标", "数值", "期间", "相关举措", "来源"],
            rows[:DECK_OUTCOME_ROWS],
            widths=[1.6, 2.8, 1.3, 2.3, 2.3, 0.8],
            per_slide=per_slide(len(rows[:DECK_OUTCOME_ROWS]), DECK_TABLE_ROWS),
            notes=_left_out(len(rows), DECK_OUTCOME_ROWS, "项", "数据", deck=True)
            + (f"{clash}\n" if clash else "")
            + checked
            + sources_note,
        )
        if clash:  # on a slide of its own: the audience sees it, not only the presenter
            deck.text_slide("成效数据中的数字冲突", clash.splitlines(), notes=sources_note)
    if b.people:
        rows = people_rows(b, deck=True)
        deck.table_slides(
            "人员及职务",
            ["单位", "姓名", "职务", "来源"],
            rows[:DECK_PEOPLE_ROWS],
            widths=[2.2, 1.6, 3.6, 1.0],
            per_slide=per_slide(len(rows[:DECK_PEOPLE_ROWS])),
            notes=_left_out(len(rows), DECK_PEOPLE_ROWS, "人次", deck=True) + sources_note,
        )
    deck.text_slide("资料来源", source_lines(b.sources)[:20] or ["（无）"], notes=sources_note)
    return deck.save()
