"""The embedded server's warm-up: the reads the explorer keeps for it (`keep_warm`) are run
once after each start, in the server's own process, before a visitor asks for them."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path
from typing import Any

from graph import embedded
from graph.embedded import EmbeddedServer

READ = "MATCH (n:Court) WHERE n.level = $level RETURN count(n) AS n"


def test_only_reads_with_plain_parameters_are_kept(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    server.keep_warm(
        [
            (READ, {"level": "high", "ids": ["a"], "docs": None}),
            ("MATCH (n:Court) SET n.level = $level", {"level": "high"}),  # a write
            ("CALL { CREATE (n:X) } RETURN 1", {}),
            (READ, {"level": object()}),  # not a plain value
        ]
    )
    assert json.loads(server.warm_file.read_text(encoding="utf-8")) == [
        [READ, {"level": "high", "ids": ["a"], "docs": None}]
    ]
    assert stat.S_IMODE(server.warm_file.stat().st_mode) == 0o600


class _Database:
    """What `warm_up` needs of the served database: query(), results read to their end."""

    def __init__(self) -> None:
        self.ran: list[tuple[str, dict[str, Any]]] = []

    def query(self, language: str, cypher: str, params: dict[str, Any]) -> Any:
        assert language == "opencypher"
        if "boom" in cypher:
            raise RuntimeError("the store could not answer")
        self.ran.append((cypher, params))
        return iter([{"n": 1}, {"n": 2}])


def test_the_kept_reads_run_once_each_and_a_write_never(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    server.keep_warm([(READ, {"level": "high"}), (READ + " // boom", {"level": "x"})])
    kept = json.loads(server.warm_file.read_text(encoding="utf-8"))
    # written by another process of the owner: checked again before it runs
    kept.append(["MATCH (n) DETACH DELETE n", {}])
    server.warm_file.write_text(json.dumps(kept), encoding="utf-8")
    db = _Database()
    assert embedded.warm_up(server, db) == 1  # the failing read is passed over
    assert db.ran == [(READ, {"level": "high"})]


def test_no_kept_reads_nothing_run(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    assert embedded.warm_up(server, _Database()) == 0
    server.warm_file.write_text("not json", encoding="utf-8")
    assert embedded.warm_up(server, _Database()) == 0


def test_a_started_server_runs_its_kept_reads(tmp_path: Path) -> None:
    """Wired into the server: after a start it runs them and says so in its log."""
    server = EmbeddedServer(tmp_path, heap="512m")
    server.keep_warm([(READ, {"level": "high"})])
    try:
        server.start()
        deadline = time.monotonic() + 60
        while "ran 1 kept reads" not in server.log_file.read_text(errors="replace"):
            assert time.monotonic() < deadline, server.log_file.read_text(errors="replace")
            time.sleep(0.2)
    finally:
        server.stop()


def test_a_restart_in_place_runs_no_kept_reads(tmp_path: Path) -> None:
    """A start runs them; a restart in place (the heap run out, a stuck query) does not."""
    server = EmbeddedServer(tmp_path)
    assert not embedded.warms_up(server, None)  # nothing kept
    server.keep_warm([(READ, {"level": "high"})])
    assert embedded.warms_up(server, None)
    assert not embedded.warms_up(server, "the server ran out of memory")
