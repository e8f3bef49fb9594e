"""`python -m figures … --collection NAME`: a picture or a briefing of chosen collections (文档集)
counts only the facts of their documents, as the explorer's sidebar does, and says so.

The small graph's document A goes into 甲集, document B into 乙集. A: 丙区 adopted 诉源治理,
乙市中院 promoted it, 张三 is 丙区's 院长, 丙区 reported 调解率 60%. B: 丁县 piloted it,
丙区 adopted it (the same fact as A's: it stands on both documents).
"""

from __future__ import annotations

import zipfile
from typing import Any

import pytest

from figures import __main__ as cli
from graph.collections import DEMO_COLLECTION, add_to_collection
from queries import run
from tests import graph_fixtures as g
from tests.cli_store import lend_store

JIA, YI = "甲集", "乙集"


@pytest.fixture
def two(arcadedb_store, monkeypatch):
    g.load_small_graph(arcadedb_store)
    add_to_collection(arcadedb_store, g.DOC_A, JIA)
    add_to_collection(arcadedb_store, g.DOC_B, YI)
    lend_store(monkeypatch, arcadedb_store)
    return arcadedb_store


def _kept(monkeypatch, module: Any, name: str, *, call: bool = True) -> list[Any]:
    """The first argument of every call of `module.name` from now on (the data a figure is
    drawn from); `call=False` returns b"" instead of drawing."""
    seen: list[Any] = []
    real = getattr(module, name)

    def keep(data, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(data)
        return real(data, *args, **kwargs) if call else b""

    monkeypatch.setattr(module, name, keep)
    return seen


def _draw(tmp_path, *args: str) -> str:
    out = tmp_path / "out.svg"
    assert cli.main([*args, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def _units(store, name: str, params: dict[str, Any], collection: str) -> set[str]:
    """The units the explorer's answer lists with `collection` chosen (ui.scope.scoped)."""
    rows = run(store, name, {**params, "collections": collection}).rows
    return {r["unit_id"] for r in rows}


@pytest.mark.parametrize(
    ("collection", "stages"),
    [
        (YI, {g.BING: "adopted", g.DING: "piloted", g.MID: None}),
        (JIA, {g.BING: "adopted", g.DING: None, g.MID: "promoted"}),
    ],
)
def test_the_map_counts_the_chosen_collections_facts(
    two, tmp_path, monkeypatch, collection, stages
) -> None:
    from figures import adoption

    seen = _kept(monkeypatch, adoption, "draw_adoption_map")
    svg = _draw(tmp_path, "map", "诉源治理", "--court", g.MID, "--collection", collection)
    (data,) = seen
    drawn = {u.id: u.stage for u in (data.court, *data.units)}
    assert {k: drawn[k] for k in stages} == stages
    assert data.check.facts == 2
    # the explorer's answer with the collection chosen: the same units report it
    reported = {k for k, s in drawn.items() if s}
    assert reported == _units(two, "adopters", {"initiative": "诉源治理"}, collection)
    assert f"仅计文档集：{collection}" in svg


def test_the_timeline_is_the_explorers_of_the_chosen_collection(two, tmp_path, monkeypatch) -> None:
    from figures import timeline
    from queries.analytics import timeline as explorers

    seen = _kept(monkeypatch, timeline, "draw_timeline")
    for collection, firsts in ((YI, {g.BING, g.DING}), (JIA, {g.BING, g.MID})):
        svg = _draw(tmp_path, "timeline", "诉源治理", "--collection", collection)
        tl = seen.pop()
        assert {u["unit_id"] for u in tl.first} == firsts
        # the explorer's answer (扩散分析's timeline) with the collection chosen
        theirs = explorers(two, "诉源治理", collections=[collection])
        assert [u["unit_id"] for u in tl.first] == [u["unit_id"] for u in theirs.first]
        assert tl.endorsements == theirs.endorsements
        assert f"仅计文档集：{collection}" in svg
    # under a court, the same
    _draw(tmp_path, "timeline", "诉源治理", "--court", g.MID, "--collection", YI)
    assert {u["unit_id"] for u in seen.pop().first} == {g.BING, g.DING}


def test_the_portfolio_counts_the_chosen_collections_reports(two, tmp_path, monkeypatch) -> None:
    from figures import portfolio

    seen = _kept(monkeypatch, portfolio, "draw_portfolio")
    svg = _draw(tmp_path, "portfolio", g.MID, "--collection", YI)
    (item,) = seen.pop().items
    assert item.own is None and set(item.units) == {g.BING, g.DING}
    assert "仅计文档集：乙集" in svg
    _draw(tmp_path, "portfolio", g.MID, "--collection", JIA)
    (item,) = seen.pop().items
    assert item.own == "promoted" and set(item.units) == {g.BING}


def test_the_coverage_map_counts_the_chosen_collections_reports(two, tmp_path, monkeypatch) -> None:
    from figures import coverage

    # drawn when the boundary data is installed; counted either way
    drawn = coverage.maps_available()
    seen = _kept(monkeypatch, coverage, "draw_coverage_map", call=drawn)
    out = tmp_path / "c.svg"
    for collection, adopted in ((YI, 2), (JIA, 2)):
        assert cli.main(["coverage", "诉源治理", "--collection", collection, "-o", str(out)]) == 0
        data = seen.pop()
        assert sum(r.adopted for r in data.regions) + data.unplaced == adopted
        assert data.collections == (collection,) and data.check.facts == 2
    assert (
        cli.main(
            ["coverage", "诉源治理", "--collection", JIA, "--level", "basic"] + ["-o", str(out)]
        )
        == 0
    )
    assert sum(r.adopted for r in seen.pop().regions) == 1  # 丙区; 丁县 is 乙集's
    if drawn:
        assert "仅计文档集：甲集" in out.read_text(encoding="utf-8")


def _docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pptx_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(
            z.read(n).decode("utf-8")
            for n in z.namelist()
            if n.startswith(("ppt/slides/slide", "ppt/notesSlides/")) and n.endswith(".xml")
        )


def test_the_briefing_of_a_collection_states_its_facts_and_sources(
    two, tmp_path, monkeypatch
) -> None:
    from figures import briefing

    seen = _kept(monkeypatch, briefing, "to_docx")
    out = tmp_path / "b.docx"
    args = ["brief", "诉源治理", "--court", g.MID, "-o", str(out)]
    assert cli.main([*args, "--collection", YI]) == 0
    b = seen.pop()
    assert {a["unit_id"] for a in b.per_unit()} == {g.BING, g.DING}
    assert b.outcomes == [] and [d["doc_id"] for d in b.sources] == [g.DOC_B]
    # 丙区's report stands on A and B: of 乙集 it cites B only
    assert all(a["doc_ids"] == [g.DOC_B] for a in b.adopters)
    text = _docx_text(out)
    assert "仅计文档集：乙集" in text and "以下均为文档集「乙集」中的文档。" in text
    assert "样例文档甲" not in text
    assert cli.main([*args, "--collection", JIA]) == 0
    b = seen.pop()
    assert {a["unit_id"] for a in b.per_unit()} == {g.BING, g.MID}
    assert [o["metric"] for o in b.outcomes] == ["调解率"]
    assert [d["doc_id"] for d in b.sources] == [g.DOC_A]
    deck = tmp_path / "b.pptx"
    assert cli.main(["brief", "诉源治理", "--collection", YI, "-o", str(deck)]) == 0
    xml = _pptx_text(deck)
    assert "仅计文档集：乙集" in xml and "资料来源（文档集：乙集）" in xml


def test_the_unit_briefing_of_a_collection_states_its_facts(two, tmp_path, monkeypatch) -> None:
    from figures import unit_briefing

    seen = _kept(monkeypatch, unit_briefing, "to_docx")
    out = tmp_path / "u.docx"
    assert cli.main(["brief", "--unit", g.MID, "--collection", YI, "-o", str(out)]) == 0
    b = seen.pop()
    assert b.reporting_units() == {g.BING, g.DING}
    assert b.outcomes == [] and b.people == []
    assert [d["doc_id"] for d in b.sources] == [g.DOC_B]
    assert (b.check.facts, b.portfolio.collections) == (2, (YI,))
    assert "仅计文档集：乙集" in _docx_text(out)
    assert cli.main(["brief", "--unit", g.MID, "--collection", JIA, "-o", str(out)]) == 0
    b = seen.pop()
    assert b.reporting_units() == {g.BING, g.MID}
    assert [o["metric"] for o in b.outcomes] == ["调解率"]
    assert [p["person"] for p in b.people] == ["张三"]
    deck = tmp_path / "u.pptx"
    assert cli.main(["brief", "--unit", g.MID, "--collection", JIA, "-o", str(deck)]) == 0
    assert "仅计文档集：甲集" in _pptx_text(deck)


def test_a_table_of_a_collection(two, tmp_path, monkeypatch) -> None:
    from figures import render

    rows: list[Any] = []
    real = render.table_picture

    def keep(heads, body, **kwargs):  # type: ignore[no-untyped-def]
        rows.append(body)
        return real(heads, body, **kwargs)

    monkeypatch.setattr(render, "table_picture", keep)
    table = ["table", "adopters", "--param", "initiative=诉源治理"]
    for collection, units in (
        (YI, {"甲省乙市丙区人民法院", "甲省乙市丁县人民法院"}),
        (JIA, {"甲省乙市丙区人民法院", "甲省乙市中级人民法院"}),
    ):
        svg = _draw(tmp_path, *table, "--collection", collection)
        assert {r[0] for r in rows.pop()} == units
        assert f"仅计文档集：{collection}" in svg
    deck = tmp_path / "t.pptx"
    assert cli.main([*table, "--collection", JIA, "-o", str(deck)]) == 0
    assert "仅计文档集：甲集" in _pptx_text(deck)
    # the collections given as the query's parameter are checked and named alike
    svg = _draw(tmp_path, *table, "--param", f"collections={YI}")
    assert {r[0] for r in rows.pop()} == {"甲省乙市丙区人民法院", "甲省乙市丁县人民法院"}
    assert f"仅计文档集：{YI}" in svg
    out = tmp_path / "x.svg"
    assert cli.main([*table, "--param", "collections=丙集", "-o", str(out)]) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["map", "诉源治理", "--court", g.MID],
        ["timeline", "诉源治理"],
        ["portfolio", g.MID],
        ["coverage", "诉源治理"],
        ["brief", "诉源治理"],
        ["brief", "--unit", g.MID],
        ["table", "adopters", "--param", "initiative=诉源治理"],
    ],
    ids=["map", "timeline", "portfolio", "coverage", "brief", "unit", "table"],
)
def test_an_unknown_collection_is_an_error_naming_the_known_ones(
    two, tmp_path, capsys, args
) -> None:
    suffix = ".docx" if args[0] == "brief" else ".pptx"
    out = tmp_path / f"x{suffix}"
    assert cli.main([*args, "--collection", JIA, "--collection", "丙集", "-o", str(out)]) == 1
    assert capsys.readouterr().err == ("Error: 图中没有文档集「丙集」；现有文档集：乙集、甲集\n")
    assert not out.exists()


def test_a_table_of_a_query_without_collections_is_refused(two, tmp_path, capsys) -> None:
    out = tmp_path / "t.svg"
    args = ["table", "units_under", "--param", f"court={g.MID}", "--collection", YI]
    assert cli.main([*args, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: 命名查询 units_under 不按文档集筛选")
    assert "adopters" in err and not out.exists()
    args = ["table", "adopters", "--param", "initiative=诉源治理", "--param", "collections=乙集"]
    assert cli.main([*args, "--collection", YI, "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith("Error: 文档集只需给一次")


@pytest.mark.parametrize(
    "args",
    [
        ["map", "诉源治理", "--court", g.MID],
        ["timeline", "诉源治理"],
        ["portfolio", g.MID],
    ],
    ids=["map", "timeline", "portfolio"],
)
def test_the_demo_mark_follows_the_collections(two, tmp_path, args) -> None:
    """Document A is a demo document too: 丙区's report stands on A and B, so a picture of
    乙集 cites A as well, but counts none of 乙集's documents as demo ones."""
    from figures.render import DEMO_BADGE

    add_to_collection(two, g.DOC_A, DEMO_COLLECTION)
    assert DEMO_BADGE in _draw(tmp_path, *args)
    assert DEMO_BADGE in _draw(tmp_path, *args, "--collection", JIA)
    plain = _draw(tmp_path, *args, "--collection", YI)
    assert DEMO_BADGE not in plain and "演示文档" not in plain


def test_briefings_of_other_collections_are_not_marked_demo(two, tmp_path) -> None:
    from figures.report import DEMO_MARK

    add_to_collection(two, g.DOC_A, DEMO_COLLECTION)
    for args in (["brief", "诉源治理", "--court", g.MID], ["brief", "--unit", g.MID]):
        out = tmp_path / "b.docx"
        assert cli.main([*args, "--collection", YI, "-o", str(out)]) == 0
        text = _docx_text(out)
        assert DEMO_MARK not in text and "演示文档" not in text
        assert cli.main([*args, "-o", str(out)]) == 0
        assert DEMO_MARK in _docx_text(out)


def test_without_collections_nothing_is_said(two, tmp_path) -> None:
    assert "仅计文档集" not in _draw(tmp_path, "timeline", "诉源治理")
    assert "仅计文档集" not in _draw(tmp_path, "portfolio", g.MID)
