"""Large tables on 举措 and 扩散分析 are paged, and what the reader is told stays true: the
counts are totals, not the page's size, and the exports hold every row. The small graph
stands in for a national one by lowering the page size (`ui.common.TABLE_ROWS`) and the other
thresholds the pages use."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests import graph_fixtures as g
from tests.app.conftest import app_on
from tests.conftest import small_graph_in, with_document_c


@pytest.fixture
def graph(_arcadedb_store, embedded_dir, monkeypatch):
    store = small_graph_in(_arcadedb_store, with_document_c)
    return app_on(store, embedded_dir, monkeypatch)


@pytest.fixture
def page_of_two(monkeypatch):
    """Tables show their first two rows (the small graph's 诉源治理 has three adopters)."""
    monkeypatch.setattr("ui.common.TABLE_ROWS", 2)


def texts(at, kind: str) -> list[str]:
    return [str(e.value) for e in getattr(at, kind)]


def no_trouble(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at, "error")


def frame(at, *columns: str):
    found = [
        df.value for df in at.dataframe if list(df.value.columns)[: len(columns)] == list(columns)
    ]
    assert len(found) == 1, [list(df.value.columns) for df in at.dataframe]
    return found[0]


def test_adopters_are_paged_counted_in_full_and_exported_in_full(
    graph, app, page_of_two, monkeypatch
) -> None:
    exported: list[Any] = []

    def record(columns, rows, **_kw):
        exported.append(list(rows))

    monkeypatch.setattr("ui.initiative.table_downloads", record)
    at = app(page="initiative", id=g.SUYUAN)
    no_trouble(at)
    assert len(frame(at, "单位", "层级", "省份", "阶段", "最早报道")) == 2  # the first page
    assert any("**3** 个单位，**3** 条推行记录" in t for t in texts(at, "markdown"))
    assert any("共 3 行，下表显示前 2 行" in t for t in texts(at, "caption"))
    assert exported == []  # the export: made ready when its expander is opened
    at.session_state["initiative.export"] = True
    at.run()
    no_trouble(at)
    assert [len(rows) for rows in exported] == [3]  # the export: every row
    at.toggle(key="initiative.adopters_table.all").set_value(True).run()
    assert len(frame(at, "单位", "层级", "省份", "阶段", "最早报道")) == 3


def test_adopters_cut_by_the_row_limit_say_so(graph, app, monkeypatch) -> None:
    """The named query's row limit is high enough for a national graph; were it reached,
    the page says that its counts and export are of a part."""
    import queries.registry as registry

    query = registry.REGISTRY["adopters"]
    assert query.row_limit >= 50_000  # the most adopted initiative of 1M relationships: 7,395
    monkeypatch.setitem(registry.REGISTRY, "adopters", dataclasses.replace(query, row_limit=2))
    at = app(page="initiative", id=g.SUYUAN)
    no_trouble(at)
    assert any("单位超过 2 个" in t for t in texts(at, "warning"))


def test_the_diffusion_sequence_is_paged_with_its_total(graph, app, page_of_two, monkeypatch):
    monkeypatch.setattr("ui.analytics.timeline.STYLED_ROWS", 1)
    at = app(page="analytics", id=g.SUYUAN)
    at.session_state["analytics.sequence_open"] = True  # the events: drawn when opened
    at.run()
    no_trouble(at)
    sequence = frame(at, "日期", "事件", "单位", "层级", "日期依据")
    assert list(sequence["单位"]) == ["甲省乙市中级人民法院", "甲省乙市丙区人民法院"]
    assert any("共 3 行，下表显示前 2 行" in t for t in texts(at, "caption"))
    # the first adoptions' table too; the headline counts every unit
    assert {m.label: m.value for m in at.metric}["报道推行的单位"] == "3"
    assert len(frame(at, "单位", "层级", "省份", "阶段", "首次报道日期")) == 2


def test_many_source_documents_are_one_table_not_a_link_each(graph, app, monkeypatch) -> None:
    monkeypatch.setattr("ui.analytics.outcomes.LISTED_DOCUMENTS", 0)
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    docs = frame(at, "文档", "证据 / 文档")
    assert "样例文档甲" in docs["文档"].iloc[0]
    assert docs["证据 / 文档"].iloc[0].startswith("?page=evidence&doc=")
    assert any("来源文档（1）" in t for t in texts(at, "markdown"))


def test_the_co_adoption_network_draws_the_strongest_pairs_only(monkeypatch) -> None:
    from ui.analytics import co_adoption

    monkeypatch.setattr(co_adoption, "NETWORK_EDGES", 2)
    size = {"甲": 9, "乙": 8, "丙": 7, "丁": 1}
    pairs = [
        {"a": a, "b": b, "shared": n}
        for a, b, n in [("甲", "乙", 5), ("甲", "丙", 3), ("乙", "丙", 1)]
    ]
    drawn = co_adoption._network(size, pairs, "t")
    assert {frozenset(e) for e in drawn.edges} == {frozenset("甲丙"), frozenset("甲乙")}
    assert drawn.graph["tally"] == "t" and set(drawn) == {"甲", "乙", "丙"}
    assert drawn.edges["甲", "乙"] == {"shared": 5, "jaccard": 5 / 12}
    whole = co_adoption._network(size, pairs[:2], "t")  # no more pairs than it draws
    assert set(whole) == set(size) and whole.number_of_edges() == 2


def test_the_province_table_colours_the_most_covered_initiatives(graph, app, monkeypatch):
    """A national graph has hundreds of initiatives: the coloured table shows the most
    covered, says how many there are, and the CSV keeps them all (same frame, not cut)."""
    monkeypatch.setattr("ui.analytics.coverage.MATRIX_COLUMNS", 1)
    at = app(page="analytics", tab="省份覆盖表")
    no_trouble(at)
    (shown,) = [df.value for df in at.dataframe if df.value.index.name == "省份"]
    assert list(shown.columns) == ["诉源治理"]  # 3/4 of 甲省's courts, 枫桥 2/4
    assert any(
        "1 个省份 × 2 项举措（下表列出覆盖最广的 1 项，全部举措见 CSV 或 Excel）" in t
        for t in texts(at, "caption")
    )


def test_document_titles_are_asked_a_part_at_a_time(graph, monkeypatch) -> None:
    """Thousands of source documents (a national initiative's figures) are asked for in
    parts no larger than the query's row limit: asked at once, all past the limit showed
    as bare ids."""
    import queries.registry as registry
    from ui import common

    query = registry.REGISTRY["document_sources"]
    monkeypatch.setitem(
        registry.REGISTRY, "document_sources", dataclasses.replace(query, row_limit=1)
    )
    found = common.document_titles([g.DOC_B, g.DOC_A, g.DOC_A])
    assert {d: r["title"] for d, r in found.items()} == {
        g.DOC_A: "样例文档甲",
        g.DOC_B: "样例文档乙",
    }


# -- 扩散分析's whole-graph tabs read what the open view shows ------------------------------
def with_more_figures(store) -> None:
    """A step for `small_graph_in`: document D, in which 丁县 reports two figures and 乙市中院
    one (with 丙区's in document A, 诉源治理's adopters report four: 丁县 ×2, 丙区, 中院 in
    the table's order of unit names)."""
    from graph.model import DocumentGraph, MentionRow, NodeRow, document_id, entity_id

    s1 = "丁县法院结案率达到九成，调解率五成五。"
    s2 = "乙市中院诉前化解纠纷一百二十件。"
    figures = [
        (g.DING, "结案率", 90.0, "%", s1),
        (g.DING, "调解率", 55.0, "%", s1),
        (g.MID, "诉前化解纠纷", 120.0, "件", s2),
    ]
    nodes, mentions, facts = [], [], []
    for unit, metric, value, unit_of_measure, sentence in figures:
        oid = entity_id("Outcome", unit, metric, value, unit_of_measure, "2024")
        nodes.append(
            NodeRow(
                "Outcome",
                oid,
                {
                    "name": f"{metric} {value}",
                    "metric": metric,
                    "value": value,
                    "unit_of_measure": unit_of_measure,
                    "period": "2024",
                },
            )
        )
        mentions.append(MentionRow(oid, metric, sentence, 0, 2))
        facts.append(g.FactRow("REPORTED", unit, oid, (), {}, g._ev(sentence)))
    store.write_documents(
        [
            DocumentGraph(
                id=document_id("d" * 64),
                props={"title": "样例文档丁", "date": "2024-08-01", "content_hash": "d" * 64},
                nodes=nodes,
                mentions=mentions,
                facts=facts,
            )
        ]
    )


@pytest.fixture
def figures_graph(_arcadedb_store, embedded_dir, monkeypatch):
    store = small_graph_in(_arcadedb_store, with_document_c, with_more_figures)
    return app_on(store, embedded_dir, monkeypatch)


def spy_queries(monkeypatch) -> list[tuple[str, dict[str, Any]]]:
    """The named queries `queries.analytics` runs (name, parameters), in order; the page's
    cached answers are dropped so that it reads afresh."""
    import queries.analytics as analytics
    from ui import state

    state.clear_caches()
    asked: list[tuple[str, dict[str, Any]]] = []
    original = analytics.run

    def run(store, name, params=None, **kw):
        asked.append((name, dict(params or {})))
        return original(store, name, params, **kw)

    monkeypatch.setattr(analytics, "run", run)
    return asked


def test_the_figures_read_the_first_page_in_full_and_count_every_row(
    figures_graph, app, page_of_two, monkeypatch
) -> None:
    asked = spy_queries(monkeypatch)
    at = app(page="analytics", tab="成效对照", id=g.SUYUAN)
    no_trouble(at)
    rows = frame(at, "单位", "推行（首次日期）", "指标", "报告数值")
    assert list(zip(rows["单位"], rows["指标"], strict=True)) == [
        ("甲省乙市丁县人民法院", "结案率"),
        ("甲省乙市丁县人民法院", "调解率"),
    ]
    # the totals count every figure and unit, not the page
    assert any("**3** 个推行单位报告了 **4** 项数字" in t for t in texts(at, "markdown"))
    assert any("共 4 行，下表显示前 2 行" in t for t in texts(at, "caption"))
    assert any("来源文档（2）" in t for t in texts(at, "markdown"))
    # only the units of the first page were read in full
    read = [p for name, p in asked if name == "adopter_outcomes"]
    assert [p.get("units") for p in read] == [g.DING]
    at.toggle(key="analytics.outcomes.all").set_value(True).run()
    no_trouble(at)
    rows = frame(at, "单位", "推行（首次日期）", "指标", "报告数值")
    assert list(rows["单位"]) == [
        "甲省乙市丁县人民法院",
        "甲省乙市丁县人民法院",
        "甲省乙市丙区人民法院",
        "甲省乙市中级人民法院",
    ]
    assert at.toggle(key="analytics.outcomes.all").value
    assert [p.get("units") for name, p in asked if name == "adopter_outcomes"][-1] is None


def test_the_province_tables_read_court_places_and_the_adoptions_once(
    graph, app, monkeypatch
) -> None:
    asked = spy_queries(monkeypatch)
    at = app(page="analytics", tab="省份覆盖表")
    no_trouble(at)
    names = [name for name, _p in asked]
    # the matrix and 分层级数字 share one count; no court's yearly document counts are read
    assert "units" not in names and "unit_totals" not in names
    assert names.count("court_places") == 1 and names.count("adoption_summary") == 1
    by_level = frame(at, "省份", "中级法院", "基层法院")
    assert list(by_level.itertuples(index=False)) == [("甲省", "1 / 1（100%）", "2 / 3（66.7%）")]


def test_co_adoption_and_early_adopters_read_the_adoptions_once(graph, app, monkeypatch):
    asked = spy_queries(monkeypatch)

    def no_graph(*_a, **_k):
        raise AssertionError("the tab needs the pairs, not a graph of every pair")

    monkeypatch.setattr("queries.analytics.co_adoption", no_graph)
    at = app(page="analytics", tab="共同采用")
    no_trouble(at)
    assert [name for name, _p in asked].count("adoption_summary") == 1
    assert len(frame(at, "举措甲", "举措乙", "共同推行单位数")) == 1
    assert len(frame(at, "单位", "推行举措数", "平均早于它的其他单位（%）")) == 2


def test_a_large_panel_is_made_when_asked_for(graph, app, monkeypatch) -> None:
    """A national unit-year panel reads every unit's documents per year: above
    PANEL_AT_ONCE courts the tab offers the events at once and the panel on a click."""
    monkeypatch.setattr("ui.analytics.exports.PANEL_AT_ONCE", 2)
    asked = spy_queries(monkeypatch)
    at = app(page="analytics", tab="数据导出", ids=g.SUYUAN, levels="basic")
    no_trouble(at)
    assert "units" not in [name for name, _p in asked]
    assert "面板行数" not in {m.label for m in at.metric}
    assert {m.label: m.value for m in at.metric}["事件数"] == "3"  # the events at once
    assert any("所选范围内有 3 个法院" in t for t in texts(at, "caption"))
    at.button(key="analytics.panel_make").click().run()
    no_trouble(at)
    assert {m.label: m.value for m in at.metric}["面板行数"] == "9"  # 3 basic × 2022–2024
    at.run()  # the panel stays made for this choice
    assert {m.label: m.value for m in at.metric}["面板行数"] == "9"
    at = app(page="analytics", tab="数据导出", ids=g.SUYUAN, levels="intermediate")
    assert {m.label: m.value for m in at.metric}["面板行数"] == "3"  # 1 court: at once


def test_the_province_table_shades_as_pandas_oranges_without_matplotlib() -> None:
    """The coloured cells: the same colours (within 2/255 a channel: matplotlib keeps 256
    levels) and the same text colour as pandas' background_gradient(cmap="Oranges")."""
    import numpy as np
    import pandas as pd

    from ui.analytics.coverage import _shades

    values = pd.DataFrame(np.random.default_rng(7).random((12, 9)) * 0.6)
    values.iloc[0, 0] = 0.0
    top = float(values.max().max())
    expected = values.style.background_gradient(cmap="Oranges", vmin=0.0, vmax=top)
    ours = _shades(values, top)
    for (i, j), props in expected._compute().ctx.items():
        want = dict(props)
        background, text = ours.iat[i, j].split("; ")
        got = background.removeprefix("background-color: #")
        wanted = want["background-color"].removeprefix("#")
        assert all(
            abs(int(got[k : k + 2], 16) - int(wanted[k : k + 2], 16)) <= 2 for k in (0, 2, 4)
        ), (i, j, got, wanted)
        assert text == f"color: {want['color']}"
    assert ours.iat[0, 0].startswith("background-color: #fff5eb")
    assert _shades(values.iloc[:1, :1], 0.0).iat[0, 0].startswith("background-color: #fff5eb")


def test_co_adoption_is_drawn_once_not_on_every_run(graph, app, monkeypatch) -> None:
    """The network's HTML and the sorted pairs are part of the cached answer: a rerun of the
    tab (any widget) neither draws nor sorts again."""
    from ui.analytics import co_adoption

    spy_queries(monkeypatch)  # empties the page's caches
    drawn: list[int] = []
    original = co_adoption.co_adoption_html

    def draw(graph):
        drawn.append(graph.number_of_edges())
        return original(graph)

    monkeypatch.setattr(co_adoption, "co_adoption_html", draw)
    at = app(page="analytics", tab="共同采用")
    no_trouble(at)
    at.run()
    no_trouble(at)
    assert drawn == [1]
    assert len([el for el in at.get("iframe") if "vis.Network" in el.proto.srcdoc]) == 1


def _long_table() -> None:
    from ui.common import table

    rows = [{"unit": f"测试法院{i:04d}", "n": i} for i in range(7395)]
    table(rows, {"unit": "单位", "n": "文档数"}, links={"单位页": lambda r: "?page=unit"}, key="t")


def test_a_national_table_sends_the_browser_its_first_200_rows() -> None:
    """The most adopted initiative of the 1M graph has 7,395 adopters: its table's first view
    holds 200 rows (each costs the browser on every visit: 举措's warm visit took 1.0 s with
    1,000, 0.64 with 100), with the total said above it and a switch for all."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_long_table, default_timeout=30).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 200
    assert [c.value for c in at.caption] == ["共 7,395 行，下表显示前 200 行。"]
    at.toggle(key="t.all").set_value(True).run()
    assert len(at.dataframe[0].value) == 7395
