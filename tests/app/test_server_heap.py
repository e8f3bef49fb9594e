"""The explorer's server keeps Python's garbage collector out of its pages: no full collection
after every run, and what the process has loaded is frozen out of the collector's walks."""

from __future__ import annotations

import tomllib

import pytest

from courtgraph.cli import streamlit_options
from courtgraph.resources import STREAMLIT_CONFIG


def test_no_full_collection_after_every_page() -> None:
    """Streamlit's `runner.postScriptGC` walked the whole heap after each run (0.05–0.6 s of
    every visit on the 1M graph's explorer): off in the explorer's settings, and passed on
    by `courtgraph app` where Streamlit does not read them itself."""
    config = tomllib.loads(STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
    options = streamlit_options()
    at = options.index("--runner.postScriptGC")
    assert options[at + 1] == "false"


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Calls of gc.freeze, counted instead of made (the test process's heap stays as it is),
    in a process that runs as a Streamlit server."""
    import gc

    from ui import state

    calls: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))
    monkeypatch.setattr(state, "in_a_server", lambda: True)
    monkeypatch.setattr(state, "_FROZEN", [])
    return calls


def test_the_heap_is_frozen_once_per_moment(freezes: list[int]) -> None:
    from ui import state

    assert state.freeze_heap("first page") is True
    assert state.freeze_heap("first page") is False  # a second page freezes nothing more
    assert state.freeze_heap("warm-up") is True
    assert freezes == [1, 1]


def test_not_in_a_process_without_a_server(freezes: list[int], monkeypatch) -> None:
    from ui import state

    monkeypatch.setattr(state, "in_a_server", lambda: False)
    assert state.freeze_heap("first page") is False
    assert freezes == []


def test_never_the_tests_heap(small_store, app, monkeypatch) -> None:
    """AppTest runs the app in the test process with a mock runtime: nothing is frozen there
    (the ingest tests check that their own freezing gives the heap back)."""
    import gc

    from ui import state

    monkeypatch.setattr(state, "_FROZEN", [])
    before = gc.get_freeze_count()
    assert not app(page="overview").exception
    assert state.in_a_server() is False
    assert gc.get_freeze_count() == before and state._FROZEN == []


def test_the_first_page_freezes_the_heap(small_store, app, freezes: list[int]) -> None:
    """app.py freezes after its first page is drawn, and only then."""
    at = app(page="overview")
    assert not at.exception
    assert freezes == [1]
    app(page="evidence")
    assert freezes == [1]
