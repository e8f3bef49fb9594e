"""Exports a researcher can cite and analyse: every fact's row carries a numeric year, one of
its sentences and that document's title and URL; list values are joined with one separator
everywhere; `graph export` can be limited to chosen collections."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from courtgraph import graph_cli
from graph import export
from graph.collections import add_to_collection
from queries import __main__ as queries_cli
from queries.analytics import __main__ as analytics_cli
from queries.citations import LIST_SEPARATOR, year_of
from tests import graph_fixtures as g
from tests.cli_store import lend_store

#: document A's sentence behind 丙区法院's adoption of 诉源治理 (A is dated before B)
_A_SENTENCE = "丙区法院今年三月全面推行诉源治理。"


@pytest.fixture
def small(store, monkeypatch):
    g.load_small_graph(store)
    lend_store(monkeypatch, store)
    return store


def test_year_is_an_integer_of_any_precision() -> None:
    assert [year_of(d) for d in ("2019", "2019-03", "2019-03-15", "", None, "20190")] == [
        2019,
        2019,
        2019,
        None,
        None,
        None,
    ]


def test_query_csv_and_json_cite_each_fact(small, capsys) -> None:
    args = ["adopters", "--param", f"initiative={g.SUYUAN}"]
    assert queries_cli.main([*args, "--format", "json"]) == 0
    rows = {r["unit_id"]: r for r in json.loads(capsys.readouterr().out)}
    bing = rows[g.BING]
    assert bing["date"] == "2022-12" and bing["year"] == 2022
    assert bing["evidence"] == _A_SENTENCE and bing["evidence_doc_id"] == g.DOC_A
    assert (bing["doc_title"], bing["doc_url"]) == ("样例文档甲", "http://example.test/a")
    assert rows[g.DING]["year"] == 2024 and rows[g.DING]["doc_title"] == "样例文档乙"

    assert queries_cli.main([*args, "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    header = list(table[0])
    # the year beside the date it is read from; the citation after the row's own columns
    assert header.index("year") == header.index("date_precision") + 1
    assert header[-5:] == ["evidence", "evidence_doc_id", "doc_title", "doc_url", "doc_date"]
    bing_csv = next(r for r in table if r["unit_id"] == g.BING)
    assert bing_csv["year"] == "2022" and bing_csv["doc_url"] == "http://example.test/a"
    # one separator for lists, as in every other export
    assert bing_csv["doc_ids"] == f"{g.DOC_A}{LIST_SEPARATOR}{g.DOC_B}" == f"{g.DOC_A}；{g.DOC_B}"


def test_a_query_without_facts_is_left_as_it_was(small, capsys) -> None:
    assert queries_cli.main(["collections", "--format", "csv"]) == 0
    assert "evidence" not in capsys.readouterr().out


def test_the_events_export_cites_each_fact(small, tmp_path: Path, capsys) -> None:
    out = tmp_path / "events.csv"
    assert analytics_cli.main(["events", "--initiative", "诉源治理", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    bing = next(r for r in rows if r["unit_id"] == g.BING)
    assert bing["year"] == "2022" and bing["evidence"] == _A_SENTENCE
    assert bing["doc_title"] == "样例文档甲" and bing["doc_url"] == "http://example.test/a"
    assert bing["doc_ids"] == f"{g.DOC_A}；{g.DOC_B}"
    dictionary = (tmp_path / "events.dictionary.md").read_text(encoding="utf-8")
    assert "| `year` |" in dictionary and "| `doc_url` |" in dictionary


def _edges(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_graph_export_cites_facts_and_joins_lists_with_the_separator(small, tmp_path) -> None:
    out = tmp_path / "bing.csv"
    assert graph_cli.main(["export", g.BING, "-o", str(out)]) == 0
    adopted = next(r for r in _edges(out) if r["type"] == "ADOPTED" and r["target"] == g.SUYUAN)
    assert adopted["year"] == "2022" and adopted["evidence"] == _A_SENTENCE
    assert adopted["doc_title"] == "样例文档甲" and adopted["doc_ids"] == f"{g.DOC_A}；{g.DOC_B}"
    # the node-link JSON keeps the year as a number
    assert graph_cli.main(["export", g.BING, "-o", str(tmp_path / "bing.json")]) == 0
    back = export.from_json(tmp_path / "bing.json")
    years = {a["year"] for *_, a in back.edges(keys=True, data=True) if "year" in a}
    assert 2022 in years and all(isinstance(y, int) for y in years)


def test_graph_export_takes_collections(small, tmp_path, capsys) -> None:
    add_to_collection(small, g.DOC_B, "乙报")
    add_to_collection(small, g.DOC_A, "甲报")
    out = tmp_path / "bing.zip"
    assert graph_cli.main(["export", g.BING, "--collections", "乙报", "-o", str(out)]) == 0
    assert "仅计文档集：乙报" in capsys.readouterr().out
    with zipfile.ZipFile(out) as z:
        edges = list(csv.DictReader(io.StringIO(z.read("edges.csv").decode("utf-8-sig"))))
    facts = {(r["source"], r["type"], r["target"]): r for r in edges}
    # 丙区's adoption is B's fact too, and cites only B; 张三's role is A's alone
    adopted = facts[(g.BING, "ADOPTED", g.SUYUAN)]
    assert json.loads(adopted["doc_ids"].removeprefix("json:")) == [g.DOC_B]
    assert adopted["evidence_doc_id"] == g.DOC_B
    assert (g.ZHANG, "HOLDS_ROLE", g.BING) not in facts
    assert (g.BING, "PART_OF", g.MID) in facts  # the roster's hierarchy stays

    assert graph_cli.main(["export", g.BING, "--collections", "丙报", "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("Error: 图中没有文档集「丙报」")


def test_within_keeps_what_the_documents_support_and_is_connected() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", doc_ids=["d1"])
    graph.add_edge("b", "c", doc_ids=["d2"])  # only d2: dropped
    graph.add_edge("c", "d", doc_ids=["d1"])  # d1, but no longer connected to a
    graph.add_edge("a", "e", source="roster")  # reference data stays
    kept = export.within(graph, "a", {"d1"})
    assert sorted(kept.nodes) == ["a", "b", "e"]
    assert sorted(export.within(graph, "x", set()).nodes) == ["x"]
