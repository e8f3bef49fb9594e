"""Two ingests at once into a new data directory: both finish, each reports its own work, and
the graph is the one a sequential run gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph.embedded import EmbeddedServer
from graph.settings import Settings
from graph.store import open_store
from tests.ingest.sample_docs import write_articles
from tests.ingest.test_pipeline import snapshot

ROOT = Path(__file__).resolve().parents[2]


def _ingest(data: Path, folder: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "COURTGRAPH_DATA_DIR": str(data),
        "COURTGRAPH_HEAP": "512m",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("NEO4J_URI", None)
    # one named collection for both runs: a folder's default collection goes to the run that
    # writes a shared story first, which two runs at once decide by a race
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", str(folder), "--collection", "并发测试"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _added(out: str) -> tuple[int, int]:
    m = re.search(r"新增实体 (\d+) 个，新增事实 (\d+) 条", out)
    assert m, out
    return int(m.group(1)), int(m.group(2))


def _graph(data: Path) -> tuple[list, list]:
    with open_store(Settings(data_dir=data, heap="512m")) as store:
        return snapshot(store)


@pytest.mark.slow
def test_two_ingests_at_once_into_a_new_store(tmp_path: Path) -> None:
    docs = sorted(write_articles(tmp_path / "all", 16))
    halves = [tmp_path / "a", tmp_path / "b"]
    for h in halves:
        h.mkdir()
    for i, p in enumerate(docs):
        p.rename(halves[i % 2] / p.name)
    for p in sorted(halves[0].iterdir())[:3]:  # three stories both runs read
        (halves[1] / p.name).write_bytes(p.read_bytes())
    together, apart = tmp_path / "together", tmp_path / "apart"
    try:
        procs = [_ingest(together, h) for h in halves]
        outs = [p.communicate(timeout=900) for p in procs]
        for p, (out, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, out + err
            assert "Traceback" not in err, err
        for h in halves:
            p = _ingest(apart, h)
            out, err = p.communicate(timeout=900)
            assert p.returncode == 0, out + err
            outs.append((out, err))
        assert _graph(together) == _graph(apart)
        # each run counted what it added itself: the two at once add up to the two in a row
        # (a story both read is added by one and unchanged for the other)
        added = [int(re.search(r"；新增 (\d+) 篇；", o).group(1)) for o, _ in outs]
        assert sum(added[:2]) == sum(added[2:]) == 16
        at_once = [_added(o) for o, _ in outs[:2]]
        in_a_row = [_added(o) for o, _ in outs[2:]]
        assert tuple(map(sum, zip(*at_once, strict=True))) == tuple(
            map(sum, zip(*in_a_row, strict=True))
        )
    finally:
        for d in (together, apart):
            EmbeddedServer(d).stop()


def test_a_document_written_again_from_another_file_keeps_both_paths(store) -> None:
    """Two runs reading the same story from two files at once both write it: the second
    write joins its path and URL to the first's, as a run after the other would."""
    import dataclasses

    import tests.graph_fixtures as g

    doc = g.document_b()
    first = dataclasses.replace(doc, props={**doc.props, "paths": ["a/x.txt"], "urls": ["u1"]})
    second = dataclasses.replace(doc, props={**doc.props, "paths": ["b/x.txt"], "urls": ["u1"]})
    store.write_documents([first])
    tally = store.write_documents([second])
    assert tally.known_docs == [doc.id] and tally.new_entities == tally.new_facts == 0
    (row,) = store.read(
        "MATCH (d:Document {id: $id}) RETURN d.paths AS p, d.urls AS u", {"id": doc.id}
    )
    assert (row["p"], row["u"]) == (["a/x.txt", "b/x.txt"], ["u1"])
