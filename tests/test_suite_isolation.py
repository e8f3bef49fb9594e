"""The suite never opens the user's own store (issue 14: nothing a user did not ask to delete
is touched by a test): a test that opens the default store gets a temporary one."""

from __future__ import annotations

from pathlib import Path

from graph.settings import Settings


def test_the_default_store_of_a_test_is_a_temporary_one() -> None:
    data_dir = Path(Settings.from_env().data_dir).resolve()
    here = Path.cwd().resolve()
    # not the checkout's data/graph (the default, relative to the folder the suite runs in)
    assert data_dir != (here / "data" / "graph")
    assert not data_dir.is_relative_to(here)
    assert data_dir.name == "graph" and data_dir.parent.name.startswith("default-data")
