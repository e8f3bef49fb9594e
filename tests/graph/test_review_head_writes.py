"""The stored review-queue heads are kept current through the writes besides ingest
(graph/review.py: `keep_queue_heads` with the facts each write changed) instead of being
forgotten: after deleting documents, merging entities, importing decisions, corrections and
dropped candidates, every stored head is what a fresh scan gives, and the first queue read
after them answers from the kept head (no rebuild)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from graph import review
from graph.model import (
    DocumentGraph,
    NodeRow,
    entity_id,
)
from tests import graph_fixtures as g
from tests.graph.test_review_head_kept import _check, _fresh, _stored
from tests.graph.test_review_head_kept import _document as _kept_document

#: units and initiatives that exist only while documents name them (so they merge and come
#: back); the roster's units and initiatives besides
NEW_UNITS = [entity_id("Court", f"甲省乙市样例{k}区人民法院") for k in range(3)]
NEW_INITIATIVES = [entity_id("Initiative", f"样例举措{k}") for k in range(3)]
UNITS = [g.BING, g.DING, g.WU, g.MID, *NEW_UNITS]
INITIATIVES = [g.SUYUAN, g.FENGQIAO, *NEW_INITIATIVES]
STAGES = ["adopted", "piloted", "promoted"]


def _node(entity: str) -> NodeRow | None:
    """The node a document brings with one of the entities only documents name."""
    if entity not in NEW_UNITS and entity not in NEW_INITIATIVES:
        return None
    name = entity.split(":", 1)[1]
    if entity.startswith("court:"):
        return NodeRow("Court", entity, {"name": name, "level": "basic", "province": "乙省"})
    return NodeRow("Initiative", entity, {"name": name, "candidate": True})


def _document(rng: random.Random, n: int) -> DocumentGraph:
    """An invented document (`test_review_head_kept._document`) over these units and
    initiatives."""
    return _kept_document(rng, n, units=UNITS, initiatives=INITIATIVES, node=_node)


def _check_stages(store) -> None:
    """Every stored head of one stage's adoptions is a prefix of that stage's fresh queue
    (all of it when not full), and the stage's queue (with a confidence ceiling too) answers
    as the scan."""
    for stage in STAGES + ["awarded"]:
        for f in ({"stage": stage}, {"stage": stage, "max_confidence": 0.5}):
            for limit in (1, 4):
                got = review.queue(store, kinds=["adoption"], limit=limit, **f)
                want = review._scan(store, "adoption", "ADOPTED", limit, status="extracted", **f)
                assert [r["fact_id"] for r in got] == [r["fact_id"] for r in want], (f, limit)
    for stage in review._stage_heads(store, "adoption"):
        head = review._read_head(store, "adoption", stage)
        assert head is not None
        fresh = [r for r in _fresh(store, "adoption") if r["st"] == stage]
        want = [(r["f"], r["c"], r["n"], r["st"], r["ps"], r["pd"]) for r in fresh]
        open_ids = {r["f"] for r in fresh}
        got = [
            (x["f"], x["c"], x["n"], x["st"], x["ps"], x["pd"]) for x in head if x["f"] in open_ids
        ]
        if head and head[0]["full"]:
            assert got == want[: len(got)], stage
        else:
            assert got == want, stage


def _check_decided(store) -> None:
    """The confirmed and corrected queues, read from the decisions (and where merges moved
    their facts), answer as the scan of every fact."""
    for status in ("confirmed", "corrected"):
        for f in ({}, {"province": "乙省"}, {"stage": "awarded"}, {"max_confidence": 0.5}):
            got = review.queue(store, kinds=["adoption"], status=status, limit=50, **f)
            want = review._scan(store, "adoption", "ADOPTED", 50, status=status, **f)
            assert [r["fact_id"] for r in got] == [r["fact_id"] for r in want], (status, f)


def _present(store, ids: list[str]) -> list[str]:
    """Those of these entities now in the graph, in id order."""
    return [
        r["id"]
        for r in store.read(
            "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id ORDER BY id", {"ids": ids}
        )
    ]


def _open(store, limit: int = 50) -> list[dict]:
    return review.queue(store, kinds=["adoption"], limit=limit)


def _import(store, rng: random.Random, tmp_path: Path, step: int) -> None:
    """Decisions made elsewhere (confirm, reject, correct, merge) imported from a file."""
    rows = _open(store)
    records = []
    for r in rng.sample(rows, min(len(rows), 3)):
        old = {  # as an export has it (a record without props: see _decided_places)
            "type": r["type"],
            "src": r["src_id"],
            "dst": r["dst_id"],
            "props": {"stage": r["stage"]},
        }
        decision = rng.choice(["confirm", "reject", "correct"])
        new = {"stage": "awarded"} if decision == "correct" else {}
        note = "其他" if decision == "reject" else ""
        d = review.Decision(
            fact_id=r["fact_id"], decision=decision, reviewer="乙", old=old, new=new, note=note
        )
        records.append(d.to_json())
    present = _present(store, NEW_UNITS)
    if len(present) >= 2 and rng.random() < 0.5:
        gone, keep = rng.sample(present, 2)
        records.append(
            review.Decision(
                fact_id=gone, decision="merge", reviewer="乙", new={"keep": keep}
            ).to_json()
        )
    path = tmp_path / f"decisions-{step}.jsonl"
    path.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in records), encoding="utf-8"
    )
    review.from_jsonl(store, path)


def _merge(store, rng: random.Random) -> None:
    """A reviewer merges an entity documents brought into one of its kind."""
    for pool, keeps in ((NEW_UNITS, [g.BING, g.DING, *NEW_UNITS]), (NEW_INITIATIVES, INITIATIVES)):
        present = _present(store, pool)
        if present:
            gone = rng.choice(present)
            keep = rng.choice([k for k in keeps if k != gone])
            if store.read("MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": keep}):
                review.merge_entities(store, keep, gone, reviewer="甲")
                return


@pytest.mark.parametrize("head_size", [1, 3, 1000])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_heads_kept_through_deletes_merges_and_imports(
    store, tmp_path: Path, monkeypatch, head_size: int, seed: int
) -> None:
    monkeypatch.setattr(review, "HEAD_SIZE", head_size)
    rng = random.Random(seed)
    g.load_small_graph(store)
    written: list[DocumentGraph] = []
    for n in range(6):
        written.append(_document(rng, n))
    store.write_documents(written)
    review.reapply_documents(store, [d.id for d in written])
    review.forget_queue_heads(store)
    _check(store, kept=False)  # the reads build the heads
    builds: list[str] = []
    build = review._build_head
    monkeypatch.setattr(review, "_build_head", lambda *a: builds.append(a[1]) or build(*a))
    n = 6
    schedule = ["write", "delete", "delete", "merge", "import", "decide", "confirm", "drop"] * 2
    rng.shuffle(schedule)
    followed: list[bool] = []
    for step, action in enumerate(schedule):
        if action == "write" or not written:
            n += 1
            doc = _document(rng, n)
            store.write_documents([doc])
            review.reapply_documents(store, [doc.id])  # (a merge applied again moves facts)
            written.append(doc)
        elif action == "delete":
            doc = written.pop(rng.randrange(len(written)))
            assert review.delete_document(store, doc.id)
        elif action == "merge":
            _merge(store, rng)
        elif action == "import":
            _import(store, rng, tmp_path, step)
        elif action == "confirm":
            rows = _open(store)
            if rows:
                picked = rng.sample(rows, min(len(rows), 3))
                review.decide_many(store, [r["fact_id"] for r in picked], "confirm", reviewer="甲")
        elif action == "decide":
            rows = _open(store)
            if rows:
                r = rng.choice(rows)
                review.decide(
                    store, r["fact_id"], "correct", reviewer="甲", new={"stage": "piloted"}
                )
        else:  # a candidate initiative dropped: it and its facts leave the graph
            candidates = [
                r["id"]
                for r in store.read(
                    "MATCH (n:Initiative) WHERE n.candidate = true RETURN n.id AS id ORDER BY id"
                )
            ]
            if candidates:
                review.drop_candidate(store, rng.choice(candidates), reviewer="甲", note="其他")
        # kept (a full head whose every fact was decided or moved later is forgotten: it
        # cannot tell where the queue goes on; with room for every fact that never happens)
        _check(store, kept=head_size == 1000)
        _check_stages(store)
        _check_decided(store)
        if action == "merge":  # decided facts followed where the merge moved them
            followed.append(review._decided_places(store, "confirmed") is not None)
    assert any(followed)
    if head_size == 1000:
        assert builds == [], builds  # every first read answered from the kept heads


def test_a_deleted_document_with_moved_facts(store) -> None:
    """A document whose facts a merge moved to other ids: its delete changes them too, and
    the heads follow (found from its evidence, as the delete finds them)."""
    g.load_small_graph(store)
    rng = random.Random(7)
    docs = [_document(rng, k) for k in range(8)]
    store.write_documents(docs)
    review.reapply_documents(store, [d.id for d in docs])
    _check(store, kept=False)
    present = _present(store, NEW_UNITS)
    assert present
    review.merge_entities(store, g.BING, present[0], reviewer="甲")
    _check(store)
    for doc in docs:
        assert review.delete_document(store, doc.id)
        _check(store)
    assert _stored(store, "adoption") is not None


def test_progress_by_document_in_pages(store) -> None:
    """Pages of the per-document progress (by id, `after` the last) put together are the
    whole table: every document once, with the same counts (zeros for one without facts)."""
    g.load_small_graph(store)
    rng = random.Random(5)
    docs = [_document(rng, k) for k in range(7)]
    store.write_documents(docs)
    review.reapply_documents(store, [d.id for d in docs])
    first = [r["fact_id"] for r in _open(store, limit=4)]
    review.decide_many(store, first[:2], "confirm", reviewer="甲")
    review.decide(store, first[2], "reject", reviewer="甲", note="其他")
    whole = {r["id"]: r for r in review.progress_by_document(store)}
    pages, after = [], ""
    while page := review.progress_by_document(store, limit=3, after=after):
        assert len(page) <= 3
        pages += page
        after = page[-1]["id"]
    ids = [r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]
    assert [r["id"] for r in pages] == ids
    for row in pages:
        if row["id"] in whole:
            assert row == whole[row["id"]]
        else:
            assert not any(row[s] for s in review.STATUSES)
    assert sum(r["confirmed"] for r in pages) >= 2
