"""How long a briefing (简报) takes: Word and PowerPoint, on a graph built from real articles.

    python -m benchmarks.figures                       # the shared corpus (seeds + dev)
    python -m benchmarks.figures FOLDER ...            # other article folders
    python -m benchmarks.figures --data-dir DIR        # an existing embedded store

Ingests the folders into a fresh embedded store (or opens `--data-dir`), then for the most
reported initiatives times `figures.briefing.gather` (the named queries), `to_docx` and
`to_pptx` (drawing the adoption map and the timeline, writing the files), under the high
court of the province with the most reports, and without a court. The first run of each case
is cold (fonts and plotting library loaded, no query cached by the store); the median of the
others is warm. `cpu` is the client's CPU seconds (the store's server runs apart): on a busy
shared machine the wall time says how busy the machine was, the CPU time what the work costs. Target (issue 13): a whole briefing, DOCX and PPTX, under 5 s on the corpus
graph. Nothing is asserted: a missed target is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from benchmarks.common import ingested_store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_PATHS = [str(CORPUS / "seeds"), str(CORPUS / "dev" / "articles")]
TARGET_S = 5.0


def cases(store: Any, n: int) -> list[tuple[str, str | None]]:
    """(initiative id, court id or None): the `n` most reported initiatives, each under the
    high court of the province with most of its reports, and the first without a court."""
    from queries.registry import run

    top = run(store, "top_initiatives", {}).rows[:n]
    highs = {
        r["province"]: r["court_id"]
        for r in run(store, "superior_courts", {}).rows
        if r["level"] == "high"
    }
    out: list[tuple[str, str | None]] = []
    for r in top:
        adopters = run(store, "adopters", {"initiative": r["initiative_id"]}).rows
        provinces = Counter(a["province"] for a in adopters if a.get("province") in highs)
        court = highs[provinces.most_common(1)[0][0]] if provinces else None
        out.append((r["initiative_id"], court))
    if top:
        out.append((top[0]["initiative_id"], None))
    return out


def time_briefing(store: Any, initiative: str, court: str | None, repeat: int) -> dict[str, Any]:
    from figures import briefing

    runs: list[dict[str, float]] = []
    sizes: dict[str, int] = {}
    for _ in range(repeat + 1):
        c0 = time.process_time()
        t0 = time.perf_counter()
        b = briefing.gather(store, initiative, court)
        t1 = time.perf_counter()
        docx = briefing.to_docx(b)
        t2 = time.perf_counter()
        pptx = briefing.to_pptx(b)
        t3 = time.perf_counter()
        runs.append(
            {
                "gather": t1 - t0,
                "docx": t2 - t1,
                "pptx": t3 - t2,
                "total": t3 - t0,
                # this process's CPU: what the briefing costs when the shared machine is busy
                "cpu": time.process_time() - c0,
            }
        )
        sizes = {"docx_bytes": len(docx), "pptx_bytes": len(pptx)}
    warm = runs[1:] or runs
    return {
        "initiative": initiative,
        "court": court,
        "units_under_court": len(b.map.units) if b.map else None,
        "adopters": len({a["unit_id"] for a in b.adopters}),
        "sources": len(b.sources),
        "cold_s": {k: round(v, 3) for k, v in runs[0].items()},
        "warm_median_s": {k: round(statistics.median(r[k] for r in warm), 3) for k in runs[0]},
        **sizes,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="article folders (default: the shared corpus)")
    ap.add_argument("--data-dir", help="use this embedded store instead of ingesting")
    ap.add_argument("--initiatives", type=int, default=3, help="most reported initiatives")
    ap.add_argument("--repeat", type=int, default=3, help="warm runs per case")
    args = ap.parse_args(argv)
    context = (
        nullcontext({"COURTGRAPH_DATA_DIR": args.data_dir})
        if args.data_dir
        else ingested_store(args.paths or DEFAULT_PATHS)
    )
    with context as env:
        os.environ["COURTGRAPH_DATA_DIR"] = env["COURTGRAPH_DATA_DIR"]
        os.environ.pop("NEO4J_URI", None)
        from graph.settings import Settings
        from graph.store import open_store

        with open_store(Settings.from_env()) as store:
            results = [
                time_briefing(store, i, c, args.repeat) for i, c in cases(store, args.initiatives)
            ]
    worst = max((r["cold_s"]["total"] for r in results), default=0.0)
    print(
        json.dumps(
            {"target_s": TARGET_S, "worst_cold_total_s": worst, "cases": results},
            ensure_ascii=False,
            indent=1,
        )
    )
    if worst > TARGET_S:
        print(f"target missed: the slowest briefing took {worst:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
