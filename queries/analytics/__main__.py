"""`python -m queries.analytics timeline|coverage|provinces|co-adoption|outcomes|panel|events`.

Every command takes `--collections A,B` (only facts the documents of these collections
support) and `--verified` (only facts a reviewer confirmed or corrected), and says how many of
the facts it counts are unverified."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.cli import ArgumentParser, prog
from graph.errors import CourtgraphError
from queries.analytics import (
    EARLY_NONE,
    EVENTS_DICTIONARY,
    PANEL_DICTIONARY,
    Tally,
    co_adoption,
    coverage_report,
    early_adopters,
    events_table,
    outcome_scope_note,
    outcomes_report,
    panel,
    province_counts,
    tied_outcome_count,
    timeline,
    write_table,
)
from queries.citations import cited_dictionary, cited_table
from queries.columns import shown_value
from queries.registry import resolve_entity

if TYPE_CHECKING:
    from graph.store import GraphStore


def main(argv: Sequence[str] | None = None) -> int:
    p = ArgumentParser(
        prog=prog("python -m queries.analytics"),
        description="举措推行的统计分析：时间线、辖区覆盖、省份覆盖、共同采用、成效数据、面板与事件表。"
        "每个命令都可用 --collections 只计某些文档集、--verified 只计已核实的事实。",
    )
    scope = ArgumentParser(add_help=False)
    scope.add_argument(
        "--collections",
        metavar="A,B",
        help="只计这些文档集（逗号分隔）的文档所支持的事实",
    )
    scope.add_argument(
        "--verified",
        action="store_true",
        help="只计审核人确认或修改过的事实（只看已核实）",
    )
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, **kw: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[scope], **kw)

    t = add("timeline", help="首次推行、累计曲线和先后顺序")
    t.add_argument("initiative", help="举措名称、别名或 id，例如 诉源治理")
    c = add(
        "coverage",
        help="某法院辖区内各层级的覆盖率（本院报道推行，及经下属人民法庭推行而覆盖的法院）和尚未报道推行的单位",
    )
    c.add_argument("initiative", help="举措名称、别名或 id，例如 诉源治理")
    c.add_argument("court", help="上级法院的名称、简称或 id，例如 本溪中院")
    pv = add(
        "provinces",
        help="按省份和层级：报道推行的法院数、该层级法院总数及占比",
    )
    pv.add_argument("initiatives", nargs="*", help="举措（默认：所有有采用单位的举措）")
    pv.add_argument(
        "--level",
        action="append",
        choices=("high", "intermediate", "basic", "special"),
        help="统计的层级（可重复；默认 intermediate 和 basic）",
    )
    pv.add_argument("--output", "-o", type=Path, help="写入文件：.csv、.xlsx 或 .parquet")
    pv.add_argument("--counts", action="store_true", help="（为旧脚本保留：总是显示计数）")
    co = add(
        "co-adoption",
        help="被同一批单位共同推行的举措，以及先行单位",
        description="被同一批单位共同推行的举措对（共同推行单位数、Jaccard 相似度 = 共同推行单位数 ÷ "
        "推行任一项的单位数），以及先行单位：推行两项以上有日期的举措的单位，按先行比例排序（在它推行"
        "的每项举措中，其他推行单位里确定早于它的占多少，再取平均；0% = 每项都最早）。只有另有单位"
        "报道了推行日期、可以比较先后的举措才计入（计入两项的门槛和平均）。",
    )
    co.add_argument("--min-shared", type=int, default=1, help="至少共同推行的单位数（默认 1）")
    o = add("outcomes", help="推行某项举措的单位报告的成效数据")
    o.add_argument("initiative", help="举措名称、别名或 id，例如 诉源治理")
    pn = add("panel", help="单位-年份面板（CSV、Excel 或 Parquet），附数据字典")
    pn.add_argument("initiatives", nargs="+", help="一项或多项举措")
    pn.add_argument(
        "--output", "-o", type=Path, required=True, help="写入文件：.csv、.xlsx 或 .parquet"
    )
    pn.add_argument("--province", help="只含这个省份的单位，例如 辽宁省")
    pn.add_argument("--level", action="append", help="只含这些层级（可重复）")
    ev = add("events", help="推行事件表（CSV、Excel 或 Parquet），附数据字典")
    ev.add_argument("--initiative", help="只含这项举措（默认：全部）")
    ev.add_argument(
        "--output", "-o", type=Path, required=True, help="写入文件：.csv、.xlsx 或 .parquet"
    )
    args = p.parse_args(argv)

    from graph.settings import Settings
    from graph.store import open_store

    try:
        with open_store(Settings.from_env()) as store:
            code = _dispatch(store, args)
            note = demo_note(store, args)
            if note:
                print(note, file=sys.stderr)
            return code
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


def demo_note(store: GraphStore, args: argparse.Namespace) -> str | None:
    """A line for stderr when the answer may include the demo's invented facts: no
    collections were chosen and demo documents are in the graph (as the named queries say)."""
    from graph.collections import DEMO_COLLECTION, has_demo

    if getattr(args, "collections", None) or not has_demo(store):
        return None
    return (
        f"注意：图中有演示文档（文档集「{DEMO_COLLECTION}」，内容为虚构的示例事实）；只看自己的文档用 "
        f"--collections 文档集名称，或删除它们：`python -m graph delete-collection "
        f"{DEMO_COLLECTION}`"
    )


def _scope(store: GraphStore, args: argparse.Namespace) -> dict[str, Any]:
    """The `--collections` and `--verified` options as keyword arguments; a collection the
    graph does not hold is an error naming those it does (not an empty answer)."""
    from graph.collections import parse_names
    from queries.scope import check_collections

    names = parse_names(args.collections) if args.collections else None
    check_collections(store, names or [])
    return {"collections": names, "verified_only": bool(args.verified)}


#: what the early adopters' number means, said once above their list
EARLY_HEADER = (
    "先行单位（按先行比例排序：在它推行的每项有日期、且另有单位有推行日期可比较的举措中，"
    "其他推行单位里确定早于它的占多少，再取平均；0% = 每项都最早，100% = 每项都最晚）："
)


def early_line(row: dict[str, Any]) -> str:
    """One early adopter (`early_adopters`' row) in words: its mean percentile rank (0.125) as
    the share of the other adopters that were earlier (12.5%).

    >>> early_line({"place": 1, "unit": "甲中院", "initiatives": 3, "mean_rank": 0.0})
    '  1. 甲中院：推行 3 项举措，每项都最早（没有其他单位确定早于它）'
    >>> early_line({"place": 2, "unit": "乙法院", "initiatives": 4, "mean_rank": 0.125})
    '  2. 乙法院：推行 4 项举措，平均有 12.5% 的其他推行单位早于它'
    >>> early_line({"place": 3, "unit": "丙法院", "initiatives": 2, "mean_rank": 1.0})
    '  3. 丙法院：推行 2 项举措，每项都最晚（其他推行单位都早于它）'
    """
    rank = float(row["mean_rank"])
    if rank <= 0:
        where = "每项都最早（没有其他单位确定早于它）"
    elif rank >= 1:
        where = "每项都最晚（其他推行单位都早于它）"
    else:
        where = f"平均有 {round(rank * 100, 1):g}% 的其他推行单位早于它"
    return f"  {row['place']}. {row['unit']}：推行 {row['initiatives']} 项举措，{where}"


def tally_note(tally: Tally) -> str:
    """What a table says of its facts: how many are unverified (the figures' wording)."""
    from queries.verified import FactCheck

    return FactCheck(*tally).note() or "没有事实"


def cumulative_lines(cumulative: list[tuple[str, int]], document_dated: int = 0) -> list[str]:
    """The cumulative count by month, with units known only by their year on a line of their
    own: a year bucket (2024) inside the monthly list reads as if its units came before
    2024-01; and how many of the counted units are placed only by their article's date
    (`document_dated`), which is no month the text gives.

    >>> cumulative_lines([("2023-11", 1), ("2024", 2), ("2024-03", 3)])
    ['累计（按月，日期精确到月或日的单位）：2023-11 1，2024-03 2', '只知年份的单位（未计入按月累计）：2024 年 1 个']
    """
    months: list[tuple[str, int]] = []
    years: dict[str, int] = {}
    before = 0
    for key, total in cumulative:
        added, before = total - before, total
        if len(key) == 4:
            years[key] = years.get(key, 0) + added
        else:
            months.append((key, (months[-1][1] if months else 0) + added))
    note = (
        [f"其中 {document_dated} 个单位文中未写推行时间，按报道文档的日期计入（实际推行可能更早）"]
        if document_dated
        else []
    )
    if not years:
        return ["累计：" + "，".join(f"{m} {n}" for m, n in months), *note]
    lines = []
    if months:
        lines.append(
            "累计（按月，日期精确到月或日的单位）：" + "，".join(f"{m} {n}" for m, n in months)
        )
        lines += note
    lines.append(
        "只知年份的单位（未计入按月累计）：" + "，".join(f"{y} 年 {n} 个" for y, n in years.items())
    )
    return lines


def _dispatch(store: GraphStore, args: argparse.Namespace) -> int:
    from graph.model import LEVEL_ZH, STAGE_ZH

    scope = _scope(store, args)
    if args.command == "timeline":
        tl = timeline(store, args.initiative, **scope)
        undated = tl.undated_units
        print(
            f"{tl.initiative}：共 {tl.units} 个单位报道推行，其中 {len(tl.first)} 个有日期"
            + (f"；另有 {len(undated)} 个单位未报道日期" if undated else "")
        )
        print(f"事实：{tally_note(tl.tally)}")
        for e in tl.sequence():
            mark = "（文档日期）" if e["date_precision"] == "document" else ""
            print(f"  {e['date']}{mark}  {EVENT_ZH.get(e['event'], e['event'])}  {e['unit']}")
        for u in undated:
            print(f"  （无日期）  {STAGE_ZH.get(u['stage'], u['stage'])}  {u['unit']}")
        for line in cumulative_lines(tl.cumulative, tl.document_dated):
            print(line)
        print("按年份：" + "，".join(f"{y} 年 {n}" for y, n in tl.by_year.items()))
        print("按省份：" + "，".join(f"{k or '未知'} {n}" for k, n in tl.by_province.items()))
        print(
            "按层级："
            + "，".join(
                f"{LEVEL_ZH.get(k or '', k or '未知')} {n}" for k, n in tl.by_level.items()
            ),
        )
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
            print(f"已写入 {args.output}：{len(rows)} 行")
            print(f"事实：{tally_note(counts.tally)}")
        else:
            print(provinces_table(counts, names))
            print(f"事实：{tally_note(counts.tally)}")
    elif args.command == "co-adoption":
        g = co_adoption(store, min_shared=args.min_shared, **scope)
        for a, b, d in sorted(g.edges(data=True), key=lambda e: -e[2]["shared"]):
            print(f"{a} — {b}：共同推行单位 {d['shared']} 个，Jaccard {d['jaccard']:.2f}")
        early = early_adopters(store, **scope)
        print(EARLY_HEADER if early else f"先行单位：{EARLY_NONE}")
        for r in early:
            print(early_line(r))
        print(f"事实：{tally_note(g.graph['tally'])}")
    elif args.command == "outcomes":
        found = outcomes_report(store, args.initiative, **scope)
        print("报告的数据（文档中各单位自述的数字，不是测得的成效）：")
        for r in found.rows:
            q = r["qualifier"] or ""
            # another copy giving the same figure otherwise (数字有改动): said, as the tables do
            conflict = f"；数字冲突：{r['conflict']}" if r.get("conflict") else ""
            print(
                f"  {r['unit']}：{r['metric']} {q}{r['value']:g}{r['unit_of_measure']}"
                f"（范围：{r['scope']}；{r['period'] or '未注明期间'}；"
                f"关联举措：{r['tied_to'] or '—'}；{shown_value('status', r['status'])}{conflict}）"
            )
        if found.truncated:
            print(f"（只列出前 {found.limit:,} 项：还有更多）")
        tied, more = tied_outcome_count(store, args.initiative, **scope)
        print(outcome_scope_note(tied=tied, adopters=found.total, listing="adopters", more=more))
        print(f"事实：{tally_note(found.tally)}")
    elif args.command == "panel":
        made = panel(store, args.initiatives, province=args.province, levels=args.level, **scope)
        for path in write_table(made.rows, args.output, dictionary=PANEL_DICTIONARY):
            print(f"已写入 {path}")
        print(f"单位-年份 {len(made.rows)} 行")
        for name, n in made.adopters.items():
            without = made.undated.get(name, 0)
            print(
                f"{name}：{n} 个单位报道推行"
                + (
                    f"，其中 {without} 个没有日期（reported__ = 1，first_year__ 为空）"
                    if without
                    else ""
                )
            )
        print(f"事实：{tally_note(made.tally)}")
    elif args.command == "events":
        iid = (
            resolve_entity(store, args.initiative, label="Initiative") if args.initiative else None
        )
        rows, tally = events_table(store, [iid], **scope)
        rows = cited_table(store, rows)  # year, and each fact's sentence, title and URL
        for path in write_table(rows, args.output, dictionary=cited_dictionary(EVENTS_DICTIONARY)):
            print(f"已写入 {path}")
        print(f"推行事件 {len(rows)} 条")
        print(f"事实：{tally_note(tally)}")
    return 0


#: the timeline's events (Timeline.sequence) in the words of the printout
EVENT_ZH = {"adopted": "推行", "piloted": "试点", "endorsed": "上级推广", "awarded": "获评"}


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


def _tribunal_name(tribunal: str, court: str) -> str:
    """A tribunal's name without its court's (天荒坪人民法庭 under 安吉县人民法院)."""
    return tribunal[len(court) :] if tribunal.startswith(court) and tribunal != court else tribunal


def coverage_table(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> str:
    """What `analytics coverage` prints (in Chinese): the initiative, the court, and per level
    the units reporting it themselves, the courts covered through their tribunals and all
    units of that level below the court; then the courts covered through their tribunals
    (with which) and the units not yet reported."""
    from graph.model import LEVEL_ZH, LEVELS
    from queries.analytics import (
        AREA_ROLLOUT_NOTE,
        AREA_ROLLOUT_ZH,
        area_rollouts,
        not_reported_caveat,
        rollout_zh,
    )

    iid = resolve_entity(store, initiative, label="Initiative")
    cid = resolve_entity(store, court)
    # asked for once: the notes beside the units and the court's own report below
    rollouts = area_rollouts(store, iid, cid, collections=collections, verified_only=verified_only)
    levels, missing, tally = coverage_report(
        store, iid, cid, collections=collections, verified_only=verified_only, rollouts=rollouts
    )
    iname, cname = iid.split(":", 1)[1], cid.split(":", 1)[1]
    out = [
        f"{iname} · {cname}辖区覆盖情况",
        "统计其下各级法院和人民法庭；本院报道推行 = 文档报道该单位推行、试点、推广部署或获评"
        "（任一阶段）；下属人民法庭已推行 = 本院未见报道，但其人民法庭有推行报道；"
        "覆盖率 =（本院报道推行 + 下属人民法庭已推行）/ 单位数",
        "",
    ]
    rows = []
    for lv in levels:
        label = LEVEL_ZH.get(lv.level, lv.level)
        if lv.has_denominator:
            note = (
                f"{lv.courts_without_roster} 个基层法院未导入人民法庭名录"
                if lv.courts_without_roster
                else ""
            )
            rows.append(
                [
                    label,
                    str(lv.adopted),
                    "—" if lv.level == "tribunal" else str(len(lv.through)),
                    str(lv.units),
                    f"{lv.share:.0%}",
                    f"{lv.covered_share:.0%}",
                    note,
                ]
            )
        else:
            rows.append(
                [
                    label,
                    "—",
                    "—",
                    "—",
                    "—",
                    "—",
                    "未导入人民法庭名录：python -m ingest roster 名录文件",
                ]
            )
    out.append(
        format_table(
            [
                "层级",
                "本院报道推行",
                "下属人民法庭已推行",
                "单位数",
                "本院报道占比",
                "覆盖率",
                "说明",
            ],
            rows,
        )
    )
    out.append(f"事实：{tally_note(tally)}")
    whole = [r for r in rollouts if r["above"]]
    if whole:  # the court's own report (or its superiors'), which the counts below leave out
        out.append("")
        out.append(f"本院或上级法院报道在全辖推行（{len(whole)}）：")
        out += [f"  {rollout_zh(r)}  {r['fact_id']}" for r in whole]
    through = [r for lv in levels for r in lv.through]
    if through:
        out.append("")
        out.append(f"下属人民法庭已推行（{len(through)}）：")
        for r in through:
            names = "、".join(_tribunal_name(t, r["unit"]) for t in r["tribunals"])
            out.append(f"  {r['unit']}（{LEVEL_ZH.get(r['level'], r['level'])}）：{names}")
    out.append("")
    out.append(f"尚未报道推行（{len(missing)}）：")
    # by level (高院, 中院, 基层, 专门), then by name, as the briefing lists them
    order = {level: i for i, level in enumerate(LEVELS)}
    missing = sorted(missing, key=lambda r: (order.get(r["level"] or "", len(order)), r["unit"]))
    out += [
        f"  {r['unit']}（{LEVEL_ZH.get(r['level'] or '', r['level'] or '未知')}）"
        + (
            f"  {AREA_ROLLOUT_ZH}：{r['rollout']['court']}（{r['rollout']['scope']}）"
            if r.get("rollout")
            else ""
        )
        for r in missing
    ]
    if missing:
        out.append(not_reported_caveat(verified_only))
    if any(r.get("rollout") for r in missing):
        out.append(AREA_ROLLOUT_NOTE)
    return "\n".join(out)


def provinces_table(counts: Any, initiatives: Sequence[str]) -> str:
    """What `analytics provinces` prints: per initiative, per province and level, the courts
    reported adopting out of all courts of that level in the province."""
    from graph.model import LEVEL_ZH

    if not initiatives:
        return "还没有哪项举措有推行单位"
    levels = counts.levels
    out = [
        "报道推行（任一阶段）的法院 / 该省该层级的法院总数"
        f"（层级：{'、'.join(LEVEL_ZH.get(lv, lv) for lv in levels)}）"
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
        out.append(f"{name}：{len(rows)} 个省份有报道推行的法院")
        if rows:
            header = ["省份", *(LEVEL_ZH.get(lv, lv) for lv in levels)]
            out.append(format_table(header, rows))
    return "\n".join(out)


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
