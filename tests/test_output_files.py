"""Files a user asks for (a figure, an export) are as readable as any new file of theirs:
they were written owner-only (0600) through a temporary file, so colleagues on a shared drive
could not open the pictures while the CSV exports beside them opened (a new user's finding)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph.export import current_umask


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_the_umask_is_read_without_being_changed(umask_022: None) -> None:
    assert current_umask() == 0o022
    os.umask(0o027)
    assert current_umask() == 0o027


def test_a_figure_gets_the_users_usual_mode(tmp_path: Path, umask_022: None) -> None:
    from figures.__main__ import _write

    _write(tmp_path / "map.png", lambda: b"picture")
    assert _mode(tmp_path / "map.png") == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temporary file left


def test_an_export_gets_the_users_usual_mode(tmp_path: Path, umask_022: None) -> None:
    from graph.export import export

    g = nx.MultiDiGraph()
    g.add_node("court:甲", name="甲法院", kind="Court")
    export(g, "graphml", tmp_path / "g.graphml")
    assert _mode(tmp_path / "g.graphml") == 0o644
    os.umask(0o077)  # a user who keeps everything private still gets private files
    export(g, "graphml", tmp_path / "private.graphml")
    assert _mode(tmp_path / "private.graphml") == 0o600
