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
    assert metrics["全图文档"] == "3"
    captions = texts(at, "caption")
    assert "所选文档集：乙、通报" in captions
    assert any(c.startswith("全图") and "不随侧栏所选文档集变化" in c for c in captions)
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
