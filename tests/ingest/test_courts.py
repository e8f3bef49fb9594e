"""Court recognition on short texts written for these tests, plus a corpus F1 check."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from ingest.courts import CourtResolution, extract_courts, resolve_court_name
from ingest.document import SourceDocument
from tests.shared_corpus import HINT, SHARED

FOLDS = Path(__file__).resolve().parents[2] / "benchmarks" / "folds.json"
# the held-out articles are the honest test set: the unit tests neither read nor score them
HELDOUT = set(json.loads(FOLDS.read_text(encoding="utf-8"))["heldout"]) if FOLDS.exists() else set()


def run(text: str, title: str | None = None) -> CourtResolution:
    return extract_courts(SourceDocument(path="t.txt", text=text, title=title))


def names(text: str) -> list[str]:
    return [c.name for c in run(text).courts]


def labels(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.court) for m in run(text).mentions]


# -- forms of a court's name -----------------------------------------------------------


def test_full_and_short_forms_resolve_to_one_official_name() -> None:
    r = run("辽宁省本溪市中级人民法院召开会议。会后本溪中院和明山区法院座谈，明山法院发言。")
    assert [c.name for c in r.courts] == ["辽宁省本溪市中级人民法院", "辽宁省本溪市明山区人民法院"]
    mid = r.courts[0]
    assert mid.mentions == ["辽宁省本溪市中级人民法院", "本溪中院"]
    assert (mid.level, mid.province, mid.city, mid.county) == (
        "intermediate",
        "辽宁省",
        "本溪市",
        None,
    )
    basic = r.courts[1]
    assert basic.mentions == ["明山区法院", "明山法院"]
    assert basic.parent == "辽宁省本溪市中级人民法院" and basic.adcode == "210504"


def test_place_prefixes_are_part_of_the_mention() -> None:
    assert labels("辽宁省营口市鲅鱼圈区人民法院举办开放日。") == [
        ("辽宁省营口市鲅鱼圈区人民法院", "辽宁省营口市鲅鱼圈区人民法院")
    ]


def test_county_level_city_is_placed_under_its_prefecture() -> None:
    (c,) = run("海城市法院推行繁简分流。").courts
    assert (c.name, c.city, c.county) == ("辽宁省海城市人民法院", "鞍山市", "海城市")
    (c,) = run("博乐市法院设立调解室。").courts
    assert c.city == "博尔塔拉蒙古自治州"
    (c,) = run("琼海市法院召开会商会。").courts
    assert (c.name, c.city) == ("海南省琼海市人民法院", None)


def test_province_and_city_are_inferred_from_the_gazetteer() -> None:
    (c,) = run("秀英法院组建速裁团队。").courts
    assert (c.name, c.province, c.city) == ("海南省海口市秀英区人民法院", "海南省", "海口市")
    (c,) = run("集贤法院举办公众开放日。").courts
    assert (c.province, c.city) == ("黑龙江省", "双鸭山市")


def test_high_courts_and_the_supreme_court() -> None:
    assert names("新疆高院、辽宁高院和最高人民法院联合调研，最高法、最高院均有发文。") == [
        "新疆维吾尔自治区高级人民法院",
        "辽宁省高级人民法院",
        "最高人民法院",
    ]


def test_autonomous_prefecture_short_forms() -> None:
    assert names("博州中院派员指导，巴州中院、红河州中院也参加。") == [
        "新疆维吾尔自治区" + "博尔塔拉蒙古自治州中级人民法院",
        "新疆维吾尔自治区巴音郭楞蒙古自治州中级人民法院",
        "云南省红河哈尼族彝族自治州中级人民法院",
    ]


def test_customary_banner_abbreviations() -> None:
    assert names("科左中旗法院开展巡回审判，达茂旗人民法院也参加。") == [
        "内蒙古自治区科尔沁左翼中旗人民法院",
        "内蒙古自治区达尔罕茂明安联合旗人民法院",
    ]


def test_municipal_numbered_and_special_courts() -> None:
    assert names("北京一中院、北京互联网法院、上海金融法院和广州海事法院交流经验。") == [
        "北京市第一中级人民法院",
        "北京互联网法院",
        "上海金融法院",
        "广州海事法院",
    ]


def test_renamed_county_resolves_to_the_current_court() -> None:
    (c,) = run("宁乡县人民法院召开会议。").courts
    assert c.name == "湖南省宁乡市人民法院" and c.mentions == ["宁乡县人民法院"]


def test_traditional_variant_characters_are_folded() -> None:
    (c,) = run("宁陜县法院举行揭牌仪式。").courts
    assert c.name == "陕西省宁陕县人民法院" and c.mentions == ["宁陜县法院"]


# -- tribunals ------------------------------------------------------------------------


def test_tribunal_full_form_lists_the_basic_court_too() -> None:
    r = run("盖州市人民法院东城人民法庭获评先进，东城法庭庭长介绍经验。")
    assert [c.name for c in r.courts] == [
        "辽宁省盖州市人民法院东城人民法庭",
        "辽宁省盖州市人民法院",
    ]
    trib = r.courts[0]
    assert trib.level == "tribunal" and trib.parent == "辽宁省盖州市人民法院"
    assert trib.mentions == ["盖州市人民法院东城人民法庭", "东城法庭"]
    assert (trib.city, trib.county) == ("营口市", "盖州市")


def test_tribunal_after_a_short_court_name() -> None:
    r = run("万州法院大周法庭、江津法院双福法庭入选案例。")
    assert [c.name for c in r.courts] == [
        "重庆市万州区人民法院大周人民法庭",
        "重庆市万州区人民法院",
        "重庆市江津区人民法院双福人民法庭",
        "重庆市江津区人民法院",
    ]


def test_standalone_tribunal_named_after_a_town_of_the_court() -> None:
    r = run("集贤县人民法院召开会议，福利人民法庭和兴安法庭参加。")
    assert "黑龙江省集贤县人民法院福利人民法庭" in [c.name for c in r.courts]
    assert "黑龙江省集贤县人民法院兴安人民法庭" in [c.name for c in r.courts]


def test_standalone_tribunal_after_its_county_and_town() -> None:
    assert names("家住从化吕田镇的老人去吕田法庭咨询。") == [
        "广东省广州市从化区人民法院吕田人民法庭"
    ]
    # the county written with the town (永康龙山法庭) is the parent named, listed too as the
    # corpus lists a parent written inside a tribunal's mention
    assert names("记者走进浙江永康龙山法庭的调解室。") == [
        "浙江省永康市人民法院龙山人民法庭",
        "浙江省永康市人民法院",
    ]


def test_a_short_tribunal_written_with_its_towns_kind() -> None:
    # 孝丰镇法庭: the gazetteer holds the town as 孝丰; the county's court is in context
    r = run("安吉县人民法院坚持新时代枫桥经验，孝丰镇法庭扎根山区。")
    assert "浙江省安吉县人民法院孝丰镇人民法庭" in [c.name for c in r.courts]
    # …and after the tribunal's full form without 镇, it is that tribunal, under its own name
    r = run("安吉县人民法院孝丰人民法庭地处山区，孝丰镇法庭法官常年巡回。")
    trib = [c for c in r.courts if c.level == "tribunal"]
    assert [(c.name, c.mentions) for c in trib] == [
        ("浙江省安吉县人民法院孝丰人民法庭", ["安吉县人民法院孝丰人民法庭", "孝丰镇法庭"])
    ]


def test_standalone_tribunal_in_a_list_after_its_court() -> None:
    r = run("与会人员参观了润州法院、金山湖法庭以及诉讼服务中心。")
    assert "江苏省镇江市润州区人民法院金山湖人民法庭" in [c.name for c in r.courts]


@pytest.mark.parametrize(
    "text",
    [
        "润州法院设立家事法庭、少年法庭和共享法庭。",
        "明山区法院创建“枫桥式人民法庭”，推进人民法庭建设。",
        "明山区法院所辖5个人民法庭全部达标，3个法庭获评示范。",
        "最高人民法院第一巡回法庭开庭审理此案。",
        "明山区法院知产法庭和金融法庭正式运行。",
    ],
)
def test_internal_divisions_and_generic_tribunals_are_not_tribunals(text: str) -> None:
    assert all(c.level != "tribunal" for c in run(text).courts), text


@pytest.mark.parametrize(
    ("text", "tribunal"),
    [
        # a stopword stem (枫桥) and a stem opening with a function character (和顺)
        ("诸暨市人民法院枫桥人民法庭获评示范。", "浙江省诸暨市人民法院枫桥人民法庭"),
        ("腾冲市人民法院和顺人民法庭获评示范。", "云南省腾冲市人民法院和顺人民法庭"),
        # the short form right after its court, when the stem is a town of that county
        ("诸暨法院枫桥法庭获评示范。", "浙江省诸暨市人民法院枫桥人民法庭"),
    ],
)
def test_full_tribunal_form_after_its_court_ignores_stopwords(text: str, tribunal: str) -> None:
    r = run(text)
    trib = next(c for c in r.courts if c.level == "tribunal")
    assert trib.name == tribunal and trib.parent in [c.name for c in r.courts]


def test_a_known_tribunal_keeps_its_short_form() -> None:
    r = run("诸暨市人民法院枫桥人民法庭挂牌，枫桥法庭法官走访。")
    assert r.courts[0].mentions == ["诸暨市人民法院枫桥人民法庭", "枫桥法庭"]


def test_court_and_tribunal_joined_by_and_are_two_units() -> None:
    r = run("德清县人民法院和新市人民法庭联合开展宣传。")
    assert [c.name for c in r.courts] == [
        "浙江省德清县人民法院",
        "浙江省德清县人民法院新市人民法庭",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "明山区法院派出人民法庭全部达标。",
        "明山区法院各人民法庭开展评比。",
        "明山区人民法院要求各人民法庭全面推行诉前调解。",
        "明山区人民法院指导各人民法庭开展巡回审判。",
        "明山区人民法院督促所属人民法庭加快结案。",
        "诸暨法院共享法庭运行良好。",
        # a predicate run on from the court's name is no tribunal's name
        "明山区法院高度重视人民法庭工作，年内新建两处。",
        "明山区法院积极探索人民法庭参与乡村治理的新路径。",
        # a verb before 法庭 in a list of partners: 共建法庭、乡镇、社区…网络
        "明山区法院开展上门立案，共建法庭、乡镇、社区调解网络。",
    ],
)
def test_generic_words_before_a_tribunal_word_stay_generic(text: str) -> None:
    assert all(c.level != "tribunal" for c in run(text).courts), text


@pytest.mark.parametrize(
    "text",
    [
        # the court's own predicate run on to the tribunal word, its object: an adverb, a
        # preposition or a modal opening it, or a verb ending it, names no place
        "明山区人民法院就准确定位人民法庭职能作交流发言。",
        "明山区法院就准确定位法庭功能提出三条意见。",
        "明山区人民法院又一次调整人民法庭布局。",
        "明山区人民法院已经建成人民法庭五处。",
        "明山区人民法院也将人民法庭纳入考核。",
        "明山区人民法院拟新设人民法庭一处。",
        "明山区人民法院精准定位人民法庭职能。",
        "明山区人民法院立足人民法庭职能开展调解。",
        "明山区人民法院主动服务人民法庭发展。",
        "明山区人民法院创新人民法庭工作机制。",
        "明山区人民法院通报法庭建设情况。",
        # a courtroom set up for one hearing (临时法庭) is no tribunal of the court named before
        "明山区人民法院法官来到养老院，布置临时法庭，与当事人交谈。",
    ],
)
def test_a_courts_predicate_before_a_tribunal_word_is_no_tribunal(text: str) -> None:
    assert all(c.level != "tribunal" for c in run(text).courts), text


@pytest.mark.parametrize(
    ("text", "tribunal"),
    [
        # places that open with a word that might open a predicate, known to the gazetteer
        ("延吉市人民法院朝阳川人民法庭开庭审理一起纠纷。", "吉林省延吉市人民法院朝阳川人民法庭"),
        ("北京市大兴区人民法院亦庄人民法庭开庭。", "北京市大兴区人民法院亦庄人民法庭"),
        ("郑州市中原区人民法院须水人民法庭开庭。", "河南省郑州市中原区人民法院须水人民法庭"),
        # a town with its kind, a zone, a regiment's number, a town's women's tribunal
        ("浚县人民法院新镇人民法庭开庭。", "河南省浚县人民法院新镇人民法庭"),
        (
            "梧州市龙圩区人民法院工业园区法庭挂牌。",
            "广西壮族自治区梧州市龙圩区人民法院工业园区人民法庭",
        ),
        ("石河子市人民法院150团法庭开庭。", "新疆维吾尔自治区石河子市人民法院150团人民法庭"),
        ("龙江县人民法院黑岗女子法庭开展调解。", "黑龙江省龙江县人民法院黑岗女子人民法庭"),
        # a place the gazetteer does not know, named after its court
        ("辽河人民法院欢喜岭人民法庭开庭。", "辽河人民法院欢喜岭人民法庭"),
    ],
)
def test_a_tribunals_place_after_its_court_keeps_working(text: str, tribunal: str) -> None:
    assert tribunal in [c.name for c in run(text).courts], text


# -- context forms --------------------------------------------------------------------


def test_province_court_from_context() -> None:
    r = run("沈阳中院落实省法院部署。全省法院要按照省高级人民法院要求推进。")
    assert [c.name for c in r.courts] == ["辽宁省沈阳市中级人民法院", "辽宁省高级人民法院"]
    assert ("全省法院", "AGG:辽宁省全省法院") in [(m.surface, m.court) for m in r.mentions]


def test_city_court_from_context() -> None:
    r = run("抚顺市中级人民法院召开评议会，市法院副院长和各基层法院院长参加。")
    assert [c.name for c in r.courts] == ["辽宁省抚顺市中级人民法院"]
    assert ("市法院", "辽宁省抚顺市中级人民法院") in [(m.surface, m.court) for m in r.mentions]


def test_county_court_from_context() -> None:
    r = run("宁陕县多元化矛盾调解中心设在县法院一楼。")
    assert [c.name for c in r.courts] == ["陕西省宁陕县人民法院"]


def test_chongqing_high_court_abbreviation() -> None:
    assert names("重庆法院推进法庭建设，市高法院印发典型案例。") == ["重庆市高级人民法院"]


def test_context_forms_without_context_are_dropped() -> None:
    assert run("省法院召开会议，市中院参加。").courts == []


def test_development_zone_court_takes_the_nearest_city() -> None:
    (c,) = run("沈阳中院介绍经验，经济技术开发区法院获评优秀。").courts[1:]
    assert c.name == "辽宁省沈阳经济技术开发区人民法院"
    assert (c.level, c.city, c.parent) == ("basic", "沈阳市", "辽宁省沈阳市中级人民法院")


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        ("前海法院发布审判白皮书。", "广东省深圳前海合作区人民法院", "广东省深圳市中级人民法院"),
        ("横琴法院聘任调解员。", "横琴粤澳深度合作区人民法院", "广东省珠海市中级人民法院"),
        (
            "珠海横琴新区人民法院受理首案。",
            "横琴粤澳深度合作区人民法院",
            "广东省珠海市中级人民法院",
        ),
        ("重庆两江新区（自贸区）法院审结一案。", "重庆两江新区人民法院", "重庆市第一中级人民法院"),
        ("南沙自贸区法院发布案例。", "广东自由贸易区南沙片区人民法院", "广东省广州市中级人民法院"),
        ("深汕法院开展巡回审判。", "深圳深汕特别合作区人民法院", "广东省深圳市中级人民法院"),
        ("雄安中院召开座谈会。", "河北雄安新区中级人民法院", "河北省高级人民法院"),
        ("雄县法院开展普法。", "河北省雄县人民法院", "河北雄安新区中级人民法院"),
        (
            "平潭综合实验区人民法院设立法庭。",
            "福建省平潭综合实验区人民法院",
            "福建省福州市中级人民法院",
        ),
        ("平潭法院发布案例。", "福建省平潭综合实验区人民法院", "福建省福州市中级人民法院"),
    ],
)
def test_special_area_courts_by_their_short_names(text: str, name: str, parent: str) -> None:
    (c,) = run(text).courts
    assert (c.name, c.parent) == (name, parent)


# -- ambiguity ------------------------------------------------------------------------


def test_ambiguous_county_is_resolved_by_the_article_context() -> None:
    assert names("北京三中院指导，朝阳区法院审结此案。")[1] == "北京市朝阳区人民法院"
    assert names("长春中院指导，朝阳区法院审结此案。")[1] == "吉林省长春市朝阳区人民法院"


def test_ambiguous_county_without_context_gets_a_default_and_a_warning() -> None:
    r = run("朝阳区法院审结此案。")
    assert [c.name for c in r.courts] == ["北京市朝阳区人民法院"]
    assert r.warnings and "朝阳区法院" in r.warnings[0]


def test_city_short_name_is_the_court_system() -> None:
    r = run("本溪中院召开会议，本溪法院审判质效位居前列，本溪两级法院协同推进。")
    assert [c.name for c in r.courts] == ["辽宁省本溪市中级人民法院"]
    assert [m.court for m in r.mentions][1:] == ["AGG:辽宁省本溪市全市法院"] * 2


def test_a_county_sharing_its_city_short_name_needs_its_unit() -> None:
    r = run("长沙县人民法院和长沙中院座谈，长沙法院系统推广经验；本溪县法院参加。")
    assert [(m.surface, m.court) for m in r.mentions][2:] == [
        ("长沙法院", "AGG:湖南省长沙市全市法院"),
        ("本溪县法院", "辽宁省本溪满族自治县人民法院"),
    ]


def test_everyday_word_short_names_need_their_place() -> None:
    assert names("推进平安法院建设，新建法院大楼。") == []
    assert names("西安中院指导，长安法院召开会议。")[1] == "陕西省西安市长安区人民法院"


def test_generic_county_names_need_their_city() -> None:
    assert names("主城区法院加强协作。") == []
    assert names("阳泉市城区人民法院召开会议。") == ["山西省阳泉市城区人民法院"]


# -- not courts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "推进智慧法院建设，推广移动微法院。",
        "人民法院报和中国法院网作了报道。",
        "基层法院、上级法院、各中级法院都要重视。",
        "司法局指导人民调解委员会入驻诉讼服务中心。",
        "全国副省级城市法院交流会召开。",
    ],
)
def test_not_courts(text: str) -> None:
    assert run(text).courts == [], text


def test_aggregate_labels() -> None:
    r = run("抚顺中院召开会议，全市法院、抚顺两级法院和全市两级法院参加。")
    aggs = [m for m in r.mentions if m.court.startswith("AGG:")]
    assert [m.surface for m in aggs] == ["全市法院", "抚顺两级法院", "全市两级法院"]
    assert {m.court for m in aggs} == {"AGG:辽宁省抚顺市全市法院"}
    assert [c.name for c in r.courts] == ["辽宁省抚顺市中级人民法院"]


def test_county_party_group_refers_to_the_court() -> None:
    r = run("宁陕县法院党组召开会议。")
    assert [c.name for c in r.courts] == ["陕西省宁陕县人民法院"]


# -- special courts, lists, tribunals with numerals -------------------------------------------


def test_circuit_courts_of_the_supreme_court() -> None:
    r = run("最高人民法院第一巡回法庭召开座谈会。最高法第六巡回法庭派员参加。")
    assert [(c.name, c.level) for c in r.courts] == [
        ("最高人民法院第一巡回法庭", "supreme"),
        ("最高人民法院第六巡回法庭", "supreme"),
    ]
    # a circuit tribunal of some other court is not one of them
    assert names("县法院第一巡回法庭开庭。") == []


def test_the_military_court_of_the_pla() -> None:
    r = run("解放军军事法院与省法院签署合作协议。中国人民解放军军事法院派员参加。")
    assert ("中国人民解放军军事法院", "special") in [(c.name, c.level) for c in r.courts]
    # a military court named without the PLA is no one court
    assert names("军事法院审理了一批案件。") == []


def test_former_oilfield_court_from_the_roster_with_its_tribunal() -> None:
    r = run("辽河人民法院欢喜岭人民法庭获评先进。欢喜岭法庭法官介绍做法。")
    assert [(c.name, c.level) for c in r.courts] == [
        ("辽河人民法院欢喜岭人民法庭", "tribunal"),
        ("辽河人民法院", "basic"),
    ]


@pytest.mark.parametrize(
    ("text", "court"),
    [
        ("宝泉岭农垦法院开展巡回审判。", "宝泉岭农垦法院"),
        ("黑龙江省红兴隆农垦法院召开会议。", "红兴隆农垦法院"),
        ("吉林省林区中级法院所辖白河林区基层法院召开会议。", "白河林区基层法院"),
        ("第八师中级人民法院指导车排子垦区人民法院。", "新疆生产建设兵团车排子垦区人民法院"),
        ("奎屯垦区法院开展调解。", "新疆生产建设兵团奎屯垦区人民法院"),
        # a verb of saying before the court is not part of its name
        ("代表们发言，表示白河林区基层法院的做法值得推广。", "白河林区基层法院"),
        ("会上，介绍白河林区基层法院的做法。", "白河林区基层法院"),
    ],
)
def test_farm_and_forest_courts_are_basic_courts(text: str, court: str) -> None:
    found = {c.name: c.level for c in run(text).courts}
    assert found.get(court) == "basic"


def test_a_forest_division_court_stays_the_roster_court() -> None:
    assert names("神农架林区人民法院召开会议。") == ["湖北省神农架林区人民法院"]
    assert names("辖区内各林区法院参加会议。") == []


def test_elliptical_lists_name_one_court_per_place() -> None:
    r = run("泉州中院指导鲤城、惠安、德化等法院开展诉源治理。")
    assert [(m.surface, m.court) for m in r.mentions][1:] == [
        ("鲤城", "福建省泉州市鲤城区人民法院"),
        ("惠安", "福建省惠安县人民法院"),
        ("德化", "福建省德化县人民法院"),
    ]
    rail = names("乌鲁木齐、库尔勒、哈密铁路运输法院推进改革。")
    assert rail == ["乌鲁木齐铁路运输法院", "库尔勒铁路运输法院", "哈密铁路运输法院"]


def test_elliptical_lists_with_a_printed_count_or_of_high_courts() -> None:
    # a count between spaces (a PDF's printed figure) and 个 instead of 家
    assert names("会上，明山、平山、溪湖 3 个法院作了发言。") == [
        "辽宁省本溪市明山区人民法院",
        "辽宁省本溪市平山区人民法院",
        "辽宁省本溪市溪湖区人民法院",
    ]
    assert names("会议听取了浙江、福建、江西等高级人民法院的介绍。") == [
        "浙江省高级人民法院",
        "福建省高级人民法院",
        "江西省高级人民法院",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "宣传、立案、审判等部门参加会议。",  # not places
        "福建、广东等地法院参加会议。",  # provinces: groups of courts, not courts
    ],
)
def test_lists_of_other_things_name_no_courts(text: str) -> None:
    assert names(text) == []


def test_named_ip_and_environment_tribunals_of_a_city_are_special_courts() -> None:
    r = run("苏州中院知识产权法庭召开发布会。南京知识产权法庭审结专利案。")
    found = {c.name: (c.level, c.parent) for c in r.courts}
    assert found["苏州知识产权法庭"] == ("special", "江苏省苏州市中级人民法院")
    assert found["南京知识产权法庭"] == ("special", "江苏省南京市中级人民法院")
    assert "江苏省苏州市中级人民法院" in found
    assert names("该院知识产权法庭审结专利案。") == []


def test_a_maritime_courts_tribunal_is_named_fating() -> None:
    r = run("广州海事法院汕头法庭开庭审理。")
    assert [c.name for c in r.courts] == ["广州海事法院汕头法庭", "广州海事法院"]


def test_tribunal_names_may_open_with_a_numeral() -> None:
    r = run("敦化市人民法院八家子人民法庭开庭。八家子法庭法官调解。")
    assert "吉林省敦化市人民法院八家子人民法庭" in [c.name for c in r.courts]
    # a count before 法庭 is still no name
    assert names("敦化市人民法院下设三家人民法庭。") == ["吉林省敦化市人民法院"]


# -- self references, mentions, evidence --------------------------------------------------


def test_self_references_point_to_the_home_court() -> None:
    text = "集贤法院开放日。我院邀请调解员参观。集贤县人民法院院长致辞，该院干警陪同。"
    r = run(text)
    assert r.home == "黑龙江省集贤县人民法院"
    selfs = [(m.surface, m.court) for m in r.mentions if m.surface in ("我院", "该院")]
    assert selfs == [("我院", r.home), ("该院", r.home)]
    (court,) = r.courts
    assert "我院" not in court.mentions


def test_this_court_is_the_nearest_court_before_it() -> None:
    r = run("博州中院派员指导。博乐市法院召开会议，该院法官参加。")
    last = r.mentions[-1]
    assert (last.surface, last.court) == ("该院", "新疆维吾尔自治区博乐市人民法院")


def test_this_court_after_a_tribunal_is_the_tribunals_court() -> None:
    # 该院 is a 院: a tribunal named last stands for the court it belongs to (该庭 for itself)
    r = run("明山区法院推进诉源治理。该院高台子法庭聘请调解员。\n同期，该院诉前调解纠纷300件。")
    last = r.mentions[-1]
    assert (last.surface, last.court) == ("该院", "辽宁省本溪市明山区人民法院")


@pytest.mark.parametrize(
    ("text", "court"),
    [
        # the subject of its own clause is not 该院: the court discussed before it is
        ("官渡区法院试行新机制。昆明中院已将该院做法在全市推广。", "云南省昆明市官渡区人民法院"),
        ("官渡区法院试行新机制。昆明中院推广該院做法。", "云南省昆明市官渡区人民法院"),
        # a court after a preposition, or a person's unit, is no subject
        ("记者从昆山市法院获悉该院推行新机制。", "江苏省昆山市人民法院"),
        ("集贤县法院院长介绍该院做法。", "黑龙江省集贤县人民法院"),
        # in a later clause 该院 is the court just named
        ("江岸区法院介绍经验：该院设立工作站。", "湖北省武汉市江岸区人民法院"),
    ],
)
def test_this_court_is_not_the_subject_of_its_own_clause(text: str, court: str) -> None:
    selfs = [m.court for m in run(text).mentions if m.surface in ("该院", "該院")]
    assert selfs == [court]


@pytest.mark.parametrize(
    "text",
    [
        "平阳县法院按照温州中院部署开展专项活动，该院院长王建国带队走访。",
        "平阳县法院认真落实温州中院工作要求。该院党组书记王建国作动员。",
        "平阳县法院在温州中院指导下试行新机制，该院副院长李明介绍情况。",
    ],
)
def test_this_court_is_not_the_court_whose_lead_is_followed(text: str) -> None:
    # the court whose deployment, requirement or guidance is followed is named in passing:
    # 该院 is the court that acts on it
    selfs = [m.court for m in run(text).mentions if m.surface == "该院"]
    assert selfs == ["浙江省平阳县人民法院"]


def test_this_court_may_still_be_a_court_that_deploys() -> None:
    r = run("温州中院部署开展专项活动，该院院长王建国作动员。")
    assert [m.court for m in r.mentions if m.surface == "该院"] == ["浙江省温州市中级人民法院"]


def test_this_court_with_only_the_subject_before_it_is_left_out() -> None:
    r = run("昆明中院将该院经验推广。")
    assert [m.surface for m in r.mentions] == ["昆明中院"]


def test_home_prefers_the_court_in_the_title() -> None:
    r = run("会上，抚顺中院和新宾县法院交流。新宾县法院介绍做法。", title="新宾县法院开展培训")
    assert r.home == "辽宁省新宾满族自治县人民法院"


@pytest.mark.parametrize(
    "text",
    [
        # a metadata row names the publisher, not the subject
        "来源：丹东市中级人民法院 编辑：某某\n宽甸县法院召开会议，部署诉源治理工作，提升审判质效。",
        "发文机关：丹东市中级人民法院\n宽甸县法院召开会议，部署诉源治理工作，提升审判质效。",
        # the source of a cited report is not the subject
        "据丹东中院发布的审判白皮书显示，诉讼量下降。宽甸县法院召开会议，部署诉源治理工作。",
    ],
)
def test_home_is_not_a_publisher_or_a_cited_source(text: str) -> None:
    assert run(text).home == "辽宁省宽甸满族自治县人民法院"


def test_home_reads_the_first_line_as_the_title_when_there_is_none() -> None:
    text = (
        "宽甸县法院推行诉前调解\n"
        "会上，丹东中院通报工作，丹东中院肯定了宽甸法院做法，丹东中院部署下一步任务。"
    )
    assert run(text).home == "辽宁省宽甸满族自治县人民法院"


def test_mentions_are_sorted_and_point_into_the_text() -> None:
    text = "明山区法院与本溪中院签约。\n全市法院参加；我院干警列席。"
    r = run(text)
    starts = [m.start for m in r.mentions]
    assert starts == sorted(starts)
    for m in r.mentions:
        assert text[m.start : m.end] == m.surface


def test_evidence_is_the_sentence_naming_the_court() -> None:
    text = "第一句没有法院。明山区法院召开会议！第三句。"
    (c,) = run(text).courts
    (ev,) = c.evidence
    assert ev.sentence == "明山区法院召开会议！"
    assert text[ev.start : ev.end] == ev.sentence and ev.quote == "明山区法院"


def test_given_sentence_spans_are_used() -> None:
    text = "甲。明山区法院召开会议。"
    r = extract_courts(SourceDocument(path="t", text=text), sentences=[(0, 2), (2, len(text))])
    assert r.courts[0].evidence[0].start == 2


def test_context_fields_of_the_resolution() -> None:
    r = run("本溪中院召开会议。")
    assert (r.province, r.city) == ("辽宁省", "本溪市")


# -- resolve_court_name -------------------------------------------------------------------


def test_resolve_court_name() -> None:
    c = resolve_court_name("本溪中院")
    assert c is not None and c.name == "辽宁省本溪市中级人民法院" and c.mentions == ["本溪中院"]
    c = resolve_court_name("东城法庭", context="盖州市人民法院东城人民法庭开庭。")
    assert c is not None and c.name == "辽宁省盖州市人民法院东城人民法庭"
    c = resolve_court_name("省法院", context="沈阳中院召开会议。")
    assert c is not None and c.name == "辽宁省高级人民法院"
    assert resolve_court_name("全市法院", context="本溪中院召开会议。") is None
    assert resolve_court_name("诉讼服务中心") is None


# -- corpus check ---------------------------------------------------------------------------


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _normalize(raw: str) -> str:
    try:
        from ingest.normalize import normalize_text
    except ImportError:
        import opencc  # type: ignore[import-not-found]

        raw = re.sub(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]+\s*)+\)", "", raw)
        return str(opencc.OpenCC("t2s").convert(raw))
    out = normalize_text(raw)
    return out[0] if isinstance(out, tuple) else out


def _court_f1(articles: list[Path], gold_dir: Path) -> float:
    core = _scorer().court_core
    tp = n_gold = n_pred = 0
    for path in articles:
        gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))
        res = run(_normalize(path.read_text(encoding="utf-8")))
        g = {core(c["name"]) for c in gold["courts"]}
        p = {core(c.name) for c in res.courts}
        tp, n_gold, n_pred = tp + len(g & p), n_gold + len(g), n_pred + len(p)
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=HINT)
def test_court_f1_on_the_corpus() -> None:
    corpus = SHARED / "corpus"
    seeds = _court_f1(sorted((corpus / "seeds").glob("*.txt")), corpus / "gold")
    articles = [
        p for p in sorted((corpus / "dev" / "articles").glob("*.txt")) if p.stem not in HELDOUT
    ]
    dev = _court_f1(articles, corpus / "dev" / "gold")
    assert seeds >= 0.90, seeds
    assert dev >= 0.85, dev


def test_an_ambiguous_place_of_a_list_lies_with_the_others() -> None:
    assert names("明山、平山、溪湖等法院推行诉前调解。") == [
        "辽宁省本溪市明山区人民法院",
        "辽宁省本溪市平山区人民法院",
        "辽宁省本溪市溪湖区人民法院",
    ]


def test_autonomous_county_keeps_its_kind_in_the_short_form() -> None:
    r = run("印江自治县人民法院合水人民法庭设立巡回审判点。")
    assert {c.name for c in r.courts} == {
        "贵州省印江土家族苗族自治县人民法院",
        "贵州省印江土家族苗族自治县人民法院合水人民法庭",
    }
    assert names("黔东南自治州中级人民法院召开会议。") == ["贵州省黔东南苗族侗族自治州中级人民法院"]


def test_a_court_in_a_photo_credit_is_not_the_articles_court() -> None:
    r = run("法官在田间调解。（明山区法院供图）\n平山区法院推行诉前调解，平山区法院成效明显。")
    assert r.home == "辽宁省本溪市平山区人民法院"


@pytest.mark.parametrize(
    "text", ["重庆各基层法院均已配备车载法庭。", "据介绍，我省法院一站式建设成效明显。"]
)
def test_a_places_courts_and_our_provinces_courts_are_groups(text: str) -> None:
    r = run(text)
    assert r.courts == [] and r.mentions and all(m.court.startswith("AGG:") for m in r.mentions)


def test_a_bare_court_after_its_county_is_that_countys_court() -> None:
    r = run("广州法院推进多元解纷。在荔湾区，法院打造共享法庭；在番禺区，法院成立调解中心。")
    assert {c.name for c in r.courts} == {
        "广东省广州市荔湾区人民法院",
        "广东省广州市番禺区人民法院",
    }
    # without a province the county name alone is not enough
    assert names("在朝阳区，法院开展普法。") == []


def test_a_central_tribunal_after_its_court() -> None:
    r = run("普兰县人民法院塔尔钦中心人民法庭获评先进。")
    assert "西藏自治区普兰县人民法院塔尔钦中心人民法庭" in [c.name for c in r.courts]
    assert all(c.level != "tribunal" for c in run("明山区法院诉讼服务中心法庭开放。").courts)


def test_an_elliptical_list_of_tribunals_by_town() -> None:
    r = run("本溪市中院召开会议。小市、草河口等法庭获评示范。")
    assert {c.name for c in r.courts if c.level == "tribunal"} == {
        "辽宁省本溪满族自治县人民法院小市人民法庭",
        "辽宁省本溪满族自治县人民法院草河口人民法庭",
    }
    assert all(c.level != "tribunal" for c in run("该院民事、刑事、行政三个法庭开庭。").courts)
    assert all(c.level != "tribunal" for c in run("明山区法院、综治中心法庭联合调解。").courts)


# -- special courts and their groups, the host of a visit --------------------------------


def test_special_two_level_group_is_one_group_and_may_be_the_home() -> None:
    r = run("沈阳铁路运输两级法院推行集中管辖。沈阳铁路运输中级法院审理上诉案件。")
    assert ("沈阳铁路运输两级法院", "AGG:沈阳铁路运输两级法院") in labels(
        "沈阳铁路运输两级法院推行集中管辖。"
    )
    assert [c.name for c in r.courts] == ["沈阳铁路运输中级法院"]
    assert r.home == "AGG:沈阳铁路运输两级法院"


def test_a_visited_court_is_the_home_when_the_article_says_wo_yuan() -> None:
    text = (
        "5月6日，辽宁省高级人民法院庭长某某一行到本溪市明山区人民法院调研指导工作，"
        "本溪中院副院长某某陪同。\n某某一行查看了我院诉讼服务中心，听取了工作汇报。"
    )
    r = run(text)
    assert r.home == "辽宁省本溪市明山区人民法院"
    assert ("我院", "辽宁省本溪市明山区人民法院") in [(m.surface, m.court) for m in r.mentions]
    # without 我院 the article may be the visitors' own: the home is chosen as before
    assert run(text.replace("我院", "该院")).home == "辽宁省高级人民法院"


def test_a_circuit_tribunal_heading_alone_is_the_spc_tribunal_named_in_full() -> None:
    text = "第三巡回法庭：\n最高人民法院第三巡回法庭在南京挂牌成立。"
    assert ("第三巡回法庭", "最高人民法院第三巡回法庭") in labels(text)
    # a court's own numbered 巡回法庭, with no SPC tribunal of that number named, is not it
    assert not any("巡回" in c for _, c in labels("乙县法院设立第三巡回法庭。"))


def test_wo_yuan_is_the_court_of_the_source_row() -> None:
    text = (
        "辽宁省高级人民法院召开全省法院会议，部署诉源治理工作。\n"
        "会后，我院立即传达会议精神。\n来源：本溪市明山区人民法院"
    )
    r = run(text)
    assert r.home == "辽宁省本溪市明山区人民法院"
    assert ("我院", "辽宁省本溪市明山区人民法院") in [(m.surface, m.court) for m in r.mentions]


def test_railway_intermediate_court_abbreviations_and_counted_groups() -> None:
    assert names("兰铁中院审理上诉案件。") == ["兰州铁路运输中级法院"]
    assert names("太铁中院召开会议。") == ["太原铁路运输中级法院"]
    # 三省法院: the courts of three provinces, not the province's high court
    assert names("辽宁省沈阳市召开东北三省法院交流会。") == []


def test_a_provinces_three_level_courts_are_a_group() -> None:
    assert labels("山西省三级法院推行诉前调解。") == [("山西省三级法院", "AGG:山西省全省法院")]
    assert labels("北京三级法院推行诉前调解。") == [("北京三级法院", "AGG:北京市全市法院")]
    assert names("新疆三级法院推进繁简分流。") == []


def test_visitors_to_wo_yuan_are_not_the_home() -> None:
    r = run(
        "本溪中院院长某某一行莅临我院调研指导工作。\n明山区法院院长某某陪同。我院推行诉前调解。"
    )
    assert r.home == "辽宁省本溪市明山区人民法院"
    assert {m.court for m in r.mentions if m.surface == "我院"} == {"辽宁省本溪市明山区人民法院"}
    # the visitors' court alone: 我院 is some other court, unknown
    lone = run("本溪中院院长某某一行莅临我院调研指导工作。我院推行诉前调解。")
    assert lone.home is None
    assert not [m for m in lone.mentions if m.surface == "我院"]


def test_a_basic_or_special_courts_named_tribunal_is_its_own() -> None:
    r = run("兰州铁路运输法院环境资源法庭审理案件。")
    tribunal = next(c for c in r.courts if c.level == "tribunal")
    assert tribunal.name == "兰州铁路运输法院环境资源法庭"
    assert tribunal.parent == "兰州铁路运输法院"
    r = run("明山区法院茶产业环境保护法庭成立。")
    assert "辽宁省本溪市明山区人民法院茶产业环境保护法庭" in [c.name for c in r.courts]
    # an intermediate court's is its city's special tribunal, as before
    assert "苏州知识产权法庭" in names("苏州中院知识产权法庭审理案件。")


def test_spc_tribunals_and_dispatched_tribunals() -> None:
    assert names("最高人民法院知识产权法庭审理上诉案件。") == ["最高人民法院知识产权法庭"]
    assert names("最高法第二国际商事法庭开庭。") == ["最高人民法院第二国际商事法庭"]
    r = run("宁波海事法院舟山派出法庭开庭。")
    assert [c.name for c in r.courts if c.level == "tribunal"] == ["宁波海事法院舟山派出法庭"]
    r = run("明山区法院高台子派出法庭开庭。")
    assert "辽宁省本溪市明山区人民法院高台子人民法庭" in [c.name for c in r.courts]
    # a railway court is a basic court: its 派出法庭 is a people's tribunal
    r = run("沈阳铁路运输法院某某派出法庭开庭。")
    assert "沈阳铁路运输法院某某人民法庭" in [c.name for c in r.courts]


def test_wo_yuan_visiting_another_court_stays_the_visitor() -> None:
    r = run("3月5日，我院院长某某一行到明山区人民法院调研指导工作。\n本溪中院推进诉源治理。")
    assert r.home == "辽宁省本溪市中级人民法院"


def test_a_prefectures_full_name_with_fayuan_is_its_courts_unless_one_courts_organ() -> None:
    # 某市法院 doing the year's work is the city's courts (a group), not its 中院
    r = run("近年来，本溪市法院坚持调解优先，各基层法院推进诉源治理。")
    assert r.courts == []
    assert [m.court for m in r.mentions if m.surface == "本溪市法院"] == [
        "AGG:辽宁省本溪市全市法院"
    ]
    # its 党组, its president or its meeting are the intermediate court's
    assert names("本溪市法院党组召开会议，部署全年工作。") == ["辽宁省本溪市中级人民法院"]
    assert names("本溪市法院院长在会上讲话。") == ["辽宁省本溪市中级人民法院"]
    assert names("本溪市法院执行局开展专项行动。") == ["辽宁省本溪市中级人民法院"]
    # a name alone (a person's unit) is the court
    assert resolve_court_name("本溪市法院").name == "辽宁省本溪市中级人民法院"
    # a county-level city's court is a court as before
    assert names("海城市法院推进诉源治理。") == ["辽宁省海城市人民法院"]


def test_a_zone_court_written_short_takes_its_official_name() -> None:
    # 经开区 names an 经济开发区 here, an 经济技术开发区 there: the table of zone courts knows
    assert names("张家口经开区法院审结一批案件。") == ["河北省张家口经济开发区人民法院"]
    assert names("济宁高新区法院开展诉前调解。") == ["山东省济宁高新技术产业开发区人民法院"]
    assert names("宁波高新区法院审结一批案件。") == ["浙江省宁波高新技术产业开发区人民法院"]
    # a zone court the table does not list keeps the form written
    assert names("本溪经开区法院审结一批案件。") == ["辽宁省本溪经开区人民法院"]
    # 开发区 alone: the city's one zone court of the table, an 经济开发区's; a city with a
    # high-tech zone court too keeps the form written
    assert names("镇江开发区法院开展巡回审判。") == ["江苏省镇江经济开发区人民法院"]
    assert names("临沂开发区法院开展巡回审判。") == ["山东省临沂开发区人民法院"]


def test_a_tribunal_named_after_a_zone_in_full_after_its_court() -> None:
    r = run("明山区法院开发区人民法庭开展巡回审判。")
    assert "辽宁省本溪市明山区人民法院开发区人民法庭" in [c.name for c in r.courts]
    r = run("明山区法院经济开发区法庭开庭。")
    assert "辽宁省本溪市明山区人民法院经济开发区人民法庭" in [c.name for c in r.courts]
    # alone, the short form stays a generic word
    assert names("明山区法院推动开发区法庭建设。") == ["辽宁省本溪市明山区人民法院"]


def test_a_tribunal_named_after_a_free_trade_zone_after_its_court() -> None:
    r = run("明山区法院自贸区法庭受理涉外商事纠纷。")
    assert "辽宁省本溪市明山区人民法院自贸区人民法庭" in [c.name for c in r.courts]
    # a zone's full name is longer than a town's, and its 由 is no function character
    r = run("本溪市明山区人民法院自由贸易试验区法庭推行在线调解。")
    assert "辽宁省本溪市明山区人民法院自由贸易试验区人民法庭" in [c.name for c in r.courts]
    # a verb or a conjunction before the zone is no part of the tribunal's name
    assert names("明山区法院依托自贸区法庭服务企业。") == ["辽宁省本溪市明山区人民法院"]
    assert names("明山区法院和自贸区法庭联合开展普法。") == ["辽宁省本溪市明山区人民法院"]


def test_a_basic_court_of_its_own_name_written_in_full_with_its_province() -> None:
    # a former farm court's name is no division's: the full form names it, the short follows
    r = run("黑龙江省某垦人民法院推进诉源治理。某垦法院联合农场调解纠纷。")
    assert [(c.name, c.level, c.mentions) for c in r.courts] == [
        ("黑龙江省某垦人民法院", "basic", ["黑龙江省某垦人民法院", "某垦法院"])
    ]
    # groups and levels after a province stay what they were
    assert names("辽宁省各级人民法院开展评查。") == []
    assert names("辽宁省基层人民法院开展评查。") == []
    assert names("获评辽宁省优秀人民法院。") == []
    assert names("辽宁省高级人民法院召开会议。") == ["辽宁省高级人民法院"]


def test_a_bingtuan_tribunal_written_after_its_division() -> None:
    r = run("新疆生产建设兵团第九师某某人民法庭调解纠纷。该师中院指导，某某人民法庭组建调解队。")
    trib = [c for c in r.courts if c.level == "tribunal"]
    assert [(c.name, c.mentions, c.parent) for c in trib] == [
        (
            "新疆生产建设兵团第九师某某人民法庭",
            ["新疆生产建设兵团第九师某某人民法庭", "某某人民法庭"],
            "新疆生产建设兵团第九师中级人民法院",
        )
    ]
    assert names("兵团第九师召开人民法庭工作会议。") == []


def test_a_scope_and_its_peoples_tribunals_are_a_group_not_one_court() -> None:
    assert labels("重庆市高级人民法院召开会议。全市人民法庭认真落实部署。") == [
        ("重庆市高级人民法院", "重庆市高级人民法院"),
        ("全市人民法庭", "AGG:重庆市全市人民法庭"),
    ]
    assert labels("河南省高级人民法院发布案例。全省各地人民法庭积累了经验。")[-1] == (
        "全省各地人民法庭",
        "AGG:河南省全省人民法庭",
    )
    assert labels("河南省高级人民法院召开会议。全省各级人民法院推进诉源治理。")[-1] == (
        "全省各级人民法院",
        "AGG:河南省全省法院",
    )


def test_special_tribunals_a_text_sets_up_keep_their_written_names() -> None:
    r = run(
        "青海省高级人民法院召开会议。全省已设立甲乙原生态法庭、丙丁湖生态法庭和戊己山生态法庭。"
        "戊己山生态法庭审结一案。"
    )
    got = {c.name: (c.level, c.province) for c in r.courts}
    for name in ("甲乙原生态法庭", "丙丁湖生态法庭", "戊己山生态法庭"):
        assert got[name] == ("special", "青海省")
    assert [m.surface for m in r.mentions].count("戊己山生态法庭") == 2
    # a city's financial or bankruptcy tribunal, like its 知识产权法庭
    assert [(c.name, c.level) for c in run("深圳破产法庭审结一批案件。").courts] == [
        ("深圳破产法庭", "special")
    ]
    # no place's name before the field: a description, no tribunal
    assert names("某区人民法院作为全省首家金融法庭试点开展工作。") == []


def test_a_set_up_tribunals_name_starts_at_a_boundary_and_is_a_places_own() -> None:
    # the name starts after a time, a date or punctuation, not one character before it
    for text in ("近日甲乙原生态法庭挂牌成立。", "2020年6月8日甲乙原生态法庭挂牌成立。"):
        assert names(text) == ["甲乙原生态法庭"], text
    # a province or a city written before it locates it: no part of its name (README: a
    # special court is named without its province), the place's province is its own
    for text in (
        "日前，玉树甲乙原生态法庭揭牌。",
        "青海甲乙原生态法庭挂牌。",
        "设立玉树州甲乙原生态法庭。",
    ):
        got = [(c.name, c.province) for c in run(text).courts]
        assert got == [("甲乙原生态法庭", "青海省")], text
    # a place's name that holds a place (青海湖 after 青海) stays whole
    assert names("设立丙丁湖生态法庭和青海湖生态法庭。") == ["丙丁湖生态法庭", "青海湖生态法庭"]
    # a description or a field of cases names no tribunal
    for text in (
        "全省设立专门生态法庭。",
        "某市设立了金融破产法庭。",
        "省高院批复同意设立跨区域生态法庭。",
        "推动设立专业化生态法庭。",
        "我省设立多个生态法庭。",
        "各地设立各类金融法庭。",
    ):
        assert names(text) == [], text


def test_a_tribunal_named_by_its_town_and_a_field_of_cases_after_its_court() -> None:
    r = run("崇州市人民法院街子旅游法庭开庭审理一起纠纷。")
    assert "四川省崇州市人民法院街子旅游人民法庭" in [c.name for c in r.courts]
    # a field of cases alone is a division, not a tribunal
    assert names("崇州市人民法院旅游法庭开庭。") == ["四川省崇州市人民法院"]
    # after the town, a form of sitting (巡回, 共享) is no field of cases
    assert names("崇州市人民法院街子共享法庭开庭。") == ["四川省崇州市人民法院"]


def test_a_provinces_full_name_with_fayuan_is_its_courts_unless_one_courts_organ() -> None:
    r = run("上半年，辽宁省法院新收案件十万件。")
    assert r.courts == []
    assert [m.court for m in r.mentions] == ["AGG:辽宁省全省法院"]
    assert names("辽宁省法院召开新闻发布会。") == ["辽宁省高级人民法院"]
    # the context form 省法院 stays the high court
    assert names("沈阳中院落实省法院部署。") == [
        "辽宁省沈阳市中级人民法院",
        "辽宁省高级人民法院",
    ]


def test_a_quoted_tribunal_word_followed_by_a_brand_word_is_no_tribunal() -> None:
    text = "明山区法院东湖法庭开展调解。“某乡法庭”模式写入工作报告。"
    assert all("某乡" not in c.name for c in run(text).courts)


def test_the_courts_of_the_whole_country_are_a_group_not_an_honours_name() -> None:
    r = run("全国法院推进诉源治理，全国各级法院开通网上立案。")
    assert [(m.surface, m.court) for m in r.mentions] == [
        ("全国法院", "AGG:全国法院"),
        ("全国各级法院", "AGG:全国法院"),
    ]
    assert r.courts == []
    # 全国法院先进集体 names an honour: no group of courts
    assert [m.court for m in run("乙镇法庭荣获全国法院先进集体称号。").mentions] == []


def test_a_tribunal_written_right_after_its_court_with_a_central_or_subordinate_word() -> None:
    # 某某中心法庭 right after its court, 某某 a town of the court's county
    assert names("项城市人民法院秣陵中心法庭举行乔迁仪式。") == [
        "河南省项城市人民法院秣陵中心人民法庭",
        "河南省项城市人民法院",
    ]
    # 下辖的 between a court and a tribunal named by a place (a zone, a town)
    assert names("贺兰法院下辖的金山工业园区人民法庭开展巡回审判。")[0] == (
        "宁夏回族自治区贺兰县人民法院金山工业园区人民法庭"
    )
    assert names("贺兰县人民法院下辖的习岗人民法庭开展调解。")[0] == (
        "宁夏回族自治区贺兰县人民法院习岗人民法庭"
    )
    # after 下辖的 a word that names no place is no tribunal
    assert names("贺兰县人民法院所辖的农村人民法庭开展调解。") == ["宁夏回族自治区贺兰县人民法院"]
    assert names("贺兰县人民法院下辖的各人民法庭开展调解。") == ["宁夏回族自治区贺兰县人民法院"]


def test_a_railway_court_written_with_its_bureaus_short_name() -> None:
    assert names("郑铁法院审结一起运输合同纠纷。") == ["郑州铁路运输法院"]
    assert names("去年沈铁法院开展行政审判。") == ["沈阳铁路运输法院"]
    # the intermediate court keeps its own short form
    assert names("郑铁中院审理上诉案件。") == ["郑州铁路运输中级法院"]


def test_the_zhengzhou_airport_zone_court_takes_its_official_name() -> None:
    assert names("航空港区法院开展诉前调解，郑州航空港区法院还设立了工作站。") == [
        "河南省郑州航空港经济综合实验区人民法院"
    ]


def test_a_quoted_mobile_or_language_hearing_is_no_tribunal() -> None:
    text = "明山区法院组织“背包法庭”进村，并开展“壮语法庭”巡回审判。"
    assert names(text) == ["辽宁省本溪市明山区人民法院"]
    # a quoted name followed by 特色品牌 is a brand
    text = "明山区法院打造“桃花法庭”特色品牌。"
    assert names(text) == ["辽宁省本溪市明山区人民法院"]


def test_zone_courts_with_two_names_or_an_official_name_of_their_own() -> None:
    # a new area's court with two names (天府新区 / 四川自贸区)
    assert names("天府新区法院与四川自贸区法院是同一家法院。") == ["四川天府新区成都片区人民法院"]
    # a high-tech zone's court that is also a district's court
    assert names("无锡高新区法院审结一批案件。") == ["江苏省无锡市新吴区人民法院"]
    assert names("苏州高新区法院审结一批案件。") == ["江苏省苏州市虎丘区人民法院"]
    assert names("成都高新区法院审结一批案件。") == ["四川省成都高新技术产业开发区人民法院"]


def test_a_full_tribunal_name_joined_to_the_one_basic_court_of_the_article() -> None:
    # 及 / 的 join a tribunal written in full to the only basic court the article names
    text = "贺兰县人民法院副院长张某及青松岭人民法庭庭长李某走访了辖区企业。"
    assert "宁夏回族自治区贺兰县人民法院青松岭人民法庭" in names(text)
    text = "在贺兰县人民法院的青松岭人民法庭，调解员正在接待群众。"
    assert "宁夏回族自治区贺兰县人民法院青松岭人民法庭" in names(text)
    # two basic courts named: whose tribunal it is stays unknown
    text = "贺兰县人民法院与永宁县人民法院的青松岭人民法庭共同调解。"
    assert all(not n.endswith("青松岭人民法庭") for n in names(text))
    # a word that names no place is no tribunal's name
    text = "贺兰县人民法院公布示范法庭和候选人民法庭名单，做好与周边人民法庭的衔接。"
    assert names(text) == ["宁夏回族自治区贺兰县人民法院"]


def test_bare_intermediate_court_is_the_article_citys() -> None:
    """中院 alone (中院党组, ，中院组织…) is the intermediate court of the city the article is
    about; a list of court levels (高院、中院和基层法院, 各分、中院) names no court."""
    text = "淄博市淄川区人民法院召开会议。会上，中院党组成员作了讲话，中院组织观摩。"
    assert "山东省淄博市中级人民法院" in names(text)
    for t in (
        "淄博市淄川区人民法院召开会议，高院、中院和基层法院的代表参加。",
        "淄博市淄川区人民法院召开会议，各分、中院的代表参加。",
        "淄博市淄川区人民法院召开会议，中院和基层法院的代表参加。",
        "召开会议，中院党组成员作了讲话。",
    ):
        assert not any("中级" in n for n in names(t)), t


def test_a_short_tribunal_of_the_one_county_of_the_city_with_that_town() -> None:
    """庙滩法庭 in an article about 襄阳: 庙滩 is a town of one county of that city only."""
    text = "襄阳市襄州区人民法院召开会议。\n庙滩法庭邀请代表参与调解。"
    assert "湖北省谷城县人民法院庙滩人民法庭" in names(text)
    # no city named: the short form alone says nothing
    assert not any("庙滩" in n for n in names("庙滩法庭邀请代表参与调解。"))


def test_a_tribunal_named_after_a_beijing_township() -> None:
    text = "房山区人民法院召开会议，良乡法庭作交流发言。"
    assert "北京市房山区人民法院良乡人民法庭" in names(text)


def test_bare_intermediate_court_is_never_read_from_a_high_courts_article() -> None:
    """中院 alone is one city's intermediate court only when the article's own court is in
    that city: a high court's meeting, a directive (中院要…) and a list with 省法院 name
    none."""
    for t in (
        "甘肃省高级人民法院在兰州召开全省法院诉源治理工作推进会。会议要求，中院要加强指导，"
        "推行多元解纷机制。",
        "广东省高级人民法院召开会议，深圳、广州法院作交流发言。会议强调，中院要推进诉源治理，"
        "基层法院要做实多元解纷。",
        "广东省高级人民法院召开会议，广州法院作交流发言。会后，中院组织观摩。",
        "淄博市淄川区人民法院召开会议。会议指出，中院应当加强指导。",
        "淄博市淄川区人民法院召开会议。会上，省法院和中院分别成立工作专班。",
        "淄博市淄川区人民法院召开会议。会上，省高院和中院分别成立工作专班。",
    ):
        assert not any("中级" in n for n in names(t)), t
    # the home court's own 中院, not the city named most
    text = "淄博市淄川区人民法院召开会议，济南、济南法院代表参加。会上，中院党组成员作了讲话。"
    assert "山东省淄博市中级人民法院" in names(text)
    assert "山东省济南市中级人民法院" not in names(text)


def test_a_nickname_of_a_way_of_hearing_cases_is_no_towns_tribunal() -> None:
    """板凳法庭, 马背法庭, 草原法庭 are ways of hearing cases in a city's article, though a
    county of the city has a town of that name; a name in quotes is such a nickname too."""
    for t in (
        "巴中市中级人民法院推行“板凳法庭”，法官带着板凳法庭进村入户。",
        "承德市中级人民法院推行马背法庭、草原法庭巡回审判。",
        "襄阳市中级人民法院推广“庙滩法庭”经验。",
    ):
        assert not any("人民法庭" in n for n in names(t)), t


def test_a_quoted_bare_tribunal_name_after_a_court_is_no_tribunal_of_it() -> None:
    """A bare 某某法庭 after a court's name is that court's tribunal, unless the article quotes
    it (a title, 被评为“达标法庭”) or it is a nickname of a way of hearing (“板凳法庭”)."""
    for t in (
        "宁陕县人民法院推进法庭建设，其中三个法庭被评为“达标法庭”。",
        "观察员走进嘉定区法院，从“板凳法庭”“共治驿站”，到调解工作室。",
    ):
        assert not any("人民法庭" in n for n in names(t)), t
    # a tribunal named bare after its court, unquoted, is still read
    text = "门头沟区法院设有三个法庭，分别是斋堂法庭、雁翅法庭。"
    assert "北京市门头沟区人民法院斋堂人民法庭" in names(text)


def test_a_county_court_written_bare_is_the_court_of_the_towns_the_article_names() -> None:
    """An article that names no county but two townships of one (在甲镇、乙镇…) is about that
    county: its 区人民法院 is that county's court. One town, or towns many counties share, is
    not enough; a place's short name before 镇 is the town's, not the city's (南平镇)."""
    text = "今年，区人民法院在斋堂镇、雁翅镇设立法官工作站。"
    assert names(text) == ["北京市门头沟区人民法院"]
    assert names("区人民法院在斋堂镇设立法官工作站。") == []
    assert names("县法院在城关镇、新城乡开展巡回审判。") == []
    assert names("市中级人民法院派员到南平镇调研。") == []
    assert names("南平市中级人民法院派员到某镇调研。") == ["福建省南平市中级人民法院"]


def test_a_tribunal_written_in_full_in_an_article_about_one_county() -> None:
    """某某人民法庭 in full, a word of its own, in an article about one county (one basic court
    named, or none and one county named) is that court's tribunal though the gazetteer lacks
    the place, when the article also writes it short (某某法庭) or it is a central tribunal
    named again; a run of words before 人民法庭 is none."""
    text = "海淀区法院召开会议。调解员把笔录交给北坞人民法庭法官，北坞法庭随即审查。"
    assert "北京市海淀区人民法院北坞人民法庭" in names(text)
    text = "札达县召开表彰会。“先进集体”雪松中心人民法庭受到表彰，雪松中心人民法庭法官发言。"
    assert names(text) == ["西藏自治区札达县人民法院雪松中心人民法庭"]
    text = "甘谷县人民法院召开会议，紧紧抓住人民法庭建设，紧紧抓住人民法庭队伍。"
    assert names(text) == ["甘肃省甘谷县人民法院"]


def test_bare_intermediate_court_of_a_city_article_citing_its_high_court() -> None:
    """A city's article that cites the high court first (在省高院的考核中) still has its own
    中院; a high court that holds the meeting itself does not."""
    text = "在山西省高级人民法院的考核中，阳泉法院名列第一。中院党组高度重视。"
    assert "山西省阳泉市中级人民法院" in names(text)
    text = "山西省高级人民法院召开会议。会上，中院党组成员发言，阳泉法院参加。"
    assert not any("中级" in n for n in names(text))


# -- verbs are no tribunal's place -----------------------------------------------------


def test_a_visit_verb_after_a_court_is_no_tribunal() -> None:
    # 调研 run on from the court's name is what the visitors did, not a tribunal's place
    got = names("十堰中院院长一行到竹山县法院调研人民法庭建设情况，听取工作汇报。")
    assert "湖北省竹山县人民法院调研人民法庭" not in got
    assert "湖北省竹山县人民法院" in got


@pytest.mark.parametrize("verb", ["交流学习", "学习考察", "观摩学习", "学习借鉴"])
def test_a_learning_visit_verb_after_a_court_is_no_tribunal(verb: str) -> None:
    # 甲法院前往乙法院交流学习人民法庭建设: the study is the visitors', not a tribunal's name
    got = names(f"竹溪县法院干警前往竹山县法院{verb}人民法庭建设经验。")
    assert not any(verb in n for n in got)
    assert "湖北省竹山县人民法院" in got


def test_a_verb_before_a_full_tribunal_form_is_no_name() -> None:
    text = "木垒县人民法院结合法庭特点开展工作；结合人民法庭靠近牧区的优势，设立“毡房”调解室。"
    assert names(text) == ["新疆维吾尔自治区木垒哈萨克自治县人民法院"]


def test_a_bare_tribunal_after_a_verb_is_the_courts() -> None:
    # 依托 opens the words before 法庭: the name is what follows it
    text = "今年以来，武汉市黄陂区人民法院持续深化诉源治理，依托汉口北法庭“一站式”平台化解纠纷。"
    assert "湖北省武汉市黄陂区人民法院汉口北人民法庭" in names(text)


# -- development-zone courts -------------------------------------------------------------


def test_a_zone_court_written_short_is_the_one_written_in_full() -> None:
    text = "株洲高新技术产业开发区人民法院举办开放日。会上，株洲中院、高新区法院分别介绍经验。"
    got = names(text)
    assert "湖南省株洲高新技术产业开发区人民法院" in got
    assert "湖南省株洲高新区人民法院" not in got


def test_a_new_technology_zone_court_without_its_city() -> None:
    # 东湖新技术开发区: a zone of its own name, its city from the article
    text = "武汉市中级人民法院通报：东湖新技术开发区法院受理案件同比上升，武昌区法院持平。"
    assert "湖北省武汉东湖新技术开发区人民法院" in names(text)


# -- a tribunal written alone, in full ---------------------------------------------------


def test_a_full_tribunal_of_a_town_unique_in_the_province() -> None:
    # 沙镇溪 is a town of one county only (秭归); the article is about 湖北
    text = "湖北省高级人民法院发布典型经验，沙镇溪人民法庭多年来坚持调解优先。"
    assert "湖北省秭归县人民法院沙镇溪人民法庭" in names(text)


def test_a_three_character_tribunal_opening_a_clause_in_a_county_article() -> None:
    # the one county the article names; the tribunal's place is in no table
    text = "在桦甸市连绵的山区，红石砬人民法庭已坚守六十余年，管辖三个乡镇。"
    assert names(text) == ["吉林省桦甸市人民法院红石砬人民法庭"]


def test_a_four_character_verb_phrase_before_a_tribunal_is_no_name() -> None:
    text = "在桦甸市，法院召开会议，抓紧抓实人民法庭建设。"
    assert not [n for n in names(text) if n.endswith("人民法庭")]


def test_a_clause_opening_tribunal_is_no_praise_nor_another_countys_town() -> None:
    """The three-character rule takes neither a word of praise nor a town the gazetteer
    places in another county (马金 is a town of 开化, 沙镇溪 one of 秭归)."""
    text = "桦甸市人民法院组织干警外出学习，马金镇人民法庭的经验值得借鉴。"
    assert "吉林省桦甸市人民法院马金镇人民法庭" not in names(text)
    text = "桦甸市人民法院召开会议，最美丽人民法庭评选结果揭晓。"
    assert not [n for n in names(text) if n.endswith("人民法庭")]
    text = "湖北省高级人民法院召开会议，黄州区人民法院陈策楼人民法庭介绍经验，沙镇溪人民法庭作交流发言。"
    found = names(text)
    assert "湖北省黄冈市黄州区人民法院沙镇溪人民法庭" not in found
    assert "湖北省秭归县人民法院沙镇溪人民法庭" in found


def test_a_tribunal_named_after_the_county_seat_is_the_one_courts() -> None:
    """城关, 环城, 城区 name a tribunal of any county's seat: in an article naming one basic
    court, no gazetteer town of that name puts it in another county of the same city."""
    text = "黄冈市黄梅县人民法院近日部署诉源治理工作，城关法庭负责人作表态发言。"
    assert "湖北省黄梅县人民法院城关人民法庭" in names(text)
    text = "公主岭市人民法院获长春市表彰，环城人民法庭被评为示范法庭。"
    assert "吉林省公主岭市人民法院环城人民法庭" in names(text)
    # two basic courts named: the rule does not guess between them
    text = "黄梅县人民法院和红安县人民法院交流经验，城关法庭负责人作表态发言。"
    found = names(text)
    assert "湖北省黄梅县人民法院城关人民法庭" not in found
    assert {"湖北省黄梅县人民法院", "湖北省红安县人民法院"} <= set(found)


def test_a_seats_tribunal_as_a_kind_or_another_countys_is_not_the_one_courts() -> None:
    # kinds of tribunals listed or told what to do: no tribunal at all
    text = "浠水县人民法院推进法庭建设，城区法庭、城乡结合法庭、乡村法庭分类施策。"
    assert names(text) == ["湖北省浠水县人民法院"]
    text = "浠水县人民法院出台意见，城区法庭要突出专业，城郊法庭要兼顾城乡。"
    assert names(text) == ["湖北省浠水县人民法院"]
    # a neighbouring or another named county's
    assert names("浠水县人民法院组织干警到邻县的城关法庭学习。") == ["湖北省浠水县人民法院"]
    assert names("浠水县人民法院组织干警到英山县的城关法庭学习。") == ["湖北省浠水县人民法院"]
    # the one court's own still
    found = names("浠水县人民法院院长到城关法庭调研。")
    assert "湖北省浠水县人民法院城关人民法庭" in found
    found = names("浠水县人民法院召开会议，城区法庭、清泉法庭负责人发言。")
    assert "湖北省浠水县人民法院城区人民法庭" in found


def test_another_countrys_supreme_court_is_not_the_spc() -> None:
    assert names("甲国、乙国等5个国家最高法院院长出席论坛。") == []
    assert names("成员国最高法院院长会议在京举行。") == []
    assert names("我国最高法院发布典型案例。") == ["最高人民法院"]
    assert names("最高法院发布典型案例。") == ["最高人民法院"]


def test_a_papers_verbs_before_a_bare_tribunal_are_no_place() -> None:
    text = "本文以新疆塔城地区裕民县人民法院吉也克人民法庭为例，试探析人民法庭的职能。这明确人民法庭的职责。"
    assert names(text) == [
        "新疆维吾尔自治区裕民县人民法院吉也克人民法庭",
        "新疆维吾尔自治区裕民县人民法院",
    ]


def test_a_bingtuan_court_written_after_the_bingtuan() -> None:
    assert names("新疆兵团车排子垦区人民法院调解纠纷。受到自治区高院兵团分院表彰。") == [
        "新疆生产建设兵团车排子垦区人民法院",
        "新疆维吾尔自治区高级人民法院生产建设兵团分院",
    ]


def test_a_forest_intermediate_court_and_its_short_form() -> None:
    r = run("松江林区法院召开会议。吉林省松江林区中级法院会同红石林区基层法院部署工作。")
    assert [(c.name, c.level) for c in r.courts] == [
        ("松江林区中级法院", "intermediate"),
        ("红石林区基层法院", "basic"),
    ]


def test_this_court_after_a_court_that_promotes_and_no_other_court() -> None:
    # 在甲县法院推动下，综治中心…，该院…: no other court acts in the sentence, so the court
    # that promotes is the one 该院 speaks of (not a court of an earlier sentence)
    text = "温州中院调研组到平阳调研。在平阳县法院推动下，县综治中心设立调解室，该院派驻法官三名。"
    assert [m.court for m in run(text).mentions if m.surface == "该院"] == ["浙江省平阳县人民法院"]
    # with another court acting in the sentence the guide is still passed over
    text = "温州中院调研组到平阳调研。在温州中院指导下，平阳县法院设立调解室，该院派驻法官三名。"
    assert [m.court for m in run(text).mentions if m.surface == "该院"] == ["浙江省平阳县人民法院"]


def test_outcome_of_this_court_after_a_court_that_promotes() -> None:
    from ingest.extract import extract_document

    text = "温州中院调研组到平阳调研。在平阳县法院推动下，县综治中心设立调解室，该院派驻法官9名。"
    ex = extract_document(SourceDocument(path="t.txt", text=text))
    assert {o.unit for o in ex.outcomes if o.value == 9} == {"浙江省平阳县人民法院"}


# -- roster gaps of 2026-12-07: renamed farm courts, municipal named tribunals, railway and
# zone courts (table rows of real courts) ----------------------------------------------------


def test_renamed_farm_courts_are_basic_courts_under_the_farm_intermediate_court() -> None:
    r = run("红兴隆法院组织干警下连队送达文书。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("黑龙江省红兴隆人民法院", "basic", "黑龙江省农垦中级法院")
    ]
    # the merged court of two farm bureaus, written short and in full
    r = run("黑龙江省绥北人民法院召开党组会。会后绥北法院部署诉前调解工作。")
    assert [c.name for c in r.courts] == ["黑龙江省绥北人民法院"]
    assert names("宝泉岭人民法院在江滨农场设立巡回审判点。") == ["黑龙江省宝泉岭人民法院"]
    # a county's court keeps its own name
    assert names("兴隆县法院开展巡回审判。") == ["河北省兴隆县人民法院"]


def test_a_municipalitys_bankruptcy_and_ip_tribunals() -> None:
    r = run("重庆破产法庭审结一批重整案件，重庆知识产权法庭发布典型案例。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("重庆破产法庭", "special", "重庆市第五中级人民法院"),
        ("重庆知识产权法庭", "special", "重庆市第一中级人民法院"),
    ]
    assert [c.name for c in run("北京破产法庭召开新闻发布会。").courts] == ["北京破产法庭"]
    # the city's courts trying bankruptcy cases are no tribunal
    assert names("重庆法院加强破产审判工作。") == []


def test_railway_courts_the_partial_list_missed() -> None:
    r = run("临汾铁路运输法院审结一起环境资源案件。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("临汾铁路运输法院", "special", "太原铁路运输中级法院")
    ]
    assert names("开远铁路运输法院召开会议。") == ["开远铁路运输法院"]


def test_zone_courts_of_more_cities_take_their_official_names() -> None:
    text = "临沂中院召开座谈会，临沂高新区法院和经开区法院作交流发言。"
    assert names(text) == [
        "山东省临沂市中级人民法院",
        "山东省临沂高新技术产业开发区人民法院",
        "山东省临沂经济技术开发区人民法院",
    ]
    assert names("邯郸经开区法院开展集中执行行动。") == ["河北省邯郸经济技术开发区人民法院"]
    assert names("廊坊经开区法院审结一批案件。") == ["河北省廊坊经济技术开发区人民法院"]


def test_a_negation_before_a_tribunal_names_none() -> None:
    # the zone court has no tribunal: 无 is no place's name
    assert names("邯郸经开区法院无派出法庭，案件由院机关审理。") == [
        "河北省邯郸经济技术开发区人民法院"
    ]
    # a qualifying clause about tribunals in general, after the one tribunal of the article
    assert names("走进宾川县人民法院金牛人民法庭，大厅简洁明亮，又不失人民法庭的庄重。") == [
        "云南省宾川县人民法院金牛人民法庭",
        "云南省宾川县人民法院",
    ]
    # a town whose name starts with a negation is still a tribunal's place
    assert "安徽省无为市人民法院无城人民法庭" in names("无为市人民法院无城法庭调解纠纷。")


def test_new_area_courts_written_short() -> None:
    assert names("南太湖新区法院跨区域审理环境资源案件。") == ["浙江省湖州南太湖新区人民法院"]
    r = run("东湖新技术开发区法院东湖科学城人民法庭重新启用。")
    assert [(c.name, c.level) for c in r.courts] == [
        ("湖北省武汉东湖新技术开发区人民法院东湖科学城人民法庭", "tribunal"),
        ("湖北省武汉东湖新技术开发区人民法院", "basic"),
    ]


def test_a_tribunal_named_by_a_farms_or_regiments_number_after_its_court() -> None:
    r = run("宝泉岭农垦法院856人民法庭开展巡回审判。")
    assert ("宝泉岭农垦法院856人民法庭", "tribunal") in [(c.name, c.level) for c in r.courts]
    r = run("石河子市人民法院147团法庭调解一起土地纠纷。")
    assert "新疆维吾尔自治区石河子市人民法院147团人民法庭" in [c.name for c in r.courts]
    # after any other court a bare number is a courtroom, and a count is a count
    assert names("宾川县人民法院201法庭公开开庭。") == ["云南省宾川县人民法院"]
    assert names("宾川县人民法院下设3个人民法庭。") == ["云南省宾川县人民法院"]
    # after a farm court too: a bare number is a courtroom; 农场 or 人民法庭 names the farm's
    for text in (
        "宝泉岭农垦法院102法庭公开开庭审理一起借款纠纷。",
        "红兴隆农垦法院301法庭公开宣判。",
    ):
        assert not [c for c in run(text).courts if c.level == "tribunal"], text
    r = run("红兴隆农垦法院853农场法庭开展巡回审判。")
    assert [c.name for c in r.courts if c.level == "tribunal"] == ["红兴隆农垦法院853农场人民法庭"]


def test_tribunals_the_table_places_though_no_town_bears_their_name() -> None:
    r = run("小岗村法庭获评全国法院人民法庭工作先进集体。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("安徽省凤阳县人民法院小岗村人民法庭", "tribunal", "安徽省凤阳县人民法院")
    ]
    assert names("黄山经济开发区人民法庭开展诉前调解。") == [
        "安徽省黄山市屯溪区人民法院黄山经济开发区人民法庭"
    ]
    # a longer word holding the name is another place's
    assert names("大小岗村法庭开庭。") == []


def test_a_bingtuan_intermediate_court_under_its_divisions_former_name() -> None:
    r = run("农七师中院召开审判工作会议，奎屯垦区法院作交流发言。")
    assert [c.name for c in r.courts] == [
        "新疆生产建设兵团第七师中级人民法院",
        "新疆生产建设兵团奎屯垦区人民法院",
    ]
    assert names("新疆生产建设兵团农八师中级人民法院召开会议。") == [
        "新疆生产建设兵团第八师中级人民法院"
    ]


def test_the_cross_division_intermediate_courts_under_their_railway_names() -> None:
    assert names("北京铁路运输中级法院审理一起环境公益诉讼。") == ["北京市第四中级人民法院"]
    assert names("上海铁路运输中级法院召开新闻发布会。") == ["上海市第三中级人民法院"]


def test_the_ili_branch_of_the_xinjiang_high_court_written_with_the_high_court() -> None:
    # one court's name, not the high court and its branch
    assert names("新疆高院伊犁分院召开审判委员会会议。") == [
        "新疆维吾尔自治区高级人民法院伊犁哈萨克自治州分院"
    ]


def test_a_courts_opening_or_closing_a_tribunal_is_no_part_of_its_name() -> None:
    r = run("江夏区人民法院撤销五里界人民法庭，案件由院机关审理。")
    assert [c.name for c in r.courts] == [
        "湖北省武汉市江夏区人民法院五里界人民法庭",
        "湖北省武汉市江夏区人民法院",
    ]
    # a place not of the court's county after such a verb names no tribunal of it
    assert names("江夏区人民法院重新启用花山人民法庭。") == ["湖北省武汉市江夏区人民法院"]


def test_a_provinces_free_trade_zone_courts_together_are_no_citys_court() -> None:
    text = "武汉中院召开会议。湖北自贸区法院第三次联席会在武汉举行。"
    assert names(text) == ["湖北省武汉市中级人民法院"]
    # a city's zone court is still read
    assert "湖北省武汉自贸区人民法院" in names("武汉中院召开会议。武汉自贸区法院审结一批案件。")


def test_a_pages_court_is_the_home_its_text_calls_our_court() -> None:
    """The court a page's cut byline names (SourceDocument.page_court) is the 我院 of its
    text, even where the text names another court; it is no court of the article without
    those words."""
    text = "5月17日，我院召开诉源治理推进会，院长赵一鸣主持会议。"
    r = extract_courts(SourceDocument(path="x", text=text, page_court="六安市中级人民法院"))
    assert r.home == "安徽省六安市中级人民法院"
    assert [c.name for c in r.courts] == ["安徽省六安市中级人民法院"]
    assert {m.court for m in r.mentions if m.surface == "我院"} == {r.home}
    text = "5月17日，霍邱县人民法院召开推进会，我院副院长钱立新出席会议。"
    r = extract_courts(SourceDocument(path="x", text=text, page_court="六安市中级人民法院"))
    assert r.home == "安徽省六安市中级人民法院"
    # no 我院/本院: the page's court is no court of the article
    text = "5月17日，霍邱县人民法院召开诉源治理推进会。"
    r = extract_courts(SourceDocument(path="x", text=text, page_court="六安市中级人民法院"))
    assert [c.name for c in r.courts] == ["安徽省霍邱县人民法院"]
    r = extract_courts(
        SourceDocument(path="x", text="会议部署了工作。", page_court="六安市中级人民法院")
    )
    assert r.courts == [] and r.home is None


# -- eighteenth session: lists, tribunals and zone courts the courts finder missed -----------


def test_an_elliptical_list_of_high_courts_or_of_two_places() -> None:
    assert names("河北高院与北京、天津高院签订了协作协议。") == [
        "河北省高级人民法院",
        "北京市高级人民法院",
        "天津市高级人民法院",
    ]
    # 两地法院: a count of the places, as 三家法院
    r = run("临沂中院在河东、罗庄两地法院召开了座谈会。")
    assert ("罗庄", "山东省临沂市罗庄区人民法院") in labels(
        "临沂中院在河东、罗庄两地法院召开了座谈会。"
    )
    assert "山东省临沂市河东区人民法院" in [c.name for c in r.courts]
    assert names("福建、广东两地法院参加会议。") == []


def test_a_list_whose_last_place_is_a_zone_court() -> None:
    """邯山区、经开区法院: the last place with 法院 is a zone court read by its pattern, so the
    list names two courts though the roster has a key for one."""
    assert names("邯郸中院院长赶到邯山区、经开区法院督导执行。") == [
        "河北省邯郸市中级人民法院",
        "河北省邯郸市邯山区人民法院",
        "河北省邯郸经济技术开发区人民法院",
    ]


def test_a_tribunal_written_with_and_without_its_towns_word_is_one() -> None:
    """西吉县人民法院兴隆镇人民法庭 and 西吉法院兴隆法庭 are one tribunal, named as the full
    form writes it (the corpus keeps 镇 when it is written), whichever comes first."""
    full = "王某，西吉县人民法院兴隆镇人民法庭庭长。"
    short = "西吉法院兴隆法庭的干警下乡送达。"
    for text in (full + short, short + full):
        tribunals = [c.name for c in run(text).courts if c.level == "tribunal"]
        assert tribunals == ["宁夏回族自治区西吉县人民法院兴隆镇人民法庭"]
    # written in full without 镇: that name
    text = "西吉法院兴隆镇法庭开庭。王某，西吉县人民法院兴隆人民法庭庭长。"
    tribunals = [c.name for c in run(text).courts if c.level == "tribunal"]
    assert tribunals == ["宁夏回族自治区西吉县人民法院兴隆人民法庭"]


def test_a_county_written_before_a_tribunals_town_is_its_parent_named() -> None:
    r = run("北京法院的调研组来到丰台区王佐法庭，听取了汇报。")
    assert [(c.name, c.mentions) for c in r.courts if c.level == "basic"] == [
        ("北京市丰台区人民法院", ["丰台区"])
    ]
    assert "北京市丰台区人民法院王佐人民法庭" in [c.name for c in r.courts]
    r = run("临沂中院先后到河东汤头、相公法庭和沂南青驼法庭调研。")
    found = {c.name: c.mentions for c in r.courts}
    assert found["山东省临沂市河东区人民法院汤头人民法庭"] == ["河东汤头"]
    assert found["山东省临沂市河东区人民法院"] == ["河东"]
    assert found["山东省沂南县人民法院"] == ["沂南"]
    assert "山东省沂南县人民法院青驼人民法庭" in found
    # a town named after another county's name is no parent written (吕田 is 从化's)
    assert [
        c.name for c in run("吕田法庭位于从化吕田镇。广州中院。").courts if c.level == "basic"
    ] == []


def test_an_area_named_cheng_is_a_tribunals_place_after_its_court() -> None:
    """生态城, 科技城: an area's name holds a word of a field of cases (生态), but after its
    court it is the place of a tribunal; 生态法庭 alone stays a field of cases."""
    assert "天津市滨海新区人民法院生态城人民法庭" in names(
        "天津滨海新区人民法院生态城法庭的法官连线当事人。"
    )
    assert names("天津滨海新区人民法院生态法庭审理环境案件。") == ["天津市滨海新区人民法院"]


def test_a_municipalitys_free_trade_zone_court_written_in_full() -> None:
    r = run("管委会与天津自由贸易试验区人民法院共建调解室。")
    assert [(c.name, c.level, c.province) for c in r.courts] == [
        ("天津自由贸易试验区人民法院", "basic", "天津市")
    ]
    assert names("湖北自由贸易试验区人民法院审结案件。") == []


def test_a_citys_international_commercial_tribunal_is_a_special_court() -> None:
    r = run("南京国际商事法庭审结一起跨境贸易纠纷。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("南京国际商事法庭", "special", "江苏省南京市中级人民法院")
    ]
    # 深圳 and 西安 seat the SPC's own international commercial courts: no city's is guessed
    assert names("深圳国际商事法庭审结一起跨境纠纷。") == []


def test_the_farm_courts_together_are_a_group() -> None:
    text = "农垦法院按照省法院的思路推进诉源治理，农垦中院开设专栏。"
    assert ("农垦法院", "AGG:黑龙江省农垦两级法院") in labels(text)
    assert "黑龙江省农垦中级法院" in names(text)
    # a farm court with its place before is a court of its own
    assert names("宝泉岭农垦法院推进诉源治理。") == ["宝泉岭农垦法院"]


def test_a_context_form_after_a_reading_mojibake_left_names_no_court() -> None:
    """驵l（xiāng）市人民法院: the place before 市 was eaten with the reading left over; it is
    no 市人民法院 of the article's city."""
    text = "长沙中院召开会议。“两家不可能心平气和？！苯眨谙驵l（xiāng）市人民法院的法官调解。"
    assert [m.surface for m in run(text).mentions] == ["长沙中院"]
    # a reading after a whole character (text not yet normalised) eats nothing
    text = "长沙中院召开会议。法官落實(shí)市人民法院的部署。"
    assert [m.surface for m in run(text).mentions] == ["长沙中院", "市人民法院"]
    # without the reading 市人民法院 is the city's court
    assert [m.surface for m in run("长沙中院召开会议。市人民法院的法官调解。").mentions] == [
        "长沙中院",
        "市人民法院",
    ]


def test_a_towns_scenic_area_names_a_tribunal() -> None:
    """八里河风景区法庭: 八里河 is a town of 颍上县 only, in the article's prefecture."""
    r = run("阜阳中院召开会议。八里河风景区法庭巡回审理一起纠纷。")
    assert "安徽省颍上县人民法院八里河风景区人民法庭" in [c.name for c in r.courts]
    # a kind of area, no town's: no tribunal
    assert names("阜阳中院召开会议。旅游景区法庭巡回审理纠纷。") == ["安徽省阜阳市中级人民法院"]


def test_a_short_form_before_the_tribunals_form_after_its_court() -> None:
    """生态城法庭 in a lead, then 某区人民法院生态城法庭: the same tribunal; a place two courts'
    tribunals are named after gives the earlier short form to neither."""
    text = "居民通过视频与生态城法庭连线。天津滨海新区人民法院生态城法庭的法官主持调解。"
    assert ("生态城法庭", "天津市滨海新区人民法院生态城人民法庭") in labels(text)
    text = (
        "记者来到生态城法庭。天津滨海新区人民法院生态城法庭审结一案，"
        "苏州工业园区人民法院生态城法庭审结一案。"
    )
    assert [m.surface for m in run(text).mentions if m.surface == "生态城法庭"] == []


def test_a_seats_tribunal_is_placed_by_no_gazetteer_town() -> None:
    """城关法庭 alone in an article about a city: every county's seat may have one, so the one
    county of the city whose gazetteer town is 城关 is no evidence; written after its county
    (隆德县城关法庭) or in an article about one court it is placed."""
    assert names("固原中院召开会议，城关法庭参加。") == ["宁夏回族自治区固原市中级人民法院"]
    assert "宁夏回族自治区隆德县人民法院城关人民法庭" in names("隆德县城关法庭开庭。")
    assert "宁夏回族自治区隆德县人民法院城关人民法庭" in names("隆德县法院召开会议，城关法庭参加。")


def test_a_municipal_districts_short_name_resolves_from_context_or_not_at_all() -> None:
    """普陀法院 is 上海's or 舟山's, 和平法院 天津's, 沈阳's or 和平县's: the article's places
    decide, and without any the name is left alone (a wrong court is worse than none)."""
    assert names("普陀法院深化繁简分流，物业纠纷调撤率上升。") == []
    assert names("普陀法院为上海营商环境建设提供服务。") == ["上海市普陀区人民法院"]
    assert names("舟山普陀法院推行海上巡回审判。") == ["浙江省舟山市普陀区人民法院"]
    assert names("和平法院召开会议。") == []
    assert names("和平法院召开会议，天津高院派员指导。")[0] == "天津市和平区人民法院"
    assert names("徐汇法院召开会议。") == ["上海市徐汇区人民法院"]


def test_bare_farm_courts_are_heilongjiangs_only_where_the_text_is_about_it() -> None:
    # 赴新疆生产建设兵团学习，农垦法院的同志…: the 兵团's farm courts, not 黑龙江's
    text = "甲县法院赴新疆生产建设兵团学习，农垦法院的同志介绍了经验。"
    assert not [c for _, c in labels(text) if "农垦" in c], labels(text)
    text = "甲县法院赴黑龙江学习，农垦法院的同志介绍了经验。"
    assert ("农垦法院", "AGG:黑龙江省农垦两级法院") in labels(text)


def test_a_proposed_or_unknown_municipal_free_trade_zone_court_is_no_court() -> None:
    # 上海 has no court of that name, and one proposed (建议设立) does not exist
    assert names("上海自由贸易试验区人民法院的设立条件已成熟。") == []
    assert names("专家建议设立天津自由贸易试验区人民法院。") == []


def test_beijings_international_commercial_court_is_under_the_fourth_intermediate_court() -> None:
    r = run("北京国际商事法庭审结案件五十件。")
    assert [(c.name, c.level, c.parent) for c in r.courts] == [
        ("北京国际商事法庭", "special", "北京市第四中级人民法院")
    ]
