"""Every page of the explorer on the small graph (AppTest, no browser)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests import graph_fixtures as g


def texts(at, kind: str) -> list[str]:
    return [str(e.value) for e in getattr(at, kind)]


TABLES = {  # the columns that tell the app's tables apart
    "overview.top": ["举措", "单位数", "最早日期", "English", "详情"],
    "overview.docs": ["标题", "日期", "网站", "文档集", "全文"],
    "initiative.adopters_table": [
        "单位",
        "层级",
        "省份",
        "阶段",
        "最早报道",
        "文档数",
        "单位页",
        "证据",
    ],
    "initiative.cov_yes": ["单位", "层级", "阶段", "最早日期", "单位页"],
    "initiative.cov_no": ["单位", "层级", "单位页"],
    # with a note beside units whose superior court reports a rollout to its whole area
    "initiative.cov_no_noted": ["单位", "层级", "说明", "单位页"],
    "initiative.cov_via": ["单位", "层级", "已推行的人民法庭", "单位页"],
    "initiative.outcomes": ["单位", "指标", "数值", "期间", "范围", "核实状态", "单位页", "证据"],
    "unit.down": ["单位", "层级", "单位页"],
    "unit.initiatives": ["举措", "English", "候选", "阶段", "最早报道", "文档数", "举措页", "证据"],
    "unit.people": ["姓名", "职务", "文档数", "证据"],
    "unit.outcomes": ["指标", "数值", "期间", "范围", "相关举措", "证据"],
    "unit.outcomes_conflict": ["指标", "数值", "期间", "范围", "相关举措", "数字冲突", "证据"],
    "unit.outcomes_below_conflict": [
        "单位",
        "指标",
        "数值",
        "期间",
        "范围",
        "相关举措",
        "数字冲突",
        "单位页",
        "证据",
    ],
    "unit.outcomes_below": ["单位", "指标", "数值", "期间", "范围", "相关举措", "单位页", "证据"],
    "unit.documents": ["标题", "日期", "首次提及的句子", "全文"],
}


def frame(at, name: str):
    """The dataframe of one of the app's tables, found by its columns."""
    found = [df.value for df in at.dataframe if list(df.value.columns) == TABLES[name]]
    assert len(found) == 1, (name, [list(df.value.columns) for df in at.dataframe])
    return found[0]


def no_trouble(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at, "error")


def url(at, name: str) -> str | None:
    """One query parameter of the app's URL (AppTest may hold it as a one-item list)."""
    if name not in at.query_params:
        return None
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def test_overview_counts_and_lists(small_store, app) -> None:
    at = app(page="overview")
    no_trouble(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["法院"] == "6"
    assert metrics["改革举措"] == "2"
    assert metrics["文档"] == "2"
    # the court count includes the built-in roster: the page says so
    assert "全国法院名录" in next(m.help for m in at.metric if m.label == "法院")
    top = frame(at, "overview.top")
    assert list(top["举措"]) == ["诉源治理"] and list(top["单位数"]) == [3]
    assert "?page=initiative&id=initiative:诉源治理" in list(top["详情"])
    assert set(frame(at, "overview.docs")["标题"]) == {"样例文档甲", "样例文档乙"}
    assert any("内置 ArcadeDB" in c for c in texts(at, "caption"))


def test_overview_on_an_empty_graph_says_what_to_do(empty_store, app) -> None:
    at = app(page="overview")
    assert not at.exception
    assert any("图中还没有数据" in t and "导入" in t for t in texts(at, "info"))


def test_pages_show_another_process_s_writes_at_once(empty_store, app, tmp_path, monkeypatch):
    """Answers are cached, but keyed on the store's change token: a document another process
    ingests (here: written straight to the store, the app's caches untouched) shows on the
    next page, not when the cache expires."""
    from ingest.pipeline import ingest_paths
    from ui import state

    monkeypatch.setattr(state, "TOKEN_FRESH_S", 0.0)
    articles = {
        "a.txt": "江苏省南京市中级人民法院2024年3月在全市法院全面推行诉源治理工作。",
        "b.txt": "江苏省苏州市中级人民法院2024年5月全面推行诉源治理工作。",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not ingest_paths(empty_store, [tmp_path / "a.txt"]).failed
    at = app(page="initiative", id="诉源治理")
    no_trouble(at)
    assert set(frame(at, "initiative.adopters_table")["单位"]) == {"江苏省南京市中级人民法院"}
    assert not ingest_paths(empty_store, [tmp_path / "b.txt"]).failed
    again = app(page="initiative", id="诉源治理")
    no_trouble(again)
    assert "江苏省苏州市中级人民法院" in set(frame(again, "initiative.adopters_table")["单位"])


def test_initiative_adopters_coverage_and_outcomes(small_store, app) -> None:
    at = app(page="initiative", id="诉源治理", court=g.MID)
    no_trouble(at)
    adopters = frame(at, "initiative.adopters_table")
    assert list(zip(adopters["单位"], adopters["阶段"], adopters["最早报道"], strict=True)) == [
        ("甲省乙市中级人民法院", "推广部署", "2022-11"),
        ("甲省乙市丙区人民法院", "推行", "2022-12（文档日期）"),  # only the article's date
        ("甲省乙市丁县人民法院", "试点", "2024-01"),
    ]
    assert all(link.startswith("?page=evidence&fact=adopted:") for link in adopters["证据"])
    # only the open tab runs (and is sent to the browser); the others open from the link
    assert not at.get("vega_lite_chart") and not any("辖区已覆盖" in m.label for m in at.metric)
    at = app(page="initiative", id="诉源治理", court=g.MID, tab="辖区覆盖")
    no_trouble(at)
    # coverage under the intermediate court: 2 of its 3 basic courts; the tribunal an
    # article names is no denominator (no roster of tribunals was imported)
    assert any("基层法院：本院报道推行 **2 / 3**" in t for t in texts(at, "markdown"))
    assert set(frame(at, "initiative.cov_no")["单位"]) == {"甲省乙市戊县人民法院"}
    # the careful wording: not reported is not "not adopted"
    assert any("**尚未报道推行（1）**" in t for t in texts(at, "markdown"))
    assert not any("**尚未推行" in t for t in texts(at, "markdown"))
    assert any("不代表它确实没有推行" in t for t in texts(at, "caption"))
    at = app(page="initiative", id="诉源治理", tab="成效数据")
    no_trouble(at)
    outcomes = frame(at, "initiative.outcomes")
    assert list(outcomes["指标"]) == ["调解率"] and list(outcomes["数值"]) == [
        "60%"
    ]  # as the document words it
    # whose figure it is (the unit's own: no area in the text) and its review status
    assert list(outcomes["范围"]) == ["本院"] and list(outcomes["核实状态"]) == ["待核实"]


def test_coverage_of_one_level(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, court=g.MID, cov_level="basic", tab="辖区覆盖")
    no_trouble(at)
    coverage = [m for m in at.metric if "辖区已覆盖" in m.label]
    assert [m.value for m in coverage] == ["2 / 3"]
    assert list(frame(at, "initiative.cov_no")["单位"]) == ["甲省乙市戊县人民法院"]


def with_two_copies(store) -> None:
    """A step for `small_graph_in`: two copies of a report giving 丙区法院's 调解成功率 as
    62.5% and 65.2%, and a third for another period."""
    from tests.queries.test_conflicts import _copy

    store.write_documents([_copy("1", 62.5), _copy("2", 65.2), _copy("3", 70.0, "2023")])


def test_the_unit_page_marks_two_figures_that_disagree(
    _arcadedb_store, embedded_dir, monkeypatch, app
) -> None:
    """大连中院 → 成效数据 showed 调解成功率 65.2% and 62.5% side by side with no mark (a new
    user's findings, item 6)."""
    from tests.app.conftest import app_on
    from tests.conftest import small_graph_in

    app_on(small_graph_in(_arcadedb_store, with_two_copies), embedded_dir, monkeypatch)
    at = app(page="unit", id=g.BING, tab="成效数据")
    no_trouble(at)
    figures = frame(at, "unit.outcomes_conflict")
    marks = dict(zip(figures["数值"], figures["数字冲突"], strict=True))
    assert marks["62.5%"] == "同一指标另报 65.2%" and marks["65.2%"] == "同一指标另报 62.5%"
    assert not marks["70%"] and not marks["60%"]
    assert any(t.startswith("数字冲突：同一单位就同一指标") for t in texts(at, "caption"))
    at = app(page="unit", id=g.MID, tab="成效数据")  # the same, among its units' figures
    no_trouble(at)
    below = frame(at, "unit.outcomes_below_conflict")
    assert set(below["数字冲突"]) >= {"同一指标另报 65.2%", "同一指标另报 62.5%"}
    # 扩散分析 → 成效对照: every figure 诉源治理's adopters report, 丙区's two among them
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    (compared,) = [df.value for df in at.dataframe if "数字冲突" in df.value.columns]
    assert set(compared["数字冲突"]) >= {"同一指标另报 65.2%", "同一指标另报 62.5%", ""}


def with_area_rollout(store) -> None:
    """A step for `small_graph_in`: document C, then 乙市中院 reporting 枫桥式人民法庭 rolled
    out to all its courts (scope 甲省乙市全市法院)."""
    from tests.conftest import with_document_c
    from tests.queries.test_analytics import _area_rollout

    with_document_c(store)
    store.write_documents([_area_rollout()])


def test_coverage_notes_a_superior_courts_rollout_beside_not_reported(
    _arcadedb_store, embedded_dir, monkeypatch, app
) -> None:
    """举措 → 辖区覆盖 and 扩散分析 → 辖区覆盖 listed 戊县法院 尚未报道推行 with no word of 乙市中院's
    report of a rollout to all its courts, nor showed that report (a new user's findings,
    item 7)."""
    from tests.app.conftest import app_on
    from tests.conftest import small_graph_in

    app_on(small_graph_in(_arcadedb_store, with_area_rollout), embedded_dir, monkeypatch)
    at = app(page="initiative", id=g.FENGQIAO, court=g.MID, tab="辖区覆盖")
    no_trouble(at)
    missing = frame(at, "initiative.cov_no_noted")
    assert list(missing["单位"]) == ["甲省乙市戊县人民法院"]
    assert list(missing["说明"]) == [
        "上级报道在全辖推行：甲省乙市中级人民法院 推行（范围：甲省乙市全市法院；2024-03）"
    ]
    shown = [i.value for i in at.info]
    assert any(
        x.startswith("本院或上级法院报道在全辖推行：甲省乙市中级人民法院 推行") for x in shown
    )
    at = app(page="analytics", tab="辖区覆盖", id=g.FENGQIAO, court=g.MID)
    no_trouble(at)
    assert any("本院或上级法院报道在全辖推行" in i.value for i in at.info)


def test_the_coverage_tab_asks_for_the_area_rollouts_once(
    _arcadedb_store, embedded_dir, monkeypatch, app
) -> None:
    """扩散分析 → 辖区覆盖 ran the named query `area_rollouts` twice per visit: once inside
    the coverage it marks, once for the notes above the table."""
    from queries import registry
    from tests.app.conftest import app_on
    from tests.conftest import small_graph_in

    app_on(small_graph_in(_arcadedb_store, with_area_rollout), embedded_dir, monkeypatch)
    asked: list[str] = []
    real = registry.prepared

    def counted(store, query, raw):  # type: ignore[no-untyped-def]
        asked.append(query.name)
        return real(store, query, raw)

    monkeypatch.setattr(registry, "prepared", counted)
    at = app(page="analytics", tab="辖区覆盖", id=g.FENGQIAO, court=g.MID)
    no_trouble(at)
    assert any("本院或上级法院报道在全辖推行" in i.value for i in at.info)
    (missing,) = [df.value for df in at.dataframe if "说明" in df.value.columns]
    assert list(missing["说明"]) == [
        "上级报道在全辖推行：甲省乙市中级人民法院 推行（范围：甲省乙市全市法院；2024-03）"
    ]
    assert asked.count("area_rollouts") == 1, asked


@pytest.fixture
def tribunal_store(_arcadedb_store, embedded_dir, monkeypatch):
    """The small graph, document C and 戊县's 西山法庭 reporting 诉源治理 (戊县 itself
    reports nothing), the app pointing at them."""
    from tests.app.conftest import app_on
    from tests.conftest import small_graph_in, with_tribunal_of_wu_adopting

    store = small_graph_in(_arcadedb_store, with_tribunal_of_wu_adopting)
    return app_on(store, embedded_dir, monkeypatch)


@pytest.mark.parametrize("cov_level", [None, "basic"])
def test_a_court_covered_through_its_tribunal_is_not_listed_as_not_reported(
    tribunal_store, app, monkeypatch, cov_level
) -> None:
    exported: list = []
    monkeypatch.setattr(
        "ui.initiative.table_downloads", lambda columns, rows, **kw: exported.append(columns)
    )
    extra = {"cov_level": cov_level} if cov_level else {}
    at = app(page="initiative", id=g.SUYUAN, court=g.MID, tab="辖区覆盖", **extra)
    no_trouble(at)
    assert [m.value for m in at.metric if "辖区已覆盖" in m.label] == ["3 / 3"]
    via = frame(at, "initiative.cov_via")
    assert list(zip(via["单位"], via["已推行的人民法庭"], strict=True)) == [
        ("甲省乙市戊县人民法院", "西山人民法庭")
    ]
    assert frame(at, "initiative.cov_no").empty
    assert any("**尚未报道推行（0）**" in t for t in texts(at, "markdown"))
    assert any("另有 **1** 个下属人民法庭已推行，合计 3 / 3" in t for t in texts(at, "markdown"))
    assert ["单位", "层级", "状态", "阶段", "最早日期", "已推行的人民法庭", "说明"] in exported


def test_the_adopters_export_says_which_facts_are_verified(small_store, app, monkeypatch) -> None:
    from graph import review
    from graph.model import fact_id

    exported: list = []
    monkeypatch.setattr(
        "ui.initiative.table_downloads",
        lambda columns, rows, **kw: exported.append((columns, list(rows))),
    )
    fid = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")
    review.decide(small_store, fid, "confirm", reviewer="王审")  # the next test reloads
    at = app(page="initiative", id=g.SUYUAN)
    at.session_state["initiative.export"] = True  # the export: made ready when opened
    at.run()
    no_trouble(at)
    columns, rows = exported[0]
    status = columns.index("核实状态")
    assert {r[0]: r[status] for r in rows} == {
        "甲省乙市中级人民法院": "待核实",
        "甲省乙市丙区人民法院": "已确认",
        "甲省乙市丁县人民法院": "待核实",
    }


def test_the_adopters_export_cites_each_unit_and_joins_with_the_semicolon(
    small_store, app, monkeypatch
) -> None:
    """举措 → 采用单位 → 导出这张表 had neither fact id, sentence nor source, and joined the
    stages with "、" (推广部署、推行); the README says downloads join lists with "；" (a new
    user's findings, item 9). The pictures and the slide keep the page's six columns."""
    exported: list = []
    monkeypatch.setattr(
        "ui.initiative.table_downloads",
        lambda columns, rows, **kw: exported.append((columns, list(rows), kw)),
    )
    at = app(page="initiative", id=g.SUYUAN)
    at.session_state["initiative.export"] = True
    at.run()
    no_trouble(at)
    columns, rows, kw = exported[0]
    assert columns[:6] == ["单位", "层级", "省份", "阶段", "最早报道", "核实状态"]
    assert kw["shown"] == 6
    row = {r[0]: dict(zip(columns, r, strict=True)) for r in rows}["甲省乙市丙区人民法院"]
    assert row["证据"] == "丙区法院早在前年十二月便推行诉源治理。"
    assert row["来源文档"] == "样例文档乙" and row["网址"] == "http://example.test/b"
    assert row["证据文档 ID"] == g.DOC_B and row["文档日期"] == "2024-02-01"
    assert row["事实 ID"].startswith("adopted:")
    mid = {r[0]: dict(zip(columns, r, strict=True)) for r in rows}["甲省乙市中级人民法院"]
    assert mid["阶段"] == "推广部署"
    from graph.model import fact_id
    from ui.initiative import adopter_export_rows

    two = {  # a unit reported at two stages, as `adopters` gives it
        "unit": "甲省乙市中级人民法院",
        "level": "intermediate",
        "stages": ["promoted", "adopted"],
        "fact_id": fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted"),
        "fact_ids": ["adopted:1", "adopted:2"],
        "date": "2022-11",
        "date_precision": "month",
    }
    (cells,) = adopter_export_rows(small_store, [two])
    assert cells[3] == "推广部署；推行" and cells[6] == "adopted:1；adopted:2"


def test_filters_come_from_the_url_and_go_back_to_it(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, stage="piloted")
    no_trouble(at)
    assert at.selectbox(key="initiative.stage").value == "piloted"
    assert list(frame(at, "initiative.adopters_table")["单位"]) == ["甲省乙市丁县人民法院"]
    at.selectbox(key="initiative.stage").set_value("adopted").run()
    assert at.query_params["stage"] == ["adopted"] or at.query_params["stage"] == "adopted"
    assert list(frame(at, "initiative.adopters_table")["单位"]) == ["甲省乙市丙区人民法院"]
    at.selectbox(key="initiative.level").set_value("intermediate").run()
    assert "level" in at.query_params
    assert any("没有符合筛选条件的单位" in t for t in texts(at, "info"))


def test_a_bad_date_is_a_chinese_message(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, **{"from": "去年"})
    assert not at.exception
    assert any("参数有误" in t and "去年" in t for t in texts(at, "error"))


def test_initiative_page_describes_it_in_chinese(small_store, app) -> None:
    """The small graph's 诉源治理 node was loaded without `description_zh` (as a store loaded
    before the taxonomy had one): the page shows the taxonomy's Chinese description."""
    from ingest.taxonomy import default_taxonomy

    entry = default_taxonomy().by_name["诉源治理"]
    at = app(page="initiative", id=g.SUYUAN)
    no_trouble(at)
    shown = texts(at, "markdown")
    assert entry.description_zh in shown
    assert not any(entry.description in t for t in shown)


def test_the_chinese_description_comes_first() -> None:
    from ui.initiative import description

    both = {"name": "诉源治理", "curated": True, "description": "In English."}
    assert description({**both, "description_zh": "中文说明。"}) == "中文说明。"
    assert description(both).startswith("法院")  # the taxonomy's, for a curated initiative
    # a promoted candidate the taxonomy lacks: its own description, whatever its language
    assert description({"name": "某某机制", "curated": True, "description": "甲。"}) == "甲。"
    assert description({"name": "某某机制", "candidate": True}) == ""
    # renamed by a reviewer: the taxonomy's entry is found by the id (the canonical name)
    renamed = {"id": "initiative:诉源治理", "name": "源头治理（本院）", "curated": True}
    assert description(renamed).startswith("法院")


def test_unit_page_hierarchy_initiatives_people(small_store, app) -> None:
    at = app(page="unit", id="丙區法院")  # a traditional-script alias
    no_trouble(at)
    crumbs = [b.label for b in at.button if b.key and b.key.startswith("unit.up.")]
    assert crumbs == ["最高人民法院 ›", "甲省高级人民法院 ›", "甲省乙市中级人民法院 ›"]
    assert list(frame(at, "unit.down")["单位"]) == ["甲省乙市丙区人民法院东湖人民法庭"]
    done = frame(at, "unit.initiatives")
    assert list(zip(done["举措"], done["阶段"], strict=True)) == [("诉源治理", "推行")]
    # the only date is the article's own, marked as such (as on 举措), not an adoption date
    assert list(done["最早报道"]) == ["2022-12（文档日期）"]
    # only the open tab runs: the others' tables come with their tab (kept in the URL)
    assert not [t for t in at.dataframe if "姓名" in t.value.columns]
    people = frame(app(page="unit", id="丙區法院", tab="人员及职务"), "unit.people")
    assert list(zip(people["姓名"], people["职务"], strict=True)) == [("张三", "院长")]
    outcomes = app(page="unit", id="丙區法院", tab="成效数据")
    assert list(frame(outcomes, "unit.outcomes")["指标"]) == ["调解率"]
    assert list(frame(outcomes, "unit.outcomes")["范围"]) == ["本院"]  # whose figure it is
    assert url(outcomes, "tab") == "成效数据"
    # a court above it: no figures of its own, its units' figures under them
    above = app(page="unit", id=g.MID, tab="成效数据")
    no_trouble(above)
    assert any(t.startswith("没有这个单位自己报告的成效数据。下面是") for t in texts(above, "info"))
    below = frame(above, "unit.outcomes_below")
    assert list(zip(below["单位"], below["指标"], strict=True)) == [
        ("甲省乙市丙区人民法院", "调解率")
    ]
    assert list(below["范围"]) == ["本院"]
    # none under it
    assert not [df for df in outcomes.dataframe if {"单位", "指标"} <= set(df.value.columns)]
    documents = frame(app(page="unit", id="丙區法院", tab="文档"), "unit.documents")
    assert list(documents["标题"]) == ["样例文档乙", "样例文档甲"]
    # the breadcrumb moves up in place and the URL follows (with the id; the box names it)
    at.button(key=f"unit.up.{g.MID}").click().run()
    assert url(at, "id") == g.MID
    assert at.text_input(key="unit.id").value == "甲省乙市中级人民法院"


def _candidate_adoption(store) -> None:
    """丙区法院 adopts 枫桥式人民法庭 (curated, no English name in the test roster) and a
    candidate initiative the extractor proposed (no English name, no category)."""
    from graph.model import DocumentGraph, FactRow, MentionRow, NodeRow, document_id, entity_id

    small_claims = entity_id("Initiative", "小额诉讼程序")
    s = "丙区法院推行小额诉讼程序。"
    store.write_documents([g.document_c()])
    store.write_documents(
        [
            DocumentGraph(
                id=document_id("d" * 64),
                props={"title": "样例文档丁", "date": "2024-08-01", "content_hash": "d" * 64},
                nodes=[
                    NodeRow("Initiative", small_claims, {"name": "小额诉讼程序", "candidate": True})
                ],
                mentions=[
                    MentionRow(g.BING, "丙区法院", s, 0, 4),
                    MentionRow(small_claims, "小额诉讼程序", s, 6, 12),
                ],
                facts=[
                    FactRow(
                        "ADOPTED",
                        g.BING,
                        small_claims,
                        ("adopted",),
                        {"stage": "adopted"},
                        g._ev(s, "2024-08", "month"),
                    )
                ],
            )
        ]
    )


def test_unit_page_marks_candidates_and_leaves_missing_english_empty(small_store, app) -> None:
    _candidate_adoption(small_store)
    at = app(page="unit", id=g.BING)
    no_trouble(at)
    done = frame(at, "unit.initiatives")
    rows = {r["举措"]: (r["English"], r["候选"]) for _, r in done.iterrows()}
    assert rows == {
        "诉源治理": ("Source governance", ""),
        "枫桥式人民法庭": ("", ""),
        "小额诉讼程序": ("", "候选"),
    }
    assert "None" not in done.astype(str).to_string()
    assert any("候选" in c and "举措目录" in c for c in texts(at, "caption"))


def test_overview_leaves_missing_english_empty(small_store, app) -> None:
    _candidate_adoption(small_store)
    at = app(page="overview")
    no_trouble(at)
    top = frame(at, "overview.top")
    english = dict(zip(top["举措"], top["English"], strict=True))
    assert english == {"诉源治理": "Source governance", "枫桥式人民法庭": "", "小额诉讼程序": ""}
    assert "None" not in top.astype(str).to_string()
    assert "None" not in frame(at, "overview.docs").astype(str).to_string()  # no site either


def test_initiative_page_shows_the_category_in_chinese(small_store, app) -> None:
    small_store.write_statements(  # as the taxonomy loader stores it
        [("MATCH (n:Entity {id: $id}) SET n.category = 'tribunal'", {"id": g.FENGQIAO})]
    )
    small_store.write_documents([g.document_c()])
    at = app(page="initiative", id=g.FENGQIAO)
    no_trouble(at)
    assert any("类别：人民法庭（tribunal）" in c for c in texts(at, "caption"))


def test_every_taxonomy_category_has_a_chinese_label() -> None:
    from ingest.taxonomy import default_taxonomy
    from ui.state import CATEGORY_ZH, category_zh

    assert {e.category for e in default_taxonomy().entries} <= set(CATEGORY_ZH)
    assert category_zh("tribunal") == "人民法庭" and category_zh("new_code") == "new_code"


def test_unknown_entity_is_a_chinese_error(small_store, app) -> None:
    at = app(page="unit", id="不存在的法院")
    assert not at.exception
    assert any("图中没有找到这个实体" in t and "检索" in t for t in texts(at, "error"))


def test_an_alias_after_the_kind_prefix_opens_the_entity(small_store, app) -> None:
    """A link written as initiative:<alias> (an alias the CLI accepts) said the graph had no
    such entity: it opens the initiative the alias names, as the alias alone does."""
    at = app(page="initiative", id="initiative:源头治理")
    no_trouble(at)
    assert url(at, "id") == g.SUYUAN
    assert "甲省乙市丁县人民法院" in set(frame(at, "initiative.adopters_table")["单位"])
    unit = app(page="unit", id="court:丙区法院")  # a court's short name after its prefix
    no_trouble(unit)
    assert url(unit, "id") == g.BING


def test_unknown_page_falls_back_to_overview(small_store, app) -> None:
    at = app(page="nowhere")
    assert not at.exception
    assert any("没有名为“nowhere”的页面" in t for t in texts(at, "info"))
    assert [t.value for t in at.title] == ["总览"]


def test_an_unreachable_store_is_a_chinese_error(app, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    at = app(page="overview")
    assert not at.exception
    assert any("无法连接图数据库" in t and "NEO4J_PASSWORD" in t for t in texts(at, "error"))


def test_path_page(small_store, app) -> None:
    at = app(page="path", **{"from": "张三", "to": "丁县人民法院"})
    at = app(page="path", **{"from": g.ZHANG, "to": g.DING})
    no_trouble(at)
    lines = [t for t in texts(at, "markdown") if t.startswith(("1. ", "2. "))]
    assert len(lines) == 2
    assert all(
        t.startswith("1. **张三** —任职— **甲省乙市丙区人民法院**") or t.startswith("2. ")
        for t in lines
    )
    assert any("甲省乙市丁县人民法院" in t for t in lines)


def test_path_lines_name_each_adoption_s_stage(small_store, app) -> None:
    """丁县 both 试点 and 推行 诉源治理: two shortest paths, told apart by their stages (they
    were two identical lines, both labelled 推行)."""
    from graph.model import DocumentGraph, FactRow, MentionRow, document_id

    s = "丁县法院今年全面推行诉源治理。"
    small_store.write_documents(
        [
            DocumentGraph(
                id=document_id("f" * 64),
                props={"title": "样例文档己", "date": "2024-10-01", "content_hash": "f" * 64},
                mentions=[MentionRow(g.DING, "丁县法院", s, 0, 4)],
                facts=[
                    FactRow(
                        "ADOPTED", g.DING, g.SUYUAN, ("adopted",), {"stage": "adopted"}, g._ev(s)
                    )
                ],
            )
        ]
    )
    at = app(page="path", **{"from": g.DING, "to": g.SUYUAN})
    no_trouble(at)
    lines = sorted(t[3:] for t in texts(at, "markdown") if t.startswith(("1. ", "2. ")))
    assert lines == [
        "**甲省乙市丁县人民法院** —推行— **诉源治理**",
        "**甲省乙市丁县人民法院** —试点— **诉源治理**",
    ]


def _second_zhang(store) -> None:
    """Another 张三, 院长 of 丁县法院: a name two entities share."""
    from graph.model import DocumentGraph, FactRow, MentionRow, NodeRow, document_id, entity_id

    s = "丁县法院院长张三介绍。"
    other = entity_id("Person", "张三", g.DING)
    store.write_documents(
        [
            DocumentGraph(
                id=document_id("e" * 64),
                props={"title": "样例文档戊", "date": "2024-09-01", "content_hash": "e" * 64},
                nodes=[NodeRow("Person", other, {"name": "张三"})],
                mentions=[
                    MentionRow(g.DING, "丁县法院", s, 0, 4),
                    MentionRow(other, "张三", s, 6, 8),
                ],
                facts=[
                    FactRow("HOLDS_ROLE", other, g.DING, ("院长",), {"title": "院长"}, g._ev(s))
                ],
            )
        ]
    )


def test_entity_boxes_show_names_and_the_url_keeps_ids(small_store, app) -> None:
    from graph.model import entity_id

    _second_zhang(small_store)
    other = entity_id("Person", "张三", g.DING)
    at = app(page="path", **{"from": other, "to": g.DING})
    no_trouble(at)
    assert at.text_input(key="path.from").value == "张三"  # a person: the name, not the id
    assert at.text_input(key="path.to").value == "甲省乙市丁县人民法院"
    assert (url(at, "from"), url(at, "to")) == (other, g.DING)
    assert any(
        t.startswith("1. **张三** —任职— **甲省乙市丁县人民法院**") for t in texts(at, "markdown")
    )
    # typing a name (traditional script) still works; the URL gets the id it resolves to
    at.text_input(key="path.to").set_value("丙區法院").run()
    no_trouble(at)
    assert at.text_input(key="path.to").value == "丙區法院"
    assert url(at, "to") == g.BING
    # the shared name in the other box still means the 张三 the link named
    assert url(at, "from") == other
    lines = [t for t in texts(at, "markdown") if t.startswith("1. ")]
    assert lines and lines[0].startswith("1. **张三** —任职— **甲省乙市丁县人民法院**")
    # typed afresh, the shared name asks for an id; the link keeps what was typed
    at.text_input(key="path.from").set_value("").run()
    assert url(at, "from") is None
    at.text_input(key="path.from").set_value("张三").run()
    assert not at.exception
    assert any("“张三”对应多个实体" in t for t in texts(at, "error"))
    assert sum("张三" in t and "?page=unit&id=person:" in t for t in texts(at, "markdown")) == 2
    assert url(at, "from") == "张三"
    # an unknown id in the URL is shown as it is, with the usual message
    at = app(page="unit", id="court:不存在的法院")
    assert not at.exception
    assert at.text_input(key="unit.id").value == "court:不存在的法院"
    assert any("图中没有找到这个实体" in t for t in texts(at, "error"))


def test_search_in_traditional_script_and_jump(small_store, app) -> None:
    at = app(page="search", q="丙區法院")
    no_trouble(at)
    first = [t for t in texts(at, "markdown") if t.startswith("**")][0]
    assert first.startswith("**甲省乙市丙区人民法院**")
    at.button(key="search.open.0").click().run()
    assert url(at, "page") == "unit"
    assert [t.value for t in at.title] == ["法院 / 单位"]
    # the box shows the name, the URL keeps the id (shareable, and names one entity)
    assert at.text_input(key="unit.id").value == "甲省乙市丙区人民法院"
    assert url(at, "id") == g.BING


def test_evidence_highlights_the_sentence_in_the_document(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN)
    links = dict(
        zip(
            frame(at, "initiative.adopters_table")["单位"],
            frame(at, "initiative.adopters_table")["证据"],
            strict=True,
        )
    )
    fact = links["甲省乙市丁县人民法院"].split("fact=", 1)[1]
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    assert [s.value for s in at.subheader] == ["甲省乙市丁县人民法院 —试点→ 诉源治理"]
    body = [t for t in texts(at, "markdown") if "<mark" in t]
    assert len(body) == 1
    assert "background:#ffe08a" in body[0]
    assert re.search(
        r"<mark style='background:#ffe08a[^']*'>丁县法院一月起试点诉源治理。</mark>", body[0]
    )
    assert any("http://example.test/b" in t for t in texts(at, "markdown"))
    caption = next(t for t in texts(at, "caption") if t.startswith("关系："))
    assert caption.startswith("关系：试点　")  # its stage, as the title says: not 推行
    assert "ADOPTED" not in caption and "fact id" not in caption and "事实编号" in caption


def test_document_page_and_unknown_fact(small_store, app) -> None:
    at = app(page="evidence", doc=g.DOC_A)
    no_trouble(at)
    assert any("样例文档甲" in t for t in texts(at, "markdown"))
    assert any("文档编号：" in t for t in texts(at, "caption"))
    at = app(page="evidence", fact="adopted:nope")
    assert not at.exception
    assert any("没有找到事实" in t for t in texts(at, "error"))


def test_import_page_waits_for_files(small_store, app) -> None:
    at = app(page="import")
    no_trouble(at)
    assert at.button(key="import.go").disabled


def test_upload_names_are_made_safe() -> None:
    from ui.importer import safe_name

    assert safe_name("../../etc/passwd.TXT", 1) == "001_passwd.txt"
    assert safe_name("本溪 中院<报道>.html", 2) == "002_本溪 中院_报道_.html"


def test_export_page_previews_and_offers_every_format(small_store, app, monkeypatch) -> None:
    from streamlit.delta_generator import DeltaGenerator

    offered: dict[str, Any] = {}
    original = DeltaGenerator.download_button

    def spy(self, label, data, file_name=None, *args, **kwargs):
        offered[label] = data
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", spy)
    at = app(page="export", id=g.SUYUAN)
    no_trouble(at)
    # the data files cite each fact as `python -m graph export` does: year, sentence, title
    made = offered["JSON (node-link)"]
    data = json.loads(made() if callable(made) else made)
    cited = [e for e in data["edges"] if e.get("fact_id") and e.get("date")]
    assert cited and all(isinstance(e["year"], int) and e["evidence"] for e in cited)
    assert {e["doc_title"] for e in cited} <= {"样例文档甲", "样例文档乙", "样例文档丙"}
    assert len(at.get("image")) == 0  # the picture is drawn on request
    at.toggle(key="export.preview").set_value(True).run()
    no_trouble(at)
    assert len(at.get("image")) == 1
    labels = {b.proto.label for b in at.get("download_button")}
    assert {
        "图片 PNG",
        "矢量图 SVG",
        "幻灯片 PPTX",
        "离线网页 HTML",
        "GraphML",
        "GEXF",
        "JSON (node-link)",
        "CSV (zip)",
    } <= labels


def test_the_network_files_hold_the_chosen_collections(small_store, app, monkeypatch) -> None:
    """With B's collection chosen in the sidebar, the network's data files hold B's facts,
    each citing B only, as `python -m graph export --collections` writes them."""
    from streamlit.delta_generator import DeltaGenerator

    from graph.collections import add_to_collection

    add_to_collection(small_store, g.DOC_B, "乙报")
    offered: dict[str, Any] = {}
    original = DeltaGenerator.download_button

    def spy(self, label, data, file_name=None, *args, **kwargs):
        offered[label] = data
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", spy)
    at = app(page="export", id=g.BING, collections="乙报")
    no_trouble(at)
    made = offered["JSON (node-link)"]
    data = json.loads(made() if callable(made) else made)
    facts = {(e["source"], e["type"], e["target"]): e for e in data["edges"]}
    adopted = facts[(g.BING, "ADOPTED", g.SUYUAN)]
    assert adopted["doc_ids"] == [g.DOC_B] and adopted["evidence_doc_id"] == g.DOC_B
    assert (g.ZHANG, "HOLDS_ROLE", g.BING) not in facts  # A's alone
    assert (g.BING, "PART_OF", g.MID) in facts  # the roster's hierarchy stays


@pytest.mark.parametrize(
    "page",
    ["overview", "initiative", "unit", "network", "path", "search", "evidence", "import", "export"],
)
def test_every_page_opens_without_parameters(small_store, app, page: str) -> None:
    at = app(page=page)
    no_trouble(at)
    assert at.title


def _downloads(at) -> dict[str, str]:
    """label -> key of every download button on the page."""
    return {b.proto.label: b.key for b in at.get("download_button")}


BRIEFING_BUTTONS = {
    "简报 Word",
    "简报 PowerPoint",
    "采用情况图 PNG",
    "采用情况图 SVG",
    "采用情况图 PPTX",
}


def test_initiative_page_offers_the_briefing_and_adoption_map(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, court=g.MID, tab="辖区覆盖")
    no_trouble(at)
    assert set(_downloads(at)) >= BRIEFING_BUTTONS
    assert any("简报与采用情况图**（乙市中院辖区）" in t for t in texts(at, "markdown"))


def test_unit_page_offers_the_briefing_of_its_initiatives(small_store, app) -> None:
    assert not _downloads(app(page="unit", id=g.MID))  # drawn when its tab is opened
    at = app(page="unit", id=g.MID, tab="简报与图片")
    no_trouble(at)
    assert set(_downloads(at)) >= BRIEFING_BUTTONS | {"举措一览 PNG", "举措一览 PPTX"}
    # and the briefing of the unit itself
    assert {"单位简报 Word", "单位简报 PowerPoint"} <= set(_downloads(at))
    # the unit's own initiative comes first
    assert at.selectbox(key="unit.brief_initiative").value == g.SUYUAN


def test_analytics_timeline_offers_its_export(small_store, app) -> None:
    at = app(page="analytics", id=g.SUYUAN)
    no_trouble(at)
    assert {"时间线 PNG", "时间线 SVG", "时间线 PPTX（原生图表）"} <= set(_downloads(at))


def test_what_the_briefing_buttons_hand_out(small_store) -> None:
    import io
    import zipfile

    from docx import Document
    from PIL import Image
    from pptx import Presentation

    from ui import downloads

    files = downloads.briefing_files(small_store, g.SUYUAN, g.MID)
    assert len(Document(io.BytesIO(files[".docx"])).tables) == 3
    assert len(Presentation(io.BytesIO(files[".pptx"])).slides) >= 5
    png = downloads.adoption_map_file(small_store, g.SUYUAN, g.MID, ".png")
    width, height = Image.open(io.BytesIO(png)).size  # a small map: a strip as tall as it needs
    assert width == 1920 and height < 1080
    deck = downloads.adoption_map_file(small_store, g.SUYUAN, g.MID, ".pptx")
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(deck)).slides]
    assert titles == ["诉源治理 · 乙市中院辖区采用情况", "乙市中院辖区各层级已有报道的单位"]
    timeline = downloads.timeline_file(small_store, g.SUYUAN, ".pptx")
    parts = zipfile.ZipFile(io.BytesIO(timeline)).namelist()
    # the briefing's step picture and its data as a native table, no chart of its own
    assert not any(p.startswith("ppt/charts/chart") for p in parts)
    assert any(p.startswith("ppt/media/") for p in parts)
    assert b"<text" in downloads.timeline_file(small_store, g.SUYUAN, ".svg")
    unit = downloads.unit_briefing_files(small_store, g.MID)
    assert len(Document(io.BytesIO(unit[".docx"])).tables) == 5
    assert len(Presentation(io.BytesIO(unit[".pptx"])).slides) == 8


def test_export_page_refuses_an_unreadable_picture_and_offers_other_figures(
    small_store, app, monkeypatch
) -> None:
    from figures import render

    monkeypatch.setattr(render, "MAX_LABELLED_NODES", 5)  # the small graph counts as dense
    at = app(page="export", id=g.SUYUAN, depth="2")
    no_trouble(at)
    assert any("无法给每个节点留出清楚" in t for t in texts(at, "warning"))
    labels = {b.proto.label for b in at.get("download_button")}
    assert "图片 PNG" not in labels and "幻灯片 PPTX" not in labels
    assert {"离线网页 HTML", "GraphML"} <= labels
    buttons = {b.label for b in at.button}
    assert {"只看法院、法庭和举措", "深度 1", "采用情况图与简报"} <= buttons
    at.button(key="export.alt.depth1").click().run()
    assert url(at, "depth") is None and url(at, "id") == g.SUYUAN


def test_province_tab_offers_the_coverage_map(small_store, app) -> None:
    pytest.importorskip("cnmaps")
    at = app(page="analytics", tab="省份覆盖表", id=g.SUYUAN)
    no_trouble(at)
    assert {"覆盖地图 PNG", "覆盖地图 SVG", "覆盖地图 PPTX"} <= set(_downloads(at))
    assert at.selectbox(key="analytics.map_scope").options == ["全国", "甲省"]


def test_timeline_reads_the_adopters_filters_as_the_tab_does(small_store, app) -> None:
    """A link's province the 采用单位 tab does not offer is no filter there, so it is none
    in the timeline either: both show every adopter (the timeline was empty)."""
    at = app(page="initiative", id=g.SUYUAN, tab="推行时间线", province="不存在省")
    no_trouble(at)
    assert not any("筛选出的推行记录都没有日期" in t for t in texts(at, "info"))
    assert not any("按「采用单位」页签的筛选条件" in t for t in texts(at, "caption"))
    at = app(page="initiative", id=g.SUYUAN, tab="推行时间线", province="甲省")
    no_trouble(at)
    assert any("按「采用单位」页签的筛选条件" in t for t in texts(at, "caption"))


def test_unit_page_names_a_tribunal_once_and_points_below_an_empty_court(small_store, app):
    """A tribunal's kind and level are both 人民法庭: said once. A court with no adoptions
    of its own but units under it says where theirs are (not just 'no record')."""
    at = app(page="unit", id=g.DONGHU)
    no_trouble(at)
    assert not any("人民法庭　人民法庭" in c for c in texts(at, "caption"))
    at = app(page="unit", id=g.WU)  # no adoptions, no units under it
    no_trouble(at)
    assert "没有这个单位推行改革举措的记录。" in texts(at, "info")
    at = app(page="unit", id=g.HIGH)  # no adoptions, a court under it
    no_trouble(at)
    assert any("没有这个单位推行改革举措的记录" in i and "下级单位" in i for i in texts(at, "info"))


def test_initiative_outcomes_say_what_they_count(small_store, app) -> None:
    """举措's 成效数据 lists the figures the text ties to the initiative; 扩散分析's 成效对照
    every figure its adopters report: each page says so, so their numbers do not seem to
    disagree."""
    at = app(page="initiative", id=g.SUYUAN, tab="成效数据")
    no_trouble(at)
    # with both numbers (a new user saw 1 here and 11 there, and no reason)
    assert any(
        "只列文中归于这项举措的 1 项数字" in c and "全部数字共 1 项" in c and "成效对照" in c
        for c in texts(at, "caption")
    )
    at = app(page="initiative", id=g.FENGQIAO, tab="成效数据")
    no_trouble(at)
    assert any("文中归于这项举措" in i and "成效对照" in i for i in texts(at, "info"))
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    assert any(
        "报告的全部 1 项数字" in c and "文中归于这项举措的数字共 1 项" in c
        for c in texts(at, "caption")
    )


def test_a_unit_page_lists_an_initiative_once_with_its_stages() -> None:
    """A unit that piloted then adopted an initiative: one row on its page, as on 举措."""
    from ui.unit import per_initiative

    def row(stage, date, fid, docs):
        return {"initiative_id": "initiative:诉源治理", "initiative": "诉源治理", "stage": stage,
                "date": date, "fact_id": fid, "documents": len(docs), "doc_ids": docs}  # fmt: skip

    (one,) = per_initiative(
        [row("adopted", "2023-05", "f2", ["d2"]), row("piloted", "2022-03", "f1", ["d1", "d2"])]
    )
    assert one["stages"] == ["piloted", "adopted"]
    assert (one["date"], one["fact_id"], one["documents"]) == ("2022-03", "f1", 2)


def test_the_adopters_table_gives_its_date_column_room(small_store, app) -> None:
    """最早报道 was squeezed by the stretched table until 2023-08-25（文档日期） read
    2023-08-25（文档…: the column asks for a medium width."""
    import json

    at = app(page="initiative", id=g.SUYUAN)
    no_trouble(at)
    shown = [df for df in at.dataframe if "最早报道" in df.value.columns]
    assert len(shown) == 1
    assert json.loads(shown[0].proto.columns)["最早报道"]["width"] == "medium"
