"""Elliptical lists: 鲤城、惠安、德化等法院 (one court per place) and 乌衣、铜城、府城三个法庭
(one tribunal per town). Each place is read as a court's name would be; the places of one
list are taken to lie together."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ingest.courts.matcher import Cand
from ingest.courts.resolver import Found
from ingest.roster import RosterCourt

if TYPE_CHECKING:
    from ingest.courts.resolver import Resolver


# An elliptical list of courts: 鲤城、惠安、德化等法院; 乌鲁木齐、库尔勒、哈密铁路运输法院.
_COURT_LIST = re.compile(
    r"(?P<items>(?:[\u4e00-\u9fff]{2,8}、)+(?:[\u4e00-\u9fff]{2,6}?(?:和|及|与))?)"
    r"(?P<last>[\u4e00-\u9fff]{2,6}?)"
    # 等, or a count of the places (四家, 两地, 4 个: a printed count may stand between spaces)
    r"(?P<etc>等地|等|[两三四五六七八九十][家地]| ?[0-9]{1,2} ?[家个])?"
    r"(?P<suffix>铁路运输法院|海事法院|中级人民法院|中级法院|中院|高级人民法院|高级法院|高院"
    r"|基层人民法院|基层法院|人民法院|法院)"
)
_LIST_KEYS = {
    "铁路运输法院": ("铁路运输法院", "铁路法院"),
    "海事法院": ("海事法院",),
    "中级人民法院": ("中级人民法院", "中院"),
    "中级法院": ("中级人民法院", "中院"),
    "中院": ("中院", "中级人民法院"),
    "高级人民法院": ("高级人民法院", "高院"),
    "高级法院": ("高级人民法院", "高院"),
    "高院": ("高院", "高级人民法院"),
}


#: 乌衣、铜城、府城三个法庭 / 甲、乙等人民法庭: an elliptical list of tribunals by town
_TRIBUNAL_LIST = re.compile(
    r"(?P<items>(?:(?:(?!法庭)[\u4e00-\u9fff]){2,6}、)+)(?P<last>[\u4e00-\u9fff]{2,4}?)"
    r"(?:等)?(?:[两三四五六七八九十\d]{1,2}(?:个|家|处|座))?(?:人民)?法庭"
)
#: the runs of text a list of courts or tribunals lies in (both are written in these only)
_LIST_RUN = re.compile(r"[\u4e00-\u9fff、\d]+(?: [\d]+ [\u4e00-\u9fff、\d]+)*")


def _list_runs(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The runs that may hold a list ending in one of `words` (every suffix of the list's
    pattern holds one): a 、 and the word in them; a cheap filter before the lists' patterns,
    which are slow to try at every character."""
    for run in _LIST_RUN.finditer(text):
        found = run.group()
        if "、" in found and any(w in found for w in words):
            yield run.span()


def find_court_lists(res: Resolver) -> None:
    """One court per place of an elliptical list (鲤城、惠安、德化等法院): each place is
    read as <place>法院 (or <place>铁路运输法院 …) and resolved like a name in the text;
    the mention is the bare place. Needs two places that name courts."""
    for m in (
        m
        for a, b in _list_runs(res.folded, ("法院", "中院", "高院"))
        for m in _COURT_LIST.finditer(res.folded, a, b)
    ):
        suffix = m.group("suffix")
        keys = _LIST_KEYS.get(suffix, ("法院", "人民法院"))
        items: list[tuple[int, int]] = []
        pos = m.start("items")
        for part in re.split(r"(、|和|及|与)", m.group("items")):
            if part and part not in "、和及与":
                items.append((pos, pos + len(part)))
            pos += len(part)
        items.append((m.start("last"), m.end("last")))
        picked: list[tuple[int, int, Cand]] = []
        readings: list[list[Cand]] = []
        for k, (a, b) in enumerate(items):
            # the first item may carry words before the place (指导鲤城): its tail counts
            starts = range(max(a, b - 6), b - 1) if k == 0 else (a,)
            for s in starts:
                got = _list_item(res, s, b, keys)
                if got is not None:
                    picked.append((s, b, got[0]))
                    readings.append(got[1])
                    break
        # the last place with the suffix, a court read by its pattern (邯山区、经开区法院: a
        # zone court): a court of the list too, though no key of the roster names it
        last_court = any(
            f.start <= m.start("last") and m.end() <= f.end and not f.court.startswith("AGG:")
            for f in res.found
        )
        if len(picked) + (last_court and len(picked) < len(items)) < 2:
            continue
        picked = _same_area(res, picked, readings)
        for s, b, cand in picked:
            if any(f.start < b and s < f.end for f in res.found):
                continue  # already found (哈密铁路运输法院 written out in full)
            rc = res.court(cand.target)
            res.found.append(Found(s, b, cand.target, level=rc.level if rc else ""))
            res.ctx.events.append((s, *res.chain(cand.target)))


def _list_item(
    res: Resolver, start: int, end: int, keys: Sequence[str]
) -> tuple[Cand, list[Cand]] | None:
    """The reading the context picks for one place of a list, and all its court readings."""
    place = res.folded[start:end]
    if len(place) < 2:
        return None
    for key in keys:
        payload = res.m.automaton.get(place + key, None)
        if payload is None or not payload[1]:
            continue
        cands = [c for c in payload[2] if c.kind == "court"]
        picked = res.pick(start, end, cands) if cands else None
        if picked is not None:
            return picked[0], cands
    return None


def _same_area(
    res: Resolver, picked: list[tuple[int, int, Cand]], readings: list[list[Cand]]
) -> list[tuple[int, int, Cand]]:
    """The places of one list lie together: an ambiguous place (平山: 本溪 or 河北) takes the
    reading in the city, else the province, of the other places and of the courts named
    before the list."""
    if all(len(r) < 2 for r in readings):
        return picked
    chains = [res.chain(c.target) for _, _, c in picked]
    before = [res.chain(f.court) for f in res.found if f.end <= picked[0][0]]
    out = []
    for i, ((s, b, cand), cands) in enumerate(zip(picked, readings, strict=True)):
        if len(cands) < 2:
            out.append((s, b, cand))
            continue
        others = [c for j, c in enumerate(chains) if j != i] + before

        def fit(c: Cand, others: list[tuple[str | None, str | None, str | None]] = others) -> int:
            prov, pref, _ = res.chain(c.target)
            same_pref = sum(1 for o in others if pref and o[1] == pref)
            same_prov = sum(1 for o in others if prov and o[0] == prov)
            return 2 * same_pref + same_prov

        best = max(cands, key=lambda c: (fit(c), c is cand))
        out.append((s, b, best if fit(best) > fit(cand) else cand))
    return out


def find_tribunal_lists(res: Resolver) -> None:
    """乌衣、铜城、府城三个法庭: one tribunal per town of an elliptical list, each town a
    township of exactly one county of the article's prefecture (or, without one, province);
    the parent is that county's court and the mention the bare town. Needs two towns."""
    gaz, text = res.m.gaz, res.folded
    prov = res.ctx.top_province()
    pref = res.ctx.top_prefecture(gaz)
    if prov is None:
        return
    for m in (
        m for a, b in _list_runs(text, ("法庭",)) for m in _TRIBUNAL_LIST.finditer(text, a, b)
    ):
        items: list[tuple[int, int]] = []
        pos = m.start("items")
        for part in m.group("items").split("、"):
            if part:
                items.append((pos, pos + len(part)))
            pos += len(part) + 1
        items.append(m.span("last"))
        picked: list[tuple[int, int, int, RosterCourt]] = []  # start, town start, end, court
        for k, (a, b) in enumerate(items):
            got = _town_item(res, a, b, prov, pref, first=k == 0)
            if got is not None:
                picked.append(got)
        if len(picked) < 2 or len(picked) < len(items) - 1:
            continue
        for a, t, b, court in picked:
            if any(f.start < b and a < f.end for f in res.found):
                continue
            name = court.name + text[t:b] + "人民法庭"
            ref = res.tribunal(name, court.name, court)
            res.found.append(Found(a, b, name, ref=ref, level="tribunal"))
            if t > a:  # 河东汤头、相公法庭: the county written before its town is the parent
                res.found.append(Found(a, t, court.name, level=court.level))


def _town_item(
    res: Resolver, a: int, b: int, prov: str, pref: str | None, *, first: bool
) -> tuple[int, int, int, RosterCourt] | None:
    """One town of a list of tribunals: (start, the town's start, end, its county's court).
    The town is a township of exactly one county of the article's prefecture (or, without
    one, province), or follows its county's name (河东汤头: 河东区's 汤头); the first item may
    carry words before it (到河东汤头)."""
    gaz, text = res.m.gaz, res.folded

    def court_of(counties: list[str]) -> RosterCourt | None:
        ds = [
            d
            for d in (gaz.get(c) for c in counties)
            if d is not None
            and d.current
            and d.province == prov
            and (pref is None or d.prefecture == pref)
        ]
        return res.m.roster.for_division(ds[0].adcode, "basic") if len(ds) == 1 else None

    for s in range(a, b - 1) if first else (a,):
        if b - s <= 4 and (court := court_of(gaz.counties_with_town(text[s:b]))) is not None:
            return s, s, b, court
        for n in (3, 2):  # a county's name (兰山, 河东区) and a town of it after
            t = s + n
            if b - t < 2:
                continue
            counties = [
                d.adcode for d in gaz.lookup(text[s:t]) if d.level == "county" and d.current
            ]
            towns = set(gaz.counties_with_town(text[t:b]))
            court = court_of([c for c in counties if c in towns])
            if court is not None:
                return s, t, b, court
    return None
