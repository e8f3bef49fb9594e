"""`python -m ingest PATH …` loads documents into the configured store;
`python -m ingest roster FILE` imports a court's roster of people's tribunals;
`python -m ingest extract --jsonl PATH …` prints what would be extracted (gold schema)
without touching any store."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from graph.cli import ArgumentParser, prog
from graph.errors import CourtgraphError, UnreadableDocument
from graph.settings import Settings


class ProgressBar:
    """A one-line progress bar on stderr (silent when stderr is not a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()

    def __call__(self, n: int, total: int, path: str) -> None:
        if not self.enabled or not total:
            return
        width = 30
        done = int(width * n / total)
        rate = n / max(time.monotonic() - self.started, 1e-6)
        name = path if len(path) <= 40 else "…" + path[-39:]
        sys.stderr.write(
            f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {rate:5.1f}/s {name:40}"
        )
        if n == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _extract(paths: Sequence[str], jsonl: bool) -> int:
    from ingest.extract import extract_document, to_gold
    from ingest.pipeline import IngestReport, expand_paths, iter_documents
    from ingest.visits import visits_json

    report = IngestReport()
    files, bad = expand_paths(paths)
    report.failed.extend(bad)
    for doc in iter_documents(files, report):
        try:
            ex = extract_document(doc)
            gold = to_gold(ex)  # and the learning visits (ingest.visits), named as it names them
            obj = {**gold, "visits": visits_json(ex, gold["initiatives"])}
        except Exception as exc:  # noqa: BLE001 - report and go on
            report.failed.append((doc.path, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        print(json.dumps(obj, ensure_ascii=False, indent=None if jsonl else 1), flush=True)
    from ingest.uploads import reason_zh

    for path, reason in report.failed:  # in Chinese, as the ingest summary says them
        print(f"Error: {path}：{reason_zh(reason)}", file=sys.stderr)
    return 1 if report.failed else 0


def _roster(argv: Sequence[str]) -> int:
    p = ArgumentParser(
        prog=prog("python -m ingest roster"),
        description="导入一个法院的人民法庭名录（CSV 或 .xlsx：法庭名称、所属法院，可选 代码、"
        "地址、设立日期），作为人民法庭一级覆盖率的分母。有问题的行报告行号，其余照常导入。",
    )
    p.add_argument("file", help="名录文件（.csv 或 .xlsx）")
    p.add_argument("--dry-run", action="store_true", help="只检查各行，不写入")
    args = p.parse_args(argv)

    from graph.store import open_store
    from ingest.tribunal_roster import bad_row_zh, import_roster

    try:
        try:
            data: bytes | None = Path(args.file).read_bytes()
        except OSError:
            data = None  # import_roster says why, in Chinese
        # checked before the store opens (a missing or unreadable file, one of another type,
        # started a new data directory's server for nothing); a dry run stops here
        report = import_roster(None, args.file, data=data)
        if not args.dry_run:
            with open_store(Settings.from_env()) as store:
                report = import_roster(store, args.file, data=data)
    except UnreadableDocument as exc:  # the file and its reason, as the bad rows are said
        print(f"Error: {exc.path}：{exc.reason}", file=sys.stderr)
        return 1
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(report.summary_zh(rows=False))  # the bad rows once, as Error: lines
    for file, row, reason in report.bad:
        print(f"Error: {bad_row_zh(row, reason, file)}", file=sys.stderr)
    return 2 if report.bad else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        p = ArgumentParser(
            prog=prog("python -m ingest extract"),
            description="打印从文件中抽取的事实（标注格式的 JSON），不读写图谱存储。",
        )
        p.add_argument("--jsonl", action="store_true", help="每篇一行 JSON")
        p.add_argument("paths", nargs="+", help="文件或文件夹")
        args = p.parse_args(argv[1:])
        return _extract(args.paths, args.jsonl)

    if argv and argv[0] == "roster":
        return _roster(argv[1:])

    p = ArgumentParser(
        prog=prog("python -m ingest"),
        description="把文章（.txt .html .htm .md .docx .pdf，文件夹逐层读取）导入图谱；再次导入"
        "同样的文件不会重复添加。结束时用中文汇总：新增、已在图中、重复、转载、失败及原因。"
        "`python -m ingest extract --jsonl 路径` 只打印抽取结果，不写入；"
        "`python -m ingest roster 名录文件` 导入人民法庭名录。",
    )
    p.add_argument("paths", nargs="+", help="文件或文件夹")
    p.add_argument("--dry-run", action="store_true", help="只显示将会新增什么，不写入")
    p.add_argument("--quiet", "-q", action="store_true", help="不显示进度条")
    p.add_argument(
        "--manifest",
        metavar="FILE",
        help="CSV 或 JSONL 清单，逐个文件给出 path、url、title、date、site",
    )
    p.add_argument(
        "--collection",
        metavar="NAME",
        help="文档归入的文档集，例如 2024年全省法院通报；已在图中的文档也加入它（默认：文件夹中"
        "collection.json 指定的文档集，否则用文件夹名；单个文件归入「未分类」；已在图中的文档"
        "不变）",
    )
    args = p.parse_args(argv)

    from graph.store import open_store
    from ingest.pipeline import check_collections, ingest_paths
    from ingest.uploads import repeated_titles, summary_zh

    try:
        # a collection.json with a typo stops the run before the store opens (a new data
        # directory was made and its server started, for nothing)
        check_collections(args.paths, args.collection)
        with open_store(Settings.from_env()) as store:
            report = ingest_paths(
                store,
                args.paths,
                dry_run=args.dry_run,
                manifest=args.manifest,
                collection=args.collection,
                progress=ProgressBar(not args.quiet and sys.stderr.isatty()),
            )
            print(f"图谱存储：{store.description}")
            titles = repeated_titles(store, report)  # the older copies named by title too
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    # in Chinese, as the 导入 page says it (`report.summary()` stays English, for logs)
    print(summary_zh(report, titles, each_file=False))
    return 2 if report.failed else 0  # 2: finished, but some files were not ingested


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
