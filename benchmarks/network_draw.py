"""How long the network view takes to draw in a real browser (headless Debian Chromium).

    python -m benchmarks.network_draw ../shared/corpus/seeds ../shared/corpus/dev/articles data/sample

Ingests the folders into a fresh embedded store (with the national court roster), then, for
each of `--rounds` rounds, starts `streamlit run app.py` afresh (so the app's caches are
cold), opens the network view around 最高人民法院 at depth 1 and times, as a person would
use it, changing the depth with the keyboard until vis-network has painted every node of the
new subgraph in the canvas:

- cold: depth 1 -> 2 (about 480 nodes: every high and intermediate court), the first time
  this server draws it;
- cached: depth 2 -> 1 -> 2 again, `--cached` times (the subgraph and its drawing data are
  in the app's caches);
- server: from the key press until the page's caption states the new subgraph, i.e. the
  app's run up to its query; the drawing data (layout), the transfer and the browser's
  drawing make the rest.

The machine's load average is reported beside the times: on a shared machine it explains
most of the spread between runs.

"Drawn" means: some frame's <body> has data-drawn="1" and its `window.cgNetwork` holds as
many nodes as the caption states. Target: a 500-node network draws in under 2 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import ingested_store
from tools.local_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

CAPTION = re.compile(r"周围 (\d) 步内：(\d+) 个节点")
DRAWN_JS = """() => document.body && document.body.dataset.drawn === "1" && window.cgNetwork
    ? Object.keys(window.cgNetwork.getPositions()).length : -1"""


def _drawn(page: Any) -> set[int]:
    """Node counts of the networks painted in the page's frames."""
    out = set()
    for frame in page.frames[1:]:
        try:
            out.add(int(frame.evaluate(DRAWN_JS)))
        except Exception:  # noqa: BLE001, S112 - frames come and go while Streamlit redraws
            continue
    return out


def _caption(page: Any, depth: int) -> int | None:
    """The node count the caption states for `depth`, once it does."""
    text = page.evaluate("() => document.body.innerText")
    for found in CAPTION.finditer(text):
        if int(found.group(1)) == depth:
            return int(found.group(2))
    return None


def _until_drawn(page: Any, depth: int, t0: float, timeout: float = 60.0) -> dict[str, float]:
    """Wait until the subgraph at `depth` is painted; seconds since `t0` to the caption (the
    server's part) and to the painted canvas."""
    server = None
    nodes = None
    while time.perf_counter() - t0 < timeout:
        if nodes is None:
            nodes = _caption(page, depth)
            if nodes is not None:
                server = time.perf_counter() - t0
        if nodes is not None and nodes in _drawn(page):
            return {"s": time.perf_counter() - t0, "server_s": server or 0.0, "nodes": nodes}
        page.wait_for_timeout(20)  # (not time.sleep: this lets Playwright see new frames)
    raise TimeoutError(
        f"depth {depth} not drawn within {timeout} s: caption states {nodes} nodes, frames"
        f" show {_drawn(page)}; page: {page.evaluate('() => document.body.innerText')[:600]}"
    )


def one_round(base: str, entity: str, cached: int, shot: Path | None = None) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            t0 = time.perf_counter()
            page.goto(f"{base}/?page=network&id={entity}&depth=1&limit=500")
            load = _until_drawn(page, 1, t0)
            slider = page.get_by_role("slider").first
            slider.focus()

            def change(key: str, depth: int) -> dict[str, float]:
                t0 = time.perf_counter()
                slider.press(key)
                return _until_drawn(page, depth, t0)

            cold = change("ArrowRight", 2)
            warm = []
            for _ in range(cached):
                change("ArrowLeft", 1)
                warm.append(change("ArrowRight", 2))
            if shot:
                page.wait_for_timeout(500)
                page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    return {
        "page_load_depth1_s": round(load["s"], 2),
        "depth1_nodes": load["nodes"],
        "depth2_nodes": cold["nodes"],
        "depth2_cold_s": round(cold["s"], 2),
        "depth2_cold_server_s": round(cold["server_s"], 2),
        "depth2_cached_s": [round(w["s"], 2) for w in warm],
        "depth2_cached_server_s": [round(w["server_s"], 2) for w in warm],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--entity", default="court:最高人民法院")
    ap.add_argument("--rounds", type=int, default=3, help="fresh app servers (cold caches)")
    ap.add_argument("--cached", type=int, default=3, help="cached redraws per round")
    ap.add_argument("--out", type=Path, help="also write the result to this JSON file")
    ap.add_argument("--screenshot", type=Path, help="a PNG of the page at depth 2 (first round)")
    args = ap.parse_args()
    rounds: list[dict[str, Any]] = []
    load_before = os.getloadavg()[0]
    with ingested_store(args.paths) as env:
        for _ in range(args.rounds):
            with streamlit_server(env) as base:
                shot = args.screenshot if not rounds else None
                rounds.append(one_round(base, args.entity, args.cached, shot))
    cold = [r["depth2_cold_s"] for r in rounds]
    cached = [s for r in rounds for s in r["depth2_cached_s"]]
    result = {
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "load_average_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "depth2_nodes": rounds[0]["depth2_nodes"],
        "depth2_cold_median_s": round(statistics.median(cold), 2),
        "depth2_cold_max_s": max(cold),
        "depth2_cached_median_s": round(statistics.median(cached), 2) if cached else None,
        "depth2_cached_max_s": max(cached) if cached else None,
        "rounds": rounds,
    }
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
