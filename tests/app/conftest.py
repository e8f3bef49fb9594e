"""Fixtures for the explorer's tests: the small graph in the session's embedded store, and
the app pointed at it through COURTGRAPH_DATA_DIR."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="session", autouse=True)
def _no_installation_secrets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The app under test never reads the checkout's own `.streamlit/secrets.toml`: an
    installation that configured reviewer accounts as the README says (a new user's run)
    would otherwise change what the pages draw, and tests that expect no accounts fail. Tests
    that need accounts give their own file."""
    import os

    from streamlit import config

    empty = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    empty.write_text("", encoding="utf-8")
    before_option = config.get_option("secrets.files")
    before_env = os.environ.get("STREAMLIT_SECRETS_FILES")
    config.set_option("secrets.files", [str(empty)])
    os.environ["STREAMLIT_SECRETS_FILES"] = str(empty)  # and apps started as processes
    yield
    config.set_option("secrets.files", before_option)
    if before_env is None:
        os.environ.pop("STREAMLIT_SECRETS_FILES", None)
    else:
        os.environ["STREAMLIT_SECRETS_FILES"] = before_env


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
