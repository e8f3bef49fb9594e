"""The unfiltered review queue is read through a stored head (graph/review.py): it answers
as the full scan does while facts are decided, documents come and go and entities merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import review
from ingest.pipeline import ingest_paths
from tests import graph_fixtures as g

# invented articles, written for this test
ARTICLES = {
    "a.txt": "发布时间：2024-03-12\n辽宁省本溪市明山区人民法院于2023年3月起全面推行诉源治理。\n",
    "b.txt": "发布时间：2024-04-08\n辽宁省本溪市平山区人民法院今年1月起试点繁简分流。\n"
    "该院同时推行诉源治理，在辖区设立多个调解站点。\n",
    "c.txt": "发布时间：2024-05-20\n辽宁省海城市人民法院去年起推行“和美调解”工作法。\n",
}
LATE = "发布时间：2024-07-01\n辽宁省盖州市人民法院今年2月起试点“和美调解室”。\n"


def _scanned(store, kind: str) -> list[str]:
    """The queue as the full scan of the kind orders it."""
    rows = review._scan(store, kind, review.KINDS[kind], 1000, status="extracted")
    return [r["fact_id"] for r in rows]


def _queued(store, kind: str, limit: int = 1000) -> list[str]:
    return [r["fact_id"] for r in review.queue(store, kinds=[kind], limit=limit)]


@pytest.fixture
def small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "HEAD_SIZE", 2)  # every read reaches the head's end


def test_the_head_answers_as_the_scan(store, small_head, tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(store, [tmp_path], reference_data=False)
    for kind in ("adoption", "outcome"):
        assert _queued(store, kind) == _scanned(store, kind)
    first = _queued(store, "adoption")
    assert len(first) >= 3 and _queued(store, "adoption", limit=1) == first[:1]
    assert store.read(
        "MATCH (m:Meta {id: $id}) RETURN size(m.facts) AS n", {"id": "review-queue:adoption"}
    ) == [{"n": 2}]
    # decided facts leave the head; a decided head is built again
    review.decide_many(store, first[:2], "confirm", reviewer="甲")
    assert _queued(store, "adoption") == _scanned(store, "adoption") == first[2:]
    review.decide(store, first[2], "reject", reviewer="甲", note="其他")
    assert _queued(store, "adoption") == _scanned(store, "adoption")
    # a new document's facts join the queue
    late = tmp_path / "late"
    late.mkdir()
    (late / "d.txt").write_text(LATE, encoding="utf-8")
    ingest_paths(store, [late], reference_data=False)
    after = _queued(store, "adoption")
    assert after == _scanned(store, "adoption") and len(after) == len(first) - 2
    # a merge gives facts new ids: the queue follows
    brands = {
        r["name"]: r["id"]
        for r in store.read("MATCH (i:Initiative) RETURN i.id AS id, i.name AS name")
    }
    review.merge_entities(store, brands["“和美调解”工作法"], brands["“和美调解室”"], reviewer="甲")
    assert _queued(store, "adoption") == _scanned(store, "adoption")


def test_the_head_on_the_small_graph(store) -> None:
    g.load_small_graph(store)
    for kind in review.KINDS:
        assert _queued(store, kind) == _scanned(store, kind)
    # facts decided since the head was built are dropped from it when a read skips them
    first = _queued(store, "adoption")
    review.decide_many(store, first[:2], "confirm", reviewer="甲")
    assert _queued(store, "adoption", limit=1) == first[2:3]
    head = store.read("MATCH (m:Meta {id: 'review-queue:adoption'}) RETURN m.facts AS f")
    assert head == [{"f": first[2:]}]
    assert _queued(store, "adoption") == _scanned(store, "adoption") == first[2:]
    review.forget_queue_heads(store)
    assert not store.read("MATCH (m:Meta) WHERE m.id STARTS WITH 'review-queue:' RETURN m.id")


def _filters(store) -> list[dict]:
    """Every province, stage and confidence bound the graph has, alone and combined."""
    provinces = sorted(
        {
            r["p"]
            for r in store.read(
                "MATCH (n:Entity) WHERE n.province IS NOT NULL RETURN n.province AS p"
            )
        }
    )
    stages = sorted(
        {
            r["s"]
            for r in store.read("MATCH ()-[a:ADOPTED]->() RETURN DISTINCT a.stage AS s")
            if r["s"]
        }
    )
    out: list[dict] = [{"province": p} for p in [*provinces, "无此省"]]
    out += [{"stage": s} for s in stages]
    out += [{"max_confidence": c} for c in (0.0, 0.3, 0.5, 0.6, 0.8, 1.0)]
    out += [{"province": p, "max_confidence": 0.6} for p in provinces]
    out += [{"province": p, "stage": s} for p in provinces for s in stages]
    return out


@pytest.mark.parametrize("head_size", [1, 2, 1000])
def test_filtered_queues_answer_as_the_scan(store, tmp_path: Path, monkeypatch, head_size) -> None:
    monkeypatch.setattr(review, "HEAD_SIZE", head_size)
    g.load_small_graph(store)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(store, [tmp_path], reference_data=False)
    filters = _filters(store)
    assert len(filters) > 8
    for decided in (False, True):
        if decided:  # facts decided since the head was built are skipped in it
            review.decide_many(store, _queued(store, "adoption")[:2], "confirm", reviewer="甲")
        for kind in review.KINDS:
            rel = review.KINDS[kind]
            for f in filters:
                if f.get("stage") and rel != "ADOPTED":
                    continue
                for limit in (1, 2, 50):
                    got = [
                        r["fact_id"] for r in review.queue(store, kinds=[kind], limit=limit, **f)
                    ]
                    want = review._scan(store, kind, rel, limit, status="extracted", **f)
                    assert got == [r["fact_id"] for r in want], (kind, f, limit)


def test_confirmed_and_corrected_queues_from_the_decisions(store, tmp_path: Path) -> None:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(store, [tmp_path], reference_data=False)
    first = _queued(store, "adoption")
    review.decide_many(store, first[:2], "confirm", reviewer="甲")
    review.decide(store, first[2], "correct", reviewer="甲", new={"stage": "piloted"})

    def both(status: str, **f: object) -> tuple[list[str], list[str]]:
        got = review.queue(store, kinds=["adoption"], status=status, **f)
        want = review._scan(store, "adoption", "ADOPTED", 50, status=status, **f)
        return [r["fact_id"] for r in got], [r["fact_id"] for r in want]

    for status in ("confirmed", "corrected"):
        for f in ({}, {"province": "辽宁省"}, {"max_confidence": 0.5}, {"stage": "piloted"}):
            got, want = both(status, **f)
            assert got == want, (status, f)
    assert len(both("confirmed")[0]) == 2 and len(both("corrected")[0]) == 1
    assert review._decided_places(store, "confirmed") is not None
    with pytest.MonkeyPatch.context() as mp:  # many decisions: the scan answers the same
        mp.setattr(review, "DECIDED_LOOKUPS", 1)
        assert review._decided_places(store, "confirmed") is None
        assert both("confirmed")[0] == both("confirmed")[1]
    # a merge moves confirmed facts to new ids: found where the merge put them
    brands = {
        r["name"]: r["id"]
        for r in store.read("MATCH (i:Initiative) RETURN i.id AS id, i.name AS name")
    }
    review.merge_entities(store, brands["“和美调解”工作法"], brands["诉源治理"], reviewer="甲")
    assert review._decided_places(store, "confirmed") is not None
    for status in ("confirmed", "corrected"):
        for f in ({}, {"province": "辽宁省"}, {"stage": "piloted"}):
            got, want = both(status, **f)
            assert got == want, (status, f)
    got, want = both("confirmed")
    assert got == want and len(got) == 2
    # per document, for some documents: as the full count has them (after decisions, a merge)
    full = review.progress_by_document(store)
    assert full
    for row in full:
        assert review.progress_by_document(store, [row["id"]]) == [row]
    assert review.progress_by_document(store, [r["id"] for r in full]) == full


def test_adoption_tally_from_the_summary_follows_decisions(store, tmp_path: Path) -> None:
    """adoption_tally reads the sums the adoption summary keeps; they follow confirmations,
    corrections, rejections, merges and new documents as counting the facts does."""
    from queries import analytics
    from queries.registry import REGISTRY, run

    query = REGISTRY["adoption_tally"]

    def both() -> None:
        ids = [None] + [
            r["id"] for r in store.read("MATCH (i:Initiative) RETURN i.id AS id ORDER BY id")
        ]
        for iid in ids:
            fast = run(store, "adoption_tally", {"initiative": iid}).rows
            # all initiatives: the query's `absent` value ('', not null: one set of types)
            slow = store.read(
                query.cypher,
                {"initiative": iid or "", "collections": None, "collections_docs": {}},
            )
            assert fast == slow, iid
        assert analytics  # the module registers the query

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(store, [tmp_path], reference_data=False)
    both()
    first = _queued(store, "adoption")
    review.decide_many(store, first[:2], "confirm", reviewer="甲")
    both()
    assert run(store, "adoption_tally", {}).rows[0]["unverified"] == len(first) - 2
    review.decide(store, first[2], "correct", reviewer="甲", new={"stage": "piloted"})
    review.decide(store, first[0], "reject", reviewer="乙", note="其他")
    both()
    late = tmp_path / "late"
    late.mkdir()
    (late / "d.txt").write_text(LATE, encoding="utf-8")
    ingest_paths(store, [late], reference_data=False)
    brands = {
        r["name"]: r["id"]
        for r in store.read("MATCH (i:Initiative) RETURN i.id AS id, i.name AS name")
    }
    review.merge_entities(store, brands["“和美调解”工作法"], brands["“和美调解室”"], reviewer="甲")
    both()
