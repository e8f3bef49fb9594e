"""`python -m graph status | stop | reset | export | delete-document | collections |
delete-collection | backup | restore | review | brief`: manage the store.

status  which store is configured, whether it runs, what it holds
stop    stop the embedded server (it starts again on next use)
reset   delete everything in the graph (asks unless --yes)
export  write the neighbourhood of an entity; the format follows the file's extension
        (.graphml .gexf .json .zip = nodes.csv + edges.csv, .csv = one edge list, .cypher)
delete-document  remove a document and the facts only it supported
backup  write a consistent copy of the embedded store while it runs (-o FILE)
restore bring a backup back into an empty data directory
collections      the collections of documents, with their sizes
delete-collection  remove a collection's documents and the facts only they supported
review   check facts: queue, confirm, reject, correct, add, merge, rename, promote, drop,
         history, export, import, apply, progress
brief    a briefing (简报) of an initiative or a unit: .docx report or .pptx deck
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.cli import ArgumentParser, prog
from graph.errors import CourtgraphError
from graph.settings import Settings

if TYPE_CHECKING:
    from graph.store import GraphStore


#: the fields a decision changes, in Chinese (fields not listed here are not shown)
_FIELD_ZH: dict[str, str] = {
    "type": "关系",
    "src": "单位",
    "dst": "对象",
    "stage": "阶段",
    "date": "日期",
    "metric": "指标",
    "value": "数值",
    "unit": "计量单位",
    "unit_of_measure": "计量单位",
    "period": "期间",
    "qualifier": "限定词",
    "scope": "范围",
    "title": "职务",
    "initiative": "学习内容",  # a learning visit's (LEARNED_FROM) initiative studied
    "doc_id": "文档",
    "sentence": "句子",
    "keep": "并入",
    "name": "名称",
    "aliases": "别名",
    "category": "类别",
    "description": "说明",
}


def _change_zh(new: dict[str, object]) -> str:
    """A decision's changes as 字段：值 pairs in Chinese (阶段：推行；日期：2023-04)."""
    from graph.model import REL_ZH, STAGE_ZH

    parts = []
    for key, label in _FIELD_ZH.items():
        value = new.get(key)
        if value == "" and key in ("scope", "qualifier", "initiative") and key in new:
            value = "（去掉）"  # '' removes it (`review correct --scope ''`)
        if value is None or value == "":
            continue
        if key == "stage":
            value = STAGE_ZH.get(str(value), value)
        elif key == "type":
            value = REL_ZH.get(str(value), value)
        elif key in ("src", "dst", "keep") and ":" in str(value):
            value = str(value).split(":", 1)[1]
        elif isinstance(value, list):
            value = "、".join(map(str, value))
        parts.append(f"{label}：{value}")
    return "；".join(parts)


def _relinked(link: str, done: Any) -> str:
    """What `review correct … --initiative` says on a unit's fact that reports a figure: the
    figure's link fact (corrected, added, or already right).

    >>> _relinked("reported:1", None)
    '这项数字已关联该举措（关联事实 reported:1），未作修改'
    """
    if done is None:
        return f"这项数字已关联该举措（关联事实 {link}），未作修改"
    if done.decision == "add":
        return f"已把这项数字关联到该举措：新增关联事实 {link}"
    return f"已把这项数字改为关联该举措：{_corrected(done.fact_id, link)}"


def _corrected(fid: str, now: str) -> str:
    """What `review correct` says it did: the fact, and its new id when the correction gave
    it one (a figure's or a unit's change names another fact).

    >>> _corrected("reported:1", "reported:1"), _corrected("adopted:1", "adopted:2")
    ('已修改 reported:1（事实 ID 不变）', '已修改 adopted:1，修改后的事实 ID 为 adopted:2')
    """
    if now == fid:
        return f"已修改 {fid}（事实 ID 不变）"
    return f"已修改 {fid}，修改后的事实 ID 为 {now}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A plain text table, columns padded to their widest cell (CJK counted double)."""
    from queries.__main__ import _width as display_width

    cols = [header, *rows]
    widths = [max(display_width(str(r[i])) for r in cols) for i in range(len(header))]
    lines = []
    for r in cols:
        cells = [str(c) + " " * (w - display_width(str(c))) for c, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _status(settings: Settings) -> int:
    from graph.embedded import EmbeddedServer
    from graph.store import open_store

    for env, value, _help in settings.describe():
        print(f"{env:26} {value}")
    if settings.backend == "arcadedb":
        st = EmbeddedServer(settings.data_dir).status()
        if st.running:
            state = f"运行中，进程号 {st.pid}"
        elif st.holder is not None:  # server.json names a port nobody serves for it
            state = (
                f"未确认在运行：进程 {st.holder or '（pid 未知）'} 持有服务器锁，但不在 server.json "
                "所写的端口上服务（正在启动或停止，或不是 courtgraph 的服务器；"
                "可用 python -m graph stop 停止它）"
            )
        else:
            state = "未运行"
        print(f"内置服务器：{state}（数据 {st.data_dir}，日志 {st.log}）")
    with open_store(settings) as store:
        print(f"图谱存储：{store.description}")
        for name, n in store.counts().items():
            print(f"  {name:14} {n}")
        from graph.collections import collections

        for c in collections(store):
            demo = "（演示数据，内容虚构）" if c.demo else ""
            print(f"  文档集 {c.name}：{c.documents} 篇文档{demo}")
    return 0


def _collections(store: object, args: argparse.Namespace) -> int:
    from graph import collections

    if args.command == "collections":
        found = collections.collections(store)  # type: ignore[arg-type]
        for c in found:
            print(f"{c.name}\t{c.documents} 篇文档{'（演示数据，内容虚构）' if c.demo else ''}")
        if not found:
            print("图中还没有文档")
        return 0
    report = collections.delete_collection(store, args.name)  # type: ignore[arg-type]
    print(
        f"文档集「{args.name}」：删除 {len(report.deleted)} 篇文档及只由它们支持的事实；"
        f"{len(report.kept)} 篇同时属于其他文档集，保留"
    )
    return 0


NEO4J_BACKUP = (
    "NEO4J_URI 指向 Neo4j 服务器：请用 Neo4j 自带的工具备份，例如在数据库停止时运行 "
    "`neo4j-admin database dump neo4j --to-path=DIR`（社区版），"
    "或在运行中用 `neo4j-admin database backup`（企业版）；见 README 的 Backups 一节"
)


def _backup_or_restore(settings: Settings, args: argparse.Namespace) -> int:
    from graph import backup

    if settings.backend != "arcadedb":
        raise CourtgraphError(NEO4J_BACKUP)
    if args.command == "backup":
        size = backup.backup(settings.data_dir, args.output, heap=settings.heap, force=args.force)
        print(f"{args.output}：{settings.data_dir} 的备份（{size / 1e6:.1f} MB）")
        return 0
    backup.restore(settings.data_dir, args.archive, heap=settings.heap)
    print(f"已将 {args.archive} 恢复到 {settings.data_dir}")
    return 0


def stage_arg(value: str) -> str:
    """A stage as the explorer shows it (推行 试点 推广部署 获评) or as stored (adopted …).

    >>> stage_arg("试点"), stage_arg("promoted")
    ('piloted', 'promoted')
    """
    from graph.model import STAGE_ZH

    code = {**{zh: code for code, zh in STAGE_ZH.items()}, "采用": "adopted"}.get(value.strip())
    if code is None and value.strip() in STAGE_ZH:
        code = value.strip()
    if code is None:
        names = "、".join(f"{zh}（{code}）" for code, zh in STAGE_ZH.items())
        raise argparse.ArgumentTypeError(f"阶段 {value!r} 无效：应为 {names} 之一")
    return code


#: the stages as `--stage` shows them in its help
_STAGE_HELP = "推行、试点、推广部署 或 获评（也可写 adopted、piloted、promoted、awarded）"


def _review_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from graph.model import FACT_TYPES
    from graph.review import KINDS, QUALIFIERS, STATUSES

    rv = sub.add_parser(
        "review", help="审核事实：待审队列、确认、驳回、修改、补充、合并、改名、历史、导出、导入"
    )
    rs = rv.add_subparsers(dest="review_command", required=True)

    def who(p: argparse.ArgumentParser) -> None:
        p.add_argument("--reviewer", default=getpass.getuser(), help="审核人（默认：当前用户）")
        p.add_argument("--note", default="", help="随决定记下的说明")

    q = rs.add_parser("queue", help="待审核的事实，置信度最低的在前")
    q.add_argument("--kind", action="append", choices=tuple(KINDS), help="事实种类，可重复")
    q.add_argument("--initiative", help="举措（ID 或名称）")
    q.add_argument("--unit", help="法院或人民法庭（ID 或名称）")
    q.add_argument("--document", help="文档编号")
    q.add_argument("--province", help="省份，如 辽宁省")
    q.add_argument("--stage", type=stage_arg, metavar="阶段", help=_STAGE_HELP)
    q.add_argument("--max-confidence", type=float, help="只列置信度不高于此值的事实")
    q.add_argument(
        "--status",
        choices=STATUSES,
        default="extracted",
        help="审核状态（默认：extracted，未审核）",
    )
    q.add_argument("--limit", type=int, default=50, help="最多列出几条（默认 50）")
    q.add_argument(
        "--format", choices=("table", "json"), default="table", help="输出格式（默认：表格）"
    )
    c = rs.add_parser("confirm", help="确认事实（给出事实 ID，或某文档的全部待审事实）")
    c.add_argument("fact_ids", nargs="*", help="事实 ID")
    c.add_argument("--document", help="确认该文档支持的全部待审事实")
    c.add_argument("--initiative", help="确认该举措的全部待审推行事实")
    who(c)
    r = rs.add_parser("reject", help="驳回事实：它们不再出现在任何结果中")
    r.add_argument("fact_ids", nargs="+", help="事实 ID")
    r.add_argument(
        "--reason", required=True, help="驳回理由，如 不是该单位的做法、不是该举措、阶段不对"
    )
    r.add_argument("--reviewer", default=getpass.getuser(), help="审核人（默认：当前用户）")
    co = rs.add_parser(
        "correct",
        help="修改事实的单位、举措、阶段、日期、指标或数字",
        description="修改一条事实：单位、举措、阶段、日期、范围、指标或数字。未给出的字段不变；"
        "修改记入审核历史（review history），重新导入后仍然有效。",
    )
    co.add_argument("fact_id", help="事实 ID，如 adopted:… 或 reported:…（见 review queue）")
    co.add_argument("--unit", help="正确的单位（ID 或名称）")
    co.add_argument(
        "--initiative",
        help="正确的举措（ID 或名称）；单位报告数字的事实（单位 → 成效数据）则把数字关联到该举措"
        "（修改或新增其关联事实，数字仍归该单位）；学习考察（learned_from:…）则为所学习的举措，"
        "'' 去掉",
    )
    co.add_argument("--target", help="正确的另一端，任何类型（ID 或名称）")
    co.add_argument("--stage", type=stage_arg, metavar="阶段", help=_STAGE_HELP)
    co.add_argument("--title", help="人员的职务")
    co.add_argument("--date", help="日期：YYYY、YYYY-MM 或 YYYY-MM-DD（不晚于今天）")
    co.add_argument(
        "--scope",
        help="单位代表的范围，如 全市法院；'' 去掉（事实改到另一 --unit 时，不给出则保留原范围）",
    )
    co.add_argument("--metric", help="成效数字的指标，如 调解率")
    co.add_argument("--value", type=float, help="成效数字的数值")
    co.add_argument("--unit-of-measure", help="成效数字的计量单位，如 件 或 %%")
    co.add_argument(
        "--period",
        help="成效数字的期间：YYYY、YYYY-MM、YYYY-MM-DD 或 起/止（START/END），不晚于今天",
    )
    co.add_argument(
        "--qualifier",
        help=f"成效数字的限定词（{' / '.join(QUALIFIERS)}）；'' 去掉",
    )
    co.add_argument("--reviewer", default=getpass.getuser(), help="审核人（默认：当前用户）")
    co.add_argument("--note", default="", help="随修改记下的说明")
    a = rs.add_parser("add", help="补充抽取遗漏的事实（须指明所在句子）")
    a.add_argument(
        "--type", choices=FACT_TYPES, default="ADOPTED", help="关系类型（默认：ADOPTED，推行）"
    )
    a.add_argument("--source", required=True, help="起点（ID 或名称；推行事实为单位）")
    a.add_argument("--target", required=True, help="终点（ID 或名称；推行事实为举措）")
    a.add_argument("--document", required=True, help="文档编号")
    a.add_argument("--start", type=int, required=True, help="句子在正文中的起始位置（字符偏移）")
    a.add_argument("--end", type=int, required=True, help="句子的结束位置（字符偏移）")
    a.add_argument(
        "--stage",
        type=stage_arg,
        metavar="阶段",
        help=f"{_STAGE_HELP}；默认：图中已有的事实保留原阶段，新的推行事实为 推行",
    )
    a.add_argument("--title", help="人员的职务")
    a.add_argument("--initiative", help="学习考察（LEARNED_FROM）所学习的举措（ID 或名称）")
    a.add_argument("--date", help="日期：YYYY、YYYY-MM 或 YYYY-MM-DD（不晚于今天）")
    who(a)
    m = rs.add_parser("merge", help="把一个实体并入另一个（其名称成为别名）")
    m.add_argument("keep", help="保留的实体（ID 或名称）")
    m.add_argument("gone", help="并入它的实体（ID 或名称）")
    who(m)
    rn = rs.add_parser("rename", help="给实体改名（旧名称保留为别名）")
    rn.add_argument("entity", help="实体（ID 或名称）")
    rn.add_argument("name", help="新名称")
    who(rn)
    pr = rs.add_parser("promote", help="把候选举措收入举措分类")
    pr.add_argument("initiative", help="候选举措（ID 或名称）")
    pr.add_argument("--name", help="规范名称（旧名称保留为别名）")
    pr.add_argument("--alias", action="append", default=[], help="别名，可重复")
    pr.add_argument("--category", help="类别")
    pr.add_argument("--name-en", help="英文名称")
    pr.add_argument("--description", help="说明")
    who(pr)
    dr = rs.add_parser("drop", help="永久驳回一个候选举措")
    dr.add_argument("initiative", help="候选举措（ID 或名称）")
    dr.add_argument("--reason", required=True, help="驳回理由")
    dr.add_argument("--reviewer", default=getpass.getuser(), help="审核人（默认：当前用户）")
    h = rs.add_parser("history", help="一条事实的全部审核决定（及修改后的事实）")
    h.add_argument("fact_id", help="事实 ID")
    h.add_argument("--json", action="store_true", help="每个决定一个 JSON 对象")
    ex = rs.add_parser("export", help="把全部审核决定写成 JSON Lines 文件")
    ex.add_argument("--output", "-o", type=Path, required=True, help="输出文件（.jsonl）")
    im = rs.add_parser(
        "import",
        help="读入审核决定；重复导入不会改变什么；冲突和有误的记录会列出而不导入",
        description="读入审核决定（review export 写的文件）；重复导入不会改变什么。"
        "每条记录按 review correct 当时的规则检查（日期不得晚于审核之日，即记录的审核时间"
        "加一天时差）；与本处决定冲突的、有误的、说到图中没有的实体的记录会列出其文件和行而不"
        "导入，同一事实在文件中的其他记录也随之不导入（该事实保持原状）。有这样的记录时退出状态"
        "为 2，全部导入或已有时为 0。备份与恢复（graph backup/restore）则原样复制整个库。",
    )
    im.add_argument("path", type=Path, help="审核决定文件（.jsonl）")
    rs.add_parser("apply", help="把全部审核决定重新应用到图中（重建之后）")
    pg = rs.add_parser("progress", help="已审与待审事实的数量，以及测得的准确率")
    pg.add_argument("--by", choices=("initiative", "document"), help="按举措或按文档逐行列出")
    pg.add_argument(
        "--limit",
        type=int,
        help="与 --by document 同用：只列这么多篇文档（按编号分页，较快），而不是全部",
    )
    pg.add_argument("--after", default="", help="与 --limit 同用：从这个文档编号之后的一页开始")
    rs.add_parser("hash-password", help="为审核人的密码生成散列值，用于配置文件（会提示输入密码）")


def _review(store: GraphStore, args: argparse.Namespace) -> int:
    import json

    from graph import review
    from queries import resolve_entity

    cmd = args.review_command

    def entity(value: str | None, label: str | None = None) -> str | None:
        return resolve_entity(store, value, label=label) if value else None

    if cmd == "queue":
        rows = review.queue(
            store,
            kinds=args.kind or tuple(review.KINDS),
            initiative=entity(args.initiative, "Initiative"),
            unit=entity(args.unit),
            document=args.document,
            province=args.province,
            stage=args.stage,
            max_confidence=args.max_confidence,
            status=args.status,
            limit=args.limit,
        )
        if args.format == "json":
            for row in rows:
                print(json.dumps(row, ensure_ascii=False, sort_keys=True))
            return 0
        for row in rows:
            conf = row.get("confidence")
            flag = f" [{row['flag']}]" if row.get("flag") else ""
            print(
                f"{row['fact_id']:26} {'-' if conf is None else f'{conf:.2f}':>5} "
                f"{row['status_zh']}{flag}  {review.describe(row)}"
                f"  （{len(row.get('doc_ids') or [])} 篇文档）"
            )
        sys.stdout.flush()  # the rows first, then the count, in one stream too (2>&1)
        print(f"共 {len(rows)} 条事实", file=sys.stderr)
    elif cmd == "confirm":
        ids = list(args.fact_ids)
        if args.document or args.initiative:
            rows = review.queue(
                store,
                kinds=["adoption"] if args.initiative else tuple(review.KINDS),
                initiative=entity(args.initiative, "Initiative"),
                document=args.document,
                limit=100_000,
            )
            ids += [r["fact_id"] for r in rows]
        if not ids:
            raise CourtgraphError("没有要确认的事实：请给出事实 ID、--document 或 --initiative")
        done = review.decide_many(store, ids, "confirm", reviewer=args.reviewer, note=args.note)
        print(f"已确认 {len(done)} 条事实")
    elif cmd == "reject":
        done = review.decide_many(
            store, args.fact_ids, "reject", reviewer=args.reviewer, note=args.reason
        )
        print(f"已驳回 {len(done)} 条事实")
    elif cmd == "correct":
        new: dict[str, object] = {}
        relink = None  # the initiative the figure a unit's fact reports is linked to
        if args.unit:
            new["src"] = entity(args.unit)
        if args.fact_id.startswith("learned_from:"):
            # a learning visit: --unit the visitor, --target the host, --initiative what it
            # studied (the initiative's name, kept on the fact; '' for none named)
            if args.target:
                new["dst"] = entity(args.target)
            if args.initiative is not None:
                new["initiative"] = _initiative_name(store, args.initiative)
        elif args.initiative and review.figure_reported(store, args.fact_id):
            # a unit's fact that reports a figure: --initiative links the figure to the
            # initiative (its link fact), never moves the unit's fact to it
            relink = entity(args.initiative, "Initiative")
            if args.target:
                new["dst"] = entity(args.target)
        elif args.initiative or args.target:
            new["dst"] = entity(
                args.initiative or args.target, "Initiative" if args.initiative else None
            )
        for key in ("stage", "title", "metric", "value", "unit_of_measure"):
            if getattr(args, key) is not None:
                new[key] = getattr(args, key)
        if args.date:
            new["date"], new["date_precision"] = args.date, review.date_precision(args.date)
        if args.period is not None:
            new["period"] = review.period_value(args.period)
        if args.scope is not None:
            new["scope"] = args.scope or None
        if args.qualifier is not None:
            if args.qualifier and args.qualifier not in review.QUALIFIERS:
                from graph.errors import BadParameter

                raise BadParameter(
                    f"限定词 {args.qualifier!r} 无效：应为 {' '.join(review.QUALIFIERS)} 之一，"
                    "或用 '' 去掉"
                )
            new["qualifier"] = args.qualifier or None
        if relink:  # (every value read and checked first)
            if new:
                review.check_values(new)
            link, relinked = review.relink_figure(
                store, args.fact_id, relink, reviewer=args.reviewer, note=args.note
            )
            print(_relinked(link, relinked))
            if not new:
                return 0
        from queries.explore import figure_correction

        # a figure's metric or value asked for on its link to an initiative: recorded on the
        # unit's fact that reports the figure (figure_correction says where each part goes)
        for fid, fields in figure_correction(store, args.fact_id, new):
            d = review.decide(
                store, fid, "correct", reviewer=args.reviewer, note=args.note, new=fields
            )
            print(_corrected(fid, review.corrected_fact_id(d)))
    elif cmd == "add":
        props: dict[str, object] = {}
        if args.stage:
            props["stage"] = args.stage
        if args.title:
            props["title"] = args.title
        if args.initiative:
            props["initiative"] = _initiative_name(store, args.initiative)
        if args.date:
            props["date"], props["date_precision"] = args.date, review.date_precision(args.date)
        d = review.add_fact(
            store,
            rel_type=args.type,
            src=entity(args.source) or "",
            dst=entity(args.target) or "",
            doc_id=args.document,
            sentence=review.sentence_at(store, args.document, args.start, args.end),
            start=args.start,
            end=args.end,
            reviewer=args.reviewer,
            props=props,
            note=args.note,
        )
        if d.decision == "correct":  # the graph held it with other values
            print(f"图中已有这条事实，{_corrected(d.fact_id, review.corrected_fact_id(d))}")
        else:
            print(f"已添加 {d.fact_id}")
    elif cmd == "merge":
        keep, gone = entity(args.keep) or "", entity(args.gone) or ""
        review.merge_entities(store, keep, gone, reviewer=args.reviewer, note=args.note)
        print(f"已将 {gone} 合并到 {keep}")
    elif cmd == "rename":
        target = entity(args.entity) or ""
        review.rename_entity(store, target, args.name, reviewer=args.reviewer, note=args.note)
        print(f"已将 {target} 改名为 {args.name}")
    elif cmd == "promote":
        target = entity(args.initiative, "Initiative") or ""
        review.promote_initiative(
            store,
            target,
            reviewer=args.reviewer,
            name=args.name,
            aliases=args.alias,
            category=args.category,
            name_en=args.name_en,
            description=args.description,
            note=args.note,
        )
        print(f"已将 {target} 收入举措分类表")
    elif cmd == "drop":
        target = entity(args.initiative, "Initiative") or ""
        review.drop_candidate(store, target, reviewer=args.reviewer, note=args.reason)
        print(f"已删除候选举措 {target} 及其事实")
    elif cmd == "history":
        found = review.history(store, args.fact_id)
        if not found:
            raise CourtgraphError(f"事实 {args.fact_id!r} 还没有审核记录")
        if args.json:
            for d in found:
                print(json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True))
            return 0
        print(f"事实 {args.fact_id} 的审核记录（{len(found)} 条）")
        decisions = [
            [d.time, d.reviewer, review.DECISION_ZH[d.decision], _change_zh(d.new), d.note]
            for d in found
        ]
        header = ["时间", "审核人", "决定", "修改内容", "备注"]
        others = [d for d in found if d.fact_id != args.fact_id]
        if others:  # a correction's other end, or the fact reporting the linked figure
            header.append("所在事实")
            for cells, d in zip(decisions, found, strict=True):
                cells.append("本事实" if d.fact_id == args.fact_id else d.fact_id)
        print(_table(header, decisions))
        units = sorted(
            {
                d.fact_id
                for d in others
                if d.fact["type"] == "REPORTED"
                and review.label_kind(str(d.fact["dst"] or "")) == "Outcome"
            }
        )
        if units:
            print(f"（数字本身在报告它的单位事实 {'、'.join(units)} 上审核，那里的决定适用于此）")
        if found[-1].decision not in review.ENTITY_DECISIONS:
            print(f"当前状态：{review.STATUS_ZH[review.status_of(store, args.fact_id)]}")
    elif cmd == "export":
        n = review.to_jsonl(store, args.output)
        print(f"{args.output}：{n} 条审核决定")
    elif cmd == "import":
        report = review.from_jsonl(store, args.path)
        print(report.summary())
        return 2 if report.conflicts or report.refused else 0
    elif cmd == "apply":
        print(f"已重新应用审核决定：{review.reapply_all(store)} 条事实")
    elif cmd == "progress" and args.by:
        per = (
            review.progress_by_initiative(store)
            if args.by == "initiative"
            else review.progress_by_document(store, limit=args.limit, after=args.after)
        )
        heads = "  ".join(f"{review.STATUS_ZH[s]:>4}" for s in review.STATUSES[:3])
        print(f"{'':40}{heads}")
        for row in per:
            counts = "  ".join(f"{row[s]:>6}" for s in review.STATUSES[:3])
            print(f"{str(row.get('name') or row['id'])[:38]:40}{counts}")
        if args.by == "document" and args.limit and per:
            print(f"下一页：--after {per[-1]['id']}")
    elif cmd == "progress":
        p = review.progress(store)
        for status, n in p["counts"].items():
            print(f"{review.STATUS_ZH[status]} ({status}): {n}")
        precision = "-" if p["precision"] is None else f"{p['precision']:.3f}"
        print(f"审核测得的准确率（已确认 ÷ 已审核）：{precision}")
        for title, key in (("按抽取规则", "by_rule"), ("按置信度区间", "by_band")):
            if p[key]:
                print(title + "：")
            for name, row in p[key].items():
                print(f"  {name:32} {row['confirmed']}/{row['decided']} = {row['precision']:.3f}")
    return 0


def _hash_password() -> int:
    """Print the hash of a password typed twice (for the reviewer accounts' configuration)."""
    from graph.review import hash_password

    try:
        password = getpass.getpass("密码：")
        again = getpass.getpass("再输入一次：")
    except EOFError:  # input ended before the second line (a pipe, or Ctrl-D)
        raise CourtgraphError("没有读到密码：请在提示处输入两次（或从标准输入给出两行）") from None
    if not password or password != again:
        raise CourtgraphError("密码为空，或两次输入不一致")
    print(hash_password(password))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = ArgumentParser(
        prog=prog("python -m graph"),
        description="管理图谱存储：查看状态、停止内置服务器、清空、导出子图、删除文档或文档集、"
        "备份与恢复、审核事实、生成简报。`python -m graph 子命令 --help` 说明各子命令。",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="所配置的存储、服务器状态和数量统计")
    sub.add_parser("stop", help="停止内置的 ArcadeDB 服务器（下次使用时自动启动）")
    r = sub.add_parser("reset", help="删除图中全部节点和关系（除非给出 --yes，否则先询问）")
    r.add_argument("--yes", action="store_true", help="不询问，直接删除")
    r.add_argument(
        "--with-decisions",
        action="store_true",
        help="审核决定也一并删除（默认保留）",
    )
    e = sub.add_parser("export", help="导出一个实体周围的子图；格式由文件扩展名决定")
    e.add_argument("entity", help="实体（ID 或名称），如 本溪中院")
    e.add_argument("--depth", type=int, default=1, help="向外几层（默认 1）")
    e.add_argument("--limit", type=int, default=200, help="最多多少个节点（默认 200）")
    e.add_argument("--kinds", help="只保留这些种类的节点（逗号分隔）")
    e.add_argument(
        "--verified",
        action="store_true",
        help="只看审核人确认或修改过的事实（只看已核实；名录中的法院层级保留）",
    )
    e.add_argument(
        "--collections",
        help="只看这些文档集（逗号分隔）的文档所支持的事实；每条事实只引用、并按这些文档确定"
        "日期；名录中的法院层级保留",
    )
    e.add_argument(
        "--format",
        choices=("graphml", "gexf", "json", "csv", "edges", "cypher"),
        help="输出格式（默认：由输出文件的扩展名决定；csv 为含 nodes.csv 和 edges.csv 的 zip，"
        "edges 为一个 CSV 边列表）",
    )
    e.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        help="输出文件，如 子图.graphml、子图.gexf、子图.json、子图.zip、子图.csv、子图.cypher",
    )
    d = sub.add_parser("delete-document", help="删除一篇文档，以及只有它支持的事实")
    d.add_argument(
        "doc_id", help="文档编号，如 doc:…（见导入摘要，或 python -m queries all_documents）"
    )
    b = sub.add_parser("backup", help="在内置存储运行时做一份一致的备份")
    b.add_argument(
        "--output", "-o", type=Path, required=True, help="备份文件（.zip；已有的文件不覆盖）"
    )
    b.add_argument(
        "--force", action="store_true", help="覆盖已有的同名备份文件（默认：拒绝，请换个文件名）"
    )
    rs = sub.add_parser("restore", help="把备份恢复到一个空的数据目录")
    rs.add_argument("archive", type=Path, help="备份文件（.zip）")
    sub.add_parser("collections", help="列出文档集及其文档数")
    dc = sub.add_parser(
        "delete-collection",
        help="删除一个文档集的文档，以及只有它们支持的事实（同时属于其他文档集的文档保留）",
    )
    dc.add_argument("name", help="文档集名称，如 演示数据")
    _review_parser(sub)
    sub.add_parser(
        "brief",
        help="一个举措或单位的简报：Word 报告或 PowerPoint 演示文稿（与 `python -m figures brief` "
        "相同；用法见其 --help）",
        add_help=False,
    )
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["brief"]:  # the figures command line parses the rest
        from figures.__main__ import main as figures_main
        from graph.cli import called_as

        with called_as(prog("python -m graph")):
            return figures_main(argv)
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command in ("backup", "restore"):
            return _backup_or_restore(settings, args)
        if args.command == "status":
            return _status(settings)
        if args.command == "stop":
            from graph.embedded import EmbeddedServer

            stopped = EmbeddedServer(settings.data_dir).stop()
            print("已停止内置服务器" if stopped else "内置服务器未在运行")
            return 0
        if args.command == "review" and args.review_command == "hash-password":
            return _hash_password()
        from graph.store import open_store

        with open_store(settings) as store:
            if args.command == "reset":
                if not args.yes and input(
                    f"删除 {store.description} 中的全部内容？[y/N] "
                ).strip().lower() not in ("y", "yes"):
                    print("未删除任何内容")
                    return 1
                if args.with_decisions:
                    store.clear()
                    print("图已清空")
                else:
                    from graph import review

                    kept = review.clear_keeping_decisions(store)
                    print(f"图已清空，保留 {kept} 条审核决定（--with-decisions 会一并删除）；")
                    print("重新导入文件后这些决定会再次应用")
            elif args.command == "export":
                from graph import export
                from queries import resolve_entity
                from queries.explore import neighbourhood_graph

                fmt = args.format or export.format_for(args.output)
                if args.format and args.output.suffix.lower() in export.BY_SUFFIX:
                    implied = export.BY_SUFFIX[args.output.suffix.lower()]
                    if implied != args.format:
                        raise CourtgraphError(
                            f"{args.output}：扩展名表示 {implied}，--format 却是 "
                            f"{args.format}；请把文件命名为 {args.output.stem}"
                            f"{export.SUFFIX[args.format]}"
                        )
                if not args.output.parent.is_dir():
                    raise CourtgraphError(f"{args.output}：文件夹 {args.output.parent} 不存在")
                if not 1 <= args.limit <= 100_000:
                    raise CourtgraphError(f"--limit 应在 1 到 100,000 之间，而不是 {args.limit}")

                from queries.citations import cite_graph
                from queries.scope import chosen

                scope = chosen(store, (args.collections or "").split(","))
                entity = resolve_entity(store, args.entity)
                kinds = args.kinds.split(",") if args.kinds else None
                sub_graph = neighbourhood_graph(
                    store,
                    entity,
                    depth=args.depth,
                    kinds=kinds,
                    limit=args.limit,
                    verified=args.verified,
                )
                if scope.names:
                    sub_graph = export.within(sub_graph, entity, scope.docs)
                if fmt != "cypher":  # a script recreates the store's facts, nothing added
                    cite_graph(store, sub_graph)  # year, sentence, title and URL per fact
                export.export(sub_graph, fmt, args.output)
                print(
                    f"{args.output}：{sub_graph.number_of_nodes()} 个节点，"
                    f"{sub_graph.number_of_edges()} 条关系"
                    + (f"（{scope.note()}）" if scope.names else "")
                )
            elif args.command == "delete-document":
                from graph import review

                # decisions stay (dates, flags follow); the queue heads are kept current
                if not review.delete_document(store, args.doc_id):
                    raise CourtgraphError(f"图中没有文档 {args.doc_id!r}")
                print(f"已删除 {args.doc_id}")
            elif args.command in ("collections", "delete-collection"):
                return _collections(store, args)
            elif args.command == "review":
                return _review(store, args)
        return 0
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)


def _initiative_name(store: Any, value: str) -> str | None:
    """The name of the initiative `value` (an id, a name or an alias) that a learning visit
    studied, as the visit keeps it; None for '' (no initiative named)."""
    if not value:
        return None
    from queries.registry import resolve_entity

    iid = resolve_entity(store, value, label="Initiative")
    rows = store.read("MATCH (i:Entity {id: $id}) RETURN i.name AS name", {"id": iid})
    return str(rows[0]["name"]) if rows else value
