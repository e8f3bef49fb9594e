"""Pictures of subgraphs: an offline interactive network page, PNG/SVG figures and a slide.

Every layout is seeded (`layout(graph, seed=...)`), so the same subgraph always gives the same
picture, in the browser and in the exported figure alike. Nothing here reaches the network:
the interactive view is drawn by `assets/network/network.js` with vis-network from pyvis's
bundled `lib/` (`network_data` is what it draws; the explorer sends it to its network
component, `network_html` inlines all of it in a standalone page), and figures use the CJK
font bundled in `assets/fonts/` (a subset of Noto Sans CJK SC, SIL OFL), falling back per
glyph to system CJK fonts (Debian `fonts-noto-cjk`) for rare characters. An SVG keeps its
text as text, naming the bundled family and the common CJK families in its font-family.

Network pictures label every node with its short name (本溪中院) where no other label or node
is; a subgraph too dense for that raises `FigureTooDense` (`fits_slide` says so beforehand,
with the filtered figures to draw instead). Slides (`slide`, `network_slide`, `table_slide`)
are `figures.deck.Deck` decks: the title in the title placeholder, legends and sources as
editable text and notes, tables as native tables.

    >>> data = network_data(graph, title="诉源治理")          # doctest: +SKIP
    >>> html = network_html(graph, title="诉源治理")          # doctest: +SKIP
    >>> png = picture(graph, fmt="png", title="诉源治理", sources=[Source("样例", "2023")])  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html as _html
import io
import json
import math
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from courtgraph.resources import ASSETS
from graph.errors import CourtgraphError
from graph.model import LABEL_ZH, LEVEL_ZH, REL_ZH, STAGE_ZH

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

FONT_FILE = ASSETS / "fonts" / "CourtgraphSansSC-Regular.otf"
FONT_FAMILY = "Courtgraph Sans SC"
# system CJK families tried, per glyph, after the bundled subset
SYSTEM_CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)
# what the browser uses for the interactive view (the user's own fonts, no download)
CSS_FONT_STACK = (
    '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", '
    '"WenQuanYi Micro Hei", "Courtgraph Sans SC", SimHei, sans-serif'
)
FONT_MISSING_HELP = (
    "图中有字符不在内置字体中，也没有找到系统中文字体，这些字会显示为方框。"
    "解决办法：安装系统中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重新导出。"
)
DEFAULT_SEED = 7


@dataclass(frozen=True)
class KindStyle:
    color: str
    vis_shape: str  # vis-network shape with the label below it
    marker: str  # matplotlib marker
    english: str
    symbol: str = "●"  # the same shape as a character, for HTML legends


KIND_STYLE: dict[str, KindStyle] = {
    "Court": KindStyle("#1f5fa8", "dot", "o", "Court"),
    "Tribunal": KindStyle("#4aa3df", "triangle", "^", "People's tribunal", "▲"),
    "Initiative": KindStyle("#e08a1e", "diamond", "D", "Initiative", "◆"),
    "Person": KindStyle("#2e9d5b", "square", "s", "Person", "■"),
    "Organization": KindStyle("#8a5cb8", "hexagon", "h", "Organization", "⬢"),
    "Outcome": KindStyle("#c83e3e", "star", "*", "Reported outcome", "★"),
}
OTHER_STYLE = KindStyle("#7f7f7f", "dot", "o", "Other")
REL_COLOR: dict[str, str] = {
    "PART_OF": "#9aa5b1",
    "ADOPTED": "#e08a1e",
    "HOLDS_ROLE": "#2e9d5b",
    "REPORTED": "#c83e3e",
    "PARTNERS_WITH": "#8a5cb8",
    "LEARNED_FROM": "#c51b7d",  # a learning visit: visitor -> host (magenta: no other colour near)
}
REL_EN: dict[str, str] = {
    "PART_OF": "part of",
    "ADOPTED": "adopted",
    "HOLDS_ROLE": "holds role",
    "REPORTED": "reported",
    "PARTNERS_WITH": "partners with",
    "LEARNED_FROM": "learned from",
}
LEVEL_SIZE: dict[str, float] = {
    "supreme": 1.6,
    "high": 1.45,
    "intermediate": 1.25,
    "basic": 1.0,
    "special": 1.0,
    "tribunal": 0.85,
}


@dataclass(frozen=True)
class Source:
    """A source document as a footnote or slide names it."""

    title: str
    date: str | None = None
    url: str | None = None
    #: a document of the demo collection: its facts are invented, and a picture says so
    demo: bool = False

    def label(self) -> str:
        return f"{self.title}（{self.date}）" if self.date else self.title

    @classmethod
    def of(cls, row: dict[str, Any]) -> Source:
        """The source a `document_sources` row names; demo as `figures.report.is_demo` says
        (one reading of which documents are demo documents, for pictures and briefings)."""
        from figures.report import is_demo

        urls = row.get("urls") or []
        return cls(
            row.get("title") or row["doc_id"],
            row.get("date"),
            urls[0] if urls else None,
            is_demo(row),
        )


def style_of(kind: str | None) -> KindStyle:
    return KIND_STYLE.get(kind or "", OTHER_STYLE)


def kind_label(kind: str) -> str:
    """Chinese and English name of a node kind, for legends: '法院 Court'."""
    return f"{LABEL_ZH.get(kind, kind)} {style_of(kind).english}"


def edge_label(attrs: dict[str, Any]) -> str:
    """What an edge says in Chinese: 推行 / 试点 / 院长 / 隶属 / 学习考察：X ..."""
    rel = str(attrs.get("type") or "")
    if rel == "ADOPTED" and attrs.get("stage"):
        return STAGE_ZH.get(str(attrs["stage"]), str(attrs["stage"]))
    if rel == "HOLDS_ROLE" and attrs.get("title"):
        return str(attrs["title"])
    if rel == "LEARNED_FROM" and attrs.get("initiative"):
        return f"{REL_ZH[rel]}：{attrs['initiative']}"  # 学习考察：一站式多元解纷机制
    return REL_ZH.get(rel, rel)


def node_name(node_id: str, attrs: dict[str, Any]) -> str:
    return str(attrs.get("name") or node_id.split(":", 1)[-1])


# an unbreakable run: a number with its unit (2363件, 60.5%, 2023年), a Latin word, a date
_UNBREAKABLE = re.compile(
    r"[0-9０-９][0-9０-９.,，．:：/\-]*[%％‰]?(?:[件个项人名家次元万亿年月日天期起宗户]+)?"
    r"|[A-Za-z][A-Za-z0-9.&'\-]*"
)
# words after which a name breaks naturally: 甲省乙市丙区人民法院 | 东湖人民法庭,
# 中共本溪市委 | 政法委员会, 辽宁省 | 高级人民法院
_BREAK_AFTER = (
    "人民法院",
    "法院",
    "法庭",
    "委员会",
    "市委",
    "县委",
    "区委",
    "党委",
    "政法委",
    "中心",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "局",
    "厅",
    "庭",
    "所",
    "院",
    "部",
    "处",
    "室",
    "组",
    "会",
    "和",
    "与",
    "及",
    "的",
)


def _tokens(text: str) -> list[str]:
    """`text` as pieces a line may end after: unbreakable runs and single characters."""
    out: list[str] = []
    i = 0
    for m in _UNBREAKABLE.finditer(text):
        out += list(text[i : m.start()])
        out.append(m.group())
        i = m.end()
    out += list(text[i:])
    return out


def wrap_lines(text: str, width: int = 10) -> list[str]:
    """`text` in lines of about `width` characters, broken where a reader would break it.

    A line ends after a word of a name (法院, 委员会, 市 ...) when one falls in its second
    half, else at `width`; numbers with their unit, Latin words and dates never break, and a
    name at most two characters over `width` stays on one line (no orphaned last character).

    >>> wrap_lines("甲省乙市丙区人民法院东湖人民法庭", 10)
    ['甲省乙市丙区人民法院', '东湖人民法庭']
    >>> wrap_lines("办理速裁案件数2363件", 8)
    ['办理速裁案件数', '2363件']
    """
    if len(text) <= width + 2 or "\n" in text:
        return text.split("\n")
    lines: list[str] = []
    line: list[str] = []
    breaks: list[int] = []  # token counts in `line` after which a word ends
    for tok in _tokens(text):
        if line and sum(map(len, line)) + len(tok) > width:
            good = [b for b in breaks if sum(map(len, line[:b])) * 2 >= width]
            cut = good[-1] if good else len(line)
            lines.append("".join(line[:cut]).rstrip())
            line, breaks = line[cut:], [b - cut for b in breaks if b > cut]
        if len(tok) > 1 and line:
            breaks.append(len(line))  # before a number: 办理速裁案件数 | 2363件
        line.append(tok)
        so_far = "".join(line)
        if len(tok) > 1 or any(so_far.endswith(w) for w in _BREAK_AFTER):
            breaks.append(len(line))
    rest = "".join(line)
    if lines and len(rest) <= 2 and len(lines[-1]) + len(rest) <= width + 2:
        lines[-1] += rest  # no orphaned last characters
    elif rest:
        lines.append(rest)
    return lines


def wrap(text: str, width: int = 10) -> str:
    """`wrap_lines` joined with newlines (vis-network and matplotlib labels)."""
    return "\n".join(wrap_lines(text, width))


def doc_ids_of(graph: nx.MultiDiGraph) -> list[str]:
    """The documents supporting the facts of a subgraph, most-cited first."""
    counts: dict[str, int] = {}
    for *_, attrs in graph.edges(keys=True, data=True):
        for d in attrs.get("doc_ids") or []:
            counts[d] = counts.get(d, 0) + 1
    return sorted(counts, key=lambda d: (-counts[d], d))


# -- layout --------------------------------------------------------------------------------
def layout(
    graph: nx.MultiDiGraph, *, seed: int = DEFAULT_SEED, iterations: int | None = None
) -> dict[str, tuple[float, float]]:
    """Seeded force-directed positions in [-1, 1]², the same for the same graph and seed.

    Fruchterman-Reingold on a dense matrix (numpy only), with a weak pull to the centre so that
    disconnected parts stay in the picture.
    """
    import numpy as np

    nodes = sorted(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {v: i for i, v in enumerate(nodes)}
    adj = np.zeros((n, n))
    for u, v in graph.edges():
        if u != v:
            adj[index[u], index[v]] = adj[index[v], index[u]] = 1.0
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    if iterations is None:
        iterations = 150 if n <= 100 else 90 if n <= 300 else 60
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    # per-axis n×n arrays (faster than one n×n×2 tensor), allocated once and
    # computed in place: the same arithmetic in the same order as the plain expressions
    # `force = k*k/dist2 - adj*sqrt(dist2)/k` and `disp = ((dx*force).sum(1), (dy*force).sum(1))`
    dx, dy, dist2, pull, force = (np.empty((n, n)) for _ in range(5))
    disp = np.empty((n, 2))
    for _ in range(iterations):
        np.subtract.outer(pos[:, 0], pos[:, 0], out=dx)
        np.subtract.outer(pos[:, 1], pos[:, 1], out=dy)
        np.multiply(dx, dx, out=dist2)
        np.multiply(dy, dy, out=pull)
        dist2 += pull
        np.maximum(dist2, 1e-4, out=dist2)  # distances of at least 0.01
        np.sqrt(dist2, out=pull)
        pull *= adj
        pull /= k
        np.divide(k * k, dist2, out=force)
        force -= pull
        dx *= force
        dy *= force
        dx.sum(axis=1, out=disp[:, 0])
        dy.sum(axis=1, out=disp[:, 1])
        disp -= 0.05 * (pos - pos.mean(axis=0)) / k  # gravity
        length = np.sqrt((disp**2).sum(axis=-1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (temperature / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    scale = float(np.abs(pos).max()) or 1.0
    pos /= scale
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _fill(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Stretch each axis to [-1, 1], so a picture uses its whole (wide) frame."""
    if len(pos) < 2:
        return pos
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def scale(lo: float, hi: float) -> tuple[float, float]:
        span = hi - lo
        return (2.0 / span, -(hi + lo) / span) if span > 1e-9 else (0.0, 0.0)

    ax, bx = scale(min(xs), max(xs))
    ay, by = scale(min(ys), max(ys))
    return {v: (x * ax + bx, y * ay + by) for v, (x, y) in pos.items()}


def _sizes(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Relative node size: grows with degree, courts by level."""
    out: dict[str, float] = {}
    for node, attrs in graph.nodes(data=True):
        deg = graph.degree(node)
        base = LEVEL_SIZE.get(str(attrs.get("level") or ""), 1.0)
        out[node] = base * (1.0 + 0.35 * math.log1p(deg))
    return out


# -- the interactive network page ---------------------------------------------------------
# courtgraph's drawing code (network.js, network.css) and the explorer's component page
# (index.html); vis-network itself comes from the installed pyvis, never from this repository
NETWORK_ASSETS = ASSETS / "network"
VIS_FILES = ("vis-network.min.js", "vis-network.css")
HUB_LABELS = 40  # labels readable in the whole-graph view of a big graph, as in `picture`
LABEL_MIN_PX = 12  # screen size of those labels in that view
LABEL_MAX_PX = 22  # no label grows past this on screen, however far the reader zooms in


def pyvis_lib() -> Path:
    """The folder of the vis-network copy that pyvis ships (vis-network.min.js and .css)."""
    with _DRAWING:  # pyvis imports IPython: not while a figure is being drawn (see `drawing`)
        import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    if not lib.is_dir():  # older pyvis layouts
        lib = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    return lib


@lru_cache(maxsize=1)
def vis_network_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) from pyvis's bundled copy, for inlining."""
    lib = pyvis_lib()
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return js, css


@lru_cache(maxsize=1)
def network_view_assets() -> tuple[str, str]:
    """(network.js, network.css): the code that draws `network_data` with vis-network."""
    js = (NETWORK_ASSETS / "network.js").read_text(encoding="utf-8")
    css = (NETWORK_ASSETS / "network.css").read_text(encoding="utf-8")
    return js, css


def _node_details(node_id: str, attrs: dict[str, Any]) -> dict[str, Any]:
    kind = str(attrs.get("kind") or "")
    rows: list[tuple[str, str]] = [("类型", kind_label(kind))]
    if attrs.get("level"):
        rows.append(("层级", LEVEL_ZH.get(str(attrs["level"]), str(attrs["level"]))))
    for key, title in (
        ("province", "省份"),
        ("city", "城市"),
        ("name_en", "English"),
        ("metric", "指标"),
        ("period", "期间"),
        ("description_zh" if attrs.get("description_zh") else "description", "说明"),
    ):
        if attrs.get(key):
            rows.append((title, str(attrs[key])))
    if attrs.get("value") is not None and kind == "Outcome":
        rows.append(("数值", f"{attrs.get('value')}{attrs.get('unit_of_measure') or ''}"))
    aliases = [a for a in attrs.get("aliases") or [] if a != attrs.get("name")]
    if aliases:
        rows.append(("别名", "、".join(str(a) for a in aliases[:8])))
    rows.append(("id", node_id))
    return {"name": node_name(node_id, attrs), "rows": rows}


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="courtgraph">
<title>{title}</title>
<style>{vis_css}</style>
<style>{view_css}</style>
{font_face}
</head>
<body>
<div id="cg-root"></div>
<script>{vis_js}</script>
<script>{view_js}</script>
<script>courtgraphNetwork.draw(document.getElementById("cg-root"), {data});</script>
</body>
</html>
"""


def _legend_items(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The legend under the network: node kinds (coloured symbols), then relationships (lines)."""
    kinds = sorted({str(a.get("kind") or "") for _, a in graph.nodes(data=True)}, key=_kind_order)
    rels = sorted({str(a.get("type") or "") for *_, a in graph.edges(keys=True, data=True)})
    items = [
        {"symbol": style_of(k).symbol, "color": style_of(k).color, "label": kind_label(k)}
        for k in kinds
    ]
    items += [
        {"color": REL_COLOR.get(r, "#999"), "label": f"{REL_ZH.get(r, r)} {REL_EN.get(r, '')}"}
        for r in rels
    ]
    return items


def _kind_order(kind: str) -> int:
    order = list(KIND_STYLE)
    return order.index(kind) if kind in order else len(order)


def _font_face_css(chars: Iterable[str]) -> str:
    """An @font-face with the bundled font cut down to `chars`, as a data: URL (no request)."""
    data = font_subset(frozenset(chars))
    if not data:
        return ""
    b64 = base64.b64encode(data).decode("ascii")
    return (
        "<style>@font-face { font-family: 'Courtgraph Sans SC'; "
        f"src: url(data:font/otf;base64,{b64}) format('opentype'); }}</style>"
    )


@lru_cache(maxsize=8)
def font_subset(chars: frozenset[str]) -> bytes:
    """The bundled font reduced to `chars` (for embedding in a standalone page)."""
    if not FONT_FILE.is_file():
        return b""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT_FILE))
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(sorted(chars)) + "0123456789")
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def network_data(
    graph: nx.MultiDiGraph,
    *,
    title: str = "courtgraph",
    height: int = 640,
    seed: int = DEFAULT_SEED,
    physics: bool = False,
    link_template: str | None = None,
) -> dict[str, Any]:
    """Everything `assets/network/network.js` needs to draw `graph`, as plain JSON data.

    Keys: nodes and edges (vis-network items: colour and shape by kind, positions from
    `layout(graph, seed=seed)`), options (vis-network options: seeded, physics only when asked
    for and the graph has at most 300 nodes, then switched off once settled), legend, details
    (what clicking a node shows), link_template (e.g. "?page=unit&id={id}": a link to the
    node's page in the details), title, height (pixels), font (CSS font stack) and digest
    (changes whenever anything else does).
    """
    pos = _fill(layout(graph, seed=seed))
    sizes = _sizes(graph)
    n = graph.number_of_nodes()
    spread = 300.0 * max(1.0, math.sqrt(n / 12.0))
    font_px = 14 if n <= 60 else 12 if n <= 200 else 10
    # the zoom at which the whole graph fits the view's height: where the labels would be
    # too small to read there, the best-connected nodes (as in `picture`) get labels big
    # enough to read; `maxVisible` stops them growing past that when the reader zooms in
    fit = min(1.0, max(height - 120, 100) / (2.0 * spread))
    hubs: set[str] = set()
    if font_px * fit < LABEL_MIN_PX:
        hubs = set(sorted(graph.nodes, key=lambda v: (-graph.degree(v), v))[:HUB_LABELS])
    nodes: list[dict[str, Any]] = []
    details: dict[str, Any] = {}
    for node in sorted(graph.nodes):
        attrs = graph.nodes[node]
        st = style_of(attrs.get("kind"))
        name = node_name(node, attrs)
        x, y = pos[node]
        nodes.append(
            {
                **({"font": {"size": round(LABEL_MIN_PX / fit)}} if node in hubs else {}),
                "id": node,
                "label": wrap(name, 10),
                "title": f"{name}\n{kind_label(str(attrs.get('kind') or ''))}",
                "color": {
                    "background": st.color,
                    "border": "#ffffff",
                    "highlight": {"background": st.color, "border": "#222222"},
                },
                "shape": st.vis_shape,
                "size": round(9 * sizes[node], 1),
                "x": round(x * spread * 1.6, 1),
                "y": round(-y * spread, 1),  # screen y grows downwards: same picture as `picture`
                "kind": str(attrs.get("kind") or ""),
            }
        )
        details[node] = _node_details(node, attrs)
    show_edge_labels = graph.number_of_edges() <= 150
    edges: list[dict[str, Any]] = []
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        rel = str(attrs.get("type") or "")
        label = edge_label(attrs)
        date = str(attrs.get("date") or "")
        edges.append(
            {
                "id": str(key),
                "from": u,
                "to": v,
                "arrows": "to",
                "label": label if show_edge_labels else "",
                "rel": label,
                "title": f"{REL_ZH.get(rel, rel)} {label} {date}".strip(),
                "color": {"color": REL_COLOR.get(rel, "#999999"), "opacity": 0.85},
                "width": 2 if rel == "ADOPTED" else 1.2,
            }
        )
    use_physics = physics and n <= 300
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "nodes": {
            "font": {
                "size": font_px,
                "face": CSS_FONT_STACK,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1.5,
            "scaling": {"label": {"maxVisible": LABEL_MAX_PX, "drawThreshold": 5}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "size": max(font_px - 3, 9),
                "face": CSS_FONT_STACK,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
            "smooth": {"enabled": n <= 200, "type": "continuous", "roundness": 0.2},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": use_physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 200, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "hideEdgesOnDrag": n > 200,
            "hideEdgesOnZoom": n > 300,
        },
    }
    data: dict[str, Any] = {
        "title": title,
        "height": int(height),
        "font": CSS_FONT_STACK,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "legend": _legend_items(graph),
        "details": details,
        "link_template": link_template,
    }
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    data["digest"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]
    return data


def _shown_chars(data: dict[str, Any]) -> set[str]:
    """Every character the page can show: title, labels, legend, details."""
    chars: set[str] = set(data["title"])
    for node in data["nodes"]:
        chars.update(node["label"])
    for edge in data["edges"]:
        chars.update(edge["rel"])
    for item in data["legend"]:
        chars.update(item["label"])
    for d in data["details"].values():
        chars.update(d["name"])
        for k, v in d["rows"]:
            chars.update(str(k) + str(v))
    chars.update("点击节点查看详情滚轮缩放拖动平移关系打开详情页")
    return chars


def network_html(
    graph: nx.MultiDiGraph,
    *,
    title: str = "courtgraph",
    height: int = 640,
    seed: int = DEFAULT_SEED,
    physics: bool = False,
    link_template: str | None = None,
    embed_font: bool = False,
) -> str:
    """A self-contained, offline HTML page drawing `graph` with vis-network.

    The page inlines vis-network (pyvis's bundled copy), the drawing code and the data of
    `network_data` (same arguments), so it opens on its own, without a server or network.
    `embed_font=True` embeds the bundled CJK font, cut to the characters the page shows, so it
    reads right on any machine.
    """
    data = network_data(
        graph,
        title=title,
        height=height,
        seed=seed,
        physics=physics,
        link_template=link_template,
    )
    vis_js, vis_css = vis_network_assets()
    view_js, view_css = network_view_assets()
    font_face = _font_face_css(_shown_chars(data)) if embed_font else ""
    return _PAGE.format(
        title=_html.escape(title),
        vis_css=vis_css,
        view_css=view_css,
        vis_js=vis_js.replace("</script", "<\\/script"),
        view_js=view_js.replace("</script", "<\\/script"),
        font_face=font_face,
        data=script_json(data),
    )


def script_json(value: Any) -> str:
    """JSON safe to put inside <script> (no closing tag, no HTML comment openers)."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


# -- fonts for figures --------------------------------------------------------------------
@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """Font families for matplotlib: the bundled subset, then system CJK fonts, then DejaVu."""
    from matplotlib import font_manager

    families: list[str] = []
    if FONT_FILE.is_file():
        font_manager.fontManager.addfont(str(FONT_FILE))
        families.append(FONT_FAMILY)
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families += [f for f in SYSTEM_CJK_FAMILIES if f in installed]
    families.append("DejaVu Sans")
    return tuple(families)


def _font_paths() -> list[str]:
    """The font files behind `font_families()`, the bundled one first."""
    from matplotlib import font_manager

    wanted = set(font_families())
    paths = {str(f.fname) for f in font_manager.fontManager.ttflist if f.name in wanted}
    bundled = [str(FONT_FILE)] if FONT_FILE.is_file() else []
    return bundled + sorted(paths - set(bundled))


@lru_cache(maxsize=64)
def _font_points(path: str, families: frozenset[str]) -> frozenset[int]:
    """Code points the faces of font file `path` named in `families` draw (every face, when
    none of a collection's is named so: names can be spelt differently)."""
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if Path(path).suffix.lower() in (".ttc", ".otc"):
            faces = TTCollection(path, lazy=True).fonts
        else:
            faces = [TTFont(path, lazy=True)]
        named = [f for f in faces if len(faces) == 1 or _family(f) in families] or faces
        points: set[int] = set()
        for face in named:
            points |= set(face.getBestCmap() or {})
        return frozenset(points)
    except Exception:  # noqa: BLE001 - an unreadable system font adds nothing
        return frozenset()


def _family(face: Any) -> str | None:
    try:
        return str(face["name"].getBestFamilyName())
    except Exception:  # noqa: BLE001
        return None


def font_steps() -> Iterator[str]:
    """Load every font the figures use, one file per step (a background warm-up can pause
    between steps); yields what it has just loaded."""
    families = frozenset(font_families())
    yield "font families"
    for path in _font_paths():
        _font_points(path, families)
        yield path


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points some font in `font_families()` can draw."""
    families = frozenset(font_families())
    return frozenset().union(*(_font_points(p, families) for p in _font_paths()))


def missing_glyphs(texts: Iterable[str]) -> str:
    """Characters of `texts` that no available font draws (they would show as boxes)."""
    covered = _covered()
    missing = {c for t in texts for c in t if not c.isspace() and ord(c) not in covered}
    return "".join(sorted(missing))


def _rc() -> Any:  # matplotlib types rc keys as Literals
    return {
        "font.family": "sans-serif",
        "font.sans-serif": list(font_families()),
        "svg.fonttype": "none",  # text stays text: editable and searchable in the SVG
        "axes.unicode_minus": False,
        "svg.hashsalt": "courtgraph",  # stable ids: the same picture gives the same file
    }


#: held while a figure is drawn and saved: matplotlib's rcParams are one dict for the whole
#: process, so two figures drawn at once (the explorer makes each download in a worker thread)
#: would each switch the fonts and SVG settings back under the other (boxes for every CJK
#: character, outlines instead of text)
_DRAWING = threading.RLock()


@contextmanager
def drawing() -> Iterator[None]:
    """Draw and save a figure in here: one figure at a time in the process, with the figures'
    settings (`_rc`: the CJK fonts, SVG text kept as text, stable SVG ids) in force.

    Make the figure with `matplotlib.figure.Figure`, never `pyplot`: pyplot keeps its figures
    in a registry of the process, and Streamlit closes every figure in it (`plt.close("all")`)
    when a script run ends, which resets the dpi of a figure another thread is saving (the
    rows drawn after that land at 100 dpi on a 120-dpi page)."""
    from matplotlib import rc_context

    with _DRAWING:
        # matplotlib's first canvas of each kind reads IPython.version_info when IPython is
        # imported: wait for an import another thread has begun (pyvis imports IPython) to end
        if "IPython" in sys.modules:
            import IPython  # noqa: F401
        with rc_context(_rc()):
            yield


#: the font-family of every text in an exported SVG: the bundled face, then the CJK faces a
#: reader's machine is likely to have (Windows, macOS, Linux), then any sans-serif
SVG_FONT_STACK = ", ".join(
    [f"'{FONT_FAMILY}'", *(f"'{f}'" for f in SYSTEM_CJK_FAMILIES), "'DejaVu Sans'", "sans-serif"]
)
_SVG_FAMILY = re.compile(r"font-family: ?[^;\"]*")


def svg_fonts(svg: bytes) -> bytes:
    """Give every text of a matplotlib SVG the full CJK font stack (matplotlib writes only the
    families installed here)."""
    return _SVG_FAMILY.sub(f"font-family: {SVG_FONT_STACK}", svg.decode("utf-8")).encode("utf-8")


def fact_note(graph: nx.MultiDiGraph) -> str:
    """How many of the facts a subgraph draws are unverified (the roster's hierarchy is
    reference data, not counted): the note every exported network picture carries."""
    from queries.verified import FactCheck

    statuses = [
        a.get("review_status")
        for *_, a in graph.edges(keys=True, data=True)
        if not (a.get("source") and not a.get("review_status"))
    ]
    return FactCheck.of(statuses).note() if statuses else ""


def _footnote(
    sources: Sequence[Source],
    generated: str | None,
    limit: int = 3,
    note: str = "",
    demo: int = 0,
) -> str:
    date = generated or _dt.date.today().isoformat()
    if sources:
        shown = "；".join(s.label() for s in sources[:limit])
        more = f" 等 {len(sources)} 篇文档" if len(sources) > limit else ""
        src = f"来源：{shown}{more}"
    else:
        src = "来源：courtgraph 知识图谱"
    demo = max(demo, _demo_count(sources))
    if demo:  # on the first line, where a reader of the slide cannot miss it
        src = f"{demo_note(demo)} · {src}"
    return f"{src}\n制图：courtgraph · 数据截至 {date}" + (f" · {note}" if note else "")


#: what a picture, a slide or a footnote says when it cites demo documents
DEMO_BADGE = "演示数据 · 内容虚构"


def demo_note(n: int) -> str:
    """What a picture's footnote says first when `n` of its documents are demo documents."""
    return f"含 {n} 篇演示文档（内容虚构，不能作为汇报依据）"


def _demo_count(sources: Sequence[Source]) -> int:
    return sum(1 for s in sources if s.demo)


#: the room the demo mark takes at the top right of a 16-inch picture, in inches
DEMO_MARK_W = 3.0


def demo_badge(fig: Figure, y: float = 0.95) -> None:
    """A red mark in the top right corner of a picture that cites demo documents: a footnote
    alone is too easy to miss on a slide."""
    fig.text(
        0.975,
        y,
        DEMO_BADGE,
        fontsize=16,
        color="#b3261e",
        ha="right",
        va="center",
        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "#b3261e", "lw": 1.2},
    )


def _demo_badge(fig: Figure, sources: Sequence[Source]) -> None:
    if _demo_count(sources):
        demo_badge(fig)


def save_figure(fig: Figure, fmt: str, dpi: float) -> bytes:
    """PNG or SVG bytes of a figure; an SVG keeps its text as text with the CJK font stack."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    out = io.BytesIO()
    metadata: dict[str, Any] = (
        {"Software": "courtgraph"} if fmt == "png" else {"Creator": "courtgraph", "Date": None}
    )
    fig.savefig(out, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)
    return svg_fonts(out.getvalue()) if fmt == "svg" else out.getvalue()


_save = save_figure


# -- network pictures -----------------------------------------------------------------------
class FigureTooDense(CourtgraphError):
    """A subgraph with more nodes than can carry a readable label on a slide."""


#: beyond this many nodes no layout gives every node a readable label on a 16:9 slide
MAX_LABELLED_NODES = 80
LABEL_PT = 9.0  # the smallest label size in a slide picture (about 9 pt on the slide)
FILTERED_ADVICE = (
    "可改用：只看法院、法庭和举措（节点类型），深度 1，或举措的采用情况图（「举措」页或"
    "「法院/单位」页的「简报与图片」）。"
)


def display_name(node_id: str, attrs: dict[str, Any]) -> str:
    """What a figure calls a node: a court's customary short name (本溪中院), else its name."""
    name = node_name(node_id, attrs)
    if attrs.get("kind") in ("Court", "Tribunal"):
        from figures.names import short_court_name

        return short_court_name(name)
    return name


def _text_size(lines: Sequence[str], size_pt: float) -> tuple[float, float]:
    """(width, height) in inches of lines of text: CJK a full em, Latin and digits ~0.6."""
    em = size_pt / 72.0
    width = max(sum(0.6 if ord(c) < 0x2E80 else 1.0 for c in line) for line in lines) * em
    return width + 0.06, len(lines) * 1.22 * em + 0.04


def fit_title(
    title: str, width: float, *, size: float = 26, smallest: float = 18
) -> tuple[str, float]:
    """`title` set to fit `width` inches: at `size` points when it fits, else as large as fits
    down to `smallest`, else on two lines (broken after a 、 or before a （ near the middle)
    at the size they fit, else cut with …. Returns the text (with a line break when two) and
    its size: a long title ran off the picture's edge.

    >>> fit_title("辖区覆盖情况", 15.2)
    ('辖区覆盖情况', 26)
    >>> fit_title("辖区覆盖情况（" + "甲" * 40 + "）", 15.2)[1] < 26
    True
    >>> text, points = fit_title("辖区覆盖情况（" + "甲乙丙丁、" * 14 + "）", 15.2)
    >>> text.count("\\n"), points
    (1, 22.0)
    >>> text, points = fit_title("辖区覆盖情况（" + "甲乙丙丁、" * 40 + "）", 15.2)
    >>> [len(line) for line in text.split("\\n")], text.endswith("…"), points
    ([60, 60], True, 18)
    """
    fits = min(size, width / max(_text_size([title], 1.0)[0] - 0.06, 1e-3))
    if fits >= smallest:
        return title, size if fits >= size else math.floor(fits * 2) / 2
    middle = len(title) // 2
    cuts = [i + 1 for i, c in enumerate(title) if c in "、，,· "] + [
        i for i, c in enumerate(title) if c == "（" and i
    ]
    cut = min(cuts, key=lambda i: abs(i - middle), default=middle)
    lines = [title[:cut].rstrip(), title[cut:].lstrip()]
    # two lines take the height of one at 26 pt and a half: at most 22 pt each
    fits = min(size, 22, width / max(_text_size(lines, 1.0)[0] - 0.06, 1e-3))
    if fits >= smallest:
        return "\n".join(lines), math.floor(fits * 2) / 2
    room = int(width * 72 / smallest)  # full-width characters per line at the smallest size
    rest = lines[1] if _text_size([lines[1]], smallest)[0] <= width else lines[1][: room - 1] + "…"
    first = lines[0] if _text_size([lines[0]], smallest)[0] <= width else lines[0][: room - 1] + "…"
    return f"{first}\n{rest}", smallest


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in inches


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass
class NetworkLayout:
    """Where a network picture puts its nodes and labels, in inches inside its plot area."""

    pos: dict[str, tuple[float, float]]
    radius: dict[str, float]  # marker radius, inches
    labels: dict[str, tuple[float, float, str]]  # node -> (x, y) of the label's centre, text
    font: float
    width: float
    height: float


def network_layout(
    graph: nx.MultiDiGraph, width: float, height: float, *, seed: int = DEFAULT_SEED
) -> NetworkLayout:
    """Seeded positions and a label for every node, no two labels or markers overlapping.

    Raises `FigureTooDense` (saying what to draw instead) when some node's label finds no
    free place, or the subgraph has more than `MAX_LABELLED_NODES` nodes.
    """
    n = graph.number_of_nodes()
    if n > MAX_LABELLED_NODES:
        raise FigureTooDense(_too_dense(n))
    font = 11.0 if n <= 20 else 10.0 if n <= 40 else LABEL_PT
    sizes = _sizes(graph)
    radius = {v: (5.0 if n <= 40 else 4.0) * sizes[v] / 72.0 for v in graph.nodes}
    texts = {v: wrap_lines(display_name(v, graph.nodes[v]), 8) for v in graph.nodes}
    extents = {v: _text_size(t, font) for v, t in texts.items()}
    # keep the widest label inside the frame whichever side of its node it goes
    mx = max((w for w, _ in extents.values()), default=0.5) / 2 + 0.1
    my = max((h for _, h in extents.values()), default=0.3) + 0.1
    raw = _fill(layout(graph, seed=seed))
    pos = {
        v: (mx + (x + 1) / 2 * (width - 2 * mx), my + (y + 1) / 2 * (height - 2 * my))
        for v, (x, y) in raw.items()
    }
    taken: list[Box] = [
        (x - radius[v], y - radius[v], x + radius[v], y + radius[v]) for v, (x, y) in pos.items()
    ]
    labels: dict[str, tuple[float, float, str]] = {}
    order = sorted(graph.nodes, key=lambda v: (-graph.degree(v), v))
    for v in order:
        x, y = pos[v]
        w, h = extents[v]
        r = radius[v] + 0.03
        for dx, dy in (
            (0, -(r + h / 2)),  # below
            (0, r + h / 2),  # above
            (r + w / 2, 0),  # right
            (-(r + w / 2), 0),  # left
            (r + w / 2, -(r + h / 2)),
            (-(r + w / 2), -(r + h / 2)),
            (r + w / 2, r + h / 2),
            (-(r + w / 2), r + h / 2),
        ):
            cx, cy = x + dx, y + dy
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            own = (x - radius[v], y - radius[v], x + radius[v], y + radius[v])
            if inside and not any(_overlaps(box, t) for t in taken if t != own):
                labels[v] = (cx, cy, "\n".join(texts[v]))
                taken.append(box)
                break
        else:
            raise FigureTooDense(_too_dense(n))
    return NetworkLayout(pos, radius, labels, font, width, height)


def _too_dense(n: int) -> str:
    return (
        f"这张子图有 {n} 个节点，画成一页幻灯片时无法给每个节点留出清楚、互不重叠的标签，"
        f"导出的图片会看不清。{FILTERED_ADVICE}"
    )


def fits_slide(graph: nx.MultiDiGraph, *, seed: int = DEFAULT_SEED) -> str | None:
    """None when `graph` can be drawn as a readable slide picture, else why not (in Chinese,
    with what to draw instead)."""
    try:
        network_layout(graph, *SLIDE_AREA, seed=seed)
    except FigureTooDense as exc:
        return str(exc)
    return None


FIG_W, FIG_H = 16.0, 9.0  # inches: 1920 × 1080 at 120 dpi
NETWORK_AREA = (12.0, 6.9)  # the plot area of `picture` with its title and legend, inches
# the picture on a slide (`network_slide`): the deck's content area beside its legend column,
# at the slide's own size, so a label of 9 pt is 9 pt on the slide; the smaller of the two,
# so what fits here fits the stand-alone picture too
SLIDE_AREA = (9.8, 5.3)


def legend_items(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """(symbol, colour, label) of the node kinds and relationships a network picture shows."""
    return [(i.get("symbol", "—"), i["color"], i["label"]) for i in _legend_items(graph)]


def picture(
    graph: nx.MultiDiGraph,
    *,
    fmt: str = "png",
    title: str = "",
    subtitle: str | None = None,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    seed: int = DEFAULT_SEED,
    dpi: int = 120,
    scale: int = 1,
    with_title: bool = True,
) -> bytes:
    """A 16:9 figure of `graph` (1920 × 1080 × `scale` pixels): title, network, legend, source
    footnote; with `with_title=False` the network alone at the size it has on a slide
    (`SLIDE_AREA`), for a slide that carries its title, legend and sources as text. PNG or
    SVG (text kept as text).

    Every node gets a short label (本溪中院) that overlaps no other label or node; a subgraph
    too dense for that raises `FigureTooDense`, which says what to draw instead.
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    area = NETWORK_AREA if with_title else SLIDE_AREA
    net = network_layout(graph, *area, seed=seed)
    pos = net.pos
    n = graph.number_of_nodes()
    fig_w, fig_h = (FIG_W, FIG_H) if with_title else area
    left = 0.4 if with_title else 0.0
    bottom = 0.85 if with_title else 0.0
    with drawing():
        fig = Figure(figsize=(fig_w, fig_h))
        ax = fig.add_axes((left / fig_w, bottom / fig_h, area[0] / fig_w, area[1] / fig_h))
        ax.set_axis_off()
        ax.set_xlim(0, area[0])
        ax.set_ylim(0, area[1])
        if with_title:
            # a long title (the export page's own words) is set as a table's is: smaller or
            # on two lines, clear of the demo mark in the top right corner
            room = FIG_W - 2 * 0.4 - (DEMO_MARK_W if _demo_count(sources) else 0)
            text, points = fit_title(title or "courtgraph", room)
            two = "\n" in text
            fig.text(
                0.025,
                1 - (0.47 if two else 0.45) / FIG_H,
                text,
                fontsize=points,
                color="#1b2a3a",
                va="center",
                linespacing=1.1,
            )
            sub = subtitle or f"{n} 个节点 · {graph.number_of_edges()} 条关系"
            sub_y = 1 - (1.05 if two else 0.855) / FIG_H  # below a title of two lines
            fig.text(0.025, sub_y, sub, fontsize=13, color="#5a6673", va="center")
            _demo_badge(fig, sources)
        taken = [
            (x - net.radius[v], y - net.radius[v], x + net.radius[v], y + net.radius[v])
            for v, (x, y) in pos.items()
        ]
        for cx, cy, text in net.labels.values():
            w, h = _text_size(text.split("\n"), net.font)
            taken.append((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
        for u, v, _key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
            rel = str(attrs.get("type") or "")
            (x0, y0), (x1, y1) = pos[u], pos[v]
            ax.annotate(
                "",
                xy=(x1, y1),
                xytext=(x0, y0),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": REL_COLOR.get(rel, "#999999"),
                    "lw": 1.6 if rel == "ADOPTED" else 1.0,
                    "alpha": 0.7,
                    "shrinkA": net.radius[u] * 72 + 1,
                    "shrinkB": net.radius[v] * 72 + 2,
                    "mutation_scale": 11,
                },
                zorder=1,
            )
            # an edge's label only where it overlaps nothing (its colour says the rest)
            label = edge_label(attrs)
            if graph.number_of_edges() <= 60 and label:
                w, h = _text_size([label], net.font - 1.5)
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                if not any(_overlaps(box, t) for t in taken):
                    taken.append(box)
                    ax.text(
                        cx,
                        cy,
                        label,
                        fontsize=net.font - 1.5,
                        color="#555555",
                        ha="center",
                        va="center",
                        zorder=2,
                        bbox={"boxstyle": "round,pad=0.05", "fc": "white", "ec": "none"},
                    )
        kinds = sorted(
            {str(a.get("kind") or "") for _, a in graph.nodes(data=True)}, key=_kind_order
        )
        for kind in kinds:
            st = style_of(kind)
            members = sorted(v for v, a in graph.nodes(data=True) if a.get("kind") == kind)
            ax.scatter(
                [pos[v][0] for v in members],
                [pos[v][1] for v in members],
                s=[
                    (2 * net.radius[v] * 72) ** 2 * (1.6 if st.marker == "*" else 1.0)
                    for v in members
                ],
                c=st.color,
                marker=st.marker,
                edgecolors="white",
                linewidths=1.0,
                zorder=3,
            )
        for _v, (cx, cy, text) in sorted(net.labels.items()):
            ax.text(
                cx,
                cy,
                text,
                fontsize=net.font,
                ha="center",
                va="center",
                linespacing=1.1,
                color="#1b2a3a",
                zorder=4,
                # a white ground instead of a stroke: path effects would turn the SVG's text
                # into outlines
                bbox={"boxstyle": "round,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.85},
            )
        if with_title:
            handles = [
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker=style_of(k).marker,
                    markersize=14 if style_of(k).marker == "*" else 10,
                    markerfacecolor=style_of(k).color,
                    markeredgecolor="white",
                    label=kind_label(k),
                )
                for k in kinds
            ]
            rels = sorted({str(a.get("type") or "") for *_, a in graph.edges(keys=True, data=True)})
            handles += [
                Line2D(
                    [],
                    [],
                    color=REL_COLOR.get(r, "#999"),
                    lw=2,
                    label=f"{REL_ZH.get(r, r)} {REL_EN.get(r, '')}",
                )
                for r in rels
            ]
            if handles:
                fig.legend(
                    handles=handles,
                    loc="upper left",
                    bbox_to_anchor=((left + area[0] + 0.2) / FIG_W, 0.85),
                    frameon=False,
                    fontsize=12,
                    title="图例 Legend",
                    title_fontsize=13,
                    alignment="left",
                    labelspacing=0.9,
                )
            fig.add_artist(Line2D([0.025, 0.975], [0.08, 0.08], color="#d5dbe1", lw=0.8))
            fig.text(
                0.025,
                0.04,
                _footnote(sources, generated, note=fact_note(graph)),
                fontsize=10,
                color="#5a6673",
                va="center",
            )
        return save_figure(fig, fmt, dpi * scale)


# -- table pictures -------------------------------------------------------------------------
def table_picture(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    fmt: str = "png",
    title: str = "",
    sources: Sequence[Source] = (),
    generated: str | None = None,
    max_rows: int = 20,
    dpi: int = 120,
    scale: int = 1,
    with_title: bool = True,
    note: str = "",
    demo: int = 0,
) -> bytes:
    """A table as a 16:9 picture (1920 × 1080 × `scale`): rows as tall and type as large as
    the page allows (up to 20 pt), columns as wide as their longest cell, title and source
    footnote (ending with `note`, e.g. the collections it counts); the first `max_rows` rows,
    the rest counted in the note. `demo`: how many demo documents its rows come from (when
    `sources` does not list them), said in the red mark and first in the footnote."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    shown = [["" if c is None else str(c) for c in r] for r in rows[:max_rows]]
    top = 1.25 if with_title else 0.3
    bottom = 0.95 if with_title else 0.3
    side = 0.4
    avail_w, avail_h = FIG_W - 2 * side, FIG_H - top - bottom
    n = len(shown) + 1
    row_h = min(avail_h / n, 0.62)
    # type: what the row height allows, then what the widest row allows
    size = min(20.0, row_h * 72 * 0.5)
    widths_em = [
        max(
            _text_size([str(c)], 1.0)[0] - 0.06 for c in [col, *(r[j] for r in shown if j < len(r))]
        )
        * 72
        + 1.2
        for j, col in enumerate(columns)
    ]
    size = max(min(size, avail_w * 72 / sum(widths_em)), 9.0)
    col_w = [w * size / 72 for w in widths_em]
    # fill the width: spare room goes to the columns in proportion
    spare = avail_w - sum(col_w)
    if spare > 0:
        col_w = [w + spare * w / sum(col_w) for w in col_w]
    with drawing():
        fig = Figure(figsize=(FIG_W, FIG_H))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(0, FIG_W)
        ax.set_ylim(FIG_H, 0)
        if with_title:
            # a long title (the query's own values in it) is made smaller or set on two lines,
            # clear of the demo mark in the top right corner
            demo = max(demo, _demo_count(sources))
            room = avail_w - (DEMO_MARK_W if demo else 0)
            text, points = fit_title(title or "courtgraph", room)
            ax.text(
                side,
                0.45 if "\n" in text else 0.5,
                text,
                fontsize=points,
                color="#1b2a3a",
                va="center",
                linespacing=1.1,
            )
        count = f"共 {len(rows)} 行" + (f"，显示前 {max_rows} 行" if len(rows) > max_rows else "")
        ax.text(side, top - 0.3, count, fontsize=13, color="#5a6673", va="center")
        if not shown:
            ax.text(FIG_W / 2, FIG_H / 2, "（无数据）", ha="center", va="center", fontsize=18)
        for i, row in enumerate([list(columns), *shown]):
            y = top + i * row_h
            face = "#1f5fa8" if i == 0 else ("#f4f6f8" if i % 2 == 0 else "white")
            ax.add_patch(
                Rectangle((side, y), avail_w, row_h, facecolor=face, edgecolor="#d5dbe1", lw=0.6)
            )
            x = side
            for j, w in enumerate(col_w):
                text = row[j] if j < len(row) else ""
                room = int((w * 72 / size - 1.0) / 1.0)
                if len(text) > room > 1 and _text_size([text], size)[0] > w - 0.1:
                    text = text[: room - 1] + "…"
                ax.text(
                    x + 0.5 * size / 72,
                    y + row_h / 2,
                    text,
                    fontsize=size,
                    va="center",
                    ha="left",
                    color="white" if i == 0 else "#1b2a3a",
                )
                x += w
        if with_title:
            if demo:
                demo_badge(fig)
            ax.text(
                side,
                FIG_H - 0.45,
                _footnote(sources, generated, note=note, demo=demo),
                fontsize=10,
                color="#5a6673",
                va="center",
            )
        return save_figure(fig, fmt, dpi * scale)


# -- slides ---------------------------------------------------------------------------------
def _east_asian(run: Any, typeface: str = "Microsoft YaHei") -> None:
    """Set the East Asian typeface of a python-pptx run (its `font.name` sets Latin only)."""
    from pptx.oxml.ns import qn

    rpr = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea"):
        el = rpr.find(qn(tag))
        if el is None:
            el = rpr.makeelement(qn(tag), {})
            rpr.append(el)
        el.set("typeface", typeface)


def _sources_note(sources: Sequence[Source]) -> str:
    if not sources:
        return "来源：courtgraph 知识图谱"
    lines = [f"来源（{len(sources)} 篇）："]
    lines += [
        f"{i}. {s.label()}"
        + (f"  {s.url}" if s.url else "")
        + ("（演示文档，内容虚构）" if s.demo else "")
        for i, s in enumerate(sources, 1)
    ]
    return "\n".join(lines)


def _sources_caption(sources: Sequence[Source]) -> str:
    if not sources:
        return "来源：courtgraph 知识图谱"
    more = f" 等 {len(sources)} 篇（全部来源见备注）" if len(sources) > 2 else "（详见备注）"
    demo = f"含 {n} 篇演示文档（{DEMO_BADGE}） · " if (n := _demo_count(sources)) else ""
    return demo + "来源：" + "；".join(s.label() for s in sources[:2]) + more


def slide(
    image_png: bytes,
    *,
    title: str,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    notes: str | None = None,
    legend: Sequence[tuple[str, str, str]] = (),
    note: str = "",
) -> bytes:
    """A one-slide 16:9 deck: `title` in the slide's title placeholder, the picture (drawn
    without its own title) filling the content area, the legend as editable text beside it,
    a one-line source caption (with `note`, e.g. how many facts are unverified) and the full
    source list with URLs in the notes."""
    from figures.deck import Deck

    deck = Deck(title, generated=generated)
    full_notes = "\n".join(x for x in (notes, _sources_note(sources)) if x)
    caption = " · ".join(x for x in (_sources_caption(sources), note) if x)
    deck.picture_slide(title, image_png, notes=full_notes, legend=legend, caption=caption)
    return deck.save()


def network_slide(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    seed: int = DEFAULT_SEED,
) -> bytes:
    """The network as a one-slide deck (raises `FigureTooDense` like `picture`)."""
    png = picture(graph, with_title=False, seed=seed, dpi=200)
    return slide(
        png,
        title=title,
        sources=sources,
        generated=generated,
        legend=legend_items(graph),
        note=fact_note(graph),
    )


def table_slide(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    note: str = "",
    demo: int = 0,
) -> bytes:
    """A table as native PowerPoint tables (continued on further slides when long), the
    title in each slide's title placeholder, the sources and `note` (e.g. the collections it
    counts) in the notes, first of all that `demo` of its documents are demo documents."""
    from figures.deck import Deck

    deck = Deck(title, generated=generated, demo=demo)
    notes = _sources_note(sources) + (f"\n{note}。" if note else "")
    if demo:
        notes = f"{demo_note(demo)}。\n{notes}"
    deck.table_slides(title, columns, rows, notes=notes)
    return deck.save()
