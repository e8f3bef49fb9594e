"""The embedded default: an ArcadeDB server with its Bolt plugin, in a background process.

`EmbeddedServer(data_dir).connect_info()` starts the server on first use and reuses it
afterwards from any process (the app, an ingest, the CLI). The server process owns the data
directory through an exclusive lock held for its lifetime, so a crashed server (kill -9)
leaves nothing that blocks the next start: its lock is gone with it, and stale state files
are replaced.

Files in the data directory:
    databases/           ArcadeDB's root (the `courtgraph` database, users, config)
    credentials.json     generated root password (mode 0600)
    server.json          pid and the loopback ports of the running server
    logs/server.log      the server's output (never the terminal)
    .server.lock         held by the running server process
    .start.lock          serializes concurrent starters

Run by hand: `python -m graph.embedded serve --data-dir DIR` (what `connect_info` spawns).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.errors import StoreUnavailable

DATABASE = "courtgraph"
USER = "root"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
COMMAND_TIMEOUT_MS = 60_000  # the server stops any single command after this
PROJECT_ROOT = Path(__file__).resolve().parents[1]


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


def _write_private(path: Path, data: str) -> None:
    """Write a file readable by its owner only, atomically."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


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
    def credentials_file(self) -> Path:
        return self.data_dir / "credentials.json"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "server.log"

    @property
    def _server_lock(self) -> Path:
        return self.data_dir / ".server.lock"

    # -- state -------------------------------------------------------------------------
    def _owner_alive(self) -> bool:
        """True while some process holds the server lock (the running server)."""
        if not self._server_lock.exists():
            return False
        with _flock(self._server_lock, blocking=False) as got:
            return not got

    def _read_state(self) -> dict[str, int] | None:
        try:
            return dict(json.loads(self.state_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def password(self) -> str:
        """The generated root password, created on first use (file mode 0600)."""
        try:
            return str(json.loads(self.credentials_file.read_text(encoding="utf-8"))["password"])
        except (OSError, ValueError, KeyError):
            pass
        self.data_dir.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(24)
        _write_private(self.credentials_file, json.dumps({"user": USER, "password": password}))
        return password

    def status(self) -> ServerStatus:
        state = self._read_state()
        alive = self._owner_alive()
        if not alive or not state or not _port_open(state["bolt_port"]):
            return ServerStatus(False, self.data_dir, log=self.log_file)
        return ServerStatus(
            True,
            self.data_dir,
            pid=state["pid"],
            bolt_port=state["bolt_port"],
            http_port=state["http_port"],
            log=self.log_file,
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
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        self.password()
        with _flock(self.data_dir / ".start.lock"):
            st = self.status()
            if st.running:
                return st
            if not self._owner_alive():
                self.state_file.unlink(missing_ok=True)  # stale: its owner is gone
                proc = self._spawn()
            else:
                proc = None  # another process is starting it; wait for its state file
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline:
                st = self.status()
                if st.running:
                    return st
                if proc is not None and proc.poll() is not None:
                    raise StoreUnavailable(
                        f"the embedded ArcadeDB server in {self.data_dir} exited during start "
                        f"(code {proc.returncode}). Last lines of {self.log_file}:\n"
                        + self._log_tail()
                    )
                time.sleep(0.2)
        raise StoreUnavailable(
            f"the embedded ArcadeDB server in {self.data_dir} did not start within "
            f"{self.start_timeout:.0f} s; see {self.log_file}"
        )

    def _spawn(self) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
        )
        log = open(self.log_file, "ab")  # noqa: SIM115 - handed to the child
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
                cwd=str(PROJECT_ROOT),
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
        """Stop the running server; True if one was running."""
        state = self._read_state()
        if not self._owner_alive():
            self.state_file.unlink(missing_ok=True)
            return False
        if state and state.get("pid"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(state["pid"], signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._owner_alive():
                self.state_file.unlink(missing_ok=True)
                return True
            time.sleep(0.2)
        if state and state.get("pid"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(state["pid"], signal.SIGKILL)
        self.state_file.unlink(missing_ok=True)
        return True


# -- the server process --------------------------------------------------------------------
def serve(data_dir: Path, heap: str) -> int:
    """Run the ArcadeDB server for `data_dir` until SIGTERM/SIGINT (the child process)."""
    server = EmbeddedServer(data_dir, heap=heap)
    data_dir = server.data_dir
    with _flock(server._server_lock, blocking=False) as got:
        if not got:
            print(f"another server already owns {data_dir}", flush=True)
            return 3
        root = data_dir / "databases"
        (root / "config").mkdir(parents=True, exist_ok=True)
        # MCP endpoint off (it is off by default; say so explicitly).
        mcp = root / "config" / "mcp-config.json"
        mcp.write_text(json.dumps({"enabled": False}), encoding="utf-8")
        # ArcadeDB writes ./log relative to the working directory: keep it in ours.
        os.chdir(data_dir / "logs")

        import arcadedb_embedded as adb

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
                "jvm_args": [f"-Darcadedb.command.timeout={COMMAND_TIMEOUT_MS}"],
            },
        )
        srv.start()
        try:
            db = srv.create_database(DATABASE)
            _apply_schema(db)
            _write_private(
                server.state_file,
                json.dumps({"pid": os.getpid(), "bolt_port": bolt_port, "http_port": http_port}),
            )
            print(f"courtgraph: ArcadeDB serving Bolt on 127.0.0.1:{bolt_port}", flush=True)
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            signal.signal(signal.SIGINT, lambda *_: stop.set())
            while not stop.wait(1.0):
                pass
        finally:
            server.state_file.unlink(missing_ok=True)
            srv.stop()
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.embedded")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the server in the foreground")
    s.add_argument("--data-dir", required=True, type=Path)
    s.add_argument("--heap", default="1g")
    args = parser.parse_args(argv)
    return serve(args.data_dir, args.heap)


if __name__ == "__main__":
    sys.exit(main())
