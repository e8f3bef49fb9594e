"""Short names of courts, as court staff write them on slides (本溪中院, 明山区法院).

Official names are long (辽宁省本溪市明山区人民法院); a figure has room for the part a reader
needs. The rules follow common usage in court documents:

>>> short_court_name("辽宁省高级人民法院"), short_court_name("广西壮族自治区高级人民法院")
('辽宁高院', '广西高院')
>>> short_court_name("辽宁省本溪市中级人民法院"), short_court_name("辽宁省本溪市明山区人民法院")
('本溪中院', '明山区法院')
>>> short_court_name("辽宁省盖州市人民法院"), short_court_name("辽宁省盖州市人民法院东城人民法庭")
('盖州市法院', '东城法庭')
>>> short_court_name("沈阳铁路运输中级法院"), short_court_name("辽宁省沈阳经济技术开发区人民法院")
('沈阳铁路中院', '沈阳经开区法院')
>>> short_court_name("浙江省杭州市西湖区人民法院"), short_court_name("广东省广州市天河区人民法院")
('西湖区法院', '天河区法院')
>>> short_court_name("新疆维吾尔自治区高级人民法院生产建设兵团分院")
'兵团分院'
>>> short_court_name("新疆生产建设兵团第八师中级人民法院")
'兵团八师中院'
>>> short_court_name("辽宁省本溪满族自治县人民法院")
'本溪县法院'
>>> short_court_name("最高人民法院"), short_court_name("重庆市第一中级人民法院")
('最高人民法院', '重庆一中院')
>>> short_court_name("新疆维吾尔自治区巴音郭楞蒙古自治州中级人民法院")
'巴音郭楞中院'
"""

from __future__ import annotations

import re

from graph.model import CATEGORY_ZH

__all__ = ["CATEGORY_ZH", "short_court_name"]

_PROVINCE = re.compile(
    r"^(?P<p>北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|"
    r"湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)"
    r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"
)
_PREFECTURE = re.compile(r"^(?P<name>.+?)(?:市|地区|盟|(?:[^市]{1,8}族)*自治州|州)$")
_ANY_PROVINCE = re.compile(r"^(?P<p>[^省市区县]{1,3}?)(?:省|自治区)")
_NUMBERED = re.compile(r"^第(?P<n>[一二三四五六七八九十]+)中级人民法院$")
#: peoples named in the names of autonomous prefectures and counties
_PEOPLES = (
    "蒙古|回|藏|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|朝鲜|满|土家|苗|侗|布依|彝|傣|景颇|傈僳|白|"
    "哈尼|壮|瑶|羌|黎|纳西|拉祜|佤|怒|独龙|普米|仫佬|毛南|仡佬|水|畲|土|撒拉|东乡|保安|裕固"
)
_ETHNIC = re.compile(f"(?:(?:{_PEOPLES})族?)+自治(?:州|县|旗)$")


def _prefecture_short(division: str) -> str:
    """本溪市 -> 本溪, 巴音郭楞蒙古自治州 -> 巴音郭楞, 大兴安岭地区 -> 大兴安岭."""
    bare = _ETHNIC.sub("", division)
    if bare != division and len(bare) >= 2:
        return bare
    m = _PREFECTURE.match(division)
    return m.group("name") if m and len(m.group("name")) >= 2 else division


#: long words of court names and the short forms staff use
_CONTRACTIONS = (
    ("铁路运输中级法院", "铁路中院"),
    ("铁路运输法院", "铁路法院"),
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("经济开发区", "经开区"),
)


def short_court_name(name: str) -> str:
    """The customary short name of a court or tribunal; the name itself when no rule fits."""
    short = _short(name)
    for long, brief in _CONTRACTIONS:
        short = short.replace(long, brief)
    return short


_BINGTUAN = re.compile(
    r"生产建设兵团(?:第(?P<n>[一二三四五六七八九十]+)师)?(?P<kind>分院|中级人民法院)"
)


def _short(name: str) -> str:
    if not name or name == "最高人民法院":
        return name
    bt = _BINGTUAN.search(name)  # the XPCC's branch of the Xinjiang high court and its courts
    if bt:
        return "兵团分院" if bt.group("kind") == "分院" else f"兵团{bt.group('n') or ''}师中院"
    if name.endswith("人民法庭"):
        own = name[name.rindex("人民法院") + 4 :] if "人民法院" in name else name
        return own.replace("人民法庭", "法庭")
    p = _PROVINCE.match(name) or _ANY_PROVINCE.match(name)
    province = p.group("p") if p else ""
    rest = name[p.end() :] if p else name
    if rest == "高级人民法院":
        return f"{province}高院"
    n = _NUMBERED.match(rest)
    if n:
        return f"{province}{n.group('n')}中院"
    if rest.endswith("中级人民法院"):
        division = rest[: -len("中级人民法院")]
        return f"{_prefecture_short(division) or province}中院"
    if rest.endswith("人民法院"):
        body = rest[: -len("人民法院")]
        # a district keeps its prefecture in the official name: 本溪市明山区 -> 明山区
        # (no bare 州 here: it stands inside city names such as 杭州市, 广州市)
        m = re.match(r"^.+?(?:市|地区|盟|自治州)(?P<county>.+?(?:区|县|旗|市))$", body)
        county = m.group("county") if m else body
        ethnic = _ETHNIC.search(county)
        if ethnic and ethnic.start() >= 2:  # 本溪满族自治县 -> 本溪县
            county = county[: ethnic.start()] + county[-1]
        return f"{county}法院" if county else name
    return name
