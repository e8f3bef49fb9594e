"""The article's own court, and 我院/本院/该院: which court each of them means.

The home court is the one named most, in the title and in the first paragraph; a court in a
metadata row (来源：…) or cited as a source (据某法院发布的报告) counts only when no other is
named. When the article speaks of 我院/本院, it is a court's own: the one court its metadata
row names (the publisher) or the court visited in its lead (某某一行到乙法院调研) is the home,
and courts whose people visit 我院 (某某一行莅临我院) never are. A special court's named
group (乌鲁木齐铁路运输两级法院) may be the home. 我院/本院 are the home court; 该院 is the
court named last before it, except the subject of its own clause.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.courts.resolver import Found
from ingest.courts.sentences import is_body, line_spans
from ingest.roster import SUPREME

if TYPE_CHECKING:
    from ingest.courts.resolver import Resolver


_SELF = re.compile(r"我院|本院|该院|該院")
_THIS_COURT = ("该院", "該院")
SELF_SURFACES = frozenset(("我院", "本院", *_THIS_COURT))
_CLAUSE_BREAK = frozenset("，,。！？；;：:!?\n")
_PREPOSITIONS = frozenset("从据向在对经与和同跟由给被让把为到赴至随")
_UNIT_OF_PERSON = ("院长", "副院长", "党组", "法官", "干警", "庭长", "负责人", "工作人员", "的")


# Rows of page metadata: a court there is the publisher or the source, not the subject.
_META_ROW = re.compile(
    r"[ \t]*[^\n。]{0,30}?(?:(?:来源|作者|发布单位|供稿|稿源|编辑|责编|责任编辑|出处|主办|主管"
    r"|承办)[ \t]*[:：]|发文机关|发布机关|制定机关)[^\n。]{0,80}$"
)
#: a photo caption or credit line (…。（乙县法院供图）): its court is not what the article is about
_CAPTION = re.compile(r"供图|图片来源|图片由[^，,。\n]{1,20}提供")
_HEADLINE_STOP = re.compile(r"[。；;]")
# 据某法院发布的…, 根据某法院的统计: the court is the source the clause cites
_CITING = re.compile(r"[ \t]*(?:据|根据|依据|援引|引用|转引自|转自)")
_CITED_WORK = re.compile(
    r"(?:近日|日前|此前|最新)?(?:发布|公布|印发|发表|编写|撰写|编制|出具)(?:的|了)?[^，。；\n]{0,12}?"
    r"(?:报告|白皮书|蓝皮书|调研|通报|统计|数据)"
)


#: 某某一行到乙县法院调研: the court visited (the host) right after a verb of coming …
_VISIT_BEFORE = re.compile(r"(?:到|赴|莅临|来到|深入|走进)$")
#: … and the purpose of the visit soon after it
_VISIT_AFTER = re.compile(
    r"[^，,。；;！？\n]{0,12}?(?:调研|视察|考察|检查|督导|指导|走访|慰问|座谈|观摩|交流)"
)
#: a first-person reference to one's own court (not 该院, which points back)
_FIRST_PERSON = re.compile(r"我院|本院")


def _publisher(res: Resolver, meta: Sequence[tuple[int, int]]) -> str | None:
    """The one court a metadata row names (来源：乙县法院, 作者单位：乙县法院), when the article
    speaks of 我院/本院: a court's own article, whose 我院 is the publisher."""
    if not meta or not _FIRST_PERSON.search(res.text):
        return None
    courts = {
        f.court
        for f in res.found
        if not f.court.startswith("AGG:")
        and f.court != SUPREME  # the SPC's site reposts; its own texts do not say 我院
        and any(a <= f.start < b for a, b in meta)
    }
    return courts.pop() if len(courts) == 1 else None


def _visited(res: Resolver, spans: Sequence[tuple[int, int] | None]) -> str | None:
    """The court visited in the title or the first paragraph (甲高院某某一行到乙县法院调研):
    when the article then speaks of 我院/本院, it is written by the host, whose court that
    is, not by the visitors' (higher) court."""
    if not _FIRST_PERSON.search(res.text):
        return None
    text = res.folded
    for f in res.found:
        if f.court.startswith("AGG:") or f.court == SUPREME:
            continue
        if not any(span and span[0] <= f.start < span[1] for span in spans):
            continue
        if _VISIT_BEFORE.search(text, max(0, f.start - 2), f.start) and _VISIT_AFTER.match(
            text, f.end
        ):
            lo = f.start
            while lo > 0 and f.start - lo < 60 and text[lo - 1] not in _CLAUSE_BREAK:
                lo -= 1
            if _FIRST_PERSON.search(text, lo, f.start):
                continue  # 我院院长某某一行到乙县法院调研: the visitors are 我院
            return f.court
    return None


#: 某某一行莅临我院调研: the visitors come to the article's own court
_VISIT_SELF = re.compile(r"(?:到|赴|莅临|来到|走进)(?:我院|本院)")


def _visitors(res: Resolver) -> set[str]:
    """Courts whose people visit 我院/本院 (甲中院院长某某一行莅临我院调研), and courts that
    我院's people visit (我院院长某某一行到乙县法院调研): the other side of a visit, so not the
    article's own court."""
    text = res.folded
    out: set[str] = set()
    for f in res.found:
        if f.court.startswith("AGG:") or not _VISIT_BEFORE.search(
            text, max(0, f.start - 2), f.start
        ):
            continue
        lo = f.start
        while lo > 0 and f.start - lo < 60 and text[lo - 1] not in _CLAUSE_BREAK:
            lo -= 1
        if _FIRST_PERSON.search(text, lo, f.start) and _VISIT_AFTER.match(text, f.end):
            out.add(f.court)
    for m in _VISIT_SELF.finditer(text):
        if not _VISIT_AFTER.match(text, m.end()):
            continue
        lo = m.start()
        while lo > 0 and m.start() - lo < 60 and text[lo - 1] not in _CLAUSE_BREAK:
            lo -= 1
        out.update(
            f.court
            for f in res.found
            if lo <= f.start < m.start() and not f.court.startswith("AGG:")
        )
    return out


def home_court(res: Resolver, title: str | None) -> str | None:
    """The article's own court: named most, in the title line and in the first body
    paragraph. A court named only in a metadata row (来源：…, 发文机关…) or as the source
    of something cited (据某法院发布的报告) counts only when no other court is named. With
    我院/本院 in the text, the publisher or the host of a visit comes first and visitors
    are never the home (see the module docstring)."""
    text = res.text
    lines = line_spans(text)
    meta = [
        (a, b)
        for a, b in lines
        if _META_ROW.match(text, a, b) or (b - a <= 160 and _CAPTION.search(text, a, b))
    ]
    head = next(((a, b) for a, b in lines if (a, b) not in meta), None)
    if head and (head[1] - head[0] > 60 or _HEADLINE_STOP.search(text, head[0], head[1])):
        head = None  # the first line reads like a headline only when short
    if not title and head:
        title = text[head[0] : head[1]]
    first_para = next(((a, b) for a, b in lines if (a, b) not in meta and is_body(text[a:b])), None)
    publisher = _publisher(res, meta)
    if publisher is not None:
        return publisher
    host = _visited(res, (head, first_para))
    if host is not None:
        return host
    guests = _visitors(res) if _FIRST_PERSON.search(text) else set()
    scores: Counter[str] = Counter()
    first_pos: dict[str, int] = {}
    in_title: set[str] = set()
    in_para: set[str] = set()
    for f in res.found:
        if (f.court.startswith("AGG:") and f.level != "group") or f.court == SUPREME:
            continue  # a special court's 两级法院 (one named group) may be what it is about
        if f.court in guests:
            continue
        if any(a <= f.start < b for a, b in meta) or _cited(res, f):
            continue
        first_pos.setdefault(f.court, f.start)
        scores[f.court] += 1
        if first_para and first_para[0] <= f.start < first_para[1]:
            in_para.add(f.court)
        if title and text[f.start : f.end] in title:
            in_title.add(f.court)
    for c in in_title:
        scores[c] += 6
    for c in in_para:  # a paragraph that names one court is about it; one naming four is not
        scores[c] += 4 / len(in_para)  # type: ignore[assignment]
    if not scores:
        courts = [f.court for f in res.found if not f.court.startswith("AGG:")]
        courts = [c for c in courts if c not in guests]
        return courts[0] if courts else None
    best = max(scores.values())
    return min((c for c in scores if scores[c] == best), key=lambda c: first_pos[c])


def _cited(res: Resolver, f: Found) -> bool:
    """Whether the court at ``f`` is only the source of what the clause cites (据某法院
    发布的报告, 根据某法院统计) rather than the court the article is about."""
    text = res.folded
    start = f.start
    while start > 0 and f.start - start < 30 and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    if _CITING.match(text, start, f.start):
        return True
    return bool(_CITED_WORK.match(text, f.end, f.end + 24))


def self_references(res: Resolver, home: str | None) -> list[Found]:
    """我院/本院 are the home court; 该院 is the court named last before it, except the
    subject of its own clause: in 昆明中院已将该院做法推广 it is the court before 昆明中院."""
    out: list[Found] = []
    chain = sorted((f for f in res.found if not f.court.startswith("AGG:")), key=lambda f: f.start)
    text = res.folded
    for m in _SELF.finditer(text):
        target = home
        if m.group() in _THIS_COURT:
            n = bisect.bisect_left(chain, m.start(), key=lambda f: f.start)
            while n and chain[n - 1].end > m.start():
                n -= 1
            prev = chain[:n] if n < 64 else chain[n - 64 : n]  # the last few suffice
            prev = [_as_court(f) for f in prev]  # 该院 is a 院: a tribunal stands for its court
            subject = _clause_subject(res, prev, m.start())
            # 甲县法院按照乙中院部署…，该院院长…: the court whose lead is followed is named
            # in passing; 该院 is the court that acts (unless no other is named)
            acting = [f for f in prev if not _followed_by_another(text, chain, f)] or prev
            if subject is not None:
                others = [f for f in acting if f.court != subject]
                target = others[-1].court if others else (home if home != subject else None)
            else:
                target = acting[-1].court if acting else home
            if target:
                bisect.insort(chain, Found(m.start(), m.end(), target), key=lambda f: f.start)
        if target:
            out.append(Found(m.start(), m.end(), target))
    return out


#: 按照/根据/落实 … right before a court (also ingest.extract's followed courts), and its 部署/要求 … after it (按照乙中院统一部署,
#: 落实省法院工作要求), or 在 … 指导下: the court whose lead another court follows
FOLLOW_BEFORE = re.compile(
    r"(?:按照|根据|依照|依据|遵照|对照|落实|贯彻|响应|紧跟|紧扣|执行|认真落实|认真贯彻)$"
)
LEAD_AFTER = re.compile(
    r"[^，,。；;！!？?\n]{0,16}?(?:部署|要求|精神|意见|规定|号召|安排|决策|指示|通知)"
)
_GUIDED_AFTER = re.compile(
    r"(?:的)?(?:大力|精心|统筹|具体|有力|悉心)?(?:指导|统筹指导|牵头|部署|推动|支持|领导)(?:下|之下)"
)


def _followed(text: str, f: Found) -> bool:
    """The court at ``f`` is one whose lead the clause follows (按照乙中院部署, 在乙中院指导
    下), not the court that acts in it."""
    if FOLLOW_BEFORE.search(text, max(0, f.start - 4), f.start):
        return LEAD_AFTER.match(text, f.end) is not None
    return (
        f.start > 0 and text[f.start - 1] == "在" and _GUIDED_AFTER.match(text, f.end) is not None
    )


def _followed_by_another(text: str, chain: Sequence[Found], f: Found) -> bool:
    """The court at ``f`` is followed (``_followed``) and another court, the one that acts,
    is named in its sentence (甲县法院在乙中院指导下…, 在乙中院指导下，甲县法院…): in
    在甲县法院推动下，县综治中心成立调解室，该院… no other court acts and 该院 is still 甲县法院."""
    if not _followed(text, f):
        return False
    ends = "。！？!?\n"
    start = max(text.rfind(c, 0, f.start) for c in ends) + 1
    stop = min((i for i in (text.find(c, f.end) for c in ends) if i >= 0), default=len(text))
    return any(
        start <= g.start < stop
        and not f.start <= g.start < f.end
        and _as_court(g).court != f.court
        and not g.court.startswith("AGG:")
        for g in chain
    )


def _as_court(f: Found) -> Found:
    """A tribunal found (甲县人民法院乙人民法庭) as the court it belongs to, for 该院: the
    court's full name opens the tribunal's."""
    name = f.court
    if name.endswith("法庭") and "法院" in name[:-2]:
        court = name[: name.rindex("法院", 0, len(name) - 2) + 2]
        return dataclasses.replace(f, court=court, ref=None, level="")
    return f


def _clause_subject(res: Resolver, prev: Sequence[Found], pos: int) -> str | None:
    """The court that is the subject of the clause holding ``pos``: named in that clause
    before ``pos``, not after a preposition (记者从X法院获悉) and not a person's unit
    (X法院院长…)."""
    text = res.folded
    start = pos
    while start > 0 and text[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    for f in prev:
        if f.start < start or f.court.startswith("AGG:"):
            continue
        if any(ch in _PREPOSITIONS for ch in text[start : f.start]):
            continue
        if text.startswith(_UNIT_OF_PERSON, f.end):
            continue
        return f.court
    return None
