"""The stored review-queue head is kept current when documents are written (graph/review.py:
`reapply_documents`, called after every ingest write, keeps it from the facts the documents
support or did: `keep_queue_heads`) instead of being forgotten: after writes, rewrites, decisions and deletes it is what a fresh scan gives."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from graph import review
from graph.model import (
    DocumentGraph,
    EvidenceRow,
    FactRow,
    MentionRow,
    NodeRow,
    document_id,
    fact_id,
)
from ingest.pipeline import ingest_paths
from tests import graph_fixtures as g
from tests.graph.test_review_queue_head import ARTICLES, LATE

UNITS = [g.BING, g.DING, g.WU, g.MID, g.HIGH]
INITIATIVES = [g.SUYUAN, g.FENGQIAO]
STAGES = ["adopted", "piloted", "promoted"]


def _stored(store, kind: str) -> dict | None:
    found = store.read(
        "MATCH (m:Meta {id: $id}) RETURN m.facts AS f, m.confidence AS c, m.docs AS n, "
        "m.stage AS st, m.src_province AS ps, m.dst_province AS pd, m.full AS full",
        {"id": "review-queue:" + kind},
    )
    return found[0] if found else None


def _fresh(store, kind: str) -> list[dict]:
    """Every open fact of the kind in queue order, as a build of the head reads them."""
    rel = review.KINDS[kind]
    return store.read(
        f"MATCH (a:Entity)-[r:{rel}]->(b:Entity) "
        "WHERE r.doc_ids IS NOT NULL AND coalesce(r.review_status, 'extracted') = 'extracted' "
        "RETURN r.fact_id AS f, coalesce(r.confidence, 0.5) AS c, size(r.doc_ids) AS n, "
        "coalesce(r.stage, '') AS st, coalesce(a.province, '') AS ps, "
        "coalesce(b.province, '') AS pd "
        "ORDER BY coalesce(r.confidence, 0.5), size(r.doc_ids) DESC, r.fact_id",
        limit=100_000,
    )


def _check(store, *, kept: bool = True) -> None:
    """Each stored head is a prefix of the fresh queue (all of it when not full), with what it
    stored of each fact current; the queue answers as the scan, filtered or not."""
    for kind, rel in review.KINDS.items():
        head, fresh = _stored(store, kind), _fresh(store, kind)
        if kept:
            assert head is not None, kind  # kept, not forgotten
        if head is not None:
            cols = [head[k] for k in ("f", "c", "n", "st", "ps", "pd")]
            got = list(zip(*cols, strict=True))
            want = [(r["f"], r["c"], r["n"], r["st"], r["ps"], r["pd"]) for r in fresh]
            assert len(got) <= review.HEAD_SIZE
            open_ids = {r["f"] for r in fresh}  # decided since: skipped when read
            got = [x for x in got if x[0] in open_ids]
            if head["full"]:
                assert got == want[: len(got)], kind  # (all decided: rebuilt when read)
            else:
                assert got == want, kind
        for f in ({}, {"province": "乙省"}, {"max_confidence": 0.4}, {"stage": "piloted"}):
            if f.get("stage") and rel != "ADOPTED":
                continue
            for limit in (1, 3, 50):
                queued = [r["fact_id"] for r in review.queue(store, kinds=[kind], limit=limit, **f)]
                scan = review._scan(store, kind, rel, limit, status="extracted", **f)
                assert queued == [r["fact_id"] for r in scan], (kind, f, limit)


def _document(
    rng: random.Random,
    n: int,
    *,
    units: list[str] = UNITS,
    initiatives: list[str] = INITIATIVES,
    node: Callable[[str], NodeRow | None] = lambda entity: None,
) -> DocumentGraph:
    """An invented document: a few adoptions between random `units` and `initiatives`, with
    random confidences and stages; `node` gives the node a document brings with an entity
    (None: the entity is already in the graph)."""
    facts, mentions, nodes, text = [], [], {}, ""
    for _ in range(rng.randint(1, 4)):
        unit, initiative, stage = rng.choice(units), rng.choice(initiatives), rng.choice(STAGES)
        for entity in (unit, initiative):
            if (row := node(entity)) is not None:
                nodes[entity] = row
        sentence = f"第{n}号样例句{len(facts)}。"
        text += sentence
        facts.append(
            FactRow(
                "ADOPTED",
                unit,
                initiative,
                (stage,),
                {"stage": stage, "confidence": rng.choice([0.2, 0.35, 0.5, 0.7, 0.9])},
                [EvidenceRow(sentence=sentence, start=0, end=len(sentence))],
            )
        )
        mentions += [
            MentionRow(unit, "样例", sentence, 0, 2),
            MentionRow(initiative, "样例", sentence, 2, 4),
        ]
    h = f"{n:04d}" * 16
    return DocumentGraph(
        id=document_id(h),
        props={"title": f"样例{n}", "date": "2024-01-01", "content_hash": h, "text": text},
        nodes=list(nodes.values()),
        mentions=mentions,
        facts=facts,
    )


def _write(store, docs: list[DocumentGraph]) -> None:
    """What the ingest pipeline does with a batch."""
    store.write_documents(docs)
    review.reapply_documents(store, [d.id for d in docs])


@pytest.mark.parametrize("head_size", [1, 3, 1000])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kept_head_is_the_fresh_head(store, monkeypatch, head_size: int, seed: int) -> None:
    monkeypatch.setattr(review, "HEAD_SIZE", head_size)
    rng = random.Random(seed)
    g.load_small_graph(store)
    store.write_statements(  # two provinces, so the province filter has work
        [("MATCH (c:Entity {id: $id}) SET c.province = '乙省'", {"id": g.WU})]
    )
    review.forget_queue_heads(store)
    _check(store, kept=False)  # the reads build the heads
    written: list[DocumentGraph] = []
    n = 0
    for _ in range(14):
        action = rng.choice(["write", "write", "rewrite", "decide", "delete"])
        if action == "write" or not written:
            docs = []
            for _ in range(rng.randint(1, 3)):
                n += 1
                docs.append(_document(rng, n))
            _write(store, docs)
            written += docs
        elif action == "rewrite":  # the same document written again (a re-ingest)
            _write(store, [rng.choice(written)])
        elif action == "decide":
            open_ids = [r["fact_id"] for r in review.queue(store, kinds=["adoption"], limit=50)]
            if open_ids:
                f = rng.choice(open_ids)
                decision = rng.choice(["confirm", "reject", "correct"])
                if decision == "correct":
                    review.decide(store, f, "correct", reviewer="甲", new={"stage": "awarded"})
                else:
                    review.decide(store, f, decision, reviewer="甲", note="其他")
            # a document supporting a decided fact comes again: its decision stays
            _write(store, [rng.choice(written)])
        else:  # a delete by a writer that names no facts (`reapply_facts` without
            # `written`): the heads are forgotten (`review.delete_document`, graph_cli's
            # delete-document, keeps them: test_review_head_writes)
            doc = written.pop(rng.randrange(len(written)))
            decided = review.facts_of_document(store, doc.id)
            store.delete_document(doc.id)
            review.reapply_facts(store, decided)
            _check(store, kept=False)
            continue
        # kept (a full head whose every fact was decided or moved later is forgotten: it
        # cannot tell where the queue goes on; with room for every fact that never happens)
        _check(store, kept=head_size == 1000)


def test_kept_after_ingests_of_articles(store, tmp_path: Path, monkeypatch) -> None:
    """The pipeline's own writes keep the heads: a new article's facts join the stored head
    (no rebuild), and the queue answers as the scan."""
    monkeypatch.setattr(review, "HEAD_SIZE", 2)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(store, [tmp_path], reference_data=False)
    _check(store, kept=False)
    builds: list[str] = []
    build = review._build_head
    monkeypatch.setattr(review, "_build_head", lambda *a: builds.append(a[1]) or build(*a))
    late = tmp_path / "late"
    late.mkdir()
    (late / "d.txt").write_text(LATE, encoding="utf-8")
    ingest_paths(store, [late], reference_data=False)
    _check(store)
    assert builds == []  # answered from the kept heads


def test_a_changed_province_forgets_the_heads(store) -> None:
    """A write that changes an end's province (here the roster's) forgets the heads, which
    keep their facts' provinces; the queue filtered by province answers as the scan."""
    g.load_small_graph(store)
    _check(store, kept=False)
    assert _stored(store, "adoption") is not None
    node = g.court(g.DING, "basic", city="乙市")
    store.upsert_nodes([NodeRow(node.label, node.id, {**node.props, "province": "乙省"})])
    assert _stored(store, "adoption") is None
    _check(store, kept=False)
    ding = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    assert [r["fact_id"] for r in review.queue(store, kinds=["adoption"], province="乙省")] == [
        ding
    ]


def test_a_head_stored_meanwhile_is_not_overwritten(store) -> None:
    """The refresh stores only over the head it read: another writer's head wins (and the
    refresh forgets the heads when it loses)."""
    g.load_small_graph(store)
    review.queue(store, kinds=["adoption"])  # builds the head
    head = review._read_head(store, "adoption")
    assert head
    mark = head[0]["built"]
    assert review._store_head(store, "adoption", head[:1], was="not-" + mark) is None
    assert _stored(store, "adoption")["f"] == [x["f"] for x in head]  # unchanged
    assert review._store_head(store, "adoption", head[:1], was=mark) is not None
    assert _stored(store, "adoption")["f"] == [head[0]["f"]]
