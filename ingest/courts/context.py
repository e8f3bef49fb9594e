"""What the article is about: the provinces, prefectures and counties it names, weighed.

Places and unambiguous courts add evidence (`Context.add`); ambiguous names and context forms
(市中院, 县法院) are then read against the strongest place, or the nearest one before them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ingest.courts.matcher import Hit, Matcher
from ingest.gazetteer import Gazetteer


@dataclass
class Context:
    provs: Counter[str] = field(default_factory=Counter)
    prefs: Counter[str] = field(default_factory=Counter)
    counties: Counter[str] = field(default_factory=Counter)
    # (position, province, prefecture, county) of every place or court, in text order
    events: list[tuple[int, str | None, str | None, str | None]] = field(default_factory=list)
    _top: tuple[float, str | None] | None = None  # (evidence total, province) cache

    def add(
        self, pos: int, prov: str | None, pref: str | None, county: str | None, weight: float
    ) -> None:
        if prov:
            self.provs[prov] += weight  # type: ignore[assignment]
        if pref:
            self.prefs[pref] += weight  # type: ignore[assignment]
        if county:
            self.counties[county] += weight  # type: ignore[assignment]
        if pos >= 0:
            self.events.append((pos, prov, pref, county))

    def top_province(self) -> str | None:
        if self._top is None or self._top[0] != len(self.provs) + sum(self.provs.values()):
            best = self.provs.most_common(1)[0][0] if self.provs else None
            self._top = (len(self.provs) + sum(self.provs.values()), best)
        return self._top[1]

    def top_prefecture(self, gaz: Gazetteer, kinds: Sequence[str] = ()) -> str | None:
        prov = self.top_province()
        for code, _ in self.prefs.most_common():
            d = gaz.get(code)
            if d and (prov is None or d.province == prov) and (not kinds or d.kind in kinds):
                return code
        return None

    def top_county(self, gaz: Gazetteer, kinds: Sequence[str]) -> str | None:
        prov = self.top_province()
        for code, _ in self.counties.most_common():
            d = gaz.get(code)
            if d and d.current and (prov is None or d.province == prov) and d.kind in kinds:
                return code
        return None

    def nearest_before(self, pos: int, *, need: Literal["pref", "county"]) -> str | None:
        for p, _prov, pref, county in reversed(self.events):
            if p >= pos:
                continue
            value = pref if need == "pref" else county
            if value:
                return value
        return None


def division_chain(gaz: Gazetteer, code: str) -> tuple[str | None, str | None, str | None]:
    d = gaz.get(code)
    if d is None:
        return None, None, None
    if d.level == "province":
        return d.adcode, None, None
    if d.level == "prefecture":
        return d.province, d.adcode, None
    return d.province, d.prefecture, d.adcode if d.current else None


def place_evidence(
    m: Matcher,
    hits: list[Hit],
    ctx: Context,
    *,
    positions: bool,
    skip: Sequence[tuple[int, int]] = (),
) -> None:
    """Count the places named in the text, except inside the spans ``skip``."""
    for start, end, codes in hits:
        pos = start if positions else -1
        if skip and any(a < end and start < b for a, b in skip):
            continue
        divs = [d for d in (m.gaz.get(c) for c, _ in codes) if d is not None]
        provs = {d.province for d in divs}
        if len(codes) == 1:
            code, strong = codes[0]
            prov, pref, county = division_chain(m.gaz, code)
            ctx.add(pos, prov, pref, county, 1.0 if strong else 0.5)
        elif len(provs) == 1:
            ctx.add(pos, provs.pop(), None, None, 0.5)
