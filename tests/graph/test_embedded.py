"""The embedded ArcadeDB server: loopback only, private password, reuse, stop, crash recovery."""

from __future__ import annotations

import os
import signal
import socket
import stat
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedServer
from graph.errors import StoreUnavailable
from graph.settings import Settings
from graph.store import open_store


def _listening(pid: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket the process listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            local, state, inode = parts[1], parts[3], parts[9]
            if state != "0A" or inode not in inodes:  # 0A = LISTEN
                continue
            addr_hex, port_hex = local.split(":")
            raw = bytes.fromhex(addr_hex)
            if width == 8:
                addr = socket.inet_ntop(socket.AF_INET, raw[::-1])
            else:
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                addr = socket.inet_ntop(socket.AF_INET6, words)
            found.add((addr, int(port_hex, 16)))
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    srv = EmbeddedServer(tmp_path_factory.mktemp("emb"), heap="512m")
    srv.start()
    yield srv
    srv.stop()


def test_listens_on_loopback_only(server: EmbeddedServer) -> None:
    st = server.status()
    assert st.running and st.pid
    sockets = _listening(st.pid)
    ports = {port for _, port in sockets}
    assert st.bolt_port in ports and st.http_port in ports
    assert {addr for addr, _ in sockets} <= {"127.0.0.1", "::1", "::ffff:127.0.0.1"}, sockets


def test_password_file_is_private(server: EmbeddedServer) -> None:
    mode = stat.S_IMODE(server.credentials_file.stat().st_mode)
    assert mode == 0o600
    assert len(server.password()) >= 24


def test_logs_go_to_a_file(server: EmbeddedServer) -> None:
    assert "ArcadeDB" in server.log_file.read_text(errors="replace")


def test_second_client_reuses_the_running_server(server: EmbeddedServer) -> None:
    pid = server.status().pid
    again = EmbeddedServer(server.data_dir)
    info = again.connect_info()
    assert again.status().pid == pid
    assert info.uri.startswith("bolt://127.0.0.1:")


def test_wrong_password_is_refused_without_echoing_it(server: EmbeddedServer) -> None:
    from neo4j import GraphDatabase

    from graph.store import GraphStore

    info = server.connect_info()
    driver = GraphDatabase.driver(info.uri, auth=(info.user, "not-the-password-xyz"))
    store = GraphStore(driver, database=info.database, server="arcadedb")
    with pytest.raises(StoreUnavailable) as err:
        store.verify()
    assert "not-the-password-xyz" not in str(err.value)
    store.close()


@pytest.mark.slow
def test_recovers_after_kill_9_and_keeps_committed_data(tmp_path: Path) -> None:
    srv = EmbeddedServer(tmp_path, heap="512m")
    with open_store(Settings(data_dir=tmp_path)) as store:
        store._write(
            [("MERGE (n:Court:Entity {id: 'court:测试法院'}) SET n.name = '测试法院'", {})]
        )
    pid = srv.status().pid
    assert pid
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while srv.status().running and time.monotonic() < deadline:
        time.sleep(0.1)
    assert srv.state_file.exists()  # stale state left behind by the crash
    with open_store(Settings(data_dir=tmp_path)) as store:  # starts a new server
        rows = store.read("MATCH (n:Entity {id: 'court:测试法院'}) RETURN n.name AS name")
    assert rows == [{"name": "测试法院"}]
    assert srv.status().pid != pid
    assert srv.stop()
    assert not srv.status().running and not srv.state_file.exists()
    assert not srv.stop()  # stopping a stopped server is a no-op
