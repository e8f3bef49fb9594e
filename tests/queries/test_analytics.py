"""Adoption analytics on a small graph whose answers are known by construction."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from graph.errors import CourtgraphError
from graph.model import (
    DocumentGraph,
    EvidenceRow,
    FactRow,
    MentionRow,
    NodeRow,
    document_id,
    entity_id,
)
from queries import analytics
from queries.analytics import __main__ as cli
from queries.registry import convert, get, prepared
from tests import graph_fixtures as g
from tests.cli_store import lend_store
from tests.conftest import XISHAN, small_graph_in, with_document_c, with_tribunal_of_wu_adopting


@pytest.fixture
def graph(server_store):
    """The small graph and document C on each server (loaded afresh only when the previous
    test changed them)."""
    return small_graph_in(server_store, with_document_c)


@pytest.mark.parametrize("court", [g.SPC, g.HIGH, g.MID, g.WU, g.BING, g.SUYUAN])
def test_tribunal_adopters_walk_up_or_down_to_one_answer(server_store, court) -> None:
    """Under the supreme court the initiative's adopters are walked up; under any other
    court the units below it are walked down: the same rows, with or without filters."""
    graph = small_graph_in(server_store, with_tribunal_of_wu_adopting)
    q = get("tribunal_adopters")
    for extra in ({}, {"verified": True}, {"collections": "乙"}):
        raw = {"initiative": g.SUYUAN, "court": court, **extra}
        answers = []
        for text in q.texts().values():
            cypher, params = prepared(graph, q, raw, cypher=text)
            answers.append(graph.read(cypher, params))
        assert len(answers) == 2 and answers[0] == answers[1]
        if not extra:  # 西山法庭 is under 戊县法院 and those above it
            above = court in (g.SPC, g.HIGH, g.MID, g.WU)
            assert [r["unit_id"] for r in answers[0]] == ([XISHAN] if above else [])
    walk = q.plan(graph, convert(q, {"initiative": g.SUYUAN, "court": court}, graph)).variant
    assert walk == (None if court == g.SPC else "down")


def test_timeline(graph) -> None:
    tl = analytics.timeline(graph, "诉源治理")
    # one definition of adopted: any stage, earliest date; the 中院's promotion counts and
    # is also marked as an endorsement
    assert [(u["unit"], u["date"], u["stage"]) for u in tl.first] == [
        ("甲省乙市中级人民法院", "2022-11", "promoted"),
        ("甲省乙市丙区人民法院", "2022-12", "adopted"),
        ("甲省乙市丁县人民法院", "2024-01", "piloted"),
    ]
    assert tl.first[1]["date_precision"] == "document"  # only the document's date is known
    assert [(e["unit"], e["date"]) for e in tl.endorsements] == [
        ("甲省乙市中级人民法院", "2022-11")
    ]
    assert tl.cumulative == [("2022-11", 1), ("2022-12", 2), ("2024-01", 3)]
    assert tl.by_year == {2022: 2, 2024: 1}
    assert tl.by_level == {"intermediate": 1, "basic": 2}
    assert [e["event"] for e in tl.sequence()] == ["endorsed", "adopted", "piloted"]


def test_coverage_rolls_up_by_level(graph) -> None:
    levels, missing = analytics.coverage(graph, "诉源治理", "甲省高级人民法院")
    table = {lv.level: (lv.adopted, lv.units) for lv in levels}
    # the one tribunal an article names is no denominator: no court imported a roster
    assert table == {"intermediate": (1, 1), "basic": (2, 3), "tribunal": (0, 0)}
    assert not levels[-1].has_denominator
    assert "no roster of tribunals" in levels[-1].describe()
    assert sorted(r["unit"] for r in missing) == ["甲省乙市戊县人民法院"]
    assert levels[1].share == pytest.approx(2 / 3)


def test_a_court_whose_tribunal_adopted_is_covered_not_missing(
    server_store, monkeypatch, capsys
) -> None:
    """A basic court that reports nothing itself while a tribunal of its own does is
    "下属人民法庭已推行": not in the not-yet list, counted apart from its own reports (share)
    and with them in the covered share; the named query behind it runs on both servers."""
    from queries.registry import run

    graph = small_graph_in(server_store, with_tribunal_of_wu_adopting)
    levels, missing, tally = analytics.coverage_report(graph, "诉源治理", "甲省高级人民法院")
    basic = next(lv for lv in levels if lv.level == "basic")
    assert (basic.adopted, basic.units, basic.covered) == (2, 3, 3)
    assert basic.share == pytest.approx(2 / 3) and basic.covered_share == 1.0
    assert [(r["unit_id"], r["state"], r["tribunals"]) for r in basic.through] == [
        (g.WU, "through_tribunals", ["甲省乙市戊县人民法院西山人民法庭"])
    ]
    assert basic.through[0]["state_zh"] == "下属人民法庭已推行"
    assert missing == []  # 戊县 is no longer "not yet reported"
    assert tally.facts == 4  # the tribunal's report is a fact the answer stands on
    rows = run(graph, "tribunal_adopters", {"initiative": g.SUYUAN, "court": g.MID}).rows
    assert [(r["court_id"], r["unit_id"], r["stage"]) for r in rows] == [(g.WU, XISHAN, "adopted")]
    # the tribunal itself is the court's unit: under the tribunal's own court too
    assert run(graph, "tribunal_adopters", {"initiative": g.SUYUAN, "court": g.WU}).rows
    # with only verified facts, the unreviewed tribunal report covers nothing
    levels, missing, _ = analytics.coverage_report(graph, "诉源治理", g.HIGH, verified_only=True)
    assert {r["unit_id"] for r in missing if r["level"] == "basic"} == {g.BING, g.DING, g.WU}
    assert not any(lv.through for lv in levels)

    lend_store(monkeypatch, graph)
    assert cli.main(["coverage", "诉源治理", "甲省高级人民法院"]) == 0
    text = capsys.readouterr().out
    line = next(x for x in text.splitlines() if x.startswith("基层法院"))
    assert line.split()[1:6] == ["2", "1", "3", "67%", "100%"]
    assert "下属人民法庭已推行（1）：\n  甲省乙市戊县人民法院（基层法院）：西山人民法庭" in text
    assert "尚未报道推行（0）" in text
    assert cli.main(["coverage", "诉源治理", "甲省高级人民法院", "--verified"]) == 0
    text = capsys.readouterr().out  # nothing reviewed: 中院 and the three basic courts
    assert "尚未报道推行（4）" in text and "没有看到它推行的已核实报道" in text
    # listed by level, then name, whatever order the report gives them in
    real = cli.coverage_report

    def backwards(*args, **kwargs):  # type: ignore[no-untyped-def]
        levels, missing, tally = real(*args, **kwargs)
        return levels, list(reversed(missing)), tally

    monkeypatch.setattr(cli, "coverage_report", backwards)
    assert cli.main(["coverage", "诉源治理", "甲省高级人民法院", "--verified"]) == 0
    text = capsys.readouterr().out
    listed = text.split("尚未报道推行（4）：\n", 1)[1].splitlines()[:4]
    assert "中级法院" in listed[0] and all("基层法院" in x for x in listed[1:])
    assert listed[1:] == sorted(listed[1:])


def test_province_matrix(graph) -> None:
    m = analytics.province_matrix(graph)
    # 4 courts at intermediate+basic in 甲省; 诉源治理: 中院 (promoted), 丙区, 丁县
    assert m["甲省"]["诉源治理"] == pytest.approx(3 / 4)
    assert m["甲省"]["枫桥式人民法庭"] == pytest.approx(2 / 4)
    counts = analytics.province_counts(graph)
    assert counts.units == {"甲省": 4}
    assert counts.adopted["诉源治理"] == {"甲省": 3}
    only_basic = analytics.province_counts(graph, levels=("basic",), initiatives=["诉源治理"])
    assert only_basic.units == {"甲省": 3} and only_basic.adopted == {"诉源治理": {"甲省": 2}}


def test_co_adoption_and_early_adopters(graph) -> None:
    co = analytics.co_adoption(graph)
    edge = co.edges["诉源治理", "枫桥式人民法庭"]
    # 诉源治理: 中院 (promoted), 丙区, 丁县; 枫桥: 丙区, 丁县
    assert edge["shared"] == 2 and edge["jaccard"] == pytest.approx(2 / 3)
    assert co.nodes["诉源治理"]["adopters"] == 3
    early = analytics.early_adopters(graph)
    # ranks: 诉源治理 中院 0, 丙区 0.5, 丁县 1; 枫桥 丙区 0, 丁县 1 (中院: one initiative only)
    assert [(r["unit"], r["mean_rank"]) for r in early] == [
        ("甲省乙市丙区人民法院", 0.25),
        ("甲省乙市丁县人民法院", 1.0),
    ]


def test_co_adoption_command_says_what_the_early_adopters_number_means(
    graph, monkeypatch, capsys
) -> None:
    """It printed 平均排名 0.25 (a mean percentile rank), which reads as a place: the share of
    the other adopters that were earlier, in words, with the scale said once above."""
    lend_store(monkeypatch, graph)
    assert cli.main(["co-adoption"]) == 0
    out = capsys.readouterr().out
    assert "平均排名" not in out
    assert f"\n{cli.EARLY_HEADER}\n" in out and "0% = 每项都最早" in cli.EARLY_HEADER
    assert "  1. 甲省乙市丙区人民法院：推行 2 项举措，平均有 25% 的其他推行单位早于它\n" in out
    assert "  2. 甲省乙市丁县人民法院：推行 2 项举措，每项都最晚（其他推行单位都早于它）\n" in out
    graph.clear()
    assert cli.main(["co-adoption"]) == 0
    assert f"先行单位：{cli.EARLY_NONE}" in capsys.readouterr().out


def test_ranked_pairs_strongest_first_and_graph_of_a_subset() -> None:
    size = {"甲": 4, "乙": 2, "丙": 3, "丁": 5}
    rows = analytics.ranked_pairs(size, [("乙", "丙", 2), ("甲", "丁", 3), ("丙", "甲", 2)])
    # most shared first; at equal shared the higher Jaccard (乙丙 2/3 before 丙甲 2/5)
    assert [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in rows] == [
        ("甲", "丁", 3, 0.5),
        ("乙", "丙", 2, 0.667),
        ("丙", "甲", 2, 0.4),
    ]
    g = analytics.pairs_graph(size, [("甲", "丁", 3)], "t", names=["甲", "丁"])
    assert sorted(g.nodes) == ["丁", "甲"] and g.nodes["丁"]["adopters"] == 5
    assert g.edges["甲", "丁"]["jaccard"] == pytest.approx(3 / 6) and g.graph["tally"] == "t"


def test_the_outcomes_command_says_why_the_initiatives_own_figures_are_fewer(
    server_store, monkeypatch, capsys
) -> None:
    """`analytics outcomes` lists every figure the adopters report (4), `initiative_outcomes`
    and the 举措 page only those the documents tie to the initiative (1): a new user saw
    two numbers and no reason. The command says both numbers and where each is shown."""
    from queries.registry import run
    from tests.app.test_large_tables import with_more_figures

    graph = small_graph_in(server_store, with_document_c, with_more_figures)
    lend_store(monkeypatch, graph)
    assert len(run(graph, "initiative_outcomes", {"initiative": g.SUYUAN}).rows) == 1
    assert cli.main(["outcomes", "诉源治理"]) == 0
    text = capsys.readouterr().out
    assert "报告的全部 4 项数字" in text and "文中归于这项举措的数字共 1 项" in text
    assert "initiative_outcomes" in text
    assert analytics.tied_outcome_count(graph, "诉源治理", verified_only=True) == (0, False)


def test_adopter_outcomes(graph) -> None:
    rows = analytics.adopter_outcomes(graph, "诉源治理")
    assert [(r["unit"], r["metric"], r["value"], r["tied_to"]) for r in rows] == [
        ("甲省乙市丙区人民法院", "调解率", 60.0, "诉源治理")
    ]


def test_unit_year_panel(graph, tmp_path: Path) -> None:
    rows = analytics.unit_year_panel(
        graph, ["诉源治理", "枫桥式人民法庭"], years=[2022, 2023, 2024], levels=["basic"]
    )
    assert len(rows) == 3 * 3
    ding = {r["year"]: r for r in rows if r["name"] == "甲省乙市丁县人民法院"}
    assert [ding[y]["adopted__诉源治理"] for y in (2022, 2023, 2024)] == [0, 0, 1]
    assert ding[2024]["first_year__枫桥式人民法庭"] == 2024
    assert ding[2024]["documents"] == 2  # documents B and C, both dated 2024
    assert ding[2023]["documents"] == 0
    csv_files = analytics.write_table(
        rows, tmp_path / "panel.csv", dictionary=analytics.PANEL_DICTIONARY
    )
    assert csv_files[1].read_text(encoding="utf-8").count("|") > 10
    import pandas as pd

    analytics.write_table(rows, tmp_path / "panel.parquet")
    back = pd.read_parquet(tmp_path / "panel.parquet")
    assert len(back) == 9 and "adopted__诉源治理" in back.columns
    assert (
        pd.read_csv(tmp_path / "panel.csv", encoding="utf-8-sig")["name"].iloc[0].endswith("法院")
    )


def test_cli_events(graph, tmp_path: Path, monkeypatch, capsys) -> None:
    lend_store(monkeypatch, graph)
    out = tmp_path / "events.csv"
    assert cli.main(["events", "--output", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 1 + 5  # header + 3 诉源治理 + 2 枫桥 events
    assert "推行事件 5 条" in capsys.readouterr().out


def test_cli_provinces_counts(graph, tmp_path: Path, monkeypatch, capsys) -> None:
    """Counts and shares per level, each with its denominator named (issue 12, item 6)."""
    lend_store(monkeypatch, graph)
    out = tmp_path / "provinces.csv"
    assert cli.main(["provinces", "诉源治理", "--output", str(out)]) == 0
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    got = dict(zip(header.split(","), row.split(","), strict=True))
    assert got == {
        "initiative": "诉源治理",
        "province": "甲省",
        "intermediate_adopted": "1",
        "intermediate_courts": "1",
        "intermediate_share": "1.0",
        "basic_adopted": "2",
        "basic_courts": "3",
        "basic_share": "0.667",
    }
    capsys.readouterr()
    assert cli.main(["provinces"]) == 0
    text = capsys.readouterr().out
    assert "该省该层级的法院总数" in text
    assert "诉源治理：1 个省份有报道推行的法院" in text
    assert "（层级：中级法院、基层法院）" in text
    block = text.split("诉源治理：1 个省份有报道推行的法院")[1]
    line = next(x for x in block.splitlines() if x.startswith("甲省"))
    assert "1/1 (100%)" in line and "2/3 (67%)" in line


def test_cli_coverage_table(graph, monkeypatch, capsys) -> None:
    lend_store(monkeypatch, graph)
    assert cli.main(["coverage", "诉源治理", "甲省高级人民法院"]) == 0
    text = capsys.readouterr().out
    # in Chinese: the user's words for levels, counts and shares
    assert text.startswith("诉源治理 · 甲省高级人民法院辖区覆盖情况")
    assert "覆盖率 =（本院报道推行 + 下属人民法庭已推行）/ 单位数" in text
    header = next(x for x in text.splitlines() if x.startswith("层级"))
    assert header.split() == [
        "层级",
        "本院报道推行",
        "下属人民法庭已推行",
        "单位数",
        "本院报道占比",
        "覆盖率",
        "说明",
    ]
    basic = next(x for x in text.splitlines() if x.startswith("基层法院"))
    assert basic.split()[1:6] == ["2", "0", "3", "67%", "67%"]
    tribunal = next(x for x in text.splitlines() if x.startswith("人民法庭"))
    assert "未导入人民法庭名录" in tribunal
    assert "尚未报道推行（1）：\n  甲省乙市戊县人民法院（基层法院）" in text
    assert "不代表它确实没有推行" in text
    for english in ("not yet reported", "level", "share", "adopted", "units", "facts:"):
        assert english not in text


def test_tables_are_written_in_the_format_their_extension_names(tmp_path: Path) -> None:
    import pandas as pd

    rows = [{"unit": "甲区法院", "year": 2023, "stages": ["adopted", "piloted"]}]
    analytics.write_table(rows, tmp_path / "t.xlsx")
    back = pd.read_excel(tmp_path / "t.xlsx", engine="openpyxl")
    assert back["unit"].iloc[0] == "甲区法院" and back["stages"].iloc[0] == "adopted；piloted"
    # in Chinese, as the figures' own (they were English)
    with pytest.raises(CourtgraphError, match=r"t\.txt：表格可写 \.csv、\.xlsx、\.parquet"):
        analytics.write_table(rows, tmp_path / "t.txt")
    with pytest.raises(CourtgraphError, match="missing 不存在$"):
        analytics.write_table(rows, tmp_path / "missing" / "t.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


def test_early_adopters_share_tied_places_and_compare_precisions(store) -> None:
    """诉源治理: 丙区 2019, 丁县 and 戊县 2019-03: a year-only date is not earlier than a month
    inside it, and equal dates tie, so no unit is ahead. 枫桥: 丙区 and 丁县 2020-05 (a tie),
    戊县 2021. Mean ranks: 丙区 0, 丁县 0, 戊县 0.5; places 1, 1, 3 whatever the names."""
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    facts = []
    for unit, initiative, date, precision in (
        (g.BING, g.SUYUAN, "2019", "year"),
        (g.DING, g.SUYUAN, "2019-03", "month"),
        (g.WU, g.SUYUAN, "2019-03", "month"),
        (g.BING, g.FENGQIAO, "2020-05", "month"),
        (g.DING, g.FENGQIAO, "2020-05", "month"),
        (g.WU, g.FENGQIAO, "2021", "year"),
    ):
        ev = g._ev(f"{unit}{initiative}", date, precision)
        facts.append(g.FactRow("ADOPTED", unit, initiative, ("adopted",), {"stage": "adopted"}, ev))
    mentions = [
        g.MentionRow(x, "x", "x", 0, 1) for x in (g.BING, g.DING, g.WU, g.SUYUAN, g.FENGQIAO)
    ]
    doc = g.DocumentGraph(g.DOC_A, {"title": "甲", "date": "2021-06-01"}, [], mentions, facts)
    store.write_documents([doc])
    early = analytics.early_adopters(store, min_initiatives=2)
    assert [(r["unit_id"], r["mean_rank"], r["place"]) for r in early] == [
        (g.DING, 0.0, 1),  # a tie: listed by id, sharing first place
        (g.BING, 0.0, 1),
        (g.WU, 0.5, 3),
    ]


def test_an_initiative_with_one_dated_adopter_ranks_nobody(store) -> None:
    """Reviewer (session 19): a unit alone (dated) in an initiative got 0% for it, which
    counted toward the two-initiative minimum and pulled its mean to 每项都最早. 枫桥 and 五化:
    丙区 only (2018, 2018-06); 诉源治理: 丁县 2019, 丙区 2020. 丙区 is compared once (last):
    not listed at two, 100% at one; 丁县 0% at one."""
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    wuhua = g.entity_id("Initiative", "五化人民法庭")
    store.upsert_nodes([g.NodeRow("Initiative", wuhua, {"name": "五化人民法庭", "curated": True})])
    facts = []
    for unit, initiative, date, precision in (
        (g.BING, g.FENGQIAO, "2018", "year"),
        (g.BING, wuhua, "2018-06", "month"),
        (g.DING, g.SUYUAN, "2019", "year"),
        (g.BING, g.SUYUAN, "2020", "year"),
    ):
        ev = g._ev(f"{unit}{initiative}", date, precision)
        facts.append(g.FactRow("ADOPTED", unit, initiative, ("adopted",), {"stage": "adopted"}, ev))
    mentions = [
        g.MentionRow(x, "x", "x", 0, 1) for x in (g.BING, g.DING, g.SUYUAN, g.FENGQIAO, wuhua)
    ]
    doc = g.DocumentGraph(g.DOC_A, {"title": "甲", "date": "2021-06-01"}, [], mentions, facts)
    store.write_documents([doc])
    assert analytics.early_adopters(store) == []
    early = analytics.early_adopters(store, min_initiatives=1)
    assert [(r["unit_id"], r["initiatives"], r["mean_rank"]) for r in early] == [
        (g.DING, 1, 0.0),
        (g.BING, 1, 1.0),
    ]


def test_earlier_counts() -> None:
    dates = {"a": "2019", "b": "2019-03", "c": "2019-03-05", "d": "2019-02-28", "e": "2018-12"}
    # a: only e is earlier; b: e, d; c: e, d (2019-03 vs 2019-03-05: not earlier); d: e
    assert analytics.earlier_counts(dates) == {"a": 1, "b": 2, "c": 2, "d": 1, "e": 0}


def _undated_adoption() -> g.DocumentGraph:
    """An undated document: 戊县 adopts 诉源治理, no date given anywhere."""
    s = "戊县法院推行诉源治理。"
    return g.DocumentGraph(
        id=g.document_id("d" * 64),
        props={"title": "样例文档丁", "content_hash": "d" * 64, "text": s},
        mentions=[
            g.MentionRow(g.WU, "戊县法院", s, 0, 4),
            g.MentionRow(g.SUYUAN, "诉源治理", s, 6, 10),
        ],
        facts=[g.FactRow("ADOPTED", g.WU, g.SUYUAN, ("adopted",), {"stage": "adopted"}, g._ev(s))],
    )


def test_every_adopter_is_counted_dated_or_not(graph, monkeypatch, capsys) -> None:
    """Issue 12, item 3: an adopter without a date counts in the headline, the province and
    level tallies and the panel; it is shown apart, with its number."""
    graph.write_documents([_undated_adoption()])
    tl = analytics.timeline(graph, "诉源治理")
    assert tl.units == 4 and len(tl.first) == 3  # 中院, 丙区, 丁县 dated; 戊县 not
    assert [u["unit_id"] for u in tl.undated_units] == [g.WU]
    assert tl.by_level == {"intermediate": 1, "basic": 3}
    assert tl.by_province == {"甲省": 4}
    assert tl.cumulative[-1] == ("2024-01", 3)  # the curve places dated units only

    made = analytics.panel(graph, ["诉源治理"], years=[2022, 2023, 2024], levels=["basic"])
    assert made.adopters == {"诉源治理": 3} and made.undated == {"诉源治理": 1}
    wu = [r for r in made.rows if r["unit_id"] == g.WU]
    assert [r["reported__诉源治理"] for r in wu] == [1, 1, 1]
    assert [r["adopted__诉源治理"] for r in wu] == [0, 0, 0]
    assert wu[0]["first_year__诉源治理"] is None
    assert "reported__<initiative>" in analytics.PANEL_DICTIONARY

    lend_store(monkeypatch, graph)
    assert cli.main(["timeline", "诉源治理"]) == 0
    out = capsys.readouterr().out
    assert "共 4 个单位报道推行，其中 3 个有日期" in out
    assert "另有 1 个单位未报道日期" in out and "（无日期）" in out


def test_summary_answers_honour_collections(graph, monkeypatch, capsys) -> None:
    """Issue 12, item 1: the answers read from the adoption summary (province table,
    co-adoption, early adopters, panel, units per initiative) count the chosen collections'
    facts only. Document B (collection 乙): 丙区 adopted 诉源治理 (2022-12), 丁县 piloted it
    (2024-01); 枫桥式人民法庭 is reported in document C only."""
    from graph.collections import add_to_collection

    add_to_collection(graph, g.DOC_B, "乙")
    scope = {"collections": ["乙"]}
    counts = analytics.province_counts(graph, **scope)
    assert counts.adopted == {"诉源治理": {"甲省": 2}}
    assert counts.cell("诉源治理", "甲省", "intermediate") == (0, 1)  # the 中院: document A
    assert counts.tally == analytics.Tally(2, 2)
    assert analytics.province_counts(graph).adopted["诉源治理"] == {"甲省": 3}  # every document
    co = analytics.co_adoption(graph, **scope)
    assert co.number_of_edges() == 0 and co.nodes["诉源治理"]["adopters"] == 2
    assert "枫桥式人民法庭" not in co
    assert analytics.co_adoption(graph).graph["tally"] == analytics.Tally(5, 5)
    early = analytics.early_adopters(graph, min_initiatives=1, **scope)
    assert [(r["unit_id"], r["mean_rank"]) for r in early] == [(g.BING, 0.0), (g.DING, 1.0)]
    made = analytics.panel(graph, ["诉源治理", "枫桥式人民法庭"], years=[2024], **scope)
    assert made.adopters == {"诉源治理": 2, "枫桥式人民法庭": 0}
    assert analytics.units_per_initiative(graph, **scope) == {g.SUYUAN: 2}

    lend_store(monkeypatch, graph)
    assert cli.main(["provinces", "--collections", "乙"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("甲省"))
    assert "0/1 (0%)" in line and "2/3 (67%)" in line
    assert "枫桥式人民法庭" not in out
    assert "事实：共 2 条事实，其中 2 条尚未核实" in out
    assert cli.main(["co-adoption", "--collections", "丙"]) == 1
    assert "Error: 图中没有文档集「丙」；现有文档集：" in capsys.readouterr().err


def test_verified_only_answers_count_confirmed_facts(graph, monkeypatch, capsys) -> None:
    """Issue 11's 只看已核实: with 丙区's adoption of 诉源治理 confirmed, every analytics answer
    can count confirmed or corrected facts only and says how many it left out."""
    from graph import review
    from graph.model import fact_id
    from queries.registry import run
    from queries.verified import FactCheck

    review.decide(
        graph, fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted"), "confirm", reviewer="王审"
    )
    every = analytics.timeline(graph, "诉源治理")
    assert every.tally == analytics.Tally(3, 2) and every.units == 3
    assert FactCheck(*every.tally).note() == "共 3 条事实，其中 2 条尚未核实"
    only = analytics.timeline(graph, "诉源治理", verified_only=True)
    assert [u["unit_id"] for u in only.first] == [g.BING] and only.units == 1
    assert FactCheck(*only.tally).note() == "仅含已核实的 1 条事实（另有 2 条尚未核实，未计入）"

    levels, _missing, tally = analytics.coverage_report(
        graph, "诉源治理", g.HIGH, verified_only=True
    )
    assert {lv.level: (lv.adopted, lv.units) for lv in levels if lv.has_denominator} == {
        "intermediate": (0, 1),
        "basic": (1, 3),
    }
    assert tally == analytics.Tally(3, 2, True)
    assert analytics.province_counts(graph, verified_only=True).adopted == {"诉源治理": {"甲省": 1}}
    assert analytics.co_adoption(graph, verified_only=True).graph["tally"] == analytics.Tally(
        5, 4, True
    )
    # 丙区's figure: its adoption is confirmed, its report of it (the figure) not reviewed;
    # 只看已核实 on figures counts the figures
    outcomes = analytics.outcomes_report(graph, "诉源治理", verified_only=True)
    assert outcomes.rows == [] and outcomes.tally == analytics.Tally(1, 1, True)
    rows, tally = analytics.events_table(graph, [None], verified_only=True)
    assert [(r["unit_id"], r["status"]) for r in rows] == [(g.BING, "confirmed")]
    assert tally == analytics.Tally(5, 4, True)
    # the named query takes the shared switch itself
    assert len(run(graph, "adoption_events", {"verified": "true"}).rows) == 1
    assert len(run(graph, "adopter_outcomes", {"initiative": g.SUYUAN}).rows) == 1
    assert run(graph, "adopter_outcomes", {"initiative": g.SUYUAN, "verified": True}).rows == []

    lend_store(monkeypatch, graph)
    assert cli.main(["timeline", "诉源治理", "--verified"]) == 0
    out = capsys.readouterr().out
    assert "共 1 个单位报道推行" in out and "另有 2 条尚未核实，未计入" in out
    assert cli.main(["coverage", "诉源治理", g.HIGH]) == 0
    assert "事实：共 3 条事实，其中 2 条尚未核实" in capsys.readouterr().out


_FIGURE_DOC = document_id("d" * 64)


def _figure_only_document() -> DocumentGraph:
    """丙区法院 reports a figure of 枫桥式人民法庭 (an invented sentence), no adoption."""
    s = "丙区法院枫桥式人民法庭化解纠纷120件。"
    rate = entity_id("Outcome", g.BING, "化解纠纷", 120.0, "件", "2024")
    ev = [EvidenceRow(sentence=s, start=0, end=len(s))]
    return DocumentGraph(
        id=_FIGURE_DOC,
        props={"title": "样例文档丁", "date": "2024-08-01", "content_hash": "d" * 64},
        nodes=[NodeRow("Outcome", rate, {"name": "化解纠纷 120件", "metric": "化解纠纷"})],
        mentions=[MentionRow(rate, "化解纠纷120件", s, 11, 19)],
        facts=[
            FactRow("REPORTED", g.BING, rate, (), {}, ev),
            FactRow("REPORTED", rate, g.FENGQIAO, (), {}, ev),
        ],
    )


def test_initiative_counts_honour_collections(graph) -> None:
    """总览's most adopted initiatives and the initiative pickers count the units a chosen
    collection's documents report, not the summary of every document (issue 12, item 1)."""
    from graph.collections import add_to_collection
    from queries import run

    add_to_collection(graph, g.DOC_B, "乙")
    every = {r["initiative_id"]: r["units"] for r in run(graph, "top_initiatives", {}).rows}
    some = {
        r["initiative_id"]: r["units"]
        for r in run(graph, "top_initiatives", {"collections": "乙"}).rows
    }
    assert every[g.SUYUAN] == 3 and some == {g.SUYUAN: 2}
    picker = {
        r["initiative_id"]: r["units"]
        for r in run(graph, "initiatives", {"collections": "乙"}).rows
    }
    # the initiatives list is the chosen collections' too, as the other pages are (issue:
    # it listed every initiative, the others with 0 units)
    assert picker == {g.SUYUAN: 2}
    # with 只看已核实 too, the collection's initiatives stay listed, with no checked adopters
    checked = run(graph, "initiatives", {"collections": "乙", "verified": True}).rows
    assert {r["initiative_id"]: r["units"] for r in checked} == {g.SUYUAN: 0}
    # an initiative a collection's document links to a figure only is that collection's too
    graph.write_documents([_figure_only_document()])
    add_to_collection(graph, _FIGURE_DOC, "丁")
    figure_only = run(graph, "initiatives", {"collections": "丁"}).rows
    assert {r["initiative_id"]: r["units"] for r in figure_only} == {g.FENGQIAO: 0}
    assert {r["initiative_id"]: r["units"] for r in run(graph, "initiatives", {}).rows}[
        g.SUYUAN
    ] == 3


def test_all_documents_come_a_page_at_a_time(store) -> None:
    """总览 / 证据 list every document, 200 a page, latest first and undated last: the last
    page holds the rest, and no document is on two pages or on none."""
    from graph.model import DocumentGraph, document_id
    from queries import run
    from queries.documents import PAGE_SIZE

    docs = [
        DocumentGraph(
            id=document_id(f"{i:020x}" + "0" * 44),
            props={
                "title": f"文档{i}",
                "date": None if i % 50 == 0 else f"20{10 + i % 14:02d}-01-{1 + i % 28:02d}",
                "content_hash": f"{i:020x}" + "0" * 44,
            },
        )
        for i in range(PAGE_SIZE + 30)
    ]
    for i in range(0, len(docs), 50):
        store.write_documents(docs[i : i + 50])
    first = run(store, "all_documents", {})
    second = run(store, "all_documents", {"page": 2})
    assert len(first.rows) == PAGE_SIZE and first.truncated
    assert len(second.rows) == 30 and not second.truncated
    listed = [r["doc_id"] for r in first.rows + second.rows]
    assert sorted(listed) == sorted(d.id for d in docs)
    dates = [r["date"] for r in first.rows + second.rows]
    undated = [d for d in dates if d is None]
    assert dates[-len(undated) :] == undated  # undated last
    assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)
    assert run(store, "all_documents", {"page": 3}).rows == []
    # the first page came from the date index range; the full sort lists the same
    from queries import documents
    from queries.registry import Plan

    assert documents._floor(store, {"page": 1}).variant == "dated"
    assert documents._floor(store, {"page": 2}).variant is None
    assert documents._floor(store, {"page": 1, "collections": ["甲"]}).variant is None
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(documents, "_floor", lambda _s, _p: Plan(params={"floor": ""}))
        assert run(store, "all_documents", {}).rows == first.rows


def test_whole_graph_tables_count_every_row_from_light_reads(server_store, monkeypatch) -> None:
    """The adopters' figures: the first rows read in full for the first units only, the
    totals, sources and facts counted on every row; the province counts: where courts are
    (not the units' yearly counts) and each initiative's facts; co-adoption and early
    adopters from one read of the adoptions."""
    from graph.model import document_id
    from queries.registry import run
    from tests.app.test_large_tables import with_more_figures

    graph = small_graph_in(server_store, with_document_c, with_more_figures)
    full = analytics.outcomes_report(graph, "诉源治理")
    assert [(r["unit_id"], r["metric"]) for r in full.rows] == [
        (g.DING, "结案率"),
        (g.DING, "调解率"),
        (g.BING, "调解率"),
        (g.MID, "诉前化解纠纷"),
    ]
    for first in (1, 2, 3, 10):
        page = analytics.outcomes_report(graph, "诉源治理", first=first)
        assert page.rows == full.rows[:first]
        assert (page.total, page.units, page.tally, page.truncated) == (4, 3, full.tally, False)
        assert page.doc_ids == full.doc_ids == sorted([g.DOC_A, document_id("d" * 64)])
    assert full.tally == analytics.Tally(7, 7)  # 3 adoptions, 4 reports
    # a collection's documents only (every document here is 未分类; none is in 别的)
    scoped = analytics.outcomes_report(graph, "诉源治理", collections=["未分类"], first=2)
    assert (scoped.rows, scoped.total, scoped.tally) == (full.rows[:2], 4, full.tally)
    other = analytics.outcomes_report(graph, "诉源治理", collections=["别的"], first=2)
    assert (other.rows, other.total, other.units, other.doc_ids) == ([], 0, 0, [])
    only = analytics.outcomes_report(graph, "诉源治理", verified_only=True, first=2)
    # 只看已核实 on figures counts the figures (the 4 reports), whatever their adoptions
    assert (only.rows, only.total, only.tally) == ([], 0, analytics.Tally(4, 4, True))
    some = run(graph, "adopter_outcomes", {"initiative": g.SUYUAN, "units": f"{g.MID},{g.BING}"})
    assert sorted(r["unit_id"] for r in some.rows) == sorted([g.MID, g.BING])

    # counting by province needs the units only: no Adoption is made for them
    full, tallies = analytics._adoptions_tallied(graph)
    bare, same = analytics._adoptions_tallied(graph, units_only=True)
    assert same == tallies and {i: set(per) for i, (_n, per) in bare.items()} == {
        i: set(per) for i, (_n, per) in full.items()
    }
    assert {v for _n, per in bare.values() for v in per.values()} == {None}
    counts = analytics.province_counts(graph)
    assert counts.tallies == {
        "诉源治理": analytics.Tally(3, 3),
        "枫桥式人民法庭": analytics.Tally(2, 2),
    }
    assert counts.tally == analytics.Tally(5, 5)
    assert counts.table("诉源治理")[0]["basic_adopted"] == 2
    assert {r["court_id"] for r in run(graph, "court_places").rows} >= {g.MID, g.BING, g.DING}

    found = analytics.adoptions(graph)
    expected = (analytics.co_adoption(graph, min_shared=1), analytics.early_adopters(graph))

    def no_read(*_a, **_k):
        raise AssertionError("read again")

    monkeypatch.setattr(analytics, "run", no_read)
    shared = analytics.co_adoption(graph, min_shared=1, adoptions=found)
    assert sorted(shared.edges(data=True)) == sorted(expected[0].edges(data=True))
    assert shared.graph["tally"] == expected[0].graph["tally"]
    assert analytics.early_adopters(graph, adoptions=found) == expected[1]


def test_shared_adopters_and_early_ranks_are_counted_with_arrays(graph) -> None:
    """Co-adoption sums each initiative's adopters' membership rows (the diagonal: its
    adopters), early ranks are sorted searches over all dates at once; a pair no unit
    adopted both is no edge, whatever `min_shared`."""
    found, _tally = analytics.adoptions(graph)
    names = sorted(name for name, _per in found.values())
    assert names == ["枫桥式人民法庭", "诉源治理"]
    assert analytics._shared_adopters(found, names).tolist() == [[2, 2], [2, 3]]
    assert analytics._shared_adopters({}, []).shape == (0, 0)
    assert sorted(analytics.co_adoption(graph).edges(data=True)) == [
        ("枫桥式人民法庭", "诉源治理", {"shared": 2, "jaccard": 2 / 3})
    ]
    assert analytics.co_adoption(graph, min_shared=0).number_of_edges() == 1
    size, pairs, _t = analytics.shared_adopters(graph, adoptions=(found, _tally))
    assert size == {"枫桥式人民法庭": 2, "诉源治理": 3} and pairs == [
        ("枫桥式人民法庭", "诉源治理", 2)
    ]
    assert analytics.shared_adopters(graph, min_shared=3, adoptions=(found, _tally))[1] == []
    assert analytics.earlier_counts({}) == {}
    assert analytics.earlier_counts({"a": "2019-03-02", "b": "2019-03", "c": "2019-03-01"}) == {
        "a": 1,  # after c on the same month; b (month only) ties with both
        "b": 0,
        "c": 0,
    }
    # 诉源治理: 中院 0, 丙区 0.5, 丁县 1; 枫桥: 丙区 0, 丁县 1 (one adoption: no mean)
    ranks = analytics.early_adopters(graph, min_initiatives=1, adoptions=(found, _tally))
    assert [(x["unit_id"], x["initiatives"], x["mean_rank"], x["place"]) for x in ranks] == [
        (g.MID, 1, 0.0, 1),
        (g.BING, 2, 0.25, 2),
        (g.DING, 2, 1.0, 3),
    ]


def test_a_figure_tied_to_two_initiatives_counts_as_the_full_list_does(server_store) -> None:
    """`adopter_outcomes` gives an outcome tied to two initiatives two rows: the index the
    totals are counted from gives the same rows, so a page's total is the full list's."""
    from tests.app.test_large_tables import with_more_figures

    graph = small_graph_in(server_store, with_document_c, with_more_figures)
    graph.write_statements(
        [
            (
                "MATCH (o:Outcome)-[:REPORTED]->(:Initiative {id: $i}) WITH o LIMIT 1 "
                "MATCH (j:Initiative {id: $j}) MERGE (o)-[:REPORTED]->(j)",
                {"i": g.SUYUAN, "j": g.FENGQIAO},
            )
        ]
    )
    full = analytics.outcomes_report(graph, "诉源治理")
    page = analytics.outcomes_report(graph, "诉源治理", first=1)
    assert page.total == len(full.rows) == full.total


def test_a_unit_with_two_stages_reports_each_figure_once() -> None:
    """A unit that piloted and then adopted an initiative showed each of its figures twice on
    成效对照 (试点 …, 推行 …) and in `analytics outcomes`, so the figures were counted twice
    (seen in the real app): one row per figure and tied initiative, with the unit's stages,
    its first date and every adoption fact the row stands on."""

    def row(stage, date, adoption, status="extracted", tied="诉前调解", fid="r1"):
        return {
            "unit_id": "court:甲", "unit": "甲法院", "stage": stage, "adopted_date": date,
            "metric": "调解数", "fact_id": fid, "tied_to": tied, "doc_ids": ["d1"],
            "adoption_fact_id": adoption, "adoption_status": status, "status": "extracted",
        }  # fmt: skip

    rows = analytics.one_row_per_figure(
        [
            row("adopted", "2023-05", "a2", "confirmed"),
            row("piloted", "2022-03", "a1"),
            row("adopted", "2023-05", "a2", "confirmed", tied="诉源治理"),
            row("piloted", "2022-03", "a1", tied="诉源治理"),
            row("piloted", "2022-03", "a1", fid="r2"),
            row("adopted", "2023-05", "a2", "confirmed", fid="r2"),
        ]
    )
    assert len(rows) == 3  # r1 tied to two initiatives, r2
    first = rows[0]
    assert first["stages"] == ["piloted", "adopted"] and first["adopted_date"] == "2022-03"
    assert first["adoption_fact_ids"] == ["a1", "a2"]
    assert first["adoption_statuses"] == ["extracted", "confirmed"]
    # shown with 只看已核实 when one of the unit's adoptions is verified
    assert (first["adoption_fact_id"], first["adoption_status"]) == ("a2", "confirmed")
    index = analytics.one_row_per_figure([{k: v for k, v in r.items() if k not in ("stage",)}
                                          for r in [row("adopted", None, "a2"), row("piloted", None, "a1")]])  # fmt: skip
    assert len(index) == 1 and "stages" not in index[0]


def test_verified_figures_leave_out_an_unconfirmed_tie_to_the_initiative(graph) -> None:
    """With 只看已核实, 丙区's confirmed figure is listed, but its tie to 诉源治理 only once a
    reviewer confirmed the tie too (it read "关联举措：诉源治理" beside a count of 0 tied
    figures); the tied figures' query says its switch asks for both."""
    from graph import review
    from graph.model import fact_id
    from queries.registry import run

    review.decide(graph, fact_id("REPORTED", g.BING, g.RATE), "confirm", reviewer="王审")
    args = {"initiative": g.SUYUAN, "verified": True}
    rows = run(graph, "adopter_outcomes", args).rows
    assert [(r["unit_id"], r["tied_to"]) for r in rows] == [(g.BING, None)]
    index = run(graph, "adopter_outcome_index", args).rows
    assert [(r["unit_id"], r["tied_to"]) for r in index] == [(g.BING, None)]
    assert run(graph, "initiative_outcomes", args).rows == []
    review.decide(graph, fact_id("REPORTED", g.RATE, g.SUYUAN), "confirm", reviewer="王审")
    rows = run(graph, "adopter_outcomes", args).rows
    assert [(r["unit_id"], r["tied_to"]) for r in rows] == [(g.BING, "诉源治理")]
    assert len(run(graph, "initiative_outcomes", args).rows) == 1
    helps = {
        q: next(p.help for p in get(q).params if p.name == "verified")
        for q in ("initiative_outcomes", "adopter_outcomes")
    }
    assert "与举措的关联" in helps["initiative_outcomes"]
    assert "与举措的关联" not in helps["adopter_outcomes"]


def test_a_unit_dated_twice_on_one_day_keeps_the_text_dated_report_in_either_order() -> None:
    """The same day from the text and from the article's own date: the unit's first report
    is the text-dated one (drawn solid), whichever row the query gives first."""
    base = {"unit_id": "court:甲", "unit": "甲法院", "level": "basic", "province": "甲省"}
    by_article = {**base, "stage": "adopted", "date": "2020-05-01", "date_precision": "document"}
    by_text = {**by_article, "stage": "piloted", "date_precision": "day", "doc_ids": ["b"]}
    by_article["doc_ids"] = ["a"]
    for rows in ([by_article, by_text], [by_text, by_article]):
        tl = analytics.timeline_from_events("诉源治理", rows)
        assert [(u["date_precision"], u["doc_ids"]) for u in tl.first] == [("day", ["b"])]


def _area_rollout() -> DocumentGraph:
    """乙市中院 reports rolling 枫桥式人民法庭 out to all its courts (the fact's scope)."""
    s = "乙市中院在全市法院推行枫桥式人民法庭创建。"
    return DocumentGraph(
        id=document_id("f" * 64),
        props={"title": "样例文档己", "date": "2024-03-01", "content_hash": "f" * 64},
        mentions=[MentionRow(g.MID, "乙市中院", s, 0, 4)],
        facts=[
            FactRow(
                "ADOPTED",
                g.MID,
                g.FENGQIAO,
                ("adopted",),
                {"stage": "adopted", "scope": "甲省乙市全市法院"},
                [
                    EvidenceRow(
                        sentence=s, start=0, end=len(s), date="2024-03", date_precision="month"
                    )
                ],
            )
        ],
    )


def test_a_unit_its_superior_reports_rolling_out_to_is_noted_beside_not_reported(
    store, monkeypatch, capsys
) -> None:
    """Coverage listed 戊县法院 as 尚未报道推行 with no word that 乙市中院 reports rolling the
    initiative out to all its courts, and under 乙市中院 did not even show that report (a new
    user's findings, item 7). The state and the counts stay as defined (docs/data-model.md):
    a note beside it, and the court's own fact on its coverage."""
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([g.document_c(), _area_rollout()])
    levels, missing, _tally = analytics.coverage_report(store, "枫桥式人民法庭", g.MID)
    (wu,) = missing
    assert wu["unit_id"] == g.WU and wu["state"] == "not_reported"
    assert wu["note_zh"] == (
        "上级报道在全辖推行：甲省乙市中级人民法院 推行（范围：甲省乙市全市法院；2024-03）"
    )
    basic = next(lv for lv in levels if lv.level == "basic")
    assert (basic.adopted, basic.units, basic.covered) == (2, 3, 2)  # counts as defined
    # under the high court too: the rollout is by a court below it, over its own courts
    _levels, missing, _tally = analytics.coverage_report(store, "枫桥式人民法庭", g.HIGH)
    assert [(r["unit_id"], r["rollout"]["court_id"]) for r in missing] == [(g.WU, g.MID)]
    # with only verified facts, the unreviewed rollout says nothing
    _levels, missing, _tally = analytics.coverage_report(
        store, "枫桥式人民法庭", g.MID, verified_only=True
    )
    assert not any(r.get("rollout") for r in missing)

    lend_store(monkeypatch, store)
    assert cli.main(["coverage", "枫桥式人民法庭", "乙市中院"]) == 0
    text = capsys.readouterr().out
    assert (
        "本院或上级法院报道在全辖推行（1）：\n  甲省乙市中级人民法院 推行（范围：甲省乙市全市法院；2024-03）"
        in text
    )
    assert (
        "  甲省乙市戊县人民法院（基层法院）  上级报道在全辖推行：甲省乙市中级人民法院（甲省乙市全市法院）"
        in text
    )


def test_area_rollouts_start_from_the_court_not_from_the_adopters() -> None:
    """The query walked the hierarchy from every scoped adoption of the initiative in the
    country: 5.6 s at 最高人民法院 with 294 of them, past the 60 s timeout with 2,483 (a
    reviewer's findings, item 2). It starts from the chosen court: the court is its only
    anchor, and the initiative is matched by id beside an adoption already found."""
    cypher = get("area_rollouts").cypher
    anchors = re.findall(r"\(\w+:Entity \{id: \$(\w+)\}\)", cypher)
    assert anchors and set(anchors) == {"court"}
    for part in cypher.split("UNION ALL"):
        assert part.strip().startswith("MATCH (c:Entity {id: $court})")


def test_cli_coverage_asks_for_the_area_rollouts_once(store, monkeypatch, capsys) -> None:
    """`coverage` ran `area_rollouts` twice, once for the notes and once for the court's own
    report (a reviewer's findings, item 2)."""
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([g.document_c(), _area_rollout()])
    calls = []
    real = analytics.area_rollouts

    def counted(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        calls.append(args[1:3])
        return real(*args, **kwargs)

    monkeypatch.setattr(analytics, "area_rollouts", counted)
    lend_store(monkeypatch, store)
    assert cli.main(["coverage", "枫桥式人民法庭", "乙市中院"]) == 0
    text = capsys.readouterr().out
    assert "本院或上级法院报道在全辖推行（1）" in text and "上级报道在全辖推行：" in text
    assert calls == [(g.FENGQIAO, g.MID)]
