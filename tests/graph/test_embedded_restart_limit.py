"""The embedded server restarts itself at most `RESTART_LIMIT` times within
`RESTART_WINDOW` seconds (a query that runs out of memory at every start, or a broken data
directory, would otherwise restart it forever); then it stops, says why in its log and in
server.failed, and clients say so instead of starting it again. And a read or write that
meets a restart longer than the driver's own retries (30 s) waits for it and runs again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import ServiceUnavailable

import tests.graph_fixtures as g
from graph import embedded as emb
from graph.embedded import OUT_OF_MEMORY, RESTART_LIMIT, RESTART_WINDOW, EmbeddedServer
from graph.errors import StoreUnavailable


def test_the_restart_after_the_limit_within_the_window_is_refused() -> None:
    now = 10_000.0
    earlier = [now - 50 * k for k in range(RESTART_LIMIT - 1, 0, -1)]
    assert emb._restart_times(earlier, now) == [*earlier, now]  # the last one allowed
    assert emb._restart_times([now - 580, *earlier], now) is None  # one too many
    # restarts older than the window no longer count
    old = [now - RESTART_WINDOW - 1] * 10
    assert emb._restart_times([*old, *earlier], now) == [*earlier, now]


def test_a_server_that_gave_up_is_not_started_again_until_stopped(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "data")
    server._make_data_dir(announce=False)
    emb._give_up(server, RESTART_LIMIT, OUT_OF_MEMORY)
    try:
        with pytest.raises(StoreUnavailable) as exc:
            server.connect_info()
        text = str(exc.value)
        assert f"自动重启了 {RESTART_LIMIT} 次" in text and "内存不足" in text
        assert "python -m graph stop" in text and str(server.log_file) in text
        assert not server.status().running and server._holder() is None  # nothing spawned
        assert server.gave_up() == text
        server.stop()  # by hand: the next use starts afresh
        assert server.gave_up() is None and not server.failed_file.exists()
    finally:
        server.stop()


def test_a_stale_give_up_does_not_block_a_start(tmp_path: Path, monkeypatch) -> None:
    server = EmbeddedServer(tmp_path / "data")
    server._make_data_dir(announce=False)
    emb._give_up(server, 5, OUT_OF_MEMORY)
    monkeypatch.setattr(emb.time, "time", lambda: 1e12)  # long after
    assert server.gave_up() is None


class _Restarting:
    """The embedded server as a client sees it while it restarts itself."""

    def __init__(self, failed: str | None = None) -> None:
        self.failed, self.awaited = failed, 0

    def gave_up(self) -> str | None:
        return self.failed

    def await_restart(self) -> None:
        self.awaited += 1

    def status(self) -> Any:
        return type("Status", (), {"running": self.failed is None})()

    def restarting(self) -> bool:
        return False


class _Unreachable:
    """A driver whose first `times` transactions find the server gone (the driver's own
    retries over: the server is still restarting)."""

    def __init__(self, driver: Any, times: int) -> None:
        self.driver, self.times, self.runs = driver, times, 0

    def session(self, **kwargs: Any) -> Any:
        outer, session = self, self.driver.session(**kwargs)

        class Session:
            def __enter__(self) -> Session:
                return self

            def __exit__(self, *exc: object) -> None:
                session.close()

            def _run(self, how: str, work: Any) -> Any:
                outer.runs += 1
                if outer.runs <= outer.times:
                    raise ServiceUnavailable("Couldn't connect to 127.0.0.1:7687")
                return getattr(session, how)(work)

            def execute_write(self, work: Any) -> Any:
                return self._run("execute_write", work)

            def execute_read(self, work: Any) -> Any:
                return self._run("execute_read", work)

        return Session()


def test_a_write_during_a_long_restart_waits_for_it_and_lands(arcadedb_store, monkeypatch):
    restarting = _Restarting()
    monkeypatch.setattr(arcadedb_store, "embedded", restarting)
    monkeypatch.setattr(arcadedb_store, "driver", _Unreachable(arcadedb_store.driver, 1))
    arcadedb_store.write_documents([g.document_b()])
    assert restarting.awaited == 1 and arcadedb_store.driver.runs == 2
    monkeypatch.setattr(arcadedb_store, "driver", _Unreachable(arcadedb_store.driver.driver, 1))
    n = arcadedb_store.read("MATCH (d:Document {id: $id}) RETURN count(d) AS n", {"id": g.DOC_B})
    assert n == [{"n": 1}] and restarting.awaited == 2


def test_a_write_when_the_server_gave_up_says_why(arcadedb_store, monkeypatch) -> None:
    restarting = _Restarting(failed="内置数据库服务器……已停止")
    monkeypatch.setattr(arcadedb_store, "embedded", restarting)
    monkeypatch.setattr(arcadedb_store, "driver", _Unreachable(arcadedb_store.driver, 99))
    with pytest.raises(StoreUnavailable, match="已停止"):
        arcadedb_store.write_documents([g.document_b()])
    assert restarting.awaited == 0 and arcadedb_store.driver.runs == 1


def test_a_server_that_never_comes_back_fails_the_write_clearly(arcadedb_store, monkeypatch):
    restarting = _Restarting()
    monkeypatch.setattr(arcadedb_store, "embedded", restarting)
    monkeypatch.setattr(arcadedb_store, "driver", _Unreachable(arcadedb_store.driver, 99))
    with pytest.raises(StoreUnavailable, match=r"无法连接 .*（ServiceUnavailable: "):
        arcadedb_store.write_documents([g.document_b()])
    assert restarting.awaited == 2  # waits a bounded number of times


#: 2**34 characters: far beyond any heap
_WITH_CHAIN = "WITH 'a' AS s " + "WITH s+s AS s " * 34 + "RETURN size(s) AS n"


@pytest.mark.slow
def test_a_server_out_of_memory_once_too_often_stops_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real thing: a server that restarted itself RESTART_LIMIT times in the last
    minutes runs out of heap once more; it stops (exit status RESTARTS_EXHAUSTED), its log
    says why, and clients are told instead of starting it again."""
    import graph.readonly
    from graph.readonly import run_read_only
    from graph.settings import Settings
    from graph.store import open_store

    monkeypatch.setattr(graph.readonly, "_check_growth", lambda cypher, bare: None)
    data = tmp_path / "data"
    server = EmbeddedServer(data, heap="256m")
    server._make_data_dir(announce=False)
    now = time.time()
    env = dict(os.environ, PYTHONPATH=str(emb.PROJECT_ROOT))
    with server.log_file.open("ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graph.embedded", "serve", "--data-dir", str(data)]
            + ["--heap", "256m", "--restarts", "12", "--restarted-because", OUT_OF_MEMORY]
            + ["--restart-times", ",".join(str(now - 30 * k) for k in range(RESTART_LIMIT))],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=str(data),
            env=env,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while not server.status().running:
            assert proc.poll() is None and time.monotonic() < deadline, server._log_tail()
            time.sleep(0.5)
        store = open_store(Settings(data_dir=data, heap="256m"))
        try:
            with pytest.raises(StoreUnavailable, match=f"自动重启了 {RESTART_LIMIT} 次") as exc:
                run_read_only(store, _WITH_CHAIN, limit=5, timeout=60)
            assert "python -m graph stop" in str(exc.value)
            assert proc.wait(60) == emb.RESTARTS_EXHAUSTED
            assert (
                f"ERROR: the server restarted itself {RESTART_LIMIT} times"
                in server.log_file.read_text()
            )
            with pytest.raises(StoreUnavailable, match=f"自动重启了 {RESTART_LIMIT} 次"):
                store.write_documents([g.document_b()])
        finally:
            store.close()
        with pytest.raises(StoreUnavailable, match=f"自动重启了 {RESTART_LIMIT} 次"):
            server.connect_info()
        server.stop()
        assert server.connect_info().uri.startswith("bolt://")  # starts afresh after stop
    finally:
        server.stop()
        if proc.poll() is None:
            proc.kill()
