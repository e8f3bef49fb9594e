"""Adoption analytics: how initiatives spread, where coverage is missing, panel data.

Everything here is computed from named queries (registered below, so the CLI, the app and the
benchmark see them) plus networkx. Figures are what the documents report: an adoption date is
the first date a document gives, and `date_precision == "document"` marks a date that is only
the document's own date, not a date the text gives for the adoption.

CLI: `python -m queries.analytics timeline|coverage|provinces|co-adoption|outcomes|panel|events`.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import BadParameter
from queries.registry import NamedQuery, Param, register, resolve_entity, run

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import GraphStore

# Diffusion timing counts a unit when it does the thing itself (adopted, piloted, awarded);
# coverage ("has the reform reached this unit?") also counts a court that promotes it, since a
# higher court deploying a reform runs it too.
ADOPTING_STAGES = ("adopted", "piloted", "awarded")
_LEVEL_ORDER = {"supreme": 0, "high": 1, "intermediate": 2, "basic": 3, "special": 4, "tribunal": 5}

ADOPTION_EVENTS = register(
    NamedQuery(
        name="adoption_events",
        title="举措推行事件表",
        description="Every reported adoption of one initiative (or of all when none is given): "
        "unit, stage, first date, its precision and the supporting documents.",
        cypher="""
MATCH (i:Initiative)<-[a:ADOPTED]-(u:Entity)
WHERE $initiative IS NULL OR i.id = $initiative
RETURN u.id AS unit_id, u.name AS unit, u.kind AS kind, u.level AS level,
       u.province AS province, u.city AS city, i.id AS initiative_id, i.name AS initiative,
       a.stage AS stage, a.date AS date, a.date_precision AS date_precision,
       a.scope AS scope, a.doc_ids AS doc_ids, a.fact_id AS fact_id
ORDER BY initiative, date, unit
""",
        params=(Param("initiative", "entity", "改革举措", label="Initiative"),),
        row_limit=200000,
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

MENTION_YEARS = register(
    NamedQuery(
        name="mention_years",
        title="各单位每年被提及的文档数",
        description="For every court or tribunal, the number of documents per year that mention "
        "it (the exposure column of the unit-year panel).",
        cypher="""
MATCH (d:Document)-[:MENTIONS]->(u:Entity)
WHERE (u:Court OR u:Tribunal) AND d.date IS NOT NULL
RETURN u.id AS unit_id, substring(d.date, 0, 4) AS year, count(d) AS documents
""",
        row_limit=2000000,
    )
)

ADOPTER_OUTCOMES = register(
    NamedQuery(
        name="adopter_outcomes",
        title="采用单位报告的成效数据",
        description="The figures reported by the units that adopted an initiative, with the "
        "initiative each figure is tied to (if any) and its sources. Reported claims, not "
        "measured effects.",
        cypher="""
MATCH (i:Entity {id: $initiative})<-[a:ADOPTED]-(u:Entity)
MATCH (u)-[r:REPORTED]->(o:Outcome)
OPTIONAL MATCH (o)-[:REPORTED]->(j:Initiative)
RETURN u.id AS unit_id, u.name AS unit, a.stage AS stage, a.date AS adopted_date,
       o.metric AS metric, o.value AS value, o.unit_of_measure AS unit_of_measure,
       o.qualifier AS qualifier, o.direction AS direction, o.period AS period,
       j.name AS tied_to, r.doc_ids AS doc_ids, r.fact_id AS fact_id
ORDER BY unit, metric
""",
        params=(Param("initiative", "entity", "改革举措", required=True, label="Initiative"),),
        row_limit=20000,
    )
)


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


# -- timeline -------------------------------------------------------------------------------
@dataclass
class Timeline:
    initiative: str
    first: list[dict[str, Any]]  # per unit: first adopting date, stage, precision
    endorsements: list[dict[str, Any]]  # promoted by a (higher) court
    cumulative: list[tuple[str, int]]  # (YYYY-MM, units adopted so far)
    by_year: dict[int, int]
    by_province: dict[str, int]
    by_level: dict[str, int]
    undated: list[dict[str, Any]] = field(default_factory=list)

    def sequence(self) -> list[dict[str, Any]]:
        """Pilots, endorsements and adoptions in date order: the pilot → promotion → spread
        story where the graph shows it."""
        events = [{**e, "event": "endorsed"} for e in self.endorsements if e["date"]]
        for u in self.first:
            events.append({**u, "event": "piloted" if u["stage"] == "piloted" else "adopted"})
        return sorted(events, key=lambda e: (e["date"], e["event"] != "piloted", e["unit"]))


def timeline(store: GraphStore, initiative: str) -> Timeline:
    """The diffusion of one initiative: first reported adoption per unit and the curves."""
    iid = resolve_entity(store, initiative, label="Initiative")
    rows = run(store, "adoption_events", {"initiative": iid}).rows
    first: dict[str, dict[str, Any]] = {}
    endorsements: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for r in rows:
        item = {
            k: r[k]
            for k in (
                "unit_id",
                "unit",
                "level",
                "province",
                "stage",
                "date",
                "date_precision",
                "doc_ids",
            )
        }
        if r["stage"] == "promoted":
            endorsements.append(item)
            continue
        if not r["date"]:
            undated.append(item)
            continue
        old = first.get(r["unit_id"])
        if old is None or r["date"] < old["date"]:
            first[r["unit_id"]] = item
    firsts = sorted(first.values(), key=lambda x: (x["date"], x["unit"]))
    months = Counter(u["date"][:7] for u in firsts)
    total, cumulative = 0, []
    for month in sorted(months):
        total += months[month]
        cumulative.append((month, total))
    name = rows[0]["initiative"] if rows else iid.split(":", 1)[1]
    return Timeline(
        initiative=name,
        first=firsts,
        endorsements=sorted(endorsements, key=lambda x: (x["date"] or "9999", x["unit"])),
        cumulative=cumulative,
        by_year=dict(sorted(Counter(y for u in firsts if (y := _year(u["date"]))).items())),
        by_province=dict(Counter(u["province"] or "未知" for u in firsts).most_common()),
        by_level=dict(
            sorted(
                Counter(u["level"] or "未知" for u in firsts).items(),
                key=lambda kv: _LEVEL_ORDER.get(kv[0], 9),
            )
        ),
        undated=undated,
    )


# -- coverage -------------------------------------------------------------------------------
@dataclass
class CoverageLevel:
    level: str
    units: int
    adopted: int

    @property
    def share(self) -> float:
        return self.adopted / self.units if self.units else 0.0


def coverage(
    store: GraphStore, initiative: str, court: str
) -> tuple[list[CoverageLevel], list[dict[str, Any]]]:
    """Share of units below `court` that adopted, level by level, and the list of those
    that have not."""
    iid = resolve_entity(store, initiative, label="Initiative")
    cid = resolve_entity(store, court)
    rows = run(store, "coverage", {"initiative": iid, "court": cid}).rows
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missing = []
    for r in rows:
        acc = per[r["level"] or "未知"]
        acc[0] += 1
        if any(s in ADOPTING_STAGES or s == "promoted" for s in r["stages"]):
            acc[1] += 1
        else:
            missing.append(r)
    levels = [
        CoverageLevel(lvl, n, a)
        for lvl, (n, a) in sorted(per.items(), key=lambda kv: _LEVEL_ORDER.get(kv[0], 9))
    ]
    return levels, missing


def province_matrix(
    store: GraphStore,
    *,
    levels: Sequence[str] = ("intermediate", "basic"),
    initiatives: Sequence[str] | None = None,
) -> dict[str, dict[str, float]]:
    """Rows: provinces; columns: initiatives; cells: share of the province's courts (at
    `levels`) reported as adopting."""
    totals: Counter[str] = Counter()
    for r in run(store, "unit_totals").rows:
        if r["level"] in levels and r["province"]:
            totals[r["province"]] += r["units"]
    adopters: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in run(store, "adoption_events", {}).rows:
        if r["level"] in levels and r["province"] and r["kind"] == "Court":
            adopters[r["initiative"]][r["province"]].add(r["unit_id"])
    names = list(initiatives) if initiatives else sorted(adopters)
    return {
        prov: {name: len(adopters[name][prov]) / n for name in names}
        for prov, n in sorted(totals.items())
    }


# -- co-adoption ----------------------------------------------------------------------------
def co_adoption(store: GraphStore, *, min_shared: int = 1) -> nx.Graph:
    """Initiatives as nodes; an edge where units adopted both, weighted by the number of
    shared adopters, with Jaccard similarity."""
    import networkx as nx

    units: dict[str, set[str]] = defaultdict(set)
    for r in run(store, "adoption_events", {}).rows:
        if r["stage"] in ADOPTING_STAGES:
            units[r["initiative"]].add(r["unit_id"])
    g = nx.Graph()
    for name, us in units.items():
        g.add_node(name, adopters=len(us))
    for a, b in combinations(sorted(units), 2):
        shared = len(units[a] & units[b])
        if shared >= min_shared:
            g.add_edge(a, b, shared=shared, jaccard=shared / len(units[a] | units[b]))
    return g


def early_adopters(
    store: GraphStore, *, top: int = 20, min_initiatives: int = 2
) -> list[dict[str, Any]]:
    """Units that tend to adopt early: mean percentile rank of their first adoption across
    the initiatives they adopted (0 = first adopter)."""
    dates: dict[str, dict[str, str]] = defaultdict(dict)
    names: dict[str, str] = {}
    for r in run(store, "adoption_events", {}).rows:
        if r["stage"] in ADOPTING_STAGES and r["date"]:
            cur = dates[r["initiative"]].get(r["unit_id"])
            if cur is None or r["date"] < cur:
                dates[r["initiative"]][r["unit_id"]] = r["date"]
            names[r["unit_id"]] = r["unit"]
    ranks: dict[str, list[float]] = defaultdict(list)
    for per_unit in dates.values():
        ordered = sorted(per_unit.items(), key=lambda kv: kv[1])
        n = len(ordered)
        for i, (unit, _d) in enumerate(ordered):
            ranks[unit].append(i / (n - 1) if n > 1 else 0.0)
    out: list[dict[str, Any]] = [
        {
            "unit_id": u,
            "unit": names[u],
            "initiatives": len(r),
            "mean_rank": round(sum(r) / len(r), 3),
        }
        for u, r in ranks.items()
        if len(r) >= min_initiatives
    ]
    return sorted(out, key=lambda x: (x["mean_rank"], -x["initiatives"], x["unit"]))[:top]


def adopter_outcomes(store: GraphStore, initiative: str) -> list[dict[str, Any]]:
    """Figures reported by the adopters, side by side. Reported claims, not measured effects."""
    iid = resolve_entity(store, initiative, label="Initiative")
    return run(store, "adopter_outcomes", {"initiative": iid}).rows


# -- panel ----------------------------------------------------------------------------------
PANEL_DICTIONARY: dict[str, str] = {
    "unit_id": "courtgraph id of the court or tribunal (stable across runs)",
    "name": "official full name",
    "level": "supreme / high / intermediate / basic / special / tribunal",
    "province": "province-level division of the court",
    "city": "prefecture-level division (empty for high courts and province-direct units)",
    "year": "calendar year of the row",
    "documents": "number of source documents dated that year that mention the unit",
    "adopted__<initiative>": "1 if the unit was reported adopting, piloting or awarded for the "
    "initiative in or before that year (first reported date), else 0",
    "first_year__<initiative>": "year of the first reported adoption (empty if none)",
}


def unit_year_panel(
    store: GraphStore,
    initiatives: Sequence[str],
    *,
    years: Iterable[int] | None = None,
    province: str | None = None,
    levels: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """One row per unit and year, for event-history analysis."""
    if not initiatives:
        raise BadParameter("name at least one initiative for the panel")
    ids = [resolve_entity(store, i, label="Initiative") for i in initiatives]
    first: dict[str, dict[str, int]] = defaultdict(dict)
    names: dict[str, str] = {}
    for iid in ids:
        for r in run(store, "adoption_events", {"initiative": iid}).rows:
            names[iid] = r["initiative"]
            y = _year(r["date"])
            if r["stage"] in ADOPTING_STAGES and y is not None:
                cur = first[r["unit_id"]].get(iid)
                first[r["unit_id"]][iid] = y if cur is None else min(cur, y)
        names.setdefault(iid, iid.split(":", 1)[1])
    exposure: dict[tuple[str, int], int] = {}
    for r in run(store, "mention_years").rows:
        if r["year"] and r["year"].isdigit():
            exposure[(r["unit_id"], int(r["year"]))] = r["documents"]
    if years is None:
        seen = [y for (_u, y) in exposure] + [y for d in first.values() for y in d.values()]
        years = range(min(seen), max(seen) + 1) if seen else []
    year_list = list(years)
    units = store.read(
        "MATCH (c:Entity) WHERE (c:Court OR c:Tribunal) "
        "AND ($province IS NULL OR c.province = $province) "
        "RETURN c.id AS id, c.name AS name, c.level AS level, c.province AS province, "
        "c.city AS city ORDER BY id",
        {"province": province},
    )
    rows: list[dict[str, Any]] = []
    for u in units:
        if levels and u["level"] not in levels:
            continue
        for y in year_list:
            row: dict[str, Any] = {
                "unit_id": u["id"],
                "name": u["name"],
                "level": u["level"],
                "province": u["province"],
                "city": u["city"],
                "year": y,
                "documents": exposure.get((u["id"], y), 0),
            }
            for iid in ids:
                fy = first.get(u["id"], {}).get(iid)
                row[f"adopted__{names[iid]}"] = int(fy is not None and fy <= y)
                row[f"first_year__{names[iid]}"] = fy
            rows.append(row)
    return rows


def write_table(
    rows: list[dict[str, Any]], path: str | Path, *, dictionary: dict[str, str] | None = None
) -> list[Path]:
    """CSV (UTF-8 with BOM) or Parquet by suffix, plus `<name>.dictionary.md` if given."""
    path = Path(path)
    written = [path]
    if path.suffix == ".parquet":
        import pandas as pd

        pd.DataFrame(rows).to_parquet(path, index=False)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            cols = list(rows[0]) if rows else []
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            w.writerows(
                {k: ("；".join(v) if isinstance(v, list) else v) for k, v in r.items()}
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
}
