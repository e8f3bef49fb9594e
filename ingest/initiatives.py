"""Finding reform initiatives in normalized text: taxonomy matches and proposed candidates.

Taxonomy aliases and patterns are matched first (`ingest.taxonomy`). A match is left out when
the context shows it names no practice of the court: a ``needs_verb`` term without an adoption
verb (司法建议书的回复率), a term listed among the functions of a system (实现在线调解、一键理赔等
业务), another body's procedure (经仲裁机构诉前调解), a headline's aim (《甲乙 助力多元解纷》).
A generic term takes the name of a more specific initiative it is ``part_of`` when the same
sentence names that one too (多元解纷 beside 一站式多元解纷机制).

Terms the taxonomy lacks are proposed as candidates (`candidate=True`) only when a general
pattern marks them as a named mechanism:

- a quoted name with a mechanism head (“营商环境调解室”, “三调度两通报一提示”机制, “庭站点员”四位
  一体服务网, “法院+某会”诉调对接工作机制), a quoted facility, or a quoted name after an
  adoption verb (also across a place name or a list closed by 等) that names court work;
- a quoted brand of a known initiative (“田间地头”流动法庭, ``kind_of`` 车载法庭);
- a quote of joined parts that opens a heading line (“调解+速裁” 跑出加速度, rule
  quoted-heading): the section reports that practice;
- an unquoted ``<adoption verb> X <head>`` (建立甲乙沟通机制, 组建甲乙团队, 设立社区法官联络点; a
  mediation committee only when set up and not a people's one: 联合成立首家商事纠纷调解委员会);
- a quoted campaign that opens with its span (“三年强院行动”) or builds a numbered brand
  (“三争”晋先品牌创建活动), which counts of kinds (“五项行动”, “三大专项行动”) are not;
- a name after a relative clause (建成对接多部门的甲省多元解纷平台, rule pattern-de), a virtual
  courtroom set up (上线5G虚拟智能法庭), a quote naming a tool of a kind made (研发庭审小程序“甲”),
  a numbered abbreviation with 理念/创建/协同 (“两邻”理念), a joint mechanism whose meeting is
  convened (召开甲乙联动工作机制座谈会, rule meeting), a plan's title without 《》 (制定甲三年规划,
  rule document-plain), a named activity of court work held (开展双休日送法进企活动, rule
  activity: five or more characters, so 开展庭审观摩活动 and the like stay routine);
- an unquoted mechanism named as running since a time (二次分流机制全面运行以来, rule
  running): no adoption verb before it, but the court has it;
- a conferred title (获评/被授予/入选 X; 获评“A”“B” gives two; not one an excerpt cuts off);
- the ``X源治理`` family and rhythmic formulas (一案一评查, 一天一观察、两天一调度);
- a quoted count of one word with a mechanism head right after it (“四个一”工作机制, rule
  quoted-code), which the numeric slogans below are not;
- a quoted count that sums up the list right before it (建成甲中心、乙中心“两个中心”, rule
  quoted-count): as many items as the count says, each holding the counted head; and one
  spelled out after 即 right after it (推进“六个对接”，即：…, rule quoted-count-spelled).
- the items of a list one verb sets up, closed by their kind (创设甲合议庭、“乙”茶室等特色品牌,
  建立了分案审理、社会调查等制度, rule list-items) or by their count and the head they share
  (建立甲、乙两项协作机制: each item takes the head); a list with one item that reads as no name
  (short, a clause, routine: 开展法律咨询、普法宣传等活动; 审判实务讲座) proposes nothing;
- a quoted list of watchwords a verb sets up as the court's 工作格局 / 工作思路 / 特色工作模式
  (构建“甲、乙、丙”的工作格局, rule quoted-slogan-work; 形成“…”的工作格局 is a state reached).

A quoted list of procedures set up together (开展“示范裁判、集中调处”) is one candidate;
heads such as 建设, 网络 and 格局 name a mechanism only with a court-work modifier (“甲”无讼建设,
not “法治乡村”建设). A term is flagged as a goal after 力争/目标是/助力 …, and as framing when
named only as what a practice serves (是推动健全X的重要创新, 打造成X的支点, 向X迈进).

Not candidates: numeric slogans (“四项机制”, 三项工作, N项机制), quoted duties a count closes
(落实“甲”“乙”三个责任, a known term inside them too), quotes exemplifying many of a kind
(“甲”“乙”等一系列管理制度), the parts a counted name spells out (“甲+乙+丙”“三专员”模式), a goal
or a finished clause before a head (“1+N”目标体系, “甲”建在了某中心), political formulas, generic phrases,
watchwords (把X挺在前面), heads that run on into another word (制度化, 工作法治化, 工作会议,
机制领导小组), another body's centre (县综治中心), examples of 一系列工作,
predicates (是民心工程, 跨域立案是…打造的“家门口”起诉新模式), counts of kinds (两种模式), quoted
lists of principles without a head of their own (“高院主导、中院主抓”), activities whose name
names no court work (“纾困解难”活动), case nicknames (“某某网”集资案), criminal judgments
selected as typical cases, pilot designations, names in article headlines not set up there,
short names given in passing ((下称“甲法庭”)), honours of persons (被评为“调解能手”: a role), the
governance of society (社会治理制度), unquoted names made of dispute words only (矛盾纠纷预防化解
机制), and rhythmic phrases inside a sentence (一家一杯茶问民情). A bare code (“3+N”) takes a
longer modifier up to its head (“3+N”联动联合矛盾纠纷调处机制).

>>> [m.name for m in find_initiatives("法院建立“无讼茶室”调解品牌,推行繁简分流。")]
['“无讼茶室”调解品牌', '繁简分流']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ingest.numbers import CLAUSE_PUNCT
from ingest.taxonomy import PlainView, Taxonomy, TaxonomyMatch, default_taxonomy, strip_ignored

HAN = "\u4e00-\u9fff"

ADOPTION_VERBS = (
    "建立健全|建立|健全|建成|设立|成立|组建|打造|创建|推行|实行|实施|推广|推进|深化|探索|开展|落实|"
    "坚持|构建|完善|启用|开通|揭牌|研发|引入|搭建|建设|运用|用好|依托|利用|设置|配置|打通|谋定|开设|"
    "试行|推出|首创|创设|优化|深入推进|积极推进|全面推行|共创|创新推出|用活|用好用活|升级为|上线"
)
#: verbs that set up only what they name with a quoted name (创新“甲调解”, 采取“乙+丙”方式), not
#: an unquoted phrase (创新送达机制 is to improve it)
_QUOTE_VERBS = "创新|活用|采取|采用"
_VERB_BEFORE = re.compile(
    r"(?<![为以])(?:" + ADOPTION_VERBS + "|" + _QUOTE_VERBS + r")(?:了|起|出|好)?$"
)

#: heads that make a quoted or unquoted phrase the name of a mechanism or facility
MECHANISM_HEADS = (
    # a campaign to build something (“三争”晋先品牌创建活动), before 品牌 and 活动 alone
    "品牌创建活动|创建活动|"
    "工作机制|机制|制度|改革|模式|工作法|调解品牌|品牌|工程|专项行动|专项整治|专项活动|活动|行动|"
    "平台|系统|中心|调解室|工作室|团队|工作体系|体系|服务站|工作站|窗口|专区|基地|评议|总体思路|思路|"
    "经验|调解法|共治|服务网(?!络)|驿站|之家|服务队|工作队|服务点|联络点|联络站|法庭|热线|课堂|讲堂|项目|计划|"
    "联盟|专班|专项治理|网络|格局|调解站|解纷站|调解队(?!伍)|解纷队(?!伍)|队伍|联合体|共同体|生态圈|服务圈|解纷圈|圈|"
    "矩阵|名片|专线|工作(?!目标|要求|重点|任务|布局|理念|人员|者|计划|模式|格局|思路|方案)|建设|"
    # a counted formula of a way of working (四字诀, 三段式, 五步法, 三部曲) and 同心圆
    "[一二两三四五六七八九十](?:字诀|字法|字经|段式|步法|步工作法|部曲|步曲)|同心圆|"
    # N位一体, 一体化, 工作布局 only when no other head follows (“甲”四位一体服务网)
    "(?:[三四五六七八九十]位一体|一体化|工作布局)"
    "(?![" + HAN + "]{0,6}(?:服务网|网络|机制|制度|模式|格局|体系|平台|中心|工作法))"
)
#: heads that alone make a quoted list of phrases (“当场立、自助立”改革) one name
_LIST_HEADS = re.compile(
    r"(?:改革|团队|机制|制度|工作法|工程|服务网|专项治理|专项行动|专项活动|共治"
    r"|[一二两三四五六七八九十](?:字诀|字法|字经|段式|步法|步工作法|部曲|步曲))$"
)
#: a step of court procedure: each item of a quoted list set up without a head names one
_PROCEDURE = re.compile(
    r"裁判|判决|调处|调解|审理|审判|执行|立案|送达|化解|解纷|速裁|快审|快执|精审|简审|速审"
)
#: heads of an activity or a loose grouping (队伍, 共同体, 解纷圈): the quoted part or the words
#: before the head must name court work or a facility
_WEAK_HEADS = frozenset(
    {
        "活动",
        "创建活动",
        "品牌创建活动",
        "行动",
        "专项活动",
        "工作",
        "队伍",
        "联合体",
        "共同体",
        "生态圈",
        "服务圈",
        "圈",
        "矩阵",
        "名片",
    }
)
#: heads that name a mechanism only with a modifier naming court work (“甲”无讼建设,
#: “甲”三级联动网络), not alone (“法治乡村”建设)
_MODIFIED_HEADS = frozenset({"建设", "网络", "格局"})
_HOLD_BEFORE = re.compile(r"(?:坚持|秉持|秉承|践行|树立)$")
_PRINCIPLE_END = re.compile(r"(?:优先|为主|为先|为本|至上|第一|并重|结合|相结合)$")
_CAMPAIGN_HEADS = frozenset({"专项行动", "行动", "专项整治", "品牌创建活动", "创建活动"})
#: a campaign's own name in quotes that opens with a count (“三年强院行动”, “百日攻坚行动”): the
#: count is its span, not a count of kinds (“五项行动”, “三大专项行动” name no campaign)
_COUNTED_CAMPAIGN = re.compile(
    r"^[一二两三四五六七八九十百千\d]+[个项大条点种张年届天日](?P<w>[" + HAN + r"]{2,8}?)"
    r"(?:攻坚行动|专项行动|行动)$"
)
#: a numbered abbreviation (“两邻”, “四零”: two neighbours, four zeros) names a programme with
#: these heads, which a longer quote does not take (“立审执一体化”理念 is a principle)
_COUNTED_ABBR = re.compile(r"^[一二两三四五六七八九十双百千万][" + HAN + r"]$")
_ABBR_HEADS = frozenset({"理念", "创建", "协同"})
#: …and with these heads right after it (“两评”工作机制, “三创”工作法), which a longer quote
#: takes whatever it says
_COUNTED_ABBR_HEADS = frozenset({"机制", "工作机制", "工作法"})
_ABBR_HEAD_AFTER = re.compile(r"(?P<mod>)(?P<head>理念|创建|协同)")
#: a head that runs on into another word is no head: 制度化, 工作法治化, 平台化 (not 化解)
_HEAD_RUN_ON = (
    r"(?!化(?!解)|治|领导小组|办公室|会议|推进会|座谈会|现场会|例会|工作会|研讨会|论坛|动员会|部署会|"
    r"联席会|交流会|培训班|创新)"
)


def _head_after(lead: str, longest: int) -> re.Pattern[str]:
    """The modifier (at most `longest` characters, no 的/等/和/与/及) and the mechanism head
    that follow a quote; used with .match(text, pos), anchored at the quote's end."""
    return re.compile(
        lead
        + r"(?:的)?(?P<mod>(?:(?!的|等|和|与|及)["
        + HAN
        + r"]){0,"
        + str(longest)
        + r"}?)(?P<head>"
        + MECHANISM_HEADS
        + r")"
        + _HEAD_RUN_ON
    )


_HEAD_AFTER_QUOTE = _head_after(r"(?:等)?", 8)
#: a bare code (“3+N”, “1+4”) names nothing alone: the words after it up to the head are the
#: name, and they may run longer (“3+N”联动联合矛盾纠纷调处机制)
_HEAD_AFTER_CODE = _head_after("", 12)
_QUOTED = re.compile(r"[“「](?P<x>[^“”「」\n]{1,30})[”」]")
_FACILITY_END = re.compile(
    r"(?:室|窗口|中心|站|点|平台|系统|工程|基地|通道|网|库|团队|品牌|机制|制度|模式|工作法|调解法|法庭|专区|"
    r"热线|专线|驿站|之家|服务队|行动|共治)$"
)
_COURT_WORK = re.compile(
    r"调解|调处|调裁|联调|解纷|诉|审|判|执行|立案|送达|法|庭|院|案|纠纷|枫桥|无讼|矛盾|治理|信访|质效"
)
#: 法 in words of the local government's and the party's legal work (法治乡村, 政法小苑)
_NOT_COURT_WORK = re.compile("法治|政法|普法|执法|司法所|司法局")
#: court work without the bare 法 of 法治 (法治乡村 is a programme of the local government)
_COURT_BUSINESS = re.compile(
    r"调解|调处|调裁|联调|化解|解纷|诉|讼|审|判|执行|立案|送达|法庭|法官|法院|案|纠纷|枫桥|矛盾|信访|"
    r"司法服务"
)
_NUMERIC_SLOGAN = re.compile(
    r"^(?:[一二两三四五六七八九十百千\dNn]+[个项大条点种张年届][^、,\uff0c]{1,5}[、,\uff0c]?)+$"
)
#: a count of one word (“四个一”, “两个三”, “两条龙”, “三个到位”, “四个在一线”): a numbered
#: code, not a count of kinds (“四项机制”, “三项工作”: a word _WORK_KINDS knows)
_COUNTED_CODE = re.compile(
    r"^[一二两三四五六七八九十][个项条](?P<word>[一二两三四五六七八九十" + HAN + r"]{1,3})$"
)
#: what a count of kinds counts (“四项机制”, “两个责任”, “三项工作”, “五大中心”): no code
_WORK_KINDS = re.compile(
    r"机制|制度|工作|任务|措施|举措|责任|职能|中心|平台|体系|模式|要求|原则|目标|重点|环节|方面|"
    r"服务|活动|行动|工程|项目|理念|意识|能力|作用|功能|渠道|问题|矛盾|纠纷|案件|队伍|品牌|效果"
)
#: everyday counted words (“一条龙” one-stop, 收支“两条线”, “一条心”): no court's own code
_EVERYDAY_COUNTS = frozenset({"一条龙", "两条线", "一条心"})
#: the heads that make such a code the name of one mechanism (“四个一”工作机制)
_CODE_HEADS = frozenset({"机制", "工作机制", "工作法", "模式", "制度", "体系", "工作体系"})


def _counted_code(plain_x: str, last: bool, head_m: re.Match[str] | None) -> bool:
    """A quoted count of one word with a mechanism head right after it: “四个一”工作机制,
    “两个三”多元解纷工作机制, “四个在一线”工作法 name one mechanism (rule quoted, a numbered
    code). A counted word of one character is always a code (no word list can tell a generic
    one apart); a longer one is, unless it names a kind of work (“四项机制”工作体系)."""
    return (
        last
        and head_m is not None
        and not head_m.group(0).startswith("等")
        and head_m.group("head") in _CODE_HEADS
        and plain_x not in _EVERYDAY_COUNTS
        and (code := _COUNTED_CODE.match(plain_x)) is not None
        and (len(code.group("word")) == 1 or not _WORK_KINDS.search(code.group("word")))
    )


def _counted_campaign(plain_x: str) -> bool:
    """“三年强院行动”, “百日攻坚行动”: a quoted campaign whose name opens with its span; the words
    between count and head are its own (not 专项, a kind)."""
    m = _COUNTED_CAMPAIGN.match(plain_x)
    return m is not None and len(_GENERIC_WORDS.sub("", m.group("w")).replace("专项", "")) >= 2


#: 三调度两通报一提示, 一庭两中心: counted parts without classifiers name one mechanism
_COUNTED_PARTS = re.compile(
    r"^(?:[一二两三四五六七八九十](?![个项条届大年])[" + HAN + r"]{1,3}){2,}$"
)
#: a manner of working (“面对面”, “点对点”, “背对背”, “手把手”): how a judge talks to the
#: parties, never a name (“总对总”, the SPC's pairing with national bodies, is one)
_MANNER = re.compile(r"^(?!总)(.)[对把贴并]\1$")
#: how near the court comes to the people (“家门口”, “零距离”, “最后一公里”): a figure of
#: speech, no name even with a head after it (“家门口”调处网络)
_NEARNESS = frozenset({"家门口", "零距离", "最后一公里", "最后一米"})


def _figure_of_speech(quoted: str) -> bool:
    """A quote that says how the court works or how near it comes: “背对背”, “家门口”."""
    return quoted in _NEARNESS or _MANNER.match(quoted) is not None


#: the police's and the government's own work teams (警务, 警调, 驻村工作队), not a court's
_OTHER_WORK = re.compile(r"警务|警调|警民|驻村工作队")
#: the work a short quote right after it is likened to (纠纷化解“终点站”, 多元解纷“朋友圈”)
_PROCESS_BEFORE = re.compile(r"(?:化解|解纷|治理)$")
_DIGIT_CODE = re.compile(r"^[\d+]+$")
_BARE_CODE = re.compile(r"^(?=.*[\d+＋])[\dNn+＋]+$")  # 1+4, 3+N
_LATIN = re.compile(r"[A-Za-z]")
_HAN_RUN = re.compile("[" + HAN + "]")
_NUM_CHARS = "一二两三四五六七八九十百"
_COUNT_INSIDE = re.compile(r"\d+[名个人件项]")  # “1名法官+2名助理”: a composition, not a name
_SENTENCE_LIKE = re.compile(r"^[以把让将向在从为对]")
_POLITICAL = re.compile(
    r"初心|使命|党|思想|二十大|十九大|主题教育|为人民|不忘|牢记|总书记|政治|打击|扫黑|整治.{0,4}诈骗|"
    # the system's political formula and the crackdown's watchword (打伞破网)
    r"中国特色社会主义|打伞|"
    r"一带一路|"
    # the party's campaigns of work style (四下基层, 甘肃的三抓三促): no court reform
    r"四下基层|三抓三促|"
    # the party's counted formulas (两个维护, 四个意识; 五个一批 of poverty relief): no code of
    # a court's own
    r"两个维护|两个确立|四个意识|四个自信|四个全面|两个务必|五个一批|"
    # formulas of the party's congress reports (共建共治共享的社会治理制度, 正确处理新形势下人民内部矛盾)
    r"共建共治共享|人民内部矛盾"
)
_PUNCT_CLASS = "[" + re.escape(CLAUSE_PUNCT) + "]"
_CLAUSE_CUT = CLAUSE_PUNCT + "《》()（）"
#: the last clause mark of a window and the rest of it (searched with an end position)
_CLAUSE_TAIL = re.compile("[" + re.escape(_CLAUSE_CUT) + "][^" + re.escape(_CLAUSE_CUT) + "]*$")
_SENTENCE_PUNCT = re.compile(_PUNCT_CLASS)

UNQUOTED_HEADS = (
    "工作机制|机制|制度|工程|改革|专项行动|专项整治|专项活动|基地|中心|服务站|工作站|调解室|工作室|"
    "平台|系统|专区|通道|模式|工作法|团队|法庭|联络点|调解委员会|监督员"
)
#: a court in a clause's lead (区法院与工商联联合成立…): the court takes part
_COURT_SUBJECT = re.compile(r"法院|法庭|该院|本院|我院|中院|高院")
#: set-up verbs after which a mediation committee is the court's own (与工商联联合成立商事纠纷
#: 调解委员会, 组建家事调解委员会), not a village's or a bureau's (人民调解委员会)
_FOUNDS = re.compile(r"(?:成立|组建|设立|建立)(?:了|起)?")
#: a finished mechanism name and a conjunction inside a window (甲机制和乙工作室)
_HEAD_AND = re.compile(r"(?:" + UNQUOTED_HEADS + r"|法庭|大厅)(?:和|及|与|以及)")
_UNQUOTED_HEAD = re.compile(r"(?:" + UNQUOTED_HEADS + r")" + _HEAD_RUN_ON)
_VERB_ANY = re.compile(r"(?:" + ADOPTION_VERBS + r")(?:了|起)?")
#: …and 创新 before a name with words of its own (创新商事仲裁调查令机制, 创新家事审判机制; 创新送达
#: 机制, generic words only, still improves a mechanism and proposes nothing)
_UNQUOTED_VERB = re.compile(r"(?:" + ADOPTION_VERBS + r"|创新|聘请|选聘|聘任)(?:了|起)?")
#: supervisors a court appoints from outside (聘请廉政和营商环境监督员): a mechanism of its own
_APPOINTS = re.compile(r"(?:聘请|选聘|聘任)(?:了)?")
#: words that alone do not name a mechanism (监督制约机制, 线上线下服务平台, 执行长效机制)
_GENERIC_WORDS = re.compile(
    "工作|长效|考核|监督|制约|改革|配套|保障|管理|协调|联动|沟通|调解|服务|诉讼|审判|执行|信息|数据|"
    "培训|指挥|体制|司法|奖惩|激励|评价|考评|责任|运行|综合|创新|领导|制度|体系|内部|外部|日常|"
    "常态化|规范化|全覆盖|议事|联席|学习|会议|便民|办公|新型|现代化|相关|多元|一体化|信息化|专门|专业化|基层|社会|"
    "协同|多方|线上|线下|网上|网下|智能|智慧|智审|智管|法官|法院|立案|质效|建设|机制|平台|中心|人民|"
    "一站式|院庭长|院领导|庭长|院长|处理|办理|工作|调处|化解|合理|规范|有效|科学|分流|"
    "部门|经费|财政|流程|共享|互通|宣传|法律|"
    # the court's staff and party work (创新人才培养机制, 队伍建设机制, 党建工作机制)
    "人才|培养|队伍|党建"
)
#: what a campaign for a known initiative adds to it (争创“枫桥式人民法庭”)
_CAMPAIGN_VERBS = re.compile(r"(?:全力|积极|深入|全面)?(?:争创|争当|创建|推进|深化|推行)")
#: words that frame a known initiative without naming another (“无讼村实验基地”, 特色品牌)
_FRAME_WORDS = re.compile("实验|基地|示范|试点|特色|品牌|亮点|创建")
_X_STOP = re.compile(
    r"的|等|之|各|相关|有关|系列|多项|这|该|其|以|为|将|把|被|在|于|从|向|对|通过|新$|体制$"
)

AWARD_VERBS = (
    r"获评为|获评|被评为|评为|被评选为|评选为|荣获|荣膺|荣记|荣立|被表彰为|表彰为|获得(?!感)|被授予|授予|被命名为|命名为|"
    r"命名[^，,。；;：:“”\n]{1,10}?为|命名(?![的为])|入选|被确定为|确定为|写入|晋升为|晋升|晋级为|"
    r"被评定为|评定为|蝉联|"
    # 共青团某省委认定甲庭为“青年文明号”: a body names the unit to a quoted honour
    r"认定[^，,。；;：:“”\n]{1,30}?为(?=[“「])|"
    r"获(?![得评悉知取批准赔益利奖释救胜])"  # 获…称号: only with 称号 after it
)
_NOT_HONOUR_BEFORE_HUO = frozenset("捕缴查破收俘斩")
_AWARD = re.compile(r"(?P<verb>" + AWARD_VERBS + r")")
_HONOUR_HEAD = re.compile(
    r"集体|单位|法院|法庭|称号|先进|示范|模范|优秀|标兵|典型|案例|荣誉|奖|品牌|报告|五化|枫桥|星级|"
    # posts and teams named as models (巾帼文明岗, 某某先锋岗, 青年文明号, 工人先锋号) and the ten
    # best of a kind (十佳人民法庭, 年度十大案件)
    r"文明岗|先锋岗|文明号|先锋号|十佳|十大"
)
#: the end of an honour given to a person (调解专家, 办案标兵, 全国模范法官): a role of that
#: person, not an initiative of a court
_PERSON_HONOUR = re.compile(
    r"(?:专家|导师|能手|标兵|高手|先进个人|工作者|法官|之星|调解员|能人|楷模|人物|书记员|法官助理|干警|"
    r"陪审员|执行员|法警|青年)"
    r"[”」]?(?:奖项|奖|称号|荣誉称号)?$"
)
#: an honour of a piece of writing (a paper, a research topic, an essay: 获评全省法院重点调研课题
#: “良好”成绩, 荣获学术讨论会三等奖论文) or one pointed back to (获得此成绩): its authors', no
#: practice of the court
_WRITING_HONOUR = re.compile(r"论文|课题|征文|调研成果|调研报告|学术|成绩[”」]?$|^(?:此|该|这)")
_AWARD_END = re.compile(
    r"称号|荣誉称号|荣誉|以来|之后|以后|期间|的基础|的同时|[" + re.escape(CLAUSE_PUNCT) + r"(（]"
)

_SOURCE_GOVERNANCE = re.compile(r"(?P<x>[" + HAN + r"])源治理")
#: a room or a station named in single quotes inside a quoted speech (“调解室挂着‘甲乙调解室’的
#: 牌子”): the quote is the room's name
_NESTED_ROOM = re.compile(
    r"‘(?P<x>[" + HAN + r"]{2,10}(?:调解室|立案室|工作室|服务站|工作站|驿站|之家|窗口))’"
)
#: 诉源、执源、访源综合治理: the sources governed together, one initiative
_SOURCE_LIST = re.compile(
    r"(?:[" + HAN + r"]源[、和与及]){1,3}[" + HAN + r"]源(?:综合|一体化|一体|协同|联动)?治理"
)
_NOT_SOURCE = frozenset("资水能来根财税电河货")
_NUM = "一二两三四五六七八九十"
_RHYTHM_TAIL = r"(?:(?!制度|机制|工作|模式|标准|的|为|等)[" + HAN + r"]){1,3}"
_RHYTHM_PART = r"[" + _NUM + r"][" + HAN + r"][" + _NUM + r"]" + _RHYTHM_TAIL
#: 一案一评查, 一庭一策, 一天一观察、两天一调度 (first part 一X一Y, no classifier); 一对一衔接
#: and 一问一答 are a manner of working (one to one, question and answer), no routine
_RHYTHM = re.compile(
    r"一(?![个项条届对问])[" + HAN + r"]一" + _RHYTHM_TAIL + r"(?:、" + _RHYTHM_PART + r")*"
)
#: what may follow a rhythmic formula that names a routine (一案一评查制度, 一院一档的)
_RHYTHM_NEXT = re.compile(r"(?:制度|机制|工作|模式|标准|的|为|等|" + MECHANISM_HEADS + r")")
_COMPARISON = re.compile(r"[大小等多少]于")
#: set phrases of the language in the 一X一Y form (a needle and a thread, the old and the
#: young): never a court's routine
_RHYTHM_IDIOMS = frozenset(
    {
        "一针一线",
        "一老一小",
        "一草一木",
        "一砖一瓦",
        "一言一行",
        "一举一动",
        "一点一滴",
        "一朝一夕",
        "一心一意",
        "一丝一毫",
        "一笔一画",
        "一字一句",
        "一颦一笑",
        "一饮一啄",
        "一粥一饭",
        "一山一水",
        "一年一度",
    }
)


@dataclass(frozen=True)
class InitiativeMention:
    """One place where an initiative is named in SourceDocument.text."""

    start: int
    end: int
    name: str  # canonical taxonomy name, or the proposed name of a candidate
    candidate: bool
    #: taxonomy | quoted | quoted-group | quoted-brand | quoted-defined | quoted-heading |
    #: quoted-count | quoted-count-spelled | quoted-slogan-work | quoted-list | quoted-code |
    #: pattern | document | award | award-header | meeting | activity | source |
    #: rhythm | running | list-items | quoted-nested
    rule: str
    awarded: bool = False  # the mention sits in a 获评/授予/入选 clause
    title: bool = False  # a conferred title of the taxonomy (全国法院先进集体), awarded or not
    #: after a purpose in its clause (助力诉源治理, 为实现…): named as a goal the work serves
    goal: bool = False
    #: named as given up or missing (取消甲, 不再…甲, 尚未建立甲, 由甲向乙转变, 将甲改为乙)
    abolished: bool = False
    #: named only as what a practice serves (是推动健全X的重要创新, 打造成X、Y的支点) or where
    #: the work heads (向X迈进): a goal that frames the article, not one of its initiatives
    framing: bool = False


def _covered(tax_spans: list[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of text[start:end] taxonomy matches cover (spans sorted, disjoint)."""
    i = bisect.bisect_left(tax_spans, (start, -1))
    if i > 0:
        i -= 1
    total = 0
    while i < len(tax_spans) and tax_spans[i][0] < end:
        s, e = tax_spans[i]
        total += max(0, min(e, end) - max(s, start))
        i += 1
    return total


_JOINERS = re.compile(r"[+＋·/／\-—]")


def _residue(text: str, tax_spans: list[tuple[int, int]], start: int, end: int) -> str:
    """text[start:end] without taxonomy matches, quotes, joiners and generic words: what a
    candidate adds to the taxonomy terms it contains (“共享法庭+网格”模式 adds 网格)."""
    parts: list[str] = []
    pos = start
    i = bisect.bisect_left(tax_spans, (start, -1))
    if i > 0:
        i -= 1
    while i < len(tax_spans) and tax_spans[i][0] < end:
        a, b = tax_spans[i]
        if b > pos:
            parts.append(text[pos : max(pos, a)])
            pos = max(pos, b)
        i += 1
    parts.append(text[pos:end])
    rest = _JOINERS.sub("", strip_ignored("".join(parts)))
    return _FRAME_WORDS.sub("", _GENERIC_WORDS.sub("", rest))


#: “团贷网”非法集资案, “斑海豹”案: a quoted nickname of a case
_CASE_AFTER_QUOTE = re.compile(r"[" + HAN + r"]{0,8}?案(?!例|源|件比)")
#: a list inside one pair of quotes (“高院主导、中院主抓”): principles unless counted or headed
_LIST_INSIDE = re.compile(r"[、,，;；]")
_COUNTED_ITEM = re.compile(r"^[" + _NUM_CHARS + r"\d]")
#: what may stand between an adoption verb and a quoted name: a place, or 等 closing a list
_PLACE_GAP = re.compile(r"(?:[" + HAN + r"]{1,4}[省市县区镇乡村庭院]|本院|全市|全县|全区)$")
#: 是 as a copula (是民心工程: what a thing is, not what a court sets up); not 但是/于是, nor an
#: enumeration (一是, 二是) or a focus (特别是, 尤其是)
COPULA = re.compile(
    r"(?<![于但还要可若凡只就总不别其而都更正实即或乃否一二三四五六七八九十])是(?![否非])"
)
#: …also an open count (N项机制: the N of a “3+N” code spelled out)
_COUNT_END = re.compile(r"[" + _NUM_CHARS + r"\dNn]+[种项个类大条][" + HAN + r"]{0,2}$")
#: 在“质效管理平台”中(排名): a place where something is seen, not a facility set up
_LOCATIVE_AFTER = frozenset("中上里内")


def _clause_start(text: str, pos: int, reach: int = 40) -> int:
    """The start of the clause that contains text[pos] (after the last clause punctuation)."""
    lo = max(0, pos - reach)
    m = _CLAUSE_TAIL.search(text, lo, pos)
    return m.start() + 1 if m else lo


def _predicate(text: str, start: int, tax_spans: list[tuple[int, int]]) -> bool:
    """The phrase at `start` follows 是 in its clause and says what something is: 是民心工程 (no
    adoption verb between), or 跨域立案是…打造的新模式 (an initiative already named before 是,
    described by a relative clause). 这是该院推出的“云上法庭” still names what the court made."""
    cs = _clause_start(text, start)
    before = text[cs:start]
    copulas = list(COPULA.finditer(before))
    if not copulas:
        return False
    copula = cs + copulas[-1].start()
    between = before[copulas[-1].end() :]
    verbs = list(_VERB_ANY.finditer(between))
    if not verbs:
        return True
    # 是全市首家建立X的法院: the last verb takes X as its object
    if between[verbs[-1].end() : verbs[-1].end() + 1] != "的":
        return False
    return _covered(tax_spans, cs, copula) > 0 or bool(_QUOTED.search(text, cs, copula))


def _verb_before(text: str, start: int) -> bool:
    """An adoption verb stands right before text[start], or before a place name or a list
    closed by 等 that leads up to it (推广…等“X”, 打造某镇“X”)."""
    lead = text[max(0, start - 7) : start]
    if _VERB_BEFORE.search(lead) or (lead.endswith("的") and _VERB_BEFORE.search(lead[:-1])):
        return True  # 推行“X”, 该院推出的“X”
    cs = _clause_start(text, start)
    before = text[cs:start]
    gap = _PLACE_GAP.search(before)
    if gap and _VERB_BEFORE.search(before[: gap.start()]):
        return True
    verbs = list(_VERB_ANY.finditer(before)) if gap else []
    if verbs and _PLACE_GAP.fullmatch(before, verbs[-1].end()):
        return True  # 推广城关镇“X”: the place may start right after the verb
    if before.endswith("等"):
        return bool(_VERB_ANY.search(before))
    return False


_BRAND_GAP = re.compile(r"[" + HAN + r"]{0,4}")
#: a verb between a quote and a known term: 破局“甲”深耕繁简分流 is two phrases, not a brand
_GAP_VERB = re.compile(
    r"(?:" + ADOPTION_VERBS + r"|深耕|助力|推动|聚焦|做实|做优|抓实|抓好|赋能|护航|融入|激活)"
)


#: a conjunction after a quote: “甲”和巡回审判 are two things
_GAP_JOIN = re.compile(r"和|及|与|或|并|以及")


def _taxonomy_after(
    text: str, tax_spans: list[tuple[int, int]], pos: int, facility: bool = False
) -> int | None:
    """The end of a taxonomy term that starts within a few characters after `pos` with nothing
    but Han characters between (“田间地头”流动法庭), else None. A 的 between describes the term
    (“全链条”解纷的诉源治理) unless the quote names a `facility` of its own."""
    i = bisect.bisect_left(tax_spans, (pos, -1))
    if i < len(tax_spans):
        s, e = tax_spans[i]
        gap = _BRAND_GAP.match(text, pos, s)
        if (
            gap is not None
            and gap.end() == s
            and not _GAP_VERB.search(gap.group(0))
            and not _GAP_JOIN.match(gap.group(0))
            and (facility or "的" not in gap.group(0))
        ):
            return e
    return None


#: a count right after quoted items whose noun is no mechanism (落实“甲”“乙”“丙”三个责任,
#: “甲”“乙”两项要求): the quotes are the duties, tasks or principles counted, not names
_DUTY_COUNT = re.compile(
    r"[" + _NUM_CHARS + r"\d]+(?:个|项|条|大|种)?"
    r"(?:责任|职责|任务|要求|原则|目标|理念|方面|导向|意识|坚持|必须|不准|禁止|环节|步骤)"
)
#: a run of quotes closed by such a count: a known term inside one of them (“严格落实立案登记制”
#: 四个责任) is a duty's word too
_DUTY_RUN = re.compile(
    r"(?:[“「][^“”「」\n]{1,30}[”」](?:、|和|及)?)+(?=" + _DUTY_COUNT.pattern + r")"
)


def _fills_quote(text: str, start: int, end: int) -> bool:
    """text[start:end] is the whole of a quote (“诉源治理”两项要求), quotation marks in or out."""
    opens = (start > 0 and text[start - 1] in "“「") or text[start : start + 1] in ("“", "「")
    closes = text[end : end + 1] in ("”", "」") or text[end - 1 : end] in ("”", "」")
    return opens and closes


#: a kind the quotes are examples of (“甲”“乙”等一系列管理制度, “丙”、“丁”等多个平台): no name
_MANY_KINDS = re.compile(r"系列|各项|多项|多种|多个|各类|多类|若干")
#: a modifier that is a goal or a finished clause, no part of a name: “1+1+4+3+N”目标体系 (a
#: plan's targets; not “甲”目标管理机制), “中枢指挥部”直接建在了区综治中心 (了 ends a predicate)
_NOT_NAME_MOD = re.compile(r"目标$|了")
#: a quote of joined parts right before a counted name (“甲+乙+丙”“三专员”模式): it spells the
#: name out, the counted name is the one
_SPELLED_PARTS = re.compile(r"[+＋、]")
_COUNTED_NAME = re.compile(r"^(?:[" + _NUM_CHARS + r"]|\d)")


def _quoted_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    quotes = [m for m in _QUOTED.finditer(text, 0, limit)]
    # consecutive quotes (“A”“B” or “A”、“B”) form a group sharing verb and head
    groups: list[list[re.Match[str]]] = []
    for q in quotes:
        if groups and text[groups[-1][-1].end() : q.start()] in ("", "、", "和", "及"):
            groups[-1].append(q)
        else:
            groups.append([q])
    out: list[InitiativeMention] = []
    for group in groups:
        first, last = group[0], group[-1]
        head_m = _HEAD_AFTER_QUOTE.match(text, last.end(), min(len(text), last.end() + 14))
        if head_m is None and _BARE_CODE.match(strip_ignored(last.group("x"))):
            head_m = _HEAD_AFTER_CODE.match(text, last.end(), min(len(text), last.end() + 18))
        if head_m is None and _COUNTED_ABBR.match(strip_ignored(last.group("x"))):
            head_m = _ABBR_HEAD_AFTER.match(text, last.end())  # “两邻”理念, “三端”协同
        if head_m is not None and (
            _VERB_ANY.search(head_m.group("mod"))
            or _COUNT_END.search(head_m.group("mod"))
            or _NOT_NAME_MOD.search(head_m.group("mod"))
        ):
            # “A”推动B机制: the head belongs to another phrase; “A”“B”三项工作: a count
            head_m = None
        if (
            head_m is not None
            and head_m.group("head") in _MODIFIED_HEADS
            and not (
                len(head_m.group("mod")) >= 2
                and _COURT_BUSINESS.search(strip_ignored(last.group("x")) + head_m.group("mod"))
            )
        ):
            head_m = None  # “法治乡村”建设: a programme; “送达站”建设: the quote alone names
        if head_m is None and _DUTY_COUNT.match(text, last.end()):
            continue  # 落实“甲”“乙”“丙”三个责任: duties counted, not mechanisms named
        if head_m is None and _SPIRIT_AFTER.match(text, last.end()):
            continue  # 发扬“马背法庭”精神: an ideal invoked
        kept_quotes: list[re.Match[str]] = []
        for n, q in enumerate(group):
            x = q.group("x").strip()
            plain_x = strip_ignored(x)
            if len(plain_x) > 24 or _SENTENCE_PUNCT.search(x):
                continue
            if (
                q is not last
                and _SPELLED_PARTS.search(plain_x)
                and _COUNTED_NAME.match(strip_ignored(group[n + 1].group("x")))
            ):
                continue  # “甲+乙+丙”“三专员”模式: the parts the counted name after it stands for
            if len(plain_x) < 3 and not (
                len(plain_x) == 2
                and q is last
                and head_m is not None
                and (
                    head_m.group("head") in _CAMPAIGN_HEADS
                    or (
                        _COUNTED_ABBR.match(plain_x)
                        and head_m.group("head") in _ABBR_HEADS | _COUNTED_ABBR_HEADS
                        and not head_m.group("mod")
                    )
                    or (
                        (
                            len(head_m.group("mod")) >= 2
                            and _COURT_BUSINESS.search(head_m.group("mod"))
                            or _COURT_BUSINESS.search(head_m.group("head"))
                        )
                        and head_m.group("head") not in _WEAK_HEADS
                    )
                )
            ):
                # “雷霆”专项执行行动 names a campaign, “四型”诉非联动中心 a kind of centre,
                # “红枫”调解队 a team; “知产”品牌 is a field
                continue
            if (
                _NUMERIC_SLOGAN.match(plain_x)
                and not _counted_code(plain_x, q is last, head_m)
                and not _counted_campaign(plain_x)
            ) or (x.startswith("第") or _POLITICAL.search(x)):
                continue
            if _COUNT_INSIDE.search(plain_x) or (
                _SENTENCE_LIKE.match(plain_x) and not _heading_slogan(text, q)
            ):
                continue
            if _figure_of_speech(plain_x):
                continue  # 法官“背对背”分头劝导, “家门口”调处网络: a figure of speech
            if (
                head_m is not None
                and head_m.group("head") in _CAMPAIGN_HEADS
                and _crackdown(text, plain_x + head_m.group(0), head_m.end())
            ) or (
                head_m is None
                and plain_x.endswith("行动")
                and _crackdown(text, plain_x, last.end())
            ):
                continue  # “净网”专项行动, 开展“百日攻坚行动”，打击盗窃犯罪: a crackdown on crime
            if OTHER_BODY.fullmatch(plain_x) or (
                _OTHER_WORK.search(plain_x + (head_m.group(0) if q is last and head_m else ""))
            ):
                # 乡镇的“矛调中心”, “枫桥警务”模式, “访惠聚”驻村工作队: another body's work
                continue
            if (
                len(plain_x) <= 3
                and not (q is last and head_m is not None)
                and _PROCESS_BEFORE.search(text, max(0, q.start() - 2), q.start())
                and not _COUNTED_ABBR.match(plain_x)
                and not _VERB_BEFORE.search(text, max(0, q.start() - 8), q.start() - 2)
            ):
                continue  # 纠纷化解“终点站”, 解纷“过滤网”: what the work is likened to
            kept_quotes.append(q)
        if not kept_quotes or _predicate(text, first.start(), tax_spans):
            continue
        if _MEDIA_AFTER.match(text, last.end()):
            continue  # 推出“甲乙看法院”专栏, “某某奉献记”系列报道: the title of a column or a series
        if _THIS_BEFORE.search(text, max(0, first.start() - 3), first.start()) or (
            _ROLE_PLAYED.match(text, last.end())
        ):
            continue  # 综治中心这一“总调度室”, 发挥法庭“前哨站”作用: what something else is
        if _SHIFT_BEFORE.search(text, max(0, first.start() - 2), first.start()) and (
            _SHIFT_AFTER.match(text, last.end())
        ):
            continue  # 从“单点突破”向“多元共治”转型: a state the work moves to
        if _SHORT_NAME_BEFORE.search(text, max(0, first.start() - 6), first.start()):
            continue  # 甲人民法庭（下称“甲法庭”）: the short name of what was named before
        if _PARTY_BODY_BEFORE.search(text, max(0, first.start() - 4), first.start()):
            continue  # 贯彻区委“2345”发展思路: a party committee's watchwords, not the court's
        # 坚持“调解优先”: a principle held, not a mechanism set up
        verb = _verb_before(text, first.start()) and not _HOLD_BEFORE.search(
            text, max(0, first.start() - 4), first.start()
        )
        if (
            head_m is not None
            and head_m.group(0).startswith("等")
            and _MANY_KINDS.search(head_m.group("mod"))
            and (
                head_m.group("head") in _WEAK_HEADS
                or not any(_LOCAL_FACILITY.search(strip_ignored(q.group("x"))) for q in group)
            )
        ):
            # 开展“A”“B”等一系列工作, 运用“甲”、“乙”等多个网上平台: examples of a kind, no
            # named mechanism (named rooms and posts stay names of their own)
            continue
        if (
            len(group) > 1
            and head_m is not None
            and head_m.group(0).startswith("等")
            and len(kept_quotes) == len(group)
            # “甲调解室”“乙服务站”等机制: named facilities are examples, each its own name, and
            # so are the brands of “甲”“乙”等调解品牌
            and not any(_LOCAL_FACILITY.search(strip_ignored(q.group("x"))) for q in group)
            and not _EXAMPLE_HEAD.search(head_m.group("head"))
        ):
            # “审学研”“评推树”等培养机制: the quotes and the kind they exemplify are one name;
            # “假日调解”“联动解纷”活动 are two activities
            s0, e0 = first.start(), head_m.end()
            if all(len(_GENERIC_WORDS.sub("", strip_ignored(q.group("x")))) < 2 for q in group):
                continue
            if _covered(tax_spans, s0, e0) and len(_residue(text, tax_spans, s0, e0)) < 2:
                continue
            out.append(InitiativeMention(s0, e0, text[s0:e0], True, "quoted-group"))
            continue
        governance = (
            _GOVERNANCE_SYSTEM.fullmatch(head_m.group("mod") + head_m.group("head"))
            if head_m is not None
            else None
        )
        if governance is not None and (
            _JOIN_BEFORE.search(text, max(0, first.start() - 6), first.start())
            or (governance.group("level") and governance.group(0).endswith("体系"))
        ):
            # 依托“一中心一张网”基层治理体系: the local government's system a court joins; a
            # 基层/社会/城乡 governance system (“四治融合”基层社会治理体系) is theirs wherever named
            continue
        for q in kept_quotes:
            rule = "quoted"
            x = q.group("x").strip()
            plain_x = strip_ignored(x)
            if q is last and _QUOTE_OF_QUOTE.match(text, q.end()):
                continue  # “甲+乙+丙”的“1+5”格局: the quote describes the name after it
            if (
                head_m is not None
                and head_m.group(0).startswith("等")
                and head_m.group("head").endswith(("平台", "系统"))
                and not _COURT_BUSINESS.search(plain_x)
            ):
                continue  # 通过“甲APP”“乙查”等媒体平台: a public app used, not the court's own
            covered = _covered(tax_spans, q.start(), q.end()) > 0
            if covered and (
                len(residue := _residue(text, tax_spans, q.start(), q.end())) < 2
                or _CAMPAIGN_VERBS.fullmatch(residue)
            ):
                continue  # “争创‘枫桥式人民法庭’”: the campaign for a known initiative is that one
            generic = len(_GENERIC_WORDS.sub("", plain_x)) < 2 and not _LATIN.search(plain_x)
            listed = bool(_LIST_INSIDE.search(plain_x)) and not all(
                _COUNTED_ITEM.match(part) for part in _LIST_INSIDE.split(plain_x) if part
            )
            # a head after the last quote names a single quote (“一把手”工程)
            own_head = q is last and head_m is not None and len(group) == 1
            if own_head and head_m is not None:
                head = head_m.group("head")
                if listed and not _LIST_HEADS.search(head):
                    continue  # “人工服务+自助服务、线下服务+线上服务”模式: a description
                if head_m.group(0).startswith("的") and any(
                    _PRINCIPLE_END.search(part) for part in _LIST_INSIDE.split(plain_x) if part
                ):
                    # “和解为先”的工作机制, “繁简分开、和解为先”的联动机制: the principles
                    # a mechanism follows describe it, they do not name it
                    continue
                if head in _WEAK_HEADS and not (
                    _COURT_WORK.search(plain_x + head_m.group("mod"))
                    or _FACILITY_END.search(plain_x)
                    or _COUNTED_PARTS.match(plain_x)
                    # “三争”晋先品牌创建活动: a numbered programme's campaign
                    or (head.endswith("创建活动") and _COUNTED_ABBR.match(plain_x))
                ):
                    continue  # “纾困解难”活动: an activity, not a named mechanism
                if head in _ABBR_HEADS and not (
                    _COUNTED_ABBR.match(plain_x) and not head_m.group("mod")
                ):
                    continue  # “立审执一体化”理念: a principle; “两邻”理念 a numbered programme
                end = head_m.end()
                name = text[q.start() : end]
                residue = _residue(text, tax_spans, q.start(), head_m.start("head"))
                if _covered(tax_spans, q.start(), end) and len(residue) < 2:
                    continue
                if head_m.group(0).startswith("的") and (
                    len(_residue(text, tax_spans, head_m.start("mod"), end)) < 2
                    and _covered(tax_spans, head_m.start("mod"), end)
                ):
                    continue  # “甲特色”的诉源治理工作机制: the quote describes a known term
                if generic and not _DIGIT_CODE.match(plain_x):
                    continue
                if head_m.group(0).startswith("等"):
                    # “甲”等解纷机制: the quote is one of a kind; it is named alone, the kind
                    # stays part of its mention
                    name = text[q.start() : q.end()]
                if _NUMERIC_SLOGAN.match(plain_x):
                    rule = "quoted-code"  # “四个一”工作机制: a numbered code with its head
            elif (
                brand_end := _taxonomy_after(
                    text, tax_spans, q.end(), bool(_FACILITY_END.search(plain_x))
                )
            ) and not (generic or listed or covered):
                end = brand_end  # “田间地头”流动法庭: a local brand of a known initiative
                name = text[q.start() : end]
                rule = "quoted-brand"
            elif (
                listed
                # 着力“调解、速裁、精审”: the procedures the court concentrates on
                and (verb or text[max(0, q.start() - 2) : q.start()] == "着力")
                and len(group) == 1
                and all(
                    _PROCEDURE.search(part) and not _PRINCIPLE_END.search(part)
                    for part in _LIST_INSIDE.split(plain_x)
                )
            ):
                # 开展“示范裁判、集中调处”: procedures set up together under one name
                end = q.end()
                name = text[q.start() : q.end()]
                rule = "quoted-list"
            elif (
                len(group) == 1
                and _JOINED_PARTS.match(plain_x)
                and covered  # a known procedure joined with another (not “线上+线下”)
                and _MEANS_BEFORE.search(text, max(0, q.start() - 2), q.start())
                and _MANNER_AFTER.match(text, q.end())
            ):
                # 通过“诉前调解+司法确认”的方式: the joined procedures the court works by
                end = q.end()
                name = text[q.start() : q.end()]
            elif len(group) == 1 and _heading_slogan(text, q):
                # a section heading opened by a slogan of joined parts (“甲乙+丙丁” 做法): the
                # section reports that practice
                end = q.end()
                name = text[q.start() : q.end()]
                rule = "quoted-heading"
            elif generic or listed or "的" in plain_x or _PRINCIPLE_END.search(plain_x):
                continue  # “有温度的司法”, “调解优先”: a description or a principle, not a name
            elif _DIGIT_CODE.match(plain_x):
                continue  # a bare code such as “1155” is a name only with a head noun
            elif _CASE_AFTER_QUOTE.match(text, q.end(), min(len(text), q.end() + 10)):
                continue  # “某某网”非法集资案: the nickname of a case
            elif head_m is None and _RESULT_BEFORE.search(text, max(0, q.start() - 3), q.start()):
                continue  # 实现“打开电脑就有法庭”: a state reached, not a facility set up
            elif text[q.start() - 1 : q.start()] == "在" and (
                text[q.end() : q.end() + 1] in _LOCATIVE_AFTER
            ):
                continue  # 在“某平台”中: where a figure is read, not a facility set up
            elif head_m is None and (
                _SIZE_FIGURE.match(plain_x)
                or _WEAVE_BEFORE.search(text, max(0, q.start() - 6), q.start())
                or (
                    len(plain_x) <= 4
                    and _BARRIER_END.search(plain_x)
                    and _BUILD_UP_BEFORE.search(text, max(0, first.start() - 16), first.start())
                )
            ):
                # “小法庭”发挥“大作用”, 让“小站点”成为…; 织密司法“触角网”, 筑牢纠纷过滤“防护网”:
                # figures of speech
                continue
            elif (
                # 家门口的“解忧驿站”: a metaphor, unless the court sets it up
                (
                    _FACILITY_END.search(plain_x)
                    and (
                        verb
                        or (
                            text[q.start() - 1 : q.start()] != "的"
                            and not _ONE_OF_A_KIND.search(text, max(0, q.start() - 3), q.start())
                        )
                    )
                )
                or head_m is not None
                or _named_kind(text, q.start())
                or (
                    verb
                    and (
                        _COURT_WORK.search(_NOT_COURT_WORK.sub("", plain_x))
                        or _COUNTED_PARTS.match(plain_x)
                    )
                )
            ):
                end = q.end()
                name = text[q.start() : q.end()]
            else:
                continue
            out.append(InitiativeMention(q.start(), end, name, True, rule))
    return out


#: a slogan of joined parts, each of two characters or more: 调解+速裁 (not 互联网+)
_JOINED_PARTS = re.compile(r"^[" + HAN + r"]{2,}(?:[+＋][" + HAN + r"]{2,})+$")
#: what a quote of joined parts is worked by (通过“甲+乙”的方式) and what names it a way of working
_MEANS_BEFORE = re.compile(r"(?:通过|采取|采用|运用|借助)$")
_MANNER_AFTER = re.compile(r"的?(?:方式|办法|做法|路径)")
#: a heading line: short, no sentence punctuation
_HEADING_BODY = re.compile(r"[^。！？!?；;\n]{0,40}(?:\n|$)")


def _heading_slogan(text: str, q: re.Match[str]) -> bool:
    """The quote `q` opens a heading line and joins parts with + (“甲乙+丙丁” 提升效能)."""
    line_start = text.rfind("\n", 0, q.start()) + 1
    return (
        not text[line_start : q.start()].strip()
        and bool(_JOINED_PARTS.match(strip_ignored(q.group("x"))))
        and _HEADING_BODY.match(text, q.end()) is not None
    )


#: what gives the quote after it as the short name of something just named: （下称“甲法庭”）
_SHORT_NAME_BEFORE = re.compile(r"[(（][^()（）]{0,2}(?:下称|简称|下同称|又称)[:：]?$")
#: 这一“甲”, 这个“乙”: a figure for the thing named before, not a name of its own
_THIS_BEFORE = re.compile(r"(?:这一|这个|这座|这张|这支)$")
#: “甲”作用 / “乙”的角色: the role something plays
_ROLE_PLAYED = re.compile(r"(?:的)?(?:作用|角色)")
#: what a quoted title names when these follow it: a newspaper's column, a series of reports,
#: a programme or a film (推出“甲乙看法院”专栏), no court's practice
_MEDIA_AFTER = re.compile(
    r"(?:专栏|栏目|系列报道|系列访谈|系列节目|系列短视频|专题报道|专题片|宣传片|微电影|纪录片|访谈节目)"
)
#: 向“甲”转型: where the work moves to
_SHIFT_BEFORE = re.compile(r"向$")
_SHIFT_AFTER = re.compile(r"(?:转型|转变|迈进|延伸|拓展|发展|升级)")
#: what makes the quote after it a state reached (实现“甲”), not a facility set up
_RESULT_BEFORE = re.compile(r"(?:实现|做到|达到|达成)(?:了)?$")
#: a kind of tool right before a quote that names it: 庭审小程序“甲”, 微信公众号“乙”
_KIND_BEFORE = re.compile(r"(?:小程序|App|APP|app|公众号|软件|系统|平台)$")


def _named_kind(text: str, start: int) -> bool:
    """The quote at `start` names a tool of a kind the clause says was made: 研发了庭审小程序“甲”."""
    if not _KIND_BEFORE.search(text, max(0, start - 3), start):
        return False
    return bool(_VERB_ANY.search(text, _clause_start(text, start), start))


#: the head of a kind whose members each have a name of their own (“甲”“乙”等调解品牌, “丙”“丁”等
#: 在线平台: each platform is a system of its own)
_EXAMPLE_HEAD = re.compile(r"(?:品牌|室|站|点|队|队伍|窗口|驿站|之家|法庭|基地|平台|系统)$")
#: a local facility of the court's own (调解室, 服务站, 调解队), not a platform it uses
_LOCAL_FACILITY = re.compile(r"(?:室|站|点|队|窗口|驿站|之家|法庭|基地)$")
#: 一个“微型法庭”跃然眼前: a thing counted and described, not a named facility set up
_ONE_OF_A_KIND = re.compile(r"[一两几][个座间辆处块张台]$")
#: a quote that qualifies the quoted name right after it
_QUOTE_OF_QUOTE = re.compile(r"的[“「]")
#: the levels of local governance (基层治理, 社会治理, 城乡基层治理)
_GOVERNANCE_LEVELS = "基层|社会|市域|乡村|基层社会|城乡基层|城乡"
#: the local (party and government) governance system courts join: 基层治理体系, 社会治理格局
_GOVERNANCE_SYSTEM = re.compile(r"(?P<level>" + _GOVERNANCE_LEVELS + r")?治理(?:体系|格局|网络)")
#: the governance of society or of the grassroots as a whole (社会治理制度, 基层治理体系)
_SOCIETY_GOVERNANCE = re.compile(
    r"(?:" + _GOVERNANCE_LEVELS + r"|城乡社区)治理(?:体系|格局|网络|制度|机制|模式)"
)
#: a size word and a bare noun of two characters at most (“小法庭”, “小站点”, “大舞台”): the
#: contrast of a figure of speech (小法庭办大事), not a name
_SIZE_FIGURE = re.compile(r"^[小大][" + HAN + r"]{1,2}$")
#: 织密 (weave tight) a net: always a figure of speech for what the court extends
_WEAVE_BEFORE = re.compile(r"织密[" + HAN + r"]{0,4}$")
#: …and a short quote of a net, a wall or a line that a clause weaves or builds up (织密线索收集
#: “预警网”, 筑牢纠纷过滤“防护网”, 构筑“防火墙”): what the work is likened to
_BUILD_UP_BEFORE = re.compile(
    r"(?:织密|织牢|织就|筑牢|筑起|筑好|构筑|扎密|扎牢|编密|编织|守牢)[" + HAN + r"]{0,12}$"
)
_BARRIER_END = re.compile(r"(?:网|墙|堤|坝|闸|防线|屏障|护栏|堡垒|盾)$")
_JOIN_BEFORE = re.compile(r"(?:依托|融入|参与|嵌入|借助|对接|联合|纳入)(?:了|到|进)?$")

_WINDOW_CUT = frozenset(CLAUSE_PUNCT + "《》()（）")
#: an aspect particle anywhere, or a conjunction first: the words before a head are a piece of
#: a clause (签订了, 起了; 和诉服中心 after 建设), not a name
_CLAUSE_PIECE = re.compile(r"^[了和与及并或而]|了")


def _unquoted_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    out: list[InitiativeMention] = []
    item_ends = {e for _, e in tax_spans}  # where a list item already taken ends
    for h in _UNQUOTED_HEAD.finditer(text, 0, limit):
        if h.end() < len(text) and text[h.end()] in "”」":
            continue  # the head belongs to a quoted name
        window_start = max(0, h.start() - 22)
        window = text[window_start : h.start()]
        cut = len(window) - 1
        while cut >= 0 and window[cut] not in _WINDOW_CUT:
            cut -= 1
        if cut >= 0:
            window = window[cut + 1 :]
            window_start = h.start() - len(window)
        verbs = list(_UNQUOTED_VERB.finditer(window))
        if not verbs:
            # 建立甲机制、乙制度和丙工作室: a later item of a list whose item before it was taken
            # (its verb lies out of the window)
            seps = [
                m
                for m in _LIST_SEP.finditer(window)
                if window_start + m.start() in item_ends and not _VERB_ANY.search(window, m.end())
            ]
            if not seps:
                continue
            # the item right before this one may have been left out (甲平台、乙会议系统、丙法庭)
            left = max(seps[-1].end(), window.rfind("、") + 1)
        elif verbs[-1].start() > 0 and window[verbs[-1].start() - 1] in "为以":
            continue  # 为健全…机制: a purpose, not an adoption
        else:
            # the name starts after the verb, or after the last list separator or closing
            # quote (开展“A”活动、B专项行动: B's verb is 开展, its name B专项行动)
            left = max([verbs[-1].end()] + [window.rfind(c) + 1 for c in "、”」"])
        x = window[left:]
        start = window_start + left
        if verbs and left > verbs[-1].end() and window[left - 1] in "”」":
            # 推行「执行事务中心」集约化管理模式: the quoted part belongs to the name
            opening = text.rfind("“" if window[left - 1] == "”" else "「", window_start, start - 1)
            if opening >= 0 and opening >= window_start + verbs[-1].end():
                start = opening
                x = text[start : h.start()]
        joined = list(_HEAD_AND.finditer(x))
        if joined:
            # 建立甲机制和乙工作室: the name after a finished one and 和 is the second's
            start += joined[-1].end()
            x = x[joined[-1].end() :]
        after_item = [m for m in _LIST_SEP.finditer(x) if start + m.start() in item_ends]
        if after_item:
            # 推行繁简分流和乙制度: a known term and 和 before the name
            start += after_item[-1].end()
            x = x[after_item[-1].end() :]
        rule = "pattern"
        count = _LEADING_COUNT.match(x) or _FIRST_OF_PLACE.match(x)
        if count:  # 设立5家船员权益保护工作站: the count is no part of the name
            start += count.end()
            x = x[count.end() :]
        de = x.rfind("的")
        if verbs and de >= 0 and len(x) - de - 1 >= 4:
            # 建成对接多个系统的甲省多元解纷平台: the name after a relative clause (rule pattern-de)
            named = strip_ignored(x[de + 1 :])
            if len(_own_words(named)) >= 2 and not _X_STOP.search(named):
                start += de + 1
                x = x[de + 1 :]
                rule = "pattern-de"
        if len(x) < 2 or len(x) > 24 or _X_STOP.search(strip_ignored(x)):
            continue
        plain = strip_ignored(x)
        if plain.startswith("是") or _COUNT_END.search(plain):
            continue  # 是民心工程 (a predicate), 两种模式 (a count of kinds)
        if _predicate(text, start, tax_spans):
            continue
        if len(_GENERIC_WORDS.sub("", plain)) < 2 or _NUMERIC_SLOGAN.match(plain):
            continue
        if len(_own_words(plain)) < 2:
            continue  # 健全矛盾纠纷预防化解机制, 完善督促机制: words of any such mechanism
        if (
            verbs
            and verbs[-1].group(0).startswith("创新")
            and len(_own_words(_PROCEDURE.sub("", plain))) < 2
        ):
            continue  # 创新送达机制: a procedure's mechanism improved, no name of its own
        if _ADJECTIVE.fullmatch(plain) or (
            h.group(0) in _CAMPAIGN_HEADS
            and (_CRIMINAL.search(plain) or _crackdown(text, plain, h.end()))
        ):
            continue  # 作为一项战略性工程 (a quality), 电信网络诈骗专项行动 (a crackdown on crime)
        if plain.startswith("第") or _COUNT_INSIDE.search(plain):
            continue  # “第一议题”制度: an ordinal names a routine, not a mechanism
        if (lead_q := _QUOTED.match(x)) and _figure_of_speech(strip_ignored(lead_q["x"])):
            continue  # 打造“零距离”解纷平台: a figure of speech, not the name's own words
        if _POLITICAL.search(x):
            continue
        if _LEADING_VERB.match(plain):
            continue  # 提供制度依据, 做实做优专业调解中心: a verb phrase cut at a head, not a name
        if _CLAUSE_PIECE.search(plain):
            continue  # 搭建起了X通道, 信息化建设和诉服中心, 公司签订了工程: a piece of a clause
        if h.group(0) in ("团队", "基地", "联络点") and not _COURT_WORK.search(
            _NOT_COURT_WORK.sub("", plain)
        ):
            continue  # 组建平行审判团队 is court work; a volunteer team, an education base not
        if h.group(0) in _USED_HEADS and verbs and _USES.fullmatch(verbs[-1].group(0)):
            continue  # 利用钉钉平台, 依托某中心: a tool or a place used, not a mechanism set up
        if h.group(0) == "法庭" and not _VIRTUAL.search(plain):
            continue  # 建成甲人民法庭 is a tribunal; a virtual courtroom is a practice
        if h.group(0) in ("系统", "平台") and _OFFICE_SYSTEM.search(plain):
            continue  # 建成法官远程会议系统: the court's equipment, not a practice for the public
        if _SOCIETY_GOVERNANCE.fullmatch(plain + h.group(0)):
            continue  # 完善社会治理制度: the governance of society, no court's own
        if (h.group(0) == "监督员") != bool(verbs and _APPOINTS.fullmatch(verbs[-1].group(0))):
            continue  # 聘请…监督员 only; 聘请 sets up nothing else (聘请甲专家团队 hires people)
        if h.group(0) == "监督员" and "担任" in plain:
            continue  # 聘请人大代表担任监督员: the people appointed, not the mechanism's name
        if h.group(0) in ("调解委员会", "联络点") and _other_bodys(text, start):
            continue  # 区工商联成立商事调解委员会, 区司法局设立法律援助联络点: another body's
        if h.group(0) == "调解委员会":
            if not (verbs and _FOUNDS.fullmatch(verbs[-1].group(0))) or "人民" in plain:
                continue  # 人民调解委员会, or a committee only named: a village's or a bureau's
        elif OTHER_BODY.search(plain + h.group(0)) or _OTHER_WORK.search(plain):
            continue  # 依托某区综治中心: another body's centre, not the court's mechanism
        if (
            _covered(tax_spans, start, h.end())
            and len(_residue(text, tax_spans, start, h.start())) < 2
        ):
            continue
        if _covered(tax_spans, h.start() - 1, h.end()) == h.end() - h.start() + 1:
            continue  # 甲乙终本专项整治: a known mechanism (终本专项整治) with a modifier
        out.append(InitiativeMention(start, h.end(), text[start : h.end()], True, rule))
        item_ends.add(h.end())
    return out


#: a court that only guides or backs another body's work (在甲法院指导下, 在法院的支持下): not
#: the subject of the clause after it
_GUIDED_BY = re.compile(r"在[^，,。；;]{0,20}?(?:指导|支持|帮助|推动|协调|指引|见证)下")


def _other_bodys(text: str, start: int) -> bool:
    """Whether what is set up at `start` is another body's: a body that is not a court leads its
    clause, and no court stands in the sentence before it as a subject (在法院指导下 makes no
    court a subject: 在甲法院指导下，乙街道成立了调解委员会)."""
    lead = text[_clause_start(text, start) : start]
    sentence = text[max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1 : start]
    return bool(OTHER_BODY.search(lead)) and not _COURT_SUBJECT.search(_GUIDED_BY.sub("", sentence))


#: an unquoted mechanism named as running since some time (二次分流机制全面运行以来, 甲平台上线
#:后): the article's court has it, though no adoption verb stands before its name
_RUNS = re.compile(r"(?:运行|运转|上线|落地)(?:以来|之后|后|至今)")
_RUNNING = re.compile(
    r"(?P<x>[" + HAN + r"]{3,14}?)(?P<head>机制|制度|模式|工作法|平台|系统)"
    r"(?:已|已经)?(?:全面|正式|有效|稳定|顺利)?$"
)
#: what leads into such a name without being part of it: a date's last character, 自/从, the
#: court or the mechanism referred to
_RUNNING_LEAD = re.compile(
    r"^(?:[年月日号起]|以来|自|从|随着|该院|本院|我院|[" + HAN + r"]{0,8}?(?:法院|法庭|中院|高院))+"
)

#: a system running only in a plan or a condition (待甲系统上线后, 一旦乙平台上线, 预计…上线)
_RUN_PLANNED = re.compile(r"^(?:待|如果?|若|假如)|一旦|预计|正在|即将|计划|拟")
#: …or another body's (市场监管部门某平台, 税务部门某平台, 区政府某平台): not the court's
_RUN_OTHER_BODY = re.compile(r"部门|政府|税务|市场监管|公安|检察|仲裁|人社")


def _running_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    out: list[InitiativeMention] = []
    for r in _RUNS.finditer(text, 0, limit):
        m = _RUNNING.search(text, max(0, r.start() - 24), r.start())
        if m is None:
            continue
        x = m.group("x")
        lead = _RUNNING_LEAD.match(x)
        start = m.start("x") + (lead.end() if lead else 0)
        plain = text[start : m.start("head")]
        if (
            len(plain) < 3
            or _X_STOP.search(plain)
            or _COUNT_END.search(plain)
            or len(_own_words(plain)) < 2
            or _POLITICAL.search(plain)
            or _LEADING_VERB.match(plain)
            or OTHER_BODY.search(plain + m.group("head"))
            or _predicate(text, start, tax_spans)
        ):
            continue
        end = m.end("head")
        if _covered(tax_spans, start, end) and len(_residue(text, tax_spans, start, end)) < 2:
            continue
        cs = _clause_start(text, start)
        if _RUN_PLANNED.search(text[cs : m.start("head")]) or _RUN_OTHER_BODY.search(text, cs, end):
            continue  # 待甲系统上线后 (a plan), 税务部门某平台上线后 (another body's system)
        out.append(InitiativeMention(start, end, text[start:end], True, "running"))
    return out


#: a list a verb sets up, closed by 等 and the kind of its items (创设甲合议庭、“乙”茶吧、丙调解室等
#: 亮点品牌; 建立了分案审理、社会调查等制度), or by a count of them and the head they share (建立甲、
#: 乙两项省级协作机制): each item is a name of its own
_LISTED = re.compile(
    r"(?<![为以])(?P<verb>建立健全|建立|设立|创设|创立|推行|实行|推出|打造|开展|组建|成立|构建|开设)"
    r"(?:了)?(?P<body>[^，,。；;：:！!？?\n《》()（）]{4,160}?)"
    r"(?:等(?P<kmod>[" + HAN + r"]{0,4}?)(?P<kind>品牌|制度|机制|活动|举措|模式|工作法)"
    r"|(?P<n>[两二三四五六七八九十])(?:项|个|大)(?P<mod>[" + HAN + r"]{0,6}?)"
    r"(?P<head>工作机制|协作机制|机制|制度))" + _HEAD_RUN_ON
)
#: routine work of a court's staff (lectures, exchanges, training, visits, management and its
#: checks): an item ending so makes the list one of routine (开展审判实务讲座、司法经验交流等活动,
#: 建立案件质量评查、审判流程管理等制度)
_ROUTINE_END = re.compile(
    r"(?:讲座|交流|培训|座谈|研讨|观摩|学习|调研|宣讲|宣传|慰问|走访|竞赛|比赛|演讲|评比|测试|考试|会议|"
    r"论坛|讲评|练兵|汇报|参观|管理|考核|考评|督查|检查|评查|监督|通报|审批|值班|保密|报告|防控|讨论|"
    r"案件|例会|会商)$"
    # …or the court's internal discipline and housekeeping wherever named (廉政风险防控, 请示报告)
    r"|廉政|党风|请示|考勤|财务|后勤|档案|公文"
)
#: what parts the items of such a list: 、 or back-to-back quotes, and 和/及 (not 和解, 及时)
_LISTED_SEP = re.compile(r"、|(?<=[”」])(?=[“「])|以及|和(?![解谐美平睦合])|及(?!时)")


#: …and only 、 or back-to-back quotes when a 、 parts them: 和 is then inside an item (家事
#: 调查员和心理咨询师参与、诉前调解和司法确认衔接等机制: two items, not four)
_LISTED_SEP_DUN = re.compile(r"、|(?<=[”」])(?=[“「])")
#: how often a routine is held, before its name (每周一次院长接待日, 每月一次庭长例会)
_FREQUENCY_LEAD = re.compile(
    r"^每(?:周|月|季度?|年|天|日|半年|两周|双周)(?:[一二两三四五1-9\d]+次|一期|一次)?"
)
#: an item that joins two parties by a verb of taking part or linking (心理咨询师参与,
#: 诉前调解和司法确认衔接): the parties' roles in a mechanism, not the mechanism's name; the
#: list is one of ways things are joined, and none of its items is proposed
_TWO_PARTY_END = re.compile(r"[和及与].*(?:参与|衔接|对接|联动|融合|协同|配合|互动)$")


def _listed_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of text[start:end], parted by `_LISTED_SEP` (when a 、 parts them,
    和/及 parts only the last item, and only when no earlier item holds one); a frequency before
    an item (每周一次) is no part of it."""
    out: list[tuple[int, int]] = []
    pos = start
    dun = "、" in text[start:end]
    for sep in (_LISTED_SEP_DUN if dun else _LISTED_SEP).finditer(text, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    # 甲、乙和丙: the last item parts at its 和 unless an earlier item holds a 和 of its own
    if dun and not any(_LISTED_SEP.search(text, a, b) for a, b in out):
        for sep in _LISTED_SEP.finditer(text, pos, end):
            out.append((pos, sep.start()))
            pos = sep.end()
    out.append((pos, end))
    trimmed: list[tuple[int, int]] = []
    for a, b in out:
        lead = _FREQUENCY_LEAD.match(text, a, b)
        trimmed.append((lead.end(), b) if lead and b - lead.end() >= 2 else (a, b))
    return trimmed


def _listed_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    """Items of a list set up by one verb and closed by their kind (等…品牌/制度/活动, rule
    list-items) or by their count and shared head (两项…协作机制: each item takes the head). Every
    item the taxonomy does not name must read as a name: four characters or more (five for an
    activity), words of its own, no clause, no political formula; else the list is a list of
    routine (开展法律咨询、普法宣传等活动) and nothing is proposed. One item alone before 等 names a
    mechanism only with six characters or more (建立婚姻家庭案件回访等便民制度)."""
    out: list[InitiativeMention] = []
    for m in _LISTED.finditer(text, 0, limit):
        items = [(a, b) for a, b in _listed_items(text, m.start("body"), m.end("body")) if b > a]
        if m.group("n"):
            if len(items) != _COUNT_VALUE.get(m.group("n"), 0) or len(items) < 2:
                continue
        elif len(items) < 2 and not (
            m.group("kind") in ("制度", "机制")
            and len(strip_ignored(text[items[0][0] : items[0][1]])) >= 6
        ):
            continue
        shortest = 5 if m.group("kind") == "活动" else 4
        found: list[InitiativeMention] = []
        for a, b in items:
            plain = strip_ignored(text[a:b])
            if _covered(tax_spans, a, b) and len(_residue(text, tax_spans, a, b)) < 2:
                continue  # 诉前调解: a known term, named already
            if _TWO_PARTY_END.search(plain):
                found = []
                break  # 甲和乙参与、丙和丁衔接等机制: how parties are joined, a list of no names
            if _LISTED_SEP.search(plain):
                continue  # 甲和乙同步运行: two things said of together, no one name
            if (
                not shortest <= len(plain) <= 20
                or _X_STOP.search(plain)
                # 打击 of a count's item (打击破产逃废债两项协作机制) names the mechanism's work
                or _POLITICAL.search(plain.replace("打击", "") if m.group("n") else plain)
                or OTHER_BODY.search(plain)
                or _LEADING_VERB.match(plain)
                or _NUMERIC_SLOGAN.match(plain)
                or _ROUTINE_END.search(plain)
                or len(_own_words(plain)) < 2
            ):
                found = []
                break  # one item is no name: a list of routine work, not of mechanisms
            name = text[a:b] + (m.group("mod") + m.group("head") if m.group("n") else "")
            found.append(InitiativeMention(a, b, name, True, "list-items"))
        out += found
    return out


#: verbs that are no adoption verbs but start a verb phrase the window ran into (提供制度依据,
#: 做实做优专业调解中心, 促进中心工作): a name does not start with them
_LEADING_VERB = re.compile(
    r"(?:做实|做优|做强|做细|做精|做深|做好|提供|强化|加强|提升|提高|促进|推动|实现|发挥|加快|拓展|"
    r"拓宽|规范(?!化)|助推)"
)
#: a quality alone before a head (战略性工程, 基础性工程): no name
_ADJECTIVE = re.compile(r"[" + HAN + r"]{1,4}性")
#: a count before a facility set up: 5家, 12个, 三处
_LEADING_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?[家个所座处间支]")
#: …nor is the first of a place (成立甲省首家商事纠纷调解委员会)
_FIRST_OF_PLACE = re.compile(
    r"(?:全国|全省|全市|全区|全县|[" + HAN + r"]{1,6}?[省市县区])?(?:首家|首个|首支|第一家|第一个)"
)
#: words of any dispute-resolution name: a name after a relative clause needs more (海事解纷平台,
#: not 层系多级的纠纷解决机制)
_DISPUTE_WORDS = re.compile("纠纷|矛盾|解决|化解|解纷|多元化|多元|诉讼|衔接|对接|预防|督促|非诉")


def _own_words(name: str) -> str:
    """What a name says beyond the words any mechanism or dispute-resolution name shares."""
    return _DISPUTE_WORDS.sub("", _GENERIC_WORDS.sub("", name))


#: heads of a tool or a place a court may only use (利用某平台, 依托某中心)
_USED_HEADS = frozenset({"平台", "系统", "中心", "基地", "通道", "专区"})
#: what makes a courtroom set up a practice of remote hearing (5G虚拟智能法庭, 云上法庭); not
#: 互联网法庭 or 网上法庭, which also name a court's internet division
_VIRTUAL = re.compile(r"云|虚拟|智能|智慧|5G|远程|视频|移动|掌上")
#: a system for the court's own office work (会议系统, 办案系统, 办公系统): equipment, no practice
_OFFICE_SYSTEM = re.compile(r"会议|办公|办案|法官|数据分析|电子卷宗")
_USES = re.compile(r"(?:依托|利用|运用|用好|借助|用活|用好用活)(?:了|起)?")
#: what joins the items of a list of mechanisms
_LIST_SEP = re.compile(r"、|以及|和|及")


#: “甲”是该院打造的调解品牌: a quoted subject defined as a mechanism the court set up
_DEFINED = re.compile(
    r"(?P<q>[“「](?P<x>[^“”「」\n]{2,20})[”」])是[^，,。；;！!？?\n]{0,16}?(?:"
    + ADOPTION_VERBS
    + r")(?:了|出)?的(?P<mod>[^，,。；;！!？?\n“”]{0,8}?)(?P<head>"
    + MECHANISM_HEADS
    + r")"
    + _HEAD_RUN_ON
)


def _defined_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    """A quoted name that the sentence defines as a mechanism set up by someone: “甲”是该院
    打造的调解品牌, “乙”是某庭推出的解纷机制. The head must name court work when it is weak."""
    out: list[InitiativeMention] = []
    for m in _DEFINED.finditer(text, 0, limit):
        plain = strip_ignored(m.group("x"))
        if (
            len(plain) < 2
            or _SENTENCE_PUNCT.search(plain)
            or _NUMERIC_SLOGAN.match(plain)
            or _POLITICAL.search(plain)
            or _LIST_INSIDE.search(plain)
            or len(_GENERIC_WORDS.sub("", plain)) < 2
            or "的" in plain
        ):
            continue
        if m.group("head") in _WEAK_HEADS and not _COURT_WORK.search(
            _NOT_COURT_WORK.sub("", plain + m.group("mod"))
        ):
            continue
        s, e = m.start("q"), m.end("q")
        if _covered(tax_spans, s, e) and len(_residue(text, tax_spans, s, e)) < 2:
            continue
        out.append(InitiativeMention(s, e, text[s:e], True, "quoted-defined"))
    return out


#: a quoted count that the text spells out right after it (推进“六个对接”，即：与甲对接…;
#: 担当起“七员”即调解员、辅导员…): the name of the practice the items make up
_COUNT_SPELLED_OUT = re.compile(
    r"[“「](?P<x>[一二两三四五六七八九十百][个项大]?[" + HAN + r"]{1,3})[”」](?=[，,]?即)"
)


def _spelled_out_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    """“六个对接”，即…: a quoted count spelled out after 即 (rule quoted-count-spelled), unless a
    taxonomy name covers it (调解平台“三进”，即进乡村…) or it is a state reached (实现“两个零”，即…)."""
    out: list[InitiativeMention] = []
    for m in _COUNT_SPELLED_OUT.finditer(text, 0, limit):
        s, e = m.start(), m.end()
        if _covered(tax_spans, s, e) or any(a < e and s < b for a, b in tax_spans):
            continue
        if _RESULT_BEFORE.search(text, max(0, s - 3), s):
            continue
        out.append(InitiativeMention(s, e, text[s:e], True, "quoted-count-spelled"))
    return out


#: a quoted list of watchwords a court sets up as its way of working (构建“甲、乙、丙”的工作格局,
#: 提出“甲，乙”的工作新思路, 创新构建“甲、乙”的特色工作模式): the quote and its 工作 head
_SLOGAN_WORK = re.compile(
    r"(?:构建|提出|确立|推行|打造|创新|建立|探索)(?:了|出)?"
    r"(?P<n>[“「][^“”「」\n]{2,40}[、，,][^“”「」\n]{2,40}[”」]的"
    r"(?:特色|创新)?工作(?:新)?(?:格局|模式|思路|机制|体系))"
)


#: party committees heading a clause (县委, 市委, 省委, 党工委): not a court
_PARTY_BODY = re.compile(r"[省市县区州旗镇乡]委|党工委|党组织")
#: a party committee right before a quote, whose name it is (县委“甲”工作思路)
_PARTY_BODY_BEFORE = re.compile(r"(?:[省市县区州旗镇乡]委|党工委)(?:的)?$")


def _slogan_work_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    """构建“全院一条心、解纷一个圈”的工作格局 (rule quoted-slogan-work): a list of watchwords in
    one quote, set up by a verb as the court's 工作格局 / 工作思路 / 特色工作模式; a state reached
    (形成“…”的工作格局, 实现“…”的格局) and a bare 模式 or 体系 stay out."""
    out: list[InitiativeMention] = []
    for m in _SLOGAN_WORK.finditer(text, 0, limit):
        s, e = m.start("n"), m.end("n")
        if any(a < e and s < b for a, b in tax_spans):
            continue
        lead = text[max(0, m.start() - 12) : m.start()]
        if _PARTY_BODY.search(lead) or OTHER_BODY.search(lead):
            continue  # 县委提出“产业强县、生态立县”的工作格局: another body's watchwords
        out.append(InitiativeMention(s, e, text[s:e], True, "quoted-slogan-work"))
    return out


_DOC_TITLE = re.compile(
    r"《(?P<t>[^《》\n]{6,60}?(?:意见|方案|规定|办法|措施|举措|细则|规划|实施意见|工作规则))》"
)
#: a plan's title written without 《》: 研究制定了诉讼服务升级版建设三年规划
_PLAN_PLAIN = re.compile(
    r"(?:制定|出台|印发)(?:了|出)?(?P<t>["
    + HAN
    + r"]{4,24}?(?P<h>[三五]年规划|[三五]年行动计划|[三五]年行动方案|行动方案|实施方案|三年行动))"
    r"(?=[，,。；;、和及与])"
)
#: what a plan the work follows stands after: 根据《…》, 按照《…》
_FOLLOWS_BEFORE = re.compile(r"(?:根据|按照|依据|依照)$")
#: a title that opens with a named court (甲县人民法院…, 乙市中级人民法院…), not courts in general
_COURT_TITLE = re.compile(r"^(?!基层|各级|全省|全市|全国)[" + HAN + r"]{2,12}?(?:人民法院|法院)")
_DOC_VERB = re.compile(r"(?:制定|出台|印发|落实|发布|贯彻落实|结合实际制定)(?:了|的)?$")


def _document_candidates(
    text: str, tax_spans: list[tuple[int, int]], limit: int
) -> list[InitiativeMention]:
    """A court's own policy document (制定《…整改方案》) stands for the measures it sets out.

    A title that names taxonomy initiatives (《关于集约送达的规定》) is a mention of those instead.
    """
    out: list[InitiativeMention] = []
    chain_end = -1  # where the last title issued by the verb before it ends
    for m in _DOC_TITLE.finditer(text, 0, limit):
        lead = text[max(0, m.start() - 8) : m.start()]
        if not (
            _DOC_VERB.search(lead)
            # 出台《甲方案》《乙办法》: the titles after the first share its verb
            or (
                chain_end >= 0
                and text[chain_end : m.start()] in ("", "、", "和", "及")
                and _COURT_TITLE.match(m.group("t"))
            )
            # 根据《甲县人民法院…实施方案》: a plan of a court's own that the work follows
            or (_FOLLOWS_BEFORE.search(lead) and _COURT_TITLE.match(m.group("t")))
        ):
            chain_end = -1
            continue
        chain_end = m.end()
        if any(m.start() <= s and e <= m.end() for s, e in tax_spans):
            continue
        out.append(InitiativeMention(m.start(), m.end(), m.group(0), True, "document"))
    for m in _PLAN_PLAIN.finditer(text, 0, limit):
        t = m.group("t")
        if "的" in t or len(_GENERIC_WORDS.sub("", t[: -len(m.group("h"))])) < 3:
            continue  # 制定了详细的工作方案, 制定工作方案: no title
        if _covered(tax_spans, m.start("t"), m.end("t")):
            continue
        out.append(InitiativeMention(m.start("t"), m.end("t"), t, True, "document-plain"))
    return out


_AWARD_JOIN = re.compile(r"[和及与、]")
#: what an award verb leaves before the honour's name (评 为X, 获得 了X): one 为 or 了, never more,
#: and none after a verb that ends in it (an honour's name may itself begin with either)
_AWARD_OBJ_LEAD = re.compile(r"^ *[为了]? *")


def _award_parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """An award's object split into its honours (甲先进集体、乙优秀中心等 -> two) when every
    item names an honour; else the whole object."""
    obj = text[s:e]
    body = obj[:-1] if obj.endswith("等") else obj
    items = body.split("、")
    if len(items) < 2 or not all(_HONOUR_HEAD.search(x) for x in items):
        return [(s, e)]
    out: list[tuple[int, int]] = []
    pos = s
    for x in items:
        out.append((pos, pos + len(x)))
        pos += len(x) + 1
    return out


#: a rank or a grade in an object of 蝉联 (蝉联全市法院综合考核第一名, 蝉联考核优秀等次): a
#: place in a ranking held again, not an honour conferred
_RANK = re.compile(
    r"第[一二三四五六七八九十\d]|名次|等次|等级|排名|榜首|首位|前[一二三四五六七八九十\d]+名|"
    # a grade of an assessment (考核优秀), not an honour named after it (考核优秀单位)
    r"(?:考核|考评)(?:结果)?(?:为)?优秀(?![单集法个奖])"
)


#: a measurement in an award's object: a percentage or a verb of change makes it a figure
_MEASURED = re.compile(r"\d\s*[%％]|百分之|达到|同比|环比")


#: an award verb used as an attribute of a unit (入选的法院, 入选单位之一): what follows it is the
#: unit itself, no honour's name
_ATTRIBUTIVE_OBJECT = re.compile(r"的|(?:单位|法院|法庭|集体|基层法院)(?:之一)?$")


#: a space inside an award's object that runs on to the end of the text (a headline's parts)
_OBJECT_GAP = re.compile(r"(?<=\S)[ \u3000\t]+")


#: the end of a list of honours: 等 before 荣誉/称号/奖项 (…等多项荣誉, …等荣誉称号)
_LISTED_HONOURS_TAIL = re.compile(r"等(?:多项|各项|诸多|一系列)?(?=荣誉称号|称号|荣誉|奖项)")
_NO_LIST_PUNCT = re.compile("[" + re.escape(CLAUSE_PUNCT) + "]")


def _listed_honours_end(text: str, start: int, reach: int = 240) -> int | None:
    """Where a 、-list of honours starting at `start` ends (right after its 等), when the list
    closes with 等…荣誉/称号 within `reach` characters and no clause punctuation comes first."""
    tail = _LISTED_HONOURS_TAIL.search(text, start, min(len(text), start + reach))
    if tail is None or _NO_LIST_PUNCT.search(text, start, tail.start()):
        return None
    return tail.end() if "、" in text[start : tail.start()] else None


def _quote_chain(text: str, quoted: list[re.Match[str]]) -> list[re.Match[str]]:
    """`quoted` and the quotes that go on right after its last one, each after nothing or one
    joining word (获评“A”、“B”“C”和“D”: a list longer than the award's window)."""
    out = list(quoted)
    while out:
        end = out[-1].end()
        gap = 1 if text[end : end + 1] in ("、", "和", "及", "与") else 0
        nxt = _QUOTED.match(text, end + gap)
        if nxt is None:
            break
        out.append(nxt)
    return out


def _award_spans(text: str, limit: int) -> list[tuple[int, int, int]]:
    """(verb_start, object_start, object_end) of each 获评/授予/入选 clause."""
    out: list[tuple[int, int, int]] = []
    for m in _AWARD.finditer(text, 0, limit):
        end_m = _AWARD_END.search(text, m.end(), min(len(text), m.end() + 40))
        obj_end = end_m.start() if end_m else min(len(text), m.end() + 40)
        obj = text[m.end() : obj_end]
        if not obj.strip() or not _HONOUR_HEAD.search(obj):
            continue
        if _MEASURED.search(obj):
            continue  # 入选法庭平均调解成功率达到58.3%: the selected units' figure, no honour
        if _ATTRIBUTIVE_OBJECT.match(obj):
            continue  # 唯一入选的基层法院 / 19家入选单位之一: the verb describes the unit, no honour
        if end_m is None:
            # 先后荣获甲先进集体、乙示范法院、……等荣誉称号: a long list of honours runs on past
            # the window to its 等…称号
            tail = _listed_honours_end(text, m.end())
            if tail is not None:
                obj_end, obj = tail, text[m.end() : tail]
        if end_m is None and obj_end == len(text):
            # the object runs to the end of the text: a space parts a headline's clauses (获评
            # 甲先进集体 乙院召开大会), the honour ends there; 荣获全市法院集… is cut in the name
            gap = _OBJECT_GAP.search(obj)
            if gap is not None:
                obj_end = m.end() + gap.start()
                obj = obj[: gap.start()]
            if not _HONOUR_TAIL.search(obj.rstrip()):
                continue
        if m.group(0) == "蝉联" and _RANK.search(obj):
            continue  # 蝉联全市法院考核第一名, 蝉联…考核优秀等次: a rank or a grade kept, no honour
        if m.group(0).startswith("晋") and "星级" not in obj:
            continue  # 晋升为副庭长, 晋升为一级法院: a post or a grade, not an honour
        if m.group(0) == "获" and (
            text[m.start() - 1 : m.start()] in _NOT_HONOUR_BEFORE_HUO
            or not (end_m and end_m.group(0).startswith(("称号", "荣誉")))
        ):
            continue  # 破获, 查获; 获…称号 only
        out.append((m.start(), m.end(), obj_end))
    return out


#: a further honour after a comma (获评甲先进集体，乙先进单位。): the segment holds an honour's
#: words and ends in an honour, and no verb starts a new clause in it
_HONOUR_SEGMENT = re.compile(
    r"[,，](?P<x>[^,，。；;：:！!？?\n]{4,30}?)(?:等(?:荣誉|称号|荣誉称号)?)?(?=[,，。；;])"
)
_HONOUR_WORD = re.compile(r"先进|优秀|示范|模范|十佳|十大|典型|标兵|突出|优胜|星级|品牌")
_HONOUR_TAIL = re.compile(r"(?:集体|单位|奖|案例|品牌|称号|法庭|法院|标兵|模范)[”」]?$")
_SEGMENT_VERB = re.compile(AWARD_VERBS + r"|是|为|在|将|把|对|向|通过|以|并|还|也|又")


#: the honour's head that quotes listed before it share (“A”和“B”示范法院): a short run of its
#: own ending in an honour, not the words 称号 or 荣誉 alone
_SHARED_HONOUR_HEAD = re.compile(
    r"(?!称号|荣誉|等)[" + HAN + r"]{0,6}(?:示范法院|试点法院|先进集体|先进单位|示范法庭|示范单位|"
    r"优秀法院|模范法院|优秀法庭|优秀案例|典型案例|示范点|示范基地)$"
)


def _award_continued(text: str, end: int) -> list[tuple[int, int]]:
    """Honours listed after the award's object, each after a comma (被评为“先进人民法庭”，甲市
    先进单位): the object stopped at the first comma."""
    out: list[tuple[int, int]] = []
    pos = end
    while (m := _HONOUR_SEGMENT.match(text, pos)) is not None:
        x = m.group("x")
        if not (_HONOUR_WORD.search(x) and _HONOUR_TAIL.search(x)) or _SEGMENT_VERB.search(x):
            break
        out.append(m.span("x"))
        pos = m.end()
    return out


_TITLE = re.compile(r"《(?P<t>[^《》\n]{2,60})》")
#: a policy document's title (《关于…》, 《…意见》, 《…办法（试行）》), not a report or a case
POLICY_TITLE = re.compile(
    r"关于|(?:意见|方案|规定|办法|措施|举措|细则|规划|规则|通知|决定|纲要|计划|条例|指引|指南|规程|"
    r"要点|制度)(?:[(（][^()（）]{1,6}[)）])?$"
)
#: a report's title: a document, not a headline
_REPORT_TITLE = re.compile(r"(?:白皮书|报告)(?:[(（][^()（）]{1,6}[)）])?$")
#: a goal, not a practice: 为实现…, 助推…, 助力…, 服务保障…
_GOAL = re.compile(
    r"(?:为了?实现|以实现|为达到|助推|助力|赋能|服务保障|服务于|致力于|有助于|有利于|旨在|力争|"
    r"争取实现|争取到|争创|目标是|目标为|希望|期望|期待|盼望|呼吁)"
    r"[^，,。；;：:！!？?“”\n]{0,10}[“「]?$"
)
#: 强调，要坚持和发展X; 要将X落实落细: an exhortation in a speech, not a practice reported
_EXHORTED = re.compile(
    r"(?:^|[，,。；;：:\n])要(?:坚持|深化|推进|把|将|持续|加强|健全|完善|推动|做实|践行|发展|创新|全面)"
    r"[^。；;！!？?\n]{0,16}[“「]?$"
)
_GOAL_ANY = re.compile(r"助力|赋能|助推|服务于|服务保障|致力于")
_NUMBERED_CASE = re.compile(  # a header line naming the selection an article belongs to
    r"^[ \t\u3000]*(?!参照|依据|根据|援引|参考|按照|对照|适用)(?P<x>["
    + HAN
    + r"“”]{4,24}?案例)第[\d一二三四五六七八九十百千]+号",
    re.M,
)
_DESIGNATION = re.compile(r"试点|联系点")
#: a count of collectives right before the verb of an honour (24个集体获…, 11个先进集体获评…):
#: the honours of many units tallied, not one unit's honour
_TALLY_SUBJECT = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百]+)(?:余|多)?[个家]?(?:先进)?(?:集体|单位)(?:次)?$"
)
#: a count closing an award's object (荣立“集体三等功”1次, 入选典型案例175个, 获国家级奖励4人次):
#: once (1次) is the honour itself, won once; more is a tally of honours, a figure, no one title
_AWARD_COUNT = re.compile(
    r"(?P<n>\d+|[一二两三四五六七八九十百]+)(?:余|多)?(?:人次|个|场|项|次|篇|件|名|批)$"
)
#: …after a selection of cases (典型案例, 公报案例)
_CASES_SELECTED = re.compile(r"案例[”」]?$")
#: 实现在线调解、一键理赔等业务: the functions of a system or the rooms of a centre
_FEATURE_TAIL = re.compile(
    r"[^"
    + re.escape(_CLAUSE_CUT)
    + r"]{0,40}?等(?:一系列)?(?:相关)?(?:业务|功能区|功能|流程|环节|事项)"
)
#: bodies that are not courts
OTHER_BODY = re.compile(
    r"(?:党委政府|党委|政府|人大常委会|人大|政协|政法委|综治中心|司法局|司法所|司法行政机关|"
    r"公安局|公安机关|公安|派出所|交警|检察院|检察机关|仲裁委员会|仲裁委|仲裁机构|劳动仲裁机构|"
    r"人社局|住建局|妇联|工会|工商联|律师协会|律师事务所|街道办事处|街道|乡镇|镇政府|"
    r"村委会|居委会|调解委员会|矛调中心|矛盾纠纷调处(?:化解)?中心)"
)
#: 经仲裁机构诉前调解: a procedure another body performs
AGENT_BODY = re.compile(
    r"(?:经|由)[" + HAN + r"]{0,4}?" + OTHER_BODY.pattern + r"[^，,。；;：:\n]{0,2}$"
)
_CRIMINAL = re.compile(r"犯罪|惩治|打击|刑事|诈骗|盗窃|洗钱|毒品|杀人|抢劫|受贿|贪污|集资")
#: the police's and the party's own campaigns (“扫黄打非”, “净网”, 禁毒, 反腐): a court joins them,
#: they are none of its initiatives
_CRACKDOWN = re.compile(r"扫黄|打非|净网|禁毒|反腐|腐败")
#: a campaign's purpose right after it, the clause that follows included (开展“百日攻坚行动”，严厉
#: 打击盗窃犯罪; “两年攻坚行动”整治群众身边腐败): a crackdown on crime or corruption
_CRACKDOWN_AFTER = re.compile(
    r"^[^。；;！!？?\n]{0,12}?(?:打击|惩处|惩治|整治|严惩|查处|震慑|遏制)"
    r"[^。；;！!？?\n]{0,16}?(?:犯罪|腐败|违法)"
)


def _crackdown(text: str, name: str, end: int) -> bool:
    """A campaign named `name`, ending at `end`, that cracks down on crime or corruption: its
    name says so (“净网”专项行动), or, with no court work in its name, its purpose after it does
    (“昆仑2023”专项行动，依法从严惩处涉网犯罪)."""
    if _CRACKDOWN.search(name):
        return True
    return not _COURT_BUSINESS.search(name) and bool(_CRACKDOWN_AFTER.match(text[end : end + 40]))


def _headline_spans(text: str, limit: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(headlines, documents): spans of 《》 titles of articles and cases, and of policy
    documents (a title ending 意见, 办法, 方案 …)."""
    heads: list[tuple[int, int]] = []
    docs: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text, 0, limit):
        t = m.group("t")
        (docs if POLICY_TITLE.search(t) or _REPORT_TITLE.search(t) else heads).append(
            (m.start(), m.end())
        )
    return heads, docs


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= start and end <= e:
            return s, e
    return None


#: given up or missing before the term: 取消…, 不再…, 停止…, 尚未建立…
_GIVEN_UP_BEFORE = re.compile(
    r"(?:取消|废除|废止|叫停|停止|不再|摒弃|告别|尚未|还未|仍未|未能|没有|缺乏|缺少|不具备|打破|破除|"
    r"革除|扭转)"
    r"[^，,。；;：:！!？?\n]{0,8}$"
)
#: 由甲向乙转变 / 从甲转向乙 / 将甲改为乙: the term after 由/从/将 is left for another
_LEFT_FOR = re.compile(
    r"[^"
    + re.escape(_CLAUSE_CUT)
    + r"]{0,12}?(?:向[^"
    + re.escape(_CLAUSE_CUT)
    + r"]{1,16}?(?:转变|转型|过渡)|转向|改为|转为|变为)"
)


def _given_up(text: str, start: int, end: int) -> bool:
    """The term is named as given up or missing: 取消甲, 尚未建立甲, 由甲向乙转变, 将甲改为乙."""
    if _GIVEN_UP_BEFORE.search(text, max(0, start - 16), start):
        return True
    return text[start - 1 : start] in ("从", "由", "将", "把") and bool(_LEFT_FOR.match(text, end))


#: 是/成为/打造成 … X的重要创新 / X、Y的最小支点: X is what the subject serves, not a practice
_SERVES_AFTER = re.compile(
    r"(?P<more>(?:[、和与及][^，,。；;！!？?“”\n]{1,12}?)*)的[^，,。；;！!？?\n]{0,6}?"
    r"(?:支点|阵地|抓手|载体|创新|实践|举措|体现|途径|组成部分|路径|样板|缩影|保障|支撑)"
    r"(?![\u4e00-\u9fff]{0,2}(?:机制|制度|模式|平台|中心))"
)
_SERVES_BEFORE = re.compile(r"(?:是|成为|打造成|建设成|建成为)[^，,。；;！!？?\n]{0,8}$")


_ROLE_BEFORE = re.compile(r"在[^，,。；;！!？?\n]{0,8}$")
_ROLE_AFTER = re.compile(
    r"(?:[、和与及][^，,。；;！!？?“”\n]{1,16}?)*(?:中|上|方面)的[^，,。；;！!？?\n]{0,4}?"
    r"(?:意义|作用|地位|价值)"
)
#: 向X迈进 / 朝着X前进: X is where the work is heading
#: 让当事人办事“最多跑一次”, 让老百姓打官司只进一个门: what the people are to experience, a goal
#: (not where the practice is the means they are given: 让当事人通过在线调解化解纠纷)
_LET_PEOPLE = re.compile(
    r"让(?:人民)?(?:群众|老百姓|百姓|当事人|企业)"
    r"(?:(?!通过|利用|借助|依托|使用|运用)[^，,。；;！!？?\n]){0,14}$"
)
#: 坚持强基导向, 突出问题导向和强基导向: an orientation held, not a programme run
_HELD_BEFORE = re.compile(r"(?:坚持|秉持|秉承|树立|树牢|注重|突出)[^，,。；;！!？?\n]{0,16}$")
_TOWARD_BEFORE = re.compile(r"(?:向|朝着|朝)[^，,。；;！!？?\n]{0,6}$")
_TOWARD_AFTER = re.compile(r"(?:目标)?(?:迈进|前进|进发|进军|迈出)")
#: 开辟了X的新路径 / 探索出X的新路子: X is the field a practice opens a way in, not the practice
_OPENS_BEFORE = re.compile(
    r"(?:开辟|开拓|开创|探索出|走出|蹚出|闯出)(?:了)?[^，,。；;！!？?\n]{0,4}$"
)
_NEW_PATH_AFTER = re.compile(r"的新(?:路径|路子|途径|道路|局面)")


def _flagged(text: str, m: InitiativeMention) -> InitiativeMention:
    serves = _SERVES_AFTER.match(text, m.end)
    framing = (
        (
            serves is not None
            # a known term alone (是诉源治理的重要举措) may still be the court's own work; a
            # brand, or a list of aims (打造成甲、乙的支点), frames
            and (
                m.candidate
                or bool(serves.group("more"))
                or (m.start > 0 and text[m.start - 1] in "、和与及")
            )
            and _SERVES_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
        )
        or (
            # 理解其在落实X、推进Y中的重要意义: X is what the practice matters for
            _ROLE_AFTER.match(text, m.end) is not None
            and _ROLE_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
        )
        or (
            _TOWARD_AFTER.match(text, m.end) is not None
            and _TOWARD_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
        )
        or (
            _NEW_PATH_AFTER.match(text, m.end) is not None
            and _OPENS_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
        )
    )
    framing = framing or (
        not m.title
        and (
            _EXHORTED.search(text, max(0, m.start - 24), m.start) is not None
            or _LET_PEOPLE.search(text, max(0, m.start - 20), m.start) is not None
            or (
                text[m.end - 2 : m.end] == "导向"
                and _HELD_BEFORE.search(text, max(0, m.start - 20), m.start) is not None
            )
        )
    )
    goal = framing or _GOAL.search(text, max(0, m.start - 16), m.start) is not None
    # a name proposed from the text and met as a goal (助力“百千万工程”) is the aim of another
    # body's programme, unless the court builds it (助力打造“甲”品牌); a known term may still be
    # the court's own work elsewhere (助力诉源治理)
    framing = framing or (goal and m.candidate and not _verb_before(text, m.start))
    abolished = _given_up(text, m.start, m.end)
    if goal or abolished:
        return replace(m, goal=goal, abolished=abolished, framing=framing)
    return m


#: what separates the items of a list: 、 or back-to-back quotes (“A”“B”, “A”、“B”)
_ITEM_SEP = re.compile(r"[”」]?、[“「]?|[”」][“「]")


#: a facility or system before what introduces its functions
_SYSTEM_END = re.compile(r"(?:平台|系统|中心|法庭|机制|站|室|App|APP|小程序|终端|一体机)[”」]?$")
#: what introduces the functions of a system: 集成了, 具有, 提供 …
_OFFERS = re.compile(
    r"(?:集成|具有|具备|实现|提供|包括|涵盖|设置|设有|拥有|支持|整合|配有|配备|内设)(?:了)?"
)


def _feature_list(
    text: str, start: int, end: int, spans: list[tuple[int, int]], limit: int
) -> bool:
    """text[start:end] is an item of a list closed by 等业务/等功能区 … that also holds items
    no taxonomy term names (实现理赔计算、在线调解、一键理赔等业务): the functions of a system or
    the rooms of a centre. A list of known initiatives only (开通网上立案、跨域立案等业务) is not."""
    tail = _FEATURE_TAIL.match(text, end, limit)
    if tail is None:
        return False
    cs = _clause_start(text, start)
    deng = text.rfind("等", end, tail.end())
    items = []
    pos = cs
    for sep in _ITEM_SEP.finditer(text, cs, deng):
        items.append((pos, sep.start()))
        pos = sep.end()
    items.append((pos, deng))
    if len(items) < 2:
        return False
    # the first item starts after what introduces the list (该平台集成了甲、乙等功能)
    a0, b0 = items[0]
    intro = list(_OFFERS.finditer(text, a0, b0))
    if intro:
        if start < intro[-1].end():
            return False  # the system itself (乙县法院的诉前调解平台集成了…)
        items[0] = (intro[-1].end(), b0)
        if _SYSTEM_END.search(text, a0, intro[-1].start()):
            return True  # 共享法庭具备在线调解、网上立案等功能: what a facility offers
    return any(not any(s < b and a < e for s, e in spans) for a, b in items if b > a)


def _tax_kept(text: str, m: TaxonomyMatch) -> bool:
    """A needs_verb entry (司法建议, 小额诉讼程序) names the practice only right after an
    adoption verb, not in 适用X or in a rate of X; a specialised tribunal (金融法庭, 知识产权法庭)
    names the specialisation only where it is set up (成立全省金融法庭), not where the tribunal is
    a court that acts or is honoured (最高法知识产权法庭受案, 知识产权法庭获评…)."""
    if m.entry.name in _SPECIALISED and text[m.end - 2 : m.end] in ("法庭", "判庭"):
        return bool(
            _SET_UP_BEFORE.search(text, max(0, m.start - 10), m.start)
            or _SET_UP_AFTER.match(text, m.end)
        )
    if _SPIRIT_AFTER.match(text, m.end) and not m.entry.name.endswith(_WAYS_OF_WORKING):
        # 发扬“马背法庭”精神: an ideal invoked, not the practice taken up; the spirit of a way
        # of working (弘扬“枫桥经验”精神, 传承“马锡五审判方式”精神) is that way carried on
        return False
    if text[m.end - 1 : m.end] == "比" and _COMPARED.match(text, m.end):
        return False  # 调解案件比以往大幅提高: the words of a comparison, not 案件比
    if not m.entry.needs_verb:
        return True
    lead = text[max(0, m.start - 7) : m.start].rstrip("“「")  # 推进“X”: the verb before a quote
    if _MORE_USE_BEFORE.search(lead) and _USE_AFTER.match(text, m.end):
        return True  # 强化小额诉讼程序适用, 扩大X的适用范围: the court uses it more
    return bool(_VERB_BEFORE.search(lead) or _SET_UP_AFTER.match(text, m.end))


#: the spirit of a practice (发扬“马背法庭”精神): an ideal the court invokes
_SPIRIT_AFTER = re.compile(r"[”」]?精神")
#: the ends of the taxonomy's ways of working, whose spirit is the way itself
_WAYS_OF_WORKING = ("经验", "审判方式", "工作法")
#: what a comparison with 比 names (案件比以往, 比去年同期)
_COMPARED = re.compile(r"以往|往年|去年|上年|前年|同期|历年|过去|以前|之前|上月|上季度")
#: 强化, 扩大, 加大 … the use of a procedure (强化小额诉讼程序适用)
_MORE_USE_BEFORE = re.compile(r"(?:强化|扩大|加大|提高|提升|规范|推进|深化)(?:了)?$")
_USE_AFTER = re.compile(r"[”」]?(?:的)?适用")


#: the specialisations of trial work that a specialised tribunal stands for
_SPECIALISED = frozenset(
    {"知识产权审判专业化", "金融审判专业化", "破产审判专业化", "环境资源审判专业化"}
)
#: 成立全省金融法庭, 积极推进设立金融法庭, 建成知产法庭: a tribunal set up
_SET_UP_BEFORE = re.compile(
    r"(?:成立|设立|建成|建立|组建|挂牌|揭牌|设置|开设|打造|筹建|新建)(?:了)?(?:["
    + HAN
    + r"]{0,4})$"
)
#: 甲法庭的成立, 甲中心正式揭牌: the thing named is set up, the verb after it
_SET_UP_AFTER = re.compile(
    r"[”」]?(?:的|正式|已|于\S{0,12}?)?(?:成立|设立|组建|挂牌|揭牌|建立|启用)"
)


#: 召开甲乙联动工作机制座谈会: a joint mechanism that holds its meetings is set up
_MECHANISM_MEETING = re.compile(
    r"(?:召开|举办|举行)(?:了)?(?P<x>["
    + HAN
    + r"]{4,20}?(?:联动|协作|协调|衔接|对接|联调|共治)(?:工作)?机制)"
    r"(?:座谈会|联席会议|联席会|推进会|工作会议|会议|例会)"
)
#: 开展甲乙活动: a named activity of the court's own (开展双休日送法进企活动); five characters at
#: least, so the routine 庭审观摩, 案件评查, 法律咨询 activities are no names
_ACTIVITY = re.compile(r"(?:开展|举办)(?:了)?(?P<x>[" + HAN + r"]{5,14}?)(?P<head>(?:专项)?活动)")
#: the channels of a court system's litigation services named together (诉讼服务大厅、诉讼服务网、
#: 12368热线、巡回审判): the parts of one service system, no initiative each
_SERVICE_CHANNELS = re.compile(
    r"诉讼服务网[、和及与]\s*12368(?:诉讼服务)?热线(?:[、和及与]\s*(?:巡回审判|巡回办案))?"
)
#: what such a list names: the website, the hotline and the circuit trials as channels
_CHANNEL_ENTRIES = frozenset({"诉讼服务网", "巡回审判"})
#: …and the hotline too where the list runs on to the circuit trials (the four channels 厅、网、
#: 线、巡 of one system); without them the hotline may be a service a court builds up
_HOTLINE_ENTRY = "12368诉讼服务热线"
#: 严禁, 禁止, 不得, 杜绝 before a term in its clause: the practice is forbidden, not adopted
_NEGATED_BEFORE = re.compile(r"严禁|禁止|不得|杜绝")
#: what makes a term before it the name of a figure: an average or a volume of its cases
_METRIC_AFTER = re.compile(r"[”」]?(?:案件|纠纷)?(?:平均|量(?![刑化]))")
#: the end of who mediates or when (调解员先行调解, 立案前先行调解): the term is an act there
_AGENT_END = frozenset("员前")
#: …unless a mechanism's head follows (调解员诉前调解工作机制 names the mechanism)
_SYSTEM_AFTER = re.compile(r"[”」]?(?:工作)?(?:机制|制度|模式|程序)")
#: 有先行调解意愿的当事人: a party's wish, not the court's practice
_WISH_AFTER = re.compile(r"[”」]?(?:的)?意愿")
#: 在线诉讼服务(方面), 线上诉讼服务平台: a service named after the practice, not the practice
_COMPOUND_AFTER = re.compile(r"[”」]?服务(?!中心)")
#: the kinds of mediation of the law (人民调解、行政调解、行业调解…): a term listed among them names
#: a kind, not the court's practice
_MEDIATION_KINDS = r"(?:人民|行政|行业|商事|司法|仲裁|公证|专业|专业性)调解"
_KIND_BEFORE_ITEM = re.compile(_MEDIATION_KINDS + r"(?:、|和|及|与)$")
_KIND_AFTER_ITEM = re.compile(r"(?:、|和|及|与)" + _MEDIATION_KINDS + r"(?![员委组室中工])")
#: the litigation website of a province (黑龙江诉讼服务网, 安徽法院诉讼服务网): the tool in use
_WEBSITE_ENTRY = "诉讼服务网"
_PROVINCE_BEFORE = re.compile(
    r"(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    r"湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|中国)(?:法院|移动)?$"
)
#: 把X挺在前面 / 把X摆在突出位置: a watchword about X, not X set up
_SLOGAN_AFTER = re.compile(r"[”」]?(?:挺在前面|挺在前头|摆在突出位置|放在首位)")
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
_HEADING_LINE = re.compile(r"^[^\S\n]*([^。！？!?；;\n]{4,40})[^\S\n]*$", re.M)


def _heading_lines(text: str, limit: int) -> list[tuple[int, int]]:
    """Lines that read as section headings: short, with no sentence punctuation."""
    return [(h.start(1), h.end(1)) for h in _HEADING_LINE.finditer(text, 0, limit)]


#: a count of kinds in quotes (“四个中心”, “三项统一”): the number and what the parts share
_COUNT_NAME = re.compile(r"^(?P<n>[两三四五六七八九十])(?:个|项|大|条)?(?P<h>[" + HAN + r"]{2,4})$")
_COUNT_VALUE = {c: i for i, c in enumerate("一两三四五六七八九十", start=1)}
_COUNT_VALUE["二"] = 2
#: an item of a list a count sums up: no clause mark, no 等 (a list closed by 等 is open)
_SUMMED_ITEM = re.compile(r"[^、，,。；;：:！!？?“”「」\n]{2,16}")


def _count_summaries(text: str, limit: int) -> list[tuple[int, int, re.Match[str]]]:
    """Quoted counts that sum up the list right before them (建成甲中心、乙中心、丙中心“三个
    中心”; 以统一A、统一B、统一C的“三个统一”): (list start, quote start, quote) when the list has
    as many items as the count says and every item holds what the count names (中心, 统一)."""
    out: list[tuple[int, int, re.Match[str]]] = []
    for q in _QUOTED.finditer(text, 0, limit):
        count = _COUNT_NAME.match(strip_ignored(q.group("x")))
        if count is None:
            continue
        cs = _clause_start(text, q.start(), 120)
        body = text[cs : q.start()]
        body = body[:-1] if body.endswith("的") else body
        items = body.split("、")
        if len(items) != _COUNT_VALUE[count.group("n")] or body.endswith("等"):
            continue
        if not all(_SUMMED_ITEM.fullmatch(x) and count.group("h") in x for x in items):
            continue
        out.append((cs, q.start(), q))
    return out


def find_initiatives(
    text: str, *, taxonomy: Taxonomy | None = None, limit: int | None = None
) -> list[InitiativeMention]:
    """All initiative mentions in text[:limit], taxonomy matches and candidates, in text order.

    A generic taxonomy term in a sentence that also names a more specific initiative it is
    ``part_of`` takes that initiative's name:

    >>> [m.name for m in find_initiatives("甲院建成一站式多元解纷机制，健全多元解纷机制。")]
    ['一站式多元解纷机制', '一站式多元解纷机制']
    """
    tax = taxonomy if taxonomy is not None else default_taxonomy()
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    view = PlainView(text[:limit])
    headlines, _documents = _headline_spans(text, limit)
    matches = []
    dropped: list[tuple[int, int]] = []  # surfaces found not to name an initiative here
    all_matches = tax.find(text[:limit], view)
    spans = [(m.start, m.end) for m in all_matches]
    duties = [d.span() for d in _DUTY_RUN.finditer(text, 0, limit)]
    found_channels = list(_SERVICE_CHANNELS.finditer(text, 0, limit))
    channels = [c.span() for c in found_channels]
    four_channels = [c.span() for c in found_channels if "巡回" in c.group(0)]
    for m in all_matches:
        if not _tax_kept(text, m):
            continue
        if _inside(duties, m.start, m.end) and not _fills_quote(text, m.start, m.end):
            dropped.append((m.start, m.end))
            continue  # 落实“严格落实立案登记制”等四个责任: a duty counted, no practice named
        if (m.entry.name in _CHANNEL_ENTRIES and _inside(channels, m.start, m.end)) or (
            m.entry.name == _HOTLINE_ENTRY and _inside(four_channels, m.start, m.end)
        ):
            dropped.append((m.start, m.end))
            continue  # 诉讼服务网、12368热线、巡回审判四种渠道: channels of one service system
        if _NEGATED_BEFORE.search(text, _clause_start(text, m.start, 12), m.start):
            dropped.append((m.start, m.end))
            continue  # 严禁批量立案、违规立案: a thing forbidden, not a practice of the court
        if _METRIC_AFTER.match(text, m.end) or (
            m.entry.name == "在线诉讼" and _COMPOUND_AFTER.match(text, m.end)
        ):
            dropped.append((m.start, m.end))
            continue  # 速裁案件平均审理天数, 在线调解纠纷量: the name of a figure, no practice
        if m.entry.name.endswith("调解") and (
            (text[m.start - 1 : m.start] in _AGENT_END and not _SYSTEM_AFTER.match(text, m.end))
            or _WISH_AFTER.match(text, m.end)
        ):
            dropped.append((m.start, m.end))
            continue  # 调解员先行调解, 立案前先行调解, 有诉前调解意愿: an act or a wish, no practice
        if m.entry.name.endswith("调解") and (
            _KIND_BEFORE_ITEM.search(text, max(0, m.start - 6), m.start)
            or _KIND_AFTER_ITEM.match(text, m.end)
        ):
            dropped.append((m.start, m.end))
            continue  # 人民调解、行业调解、律师调解等: one of the kinds of mediation listed
        if m.entry.name == _WEBSITE_ENTRY and _PROVINCE_BEFORE.search(
            text, max(0, m.start - 6), m.start
        ):
            dropped.append((m.start, m.end))
            continue  # 黑龙江诉讼服务网, 安徽法院诉讼服务网: a province's website used, a tool
        if _SLOGAN_AFTER.match(text, m.end):
            dropped.append((m.start, m.end))
            continue  # 把非诉讼纠纷解决机制挺在前面: a slogan, not a mechanism set up
        if "等" in text[m.end : m.end + 44] and _feature_list(text, m.start, m.end, spans, limit):
            dropped.append((m.start, m.end))
            continue  # 提供网上查询、网上调解等功能: what a system offers
        if not m.entry.title and AGENT_BODY.search(text, max(0, m.start - 30), m.start):
            dropped.append((m.start, m.end))
            continue  # 经某仲裁机构诉前调解: another body's procedure
        headline = _inside(headlines, m.start, m.end)
        if headline and not m.entry.title:
            phrase = text[headline[0] : m.start]
            phrase = phrase[max(phrase.rfind(" "), phrase.rfind("\u3000")) + 1 :]
            if _GOAL_ANY.search(phrase):
                dropped.append((m.start, m.end))
                continue  # 《打造某品牌 助力多元解纷》: a headline's aim
        matches.append(m)
    tax_spans = [(m.start, m.end) for m in matches]
    awards = _award_spans(text, limit)
    # 某某建设案例第N号: a numbered selection is an award wherever it stands
    awards += [
        (m.start("x"), m.start("x"), m.end("x")) for m in _NUMBERED_CASE.finditer(text, 0, limit)
    ]
    named = {m.entry.name for m in matches}

    def awarded(start: int, end: int) -> bool:
        return any(os <= start and end <= oe for _, os, oe in awards)

    # sentence of each match, for part_of: a generic term stands for the specific initiative
    # only in the sentence that names that one too (ingest.extract also folds a court's
    # generic term into the specific initiative the same court does)
    bounds = [b.start() for b in _SENTENCE_BREAK.finditer(text, 0, limit)] if named else []

    def sentence_no(pos: int) -> int:
        return bisect.bisect_left(bounds, pos)

    specific_in = {(m.entry.name, sentence_no(m.start)) for m in matches}
    # …or in a section under a heading line that names that one (二、建好一站式多元解纷机制)
    heading_starts: list[int] = []
    heading_names: list[set[str]] = []
    if any(m.entry.part_of for m in matches):
        for a, b in _heading_lines(text, limit):
            heading_starts.append(a)
            heading_names.append({m.entry.name for m in matches if a <= m.start < b})

    def under(name: str, pos: int) -> bool:
        i = bisect.bisect_right(heading_starts, pos) - 1
        return i >= 0 and name in heading_names[i]

    found: list[InitiativeMention] = []
    for m in matches:
        here = sentence_no(m.start) if m.entry.part_of else -1
        name = next(
            (n for n in m.entry.part_of if (n, here) in specific_in or under(n, m.start)),
            m.entry.name,
        )
        found.append(
            InitiativeMention(
                m.start,
                m.end,
                name,
                False,
                "taxonomy",
                m.entry.title and awarded(m.start, m.end),
                m.entry.title,
            )
        )
    cands = [
        c
        for c in (
            _quoted_candidates(text, tax_spans, limit)
            + _unquoted_candidates(text, tax_spans, limit)
            + _document_candidates(text, tax_spans, limit)
            + _defined_candidates(text, tax_spans, limit)
            + _spelled_out_candidates(text, tax_spans, limit)
            + _slogan_work_candidates(text, tax_spans, limit)
            + _running_candidates(text, tax_spans, limit)
            + _listed_candidates(text, tax_spans, limit)
        )
        # a name in a headline is a local brand only when the headline says it is set up
        if not _inside(headlines, c.start, c.end)
        or _VERB_BEFORE.search(text[max(0, c.start - 6) : c.start])
    ]
    title_spans = [(m.start, m.end) for m in matches if m.entry.title]
    for vs, os, oe in awards:
        if text[max(0, vs - 2) : vs].rstrip("”」").endswith("案") and _CRIMINAL.search(
            text, max(0, vs - 12), oe
        ):
            continue  # 某某诈骗案入选…典型案例: a criminal judgment selected, not an initiative
        if _DESIGNATION.search(text, os, oe):
            continue  # 确定为改革试点法院: a designation (piloted), not an honour
        if _TALLY_SUBJECT.search(text, max(0, vs - 8), vs):
            continue  # 11个集体获评市级先进荣誉: a tally of honours over many units, a figure
        obj = text[os:oe]
        lead = len(obj) - len(_AWARD_OBJ_LEAD.sub("", obj, count=1))
        if lead and text[os - 1 : os] in "为了" and obj.lstrip(" ")[:1] == text[os - 1 : os]:
            lead = len(obj) - len(obj.lstrip(" "))  # 评为为民…: the verb had its 为 already
        s = os + lead
        # 分别入选“A”和“B”: the quotes may run past the clipped object
        quoted = [q for q in _QUOTED.finditer(text, s, min(len(text), oe + 40)) if q.start() < oe]
        quoted = _quote_chain(text, quoted) if len(quoted) > 1 else quoted
        if len(quoted) > 1 and not _HAN_RUN.search(
            _AWARD_JOIN.sub("", _QUOTED.sub("", text[s : quoted[-1].end()]))
        ):
            # 获评“A”“B”: one honour per quote; 确定为“A”和“B”示范法院: each quote with the
            # head they share
            shared = _SHARED_HONOUR_HEAD.match(text[quoted[-1].end() : oe])
            head = shared.group(0) if shared else ""
            for q in quoted:
                if any(q.start() <= t < q.end() for t, _ in title_spans):
                    continue
                if _PERSON_HONOUR.search(strip_ignored(q.group("x"))):
                    continue  # 被评为“调解能手”“办案标兵”: a person's honour, a role
                if _WRITING_HONOUR.search(strip_ignored(q.group("x")) + head):
                    continue  # an honour of a paper or a research topic: its authors'
                end = q.end() + len(head) if head and q is quoted[-1] else q.end()
                cands.append(
                    InitiativeMention(
                        q.start(), end, strip_ignored(q.group("x")) + head, True, "award", True
                    )
                )
            continue
        # 获评甲先进集体、乙优秀中心等称号: one honour per item
        parts = _award_parts(text, s, oe)
        for ps, pe in parts:
            if (count := _AWARD_COUNT.search(text, ps, pe)) is not None:
                if count.group("n") not in ("1", "一") and not _CASES_SELECTED.search(
                    text, ps, count.start()
                ):
                    continue  # 获评全国法院优秀庭审9场: a tally over many honours, a figure
                # 荣立“集体三等功”1次: the honour, won once; 入选最高法院公报案例7件: a case
                # selection is one honour of the court whatever the number of its cases
                pe = count.start()
            if pe - ps < 3:
                continue
            if any(ps <= t < pe for t, _ in title_spans) or any(ps <= c.start < pe for c in cands):
                continue
            if _covered(tax_spans, ps, pe) and len(_residue(text, tax_spans, ps, pe)) < 2:
                continue  # 被确定为相对薄弱法院: a status the taxonomy knows, not an honour
            if _PERSON_HONOUR.search(strip_ignored(text[ps:pe])):
                continue  # 被授予“优秀调解导师”奖项: a person's honour, a role
            if _WRITING_HONOUR.search(strip_ignored(text[ps:pe])):
                continue  # 获评重点调研课题“良好”成绩: an honour of a paper, its authors'
            rule = "award-header" if vs == os else "award"  # 某某案例第N号 heading the article
            cands.append(InitiativeMention(ps, pe, strip_ignored(text[ps:pe]), True, rule, True))
        for ps, pe in _award_continued(text, oe) if vs != os else []:
            if any(ps <= t < pe for t, _ in title_spans) or any(ps <= c.start < pe for c in cands):
                continue
            if _covered(tax_spans, ps, pe) and len(_residue(text, tax_spans, ps, pe)) < 2:
                continue
            if _PERSON_HONOUR.search(strip_ignored(text[ps:pe])) or _WRITING_HONOUR.search(
                strip_ignored(text[ps:pe])
            ):
                continue
            cands.append(
                InitiativeMention(ps, pe, strip_ignored(text[ps:pe]), True, "award-list", True)
            )
    for mm in _MECHANISM_MEETING.finditer(text, 0, limit):
        ms, me = mm.span("x")
        if not any(s < me and ms < e for s, e in tax_spans) and not OTHER_BODY.search(mm["x"]):
            cands.append(InitiativeMention(ms, me, mm["x"], True, "meeting"))
    for ac in _ACTIVITY.finditer(text, 0, limit):
        xs, xe = ac.span("x")
        x = ac.group("x")
        if (
            _X_STOP.search(x)
            or _POLITICAL.search(x)
            or not _COURT_WORK.search(_NOT_COURT_WORK.sub("", x))
            or len(_own_words(x)) < 2
            or (_covered(tax_spans, xs, xe) and len(_residue(text, tax_spans, xs, xe)) < 2)
        ):
            continue  # 开展一系列调研活动, 法治宣传进社区活动, 巡回审判活动: no activity of its own
        cands.append(InitiativeMention(xs, ac.end(), text[xs : ac.end()], True, "activity"))
    for nq in _NESTED_ROOM.finditer(text, 0, limit):
        x = nq.group("x")
        if text.rfind("“", 0, nq.start()) <= text.rfind("”", 0, nq.start()):
            continue  # 门口挂着‘甲服务站’的牌子 with no quoted speech around it: no name of a room
        if _covered(tax_spans, nq.start("x"), nq.end("x")) and (
            len(_residue(text, tax_spans, nq.start("x"), nq.end("x"))) < 2
        ):
            continue
        if len(_GENERIC_WORDS.sub("", x)) < 3:
            continue  # ‘调解室’: a kind of room, no name
        cands.append(InitiativeMention(nq.start(), nq.end(), x, True, "quoted-nested"))
    for sl in _SOURCE_LIST.finditer(text, 0, limit):
        if any(x in _NOT_SOURCE for x in re.findall(r"([" + HAN + r"])源", sl.group(0))):
            continue  # 水源、能源…: no court's sources of disputes
        cands.append(InitiativeMention(sl.start(), sl.end(), sl.group(0), True, "source"))
    for sg in _SOURCE_GOVERNANCE.finditer(text, 0, limit):
        if sg.group("x") in _NOT_SOURCE or any(s <= sg.start() < e for s, e in tax_spans):
            continue
        cands.append(InitiativeMention(sg.start(), sg.end(), sg.group(0), True, "source"))
    for rh in _RHYTHM.finditer(text, 0, limit):
        if any(s < rh.end() and rh.start() < e for s, e in tax_spans) or _POLITICAL.search(
            rh.group(0)
        ):
            continue
        if rh.group(0) in _RHYTHM_IDIOMS:
            continue  # 小到一针一线, 聚焦“一老一小”: a set phrase of the language, no routine
        if _HAN_RUN.match(text, rh.end()) and text.rfind("“", 0, rh.start()) > text.rfind(
            "”", 0, rh.start()
        ):
            continue  # “一屏一线一终端”: a rhythm that would cut a quoted name short
        if (
            _HAN_RUN.match(text, rh.end()) and not _RHYTHM_NEXT.match(text, rh.end())
        ) or _COMPARISON.search(rh.group(0)):
            continue  # 一户一杯茶听民需, 一加一大于二: a phrase of a sentence, not a routine
        cands.append(InitiativeMention(rh.start(), rh.end(), rh.group(0), True, "rhythm"))
    # 建成甲中心、乙中心、丙中心“三个中心”: the count names the listed parts as one initiative
    summaries = _count_summaries(text, limit)
    cands = [c for c in cands if not any(a <= c.start and c.end <= b for a, b, _ in summaries)]
    cands += [
        InitiativeMention(q.start(), q.end(), q.group(0), True, "quoted-count")
        for _, _, q in summaries
    ]
    cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in dropped)]
    # candidates that overlap each other: keep the longest; a candidate drops the taxonomy
    # matches it contains (a local brand built around a generic term is the brand)
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[InitiativeMention] = []
    for c in cands:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    found = [f for f in found if not any(k.start <= f.start and f.end <= k.end for k in kept)]
    found = _brand_variants(text, found, kept)
    kept = [
        replace(k, awarded=True) if not k.awarded and awarded(k.start, k.end) else k for k in kept
    ]
    brands = _same_core(text, _nested_names(_merge_names(kept)))
    found = _partner_brand(found, brands)
    result = [_flagged(text, m) for m in found + brands]
    result.sort(key=lambda m: (m.start, -m.end))
    return result


#: known initiatives that join a partner's work, and the partner's word: in an article that
#: brands its work with that partner (“法院+综治中心”联动机制), the court's going into the
#: partner's centre (法官常驻综治中心) is part of the brand, not a second initiative
_PARTNER_WORDS = {"诉讼服务入驻综治中心": "综治"}
_PARTNER_BRAND_RULES = frozenset({"quoted", "quoted-brand", "quoted-group", "quoted-code"})


def _partner_brand(
    found: list[InitiativeMention], brands: list[InitiativeMention]
) -> list[InitiativeMention]:
    """Name a known partner initiative (`_PARTNER_WORDS`) after the article's first quoted
    local brand that names the same partner."""
    if not brands or not any(f.name in _PARTNER_WORDS for f in found):
        return found
    out: list[InitiativeMention] = []
    for f in found:
        word = _PARTNER_WORDS.get(f.name)
        brand = (
            next(
                (
                    b.name
                    for b in brands
                    if b.rule in _PARTNER_BRAND_RULES and word in strip_ignored(b.name)
                ),
                None,
            )
            if word
            else None
        )
        out.append(replace(f, name=brand) if brand else f)
    return out


def _brand_variants(
    text: str, found: list[InitiativeMention], brands: list[InitiativeMention]
) -> list[InitiativeMention]:
    """A known term inside an unquoted repeat of a quoted brand's words is that brand: after
    “甲乙”在线诉调对接, the 诉调对接 of 在线诉调对接机制 is the brand, not the generic term. The
    words after the quote must add a modifier to the term (a bare 诉调对接 stays generic)."""
    rests: list[tuple[str, str]] = []
    for b in brands:
        if b.rule not in ("quoted", "quoted-brand"):
            continue
        q = _QUOTED.match(b.name)
        rest = b.name[q.end() :] if q else ""
        if len(rest) >= 3 and not _IGNORED_ANY.search(rest):
            rests.append((rest, b.name))
    if not rests:
        return found
    out: list[InitiativeMention] = []
    for f in found:
        name = f.name
        for rest, brand in rests:
            if f.title or len(rest) <= f.end - f.start:
                continue
            i = text.find(rest, max(0, f.end - len(rest)), f.start + len(rest))
            if 0 <= i <= f.start and f.end <= i + len(rest):
                name = brand
                break
        out.append(f if name == f.name else replace(f, name=name))
    return out


#: a quote or a space inside a brand's words
_IGNORED_ANY = re.compile("[“”\"'‘’「」『』 \u3000]")


def _merge_names(cands: list[InitiativeMention]) -> list[InitiativeMention]:
    """One name per quoted core: “5+5+5+1”体系 and “5+5+5+1”工作体系 are one initiative, and so
    are “老娘舅”调解品牌 and an unquoted 老娘舅调解室 before or after it (the core, then a head)."""
    first: dict[str, str] = {}
    unquoted: list[str] = []  # keys of unquoted names, which a later quoted core may continue
    out: list[InitiativeMention] = []
    for c in sorted(cands, key=lambda c: c.start):
        q = _QUOTED.search(c.name)
        key = strip_ignored(q.group("x")) if q else strip_ignored(c.name)
        if not q and not c.rule.startswith("award"):
            key = next(
                (
                    k
                    for k in first
                    if len(k) >= 3 and key.startswith(k) and _head_rest(key[len(k) :])
                ),
                key,
            )
            if key not in first:
                unquoted.append(key)
        elif q and key not in first and len(key) >= 3:
            earlier = next(
                (u for u in unquoted if u.startswith(key) and _head_rest(u[len(key) :])), None
            )
            if earlier is not None:
                first[key] = first[earlier]
        name = first.setdefault(key, c.name)
        out.append(c if name == c.name else replace(c, name=name))
    return out


_OPENING_QUOTES = "“「『‘"


#: a person's familiar name (老杨, 小李, 阿勇) before a name: a room or studio of that person's
_NICKNAME = re.compile(r"^(?:老|小|阿)[" + HAN + r"]$")


def _nested_names(cands: list[InitiativeMention]) -> list[InitiativeMention]:
    """A proposed name that ends with another proposed name of four characters or more is that
    one with a modifier: 全区第一批甲乙人民法庭 beside “甲乙”人民法庭, 个人品牌调解工作室 beside
    品牌调解工作室, “甲、乙”的立体解纷机制 beside 立体解纷机制. They are one initiative, named
    by the shorter name."""
    keys = {strip_ignored(c.name): c.name for c in cands}
    if len(keys) < 2:
        return cands
    out: list[InitiativeMention] = []
    for c in cands:
        key = strip_ignored(c.name)
        inner = [k for k in keys if len(k) >= 4 and len(k) < len(key) and key.endswith(k)]
        if (
            inner
            and c.name[:1] in _OPENING_QUOTES
            and not key[: -len(max(inner, key=len))].endswith(("的", "暨"))
        ):
            # “甲”诉调对接工作室: a quoted brand keeps its own name; “法官调解室暨社区微法庭”
            # (暨: one facility under both names) is the 社区微法庭 named elsewhere
            inner = []
        if inner and _NICKNAME.match(key[: -len(max(inner, key=len))]):
            inner = []  # 老杨品牌调解工作室: a person's own room beside the generic one
        if inner:
            out.append(replace(c, name=keys[max(inner, key=len)]))
        else:
            out.append(c)
    return out


#: the court's own name before a brand (“人民法院老马工作室” beside “老马工作室”)
_COURT_PREFIX = re.compile(r"^(?:人民法院|法院|法庭|本院)")
#: the heads of a local brand's rooms, teams and methods (“甲乙调解室”, “甲乙调解法”)
_BRAND_HEAD = re.compile(
    r"(?:调解工作室|调解室|调解法|调解团队|调解队|工作室|工作法|工作站|服务站|团队|室|站|法)$"
)
_QUOTED_RULES = frozenset({"quoted", "quoted-brand", "quoted-code"})


#: a court named as a clause's subject (平山县人民法院, 赞皇法院, 某某人民法庭)
_SUBJECT_COURT = re.compile(r"[" + HAN + r"]{2,10}?(?:人民法院|人民法庭|法院|法庭)")
_SENTENCE_ENDS = "。！？；!?;\n"


def _subject_court(text: str, start: int) -> str | None:
    """The first court named in the sentence before text[start], 人民 left aside; None when the
    sentence names none (该院, 本院, a bare 法庭)."""
    cut = max(text.rfind(end, 0, start) for end in _SENTENCE_ENDS) + 1
    m = _SUBJECT_COURT.search(text, cut, start)
    return m.group(0).replace("人民", "") if m else None


def _same_court(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a in b or b in a


def _same_head(a: str, b: str) -> bool:
    """Two heads of one brand: the same, one missing, or a room and its method (调解室 and
    调解法, 工作室 and 工作法)."""
    if a == b or not a or not b:
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"室", "法"}


def _same_core(text: str, cands: list[InitiativeMention]) -> list[InitiativeMention]:
    """Quoted brands of one article with the same words before their heads are one initiative,
    named as first met: “人民法院老马工作室”, “老马工作室” and “老马”调解团队 (one head, or
    none); “甲乙调解室” and “甲乙调解法” (a room and the method worked in it). Other heads
    are other things (“甲乙调解室”, “甲乙服务站”, “甲乙工作法”), and never one across two
    subject courts (甲县法院设立“甲乙调解法”。乙县法院设立“甲乙调解室”)."""
    if sum(c.rule in _QUOTED_RULES for c in cands) < 2:
        return cands
    #: core -> [(name, head, subject court)] of the mentions met so far
    groups: dict[str, list[tuple[str, str, str | None]]] = {}
    out: list[InitiativeMention] = []
    for c in sorted(cands, key=lambda c: c.start):
        if c.rule not in _QUOTED_RULES:
            out.append(c)
            continue
        bare = _COURT_PREFIX.sub("", strip_ignored(c.name))
        core = _BRAND_HEAD.sub("", bare)
        if len(core) < 2 or not _HAN_RUN.search(core):
            out.append(c)
            continue
        # “老马”调解团队: the quote holds the brand's words alone, the head outside is its own
        head = "" if c.name.startswith(f"“{core}”") else bare[len(core) :]
        court = _subject_court(text, c.start)
        name = c.name
        for g_name, g_head, g_court in groups.get(core, []):
            if _same_court(court, g_court) and _same_head(head, g_head):
                name = g_name
                break
        groups.setdefault(core, []).append((name, head, court))
        out.append(c if name == c.name else replace(c, name=name))
    return out


_HEAD_REST = re.compile(r"^(?:[" + HAN + r"]{0,4}?)(?:" + MECHANISM_HEADS + r")?$")


def _head_rest(rest: str) -> bool:
    """What follows a brand's core in another mention of it: a short modifier and a head."""
    return bool(_HEAD_REST.match(rest)) and len(rest) <= 6
