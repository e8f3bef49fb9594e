"""The resolver: an article's text and everything found in it so far, and the reading of each
name the matcher found.

`Resolver` holds the text (and its folded copy), the place evidence (`Context`) and the
courts found (`Found`, in text order). Its own stages read the automaton's keys: unambiguous
courts first (they are evidence for the rest), then every key by the context's support
(`pick`), context forms (省法院, 市中院 → the court of the article's province or city) and a
bare 法院 after its county. The other stages — courts named by pattern (`zones`), lists
(`lists`), tribunals (`tribunals`), the article's own court (`home`) — are functions of a
`Resolver` in their own modules; `ingest.courts.extract_courts` runs them in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.courts.context import Context, division_chain, place_evidence
from ingest.courts.matcher import CJK, FUNCTION_CHARS, Cand, Hit, find_keys, fold, load_matcher
from ingest.document import CourtRef
from ingest.gazetteer import Gazetteer
from ingest.roster import SUPREME, RosterCourt

# a context form (省法院, 县法院) right after one of these is a group or another unit; after
# a count (东北三省法院, 五县法院) it is the courts of several
_CTX_BLOCK_BEFORE = frozenset(
    "全各两该本我贵外他邻其每某城县市区省地州乡镇村级一二三四五六七八九十几多数诸"
)


#: a character's reading left in the text after mojibake ate the character (驵l(xiāng)): the
#: pinyin a mirror inserts, which the normaliser strips after a Chinese character (落實(shí)省法院
#: keeps its 省法院: 實 is whole)
_READING_BEFORE = re.compile(
    r"(?<![\u3400-\u9fff])[(（](?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+[)）]$"
)


#: bare 农垦法院 is 黑龙江's farm courts only where the article is about 黑龙江 or its farm
#: areas (北大荒, 宝泉岭…), and names no other place with farm courts (新疆兵团, 海南农垦)
_FARM_HOME = re.compile(
    r"黑龙江|北大荒|垦区|农垦中院|农垦中级|建三江|宝泉岭|红兴隆|牡丹江农垦|北安农垦"
)
_OTHER_FARMS = re.compile(r"兵团|新疆|海南|广东农垦|广西农垦|云南农垦")


def _farm_home(text: str, start: int) -> bool:
    """Bare 农垦法院 at `start` is 黑龙江's farm courts: the last farm place named before it
    is 黑龙江's (赴黑龙江学习，农垦法院…), or none is and the article names 黑龙江's only."""
    home = [m.end() for m in _FARM_HOME.finditer(text, 0, start)]
    other = [m.end() for m in _OTHER_FARMS.finditer(text, 0, start)]
    if home or other:
        return max(home, default=-1) > max(other, default=-1)
    return bool(_FARM_HOME.search(text)) and not _OTHER_FARMS.search(text)


#: 在荔湾区，法院… : a bare 法院 opening the clause after the county it is in
_BARE_COUNTY = re.compile(
    r"在(?P<place>[\u4e00-\u9fff]{2,8}?(?:区|县|旗))[，,]\s*(?P<court>(?:人民)?法院)"
    r"(?![\u4e00-\u9fff]?(?:系统|工作|干警|领导))"
)


#: a country's word right before 最高法院 (各国最高法院, 成员国最高法院院长, 4个国家最高法院):
#: another country's supreme court, never the SPC (中国, 我国, 全国 and 祖国 are China)
_OTHER_NATION_BEFORE = re.compile(r"(?<![中我全祖])国家?$")


#: 中院 as one of a list of court levels (高院、中院、基层法院; 中院和基层法院; 各分、中院),
#: no one court
_LEVELS_AFTER = re.compile(r"[、和及与或/]|以及|等")
_LEVELS_BEFORE = re.compile(
    r"(?:高院|高级法院|高级人民法院|省法院|省院|最高院|最高法|最高人民法院|基层法院|基层人民法院"
    r"|基层)[、和及与或/]?$"
)
#: 中院要…, 中院应当…: a directive to every intermediate court, not one court's act (中院要求…
#: and 中院应用… are one court's)
_DIRECTIVE_AFTER = re.compile(r"要(?!求)|应(?!用|邀|对)|必须|务必|需要|须")


#: after 某市法院: one court's own organ, post or meeting (its intermediate court's)
_ONE_COURT_AFTER = re.compile(
    r"(?:党组|院长|副院长|院领导|领导班子|审判委员会|审委会|机关|召开|举行|举办|庭长|新闻发布会"
    r"|执行局|政治部|办公室|研究室|审管办|(?:民事|刑事|行政|立案|审判监督|执行|商事|少年|家事"
    r"|环境资源|民|刑)[一二三四五六]?庭)"
)


@dataclass
class Found:
    """One court (or group, as an AGG: label) found at ``start:end`` of the text."""

    start: int
    end: int
    court: str  # court name or AGG label
    ref: CourtRef | None = None  # for courts not in the roster (tribunals, zone courts)
    level: str = ""


#: after a place's short name: a township's word, so the name is a town's (南平镇 is no 南平市)
_TOWN_AFTER = re.compile(r"镇(?!江)|乡(?![村镇贤亲土愁情风野间下民里邻音])|街道")
#: a township's word after its name (某某镇, 某某乡, 某某街道); the name is looked up before it
_TOWN_WORD = re.compile(
    # ((?=[镇乡街]): a quick first test, cheaper than the look-behind at every character)
    r"(?=[镇乡街])(?<=[\u4e00-\u9fff])(?:镇(?!江)|乡(?![村镇贤亲土愁情风野间下民里邻音])|街道)"
)

#: the courts of the whole country (全国法院, 全国各级法院)
NATION = "AGG:全国法院"
#: after 全国法院: the name of an honour (全国法院先进集体, 全国法院系统优秀…)
_HONOUR_AFTER = re.compile(r"(?:系统)?(?:先进|优秀|办案标兵|审判业务专家|十佳|模范)")


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


#: (kind, target) -> `Resolver._prefixes`, for readings of the roster and the gazetteer (the
#: same in every article)
_PREFIX_CACHE: dict[tuple[str, str], tuple[str, ...]] = {}


class Resolver:
    """One article being resolved: its text, the place evidence, the courts found so far and
    the courts made up on the way (`dynamic`: tribunals, zone courts). ``title`` and
    ``extra`` add place evidence without mentions."""

    def __init__(self, text: str, *, title: str | None = None, extra: str | None = None):
        self.m = load_matcher()
        self.text = text
        self.folded = fold(text)
        self.ctx = Context()
        self.warnings: list[str] = []
        self.found: list[Found] = []
        #: spans of 中院 alone, a court only once the home court is known (`bare_mid_court`)
        self.bare_mids: list[tuple[int, int]] = []
        self.dynamic: dict[str, CourtRef] = {}
        for t in (title, extra):
            if t:
                place_evidence(self.m, find_keys(self.m, fold(t))[1], self.ctx, positions=False)

    # -- helpers -------------------------------------------------------------------
    def court(self, name: str) -> RosterCourt | None:
        return self.m.roster.get(name)

    def tribunal(self, name: str, parent: str, of: CourtRef | RosterCourt | None) -> CourtRef:
        """The tribunal `name` under the court `parent` (`of`: that court, for the place),
        made once per article."""
        ref = self.dynamic.get(name)
        if ref is None:
            ref = self.dynamic[name] = CourtRef(
                name=name,
                level="tribunal",
                province=of.province if of else None,
                city=of.city if of else None,
                county=of.county if of else None,
                adcode=of.adcode if of else None,
                parent=parent,
            )
        return ref

    def chain(self, name: str) -> tuple[str | None, str | None, str | None]:
        """The (province, prefecture, county) codes of a court found so far."""
        if name in self.m.court_div:
            return self.m.court_div[name]
        ref = self.dynamic.get(name)
        if ref and ref.adcode:
            return division_chain(self.m.gaz, ref.adcode)
        return None, None, None

    def _prefixes(self, cand: Cand) -> tuple[str, ...]:
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

    def _score(self, cand: Cand, start: int) -> tuple[float, int]:
        """Context support for one reading, and how far a matching prefix extends it left."""
        if cand.kind == "court":
            prov, pref, county = self.chain(cand.target)
        elif cand.kind == "agg":
            prov, pref, county = division_chain(self.m.gaz, cand.target)
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

    # -- the automaton's keys ------------------------------------------------------
    def scan(self) -> tuple[list[Hit], list[tuple[int, int]]]:
        """Count the places and the unambiguous courts the text names (the evidence the
        other readings are weighed against). Returns the court keys found, for
        `resolve_matches`, and the spans of those that read as courts or groups."""
        raw, place_hits = find_keys(self.m, self.folded)
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
        place_hits = [h for h in place_hits if not _TOWN_AFTER.match(self.folded, h[1])]
        place_evidence(self.m, place_hits, self.ctx, positions=True, skip=ambiguous)
        if not self.ctx.counties:
            self._town_evidence()
        self.ctx.events.sort(key=lambda e: e[0])
        covered = [(a, b) for a, b, cs in raw if any(c.kind in ("court", "agg") for c in cs)]
        return raw, covered

    def resolve_matches(self, raw: list[Hit], *, skip: Sequence[tuple[int, int]]) -> None:
        """Read every key `scan` found, except inside ``skip`` (courts named by pattern)."""
        for start, end, cands in raw:
            if any(a < end and start < b for a, b in skip):
                continue
            self._resolve_match(start, end, cands)

    def _town_evidence(self) -> None:
        """An article that names no county but two or more townships of one (在甲镇、乙乡…):
        that county, as weak evidence (a county court written 区人民法院 is its court). Only
        one county may hold the most towns, and at least two of them."""
        gaz, text = self.m.gaz, self.folded
        towns: dict[str, list[str]] = {}
        for m in _TOWN_WORD.finditer(text):
            e = m.start()
            for n in (4, 3, 2):
                name = text[e - n : e] if e - n >= 0 else ""
                if name and name not in towns and gaz.counties_with_town(name):
                    towns[name] = gaz.counties_with_town(name)
                    break
        if len(towns) < 2:
            return
        votes: Counter[str] = Counter(c for cs in towns.values() for c in set(cs))
        (best, n), *rest = votes.most_common(2) + [("", 0)]
        if n < 2 or rest[0][1] == n:
            return
        prov, pref, county = division_chain(gaz, best)
        if county:
            self.ctx.add(-1, prov, pref, county, 0.5)

    def _cand_chain(self, c: Cand) -> tuple[str | None, str | None, str | None]:
        if c.kind == "court":
            return self.chain(c.target)
        return division_chain(self.m.gaz, c.target)

    def _resolve_match(self, start: int, end: int, cands: tuple[Cand, ...]) -> None:
        text = self.folded
        nxt = text[end : end + 1]
        if nxt in ("网", "报", "志") or any(c.kind == "block" for c in cands):
            return
        prev = text[start - 1 : start]
        ctx_cands = [c for c in cands if c.kind == "ctx"]
        if ctx_cands:
            code = ctx_cands[0].target
            if code == "nation":
                # 全国法院先进集体, 全国法院办案标兵: an honour's name, not the courts
                if not _HONOUR_AFTER.match(text, end):
                    self.found.append(Found(start, end, NATION))
                return
            if code.startswith("group:"):  # a special court and the courts under it
                if (
                    prev
                    and CJK.match(prev)
                    and prev not in FUNCTION_CHARS
                    and not (self.folded.endswith("两级法院", start, end))
                ):
                    return  # 海南农垦法院, 某某农垦法院: another place's farm courts
                if (
                    text.startswith("农垦", start)
                    and not text.endswith("两级法院", start, end)
                    and not _farm_home(text, start)
                ):
                    return  # 赴新疆生产建设兵团学习，农垦法院的同志…: not 黑龙江's
                label = "AGG:" + code.removeprefix("group:")
                self.found.append(Found(start, end, label, level="group"))
                return
            if prev in _CTX_BLOCK_BEFORE and not code.startswith("agg"):
                return
            if prev in ")）" and _READING_BEFORE.search(text, max(0, start - 12), start):
                return  # 驵l(xiāng)市人民法院: the place's name before 市 is lost to mojibake
            if code == "bare_mid":
                if self._bare_mid(start, end):
                    self.bare_mids.append((start, end))  # read once the home court is known
                return
            if not code.startswith("agg") and self._named_unit_before(start):
                return  # 某某县法院 with a place we know but no court of that name
            self._resolve_context(start, end, code)
            return
        if prev in ("全", "各"):
            return
        picked = self.pick(start, end, cands)
        if picked is None:
            return
        best, ext = picked
        if best.target == SUPREME and _OTHER_NATION_BEFORE.search(text, max(0, start - 2), start):
            return  # 各国最高法院, 4个国家最高法院院长, 美国最高法院: another country's court
        start -= ext
        if best.kind == "agg":
            d = self.m.gaz.get(best.target)
            self.found.append(Found(start, end, agg_label(self.m.gaz, best.target, "")))
            if d:
                self.ctx.events.append((start, *division_chain(self.m.gaz, d.adcode)))
            return
        rc = self.court(best.target)
        group = None
        if rc is not None and rc.level in ("intermediate", "high") and self._city_courts(rc, end):
            group = rc.prefecture_code if rc.level == "intermediate" else rc.province_code
        if group:
            label = agg_label(self.m.gaz, group, "全市")
            self.found.append(Found(start, end, label))
            self.ctx.events.append((start, *self.chain(best.target)))
            return
        self.found.append(Found(start, end, best.target, level=rc.level if rc else ""))
        self.ctx.events.append((start, *self.chain(best.target)))

    def _city_courts(self, rc: RosterCourt, end: int) -> bool:
        """安顺市法院坚持…: a prefecture's full name + 法院 is the city's courts (an AGG
        group), unless one court's own organ, post or meeting follows (某市法院党组, 某市法院
        院长, 某市法院召开…), which is its intermediate court; a province's full name + 法院
        (某省法院新收案件…) likewise is the province's courts, else its high court."""
        surface = self.folded[max(0, end - 12) : end]
        place = rc.city if rc.level == "intermediate" else rc.province
        if not place or place[-1] not in "市省" or not surface.endswith(place + "法院"):
            return False
        if end >= len(self.folded):  # a name alone (a person's unit, `resolve_court_name`)
            return False
        return _ONE_COURT_AFTER.match(self.folded, end) is None

    def pick(self, start: int, end: int, cands: Sequence[Cand]) -> tuple[Cand, int] | None:
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

    def _bare_mid(self, start: int, end: int) -> bool:
        """中院 alone names one court only where a word ends before it (，中院党组, 和中院…)
        and it is not one of a list of court levels (高院、中院和基层法院)."""
        text = self.folded
        prev = text[start - 1 : start]
        if prev == "、" or (prev and CJK.match(prev) and prev not in FUNCTION_CHARS):
            return False  # 各分、中院; 某中院 with a place we do not know
        return not (
            _LEVELS_AFTER.match(text, end)
            or _DIRECTIVE_AFTER.match(text, end)
            or _LEVELS_BEFORE.search(text, 0, start)
        )

    def city_mid(self) -> str | None:
        """The intermediate court of the prefecture the article names most."""
        pref = self.ctx.top_prefecture(self.m.gaz, ())
        c = self.m.roster.for_division(pref, "intermediate") if pref else None
        return c.name if c else None

    def bare_mid_court(self, home: str | None) -> str | None:
        """The court 中院 alone names: the intermediate court of the article's home court's
        prefecture, when the home is a basic court (or its tribunal) or that 中院 itself; a
        high court's or the SPC's article speaks of the intermediate courts of its area."""
        if not home or home.startswith("AGG:"):
            return None
        rc = self.court(home)
        ref = self.dynamic.get(home)
        level = rc.level if rc else (ref.level if ref else None)
        if level == "intermediate":
            return home
        if level not in ("basic", "tribunal"):
            return None
        _prov, pref, _county = self.chain(home)
        if pref is None and rc is not None and rc.parent:
            _prov, pref, _county = self.chain(rc.parent)
        c = self.m.roster.for_division(pref, "intermediate") if pref else None
        return c.name if c else None

    def _named_unit_before(self, start: int) -> bool:
        """Whether the unit word (县, 市, 区 …) opening a context form ends a place name."""
        text = self.folded
        unit = text[start : start + 2]
        for k in range(1, 5):
            if start - k < 0 or not CJK.match(text[start - k]):
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
        elif code in ("city_mid", "city_court", "zhou_mid", "diqu_mid", "meng_mid", "city_mid_any"):
            pref_kinds = {
                "zhou_mid": ("自治州",),
                "diqu_mid": ("地区",),
                "meng_mid": ("盟",),
                "city_mid_any": (),
            }
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
            if self.folded.endswith("法庭", start, end):  # 全市人民法庭: the group's tribunals
                label = label.removesuffix("法院") + "人民法庭"
            self.found.append(Found(start, end, label))
            return
        if name:
            c = roster.get(name)
            self.found.append(Found(start, end, name, level=c.level if c else ""))

    # -- a bare 法院 after the county it is in ----------------------------------------
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
            self.found.append(Found(cs, ce, c.name, level=c.level))
