"""Exports of a subgraph: pictures, slide and offline page open and hold what they should."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest

from figures.render import (
    Source,
    layout,
    missing_glyphs,
    network_data,
    network_html,
    network_view_assets,
    picture,
    script_json,
    slide,
    table_picture,
    vis_network_assets,
)
from tests import graph_fixtures as g

SOURCES = [
    Source("样例文档甲", "2023-05-01", "http://example.test/a"),
    Source("样例文档乙", "2024-02-01"),
]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def graph(arcadedb_store):  # type: ignore[no-untyped-def]
    from graph.export import neighbourhood

    g.load_small_graph(arcadedb_store)
    return neighbourhood(arcadedb_store, g.SUYUAN, depth=3)


def test_png_opens_at_slide_size(graph) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    data = picture(
        graph, fmt="png", title="诉源治理 · 关系网络", sources=SOURCES, generated="2025-01-01"
    )
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        assert im.format == "PNG"
        assert im.size == (2000, 1125)  # 16:9
        # not blank: the network's colours are there
        colours = im.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50


def test_svg_is_xml_with_glyphs_as_paths(graph) -> None:  # type: ignore[no-untyped-def]
    data = picture(graph, fmt="svg", title="诉源治理", sources=SOURCES, generated="2025-01-01")
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert len(root.findall(f".//{SVG}path")) > 50
    assert not root.findall(f".//{SVG}text")  # text is outlines: no font needed to show it


def test_same_graph_same_picture(graph) -> None:  # type: ignore[no-untyped-def]
    assert layout(graph, seed=7) == layout(graph, seed=7)
    assert layout(graph, seed=7) != layout(graph, seed=8)
    one = picture(graph, fmt="svg", title="t", generated="2025-01-01")
    two = picture(graph, fmt="svg", title="t", generated="2025-01-01")
    assert one == two


def test_slide_has_picture_title_and_sources(graph) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    png = picture(graph, title="诉源治理", sources=SOURCES, generated="2025-01-01")
    deck = Presentation(io.BytesIO(slide(png, title="诉源治理 · 关系网络", sources=SOURCES)))
    assert len(deck.slides) == 1
    shapes = list(deck.slides[0].shapes)
    assert [s for s in shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    text = "\n".join(s.text_frame.text for s in shapes if s.has_text_frame)
    assert "诉源治理 · 关系网络" in text
    assert "样例文档甲（2023-05-01）" in text and "http://example.test/a" in text
    assert "样例文档乙" in text


def test_table_picture_opens(graph) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    data = table_picture(["单位", "阶段"], [["甲省乙市丙区人民法院", "推行"]], title="采用单位")
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (2000, 1125)
    svg = table_picture(["单位"], [["丁县"]], fmt="svg", title="t")
    assert ET.fromstring(svg).tag == f"{SVG}svg"


def test_network_page_is_offline_and_carries_vis_network(graph) -> None:  # type: ignore[no-untyped-def]
    html = network_html(graph, title="诉源治理", link_template="?page=unit&id={id}")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    assert tags and not [t for t in tags if re.search(r"(src|href)\s*=", t)]  # all inlined
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html)
    vis_js, _css = vis_network_assets()
    view_js, _css = network_view_assets()
    assert vis_js[:2000] in html and "vis.Network" in html  # vis-network is inlined
    assert view_js[:2000] in html and "courtgraphNetwork.draw(" in html
    data = network_data(graph, title="诉源治理", link_template="?page=unit&id={id}")
    assert script_json(data) in html  # what the page draws is what the explorer sends
    assert "甲省乙市丙区人民法院" in html and "randomSeed" in html
    assert "法院 Court" in html  # the legend


def test_network_data_is_seeded_and_styled_by_kind(graph) -> None:  # type: ignore[no-untyped-def]
    from figures.render import KIND_STYLE

    data = network_data(graph, title="诉源治理")
    assert data == network_data(graph, title="诉源治理")  # the same picture every time
    assert network_data(graph, title="诉源治理", seed=8)["nodes"] != data["nodes"]
    assert network_data(graph, title="诉源治理", physics=True)["digest"] != data["digest"]
    assert sorted(n["id"] for n in data["nodes"]) == sorted(graph.nodes)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id[g.BING]["label"] == "甲省乙市丙区人民法院"
    assert by_id[g.DONGHU]["label"] == "甲省乙市丙区人民法院\n东湖人民法庭"  # wrapped
    for kind, shape in (("Court", "dot"), ("Tribunal", "triangle"), ("Initiative", "diamond")):
        members = [n for n in data["nodes"] if n["kind"] == kind]
        assert members and all(n["shape"] == shape for n in members)
        assert all(n["color"]["background"] == KIND_STYLE[kind].color for n in members)
    legend = [i["label"] for i in data["legend"]]
    assert legend[:3] == ["法院 Court", "人民法庭 People's tribunal", "改革举措 Initiative"]
    assert "隶属 part of" in legend
    assert len(data["edges"]) == graph.number_of_edges()
    assert {e["label"] for e in data["edges"]} >= {"隶属", "推行"}
    assert data["details"][g.BING]["name"] == "甲省乙市丙区人民法院"


def test_standalone_page_embeds_a_font_subset(graph) -> None:  # type: ignore[no-untyped-def]
    html = network_html(graph, title="诉源治理", embed_font=True)
    assert "@font-face" in html and "data:font/otf;base64," in html


def test_bundled_font_covers_the_reference_data() -> None:
    import json
    from pathlib import Path

    from figures.render import FONT_FILE

    assert FONT_FILE.is_file()
    assert missing_glyphs(["法院改革举措诉源治理枫桥式人民法庭鄠邑区"]) == ""
    assert missing_glyphs(["\U00020000"]) == "\U00020000"  # outside every font here
    data = Path(__file__).resolve().parents[2] / "data" / "initiatives.json"
    if data.is_file():
        names = re.findall(
            r"[\u3400-\u9fff]+", json.dumps(json.loads(data.read_text("utf-8")), ensure_ascii=False)
        )
        assert missing_glyphs(names) == ""


def test_long_names_wrap_without_orphans() -> None:
    from figures.render import wrap

    assert wrap("某省某市第12人民法院", 10) == "某省某市第12人民法院"
    assert wrap("甲省乙市丙区人民法院东湖人民法庭", 10) == "甲省乙市丙区人民法院\n东湖人民法庭"
    assert wrap("一二三四五六七八九十甲", 10) == "一二三四五六七八九十甲"


def test_five_hundred_nodes_render() -> None:
    import networkx as nx

    big = nx.MultiDiGraph()
    for i in range(500):
        big.add_node(f"court:c{i}", kind="Court", name=f"某省某市第{i}号人民法院", level="basic")
    for i in range(1, 500):
        big.add_edge(f"court:c{i}", f"court:c{i // 3}", key=f"k{i}", type="PART_OF")
    data = network_data(big, physics=True)
    assert len(data["nodes"]) == 500 and all(n["shape"] == "dot" for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 500
    # drawn as laid out: no physics and no curved edges for a graph this big
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"]["enabled"] is False
    assert not any(e["label"] for e in data["edges"])  # edge labels only on small graphs
    # the whole graph in view makes labels tiny: the 40 best-connected get readable ones
    hubs = {n["id"] for n in data["nodes"] if "font" in n}
    assert len(hubs) == 40
    assert min(big.degree(v) for v in hubs) >= max(big.degree(v) for v in set(big) - hubs)
    assert all(n["font"]["size"] > 60 for n in data["nodes"] if "font" in n)
    assert data["options"]["nodes"]["scaling"]["label"]["maxVisible"] <= 24
    html = network_html(big)
    assert html.count('"shape": "dot"') == 500 and '"enabled": false' in html
