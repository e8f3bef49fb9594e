"""The store's derived summaries: right by construction, kept right by every write and
delete, and equal to a recomputation from the facts. Run on every server."""

from __future__ import annotations

from typing import Any

from graph import summaries
from graph.model import DocumentGraph, MentionRow, document_id
from queries.registry import _unpack, get, prepared, run
from tests import graph_fixtures as g

_PROPS = (
    "adopter_count",
    "first_date",
    "doc_years",
    "doc_year_counts",
    "child_count",
    "recent_docs",
)


def _snapshot(store) -> dict[str, Any]:
    rows = store.read(
        "MATCH (n:Entity) RETURN n.id AS id, "
        + ", ".join(f"n.{p} AS {p}" for p in _PROPS)
        + " ORDER BY id"
    )
    adoption = store.read(
        "MATCH (s:AdoptionSummary) RETURN s.id AS id, s.initiative AS initiative, "
        "s.units AS units, s.stages AS stages, s.dates AS dates ORDER BY id"
    )
    meta = summaries.read_meta(store)
    return {"entities": rows, "adoption": adoption, "recent_since": meta.get("recent_since")}


def _recomputed(store) -> dict[str, Any]:
    summaries.refresh_all(store)
    return _snapshot(store)


def _initiative(store, iid: str) -> dict[str, Any]:
    return store.read(
        "MATCH (i:Entity {id: $id}) MATCH (s:AdoptionSummary {id: $id}) "
        "RETURN s.units AS adopters, s.stages AS adopter_stages, s.dates AS adopter_dates, "
        "i.adopter_count AS adopter_count, i.first_date AS first_date",
        {"id": iid},
    )[0]


def _years(store, eid: str) -> dict[str, int]:
    r = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.doc_years AS y, n.doc_year_counts AS c", {"id": eid}
    )[0]
    return dict(zip(r["y"] or [], r["c"] or [], strict=True))


def test_summaries_by_construction(store) -> None:
    g.load_small_graph(store)
    store.write_documents([g.document_c()])
    su = _initiative(store, g.SUYUAN)
    assert su["adopters"] == sorted([g.BING, g.DING, g.MID])
    pairs = zip(su["adopter_stages"], su["adopter_dates"], strict=True)
    by_unit = dict(zip(su["adopters"], pairs, strict=True))
    assert by_unit[g.BING] == ("adopted", "2022-12")  # B's earlier date wins
    assert by_unit[g.MID] == ("promoted", "2022-11")
    assert by_unit[g.DING] == ("piloted", "2024-01")
    assert su["adopter_count"] == 3 and su["first_date"] == "2022-11"
    # 丁县 is named by B (2024-02-01) and C (2024-07-01); 丙区 by A (2023), B and C
    assert _years(store, g.DING) == {"2024": 2}
    assert _years(store, g.BING) == {"2023": 1, "2024": 2}
    children = {
        r["id"]: r["n"]
        for r in store.read(
            "MATCH (c:Entity) WHERE c.child_count > 0 RETURN c.id AS id, c.child_count AS n"
        )
    }
    assert children == {g.SPC: 1, g.HIGH: 1, g.MID: 3, g.BING: 1}


def test_incremental_summaries_equal_a_recount(store) -> None:
    g.load_small_graph(store)
    store.write_documents([g.document_c()])
    store.write_documents([g.document_b()])  # written again: counted once
    after_writes = _snapshot(store)
    assert after_writes == _recomputed(store)
    assert _years(store, g.DING) == {"2024": 2}

    store.delete_document(g.DOC_B)
    after_delete = _snapshot(store)
    assert after_delete == _recomputed(store)
    su = _initiative(store, g.SUYUAN)
    # without B: 丁县's pilot is gone and 丙区's first date is A's 2023-03
    assert su["adopters"] == sorted([g.BING, g.MID])
    assert dict(zip(su["adopters"], su["adopter_dates"], strict=True))[g.BING] == "2023-03"
    assert _years(store, g.DING) == {"2024": 1}


def _dated(i: int) -> DocumentGraph:
    h = f"{i:020x}" + "f" * 44
    return DocumentGraph(
        id=document_id(h),
        props={"title": f"文档{i:03d}", "date": f"2020-{1 + i // 28:02d}-{1 + i % 28:02d}"},
    )


def test_latest_documents_read_from_the_floor(store) -> None:
    docs = [_dated(i) for i in range(80)]
    for i in range(0, 80, 16):
        store.write_documents(docs[i : i + 16])
    newest_first = sorted(docs, key=lambda d: d.props["date"], reverse=True)
    floor = summaries.read_meta(store)["recent_since"]
    assert floor == newest_first[summaries.RECENT - 1].props["date"]

    def latest() -> list[str]:
        return [r["doc_id"] for r in run(store, "latest_documents").rows]

    assert latest() == [d.id for d in newest_first[:20]]
    for d in newest_first[:40]:  # deletes below the floor's margin force a recount
        store.delete_document(d.id)
    assert latest() == [d.id for d in newest_first[40:60]]
    since = newest_first[45].props["date"]
    assert [r["date"] for r in run(store, "latest_documents", {"since": since}).rows] == [
        d.props["date"] for d in newest_first[40:46]
    ]


def _mentioning(i: int, day: str | None) -> DocumentGraph:
    """A document mentioning 丙区法院 (dated `day`, or undated)."""
    h = f"{i:020x}" + "e" * 44
    doc_id = document_id(h)
    props = {"title": f"提及{i:03d}", **({"date": day} if day else {})}
    mention = MentionRow(g.BING, "丙区法院", "丙区法院……", 0, 4)
    return DocumentGraph(id=doc_id, props=props, mentions=[mention])


def test_listed_documents_stay_right(store, monkeypatch) -> None:
    """An entity named by more than HUB_DOCS dated documents keeps its latest RECENT_DOCS
    listed through writes, rewrites and deletes; the documents query reads the list and
    answers as the walk over every mention does. (Small numbers stand in for 1000/1001.)"""
    monkeypatch.setattr(summaries, "HUB_DOCS", 4)
    monkeypatch.setattr(summaries, "RECENT_DOCS", 3)
    g.load_small_graph(store)  # documents A and B mention 丙区 too
    days = ["2021-05", "2023-01-09", "2022", None, "2023-01-09", "2020-12-31", "2024-02"]
    docs = [_mentioning(i, d) for i, d in enumerate(days)]
    store.write_documents(docs[:2])
    assert _listed(store) is None  # 2 + 2 dated documents: not yet a hub
    store.write_documents(docs[2:])
    assert _listed(store) == _recount_listed(store)
    store.write_documents([docs[4]])  # written again
    assert _listed(store) == _recount_listed(store)
    newest = _listed(store)[0].split(" ")[1]
    store.delete_document(newest)  # a full list loses its head
    assert _listed(store) == _recount_listed(store) and len(_listed(store)) == 3
    assert _documents(store, None)[:3] == _documents(store, "listed")
    for d in docs:
        store.delete_document(d.id)
    assert _listed(store) is None  # back under the threshold


def _listed(store) -> list[str] | None:
    r = store.read("MATCH (n:Entity {id: $id}) RETURN n.recent_docs AS d", {"id": g.BING})
    return r[0]["d"]


def _recount_listed(store) -> list[str]:
    rows = store.read(
        "MATCH (n:Entity {id: $id})<-[:MENTIONS]-(d:Document) WHERE d.date IS NOT NULL "
        "RETURN d.date AS date, d.id AS id",
        {"id": g.BING},
    )
    entries = sorted((r["date"], r["id"]) for r in rows)[::-1][: summaries.RECENT_DOCS]
    return [f"{date} {doc}" for date, doc in entries]


def _documents(store, variant: str | None) -> list[str]:
    q = get("documents")
    cypher, params = prepared(store, q, {"entity": g.BING}, cypher=q.texts()[variant or ""])
    rows = q.postprocess(_unpack(q, store.read(cypher, params, plain=True)), params)
    return [r["doc_id"] for r in rows]


def test_listed_documents_are_one_past_the_row_limit() -> None:
    """The list stands in for the documents query's answer: as long as its row limit + 1."""
    assert get("documents").row_limit + 1 == summaries.RECENT_DOCS
    assert summaries.HUB_DOCS >= summaries.RECENT_DOCS  # a listed entity fills its list
