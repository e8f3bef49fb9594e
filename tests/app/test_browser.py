"""The explorer in a real headless Chromium: click to an initiative, open the network view,
see nodes drawn (vis-network loaded once, from this server; a new depth sends data only),
click a node, and check that no request leaves this machine; the exported HTML page draws
on its own.

The two tests on a running explorer are slow (a Streamlit server, Chromium, ~10 s of CPU each):
`--runslow` runs them, as CI does; the exported page's check stays in the default run.
AppTest covers the same pages without a browser (test_network_page.py, test_pages.py)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests import graph_fixtures as g
from tools.local_server import CHROMIUM, CHROMIUM_ARGS, ServerDidNotStart, streamlit_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("COURTGRAPH_SCREENSHOTS", ROOT / "log" / "screenshots"))
LOCAL = {"127.0.0.1", "localhost", "::1", ""}


@pytest.fixture
def server(small_store, embedded_dir: Path):
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (no browser download)"
    )
    env = {**os.environ, "COURTGRAPH_DATA_DIR": str(embedded_dir)}
    env.pop("NEO4J_URI", None)
    try:
        with streamlit_server(env) as base:
            yield base
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.mark.slow  # a Streamlit server and Chromium: CI's slow step
def test_click_to_an_initiative_and_draw_its_network(server: str) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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

            # the network view of the same initiative: a component page that loads
            # vis-network once, from this server
            page.goto(
                f"{server}/?page=network&id={g.SUYUAN}&depth=2", wait_until="domcontentloaded"
            )
            frame_el = page.locator("iframe[src*='/component/']").first
            frame_el.wait_for(timeout=60_000)
            frame = frame_el.element_handle().content_frame()
            assert frame is not None
            frame.locator("body[data-drawn='1']").wait_for(timeout=30_000)
            assert frame.locator("#cg-network canvas").count() == 1
            drawn = frame.evaluate("Object.keys(window.cgNetwork.getPositions()).length")
            assert drawn == _caption_nodes(page, 2)
            assert drawn >= 5
            assert "法院 Court" in frame.locator("#cg-legend").inner_text()
            scripts = frame.evaluate(
                "Array.from(document.scripts).filter(s => s.src).map(s => s.src)"
            )
            assert any(s.endswith("/vendor/vis-network.min.js") for s in scripts), scripts
            assert all(urlparse(s).hostname in LOCAL for s in scripts), scripts

            # clicking a node on the canvas shows its details
            xy = frame.evaluate(
                f"(() => {{ const n = window.cgNetwork;"
                f" return n.canvasToDOM(n.getPositions([{g.BING!r}])[{g.BING!r}]); }})()"
            )
            frame.locator("#cg-network canvas").click(position={"x": xy["x"], "y": xy["y"]})
            frame.locator("#cg-details").get_by_text("基层法院").wait_for(timeout=10_000)
            page.wait_for_timeout(500)
            frame_el.screenshot(path=str(SHOTS / "network.png"))
            page.screenshot(path=str(SHOTS / "network-page.png"), full_page=True)

            # depth 2 -> 1 redraws in the same page: only data travels, vis-network stays
            slider = page.get_by_role("slider").first
            slider.focus()
            slider.press("ArrowLeft")
            frame.locator("body[data-draws='2'][data-drawn='1']").wait_for(timeout=30_000)
            smaller = frame.evaluate("Object.keys(window.cgNetwork.getPositions()).length")
            assert smaller == _caption_nodes(page, 1) and smaller < drawn
            assert frame.locator("#cg-details").is_hidden()
            assert sum(u.endswith("/vis-network.min.js") for u in requests) == 1
        finally:
            browser.close()
    outside = [
        u
        for u in requests
        if urlparse(u).scheme in ("http", "https", "ws", "wss")
        and urlparse(u).hostname not in LOCAL
    ]
    assert requests and not outside, outside


@pytest.mark.slow  # a Streamlit server and Chromium: CI's slow step
def test_download_buttons_clicked_in_a_row_each_give_their_file(server: str) -> None:
    """A person clicks 导出's buttons one after another without waiting: every file arrives
    (a click reran the page, and a button clicked during that rerun gave nothing), and the
    pictures are the ones drawn alone (drawn in Streamlit's threads while a run ended)."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    labels = ["图片 PNG", "矢量图 SVG", "幻灯片 PPTX", "离线网页 HTML", "GraphML", "GEXF"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1400}, accept_downloads=True)
            got: list = []
            page.on("download", lambda d: got.append(d))
            page.goto(f"{server}/?page=export&id={quote(g.MID)}", wait_until="domcontentloaded")
            main = page.locator('[data-testid="stMain"]')
            main.get_by_role("button", name="GEXF", exact=True).wait_for(timeout=60_000)
            for label in labels:
                main.get_by_role("button", name=label, exact=True).click()
                page.wait_for_timeout(100)
            for _ in range(120):
                if len(got) >= len(labels):
                    break
                page.wait_for_timeout(500)
            names = sorted(d.suggested_filename.rsplit(".", 1)[1] for d in got)
            assert names == ["gexf", "graphml", "html", "png", "pptx", "svg"]
            png = next(d for d in got if d.suggested_filename.endswith(".png")).path()
            assert png is not None and Path(png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        finally:
            browser.close()


def _caption_nodes(page, depth: int) -> int:
    """The node count the page's caption states for `depth`."""
    text = page.get_by_text(re.compile(f"周围 {depth} 步内：\\d+ 个节点")).first
    text.wait_for(timeout=30_000)
    found = re.search(r"(\d+) 个节点", text.inner_text())
    assert found is not None
    return int(found.group(1))


@pytest.mark.slow  # a Streamlit server and Chromium: CI's slow step
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
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{server}/?page=import", wait_until="domcontentloaded")
            page.get_by_role("region", name="选择文件").locator("input[type=file]").set_input_files(
                [str(good), str(broken)]
            )
            page.get_by_text("上传样例.txt").first.wait_for(timeout=30_000)
            page.get_by_role("button", name="开始导入").click()
            page.get_by_text("个文件未能导入").first.wait_for(timeout=180_000)
            summary = page.locator("code").first.inner_text()
            page.screenshot(path=str(tmp_path / "import.png"), full_page=True)
        finally:
            browser.close()
    # recorded as uploads (name, when; no accounts here, so no one's name), not as paths
    assert "读取 2 篇；新增 1 篇" in summary and "新增：上传：上传样例.txt（" in summary
    assert "失败：上传：坏文件.pdf（" in summary


def test_the_upload_widgets_speak_chinese(server: str) -> None:
    """Streamlit's upload widget says Upload, "50MB per file • TXT, …" and "Drag and drop
    files here" whatever the page's language (a new user's finding): the page's own style
    sheet shows Chinese in their place, while idle and while a file is dragged over it."""
    from playwright.sync_api import sync_playwright

    from ui.importer import TYPES

    after = """s => { const e = document.querySelector(s);
                      return e ? getComputedStyle(e, '::after').content : null; }"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{server}/?page=import", wait_until="domcontentloaded")
            page.wait_for_selector(
                ".st-key-import-roster [data-testid=stFileUploaderDropzoneInstructions]",
                timeout=60_000,
            )
            page.wait_for_timeout(500)  # the page's style element, sent after the widget
            seen = {}
            for key, types in (("import-files", TYPES), ("import-roster", ["csv", "xlsx"])):
                zone = f".st-key-{key} [data-testid=stFileUploaderDropzone]"
                button = page.evaluate(after, f"{zone} button [data-testid=stMarkdownContainer] p")
                line = page.evaluate(
                    after, f"{zone} [data-testid=stFileUploaderDropzoneInstructions] span"
                )
                seen[key] = (button, line)
                assert button == '"选择文件"'
                assert "每个文件不超过" in line and " ".join(f".{t}" for t in types) in line
            files = page.locator(".st-key-import-files [data-testid=stFileUploaderDropzone]")
            dragged = page.evaluate_handle(
                "() => { const d = new DataTransfer();"
                " d.items.add(new File(['x'], 'a.txt', {type: 'text/plain'})); return d; }"
            )
            files.dispatch_event("dragenter", {"dataTransfer": dragged})
            overlay = ".st-key-import-files [data-testid=stFileUploaderDropzone]"
            page.wait_for_function(
                f"() => document.querySelector('{overlay} > div:not([data-testid]) > span')"
            )
            assert page.evaluate(after, f"{overlay} > div:not([data-testid]) > span") == (
                '"松开鼠标即可添加文件"'
            )
            files.dispatch_event("dragleave", {"dataTransfer": dragged})
            # files chosen: the dropzone lists them, and says nothing of releasing the mouse
            # (it said 松开鼠标即可添加文件 beside the chosen files: a new user's finding)
            files.locator("input[type=file]").set_input_files(
                [{"name": "甲.txt", "mimeType": "text/plain", "buffer": "甲法院".encode()}]
            )
            page.get_by_text("甲.txt").first.wait_for(timeout=30_000)
            words = page.evaluate(
                """s => [...document.querySelectorAll(s)].map(
                       e => getComputedStyle(e, '::after').content)""",
                f"{overlay} *",
            )
            assert '"松开鼠标即可添加文件"' not in words
        finally:
            browser.close()


def test_the_exported_page_draws_on_its_own(tmp_path: Path) -> None:
    """The 离线网页 HTML download: opened from disk, it draws without asking for anything."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    pytest.importorskip("playwright.sync_api")
    import networkx as nx
    from playwright.sync_api import sync_playwright

    from figures.render import network_html

    graph = nx.MultiDiGraph()
    graph.add_node(g.BING, kind="Court", name="甲省乙市丙区人民法院", level="basic")
    graph.add_node(g.SUYUAN, kind="Initiative", name="诉源治理")
    graph.add_edge(g.BING, g.SUYUAN, key="e1", type="ADOPTED", stage="adopted")
    page_file = tmp_path / "诉源治理.html"
    page_file.write_text(network_html(graph, title="诉源治理", embed_font=True), "utf-8")
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.locator("body[data-drawn='1']").wait_for(timeout=30_000)
            assert page.evaluate("Object.keys(window.cgNetwork.getPositions()).length") == 2
            assert "改革举措 Initiative" in page.locator("#cg-legend").inner_text()
            page.evaluate(f"window.cgShow({g.BING!r})")
            assert "基层法院" in page.locator("#cg-details").inner_text()
        finally:
            browser.close()
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests
