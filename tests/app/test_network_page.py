"""网络 (AppTest, no browser): the page sends its subgraph to the network component as data.

AppTest does not run the component's JavaScript; what it can check is the component's
argument, i.e. exactly what the browser draws (tests/app/test_browser.py draws it)."""

from __future__ import annotations

import json
import re
from typing import Any

from figures.render import KIND_STYLE
from tests import graph_fixtures as g


def component_data(at) -> list[dict[str, Any]]:
    """The `data` argument of every network component on the page."""
    out = []
    for el in at.get("component_instance"):
        assert el.proto.component_name == "ui.network_component.network"
        out.append(json.loads(el.proto.json_args)["data"])
    return out


def caption_nodes(at) -> int:
    found = [re.search(r"(\d+) 个节点", str(c.value)) for c in at.caption]
    counts = [int(m.group(1)) for m in found if m]
    assert len(counts) == 1, counts
    return counts[0]


def test_network_page_draws_the_neighbourhood_offline(small_store, app) -> None:
    at = app(page="network", id=g.SUYUAN, depth="2", kinds="Court,Initiative")
    assert not at.exception and not at.error
    assert at.slider(key="network.depth").value == 2
    assert at.multiselect(key="network.kinds").value == ["Court", "Initiative"]
    # the network is a component fed with data, not a page with vis-network inlined
    assert not at.get("iframe")
    (data,) = component_data(at)
    # the initiative, its three adopters, and two steps out: the high court and 戊县
    assert caption_nodes(at) == 6 == len(data["nodes"])
    assert len(at.selectbox(key="network.node").options) == 6
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[g.DING] == "甲省乙市丁县人民法院"
    assert labels[g.SUYUAN] == "诉源治理"
    # colours and shapes by kind, only the kinds asked for
    for node in data["nodes"]:
        style = KIND_STYLE[node["kind"]]
        assert node["color"]["background"] == style.color and node["shape"] == style.vis_shape
    assert {n["kind"] for n in data["nodes"]} == {"Court", "Initiative"}
    assert [i["label"] for i in data["legend"]][:2] == ["法院 Court", "改革举措 Initiative"]
    # every edge joins two drawn nodes; details for a click on every node
    assert data["edges"] and all(e["from"] in labels and e["to"] in labels for e in data["edges"])
    assert set(data["details"]) == set(labels)
    assert ["层级", "基层法院"] in data["details"][g.DING]["rows"]
    assert data["link_template"] == "?page=unit&id={id}"
    assert data["options"]["layout"]["randomSeed"] == 7
    assert data["options"]["physics"]["enabled"] is False  # 动态布局 is off
    # nothing in it points off this machine
    assert not re.search(r"https?://", json.dumps(data, ensure_ascii=False))


def test_the_same_query_gives_the_same_picture(small_store, app) -> None:
    one = component_data(app(page="network", id=g.SUYUAN, depth="2"))[0]
    two = component_data(app(page="network", id=g.SUYUAN, depth="2"))[0]
    spots = {n["id"]: (n["x"], n["y"]) for n in one["nodes"]}
    assert spots == {n["id"]: (n["x"], n["y"]) for n in two["nodes"]}
    assert len(set(spots.values())) == len(spots)  # laid out, not piled up
    assert one["digest"] == two["digest"]
    other = component_data(app(page="network", id=g.SUYUAN, depth="1"))[0]
    assert other["digest"] != one["digest"] and len(other["nodes"]) < len(one["nodes"])


def test_dynamic_layout_is_sent_to_the_component(small_store, app) -> None:
    data = component_data(app(page="network", id=g.SUYUAN, physics="1"))[0]
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_a_node_without_relations_is_drawn_alone(small_store, app) -> None:
    at = app(page="network", id=g.SUYUAN, kinds="Person")
    assert not at.exception
    assert any("没有关系" in str(i.value) for i in at.info)
    (data,) = component_data(at)
    assert [n["id"] for n in data["nodes"]] == [g.SUYUAN] and data["edges"] == []


class _Clock:
    """A clock for `ui.network` whose sleeps only move it on (no timing measured)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_the_font_warm_up_waits_while_pages_are_drawn(monkeypatch) -> None:
    from ui import network

    clock = _Clock()
    monkeypatch.setattr(network, "time", clock)
    monkeypatch.setattr(network, "IDLE_S", 0.3)
    monkeypatch.setattr(network, "_last_run", [0.0])
    network._note_run()  # a page is being drawn
    network._wait_until_idle()
    assert sum(clock.slept) >= 0.3  # until the idle time has passed since that page
    clock.slept.clear()
    network._wait_until_idle()  # idle now: no wait
    assert clock.slept == []


def test_networkx_is_imported_while_the_page_asks_the_store(monkeypatch) -> None:
    """The first visit of 网络 begins importing networkx as the page starts, in a thread of its
    own; with it loaded, nothing is begun."""
    import sys

    from ui import network

    monkeypatch.delitem(sys.modules, "json.tool", raising=False)
    thread = network.import_soon("json.tool")
    assert thread is not None and thread.name == "import-json.tool"
    thread.join(10)
    assert "json.tool" in sys.modules
    assert network.import_soon("json.tool") is None


def test_the_page_begins_with_that_import(small_store, app, monkeypatch) -> None:
    from ui import network

    begun: list[str] = []
    monkeypatch.setattr(network, "import_soon", lambda module="networkx": begun.append(module))
    at = app(page="network", id=g.SUYUAN)
    assert not at.exception
    assert begun == ["networkx"]


def test_the_network_follows_the_sidebar_collections(small_store, app) -> None:
    """网络 drew every collection's facts whatever the sidebar chose: with a collection chosen
    it draws only the facts of its documents (and the roster's hierarchy), and says so."""
    from graph.collections import add_to_collection

    add_to_collection(small_store, g.DOC_A, "甲")
    add_to_collection(small_store, g.DOC_B, "乙")
    every = {
        n["id"] for n in component_data(app(page="network", id=g.SUYUAN, depth="2"))[0]["nodes"]
    }
    assert {g.MID, g.RATE, g.ZHANG} <= every
    at = app(page="network", id=g.SUYUAN, depth="2", collections="乙")
    assert not at.exception and not at.error
    (data,) = component_data(at)
    chosen = {n["id"] for n in data["nodes"]}
    assert {g.SUYUAN, g.BING, g.DING} <= chosen
    assert not {g.RATE, g.ZHANG} & chosen  # 甲's figure and role
    assert caption_nodes(at) == len(chosen)
    assert any("仅计文档集：乙" in str(c.value) for c in at.caption)


def test_a_node_label_sits_on_a_white_box(small_store, app) -> None:
    """An edge label running under a node's label was read through it (学习考察 between two
    close courts): each node's label is drawn on a white box, over the edges' labels."""
    (data,) = component_data(app(page="network", id=g.SUYUAN))
    assert data["options"]["nodes"]["font"]["background"].startswith("rgba(255,255,255")
