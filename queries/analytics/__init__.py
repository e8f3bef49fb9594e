"""Adoption analytics: how initiatives spread, where coverage is missing, panel data.

Everything here is computed from named queries (registered below, so the CLI, the app and the
benchmark see them) plus networkx. Figures are what the documents report: an adoption date is
the first date a document gives, and `date_precision == "document"` marks a date that is only
the document's own date, not a date the text gives for the adoption.

CLI: `python -m queries.analytics timeline|coverage|provinces|co-adoption|outcomes|panel|events`.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.errors import BadParameter, CourtgraphError
from graph.export import join_list
from graph.model import LEVELS
from queries.library import (
    ADOPTION_COLUMNS,
    COLLECTIONS,
    OUTCOME_COLUMNS,
    STAGE_SEQUENCE,
    STATUS_ORDER,
    VERIFIED,
    VERIFIED_FIGURE,
    docs_in_collections,
    in_collections,
    is_verified,
    mark_conflicts,
    scope_of,
    status_of,
)
from queries.registry import (
    MAX_ID_LIST,
    NamedQuery,
    Param,
    Plan,
    register,
    resolve_entity,
    run,
)

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

    from graph.store import GraphStore

# One definition of "adopted" everywhere (timeline, coverage, province table, co-adoption,
# early adopters, panel): the documents report the unit at any stage of an initiative
# (adopted, piloted, promoted: a court deploying a reform runs it too, awarded), and its
# adoption date is the earliest date reported for any of them. Every table keeps the stages,
# and the timeline marks promotions by higher courts as endorsements, so a user who wants
# another definition can filter. The store's adoption summary follows the same rule.
_LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}

_EVENT_COLUMNS = (*ADOPTION_COLUMNS, "scope", "doc_ids", "fact_id", "status")

#: review statuses of a verified fact (a reviewer confirmed or corrected it; graph.review)
VERIFIED_STATUSES = frozenset({"confirmed", "corrected"})


def checked(status: str | None) -> bool:
    """Whether a fact of this review status is verified (no status: 待核实, not verified)."""
    return status in VERIFIED_STATUSES


class Tally(NamedTuple):
    """The facts (ADOPTED / REPORTED relationships) an answer stands on: how many, how many
    of them no reviewer confirmed or corrected, and whether the answer leaves those out.
    The same three numbers as `queries.verified.FactCheck`, whose `note()` words them
    (`FactCheck(*tally).note()`)."""

    facts: int = 0
    unverified: int = 0
    verified_only: bool = False

    @classmethod
    def of(cls, statuses: Iterable[str | None], *, verified_only: bool = False) -> Tally:
        seen = list(statuses)
        return cls(len(seen), sum(not checked(x) for x in seen), verified_only)

    def plus(self, other: Tally) -> Tally:
        return Tally(
            self.facts + other.facts,
            self.unverified + other.unverified,
            self.verified_only or other.verified_only,
        )


ADOPTION_EVENTS = register(
    NamedQuery(
        name="adoption_events",
        title="举措推行事件表",
        description="Every reported adoption of one initiative (or of all when none is given): "
        "unit, stage, first date, its precision, the supporting documents (of the chosen "
        "collections, when some are) and the review "
        "status (extracted = 待核实, confirmed, corrected).",
        cypher="""
MATCH (i:Initiative)
WHERE $initiative = '' OR i.id = $initiative
MATCH (i)<-[a:ADOPTED]-(u:Entity)
WHERE IN_COLLECTIONS AND IS_VERIFIED
WITH i, collect([u.id, u.name, u.kind, u.level, u.province, u.city, a.stage, a.date,
                 a.date_precision, a.scope, DOCS, a.fact_id,
                 coalesce(a.review_status, 'extracted')]) AS packed
RETURN i.id AS initiative_id, i.name AS initiative, packed
""".replace("IN_COLLECTIONS", in_collections("a"))
        .replace("IS_VERIFIED", is_verified("a"))
        .replace("DOCS", docs_in_collections("a")),
        params=(
            Param("initiative", "entity", "改革举措", label="Initiative"),
            COLLECTIONS,
            VERIFIED,
        ),
        # one text and one set of parameter types, one initiative or all
        absent={"initiative": ""},
        row_limit=200000,
        packed=_EVENT_COLUMNS,
        postprocess=lambda rows, _p: sorted(
            rows, key=lambda r: (r["initiative"], r["date"] or "9999", r["unit"] or "")
        ),
    )
)

UNIT_TOTALS = register(
    NamedQuery(
        name="unit_totals",
        title="各省各级法院数量",
        description="How many courts and tribunals each province has at each level (the "
        "denominators of coverage).",
        cypher="""
MATCH (c:Court)
RETURN c.province AS province, c.level AS level, count(c) AS units
ORDER BY province, level
""",
        row_limit=2000,
    )
)

_UNIT_COLUMNS = (
    "unit_id",
    "name",
    "kind",
    "level",
    "province",
    "city",
    "doc_years",
    "doc_year_counts",
)


UNITS = register(
    NamedQuery(
        name="units",
        title="法院与法庭名录（含各年提及文档数）",
        description="Every court and tribunal (optionally of one province) with level, place "
        "and the number of documents per year that mention it (doc_years / doc_year_counts, "
        "kept by the store as a summary): the units of the unit-year panel.",
        cypher="""
MATCH (u:Entity)
WHERE (u:Court OR u:Tribunal) AND ($province = '' OR u.province = $province)
RETURN collect([u.id, u.name, u.kind, u.level, u.province, u.city, coalesce(u.doc_years, []),
                coalesce(u.doc_year_counts, [])]) AS packed
""",
        params=(Param("province", "text", "省份", help="例如 辽宁省"),),
        # one text and one set of parameter types, one province or all
        absent={"province": ""},
        row_limit=200000,
        packed=_UNIT_COLUMNS,
        postprocess=lambda rows, _p: sorted(rows, key=lambda r: r["unit_id"]),
    )
)

COURT_PLACES = register(
    NamedQuery(
        name="court_places",
        title="各法院所在省份与层级",
        description="Every court with a province: its id, province and level (where a court "
        "is, without the per-year document counts of `units`: what counting courts by province "
        "and level needs).",
        cypher="""
MATCH (c:Court)
WHERE c.province IS NOT NULL
RETURN collect([c.id, c.province, c.level]) AS packed
""",
        row_limit=200000,
        packed=("court_id", "province", "level"),
        postprocess=lambda rows, _p: sorted(rows, key=lambda r: r["court_id"]),
    )
)

ADOPTION_SUMMARY = register(
    NamedQuery(
        name="adoption_summary",
        title="各举措的采用单位一览",
        description="Per initiative: every unit reported at any stage, its stages (joined by "
        "|) and its earliest reported date, in parallel lists kept by the store as a summary "
        "(the fast way to read all adoptions of a large graph), and how many adoption facts "
        "it stands on and how many of them no reviewer confirmed or corrected.",
        cypher="""
MATCH (s:AdoptionSummary)
WHERE $initiative = '' OR s.id = $initiative
RETURN s.id AS initiative_id, s.initiative AS initiative, s.units AS units,
       s.stages AS stages, s.dates AS dates, s.fact_count AS facts,
       s.fact_count - s.checked_count AS unverified
ORDER BY initiative_id
""",
        params=(Param("initiative", "entity", "改革举措", label="Initiative"),),
        # one text and one set of parameter types, one initiative or all
        absent={"initiative": ""},
        row_limit=100000,
        plain=True,
    )
)

ADOPTION_TALLY = register(
    NamedQuery(
        name="adoption_tally",
        title="推行事实的核实情况",
        description="How many adoptions (ADOPTED facts) one initiative, or all, has (optionally "
        "from chosen collections' documents) and how many of them no reviewer confirmed or "
        "corrected: the footnote of the answers read from the adoption summary.",
        cypher="""
MATCH (i:Initiative)
WHERE $initiative = '' OR i.id = $initiative
MATCH (i)<-[a:ADOPTED]-(:Entity)
WHERE IN_COLLECTIONS
RETURN count(a) AS facts,
       sum(CASE WHEN a.review_status IN ['confirmed', 'corrected'] THEN 0 ELSE 1 END)
         AS unverified
""".replace("IN_COLLECTIONS", in_collections("a")),
        # every document counts: the sums the store's adoption summary keeps (reading every
        # adoption of a national graph takes a second)
        variants={
            "summary": """
MATCH (s:AdoptionSummary)
WHERE ($initiative = '' OR s.id = $initiative) AND $collections IS NULL
      AND $collections_docs IS NOT NULL
RETURN sum(s.fact_count) AS facts, sum(s.fact_count - s.checked_count) AS unverified
"""
        },
        plan=lambda _store, params: Plan(None if params.get("collections") else "summary"),
        params=(Param("initiative", "entity", "改革举措", label="Initiative"), COLLECTIONS),
        # one text and one set of parameter types, one initiative or all
        absent={"initiative": ""},
        row_limit=1,
    )
)


class Adoption(NamedTuple):
    """One unit's adoption of one initiative (a tuple: a national graph has 120,000)."""

    stages: frozenset[str]
    date: str  # earliest reported date, "" when none is known


Adoptions = dict[str, tuple[str, dict[str, Adoption]]]


def _adoptions(
    store: GraphStore,
    initiatives: Sequence[str] | None = None,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    count: bool = True,
) -> tuple[Adoptions, Tally]:
    """initiative id -> (name, unit id -> Adoption), and the facts they stand on.

    Read from the store's adoption summary when every document and every fact counts (the
    fast way); from the facts themselves when `collections` are chosen (a fact counts when
    one of its documents is in them) or `verified_only` (confirmed or corrected facts only).
    `count` is kept for callers that need no tally (the summary carries its counts)."""
    found, tallies = _adoptions_tallied(
        store, initiatives, collections=collections, verified_only=verified_only
    )
    tally = Tally(verified_only=verified_only)
    for each in tallies.values():
        tally = tally.plus(each)
    return found, tally


def adoptions(
    store: GraphStore,
    initiatives: Sequence[str] | None = None,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> tuple[Adoptions, Tally]:
    """Every reported adoption of `initiatives` (ids; None: all) as initiative id -> (name,
    unit id -> Adoption), and the facts they stand on: read once and handed to
    `co_adoption` and `early_adopters` (`adoptions=`), which then read nothing."""
    return _adoptions(store, initiatives, collections=collections, verified_only=verified_only)


def _adoptions_tallied(
    store: GraphStore,
    initiatives: Sequence[str] | None = None,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    units_only: bool = False,
) -> tuple[Adoptions, dict[str, Tally]]:
    """`_adoptions` with the facts counted per initiative (initiative id -> Tally).
    `units_only`: for callers that only count or look up the units, a unit may map to None
    instead of its Adoption where the summary is read (120,000 tuples not made)."""
    wanted = [None] if initiatives is None else list(initiatives)
    out: Adoptions = {}
    tallies: dict[str, Tally] = {}
    if not collections and not verified_only:
        # a few distinct stage strings ("adopted", "adopted|piloted" …): each split once
        stage_sets: dict[str | None, frozenset[str]] = {}
        for iid in wanted:
            for r in run(store, "adoption_summary", {"initiative": iid}).rows:
                # the summary's own sums (what `adoption_tally` adds up without collections)
                tallies[r["initiative_id"]] = Tally(r["facts"] or 0, r["unverified"] or 0)
                units, unit_stages, unit_dates = (
                    r["units"] or [],
                    r["stages"] or [],
                    r["dates"] or [],
                )
                if units_only:
                    out[r["initiative_id"]] = (r["initiative"], dict.fromkeys(units))  # type: ignore[assignment]
                    continue
                for s in set(unit_stages) - stage_sets.keys():
                    stage_sets[s] = _stages(s)
                # built in C (map, zip, tuple.__new__): a national graph has 120,000
                # adoptions, and a Python call per Adoption took a quarter of a second
                per = dict(
                    zip(
                        units,
                        map(
                            partial(tuple.__new__, Adoption),
                            zip(
                                map(stage_sets.__getitem__, unit_stages),
                                [d or "" for d in unit_dates],
                                strict=True,
                            ),
                        ),
                        strict=True,
                    )
                )
                out[r["initiative_id"]] = (r["initiative"], per)
        return out, tallies
    rows = [r for iid in wanted for r in events_of(store, iid, collections=collections)]
    statuses: dict[str, list[str | None]] = defaultdict(list)
    stages: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    for r in rows:
        statuses[r["initiative_id"]].append(r["status"])
        if verified_only and not checked(r["status"]):
            continue
        key = (r["initiative_id"], r["unit_id"])
        names[r["initiative_id"]] = r["initiative"]
        stages[key].add(r["stage"])
        date, old = r["date"] or "", dates.get(key)
        if old is None or (date and (not old or date < old)):  # the earliest given
            dates[key] = date
    for (iid, unit), found in stages.items():
        out.setdefault(iid, (names[iid], {}))[1][unit] = Adoption(
            frozenset(found), dates[iid, unit]
        )
    tallies = {iid: Tally.of(found, verified_only=verified_only) for iid, found in statuses.items()}
    return out, tallies


def _stages(joined: str | None) -> frozenset[str]:
    return frozenset(joined.split("|")) if joined else frozenset()


def units_per_initiative(
    store: GraphStore,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> dict[str, int]:
    """initiative id -> units reported at any stage (dated or not), from the facts of
    `collections` and, with `verified_only`, the confirmed or corrected ones only."""
    found, _tally = _adoptions(
        store, collections=collections, verified_only=verified_only, count=False
    )
    return {iid: len(per) for iid, (_name, per) in found.items()}


def events_of(
    store: GraphStore, initiative: str | None, *, collections: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Every adoption of `initiative` (an id; None: of all) with its review status, from the
    documents of `collections` (None: all); an error rather than a silently cut list."""
    result = run(
        store,
        "adoption_events",
        {"initiative": initiative, "collections": _names_or_none(collections)},
    )
    if result.truncated:
        raise CourtgraphError(
            f"more than {result.query.row_limit:,} adoptions to count from the facts; choose "
            "fewer initiatives, or no collections and no 只看已核实 to read the adoption summary"
        )
    return result.rows


def events_table(
    store: GraphStore,
    initiatives: Sequence[str | None],
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> tuple[list[dict[str, Any]], Tally]:
    """The adoption-events table of `initiatives` (ids; [None]: all) and the facts it holds:
    every adoption, or the confirmed and corrected ones only (`verified_only`)."""
    rows = [r for iid in initiatives for r in events_of(store, iid, collections=collections)]
    tally = Tally.of((r["status"] for r in rows), verified_only=verified_only)
    if verified_only:
        rows = [r for r in rows if checked(r["status"])]
    return rows, tally


def _adopter_reports(*, by_units: bool) -> str:
    """The rows `adopter_outcomes` and its index share: an initiative's adopters (of the
    chosen collections; `by_units`: those named in `$units`) and the figures they report (the
    confirmed and corrected ones with 只看已核实, whether or not the adoption is: a corrected
    figure is shown beside an adoption still 待核实, with both statuses), one row per
    initiative a figure is tied to (`j`: with 只看已核实, a tie a reviewer confirmed or
    corrected; an unconfirmed tie is left out, the figure kept)."""
    units = "\n      AND ($units = '' OR u.id IN split($units, ','))" if by_units else ""
    return f"""
MATCH (i:Entity {{id: $initiative}})<-[a:ADOPTED]-(u:Entity)
WHERE {in_collections("a")}{units}
MATCH (u)-[r:REPORTED]->(o:Outcome)
WHERE {in_collections("r")} AND {is_verified("r")}
OPTIONAL MATCH (o)-[l:REPORTED]->(j:Initiative)
WHERE {is_verified("l")}
"""


ADOPTER_OUTCOMES = register(
    NamedQuery(
        name="adopter_outcomes",
        title="采用单位报告的成效数据",
        description="The figures reported by the units that adopted an initiative (or by some "
        "of them: `units`, comma-separated ids), with the initiative each figure is tied to "
        "(if any), its sources, its scope in words (范围: 本院, or the area the text gives it, "
        "e.g. 江西省全省法院) and the review status of the adoption and of the report. "
        "Reported claims, not measured effects.",
        cypher=_adopter_reports(by_units=True)
        + """RETURN collect([u.id, u.name, a.stage, a.date, o.metric, o.value, o.unit_of_measure,
                o.qualifier, o.direction, o.period, SCOPE, j.name, r.doc_ids, r.fact_id, a.fact_id,
                coalesce(a.review_status, 'extracted'),
                coalesce(r.review_status, 'extracted')]) AS packed
""".replace("SCOPE", scope_of("r", "u")),
        params=(
            Param("initiative", "entity", "改革举措", required=True, label="Initiative"),
            Param(
                "units",
                "text",
                "单位 id 列表",
                help="court:…,court:…（逗号分隔；不填：全部采用单位）",
                max_length=MAX_ID_LIST,
            ),
            COLLECTIONS,
            VERIFIED_FIGURE,
        ),
        absent={"units": ""},  # one text and one set of parameter types, some units or not
        # a national initiative's adopters report 30,000 figures
        row_limit=100000,
        packed=(
            "unit_id",
            "unit",
            "stage",
            "adopted_date",
            *OUTCOME_COLUMNS,
            "scope",
            "tied_to",
            "doc_ids",
            "fact_id",
            "adoption_fact_id",
            "adoption_status",
            "status",
        ),
        # a unit's figures come whole (`units` names whole units): its conflicts are all seen
        postprocess=lambda rows, _p: mark_conflicts(
            sorted(one_row_per_figure(rows), key=_outcome_order), by=("unit_id",)
        ),
    )
)


def one_row_per_figure(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of `adopter_outcomes` or its index (one per adoption × figure × initiative the
    figure is tied to) as one per figure and tied initiative: a unit that piloted and then
    adopted the initiative showed each of its figures twice (试点 …, 推行 …). The unit's
    adoptions are joined: `stages` in the order first reported, `adopted_date` the first,
    `adoption_fact_ids` and `adoption_statuses` every one (the facts a table stands on), and
    `adoption_fact_id` / `adoption_status` the most verified of them (a figure is shown with
    只看已核实 when one of its unit's adoptions is verified)."""
    ordered = sorted(
        rows,
        key=lambda r: (
            r.get("adopted_date") is None,
            r.get("adopted_date") or "",
            STAGE_SEQUENCE.index(r["stage"]) if r.get("stage") in STAGE_SEQUENCE else 9,
        ),
    )
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in ordered:
        key = (r["unit_id"], r["fact_id"], r.get("tied_to"))
        row = out.get(key)
        if row is None:
            row = out[key] = {k: v for k, v in r.items() if k != "stage"}
            row.update(adoption_fact_ids=[], adoption_statuses=[])
            if "stage" in r:
                row["stages"] = []
        if r["adoption_fact_id"] not in row["adoption_fact_ids"]:
            row["adoption_fact_ids"].append(r["adoption_fact_id"])
            row["adoption_statuses"].append(r["adoption_status"])
        if "stage" in r and r["stage"] not in row["stages"]:
            row["stages"].append(r["stage"])
    for row in out.values():
        best = max(
            range(len(row["adoption_statuses"])),
            key=lambda i: (
                STATUS_ORDER.index(s) if (s := row["adoption_statuses"][i]) in STATUS_ORDER else -1
            ),
        )
        row["adoption_fact_id"] = row["adoption_fact_ids"][best]
        row["adoption_status"] = row["adoption_statuses"][best]
    return list(out.values())


def _outcome_order(r: dict[str, Any]) -> tuple[str, ...]:
    """The order of the adopters' figures: by unit (name, then id), metric and period."""
    return (r["unit"] or "", r["unit_id"] or "", r["metric"] or "", r["period"] or "")


ADOPTER_OUTCOME_INDEX = register(
    NamedQuery(
        name="adopter_outcome_index",
        title="采用单位报告成效数据的索引",
        description="One row per row of `adopter_outcomes` (the same facts, in any order; "
        "an outcome tied to two initiatives is two rows in both) "
        "without the figures themselves: the unit, the sources and the two facts with their "
        "review status. What the totals of the adopters' figures are counted from, and which "
        "units fill the first page, without reading every figure.",
        cypher=_adopter_reports(by_units=False)
        + """RETURN collect([u.id, u.name, r.doc_ids, r.fact_id, j.name, a.fact_id,
                coalesce(a.review_status, 'extracted'),
                coalesce(r.review_status, 'extracted')]) AS packed
""",
        params=(
            Param("initiative", "entity", "改革举措", required=True, label="Initiative"),
            COLLECTIONS,
            VERIFIED_FIGURE,
        ),
        row_limit=400000,
        packed=(
            "unit_id",
            "unit",
            "doc_ids",
            "fact_id",
            "tied_to",
            "adoption_fact_id",
            "adoption_status",
            "status",
        ),
        postprocess=lambda rows, _p: one_row_per_figure(rows),
    )
)


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


# -- timeline -------------------------------------------------------------------------------
_ITEM = ("unit_id", "unit", "level", "province", "stage", "date", "date_precision", "doc_ids")


@dataclass
class Timeline:
    initiative: str
    first: list[dict[str, Any]]  # per unit with a dated report: first date, stage, precision
    endorsements: list[dict[str, Any]]  # promoted by a (higher) court
    cumulative: list[tuple[str, int]]  # (YYYY-MM, units adopted so far)
    by_year: dict[int, int]  # units by the year of their first dated report
    by_province: dict[str, int]  # every unit reported, dated or not
    by_level: dict[str, int]  # every unit reported, dated or not
    undated: list[dict[str, Any]] = field(default_factory=list)  # reports without a date
    tally: Tally = Tally()  # the facts it stands on

    @property
    def undated_units(self) -> list[dict[str, Any]]:
        """One report per unit that no dated report names: units the curve cannot place."""
        dated = {u["unit_id"] for u in self.first}
        out: dict[str, dict[str, Any]] = {}
        for u in self.undated:
            if u["unit_id"] not in dated:
                out.setdefault(u["unit_id"], u)
        return sorted(out.values(), key=lambda u: u["unit"] or "")

    @property
    def document_dated(self) -> int:
        """Units whose first date is only their article's (the text names no time): counted
        at the day of the report, the latest they can have started."""
        return sum(u.get("date_precision") == "document" for u in self.first)

    @property
    def units(self) -> int:
        """Every unit reported at any stage, dated or not (the headline)."""
        return len(self.first) + len(self.undated_units)

    def sequence(self) -> list[dict[str, Any]]:
        """Pilots, endorsements and adoptions in date order: the pilot → promotion → spread
        story where the graph shows it."""
        events = [{**e, "event": "endorsed"} for e in self.endorsements if e["date"]]
        for u in self.first:
            if u["stage"] != "promoted":  # a first report that is a promotion is shown above
                events.append({**u, "event": "piloted" if u["stage"] == "piloted" else "adopted"})
        return sorted(events, key=lambda e: (e["date"], e["event"] != "piloted", e["unit"]))


def _by_article(row: dict[str, Any]) -> bool:
    """A date known only from the document's own date (drawn hollow)."""
    return row.get("date_precision") == "document"


def timeline_from_events(
    name: str, rows: Iterable[dict[str, Any]], *, tally: Tally | None = None
) -> Timeline:
    """The timeline of rows of the named query `adoption_events`: each unit at its earliest
    reported date, a promotion marked (and counted), reports without a date kept apart but
    counted in the province and level tallies, as every adopter is."""
    first: dict[str, dict[str, Any]] = {}
    endorsements: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for r in rows:
        item = {k: r[k] for k in _ITEM}
        if r["stage"] == "promoted":  # marked on the timeline; it counts as adopting too
            endorsements.append(item)
        if not r["date"]:
            undated.append(item)
            continue
        old = first.get(r["unit_id"])
        # on the same date a date from the text beats the article's own (solid, not hollow),
        # whichever row the query gives first
        if old is None or (r["date"], _by_article(r)) < (old["date"], _by_article(old)):
            first[r["unit_id"]] = item
    firsts = sorted(first.values(), key=lambda x: (x["date"], x["unit"] or ""))
    months = Counter(u["date"][:7] for u in firsts)
    total, cumulative = 0, []
    for month in sorted(months):
        total += months[month]
        cumulative.append((month, total))
    tl = Timeline(
        initiative=name,
        first=firsts,
        endorsements=sorted(endorsements, key=lambda x: (x["date"] or "9999", x["unit"] or "")),
        cumulative=cumulative,
        by_year=dict(sorted(Counter(y for u in firsts if (y := _year(u["date"]))).items())),
        by_province={},
        by_level={},
        undated=undated,
        tally=tally or Tally(),
    )
    everyone = [*firsts, *tl.undated_units]
    tl.by_province = dict(Counter(u["province"] or "未知" for u in everyone).most_common())
    tl.by_level = dict(
        sorted(
            Counter(u["level"] or "未知" for u in everyone).items(),
            key=lambda kv: _LEVEL_ORDER.get(kv[0], 9),
        )
    )
    return tl


def timeline(
    store: GraphStore,
    initiative: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> Timeline:
    """The diffusion of one initiative: first reported adoption per unit and the curves
    (`collections`: only adoptions the documents of these collections report;
    `verified_only`: only adoptions a reviewer confirmed or corrected). `Timeline.tally`
    counts the facts it stands on and how many are unverified."""
    iid = resolve_entity(store, initiative, label="Initiative")
    rows = events_of(store, iid, collections=collections)
    name = rows[0]["initiative"] if rows else iid.split(":", 1)[1]
    tally = Tally.of((r["status"] for r in rows), verified_only=verified_only)
    if verified_only:
        rows = [r for r in rows if checked(r["status"])]
    return timeline_from_events(name, rows, tally=tally)


# -- coverage -------------------------------------------------------------------------------
# A unit's coverage state (辖区覆盖), one of three:
#   "adopted"            本院已报道推行: the documents report the unit itself at any stage;
#   "through_tribunals"  下属人民法庭已推行: the unit is a court that reports nothing itself, but
#                        people's tribunals of its own (directly PART_OF it) report it: a
#                        tribunal is the court's dispatched organ (派出法庭), not a court of its
#                        own, so what it runs the court runs in part of its district;
#   "not_reported"       尚未报道推行: neither; the documents gathered say nothing of it, which
#                        does not mean it has not adopted.
# Only tribunals cover their court this way: a basic court is a court of its own, so its
# adoption never makes its intermediate court "covered" (that is what the next level's row
# counts). A level's `adopted` counts own reports only; `covered` adds the courts covered
# through their tribunals, and each share says which it counts.
ADOPTED, THROUGH_TRIBUNALS, NOT_REPORTED = "adopted", "through_tribunals", "not_reported"
COVERAGE_STATE_ZH = {
    ADOPTED: "本院已报道推行",
    THROUGH_TRIBUNALS: "下属人民法庭已推行",
    NOT_REPORTED: "尚未报道推行",
}
#: which units a count of 尚未报道 takes in: the same rule for coverage, maps and briefings
#: (a tribunal an article named but no imported roster lists has no place in any count)
NOT_REPORTED_SCOPE = "计数只含法院和已导入名录的人民法庭"
#: what "尚未报道推行" means, wherever a list of such units is shown
NOT_REPORTED_CAVEAT = f"“尚未报道推行”只表示所收文档中没有看到它推行的报道，不代表它确实没有推行；{NOT_REPORTED_SCOPE}。"


def not_reported_caveat(verified_only: bool = False) -> str:
    """NOT_REPORTED_CAVEAT, or with only verified facts counted, its wording for them."""
    if verified_only:
        return (
            "“尚未报道推行”只表示所收文档中没有看到它推行的已核实报道"
            f"（未核实的不计入），不代表它确实没有推行；{NOT_REPORTED_SCOPE}。"
        )
    return NOT_REPORTED_CAVEAT


_TRIBUNAL_ROWS = """
RETURN DISTINCT b.id AS court_id, t.id AS unit_id, t.name AS unit, a.stage AS stage,
       a.date AS date, STATUS AS status
ORDER BY court_id, unit_id
""".replace("STATUS", status_of("a"))
_TRIBUNALS_UP = (
    (
        """
MATCH (c:Entity {id: $court})
MATCH (i:Entity {id: $initiative})<-[a:ADOPTED]-(t:Entity)
WHERE t.level = 'tribunal' AND IN_COLLECTIONS AND IS_VERIFIED
MATCH (t)-[:PART_OF]->(b:Entity)
MATCH (b)-[:PART_OF*0..3]->(c)"""
        + _TRIBUNAL_ROWS
    )
    .replace("IN_COLLECTIONS", in_collections("a"))
    .replace("IS_VERIFIED", is_verified("a"))
)
_TRIBUNALS_DOWN = (
    (
        """
MATCH (c:Entity {id: $court})
MATCH (c)<-[:PART_OF*0..3]-(b:Entity)<-[:PART_OF]-(t:Entity)
WHERE t.level = 'tribunal'
MATCH (t)-[a:ADOPTED]->(i)
WHERE i.id = $initiative AND IN_COLLECTIONS AND IS_VERIFIED"""
        + _TRIBUNAL_ROWS
    )
    .replace("IN_COLLECTIONS", in_collections("a"))
    .replace("IS_VERIFIED", is_verified("a"))
)


def _tribunals_direction(store: GraphStore, params: dict[str, Any]) -> Plan:
    """Under the supreme court every tribunal of the country is below, and walking up from
    the initiative's adopters is the short way; under any other court the few hundred units
    below it are fewer than a popular initiative's thousands of adopters (a high court:
    about 200 ms walking up, 25 walking down, on the benchmark graph). The initiative is
    matched by its id, not anchored: anchored, ArcadeDB would walk its adopters again."""
    rows = store.read(
        "MATCH (c:Entity {id: $court}) RETURN c.level AS level", {"court": params["court"]}
    )
    return Plan(None if not rows or rows[0]["level"] == "supreme" else "down")


TRIBUNAL_ADOPTERS = register(
    NamedQuery(
        name="tribunal_adopters",
        title="下属人民法庭已推行的法院",
        description="For an initiative and a court: the people's tribunals at or below that "
        "court reported adopting the initiative (any stage), each with the court it belongs "
        "to (`court_id`, the unit it is directly PART_OF). A court that reports nothing "
        "itself is covered through them (coverage state `through_tribunals`, "
        "下属人民法庭已推行).",
        cypher=_TRIBUNALS_UP,
        variants={"down": _TRIBUNALS_DOWN},
        plan=_tribunals_direction,
        params=(
            Param("initiative", "entity", "改革举措", required=True, label="Initiative"),
            Param("court", "entity", "上级法院", required=True, help="例如 湖州中院"),
            COLLECTIONS,
            VERIFIED,
        ),
        row_limit=20000,
    )
)


def _under_court(
    initiative: str, court: str, collections: Sequence[str] | None, verified_only: bool
) -> dict[str, Any]:
    """The parameters of a query about `initiative` under `court` (ids resolved)."""
    return {
        "initiative": initiative,
        "court": court,
        "collections": _names_or_none(collections),
        "verified": verified_only,
    }


def tribunal_adopters(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """Court id -> its people's tribunals reported adopting `initiative` (each: `unit_id`,
    `unit`, `stages`, `first_date`, `statuses`), for the courts at or below `court`; ids
    (`initiative`, `court`) already resolved. `verified_only`: confirmed or corrected
    reports only."""
    params = _under_court(initiative, court, collections, verified_only)
    return group_tribunal_adopters(run(store, "tribunal_adopters", params).rows)


def group_tribunal_adopters(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The `tribunal_adopters` query's rows (one per report) by court: court id -> its
    tribunals, each with its `stages`, `first_date` and `statuses`."""
    found: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows:
        t = found[r["court_id"]].setdefault(
            r["unit_id"],
            {"unit_id": r["unit_id"], "unit": r["unit"], "stages": [], "statuses": []},
        )
        t["stages"].append(r["stage"])
        t["statuses"].append(r["status"])
        if r["date"] and (t.get("first_date") is None or r["date"] < t["first_date"]):
            t["first_date"] = r["date"]
    return {
        cid: sorted(({"first_date": None, **t} for t in ts.values()), key=lambda t: t["unit"])
        for cid, ts in found.items()
    }


#: the note beside 尚未报道推行 for a unit whose superior court reports rolling the initiative
#: out to its whole area (an adoption with a `scope`, e.g. 全市法院): the unit keeps its state
#: (no document reports the unit itself), but a reader must not take it for "has not done it"
AREA_ROLLOUT_ZH = "上级报道在全辖推行"
#: what the note means, under every list that shows it
AREA_ROLLOUT_NOTE = (
    f"{AREA_ROLLOUT_ZH}：该单位本身没有推行报道，但其上级法院报道在所辖全部法院推行（事实的“范围”，"
    "如 全市法院）；它仍列为尚未报道推行，不计入覆盖率。"
)

# Walked from the chosen court, not from the initiative's adopters: its few courts above it
# (their area holds it) and the courts below it (at most three levels: a tribunal covers no
# unit), then each one's own adoptions of the initiative with a scope. From the adopters, a
# scoped initiative at the supreme court walked the hierarchy for each of thousands of them.
# The initiative is matched by its id, not anchored (anchored, ArcadeDB walks its adopters).
_AREA_ROLLOUTS = (
    """
MATCH (c:Entity {id: $court})-[:PART_OF*0..4]->(s:Entity)
MATCH (s)-[a:ADOPTED]->(i:Entity)
WHERE i.id = $initiative AND a.scope IS NOT NULL AND a.scope <> '' AND IN_COLLECTIONS
  AND IS_VERIFIED
RETURN DISTINCT ROW, true AS above, [] AS unit_ids
UNION ALL
MATCH (c:Entity {id: $court})<-[:PART_OF*1..3]-(s:Entity)
MATCH (s)-[a:ADOPTED]->(i:Entity)
WHERE i.id = $initiative AND a.scope IS NOT NULL AND a.scope <> '' AND IN_COLLECTIONS
  AND IS_VERIFIED
WITH DISTINCT s, a
OPTIONAL MATCH (s)<-[:PART_OF*1..4]-(u:Entity)
WITH s, a, collect(DISTINCT u.id) AS unit_ids
RETURN ROW, false AS above, unit_ids
""".replace(
        "ROW",
        "s.id AS court_id, s.name AS court, s.level AS level, a.scope AS scope, "
        "a.stage AS stage, a.date AS date, a.fact_id AS fact_id, STATUS AS status",
    )
    .replace("IN_COLLECTIONS", in_collections("a"))
    .replace("IS_VERIFIED", is_verified("a"))
    .replace("STATUS", status_of("a"))
)


def _rollout_order(r: dict[str, Any]) -> tuple[bool, str, str]:
    """The court itself and those above it first, then by date (undated last), then court."""
    return (not r["above"], r["date"] or "\uffff", r["court_id"])


AREA_ROLLOUTS = register(
    NamedQuery(
        name="area_rollouts",
        title="上级报道在全辖推行",
        description="For an initiative and a court: the adoptions, by that court or a court "
        "above or below it, reported for a whole area (a `scope` such as 全市法院 or "
        "辽宁省朝阳市全市法院): court, scope, stage, date, fact id and review status; `above` "
        "is true for the court itself and the courts above it (their area holds every unit "
        "below the court), else `unit_ids` lists the units below that court. Coverage shows "
        "the note 上级报道在全辖推行 beside a unit 尚未报道推行 under such a court.",
        cypher=_AREA_ROLLOUTS,
        postprocess=lambda rows, _p: sorted(rows, key=_rollout_order),
        params=(
            Param("initiative", "entity", "改革举措", required=True, label="Initiative"),
            Param("court", "entity", "上级法院", required=True, help="例如 朝阳中院"),
            COLLECTIONS,
            VERIFIED,
        ),
        row_limit=2000,
    )
)


def area_rollouts(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> list[dict[str, Any]]:
    """The `area_rollouts` query's rows for `initiative` under `court` (ids resolved)."""
    params = _under_court(initiative, court, collections, verified_only)
    return run(store, "area_rollouts", params).rows


def rollout_zh(r: dict[str, Any]) -> str:
    """One area rollout in Chinese: court, stage, scope and date.

    >>> rollout_zh({"court": "辽宁省朝阳市中级人民法院", "stage": "adopted",
    ...             "scope": "辽宁省朝阳市全市法院", "date": "2023-05"})
    '辽宁省朝阳市中级人民法院 推行（范围：辽宁省朝阳市全市法院；2023-05）'
    """
    from graph.model import STAGE_ZH

    stage = STAGE_ZH.get(r.get("stage") or "", r.get("stage") or "")
    when = f"；{r['date']}" if r.get("date") else ""
    return f"{r['court']} {stage}（范围：{r['scope']}{when}）"


def mark_area_rollouts(
    rows: Sequence[dict[str, Any]], rollouts: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Coverage rows (`mark_coverage`'s) with, on each unit 尚未报道推行 that a court above it
    reports rolling the initiative out to its whole area, that rollout (`rollout`: the
    nearest such court's row of `area_rollouts`) and the note `note_zh` (上级报道在全辖推行：…).
    The state stays not_reported (docs/data-model.md, Coverage states): no document reports
    the unit itself."""
    whole = [r for r in rollouts if r.get("above")]
    # the nearest court first: one below the chosen court (its area is smaller), then the
    # chosen court, then those above it
    inner: dict[str, dict[str, Any]] = {}
    for r in rollouts:
        if not r.get("above"):
            for uid in r.get("unit_ids") or ():
                inner.setdefault(uid, r)
    out = []
    for row in rows:
        found = inner.get(row["unit_id"]) or (whole[0] if whole else None)
        if row.get("state") == NOT_REPORTED and found is not None:
            row = {**row, "rollout": found, "note_zh": f"{AREA_ROLLOUT_ZH}：{rollout_zh(found)}"}
        out.append(row)
    return out


def mark_coverage(
    rows: Sequence[dict[str, Any]], through: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The `coverage` query's rows with each unit's coverage state (`state`: adopted,
    through_tribunals or not_reported; `state_zh`) and, for a court covered through its
    tribunals, the names of those tribunals (`tribunals`)."""
    out = []
    for r in rows:
        mine = through.get(r["unit_id"]) if r.get("level") != "tribunal" else None
        if r["adopted"]:
            state = ADOPTED
        elif mine:
            state = THROUGH_TRIBUNALS
        else:
            state = NOT_REPORTED
        out.append(
            {
                **r,
                "state": state,
                "state_zh": COVERAGE_STATE_ZH[state],
                "tribunals": [t["unit"] for t in mine or []] if state == THROUGH_TRIBUNALS else [],
            }
        )
    return out


@dataclass
class CoverageLevel:
    level: str
    units: int
    #: units of this level reporting the initiative themselves (any stage)
    adopted: int
    #: tribunals only: basic courts at or below the court whose roster of tribunals was
    #: imported, and those without one (their tribunals are not counted)
    roster_courts: int | None = None
    courts_without_roster: int = 0
    #: courts of this level that report nothing themselves while tribunals of their own do
    #: (the `coverage` rows, state through_tribunals, with `tribunals`)
    through: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_denominator(self) -> bool:
        """False where nothing tells how many units there are (tribunals without a roster)."""
        return self.level != "tribunal" or bool(self.roster_courts)

    @property
    def share(self) -> float:
        """Units reporting it themselves / all units of the level."""
        return self.adopted / self.units if self.units else 0.0

    @property
    def covered(self) -> int:
        """Units reporting it themselves or through their tribunals."""
        return self.adopted + len(self.through)

    @property
    def covered_share(self) -> float:
        """(Own reports + covered through tribunals) / all units of the level."""
        return self.covered / self.units if self.units else 0.0

    def describe(self) -> str:
        """`3/5 (60%)`, or why there is no share."""
        if not self.has_denominator:
            return "no roster of tribunals imported (python -m ingest roster FILE)"
        text = f"{self.adopted}/{self.units} ({self.share:.0%})"
        if self.through:
            text += (
                f"; {self.covered}/{self.units} ({self.covered_share:.0%}) with "
                f"{len(self.through)} covered through their tribunals"
            )
        if self.courts_without_roster:
            text += f"; {self.courts_without_roster} basic courts without a tribunal roster"
        return text


def coverage(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> tuple[list[CoverageLevel], list[dict[str, Any]]]:
    """Share of units below `court` that adopted, level by level, and the list of those
    that have not been reported (not a court covered through its tribunals: see the states
    above). Tribunals count against the rosters courts imported (`ingest.tribunal_roster`);
    where none was, the tribunal level has no denominator (`CoverageLevel.has_denominator`)
    instead of a share of the tribunals some article named."""
    levels, missing, _tally = coverage_report(
        store, initiative, court, collections=collections, verified_only=verified_only
    )
    return levels, missing


def coverage_report(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    rollouts: Sequence[dict[str, Any]] | None = None,
) -> tuple[list[CoverageLevel], list[dict[str, Any]], Tally]:
    """`coverage` and the facts it stands on (the adoptions of units below `court`);
    `verified_only`: a unit counts as adopting when a reviewer confirmed or corrected one of
    its reports. A court reporting nothing itself whose tribunals report it is in its
    level's `through`, not in the list of units not reported (the second value).
    `rollouts`: the `area_rollouts` rows for the same arguments, when the caller has them
    (asked for here otherwise)."""
    iid = resolve_entity(store, initiative, label="Initiative")
    cid = resolve_entity(store, court)
    params = {"initiative": iid, "court": cid, "collections": _names_or_none(collections)}
    rows = run(store, "coverage", params).rows
    below = {r["unit_id"] for r in rows}
    events = [r for r in events_of(store, iid, collections=collections) if r["unit_id"] in below]
    tally = Tally.of((r["status"] for r in events), verified_only=verified_only)
    if verified_only:  # adopted, stages and first date from verified reports only
        kept: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in events:
            if checked(e["status"]):
                kept[e["unit_id"]].append(e)
        rows = [
            {
                **r,
                "adopted": r["unit_id"] in kept,
                "stages": [e["stage"] for e in kept.get(r["unit_id"], [])],
                "first_date": min(
                    (e["date"] for e in kept.get(r["unit_id"], []) if e["date"]), default=None
                ),
            }
            for r in rows
        ]
    through = tribunal_adopters(
        store, iid, cid, collections=collections, verified_only=verified_only
    )
    rows = mark_coverage(rows, through)
    if rollouts is None:
        rollouts = area_rollouts(
            store, iid, cid, collections=collections, verified_only=verified_only
        )
    rows = mark_area_rollouts(rows, rollouts)
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    via: dict[str, list[dict[str, Any]]] = defaultdict(list)
    missing = []
    basic = {r["unit_id"]: bool(r["has_roster"]) for r in rows if r["level"] == "basic"}
    own = store.read(
        "MATCH (c:Entity {id: $id}) RETURN c.level AS level, "
        "c.tribunal_roster_source IS NOT NULL AS has_roster",
        {"id": cid},
    )
    if own and own[0]["level"] == "basic":
        basic[cid] = bool(own[0]["has_roster"])
    for r in rows:
        if r["level"] == "tribunal" and not r["roster"]:
            continue  # named by an article only: no roster counts it
        acc = per[r["level"] or "未知"]
        acc[0] += 1
        if r["state"] == ADOPTED:  # reported at any stage
            acc[1] += 1
        elif r["state"] == THROUGH_TRIBUNALS:
            via[r["level"] or "未知"].append(r)
        else:
            missing.append(r)
    levels = [
        CoverageLevel(lvl, n, a, through=via.get(lvl, []))
        for lvl, (n, a) in sorted(per.items(), key=lambda kv: _LEVEL_ORDER.get(kv[0], 9))
        if lvl != "tribunal"
    ]
    if basic:
        with_roster = sum(basic.values())
        n, a = per.get("tribunal", [0, 0])
        levels.append(CoverageLevel("tribunal", n, a, with_roster, len(basic) - with_roster))
    return levels, missing, tally


@dataclass
class ProvinceCounts:
    units: dict[str, int]  # province -> courts at the chosen levels
    adopted: dict[str, dict[str, int]]  # initiative -> province -> courts reported adopting
    levels: tuple[str, ...] = ()  # the levels counted
    #: province -> level -> courts of that level (the denominator of each share)
    units_by_level: dict[str, dict[str, int]] = field(default_factory=dict)
    #: initiative -> province -> level -> courts of that level reported adopting
    adopted_by_level: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    tally: Tally = Tally()  # the adoptions counted
    #: initiative -> the adoptions of that initiative counted (`tally` is their sum)
    tallies: dict[str, Tally] = field(default_factory=dict)

    def share(self, initiative: str, province: str) -> float:
        n = self.units.get(province, 0)
        return self.adopted.get(initiative, {}).get(province, 0) / n if n else 0.0

    def cell(self, initiative: str, province: str, level: str) -> tuple[int, int]:
        """(courts of `level` in `province` reported adopting, courts of that level there)."""
        a = self.adopted_by_level.get(initiative, {}).get(province, {}).get(level, 0)
        return a, self.units_by_level.get(province, {}).get(level, 0)

    def table(self, initiative: str) -> list[dict[str, Any]]:
        """One row per province: for each level, adopting courts, all courts of that level
        (the denominator) and the share, e.g. `basic_adopted`, `basic_courts`, `basic_share`."""
        out = []
        for prov in self.units:
            row: dict[str, Any] = {"initiative": initiative, "province": prov}
            for level in self.levels:
                a, n = self.cell(initiative, prov, level)
                row[f"{level}_adopted"] = a
                row[f"{level}_courts"] = n
                row[f"{level}_share"] = round(a / n, 3) if n else None
            out.append(row)
        return out

    def matrix(self) -> dict[str, dict[str, float]]:
        """Rows: provinces; columns: initiatives; cells: share of the province's courts."""
        names = sorted(self.adopted)
        return {prov: {name: self.share(name, prov) for name in names} for prov in self.units}


def province_counts(
    store: GraphStore,
    *,
    levels: Sequence[str] = ("intermediate", "basic"),
    initiatives: Sequence[str] | None = None,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> ProvinceCounts:
    """For every province: how many of its courts (at `levels`) there are, and how many of
    them the documents report adopting each initiative (`collections`: the documents of
    these collections only; `verified_only`: confirmed or corrected reports only)."""
    totals: Counter[str] = Counter()
    by_level: dict[str, Counter[str]] = defaultdict(Counter)
    # where each court is (one light read: the `units` table carries every court's
    # per-year document counts, which counting by province does not need)
    courts: dict[str, tuple[str, str]] = {}
    for r in run(store, "court_places").rows:
        if r["level"] in levels and r["province"]:
            courts[r["court_id"]] = (r["province"], r["level"])
            totals[r["province"]] += 1
            by_level[r["province"]][r["level"]] += 1
    ids = [resolve_entity(store, i, label="Initiative") for i in initiatives or ()] or None
    adopted: dict[str, dict[str, int]] = {}
    adopted_by_level: dict[str, dict[str, dict[str, int]]] = {}
    found, tallies = _adoptions_tallied(
        store, ids, collections=collections, verified_only=verified_only, units_only=True
    )
    tally = Tally(verified_only=verified_only)
    for each in tallies.values():
        tally = tally.plus(each)
    for _iid, (name, per) in found.items():
        adopted[name] = dict(Counter(courts[u][0] for u in per if u in courts))
        nested: dict[str, Counter[str]] = defaultdict(Counter)
        for u in per:
            if u in courts:
                nested[courts[u][0]][courts[u][1]] += 1
        adopted_by_level[name] = {p: dict(c) for p, c in nested.items()}
    if initiatives:
        for iid in ids or ():
            adopted.setdefault(iid.split(":", 1)[1], {})
            adopted_by_level.setdefault(iid.split(":", 1)[1], {})
    ordered = tuple(sorted(levels, key=lambda lv: _LEVEL_ORDER.get(lv, 9)))
    return ProvinceCounts(
        units=dict(sorted(totals.items())),
        adopted=adopted,
        levels=ordered,
        units_by_level={p: dict(by_level[p]) for p in sorted(by_level)},
        adopted_by_level=adopted_by_level,
        tally=tally,
        tallies={
            found[iid][0] if iid in found else iid.split(":", 1)[1]: each
            for iid, each in tallies.items()
        },
    )


def province_matrix(
    store: GraphStore,
    *,
    levels: Sequence[str] = ("intermediate", "basic"),
    initiatives: Sequence[str] | None = None,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> dict[str, dict[str, float]]:
    """Rows: provinces; columns: initiatives; cells: share of the province's courts (at
    `levels`) reported as adopting (`province_counts` gives the counts behind it)."""
    return province_counts(
        store,
        levels=levels,
        initiatives=initiatives,
        collections=collections,
        verified_only=verified_only,
    ).matrix()


# -- co-adoption ----------------------------------------------------------------------------
def co_adoption(
    store: GraphStore,
    *,
    min_shared: int = 1,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    adoptions: tuple[Adoptions, Tally] | None = None,
) -> nx.Graph:
    """Initiatives as nodes; an edge where units adopted both, weighted by the number of
    shared adopters, with Jaccard similarity (`collections`, `verified_only`: which reports
    count; `adoptions`: what `adoptions()` read for them, so nothing is read again).
    `graph.graph["tally"]` counts the adoptions it stands on."""
    size, pairs, tally = shared_adopters(
        store,
        min_shared=min_shared,
        collections=collections,
        verified_only=verified_only,
        adoptions=adoptions,
    )
    return pairs_graph(size, pairs, tally)


def jaccard(size: dict[str, int], a: str, b: str, shared: int) -> float:
    """Shared adopters over the units that adopted either of `a` and `b`."""
    return shared / (size[a] + size[b] - shared)


def ranked_pairs(
    size: dict[str, int], pairs: Iterable[tuple[str, str, int]]
) -> list[dict[str, Any]]:
    """`shared_adopters`' pairs as rows (a, b, shared, jaccard to three places), strongest
    first: most shared adopters, then highest Jaccard, then by name."""
    return sorted(
        (
            {"a": a, "b": b, "shared": n, "jaccard": round(jaccard(size, a, b, n), 3)}
            for a, b, n in pairs
        ),
        key=lambda r: (-r["shared"], -r["jaccard"], r["a"], r["b"]),
    )


def pairs_graph(
    size: dict[str, int],
    pairs: Iterable[tuple[str, str, int]],
    tally: Any,
    names: Iterable[str] | None = None,
) -> nx.Graph:
    """The co-adoption network of `pairs` (a, b, shared): a node per initiative of `names`
    (default: every one of `size`) with its adopters, an edge per pair with its shared
    adopters and Jaccard similarity, both in name order."""
    import networkx as nx

    g = nx.Graph(tally=tally)
    for name in sorted(size if names is None else names):
        g.add_node(name, adopters=size[name])
    for x, y, n in sorted(pairs):
        g.add_edge(x, y, shared=n, jaccard=jaccard(size, x, y, n))
    return g


def shared_adopters(
    store: GraphStore,
    *,
    min_shared: int = 1,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    adoptions: tuple[Adoptions, Tally] | None = None,
) -> tuple[dict[str, int], list[tuple[str, str, int]], Tally]:
    """What `co_adoption` draws, without the graph: initiative -> adopters, every pair of
    initiatives with at least `min_shared` (and at least one) shared adopters as (a, b,
    shared) with a < b, in name order, and the adoptions counted (a national graph has
    32,000 pairs: a table needs no graph of them)."""
    import numpy as np

    found, tally = adoptions or _adoptions(
        store, collections=collections, verified_only=verified_only
    )
    size = {name: len(per) for name, per in found.values()}
    names = sorted(size)
    shared = _shared_adopters(found, names)
    first, second = np.nonzero(np.triu(shared >= max(min_shared, 1), 1))  # row-major: sorted
    pairs = [
        (names[a], names[b], n)
        for a, b, n in zip(
            first.tolist(), second.tolist(), shared[first, second].tolist(), strict=True
        )
    ]
    return size, pairs, tally


def _shared_adopters(found: Adoptions, names: list[str]) -> np.ndarray:
    """initiatives × initiatives (in the order of `names`): how many units adopted both (the
    diagonal: adopted each). Each initiative's row sums the membership rows (unit ×
    initiative, one byte a cell) of its adopters: counting pairs unit by unit in Python took
    most of a second on a national graph, a dense matrix product half of one."""
    import numpy as np

    column = {name: i for i, name in enumerate(names)}
    unit_index: dict[str, int] = {}
    cells = [
        (column[name], [unit_index.setdefault(u, len(unit_index)) for u in per])
        for name, per in found.values()
    ]
    member = np.zeros((len(unit_index), len(names)), dtype=np.uint8)
    for c, units in cells:
        member[units, c] = 1
    shared = np.zeros((len(names), len(names)), dtype=np.int64)
    for c in range(len(names)):
        adopters = np.flatnonzero(member[:, c])
        shared[c] = member[adopters].sum(axis=0, dtype=np.int64)
    return shared


def earlier_counts(dates: dict[str, str]) -> dict[str, int]:
    """For each unit, how many others certainly adopted before it.

    Dates of different precision are compared at the coarser one: `2019` is neither earlier
    nor later than `2019-03` (the year-only report may mean any month of it), while `2019-02`
    is earlier than `2019-03` and `2018-12` earlier than `2019`. Equal dates are ties, so
    units on the same date get the same count whatever their names.

    >>> earlier_counts({"a": "2019", "b": "2019-03", "c": "2019-05", "d": "2019-05", "e": "2020"})
    {'a': 0, 'b': 0, 'c': 1, 'd': 1, 'e': 4}
    """
    return dict(zip(dates, _earlier(list(dates.values())).tolist(), strict=True))


def _earlier(dates: list[str]) -> np.ndarray:
    """`earlier_counts` of a list of ISO dates, as an array (sorted searches over all of
    them at once: a national graph has 120,000 dated adoptions)."""
    import numpy as np

    if not dates:
        return np.zeros(0, dtype=np.intp)
    full = np.array(dates, dtype="<U10")
    size = np.char.str_len(full)
    year, month = full.astype("<U4"), full.astype("<U7")
    # an earlier year is earlier at any precision
    n = np.searchsorted(np.sort(year), year, side="left")
    has = size >= 7  # the same year, a month given on both sides
    months = np.sort(month[has])
    n[has] += np.searchsorted(months, month[has]) - np.searchsorted(months, year[has])
    has = size >= 10  # the same month, a day given on both sides
    days = np.sort(full[has])
    n[has] += np.searchsorted(days, full[has]) - np.searchsorted(days, month[has])
    return n


#: what `early_adopters` says when no unit can be compared (the command line and 分析 › 共同采用)
EARLY_NONE = "还没有单位在两项以上举措中与其他有推行日期的单位比较过，无法比较先后。"


def early_adopters(
    store: GraphStore,
    *,
    top: int = 20,
    min_initiatives: int = 2,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    adoptions: tuple[Adoptions, Tally] | None = None,
) -> list[dict[str, Any]]:
    """Units that tend to adopt early: mean percentile rank of their first adoption across
    the initiatives they adopted (0 = no unit certainly adopted before it; 1 = every other
    unit did). A unit's rank in one initiative is the share of its other dated adopters that
    certainly adopted earlier (`earlier_counts`): tied dates share a rank, and a year-only date
    ties with the months and days inside that year. Only initiatives with at least two dated
    adopters count (toward `min_initiatives` and the mean): the only dated adopter of one was
    first of nobody, and a 0 for it made a unit "每项都最早" on reforms it was alone in. `collections`, `verified_only`: which
    reports count (as in `co_adoption`); `adoptions`: what `adoptions()` read for them."""
    if top < 1 or min_initiatives < 1:
        raise BadParameter("top and min_initiatives must be at least 1")
    found, _tally = adoptions or _adoptions(
        store, collections=collections, verified_only=verified_only, count=False
    )
    import numpy as np

    # every dated adoption's rank, then per unit their count and sum (in the initiatives'
    # order, as a running sum would add them): a national graph has 120,000
    unit_index: dict[str, int] = {}
    at: list[Any] = []
    ranks: list[Any] = []
    for _name, per in found.values():
        dated = [(u, a.date) for u, a in per.items() if a.date]
        n = len(dated)
        if n < 2:  # nobody to be earlier or later than
            continue
        at.append(np.array([unit_index.setdefault(u, len(unit_index)) for u, _d in dated]))
        earlier = _earlier([d for _u, d in dated])
        ranks.append(earlier / (n - 1))
    units = list(unit_index)
    where = np.concatenate(at) if at else np.zeros(0, dtype=np.intp)
    counts = np.bincount(where, minlength=len(units))
    sums = np.bincount(
        where, weights=np.concatenate(ranks) if ranks else None, minlength=len(units)
    )
    out: list[dict[str, Any]] = sorted(
        (
            {
                "unit_id": units[i],
                "initiatives": int(counts[i]),
                "mean_rank": round(float(sums[i]) / int(counts[i]), 3),
            }
            for i in np.flatnonzero(counts >= min_initiatives).tolist()
        ),
        key=lambda x: (x["mean_rank"], -x["initiatives"], x["unit_id"]),
    )
    # the place is shared by equal mean ranks (1, 1, 3, …): a tie is shown, not broken
    means = sorted(x["mean_rank"] for x in out)
    out = [{**x, "place": bisect_left(means, x["mean_rank"]) + 1} for x in out[:top]]
    names = _names(store, [x["unit_id"] for x in out])
    return [{**x, "unit": names.get(x["unit_id"], x["unit_id"])} for x in out]


def _names(store: GraphStore, ids: Sequence[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for i in range(0, len(ids), 5000):
        for r in store.read(
            "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.name AS name",
            {"ids": list(ids[i : i + 5000])},
        ):
            names[r["id"]] = r["name"]
    return names


def adopter_outcomes(
    store: GraphStore,
    initiative: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> list[dict[str, Any]]:
    """Figures reported by the adopters, side by side. Reported claims, not measured effects."""
    return outcomes_report(
        store, initiative, collections=collections, verified_only=verified_only
    ).rows


@dataclass
class Outcomes:
    """The adopters' reported figures, the facts behind them (each row stands on two: the
    unit's adoption and its report of the figure) and whether the row limit cut the list.
    `rows` may be the first rows only (`outcomes_report(first=…)`); `total`, `units` and
    `doc_ids` always count every row."""

    rows: list[dict[str, Any]]
    tally: Tally
    truncated: bool = False
    limit: int = 0
    total: int = 0  # rows in all
    units: int = 0  # units reporting them
    doc_ids: list[str] = field(default_factory=list)  # every source, sorted


def outcomes_report(
    store: GraphStore,
    initiative: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
    first: int | None = None,
) -> Outcomes:
    """`adopter_outcomes` with the facts they stand on and the truncation flag;
    `verified_only`: figures a reviewer confirmed or corrected (whatever the status of the
    adoption beside them, which each row carries; the facts counted are then the figures).

    `first`: only the first rows (in the table's order) are read in full; the totals, the
    sources and the facts are counted on every row from the light `adopter_outcome_index`
    (a national initiative's adopters report 30,000 figures: reading them all took seconds)."""
    iid = resolve_entity(store, initiative, label="Initiative")
    params = {"initiative": iid, "collections": _names_or_none(collections)}
    if first is None:
        result = run(store, "adopter_outcomes", params)
        return _outcomes_of_rows(result.rows, result, verified_only=verified_only)
    index = run(store, "adopter_outcome_index", params)
    entries = index.rows
    # with 只看已核实 a figure is shown when it is verified, whatever its adoption's status
    # (shown beside it): the facts counted are the figures
    facts = {} if verified_only else _adoption_facts(entries)
    facts.update({r["fact_id"]: r["status"] for r in entries})
    tally = Tally.of(facts.values(), verified_only=verified_only)
    if verified_only:
        entries = [r for r in entries if checked(r["status"])]
    per_unit = Counter(r["unit_id"] for r in entries)
    names = {r["unit_id"]: r["unit"] or "" for r in entries}
    # whole units in the table's order (name, id) until the first rows are filled
    wanted: list[str] = []
    filled = 0
    for unit in sorted(per_unit, key=lambda u: (names[u], u)):
        if filled >= first:
            break
        wanted.append(unit)
        filled += per_unit[unit]
    rows: list[dict[str, Any]] = []
    truncated, limit = index.truncated, index.query.row_limit
    if wanted:
        units = None if len(wanted) == len(per_unit) else ",".join(wanted)
        result = run(store, "adopter_outcomes", {**params, "units": units})
        rows = result.rows
        if result.truncated and not truncated:
            truncated, limit = True, result.query.row_limit
        if verified_only:
            rows = [r for r in rows if checked(r["status"])]
    return Outcomes(
        rows[:first],
        tally,
        truncated,
        limit,
        total=len(entries),
        units=len(per_unit),
        doc_ids=sorted({d for r in entries for d in r["doc_ids"] or ()}),
    )


def _outcomes_of_rows(rows: list[dict[str, Any]], result: Any, *, verified_only: bool) -> Outcomes:
    # with 只看已核实 a figure is shown when it is verified, whatever its adoption's status
    # (shown beside it): the facts counted are the figures
    facts = {} if verified_only else _adoption_facts(rows)
    facts.update({r["fact_id"]: r["status"] for r in rows})
    tally = Tally.of(facts.values(), verified_only=verified_only)
    if verified_only:
        rows = [r for r in rows if checked(r["status"])]
    return Outcomes(
        rows,
        tally,
        result.truncated,
        result.query.row_limit,
        total=len(rows),
        units=len({r["unit_id"] for r in rows}),
        doc_ids=sorted({d for r in rows for d in r.get("doc_ids") or ()}),
    )


def tied_outcome_count(
    store: GraphStore,
    initiative: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> tuple[int, bool]:
    """How many figures the documents tie to `initiative` (the named query
    `initiative_outcomes`: what the 举措 page's 成效数据 and a briefing list), whoever
    reported them, and whether there are more than that (the query's row limit)."""
    iid = resolve_entity(store, initiative, label="Initiative")
    params = {
        "initiative": iid,
        "collections": _names_or_none(collections),
        "verified": verified_only,
    }
    found = run(store, "initiative_outcomes", params)
    return len(found.rows), found.truncated


def outcome_scope_note(*, tied: int, adopters: int, listing: str, more: bool = False) -> str:
    """Why two answers about an initiative's figures differ, said where either is shown:
    `tied` figures the documents tie to the initiative (举措 → 成效数据, a briefing,
    `initiative_outcomes`) against `adopters` figures its adopters report whatever they are
    tied to (扩散分析 → 成效对照, `analytics outcomes`). `listing`: which one the reader is
    looking at, "tied" or "adopters". `more`: `tied` is a row limit, there are more.

    >>> "数字多于 1,000 项" in outcome_scope_note(
    ...     tied=1000, adopters=5000, listing="adopters", more=True
    ... )
    True
    """
    count = f"多于 {tied:,}" if more else f"共 {tied:,}"
    if listing == "tied":
        here = f"这里只列文中归于这项举措的 {tied:,} 项数字；" if tied else ""
        return (
            f"{here}推行这项举措的单位报告的全部数字共 {adopters:,} 项（不论文中归于哪项举措，"
            "也含未说明的），见「扩散分析 → 成效对照」或 `python -m queries.analytics outcomes`。"
        )
    return (
        f"这里列出推行这项举措的单位报告的全部 {adopters:,} 项数字（不论文中归于哪项举措）；"
        f"文中归于这项举措的数字{count} 项，「举措 → 成效数据」、简报和 "
        "`python -m queries initiative_outcomes` 只列这些。"
    )


def _adoption_facts(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Every adoption fact behind the adopters' figures, with its review status."""
    return {
        f: s
        for r in rows
        for f, s in zip(r["adoption_fact_ids"], r["adoption_statuses"], strict=True)
    }


def _names_or_none(collections: Sequence[str] | None) -> list[str] | None:
    return list(collections) if collections else None


# -- panel ----------------------------------------------------------------------------------
PANEL_DICTIONARY: dict[str, str] = {
    "unit_id": "courtgraph id of the court or tribunal (stable across runs)",
    "name": "official full name",
    "level": "supreme / high / intermediate / basic / special / tribunal",
    "province": "province-level division of the court",
    "city": "prefecture-level division (empty for high courts and province-direct units)",
    "year": "calendar year of the row",
    "documents": "number of source documents dated that year that mention the unit, by name "
    "or through a unit below it (an article about a basic court or a tribunal counts for its "
    "intermediate court too, as does an area figure such as 全市法院): how often the sources "
    "reach the unit, not how many name it; `python -m queries documents --param entity=…` "
    "lists them, its column mentioned telling which name it",
    "adopted__<initiative>": "1 if the unit was reported at any stage (adopted, piloted, "
    "promoted, awarded) of the initiative in or before that year (earliest reported date), "
    "else 0; units reported without any date stay 0 (see reported__)",
    "first_year__<initiative>": "year of the first reported adoption (empty if none, or if "
    "no report gives a date)",
    "reported__<initiative>": "1 in every year if the unit was reported at any stage of the "
    "initiative at all, dated or not, else 0: every adopter. A unit with reported__ = 1 and an "
    "empty first_year__ was reported without a date (its year of adoption is unknown)",
}


@dataclass
class Panel:
    """The unit-year panel, the adoptions it stands on, and per initiative the adopters it
    holds and how many of them no report dates."""

    rows: list[dict[str, Any]]
    tally: Tally = Tally()
    adopters: dict[str, int] = field(default_factory=dict)  # initiative name -> units
    undated: dict[str, int] = field(default_factory=dict)  # initiative name -> undated units


def unit_year_panel(
    store: GraphStore,
    initiatives: Sequence[str],
    *,
    years: Iterable[int] | None = None,
    province: str | None = None,
    levels: Sequence[str] | None = None,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> list[dict[str, Any]]:
    """One row per unit and year, for event-history analysis."""
    return panel(
        store,
        initiatives,
        years=years,
        province=province,
        levels=levels,
        collections=collections,
        verified_only=verified_only,
    ).rows


def panel(
    store: GraphStore,
    initiatives: Sequence[str],
    *,
    years: Iterable[int] | None = None,
    province: str | None = None,
    levels: Sequence[str] | None = None,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> Panel:
    """The unit-year panel (one row per unit and year) with the facts behind it and the
    count of its adopters, dated or not (`collections`, `verified_only`: which reports
    count)."""
    if not initiatives:
        raise BadParameter("name at least one initiative for the panel")
    ids = [resolve_entity(store, i, label="Initiative") for i in initiatives]
    summary, tally = _adoptions(store, ids, collections=collections, verified_only=verified_only)
    names = {iid: summary[iid][0] if iid in summary else iid.split(":", 1)[1] for iid in ids}
    first: dict[str, dict[str, int]] = defaultdict(dict)
    reported: dict[str, set[str]] = defaultdict(set)  # unit -> initiatives, dated or not
    for iid, (_name, per) in summary.items():
        for unit, adoption in per.items():
            reported[unit].add(iid)
            if (y := _year(adoption.date)) is not None:
                first[unit][iid] = y
    units = run(store, "units", {"province": province}).rows
    exposure = {
        (u["unit_id"], int(y)): n
        for u in units
        for y, n in zip(u["doc_years"], u["doc_year_counts"], strict=True)
        if y.isdigit()
    }
    if years is None:
        seen = [y for (_u, y) in exposure] + [y for d in first.values() for y in d.values()]
        years = range(min(seen), max(seen) + 1) if seen else []
    year_list = list(years)
    rows: list[dict[str, Any]] = []
    adopters: Counter[str] = Counter()
    undated: Counter[str] = Counter()
    for u in units:
        if levels and u["level"] not in levels:
            continue
        for iid in reported.get(u["unit_id"], ()):
            adopters[names[iid]] += 1
            if iid not in first.get(u["unit_id"], {}):
                undated[names[iid]] += 1
        for y in year_list:
            row: dict[str, Any] = {
                "unit_id": u["unit_id"],
                "name": u["name"],
                "level": u["level"],
                "province": u["province"],
                "city": u["city"],
                "year": y,
                "documents": exposure.get((u["unit_id"], y), 0),
            }
            for iid in ids:
                fy = first.get(u["unit_id"], {}).get(iid)
                row[f"adopted__{names[iid]}"] = int(fy is not None and fy <= y)
                row[f"first_year__{names[iid]}"] = fy
                row[f"reported__{names[iid]}"] = int(iid in reported.get(u["unit_id"], ()))
            rows.append(row)
    counted = {names[iid]: adopters[names[iid]] for iid in ids}
    return Panel(rows, tally, counted, {n: undated[n] for n in counted})


#: the table formats `write_table` writes, named by the file's extension
TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")


def write_table(
    rows: list[dict[str, Any]], path: str | Path, *, dictionary: dict[str, str] | None = None
) -> list[Path]:
    """CSV (UTF-8 with BOM), Excel or Parquet by suffix, plus `<name>.dictionary.md` if given."""
    path = Path(path)
    written = [path]
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise CourtgraphError(f"{path}：表格可写 {'、'.join(TABLE_SUFFIXES)}（扩展名决定格式）")
    if not path.parent.is_dir():
        raise CourtgraphError(f"{path}：文件夹 {path.parent} 不存在")
    if suffix == ".parquet":
        import pandas as pd

        pd.DataFrame(rows).to_parquet(path, index=False)
    elif suffix == ".xlsx":
        import pandas as pd

        flat = [
            {k: (join_list(v) if isinstance(v, list) else v) for k, v in r.items()} for r in rows
        ]
        pd.DataFrame(flat).to_excel(path, index=False, engine="openpyxl")
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            cols = list(rows[0]) if rows else []
            extra = set().union(*(r.keys() for r in rows)) - set(cols)
            if extra:  # as csv.DictWriter says
                raise ValueError(f"dict contains fields not in fieldnames: {sorted(extra)}")
            w = csv.writer(fh)
            w.writerow(cols)
            # a list of values a row, not a dict: the writer's cost on a national panel
            w.writerows(
                [join_list(v) if isinstance(v := r.get(c, ""), list) else v for c in cols]
                for r in rows
            )
    if dictionary:
        d = path.with_name(path.stem + ".dictionary.md")
        d.write_text(
            "| column | meaning |\n|---|---|\n"
            + "".join(f"| `{k}` | {v} |\n" for k, v in dictionary.items()),
            encoding="utf-8",
        )
        written.append(d)
    return written


EVENTS_DICTIONARY = {
    "unit_id": "courtgraph id of the adopting unit",
    "unit": "its official full name",
    "kind": "Court or Tribunal",
    "level": "supreme / high / intermediate / basic / special / tribunal",
    "province": "province-level division of the unit",
    "city": "prefecture-level division of the unit (empty where there is none)",
    "initiative_id": "courtgraph id of the initiative",
    "initiative": "canonical initiative name",
    "stage": "adopted / piloted / promoted (a higher court deploying it) / awarded",
    "date": "first date the documents give for this stage (ISO, as precise as the text)",
    "date_precision": "day / month / year, or document: only the document's own date is known",
    "scope": "set when the text speaks of a court's whole jurisdiction (全市法院 …)",
    "doc_ids": "the documents that report it (see the evidence query for sentences)",
    "fact_id": "id of the adoption fact; `python -m queries evidence --param fact_id=…` "
    "lists its sentences",
    "status": "review status: extracted (待核实, machine-extracted, not yet reviewed), "
    "confirmed (已确认) or corrected (已修改)",
}
