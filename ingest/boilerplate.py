"""Find the article inside a web page's text: cut navigation, bylines, footers and credits.

Works line by line on normalized text (one paragraph per line) with general rules:

- *header*: site names, menus (runs of short lines, lines of short link words), breadcrumbs
  (当前位置 …, 首页 > …), welcome lines, and the byline (发布时间/来源/作者 …). When a byline
  stands before the first paragraph, everything above it except the headline is cut;
- *tail*: from a line that opens an end block (原文链接, 免责声明, 版权声明, 责任编辑, 审核丨,
  关闭窗口, 精彩推荐, …) to the end; weaker openers (来源：…, 上一篇, 分享到 …) only when no
  real paragraph follows; then footer lines (电话/地址/邮编/QQ/Copyright/版权所有/ICP备/
  您是第…位访客) are peeled off the end;
- *anywhere*: app banners and image placeholders (打开网易新闻 查看精彩图片, 点击查看大图).

URLs written in the 原文链接 part are returned as `source_urls` before the part is cut.

Example:
    >>> text = "首页 > 新闻\\n示例法院召开会议\\n发布时间：2024-01-02\\n会议部署全年工作。\\n责任编辑：某某"
    >>> [text[a:b] for a, b in strip_boilerplate(text)]
    ['示例法院召开会议', '会议部署全年工作。']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.titles import NOT_TITLE

__all__ = [
    "BoilerplateCut",
    "find_boilerplate",
    "source_urls",
    "strip_boilerplate",
    "strip_page_furniture",
]


@dataclass
class BoilerplateCut:
    spans: list[tuple[int, int]]  # kept content: (start, end) of each kept line, in order
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, reason)
    source_urls: list[str] = field(default_factory=list)  # 原文链接 URLs
    title: str | None = None  # the headline found in the header
    #: the one court a cut byline names as a row of its own (2024-05-20 乙县人民法院 阅读数：12,
    #: 来源：乙县人民法院): the page's author, kept out of the text (see ingest.courts)
    page_court: str | None = None


_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_SOURCE_LABEL = re.compile(
    r"(?:原文链接|原文地址|原文网址|原始链接|来源链接|来源网址|文章来源链接|阅读原文|查看原文|本文链接)"
    r"\s*[：:]?\s*"
)

_BREADCRUMB = re.compile(
    r"^(?:您?当前(?:的)?(?:位置|所在)|您的位置|你的位置|你现在的位置|所在位置|当前栏目|位置)\s*[：:]"
    r"|首页\s*(?:>|»|›|→|->|>>|/|＞|\\)"
    r"|(?:>|»|›|->|>>|＞)\s*正文\s*$"
)
_NAV_WORDS = re.compile(
    r"设为首页|加入收藏|添加收藏|返回首页|网站首页|网站导航|网站地图|无障碍|手机版|移动版|繁体版?|简体版?"
    r"|登录|注册|English|RSS|收藏本站|客户端下载"
)
_WELCOME = re.compile(r"^(?:欢迎(?:您)?(?:访问|光临|加入|来到|登录)|今天是)")
_SITE_NAME = re.compile(r"^\S{2,12}(?:网|网站|在线|频道|中心|门户|新闻|政务网|法院网)[!！]?$")
_META_KEYS = re.compile(
    r"(?:发布|发表|更新|录入)(?:时间|日期)|来源[：:]|作者[：:]|编辑[：:]|责任编辑|撰稿|通讯员[：:]"
    r"|浏览(?:量|次数)?[：:]|点击(?:数|量|率)?[：:]|阅读(?:数|量)?[：:]|字号|打印|【字体|字体[：:]"
    r"|分享到|时间[：:]|日期[：:]"
)
_DATE_ONLY = re.compile(
    r"^(?:[0-9]{2,4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)(?:\s*[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)?"
)
_DATE_ANY = re.compile(r"[0-9]{2,4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}")

_TAIL_STRONG = re.compile(
    r"^[\[【〖(（]?\s*(?:原文链接|原文地址|原文网址|阅读原文|查看原文|免责声明|版权声明|郑重声明"
    r"|责任编辑|责编|编审|审核|审校|校对|监制|编辑丨|编辑\||关闭窗口|关闭本页|打印本页|打印此文|返回顶部"
    r"|精彩推荐|相关阅读|相关新闻|相关链接|相关文章|推荐阅读|延伸阅读|热门跟贴|热门推荐|热点推荐|猜你喜欢"
    r"|更多精彩|网友评论|发表评论|我要评论|扫一扫)"
)
_TAIL_WEAK = re.compile(
    r"^[\[【〖(（]?\s*(?:来源|出处|文章出处|稿件来源|信息来源|供稿|作者|编辑|摄影|图片|图|文|联合制作|出品"
    r"|制作|策划|统筹|上一篇|下一篇|上一条|下一条|分享|打印|收藏)\s*(?:[：:丨|]|$)"
)
_FOOTER_WORDS = (
    r"电话|传真|地址[：:]|邮编|邮政编码|邮箱|E-?mail|QQ|微信号|Copyright|版权所有|©|All\s*rights?"
    r"|ICP|备案|公网安备|网安备|访客|访问量|访问人次|技术支持|主办[：:单]|承办[：:单]|主管|协办|运维"
    r"|联系我们|网站地图|关于我们|浏览器|分辨率|举报|不良信息|投稿|广告服务|法律顾问|友情链接"
)
# (the look-ahead at the words' first characters lets the scan pass every other character
# without trying each word: a long line is read about five times faster)
_FOOTER = re.compile(
    "(?=["
    + "".join(sorted({re.escape(w[0]) for w in _FOOTER_WORDS.split("|")}))
    + "])(?:"
    + _FOOTER_WORDS
    + ")",
    re.IGNORECASE,
)
_BANNER = re.compile(
    r"打开.{0,8}(?:新闻|APP|App|app|客户端).{0,10}(?:查看|阅读|观看)|查看精彩图片|点击查看大图|点击图片查看"
    r"|扫码(?:关注|下载|阅读)|长按(?:识别)?二维码|点击(?:上方)?蓝字|下载.{0,8}客户端|点击播放|视频加载中"
    r"|^\[?(?:图片|图|视频)\]?$"
)
_SENTENCE_END = re.compile(r"[。！？!?]")


def _is_paragraph(line: str) -> bool:
    """A line that reads like article prose (not a headline, menu, byline or footer)."""
    n = len(line)
    if n < 20 or _is_nav(line) or _is_meta(line) or _is_footer(line):
        return False
    if n >= 60 or "。" in line:
        return True
    return n >= 40 and _SENTENCE_END.search(line) is not None


#: a byline naming court staff as its authors (作者：某某法院 张三 李四): the people and their
#: court are facts of the article, so that part of the row stays in the text
#: a court's full name standing alone between a byline's spaces, bars or a colon (2024-05-20
#: 乙县人民法院 阅读数：12, 来源：乙县人民法院): not a paper (人民法院报) or a site (中国法院网)
_BYLINE_COURT = re.compile(
    r"(?:^|(?<=[\s|｜丨:：]))(?P<court>[\u4e00-\u9fff]{2,30}?(?:人民法院|中院|法院|人民法庭))"
    r"(?=$|[\s|｜丨])"
)
_COURT_AUTHOR = re.compile(r"(?:作者|通讯员|撰稿|供稿)\s*[：:]\s*\S{0,24}?(?:法院|法庭)")


def _is_meta(line: str) -> bool:
    """A byline: 发布时间：… 来源：… 作者：…, or a bare date line."""
    if len(line) > 160 or "。" in line:
        return False
    keys = len(_META_KEYS.findall(line))
    if keys >= 2 or (keys >= 1 and _DATE_ANY.search(line)):
        return True
    return _DATE_ONLY.match(line) is not None and len(line) < 60


def _is_nav(line: str) -> bool:
    if _BREADCRUMB.search(line) or _WELCOME.search(line):
        return True
    if len(line) < 40 and _NAV_WORDS.search(line):
        return True
    tokens = line.split()
    if (
        len(tokens) >= 4
        and all(len(t) <= 7 for t in tokens)
        and sum(1 for t in tokens if not t.isascii()) >= 3
        and not _SENTENCE_END.search(line)
    ):
        return True  # a row of link words: 首页 新闻 法院动态 联系我们
    return len(line) <= 12 and _SITE_NAME.match(line) is not None


def _is_footer(line: str) -> bool:
    if len(line) > 200:
        return False
    hits = len(_FOOTER.findall(line))
    if hits >= 2:
        return True
    return hits == 1 and "。" not in line  # one keyword in a sentence is content


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def source_urls(text: str) -> list[str]:
    """URLs labelled as the original source (原文链接：http://…), in order, without repeats."""
    urls: list[str] = []
    for m in _SOURCE_LABEL.finditer(text):
        rest = text[m.end() : m.end() + 600]
        u = _URL.match(rest.lstrip())
        if u is None:
            # The label on its own line with the URL on the next one.
            nl = rest.find("\n")
            if 0 <= nl < 4:
                u = _URL.match(rest[nl + 1 :].lstrip())
        if u:
            url = u.group(0).rstrip(".,;:!?)'\"")
            if url not in urls:
                urls.append(url)
    return urls


def find_boilerplate(text: str, *, content: Sequence[tuple[int, int]] = ()) -> BoilerplateCut:
    """Classify every line of `text` as content or boilerplate; see the module docstring.
    `content`: (start, end) of lines known to be the document's own (a .docx's table rows,
    whose short cells read like a menu or a footer): never cut."""
    bounds = _lines(text)
    lines = [text[a:b].strip() for a, b in bounds]
    n = len(lines)
    keep = [bool(x) for x in lines]
    reason = ["" if x else "blank" for x in lines]
    own = {a for a, _b in content}
    guarded = [a in own for a, _b in bounds]

    def cut(i: int, why: str) -> None:
        if keep[i] and not guarded[i]:
            keep[i] = False
            reason[i] = why

    # Banners and placeholders, anywhere.
    for i, x in enumerate(lines):
        if x and len(x) < 60 and _BANNER.search(x):
            cut(i, "app banner")

    para = [keep[i] and _is_paragraph(x) for i, x in enumerate(lines)]
    first_para = next((i for i in range(n) if para[i]), n)
    para_after = [False] * (n + 1)  # is there a paragraph below line i?
    for i in range(n - 1, -1, -1):
        para_after[i] = para_after[i + 1] or (i + 1 < n and para[i + 1])

    # Header.
    title: str | None = None
    byline = next(
        (
            i
            for i in range(min(first_para + 1, n))
            if keep[i] and not guarded[i] and _is_meta(lines[i])
        ),
        None,
    )  # a byline under the first paragraph is cut below with the other meta lines
    if byline is not None:
        cut(byline, "byline")
        # Keep the headline (and a sub-headline) standing right above the byline.
        j = byline - 1
        kept_title: list[int] = []
        while j >= 0 and len(kept_title) < 2:
            x = lines[j]
            if not x:
                j -= 1
                continue
            if (
                keep[j]
                and not guarded[j]
                and len(x) >= 6
                and not _is_nav(x)
                and not _is_meta(x)
                and not _is_footer(x)
            ):
                kept_title.append(j)
                j -= 1
                continue
            break
        for i in range(byline):
            if i not in kept_title:
                cut(i, "header")
        titled = sorted(j for j in kept_title if not NOT_TITLE.match(lines[j]))
        if titled:
            title = lines[titled[0]]
        # More byline pieces right under the first one (来源：… on its own line).
        k = byline + 1
        while k < min(first_para, n):
            if lines[k] and _is_meta(lines[k]):
                cut(k, "byline")
            elif lines[k]:
                break
            k += 1
    else:
        short_run: list[int] = []
        for i in range(first_para):
            x = lines[i]
            if not keep[i]:
                continue
            if _is_nav(x) or _is_meta(x):
                cut(i, "navigation")
            elif len(x) <= 6:
                short_run.append(i)
        if len(short_run) >= 3:
            for i in short_run:
                cut(i, "menu")
        # the last line of the header that reads as a title (above a document number, a
        # subtitle or a signature)
        head = [
            i
            for i in range(first_para)
            if keep[i] and not guarded[i] and not NOT_TITLE.match(lines[i])
        ]
        if head and len(lines[head[-1]]) < 80 and not _SENTENCE_END.search(lines[head[-1]][-1]):
            title = lines[head[-1]]

    # Where the article starts: its first paragraph, or (a short page without one) the first
    # line the header left standing.
    body = first_para if first_para < n else next((i for i in range(n) if keep[i]), n)

    # Tail: an end block opener after the article started.
    tail_at = n
    for i in range(body + 1, n):
        x = lines[i]
        if not keep[i] and reason[i] != "blank":
            continue
        if not x:
            continue
        if _TAIL_STRONG.match(x) or x in ("关闭", "打印", "【关闭】", "【打印】"):
            tail_at = i
            break
        if _TAIL_WEAK.match(x) and len(x) < 80 and not para_after[i]:
            tail_at = i
            break
    sources = source_urls("\n".join(lines[tail_at:])) if tail_at < n else []
    for i in range(tail_at, n):
        cut(i, "end block")
    # Footer lines peeled off the end.
    i = tail_at - 1
    while i > body:
        x = lines[i]
        if not x or not keep[i]:
            i -= 1
            continue
        if (
            _is_footer(x)
            or _is_nav(x)
            or (
                len(x) <= 12
                and not _SENTENCE_END.search(x)
                and i > 0
                and not keep[i - 1]
                and lines[i - 1]
            )
        ):
            cut(i, "footer")
            i -= 1
            continue
        break
    # Source URLs anywhere else (a 原文链接 line in the middle of a page).
    for u in source_urls(text):
        if u not in sources:
            sources.append(u)

    spans: list[tuple[int, int]] = []
    removed: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(bounds):
        if keep[i]:
            # Trim the spaces of the line itself.
            while a < b and text[a] in " \t":
                a += 1
            while b > a and text[b - 1] in " \t":
                b -= 1
            spans.append((a, b))
            continue
        if reason[i] == "byline" and (m := _COURT_AUTHOR.search(text, a, b)):
            # court staff as authors: keep 作者：某某法院 张三 李四, cut the rest of the row
            nxt = _META_KEYS.search(text, m.end(), b)
            end = nxt.start() if nxt else b
            while end > m.start() and text[end - 1] in " \t|｜丨":
                end -= 1
            spans.append((m.start(), end))
        if reason[i] != "blank":
            removed.append((a, b, reason[i]))
    if not any(keep):
        spans = []
    named = {
        m.group("court")
        for a, b, why in removed
        if why == "byline"
        for m in _BYLINE_COURT.finditer(text, a, b)
    }
    page_court = named.pop() if len(named) == 1 else None
    return BoilerplateCut(
        spans=spans, removed=removed, source_urls=sources, title=title, page_court=page_court
    )


def strip_boilerplate(text: str) -> list[tuple[int, int]]:
    """The content spans of a page's text: one (start, end) per kept line, in order."""
    return find_boilerplate(text).spans


# -- printed pages (PDF) ------------------------------------------------------------------------
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‒―~～·•]+\s*\d{1,4}\s*[-—–－‒―~～·•]+"  # —2—  - 2 -  ·2·
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"  # 第2页  第2页 共10页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"  # 共10页 第2页
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"  # 2/10
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",  # Page 2 of 10
    re.I,
)
_EDGE = 3  # lines at the top and at the bottom of a page where headers and footers stand
_PAGE_END = "。！？!?；;：:…”’」』"
_CJK_CHAR = re.compile("[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


#: what ends a printed line that is not cut mid-sentence: a sentence's end, a closing bracket
#: or quote (a title's （节选）, a list of names in 《》)
_LINE_END = _PAGE_END + "）)】》〕]"
#: what opens a line of its own: a heading or list number (一、 （二） 3. 第四条), a bullet, a
#: label (附件：) — never the rest of the line above
_OWN_LINE = re.compile(
    r"[（(]?[一二三四五六七八九十]{1,3}[)）、.．]|[（(][0-9]{1,2}[)）]|[0-9]{1,2}[、.．)）](?![0-9])"
    r"|第[一二三四五六七八九十百0-9]{1,4}[条章节部分]|[•·●■◆▲\-*#>※]|附件|附[：:]|注[：:]"
)
#: a line that is only a date (2023 年6 月30 日): a signature's date, never a sentence's rest
_DATE_LINE = re.compile(
    r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
)


#: a gap between the cells of a table row printed on one line (甲法院 诉源治理 2023): a space
#: between two Chinese characters or two figures (a space between a figure and a character,
#: 2023 年5 月, is how a PDF prints a change of font, not a cell's end)
_CELL_GAP = re.compile(
    "[\u3400-\u9fff（）《》“”][ \u3000]+[\u3400-\u9fff（）《》“”]|[0-9][ \u3000]+[0-9]"
)


#: a line a PDF reader began with the quote marks of the line (a font of their own, drawn
#: first): “ ”某院推广 共享法庭 建设, where a space stands for each mark taken away
_LEADING_QUOTES = re.compile(r"^(?:“[ \u3000]*”[ \u3000]*)+")
_QUOTE_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def _requote(line: str) -> str:
    """The quote marks a PDF reader put at the start of `line` back in the gaps they left,
    when the gaps between characters are exactly as many as the marks; else `line`."""
    m = _LEADING_QUOTES.match(line)
    if m is None:
        return line
    marks = 2 * m.group(0).count("“")
    rest = line[m.end() :]
    gaps = [g.start() for g in _QUOTE_GAP.finditer(rest)]
    if len(gaps) != marks:
        return line
    out: list[str] = []
    prev = 0
    for k, at in enumerate(gaps):
        out += [rest[prev:at], "”" if k % 2 else "“"]
        prev = at + 1
    return "".join(out) + rest[prev:]


def _width(line: str) -> int:
    """Printed width: a Chinese character twice an ASCII one."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _wrapped(line: str, nxt: str, full: int) -> bool:
    """Whether a printed line runs on into the next: it fills the line's width (`full`: the
    width of a full line of this document), it ends with no sentence end, closing bracket or
    quote, neither line is a table row (`_CELL_GAP`), and the next line opens
    no heading, list item, label or date line of its own."""
    return (
        full >= 30
        and _width(line) >= 0.85 * full
        and line[-1] not in _LINE_END
        and (_CJK_CHAR.match(nxt[0]) is not None or nxt[0].isalnum() or nxt[0] in "“《")
        and not _OWN_LINE.match(nxt)
        and not _DATE_LINE.fullmatch(nxt)
        and not _CELL_GAP.search(line)
        and not _CELL_GAP.search(nxt)
        and "\t" not in line + nxt
    )


def _join_wrapped_lines(lines: list[str], full: int) -> list[str]:
    """`lines` of one page with each line that runs on (`_wrapped`) joined to the next (no
    space between Chinese characters, one between words)."""
    out: list[str] = []
    for ln in lines:
        if out and _wrapped(out[-1], ln, full):
            cjk = _CJK_CHAR.match(out[-1][-1]) or _CJK_CHAR.match(ln[0])
            out[-1] += ("" if cjk else " ") + ln
        else:
            out.append(ln)
    return out


def _furniture_key(line: str) -> str:
    """A header/footer line with its figures blanked, so "第3期" matches "第4期"."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_page_furniture(pages: list[str]) -> str:
    """The text of printed pages without running headers, footers and page numbers.

    A line at the top or bottom of a page is cut when it is a page number (—2—, - 2 -, 第2页,
    2/10, a bare number on the first or last line) or when the same line (figures aside) stands at the top or bottom of
    at least half the pages (two at least). A sentence that runs over a page break is joined,
    and so is one that runs over a line of the page (`_wrapped`): a unit and its verb printed
    on two lines are one sentence again, while headings, list items, table rows, dates and
    signatures (short lines, or lines ending a sentence) stay on lines of their own. Quote
    marks a PDF reader put at the start of a line go back where they stood (`_requote`).

    Example:
        >>> strip_page_furniture(["示例法院简报\\n今年以来，收案减少了诉讼\\n—1—",
        ...                       "示例法院简报\\n增量三成。\\n—2—"])
        '今年以来，收案减少了诉讼增量三成。'
    """
    split = [[_requote(ln.strip()) for ln in page.splitlines()] for page in pages]
    split = [[ln for ln in lines if ln] for lines in split]
    edges = [
        {i for i in range(len(lines)) if i < _EDGE or i >= len(lines) - _EDGE} for lines in split
    ]
    seen: dict[str, int] = {}
    for lines, edge in zip(split, edges, strict=True):
        for key in {_furniture_key(lines[i]) for i in edge}:
            seen[key] = seen.get(key, 0) + 1
    repeated = max(2, (len(split) + 1) // 2)
    kept: list[list[str]] = []
    for lines, edge in zip(split, edges, strict=True):
        kept.append(
            [
                ln
                for i, ln in enumerate(lines)
                if i not in edge
                or not (
                    _PAGE_NUMBER.match(ln)
                    or (ln.isdigit() and len(ln) <= 4 and i in (0, len(lines) - 1))
                    or (len(_furniture_key(ln)) >= 2 and seen[_furniture_key(ln)] >= repeated)
                )
            ]
        )
    # a line broken inside a sentence by the printed width: joined to the next one (the
    # width of a full line: the second widest, so one overlong line does not set it)
    widths = sorted((_width(ln) for lines in kept for ln in lines), reverse=True)
    full = widths[min(1, len(widths) - 1)] if widths else 0
    kept = [_join_wrapped_lines(lines, full) for lines in kept]
    parts: list[str] = []
    recent: list[str] = []  # the last lines kept, for the width of a full line
    for lines in kept:
        if not lines:
            continue
        if recent:
            last = recent[-1]
            widest = max(len(ln) for ln in recent)
            if last[-1] not in _PAGE_END and len(last) >= 0.8 * widest:
                # a sentence broken by the page: no line break (and no space in Chinese)
                cjk = _CJK_CHAR.match(last[-1]) or _CJK_CHAR.match(lines[0][0])
                parts.append("" if cjk else " ")
            else:
                parts.append("\n")
        parts.append("\n".join(lines))
        recent = (recent + lines[-8:])[-8:]
    return "".join(parts)
