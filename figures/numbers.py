"""How a share is written, the same on every page, table, picture and briefing.

A coverage of 1 in 14 read 7.1% on the 扩散分析 page and 7% in the briefing handed out:
one decimal everywhere, without a trailing .0 (100%, not 100.0%).
"""

from __future__ import annotations


def percent(share: float) -> str:
    """`share` (0–1) as a percentage to one decimal, a whole number without its .0.

    >>> [percent(x) for x in (0.0, 0.0054, 1 / 14, 2 / 3, 0.5, 1.0)]
    ['0%', '0.5%', '7.1%', '66.7%', '50%', '100%']
    """
    text = f"{share * 100:.1f}"
    return text.removesuffix(".0") + "%"
