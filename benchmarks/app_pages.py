"""How fast each explorer page answers, on a graph built from real articles.

    python -m benchmarks.app_pages ../shared/corpus/seeds ../shared/corpus/dev/articles data/sample

Ingests the given folders into a fresh embedded store, then runs every page through
Streamlit's AppTest (the same script run a browser triggers) and reports the server time of
the first run (cold caches) and of a rerun (warm caches); plus the time to build the network
view's HTML for a 500-node subgraph. Targets: each page under 1 s; 500-node network under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from benchmarks.common import ingested_store

ROOT = Path(__file__).resolve().parents[1]

PAGES = [
    ("overview", {}),
    ("initiative", {"id": "initiative:诉源治理"}),
    ("unit", {"id": "court:辽宁省本溪市中级人民法院"}),
    ("network", {"id": "court:辽宁省本溪市中级人民法院"}),
    ("path", {"source": "court:辽宁省本溪市明山区人民法院", "target": "initiative:诉源治理"}),
    ("search", {"q": "本溪中院"}),
    ("evidence", {}),
    ("analytics", {"id": "initiative:诉源治理"}),
    ("import", {}),
    ("export", {"id": "court:辽宁省本溪市中级人民法院"}),
]


def time_pages(repeat: int) -> list[dict[str, object]]:
    import streamlit as st
    from streamlit.components.v2.component_manager import BidiComponentManager
    from streamlit.testing.v1 import AppTest

    # AppTest scans every installed distribution for v2 component manifests on each new
    # AppTest (0.3 s with a cold metadata cache): harness work a real server does once at
    # start, and the app has no v2 components, so it is skipped to time the pages themselves
    BidiComponentManager.discover_and_register_components = lambda self, **_kw: None  # type: ignore[method-assign]

    # the server's first run imports the app and opens the store connection (kept by
    # st.cache_resource for the server's life): timed on its own, so every page's "cold"
    # below means the same thing, query caches emptied
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["page"] = "import"
    t0 = time.perf_counter()
    at.run()
    out: list[dict[str, object]] = [
        {
            "page": "(server start: imports, store connection)",
            "cold_s": round(time.perf_counter() - t0, 3),
        }
    ]
    for page, params in PAGES:
        st.cache_data.clear()
        cold, warm = [], []
        for i in range(repeat + 1):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
            at.query_params["page"] = page
            for k, v in params.items():
                at.query_params[k] = v
            t0 = time.perf_counter()
            at.run()
            (cold if i == 0 else warm).append(time.perf_counter() - t0)
            errors = [e.value for e in at.exception] + [e.value for e in at.error]
        out.append(
            {
                "page": page,
                "cold_s": round(cold[0], 3),
                "warm_median_s": round(statistics.median(warm), 3) if warm else None,
                "errors": errors[:1],
            }
        )
    return out


def network_500() -> dict[str, float]:
    import networkx as nx

    from figures import render

    g = nx.MultiDiGraph()
    for i in range(500):
        g.add_node(f"court:法院{i}", kind="Court" if i % 3 else "Initiative", name=f"测试单位{i}")
    for i in range(1, 500):
        g.add_edge(f"court:法院{i}", f"court:法院{(i * 7) % i}", key=f"k{i}", type="PART_OF")
    t0 = time.perf_counter()
    html = render.network_html(g, title="500 个节点")
    return {
        "nodes": 500,
        "html_build_s": round(time.perf_counter() - t0, 3),
        "html_bytes": len(html),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="folders of articles to build the graph from")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with ingested_store(args.paths) as env:
        os.environ["COURTGRAPH_DATA_DIR"] = env["COURTGRAPH_DATA_DIR"]
        os.environ.pop("NEO4J_URI", None)
        result = {"pages": time_pages(args.repeat), "network": network_500()}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
