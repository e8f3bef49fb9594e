"""Word reports in the typography of a court document, shared by every briefing (简报).

`Report` writes an A4 report the way court staff lay one out by hand: a 黑体 title and
numbered section headings (一、二、…) in black, 宋体 body text, tables with a bold header
row, pictures across the text width (a large one on a landscape page of its own), a numbered
source list whose addresses are never broken across lines, and page numbers in the footer.
`source_documents` and `source_lines` read and word the numbered source list.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.store import GraphStore

SERIF = "SimSun"  # 宋体: body text as in court documents
SANS = "SimHei"  # 黑体: headings
TEXT_WIDTH_CM = 15.8  # A4 less 2.6 cm margins
LANDSCAPE_WIDTH_CM = 25.7  # A4 landscape less 2.0 cm margins
NUMERALS = "一二三四五六七八九十"
HEAD_SHADE = "EEF2F6"  # a table's group heading rows, as in the portfolio figure


def source_documents(store: GraphStore, ids: list[str]) -> list[dict[str, Any]]:
    """Title, date, URLs and collections of these documents (named query `document_sources`,
    in as few questions as its row limit and the id-list limit allow)."""
    from queries.explore import document_sources

    return _with_fingerprints(store, document_sources(store, ids))


def _with_fingerprints(store: GraphStore, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows`, those that share a title and date with another (`_title_key`) with their
    document's near-duplicate fingerprint (`fingerprint`): whether they are versions of one
    report is told by their text (`versions`). Few documents: one lookup by id."""
    keys = [_title_key(d) for d in rows]
    alike = [d["doc_id"] for d, k in zip(rows, keys, strict=True) if k and keys.count(k) > 1]
    if not alike:
        return rows
    found = store.read(
        "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.fingerprint AS fingerprint",
        {"ids": alike},
    )
    fps = {r["id"]: r["fingerprint"] for r in found if r.get("fingerprint")}
    return [{**d, "fingerprint": fps[d["doc_id"]]} if d["doc_id"] in fps else d for d in rows]


def newest_first(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents newest first, undated last (ties by id, so the numbering is stable)."""
    out = sorted(sources, key=lambda d: (d.get("date") or "0000", d["doc_id"]), reverse=True)
    return sorted(out, key=lambda d: d.get("date") is None)


def is_demo(source: dict[str, Any]) -> bool:
    """Whether a `document_sources` row is a demo document (invented facts)."""
    from graph.collections import DEMO_COLLECTION

    return DEMO_COLLECTION in (source.get("collections") or [])


def demo_count(
    store: GraphStore, ids: list[str], *, collections: Sequence[str] | None = None
) -> int:
    """How many of the documents `ids` are demo documents: 0 at once when there are no ids
    or the store has no demo documents (the collections' kept counts: a lookup), else asked
    of their sources. With `collections` (a picture of those collections' facts), only the
    documents in one of them count: a fact they report may be reported by others too."""
    from graph.collections import DEFAULT_COLLECTION
    from graph.collections import collections as kept_counts

    if not ids or not any(c.demo and c.documents for c in kept_counts(store)):
        return 0
    chosen = set(collections or ())

    def in_scope(d: dict[str, Any]) -> bool:
        return not chosen or bool(chosen & set(d.get("collections") or [DEFAULT_COLLECTION]))

    return sum(1 for d in source_documents(store, ids) if is_demo(d) and in_scope(d))


#: what a source list and a briefing's summary say of demo documents: their facts are invented
DEMO_MARK = "（演示文档，内容虚构）"


def _month_end(day: str) -> bool:
    try:
        return (_dt.date.fromisoformat(day) + _dt.timedelta(days=1)).day == 1
    except ValueError:
        return False


def period_zh(period: str | None) -> str:
    """A figure's period as a court document writes it: whole months and years in Chinese,
    other spans as dates with 至 (the year once when it does not change).

    >>> period_zh("2023-09-01/2023-09-30"), period_zh("2023-01-01/2023-12-31")
    ('2023年9月', '2023年')
    >>> period_zh("2022-01-01/2022-04-30"), period_zh("2021-07-01/2022-06-30")
    ('2022年1—4月', '2021年7月—2022年6月')
    >>> period_zh("2024-01-01/2024-03-18"), period_zh("2021-06-13/2022-06-13")
    ('2024-01-01 至 03-18', '2021-06-13 至 2022-06-13')
    >>> period_zh("2023"), period_zh(None)
    ('2023', '未注明')
    """
    if not period:
        return "未注明"
    start, sep, end = period.partition("/")
    if not sep or len(start) != 10 or len(end) != 10:
        return period
    (y0, m0), (y1, m1) = (int(start[:4]), int(start[5:7])), (int(end[:4]), int(end[5:7]))
    if start.endswith("-01") and _month_end(end):  # whole months
        if y0 == y1 and (m0, m1) == (1, 12):
            return f"{y0}年"
        if y0 == y1:
            return f"{y0}年{m0}月" if m0 == m1 else f"{y0}年{m0}—{m1}月"
        return f"{y0}年{m0}月—{y1}年{m1}月"
    if y0 == y1:
        return f"{start} 至 {end[5:]}"
    return f"{start} 至 {end}"


#: a figure's scope (范围) when it is the reporting unit's own (queries.library.scope_of)
OWN_SCOPES = frozenset({"本院", "本庭", "本单位"})


def area_scope(o: dict[str, Any]) -> str | None:
    """The area a figure covers when it is not the reporting unit's own (its `scope`, e.g.
    辽宁省本溪市全市法院: a 中院's figure for every court of its city), else None.

    >>> area_scope({"scope": "辽宁省本溪市全市法院"}), area_scope({"scope": "本院"}), area_scope({})
    ('辽宁省本溪市全市法院', None, None)
    """
    scope = (o.get("scope") or "").strip()
    return scope if scope and scope not in OWN_SCOPES else None


def whose(o: dict[str, Any], *, own: bool = False) -> str:
    """Whose figure it is: the reporting unit's short name (本院 when `own`: the court a
    briefing is about), or the area it covers when the text gives one, with the unit that
    reported it unless that is the court briefed (a high court's figure for its province is
    not its own).

    >>> whose({"unit": "辽宁省高级人民法院", "scope": "辽宁省全省法院"})
    '辽宁省全省法院（辽宁高院报告）'
    >>> whose({"unit": "辽宁省高级人民法院", "scope": "辽宁省全省法院"}, own=True)
    '辽宁省全省法院'
    >>> whose({"unit": "辽宁省高级人民法院", "scope": "本院"}, own=True)
    '本院'
    """
    from figures.names import short_court_name

    unit = "本院" if own else short_court_name(o["unit"] or "")
    if area := area_scope(o):
        return area if own else f"{area}（{unit}报告）"
    return unit


def demo_warning(sources: Sequence[dict[str, Any]]) -> str:
    """A warning when any of `sources` is a demo document, else ""."""
    n = sum(1 for d in sources if is_demo(d))
    if not n:
        return ""
    return (
        f"注意：资料来源中有 {n} 篇演示文档（文档集「演示数据」，内容为虚构的示例事实），"
        "由它们得出的内容不能作为汇报依据。"
    )


def source_title(d: dict[str, Any]) -> str:
    """A source's title as a source list prints it: a document without a URL with its file's
    name (else its document id) after the title (queries.explore.source_name), so that two
    documents of one title (an article and its corrected copy, often undated) can be told
    apart and found.

    >>> source_title({"doc_id": "doc:1", "title": "甲院推行", "paths": ["/data/a9_jia.txt"]})
    '甲院推行（a9_jia.txt）'
    >>> source_title({"doc_id": "doc:1", "title": "甲院推行", "urls": ["http://a"]})
    '甲院推行'
    >>> source_title({"doc_id": "doc:1"})
    'doc:1'
    """
    from queries.explore import source_name

    title = d.get("title") or d["doc_id"]
    name = source_name(d)
    return f"{title}（{name}）" if name and name != title else title


def source_lines(sources: Sequence[dict[str, Any]]) -> list[str]:
    """'[1] title（file name），date，url' for each document, numbered in order (the file's
    name or document id when there is no URL: `source_title`); a demo document is marked,
    and so is each of two versions of one report (`versions`): which is the changed copy
    when the row says (`changed_copy_of`: the id of the document it changes), else that they
    are versions whose differences the reader checks in the originals."""
    lines = []
    number = {d["doc_id"]: i for i, d in enumerate(sources, 1)}
    alike = versions(sources)
    for i, d in enumerate(sources, 1):
        url = (d.get("urls") or [""])[0]
        lines.append(
            f"[{i}] {source_title(d)}，{d.get('date') or '日期不详'}"
            + (f"，{url}" if url else "")
            + (DEMO_MARK if is_demo(d) else "")
            + _version_mark(d, alike.get(d["doc_id"], []), number, sources)
        )
    return lines


def source_labels(sources: Sequence[dict[str, Any]]) -> list[str]:
    """'title（file name）（date）' of each document, as a picture's footnote names them."""
    return [source_title(d) + (f"（{d['date']}）" if d.get("date") else "") for d in sources]


def source_caption(sources: Sequence[dict[str, Any]], *, where: str = "备注") -> str:
    """The line a chart or picture cites its documents with: the first two and how many,
    where the whole list is; "" without documents.

    >>> source_caption([{"doc_id": "doc:1", "title": "甲院推行", "date": "2026-01-02"}])
    '来源：甲院推行（doc:1）（2026-01-02）（详见备注）'
    """
    if not sources:
        return ""
    labels = source_labels(sources)
    more = f" 等 {len(labels)} 篇文档" if len(labels) > 2 else ""
    return f"来源：{'；'.join(labels[:2])}{more}（{'全部来源' if more else '详'}见{where}）"


#: titles ingest gives a document without one (ingest.pipeline): no sign of one report
PLACEHOLDER_TITLES = frozenset({"（无标题）", "(无标题)", "无标题"})


def _title_key(d: dict[str, Any]) -> tuple[str, str] | None:
    """(title, date) of a source, None when either is missing or the title a placeholder."""
    title = re.sub(r"\s+", "", d.get("title") or "")
    if not title or title in PLACEHOLDER_TITLES or not d.get("date"):
        return None
    return (title, d["date"])


def same_text(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    """Whether two sources' texts are near duplicates (their fingerprints within
    graph.summaries.REPOST_DISTANCE bits, as ingest tells reposts); None when a row carries no
    fingerprint (the reader is told they may be versions).

    >>> same_text({"fingerprint": "0f"}, {"fingerprint": "0e"}), same_text({}, {"fingerprint": "0f"})
    (True, None)
    """
    from graph.summaries import REPOST_DISTANCE, hamming

    fa, fb = a.get("fingerprint"), b.get("fingerprint")
    if not fa or not fb:
        return None
    try:
        return hamming(fa, fb) <= REPOST_DISTANCE
    except ValueError:  # fingerprints of another size: not comparable
        return None


def versions(sources: Sequence[dict[str, Any]]) -> dict[str, list[int]]:
    """Document id -> the numbers ([n] in the list) of the other documents of `sources` with
    its title and date and (when the rows carry fingerprints) nearly its text: versions of
    one report (an article and its corrected copy look alike in a source list, and a
    briefing may cite both). Different sites' reports of one meeting share a title and a
    date, not their text; a placeholder title (（无标题）) or a missing date says nothing.

    >>> versions([{"doc_id": "a", "title": "甲会议", "date": "2024-03-18"},
    ...           {"doc_id": "b", "title": "乙会议", "date": "2024-03-18"},
    ...           {"doc_id": "c", "title": "甲会议", "date": "2024-03-18"}])
    {'a': [3], 'c': [1]}
    >>> versions([{"doc_id": "a", "title": "（无标题）"}, {"doc_id": "b", "title": "（无标题）"}])
    {}
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for i, d in enumerate(sources, 1):
        key = _title_key(d)
        if key is not None:
            groups.setdefault(key, []).append(i)
    out: dict[str, list[int]] = {}
    for numbers in groups.values():
        for n in numbers if len(numbers) > 1 else ():
            d = sources[n - 1]
            others = [m for m in numbers if m != n and same_text(d, sources[m - 1]) is not False]
            if others:
                out[d["doc_id"]] = others
    return out


def _surely(sources: Sequence[dict[str, Any]], pairs: Iterable[tuple[int, int]]) -> bool:
    """Whether these pairs of sources (numbers) are known near-duplicates by their text."""

    def known(a: dict[str, Any], b: dict[str, Any]) -> bool:
        changed = b["doc_id"] in (a.get("changed_copy_of"),) or a["doc_id"] in (
            b.get("changed_copy_of"),
        )
        return changed or bool(same_text(a, b))

    return all(known(sources[a - 1], sources[b - 1]) for a, b in pairs)


def _version_mark(
    d: dict[str, Any], others: list[int], number: dict[str, int], sources: Sequence[dict[str, Any]]
) -> str:
    if not others:
        return ""
    refs = "、".join(f"[{n}]" for n in others)
    changes = number.get(d.get("changed_copy_of") or "")
    if changes in others:
        return f"（[{changes}] 的改动稿：较晚收录，数字与之不同）"
    changed_by = [n for n in others if sources[n - 1].get("changed_copy_of") == d["doc_id"]]
    if changed_by:
        return f"（旧稿：其改动稿为 {'、'.join(f'[{n}]' for n in changed_by)}）"
    n = number[d["doc_id"]]
    what = (
        "同一报道的不同版本"
        if _surely(sources, ((n, m) for m in others))
        else "可能是同一报道的不同版本"
    )
    return f"（与 {refs} 标题、日期相同：{what}，哪份为更正稿请核对原文）"


def versions_note(
    sources: Sequence[dict[str, Any]],
    figures: Sequence[tuple[str, str, list[str]]],
) -> str:
    """Under a table of figures: the figures two versions of one report (`versions`) give
    differently, each with its document's number ('' when none differ). `figures`: (what,
    value, document ids) per row, what naming the unit, metric and period.

    >>> src = [{"doc_id": "a", "title": "甲会议", "date": "2024-03-18", "fingerprint": "0f"},
    ...        {"doc_id": "b", "title": "甲会议", "date": "2024-03-18", "fingerprint": "0e"}]
    >>> versions_note(src, [("明山区法院调解成功率", "46.8%", ["a"]),
    ...                     ("明山区法院调解成功率", "48.6%", ["b"]),
    ...                     ("明山区法院诉前调解案件数", "1205件", ["a", "b"])])
    '注意：[1]、[2] 标题和日期相同，是同一报道的不同版本，所报数字有出入：明山区法院调解成功率 46.8%〔[1]〕、48.6%〔[2]〕。引用前请核对原文，确认哪份为更正稿。'
    """
    alike = versions(sources)
    if not alike:
        return ""
    number = {d["doc_id"]: i for i, d in enumerate(sources, 1)}
    values: dict[str, dict[str, list[int]]] = {}
    for what, value, doc_ids in figures:
        cited = [number[x] for x in doc_ids if x in alike]
        if cited:
            values.setdefault(what, {}).setdefault(value, []).extend(cited)
    differ = {what: by for what, by in values.items() if len(by) > 1}
    if not differ:
        return ""
    docs = sorted({n for by in differ.values() for ns in by.values() for n in ns})
    parts = [
        what
        + " "
        + "、".join(
            f"{v}〔{'、'.join(f'[{n}]' for n in sorted(set(ns)))}〕" for v, ns in by.items()
        )
        for what, by in differ.items()
    ]
    changed = [sources[n - 1] for n in docs if sources[n - 1].get("changed_copy_of") in number]
    which = (
        "其中 " + "、".join(f"[{number[d['doc_id']]}]" for d in changed) + " 为改动稿（较晚收录）。"
        if changed
        else "引用前请核对原文，确认哪份为更正稿。"
    )
    pairs = [(a, b) for a in docs for b in alike[sources[a - 1]["doc_id"]] if b in docs]
    what = "是同一报道的不同版本" if _surely(sources, pairs) else "可能是同一报道的不同版本"
    return (
        f"注意：{'、'.join(f'[{n}]' for n in docs)} 标题和日期相同，{what}，"
        f"所报数字有出入：{'；'.join(parts)}。{which}"
    )


#: the marks of conflicting figures in a table (数字冲突①) and in the note under it
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: what a figure's cell says under its value when the same unit reports another value
CONFLICT_MARK = "数字冲突"
#: the key of a figure that two copies may report differently (queries.library.mark_conflicts)
_CONFLICT_KEY = ("unit_id", "metric", "unit_of_measure", "scope", "period")


def _circled(n: int) -> str:
    return CIRCLED[n - 1] if n <= len(CIRCLED) else f"({n})"


@dataclass
class Conflicts:
    """The figures of a table that another figure contradicts: `marks` (row -> '①': the
    same mark on every row of one unit, metric, scope and period with several values) and
    the `notes` under the table, one a mark, each value with its sources' numbers."""

    marks: dict[int, str]
    notes: list[str]

    def cell(self, row: int, value: str) -> str:
        """A value's cell: the value, and under it 数字冲突① when it has a mark."""
        mark = self.marks.get(row)
        return f"{value}\n{CONFLICT_MARK}{mark}" if mark else value

    def note(self) -> str:
        """The notes as one paragraph ('' when no figure conflicts)."""
        return "\n".join(self.notes)


def conflicts(
    rows: Sequence[dict[str, Any]],
    whats: Sequence[str],
    refs: Sequence[str],
) -> Conflicts:
    """The conflicting figures among `rows` (figures as the outcome queries return them, in
    the table's order): where one unit reports one metric, unit of measure, scope and period
    with two values (a corrected near-copy, 数字有改动, keeps both: queries.library's
    `mark_conflicts`, computed here again over the rows the table lists, so that a note
    never names a figure of another collection or one the table leaves out). `whats`: each
    row's unit, metric and period as the note names them; `refs`: each row's source numbers.

    >>> rows = [{"unit_id": "u", "metric": "调解成功率", "value": v, "unit_of_measure": "%",
    ...          "scope": "本院", "period": None} for v in (62.5, 65.2)]
    >>> c = conflicts(rows, ["甲院调解成功率"] * 2, ["[2]", "[1]"])
    >>> c.marks, c.cell(1, "65.2%").splitlines()
    ({0: '①', 1: '①'}, ['65.2%', '数字冲突①'])
    >>> print(c.notes[0])
    ①　甲院调解成功率：所收文档报告了不同的数字 62.5%〔[2]〕、65.2%〔[1]〕。

    Two units reporting the same metric with different values do not conflict:

    >>> two = [{**r, "unit_id": u} for r, u in zip(rows, ("甲", "乙"))]
    >>> conflicts(two, ["甲院调解成功率", "乙院调解成功率"], ["[2]", "[1]"]).marks
    {}

    A bound (超过90%) contradicts no exact figure:

    >>> bound = [{**rows[0], "value": 90, "qualifier": "超"}, rows[1]]
    >>> conflicts(bound, ["甲院调解成功率"] * 2, ["[2]", "[1]"]).marks
    {}
    """
    from queries.library import mark_conflicts

    marked = mark_conflicts(
        [{k: r.get(k) for k in (*_CONFLICT_KEY, "value", "qualifier")} for r in rows],
        by=("unit_id",),
    )
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(marked):
        if r.get("conflict"):
            groups.setdefault(tuple(str(r.get(k)) for k in _CONFLICT_KEY), []).append(i)
    marks: dict[int, str] = {}
    notes = []
    for n, members in enumerate(groups.values(), 1):
        mark = _circled(n)
        values: dict[str, list[str]] = {}
        for i in members:
            marks[i] = mark
            values.setdefault(outcome_value(rows[i]), []).append(refs[i])
        shown = "、".join(
            f"{v}〔{'、'.join(dict.fromkeys(x for x in rs if x)) or '来源未列出'}〕"
            for v, rs in values.items()
        )
        notes.append(f"{mark}　{whats[members[0]]}：所收文档报告了不同的数字 {shown}。")
    if notes:
        notes.append(CONFLICT_NOTE)
    return Conflicts(marks, notes)


#: under the notes of conflicting figures: what they are and what to do before citing one
CONFLICT_NOTE = (
    "数字冲突：同一单位就同一指标、范围和期间报告了不同的数字（例如一篇稿件的更正稿与原稿）。"
    "引用前请核对原文，确认哪一个为准；若一份稿件取代另一份，可在审核中驳回旧的数字，"
    "或删除旧稿（python -m graph delete-document 文档编号）。"
)


#: qualifiers written between the number and its unit (300余件), after the unit (30天内),
#: or (the rest: 约, 近, 超, 不到, 前 ...) before the number
_INSIDE = frozenset({"余", "多"})
_AFTER = frozenset({"以上", "内", "以内", "以下"})


def outcome_value(o: dict[str, Any]) -> str:
    """A reported figure as the document words it, its qualifier in its place.

    >>> outcome_value({"value": 2300.0, "unit_of_measure": "件", "qualifier": "余"})
    '2300余件'
    >>> outcome_value({"value": 30, "unit_of_measure": "天", "qualifier": "内"})
    '30天内'
    >>> outcome_value({"value": 46.8, "unit_of_measure": "%", "qualifier": "约"})
    '约46.8%'
    """
    q, u = o.get("qualifier") or "", o.get("unit_of_measure") or ""
    v = f"{o['value']:g}" if isinstance(o.get("value"), int | float) else str(o.get("value"))
    if q in _INSIDE:
        return f"{v}{q}{u}"
    if q in _AFTER:
        return f"{v}{u}{q}"
    return f"{q}{v}{u}"


def fonts(
    run: Any, east_asia: str, size: float | None = None, bold: bool = False, black: bool = False
) -> None:
    """A run's East Asian face (Word takes the Latin face from the style), size and weight."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.bold = bold
    if black:  # headings in black, as in a court document (Word's styles colour them blue)
        run.font.color.rgb = RGBColor(0, 0, 0)
    if size:
        run.font.size = Pt(size)
    rpr = run._element.get_or_add_rPr()
    found = rpr.find(qn("w:rFonts"))
    if found is None:
        found = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(found)
    found.set(qn("w:eastAsia"), east_asia)


def _style_fonts(style: Any, east_asia: str) -> None:
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    found = rpr.find(qn("w:rFonts"))
    if found is None:
        found = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(found)
    found.set(qn("w:eastAsia"), east_asia)


def _page_number(paragraph: Any) -> None:
    """A PAGE field: Word fills in the page number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _keep_whole(row: Any) -> None:
    """A row is never broken across two pages (a figure's metric on one page and its value
    on the next read as two facts)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _only_run(cell: Any, text: str) -> Any:
    """The cell emptied to one paragraph with one run holding `text`; returns the run."""
    cell.text = text
    return cell.paragraphs[0].runs[0]


#: a hyphen between digits (2024-03-18, 03-18): Word and LibreOffice may break a line after
#: it, which put 2024-03- on one line of a table's cell and 18 on the next
_DIGIT_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
#: a date or a range of digits that is never broken (its width sets a column's least width)
_UNBROKEN = re.compile(r"\d+(?:-\d+)+")
#: the width of a digit or hyphen at a table's 10.5 pt, in cm (0.65 em: the widest Latin
#: face a reader's Word or LibreOffice substitutes), and a cell's left and right margins
#: where a line may break between a date and the note after it (2024-03-18（文档日期）):
#: LibreOffice sees no break before the full-width bracket, and with the hyphens unbreakable
#: it cut the date itself (2024-03-1 / 8（文档日期）); a zero-width space allows the break
_BEFORE_NOTE = re.compile(r"(?<=\d-\d\d)(?=（)")
ZWSP = "\u200b"
_DIGIT_CM = 0.65 * 10.5 / 72 * 2.54
_CELL_MARGINS_CM = 0.45


def _set_text(run: Any, text: str) -> None:
    """The text of a `w:r` element, a line break (`w:br`) for each newline and a
    non-breaking hyphen (`w:noBreakHyphen`) between digits, so a date stays on one line."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag in ("w:t", "w:br", "w:noBreakHyphen"):
        for old in run.findall(qn(tag)):
            run.remove(old)
    for i, line in enumerate(text.split("\n")):
        if i:
            run.append(OxmlElement("w:br"))
        for j, part in enumerate(_DIGIT_HYPHEN.split(_BEFORE_NOTE.sub(ZWSP, line))):
            if j:
                run.append(OxmlElement("w:noBreakHyphen"))
            el = OxmlElement("w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = part
            run.append(el)


def column_widths(
    widths: Sequence[float], rows: Sequence[Sequence[str] | str], total: float = TEXT_WIDTH_CM
) -> list[float]:
    """`widths` (in proportion) scaled to `total` cm, each column at least as wide as its
    longest date (`_UNBROKEN`), the room taken from the columns with room to spare.

    >>> row = ["诉前调解", "上级推广 2024-03-18（文档日期）", "1（推行 1）", "2024-03-18（文档日期）"]
    >>> column_widths([4.4, 4.2, 4.6, 2.6], [row])
    [4.29, 4.17, 4.49, 2.86]
    """
    sizes = [total * w / sum(widths) for w in widths]
    least = [0.0] * len(sizes)
    for row in rows:
        if isinstance(row, str):
            continue
        for j, value in enumerate(row[: len(sizes)]):
            for token in _UNBROKEN.findall(value):
                least[j] = max(least[j], len(token) * _DIGIT_CM + _CELL_MARGINS_CM)
    short = sum(max(0.0, n - w) for n, w in zip(least, sizes, strict=True))
    spare = sum(max(0.0, w - n) for n, w in zip(least, sizes, strict=True))
    if short <= 0 or spare <= short:  # nothing to do, or no room to do it in
        return [round(w, 2) for w in sizes]
    out = []
    for n, w in zip(least, sizes, strict=True):
        out.append(n if w < n else w - (w - n) * short / spare)
    return [round(w, 2) for w in out]


class Report:
    """An A4 Word report built section by section; `save()` returns the .docx bytes.

    >>> r = Report("示例简报")
    >>> r.section("基本情况"), r.section("资料来源")
    ('一、基本情况', '二、资料来源')
    """

    def __init__(self, title: str) -> None:
        from docx import Document
        from docx.shared import Cm, Pt

        self.title_text = title
        self.doc = Document()
        self.sections = 0
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.6))
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(12)
        _style_fonts(normal, SERIF)
        for name in ("Title", "Heading 1", "Heading 2"):
            _style_fonts(self.doc.styles[name], SANS)

    def title(self, text: str) -> None:
        fonts(self.doc.add_heading(level=0).add_run(text), SANS, 22, bold=True, black=True)

    def heading(self, text: str, level: int = 1) -> None:
        h = self.doc.add_heading(level=level)
        fonts(h.add_run(text), SANS, 16 if level == 1 else 14, bold=True, black=True)

    def section(self, text: str) -> str:
        """A numbered section heading (一、基本情况); returns the heading's text."""
        numeral = NUMERALS[self.sections] if self.sections < 10 else str(self.sections + 1)
        self.sections += 1
        self.heading(f"{numeral}、{text}")
        return f"{numeral}、{text}"

    def para(self, text: str, size: float = 12, *, keep: bool = False) -> None:
        """A paragraph of body text; `keep`: on the same page as what follows (a note that
        explains the table under it)."""
        p = self.doc.add_paragraph()
        fonts(p.add_run(text), SERIF, size)
        if keep:
            p.paragraph_format.keep_with_next = True

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[str] | str],
        *,
        widths: Sequence[float] | None = None,
    ) -> Any:
        """A grid with a bold header row; a row given as a plain string is a group heading
        across the whole table (shaded, 黑体); a line break in a value ('\\n') is kept.
        `widths` in cm, in proportion.

        The first row of each kind is laid out through python-docx and the others are
        copies of its XML with their own text: python-docx's own layout of every row is many
        times slower on a long table."""
        import copy

        from docx.oxml.ns import qn
        from docx.shared import Cm

        t = self.doc.add_table(rows=1, cols=len(columns))
        t.style = "Table Grid"
        # a date column at least as wide as its dates (they are never broken, _set_text)
        fitted = column_widths(widths or [1.0] * len(columns), rows)
        if not widths and fitted == column_widths([1.0] * len(columns), []):
            fitted = []  # no date to make room for: Word's own even widths, as before
        sizes = [Cm(w) for w in fitted]
        if sizes:  # Word reads the cells' widths, LibreOffice the grid's: set both
            t.autofit = False
            for j, size in enumerate(sizes):
                t.columns[j].width = size
        _keep_whole(t.rows[0])  # (before tblHeader: the schema orders cantSplit first)
        _repeat_header(t.rows[0])  # on every page the table runs onto
        header = t.rows[0].cells
        data = t.add_row().cells
        _keep_whole(t.rows[1])  # the template every data row is copied from
        for j, c in enumerate(columns):
            fonts(_only_run(header[j], c), SANS, 10.5, bold=True)
            fonts(_only_run(data[j], ""), SERIF, 10.5)
            if sizes:
                header[j].width = data[j].width = sizes[j]
        head_tr = None
        if any(isinstance(r, str) for r in rows):
            cells = t.add_row().cells
            merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
            fonts(_only_run(merged, ""), SANS, 10.5, bold=True)
            _shade(merged, HEAD_SHADE)
            _keep_whole(t.rows[-1])
            head_tr = t.rows[-1]._tr
            head_tr.getparent().remove(head_tr)
        data_tr = t.rows[1]._tr
        data_tr.getparent().remove(data_tr)
        tbl = t._tbl
        for row in rows:
            tr = copy.deepcopy(data_tr if not isinstance(row, str) else head_tr)
            assert tr is not None  # a heading row's template exists when a row is a heading
            runs = list(tr.iter(qn("w:r")))
            for run, value in zip(runs, [row] if isinstance(row, str) else row, strict=True):
                _set_text(run, value)
            tbl.append(tr)
        self.doc.add_paragraph()  # a line of space after every table
        return t

    def picture(self, png: bytes, width_cm: float = TEXT_WIDTH_CM) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))

    def landscape_picture(self, png: bytes, note: str) -> None:
        """`png` across a landscape page of its own (`note` says so where the text stands);
        the report goes on in portrait after it."""
        from docx.enum.section import WD_ORIENT, WD_SECTION
        from docx.shared import Cm

        self.para(note, 10.5)
        wide = self.doc.add_section(WD_SECTION.NEW_PAGE)
        wide.orientation = WD_ORIENT.LANDSCAPE
        wide.page_width, wide.page_height = Cm(29.7), Cm(21)
        for side in ("left_margin", "right_margin"):
            setattr(wide, side, Cm(2.0))
        self.picture(png, LANDSCAPE_WIDTH_CM)
        back = self.doc.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = WD_ORIENT.PORTRAIT
        back.page_width, back.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(back, side, Cm(2.6))

    def sources(self, lines: Sequence[str]) -> None:
        """The numbered source list, each address on a line of its own: a date or an address
        is never broken by the wrapping of a long line."""
        for line in lines:
            p = self.doc.add_paragraph()
            head, _, url = line.partition("，http")
            run = p.add_run(head)
            fonts(run, SERIF, 10.5)
            if url:
                run.add_break()
                fonts(p.add_run("http" + url), SERIF, 9)

    def save(self) -> bytes:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number(footer)
        self.doc.core_properties.title = self.title_text
        self.doc.core_properties.author = "courtgraph"
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
