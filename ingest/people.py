"""People named with a title: 党组书记、院长李景会, 省法院郑青院长, 立案庭庭长王芳.

A person is a full name (a known surname plus one or two characters; a dotted or spaced name
for other scripts; two Tibetan name parts; right after a court's title, a name with no Han
surname whose other mentions say where it ends) standing right after a chain of titles or
right before one. The shapes, each with its own ``rule`` id (PERSON_RULES, surest first):

- 甲法院院长张三 / 甲法院立案庭庭长张三 (a department between court and title) / 院长张三 /
  党组成员、立案信访局局长张三 (a court's own office, its court left to the context)
- 张三院长, 甲法院的张三法官, 张三等法官, 张三，甲法院副院长 / 张三（甲法院副院长）,
  作为甲法院庭长，张三…, 张三现任甲法院庭长, 现任…庭长的张三, 张三是一名法官,
  50岁的张三其实是甲法院一名书记员
- 法官张三说, 特邀调解员李四, 全国优秀法官王五 (court staff, mediators, honours without a court
  need a real-looking name and a verb of saying or taking part, 法官张三来到, or a second
  mention); 王芳法官说 opening a clause; “马背法官”王芳; a people's mediator only where the
  sentence places them at a court
- 党组成员、副院长：张三、李四 (a roster), 张三，男，…甲法院庭长 (a profile), 张三同志,
  作者：甲县人民法院 张三 / 通讯员 甲法院法官助理 张三 (a byline with a court)

The roles are the posts as written: a former or retired post and other qualifying words stay
(原庭长, 退休法官, 青年法官; 女法官 is 法官), and where the court is known a division head
keeps the division (立案庭庭长). A group of courts keeps the bare titles; the extractor places
a post by its bare title (bare_title).

Where a name ends is read from what follows it: punctuation, a verb of saying, or a common
word (整理, 召开, 退休) ends it. Surname-only references (胡院长), anonymised parties (郑某),
media credits (记者 张三, 通讯员 张三: no court post stated) and words that begin with a
surname (包联法官, 庭长常常, 院长任期, 广州法官, 江苏省人大代表) are not people.

>>> [(h.name, h.roles) for h in find_people("会上，党组书记、院长王立新指出，要狠抓落实。")]
[('王立新', ('党组书记', '院长'))]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.document import CourtMention, CourtRef

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
    # common ones the lists above left out
    "傅赖洪萧"
    # also the first syllable of many Mongolian names (宝力尔, 宝音)
    "宝"
    # rarer ones that begin no common word
    "阎丘郗汝郦薜延雒笪遆訾逄郄蒯钮靖粱璩缑綦蔚酆谯庹郇竺糜钭隗仉鄂郏乜汲邴庾佴眭睢芈"
    # rare ones whose only common word is barred below (朋友, 宛如)
    "茆朋宛"
    # rare ones that begin no common word (俸 of Yunnan and Guangxi, 厍, 琚, 禚)
    "俸厍琚禚"
)
#: common words that begin with a rare surname: never a name (法官朋友们, 庭长朋友圈, 法官宛如…)
_SURNAME_WORDS = frozenset(["朋友", "朋辈", "朋党", "宛如", "宛若", "宛然"])
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

#: ranked clerks and assistants (二级法官助理 before 二级法官)
_RANKED_STAFF = tuple(f"{rank}级{post}" for post in ("法官助理", "书记员") for rank in "一二三四五")
#: civil-service ranks a court's officials hold (二级巡视员, 一级调研员)
_CIVIL_RANKS = tuple(f"{rank}级{post}" for post in ("巡视员", "调研员") for rank in "一二三四")
#: a member's post in a court's unit, listed after a main post (庭长、调解室成员)
_MEMBER_POSTS = ("调解室成员", "调解工作室成员", "调解团队成员", "审判团队成员", "速裁团队成员")
ROLES = "|".join(_RANKED_STAFF + _CIVIL_RANKS + _MEMBER_POSTS) + (
    "|党组书记|党组副书记|党组成员|X组书记|X组副书记|X组成员|党委书记|党委副书记|常务副院长|副院长|代院长|院长助理|院长|副庭长|庭长|"
    "审判长|审判员|首席大法官|一级大法官|二级大法官|一级高级法官|二级高级法官|三级高级法官|四级高级法官|一级法官|二级法官|三级法官|"
    "四级法官|五级法官|员额法官|法官助理|书记员|法官|执行局局长|执行局副局长|执行局长|执行局政委|局长|副局长|"
    "政治部主任|审判管理办公室主任|审判管理办公室副主任|审管办副主任|办公室主任|审管办主任|副主任|主任|审判委员会副部级专职委员|审判委员会专职委员|审委会专职委员|专职委员|"
    "审判委员会委员|审委会委员|纪检组长|纪检监察组组长|监察专员|人民陪审员|特邀人民调解员|"
    "特约人民调解员|特邀调解员|特约调解员|人民调解员|"
    "调解员|省委常委|市委常委|州委常委|县委常委|区委常委|政法委书记|政法委副书记|市委书记|县委书记|"
    "区委书记|省委书记|副书记|书记|副省长|省长|副市长|市长|副县长|县长|副区长|区长|副主席|主席|"
    "检察长|副检察长|副厅长|厅长|副处长|处长|副科长|科长|所长|站长|副大队长|大队长|副支队长|支队长|队长|会长|秘书长|理事长|"
    "人大代表|政协委员|律师调解员|律师|负责人|分管领导|协管领导|驻院人民调解员|驻庭人民调解员|驻院调解员|驻庭调解员|执行干警|干警|合议庭成员|助理审判员|执行员|司法警察|法警|技术调查官|新闻发言人|导诉员|速录员"
)
#: honours given to a person (全国优秀法官柯颖): roles of their own, which say nothing of the unit
HONOURS = (
    "(?:全国|全省|全市|全区|全州|省|市)?(?:法院系统|法院)?(?:优秀|模范|十佳|最美|先进|金牌)(?:基层)?"
    "(?:法官助理|法官|书记员|人民调解员|调解员|执行员|法警|个人|工作者)|"
    "(?:全国|全省|全市)?(?:法院)?(?:审判业务专家|办案标兵|办案能手|调解能手|执行能手)"
)
_HONOUR_RE = re.compile("(?:" + HONOURS + ")")
#: words standing before a title that are not titles themselves: 资深法官, 驻村法官, 首席调解员
_PREFIX = (
    "(?:资深|首席|主审|承办|调解|代理|分管|驻村|驻站|派驻|专职|巡回|年轻|青年|退休|志愿|主要|老|(?<!妇)女|(?<![女])男|"
    # a former post (马厂法庭原庭长张三), not the end of a word (草原法官, 高原法庭)
    "(?<![草高平中太还复病燎])原)"
)
_PREFIX_RE = re.compile("^" + _PREFIX)
#: the heads of a court's outposts (法官工作室, 法官联络站 …) as bare_title writes them
FACILITY_HEADS = ("法官工作室负责人", "法官工作站负责人", "法官联络站负责人", "诉讼服务站负责人")
#: occupations of a court: 法官张三说 names a judge even where no court stands before the title
COURT_OCCUPATIONS = frozenset(
    [
        "审判员",
        "助理审判员",
        "员额法官",
        "法官助理",
        "书记员",
        "法官",
        "执行员",
        "司法警察",
        "法警",
        "技术调查官",
        # a court's auxiliary staff: 导诉员 (who guides litigants in the service hall), 速录员
        "导诉员",
        "速录员",
        "特邀调解员",
        "特约调解员",
        "特邀人民调解员",
        "特约人民调解员",
        "驻院调解员",
        "驻庭调解员",
        "驻院人民调解员",
        "驻庭人民调解员",
        # the head of a court's own outpost in a village (甲村法官工作室负责人), by its bare title
        *FACILITY_HEADS,
        "干警",
        "执行干警",
        "合议庭成员",
        *_RANKED_STAFF,
    ]
)
#: occupations rather than offices: 律师常驻 is not a lawyer called 常驻, so these titles name a
#: person only after the unit they work for (XX法院法官王某某)
OCCUPATIONS = frozenset(
    [
        "人民陪审员",
        "人民调解员",
        "调解员",
        "律师调解员",
        "人大代表",
        "政协委员",
        "律师",
        "负责人",
    ]
    + sorted(COURT_OCCUPATIONS)
)
_ROLE = "(?:" + _PREFIX + "?(?:" + HONOURS + "|" + ROLES + "))"
_CHAIN = _ROLE + r"(?:[、兼]" + _ROLE + ")*"
_HAN = "\u4e00-\u9fff"
_ROLE_FIRST = "".join(
    sorted(
        {r[0] for r in ROLES.split("|")}
        | set("全省市法优模十最先金审办调执资首主承驻派专巡年青退老女男原分志")
    )
)
#: the characters titles are written in (_ROLE's own, its syntax left out: its only character
#: classes are in look-behinds); every title has two at least, so its second is one of these
_ROLE_CHARS = "".join(re.escape(c) for c in sorted(set(_ROLE) - set("()[]?|:<!=^\\")))
# a chain of titles (the look-ahead lets the scan skip characters no title starts with, and those
# not followed by a title's character: a pair of classes is much quicker than the alternatives)
_CHAIN_RE = re.compile(r"(?=[" + _ROLE_FIRST + "][" + _ROLE_CHARS + r"])(?<!总)" + _CHAIN)
_NAME_AFTER = re.compile(r"[ \u3000]*(?P<name>[" + _HAN + r"]{2,4})")
#: a name set off by spaces (院长 乌兰其其格 表示): its length is what the spaces say, which also
#: covers names without a Han surname (Mongolian, Tibetan, Uyghur transliterations)
_SPACED_NAME = re.compile(
    r"[ \u3000]+(?P<name>[" + _HAN + r"]{2,7})(?=[ \u3000]|[，,。：:；;！!？?]|\n|$)"
)
#: a name with a middle dot (艾尔肯·吐尔逊, 买买提·依明): it ends at punctuation, a space or a
#: verb of saying
_DOTTED_NAME = re.compile(
    r"[ \u3000]*(?P<name>[" + _HAN + r"]{1,6}[·•・．][" + _HAN + r"]{1,8}?)"
    r"(?=[ \u3000，,。：:；;！!？?、）)”\n]|说|表示|介绍|指出|强调|要求|认为|主持|出席|带领|讲话|参加|"
    r"同志|一行|等|$|"
    # a clause goes on after the name (买买提·哈斯木就来到法院, …经常往基层跑): function words
    # and verbs never written inside a transliterated name
    r"就|在|是|的|把|也|还|将|已|正|从|又|曾|便|来到|走进|赶到|经常|一直|每天|接受|带着|"
    # a companion or the one spoken to (…和同事, …与当事人, …向记者) and more verbs of saying
    r"和|与|及|跟|向|对|给|告诉|告知|透露|坦言|回忆)"
)
#: a two-character name set to the width of three (张　伟), as rosters and bylines print it
_PADDED_NAME = re.compile(
    r"[ \u3000]+(?P<a>[" + _HAN + r"])[ \u3000](?P<b>[" + _HAN + r"])(?=[ \u3000，,。：:；;\n]|$)"
)
#: a roster line: 党组成员、副院长：刘红梅、韩建国；
_NAME_LIST = re.compile(
    r"[ \u3000]*[：:][ \u3000]*(?P<names>[" + _HAN + r"]{2,4}(?:[、，,][" + _HAN + r"]{2,4})*)"
    r"[ \u3000]*(?=[；;。）)\n]|$)"
)
#: 等 (and a head count) between a name and the title its group shares: 陈明等三名法官
_ETC = re.compile(r"等(?:[0-9一二三四五六七八九十两]+[名位])?$")
#: a remark on the post between it and the name: 副院长（主持工作）张三, 庭长(兼)李四
_TITLE_ASIDE = re.compile(r"[（(](?:主持工作|正处级|副处级|兼|代|挂职|援疆|援藏|交流)[）)]")
#: the end of a quoted title before the name: ”, ”称号的, ”称号获得者
_QUOTED_TITLE_END = re.compile(r"”(?:称号)?(?:获得者)?的?")
#: 王芳是一名法官 / 王芳是该院立案庭的一名法官 / 王芳其实是甲法院一名法警: a name, (an
#: adverb,) 是, (the court or department,) a post held
_IS_ONE = re.compile(
    r"(?:其实|也|就|正|便|如今|现在|目前|现已|已)?(?:是|系)(?P<gap>(?:(?![是系])["
    + _HAN
    + r"]){1,24}?的?)?"
    r"一(?:名|位)$"
)
#: a phrase ending in 的 that may stand before a name: 43岁的王芳, 今年58岁的王芳
_AGE_BEFORE_NAME = re.compile(r"[0-9一二三四五六七八九十]+岁的$")
#: a judge's nickname in quotes before the name: “马背法官”, “法官妈妈”, 被誉为“草原法官”的, “小马庭长”
_NICKNAME = re.compile(
    r"“(?:["
    + _HAN
    + r"]{1,6}(?:法官|书记员|庭长)|法官(?:妈妈|姐姐|哥哥|爸爸|奶奶|爷爷|阿姨|大姐|大哥))”的?"
)
#: a 庭长 in name only, given to one outside the court (“荣誉庭长”, “编外庭长”, “义务庭长”)
_HONORARY_HEAD = re.compile(r"(?:荣誉|名誉|编外|义务|特邀)庭长")
#: a name with a middle dot right before a title (吐尔逊·买买提法官)
_DOTTED_BEFORE = re.compile(r"[" + _HAN + r"]{1,6}[·•・．][" + _HAN + r"]{1,8}$")
#: 特邀调解员，分别是张三、李四、王五: names listed after the title they share
_LIST_AFTER_TITLE = re.compile(
    r"[，,]?(?:分别是|分别为|分别有|包括)[：:]?(?P<names>[" + _HAN + r"]{2,4}"
    r"(?:[、，,和及][" + _HAN + r"]{2,4})+)(?=[。；;）)\n等]|$)"
)
#: 王芳、李娜被评为“全国优秀法官”: names, then the verb that gives them an honour
_HONOURED = re.compile(
    r"(?P<names>[" + _HAN + r"]{2,3}(?:、[" + _HAN + r"]{2,3})*)(?:同志)?"
    r"(?:被评为|被授予|荣获|获评|获得|当选为?|入选)“?$"
)
#: the opening of a profile: 张三，男，汉族，… / 李四（女，1980年生）
_PROFILE = re.compile(r"[，,（(][ \u3000]*(?:[男女]|[0-9]{4}年(?:[0-9]{1,2}月)?出?生)[，,、）)]")
#: where a profile's entry ends: 。 or ； or the line (a list of profiles, one a line)
_PROFILE_END = re.compile(r"[。；;\n]")
_HAN_RUN_END = re.compile(r"[" + _HAN + r"]{2,4}$")
#: a court's hiring someone into a post: 聘为, 聘请张三为, 特聘张三为
_HIRED_AS = re.compile(
    r"(?:(?:特聘|聘请|聘任|选聘|聘)(?P<name>[" + _HAN + r"]{2,3})为|(?:特聘|聘请|聘任|选聘|聘)为)$"
)
#: the Party's and the state's leaders, named as 同志 where their instructions are recalled
#: (纪念毛泽东同志批示…): never a court's staff
_LEADERS = frozenset(
    ["毛泽东", "周恩来", "刘少奇", "朱德", "邓小平", "陈云", "董必武", "江泽民", "胡锦涛", "习近平"]
)
_HAN_CHAR = re.compile("[" + _HAN + "]")
_COMRADE = re.compile(r"(?P<name>[" + _HAN + r"]{2,3})同志")
#: what follows 同志 where a leader's instruction or anniversary is recalled (纪念□□□同志批示,
#: 同志诞辰): sites that censor the leader's name leave the words before it (纪念), no one's name
_RECALLED = re.compile(r"(?:的)?(?:重要)?(?:批示|指示|诞辰|逝世)")

#: characters that cannot be part of a given name here (function words, verbs of reporting)
_NOT_IN_NAME = frozenset("的了是在和与及、等对为将把被向从到也都就还又并而或之其该此各每")
#: of those, the ones common as the middle character of a full name (张向军, 李为民, 王和平)
_MIDDLE_OK = frozenset("向为和之其")
#: function words that never stand in a spaced name (其, 之 may: 乌兰其其格)
_SPACED_STOP = frozenset("的了是在和与及、等对为将把被向从到也都就还又并而或该此各每")


def _two_char_words(run: str) -> frozenset[str]:
    """The words of a run of two-character words written without separators (退休整理 ->
    退休, 整理)."""
    return frozenset(run[i : i + 2] for i in range(0, len(run), 2))


#: characters that end a name when they follow it (说, 指出, 出席, 强调 …)
_AFTER_NAME = frozenset(
    "说讲指表出主在对的等和与及同带率到赴为向作陪参听要认提看走宣深来前先就亲也还则是将把被从以给代"
    # adverbs and verbs never at a given name's end (周敏仍在, 周敏却说, 周敏总是, 周敏替, 周敏去)
    "仍却总替去跑"
    "所称介致接检慰了着过副党耐积始每已再又曾都便即充热帮引协释详仔随逐分告坦透谈答问笑感回补现担"
)
#: words that often follow a name (张强退休, 孙丽整理卷宗, 孙丽一起): where one begins, the name
#: has ended. Only words whose first character is rare in given names (强调 is left out: 王志强)
_WORDS_AFTER = _two_char_words(
    "退休整理宣读宣布宣判简要交代交流抓紧工作一行一起一直一边一同一道立即迅速及时多次反复坚持"
    "始终专门首先最后当场当即"
    "经过指导调研视察督导调解审理办理处理化解组织召集邀请联系协调沟通牵头针对围绕通过利用结合根据"
    "按照发现翻开拿出打开拨通接到收到得知了解深知知道动情激动作了作出作为共同亲切认真分管兼任"
    "担任获得获评被评当选入选先后今年去年近日日前昨天今天上午下午晚上每天常年长期从事扎根"
    "赶到赶赴奔赴驱车步行冒雨顶着带着拿着握着听到想到说道问道笑道解释释法普法办案开庭主审审判"
    "判决裁定执行调处接过递给仍在依然正在正是已经早已刚刚马上立刻随即连夜顾不"
    "召开部署查看更是依法依据建议希望总结汇报通报发言做了使用自己用心据悉跟着负责常说原任"
    "翻阅细心特意特别连续查明核实庭审进村入户当天当晚第一首次多年坚守默默总是经常时常往往"
    "接受心中心里多方全程逐一带头耐心主动积极热情"
    # 庭长张三打来电话, 法官李四电话联系, 调解员王五入驻, 以张三命名的工作室
    "打来电话入驻命名"
    # 副院长张三发布典型案例, 向庭长李四求助
    "发布求助"
    # 一 and a verb: as soon as (法官张三一来到办公室, 庭长李四一进村)
    "一来一到一进一见一听一回一早"
    # 一 opening an idiom of speech or manner (院长张三一语道破, 一针见血, 一脸严肃, 一口气)
    "一语一针一脸一口一眼一声一把一手一再"
    # feeling: 感 after an adverb (院长张三倍感压力, 深感责任重大)
    "倍感备感深感颇感甚感"
    # talks (与副院长张三座谈, 庭长李四约谈当事人)
    "座谈约谈"
    # having (书记员张三有一个习惯, 法官李四有个心愿)
    "有一有个"
    # a judge's day, in the words court news tells it with: manner (苦口婆心, 语重心长, 马不停蹄,
    # 紧盯, 专程, 特地, 果断, 精心), posture and movement (坐在, 站在, 蹲下, 俯身, 踏上, 驾车,
    # 冒着, 拉着, 跟随, 返回), work on a case (受理, 承办, 审结, 办结, 结案, 收案, 梳理, 核对,
    # 调取, 查阅, 撰写, 起草, 制作, 送达, 查封, 冻结, 扣押, 拍卖, 劝说, 劝导, 开导, 解答, 询问,
    # 翻看, 拿到, 拿起, 打通, 加班), building (组建, 创建, 打造, 探索, 推动, 推行, 联合, 聚焦),
    # thought and speech (觉得, 意识, 直言, 期待, 打算, 准备, 计划, 叮嘱, 嘱咐, 配合, 受访),
    # where and when (手里, 手中, 脸上, 身上, 眼中, 面前, 桌上, 案头, 办公, 此前, 早在, 近年,
    # 这些, 这天, 那天, 一面, 一番, 一次, 一年, 一天): first characters rare at a given
    # name's end
    "苦口语重马不紧盯紧扣紧紧专程特地果断精心常常"
    "坐在站在蹲下俯身踏上驾车冒着拉着跟随返回"
    "受理承办审结办结结案收案梳理核对调取查阅撰写起草制作送达查封冻结扣押拍卖劝说劝导开导解答"
    "询问翻看拿到拿起打通加班"
    "组建创建打造探索推动推行联合聚焦"
    "觉得意识直言期待打算准备计划叮嘱嘱咐配合受访"
    "手里手中脸上身上眼中面前桌上案头办公此前早在近年这些这天那天一面一番一次一年一天"
    "列席旁听几乎"
)
#: characters that make 发布 the end of a given name and a word of its own (院长刘永发布置工作,
#: 王振发布署: 永发, 振发 are names; 布置, 布署, 布局 are the verbs)
_FABU_NAME = frozenset("置署局设控")


def _word_after(s: str, i: int, words: frozenset[str]) -> bool:
    """Whether the two characters at `i` are one of `words` that ends a name before them."""
    w = s[i : i + 2]
    return w in words and not (w == "发布" and s[i + 2 : i + 3] in _FABU_NAME)


#: verbs of taking part (法官张三参加会议, 全国优秀法官李四出席) and of a judge at work
#: (法官张三决定就地开庭, 书记员李四仔细核对)
_AT_WORK = _two_char_words(
    "带领带队来到参加参与出席主持前往走进深入走访陪同决定仔细详细没有并未再次就是倾听看望慰问察看"
    "现场实地敏锐细致反复逐项悉心一直依旧仍然始终"
    # going up to someone (导诉员张三走了过去, 法官李四走上前)
    "走了走过走上"
)
#: verbs of the means a judge works by: they end a name, and a surname before one is no name
#: (法官王依托工作站调解: 王, then 依托)
_MEANS = _two_char_words("依托依靠借助运用采用采取凭借")
#: words that say a name has ended (the ones above, and some that begin with a name character)
_END_WORDS = (
    _WORDS_AFTER
    | _two_char_words("强调荣获明确建议坦言希望透露上门下乡会见安排任职关于有关对于所说所讲所言")
    # adverbs of a quick reaction and verbs of learning (法官助理王芳连忙劝解, 法官李明知晓…)
    | _two_char_words("连忙赶紧急忙赶忙顿时随后知晓获悉")
    # words whose first character often ends a given name (王正, 李明, 张清, 王大全, 刘建, 陈立,
    # 周平安, 李国家): they end a name only where it has ended (法官王晓明正式…)
    | _two_char_words("正式明白清楚全力建立立案安抚家中相信")
    # verbs of the means a judge works by (法官王芳依托工作站调解, 李明借助视频连线)
    | _MEANS
    | _AT_WORK
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
#: where a clause begins: 王芳法官说 may open one
_CLAUSE_START = frozenset("，,。；;：:！!？?“”\n \u3000")
#: words of a sentence, not of a credit line, after 记者 / 通讯员
_NOT_IN_CREDIT = re.compile("[了从在向对跟随和与]|采访|获悉|走进|来到|见到|看到|了解")
_BOUNDARY_BEFORE = frozenset("，,。.、；;：:！!？?“”（()）—-\n \u3000丨|由向对请到给与和及同跟在从")


#: characters a given name does not end with: 江苏省, 强化院, 宣教科 are a place, a word, a unit
_NOT_NAME_END = frozenset(
    "省市县区镇乡村街院庭局室处科部办组队所站厅委司校馆化性员长官们者妈爷叔婶姨嫂族式型级界系舍着"
)
#: two-character words that begin with a surname and stand before titles (全体法官, 包联法官)
_COMMON_WORDS = _two_char_words(
    "全体全市全省全国全院党员党委党组包案包村包联包片包保金牌文明明星常驻平安宣传司法国家公正"
    "公平公益安全和谐高级高院时代都市华侨万名百名于是关于方便程序周边马上林业农村农业海事金融"
    "商事江苏江西云南安徽吉林甘肃宁夏海南向前任务管理成员成为承办原告应当应该相关广大区域谷歌"
    "毕业万家庞大强化强调史上孔子时任诸位各位那位这位康复富有幸福解纷解决调解邵东乐业巴州和平"
    "温暖雷锋司机全覆全面全员全部全程全天全方全链全流全过全年全力高效高质"
    "高度高位高标高速高频常态常年常见时间时效时限文件文书公开公告公示国际安置安排和解严格严重"
    "成功成效成立成果原审许多连线"
    "宣读宣布宣判任期任命高兴黄河周密周末周围金句何时何地何种马背田间农民温情阳光云端边疆"
    "公信严要管用延伸延长延期延续延迟延误连夜华裔公安车载田园安保纪检宣教边防高原海岛"
    "石榴银发林区海上蒙汉蒙古和事童心乐于乐意明确明显时刻时常时时严肃严厉谈心谈话"
    "谈到谈起应邀应约连续连日齐心齐抓曾经付出关心关注关键关爱解答解读计算那些单独包括简单"
    "简化平时平常支持易于原来原本原则文化查明查看查阅查询和好和睦安抚安慰安心申请申诉郑重"
    # cities that begin with a surname character: 广州法官, 常州法院
    "广州广东广西宁波常州苏州徐州郑州许昌周口唐山沈阳齐齐惠州梅州湛江柳州桂林玉林贺州海口成都"
    "乐山南充南通南京南昌南宁南阳安庆安阳安顺商丘商洛兰州温州武汉武威张掖平凉银川吴忠哈密秦皇"
    "邢台衡水包头盘锦曲靖普洱巴中宿迁荆州信阳连云韶关揭阳来宾黄冈黄山"
    "解释严谨成长权益巩固冷静居中展开展示信任信息广泛明白温馨龙头"
    # frequent words of court news
    "平台薄弱信访干警强基方面来源平均班子满足单位权利党建范围劳动简称向好初心智慧位置"
    "利用展现季度周期满意成本文章智能应用严惩符合项目方位方阵程度原因方案计划印发相应"
    "银行安定相邻白皮施策强大万件万元余件余人干净任何普通普法包抓仲裁时候关联温度车辆管辖"
    "门口公里揭牌平方商会公众成年全域应诉信心利益路线商业胡同公堂支点相传强力利民鲜明成人"
    "石油房地原任曾任宝贵宝典宝藏宝宝洪水洪涝洪灾洪峰赖以萧条印象"
    # adverbs and times that stand between a title and a verb (法官陆续来到, 庭长明天出席)
    "陆续相继曾经曾多连忙闻讯尚未尚且齐声毕竟宁可宁愿初次方才时隔时值何必何况常规"
    "元旦周一周二周三周四周五周六周日明天明日明年凌晨黎明夏天冬天春天秋天夏季冬季春季秋季"
    "夏日冬日盛夏严冬严寒初步初期应声甘愿许久路过向来居然全心干练庄重强硬成熟简便"
    # 来 and the work a judge comes to do (有法官来做调解, 请法官来讲法)
    "来做来帮来调来讲来教来办来此来给"
    # manner and chance between a title and its verb (院长盛情邀请, 庭长万一不在, 法官包干负责)
    "盛情万一包干"
)


@dataclass(frozen=True)
class PersonHit:
    """One titled mention of a person."""

    name: str
    roles: tuple[str, ...]
    start: int  # the name's offsets in the text
    end: int
    court: str | None = None  # CourtRef.name or AGG label of the court the title belongs to
    org_surface: str | None = None  # a non-court body named in the title (政法委, 市委)
    rule: str = "person:title-name"  # which pattern found it (confidence is set per rule)
    #: a court named before the title that no court mention covers (欢喜岭法庭庭长): the person
    #: belongs there, not to whatever court the text is about
    court_surface: str | None = None


#: elements of Tibetan names (扎西, 次仁, 卓玛 …): two of them make a full name (扎西次仁),
#: which has no surname
TIBETAN_NAME_PARTS = _two_char_words(
    "扎西次仁格桑卓玛旦增达瓦尼玛多吉多杰索朗平措拉巴普布央金德吉顿珠洛桑强巴次旦罗布边巴白玛"
    "曲珍仁增央宗拉姆措姆次珠巴桑米玛贡布桑珠旺堆旺姆琼达益西丹增土登嘎玛群培赤列加措嘉措才让"
    "卓嘎德庆次央拉珍普琼玉珍桑吉仁青曲扎央拉尼珍泽仁降央阿旺仓决次松欧珠巴珠白珍"
    # more common elements, Amdo and Kham spellings among them (才旦, 达哇, 却加)
    "才旦才仁达哇达娃达杰群旦却加切加拉加旦正更登尕藏索南拉毛万玛完玛南加周加公保东主华旦"
    "桑杰吉美晋美久美丹珍朗杰扎巴旦巴贡觉边多巴丹措吉央吉土旦强曲次成旺扎旺久拉措吉措"
)


#: characters of names transliterated from Mongolian, Tibetan, Uyghur or Kazakh (伊如乐图,
#: 浩布尔, 阿拉木苏, 巴特尔, 才让措): a run of them right after a title is a name with no Han
#: surname. _TRANSLIT_MARKS are the ones ordinary words rarely hold; a name needs two of them, or
#: one and a Tibetan final (措, 卓玛, 拉姆)
_TRANSLIT = frozenset(
    "阿巴布尔图苏乌吉格勒楞其木娜那纳赖额敦特浩斯孜热依提买古丽努艾肯帕萨玛赛扎措旦卓央宗姆嘎"
    "塔伊达拉日哈克尼多桑仁次珠旺索朗贡顿曲洛罗德吐汗江别合加才更周如乐莫根钦宝音满都沙腾呼兰"
    "琪雅鲁毕力西普平强白仓决让贞坦"
)
_TRANSLIT_MARKS = frozenset(
    "阿图尔措苏乌吉格勒楞娜赖额敦特斯孜热依提买丽努艾肯帕萨玛赛扎卓姆嘎塔伊哈巴布木达拉"
)
_TIBETAN_FINALS = frozenset("措姆珍玛")
#: surnames that head transliterated names far more often than Han ones (阿拉坦, 巴特尔, 乌兰)
_TRANSLIT_HEADS = frozenset("阿巴乌伊哈塔萨扎达图吉")


def _transliterated(text: str, s: int) -> str | None:
    """A name of three or four characters at `s` spelled from another language's sounds
    (庭长伊如乐图正…, 法官助理浩布尔在…): the longest run of transliteration characters with two
    marks, or three ending in a Tibetan final (更周措)."""
    for size in (4, 3):
        cand = text[s : s + size]
        if len(cand) < size or cand[0] not in _TRANSLIT or cand[0] == cand[1]:
            continue
        marks = sum(c in _TRANSLIT_MARKS for c in cand)
        if all(c in _TRANSLIT for c in cand) and marks >= 2:
            return cand
        if (
            size == 3
            and cand[-1] in _TIBETAN_FINALS
            and marks >= 1
            and "\u4e00" <= cand[1] <= "\u9fff"
            and cand[1] not in _NOT_IN_NAME
            and cand[1] not in _AFTER_NAME
        ):
            return cand
    return None


def _mentions(text: str, name: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(name), text)]


def _tibetan(name: str) -> bool:
    return len(name) == 4 and name[:2] in TIBETAN_NAME_PARTS and name[2:] in TIBETAN_NAME_PARTS


def _valid_name(name: str) -> bool:
    if _tibetan(name):
        return True
    if len(name) < 2 or len(name) > 4 or "某" in name or name[:2] in _SURNAME_WORDS:
        return False
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return all(c not in _NOT_IN_NAME for c in name[2:])
    if name[0] not in SURNAMES or len(name) > 3:
        return False
    if len(name) == 3 and name[1] in _MIDDLE_OK:  # 张向军, 李为民, 王和平
        return name[2] not in _NOT_IN_NAME
    return all(c not in _NOT_IN_NAME for c in name[1:])


@lru_cache(maxsize=8192)
def _plausible_name(name: str) -> bool:
    """A full name that is not a place, a unit or a common word (for the weaker patterns)."""
    return (
        _valid_name(name)
        and name[0] != name[1]  # 常常, 高高: a doubled character is a word
        and not any(c in _LOCALIZERS for c in name[1:])  # 于会上, 黄河边
        and name[-1] not in _NOT_NAME_END
        and name[:2] not in _COMMON_WORDS
        and name not in _PLACES
        # 院长和副院长 (but 张和森: a full name with 和 in the middle)
        and not (_NOT_GIVEN.match(name[1:]) and not (len(name) == 3 and name[1] in _MIDDLE_OK))
        and not _PREPOSITION_OBJECT.match(name)
    )


#: three-character places that look like full names
_PLACES = frozenset(
    ["张家口", "石家庄", "张家港", "张家界", "连云港", "秦皇岛", "马鞍山", "平顶山"]
)
#: localizers that end a phrase, never stand in a given name: 会上, 河边, 院内
_LOCALIZERS = frozenset("上下内外边旁间")
#: surnames that are also prepositions: 向, 于, 和, 由
_PREPOSITIONS = frozenset("向于和由")
#: 向群众, 于当天, 和村民, 向代表们, 由中心法官, 向县人大: a preposition (that is also a surname)
#: and its object
_PREPOSITION_OBJECT = re.compile(
    "^(?:[向于和由][群当村居大双社企学老原被申案法他我记其各有广全该本此每两三四五六七八九十一代辖媒律"
    "区县乡镇街省近党人政]"
    # 由 (rare as a surname) before a unit or a post: 由中心, 由专人, 由调解员, 由院领导, 由衷
    "|由[中专调人市县区镇院庭衷])"
)
#: what follows a name for sure: punctuation, or a verb of saying (说, 表示, 介绍, 告诉 …)
_SAYS = frozenset("说讲表介告指认坦解回感笑称答问等")


#: characters that end many given names (温春来) but also begin a verb after a name (王伟来到,
#: 对王伟来说): what may follow them for them to end the name (温春来介绍, 温春来朝着…, 温春来。)
_NAME_FINAL = {"来": "介表指告坦朝向笑，,。；;：:、！!？?）) \u3000"}


def _name_final(raw: str) -> bool:
    """raw[2] ends the name (温春来介绍, 温春来。), not a verb after a two-character name."""
    ends = _NAME_FINAL.get(raw[2])
    return ends is not None and (len(raw) == 3 or raw[3] in ends)


#: a verb of saying right after a name (周文接说, 王文亲表示)
_SAYING = re.compile("说|表示|介绍|告诉|指出|坦言|透露")
#: characters that stand right before a verb of saying as a word of their own (所说, 听说, 则表示,
#: 再说, 来说): there the name has two characters
_BEFORE_SAYING = frozenset("所再都便即曾则听来先要以现前率随逐亦仍却总常笑回答解分讲") | _SAYS


def _ends_before_saying(raw: str) -> bool:
    """raw[2] ends a three-character name a verb of saying follows (周文接说), though it may
    begin a word after a two-character name elsewhere (接受, 接待)."""
    return (
        len(raw) >= 4
        and raw[2] not in _NOT_IN_NAME
        and raw[2] not in _BEFORE_SAYING
        and _SAYING.match(raw, 3) is not None
    )


#: a verb of saying that opens what is said (说，/表示：/说道/告诉记者), not one that takes an
#: object (和表示愿意…的双方, 和说和人; 介绍人, 指出问题的, 透露线索的 are the people met)
_SAID = re.compile(r"(?:说|表示|坦言)(?:[，,：:“\"]|道|了)|告诉记者")


def _ends_in_he(raw: str, ahead: str = "") -> bool:
    """raw[2] is 和 ending a three-character name (张春和告诉记者, 李平和说，): a conjunction is
    never followed by a verb of saying that opens a quote, so 和 there is the name's own;
    `ahead` is the text after `raw`."""
    return (
        len(raw) >= 3
        and raw[2] == "和"
        and raw[0] in SURNAMES
        and raw[1] not in _NOT_IN_NAME
        and _SAID.match(raw + ahead, 3) is not None
        and _valid_name(raw[:2])
    )


def _name_after(raw: str, after: str = "", he: bool = False) -> str | None:
    """The name at the start of `raw` (2-4 characters following a title), or None; `after` is
    the text that follows `raw` (布置 after 刘永发 in 刘永发布置: a name of three); `he` says
    raw[2] is a 和 that ends the name (`_ends_in_he`)."""
    if _tibetan(raw[:4]):  # 扎西次仁
        return raw[:4]
    if (_NOT_GIVEN.match(raw[1:]) and raw[1] not in _MIDDLE_OK) or _NOT_GIVEN.match(raw):
        return None  # 院长们, 庭长接待日 (a full name with 和 in the middle is read below)
    if len(raw) >= 3 and raw[:2] in COMPOUND_SURNAMES:
        size = (
            4
            if len(raw) >= 4
            and raw[3] not in _AFTER_NAME
            and not _word_after(raw + after, 3, _WORDS_AFTER)  # 欧阳明座谈, 欧阳明退休
            else 3
        )
        return raw[:size] if _valid_name(raw[:size]) else None
    if raw[0] not in SURNAMES or len(raw) < 2:
        return None
    if he:
        return raw[:3]  # 张春和告诉记者: a verb of saying follows 和, which ends the name
    if raw[1] in _NOT_IN_NAME:  # 张向军 (a full three-character name), not 张的
        middle = (
            raw[1] in _MIDDLE_OK
            and len(raw) >= 3
            and raw[2] not in _AFTER_NAME
            and not _word_after(raw + after, 2, _WORDS_AFTER)
        )
        return raw[:3] if middle and _valid_name(raw[:3]) else None
    if raw[2:4] == "一行":  # 院长张伟一行: the delegation of 张伟
        return raw[:2] if _valid_name(raw[:2]) else None
    if (
        len(raw) >= 3
        and (raw[2] not in _AFTER_NAME or _name_final(raw) or _ends_before_saying(raw))
        and raw[2] not in _NOT_IN_NAME
        and raw[2] not in _LOCALIZERS  # 李明上门
        and not _word_after(raw + after, 2, _WORDS_AFTER)
    ):
        return raw[:3] if _valid_name(raw[:3]) else None
    return raw[:2] if _valid_name(raw[:2]) else None


#: words whose first character often ends a given name (王志强), so that a name read up to
#: them is cut only when the word goes on as that word: 张军强调， but 王志强调解纠纷
_SPLIT_WORDS = {"强调": "解研查处整度"}


def _strong_end(text: str, pos: int) -> bool:
    return (
        pos >= len(text)
        or text[pos] in _AFTER_NAME
        or text[pos] in _BOUNDARY_BEFORE
        or _word_after(text, pos, _END_WORDS)
    )


_DOTTED_START = re.compile(r"[" + _HAN + r"]{1,6}[·•・．]")


def _repeated_dotted(text: str, s: int) -> str | None:
    """A dotted name at `s` whose end no word after it shows (院长努尔兰·别克哼唱着…): the
    longest one whose other mention is followed by punctuation or a verb of saying."""
    first = _DOTTED_START.match(text, s)
    if first is None:
        return None
    for size in range(8, 0, -1):
        cand = text[s : first.end() + size]
        if len(cand) < first.end() - s + size or not all(
            "\u4e00" <= c <= "\u9fff" for c in cand[first.end() - s :]
        ):
            continue
        ends = [mm.end() for mm in re.finditer(re.escape(cand), text) if mm.start() != s]
        if any(
            e >= len(text) or text[e] in _BOUNDARY_BEFORE or _SAYING.match(text, e) for e in ends
        ):
            return cand
    return None


def _repeated_name(text: str, s: int) -> str | None:
    """A name of 2-4 characters at `s` that begins with no Han surname (萨玛丽, 星月): the
    longest run that ends where a name ends here and at each of its other mentions (one at
    least), is followed by a verb of saying at one of them, and holds no function word, no
    word a name is followed by and no unit's ending."""
    for size in (4, 3, 2):
        cand = text[s : s + size]
        if (
            len(cand) < size
            or not all("\u4e00" <= c <= "\u9fff" for c in cand)
            or cand[0] == cand[1]
            or any(c in _NOT_IN_NAME or c in _AFTER_NAME for c in cand[1:])
            or cand[0] in _NOT_IN_NAME
            or cand[-1] in _NOT_NAME_END
            or cand[:2] in _COMMON_WORDS
            or cand[:2] in _END_WORDS  # 坚持, 带领: a verb, not a name
            or any(c in _LOCALIZERS for c in cand)  # 会上
            or _NOT_GIVEN.match(cand)
            or not _strong_end(text, s + size)
        ):
            continue
        if cand[:2] in _NOT_REPEATED:
            continue
        starts = [mm.start() for mm in re.finditer(re.escape(cand), text)]
        if (
            len(starts) >= 2
            and all(_strong_end(text, b + size) for b in starts)
            # the subject of a verb of saying somewhere (萨玛丽说): a person, not a phrase
            and any(_SAYING.match(text, b + size) for b in starts)
            # and a mention of its own, after punctuation, not after a title, that opens no
            # clause with a comma: 法官事后说…。事后，… is an adverb
            and any(
                b != s
                and (b == 0 or text[b - 1] in _STANDS_ALONE_AFTER)
                and text[b + size : b + size + 1] not in ("，", ",")
                for b in starts
            )
        ):
            return cand
    return None


#: what stands right before a mention of a name on its own: the start of a clause
_STANDS_ALONE_AFTER = frozenset("，,。；;：:！!？?“”（()）\n \u3000")

#: words of time and manner that follow a title and a verb of saying as a name would (法官事后说,
#: 院长开门见山说, 法官感叹道): never a name read from its repetition alone
_NOT_REPEATED = _two_char_words(
    "事后如今起初当年当时此前此后随后后来最初起先原先目前现在今年去年近日近年日前眼下如今"
    "开门诚恳感叹感慨自豪哽咽激动动情深情欣慰高兴笑着坦诚坦然郑重语重考察直言风趣幽默"
)


#: the longest quoted brand a title and a word are read from (“法官沙龙”, “某某法官工作站”)
_BRAND_REACH = 12


def _in_quotes(text: str, a: int, b: int) -> bool:
    """The span a..b stands inside one short pair of quotes (“…”) on its line."""
    op = text.rfind("“", max(0, a - _BRAND_REACH), a + 1)
    if op < 0 or any(c in text[op + 1 : a] for c in "”\n"):
        return False
    cl = text.find("”", b, op + _BRAND_REACH + 1)
    return cl >= 0 and "\n" not in text[b:cl] and "“" not in text[op + 1 : cl]


def _quoted_brand(text: str, a: int, b: int, name: str) -> bool:
    """A title and a "name" quoted together (开设“法官沙龙”, 发挥“某心法官工作站”作用) where the
    name stands nowhere outside a short quoted span: the brand's word, no one's name. A judge a
    studio is named after (“王芳法官工作室”) is named again outside the quotes."""
    if not _in_quotes(text, a, b):
        return False
    return all(
        _in_quotes(text, i, i + len(name))
        for i in (m.start() for m in re.finditer(re.escape(name), text))
    )


def _doubled_after(text: str, pos: int) -> bool:
    """A doubled character begins at `pos` (法官张三早早来到, 法官助理李四点点鼠标): a word of
    its own (an adverb or a verb said twice), not the name's end, which would double the
    character before it (马阳阳)."""
    c = text[pos : pos + 1]
    return (
        pos >= 1
        and c != ""
        and "\u4e00" <= c <= "\u9fff"
        and text[pos + 1 : pos + 2] == c
        and text[pos - 1] != c
    )


def _ends_elsewhere(text: str, s: int, name: str) -> bool:
    """Another mention of `name` (a full three-character one) opens a clause and ends where a
    name ends (法官助理李四点着鼠标……。屏幕前，李四使用…): the name's length is shown there."""
    n = len(name)
    return n == 3 and any(
        i != s and (i == 0 or text[i - 1] in _STANDS_ALONE_AFTER) and _strong_end(text, i + n)
        for i in _mentions(text, name)
    )


def _shorter_elsewhere(text: str, s: int, name: str) -> bool:
    """The three characters at `s` are a two-character name and a word after it (院长王琼手拿
    …, then 王琼介绍…): the first two stand alone elsewhere, opening a clause and ending where a
    name ends, and the three are written nowhere else."""
    short = name[:2]
    if not _plausible_name(short) or len(_mentions(text, name)) != 1:
        return False
    return any(
        i != s
        and text[i + 2 : i + 3] != name[2]
        and (i == 0 or text[i - 1] in _STANDS_ALONE_AFTER)
        and _strong_end(text, i + 2)
        for i in _mentions(text, short)
    )


def _split_last(text: str, end: int) -> bool:
    """The last character of the name ending at `end` begins a word of _SPLIT_WORDS."""
    word, nxt = text[end - 1 : end + 1], text[end + 1 : end + 2]
    return word in _SPLIT_WORDS and (not nxt or nxt not in _SPLIT_WORDS[word])


def _surname_title(text: str, pos: int) -> bool:
    """A lone surname stands right before the title at `pos` (祁法官, 。胡院长)."""
    return (
        pos >= 1
        and text[pos - 1] in SURNAMES
        and text[pos - 1] not in _NOT_A_LONE_SURNAME
        # 王强法官, 公安干警: the character before belongs to a name or a word
        and (pos == 1 or text[pos - 2] not in SURNAMES)
        # 调解法官, 律师调解员, 分管院长: the "surname" ends a word
        and not _ends_a_word(text, pos - 1)
    )


def _ends_a_word(text: str, s: int) -> bool:
    """The character at `s`, a surname, ends a word with the one before it (调解法官, 各位列席
    同志): no name begins there."""
    return s >= 1 and (
        text[s - 1 : s + 1] in _WORDS_BEFORE_TITLES or text[s - 1 : s + 1] in _COMMON_WORDS
    )


#: words ending in a surname character that stand right before a title (调解法官, 律师调解员,
#: 分管副院长, 社区法官, 部门负责人, 担任调解员)
_WORDS_BEFORE_TITLES = _two_char_words(
    "调解和解律师担任分管协管主管部门社区辖区城区园区景区新区机关有关相关加强感谢开展值班选任村居"
)


#: surnames that are mostly words of their own before a title: 和法官, 由法官, 两位法官
_NOT_A_LONE_SURNAME = frozenset("和由向于位与及同跟对为将把被从到全各每该本")


#: a court's own facility right before 负责人: a bare 法庭 (the text's tribunal) or a judges'
#: station (拉帕村法官工作室, 某镇诉讼服务站)
_FACILITY_BEFORE = re.compile(
    r"(?:(?<![" + _HAN + r"])(?P<bare>(?:人民)?法庭)|[" + _HAN + r"]{0,6}?"
    r"(?:法官工作室|法官工作站|法官联络站|诉讼服务站))$"
)


def _staff_listed(gap: str) -> bool:
    """Whether `gap` lists titled people of the court before a mediator, each a title and a
    name ending in 、 (甲法院法官张三、调解员李四: the mediator is listed among the court's)."""
    if not gap.endswith("、") or len(gap) > 40:
        return False
    for part in gap[:-1].split("、"):
        m = _CHAIN_RE.match(part)
        if m is None or not _valid_name(part[m.end() :]):
            return False
        # 法官张三、律师刘六、调解员赵七: a lawyer, a juror or a mediator listed is no post of the
        # court's, and the list no longer the court's staff
        if not all(_court_post(r) for r in _roles(m.group(0))):
            return False
    return True


def _court_post(role: str) -> bool:
    """Whether `role` is a court's own post: an office (庭长) or a court occupation (法官,
    书记员), not a mediator's."""
    return (role not in OCCUPATIONS or role in COURT_OCCUPATIONS) and not _is_mediator(role)


def _is_credit(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    m = _CREDIT.search(text[max(line_start, start - 16) : start])
    # 记者采访了该院庭长张三: a reporter in a sentence, not a credit line
    return m is not None and not _NOT_IN_CREDIT.search(m.group(0))


@lru_cache(maxsize=4096)
def _roles(chain: str) -> tuple[str, ...]:
    """The titles of a chain, without the words before them (资深法官 → 法官; 专职委员 and
    执行员 stay whole: 委员 and 员 are no titles)."""
    return tuple(_uncensored(_strip_prefix(r)) for r in _CHAIN_SPLIT.split(chain))


def _uncensored(role: str) -> str:
    """党 where a site censors it as X (X组书记 → 党组书记)."""
    return "党" + role[1:] if role.startswith("X组") else role


_CHAIN_SPLIT = re.compile("[、兼]")


_ROLE_SET = frozenset(ROLES.split("|"))


def _strip_prefix(role: str) -> str:
    bare = _PREFIX_RE.sub("", role)
    return bare if bare in _ROLE_SET or _is_honour(bare) else role


def _is_honour(role: str) -> bool:
    return bool(_HONOUR_RE.fullmatch(role))


def _is_mediator(role: str) -> bool:
    """A mediator, or a mediator's honour (全省优秀人民调解员): a court's only when the text
    places them there."""
    return role in _MEDIATORS or (_is_honour(role) and role.endswith("调解员"))


#: words before a title that change or qualify the post and stay in the role as written:
#: a former post (原庭长), a retired judge (退休法官), 青年法官, 承办法官, 首席法官
_KEPT_PREFIXES = frozenset(
    [
        "原",
        "代理",
        "分管",
        "退休",
        "青年",
        "承办",
        "主审",
        "调解",
        "首席",
        "驻村",
        "驻站",
        "派驻",
        "专职",
        "巡回",
        "志愿",  # 志愿调解员: a volunteer, not the court's staff mediator
        "主要",  # 主要负责人: the head of the court, not one of its officials
    ]
)


@lru_cache(maxsize=4096)
def _written_roles(chain: str) -> tuple[str, ...]:
    """The titles of a chain as written where the word before a title qualifies the post
    (原庭长, 退休法官, 青年法官); other words before it are dropped (女法官 → 法官)."""
    out = []
    for r in _CHAIN_SPLIT.split(chain):
        bare = _strip_prefix(r)
        out.append(
            r if bare != r and r[: len(r) - len(bare)] in _KEPT_PREFIXES else _uncensored(bare)
        )
    return tuple(out)


#: posts that head a division of a court: the division is part of the post (立案庭庭长)
_DIVISION_HEADS = frozenset(["庭长", "副庭长"])
#: posts held in a division, which names the post as a head's does (立案庭书记员, 立案庭负责人:
#: a bare 负责人 says nothing). A judge stays 法官 (the annotations disagree on 立案庭法官), so
#: does a judge's assistant
_DIVISION_POSTS = _DIVISION_HEADS | frozenset(["书记员", "负责人"])
#: a division of a court (立案庭, 民一庭, 审判监督庭), not a tribunal (城关法庭)
_DIVISION = re.compile(r"[" + _HAN + r"]{1,9}庭")


#: a court's division by its usual name, standing alone right before a title (、立案庭庭长,
#: 和民三庭副庭长) or after a court word no mention covers (乙法院立案庭副庭长): the division of
#: a head of division whose court is not written (or not resolved) before it
_NAMED_DIVISION = re.compile(
    r"(?:^|(?<=[、，,。；;：:和与及的“\n \u3000院]))(?P<division>(?:立案|审判监督|审监|执行裁判|"
    r"(?:刑事|民事|行政|商事)审判第?[一二三四五六七八九十]{0,2}|[民刑][一二三四五六七八九十]|"
    r"行政|少年|家事|未成年人案件审判|环境资源审判|环资|知识产权|速裁|综合审判|金融审判|民事|刑事|"
    r"商事)庭)$"
)


#: a hearing, not a division (出庭, 开庭, 到庭, 庭审 are written before a clerk's title)
_COURT_SESSION = ("出庭", "开庭", "到庭", "在庭", "休庭", "闭庭")


#: heads of a court's office, bureau or centre: the office named before the post is part of it
_OFFICE_HEADS_WRITTEN = frozenset(["主任", "副主任", "局长", "副局长"])
#: an office of a court between the court and its head's post (诉讼服务中心, 立案信访局,
#: 督查办(司改办)), not a division (庭) nor words of a sentence
_OFFICE = re.compile(
    r"[" + _HAN + r"]{1,10}(?:局|室|处|科|部|办|中心)(?:[(（][" + _HAN + r"]{1,8}[)）])?"
)


#: a court's own office, written without its court before its head's post: its name holds a
#: word only courts use (立案信访局, 法庭办, 诉讼服务中心, 审判管理办公室), unlike another body's
#: office (县司法局, 政府办) that a bare 局长/主任 may head
_COURT_OFFICE_BEFORE = re.compile(
    r"(?:^|(?<=[、，,。；;：:\n \u3000]))(?P<office>(?P<lead>[" + _HAN + r"]{0,6}?)"
    r"(?:立案|审判|审管|执行|诉讼|诉服|法庭|法警|审委会)[" + _HAN + r"]{0,6}?"
    r"(?:局|室|处|科|办|中心))$"
)
#: the heads of such an office
_COURT_OFFICE_HEADS = ("主任", "副主任", "局长", "副局长")
#: another body named before such a word (公安局立案审查中心, 检察院刑事执行检察室, 仲裁委立案处):
#: the office is that body's, not the court's
_OTHER_BODY_IN_OFFICE = re.compile(
    "局|委|厅|政府|公司|银行|检察|公安|仲裁|司法|协会|商会|工会|妇联|学校|大学|学院|医院|"
    "派出所|街道|社区|律所|事务所"
)
#: a court's own word for itself before its posts (院党组成员、甲法庭庭长)
_COURT_SELF = frozenset(["", "院", "本院", "该院", "我院", "全院"])
#: what ends the words before a post in a list
_POST_LIST_OPENERS = "、，,。；;：:！？!?（(\n \u3000"


def _court_office(m: re.Match[str] | None) -> bool:
    """A match of _COURT_OFFICE_BEFORE that names no other body before the court's word."""
    return (
        m is not None
        and not any(c in _NOT_IN_DEPT for c in m.group("office"))
        and not _OTHER_BODY_IN_OFFICE.search(m.group("lead"))
    )


def is_court_office_post(role: str) -> bool:
    """A head of a court's own office or tribunal written in full (立案信访局局长, 法庭办主任,
    甲法庭庭长): an officer of the court the text is about, as 庭长 is."""
    if re.fullmatch("[" + _HAN + "]{1,8}法庭副?庭长", role):
        return True
    head = next((h for h in _COURT_OFFICE_HEADS if role.endswith(h)), None)
    if head is None:
        return False
    office = role[: -len(head)]
    m = _COURT_OFFICE_BEFORE.search(office)
    return m is not None and m.start() == 0 and _court_office(m)


def _is_office(gap: str) -> bool:
    return bool(_OFFICE.fullmatch(gap)) and not any(c in _NOT_IN_DEPT for c in _ALIAS.sub("", gap))


def _is_division(gap: str) -> bool:
    return (
        bool(_DIVISION.fullmatch(gap))
        and not gap.endswith("法庭")
        and not gap.endswith(_COURT_SESSION)  # 出庭书记员: a clerk at a hearing, no division
        and "人民" not in gap
        and not any(c in _NOT_IN_DEPT for c in gap)
    )


#: posts of a party committee, not of a court (a person holding only these is no court staff)
_PARTY_POSTS = frozenset(
    ["省委常委", "市委常委", "州委常委", "县委常委", "区委常委", "政法委书记", "政法委副书记"]
)
_ORG_IN_CHAIN = re.compile(r"(政法委)(?:副)?书记|(省委|市委|州委|县委|区委)常委")
#: a department between a court and a title: 如皋法院立案庭庭长, 甲县法院诉讼服务中心主任
_DEPT = re.compile(r"[" + _HAN + r"]{0,10}(?:庭|局|室|处|科|部|办|中心|团队|工作站|组|大队|支队)")
#: titles that carry their own department (审判管理办公室主任: 办公室主任 after 审判管理)
_DEPT_TITLE = re.compile(r"办公室|政治部|执行局|审管办")
#: what may stand between a court and a post that is no department (甲法院的庭长, 相关负责人,
#: 家事调解员, “金牌调解员”)
_POST_GAP = re.compile(r"的|“|相关|有关|[" + _HAN + r"]{1,4}")
#: posts a court's kind of work qualifies (家事调解员, 执行法官, 少年法官)
_MODIFIED_HEADS = frozenset(["调解员", "人民调解员", "法官", "书记员", "法官助理", "审判员"])
#: the kinds of work that qualify them: a court's own, never another body's
_POST_MODIFIER = re.compile(
    r"(?:家事|专职|专业|特约|诉前|驻[院庭村站所]|执行|少年|未成年人?|刑事|民事|行政|商事|金融|"
    r"知识产权|知产|环资|劳动|劳动争议|婚姻|道交|速裁|立案|审判|金牌|资深|首席|主审|承办|青年|"
    r"女|退休|员额)"
)
#: what a department never contains: a second body, a place, a verb linking two bodies
_NOT_IN_DEPT = frozenset("和与及同、的请邀向对在镇乡村街县市区省委")
#: a representative's seat or an honour listed before a court and its title, ending with 、
_SEAT_BEFORE = re.compile(
    r"(?P<seat>(?:全国|省|市|州|区|县)?(?:人大代表|政协委员)|" + HONOURS + r")、$"
)
#: where a clause opens: the seat must open it to be the person's own
_CLAUSE_OPEN = "，,。；;：:！？!?\n"
#: what may stand in a clause before the person's seat: a place or an ordinal (第十四届), and
#: other seats of the same person (全国人大代表、省劳动模范、甲法院院长)
_SEAT_CLAUSE_HEAD = re.compile(
    r"(?:[" + _HAN + r"]{0,6}?(?:(?:人大代表|政协委员)|" + HONOURS + r")、)*[" + _HAN + r"]{0,6}"
)
#: verbs and words that open a list of invitees or guests: its members are not the person's
#: seat (邀请人大代表、政协委员、甲法院院长张三出席)
_SEAT_LIST_WORD = re.compile("邀请|有|包括|慰问|和|与|及|的|了")
#: a court's name the court mentions missed, right before a title: 欢喜岭法庭庭长
_UNRESOLVED_COURT = re.compile(r"[" + _HAN + r"]{2,4}(?:人民法庭|人民法院|法庭|法院)$")
#: a court's name the court mentions missed, then a department of it: 邻县法院立案庭
_UNRESOLVED_COURT_DEPT = re.compile(
    r"(?:人民法庭|人民法院|法庭|法院)(?P<dept>" + _DEPT.pattern + ")$"
)
#: court words that name no one court: 全市法院, 基层法院, 人民法院
_GENERIC_COURT = re.compile(
    r"(?:全市|全省|全区|全州|全县|全国|基层|两级|各级|上级|下级|中级|高级|各|该|本|我|驻|派出)"
    r"(?:人民)?(?:法院|法庭)$"
)
#: posts only a court has (the court in context is theirs)
_TITLES_OF_A_COURT = frozenset(["庭长", "副庭长", "审判长", "员额法官", "一级法官", "二级法官"])
#: what follows a place name: 高陂法庭, 城关镇, 石桥村
_PLACE_SUFFIX = "(?:人民法院|人民法庭|法院|法庭|镇|乡|村|县|区|市|街道|社区)"
#: mediators who work for a court only when the text says so
_MEDIATORS = frozenset(["调解员", "人民调解员", "律师调解员"])
#: what places a mediator at a court: its facilities, or its hiring them
_COURT_LINK = re.compile(
    "诉讼服务中心|诉讼服务站|诉调对接中心|调解中心|调解室|调解工作室|立案大厅|聘请|特聘|聘任|选聘|入驻|派驻"
    "|驻院|驻庭"
    # a court's dispute-resolution centre, its pre-filing mediation (诉前调解, 诉前化解)
    "|解纷中心|诉前"
)
#: a place or body that is not the court between the court and the mediator
_OTHER_PLACE = re.compile(
    "村|社区|镇|乡|街道|司法所|派出所|委员会|调委会|司法局|公司|企业|医院|学校"
)
#: a party described by its company (某建材公司负责人李某): the company is no place a mediator
#: works at
_PARTY_OF_COMPANY = re.compile(r"(?:公司|企业)[" + _HAN + r"]{0,6}?[" + _HAN + r"]某")
#: bodies with mediation rooms of their own (医调委调解室, 劳动仲裁, 综治中心, 律所): a mediator
#: in a sentence naming one and no court is not placed at the court of the text
_OTHER_MEDIATION_BODY = re.compile(
    "调委|医调|交调|仲裁|信访|综治|公安|交警|妇联|工会|律师|律所|事务所|商会|协会|局|政府"
)
#: a body other than a court right before a title: 县司法局党组书记, 镇党委书记, 纪委书记
_OTHER_BODY_BEFORE = re.compile(
    r"(?:局|委|厅|政府|公司|银行|学校|医院|检察院|学院|大学|研究院|研究所|党校|公安|派出所|司法所|街道|社区|村|镇|乡|协会|商会|"
    r"联合会|工会|妇联|律所|事务所)$"
)
#: another name of a department in brackets right after it: 督查办(司改办)主任
_ALIAS = re.compile(r"[(（][" + _HAN + r"]{1,8}[)）]")
#: 作为甲法院庭长 / 作为一名法官: an apposition naming the subject's post
_AS = re.compile(r"作为(?:一名|一位|该院|本院)?$")
#: 作为欢喜岭法庭庭长 where the court was not recognised: a short unit name before the title
_AS_UNIT = re.compile(r"作为[" + _HAN + r"]{0,10}$")
#: what comes between a name and the court of its apposition: 张三，甲法院副院长
_APPOSITION_MARK = frozenset("，,（(")
_NAME_AT_END = re.compile(r"[" + _HAN + r"]{2,3}$")


def find_people(
    text: str, court_mentions: Sequence[CourtMention] = (), *, limit: int | None = None
) -> list[PersonHit]:
    """Titled person mentions in text[:limit], in text order (one hit per titled mention)."""
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    ends = {m.end: m for m in court_mentions}
    mention_ends = sorted(ends)
    hits: list[PersonHit] = []

    def unit_before(pos: int) -> str | None:
        m = ends.get(pos)
        return m.court if m else None

    def dept_before(pos: int, chain: str) -> str | None:
        """The court of a department standing right before `pos` (立案庭 in 甲法院立案庭庭长)."""
        i = bisect.bisect_left(mention_ends, pos) - 1
        if i < 0 or pos - mention_ends[i] > 12:
            return None
        gap = _ALIAS.sub("", text[mention_ends[i] : pos])  # 督查办(司改办): one department
        if chain and _POST_GAP.fullmatch(gap):
            # 甲法院的庭长, 甲法院相关负责人, 甲法院家事调解员, 甲法院“金牌调解员”
            head = _roles(chain)[0]
            if gap in ("的", "“") or (gap in ("相关", "有关") and head == "负责人"):
                return ends[mention_ends[i]].court
            if head in _MODIFIED_HEADS and _POST_MODIFIER.fullmatch(gap):
                return ends[mention_ends[i]].court
        if any(c in _NOT_IN_DEPT for c in gap):
            return None
        if _DEPT.fullmatch(gap) or (
            _DEPT_TITLE.match(chain) and re.fullmatch("[" + _HAN + "]{1,8}", gap)
        ):
            return ends[mention_ends[i]].court
        return None

    def unresolved_before(pos: int) -> str | None:
        """A court name no mention covers, right before `pos` or before a department of it
        there (邻县法院立案庭庭长)."""
        u = _UNRESOLVED_COURT.search(text, max(0, pos - 8), pos)
        if u is None:
            # 邻县法院立案庭庭长: the court before its department
            d = _UNRESOLVED_COURT_DEPT.search(text, max(0, pos - 20), pos)
            if d is None or any(c in _NOT_IN_DEPT for c in d.group("dept")):
                return None
            u = _UNRESOLVED_COURT.search(text, max(0, d.start("dept") - 8), d.start("dept"))
            if u is None:
                return None
        lo = u.start()
        if any(lo < e <= pos for e in ends):
            return None
        return None if _GENERIC_COURT.search(u.group(0)) else u.group(0)

    def court_office_chain(pos: int, chain: str) -> tuple[str, ...] | None:
        """The posts of a chain that lists a court's own office and its head before `pos`
        with no court written (党组成员、立案信访局局长; 院党组成员、甲法庭庭长、法庭办主任):
        the posts as written, or None."""
        if _roles(chain)[0] not in _COURT_OFFICE_HEADS:
            return None
        o = _COURT_OFFICE_BEFORE.search(text, max(0, pos - 12), pos)
        if o is None or not _court_office(o):
            return None
        posts = [o.group("office") + _written_roles(chain)[0], *_written_roles(chain)[1:]]
        start = o.start()
        # the posts listed before it with 、: a chain, or a court (a tribunal) and its chain
        while start > 0 and text[start - 1] == "、":
            prev = next((c for c in chains if c[1] == start - 1), None)
            if prev is None:
                break
            written = list(_written_roles(text[prev[0] : prev[1]]))
            unit = ends.get(prev[0])
            if unit is None:
                # 仲裁院副院长、立案处主任: posts of a body that is no court recognised
                lo = max((text.rfind(c, 0, prev[0]) for c in _POST_LIST_OPENERS), default=-1)
                lead = text[lo + 1 : prev[0]]
                if re.fullmatch("[" + _HAN + "]{1,8}法庭", lead) and not (
                    _OTHER_BODY_IN_OFFICE.search(lead) or "的" in lead
                ):
                    written[0] = lead + written[0]  # 丁镇法庭庭长: a tribunal no mention covers
                elif lead not in _COURT_SELF:
                    return None
            if unit is not None:
                written[0] = unit.surface + written[0]  # 甲法庭庭长
            posts = written + posts
            start = unit.start if unit is not None else prev[0]
        return tuple(posts)

    def tribunal_of_sentence(pos: int) -> str | None:
        """The tribunal the sentence named last before a clause that opens with a head of
        division at `pos` (纠纷反映到甲法庭后，庭长张三赶到: 张三 heads 甲法庭)."""
        if pos == 0 or text[pos - 1] not in "，,":
            return None
        stop = max(text.rfind(c, 0, pos) for c in "。！？；;\n") + 1
        i = bisect.bisect_left(mention_ends, pos) - 1
        if i < 0 or mention_ends[i] <= stop:
            return None
        court = ends[mention_ends[i]].court
        return court if court.endswith("人民法庭") else None

    def other_court_in_paragraph(pos: int, tribunal: str) -> bool:
        """Whether the paragraph at `pos` names another court of the tribunal's level or its
        court's (a host court: 赴乙法院交流。…乙法院副院长…，法庭负责人…), and not the tribunal
        itself; a superior court (被甲市中级人民法院授予…) or a region's courts are no host."""
        lo = text.rfind("\n", 0, pos) + 1
        hi = text.find("\n", pos)
        hi = len(text) if hi < 0 else hi
        named = [c.court for c in court_mentions if lo <= c.start < hi]
        return tribunal not in named and any(
            not tribunal.startswith(c)
            and not c.startswith("AGG:")
            and not re.search("中级|高级|最高|高院|中院", c)
            for c in named
        )

    def linked_mediator(pos: int) -> bool:
        """A mediator's sentence names a court's facility or its hiring them (调解室内，调解员
        王芳…; 驻院调解工作室…涌现出优秀人民调解员王芳) but no court, and no other place or
        body: the mediator works where the text's court is (placed by ingest.extract)."""
        stop = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
        ends_at = [text.find(c, pos) for c in "。！？\n"]
        end = min((e for e in ends_at if e >= 0), default=len(text))
        sentence = text[stop:end]
        return (
            bool(_COURT_LINK.search(sentence))
            and not _OTHER_PLACE.search(sentence)
            and not _OTHER_MEDIATION_BODY.search(sentence)
        )

    def court_of_mediator(pos: int) -> str | None:
        """The court a mediator's sentence places them at (its facility, or 聘请/入驻)."""
        stop = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
        i = bisect.bisect_left(mention_ends, pos) - 1
        if i < 0 or mention_ends[i] <= stop:
            return None
        gap = text[mention_ends[i] : pos]
        # 甲法庭的家事调解员: the court's own mediator
        owned = re.fullmatch("的[" + _HAN + "]{0,4}", gap) is not None
        if not (owned or _COURT_LINK.search(gap) or _staff_listed(gap)) or _OTHER_PLACE.search(
            _PARTY_OF_COMPANY.sub("", gap)
        ):
            return None
        return ends[mention_ends[i]].court

    places: dict[str, bool] = {}

    def is_place(name: str) -> bool:
        """`name` is a place of this text: 高陂 of 高陂法庭, 城关 of 城关镇 (高陂庭长 is a title)."""
        if name not in places:
            places[name] = any(name in c.surface for c in court_mentions) or bool(
                re.search(re.escape(name) + _PLACE_SUFFIX, text)
            )
        return places[name]

    def seat_before_court(pos: int) -> str | None:
        """A representative's seat or an honour listed right before the court whose title
        stands at `pos` (全国人大代表、甲法院院长张三): the person's own, not the court's."""
        i = bisect.bisect_right(mention_ends, pos) - 1
        if i < 0 or pos - mention_ends[i] > 12:
            return None
        cm = ends[mention_ends[i]]
        if cm.court.startswith("AGG:"):
            return None
        seat = _SEAT_BEFORE.search(text, max(0, cm.start - 16), cm.start)
        if seat is None:
            return None
        # the seat opens its clause (全国人大代表、甲法院院长王芳): one listed after 邀请, 有 or
        # 和 is another guest's (邀请人大代表、政协委员、甲法院院长张三)
        clause = max(text.rfind(c, 0, seat.start()) for c in _CLAUSE_OPEN) + 1
        head = text[clause : seat.start()]
        if _SEAT_LIST_WORD.search(head) or not _SEAT_CLAUSE_HEAD.fullmatch(head):
            return None
        return seat.group("seat")

    def org_of(chain: str) -> str | None:
        found = _ORG_IN_CHAIN.findall(chain)
        if not found:
            return None
        # the political-legal committee is the office; a standing-committee seat comes with it
        return next((a for a, _ in found if a), found[0][1])

    def good_end(pos: int) -> bool:
        """A name ends at `pos`: punctuation, a space or a verb of reporting follows."""
        return (
            pos >= len(text)
            or text[pos] in _AFTER_NAME
            or text[pos] in _BOUNDARY_BEFORE
            or _word_after(text, pos, _END_WORDS)
            or text[pos + 1 : pos + 2] in ("着", "著")  # 孙海芬捧着: a verb with 着 follows
            or _doubled_after(text, pos)  # 冯潇剑早早来到, 金秋吟点点鼠标
        )

    def taken(s: int) -> bool:
        return any(h.start <= s < h.end for h in hits)

    def posts_as_written(
        chain: str, pos: int, court: str | None, roles: tuple[str, ...]
    ) -> tuple[str, ...]:
        """A person's posts as written: 原庭长, 退休法官, and, when the court is known, a
        division head with the division between the court and the title (立案庭庭长). A group
        of courts (AGG:) keeps the bare posts."""
        if court is not None and court.startswith("AGG:"):
            return roles
        written = _written_roles(chain)
        if court is None:
            if written[0] in _DIVISION_POSTS:
                # 副院长张三、立案庭庭长李四: a division named without its court is still part
                # of the post
                named = _NAMED_DIVISION.search(text, max(0, pos - 12), pos)
                if named is not None:
                    written = (named.group("division") + written[0],) + written[1:]
            return written
        i = bisect.bisect_right(mention_ends, pos) - 1
        if written[0] in _DIVISION_POSTS and i >= 0 and _is_division(text[mention_ends[i] : pos]):
            written = (text[mention_ends[i] : pos] + written[0],) + written[1:]
        elif (
            written[0] in _OFFICE_HEADS_WRITTEN
            and i >= 0
            and _is_office(text[mention_ends[i] : pos])
        ):
            # 甲法院诉讼服务中心主任, 立案信访局副局长: the office is part of the post (another
            # name of it in brackets as the annotations write brackets: 督查办(司改办)主任)
            office = text[mention_ends[i] : pos].replace("（", "(").replace("）", ")")
            written = (office + written[0],) + written[1:]
        return written

    found = list(_CHAIN_RE.finditer(text, 0, limit))
    chains = [(m.start(), m.end()) for m in found]
    for m in found:  # a roster line: 党组成员、副院长：刘红梅、韩建国
        list_m = _NAME_LIST.match(text, m.end())
        if list_m is None or _is_credit(text, m.start()):
            continue
        roles = _roles(m.group(0))
        pos = list_m.start("names")
        for raw in re.split("[、，,]", list_m.group("names")):
            if _valid_name(raw) and not _NOT_GIVEN.match(raw):
                hits.append(
                    PersonHit(
                        raw,
                        roles,
                        pos,
                        pos + len(raw),
                        unit_before(m.start()),
                        rule="person:roster",
                    )
                )
            pos += len(raw) + 1
    for m in found:  # 五名特邀调解员，分别是张三、李四: the names a title introduces
        lm = _LIST_AFTER_TITLE.match(text, m.end())
        if lm is None or _is_credit(text, m.start()):
            continue
        roles = _roles(m.group(0))
        court = unit_before(m.start()) or dept_before(m.start(), m.group(0))
        pos = lm.start("names")
        for raw in re.split("[、，,和及]", lm.group("names")):
            if _valid_name(raw) and not _NOT_GIVEN.match(raw) and not taken(pos):
                hits.append(
                    PersonHit(raw, roles, pos, pos + len(raw), court, rule="person:title-list")
                )
            pos += len(raw) + 1
    for m in found:  # a title chain followed by a name: 党组书记、院长李景会
        if _surname_title(text, m.start()):
            continue  # 祁法官管用: a surname with its title, then the sentence goes on
        at = m.end()
        if text.startswith("”", at) and m.start() > 0 and text[m.start() - 1] == "“":
            # “最美法官”马兰, 荣获“全国优秀法官”称号的马兰
            at = _QUOTED_TITLE_END.match(text, at).end()  # type: ignore[union-attr]
        elif (aside := _TITLE_ASIDE.match(text, at)) is not None:
            at = aside.end()  # 副院长（主持工作）张三
        nominee = text.startswith("人选", at)  # 副院长人选张三: nominated for the post
        at += 2 if nominee else 0
        # 执行局局长\n张三介绍: a hard line break (a wrapped line) between the title and the
        # name; a verb must then follow the name (甲法院副院长\n张三，… is a list's next entry)
        wrapped = text.startswith("\n", at) and m.start() > 0 and text[m.start() - 1] != "\n"
        at += 1 if wrapped else 0
        spaced = _SPACED_NAME.match(text, at)
        after_m = _NAME_AFTER.match(text, at)
        dotted = _DOTTED_NAME.match(text, at)
        padded = _PADDED_NAME.match(text, at)
        name, start = None, at
        plain = True  # the name's length comes from the surname rules, not a dot or spaces
        if after_m is not None:
            raw, ahead = after_m.group("name"), text[after_m.end() : after_m.end() + 4]
            he = _ends_in_he(raw, ahead)
            name = _name_after(raw, ahead[:1], he)
            start = after_m.start("name")
            # 张春和告诉记者: the verb of saying fixed the name's length, which the plausibility
            # checks (no 和 in a name) would undo
            plain = not he
        end = start + len(name or "")
        if dotted is not None:  # 艾尔肯·吐尔逊: the dot says where the name ends
            name, start, end = dotted.group("name"), dotted.start("name"), dotted.end("name")
            spaced = None
            plain = False
        elif padded is not None and padded.group("a") in SURNAMES:  # 张　伟 (set to width)
            name = padded.group("a") + padded.group("b")
            start, end = padded.start("a"), padded.end("b")
            spaced = None
            plain = False
        if spaced is not None and after_m is not None and spaced.start("name") == start:
            run = spaced.group("name")
            if (
                not _NOT_GIVEN.match(run)
                and not any(c in _SPACED_STOP for c in run)
                and run[-1] not in _AFTER_NAME
            ):
                name = run if len(run) > 3 or name is None else name
                end = start + len(name)
                plain = plain and len(name) <= 3
        repeated = False
        if (
            name is None
            and after_m is not None
            and not (
                (own := unit_before(m.start()) or dept_before(m.start(), m.group(0))) is None
                or own.startswith("AGG:")  # 全市法院院长会上…: a group of courts has no name
            )
            and (
                rep := _repeated_name(text, after_m.start("name"))
                or _repeated_dotted(text, after_m.start("name"))
            )
            is not None
        ):
            # 甲法院法官萨玛丽和书记员…萨玛丽说: a name with no Han surname (a transliteration)
            # right after a court's title, its length fixed by its other mentions
            name, start, end = rep, after_m.start("name"), after_m.start("name") + len(rep)
            plain, repeated = False, True
        translit = False
        if (
            after_m is not None
            and (tr := _transliterated(text, (ts := after_m.start("name")))) is not None
            # where no Han name is read here, or a shorter one from a head that is rarely a
            # Han surname (副院长阿拉木苏一行: not 阿拉木; 庭长苏丽娜拉着…: 苏丽娜)
            and (name is None or (len(tr) > len(name) and tr[0] in _TRANSLIT_HEADS))
            # the run ends where a name ends, here or at another of its mentions (庭长伊如乐图正
            # 往…; 伊如乐图向记者介绍)
            and any(good_end(i + len(tr)) for i in _mentions(text, tr))
        ):
            # 庭长伊如乐图, 副院长阿拉木苏一行: a transliterated name right after a title
            name, start, end = tr, ts, ts + len(tr)
            plain, repeated, translit = False, False, True
        if not name or _is_credit(text, m.start()) or any(h.start == start for h in hits):
            continue
        # two Tibetan name elements (书记员阿旺群旦): the table says where the name ends
        tibetan = plain and _tibetan(name)
        if (
            plain
            and len(name) == 3
            and (
                _split_last(text, end)  # 院长张军强调: 张军, then 强调
                or _shorter_elsewhere(text, start, name)  # 院长王琼手拿…。王琼介绍
                or (not good_end(end) and _word_after(text, end - 1, _END_WORDS))  # 李明荣获
            )
        ):
            name, end = name[:2], end - 1
        if plain and len(name) == 3 and name[1:] in _MEANS:
            continue  # 法官王依托工作站调解: a surname and a verb of means, no name
        chain = m.group(0)
        roles = _roles(chain)
        court = unit_before(m.start())
        rule = "person:court-title-name" if court else "person:title-name"
        if court is None:
            court = dept_before(m.start(), chain)
            rule = "person:court-dept-title-name" if court else rule
        if court is None and roles[0] in _DIVISION_HEADS:
            court = tribunal_of_sentence(m.start())
        rule = "person:repeated-name" if repeated else rule
        rule = "person:transliterated-name" if translit else rule
        office_posts = court_office_chain(m.start(), chain) if court is None else None
        if office_posts is not None:
            rule = "person:court-office-name"
        elif court is None and _OTHER_BODY_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # 县司法局党组书记张三: the title of another body
        if plain and not _plausible_name(name):
            continue  # 庭长常常加班, 院长任期内, 审判长宣读判决: a word, not a name
        if wrapped and not (
            plain and end < len(text) and good_end(end) and text[end] not in _BOUNDARY_BEFORE
        ):
            continue
        if (
            plain
            and not tibetan
            and (court is None or name[0] in _PREPOSITIONS)
            and not good_end(end)
            and not _ends_elsewhere(text, start, name)
        ):
            # 院长向全院: without a court the name must end where a name ends; so must a name
            # whose surname is also a preposition (甲法院院长向县人大报告, 院长于会上强调)
            continue
        facility = (
            _FACILITY_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if court is None and roles == ("负责人",)
            else None
        )
        if facility is not None:
            # 法庭负责人王秀军, 拉帕村法官工作室负责人李新立: the head of a court's own facility;
            # a bare 法庭 is the text's one tribunal
            if not good_end(end) or (plain and not _plausible_name(name)):
                continue
            tribunals = {c.court for c in court_mentions if c.court.endswith("人民法庭")}
            head_of = tribunals.pop() if facility.group("bare") and len(tribunals) == 1 else None
            if head_of is not None and other_court_in_paragraph(m.start(), head_of):
                head_of = None  # 赴乙法院交流。座谈会上，乙法院副院长…，法庭负责人…: the host's
            post = facility.group(0) + "负责人"
            hits.append(PersonHit(name, (post,), start, end, head_of, rule="person:facility-head"))
            continue
        # 特邀调解员、调解室成员李建华: a member's post beside an occupation leaves it one
        core = [r for r in roles if r not in _MEMBER_POSTS] or list(roles)
        if all(r in OCCUPATIONS or _is_honour(r) for r in core):
            if (
                not good_end(end)
                and not tibetan
                and not (plain and _ends_elsewhere(text, start, name))
            ):
                continue
            if court is None and all(map(_is_mediator, core)):
                # 在甲法院诉调对接中心，人民调解员王芳…: a mediator the sentence places at a court
                court = court_of_mediator(m.start())
                if plain and not _plausible_name(name):
                    continue  # (a dotted or padded name is checked by its shape)
                if court is not None:
                    rule = "person:court-mediator"
                elif linked_mediator(m.start()):
                    rule = "person:linked-mediator"
                else:
                    continue
            if court is None and rule != "person:linked-mediator":
                # without a court: a court occupation or an honour, and a real-looking name
                if not all(r in COURT_OCCUPATIONS or _is_honour(r) for r in roles):
                    continue
                if plain and not _plausible_name(name):
                    continue  # 法官连续作战 (a dotted or padded name is checked by its shape)
                # 法官连续作战, 法官齐心协力: without a court the name needs more evidence, a
                # verb of saying after it or a second mention
                honour = all(_is_honour(r) for r in roles)
                if not (
                    tibetan
                    or end >= len(text)
                    or text[end] in _BOUNDARY_BEFORE
                    or text[end] in _SAYS
                    # 全国模范法官吴刚的事迹, 法官助理卫惜缘的一天 (a full three-character name)
                    or ((honour or len(name) == 3) and text[end] == "的")
                    or _word_after(text, end, _END_WORDS)  # 书记员孙丽整理卷宗
                    or text.count(name) >= 2
                ):
                    continue
                rule = "person:honour-name" if honour else "person:occupation-name"
            if any("调解员" in r for r in roles) and rule not in (
                "person:court-mediator",
                "person:linked-mediator",
            ):
                rule = "person:mediator"
        if _quoted_brand(text, m.start(), end, name):
            continue  # 开设“法官沙龙”: a quoted brand, no one's name
        posts = office_posts or posts_as_written(chain, m.start(), court, roles)
        if court is not None and (seat := seat_before_court(m.start())) is not None:
            posts = (seat, *posts)  # 全国人大代表、甲法院院长张三: the seat is the person's too
        if nominee:
            posts = posts[:-1] + (posts[-1] + "人选",)
        hits.append(
            PersonHit(
                name,
                posts,
                start,
                end,
                court,
                org_of(chain),
                rule,
                None if court else unresolved_before(m.start()),
            )
        )
    for h in list(hits):  # more names under the same title: 法官张三、李四等
        pos = h.end
        while pos < limit and text[pos] == "、":
            after_m = _NAME_AFTER.match(text, pos + 1)
            name = (
                _name_after(
                    after_m.group("name"),
                    text[after_m.end() : after_m.end() + 1],
                    _ends_in_he(after_m.group("name"), text[after_m.end() : after_m.end() + 4]),
                )
                if after_m
                else None
            )
            if after_m is None or not name or not _plausible_name(name):
                break
            s = after_m.start("name")
            end = s + len(name)
            if not good_end(end) or _CHAIN_RE.match(text, s) or taken(s):
                break
            hits.append(replace(h, name=name, start=s, end=end, rule="person:listed-name"))
            pos = end
    for m in found:  # a name followed by a title chain: 郑青院长
        j = k = m.start()
        etc = _ETC.search(text, max(0, j - 5), j)  # 陈明等法官, 陈明等三名法官
        if etc is not None:
            j = k = etc.start()
        while k > 0 and j - k < 3 and "\u4e00" <= text[k - 1] <= "\u9fff":
            k -= 1
        if _tibetan(text[max(0, j - 4) : j]):  # 扎西次仁法官
            k = j - 4
        raw = text[k:j]
        if len(raw) < 2:
            continue
        # the name must start at a boundary: a court mention (or its department), punctuation
        # or line start
        for cut in range(len(raw) - 1):
            s = k + cut
            if (
                (
                    s == 0
                    or s in ends
                    or text[s - 1] in _BOUNDARY_BEFORE
                    or dept_before(s, "") is not None
                    or (
                        text[s - 1] == "的"
                        and (s - 1 in ends or dept_before(s - 1, "") is not None)
                    )
                    or text[s - 1] == "庭"  # 执行一庭赵彧法官: a court's division before the name
                )
                and _plausible_name(raw[cut:])
            ):
                name = raw[cut:]
                break
        else:
            continue
        if not _plausible_name(name) or _is_credit(text, s) or is_place(name):
            continue
        if _HONORARY_HEAD.match(text, s):
            continue  # “荣誉庭长”: a title in name only, 荣誉 no name
        if any(a <= s < b or a < s + len(name) <= b for a, b in chains):
            continue  # 党组书记: the "name" is part of a title
        if taken(s):
            continue
        chain = m.group(0)
        roles = _roles(chain)
        court = unit_before(s) or dept_before(s, "")
        if court is None and s > 0 and text[s - 1] == "的":  # 甲法院的王芳法官
            court = unit_before(s - 1) or dept_before(s - 1, "")
        rule = "person:name-etc-title" if etc is not None else "person:name-title"
        if all(r in OCCUPATIONS or _is_honour(r) for r in roles):
            if not all(r in COURT_OCCUPATIONS for r in roles) and court is None:
                continue
            if court is None and len(name) < 3:
                # 包联法官, 党员法官: a two-character word before an occupation is rarely a
                # name; 王芳法官说 is one when it opens a clause and a name's end follows
                if not (
                    (s == 0 or text[s - 1] in _CLAUSE_START or text[s - 1] == "庭")
                    and _PREFIX_RE.match(chain) is None
                    and good_end(m.end())
                ):
                    continue
                if s > 0 and text[s - 1] == "“" and text.startswith("”", m.end()):
                    continue  # “和苑法官”: a brand quoted whole, no one's name
                rule = "person:name-occupation"
        if _quoted_brand(text, s, m.end(), name):
            continue  # 发挥“某心法官工作站”作用: a quoted brand, no one's name
        hits.append(PersonHit(name, roles, s, s + len(name), court, org_of(chain), rule))
    for m in found:  # 张三，甲法院副院长，… / 作为甲法院庭长，张三…
        if m.end() < len(text) and not good_end(m.end()):
            continue  # a name follows the title: the patterns above had their chance
        chain = m.group(0)
        court = unit_before(m.start()) or dept_before(m.start(), chain)
        roles = posts_as_written(chain, m.start(), court, _roles(chain))
        head = m.start()
        if court is not None:
            cm = next((c for c in court_mentions if c.court == court and c.end <= m.start()), None)
            cms = [c for c in court_mentions if c.end <= m.start() and c.court == court]
            cm = max(cms, key=lambda c: c.end) if cms else None
            head = cm.start if cm is not None else head
        line_start = text.rfind("\n", 0, head) + 1
        before = text[max(line_start, head - 6) : head]
        hit: PersonHit | None = None
        if court is not None and before and before[-1] in _APPOSITION_MARK:
            nm = _NAME_AT_END.search(before[:-1])
            if nm is not None:
                s0 = head - 1 - len(nm.group(0))
                for cut in range(len(nm.group(0)) - 1):
                    s = s0 + cut
                    name = text[s : head - 1]
                    boundary = s == 0 or s in ends or text[s - 1] in _BOUNDARY_BEFORE
                    # ◇张三，… : any mark that is not a character opens the name
                    boundary = boundary or not ("\u4e00" <= text[s - 1] <= "\u9fff")
                    if boundary and _plausible_name(name):
                        hit = PersonHit(
                            name, roles, s, s + len(name), court, None, "person:name-comma-title"
                        )
                        break
        if hit is None and (
            _AS.search(text, max(line_start, head - 6), head)
            or (
                court is None
                and (as_m := _AS_UNIT.search(text, max(line_start, head - 12), head))
                and not any(c in _NOT_IN_DEPT for c in as_m.group(0))
            )
        ):
            hit = _apposition(text, m, roles, court, head, line_start)
            if hit is not None and court is None:
                hit = replace(hit, court_surface=unresolved_before(m.start()))
        if hit is None and court is not None:
            hit = _holder(text, m, roles, court, head, line_start)
        if (
            hit is not None
            and not taken(hit.start)
            # （作者：张三，甲法院法官助理）: a byline that states the author's court post
            and (hit.rule == "person:name-comma-title" or not _is_credit(text, hit.start))
        ):
            hits.append(hit)
    for nm in _NICKNAME.finditer(text, 0, limit):  # “马背法官”王芳 / “法官妈妈”王芳
        if _HONORARY_HEAD.search(nm.group(0)):
            continue  # “荣誉庭长”李老汉: a villager given the name, no court's division head
        after_m = _NAME_AFTER.match(text, nm.end())
        name = _name_after(after_m.group("name")) if after_m else None
        if after_m is None or not name or not _plausible_name(name):
            continue
        s = after_m.start("name")
        if good_end(s + len(name)) and not taken(s) and not _is_credit(text, nm.start()):
            role = next(r for r in ("书记员", "庭长", "法官") if r in nm.group(0))
            hits.append(PersonHit(name, (role,), s, s + len(name), rule="person:nickname-name"))
    for m in found:  # 吐尔逊·买买提法官说: a dotted name before a title
        dm = _DOTTED_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if dm is None or taken(dm.start()):
            continue
        s = dm.start()
        if not (s == 0 or text[s - 1] in _CLAUSE_START or s in ends):
            continue
        roles = _roles(m.group(0))
        court = unit_before(s)
        if court is None and not (all(r in COURT_OCCUPATIONS for r in roles) and good_end(m.end())):
            continue
        hits.append(PersonHit(dm.group(0), roles, s, dm.end(), court, rule="person:name-title"))
    for m in found:  # 王芳是一名法官, 王芳是该院立案庭的一名法官
        one = _IS_ONE.search(text, max(0, m.start() - 30), m.start())
        if one is None or not good_end(m.end()):
            continue
        roles = _roles(m.group(0))
        if not all(r in COURT_OCCUPATIONS or r in _TITLES_OF_A_COURT for r in roles):
            continue
        at = one.start()
        gap_end = one.end("gap") if one.group("gap") else -1
        # 张三是甲法院的一名法官: the court before 的 inside the apposition
        of = text.rfind("的", at, m.start())
        owner = (unit_before(of) or dept_before(of, m.group(0))) if of > at else None
        if gap_end > 0 and text[gap_end - 1] != "的":
            # 张三是甲法院一名法警: the gap is the court (or its department), nothing else
            owner = unit_before(gap_end) or dept_before(gap_end, m.group(0))
            if owner is None:
                continue
        raw = text[max(0, at - 3) : at]
        for cut in range(len(raw) - 1):
            name, s = raw[cut:], at - len(raw) + cut
            opens = s == 0 or text[s - 1] in _CLAUSE_START
            # 50岁的张三是一名书记员
            opens = opens or _AGE_BEFORE_NAME.search(text, max(0, s - 6), s) is not None
            if opens and _plausible_name(name):
                if not taken(s):
                    court = dept_before(m.start(), m.group(0)) or unit_before(m.start()) or owner
                    roles = posts_as_written(m.group(0), m.start(), court, roles)
                    hits.append(PersonHit(name, roles, s, at, court, rule="person:name-is-title"))
                break
    for m in found:  # 王芳、李娜被评为全国优秀法官: the people an honour is given to
        roles = _roles(m.group(0))
        if not all(_is_honour(r) for r in roles):
            continue
        got = _HONOURED.search(text, max(0, m.start() - 24), m.start())
        if got is None:
            continue
        s = got.start("names")
        if not (s == 0 or text[s - 1] in _CLAUSE_START):
            continue
        for nm in re.finditer("[^、]+", got.group("names")):
            name, at = nm.group(0), s + nm.start()
            if _plausible_name(name) and not taken(at):
                hits.append(PersonHit(name, roles, at, at + len(name), rule="person:honoured-name"))
    for pm in _PROFILE.finditer(text, 0, limit):  # 张三，男，汉族，甲法院立案庭庭长
        run = _HAN_RUN_END.search(text, max(0, pm.start() - 4), pm.start())
        if run is None:
            continue
        raw = run.group(0)
        first = next(
            (
                i
                for i in range(len(raw) - 1)
                if (run.start() + i == 0 or text[run.start() + i - 1] in _CLAUSE_START)
                and _plausible_name(raw[i:])
            ),
            None,
        )
        if first is None:
            continue
        s = run.start() + first
        entry_end = _PROFILE_END.search(text, pm.end())
        stop = min(limit, entry_end.start() if entry_end else limit, pm.end() + 80)
        for m in found:
            if not pm.end() <= m.start() < stop:
                continue
            court = unit_before(m.start()) or dept_before(m.start(), m.group(0))
            if court is not None:
                if not taken(s) and not _is_credit(text, s):
                    hits.append(
                        PersonHit(
                            raw[first:],
                            posts_as_written(m.group(0), m.start(), court, _roles(m.group(0))),
                            s,
                            run.end(),
                            court,
                            rule="person:profile",
                        )
                    )
                break
    for m in found:  # 张三被甲法院聘为特邀调解员 / 甲法院聘请张三为特邀调解员
        hire = _HIRED_AS.search(text, max(0, m.start() - 8), m.start())
        if hire is None or not good_end(m.end()):
            continue
        roles = _roles(m.group(0))
        if hire.group("name"):  # 甲法院聘请张三为…
            name, s = hire.group("name"), hire.start("name")
            court = unit_before(hire.start())
        else:  # 张三被甲法院聘为…
            court = unit_before(hire.start())
            cm = next((c for c in court_mentions if c.end == hire.start()), None)
            if court is None or cm is None or not text.startswith("被", cm.start - 1):
                continue
            run = _HAN_RUN_END.search(text, max(0, cm.start - 5), cm.start - 1)
            if run is None:
                continue
            raw = run.group(0)  # 退休法官王德明被…: the name after the words before it
            first = next((i for i in range(len(raw) - 1) if _plausible_name(raw[i:])), None)
            if first is None:
                continue
            name, s = raw[first:], run.start() + first
        if court is not None and _plausible_name(name) and not taken(s):
            hits.append(PersonHit(name, roles, s, s + len(name), court, rule="person:hired-as"))
    # (every match holds 同志: a text without it is not scanned)
    for m in _COMRADE.finditer(text, 0, limit) if "同志" in text else ():
        raw = m.group("name")
        for cut in range(len(raw) - 1):
            name = raw[cut:]
            if _valid_name(name):
                s = m.start() + cut
                # 相关负责同志, 相关同志: a word before 同志 (关负责, 相关), not a name; nor is
                # one whose surname ends a word (各位列席同志)
                if (
                    _plausible_name(name)
                    and not _ends_a_word(text, s)
                    and not _is_credit(text, s)
                    and not taken(s)
                    and name not in _LEADERS
                    and not _RECALLED.match(text, m.end())
                    # 委员和列席同志: after a word, 和 (与, 向 …) joins it, no surname
                    and not (name[0] in _PREPOSITIONS and s > 0 and _HAN_CHAR.match(text[s - 1]))
                ):
                    hits.append(PersonHit(name, (), s, s + len(name), rule="person:comrade"))
                break
    hits.sort(key=lambda h: h.start)
    # a party committee's posts only (市委常委、政法委书记张三): a guest of the court, never
    # its staff (the corpus conventions leave them out); the chain still keeps the name from
    # the weaker patterns
    hits = [h for h in hits if h.org_surface is None or not all(r in _PARTY_POSTS for r in h.roles)]
    hits = [_with_honours(text, h) for h in hits]
    return _full_post_everywhere(hits)


#: an honour a named person is given right after the name (张三多次被评为全市法院先进个人)
_HONOUR_AFTER = re.compile(
    r"(?:多次|先后|曾|还|也|均|曾经|连续)?(?:被评为|被授予|荣获|获评|获得|当选为?|入选)[“\"]?"
)


def _with_honours(text: str, h: PersonHit) -> PersonHit:
    """`h` with the honours its sentence gives the person right after the name
    (法庭负责人王秀军多次被评为全市法院先进个人): an honour is a role of the person."""
    got = _HONOUR_AFTER.match(text, h.end)
    if got is None:
        return h
    m = _CHAIN_RE.match(text, got.end())
    if m is None:
        return h
    honours = tuple(r for r in _written_roles(m.group(0)) if _is_honour(r))
    if not honours or len(honours) != len(_roles(m.group(0))):
        return h  # 荣获法官称号? only honours are given
    return replace(h, roles=tuple(dict.fromkeys(h.roles + honours)))


#: a court office's post written in full, by its usual short title (ingest.extract knows that)
_OFFICE_POSTS = {"审判管理办公室主任": "审管办主任", "执行局长": "执行局局长"}
#: the bare title the same post has at a person's other mentions (张三主任)
_OFFICE_HEADS = {"审判管理办公室主任": "主任", "执行局长": "局长"}


def _bare_post(role: str) -> str | None:
    """The title of a post written in full (原庭长 → 庭长, 立案庭庭长 → 庭长, 审判管理办公室主任
    → 审管办主任), else None."""
    if role in _OFFICE_POSTS:
        return _OFFICE_POSTS[role]
    # 拉帕村法官工作室负责人 → 法官工作室负责人: an outpost's place is no part of the title
    head = next((f for f in FACILITY_HEADS if role.endswith(f)), None)
    if head is not None and role != head:
        return head
    for head in _DIVISION_POSTS:
        if role.endswith(head) and _is_division(role[: -len(head)]):
            return head
    prefix = _PREFIX_RE.match(role)
    if prefix is not None and prefix.group(0) in _KEPT_PREFIXES:
        bare = role[prefix.end() :]
        return bare if bare in _ROLE_SET else None
    return None


def bare_title(role: str) -> str:
    """The title of a post as find_people may write it in full: 立案庭庭长 → 庭长,
    原庭长 → 庭长, 青年法官 → 法官; any other role as it is."""
    return _bare_post(role) or role


def _full_post_everywhere(hits: list[PersonHit]) -> list[PersonHit]:
    """A post written in full at one mention (立案庭庭长张三, 原庭长李四) stands for the bare
    title at the person's other mentions (张三庭长 later on): one post, not two."""
    full: dict[str, dict[str, str]] = {}
    for h in hits:
        for r in h.roles:
            bare = _bare_post(r)
            if bare is not None:
                full.setdefault(h.name, {})[bare] = r
            if r in _OFFICE_POSTS:  # 张三主任 later on: the office's head
                full[h.name][_OFFICE_HEADS[r]] = r
    if not full:
        return hits
    return [
        replace(h, roles=tuple(dict.fromkeys(full[h.name].get(r, r) for r in h.roles)))
        if h.name in full
        else h
        for h in hits
    ]


def _apposition(
    text: str,
    m: re.Match[str],
    roles: tuple[str, ...],
    court: str | None,
    head: int,
    line_start: int,
) -> PersonHit | None:
    """作为甲法院庭长: the person is named right before 作为, right after the title, or earlier
    in the sentence (a full name the text repeats elsewhere)."""
    as_m = _AS.search(text, max(line_start, head - 6), head) or _AS_UNIT.search(
        text, max(line_start, head - 12), head
    )
    assert as_m is not None
    at = as_m.start()
    # right after: 作为庭长，张三… / 作为庭长的张三
    after = _NAME_AFTER.match(text, m.end() + 1) if m.end() < len(text) else None
    if after is not None and text[m.end()] in "，,的":
        name = _name_after(after.group("name"))
        if name and _plausible_name(name) and _good_end(text, after.start("name") + len(name)):
            s = after.start("name")
            return PersonHit(name, roles, s, s + len(name), court, None, "person:apposition")
    # right before: 张三作为庭长
    raw = text[max(line_start, at - 3) : at]
    for cut in range(len(raw) - 1):
        name = raw[cut:]
        s = at - len(name)
        if (s == 0 or text[s - 1] in _BOUNDARY_BEFORE) and _plausible_name(name):
            return PersonHit(name, roles, s, s + len(name), court, None, "person:apposition")
    # earlier in the sentence: …的刘建伟挂断电话，作为法庭庭长，…
    stop = max(line_start, text.rfind("。", 0, at) + 1)
    for nm in reversed(list(_NAME_RUN.finditer(text, stop, at))):
        for size in (3, 2):
            s = nm.start()
            name = text[s : s + size]
            if (
                len(name) == size
                and _plausible_name(name)
                and text.count(name) >= 2
                and _good_end(text, s + size)
            ):
                return PersonHit(name, roles, s, s + size, court, None, "person:apposition-subject")
    return None


#: 张三现任甲法院庭长 / 张三是甲法院庭长: a name, a verb of holding a post, the post
_IS = re.compile(r"(?:现任|现为|担任|出任|调任|任|是|系)$")
#: 任命张三为甲法院副院长: an appointment names the holder
_APPOINT = re.compile(r"(?:任命|任免|选举|提名|推选)(?P<name>[" + _HAN + r"]{2,3})为$")
#: 现任甲法院庭长的张三: the post, 的, the name
_HOLDS = re.compile(r"(?:现任|时任|身为|担任)$")
#: a former post written before its court (时任甲中院副院长, 原乙县法院院长, 曾任): not the post
#: the person holds at the time the article tells of
FORMER_POST_BEFORE = re.compile(r"(?:时任|原任|曾任|前任|历任|原)$")


def _holder(
    text: str,
    m: re.Match[str],
    roles: tuple[str, ...],
    court: str,
    head: int,
    line_start: int,
) -> PersonHit | None:
    """The holder of a court post written with a verb: 张三现任甲法院立案庭庭长,
    现任甲法院庭长的张三."""
    lo = max(line_start, head - 3)
    if (ap := _APPOINT.search(text, max(line_start, head - 10), head)) is not None:
        name = ap.group("name")
        if _plausible_name(name):  # 任命张三为甲法院副院长
            return PersonHit(
                name, roles, ap.start("name"), ap.end("name"), court, None, "person:name-is-title"
            )
    if (is_m := _IS.search(text, lo, head)) is not None:
        at = is_m.start()
        raw = text[max(line_start, at - 3) : at]
        for cut in range(len(raw) - 1):
            name = raw[cut:]
            s = at - len(name)
            if (s == 0 or text[s - 1] in _CLAUSE_START) and _plausible_name(name):
                return PersonHit(name, roles, s, at, court, None, "person:name-is-title")
    if text.startswith("的", m.end()) and _HOLDS.search(text, lo, head):
        after = _NAME_AFTER.match(text, m.end() + 1)
        held = _name_after(after.group("name")) if after else None
        if after and held and _plausible_name(held):
            s = after.start("name")
            if _good_end(text, s + len(held)):
                return PersonHit(held, roles, s, s + len(held), court, None, "person:title-of-name")
    return None


#: where a name may begin inside a sentence: after punctuation or 的
_NAME_RUN = re.compile(r"(?<=[，,。；;：:“的\n])[" + _HAN + r"]{2,3}")


def _good_end(text: str, pos: int) -> bool:
    return (
        pos >= len(text)
        or text[pos] in _AFTER_NAME
        or text[pos] in _BOUNDARY_BEFORE
        or (text[pos] in "挂接打赶迈拿坐站听看跑走来")
    )


@dataclass(frozen=True)
class BylineHit:
    """An author credited with their court: 作者：甲市人民法院 张三 李四."""

    name: str
    role: str  # the credit word: 作者, 通讯员 …
    court: str  # the court as the byline writes it
    start: int
    end: int


#: a court post a byline may give its author (作者：甲县法院法官助理 张三)
_BYLINE_POSTS = (
    "法官助理|员额法官|审判员|法官|书记员|执行员|法警|干警|副庭长|庭长|副院长|院长|副主任|主任|"
    "副局长|局长"
)
_BYLINE = re.compile(
    # (a quick first test: the first character of every alternative, so the scan skips others)
    r"(?=[作通撰供文图])"
    r"(?:(?P<role>作者|通讯员|撰稿|撰文|供稿)[ \u3000]*[：:／/|丨]?"
    r"|(?<![" + _HAN + r"])(?:文|图文|文图|文/图)[ \u3000]*[：:／/|丨])[ \u3000]*"
    r"(?P<court>[" + _HAN + r"]{2,16}?(?:人民法院|法院|中院|高院))"
    r"(?:[" + _HAN + r"]{0,8}?(?P<post>" + _BYLINE_POSTS + r")"
    r"|[" + _HAN + r"]{0,8}?(?:庭|局|室|处|科|办|中心))?"  # 供稿：甲法院立案庭 张三
    r"(?P<names>(?:[ \u3000、，,]+[" + _HAN + r"]{2,4}){1,8})"
)
_BYLINE_NAME = re.compile(r"[" + _HAN + r"]{2,4}")
_BYLINE_COURT = (
    r"(?P<court>[" + _HAN + r"]{2,16}?(?:人民法院|法院|中院|高院))"
    r"(?:[" + _HAN + r"]{0,8}?(?P<post>" + _BYLINE_POSTS + r"))?"
)
#: 撰稿：张三（甲县人民法院）: the names, then their court in brackets
_BYLINE_NAME_COURT = re.compile(
    r"(?P<role>作者|撰稿|撰文|供稿)[ \u3000]*[：:／/|丨][ \u3000]*"
    r"(?P<names>[" + _HAN + r"]{2,4}(?:[ \u3000、，,]+[" + _HAN + r"]{2,4}){0,7})"
    r"[ \u3000]*[（(]" + _BYLINE_COURT + r"[）)]"
)
#: （甲县人民法院 张三 李四）: a court's credit line for its own staff
_BRACKET_CREDIT = re.compile(
    r"[（(][ \u3000]*" + _BYLINE_COURT + r"(?:[" + _HAN + r"]{0,8}?(?:庭|局|室|处|科|办|中心))?"
    r"(?P<names>(?:[ \u3000]+[" + _HAN + r"]{2,4}){1,4})[ \u3000]*[）)]"
)
#: （作者系甲县人民法院法官助理） / （作者单位：甲县人民法院）: the court of an author named above
_AUTHOR_IS = re.compile(
    r"[（(][ \u3000]*作者(?:系|为|是|单位[：:]?)[ \u3000]*" + _BYLINE_COURT + r"[ \u3000]*[）)]"
)
#: the author's line at the top: □ 张三 / 文丨张三 / 作者：张三 李四
_AUTHOR_LINE = re.compile(
    r"^[ \u3000]*(?:[□■◇◆●○▲△]|(?:作者|文|撰稿|撰文)[ \u3000]*[：:／/|丨])[ \u3000]*"
    r"(?P<names>[" + _HAN + r"]{2,4}(?:[ \u3000、，,]+[" + _HAN + r"]{2,4}){0,3})[ \u3000]*$",
    re.M,
)
#: how far from the start the author's line stands
_AUTHOR_LINE_REACH = 400
#: a paper's authors over their affiliation (朱 妙，陈 慧 / （上海市高级人民法院，上海 200031）):
#: a line of names (a name may be set to width, 朱 妙), the court in brackets on the next line,
#: a city and its postcode after it
_AFFILIATED = re.compile(
    r"^[ \u3000]*(?P<names>[" + _HAN + r"](?:[ \u3000]?[" + _HAN + r"]){1,3}"
    r"(?:[ \u3000]*[，,、][ \u3000]*[" + _HAN + r"](?:[ \u3000]?[" + _HAN + r"]){1,3}){0,5})"
    r"[ \u3000]*\n[ \u3000]*[（(][ \u3000]*" + _BYLINE_COURT + r"[ \u3000]*"
    r"(?:[，,][ \u3000]*[" + _HAN + r"]{2,8}[ \u3000]*[0-9]{6}[ \u3000]*)?[）)][ \u3000]*$",
    re.M,
)
#: a work report's reporter: the name alone on the line after the subtitle, before the address
#: to the deputies (某市中级人民法院工作报告 / ——…在…会议上 / 许 徽 / 各位代表：); the court is
#: the report's
_REPORTER = re.compile(
    r"^[ \u3000]*(?:[0-9]{4}年度?)?(?P<court>[" + _HAN + r"]{2,16}?(?:人民法院|法院))"
    r"(?:[" + _HAN + r"]{0,12})?工作报告[^\n]{0,12}\n(?:[^\n]{0,60}\n){0,2}?"
    r"[ \u3000]*(?:——|—|--)[^\n]{4,80}?(?:会议|大会)上[ \u3000]*\n"
    r"[ \u3000]*(?P<names>[" + _HAN + r"](?:[ \u3000]?[" + _HAN + r"]){1,3})[ \u3000]*\n"
    r"[ \u3000]*(?:各位代表|主任、|主任，)",
    re.M,
)


def _written_names(text: str, lo: int, hi: int, role: str, court: str) -> list[BylineHit]:
    """The names of text[lo:hi] split at commas, each read without the space that sets it to
    width (朱 妙 -> 朱妙); none unless every one is a plausible full name."""
    out = []
    pos = lo
    for part in re.split("[，,、]", text[lo:hi]):
        at = pos + len(part) - len(part.lstrip(" \u3000"))
        name = re.sub("[ \u3000]", "", part)
        pos += len(part) + 1
        if not _plausible_name(name):
            return []
        end = at + len(part.strip(" \u3000"))
        out.append(BylineHit(name, role, court, at, end))
    return out


def find_bylines(text: str) -> list[BylineHit]:
    """Authors a byline places in a court (作者：如皋市人民法院 汤某某 张某; 供稿：甲法院立案庭 张三;
    撰稿：张三（甲法院）; （甲法院 张三 李四）; □ 张三 … （作者系甲法院法官助理）).

    A byline without a court (记者 张三, 作者：张三) says nothing of the author's post: no hit.

    >>> [(h.name, h.court) for h in find_bylines("作者：甲县人民法院 王小明 李华  发布时间：2024-01-02")]
    [('王小明', '甲县人民法院'), ('李华', '甲县人民法院')]
    """
    out: list[BylineHit] = []
    for m in _BYLINE.finditer(text):
        for nm in _BYLINE_NAME.finditer(text, m.start("names"), m.end("names")):
            name = nm.group(0)
            if not _plausible_name(name):
                break  # the byline goes on with something else (发布时间, 记者)
            # the post the byline states, else the credit word (文丨…: the writer)
            role = m.group("post") or m.group("role") or "作者"
            out.append(BylineHit(name, role, m.group("court"), nm.start(), nm.end()))
    for m in _BRACKET_CREDIT.finditer(text):  # （甲县人民法院 张三 李四）
        role = m.group("post") or "作者"
        out += _byline_names(text, m.start("names"), m.end("names"), role, m.group("court"))
    for m in _BYLINE_NAME_COURT.finditer(text):  # 撰稿：张三（甲县人民法院）
        role = m.group("post") or m.group("role")
        out += _byline_names(text, m.start("names"), m.end("names"), role, m.group("court"))
    for m in _AFFILIATED.finditer(text, 0, min(len(text), _AUTHOR_LINE_REACH)):
        role = m.group("post") or "作者"  # 朱 妙，陈 慧 / （甲法院，某市 200031）
        out += _written_names(text, m.start("names"), m.end("names"), role, m.group("court"))
    for m in _REPORTER.finditer(text, 0, min(len(text), _AUTHOR_LINE_REACH)):
        out += _written_names(text, m.start("names"), m.end("names"), "报告人", m.group("court"))
    said = list(_AUTHOR_IS.finditer(text))
    if len({m.group("court") for m in said}) == 1:  # □ 张三 … （作者系甲县人民法院法官）
        heads = list(_AUTHOR_LINE.finditer(text, 0, min(len(text), _AUTHOR_LINE_REACH)))
        if len(heads) == 1:
            m, head = said[0], heads[0]
            role = m.group("post") or "作者"
            out += _byline_names(
                text, head.start("names"), head.end("names"), role, m.group("court")
            )
    return out


def _byline_names(text: str, lo: int, hi: int, role: str, court: str) -> list[BylineHit]:
    out = []
    for nm in _BYLINE_NAME.finditer(text, lo, hi):
        if not _plausible_name(nm.group(0)):
            return []  # not a list of names
        out.append(BylineHit(nm.group(0), role, court, nm.start(), nm.end()))
    return out


#: the patterns that find people, surest first (a person found by several keeps the surest)
PERSON_RULES = (
    "person:court-title-name",
    "person:court-dept-title-name",
    "person:roster",
    "person:byline",
    "person:name-title",
    "person:title-name",
    "person:name-occupation",
    "person:name-etc-title",
    "person:listed-name",
    "person:title-list",
    "person:mediator",
    "person:name-comma-title",
    "person:apposition",
    "person:occupation-name",
    "person:honour-name",
    "person:honoured-name",
    "person:apposition-subject",
    "person:listed-office",
    "person:court-office-name",
    "person:court-mediator",
    "person:nickname-name",
    "person:name-is-title",
    "person:title-of-name",
    "person:profile",
    "person:comrade",
    "person:hired-as",
    "person:linked-mediator",
    "person:repeated-name",
    "person:transliterated-name",
    "person:facility-head",
)


#: offices that every body has (办公室主任, 处长): a court's only when listed among its officers
GENERIC_OFFICES = frozenset(
    ["办公室主任", "主任", "副主任", "处长", "副处长", "科长", "副科长", "局长", "副局长", "队长"]
    + ["大队长", "副大队长", "支队长", "副支队长"]
    # the leader in charge of a field of work (中院副院长张三，协管领导李四)
    + ["分管领导", "协管领导"]
    # a civil-service rank listed among the court's officers (副院长张三、二级巡视员李四)
    + list(_CIVIL_RANKS)
)
#: one list separator, then the title chain of the next person
_LIST_GAP = re.compile(r"[、，,及和与][" + _HAN + r"、]{1,16}")
#: a body other than a court named in that title chain
_OTHER_BODY_IN_GAP = re.compile(
    "委|政府|检察|公安|司法局|(?<!执行)局(?!长)|厅|镇|乡|村|街道|社区|公司|协会|律师|银行"
)


def listed_office(text: str, prev: PersonHit, hit: PersonHit) -> bool:
    """`hit` holds a generic office and follows `prev` in one list of officers (…副院长李红伟、
    办公室主任赵振营): the office is of `prev`'s court."""
    if hit.org_surface is not None or not hit.roles or hit.court is not None:
        return False
    if not all(r in GENERIC_OFFICES for r in hit.roles) or hit.start <= prev.end:
        return False
    gap = text[prev.end : hit.start]
    return bool(_LIST_GAP.fullmatch(gap)) and not _OTHER_BODY_IN_GAP.search(gap)


def is_court_honour(role: str) -> bool:
    """An honour only judges and court staff receive (全国优秀法官, 审判业务专家)."""
    return _is_honour(role) and bool(re.search("法官|法院|审判|书记员|法警|执行", role))


def byline_court(surface: str, courts: Sequence[CourtRef]) -> str | None:
    """The court of `courts` a byline or a title names (如皋市人民法院, 如皋法院, 东城法庭),
    if exactly one fits."""
    if any(c.name == surface for c in courts):
        return surface
    level = "high" if re.search("高级|高院", surface) else None
    level = "intermediate" if re.search("中级|中院", surface) else level
    level = "tribunal" if surface.endswith("法庭") else level
    place = re.sub(
        "(?:中级人民法院|高级人民法院|人民法院|人民法庭|中院|高院|法院|法庭)$", "", surface
    )
    for size in range(len(place), 1, -1):  # 为东城法庭: a word may stand before the place
        fits = [
            c.name
            for c in courts
            if place[-size:] in c.name
            and (c.level == level if level else c.level in ("basic", "special"))
        ]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None
