"""How long a briefing (简报) and each figure take: Word and PowerPoint, maps, portfolio.

    python -m benchmarks.figures                       # the shared corpus (seeds + dev)
    python -m benchmarks.figures FOLDER ...            # other article folders
    python -m benchmarks.figures --data-dir DIR        # an existing embedded store, e.g. the
                                                       # 1M-relationship benchmark graph kept
                                                       # by `python -m benchmarks.run --keep`
    python -m benchmarks.figures --data-dir DIR --out benchmarks/results/figures-….json

Ingests the folders into a fresh embedded store (or opens `--data-dir`), then for the most
reported initiatives times `figures.briefing.gather` (the named queries), `to_docx` and
`to_pptx` (drawing the adoption map and the timeline, writing the files), under the high
court of the province with the most reports, under the supreme court when the graph has
one, and without a court when few enough units report it; then each figure of the most
reported initiative (read, then drawn as a 1920 × 1080 PNG): the adoption map under that
high court and under the supreme court, the timeline, the coverage map of the country (when
cnmaps is installed) and the portfolio of the high court; then the briefing of a unit
(`figures.unit_briefing`, DOCX and PPTX) of that high court and of the unit under it whose
units report most. The first run of each case is
cold (fonts and plotting library loaded, no query cached by the store); the median of the
others is warm. `cpu` is the client's CPU seconds (the store's server runs apart): on a busy
shared machine the wall time says how busy the machine was, the CPU time what the work
costs. Targets (issue 13): a whole briefing, DOCX and PPTX, under 5 s on the corpus graph
and under 15 s on the benchmark graph. Nothing is asserted: a missed target is reported.
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
TARGET_S = 5.0  # the corpus graph
TARGET_LARGE_S = 15.0  # the 1M-relationship benchmark graph (--data-dir)


def cases(store: Any, n: int) -> list[tuple[str, str | None]]:
    """(initiative id, court id or None): the `n` most reported initiatives, each under the
    high court of the province with most of its reports; the first also under the supreme
    court (when the graph has one) and without a court (when few enough units report it)."""
    from figures.briefing import MAX_UNSCOPED
    from queries.registry import run

    top = run(store, "top_initiatives", {}).rows[:n]
    courts = run(store, "superior_courts", {}).rows
    highs = {r["province"]: r["court_id"] for r in courts if r["level"] == "high"}
    supreme = next((r["court_id"] for r in courts if r["level"] == "supreme"), None)
    out: list[tuple[str, str | None]] = []
    for r in top:
        events = run(store, "adoption_events", {"initiative": r["initiative_id"]}).rows
        provinces = Counter(e["province"] for e in events if e.get("province") in highs)
        court = highs[provinces.most_common(1)[0][0]] if provinces else None
        out.append((r["initiative_id"], court))
    if top:
        if supreme:
            out.append((top[0]["initiative_id"], supreme))
        if top[0]["units"] <= MAX_UNSCOPED:
            out.append((top[0]["initiative_id"], None))
    return out


def _timed(make: Any, repeat: int) -> tuple[Any, dict[str, Any]]:
    """Run `make` (returning (what, {phase: seconds})) 1 + `repeat` times."""
    runs: list[dict[str, float]] = []
    out = None
    for _ in range(repeat + 1):
        c0 = time.process_time()
        t0 = time.perf_counter()
        out, phases = make()
        runs.append({**phases, "total": time.perf_counter() - t0, "cpu": time.process_time() - c0})
    warm = runs[1:] or runs
    return out, {
        "cold_s": {k: round(v, 3) for k, v in runs[0].items()},
        "warm_median_s": {k: round(statistics.median(r[k] for r in warm), 3) for k in runs[0]},
    }


def time_figures(
    store: Any, initiative: str, court: str | None, supreme: str | None, repeat: int
) -> list[dict[str, Any]]:
    """Each figure of `initiative` (and the portfolio of `court`): read, then drawn (PNG)."""
    from figures import adoption, coverage, portfolio, timeline

    def two(read: Any, draw: Any) -> Any:
        def make() -> tuple[Any, dict[str, float]]:
            t0 = time.perf_counter()
            data = read()
            t1 = time.perf_counter()
            png = draw(data)
            return (data, len(png)), {"read": t1 - t0, "draw": time.perf_counter() - t1}

        return make

    todo: list[tuple[str, str | None, Any]] = []
    for where in (court, supreme):
        if where:
            todo.append(
                (
                    "adoption_map",
                    where,
                    two(
                        lambda w=where: adoption.adoption_map(store, initiative, w),
                        adoption.draw_adoption_map,
                    ),
                )
            )
    todo.append(
        (
            "timeline",
            None,
            two(
                lambda: timeline.checked_timeline(store, initiative),
                lambda tc: timeline.draw_timeline(tc[0], check=tc[1]),
            ),
        )
    )
    if coverage.maps_available():
        todo.append(
            (
                "coverage_map",
                None,
                two(
                    lambda: coverage.coverage_map(store, initiative),
                    coverage.draw_coverage_map,
                ),
            )
        )
    if court:
        todo.append(
            (
                "portfolio",
                court,
                two(lambda: portfolio.portfolio(store, court), portfolio.draw_portfolio),
            )
        )
    results = []
    for name, where, make in todo:
        (data, png_bytes), times = _timed(make, repeat)
        size = (
            len(data.units)
            if name == "adoption_map"
            else len(data.items)
            if name == "portfolio"
            else None
        )
        results.append(
            {"figure": name, "initiative": initiative, "court": where, "items": size}
            | times
            | {"png_bytes": png_bytes}
        )
    return results


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


def unit_cases(store: Any, court: str | None) -> list[str]:
    """`court` and the unit directly under it whose units report most (none without a
    court)."""
    from queries.registry import run

    if not court:
        return []
    parent = {
        r["unit_id"]: r["parent_id"] for r in run(store, "units_under", {"court": court}).rows
    }

    def top(unit: str) -> str:
        while parent.get(unit) not in (court, None):
            unit = parent[unit]
        return unit

    rows = run(store, "unit_portfolio", {"unit": court}).rows
    below = Counter(top(r["unit_id"]) for r in rows if r["depth"] >= 1)
    return [court, *(u for u, _ in below.most_common(1))]


def time_unit_briefing(store: Any, court: str, repeat: int) -> dict[str, Any]:
    """The briefing of `court` and the units under it: gather, DOCX, PPTX."""
    from figures import unit_briefing

    def make() -> tuple[Any, dict[str, float]]:
        t0 = time.perf_counter()
        b = unit_briefing.gather(store, court)
        t1 = time.perf_counter()
        docx = unit_briefing.to_docx(b)
        t2 = time.perf_counter()
        pptx = unit_briefing.to_pptx(b)
        t3 = time.perf_counter()
        return (b, len(docx), len(pptx)), {"gather": t1 - t0, "docx": t2 - t1, "pptx": t3 - t2}

    (b, docx, pptx), times = _timed(make, repeat)
    return {
        "unit": court,
        "units_below": b.units_below,
        "initiatives": len(b.portfolio.items),
        "reports": len(b.reports),
        "outcomes": len(b.outcomes),
        "people": len(b.people),
        "sources": len(b.sources),
        **times,
        "docx_bytes": docx,
        "pptx_bytes": pptx,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="article folders (default: the shared corpus)")
    ap.add_argument("--data-dir", help="use this embedded store instead of ingesting")
    ap.add_argument("--initiatives", type=int, default=3, help="most reported initiatives")
    ap.add_argument("--repeat", type=int, default=3, help="warm runs per case")
    ap.add_argument("--no-figures", action="store_true", help="briefings only")
    ap.add_argument(
        "--units-only", action="store_true", help="the unit briefings only (not the initiatives')"
    )
    ap.add_argument("--out", type=Path, help="also write the results here (JSON)")
    ap.add_argument("--note", default="", help="a line for the results (e.g. machine load)")
    args = ap.parse_args(argv)
    target = TARGET_LARGE_S if args.data_dir else TARGET_S
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
        from queries.registry import run

        with open_store(Settings.from_env()) as store:
            todo = cases(store, args.initiatives)
            results = (
                []
                if args.units_only
                else [time_briefing(store, i, c, args.repeat) for i, c in todo]
            )
            figures: list[dict[str, Any]] = []
            if todo and not args.no_figures and not args.units_only:
                courts = run(store, "superior_courts", {}).rows
                supreme = next((r["court_id"] for r in courts if r["level"] == "supreme"), None)
                figures = time_figures(store, todo[0][0], todo[0][1], supreme, args.repeat)
            units = [
                time_unit_briefing(store, u, args.repeat)
                for u in (unit_cases(store, todo[0][1]) if todo else [])
            ]
    worst = max((r["cold_s"]["total"] for r in [*results, *units]), default=0.0)
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "graph": args.data_dir or "corpus",
        "load": os.getloadavg()[0],
        "note": args.note,
        "target_s": target,
        "worst_cold_total_s": worst,
        "cases": results,
        "figures": figures,
        "unit_briefings": units,
    }
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    if worst > target:
        print(f"target missed: the slowest briefing took {worst:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
