"""People named with a title: 党组书记、院长李景会, 省法院郑青院长, 市委常委、政法委书记徐胜.

A person is a full name (a known surname plus one or two characters) standing right after a
chain of titles or right before one. Surname-only references (胡院长), anonymised parties
(郑某) and media credits (记者, 通讯员, 编辑, 审核 …) are not people.

>>> [(h.name, h.roles) for h in find_people("会上，党组书记、院长王立新指出，要狠抓落实。")]
[('王立新', ('党组书记', '院长'))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.document import CourtMention

# The most common single-character surnames (covering the vast majority of the population)
# and the compound ones still in use.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    "卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗"
    "燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索"
    "宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危"
    "玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "澹台",
    "万俟",
)

ROLES = (
    "党组书记|党组副书记|党组成员|党委书记|党委副书记|常务副院长|副院长|代院长|院长|副庭长|庭长|"
    "审判长|审判员|一级高级法官|二级高级法官|三级高级法官|四级高级法官|一级法官|二级法官|三级法官|"
    "四级法官|五级法官|员额法官|法官助理|书记员|法官|执行局局长|执行局副局长|执行局政委|局长|副局长|"
    "政治部主任|办公室主任|审管办主任|副主任|主任|审判委员会专职委员|审委会专职委员|专职委员|"
    "审判委员会委员|审委会委员|纪检组长|纪检监察组组长|监察专员|人民陪审员|特邀调解员|人民调解员|"
    "调解员|省委常委|市委常委|州委常委|县委常委|区委常委|政法委书记|政法委副书记|市委书记|县委书记|"
    "区委书记|省委书记|副书记|书记|副省长|省长|副市长|市长|副县长|县长|副区长|区长|副主席|主席|"
    "检察长|副检察长|副厅长|厅长|副处长|处长|副科长|科长|所长|站长|队长|会长|秘书长|理事长|"
    "人大代表|政协委员|律师"
)
#: occupations rather than offices: 律师常驻 is not a lawyer called 常驻, so these titles name a
#: person only after the unit they work for (XX法院法官王某某)
OCCUPATIONS = frozenset(
    [
        "审判员",
        "员额法官",
        "法官助理",
        "书记员",
        "法官",
        "人民陪审员",
        "特邀调解员",
        "人民调解员",
        "调解员",
        "人大代表",
        "政协委员",
        "律师",
    ]
)
_ROLE = "(?:" + ROLES + ")"
_CHAIN = _ROLE + r"(?:[、兼]" + _ROLE + ")*"
_HAN = "\u4e00-\u9fff"
_ROLE_FIRST = "".join(sorted({r[0] for r in ROLES.split("|")}))
# a chain of titles (the look-ahead lets the scan skip characters no title starts with)
_CHAIN_RE = re.compile(r"(?=[" + _ROLE_FIRST + r"])(?<!总)" + _CHAIN)
_NAME_AFTER = re.compile(r"[ \u3000]*(?P<name>[" + _HAN + r"]{2,4})")
#: a name set off by spaces (院长 乌兰其其格 表示): its length is what the spaces say, which also
#: covers names without a Han surname (Mongolian, Tibetan, Uyghur transliterations)
_SPACED_NAME = re.compile(
    r"[ \u3000]+(?P<name>[" + _HAN + r"]{2,7})(?=[ \u3000]|[，,。：:；;！!？?]|\n|$)"
)
#: a roster line: 党组成员、副院长：刘红梅、韩建国；
_NAME_LIST = re.compile(
    r"[ \u3000]*[：:][ \u3000]*(?P<names>[" + _HAN + r"]{2,4}(?:[、，,][" + _HAN + r"]{2,4})*)"
    r"[ \u3000]*(?=[；;。）)\n]|$)"
)
_COMRADE = re.compile(r"(?P<name>[" + _HAN + r"]{2,3})同志")

#: characters that cannot be part of a given name here (function words, verbs of reporting)
_NOT_IN_NAME = frozenset("的了是在和与及、等对为将把被向从到也都就还又并而或之其该此各每")
#: function words that never stand in a spaced name (其, 之 may: 乌兰其其格)
_SPACED_STOP = frozenset("的了是在和与及、等对为将把被向从到也都就还又并而或该此各每")
#: characters that end a name when they follow it (说, 指出, 出席, 强调 …)
_AFTER_NAME = frozenset(
    "说讲指表出主在对的等和与及同带率到赴为向作陪参听要认提看走宣深来前先就亲也还则是将把被从以给代"
    "所称介致接检慰了着过副党"
)
#: two-character words that follow a title but are not names (院长接待日, 庭长会议)
_NOT_GIVEN = re.compile(
    r"^(?:接待|会议|办公|信箱|热线|带头|带队|亲自|高度|充分|一行|们|分别|逐一|主持|出席|参加|指出|"
    r"强调|表示|介绍|要求|提出|认为|讲话|致辞|担任|兼任|任职|办案|审理|负责|助理|团队|队伍|职责|"
    r"责任|人选|岗位|等人|以上|关于|及|和)"
)
_CREDIT = re.compile(
    r"(?:记者|通讯员|编辑|责编|作者|审核|审校|校对|制作|摄影|摄像|撰稿|撰文|供稿|实习生|来源|编审|"
    r"监制|策划|出品)[\s:：丨|/（(]*[" + _HAN + r"\s]{0,12}$"
)
_BOUNDARY_BEFORE = frozenset("，,。.、；;：:！!？?“”（()）—-\n \u3000丨|由向对请")


@dataclass(frozen=True)
class PersonHit:
    """One titled mention of a person."""

    name: str
    roles: tuple[str, ...]
    start: int  # the name's offsets in the text
    end: int
    court: str | None = None  # CourtRef.name or AGG label of the court the title belongs to
    org_surface: str | None = None  # a non-court body named in the title (政法委, 市委)


def _valid_name(name: str) -> bool:
    if len(name) < 2 or len(name) > 4 or "某" in name:
        return False
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return all(c not in _NOT_IN_NAME for c in name[2:])
    if name[0] not in SURNAMES or len(name) > 3:
        return False
    return all(c not in _NOT_IN_NAME for c in name[1:])


def _name_after(raw: str) -> str | None:
    """The name at the start of `raw` (2-4 characters following a title), or None."""
    if _NOT_GIVEN.match(raw[1:]) or _NOT_GIVEN.match(raw):
        return None
    if len(raw) >= 3 and raw[:2] in COMPOUND_SURNAMES:
        size = 4 if len(raw) >= 4 and raw[3] not in _AFTER_NAME else 3
        return raw[:size] if _valid_name(raw[:size]) else None
    if raw[0] not in SURNAMES or len(raw) < 2 or raw[1] in _NOT_IN_NAME:
        return None
    if len(raw) >= 3 and raw[2] not in _AFTER_NAME and raw[2] not in _NOT_IN_NAME:
        return raw[:3] if _valid_name(raw[:3]) else None
    return raw[:2] if _valid_name(raw[:2]) else None


def _is_credit(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_CREDIT.search(text[max(line_start, start - 16) : start]))


_ORG_IN_CHAIN = re.compile(r"(政法委)(?:副)?书记|(省委|市委|州委|县委|区委)常委")


def find_people(
    text: str, court_mentions: Sequence[CourtMention] = (), *, limit: int | None = None
) -> list[PersonHit]:
    """Titled person mentions in text[:limit], in text order (one hit per titled mention)."""
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    ends = {m.end: m for m in court_mentions}
    hits: list[PersonHit] = []

    def unit_before(pos: int) -> str | None:
        m = ends.get(pos)
        return m.court if m else None

    def org_of(chain: str) -> str | None:
        found = _ORG_IN_CHAIN.findall(chain)
        if not found:
            return None
        # the political-legal committee is the office; a standing-committee seat comes with it
        return next((a for a, _ in found if a), found[0][1])

    found = list(_CHAIN_RE.finditer(text, 0, limit))
    chains = [(m.start(), m.end()) for m in found]
    for m in found:  # a roster line: 党组成员、副院长：刘红梅、韩建国
        list_m = _NAME_LIST.match(text, m.end())
        if list_m is None or _is_credit(text, m.start()):
            continue
        roles = re.split("[、兼]", m.group(0))
        pos = list_m.start("names")
        for raw in re.split("[、，,]", list_m.group("names")):
            if _valid_name(raw) and not _NOT_GIVEN.match(raw):
                hits.append(
                    PersonHit(raw, tuple(roles), pos, pos + len(raw), unit_before(m.start()))
                )
            pos += len(raw) + 1
    for m in found:  # a title chain followed by a name: 党组书记、院长李景会
        spaced = _SPACED_NAME.match(text, m.end())
        after_m = _NAME_AFTER.match(text, m.end())
        if after_m is None or any(h.start == after_m.start("name") for h in hits):
            continue
        name = _name_after(after_m.group("name"))
        if spaced is not None and spaced.start("name") == after_m.start("name"):
            run = spaced.group("name")
            if (
                not _NOT_GIVEN.match(run)
                and not any(c in _SPACED_STOP for c in run)
                and run[-1] not in _AFTER_NAME
            ):
                name = run if len(run) > 3 or name is None else name
        if not name or _is_credit(text, m.start()):
            continue
        chain = m.group(0)
        roles = re.split("[、兼]", chain)
        start = after_m.start("name")
        if all(r in OCCUPATIONS for r in roles):
            after = start + len(name)
            if unit_before(m.start()) is None or (
                after < len(text)
                and text[after] not in _AFTER_NAME
                and text[after] not in _BOUNDARY_BEFORE
            ):
                continue
        hits.append(
            PersonHit(
                name, tuple(roles), start, start + len(name), unit_before(m.start()), org_of(chain)
            )
        )
    for m in found:  # a name followed by a title chain: 郑青院长
        j = k = m.start()
        while k > 0 and j - k < 3 and "\u4e00" <= text[k - 1] <= "\u9fff":
            k -= 1
        raw = text[k:j]
        if len(raw) < 2:
            continue
        # the name must start at a boundary: a court mention, punctuation or line start
        for cut in range(len(raw) - 1):
            s = k + cut
            if s == 0 or s in ends or text[s - 1] in _BOUNDARY_BEFORE:
                name = raw[cut:]
                break
        else:
            continue
        if not _valid_name(name) or _is_credit(text, s):
            continue
        if any(a <= s < b or a < s + len(name) <= b for a, b in chains):
            continue  # 党组书记: the "name" is part of a title
        if any(h.start <= s < h.end for h in hits):
            continue
        chain = m.group(0)
        hits.append(
            PersonHit(
                name,
                tuple(re.split("[、兼]", chain)),
                s,
                s + len(name),
                unit_before(s),
                org_of(chain),
            )
        )
    for m in _COMRADE.finditer(text, 0, limit):
        raw = m.group("name")
        for cut in range(len(raw) - 1):
            name = raw[cut:]
            if _valid_name(name):
                s = m.start() + cut
                if not _is_credit(text, s) and not any(h.start <= s < h.end for h in hits):
                    hits.append(PersonHit(name, (), s, s + len(name)))
                break
    hits.sort(key=lambda h: h.start)
    return hits
