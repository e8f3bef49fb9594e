"""扩散分析 (the analytics page) on the small graph plus a third document, answers known by
construction: 诉源治理 is first reported by 丙区 (2022-12, only the document's date) then 丁县
(2024-01), promoted by 乙市中院 (2022-11); 枫桥式人民法庭 by 丙区 (2023-09) and 丁县 (2024-06)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from tests import graph_fixtures as g
from tests.app.conftest import app_on
from tests.conftest import small_graph_in, with_document_c

BING = "甲省乙市丙区人民法院"
DING = "甲省乙市丁县人民法院"


@pytest.fixture
def graph(_arcadedb_store, embedded_dir, monkeypatch):
    """The small graph and document C (loaded afresh only when the previous test changed
    them), the app pointing at them."""
    store = small_graph_in(_arcadedb_store, with_document_c)
    return app_on(store, embedded_dir, monkeypatch)


def texts(at, kind: str) -> list[str]:
    return [str(e.value) for e in getattr(at, kind)]


def no_trouble(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at, "error")


def frame(at, first_column: str, *columns: str):
    """The one dataframe whose columns start with these names."""
    wanted = [first_column, *columns]
    found = [df.value for df in at.dataframe if list(df.value.columns)[: len(wanted)] == wanted]
    assert len(found) == 1, (wanted, [list(df.value.columns) for df in at.dataframe])
    return found[0]


def matrix(at):
    """The province × initiative table (columns ordered by coverage)."""
    found = [
        df.value for df in at.dataframe if set(df.value.columns) == {"诉源治理", "枫桥式人民法庭"}
    ]
    assert len(found) == 1, [list(df.value.columns) for df in at.dataframe]
    return found[0]


def param(at, name: str) -> Any:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def test_timeline_lists_first_adoptions_and_the_sequence(graph, app) -> None:
    at = app(page="analytics", id="诉源治理")
    no_trouble(at)
    assert [t.value for t in at.title] == ["扩散分析"]
    metrics = {m.label: m.value for m in at.metric}
    # one definition of adopted (any stage): the 中院's promotion counts, and is marked
    assert metrics["报道推行的单位"] == "3" and metrics["最早报道"] == "2022-11"
    assert metrics["上级推广部署"] == "1"
    first = frame(at, "单位", "层级", "省份", "阶段", "首次报道日期", "日期依据")
    assert list(zip(first["单位"], first["首次报道日期"], first["阶段"], strict=True)) == [
        ("甲省乙市中级人民法院", "2022-11", "推广部署"),
        (BING, "2022-12", "推行"),
        (DING, "2024-01", "试点"),
    ]
    basis = dict(zip(first["单位"], first["日期依据"], strict=True))
    assert "文档日期" in basis[BING] and "文档日期" not in basis[DING]
    # the events one by one: a click away (drawn when their expander is opened)
    assert [e.label for e in at.expander if "试点 → 推广 → 扩散" in e.label]
    assert len(at.dataframe) == 1
    at.session_state["analytics.sequence_open"] = True
    at.run()
    no_trouble(at)
    sequence = frame(at, "日期", "事件", "单位")
    assert list(zip(sequence["日期"], sequence["事件"], sequence["单位"], strict=True)) == [
        ("2022-11", "★ 上级推广部署", "甲省乙市中级人民法院"),
        ("2022-12", "推行", BING),
        ("2024-01", "试点", DING),
    ]
    assert len(at.get("vega_lite_chart")) == 4  # cumulative, by year, province, level
    assert param(at, "id") == g.SUYUAN  # the name became the id in the link


def test_coverage_under_the_high_court(graph, app) -> None:
    at = app(page="analytics", tab="辖区覆盖", id=g.SUYUAN, court="甲省高级人民法院")
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    # no court imported a roster of tribunals: no share for them, and a note says why
    assert metrics == {"中级法院": "1 / 1", "基层法院": "2 / 3", "人民法庭": "无名录"}
    assert any("未导入" in t or "没有法院导入人民法庭名录" in t for t in texts(at, "info"))
    shares = frame(at, "层级", "本院报道推行", "下属人民法庭已推行", "单位数", "覆盖率")
    assert dict(zip(shares["层级"], shares["覆盖率"], strict=True))["基层法院"] == pytest.approx(
        66.7
    )
    # no literal None where nothing applies (a new user's finding), and the metric's share as
    # precise as the table's; no "已覆盖" beside 未导入人民法庭名录
    tribunal = shares[shares["层级"] == "人民法庭"].iloc[0]
    assert tribunal["下属人民法庭已推行"] == "—"
    deltas = {m.label: m.proto.delta for m in at.metric}
    assert deltas["基层法院"] == "66.7%" and deltas["人民法庭"] == "未导入人民法庭名录"
    descriptions = {m.label: m.proto.delta_description for m in at.metric}
    assert descriptions["基层法院"] == "已覆盖" and descriptions["人民法庭"] == ""
    missing = frame(at, "单位", "层级", "单位页")
    assert sorted(missing["单位"]) == ["甲省乙市戊县人民法院"]
    assert any("尚未报道推行的单位（1）" in t for t in texts(at, "markdown"))
    assert any("不代表它确实没有推行" in t for t in texts(at, "caption"))
    assert not any("“尚未推行”" in t for t in texts(at, "caption"))
    assert param(at, "court") == g.HIGH and param(at, "tab") == "辖区覆盖"


def test_coverage_counts_a_court_covered_through_its_tribunal(
    _arcadedb_store, embedded_dir, monkeypatch, app
) -> None:
    """戊县 reports nothing itself, its 西山法庭 does: 下属人民法庭已推行, covered, not listed
    among the units not yet reported."""
    from tests.conftest import with_tribunal_of_wu_adopting

    store = small_graph_in(_arcadedb_store, with_tribunal_of_wu_adopting)
    app_on(store, embedded_dir, monkeypatch)
    at = app(page="analytics", tab="辖区覆盖", id=g.SUYUAN, court="甲省高级人民法院")
    no_trouble(at)
    assert {m.label: m.value for m in at.metric}["基层法院"] == "3 / 3"
    shares = frame(at, "层级", "本院报道推行", "下属人民法庭已推行", "单位数", "覆盖率")
    basic = shares[shares["层级"] == "基层法院"].iloc[0]
    assert (basic["本院报道推行"], basic["下属人民法庭已推行"], basic["单位数"]) == (2, "1", 3)
    assert basic["覆盖率"] == pytest.approx(100.0)
    via = frame(at, "单位", "层级", "已推行的人民法庭")
    assert list(via["已推行的人民法庭"]) == ["西山人民法庭"]
    assert any("尚未报道推行的单位（0）" in t for t in texts(at, "markdown"))


def test_province_table_is_a_heat_map_with_a_csv(graph, app) -> None:
    at = app(page="analytics", tab="省份覆盖表")
    no_trouble(at)
    table = matrix(at)
    # 4 courts at intermediate + basic in 甲省: 3 have 诉源治理 (中院 promoted), 2 have 枫桥
    assert table.loc["甲省", "诉源治理"] == pytest.approx(3 / 4)
    assert table.loc["甲省", "枫桥式人民法庭"] == pytest.approx(2 / 4)
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons][:2] == ["下载 CSV", "下载 Excel"]
    assert all(b.proto.ignore_rerun for b in buttons[:2])  # a click leaves the page alone
    at = app(page="analytics", tab="省份覆盖表", matrix_levels="basic")
    table = matrix(at)
    assert table.loc["甲省", "诉源治理"] == pytest.approx(2 / 3)


def test_co_adoption_network_pairs_and_early_adopters(graph, app) -> None:
    at = app(page="analytics", tab="共同采用")
    no_trouble(at)
    pairs = frame(at, "举措甲", "举措乙", "共同推行单位数", "Jaccard 相似度")
    assert [tuple(r) for r in pairs.itertuples(index=False)] == [
        ("枫桥式人民法庭", "诉源治理", 2, 0.667)  # 2/3 (rounded): 诉源治理 also has the 中院
    ]
    pages = [getattr(el.proto, "srcdoc", "") for el in at.get("iframe")]
    assert len(pages) == 1
    assert "vis.Network" in pages[0] and "诉源治理" in pages[0] and "枫桥式人民法庭" in pages[0]
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?https?://", pages[0])
    early = frame(at, "单位", "推行举措数", "平均早于它的其他单位（%）")
    assert list(zip(early["单位"], early["平均早于它的其他单位（%）"], strict=True)) == [
        (BING, 25.0),  # 诉源治理: 中院 0, 丙区 0.5, 丁县 1; 枫桥: 丙区 0, 丁县 1
        (DING, 100.0),
    ]
    at = app(page="analytics", tab="共同采用", min_shared="3")
    assert not at.get("iframe")
    assert any("至少 3 个相同的单位" in t for t in texts(at, "info"))


def test_outcomes_are_labelled_as_reported_claims_with_sources(graph, app) -> None:
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    assert any("报告数据（文档所述，非测量效果）" in t for t in texts(at, "warning"))
    rows = frame(at, "单位", "推行（首次日期）", "指标", "报告数值")
    assert [
        (r.单位, r[1], r.指标, r.报告数值, r.范围, r.文中关联的举措, r.核实状态)
        for r in rows.itertuples(index=False)
    ] == [(BING, "推行 2022-12", "调解率", "60%", "本院", "诉源治理", "待核实")]
    assert "样例文档甲" in rows["来源文档"].iloc[0]
    assert rows["证据"].iloc[0].startswith("?page=evidence&fact=")
    assert any("样例文档甲" in t and "page=evidence&doc=" in t for t in texts(at, "markdown"))


def test_panel_and_events_downloads(graph, app, monkeypatch) -> None:
    import pandas as pd
    from streamlit.delta_generator import DeltaGenerator

    from ui import analytics

    offered: dict[str, bytes] = {}
    original = DeltaGenerator.download_button

    def spy(self, label, data, file_name=None, *args, **kwargs):
        offered[file_name] = data
        return original(self, label, data, file_name, *args, **kwargs)

    def made(name: str) -> bytes:
        """A download's bytes; the large tables' files are made when clicked."""
        data = offered[name]
        return data() if callable(data) else data

    monkeypatch.setattr(DeltaGenerator, "download_button", spy)
    ids = f"{g.SUYUAN},{g.FENGQIAO}"
    at = app(page="analytics", tab="数据导出", ids=ids, levels="basic")
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    # 3 basic courts × 2022–2024; 3 + 2 adoption events of the two initiatives
    assert metrics["面板行数"] == "9" and metrics["年份"] == "2022–2024"
    assert metrics["事件数"] == "5"
    stem = "panel-诉源治理_枫桥式人民法庭"
    assert all(callable(offered[f"{stem}{ext}"]) for ext in (".csv", ".parquet", ".xlsx"))
    panel_csv = pd.read_csv(io.BytesIO(made(f"{stem}.csv")), encoding="utf-8-sig")
    assert len(panel_csv) == 9 and "adopted__枫桥式人民法庭" in panel_csv.columns
    assert len(pd.read_parquet(io.BytesIO(made(f"{stem}.parquet")))) == 9
    assert len(pd.read_excel(io.BytesIO(made(f"{stem}.xlsx")))) == 9  # the CLI's Excel too
    assert "| `documents` |" in made(f"{stem}.dictionary.md").decode("utf-8")
    events = pd.read_csv(
        io.BytesIO(made("events-诉源治理_枫桥式人民法庭.csv")), encoding="utf-8-sig"
    )
    assert len(events) == 5
    # what a citation needs: the year as a number, one sentence, its document's title and URL
    assert events["year"].dtype.kind == "i" and set(events["year"]) == {2022, 2023, 2024}
    assert events["evidence"].notna().all() and events["doc_title"].notna().all()
    assert "http://example.test/a" in set(events["doc_url"])
    # the page hands out exactly what its builder makes
    built = analytics.panel_export(graph, [g.SUYUAN, g.FENGQIAO], levels=["basic"])
    assert len(built.rows) == 9 and built.files["csv"] == made(f"{stem}.csv")
    assert len(analytics.panel_export(graph, ["诉源治理"]).rows) == 7 * 3  # every unit
    assert param(at, "levels") == "basic"


def test_tab_and_initiative_stay_in_the_link(graph, app) -> None:
    at = app(page="analytics", tab="成效对照")
    no_trouble(at)
    assert at.selectbox(key="analytics.id").value == g.SUYUAN  # most adopted first
    at.selectbox(key="analytics.id").select(g.FENGQIAO).run()
    no_trouble(at)
    assert param(at, "id") == g.FENGQIAO and param(at, "tab") == "成效对照"
    # 丙区 also adopted 枫桥式人民法庭; its figure is tied to 诉源治理 in the text, and says so
    rows = frame(at, "单位", "推行（首次日期）", "指标", "报告数值")
    assert [(r.单位, r[1], r.文中关联的举措) for r in rows.itertuples(index=False)] == [
        (BING, "推行 2023-09", "诉源治理")
    ]
    # the link reopens the same tab and initiative
    again = app(page="analytics", tab="时间线", id=g.FENGQIAO)
    first = frame(again, "单位", "层级", "省份", "阶段", "首次报道日期", "日期依据")
    assert list(first["首次报道日期"]) == ["2023-09", "2024-06"]


def test_every_tab_opens_without_parameters(graph, app) -> None:
    from ui.analytics import TABS

    for i, tab in enumerate(TABS):
        at = app(page="analytics", tab=tab)
        no_trouble(at)
        # only the tab named in the link runs (and shows something); the others stay empty
        filled = [bool(t.children) for t in at.tabs]
        assert filled == [j == i for j in range(len(TABS))], (tab, filled)
        assert [t.label for t in at.tabs] == list(TABS)


def test_an_empty_graph_says_what_to_do(empty_store, app) -> None:
    at = app(page="analytics")
    assert not at.exception
    assert any("还没有改革举措" in t and "导入" in t for t in texts(at, "info"))


def test_an_unknown_initiative_is_a_chinese_error(graph, app) -> None:
    at = app(page="analytics", id="不存在的举措")
    assert not at.exception
    assert any("图中没有找到这个实体" in t for t in texts(at, "error"))


def test_timeline_headline_and_panel_count_undated_adopters(graph, app) -> None:
    """Issue 12, item 3: 戊县 reports 诉源治理 without a date. The headline, the level and
    province bars and the panel count it; it is listed apart, with its number."""
    from tests.queries.test_analytics import _undated_adoption

    graph.write_documents([_undated_adoption()])
    at = app(page="analytics", id=g.SUYUAN)
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["报道推行的单位"] == "4" and metrics["没有日期的单位"] == "1"
    assert any("另有 1 个单位未报道日期" in t for t in texts(at, "caption"))
    assert [e.label for e in at.expander if e.label == "未报道日期的单位（1）"]
    at.session_state["analytics.undated_open"] = True  # the list: drawn when opened
    at.run()
    no_trouble(at)
    undated = frame(at, "单位", "层级", "省份", "阶段", "文档数")
    assert list(undated["单位"]) == ["甲省乙市戊县人民法院"]
    import pyarrow as pa

    bars = {}  # the level bars: every adopter, dated or not
    for chart in at.get("vega_lite_chart"):
        for ds in chart.proto.datasets:
            data = pa.ipc.open_stream(ds.data.data).read_all().to_pandas()
            if "层级" in data.columns:
                bars = dict(zip(data["层级"], data["单位数"], strict=True))
    assert bars == {"中级法院": 1, "基层法院": 3}

    at = app(page="analytics", tab="数据导出", ids=g.SUYUAN, levels="basic")
    no_trouble(at)
    assert any("诉源治理：3 个推行单位，另有 1 个单位未报道日期" in t for t in texts(at, "caption"))


def test_collections_and_verified_only_reach_every_tab(graph, app) -> None:
    """Collections (issue 12, item 1) and 只看已核实 (issue 11) filter the summary-based tabs
    too, and each table says how many of its facts are unverified."""
    from graph import review
    from graph.collections import add_to_collection
    from graph.model import fact_id

    add_to_collection(graph, g.DOC_B, "乙")  # 丙区 and 丁县's 诉源治理
    at = app(page="analytics", tab="省份覆盖表", collections="乙")
    no_trouble(at)
    found = [df.value for df in at.dataframe if "诉源治理" in df.value.columns]
    assert found[0].loc["甲省", "诉源治理"] == pytest.approx(2 / 4)
    assert "枫桥式人民法庭" not in found[0].columns  # reported in document C only
    assert any("共 2 条事实，其中 2 条尚未核实" in t for t in texts(at, "caption"))
    at = app(page="analytics", tab="共同采用", collections="乙")
    no_trouble(at)
    assert not at.get("iframe")  # no second initiative in 乙

    review.decide(graph, fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted"), "confirm", reviewer="王")
    at = app(page="analytics", id=g.SUYUAN, verified="1")
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["报道推行的单位"] == "1"
    assert any(
        "仅含已核实的 1 条事实（另有 2 条尚未核实，未计入）" in t for t in texts(at, "caption")
    )
    at = app(page="analytics", tab="共同采用", verified="1")
    no_trouble(at)
    assert any(
        "仅含已核实的 1 条事实（另有 4 条尚未核实，未计入）" in t for t in texts(at, "caption")
    )
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN, verified="1")
    no_trouble(at)
    assert any("还没有报告过成效数据" in t for t in texts(at, "info"))
    at = app(page="analytics", tab="数据导出", ids=g.SUYUAN, verified="1")
    no_trouble(at)
    assert {m.label: m.value for m in at.metric}["事件数"] == "1"
    at = app(page="analytics", tab="成效对照", verified="1")
    no_trouble(at)
    picker = at.selectbox(key="analytics.id")
    # the picker counts the units of verified facts only (one: 丙区), most first
    assert picker.value == g.SUYUAN and "诉源治理（1 个单位）" in picker.options[0]


def test_the_export_preview_shows_no_none() -> None:
    from ui.analytics.exports import preview_frame

    frame = preview_frame(
        [
            {"unit": "甲法院", "scope": None, "doc_ids": ["doc:1", "doc:2"], "year": 2024},
            {"unit": "乙法院", "scope": "AGG", "doc_ids": [], "year": 2023},
            {"unit": "丙法院", "scope": None, "doc_ids": ["doc:3", None], "year": 2022},
        ]
    )
    assert list(frame["scope"]) == ["", "AGG", ""]
    assert list(frame["doc_ids"]) == ["doc:1；doc:2", "", "doc:3；"]  # (join_list: None empty)
    assert list(frame["year"]) == [2024, 2023, 2022]


def test_a_near_copy_with_one_figure_changed_is_marked() -> None:
    """Two articles, one the other with its rate changed: 成效对照 marks both rows with the
    other's title and value; a figure of another article (not a copy) is left unmarked."""
    from ui.analytics.outcomes import copy_notes

    story = (
        "近日，甲县人民法院乙镇人民法庭被评为先进集体。该庭联合村委会和司法所开展诉前调解，"
        "推动矛盾纠纷就地化解。2023年1月至10月，该庭诉前化解纠纷318件，调解成功率达到{}%，"
        "庭长被评为全省法院先进个人。下一步，该庭将继续完善多元解纷机制，延伸司法服务。"
    )
    texts = {
        "doc:a": story.format("68.4"),
        "doc:b": story.format("64.8"),
        "doc:c": "甲县人民法院召开年度总结会。今年该院乙镇人民法庭调解成功率为61.0%。",
    }
    base = {"unit_id": "tribunal:乙镇", "metric": "调解成功率", "period": "2023", "qualifier": None}
    rows = [
        {**base, "value": 68.4, "unit_of_measure": "%", "doc_ids": ["doc:a"]},
        {**base, "value": 64.8, "unit_of_measure": "%", "doc_ids": ["doc:b"]},
        {**base, "value": 61.0, "unit_of_measure": "%", "doc_ids": ["doc:c"]},
    ]
    notes = copy_notes(rows, texts.get, lambda d: {"doc:a": "甲稿", "doc:b": "乙稿"}.get(d, d))
    assert notes == {
        0: "与《乙稿》文字几乎相同，仅数字不同（那篇为 64.8%）；请核对哪一篇是更正稿",
        1: "与《甲稿》文字几乎相同，仅数字不同（那篇为 68.4%）；请核对哪一篇是更正稿",
    }


#: an invented weekly bulletin: two issues differ in every figure
_WEEKLY = (
    "本周甲县人民法院共受理案件{}件，审结{}件，诉前调解成功{}件，调解成功率为{}%。"
    "乙镇法庭受理{}件，丙镇法庭受理{}件。本周开展巡回审判{}次，接待来访群众{}人次。"
)
_WEEK_1 = _WEEKLY.format(120, 98, 45, 58.2, 30, 22, 4, 67)
_RATE = {"unit_id": "court:甲县", "metric": "调解成功率", "period": "2023", "qualifier": None}


def _row(value: float, docs: list[str], scope: str | None = None) -> dict:
    return {**_RATE, "value": value, "unit_of_measure": "%", "doc_ids": docs, "scope": scope}


def test_copy_notes_leave_bulletins_other_scopes_and_unchanged_values() -> None:
    """Not marked as a copy with a figure changed: the next issue of a weekly bulletin (every
    figure differs: farther than ingest's repost distance, nearer than 90 bits), a figure of
    another scope (全县法院 vs the court's own), and a value the other document states too
    (only the changed value is marked)."""
    from ingest.dedup import REPOST_DISTANCE, fingerprint, hamming
    from ui.analytics.outcomes import copy_notes

    week_2 = _WEEKLY.format(131, 102, 51, 61.3, 28, 25, 6, 73)
    assert REPOST_DISTANCE < hamming(fingerprint(_WEEK_1), fingerprint(week_2)) <= 90
    texts = {"doc:1": _WEEK_1, "doc:2": week_2}
    assert copy_notes([_row(58.2, ["doc:1"]), _row(61.3, ["doc:2"])], texts.get, str) == {}
    # the same bulletin with its rate corrected: a changed copy, unless the scopes differ
    fixed = _WEEK_1.replace("58.2", "61.3")
    texts = {"doc:1": _WEEK_1, "doc:2": fixed}
    rows = [_row(58.2, ["doc:1"]), _row(61.3, ["doc:2"])]
    assert set(copy_notes(rows, texts.get, str)) == {0, 1}
    rows = [_row(58.2, ["doc:1"]), _row(61.3, ["doc:2"], scope="全县法院")]
    assert copy_notes(rows, texts.get, str) == {}
    # 58.2 stated by both documents (the second gives it as well): only 61.3 is marked
    rows = [_row(58.2, ["doc:1", "doc:2"]), _row(61.3, ["doc:2"])]
    assert set(copy_notes(rows, texts.get, str)) == {1}


def test_province_table_leaves_out_an_initiative_no_chosen_level_reports(graph, app) -> None:
    """With 中级法院 only, 枫桥式人民法庭 (reported by basic courts alone) was an empty column."""
    at = app(page="analytics", tab="省份覆盖表", matrix_levels="intermediate")
    no_trouble(at)
    tables = [df.value for df in at.dataframe if "诉源治理" in df.value.columns]
    assert [list(t.columns) for t in tables] == [["诉源治理"]]
    assert tables[0].loc["甲省", "诉源治理"] == pytest.approx(1 / 1)
    assert any("另有 1 项举措在这些层级没有推行报道" in t for t in texts(at, "caption"))


def test_the_export_preview_is_as_tall_as_its_rows() -> None:
    """A 3-row preview stood over a fixed 280 px grid, empty lines under its rows."""
    from ui.analytics.exports import preview_height

    assert preview_height(3) < preview_height(4) < 280
    assert preview_height(3) >= 35 * 4  # the header and three rows
    assert preview_height(500) == 280  # a long preview scrolls


def test_outcome_table_keeps_its_unit_in_view_and_writes_periods_in_chinese(graph, app) -> None:
    """成效对照 is wider than the page: its unit column stays in view while it scrolls to its
    last columns (cut at the page's edge), and a period reads 2023年, not 2023-01-01/2023-12-31."""
    import json

    graph.write_statements(
        [("MATCH (o:Entity {id: $id}) SET o.period = '2023-01-01/2023-12-31'", {"id": g.RATE})]
    )
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    shown = [
        df for df in at.dataframe if list(df.value.columns)[:2] == ["单位", "推行（首次日期）"]
    ]
    assert len(shown) == 1
    assert list(shown[0].value["期间"]) == ["2023年"]
    config = json.loads(shown[0].proto.columns)
    assert config["单位"].get("pinned") is True
