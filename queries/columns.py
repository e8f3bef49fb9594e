"""Chinese headers and values of the named queries' columns, for people reading a table.

The command line's table view (`python -m queries NAME`) shows a column's Chinese header and
its coded values in Chinese (stage `promoted` → 推广部署); `--format json|csv` keep the
English keys and codes unchanged, for researchers' scripts. A column missing here shows its
key.

    >>> header("unit_id"), shown_value("stage", "piloted")
    ('单位 ID', '试点')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from graph.model import CATEGORY_ZH, LABEL_ZH, LEVEL_ZH, REL_ZH, STAGE_ZH

__all__ = ["COLUMN_ZH", "VALUE_ZH", "header", "shown_row", "shown_value"]

COLUMN_ZH: dict[str, str] = {
    "a": "起点",
    "adopted": "已推行",
    "adopted_date": "推行日期",
    "adoption_fact_id": "推行事实 ID",
    "adoption_fact_ids": "各推行事实 ID",
    "adoption_status": "推行事实核实状态",
    "adoption_statuses": "各推行事实核实状态",
    "above": "本院或上级法院",
    "aliases": "别名",
    "b": "终点",
    "c": "文档集",
    "candidate": "候选举措",
    "category": "类别",
    "children": "下级单位数",
    "city": "城市",
    "collection": "文档集",
    "collections": "文档集",
    "confidence": "置信度",
    "conflict": "数字冲突",
    "court": "法院",
    "court_id": "法院 ID",
    "date": "日期",
    "date_note": "日期说明",
    "date_precision": "日期精度",
    "dates": "日期",
    "depth": "层数",
    "detail": "内容",
    "content_hash": "内容哈希",
    "direction": "方向",
    "doc_date": "文档日期",
    "doc_title": "文档标题",
    "doc_url": "文档网址",
    "doc_id": "文档 ID",
    "doc_ids": "文档 ID",
    "doc_year_counts": "各年文档数",
    "inside": "在辖区内",
    "doc_years": "文档年份",
    "documents": "文档数",
    "end": "结束位置",
    "unit_ids": "所辖单位 ID",
    "evidence": "证据句",
    "evidence_doc_id": "证据所在文档 ID",
    "evidence_end": "证据句原文结束位置",
    "evidence_start": "证据句原文起始位置",
    "fact_id": "事实 ID",
    "fact_ids": "各事实 ID",
    "fact_type": "事实类型",
    "facts": "事实数",
    "encoding": "编码",
    "filtered": "已筛选",
    "first_date": "最早日期",
    "has_roster": "有法庭名录",
    "hops": "步数",
    "host": "被学习单位",  # a learning visit's (learning_visits)
    "host_id": "被学习单位 ID",
    "id": "ID",
    "ids": "ID",
    "initiative": "举措",
    "initiative_en": "English",
    "initiative_id": "举措 ID",
    "kind": "类型",
    "kinds": "类型",
    "level": "层级",
    "link_status": "关联核实状态",
    "link_fact_id": "关联事实 ID",  # a figure's link to its initiative (REPORTED figure → initiative)
    "mentioned": "提及方式",
    "metric": "指标",
    "mine": "本院",
    "name": "名称",
    "names": "名称",
    "original_end": "原文结束位置",
    "original_sentence": "原文句子",
    "original_start": "原文起始位置",
    "outcome_id": "成效数据 ID",
    "parent_id": "上级 ID",
    "paths": "文件",
    "period": "期间",
    "visitor": "学习单位",  # a learning visit's (learning_visits)
    "visitor_id": "学习单位 ID",
    "person": "姓名",
    "person_id": "人物 ID",
    "properties": "属性",
    "province": "省份",
    "qualifier": "限定语",
    "quote": "引文",
    "r": "关系",
    "roster": "名录",
    "rule": "规则",
    "rules": "规则",
    "scope": "范围",
    "sentence": "句子",
    "site": "网站",
    "source": "起点",
    "source_id": "起点 ID",
    "source_kind": "起点类型",
    "source_name": "起点名称",
    "stage": "阶段",
    "stages": "阶段",
    "start": "起始位置",
    "status": "核实状态",
    "statuses": "各事实核实状态",
    "surface": "原文写法",
    "target": "终点",
    "target_id": "终点 ID",
    "target_kind": "终点类型",
    "target_name": "终点名称",
    "text": "正文",
    "tied_to": "文中关联的举措",
    "title": "标题",
    "type": "关系",
    "types": "关系",
    "unit": "单位",
    "unit_id": "单位 ID",
    "unit_of_measure": "计量单位",
    "units": "单位数",
    "unverified": "未核实",
    "urls": "网址",
    "value": "数值",
    "year": "年份",
}

_STATUS_ZH = {"extracted": "待核实", "confirmed": "已确认", "corrected": "已修改"}
_STATUS_ZH.update(rejected="已驳回", reference="名录数据")
_PRECISION_ZH = {"day": "日", "month": "月", "year": "年", "document": "发文日期"}
_DIRECTION_ZH = {"up": "上升", "down": "下降"}

#: what follows a date that is only the article's own (date_precision "document"), wherever
#: a table, an export or a briefing shows it beside real adoption dates
DOCUMENT_DATE_MARK = "（文档日期）"


def date_shown(date: str | None, precision: str | None) -> str | None:
    """A date as a person reads it: an article's date marked as such.

    >>> date_shown("2023-04-12", "document"), date_shown("2023-04", "month")
    ('2023-04-12（文档日期）', '2023-04')
    """
    if date and precision == "document":
        return date + DOCUMENT_DATE_MARK
    return date


_KIND_ZH = {**LABEL_ZH, **REL_ZH}

#: coded values shown in Chinese, by column
VALUE_ZH: dict[str, dict[str, str]] = {
    "stage": STAGE_ZH,
    "stages": STAGE_ZH,
    "level": LEVEL_ZH,
    "kind": _KIND_ZH,
    "kinds": _KIND_ZH,
    "source_kind": _KIND_ZH,
    "target_kind": _KIND_ZH,
    "type": _KIND_ZH,
    "types": _KIND_ZH,
    "fact_type": _KIND_ZH,
    "category": CATEGORY_ZH,
    "status": _STATUS_ZH,
    "statuses": _STATUS_ZH,
    "link_status": _STATUS_ZH,
    "adoption_status": _STATUS_ZH,
    "adoption_statuses": _STATUS_ZH,
    "date_precision": _PRECISION_ZH,
}


def header(column: str) -> str:
    """`column`'s Chinese header (its key when it has none)."""
    return COLUMN_ZH.get(column, column)


def shown_value(column: str, value: Any) -> Any:
    """`value` of `column` with its codes in Chinese (a list: each item); other values as
    they are."""
    table = VALUE_ZH.get(column)
    if table is None:
        return value
    if isinstance(value, list):
        return [table.get(v, v) if isinstance(v, str) else v for v in value]
    return table.get(value, value) if isinstance(value, str) else value


#: a document's date note (ingest.dates writes it in English, for the log) clause by clause in
#: Chinese; a clause no pattern knows stays as it is
_DATE_NOTE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (
            r"^date (\S+) from the metadata supplied with the file$",
            r"日期 \1 取自随文件提供的元数据",
        ),
        (r"^date (\S+) from the original-source URL (\S+)$", r"日期 \1 取自原始来源网址 \2"),
        (r"^date (\S+) from the page header$", r"日期 \1 取自网页的发布时间栏"),
        (r"^date (\S+) from the page URL (\S+)$", r"日期 \1 取自网页网址 \2"),
        (
            r"^date (\S+) from the wire dateline \(no date on the page, in its URL or in metadata\)$",
            r"日期 \1 取自电头（网页、网址和元数据中都没有日期）",
        ),
        (
            r"^no publication date on the page, in its URL or in metadata$",
            "网页、网址和元数据中都没有发布日期",
        ),
        (
            r"^page header (\S+) agrees and is more precise$",
            r"网页发布时间栏的 \1 与之一致且更精确",
        ),
        (r"^the page URL says (\S+)$", r"网页网址中的日期为 \1"),
        (r"^page header says (\S+)$", r"网页发布时间栏为 \1"),
        (r"^original-source URL says (\S+)$", r"原始来源网址中的日期为 \1"),
        (r"^URL says (\S+)$", r"网址中的日期为 \1"),
        (
            r"^the (?:wire )?dateline agrees and gives the day, (\S+)$",
            r"电头日期与之一致，并给出具体日期 \1",
        ),
        (r"^the text mentions dates up to (\S+)$", r"正文提到的日期最晚到 \1"),
        (r"^page header says (\S+) \(the repost date\)$", r"网页发布时间栏为 \1（转载日期）"),
        (
            r"^page header says (\S+) \(earlier than dates the text mentions \((\S+)\), so bogus\)$",
            r"网页发布时间栏为 \1（早于正文提到的日期 \2，不可信）",
        ),
        (r"^the original source's date wins$", "以原始来源的日期为准"),
        (
            r"^page header is earlier than dates the text mentions \((\S+)\)$",
            r"网页发布时间栏早于正文提到的日期（\1）",
        ),
        (r"^URL wins$", "以网址中的日期为准"),
        (
            r"^date (\S+) from the wire dateline, its year from a period the text reports as "
            r"just ended$",
            r"日期 \1 取自电头，年份取自正文所述刚结束的期间",
        ),
        (
            r"^the wire dateline gives (\S+) without a year \(the years the text mentions "
            r"suggest (\S+), but a story can be about another year\)$",
            r"电头只有 \1，没有年份（正文提到的年份提示 \2，但报道可能写的是别的年份）",
        ),
        (r"^the wire dateline gives (\S+) without a year$", r"电头只有 \1，没有年份"),
        (r"^no date given$", "因此不填日期"),
        (
            r"^the text names one event date, (\S+), and nothing later, so the article is from "
            r"then or soon after$",
            r"正文只提到一个事件日期 \1、没有更晚的日期，文章应写于当时或稍后",
        ),
    )
)


def date_note_zh(note: str | None) -> str | None:
    """A document's date note in Chinese where its clauses are known.

    >>> date_note_zh("date 2024-01-15 from the page header")
    '日期 2024-01-15 取自网页的发布时间栏'
    """
    if not note:
        return note
    parts = []
    for clause in note.split("; "):
        for pattern, zh in _DATE_NOTE_ZH:
            if pattern.match(clause):
                clause = pattern.sub(zh, clause)
                break
        parts.append(clause)
    return "；".join(parts)


#: a learning visit's direction from the entity asked about (queries.visits.DIRECTION_ZH)
VISIT_DIRECTION_ZH = {"learned_from": "向…学习", "hosted": "接待…学习考察", "about": "学习考察"}


def shown_row(row: dict[str, Any]) -> dict[str, Any]:
    """`row` with its coded values in Chinese (`shown_value`). `direction` is a figure's
    (上升/下降) in a row with a metric, a learning visit's (向…学习/接待…学习考察) in a row with
    a visitor, else the hierarchy's (上级/下级 of the unit)."""
    out = {k: shown_value(k, v) for k, v in row.items()}
    direction = row.get("direction")
    if isinstance(direction, str):
        words = (
            _DIRECTION_ZH
            if "metric" in row
            else VISIT_DIRECTION_ZH
            if "visitor" in row
            else {"up": "上级", "down": "下级"}
        )
        out["direction"] = words.get(direction, direction)
    if isinstance(row.get("date_note"), str):
        out["date_note"] = date_note_zh(row["date_note"])
    return out


def _repeats(col: str, other: str, rows: Sequence[dict[str, Any]]) -> bool:
    """True when `col` says nothing `other` does not in every row: a list holding just
    `other`'s value, an id made of a kind prefix and `other`'s value, or the source's own
    words and offsets (`original_sentence`, `original_start` …) where they are the
    normalized ones (a simplified-Chinese source: the evidence table showed each sentence
    twice)."""
    if col == f"original_{other}":
        return all(r.get(col) == r.get(other) for r in rows)
    for r in rows:
        v, w = r.get(col), r.get(other)
        if w is None or isinstance(w, (list, dict)):
            return False
        if isinstance(v, list):
            if v != [w]:
                return False
        elif not (
            isinstance(v, str) and isinstance(w, str) and v.split(":", 1)[-1] == w and ":" in v
        ):
            return False
    return True


def shown_columns(
    columns: Sequence[str], rows: Sequence[dict[str, Any]]
) -> tuple[list[str], list[str]]:
    """The columns a person's table shows, and those it leaves out because another column
    already says the same in every row (一个单位只有一条事实时的「各事实 ID」, 「单位 ID」 =
    类型前缀 + 单位名): a table too wide for a terminal or a slide is hard to read; JSON and
    CSV keep all."""
    cols, hidden = list(columns), []
    for c in columns:
        if any(o != c and o not in hidden and _repeats(c, o, rows) for o in cols):
            hidden.append(c)
    return [c for c in cols if c not in hidden], hidden
