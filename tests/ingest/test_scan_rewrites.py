"""Scans rewritten for speed find what the plain patterns found: the same spans and groups
over texts built from the characters each pattern turns on."""

from __future__ import annotations

import random
import re

from ingest.dates import _SP, TEXT_DATE
from ingest.extract import _CLAUSE_BREAKS, _HEAD_BREAK

_PLAIN_TEXT_DATE = re.compile(
    rf"(?<![0-9])(?P<y>(?:19|20)[0-9]{{2}}){_SP}年"
    rf"(?:{_SP}(?P<m>1[0-2]|0?[1-9]){_SP}月(?:{_SP}(?P<d>3[01]|[12][0-9]|0?[1-9]){_SP}[日号])?)?"
    r"|(?<![0-9.\-/])(?P<ny>(?:19|20)[0-9]{2})(?P<sep>[./-])(?P<nm>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<nd>3[01]|[12][0-9]|0?[1-9])(?![0-9]|[.\-/][0-9])"
    r"|(?<![0-9年])(?P<rel>今年|本年|去年|上年|前年)"
    r"(?:(?P<rm>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?:(?P<rd>3[01]|[12][0-9]|0?[1-9])[日号])?)?"
)
_PLAIN_HEAD_BREAK = re.compile(
    "[" + _CLAUSE_BREAKS + "—]|(?<=[\u4e00-\u9fff])[ \u3000]*[ \u3000](?=[\u4e00-\u9fff“「])"
)


def _texts(alphabet: list[str], n: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_text_date_finds_what_the_plain_pattern_found() -> None:
    alphabet = [*"0123456789年月日号份.-/ 今本去上前十一二三", "2025", "2019", "12", "今年", "去年"]
    texts = [*_texts(alphabet), "较去年3月，2024年 3 月 5 日，2025.3.12与2025-3-1.5，前年十二月"]
    for text in texts:
        plain = [(m.span(), m.groupdict()) for m in _PLAIN_TEXT_DATE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in TEXT_DATE.finditer(text)] == plain, text
        lo, hi = len(text) // 3, len(text) - 2
        plain = [m.span() for m in _PLAIN_TEXT_DATE.finditer(text, lo, max(lo, hi))]
        assert [m.span() for m in TEXT_DATE.finditer(text, lo, max(lo, hi))] == plain, text


def test_head_break_ends_where_the_plain_pattern_ended() -> None:
    alphabet = [*"甲乙法院 \u3000“「a1—，。：\n", "  "]
    texts = [*_texts(alphabet), "甲县法院深化改革  乙镇法庭获评“枫桥式”　 丙院 a 丁"]
    for text in texts:
        plain = [m.end() for m in _PLAIN_HEAD_BREAK.finditer(text)]
        assert [m.end() for m in _HEAD_BREAK.finditer(text)] == plain, text
