"""Two figures of one unit for the same metric, scope and period that disagree (a corrected
near-copy of an article keeps both: 数字有改动) are marked where figures are listed, and the
documents behind them can be told apart (a new user's findings, item 6)."""

from __future__ import annotations

import pytest

from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, NodeRow, entity_id
from graph.model import document_id as doc_id
from queries.registry import run
from tests import graph_fixtures as g


def _rate(value: float, period: str | None = None) -> str:
    return entity_id("Outcome", g.BING, "调解成功率", value, "%", period or "")


def _copy(letter: str, value: float, period: str | None = None) -> DocumentGraph:
    s = f"丙区法院调解成功率{value:g}%。"
    oid = _rate(value, period)
    props = {"metric": "调解成功率", "value": value, "unit_of_measure": "%"}
    return DocumentGraph(
        id=doc_id(letter * 64),
        props={
            "title": "丙区法院通报调解工作",
            "content_hash": letter * 64,
            "text": s,
            "paths": [f"/data/{letter}.txt"],
        },
        nodes=[
            NodeRow("Outcome", oid, {**props, "name": s, **({"period": period} if period else {})})
        ],
        mentions=[MentionRow(g.BING, "丙区法院", s, 0, 4)],
        facts=[
            FactRow(
                "REPORTED",
                g.BING,
                oid,
                (),
                {},
                [EvidenceRow(sentence=s, start=0, end=len(s))],
            )
        ],
    )


@pytest.fixture
def two_copies(store):
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_copy("1", 62.5), _copy("2", 65.2), _copy("3", 70.0, "2023")])
    return store


def test_two_values_of_one_metric_scope_and_period_are_marked_as_a_conflict(two_copies) -> None:
    rows = run(two_copies, "unit_outcomes", {"unit": g.BING}).rows
    conflict = {r["value"]: r["conflict"] for r in rows}
    assert conflict == {62.5: "同一指标另报 65.2%", 65.2: "同一指标另报 62.5%", 70.0: None}


def test_the_query_table_shows_the_conflict(two_copies, monkeypatch, capsys):
    from queries import __main__ as queries_cli
    from tests.cli_store import lend_store

    lend_store(monkeypatch, two_copies)
    assert queries_cli.main(["unit_outcomes", "--param", f"unit={g.BING}"]) == 0
    out = capsys.readouterr().out
    assert "数字冲突" in out.splitlines()[0] and "同一指标另报 65.2%" in out


def test_sources_without_a_url_are_told_apart_by_their_file(two_copies) -> None:
    """The 导出 page's 图注来源 and the table pictures listed the two copies by one title."""
    from ui.common import sources_for

    first, second = doc_id("1" * 64), doc_id("2" * 64)
    labels = [s.label() for s in sources_for([first, second], two_copies)]
    assert labels == ["丙区法院通报调解工作（1.txt）", "丙区法院通报调解工作（2.txt）"]


def test_the_figures_of_units_below_are_marked_too(two_copies) -> None:
    """A unit briefing's and the unit page's 下级单位报告的成效数据 (`outcomes_under`)."""
    rows = run(two_copies, "outcomes_under", {"unit": g.MID}).rows
    assert {(r["unit_id"], r["value"]): r["conflict"] for r in rows} == {
        (g.BING, 62.5): "同一指标另报 65.2%",
        (g.BING, 65.2): "同一指标另报 62.5%",
        (g.BING, 70.0): None,
    }


def test_a_bound_or_a_figure_without_a_value_is_no_conflict() -> None:
    """超过90% beside 95% for the same unit, metric and period was marked a conflict, though a
    lower bound does not contradict the exact figure; a figure without a value was named
    同一指标另报 None% (a reviewer's findings, item 4). Two exact figures still conflict."""
    from queries.library import mark_conflicts

    base = {"unit_id": "u", "metric": "结案率", "unit_of_measure": "%", "scope": "本院"}
    base["period"] = "2024"
    rows = [
        {**base, "value": 90, "qualifier": "超"},
        {**base, "value": 95, "qualifier": None},
        {**base, "value": None, "qualifier": None},
    ]
    assert [r["conflict"] for r in mark_conflicts(rows, by=("unit_id",))] == [None] * 3
    rows.append({**base, "value": 97, "qualifier": None})
    marked = mark_conflicts(rows, by=("unit_id",))
    assert [r["conflict"] for r in marked] == [None, "同一指标另报 97%", None, "同一指标另报 95%"]
    assert not any("None" in (r["conflict"] or "") for r in marked)


def test_the_analytics_printout_of_outcomes_shows_the_conflict(store, monkeypatch, capsys):
    """`python -m queries.analytics outcomes` listed 调解成功率 53.2% and 52.3% of one court,
    scope and period one under the other with no mark, though its rows carry the conflict
    (the README says it marks them; found on a new user's run)."""
    from queries.analytics import __main__ as analytics_cli
    from tests.cli_store import lend_store

    g.load_small_graph(store)  # 丙区 adopts 诉源治理
    store.write_documents([_copy("1", 62.5), _copy("2", 65.2)])
    lend_store(monkeypatch, store)
    assert analytics_cli.main(["outcomes", "诉源治理"]) == 0
    lines = capsys.readouterr().out.splitlines()
    (low,) = [x for x in lines if "调解成功率 62.5%" in x]
    assert low.endswith("；数字冲突：同一指标另报 65.2%）"), low
    (other,) = [x for x in lines if "调解率 60%" in x]
    assert "数字冲突" not in other


def test_a_postprocess_marks_its_own_rows_where_they_are() -> None:
    """A named query's postprocess marks the rows it was just given as they are (`own`: no
    copy of 20,000 rows); any other caller's rows are left as they were, marked copies
    returned. The marks are the same either way."""
    from queries.library import mark_conflicts

    base = {"unit_id": "u", "metric": "结案率", "unit_of_measure": "%", "scope": "本院"}
    rows = [{**base, "period": "2024", "value": v, "qualifier": None} for v in (95, 97, 95)]
    copied = mark_conflicts(rows, by=("unit_id",))
    assert all("conflict" not in r for r in rows)
    marked = mark_conflicts(rows, by=("unit_id",), own=True)
    assert marked is rows
    assert [r["conflict"] for r in rows] == [r["conflict"] for r in copied]
    assert [r["conflict"] for r in rows] == [
        "同一指标另报 97%",
        "同一指标另报 95%",
        "同一指标另报 97%",
    ]
