"""After its first page the explorer runs its pages' first reads once in the background
(ui/warm.py), so that a store server started a moment ago has run each kind of read before
the first visitor of each page asks for it; never while a page is being drawn."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from graph import store as store_module
from tests.app.conftest import forget_answers


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Cypher text of every read any store makes, in order."""
    seen: list[str] = []
    read = store_module.GraphStore.read

    def recording(self: Any, cypher: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(cypher)
        return read(self, cypher, *args, **kwargs)

    monkeypatch.setattr(store_module.GraphStore, "read", recording)
    return seen


def test_the_warm_up_sends_what_the_pages_send(small_store, app, texts) -> None:
    """Each read of the warm-up is one the pages send when they are opened (the same text,
    so the server has run that very read): 总览, 举措 of the most adopted initiative, 法院 /
    单位 and 网络 of the first court, 检索 of its name, 审核. The pages are opened first: what
    one builds on its first visit (审核's queue head) the warm-up then reads as they do."""
    import queries
    from ui import warm

    top = queries.run(small_store, "top_initiatives", {}).rows[0]["initiative_id"]
    court = queries.run(small_store, "superior_courts", {}).rows[0]
    texts.clear()
    for page, params in [
        ("overview", {}),
        ("initiative", {"id": top}),
        ("analytics", {"id": top}),
        ("unit", {"id": court["court_id"]}),
        ("network", {"id": court["court_id"]}),
        ("search", {"q": court["court"]}),
        ("review", {}),
    ]:
        at = app(page=page, **params)
        assert not at.exception, page
    sent = set(texts)
    forget_answers()  # what the pages kept: the warm-up asks the store again
    texts.clear()
    done = warm.warm_up(small_store)
    assert done == [
        *["总览"] * 3,
        *["举措"] * 3,
        "扩散分析",
        "侧栏",
        *["法院 / 单位"] * 2,
        "网络",
        "检索",
        *["审核"] * 2,
        "总览",  # its reads again, kept for the server's next start on a large store
    ]
    assert texts and set(texts) - sent == set()


def _shown(at: Any) -> list[Any]:
    """What a page shows: its texts, numbers and tables."""
    assert not at.exception and not at.error, [e.value for e in [*at.exception, *at.error]]
    out: list[Any] = [str(m.value) for m in [*at.markdown, *at.caption, *at.info]]
    out += [(m.label, m.value) for m in at.metric]
    out += [df.value.to_dict("records") for df in at.dataframe]
    return out


def test_the_first_visits_it_prepares_read_no_answer_and_show_the_same(
    small_store, app, texts
) -> None:
    """总览, and 举措 and 扩散分析 of the most adopted initiative, visited first after the
    warm-up: they read from the store only what every visit reads (the sidebar's scope, the
    change token), and show what a visit that reads its answers shows."""
    import queries
    from ui import state, warm

    top = queries.run(small_store, "top_initiatives", {}).rows[0]["initiative_id"]
    pages = [("overview", {}), ("initiative", {"id": top}), ("analytics", {"id": top})]
    cold = [_shown(app(page=page, **params)) for page, params in pages]
    texts.clear()
    again = [_shown(app(page=page, **params)) for page, params in pages]  # answers kept
    every_visit = set(texts)
    assert again == cold
    state.clear_caches()
    warm.warm_up(small_store)
    texts.clear()
    assert [_shown(app(page=page, **params)) for page, params in pages] == cold
    assert set(texts) <= every_visit, set(texts) - every_visit


def test_nothing_to_warm_on_an_empty_store(empty_store) -> None:
    """Without initiatives or courts only the reads that need no entity run."""
    from ui import warm

    assert warm.warm_up(empty_store) == [*["总览"] * 3, "举措", "侧栏", *["审核"] * 2, "总览"]


def test_no_read_while_a_page_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read of the warm-up waits for the page being drawn: it never competes with it."""
    from ui import warm

    ran: list[str] = []
    monkeypatch.setattr(warm, "reads", lambda store: [("检索", lambda: ran.append("read"))])
    with warm.page_drawn():
        thread = threading.Thread(target=warm.warm_up, args=(object(),), daemon=True)
        thread.start()
        thread.join(timeout=0.3)
        assert thread.is_alive() and ran == []  # still waiting for the page
    thread.join(timeout=10)
    assert not thread.is_alive() and ran == ["read"]


def test_a_large_store_s_collections_are_counted_by_the_warm_up(
    small_store, app, texts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting a large store's collections scans every document: in a server, while its
    warm-up is still to run, a page starts no count and is drawn without the sizes; the
    warm-up counts them after the reads of 总览, 举措 and 扩散分析, and the next page lists
    them. (On the 1M graph's just-started server the first page's count took 15 s at load
    11, beside the warm-up's reads; 总览, opened next, took 4.9 s instead of 1.)"""
    import queries
    from graph.collections import DEMO_COLLECTION
    from ui import scope, warm

    monkeypatch.setattr(scope, "BACKGROUND_COUNT_DOCS", 1)  # the small graph as a large one
    monkeypatch.setattr(scope, "_FIRST", {})
    monkeypatch.setattr(warm, "running_or_ahead", lambda: True, raising=False)
    # either text: the counts the store keeps (graph/collection_counts.py) or a count
    counting = set(queries.get("collections").texts().values())
    at = app(page="overview")
    assert not at.exception
    assert scope.SIZES_NOTE in [str(c.value) for c in at.caption]
    assert not counting & set(texts) and scope._FIRST == {}  # no count of its own
    pages = [page for page, _read in warm.reads(small_store)]
    assert pages.index("侧栏") == pages.index("扩散分析") + 1
    assert warm.warm_up(small_store).count("侧栏") == 1
    assert counting & set(texts)
    at = app(page="overview")
    found = [df.value for df in at.dataframe if list(df.value.columns) == ["文档集", "文档数"]]
    assert found and DEMO_COLLECTION not in list(found[0]["文档集"])


def test_a_failed_read_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """A read the store refuses is left to its page (which shows the error): the others run."""
    from graph.errors import QueryFailed
    from ui import warm

    def refused() -> None:
        raise QueryFailed("too slow")

    monkeypatch.setattr(warm, "reads", lambda store: [("网络", refused), ("检索", lambda: None)])
    assert warm.warm_up(object()) == ["检索"]


@pytest.fixture
def in_a_server(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """A process taken for the explorer's server (its heap left unfrozen), where the warm-up
    records the store it was given instead of reading it."""
    import gc

    from ui import state, warm

    started: list[Any] = []
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(state, "in_a_server", lambda: True)
    monkeypatch.setattr(state, "_FROZEN", [])
    monkeypatch.setattr(warm, "_STARTED", [])
    monkeypatch.setattr(warm, "warm_up", started.append)
    return started


def test_the_first_page_starts_it_once(small_store, app, in_a_server: list[Any]) -> None:
    """app.py starts the warm-up after its first page is drawn, with the page's store, once
    per server process."""
    from ui import state, warm

    assert not app(page="overview").exception
    warm._STARTED[0].join(timeout=10)
    assert in_a_server == [state.store()]
    assert not app(page="search", q="法院").exception
    assert len(warm._STARTED) == 1 and len(in_a_server) == 1


def test_never_in_the_tests_process(small_store, app, monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest's runs share the test process and its stores: no warm-up there."""
    from ui import warm

    monkeypatch.setattr(warm, "_STARTED", [])
    assert not app(page="overview").exception
    assert warm._STARTED == []
    assert warm.warm_up_once(small_store) is None


def test_a_large_store_s_server_keeps_the_overview_s_reads(
    small_store, app, texts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a large store the warm-up hands 总览's reads (the very texts and parameters the page
    sends), then 举措's and 扩散分析's of the initiative 总览 lists first, to the embedded server, which runs them after each of its starts
    (graph/embedded.py: a just-started server's first 总览 took 2.1 s in a quiet run); on a
    small one it keeps none (a first read costs little there), and removes those kept when
    it was larger."""
    import json

    from ui import scope, warm

    with_params: list[str] = []
    read = store_module.GraphStore.read

    def recording(self: Any, cypher: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        with_params.append(json.dumps([cypher, dict(params or {})], sort_keys=True))
        return read(self, cypher, params, *args, **kwargs)

    import queries

    monkeypatch.setattr(store_module.GraphStore, "read", recording)
    assert not app(page="overview").exception
    # and 举措 and 扩散分析 of the initiative 总览 lists first, as its link opens them
    top = str(queries.run(small_store, "top_initiatives", {}).rows[0]["initiative_id"])
    assert not app(page="initiative", id=top).exception
    assert not app(page="analytics", id=top).exception
    sent, sent_with_params = set(texts), set(with_params)
    server = small_store.embedded
    server.warm_file.write_text("[]", encoding="utf-8")  # kept when the store was larger
    try:
        assert not warm.keep_for_server(small_store) and not server.warm_file.exists()
        monkeypatch.setattr(scope, "BACKGROUND_COUNT_DOCS", 1)
        assert warm.keep_for_server(small_store)
        kept = json.loads(server.warm_file.read_text(encoding="utf-8"))
        assert len(kept) >= len(warm.KEPT_FOR_SERVER)
        assert {cypher for cypher, _params in kept} <= sent
        # the very parameters too
        assert {json.dumps(k, sort_keys=True) for k in kept} <= sent_with_params
        assert any("adopter_count" in cypher for cypher, _params in kept)  # the ranking
        assert any(cypher.startswith("MATCH (n:Evidence)") for cypher, _params in kept)
        # 举措's adopters and 扩散分析's events of that initiative, after 总览's reads
        adopters = queries.REGISTRY["adopters"].cypher.strip()
        found = [i for i, (c, p) in enumerate(kept) if c.strip() == adopters]
        assert found and kept[found[0]][1]["initiative"] == top
        events = queries.REGISTRY["adoption_events"].cypher.strip()
        assert any(c.strip() == events and p["initiative"] == top for c, p in kept)
        assert found[0] > max(i for i, (c, _p) in enumerate(kept) if "adopter_count" in c)
    finally:
        server.warm_file.unlink(missing_ok=True)
