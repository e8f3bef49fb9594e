"""Reported figures: counts, rates, money, durations and rankings with what they measure.

`find_outcomes(text)` returns one `OutcomeHit` per figure: value as stated with 万 scaled for
counts (近4万件 -> 40000 件) and money kept in 万元/亿元 as written (700多万元 -> 700 万元,
qualifier 多), the qualifier (余/多/约/近/超), the direction (同比上升 -> up), the period
expression before it (截至今年4月底) and the clause it stands in. Rankings (位居全省第一) are
values with the unit 名.

Not outcomes: dates, ordinals (第14次, 第一方阵), numbers inside quotes or right after a quoted
list (“…”5项重点工作), slogans in Chinese numerals (三个维度, 两天一调度), case facts (一批…
系列案件仅用3天), meeting participation (3名法官作经验介绍), standing staff (现有11名法官),
targets (20项测评项目要求) and modifiers (增资180亿元的产业园).

>>> [(h.value, h.unit_of_measure, h.qualifier) for h in find_outcomes("今年共化解纠纷300余件。")]
[(300.0, '件', '余')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.numbers import clause_bounds, is_chinese_numeral, parse_number

_CN = "一二两三四五六七八九十百千"
_CN_NUM = (  # 三百, 八万六千, 九十六点五
    r"[" + _CN + r"零〇]+(?:点[零〇一二三四五六七八九]+)?(?:[万亿][" + _CN + r"零〇]+)?"
)
_ARABIC_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 1,246 and 3663
_SP = r"[ \u3000\u00a0]?"  # pages put stray spaces around figures: 2,315 件, 11.2 %
_UOM = "个百分点|百分点|%|万元|亿元|元|人次|件|案|名|家|个月|个|项|条|次|份|笔|天|人|场|起|批|篇|部|户|位"
_QTY = re.compile(
    r"(?=[将接近约大超逾达\d" + _CN + r"])"  # lets the scan skip characters no figure starts with
    r"(?P<pre>将近|接近|近|约|大约|超过|超|逾|达到|达)?"
    r"(?P<num>"
    + _ARABIC_NUM
    + "|"
    + _CN_NUM
    + r")"
    + _SP
    + r"(?P<q1>余|多)?(?P<big>万|亿)?(?P<q2>余|多)?"
    + _SP
    + r"(?P<uom>"
    + _UOM
    + r")"
)
#: 百分之九十六点五, 百分之14
_PERCENT_CN = re.compile(
    r"(?P<pre>将近|接近|近|约|超过|超|逾|达到|达)?百分之(?P<num>"
    + _ARABIC_NUM
    + "|"
    + _CN_NUM
    + r")"
)
#: a Chinese numeral right after a result verb is a reported figure (缩短至二十天)
_RESULT_BEFORE = re.compile(r"(?:至|到|为|达|共|计)$")
#: a plan or a target, not a result (力争年内新建10个, 计划培训200人)
_TARGET_BEFORE = re.compile(r"力争|确保|计划|预计|目标|将要|准备")
#: jurisdiction and scope (管辖三个镇) are standing facts
_SCOPE_BEFORE = re.compile(r"管辖|下辖|辖有|覆盖人口|总面积")
_MODIFIER_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,4}的(?!时间)")
_RANK = re.compile(
    r"(?:位居|排名|位列|排在|名列|居)(?:全国|全省|全市|全区|全州)?(?:[^，,。；;\n]{0,6}?中)?"
    r"(?:排名)?(?:位居)?第(?P<num>\d+|[一二三四五六七八九十]+)(?![方批季次期届轮])"
)
_HALF = re.compile(r"(?P<pre>将近|接近|近|约|超过|超)?一半")
_QUOTED = re.compile(r"[“「][^“”「」\n]*[”」]")
_CASE_FACT = re.compile(
    r"(?<!第)一批|一起[\u4e00-\u9fff]{0,8}?(?:案|纠纷|事故)|该案|此案|系列[^，。,]{0,8}案件|一案|"
    r"曾因|某某|[\u4e00-\u9fff]某(?:与|诉|因)"
)
_PARTICIPATION = re.compile(r"作经验介绍|经验交流|表态发言|交流发言|参加|出席|参会|列席|作发言")
_STANDING = re.compile(r"现有|共有干警|编制")
_TARGET = re.compile(r"要求|目标|任务")
#: Chinese numerals count only with these units (两家, 交流两人, 四次, 十个案例)
_CN_UOMS = frozenset(["家", "人", "次", "名", "件", "位", "起", "场", "批", "笔", "份", "个"])
_ABSTRACT_AFTER = re.compile(
    r"^(?:维度|方面|要求|目标|重点|环节|机制|任务|原则|效果|层面|阶段|方阵|一体|工程|行动|品牌|领域|"
    r"问题|关键|抓手|导向|体系|理念|意识|能力|作用|统一|步骤|规定|标准|字|点)"
)
_QUALIFIER = {
    "将近": "近",
    "接近": "近",
    "近": "近",
    "约": "约",
    "大约": "约",
    "超过": "超",
    "超": "超",
    "逾": "超",
    "余": "余",
    "多": "多",
}
_UP = re.compile(r"上升|增长|提升|提高|增加|增幅|上涨")
_DOWN = re.compile(r"下降|减少|降低|缩减|缩短|降幅|回落|下滑")
_PERIOD = re.compile(
    r"(?=[截自今去前第上下年以近每\d一二三四五六七八九十])"
    r"(?:截至|截止到?|自)?(?:(?:19|20)\d{2}年|今年|去年|前年)?"
    r"(?:第[一二三四]季度|[上下]半年|\d{1,2}(?:-\d{1,2})?月(?:底|末|初|份)?(?:至|到|-)\d{1,2}月(?:底|末)?"
    r"|\d{1,2}(?:-\d{1,2})?月(?:底|末|初|份)?|年初以来|以来)"
    r"|(?:19|20)\d{2}年(?![\d月])|今年以来|[一二三四五六七八九十\d]+年来|近[一二三四五\d]年|每月|每年|每周"
)
_LEAD = re.compile(r"^(?:其中|同时|此外|另外|共|累计|已|均|全年|目前|当前|截至目前)+")
_TAIL = re.compile(r"(?:达到|达|为|共|累计|已|约|近|超过|超|逾|分别|仅用|用时|了)+$")
_COUNT_UOMS = frozenset(
    [
        "件",
        "案",
        "名",
        "家",
        "个",
        "项",
        "条",
        "次",
        "份",
        "笔",
        "人",
        "场",
        "起",
        "批",
        "篇",
        "部",
        "户",
        "位",
        "人次",
    ]
)


@dataclass(frozen=True)
class OutcomeHit:
    start: int  # the figure's offsets
    end: int
    value: float
    unit_of_measure: str
    metric: str
    text_start: int  # the clause quoted as the outcome's text
    text_end: int
    qualifier: str | None = None
    direction: str | None = None
    period: str | None = None  # the period expression as written (截至今年4月底)


def _spans(pattern: re.Pattern[str], text: str, limit: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text, 0, limit)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


class _Bounds:
    """Sentence and line boundaries and period expressions of one text, for fast look-ups."""

    def __init__(self, text: str) -> None:
        self.n = len(text)
        self.stops = [m.start() for m in re.finditer("[。！!？?\n]", text)]
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        periods = list(_PERIOD.finditer(text))
        self.period_starts = [m.start() for m in periods]
        self.periods = periods

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.stops, pos)
        a = self.stops[i - 1] + 1 if i > 0 else 0
        b = self.stops[i] if i < len(self.stops) else self.n
        return a, b

    def period(self, pos: int) -> str | None:
        """The last period expression that ends before `pos` in its line."""
        i = bisect.bisect_left(self.breaks, pos)
        line_start = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.period_starts, pos) - 1
        while j >= 0 and self.period_starts[j] >= line_start:
            m = self.periods[j]
            if m.end() <= pos:
                return m.group(0)
            j -= 1
        return None


def _metric(text: str, c_start: int, num_start: int, after: str, uom: str) -> str:
    before = text[c_start:num_start]
    before = _PERIOD.sub("", before)
    before = _LEAD.sub("", before)
    before = _TAIL.sub("", before).strip("，,、 “”")
    if len(before) < 2:
        before = (before + after).strip("，,、 “”")
    if uom in _COUNT_UOMS and before and not re.search(r"[数量率]$", before):
        before += "数"
    return before


def find_outcomes(text: str, *, limit: int | None = None) -> list[OutcomeHit]:
    """Figures in text[:limit] that report what courts did, in text order."""
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    quotes = _spans(_QUOTED, text, limit)
    first_line_end = text.find("\n")
    title_end = first_line_end if first_line_end >= 0 and "。" not in text[:first_line_end] else 0
    hits: list[OutcomeHit] = []
    bounds = _Bounds(text)

    def skip_context(start: int, end: int) -> bool:
        if start < title_end or _inside(quotes, start):
            return True
        if start > 0 and text[start - 1] == "”":
            return True  # “A、B、C”5项重点工作: the count of a quoted list
        s, e = bounds.sentence(start)
        c_start, c_end = clause_bounds(text, start, end)
        clause = text[c_start:c_end]
        if _CASE_FACT.search(text[s:e]) or _PARTICIPATION.search(clause):
            return True
        before = text[c_start:start]
        if _TARGET_BEFORE.search(before) or _SCOPE_BEFORE.search(before):
            return True
        if _STANDING.search(text[max(c_start, start - 4) : start]):
            return True
        return "涉" in text[max(c_start, start - 3) : start]

    def add(
        start: int, end: int, value: float, uom: str, num_start: int, qualifier: str | None
    ) -> None:
        c_start, c_end = clause_bounds(text, start, end)
        clause = text[c_start:c_end]
        direction = "up" if _UP.search(clause) else "down" if _DOWN.search(clause) else None
        metric = _metric(text, c_start, num_start, text[end:c_end], uom)
        hits.append(
            OutcomeHit(
                start,
                end,
                value,
                uom,
                metric,
                c_start,
                c_end,
                qualifier,
                direction,
                bounds.period(start),
            )
        )

    for m in _QTY.finditer(text, 0, limit):
        num, uom = m.group("num"), m.group("uom")
        start, end = m.start("num"), m.end()
        if start > 0 and text[start - 1] in "第-~—－.．" + "0123456789":
            continue
        if start > 1 and text[start - 1] == "," and text[start - 2].isdigit():
            continue  # the tail of 1,246 when the scan starts inside it
        if m.group("pre") is None and start > 0 and text[start - 1] in _CN + "之":
            continue
        chinese = is_chinese_numeral(num)
        after = text[end : end + 8]
        value = parse_number(num)
        if value is None:
            continue
        if chinese:
            # 八万六千, 二点一万, 三百: a written-out figure; 三个, 两家: a small count
            figure = bool(m.group("big")) or value >= 100 or "点" in num
            result = bool(m.group("pre")) or _RESULT_BEFORE.search(text[max(0, start - 1) : start])
            if value < 2 or _ABSTRACT_AFTER.match(after):
                continue
            if not figure and not result and uom not in _CN_UOMS:
                continue
            if end < len(text) and text[end] in _CN:
                continue  # 两天一调度, 一年一卷: a formula
        if m.group("big") and uom not in ("元",):
            value = round(value * (10_000 if m.group("big") == "万" else 100_000_000), 6)
        elif m.group("big"):
            uom = m.group("big") + "元"
        if uom == "%" or uom == "百分点":
            uom = "%" if uom == "%" else "个百分点"
        if after.startswith("的") and not after.startswith("的时间"):
            continue
        if _MODIFIER_AFTER.match(after) and uom in _COUNT_UOMS:
            continue  # 对全市15家法院的执行案件: the count qualifies a noun
        if _TARGET.search(after[:6]) and uom in ("项", "条", "个"):
            continue
        if skip_context(start, end):
            continue
        c_start = clause_bounds(text, start, end)[0]
        # 送达人次23222人: the clause names the unit
        if uom == "人" and text[c_start:start].endswith("人次"):
            uom = "人次"
        pre = m.group("pre")
        qualifier = (
            _QUALIFIER.get(pre or "")
            or _QUALIFIER.get(m.group("q1") or "")
            or (_QUALIFIER.get(m.group("q2") or ""))
        )
        add(start, end, value, uom, m.start(), qualifier)
    for m in _PERCENT_CN.finditer(text, 0, limit):
        value = parse_number(m.group("num"))
        if value is None or skip_context(m.start("num"), m.end()):
            continue
        add(m.start("num"), m.end(), value, "%", m.start(), _QUALIFIER.get(m.group("pre") or ""))
    for m in _RANK.finditer(text, 0, limit):
        start = m.start("num")
        if skip_context(m.start(), m.end()):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        c_start, c_end = clause_bounds(text, m.start(), m.end())
        metric = _metric(text, c_start, m.start(), "", "名") + "排名"
        hits.append(
            OutcomeHit(
                start,
                m.end(),
                value,
                "名",
                metric,
                c_start,
                c_end,
                None,
                None,
                bounds.period(m.start()),
            )
        )
    for m in _HALF.finditer(text, 0, limit):
        if skip_context(m.start(), m.end()) or text[m.end() : m.end() + 1] not in ("的", ""):
            continue
        c_start, c_end = clause_bounds(text, m.start(), m.end())
        metric = _metric(text, c_start, m.start(), text[m.end() : c_end], "%") + "占比"
        hits.append(
            OutcomeHit(
                m.start(),
                m.end(),
                50.0,
                "%",
                metric,
                c_start,
                c_end,
                _QUALIFIER.get(m.group("pre") or ""),
                None,
                bounds.period(m.start()),
            )
        )
    hits.sort(key=lambda h: h.start)
    return _drop_determiners(text, hits)


_DETERMINED = re.compile(r"(?:家|个|所)(?:基层)?(?:法院|法庭|人民法庭|单位)")


def _drop_determiners(text: str, hits: list[OutcomeHit]) -> list[OutcomeHit]:
    """三家法院道交纠纷平均办理周期缩短至二十天: a count of courts that heads a clause reporting
    another figure only says whose figure it is."""
    out: list[OutcomeHit] = []
    for i, h in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        uom_start = h.end - len(h.unit_of_measure) if h.unit_of_measure in ("家", "个") else -1
        if (
            nxt is not None
            and nxt.text_start == h.text_start
            and nxt.unit_of_measure != h.unit_of_measure
            and is_chinese_numeral(text[h.start : uom_start])
            and uom_start >= 0
            and _DETERMINED.match(text, uom_start)
        ):
            continue
        out.append(h)
    return out
