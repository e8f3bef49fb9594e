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
def graph(arcadedb_small_graph):
    from queries.explore import neighbourhood_graph as neighbourhood

    return neighbourhood(arcadedb_small_graph, g.SUYUAN, depth=3)


def test_png_opens_at_slide_size(graph) -> None:
    from PIL import Image

    data = picture(
        graph, fmt="png", title="诉源治理 · 关系网络", sources=SOURCES, generated="2025-01-01"
    )
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        assert im.format == "PNG"
        assert im.size == (1920, 1080)  # 16:9
        # not blank: the network's colours are there
        colours = im.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50


def test_svg_keeps_its_text_as_text_with_cjk_fonts(graph) -> None:
    data = picture(graph, fmt="svg", title="诉源治理", sources=SOURCES, generated="2025-01-01")
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "诉源治理" in texts and "丙区法院" in texts  # editable text, short court names
    style = data.decode("utf-8")
    assert "font-family: 'Courtgraph Sans SC', 'Noto Sans CJK SC'" in style
    assert "'Microsoft YaHei'" in style and "sans-serif" in style


def test_same_graph_same_picture(graph) -> None:
    assert layout(graph, seed=7) == layout(graph, seed=7)
    assert layout(graph, seed=7) != layout(graph, seed=8)
    one = picture(graph, fmt="svg", title="t", generated="2025-01-01")
    two = picture(graph, fmt="svg", title="t", generated="2025-01-01")
    assert one == two


def test_slide_title_is_the_placeholder_and_sources_go_to_the_notes(graph) -> None:
    import zipfile

    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from figures.render import network_slide

    data = network_slide(graph, title="诉源治理 · 关系网络", sources=SOURCES)
    deck = Presentation(io.BytesIO(data))
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    xml = zipfile.ZipFile(io.BytesIO(data)).read("ppt/presentation.xml").decode()
    assert "screen4x3" not in xml
    (s,) = deck.slides
    assert s.shapes.title.text == "诉源治理 · 关系网络"
    pictures = [p for p in s.shapes if p.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].width > deck.slide_width * 0.7
    text = "\n".join(p.text_frame.text for p in s.shapes if p.has_text_frame)
    assert "法院 Court" in text and "改革举措 Initiative" in text  # the legend, editable
    assert text.count("诉源治理 · 关系网络") == 1  # the title once, nowhere in the picture
    notes = s.notes_slide.notes_text_frame.text
    assert "样例文档甲（2023-05-01）" in notes and "http://example.test/a" in notes


def test_table_picture_fills_the_page(graph) -> None:
    from PIL import Image

    rows = [[f"甲省乙市第{i}区人民法院", "推行", f"2023-0{i}"] for i in range(1, 10)]
    data = table_picture(["单位", "阶段", "日期"], rows, title="采用单位")
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (1920, 1080)
        rgb = im.convert("RGB")
        # the 9 rows reach the lower part of the page (the header's blue is at the top)
        shaded = [y for y in range(0, 1080, 4) if rgb.getpixel((960, y)) == (0xF4, 0xF6, 0xF8)]
        assert max(shaded) > 1080 * 0.7
    svg = table_picture(["单位"], [["丁县"]], fmt="svg", title="t")
    assert ET.fromstring(svg).tag == f"{SVG}svg" and b"\xe4\xb8\x81\xe5\x8e\xbf" in svg


def test_table_slide_is_a_native_table(graph) -> None:
    from pptx import Presentation

    from figures.render import table_slide

    data = table_slide(
        ["单位", "阶段"], [["丙区法院", "推行"]] * 3, title="采用单位", sources=SOURCES
    )
    (s,) = Presentation(io.BytesIO(data)).slides
    assert s.shapes.title.text == "采用单位"
    (table,) = [sh.table for sh in s.shapes if sh.has_table]
    assert table.cell(1, 0).text == "丙区法院"
    assert "样例文档乙" in s.notes_slide.notes_text_frame.text


def test_labels_never_collide_and_dense_graphs_are_refused(graph) -> None:
    import networkx as nx

    from figures.render import FigureTooDense, _overlaps, _text_size, fits_slide, network_layout

    net = network_layout(graph, 12.0, 6.9)
    assert set(net.labels) == set(graph.nodes)  # every node labelled
    boxes = []
    for cx, cy, text in net.labels.values():
        w, h = _text_size(text.split("\n"), net.font)
        boxes.append((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlaps(a, b)]
    assert fits_slide(graph) is None
    knot = nx.MultiDiGraph()
    for i in range(99):
        knot.add_node(f"court:c{i}", kind="Court", name=f"某省某市第{i}区人民法院")
        knot.add_edge(f"court:c{i}", "court:c0", key=f"k{i}", type="PART_OF")
    message = fits_slide(knot)
    assert message and "99 个节点" in message and "深度 1" in message and "采用情况图" in message
    with pytest.raises(FigureTooDense):
        picture(knot)


def test_network_page_is_offline_and_carries_vis_network(graph) -> None:
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


def test_network_data_is_seeded_and_styled_by_kind(graph) -> None:
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


def test_node_details_describe_an_initiative_in_chinese(graph) -> None:
    described = graph.copy()
    described.nodes[g.SUYUAN].update(description="In English.", description_zh="中文说明。")
    rows = network_data(described)["details"][g.SUYUAN]["rows"]
    assert ["说明", "中文说明。"] in [list(r) for r in rows] and "In English." not in str(rows)
    described.nodes[g.SUYUAN].pop("description_zh")  # none in Chinese: the English one
    rows = network_data(described)["details"][g.SUYUAN]["rows"]
    assert ["说明", "In English."] in [list(r) for r in rows]


def test_standalone_page_embeds_a_font_subset(graph) -> None:
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


def test_names_wrap_at_words_and_numbers_never_break() -> None:
    from figures.render import wrap_lines

    assert wrap_lines("中共某市委政法委员会办公室", 6) == ["中共某市委", "政法委员会", "办公室"]
    assert wrap_lines("办理速裁案件数2363件", 8) == ["办理速裁案件数", "2363件"]
    for width in range(3, 12):
        lines = wrap_lines("全年诉前调解成功率达到60.5%共计12345件", width)
        assert any("60.5%" in x for x in lines) and any("12345件" in x for x in lines)


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


def test_exported_pictures_say_how_many_facts_are_unverified(graph) -> None:
    """A network picture and its slide carry the fact check (issue 11): how many of the
    facts drawn are unverified; the roster's hierarchy is reference data, not counted."""
    import io

    from pptx import Presentation

    from figures.render import fact_note, network_slide

    facts = [
        a
        for *_, a in graph.edges(keys=True, data=True)
        if not (a.get("source") and not a.get("review_status"))
    ]
    assert facts and not any(a.get("review_status") for a in facts)
    note = f"共 {len(facts)} 条事实，其中 {len(facts)} 条尚未核实"
    assert fact_note(graph) == note
    svg = picture(graph, fmt="svg", title="诉源治理", generated="2025-01-01").decode("utf-8")
    assert note in svg
    deck = Presentation(io.BytesIO(network_slide(graph, title="诉源治理", generated="2025-01-01")))
    shown = [sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame]
    assert any(note in t for t in shown)
    for *_, a in graph.edges(keys=True, data=True):  # a reviewer confirmed every fact
        if not a.get("source"):
            a["review_status"] = "confirmed"
    assert fact_note(graph) == f"{len(facts)} 条事实均已核实"
