"""Review decisions on every server: stored as records, applied to the graph, and applied
again after re-ingest, a repost, delete + re-add and a rebuild from the files; export/import
round trips; two reviewers on one fact leave one status and both records."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from graph import review
from graph.errors import BadParameter, CourtgraphError
from graph.model import entity_id, fact_id
from ingest.pipeline import ingest_paths
from tests import graph_fixtures as g
from tests.graph.test_summaries import _recomputed, _snapshot

BING_SUYUAN = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
MID_SUYUAN = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")
DING_SUYUAN = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
ZHANG_ROLE = fact_id("HOLDS_ROLE", g.ZHANG, g.BING, "院长")
BING_RATE = fact_id("REPORTED", g.BING, g.RATE)


def _adopters(store) -> list[tuple[str, str]]:
    rows = store.read(
        "MATCH (i:Entity {id: $i})<-[a:ADOPTED]-(u:Entity) "
        "RETURN u.id AS u, a.stage AS s, a.review_status AS st",
        {"i": g.SUYUAN},
    )
    return sorted((r["u"], r["s"]) for r in rows)


def _status(store, src: str, rel: str, dst: str, fid: str) -> tuple:
    rows = store.read(
        f"MATCH (a:Entity {{id: $a}})-[r:{rel}]->(b:Entity {{id: $b}}) WHERE r.fact_id = $f "
        "RETURN r.review_status AS s, r.review_flag AS flag",
        {"a": src, "b": dst, "f": fid},
    )
    return (rows[0]["s"], rows[0]["flag"]) if rows else ()


def _summary_units(store) -> list[str]:
    rows = store.read("MATCH (s:AdoptionSummary {id: $id}) RETURN s.units AS u", {"id": g.SUYUAN})
    return rows[0]["u"] if rows else []


def _summaries_agree(store) -> None:
    """The store's summaries equal a recount from the facts. (An entity whose last dated
    document was deleted keeps empty year lists where a recount has none: the store's own
    behaviour, not review's, so empty and absent count as equal here.)"""

    def norm(snap: dict) -> dict:
        for row in snap["entities"]:
            for k, v in row.items():
                if v == []:
                    row[k] = None
        return snap

    assert norm(_snapshot(store)) == norm(_recomputed(store))


def _decide_all(store) -> None:
    """A confirm, a reject and a correction on the small graph."""
    review.decide(store, BING_SUYUAN, "confirm", reviewer="王审")
    review.decide(store, DING_SUYUAN, "reject", reviewer="王审", note="不是该单位的做法")
    review.decide(
        store,
        MID_SUYUAN,
        "correct",
        reviewer="李审",
        new={"stage": "adopted", "date": "2022-10", "date_precision": "month"},
    )


MID_FIXED = fact_id("ADOPTED", g.MID, g.SUYUAN, "adopted")


def _check_decided(store) -> None:
    assert _adopters(store) == [(g.BING, "adopted"), (g.MID, "adopted")]
    assert _status(store, g.BING, "ADOPTED", g.SUYUAN, BING_SUYUAN) == ("confirmed", None)
    assert _status(store, g.MID, "ADOPTED", g.SUYUAN, MID_FIXED) == ("corrected", None)
    mid = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
        "RETURN a.date AS d, a.corrected_from AS c",
        {"u": g.MID, "i": g.SUYUAN},
    )
    assert mid == [{"d": "2022-10", "c": [MID_SUYUAN]}]
    # the rejected fact's sentences are gone from the graph, kept in the decision
    assert (
        store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.id AS id", {"f": DING_SUYUAN}) == []
    )
    # the summaries agree with the facts
    assert _summary_units(store) == sorted([g.BING, g.MID])
    _summaries_agree(store)


def test_decisions_change_the_graph_and_its_summaries(store) -> None:
    g.load_small_graph(store)
    assert _summary_units(store) == sorted([g.BING, g.MID, g.DING])
    _decide_all(store)
    _check_decided(store)
    assert review.status_of(store, DING_SUYUAN) == "rejected"
    assert review.status_of(store, BING_SUYUAN) == "confirmed"
    rejected = review.decisions(store, DING_SUYUAN)[0]
    assert rejected.note == "不是该单位的做法"
    assert rejected.old["evidence"][0]["sentence"] == g.document_b().facts[0].evidence[0].sentence
    assert rejected.evidence_hash
    # the evidence follows the correction
    ev = store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.doc_id AS d", {"f": MID_FIXED})
    assert ev == [{"d": g.DOC_A}]
    assert [d.decision for d in review.history(store, MID_FIXED)] == ["correct"]


def test_decisions_survive_rewrite_and_delete_readd(store) -> None:
    g.load_small_graph(store)
    _decide_all(store)
    # documents written again (a re-ingest that extracts the same facts)
    store.write_documents([g.document_a(), g.document_b()])
    review.reapply_documents(store, [g.DOC_A, g.DOC_B])
    _check_decided(store)
    # deleting a document never deletes decisions; re-adding brings them back into force
    before = review.facts_of_document(store, g.DOC_B)
    assert store.delete_document(g.DOC_B)
    review.reapply_facts(store, before)
    assert len(review.decisions(store)) == 3
    assert _adopters(store) == [(g.BING, "adopted"), (g.MID, "adopted")]
    assert _status(store, g.BING, "ADOPTED", g.SUYUAN, BING_SUYUAN) == ("confirmed", None)
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    _check_decided(store)


def test_confirmation_lapses_when_its_sentence_goes(store) -> None:
    g.load_small_graph(store)
    review.decide(store, DING_SUYUAN, "confirm", reviewer="王审")
    assert _status(store, g.DING, "ADOPTED", g.SUYUAN, DING_SUYUAN) == ("confirmed", None)
    # the fact comes back from a document whose sentence differs: back to the queue, flagged
    doc = g.document_b()
    doc.id = "doc:" + "e" * 20
    doc.props["content_hash"] = "e" * 64
    doc.facts[0].evidence[0].sentence = "丁县法院今年起试点诉源治理工作。"
    store.delete_document(g.DOC_B)
    store.write_documents([doc])
    review.reapply_documents(store, [doc.id])
    assert _status(store, g.DING, "ADOPTED", g.SUYUAN, DING_SUYUAN) == (
        "extracted",
        "evidence_changed",
    )
    queued = review.queue(store, kinds=["adoption"])
    assert DING_SUYUAN in [r["fact_id"] for r in queued]


def test_two_reviewers_at_once_leave_one_status(store) -> None:
    g.load_small_graph(store)
    errors: list[BaseException] = []

    def run(decision: str, who: str) -> None:
        try:
            review.decide(
                store,
                BING_SUYUAN,
                decision,
                reviewer=who,
                note="不是该单位的做法" if decision == "reject" else "",
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=("confirm", "甲")),
        threading.Thread(target=run, args=("reject", "乙")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    records = review.decisions(store, BING_SUYUAN)
    assert sorted(d.reviewer for d in records) == ["乙", "甲"]
    latest = records[-1]
    # whatever the order, the graph says what the latest record says
    review.reapply_all(store)
    if latest.decision == "reject":
        assert (g.BING, "adopted") not in _adopters(store)
    else:
        assert _status(store, g.BING, "ADOPTED", g.SUYUAN, BING_SUYUAN) == ("confirmed", None)
    _summaries_agree(store)


def test_later_decision_wins_and_history_keeps_both(store) -> None:
    g.load_small_graph(store)
    review.decide(store, ZHANG_ROLE, "confirm", reviewer="甲", time="2026-01-01T00:00:00+00:00")
    review.decide(
        store, ZHANG_ROLE, "reject", reviewer="乙", note="其他", time="2026-01-02T00:00:00+00:00"
    )
    assert _status(store, g.ZHANG, "HOLDS_ROLE", g.BING, ZHANG_ROLE) == ()
    assert [d.reviewer for d in review.history(store, ZHANG_ROLE)] == ["甲", "乙"]
    # a later confirmation overrules the rejection: the fact returns from the record
    review.decide(store, ZHANG_ROLE, "confirm", reviewer="丙")
    assert _status(store, g.ZHANG, "HOLDS_ROLE", g.BING, ZHANG_ROLE) == ("confirmed", None)
    ev = store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.doc_id AS d", {"f": ZHANG_ROLE})
    assert ev == [{"d": g.DOC_A}]
    assert [d.reviewer for d in review.history(store, ZHANG_ROLE)] == ["甲", "乙", "丙"]
    _summaries_agree(store)
    # a fact whose documents are all gone cannot be decided
    store.delete_document(g.DOC_B)
    with pytest.raises(CourtgraphError, match="图中没有事实"):
        review.decide(store, DING_SUYUAN, "confirm", reviewer="丙")


def test_outcome_correction_and_added_fact(store) -> None:
    g.load_small_graph(store)
    review.decide(store, BING_RATE, "correct", reviewer="甲", new={"value": 65.0})
    value = store.read("MATCH (o:Entity {id: $id}) RETURN o.value AS v", {"id": g.RATE})
    assert value == [{"v": 65.0}]
    sentence = "丁县法院一月起试点诉源治理。"
    d = review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.DING,
        dst=g.FENGQIAO,
        doc_id=g.DOC_B,
        sentence=sentence,
        start=0,
        end=len(sentence),
        reviewer="甲",
        props={"stage": "piloted", "date": "2024-01", "date_precision": "month"},
    )
    assert d.fact_id == fact_id("ADOPTED", g.DING, g.FENGQIAO, "piloted")
    assert _status(store, g.DING, "ADOPTED", g.FENGQIAO, d.fact_id) == ("confirmed", None)
    # the added fact lives while its document does, and comes back with it
    facts = review.facts_of_document(store, g.DOC_B)
    assert d.fact_id in facts
    store.delete_document(g.DOC_B)
    review.reapply_facts(store, facts)
    assert _status(store, g.DING, "ADOPTED", g.FENGQIAO, d.fact_id) == ()
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    assert _status(store, g.DING, "ADOPTED", g.FENGQIAO, d.fact_id) == ("confirmed", None)
    _summaries_agree(store)


def test_bad_decisions_are_refused(store) -> None:
    g.load_small_graph(store)
    with pytest.raises(BadParameter):
        review.decide(store, BING_SUYUAN, "reject", reviewer="甲")  # no reason
    with pytest.raises(BadParameter):
        review.decide(store, BING_SUYUAN, "correct", reviewer="甲", new={"colour": "red"})
    with pytest.raises(BadParameter):
        review.decide(store, BING_SUYUAN, "confirm", reviewer="")
    with pytest.raises(BadParameter):
        review.decide(
            store, BING_SUYUAN, "correct", reviewer="甲", new={"src": "court:不存在的法院"}
        )
    assert review.decisions(store) == []


def test_export_import_round_trip(store, tmp_path: Path) -> None:
    g.load_small_graph(store)
    _decide_all(store)
    out = tmp_path / "decisions.jsonl"
    assert review.to_jsonl(store, out) == 3
    exported = [d.to_json() for d in review.decisions(store)]
    # another installation: the same documents, no decisions
    store.clear()
    g.load_small_graph(store)
    first = review.from_jsonl(store, out)
    assert (len(first.added), len(first.unchanged), first.conflicts) == (3, 0, [])
    assert [d.to_json() for d in review.decisions(store)] == exported
    _check_decided(store)
    again = review.from_jsonl(store, out)
    assert (len(again.added), len(again.unchanged), again.conflicts) == (0, 3, [])
    assert len(review.decisions(store)) == 3
    # a local decision that disagrees is reported, never overwritten
    store.clear()
    g.load_small_graph(store)
    review.decide(store, DING_SUYUAN, "confirm", reviewer="本地")
    third = review.from_jsonl(store, out)
    assert len(third.added) == 2 and len(third.conflicts) == 1
    assert DING_SUYUAN in third.conflicts[0][1]
    # in Chinese, as the command line prints it (ids as they are)
    assert "本处为" in third.conflicts[0][1] and "文件中为" in third.conflicts[0][1]
    assert "冲突（未导入） 1 条" in third.summary() and "conflict" not in third.summary()
    assert _status(store, g.DING, "ADOPTED", g.SUYUAN, DING_SUYUAN) == ("confirmed", None)


def test_queue_orders_and_filters(store) -> None:
    g.load_small_graph(store)
    store.write_statements(
        [
            (
                "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
                "SET a.confidence = 0.2, a.rules = ['adoption:test', 'adoption:other']",
                {"u": g.DING, "i": g.SUYUAN},
            )
        ]
    )
    rows = review.queue(store, kinds=["adoption"])
    assert rows[0]["fact_id"] == DING_SUYUAN and rows[0]["confidence"] == 0.2
    assert rows[0]["rules"] == ["adoption:test", "adoption:other"]
    assert {r["fact_id"] for r in rows} == {DING_SUYUAN, BING_SUYUAN, MID_SUYUAN}
    assert [r["fact_id"] for r in review.queue(store, unit=g.DING, kinds=["adoption"])] == [
        DING_SUYUAN
    ]
    by_doc = review.queue(store, document=g.DOC_B)
    assert {r["fact_id"] for r in by_doc} == {DING_SUYUAN, BING_SUYUAN}
    both = review.queue(store, document=g.DOC_B, unit=g.DING)
    assert [r["fact_id"] for r in both] == [DING_SUYUAN]
    assert [r["fact_id"] for r in review.queue(store, stage="piloted")] == [DING_SUYUAN]
    assert [r["fact_id"] for r in review.queue(store, max_confidence=0.3)] == [DING_SUYUAN]
    by_province = review.queue(store, province="甲省", kinds=["adoption"])
    assert {r["fact_id"] for r in by_province} == {DING_SUYUAN, BING_SUYUAN, MID_SUYUAN}
    assert review.queue(store, province="乙省") == []
    assert {r["kind"] for r in review.queue(store, initiative=g.SUYUAN)} == {"adoption"}
    assert {r["kind"] for r in review.queue(store)} >= {"adoption", "outcome", "person"}
    review.decide_many(store, [DING_SUYUAN, BING_SUYUAN], "confirm", reviewer="甲")
    assert [r["fact_id"] for r in review.queue(store, kinds=["adoption"])] == [MID_SUYUAN]
    confirmed = review.queue(store, kinds=["adoption"], status="confirmed")
    assert {r["fact_id"] for r in confirmed} == {DING_SUYUAN, BING_SUYUAN}
    ev = review.evidence_of(store, [DING_SUYUAN])
    assert ev[0]["title"] == "样例文档乙" and ev[0]["sentence"].startswith("丁县法院")
    p = review.progress(store)
    assert p["counts"]["confirmed"] == 2 and p["precision"] == 1.0
    by_initiative = review.progress_by_initiative(store)
    assert by_initiative[0]["id"] == g.SUYUAN
    assert (by_initiative[0]["extracted"], by_initiative[0]["confirmed"]) == (1, 2)
    by_doc = {r["id"]: r for r in review.progress_by_document(store)}
    assert (by_doc[g.DOC_B]["confirmed"], by_doc[g.DOC_B]["extracted"]) == (2, 0)
    assert by_doc[g.DOC_B]["name"] == "样例文档乙"
    # some documents: the same rows, from their own evidence and mentions
    for some in ([g.DOC_B], sorted(by_doc), [g.DOC_B, "doc:无此文档"]):
        assert review.progress_by_document(store, some) == [
            r for r in review.progress_by_document(store) if r["id"] in some
        ]
    assert review.progress_by_document(store, []) == []
    review.decide(store, MID_SUYUAN, "reject", reviewer="甲", note="其他")
    p = review.progress(store)
    assert p["precision"] == round(2 / 3, 3)
    assert p["by_rule"]["adoption:test"] == {"decided": 1, "confirmed": 1, "precision": 1.0}
    assert p["by_rule"]["adoption:other"] == {"decided": 1, "confirmed": 1, "precision": 1.0}
    assert p["by_rule"]["(none)"] == {"decided": 2, "confirmed": 1, "precision": 0.5}
    assert p["by_band"]["0.0-0.5"]["decided"] == 1


# -- the ingest pipeline applies decisions to what it extracts again ----------------------
MINGSHAN = entity_id("Court", "辽宁省本溪市明山区人民法院")


def _write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "a.txt": "明山区法院诉源治理工作动态\n发布时间：2023-05-02\n\n"
        "2023年3月，辽宁省本溪市明山区人民法院全面推行诉源治理，诉前调解成功1200件。\n",
        "b.txt": "平山区法院繁简分流工作动态\n发布时间：2023-06-02\n\n"
        "2023年4月，辽宁省本溪市平山区人民法院试点繁简分流，平均审理时长缩短至20天。\n",
    }
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _pipeline_adoptions(store) -> dict[str, tuple]:
    rows = store.read(
        "MATCH (u:Entity)-[a:ADOPTED]->(i:Entity) WHERE a.doc_ids IS NOT NULL "
        "RETURN a.fact_id AS f, u.id AS u, i.id AS i, a.review_status AS s"
    )
    return {r["f"]: (r["u"], r["i"], r["s"]) for r in rows}


def test_pipeline_reapplies_after_delete_readd_and_rebuild(store, tmp_path: Path) -> None:
    paths = _write_articles(tmp_path / "docs")
    ingest_paths(store, paths, reference_data=False)
    facts = _pipeline_adoptions(store)
    assert len(facts) >= 2, facts
    keep, *drop = sorted(facts)
    review.decide(store, keep, "confirm", reviewer="甲")
    review.decide_many(store, drop, "reject", reviewer="甲", note="其他")
    expected = {keep: (*facts[keep][:2], "confirmed")}
    assert _pipeline_adoptions(store) == expected
    # re-ingest the same files, and a repost under another name: nothing comes back
    (tmp_path / "repost").mkdir()
    (tmp_path / "repost" / "copy.txt").write_text(paths[1].read_text("utf-8"), encoding="utf-8")
    ingest_paths(store, [*paths, tmp_path / "repost"], reference_data=False)
    assert _pipeline_adoptions(store) == expected
    # delete every document, ingest the files again
    for d in store.read("MATCH (d:Document) RETURN d.id AS id"):
        store.delete_document(d["id"])
    assert _pipeline_adoptions(store) == {}
    assert len(review.decisions(store)) == len(facts)
    ingest_paths(store, paths, reference_data=False)
    assert _pipeline_adoptions(store) == expected
    # a full rebuild: export, empty the store, ingest the files, import
    out = tmp_path / "decisions.jsonl"
    review.to_jsonl(store, out)
    store.clear()
    ingest_paths(store, paths, reference_data=False)
    assert len(_pipeline_adoptions(store)) == len(facts)
    review.from_jsonl(store, out)
    assert _pipeline_adoptions(store) == expected
    _summaries_agree(store)
    # a rebuild in place: `python -m graph reset` keeps the decisions, ingest applies them
    assert review.clear_keeping_decisions(store) == len(facts)
    assert store.read("MATCH (d:Document) RETURN d.id AS id") == []
    ingest_paths(store, paths, reference_data=False)
    assert _pipeline_adoptions(store) == expected
    _summaries_agree(store)


def test_decisions_reapplied_from_the_written_rows(store, monkeypatch) -> None:
    """After a write, the decisions on what its new documents support are found from the
    documents' own rows (no read of their evidence or mentions: it grew with the store's
    evidence index); a document that existed before the write is read back as before."""
    from tests.graph.test_store_cost import statements

    g.load_small_graph(store)
    _decide_all(store)
    docs = [g.document_a(), g.document_b()]
    tally = store.write_documents(docs)  # both known: read back
    assert sorted(tally.known_docs) == sorted([g.DOC_A, g.DOC_B])
    review.reapply_written(store, docs, tally.known_docs)
    _check_decided(store)
    store.delete_document(g.DOC_B)
    with statements(monkeypatch) as seen:
        tally = store.write_documents([g.document_b()])  # new again
        assert tally.known_docs == []
        assert review.reapply_written(store, [g.document_b()], tally.known_docs) > 0
    _check_decided(store)
    read_back = [s for s in seen if "e.corrected_from AS c" in s or "RETURN DISTINCT n.id" in s]
    assert read_back == []


def test_pipeline_reads_no_evidence_back_to_reapply(store, tmp_path: Path, monkeypatch) -> None:
    from tests.graph.test_store_cost import statements

    paths = _write_articles(tmp_path / "docs")
    ingest_paths(store, paths, reference_data=False)
    facts = _pipeline_adoptions(store)
    keep, *drop = sorted(facts)
    review.decide(store, keep, "confirm", reviewer="甲")
    review.decide_many(store, drop, "reject", reviewer="甲", note="其他")
    expected = {keep: (*facts[keep][:2], "confirmed")}
    for d in store.read("MATCH (d:Document) RETURN d.id AS id"):
        store.delete_document(d["id"])
    with statements(monkeypatch) as seen:
        ingest_paths(store, paths, reference_data=False)
    assert _pipeline_adoptions(store) == expected
    assert not [s for s in seen if "MATCH (e:Evidence {doc_id: id})" in s]


# -- Neo4j's own Cypher front-end accepts every statement review sends -----------------------
def test_neo4j_accepts_review_statements(
    arcadedb_store, monkeypatch, tmp_path: Path, request
) -> None:
    import shutil

    import neo4j

    from tests.graph import test_neo4j_syntax as syntax

    if shutil.which("node") is None or not (syntax.CHECKER.parent / "node_modules").is_dir():
        pytest.skip("the Cypher checker needs node and `npm ci` in tools/cypher_check")
    store = arcadedb_store
    rec = syntax.Recorder()
    for cls in (neo4j.Session, neo4j.Transaction, neo4j.ManagedTransaction):
        monkeypatch.setattr(cls, "run", rec.wrap(cls.run))
    g.load_small_graph(store)
    _decide_all(store)
    review.decide(store, BING_RATE, "correct", reviewer="甲", new={"value": 65.0})
    review.decide(store, ZHANG_ROLE, "correct", reviewer="甲", new={"title": "副院长"})
    review.decide(store, DING_SUYUAN, "confirm", reviewer="乙")  # overrules the rejection
    review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.DING,
        dst=g.FENGQIAO,
        doc_id=g.DOC_B,
        sentence="丁县法院试点。",
        start=0,
        end=7,
        reviewer="甲",
        props={"stage": "piloted"},
    )
    review.add_fact(  # one the extractor found, with other values: a correction
        store,
        rel_type="ADOPTED",
        src=g.MID,
        dst=g.SUYUAN,
        doc_id=g.DOC_A,
        sentence="乙市中院推行。",
        start=0,
        end=7,
        reviewer="甲",
        props={"stage": "adopted", "date": "2021-05", "date_precision": "month"},
    )
    review.add_fact(  # another stage from a sentence the found fact does not stand on
        store,
        rel_type="ADOPTED",
        src=g.MID,
        dst=g.SUYUAN,
        doc_id=g.DOC_A,
        sentence="乙市中院试点。",
        start=0,
        end=7,
        reviewer="甲",
        props={"stage": "piloted"},
    )
    for kwargs in (
        {},
        {"initiative": g.SUYUAN},
        {"unit": g.BING},
        {"document": g.DOC_A},
        {"status": "rejected"},
        {
            "document": g.DOC_A,
            "initiative": g.SUYUAN,
            "unit": g.BING,
            "province": "甲省",
            "stage": "adopted",
            "max_confidence": 0.9,
        },
    ):
        review.queue(store, **kwargs)  # type: ignore[arg-type]
    store.write_documents([_document_f()])
    review.promote_initiative(store, NEW_A, reviewer="甲", name="甲工作机制", category="x")
    review.drop_candidate(store, NEW_B, reviewer="甲", note="不是改革举措")
    store.write_documents([_document_e()])
    review.merge_entities(store, g.BING, DUP, reviewer="甲")
    review.rename_entity(store, g.FENGQIAO, "枫桥式法庭", reviewer="甲")
    store.write_documents([_document_e()])
    review.reapply_documents(store, [DOC_E])
    review.evidence_of(store, [BING_SUYUAN])
    review.progress(store)
    review.progress_by_initiative(store)
    review.progress_by_document(store)
    review.candidate_initiatives(store)
    review.history(store, MID_FIXED)
    review.status_of(store, BING_SUYUAN)
    out = tmp_path / "d.jsonl"
    review.to_jsonl(store, out)
    facts = review.facts_of_document(store, g.DOC_B)
    store.delete_document(g.DOC_B)
    review.reapply_facts(store, facts)
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    review.reapply_all(store)
    store.clear()
    g.load_small_graph(store)
    review.from_jsonl(store, out)
    monkeypatch.undo()
    mine = [t for t in rec.params if any("review.py" in s for s in rec.sites[t])]
    assert len(mine) > 15
    items = [
        {"name": syntax._name(rec, t), "cypher": t, "parameters": sorted(rec.params[t])}
        for t in mine
    ]
    results = syntax._check(items, getattr(request.config, "cache", None), "review")
    failures = [
        syntax._describe(item, result["errors"])
        for item, result in zip(items, results, strict=True)
        if result["errors"]
    ]
    assert not failures, "\n\n".join(failures)


# -- the command line ----------------------------------------------------------------------
def test_review_cli(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys, tmp_path: Path
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    store = arcadedb_store
    g.load_small_graph(store)

    def cli(*argv: str) -> tuple[int, str, str]:
        code = main(["review", *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = cli("queue", "--kind", "adoption")
    assert code == 0 and DING_SUYUAN in out and BING_SUYUAN in out
    assert " · 试点 · " in out  # the fact in words
    assert err.strip().endswith("条事实") and err.strip().startswith("共 ")
    # the command line answers in Chinese first
    code, _, err = cli("confirm")
    assert code == 1 and "没有要确认的事实" in err
    code, _, err = cli("history", BING_SUYUAN)
    assert code == 1 and "还没有审核记录" in err
    code, out, _ = cli("apply")
    assert code == 0 and out.startswith("已重新应用审核决定：")
    code, out, _ = cli("confirm", BING_SUYUAN, "--reviewer", "王审")
    assert (code, out.strip()) == (0, "已确认 1 条事实")
    code, out, _ = cli("reject", DING_SUYUAN, "--reason", "阶段不对", "--reviewer", "王审")
    assert (code, out.strip()) == (0, "已驳回 1 条事实")
    code, out, _ = cli(
        "correct", MID_SUYUAN, "--stage", "adopted", "--date", "2022-10", "--reviewer", "李审"
    )
    assert code == 0 and MID_FIXED in out
    _check_decided(store)
    code, out, _ = cli("history", DING_SUYUAN)
    assert code == 0 and "驳回" in out and "阶段不对" in out and "已驳回" in out
    # a table in Chinese (a new user read raw JSON); --json keeps one object per decision
    code, out, _ = cli("history", MID_SUYUAN)
    assert code == 0 and "{" not in out and "审核人" in out
    assert "阶段：推行；日期：2022-10" in out and "李审" in out
    code, out, _ = cli("history", MID_SUYUAN, "--json")
    assert code == 0 and json.loads(out.splitlines()[0])["new"]["stage"] == "adopted"
    code, out, _ = cli("queue", "--status", "rejected")
    assert DING_SUYUAN in out
    code, err = main(["review", "correct", BING_SUYUAN, "--date", "2023年"]), capsys.readouterr()
    assert code == 1 and err.err.startswith("Error: 日期 '2023年' 无效")
    out_file = tmp_path / "decisions.jsonl"
    code, out, _ = cli("export", "-o", str(out_file))
    assert code == 0 and "3 条审核决定" in out
    code, out, _ = cli("import", str(out_file))
    assert code == 0 and "新增审核决定 0 条；已有（未变） 3 条；冲突（未导入） 0 条" in out
    assert "decisions" not in out and "conflict" not in out  # the summary speaks Chinese
    code, out, _ = cli("progress")
    assert code == 0 and "已确认 (confirmed): 1" in out
    code, out, _ = cli("progress", "--by", "initiative")
    assert code == 0 and "诉源治理" in out
    # confirming one document's open facts is one action
    store.write_documents([g.document_c()])
    code, out, _ = cli("confirm", "--document", g.document_c().id, "--reviewer", "王审")
    assert (code, out.strip()) == (0, "已确认 2 条事实")
    store.write_documents([_document_f()])
    code, out, _ = cli("promote", "甲机制", "--category", "governance", "--alias", "甲工作机制")
    assert (code, out.strip()) == (0, f"已将 {NEW_A} 收入举措分类表")
    code, out, _ = cli("drop", NEW_B, "--reason", "不是改革举措")
    assert (code, out.strip()) == (0, f"已删除候选举措 {NEW_B} 及其事实")
    assert _candidates(store) == {NEW_A: (False, "governance", ["甲工作机制"])}
    code, out, _ = cli("rename", g.FENGQIAO, "枫桥式法庭", "--reviewer", "王审")
    assert (code, out.strip()) == (0, f"已将 {g.FENGQIAO} 改名为 枫桥式法庭")
    code, err = main(["review", "merge", g.BING, g.DING]), capsys.readouterr()
    assert code == 0  # neither is marked as a roster court in the small graph
    assert f"已将 {g.DING} 合并到 {g.BING}" in err.out
    # delete-document keeps decisions
    assert main(["delete-document", g.DOC_B]) == 0
    capsys.readouterr()
    assert len(review.decisions(store)) == 9
    assert main(["reset", "--yes"]) == 0
    assert "保留 9 条审核决定" in capsys.readouterr().out
    assert len(review.decisions(store)) == 9 and store.counts()["Document"] == 0
    assert main(["reset", "--yes", "--with-decisions"]) == 0
    assert review.decisions(store) == []


def test_correction_to_unmentioned_ends_follows_its_document(store) -> None:
    g.load_small_graph(store)
    d = review.decide(
        store, MID_SUYUAN, "correct", reviewer="甲", new={"src": g.WU, "dst": g.FENGQIAO}
    )
    moved = review.corrected_fact_id(d)
    assert moved == fact_id("ADOPTED", g.WU, g.FENGQIAO, "promoted")
    assert _status(store, g.WU, "ADOPTED", g.FENGQIAO, moved) == ("corrected", None)
    assert _summary_units(store) == sorted([g.BING, g.DING])
    facts = review.facts_of_document(store, g.DOC_A)
    assert MID_SUYUAN in facts
    store.delete_document(g.DOC_A)
    review.reapply_facts(store, facts)
    assert _status(store, g.WU, "ADOPTED", g.FENGQIAO, moved) == ()
    _summaries_agree(store)
    store.write_documents([g.document_a()])
    review.reapply_documents(store, [g.DOC_A])
    assert _status(store, g.WU, "ADOPTED", g.FENGQIAO, moved) == ("corrected", None)
    assert [x.decision for x in review.history(store, moved)] == ["correct"]
    _summaries_agree(store)


def test_import_keeps_a_files_own_sequence(store, tmp_path: Path) -> None:
    """A fact decided twice in one installation (confirmed, later rejected) imports as both
    records into another, with no conflict, and ends rejected there too."""
    g.load_small_graph(store)
    review.decide(store, BING_SUYUAN, "confirm", reviewer="甲", time="2026-01-01T00:00:00+00:00")
    review.decide(
        store, BING_SUYUAN, "reject", reviewer="乙", note="其他", time="2026-01-02T00:00:00+00:00"
    )
    out = tmp_path / "d.jsonl"
    review.to_jsonl(store, out)
    store.clear()
    g.load_small_graph(store)
    report = review.from_jsonl(store, out)
    assert (len(report.added), report.conflicts) == (2, [])
    assert (g.BING, "adopted") not in _adopters(store)
    assert review.status_of(store, BING_SUYUAN) == "rejected"


# -- entities: merge and rename --------------------------------------------------------------
DUP = entity_id("Court", "丙区人民法院")  # how an article might name 丙区 without its city
DOC_E = "doc:" + "e" * 20


def _document_e():
    from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow

    s1 = "丙区人民法院推行诉源治理。"
    s2 = "丙区人民法院试点枫桥式人民法庭。"
    return DocumentGraph(
        id=DOC_E,
        props={"title": "样例文档戊", "date": "2024-03-01", "content_hash": "e" * 64},
        nodes=[NodeRow("Court", DUP, {"name": "丙区人民法院", "level": "basic"}, ["丙区院"])],
        mentions=[
            MentionRow(DUP, "丙区人民法院", s1, 0, 6),
            MentionRow(g.SUYUAN, "诉源治理", s1, 8, 12),
            MentionRow(g.FENGQIAO, "枫桥式人民法庭", s2, 8, 15),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                DUP,
                g.SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                [EvidenceRow(s1, 0, len(s1), date="2024-03", date_precision="document")],
            ),
            FactRow(
                "ADOPTED",
                DUP,
                g.FENGQIAO,
                ("piloted",),
                {"stage": "piloted"},
                [EvidenceRow(s2, 0, len(s2), date="2024-02", date_precision="month")],
            ),
        ],
    )


def _merged_state(store) -> None:
    assert store.read("MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": DUP}) == []
    bing = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.aliases AS a, n.search_text AS s, n.merged_from AS m",
        {"id": g.BING},
    )[0]
    assert "丙区人民法院" in bing["a"] and "丙区院" in bing["a"] and bing["m"] == [DUP]
    assert "丙区院" in bing["s"]
    suyuan = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) RETURN a.doc_ids AS d",
        {"u": g.BING, "i": g.SUYUAN},
    )
    assert sorted(suyuan[0]["d"]) == sorted([g.DOC_A, g.DOC_B, DOC_E])
    fq = fact_id("ADOPTED", g.BING, g.FENGQIAO, "piloted")
    assert _status(store, g.BING, "ADOPTED", g.FENGQIAO, fq)[0] in (None, "confirmed")
    ev = store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.doc_id AS d", {"f": fq})
    assert ev == [{"d": DOC_E}]
    docs = store.read(
        "MATCH (n:Entity {id: $id})<-[:MENTIONS]-(d:Document) RETURN d.id AS d", {"id": g.BING}
    )
    assert DOC_E in {r["d"] for r in docs}
    _summaries_agree(store)


def test_merge_moves_everything_and_lasts(store) -> None:
    g.load_small_graph(store)
    store.write_documents([_document_e()])
    assert DUP in _summary_units(store)
    d = review.merge_entities(store, g.BING, DUP, reviewer="甲")
    assert d.old["entity"]["name"] == "丙区人民法院"
    _merged_state(store)
    assert DUP not in _summary_units(store)
    # the document written again brings 丙区人民法院 back; the merge applies again
    store.write_documents([_document_e()])
    review.reapply_documents(store, [DOC_E])
    _merged_state(store)
    # deleted and re-added
    facts = review.facts_of_document(store, DOC_E)
    store.delete_document(DOC_E)
    review.reapply_facts(store, facts)
    store.write_documents([_document_e()])
    review.reapply_documents(store, [DOC_E])
    _merged_state(store)
    assert [x.decision for x in review.history(store, DUP)] == ["merge"]
    # a decision on a moved fact lasts through its document's delete and re-add
    fq = fact_id("ADOPTED", g.BING, g.FENGQIAO, "piloted")
    review.decide(store, fq, "confirm", reviewer="乙")
    store.delete_document(DOC_E)
    assert _status(store, g.BING, "ADOPTED", g.FENGQIAO, fq) == ()
    store.write_documents([_document_e()])
    review.reapply_documents(store, [DOC_E])
    assert _status(store, g.BING, "ADOPTED", g.FENGQIAO, fq) == ("confirmed", None)


def test_merge_guards(store) -> None:
    from graph.model import NodeRow

    g.load_small_graph(store)
    store.upsert_nodes(
        [
            NodeRow("Court", "court:乙市中院", {"name": "乙市中院", "level": "intermediate"}),
            NodeRow("Court", "court:roster", {"name": "某院", "level": "basic", "in_roster": True}),
        ]
    )
    with pytest.raises(BadParameter, match="不是同一类实体"):
        review.merge_entities(store, g.BING, g.DONGHU, reviewer="甲")
    with pytest.raises(BadParameter, match="level intermediate"):
        review.merge_entities(store, "court:roster", "court:乙市中院", reviewer="甲")
    with pytest.raises(BadParameter, match="法院名录"):
        review.merge_entities(store, "court:乙市中院", "court:roster", reviewer="甲")
    with pytest.raises(CourtgraphError):
        review.merge_entities(store, g.BING, "court:没有", reviewer="甲")
    assert review.decisions(store) == []


def test_rename_keeps_the_old_name_as_alias(store) -> None:
    g.load_small_graph(store)
    review.rename_entity(store, g.FENGQIAO, "“枫桥式”人民法庭", reviewer="甲")
    row = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.name AS n, n.aliases AS a", {"id": g.FENGQIAO}
    )[0]
    assert row == {"n": "“枫桥式”人民法庭", "a": ["枫桥式人民法庭"]}


# -- candidate initiatives: promote into the taxonomy, or reject for good ----------------------
NEW_A = entity_id("Initiative", "甲机制")
NEW_B = entity_id("Initiative", "乙机制")
DOC_F = "doc:" + "f" * 20


def _document_f():
    from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow

    s1 = "丁县法院推行甲机制和乙机制。"
    ev = [EvidenceRow(s1, 0, len(s1), date="2024-05", date_precision="month")]
    return DocumentGraph(
        id=DOC_F,
        props={"title": "样例文档己", "date": "2024-06-01", "content_hash": "f" * 64},
        nodes=[
            NodeRow("Initiative", NEW_A, {"name": "甲机制", "candidate": True, "curated": False}),
            NodeRow("Initiative", NEW_B, {"name": "乙机制", "candidate": True, "curated": False}),
        ],
        mentions=[
            MentionRow(g.DING, "丁县法院", s1, 0, 4),
            MentionRow(NEW_A, "甲机制", s1, 6, 9),
            MentionRow(NEW_B, "乙机制", s1, 10, 13),
        ],
        facts=[
            FactRow("ADOPTED", g.DING, NEW_A, ("adopted",), {"stage": "adopted"}, ev),
            FactRow("ADOPTED", g.DING, NEW_B, ("adopted",), {"stage": "adopted"}, ev),
        ],
    )


def _candidates(store) -> dict[str, tuple]:
    rows = store.read(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) "
        "RETURN n.id AS id, n.candidate AS c, n.category AS cat, n.aliases AS a",
        {"ids": [NEW_A, NEW_B]},
    )
    return {r["id"]: (r["c"], r["cat"], r["a"]) for r in rows}


def test_candidates_promoted_or_dropped_for_good(store) -> None:
    g.load_small_graph(store)
    store.write_documents([_document_f()])
    review.promote_initiative(
        store, NEW_A, reviewer="甲", category="dispute_resolution", aliases=["甲工作机制"]
    )
    review.drop_candidate(store, NEW_B, reviewer="甲", note="不是改革举措")
    assert _candidates(store) == {NEW_A: (False, "dispute_resolution", ["甲工作机制"])}
    assert store.read("MATCH (s:AdoptionSummary {id: $id}) RETURN s.id AS id", {"id": NEW_B}) == []
    _summaries_agree(store)
    with pytest.raises(BadParameter, match="不是候选举措"):
        review.drop_candidate(store, g.SUYUAN, reviewer="甲", note="x")
    # proposed again by the same document, written again: dropped again
    store.write_documents([_document_f()])
    review.reapply_documents(store, [DOC_F])
    assert _candidates(store) == {NEW_A: (False, "dispute_resolution", ["甲工作机制"])}
    _summaries_agree(store)


def test_import_refuses_broken_records(store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"fact_id": "adopted:x", "decision": "reject", "reviewer": "甲", "time": "t"}\n',
        encoding="utf-8",
    )
    # reported with its line, not imported (the rest of a file is: see below)
    (refused,) = review.from_jsonl(store, bad).refused
    assert refused[0] == f"{bad} 第 1 行" and "对事实的决定须写明所针对的事实" in refused[1]
    bad.write_text("not json\n", encoding="utf-8")
    (refused,) = review.from_jsonl(store, bad).refused
    assert refused[0] == f"{bad} 第 1 行"
    # the parser's words after a reason in Chinese (they were all it said)
    assert refused[1].startswith("不是审核决定记录：JSON 格式有误（Expecting value")
    with pytest.raises(BadParameter, match="bad.jsonl 第 1 行：不是审核决定记录"):
        review.read_jsonl(bad)
    # the system's reason in Chinese too (it was "No such file or directory")
    with pytest.raises(CourtgraphError, match="missing.jsonl：没有这个文件或文件夹$"):
        review.from_jsonl(store, tmp_path / "missing.jsonl")


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2024-13", "没有 13 月"),
        ("2024-00-05", "没有 0 月"),
        ("2023-02-29", "2023 年 2 月没有 29 日"),
        ("2024-04-31", "2024 年 4 月没有 31 日"),
        ("2024/05", "应为 YYYY、YYYY-MM 或 YYYY-MM-DD"),
    ],
)
def test_a_correction_to_a_day_that_does_not_exist_is_refused(date: str, why: str) -> None:
    """`review correct FACT --date 2024-13` was taken, and the fact stored a month 13."""
    with pytest.raises(BadParameter, match=why):
        review.date_precision(date)
    assert review.date_precision("2024-02-29") == "day"


def test_a_date_after_today_is_refused() -> None:
    """Reviewer (session 19): `review correct --date 2099-01-01` was stored (a typo 2204 for
    2024 would be a wrong fact). Today, this month and this year are no future date."""
    from datetime import date, timedelta

    today = date.today()
    for future in ("2099-01-01", "2204", (today + timedelta(days=1)).isoformat()):
        with pytest.raises(BadParameter, match="晚于今天"):
            review.date_precision(future)
    assert review.date_precision(today.isoformat()) == "day"
    assert review.date_precision(today.isoformat()[:7]) == "month"
    assert review.date_precision(str(today.year)) == "year"
    with pytest.raises(BadParameter, match=r"'2024-07' 晚于今天（2024-06-30）"):
        review.date_precision("2024-07", today="2024-06-30")


def test_a_period_names_the_month_or_day_that_does_not_exist() -> None:
    """`--period 2024-01/2024-13` said only 应为 YYYY…: it names the month 13."""
    with pytest.raises(BadParameter, match=r"统计期间 '2024-01/2024-13' 无效：没有 13 月$"):
        review.period_value("2024-01/2024-13")
    with pytest.raises(BadParameter, match="2023 年 2 月没有 29 日"):
        review.period_value("2023-02-29")
    with pytest.raises(BadParameter, match="应为 YYYY、YYYY-MM、YYYY-MM-DD"):
        review.period_value("2024/上半年")


def test_export_into_a_missing_folder_is_an_error_line(store, tmp_path: Path) -> None:
    """`review export -o /nonexist/d.jsonl` ended in a traceback (FileNotFoundError)."""
    with pytest.raises(CourtgraphError, match="d.jsonl：文件夹 .*missing 不存在$"):
        review.to_jsonl(store, tmp_path / "missing" / "d.jsonl")


def test_hash_password_cli(monkeypatch, capsys) -> None:
    import getpass

    from graph.__main__ import main

    answers = iter(["秘密", "秘密"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert main(["review", "hash-password"]) == 0
    out = capsys.readouterr().out.strip()
    assert review.check_password("秘密", out) and not review.check_password("别的", out)
    assert "秘密" not in out
    answers = iter(["a", "b"])
    assert main(["review", "hash-password"]) == 1
    assert capsys.readouterr().err.startswith("Error: 密码为空，或两次输入不一致")

    def ended(prompt: str = "") -> str:  # one line piped in, then end of input
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", ended)
    assert main(["review", "hash-password"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: 没有读到密码") and "Traceback" not in err


def test_rejection_undone_restores_an_adoption(store) -> None:
    g.load_small_graph(store)
    review.decide(store, BING_SUYUAN, "reject", reviewer="甲", note="其他")
    assert g.BING not in _summary_units(store)
    review.decide(store, BING_SUYUAN, "confirm", reviewer="乙")
    assert _status(store, g.BING, "ADOPTED", g.SUYUAN, BING_SUYUAN) == ("confirmed", None)
    docs = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
        "RETURN a.doc_ids AS d, a.date AS date",
        {"u": g.BING, "i": g.SUYUAN},
    )
    assert docs == [{"d": [g.DOC_A, g.DOC_B], "date": "2022-12"}]
    assert g.BING in _summary_units(store)
    _summaries_agree(store)
    # and it lasts through a rewrite of its documents
    store.write_documents([g.document_a(), g.document_b()])
    review.reapply_documents(store, [g.DOC_A, g.DOC_B])
    assert _status(store, g.BING, "ADOPTED", g.SUYUAN, BING_SUYUAN) == ("confirmed", None)


def test_a_confirmed_fact_outlives_an_extractor_that_no_longer_proposes_it(
    store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild with a newer, stricter extractor (here: one that proposes no adoption at all)
    keeps what a reviewer confirmed, from the decision's record of the fact and its sentence,
    and drops what nobody decided."""
    import ingest.confidence

    paths = _write_articles(tmp_path / "docs")
    ingest_paths(store, paths, reference_data=False)
    facts = _pipeline_adoptions(store)
    assert len(facts) >= 2, facts
    keep, *_ = sorted(facts)
    review.decide(store, keep, "confirm", reviewer="甲")
    review.clear_keeping_decisions(store)
    monkeypatch.setattr(ingest.confidence, "FLOOR", {"adoption": 1.01})
    ingest_paths(store, paths, reference_data=False)
    assert _pipeline_adoptions(store) == {keep: (*facts[keep][:2], "confirmed")}
    sentences = store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.sentence AS s", {"f": keep})
    assert sentences and all("人民法院" in r["s"] for r in sentences)
    _summaries_agree(store)
    # and after its document is deleted and added again
    for d in store.read("MATCH (d:Document) RETURN d.id AS id"):
        store.delete_document(d["id"])
    assert _pipeline_adoptions(store) == {}
    ingest_paths(store, paths, reference_data=False)
    assert _pipeline_adoptions(store) == {keep: (*facts[keep][:2], "confirmed")}


def _adoption(store, unit: str) -> list[dict]:
    return store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) "
        "RETURN a.fact_id AS f, a.stage AS stage, a.date AS date, a.review_status AS status",
        {"u": unit, "i": g.SUYUAN},
    )


def test_adding_a_found_fact_with_other_values_corrects_it(store) -> None:
    g.load_small_graph(store)
    sentence = g.document_b().facts[1].evidence[0].sentence
    before = _adoption(store, g.BING)
    assert [r["stage"] for r in before] == ["adopted"] and before[0]["date"] != "2021-05"
    d = review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.BING,
        dst=g.SUYUAN,
        doc_id=g.DOC_B,
        sentence=sentence,
        start=0,
        end=len(sentence),
        reviewer="甲",
        props={"stage": "promoted", "date": "2021-05", "date_precision": "month"},
    )
    promoted = fact_id("ADOPTED", g.BING, g.SUYUAN, "promoted")
    assert d.decision == "correct" and d.fact_id == BING_SUYUAN
    assert d.old["props"]["stage"] == "adopted"  # the record keeps what was there
    want = [{"f": promoted, "stage": "promoted", "date": "2021-05", "status": "corrected"}]
    assert _adoption(store, g.BING) == want
    assert [x.decision for x in review.history(store, promoted)] == ["correct"]
    # a re-ingest of the same document keeps the reviewer's values
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    assert _adoption(store, g.BING) == want
    _summaries_agree(store)


def test_adding_a_found_fact_with_another_date_corrects_the_date(store) -> None:
    g.load_small_graph(store)
    sentence = g.document_b().facts[1].evidence[0].sentence
    d = review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.BING,
        dst=g.SUYUAN,
        doc_id=g.DOC_B,
        sentence=sentence,
        start=0,
        end=len(sentence),
        reviewer="甲",
        props={"stage": "adopted", "date": "2021-05", "date_precision": "month"},
    )
    assert d.decision == "correct"
    want = [{"f": BING_SUYUAN, "stage": "adopted", "date": "2021-05", "status": "corrected"}]
    assert _adoption(store, g.BING) == want
    assert [x.decision for x in review.history(store, BING_SUYUAN)] == ["add", "correct"]
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    assert _adoption(store, g.BING) == want


def test_adding_a_found_fact_with_its_own_values_confirms_it(store) -> None:
    g.load_small_graph(store)
    sentence = g.document_b().facts[1].evidence[0].sentence
    date = _adoption(store, g.BING)[0]["date"]
    d = review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.BING,
        dst=g.SUYUAN,
        doc_id=g.DOC_B,
        sentence=sentence,
        start=0,
        end=len(sentence),
        reviewer="甲",
        props={"stage": "adopted", "date": date},
    )
    assert d.decision == "add"
    want = [{"f": BING_SUYUAN, "stage": "adopted", "date": date, "status": "confirmed"}]
    assert _adoption(store, g.BING) == want
    assert [x.decision for x in review.history(store, BING_SUYUAN)] == ["add"]


def test_adding_another_stage_from_another_sentence_keeps_the_found_fact(store) -> None:
    g.load_small_graph(store)
    before = _adoption(store, g.BING)
    sentence = "丙区法院今年全面推广这项做法。"
    d = review.add_fact(
        store,
        rel_type="ADOPTED",
        src=g.BING,
        dst=g.SUYUAN,
        doc_id=g.DOC_B,
        sentence=sentence,
        start=0,
        end=len(sentence),
        reviewer="甲",
        props={"stage": "promoted", "date": "2024", "date_precision": "year"},
    )
    promoted = fact_id("ADOPTED", g.BING, g.SUYUAN, "promoted")
    assert d.decision == "add" and d.fact_id == promoted
    after = sorted(_adoption(store, g.BING), key=lambda r: r["f"])
    want = [*before, {"f": promoted, "stage": "promoted", "date": "2024", "status": "confirmed"}]
    assert after == sorted(want, key=lambda r: r["f"])


#: a document whose id sorts before every document of the small graph (doc:aaa…, doc:bbb…)
DOC_0 = "doc:" + "0" * 20
ZERO_SENTENCE = "丙区人民法院推行诉源治理。"


def _document_0(src: str):
    """DOC_0: `src` adopted 诉源治理 (a fact 丙区 holds from documents A and B, when `src` is
    丙区 under another name, or after a correction)."""
    from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow

    s = ZERO_SENTENCE
    nodes = (
        [NodeRow("Court", DUP, {"name": "丙区人民法院", "level": "basic"})] if src == DUP else []
    )
    return DocumentGraph(
        id=DOC_0,
        props={"title": "样例文档零", "date": "2024-04-01", "content_hash": "0" * 64, "text": s},
        nodes=nodes,
        mentions=[
            MentionRow(src, "丙区人民法院", s, 0, 6),
            MentionRow(g.SUYUAN, "诉源治理", s, 8, 12),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                src,
                g.SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                [EvidenceRow(s, 0, len(s), date="2024-04", date_precision="document")],
            )
        ],
    )


def _bing_suyuan_docs(store) -> list[str]:
    (row,) = store.read(
        "MATCH (u:Entity {id: $u})-[a:ADOPTED]->(i:Entity {id: $i}) RETURN a.doc_ids AS d",
        {"u": g.BING, "i": g.SUYUAN},
    )
    return list(row["d"])


@pytest.mark.parametrize("how", ["merge", "correct", "add"])
def test_a_decision_keeps_a_facts_documents_sorted(store, how: str) -> None:
    """A merge, a correction moving a fact onto one the graph holds, and an added fact put
    their documents after the fact's others, where every write keeps them sorted (the
    store's next merge of a document into the list expects it so)."""
    g.load_small_graph(store)
    assert _bing_suyuan_docs(store) == sorted([g.DOC_A, g.DOC_B])
    if how == "merge":
        store.write_documents([_document_0(DUP)])
        review.merge_entities(store, g.BING, DUP, reviewer="甲")
    elif how == "correct":
        store.write_documents([_document_0(g.DING)])
        fid = fact_id("ADOPTED", g.DING, g.SUYUAN, "adopted")
        review.decide(store, fid, "correct", reviewer="甲", new={"src": g.BING})
    else:
        store.write_documents([_document_0(g.DING)])
        review.add_fact(
            store,
            rel_type="ADOPTED",
            src=g.BING,
            dst=g.SUYUAN,
            doc_id=DOC_0,
            sentence=ZERO_SENTENCE,
            start=0,
            end=len(ZERO_SENTENCE),
            reviewer="甲",
            props={"stage": "adopted"},
        )
    assert _bing_suyuan_docs(store) == [DOC_0, g.DOC_A, g.DOC_B]


def _next_year() -> str:
    from datetime import date

    return str(date.today().year + 1)


def test_a_period_in_the_future_is_refused_and_its_ends_are_compared_as_days() -> None:
    """Reviewer (session 20): `--period 2099` and `--period 2025/2099` were stored, though a
    reported figure counts what has happened (targets are no outcomes: ingest/outcomes.py);
    2023-06/2023 (June to the year's end) was refused as 开始晚于结束."""
    for period in ("2099", f"{_next_year()}-01", "2025/2099"):
        with pytest.raises(BadParameter, match="晚于今天"):
            review.period_value(period)
    with pytest.raises(BadParameter, match=r"'2026-12-20/2026' 的起点晚于今天（2026-12-07）"):
        review.period_value("2026-12-20/2026", today="2026-12-07")
    with pytest.raises(BadParameter, match=r"的终点晚于今天（2026-12-07）.*可写作 2026、2026-12"):
        review.period_value("2026-01-01/2026-12-31", today="2026-12-07")
    assert review.period_value("2026", today="2026-12-07") == "2026"  # this year so far
    assert review.period_value("2026-12", today="2026-12-07") == "2026-12"
    for period in ("2023-06/2023", "2023-06-15/2023-06", "2023/2023-06", "2024-02/2024-02-29"):
        assert review.period_value(period) == period
    for period in ("2024/2023-06", "2023-07/2023-06-30", "2024-06/2024-01"):
        with pytest.raises(BadParameter, match="开始晚于结束"):
            review.period_value(period)


def test_a_correction_decide_refuses_values_the_command_line_refuses(store) -> None:
    """`decide` (the command line and the page) checks the values itself: a value that is
    no finite number (`--value nan` was stored), a date or period after today."""
    g.load_small_graph(store)
    for new, why in (
        ({"value": float("nan")}, "有限的数字"),
        ({"value": "12件"}, "数值应为数字"),
        ({"period": "2099"}, "晚于今天"),
        ({"qualifier": "大约"}, "限定词 '大约' 无效"),
    ):
        with pytest.raises(BadParameter, match=why):
            review.decide(store, BING_RATE, "correct", reviewer="甲", new=new)
    with pytest.raises(BadParameter, match="阶段 'planned' 无效"):
        review.decide(store, BING_SUYUAN, "correct", reviewer="甲", new={"stage": "planned"})
    assert review.decisions(store) == []


def test_import_refuses_what_the_command_line_refuses_and_imports_the_rest(
    store, tmp_path: Path
) -> None:
    """Reviewer (session 20): a decision file with 2025-02-30 or a date next year was
    imported as is (`review correct` refuses both). Each such record is named (file, line,
    decision id) with the command line's reason and left out; the rest is imported, and
    importing again adds nothing."""
    g.load_small_graph(store)
    _decide_all(store)
    out = tmp_path / "decisions.jsonl"
    review.to_jsonl(store, out)
    good = out.read_text(encoding="utf-8").splitlines()
    fixed = json.loads(next(line for line in good if '"correct"' in line))
    figure = {
        "fact_id": BING_RATE,
        "decision": "correct",
        "reviewer": "李审",
        "time": "2026-01-05T08:00:00+00:00",
        "old": {"type": "REPORTED", "src": g.BING, "dst": g.RATE},
        "new": {"period": "2023-06/2023"},
    }
    # (a fact no other record is about: an end this graph lacks fails when applied)
    role = {**figure, "fact_id": ZHANG_ROLE, "new": {}}
    role["old"] = {"type": "HOLDS_ROLE", "src": g.ZHANG, "dst": g.BING}
    nxt = _next_year()

    def rec(base: dict, new: dict | None = None, **over: object) -> str:
        r = {k: v for k, v in {**base, **over}.items() if k not in ("id", "evidence_hash")}
        r["new"] = {**base["new"], **(new or {})}
        return json.dumps(r, ensure_ascii=False)

    bad = [
        (rec(fixed, {"date": "2025-02-30", "date_precision": "day"}), "2025 年 2 月没有 30 日"),
        (rec(fixed, {"date": f"{nxt}-03", "date_precision": "month"}), f"'{nxt}-03' 晚于审核之日"),
        (rec(fixed, {"date_precision": "day"}), "精度应为 month"),
        (rec(fixed, {"stage": "planned"}), "阶段 'planned' 无效"),
        (rec(fixed, {"colour": "red"}), "不能修改 colour"),
        (rec(fixed, {"value": 3}), "须在报告该数字的单位事实上修改"),
        (rec(fixed, time=f"{nxt}-06-01T00:00:00+00:00"), "审核时间晚于现在"),
        (rec(fixed, time="昨天"), "应为 ISO 时间"),
        (rec(fixed, old={**fixed["old"], "type": "LIKES"}), "未知的事实类型 'LIKES'"),
        (rec({**fixed, "decision": "reject", "note": "", "new": {}}), "驳回须写明理由"),
        (rec({**fixed, "new": {}}), "修改须给出新的值"),
        (rec(figure, {"period": f"2024/{nxt}"}), "的终点晚于审核之日"),
        (rec(figure, {"period": "2024/2023-06"}), "开始晚于结束"),
        (rec(figure, {"period": "2024-13"}), "没有 13 月"),
        (rec(figure, {"value": "12件"}), "数值应为数字"),
        (rec(figure, {"qualifier": "大约"}), "限定词 '大约' 无效"),
        # a unit's figure fact moved to an initiative: the figure would leave every answer
        (rec(figure, {"period": "2023", "dst": g.FENGQIAO}), "不能改为举措"),
        (rec(role, {"dst": "court:不存在的法院"}), "图中没有实体 'court:不存在的法院'"),
        ("not json", "不是审核决定记录"),
    ]
    lines = [good[0], *(b for b, _ in bad[:9]), good[1], *(b for b, _ in bad[9:]), good[2]]
    lines.append(rec(figure))
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store.clear()
    g.load_small_graph(store)
    report = review.from_jsonl(store, path)
    assert (len(report.added), report.unchanged, report.conflicts) == (2, [], [])
    refused = dict(report.refused)
    # (mendE) the good correction (line 22) and figure correction (line 23) are on facts
    # refused records are about: held back with them, the graph keeps those facts as they were
    held = {w: y for w, y in refused.items() if y.startswith("同一事实的")}
    assert sorted(w.split("（")[0] for w in held) == [f"{path} 第 {n} 行" for n in (22, 23)]
    assert all(y.startswith("同一事实的较晚决定有误，未导入（第 ") for y in held.values()), held
    refused = {w: y for w, y in refused.items() if w not in held}
    assert len(refused) == len(bad)
    for (line, why), n in zip(bad, [*range(2, 11), *range(12, 22)], strict=True):
        where = next(w for w in refused if w.startswith(f"{path} 第 {n} 行"))
        assert why in refused[where], (line, refused[where])
        # the decision's id when the line is a decision record
        assert ("（review:" in where) != refused[where].startswith("不是审核决定记录"), where
    assert (g.MID, "promoted") in _adopters(store) and (g.MID, "adopted") not in _adopters(store)
    assert store.read("MATCH (o:Entity {id: $id}) RETURN o.period AS p", {"id": g.RATE}) == [
        {"p": "2023"}
    ]
    summary = report.summary()
    assert f"有误（未导入） {len(bad) + 2} 条" in summary and f"{path} 第 2 行" in summary
    assert "2025 年 2 月没有 30 日" in summary
    again = review.from_jsonl(store, path)
    assert (again.added, len(again.unchanged), len(again.refused)) == ([], 2, len(bad) + 2)
    assert len(review.decisions(store)) == 2


# -- import: a refused record holds back its fact's other records (session 20, mendE) ---------
def _record(fid: str, decision: str, time: str, old: dict, new: dict | None = None, **more) -> str:
    return json.dumps(
        {
            "fact_id": fid,
            "decision": decision,
            "reviewer": "老审",
            "time": time,
            "old": old,
            "new": new or {},
            **more,
        },
        ensure_ascii=False,
    )


BING_OLD = {"type": "ADOPTED", "src": g.BING, "dst": g.SUYUAN}
MID_OLD = {"type": "ADOPTED", "src": g.MID, "dst": g.SUYUAN}


def test_a_refused_record_holds_back_its_facts_earlier_decisions(store, tmp_path: Path) -> None:
    """Product review F1: a reject followed by a correction with 2024-02-30 imported the
    reject (the latest decision left), hiding a fact the reviewer's last word kept. Every
    record of the fact (and of the fact a correction leads to) is held back and named; the
    graph keeps its state for them; the file's other facts are imported. F2: once the bad
    line is fixed, importing again stores them all (no conflict with the file's own records)."""
    g.load_small_graph(store)
    path = tmp_path / "d.jsonl"
    lines = [
        _record(BING_SUYUAN, "reject", "2026-01-01T00:00:00+00:00", BING_OLD, note="不是该举措"),
        _record(DING_SUYUAN, "confirm", "2026-01-01T00:00:00+00:00", {**BING_OLD, "src": g.DING}),
        _record(
            BING_SUYUAN,
            "correct",
            "2026-01-02T00:00:00+00:00",
            BING_OLD,
            {"stage": "promoted", "date": "2024-02-30", "date_precision": "day"},
        ),
        # a correction to another fact, then a rejection of that fact without its reason
        _record(MID_SUYUAN, "correct", "2026-01-01T00:00:00+00:00", MID_OLD, {"stage": "adopted"}),
        _record(MID_FIXED, "reject", "2026-01-03T00:00:00+00:00", MID_OLD),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = review.from_jsonl(store, path)
    assert (len(report.added), report.conflicts) == (1, [])
    assert [w.split("（")[0] for w, _ in report.refused] == [
        f"{path} 第 {n} 行" for n in (1, 3, 4, 5)
    ]
    why = dict((w.split("（")[0], y) for w, y in report.refused)
    assert why[f"{path} 第 1 行"] == "同一事实的较晚决定有误，未导入（第 3 行）"
    assert "2024 年 2 月没有 30 日" in why[f"{path} 第 3 行"]
    assert why[f"{path} 第 4 行"] == "同一事实的较晚决定有误，未导入（第 5 行）"
    assert "驳回须写明理由" in why[f"{path} 第 5 行"]
    assert "同一事实的其他记录也未导入" in report.summary()
    # the graph as it was for both facts: neither hidden nor moved
    assert review.status_of(store, BING_SUYUAN) == "extracted"
    assert (g.BING, "adopted") in _adopters(store) and (g.MID, "promoted") in _adopters(store)
    assert review.status_of(store, DING_SUYUAN) == "confirmed"
    # F2: the file fixed, imported again: everything arrives, nothing conflicts
    lines[2] = lines[2].replace("2024-02-30", "2024-02-29")
    lines[4] = lines[4].replace('"new": {}', '"new": {}, "note": "其实不是"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = review.from_jsonl(store, path)
    assert (len(again.added), len(again.unchanged), again.conflicts, again.refused) == (
        4,
        1,
        [],
        [],
    )
    assert review.status_of(store, BING_SUYUAN) == "corrected"
    assert review.status_of(store, MID_FIXED) == "rejected"


def test_a_file_imported_in_part_before_imports_its_fixed_records(store, tmp_path: Path) -> None:
    """Product review F2: a confirm imported from a file (by an import that did not hold its
    fact's other records back) read as this graph's own decision on the next import of
    the fixed file: 冲突, and the fixed correction never arrived."""
    g.load_small_graph(store)
    confirm = _record(BING_SUYUAN, "confirm", "2026-01-01T00:00:00+00:00", BING_OLD)
    fix = _record(
        BING_SUYUAN, "correct", "2026-01-02T00:00:00+00:00", BING_OLD, {"date": "2025-05"}
    )
    path = tmp_path / "d.jsonl"
    path.write_text(confirm + "\n", encoding="utf-8")
    assert len(review.from_jsonl(store, path).added) == 1
    path.write_text(confirm + "\n" + fix + "\n", encoding="utf-8")
    report = review.from_jsonl(store, path)
    assert (len(report.added), len(report.unchanged), report.conflicts) == (1, 1, [])
    assert review.status_of(store, BING_SUYUAN) == "corrected"
    # a reviewer of this graph who decided otherwise still conflicts
    review.decide(store, DING_SUYUAN, "confirm", reviewer="本地")
    other = _record(DING_SUYUAN, "reject", "2026-01-03T00:00:00+00:00", {**BING_OLD, "src": g.DING})
    path.write_text(other.replace('"new"', '"note": "否", "new"') + "\n", encoding="utf-8")
    assert len(review.from_jsonl(store, path).conflicts) == 1


def test_import_judges_dates_by_the_decisions_own_day(store, tmp_path: Path) -> None:
    """Product review F4: a date of 2026-12-08 decided at 00:32 in Shanghai (16:32 UTC the
    day before) was refused on a machine running in UTC. A date or period is checked against
    the decision's own time plus a day of slack, not the importing machine's date; a date
    after that, or a decision time more than a day ahead, is still refused."""
    from datetime import UTC, datetime, timedelta

    g.load_small_graph(store)
    at = datetime.now(UTC) + timedelta(hours=20)
    tomorrow = (at + timedelta(days=1)).date().isoformat()
    later = (at + timedelta(days=2)).date().isoformat()
    rate = {"type": "REPORTED", "src": g.BING, "dst": g.RATE}
    lines = [
        _record(BING_SUYUAN, "correct", at.isoformat(), BING_OLD, {"date": tomorrow}),
        _record(BING_RATE, "correct", at.isoformat(), rate, {"period": tomorrow}),
        _record(
            DING_SUYUAN, "correct", at.isoformat(), {**BING_OLD, "src": g.DING}, {"date": later}
        ),
        _record(MID_SUYUAN, "correct", "2026-01-05T08:00:00+00:00", MID_OLD, {"date": "2026-03"}),
        _record(
            ZHANG_ROLE,
            "confirm",
            (datetime.now(UTC) + timedelta(hours=30)).isoformat(),
            {"type": "HOLDS_ROLE", "src": g.ZHANG, "dst": g.BING},
        ),
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = review.from_jsonl(store, path)
    assert len(report.added) == 2, report.refused
    (ding, mid, zhang) = (why for _, why in report.refused)
    assert f"日期 '{later}' 晚于审核之日" in ding and "加一天时差" in ding
    assert "日期 '2026-03' 晚于审核之日（审核时间 2026-01-05T08:00:00+00:00" in mid
    assert "审核时间晚于现在" in zhang
    assert "请检查写下这些记录的机器或本机的时钟" in report.summary()


def test_import_refuses_hand_edited_records_of_the_wrong_shape(
    store, tmp_path: Path, monkeypatch
) -> None:
    """Product review F7/F8: "sentence_hashes": [1, "a"] or "old.props.doc_ids": 5 stopped
    the import with a TypeError (nothing stored); "old.dst": 5 was stored. Each is a refused
    record with a Chinese reason, the rest imported; a failure of another kind while
    applying one record is caught by the one-by-one retry; a broken JSON line says so in
    Chinese first; a merge into an entity this graph lacks is refused like a correction
    naming one; refusals are listed in line order."""
    g.load_small_graph(store)
    ok = _record(BING_SUYUAN, "confirm", "2026-01-01T00:00:00+00:00", BING_OLD)
    ding = {**BING_OLD, "src": g.DING}
    t = "2026-01-02T00:00:00+00:00"
    lines = [
        ok,
        _record(DING_SUYUAN, "confirm", t, ding, sentence_hashes=[1, "a"]),
        _record(DING_SUYUAN, "confirm", t, {**ding, "props": {"doc_ids": 5}}),
        _record(DING_SUYUAN, "confirm", t, {**ding, "dst": 5}),
        _record(DING_SUYUAN, "confirm", t, ["ADOPTED"]),
        '{"fact_id": "adopted:x", "decision": ',
        _record(g.WU, "merge", t, {}, {"keep": "court:不存在的法院"}),
        _record(MID_SUYUAN, "confirm", t, MID_OLD),
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = review.Decision.node_props

    def broken(self):  # a fault of another kind while one record is written
        if self.fact_id == MID_SUYUAN:
            raise TypeError("unsupported operand")
        return real(self)

    monkeypatch.setattr(review.Decision, "node_props", broken)
    report = review.from_jsonl(store, path)
    assert len(report.added) == 1 and review.status_of(store, BING_SUYUAN) == "confirmed"
    assert [int(w.split("第 ")[1].split(" ")[0]) for w, _ in report.refused] == list(range(2, 9))
    whys = [why for _, why in report.refused]
    assert "sentence_hashes 应为文字的列表" in whys[0]
    assert "old.props.doc_ids 应为文字的列表" in whys[1]
    assert "old.dst 应为文字" in whys[2]
    assert "old 应为 JSON 对象" in whys[3]
    assert whys[4].startswith("不是审核决定记录：JSON 格式有误（Expecting")
    assert whys[5].startswith("图中没有实体 'court:不存在的法院'")
    assert whys[6].startswith("记录的内容有误，无法应用（TypeError")
    assert "请先导入（ingest）含这些实体的文档" in report.summary()
    assert review.status_of(store, DING_SUYUAN) == "extracted"
    assert review.history(store, g.WU) == []


def test_a_record_refused_when_applied_holds_back_its_fact_too(store, tmp_path: Path) -> None:
    """Product review F1/F2 at write time: a confirm, then a correction naming a unit this
    graph lacks (图中没有实体). The confirm is not applied in its place; with the unit fixed
    the file imports whole."""
    g.load_small_graph(store)
    confirm = _record(BING_SUYUAN, "confirm", "2026-01-01T00:00:00+00:00", BING_OLD)
    move = _record(
        BING_SUYUAN, "correct", "2026-01-02T00:00:00+00:00", BING_OLD, {"src": "court:没有的法院"}
    )
    path = tmp_path / "d.jsonl"
    path.write_text(confirm + "\n" + move + "\n", encoding="utf-8")
    report = review.from_jsonl(store, path)
    assert report.added == [] and [why for _, why in report.refused] == [
        "同一事实的较晚决定有误，未导入（第 2 行）",
        "图中没有实体 'court:没有的法院'",
    ]
    assert review.status_of(store, BING_SUYUAN) == "extracted"
    assert "请先导入（ingest）含这些实体的文档" in report.summary()
    assert "改正文件中的这些记录" not in report.summary()
    path.write_text(confirm + "\n" + move.replace("court:没有的法院", g.WU) + "\n", "utf-8")
    again = review.from_jsonl(store, path)
    assert (len(again.added), again.refused, again.conflicts) == (2, [], [])
    assert review.status_of(store, BING_SUYUAN) == "corrected"
