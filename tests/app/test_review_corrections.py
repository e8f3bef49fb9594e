"""审核 page (AppTest): a queue item's 修改 form belongs to its fact (a decision closes it, the
card taking its place starts closed); the form corrects what `review correct` can (unit,
initiative, stage, date; an outcome's unit, metric, value, unit of measure, period and
qualifier); the queue says how many facts there are; 新增 finds its document by title."""

from __future__ import annotations

from graph import review
from graph.model import fact_id
from tests import graph_fixtures as g
from tests.app.test_pages import no_trouble, texts
from tests.app.test_review_page import _page
from ui.review import fix_key

BING = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
DING = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
MID = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")
BING_RATE = fact_id("REPORTED", g.BING, g.RATE)
RATE_SUYUAN = fact_id("REPORTED", g.RATE, g.SUYUAN)
PASSWORD = "对的密码"


def _signed_in():
    at = _page(accounts={"王审": review.hash_password(PASSWORD, iterations=1000)})
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input(PASSWORD)
    [b for b in at.button if b.label == "登录"][0].click()
    at.run()
    no_trouble(at)
    return at


def _queue(at) -> list[str]:
    """The fact ids of the queue's items, in the order drawn."""
    prefix = "review.ok."
    return [b.key[len(prefix) :] for b in at.button if b.key and b.key.startswith(prefix)]


def _open(at, fid: str) -> None:
    at.session_state[fix_key(fid)] = True
    at.run()
    no_trouble(at)


def _fix_expanders(at) -> list[bool]:
    """Whether each queue item's 修改 expander is open, in the order drawn."""
    return [e.proto.expanded for e in at.expander if e.label == "修改"]


def _has(at, kind: str, key: str) -> bool:
    return any(getattr(e, "key", None) == key for e in getattr(at, kind))


def test_a_decision_closes_its_form_and_the_next_card_starts_closed(small_store) -> None:
    at = _signed_in()
    first, second, third = _queue(at)
    assert _fix_expanders(at) == [False, False, False]
    assert not _has(at, "text_input", f"review.date.{second}")  # drawn only when open
    _open(at, second)
    assert _fix_expanders(at) == [False, True, False]
    at.text_input(key=f"review.date.{second}").input("2021")
    at.button(key=f"review.fix.{second}").click()
    at.run()
    no_trouble(at)
    assert review.status_of(small_store, second) == "corrected"
    # the corrected fact left the queue; the one now in its place comes with a closed form
    assert _queue(at) == [first, third]
    assert _fix_expanders(at) == [False, False]
    assert not _has(at, "text_input", f"review.date.{third}")
    # a decided fact that stays in the queue (the list of corrected facts) is closed too
    at.selectbox(key="review.status").select("corrected")
    at.run()
    (corrected,) = _queue(at)
    _open(at, corrected)
    at.text_input(key=f"review.date.{corrected}").input("2020")
    at.button(key=f"review.fix.{corrected}").click()
    at.run()
    no_trouble(at)
    assert _queue(at) == [corrected]
    assert _fix_expanders(at) == [False]


def test_a_date_that_does_not_exist_or_is_in_the_future_is_named_on_the_page(small_store) -> None:
    """Reviewer (session 19): 2023-02-29 and 2024-13 said 日期格式不对 (the format is right),
    and 2099-01-01 was stored. The page says what the command line says, and stores nothing."""
    at = _signed_in()
    first = _queue(at)[0]
    _open(at, first)
    for date, said in (
        ("2023-02-29", "2023 年 2 月没有 29 日"),
        ("2024-13", "没有 13 月"),
        ("2099-01-01", "晚于今天"),
    ):
        at.text_input(key=f"review.date.{first}").input(date)
        at.button(key=f"review.fix.{first}").click()
        at.run()
        errors = texts(at, "error")
        assert any(said in t for t in errors), (date, errors)
        assert not any("日期格式不对" in t for t in errors)
        assert review.decisions(small_store, first) == []


def test_an_adoption_is_corrected_to_another_unit_and_initiative(small_store) -> None:
    at = _signed_in()
    _open(at, BING)
    unit = at.selectbox(key=f"review.src.{BING}")
    # the units the fact's documents mention and the units of its unit's province, by name
    assert g.WU in unit.options or "甲省乙市戊县人民法院" in unit.options
    unit.set_value(g.WU)
    at.selectbox(key=f"review.dst.{BING}").set_value(g.FENGQIAO)
    at.text_input(key=f"review.cnote.{BING}").input("文中是戊县法院建成枫桥式人民法庭")
    at.button(key=f"review.fix.{BING}").click()
    at.run()
    no_trouble(at)
    # the unit's figure tied to the old initiative stays there: said with the saving
    said = texts(at, "success")[0]
    assert said.startswith("已修改 1 条事实。") and "1 项成效数据关联原举措" in said
    (d,) = review.decisions(small_store, BING)
    assert (d.new["src"], d.new["dst"]) == (g.WU, g.FENGQIAO)
    moved = fact_id("ADOPTED", g.WU, g.FENGQIAO, "adopted")
    rows = small_store.read(
        "MATCH (u:Entity)-[a:ADOPTED]->(i:Entity) WHERE a.fact_id = $f "
        "RETURN u.id AS u, i.id AS i, a.review_status AS s",
        {"f": moved},
    )
    assert rows == [{"u": g.WU, "i": g.FENGQIAO, "s": "corrected"}]


def _type_into(monkeypatch, at, key: str, text: str) -> None:
    """Type `text` into a select box that takes names it does not list, as the browser sends
    it (AppTest can only pick a listed option)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState
    from streamlit.testing.v1 import element_tree as et

    box_id = at.selectbox(key=key).id
    plain = et.Selectbox._widget_state

    def state(self):  # type: ignore[no-untyped-def]
        if self.id != box_id:
            return plain.fget(self)
        return WidgetState(id=self.id, string_value=text)

    monkeypatch.setattr(et.Selectbox, "_widget_state", property(state))


def test_a_unit_typed_by_name_is_resolved_or_refused_in_chinese(small_store, monkeypatch) -> None:
    at = _signed_in()
    _open(at, BING)
    _type_into(monkeypatch, at, f"review.src.{BING}", "无此法院")
    at.button(key=f"review.fix.{BING}").click()
    at.run()
    assert not at.exception
    assert any("无此法院" in t for t in texts(at, "error")), texts(at, "error")
    assert review.status_of(small_store, BING) == "extracted"
    # a name in traditional characters, which the list does not hold as such
    _type_into(monkeypatch, at, f"review.src.{BING}", "甲省乙市戊縣人民法院")
    at.button(key=f"review.fix.{BING}").click()
    at.run()
    no_trouble(at)
    (d,) = review.decisions(small_store, BING)
    assert d.new == {"src": g.WU}


def test_an_outcome_is_corrected_in_metric_value_and_unit_of_measure(small_store) -> None:
    at = _signed_in()
    at.selectbox(key="review.kind").select("outcome")
    at.run()
    no_trouble(at)
    assert set(_queue(at)) == {BING_RATE, RATE_SUYUAN}
    _open(at, RATE_SUYUAN)  # a figure tied to an initiative: its initiative and its figure
    assert _has(at, "selectbox", f"review.dst.{RATE_SUYUAN}")
    assert _has(at, "text_input", f"review.metric.{RATE_SUYUAN}")
    assert not _has(at, "selectbox", f"review.src.{RATE_SUYUAN}")
    _open(at, BING_RATE)
    assert _has(at, "selectbox", f"review.src.{BING_RATE}")
    at.text_input(key=f"review.metric.{BING_RATE}").input("调解成功率")
    at.number_input(key=f"review.value.{BING_RATE}").set_value(65.0)
    at.text_input(key=f"review.unit_of_measure.{BING_RATE}").input("个百分点")
    at.button(key=f"review.fix.{BING_RATE}").click()
    at.run()
    no_trouble(at)
    outcome = small_store.read(
        "MATCH (o:Entity {id: $id}) RETURN o.metric AS m, o.value AS v, o.unit_of_measure AS u",
        {"id": g.RATE},
    )
    assert outcome == [{"m": "调解成功率", "v": 65.0, "u": "个百分点"}]
    assert review.status_of(small_store, BING_RATE) == "corrected"


def test_an_outcome_is_corrected_in_period_and_qualifier(small_store) -> None:
    """A figure's period (统计期间) and qualifier (约/余…) are corrected on the page as on the
    command line; a period written wrongly is refused in Chinese and nothing is recorded."""
    at = _signed_in()
    at.selectbox(key="review.kind").select("outcome")
    at.run()
    _open(at, BING_RATE)
    at.text_input(key=f"review.period.{BING_RATE}").input("2024-06/2024-01")
    at.button(key=f"review.fix.{BING_RATE}").click()
    at.run()
    assert any("起点晚于终点" in m for m in texts(at, "error"))
    assert review.decisions(small_store, BING_RATE) == []
    at.text_input(key=f"review.period.{BING_RATE}").input("2024-01/2024-06")
    at.selectbox(key=f"review.qualifier.{BING_RATE}").set_value("约")
    at.button(key=f"review.fix.{BING_RATE}").click()
    at.run()
    no_trouble(at)
    outcome = small_store.read(
        "MATCH (o:Entity {id: $id}) RETURN o.period AS p, o.qualifier AS q", {"id": g.RATE}
    )
    assert outcome == [{"p": "2024-01/2024-06", "q": "约"}]
    (d,) = review.decisions(small_store, BING_RATE)
    assert d.new == {"period": "2024-01/2024-06", "qualifier": "约"}


def test_a_figure_corrected_on_its_link_to_an_initiative_is_recorded_on_the_units_fact(
    small_store,
) -> None:
    """Correcting a figure from its link to an initiative was refused (a new user's finding):
    the figure's fields go to the unit's fact that reports it, the initiative to the link."""
    at = _signed_in()
    at.selectbox(key="review.kind").select("outcome")
    at.run()
    _open(at, RATE_SUYUAN)
    assert any("记在报告这项数字的单位事实" in c for c in texts(at, "caption"))
    at.text_input(key=f"review.metric.{RATE_SUYUAN}").input("调解成功率")
    at.number_input(key=f"review.value.{RATE_SUYUAN}").set_value(65.0)
    at.selectbox(key=f"review.dst.{RATE_SUYUAN}").set_value(g.FENGQIAO)
    at.button(key=f"review.fix.{RATE_SUYUAN}").click()
    at.run()
    no_trouble(at)
    assert any("单位事实" in m and BING_RATE in m for m in texts(at, "success"))
    outcome = small_store.read(
        "MATCH (o:Entity {id: $id}) RETURN o.metric AS m, o.value AS v", {"id": g.RATE}
    )
    assert outcome == [{"m": "调解成功率", "v": 65.0}]
    (figure,) = review.decisions(small_store, BING_RATE)
    assert figure.new == {"metric": "调解成功率", "value": 65.0}
    (link,) = review.decisions(small_store, RATE_SUYUAN)
    assert link.new == {"dst": g.FENGQIAO}


def test_a_units_figure_is_linked_to_another_initiative_and_stays_the_units(small_store) -> None:
    """The unit's fact that reports a figure has a 相关举措 box: it corrects the figure's link
    to an initiative (review correct … --initiative does the same), and the figure stays."""
    at = _signed_in()
    at.selectbox(key="review.kind").select("outcome")
    at.run()
    _open(at, BING_RATE)
    at.selectbox(key=f"review.link.{BING_RATE}").set_value(g.FENGQIAO)
    at.button(key=f"review.fix.{BING_RATE}").click()
    at.run()
    no_trouble(at)
    assert any(RATE_SUYUAN in m for m in texts(at, "success")), texts(at, "success")
    assert review.decisions(small_store, BING_RATE) == []
    (link,) = review.decisions(small_store, RATE_SUYUAN)
    assert link.new == {"dst": g.FENGQIAO}
    rows = small_store.read(
        "MATCH (:Entity {id: $u})-[:REPORTED]->(o:Entity)-[:REPORTED]->(i:Entity) "
        "RETURN o.id AS o, i.id AS i",
        {"u": g.BING},
    )
    assert rows == [{"o": g.RATE, "i": g.FENGQIAO}]


def test_the_queue_says_how_many_facts_there_are(small_store, monkeypatch) -> None:
    from ui import review as page

    asked: list[int] = []
    queue = review.queue

    def counted(store, **kw):  # type: ignore[no-untyped-def]
        asked.append(kw["limit"])
        return queue(store, **kw)

    monkeypatch.setattr(page.review, "queue", counted)
    at = _signed_in()
    # 20 asked for and 3 found: the three are all there are, not "1 / 20"
    assert asked[-1] == 21  # one more than the 条数 setting: whether more follow
    current = [m for m in texts(at, "markdown") if m.startswith("**当前事实**")]
    assert current and "本批第 1 条" in current[0] and "共 3 条" in current[0], current
    assert not any("/ 20" in m for m in texts(at, "markdown"))
    at.button(key=f"review.ok.{_queue(at)[0]}").click()
    at.run()
    no_trouble(at)
    current = [m for m in texts(at, "markdown") if m.startswith("**当前事实**")]
    assert "共 2 条" in current[0] and "本次已决定 1 条" in current[0], current
    # a batch cut at the 条数 setting says more follow
    assert "还有更多" in page._batch_words(20, True, "待核实")
    assert "共" not in page._batch_words(20, True, "待核实")


def test_a_missed_adoption_is_added_to_a_document_found_by_title(small_store) -> None:
    at = _signed_in()
    at.session_state["review.adding"] = True
    at.run()
    no_trouble(at)
    # the latest documents are listed by title; words of a title find any other
    docs = at.selectbox(key="review.add_doc")
    assert g.DOC_B in docs.options or "《样例文档乙》" in " ".join(docs.options), docs.options
    at.text_input(key="review.add_find").input("文档乙").run()
    no_trouble(at)
    docs = at.selectbox(key="review.add_doc")
    assert len(docs.options) == 1 and "样例文档乙" in docs.options[0], docs.options
    docs.set_value(g.DOC_B).run()
    no_trouble(at)
    assert len(at.selectbox(key="review.add_sentence").options) == 2
    at.selectbox(key="review.add_unit").set_value(g.DING)
    at.selectbox(key="review.add_initiative").set_value(g.FENGQIAO)
    at.selectbox(key="review.add_stage").set_value("piloted")
    at.button(key="review.add").click()
    at.run()
    no_trouble(at)
    added = fact_id("ADOPTED", g.DING, g.FENGQIAO, "piloted")
    assert review.status_of(small_store, added) == "confirmed"
    at.text_input(key="review.add_find").input("没有这个标题").run()
    assert any("没有标题含" in t for t in texts(at, "info"))


def _add_bing_suyuan(at, date: str) -> None:
    at.selectbox(key="review.add_doc").set_value(g.DOC_B).run()
    at.selectbox(key="review.add_unit").set_value(g.BING)
    at.selectbox(key="review.add_initiative").set_value(g.SUYUAN)
    if date:
        at.text_input(key="review.add_date").input(date)
    at.button(key="review.add").click()
    at.run()
    no_trouble(at)


def _date(store) -> str | None:
    rows = store.read(
        "MATCH (:Entity {id: $u})-[r:ADOPTED]->(:Entity {id: $i}) WHERE r.fact_id = $f "
        "RETURN r.date AS d",
        {"u": g.BING, "i": g.SUYUAN, "f": BING},
    )
    return rows[0]["d"] if rows else None


def test_adding_a_fact_the_extractor_found_with_another_date_corrects_it(small_store) -> None:
    at = _signed_in()
    at.session_state["review.adding"] = True
    at.run()
    was = _date(small_store)
    assert was and was != "2020"
    _add_bing_suyuan(at, "2020")
    said = [t for t in texts(at, "success") if "抽取时已找到" in t]
    assert said and "已修改" in said[0] and was in said[0], texts(at, "success")
    assert review.status_of(small_store, BING) == "corrected"
    assert _date(small_store) == "2020"
    assert [d.decision for d in review.history(small_store, BING)] == ["add", "correct"]


def test_adding_a_fact_the_extractor_found_as_it_stands_confirms_it(small_store) -> None:
    at = _signed_in()
    at.session_state["review.adding"] = True
    at.run()
    was = _date(small_store)
    _add_bing_suyuan(at, "")
    said = [t for t in texts(at, "success") if "抽取时已找到" in t]
    assert said and "未改" in said[0], texts(at, "success")
    assert review.status_of(small_store, BING) == "confirmed"
    assert _date(small_store) == was


def test_an_initiative_outside_the_chosen_collections_can_be_chosen(small_store) -> None:
    """The initiative box offers the taxonomy's every initiative, whatever collections the
    sidebar chose (the initiatives list follows them; a fact may belong elsewhere)."""
    from streamlit.testing.v1 import AppTest

    from graph.collections import add_to_collection
    from tests.app.test_review_page import APP

    add_to_collection(small_store, g.DOC_A, "通报")
    add_to_collection(small_store, g.DOC_B, "乙")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "review"
    at.query_params["collections"] = "乙"
    at.secrets["reviewers"] = {"王审": review.hash_password(PASSWORD, iterations=1000)}
    at.run()
    at.text_input(key="review.name").input("王审")
    at.text_input(key="review.password").input(PASSWORD)
    [b for b in at.button if b.label == "登录"][0].click()
    at.run()
    no_trouble(at)
    _open(at, BING)
    assert "枫桥式人民法庭" in at.selectbox(key=f"review.dst.{BING}").options


def test_the_correction_form_says_in_chinese_that_enter_saves(small_store) -> None:
    """Streamlit wrote "Press Enter to submit form" under a box being edited: the page's style
    sheet puts 按 Enter 保存修改 in its place (Enter still saves, as the keyboard line says)."""
    from ui.review import ENTER_TO_SAVE

    at = _signed_in()
    _open(at, BING)
    forms = [f for f in at.get("form") if f.proto.form.form_id.endswith(f"fixform.{BING}")]
    assert forms and all(f.proto.form.enter_to_submit for f in forms)
    styles = [h.proto.body for h in at.get("html") if "InputInstructions" in h.proto.body]
    assert styles == [ENTER_TO_SAVE]
    assert '"按 Enter 保存修改"' in ENTER_TO_SAVE


def test_a_period_after_today_is_refused_on_the_page_and_june_to_the_years_end_is_taken(
    small_store,
) -> None:
    """Reviewer (session 20): a period after today (2099, 2025/2099) was stored from the page
    as from the command line; 2023-06/2023 (June to the year's end) was refused as 起点晚于终点.
    The page says what the command line says."""
    at = _signed_in()
    at.selectbox(key="review.kind").select("outcome")
    at.run()
    _open(at, BING_RATE)
    for period, said in (("2099", "'2099' 晚于今天"), ("2025/2099", "'2025/2099' 的终点晚于今天")):
        at.text_input(key=f"review.period.{BING_RATE}").input(period)
        at.button(key=f"review.fix.{BING_RATE}").click()
        at.run()
        errors = texts(at, "error")
        assert any(said in m for m in errors), (period, errors)
        assert review.decisions(small_store, BING_RATE) == []
    at.text_input(key=f"review.period.{BING_RATE}").input("2023-06/2023")
    at.button(key=f"review.fix.{BING_RATE}").click()
    at.run()
    no_trouble(at)
    (d,) = review.decisions(small_store, BING_RATE)
    assert d.new == {"period": "2023-06/2023"}


def test_a_correction_into_a_fact_the_graph_holds_is_said_before_saving(small_store) -> None:
    """An adoption corrected into one the graph holds merges into it, which becomes 已修改
    (so verified): the page says so and saves on the second 保存修改 only."""
    at = _signed_in()
    _open(at, BING)
    at.selectbox(key=f"review.src.{BING}").set_value(g.DING)
    at.selectbox(key=f"review.stage.{BING}").set_value("piloted")
    at.button(key=f"review.fix.{BING}").click()
    at.run()
    no_trouble(at)
    (warned,) = texts(at, "warning")
    assert "尚未保存" in warned and DING in warned and "已修改" in warned
    assert review.decisions(small_store) == []
    _open(at, BING)
    at.selectbox(key=f"review.src.{BING}").set_value(g.DING)
    at.selectbox(key=f"review.stage.{BING}").set_value("piloted")
    at.button(key=f"review.fix.{BING}").click()
    at.run()
    no_trouble(at)
    assert [d.fact_id for d in review.decisions(small_store)] == [BING]
    assert review.status_of(small_store, DING) == "corrected"


def _page_at(query: dict[str, str], *, accounts: bool = True):
    from streamlit.testing.v1 import AppTest

    from tests.app.test_review_page import APP

    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    if accounts:
        at.secrets["reviewers"] = {"王审": review.hash_password(PASSWORD, iterations=1000)}
    at.run()
    no_trouble(at)
    return at


def test_a_fact_link_opens_that_fact_first(small_store) -> None:
    """?fact= (证据's 审核这条事实) brings that fact up as the current one, whatever its kind."""
    from ui.review import CURSOR

    at = _page_at({"page": "review", "fact": BING_RATE})
    assert at.session_state[CURSOR] == BING_RATE
    assert at.selectbox(key="review.kind").value == "outcome"
    assert any(f"`{BING_RATE}`" in c for c in texts(at, "caption"))
    at = _page_at({"page": "review", "fact": MID})
    assert at.session_state[CURSOR] == MID


def test_the_queue_follows_the_sidebars_collections(small_store) -> None:
    from graph.collections import add_to_collection

    add_to_collection(small_store, g.DOC_A, "通报")
    add_to_collection(small_store, g.DOC_B, "乙")
    at = _page_at({"page": "review", "collections": "乙"})
    assert set(_reader_ids(at)) == {BING, DING}  # 乙中院's promotion is document A's only
    assert any("侧栏所选文档集（乙）" in c for c in texts(at, "caption"))
    at = _page_at({"page": "review", "collections": "通报"})
    assert set(_reader_ids(at)) == {BING, MID}
    assert {r["fact_id"] for r in review.queue(small_store, collections=["乙"])} >= {BING, DING}


def _reader_ids(at) -> list[str]:
    """The fact ids of the queue's items shown to a reader (their ids in captions)."""
    import re

    found = [m for c in texts(at, "caption") for m in re.findall(r"`(adopted:[0-9a-f]+)`", c)]
    return list(dict.fromkeys(found))


def test_evidence_and_adopters_link_to_the_facts_review(small_store) -> None:
    """证据 and the 举措 page's adopters rows offer 审核这条事实 when reviewers exist."""
    at = _page_at({"page": "evidence", "fact": BING})
    assert any(f"page=review&fact={BING}" in m for m in texts(at, "markdown"))
    at = _page_at({"page": "evidence", "fact": BING}, accounts=False)
    assert not any("page=review" in m for m in texts(at, "markdown"))
    # the adopters rows of the 举措 page: a link to each row's review
    at = _page_at({"page": "initiative", "id": g.SUYUAN})
    (table,) = [df.value for df in at.dataframe if "审核这条事实" in df.value.columns]
    assert any(f"page=review&fact={BING}" in str(v) for v in table["审核这条事实"])
    at = _page_at({"page": "initiative", "id": g.SUYUAN}, accounts=False)
    assert not any("审核这条事实" in df.value.columns for df in at.dataframe)
