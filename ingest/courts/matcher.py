"""The name table and its scan: every key a court or a place can be written as.

One Aho-Corasick automaton, built once per process, holds the roster's aliases (本溪中院,
明山区法院, 万州法院 …), aggregate forms (本溪法院, 全市法院), context forms (省法院, 市中院,
县法院), words that only look like courts (基层法院, 上级法院) and the gazetteer's place names;
`find_keys` finds all of them in a text in one pass. Each court key carries its readings
(`Cand`): one key may name several courts (朝阳区法院), which `ingest.courts.resolver` tells
apart by context.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from ingest.gazetteer import GENERIC_PLACE_NAMES, Gazetteer, common_word_shorts, load_gazetteer
from ingest.normalize import char_ranges
from ingest.roster import Roster, build_roster

# Variant characters the t2s conversion leaves alone (寧陜 -> 宁陜, not 宁陕); folding is
# one character for one, so offsets into the folded text are offsets into doc.text.
_FOLD = str.maketrans({"陜": "陕", "峯": "峰", "塲": "场", "甯": "宁", "濬": "浚"})

_FOLD_CHARS = re.compile("[陜峯塲甯濬]")


def fold(text: str) -> str:
    """``text`` with the variant characters above folded (same length, same offsets)."""
    return text.translate(_FOLD) if _FOLD_CHARS.search(text) else text


#: the place written before a key (开发区法院, 农垦法院, 法庭) is a run of Chinese characters,
#: which a function character ends
CJK = re.compile(r"[\u3400-\u9fff]")
FUNCTION_CHARS = frozenset("的了在和与及对将为是等向从到由把被让给以于赴并或同跟往至、")


CandKind = Literal["court", "agg", "ctx", "block"]


@dataclass(frozen=True, slots=True)
class Cand:
    """One reading of an automaton key."""

    kind: CandKind
    target: str  # court name | division adcode | context code
    priority: int  # lower wins ties: higher-level readings first
    # 0: plain; 1: the short name is an everyday word (平安法院): needs its city in the text;
    # 2: a one-character stem (城区法院): needs its city or province right before it
    weak: int = 0


_CONTEXT_FORMS: dict[str, tuple[str, ...]] = {
    "prov_high": ("省法院", "省高院", "省高级人民法院", "省高级法院"),
    "region_high": ("自治区高级人民法院", "自治区高院", "自治区法院"),
    "muni_high": ("市高级人民法院", "市高院", "市高法院", "市高级法院"),
    "city_mid": ("市中级人民法院", "市中院", "市中级法院"),
    # 中院 alone (中院党组, ，中院组织…): the intermediate court of the article's prefecture
    "bare_mid": ("中院",),
    "city_court": ("市法院", "市人民法院"),
    "zhou_mid": ("州中级人民法院", "州中院", "州法院", "州中级法院"),
    "diqu_mid": ("地区中级人民法院", "地区中院"),
    "meng_mid": ("盟中级人民法院", "盟中院"),
    "county_xian": ("县法院", "县人民法院"),
    "county_qu": ("区法院", "区人民法院"),
    "county_qi": ("旗法院", "旗人民法院"),
    "agg_city": (
        "全市法院",
        "全市两级法院",
        "全市各级法院",
        "两级法院",
        "全市各法院",
        "全市基层法院",
        "全市各基层法院",
        "我市法院",
        "我市两级法院",
        "我市各级法院",
        # a city's people's tribunals together (全市人民法庭认真贯彻…): a group, no one court
        "全市人民法庭",
        "全市各人民法庭",
        "全市各级人民法院",
        "全市两级人民法院",
    ),
    "agg_prov": (
        "全省法院",
        "全省各级法院",
        "全省三级法院",
        "全省各法院",
        "全省基层法院",
        "全省各基层法院",
        "我省法院",
        "我省各级法院",
        "我省三级法院",
        "全省人民法庭",
        "全省各人民法庭",
        "全省各地人民法庭",
        "全省各地法院",
        "全省各级人民法院",
        "全省三级人民法院",
    ),
    "agg_region": ("全区法院", "全区三级法院", "全区各级法院", "全区人民法庭", "全区各级人民法院"),
    "agg_zhou": ("全州法院", "全州两级法院", "全盟法院", "全地区法院"),
    # the courts of the whole country: a group, never one court's name
    "nation": ("全国法院", "全国各级法院", "全国各级人民法院", "全国法院系统", "全国四级法院"),
}


#: after a place: the group of its courts (重庆各基层法院, 本溪市各级法院)
_GROUP_TAILS = ("各级法院", "各级人民法院", "各基层法院", "基层法院", "各基层人民法院", "各法院")
_BLOCKS = (
    "城市法院",
    "县市法院",
    "省市法院",
    "市县法院",
    "区县法院",
    "县区法院",
    "市区法院",
    "地市法院",
    "省级法院",
    "市级法院",
    "县级法院",
    "上级法院",
    "下级法院",
    "各级法院",
    "基层法院",
    "中级法院",
    "高级法院",
    "专门法院",
    "地方法院",
    "示范法院",
    "全院",
)


@dataclass
class Matcher:
    roster: Roster
    gaz: Gazetteer
    automaton: ahocorasick.Automaton  # court keys and place names, told apart by payload
    court_div: dict[str, tuple[str | None, str | None, str | None]]  # name -> prov, pref, cty
    runs: re.Pattern[str]  # runs of characters some key holds, at least as long as a key


def _key_runs(keys: Iterable[str]) -> re.Pattern[str]:
    """Runs of the characters the keys are written in, as long as the shortest key at least:
    no match crosses another character, so only these runs need the automaton (which steps
    slowly through text no key starts with)."""
    keys = list(keys)
    shortest = min((len(k) for k in keys), default=1)
    return re.compile(char_ranges(ord(c) for k in keys for c in k) + f"{{{max(1, shortest)},}}")


def _add(table: dict[str, list[Cand]], key: str, cand: Cand) -> None:
    lst = table.setdefault(key, [])
    if all(c.target != cand.target or c.kind != cand.kind for c in lst):
        lst.append(cand)


@functools.cache
def load_matcher() -> Matcher:
    roster = build_roster()
    gaz = load_gazetteer()
    table: dict[str, list[Cand]] = {}
    prio = {"supreme": 1, "high": 2, "special": 3, "intermediate": 3, "basic": 4, "tribunal": 5}
    common = common_word_shorts()
    for c in roster:
        p = prio[c.level]
        one_char_stem = 2 if c.county in GENERIC_PLACE_NAMES else 0
        for a in c.aliases:
            _add(table, a, Cand("court", c.name, p, weak=one_char_stem))
        for a in c.short_aliases:
            stem = a.removesuffix("人民法院").removesuffix("法院")
            _add(table, a, Cand("court", c.name, p + 1, weak=int(stem in common)))
    for c in roster:  # 乌鲁木齐铁路运输两级法院, 农垦两级法院: a special court and those under it
        if c.level == "special" and c.name.endswith("中级法院"):
            label = "group:" + c.name.removesuffix("中级法院") + "两级法院"
            for a in (c.name, *c.aliases):
                stem = a.removesuffix("中级法院").removesuffix("中院")
                if stem != a and len(stem) >= 2:
                    _add(table, stem + "两级法院", Cand("ctx", label, 0))
                    # 农垦法院 (黑龙江农垦法院各人民法庭): the farm courts together, the same
                    # group (林区法院 is not: two provinces have such a group, and 吉林林区法院
                    # may be a court of 吉林市's forests)
                    if stem.endswith("农垦"):
                        _add(table, stem + "法院", Cand("ctx", label, 0))
    for surface, name in roster.historical_aliases.items():
        _add(table, surface, Cand("court", name, 6))
    for d in gaz.current():
        s = d.short
        if d.level == "province":
            _add(table, (s or d.name) + "法院", Cand("agg", d.adcode, 0))
            for f in {s or d.name, d.name}:  # 重庆各基层法院, 云南省各级法院: the courts of a place
                for tail in (*_GROUP_TAILS, "三级法院", "三级人民法院"):  # 山西三级法院
                    _add(table, f + tail, Cand("agg", d.adcode, 0))
            if d.kind == "直辖市":
                _add(table, d.name + "法院", Cand("agg", d.adcode, 0))
        elif d.level == "prefecture" and roster.for_division(d.adcode, "intermediate"):
            forms: list[str] = [
                f for f in (s, *(a for a, cs in gaz.aliases.items() if d.adcode in cs)) if f
            ]
            for f in forms:
                _add(table, f + "法院", Cand("agg", d.adcode, 1, weak=int(f in common)))
            for f in [*forms, d.name]:
                _add(table, f + "两级法院", Cand("agg", d.adcode, 1))
                _add(table, f + "全市法院", Cand("agg", d.adcode, 1))
                for tail in _GROUP_TAILS:
                    _add(table, f + tail, Cand("agg", d.adcode, 1))
    for code, ctx_forms in _CONTEXT_FORMS.items():
        for f in ctx_forms:
            _add(table, f, Cand("ctx", code, 0))
    ordinals = "一二三四五"
    for n in ordinals:
        for f in (
            f"第{n}中级人民法院",
            f"{n}中院",
            f"市{n}中院",
            f"市第{n}中级人民法院",
            f"省第{n}中级人民法院",
            f"省{n}中院",
            f"第{n}中院",
        ):
            _add(table, f, Cand("ctx", "numbered:" + n, 0))
    for f in _BLOCKS:
        _add(table, f, Cand("block", "", 0))

    auto = ahocorasick.Automaton()
    for key, cands in table.items():
        auto.add_word(key, (len(key), True, tuple(sorted(cands, key=lambda c: c.priority))))

    place_table: dict[str, list[tuple[str, bool]]] = {}
    for surface, code, strong in gaz.place_names():
        if len(surface) < 2:
            continue
        lst = place_table.setdefault(surface, [])
        if all(code != c for c, _ in lst):
            lst.append((code, strong))
    for key, codes in place_table.items():
        if key not in table:  # court keys end in 院/法/庭, never a place name
            auto.add_word(key, (len(key), False, tuple(codes)))
    auto.make_automaton()

    court_div: dict[str, tuple[str | None, str | None, str | None]] = {
        c.name: (c.province_code, c.prefecture_code, c.county_code) for c in roster
    }
    return Matcher(roster, gaz, auto, court_div, _key_runs(auto.keys()))


Hit = tuple[int, int, tuple]  # start, end, payload


def find_keys(m: Matcher, text: str) -> tuple[list[Hit], list[Hit]]:
    """Court-key hits and place-name hits, each leftmost-longest, in one automaton pass."""
    courts: list[Hit] = []
    places: list[Hit] = []
    for run in m.runs.finditer(text):
        for end, (length, is_court, payload) in m.automaton.iter(text, run.start(), run.end()):
            (courts if is_court else places).append((end + 1 - length, end + 1, payload))
    return _leftmost_longest(courts), _leftmost_longest(places)


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    out: list[Hit] = []
    last = -1
    for h in hits:
        if h[0] >= last:
            out.append(h)
            last = h[1]
    return out
