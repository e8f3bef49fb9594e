"""People's tribunals (人民法庭) and a city's named special tribunals (知识产权法庭).

A tribunal is named after its court (万州法院大周法庭) or alone (东城法庭); alone, its parent
is the court of a county that has a town of that name, or an earlier full form of the same
tribunal, or (for a bare 法庭 in a list) the court named just before, or (for a place's
某某人民法庭 after 及/和/的) the one basic court the article names. Stopwords
(data/courts/tribunal_stopwords.txt) keep divisions, courtrooms and slogans (家事法庭,
共享法庭, 第一法庭) out of the short forms.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ingest.courts.matcher import CJK, FUNCTION_CHARS
from ingest.courts.resolver import Found
from ingest.document import CourtRef
from ingest.gazetteer import Division, _read_tsv, load_gazetteer
from ingest.roster import DATA_DIR

if TYPE_CHECKING:
    from ingest.courts.resolver import Resolver


_TRIBUNAL = re.compile(r"人民法庭|法庭")  # (each alternative a word: the scan skips to 人 and 法)
# A city's named special tribunal (南京知识产权法庭), and what may stand between the city and it
_NAMED_TRIBUNAL = re.compile(r"(知识产权|环境资源|金融|破产|国际商事)法庭")
#: the seats of the SPC's international commercial courts (第一 in 深圳, 第二 in 西安): a
#: 国际商事法庭 written after their names may be the SPC's, no city's
_SPC_COMMERCIAL_SEATS = frozenset(("深圳市", "西安市"))
_MID_BEFORE = re.compile(r"(?:市)?(?:中级人民法院|中级法院|中院)$|市$")
_NO_REF = CourtRef(name="", level="basic")


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
#: before a word that opens a clause (，某某人民法庭…)
_CLAUSE_OPEN = frozenset("，,。；;：:！？!?\n")
_LIST_BOUNDARY = frozenset("、，,；;：:“”\"'‘’（(《 \t\n")
_TRIBUNAL_BAD_END = tuple("式化型性类级庭院室站点心")
# words before 人民法庭 that are never its place, even right after a court (X法院派出人民法庭)
_TRIBUNAL_NOT_PLACE = re.compile(
    r"^(?:各|该|我|此|每|其|派出|下辖|下属|辖区|基层|部分|全部|所有|其他|其余|新建|新设"
    r"|首批|首个|首家|相关|第)|人民|法院|中院|高院"
    # anywhere in the stem: a court's instruction to its tribunals (要求各人民法庭…) is no
    # tribunal's name (各庄 is a common place-name ending)
    r"|各(?!庄)|所属|下属|辖区|要求|指导|组织|督促|推动"
    # a predicate run on from the court's name (某县法院高度重视人民法庭工作, 某区法院积极
    # 探索人民法庭…): adverbs and verbs of court-news prose that no town's name holds
    r"|积极|高度|大力|不断|持续|深入|全面|切实|认真|着力|进一步|充分|努力|始终|坚持|扎实"
    r"|稳步|加快|全力|多次|首次|率先|相继|依托|围绕|聚焦|重视|探索|推进|加强|强化|深化"
    r"|完善|优化|提升|发挥|统筹|部署|开展|推广|实施|选派|会同|融入|助力|配备|派驻|入驻"
    r"|召开|举行|举办|印发|出台|制定|表彰|评选|命名|授予"
    # a visit's or a plan's verb run on from the court's name (某县法院调研人民法庭工作,
    # 结合人民法庭实际): no town's name holds these either
    r"|调研|视察|考察|走访|督导|检查|参观|看望|慰问|结合|针对|通过|利用|借助|前往|来到|走进"
    # a learning visit's verb (某区法院前往某区法院交流学习人民法庭建设, 学习借鉴…, 观摩…)
    r"|学习|交流|观摩|取经|借鉴"
    # a paper's verbs of arguing and a demonstrative run on before 人民法庭 (这明确人民法庭…,
    # 试探析人民法庭参与…的路径): no town's name holds these either
    r"|^这|明确|探析|探讨|探究|分析|研究|论述|阐述|阐明|表明|说明"
    # a court opening, closing, merging or renaming a tribunal (某区法院重新启用某某人民法庭,
    # 某县法院撤销某某法庭): no town's name holds these
    r"|启用|重启|重新|更名|撤销|撤并|恢复|合并"
    # a negation right before 法庭 (某区法院无派出法庭, 又不失人民法庭的威严) denies or qualifies
    # a tribunal; it names none
    r"|(?:无|没有|并无|尚无|暂无|未设|不设|不失)$"
)
#: what opens the court's own predicate right after its name, the tribunal word its object
#: (某区法院就准确定位人民法庭职能, 某县法院又一次调整人民法庭布局, 某院已经建成人民法庭): an
#: adverb, a modal, a preposition or a conjunction, or a manner adverb of court-news prose. No
#: tribunal's place opens so, save a place the gazetteer knows (向阳, 和顺, 正阳, 更新).
_PREDICATE_OPEN = re.compile(
    r"[就也还又已再拟亦仍便却皆最更均才都正即须需要应能可会不未没而且并"
    r"将把对在为以从向与和同跟被让给由往于按据]"
    r"|一(?:直|再|次|举|律|并|道|起|向|贯|手|批)"
    r"|准确|精准|精确|精细|精心|主动|正确|科学|合理|有效|及时|依法|严格|高效|重点|特别|尤其"
    r"|同步|统一|逐步|逐一|分别|共同|直接|定期|集中|专题|专门|深度|精细化|常态化"
)
#: a verb right before the tribunal word, the tribunal its object (某院立足人民法庭职能, 某院紧扣
#: 人民法庭定位, 某院主动服务人民法庭): no place's name ends so, save one the gazetteer knows
_PREDICATE_VERB_END = re.compile(
    r"(?:定位|立足|紧扣|紧盯|服务|通报|新设|增设|建成|调整|布置|设置|建设|创新|打造|用好|把握"
    r"|规范|管理|保障|支持|关心|关注|拓展|升级|改造|对接|联系|带动|激活|赋能|做实|做强|做优"
    r"|夯实|筑牢|延伸|覆盖|辐射|挂牌|揭牌|考核|评估|谋划|规划|布局|依靠|发展|打通|用活|盘活"
    r"|激发|压实|落实|健全|构建|搭建|形成|推动|引导|带领|牵头|抓好|抓实|办好|建好|管好)$"
)


def _runs_on_as_predicate(stem: str, *, after_court: bool = False) -> bool:
    """Whether the words before a tribunal word read as its court's predicate (就准确定位,
    又一次调整, 主动服务): opened by an adverb, a modal or a preposition, or ended by a verb
    taking the tribunal as its object, and no place the gazetteer knows (向阳, 更新, 建设:
    towns somewhere) opens them. ``after_court``: the words follow a court's name, where a
    town of that court's county is read before this (创新, a town somewhere, is no town of
    the court's own county: 某县法院创新人民法庭工作 is what the court does)."""
    if _PREDICATE_OPEN.match(stem):
        pass
    elif _PREDICATE_VERB_END.search(stem):
        if after_court:
            return True
    else:
        return False
    gaz = load_gazetteer()
    return not any(
        gaz.counties_with_town(stem[:n]) or gaz.lookup(stem[:n]) for n in range(2, len(stem) + 1)
    )


#: a verb opening the words before a bare 法庭 (依托某某法庭, 通过某某法庭): no part of its name
_VERB_BEFORE_NAME = re.compile(r"(?:依托|通过|借助|利用|结合|发挥|针对|联合|会同|指导|推动|督促)")


#: a development zone a tribunal is named after (某区法院开发区人民法庭, 某市法院经济开发区法庭,
#: 某区法院自贸区法庭), when written right after its court
_ZONE_STEM = re.compile(
    r"^[\u4e00-\u9fff]{0,3}?(?P<zone>经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区"
    r"|工业园区|工业园|产业园区|自由贸易试验区|自由贸易区|自贸试验区|自贸区|自贸片区|综合保税区"
    r"|保税区)$"
)


@functools.cache
def _curated_tribunals() -> dict[str, str]:
    """data/courts/tribunals.tsv: tribunals no town places (小岗村) -> their parent court."""
    _meta, rows = _read_tsv(DATA_DIR / "tribunals.tsv")
    return {row[0]: row[1] for row in rows}


def _listed_tribunal(res: Resolver, text: str, ts: int) -> tuple[str, str] | None:
    """(name, parent) of a tribunal of data/courts/tribunals.tsv written right before ``ts``
    (小岗村法庭), its name starting at a boundary (no longer word holds it)."""
    for stem, parent in _curated_tribunals().items():
        start = ts - len(stem)
        if start < 0 or text[start:ts] != stem or parent not in res.m.roster:
            continue
        if start > 0 and CJK.match(text[start - 1]) and text[start - 1] not in FUNCTION_CHARS:
            continue  # a longer name (某某小岗村法庭) is another place's
        return stem, parent
    return None


#: a 兵团 regiment's number (150团) or, after a farm court, a farm's (黑龙江's 852, 858 农场)
#: that names a tribunal written right after its court (某市人民法院150团法庭, 某农垦法院858
#: 人民法庭); a bare number after any other court is a courtroom (101法庭) or a count
_REGIMENT_STEM = re.compile(r"[0-9]{2,3}团(?:场)?")
_FARM_STEM = re.compile(r"[0-9]{3}(?:农场)?")
_FARM_PARENT = "黑龙江省农垦中级法院"


def _numbered_stem(res: Resolver, stem: str, court: str, full: bool) -> bool:
    """Whether ``stem``, written right after ``court``, is a regiment's or a farm's number;
    ``full``: the tribunal word is 人民法庭. A farm's bare number needs 农场 or 人民法庭 after
    it (858农场法庭, 858人民法庭): 某农垦法院101法庭 is a courtroom as after any other court."""
    if _REGIMENT_STEM.fullmatch(stem):
        return True
    if not _FARM_STEM.fullmatch(stem) or not (full or stem.endswith("农场")):
        return False
    ref = res.court(court) or res.dynamic.get(court)
    return "农垦" in court or (ref is not None and ref.parent == _FARM_PARENT)


#: after a quoted X法庭: the words that make it a brand (“某某法庭”模式, “某某法庭”特色品牌)
_BRAND_AFTER = re.compile(r"[”\"’']?(?:特色|服务)?(?:模式|品牌|经验|工作法|做法|机制)")


def find_tribunals(res: Resolver) -> None:
    text = res.folded
    res.found.sort(key=lambda f: (f.start, -f.end))
    courts = sorted((f for f in res.found if f.level in ("basic", "special")), key=lambda f: f.end)
    known: dict[str, str] = {}  # tribunal stem -> parent court, from earlier full forms
    # stem -> the tribunal written after its court and where (None: two courts' of that name)
    after_court: dict[str, tuple[str, int] | None] = {}
    named: dict[str, str] = {}  # tribunal stem -> tribunal, of a 兵团 division's tribunals
    for m in _TRIBUNAL.finditer(text):
        ts, te = m.start(), m.end()
        county_span: tuple[int, int] | None = None
        adjacent, town = _court_before(res, courts, ts)
        parent: str | None = None
        mention_start = ts
        # <court><X>人民法庭 (or X a town of the court's county): a tribunal even when X
        # is also a common word or a stopword (枫桥, 和顺); stopwords guard short forms
        strict = True
        zone = False  # 某区法院自贸区法庭: named after its zone, whatever the zone's length
        central = False  # 某县法院某某中心人民法庭: a central tribunal after its court
        dispatched = ""  # 上海海事法院洋山深水港派出法庭: 派出 is no part of the place
        if adjacent is not None and ts - adjacent.end >= 1:
            stem = text[adjacent.end : ts]
            # 某县法院某某中心人民法庭, or 某某中心法庭 when 某某 is a town of the court's county
            central = m.group() == "人民法庭" or (
                stem.endswith("中心")
                and len(stem) >= 4
                and _town_of(res, stem[:-2], adjacent.court)
            )
            if stem.endswith("派出") and len(stem) > 2:
                stem, dispatched = stem[:-2], "派出"
            parent = adjacent.court
            mention_start = adjacent.start
            strict = not town  # a known town of the court's county passes as it is
            if (
                _ZONE_STEM.match(stem)
                and not _TRIBUNAL_NOT_PLACE.search(stem)
                and not _runs_on_as_predicate(stem, after_court=True)
            ):
                strict, zone = False, True  # 某区法院开发区人民法庭: named after its zone
            elif _numbered_stem(res, stem, adjacent.court, m.group() == "人民法庭"):
                strict, zone = False, True  # 某农垦法院858人民法庭: a farm's or regiment's number
            elif strict and len(stem) >= 4 and _town_prefix(res, stem, parent):
                strict = False  # 某县法院某镇旅游法庭: its town and its field of cases
            elif strict and len(stem) >= 3 and stem.endswith("城"):
                # 某区法院生态城法庭, 科技城法庭: an area named 某某城, whatever words (生态,
                # 科技: stopwords of a field of cases) its name holds
                strict = False
            if strict and _SUBORDINATE_END.search(text, max(0, adjacent.end - 3), adjacent.end):
                continue  # 某县法院下辖的农村人民法庭: after 下辖的 only a place names one
        elif _bingtuan_tribunal(res, m, named):
            continue
        elif (listed := _listed_tribunal(res, text, ts)) is not None:
            stem, parent = listed  # 小岗村法庭: a tribunal the table places, named as listed
            mention_start, strict, zone = ts - len(stem), False, True
            known.setdefault(stem, parent)
        else:
            run_start = ts
            while (
                run_start > 0
                and ts - run_start < 6
                and CJK.match(text[run_start - 1])
                and text[run_start - 1] not in FUNCTION_CHARS
            ):
                run_start -= 1
            opening = run_start  # where the run of words starts (a boundary before it)
            verb = _VERB_BEFORE_NAME.match(text, run_start, ts)
            if verb is not None and ts - verb.end() >= 2:
                run_start = verb.end()  # 依托某某法庭: the name starts after the verb
            run = text[run_start:ts]
            after = text[te : te + 2]
            bare = (
                m.group() == "法庭"
                and (opening == 0 or text[opening - 1] in _LIST_BOUNDARY)
                and (
                    not after
                    or after[0] in _LIST_BOUNDARY
                    or after[0] in "。！？及和与等"
                    or after == "以及"
                )
                # “某某法庭”模式: a quoted brand, not a tribunal's name
                and not _BRAND_AFTER.match(text, te)
            )
            short = next((run[-n:] for n in range(len(run), 1, -1) if run[-n:] in named), None)
            if short is not None:  # 乌拉斯台人民法庭 after 兵团第九师乌拉斯台人民法庭
                ref = res.dynamic[named[short]]
                res.found.append(Found(ts - len(short), te, ref.name, ref=ref, level="tribunal"))
                continue
            found_stem, parent = _standalone_tribunal(
                res,
                run,
                ts,
                known,
                bare=bare,
                full=m.group() == "人民法庭" and text[run_start - 1 : run_start] in _JOINED,
                own=m.group() == "人民法庭"
                and (
                    opening == 0
                    or not CJK.match(text[opening - 1])
                    or text[opening - 1] in FUNCTION_CHARS
                ),
                clause=opening == run_start and (opening == 0 or text[opening - 1] in _CLAUSE_OPEN),
            )
            if not found_stem or parent is None:
                continue
            stem = found_stem
            # 某某风景区法庭: a town's scenic area (景区 alone is a stopword)
            scenic_town = _scenic_town(stem)
            zone = scenic_town is not None and bool(res.m.gaz.counties_with_town(scenic_town))
            central = m.group() == "人民法庭"  # 某某中心人民法庭 in full: a central tribunal
            mention_start = ts - len(stem)
            county_span = _county_written_before(res, mention_start, parent)
            if county_span is not None:
                mention_start = county_span[0]  # 沂南青驼法庭: the county is written with it
            if stem not in known and _town_stem(stem) in known:
                stem = _town_stem(stem)  # 乙镇法庭 after 某县法院乙人民法庭: named as in full
            strict = stem not in known  # 枫桥法庭 after 某法院枫桥人民法庭 is that tribunal
        if not (
            town
            or zone
            or _tribunal_stem_ok(
                stem, strict=strict, central=central, after_court=adjacent is not None
            )
        ):
            continue
        assert parent is not None
        known.setdefault(stem, parent)
        pc_level = (res.court(parent) or res.dynamic.get(parent) or _NO_REF).level
        # a maritime court's tribunals are 法庭 (广州海事法院汕头法庭), not 人民法庭; a railway
        # court is a basic court, whose 派出法庭 is a people's tribunal like any basic court's
        special = pc_level == "special" and not parent.endswith("铁路运输法院")
        name = parent + stem + (dispatched + "法庭" if special else "人民法庭")
        ref = res.tribunal(name, parent, res.court(parent) or res.dynamic.get(parent))
        res.found.append(Found(mention_start, te, name, ref=ref, level="tribunal"))
        if county_span is not None:
            _add_written_parent(res, county_span, parent)
        if adjacent is not None:
            prior = after_court.setdefault(stem, (name, mention_start))
            if prior is not None and prior[0] != name:
                after_court[stem] = None  # two courts' tribunals of that place: no short form
    _short_forms_before(res, after_court)
    _one_name_per_town(res)


def _short_forms_before(res: Resolver, after_court: dict[str, tuple[str, int] | None]) -> None:
    """某某法庭 written alone before the tribunal's form after its court (a heading, a lead:
    生态城法庭… then 某区人民法院生态城法庭): that tribunal, as the same short form after it is.
    ``after_court``: stem -> (tribunal, where its form after its court starts)."""
    text = res.folded
    for stem, written in after_court.items():
        if written is None or len(stem) < 2:
            continue
        name, first = written
        ref = res.dynamic.get(name)
        if ref is None:
            continue
        for m in re.compile(re.escape(stem) + "(?:人民)?法庭").finditer(text, 0, first):
            a, b = m.span()
            if a > 0 and CJK.match(text[a - 1]) and text[a - 1] not in FUNCTION_CHARS:
                continue  # a longer name (某某生态城法庭) is another's
            if any(f.start < b and a < f.end for f in res.found):
                continue
            res.found.append(Found(a, b, name, ref=ref, level="tribunal"))


def _county_written_before(res: Resolver, pos: int, parent: str) -> tuple[int, int] | None:
    """The span of the parent court's county written right before a tribunal's place at
    ``pos`` (沂南青驼法庭, 丰台区王佐法庭: 沂南, 丰台区), or None."""
    county = res.chain(parent)[2]
    d = res.m.gaz.get(county) if county else None
    if d is None:
        return None
    for form in (d.name, d.short):
        if form and len(form) >= 2 and res.folded.endswith(form, 0, pos):
            return pos - len(form), pos
    return None


def _add_written_parent(res: Resolver, span: tuple[int, int], parent: str) -> None:
    """The parent court of a tribunal, written as its county's name inside the tribunal's
    mention (沂南青驼法庭), is a court the article names (the corpus lists such parents),
    its mention the bare place."""
    a, b = span
    if any(
        f.court == parent and f.start <= a and b <= f.end and f.level != "tribunal"
        for f in res.found
    ):
        return
    rc = res.court(parent)
    ref = None if rc else res.dynamic.get(parent)
    level = rc.level if rc else (ref.level if ref else "basic")
    res.found.append(Found(a, b, parent, ref=ref, level=level))


#: a township's word ending a tribunal's place (乙镇, 乙乡, 乙街道, 乙苏木)
_TOWN_WORD_END = re.compile(r"(?:镇|乡|街道|苏木)$")


def _one_name_per_town(res: Resolver) -> None:
    """某县人民法院乙镇人民法庭 and 某县法院乙法庭 (or the other way round) are one tribunal,
    named as its full form is written (<court>乙镇人民法庭 keeps 镇, the corpus's convention
    for names written so): the tribunals of one court whose places differ only by a
    township's word take the name of the first written in full (…人民法庭), else the first."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, f in enumerate(res.found):
        ref = f.ref
        if f.level != "tribunal" or ref is None or not ref.parent:
            continue
        if not f.court.startswith(ref.parent) or not f.court.endswith("人民法庭"):
            continue
        place = f.court[len(ref.parent) : -len("人民法庭")]
        bare = _TOWN_WORD_END.sub("", place)
        if len(bare) >= 2:
            groups.setdefault((ref.parent, bare), []).append(i)
    for idx in groups.values():
        if len({res.found[i].court for i in idx}) < 2:
            continue
        full = [i for i in idx if res.text.endswith("人民法庭", 0, res.found[i].end)]
        keep = res.found[(full or idx)[0]]
        for i in idx:
            res.found[i] = dataclasses.replace(res.found[i], court=keep.court, ref=keep.ref)


#: a tribunal written after a 兵团 division (新疆生产建设兵团第九师某某人民法庭)
_BINGTUAN_BEFORE = re.compile(
    r"(?:新疆生产建设)?兵团第(?P<n>[一二三四五六七八九十]{1,3})师(?P<stem>[\u4e00-\u9fff]{2,5}?)$"
)


def _bingtuan_tribunal(res: Resolver, m: re.Match[str], named: dict[str, str]) -> bool:
    """新疆生产建设兵团第九师某某人民法庭: a 兵团 tribunal written after its division, its basic
    court not named, is named as written (<兵团 division><X>人民法庭), under the division's
    intermediate court."""
    ts = m.start()
    if m.group() != "人民法庭" or "兵团" not in res.folded[max(0, ts - 24) : ts]:
        return False
    bt = _BINGTUAN_BEFORE.search(res.folded, max(0, ts - 24), ts)
    if bt is None or not _tribunal_stem_ok(bt.group("stem")):
        return False
    division = "新疆生产建设兵团第" + bt.group("n") + "师"
    name = division + bt.group("stem") + "人民法庭"
    mid = res.court(division + "中级人民法院")
    ref = res.tribunal(name, mid.name if mid else "", mid)
    if not mid:
        ref.parent = None
    named[bt.group("stem")] = name
    res.found.append(Found(bt.start(), m.end(), name, ref=ref, level="tribunal"))
    return True


#: a municipality's international commercial court and the intermediate court it sits in
#: (北京国际商事法庭, set up in 2021 in 北京四中院)
_MUNI_COMMERCIAL = {"北京": "北京市第四中级人民法院"}


def _muni_commercial_court(res: Resolver, ks: int, end: int) -> None:
    """北京国际商事法庭 (or 北京市…): the municipality's own international commercial court,
    a special court under the intermediate court it sits in."""
    text = res.folded
    for short, parent_name in _MUNI_COMMERCIAL.items():
        for written in (short + "市", short):
            start = ks - len(written)
            if start >= 0 and text.startswith(written, start):
                break
        else:
            continue
        parent = res.court(parent_name)
        if parent is None:
            return
        name = short + "国际商事法庭"
        ref = res.dynamic.setdefault(
            name,
            CourtRef(
                name=name,
                level="special",
                province=parent.province,
                city=parent.city,
                adcode=parent.adcode,
                parent=parent.name,
            ),
        )
        res.found.append(Found(start, end, name, ref=ref, level="special"))
        return


def find_named_tribunals(res: Resolver) -> None:
    """A city's 知识产权法庭 / 环境资源法庭 (南京知识产权法庭, 苏州中院知识产权法庭): special
    courts of that city's intermediate court, named <city><X>法庭. Right after a basic or
    special court's name (甲铁路运输法院环境资源法庭, 乙县人民法院茶产业环境保护法庭) such a
    tribunal is that court's, <court><X>法庭, level tribunal."""
    gaz, text = res.m.gaz, res.folded
    _court_tribunals(res)
    _established_tribunals(res)
    for m in _NAMED_TRIBUNAL.finditer(text):
        ks = m.start()
        if any(f.start < ks < f.end or f.start == ks for f in res.found):
            continue  # read as a court's own tribunal
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
            if m.group(1) == "国际商事":
                _muni_commercial_court(res, ks, m.end())
            continue
        if m.group(1) == "国际商事" and city.name in _SPC_COMMERCIAL_SEATS:
            continue  # 深圳国际商事法庭 may be the SPC's own (第一国际商事法庭 sits there)
        parent = res.m.roster.for_division(city.adcode, "intermediate")
        if parent is None:
            continue
        name = (city.short or city.name) + m.group(1) + "法庭"
        ref = res.dynamic.setdefault(
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
        res.found.append(Found(city_start, m.end(), name, ref=ref, level="special"))


#: a named special tribunal the text says is set up (设立A生态法庭、B生态法庭和C生态法庭, A生态法庭
#: 挂牌成立): a place that is no city of the gazetteer (三江源, 祁连山) and a field of cases
_SPECIAL_FIELD = r"(?:生态|环境资源|金融|破产|知识产权)法庭"
_FIELD_TRIBUNAL = re.compile(_SPECIAL_FIELD)
_ESTABLISH = re.compile(r"(?:设立|成立|组建)了?")
_ESTABLISHED_ITEM = re.compile(r"([\u4e00-\u9fff]{2,16}?)" + _SPECIAL_FIELD)
_ESTABLISHED_BEFORE = re.compile(_SPECIAL_FIELD + r"(?=挂牌|揭牌)")
_ITEM_JOIN = re.compile(r"、|和|及|以及")
#: what may open a clause right before a set-up tribunal's name (近日A生态法庭挂牌): a time
#: or a verb setting it up
_NAME_OPENER = re.compile(
    r"近日|日前|目前|近期|近年|今年|去年|今天|昨天|昨日|当天|当日|同日|此前|随后|上午|下午"
    r"|设立了?|成立|组建|正式"
)
#: the longest run of characters read back from the field of cases for the name's start
_NAME_RUN = 16
#: words describing a kind of tribunal, never its name (跨区域生态法庭, 集中管辖的金融法庭), beside
#: the stopwords (专门, 专业, 全省 …)
_DESCRIBED = re.compile(r"跨|区域|集中|独立|专项|统一|联合|若干|更多|一批|多家|多个")


def _established_tribunals(res: Resolver) -> None:
    """三江源生态法庭, set up as such (设立A、B和C, or A挂牌成立): a special tribunal named as
    written, level special, its province that of a place written before it, else the
    article's; every later mention of the same name is that tribunal. A city's (深圳破产法庭) is read above. The name starts at a boundary:
    right after the verb setting it up or a list's join, or after punctuation, a function
    word, a time or a verb (近日A挂牌成立); a province or a city written before it
    (青海A, 玉树A) locates it and is no part of its name, as a special court is named
    without its province (README)."""
    text = res.folded
    if "法庭" not in text:
        return
    names: dict[str, str | None] = {}  # name -> its province's code

    def add(start: int, field: re.Match[str]) -> None:
        got = _set_up_name(res, text[start : field.start()])
        if got is not None:
            stem, prov = got
            if prov or stem + field.group() not in names:
                names[stem + field.group()] = prov

    for v in _ESTABLISH.finditer(text):
        pos = v.end()
        while (item := _ESTABLISHED_ITEM.match(text, pos)) is not None:
            field = _FIELD_TRIBUNAL.match(text, item.end(1))
            assert field is not None
            add(pos, field)
            join = _ITEM_JOIN.match(text, item.end())
            if join is None:
                break
            pos = join.end()
    for field in _ESTABLISHED_BEFORE.finditer(text):
        start = field.start()
        while (
            start > 0
            and field.start() - start <= _NAME_RUN
            and CJK.match(text[start - 1])
            and text[start - 1] not in FUNCTION_CHARS
        ):
            start -= 1
        if field.start() - start > _NAME_RUN:
            continue  # no boundary in sight: where the name starts is a guess
        if start > 0 and text[start - 1].isdigit() and text[start] in "年月日号":
            start += 1  # 6月8日A生态法庭挂牌
        for o in _NAME_OPENER.finditer(text, start, field.start()):
            start = o.end()
        add(start, field)
    gaz = res.m.gaz
    taken = [(f.start, f.end) for f in res.found]
    for name, prov in sorted(names.items()):
        prov = prov or res.ctx.top_province()
        d = gaz.get(prov) if prov else None
        ref = res.dynamic.setdefault(
            name, CourtRef(name=name, level="special", province=d.name if d else None)
        )
        for m in re.finditer(re.escape(name), text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                res.found.append(Found(m.start(), m.end(), name, ref=ref, level="special"))


def _set_up_name(res: Resolver, stem: str) -> tuple[str, str | None] | None:
    """The name before the field of a set-up tribunal (三江源 of 玉树三江源生态法庭) and the
    province of a place written before it, or None when `stem` is no place's own name:
    a description (专门, 专业化, 多个, 各类, 首家), a field of cases (金融 of 金融破产法庭), a
    city of the gazetteer (深圳: its tribunals are read above) or too long for a name."""
    gaz = res.m.gaz
    prov: str | None = None
    while True:  # a province or a city before the name, the longest the gazetteer knows
        k = next(
            (
                k
                for k in range(min(len(stem) - 2, 10), 1, -1)
                if any(d.level in ("province", "prefecture") for d in gaz.lookup(stem[:k]))
            ),
            0,
        )
        if not k:
            break
        provs = {d.province for d in gaz.lookup(stem[:k]) if d.level in ("province", "prefecture")}
        prov = next(iter(provs)) if len(provs) == 1 else prov
        stem = stem[k:]
    if not 2 <= len(stem) <= 5 or any(c in FUNCTION_CHARS or not CJK.match(c) for c in stem):
        return None
    if not _tribunal_stem_ok(stem) or _DESCRIBED.search(stem) or gaz.lookup(stem):
        return None  # the stopwords hold the fields of cases and 专门, 专业, 全省 …
    return stem, prov


#: a court's own named tribunal, right after the court's name: an optional short qualifier
#: (茶产业) and a subject-matter word
_COURT_TRIBUNAL = re.compile(
    r"([\u4e00-\u9fff]{0,4}?(?:知识产权|环境资源|环境保护|生态环境|生态保护)法庭)"
)


def _court_tribunals(res: Resolver) -> None:
    """甲铁路运输法院环境资源法庭, 乙县人民法院茶产业环境保护法庭: the named tribunal of the basic
    or special court written right before it (an intermediate court's is its city's, above)."""
    text = res.folded
    if "法庭" not in text:
        return
    for f in list(res.found):
        if f.court.startswith("AGG:") or f.level not in ("basic", "special"):
            continue
        m = _COURT_TRIBUNAL.match(text, f.end)
        if m is None:
            continue
        rc = res.court(f.court)
        parent = rc.to_ref() if rc else res.dynamic.get(f.court)
        if parent is None:
            continue
        name = f.court + m.group(1)
        ref = res.tribunal(name, f.court, parent)
        res.found.append(Found(f.start, m.end(), name, ref=ref, level="tribunal"))


def _standalone_tribunal(
    res: Resolver,
    run: str,
    pos: int,
    known: dict[str, str],
    *,
    bare: bool,
    full: bool = False,
    own: bool = False,
    clause: bool = False,
) -> tuple[str | None, str | None]:
    gaz = res.m.gaz
    if len(run) < 2:
        return None, None
    stems = [run[-n:] for n in range(min(5, len(run)), 1, -1)]
    for s in stems:
        if s in known:
            return s, known[s]
        if _town_stem(s) in known:  # 乙镇法庭 after 某县法院乙人民法庭: that tribunal
            return s, known[_town_stem(s)]
    scenic = _scenic_tribunal(res, run)
    if scenic is not None:
        return scenic
    mentioned = [f for f in res.found if f.level == "basic" and f.start < pos]
    # a tribunal named after the county's seat or its outskirts (城关法庭, 环城人民法庭, 城区法庭):
    # a word every county may use, whatever its towns are called, so no gazetteer town places it
    # in another county: in an article that names one basic court, that court's tribunal
    if _town_stem(run) in _SEAT_STEMS and not _nickname(res.folded, run):
        basic = {f.court for f in res.found if f.level == "basic"}
        if len(basic) == 1:
            court = basic.pop()
            if _seat_elsewhere(res.folded, pos - len(run), pos, court):
                return None, None  # a kind of tribunal, or a seat's of a county not named
            return run, court
    for s in stems:
        if s == "中心":
            continue  # 某某中心人民法庭: 中心 is no town's name
        # 城关中心法庭: the town is the stem without 中心; 乙镇法庭, 乙乡法庭, 乙街道法庭: the
        # town written with its kind (the gazetteer holds the bare name)
        town = _town_stem(s)
        counties = set(gaz.counties_with_town(town))
        seat = town in _SEAT_STEMS  # 城关: any county's seat, whatever the gazetteer's towns
        hits = [f for f in res.found if f.level == "basic" and res.chain(f.court)[2] in counties]
        if hits and not seat:  # the nearest court before the tribunal, else the first after it
            before = [f for f in hits if f.start < pos]
            return s, (before[-1] if before else hits[0]).court
        in_ctx = [c for c in counties if res.ctx.counties[c] > 0]
        if len(in_ctx) == 1 and not seat:
            c = res.m.roster.for_division(in_ctx[0], "basic")
            if c:
                return s, c.name
        # 某某法庭 in an article about a city: the one county of that city with such a town
        in_city = [c for c in counties if _pref_in_ctx(res, c)]
        if not in_ctx and len(in_city) == 1 and not seat and not _nickname(res.folded, s):
            c = res.m.roster.for_division(in_city[0], "basic")
            if c:
                return s, c.name
        # 永康龙山法庭, or 吕田法庭 after 从化吕田镇: the county's name written right before
        # the town (short forms are not places of their own in the context)
        written = _words_before(res.folded, town) if counties else frozenset()
        named = [c for c in counties if _county_named(res, c, written)]
        if len(named) == 1:
            c = res.m.roster.for_division(named[0], "basic")
            if c:
                return s, c.name
    # 某某人民法庭 written in full after 及/和/的 (某院副院长及某某人民法庭负责人), 某某 a place's
    # name (a township or a county of somewhere) though none of the article's places, in an
    # article that names one basic court: that court's tribunal
    if full and 2 <= len(run) <= 4 and (gaz.counties_with_town(run) or gaz.lookup(run)):
        basic = {f.court for f in res.found if f.level == "basic"}
        if len(basic) == 1:
            return run, basic.pop()
    # 某某人民法庭 in full, a word of its own (交给某某人民法庭法官, “…”某某中心人民法庭), in an
    # article about one county (one basic court named, or none and one county named): that
    # court's tribunal, though the gazetteer lacks the place (a village, an area)
    if (
        own
        and 2 <= len(run) <= 5
        and _tribunal_stem_ok(run, central=True)
        and not _nickname(res.folded, run)
        and run[-1] not in "省市县区州旗盟"
        # a name the article also writes short (某某人民法庭…某某法庭), or a central tribunal's
        # it uses again: not a run of words before 人民法庭 (抓住人民法庭建设)
        and (
            run + "法庭" in res.folded
            or (run.endswith("中心") and res.folded.count(run + "人民法庭") >= 2)
            # a name of three characters opening a clause (，某某某人民法庭已…; four are mostly
            # a verb phrase run on: 抓紧抓实人民法庭), not a word of praise (最美丽人民法庭)
            # nor a town the gazetteer places anywhere (马金镇人民法庭 of another county: the
            # unique-town rule below places it where it is)
            or (
                clause
                and len(run) == 3
                and run[0] not in "最更好美优"
                and not gaz.counties_with_town(_town_stem(run))
            )
        )
    ):
        basic = {f.court for f in res.found if f.level == "basic"}
        named_counties = [c for c, n in res.ctx.counties.items() if n > 0]
        if len(basic) == 1:
            return run, basic.pop()
        if not basic and len(named_counties) == 1:
            c = res.m.roster.for_division(named_counties[0], "basic")
            if c:
                return run, c.name
    # a bare 某某法庭 after a court: its tribunal, unless it is a nickname or a title the
    # article quotes (“板凳法庭”, 被评为“达标法庭”)
    if (
        bare
        and mentioned
        and 2 <= len(run) <= 4
        and pos - mentioned[-1].end <= 300
        and not _nickname(res.folded, run)
    ):
        return run, mentioned[-1].court
    # 某某人民法庭 in full, a word of its own, where 某某 is a town of one county in the
    # whole gazetteer and that county lies in the article's province (a high court's
    # article on one tribunal): that county's court
    for s in stems if own else ():
        counties = set(gaz.counties_with_town(_town_stem(s)))
        d = gaz.get(next(iter(counties))) if len(counties) == 1 else None
        if d is None or not d.current or d.province != res.ctx.top_province():
            continue
        c = res.m.roster.for_division(d.adcode, "basic")
        if c and not _nickname(res.folded, s):
            return s, c.name
    return None, None


#: a scenic area named after its town, a tribunal's place (某某镇's 某某风景区法庭)
_SCENIC = re.compile(r"(?:风景名胜区|风景区|旅游区|度假区|景区)$")


def _scenic_town(stem: str) -> str | None:
    """The town of a scenic area's name (八里河风景区 -> 八里河), or None."""
    m = _SCENIC.search(stem)
    town = stem[: m.start()] if m else ""
    return town if 2 <= len(town) <= 4 else None


def _scenic_tribunal(res: Resolver, run: str) -> tuple[str | None, str | None] | None:
    """某某风景区法庭 written alone, 某某 a township of exactly one county the article is about
    (named, or of its prefecture): that county's tribunal, named with its area (the scenic
    area lies in the town, and the tribunal is named after it)."""
    for i in range(max(0, len(run) - 9), len(run) - 3):
        stem = run[i:]
        town = _scenic_town(stem)
        if town is None:
            continue
        counties = [
            c
            for c in res.m.gaz.counties_with_town(town)
            if res.ctx.counties[c] > 0 or _pref_in_ctx(res, c)
        ]
        if len(counties) == 1:
            c = res.m.roster.for_division(counties[0], "basic")
            if c is not None:
                return stem, c.name
    return None


#: a tribunal's name after the county's seat or its outskirts, which many counties share
_SEAT_STEMS = frozenset(
    ("城关", "环城", "城郊", "城区", "城厢", "城中", "城东", "城西", "城南", "城北", "郊区")
)

#: a kind of tribunal named beside a seat's (城区法庭、城乡结合法庭、乡村法庭): the kinds, no tribunal
_TRIBUNAL_KIND_NEAR = re.compile(r"(?:乡村|农村|城乡结合|城乡接合|基层|山区|牧区)(?:人民)?法庭")
#: words before a seat's tribunal that place it in another county (到邻县的城关法庭)
_ELSEWHERE_BEFORE = re.compile(
    r"(?:邻县|邻市|邻区|外县|外市|外地|外省|兄弟|周边|其他|其它)[^，,。；;]{0,4}$"
)
#: a county named right before a seat's tribunal (乙县的城关法庭, 乙市城区法庭)
_COUNTY_BEFORE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3}?)[县市区旗]的?$")


def _seat_elsewhere(text: str, start: int, pos: int, court: str) -> bool:
    """Whether the seat's tribunal at text[start:pos] + 法庭 is no tribunal of `court`: one of
    a list of kinds of tribunals (城区法庭、城乡结合法庭、乡村法庭分类推进; 城区法庭要…，城郊法庭要…)
    or one of another county (到邻县的城关法庭, 乙县的城关法庭 when `court` is not 乙县's)."""
    word = text.find("法庭", pos)
    end = word + 2 if word == pos else pos
    if text.startswith("要", end) and not text.startswith("要求", end):
        return True  # 城区法庭要突出专业化: what a kind of tribunal should do
    before = text[max(0, start - 12) : start]
    s_start = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    s_end = min(
        (i for i in (text.find("。", end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    if _TRIBUNAL_KIND_NEAR.search(text, s_start, s_end):
        return True
    if _ELSEWHERE_BEFORE.search(before):
        return True
    county = _COUNTY_BEFORE.search(before)
    if county is not None and not re.search("[该本我全此]", county.group("name")):
        name = county.group("name")
        return not any(name[i:] in court for i in range(len(name) - 1))
    return False


#: the kind of a township written after its name (乙镇, 乙乡, 乙街道, 乙苏木)
_TOWN_KIND = re.compile(r"(?:镇|乡|街道|苏木)$")


def _town_stem(stem: str) -> str:
    """The town a short tribunal's stem names: 城关中心 -> 城关, 乙镇 -> 乙, 乙街道 -> 乙."""
    if stem.endswith("中心") and len(stem) >= 4:
        return stem[:-2]
    kind = _TOWN_KIND.search(stem)
    if kind is not None and len(stem) - len(kind.group()) >= 2:
        return stem[: kind.start()]
    return stem


#: before a tribunal's name: a word joining it to a noun phrase (某院副院长及某某人民法庭负责人,
#: 某区法院的某某人民法庭)
_JOINED = frozenset("及和与的、")


#: between a court and a tribunal of it: 下辖的, 所属的 (某县法院下辖的某某人民法庭), or the court
#: opening, reopening or closing it (某区法院重新启用某某人民法庭, 某县法院撤销某某法庭)
_SUBORDINATE_WORDS = (
    r"(?:(?:下辖|所辖|下属|所属|辖下)的?"
    r"|(?:重新|恢复)?(?:启用|重启|设立|撤销|撤并)了?)"
)
_SUBORDINATE = re.compile(_SUBORDINATE_WORDS)
_SUBORDINATE_END = re.compile(_SUBORDINATE_WORDS + "$")


def _court_before(res: Resolver, courts: Sequence[Found], ts: int) -> tuple[Found | None, bool]:
    """The basic court a tribunal word at ``ts`` follows (万州法院大周法庭), and whether
    the words between are a town of that court's county.

    The words between may hold a function character only when they are such a town:
    腾冲市人民法院和顺人民法庭 is 和顺's tribunal, 某县法院和新市人民法庭 two units."""
    text = res.folded
    for f in reversed(courts):  # sorted by end
        if f.end > ts:
            continue
        sub = _SUBORDINATE.match(text, f.end, ts)
        if sub is not None:  # 某县法院下辖的某某人民法庭: the tribunal of that court
            f = dataclasses.replace(f, end=sub.end())
        between = text[f.end : ts]
        # 某区法院自由贸易试验区法庭: a zone's name may be longer than a town's
        if ts - f.end > 6 and not (ts - f.end <= 10 and _ZONE_STEM.match(between)):
            break
        numbered = _numbered_stem(res, between, f.court, text.startswith("人民法庭", ts))
        if not all(CJK.match(ch) for ch in between) and not numbered:
            continue
        town = bool(between) and _town_of(res, between, f.court)
        # 自由贸易试验区: the 由 of a zone's name is no function character
        zone = _ZONE_STEM.match(between)
        words = between[: zone.start("zone")] if zone is not None else between
        if town or not any(ch in FUNCTION_CHARS for ch in words):
            return f, town
    return None, False


#: after a town, words of a tribunal's form or seat, not of a field of cases (某镇巡回法庭,
#: 某镇共享法庭, 某镇某村法庭)
_NOT_A_FIELD = re.compile(r"巡回|共享|流动|车载|便民|马背|派出|镇|乡|街道|社区|村|站|点|室|中心")


def _town_prefix(res: Resolver, stem: str, court: str) -> bool:
    """Whether ``stem`` opens with a town of the court's county and names at most a few
    characters more (某镇旅游环保: a tribunal of that town for one field of cases)."""
    county = res.chain(court)[2]
    if county is None:
        return False
    towns = res.m.gaz
    return any(
        len(stem) - n <= 4
        and not _NOT_A_FIELD.search(stem[n:])
        and county in towns.counties_with_town(stem[:n])
        for n in (2, 3)
        if len(stem) > n
    )


def _town_of(res: Resolver, stem: str, court: str) -> bool:
    county = res.chain(court)[2]
    return county is not None and county in res.m.gaz.counties_with_town(stem)


def _tribunal_stem_ok(
    stem: str, *, strict: bool = True, central: bool = False, after_court: bool = False
) -> bool:
    """Whether ``stem`` can name a tribunal. ``strict`` (short forms) also refuses the
    stopwords; the full form after its court (X法院枫桥人民法庭) refuses only words that
    never name a place (各, 派出, 辖区 …). ``central``: the full form after its court
    (某县法院某某中心人民法庭), where a place's central tribunal is named by the place; a short
    form (综治中心法庭) is not. ``after_court``: written right after its court's name, where
    words the court does (就准确定位, 创新) are no place (`_runs_on_as_predicate`)."""
    if central and stem.endswith("中心") and len(stem) >= 3:
        stem = stem[:-2]
    if not 1 <= len(stem) <= 6 or _TRIBUNAL_BAD_CHARS.search(stem):
        return False
    if stem.endswith(_TRIBUNAL_BAD_END) or _TRIBUNAL_NOT_PLACE.search(stem):
        return False
    if _runs_on_as_predicate(stem, after_court=after_court):
        return False
    return not strict or not any(w in stem for w in _tribunal_stopwords())


#: 第一巡回法庭 alone: a back-reference to the SPC's circuit tribunal of that number
_CIRCUIT = re.compile(r"第([一二三四五六])巡回法庭")
_SPC_CIRCUIT = "最高人民法院第{}巡回法庭"


def find_circuit_short_forms(res: Resolver) -> None:
    """第一巡回法庭 (a heading, or 该第一巡回法庭) is the SPC's first circuit tribunal when the
    article names that tribunal in full elsewhere; a court's own 巡回法庭 never is."""
    if "巡回法庭" not in res.folded:
        return
    named = {f.court for f in res.found if f.court.startswith("最高人民法院第")}
    if not named:
        return
    taken = [(f.start, f.end) for f in res.found]
    for m in _CIRCUIT.finditer(res.folded):
        court = _SPC_CIRCUIT.format(m.group(1))
        if court not in named or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        res.found.append(Found(m.start(), m.end(), court, level="supreme"))


#: the nicknames of a way of hearing cases (马背法庭, 板凳法庭, 车载法庭 …): a common noun,
#: though a town somewhere may bear the same name (草原, 板凳)
_NICKNAME_STEMS = frozenset(
    [
        "板凳",
        "马背",
        "草原",
        "车载",
        "流动",
        "田间",
        "田坎",
        "地头",
        "院坝",
        "坝坝",
        "炕头",
        "假日",
        "夜间",
        "指尖",
        "云上",
        "网上",
        "掌上",
        "线上",
        "家门口",
        "巡回",
        "船上",
        "海上",
        "水上",
        "马上",
        "帐篷",
        "背包",
        "摩托",
        "庭院",
        "院落",
        "街头",
        "树下",
        "村头",
        "田野",
        "牧区",
        "牧场",
        "山间",
        "校园",
        "社区",
        "乡村",
        "小院",
        "集市",
        "赶集",
        "大篷车",
        "马背上",
        "板凳上",
    ]
)
_QUOTES = '“「『"‘'


def _nickname(text: str, stem: str) -> bool:
    """Whether ``stem`` + 法庭 is a nickname rather than a town's tribunal: a common noun of
    the kind, or written in quotes anywhere in the article (“某某法庭”)."""
    if stem in _NICKNAME_STEMS:
        return True
    return any(q + stem + "法庭" in text or q + stem + "人民法庭" in text for q in _QUOTES)


def _pref_in_ctx(res: Resolver, county: str) -> bool:
    """Whether the county's prefecture is one the article names."""
    d = res.m.gaz.get(county)
    return d is not None and d.prefecture is not None and res.ctx.prefs[d.prefecture] > 0


def _words_before(text: str, town: str) -> frozenset[str]:
    """The runs of two to seven characters written right before each ``town`` in ``text``."""
    out: set[str] = set()
    i = text.find(town)
    while i >= 0:
        out.update(text[i - k : i] for k in range(2, 8) if i - k >= 0)
        i = text.find(town, i + 1)
    return frozenset(out)


def _county_named(res: Resolver, county: str, before: frozenset[str]) -> bool:
    """Whether the county (full name, or a short name of two characters or more) is written
    right before its town (从化吕田镇, 永康龙山法庭): evidence of which county's town it is."""
    d = res.m.gaz.get(county)
    if d is None:
        return False
    return d.name in before or (d.short is not None and len(d.short) >= 2 and d.short in before)
