"""How long the network view takes to draw in a real browser (headless Debian Chromium).

    python -m benchmarks.network_draw ../shared/corpus/seeds ../shared/corpus/dev/articles data/sample

Ingests the folders into a fresh embedded store (with the national court roster), starts
`streamlit run app.py`, opens the network view and times, as a person would use it, the
change from depth 1 to depth 2 around 最高人民法院 (about 480 nodes: every high and
intermediate court) until vis-network has drawn it. Caches are cold for that view. Target:
a 500-node network draws in under 2 seconds.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.common import ingested_store

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(base: str, entity: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})

        def drawn() -> int:
            for frame in page.frames:
                try:
                    if frame.evaluate("() => document.body && document.body.dataset.drawn"):
                        return int(
                            frame.evaluate("Object.keys(window.cgNetwork.getPositions()).length")
                        )
                except Exception:  # noqa: BLE001 - frames come and go while Streamlit redraws
                    pass
            return 0

        def wait_for(more_than: int) -> float:
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < 60 and drawn() <= more_than:
                time.sleep(0.02)
            return time.perf_counter() - t0

        page.goto(f"{base}/?page=network&id={entity}&depth=1&limit=500")
        first = wait_for(0)
        small = drawn()
        slider = page.get_by_role("slider").first
        slider.focus()
        t0 = time.perf_counter()
        slider.press("ArrowRight")  # depth 1 -> 2
        wait_for(small)
        second = time.perf_counter() - t0
        nodes = drawn()
        browser.close()
    return {
        "page_load_depth1_s": round(first, 2),
        "depth1_nodes": small,
        "depth2_draw_s": round(second, 2),
        "depth2_nodes": nodes,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--entity", default="court:最高人民法院")
    args = ap.parse_args()
    with ingested_store(args.paths) as env:
        port = _port()
        app = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            result = measure(base, args.entity)
        finally:
            app.terminate()
            app.wait(timeout=20)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
