"""The explorer's largest answers (an initiative's adopters, its timeline) are kept as they
are: a page's next visit reads them without pickling them back, and they are forgotten with
the app's other caches."""

from __future__ import annotations

from tests import graph_fixtures as g


def test_adopters_are_kept_as_they_are(small_store, app) -> None:
    from ui import state

    first, _ = state.run("adopters", {"initiative": g.SUYUAN})
    again = state.rows("adopters", {"initiative": g.SUYUAN})
    assert first and again is first  # the same rows, not a copy unpickled from the cache
    assert state.rows("initiatives") is not state.rows("initiatives")  # small ones: copies
    state.clear_caches()
    assert state.rows("adopters", {"initiative": g.SUYUAN}) is not first


def test_the_timeline_is_kept_as_it_is(small_store, app) -> None:
    from ui.analytics.shared import _timeline_of

    first = _timeline_of("key", g.SUYUAN, (), False)
    assert first.units and _timeline_of("key", g.SUYUAN, (), False) is first
    from ui import state

    state.clear_caches()
    assert _timeline_of("key", g.SUYUAN, (), False) is not first


def test_the_pages_still_show_them(small_store, app) -> None:
    for page in ("initiative", "analytics"):
        at = app(page=page, id=g.SUYUAN)
        assert not at.exception and not at.error
        again = app(page=page, id=g.SUYUAN)
        assert not again.exception and not again.error
        assert [str(m.value) for m in again.markdown] == [str(m.value) for m in at.markdown]
