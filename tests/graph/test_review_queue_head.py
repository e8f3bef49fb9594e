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
    """The queue as the full scan orders it (a filter that keeps every fact skips the head)."""
    rows = review.queue(store, kinds=[kind], max_confidence=1.0, limit=1000)
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
