"""审核 page (AppTest): read-only without a reviewer's sign-in; a reviewer confirms, rejects
and corrects, and the graph (and so every answer) changes."""

from __future__ import annotations

from graph import review
from graph.model import fact_id
from tests import graph_fixtures as g
from tests.app.conftest import APP
from tests.app.test_pages import no_trouble, texts

BING = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
DING = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
MID = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")


def _page(*, accounts: dict[str, str] | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "review"
    if accounts is not None:
        at.secrets["reviewers"] = accounts
    return at.run()


def _button(at, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0]


def _reader_view(at, fid: str) -> bool:
    """Whether the page shows fact `fid` to a reader: listed, with no decision to press."""
    listed = any(f"`{fid}`" in c for c in texts(at, "caption"))
    keys = {b.key for b in at.button}
    decisions = {f"review.ok.{fid}", f"review.no.{fid}", "review.cur.ok", "review.cur.no.1"}
    return listed and not keys & decisions and "review.cur.next" in keys


def _open_fix(at, fid: str) -> None:
    """Open the 修改 expander of a queue item (its form is drawn only while open)."""
    from ui.review import fix_key

    at.session_state[fix_key(fid)] = True
    at.run()
    no_trouble(at)


def test_read_only_without_accounts(small_store) -> None:
    at = _page()
    no_trouble(at)
    assert "审核" in texts(at, "title")
    assert any("尚未配置审核员账号" in t for t in texts(at, "info"))
    # a reader sees the facts, without the decisions' buttons (nothing to press)
    assert _reader_view(at, DING)
    # the sentence is shown with its spans marked
    assert any("<mark" in m and "丁县法院" in m for m in texts(at, "markdown"))
    at.toggle(key="review.per").set_value(True).run()
    no_trouble(at)
    columns = [list(df.value.columns) for df in at.dataframe]
    assert ["举措", "待核实", "已确认", "已修改"] in columns
    assert ["文档", "待核实", "已确认", "已修改"] in columns


def test_wrong_password_is_refused(small_store) -> None:
    at = _page(accounts={"王审": review.hash_password("对的密码", iterations=1000)})
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input("错的密码")
    _button(at, "登录").click()
    at.run()
    assert "审核员或密码不对。" in texts(at, "error")
    assert _reader_view(at, DING)


def test_reviewer_confirms_rejects_and_corrects(small_store) -> None:
    at = _page(accounts={"王审": review.hash_password("对的密码", iterations=1000)})
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input("对的密码")
    _button(at, "登录").click()
    at.run()
    no_trouble(at)
    assert "审核员：王审" in texts(at, "success")
    at.button(key=f"review.ok.{BING}").click()
    at.run()
    no_trouble(at)
    assert review.status_of(small_store, BING) == "confirmed"
    at.selectbox(key=f"review.reason.{DING}").select("阶段不对")
    at.button(key=f"review.no.{DING}").click()
    at.run()
    no_trouble(at)
    assert review.status_of(small_store, DING) == "rejected"
    assert review.decisions(small_store, DING)[0].note == "阶段不对"
    assert review.decisions(small_store, DING)[0].reviewer == "王审"
    # the rejected list shows it, with the sentence from the record, and can undo it
    at.selectbox(key="review.status").select("rejected")
    at.run()
    no_trouble(at)
    assert any("丁县法院一月起试点诉源治理" in t for t in texts(at, "markdown"))
    at.button(key=f"review.undo.{DING}").click()
    at.run()
    no_trouble(at)
    assert review.status_of(small_store, DING) == "confirmed"
    at.selectbox(key="review.status").select("extracted")
    at.run()
    review.decide(small_store, DING, "reject", reviewer="王审", note="阶段不对")
    _open_fix(at, MID)
    at.selectbox(key=f"review.stage.{MID}").select("adopted")
    at.text_input(key=f"review.date.{MID}").input("2022-10")
    at.button(key=f"review.fix.{MID}").click()
    at.run()
    no_trouble(at)
    moved = fact_id("ADOPTED", g.MID, g.SUYUAN, "adopted")
    assert review.status_of(small_store, MID) == "corrected"
    # the answers changed: 丁县 no longer adopts 诉源治理, 乙市中院 adopted it in 2022-10
    adopters = small_store.read(
        "MATCH (i:Entity {id: $i})<-[a:ADOPTED]-(u:Entity) "
        "RETURN u.id AS u, a.fact_id AS f, a.date AS d",
        {"i": g.SUYUAN},
    )
    assert sorted((r["u"], r["f"], r["d"]) for r in adopters) == sorted(
        [(g.BING, BING, "2022-12"), (g.MID, moved, "2022-10")]
    )
    # the initiative page answers from the decided graph
    from streamlit.testing.v1 import AppTest

    page = AppTest.from_file(APP, default_timeout=60)
    page.query_params["page"] = "initiative"
    page.query_params["id"] = g.SUYUAN
    page.run()
    no_trouble(page)
    shown = [df.value for df in page.dataframe if "单位" in df.value.columns]
    assert shown and not any("丁县" in str(v) for v in shown[0]["单位"])


def test_reviewer_merges_two_entities(small_store) -> None:
    at = _page(accounts={"王审": review.hash_password("对的密码", iterations=1000)})
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input("对的密码")
    _button(at, "登录").click()
    at.run()
    at.text_input(key="review.keep").input(g.BING)
    at.text_input(key="review.gone").input(g.WU)
    at.button(key="review.merge").click()
    at.run()
    no_trouble(at)
    assert any("合并" in t for t in texts(at, "success"))
    assert small_store.read("MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": g.WU}) == []
    assert review.decisions(small_store, g.WU)[0].reviewer == "王审"


def test_import_page_needs_a_reviewer_when_accounts_exist(small_store) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "import"
    at.secrets["reviewers"] = {"王审": review.hash_password("对的密码", iterations=1000)}
    at.run()
    no_trouble(at)
    assert any("请先在左侧以审核员身份登录" in t for t in texts(at, "info"))
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input("对的密码")
    _button(at, "登录").click()
    at.run()
    no_trouble(at)
    assert not any("请先在左侧以审核员身份登录" in t for t in texts(at, "info"))
    assert "开始导入" in [b.label for b in at.button]


def test_reading_needs_an_account_when_configured(small_store) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "overview"
    at.secrets["require_sign_in"] = True
    at.secrets["readers"] = {"研究室": review.hash_password("读", iterations=1000)}
    at.run()
    no_trouble(at)
    assert any("需要登录后查看" in t for t in texts(at, "info"))
    assert not at.dataframe
    at.text_input(key="review.name").input("研究室")
    at.text_input(key="review.password").input("读")
    _button(at, "登录").click()
    at.run()
    no_trouble(at)
    assert not any("需要登录后查看" in t for t in texts(at, "info"))
    assert at.dataframe  # the overview's tables
    # a reader reads; the 审核 page stays read-only for them
    at.query_params["page"] = "review"
    at.run()
    no_trouble(at)
    assert _reader_view(at, DING)


def test_reviewer_adds_a_missed_adoption(small_store) -> None:
    at = _page(accounts={"王审": review.hash_password("对的密码", iterations=1000)})
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input("对的密码")
    _button(at, "登录").click()
    at.run()
    at.session_state["review.adding"] = True  # the 新增 expander opened
    at.run()
    at.selectbox(key="review.add_doc").set_value(g.DOC_B)  # listed by title
    at.run()
    no_trouble(at)
    options = at.selectbox(key="review.add_sentence").options
    assert len(options) == 2  # the two sentences of document B
    at.selectbox(key="review.add_unit").set_value(g.DING)
    at.selectbox(key="review.add_initiative").set_value(g.FENGQIAO)
    at.selectbox(key="review.add_stage").set_value("piloted")
    at.button(key="review.add").click()
    at.run()
    no_trouble(at)
    added = fact_id("ADOPTED", g.DING, g.FENGQIAO, "piloted")
    assert review.status_of(small_store, added) == "confirmed"
    ev = small_store.read("MATCH (e:Evidence {fact_id: $f}) RETURN e.sentence AS s", {"f": added})
    assert ev == [{"s": "丁县法院一月起试点诉源治理。"}]


def test_a_secrets_file_that_does_not_parse_stops_the_explorer(small_store, tmp_path) -> None:
    # a bare non-ASCII key is not TOML: Streamlit would treat the file as missing, which would
    # leave 导入 and 审核 open to everyone; the explorer refuses to run instead
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    bad = tmp_path / "secrets.toml"
    bad.write_text('[reviewers]\n王审 = "pbkdf2_sha256$1$x$y"\n', encoding="utf-8")
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(bad)])
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["page"] = "import"
        at.run()
    finally:
        config.set_option("secrets.files", before)
    errors = texts(at, "error")
    assert any("无法读取账号配置文件" in t and str(bad) in t for t in errors), errors
    assert "开始导入" not in [b.label for b in at.button]


def test_the_documented_accounts_parse_as_toml() -> None:
    import re
    import tomllib
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "deployment.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```toml\n(.*?)```", doc, re.S) if "[reviewers]" in b]
    assert blocks
    for block in blocks:
        parsed = tomllib.loads(block)
        assert "王审" in parsed["reviewers"]
