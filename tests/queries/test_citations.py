"""Exports a researcher can cite and analyse: every fact's row carries a numeric year, one of
its sentences and that document's title and URL; list values are joined with one separator
everywhere; `graph export` can be limited to chosen collections."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from courtgraph import graph_cli
from graph import export
from graph.collections import add_to_collection
from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, document_id
from queries import __main__ as queries_cli
from queries.analytics import __main__ as analytics_cli
from queries.citations import LIST_SEPARATOR, year_of
from tests import graph_fixtures as g
from tests.cli_store import lend_store

#: document B's sentence behind 丙区法院's adoption of 诉源治理: the one that states its
#: first date (2022-12), cited before A's (2023-03) though A is dated before B
_B_SENTENCE = "丙区法院早在前年十二月便推行诉源治理。"


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
    assert bing["evidence"] == _B_SENTENCE and bing["evidence_doc_id"] == g.DOC_B
    assert (bing["doc_title"], bing["doc_url"]) == ("样例文档乙", "http://example.test/b")
    assert rows[g.DING]["year"] == 2024 and rows[g.DING]["doc_title"] == "样例文档乙"

    assert queries_cli.main([*args, "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out.removeprefix("\ufeff"))))
    header = list(table[0])
    # the year beside the date it is read from; the citation after the row's own columns
    assert header.index("year") == header.index("date_precision") + 1
    assert header[-7:] == [
        "evidence",
        "evidence_start",
        "evidence_end",
        "evidence_doc_id",
        "doc_title",
        "doc_url",
        "doc_date",
    ]
    bing_csv = next(r for r in table if r["unit_id"] == g.BING)
    assert bing_csv["year"] == "2022" and bing_csv["doc_url"] == "http://example.test/b"
    # one separator for lists, as in every other export
    assert bing_csv["doc_ids"] == f"{g.DOC_A}{LIST_SEPARATOR}{g.DOC_B}" == f"{g.DOC_A}；{g.DOC_B}"


def test_query_csv_opens_in_excel_and_goes_to_a_file(small, tmp_path: Path, capsys) -> None:
    """CSV written to a file starts with a UTF-8 BOM (Excel on a Chinese Windows reads it as
    GBK without one): the file `-o` names holds what stdout shows, after the BOM."""
    args = ["adopters", "--param", f"initiative={g.SUYUAN}", "--format", "csv"]
    assert queries_cli.main(args) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("unit_id,")  # a stream with no file behind it: no BOM
    out = tmp_path / "采用单位.csv"
    assert queries_cli.main([*args, "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and str(out) in captured.err
    assert out.read_bytes().startswith(b"\xef\xbb\xbfunit_id,")
    with out.open(encoding="utf-8", newline="") as fh:
        assert fh.read() == "\ufeff" + shown
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert any(r["unit_id"] == g.BING for r in rows)
    # a folder that is not there: an Error: line, no file
    assert queries_cli.main([*args, "-o", str(tmp_path / "无" / "x.csv")]) == 1
    assert capsys.readouterr().err.startswith("Error: 文件夹 ")


def test_query_output_takes_its_format_from_the_file_name(small, tmp_path: Path, capsys) -> None:
    """`python -m queries adopters … -o 采用单位.csv` wrote the screen's table (padded columns,
    Chinese headers) into the .csv file: without --format, .csv and .json name the format;
    a file of a format queries do not write (.xlsx), or an extension naming another format
    than --format, is an Error: line and no file."""
    args = ["adopters", "--param", f"initiative={g.SUYUAN}"]
    out = tmp_path / "采用单位.csv"
    assert queries_cli.main([*args, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfunit_id,")
    as_json = tmp_path / "采用单位.json"
    assert queries_cli.main([*args, "-o", str(as_json)]) == 0
    assert any(r["unit_id"] == g.BING for r in json.loads(as_json.read_text(encoding="utf-8")))
    capsys.readouterr()
    excel = tmp_path / "采用单位.xlsx"
    assert queries_cli.main([*args, "-o", str(excel)]) == 1
    assert capsys.readouterr().err.startswith("Error: 采用单位.xlsx：命名查询可写 csv")
    assert queries_cli.main([*args, "--format", "json", "-o", str(tmp_path / "x.csv")]) == 1
    assert "扩展名表示 csv，--format 却是 json；请把文件命名为 x.json" in capsys.readouterr().err
    assert not excel.exists() and not (tmp_path / "x.csv").exists()


def test_query_output_refuses_an_extension_it_does_not_write(small, tmp_path: Path, capsys) -> None:
    """Reviewer (session 19): `-o out.tsv` (.jsonl, .txt, no extension) wrote the screen's
    table and exited 0. Refused, naming .csv and .json, before the query runs; the screen's
    table goes to a .txt with --format table, and an explicit --format with its extension works."""
    args = ["adopters", "--param", f"initiative={g.SUYUAN}"]
    for name in ("out.tsv", "out.jsonl", "out.txt", "out"):
        assert queries_cli.main([*args, "-o", str(tmp_path / name)]) == 1, name
        err = capsys.readouterr().err
        assert err.startswith(f"Error: {name}：命名查询只写 .csv（Excel 可直接打开）或 .json"), err
        assert "--format table -o out.txt" in err
        assert not (tmp_path / name).exists()
    assert queries_cli.main([*args, "--format", "csv", "-o", str(tmp_path / "out.tsv")]) == 1
    assert "只写 .csv" in capsys.readouterr().err
    table = tmp_path / "out.txt"
    assert queries_cli.main([*args, "--format", "table", "-o", str(table)]) == 0
    assert "单位" in table.read_text(encoding="utf-8")
    as_csv = tmp_path / "x.CSV"
    assert queries_cli.main([*args, "--format", "csv", "-o", str(as_csv)]) == 0
    assert as_csv.read_bytes().startswith(b"\xef\xbb\xbfunit_id,")


def test_query_csv_has_a_bom_in_a_file_stdout_goes_to_not_in_a_pipe(
    small, tmp_path: Path, monkeypatch
) -> None:
    """The BOM went to a pipe too: `python -m queries … -f csv | tool` got `\\ufeffunit_id`
    (a reviewer's findings, item 5). Stdout sent to a file (the README's `> file.csv`) keeps
    it for Excel."""
    args = ["adopters", "--param", f"initiative={g.SUYUAN}", "--format", "csv"]
    path = tmp_path / "采用单位.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        monkeypatch.setattr(sys, "stdout", fh)
        assert queries_cli.main(args) == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbfunit_id,")
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w", encoding="utf-8", newline="") as pipe:
        monkeypatch.setattr(sys, "stdout", pipe)
        assert queries_cli.main(args) == 0
    monkeypatch.undo()
    with os.fdopen(read_end, "rb") as got:
        data = got.read()
    assert data.startswith(b"unit_id,") and b"\xef\xbb\xbf" not in data


def test_query_help_is_in_chinese(capsys) -> None:
    with pytest.raises(SystemExit):
        queries_cli.main(["--help"])
    text = capsys.readouterr().out
    assert "运行一个只读的命名查询" in text and "--output" in text
    assert "Run a named" not in text and "at most this many rows" not in text


def test_a_query_without_facts_is_left_as_it_was(small, capsys) -> None:
    assert queries_cli.main(["collections", "--format", "csv"]) == 0
    assert "evidence" not in capsys.readouterr().out


def test_the_events_export_cites_each_fact(small, tmp_path: Path, capsys) -> None:
    out = tmp_path / "events.csv"
    assert analytics_cli.main(["events", "--initiative", "诉源治理", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    bing = next(r for r in rows if r["unit_id"] == g.BING)
    assert bing["year"] == "2022" and bing["evidence"] == _B_SENTENCE
    assert bing["doc_title"] == "样例文档乙" and bing["doc_url"] == "http://example.test/b"
    assert bing["doc_ids"] == f"{g.DOC_A}；{g.DOC_B}"
    dictionary = (tmp_path / "events.dictionary.md").read_text(encoding="utf-8")
    assert "| `year` |" in dictionary and "| `doc_url` |" in dictionary


def _edges(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_graph_export_cites_facts_and_joins_lists_with_the_separator(small, tmp_path) -> None:
    out = tmp_path / "bing.csv"
    assert graph_cli.main(["export", g.BING, "-o", str(out)]) == 0
    adopted = next(r for r in _edges(out) if r["type"] == "ADOPTED" and r["target"] == g.SUYUAN)
    assert adopted["year"] == "2022" and adopted["evidence"] == _B_SENTENCE
    assert adopted["doc_title"] == "样例文档乙" and adopted["doc_ids"] == f"{g.DOC_A}；{g.DOC_B}"
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


def test_a_query_with_collections_cites_its_facts_from_those_collections_only(
    small, capsys
) -> None:
    """`neighbourhood` rows carry no documents of their own: with collections, each fact is
    cited from a document of the chosen collections, whichever it would cite otherwise."""
    add_to_collection(small, g.DOC_A, "甲报")
    add_to_collection(small, g.DOC_B, "乙报")
    args = ["neighbourhood", "--param", f"entity={g.BING}", "--format", "json"]
    for chosen, doc in (("甲报", g.DOC_A), ("乙报", g.DOC_B)):
        extra = ["--param", f"collections={chosen}"]
        assert queries_cli.main([*args, *extra]) == 0
        rows = json.loads(capsys.readouterr().out)
        adopted = next(r for r in rows if r["type"] == "ADOPTED" and r["target"] == g.SUYUAN)
        assert adopted["evidence_doc_id"] == doc, chosen


def test_within_keeps_what_the_documents_support_and_is_connected() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", doc_ids=["d1"])
    graph.add_edge("b", "c", doc_ids=["d2"])  # only d2: dropped
    graph.add_edge("c", "d", doc_ids=["d1"])  # d1, but no longer connected to a
    graph.add_edge("a", "e", source="roster")  # reference data stays
    kept = export.within(graph, "a", {"d1"})
    assert sorted(kept.nodes) == ["a", "b", "e"]
    assert sorted(export.within(graph, "x", set()).nodes) == ["x"]


def test_a_roster_edge_some_document_states_stays_without_a_chosen_one() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", source="roster", doc_ids=["d2"])  # the roster's, d2 states it too
    graph.add_edge("a", "c", doc_ids=["d1", "d2"])
    kept = export.within(graph, "a", {"d1"})
    assert sorted(kept.edges(data="doc_ids")) == [("a", "b", []), ("a", "c", ["d1"])]


def test_the_events_export_cites_only_the_chosen_collections(small, tmp_path: Path) -> None:
    """丙区's adoption is stated by A (2023-03) and B (2022-12): with B's collection the
    row cites B; with A's, it cites A and shows A's date, not the year only B states."""
    add_to_collection(small, g.DOC_B, "乙报")
    add_to_collection(small, g.DOC_A, "甲报")

    def bing(collection: str) -> dict[str, str]:
        out = tmp_path / f"{collection}.csv"
        args = ["events", "--initiative", "诉源治理", "--collections", collection]
        assert analytics_cli.main([*args, "-o", str(out)]) == 0
        rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
        return next(r for r in rows if r["unit_id"] == g.BING)

    only_b = bing("乙报")
    assert (only_b["doc_ids"], only_b["evidence_doc_id"]) == (g.DOC_B, g.DOC_B)
    assert (only_b["date"], only_b["year"], only_b["doc_title"]) == (
        "2022-12",
        "2022",
        "样例文档乙",
    )
    only_a = bing("甲报")
    assert (only_a["doc_ids"], only_a["evidence_doc_id"]) == (g.DOC_A, g.DOC_A)
    assert (only_a["date"], only_a["date_precision"], only_a["year"]) == (
        "2023-03",
        "month",
        "2023",
    )


def test_graph_export_dates_a_fact_by_the_chosen_documents(small, tmp_path) -> None:
    add_to_collection(small, g.DOC_A, "甲报")
    out = tmp_path / "bing.json"
    assert graph_cli.main(["export", g.BING, "--collections", "甲报", "-o", str(out)]) == 0
    edges = {(u, a["type"], v): a for u, v, a in export.from_json(out).edges(data=True)}
    adopted = edges[(g.BING, "ADOPTED", g.SUYUAN)]
    # the store's first date (2022-12) is B's alone: A's own is shown
    assert (adopted["date"], adopted["date_precision"], adopted["year"]) == (
        "2023-03",
        "month",
        2023,
    )
    assert adopted["evidence_doc_id"] == g.DOC_A
    role = edges[(g.ZHANG, "HOLDS_ROLE", g.BING)]  # no date in the store or in A
    assert "year" not in role and "date" not in role


def test_a_corrected_date_stays_under_collections(small, tmp_path) -> None:
    """A reviewer's date is kept when the fact is narrowed to some documents: no sentence
    need state it, and re-dating from the chosen documents would undo the correction."""
    from graph import review

    add_to_collection(small, g.DOC_A, "甲报")
    fact = small.read(
        "MATCH (:Entity {id: $u})-[a:ADOPTED]->(:Initiative {id: $i}) RETURN a.fact_id AS f",
        {"u": g.BING, "i": g.SUYUAN},
    )[0]["f"]
    review.decide(
        small,
        fact,
        "correct",
        reviewer="审核员",
        new={"date": "2021-06", "date_precision": "month"},
    )
    out = tmp_path / "bing.json"
    assert graph_cli.main(["export", g.BING, "--collections", "甲报", "-o", str(out)]) == 0
    edges = {(u, a["type"], v): a for u, v, a in export.from_json(out).edges(data=True)}
    adopted = edges[(g.BING, "ADOPTED", g.SUYUAN)]
    assert (adopted["date"], adopted["year"]) == ("2021-06", 2021)


def test_a_fact_left_with_undated_sentences_has_no_date(small, tmp_path) -> None:
    """丙区's adoption restricted to a document whose sentence gives no date: no date, no
    year (not the store's, which another document states)."""
    title = "丙区法院诉源治理工作纪实"
    small.write_documents(
        [
            DocumentGraph(
                id=_DOC_D,
                props={"title": "样例文档丁", "date": "2025-01-01", "content_hash": "d" * 64},
                mentions=[MentionRow(g.BING, "丙区法院", title, 0, 4)],
                facts=[
                    FactRow(
                        "ADOPTED",
                        g.BING,
                        g.SUYUAN,
                        ("adopted",),
                        {"stage": "adopted"},
                        [EvidenceRow(sentence=title, start=0, end=len(title))],
                    )
                ],
            )
        ]
    )
    add_to_collection(small, _DOC_D, "丁报")
    out = tmp_path / "bing.json"
    assert graph_cli.main(["export", g.BING, "--collections", "丁报", "-o", str(out)]) == 0
    edges = {(u, a["type"], v): a for u, v, a in export.from_json(out).edges(data=True)}
    adopted = edges[(g.BING, "ADOPTED", g.SUYUAN)]
    assert adopted["doc_ids"] == [_DOC_D] and adopted["evidence"] == title
    assert not {"date", "date_precision", "year"} & set(adopted)


_DOC_D = document_id("d" * 64)


def test_the_sentence_that_states_the_date_is_cited_not_the_title(small, capsys) -> None:
    """A document's title names the adoption at offset 0 without a date; its body gives the
    date the row shows: the body's sentence is cited."""
    title = "戊县法院推行诉源治理"
    body = "戊县法院二〇二一年六月起推行诉源治理。"
    small.write_documents(
        [
            DocumentGraph(
                id=_DOC_D,
                props={"title": title, "date": "2021-08-01", "content_hash": "d" * 64},
                mentions=[MentionRow(g.WU, "戊县法院", title, 0, 4)],
                facts=[
                    FactRow(
                        "ADOPTED",
                        g.WU,
                        g.SUYUAN,
                        ("adopted",),
                        {"stage": "adopted"},
                        [
                            EvidenceRow(sentence=title, start=0, end=len(title)),
                            EvidenceRow(
                                sentence=body,
                                start=20,
                                end=20 + len(body),
                                date="2021-06",
                                date_precision="month",
                            ),
                        ],
                    )
                ],
            )
        ]
    )
    args = ["adopters", "--param", f"initiative={g.SUYUAN}", "--format", "json"]
    assert queries_cli.main(args) == 0
    wu = next(r for r in json.loads(capsys.readouterr().out) if r["unit_id"] == g.WU)
    assert (wu["date"], wu["evidence"], wu["evidence_doc_id"]) == ("2021-06", body, _DOC_D)


def test_exports_quote_the_source_as_written_at_its_offsets(
    store, monkeypatch, tmp_path, capsys
) -> None:
    """A query's export and `graph export` cite a traditional-script article in its own
    characters, at offsets into the file's text where a reader finds the quote."""
    from ingest.pipeline import ingest_paths, initiative_id

    path = Path(__file__).resolve().parents[1] / "data" / "provenance" / "traditional_big5.txt"
    ingest_paths(store, [path], reference_data=False)
    lend_store(monkeypatch, store)
    source = path.read_bytes().decode("big5")
    args = ["adopters", "--param", f"initiative={initiative_id('诉前调解')}", "--format", "json"]
    assert queries_cli.main(args) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert "訴前調解" in row["evidence"]
    assert source[row["evidence_start"] : row["evidence_end"]] == row["evidence"]

    out = tmp_path / "ruijin.json"
    assert graph_cli.main(["export", "court:江西省瑞金市人民法院", "-o", str(out)]) == 0
    cited = [a for *_, a in export.from_json(out).edges(keys=True, data=True) if "evidence" in a]
    assert cited
    for a in cited:
        assert source[a["evidence_start"] : a["evidence_end"]] == a["evidence"]
    assert any("訴前調解" in a["evidence"] for a in cited)


def test_graph_export_keeps_the_citation_columns_and_gives_each_fact_its_review_status(
    store, monkeypatch, tmp_path: Path
) -> None:
    """`graph export` (and the 导出 page) left `doc_url` and `doc_date` out of every format when
    no fact in the file had one (local files without a date), so the columns changed from one
    file to the next; and no relationship said whether a reviewer had checked it (a new
    user's findings, item 9)."""
    from dataclasses import replace

    from graph import review

    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    undated = g.document_c()
    store.write_documents(
        [replace(undated, props={"title": "样例文档丙", "content_hash": "c" * 64})]
    )
    lend_store(monkeypatch, store)
    bing = next(a for *_, a in export.fetch_subgraph(store, [g.BING, g.FENGQIAO]).edges(data=True))
    review.decide(store, bing["fact_id"], "confirm", reviewer="王审核")

    assert graph_cli.main(["export", g.FENGQIAO, "-o", str(tmp_path / "f.csv")]) == 0
    rows = _edges(tmp_path / "f.csv")
    assert {"doc_url", "doc_date", "doc_title", "review_status"} <= set(rows[0])
    status = {r["source"]: r["review_status"] for r in rows if r["type"] == "ADOPTED"}
    assert status == {g.BING: "confirmed", g.DING: "extracted"}
    assert {r["doc_url"] for r in rows} == {""} and {r["doc_title"] for r in rows} == {"样例文档丙"}

    assert graph_cli.main(["export", g.FENGQIAO, "-o", str(tmp_path / "f.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "f.zip") as z:
        header = z.read("edges.csv").decode("utf-8-sig").splitlines()[0].split(",")
    assert {"doc_url", "doc_date", "review_status"} <= set(header)
    for suffix, read in ((".json", export.from_json), (".graphml", export.from_graphml)):
        out = tmp_path / f"f{suffix}"
        assert graph_cli.main(["export", g.FENGQIAO, "-o", str(out)]) == 0
        for *_, a in read(out).edges(data=True):
            assert a["doc_url"] == a["doc_date"] == "" and a["review_status"], (suffix, a)


def test_a_named_query_refuses_a_collection_the_graph_does_not_hold(small, capsys) -> None:
    """`--param collections=乙报` mistyped answered （无结果） with status 0, which reads as
    nothing reported; the analytics, figures and export commands refuse it, naming those
    the graph holds, and so does a named query now."""
    add_to_collection(small, g.DOC_B, "乙报")
    args = ["adopters", "--param", "initiative=诉源治理"]
    assert queries_cli.main([*args, "--param", "collections=乙报"]) == 0
    assert "甲省乙市丙区人民法院" in capsys.readouterr().out
    assert queries_cli.main([*args, "--param", "collections=已报"]) == 1
    assert capsys.readouterr().err == "Error: 图中没有文档集「已报」；现有文档集：乙报、未分类\n"
    # a query without collections is not asked about them
    assert queries_cli.main(["search", "--param", "q=丙区"]) == 0


def test_the_table_view_says_yes_or_no_and_help_query_speaks_chinese(small, capsys) -> None:
    """The table view showed True and False under Chinese headers (已推行 False), and
    --help-query framed the parameters in English (parameters:, optional (default None))."""
    args = ["coverage", "--param", "initiative=诉源治理", "--param", f"court={g.MID}"]
    assert queries_cli.main(args) == 0
    table = capsys.readouterr().out
    assert "True" not in table and "False" not in table
    assert {"是", "否"} <= set(table.split())
    assert queries_cli.main(["coverage", "--help-query"]) == 0
    described = capsys.readouterr().out.splitlines()
    assert "参数：" in described and "parameters:" not in described
    assert any(x.split()[0] == "level" and "可选值：supreme, high" in x for x in described[3:])
    example = "例：python -m queries coverage --param initiative=诉源治理 --param court=本溪中院"
    assert described[-1] == example
    assert not any("None" in x for x in described)
    assert queries_cli.main(["neighbourhood", "--help-query"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # (the names are padded to the longest parameter's)
    assert ["depth", "深度（可选，默认", "1）"] in [x.split() for x in lines if x.startswith("  ")]
