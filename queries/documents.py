"""Named queries over documents and their collections: every document reachable (dated or
not), the collections with their sizes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.collections import DEFAULT_COLLECTION
from graph.summaries import read_meta
from queries.library import COLLECTIONS
from queries.registry import NamedQuery, Param, Plan, register

if TYPE_CHECKING:
    from graph.store import GraphStore

#: documents a page of `all_documents` lists
PAGE_SIZE = 200

_DATED = f"""
MATCH (d:Document)
WHERE d.date >= $floor AND ($collections IS NULL OR $collections_docs[d.id] IS NOT NULL)
WITH d ORDER BY d.date IS NULL, d.date DESC, d.id
SKIP ($page - 1) * {PAGE_SIZE}
LIMIT {PAGE_SIZE + 1}
RETURN collect([d.id, d.title, d.date, d.site, d.urls, d.collections]) AS packed
"""


def _floor(store: GraphStore, params: dict[str, Any]) -> Plan:
    """A date at or above which at least the documents up to the end of the asked page lie
    (of every collection; chosen collections keep the full sort): found from the store's
    `recent_since` (its 50th latest date) by stepping back a month, then more, each step an
    index range cut at the count needed. No such date (a deep page): the full sort."""
    if params.get("collections"):
        return Plan(params={"floor": ""})
    needed = int(params.get("page") or 1) * PAGE_SIZE + 1
    since = str(read_meta(store).get("recent_since") or "")
    if not since[:4].isdigit():
        return Plan(params={"floor": ""})
    months = int(since[:4]) * 12 + (int(since[5:7]) - 1 if since[5:7].isdigit() else 0)
    floors = [since] + [
        f"{(months - k) // 12:04d}-{(months - k) % 12 + 1:02d}" for k in (1, 3, 6, 12, 24, 48)
    ]
    for floor in (*floors, str(months // 12 - 8), str(months // 12 - 16)):
        found = store.read(
            "MATCH (d:Document) WHERE d.date >= $floor WITH d LIMIT $n RETURN count(d) AS n",
            {"floor": floor, "n": needed},
        )
        if found and found[0]["n"] >= needed:
            return Plan("dated", {"floor": floor})
    return Plan(params={"floor": ""})


ALL_DOCUMENTS = register(
    NamedQuery(
        name="all_documents",
        title="全部文档",
        description="Every source document (optionally of chosen collections), latest first "
        "and undated ones last, with title, date, site and collections, a page of 200 at a "
        "time (`page`: 1 the latest; `truncated` when later pages follow): no document is "
        "out of reach for lack of a date, and a page costs the same on a national corpus.",
        cypher=f"""
MATCH (d:Document)
WHERE ($collections IS NULL OR $collections_docs[d.id] IS NOT NULL)
      AND ($floor = '' OR d.date >= $floor)
WITH d ORDER BY d.date IS NULL, d.date DESC, d.id
SKIP ($page - 1) * {PAGE_SIZE}
LIMIT {PAGE_SIZE + 1}
RETURN collect([d.id, d.title, d.date, d.site, d.urls, d.collections]) AS packed
""",
        params=(
            COLLECTIONS,
            Param(
                "page",
                "int",
                "页码",
                default=1,
                minimum=1,
                maximum=100_000,
                help=f"{PAGE_SIZE} documents a page, the latest first",
            ),
        ),
        # every document sorted costs seconds on a national corpus: a page of the latest
        # documents is read from an index range on the date when the store can tell where
        # that page starts (the same rows: whatever lies below the floor, or has no date,
        # comes after them)
        variants={"dated": _DATED},
        # (the page is a parameter, not spliced into the text: one text for every page, so a
        # server that caches plans by text, Neo4j, plans it once)
        plan=lambda store, params: _floor(store, params),
        planned=("floor",),
        row_limit=PAGE_SIZE,
        packed=("doc_id", "title", "date", "site", "urls", "collections"),
        postprocess=lambda rows, _p: sorted(
            sorted(rows, key=lambda r: r["doc_id"]),
            key=lambda r: (r["date"] is None, "" if r["date"] is None else _desc(r["date"])),
        ),
    )
)


def _desc(date: str) -> str:
    """A key that sorts ISO dates latest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def _counted(store: GraphStore, _params: dict[str, Any]) -> Plan:
    """The store's count of each collection's documents (graph/collection_counts.py) where
    it holds for the store as it is: a lookup, where counting visits every document."""
    from graph import collection_counts

    kept = collection_counts.read(store) is not None
    return Plan(
        "kept" if kept else None,
        {"default": DEFAULT_COLLECTION, "summary": collection_counts.SUMMARY_ID},
    )


COLLECTION_LIST = register(
    NamedQuery(
        name="collections",
        title="文档集",
        description="The collections documents were ingested into, with the number of "
        f"documents in each (documents ingested without one count as {DEFAULT_COLLECTION}).",
        cypher="""
MATCH (d:Document)
WHERE $summary IS NOT NULL
UNWIND coalesce(d.collections, [$default]) AS c
RETURN c AS collection, count(d) AS documents
ORDER BY collection
""",
        # the counts the store keeps up to date with every write (the same answer)
        variants={
            "kept": """
MATCH (m:Meta {id: $summary})
WHERE $default IS NOT NULL
UNWIND range(0, size(m.names) - 1) AS k
RETURN m.names[k] AS collection, m.counts[k] AS documents
ORDER BY collection
"""
        },
        row_limit=10000,
        plan=_counted,
        planned=("default", "summary"),
    )
)
