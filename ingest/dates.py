"""Publication dates: find them on the page, in URLs and in metadata, and pick the best.

Dates are ISO strings at the precision available: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

`choose_date` weighs the sources: metadata the caller gave (manifest, sidecar, ``meta=``) wins;
otherwise the URL of the *original* source of a repost (found in 原文链接) beats the page's own
header, which on aggregators is the repost date or a bogus timestamp; the page header beats
the page's own URL; a wire dateline (中新网广州8月21日电) gives the day to a year (and month)
from the header or URL, and dates the rest only when it states its year itself. A year guessed
from the body for a dateline, or an event date in the body (2024年3月15日，…召开…), is no
publication date: it is only written into the note. Every disagreement is written into the note and a warning.
The note is in Chinese (users read it with the document); the warnings are the log's.

Without a publication date, `reference_date` picks a day the text states (the date its lead
opens with, or its latest full date when all are of one year) to count 今年/去年 from; it is
no publication date (`DateChoice.reference`, and a clause of the note saying it was inferred).

`resolve_relative(expr, pub_date)` turns 今年4月底, 去年同期, 上半年, 2023年 ... into a period.

Example:
    >>> choose_date(page=["2022-06-20"], source_urls=[
    ...     "http://www.example.gov.cn/news/c2/2022-06/13/art_1.shtml"]).date
    '2022-06-13'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ingest.numbers import parse_integer

__all__ = [
    "TEXT_DATE",
    "DateChoice",
    "Reference",
    "choose_date",
    "content_dates",
    "credit_dates",
    "date_from_url",
    "dateline_anchored",
    "dateline_date",
    "dateline_day",
    "event_date",
    "page_dates",
    "parse_date",
    "portal_clocks",
    "reference_date",
    "relative_period",
    "resolve_relative",
    "text_date",
    "url_in_text",
]

_MIN_YEAR = 1980
_MAX_YEAR = 2100


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    return 1 <= d <= calendar.monthrange(y, m)[1]


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _year2(yy: int) -> int:
    """Two-digit year: 00-69 -> 20xx, 70-99 -> 19xx."""
    return 2000 + yy if yy < 70 else 1900 + yy


_NUM = r"[0-9]{1,4}|[〇○零一二两三四五六七八九十]{1,4}"
_FULL_DATE = re.compile(
    r"(?<![0-9])(?P<y>[0-9]{4}|[0-9]{2})\s*(?P<s1>[-/.年])\s*(?P<m>[0-9]{1,2})\s*(?P<s2>[-/.月])"
    r"\s*(?P<d>[0-9]{1,2})(?![0-9])\s*日?"
)
_CN_DATE = re.compile(
    r"(?P<y>[0-9]{4}|[〇○零一二三四五六七八九]{4})年(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
)
_YEAR_MONTH = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?![0-9./-])")
_YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})年")


def parse_date(value: str | None) -> str | None:
    """A date string in any usual form -> ISO at its own precision; None if it is not one.

    Example:
        >>> parse_date("2020年4月1日"), parse_date("21-01-28 15:28"), parse_date("2024/09")
        ('2020-04-01', '2021-01-28', '2024-09')
    """
    if not value:
        return None
    s = str(value).strip()
    m = _CN_DATE.search(s)
    if m:
        y = parse_integer(m.group("y"))
        mo = parse_integer(m.group("m"))
        d = parse_integer(m.group("d")) if m.group("d") else None
        if y is not None and mo is not None and _valid(y, mo, d):
            return _iso(y, mo, d)
    m = _FULL_DATE.search(s)
    if m and not (m.group("s1") == "年") ^ (m.group("s2") == "月"):
        y = int(m.group("y"))
        if len(m.group("y")) == 2:
            y = _year2(y)
        mo, d = int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            return _iso(y, mo, d)
    m = _YEAR_MONTH.search(s)
    if m:
        y, mo = int(m.group("y")), int(m.group("m"))
        if _valid(y, mo):
            return _iso(y, mo)
    m = re.fullmatch(r"\s*([0-9]{4})\s*年?\s*", s)
    if m and _valid(int(m.group(1))):
        return m.group(1)
    return None


# --------------------------------------------------------------------------------------------
# URLs

_URL_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"/(\d{4})-(\d{1,2})-(\d{1,2})(?=[/_.]|$)"), "ymd"),
    (re.compile(r"/(\d{4})-(\d{2})/(\d{1,2})(?=/)"), "ymd"),
    (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/)"), "ymd"),
    (re.compile(r"/(\d{4})(\d{2})/(\d{2})(?=/)"), "ymd"),
    (re.compile(r"/(\d{4})/(\d{2})(\d{2})(?=/)"), "ymd"),  # /2021/0608/
    (re.compile(r"(?:/|\bt)(\d{4})(\d{2})(\d{2})(?=[/_])"), "ymd"),
    (re.compile(r"/(\d{4})/(\d{1,2})(?=/)"), "ym"),
    (re.compile(r"/(\d{4})-(\d{2})(?=/)"), "ym"),
    (re.compile(r"/(\d{4})(\d{2})(?=/)"), "ym"),
]


def date_from_url(url: str | None) -> str | None:
    """The date a URL path encodes (``/2022-06/13/``, ``/2024/09/``, ``/201911/26/``).

    Example:
        >>> date_from_url("http://court.example.cn/news/show/2024/09/id/55.shtml")
        '2024-09'
    """
    if not url:
        return None
    path = re.sub(r"^[a-zA-Z]+://[^/]*", "", url.strip())
    for pattern, kind in _URL_PATTERNS:
        for m in pattern.finditer(path):
            y, mo = int(m.group(1)), int(m.group(2))
            d = int(m.group(3)) if kind == "ymd" else None
            if _valid(y, mo, d) and y >= 1995:
                return _iso(y, mo, d)
    return None


# --------------------------------------------------------------------------------------------
# The page itself

# A bare 时间/日期 must open its field (时间：…, 【日期：…】): 开庭时间：… is an event's.
_LABEL = re.compile(
    r"(?:发布|发表|更新|刊发|录入|上传|出版|撰写|发文|印发|发稿|公开|创建|上线)(?:时间|日期)|(?<![\u4e00-\u9fff])(?:时间|日期)"
    r"|发布于|更新于|Date|Published"
)
# The value may sit in brackets (日期:[2023年01月18日], 发布时间：【2024-03-13】): e-paper headers.
_LABELLED = re.compile(
    rf"(?:{_LABEL.pattern})\s*[：:]?\s*[\[【(（]?\s*(?P<date>(?:[0-9]{{4}}|[0-9]{{2}})\s*[-/.年]\s*[0-9]{{1,2}}"
    r"\s*[-/.月]\s*[0-9]{1,2}\s*日?)"
)
# A header line that starts with a date, possibly followed by a time and 来源/作者 ...
_DATE_LINE = re.compile(
    r"^\s*[【\[(（]?[ \t]*(?P<date>(?:[0-9]{4}|[0-9]{2})[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}[ \t]*年[ \t]*"
    r"[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日)(?:[ \t]*(?:星期|周)[一二三四五六日天])?"
    r"(?:\s+[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?"
    r"[ \t]*[】\])）]?\s*(?:$|来源|作者|编辑|责任|字号|浏览|点击|【|\[|\|)",
    re.MULTILINE,
)
_HEAD_END = r"[ \t]*[】\])）]?[ \t]*(?:$|来源|作者|编辑|责任|字号|浏览|点击|【|\[|\|)"
# A page's timestamp in a portal's own layout, a clock time after it: 2026 01/07 15:17:13 (year,
# then month/day), 23.01.2017 13:08 (day.month.year), 2022年04月09日09:21 (the time glued on).
# The time, and the line holding nothing else, tell it from a figure or an event; a day.month
# pair that could be read either way is left alone.
_CLOCK_STAMP = re.compile(
    r"^[ \t]*[【\[(（]?[ \t]*(?:(?:(?P<y>(?:19|20)[0-9]{2})[ \t]+(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"
    r"|(?P<d2>[0-9]{1,2})\.(?P<m2>[0-9]{1,2})\.(?P<y2>(?:19|20)[0-9]{2}))[ \t]+"
    r"|(?P<y3>(?:19|20)[0-9]{2})年(?P<m3>[0-9]{1,2})月(?P<d3>[0-9]{1,2})日)"
    rf"[0-9]{{1,2}}[:：][0-9]{{2}}(?:[:：][0-9]{{2}})?{_HEAD_END}",
    re.MULTILINE,
)


def _clock_stamp(m: re.Match[str]) -> str | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    elif m.group("y3"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if d <= 12 and d != mo:
            return None  # 03.04.2017: the 3rd of April or the 4th of March
    return _iso(y, mo, d) if _valid(y, mo, d) else None


# A header row of labelled fields with a bare date among them (来源:某报 21-01-28 15:28;
# 作者:某某 2024年7月11日 浏览:30): a short line without a full stop.
# (a view counter may go without its colon: 某某法院 2024年3月5日 阅读量 120)
_FIELD_ROW = re.compile(
    r"^[^\n。！？]{0,80}?(?:(?:来源|作者|编辑|责编|责任编辑|浏览|点击|阅读|字号|供稿|稿源|出处)"
    r"(?:次数|量|数)?\s*[:：]|(?:浏览|点击|阅读)(?:次数|量|数)[ \t]*[0-9]+[ \t]*(?:次|人次)?[ \t]*$)"
    r"[^\n。！？]{0,80}?$",
    re.MULTILINE,
)
#: a field's label with its colon (来源：, 阅读量:): what a header row the counter alone lacks
_FIELD_LABEL = re.compile(
    r"(?:来源|作者|编辑|责编|责任编辑|浏览|点击|阅读|字号|供稿|稿源|出处)(?:次数|量|数)?\s*[:：]"
)
_ROW_DATE = re.compile(
    r"(?<![0-9])(?P<date>(?:[0-9]{4}|[0-9]{2})[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}[ \t]*年"
    r"[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日)(?![0-9])"
)

# A day written with spaces or slashes between its parts (2025 年 3 月 14 日, 2025 年/3 月/14 日).
_LOOSE_DAY = (
    r"(?P<y>(?:19|20)[0-9]{2})[ \t]*(?:年[ \t]*/?|[-/.])[ \t]*(?P<m>[0-9]{1,2})[ \t]*"
    r"(?:月[ \t]*/?|[-/.])[ \t]*(?P<d>[0-9]{1,2})[ \t]*日?"
)
# A newspaper credit: the issue's day and the page it was printed on (人民法院报/2025 年/3 月/
# 14 日/第 001 版; 《人民日报》（2025年06月18日 11 版）). The issue day is the publication day;
# the credit must be a short line of its own, not a sentence citing an old issue.
_EDITION = re.compile(
    rf"^[^\n，。；！？]{{0,40}}?(?<![0-9]){_LOOSE_DAY}[ \t]*(?:(?:星期|周)[一二三四五六日天])?"
    r"[ \t]*[/|｜,，]?[ \t]*(?:《[^《》\n]{1,20}》[ \t]*)?(?:第[ \t]*)?"
    r"(?:[A-Za-z]?[0-9]{1,3}|[一二三四五六七八九十]{1,3})[ \t]*版[^\n，。；！？]{0,30}$",
    re.MULTILINE,
)
# A day in Chinese numerals, as official documents write it: 二〇二一年一月十九日.
_CN_DAY = (
    r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日"
)
# A speech's or work report's subtitle: ——2023年2月9日在…会议上, ——二〇二一年一月十九日在…会议上
# (the day it was delivered, which is the day it was published); a long subtitle may wrap once
# (——2014年1月20日在某省第十二届人民代表大会 / 第二次会议上).
_VENUE = "(?:会议|大会|会|典礼|仪式|论坛|开幕式|闭幕式|座谈会)"
_DELIVERED = re.compile(
    rf"^[ \t]*(?:——|—|--|[(（]|－－)[ \t]*(?:{_LOOSE_DAY}|(?P<cn>{_CN_DAY}))[ \t]*在(?:[^\n。]{{1,60}}?"
    rf"{_VENUE}上|[^\n。]{{1,60}}\n[ \t]*[^\n。，,：:]{{0,30}}?{_VENUE}上[ \t]*[)）]?[ \t]*$)",
    re.MULTILINE,
)


# A header row of cells split by | with a date as one whole cell (标题 | 某法院 | 2024-07-17).
_PIPE_ROW = re.compile(r"^[^\n。！？]{0,80}[|｜][^\n。！？]{0,80}$", re.MULTILINE)
_CELL_DATE = re.compile(
    r"(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*"
    r"[0-9]{1,2}[ \t]*日)(?:[ \t]+[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?"
)


# A header line that ends with a day set off by a space (■本报记者 某某 标题 ——副题 2024年05月03日:
# an e-paper's flattened title block): a short line without a full stop, the date its last cell.
# (the parts of a day may stand apart, as a PDF prints them: 浙高法〔2023〕58 号 2023 年6 月30 日)
_DATE_AT_END = re.compile(
    r"^[^\n。！？!?]{4,160}?[ \t\u3000]+(?P<date>[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}"
    r"[ \t]*年[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日)[ \t\u3000]*$",
    re.MULTILINE,
)
# A dateline: a day, then the court, office or medium that issued the article, and nothing
# else (2024年4月9日　某县人民法院新闻中心; 2024-03-05 某某法院网; 2024年3月5日 某某日报).
_DATE_ISSUER = re.compile(
    r"^[ \t\u3000]*[【\[(（]?[ \t]*(?P<date>[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}[ \t]*年"
    r"[ \t]*[0-9]{1,2}[ \t]*月[ \t]*[0-9]{1,2}[ \t]*日)[ \t]*[】\])）]?[ \t\u3000]+"
    r"(?:来自[ \t]*[:：][ \t]*)?[\u4e00-\u9fff（）()]{1,30}(?:法院|法庭|新闻中心|办公室|宣传处|宣传科|政治部|研究室"
    r"|网|日报|晚报|时报|早报|商报|导报|周报|法治报|法制报|法院报|青年报|客户端|公众号|融媒体中心|电视台)"
    r"[ \t\u3000]*$",
    re.MULTILINE,
)

#: a verb opening what a day's line says was done (2018年3月1日 开通诉讼服务网): an event
_DONE = re.compile(
    r"[ \t\u3000]*(?:开通|上线|建成|接入|启用|开设|成立|设立|挂牌|揭牌|入驻|投入|开展|召开|举办"
    r"|发布|出台|印发|获评|荣获|被评|推出|开始|启动|实现|完成)"
)

# A page's timestamp standing as one cell of a short header row: a full date and a clock time,
# set off by the line's start, spaces or a separator (某院 · 公众号 · 2025-03-05 07:30; a view
# count after it: 2025-07-01 02:47:35 2次). The clock time tells it from a figure; the row holds
# no sentence, and a label before it (开庭时间, 截至) makes it an event's time.
_STAMP_ROW = re.compile(r"^[^\n。！？!?，,；;]{0,80}$", re.MULTILINE)
_STAMP_CELL = re.compile(
    r"(?:^|(?<=[ \t\u3000·•・|｜]))(?P<date>(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2})[ \t]+"
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?![0-9:])"
)
_STAMP_EVENT = re.compile(r"(?:时间|日期|截至|截止|定于|于|开庭|举行|开始|结束)[ \t\u3000]*$")


def _loose_day(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    return _iso(y, mo, d) if _valid(y, mo, d) else None


# A WeChat-style byline: up to three name tokens (原创, author, account), a date, a time and
# where it was posted (大邑法院 2023-09-08 17:30 发表于四川; 原创 某某 某法院 2023年09月08日 17:30
# 四川). The whole line must be the byline: a date inside a sentence is content.
_BYLINE = re.compile(
    r"^[ \t]*(?:原创[ \t]+)?(?:[^\s，。、；;：:！？!?“”]{1,20}[ \t]+){0,3}"
    r"(?P<date>[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)"
    r"(?:[ \t]*(?P<time>[0-9]{1,2}[:：][0-9]{2})(?:[:：][0-9]{2})?)?"
    r"(?:[ \t]*(?P<where>发表于[ \t]*[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff]{2,8}))?[ \t]*$",
    re.MULTILINE,
)


# A portal's clock: today's date shown above the breadcrumb (2025年6月1日 星期日 / 微信 | 微博 /
# 当前位置：首页 > …), the day the page was viewed. The article's own stamp comes under its
# title, below the breadcrumb; a date above the breadcrumb, or after 今天是, is never it.
_BREADCRUMB = re.compile(
    r"(?:当前位置|您的位置|你的位置|您当前的位置|您当前位置|您所在的位置|您现在的位置|所在位置|现在位置)"
    r"[ \t]*(?:是)?[ \t]*[:：>]"
)
_TODAY_LABEL = re.compile(r"(?:今天是|今日是|今天|今日)[ \t]*[:：]?[ \t]*$")


def _portal_clock(top: str, start: int, end: int) -> bool:
    """Whether the date at top[start:end] is a portal's clock: labelled 今天是, or followed by
    the breadcrumb within the next three lines."""
    line_start = top.rfind("\n", 0, start) + 1
    if _TODAY_LABEL.search(top, line_start, start):
        return True
    following = [x for x in top[end:].split("\n", 5)[1:5] if x.strip()][:3]
    return any(_BREADCRUMB.search(x) for x in following)


def portal_clocks(text: str, *, head: int = 1500) -> list[str]:
    """Days the page's top shows as a portal's clock (`_portal_clock`): not the page's date,
    even where a header cut from the page holds them alone.

    Example:
        >>> portal_clocks("2025年6月1日 星期日\\n当前位置：首页 > 调研\\n标题\\n时间：2009-07-18")
        ['2025-06-01']
    """
    top = text[:head]
    found: list[str] = []
    for pattern in (_DATE_LINE, _CLOCK_STAMP):
        for m in pattern.finditer(top):
            start = m.start("date") if pattern is _DATE_LINE else m.start()
            if _portal_clock(top, start, m.end()):
                iso = parse_date(m.group("date")) if pattern is _DATE_LINE else _clock_stamp(m)
                if iso and iso not in found:
                    found.append(iso)
    return found


# A byline of a day in figures with its author's name glued on or set off by a space
# (2019-07-23刘白露, 2019-07-23 刘白露): the whole line, a day and up to three names (a surname
# and one or two characters), nothing else.
_DAY_AUTHOR = re.compile(
    r"^[ \t]*(?P<date>(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2})[ \t]*"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[ \t]+[\u4e00-\u9fff]{2,4}){0,2})[ \t]*$",
    re.MULTILINE,
)


def _author_names(names: str, text: str) -> bool:
    """Whether `names` are authors' names: a surname and one or two characters, not a word
    (宣判), a unit (宣传科) or a place the text names (江宁 of 江宁区)."""
    from ingest.gazetteer import load_gazetteer
    from ingest.people import COMPOUND_SURNAMES, SURNAMES, _plausible_name  # the tables live there

    return all(
        ((n[0] in SURNAMES and len(n) <= 3) or (n[:2] in COMPOUND_SURNAMES and len(n) >= 3))
        and _plausible_name(n)
        and not re.search(re.escape(n) + "[省市县区镇乡村街]", text)
        and not load_gazetteer().lookup(n)  # 2023-05-10 江宁: a county's short name
        for n in names.split()
    )


def _delivered_days(text: str, *, head: int = 1500) -> list[str]:
    """Days of a speech's or work report's subtitle (`_DELIVERED`) at the top of `text`."""
    out = []
    for m in _DELIVERED.finditer(text[:head]):
        iso = parse_date(m.group("cn")) if m.group("cn") else _loose_day(m)
        if iso:
            out.append(iso)
    return out


def page_dates(text: str, *, head: int = 3000) -> list[str]:
    """Dates the page header states (发布时间：…, a date line under the title, a WeChat byline
    such as ``大邑法院 2023-09-08 17:30 发表于四川``), best first.

    Only the first `head` characters are searched: a date further down is content.

    Example:
        >>> page_dates("标题\\n原创 某县法院 2023-09-08 17:30 发表于四川\\n正文。")
        ['2023-09-08']
    """
    top = text[:head]
    found: list[str] = []
    for m in _LABELLED.finditer(top):
        iso = parse_date(m.group("date"))
        if iso and iso not in found:
            found.append(iso)
    for m in _DATE_LINE.finditer(top[:1500]):
        if _portal_clock(top, m.start("date"), m.end()):
            continue  # 2025年6月1日 星期日 above 当前位置：…: the day the page was viewed
        iso = parse_date(m.group("date"))
        if iso and iso not in found:
            found.append(iso)
    rows = list(_DAY_AUTHOR.finditer(top[:1500]))
    authored = [
        iso
        for m in rows
        if _author_names(m.group("names"), text)  # 2024-05-03 开庭: a day and an event
        and (iso := parse_date(m.group("date")))
    ]
    # several rows of a day and words (2024-03-01 立案 / 2024-04-02 宣判): a list of events or a
    # duty roster, no byline
    if len(rows) == 1 and authored and authored[0] not in found:
        found.append(authored[0])
    issued = [
        m
        for m in _DATE_ISSUER.finditer(top[:1500])
        # 2018年3月1日 开通诉讼服务网: a day and what was done, no issuer
        if not _DONE.match(
            top, m.end("date") + 1 if top[m.end("date")] in "】])）" else m.end("date")
        )
    ]
    # 2018年3月1日 开通诉讼服务网 / 2019年6月1日 上线移动微法院: a chronicle's rows, no dateline
    if len({m.group("date") for m in _DATE_ISSUER.finditer(top[:1500])}) == 1:
        for m in issued:
            iso = parse_date(m.group("date"))
            if iso and iso not in found:
                found.append(iso)
    for m in _CLOCK_STAMP.finditer(top[:1500]):
        if _portal_clock(top, m.start(), m.end()):
            continue
        iso = _clock_stamp(m)
        if iso and iso not in found:
            found.append(iso)
    for m in _BYLINE.finditer(top[:1500]):
        if m.group("where") and not (m.group("time") or m.group("where").startswith("发表于")):
            continue  # 某某 2023-09-08 某某: a trailing word needs a time or 发表于 before it
        iso = parse_date(m.group("date"))
        if iso and iso not in found:
            found.append(iso)
    for row in _FIELD_ROW.finditer(top[:1500]):
        if _FIELD_LABEL.search(row.group(0)) is None and re.search("[，,]", row.group(0)):
            continue  # 2023年12月31日，该院公众号年度总阅读量 1260000: a sentence's figure
        dm = _ROW_DATE.search(row.group(0))
        if dm and _NOT_EVENT_BEFORE.search(row.group(0)[: dm.start()]):
            continue  # 数据来源：…截至2023-12-31: a span, not the page's date
        iso = parse_date(dm.group("date")) if dm else None
        if iso and iso not in found:
            found.append(iso)
    for row in _PIPE_ROW.finditer(top[:1500]):
        cells = re.split(r"[|｜]", row.group(0))
        dated = [c for c in cells if _CELL_DATE.fullmatch(c.strip())]
        if len(cells) > 5 or len(dated) != 1:
            continue  # a table's row of figures or of several dates: content
        iso = parse_date(dated[0])
        if iso and iso not in found:
            found.append(iso)
    for m in _DATE_AT_END.finditer(top[:1500]):
        if _NOT_EVENT_BEFORE.search(m.group(0)[: m.start("date") - m.start()].rstrip()):
            continue  # 截至 2024-05-03: a span
        iso = parse_date(m.group("date"))
        if iso and iso not in found:
            found.append(iso)
    for row in _STAMP_ROW.finditer(top[:600]):
        for m in _STAMP_CELL.finditer(row.group(0)):
            if _STAMP_EVENT.search(row.group(0)[: m.start()]):
                continue  # 开庭时间 2024-05-01 09:30: an event's time
            iso = parse_date(m.group("date"))
            if iso and iso not in found:
                found.append(iso)
    for pattern in (_EDITION, _DELIVERED):
        for m in pattern.finditer(top[:1500]):
            cn = m.group("cn") if "cn" in pattern.groupindex else None
            iso = parse_date(cn) if cn else _loose_day(m)
            if iso and iso not in found:
                found.append(iso)
    return found


#: A full day the running text states, the one pattern both readers of the body's days use:
#: in words (2024年3月15日, 2024 年 3 月 15 号: groups y, m, d) or in figures (2024-03-15,
#: 2024.3.15, 2024/3/15: groups y, sep, m2, d2). `reference_date` counts 今年 from any of them;
#: `event_date` takes only the days in words, as a story tells what happened (a day in figures
#: in the body is a timestamp, a table's cell or a file's date, not an event told).
_FULL_DAY = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ \t]*(?:年[ \t]*(?P<m>[0-9]{1,2})[ \t]*月[ \t]*"
    r"(?P<d>[0-9]{1,2})[ \t]*[日号]|(?P<sep>[./-])(?P<m2>[0-9]{1,2})(?P=sep)(?P<d2>[0-9]{1,2})"
    r"(?![0-9]))"
)
# a date that opens a span or a deadline (截至…, 自…起, …前) is no event
_NOT_EVENT_BEFORE = re.compile(r"(?:截至|截止|截止到|至|到|自|从|定于|计划|预计|将于|拟于)\s*$")
#: after a day: the day something starts or must be done by, which the writing may precede
_TAKES_EFFECT_WORDS = "起|前|之前|以前|施行|实施|生效|截止"
_TAKES_EFFECT = re.compile(rf"[ \t]*(?:{_TAKES_EFFECT_WORDS})")
#: after a day: a start, a deadline, or the start of a span (…以来, …至…, …—…): no event
_NOT_EVENT_AFTER = re.compile(rf"^\s*(?:{_TAKES_EFFECT_WORDS}|以来|至|到|—|-|~)")
_EVENT_VERBS = re.compile(
    r"召开|举行|举办|揭牌|挂牌|成立|启动|开展|发布|印发|签署|签订|开庭|宣判|审结|座谈|调研|"
    r"走进|来到|出席|参加|会见|慰问|部署|通报|授牌|命名|表彰"
)
_SENTENCE = re.compile(r"[^。！？!?\n]*")


def event_date(text: str) -> str | None:
    """The one day the text says something happened on (2024年3月15日，…召开…), if it names
    exactly one such full date and mentions no later year or month; else None.

    A last resort for an undated article: it was written on that day or soon after.

    Example:
        >>> event_date("2024年3月15日，某县法院召开推进会。会议部署了三项工作。")
        '2024-03-15'
        >>> event_date("2024年3月15日召开会议，新规自2024年5月1日起施行。") is None
        True
    """
    days: set[str] = set()
    events: set[str] = set()
    for m in _FULL_DAY.finditer(text):
        if m.group("sep") or (iso := _day_of(m)) is None:
            continue  # a day in figures: a stamp, not an event told
        days.add(iso)
        lo = max(text.rfind(c, 0, m.start()) for c in "。！？!?\n") + 1
        hi_m = _SENTENCE.match(text, m.end())
        sentence = text[lo : hi_m.end() if hi_m else m.end()]
        if _NOT_EVENT_BEFORE.search(text[lo : m.start()]) or _NOT_EVENT_AFTER.match(
            text[m.end() :]
        ):
            continue
        if _EVENT_VERBS.search(sentence):
            events.add(iso)
    if len(days) != 1 or len(events) != 1:
        return None
    (day,) = events
    if any(not _agree(x, day) and x > day for x in content_dates(text)):
        return None  # the text speaks of a later year or month: written later
    return day


_MENTION = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*年\s*(?:(?P<m>[0-9]{1,2})\s*月)?")


#: a year or month that is a deadline or a goal (于2022年底前, 到2025年, 力争2024年): the page
#: need not postdate it
_GOAL_BEFORE = re.compile(
    r"(?:到|(?<!截)至|力争|争取|预计|计划|目标|将|拟|确保)(?:于|在|到)?[ \t]*$"
)
_GOAL_AFTER = re.compile(
    r"[ \t]*(?:[底末]|上半年|下半年)?(?:前(?![一二三四五六七八九十两几0-9])|之前|以前)"
)


def content_dates(text: str) -> list[str]:
    """Every explicit year or year-month mentioned in the text (2024年3月 -> '2024-03'),
    deadlines and goals aside (于2022年底前, 到2025年: a text may be older than its plans).

    Example:
        >>> content_dates("2021年9月，某院印发意见，要求于2022年底前全面推行。")
        ['2021-09']
    """
    out = []
    for m in _MENTION.finditer(text):
        if _GOAL_AFTER.match(text, m.end()) or _GOAL_BEFORE.search(
            text, max(0, m.start() - 6), m.start()
        ):
            continue
        y = int(m.group("y"))
        mo = int(m.group("m")) if m.group("m") else None
        if _valid(y, mo):
            out.append(_iso(y, mo))
    return out


def credit_dates(text: str) -> list[str]:
    """Issue days of newspaper credits anywhere on the page (人民法院报/2025 年/3 月/14 日/第
    001 版, 《人民日报》（2025年06月18日 11 版）): a credit is often the page's last line.

    Example:
        >>> credit_dates("正文。\\n《某某日报》（2025年06月18日 11 版）")
        ['2025-06-18']
    """
    found: list[str] = []
    for m in _EDITION.finditer(text):
        iso = _loose_day(m)
        if iso and iso not in found:
            found.append(iso)
    return found


_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.:-]+/[^\s<>\"'（）()【】，。；]*")
# the label of a line that gives the page's own address: 本文链接：…, 网址：…, URL: …
# (at the line's start or after a finished sentence, not after a title)
_URL_LABEL = re.compile(
    r"(?:^|[。！？!?])[ \t\u3000【\[]*(?:本文链接|原文链接|原文地址|来源网址|网址|URL|url|Url)"
    r"[ \t\u3000】\]]*[:：][ \t\u3000]*$"
)
# a block of links to other pages: whatever URL it holds is not this page's
# (in the URL's line, or heading one of the three lines before it)
_LINK_LIST_WORDS = (
    r"相关阅读|相关链接|相关新闻|相关报道|相关文章|上一篇|下一篇|推荐|延伸阅读|热点|热门"
)
_LINK_LIST = re.compile(_LINK_LIST_WORDS)
_LINK_LIST_HEAD = re.compile(rf"(?:^|\n)[ \t\u3000【\[]*(?:{_LINK_LIST_WORDS})")
_URL_LINE_REST = re.compile(r"[ \t\u3000:：【】\[\]<>《》()（）.。,，;；|/-]*")


def _header_lines(block: str) -> bool:
    """At most two short lines without a full stop: a title and a source row, not body text."""
    lines = [x for x in block.split("\n") if x.strip()]
    return len(lines) <= 2 and all(len(x) <= 60 and "。" not in x for x in lines)


def _own_url_line(text: str, start: int, end: int, first: int) -> bool:
    """Whether the URL at text[start:end] stands on a line of its own as the page's address:
    one of the text's first three lines, or a line labelled 本文链接/网址/URL:, with nothing else on it
    and no list of related links (相关阅读, 上一篇, 推荐 …) just before it. `first`: where
    the text's first non-blank character is."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    before, after = text[line_start:start], text[end:line_end]
    label = _URL_LABEL.search(before)
    if label:
        before = ""
    elif first < line_start and not _header_lines(text[first:line_start]):
        return False  # neither labelled nor in the page's header (a title, a source row)
    if not _URL_LINE_REST.fullmatch(before) or not _URL_LINE_REST.fullmatch(after):
        return False  # the line also carries a title or other words
    if _LINK_LIST.search(text[line_start:start]):
        return False
    context = text[max(0, line_start - 240) : line_start]
    context = "\n".join(context.split("\n")[-4:])
    return not _LINK_LIST_HEAD.search(context)


def url_in_text(text: str) -> str | None:
    """The page's own dated URL written in the text (a saved page's address line), when every
    such URL agrees; None when there is none or they disagree.

    Only the text's first line or a labelled line (本文链接：…, 网址：…, URL: …) holding
    nothing but the URL counts; a URL in the body, at the foot of the page in a list of
    related links (相关阅读, 上一篇, 推荐 …) or next to another title points elsewhere.

    Example:
        >>> url_in_text("正文。\\n本文链接：http://news.example.cn/2021/0608/77.html")
        'http://news.example.cn/2021/0608/77.html'
        >>> url_in_text("正文。\\n相关阅读：某法院开庭 http://news.example.cn/2021/0608/7.html")
    """
    dated: list[tuple[str, str]] = []
    first = len(text) - len(text.lstrip())
    for m in _URL_IN_TEXT.finditer(text):
        if not _own_url_line(text, m.start(), m.end(), first):
            continue
        url = m.group(0) if m.group(0).startswith("http") else "http://" + m.group(0)
        iso = date_from_url(url)
        if iso:
            dated.append((m.group(0), iso))
    if not dated or any(not _agree(iso, dated[0][1]) for _, iso in dated):
        return None
    return max(dated, key=lambda x: len(x[1]))[0]


# A wire dateline opening the story: 中新网广州8月21日电, 新华社北京3月5日电, 人民网成都6月1日讯.
# A newspaper's own 本报…日讯 is left out: the issue comes out a day later.
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<who>[^\n，。；：:,!?！？“”()（）]{0,30}?)(?<![0-9年])"
    r"(?:(?P<y>(?:19|20)[0-9]{2})[ \t]*年[ \t]*)?(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日(?:电|讯)"
)
# A year with what follows it: a month, a month range, a quarter or half, or nothing.
_YEAR_PERIOD = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ \t]*年[ \t]*(?:(?P<m0>1|一)[ \t]*[-—~至到][ \t]*)?"
    r"(?:(?P<m>[0-9]{1,2})[ \t]*月|(?P<part>上半年|下半年|第?一季度|第?二季度|第?三季度|第?四季度"
    r"|前三季度|年初|初|年底|年末|底|末))?"
)
_PART_END = {
    "上半年": 6,
    "下半年": 12,
    "一季度": 3,
    "二季度": 6,
    "三季度": 9,
    "四季度": 12,
    "前三季度": 9,
    "初": 1,
    "年初": 1,
    "底": 12,
    "末": 12,
    "年底": 12,
    "年末": 12,
}
# a year that is a goal or a deadline says nothing about when the text was written
_PLAN_BEFORE = re.compile(r"(?:到|(?<!截)至|力争|争取|预计|计划|目标|将|拟|于)[ \t]*$")
_PLAN_AFTER = re.compile(r"^[ \t]*(?:前|之前|以前)")
# a day after the month (2021年5月16日): an event on that day, no period that ended, unless
# a count runs up to it (截至2020年8月31日)
_DAY_AFTER = re.compile(r"^[ \t]*[0-9]{1,2}[ \t]*[日号]")
_UP_TO_BEFORE = re.compile(r"(?:截至|截止|截止到)[ \t]*$")


def dateline_day(text: str, *, head: int = 400) -> tuple[int | None, int, int] | None:
    """(year, month, day) of a wire dateline opening the text (中新网广州8月21日电), the year
    None unless the dateline itself states it (新华社北京2024年8月21日电).

    Example:
        >>> dateline_day("某某网北京2024年8月21日电 会议举行。")
        (2024, 8, 21)
        >>> dateline_day("某某网北京8月21日电 会议举行。")
        (None, 8, 21)
    """
    m = _DATELINE.search(text[:head])
    if m is None or "本报" in m.group("who"):
        return None
    y = int(m.group("y")) if m.group("y") else None
    mo, d = int(m.group("m")), int(m.group("d"))
    if not _valid(y if y is not None else 2000, mo, d):  # 2000: a leap year, 29 Feb passes
        return None
    return y, mo, d


def _year_periods(text: str) -> dict[int, list[int | None]]:
    """Each year the text names (goals and deadlines aside) -> the end months of the periods
    of it that it names (None for the bare year, or for a day, which is an event's: a count
    up to a day, 截至2020年8月31日, ends a period)."""
    ends: dict[int, list[int | None]] = {}
    for ym in _YEAR_PERIOD.finditer(text):
        y = int(ym.group("y"))
        if not _valid(y):
            continue
        if _PLAN_BEFORE.search(text[max(0, ym.start() - 4) : ym.start()]):
            continue
        if _PLAN_AFTER.match(text[ym.end() :]):
            continue
        end: int | None = None
        if ym.group("m"):
            end = int(ym.group("m"))
            if not 1 <= end <= 12:
                continue
            if _DAY_AFTER.match(text[ym.end() :]) and not _UP_TO_BEFORE.search(
                text[max(0, ym.start() - 4) : ym.start()]
            ):
                end = None  # the year is named, the day is an event's
        elif ym.group("part"):
            end = _PART_END[ym.group("part").lstrip("第")]
        ends.setdefault(y, []).append(end)
    return ends


#: a year whose clause says what will be done (2025年，法院将…; 2025年要…)
_PLAN_YEAR = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ \t]*年[，,]?[^。；;！!？?\n，,]{0,12}?"
    r"(?:将|要|计划|拟|力争)"
)
_COMPARED_YEAR = re.compile(r"(?:较|比|与|同|相比|相较|比较)[ \t]*(?:19|20)[0-9]{2}[ \t]*年")
#: how many months before a dateline a named period of its year may end and still anchor it
_ANCHOR_MONTHS = 3


def dateline_anchored(text: str, *, head: int = 400) -> str | None:
    """The day of a wire dateline without a year (中新网广州8月21日电) when the text states
    the year itself: the latest year it names has a period that ended within the three
    months up to the dateline (2024年上半年 under 8月21日电, 2024年1-7月, 2024年8月; 2024年12月
    under 1月8日电 is the next year's story). A bare year (2024年，…) or a period long past
    (2024年一季度 under 11月) leaves the year open: None.

    Example:
        >>> dateline_anchored("某某网广州8月21日电 2024年上半年，全省法院收案若干。")
        '2024-08-21'
        >>> dateline_anchored("某某网广州8月21日电 2024年，全省法院收案若干。") is None
        True
    """
    line = dateline_day(text, head=head)
    if line is None or line[0] is not None:
        return None
    _, mo, d = line
    if _COMPARED_YEAR.search(text):
        return None  # 今年上半年…较2024年上半年: the year named is the base, not the story's
    ends = _year_periods(text)
    if not ends:
        return None
    plans = {int(p.group("y")) for p in _PLAN_YEAR.finditer(text)}
    if mo <= 4 and plans:
        # early in a year, a review of the year before and the plans of this one (2024年，
        # 收案…；2025年，法院将…): the planned year is the story's
        plan = max(plans)
        if (
            plan - 1 in ends
            and max(ends) <= plan
            and not any(e is not None and e > mo for e in ends.get(plan, []))
        ):
            return _iso(plan, mo, d) if _valid(plan, mo, d) else None
    year = max(ends)
    periods = [e for e in ends[year] if e is not None]
    if not periods:
        return None
    last = max(periods)
    if last > mo:
        # 2024年12月 under 1月8日电: the period ended last year, the story is of the next
        year, last = year + 1, last - 12
    if mo - last > _ANCHOR_MONTHS:
        return None
    return _iso(year, mo, d) if _valid(year, mo, d) else None


def dateline_date(text: str, *, head: int = 400) -> str | None:
    """The day of a wire dateline (中新网广州8月21日电) with the year the text gives it.

    A year stated in the dateline is taken as it is. Otherwise the year is the latest one
    the text mentions (goals and deadlines aside): a guess, since a story can be about the
    year before or the next one (`choose_date` only writes it into the note). In the first
    months of a year a story often reviews the year before (2024年，全省法院…), so there
    the year counts only when the text names a period of it that ended by the dateline
    (2025年1月, 2025年一季度); a period of it that ends after the dateline means the next year
    early on, and no answer later on. None when there is no dateline or no usable year.

    Example:
        >>> dateline_date("某某网广州8月21日电 会议21日举行。2024年上半年，收案10万件。")
        '2024-08-21'
        >>> dateline_date("某某网北京3月8日电 2024年，全国法院审结案件若干。") is None
        True
    """
    line = dateline_day(text, head=head)
    if line is None:
        return None
    stated, mo, d = line
    if stated is not None:
        return _iso(stated, mo, d) if _valid(stated, mo, d) else None
    ends = _year_periods(text)
    if not ends:
        return None
    year = max(ends)
    periods = [e for e in ends[year] if e is not None]
    early = mo <= 4
    if any(e > mo for e in periods):
        if not early:
            return None
        year += 1
    elif early and not periods:
        return None
    return _iso(year, mo, d) if _valid(year, mo, d) else None


# --------------------------------------------------------------------------------------------
# A reference for relative expressions when the publication date is unknown

#: a text that looks back over years (五年来, 如今, 至今): its dates are the story's, not when it
#: was written, so 今年 in it is not their year. (Searched by its words first, the count before a
#: 年来 checked after: a pattern opening with a look-behind and a class is slow on a long text.)
_RETRO_WORD = re.compile(r"如今|至今|回顾|回首|当年|当时|那时|彼时|时隔|年多?(?:来|以来|间|里)")
_YEARS_COUNT = re.compile(
    r"(?<![0-9〇○零一二两三四五六七八九十])(?:[0-9]{1,2}|[一二两三四五六七八九十几多数]{1,3})个?多?$"
)


def _retrospective(text: str) -> bool:
    """Whether the text looks back over years: 五年来, 十多年间, 如今, 当时 …"""
    for m in _RETRO_WORD.finditer(text):
        if m.group(0)[0] != "年" or _YEARS_COUNT.search(text, max(0, m.start() - 6), m.start()):
            return True
    return False


#: words that count from the publication date: 今年, 去年, 本月, a yearless 上半年 or 一季度, 三年来
#: (the words first, what must not stand before them checked after, as for _RETRO_WORD)
_RELATIVE_WORD = re.compile(r"今年|本年|去年|上年|前年|本月|上月|[上下]半年|季度|年多?(?:来|以来)")
_QUARTER_BEFORE = re.compile(r"(?<![0-9年])第?[一二三四1-4]$")
_SPAN_COUNT = re.compile(r"(?<![0-9])(?:[0-9]{1,2}|[一二两三四五六七八九十几多]{1,3})个?多?$")


def _has_relative(text: str) -> bool:
    """Whether the text has a time only a publication date pins down (今年, 上半年, 三年来 …)."""
    for m in _RELATIVE_WORD.finditer(text):
        word, at = m.group(0), m.start()
        if word.endswith("半年"):
            if at == 0 or text[at - 1] not in "0123456789年":
                return True
        elif word == "季度":
            if _QUARTER_BEFORE.search(text, max(0, at - 2), at):
                return True
        elif word[0] == "年":
            if _SPAN_COUNT.search(text, max(0, at - 6), at):
                return True
        else:
            return True
    return False


@dataclass(frozen=True)
class Reference:
    """A day the text states, to count its 今年/去年 from when the publication date is unknown.

    `basis`: ``lead`` (the date the article opens with) or ``latest`` (the latest of its full
    dates, all of one year).
    """

    date: str
    basis: str


def _lead_sentence(text: str, *, head: int = 600) -> tuple[int, int] | None:
    """(start, end) of the first sentence of the body: the first of the text's first three
    lines that is a paragraph (a full stop or more than 40 characters), not a title."""
    pos = 0
    seen = 0
    top = text[:head]
    while pos < len(top) and seen < 3:
        end = top.find("\n", pos)
        end = len(top) if end < 0 else end
        line = top[pos:end]
        if line.strip():
            seen += 1
            if re.search(r"[。！？!?]", line) or len(line.strip()) > 40:
                m = _SENTENCE.match(text, pos)
                return pos, m.end() if m else end
        pos = end + 1
    return None


def _day_of(m: re.Match[str]) -> str | None:
    y = int(m.group("y"))
    mo = int(m.group("m") or m.group("m2"))
    d = int(m.group("d") or m.group("d2"))
    return _iso(y, mo, d) if _valid(y, mo, d) else None


def reference_date(text: str) -> Reference | None:
    """The day to count the text's 今年, 去年, 本月, 1至4月 … from when it has no publication
    date: the full date its lead opens with (2024年5月20日，某院召开…), else the latest full
    date it states when all its dates are of that one year. It dates no article (an event is
    no publication); None when the choice is open: a later year named after the lead, dates
    of several years, or a retrospective (五年来, 如今, 至今 …).

    Example:
        >>> reference_date("标题\\n2024年5月20日，某院召开发布会。今年1至4月，收案100件。")
        Reference(date='2024-05-20', basis='lead')
        >>> reference_date("2019年3月5日，某中心成立。五年来，化解纠纷100件。") is None
        True
    """
    if _retrospective(text):
        return None
    stated: list[tuple[int, int, str]] = []  # (start, end, day): each day the story reached
    for m in _FULL_DAY.finditer(text):
        if _NOT_EVENT_BEFORE.search(text, max(0, m.start() - 4), m.start()) and not (
            _UP_TO_BEFORE.search(text, max(0, m.start() - 4), m.start())
        ):
            continue  # 自2024年3月1日起, 定于…: a start or a plan, not a day the story reached
        if _GOAL_AFTER.match(text, m.end()) or _GOAL_BEFORE.search(
            text, max(0, m.start() - 6), m.start()
        ):
            continue
        if _TAKES_EFFECT.match(text, m.end()):
            continue  # 于2024年1月1日起施行: a rule's start, often after the writing
        if (day := _day_of(m)) is not None:
            stated.append((m.start(), m.end(), day))
    if not stated:
        return None
    days = [day for _, _, day in stated]
    mentioned = content_dates(text)
    lead = _lead_sentence(text)
    # the lead's date opens it (after a byline at most): 本报讯（记者 某某）2024年5月20日，…
    first = next((x for x in stated if lead and lead[0] <= x[0] < min(lead[1], lead[0] + 40)), None)
    if first is not None and not _NOT_EVENT_AFTER.match(text[first[1] : first[1] + 8]):
        day = first[2]
        later = [x for x in [*mentioned, *days] if x > day and not _agree(x, day)]
        if any(x[:4] != day[:4] for x in later):
            return None  # a later year: the article was written after its lead's year
        if later:
            return Reference(max(days), "latest")  # the story goes on within the lead's year
        return Reference(day, "lead")
    latest = max(days)
    if any(x[:4] != latest[:4] for x in [*mentioned, *days]):
        return None  # dates of several years: which one 今年 is, the text does not say
    return Reference(latest, "latest")


def relative_period(expr: str | None) -> bool:
    """Whether `expr` is a period only a publication date pins down (今年1至4月, 上半年, 一年来,
    2023年以来): it resolves against a date and not without one.

    Example:
        >>> relative_period("今年1至4月"), relative_period("2023年1-4月"), relative_period("近年来")
        (True, False, False)
    """
    if not expr:
        return False
    return resolve_relative(expr, None) is None and resolve_relative(expr, "2099-12-31") is not None


# --------------------------------------------------------------------------------------------
# Choosing


@dataclass
class DateChoice:
    date: str | None
    source: str | None  # page | url | dateline | text | manifest
    note: str | None
    warnings: list[str] = field(default_factory=list)
    #: without a publication date, the day the text states to count its 今年/去年 from
    #: (`reference_date`): no publication date, written into the note
    reference: str | None = None


#: the sources of a date, as the note names them
_SOURCE_ZH = {
    "page header": "网页发布时间栏",
    "original-source URL": "原始来源网址中的日期",
    "URL": "网址中的日期",
}


def _agree(a: str, b: str) -> bool:
    """Same date at the shorter precision ('2024-07' agrees with '2024-07-11')."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _finer(a: str, b: str) -> str:
    return a if len(a) >= len(b) else b


def choose_date(
    *,
    page: list[str] | None = None,
    source_urls: list[str] | None = None,
    own_url: str | None = None,
    meta: str | None = None,
    text: str = "",
) -> DateChoice:
    """Pick the publication date and say why.

    `page`: dates from the page header (`page_dates`); `source_urls`: URLs of the original
    source of a repost (原文链接); `own_url`: the URL the file was fetched from; `meta`: a date
    the caller supplied; `text`: the article body, for a plausibility check against the
    years it mentions.
    """
    page = [p for p in (page or []) if p]
    page_date = page[0] if page else None
    src_date = None
    src_url = None
    for u in source_urls or []:
        src_date = date_from_url(u)
        if src_date:
            src_url = u
            break
    own_date = date_from_url(own_url)
    mentioned = content_dates(text) if text else []
    latest = max(mentioned) if mentioned else None
    notes: list[str] = []
    warnings: list[str] = []

    meta_iso = parse_date(meta) if meta else None
    if meta and not meta_iso:
        warnings.append(f"metadata date {meta!r} is not a date; ignored")
    if meta_iso:
        chosen, source = meta_iso, "manifest"
        notes.append(f"日期 {meta_iso} 取自随文件提供的元数据")
        for label, other in (
            ("page header", page_date),
            ("original-source URL", src_date),
            ("URL", own_date),
        ):
            if other and not _agree(other, meta_iso):
                notes.append(f"{_SOURCE_ZH[label]}为 {other}")
                warnings.append(f"date conflict: metadata {meta_iso} vs {label} {other}")
        return DateChoice(chosen, source, "；".join(notes), warnings)

    if src_date:
        chosen, source = src_date, "url"
        notes.append(f"日期 {src_date} 取自原始来源网址 {src_url}")
        if page_date:
            if _agree(page_date, src_date):
                chosen = _finer(page_date, src_date)
                if chosen == page_date and chosen != src_date:
                    source = "page"
                    notes.append(f"网页发布时间栏的 {page_date} 与之一致且更精确")
            else:
                why = "转载日期"
                if latest and page_date[: len(latest)] < latest[: len(page_date)]:
                    why = f"早于正文提到的日期 {latest}，不可信"
                notes.append(f"网页发布时间栏为 {page_date}（{why}），以原始来源的日期为准")
                warnings.append(
                    f"date conflict: page header {page_date} vs original-source URL {src_date};"
                    f" chose {src_date}"
                )
        return DateChoice(chosen, source, "；".join(notes), warnings)

    if page_date:
        chosen, source = page_date, "page"
        if page_date in _delivered_days(text):
            notes.append(f"日期 {page_date} 取自副题写明的报告（讲话）日期，网页发布可能稍晚")
        else:
            notes.append(f"日期 {page_date} 取自网页的发布时间栏")
        if own_date and not _agree(own_date, page_date):
            notes.append(f"网页网址中的日期为 {own_date}")
            if latest and page_date[:4] < latest[:4] <= own_date[:4]:
                chosen, source = own_date, "url"
                notes.append(f"网页发布时间栏早于正文提到的日期 {latest}，以网址为准")
            warnings.append(
                f"date conflict: page header {page_date} vs URL {own_date}; chose {chosen}"
            )
        elif own_date:
            chosen = _finer(page_date, own_date)
        if latest and chosen == page_date and page_date[: len(latest)] < latest[: len(page_date)]:
            warnings.append(
                f"page date {page_date} is earlier than dates mentioned in the text ({latest})"
            )
        line = dateline_day(text) if text else None
        if line and len(chosen) < 10:
            # the header states the year (and month); the dateline gives the day
            y = line[0] or int(chosen[:4])
            if _valid(y, line[1], line[2]) and _agree(chosen, _iso(y, line[1], line[2])):
                chosen = _iso(y, line[1], line[2])
                notes.append(f"电头日期与之一致，并给出具体日期 {chosen}")
        return DateChoice(chosen, source, "；".join(notes), warnings)

    line = dateline_day(text) if text else None
    if own_date:
        note = f"日期 {own_date} 取自网页网址 {own_url}"
        if line and len(own_date) < 10:
            # the URL states the year; the dateline gives the day
            y = line[0] or int(own_date[:4])
            if _valid(y, line[1], line[2]) and _agree(own_date, _iso(y, line[1], line[2])):
                wire = _iso(y, line[1], line[2])
                note += f"；电头日期与之一致，并给出具体日期 {wire}"
                return DateChoice(wire, "url", note, [])
        return DateChoice(own_date, "url", note, [])
    if line and line[0] is not None and _valid(line[0], line[1], line[2]):
        wire = _iso(line[0], line[1], line[2])
        note = f"日期 {wire} 取自电头（网页、网址和元数据中都没有日期）"
        return DateChoice(wire, "dateline", note, [])

    notes.append("网页、网址和元数据中都没有发布日期")
    anchored = dateline_anchored(text) if line else None
    if anchored:
        notes.append(f"日期 {anchored} 取自电头，年份据正文所报刚结束的统计期间推定")
        return DateChoice(anchored, "dateline-year", "；".join(notes), [])
    guess = None
    if line:
        # a dateline without its year: the year the text suggests is a guess, and a wrong
        # publication date is worse than none
        guess = dateline_date(text)
        notes.append(f"电头只写 {line[1]}月{line[2]}日，没有年份")
        if guess:
            notes[-1] += f"（正文提到的年份提示为 {guess}，但报道可能涉及别的年份），不填日期"
    day = event_date(text) if text and not guess else None
    ref = reference_date(text) if text else None
    relative = bool(text) and _has_relative(text)
    if day and ref and relative and ref.date == day:
        notes.append(
            f"正文开头写明的日期 {day} 是所报事件的日期，不是发布日期，不填日期；"
            "仅以它为参照推算正文中“今年”“去年”等相对时间"
        )
        return DateChoice(None, None, "；".join(notes), [], ref.date)
    if day:
        # an event is not a publication: the date stays unknown (a wrong date is worse)
        notes.append(
            f"正文只写了一个事件日期 {day}，没有更晚的日期，文章应写于当日或稍后；"
            "事件日期不是发布日期，不填日期"
        )
    elif latest and not guess:
        notes.append(f"正文提到的日期最晚到 {latest}")
    if ref and relative:
        where = "正文开头写明的日期" if ref.basis == "lead" else "正文写明的最晚日期"
        notes.append(
            f"{where} {ref.date} 不是发布日期，仅以它为参照推算正文中“今年”“去年”等相对时间"
        )
    elif relative:
        notes.append("正文的日期不足以确定“今年”“去年”等相对时间所指的年份，这些时间按原文保留")
    return DateChoice(None, None, "；".join(notes), [], ref.date if ref else None)


# --------------------------------------------------------------------------------------------
# Relative expressions


def _ref(pub_date: str | date | None) -> tuple[int, int | None, int | None] | None:
    if pub_date is None:
        return None
    if isinstance(pub_date, date):
        return pub_date.year, pub_date.month, pub_date.day
    iso = parse_date(pub_date)
    if not iso:
        return None
    parts = [int(x) for x in iso.split("-")]
    return (
        parts[0],
        parts[1] if len(parts) > 1 else None,
        parts[2] if len(parts) > 2 else None,
    )


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _span(a: date, b: date) -> tuple[str, str]:
    return a.isoformat(), b.isoformat()


def _minus_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


_REL_YEAR = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "本年度": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "上一年度": -1,
    "前年": -2,
    "明年": 1,
}
_QUARTERS = {"一": 1, "1": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}

_EXPR = re.compile(
    r"^(?P<upto>截至|截止|截止到|截至到|到|至)?"
    r"(?P<year>(?:[0-9]{4}|[〇○零一二三四五六七八九]{4})年度?|今年|本年度|本年|当年|去年|上一年度|上一年|上年|前年|明年)?"
    r"(?P<rest>.*?)(?P<since>以来|至今|来)?$"
)
_MONTH_RANGE = re.compile(
    rf"^(?P<a>{_NUM})月?(?:份)?(?:-|—|~|至|到)(?P<b>{_NUM})月(?:份)?(?P<edge>底|末)?$"
)
_MONTH = re.compile(
    rf"^(?P<m>{_NUM})月(?:份)?(?P<edge>初|上旬|中旬|下旬|底|末)?(?:(?P<d>{_NUM})[日号])?$"
)
#: a span of days: 8月31日至12月15日, 1月1日至2020年4月25日 (a year before it is read first)
_DAY_SPAN = re.compile(
    rf"^(?P<m1>{_NUM})月(?P<d1>{_NUM})[日号]?(?:-|—|~|至|到)"
    r"(?P<y2>[0-9]{4}年|今年|去年|前年|上年|明年)?"
    rf"(?:(?P<m2>{_NUM})月)?(?P<d2>{_NUM})[日号]$"
)
_QUARTER = re.compile(r"^(?:第)?(?P<q>[一二三四1-4])季度$|^Q(?P<q2>[1-4])$")
_HALF = re.compile(r"^(?P<h>上|下)半年$")
_RECENT = re.compile(
    rf"^(?P<pre>近|最近|过去)?(?P<n>{_NUM}|半)(?P<unit>年|个月|个多月)(?P<suf>来|以来|里|间)?$"
)


@lru_cache(maxsize=4096)  # an article repeats its periods (今年, 同比)
def resolve_relative(
    expr: str, pub_date: str | date | None, *, open_end: bool = True
) -> tuple[str, str] | None:
    """The period (start, end) as ISO dates that `expr` means for an article of `pub_date`.

    Handles absolute years/months/days (2023年, 2023年3月, 二〇二三年), years relative to the
    publication (今年, 去年, 前年), months and month ranges (4月, 4月底, 1月至4月, 1-10月),
    quarters and halves (第一季度, 上半年), spans of days (今年8月31日至12月15日,
    2019年1月1日至2020年4月25日), 同期 (the same span a year earlier), 以来/至今
    (from the start up to the publication date), 截至… (from the start of that year), and
    recent spans (近三年, 1年来). Returns None for what it cannot pin down (近年来).
    `open_end=False`: `pub_date` only bounds the writing from below (a day the text states,
    `reference_date`), so a span that runs up to the writing (以来, 至今, 近三年) gives None, and
    so does a yearless month after it (3月 under a reference of January: this year's or last).

    Example:
        >>> resolve_relative("截至今年4月底", "2022-06-13")
        ('2022-01-01', '2022-04-30')
        >>> resolve_relative("去年同期", "2024-05-23")
        ('2023-01-01', '2023-05-23')
    """
    if not expr:
        return None
    s = re.sub(r"\s+", "", expr).replace("（", "(").replace("）", ")")
    s = s.replace("－", "-").replace("～", "~")
    ref = _ref(pub_date)
    ref_date: date | None = None
    if ref:
        y0, m0, d0 = ref
        ref_date = date(y0, m0, d0) if m0 and d0 else _month_end(y0, m0) if m0 else date(y0, 12, 31)

    same_period = s.endswith("同期")
    if same_period:
        s = s[: -len("同期")]

    m = _EXPR.match(s)
    if not m:
        return None
    upto = bool(m.group("upto"))
    since = m.group("since")
    rest = m.group("rest")
    ytoken = m.group("year")

    # Recent spans: 近三年, 1年来, 近6个月
    if not ytoken:
        rm = _RECENT.match(rest + (since or ""))
        if rm and (rm.group("pre") or rm.group("suf")) and ref_date:
            if not open_end:
                return None  # up to a writing day the text does not give
            n_txt = rm.group("n")
            n = 0.5 if n_txt == "半" else parse_integer(n_txt)
            if not n:
                return None
            if rm.group("unit") == "年":
                if n == 0.5:
                    begin = ref_date - timedelta(days=182)
                else:
                    begin = _minus_years(ref_date, int(n))
            else:
                begin = ref_date - timedelta(days=int(30.44 * int(n)))
            return _span(begin, ref_date)

    # The year
    if ytoken is None:
        if not ref:
            return None
        year = ref[0]
        explicit_year = False
    elif ytoken.rstrip("度").endswith("年") and ytoken[0] not in "今本当去上前明":
        yv = parse_integer(ytoken.rstrip("度")[:-1])
        if yv is None or not _valid(yv):
            return None
        year = yv
        explicit_year = True
    else:
        if not ref:
            return None
        year = ref[0] + _REL_YEAR[ytoken]
        explicit_year = True
    if same_period and ytoken is None:
        year -= 1

    start: date
    end: date
    if rest in ("", "全年", "年度", "年"):
        if not explicit_year and not same_period and not since:
            return None
        if since and ytoken is None and not rest:
            return None  # 自试运行以来: since an event the text does not date
        start, end = date(year, 1, 1), date(year, 12, 31)
    elif rest in ("初", "年初"):
        start, end = date(year, 1, 1), date(year, 3, 31)
    elif rest in ("底", "末", "年底", "年末"):
        start, end = date(year, 12, 1), date(year, 12, 31)
    elif rest in ("内", "年内"):
        start = ref_date if ref_date and ref_date.year == year else date(year, 1, 1)
        end = date(year, 12, 31)
    elif (hm := _HALF.match(rest)) is not None:
        if hm.group("h") == "上":
            start, end = date(year, 1, 1), date(year, 6, 30)
        else:
            start, end = date(year, 7, 1), date(year, 12, 31)
    elif (qm := _QUARTER.match(rest)) is not None:
        q = _QUARTERS[qm.group("q") or qm.group("q2")]
        start = date(year, 3 * q - 2, 1)
        end = _month_end(year, 3 * q)
    elif (ds := _DAY_SPAN.match(rest)) is not None:
        m1, d1 = parse_integer(ds.group("m1")), parse_integer(ds.group("d1"))
        m2 = parse_integer(ds.group("m2")) if ds.group("m2") else m1
        d2 = parse_integer(ds.group("d2"))
        y2 = year
        if ds.group("y2"):
            token = ds.group("y2")
            if token[0].isdigit():
                y2 = int(token[:4])
            elif ref is None:
                return None
            else:
                y2 = ref[0] + _REL_YEAR[token]
        elif m1 and m2 and d1 and d2 and (m2, d2) < (m1, d1):
            y2 = year + 1  # 12月20日至1月5日: into the next year
        if not (m1 and d1 and m2 and d2 and _valid(year, m1, d1) and _valid(y2, m2, d2)):
            return None
        start, end = date(year, m1, d1), date(y2, m2, d2)
        if not explicit_year and ref_date and start > ref_date + timedelta(days=31):
            if not open_end:
                return None  # after a day the writing may follow: this year's or last year's
            start, end = _minus_years(start, 1), _minus_years(end, 1)
    elif (mr := _MONTH_RANGE.match(rest)) is not None:
        a, b = parse_integer(mr.group("a")), parse_integer(mr.group("b"))
        if not a or not b or not (1 <= a <= b <= 12):
            return None
        start, end = date(year, a, 1), _month_end(year, b)
    elif (mm := _MONTH.match(rest)) is not None:
        mo = parse_integer(mm.group("m"))
        if not mo or not 1 <= mo <= 12:
            return None
        if (
            not explicit_year
            and ref_date
            and ref is not None
            and ref[1] is not None
            and date(year, mo, 1) > ref_date + timedelta(days=31)
        ):
            if not open_end:
                return None  # after a day the writing may follow: this year's or last year's
            year -= 1  # a bare month after the publication month: the previous year
        day = parse_integer(mm.group("d")) if mm.group("d") else None
        edge = mm.group("edge")
        last = _month_end(year, mo)
        if day:
            if not _valid(year, mo, day):
                return None
            start = end = date(year, mo, day)
        elif edge in ("底", "末"):
            start = end = last
        elif edge in ("初", "上旬"):
            start, end = date(year, mo, 1), date(year, mo, 10)
        elif edge == "中旬":
            start, end = date(year, mo, 11), date(year, mo, 20)
        elif edge == "下旬":
            start, end = date(year, mo, 21), last
        else:
            start, end = date(year, mo, 1), last
    else:
        return None

    if upto:
        start = date(start.year, 1, 1) if start.year == end.year else start
    if since:
        if not ref_date or not open_end:
            return None
        end = ref_date if not same_period else _minus_years(ref_date, 1)
    if same_period and rest in ("", "年") and ref_date:
        start, end = date(year, 1, 1), _minus_years(ref_date, 1)
    if end < start:
        return None
    if (
        not explicit_year
        and not since
        and ref_date
        and end > ref_date
        and (
            _QUARTER.match(rest)
            or _MONTH_RANGE.match(rest)
            or _HALF.match(rest)
            or _DAY_SPAN.match(rest)
        )
    ):
        return None  # a yearless quarter or span of months not over when the article appeared
    return _span(start, end)


# --------------------------------------------------------------------------------------------
# Dates in running text: when something happened

_SP = r"[ \t\u3000]*"
#: a date as running text writes it, to the day, month or year it gives: 2025年3月12日,
#: 2022 年10 月 (a PDF's spacing), 2025.3.12, 2025-03-12, 2025/3/12, and relative to the
#: publication: 今年3月, 去年12月, 去年, 前年 (see `text_date`)
TEXT_DATE = re.compile(
    # every alternative opens with a look-behind, tried at each character: the look-ahead on
    # the first characters they can match (1/2 of a year, 今本去上前 of a relative one) skips
    # the rest of the text at once
    r"(?=[12今本去上前])(?:"
    rf"(?<![0-9])(?P<y>(?:19|20)[0-9]{{2}}){_SP}年"
    rf"(?:{_SP}(?P<m>1[0-2]|0?[1-9]){_SP}月(?:{_SP}(?P<d>3[01]|[12][0-9]|0?[1-9]){_SP}[日号])?)?"
    r"|(?<![0-9.\-/])(?P<ny>(?:19|20)[0-9]{2})(?P<sep>[./-])(?P<nm>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<nd>3[01]|[12][0-9]|0?[1-9])(?![0-9]|[.\-/][0-9])"
    r"|(?<![0-9年])(?P<rel>今年|本年|去年|上年|前年)"
    r"(?:(?P<rm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?:(?P<rd>3[01]|[12][0-9]|0?[1-9])[日号])?)?"
    r")"
)
#: a relative year that is a comparison, not a time (较去年, 比上年, 去年同期, 同比去年)
_COMPARED_BEFORE = re.compile(r"(?:较|比|同|与|相比|相较|比较|高于|低于|超过)[ \t\u3000]*$")
_COMPARED_AFTER = re.compile(r"^(?:同期|同比)")
_REL_OFFSET = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2}


def text_date(m: re.Match[str], pub_date: str | date | None) -> tuple[str, str] | None:
    """(ISO date, precision: day | month | year) of a `TEXT_DATE` match; a relative one
    (今年3月, 去年) counted from the publication date (None without it, or when it is a
    comparison: 较去年, 去年同期).

    Example:
        >>> text_date(TEXT_DATE.search("今年3月，某院推行X"), "2025-06-20")
        ('2025-03', 'month')
        >>> text_date(TEXT_DATE.search("去年以来，某院推行X"), "2023-02-15")
        ('2022', 'year')
        >>> text_date(TEXT_DATE.search("2025.3.12，某院召开推进会"), None)
        ('2025-03-12', 'day')
    """
    if m.group("rel"):
        ref = _ref(pub_date)
        if ref is None:
            return None
        if _COMPARED_BEFORE.search(m.string, max(0, m.start() - 4), m.start()) or (
            _COMPARED_AFTER.match(m.string[m.end() : m.end() + 4])
        ):
            return None
        y = ref[0] + _REL_OFFSET[m.group("rel")]
        mo = parse_integer(m.group("rm")) if m.group("rm") else None
        d = int(m.group("rd")) if m.group("rd") else None
    elif m.group("ny"):
        y, mo, d = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
    else:
        y = int(m.group("y"))
        mo = int(m.group("m")) if m.group("m") else None
        d = int(m.group("d")) if m.group("d") else None
    if mo is None:
        d = None
    if not _valid(y, mo, d):
        return None
    return _iso(y, mo, d), "day" if d else "month" if mo else "year"
