"""The embedded ArcadeDB server: loopback only, private password, reuse, stop, crash recovery."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import time
from pathlib import Path

import pytest

from graph import embedded
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
def server(embedded_dir: Path, _arcadedb_store) -> EmbeddedServer:
    """The session's embedded server (tests/conftest.py), which these tests only look at: a
    server of their own would cost another JVM start. Tests that stop or kill a server start
    their own."""
    srv = EmbeddedServer(embedded_dir)
    assert srv.status().running
    return srv


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


def test_nothing_in_the_data_directory_is_open_to_other_users(server: EmbeddedServer) -> None:
    open_to_others = []
    for folder, dirs, files in os.walk(server.data_dir):
        for name in [".", *dirs, *files]:
            path = Path(folder) / name
            if stat.S_IMODE(path.lstat().st_mode) & 0o077 and not path.is_symlink():
                open_to_others.append((str(path), oct(path.stat().st_mode)))
    assert open_to_others == []


# -- private files, without a server ------------------------------------------------------------


def test_a_new_data_directory_is_private(tmp_path: Path) -> None:
    srv = EmbeddedServer(tmp_path / "data" / "graph")
    srv.password()
    assert stat.S_IMODE(srv.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(srv.credentials_file.stat().st_mode) == 0o600


def test_a_new_data_directory_is_announced_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # run from another folder, the default data/graph is a new, empty store: a new user's
    # questions then found nothing, with no word that this was not their data
    srv = EmbeddedServer(tmp_path / "data" / "graph")
    srv.password()
    err = capsys.readouterr().err
    assert "新建了空的数据目录" in err and str(srv.data_dir.resolve()) in err
    # in Chinese, and true on a genuine first run as well as in the wrong folder
    assert "第一次使用" in err and "COURTGRAPH_DATA_DIR" in err and "empty store" not in err
    EmbeddedServer(tmp_path / "data" / "graph").password()
    assert capsys.readouterr().err == ""


def test_a_data_directory_others_can_change_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "graph"
    data.mkdir(mode=0o775)
    data.chmod(0o775)
    with pytest.raises(StoreUnavailable) as err:
        EmbeddedServer(data).connect_info()
    assert str(err.value) == (
        f"数据目录 {data} 可被其他用户修改（权限 0775）：请先确认没有人替换过它，"
        f"再运行 chmod 700 {data} 改正"
    )
    assert list(data.iterdir()) == []  # no password written into it


def test_our_directory_readable_by_others_is_made_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store an older courtgraph created 0755 (or under umask 002) keeps working: it is
    tightened, with a notice, instead of locking its court out."""
    data = tmp_path / "graph"
    data.mkdir()
    data.chmod(0o755)
    srv = EmbeddedServer(data)
    old = srv.password()
    (data / "credentials.json").chmod(0o644)
    assert not srv.status().running
    assert srv.password() != old  # others may have read it: a new one, no server to tell
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "credentials.json").stat().st_mode) == 0o600
    err = capsys.readouterr().err
    assert f"数据目录 {data} 曾可被其他用户读取（权限 0755），已改为只有您可用（0700）" in err
    assert (
        f"密码文件 {data / 'credentials.json'} 曾可被其他用户读取（权限 0644），旧密码已作废" in err
    )


def test_a_data_dir_that_is_a_file_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reviewer (session 19): COURTGRAPH_DATA_DIR=notes.txt made the user's file 0600, said
    the data directory was made private, then said it is no folder: it is refused first."""
    notes = tmp_path / "notes.txt"
    notes.write_text("法院的笔记", encoding="utf-8")
    notes.chmod(0o644)
    srv = EmbeddedServer(notes)
    for ask in (srv.status, srv.password, srv.connect_info):
        with pytest.raises(StoreUnavailable, match=f"数据目录 {notes} 不是文件夹"):
            ask()
    assert stat.S_IMODE(notes.stat().st_mode) == 0o644
    assert notes.read_text(encoding="utf-8") == "法院的笔记"
    assert "已改为只有您可用" not in capsys.readouterr().err


def test_a_password_others_could_read_is_replaced_once_the_server_stops(tmp_path: Path) -> None:
    """Issue 14, point 7: the password of a credentials file others could read is not used
    again. While the server runs (it knows only the old one) every client is refused, naming
    `python -m graph stop`; once stopped, a new password is made, and the server started
    next accepts it, with the graph as it was."""
    srv = EmbeddedServer(tmp_path, heap="512m")
    with open_store(Settings(data_dir=tmp_path)) as store:
        store._write(
            [("MERGE (n:Court:Entity {id: 'court:甲县法院'}) SET n.name = '甲县法院'", {})]
        )
    old = srv.password()
    srv.credentials_file.chmod(0o640)
    with pytest.raises(StoreUnavailable) as err:
        srv.connect_info()
    assert str(err.value).startswith(
        f"密码文件 {srv.credentials_file} 可被其他用户读取（权限 0640），其中的密码可能已被人看到"
    )
    assert f"请先停止服务器：python -m graph stop（数据目录 {tmp_path}）" in str(err.value)
    assert json.loads(srv.credentials_file.read_text())["password"] == old
    assert srv.stop()
    assert srv.password() != old
    with open_store(Settings(data_dir=tmp_path)) as store:
        rows = store.read("MATCH (n:Entity {id: 'court:甲县法院'}) RETURN n.name AS name")
    assert rows == [{"name": "甲县法院"}]
    assert srv.stop()


def test_a_data_directory_of_another_user_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "graph"
    data.mkdir(mode=0o700)
    os.chown(data, 4242, 4242)  # tests run as root: pretend another user made it
    with pytest.raises(StoreUnavailable, match=r"属于另一个用户（uid 4242）"):
        EmbeddedServer(data).status()


@pytest.mark.parametrize("how", ["mode", "owner"])
def test_a_password_file_others_can_reach_is_refused(tmp_path: Path, how: str) -> None:
    srv = EmbeddedServer(tmp_path / "graph")
    srv.password()
    if how == "mode":
        srv.credentials_file.chmod(0o664)
        expected = f"再运行 chmod 600 {srv.credentials_file} 改正"
    else:
        os.chown(srv.credentials_file, 4242, 4242)
        expected = "属于另一个用户"
    with pytest.raises(StoreUnavailable, match=expected):
        srv.password()
    with pytest.raises(StoreUnavailable, match=expected):
        srv.connect_info()


def test_cli_names_the_fix(tmp_path: Path, monkeypatch, capsys) -> None:
    from graph.__main__ import main

    data = tmp_path / "graph"
    data.mkdir()
    data.chmod(0o770)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(data))
    assert main(["status"]) == 1
    assert capsys.readouterr().err == (
        f"Error: 数据目录 {data} 可被其他用户修改（权限 0770）：请先确认没有人替换过它，"
        f"再运行 chmod 700 {data} 改正\n"
    )


# -- the server named by server.json is checked before the password goes to it ----------------


def _hold_lock(data: Path, *args: str, announce: bool = False):
    """Start a process holding the server lock of `data` (`args` end up in its command
    line; `announce`: it names itself in server.pending, as a courtgraph server starting
    does)."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, json, os, sys, time\n"
            "fd = os.open(sys.argv[1] + '/.server.lock', os.O_RDWR | os.O_CREAT, 0o600)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "if 'announce' in sys.argv:\n"
            "    with open(sys.argv[1] + '/server.pending', 'w') as f:\n"
            "        json.dump({'pid': os.getpid()}, f)\n"
            "print('ready', flush=True)\n"
            "time.sleep(600)\n",
            str(data),
            *args,
            *(["announce"] if announce else []),
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"ready\n"
    return holder


@pytest.fixture
def trap():
    """A loopback port that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.2)
    try:
        yield sock
    finally:
        sock.close()


@pytest.fixture
def impostor(tmp_path: Path, trap: socket.socket):
    """A process holding the server lock of `tmp_path` (a server that is not ArcadeDB, or
    one still starting) and a loopback port that accepts connections and never answers."""
    holder = _hold_lock(tmp_path)
    try:
        yield holder.pid, trap
    finally:
        holder.kill()
        holder.wait()


class _Clock:
    """A stand-in for `time` in graph.embedded: sleeping advances it at once, so a test
    sees what the client does after a minute of waiting without waiting (and without
    measuring time)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def _no_connection_reached(trap: socket.socket) -> bool:
    try:
        trap.accept()[0].close()
    except TimeoutError:
        return True
    return False


def test_a_port_the_lock_holder_does_not_listen_on_is_refused_fast(
    tmp_path: Path,
    impostor,
) -> None:
    pid, trap = impostor
    port = trap.getsockname()[1]
    state = {"pid": pid, "bolt_port": port, "http_port": port}
    (tmp_path / "server.json").write_text(json.dumps(state), encoding="utf-8")
    srv = EmbeddedServer(tmp_path)
    assert not srv.status().running
    with pytest.raises(StoreUnavailable) as err:
        srv.connect_info()
    assert f"的内置服务器（pid {pid}）没有在 {tmp_path / 'server.json'} 所记的端口" in str(
        err.value
    )
    assert "python -m graph stop" in str(err.value)
    assert _no_connection_reached(trap)


def test_status_does_not_call_a_lock_holder_on_a_false_port_stopped(
    tmp_path: Path, impostor, monkeypatch, capsys
) -> None:
    """`graph status` with a process holding the lock and server.json naming a port it does
    not serve on said "embedded server: stopped" while that process ran (issue 14 audit)."""
    from graph.__main__ import main

    pid, trap = impostor
    port = trap.getsockname()[1]
    state = {"pid": pid, "bolt_port": port, "http_port": port}
    (tmp_path / "server.json").write_text(json.dumps(state), encoding="utf-8")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(tmp_path))
    assert main(["status"]) == 1  # (connecting is refused, naming the pid: tested above)
    out = capsys.readouterr().out
    assert f"内置服务器：未确认在运行：进程 {pid} 持有服务器锁，但不在 server.json" in out
    assert "未运行" not in out
    assert _no_connection_reached(trap)


def test_a_state_file_of_an_earlier_server_is_not_trusted(
    tmp_path: Path, impostor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live lock holder that server.json does not name is refused within seconds, not
    waited for until the start timeout (126 s measured before), and nothing is sent."""
    holder, trap = impostor
    port = trap.getsockname()[1]  # this test process listens there, but holds no lock
    state = {"pid": os.getpid(), "bolt_port": port, "http_port": port}
    (tmp_path / "server.json").write_text(json.dumps(state), encoding="utf-8")
    srv = EmbeddedServer(tmp_path)
    assert not srv.status().running
    monkeypatch.setattr(embedded, "time", _Clock())
    with pytest.raises(StoreUnavailable) as err:
        srv.connect_info()
    name = Path(f"/proc/{holder}/comm").read_text().strip()  # python3, say
    assert str(err.value) == (
        f"另一个进程（pid {holder}，{name}）持有数据目录 {srv.data_dir} 的锁（.server.lock），"
        f"它不是 courtgraph 服务器（server.json 记的是 pid {os.getpid()}）。没有向它发送任何"
        f"内容。请停止它（python -m graph stop 或 kill {holder}），或改用另一个数据目录"
        "（COURTGRAPH_DATA_DIR）后重试"
    )
    assert embedded.time.monotonic() - 1000.0 < 10  # type: ignore[attr-defined]
    assert _no_connection_reached(trap)


def test_a_courtgraph_server_without_state_file_is_named(
    tmp_path: Path, trap: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    """server.json missing while another courtgraph server holds the folder (another copy
    of courtgraph started it, or the file was removed): fail fast, say how to stop it."""
    holder = _hold_lock(tmp_path, "-m", "graph.embedded", "serve")
    try:
        srv = EmbeddedServer(tmp_path)
        monkeypatch.setattr(embedded, "time", _Clock())
        with pytest.raises(StoreUnavailable) as err:
            srv.connect_info()
        assert str(err.value) == (
            f"另一个 courtgraph 服务器（pid {holder.pid}）占用着数据目录 {srv.data_dir}，"
            "但没有 server.json：它是另一份或另一版本的 courtgraph 启动的，或者它的 "
            "server.json 被删除了。没有向它发送任何内容。请用 python -m graph stop"
            f"（或 kill {holder.pid}）停止它后重试"
        )
        assert _no_connection_reached(trap)
        # and the fix it names works: stop ends the holder, the next start is not refused
        assert srv.stop(timeout=5)
        assert holder.wait(5) is not None and srv._holder() is None
    finally:
        holder.kill()
        holder.wait()


def test_a_server_that_announced_its_start_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A courtgraph server still starting (named in server.pending) is not refused: the
    client waits for it until the start timeout."""
    holder = _hold_lock(tmp_path, announce=True)
    try:
        srv = EmbeddedServer(tmp_path, start_timeout=90.0)
        monkeypatch.setattr(embedded, "time", _Clock())
        with pytest.raises(StoreUnavailable, match="服务器在 90 秒内没有启动完成"):
            srv.connect_info()
    finally:
        holder.kill()
        holder.wait()


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie waiting to be reaped has stopped)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] not in ("Z", "X")


def test_stop_returns_when_the_server_process_is_gone(tmp_path: Path) -> None:
    """`python -m graph stop` (issue 12, item 15): when it returns, the server's process has
    exited and its lock is free, so the data directory may be copied or opened at once."""
    import fcntl

    srv = EmbeddedServer(tmp_path, heap="512m")
    pid = srv.start().pid
    assert pid and _alive(pid)
    assert srv.stop()
    assert not _alive(pid)
    fd = os.open(tmp_path / ".server.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free: nobody holds it
    finally:
        os.close(fd)
    assert not srv.state_file.exists() and not srv.status().running


def test_the_server_leaves_on_sigterm_while_a_client_is_still_connected(tmp_path: Path) -> None:
    """An explorer still open (a driver never closed) must not keep the server alive after
    `graph stop`: it exits on its own, instead of being killed once `stop` gives up."""
    import signal

    from graph.store import open_store

    settings = Settings(data_dir=tmp_path)
    store = open_store(settings)  # left open on purpose, as a running explorer leaves it
    store.read("RETURN 1 AS one")
    srv = EmbeddedServer(tmp_path)
    pid = srv.status().pid
    assert pid and _alive(pid)
    os.kill(pid, signal.SIGTERM)
    try:
        assert srv._wait_stopped(pid, 30.0), "the server did not exit by itself"
    finally:
        srv.stop(timeout=5)
        store.close()


def test_clients_opening_a_new_data_directory_at_once_share_one_password(
    tmp_path: Path, monkeypatch
) -> None:
    """Two first ingests at once each made a password (and could rename each other's
    temporary file: FileNotFoundError): the one whose password lost would be refused by the
    server. A password that takes a while to make lets both find no credentials first."""
    import threading

    real = embedded.secrets.token_urlsafe

    def slow(n: int) -> str:
        time.sleep(0.3)
        return real(n)

    monkeypatch.setattr(embedded.secrets, "token_urlsafe", slow)
    folder = tmp_path / "new"
    got: list[str] = []
    errors: list[BaseException] = []

    def ask() -> None:
        try:
            got.append(EmbeddedServer(folder).password())
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(got) == 4 and len(set(got)) == 1
    assert json.loads((folder / "credentials.json").read_text())["password"] == got[0]
    assert not list(folder.glob("*.tmp"))
