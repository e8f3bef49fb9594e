"""The co-adoption network (共同采用网络) as a self-contained HTML page: vis-network inlined
from pyvis's bundled copy, the bundled CJK font stack, no request leaves the page."""

from __future__ import annotations

import math
from typing import Any

NETWORK_HEIGHT = 520


def co_adoption_html(graph: Any, *, height: int = NETWORK_HEIGHT) -> str:
    """An offline vis-network page of the co-adoption graph (undirected, seeded layout).

    vis-network is inlined from pyvis's bundled copy, as `figures.render.network_html` does;
    that function draws directed fact edges with arrows, which would misread here.
    """
    from figures import render

    connected = graph.subgraph([v for v in graph.nodes if graph.degree(v) > 0])
    pos = render.layout(connected, seed=render.DEFAULT_SEED)
    spread = 260.0 * max(1.0, math.sqrt(connected.number_of_nodes() / 10.0))
    color = render.style_of("Initiative").color
    nodes = [
        {
            "id": v,
            "label": render.wrap(v, 8),
            "title": f"{v}\n推行单位：{a.get('adopters', 0)}",
            "x": round(pos[v][0] * spread * 1.6, 1),
            "y": round(-pos[v][1] * spread, 1),
            "size": round(10 + 5 * math.sqrt(a.get("adopters", 1)), 1),
            "color": {"background": color, "border": "#ffffff"},
            "shape": "dot",
        }
        for v, a in sorted(connected.nodes(data=True))
    ]
    edges = [
        {
            "from": a,
            "to": b,
            "label": str(d["shared"]),
            "title": f"{a} — {b}\n共同采用：{d['shared']} 个单位，Jaccard {d['jaccard']:.2f}",
            "width": round(1 + 2.5 * math.log1p(d["shared"]), 1),
        }
        for a, b, d in sorted(connected.edges(data=True))
    ]
    options = {
        "layout": {"randomSeed": render.DEFAULT_SEED, "improvedLayout": False},
        # vis settles the seeded start positions (deterministic), then physics is switched off
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "centralGravity": 0.02,
                "springLength": 130,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": True, "iterations": 300, "fit": True},
        },
        "nodes": {
            "font": {"size": 14, "face": render.CSS_FONT_STACK, "strokeWidth": 3},
            "borderWidth": 1.5,
        },
        "edges": {
            "color": {"color": "#c9a26b", "highlight": "#e08a1e"},
            "font": {"size": 11, "color": "#666666", "strokeWidth": 3, "align": "middle"},
            "smooth": False,
        },
        "interaction": {"hover": True, "tooltipDelay": 150},
    }
    js, css = render.vis_network_assets()
    return _CO_PAGE.format(
        vis_css=css,
        vis_js=js.replace("</script", "<\\/script"),
        font=render.CSS_FONT_STACK,
        height=int(height),
        nodes=render.script_json(nodes),
        edges=render.script_json(edges),
        options=render.script_json(options),
    )


_CO_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>共同采用网络</title>
<style>{vis_css}</style>
<style>
  html, body {{ margin: 0; padding: 0; background: #fff; font-family: {font}; }}
  #cg-network {{ width: 100%; height: {height}px; border: 1px solid #e3e6ea;
    border-radius: 6px; box-sizing: border-box; }}
</style></head>
<body><div id="cg-network"></div>
<script>{vis_js}</script>
<script>
(function () {{
  var data = {{nodes: new vis.DataSet({nodes}), edges: new vis.DataSet({edges})}};
  var network = new vis.Network(document.getElementById("cg-network"), data, {options});
  window.cgNetwork = network;
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{physics: {{enabled: false}}}});
  }});
  network.once("afterDrawing", function () {{ document.body.setAttribute("data-drawn", "1"); }});
}})();
</script></body></html>
"""
