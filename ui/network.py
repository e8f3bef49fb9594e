"""网络 and 导出: the neighbourhood of an entity drawn with vis-network (offline), and every
export of that subgraph (PNG, SVG, PPTX, standalone HTML, GraphML, GEXF, JSON, CSV, Cypher).

The network is drawn by a custom component (`ui.network_component`): the browser loads
vis-network once, and each new entity, depth or filter sends only the subgraph's data."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from graph.model import LABEL_ZH
from ui import state
from ui.common import PPTX_MIME, entity_input, sources_for, today
from ui.network_component import network_view

# the warm-up works only after this long without a page being drawn, one font file at a time,
# so that it does not compete with drawing a page (it holds the interpreter for about a
# second in all; a page drawn right after the first one used to wait for it)
IDLE_S = 2.0
_last_run = [time.monotonic()]


def _note_run() -> None:
    """A page is being drawn, or has just been: the warm-up waits."""
    _last_run[0] = time.monotonic()


def _wait_until_idle() -> None:
    while (left := IDLE_S - (time.monotonic() - _last_run[0])) > 0:
        time.sleep(left + 0.05)


def _warm_up() -> None:
    """Load the fonts and the plotting library once, in the background, when the server
    is idle, so that the first visit to 导出 does not wait for them."""
    from figures.render import font_steps, missing_glyphs

    _wait_until_idle()
    for _step in font_steps():
        _wait_until_idle()
    missing_glyphs(["法院"])
    _wait_until_idle()
    # what the figures draw with (never pyplot: see figures.render.drawing)
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    state.freeze_heap("warm-up")  # the fonts and matplotlib too


_warming: list[threading.Thread] = []


def warm_up_once() -> None:
    """Start `_warm_up` once per server process (app.py calls this after a page is drawn)."""
    _note_run()
    if not _warming:
        _warming.append(threading.Thread(target=_warm_up, name="courtgraph-warm-up", daemon=True))
        _warming[0].start()


HTML_HEIGHT = 620


def _controls(p: str) -> tuple[str | None, int, list[str], int, bool]:
    """Entity, depth, kinds, node limit and physics, all kept in the URL."""
    entity_id = entity_input(f"{p}.id", "id", "起点实体", help="任一实体的名称、别名或 id")
    c1, c2, c3, c4 = st.columns([1, 3, 1, 1])
    state.widget_value(f"{p}.depth", "depth", lambda v: _int(v, 1, 1, 3))
    state.widget_value(
        f"{p}.kinds",
        "kinds",
        lambda v: [k for k in (v or "").split(",") if k in state.KIND_CHOICES],
    )
    state.widget_value(f"{p}.limit", "limit", lambda v: _int(v, 200, 10, 1000))
    state.widget_value(f"{p}.physics", "physics", lambda v: v == "1")
    depth = c1.slider("深度", 1, 3, key=f"{p}.depth")
    kinds = c2.multiselect(
        "节点类型（不选 = 全部）",
        state.KIND_CHOICES,
        key=f"{p}.kinds",
        format_func=lambda k: f"{LABEL_ZH[k]} {k}",
        placeholder="全部类型",
    )
    limit = int(c3.number_input("最多节点数", 10, 1000, step=50, key=f"{p}.limit"))
    physics = c4.checkbox(
        "动态布局", key=f"{p}.physics", help="节点较少时让布局自动舒展（结果同样可复现）"
    )
    state.set_params(
        depth=None if depth == 1 else depth,
        kinds=kinds,
        limit=None if limit == 200 else limit,
        physics="1" if physics else None,
    )
    return entity_id, depth, kinds, limit, physics


def graph_note(entity_id: str, depth: int, kinds: list[str], limit: int) -> None:
    """How many of the subgraph's facts are unverified (the roster's hierarchy is reference
    data, not counted); with 只看已核实 on, how many the view left out."""
    from queries.verified import FactCheck
    from ui.scope import verified_only

    every = state.subgraph(entity_id, depth=depth, kinds=kinds, limit=limit, verified=False)
    statuses = [
        a.get("review_status")
        for *_, a in every.edges(keys=True, data=True)
        if not (a.get("source") and not a.get("review_status"))
    ]
    from ui.common import note_of

    note = note_of(FactCheck.of(statuses, verified_only=verified_only()))
    if note:
        st.caption(note)


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(value or default), lo), hi)
    except ValueError:
        return default


def import_soon(module: str = "networkx") -> threading.Thread | None:
    """Import `module` in a thread of its own unless it is loaded already: the 网络 page's
    first visit imported networkx (300 modules) only after its first query came back; begun
    at the page's start, the import runs while the page waits for the store. None when
    there is nothing to do."""
    import importlib
    import sys

    if module in sys.modules:
        return None
    thread = threading.Thread(
        target=importlib.import_module, args=(module,), name=f"import-{module}", daemon=True
    )
    thread.start()
    return thread


def render() -> None:
    _note_run()
    import_soon()  # the subgraph is a networkx graph: loaded while the page asks the store
    st.title("网络")
    entity_id, depth, kinds, limit, physics = _controls("network")
    if not entity_id:
        st.info("输入一个实体（如法院、举措的名称），查看它周围的关系网络。")
        return
    props = state.entity(entity_id)
    graph = state.subgraph(entity_id, depth=depth, kinds=kinds, limit=limit)
    n = graph.number_of_nodes()
    from ui.scope import collections

    chosen = collections()
    st.caption(
        f"{props.get('name', entity_id)} 周围 {depth} 步内：{n} 个节点，{graph.number_of_edges()} 条关系"
        + ("（已达节点上限，可提高上限或减少类型）" if n >= limit else "")
        # the facts of the sidebar's 文档集, as every page counts (the roster's hierarchy too)
        + (f"；仅计文档集：{'、'.join(chosen)}（及法院名录的隶属关系）" if chosen else "")
    )
    graph_note(entity_id, depth, kinds, limit)
    # a notice comes and goes inside this container, so the network keeps its place on the
    # page and the browser redraws it in the same component instead of loading a new one
    with st.container():
        if graph.number_of_edges() == 0:
            st.info("这个实体在所选范围内没有关系。可增加深度或放宽节点类型。")
    network_view(view_data(graph, props.get("name", entity_id), physics), key="network.view")
    _node_details(graph)
    # drawn only while open: its buttons and the caption's sources (a walk of the documents
    # behind the subgraph) are not the network's, and most visits do not export
    with st.expander(
        "导出这张图（PNG / SVG / PPTX / HTML / GraphML / GEXF / JSON / CSV）",
        key="network.export",
        on_change="rerun",
    ) as box:
        if not box.open:
            return
        dense = too_dense(graph)
        if dense:
            st.warning(dense)
            _alternatives(entity_id, depth, kinds, "network", "network.alt")
        downloads(
            graph,
            centre=entity_id,
            title=f"{props.get('name', entity_id)} · 关系网络",
            key="network.dl",
        )


@st.cache_data(ttl=300, max_entries=32, show_spinner=False)
def _data_cached(
    _graph: Any, graph_key: str, title: str, physics: bool, link: bool
) -> dict[str, Any]:
    from figures.render import network_data

    return network_data(
        _graph,
        title=title,
        height=HTML_HEIGHT,
        physics=physics,
        link_template="?page=unit&id={id}" if link else None,
    )


def _graph_key(graph: Any) -> str:
    from graph.model import digest

    return digest(sorted(graph.nodes), sorted(str(k) for *_, k in graph.edges(keys=True)))


#: behind a node's label: vis-network draws the edges' labels first and the nodes' labels
#: last, so a white box under each node's label keeps an edge label that runs under it (学习考察：
#: 一站式多元解纷机制 between two close courts) from being read through it
LABEL_BACKGROUND = "rgba(255,255,255,0.85)"


def view_data(graph: Any, title: str, physics: bool) -> dict[str, Any]:
    """What the network component draws for `graph` (cached per subgraph, title and physics),
    each node's label on a white box (`LABEL_BACKGROUND`)."""
    data = _data_cached(graph, _graph_key(graph), title, physics, True)  # a copy of its own
    data["options"]["nodes"]["font"]["background"] = LABEL_BACKGROUND
    return data


def _node_details(graph: Any) -> None:
    names = {v: str(a.get("name") or v) for v, a in graph.nodes(data=True)}
    if not names:
        return
    c1, c2 = st.columns([3, 1])
    chosen = c1.selectbox(
        "节点详情（也可直接点击图中节点）",
        sorted(names, key=lambda v: names[v]),
        format_func=lambda v: f"{names[v]}（{state.kind_zh(graph.nodes[v].get('kind'))}）",
        index=None,
        placeholder="选择一个节点…",
        key="network.node",
    )
    if chosen:
        c2.button(
            "打开详情页",
            key="network.open",
            on_click=state.goto,
            args=(state.page_of(chosen),),
            kwargs={"id": chosen},
        )
        attrs = graph.nodes[chosen]
        st.json({"id": chosen, **{k: v for k, v in attrs.items() if v not in (None, "", [])}})


@st.cache_data(ttl=300, max_entries=32, show_spinner=False)
def _too_dense(_graph: Any, graph_key: str) -> str | None:
    from figures.render import fits_slide

    return fits_slide(_graph)


def too_dense(graph: Any) -> str | None:
    """Why `graph` cannot be a readable slide picture (None when it can), cached."""
    return _too_dense(graph, _graph_key(graph))


def _alternatives(entity_id: str, depth: int, kinds: list[str], page: str, key: str) -> None:
    """Buttons to the figures a dense subgraph should be drawn as instead."""
    filtered = ["Court", "Tribunal", "Initiative"]
    cols = st.columns(3)
    cols[0].button(
        "只看法院、法庭和举措",
        key=f"{key}.kinds",
        on_click=state.goto,
        args=(page,),
        kwargs={"id": entity_id, "depth": depth if depth > 1 else None, "kinds": filtered},
        disabled=sorted(kinds) == sorted(filtered),
    )
    cols[1].button(
        "深度 1",
        key=f"{key}.depth1",
        on_click=state.goto,
        args=(page,),
        kwargs={"id": entity_id, "kinds": kinds},
        disabled=depth == 1,
    )
    kind = state.entity(entity_id).get("kind")
    cols[2].button(
        "采用情况图与简报",
        key=f"{key}.map",
        on_click=state.goto,
        args=(state.page_of(entity_id),),
        kwargs={"id": entity_id},
        help="举措页「辖区覆盖」或法院/单位页「简报与图片」",
        disabled=kind not in ("Initiative", "Court", "Tribunal"),
    )


def downloads(graph: Any, *, centre: str, title: str, key: str) -> None:
    """Every export of the subgraph around `centre`, each made only when its button is
    clicked; the pictures and the slide only when the subgraph is readable at a slide's
    size. The data files hold the facts of the sidebar's collections (when some are
    chosen) and cite them."""
    import tempfile
    from pathlib import Path

    from figures import render
    from graph import export
    from ui import scope
    from ui.downloads import ON_CLICK

    sources = sources_for(graph)
    stem = title.split(" · ")[0] or "courtgraph"

    def picture(fmt: str) -> Callable[[], bytes]:
        return lambda: render.picture(
            graph, fmt=fmt, title=title, sources=sources, generated=today()
        )

    def deck() -> bytes:
        return render.network_slide(graph, title=title, sources=sources, generated=today())

    def page() -> bytes:
        html = render.network_html(graph, title=title, height=760, embed_font=True)
        return html.encode("utf-8")

    # read when the page runs: the button's function runs outside it
    store, names = state.store(), scope.collections()

    def written(fmt: str) -> Callable[[], bytes]:
        def make() -> bytes:
            from queries.citations import cite_graph
            from queries.scope import chosen

            # the facts of the sidebar's collections, each citing only their documents, as
            # `python -m graph export --collections` writes them
            sub = export.within(graph, centre, chosen(store, names).docs) if names else graph
            # each fact's year, sentence, title and URL, as `python -m graph export` writes
            # them (a copy: the cached subgraph stays as read; the Cypher script adds nothing)
            sub = sub if fmt == "cypher" else cite_graph(store, sub.copy())
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"graph{export.SUFFIX[fmt]}"
                export.export(sub, fmt, path)
                return path.read_bytes()

        return make

    items: list[tuple[str, Callable[[], bytes], str, str]] = []
    if too_dense(graph) is None:
        items += [
            ("图片 PNG", picture("png"), ".png", "image/png"),
            ("矢量图 SVG", picture("svg"), ".svg", "image/svg+xml"),
            ("幻灯片 PPTX", deck, ".pptx", PPTX_MIME),
        ]
    items += [
        ("离线网页 HTML", page, ".html", "text/html"),
        ("GraphML", written("graphml"), ".graphml", "application/xml"),
        ("GEXF", written("gexf"), ".gexf", "application/xml"),
        ("JSON (node-link)", written("json"), ".json", "application/json"),
        ("CSV (zip)", written("csv"), ".zip", "application/zip"),
        ("Cypher", written("cypher"), ".cypher", "text/plain"),
    ]
    cols = st.columns(5)
    for i, (label, make, suffix, mime) in enumerate(items):
        cols[i % 5].download_button(
            label, make, f"{stem}{suffix}", mime, key=f"{key}.{suffix}", on_click=ON_CLICK
        )
    if sources:
        st.caption("图注来源：" + "；".join(s.label() for s in sources[:6]))


def render_export() -> None:
    from figures.render import FONT_MISSING_HELP, missing_glyphs

    _note_run()
    st.title("导出")
    st.caption("把一个实体周围的子图导出为幻灯片可用的图片、PowerPoint、离线网页或数据文件。")
    entity_id, depth, kinds, limit, _physics = _controls("export")
    if not entity_id:
        st.info("输入一个实体，导出它周围的子图；表格可在「举措」页导出。")
        return
    props = state.entity(entity_id)
    graph = state.subgraph(entity_id, depth=depth, kinds=kinds, limit=limit)
    state.widget_value(
        "export.title", "title", lambda v: v or f"{props.get('name', entity_id)} · 关系网络"
    )
    title = st.text_input("图片标题", key="export.title")
    state.set_params(title=title if title != f"{props.get('name', entity_id)} · 关系网络" else None)
    missing = missing_glyphs(
        [title, *(str(a.get("name") or "") for _, a in graph.nodes(data=True))]
    )
    if missing:
        st.warning(f"{FONT_MISSING_HELP}（缺字：{missing}）")
    sources = sources_for(graph)
    size = f"{graph.number_of_nodes()} 个节点 · {graph.number_of_edges()} 条关系"
    graph_note(entity_id, depth, kinds, limit)
    dense = too_dense(graph)
    if dense:
        st.warning(dense)
        _alternatives(entity_id, depth, kinds, "export", "export.alt")
        st.caption(f"{size}。图片和幻灯片不导出；下面是这张子图的数据文件和离线网页。")
    # drawn on request: the first picture of a session loads the plotting library and the font
    elif st.toggle(
        "预览图片", key="export.preview", help="显示将要导出的图片（首次绘制约需 2 秒）"
    ):
        png = _preview(graph, _graph_key(graph), title, tuple(sources))
        st.image(png, caption=size)
    else:
        st.caption(f"{size}。打开「预览图片」查看导出效果；下面的按钮直接生成文件。")
    downloads(graph, centre=entity_id, title=title, key="export.dl")


@st.cache_data(ttl=300, max_entries=16, show_spinner="正在绘制…")
def _preview(_graph: Any, graph_key: str, title: str, sources: tuple[Any, ...]) -> bytes:
    from figures.render import picture

    return picture(_graph, title=title, sources=list(sources), generated=today(), dpi=80)
