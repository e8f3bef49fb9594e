"""What an exported row needs to be cited and analysed: a numeric year, and the sentence,
document title and URL behind each fact.

Exports (`python -m queries NAME --format csv|json`, `python -m queries.analytics events`,
`python -m graph export`, the explorer's 事件表 download) add to every row or relationship
that carries a `fact_id`:

- `year`: the year of its `date` as an integer (dates are ISO strings of varying precision,
  `2019`, `2019-03`, `2019-03-15`; `date_precision` says which), empty without a date;
- `evidence`: one sentence the fact was extracted from, as its source writes it
  (traditional characters, pinyin glosses, full-width forms as written), `evidence_start`
  and `evidence_end` its character offsets in that source's text (the decoded file, or the
  text of an .html/.docx/.pdf page), `evidence_doc_id` its document, `doc_title` and
  `doc_url` that document's title and first URL (empty for a local file without one),
  `doc_date` its date. The sentence that states the fact's date is cited first (a title,
  the lowest offset, often states none); of several documents, the earliest one's (by date,
  then id); `doc_ids` still lists them all. A sentence stored before the source's reading
  was kept is cited as stored (normalized), without offsets.

A row or relationship restricted to some of its fact's documents (chosen collections: its
`doc_ids` narrowed) is cited from those only, and its `date`, `date_precision` and `year` are
those its documents' sentences give (empty when none gives one): never a year only a
document left out states.

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
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.export import LIST_SEPARATOR, join_list
from graph.model import date_key, written_sentence

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
CITATION_COLUMNS = (
    "evidence",
    "evidence_start",
    "evidence_end",
    "evidence_doc_id",
    "doc_title",
    "doc_url",
    "doc_date",
)

#: their meaning, for the data dictionaries written beside table exports
CITATION_DICTIONARY = {
    "year": "year of `date` as an integer (empty when no date is known); `date_precision` "
    "says how precise `date` is",
    "evidence": "one sentence the fact was extracted from (the one stating its date, of the "
    "earliest document citing it), as the source writes it",
    "evidence_start": "where that sentence starts in the source's text (character offset; "
    "empty for a sentence stored before offsets into the source were kept)",
    "evidence_end": "where that sentence ends in the source's text (character offset, exclusive)",
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


class _Fact(NamedTuple):
    docs: Collection[str] | None  # the documents a fact may be cited from (None: any)
    date: str | None  # its date as the row or relationship gives it
    corrected: bool = False  # a reviewer corrected it: its date is theirs, kept as it is


def _allowed(
    facts: Iterable[dict[str, Any]], docs: Collection[str] | None = None
) -> dict[str, _Fact]:
    """fact id -> the documents it may be cited from (its row's `doc_ids`, else `docs`; None:
    any) and its date, of each row or relationship that carries a `fact_id`."""
    chosen = None if docs is None else docs if isinstance(docs, (set, frozenset)) else set(docs)
    return {
        a["fact_id"]: _Fact(
            set(a["doc_ids"]) if isinstance(a.get("doc_ids"), list) else chosen,
            a.get("date"),
            "corrected" in (a.get("status"), a.get("review_status")),
        )
        for a in facts
        if isinstance(a.get("fact_id"), str)
    }


def _sources(store: GraphStore, facts: dict[str, _Fact]) -> dict[str, dict[str, Any]]:
    """fact id -> the citation columns of its earliest document's sentence, the one that
    states the fact's date first (`facts`: the documents each may be cited from).

    A fact restricted to some of its documents (evidence of another is left out) gets its
    `date` and `date_precision` again from the sentences of those documents, the earliest
    as a write folds them (`graph.model.date_key`), or none: a year only a document left
    out states is not shown. A fact a reviewer corrected keeps its date (the reviewer's, which
    no sentence need state)."""
    from queries.explore import document_sources

    ids = sorted(facts)
    evidence: dict[str, list[dict[str, Any]]] = {}  # the allowed sentences
    allowed: dict[str, list[dict[str, Any]]] = {}  # the allowed evidence, with or without
    restricted: set[str] = set()
    for i in range(0, len(ids), _CHUNK):
        for r in store.read(
            "UNWIND $ids AS id MATCH (e:Evidence {fact_id: id}) "
            "RETURN e.fact_id AS fact_id, e.doc_id AS doc_id, e.sentence AS sentence, "
            "e.start AS start, e.date AS date, e.date_precision AS date_precision, "
            f"{written_sentence('e')} AS original_sentence, e.original_start AS original_start, "
            "e.original_end AS original_end",
            {"ids": ids[i : i + _CHUNK]},
        ):
            keep = facts[r["fact_id"]].docs
            if keep is not None and r["doc_id"] not in keep:
                restricted.add(r["fact_id"])
                continue
            allowed.setdefault(r["fact_id"], []).append(r)
            if r.get("sentence"):
                evidence.setdefault(r["fact_id"], []).append(r)
    docs = {
        d["doc_id"]: d
        for d in document_sources(store, {e["doc_id"] for es in evidence.values() for e in es})
    }
    out: dict[str, dict[str, Any]] = {}
    for fact_id in restricted - {f for f, fact in facts.items() if fact.corrected}:
        dated = [e for e in allowed.get(fact_id, []) if e.get("date")]
        first = min(dated, key=lambda e: date_key(e["date"], e.get("date_precision")), default={})
        out[fact_id] = {"date": first.get("date"), "date_precision": first.get("date_precision")}
    for fact_id, found in evidence.items():
        date = out.get(fact_id, {}).get("date", facts[fact_id].date)

        def order(e: dict[str, Any], date: Any = date) -> tuple[bool, bool, str, str, int]:
            # the sentence that states the date shown first (a title states none)
            doc_date = (docs.get(e["doc_id"]) or {}).get("date")
            return (
                e.get("date") != date,
                doc_date is None,
                doc_date or "",
                e["doc_id"],
                e.get("start") or 0,
            )

        first = min(found, key=order)
        doc = docs.get(first["doc_id"]) or {}
        written = first.get("original_sentence")  # None: stored before it was kept
        out.setdefault(fact_id, {}).update(
            evidence=written or first["sentence"],
            evidence_start=first.get("original_start") if written else None,
            evidence_end=first.get("original_end") if written else None,
            evidence_doc_id=first["doc_id"],
            doc_title=doc.get("title"),
            doc_url=(doc.get("urls") or [None])[0],
            doc_date=doc.get("date"),
        )
    return out


def cited_rows(
    store: GraphStore,
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
    *,
    docs: Collection[str] | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """`columns` and `rows` with `year` (where rows have a `date`) and, where they have a
    `fact_id`, the citation columns (`CITATION_COLUMNS`): what an export hands a researcher.
    A row keeps the columns it has; a fact with no sentence left gets empty ones. `docs`:
    the documents of the collections the answer was asked for, those a row without its own
    `doc_ids` may be cited from (None: any)."""
    cols = _with_year(columns)
    if "date" in cols and "year" not in columns:
        rows = [{**r, "year": year_of(r.get("date"))} for r in rows]
    else:
        rows = list(rows)
    if "fact_id" not in cols:
        return cols, rows
    found = _sources(store, _allowed(rows, docs))
    added = [c for c in CITATION_COLUMNS if c not in cols]
    final = [*cols, *added]
    out = []
    for r in rows:
        source = found.get(r.get("fact_id") or "") or {}
        row = {**r, **{c: source.get(c) for c in added}}
        if "date" in source and "date" in row:  # restricted to some documents: their date
            row["date"] = source["date"]
            redated = {"date_precision": source["date_precision"], "year": year_of(row["date"])}
            row.update({k: v for k, v in redated.items() if k in row})
        out.append({**{c: row.get(c) for c in final}, **row})  # keys in the columns' order
    return final, out


#: the citation attributes that are text: a relationship with a `fact_id` always has them in
#: an exported graph, empty ("") when unknown, so every file of an export has the same columns
#: (GraphML declares a key only for a value some relationship has; the numbers, `year` and the
#: offsets, are left out where unknown, as GraphML has no empty number)
_TEXT_CITATION = ("evidence", "evidence_doc_id", "doc_title", "doc_url", "doc_date")


def cite_graph(store: GraphStore, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`graph` (a subgraph to export) with `year` and the citation attributes on every
    relationship that is a fact (the text ones empty where unknown: `doc_url` of a local
    file), and its `review_status` (extracted when no reviewer decided); changed in place and
    returned."""
    edges = [a for *_, a in graph.edges(keys=True, data=True)]
    allowed = _allowed(edges)
    found = _sources(store, allowed) if allowed else {}
    for a in edges:
        source = found.get(a.get("fact_id") or "") or {}
        if "date" in source:  # restricted to some documents: their date, or none
            for k in ("date", "date_precision", "year"):
                a.pop(k, None)
        for k, v in source.items():
            if v is not None:
                a[k] = v
        if (year := year_of(a.get("date"))) is not None:
            a["year"] = year
        if a.get("fact_id"):
            # every file the same columns, whatever the facts in it happen to have
            for k in _TEXT_CITATION:
                if a.get(k) is None:
                    a[k] = ""
            a["review_status"] = a.get("review_status") or "extracted"
    return graph


def cited_table(store: GraphStore, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """`cited_rows` for a table whose rows carry its columns (an analytics export)."""
    return cited_rows(store, list(rows[0]) if rows else [], rows)[1]


def cited_dictionary(dictionary: dict[str, str]) -> dict[str, str]:
    """A table's data dictionary with the columns `cited_rows` adds, in their order."""
    keys = _with_year(list(dictionary))
    keys += [c for c in CITATION_COLUMNS if c not in keys]
    return {k: dictionary.get(k) or CITATION_DICTIONARY[k] for k in keys}
