"""The explorer on a free local port, and the headless Chromium that opens it: shared by the
browser tests (tests/app/test_browser.py) and the draw benchmark (benchmarks/network_draw.py).

    with streamlit_server(env) as base:       # base = "http://127.0.0.1:<port>"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
# Debian's packaged Chromium (apt-get install chromium); Playwright downloads no browser
CHROMIUM = os.environ.get("COURTGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class ServerDidNotStart(RuntimeError):
    """`streamlit run app.py` exited or did not answer its health check in time."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as r:
            return bool(r.status == 200)
    except OSError:
        return False


@contextmanager
def streamlit_server(
    env: Mapping[str, str] | None = None, *, timeout: float = 60.0
) -> Iterator[str]:
    """Run `streamlit run app.py` on 127.0.0.1 with `env` (default: this process's); yields
    its base URL once it answers, and stops it afterwards. ServerDidNotStart carries the end
    of its stderr when it does not come up within `timeout` seconds."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    # stderr to a file, not a pipe: nobody reads a pipe while the server runs, and a full one
    # would stall the server
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(os.environ if env is None else env),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            deadline = time.monotonic() + timeout
            while not _healthy(base):
                if proc.poll() is not None or time.monotonic() > deadline:
                    err.seek(0)
                    tail = err.read().decode("utf-8", "replace")[-2000:]
                    raise ServerDidNotStart(f"streamlit did not start on {base}:\n{tail}")
                time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
