"""`python -m queries NAME --param key=value … --format table|json|csv [-o FILE]` runs a
named query.

`python -m queries --list` lists them; `python -m queries NAME --help-query` describes one.
CSV written to a file (`-o FILE`, or stdout sent to one: `> file.csv`) starts with a UTF-8 BOM,
as every other CSV courtgraph writes, so Excel on a Chinese Windows reads it as UTF-8 and not
as GBK; on a pipe or a terminal it does not (a script keying on the first column would get
`\ufeffunit_id`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graph.cli import ArgumentParser, prog
from graph.errors import CourtgraphError
from graph.settings import Settings
from queries import REGISTRY, get, run
from queries.citations import LIST_SEPARATOR, cited_rows
from queries.columns import date_note_zh, header, shown_columns, shown_row
from queries.registry import QueryResult


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _shown(value: Any) -> str:
    """A cell of the table view: a yes/no column says 是 or 否 (it showed True and False
    under Chinese headers, 已推行 False); json and csv keep true and false."""
    if isinstance(value, bool):
        return "是" if value else "否"
    return _cell(value)


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _one_line(v: str) -> str:
    """A cell on one line: each line break shown as ↵ (the text's own breaks, not the table's)."""
    if "\n" not in v and "\r" not in v:
        return v
    return re.sub(r"\s*[\r\n]\s*", " ↵ ", v.strip())


def format_table(result: QueryResult) -> str:
    """The answer as a table for a person: Chinese headers and coded values in Chinese
    (queries.columns; --format json/csv keep the keys and codes)."""
    if not result.rows:
        return "（无结果）"
    cols, hidden = shown_columns(result.columns, result.rows)
    heads = [result.query.headers.get(c) or header(c) for c in cols]
    # a line break inside a cell (a document's text) would start a new row on screen
    cells = [[_one_line(_shown(r.get(c))) for c in cols] for r in map(shown_row, result.rows)]
    widths = [max(_width(h), *(_width(row[i]) for row in cells)) for i, h in enumerate(heads)]
    widths = [min(w, 60) for w in widths]

    def wrapped(v: str, w: int) -> list[str]:
        """A cell in pieces of at most `w` columns: evidence is read whole (a negation at the
        end of a sentence must not be cut off), so a long cell runs on over several lines."""
        pieces, cur = [], ""
        for ch in v:
            if _width(cur + ch) > w:
                pieces.append(cur)
                cur = ""
            cur += ch
        return [*pieces, cur]

    def line(values: Sequence[str]) -> str:
        parts = [wrapped(v, w) for v, w in zip(values, widths, strict=True)]
        rows = []
        for k in range(max(len(p) for p in parts)):
            out = []
            for p, w in zip(parts, widths, strict=True):
                v = p[k] if k < len(p) else ""
                out.append(v + " " * (w - _width(v)))
            rows.append("  ".join(out).rstrip())
        return "\n".join(rows)

    lines = [line(heads), line(["-" * w for w in widths])] + [line(r) for r in cells]
    if hidden:
        names = "、".join(result.query.headers.get(c) or header(c) for c in hidden)
        lines.append(f"（未显示与其他列重复的列：{names}；--format json 或 csv 显示全部）")
    if result.truncated:
        lines.append(f"（只显示前 {len(result.rows)} 行，还有更多；--limit 可调）")
    return "\n".join(lines)


def _chosen_documents(result: QueryResult) -> set[str] | None:
    """The documents of the collections `result` was asked for (None: no choice, or every
    document), as the query's run looked them up: a fact is cited from one of them."""
    for p in result.query.params:
        if p.type == "collections" and result.params.get(p.name) is not None:
            return set(result.params.get(p.name + "_docs") or ())
    return None


def write(result: QueryResult, fmt: str, out: Any, *, store: Any = None, bom: bool = True) -> None:
    """The answer as `fmt` (table, json or csv) on `out`. With `store`, json and csv rows
    also get `year` and each fact's sentence, document title and URL
    (`queries.citations.cited_rows`): what a researcher needs to cite and analyse them. A
    document's `date_note` is in Chinese in every format (codes stay codes in json and csv;
    the note is a sentence for a person). `bom`: csv starts with a UTF-8 BOM (for Excel)."""
    columns, rows = list(result.columns), list(result.rows)
    if store is not None and fmt in ("json", "csv"):
        columns, rows = cited_rows(store, columns, rows, docs=_chosen_documents(result))
    if "date_note" in columns:  # a sentence for a person, written in English for the log
        rows = [{**r, "date_note": date_note_zh(r.get("date_note"))} for r in rows]
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    elif fmt == "csv":
        if bom:  # the BOM lets Excel read UTF-8 (as the explorer's downloads)
            out.write("\ufeff")
        writer = csv.writer(out)
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
    else:
        out.write(format_table(result) + "\n")


def list_queries() -> str:
    """Every named query on a line: name, title and parameters (? = optional), the titles in
    one column however long a name is."""
    width = max(map(len, REGISTRY))
    lines = []
    for name in sorted(REGISTRY):
        q = REGISTRY[name]
        params = " ".join(f"{p.name}{'' if p.required else '?'}" for p in q.params)
        lines.append(f"{name:{width}}  {q.title}  [{params}]")
    lines.append("（? 表示可选参数；python -m queries 查询名 --help-query 说明一个查询）")
    return "\n".join(lines)


def describe(name: str) -> str:
    """A query's title, description and parameters, as `--help-query` prints them."""
    q = get(name)
    lines = [f"{q.name}：{q.title}", q.description, "", "参数：" if q.params else "参数：无"]
    width = max((len(p.name) for p in q.params), default=0)
    for p in q.params:
        if p.required:
            req = "必填"
        elif p.default is None or p.default == [] or p.default == "":
            req = "可选"
        else:
            shown = str(p.default).lower() if isinstance(p.default, bool) else p.default
            req = f"可选，默认 {shown}"
        extra = f"；可选值：{', '.join(p.choices)}" if p.choices else ""
        about = f"。{p.help}" if p.help else ""
        lines.append(f"  {p.name:{width}}  {p.title}（{req}{extra}）{about}")
    lines.append("")
    lines.append(f"例：python -m queries {q.name} {_example(q)}".rstrip())
    return "\n".join(lines)


def _example(q: Any) -> str:
    """`--param` options for a query's required parameters, with a value from its help (the
    text after e.g. / 例如) where it gives one."""
    parts = []
    for p in q.params:
        if not p.required:
            continue
        m = re.search(r"(?:e\.g\.|例如)\s*([^\s,，；;、。）)]+)", p.help or "")
        parts.append(f"--param {p.name}={m.group(1) if m else '…'}")
    return " ".join(parts)


#: a line for stderr after a query's answer, where another command answers a like question
#: with another number
SEE_ALSO = {
    "initiative_outcomes": "注意：这里只列文中归于这项举措的数字；推行这项举措的单位报告的全部"
    "数字（不论文中归于哪项举措）见 python -m queries.analytics outcomes 举措名称"
    "（「举措 → 成效数据」与「扩散分析 → 成效对照」的区别相同）",
}


def demo_note(store: Any, name: str, params: dict[str, str]) -> str | None:
    """A line for stderr when the answer may include the demo's invented facts: the query
    lists facts, no collections were chosen, and demo documents are in the graph."""
    from graph.collections import DEMO_COLLECTION, has_demo

    takes = any(p.name == "collections" for p in get(name).params)
    if not takes or params.get("collections") or not has_demo(store):
        return None
    return (
        f"注意：图中有演示文档（文档集「{DEMO_COLLECTION}」，内容为虚构的示例事实）；只看自己的文档用 "
        f"--param collections=文档集名称，或删除它们：`python -m graph delete-collection "
        f"{DEMO_COLLECTION}`"
    )


def _check_collections(store: Any, name: str, params: dict[str, str]) -> None:
    """A collection the graph does not hold is an error naming those it does, as in the
    analytics and figures commands: a mistyped `--param collections=…` answered （无结果）."""
    from graph.collections import parse_names
    from queries.scope import check_collections

    if any(p.name == "collections" for p in get(name).params) and params.get("collections"):
        check_collections(store, parse_names(params["collections"]) or [])


def parse_params(items: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CourtgraphError(
                f"--param 的写法是 键=值（例如 --param initiative=诉源治理），而不是 {item!r}"
            )
        params[key.strip()] = value
    return params


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog=prog("python -m queries"),
        description="运行一个只读的命名查询（查询名见 --list）。写入文件的 csv（-o 或 > 文件）"
        "以 UTF-8 BOM 开头，Excel 可直接打开；经管道或在屏幕上不带 BOM。",
    )
    parser.add_argument("name", nargs="?", help="查询名（见 --list）")
    parser.add_argument("--list", action="store_true", help="列出全部命名查询")
    parser.add_argument("--help-query", action="store_true", help="说明查询 NAME 及其参数")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="KEY=VALUE", help="查询参数，可重复"
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=("table", "json", "csv"),
        help="table 表格（中文列名）、json 或 csv（英文键，附引用所需的列）；默认：-o 的文件"
        "以 .csv 或 .json 结尾时即为该格式，没有 -o 时为 table",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="写入这个文件（UTF-8；csv 带 BOM），不写到屏幕：.csv 或 .json（扩展名决定格式；"
        "其他扩展名不写），表格用 --format table 写入 .txt",
    )
    parser.add_argument("--limit", type=int, help="最多返回这么多行")
    args = parser.parse_args(argv)
    try:
        if args.list or not args.name:
            print(list_queries())
            return 0
        if args.help_query:
            print(describe(args.name))
            return 0
        get(args.name)  # unknown names fail before the store starts
        params = parse_params(args.param)
        target = _output(args.output)
        args.format = output_format(args.format, target)
        from graph.store import open_store

        with open_store(Settings.from_env()) as store:
            _check_collections(store, args.name, params)
            result = run(store, args.name, params, limit=args.limit)
            note = demo_note(store, args.name, params)
            if target is None:
                bom = _regular_file(sys.stdout)  # `> file.csv`, not a pipe or a terminal
                write(result, args.format, sys.stdout, store=store, bom=bom)
            else:
                buf = io.StringIO()
                write(result, args.format, buf, store=store)
                # written whole at the end: a failed query leaves no half file
                target.write_text(buf.getvalue(), encoding="utf-8", newline="")
        if target is not None:
            print(f"已写入 {target}（{len(result.rows)} 行）", file=sys.stderr)
        for line in (note, SEE_ALSO.get(args.name)):
            if line:
                print(line, file=sys.stderr)
        return 0
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


def _regular_file(stream: Any) -> bool:
    """Whether `stream` writes to a regular file (a shell's `> file.csv`), not to a pipe, a
    terminal or a stream with no file behind it."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return False


#: the formats a file's extension names (`output_format`); .txt only with --format table
_BY_SUFFIX = {".csv": "csv", ".json": "json", ".txt": "table"}


def output_format(given: str | None, target: Path | None) -> str:
    """The format the answer is written in: --format, else the one `-o`'s extension names
    (`-o 采用单位.csv` wrote the screen's table into a .csv file); an extension that names
    another format, or one no format is written as (.xlsx, .tsv, .jsonl, none), is refused:
    `-o x.tsv` wrote the screen's table into it. The screen's table goes to a file as
    `--format table -o x.txt`.

    >>> output_format(None, Path("a.csv")), output_format(None, None), output_format("json", None)
    ('csv', 'table', 'json')
    >>> output_format("table", Path("a.txt"))
    'table'
    """
    if target is None:
        return given or "table"
    suffix = target.suffix.lower()
    implied = _BY_SUFFIX.get(suffix)
    if suffix in (".xlsx", ".xls", ".parquet"):
        raise CourtgraphError(
            f"{target.name}：命名查询可写 csv（Excel 可直接打开）或 json，如 -o {target.stem}.csv；"
            "Excel 和 Parquet 文件见 python -m queries.analytics events -o 文件.xlsx"
        )
    if implied is None or (implied == "table" and given != "table"):
        raise CourtgraphError(
            f"{target.name}：命名查询只写 .csv（Excel 可直接打开）或 .json 文件（扩展名决定格式），"
            f"如 -o {target.stem}.csv；屏幕上的表格写入文件用 --format table -o {target.stem}.txt"
        )
    if given and implied != given:
        raise CourtgraphError(
            f"{target.name}：扩展名表示 {implied}，--format 却是 {given}；请把文件命名为 "
            f"{target.stem}.{given if given != 'table' else 'txt'}"
        )
    return implied


def _output(path: str | None) -> Path | None:
    """The file `-o` names, checked before the query runs (a missing folder is an error)."""
    if path is None:
        return None
    target = Path(path).expanduser().resolve()
    if not target.parent.is_dir():
        raise CourtgraphError(f"文件夹 {target.parent} 不存在，无法写入 {target.name}")
    return target


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
