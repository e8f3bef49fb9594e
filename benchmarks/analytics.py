"""Time every analysis of `queries.analytics` end to end on a loaded benchmark graph.

The analyses are what a user waits for (named queries plus the Python and networkx work on
their rows), so they are timed as the CLI and the app call them. Target (issue #4): each
answers in under 2 seconds on the 1,000,000-relationship benchmark graph.

    # load the graph once and keep it (prints the data directory it kept)
    python -m benchmarks.run --load-only --keep
    # then time the analyses on it
    COURTGRAPH_DATA_DIR=/tmp/courtgraph-bench-… python -m benchmarks.analytics

Parameters come from the generator's manifest (seeded): the most adopted initiatives, a
typical one, coverage under the supreme court, a high court and an intermediate court.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.settings import Settings
from graph.store import open_store
from queries import analytics
from queries.registry import run

TARGET_S = 2.0
DATA = Path(__file__).resolve().parent / "data"


def cases(samples: dict[str, Any]) -> list[tuple[str, Callable[[Any], Any]]]:
    ranked = [x["id"] for x in samples["initiatives_by_adopters"]]
    popular, typical = ranked[0], ranked[len(ranked) // 2]
    supreme, high, inter = samples["supreme"], samples["high"][5], samples["intermediate"][0]
    province = samples["provinces"][0]
    return [
        ("timeline (most adopted)", lambda s: analytics.timeline(s, popular)),
        ("timeline (typical)", lambda s: analytics.timeline(s, typical)),
        ("coverage under the supreme court", lambda s: analytics.coverage(s, popular, supreme)),
        ("coverage under a high court", lambda s: analytics.coverage(s, popular, high)),
        ("coverage under an intermediate court", lambda s: analytics.coverage(s, typical, inter)),
        ("province matrix (all initiatives)", lambda s: analytics.province_matrix(s)),
        ("co-adoption network", lambda s: analytics.co_adoption(s)),
        ("early adopters", lambda s: analytics.early_adopters(s)),
        ("adopters' outcomes (most adopted)", lambda s: analytics.adopter_outcomes(s, popular)),
        ("adopters' outcomes (typical)", lambda s: analytics.adopter_outcomes(s, typical)),
        (
            "unit-year panel, all units, 2 initiatives",
            lambda s: analytics.unit_year_panel(s, [popular, typical]),
        ),
        (
            "unit-year panel, one province",
            lambda s: analytics.unit_year_panel(s, [popular], province=province),
        ),
        ("adoption events (all)", lambda s: run(s, "adoption_events", {})),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA / "seed1-scale1")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the timings here")
    args = parser.parse_args(argv)
    samples = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))["samples"]
    out = []
    with open_store(Settings.from_env()) as store:
        print(f"store: {store.description}")
        print(f"| analysis | best s | median s | worst s | under {TARGET_S:g} s |")
        print("|---|---|---|---|---|")
        for name, fn in cases(samples):
            fn(store)  # warm-up: caches of the server and the driver
            times = []
            for _ in range(args.reps):
                t0 = time.perf_counter()
                fn(store)
                times.append(time.perf_counter() - t0)
            worst = max(times)
            ok = "✓" if worst < TARGET_S else "✗"
            print(
                f"| {name} | {min(times):.2f} | {statistics.median(times):.2f} | "
                f"{worst:.2f} | {ok} |",
                flush=True,
            )
            out.append({"analysis": name, "seconds": times})
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
