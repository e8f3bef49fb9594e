"""The 审核 page in a real headless Chromium, on a graph ingested from a few invented articles:
without signing in the page offers no decision; a reviewer signs in, confirms one adoption,
rejects one, corrects the stage and date of a third and merges two local brands, and the
answers change on the 举措 page and in `python -m queries adopters`."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import review
from tools.local_server import CHROMIUM, CHROMIUM_ARGS, ServerDidNotStart, streamlit_server

# a Streamlit server and Chromium (~10 s of CPU a test): CI's slow step; test_review_page.py
# covers the page with AppTest in the default run
pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("COURTGRAPH_SCREENSHOTS", ROOT / "log" / "screenshots"))

# invented articles, written for this test
ARTICLES = {
    "明山诉源.txt": "明山区法院推行诉源治理\n发布时间：2024-03-12\n"
    "辽宁省本溪市明山区人民法院于2023年3月起全面推行诉源治理，诉前调解成功案件320件。\n",
    "平山繁简.txt": "平山区法院试点繁简分流\n发布时间：2024-04-08\n"
    "辽宁省本溪市平山区人民法院今年1月起试点繁简分流，简易案件平均审理时长缩短至18天。\n"
    "该院同时推行诉源治理，在辖区设立多个调解站点。\n",
    "海城和美.txt": "海城市法院打造调解品牌\n发布时间：2024-05-20\n"
    "辽宁省海城市人民法院去年起推行“和美调解”工作法，化解矛盾纠纷150件。\n",
    "盖州和美.txt": "盖州市法院试点调解新机制\n发布时间：2024-06-18\n"
    "辽宁省盖州市人民法院今年2月起试点“和美调解室”，群众反映良好。\n",
}
MINGSHAN = "court:辽宁省本溪市明山区人民法院"
PINGSHAN = "court:辽宁省本溪市平山区人民法院"
HAICHENG = "court:辽宁省海城市人民法院"
GAIZHOU = "court:辽宁省盖州市人民法院"
PASSWORD = "审核用的密码"


def _adoptions(store) -> dict[tuple[str, str], dict[str, Any]]:
    """(unit id, initiative name) → the adoption's id, initiative id, stage and date."""
    rows = store.read(
        "MATCH (u:Entity)-[a:ADOPTED]->(i:Initiative) RETURN u.id AS u, i.id AS i, "
        "i.name AS name, a.fact_id AS f, a.stage AS stage, a.date AS date",
        limit=10_000,
    )
    return {(r["u"], r["name"]): r for r in rows}


def _key(key: str) -> str:
    """The CSS class Streamlit gives the element of a widget key."""
    return ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def _adopters_cli(initiative: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    from queries.__main__ import main

    capsys.readouterr()
    assert main(["adopters", "--param", f"initiative={initiative}", "--format", "json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    return list(data["rows"] if isinstance(data, dict) else data)


@pytest.fixture
def ingested(empty_store, tmp_path: Path):
    """The invented articles, ingested with the court roster and initiative taxonomy."""
    from ingest.pipeline import ingest_paths

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest_paths(empty_store, [folder])
    assert not report.failed, report.failed
    return empty_store


@pytest.fixture
def server(ingested, embedded_dir: Path, tmp_path: Path) -> Iterator[str]:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver")
    pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (no browser download)"
    )
    # a reviewer account, as an installation configures it (.streamlit/secrets.toml); the
    # server reads this file instead of the repository's
    secrets = tmp_path / "secrets.toml"
    hashed = review.hash_password(PASSWORD, iterations=1000)
    secrets.write_text(f'[reviewers]\n"王审" = "{hashed}"\n', encoding="utf-8")
    env = {
        **os.environ,
        "COURTGRAPH_DATA_DIR": str(embedded_dir),
        "STREAMLIT_SECRETS_FILES": str(secrets),
    }
    env.pop("NEO4J_URI", None)
    try:
        with streamlit_server(env) as base:
            yield base
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


def _idle(page) -> None:
    """Wait until the app has finished its rerun."""
    page.wait_for_timeout(300)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=60_000
    )


def _choose(page, key: str, option: str) -> None:
    """Pick `option` in the selectbox of widget `key` (its list opens on a click, which a
    rerun finishing at that moment may close again, or detach while it is clicked: so it is
    tried a few times)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(5):
        _idle(page)
        page.locator(_key(key)).get_by_role("button", name="Open").click()
        try:
            wanted.wait_for(timeout=5_000)
            # a rerun finishing now detaches the list: the click then times out, not hangs
            wanted.click(timeout=5_000)
        except PlaywrightTimeout:
            continue
        _idle(page)
        return
    raise AssertionError(f"the option {option!r} of {key} did not show")


def _message(page, text: str) -> None:
    page.get_by_text(text).first.wait_for(timeout=60_000)
    _idle(page)


def test_review_in_the_browser_changes_the_answers(
    server: str, ingested, capsys: pytest.CaptureFixture[str]
) -> None:
    from playwright.sync_api import sync_playwright

    facts = _adoptions(ingested)
    confirm = facts[(MINGSHAN, "诉源治理")]
    reject = facts[(PINGSHAN, "诉源治理")]
    correct = facts[(PINGSHAN, "繁简分流")]
    assert correct["stage"] == "piloted"
    keep = facts[(HAICHENG, "“和美调解”工作法")]
    gone = facts[(GAIZHOU, "“和美调解室”")]
    assert keep["i"] != gone["i"]
    # before any decision both units adopt 诉源治理
    before = {r["unit_id"] for r in _adopters_cli("诉源治理", capsys)}
    assert {MINGSHAN, PINGSHAN} <= before

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{server}/?page=review", wait_until="domcontentloaded")
            page.get_by_text("登录审核员账号后可确认、驳回和修改。").wait_for(timeout=60_000)
            _idle(page)
            ok = page.locator(f"{_key('review.ok.' + confirm['f'])} button")
            # signed out: the queue is shown (each fact names its id), but no decision can be
            # made: the decisions' buttons are not drawn for a reader, the batch one is disabled
            page.get_by_text(confirm["f"]).first.wait_for(timeout=30_000)
            assert ok.count() == 0
            decisions = page.get_by_role("button").filter(
                has_text=re.compile(r"^(确认|驳回|确认以下全部 \d+ 条|保存修改|合并|改名|新增)$")
            )
            assert decisions.count() <= 1
            for i in range(decisions.count()):
                assert decisions.nth(i).is_disabled(), decisions.nth(i).inner_text()
            assert page.locator(_key("review.merge")).count() == 0
            assert page.locator(_key("review.fix." + correct["f"])).count() == 0
            page.screenshot(path=str(SHOTS / "review-signed-out.png"), full_page=True)

            # sign in
            page.get_by_label("用户名").fill("王审")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_role("button", name="登录").click()
            _message(page, "审核员：王审")
            ok.wait_for(timeout=30_000)
            assert ok.is_enabled()

            # 确认
            ok.click()
            _message(page, "已确认 1 条事实。")
            assert review.status_of(ingested, confirm["f"]) == "confirmed"

            # 驳回, with a reason from the list
            _choose(page, "review.reason." + reject["f"], "阶段不对")
            page.locator(f"{_key('review.no.' + reject['f'])} button").click()
            _message(page, "已驳回 1 条事实。")
            assert review.status_of(ingested, reject["f"]) == "rejected"
            (rejected,) = review.decisions(ingested, reject["f"])
            assert (rejected.reviewer, rejected.note) == ("王审", "阶段不对")

            # 修改: 平山 did not pilot 繁简分流, it adopted it, from 2023-11
            # (the form is drawn once its expander, keyed by the fact, is opened)
            fix = _key("review.fix." + correct["f"])
            page.locator(f"{_key('review.fixing.' + correct['f'])} summary").click()
            page.locator(fix).wait_for(timeout=30_000)
            _choose(page, "review.stage." + correct["f"], "推行")
            date = page.locator(f"{_key('review.date.' + correct['f'])} input")
            date.fill("2023-11")
            page.locator(f"{fix} button").click()
            _message(page, "已修改 1 条事实。")
            assert review.status_of(ingested, correct["f"]) == "corrected"

            # 合并: the two names of one local brand become one initiative
            page.get_by_text("实体：合并、改名、候选举措").click()
            for key, value in (("review.keep", keep["i"]), ("review.gone", gone["i"])):
                box = page.locator(f"{_key(key)} input")
                box.fill(value)
                box.press("Enter")
                _idle(page)
            page.locator(f"{_key('review.merge')} button").click()
            _message(page, f"已把 {gone['i']} 合并到 {keep['i']}。")
            page.screenshot(path=str(SHOTS / "review-decided.png"), full_page=True)

            # the answers: 诉源治理 is adopted by 明山 only
            page.goto(f"{server}/?page=initiative&id={confirm['i']}", wait_until="domcontentloaded")
            page.get_by_text(re.compile(r"^1 个单位，1 条推行记录")).wait_for(timeout=60_000)
            page.get_by_text("辽宁省本溪市明山区人民法院").first.wait_for(
                state="attached", timeout=30_000
            )
            page.screenshot(path=str(SHOTS / "review-initiative-rejected.png"), full_page=True)

            # 繁简分流: 平山 adopted (推行) it from 2023-11
            page.goto(f"{server}/?page=initiative&id={correct['i']}", wait_until="domcontentloaded")
            page.get_by_text(re.compile(r"^1 个单位，1 条推行记录")).wait_for(timeout=60_000)
            page.get_by_text("2023-11", exact=True).first.wait_for(state="attached", timeout=30_000)
            assert page.get_by_text("试点", exact=True).count() == 0

            # the merged brand: both units under one name
            page.goto(f"{server}/?page=initiative&id={keep['i']}", wait_until="domcontentloaded")
            page.get_by_text(re.compile(r"^2 个单位，2 条推行记录")).wait_for(timeout=60_000)
            for unit in ("辽宁省海城市人民法院", "辽宁省盖州市人民法院"):
                page.get_by_text(unit).first.wait_for(state="attached", timeout=30_000)
            page.get_by_text("“和美调解室”", exact=False).first.wait_for(timeout=30_000)
            page.screenshot(path=str(SHOTS / "review-initiative-merged.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(SHOTS / "review-failed.png"), full_page=True)
            raise
        finally:
            browser.close()

    # the same answers on the command line
    suyuan = {r["unit_id"] for r in _adopters_cli("诉源治理", capsys)}
    assert MINGSHAN in suyuan and PINGSHAN not in suyuan
    (fanjian,) = _adopters_cli(correct["i"], capsys)
    assert (fanjian["unit_id"], fanjian["stages"], fanjian["date"]) == (
        PINGSHAN,
        ["adopted"],
        "2023-11",
    )
    merged = {r["unit_id"]: r["stages"] for r in _adopters_cli(keep["i"], capsys)}
    assert merged == {HAICHENG: ["adopted"], GAIZHOU: ["piloted"]}
    assert ingested.read("MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": gone["i"]}) == []


def _current_fact(page) -> str:
    """The fact id the 当前事实 panel shows."""
    return str(page.locator(f"{_key('review.current')} code").first.inner_text()).strip()


def test_a_reviewer_decides_from_the_keyboard(server: str, ingested) -> None:
    """Y confirms, a digit rejects with that reason, J and K move, Enter saves a correction;
    after each decision the next fact is the current one, without touching the mouse."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            page.goto(f"{server}/?page=review", wait_until="domcontentloaded")
            page.get_by_text("登录审核员账号后可确认、驳回和修改。").wait_for(timeout=60_000)
            page.get_by_label("用户名").fill("王审")
            page.get_by_label("密码").fill(PASSWORD)
            page.get_by_label("密码").press("Enter")  # the sign-in form: Enter signs in
            _message(page, "审核员：王审")
            page.get_by_text(re.compile(r"^当前事实\s+本批第 1 条")).wait_for(timeout=60_000)

            def press(key: str) -> None:
                page.locator("h1").first.click()  # the keys act outside text boxes
                page.keyboard.press(key)

            first = _current_fact(page)
            press("y")
            _message(page, "已确认 1 条事实。")
            assert review.status_of(ingested, first) == "confirmed"
            second = _current_fact(page)
            assert second != first  # the next one came up

            press("3")  # 驳回：阶段不对
            _message(page, "已驳回 1 条事实。")
            (rejected,) = review.decisions(ingested, second)
            assert (rejected.decision, rejected.note) == ("reject", review.REJECT_REASONS[2])
            third = _current_fact(page)
            assert third not in (first, second)

            press("j")  # skip it, then come back
            _idle(page)
            fourth = _current_fact(page)
            assert fourth != third
            assert review.status_of(ingested, third) == "extracted"
            press("k")
            _idle(page)
            assert _current_fact(page) == third

            # 修改: type a date into the current fact's form and press Enter
            date = page.locator(f"{_key('review.cur.date.' + third)} input")
            date.fill("2023-11")
            date.press("Enter")
            _message(page, "已修改 1 条事实。")
            assert review.status_of(ingested, third) == "corrected"
            assert _current_fact(page) == fourth
            page.screenshot(path=str(SHOTS / "review-keyboard.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(SHOTS / "review-keyboard-failed.png"), full_page=True)
            raise
        finally:
            browser.close()
