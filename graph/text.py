"""Small text helpers shared by every layer."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")  # not tw2sp: that one rewrites words (执行 → 运行)


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese with OpenCC t2s; simplified text is unchanged.

    >>> to_simplified("遼寧省本溪市中級人民法院")
    '辽宁省本溪市中级人民法院'
    """
    return str(_t2s().convert(text)) if text else text
