"""Run a command line's `main` on a test's store."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest


def lend_store(monkeypatch: pytest.MonkeyPatch, store: Any) -> None:
    """The command lines open their store with `graph.store.open_store(...)` in a `with`:
    give them `store`, left open when they finish (the test's fixture closes it)."""
    monkeypatch.setattr("graph.store.open_store", lambda _s: contextlib.nullcontext(store))
