"""`python -m queries.analytics timeline|coverage|provinces|co-adoption|outcomes|panel|events`.

Every command takes `--collections A,B` (only facts the documents of these collections
support) and `--verified` (only facts a reviewer confirmed or corrected), and says how many of
the facts it counts are unverified."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.cli import prog
from graph.errors import CourtgraphError
from queries.analytics import (
    EVENTS_DICTIONARY,
    PANEL_DICTIONARY,
    Tally,
    co_adoption,
    coverage_report,
    early_adopters,
    events_table,
    outcomes_report,
    panel,
    province_counts,
    timeline,
    write_table,
)
from queries.registry import resolve_entity

if TYPE_CHECKING:
    from graph.store import GraphStore


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog=prog("python -m queries.analytics"),
        description="Adoption analytics over the courtgraph store.",
    )
    scope = argparse.ArgumentParser(add_help=False)
    scope.add_argument(
        "--collections",
        metavar="A,B",
        help="count only facts supported by documents of these collections (comma-separated)",
    )
    scope.add_argument(
        "--verified",
        action="store_true",
        help="count only facts a reviewer confirmed or corrected (只看已核实)",
    )
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, **kw: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[scope], **kw)

    t = add("timeline", help="first adoptions, cumulative curve, sequence")
    t.add_argument("initiative")
    c = add("coverage", help="share adopted under a court, level by level")
    c.add_argument("initiative")
    c.add_argument("court")
    pv = add(
        "provinces",
        help="per province and level: courts reported adopting, all courts of that level, share",
    )
    pv.add_argument("initiatives", nargs="*", help="default: every initiative with adopters")
    pv.add_argument(
        "--level",
        action="append",
        choices=("high", "intermediate", "basic", "special"),
        help="levels to count (repeatable; default intermediate and basic)",
    )
    pv.add_argument("--output", "-o", type=Path, help=".csv, .xlsx or .parquet")
    pv.add_argument(
        "--counts", action="store_true", help="(kept for old scripts: counts are always shown)"
    )
    co = add("co-adoption", help="initiatives adopted by the same units")
    co.add_argument("--min-shared", type=int, default=1)
    o = add("outcomes", help="reported figures of an initiative's adopters")
    o.add_argument("initiative")
    pn = add("panel", help="unit-year panel (CSV or Parquet) with a data dictionary")
    pn.add_argument("initiatives", nargs="+")
    pn.add_argument("--output", "-o", type=Path, required=True, help=".csv, .xlsx or .parquet")
    pn.add_argument("--province")
    pn.add_argument("--level", action="append", help="keep these levels (repeatable)")
    ev = add("events", help="adoption-events table (CSV or Parquet)")
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


def _scope(store: GraphStore, args: argparse.Namespace) -> dict[str, Any]:
    """The `--collections` and `--verified` options as keyword arguments; a collection the
    graph does not hold is an error naming those it does (not an empty answer)."""
    from graph.collections import collections, parse_names

    names = parse_names(args.collections) if args.collections else None
    if names:
        known = [c.name for c in collections(store)]
        unknown = [n for n in names if n not in known]
        if unknown:
            raise CourtgraphError(
                f"no collection named {', '.join(unknown)}; the graph holds: "
                f"{', '.join(known) or 'none'} (python -m graph collections)"
            )
    return {"collections": names, "verified_only": bool(args.verified)}


def tally_note(tally: Tally) -> str:
    """What a table says of its facts: how many are unverified (the figures' wording)."""
    from queries.verified import FactCheck

    return FactCheck(*tally).note() or "no facts"


def _dispatch(store: GraphStore, args: argparse.Namespace) -> int:
    scope = _scope(store, args)
    if args.command == "timeline":
        tl = timeline(store, args.initiative, **scope)
        undated = tl.undated_units
        print(
            f"{tl.initiative}: {tl.units} units reported adopting, {len(tl.first)} with a date"
            + (
                f"; {len(undated)} without a date (另有 {len(undated)} 个单位未报道日期)"
                if undated
                else ""
            )
        )
        print(f"facts: {tally_note(tl.tally)}")
        for e in tl.sequence():
            mark = "（文档日期）" if e["date_precision"] == "document" else ""
            print(f"  {e['date']}{mark}  {e['event']:8} {e['unit']}")
        for u in undated:
            print(f"  (no date)  {u['stage']:8} {u['unit']}")
        print("cumulative:", ", ".join(f"{m} {n}" for m, n in tl.cumulative))
        print("by year:", json.dumps(tl.by_year, ensure_ascii=False))
        print("by province:", json.dumps(tl.by_province, ensure_ascii=False))
        print("by level:", json.dumps(tl.by_level, ensure_ascii=False))
    elif args.command == "coverage":
        print(coverage_table(store, args.initiative, args.court, **scope))
    elif args.command == "provinces":
        levels = tuple(args.level or ("intermediate", "basic"))
        counts = province_counts(
            store, levels=levels, initiatives=args.initiatives or None, **scope
        )
        names = (
            sorted(counts.adopted)
            if args.initiatives
            else [n for n in sorted(counts.adopted) if counts.adopted[n]]
        )
        if args.output:
            rows = [r for name in names for r in counts.table(name)]
            write_table(rows, args.output)
            print(f"wrote {args.output}: {len(rows)} rows")
            print(f"facts: {tally_note(counts.tally)}")
        else:
            print(provinces_table(counts, names))
            print(f"facts: {tally_note(counts.tally)}")
    elif args.command == "co-adoption":
        g = co_adoption(store, min_shared=args.min_shared, **scope)
        for a, b, d in sorted(g.edges(data=True), key=lambda e: -e[2]["shared"]):
            print(f"{a} — {b}: {d['shared']} shared units, Jaccard {d['jaccard']:.2f}")
        print("early adopters:")
        for r in early_adopters(store, **scope):
            print(
                f"  {r['place']}. {r['unit']}: mean rank {r['mean_rank']} over "
                f"{r['initiatives']} initiatives"
            )
        print(f"facts: {tally_note(g.graph['tally'])}")
    elif args.command == "outcomes":
        found = outcomes_report(store, args.initiative, **scope)
        print("reported figures (claims in the documents, not measured effects):")
        for r in found.rows:
            q = r["qualifier"] or ""
            print(
                f"  {r['unit']}: {r['metric']} {q}{r['value']:g}{r['unit_of_measure']}"
                f" ({r['period'] or 'period not stated'}; tied to {r['tied_to'] or '—'})"
            )
        if found.truncated:
            print(f"(the first {found.limit:,} figures only: there are more)")
        print(f"facts: {tally_note(found.tally)}")
    elif args.command == "panel":
        made = panel(store, args.initiatives, province=args.province, levels=args.level, **scope)
        for path in write_table(made.rows, args.output, dictionary=PANEL_DICTIONARY):
            print(f"wrote {path}")
        print(f"{len(made.rows)} unit-year rows")
        for name, n in made.adopters.items():
            without = made.undated.get(name, 0)
            print(
                f"{name}: {n} units reported adopting"
                + (
                    f", {without} without a date (reported__ = 1, first_year__ empty)"
                    if without
                    else ""
                )
            )
        print(f"facts: {tally_note(made.tally)}")
    elif args.command == "events":
        iid = (
            resolve_entity(store, args.initiative, label="Initiative") if args.initiative else None
        )
        rows, tally = events_table(store, [iid], **scope)
        for path in write_table(rows, args.output, dictionary=EVENTS_DICTIONARY):
            print(f"wrote {path}")
        print(f"{len(rows)} adoption events")
        print(f"facts: {tally_note(tally)}")
    return 0


def _width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - _width(text), 0)
    return gap + text if right else text + gap


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain text table with aligned columns (numbers right-aligned)."""
    widths = [max(_width(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(_pad(str(h), w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        cells = []
        for i, (x, w) in enumerate(zip(r, widths, strict=True)):
            cells.append(_pad(str(x), w, right=i > 0 and str(x)[:1].isdigit()))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def coverage_table(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> str:
    """What `analytics coverage` prints: the initiative, the court, and per level the units
    reported adopting out of all units of that level below the court."""
    from graph.model import LEVEL_ZH

    iid = resolve_entity(store, initiative, label="Initiative")
    cid = resolve_entity(store, court)
    levels, missing, tally = coverage_report(
        store, iid, cid, collections=collections, verified_only=verified_only
    )
    iname, cname = iid.split(":", 1)[1], cid.split(":", 1)[1]
    out = [
        f"{iname} · coverage under {cname}",
        "units: the courts and tribunals below it, level by level; adopted = reported at any "
        "stage (adopted, piloted, promoted, awarded)",
        "",
    ]
    rows = []
    for lv in levels:
        label = f"{lv.level} {LEVEL_ZH.get(lv.level, '')}".strip()
        if lv.has_denominator:
            share = f"{lv.share:.0%}"
            note = (
                f"{lv.courts_without_roster} basic courts have no tribunal roster"
                if lv.courts_without_roster
                else ""
            )
            rows.append([label, str(lv.adopted), str(lv.units), share, note])
        else:
            rows.append(
                [
                    label,
                    "—",
                    "—",
                    "—",
                    "no roster of tribunals imported: python -m ingest roster FILE",
                ]
            )
    out.append(format_table(["level", "adopted", "units", "share", "note"], rows))
    out.append(f"facts: {tally_note(tally)}")
    out.append("")
    out.append(f"not yet reported ({len(missing)}):")
    out += [f"  {r['unit']} ({r['level']})" for r in missing]
    return "\n".join(out)


def provinces_table(counts: Any, initiatives: Sequence[str]) -> str:
    """What `analytics provinces` prints: per initiative, per province and level, the courts
    reported adopting out of all courts of that level in the province."""
    from graph.model import LEVEL_ZH

    if not initiatives:
        return "no initiative has adopters yet"
    levels = counts.levels
    out = [
        "courts reported adopting (any stage) / all courts of that level in the province "
        f"(levels: {', '.join(f'{lv} {LEVEL_ZH.get(lv, lv)}' for lv in levels)})"
    ]
    for name in initiatives:
        rows = []
        for prov in counts.units:
            cells = [prov]
            any_adopted = False
            for lv in levels:
                a, n = counts.cell(name, prov, lv)
                any_adopted = any_adopted or a > 0
                cells.append(f"{a}/{n} ({a / n:.0%})" if n else "—")
            if any_adopted:
                rows.append(cells)
        out.append("")
        out.append(f"{name}: {len(rows)} provinces with adopting courts")
        if rows:
            header = ["province", *(f"{lv} {LEVEL_ZH.get(lv, lv)}" for lv in levels)]
            out.append(format_table(header, rows))
    return "\n".join(out)


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
