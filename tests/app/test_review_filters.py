"""审核 page (AppTest): the second row of queue filters (单位, 省份, 阶段, 置信度) each change
the queue shown, and are passed to `review.queue`."""

from __future__ import annotations

from graph import review
from graph.model import STAGE_ZH, STAGES, fact_id
from tests import graph_fixtures as g
from tests.app.test_pages import no_trouble, texts
from tests.app.test_review_page import _page

BING = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
DING = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
MID = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")
ALL_THREE = {BING, DING, MID}


def _shown(at) -> set[str]:
    """The adoptions the queue shows (each item's caption names its fact id)."""
    captions = texts(at, "caption")
    return {fid for fid in ALL_THREE if any(f"`{fid}`" in c for c in captions)}


def test_unfiltered_queue_shows_the_three_adoptions(small_store) -> None:
    at = _page()
    no_trouble(at)
    assert _shown(at) == ALL_THREE


def test_unit_filter_by_name_and_by_id(small_store) -> None:
    at = _page()
    at.text_input(key="review.unit").input("丙区法院").run()  # an alias
    no_trouble(at)
    assert _shown(at) == {BING}
    at.text_input(key="review.unit").input(g.DING).run()
    no_trouble(at)
    assert _shown(at) == {DING}


def test_province_filter_offers_the_graphs_provinces(small_store) -> None:
    small_store.write_statements(
        [("MATCH (c:Entity {id: $id}) SET c.province = '乙省'", {"id": g.DING})]
    )
    review.forget_queue_heads(small_store)
    at = _page()
    no_trouble(at)
    assert _shown(at) == ALL_THREE
    box = at.selectbox(key="review.province")
    assert set(box.options) >= {"全部", "甲省", "乙省"}
    box.select("乙省").run()
    no_trouble(at)
    assert _shown(at) == {DING}
    at.selectbox(key="review.province").select("甲省").run()
    no_trouble(at)
    assert _shown(at) == {BING, MID}


def test_stage_filter(small_store) -> None:
    at = _page()
    box = at.selectbox(key="review.stage")
    assert box.options == ["全部", *(STAGE_ZH[s] for s in STAGES)]
    box.select("piloted").run()
    no_trouble(at)
    assert _shown(at) == {DING}
    at.selectbox(key="review.stage").select("promoted").run()
    assert _shown(at) == {MID}


def test_confidence_ceiling(small_store) -> None:
    small_store.write_statements(
        [
            (
                "MATCH (:Entity {id: $s})-[r:ADOPTED]->(:Entity {id: $d}) SET r.confidence = 0.2",
                {"s": g.BING, "d": g.SUYUAN},
            ),
            (
                "MATCH (:Entity {id: $s})-[r:ADOPTED]->(:Entity {id: $d}) SET r.confidence = 0.9",
                {"s": g.MID, "d": g.SUYUAN},
            ),
        ]
    )
    review.forget_queue_heads(small_store)
    at = _page()
    no_trouble(at)
    assert _shown(at) == ALL_THREE
    box = at.selectbox(key="review.confidence")
    assert box.options[0] == "不限"
    box.select(0.3).run()
    no_trouble(at)
    assert _shown(at) == {BING}
    at.selectbox(key="review.confidence").select(0.8).run()
    assert _shown(at) == {BING, DING}  # DING has no confidence: 0.5
    assert not any("没有符合条件" in t for t in texts(at, "info"))


def test_an_unknown_unit_is_an_error_in_chinese(small_store) -> None:
    at = _page()
    at.text_input(key="review.unit").input("无此法院").run()
    assert not at.exception
    assert any("无此法院" in t or "没有找到" in t for t in texts(at, "error")), texts(at, "error")
    assert not _shown(at)


def test_queue_is_drawn_a_page_at_a_time(small_store, monkeypatch) -> None:
    """The queue shows the page holding the current fact; 下一页 / 上一页 move the current
    fact to the first of the next or previous page, and J goes on into the next page."""
    from ui import review as page

    monkeypatch.setattr(page, "QUEUE_PAGE", 2)
    at = _page()
    no_trouble(at)
    first = _shown(at)
    assert len(first) == 2
    assert at.button(key="review.qprev").disabled
    assert any("共 3 条" in m for m in texts(at, "markdown"))
    assert at.button(key="review.all").label == "确认以下全部 2 条"  # the facts drawn only
    at.button(key="review.qnext").click().run()
    no_trouble(at)
    second = _shown(at)
    assert len(second) == 1 and not second & first
    assert at.session_state["review.cursor"] in second  # the current fact is on the page
    assert at.button(key="review.qnext").disabled
    at.button(key="review.qprev").click().run()
    assert _shown(at) == first
    at.button(key="review.cur.next").click().run()
    at.button(key="review.cur.next").click().run()  # J twice: the third fact, page 2
    assert _shown(at) == second


def test_a_shared_unit_name_offers_choices_that_fill_the_filter(small_store) -> None:
    """丙区法院 names two courts: the page offers both, and a click fills the box with the
    chosen one's full name (the choices were links opening a unit page in a new tab)."""
    from graph.model import DocumentGraph, MentionRow, NodeRow, document_id, entity_id

    other = entity_id("Court", "乙省丙区人民法院")
    s = "乙省丙区法院召开会议。"
    small_store.write_documents(
        [
            DocumentGraph(
                id=document_id("9" * 64),
                props={"title": "样例文档庚", "date": "2024-09-01", "content_hash": "9" * 64},
                nodes=[
                    NodeRow(
                        "Court",
                        other,
                        {"name": "乙省丙区人民法院", "level": "basic"},
                        aliases=["丙区法院"],
                    )
                ],
                mentions=[MentionRow(other, "丙区法院", s, 2, 6)],
            )
        ]
    )
    at = _page()
    at.text_input(key="review.unit").input("丙区法院").run()
    assert not at.exception
    picks = {b.label: b for b in at.button if b.key.startswith("review.unit.pick.")}
    assert set(picks) == {"甲省乙市丙区人民法院（法院）", "乙省丙区人民法院（法院）"}
    picks["甲省乙市丙区人民法院（法院）"].click().run()
    no_trouble(at)
    assert at.text_input(key="review.unit").value == "甲省乙市丙区人民法院"
    assert _shown(at) == {BING}
