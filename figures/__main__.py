"""`python -m figures map | timeline | brief`: slide-ready pictures and briefings.

map        the adoption map of an initiative under a court (.png .svg .pptx)
timeline   the diffusion timeline of an initiative (.png .svg; .pptx: the picture and its data)
brief      a briefing of an initiative, optionally under a court, or of a unit and the units
           under it (--unit) (.docx report, .pptx deck)
portfolio  the initiatives a court and the units under it report (.png .svg .pptx)
coverage   the coverage map of an initiative by province, or by prefecture (.png .svg .pptx)
table      any named query's rows as a table picture or native PowerPoint tables

The file's extension names the format; the file is written whole or not at all.
--collection (repeatable) counts only the facts of those collections' documents (文档集), as the
explorer's sidebar does; the picture or the briefing names them.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graph.cli import ArgumentParser, prog
from graph.errors import CourtgraphError
from graph.export import give_usual_mode
from graph.settings import Settings

FORMATS = {
    "map": (".png", ".svg", ".pptx"),
    "timeline": (".png", ".svg", ".pptx"),
    "brief": (".docx", ".pptx"),
    "portfolio": (".png", ".svg", ".pptx"),
    "coverage": (".png", ".svg", ".pptx"),
    "table": (".png", ".svg", ".pptx"),
}


def _write(path: Path, make: Callable[[], bytes]) -> None:
    if not path.parent.is_dir():
        raise CourtgraphError(f"{path}：文件夹 {path.parent} 不存在")
    data = make()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        give_usual_mode(tmp)  # a picture for colleagues, not a private temporary file
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog=prog("python -m figures"),
        description="生成可直接放进幻灯片的图和简报：采用情况图、扩散时间线、简报、改革举措一览、"
        "覆盖地图、命名查询的表格。文件扩展名决定格式，文件要么完整写出，要么不写。 "
        "`python -m figures 子命令 --help` 说明各子命令。",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_ in (
        ("map", "一个举措在某法院辖区的采用情况图"),
        ("timeline", "一个举措的扩散时间线"),
        ("brief", "一个举措或单位的简报：Word 报告或 PowerPoint 演示文稿"),
        ("portfolio", "一个法院及其下属单位报道的改革举措一览"),
        ("coverage", "一个举措的覆盖地图：按省，或按一个省内的地市"),
        ("table", "把一个命名查询的结果做成表格图片或 PowerPoint 表格"),
    ):
        p = sub.add_parser(name, help=help_)
        if name == "table":
            p.add_argument("query", help="命名查询，如 adopters（见 python -m queries --list）")
            p.add_argument(
                "--param",
                action="append",
                default=[],
                metavar="KEY=VALUE",
                help="查询参数（可重复），如 initiative=诉源治理",
            )
            p.add_argument("--title", help="表格的标题（默认：查询的标题）")
        elif name == "portfolio":
            p.add_argument("court", help="法院（名称或 ID），如 本溪中院")
        elif name == "brief":
            p.add_argument(
                "initiative", nargs="?", help="举措（名称或 ID），如 诉源治理（或改用 --unit）"
            )
            p.add_argument(
                "--court",
                help="只看这个法院及其下属单位，如 本溪中院 或 辽宁高院（默认：全部单位）",
            )
            p.add_argument(
                "--unit",
                help="不给举措时：这个法院及其下属单位的简报（按类别列出举措、报道的数据、人员），"
                "如 本溪中院",
            )
        elif name == "coverage":
            p.add_argument("initiative", help="举措（名称或 ID），如 诉源治理")
            p.add_argument("--province", help="按这个省内的地市画，如 辽宁省（默认：按省）")
            p.add_argument(
                "--level",
                action="append",
                choices=("high", "intermediate", "basic", "special"),
                help="只计这些层级的法院（可重复；high 高院、intermediate 中院、basic 基层法院、"
                "special 专门法院；默认：全部法院）",
            )
        else:
            p.add_argument("initiative", help="举措（名称或 ID），如 诉源治理")
            p.add_argument(
                "--court",
                required=name == "map",
                help="只看这个法院及其下属单位，如 本溪中院 或 辽宁高院"
                + ("" if name == "map" else "（默认：全部单位）"),
            )
        p.add_argument(
            "--output",
            "-o",
            type=Path,
            required=True,
            help=f"输出文件，扩展名决定格式：{'、'.join(FORMATS[name])}",
        )
        p.add_argument(
            "--collection",
            action="append",
            default=[],
            metavar="NAME",
            help="只计这个文档集的文档所支持的事实（可重复；默认：全部文档），如 2024年工作报告；"
            "图或简报会注明",
        )
        if name != "table":
            p.add_argument(
                "--verified-only",
                action="store_true",
                help="只看审核人确认或修改过的事实（只看已核实；默认：全部事实，脚注说明其中"
                "多少条尚未核实）",
            )
        if name != "brief":
            p.add_argument(
                "--scale",
                type=int,
                choices=(1, 2, 3),
                default=1,
                help="放大倍数（默认 1；印刷用 2）",
            )
    args = parser.parse_args(argv)
    suffix = args.output.suffix.lower()
    try:
        if args.command == "brief":
            _check_brief(args)
        if suffix not in FORMATS[args.command]:
            raise CourtgraphError(
                f"{args.output}：{args.command} 可写 {'、'.join(FORMATS[args.command])}"
                "（扩展名决定格式）"
            )
        from graph.store import open_store

        with open_store(Settings.from_env()) as store:
            _write(args.output, lambda: _make(store, args, suffix))
        print(f"已写入 {args.output}")
        return 0
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


def _make(store: object, args: argparse.Namespace, suffix: str) -> bytes:
    from figures import adoption, briefing, portfolio, timeline
    from figures.report import demo_count
    from queries.scope import chosen

    if args.command == "table":
        return _table(store, args, suffix)
    only = bool(getattr(args, "verified_only", False))
    # the collections' documents are found once for every query the figure asks
    scope = chosen(store, getattr(args, "collection", None))  # type: ignore[arg-type]
    names = scope.names
    if args.command == "coverage":
        from figures import coverage

        cov = coverage.coverage_map(
            store,  # type: ignore[arg-type]
            args.initiative,
            province=args.province,
            levels=args.level,
            verified_only=only,
            collections=scope,
        )
        demo = demo_count(store, cov.doc_ids, collections=names)  # type: ignore[arg-type]
        if suffix == ".pptx":
            return coverage.to_pptx(cov, demo=demo)
        return coverage.draw_coverage_map(cov, fmt=suffix[1:], scale=args.scale, demo=demo)
    if args.command == "portfolio":
        pf = portfolio.portfolio(
            store,  # type: ignore[arg-type]
            args.court,
            verified_only=only,
            collections=scope,
        )
        demo = demo_count(store, pf.doc_ids, collections=names)  # type: ignore[arg-type]
        docs = [s.label() for s in cited(store, pf.doc_ids)]  # named in the footnote
        if suffix == ".pptx":
            return portfolio.to_pptx(pf, demo=demo, documents=docs)
        return portfolio.draw_portfolio(
            pf, fmt=suffix[1:], scale=args.scale, demo=demo, documents=docs
        )
    if args.command == "brief" and getattr(args, "unit", None):
        from figures import unit_briefing

        ub = unit_briefing.gather(
            store,  # type: ignore[arg-type]
            args.unit,
            verified_only=only,
            collections=scope,
        )
        return unit_briefing.to_docx(ub) if suffix == ".docx" else unit_briefing.to_pptx(ub)
    if args.command == "brief":
        b = briefing.gather(
            store,  # type: ignore[arg-type]
            args.initiative,
            args.court,
            verified_only=only,
            collections=scope,
        )
        return briefing.to_docx(b) if suffix == ".docx" else briefing.to_pptx(b)
    if args.command == "map":
        data = adoption.adoption_map(
            store,  # type: ignore[arg-type]
            args.initiative,
            args.court,
            verified_only=only,
            collections=scope,
        )
        demo = demo_count(store, data.doc_ids, collections=names)  # type: ignore[arg-type]
        docs = [s.label() for s in cited(store, data.doc_ids)]  # named in the footnote
        if suffix == ".pptx":
            return adoption.to_pptx(data, demo=demo, documents=docs)
        return adoption.draw_adoption_map(
            data, fmt=suffix[1:], scale=args.scale, demo=demo, documents=docs
        )
    units, court = None, None
    if args.court:  # the court and the units under it, as the map and the briefing count them
        under = adoption.adoption_map(
            store,  # type: ignore[arg-type]
            args.initiative,
            args.court,
            verified_only=only,
            collections=scope,
        )
        units, court = under.ids, under.court.name
    tl, check = timeline.checked_timeline(
        store,  # type: ignore[arg-type]
        args.initiative,
        verified_only=only,
        scope=units,
        collections=scope,
    )
    if court:  # the picture's title says whose units it shows
        from dataclasses import replace

        from figures.names import short_court_name

        tl = replace(tl, initiative=f"{tl.initiative}（{short_court_name(court)}辖区）")
    demo = demo_count(store, timeline.doc_ids(tl), collections=names)  # type: ignore[arg-type]
    if suffix == ".pptx":
        return timeline.to_pptx(tl, check=check, demo=demo, collections=names)
    return timeline.draw_timeline(
        tl, fmt=suffix[1:], scale=args.scale, check=check, demo=demo, collections=names
    )


def _check_brief(args: argparse.Namespace) -> None:
    """An initiative (optionally --court) or --unit: one of the two briefings."""
    if args.unit and (args.initiative or args.court):
        raise CourtgraphError(
            "brief：请给出举措（python -m figures brief 诉源治理 --court 本溪中院）或 "
            "--unit（python -m figures brief --unit 本溪中院），不要同时给出"
        )
    if not args.unit and not args.initiative:
        raise CourtgraphError(
            "brief：请给出举措（如 诉源治理），或用 --unit 给出单位（如 本溪中院）"
        )


def _table(store: object, args: argparse.Namespace, suffix: str) -> bytes:
    from figures import render
    from queries.registry import REGISTRY, run
    from queries.scope import chosen

    if args.query not in REGISTRY:
        raise CourtgraphError(f"没有名为 {args.query!r} 的命名查询；见 python -m queries --list")
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise CourtgraphError(f"--param {item!r}：请写成 名称=值，如 initiative=诉源治理")
        params[key] = value
    named = getattr(args, "collection", None)
    if named:
        _check_collections(args.query, params)
    elif params.get("collections") and _takes_collections(args.query):
        # given as a parameter: checked, and named in the footnote, the same way
        named = params["collections"].split(",")
    scope = chosen(store, named)  # type: ignore[arg-type]
    params = scope.params(args.query, params)
    from queries.columns import header, shown_columns, shown_row

    result = run(store, args.query, params)  # type: ignore[arg-type]
    # ids, rule names and confidences are for scripts and reviewers, not slides, nor a column
    # that repeats another in every row; headers and coded values in Chinese, as the command
    # line's table view shows them (queries.columns)
    columns, _ = shown_columns(
        [
            c
            for c in (result.rows[0] if result.rows else {})
            if not c.endswith(("_id", "_ids")) and c not in _NOT_ON_SLIDES
        ],
        result.rows,
    )
    rows = [[_cell(r.get(c)) for c in columns] for r in map(shown_row, result.rows)]
    heads = [result.query.headers.get(c) or header(c) for c in columns]
    # the question's own values in the title: 采用某项举措的单位（诉源治理）
    asked = "、".join(_named(v) for k, v in params.items() if k not in ("collections", "verified"))
    title = args.title or REGISTRY[args.query].title + (f"（{asked}）" if asked else "")
    # rows that name their documents (doc_ids, doc_id) and take demo documents in are marked
    from figures.report import demo_count

    docs = _documents_of(result.rows)
    demo = demo_count(store, docs, collections=scope.names)  # type: ignore[arg-type]
    # the documents its rows name, as the explorer's picture of the same table cites them
    # (not only "courtgraph 知识图谱")
    sources = cited(store, docs)
    if suffix == ".pptx":
        return render.table_slide(
            heads, rows, title=title, sources=sources, note=scope.note(), demo=demo
        )
    return render.table_picture(
        heads,
        rows,
        fmt=suffix[1:],
        title=title,
        sources=sources,
        scale=args.scale,
        note=scope.note(),
        demo=demo,
    )


def cited(store: object, ids: Sequence[str]) -> list[Any]:
    """`figures.render.Source`s of these documents, as the explorer's pictures cite them: title
    and date, and the file name (or id) when there is no URL, which tells two versions of one
    report apart (`figures.report.source_title`)."""
    from dataclasses import replace

    from figures.render import Source
    from figures.report import source_documents, source_title

    found = source_documents(store, list(ids)) if ids else []  # type: ignore[arg-type]
    return [replace(Source.of(d), title=source_title(d)) for d in found]


def _documents_of(rows: Sequence[dict[str, object]]) -> list[str]:
    """The documents a query's rows name (their doc_ids or doc_id columns), once each."""
    found: dict[str, None] = {}
    for r in rows:
        ids = r.get("doc_ids")
        found.update(dict.fromkeys(ids if isinstance(ids, list | tuple) else ()))
        if isinstance(r.get("doc_id"), str):
            found[str(r["doc_id"])] = None
    return list(found)


def _takes_collections(query: str) -> bool:
    from queries.registry import REGISTRY

    return any(p.name == "collections" for p in REGISTRY[query].params)


def _check_collections(query: str, params: dict[str, str]) -> None:
    """--collection only for a query that takes collections, and not twice."""
    from queries.registry import REGISTRY

    if "collections" in params:
        raise CourtgraphError(
            "文档集只需给一次：用 --collection 名称（可重复），不要同时用 --param collections=…"
        )
    if not _takes_collections(query):
        takes = sorted(n for n in REGISTRY if _takes_collections(n))
        raise CourtgraphError(
            f"命名查询 {query} 不按文档集筛选（--collection 对它无效）；可按文档集筛选的查询："
            f"{'、'.join(takes)}"
        )


def _named(value: str) -> str:
    """A parameter as a title shows it: an id (initiative:诉源治理) by its name."""
    from graph.model import label_of

    try:
        label_of(value)
    except ValueError:
        return value
    return value.split(":", 1)[1]


#: columns for reviewers and scripts (the rule that made a fact, its confidence)
_NOT_ON_SLIDES = frozenset({"rule", "rules", "confidence"})


def _cell(value: object) -> str:
    """A value as a slide's table shows it: yes/no in Chinese (True and False were printed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(map(str, value))
    return str(value)


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
