"""Pictures of subgraphs: an offline interactive network page, PNG/SVG figures and a slide.

Every layout is seeded (`layout(graph, seed=...)`), so the same subgraph always gives the same
picture, in the browser and in the exported figure alike. Nothing here reaches the network:
the interactive view is drawn by `assets/network/network.js` with vis-network from pyvis's
bundled `lib/` (`network_data` is what it draws; the explorer sends it to its network
component, `network_html` inlines all of it in a standalone page), and figures use the CJK
font bundled in `assets/fonts/` (a subset of Noto Sans CJK SC, SIL OFL), falling back per
glyph to system CJK fonts (Debian `fonts-noto-cjk`) for rare characters.

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from courtgraph.resources import ASSETS
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
}
REL_EN: dict[str, str] = {
    "PART_OF": "part of",
    "ADOPTED": "adopted",
    "HOLDS_ROLE": "holds role",
    "REPORTED": "reported",
    "PARTNERS_WITH": "partners with",
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

    def label(self) -> str:
        return f"{self.title}（{self.date}）" if self.date else self.title


def style_of(kind: str | None) -> KindStyle:
    return KIND_STYLE.get(kind or "", OTHER_STYLE)


def kind_label(kind: str) -> str:
    """Chinese and English name of a node kind, for legends: '法院 Court'."""
    return f"{LABEL_ZH.get(kind, kind)} {style_of(kind).english}"


def edge_label(attrs: dict[str, Any]) -> str:
    """What an edge says in Chinese: 推行 / 试点 / 任职：院长 / 隶属 ..."""
    rel = str(attrs.get("type") or "")
    if rel == "ADOPTED" and attrs.get("stage"):
        return STAGE_ZH.get(str(attrs["stage"]), str(attrs["stage"]))
    if rel == "HOLDS_ROLE" and attrs.get("title"):
        return str(attrs["title"])
    return REL_ZH.get(rel, rel)


def node_name(node_id: str, attrs: dict[str, Any]) -> str:
    return str(attrs.get("name") or node_id.split(":", 1)[-1])


def wrap(text: str, width: int = 10) -> str:
    """Break a long CJK name into lines of `width` characters (CJK has no spaces to break at)."""
    if len(text) <= width:
        return text
    lines = [text[i : i + width] for i in range(0, len(text), width)]
    if len(lines[-1]) <= 2 and len(lines) > 1:  # no orphaned last character
        last = lines.pop()
        lines[-1] += last
    return "\n".join(lines)


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
    # per-axis n×n arrays (about three times faster than an n×n×2 tensor), allocated once and
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
        ("description", "说明"),
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
        "svg.fonttype": "path",  # glyphs as outlines: the SVG needs no font to show Chinese
        "axes.unicode_minus": False,
        "svg.hashsalt": "courtgraph",  # stable ids: the same picture gives the same file
    }


def _footnote(sources: Sequence[Source], generated: str | None, limit: int = 3) -> str:
    date = generated or _dt.date.today().isoformat()
    if sources:
        shown = "；".join(s.label() for s in sources[:limit])
        more = f" 等 {len(sources)} 篇文档" if len(sources) > limit else ""
        src = f"来源：{shown}{more}"
    else:
        src = "来源：courtgraph 知识图谱"
    return f"{src}\n制图：courtgraph · 数据截至 {date}"


def _save(fig: Figure, fmt: str, dpi: int) -> bytes:
    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    out = io.BytesIO()
    metadata: dict[str, Any] = (
        {"Software": "courtgraph"} if fmt == "png" else {"Creator": "courtgraph", "Date": None}
    )
    fig.savefig(out, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)
    return out.getvalue()


def picture(
    graph: nx.MultiDiGraph,
    *,
    fmt: str = "png",
    title: str = "",
    subtitle: str | None = None,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    seed: int = DEFAULT_SEED,
    dpi: int = 150,
) -> bytes:
    """A 16:9 figure of `graph` for a slide: title, network, legend, source footnote.

    PNG or SVG (glyphs as paths, so it shows Chinese without any font installed).
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patheffects import withStroke

    pos = _fill(layout(graph, seed=seed))
    sizes = _sizes(graph)
    n = graph.number_of_nodes()
    with rc_context(_rc()):
        fig = Figure(figsize=(13.3334, 7.5))
        ax = fig.add_axes((0.03, 0.12, 0.74, 0.76))
        ax.set_axis_off()
        fig.text(0.03, 0.945, title or "courtgraph", fontsize=22, color="#1b2a3a", va="center")
        sub = subtitle or f"{n} 个节点 · {graph.number_of_edges()} 条关系"
        fig.text(0.03, 0.90, sub, fontsize=12, color="#5a6673", va="center")
        # edges below nodes
        edge_labels = graph.number_of_edges() <= 40
        for u, v, _key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
            rel = str(attrs.get("type") or "")
            (x0, y0), (x1, y1) = pos[u], pos[v]
            color = REL_COLOR.get(rel, "#999999")
            ax.annotate(
                "",
                xy=(x1, y1),
                xytext=(x0, y0),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": color,
                    "lw": 1.6 if rel == "ADOPTED" else 1.0,
                    "alpha": 0.75,
                    "shrinkA": 9,
                    "shrinkB": 9 + 3 * sizes.get(v, 1.0),
                    "mutation_scale": 10,
                },
                zorder=1,
            )
            if edge_labels:
                ax.text(
                    (x0 + x1) / 2,
                    (y0 + y1) / 2,
                    edge_label(attrs),
                    fontsize=8,
                    color="#555555",
                    ha="center",
                    va="center",
                    zorder=2,
                    path_effects=[withStroke(linewidth=3, foreground="white")],
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
                    (110 if n <= 60 else 55) * (1.8 if st.marker == "*" else 1.0) * sizes[v] ** 2
                    for v in members
                ],
                c=st.color,
                marker=st.marker,
                edgecolors="white",
                linewidths=1.2,
                zorder=3,
            )
        # labels: all for small graphs, the best-connected otherwise
        if n <= 60:
            labelled = set(graph.nodes)
            font = 10 if n <= 25 else 8
        else:
            labelled = set(sorted(graph.nodes, key=lambda v: (-graph.degree(v), v))[:40])
            font = 7
        for v in sorted(labelled):
            x, y = pos[v]
            ax.text(
                x,
                y - 0.035 - 0.012 * sizes[v],
                wrap(node_name(v, graph.nodes[v]), 10),
                fontsize=font,
                ha="center",
                va="top",
                color="#1b2a3a",
                zorder=4,
                path_effects=[withStroke(linewidth=3, foreground="white")],
            )
        ax.set_xlim(-1.12, 1.12)
        ax.set_ylim(-1.18, 1.08)
        # legend: kinds then relationships present
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
                bbox_to_anchor=(0.785, 0.86),
                frameon=False,
                fontsize=11,
                title="图例 Legend",
                title_fontsize=12,
                alignment="left",
                labelspacing=0.9,
            )
        fig.add_artist(Line2D([0.03, 0.97], [0.085, 0.085], color="#d5dbe1", lw=0.8))
        fig.text(
            0.03, 0.045, _footnote(sources, generated), fontsize=9, color="#5a6673", va="center"
        )
        return _save(fig, fmt, dpi)


def table_picture(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    fmt: str = "png",
    title: str = "",
    sources: Sequence[Source] = (),
    generated: str | None = None,
    max_rows: int = 25,
    dpi: int = 150,
) -> bytes:
    """A table as a 16:9 picture with title and source footnote (the first `max_rows` rows)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    shown = [["" if c is None else str(c) for c in r] for r in rows[:max_rows]]
    with rc_context(_rc()):
        fig = Figure(figsize=(13.3334, 7.5))
        fig.text(0.03, 0.945, title or "courtgraph", fontsize=22, color="#1b2a3a", va="center")
        note = f"共 {len(rows)} 行" + (f"，显示前 {max_rows} 行" if len(rows) > max_rows else "")
        fig.text(0.03, 0.90, note, fontsize=12, color="#5a6673", va="center")
        ax = fig.add_axes((0.03, 0.12, 0.94, 0.74))
        ax.set_axis_off()
        if shown:
            table = ax.table(
                cellText=shown, colLabels=list(columns), loc="upper center", cellLoc="left"
            )
            table.auto_set_font_size(False)
            table.set_fontsize(10 if len(shown) <= 15 else 8)
            table.scale(1, 1.5 if len(shown) <= 15 else 1.15)
            for (r, _c), cell in table.get_celld().items():
                cell.set_edgecolor("#d5dbe1")
                if r == 0:
                    cell.set_facecolor("#1f5fa8")
                    cell.get_text().set_color("white")
                elif r % 2 == 0:
                    cell.set_facecolor("#f4f6f8")
            table.auto_set_column_width(list(range(len(columns))))
        else:
            ax.text(0.5, 0.5, "（无数据）", ha="center", va="center", fontsize=14)
        fig.text(
            0.03, 0.045, _footnote(sources, generated), fontsize=9, color="#5a6673", va="center"
        )
        return _save(fig, fmt, dpi)


# -- slide ----------------------------------------------------------------------------------
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


def slide(
    image_png: bytes,
    *,
    title: str,
    sources: Sequence[Source] = (),
    generated: str | None = None,
    notes: str | None = None,
) -> bytes:
    """A one-slide 16:9 PowerPoint deck: title, the picture, and the list of sources."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    prs = Presentation()
    prs.slide_width = Inches(13.333)
    prs.slide_height = Inches(7.5)
    s = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    box = s.shapes.add_textbox(Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.7))
    para = box.text_frame.paragraphs[0]
    run = para.add_run()
    run.text = title
    run.font.size = Pt(26)
    run.font.bold = True
    run.font.color.rgb = RGBColor(0x1B, 0x2A, 0x3A)
    _east_asian(run)
    # the picture keeps its 16:9 aspect ratio in the space above the source list
    from PIL import Image

    with Image.open(io.BytesIO(image_png)) as im:
        w, h = im.size
    max_w, max_h = Inches(12.5), Inches(5.3)
    scale = min(max_w / w, max_h / h)
    pic_w, pic_h = int(w * scale), int(h * scale)
    left = int((prs.slide_width - pic_w) / 2)
    s.shapes.add_picture(
        io.BytesIO(image_png), Emu(left), Inches(0.95), width=Emu(pic_w), height=Emu(pic_h)
    )
    src_box = s.shapes.add_textbox(Inches(0.4), Inches(6.35), Inches(12.5), Inches(1.0))
    tf = src_box.text_frame
    tf.word_wrap = True
    lines = [f"来源（{len(sources)} 篇）："] if sources else ["来源：courtgraph 知识图谱"]
    for i, src in enumerate(sources[:6], 1):
        lines.append(f"{i}. {src.label()}" + (f"  {src.url}" if src.url else ""))
    if len(sources) > 6:
        lines.append(f"… 另有 {len(sources) - 6} 篇，见导出的表格")
    lines.append(f"制图：courtgraph · 数据截至 {generated or _dt.date.today().isoformat()}")
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        r = p.add_run()
        r.text = line
        r.font.size = Pt(9)
        r.font.color.rgb = RGBColor(0x5A, 0x66, 0x73)
        _east_asian(r)
    if notes:
        s.notes_slide.notes_text_frame.text = notes
    prs.core_properties.title = title
    prs.core_properties.author = "courtgraph"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
