"""Exports round-trip: networkx reads back the same graph, Chinese intact."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from graph import export
from graph.errors import CourtgraphError
from queries.explore import neighbourhood_graph
from tests import graph_fixtures as g


def _sample() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node(
        g.BING,
        kind="Court",
        name="甲省乙市丙区人民法院",
        level="basic",
        aliases=["丙区法院", "丙区人民法院"],
        curated=True,
    )
    graph.add_node(g.SUYUAN, kind="Initiative", name="诉源治理", name_en="Source governance")
    graph.add_node(g.RATE, kind="Outcome", name="调解率 60%", value=60.5, unit_of_measure="%")
    graph.add_edge(
        g.BING,
        g.SUYUAN,
        key="adopted:1",
        type="ADOPTED",
        stage="adopted",
        date="2023-03",
        doc_ids=["doc:a", "doc:b"],
        fact_id="adopted:1",
    )
    graph.add_edge(
        g.BING, g.SUYUAN, key="adopted:2", type="ADOPTED", stage="piloted", fact_id="adopted:2"
    )
    graph.add_edge(g.BING, g.RATE, key="reported:1", type="REPORTED", fact_id="reported:1")
    return graph


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    ea = sorted(
        (u, v, k, tuple(sorted(d.items(), key=str))) for u, v, k, d in a.edges(keys=True, data=True)
    )
    eb = sorted(
        (u, v, k, tuple(sorted(d.items(), key=str))) for u, v, k, d in b.edges(keys=True, data=True)
    )
    assert ea == eb


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_round_trip(fmt: str, tmp_path: Path) -> None:
    graph = _sample()
    path = export.export(graph, fmt, tmp_path / f"sub{export.SUFFIX[fmt]}")
    back = export.READERS[fmt](path)
    _same(graph, back)
    assert back.nodes[g.BING]["aliases"] == ["丙区法院", "丙区人民法院"]


def test_graphml_is_readable_by_plain_networkx(tmp_path: Path) -> None:
    export.to_graphml(_sample(), tmp_path / "x.graphml")
    plain = nx.read_graphml(tmp_path / "x.graphml")
    assert plain.nodes[g.SUYUAN]["name"] == "诉源治理"
    assert "诉源治理" in (tmp_path / "x.graphml").read_text(encoding="utf-8")


def test_the_extension_names_the_format() -> None:
    assert [export.format_for(f"x{suffix}") for suffix in export.SUFFIX.values()] == list(
        export.SUFFIX
    )
    # in Chinese, as every other message of the command line (it was English)
    with pytest.raises(CourtgraphError, match=r"x\.png：无法从扩展名 \.png 判断导出格式"):
        export.format_for("x.png")
    with pytest.raises(CourtgraphError, match="无法从文件名（没有扩展名）判断导出格式"):
        export.format_for("x")


def test_edge_list_csv_names_both_ends(tmp_path: Path) -> None:
    path = export.export(_sample(), "edges", tmp_path / "edges.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows and {"source_name", "type", "target_name"} <= set(rows[0])
    assert any(r["target_name"] == "诉源治理" and r["type"] == "ADOPTED" for r in rows)


def test_a_failed_export_leaves_no_half_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sub.json"
    target.write_text("old", encoding="utf-8")

    def broken(graph: object, path: str) -> None:
        Path(path).write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setitem(export.WRITERS, "json", broken)
    with pytest.raises(OSError, match="disk full"):
        export.export(_sample(), "json", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["sub.json"]
    with pytest.raises(CourtgraphError, match=r"x\.graphml：文件夹 .*missing 不存在$"):
        export.export(_sample(), "graphml", tmp_path / "missing" / "x.graphml")


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="graphml"):
        export.export(_sample(), "dot", tmp_path / "x.dot")


def test_cypher_script_recreates_the_subgraph(store) -> None:
    g.load_small_graph(store)
    sub = neighbourhood_graph(store, g.BING, depth=1)
    assert g.SUYUAN in sub and g.ZHANG in sub and g.MID in sub
    script = export.to_cypher(sub)
    store.clear()
    store._write([(stmt, {}) for stmt in export.cypher_statements(script)])
    again = export.fetch_subgraph(store, list(sub.nodes))
    _same(sub, again)


def test_neighbourhood_limit_keeps_nearest(store) -> None:
    g.load_small_graph(store)
    sub = neighbourhood_graph(store, g.BING, depth=2, limit=3)
    assert len(sub) == 3 and g.BING in sub


def test_cypher_script_survives_awkward_values(store) -> None:
    sub = nx.MultiDiGraph()
    name = "甲'乙\\丙\n丁\r戊\t己"
    sub.add_node("court:awkward", kind="Court", name=name, value=float("nan"), big=2**70, ok=1.5)
    script = export.to_cypher(sub)
    store._write([(stmt, {}) for stmt in export.cypher_statements(script)])
    row = store.read(
        "MATCH (n:Entity {id: $id}) RETURN n.name AS name, n.value AS value, n.big AS big, "
        "n.ok AS ok",
        {"id": "court:awkward"},
    )
    assert row == [{"name": name, "value": None, "big": str(2**70), "ok": 1.5}]


def test_an_edge_property_named_like_a_column_keeps_its_own_column(tmp_path: Path) -> None:
    # a PART_OF edge records the roster it came from as `source`: written beside the edge's
    # `source` end, the file had two columns of one name and reading it back took the
    # roster for the edge's start
    graph = _sample()
    graph.add_node("court:甲省乙市中级人民法院", kind="Court", name="甲省乙市中级人民法院")
    graph.add_edge(g.BING, "court:甲省乙市中级人民法院", key="p", type="PART_OF", source="roster")
    path = export.export(graph, "csv", tmp_path / "sub.zip")
    with zipfile.ZipFile(path) as z:
        header = next(csv.reader(io.StringIO(z.read("edges.csv").decode("utf-8-sig"))))
    assert len(header) == len(set(header)) and "edge_source" in header
    _same(graph, export.READERS["csv"](path))
    edges = export.export(graph, "edges", tmp_path / "edges.csv")
    header = next(csv.reader(io.StringIO(edges.read_text(encoding="utf-8-sig"))))
    assert len(header) == len(set(header)) and "edge_source" in header
