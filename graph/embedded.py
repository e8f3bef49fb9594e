"""The embedded default: an ArcadeDB server with its Bolt plugin, in a background process.

`EmbeddedServer(data_dir).connect_info()` starts the server on first use and reuses it
afterwards from any process (the app, an ingest, the CLI). The server process owns the data
directory through an exclusive lock held for its lifetime, so a crashed server (kill -9)
leaves nothing that blocks the next start: its lock is gone with it, and stale state files
are replaced.

The server restarts itself in place (os.execv: same pid, lock and ports, so clients and
their drivers carry on) when its JVM runs out of heap or cannot stop a query it was asked to
stop (`_Watchdog`); `EmbeddedServer.interruption` tells a client why its query was cut off,
and `await_restart` waits for the server to be back. It does so at most `RESTART_LIMIT` times
within `RESTART_WINDOW` seconds: then it stops, says why in its log and in server.failed, and
clients report that (`EmbeddedServer.gave_up`) instead of starting it again.

The directory and everything in it belong to the user running courtgraph and are private
(folders 0700, files 0600: the server runs under umask 077). A data directory or
credentials.json owned by another user, or open to group/others, is refused with the fix.
A client trusts server.json only when the process it names holds `.server.lock` and listens
on the port it names (read from /proc), so the password never goes to a stale port. A lock
holder that names itself neither in server.json nor in server.pending (starting or stopping)
(another copy of courtgraph's server, or some other program) is refused within seconds,
naming its pid and the fix, instead of being waited for until the start timeout.

Files in the data directory:
    databases/           ArcadeDB's root (the `courtgraph` database, users, config)
    credentials.json     generated root password (mode 0600)
    server.json          pid and the loopback ports of the running server
    server.pending       pid of a server that holds the lock but does not serve: starting,
                         stopping or restarting itself (then with the reason)
    server.oom           written by the server's JVM when it runs out of heap
    server.failed        written by a server that restarted itself too often and stopped
                         (`RESTART_LIMIT`): clients do not start another until `graph stop`
                         or until `RESTART_WINDOW` has passed
    logs/server.log      the server's output (never the terminal)
    .server.lock         held by the running server process
    .start.lock          serializes concurrent starters

Run by hand: `python -m graph.embedded serve --data-dir DIR` (what `connect_info` spawns).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import CourtgraphError, StoreUnavailable, os_reason_zh

DATABASE = "courtgraph"
USER = "root"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
COMMAND_TIMEOUT_MS = 60_000  # the server stops any single command after this
MAX_RANGE = 1_000_000  # elements one range() may produce
PROJECT_ROOT = Path(__file__).resolve().parents[1]  # the checkout, or site-packages


def _installed() -> bool:
    """True when `graph` was installed (pip install .), so any Python of this environment
    imports it without help; False in a checkout or an editable install."""
    import site

    folders = [*site.getsitepackages(), site.getusersitepackages()]
    return any(Path(f).resolve() == PROJECT_ROOT for f in folders)


@dataclass(frozen=True)
class ConnectInfo:
    uri: str
    user: str
    password: str
    database: str


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    data_dir: Path
    pid: int | None = None
    bolt_port: int | None = None
    http_port: int | None = None
    log: Path | None = None
    #: not running, yet a process holds the server lock (0: pid unknown): one starting or
    #: stopping, or one that does not serve on the port server.json names
    holder: int | None = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_open(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


#: seconds a lock holder may not listen on its port before the client gives up on it (a server
#: killed a moment ago holds its lock until it has exited)
FALSE_STATE_GRACE = 2.0
#: seconds a lock holder may go without naming itself in server.json or server.pending (a
#: server writes server.pending right after taking the lock, and again when it stops)
#: before the client refuses it
UNANNOUNCED_GRACE = 5.0


def _check_private(path: Path, what: str, *, directory: bool = False) -> None:
    """Keep `path` private to this user.

    Refused: a path another user owns, or one group or others may write (they could have
    replaced the graph or its password). Ours but readable by others (a directory an older
    courtgraph created 0755, or a umask of 002): made private on the spot (0700 / 0600) with a
    warning on stderr, so an upgrade never locks a court out of its own graph. `directory`:
    the path must be a folder (or absent); anything else is refused before it is touched
    (COURTGRAPH_DATA_DIR=notes.txt made the user's file 0600, then said it was no folder).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreUnavailable(f"无法检查{what} {path}（{os_reason_zh(exc)}）") from exc
    folder = stat.S_ISDIR(st.st_mode)
    if directory and not folder:
        raise StoreUnavailable(
            f"{what} {path} 不是文件夹：COURTGRAPH_DATA_DIR 应指向存放图库的文件夹，或一个还不"
            "存在的路径（将新建为文件夹）；这个文件没有改动"
        )
    if st.st_uid != os.geteuid():
        raise StoreUnavailable(
            f"{what} {path} 属于另一个用户（uid {st.st_uid}），他能读取或替换图谱及其密码。"
            "请使用您自己的数据目录（COURTGRAPH_DATA_DIR）；如果它确实是您的，请运行："
            f"chown -R {_user_name()} {path}"
        )
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o022:
        raise StoreUnavailable(
            f"{what} {path} 可被其他用户修改（权限 {mode:04o}）：请先确认没有人替换过它，"
            f"再运行 chmod {'700' if folder else '600'} {path} 改正"
        )
    if mode & 0o077:
        private = 0o700 if folder else 0o600
        try:
            os.chmod(path, private)
        except OSError as exc:
            raise StoreUnavailable(
                f"{what} {path} 可被其他用户读取（权限 {mode:04o}），且无法改为只有您可用"
                f"（{os_reason_zh(exc)}）：请运行 chmod {private:o} {path} 改正"
            ) from exc
        print(
            f"courtgraph: {what} {path} 曾可被其他用户读取（权限 {mode:04o}），"
            f"已改为只有您可用（{private:04o}）",
            file=sys.stderr,
        )


def _user_name() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):
        return str(os.geteuid())


def _lock_holder(lock: Path) -> int | None:
    """Pid of the process holding an flock on `lock`, from /proc/locks; None if nobody.

    Raises OSError where /proc/locks does not exist (not Linux).
    """
    try:
        st = os.stat(lock)
    except FileNotFoundError:
        return None
    text = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    for line in text.splitlines():
        fields = line.split()
        if "->" in fields or len(fields) < 6 or fields[1] != "FLOCK":
            continue  # "->": a process waiting for the lock, not holding it
        try:
            major, minor, inode = fields[5].split(":")
            if (int(inode), int(major, 16), int(minor, 16)) == (
                st.st_ino,
                os.major(st.st_dev),
                os.minor(st.st_dev),
            ):
                return int(fields[4])
        except ValueError:
            continue
    return None


def _listens(pid: int, port: int) -> bool:
    """True when process `pid` has a socket listening on loopback `port` (from /proc).

    Raises OSError where /proc cannot tell (not Linux, or another user's process).
    """
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text(encoding="ascii").splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes and int(local.rsplit(":", 1)[1], 16) == port:
                return True  # 0A: LISTEN
    return False


def _write_private(path: Path, data: str) -> None:
    """Write a file readable by its owner only, atomically (a temporary name of its own, so
    two writers never rename each other's)."""
    fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _flock(path: Path, *, blocking: bool = True) -> Iterator[bool]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class EmbeddedServer:
    """Manage the ArcadeDB server that owns `data_dir`."""

    def __init__(
        self, data_dir: str | Path, *, heap: str = "1g", start_timeout: float = 120.0
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.heap = heap
        self.start_timeout = start_timeout

    # -- paths -------------------------------------------------------------------------
    @property
    def state_file(self) -> Path:
        return self.data_dir / "server.json"

    @property
    def pending_file(self) -> Path:
        return self.data_dir / "server.pending"

    @property
    def oom_flag(self) -> Path:
        """Written by the server's JVM when it runs out of heap (it then restarts)."""
        return self.data_dir / "server.oom"

    @property
    def failed_file(self) -> Path:
        """Written by a server that stopped instead of restarting itself once more."""
        return self.data_dir / "server.failed"

    @property
    def credentials_file(self) -> Path:
        return self.data_dir / "credentials.json"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "server.log"

    @property
    def warm_file(self) -> Path:
        """The reads the server runs once after each start (`keep_warm`)."""
        return self.data_dir / "warm-reads.json"

    def keep_warm(self, reads: list[tuple[str, dict[str, Any]]]) -> None:
        """Have the server run `reads` (Cypher text, parameters) once after each start, in
        the background (`warm_up`): the explorer's first page on a just-started server then
        finds the engine's code compiled for them and their records read. A read that is
        not read-only, or whose parameters are not plain values, is not kept."""
        from graph.readonly import check_read_only

        kept: list[list[Any]] = []
        for cypher, params in reads[:WARM_READS]:
            try:
                check_read_only(cypher)
                kept.append([cypher, json.loads(json.dumps(params))])
            except (CourtgraphError, TypeError, ValueError):  # a write, or not JSON
                continue
        _write_private(self.warm_file, json.dumps(kept, ensure_ascii=False))

    @property
    def _server_lock(self) -> Path:
        return self.data_dir / ".server.lock"

    # -- state -------------------------------------------------------------------------
    def check_private(self) -> None:
        """Refuse a data directory or credentials file that other users own or can open.
        A password others could read is replaced (`_renew_exposed_password`)."""
        _check_private(self.data_dir, "数据目录", directory=True)
        self._renew_exposed_password()
        _check_private(self.credentials_file, "密码文件")

    def _renew_exposed_password(self) -> None:
        """A password file of ours that group or others can read (not write: refused by
        `_check_private`): its password may have been read, so it is not used again. With no
        server running, a new one is made: ArcadeDB's user file is removed first (the next
        start creates root with the password in credentials.json; courtgraph has no other
        user). A running server, or one starting, keeps the old password until stopped:
        refused, naming `python -m graph stop`."""
        path = self.credentials_file
        try:
            st = os.stat(path)
        except OSError:
            return  # missing, or unreadable: `_check_private` says so
        mode = stat.S_IMODE(st.st_mode)
        if st.st_uid != os.geteuid() or mode & 0o022 or not mode & 0o044:
            return
        users = self.data_dir / "databases" / "config" / "server-users.jsonl"
        with _flock(self.data_dir / ".start.lock", blocking=False) as free:
            if not free or self._holder() is not None:
                raise StoreUnavailable(
                    f"密码文件 {path} 可被其他用户读取（权限 {mode:04o}），其中的密码可能已被人看到，"
                    f"不能再用。请先停止服务器：python -m graph stop（数据目录 {self.data_dir}），"
                    "再运行任一命令，即自动换用新密码。 / the password file was readable by "
                    "other users: stop the server with `python -m graph stop`; the next "
                    "command makes a new password."
                )
            try:
                names = {
                    json.loads(line).get("name")
                    for line in users.read_text(encoding="utf-8").splitlines()
                    if line.strip()
                }
            except FileNotFoundError:
                names = set()
            except (OSError, ValueError, AttributeError) as exc:
                raise StoreUnavailable(
                    f"密码文件 {path} 可被其他用户读取（权限 {mode:04o}），需换新密码，但读不了 "
                    f"{users}（{exc}）。请检查该文件后重试。"
                ) from exc
            if names - {USER}:
                raise StoreUnavailable(
                    f"密码文件 {path} 可被其他用户读取（权限 {mode:04o}），需换新密码，但 {users} "
                    f"中还有其他用户（{', '.join(sorted(map(str, names - {USER})))}），"
                    "未自动处理。请在 ArcadeDB 中修改 root 密码后，把新密码写入该文件并 chmod 600。"
                )
            users.unlink(missing_ok=True)  # first: a new password beside the old hash locks us out
            password = secrets.token_urlsafe(24)
            _write_private(path, json.dumps({"user": USER, "password": password}))
        print(
            f"courtgraph: 密码文件 {path} 曾可被其他用户读取（权限 {mode:04o}），旧密码已作废，"
            "已换用新密码（只有您可读）。 / the password file was readable by other users: "
            "a new password replaces it.",
            file=sys.stderr,
        )

    def _make_data_dir(self, *, announce: bool = True) -> None:
        """Create the data directory (0700) and its logs folder, then check both are ours.
        A new directory is announced on stderr unless `announce` is false (a restore fills
        it at once: it is not an empty store)."""
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.data_dir.mkdir(mode=0o700)
            new = True
        except FileExistsError:
            new = False
        if new and announce:  # run from another folder, the default (data/graph) is new, empty
            print(
                f"courtgraph: 新建了空的数据目录 {self.data_dir.resolve()}（第一次使用时如此；"
                "若您的数据在别处，请设置 COURTGRAPH_DATA_DIR，或在存放 data/graph 的文件夹中运行）",
                file=sys.stderr,
                flush=True,
            )
        self.check_private()
        with contextlib.suppress(FileExistsError):
            self.log_file.parent.mkdir(mode=0o700)

    def _holder(self) -> int | None:
        """Pid of the process holding the server lock (0: held, pid unknown); None if free."""
        try:
            return _lock_holder(self._server_lock)
        except OSError:  # no /proc/locks: probe the lock instead
            return 0 if self._owner_alive() else None

    def _owner_alive(self) -> bool:
        """True while some process holds the server lock (the running server)."""
        if not self._server_lock.exists():
            return False
        with _flock(self._server_lock, blocking=False) as got:
            return not got

    def _serves(self, state: dict[str, int], holder: int) -> bool | None:
        """Whether the lock holder is the process in `state` and listens on its Bolt port.

        None when the state file belongs to an earlier server (another pid): the holder is
        still starting and will replace it.
        """
        pid, port = state.get("pid"), state.get("bolt_port")
        if not isinstance(pid, int) or not isinstance(port, int):
            return False
        if holder and pid != holder:
            return None
        try:
            return _listens(pid, port)
        except OSError:  # /proc cannot tell: at least something must listen there
            return _port_open(port)

    def _read_state(self) -> dict[str, int] | None:
        try:
            return dict(json.loads(self.state_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def password(self) -> str:
        """The generated root password, created on first use (file mode 0600)."""
        self.check_private()
        try:
            return str(json.loads(self.credentials_file.read_text(encoding="utf-8"))["password"])
        except (OSError, ValueError, KeyError):
            pass
        self._make_data_dir()
        # two processes opening a new data directory at once (two first ingests) must not
        # each make a password: the second would use one the server never got
        with _flock(self.data_dir / ".credentials.lock"):
            try:
                data = json.loads(self.credentials_file.read_text(encoding="utf-8"))
                return str(data["password"])
            except (OSError, ValueError, KeyError):
                pass
            password = secrets.token_urlsafe(24)
            _write_private(self.credentials_file, json.dumps({"user": USER, "password": password}))
        return password

    def status(self) -> ServerStatus:
        """Whether the server runs: the lock holder is the pid in server.json and listens on
        the port it names. Nothing is sent to that port."""
        self.check_private()
        state = self._read_state()
        holder = self._holder()
        if holder is None or not state or not self._serves(state, holder):
            return ServerStatus(False, self.data_dir, log=self.log_file, holder=holder)
        return ServerStatus(
            True,
            self.data_dir,
            pid=state["pid"],
            bolt_port=state["bolt_port"],
            http_port=state["http_port"],
            log=self.log_file,
        )

    # -- administration over the server's loopback HTTP API ---------------------------
    def admin(self, path: str, payload: dict[str, Any], *, timeout: float = 10.0) -> Any:
        """POST `payload` to the running server's HTTP API (`/api/v1/<path>`) as root and
        return the decoded answer. StoreUnavailable when it is not running or refuses."""
        st = self.status()
        if not st.running or st.http_port is None:
            raise StoreUnavailable(
                f"数据目录 {self.data_dir} 的内置服务器没有运行（python -m graph status 可查看）"
            )
        token = base64.b64encode(f"{USER}:{self.password()}".encode()).decode("ascii")
        request = urllib.request.Request(
            f"http://127.0.0.1:{st.http_port}/api/v1/{path}",
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json", "Authorization": f"Basic {token}"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:500]
            raise StoreUnavailable(
                f"内置服务器拒绝了 {path} 请求（HTTP {exc.code}: {detail}）"
            ) from exc
        except (OSError, ValueError) as exc:
            raise StoreUnavailable(
                f"内置服务器没有回应 {path} 请求（{type(exc).__name__}: {exc}）"
            ) from exc

    def terminate_queries(self, marker: str) -> int:
        """Ask the server to stop every running query whose text contains `marker` (a
        query the caller gave up on; ArcadeDB ignores the driver's transaction timeout).
        Returns how many it was asked to stop."""
        running = self.admin("server", {"command": "list queries"}).get("result") or []
        ids = [q["id"] for q in running if marker in str(q.get("text", ""))]
        for qid in ids:
            self.admin("server", {"command": f"terminate query {qid}"})
        return len(ids)

    # -- restarts ----------------------------------------------------------------------
    def restarts(self) -> int:
        """How many times the running server restarted itself (0 when it is not running)."""
        return int((self._read_state() or {}).get("restarts", 0))

    def _restarting(self) -> dict[str, Any] | None:
        """server.pending of a server restarting itself (its lock's holder), else None."""
        try:
            pending = dict(json.loads(self.pending_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        if "restarting" not in pending or self._holder() not in (pending.get("pid"), 0):
            return None
        return pending

    def interruption(self, since: int) -> str | None:
        """Why the server cut its queries off, if it did since it had restarted `since`
        times: OUT_OF_MEMORY (it ran out of heap and restarts, or restarted) or STUCK_QUERY
        (it restarted to stop a query it could not stop); None if it did not."""
        if self.oom_flag.exists():
            return OUT_OF_MEMORY
        pending = self._restarting()
        if pending is not None and int(pending.get("restarts", 0)) > since:
            return str(pending["restarting"])
        state = self._read_state() or {}
        if int(state.get("restarts", 0)) > since:
            return str(state.get("restarted_because") or STUCK_QUERY)
        return None

    def restarting(self) -> bool:
        """Whether the server is restarting itself now (out of heap, or between processes)."""
        return self.oom_flag.exists() or self._restarting() is not None

    def await_restart(self, timeout: float | None = None) -> None:
        """Wait while the server restarts itself, at most `timeout` seconds (default: the
        start timeout). Returns at once when it runs, or when it is not restarting (a stopped
        server is not started here, nor one that gave up restarting: `gave_up`)."""
        deadline = time.monotonic() + (self.start_timeout if timeout is None else timeout)
        while self.restarting() and not self.gave_up():
            if time.monotonic() > deadline:
                return
            time.sleep(0.2)

    def await_decision(self, timeout: float) -> str | None:
        """The `gave_up` message, or None: a server that ran out of heap decides within a
        second or so whether it restarts itself or stops (`RESTART_LIMIT`); wait for that
        at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            failed = self.gave_up()
            if failed or not self.oom_flag.exists() or self._restarting() is not None:
                return failed
            if time.monotonic() > deadline:
                return None
            time.sleep(0.1)

    def gave_up(self) -> str | None:
        """What to tell a person when the server stopped because it had restarted itself
        `RESTART_LIMIT` times within `RESTART_WINDOW` seconds (server.failed, for
        `RESTART_WINDOW` seconds after); None otherwise."""
        try:
            failed = dict(json.loads(self.failed_file.read_text(encoding="utf-8")))
            at, restarts = float(failed["at"]), int(failed["restarts"])
            reason = str(failed.get("reason") or "")
        except (OSError, ValueError, TypeError, KeyError):
            return None
        left = RESTART_WINDOW - (time.time() - at)
        if left <= 0:
            return None
        why = {OUT_OF_MEMORY: "内存不足", STUCK_QUERY: "有查询停不下来"}.get(reason, reason)
        return (
            f"内置数据库服务器（{self.data_dir}）在 {RESTART_WINDOW / 60:g} 分钟内自动重启了 "
            f"{restarts} 次仍未恢复（最后一次的原因：{why}），为免无休止地重启已停止；已保存的"
            f"数据不受影响。原因见 {self.log_file}（可能是某条查询每次都耗尽内存）。请运行 "
            f"`python -m graph stop` 后重试，或约 {max(left / 60, 1):.0f} 分钟后再试。"
            f" / the embedded server restarted itself {restarts} times within "
            f"{RESTART_WINDOW:g} s ({reason}) and stopped; see {self.log_file}, then run "
            "`python -m graph stop` and retry."
        )

    # -- start / stop ------------------------------------------------------------------
    def connect_info(self) -> ConnectInfo:
        """Connection details of the running server, starting it first if needed."""
        st = self.status()
        if not st.running:
            st = self.start()
        assert st.bolt_port is not None
        return ConnectInfo(f"bolt://127.0.0.1:{st.bolt_port}", USER, self.password(), DATABASE)

    def start(self) -> ServerStatus:
        """Start the server unless one already owns the data directory; wait until it listens."""
        self._make_data_dir()
        self.password()
        with _flock(self.data_dir / ".start.lock"):
            st = self.status()
            if st.running:
                return st
            failed = self.gave_up()
            if failed and self._holder() is None:
                raise StoreUnavailable(failed)  # another start would restart the loop
            if self._holder() is None:
                self.state_file.unlink(missing_ok=True)  # stale: its owner is gone
                proc = self._spawn()
            else:
                proc = None  # another process is starting it; wait for its state file
            deadline = time.monotonic() + self.start_timeout
            false_since: float | None = None
            unannounced_since: float | None = None
            while time.monotonic() < deadline:
                st = self.status()
                if st.running:
                    return st
                holder = self._holder()
                if holder and (proc is None or holder != proc.pid) and not self._announced(holder):
                    # the lock holder names itself nowhere: not a courtgraph server starting
                    # (that writes server.pending at once), and waiting would not change it
                    unannounced_since = unannounced_since or time.monotonic()
                    if time.monotonic() - unannounced_since > UNANNOUNCED_GRACE:
                        self._refuse_an_unannounced_holder(holder)
                else:
                    unannounced_since = None
                if proc is None and self._holder() is None:
                    # the holder was a server dying (killed a moment ago), not one starting:
                    # its lock is free now, so start ours
                    self.state_file.unlink(missing_ok=True)
                    proc = self._spawn()
                    continue
                if self._false_state():
                    # a server killed a moment ago still holds the lock while it exits; one
                    # that keeps holding it without listening is refused
                    false_since = false_since or time.monotonic()
                    if time.monotonic() - false_since > FALSE_STATE_GRACE:
                        self._refuse_a_false_state()
                else:
                    false_since = None
                if proc is not None and proc.poll() is not None:
                    raise StoreUnavailable(
                        f"数据目录 {self.data_dir} 的内置 ArcadeDB 服务器在启动中退出了（退出码 "
                        f"{proc.returncode}）。日志 {self.log_file} 的最后几行：\n"
                        + self._log_tail()
                    )
                time.sleep(0.2)
        raise StoreUnavailable(
            f"数据目录 {self.data_dir} 的内置 ArcadeDB 服务器在 {self.start_timeout:.0f} 秒内"
            f"没有启动完成（机器过忙，或服务器出了故障）：原因见日志 {self.log_file}；稍后再试"
        )

    def _announced(self, holder: int) -> bool:
        """Whether lock holder `holder` named itself: in server.json (running, or exiting) or
        in server.pending (starting or stopping)."""
        for path in (self.state_file, self.pending_file):
            try:
                if json.loads(path.read_text(encoding="utf-8")).get("pid") == holder:
                    return True
            except (OSError, ValueError, AttributeError):
                continue
        return False

    def _refuse_an_unannounced_holder(self, holder: int) -> None:
        """Fail fast when the process holding the lock named itself nowhere: say what it is
        and how to stop it. Nothing was sent to any port."""
        if self._holder() != holder or self._announced(holder):
            return  # it changed meanwhile: look again
        state = self._read_state()
        named = (
            f"{self.state_file.name} 记的是 pid {state.get('pid')}"
            if state
            else f"没有 {self.state_file.name}"
        )
        if _is_courtgraph_server(holder):
            raise StoreUnavailable(
                f"另一个 courtgraph 服务器（pid {holder}）占用着数据目录 {self.data_dir}，"
                f"但{named}：它是另一份或另一版本的 courtgraph 启动的，或者它的 "
                f"{self.state_file.name} 被删除了。没有向它发送任何内容。请用 python -m graph "
                f"stop（或 kill {holder}）停止它后重试"
            )
        raise StoreUnavailable(
            f"另一个进程（pid {holder}，{_process_name(holder)}）持有数据目录 {self.data_dir} "
            f"的锁（{self._server_lock.name}），它不是 courtgraph 服务器（{named}）。没有向它"
            f"发送任何内容。请停止它（python -m graph stop 或 kill {holder}），或改用另一个数据"
            "目录（COURTGRAPH_DATA_DIR）后重试"
        )

    def _false_state(self) -> bool:
        """The process holding the lock does not listen where server.json says."""
        state, holder = self._read_state(), self._holder()
        return bool(state and holder and self._serves(state, holder) is False)

    def _refuse_a_false_state(self) -> None:
        """Fail fast when the server holding the lock does not listen where server.json says
        (waiting would not help: the server writes that file once, when it is ready)."""
        state, holder = self._read_state(), self._holder()
        if not state or not holder or self._serves(state, holder) is not False:
            return
        raise StoreUnavailable(
            f"数据目录 {self.data_dir} 的内置服务器（pid {holder}）没有在 {self.state_file} "
            f"所记的端口（{state.get('bolt_port')}）上监听；没有向那里发送任何内容。请用 "
            f"python -m graph stop（或 kill {holder}）停止它后重试"
        )

    def _spawn(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        if not _installed():  # a checkout: the child finds `graph` through PYTHONPATH
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
            )
        fd = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        log = os.fdopen(fd, "ab")  # handed to the child
        try:
            return subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "graph.embedded",
                    "serve",
                    "--data-dir",
                    str(self.data_dir),
                    "--heap",
                    self.heap,
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=str(self.data_dir),  # `-m` puts it first on sys.path: holds no modules
                env=env,
                start_new_session=True,  # not killed with the terminal or the app
            )
        finally:
            log.close()

    def _log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the running server; True if one was running. Returns once its process has
        exited and its lock is free (the data directory may be copied or opened at once),
        killing it after `timeout` seconds.

        Stopping works even in a directory `check_private` refuses, when the process to stop
        is known from the lock itself (signalling it trusts nothing in the directory)."""
        holder = self._holder()
        try:
            self.check_private()
        except StoreUnavailable:
            if not holder:  # no server, or one named only by server.json: trust nothing
                raise
        state = self._read_state()
        self.failed_file.unlink(missing_ok=True)  # stopping by hand: the next use starts anew
        if holder is None:
            self.state_file.unlink(missing_ok=True)
            return False
        pid = holder or (state or {}).get("pid")  # the lock's holder, whatever server.json says
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        # the server lets go of its lock before its JVM and interpreter have exited: wait
        # for both, or a caller that copies or reopens the directory meets a live process
        if not self._wait_stopped(pid, timeout) and pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            self._wait_stopped(pid, KILL_WAIT)
        self.state_file.unlink(missing_ok=True)
        self.pending_file.unlink(missing_ok=True)  # a server killed while starting leaves it
        return True

    def _wait_stopped(self, pid: int | None, timeout: float) -> bool:
        """Wait until nobody holds the server lock and process `pid` has exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._holder() is None and (not pid or not _running(pid)):
                return True
            time.sleep(0.1)
        return False


#: seconds to wait for a killed server's process to go
KILL_WAIT = 10.0


def _cmdline(pid: int) -> list[str]:
    """The arguments process `pid` was started with ([] if /proc cannot tell)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return raw.decode("utf-8", "replace").split("\0")


def _is_courtgraph_server(pid: int) -> bool:
    """Whether process `pid` runs `python -m graph.embedded serve` (as `_spawn` starts it)."""
    args = _cmdline(pid)
    return any(
        a == "graph.embedded" and args[i + 1 : i + 2] == ["serve"] for i, a in enumerate(args)
    )


def _process_name(pid: int) -> str:
    """The short name of process `pid` (its executable's, from /proc), or "unknown"."""
    try:
        return Path(f"/proc/{pid}/comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "unknown"


def _running(pid: int) -> bool:
    """Whether process `pid` still runs. A zombie (exited, not yet reaped by the process that
    started it) has stopped; it is reaped here when that process is us."""
    with contextlib.suppress(ChildProcessError, OSError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process (not ours to judge): it exists
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True  # no /proc: the signal says it exists
    return stat_line.rsplit(")", 1)[-1].split()[:1] not in (["Z"], ["X"])


# -- the server process --------------------------------------------------------------------
#: seconds a query the server was asked to stop (by a client that gave up on it, or by the
#: watchdog once it outlived the command timeout) may keep running before the server restarts
#: itself: ArcadeDB checks for a stop only between rows, and a query busy inside one
#: expression (a huge string, a nested list comprehension) would run on for minutes
STUCK_GRACE = 10.0
#: seconds between two looks of the watchdog
WATCH_INTERVAL = 0.5
#: a server that would restart itself for the RESTART_LIMIT+1-th time within RESTART_WINDOW
#: seconds stops instead (server.failed says why): a query that runs out of memory at every
#: start, or a broken data directory, would otherwise restart it forever. A restart takes
#: 15-25 s, so such a loop stops within about four minutes; a person trying out queries
#: that run out of memory, one after another, rarely gets there (the slow tests run eight)
RESTART_LIMIT = 10
RESTART_WINDOW = 600.0
#: the exit status of a server that stopped so
RESTARTS_EXHAUSTED = 4
#: why a server restarted itself (server.pending while restarting, server.json afterwards)
OUT_OF_MEMORY = "out of memory"
STUCK_QUERY = "a query that could not be stopped"


def _hold_server_lock(path: Path, inherited: int | None) -> int | None:
    """The descriptor holding the exclusive lock on `path`, or None when another process
    holds it. `inherited`: the descriptor a restarting server kept across exec (checked to
    be that lock, still ours)."""
    if inherited is not None:
        st, mine = os.fstat(inherited), os.stat(path)
        if (st.st_dev, st.st_ino) != (mine.st_dev, mine.st_ino):
            raise SystemExit(f"--lock-fd {inherited} is not {path}")
        fcntl.flock(inherited, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ours already: a no-op
        os.set_inheritable(inherited, False)
        return inherited
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _bindable(port: int) -> bool:
    """Whether a server may listen on loopback `port` (the one it had before a restart)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the JVM's listeners do
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class _Watchdog(threading.Thread):
    """Decides, in the server process, when the server must restart itself.

    ArcadeDB keeps a query that died of an OutOfMemoryError in its list of running queries,
    holding one of its few concurrent-query slots (`arcadedb.queryMaxConcurrent`) for good:
    after a few, every query waits 30 s in its queue and fails. A query busy inside one
    expression ignores `terminate query` and the command timeout alike. Neither can be freed
    from outside (Java has no way to stop a thread), so the server restarts when
      - the JVM ran out of heap (its -XX:OnOutOfMemoryError hook writes `flag`), or an Error
        killed one of its threads (an OutOfMemoryError thrown by Java code has no hook);
      - a query it was asked to stop still runs STUCK_GRACE seconds later;
      - a query outlives the command timeout (its client may be gone): it is asked to stop
        first, and the rule above applies.
    `reason` says which; `stop` is set to end the serve loop.
    """

    def __init__(self, java_server: Any, flag: Path, stop: threading.Event) -> None:
        super().__init__(name="courtgraph-watchdog", daemon=True)
        self.java_server = java_server
        self.flag = flag
        self.stop = stop
        self.reason: str | None = None
        self.thread_died = threading.Event()
        self._asked: dict[str, float] = {}  # query id -> when it was first seen terminated

    def install_error_hook(self) -> None:
        """Note every Error that kills a JVM thread (the default handler; it still prints
        the stack trace to the log, as the JVM's own would)."""
        import jpype

        watchdog = self

        @jpype.JImplements("java.lang.Thread$UncaughtExceptionHandler")
        class Handler:
            @jpype.JOverride
            def uncaughtException(self, thread: Any, error: Any) -> None:  # noqa: N802
                if isinstance(error, jpype.JClass("java.lang.Error")):
                    watchdog.thread_died.set()
                    with contextlib.suppress(OSError):  # clients read it: see interruption()
                        watchdog.flag.touch()
                with contextlib.suppress(Exception):
                    print(f'Exception in thread "{thread.getName()}" {error}', flush=True)
                    error.printStackTrace()

        self._handler = Handler()  # kept: the JVM holds only a proxy
        jpype.JClass("java.lang.Thread").setDefaultUncaughtExceptionHandler(self._handler)

    def run(self) -> None:
        while not self.stop.wait(WATCH_INTERVAL):
            try:
                reason = self.look()
            except Exception as exc:  # noqa: BLE001 - a JVM that cannot answer: restart
                print(f"courtgraph: the watchdog could not look at the server: {exc}", flush=True)
                reason = OUT_OF_MEMORY if "OutOfMemory" in repr(exc) else None
            if reason:
                self.reason = reason
                self.stop.set()
                return

    def look(self) -> str | None:
        if self.flag.exists() or self.thread_died.is_set():
            return OUT_OF_MEMORY
        now = time.monotonic()
        running = {}
        for q in self.java_server.getRunningQueries().getRunning():
            if q.isEnded():
                continue
            qid = str(q.getId())
            running[qid] = q
            if q.isTerminated():
                if now - self._asked.setdefault(qid, now) > STUCK_GRACE:
                    print(
                        f"courtgraph: query {qid} still runs {STUCK_GRACE:g} s after it was "
                        f"asked to stop; restarting the server ({str(q.getText())[:200]!r})",
                        flush=True,
                    )
                    return STUCK_QUERY
            elif q.getElapsedMillis() > COMMAND_TIMEOUT_MS + STUCK_GRACE * 1000:
                q.terminate("courtgraph watchdog: past the command timeout")
        for qid in [k for k in self._asked if k not in running]:
            del self._asked[qid]
        return None


def _restart_times(earlier: list[float], now: float) -> list[float] | None:
    """The times of the restarts within RESTART_WINDOW, this one (`now`) included, or None
    when this one would exceed RESTART_LIMIT: the server must stop instead."""
    times = [t for t in earlier if now - RESTART_WINDOW < t <= now] + [now]
    return times if len(times) <= RESTART_LIMIT else None


def _give_up(server: EmbeddedServer, restarts: int, reason: str) -> None:
    """Say in the log and in server.failed (read by clients: `EmbeddedServer.gave_up`) that
    the server stops rather than restart itself once more."""
    _write_private(
        server.failed_file,
        json.dumps({"pid": os.getpid(), "restarts": restarts, "reason": reason, "at": time.time()}),
    )
    print(
        f"courtgraph: ERROR: the server restarted itself {restarts} times within "
        f"{RESTART_WINDOW:g} s (last: {reason}); it stops instead of restarting again. Find "
        "the query or the fault above, then run `python -m graph stop` (clients refuse to "
        f"start it again for {RESTART_WINDOW:g} s until then).",
        flush=True,
    )


def _restart(
    server: EmbeddedServer,
    lock_fd: int,
    ports: tuple[int, int],
    restarts: int,
    reason: str,
    times: list[float],
) -> None:
    """Replace this process by a fresh server (os.execv: same pid, so server.json's
    clients and the lock's holder stay the same; same ports, so open drivers reconnect).
    Only the lock's descriptor crosses over: the JVM's files and sockets close."""
    os.set_inheritable(lock_fd, True)
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd != lock_fd:
            with contextlib.suppress(OSError):
                os.set_inheritable(fd, False)
    os.chdir(server.data_dir)  # `-m` puts it first on sys.path: holds no modules
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "graph.embedded",
            "serve",
            "--data-dir",
            str(server.data_dir),
            "--heap",
            server.heap,
            "--lock-fd",
            str(lock_fd),
            "--ports",
            f"{ports[0]},{ports[1]}",
            "--restarts",
            str(restarts),
            "--restarted-because",
            reason,
            "--restart-times",
            ",".join(f"{t:.3f}" for t in times),
        ],
    )


#: at most this many reads are kept for the server's warm-up (`EmbeddedServer.keep_warm`)
WARM_READS = 40
#: and no warm-up read starts after this many seconds (one running then may take up to the
#: command timeout)
WARM_S = 60.0


def warm_up(server: EmbeddedServer, db: Any) -> int:
    """Run the reads kept in `server.warm_file` once each on `db` (the served database,
    in the server's process), each result read to its end; the number that answered. A
    read that fails, is not read-only (the file is checked again: it is the owner's, but
    written by another process) or would start after `WARM_S` is passed over (a read
    running then is not stopped: it may take up to the command timeout).

    A server started a moment ago answers each kind of read several times slower the first
    time (its JVM compiles the query engine's code for it; its caches hold none of the
    graph): on the 1M-relationship benchmark graph, 总览's reads took 3.5-4.7 s the first
    time and 1.2-2.1 s the second at load 18. Run in the background from the start, they
    are paid before the explorer's first visitor asks, or beside that visitor's own
    first reads when the visit started the server."""
    from graph.readonly import check_read_only

    try:
        reads = json.loads(server.warm_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    done = 0
    end = time.monotonic() + WARM_S
    for item in reads[:WARM_READS] if isinstance(reads, list) else []:
        if time.monotonic() > end:
            break
        try:
            cypher, params = item
            result = db.query("opencypher", check_read_only(str(cypher)), dict(params))
            for _row in result:
                pass
            done += 1
        except Exception:  # noqa: BLE001 - a warm-up read that fails costs nothing more
            continue
    return done


def warms_up(server: EmbeddedServer, restarted_because: str | None) -> bool:
    """Whether a server starting now runs its kept reads (`warm_up`): on a start, not on a
    restart in place (`restarted_because`: a stuck query, the heap run out), whose reads
    could be the cause again and whose engine has run them before."""
    return restarted_because is None and server.warm_file.exists()


def _warm_in_background(server: EmbeddedServer, db: Any) -> None:
    t0 = time.monotonic()
    done = warm_up(server, db)
    if done:
        print(f"courtgraph: ran {done} kept reads in {time.monotonic() - t0:.1f} s", flush=True)


def serve(
    data_dir: Path,
    heap: str,
    *,
    lock_fd: int | None = None,
    ports: tuple[int, int] | None = None,
    restarts: int = 0,
    restarted_because: str | None = None,
    restart_times: list[float] | None = None,
) -> int:
    """Run the ArcadeDB server for `data_dir` until SIGTERM/SIGINT (the child process).

    It restarts itself in place (see `_Watchdog`) when it ran out of memory or cannot stop a
    query, at most RESTART_LIMIT times within RESTART_WINDOW seconds (then it stops);
    `lock_fd`, `ports`, `restarts`, `restarted_because` and `restart_times` (when it
    restarted, time.time()) carry its state across.
    """
    os.umask(0o077)  # every file ArcadeDB (and we) create: owner only
    server = EmbeddedServer(data_dir, heap=heap)
    data_dir = server.data_dir
    server._make_data_dir()
    fd = _hold_server_lock(server._server_lock, lock_fd)
    if fd is None:
        print(f"another server already owns {data_dir}", flush=True)
        return 3
    try:
        return _serve_locked(
            server, fd, ports, restarts, restarted_because, list(restart_times or [])
        )
    finally:
        os.close(fd)  # lets go of the lock


def _serve_locked(
    server: EmbeddedServer,
    lock_fd: int,
    ports: tuple[int, int] | None,
    restarts: int,
    restarted_because: str | None,
    restart_times: list[float],
) -> int:
    data_dir, heap = server.data_dir, server.heap
    server.state_file.unlink(missing_ok=True)  # an earlier server's: no client may trust it
    # say at once that the lock's holder is a courtgraph server starting: clients wait
    # for it, and refuse a holder that names itself nowhere
    pending: dict[str, Any] = {"pid": os.getpid(), "restarts": restarts}
    if restarted_because:
        pending["restarting"] = restarted_because
    _write_private(server.pending_file, json.dumps(pending))
    server.oom_flag.unlink(missing_ok=True)  # the last JVM's: this one has not run out
    server.failed_file.unlink(missing_ok=True)  # an earlier server's: this one starts anew
    root = data_dir / "databases"
    (root / "config").mkdir(parents=True, exist_ok=True)
    # MCP endpoint off (it is off by default; say so explicitly).
    mcp = root / "config" / "mcp-config.json"
    mcp.write_text(json.dumps({"enabled": False}), encoding="utf-8")
    # ArcadeDB writes ./log relative to the working directory: keep it in ours.
    os.chdir(data_dir / "logs")

    import arcadedb_embedded as adb

    if ports and all(_bindable(p) for p in ports):
        bolt_port, http_port = ports  # a restart: clients' drivers know these
    else:
        bolt_port, http_port = _free_port(), _free_port()
    srv = adb.ArcadeDBServer(
        root_path=str(root),
        root_password=server.password(),
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "server_plugins": BOLT_PLUGIN,
            "bolt_port": bolt_port,
            "studio_enabled": False,
            "backup_enabled": False,
        },
        # a safety net: ArcadeDB ignores the driver's per-query timeout
        jvm_kwargs={
            "heap_size": heap,
            "jvm_args": [
                f"-Darcadedb.command.timeout={COMMAND_TIMEOUT_MS}",
                # one query's memory: at most this many elements from a range(), and
                # (ArcadeDB's defaults, said here) half the heap for the buffers of all
                # queries at once (collect, ORDER BY, DISTINCT, cartesian products)
                f"-Darcadedb.queryMaxRangeSize={MAX_RANGE}",
                # out of heap: say so (the watchdog restarts the server). Run by /bin/sh
                # in our working directory (logs/), so no path needs quoting
                f"-XX:OnOutOfMemoryError=: > ../{server.oom_flag.name}",
            ],
        },
    )
    stop = threading.Event()
    srv.start()
    watchdog = _Watchdog(srv._java_server, server.oom_flag, stop)
    try:
        watchdog.install_error_hook()
        db = srv.create_database(DATABASE)
        _apply_schema(db)
        state: dict[str, Any] = {
            "pid": os.getpid(),
            "bolt_port": bolt_port,
            "http_port": http_port,
            "restarts": restarts,
        }
        if restarted_because:
            state["restarted_because"] = restarted_because
        _write_private(server.state_file, json.dumps(state))
        server.pending_file.unlink(missing_ok=True)  # started: server.json says so
        print(f"courtgraph: ArcadeDB serving Bolt on 127.0.0.1:{bolt_port}", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        watchdog.start()
        if warms_up(server, restarted_because):  # the explorer's first reads, before it asks
            threading.Thread(
                target=_warm_in_background, args=(server, db), name="warm-up", daemon=True
            ).start()
        while not stop.wait(1.0):
            pass
    finally:
        # stopping: still the lock's holder, no longer serving
        pending = {"pid": os.getpid(), "restarts": restarts}
        times = _restart_times(restart_times, time.time()) if watchdog.reason else None
        if watchdog.reason and times is None:
            # restarted too often: stop without a graceful stop (as for a restart, below),
            # saying why; clients read server.failed and do not start another
            _give_up(server, RESTART_LIMIT, watchdog.reason)
            server.state_file.unlink(missing_ok=True)
            server.pending_file.unlink(missing_ok=True)
            server.oom_flag.unlink(missing_ok=True)
            sys.stdout.flush()
            os._exit(RESTARTS_EXHAUSTED)
        if watchdog.reason:
            pending = {"pid": os.getpid(), "restarts": restarts + 1}
            pending["restarting"] = watchdog.reason
        _write_private(server.pending_file, json.dumps(pending))
        server.state_file.unlink(missing_ok=True)
        if watchdog.reason:
            print(f"courtgraph: restarting ArcadeDB: {watchdog.reason}", flush=True)
            # no graceful stop: while it shuts down, the JVM still accepts connections and
            # refuses their credentials (a write retried by the driver failed as "refused the
            # credentials"); at once, they are refused and the driver retries until the new
            # server answers. ArcadeDB's journal makes this as safe as kill -9 (tested)
            assert times is not None
            _restart(server, lock_fd, (bolt_port, http_port), restarts + 1, watchdog.reason, times)
        srv.stop()
        server.pending_file.unlink(missing_ok=True)
        print("courtgraph: ArcadeDB stopped", flush=True)
    return 0


def _apply_schema(db: object) -> None:
    from graph.dialect import ARCADEDB_SCHEMA, arcadedb_fulltext_schema
    from graph.model import ENTITY_LABELS

    statements = list(ARCADEDB_SCHEMA)
    for label in ENTITY_LABELS:
        statements.append(f"CREATE VERTEX TYPE `{label}` IF NOT EXISTS")
        statements.extend(arcadedb_fulltext_schema(label))
    for stmt in statements:
        db.command("sql", stmt)  # type: ignore[attr-defined]
    # ArcadeDB stores a node with two labels in a type of its own (`Court~Entity`), made by
    # the first CREATE that needs it; two processes writing their first court at once race
    # to make it and one fails. Make them here, under the server's lock: the nodes roll
    # back, the types (schema) stay.
    for label in ENTITY_LABELS:
        db.begin()  # type: ignore[attr-defined]
        try:
            db.command("opencypher", f"CREATE (n:`{label}`:Entity) RETURN count(n) AS n")  # type: ignore[attr-defined]
        finally:
            db.rollback()  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.embedded")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the server in the foreground")
    s.add_argument("--data-dir", required=True, type=Path)
    s.add_argument("--heap", default="1g")
    # set by a server restarting itself (os.execv), not by hand
    s.add_argument("--lock-fd", type=int, help=argparse.SUPPRESS)
    s.add_argument("--ports", help=argparse.SUPPRESS)
    s.add_argument("--restarts", type=int, default=0, help=argparse.SUPPRESS)
    s.add_argument("--restarted-because", help=argparse.SUPPRESS)
    s.add_argument("--restart-times", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ports = tuple(int(p) for p in args.ports.split(",")) if args.ports else None
    return serve(
        args.data_dir,
        args.heap,
        lock_fd=args.lock_fd,
        ports=(ports[0], ports[1]) if ports else None,
        restarts=args.restarts,
        restarted_because=args.restarted_because,
        restart_times=[float(t) for t in args.restart_times.split(",")]
        if args.restart_times
        else None,
    )


if __name__ == "__main__":
    code = main()
    # The databases are closed and the lock is free: leave now. A client that never closed
    # its connection (an explorer still open) keeps the JVM's connection threads alive, and
    # a normal exit would wait for them until `stop` gives up and kills the process.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
