"""Named queries the explorer app needs beyond the core library (lists for pickers, ...).

Like the library's, each pattern starts from an anchored node or a label, and works on
ArcadeDB and Neo4j 5 alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

from graph.model import FACT_TYPES, LEVELS, written_sentence
from queries.library import (
    COLLECTIONS,
    FACT_ID,
    VERIFIED,
    VERIFIED_FIGURE,
    in_collections,
    is_verified,
    mark_conflicts,
    scope_of,
)
from queries.registry import MAX_ID_LIST, NamedQuery, Param, Plan, register

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import GraphStore

_FACT_RELS = "|".join(FACT_TYPES)
_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


def _by_level(rows: list[dict[str, Any]], _params: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(
        rows,
        key=lambda r: (_LEVEL_RANK.get(r.get("level") or "", 99), r.get("court") or ""),
    )


def _counted_from_facts(_store: GraphStore, params: dict[str, Any]) -> Plan:
    """Counts kept as summaries cover every adoption of every document: read the facts when
    only reviewed ones or some collections' ones count."""
    return Plan("facts" if params.get("verified") or params.get("collections") else None)


INITIATIVES = register(
    NamedQuery(
        name="initiatives",
        title="全部改革举措",
        description="Every initiative in the graph with the number of units reported as "
        "adopting it (for pickers and lists; with verified=true, units with a confirmed or "
        "corrected adoption; with collections, only the initiatives a document of those "
        "collections reports, adopted or with a figure, and the units it reports); "
        "candidates are proposed from texts.",
        cypher="""
MATCH (i:Initiative)
WITH i, $verified OR $collections IS NOT NULL OR $collections_docs IS NULL AS filtered
RETURN i.id AS initiative_id, i.name AS initiative, i.name_en AS initiative_en,
       i.category AS category, coalesce(i.candidate, false) AS candidate,
       CASE WHEN filtered THEN 0 ELSE coalesce(i.adopter_count, 0) END AS units
ORDER BY units DESC, initiative
""",
        # the summary counts every adoption of every document: with the 只看已核实 switch or
        # chosen collections the units are counted from the facts. Chosen collections also
        # choose the initiatives, as on the other pages: those their documents report
        # (adopted, or linked to a figure), whether or not a reviewer has checked them
        variants={
            "facts": """
MATCH (i:Initiative)
OPTIONAL MATCH (i)<-[a:ADOPTED]-(u:Entity)
WHERE i.adopter_count > 0 AND IN_COLLECTIONS_A
WITH i, count(DISTINCT CASE WHEN VERIFIED THEN u.id END) AS units, count(a) AS adoptions
OPTIONAL MATCH (i)<-[l:REPORTED]-(:Outcome)
WHERE $collections IS NOT NULL AND adoptions = 0 AND IN_COLLECTIONS_L
WITH i, units, adoptions, count(l) AS links
WHERE $collections IS NULL OR adoptions > 0 OR links > 0
RETURN i.id AS initiative_id, i.name AS initiative, i.name_en AS initiative_en,
       i.category AS category, coalesce(i.candidate, false) AS candidate, units
ORDER BY units DESC, initiative
""".replace("VERIFIED", is_verified("a"))
            .replace("IN_COLLECTIONS_A", in_collections("a"))
            .replace("IN_COLLECTIONS_L", in_collections("l"))
        },
        plan=_counted_from_facts,
        params=(VERIFIED, COLLECTIONS),
        row_limit=5000,
    )
)

SUPERIOR_COURTS = register(
    NamedQuery(
        name="superior_courts",
        title="有下级单位的法院",
        description="Courts with units below them (the courts a coverage can be counted under), "
        "highest level first; optionally in one province.",
        cypher="""
MATCH (c:Court)
WHERE c.child_count > 0 AND ($province = '' OR c.province = $province)
RETURN collect([c.id, c.name, c.level, c.province, c.child_count]) AS packed
""",
        params=(Param("province", "text", "省份", help="例如 辽宁省"),),
        # one text and one set of parameter types, one province or all
        absent={"province": ""},
        row_limit=5000,
        packed=("court_id", "court", "level", "province", "children"),
        postprocess=_by_level,
    )
)

DOCUMENT = register(
    NamedQuery(
        name="document",
        title="文档全文",
        description="One source document: title, date, URLs, site and its stored text (the "
        "normalized text: traditional characters converted), with the files it was read from, "
        "their encoding and the text's hash (to read the sentences as the file writes them).",
        cypher="""
MATCH (d:Document {id: $doc})
RETURN d.id AS doc_id, d.title AS title, d.date AS date, d.date_note AS date_note,
       d.urls AS urls, d.site AS site, d.text AS text, d.paths AS paths,
       d.encoding AS encoding, d.content_hash AS content_hash
""",
        params=(Param("doc", "text", "文档 id", required=True, help="例如 doc:1a2b…"),),
        row_limit=1,
    )
)

_DOC_EVIDENCE = """e.fact_id AS fact_id, e.fact_type AS fact_type, e.sentence AS sentence,
       e.quote AS quote, e.start AS start, e.end AS end, e.date AS date,
       WRITTEN AS original_sentence, e.original_start AS original_start,
       e.original_end AS original_end""".replace("WRITTEN", written_sentence("e"))

DOCUMENT_EVIDENCE = register(
    NamedQuery(
        name="document_evidence",
        title="文档中的证据句",
        description="Every evidence sentence of one document, with the fact it supports and "
        "its offsets into the document text (normalized), and as the source writes it "
        "(original_sentence, with original_start/original_end into the source's text).",
        cypher="""
MATCH (e:Evidence {doc_id: $doc})
WHERE NOT $verified
RETURN DOC_EVIDENCE
ORDER BY start, fact_id
""".replace("DOC_EVIDENCE", _DOC_EVIDENCE),
        # with verified=true: the sentences of the confirmed or corrected facts only, their
        # status read from the relationships of the entities the document mentions
        variants={
            "verified": """
MATCH (:Document {id: $doc})-[:MENTIONS]->(:Entity)-[r:FACT_RELS]->(:Entity)
WHERE VERIFIED
WITH collect(DISTINCT r.fact_id) AS confirmed
MATCH (e:Evidence {doc_id: $doc})
WHERE e.fact_id IN confirmed
RETURN DOC_EVIDENCE
ORDER BY start, fact_id
""".replace("FACT_RELS", _FACT_RELS)
            .replace("VERIFIED", is_verified("r"))
            .replace("DOC_EVIDENCE", _DOC_EVIDENCE)
        },
        plan=lambda _store, params: Plan("verified" if params.get("verified") else None),
        params=(Param("doc", "text", "文档 id", required=True, help="例如 doc:1a2b…"), VERIFIED),
        row_limit=5000,
    )
)

FACT = register(
    NamedQuery(
        name="fact",
        title="事实详情",
        description="What a fact says: its type, both ends, stage or title, date, documents "
        "and review status (found through the documents its evidence comes from; with "
        "verified=true, nothing unless a reviewer confirmed or corrected it).",
        cypher="""
MATCH (e:Evidence {fact_id: $fact_id})
WITH e LIMIT 1
MATCH (d:Document {id: e.doc_id})-[:MENTIONS]->(a:Entity)
MATCH (a)-[r:FACT_RELS]->(b:Entity)
WHERE r.fact_id = $fact_id AND VERIFIED
RETURN DISTINCT type(r) AS type, a.id AS source_id, a.name AS source, b.id AS target_id,
       b.name AS target, r.stage AS stage, r.title AS title, r.initiative AS initiative,
       r.date AS date, r.doc_ids AS doc_ids, r.fact_id AS fact_id,
       coalesce(r.review_status, 'extracted') AS status
""".replace("VERIFIED", is_verified("r")).replace("FACT_RELS", _FACT_RELS),
        params=(FACT_ID, VERIFIED),
        row_limit=1,
    )
)

FIGURE_REPORTS = register(
    NamedQuery(
        name="figure_reports",
        title="报告某项成效数据的单位事实",
        description="The facts by which units report a figure (REPORTED unit → figure): where "
        "a correction of the figure's metric, value or unit of measure is recorded, also when "
        "a reviewer asks for it on the figure's link to an initiative.",
        cypher="""
MATCH (o:Entity {id: $figure})
MATCH (u:Entity)-[r:REPORTED]->(o)
RETURN u.id AS unit_id, u.name AS unit, r.fact_id AS fact_id,
       coalesce(r.review_status, 'extracted') AS status
ORDER BY unit_id, fact_id
""",
        params=(
            Param("figure", "text", "成效数据 id", required=True, help="成效数据的 id，outcome:…"),
        ),
        row_limit=100,
    )
)


def figure_correction(
    store: GraphStore, fact_id: str, new: dict[str, Any]
) -> list[tuple[str, dict[str, Any]]]:
    """Where the parts of a correction of `fact_id` go, as (fact id, fields) pairs: on a
    figure's link to an initiative (REPORTED figure → initiative), the figure's own fields
    (metric, value, unit of measure, period, qualifier) go to the one unit fact that reports
    the figure, where the store records them (a figure corrected through two facts would
    have two decisions fighting over it), and the rest to the link; any other fact takes
    the whole correction. BadParameter when no unit fact or several report the figure."""
    from graph.errors import BadParameter
    from graph.review import OUTCOME_FIELDS, label_kind
    from queries.registry import run

    figure = {k: v for k, v in new.items() if k in OUTCOME_FIELDS}
    if not figure:
        return [(fact_id, new)]
    found = run(store, "fact", {"fact_id": fact_id}).rows
    source = found[0]["source_id"] if found else ""
    if label_kind(source) != "Outcome":
        return [(fact_id, new)]
    reports = run(store, "figure_reports", {"figure": source}).rows
    if len(reports) != 1:
        raise BadParameter(
            f"the figure {source} is reported by {len(reports)} unit facts, not one: correct "
            "its metric or value on the unit's fact (REPORTED unit → figure) you mean"
        )
    rest = {k: v for k, v in new.items() if k not in OUTCOME_FIELDS}
    out = [(str(reports[0]["fact_id"]), figure)]
    return out + [(fact_id, rest)] if rest else out


DOCUMENT_SOURCES = register(
    NamedQuery(
        name="document_sources",
        title="文档来源信息",
        description="Title, date, URLs, collections and file paths of the documents named by "
        "a comma-separated list of ids (the doc_ids of a subgraph's facts), for footnotes and "
        "source lists (a demo document is marked there; a document without a URL is told "
        "apart by its file name, `source_name`).",
        cypher="""
UNWIND split($ids, ',') AS id
MATCH (d:Document {id: id})
RETURN d.id AS doc_id, d.title AS title, d.date AS date, d.urls AS urls,
       coalesce(d.collections, []) AS collections, d.paths AS paths
ORDER BY date DESC, doc_id
""",
        params=(
            Param(
                "ids",
                "text",
                "文档 id 列表",
                required=True,
                help="doc:…,doc:…（逗号分隔）",
                max_length=MAX_ID_LIST,
            ),
        ),
        row_limit=20_000,  # as many ids as a list of MAX_ID_LIST characters holds
    )
)


def id_lists(ids: Iterable[str], *, most: int) -> Iterator[str]:
    """`ids` as comma-separated lists for an `ids` parameter: each of at most `most` ids (the
    query's row limit) and `MAX_ID_LIST` characters, so no answer is cut and no list refused.

    >>> list(id_lists(["a", "b", "c"], most=2))
    ['a,b', 'c']
    """
    batch: list[str] = []
    length = 0
    for doc in ids:
        if batch and (len(batch) >= most or length + 1 + len(doc) > MAX_ID_LIST):
            yield ",".join(batch)
            batch, length = [], 0
        length += len(doc) + (1 if batch else 0)
        batch.append(doc)
    if batch:
        yield ",".join(batch)


def source_name(row: dict[str, Any]) -> str | None:
    """What tells a source without a URL apart from another of the same title: its file's
    name (an upload's name), else its document id; None when it has a URL (the URL does).
    Two versions of one report (a corrected copy) have the same title and often no date.

    >>> source_name({"doc_id": "doc:1", "paths": ["/data/a9_dalian.txt"]})
    'a9_dalian.txt'
    >>> source_name({"doc_id": "doc:1", "paths": ["上传：c1.txt（王审核，2026-12-07 07:22 UTC）"]})
    'c1.txt'
    >>> source_name({"doc_id": "doc:1", "urls": ["http://a"]}), source_name({"doc_id": "doc:1"})
    (None, 'doc:1')
    """
    import posixpath
    import re

    if row.get("urls"):
        return None
    paths = row.get("paths") or []
    if not paths:
        return str(row["doc_id"])
    upload = re.match(r"^上传：(.+)（[^（）]*）$", paths[0])
    if upload:
        return upload.group(1)
    return posixpath.basename(paths[0].replace("\\", "/")) or str(row["doc_id"])


def document_sources(
    store: GraphStore | None,
    ids: Iterable[str],
    *,
    ask: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """`document_sources` rows of the documents `ids` (each once), asked in as few questions
    as the query's row limit and the id-list limit allow (a national initiative's 100,000
    documents: 5 questions). `ask`: how to run the query on a parameter dict (the app's
    cache), else it is run on `store`."""
    from queries.registry import get, run

    def on_store(params: dict[str, Any]) -> list[dict[str, Any]]:
        assert store is not None
        return run(store, "document_sources", params).rows

    most = get("document_sources").row_limit
    out: list[dict[str, Any]] = []
    for chunk in id_lists(dict.fromkeys(ids), most=most):
        out += (ask or on_store)({"ids": chunk})
    return out


UNIT_PARENTS = register(
    NamedQuery(
        name="unit_parents",
        title="单位的直接上级",
        description="The unit directly above each of a comma-separated list of unit ids "
        "(for drawing a hierarchy, e.g. the adoption map).",
        cypher="""
UNWIND split($ids, ',') AS id
MATCH (u:Entity {id: id})-[:PART_OF]->(p:Entity)
RETURN collect([u.id, p.id]) AS packed
""",
        params=(
            Param(
                "ids",
                "text",
                "单位 id 列表",
                required=True,
                help="court:…,court:…（逗号分隔）",
                max_length=MAX_ID_LIST,
            ),
        ),
        row_limit=20000,
        packed=("unit_id", "parent_id"),
    )
)

#: rows of the tables under a unit (its reports, figures and people): a briefing of a court of
#: `figures.unit_briefing.MAX_UNITS` units reads every one. Each text stops at one row more
#: (`LIMIT`, to tell the answer was cut) where it used to collect every report under the
#: court and cut afterwards: under the supreme court, 121,000 reports read for 50,000 kept
UNIT_PORTFOLIO_ROWS = 50_000
UNDER_ROWS = 20_000
_CUT = (
    " An answer over the row limit keeps the rows the server reads first (on the embedded "
    "server the unit's own, then unit by unit down the tree), not the first in the table's "
    "order."
)

UNIT_PORTFOLIO = register(
    NamedQuery(
        name="unit_portfolio",
        title="单位及其下级单位推行的举措",
        description="The initiatives a unit and the units under it (up to four levels down) "
        "are reported to adopt, pilot, promote or be awarded for, with each initiative's "
        "category and each report's stage, date, fact id, review status (missing: extracted), "
        "documents and date precision (`document`: the date is the article's own, not the "
        "adoption's): the unit's reform portfolio." + _CUT,
        cypher="""
MATCH (c:Entity {id: $unit})
MATCH p = (c)<-[:PART_OF*0..4]-(u:Entity)
MATCH (u)-[a:ADOPTED]->(i:Initiative)
WHERE VERIFIED
WITH u, length(p) AS depth, a, i
LIMIT ROW_CAP
RETURN collect([u.id, u.name, u.level, depth, i.id, i.name, i.category,
                coalesce(i.candidate, false), a.stage, a.date, a.fact_id,
                coalesce(a.review_status, 'extracted'), a.doc_ids, a.date_precision]) AS packed
""".replace("VERIFIED", is_verified("a")).replace("ROW_CAP", str(UNIT_PORTFOLIO_ROWS + 1)),
        params=(
            Param(
                "unit",
                "entity",
                "法院/单位",
                required=True,
                help="法院的 id 或名称，例如 本溪中院",
            ),
            VERIFIED,
        ),
        row_limit=UNIT_PORTFOLIO_ROWS,
        packed=(
            "unit_id",
            "unit",
            "level",
            "depth",
            "initiative_id",
            "initiative",
            "category",
            "candidate",
            "stage",
            "date",
            "fact_id",
            "status",
            "doc_ids",
            "date_precision",
        ),
        postprocess=lambda rows, _p: sorted(
            rows,
            key=lambda r: (r["initiative"] or "", r["depth"], r["date"] or "9999", r["unit_id"]),
        ),
    )
)

INITIATIVE_FACT_STATUS = register(
    NamedQuery(
        name="initiative_fact_status",
        title="举措相关事实的核实状态",
        description="The review status of every fact about an initiative: each unit's "
        "adoption (ADOPTED, with stage, date and documents) and each figure tied to it (the "
        "unit's REPORTED, with the status of the figure's own link to the initiative). Missing status "
        "reads 'extracted' (待核实); figures count the facts not confirmed or corrected and "
        "can be drawn from verified facts only.",
        cypher="""
MATCH (i:Entity {id: $initiative})<-[a:ADOPTED]-(u:Entity)
RETURN collect([a.fact_id, 'ADOPTED', u.id, a.stage, a.date, a.doc_ids,
                coalesce(a.review_status, 'extracted'), null]) AS packed
UNION ALL
MATCH (i:Entity {id: $initiative})<-[l:REPORTED]-(o:Outcome)<-[r:REPORTED]-(u:Entity)
RETURN collect([r.fact_id, 'REPORTED', u.id, null, null, r.doc_ids,
                coalesce(r.review_status, 'extracted'),
                coalesce(l.review_status, 'extracted')]) AS packed
""",
        params=(
            Param(
                "initiative",
                "entity",
                "改革举措",
                required=True,
                label="Initiative",
                help="举措的 id 或名称/别名，例如 诉源治理",
            ),
        ),
        row_limit=200000,
        packed=(
            "fact_id",
            "type",
            "unit_id",
            "stage",
            "date",
            "doc_ids",
            "status",
            "link_status",
        ),
    )
)

UNITS_UNDER = register(
    NamedQuery(
        name="units_under",
        title="法院辖区内的单位及其直接上级",
        description="Every unit under a court (up to four levels down) with its level, "
        "province, depth below the court and the unit directly above it: the tree an adoption "
        "map draws, in one query however many units there are.",
        cypher="""
MATCH (c:Entity {id: $court})
MATCH p = (c)<-[:PART_OF*0..3]-(parent:Entity)
MATCH (parent)<-[:PART_OF]-(u:Entity)
RETURN collect([u.id, u.name, u.level, u.province, length(p) + 1, parent.id]) AS packed
""",
        params=(
            Param(
                "court",
                "entity",
                "上级法院",
                required=True,
                help="法院的 id 或名称，例如 本溪中院 或 辽宁高院",
            ),
        ),
        row_limit=50000,
        packed=("unit_id", "unit", "level", "province", "depth", "parent_id"),
        postprocess=lambda rows, _p: sorted(rows, key=lambda r: (r["depth"], r["unit_id"])),
    )
)


def neighbourhood_graph(
    store: GraphStore,
    entity: str,
    *,
    depth: int = 1,
    kinds: list[str] | None = None,
    limit: int = 200,
    verified: bool = False,
    collections: Sequence[str] | None = None,
) -> nx.MultiDiGraph:
    """The subgraph around `entity` as a networkx graph (for the network view and graph
    exports): the named query `neighbourhood` picks the nodes, nearest first, at most
    `limit` of them; `graph.export.fetch_subgraph` reads them with their relationships
    (`verified`: through and with confirmed facts only, as the 只看已核实 switch asks).
    With `collections` (the sidebar's 文档集), the nodes are reached through the facts their
    documents support (and the roster's hierarchy), and the graph holds only those facts,
    each citing only those documents (`graph.export.within`)."""
    from graph.collections import parse_names
    from graph.export import fetch_subgraph, within
    from queries.registry import run

    names = parse_names(list(collections or ())) or []
    raw = {
        "entity": entity,
        "depth": depth,
        "kinds": kinds,
        "size": min(max(limit, 1), 3000),
        "verified": verified,
        "collections": ",".join(names) or None,
    }
    rows = run(store, "neighbourhood", raw).rows
    order: list[str] = [entity]
    seen = {entity}
    for r in sorted(rows, key=lambda r: r["hops"]):
        for node in (r["source"], r["target"]):
            if node not in seen:
                seen.add(node)
                order.append(node)
    graph = fetch_subgraph(store, order[:limit], verified=verified)
    if not names:
        return graph
    return within(graph, entity, _chosen_among(store, graph, names))


def _chosen_among(store: GraphStore, graph: nx.MultiDiGraph, names: list[str]) -> set[str]:
    """Those of the documents `graph`'s facts cite that are in the collections `names`: each
    looked up by its id (a few hundred at most), where listing every document of the
    collections reads them all (seconds on a store of 200,000 documents)."""
    from graph.collections import DEFAULT_COLLECTION

    ids = sorted({d for *_, cited in graph.edges(data="doc_ids") for d in cited or ()})
    rows = store.read(
        "UNWIND $ids AS id MATCH (d:Document {id: id}) "
        "WHERE any(c IN coalesce(d.collections, [$default]) WHERE c IN $names) RETURN d.id AS id",
        {"ids": ids, "names": names, "default": DEFAULT_COLLECTION},
    )
    return {r["id"] for r in rows}


_UNDER_UNIT = Param(
    "unit", "entity", "法院/单位", required=True, help="法院的 id 或名称，例如 本溪中院"
)


def _by_depth_and_unit(rows: list[dict[str, Any]], _params: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["depth"], r["unit"] or "", r["fact_id"] or ""))


#: the columns of an `outcomes_under` row
OUTCOME_COLUMNS = (
    "unit_id",
    "unit",
    "depth",
    "metric",
    "value",
    "unit_of_measure",
    "qualifier",
    "direction",
    "period",
    "scope",
    "initiative_id",
    "initiative",
    "fact_id",
    "status",
    "link_status",
    "doc_ids",
)


def _figure_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of `outcomes_under`'s answer in the order the server read them: its figures
    (`packed`, in `OUTCOME_COLUMNS`, each naming its initiative by the server's reference in
    `initiative_id`) with the id and name of that initiative (`names`: [reference, id, name],
    each initiative once)."""
    width = len(OUTCOME_COLUMNS)
    rows: list[dict[str, Any]] = []
    for record in records:
        packed = record["packed"]
        if any(len(v) != width for v in packed):
            bad = next(len(v) for v in packed if len(v) != width)
            raise ValueError(f"outcomes_under: a packed row has {bad} values, not {width}")
        names = {ref: (iid, name) for ref, iid, name in record["names"]}
        part = list(map(dict, map(zip, repeat(OUTCOME_COLUMNS), packed)))
        for r in part:
            if (ref := r["initiative_id"]) is not None:
                r["initiative_id"], r["initiative"] = names[ref]
        rows += part
    return rows


def _outcome_rows(records: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """`outcomes_under`'s table: its figures with their initiatives (`_figure_rows`), in the
    table's order, each with its conflicts."""
    return mark_conflicts(
        _by_depth_and_unit(_figure_rows(records), params), by=("unit_id",), own=True
    )


OUTCOMES_UNDER = register(
    NamedQuery(
        name="outcomes_under",
        title="单位及其下级单位报告的成效数据",
        description="Figures a unit and the units under it (up to four levels down) reported "
        "(reported claims, not measured effects), each with the initiative the text ties it "
        "to (a row per initiative; none: no row's initiative), the review status of the "
        "unit's report and of the figure's link to the initiative (missing: extracted), and "
        "the documents and the figure's scope in words (范围: 本院, 全市法院 …): a unit briefing's "
        "outcomes." + _CUT,
        # Each row names its initiative by elementId(i), and the answer's `names` give each
        # initiative's id and name once: an initiative's record is large (its recent_docs, its
        # years), and the embedded server read it again for i.id and i.name on every row
        # (20,000 under the SPC: ~60 ms of the server's ~400 on the 1M benchmark graph), while
        # elementId(i) reads nothing. The rows are those of the text that read them on each
        # row, in the same order (tests/queries/test_outcomes_under.py, test_under_unit.py).
        cypher="""
MATCH (c:Entity {id: $unit})
MATCH p = (c)<-[:PART_OF*0..4]-(u:Entity)
MATCH (u)-[r:REPORTED]->(o:Outcome)
WHERE VERIFIED_R
OPTIONAL MATCH (o)-[l:REPORTED]->(i:Initiative)
WHERE VERIFIED_L
WITH u, length(p) AS depth, o, r, l, i
LIMIT ROW_CAP
RETURN collect([u.id, u.name, depth, o.metric, o.value, o.unit_of_measure, o.qualifier,
                o.direction, o.period, SCOPE, elementId(i), null, r.fact_id,
                coalesce(r.review_status, 'extracted'),
                CASE WHEN i IS NULL THEN null ELSE coalesce(l.review_status, 'extracted') END,
                r.doc_ids]) AS packed,
       [x IN collect(DISTINCT i) | [elementId(x), x.id, x.name]] AS names
""".replace("VERIFIED_R", is_verified("r"))
        .replace("SCOPE", scope_of("r", "u"))
        .replace("VERIFIED_L", is_verified("l"))
        .replace("ROW_CAP", str(UNDER_ROWS + 1)),
        params=(_UNDER_UNIT, VERIFIED_FIGURE),
        row_limit=UNDER_ROWS,
        # one record, not `packed`: its rows are made with the initiatives' names by
        # `_outcome_rows` (properties only, as a packed table's)
        plain=True,
        postprocess=_outcome_rows,
    )
)

PEOPLE_UNDER = register(
    NamedQuery(
        name="people_under",
        title="单位及其下级单位的人员及职务",
        description="People the documents name with a role in a unit or the units under it "
        "(up to four levels down), with the review status of each role (missing: extracted) "
        "and its documents: a unit briefing's people." + _CUT,
        cypher="""
MATCH (c:Entity {id: $unit})
MATCH path = (c)<-[:PART_OF*0..4]-(u:Entity)
MATCH (u)<-[r:HOLDS_ROLE]-(p:Person)
WHERE VERIFIED
WITH u, length(path) AS depth, p, r
LIMIT ROW_CAP
RETURN collect([u.id, u.name, depth, p.id, p.name, r.title, r.fact_id,
                coalesce(r.review_status, 'extracted'), r.doc_ids]) AS packed
""".replace("VERIFIED", is_verified("r")).replace("ROW_CAP", str(UNDER_ROWS + 1)),
        params=(_UNDER_UNIT, VERIFIED),
        row_limit=UNDER_ROWS,
        packed=(
            "unit_id",
            "unit",
            "depth",
            "person_id",
            "person",
            "title",
            "fact_id",
            "status",
            "doc_ids",
        ),
        postprocess=_by_depth_and_unit,
    )
)
