"""A document's title when no metadata, page tag or byline gives one: its headline.

`headline(text)` takes the first line of the text that reads as a headline (a short line
without a sentence end), else the first sentence of the first paragraph, cut to
`MAX_TITLE` characters. A photo caption standing above the article (会议现场。), a document
number (某法〔2023〕1号), a subtitle (——…) and a signature (某某法院院长 某某) are skipped.
Never the file name: a file name is no title and would end up in slide footnotes. Markup a
plain-text file carries over from where it was copied (a Markdown heading's ##, **bold**, an
HTML tag or the end of one, …/h2>) is taken out of the headline.
"""

from __future__ import annotations

import re

MAX_TITLE = 40
#: header lines that are no title: a document number (某法〔2023〕58 号, with the date that often
#: follows it), a subtitle (——2024年2月27日在…会议上), a signature (某某法院院长 某某; not an
#: interview's headline: 专访某某法院院长 某某)
NOT_TITLE = re.compile(
    r"^[\u4e00-\u9fff]{1,12}[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*[0-9]{1,5}"
    r"[ \t\u3000]*号"
    r"|^(?:——|—|--|－－)"
    r"|^(?!专访|对话|访谈|走近|记者)[^\s，。；：:]{2,30}(?:院长|庭长|书记|主任|局长|厅长|部长|处长|审判员|法官|委员)"
    r"[ \t\u3000]+[\u4e00-\u9fff·]{2,4}$"
)
_SENTENCE = re.compile(r"^(.+?[。！？!?；;])")
# markup copied into a plain text: a Markdown heading's or quote's lead (## , > ), emphasis
# (**…**, __…__), an HTML tag, or a tag's end whose < was lost to a bad encoding (…/h2>)
_MARKUP = re.compile(
    r"^(?:#{1,6}|>)[ \t\u3000]*"
    r"|\*\*|__"
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"
    r"|/(?:h[1-6]|p|div|span|strong|b|em|title|a)>"
)
_CAPTION = re.compile(r"^(图为|图片|照片|摄影|摄|来源)|(现场|合影|照片|图片|留影|掠影)[。.]?$")


def without_markup(line: str) -> str:
    """`line` without the Markdown or HTML markup a plain text carried over (any title: the
    headline found here, or the first line the boilerplate cut took as the title).

    >>> without_markup("##甲省法院上半年收案十万件"), without_markup("乙市法院推行快办机制/h2>")
    ('甲省法院上半年收案十万件', '乙市法院推行快办机制')
    """
    return " ".join(_MARKUP.sub("", line).split())


def headline(text: str) -> str | None:
    """The headline of a normalized document text, or None when it has no words.

    >>> headline("会议现场。\\n3月30日，甲省法院召开诉源治理推进会。会议要求……")
    '3月30日，甲省法院召开诉源治理推进会'
    >>> headline("## 甲市法院**诉源治理**见成效</h2>\\n正文。")
    '甲市法院诉源治理见成效'
    """
    for raw in text.splitlines():
        line = without_markup(raw)
        if not line or (len(line) <= 16 and (_CAPTION.search(line) or _caption_like(line))):
            continue
        if NOT_TITLE.match(line):
            continue
        if len(line) <= 60 and not re.search(r"[。！？!?；;]", line) and line[-1] not in "，,…":
            return _cut(line)
        m = _SENTENCE.match(line)
        sentence = m.group(1) if m else line
        return _cut(sentence.rstrip("。！？!?；;"))
    return None


def _caption_like(line: str) -> bool:
    """One short sentence standing alone (会议现场。): a photo caption, not a headline."""
    return line.endswith("。") and line.count("。") == 1 and "，" not in line


def _cut(line: str) -> str:
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1] + "…"
