"""Metric labels a reader understands.

`ingest.outcomes` names each figure by the words of its clause (受理案件数, 调解成功率). Some
clauses leave a piece of the sentence instead of a name: a conjunction the figure stood
after (人民调解员和数), a verb without its object (提出数, 增至数), a baseline whose figure
was cut out (较增幅, 与（数), a discourse word or a pronoun before the name (而结案数却同比增幅,
该庭开展巡回审判数), half a bracket (基层法院（含数), a qualifier or a stand-in alone (以上,
剩余, 对方), a byname before the name (着“最忙法庭”之称的乙法庭收案数), the pace of a growth
(民商事纠纷以年均) or the rest of a verb reaching a level (调撤率跃, 年受案量突破数, 调解成功率
比高出). `reader_label` mends what can be
mended by cutting the stray words, and gives a safe generic label by the figure's unit
(件数, 人数, 增幅…) where the words left name nothing: the outcome's text shows the sentence,
and a plain 人数 misleads no one where 人民调解员和数 does.
"""

from __future__ import annotations

import functools
import re

#: the generic label of a figure by its unit of measure (and direction, for percentages)
_GENERIC = {
    "件": "件数",
    "起": "件数",
    "案": "件数",
    "件次": "件次",
    "人次": "人次",
    "场次": "场次",
    "名": "人数",
    "人": "人数",
    "位": "人数",
    "次": "次数",
    "场": "场次",
    "个": "数量",
    "家": "数量",
    "所": "数量",
    "项": "项数",
    "条": "条数",
    "份": "份数",
    "篇": "篇数",
    "户": "户数",
    "笔": "笔数",
    "天": "天数",
    "日": "天数",
    "个月": "月数",
    "小时": "小时数",
    "分钟": "分钟数",
    "元": "金额",
    "万元": "金额",
    "亿元": "金额",
    "亩": "面积",
}

#: what a label adds after the words of its clause (…数, …增幅): the words are judged without it
_SUFFIX = re.compile(r"(?:人数|次数|件次|人次|场次|数量|数|增幅|降幅)$")
#: an empty pair of brackets a figure was cut out of (与2016年(651488件)相比 -> 与（）相比)
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[）)]")
#: punctuation or a joining sign a label cannot start with
_LEAD_MARK = re.compile(r"^[）)、，,：:；;。+＋\s]+")
#: discourse words, pronouns and a disposal 将/把 before the name (而结案数, 该庭开展…, 我们的
#: 办结率, 将法庭数量); 就地, 再审, 再犯, 并处, 其他, 及时 are words of their own, and 此/该类/这类
#: name the kind counted (此类案件数, 该类案件数, 此前受理的案件数)
_LEAD_WORDS = re.compile(
    r"^(?:而|且|但|却|又|也|还(?!款|原|贷)|更(?!新|换|正|改)|并(?!购|案|联|处)|就(?!地|近|业)"
    r"|再(?!审|次|犯)|将|把|该(?:庭|院|中心|局|所|站|团队)|该(?!类)|我们的?|我院|本院|这(?:些|个)"
    r"|这(?!类))"
)
#: an adverb inside a change's label (受案数量更是同比增幅, 结案数却同比增幅)
_INNER_ADVERB = re.compile(
    r"(?:更是|却|都|(?<![人平年月日季户])均|也)(?=同比|环比|增|降|上升|下降)"
)
#: a verb that reaches a level, left at the end of the name (调撤率达, 服判息诉率升至,
#: 合作单位增至): the name is the words before it
_LEVEL_TAIL = re.compile(
    r"(?:(?:升|增|降|提高|提升|上升|下降|增加|减少|扩充|扩大|跃升|回落|低|高)(?:至|到)"
    r"|(?<![送到通抵传下转表发])达到?了?|(?<![行作认成视称因人])为|是|(?<![最提])高|(?<![最降])低)$"
)
#: a label that ends with a joining word: the figure followed it and counts something named
#: after the figure, which the words do not say (人民调解员和数)
_DANGLING = re.compile(r"(?:和|与|及|或|以及|的|(?<!事)了|不到|不足|超过|(?<![集居其])中)$")
#: a baseline word before a count's suffix (与2017年的1546件相比 -> 相比数); before 增幅 it is a
#: word of the label (结案量同比增幅)
_DANGLING_BASE = re.compile(r"(?:相比|相较|比|较|同比|环比)$")
#: a metric's name that is a piece of a clause, not a word: it opens with a preposition or a
#: particle (以不到, 由前三年的年均, 请在见网后, 约占) or ends with one (…持续以, …从年初的);
#: 在线 is a word of its own (在线调解案件数). `ingest.extract` mends or drops these itself
FRAGMENT_METRIC = re.compile(
    r"^(?:的|以(?!上)|由|从|把|被|向|请|约|于|在(?!线))|(?:的|以|由|从|在|把|被|向|于|不到|不足)$"
)
#: what `ingest.extract` mends or drops itself (的电子送达量, 由前三年的年均, 以不到, 占): left
#: as found
_LEFT_TO_EXTRACT = re.compile(FRAGMENT_METRIC.pattern + r"|^约?占$")
#: a verb that takes an object, alone (提出数, 帮助数, 惠及数, 相当于解决数): the counted noun is
#: not in the label
_BARE_VERB = re.compile(
    r"(?:会上|会议|当天|当日|全年|今年|累计|共|已|先后|分别)?(?:相当于)?(?:提出|开展|建立|设立|发出|提供|组织|召开|举办|选派|聘请|配备|解决|获得|实现"
    r"|完成|参与|列出|推动|帮助|惠及|覆盖|涉及|还有|共有|另有)"
)
#: a bare baseline before a change (较增幅, 比增幅, 相比增幅): the year it compared with was cut
_BARE_BASELINE = re.compile(r"^(?:与|和)?(?:较|比|相比|相较)(?=增幅$|降幅$)")
_HAN = re.compile("[\u4e00-\u9fff]")
#: the start of a from–to change left at the end of a label: 从/由 and the time or the level the
#: change starts from (收案增幅由去年同期, 分流率从年初的, 由前三年的年均) or its verb after a few
#: words (民事案件从最初的一年攀升数, 诉讼案件数从迅猛增长数, 收案量由上升至数), or nothing more
#: (收案量由); the measure is named before it. The one definition ingest.outcomes, ingest.extract
#: and reader_label cut such a start by
FROM_TAIL = re.compile(
    r"[从由](?:(?:去年|上年|前年)?(?:同期)?|[^从由，,。；;]{0,8}?的(?:年均)?"
    r"|[\u4e00-\u9fff]{0,8}?(?P<verb>增长|攀升|上升|增加|下降|减少|降低|回落|缩短|提高)(?:到|至)?数?)$"
)
#: a word that only qualifies or stands in for the figure, no name of what it measures
#: (10%以上 -> 以上, 剩余3000元 -> 剩余, 对方2万元 -> 对方)
_NO_NAME = re.compile(r"(?:以上|以下|左右|之多|有余|剩余|其余|对方|本人)")
#: a byname the text gives what it counts (有着“最忙法庭”之称的乙法庭收案1200件): the
#: words after it name the measure
_BYNAME = re.compile(r"^(?:有|带)?着?[^，,。；;]{1,16}?之称的")
#: the pace a measure grew at, cut before its figure (民商事纠纷以年均12%以上增幅持续增长)
_PACE_TAIL = re.compile(r"以(?P<per>年均|每年|月均|日均)$")
#: the rest of a verb reaching a level (调撤率跃升至91.5%, 年受案量突破9万件, 调解成功率比上年
#: 高出8个百分点), and a baseline word left before it
_REACH_TAIL = re.compile(r"(?:(?<=[率量数])跃升?|突破|高出|超出)$")
_BASE_TAIL = re.compile(r"(?:相比|相较|比|较)$")
#: an adverb of manner alone (迅猛数: …从3.9万件迅猛增长到7.7万件)
_ADVERB = re.compile(r"迅猛|大幅|稳步|持续|显著|明显|逐年|快速|进一步|不断")
#: a noun of one character that makes a label with 数 (村数, 镇数, 户数)
_ONE_WORD = frozenset("村镇乡户家院庭站室厂校企")
#: more Chinese characters than a label has: a clause or a sentence
_SENTENCE_LONG = 30


#: the words between two figures of one measure: the year the second is compared with
#: (新收案件1.2万件，与2022年（1.4万件）…), the change against it (…1.4万件）相比下降14%), or the end
#: of a from-to pair (576件攀升到2645件)
_CHAIN_GAP = re.compile(
    r"[，,]?(?:与|和|同|较|比)(?:(?:19|20)\d{2}年|去年|上年|前年)(?:同期)?的?[（(]?"
    r"|[）)]?(?:相比|相较|比较|同比|环比)?(?:上升|增长|增加|提高|下降|减少|降低|回落)了?"
    r"|(?:[\u4e00-\u9fff]{0,2}?)(?:增长|攀升|上升|增加|下降|减少|降低|回落)(?:到|至)了?"
)
_PERCENT = ("%", "个百分点", "百分点")


def generic_label(uom: str, direction: str | None) -> str:
    """A label that names the kind of figure only, by its unit (and direction).

    >>> generic_label("名", None), generic_label("%", "down"), generic_label("艘", None)
    ('人数', '降幅', '数量')
    """
    if uom in ("%", "个百分点", "百分点"):
        return {"up": "增幅", "down": "降幅"}.get(direction or "", "比例")
    return _GENERIC.get(uom, "数量")


def _balanced(label: str) -> str:
    """Half a bracket mended: 基层法院（含 -> 基层法院; （含铁路法院 -> 铁路法院; 开发区法院） ->
    开发区法院; 甲（乙 -> 乙 (the figure stood inside the bracket)."""
    opened = label.count("（") + label.count("(")
    closed = label.count("）") + label.count(")")
    if opened == closed:
        return label
    if opened > closed:
        i = max(label.rfind("（"), label.rfind("("))
        after = re.sub(r"^(?:含|包括|其中)", "", label[i + 1 :])
        if len(_HAN.findall(_SUFFIX.sub("", after))) >= 2:
            return after
        return label[:i] + (after if _SUFFIX.fullmatch(after) else "")
    i = min(x for x in (label.find("）"), label.find(")")) if x >= 0)
    before, after = label[:i], label[i + 1 :]
    if len(_HAN.findall(_SUFFIX.sub("", before))) >= 2:
        return before + (after if _SUFFIX.fullmatch(after) else "")
    return after


@functools.lru_cache(maxsize=8192)  # pure, and asked of the same labels again and again
def reader_label(metric: str, uom: str, direction: str | None = None) -> str:
    """`metric` as a name a reader understands: mended where words of the sentence stray into
    it, or the generic label of its unit where nothing of a name is left.

    >>> reader_label("人民调解员和数", "个")
    '数量'
    >>> reader_label("一审服判息诉率升至", "%", None)
    '一审服判息诉率'
    >>> reader_label("而结案数却同比增幅", "%", "up")
    '结案数同比增幅'
    >>> reader_label("调解成功率", "%")
    '调解成功率'
    """
    if metric.startswith("的") and not _LEFT_TO_EXTRACT.search(metric[1:]):
        metric = metric[1:]  # 2017年的受案数量更是同比上升: as ingest.extract mends it
    if _LEFT_TO_EXTRACT.search(metric) or (metric and not _HAN.search(metric)):
        return metric  # (a figure named by another figure, 1530: ingest.extract drops it)
    label = _EMPTY_BRACKETS.sub("", metric or "")
    label = _balanced(label)
    label = _LEAD_MARK.sub("", label)
    if _NO_NAME.fullmatch(label):
        return generic_label(uom, direction)
    byname = _BYNAME.match(label)
    if byname and len(_HAN.findall(_SUFFIX.sub("", label[byname.end() :]))) >= 2:
        label = label[byname.end() :]
    pace = _PACE_TAIL.search(label)
    if pace:
        if uom in _PERCENT and direction in ("up", "down") and pace.start() >= 2:
            return label[: pace.start()] + pace.group("per") + generic_label(uom, direction)
        return generic_label(uom, direction)
    for _ in range(3):
        cut = _LEAD_WORDS.sub("", label)
        if cut == label or len(_HAN.findall(cut)) < 2:
            break
        label = _LEAD_MARK.sub("", cut)
    label = _INNER_ADVERB.sub("", label).replace("的的", "的")
    label = re.sub(r"(?<=[率数量幅比])(?:均|都|也|仍|却)$", "", label)  # 增幅均超过15%
    label = _BARE_BASELINE.sub("", label)
    label = re.sub(r"^([增降]幅)((?:同比|环比)\1)$", r"\2", label)  # 增幅同比增幅: named twice
    suffix = _SUFFIX.search(label)
    body = label[: suffix.start()] if suffix else label
    start = FROM_TAIL.search(label)
    if start and start.group("verb") and len(_HAN.findall(label[: start.start()])) >= 2:
        # 民事案件从最初的一年攀升数 (…576件攀升到2645件): the measure named before the start
        head = label[: start.start()].removesuffix("的")
        return head if re.search("[数量]$", head) else head + "数"
    change = suffix is not None and suffix.group(0) in ("增幅", "降幅")
    reach = _REACH_TAIL.search(body)
    if reach and len(_HAN.findall(body[: reach.start()])) < 2:
        return generic_label(uom, direction)  # 突破数: the verb alone
    if reach:
        body = _BASE_TAIL.sub("", body[: reach.start()])
        if suffix is None and uom in ("个百分点", "百分点") and direction in ("up", "down"):
            suffix = _SUFFIX.search(generic_label(uom, direction))  # 调解成功率增幅
        label = body + (suffix.group(0) if suffix else "")
    tail = _LEVEL_TAIL.search(body)
    if tail:
        if len(_HAN.findall(body[: tail.start()])) < 2:
            return generic_label(uom, direction)
        body = FROM_TAIL.sub("", body[: tail.start()])  # 收案量由…上升至
        label = body + (suffix.group(0) if suffix else "")
    if len(_HAN.findall(body)) < 2 and not change and body not in _ONE_WORD:
        return generic_label(uom, direction)
    if suffix and suffix.group(0) == "数" and re.search("[量数率]$", body):
        label = body  # 收案量数 -> 收案量
    if _DANGLING.search(body) or (suffix and not change and _DANGLING_BASE.search(body)):
        return generic_label(uom, direction)
    if suffix and (_BARE_VERB.fullmatch(body) or _ADVERB.fullmatch(body)):
        return generic_label(uom, direction)
    if len(_HAN.findall(label)) > _SENTENCE_LONG:
        # a label as long as a sentence is the sentence: the kind a list sums up names it
        # (…、农村土地承包经营权纠纷等各类民事纠纷数 -> 各类民事纠纷数), else the unit does
        kind = label.rsplit("等", 1)[-1].strip("“”") if "等" in label else ""
        return (
            kind if len(_HAN.findall(_SUFFIX.sub("", kind))) >= 2 else generic_label(uom, direction)
        )
    return label


def chained_label(
    label: str, uom: str, direction: str | None, before: tuple[str, str], gap: str
) -> str:
    """A figure whose label fell back to its unit's generic one, named by the figure `before`
    it (its label and unit) when `gap`, the words between the two, chains them: the baseline
    of a comparison, the change against it, the end of a from-to pair (新收案件1.2万件，与2022年
    （1.4万件）相比下降14% -> 新收案件数, 新收案件降幅; 民事案件从576件攀升到2645件 -> 民事案件数).

    >>> chained_label("件数", "件", None, ("新收案件数", "件"), "，与2022年（")
    '新收案件数'
    >>> chained_label("降幅", "%", "down", ("新收案件数", "件"), "）相比下降")
    '新收案件降幅'
    >>> chained_label("增幅", "%", "up", ("审结案件数", "件"), "（上升")
    '增幅'
    """
    prev_label, prev_uom = before
    if label != generic_label(uom, direction) or not _CHAIN_GAP.fullmatch(gap):
        return label
    if prev_uom in _PERCENT or prev_label == generic_label(prev_uom, None):
        return label
    if re.search(r"(?:率|比|增幅|降幅)$", prev_label):
        return label
    if uom in _PERCENT:
        if direction not in ("up", "down"):
            return label
        body = re.sub(r"(?<=[\u4e00-\u9fff])数$", "", prev_label)  # 新收案件数 -> 新收案件
        return body + ("增幅" if direction == "up" else "降幅")
    return prev_label if uom == prev_uom else label
