"""The named queries courtgraph ships. Each pattern starts from an anchored node."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from graph.model import ENTITY_LABELS, FACT_TYPES, LEVELS, STAGES, written_sentence
from graph.store import GraphStore
from graph.summaries import read_meta
from queries.registry import NamedQuery, Param, Plan, register, short_form

_FACT_RELS = "|".join(FACT_TYPES)  # every relationship but MENTIONS (documents are hubs)

_INITIATIVE = Param(
    "initiative",
    "entity",
    "改革举措",
    required=True,
    label="Initiative",
    help="举措的 id 或名称/别名，例如 诉源治理",
)
_UNIT = Param(
    "unit", "entity", "法院/单位", required=True, help="法院、法庭或机构的 id 或名称，例如 本溪中院"
)
_ENTITY = Param("entity", "entity", "实体", required=True, help="任一实体的 id 或名称")
_PROVINCE = Param("province", "text", "省份", help="例如 辽宁省")
_LEVEL = Param("level", "choice", "法院层级", choices=LEVELS)
_STAGE = Param(
    "stage",
    "choice",
    "阶段",
    choices=STAGES,
    help="adopted 推行 / piloted 试点 / promoted 推广部署 / awarded 获评",
)
FACT_ID = Param(
    "fact_id",
    "text",
    "事实 id",
    required=True,
    help="其他查询结果的 fact_id 列，例如 adopted:1a2b…",
)
COLLECTIONS = Param(
    "collections",
    "collections",
    "文档集",
    help="逗号分隔的文档集名称：只计这些文档集中的文档所支持的事实，例如 2024年全省法院通报",
)


VERIFIED = Param(
    "verified",
    "bool",
    "只看已核实",
    default=False,
    help="true：只计审核人确认或修改过的事实（已确认 / 已修改）",
)


#: `verified` of an answer listing figures: the figure itself (the unit's REPORTED, the fact a
#: reviewer corrects with `review correct --value/--period …`), whatever the adoption beside it
VERIFIED_FIGURE = Param(
    "verified",
    "bool",
    "只看已核实",
    default=False,
    help="true：只计审核人确认或修改过的数字（已确认 / 已修改），不论旁边的推行事实是否已核实",
)

#: `verified` of an answer listing the figures tied to an initiative: the figure (the unit's
#: REPORTED) and its tie to the initiative (the figure's REPORTED) both verified
VERIFIED_TIED_FIGURE = Param(
    "verified",
    "bool",
    "只看已核实",
    default=False,
    help="true：只计数字本身及其与举措的关联都经审核人确认或修改的数字（已确认 / 已修改）",
)


def is_verified(rel: str) -> str:
    """Cypher: the fact `rel` was confirmed or corrected by a reviewer, or `$verified` is
    false (every fact counts). One text whatever the choice, so the plan is reused."""
    return f"(NOT $verified OR {rel}.review_status IN ['confirmed', 'corrected'])"


def is_confirmed(rel: str) -> str:
    """Cypher: like `is_verified`, but reference data (a `source` such as the court roster,
    never extracted, never reviewed) counts as confirmed: for queries over every kind of fact
    (network, paths), where the roster's hierarchy must not vanish with the switch."""
    return (
        f"(NOT $verified OR {rel}.review_status IN ['confirmed', 'corrected'] "
        f"OR {rel}.source IS NOT NULL)"
    )


def status_of(rel: str) -> str:
    """Cypher: the review status of fact `rel` ('extracted' = 待核实 when none was decided)."""
    return f"coalesce({rel}.review_status, 'extracted')"


#: the words of a figure's scope when it is the reporting unit's own (no `scope` on its REPORTED)
OWN_SCOPE = {"Court": "本院", "Tribunal": "本庭"}


def scope_of(rel: str, unit: str) -> str:
    """Cypher: the scope of the figure fact `rel` (a unit's REPORTED) reports, in words: the
    area the text gives it (江西省全省法院, 江西省赣州市全市法院: the extractor's AGG units, kept
    on the fact as `scope`), else the unit's own (本院, 本庭, 本单位)."""
    own = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in OWN_SCOPE.items())
    return f"coalesce({rel}.scope, CASE {unit}.kind {own} ELSE '本单位' END)"


def in_collections(rel: str) -> str:
    """Cypher: the fact `rel` is supported by a document of the chosen collections (or none
    were chosen). One text whatever the choice, so the server's plan is reused."""
    # the documents travel as a map (doc id -> true): a lookup per id, where `x IN $list`
    # scanned the list for every fact on ArcadeDB (facts times ids: slow for large choices)
    return (
        f"($collections IS NULL OR any(x IN {rel}.doc_ids WHERE $collections_docs[x] IS NOT NULL))"
    )


def in_collections_or_reference(rel: str) -> str:
    """Cypher: like `in_collections`, but reference data (a `source` such as the court
    roster, stated by no document) counts whatever the choice: for queries over every kind
    of fact (the network), where the roster's hierarchy must not vanish with the choice (as
    `graph.export.within` keeps it)."""
    return (
        f"($collections IS NULL OR {rel}.source IS NOT NULL "
        f"OR any(x IN {rel}.doc_ids WHERE $collections_docs[x] IS NOT NULL))"
    )


def docs_in_collections(rel: str) -> str:
    """Cypher: the documents of fact `rel` in the chosen collections (all of them when none
    were chosen), so a table's 文档数 and its evidence count what the user chose."""
    return (
        f"CASE WHEN $collections IS NULL THEN {rel}.doc_ids "
        f"ELSE [x IN {rel}.doc_ids WHERE $collections_docs[x] IS NOT NULL] END"
    )


_FROM = Param("date_from", "date", "起始日期", help="YYYY、YYYY-MM 或 YYYY-MM-DD")
_TO = Param("date_to", "date", "截止日期", help="YYYY、YYYY-MM 或 YYYY-MM-DD")

# an adoption's columns (the unit, then the relationship), wherever a query lists them
ADOPTION_COLUMNS = (
    "unit_id",
    "unit",
    "kind",
    "level",
    "province",
    "city",
    "stage",
    "date",
    "date_precision",
)

# how sure the extraction is of a fact: the highest calibrated confidence of its evidence and
# the distinct rules that proposed it (ingest.confidence); empty for reference data
FACT_CONFIDENCE = ("confidence", "rules")

STATUS_ORDER = ("extracted", "corrected", "confirmed")
#: stages reported on the same date, in the order a reform goes through them
STAGE_SEQUENCE = ("piloted", "adopted", "promoted", "awarded")
#: the columns of `adopters` (one row per unit), in order
ADOPTER_COLUMNS = (
    *ADOPTION_COLUMNS[:6],
    "stages",
    "date",
    "date_precision",
    "documents",
    *FACT_CONFIDENCE,
    "status",
    "fact_id",
)


def adopters_per_unit(rows: list[dict[str, Any]], _params: Any = None) -> list[dict[str, Any]]:
    """Adoption facts (one per unit and stage) as one row per unit: `stages` in the order
    first reported (试点 then 推行; on one date in that order; undated stages last), `date` its earliest date (and that
    date's precision), `fact_id` the earliest fact (its evidence) and `fact_ids` all,
    `documents` the number of distinct documents behind them and `doc_ids` those documents
    (so a table or export of the rows can mark demo data), the highest confidence, every rule,
    `statuses` each fact's review status and `status` the least verified of them. Units in
    the order of their first date, then name; undated units last."""
    ordered = sorted(
        rows,
        key=lambda r: (
            r["date"] is None,
            r["date"] or "",
            r["unit"] or "",
            STAGE_SEQUENCE.index(r["stage"]) if r["stage"] in STAGE_SEQUENCE else 9,
        ),
    )
    units: dict[str, dict[str, Any]] = {}
    for r in ordered:
        u = units.get(r["unit_id"])
        if u is None:
            u = units[r["unit_id"]] = {
                **{k: v for k, v in r.items() if k not in ("stage", "doc_ids")},
                "stages": [],
                "fact_ids": [],
                "documents": set(),
                "rules": [],
                "statuses": [],
                "confidence": None,
            }
        if r["stage"] not in u["stages"]:
            u["stages"].append(r["stage"])
        u["fact_ids"].append(r["fact_id"])
        u["documents"].update(r.get("doc_ids") or ())
        u["rules"].extend(x for x in r.get("rules") or () if x not in u["rules"])
        u["statuses"].append(r["status"])
        if r.get("confidence") is not None:
            u["confidence"] = max(u["confidence"] or 0.0, r["confidence"])
    order = (*ADOPTER_COLUMNS, "fact_ids", "statuses", "doc_ids")
    out = []
    for u in units.values():
        # the documents themselves too: an export or a picture of the rows marks demo facts
        u["doc_ids"] = sorted(u["documents"])
        u["documents"] = len(u["documents"])
        u["status"] = min(
            u["statuses"],
            key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else -1,
        )
        out.append({k: u[k] for k in order})
    return out


ADOPTERS = register(
    NamedQuery(
        name="adopters",
        title="采用某项举措的单位",
        description="Which units adopted, piloted, promoted or were awarded for an initiative, "
        "one row per unit: its stages (in the order first reported), first reported date, the "
        "number of supporting documents and how sure the extraction is (confidence, rules); "
        "fact_ids and statuses list its adoption facts, doc_ids their documents.",
        cypher="""
MATCH (i:Entity {id: $initiative})<-[a:ADOPTED]-(u:Entity)
WHERE ($stage = '' OR a.stage = $stage)
  AND ($province = '' OR u.province = $province)
  AND ($level = '' OR u.level = $level)
  AND ($date_from = '' OR (a.date IS NOT NULL AND a.date >= $date_from))
  AND ($date_to = '' OR (a.date IS NOT NULL AND substring(a.date, 0, size($date_to)) <= $date_to))
  AND IN_COLLECTIONS
  AND VERIFIED
RETURN collect([u.id, u.name, u.kind, u.level, u.province, u.city, a.stage, a.date,
                a.date_precision, a.fact_id, DOCS, a.confidence, a.rules,
                STATUS]) AS packed
""".replace("IN_COLLECTIONS", in_collections("a"))
        .replace("DOCS", docs_in_collections("a"))
        .replace("VERIFIED", is_verified("a"))
        .replace("STATUS", status_of("a")),
        params=(_INITIATIVE, _PROVINCE, _LEVEL, _STAGE, _FROM, _TO, COLLECTIONS, VERIFIED),
        # one text and one set of parameter types whichever filters are set (see `absent`;
        # a collection filter, shared with every query, still travels as null when unset)
        absent={"province": "", "level": "", "stage": "", "date_from": "", "date_to": ""},
        # every adoption: the explorer counts and exports them all (and shows the first);
        # a national graph's most adopted initiative has about 7,500, one packed record
        row_limit=100_000,
        # packed and joined here: sorted on the server and sent a record each, the most
        # adopted initiative's thousands of adoptions took several times as long
        packed=(*ADOPTION_COLUMNS, "fact_id", "doc_ids", *FACT_CONFIDENCE, "status"),
        postprocess=adopters_per_unit,
    )
)

ADOPTED_BY = register(
    NamedQuery(
        name="adopted_by",
        title="某单位推行的举措",
        description="The initiatives a unit adopted, piloted, promoted or was awarded for, "
        "with the extraction's confidence and rules.",
        cypher="""
MATCH (u:Entity {id: $unit})-[a:ADOPTED]->(i:Initiative)
WHERE IN_COLLECTIONS AND VERIFIED
RETURN i.id AS initiative_id, i.name AS initiative, i.name_en AS initiative_en,
       coalesce(i.candidate, false) AS candidate, a.stage AS stage, a.date AS date,
       a.date_precision AS date_precision,
       a.fact_id AS fact_id, size(DOCS) AS documents, DOCS AS doc_ids,
       a.confidence AS confidence,
       a.rules AS rules, STATUS AS status
ORDER BY date, initiative
""".replace("IN_COLLECTIONS", in_collections("a"))
        .replace("DOCS", docs_in_collections("a"))
        .replace("VERIFIED", is_verified("a"))
        .replace("STATUS", status_of("a")),
        params=(_UNIT, COLLECTIONS, VERIFIED),
    )
)

HIERARCHY = register(
    NamedQuery(
        name="hierarchy",
        title="单位的上下级",
        description="A unit's place in the court hierarchy: every level above it and the units "
        "directly below it.",
        cypher="""
MATCH p = (u:Entity {id: $unit})-[:PART_OF*1..5]->(up:Entity)
WHERE all(r IN relationships(p) WHERE CONFIRMED)
RETURN 'up' AS direction, length(p) AS depth, up.id AS id, up.name AS name,
       up.kind AS kind, up.level AS level
UNION ALL
MATCH (u:Entity {id: $unit})<-[r:PART_OF]-(c:Entity)
WHERE CONFIRMED
RETURN 'down' AS direction, 1 AS depth, c.id AS id, c.name AS name, c.kind AS kind,
       c.level AS level
""".replace("CONFIRMED", is_confirmed("r")),
        # the roster's hierarchy is reference data: it stays with verified=true
        params=(_UNIT, VERIFIED),
        row_limit=5000,
        postprocess=lambda rows, _p: sorted(
            rows,
            key=lambda r: (
                r["direction"] != "up",
                -r["depth"] if r["direction"] == "up" else 0,
                r["name"] or "",
            ),
        ),
    )
)

PEOPLE = register(
    NamedQuery(
        name="people",
        title="单位人员及职务",
        description="People the documents name with a role in a unit.",
        cypher="""
MATCH (u:Entity {id: $unit})<-[r:HOLDS_ROLE]-(p:Person)
WHERE VERIFIED
RETURN p.id AS person_id, p.name AS person, r.title AS title, r.fact_id AS fact_id,
       size(r.doc_ids) AS documents, STATUS AS status
ORDER BY person
""".replace("VERIFIED", is_verified("r")).replace("STATUS", status_of("r")),
        params=(_UNIT, VERIFIED),
        headers={"title": "职务"},
    )
)

# an edge's review status: 'reference' for reference data (the roster's hierarchy)
_EDGE_STATUS = (
    "coalesce(r.review_status, CASE WHEN r.source IS NULL THEN 'extracted' ELSE 'reference' END)"
)
_EDGE = """a.id, a.name, a.kind, type(r), coalesce(r.stage, r.title, r.initiative, ''), r.fact_id, b.id,
       b.name, b.kind, STATUS""".replace("STATUS", _EDGE_STATUS)
_EDGE_COLUMNS = (
    "source",
    "source_name",
    "source_kind",
    "type",
    "detail",
    "fact_id",
    "target",
    "target_name",
    "target_kind",
    "status",
)


def _edges_by_hops(rows: list[dict[str, Any]], _params: dict[str, Any]) -> list[dict[str, Any]]:
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        key = (r["source"], r["type"], r["target"], r["fact_id"])
        if key not in best or r["hops"] < best[key]["hops"]:
            best[key] = r
    return sorted(best.values(), key=lambda r: (r["hops"], r["source"], r["target"]))


NEIGHBOURHOOD = register(
    NamedQuery(
        name="neighbourhood",
        title="实体关系网络",
        description="Relationships within `depth` steps of an entity (documents excluded), as "
        "edges with both ends; kinds restrict every node on the way. Up to `size` direct "
        "relationships come first, then the first `size` longer paths the server finds, so "
        "a hub's neighbourhood stays bounded (a view of N nodes needs no more than N). With "
        "collections, only the facts a document of those collections supports, and the "
        "roster's hierarchy (reference data), on every step.",
        cypher="""
MATCH (n:Entity {id: $entity})-[r:FACT_RELS]-(m:Entity)
WHERE (size($kinds) = 0 OR (n.kind IN $kinds AND m.kind IN $kinds)) AND CONFIRMED_R
  AND IN_COLLECTIONS_R
WITH r LIMIT $size
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN collect([EDGE, 1]) AS packed
UNION ALL
MATCH p = (n:Entity {id: $entity})-[:FACT_RELS*1..{depth}]-(m:Entity)
WHERE length(p) >= 2 AND (size($kinds) = 0 OR all(x IN nodes(p) WHERE x.kind IN $kinds))
  AND all(q IN relationships(p) WHERE CONFIRMED_Q AND IN_COLLECTIONS_Q)
WITH p LIMIT $size
UNWIND relationships(p) AS r
WITH r, length(p) AS hops, startNode(r) AS a, endNode(r) AS b
RETURN collect([EDGE, hops]) AS packed
""".replace("FACT_RELS", _FACT_RELS)
        .replace("EDGE", _EDGE)
        .replace("CONFIRMED_R", is_confirmed("r"))
        .replace("CONFIRMED_Q", is_confirmed("q"))
        .replace("IN_COLLECTIONS_R", in_collections_or_reference("r"))
        .replace("IN_COLLECTIONS_Q", in_collections_or_reference("q")),
        params=(
            _ENTITY,
            Param("depth", "int", "深度", default=1, minimum=1, maximum=3, splice=True),
            Param("kinds", "labels", "节点类型", help=",".join(ENTITY_LABELS)),
            Param(
                "size",
                "int",
                "规模上限",
                default=200,
                minimum=1,
                maximum=3000,
                help="先直接关系、后更长的路径：每种最多这么多（200：网络页默认的节点上限）",
            ),
            VERIFIED,
            COLLECTIONS,
        ),
        absent={"kinds": []},  # one text and one set of parameter types, kinds or not
        row_limit=6000,
        packed=(*_EDGE_COLUMNS, "hops"),
        postprocess=_edges_by_hops,
    )
)

_PATH_COLUMNS = """[n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
       [n IN nodes(p) | n.kind] AS kinds, [r IN relationships(p) | type(r)] AS types,
       length(p) AS hops"""
_PATH_ROWS = """RETURN [n IN path | n.id] AS ids, [n IN path | n.name] AS names,
       [n IN path | n.kind] AS kinds, [r IN rels | type(r)] AS types, size(rels) AS hops"""


def _path_length(store: GraphStore, params: dict[str, Any]) -> Plan:
    """ArcadeDB finds one shortest path from both ends in a few milliseconds, but enumerates
    all of them by walking out from one end only: at three steps through initiatives that
    each link thousands of units, that is slow. So find the length first, and for
    one to three steps meet in the middle: the neighbours of each end, and the links between
    them (read from their non-initiative side: no relationship joins two initiatives)."""
    if params.get("verified"):  # the shortest confirmed path may be longer: search it whole
        return Plan()
    hops = int(params["max_hops"])
    rows = store.read(
        "MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) "
        f"MATCH p = shortestPath((a)-[:{_FACT_RELS}*..{hops}]-(b)) RETURN length(p) AS hops",
        {"source": params["source"], "target": params["target"]},
    )
    length = rows[0]["hops"] if rows else None
    return Plan(f"{length} hops" if length in (1, 2, 3) else None)


PATH = register(
    NamedQuery(
        name="path",
        title="两个实体之间的最短路径",
        description="The shortest connections between two entities (documents excluded): "
        "every path of the shortest length, up to the row limit.",
        cypher="""
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[:FACT_RELS*..{max_hops}]-(b))
WHERE all(r IN relationships(p) WHERE CONFIRMED)
RETURN COLUMNS
""".replace("FACT_RELS", _FACT_RELS)
        .replace("COLUMNS", _PATH_COLUMNS)
        .replace("CONFIRMED", is_confirmed("r")),
        variants={
            "1 hops": """
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = (a)-[r:FACT_RELS]-(b)
WHERE CONFIRMED
RETURN COLUMNS
""".replace("FACT_RELS", _FACT_RELS)
            .replace("COLUMNS", _PATH_COLUMNS)
            .replace("CONFIRMED", is_confirmed("r")),
            "2 hops": """
MATCH (a:Entity {id: $source})-[r1:FACT_RELS]-(x:Entity)
WHERE CONFIRMED_1
WITH a, collect([r1, x]) AS left
MATCH (b:Entity {id: $target})-[r2:FACT_RELS]-(y:Entity)
WHERE CONFIRMED_2
UNWIND left AS l
WITH a, l[0] AS r1, l[1] AS x, r2, y, b
WHERE x = y
WITH [a, x, b] AS path, [r1, r2] AS rels
ROWS
""".replace("FACT_RELS", _FACT_RELS)
            .replace("ROWS", _PATH_ROWS)
            .replace("CONFIRMED_1", is_confirmed("r1"))
            .replace("CONFIRMED_2", is_confirmed("r2")),
            "3 hops": """
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH (a)-[r1:FACT_RELS]-(x:Entity)
WHERE CONFIRMED_1
WITH a, b, collect([r1, x]) AS left
MATCH (b)-[r3:FACT_RELS]-(y:Entity)
WHERE CONFIRMED_3
WITH a, b, left, collect([r3, y]) AS right
WITH a, b, left, right, [l IN left | l[1]] AS xs, [q IN right | q[1]] AS ys
UNWIND [n IN xs + ys WHERE NOT n:Initiative] AS z
WITH DISTINCT a, b, left, right, xs, ys, z
MATCH (z)-[r2:FACT_RELS]-(w:Entity)
WHERE ((z IN xs AND w IN ys) OR (z IN ys AND w IN xs)) AND CONFIRMED_2
WITH a, b, left, right, r2, CASE WHEN z IN xs AND w IN ys THEN [z, w] ELSE [w, z] END AS xy
WITH DISTINCT a, b, left, right, r2, xy[0] AS x, xy[1] AS y
UNWIND [l IN left WHERE l[1] = x] AS l
UNWIND [q IN right WHERE q[1] = y] AS q
WITH [a, x, y, b] AS path, [l[0], r2, q[0]] AS rels
ROWS
""".replace("FACT_RELS", _FACT_RELS)
            .replace("ROWS", _PATH_ROWS)
            .replace("CONFIRMED_1", is_confirmed("r1"))
            .replace("CONFIRMED_2", is_confirmed("r2"))
            .replace("CONFIRMED_3", is_confirmed("r3")),
        },
        plan=_path_length,
        params=(
            Param("source", "entity", "起点", required=True),
            Param("target", "entity", "终点", required=True),
            Param("max_hops", "int", "最多步数", default=6, minimum=1, maximum=8, splice=True),
            VERIFIED,
        ),
        row_limit=50,
        postprocess=lambda rows, _p: sorted(
            rows, key=lambda r: ([n or "" for n in r["names"]], r["types"])
        ),
    )
)


def _rank_search(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    q = params.get("q_text") or ""
    short = short_form(q)  # 递铺法庭: the tribunal whose full name it shortens next
    best: dict[str, dict[str, Any]] = {}
    for r in rows:
        exact = r["name"] == q or q in (r.get("aliases") or [])
        shortened = short is not None and bool(short[1].search(r["name"] or ""))
        r = {**r, "score": float(r["score"]) + (100.0 if exact else 50.0 if shortened else 0.0)}
        if r["id"] not in best or r["score"] > best[r["id"]]["score"]:
            best[r["id"]] = r
    return sorted(best.values(), key=lambda r: (-r["score"], r["name"] or ""))


SEARCH = register(
    NamedQuery(
        name="search",
        title="按名称或别名检索",
        description="Full-text search over names and aliases of every kind of entity "
        "(simplified or traditional input); exact names rank first, then the courts a short "
        "form such as 递铺法庭 or 湖州中院 names.",
        cypher="\nUNION ALL\n".join(
            f"CALL db.index.fulltext.queryNodes($ix_{lab.lower()}, $q) YIELD node, score "
            f"WHERE size($kinds) = 0 OR '{lab}' IN $kinds "
            "RETURN node.id AS id, node.name AS name, node.kind AS kind, node.level AS level, "
            "node.aliases AS aliases, score"
            for lab in ENTITY_LABELS
        ),
        params=(
            Param("q", "search", "检索词", required=True, help="名称或别名，例如 本溪中院"),
            Param("kinds", "labels", "类型", help=",".join(ENTITY_LABELS)),
        ),
        fulltext={f"ix_{lab.lower()}": lab for lab in ENTITY_LABELS},
        absent={"kinds": []},  # one text and one set of parameter types, kinds or not
        row_limit=50,
        postprocess=_rank_search,
    )
)


def _figure(row: dict[str, Any]) -> str:
    """A figure as a conflict note names it: value and unit (65.2%, 2108件)."""
    value = row.get("value")
    shown = f"{value:g}" if isinstance(value, int | float) else str(value)
    return f"{row.get('qualifier') or ''}{shown}{row.get('unit_of_measure') or ''}"


#: under a table of figures with a conflict
CONFLICT_NOTE = (
    "数字冲突：同一单位就同一指标、范围和期间报告了不同的数字（例如一篇稿件的更正稿与原稿）；"
    "请打开证据核对原文，若一份取代另一份，可在审核中驳回旧的，或用 "
    "`python -m graph delete-document 文档编号` 删除旧稿。"
)


def mark_conflicts(
    rows: list[dict[str, Any]], *, by: Sequence[str] = (), own: bool = False
) -> list[dict[str, Any]]:
    """`rows` (figures) with `conflict`: where the same unit (`by`: the columns naming it, if
    the rows are of several units) reports the same metric, unit of measure, scope and period
    with another value, the other values (同一指标另报 62.5%), else None. A corrected near-copy of
    an article (数字有改动) leaves two such figures side by side; this says they disagree.
    Only exact figures disagree: one with a qualifier (超过90%, 约2000件) is a bound or a round
    figure, which an exact 95% does not contradict, and one without a value says nothing.
    `own`: the rows are the caller's, just made (a named query's postprocess): each is
    marked as it is instead of copied (20,000 copies under the SPC).

    >>> rows = [{"metric": "调解成功率", "value": v, "unit_of_measure": "%", "scope": "本院",
    ...          "period": None} for v in (62.5, 65.2)]
    >>> [r["conflict"] for r in mark_conflicts(rows)]
    ['同一指标另报 65.2%', '同一指标另报 62.5%']
    >>> bound = [{**rows[0], "value": 90, "qualifier": "超"}, {**rows[0], "value": 95}]
    >>> [r["conflict"] for r in mark_conflicts(bound)]
    [None, None]
    """
    key_of = [*by, "metric", "unit_of_measure", "scope", "period"]
    # each exact figure's key (one with a value and no qualifier), computed once (a unit
    # briefing of the SPC marks 20,000 rows)
    keys = [
        None
        if r.get("value") is None or r.get("qualifier")
        else tuple(map(str, map(r.get, key_of)))
        for r in rows
    ]
    first: dict[tuple[str, ...], dict[Any, dict[str, Any]]] = defaultdict(dict)
    for r, key in zip(rows, keys, strict=True):
        if key is not None:
            first[key].setdefault(r.get("value"), r)
    # the figure in words only where a key has two values (a few dozen of 20,000 rows)
    values = {
        key: {value: _figure(r) for value, r in seen.items()}
        for key, seen in first.items()
        if len(seen) > 1
    }
    out = []
    for r, key in zip(rows, keys, strict=True):
        conflict = None
        if key is not None and (seen := values.get(key)) is not None:
            others = [shown for value, shown in seen.items() if value != r.get("value")]
            conflict = f"同一指标另报 {'、'.join(others)}" if others else None
        if own:
            r["conflict"] = conflict
        else:
            out.append({**r, "conflict": conflict})
    return rows if own else out


UNIT_OUTCOMES = register(
    NamedQuery(
        name="unit_outcomes",
        title="单位报告的成效数据",
        description="Figures a unit reported (reported claims, not measured effects), with the "
        "initiative they are tied to where the text ties them, and each figure's scope in "
        "words (范围: 本院, or the area the text gives it, e.g. 江西省全省法院: a high court's "
        "figure for every court of its province is not its own). `link_fact_id` is the fact tying the figure to its initiative (REPORTED figure → initiative): the one to correct when the initiative is wrong.",
        cypher="""
MATCH (u:Entity {id: $unit})-[r:REPORTED]->(o:Outcome)
WHERE IN_COLLECTIONS AND VERIFIED_R
OPTIONAL MATCH (o)-[l:REPORTED]->(i:Initiative)
WHERE VERIFIED_L
RETURN o.id AS outcome_id, o.metric AS metric, o.value AS value,
       o.unit_of_measure AS unit_of_measure, o.qualifier AS qualifier,
       o.direction AS direction, o.period AS period, SCOPE AS scope,
       i.name AS initiative, r.fact_id AS fact_id, size(DOCS) AS documents, STATUS_R AS status,
       CASE WHEN l IS NULL THEN null ELSE STATUS_L END AS link_status,
       l.fact_id AS link_fact_id
ORDER BY period, metric
""".replace("IN_COLLECTIONS", in_collections("r"))
        .replace("DOCS", docs_in_collections("r"))
        .replace("VERIFIED_R", is_verified("r"))
        .replace("VERIFIED_L", is_verified("l"))
        .replace("STATUS_R", status_of("r"))
        .replace("STATUS_L", status_of("l"))
        .replace("SCOPE", scope_of("r", "u")),
        params=(_UNIT, COLLECTIONS, VERIFIED_FIGURE),
        postprocess=lambda rows, _p: mark_conflicts(rows),
    )
)

# an outcome's columns, in this order wherever a query lists them
OUTCOME_COLUMNS = ("metric", "value", "unit_of_measure", "qualifier", "direction", "period")

INITIATIVE_OUTCOMES = register(
    NamedQuery(
        name="initiative_outcomes",
        title="举措相关的成效数据",
        description="Figures the documents tie to an initiative (whichever unit reported "
        "them), by unit, with the extraction's confidence and rules: what the 举措 page's 成效数据 "
        "and a briefing list. `python -m queries.analytics outcomes` lists instead every figure "
        "the initiative's adopters report, whatever it is tied to, so it shows more.",
        cypher="""
MATCH (i:Entity {id: $initiative})<-[l:REPORTED]-(o:Outcome)<-[r:REPORTED]-(u:Entity)
WHERE IN_COLLECTIONS AND VERIFIED_R AND VERIFIED_L
RETURN collect([u.id, u.name, o.metric, o.value, o.unit_of_measure, o.qualifier,
                o.direction, o.period, SCOPE, r.fact_id, r.confidence, r.rules, STATUS_R,
                STATUS_L, l.fact_id]) AS packed
""".replace("IN_COLLECTIONS", in_collections("r"))
        .replace("VERIFIED_R", is_verified("r"))
        .replace("VERIFIED_L", is_verified("l"))
        .replace("STATUS_R", status_of("r"))
        .replace("STATUS_L", status_of("l"))
        .replace("SCOPE", scope_of("r", "u")),
        params=(_INITIATIVE, COLLECTIONS, VERIFIED_TIED_FIGURE),
        # a figure is two facts: the unit reported it (status), it is tied to the initiative
        # (link_status); verified when both are
        packed=(
            "unit_id",
            "unit",
            *OUTCOME_COLUMNS,
            "scope",
            "fact_id",
            *FACT_CONFIDENCE,
            "status",
            "link_status",
            "link_fact_id",
        ),
        postprocess=lambda rows, _p: mark_conflicts(
            sorted(rows, key=lambda r: (r["unit"] or "", r["metric"] or "", r["fact_id"] or "")),
            by=("unit_id",),
        ),
    )
)

_EVIDENCE_COLUMNS = """e.fact_type AS fact_type, WRITTEN AS original_sentence,
       e.original_start AS original_start, e.original_end AS original_end,
       e.sentence AS sentence, e.quote AS quote,
       e.start AS start, e.end AS end, e.date AS date, e.rule AS rule,
       e.confidence AS confidence, d.id AS doc_id, d.title AS title, d.date AS doc_date,
       d.urls AS urls""".replace("WRITTEN", written_sentence("e"))

EVIDENCE = register(
    NamedQuery(
        name="evidence",
        title="某条事实的证据",
        description="The sentences a fact came from, with their documents and the rule and "
        "confidence of each sentence's proposal (with verified=true: none unless a reviewer "
        "confirmed or corrected the fact). original_sentence is the sentence as the source "
        "writes it, original_start/original_end its offsets in the source's text (empty for "
        "a sentence stored before they were kept); sentence, start and end are the normalized "
        "sentence and its offsets in the stored document text.",
        cypher="""
MATCH (e:Evidence {fact_id: $fact_id})
WHERE NOT $verified
MATCH (d:Document {id: e.doc_id})
RETURN EVIDENCE
ORDER BY doc_date, start
""".replace("EVIDENCE", _EVIDENCE_COLUMNS),
        # the fact's status is on its relationship, found from the first sentence's document
        # (which mentions the fact's source), as the query `fact` does
        variants={
            "verified": """
MATCH (e:Evidence {fact_id: $fact_id})
WITH e LIMIT 1
MATCH (:Document {id: e.doc_id})-[:MENTIONS]->(:Entity)-[r:FACT_RELS]->(:Entity)
WHERE r.fact_id = $fact_id AND VERIFIED
WITH r LIMIT 1
MATCH (e:Evidence {fact_id: $fact_id})
MATCH (d:Document {id: e.doc_id})
RETURN EVIDENCE
ORDER BY doc_date, start
""".replace("FACT_RELS", _FACT_RELS)
            .replace("VERIFIED", is_verified("r"))
            .replace("EVIDENCE", _EVIDENCE_COLUMNS)
        },
        plan=lambda _store, params: Plan("verified" if params.get("verified") else None),
        params=(FACT_ID, VERIFIED),
    )
)

_COVERAGE_ROWS = (
    """
OPTIONAL MATCH (u)-[a:ADOPTED]->(i)
WHERE IN_COLLECTIONS AND VERIFIED
WITH u, length(p) AS depth, collect(a) AS mine
RETURN collect([u.id, u.name, u.level, depth, size(mine) > 0, [z IN mine | z.stage],
       reduce(d = null, z IN mine | CASE WHEN d IS NULL OR z.date < d THEN z.date ELSE d END),
       u.roster_source, u.tribunal_roster_source IS NOT NULL,
       [z IN mine | STATUS]]) AS packed
""".replace("IN_COLLECTIONS", in_collections("a"))
    .replace("VERIFIED", is_verified("a"))
    .replace("STATUS", status_of("z"))
)
# levels with few courts in the whole country (a few hundred at most)
_FEW_COURTS = ("supreme", "high", "intermediate", "special")


def _coverage_direction(store: GraphStore, params: dict[str, Any]) -> Plan:
    """Under the supreme court every unit of the country is below: for a level with few
    courts, walking up from those courts reads a few hundred paths where walking down
    reads all 13,000 units (an order of magnitude slower on the benchmark graph). Under any
    other court the walk down is the short one."""
    if params.get("level") not in _FEW_COURTS:
        return Plan()
    rows = store.read(
        "MATCH (c:Entity {id: $court}) RETURN c.level AS level", {"court": params["court"]}
    )
    return Plan("up" if rows and rows[0]["level"] == "supreme" else None)


COVERAGE = register(
    NamedQuery(
        name="coverage",
        title="辖区覆盖情况",
        description="For an initiative and a court: every unit under that court (optionally one "
        "level) and whether it has adopted the initiative, at what stage and since when. "
        "A tribunal counts towards coverage only when an imported roster lists it (column "
        "`roster`; `python -m ingest roster FILE`); other tribunals are those articles named, "
        "no denominator, and `has_roster` tells which courts imported one. `adopted` is the "
        "unit's own reports only: a court that reports nothing itself but whose people's "
        "tribunals do shows adopted = false here, yet counts as covered (下属人民法庭已推行) "
        "in `python -m queries.analytics coverage` and the explorer; the named query "
        "`tribunal_adopters` lists those tribunals by court.",
        cypher="""
MATCH (i:Entity {id: $initiative})
MATCH (c:Entity {id: $court})
MATCH p = (c)<-[:PART_OF*1..4]-(u:Entity)
WHERE $level = '' OR u.level = $level"""
        + _COVERAGE_ROWS,
        variants={
            "up": """
MATCH (i:Entity {id: $initiative})
MATCH (c:Entity {id: $court})
MATCH (u:Court {level: $level})
MATCH p = (u)-[:PART_OF*1..4]->(c)"""
            + _COVERAGE_ROWS
        },
        plan=_coverage_direction,
        params=(
            _INITIATIVE,
            Param(
                "court",
                "entity",
                "上级法院",
                required=True,
                help="统计其辖区的法院，例如 本溪中院 或 辽宁高院",
            ),
            _LEVEL,
            COLLECTIONS,
            VERIFIED,
        ),
        absent={"level": ""},  # one text and one set of parameter types, one level or not
        row_limit=20000,
        packed=(
            "unit_id",
            "unit",
            "level",
            "depth",
            "adopted",
            "stages",
            "first_date",
            "roster",  # a tribunal: the imported roster that lists it
            "has_roster",  # a court: whether its roster of tribunals was imported
            "statuses",  # the review status of each adoption counted
        ),
        postprocess=lambda rows, _p: sorted(
            rows, key=lambda r: (r["depth"], not r["adopted"], r["unit"] or "")
        ),
    )
)

# the initiatives with verified adopters, counted from the relationships: reviewers decide a
# few thousand facts at most, but they may be anywhere, so every adoption of an initiative
# with adopters is read (the summary cannot say which were reviewed)
TOP_FROM_FACTS = """
MATCH (i:Initiative)
WHERE i.adopter_count > 0
MATCH (i)<-[a:ADOPTED]-(u:Entity)
WHERE VERIFIED AND IN_COLLECTIONS
WITH i, count(DISTINCT u) AS units, min(a.date) AS first_date
RETURN i.id AS initiative_id, i.name AS initiative, i.name_en AS initiative_en,
       units, first_date
ORDER BY units DESC, initiative
""".replace("VERIFIED", is_verified("a")).replace("IN_COLLECTIONS", in_collections("a"))

TOP_INITIATIVES = register(
    NamedQuery(
        name="top_initiatives",
        title="采用单位最多的举措",
        description="Initiatives ranked by the number of distinct units reported at any stage "
        "(the store's adoption summary), with the first reported date; with verified=true "
        "counted from the confirmed or corrected adoptions, with collections from the "
        "adoptions those collections' documents report.",
        cypher="""
MATCH (i:Initiative)
WHERE i.adopter_count > 0 AND NOT $verified AND $collections IS NULL
      AND $collections_docs IS NOT NULL
RETURN i.id AS initiative_id, i.name AS initiative, i.name_en AS initiative_en,
       i.adopter_count AS units, i.first_date AS first_date
ORDER BY units DESC, initiative
""",
        # the summary counts every adoption of every document: with the 只看已核实 switch or
        # chosen collections the units are counted from the facts
        variants={"facts": TOP_FROM_FACTS},
        plan=lambda _store, params: Plan(
            "facts" if params.get("verified") or params.get("collections") else None
        ),
        params=(VERIFIED, COLLECTIONS),
        row_limit=50,
    )
)


def _recent_floor(store: GraphStore, _params: dict[str, Any]) -> Plan:
    """The store keeps the date of its 50th latest document: reading from there is a short
    index range, where sorting every document is not."""
    return Plan(params={"floor": read_meta(store).get("recent_since") or ""})


LATEST_DOCUMENTS = register(
    NamedQuery(
        name="latest_documents",
        title="最新文档",
        description="The most recent source documents in the graph.",
        cypher="""
MATCH (d:Document)
WHERE d.date >= $floor AND ($since = '' OR d.date >= $since)
RETURN d.id AS doc_id, d.title AS title, d.date AS date, d.site AS site, d.urls AS urls
ORDER BY date DESC, title
LIMIT 20
""",
        params=(Param("since", "date", "起始日期", help="只列这个日期及以后的文档"),),
        absent={"since": ""},  # one text and one set of parameter types, a date or not
        row_limit=20,
        plan=_recent_floor,
        planned=("floor",),
    )
)

# the surface as the document writes it: the mention's own when its sentence holds it, else a
# name of the entity the sentence holds (ingest records a court's mention under its full name
# when the article names a unit below it: 岭背人民法庭 → 江西省赣州市中级人民法院), else none
_DOC_ROW = (
    "d.id, d.title, d.date, d.urls, "
    "CASE WHEN m.sentence CONTAINS m.surface THEN m.surface "
    "ELSE head([a IN coalesce(n.aliases, []) WHERE m.sentence CONTAINS a]) END, "
    f"m.sentence, m.start, m.end, {written_sentence('m')}"
)

#: 提及方式 of a document the entity's name is not written in (see `_DOC_ROW`)
NOT_WRITTEN = "文中未写出此名（由所属下级单位或“全市法院”等推知）"


def _mentioned_as(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with how the document mentions the entity: 文中写出, or `NOT_WRITTEN`."""
    return [{**r, "mentioned": "文中写出" if r["surface"] else NOT_WRITTEN} for r in rows]


def _documents_listed(store: GraphStore, params: dict[str, Any]) -> Plan:
    rows = store.read(
        "MATCH (n:Entity {id: $entity}) RETURN n.recent_docs IS NOT NULL AS listed",
        {"entity": params["entity"]},
    )
    return Plan("listed" if rows and rows[0]["listed"] else None)


MENTIONED_IN = register(
    NamedQuery(
        name="documents",
        title="提及某实体的文档",
        description="The latest 200 documents that mention an entity, with the first sentence "
        "naming it (`truncated` when there are more), the name as the document writes it "
        "(surface; none when the document does not write it: a court an article reaches "
        "through a unit below it, or an area such as 全市法院) and how it is mentioned "
        "(mentioned: 文中写出, or 文中未写出). sentence is normalized; original_sentence is it "
        "as the source writes it (empty when stored before it was kept).",
        # sorted and cut on the server (the row limit + 1, to tell it was cut) and packed;
        # every row costs, whichever way it was found
        cypher="""
MATCH (n:Entity {id: $entity})<-[m:MENTIONS]-(d:Document)
WITH n, d, m
ORDER BY d.date IS NULL, d.date DESC, d.id DESC
LIMIT 201
RETURN collect([DOC]) AS packed
""".replace("DOC", _DOC_ROW),
        variants={
            # an entity mentioned by thousands of documents keeps the latest of them listed
            # (graph/summaries.py): 201 lookups instead of a visit to its every mention
            # (thousands for a popular initiative)
            "listed": """
MATCH (n:Entity {id: $entity})
UNWIND n.recent_docs AS entry
WITH n, split(entry, ' ')[1] AS doc
MATCH (d:Document {id: doc})
MATCH (d)-[m:MENTIONS]->(x:Entity)
WHERE x = n
RETURN collect([DOC]) AS packed
""".replace("DOC", _DOC_ROW),
        },
        plan=_documents_listed,
        params=(_ENTITY,),
        row_limit=200,
        packed=(
            "doc_id",
            "title",
            "date",
            "urls",
            "surface",
            "sentence",
            "start",
            "end",
            "original_sentence",
        ),
        postprocess=lambda rows, _p: _mentioned_as(
            sorted(
                rows,
                key=lambda r: (r["date"] is not None, r["date"] or "", r["doc_id"]),
                reverse=True,
            )
        ),
    )
)

ENTITY = register(
    NamedQuery(
        name="entity",
        title="实体详情",
        description="Every property of one entity.",
        cypher="MATCH (n:Entity {id: $entity}) RETURN properties(n) AS properties",
        params=(_ENTITY,),
        row_limit=1,
    )
)
