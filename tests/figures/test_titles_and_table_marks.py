"""A network picture's long title is set as a table's is (fit_title), and `figures table`
pictures whose rows name demo documents carry the demo mark, as the other pictures do."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from figures import render
from figures.render import DEMO_BADGE, DEMO_MARK_W, FIG_H, FIG_W, Source
from graph.collections import DEMO_COLLECTION, add_to_collection
from tests import graph_fixtures as g
from tests.cli_store import lend_store

LONG = "赣州中院 · 关系网络（诉源治理、一站式多元解纷机制、枫桥式人民法庭、人民调解员驻院调解等举措推行情况）"


def _two_courts() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("court:a", kind="Court", name="甲市中级人民法院", level="intermediate")
    graph.add_node("court:b", kind="Court", name="甲市乙县人民法院", level="basic")
    graph.add_node("init:c", kind="Initiative", name="诉源治理")
    graph.add_edge("court:a", "init:c", key="ADOPTED", type="ADOPTED", stage="adopted")
    graph.add_edge("court:b", "init:c", key="ADOPTED", type="ADOPTED", stage="piloted")
    return graph


def _drawn(monkeypatch: pytest.MonkeyPatch, **kwargs):  # type: ignore[no-untyped-def]
    kept = []
    save = render.save_figure
    monkeypatch.setattr(
        render, "save_figure", lambda fig, fmt, dpi: kept.append(fig) or save(fig, fmt, dpi)
    )
    render.picture(_two_courts(), generated="2026-12-06", **kwargs)
    return kept[0]


@pytest.mark.parametrize("demo", [False, True])
def test_a_long_network_title_stays_on_the_picture(monkeypatch, demo) -> None:
    """At 26 pt on one line it ran under the demo mark and off the picture's right edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    sources = [Source("甲市中院通报", "2024-01-02"), Source("示例", demo=demo)]
    fig = _drawn(monkeypatch, title=LONG, sources=sources)
    title, sub = fig.texts[0], fig.texts[1]
    assert title.get_text().replace("\n", "") == LONG and title.get_fontsize() >= 18
    with render.drawing():  # measured in the pictures' own fonts
        renderer = FigureCanvasAgg(fig).get_renderer()
        box, below = title.get_window_extent(renderer), sub.get_window_extent(renderer)
    inch = fig.dpi
    right = (FIG_W - 0.4 - (DEMO_MARK_W if demo else 0)) * inch
    assert box.x0 > 0 and box.x1 <= right and box.y1 <= FIG_H * inch
    assert below.y1 < box.y0  # the subtitle under it, not over it
    assert below.y0 > (FIG_H - 1.25) * inch  # and above the network's area
    # a short title is as it was: 26 pt, one line
    short = _drawn(monkeypatch, title="诉源治理 · 关系网络").texts[0]
    assert short.get_fontsize() == 26 and "\n" not in short.get_text()


@pytest.fixture
def small(arcadedb_store):
    g.load_small_graph(arcadedb_store)
    return arcadedb_store


def test_a_table_of_rows_from_demo_documents_is_marked(small, tmp_path, monkeypatch) -> None:
    from pptx import Presentation

    from figures import __main__ as cli

    lend_store(monkeypatch, small)
    events = ["table", "adoption_events", "--param", "initiative=诉源治理"]

    def drawn(*args: str, suffix: str = ".svg") -> str:
        out = tmp_path / f"t{suffix}"
        assert cli.main([*args, "-o", str(out)]) == 0
        if suffix == ".pptx":
            deck = Presentation(io.BytesIO(out.read_bytes()))
            return "".join(s.notes_slide.notes_text_frame.text for s in deck.slides)
        return out.read_text(encoding="utf-8")

    assert DEMO_BADGE not in drawn(*events)
    add_to_collection(small, g.DOC_A, DEMO_COLLECTION)
    add_to_collection(small, g.DOC_B, "乙")
    svg = drawn(*events)
    assert DEMO_BADGE in svg and "含 1 篇演示文档（内容虚构，不能作为汇报依据）" in svg
    assert drawn(*events, suffix=".pptx").startswith("含 1 篇演示文档")
    # the rows of 乙's documents only: no demo document among them
    assert DEMO_BADGE not in drawn(*events, "--collection", "乙")
    # one row per unit (adopters): its rows name their documents too, and are marked
    adopters = ["table", "adopters", "--param", "initiative=诉源治理"]
    assert DEMO_BADGE in drawn(*adopters)
    assert DEMO_BADGE not in drawn(*adopters, "--collection", "乙")
    # rows that name no documents say nothing either way
    assert DEMO_BADGE not in drawn("table", "units_under", "--param", f"court={g.MID}")
