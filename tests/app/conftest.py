"""Fixtures for the explorer's tests: the small graph in the session's embedded store, and
the app pointed at it through COURTGRAPH_DATA_DIR."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def forget_answers() -> None:
    """Empty the app's caches, the sidebar's collection sizes and the review filter's
    provinces too: those are kept per store and found again only when the number of
    documents (entities) changes (ui/scope.py, ui/review.py), and every test store lives in
    the same directory, so a graph reloaded with the same numbers would otherwise show the
    collections or provinces of the graph before it."""
    from ui import review, scope, state

    state.clear_caches()
    with scope._SIZES_LOCK:
        scope._SIZES.clear()
    review._provinces_of.clear()  # kept across decisions, while the entities stay


def app_on(store, embedded_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """The app's settings pointing at the session's embedded store, its caches emptied."""
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    forget_answers()
    return store


@pytest.fixture
def small_store(arcadedb_small_graph, embedded_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """The small graph (loaded afresh only when the previous test changed it: see
    tests.conftest.small_graph_in), and the app pointing at its store (caches emptied)."""
    return app_on(arcadedb_small_graph, embedded_dir, monkeypatch)


@pytest.fixture
def empty_store(arcadedb_store, embedded_dir: Path, monkeypatch: pytest.MonkeyPatch):
    return app_on(arcadedb_store, embedded_dir, monkeypatch)


@pytest.fixture
def app() -> Iterator:  # type: ignore[type-arg]
    """A function that runs the app at a URL's query parameters and returns the AppTest."""
    from streamlit.testing.v1 import AppTest

    def run(**params: str):
        at = AppTest.from_file(APP, default_timeout=60)
        for k, v in params.items():
            at.query_params[k] = v
        return at.run()

    yield run
