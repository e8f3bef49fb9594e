"""Named queries over documents and their collections: every document reachable (dated or
not), the collections with their sizes."""

from __future__ import annotations

from graph.collections import DEFAULT_COLLECTION
from queries.library import COLLECTIONS
from queries.registry import NamedQuery, Param, Plan, register

#: documents a page of `all_documents` lists
PAGE_SIZE = 200

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
WHERE $collections IS NULL OR $collections_docs[d.id] IS NOT NULL
WITH d ORDER BY d.date IS NULL, d.date DESC, d.id
SKIP ({{page}} - 1) * {PAGE_SIZE}
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
                splice=True,
                help=f"{PAGE_SIZE} documents a page, the latest first",
            ),
        ),
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


COLLECTION_LIST = register(
    NamedQuery(
        name="collections",
        title="文档集",
        description="The collections documents were ingested into, with the number of "
        f"documents in each (documents ingested without one count as {DEFAULT_COLLECTION}).",
        cypher="""
MATCH (d:Document)
UNWIND coalesce(d.collections, [$default]) AS c
RETURN c AS collection, count(d) AS documents
ORDER BY collection
""",
        row_limit=10000,
        plan=lambda _store, _params: Plan(params={"default": DEFAULT_COLLECTION}),
        planned=("default",),
    )
)
