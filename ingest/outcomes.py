"""Reported figures: counts, rates, money, durations, areas and ranks with what they measure.

`find_outcomes(text)` returns one `OutcomeHit` per figure: value as stated with 万/亿 scaled
for counts (近4万件 -> 40000 件) and money kept in 万元/亿元 as written (700多万元 -> 700 万元,
qualifier 多), the qualifier (余/多/约/近/超/不到/少于/不足/以上/内/前), the direction (同比上升
-> up), the period expression before it (截至今年4月底; a span of days, 2024年1月1日至6月30日,
whole; 截至去年底, 截至目前, which dates its own sentence only; a day without its year takes the
year its paragraph named; 10年来首次回落 is no period), the clause it stands in, a label a
reader understands (结案量同比增幅, not the clause or the court's name) and the rule that found
it (outcome:count, outcome:rate, outcome:change, outcome:money, outcome:duration, outcome:area,
outcome:rank, outcome:rank-top, outcome:score, outcome:share, outcome:selected for a count
in Chinese numerals selected for a collection or an honour (八个案例入选…), ...). Ranks are
values with the unit 名 (位居全省第一, 位于全省第5位, 居于全省首位, 位居全国中院第三, 位居甲地区第1名,
连续两年全省第一, a further …、全市第一 after one, 首位, 全市前三 with qualifier 前);
scores of an assessment have the unit 分; cases per 10,000 people (万人成讼率52.13件/万人) the
unit 件/万人; a share brought to a result (促成63%的案件案结事了)
is a figure too; one figure for two rates (甲率及乙率均为100%) is two outcomes. Page-wrap line
breaks inside a number (12.⏎5%) or a sentence are read through, and so are spaces a page put
inside a number after a word (达71. 41%, 受理案件276 214件); a heading's figure repeated in the
body is one figure.

A round figure written as its qualifier and 万 or 千 (近万人次 -> 10000, qualifier 近) is a
figure (outcome:round); so is a yearly one told approximately (每年开庭30次以上), unlike a
schedule (每月2次); figures in a quoted statement (他说：“…进驻300余家中心，…。”) count. A signed
percentage is a change, its direction the sign's (巡回审判 38场 +12.0% -> 巡回审判增幅 12.0, up;
同比增长-3.65% -> …同比降幅 3.65, down: outcome:change-signed-row, outcome:change-signed).

Not outcomes: a figure must report something done or reached, so these are dropped: dates,
ordinals (第14次, 第一方阵), numbers inside quoted names or right after a quoted list
(“三个维度”, “…”5项重点工作), populations (14亿人口),
slogans and idioms in numerals (三个维度, 两个维护, 两天一调度, 千家万户), approximate pairs and
vague amounts (三四个, 七八十人, 数十家, 十几名), ranges (3至5个), case facts and judgements of one
dispute (一批…系列案件仅用3天, 并处罚金五千元, 被告当场支付2万元, 冻结冯某52%的资金; but a case
named as an example after the figures of a span, 2023年以来…900件，其中张某等…案入选, is no story),
meetings and their attendance (3名法官作经验介绍, 本次培训共120人, 召开党组会议3次), visitors
(一行20余人视察), what a court or a place has (现有11名法官, 共有员额法官32名, 设有4个审判庭,
全国共有人民法庭10145个, 全市17个法庭配备46名法官: the 17 courts too) and where things lie
(分布着85个法庭, 当事人遍布40多个国家), jurisdiction and population (辖12个乡镇, 所辖两个乡镇, 辖区人口85万),
a team's make-up (由1名法官、2名助理组成), roles given (4名法官作为网格员), counts that only
introduce (全院85名干警中; 全市23个法庭中已有18个建成…: the 23, the 18 is 建成…的法庭数),
items of a plan or a document (10项措施, 措施23条, 三个方面), articles of a law (民事诉讼法122条),
norms and schedules (每个法庭至少配备2名, 每月2次, 只需跑1次),
targets, plans, forecasts, promises, requests and caps (拟新建3个, 将新建, 将突破50万件, 到2030年底
建成, 控制在30天以内, 请在15日内缴纳, 7个工作日内), an event's length (为期3天), time
references (前10个月), one person's career (他从事审判工作28年), the set a court belongs to (全省3家示范法院之一), other agencies' and the economy's
figures (公安机关办理的…占比32%, 生产总值), means (利用26个傍晚), modifiers (增资180亿元的产业园),
counts of courts that only say whose figure follows (3家法院已解决问题50个), page counters
(阅读量：1234次, 点赞), the starting figure of a change (单位数量由去年的3120家增长到5480家, 周期从2个月
缩短至25天, 从230件攀升到910件: only the level reached; but each of two years' figures is
its year's, 由2021年的1500件上升到2023年的2600件) and rounded repeats of an exact figure.

>>> [(h.value, h.unit_of_measure, h.qualifier) for h in find_outcomes("今年共化解纠纷300余件。")]
[(300.0, '件', '余')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ingest.metrics import FROM_TAIL, chained_label, reader_label
from ingest.numbers import CLAUSE_PUNCT, NUMERAL, is_chinese_numeral, parse_number

_CN = "一二两三四五六七八九十百千"
_CN_NUM = (  # 三百, 八万六千, 九十六点五
    r"[" + _CN + r"零〇]+(?:点[零〇一二三四五六七八九]+)?(?:[万亿][" + _CN + r"零〇]+)?"
)
_ARABIC_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # 1,246 and 3663
_SP = r"[ \u3000\u00a0]?"  # pages put stray spaces around figures: 2,315 件, 11.2 %
_UOM = (
    "个百分点|百分点|%|万元|亿元|元|人次|件次|场次|件(?!事)|案|名(?!单|额)|家|个月|个|项|"
    "条(?!例|件|款)|次|份(?!额)|笔|天|小时|分钟|日(?!期)|亩|"
    # ships (扣押船舶35艘) and rooms (配备调解室171间); a measure word that opens a noun is
    # none (与25部门共建: 25 departments, not 25 部 of 门)
    "人|场(?!所)|起|批次|批|篇|部(?!门)|户(?!籍)|位(?!置)|艘|间(?!隔)"
)
_QTY = re.compile(
    r"(?=[将接近约大超逾达不少\d"
    + _CN
    + r"])"  # lets the scan skip characters no figure starts with
    r"(?P<pre>将近|接近|近|约|大约|超过|超|逾|达到|达|不到|少于|不足)?"
    r"(?P<num>"
    + _ARABIC_NUM
    + "|"
    + _CN_NUM
    + r")"
    + _SP
    + r"(?P<q1>余|多)?(?P<big>万|亿)?(?P<q2>余|多)?"
    + _SP
    + r"(?P<uom>"
    + _UOM
    + r")"
)
#: growth stated as a multiple after a verb of growth (增长82倍, 分别提高3倍和2.5倍)
_MULTIPLE = re.compile(
    r"(?:增长|提高|提升|增加|上升)了?(?P<num>\d+(?:\.\d+)?)倍(?:[和、及](?P<num2>\d+(?:\.\d+)?)倍)?"
    r"(?P<q>多|余)?(?![\d%])"
)
#: a figure stated as a multiple of another (是甲类案件均值的2.5倍, 已达去年全年的1.6倍); the
#: longer verb first, so 达到 is not read as 达 + 到…
#: (a damages or a gain as a multiple of a price or a threshold is one case's fact:
#: `_CASE_MULTIPLE`)
_RATIO_MULTIPLE = re.compile(
    r"(?:达到|相当于|是|为|达)(?P<of>[^，,。；;！？\n]{2,24}?)的(?P<num>\d+(?:\.\d+)?)倍"
    r"(?P<q>多|余|以上)?(?![\d%])"
)
_CASE_MULTIPLE = re.compile(r"赔偿|价款|罚款|罚金|判处|判决|被告|原告|追诉|违法所得|非法获利|货款")
_GROWTH_TAIL = re.compile(r"(?:较|同比|比)?(?:增长|提高|提升|增加|上升)了?$")
#: 八成以上, 近九成的 (tenths): 成 must be followed by 以上/多/左右, 的 or punctuation, so
#: that 成功, 成为, 一成不变 stay words
_TENTHS = re.compile(
    r"(?=[将接近约超逾一二三四五六七八九][^\n]?[一二三四五六七八九成])"  # (a quick first test)
    r"(?P<pre>将近|接近|近|约|超过|超|逾)?(?<![一二三四五六七八九十])(?P<num>[一二三四五六七八九])成"
    r"(?:(?P<post>以上|多)|(?=左右|的|[，,。；;、）)]))"
)
#: a round figure written as its qualifier and 万 or 千 alone (近万人次, 超千件)
_ROUND_FIGURE = re.compile(
    r"(?=[将接近超逾])(?P<pre>将近|接近|近|超过|超|逾)(?P<num>万|千)"
    r"(?P<uom>人次|件次|件|人|名|次|家|个|起|场)"
)
#: a fraction written out (约四分之三, 三分之一): a share in %
_FRACTION = re.compile(
    r"(?=[将接近约超逾二三四五六七八九十])(?P<pre>将近|接近|近|约|超过|超|逾)?"
    r"(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])"
)
#: what makes a fraction a result: a change or a saving (节约时间约四分之三), a share (占)
_FRACTION_RESULT = re.compile(r"节约|节省|缩短|减少|降低|下降|提高|提升|增长|增加|占")
#: 百分之九十六点五, 百分之14
_PERCENT_CN = re.compile(
    r"(?=[将接近约超逾达百])(?P<pre>将近|接近|近|约|超过|超|逾|达到|达)?百分之(?P<num>"
    + _ARABIC_NUM
    + "|"
    + _CN_NUM
    + r")"
)
#: a Chinese numeral right after a result verb is a reported figure (缩短至二十天)
_RESULT_BEFORE = re.compile(r"(?:至|到|为|达|共|计)$")
#: a plan or a target, not a result (力争年内新建10个, 计划培训200人)
_TARGET_BEFORE = re.compile(r"力争|确保|计划|预计|目标|将要|准备|(?<!模)拟(?!定)")
#: jurisdiction and scope (管辖三个镇) are standing facts
_SCOPE_BEFORE = re.compile(
    r"管辖|下辖|辖有|人口|面积|"
    # an ethnic group's share of a population (某族占比63%, 某族群众占比超九成): demography
    r"族(?:群众|人口|居民|同胞|村民)?(?:人口)?(?:占比|占|比例|比重)"
)
#: figures of other agencies (公安机关办理的…占比达32%): not what the courts did
_OTHER_AGENCY = re.compile(
    r"公安|检察|派出所|司法局|仲裁委|税务|市场监管|政府投资|发案|生产总值|GDP|产值|财政收入|税收|"
    r"营业收入|营收|销售额|招商|耕地|人均可支配|游客|"
    # the economy and the population of a place (贸易进出口总额, 城镇化率)
    r"进出口总额|進出口總額|贸易总额|貿易總額|贸易额|貿易額|城镇化率|城鎮化率|城鎮\(zhèn\)化率"
)
_COURT_WORD = re.compile(r"法院|法庭|中院|高院|我院|该院|本院")
#: idioms and set phrases written with numerals (千家万户, 一心一意)
_IDIOM = re.compile(
    r"千家万户|千方百计|千辛万苦|千头万绪|万无一失|一心一意|三番五次|四面八方|五湖四海|"
    r"十全十美|一五一十|三令五申|百家争鸣|百花齐放|七上八下|十之八九|千千万万|一点一滴|"
    r"接二连三|三天两头|三五成群|一传十|十传百|三人成虎|九牛一毛|十拿九稳|一举两得|三言两语|"
    r"千篇一律|百里挑一|万里挑一|成千上万|数以万计|一年四季|四季如春|五花八门|[两几]家人"
)
#: page furniture: counters and toolbars
_BOILERPLATE_LINE = re.compile(
    r"浏览|阅读量|阅读数|阅读次数|点击|访问量|字号|打印|分享到|责任编辑|来源：|来源:|评论|点赞|"
    r"收藏|转发|在看|扫码|二维码|版权所有|ICP|备案号|上一篇|下一篇"
)
#: the figure is what an aim is set at (以…为目标, …的目标)
_TARGET_AFTER = re.compile(r"为(?:工作|奋斗|努力)?目标|的(?:工作|奋斗)?目标")
#: a count that is a means, not a result (利用26个傍晚时间)
_MEANS_BEFORE = re.compile(r"利用|借助")
#: a cap or a target bound (控制在30天以内)
_CAP_BEFORE = re.compile(
    r"控制|确保|力争|要求|不超过|原则上|目标|应当|应|须|承诺|规定|限|(?<![申邀])请(?:在|于|务必|及时)"
)
#: a standing service, not a result (24小时在线服务, 7×24小时值班)
_SERVICE_HOURS = re.compile(r"[\u4e00-\u9fff]{0,2}(?:在线|服务|值班|不打烊|不间断|随时|全天)")
_MODIFIER_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,4}的(?!时间)")
#: provinces and regions by their short names, the scope of a rank (均居广东第一, 宁夏法院之首)
_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆"
)
_RANK = re.compile(
    r"(?=[位排名居全并並稳])(?:(?:位居|排名|位列|排在|名列|并列|並列|位于|居于|稳居|居)(?:均|都|仍|继续)?"
    r"(?:为|是)?"
    r"(?:全国|全省|全市|全区|全州|[\u4e00-\u9fff]{2,6}?地区|" + _PROVINCES + r")?"
    # 全国海事法院第6位, 全国中院第一, 全省县区第四
    r"(?:[^，,。；;\n]{0,6}?中|[\u4e00-\u9fff]{0,6}?(?:法院|法庭|中院|高院)|县区|区县|县市区)?"
    r"(?:排名)?(?:位居)?(?:第(?P<num>\d+|[一二三四五六七八九十]+)(?![方批季次期届轮大])|(?P<first>首位|之首))"
    r"|(?<=[年续])全(?:国|省|市|区|州)(?:法院)?第(?P<bare>\d+|[一二三四五六七八九十]+)"
    r"(?![方批季次期届轮家个项所例起件名位\d一二三四五六七八九十])"
    # …位居全省第四，全市第一: a further rank after a comma, a clause of its own
    r"|(?<=[，,、])全(?:国|省|市|区|州)第(?P<then>[一二三四五六七八九十]|\d{1,2})(?=[，,。；;\n]))"
)
#: two to four subjects joined before a shared rank (甲法院和乙法院…, 甲、乙和丙…)
_JOINED_SUBJECTS = re.compile(
    r"[^，,。；;、和与及]{2,20}(?:、[^，,。；;、和与及]{2,20}){0,2}[和与及][^，,。；;、和与及]{2,24}均?"
)
#: 全市前三, 全省前十名: a place among the first N (qualifier 前)
_TOP = re.compile(
    r"全(?:国|省|市|区|州|系统)(?:法院|法庭|基层法院|中院)?(?:排名|排位)?"
    r"前(?P<num>\d{1,2}|[二三四五六七八九十]+)(?:名|位)?(?![\d一二三四五六七八九十年月天个项])"
)
_HALF = re.compile(r"(?=[将接近约超一])(?P<pre>将近|接近|近|约|超过|超)?一半")
_QUOTED = re.compile(r"[“「][^“”「」\n]*[”」]")
#: a statement quoted: whole sentences (…，…。”)
_QUOTED_STATEMENT = re.compile("[，,][^“”「」]*[。！？!?][”」]")
_CASE_FACT = re.compile(
    r"(?<!第)一批|(?<!未发生)(?<!没发生)(?<!有发生)(?<!没有)(?<![无未])"  # 未发生一起: none, a result
    r"一起[\u4e00-\u9fff]{0,8}?(?:案|纠纷|事故)|该案|此案|系列[^，。,]{0,8}案件|一案|"
    r"曾因|某某|[\u4e00-\u9fff]某(?:与|诉|因|、|等)|这[件起宗][\u4e00-\u9fff]{0,12}?(?:案|纠纷)"
)
#: words every _CASE_FACT match holds: a cheap scan before the costly one
_CASE_FACT_CUE = re.compile(r"一[批起案]|该案|此案|系列|曾因|某|这")
#: what one person holds (手上有…件, 手头积压…件), unless it is an average (人均手上…)
_IN_HAND = re.compile(r"(?:手上|手头|手里|名下)(?:还|仍|就)?(?:有|积压|压着|攒着)")
_AVERAGE = re.compile(r"人均|平均|每名|每位|每人")
#: a clause about one judgement: its fine or sentence is no outcome (并处罚金五千元)
_JUDGEMENT = re.compile(r"罚金|罚款|有期徒刑|拘役|判处|赔偿金")
#: the parties of one case (原告王某等7名原告, 当庭宣判，15名被告人…)
_PARTIES = re.compile(r"原告|被告")
_ONE_CASE = re.compile(r"某|该案|本案|此案|当庭")
#: a party named by surname and 某 (冯某, 某公司): the sentence tells one dispute
_NAMED_PARTY = re.compile(
    r"[\u4e00-\u9fff]某(?!些|种|个|项|方面|地|时|处|一)|某(?:公司|企业|银行|村|小区)"
)
#: a day (3月28日): one event's date
_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_PARTNER_WORDS = r"联合|会同|与|和|及|同|协同|配合|协助|邀请|、"
#: a partner named before an agency (联合公安机关…): the agency is not the subject
_PARTNER_BEFORE = re.compile(rf"(?:{_PARTNER_WORDS}|向|对|给|为|由|引入|引进)$")
#: partners listed after 与 (与甲局、乙会等9个部门): what a court joined with
_PARTNERS_BEFORE = re.compile(r"与[^，,。；;与]{2,30}等$")
_PARTNER_UNITS = re.compile(r"(?:部门|单位|机构|组织)的")
#: what the partners do together (…的诉调对接, …的联席会议机制)
_PARTNERED = re.compile(r"[“\"]?([\u4e00-\u9fff]{2,8}?)(?:[”\"]|机制|工作|平台|制度|$)")
#: the same with the partner's place before the agency word (与…、南京仲裁委搭建…)
_PARTNER_PLACE_BEFORE = re.compile(rf"(?:{_PARTNER_WORDS})[\u4e00-\u9fff]{{2,4}}$")
_PARTICIPATION = re.compile(
    r"作经验介绍|经验交流|表态发言|交流发言|参加|出席|参会|列席|作发言|与会|到会|旁听|观摩|聆听|"
    r"参与评选|参评|参赛|参与比赛|"
    r"收看|观看"
)
_STANDING = re.compile(r"现有|共有干警|编制")
#: a list of what courts have, opened by 现有/共有 (现有法庭84个，乡村法庭69个，…): its later items
#: are bare nouns of courts or staff, or the share of the one before
_INVENTORY = re.compile(
    r"(?:现有|共有|拥有|配备|配有)[^，,。；;]{0,12}?\d[\d.]*(?:个|家|名|人|所|位|%)"
    r"(?:[，,](?:[\u4e00-\u9fff]{1,8}|占比)\d[\d.]*(?:个|家|名|人|所|位|%))*[，,]$"
)
_INVENTORY_ITEM = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:法庭|法院|庭|站|室|点|中心|所|团队|法官|干警|人员|助理|书记员|调解员|"
    r"法警|司法警察|文员|保安)"
    r"|占比"
)
#: a jurisdiction or a population: the sentence describes the area, not what was done in it
_JURISDICTION = re.compile(
    r"辖区(?:内|总)?(?:面积|人口)|总面积|平方公里|(?:总|常住|户籍|服务|覆盖)人口|下辖|管辖|"
    r"辖有|所辖|辖区内?(?:共)?有|辖区内的|(?<!直)辖区?(?=\s*(?:\d|[一二两三四五六七八九十]))"
)
#: a verb of having: what a court or a place has (共有员额法官32名, 设有4个审判庭)
_HAVING = re.compile(
    r"现有|共有|拥有|设有|下设|内设|配有|配备有|(?<![新增充])配备(?!了)|(?<![没未只还另所具享占持])有"
)
#: staff, bodies and places a court or a county has, rather than made (法官, 乡镇, 审判庭)
_STANDING_NOUN = re.compile(
    r"(?:员额)?法官|干警|人员|书记员|法官助理|助理|党员|职工|工作人员|乡镇|街道|行政村|村|社区|"
    r"法警|司法警察|文员|保安|"
    r"人口|审判庭|业务庭|庭室|部门|内设机构|"
    r"调解员|律师|人民陪审员|陪审员|成员|队员|委员"
)
#: a court's hiring people into a role (聘请200名代表担任特邀调解员): a result
_HIRING = re.compile(r"聘请|选聘|聘任|特聘|招募|吸纳")
_ROLE_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:作为|担任|兼任|身兼)")
_BREAKDOWN = re.compile(r"^(?:其中)?(?:" + _STANDING_NOUN.pattern + r")$")
#: the places a practice is carried on (在四个基层法庭开展…)
_LOCUS_BEFORE = re.compile(r"在(?:全[市省区县]|辖区|全院)?$")
_LOCUS_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:开展|推行|试点|试行|进行|实行)")
#: a clause that introduces a count whose make-up follows (全院85名干警中，)
_INTRODUCED = re.compile(
    r"(?:\d+|[一二两三四五六七八九十百]+)[名人位个家][\u4e00-\u9fff“”、]{0,12}?中[，,]$"
)
#: a 共 after the unit that reports (法官工作站共调解…)
_INNER_TOTAL = re.compile(r"(?<=[站心队庭室院所])(?:共计|共|累计)(?=[\u4e00-\u9fff]{2})")
#: the course of one case (从立案到结案)
_SPAN = re.compile(r"从(?:立案|受理|收案|起诉|申请|开庭|接到)[^，,。；;]{0,4}?(?:到|至)")
#: visitors and an audience (一行20余人到该院视察, 吸引200余名群众参与)
_VISIT = re.compile(r"一行|视察|参观|考察|走进法院|走进法庭|吸引")
#: deputies counted (13名市人大代表) in a sentence of a visit or an invitation: visitors
_DEPUTIES_AFTER = re.compile(r"[^，,。；;]{0,10}?(?:人大代表|政协委员|代表委员)")
_DEPUTIES_VISIT = re.compile(r"走进|莅临|邀请|视察|参观|考察|调研|观摩|旁听")
#: a role they are given (邀请22名人大代表为特邀调解员): recruits, not visitors
_DEPUTIES_ROLE = re.compile(r"调解|特邀|担任|聘为|作为|兼任")
#: meetings held (召开党组会议3次)
_MEETING = re.compile(
    r"(?:召开|举行|举办)[^，,。；;]{0,10}?(?:会议|座谈会|推进会|例会|党组会|联席会)"
)
#: one person's career (他从事审判工作28年)
_CAREER = re.compile(
    r"从事[^，,。；;]{0,8}?工作(?:\d+|[一二三四五六七八九十]+)年|参加工作以来|从警|从业"
    # (each alternative opens on a character, not a look-behind: the search skips to them)
    r"|他(?<!其他)(?![们人])|她(?<!其她)(?![们人])"
)
_COURT_NOUN = re.compile(r"(?:人民|派出|基层)?(?:法院|法庭)")
#: a verb of being spread over places right before the figure (分布了85个法庭, 遍布全国40多个城市)
#: says where things lie, not what was done (…遍布各乡镇的64个中心: a modifier, counted)
#: what courts counted right before have (…法庭配备46名法官, …法院下设法庭64个)
_COURTS_HAVING = re.compile(
    r"(?:共|均|都|各|还|也|共计)?(?:现有|共有|拥有|设有|下设|内设|配有|配备有|配备(?!了))"
)
#: what may stand before the courts that are a clause's subject: a scope (全市, 其余), no verb
#: or preposition that would make them an object (为12个法庭配备…)
_SUBJECT_SCOPE = re.compile(
    r"(?:全[市省区县州国]|其余|其他|辖区内?|[\u4e00-\u9fff]{2,4}[省市县区])?"
)
_SPREAD_BEFORE = re.compile(r"(?:分布|遍布|散布|星罗棋布)[^，,。；;的]*$")
#: the parts of a total that follow it (其中12家, 12家达到)
_PARTS_AFTER = re.compile(r"其中|\d+家|[一二两三四五六七八九十]+家")
#: how a team is made up (由1名法官、2名法官助理组成)
_MADE_UP = re.compile(r"由[^，,。；;]{0,30}(?:组成|构成|主持|带队|率队|召集)|汇集|汇聚|集聚|聚集")
#: one event (本次培训共120人): its attendance is no result
_ONE_EVENT = re.compile(r"(?:本次|此次|这次|该次|当天|当日|现场)")
#: a vague amount (数十家, 上百名, 十几个)
_VAGUE_BEFORE = re.compile(r"(?:数|几|上|好|成)$")
#: items of a plan or a document (10项措施, 三个方面, 23条意见): its contents, not results
_ITEMS_AFTER = re.compile(
    r"^(?:具体|重点|主要|工作|务实|创新|硬核|便民|惠企|综合|改革|试点|经验){0,4}"
    r"(?:措施|举措|意见|方面|任务|要求|原则|规定|"
    r"机制|制度|重点工作|工作重点|工作任务|内容|环节|步骤|目标|条款|方针|承诺|清单|做法|板块|专题)"
    r"(?!文件)"
)
_ITEMS_BEFORE = re.compile(r"(?:措施|举措|意见|规定|要求|任务|条款|承诺)$")
#: an article of a law (民事诉讼法122条)
_LAW_BEFORE = re.compile(r"(?:法|条例|规定|解释|规则|办法|》)$")
#: a norm or a target bound (不少于100件, 至少配备2名)
_NORM_BEFORE = re.compile(r"不少于|不低于|不超过|不多于|至少|最少|最多|只需|只要|仅需|承诺")
#: a deadline or a time counted in a unit the scan reads as 个 (7个工作日内, 5个小时)
_TIME_AFTER = re.compile(
    r"^(?:工作日|自然日|小时|钟头|星期|礼拜|季度|年度?|日夜|昼夜|白天|夜晚|晚上)"
)
#: a date ahead that the figure is a target for (到2025年底，建成20个); not the year a change
#: reached its level (从2023年的320件上升到2024年的560件) nor the end of a span (从2022年到2024年)
_BY_DATE = re.compile(
    # (到 first, the look-behinds after it: the search skips to each 到 instead of testing them
    # at every character)
    r"到(?<![升长加高提降少短缩达]到)(?<!从\d{4}年到)(?<!从\d{4}到)(?:19|20)\d{2}年(?:底|末)?[，,]?"
)
_DONE = re.compile(r"已|累计|共计?|实现|截至")
#: each X (每名法官, 每月开展2次): a norm or a schedule, near the figure
_EACH = re.compile(r"每(?!万)")
#: a plan in the future (将新建3个, 将于年底前建成)
_FUTURE_BEFORE = re.compile(
    r"(?<![一两三四五六七八九十\d])将(?:于|要|在|会|陆续|逐步|进一步|再|新建|建成|建设|设立|开展|实现|达到|完成|增加|扩大|覆盖|投入|力争|突破|超过)"
)
#: a figure that only introduces what follows (全院85名干警中，…)
_INTRODUCES_AFTER = re.compile(r"^[\u4e00-\u9fff“”、]{0,12}?(?:中|当中|之中)$")
#: a duration is a result when it says how long the work took (平均审理周期, 仅用, 缩短)
_DURATION_RESULT = re.compile(
    r"平均|周期|用时|时长|天数|时间|时限|缩短|缩减|减少|压缩|降低|提速|仅用|只用|用了|耗时|最快|最短|"
    r"记录|审结|办结|结案|执结|审理|办理|化解|调解|提前|节约|节省"
)
#: an event's length, not work done (活动为期3天, 持续3天)
_EVENT_LENGTH = re.compile(r"为期|持续|历时|长达|时隔|相隔|间隔|距今|之久")
#: a time reference, not a duration of work (前10个月, 3个月后)
_TIME_REF_AFTER = re.compile(r"^(?:以来|来|后|之后|以后|前|之前|以前|里|中|期间|左右)")
#: one dispute's money (借款5万元, 判决赔偿3.5万元, 被告当场支付2万元)
_DISPUTE_MONEY = re.compile(
    r"借款|欠款|货款|工程款|租金|工资|报酬|赔偿|补偿|损失|标的|诉请|请求|判令|判决|支付|拖欠|骗取|"
    r"诈骗|非法|违约金|利息|赃款|价值|本金|彩礼|抚养费|赡养费"
)
#: a case named by its amount (3488万元股权转让执行案件, 500万元借款纠纷)
_CASE_OF_AMOUNT = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:案件|一案|纠纷)(?![0-9一二两三四五六七八九十])"
)
#: many cases' money (执行到位, 挽回, 追回, 累计): a result
_AGGREGATE_MONEY = re.compile(
    r"累计|全年|今年|以来|年来|挽回|执行到位|到位|兑现|追回|追讨|追缴|发放|节约|节省|"
    r"争取|减免|缓交|化解|调解|涉案金额|标的额|案件|标的总额|收案标的|受理标的"
)
#: the parties of one dispute in the sentence
_ONE_DISPUTE = re.compile(r"原告|被告|当事人|申请人|被执行人|双方|一方|某|该案|本案|此案|当场|当庭")
_TARGET = re.compile(r"要求|目标|任务")
#: Chinese numerals count only with these units (两家, 交流两人, 四次, 十个案例)
_CN_UOMS = frozenset(["家", "人", "次", "名", "件", "位", "起", "场", "批", "笔", "份", "个"])
_ABSTRACT_AFTER = re.compile(
    r"^(?:维度|方面|要求|目标|重点|环节|机制|任务|原则|效果|层面|阶段|方阵|一体|工程|行动|品牌|领域|"
    r"问题|关键|抓手|导向|体系|理念|意识|能力|作用|统一|步骤|规定|标准|字|点|措施|举措|做法|经验|"
    r"内容|方式|途径|渠道|板块|类|维护|确立|自信|全面|务必|必须|表率|到位|优先|聚焦|强化|突出|注重|"
    r"转变|定位|结合|统筹|服务(?!站|中心|点|窗口|平台|队|团))"
)
_QUALIFIER = {
    "将近": "近",
    "接近": "近",
    "近": "近",
    "约": "约",
    "大约": "约",
    "超过": "超",
    "超": "超",
    "逾": "超",
    "余": "余",
    "多": "多",
    "不到": "不到",
    "少于": "少于",
    "不足": "不足",
}
_UP = re.compile(r"上升|增长|提升|提高|增加|增幅|上涨")
_DOWN = re.compile(r"下降|减少|降低|缩减|缩短|降幅|回落|下滑")
#: a year as a period names it (2023年, 今年, 去年)
_PERIOD_YEAR = r"(?:(?:19|20)\d{2}年|今年|去年|前年|上年)"
_PERIOD = re.compile(
    # lets the scan skip characters no period starts with (the first character of every
    # alternative below: the lookahead covers them all)
    r"(?=[截自今去前第上下年以近每过最两\d一二三四五六七八九十])(?:"
    # a span of days (2019年1月1日至2020年4月25日, 今年8月31日至12月15日) and a day, a year's
    # end or now that a count runs up to (截至2025年3月16日, 截至去年底, 截至目前)
    rf"(?:{_PERIOD_YEAR}?\d{{1,2}}月\d{{1,2}}日(?:至|到|—|－|-|~)"
    rf"{_PERIOD_YEAR}?(?:\d{{1,2}}月)?\d{{1,2}}日"
    rf"|(?:截至|截止到?){_PERIOD_YEAR}?\d{{1,2}}月\d{{1,2}}日"
    rf"|(?:截至|截止到?){_PERIOD_YEAR}(?:底|末)|(?:截至|截止到?)(?:目前|当前|现在))"
    r"|(?:截至|截止到?|自)?(?:(?:19|20)\d{2}年|今年|去年|前年)?"
    r"(?:第?[一二三四]季度|[上下]半年|\d{1,2}(?:[-—~至到]\d{1,2})?月(?:底|末|初|份)?(?:至|到|-)\d{1,2}月(?:底|末)?"
    r"|\d{1,2}(?:[-—~至到]\d{1,2})?月(?:底|末|初|份)?|[一二三四五六七八九十]{1,2}(?:至|到)[一二三四五六七八九十]{1,3}月(?:底|末|份)?"
    r"|年初以来|以来)"
    # (10年来首次回落: when a change first came, not the period of what follows)
    r"|(?:19|20)\d{2}年度?(?![\d月])|今年以来|[一二三四五六七八九十\d]+年来(?!首次|第一次|首|最)"
    r"|(?:近|过去)[一二三四五\d]年|每月|每年|每周"
    # a span of months (，近3个月…, 三个月来, 3个月以来): a one-month period named before is
    # not it (由近6个月缩短至2个月 is a figure)
    r"|(?<![\u4e00-\u9fff])(?:近|过去|最近)[一二三四五六七八九十两\d]+个多?月(?:来|以来|里|间)?"
    r"|[一二三四五六七八九十两\d]+个多?月(?:以来|来|里|间))"
)
#: a part of a year named without its year (一季度, 上半年, 一至三月, 1-3月)
_YEARLESS_PART = re.compile(
    r"第?[一二三四]季度|[上下]半年|\d{1,2}[-—~至到]\d{1,2}月(?:底|末|份)?"
    r"|[一二三四五六七八九十]{1,2}(?:至|到)[一二三四五六七八九十]{1,3}月(?:底|末|份)?"
)
_UP_TO = re.compile("截至|截止到?")
_NOW = re.compile("目前|当前|现在")
#: a year a sentence names (2023年, 去年)
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}年|今年|去年|前年")
_THIS_YEAR = re.compile(r"今年|本年|当年")
#: a bare year word a sentence dates itself by (去年，该院…; not 较去年, 去年同期, 去年底)
_OWN_YEAR = re.compile(
    r"(?<![较比与和同])(?:今年|去年|前年|本年)(?!同期|以来|[上下]半年|[底末初]|\d|第?[一二三四]季度)"
)
#: a month right after a year (2025年1月1日): the paragraph dates days in that year
_MONTH = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月")
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|共|累计|已|均|全年|目前|当前|截至目前|先后|总计|合计|共计|今年|去年|"
    r"当年|同期|全[市省区县国]|全地区|并|通过|(?:现|共|拥)?有(?![效序力关利益]))+"
)
_TAIL = re.compile(
    r"(?:达到|高达|达|为|共|累计|已|约|近|超过|超|逾|分别|仅用|了|仅|长期|持续|保持|稳居|位居|"
    r"(?<=[率量数])[高低]|(?<=[增降]幅)(?:由|从)|"
    r"(?:缩短|降低|减少|下降|提升|提高|上升|增长|增加|[降升增减])(?:至|到))+$"
)
#: a count per 10,000 people after the unit (52.13件/万人), the measure of 万人成讼率
_PER_10K_PEOPLE = re.compile(r"[/／]万人")
#: the same written before the figure (万人起诉率降至每万人7.6件): the unit's, not the label's
_PER_10K_BEFORE = re.compile(r"每万(?:人口?|常住人口|名群众)$")
_COUNT_UOMS = frozenset(
    [
        "件",
        "案",
        "名",
        "家",
        "个",
        "项",
        "条",
        "次",
        "份",
        "笔",
        "人",
        "场",
        "起",
        "批",
        "篇",
        "部",
        "户",
        "位",
        "艘",
        "间",
        "人次",
        "件次",
        "场次",
    ]
)


@dataclass(frozen=True)
class OutcomeHit:
    start: int  # the figure's offsets
    end: int
    value: float
    unit_of_measure: str
    metric: str
    text_start: int  # the clause quoted as the outcome's text
    text_end: int
    qualifier: str | None = None
    direction: str | None = None
    period: str | None = None  # the period expression as written (截至今年4月底)
    rule: str = ""  # which path found it (outcome:count, outcome:rate, ...; ingest.confidence)


def _with_metric(h: OutcomeHit, metric: str) -> OutcomeHit:
    """`h` with `metric` (`h` itself when that is its metric already: most labels stay, and
    a frozen dataclass's copy is slow)."""
    return h if metric == h.metric else replace(h, metric=metric)


def _spans(pattern: re.Pattern[str], text: str, limit: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text, 0, limit)]


def _ends_in(text: str, word: str) -> bool:
    """Whether `text` ends in `word` where a pattern's `$` reads it (also before a last line
    break): a pattern that ends in `word` and `$` matches no text that does not."""
    return text.endswith(word) or text.endswith(word + "\n")


def _scan(pattern: re.Pattern[str], text: str, limit: int, word: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, 0, limit)`, not run over a text without `word` (which every match
    of `pattern` holds): most texts have no 一半 or 百分之, and the scan reads every character."""
    return pattern.finditer(text, 0, limit) if word in text else iter(())


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos is inside one of the sorted, non-overlapping spans."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_CLAUSE_PUNCT = re.compile("[" + re.escape(CLAUSE_PUNCT) + "]")


class _Bounds:
    """Sentence and line boundaries and period expressions of one text, for fast look-ups."""

    def __init__(self, text: str) -> None:
        self.n = len(text)
        self.stops = [m.start() for m in re.finditer("[。！!？?\n]", text)]
        self.puncts = [m.start() for m in _CLAUSE_PUNCT.finditer(text)]
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.text = text
        periods = list(_PERIOD.finditer(text))
        self.period_starts = [m.start() for m in periods]
        self.periods = periods

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause (between clause punctuation) around text[start:end]."""
        i = bisect.bisect_left(self.puncts, start)
        a = self.puncts[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.puncts, end)
        b = self.puncts[j] if j < len(self.puncts) else self.n
        return a, b

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.stops, pos)
        a = self.stops[i - 1] + 1 if i > 0 else 0
        b = self.stops[i] if i < len(self.stops) else self.n
        return a, b

    def period(self, pos: int) -> str | None:
        """The last period expression that ends before `pos` in its line; a quarter, half or
        span of months without a year takes the nearest year its sentence names before it
        (2023年，…，其中一季度受理1300件: 2023年一季度)."""
        i = bisect.bisect_left(self.breaks, pos)
        line_start = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.period_starts, pos) - 1
        while j >= 0 and self.period_starts[j] >= line_start:
            m = self.periods[j]
            if m.end() <= pos:
                expr = m.group(0)
                s_start = self.sentence(pos)[0]
                if _NOW.search(expr) and m.start() < s_start:
                    return None  # 截至目前，…N件。元旦前夕，…: "so far" dates its own sentence
                if m.start() < s_start and _OWN_YEAR.search(self.text, s_start, pos):
                    return None  # 今年以来，…。去年，该院结案…: the sentence names its own year
                if _YEARLESS_PART.fullmatch(expr):
                    s_start = self.sentence(m.start())[0]
                    years = _YEAR_WORD.findall(self.text, s_start, m.start())
                    if years:
                        return years[-1] + expr
                elif "日" in expr and not _YEAR_WORD.search(expr):
                    # 2025年1月1日至3月25日，…。截至3月16日，…: a day's year from its paragraph,
                    # when the paragraph dates days in that year (2023年，…结案2万件 is a whole
                    # year's total: a later 截至3月16日 is the next year's) and the figure's
                    # sentence does not name its own (截至1月15日，该院今年…)
                    years = list(_YEAR_WORD.finditer(self.text, line_start, m.start()))
                    own = _THIS_YEAR.search(self.text, m.end(), self.sentence(pos)[1])
                    if years and own is None and _MONTH.match(self.text, years[-1].end()):
                        lead = _UP_TO.match(expr)
                        cut = lead.end() if lead else 0
                        return expr[:cut] + years[-1].group() + expr[cut:]
                return expr
            j -= 1
        return None


#: the court that reports the figure, at the head of the clause (江都区人民法院成立了…)
_SUBJECT = re.compile(
    r"^(?:我院|该院|本院|全院|(?:全[市省区县国]|两级|各级|基层)法院|"
    r"[^，,。；;在对向与和为的“”「」]{1,12}?(?:人民法院|法院|人民法庭|法庭|中院|高院))"
)
#: a subject that holds a verb is a clause, not a court (全省共建成共享法庭)
_SUBJECT_VERB = re.compile(r"建成|设立|成立|组建|开展|推行|引入|打造|创建|建设|挂牌|获评")
#: a list of places or bodies before the verb (与上海、福建等多地法院累计跨域立案)
_LIST_PREFIX = re.compile(
    r"^[^，,]*?等(?:多地|多家|各)?(?:地|单位|部门|方式|形式|途径|渠道|平台|场所|法院|机构|组织)"
)
#: a partner, a means or a place before the verb (向县妇联发送, 对甲法院常态化指导, 在甲中心引入)
_ADVERBIAL = re.compile(
    r"^(?:对|向|与|为|在|以)[^，,]{1,16}?(?:整体)?(?=开展|进行|发送|发出|建立|常态化|帮助|指导|提供|"
    r"走访|实施|推送|移送|委派|引入|设立|设置|配置|组建|成立|推行|选派|派驻)"
)


def _scores(text: str, limit: int) -> list[re.Match[str]]:
    """Scores, found from the 分 after them (a scan for every figure would be slow)."""
    out = []
    i = text.find("分", 0, limit)
    while i >= 0:
        if i and text[i - 1] in "0123456789 ":
            m = _SCORE.search(text, max(0, i - 14), i + 1)
            if m and m.end() == i + 1:
                out.append(m)
        i = text.find("分", i + 1, limit)
    return out


#: a score (质效得分84.5分)
_SCORE = re.compile(r"(?P<pre>将近|接近|近|约|超过|超|逾|达到|达)?(?P<num>\d+(?:\.\d+)?) ?分")
_NOT_A_SCORE_AFTER = re.compile(r"[钟之别期批局院庭类层流段支区行公数值项]")
#: what a score measures: an assessment
_SCORE_CONTEXT = re.compile(r"得分|评分|分值|质效|考核|测评|评估|指数|成绩|满意度|综合")
#: counted units and what they did (法院步入全省第一方阵, 家获评示范法庭)
_ACTED = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{0,8}?(?:[（(][\u4e00-\u9fff、]{1,6}[）)])?)(?:均|全部|都|已|先后|相继)?"
    r"(?P<verb>(?:步入|进入|位列|获评|获得|荣获|入选|达到|实现|受到|通过|完成|建成|被评为|被确定为|"
    r"参与|到岗|返岗|加入|建立了?|设立了?|开通了?|配备了?)[^，,。；;]{0,14})$"
)
#: how a change went (稳步提升到, 进一步缩短至): shared by a bare verb's label and a from-to change
_CHANGE_ADVERBS = r"(?:迅猛|大幅|稳步|持续|显著|明显|逐年|快速|进一步|不断){0,2}"
#: (the verb may have been cut as the label's tail already: 稳步|提升到)
_VERB_ONLY = re.compile(
    r"(?=.)"
    + _CHANGE_ADVERBS
    + r"(?:(?:下降|上升|降低|提升|提高|增长|增加|减少|缩短)了?(?:至|到)?|[降增升减]了?(?:至|到))?"
)
_ATTRIBUTE_AFTER = re.compile(r"平均|时长|用时|同比|环比|占比|[，,]")
_QUOTED_HEAD = re.compile(r"^“[^”]{1,12}”")
_SCOPE_ONLY = re.compile(r"全[市省区县国]|全地区|辖区内?")
_LIST_SEP = re.compile("[、和及与]")
#: a verb of the 把 construction that says what the counted were brought into
_BRING = re.compile(r"纳入|加入|编入|吸纳|派驻|下沉|充实|调整|聘为|选聘为|嵌入|融入")
#: a year's figure written 2023年的22.9% (由…的, 下降至…的): the words around it are no label
_YEAR_OF = re.compile(r"(?:(?:19|20)\d{2}年|今年|去年|同期)的$")
_NOUN_AFTER = re.compile(r"[“”\s]*([\u4e00-\u9fff]{1,10})")
#: where a counted noun ends: a particle or the verb of what the counted things did
_NOUN_STOP = re.compile(
    r"[的和及与并等均已共被将把向从让使由以到在为]|分别|全部|获评|获得|参加|参与|进入|进行|开展|"
    r"办理|建立|设立|设置|提升|提高|推进|加入|实现|达到|受到|完成|入选|成立|组建"
)
#: a list the figure sums up (立案登记、材料收转等10个窗口): the label needs only its noun
_LISTED = re.compile(r"[^，,、]*(?:、[^、，,]*)+等$")
_UP_TAIL = re.compile(r"(?:同比|环比)?(?:上升|增长|提升|提高|增加|上涨)(?P<to>了|到|至)?$")
_DOWN_TAIL = re.compile(r"(?:同比|环比)?(?:下降|减少|降低|回落|下滑)(?P<to>了|到|至)?$")
_BARE = re.compile(r"^(?:同比|环比|较|比)")
_COMPLETE_METRIC = re.compile(r"(?:率|数|量|额|期|长|比)$")


def _label_change(before: str, uom: str, direction: str | None) -> str:
    """结案量同比上升 (%) -> 结案量同比增幅: the direction is a word of the label."""
    if uom not in ("%", "个百分点") or not direction:
        return before
    m = (_UP_TAIL if direction == "up" else _DOWN_TAIL).search(before)
    if not m:
        return before
    if m.group("to") in ("到", "至"):
        return before[: m.start()]  # 结案率提高到99.4%: the level, not the change
    word = "增幅" if direction == "up" else "降幅"
    head = before[: m.start()]
    if m.group(0).startswith(("同比", "环比")):
        head += m.group(0)[:2]
    return head + word


_HAN_WORD = re.compile("[\u4e00-\u9fff]+")
#: a figure of a list (37.96天、) and the head of the list before its figures (甲、乙…为)
_LISTED_FIGURE = re.compile(r"[\d.]+(?:%|[\u4e00-\u9fff]{1,2})?[、和]")
_LISTED_HEAD = re.compile(
    r"(?P<head>[^\d，,。；;：:]+?)(?P<verb>均为|为|达到|达|是)(?P<prev>(?:[\d.]+(?:%|[\u4e00-\u9fff]{1,2})?[、和])*)$"
)
_LISTED_MORE = re.compile(r"(?:[、和][\d.]+(?:%|[\u4e00-\u9fff]{1,2})?(?=[、和，,。；;]|$))+")


def _respective(before: str) -> str:
    """甲率和乙率分别提高到90%和: the item this figure stands for; 一审、二审案件审理周期分别
    为…: the item with the words the items share (一审案件审理周期)."""
    i = before.find("分别")
    if i < 0:
        return before
    head, rest = before[:i], before[i + 2 :]
    verb = re.split(r"[\d一二三四五六七八九十]", rest, maxsplit=1)[0]
    idx = len(NUMERAL.findall(rest))
    items = [x for x in re.split("和|、|及|与", head) if x]
    if len(items) > idx and all(_COMPLETE_METRIC.search(x) for x in items):
        return items[idx] + verb
    shared = _shared_tail(items, idx)
    if shared is not None:
        return shared + verb
    return head + verb


def _shared_tail(items: list[str], idx: int) -> str | None:
    """Item `idx` of a list whose items share the words after the last one (一审、二审案件平均
    审理周期 -> 一审案件平均审理周期, 二审案件平均审理周期): the short items are as long as the
    last one's first word, which they share a character with where there are only two
    (一审/二审, not 法官/书记员…); None where the items do not read so."""
    n = len(items)
    if n < 2 or idx >= n:
        return None
    if n > 2:
        size = len(items[1])
        if any(len(x) != size for x in items[1:-1]) or len(items[0]) < size:
            return None
    else:
        size = 2
    if len(items[0]) < size:
        return None
    first, last = items[0][-size:], items[-1][:size]
    if size > 4 or len(items[-1]) < size + 1 or not _HAN_WORD.fullmatch(first + last):
        return None
    if n == 2 and not any(a == b for a, b in zip(first, last, strict=True)):
        return None
    if first == last or items[-1].startswith(items[0]):
        return None  # 调解、调解成功率; 法官、法官助理人数: a word and a longer one, no shared tail
    prefix, tail = items[0][:-size], items[-1][size:]
    word = first if idx == 0 else last if idx == n - 1 else items[idx]
    return prefix + word + tail


def _listed(text: str, c_start: int, num_start: int, end: int, c_end: int) -> str | None:
    """The label of a figure in a list of figures after one list of items, without 分别
    (一审、二审案件平均审理周期为37.96天、35.81天): the item it stands for, with the words the
    items share."""
    m = _LISTED_HEAD.match(text, c_start, num_start)
    if m is None:
        return None
    idx = len(_LISTED_FIGURE.findall(m.group("prev")))
    more = _LISTED_MORE.match(text, end, c_end)
    n = idx + 1 + (len(re.findall(r"[、和][\d.]", more.group(0))) if more else 0)
    items = [x for x in re.split("和|、|及|与", m.group("head")) if x]
    if n < 2 or len(items) != n:
        return None
    label = _shared_tail(items, idx)
    return None if label is None else label + m.group("verb")


def _metric(
    text: str, c_start: int, num_start: int, end: int, c_end: int, uom: str, direction: str | None
) -> str:
    """A label for the figure in words a reader understands: the clause's words before the
    figure without period, court name, connectives and earlier figures, or the noun the
    figure counts."""
    before = _respective(text[c_start:num_start])
    listed = None if "分别" in before else _listed(text, c_start, num_start, end, c_end)
    if listed is not None:
        before = listed
    earlier = list(_QTY.finditer(before))
    among = ""
    if earlier and not uom and _RANKED_AMONG.match(before, earlier[-1].end()):
        # 结案数在全省17个中级法院中位居第5: the size of the set ranked in, not a figure
        before = before[: earlier[-1].start()] + before[earlier[-1].end() :]
    elif earlier:  # 设置工作站8个、工作室26个: the words after the figure before
        before = re.split("[、和及与]", before[earlier[-1].end() :], maxsplit=1)[-1]
        part = _AMONG.fullmatch(before) if uom in _COUNT_UOMS else None
        if part:  # 23个法庭中已有18个建成…: the part of the set named before that did it
            among, before = part.group("noun"), ""
    elif uom in _COUNT_UOMS and before.endswith("有") and (part := _AMONG.fullmatch(before)):
        among, before = part.group("noun"), ""  # 化解的纠纷中有1200件为…
    # (the patterns anchored at the end are tried only where the text ends as they must: a
    # search for them tries every character)
    dated = _YEAR_OF.search(before) if _ends_in(before, "的") else None
    if dated:
        before = _YEAR_OF.sub("", before)
    if dated and len(before) > 2 and before[-1] in "从由":
        before = before[:-1]  # 收案数从2022年的1200件…: the start of a change
    before = _PERIOD.sub("", before)
    for _ in range(2):
        subject = _SUBJECT.match(before)
        if subject and subject.end() < len(before) and not _SUBJECT_VERB.search(subject.group(0)):
            before = before[subject.end() :]
            # 甲人民法庭和乙法庭审结案件: the second of two courts joined
            joined = _SUBJECT.match(before[1:]) if before[:1] in "和与及、" else None
            if joined and len(before) - 1 - joined.end() >= 2:
                before = before[1 + joined.end() :]
        before = _LEAD.sub("", before)
        for prefix, cue in (
            (_LIST_PREFIX, "等" in before),
            (_ADVERBIAL, before[:1] in "对向与为在以"),
        ):
            cut = prefix.match(before) if cue else None
            if cut and len(before) - cut.end() >= 2:
                before = _LEAD.sub("", before[cut.end() :])
    if before.endswith("的") and uom in _COUNT_UOMS:
        if _DONE_VERB.fullmatch(before[:-1]) and (
            _AMONG_AFTER.match(text, end, c_end) or _SET_END.search(text, end, c_end)
        ):
            before = before[:-1]  # 审结的560件案件中有…: what was done to the set, 审结案件数
        else:
            before = ""  # 遍布各乡镇的64个“四型”中心: a modifier, the noun follows the figure
    if "、" in before and _ends_in(before, "等"):
        before = _LISTED.sub("", before)
    before = _TAIL.sub("", before).strip("，,、 “”")
    before = _INNER_TOTAL.sub("", before)  # 调解中心共调解成功案件 -> 调解中心调解成功案件
    if _VERB_ONLY.fullmatch(before):
        before = ""  # …下降至2024年的0.9%: the measure is named before
    if text[max(c_start, num_start - 1) : num_start] in ("将", "把"):
        # 将167名干部纳入调解人才库: what the counted were brought into
        verb = _BRING.search(text, end, c_end)
        if verb:
            label = text[verb.start() : c_end]
            return label + ("人数" if uom in ("名", "人", "位") else "数")
    after = text[end:c_end]
    # (3名人民调解员和4个团队: the noun ends before the joining word of the next figure)
    nxt = re.search(r"(?:、|和|及|与|以及)[\d一二三四五六七八九十]|[\d]", after)
    if nxt:
        after = after[: nxt.start()]
    if uom in _COUNT_UOMS:
        # 近7万件在线调解案件平均时长仅22天: the count is of the noun, not its attribute
        after = _ATTRIBUTE_AFTER.split(after, maxsplit=1)[0]
        if end + len(after) == c_end:
            after = _SET_END.sub("", after)  # 受理的1200件案件中，…: the cases, not 案件中
        elif nxt and (part := _AMONG.fullmatch(after)):
            after = part.group("noun")  # 受理的1200件案件中有800件…: the cases
        if after.startswith("“"):
            after = _QUOTED_HEAD.sub(lambda q: q.group(0)[1:-1], after)
    subject = _SUBJECT.fullmatch(before) or _SCOPE_ONLY.fullmatch(before)
    locus = _LOCUS_LABEL.search(before)
    if locus and (
        locus.start() == 0
        or _SUBJECT.fullmatch(before, 0, locus.start())
        or _COURT_NOUN.fullmatch(before, 0, locus.start())
    ):
        partner = before[locus.start()] == "与"
        done = _LOCUS_DID.match(after.replace("“", "").replace("”", ""))
        if not partner:
            before = ""  # 法庭在全镇21个村设立共享法庭: the places counted by what was done there
        if done and uom in _COUNT_UOMS:
            # (与全区57个街道乡镇建立了联系: the partners, by what was made with them)
            did = done.group("did")
            did = did[:2] + did[3:] if did[2:3] == "了" else did
            return f"{did}的{done.group('noun')}数"
    if len(before) < 2 or (subject and not _SUBJECT_VERB.search(before)):
        if after.startswith("的时间") and uom in ("天", "个月", "小时", "日"):
            return "用时"
        acted = _ACTED.match(after.strip("“” ")) if uom in _COUNT_UOMS else None
        if acted:
            # 4家法院步入全省第一方阵 -> 步入全省第一方阵的法院数
            did = acted.group("verb").replace("“", "").replace("”", "")
            did = did[:2] + did[3:] if did[2:3] == "了" else did
            noun = acted.group("noun") or among
            return f"{did}的{noun}数" if noun else f"{did}数"
        if among:
            # 12个法庭中有9个 (已…): the part, named by its own noun or by the set's
            part_noun = _TAIL.sub("", after.strip("，,、 “”").lstrip("为是系属"))
            return part_noun + "数" if part_noun else among + "数"
        before = (before + after).strip("，,、 “”")
    elif uom in _COUNT_UOMS and not re.search(r"(?:案件|纠纷|[数量率])$", before):
        m = _NOUN_AFTER.match(after)
        noun = _NOUN_STOP.split(m.group(1))[0] if m else ""
        if not noun.startswith(("因", "由", "对", "向", "从", "为")):
            before += noun
    before = _label_change(before, uom, direction)
    lead = _LABEL_LEAD.match(before)
    if lead and len(before) - lead.end() >= 2:
        before = before[lead.end() :]  # 与20名人大代表…: 人大代表, 这9名调解能手: 调解能手
    if uom == "%" and "占" in before and before.endswith("的"):
        before = before[:-1] + "比例"  # 占新收案件的46%: 占新收案件比例
    if uom in ("人次", "件次", "场次") and before and not before.endswith(uom):
        before += uom
    elif uom in _COUNT_UOMS and before and not re.search(r"[数量率]$", before):
        before += "数"
    elif uom == "亩" and before and not before.endswith("面积"):
        before += "面积"
    return before.replace("“", "").replace("”", "")


#: the set a rank is among, after its size (17个中级法院中均位居)
_RANKED_AMONG = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:之中|当中|中)(?:均|都|仍)?[\u4e00-\u9fff]{0,4}$"
)
#: the set a part of it is counted in (人民法庭中已有, 村（社区）中有): after the set's figure
_AMONG_TEXT = (
    r"(?P<noun>[\u4e00-\u9fff“”（）()、]{1,14}?)(?:之中|当中|中)(?:已经?|共|均|还|仍|就)?有?"
)
_AMONG = re.compile(_AMONG_TEXT)
#: a set a part of which is counted right after it, in the same clause (23个法庭中已有18个)
_AMONG_AFTER = re.compile(_AMONG_TEXT + r"(?:\d|[一二两三四五六七八九十])")
#: a scope the set belongs to (全市, 辖区内, 全县法院的)
_SCOPE = re.compile(r"在?(?:全[市省区县镇乡国]|全地区|辖区内?|县域|市域)?(?:法院)?的?")
#: a sign before a change (+12.0%, -3.65%, ↑12%)
_SIGN_UP = "+＋↑"
_SIGN_MINUS = "-－−"
_SIGNS = _SIGN_UP + _SIGN_MINUS + "↓"
#: a figure of a row right before a signed change (38场 +12.0%); a minus needs the gap, so that
#: a range (5%-8%) is not read as a change
_SIGN_AFTER_FIGURE = re.compile(r"\d(?:" + _UOM + r")?(?P<gap>[ \t\u3000\u00a0]*)$")
#: words of a change before its sign (同比增长-3.65%, 同比+5.2%, 变化幅度为-3%)
_CHANGE_WORDS = "增长|上升|提高|增加|增幅|增减|变化|变动"
_SIGN_AFTER_GROWTH = re.compile(
    rf"(?:(?:同比|环比)(?:{_CHANGE_WORDS})?|(?:{_CHANGE_WORDS})(?:幅度|率)?)(?:为|了|达)?[ \u3000]*$"
)
_SIGN_WORDS = re.compile(rf"(?:{_CHANGE_WORDS}|降幅)?(?:幅度|率)?(?:为|了|达)?$")
#: a court's work done to a set of cases (审结的560件案件中)
_DONE_VERB = re.compile(r"(?:依法)?(?:受理|审结|办结|执结|化解|调解|新收|收案|结案|审理)")
#: the end of a clause that names a set whose parts follow (…1200件案件中，)
_SET_END = re.compile(r"(?<=[\u4e00-\u9fff）)])(?:之中|当中|中)$")
#: the places where something was done (在全镇, 在辖区, 在): the count is of the places
_LOCUS_LABEL = re.compile(
    r"在(?:全[市省区县镇乡]|辖区内?|全院|县域|市域|区域)?$|与(?:全[市省区县镇乡]|辖区内?|县域|市域)?$"
)
#: what was done in the places counted (21个村（社区）设立共享法庭, 6个乡镇建成了巡回审判点)
_LOCUS_DID = re.compile(
    r"(?P<noun>[\u4e00-\u9fff、和及]{0,8}?"
    r"(?:村|社区|村居|村社|乡镇|镇|乡|街道|镇街|镇区|片区|园区|开发区|网格|学校|企业|单位|部门|"
    r"法庭|法院|中心|站|点|所)"
    r"(?:[（(][\u4e00-\u9fff、]{1,6}[）)])?)(?:均|全部|都|已|先后|相继)?"
    r"(?P<did>(?:设立|建立|建设|建成|设置|成立|组建|开设|挂牌|打造|创建|开通|布设|配备|派驻|选派|"
    r"推行|开展|实现|签订|签署|对接)了?[\u4e00-\u9fff（）()、]{1,14})"
)
#: a preposition or a pointer a label does not start with (与人大代表数, 这调解专家数, 在全县村数;
#: but words that begin with 在 or 对: 在线调解, 在岗干警, 在册调解员, 对接单位, 对口帮扶村)
_LABEL_LEAD = re.compile(
    r"^(?:就有|这|与|到(?![位庭期案])|在(?![线岗编册职押建校逃审办])|对(?![接外口]))"
)


def _cut_from_tail(label: str) -> str:
    """`label` without the start of a from–to change left at its end (收案增幅由去年同期 ->
    收案增幅), unless the start names its verb or is all the label."""
    tail = FROM_TAIL.search(label)
    if tail is None or tail.group("verb") or tail.start() == 0:
        return label
    return label[: tail.start()]


def _direction(text: str, c_start: int, start: int, c_end: int) -> str | None:
    """The direction word nearest before the figure (增幅环比下降5.82个百分点 is down), else
    the first one after it."""
    found = [(m.start(), "up") for m in _UP.finditer(text, c_start, start)]
    found += [(m.start(), "down") for m in _DOWN.finditer(text, c_start, start)]
    if found:
        return max(found)[1]
    up, down = _UP.search(text, start, c_end), _DOWN.search(text, start, c_end)
    if up and (not down or up.start() < down.start()):
        return "up"
    return "down" if down else None


#: a verb that reports the level reached, not the change (提升至42%)
_TO_LEVEL = re.compile(r"(?:缩短|降低|减少|下降|提升|提高|上升|增长|增加)(?:至|到)$")


#: what a count selected for an honour or a collection names (八个案例入选…, 三个法庭获评…):
#: a result, unlike most counts written out in numerals (outcome:selected)
_SELECTED = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:案例|法庭|法院|经验|做法|项目|成果)[^，,。；;]{0,4}?(?:入选|获评|被评为)"
)
_CASES_SELECTED = re.compile(r"(?:典型)?案例[^，,。；;]{0,4}?入选")


def _rule(uom: str, direction: str | None, chinese: bool, level: bool = False) -> str:
    if uom in ("%", "个百分点"):
        changed = (direction and not level) or uom == "个百分点"
        return "outcome:change" if changed else "outcome:rate"
    if uom.endswith("元"):
        return "outcome:money"
    if uom in ("天", "日", "小时", "个月", "分钟"):
        return "outcome:duration"
    if uom == "亩":
        return "outcome:area"
    if chinese and uom == "次":
        return "outcome:count-cn-times"  # 先后四次获评: how often, apart from counted things
    return "outcome:count-cn" if chinese else "outcome:count"


def _unwrapped(text: str) -> tuple[str, list[int]]:
    """The text without page-wrap line breaks, and where they were (sorted offsets): breaks
    inside a number (3.⏎6%) and breaks inside a sentence, where the line before runs on (it
    is long, has clause punctuation and ends in a character) and the next line continues it."""
    cuts: list[int] = []
    first = len(text) - len(text.lstrip())
    title_end = text.find("\n", first)
    # a wrapped line is about as long as the page's lines; a subheading (…，组织3519名…参与调解
    # 工作) is much shorter than the paragraphs of a page that keeps one paragraph a line
    lengths = sorted(len(x) for x in text.split("\n") if x.strip())
    wrap_width = max(20, int(0.6 * lengths[len(lengths) // 2])) if lengths else 20
    line_start = 0
    i = text.find("\n")
    while 0 <= i < len(text) - 1:
        a, b = text[i - 1] if i else "", text[i + 1]
        # a number is broken in a line of words; a line of only a code, a file name or a page
        # number (20240110_221121_001⏎2023年度…) is a line of its own
        worded = _HAN.search(text, line_start, i) is not None
        if worded and a and _DIGIT.match(a) and (_DIGIT.match(b) or b in "%."):
            cuts.append(i)  # 12⏎.5%, 12⏎%
        elif worded and a == "." and i > 1 and _DIGIT.match(text[i - 2]) and _DIGIT.match(b):
            cuts.append(i)  # 12.⏎5%
        elif (
            a
            and _HAN.match(a)
            and (_HAN.match(b) or b == "“")
            and i - line_start >= wrap_width
            and _RUN_ON.search(text, line_start, i)
            and line_start > title_end  # the first line is the title
            and text[line_start] != "#"
        ):
            cuts.append(i)
        else:
            line_start = i + 1  # a wrapped line goes on after the break
        i = text.find("\n", i + 1)
    cuts.extend(_spaced_digits(text))
    if not cuts:
        return text, []
    cuts = sorted(set(cuts))
    parts = [text[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(text)], strict=True)]
    return "".join(parts), cuts


#: a number a page spaced after a word: a decimal (71. 41%) or thousands (276 214件); what
#: follows must be a measure, not a date's 年/月/日 (1. 2023年 opens a list item); one
#: thousands group only: more space-separated groups (120 135 148件) are a list of figures
_SPACED_NUMBER = re.compile(
    # (?=\d): a quick first test, cheaper than the look-behind at every character
    r"(?=\d)(?<=[\u4e00-\u9fff])(?:\d+\.(?P<dot>[ \u00a0]+)\d+|\d{1,3}[ \u00a0]\d{3})"
    r"(?![\d.,])(?![ \u00a0]?[年月日号時时])(?![ \u00a0]+\d)"
)
#: a clause of respective figures (分别为120 135件, 依次为…): spaced numbers are its list
_RESPECTIVE_CLAUSE = re.compile(r"(?:分别|依次)[^，,。；;！？\n]*$")


def _spaced_digits(text: str) -> list[int]:
    """Offsets of the spaces inside numbers a page spaced out (达71. 41%, 受理案件276 214件)."""
    return [
        m.start() + k
        for m in _SPACED_NUMBER.finditer(text)
        if m.group("dot") or not _RESPECTIVE_CLAUSE.search(text, max(0, m.start() - 40), m.start())
        for k, c in enumerate(m.group())
        if c in " \u00a0"
    ]


_RUN_ON = re.compile("[，、]")
_DIGIT = re.compile(r"\d")
_HAN = re.compile("[\u4e00-\u9fff]")


_PAIR = re.compile("[一二两三四五六七八九]{2}")
_RANGE_BEFORE = re.compile(r"(?:\d|[一二两三四五六七八九十])(?:至|到|-|~|－|—)$")
#: the ends of a range (上浮9.04%-34.84%, 标的额从9元到6000万元不等): a spread, not a result;
#: the low end's unit is repeated after the dash (not 80件 -3.0%, a signed change)
_RANGE_DASH_AFTER = re.compile(r"[-－—–~～]\s?\d[\d.,]*\s?")
_RANGE_SPREAD_AFTER = re.compile(r"(?:(?:到|至)\s?\d[^，,。；;]*?)?的?(?:不等|都有|之间)")
_RANGE_FROM_BEFORE = re.compile(r"从[^，,。；;]{0,12}?\d[^，,。；;]{0,3}?(?:到|至)$")
#: who lives or does business in a place (企业, 业主, 牧民): a population, not what was done
_RESIDENT_NOUN = re.compile(
    r"企业|公司|商户|个体户|业主|居民|村民|农户|牧民|渔民|农民|群众|住户|金融机构|市场主体"
)
_RESIDING_AFTER = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:生活|居住|聚居|世居|定居)(?:在|于)")
#: the base of a comparison, named with 的 (高于去年同期的, 相较于初始的): what the result is
#: measured against (远低于全市的均值 keeps no 的 before a figure the text reports)
_BASELINE_BEFORE = re.compile(r"(?:相较于?|相比于?|比起|高于|低于)[^，,。；;]{0,20}的$")
#: a profile of staff by schooling or age (本科以上学历, 35岁以下, “90后”)
_PROFILE = re.compile(
    r"学历|学位|本科|硕士|博士|研究生|大专|中专|\d0后|[5-9]5后|[七八九]零后|岁以[下上]|岁及以[下上]|平均年龄"
)
#: an awarding body conferring a title on a set (授予…等40个单位, 追授…等4名同志)
_CONFERRING = re.compile(r"(?<!被)(?:授予|追授)")
#: the members of a mechanism (27个成员单位, 33个部门为成员单位的领导小组): its make-up
_MEMBERS_AFTER = re.compile(r"[^，,。；;]{0,8}?成员单位")
#: places or sectors a service's reach is told in (覆盖7个镇街, 覆盖甲、乙等9个重点行业): the
#: area it serves, not what it did; a whole jurisdiction's places (覆盖全市2000个村) are left
_COVERS_BEFORE = re.compile(r"覆盖了?(?:[^，,。；;全]{0,30}等)?$")
_PLACE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:乡镇|镇街|镇|街道|村|社区|网格|行业|领域|县|区|市|省|片区|园区)"
)
#: full coverage of places (在全市12个乡镇实现全覆盖, 实现31个省全域覆盖): the count is the
#: size of the area covered, the result is the coverage itself
_FULL_COVER = re.compile(r"全(?:域)?覆盖")
#: villages and towns a court made ties with (与全县105个村建立联系, 与7个镇签订协议) or that a
#: service radiates to (辐射13个乡镇): its reach over an area, not what it did; partner
#: agencies (与甲、乙等14个部门的诉调对接) and the courts and stations a court radiates to
#: (辐射带动142个巡回法庭) are left to the other rules
_WITH_BEFORE = re.compile(r"(?<!参)与[^，,。；;与]{0,12}$")
_VILLAGE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:乡镇|镇街|镇|街道|村|社区|网格|村居|村社|行政村|片区)"
)
_RADIATES_BEFORE = re.compile(r"辐射[^，,。；;]{0,20}$")
#: the natural setting (含氧量只及平原的60%, 冬季长达9个月): the place, not the court's work
_NATURE = re.compile(
    r"含氧量|氧气含量|氧含量|海拔|气温|降水量|降雨量|冬季(?:长达|漫长)|无霜期|冻土"
)
#: the units whose people were trained (组织5个法庭开展培训, 为12个村的调解员培训): who
#: was trained, counted by unit; trainings held and people trained are counted in 场, 次, 人次
_UNIT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:法庭|法院|行政村|村|社区|乡镇|街道|单位|部门)")
_TRAINING = re.compile(r"培训|轮训|授课")
#: the press and an audience counted (17家媒体30多位记者前来采访, 受众达2400余人): who came or
#: listened, like attendance, not what was done
_PRESS_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:媒体|记者)")
_AUDIENCE_BEFORE = re.compile(r"(?:受众|听众|观众)(?:人数)?(?:达到|达|约|近|超过|超|逾|共)?$")
#: who a dispute or a harm concerns (涉及5个小区731户业主, 造成5户邻里受损): the parties
_AFFECTED_BEFORE = re.compile(r"涉及|造成|导致|致使")
#: a study and its fieldwork (课题组…共实地走访法庭6个，与17名庭长深入交流; 对34个法庭的工作情况进行了
#:专项调研): what was studied and whom the researchers met, not what the courts did
_STUDY_GROUP = re.compile(r"课题组|課題組|调研组|調研組|调研团队|調研團隊")
_FIELDWORK = re.compile(r"走访|走訪|座谈|座談|交流|调研|調研|访谈|訪談")
#: what a study covers and whom it meets are counted in these (its trips, 三次赴…, are work done)
_STUDIED_UOMS = frozenset(["个", "名", "家", "人", "所", "处", "處", "位"])
_AFTER_STUDY = re.compile(r"该院|本院|我院|以来|[后後][，,]")
_STUDIED_AFTER = re.compile(r"(?:进行|進行)了?(?:专项|專項|全面|深入|专题|專題)?(?:调研|調研)")


def _studied(text: str, s_start: int, start: int, c_start: int, c_end: int) -> bool:
    """Whether the figure at `start` in the clause text[c_start:c_end] counts a study's
    fieldwork or scope."""
    if _STUDIED_AFTER.search(text, c_start, c_end):
        return True
    # the study group heads the sentence (课题组通过…，共走访法庭6个), no court after it
    lead = len(text[s_start:start]) - len(text[s_start:start].lstrip())
    group = _STUDY_GROUP.match(text, s_start + lead, start)
    if group is None or _AFTER_STUDY.search(text, group.end(), start):
        return False  # 课题组成立以来，该院…; 调研组走访后，甲法院…: the court's own work
    return _FIELDWORK.search(text, max(c_start, group.end()), c_end) is not None


#: money put in (先后投入150余万元): a means, not a result
_SPENT_BEFORE = re.compile(r"(?:投入|投资)(?:了|资金|经费)?(?:共计|共|累计)?$")
#: who a payout went to (为23名农民工发放案款): its recipients; the amount is the result
_RECIPIENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:当事人|农民工|申请执行人|群众|职工|工人)")
_PAYOUT = re.compile(r"发放|兑付|兑现")
_RESIDENT_UOMS = frozenset(["名", "人", "个", "家", "户", "位"])
_PERSONNEL_UOMS = frozenset(["名", "人", "个", "家", "位", "所"])
_STANDING_UOMS = frozenset(["名", "人", "个", "家", "位", "所", "项", "条"])


def _yearly_reached(text: str, each_end: int, pre_start: int, start: int, end: int) -> bool:
    """A yearly figure told as reached, approximately (每年开庭30次以上, 每年接待群众近万人次):
    no norm, which states an exact number."""
    if not text.startswith("年", each_end):
        return False
    return pre_start < start or bool(_APPROX_AFTER.search(text, start, min(len(text), end + 2)))


#: the marks of a figure counted rather than set: 余, 多, 以上
_APPROX_AFTER = re.compile("余|多|以上")


def _not_a_result(
    text: str,
    bounds: _Bounds,
    pre_start: int,
    start: int,
    end: int,
    uom: str,
    c_start: int,
    c_end: int,
) -> bool:
    """Figures that describe rather than report: a jurisdiction, what a court has, the items
    of a plan, a law's article, a norm, a plan, an introducing count, an event's length, a
    time reference, a range, one dispute's money."""
    before = text[c_start:pre_start]
    after = text[end:c_end]
    s_start, s_end = bounds.sentence(start)
    if _RANGE_BEFORE.search(before):
        return True  # 3至5个: a range
    dash = _RANGE_DASH_AFTER.match(after)
    if (dash and after.startswith(uom, dash.end())) or (
        _RANGE_SPREAD_AFTER.match(after)
        and ("从" in before or _RANGE_FROM_BEFORE.search(before) or after[:1] in "到至")
    ):
        return True  # 9.04%-34.84%, 从20元到500万元不等: the ends of a range
    if text.startswith("人口", end) or text.startswith("人口", end - 1):
        return True  # 14亿人口: a population
    if pre_start > 0 and text[pre_start - 1] in "这该此" and uom in _COUNT_UOMS:
        return True  # 这11名调解专家: the set counted before, pointed at again
    if _TARGET_AFTER.search(after):
        return True  # 以30个村全覆盖为目标, 实现结案率90%的目标: an aim, not a result
    if _NORM_BEFORE.search(text, c_start, start) or _FUTURE_BEFORE.search(before):
        return True
    if uom == "个" and _TIME_AFTER.match(after):
        return True
    if _BY_DATE.search(text, s_start, pre_start) and not _DONE.search(text, c_start, c_end):
        return True
    each = _EACH.search(text, max(c_start, pre_start - 8), pre_start)
    if (
        each
        and "均" not in text[each.end() : pre_start]
        and not _yearly_reached(text, each.end(), pre_start, start, end)
    ):
        return True  # 每月开展2次 (but 每名法官年均结案300件 is an average reached)
    if uom in _PERSONNEL_UOMS and (
        _MADE_UP.search(text, c_start, c_end) or _ONE_EVENT.search(before)
    ):
        return True  # 团队由1名法官…组成; 本次培训共120人
    if uom in ("名", "人", "位") and _VISIT.search(text, c_start, c_end):
        return True  # 一行20余人到该院视察: visitors
    if (
        uom in ("名", "人", "位")
        and _DEPUTIES_AFTER.match(text, end, c_end)
        and _DEPUTIES_VISIT.search(text, s_start, s_end)
        and not _HIRING.search(text, c_start, c_end)
        and not _DEPUTIES_ROLE.search(text, c_start, c_end)
    ):
        return True  # 7名市人大代表走进法院，参观…: deputies visiting, not a result
    if uom in ("次", "场") and _MEETING.search(text, c_start, c_end):
        return True  # 先后3次召开党组会议: meetings held
    if _LOCUS_BEFORE.search(before) and _LOCUS_AFTER.match(after):
        return True  # 在四个基层法庭开展要素式审判: where a practice is tried, not what it did
    if "之一" in after:
        return True  # 是全省3家示范法院之一: the set the court belongs to
    if _AMONG_AFTER.match(after) and (
        not before.strip()
        or _SCOPE.fullmatch(before)
        or _SUBJECT.fullmatch(before)
        or _COURT_NOUN.fullmatch(before)
    ):
        return True  # 全市23个法庭中已有18个建成…: the set a part of it is counted in
    if _SPREAD_BEFORE.search(before):
        return True  # 分布着85个人民法庭, 客商遍布全国40多个城市: where things lie, a state
    if (
        uom in _PERSONNEL_UOMS
        and (court := _COURT_NOUN.match(after)) is not None
        and _COURTS_HAVING.match(after, court.end())
        and _SUBJECT_SCOPE.fullmatch(before)  # (为12个法庭配备团队: the courts a court equipped)
    ):
        return True  # 全市17个法庭配备46名法官, 12家法院下设法庭64个: the courts that have
    if uom in _RESIDENT_UOMS and not _CHANGED.search(text, c_start, c_end):
        had = _HAVING.search(before)
        noun = before[had.end() :] if had else ""
        if (had and _RESIDENT_NOUN.search(noun or after[:8])) or _RESIDING_AFTER.match(after):
            return True  # 园区共有企业400余家, 1000多名牧民生活在…: a place's population
    if _BASELINE_BEFORE.search(before):
        return True  # 远高于去年的2.8件, 相较于初始的10个: the base compared with, not the result
    if uom in _RESIDENT_UOMS and _CONFERRING.search(before):
        return True  # 授予甲法院等40个单位…称号: the set an awarding body honours, not a result
    if _NATURE.search(text, c_start, c_end) and not _DONE_VERB.search(text, c_start, c_end):
        return True  # 空气含氧量不足平原的40%, 冬季长达9个月: the setting, not work done
    if uom in ("个", "家") and _MEMBERS_AFTER.match(after):
        return True  # 27个成员单位组团作战: who makes up a mechanism
    if (
        uom in ("个", "家")
        and _PLACE_AFTER.match(after)
        and (_COVERS_BEFORE.search(before) or _FULL_COVER.search(text, c_start, c_end))
    ):
        return True  # 覆盖7个镇街, 在全县20个村实现全覆盖: the area served
    if (
        uom in ("个", "家")
        and _VILLAGE_AFTER.match(after)
        and (_WITH_BEFORE.search(before) or _RADIATES_BEFORE.search(before))
    ):
        return True  # 与全县105个村建立联系, 辐射13个乡镇: an area reached
    if uom in ("个", "家") and _UNIT_AFTER.match(after) and _TRAINING.search(text, c_start, c_end):
        return True  # 组织5个法庭开展培训: the units trained
    if uom in ("名", "人", "位", "家", "人次") and (
        _PRESS_AFTER.match(after) or _AUDIENCE_BEFORE.search(before)
    ):
        return True  # 20多位记者, 受众达2400余人: the press and an audience
    if uom in _STUDIED_UOMS and _studied(text, s_start, start, c_start, c_end):
        return True  # 课题组…走访法庭6个, 对34个法庭…进行了专项调研: a study's fieldwork and scope
    if uom in ("户", "名", "人", "位") and _AFFECTED_BEFORE.search(before):
        return True  # 涉及731户业主, 造成5户邻里财产受损: who a dispute concerns
    if uom.endswith("元") and _SPENT_BEFORE.search(before):
        return True  # 投入150余万元: money spent on the means
    if (
        uom in _PERSONNEL_UOMS
        and _RECIPIENT_AFTER.match(after)
        and _PAYOUT.search(text, c_start, c_end)
    ):
        return True  # 为23名农民工发放案款: the recipients of a payout
    if _CAREER.search(text, s_start, s_end):
        return True  # 他从事审判工作28年，审结案件4000余件: one person's career
    if uom in _STANDING_UOMS:
        if _ITEMS_AFTER.match(after) or _ITEMS_BEFORE.search(before):
            return True  # 10项措施, 措施23条
        if uom == "条" and _LAW_BEFORE.search(before):
            return True  # 民事诉讼法122条
        # (up to the clause after the figure's: 覆盖辖区面积800平方公里 right after it, not
        # 承担辖区内的普法 further on)
        near = bounds.clause(c_end + 1, c_end + 1)[1] if c_end < s_end else c_end
        if _JURISDICTION.search(text, s_start, min(near, s_end)) and not _CHANGED.search(
            text, c_start, c_end
        ):
            return True  # 辖12个乡镇、3个街道
        had = _HAVING.search(before)
        if had:
            # the noun counted: between the verb (or the last list separator) and the figure,
            # else right after it
            noun = _LIST_SEP.split(before[had.end() :])[-1]
            if not noun and not after:
                return True  # 35岁以下的有20名
            acted = (not noun and _ACTED.match(after.replace("“", "").replace("”", ""))) or (
                _SELECTED.match(text, end, c_end)  # 已有甲、乙等八个案例入选…: selected
            )
            if not acted and (_STANDING_NOUN.search(noun) if noun else _STANDING_NOUN.match(after)):
                return True  # 共有员额法官32名、法官助理40名, 设有4个审判庭
            courts = _COURT_NOUN.search(noun) if noun else _COURT_NOUN.match(after)
            if courts and not acted and not _PARTS_AFTER.search(text, c_end, s_end):
                return True  # 全国法院共有人民法庭10145个 (but 共有法庭13家，其中12家…)
        if _HAVING.search(text, s_start, c_start) and _BREAKDOWN.match(before):
            return True  # 法庭共有干警6人，其中法官2名
        if (
            uom in ("名", "人", "位")
            and _ROLE_AFTER.match(after)
            and not _HIRING.search(text, c_start, start)  # 聘请…、1750名政协委员担任调解员
        ):
            return True  # 4名法官作为网格管理员: a role given, not a result
        if "涉及" in before and uom in _PERSONNEL_UOMS:
            return True  # 案件涉及农民工46人: who a case concerns
        if uom in _PERSONNEL_UOMS and _INTRODUCES_AFTER.match(after):
            return True  # 全院85名干警中，…
        if (
            uom in _PERSONNEL_UOMS
            and _INTRODUCED.search(text, s_start, c_start)
            and not _CHANGED.search(text, c_start, c_end)
        ):
            return True  # 全院85名干警中，党员60名: the make-up of the count before
    if uom in ("天", "个月", "小时", "次") and _PARTY.search(text, s_start, s_end):
        return True  # 法官三次上门调解，双方达成协议: the story of one dispute
    if uom in ("天", "个月", "小时", "日"):
        span = _SPAN.search(text, s_start, start)
        if span and "均" not in text[span.start() : c_end]:
            return True  # 从立案到结案仅用7天: one case's course, not an average
    if uom in ("天", "个月", "小时", "分钟"):
        if _EVENT_LENGTH.search(before) or _TIME_REF_AFTER.match(after):
            return True
        if before.endswith(("前", "近", "过去", "这", "最近")) and _TIME_REF_AFTER.match(after):
            return True
        if before[-1:] == "前":
            return True  # 前10个月: a period
        if text[c_start:start].endswith(("近", "过去", "最近")) and not _DURATION_RESULT.search(
            before
        ):
            return True  # 近3个月共化解纠纷300件: a period (缩短近3个月 is a result)
        if not _DURATION_RESULT.search(text, c_start, c_end) and not after.startswith("内"):
            return True
    if uom.endswith("元"):
        strong = _STRONG_AGGREGATE.search(text, c_start, c_end)
        if _CASE_OF_AMOUNT.match(after) and not strong:
            return True  # 办理3488万元股权转让执行案件: one case, told by its amount
        if _ONE_DISPUTE.search(text, s_start, s_end) and not strong:
            return True  # 被告当场支付2万元
        if _DISPUTE_MONEY.search(text, c_start, start) and not (
            strong or _AGGREGATE_MONEY.search(text, c_start, c_end)
        ):
            return True  # 借款5万元
    return False


_CHANGED = re.compile(
    r"同比|环比|上升|下降|增长|减少|新建|建成|新增|化解|调解|审结|办结|受理|设立|成立|组建|建立|获评|"
    r"评为|入选|实现|达到|完成|覆盖|步入|进入|位列|获得|荣获|受到|通过|参与|返岗|到岗|加入"
)
_STRONG_AGGREGATE = re.compile(
    r"累计|全年|以来|年来|挽回|执行到位|追回|追讨|讨回|追缴|兑现|兑付|发放|节约|节省|争取|减免|缓交"
)
#: the parties of one dispute (not 被告人, whom aggregate criminal figures count)
_PARTY = re.compile(r"原告|被告(?!人)|双方|该案|本案|此案")


def find_outcomes(text: str, *, limit: int | None = None) -> list[OutcomeHit]:
    """Figures in text[:limit] that report what courts did, in text order."""
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    joined, cuts = _unwrapped(text[:limit])
    if not cuts:
        return _find(text, limit)
    hits = _find(joined, len(joined))
    # a cut at text offset c leaves the next character at joined offset c - (cuts before it)
    shifted = [c - i for i, c in enumerate(cuts)]

    def at(j: int) -> int:
        return j + bisect.bisect_right(shifted, j)

    def end_at(j: int) -> int:
        return at(j - 1) + 1 if j > 0 else 0

    return [
        OutcomeHit(
            at(h.start),
            end_at(h.end),
            h.value,
            h.unit_of_measure,
            h.metric,
            at(h.text_start),
            end_at(h.text_end),
            h.qualifier,
            h.direction,
            h.period,
            h.rule,
        )
        for h in hits
    ]


#: a verb that makes a share of things come to a result (将95%的纠纷化解在基层)
_SHARE_BEFORE = re.compile(r"(?:将|使|把|促成|推动|让|帮助)$")
#: a share of the disputes a verb before it resolved (化解了69.5%的民事纠纷)
_RESOLVED_BEFORE = re.compile(r"(化解|办结|审结|解决|调处)了?$")
_SHARE_OF_CASES = re.compile(r"的([\u4e00-\u9fff]{0,6}?(?:纠纷|案件|矛盾))")
#: the share of the staff that did it (用21.1%的民事员额法官化解了…): the staff's share
_STAFF_SHARE = re.compile(r"的([\u4e00-\u9fff]{0,6}?(?:法官|干警|人员|审判力量|力量))")
_STAFF_DID = re.compile(r"化解|办结|审结|结案|办理|审理")
#: 约40%的民事纠纷通过调解化解在诉前: the share of the disputes or cases that were resolved
_SHARE_RESOLVED = re.compile(
    r"的[\u4e00-\u9fff]{0,6}(?:纠纷|案件|矛盾)[^，,。；;]{0,12}?"
    r"(?:化解|解决|调解|办结|审结|结案|分流|履行)"
)
#: a rate of change named after its figure (以年均83%的增幅增长): the figure is the rate
_GROWTH_RATE_AFTER = re.compile(r"的(?:增幅|增速|降幅|增长率|速度(?:增长|递增|下降))")
_GROWTH_LEAD = re.compile(r"以?((?:年|季|月)均)?$")
#: a first line longer than this is body text run into one line, not a title
_TITLE_MAX = 80


_CN_COUNT = "[0-9一二两三四五六七八九十]+"
#: a platform described by what it joins (对接12个部门调解系统的平台)
_JOINS_BEFORE = re.compile(r"(?:对接|连接|联通|整合|汇聚|集成)$")
_PLATFORM_OF = re.compile(r"[\u4e00-\u9fff]{1,8}?的[\u4e00-\u9fff“”]{0,10}?(?:平台|系统)")
#: cases published as examples (发布10个典型案例)
_CASES_PUBLISHED = re.compile(r"[\u4e00-\u9fff]{0,8}?案例")  # 工作创新优秀案例
_PUBLISH = re.compile(r"发布|公布|通报|推出|编发|印发")
_STAFF = "(?:干警|工作人员|人员|员额法官|法官助理|法官|书记员|法警|司法警察|调解员|人民调解员)"
#: a court's staff and its make-up: 法庭7名干警（两名法官、一名法官助理）和2名调解员 — who
#: works there, not what was done (after a court or a verb of having, 驻扎着, 配有)
_ROSTER = re.compile(
    r"(?:法庭|法院|中院|高院|庭|院|驻扎着?|驻有|现有|共有|配有|配备有|有)"  # (words: the scan skips ahead)
    r"(?P<roster>" + _CN_COUNT + "名" + _STAFF + r"[（(](?:" + _CN_COUNT + "名"
    r"[\u4e00-\u9fff]{1,6}[、，,]?)+[）)](?:[和及、]"
    + _CN_COUNT
    + r"名[^，,。；;]{0,12}?"
    + _STAFF
    + ")?)"
)
#: the size of a list just given (甲、乙、丙等三个基层法院; （法庭、派出所、司法所5家单位）)
_LIST_SIZE_BEFORE = re.compile(r"(?:^|[（(])[^、，,（()）]{1,12}(?:、[^、，,（()）]{1,12})+等?$")
_LIST_SIZE_NOUN = re.compile(
    r"(?:基层|中级|专门)?(?:人民)?(?:法院|法庭|单位|部门|机构|成员单位)[）)]?"
)


def _named_after(text: str, lo: int, end: int, bounds: _Bounds) -> tuple[str, str] | None:
    """A percentage at text[lo:end] whose measure follows it after 的: a share of the disputes
    a verb before it resolved (化解了69.5%的民事纠纷), the share of the staff that did it
    (用21.1%的民事员额法官). Its label and the rule's id."""
    c_end = bounds.clause(lo, end)[1]
    verb = _RESOLVED_BEFORE.search(text, max(0, lo - 3), lo)
    cases = _SHARE_OF_CASES.match(text, end, c_end)
    if verb and cases:
        return verb.group(1) + cases.group(1) + "占比", "outcome:share-verb"
    staff = _STAFF_SHARE.match(text, end, c_end)
    if text[lo - 1 : lo] == "用" and staff and _STAFF_DID.search(text, staff.end(), c_end):
        return staff.group(1) + "占比", "outcome:share-staff"
    return None


def _case_fact(sentence: str, c_start: int, c_end: int) -> bool:
    """The sentence tells one dispute. 一批 (审理了一批案件, 一批农民工) counts only in the
    figure's own clause (c_start:c_end, offsets in the sentence): a batch of cases named in
    another clause says nothing of 受理涉外案件1960件. Nor does a case named as an example
    after the figure's clause in a sentence that opens on a span of time (2022年以来，…调解纠纷
    560件，…其中李某等12人…案获评典型案例; 近五年，…审结刑事案件8600件，依法严惩了赵某某等…)."""
    spanned = _AGGREGATE_SPAN.search(sentence, 0, c_start) is not None
    return any(
        (m.group(0) != "一批" or c_start <= m.start() < c_end)
        and not (spanned and m.start() >= c_end)
        for m in _CASE_FACT.finditer(sentence)
    )


#: a span of time a sentence's figures add up over (2023年以来, 过去十年, 近三年, 全年, 累计)
_AGGREGATE_SPAN = re.compile(
    r"以来|累计|全年|(?:过去|近)[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年来"
)


def _find(text: str, limit: int) -> list[OutcomeHit]:
    # a name or a slogan in quotes (“三个维度”), not a statement quoted (“…接待群众近万人次。”)
    quotes = [
        (a, b) for a, b in _spans(_QUOTED, text, limit) if not _QUOTED_STATEMENT.search(text, a, b)
    ]
    first_line_end = text.find("\n")
    title_end = (
        first_line_end
        if 0 <= first_line_end <= _TITLE_MAX and "。" not in text[:first_line_end]
        else 0
    )
    hits: list[OutcomeHit] = []
    bounds = _Bounds(text)

    def unquoted(a: int, b: int) -> str:
        return _QUOTED.sub(lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", text[a:b])

    kinds: dict[tuple[int, int, int, int], tuple[bool, bool]] = {}

    def clause_kind(s: int, e: int, c_start: int, c_end: int) -> tuple[bool, bool]:
        """Whether the clause (in its sentence) tells a story rather than reports figures, and
        whether it speaks of a judgement; the same for every figure of the clause."""
        key = (s, e, c_start, c_end)
        if key not in kinds:
            clause = text[c_start:c_end]
            story = bool(
                _PARTICIPATION.search(clause)
                or (
                    _CASE_FACT_CUE.search(text, s, e)
                    and _CASE_FACT.search(text, s, e)
                    and _case_fact(unquoted(s, e), c_start - s, c_end - s)
                )
                # 当时手上有900多件未结案件: one judge's docket in a story
                or (_IN_HAND.search(clause) and not _AVERAGE.search(clause))
                or (_PARTIES.search(clause) and _ONE_CASE.search(text, s, e))
                # 法院通过冻结冯某52%涉案资金: a story of one dispute
                or _NAMED_PARTY.search(text, c_start, c_end)
                # 3月28日，…50余起纠纷得以解决，当事人刘某说: one day's event, told by a party
                or (_DAY.search(text, s, e) and _NAMED_PARTY.search(text, s, e))
            )
            kinds[key] = story, _JUDGEMENT.search(clause) is not None
        return kinds[key]

    def skip_context(start: int, end: int, uom: str = "") -> bool:
        if start < title_end or _inside(quotes, start):
            return True
        if start > 0 and text[start - 1] == "”":
            opened = text.rfind("“", max(0, start - 40), start)
            if opened < 0 or re.search("[、，,]", text[opened:start]) or uom in ("项", "条"):
                return True  # “A、B、C”5项重点工作: the count of a quoted list
        s, e = bounds.sentence(start)
        c_start, c_end = bounds.clause(start, end)
        story, judgement = clause_kind(s, e, c_start, c_end)
        if story:
            return True
        if judgement and (uom.endswith("元") or uom in ("天", "日", "个月", "小时") or uom == "年"):
            return True
        before = text[c_start:start]
        if _TARGET_BEFORE.search(before) or _SCOPE_BEFORE.search(before):
            return True
        if _PROFILE.search(before) and not (
            _UP.search(text, c_start, c_end) or _DOWN.search(text, c_start, c_end)
        ):
            return True  # 大专以上学历的调解员占比77.3%, 其中“95后”12名: the staff's make-up
        if _MEANS_BEFORE.search(text[max(c_start, start - 4) : start]):
            return True
        if _STANDING.search(text[max(c_start, start - 4) : start]):
            return True
        if _INVENTORY_ITEM.fullmatch(text, c_start, start) and _INVENTORY.search(text, s, c_start):
            return True  # 现有法庭84个，乡村法庭69个，占比82.14%: the rest of what a court has
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line) <= 40 and "。" not in line and _BOILERPLATE_LINE.search(line):
            return True
        # the part of the sentence (up to ；) that names whose figure it is
        seg_start = max(s, text.rfind("；", s, start) + 1, text.rfind(";", s, start) + 1)
        agencies = list(_OTHER_AGENCY.finditer(text, seg_start, start))
        if agencies:
            a = agencies[-1]
            subject = a.start() >= c_start or a.start() - seg_start <= 16
            partner = _PARTNER_BEFORE.search(
                text, max(0, a.start() - 2), a.start()
            ) or _PARTNER_PLACE_BEFORE.search(text, max(seg_start, a.start() - 7), a.start())
            if subject and not partner and not _COURT_WORD.search(text, a.end(), start):
                return True
        return "涉" in text[max(c_start, start - 3) : start]

    def labelled(
        start: int, end: int, value: float, uom: str, label: str, qualifier: str | None, rule: str
    ) -> None:
        """A figure whose label the caller made (its direction, if any, is in the label)."""
        c_start, c_end = bounds.clause(start, end)
        hits.append(
            OutcomeHit(
                start,
                end,
                value,
                uom,
                label,
                c_start,
                c_end,
                qualifier,
                None,
                bounds.period(start),
                rule,
            )
        )

    def add(
        start: int,
        end: int,
        value: float,
        uom: str,
        num_start: int,
        qualifier: str | None,
        rule: str | None = None,
        chinese: bool = False,
    ) -> None:
        c_start, c_end = bounds.clause(start, end)
        direction = _direction(text, c_start, start, c_end)
        metric = _metric(text, c_start, num_start, end, c_end, uom, direction)
        hits.append(
            OutcomeHit(
                start,
                end,
                value,
                uom,
                metric,
                c_start,
                c_end,
                qualifier,
                direction,
                bounds.period(start),
                rule
                or (
                    # 十个案例入选…建设案例: cases selected by a higher court, apart from
                    # courts or practices named for a title
                    (
                        "outcome:selected-cases"
                        if _CASES_SELECTED.match(text, end)
                        else "outcome:selected"
                    )
                    if chinese and uom in ("个", "家") and _SELECTED.match(text, end, c_end)
                    else None
                )
                or _rule(
                    uom,
                    direction,
                    chinese,
                    bool(_TO_LEVEL.search(text, max(0, num_start - 4), num_start)),
                ),
            )
        )

    def signed_change(m: re.Match[str]) -> None:
        """+12.0% after 巡回审判 38场 in a row of figures, 同比增长-3.65%: a change whose
        direction is its sign (up for +, down for -), its value the magnitude."""
        start, end, sign = m.start("num"), m.end(), text[m.start("num") - 1]
        value = parse_number(m.group("num"))
        uom = "%" if m.group("uom") == "%" else "个百分点"
        if value is None or m.group("big") or skip_context(start, end, uom):
            return
        c_start, c_end = bounds.clause(start, end)
        if _not_a_result(text, bounds, start - 1, start, end, uom, c_start, c_end):
            return
        up = sign in _SIGN_UP
        word = "增幅" if up else "降幅"
        row = _SIGN_AFTER_FIGURE.search(text, max(0, start - 8), start - 1)
        if row and (sign not in _SIGN_MINUS or row.group("gap")):
            # 巡回审判 38场 +12.0%: the change of the figure right before it in the row
            prev = hits[-1] if hits and row.start() < hits[-1].end <= start else None
            if prev is None or prev.unit_of_measure in ("%", "个百分点"):
                return
            stem = prev.metric
            if prev.unit_of_measure in _COUNT_UOMS:
                stem = re.sub("数$", "", stem)
            label, rule = stem + word, "outcome:change-signed-row"
        elif _SIGN_AFTER_GROWTH.search(text, max(c_start, start - 8), start - 1):
            # 同比增长-3.65% -> 同比降幅 (its measure is the figure's before, _label_bare_changes)
            words = _metric(text, c_start, start - 1, end, c_end, uom, None)
            label, rule = _SIGN_WORDS.sub("", words) + word, "outcome:change-signed"
        else:
            # 结案率 ↑5%: the change of the measure named before the sign
            words = _metric(text, c_start, start - 1, end, c_end, uom, None)
            if row or len(words) < 2 or not _HAN.match(text[c_start : start - 1].rstrip()[-1:]):
                return
            label, rule = words + word, "outcome:change-signed-named"
        hits.append(
            OutcomeHit(
                start,
                end,
                value,
                uom,
                label,
                c_start,
                c_end,
                _QUALIFIER.get(m.group("q1") or "") or None,
                "up" if up else "down",
                bounds.period(start),
                rule,
            )
        )

    rosters = [(r.start("roster"), r.end("roster")) for r in _ROSTER.finditer(text, 0, limit)]
    for m in _QTY.finditer(text, 0, limit):
        num, uom = m.group("num"), m.group("uom")
        start, end = m.start("num"), m.end()
        if (
            start > 0
            and text[start - 1] in _SIGNS
            and m.group("pre") is None
            and uom in ("%", "百分点", "个百分点")
        ):
            signed_change(m)
            continue
        if start > 0 and text[start - 1] in "第-~—－.．" + "0123456789":
            continue
        if start > 0 and text[start - 1] == "前" and uom in ("名", "位"):
            continue  # 前5名: a rank (_TOP)
        if start > 1 and text[start - 1] == "," and text[start - 2].isdigit():
            continue  # the tail of 1,246 when the scan starts inside it
        if start > 1 and text[start - 1] in " \u00a0" and text[start - 2].isdigit():
            continue  # the last of figures spaced as a list (分别为120 135 148件): no one figure
        if m.group("pre") is None and start > 0 and text[start - 1] in _CN + "之":
            continue
        chinese = is_chinese_numeral(num)
        after = text[end : end + 8]
        value = parse_number(num)
        if value is None:
            continue
        if chinese:
            # 八万六千, 二点一万, 三百: a written-out figure; 三个, 两家: a small count
            figure = bool(m.group("big")) or value >= 100 or "点" in num
            result = bool(m.group("pre")) or _RESULT_BEFORE.search(text[max(0, start - 1) : start])
            if value < 2 or _ABSTRACT_AFTER.match(after):
                continue
            if _PAIR.search(num) or _VAGUE_BEFORE.search(text, max(0, start - 1), start):
                continue  # 数十家, 上百名: a vague amount
            if "几" in text[end - len(uom) - 1 : end]:
                continue  # 十几名
            if _PAIR.search(num):
                continue  # 三四个, 七八十人: an approximate pair, not 34 or 780
            if num in ("百", "千", "万") or _IDIOM.search(text, max(0, start - 3), end + 3):
                continue  # 千家万户, 一心一意: a word, not a figure
            if not figure and not result and uom not in _CN_UOMS:
                continue
            if end < len(text) and text[end] in _CN:
                continue  # 两天一调度, 一年一卷: a formula
        if uom == "日":
            # 1.54日内, 平均审理周期12日: a duration; 25日下午 is a date
            c0 = bounds.clause(start, end)[0]
            if text[start - 1 : start] == "月" or not (
                after.startswith("内") or re.search("周期|时长|用时|平均|缩短|天数", text[c0:start])
            ):
                continue
        if m.group("big") and uom not in ("元",):
            value = round(value * (10_000 if m.group("big") == "万" else 100_000_000), 6)
        elif m.group("big"):
            uom = m.group("big") + "元"
        if uom == "%" or uom == "百分点":
            uom = "%" if uom == "%" else "个百分点"
        share = uom == "%" and (
            _SHARE_BEFORE.search(text, max(0, m.start() - 3), m.start())
            or _SHARE_RESOLVED.match(text, end, bounds.clause(start, end)[1])
        )
        growth = uom == "%" and _GROWTH_RATE_AFTER.match(after) is not None
        # (a figure that names its measure after it: the measure's label and the rule's id)
        named = _named_after(text, m.start(), end, bounds) if uom == "%" else None
        if (
            after.startswith("的")
            and not after.startswith("的时间")
            and not share
            and not growth
            and not named
        ):
            continue
        c_start, c_end = bounds.clause(start, end)
        if (
            _MODIFIER_AFTER.match(after)
            and uom in _COUNT_UOMS
            and "均" not in text[end:c_end]  # N个法庭的服务站均设立…: a result
            # 深化与甲、乙等14个部门的诉调对接: the partners a court joined, a result
            and not (
                _PARTNERS_BEFORE.search(text, c_start, m.start()) and _PARTNER_UNITS.match(after)
            )
        ):
            continue  # 对全市15家法院的执行案件: the count qualifies a noun
        if "在内" in after:
            continue  # 包括…等11项内容在内的制度: the count describes a noun
        if _JOINS_BEFORE.search(
            text, max(c_start, m.start() - 2), m.start()
        ) and _PLATFORM_OF.match(text, end, c_end):
            continue  # 建成对接12个部门调解系统的平台: what the platform joins, not a result
        if _CASES_PUBLISHED.match(after) and _PUBLISH.search(text, c_start, start):
            continue  # 发布十个典型案例: cases published as examples, not results
        if rosters and _inside(rosters, start):
            continue  # 法庭7名干警（两名法官、…）: a court's staff
        # (the clause ends there: 甲、乙等三个法庭入选… reports what the three did)
        if _LIST_SIZE_NOUN.fullmatch(text, end, c_end) and _LIST_SIZE_BEFORE.search(
            text[c_start : m.start()]
        ):
            continue  # 甲、乙、丙等三个基层法院: the size of the list just named
        if _TARGET.search(after[:6]) and uom in ("项", "条", "个"):
            continue
        if skip_context(start, end, uom) or _not_a_result(
            text, bounds, m.start(), start, end, uom, c_start, c_end
        ):
            continue
        # 送达人次23222人: the clause names the unit
        if uom == "人" and text[c_start:start].endswith("人次"):
            uom = "人次"
        per_10k = _PER_10K_BEFORE.search(text, c_start, m.start()) if uom == "件" else None
        if uom == "件" and (per_10k or _PER_10K_PEOPLE.match(text, end)):
            uom = "件/万人"  # 万人成讼率52.13件/万人: cases per 10,000 people, a rate
        pre = m.group("pre")
        qualifier = (
            _QUALIFIER.get(pre or "")
            or _QUALIFIER.get(m.group("q1") or "")
            or (_QUALIFIER.get(m.group("q2") or ""))
        )
        if after.startswith("以上"):
            qualifier = qualifier or "以上"
        elif after.startswith("以内"):
            if _CAP_BEFORE.search(text[c_start:start]):
                continue  # 控制在30天以内: a cap
            qualifier = qualifier or "内"
        elif after.startswith("内") and uom in ("天", "日", "小时", "个月"):
            if _CAP_BEFORE.search(text[c_start:start]):
                continue  # 应当在30日内作出决定: a deadline
            qualifier = qualifier or "内"
        if uom == "小时" and (value == 24 or _SERVICE_HOURS.match(text, end)):
            continue
        if named and not share:
            line_start = text.rfind("\n", 0, start) + 1
            if any(
                h.start >= line_start and h.value == value and h.unit_of_measure == uom
                for h in hits
            ):
                continue  # …占结案量的40%，…化解了40%的纠纷: the same figure again
            labelled(start, end, value, uom, named[0], qualifier, named[1])
            continue
        if share and after.startswith("的"):
            # 促成63%的涉企案件案结事了: the share of the cases that came to that result
            c_end = bounds.clause(start, end)[1]
            label = text[end + 1 : c_end].replace("“", "").replace("”", "") + "的比例"
            # 约40%的纠纷…化解 without a verb before the figure: its own id
            rule = (
                "outcome:share"
                if _SHARE_BEFORE.search(text, max(0, m.start() - 3), m.start())
                else "outcome:share-resolved"
            )
            labelled(start, end, value, uom, label, qualifier, rule)
            continue
        if growth:
            add(start, end, value, uom, m.start(), qualifier, "outcome:rate-growth")
            # 诉前调解成功量以年均 -> 诉前调解成功量年均增幅
            lead = _GROWTH_LEAD.search(hits[-1].metric)
            word = "降幅" if after.startswith("的降幅") or "下降" in after else "增幅"
            label = (
                hits[-1].metric[: lead.start()] + (lead.group(1) or "") if lead else hits[-1].metric
            )
            hits[-1] = replace(hits[-1], metric=label + word)
            continue
        # (每万人7.6件: the label is the words before 每万人)
        add(
            start,
            end,
            value,
            uom,
            per_10k.start() if per_10k else m.start(),
            qualifier,
            chinese=chinese,
        )
        partners = _PARTNER_UNITS.match(after)
        if partners and _PARTNERS_BEFORE.search(text, c_start, m.start()):
            # 与甲、乙等14个部门的诉调对接 -> 诉调对接合作部门数
            what = _PARTNERED.match(text, end + partners.end(), c_end)
            unit = partners.group(0)[:-1]
            label = (what.group(1) if what else "") + "合作" + unit + "数"
            hits[-1] = replace(hits[-1], metric=label)
    for m in _scores(text, limit):
        start, end = m.start("num"), m.end()
        if text[start - 1 : start].isdigit() or text[start - 1 : start] in ".第":
            continue
        c_start, c_end = bounds.clause(start, end)
        if not _SCORE_CONTEXT.search(text, c_start, c_end) or skip_context(start, end):
            continue
        if _NOT_A_SCORE_AFTER.match(text, end):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        add(
            start,
            end,
            value,
            "分",
            m.start(),
            _QUALIFIER.get(m.group("pre") or ""),
            "outcome:score",
        )
    for m in _scan(_PERCENT_CN, text, limit, "百分之"):
        value = parse_number(m.group("num"))
        if value is None or skip_context(m.start("num"), m.end()):
            continue
        add(
            m.start("num"),
            m.end(),
            value,
            "%",
            m.start(),
            _QUALIFIER.get(m.group("pre") or ""),
            "outcome:rate-cn",
        )
    for m in _scan(_FRACTION, text, limit, "分之"):
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if not den or not num or num >= den or skip_context(m.start("den"), m.end()):
            continue
        c_start = bounds.clause(m.start(), m.end())[0]
        if text.startswith("的", m.end()) or not _FRACTION_RESULT.search(text, c_start, m.start()):
            continue  # 三分之一的法官: a part of a group; a result is a change or a share reached
        add(
            m.start("den"),
            m.end(),
            round(100 * num / den, 2),
            "%",
            m.start(),
            _QUALIFIER.get(m.group("pre") or ""),
            "outcome:fraction",
        )
    for m in _scan(_MULTIPLE, text, limit, "倍"):
        # 较2020年分别增长82倍和25.6倍: growth as a multiple, one outcome per number
        for g in ("num", "num2"):
            if m.group(g) is None or skip_context(m.start(g), m.end(g) + 1):
                continue
            value = parse_number(m.group(g))
            if value is None:
                continue
            q = m.group("q") if g == "num" and m.group("num2") is None else None
            add(m.start(g), m.end(g) + 1, value, "倍", m.start(g), q, "outcome:multiple")
            head = _GROWTH_TAIL.sub("", hits[-1].metric)
            if not head or m.group("num2"):
                # 达到1312家、4096人，分别增长82倍和25.6倍: the measures of the figures before
                s_start = bounds.sentence(m.start())[0]
                earlier_hits = [h for h in hits[:-1] if s_start <= h.start < m.start()]
                k = (2 if g == "num" else 1) if m.group("num2") else 1
                if len(earlier_hits) >= k:  # (a figure of a shared measure is labelled later)
                    head = next(
                        (
                            h.metric
                            for h in reversed(earlier_hits[: len(earlier_hits) - k + 1])
                            if h.metric
                        ),
                        "",
                    )
            hits[-1] = replace(hits[-1], metric=head + "增长倍数")
    for m in _scan(_RATIO_MULTIPLE, text, limit, "倍"):
        # 是甲类案件均值的2.5倍: the figure as a multiple of another
        if re.search(r"\d|增长|提高|提升|增加|上升", m.group("of")) or skip_context(
            m.start("num"), m.end("num") + 1
        ):
            continue
        s_lo, s_hi = bounds.sentence(m.start())
        if _CASE_MULTIPLE.search(text, s_lo, s_hi):
            continue  # 赔偿金额为价款的3倍: one dispute's figure
        value = parse_number(m.group("num"))
        if value is None:
            continue
        n = len(hits)
        q = m.group("q")
        add(
            m.start("num"),
            m.end("num") + 1,
            value,
            "倍",
            m.start("num"),
            q,
            "outcome:ratio-multiple",
        )
        if len(hits) == n:
            continue
        # 甲类收案已达乙类收案的1.6倍 -> 甲类收案为乙类收案的倍数; an
        # empty subject is the measure of the figure before (人均结案900件，是甲类…的2.5倍)
        c_start = bounds.clause(m.start(), m.end())[0]
        subject = re.sub(r"(?:已|已经|均|则|约|仅)+$", "", text[c_start : m.start()]).strip()
        if not subject:
            s_start = bounds.sentence(m.start())[0]
            subject = next(
                (h.metric for h in reversed(hits[:-1]) if s_start <= h.start < m.start()), ""
            )
        of = m.group("of").strip()
        hits[-1] = replace(hits[-1], metric=f"{subject}为{of}的倍数" if subject else f"{of}的倍数")
    for m in _ROUND_FIGURE.finditer(text, 0, limit):
        # 近万人次, 超千件: a round figure reached, the number in its qualifier
        start, end, uom = m.start("num"), m.end(), m.group("uom")
        c_start, c_end = bounds.clause(start, end)
        if skip_context(start, end, uom) or _not_a_result(
            text, bounds, m.start(), start, end, uom, c_start, c_end
        ):
            continue
        value = 10_000.0 if m.group("num") == "万" else 1_000.0
        add(start, end, value, uom, m.start(), _QUALIFIER.get(m.group("pre")), "outcome:round")
    for m in _TENTHS.finditer(text, 0, limit):
        value = parse_number(m.group("num"))
        if value is None or skip_context(m.start("num"), m.end()):
            continue
        n = len(hits)
        add(
            m.start("num"),
            m.end(),
            value * 10,
            "%",
            m.start(),
            _QUALIFIER.get(m.group("pre") or "") or m.group("post"),
            "outcome:rate-tenths",
        )
        c_end = bounds.clause(m.start(), m.end())[1]
        if n < len(hits) and _SHARE_RESOLVED.match(text, m.end(), c_end):
            # 近九成的纠纷在诉前化解: the share of the disputes resolved
            label = text[m.end() + 1 : c_end].replace("“", "").replace("”", "") + "的比例"
            hits[-1] = replace(hits[-1], metric=label)
    for m in _RANK.finditer(text, 0, limit):
        num = m.group("num") or m.group("bare") or m.group("then")
        group = next((g for g in ("num", "bare", "then") if m.group(g)), "first")
        start = m.start(group)
        if skip_context(m.start(), m.end()):
            continue
        value = parse_number(num) if num else 1.0
        if value is None:
            continue
        c_start, c_end = bounds.clause(m.start(), m.end())
        metric = _metric(text, c_start, m.start(), m.end(), m.end(), "", None)
        metric = re.sub("^[和与及]|(?:在|中|的|均|都)$", "", metric) + "排名"
        if (
            group == "then"
            and hits
            and hits[-1].rule == "outcome:rank"
            and hits[-1].text_end >= c_start - 1
        ):
            metric = hits[-1].metric  # 万人成讼率位居全省第四，全市第一: the same measure
        ranks = [metric]
        if "收结案" in metric:  # 收结案数均位列第6位: the rank of each of the two figures
            ranks = [metric.replace("收结案", k, 1) for k in ("收案", "结案")]
        elif "均" in text[m.start() - 1 : m.end()]:
            # 甲法院和全省法院…排名均为全国第一: the rank of each subject joined before 均
            joined = _JOINED_SUBJECTS.fullmatch(text, c_start, m.start())
            if joined is not None:
                ranks = [metric] * (2 + joined.group(0).count("、"))
        for one in ranks:
            hits.append(
                OutcomeHit(
                    start,
                    m.end(),
                    value,
                    "名",
                    one,
                    c_start,
                    c_end,
                    None,
                    None,
                    bounds.period(m.start()),
                    "outcome:rank",
                )
            )
    for m in _TOP.finditer(text, 0, limit):
        value = parse_number(m.group("num"))
        if value is None or value < 2 or skip_context(m.start("num"), m.end()):
            continue
        c_start, c_end = bounds.clause(m.start(), m.end())
        before = text[c_start : m.start()]
        if _TARGET_BEFORE.search(before) or "进入" in before and "力争" in before:
            continue
        metric = _metric(text, c_start, m.start(), m.end(), m.end(), "", None)
        metric = re.sub(r"(?:长期)?(?:保持|位居|位列|进入|跻身|稳居|排名|居)$", "", metric) + "排名"
        hits.append(
            OutcomeHit(
                m.start("num"),
                m.end(),
                value,
                "名",
                metric,
                c_start,
                c_end,
                "前",
                None,
                bounds.period(m.start()),
                "outcome:rank-top",
            )
        )
    for m in _scan(_HALF, text, limit, "一半"):
        if skip_context(m.start(), m.end()) or text[m.end() : m.end() + 1] not in ("的", ""):
            continue
        c_start, c_end = bounds.clause(m.start(), m.end())
        metric = _metric(text, c_start, m.start(), m.end(), c_end, "%", None)
        if len(metric) < 2:
            metric = text[m.end() : c_end].strip("的")
        hits.append(
            OutcomeHit(
                m.start(),
                m.end(),
                50.0,
                "%",
                metric + "占比",
                c_start,
                c_end,
                _QUALIFIER.get(m.group("pre") or ""),
                None,
                bounds.period(m.start()),
                "outcome:half",
            )
        )
    hits.sort(key=lambda h: h.start)
    hits = _from_to(text, hits)
    hits = _shared(text, _drop_determiners(text, hits))
    hits = _label_bare_changes(text, bounds, _drop_repeats(text, hits, title_end))
    # 收案增幅由去年(同期的12%下降为4%): the start of a change left in a label (one naming its
    # verb is reader_label's, which names the measure; a label that is all start, extract's)
    hits = [_with_metric(h, _cut_from_tail(h.metric)) for h in hits]
    # a label that is a piece of the sentence (人民调解员和数): mended, or the unit's generic one
    hits = [_with_metric(h, reader_label(h.metric, h.unit_of_measure, h.direction)) for h in hits]
    # one left generic that chains to the figure before (与2022年（1.4万件）相比下降14%): its measure
    for i in range(1, len(hits)):
        h, prev = hits[i], hits[i - 1]
        prior = (prev.metric, prev.unit_of_measure)
        label = chained_label(
            h.metric, h.unit_of_measure, h.direction, prior, text[prev.end : h.start]
        )
        if label != h.metric:
            hits[i] = replace(h, metric=label)
    return hits


#: 由45天缩短至20天 / 从85%提升到95%: the words between the starting figure and the level reached
_FROM_TO_BETWEEN = re.compile(
    _CHANGE_ADVERBS + r"(?:(?P<up>提升|提高|上升|增长|增加|攀升|上涨|跃升|增|升)"
    r"|(?P<down>缩短|降低|减少|下降|压缩|回落|下滑|压降|降|减))?了?(?:至|到)$"
)
_FROM_BEFORE = re.compile(r"(?:由|从)$")
_DURATION_UOMS = frozenset(["天", "日", "个月", "小时", "分钟"])


def _from_to(text: str, hits: list[OutcomeHit]) -> list[OutcomeHit]:
    """A change from one figure to another (平均审理天数由45天缩短至20天) is one figure: the level
    reached, measured by the head before 由/从, its direction from the verb; the starting
    figure is dropped."""
    out: list[OutcomeHit] = []
    skip: set[int] = set()
    for i, h in enumerate(hits):
        if i in skip:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        head = h.metric
        if (
            nxt is not None
            and nxt.unit_of_measure == h.unit_of_measure
            and not _FROM_BEFORE.search(head)
        ):
            counted = _count_from_to(text, h, nxt)
            if counted is not None:
                # 单位数量由去年的3120家增长到5480家: the starting count is no result
                out.append(counted)
                skip.add(i + 1)
                continue
        if (
            nxt is not None
            and (
                nxt.unit_of_measure == h.unit_of_measure
                # 从2个月缩短至25天: a duration told in two units
                or {nxt.unit_of_measure, h.unit_of_measure} <= _DURATION_UOMS
            )
            and _FROM_BEFORE.search(head)
            and 0 < nxt.start - h.end <= 9
        ):
            between = _FROM_TO_BETWEEN.fullmatch(text, h.end, nxt.start)
            if between is not None:
                direction = (
                    "up"
                    if between.group("up")
                    else "down"
                    if between.group("down")
                    else h.direction
                )
                metric = _FROM_BEFORE.sub("", head)
                out.append(replace(nxt, metric=metric, direction=direction))
                skip.add(i + 1)
                continue
        out.append(h)
    return out


#: 由 or 从, then what dates the starting figure (由去年年底的3120家, 从2020年的30人)
_FROM_DATED = re.compile(r"(?:由|从)(?:[^，,。；;：:由从的]{1,10}的)?$")
#: what ends the words before a label: 全省入驻…的…等基层治理单位数量 -> 基层治理单位数量
_LABEL_CUT = re.compile(r"[的、等，,：:；;。\s]")


def _count_from_to(text: str, h: OutcomeHit, nxt: OutcomeHit) -> OutcomeHit | None:
    """The level a count reached (诉讼服务站由5个增至12个 -> 12, 诉讼服务站数), or None when the
    two figures are no such change."""
    if h.unit_of_measure == "%" or not 0 < nxt.start - h.end <= 9:
        return None
    between = _FROM_TO_BETWEEN.fullmatch(text, h.end, nxt.start)
    lead = _FROM_DATED.search(text, max(h.text_start, h.start - 14), h.start)
    if between is None or lead is None:
        return None
    head = text[h.text_start : lead.start()]
    cuts = list(_LABEL_CUT.finditer(head))
    label = head[cuts[-1].end() :] if cuts else head
    if not 2 <= len(label) <= 12:
        return None
    if not label.endswith(("数", "量", "数量")):
        label += "数"
    direction = "up" if between.group("up") else "down" if between.group("down") else None
    return replace(nxt, metric=label, direction=direction or nxt.direction)


_BOTH = re.compile(r"([\u4e00-\u9fff]{2,12}?率)(?:及|和|与|、)([\u4e00-\u9fff]{2,12}?率)均为?$")


def _shared(text: str, hits: list[OutcomeHit]) -> list[OutcomeHit]:
    """甲率及乙率均为100%: one figure for two metrics is two outcomes sharing the text."""
    out: list[OutcomeHit] = []
    for h in hits:
        m = _BOTH.search(text, h.text_start, h.start) if h.unit_of_measure == "%" else None
        if m and m.end() == h.start:
            first = replace(h, metric=m.group(1))
            second = replace(h, metric=m.group(2), rule="outcome:shared")
            out.extend([first, second])
        else:
            out.append(h)
    return out


_ROUNDING = frozenset(["近", "约", "余", "多", "超"])


def _significant(v: float) -> int:
    digits = f"{v:.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


def _alike(a: str, b: str) -> bool:
    """Two labels that share three characters in a row (受理案件数, 共受理各类案件)."""
    return any(a[i : i + 3] in b for i in range(len(a) - 2))


_SENTENCE_BREAK = re.compile("[。！？!?\n]")


def _sentence_of(text: str, breaks: list[int], pos: int) -> tuple[int, str]:
    """Where the sentence around `pos` starts, and the sentence (up to 。！？ or the line's end);
    `breaks` are the offsets of those marks in `text`."""
    i = bisect.bisect_left(breaks, pos)
    start = breaks[i - 1] + 1 if i > 0 else 0
    return start, text[start : breaks[i] if i < len(breaks) else len(text)]


def _drop_repeats(text: str, hits: list[OutcomeHit], title_end: int) -> list[OutcomeHit]:
    """A rounded repeat of an exact figure (近2.5万件 after 24,976件; a title's 180万件 over the
    text's 179.84万件) is the same fact said again."""
    out: list[OutcomeHit] = []
    # the figures of each sentence, as said: a later sentence that says two of an earlier one's
    # figures again in the same words (a lead repeated in the body) adds nothing
    figures: dict[int, set[tuple[float, str, str]]] = {}
    sentences: dict[int, str] = {}
    said_in: dict[tuple[float, str, str], list[int]] = {}  # the sentences saying each figure
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)] if hits else []
    ats: list[int] = []  # each hit's sentence start
    same_uom: dict[str, list[OutcomeHit]] = {}  # the hits of each unit, in text order
    for h in hits:
        at, sentence = _sentence_of(text, breaks, h.start)
        ats.append(at)
        same_uom.setdefault(h.unit_of_measure, []).append(h)
        sentences[at] = sentence
        key = (h.value, h.unit_of_measure, text[h.text_start : h.text_end])
        if key not in figures.setdefault(at, set()):
            figures[at].add(key)
            said_in.setdefault(key, []).append(at)
    for h, at in zip(hits, ats, strict=True):
        key = (h.value, h.unit_of_measure, text[h.text_start : h.text_end])
        mine = figures[at]
        if any(
            len(figures[a] & mine) >= 2 or (sentences[a] == sentences[at] and len(mine) == 1)
            for a in said_in[key]
            if a < at
        ):
            continue
        line_start = text.rfind("\n", 0, h.start) + 1
        line_end = text.find("\n", h.start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        heading = len(line) <= 40 and "。" not in line
        if h.qualifier in _ROUNDING or heading:
            exact = [
                g
                for g in same_uom[h.unit_of_measure]
                if g is not h
                and g.value
                and abs(g.value - h.value) <= 0.03 * g.value
                and (
                    _significant(g.value) > _significant(h.value)
                    or (heading and g.value == h.value)
                )
                and g.start != h.start
                and (_alike(g.metric, h.metric) or (heading and g.value == h.value))
            ]
            if exact and (heading or not any(g.qualifier in _ROUNDING for g in exact)):
                if heading and all(line_start <= g.start < line_start + len(line) for g in exact):
                    pass  # two figures of one heading
                else:
                    continue
        out.append(h)
    return out


def _joined(metrics: list[str]) -> str:
    """The labels of a list's items joined again over the words they share (一审案件审理周期,
    二审案件审理周期 -> 一审、二审案件审理周期)."""
    tail = metrics[0]
    for m in metrics[1:]:
        k = 0
        while k < min(len(tail), len(m)) and tail[-1 - k] == m[-1 - k]:
            k += 1
        tail = tail[len(tail) - k :]
    # a head of one character cuts a word (收、结案数): the heads keep two (收案、结案数)
    short = min(len(m) - len(tail) for m in metrics)
    if 0 < short < 2:
        tail = tail[2 - short :]
    heads = [m[: len(m) - len(tail)] for m in metrics]
    return "、".join(dict.fromkeys(heads)) + tail if all(heads) else metrics[-1]


def _label_bare_changes(text: str, bounds: _Bounds, hits: list[OutcomeHit]) -> list[OutcomeHit]:
    """同比增长2.49% after 新收案件38850件: the change is of the figure before it (受理25.4万件，
    办结23.1万件，同比分别上升3.6%和3.1%: the changes pair with the figures in order)."""
    hits = list(hits)
    for i, h in enumerate(hits):
        if re.fullmatch("(?:法院)?排名", h.metric) and i > 0:
            # 人均结案286件，位居全市第二: the rank of that figure (past the ranks between)
            s, _ = bounds.sentence(h.start)
            prev = [g for g in hits[:i] if g.start >= s and g.unit_of_measure != "名"]
            if prev:
                metric = prev[-1].metric
                listed = [g.metric for g in prev if g.text_start == prev[-1].text_start]
                if len(listed) >= 2 and re.match("[均都]", text[h.text_start : h.start]):
                    metric = _joined(listed)  # 甲、乙…为5天、6天，均居全省第5位: of both
                hits[i] = replace(h, metric=re.sub("数$", "", metric) + "排名")
        elif not h.metric and i > 0 and hits[i - 1].text_start == h.text_start:
            # 增幅由2023年的22.9%下降至2024年的0.9%: the second figure of the same measure
            hits[i] = replace(h, metric=hits[i - 1].metric)
    bare = [bool(_BARE.match(h.metric)) for h in hits]
    out = list(hits)
    i = 0
    while i < len(hits):
        if not bare[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hits) and bare[j + 1] and hits[j + 1].text_start == hits[i].text_start:
            j += 1
        s, _ = bounds.sentence(hits[i].start)
        base = [k for k in range(i) if hits[k].start >= s and not bare[k]]
        n = j - i + 1
        for k in range(i, j + 1):
            if not base:
                break
            b = base[-n + (k - i)] if len(base) >= n > 1 else base[-1]
            counted = hits[b].unit_of_measure in _COUNT_UOMS
            stem = re.sub(
                "(?:同比|环比)?(?:增幅|降幅)$" + ("|数$" if counted else ""), "", hits[b].metric
            )
            out[k] = replace(hits[k], metric=stem + hits[k].metric)
        i = j + 1
    return out


_DETERMINED = re.compile(
    r"(?:家|个|所)[\u4e00-\u9fff]{0,10}?(?:法院|法庭|单位)(?![\u4e00-\u9fff]*[数率])"
)


def _drop_determiners(text: str, hits: list[OutcomeHit]) -> list[OutcomeHit]:
    """三家法院道交纠纷平均办理周期缩短至二十天, 3家薄弱法院已解决问题50个: a count of courts
    that heads a clause reporting another figure only says whose figure it is."""
    out: list[OutcomeHit] = []
    for i, h in enumerate(hits):
        uom_start = h.end - len(h.unit_of_measure)
        if h.unit_of_measure in ("家", "个", "所") and _DETERMINED.match(text, uom_start):
            later = [
                g
                for g in hits[i + 1 :]
                if g.text_start == h.text_start and g.unit_of_measure != h.unit_of_measure
            ]
            if later:
                continue
        out.append(h)
    return out
