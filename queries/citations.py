"""What an exported row needs to be cited and analysed: a numeric year, and the sentence,
document title and URL behind each fact.

Exports (`python -m queries NAME --format csv|json`, `python -m queries.analytics events`,
`python -m graph export`, the explorer's 事件表 download) add to every row or relationship
that carries a `fact_id`:

- `year`: the year of its `date` as an integer (dates are ISO strings of varying precision,
  `2019`, `2019-03`, `2019-03-15`; `date_precision` says which), empty without a date;
- `evidence`: one sentence the fact was extracted from, `evidence_doc_id` its document,
  `doc_title` and `doc_url` that document's title and first URL (empty for a local file
  without one), `doc_date` its date. Of several documents, the earliest one's (by date, then
  id) is cited; `doc_ids` still lists them all.

List values (`doc_ids`, `stages`, …) are joined with `LIST_SEPARATOR` ("；", a full-width
semicolon: initiative names hold "、", as in 日监测、周通报、月考核) wherever a format holds
only text: CSV, Excel, the table view.

    >>> year_of("2019-03"), year_of(None), year_of("未知")
    (2019, None, None)
    >>> join_list(["doc:a", "doc:b"])
    'doc:a；doc:b'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from graph.export import LIST_SEPARATOR, join_list

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import GraphStore

__all__ = [
    "CITATION_COLUMNS",
    "CITATION_DICTIONARY",
    "LIST_SEPARATOR",
    "cite_graph",
    "cited_dictionary",
    "cited_rows",
    "cited_table",
    "join_list",
    "year_of",
]

#: the columns `cited_rows` adds after a row's own, in this order
CITATION_COLUMNS = ("evidence", "evidence_doc_id", "doc_title", "doc_url", "doc_date")

#: their meaning, for the data dictionaries written beside table exports
CITATION_DICTIONARY = {
    "year": "year of `date` as an integer (empty when no date is known); `date_precision` "
    "says how precise `date` is",
    "evidence": "one sentence the fact was extracted from (of the earliest document citing it)",
    "evidence_doc_id": "the document that sentence comes from",
    "doc_title": "that document's title",
    "doc_url": "that document's first URL (empty for a local file without one)",
    "doc_date": "that document's date (ISO, as precise as known)",
}

_YEAR = re.compile(r"(\d{4})(?:-|$)")
#: fact ids asked at a time (one list parameter; the store's own limits are far above)
_CHUNK = 2000


def year_of(date: Any) -> int | None:
    """The year of an ISO date of any precision (`2019`, `2019-03`, `2019-03-15`)."""
    if not isinstance(date, str):
        return None
    found = _YEAR.match(date)
    return int(found.group(1)) if found else None


def _with_year(columns: Sequence[str]) -> list[str]:
    """`columns` with `year` after `date_precision` (else after `date`) where a date is."""
    cols = list(columns)
    if "date" not in cols or "year" in cols:
        return cols
    after = cols.index("date_precision" if "date_precision" in cols else "date")
    return [*cols[: after + 1], "year", *cols[after + 1 :]]


def _sources(
    store: GraphStore, fact_ids: Iterable[str], allowed: dict[str, set[str] | None]
) -> dict[str, dict[str, Any]]:
    """fact id -> the citation columns of its earliest document's sentence (`allowed`: per
    fact, the documents it may be cited from, None: any)."""
    from queries.explore import document_sources

    ids = sorted(set(fact_ids))
    evidence: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in store.read(
            "UNWIND $ids AS id MATCH (e:Evidence {fact_id: id}) "
            "RETURN e.fact_id AS fact_id, e.doc_id AS doc_id, e.sentence AS sentence, "
            "e.start AS start",
            {"ids": ids[i : i + _CHUNK]},
        ):
            keep = allowed.get(r["fact_id"])
            if r.get("sentence") and (keep is None or r["doc_id"] in keep):
                evidence.setdefault(r["fact_id"], []).append(r)
    docs = {
        d["doc_id"]: d
        for d in document_sources(store, {e["doc_id"] for es in evidence.values() for e in es})
    }
    out: dict[str, dict[str, Any]] = {}
    for fact_id, found in evidence.items():

        def order(e: dict[str, Any]) -> tuple[bool, str, str, int]:
            date = (docs.get(e["doc_id"]) or {}).get("date")
            return (date is None, date or "", e["doc_id"], e.get("start") or 0)

        first = min(found, key=order)
        doc = docs.get(first["doc_id"]) or {}
        out[fact_id] = {
            "evidence": first["sentence"],
            "evidence_doc_id": first["doc_id"],
            "doc_title": doc.get("title"),
            "doc_url": (doc.get("urls") or [None])[0],
            "doc_date": doc.get("date"),
        }
    return out


def cited_rows(
    store: GraphStore, columns: Sequence[str], rows: Sequence[dict[str, Any]]
) -> tuple[list[str], list[dict[str, Any]]]:
    """`columns` and `rows` with `year` (where rows have a `date`) and, where they have a
    `fact_id`, the citation columns (`CITATION_COLUMNS`): what an export hands a researcher.
    A row keeps the columns it has; a fact with no sentence left gets empty ones."""
    cols = _with_year(columns)
    if "date" in cols and "year" not in columns:
        rows = [{**r, "year": year_of(r.get("date"))} for r in rows]
    else:
        rows = list(rows)
    if "fact_id" not in cols:
        return cols, rows
    allowed = {
        r["fact_id"]: (set(r["doc_ids"]) if isinstance(r.get("doc_ids"), list) else None)
        for r in rows
        if isinstance(r.get("fact_id"), str)
    }
    found = _sources(store, allowed, allowed)
    added = [c for c in CITATION_COLUMNS if c not in cols]
    final = [*cols, *added]
    out = []
    for r in rows:
        source = found.get(r.get("fact_id") or "") or {}
        row = {**r, **{c: source.get(c) for c in added}}
        out.append({**{c: row.get(c) for c in final}, **row})  # keys in the columns' order
    return final, out


def cite_graph(store: GraphStore, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`graph` (a subgraph to export) with `year` and the citation attributes on every
    relationship that is a fact with a date or sentences; changed in place and returned."""
    edges = [(u, v, k, a) for u, v, k, a in graph.edges(keys=True, data=True)]
    allowed = {
        a["fact_id"]: (set(a["doc_ids"]) if isinstance(a.get("doc_ids"), list) else None)
        for *_, a in edges
        if isinstance(a.get("fact_id"), str)
    }
    found = _sources(store, allowed, allowed) if allowed else {}
    for *_, a in edges:
        if (year := year_of(a.get("date"))) is not None:
            a["year"] = year
        for k, v in (found.get(a.get("fact_id") or "") or {}).items():
            if v is not None:
                a[k] = v
    return graph


def cited_table(store: GraphStore, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """`cited_rows` for a table whose rows carry its columns (an analytics export)."""
    return cited_rows(store, list(rows[0]) if rows else [], rows)[1]


def cited_dictionary(dictionary: dict[str, str]) -> dict[str, str]:
    """A table's data dictionary with the columns `cited_rows` adds, in their order."""
    keys = _with_year(list(dictionary))
    keys += [c for c in CITATION_COLUMNS if c not in keys]
    return {k: dictionary.get(k) or CITATION_DICTIONARY[k] for k in keys}
