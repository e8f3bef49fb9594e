"""`python -m queries.analytics timeline|coverage|provinces|co-adoption|outcomes|panel|events`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import CourtgraphError
from queries.analytics import (
    EVENTS_DICTIONARY,
    PANEL_DICTIONARY,
    adopter_outcomes,
    co_adoption,
    coverage,
    early_adopters,
    province_counts,
    timeline,
    unit_year_panel,
    write_table,
)
from queries.registry import resolve_entity, run

if TYPE_CHECKING:
    from graph.store import GraphStore


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m queries.analytics",
        description="Adoption analytics over the courtgraph store.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("timeline", help="first adoptions, cumulative curve, sequence")
    t.add_argument("initiative")
    c = sub.add_parser("coverage", help="share adopted under a court, level by level")
    c.add_argument("initiative")
    c.add_argument("court")
    pv = sub.add_parser("provinces", help="province × initiative coverage table")
    pv.add_argument("--output", "-o", type=Path)
    pv.add_argument(
        "--counts", action="store_true", help="numbers of adopting courts instead of shares"
    )
    co = sub.add_parser("co-adoption", help="initiatives adopted by the same units")
    co.add_argument("--min-shared", type=int, default=1)
    o = sub.add_parser("outcomes", help="reported figures of an initiative's adopters")
    o.add_argument("initiative")
    pn = sub.add_parser("panel", help="unit-year panel (CSV or Parquet) with a data dictionary")
    pn.add_argument("initiatives", nargs="+")
    pn.add_argument("--output", "-o", type=Path, required=True, help=".csv, .xlsx or .parquet")
    pn.add_argument("--province")
    pn.add_argument("--level", action="append", help="keep these levels (repeatable)")
    ev = sub.add_parser("events", help="adoption-events table (CSV or Parquet)")
    ev.add_argument("--initiative")
    ev.add_argument("--output", "-o", type=Path, required=True)
    args = p.parse_args(argv)

    from graph.settings import Settings
    from graph.store import open_store

    try:
        with open_store(Settings.from_env()) as store:
            return _dispatch(store, args)
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


def _dispatch(store: GraphStore, args: argparse.Namespace) -> int:
    if args.command == "timeline":
        tl = timeline(store, args.initiative)
        print(f"{tl.initiative}: {len(tl.first)} units with a dated adoption")
        for e in tl.sequence():
            mark = "（文档日期）" if e["date_precision"] == "document" else ""
            print(f"  {e['date']}{mark}  {e['event']:8} {e['unit']}")
        print("cumulative:", ", ".join(f"{m} {n}" for m, n in tl.cumulative))
        print("by year:", json.dumps(tl.by_year, ensure_ascii=False))
        print("by province:", json.dumps(tl.by_province, ensure_ascii=False))
        print("by level:", json.dumps(tl.by_level, ensure_ascii=False))
    elif args.command == "coverage":
        levels, missing = coverage(store, args.initiative, args.court)
        for lv in levels:
            print(f"{lv.level:13} {lv.adopted}/{lv.units} ({lv.share:.0%})")
        print(f"not yet reported ({len(missing)}):")
        for r in missing:
            print(f"  {r['unit']}")
    elif args.command == "provinces":
        counts = province_counts(store)
        cols = sorted(counts.adopted)
        if args.counts:  # adopting courts, with the denominator in its own column
            rows = [
                {"province": prov, "courts": n, **{c: counts.adopted[c].get(prov, 0) for c in cols}}
                for prov, n in counts.units.items()
            ]
        else:
            rows = [
                {"province": prov, **{c: round(counts.share(c, prov), 3) for c in cols}}
                for prov in counts.units
            ]
        if args.output:
            write_table(rows, args.output)
            print(f"wrote {args.output}")
        else:
            for r in rows:
                print(r["province"], {k: v for k, v in r.items() if k != "province" and v})
    elif args.command == "co-adoption":
        g = co_adoption(store, min_shared=args.min_shared)
        for a, b, d in sorted(g.edges(data=True), key=lambda e: -e[2]["shared"]):
            print(f"{a} — {b}: {d['shared']} shared units, Jaccard {d['jaccard']:.2f}")
        print("early adopters:")
        for r in early_adopters(store):
            print(
                f"  {r['place']}. {r['unit']}: mean rank {r['mean_rank']} over "
                f"{r['initiatives']} initiatives"
            )
    elif args.command == "outcomes":
        print("reported figures (claims in the documents, not measured effects):")
        for r in adopter_outcomes(store, args.initiative):
            q = r["qualifier"] or ""
            print(
                f"  {r['unit']}: {r['metric']} {q}{r['value']:g}{r['unit_of_measure']}"
                f" ({r['period'] or 'period not stated'}; tied to {r['tied_to'] or '—'})"
            )
    elif args.command == "panel":
        rows = unit_year_panel(store, args.initiatives, province=args.province, levels=args.level)
        for path in write_table(rows, args.output, dictionary=PANEL_DICTIONARY):
            print(f"wrote {path}")
        print(f"{len(rows)} unit-year rows")
    elif args.command == "events":
        iid = (
            resolve_entity(store, args.initiative, label="Initiative") if args.initiative else None
        )
        rows = run(store, "adoption_events", {"initiative": iid}).rows
        for path in write_table(rows, args.output, dictionary=EVENTS_DICTIONARY):
            print(f"wrote {path}")
        print(f"{len(rows)} adoption events")
    return 0


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
