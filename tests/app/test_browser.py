"""The explorer in a real headless Chromium: click to an initiative, open the network view,
see nodes drawn, and check that no request leaves this machine."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests import graph_fixtures as g

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("COURTGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("COURTGRAPH_SCREENSHOTS", ROOT / "log" / "screenshots"))
LOCAL = {"127.0.0.1", "localhost", "::1", ""}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(small_store, embedded_dir: Path):  # type: ignore[no-untyped-def]
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (no browser download)"
    )
    port = _free_port()
    env = {**os.environ, "COURTGRAPH_DATA_DIR": str(embedded_dir)}
    env.pop("NEO4J_URI", None)
    proc = subprocess.Popen(
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
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(
                "streamlit did not start: " + proc.stderr.read(2000).decode() if proc.stderr else ""
            )
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_click_to_an_initiative_and_draw_its_network(server: str) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{server}/?page=overview", wait_until="domcontentloaded")
            page.get_by_text("采用单位最多的举措").wait_for(timeout=60_000)
            page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)

            # to the initiative page through the sidebar, as a person would
            page.get_by_text("举措", exact=True).first.click()
            page.get_by_text("3 个单位", exact=False).first.wait_for(timeout=60_000)
            assert "page=initiative" in page.url
            # table cells are drawn on a canvas; their accessible copies are hidden
            page.get_by_text("甲省乙市丁县人民法院").first.wait_for(
                state="attached", timeout=30_000
            )
            page.wait_for_timeout(1000)
            page.screenshot(path=str(SHOTS / "initiative.png"), full_page=True)

            # the network view of the same initiative
            page.goto(
                f"{server}/?page=network&id={g.SUYUAN}&depth=2", wait_until="domcontentloaded"
            )
            frame_el = page.locator("iframe").first
            frame_el.wait_for(timeout=60_000)
            frame = frame_el.element_handle().content_frame()
            assert frame is not None
            frame.locator("body[data-drawn='1']").wait_for(timeout=30_000)
            assert frame.locator("#cg-network canvas").count() == 1
            drawn = frame.evaluate("Object.keys(window.cgNetwork.getPositions()).length")
            assert drawn >= 5
            # clicking a node shows its details
            frame.evaluate(f"window.cgShow({g.BING!r})")
            frame.locator("#cg-details").get_by_text("基层法院").wait_for(timeout=10_000)
            page.wait_for_timeout(500)
            frame_el.screenshot(path=str(SHOTS / "network.png"))
            page.screenshot(path=str(SHOTS / "network-page.png"), full_page=True)
        finally:
            browser.close()
    outside = [
        u
        for u in requests
        if urlparse(u).scheme in ("http", "https", "ws", "wss")
        and urlparse(u).hostname not in LOCAL
    ]
    assert requests and not outside, outside


def test_upload_and_ingest_through_the_import_page(server: str, tmp_path: Path) -> None:
    """A person uploads two files on 导入: the good one is ingested, the broken one reported."""
    from playwright.sync_api import sync_playwright

    good = tmp_path / "上传样例.txt"
    good.write_text(
        "发布时间：2024-06-01\n丁县法院今年起在全县推行诉源治理，诉前调解成功案件520件。\n",
        encoding="utf-8",
    )
    broken = tmp_path / "坏文件.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated \x00\x01")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{server}/?page=import", wait_until="domcontentloaded")
            page.locator("input[type=file]").set_input_files([str(good), str(broken)])
            page.get_by_text("上传样例.txt").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="开始导入").click()
            page.get_by_text("个文件未能导入").first.wait_for(timeout=180_000)
            summary = page.locator("code").first.inner_text()
            page.screenshot(path=str(tmp_path / "import.png"), full_page=True)
        finally:
            browser.close()
    assert "documents read: 2; added: 1" in summary
    assert "坏文件.pdf" in summary
