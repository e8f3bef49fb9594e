"""Court recognition: find every court (and group of courts) an article names.

One Aho-Corasick automaton over the roster's aliases (本溪中院, 明山区法院, 万州法院 …),
aggregate forms (本溪法院, 全市法院), context forms (省法院, 市中院, 县法院) and place names
finds everything in one pass; the places and the unambiguous courts tell which province,
city and county the article is about. Ambiguous names (朝阳区法院, 本溪法院) and context
forms are then resolved against that evidence; tribunals (东城法庭, 万州法院大周法庭) and
development-zone courts (经济技术开发区法院) are recognized around the court matches;
我院/本院/该院 are tied to the article's own court.

Example::

    >>> doc = SourceDocument(path="x", text="本溪中院召开会议，明山区法院作交流发言。")
    >>> [c.name for c in extract_courts(doc).courts]
    ['辽宁省本溪市中级人民法院', '辽宁省本溪市明山区人民法院']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import ahocorasick

from ingest.document import CourtMention, CourtRef, Evidence, SourceDocument
from ingest.gazetteer import (
    GENERIC_PLACE_NAMES,
    Division,
    Gazetteer,
    common_word_shorts,
    load_gazetteer,
)
from ingest.roster import DATA_DIR, SUPREME, Roster, RosterCourt, build_roster

# Variant characters the t2s conversion leaves alone (寧陜 -> 宁陜, not 宁陕); folding is
# one character for one, so offsets into the folded text are offsets into doc.text.
_FOLD = str.maketrans({"陜": "陕", "峯": "峰", "塲": "场", "甯": "宁", "濬": "浚"})

_FOLD_CHARS = re.compile("[陜峯塲甯濬]")


def _fold(text: str) -> str:
    return text.translate(_FOLD) if _FOLD_CHARS.search(text) else text


_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
_SELF = re.compile(r"我院|本院|该院|該院")
_THIS_COURT = ("该院", "該院")
_SELF_SURFACES = frozenset(("我院", "本院", *_THIS_COURT))
_CLAUSE_BREAK = frozenset("，,。！？；;：:!?\n")
_PREPOSITIONS = frozenset("从据向在对经与和同跟由给被让把为到赴至随")
_UNIT_OF_PERSON = ("院长", "副院长", "党组", "法官", "干警", "庭长", "负责人", "工作人员", "的")
_TRIBUNAL = re.compile(r"(?:人民)?法庭")
_ZONE = re.compile(
    r"(经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|开发区|"
    r"工业园区|综合保税区|保税区|自由贸易试验区|自贸区|综合实验区|实验区|试验区|示范区|合作区|"
    r"新区|管理区|港区|园区|垦区|林区|矿区)(?:人民)?法院"
)
# Special basic courts of farms, forests and oilfields (宝泉岭农垦法院, 白河林区基层法院, the
# 兵团's 车排子垦区人民法院): the roster lists only those whose name hides the kind (辽河人民法院).
_SPECIAL_BASIC = re.compile(r"(农垦|垦区|林区|油田)(基层)?(人民)?法院")
_SPECIAL_BASIC_PARENT = {
    ("黑龙江省", "农垦"): "黑龙江省农垦中级法院",
    ("黑龙江省", "林区"): "黑龙江省林区中级法院",
    ("吉林省", "林区"): "吉林省林区中级法院",
}
_NOT_A_STEM = re.compile(r"^(?:各|该|我|本|全|其|此|每|原|所属|下属|辖区|基层|部分|相关|其他)")
_LEAD_WORDS = re.compile(r"(?:所辖|下辖|管辖|辖区内?|辖内|所属|下属|以及|还有|其中|包括)")
# A city's named special tribunal (南京知识产权法庭), and what may stand between the city and it
_NAMED_TRIBUNAL = re.compile(r"(知识产权|环境资源)法庭")
_MID_BEFORE = re.compile(r"(?:市)?(?:中级人民法院|中级法院|中院)$|市$")
_NO_REF = CourtRef(name="", level="basic")
# An elliptical list of courts: 鲤城、惠安、德化等法院; 乌鲁木齐、库尔勒、哈密铁路运输法院.
_COURT_LIST = re.compile(
    r"(?P<items>(?:[\u4e00-\u9fff]{2,8}、)+(?:[\u4e00-\u9fff]{2,6}?(?:和|及|与))?)"
    r"(?P<last>[\u4e00-\u9fff]{2,6}?)(?P<etc>等地|等|[两三四五六七八九十]家|[0-9]{1,2}家)?"
    r"(?P<suffix>铁路运输法院|海事法院|中级人民法院|中级法院|中院|基层人民法院|基层法院|人民法院|法院)"
)
_LIST_KEYS = {
    "铁路运输法院": ("铁路运输法院", "铁路法院"),
    "海事法院": ("海事法院",),
    "中级人民法院": ("中级人民法院", "中院"),
    "中级法院": ("中级人民法院", "中院"),
    "中院": ("中院", "中级人民法院"),
}
# a context form (省法院, 县法院) right after one of these is a group or another unit
# Rows of page metadata: a court there is the publisher or the source, not the subject.
_META_ROW = re.compile(
    r"[ \t]*[^\n。]{0,30}?(?:(?:来源|作者|发布单位|供稿|稿源|编辑|责编|责任编辑|出处|主办|主管"
    r"|承办)[ \t]*[:：]|发文机关|发布机关|制定机关)[^\n。]{0,80}$"
)
#: a photo caption or credit line (…。（乙县法院供图）): its court is not what the article is about
_CAPTION = re.compile(r"供图|图片来源|图片由[^，,。\n]{1,20}提供")
_HEADLINE_STOP = re.compile(r"[。；;]")
# 据某法院发布的…, 根据某法院的统计: the court is the source the clause cites
_CITING = re.compile(r"[ \t]*(?:据|根据|依据|援引|引用|转引自|转自)")
_CITED_WORK = re.compile(
    r"(?:近日|日前|此前|最新)?(?:发布|公布|印发|发表|编写|撰写|编制|出具)(?:的|了)?[^，。；\n]{0,12}?"
    r"(?:报告|白皮书|蓝皮书|调研|通报|统计|数据)"
)
_CTX_BLOCK_BEFORE = frozenset("全各两该本我贵外他邻其每某城县市区省地州乡镇村级")
_FUNCTION_CHARS = frozenset("的了在和与及对将为是等向从到由把被让给以于赴并或同跟往至、")


@functools.cache
def _tribunal_stopwords() -> tuple[str, ...]:
    words: list[str] = []
    path = DATA_DIR / "tribunal_stopwords.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.extend(line.split())
    return tuple(words)


# a count (三个, 两家) ends the words before 法庭; a numeral that opens a place name (八家子,
# 三道沟, 二龙山) is no count
_TRIBUNAL_BAD_CHARS = re.compile(
    r"[0-9０-９A-Za-z]|[一二三四五六七八九十百千两几多余数各]+[个家所座处名件批类]$|[个所座处名件]"
)
_LIST_BOUNDARY = frozenset("、，,；;：:“”\"'‘’（(《 \t\n")
_TRIBUNAL_BAD_END = tuple("式化型性类级庭院室站点心")
# words before 人民法庭 that are never its place, even right after a court (X法院派出人民法庭)
_TRIBUNAL_NOT_PLACE = re.compile(
    r"^(?:各|该|我|此|每|其|派出|下辖|下属|辖区|基层|部分|全部|所有|其他|其余|新建|新设"
    r"|首批|首个|首家|相关|第)|人民|法院|中院|高院"
    # anywhere in the stem: a court's instruction to its tribunals (要求各人民法庭…) is no
    # tribunal's name (各庄 is a common place-name ending)
    r"|各(?!庄)|所属|下属|辖区|要求|指导|组织|督促|推动"
)


CandKind = Literal["court", "agg", "ctx", "block"]


@dataclass(frozen=True, slots=True)
class _Cand:
    """One reading of an automaton key."""

    kind: CandKind
    target: str  # court name | division adcode | context code
    priority: int  # lower wins ties: higher-level readings first
    # 0: plain; 1: the short name is an everyday word (平安法院): needs its city in the text;
    # 2: a one-character stem (城区法院): needs its city or province right before it
    weak: int = 0


@dataclass
class CourtResolution:
    """Courts an article names, every place it names them, and the article's own court."""

    courts: list[CourtRef] = field(default_factory=list)
    mentions: list[CourtMention] = field(default_factory=list)
    home: str | None = None
    province: str | None = None  # the province the article is about (full name), if any
    city: str | None = None  # the prefecture it is about, if any
    warnings: list[str] = field(default_factory=list)  # ambiguous names resolved by default


# --------------------------------------------------------------------------------------
# The matcher: automata built once per process from the roster and the gazetteer.

_CONTEXT_FORMS: dict[str, tuple[str, ...]] = {
    "prov_high": ("省法院", "省高院", "省高级人民法院", "省高级法院"),
    "region_high": ("自治区高级人民法院", "自治区高院", "自治区法院"),
    "muni_high": ("市高级人民法院", "市高院", "市高法院", "市高级法院"),
    "city_mid": ("市中级人民法院", "市中院", "市中级法院"),
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
    ),
    "agg_region": ("全区法院", "全区三级法院", "全区各级法院"),
    "agg_zhou": ("全州法院", "全州两级法院", "全盟法院", "全地区法院"),
}
#: 乌衣、铜城、府城三个法庭 / 甲、乙等人民法庭: an elliptical list of tribunals by town
_TRIBUNAL_LIST = re.compile(
    r"(?P<items>(?:[\u4e00-\u9fff]{2,4}、)+)(?P<last>[\u4e00-\u9fff]{2,4}?)"
    r"(?:等)?(?:[两三四五六七八九十\d]{1,2}(?:个|家|处|座))?(?:人民)?法庭"
)
#: the runs of text a list of courts or tribunals lies in (both are written in these only)
_LIST_RUN = re.compile(r"[\u4e00-\u9fff、\d]+")


def _list_runs(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The runs that may hold a list ending in one of `words` (every suffix of the list's
    pattern holds one): a 、 and the word in them; a cheap filter before the lists' patterns,
    which are slow to try at every character."""
    for run in _LIST_RUN.finditer(text):
        found = run.group()
        if "、" in found and any(w in found for w in words):
            yield run.span()


#: 在荔湾区，法院… : a bare 法院 opening the clause after the county it is in
_BARE_COUNTY = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,8}?(?:区|县|旗))[，,]\s*(?P<court>(?:人民)?法院)"
    r"(?![\u4e00-\u9fff]?(?:系统|工作|干警|领导))"
)
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
class _Matcher:
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
    codes = sorted({ord(c) for k in keys for c in k})
    ranges: list[str] = []  # consecutive code points as one range: a long class scans slowly
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        ranges.append(first if i == j else f"{first}-{last}")
        i = j + 1
    shortest = min((len(k) for k in keys), default=1)
    return re.compile("[" + "".join(ranges) + "]" + f"{{{max(1, shortest)},}}")


def _add(table: dict[str, list[_Cand]], key: str, cand: _Cand) -> None:
    lst = table.setdefault(key, [])
    if all(c.target != cand.target or c.kind != cand.kind for c in lst):
        lst.append(cand)


@functools.cache
def _matcher() -> _Matcher:
    roster = build_roster()
    gaz = load_gazetteer()
    table: dict[str, list[_Cand]] = {}
    prio = {"supreme": 1, "high": 2, "special": 3, "intermediate": 3, "basic": 4, "tribunal": 5}
    common = common_word_shorts()
    for c in roster:
        p = prio[c.level]
        one_char_stem = 2 if c.county in GENERIC_PLACE_NAMES else 0
        for a in c.aliases:
            _add(table, a, _Cand("court", c.name, p, weak=one_char_stem))
        for a in c.short_aliases:
            stem = a.removesuffix("人民法院").removesuffix("法院")
            _add(table, a, _Cand("court", c.name, p + 1, weak=int(stem in common)))
    for surface, name in roster.historical_aliases.items():
        _add(table, surface, _Cand("court", name, 6))
    for d in gaz.current():
        s = d.short
        if d.level == "province":
            _add(table, (s or d.name) + "法院", _Cand("agg", d.adcode, 0))
            for f in {s or d.name, d.name}:  # 重庆各基层法院, 云南省各级法院: the courts of a place
                for tail in _GROUP_TAILS:
                    _add(table, f + tail, _Cand("agg", d.adcode, 0))
            if d.kind == "直辖市":
                _add(table, d.name + "法院", _Cand("agg", d.adcode, 0))
        elif d.level == "prefecture" and roster.for_division(d.adcode, "intermediate"):
            forms: list[str] = [
                f for f in (s, *(a for a, cs in gaz.aliases.items() if d.adcode in cs)) if f
            ]
            for f in forms:
                _add(table, f + "法院", _Cand("agg", d.adcode, 1, weak=int(f in common)))
            for f in [*forms, d.name]:
                _add(table, f + "两级法院", _Cand("agg", d.adcode, 1))
                _add(table, f + "全市法院", _Cand("agg", d.adcode, 1))
                for tail in _GROUP_TAILS:
                    _add(table, f + tail, _Cand("agg", d.adcode, 1))
    for code, ctx_forms in _CONTEXT_FORMS.items():
        for f in ctx_forms:
            _add(table, f, _Cand("ctx", code, 0))
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
            _add(table, f, _Cand("ctx", "numbered:" + n, 0))
    for f in _BLOCKS:
        _add(table, f, _Cand("block", "", 0))

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
    return _Matcher(roster, gaz, auto, court_div, _key_runs(auto.keys()))


# --------------------------------------------------------------------------------------
# Context: which province / city / county the article is about.


@dataclass
class _Context:
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


def _division_chain(gaz: Gazetteer, code: str) -> tuple[str | None, str | None, str | None]:
    d = gaz.get(code)
    if d is None:
        return None, None, None
    if d.level == "province":
        return d.adcode, None, None
    if d.level == "prefecture":
        return d.province, d.adcode, None
    return d.province, d.prefecture, d.adcode if d.current else None


_Hit = tuple[int, int, tuple]  # start, end, payload


def _scan(m: _Matcher, text: str) -> tuple[list[_Hit], list[_Hit]]:
    """Court-key hits and place-name hits, each leftmost-longest, in one automaton pass."""
    courts: list[_Hit] = []
    places: list[_Hit] = []
    for run in m.runs.finditer(text):
        for end, (length, is_court, payload) in m.automaton.iter(text, run.start(), run.end()):
            (courts if is_court else places).append((end + 1 - length, end + 1, payload))
    return _leftmost_longest(courts), _leftmost_longest(places)


def _leftmost_longest(hits: list[_Hit]) -> list[_Hit]:
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    out: list[_Hit] = []
    last = -1
    for h in hits:
        if h[0] >= last:
            out.append(h)
            last = h[1]
    return out


def _place_evidence(
    m: _Matcher,
    hits: list[_Hit],
    ctx: _Context,
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
            prov, pref, county = _division_chain(m.gaz, code)
            ctx.add(pos, prov, pref, county, 1.0 if strong else 0.5)
        elif len(provs) == 1:
            ctx.add(pos, provs.pop(), None, None, 0.5)


# --------------------------------------------------------------------------------------
# Resolution.


@dataclass
class _Found:
    start: int
    end: int
    court: str  # court name or AGG label
    ref: CourtRef | None = None  # for courts not in the roster (tribunals, zone courts)
    level: str = ""


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            a = pos + line.index(stripped[0])
            spans.append((a, a + len(stripped)))
        pos += len(line) + 1
    return spans


def _is_body(line: str) -> bool:
    """A line of running text (a paragraph), not a headline, caption or field row."""
    return len(line) >= 30 and ("。" in line or line.count("，") >= 2)


def _own_split(text: str) -> list[tuple[int, int]]:
    """Sentence spans on 。！？；and line breaks (used when ingest.normalize is absent)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@functools.cache
def _splitter() -> Callable[[str], list[tuple[int, int]]]:
    try:  # the project's normalizer, when it is there, so evidence matches the extractor's
        from ingest.normalize import split_sentences
    except ImportError:
        return _own_split
    return split_sentences  # type: ignore[no-any-return]


class _Sentences:
    """The sentence around an offset; splits only the lines that hold a mention, since
    sentences never cross a line break."""

    def __init__(self, text: str, given: Sequence[tuple[int, int]] | None) -> None:
        self.text = text
        self.spans = sorted(given) if given is not None else None
        self.lines: dict[int, list[tuple[int, int]]] = {}

    def around(self, pos: int) -> tuple[int, int]:
        spans = self.spans
        if spans is None:
            ls = self.text.rfind("\n", 0, pos) + 1
            spans = self.lines.get(ls)
            if spans is None:
                le = self.text.find("\n", pos)
                le = len(self.text) if le < 0 else le
                spans = [(ls + a, ls + b) for a, b in _splitter()(self.text[ls:le])]
                self.lines[ls] = spans
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i]
        return pos, pos


def agg_label(gaz: Gazetteer, code: str | None, scope: str) -> str:
    """AGG:辽宁省本溪市全市法院, AGG:辽宁省全省法院, AGG:新疆维吾尔自治区全区法院 …"""
    d = gaz.get(code) if code else None
    if d is None:
        return f"AGG:{scope}法院"
    if d.level == "province":
        word = {"直辖市": "全市", "自治区": "全区"}.get(d.kind, "全省")
        return f"AGG:{d.name}{word}法院"
    prov = gaz.province_of(d).name
    word = {"自治州": "全州", "地区": "全地区", "盟": "全盟"}.get(d.kind, "全市")
    return f"AGG:{prov}{d.name}{word}法院"


_PREFIX_CACHE: dict[tuple[str, str], tuple[str, ...]] = {}


class _Resolver:
    def __init__(self, text: str, *, title: str | None = None, extra: str | None = None):
        self.m = _matcher()
        self.text = text
        self.folded = _fold(text)
        self.ctx = _Context()
        self.warnings: list[str] = []
        self.found: list[_Found] = []
        self.dynamic: dict[str, CourtRef] = {}
        for t in (title, extra):
            if t:
                _place_evidence(self.m, _scan(self.m, _fold(t))[1], self.ctx, positions=False)

    # -- helpers -------------------------------------------------------------------
    def court(self, name: str) -> RosterCourt | None:
        return self.m.roster.get(name)

    def _chain(self, name: str) -> tuple[str | None, str | None, str | None]:
        if name in self.m.court_div:
            return self.m.court_div[name]
        ref = self.dynamic.get(name)
        if ref and ref.adcode:
            return _division_chain(self.m.gaz, ref.adcode)
        return None, None, None

    def _prefixes(self, cand: _Cand) -> tuple[str, ...]:
        """Place names that may stand right before this reading (辽宁省 before 本溪中院,
        本溪市 before 明山区法院), longest first."""
        key = (cand.kind, cand.target)
        cached = _PREFIX_CACHE.get(key)
        if cached is not None:
            return cached
        gaz = self.m.gaz
        prov, pref, _county = self._cand_chain(cand)
        pd = gaz.get(prov) if prov else None
        fd = gaz.get(pref) if pref else None
        provs = [x for x in ((pd.name, pd.short) if pd else ()) if x]
        prefs = [x for x in ((fd.name, fd.short) if fd else ()) if x]
        level = "agg"
        if cand.kind == "court":
            rc = self.court(cand.target)
            level = rc.level if rc else "basic"
        combos: list[str] = []
        if level in ("basic", "special", "tribunal"):
            combos = [a + b for a in provs for b in prefs] + prefs + provs
        elif level == "intermediate" or (level == "agg" and fd is not None):
            combos = provs
        out = tuple(sorted({c for c in combos if len(c) >= 2}, key=len, reverse=True))
        if cand.target in self.m.court_div or cand.kind == "agg":
            _PREFIX_CACHE[key] = out
        return out

    def _score(self, cand: _Cand, start: int) -> tuple[float, int]:
        """Context support for one reading, and how far a matching prefix extends it left."""
        if cand.kind == "court":
            prov, pref, county = self._chain(cand.target)
        elif cand.kind == "agg":
            prov, pref, county = _division_chain(self.m.gaz, cand.target)
        else:
            return 0.0, 0
        score = 0.0
        if county and self.ctx.counties[county] > 0:
            score += 4
        if pref and self.ctx.prefs[pref] > 0:
            score += 3
        if prov and self.ctx.provs[prov] > 0:
            score += 2
            if prov == self.ctx.top_province():
                score += 1
        ext = 0
        before = self.folded[max(0, start - 12) : start]
        for p in self._prefixes(cand):
            if before.endswith(p):
                score += 10
                ext = len(p)
                break
        return score, ext

    # -- stage 1: automaton matches ---------------------------------------------------
    def scan(self) -> None:
        raw, place_hits = _scan(self.m, self.folded)
        # unambiguous courts first: they are evidence for the rest; ambiguous names are
        # no evidence for their own readings
        ambiguous: list[tuple[int, int]] = []
        for start, end, cands in raw:
            courts = [c for c in cands if c.kind in ("court", "agg")]
            chains = {self._cand_chain(c) for c in courts}
            if courts and len(chains) == 1 and not any(c.weak for c in courts):
                prov, pref, county = next(iter(chains))
                self.ctx.add(start, prov, pref, county, 2.0)
            elif courts:
                ambiguous.append((start, end))
        _place_evidence(self.m, place_hits, self.ctx, positions=True, skip=ambiguous)
        self.ctx.events.sort(key=lambda e: e[0])
        covered = [(a, b) for a, b, cs in raw if any(c.kind in ("court", "agg") for c in cs)]
        special_spans = self.special_basic(covered)
        zone_spans = self.zones(covered + special_spans) + special_spans
        for start, end, cands in raw:
            if any(a < end and start < b for a, b in zone_spans):
                continue
            self._resolve_match(start, end, cands)
        self.lists()

    def _cand_chain(self, c: _Cand) -> tuple[str | None, str | None, str | None]:
        if c.kind == "court":
            return self._chain(c.target)
        return _division_chain(self.m.gaz, c.target)

    def _resolve_match(self, start: int, end: int, cands: tuple[_Cand, ...]) -> None:
        text = self.folded
        nxt = text[end : end + 1]
        if nxt in ("网", "报", "志") or any(c.kind == "block" for c in cands):
            return
        prev = text[start - 1 : start]
        ctx_cands = [c for c in cands if c.kind == "ctx"]
        if ctx_cands:
            code = ctx_cands[0].target
            if prev in _CTX_BLOCK_BEFORE and not code.startswith("agg"):
                return
            if not code.startswith("agg") and self._named_unit_before(start):
                return  # 某某县法院 with a place we know but no court of that name
            self._resolve_context(start, end, code)
            return
        if prev in ("全", "各"):
            return
        picked = self._pick(start, end, cands)
        if picked is None:
            return
        best, ext = picked
        start -= ext
        if best.kind == "agg":
            d = self.m.gaz.get(best.target)
            self.found.append(_Found(start, end, agg_label(self.m.gaz, best.target, "")))
            if d:
                self.ctx.events.append((start, *_division_chain(self.m.gaz, d.adcode)))
            return
        rc = self.court(best.target)
        self.found.append(_Found(start, end, best.target, level=rc.level if rc else ""))
        self.ctx.events.append((start, *self._chain(best.target)))

    def _pick(self, start: int, end: int, cands: Sequence[_Cand]) -> tuple[_Cand, int] | None:
        """The reading of the key at ``start:end`` the context supports best, and how far a
        place name right before it extends the mention left."""
        scored = []
        for c in cands:
            s, ext = self._score(c, start)
            if (c.weak == 2 and ext == 0) or (c.weak == 1 and ext == 0 and s < 3):
                continue
            scored.append((s, -c.priority, ext, c))
        if not scored:
            return None
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        best_s, _p, ext, best = scored[0]
        if len(scored) > 1 and scored[1][0] == best_s and best.kind == scored[1][3].kind:
            self.warnings.append(
                f"{self.folded[start:end]!r} at {start}: several courts fit, chose {best.target}"
            )
        return best, ext

    def _named_unit_before(self, start: int) -> bool:
        """Whether the unit word (县, 市, 区 …) opening a context form ends a place name."""
        text = self.folded
        unit = text[start : start + 2]
        for k in range(1, 5):
            if start - k < 0 or not _CJK.match(text[start - k]):
                break
            if self.m.gaz.lookup(text[start - k : start] + unit[0]) or (
                unit == "自治" and self.m.gaz.lookup(text[start - k : start])
            ):
                return True
        return False

    def _resolve_context(self, start: int, end: int, code: str) -> None:
        gaz, roster, ctx = self.m.gaz, self.m.roster, self.ctx
        prov = ctx.top_province()
        pd = gaz.get(prov) if prov else None
        name: str | None = None
        if code == "prov_high":
            if pd and pd.kind == "省":
                name = pd.name + "高级人民法院"
        elif code == "region_high":
            if pd and pd.kind == "自治区":
                name = pd.name + "高级人民法院"
        elif code == "muni_high":
            if pd and pd.kind == "直辖市":
                name = pd.name + "高级人民法院"
        elif code in ("city_mid", "city_court", "zhou_mid", "diqu_mid", "meng_mid"):
            pref_kinds = {"zhou_mid": ("自治州",), "diqu_mid": ("地区",), "meng_mid": ("盟",)}
            pref = ctx.top_prefecture(gaz, pref_kinds.get(code, ("市",)))
            if pref:
                c = roster.for_division(pref, "intermediate")
                name = c.name if c else None
            elif code == "city_court" and pd and pd.kind == "直辖市":
                name = pd.name + "高级人民法院"
        elif code.startswith("county_"):
            kinds: tuple[str, ...] = {
                "county_xian": ("县", "自治县"),
                "county_qu": ("区",),
                "county_qi": ("旗", "自治旗"),
            }[code]
            county = ctx.top_county(gaz, kinds)
            if county:
                c = roster.for_division(county, "basic")
                name = c.name if c else None
        elif code.startswith("numbered:"):
            if pd:
                candidate = f"{pd.name}第{code.split(':')[1]}中级人民法院"
                name = candidate if candidate in roster else None
        elif code.startswith("agg_"):
            if code == "agg_city":
                pref = ctx.top_prefecture(gaz)
                label = agg_label(
                    gaz, pref or (prov if pd and pd.kind == "直辖市" else None), "全市"
                )
            elif code == "agg_prov":
                label = agg_label(gaz, prov if pd and pd.kind != "直辖市" else None, "全省")
            elif code == "agg_region":
                if not (pd and pd.kind == "自治区"):
                    return
                label = agg_label(gaz, prov, "全区")
            else:
                pref = ctx.top_prefecture(gaz, ("自治州", "地区", "盟"))
                label = agg_label(gaz, pref, "全州")
            self.found.append(_Found(start, end, label))
            return
        if name:
            c = roster.get(name)
            self.found.append(_Found(start, end, name, level=c.level if c else ""))

    # -- stage 1b: special basic courts and elliptical lists -------------------------------
    def special_basic(self, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Courts of former farms, forests and oilfields named by pattern (宝泉岭农垦法院,
        黑龙江省某某林区基层法院), as written; returns their spans."""
        gaz, text = self.m.gaz, self.folded
        spans: list[tuple[int, int]] = []
        for m in _SPECIAL_BASIC.finditer(text):
            ks, ke = m.start(), m.end()
            if any(a < ke and ks < b for a, b in covered):
                continue  # a roster court (神农架林区人民法院)
            run_start = ks
            while run_start > 0 and ks - run_start < 10 and _CJK.match(text[run_start - 1]):
                if text[run_start - 1] in _FUNCTION_CHARS:
                    break
                run_start -= 1
            for _a, b in covered:  # the words after a court named just before
                if run_start < b <= ks:
                    run_start = b
            lead = _LEAD_WORDS.match(text, run_start, ks)
            if lead:
                run_start = lead.end()
            run = text[run_start:ks]
            prov: Division | None = None
            for n in range(min(5, len(run) - 2), 1, -1):  # a province written before the place
                hit = [d for d in gaz.lookup(run[:n]) if d.level == "province" and d.current]
                if hit:
                    prov, run, run_start = hit[0], run[n:], run_start + n
                    break
            if len(run) > 4:  # words before the place (指导车排子): a known place ends the run
                run = next(
                    (
                        run[-n:]
                        for n in (4, 3, 2)
                        if gaz.lookup(run[-n:]) or gaz.counties_with_town(run[-n:])
                    ),
                    "",
                )
                run_start = ks - len(run)
            if not 2 <= len(run) <= 4 or _NOT_A_STEM.match(run):
                continue
            if prov is None:
                top = self.ctx.top_province()
                prov = gaz.get(top) if top else None
            name = run + text[ks:ke]
            if m.group(1) == "垦区" and not m.group(2):
                name = run + "垦区人民法院"  # the 兵团's courts: 奎屯垦区法院 is 奎屯垦区人民法院
            prov_name = prov.name if prov else None
            parent = _SPECIAL_BASIC_PARENT.get((prov_name or "", m.group(1)))
            ref = CourtRef(
                name=name,
                level="basic",
                province=prov_name,
                adcode=prov.adcode if prov else None,
                parent=parent if parent and parent in self.m.roster else None,
            )
            self.dynamic.setdefault(name, ref)
            self.found.append(_Found(run_start, ke, name, ref=self.dynamic[name], level="basic"))
            self.ctx.events.append((run_start, prov.adcode if prov else None, None, None))
            spans.append((run_start, ke))
        return spans

    def lists(self) -> None:
        """One court per place of an elliptical list (鲤城、惠安、德化等法院): each place is
        read as <place>法院 (or <place>铁路运输法院 …) and resolved like a name in the text;
        the mention is the bare place. Needs two places that name courts."""
        for m in (
            m
            for a, b in _list_runs(self.folded, ("法院", "中院"))
            for m in _COURT_LIST.finditer(self.folded, a, b)
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
            picked: list[tuple[int, int, _Cand]] = []
            readings: list[list[_Cand]] = []
            for k, (a, b) in enumerate(items):
                # the first item may carry words before the place (指导鲤城): its tail counts
                starts = range(max(a, b - 6), b - 1) if k == 0 else (a,)
                for s in starts:
                    got = self._list_item(s, b, keys)
                    if got is not None:
                        picked.append((s, b, got[0]))
                        readings.append(got[1])
                        break
            if len(picked) < 2:
                continue
            picked = self._same_area(picked, readings)
            for s, b, cand in picked:
                if any(f.start < b and s < f.end for f in self.found):
                    continue  # already found (哈密铁路运输法院 written out in full)
                rc = self.court(cand.target)
                self.found.append(_Found(s, b, cand.target, level=rc.level if rc else ""))
                self.ctx.events.append((s, *self._chain(cand.target)))

    def _list_item(
        self, start: int, end: int, keys: Sequence[str]
    ) -> tuple[_Cand, list[_Cand]] | None:
        """The reading the context picks for one place of a list, and all its court readings."""
        place = self.folded[start:end]
        if len(place) < 2:
            return None
        for key in keys:
            payload = self.m.automaton.get(place + key, None)
            if payload is None or not payload[1]:
                continue
            cands = [c for c in payload[2] if c.kind == "court"]
            picked = self._pick(start, end, cands) if cands else None
            if picked is not None:
                return picked[0], cands
        return None

    def _same_area(
        self, picked: list[tuple[int, int, _Cand]], readings: list[list[_Cand]]
    ) -> list[tuple[int, int, _Cand]]:
        """The places of one list lie together: an ambiguous place (平山: 本溪 or 河北) takes the
        reading in the city, else the province, of the other places and of the courts named
        before the list."""
        if all(len(r) < 2 for r in readings):
            return picked
        chains = [self._chain(c.target) for _, _, c in picked]
        before = [self._chain(f.court) for f in self.found if f.end <= picked[0][0]]
        out = []
        for i, ((s, b, cand), cands) in enumerate(zip(picked, readings, strict=True)):
            if len(cands) < 2:
                out.append((s, b, cand))
                continue
            others = [c for j, c in enumerate(chains) if j != i] + before

            def fit(
                c: _Cand, others: list[tuple[str | None, str | None, str | None]] = others
            ) -> int:
                prov, pref, _ = self._chain(c.target)
                same_pref = sum(1 for o in others if pref and o[1] == pref)
                same_prov = sum(1 for o in others if prov and o[0] == prov)
                return 2 * same_pref + same_prov

            best = max(cands, key=lambda c: (fit(c), c is cand))
            out.append((s, b, best if fit(best) > fit(cand) else cand))
        return out

    # -- stage 2: development-zone courts ------------------------------------------------
    def zones(self, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Development-zone courts (沈阳经济技术开发区人民法院); returns their spans."""
        gaz = self.m.gaz
        spans: list[tuple[int, int]] = []
        for m in _ZONE.finditer(self.folded):
            zs, ze = m.start(), m.end()
            if any(a <= zs and zs < b for a, b in covered):
                continue
            run_start = zs
            while run_start > 0 and zs - run_start < 8 and _CJK.match(self.folded[run_start - 1]):
                if self.folded[run_start - 1] in _FUNCTION_CHARS:
                    break
                run_start -= 1
            run = self.folded[run_start:zs]
            pref_code: str | None = None
            rest = run
            for i in range(len(run)):
                for d in gaz.lookup(run[i : i + 2]) + gaz.lookup(run[i : i + 3]):
                    if d.level == "prefecture" and d.current:
                        part = next(p for p in (d.name, d.short or "") if run[i:].startswith(p))
                        pref_code, rest = d.adcode, run[i + len(part) :]
                        run_start += i
                        break
                if pref_code:
                    break
            if pref_code is None:
                pref_code = self.ctx.nearest_before(zs, need="pref")
                if len(rest) > 4:
                    continue
                run_start = zs - len(rest)
            if pref_code is None:
                continue
            pd = gaz.get(pref_code)
            if pd is None:
                continue
            prov = gaz.province_of(pd)
            zone = (pd.short or pd.name) + rest + m.group(1)
            name = prov.name + zone + "人民法院"
            parent = self.m.roster.for_division(pref_code, "intermediate")
            ref = CourtRef(
                name=name,
                level="basic",
                province=prov.name,
                city=pd.name,
                county=zone,
                adcode=pref_code,
                parent=parent.name if parent else None,
            )
            self.dynamic[name] = ref
            self.found.append(_Found(run_start, ze, name, ref=ref, level="basic"))
            self.ctx.events.append((run_start, prov.adcode, pref_code, None))
            spans.append((run_start, ze))
        return spans

    # -- stage 2b: a bare 法院 after the county it is in ---------------------------------
    def bare_county_courts(self) -> None:
        """在荔湾区，法院打造…: a bare 法院 heading the clause after 在<county>， is that
        county's court, when the county is a unique one of the article's province (or
        prefecture). The mention is the word 法院, where the court is the clause's subject."""
        gaz, text = self.m.gaz, self.folded
        taken = [(f.start, f.end) for f in self.found]
        prov = self.ctx.top_province()
        for m in _BARE_COUNTY.finditer(text):
            cs, ce = m.span("court")
            if any(a < ce and cs < b for a, b in taken):
                continue
            hits = [
                d
                for d in gaz.lookup(m.group("place"), current_only=True)
                if d.level == "county" and (prov is None or d.province == prov)
            ]
            near = [d for d in hits if d.prefecture and self.ctx.prefs[d.prefecture] > 0]
            hits = near or hits
            if len(hits) != 1 or prov is None:
                continue
            c = self.m.roster.for_division(hits[0].adcode, "basic")
            if c is None:
                continue
            self.found.append(_Found(cs, ce, c.name, level=c.level))

    def tribunal_lists(self) -> None:
        """乌衣、铜城、府城三个法庭: one tribunal per town of an elliptical list, each town a
        township of exactly one county of the article's prefecture (or, without one, province);
        the parent is that county's court and the mention the bare town. Needs two towns."""
        gaz, text = self.m.gaz, self.folded
        prov = self.ctx.top_province()
        pref = self.ctx.top_prefecture(gaz)
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
            picked: list[tuple[int, int, RosterCourt]] = []
            for a, b in items:
                counties = [
                    d
                    for d in (gaz.get(c) for c in gaz.counties_with_town(text[a:b]))
                    if d is not None
                    and d.current
                    and d.province == prov
                    and (pref is None or d.prefecture == pref)
                ]
                court = (
                    self.m.roster.for_division(counties[0].adcode, "basic")
                    if len(counties) == 1
                    else None
                )
                if court is not None:
                    picked.append((a, b, court))
            if len(picked) < 2 or len(picked) < len(items) - 1:
                continue
            for a, b, court in picked:
                if any(f.start < b and a < f.end for f in self.found):
                    continue
                name = court.name + text[a:b] + "人民法庭"
                ref = self.dynamic.setdefault(
                    name,
                    CourtRef(
                        name=name,
                        level="tribunal",
                        province=court.province,
                        city=court.city,
                        county=court.county,
                        adcode=court.adcode,
                        parent=court.name,
                    ),
                )
                self.found.append(_Found(a, b, name, ref=ref, level="tribunal"))

    # -- stage 3: people's tribunals ----------------------------------------------------
    def tribunals(self) -> None:
        text = self.folded
        self.found.sort(key=lambda f: (f.start, -f.end))
        courts = sorted(
            (f for f in self.found if f.level in ("basic", "special")), key=lambda f: f.end
        )
        known: dict[str, str] = {}  # tribunal stem -> parent court, from earlier full forms
        for m in _TRIBUNAL.finditer(text):
            ts, te = m.start(), m.end()
            adjacent, town = self._court_before(courts, ts)
            parent: str | None = None
            mention_start = ts
            # <court><X>人民法庭 (or X a town of the court's county): a tribunal even when X
            # is also a common word or a stopword (枫桥, 和顺); stopwords guard short forms
            strict = True
            central = False  # 某县法院某某中心人民法庭: a central tribunal after its court
            if adjacent is not None and ts - adjacent.end >= 1:
                central = m.group() == "人民法庭"
                stem = text[adjacent.end : ts]
                parent = adjacent.court
                mention_start = adjacent.start
                strict = not town  # a known town of the court's county passes as it is
            else:
                run_start = ts
                while (
                    run_start > 0
                    and ts - run_start < 6
                    and _CJK.match(text[run_start - 1])
                    and text[run_start - 1] not in _FUNCTION_CHARS
                ):
                    run_start -= 1
                run = text[run_start:ts]
                after = text[te : te + 2]
                bare = (
                    m.group() == "法庭"
                    and (run_start == 0 or text[run_start - 1] in _LIST_BOUNDARY)
                    and (
                        not after
                        or after[0] in _LIST_BOUNDARY
                        or after[0] in "。！？及和与等"
                        or after == "以及"
                    )
                )
                found_stem, parent = self._standalone_tribunal(run, ts, known, bare=bare)
                if not found_stem or parent is None:
                    continue
                stem = found_stem
                mention_start = ts - len(stem)
                strict = stem not in known  # 枫桥法庭 after 某法院枫桥人民法庭 is that tribunal
            if not (town or self._tribunal_stem_ok(stem, strict=strict, central=central)):
                continue
            assert parent is not None
            known.setdefault(stem, parent)
            pc_level = (self.court(parent) or self.dynamic.get(parent) or _NO_REF).level
            # a maritime court's tribunals are 法庭 (广州海事法院汕头法庭), not 人民法庭
            name = parent + stem + ("法庭" if pc_level == "special" else "人民法庭")
            if name not in self.dynamic:
                pc = self.court(parent) or self.dynamic.get(parent)
                self.dynamic[name] = CourtRef(
                    name=name,
                    level="tribunal",
                    province=pc.province if pc else None,
                    city=pc.city if pc else None,
                    county=pc.county if pc else None,
                    adcode=pc.adcode if pc else None,
                    parent=parent,
                )
            self.found.append(
                _Found(mention_start, te, name, ref=self.dynamic[name], level="tribunal")
            )

    def named_tribunals(self) -> None:
        """A city's 知识产权法庭 / 环境资源法庭 (南京知识产权法庭, 苏州中院知识产权法庭): special
        courts of that city's intermediate court, named <city><X>法庭."""
        gaz, text = self.m.gaz, self.folded
        for m in _NAMED_TRIBUNAL.finditer(text):
            ks = m.start()
            mid = _MID_BEFORE.search(text, max(0, ks - 8), ks)
            city_end = mid.start() if mid else ks
            city: Division | None = None
            city_start = city_end
            for n in (4, 3, 2):
                if city_end - n < 0:
                    continue
                hit = [
                    d
                    for d in gaz.lookup(text[city_end - n : city_end])
                    if d.level == "prefecture" and d.current
                ]
                if hit:
                    city, city_start = hit[0], city_end - n
                    break
            if city is None:
                continue
            parent = self.m.roster.for_division(city.adcode, "intermediate")
            if parent is None:
                continue
            name = (city.short or city.name) + m.group(1) + "法庭"
            ref = self.dynamic.setdefault(
                name,
                CourtRef(
                    name=name,
                    level="special",
                    province=gaz.province_of(city).name,
                    city=city.name,
                    adcode=city.adcode,
                    parent=parent.name,
                ),
            )
            self.found.append(_Found(city_start, m.end(), name, ref=ref, level="special"))

    def _standalone_tribunal(
        self, run: str, pos: int, known: dict[str, str], *, bare: bool
    ) -> tuple[str | None, str | None]:
        gaz = self.m.gaz
        if len(run) < 2:
            return None, None
        stems = [run[-n:] for n in range(min(5, len(run)), 1, -1)]
        for s in stems:
            if s in known:
                return s, known[s]
        mentioned = [f for f in self.found if f.level == "basic" and f.start < pos]
        for s in stems:
            # 城关中心法庭: the town is the stem without 中心
            town = s[:-2] if s.endswith("中心") and len(s) >= 4 else s
            counties = set(gaz.counties_with_town(town))
            hits = [
                f for f in self.found if f.level == "basic" and self._chain(f.court)[2] in counties
            ]
            if hits:  # the nearest court before the tribunal, else the first after it
                before = [f for f in hits if f.start < pos]
                return s, (before[-1] if before else hits[0]).court
            in_ctx = [c for c in counties if self.ctx.counties[c] > 0]
            if len(in_ctx) == 1:
                c = self.m.roster.for_division(in_ctx[0], "basic")
                if c:
                    return s, c.name
        if bare and mentioned and 2 <= len(run) <= 4 and pos - mentioned[-1].end <= 300:
            return run, mentioned[-1].court
        return None, None

    def _court_before(self, courts: Sequence[_Found], ts: int) -> tuple[_Found | None, bool]:
        """The basic court a tribunal word at ``ts`` follows (万州法院大周法庭), and whether
        the words between are a town of that court's county.

        The words between may hold a function character only when they are such a town:
        腾冲市人民法院和顺人民法庭 is 和顺's tribunal, 某县法院和新市人民法庭 two units."""
        text = self.folded
        for f in reversed(courts):  # sorted by end
            if f.end > ts:
                continue
            if ts - f.end > 6:
                break
            between = text[f.end : ts]
            if not all(_CJK.match(ch) for ch in between):
                continue
            town = bool(between) and self._town_of(between, f.court)
            if town or not any(ch in _FUNCTION_CHARS for ch in between):
                return f, town
        return None, False

    def _town_of(self, stem: str, court: str) -> bool:
        county = self._chain(court)[2]
        return county is not None and county in self.m.gaz.counties_with_town(stem)

    @staticmethod
    def _tribunal_stem_ok(stem: str, *, strict: bool = True, central: bool = False) -> bool:
        """Whether ``stem`` can name a tribunal. ``strict`` (short forms) also refuses the
        stopwords; the full form after its court (X法院枫桥人民法庭) refuses only words that
        never name a place (各, 派出, 辖区 …). ``central``: the full form after its court
        (某县法院某某中心人民法庭), where a place's central tribunal is named by the place; a short
        form (综治中心法庭) is not."""
        if central and stem.endswith("中心") and len(stem) >= 3:
            stem = stem[:-2]
        if not 1 <= len(stem) <= 6 or _TRIBUNAL_BAD_CHARS.search(stem):
            return False
        if stem.endswith(_TRIBUNAL_BAD_END) or _TRIBUNAL_NOT_PLACE.search(stem):
            return False
        return not strict or not any(w in stem for w in _tribunal_stopwords())

    # -- stage 4: self references and the article's own court ---------------------------
    def home(self, title: str | None) -> str | None:
        """The article's own court: named most, in the title line and in the first body
        paragraph. A court named only in a metadata row (来源：…, 发文机关…) or as the source
        of something cited (据某法院发布的报告) counts only when no other court is named."""
        text = self.text
        lines = _line_spans(text)
        meta = [
            (a, b)
            for a, b in lines
            if _META_ROW.match(text, a, b) or (b - a <= 160 and _CAPTION.search(text, a, b))
        ]
        if not title:  # the first line, when it reads like a headline
            head = next(((a, b) for a, b in lines if (a, b) not in meta), None)
            if (
                head
                and head[1] - head[0] <= 60
                and not _HEADLINE_STOP.search(text, head[0], head[1])
            ):
                title = text[head[0] : head[1]]
        first_para = next(
            ((a, b) for a, b in lines if (a, b) not in meta and _is_body(text[a:b])), None
        )
        scores: Counter[str] = Counter()
        first_pos: dict[str, int] = {}
        in_title: set[str] = set()
        in_para: set[str] = set()
        for f in self.found:
            if f.court.startswith("AGG:") or f.court == SUPREME:
                continue
            if any(a <= f.start < b for a, b in meta) or self._cited(f):
                continue
            first_pos.setdefault(f.court, f.start)
            scores[f.court] += 1
            if first_para and first_para[0] <= f.start < first_para[1]:
                in_para.add(f.court)
            if title and text[f.start : f.end] in title:
                in_title.add(f.court)
        for c in in_title:
            scores[c] += 6
        for c in in_para:  # a paragraph that names one court is about it; one naming four is not
            scores[c] += 4 / len(in_para)  # type: ignore[assignment]
        if not scores:
            courts = [f.court for f in self.found if not f.court.startswith("AGG:")]
            return courts[0] if courts else None
        best = max(scores.values())
        return min((c for c in scores if scores[c] == best), key=lambda c: first_pos[c])

    def _cited(self, f: _Found) -> bool:
        """Whether the court at ``f`` is only the source of what the clause cites (据某法院
        发布的报告, 根据某法院统计) rather than the court the article is about."""
        text = self.folded
        start = f.start
        while start > 0 and f.start - start < 30 and text[start - 1] not in _CLAUSE_BREAK:
            start -= 1
        if _CITING.match(text, start, f.start):
            return True
        return bool(_CITED_WORK.match(text, f.end, f.end + 24))

    def self_references(self, home: str | None) -> list[_Found]:
        """我院/本院 are the home court; 该院 is the court named last before it, except the
        subject of its own clause: in 昆明中院已将该院做法推广 it is the court before 昆明中院."""
        out: list[_Found] = []
        chain = sorted(
            (f for f in self.found if not f.court.startswith("AGG:")), key=lambda f: f.start
        )
        text = self.folded
        for m in _SELF.finditer(text):
            target = home
            if m.group() in _THIS_COURT:
                n = bisect.bisect_left(chain, m.start(), key=lambda f: f.start)
                while n and chain[n - 1].end > m.start():
                    n -= 1
                prev = chain[:n] if n < 64 else chain[n - 64 : n]  # the last few suffice
                subject = self._clause_subject(prev, m.start())
                if subject is not None:
                    others = [f for f in prev if f.court != subject]
                    target = others[-1].court if others else (home if home != subject else None)
                else:
                    target = prev[-1].court if prev else home
                if target:
                    bisect.insort(chain, _Found(m.start(), m.end(), target), key=lambda f: f.start)
            if target:
                out.append(_Found(m.start(), m.end(), target))
        return out

    def _clause_subject(self, prev: Sequence[_Found], pos: int) -> str | None:
        """The court that is the subject of the clause holding ``pos``: named in that clause
        before ``pos``, not after a preposition (记者从X法院获悉) and not a person's unit
        (X法院院长…)."""
        text = self.folded
        start = pos
        while start > 0 and text[start - 1] not in _CLAUSE_BREAK:
            start -= 1
        for f in prev:
            if f.start < start or f.court.startswith("AGG:"):
                continue
            if any(ch in _PREPOSITIONS for ch in text[start : f.start]):
                continue
            if text.startswith(_UNIT_OF_PERSON, f.end):
                continue
            return f.court
        return None

    # -- output ---------------------------------------------------------------------------
    def resolution(
        self, title: str | None, given: Sequence[tuple[int, int]] | None = None
    ) -> CourtResolution:
        self.found.sort(key=lambda f: (f.start, -f.end))
        home = self.home(title)
        found = sorted(self.found + self.self_references(home), key=lambda f: (f.start, -f.end))
        sentences = _Sentences(self.text, given)
        refs: dict[str, CourtRef] = {}
        evidence_starts: dict[str, set[int]] = {}
        mentions: list[CourtMention] = []
        for f in found:
            surface = self.text[f.start : f.end]
            mentions.append(CourtMention(f.start, f.end, surface, f.court))
            if f.court.startswith("AGG:"):
                continue
            ref = refs.get(f.court)
            if ref is None:
                rc = self.court(f.court)
                ref = rc.to_ref() if rc else (f.ref or self.dynamic.get(f.court))
                if ref is None:
                    continue
                ref = CourtRef(
                    ref.name, ref.level, ref.province, ref.city, ref.county, ref.adcode, ref.parent
                )
                refs[f.court] = ref
            is_self = surface in _SELF_SURFACES
            if not is_self and surface not in ref.mentions:
                ref.mentions.append(surface)
            sent = sentences.around(f.start)
            if sent[0] == sent[1]:
                sent = (f.start, f.end)
            seen = evidence_starts.setdefault(f.court, set())
            if sent[0] not in seen:
                seen.add(sent[0])
                ref.evidence.append(
                    Evidence(self.text[sent[0] : sent[1]], sent[0], sent[1], quote=surface)
                )
        # a court named only through 我院/本院 still counts when it is the home court
        courts = [r for r in refs.values() if r.mentions]
        gaz = self.m.gaz
        prov = self.ctx.top_province()
        pref = self.ctx.top_prefecture(gaz)
        pd, fd = gaz.get(prov) if prov else None, gaz.get(pref) if pref else None
        return CourtResolution(
            courts=courts,
            mentions=mentions,
            home=home,
            province=pd.name if pd else None,
            city=fd.name if fd else None,
            warnings=self.warnings,
        )


def extract_courts(
    doc: SourceDocument, *, sentences: Sequence[tuple[int, int]] | None = None
) -> CourtResolution:
    """Every court and group of courts named in ``doc.text``, resolved to official names.

    ``sentences`` (spans from ``ingest.normalize.split_sentences``) saves splitting the
    text again for the evidence; without it, only the lines that name a court are split.

    >>> r = extract_courts(SourceDocument(path="x", text="秀英法院召开会议。"))
    >>> r.courts[0].name, r.home
    ('海南省海口市秀英区人民法院', '海南省海口市秀英区人民法院')
    """
    res = _Resolver(doc.text, title=doc.title)
    res.scan()
    res.bare_county_courts()
    res.tribunal_lists()
    res.named_tribunals()
    res.tribunals()
    return res.resolution(doc.title, sentences)


def resolve_court_name(
    surface: str, *, context: str | SourceDocument | None = None
) -> CourtRef | None:
    """The court one name refers to (a person's unit, a heading), or None.

    ``context`` is text about the same place (the article, or a sentence) used to resolve
    context forms and ambiguous names; a group of courts (全市法院) gives None.

    >>> resolve_court_name("东城法庭", context="盖州市人民法院东城人民法庭").name
    '辽宁省盖州市人民法院东城人民法庭'
    """
    extra = context.text if isinstance(context, SourceDocument) else context
    prefix = ""
    if extra:
        prefix = extra + "\n"
    res = _Resolver(prefix + surface, extra=None)
    res.scan()
    res.named_tribunals()
    res.tribunals()
    lo = len(prefix)
    best: _Found | None = None
    for f in res.found:
        if f.start < lo or f.court.startswith("AGG:"):
            continue
        if best is None or (f.end - f.start) > (best.end - best.start):
            best = f
    if best is None:
        return None
    rc = res.court(best.court)
    ref = rc.to_ref() if rc else res.dynamic.get(best.court)
    if ref is None:
        return None
    return CourtRef(
        ref.name,
        ref.level,
        ref.province,
        ref.city,
        ref.county,
        ref.adcode,
        ref.parent,
        mentions=[surface[best.start - lo : best.end - lo]],
    )


__all__: list[str] = [
    "CourtResolution",
    "agg_label",
    "extract_courts",
    "resolve_court_name",
]
