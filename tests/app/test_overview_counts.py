"""总览's headline numbers and the sidebar's chosen collections (a new user's finding: 文档 11
while the chosen collection held 7)."""

from __future__ import annotations

import pytest

from graph.collections import DEMO_COLLECTION
from tests import graph_fixtures as g
from tests.app.test_pages import no_trouble, texts


@pytest.fixture
def three_collections(small_store):
    """Documents A and B in 通报, B also in 乙, an undated document C in the demo collection."""
    from graph.collections import add_to_collection

    add_to_collection(small_store, g.DOC_A, "通报")
    add_to_collection(small_store, g.DOC_B, "通报")
    add_to_collection(small_store, g.DOC_B, "乙")
    doc = g.document_c()
    doc.props = {**doc.props, "collections": [DEMO_COLLECTION]}
    small_store.write_documents([doc])
    return small_store


def test_headline_documents_are_the_chosen_collections(three_collections, app) -> None:
    at = app(page="overview", collections="通报,乙")
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["文档"] == "2"  # B is in both: counted once
    assert metrics["文档（全部资料）"] == "3"
    captions = texts(at, "caption")
    assert "所选文档集：乙、通报" in captions
    assert any(c.startswith("标有（全部资料）的数不随侧栏所选文档集变化") for c in captions)
    # the adoption facts of the chosen documents, as the table below counts them
    every = {m.label: m.value for m in app(page="overview").metric}
    assert "推行记录" not in every and every["文档"] == "3"
    demo = {m.label: m.value for m in app(page="overview", collections=DEMO_COLLECTION).metric}
    assert demo["文档"] == "1"
    assert int(demo["推行记录"]) < int(metrics["推行记录"])


def test_without_a_choice_the_headline_is_as_before(three_collections, app) -> None:
    at = app(page="overview")
    no_trouble(at)
    assert not any("不随侧栏所选文档集变化" in c for c in texts(at, "caption"))
    assert [m.label for m in at.metric][-2:] == ["文档", "证据"]


def test_every_number_of_the_whole_graph_says_so(three_collections, app) -> None:
    """With collections chosen, a number 总览 shows either follows them (the headline, the
    initiatives' ranking, the documents' list: said 所选文档集) or is marked （全部资料）:
    the entity counts, the relationship counts and the collections' sizes (issue 14's
    review: the relationship counts read as the collection's)."""
    at = app(page="overview", collections="通报")
    at.button(key="overview.rels").click().run()
    no_trouble(at)
    headline = {"文档", "推行记录"}  # the chosen collections' (test above)
    labels = [m.label for m in at.metric]
    assert headline < set(labels)
    assert all(label.endswith("（全部资料）") for label in labels if label not in headline)
    relations = [c for c in texts(at, "caption") if c.startswith("关系")]
    assert len(relations) == 1 and relations[0].startswith("关系（全部资料）：")
    headers = texts(at, "subheader")
    assert "采用单位最多的举措（所选文档集）" in headers
    assert "文档（所选文档集）" in headers and "文档集（全部资料）" in headers
    # without a choice every number is of every document: nothing to mark
    every = app(page="overview")
    every.button(key="overview.rels").click().run()
    assert not any("全部资料" in m.label for m in every.metric)
    assert not any("全部资料" in c or "所选文档集" in c for c in texts(every, "caption"))
    assert {"采用单位最多的举措", "全部文档", "文档集"} <= set(texts(every, "subheader"))
