"""Courts the roster does not list, recognized by their pattern: development-zone courts
(沈阳经济技术开发区人民法院; written short, 某市经开区法院, under the official name of
data/courts/zones.tsv), the basic courts of farms, forests and oilfields (宝泉岭农垦法院,
白河林区基层法院) and basic courts of a name of their own written in full with their province
(黑龙江省某某人民法院, a former farm court renamed). Each is named from the place written
before it and the article's context."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from ingest.courts.matcher import CJK, FUNCTION_CHARS
from ingest.courts.resolver import Found
from ingest.document import CourtRef, Level
from ingest.gazetteer import Division, _read_tsv, common_word_shorts
from ingest.roster import DATA_DIR

if TYPE_CHECKING:
    from ingest.courts.resolver import Resolver


_ZONE = re.compile(
    r"(经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|经开区|新技术开发区|开发区|"
    r"工业园区|综合保税区|保税区|自由贸易试验区|自贸区|综合实验区|实验区|试验区|示范区|合作区|"
    r"新区|管理区|港区|园区|垦区|林区|矿区)(?:人民)?法院"
)
# Special basic courts of farms, forests and oilfields (宝泉岭农垦法院, 白河林区基层法院, the
# 兵团's 车排子垦区人民法院): the roster lists only those whose name hides the kind (辽河人民法院).
_SPECIAL_BASIC = re.compile(r"(农垦|垦区|林区|油田)(基层|中级)?(人民)?法院")
_SPECIAL_BASIC_PARENT = {
    ("黑龙江省", "农垦"): "黑龙江省农垦中级法院",
    ("黑龙江省", "林区"): "黑龙江省林区中级法院",
    ("吉林省", "林区"): "吉林省林区中级法院",
}
#: the official prefix of the courts of the 新疆生产建设兵团
_BINGTUAN = "新疆生产建设兵团"
#: the 兵团 written before one of its courts (新疆兵团北屯垦区法院): the prefix, not the place
_BINGTUAN_BEFORE = re.compile(r"(?:新疆生产建设|新疆)?兵团")
_NOT_A_STEM = re.compile(r"^(?:各|该|我|本|全|其|此|每|原|所属|下属|辖区|基层|部分|相关|其他)")
_LEAD_WORDS = re.compile(
    r"(?:所辖|下辖|管辖|辖区内?|辖内|所属|下属|以及|还有|其中|包括"
    # a verb of saying or reporting before the court (并表示某某林区基层法院将…)
    r"|表示|指出|介绍|强调|认为|称|透露|据悉|获悉|通报|宣布|要求)"
)


def find_special_basic(res: Resolver, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Courts of former farms, forests and oilfields named by pattern (宝泉岭农垦法院,
    黑龙江省某某林区基层法院), as written; returns their spans."""
    gaz, text = res.m.gaz, res.folded
    spans: list[tuple[int, int]] = []
    for m in _SPECIAL_BASIC.finditer(text):
        ks, ke = m.start(), m.end()
        if any(a < ke and ks < b for a, b in covered):
            continue  # a roster court (神农架林区人民法院)
        run_start = ks
        while run_start > 0 and ks - run_start < 10 and CJK.match(text[run_start - 1]):
            if text[run_start - 1] in FUNCTION_CHARS:
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
        if m.group(1) == "垦区" and (bt := _BINGTUAN_BEFORE.match(run)) is not None:
            run, run_start = run[bt.end() :], run_start + bt.end()  # 兵团北屯垦区法院: 北屯
        if not 2 <= len(run) <= 4 or _NOT_A_STEM.match(run):
            continue
        if prov is None:
            top = res.ctx.top_province()
            prov = gaz.get(top) if top else None
        name = run + text[ks:ke]
        level: Level = "basic"
        mid = run + m.group(1) + "中级"
        if m.group(2) == "中级" or (not m.group(2) and mid in text):
            # 某某林区中级法院, an intermediate court of forests or farms, as written; its short
            # form 某某林区法院 in an article that names it is that court, no basic one
            name, level = mid + "法院", "intermediate"
        elif m.group(1) == "垦区" and not m.group(2):
            # the 兵团's courts: 奎屯垦区法院 is 新疆生产建设兵团奎屯垦区人民法院, their official
            # name (no province's: the 兵团 is not under 新疆维吾尔自治区's courts)
            name = run + "垦区人民法院"
            if prov is None or prov.name == "新疆维吾尔自治区":
                name = _BINGTUAN + name
        prov_name = prov.name if prov else None
        parent = _SPECIAL_BASIC_PARENT.get((prov_name or "", m.group(1)))
        if level == "intermediate":
            parent = f"{prov_name}高级人民法院" if prov_name else None
        ref = CourtRef(
            name=name,
            level=level,
            province=prov_name,
            adcode=prov.adcode if prov else None,
            parent=parent if parent and parent in res.m.roster else None,
        )
        res.dynamic.setdefault(name, ref)
        res.found.append(Found(run_start, ke, name, ref=res.dynamic[name], level=level))
        res.ctx.events.append((run_start, prov.adcode if prov else None, None, None))
        spans.append((run_start, ke))
    return spans


#: the kind of a zone word, for the official names of data/courts/zones.tsv
_ZONE_KIND = {
    "经济技术开发区": "econ",
    "经济开发区": "econ",
    "经开区": "econ",
    "高新技术产业开发区": "hitech",
    "高新技术开发区": "hitech",
    "高新区": "hitech",
}


def _zone_kind(word: str, pref_code: str) -> str:
    """The kind of zone ``word`` names in the city ``pref_code``: 开发区 alone (镇江开发区法院) is
    the city's economic development zone when the table holds that city's 经济(技术)开发区 court
    and no other zone court of it (a city with a high-tech zone court too keeps the form the
    text writes)."""
    if word == "开发区":
        kinds = {k for (p, k) in _zone_courts() if p == pref_code}
        return "econ" if kinds == {"econ"} else ""
    return _ZONE_KIND.get(word, "")


@functools.cache
def _zone_courts() -> dict[tuple[str, str], str]:
    """(prefecture adcode, zone kind) -> the official name of that zone's court."""
    _meta, rows = _read_tsv(DATA_DIR / "zones.tsv")
    return {(row[0], row[1]): row[2] for row in rows}


#: characters no proper name of a court between its province and 人民法院 holds (a level, a
#: group, a division word)
_NOT_A_NAME_CHAR = frozenset("省市县区州旗盟级各全两三该本我其每下上中高专地")


#: words of praise or kind before 人民法院 (江苏省基层人民法院, 某省优秀人民法院): no court's name
_NOT_A_NAME = re.compile(
    r"基层|示范|先进|优秀|模范|文明|标杆|星级|样板|廉洁|法治|智慧|数字|现代|专门|新型|人民|相关|有关"
    r"|部分|全体|所有|各类|多家|一流|达标|规范|特色"
)


@functools.cache
def _province_names() -> dict[str, Division]:
    """Full province names (黑龙江省, 新疆维吾尔自治区) -> the province."""
    from ingest.courts.matcher import load_matcher

    return {d.name: d for d in load_matcher().gaz.current() if d.level == "province"}


def _province_full_forms(text: str) -> list[tuple[int, int, int, Division]]:
    """(start, stem start, end, province) of every <province's full name><a proper name of two
    or three characters>人民法院 (黑龙江省某某人民法院); found from 人民法院 back, which is
    cheaper than trying every province name at every character."""
    provs = _province_names()
    lengths = sorted({len(n) for n in provs})
    out: list[tuple[int, int, int, Division]] = []
    pos = text.find("人民法院")
    while pos >= 0:
        hit = next(
            (
                (pos - n - k, pos - n, pos + 4, provs[text[pos - n - k : pos - n]])
                for n in (2, 3)
                for k in lengths
                if pos - n - k >= 0 and text[pos - n - k : pos - n] in provs
            ),
            None,
        )
        if hit is not None:
            out.append(hit)
        pos = text.find("人民法院", pos + 4)
    return out


def find_named_basic(res: Resolver, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A basic court the roster does not know written in full with its province
    (黑龙江省某某人民法院: a former farm, forest or oilfield court under a name of its own,
    no division's), and the same name + 法院 elsewhere in the article; returns their spans."""
    gaz, text = res.m.gaz, res.folded
    if "人民法院" not in text:
        return []
    spans: list[tuple[int, int]] = []
    for start, stem_start, end, prov in _province_full_forms(text):
        if any(a < end and start < b for a, b in covered):
            continue
        stem = text[stem_start : end - 4]
        if (
            any(ch in _NOT_A_NAME_CHAR or ch in FUNCTION_CHARS for ch in stem)
            or _NOT_A_NAME.search(stem)
            or stem in common_word_shorts()
            or any(gaz.lookup(stem[:k]) for k in range(2, len(stem) + 1))
            or gaz.counties_with_town(stem)
        ):
            continue
        name = prov.name + stem + "人民法院"
        ref = res.dynamic.setdefault(
            name, CourtRef(name=name, level="basic", province=prov.name, adcode=prov.adcode)
        )
        taken = [*covered, *spans, (start, end)]
        res.found.append(Found(start, end, name, ref=ref, level="basic"))
        res.ctx.events.append((start, prov.adcode, None, None))
        spans.append((start, end))
        for short in re.finditer(re.escape(stem) + "(?:人民)?法院", text):
            if any(a < short.end() and short.start() < b for a, b in taken):
                continue
            res.found.append(Found(short.start(), short.end(), name, ref=ref, level="basic"))
            spans.append(short.span())
    return spans


#: the zone words written in full for each kind: a short form (高新区法院, 经开区法院) in an
#: article that names its city's zone court in full is that court
_FULL_ZONE_WORDS = frozenset(("经济技术开发区", "经济开发区", "高新技术产业开发区"))


#: the municipalities with a free-trade-zone court of their own name (重庆's is an alias of
#: 两江新区's court in the roster; 北京 and 上海 have none)
_MUNI_ZONE_COURTS = frozenset({"天津市"})
#: a court proposed, planned or being prepared, not one that exists (建议设立…, 筹建…)
_PROPOSED_BEFORE = re.compile(
    r"(?:建议|筹建|筹备|拟|申请|争取|呼吁|谋划|设想)[^，,。；;！!？?]{0,6}$"
)


def find_zones(res: Resolver, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Development-zone courts (沈阳经济技术开发区人民法院); returns their spans. A zone
    court written short (高新区法院) where the article writes its city's zone court of that
    kind in full (某市高新技术产业开发区法院) is named as in full."""
    gaz = res.m.gaz
    spans: list[tuple[int, int]] = []
    in_full: dict[tuple[str, str], str] = {}  # (prefecture, kind) -> the name written in full
    short: list[tuple[int, tuple[str, str]]] = []  # found[i] written short, of that kind
    for m in _ZONE.finditer(res.folded):
        zs, ze = m.start(), m.end()
        if any(a <= zs and zs < b for a, b in covered):
            continue
        run_start = zs
        while run_start > 0 and zs - run_start < 8 and CJK.match(res.folded[run_start - 1]):
            if res.folded[run_start - 1] in FUNCTION_CHARS:
                break
            run_start -= 1
        run = res.folded[run_start:zs]
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
            provs = [d for d in gaz.lookup(rest) if d.level == "province"] if rest else []
            if provs and provs[0].kind == "直辖市" and m.group() == "自由贸易试验区人民法院":
                # 天津自由贸易试验区人民法院: a municipality's free-trade-zone court written in
                # full is one court (its city is the municipality), named as written; only one
                # that exists, and not one proposed (建议设立北京自由贸易试验区人民法院)
                at = run_start + len(run) - len(rest)
                if provs[0].name in _MUNI_ZONE_COURTS and not _PROPOSED_BEFORE.search(
                    res.folded, max(0, at - 12), at
                ):
                    _add_zone_court(res, spans, at, ze, provs[0])
                continue
            if provs:
                continue  # 湖北自贸区法院: a province's zone courts together, no city's court
            pref_code = res.ctx.nearest_before(zs, need="pref")
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
        official = (
            _zone_courts().get((pref_code, _zone_kind(m.group(1), pref_code))) if not rest else None
        )
        if official:  # 张家口经开区法院: the city's 经济开发区人民法院
            name = official
            zone = official.removeprefix(prov.name).removesuffix("人民法院")
        parent = res.m.roster.for_division(pref_code, "intermediate")
        ref = CourtRef(
            name=name,
            level="basic",
            province=prov.name,
            city=pd.name,
            county=zone,
            adcode=pref_code,
            parent=parent.name if parent else None,
        )
        kind = _ZONE_KIND.get(m.group(1), "")
        if kind and not rest and not official:
            key = (pref_code, kind)
            if m.group(1) in _FULL_ZONE_WORDS:
                in_full.setdefault(key, name)
            else:
                short.append((len(res.found), key))
        res.dynamic[name] = ref
        res.found.append(Found(run_start, ze, name, ref=ref, level="basic"))
        res.ctx.events.append((run_start, prov.adcode, pref_code, None))
        spans.append((run_start, ze))
    for i, key in short:
        full = in_full.get(key)
        if full is not None:
            res.found[i] = dataclasses.replace(res.found[i], court=full, ref=res.dynamic[full])
    return spans


def _add_zone_court(
    res: Resolver, spans: list[tuple[int, int]], start: int, end: int, muni: Division
) -> None:
    """A municipality's zone court written in full (天津自由贸易试验区人民法院): a basic court
    of the municipality under the name written (its short name and the zone's), no parent
    the text gives."""
    name = (muni.short or muni.name) + res.folded[start:end].removeprefix(muni.name).removeprefix(
        muni.short or muni.name
    )
    ref = res.dynamic.setdefault(
        name, CourtRef(name=name, level="basic", province=muni.name, adcode=muni.adcode)
    )
    res.found.append(Found(start, end, name, ref=ref, level="basic"))
    res.ctx.events.append((start, muni.adcode, None, None))
    spans.append((start, end))
