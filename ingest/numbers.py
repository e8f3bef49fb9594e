"""Numerals and delimiters as Chinese news text writes them: 3663, 3.27万, 十个, 两家, 二十三.

`parse_number` turns one numeral (Arabic or Chinese, with 万/亿 multipliers) into a float;
`parse_integer` one integer (a year, month, day or count in a date: 2023, 二〇二三, 十二) into
an int; `NUMERAL` is the regular expression the outcome extractor uses to find numerals. The
punctuation sets cover both full-width and ASCII forms, since pages and normalizers use either.
This is the one Chinese-number parser: outcomes and dates both use it.

>>> parse_number("3.27万")
32700.0
>>> parse_number("二十三")
23.0
>>> parse_integer("二〇二三")
2023
"""

from __future__ import annotations

import functools
import re

#: ends a clause: comma, semicolon, colon and sentence ends, full-width and ASCII
CLAUSE_PUNCT = ",\uff0c;\uff1b:\uff1a\u3002!\uff01?\uff1f\u2026\n"
#: ends a sentence
SENTENCE_PUNCT = "\u3002!\uff01?\uff1f;\uff1b\n"


CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

#: the digits the parsers read: ○ (a circle, U+25CB) often stands for 〇 in a year written digit
#: by digit (二○二三年); it is no numeral for `NUMERAL`, since it also marks bullets and blanks
_DIGIT_VALUES: dict[str, int] = {**CN_DIGITS, "○": 0}
_ZEROS = frozenset(c for c, v in _DIGIT_VALUES.items() if v == 0)

_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS)
#: one numeral: Arabic (with thousands separators / decimals) or Chinese, then an optional 万/亿
NUMERAL = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + _CN_CHARS + r"]+)"
    r"(?P<big>[万萬亿億])?"
)
_ARABIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_chinese_integer(s: str) -> int | None:
    """A Chinese integer, positional or digit by digit; None if malformed.

    In a positional numeral a zero skips a place after 百 or 千 (一百零五, 一千零十); in a
    number spelled digit by digit it is a digit (二〇二三, 二○二三).

    >>> [parse_chinese_integer(s) for s in ("十", "二十三", "一百零五", "一千零十", "两")]
    [10, 23, 105, 1010, 2]
    >>> [parse_chinese_integer(s) for s in ("二〇二三", "二○二三", "三〇六", "〇")]
    [2023, 2023, 306, 0]
    >>> [parse_chinese_integer(s) for s in ("零十", "一零十", "二十零五", "十十", "二三十", "")]
    [None, None, None, None, None, None]
    """
    if not s:
        return None
    if all(c in _DIGIT_VALUES for c in s):
        if len(s) == 1:
            return _DIGIT_VALUES[s]
        # digit-by-digit spelling (二〇二二)
        return int("".join(str(_DIGIT_VALUES[c]) for c in s))
    total = 0
    current: int | None = None
    last_unit = 10_000
    prev = ""
    for c in s:
        if c in _ZEROS:
            if CN_UNITS.get(prev, 0) < 100:
                return None  # 零十, 一零十, 二十零五: a zero skips a place after 百 or 千
        elif c in _DIGIT_VALUES:
            if current is not None:
                return None  # two digits in a row inside a positional numeral
            current = _DIGIT_VALUES[c]
        elif c in CN_UNITS:
            unit = CN_UNITS[c]
            if unit >= last_unit:
                return None
            total += (1 if current is None else current) * unit
            current = None
            last_unit = unit
        else:
            return None
        prev = c
    if current is not None:
        total += current
    return total


def parse_integer(s: str) -> int | None:
    """An integer in Arabic or Chinese digits (a year, month, day or count in a date).

    >>> [parse_integer(s) for s in ("12", "2023", "十二", "二〇二三", "二○二三", "三十一")]
    [12, 2023, 12, 2023, 2023, 31]
    >>> parse_integer("12月") is None
    True
    """
    s = s.strip()
    if s.isascii() and s.isdigit():
        return int(s)
    return parse_chinese_integer(s)


def _parse_chinese(s: str) -> float | None:
    """A Chinese numeral with sections and a decimal part: 八万六千 -> 86000, 九十六点五 -> 96.5."""
    value = 0.0
    for big, mult in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if big in s:
            head, _, s = s.partition(big)
            n = _parse_chinese(head) if head else None
            if n is None:
                return None
            value += n * mult
            s = s.lstrip("零〇")  # 一万零五百: the zero after a section is its placeholder
    if not s:
        return value
    whole, dot, frac = s.partition("点")
    n = parse_chinese_integer(whole) if whole else (0 if dot else None)
    if n is None:
        return None
    value += n
    if dot:
        if not frac or any(c not in CN_DIGITS for c in frac):
            return None
        value += float("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return value


@functools.lru_cache(maxsize=8192)  # pure: the same numerals recur
def parse_number(s: str) -> float | None:
    """Parse one numeral with an optional trailing 万/亿; None if it is not a number.

    Chinese numerals may carry sections and a decimal part (八万六千, 二点一万, 九十六点五).
    """
    s = s.strip()
    if not s:
        return None
    mult = 1
    digits = s
    if s[-1] in BIG_UNITS:
        mult = BIG_UNITS[s[-1]]
        digits = s[:-1]
    if _ARABIC.match(digits):
        return round(float(digits.replace(",", "")) * mult, 6)
    n = _parse_chinese(s)  # sections and a trailing 万/亿 are part of a Chinese numeral
    return None if n is None else round(n, 6)


def is_chinese_numeral(s: str) -> bool:
    return bool(s) and all(c in _CN_CHARS or c in "点万萬亿億" for c in s)
