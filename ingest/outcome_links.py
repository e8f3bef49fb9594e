"""Tie each reported figure to the initiative the text credits for it.

`link_outcomes(ex)` sets `OutcomeRef.initiative` to the name of one of the extraction's
initiatives when the text ties the figure to it, looking outwards from the figure:

1. the figure's own words name the initiative: the metric is its own measure (诉前调解案件520
   余件, 网上立案率超过90%). Several figures in one clause each own the words from the last
   separator before them to the next figure (N家法庭实现五化、M家获评示范法庭). Among the names
   in its words the noun it counts comes first (配置了2个速裁团队), then a name taken as object
   by a verb (N个法庭均设立跨域立案专窗), then the head of the metric (驻院调解…结案N件 ->
   人民调解员驻院调解); items of a list it sums up are not its measure. Where those words
   name a generic practice unquoted and count the cases it handled (委派调解300件, 在线调解
   案件平均时长20天) while the sentence or paragraph credits the figure to a brand the text
   quotes (推行“甲”联动调解机制。…委派调解300件), the brand is the more specific
   initiative (link:topic-brand), unless it is an honour; an initiative's own units and rates
   (法官工作站13个, 网上立案率90%) stay its own; a brand credited by an earlier sentence only
   outranks the figure's own words where they repeat its words (推行“法院+综治中心”机制。…向综治
   中心委派调解683件), though a later figure of the sentence with words of its own (…诉前调解
   800件，平均化解周期缩短至12天) reports on that brand;
2. the nearest name before it in the sentence: a credit (推行繁简分流，…，平均审理天数缩短至
   20天) or the measure of the figure before it (速裁案件1480件，平均审理时长12.5天), or the brand
   that figure was credited to over its own words (link:topic-brand), unless the sentence lists
   several mechanisms, which credits none;
3. a total counted right before its parts takes their measure (13家法庭，12家达到五化标准);
   a next figure naming its own noun (巡回立案126件，巡回审判98件) is a parallel item, no part;
4. the sentence just before, in the same paragraph and enumeration item (一是落实法官进网格制度。
   …将68名干警加入网格…), unless the figure is a plain caseload (新收案件…件, 同比增长…%),
   or the name it would take is one task of a list there (集约办理甲、立案登记、信访接待等事务),
   or a court-wide quality indicator (服判息诉率, 上诉, 发改), which an overview paragraph does
   not credit to anything, nor a rate every court reports of all its cases (调撤率, 各项指标
   达标率), which only its own sentence may credit;
5. one name after the figure in its sentence that the text calls the cause (…，诉源治理成效
   明显) or the means (…1200件，主要通过诉前调解实现);
5b. the one initiative the next sentence credits (…1200件。这得益于诉前调解机制。;
   link:credit-next);
5c. the one initiative the sentence before, or the paragraph or enumeration item before the
   figure, says has borne fruit (诉源治理工作取得新进展。…民商事案件调解率47%;
   link:effect-before); it outranks a generic practice the figure's own words count the
   cases of (…建设成效初显。…诉前化解纠纷15.5万件; link:topic-brand), and is credited with a
   caseload or a court-wide rate only when it fell, and not by a sentence listing mechanisms;
5a. the one initiative the paragraph, or the enumeration item the figure stands in, has named
   before it, further back than the sentence before (二是推行电子送达。…。送达成功率达85%;
   link:item-lead); a paragraph naming two credits none of its later figures; a heading run
   into the paragraph (深化诉调对接，高效化解纠纷。) opens an item as 一是 does;
6. the paragraph has named nothing before the figure and the line above is a lead-in naming one
   or two initiatives (…作为驻院调解的试点法院，…取得显著成效。⏎ 截至4月底…) or a heading
   naming one, or a lead-in saying what its practice improved (推行甲，有效提升了审判质效。⏎ 据统计，
   …N件) before a paragraph that opens on figures; names inside a cited document's 《》 title
   are no lead-in's; the title is no lead-in.

Before all of these, a change reported right after a figure (…结案26.5万件，同比上升50.5%;
…，上升2.66个百分点) or its rank (…5个案例入选甲，居全国首位) takes that figure's initiative
(link:change-of), and a figure that only names an attribute of
the measure before it (在线调解案件305件，调解成功295件，成功率96.72%) follows it even past a
sentence listing mechanisms (link:figure-before). A plain caseload is credited by the sentence
before only when that sentence names one initiative as the means (依托“甲”，…;
link:means-before), or when it fell and the one initiative named keeps disputes from becoming
cases (推行诉源治理。…新收案件…同比下降9% -> 诉源治理; link:caseload-source), also in a later
period's clause after a semicolon (…首次回落；今年上半年新收案件…同比下降…) and right after that
initiative's clause in a sentence listing others (落实甲，深化乙，推动诉源治理，民事案件降幅
达9%); a rise is no result, nor is a court's output: a load per head (法官人均结案225件) or the
cases it concluded (审结6577件，同比下降24%). Sentences end at semicolons too. An anaphor (该机制推行
以来) stands for the nearest initiative named in its paragraph or the one before
(link:anaphor); so does a head noun alone opening a clause with 以来 or 期间 (专项行动开展以来,
此次行动期间, after “甲”专项行动) for the one name the article gave with that head before it, or,
if none, anywhere (行动期间，… opening an article that names the campaign later); what a
campaign did 期间 or 以来 is its result, enforcement caseloads included. The one name of a
paragraph followed by 以来 (甲机制推行以来，…) credits the rest of the paragraph (link:since),
parts after semicolons included (…；非法集资案件7件，…); one a sentence opens with as what its figures followed
from (甲成立以来，…) or as their means (依托“甲”机制，…) credits that sentence's figures whose
own words name nothing, even past the practices it names under it (link:since-sentence,
link:means-sentence). A name inside a body's, a meeting's or a policy's words
(甲机制领导小组, 甲机制座谈会, 按照甲要求) counts as listed but is credited with nothing; so does
a name of the frame or the idea a court follows (形成诉源治理大格局, 践行“甲”理念) and one in a
clause naming the occasion or the principle it acted on (以甲为契机, 坚持“乙”的原则, 按照丙…的
布局思路).

A figure the next clause says built one initiative (接收实习生4批32人，打造甲基地; …1200个法官
工作站的新格局，织就了乙服务网) is that initiative's (link:built-after), unless that clause closes
a series of items parted by semicolons, which it sums up as a whole.

A figure whose own words name two or more parts of a compound brand named before it (调解成功
案件与速裁结案N件 after “多元调解+速裁”机制) is that brand's joint output (link:brand-parts).

A figure whose own words name the standard measure of an initiative the article names (万人成讼
-> 诉源治理) is that initiative's (link:measure).

An article that names one initiative only, again and again, credits its other figures to it
(link:sole-initiative), a plain caseload and those sentenced (判处罪犯N人) excepted: one its clause, its metric or, for a bare
figure (2019年，33374件) its sentence names, and the bare figures and changes that go on with it
(比上年增加2803件, 与2016年（N件）相比上升18%, 连续三年每年增长15%); a fall of the cases filed is still the result of an initiative that keeps
disputes from becoming cases (诉源治理).

A fall of the cases filed (新收案件…同比下降8%) is the standard measure of 诉源治理: it is credited
to it when the sentence, or the one before it in the paragraph, dwells on it (names it twice
or more), or to the one local brand of it named there (“甲”诉源治理工作法; link:source-topic).
Where nothing else credits it, a fall of the cases filed whose own sentence calls it a result at
the source (收案同比下降6%，源头化解成效显著; …同比下降5%……这是推进源头减讼取得的成果) is
credited to the 诉源治理 named there, else to the one source practice (a name of 诉源, 源头,
诉前, 枫桥…) the sentence before names (link:source-result); a quoted brand of another kind
(“甲智审”系统, “乙调解室”) is not given a court's whole fall in filings.
An article that dwells on 诉源治理 (its names, 诉源治理 and its local brands, named three times
or more and more often than any other initiative) is credited with a fall of the cases filed
that nothing else credits, wherever it reports it: the count of the cases filed whose change
after it is a fall, that change and the changes going on with it (…受理案件128万件，增幅4.6%，
比去年同期回落8个百分点，比全国平均低10个百分点; link:source-article); not a rise, a court's
output or a share, nor a fall whose sentence or paragraph names another practice, which may be
its cause (推行甲改革。…收案同比下降25%).
A result reported before (引入诉前调解N件；新收案件…下降), or a name that is only the measure of
the figure before (诉前调解成功率80%，新收案件同比下降9.2%), credits no fall of the cases filed
unless the sentence opens on what it brought (结果，…). A guiding principle the
court follows (新时代“枫桥经验”) is credited with no figure, though naming it still makes a
sentence a list.

A count of the courts or tribunals a region has (全省316家人民法庭，积极…; 全省法院301个人民
法庭围绕…) is the court system's own number: no sentence or paragraph credits it, only words
after it saying the courts counted reached or were given something (40个人民法庭达到…标准).

A title a tribunal earns (枫桥式人民法庭, 五化法庭, 示范法庭) is credited only with the figures
that count its holders (3个法庭入选“枫桥式人民法庭”) and those that continue them, never with
the figures of the sentence or paragraph that names it.

A figure whose own words say the things it counts were selected for one honour or title, by a
verb of selection right before its name, counts the honoured and is that honour's: the courts,
bodies or cases counted before the verb (21件案件入选甲典型案例, 9个集体获评“乙”) or after the name (荣立
“集体三等功”1次, 入选丙典型案例2件; link:honour-counted). People honoured are not
counted so (an honour of people is a role of theirs), nor is a rank (位居全国第1).

A paragraph that opens by launching one brand (近年来，甲法院创新构建“乙”工作机制，…。) and goes
on with a sentence that opens on a period alone (2024年以来，全院受理案件2800件，分流调解1600件，
分流率57%；…) reports what followed from it: its figures up to the next name it gives are the
brand's (link:launched-before), but not the whole court's caseloads and court-wide rates
(全院受理案件2800件, 结案率95%), nothing after a brand only planned (计划构建“乙”，尚在论证),
and nothing past the name of another court (今年1至9月，丙县法院受理…). A launch further into a
paragraph is one item of many and credits no such sentence. The honoured are counted by a
figure only when a short noun or nothing stands between it and the verb of selection
(3件案件入选; not 化解纠纷300件并入选, 2件案件未能入选). The level of another a figure is compared with
(…，远低于全市162件/万人、全省98件/万人) is credited to nothing but by the figure's own words.

The cases of the year a fall is measured against (与2022年（1.4万件）相比下降14%, 较上年同期的
3600件) are credited to nothing: the cases before, no result of what the court did since.

A sentence after a semicolon that opens on a court of its own (…；乙县法院累计调解案件321件) is a
parallel item about that court: the sentences before it credit none of its figures. So is a
sentence that opens on a plain caseload nothing credits (2022年民商事案件5280件，其中32%诉前分流，
调解成功率65%): its figures report on those cases, unless it calls them a result (…成效明显).

Judicial confirmations counted (诉前调解案件N件，司法确认M件; 司法确认调解协议M件) are a procedure
of their own: only an initiative named for them (“诉前调解+司法确认”模式) or the figure's own words
credit them, never the figure, sentence or paragraph before.

An honour (全国模范法院, 集体三等功, 三八红旗集体) is credited with no figure: a count of those it
was given to (授予16个单位…称号) is no practice's result, nor is a count of honours received
(7名干警共获11项荣誉表彰), whatever the sentence names.

The rest of a breakdown (其中诉前调解N件，速裁M件，其他进入审判程序的案件K件) is none of its
items. A sentence that launches a quoted practice the extraction did not name (推行“甲”信息共享，
…案件同比下降50%) reports on that practice: the sentence before credits none of its figures. A
name ending in 比 before what is compared (调解案件比以往…) is the words of a comparison, no name. The disputes brought to the courts (诉至法院的纠纷N件) are the cases filed: a lead-in
credits them only when they fell.

Names are where the extraction found them, and also a brand quoted inside a longer name
(“社区法苑”法官联系点 -> 社区法苑, four characters or more), a brand name without its generic tail
(“轻刑快办”机制 -> 轻刑快办) and a four-character name with a word put between its halves
(速裁速执团队 -> 速裁团队) where no other name stands, and a body named by a shorter form: its
name with words left out (金融审判团队 -> 金融案件审判团队) or its head alone as the means after
its full name in the paragraph (设立甲调解工作室，…通过工作室调解成功N件).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

from ingest.document import Extraction, OutcomeRef
from ingest.numbers import CLAUSE_PUNCT, NUMERAL, parse_number

_COMMA = re.compile("[，,]")
#: documents issued (出台15个制度文件, 发布白皮书12份): the work of their own words only
_DOCUMENTS = re.compile(
    r"(?:出台|发布|制定|印发|修订|起草)[^，,。；;]{0,8}?(?:文件|白皮书|意见|办法|规定|规范|细则|指引)"
)
#: a verb that opens a clause of another action (加强司法交流协作)
_OTHER_ACTION = re.compile(r"(?:加强|深化|推进|推动|开展|强化|完善|健全|落实|优化|提升|拓展)")
#: a sentence naming this many different initiatives lists mechanisms, it credits none
_MANY = 3
#: what ends a clause, for the lists it holds (甲、乙、丙)
_CLAUSE_ENDS = "，,。；;：:！？!?\n"
_CLAUSE_END_CHAR = re.compile("[" + re.escape(_CLAUSE_ENDS) + "]")
#: a name standing as an item of a list: after a separator (、开展甲) or before one (甲、; 甲等)
_ITEM_BEFORE = re.compile(
    '、(?:开展|推行|推进|落实|深化|建立|实行|实施|设立|完善|健全|强化|创新)?[“"]?$'
)
_ITEM_AFTER = re.compile('[”"]?[、等]')
_SENTENCE_END = re.compile("[。！？!?；;\n]")
_FULL_STOP = re.compile("[。！？!?\n]")
_HEADING_MAX = 30
#: separators between the figures of one clause (26家…、9家…; 3名…和4个…)
_SEPARATORS = "、和及与"
#: a plain caseload or its change: what an overview paragraph reports for the whole court
_CASELOAD = re.compile(
    r"新收|收案|受案|受理|结案|审结|办结|执结|存案|立案数|案件总数|信访|结收比|收结比"
    # the disputes brought to the courts (诉至法院的一审民事纠纷98808件): the cases filed
    r"|[诉訴]至(?:人民)?法院"
    r"|(?:扣押|查封|拍卖|变卖)[^，,。；;]{0,6}(?:船舶|车辆|房产|财产)"  # 扣押船舶35艘
    # the money enforcement recovered and paid out (执行到位金额625亿元, 发放执行款298亿元) and
    # the cases a judge handles (人均年办理案件300件)
    r"|执行到位|執行到位|执行款|執行款|执行案款|執行案款|办理案件|辦理案件|人均办案|人均辦案"
    # 2022年民商事案件5280件; 诉讼案件数从3.9万件增长到7.7万件
    # (小额诉讼案件, 公益诉讼案件, 在线诉讼案件 are a kind of case a reform is about)
    r"|(?:民商事|民事|刑事|行政|执行|各类|(?<!小额)(?<!公益)(?<!在线)(?<!网上)诉讼)案件(?:数|量)?(?:从|由)?[0-9]"
    # 民事案件降幅达9%
    r"|(?:民商事|民事|刑事|行政|执行|各类)案件(?:数|量|数量)?(?:同比)?(?:降幅|增幅|下降|上升|增长|减少)"
)
_SENTENCED = re.compile("判处|判處")
#: generic tails of a brand name (“轻刑快办”机制 is written “轻刑快办” too)
#: a later item of a list (、速裁程序)
_LIST_ITEM_BEFORE = re.compile("[、]$")
#: a list separator or a clause's end between a figure and a name
_SEPARATED = re.compile("[、，,；;。]")
_GENERIC_TAIL = re.compile(r"(?:机制|模式|制度|活动|工作法)$")
_HAN4 = re.compile("[\u4e00-\u9fff]{4}$")
_HAN3 = re.compile("[\u4e00-\u9fff]{3}")
_HAN2 = re.compile("[\u4e00-\u9fff]{2}")
#: a year, a month or a day named before a figure (2019年，; 1-9月)
_TIME_WORDS = re.compile(
    r"[0-9０-９一二三四五六七八九十〇零]+(?:年|月|日)(?:[至到\-—－~][0-9]+月)?(?:底|末|初|以来)?"
)
_QUOTES = "“”\"'「」《》"
#: a change reported right after a figure (同比增长2.49%) measures that figure
_BARE_CHANGE = re.compile(r"^(?:同比|环比|较|比|增幅|降幅|分别|其中)")
#: a verb of change right on its number (，上升2.66个百分点): the change of the figure before
#: when a rate's or of that figure's unit (增加3个调解室 after 法庭5个 may be a thing of its own)
_VERB_CHANGE = re.compile(r"^(?:上升|下降|增长|增加|减少|提高|降低|回落|提升)了?(?=[0-9０-９])")
#: the rank of the figure right before it (…5个案例入选甲，居全国首位; ，位列全省第二)
_RANK_OF = re.compile(
    r"^(?:均|仍|继续|稳)?(?:居|位居|位列|排名|排在|列)(?:于)?[^，,。；;0-9]{0,6}?(?:首位|第|前)"
)
#: a change that goes on with the figure before it (比上年增加2803件, 增幅4.61%)
_CHAINED_CHANGE = re.compile(r"(?:同比|环比|较|比|增幅|降幅|分别)")
#: a change that opens its clause on the year it is measured against (与2016年（N件）相比上升,
#: 2016年与2015年相比上升, 较2019年上升) or on its verb (连续三年每年增长15%): like 同比, it goes on
#: with the figure before it
_BASELINE_CHANGE = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:与|和|同|较|比)(?:(?:19|20)\d{2}年|去年|上年|前年)[^，,。；;]{0,16}?"
    r"(?:相比|相较|比较)?(?:上升|增长|增加|提高|下降|减少|降低|回落)"
    r"|[连续逐每年一二三四五六七八九十两]{2,8}(?:上升|增长|增加|下降|减少|回落)"
)
#: the words right before a count given as the base a later count is compared with: the year,
#: or the period, it is measured against (与2022年（1.4万件）相比, 较上年同期的1.4万件, 由2022年的
#: 1.4万件降至…)
_BASELINE_OF = re.compile(
    r"(?:(?:与|和|同|较|比|对比|相比|相较)于?|由|从)"
    r"(?:(?:19|20)\d{2}年|去年|上年|前年|上一年)(?:同期|全年|年底|年末|底|末|时)?"
    r"[^，,。；;0-9０-９]{0,8}?[（(的]?$"
)
#: a verb of selection for an honour or a title (入选, 获评, 荣立, 被评为, 授予): the figure of its
#: clause counts the honoured (21件案件入选甲典型案例, 9个集体获评“乙”, 荣立“丙”1次)
_SELECTED = re.compile(
    r"入选|入選|获评|獲評|荣获|榮獲|荣立|榮立|评为|評為|获授|獲授|授予|命名为|命名為|认定为|認定為"
)
#: how far before an honour's name its verb of selection stands (获评为全省“甲”)
_SELECTED_REACH = 8
#: the units of the honoured counted before the verb: courts, bodies, cases (6家法庭入选甲, 9个集体
#: 获评乙, 21件案件入选丙); an honour of people is a role of theirs, no initiative
_HOLDER_UOMS = ("个", "家", "件", "起", "篇", "项", "批")
#: the words between the honoured counted and the verb of selection: a short noun or nothing
#: (3篇论文入选), nothing that joins another work or denies the selection (并入选, 未能入选)
_HOLDER_GAP = re.compile(r"(?![^未没不并且又后]*[未没不并且又后])[\u4e00-\u9fff]{0,6}")
#: what may stand between a name and the figure right after it: its closing quote
_QUOTE_END = re.compile('[”"]?')
#: the unit of the times an honour was won, counted after its name (荣立“集体三等功”1次)
_TIMES_UOMS = ("次",)
#: a sentence that opens on the period its figures cover and nothing else (2024年以来，; 2025年截至
#: 11月底，; 今年1至9月，)
_PERIOD_OPENING = re.compile(
    r"\s*(?:(?:19|20)\d{2}年|今年|去年|当年|截至|截止|自)"
    r"[0-9０-９一二三四五六七八九十年月日底末初以来至到\-—～~截止前后上下半季度]*[，,]"
)
#: another's level a figure is compared with (远低于全市162件/万人, 高于全省平均水平)
_COMPARED = re.compile(
    r"(?:低于|高于|优于|好于|超过|少于|多于)(?:全国|全省|全市|全区|全州|同期|同类)"
)
#: a brand only planned or not yet in place in the sentence that names it (计划构建“甲”, 拟推行,
#: 尚未建立, 目前尚在论证): no figure after it followed from it
_PLANNED = re.compile(
    r"计划|(?<!模)拟|准备|筹备|筹划|尚未|暂未|未能|尚在|正在论证|论证中"
    r"|将(?:要|于|会)?(?:构建|推行|建立|打造|开展|探索|推出|创建|实施|试行|启动)"
)
#: a court named in the text (象山县人民法院, 乙中院): its leftmost words may run into the ones
#: before it
_A_COURT = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:人民法院|法院|中院|高院|人民法庭|法庭)(?![庭长])")
#: the courts a text's own court system calls its own (全市法院, 全省法院, 两级法院, 各级法院)
_OWN_COURTS = re.compile(
    r"(?:全[省市区县州盟国]?|各级?|两级|三级|该|本|我)(?:法院|法庭|中院|高院)$"
)
#: a verb that launches a practice right before its name (创新构建“甲”工作机制, 一体推行“乙”)
_LAUNCH = re.compile(
    r"(?:构建|推行|建立|建立完善|打造|开展|探索|推出|创建|实施|试行|启动)(?:了|起)?[“\"]?$"
)
#: a sentence that opens a new item of an enumeration does not continue the one before
_NEW_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]是|其[一二三四五]|第[一二三四五六七八九十]|首先|此外|另外)"
)
#: a heading run into its paragraph: a verb of a task and one or two short clauses of words only
#: (深化诉调对接，高效化解纠纷; 推进指导人民调解常态化)
_RUN_IN_HEADING = re.compile(
    r"\s*(?:加强|深化|推进|推动|强化|完善|健全|落实|优化|提升|拓展|聚焦|坚持|创新|延伸|构建|打造|"
    r"搭建|注重|突出|做实|筑牢|织密|畅通|夯实)[\u4e00-\u9fff“”\"]{2,10}"
    r"(?:[，,][\u4e00-\u9fff“”\"]{4,12})?"
)
#: the words that make a later name in the sentence the cause of the figure (…，这是X的成效)
_CREDIT_AFTER = re.compile(r"成效|成果|效果|得益|源于|受益")
#: a verb that takes the initiative as its object (设立跨域立案专窗, 开展巡回审判)
_ACTION_BEFORE = re.compile(
    r"(?:设立|开展|推行|适用|实行|建立|落实|运用|采用|通过|依托|实现)[“\"]?$"
)
#: a court-wide quality indicator (服判息诉率, 上诉率, 发改率): reported for all of a court's
#: cases like a caseload, credited to no measure named before it unless the text says so
_QUALITY_INDICATOR = re.compile(r"服判息诉|息诉服判|上诉|发改|改判|审限内结案")
#: a rate every court reports of all its cases (调撤率, 调解撤诉率, 审判质效指标): no sentence
#: before it credits it to a practice
_COURT_WIDE = re.compile(r"调撤率|調撤率|撤诉率|撤訴率|指标|指標")
#: judicial confirmations counted (司法确认5618件, 司法确认调解协议2110件), not a condition
#: (经司法确认的调解协议履行率): a procedure of its own, no result of the practice named before
_CONFIRMATION = re.compile(
    r"(?<!经)司法[确確][认認](?:调解协议|調解協議|案件|申请|申請)?\s*(?:数量?|數量?)?(?:为|為|达|達)?\s*$"
)
#: the rest of a breakdown (，其它进入一审程序的案件40306件): none of the items named before it
_REST = re.compile(r"[\s，,、；;]*(?:其它|其他|其余|剩余|余下)")
#: a quoted practice launched (推行“裁执分离”, 创新“甲”机制)
_LAUNCHED_QUOTE = re.compile(
    r"(?:推行|推进|推广|实行|实施|建立|构建|打造|开展|探索|推出|创新|创建|试行|启动|深化)[“\"]"
    r"([^”\"]{2,12})[”\"]"
)
#: a share or a rate, not a caseload (受理案件调解率, 结案占新收案件比例)
_RATIO = re.compile(r"率|比例|比重|占")
#: a sentence saying an initiative has borne fruit (甲工作取得新进展, 乙成效明显): what the next
#: sentence reports are its results
#: a sentence that opens on a topic of its own before its figure: 执行工作持续发力，… / 刑事审判方面，…
_OWN_TOPIC = re.compile(r"[^，,。；;\n]{1,10}?(?:方面|工作)[^，,。；;\n]{0,6}[，,]")
_EFFECT = re.compile(
    r"[”\"]?[^，,。；;]{0,8}?(?:取得[^，,。；;]{0,6}?(?:成效|进展|成果|成绩)|成效(?:明显|显著|初显|凸显|突出))"
)
#: a lead-in saying what its practice improved (…，有效提升了办案质效。): the next paragraph's
#: figures are its results
_IMPROVED = re.compile(r"(?:有效|显著|明显|大幅)(?:提升|提高|改善|促进)了?|(?:提升|提高|促进)了")
#: words between an initiative and a figure that credit the figure to it
_CREDITED = re.compile(_CREDIT_AFTER.pattern + r"|通过|带动|推动下|促进|以来|至今")
#: a campaign's span right after its name (行动期间, 专项活动开展期间): what it did credits it
_DURING = re.compile(r"[”\"]?(?:开展|实施|试点|试行)?期间")
#: a name the rest of its paragraph reports the results of (甲机制推行以来，…。…)
#: a verb that sets up or pushes the practice a paragraph is about (探索建立推进“甲”工作机制)
_TOPIC_VERB = re.compile(r"(?:建立|推进|推行|实施|创建|构建|打造|开展)[“\"]?$")
#: what may stand before a name that opens a sentence (自, 该院, 去年, the court's name)
_SINCE_LEAD = re.compile(r"[\s“]*(?:自|从)?[\u4e00-\u9fff]{0,12}?(?:的)?[“\"]?")
#: a sentence opening on the means of its figures (该院依托“甲”机制，)
_MEANS_LEAD = re.compile(r"[\s“]*[\u4e00-\u9fff]{0,12}?(?:依托|借助|依靠|凭借)[“\"]?")
#: the rest of the opening clause after the means' name (机制，; 平台优势，)
_OPENER_TAIL = re.compile(r"[”\"]?[\u4e00-\u9fff]{0,4}[，,]")
#: a practice before litigation, and words that put a figure in litigation itself
_PRE_SUIT = re.compile("诉前|訴前")
_IN_SUIT = re.compile("(?<![非])诉讼(?:案件|调解|调撤|中)|诉中|訴訟(?:案件|調|中)")
_SINCE_AFTER = re.compile(r"[”\"]?[^，,。；;]{0,6}?以来")
#: an initiative that is a body doing the work (速裁团队, 诉调对接中心, 法官工作室)
_UNIT_NAME = re.compile(r"(?:团队|中心|工作室|工作站|调解室)$")
#: a verb that names the means the figures after it were reached by (依托“甲”，…)
_MEANS_BEFORE = re.compile(r"(?:依托|借助|通过|依靠|凭借|运用)[“\"]?$")
#: links a next figure of the same measure may take over
_CHAINED = ("link:own-words", "link:figure-before", "link:change-of", "link:topic-brand")
#: the words of a figure that only name an attribute of the measure before it (调解成功295件,
#: 成功率96.72%, 结案2619件, 平均审理时长19.9天)
_ATTRIBUTE = re.compile(
    r"^[，,、\s]*(?:其中|同期|共|累计|已)?(?:调解|成功|调撤|撤诉|结案|审结|办结|执结|平均|审理|"
    r"办理|时长|周期|用时|天数|成功率|调解率|调撤率|结案率|化解|履行|自动履行|司法确认|确认|率|"
    r"达|为|占比|比例|均)*(?:率|件|数|量)?(?:达到|达|为)?[\u4e00-\u9fff]{0,2}$"
)
#: a noun counted right after a figure (2个便民工作站), not a bound or a modifier (以上, 的)
_COUNTED_AFTER = re.compile(
    r"[“\"]?[\u4e00-\u9fff“”]{0,10}(?:站|点|室|庭|中心|委员会|基地|团队|组织|平台|窗口|专窗|网点|机构)"
)
#: courts or places counted right after a figure, then what they did (人民法庭实现…, 村配备…)
_UNITS_DID = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:法庭|法院|单位|村|社区|乡镇|街道)(?:均|都|全部|已)?"
    r"(?:实现|配备|建成|设立|开通|完成|达到|建立|接入|入驻|上线|落实)"
)
#: people counted right after a figure, then what they do (法官深入基层…, 助理分配到…)
_PEOPLE_ACTING = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:法官|干警|调解员|助理|人员|书记员|律师)"
    r"(?:深入|分配|下沉|进驻|入驻|常驻|参与|开展|走进|派驻|分赴|奔赴)"
)
#: the rest of a list of activities running up to the figure that sums them (、全域立案、法治宣传)
_LIST_TO_FIGURE = re.compile(r"(?:[、和及][\u4e00-\u9fff“”]{2,10})+(?:共|累计|合计|达|计)?")
#: initiatives that keep disputes from becoming cases: a fall in the caseload is their measure
_SOURCE = re.compile(r"诉源|源头|共治|多元化解|多元解纷|解纷|无讼|枫桥|诉前|诉非|非诉|先行调解")
#: the cases filed (新收, 收案, 受理): a fall of them is what 诉源治理 is judged by
_INCOMING = re.compile(
    r"新收|收案|受案|受理|立案|成讼|起诉|诉讼案件|訴訟案件|诉讼增量|[诉訴]至(?:人民)?法院"
)
#: the cases a court concluded, and a load per head (法官人均结案): its output, not the cases
#: filed
_CONCLUDED = re.compile(r"审结|審結|结案|結案|办结|辦結|执结|執結")
_PER_HEAD = re.compile(r"人均")
#: a sentence opening on what the one before brought about (结果，…; 由此…)
_RESULT_OPENING = re.compile(r"[\s“]*(?:结果|結果|因此|由此|从而|從而)")
#: a sentence calling what it reports a result of dealing with disputes at their source
#: (源头化解成效显著, 这是抓源头减讼交出的答卷)
#: (a reading put in brackets counts as one: 防范（fángfàn）化解)
_SOURCE_RESULT = re.compile(
    r"(?:源头|源頭|诉源|訴源)(?:[^，,。；;（(]|[（(][^（()）]{0,12}[）)]){0,12}?(?:成效|成果|答卷|效果)"
)
#: the name of 诉源治理 or of a local brand of it (“三角形”诉源治理工作法)
_SOURCE_NAME = re.compile(r"诉源|訴源|源头上?减少诉讼")
#: the first change a sentence reports after a figure: a fall or a rise
_CHANGE = re.compile(r"(?P<fall>下降|减少|降低|回落|负增长|下滑|降幅)|增长|上升|增加|上涨|攀升")
#: the means named after a figure (…1200件，主要通过诉前调解实现)
_MEANS_BEFORE_AFTER = re.compile(r"(?:通过|依托|借助|得益于|依靠)[“\"]?$")
#: a name that only qualifies the noun after it (入驻甲平台的单位数量)
_MODIFIER_AFTER = re.compile(r"[”\"]?[\u4e00-\u9fff]{0,4}的[\u4e00-\u9fff“”、]{2,}")
#: a sentence opening with what credits the figures before it (这得益于…, 这是…的成效)
_CREDIT_NEXT = re.compile(
    r"[\s“]*(?:这|此|上述|以上|这些|这一)(?:些|项)?(?:成绩|成效|数据|变化|成果)?[^，,。；;]{0,4}?"
    r"(?:得益于|源于|归功于|离不开|是[^，,。；;]{1,20}?(?:的)?(?:成效|成果|结果))"
)
#: the words before a part's number that leave its noun unsaid (，其中12家…, 、7家…)
_ELLIPTIC_PART = re.compile(r"[\s，,、]*(?:其中|内有|有)?")
#: the links that credit a figure from its sentence or paragraph, whatever its own words
_TOPIC_RULES = (
    "link:sentence",
    "link:sentence-before",
    "link:anaphor",
    "link:since",
    "link:item-lead",
    "link:credit-after",
    "link:credit-next",
    "link:effect-before",
)
#: the words of an honour's name (全国法院先进集体, 人民满意的好法庭): no practice a figure reports
_HONOUR_NAME = re.compile(r"先进|模范|优秀|荣誉|称号|表彰|满意|标兵|典型案例|奖")
#: the name of an honour given to courts or people (全国模范法院, 集体三等功, 三八红旗集体):
#: the honoured are counted (授予16个单位…称号), no figure reports its results
_HONOUR_TITLE = re.compile(
    _HONOUR_NAME.pattern + r"|[一二三]等功|三八红旗|红旗(?:集体|手|单位)|殊荣"
)
#: honours received, counted (7名干警共获11项荣誉表彰, 授予10个法庭…荣誉称号): no practice's result
_HONOURS_COUNTED = re.compile(r"荣誉|表彰|称号|殊荣|嘉奖|立功")
#: what a practice handles: cases and disputes (委派调解300件, 在线调解案件平均时长20天)
_CASE_UOMS = ("件", "起", "件次")
_CASE_WORDS = re.compile("案件|纠纷")
#: the verb of a clause that says what the figures before it built (，打造甲; ，织就了更大范围的乙)
_BUILT_VERB = re.compile(
    r"(?:进而|从而|逐步|初步)?(?:打造|织就|构建|建成|形成|铸就)(?:了|起)?[\u4e00-\u9fff]{0,6}?的?[“\"]?"
)
#: the standard measures of initiatives (domain knowledge): 万人成讼率, the cases filed per
#: 10,000 people, is how 诉源治理 is judged
_STANDARD_MEASURES = ((re.compile("万人成讼|萬人成訟"), "诉源治理"),)
#: how often the one initiative of an article is named for its figures to be credited to it
_SOLE_MENTIONS = 3
#: guiding principles a court follows (坚持和发展新时代“枫桥经验”), not a practice whose results
#: a figure reports (domain knowledge): named, they still make a sentence a list
_PRINCIPLE = re.compile(r"(?:新时代)?[“\"]?枫桥经验[”\"]?")
#: a title a tribunal earns (枫桥式人民法庭, 五化法庭, 示范法庭, 新时代人民法庭建设案例): credited
#: with the figures that count its holders (3个法庭入选“枫桥式人民法庭”), never with the figures
#: of the sentence or paragraph that names it
_COURT_TITLE = re.compile(r"枫桥式|楓橋式|五化|示范(?:人民)?法庭|示範(?:人民)?法庭|法庭建设案例")
#: the links where the figure's own words, or those of the figure it continues, name the initiative
_COUNTING_RULES = (
    "link:own-words",
    "link:own-brand",
    "link:total-parts",
    "link:figure-before",
    "link:change-of",
    "link:measure",
)
#: a sentence opening on a court as its subject (宝鸡市金台区法院累计…, 乙中院…)
_COURT_OPENING = re.compile(
    r"[\s“]*(?!通过|依托|借助|依靠|经|在|向|与|由|对|将|把|为|从|同|和|及|按)"
    r"[\u4e00-\u9fff]{2,12}?(?:人民法院|法院|中院|高院|人民法庭|法庭)(?![庭长])"
)
#: the joint of a compound brand's parts (“多元调解+速裁”)
_COMPOUND = re.compile("[+＋]")
#: the heads of parts too plain to tell a figure is a brand's (法院+综治中心: 法院, 中心)
_PLAIN_PARTS = frozenset({"法院", "法庭", "中心", "机制", "平台", "工作", "模式", "部门", "单位"})
#: the courts or tribunals counted right after a figure (316家人民法庭, 13个基层法院)
_COURTS_COUNTED = re.compile(r"(?:基层|中级)?(?:人民法庭|法庭|人民法院|法院)")
#: the words before such a count that name a region or a court system only (全省, 浙江, 全市法院)
_REGION_ONLY = re.compile(
    r"[，,、\s]*(?:全省|全市|全区|全州|全县|全国|全盟|辖区|[一-鿿]{1,4}?(?:省|市|区|县))"
    r"(?:各级|两级|三级|基层)?(?:法院|法院系统)?(?:共有|共|有|现有)?"
)
#: what the courts counted reached or were given (达到五化标准, 入选, 实现全覆盖)
_ACHIEVED = re.compile(
    r"[^，,。；;]{0,6}?(?:达到|达标|实现|建成|入选|获评|获得|获|创建|完成|通过|被|成为|设立|开通|配备|建立)"
)
#: a growth below another (比全国平均值低10.21个百分点, 低于全国平均增速12.1个百分点)
_LOWER = re.compile(r"低于|低[0-9０-９]|比[^，,。；;]{0,14}低")
#: filings 诉源治理 does not stand for: criminal, enforcement and administrative ones
_NOT_CIVIL = re.compile(r"刑事|执行|執行|行政")
#: a sentence that gives its figures a cause of their own
_OTHER_CAUSE = re.compile(r"受[^，,。；;]{0,12}影响|原因|由于|因为|源于")
#: a sentence that says the practice began after its figures (此后该院开始探索…)
_BEGAN_AFTER = re.compile(r"(?:此后|之后|随后|后来)[^。；;]{0,12}(?:开始|启动|着手)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: a change of the growth of filings, not of the filings themselves
_GROWTH = re.compile(r"增幅|增速|增长率|涨幅")
#: how many sentences back a paragraph's credit reaches
_REACH = 1


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    anaphor: bool = False  # 该机制, 这一模式: the initiative named before
    credit: bool = True  # False: a body or a policy named (甲机制领导小组, 按照甲要求)
    core: bool = False  # the name without its generic tail (合理分流 for 合理分流机制)
    frame: bool = False  # named as a frame or an idea (诉源治理大格局): credited with nothing


def _surfaces(ref_name: str, mentions: list[str], others: Container[str] = frozenset()) -> set[str]:
    """The strings that name the initiative in a text; `others` are what other initiatives
    of the text are written as, which a quoted brand inside this one's name does not take."""
    out = {s for s in mentions if len(s) >= 2}
    for s in [ref_name, *mentions]:
        core = _GENERIC_TAIL.sub("", s).strip(_QUOTES)
        if len(core) >= 3 and core != s:
            out.add(core)
        # the quoted brand of a longer name (“社区法苑”法官联系点 -> 社区法苑)
        for q in _QUOTED_BRAND.findall(s):
            if q != s.strip(_QUOTES) and q not in others:
                out.add(q)
    return out


#: what a comparison names after 比 (以往, 去年同期): a name ending in 比 before it is no name
_COMPARED_WITH = re.compile(r"以往|往年|去年|上年|前年|上一年|同期")
#: a brand quoted inside a name, long enough to stand for it alone (“社区法苑”法官联系点)
_QUOTED_BRAND = re.compile('[“"]([\u4e00-\u9fff]{4,})[”"]')


class _Others:
    """What the other initiatives of a text are written as: a string written by more
    initiatives than this one's own words account for."""

    def __init__(self, written_by: Counter[str], own: frozenset[str]) -> None:
        self.written_by = written_by
        self.own = own

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.written_by[word] > (word in self.own)


def _mentions(ex: Extraction) -> list[_Mention]:
    """Every place the text names one of the extraction's initiatives, in text order; where
    names overlap the longer one wins."""
    text = ex.document.text
    found: list[tuple[int, int, str]] = []
    cores: set[tuple[int, int, str]] = set()
    named = {
        ref.name: {ev.quote for ev in ref.evidence if ev.quote} | set(ref.mentions)
        for ref in ex.initiatives
    }
    # what each initiative is written as, and how many initiatives are written so: counted
    # once, not rebuilt per initiative (quadratic in a text naming hundreds)
    words = {n: frozenset(w.strip(_QUOTES) for w in (*ws, n)) for n, ws in named.items()}
    written_by = Counter(w for ws in words.values() for w in ws)
    for ref in ex.initiatives:
        written = named[ref.name]
        others = _Others(written_by, words[ref.name])
        surfaces = _surfaces(ref.name, sorted(written), others)
        for s in surfaces:
            core = s not in written and s != ref.name
            i = text.find(s)
            while i >= 0:
                # 调解案件比以往…: the words of a comparison, not the name 案件比
                if not (s.endswith("比") and _COMPARED_WITH.match(text, i + len(s))):
                    found.append((i, i + len(s), ref.name))
                    if core:
                        cores.add(found[-1])
                i = text.find(s, i + 1)
    # 速裁速执团队 for 速裁团队: a two-word name with a word put between its halves, where no
    # other name stands
    taken = sorted((a, b) for a, b, _ in found)
    for ref in ex.initiatives:
        if len(ref.name) != 4 or not _HAN4.match(ref.name):
            continue
        head, tail = ref.name[:2], ref.name[2:]
        i = text.find(head)
        while i >= 0:
            if text.startswith(tail, i + 4) and _HAN4.match(text, i, i + 4):
                k = bisect.bisect_left(taken, (i + 6, -1))
                if not any(a < i + 6 and i < b for a, b in taken[max(0, k - 8) : k]):
                    found.append((i, i + 6, ref.name))
            i = text.find(head, i + 1)
    found.extend(_short_units(text, ex, found))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[_Mention] = []
    reach = -1
    for a, b, name in found:
        if b <= reach:
            continue  # inside a longer mention
        if out and a < out[-1].end:
            continue  # overlaps the mention before it
        reach = max(reach, b)
        # 甲机制领导小组, 按照甲要求: a body or a policy, listed but credited with nothing
        frame = bool(_FRAME_AFTER.match(text, b) or _FRAME_NAME.search(name))
        credit = not (
            frame
            or _EMBEDDED_AFTER.match(text, b)
            or _POLICY.search(text, max(0, a - 8), a)
            or _occasion(text, a, b)
        )
        out.append(_Mention(a, b, name, credit=credit, core=(a, b, name) in cores, frame=frame))
    return _with_anaphors(text, out)


@functools.lru_cache(maxsize=8)
def _clause_end_positions(text: str) -> list[int]:
    """Where each character of _CLAUSE_ENDS stands in `text`, in order (read once per text)."""
    return [m.start() for m in _CLAUSE_END_CHAR.finditer(text)]


def _clause_around(text: str, a: int, b: int) -> tuple[int, int]:
    """The clause holding text[a:b]: after the last of _CLAUSE_ENDS before `a`, up to the first
    at or after `b` (the text's end without one)."""
    ends = _clause_end_positions(text)
    i = bisect.bisect_left(ends, a)
    j = bisect.bisect_left(ends, b)
    return (ends[i - 1] + 1 if i else 0), (ends[j] if j < len(ends) else len(text))


def _occasion(text: str, a: int, b: int) -> bool:
    """Whether the name at text[a:b] stands in a clause naming the occasion or the principle the
    court acted on (以甲为契机, 坚持“乙”的原则, 按照丙确定的布局思路), not a practice credited."""
    lo, hi = _clause_around(text, a, b)
    # (text[b:hi] holds no clause end, so no newline: a plain suffix test)
    return text.endswith(_OCCASION_ENDS, b, hi) and _OCCASION_LEAD.match(text, lo, a) is not None


def _short_units(
    text: str, ex: Extraction, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Where the text names a body of the extraction's (金融案件审判团队, 金融消费纠纷调解工作室)
    by a shorter form: its name with words left out (金融审判团队), or its head alone as the
    means after the full name in the same paragraph (设立甲调解工作室，…通过工作室调解成功N件)."""
    out: list[tuple[int, int, str]] = []
    taken = sorted((a, b) for a, b, _ in found)
    starts = [a for a, _ in taken]

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_left(starts, b)
        return not any(x < b and a < y for x, y in taken[max(0, k - 8) : k])

    units = []
    for ref in ex.initiatives:
        name = ref.name.strip(_QUOTES)
        found_head = _UNIT_HEAD.search(name)
        if found_head is None or not _HAN_ONLY.fullmatch(name):
            continue
        units.append((ref.name, name[: found_head.start()], found_head.group(0)))
    for full, stem, head in units:
        same_head = [u for u in units if u[2] == head]
        i = text.find(head)
        while i >= 0:
            end = i + len(head)
            # every shorter form ends with the stem's last two characters, right before the
            # head: without them there is none to try (the cheap checks first, then the rest)
            tries = range(len(stem) - 1, 2, -1) if text[max(0, i - 2) : i] == stem[-2:] else ()
            for k in tries:  # the longest shorter form first
                words = text[i - k : i] if i >= k else ""
                if (
                    words[:2] == stem[:2]
                    and words[-2:] == stem[-2:]
                    and _HAN_ONLY.fullmatch(words)
                    and _subsequence(words, stem)
                    and free(i - k, end)
                ):
                    out.append((i - k, end, full))
                    break
            else:
                if (
                    len(same_head) == 1
                    and _MEANS_HEAD.search(text, max(0, i - 2), i)
                    and free(i, end)
                ):
                    line = text.rfind("\n", 0, i) + 1
                    if any(a >= line and b <= i and n == full for a, b, n in found):
                        out.append((i, end, full))
            i = text.find(head, end)
    return out


def _subsequence(words: str, name: str) -> bool:
    """Whether `words` are characters of `name` in order."""
    it = iter(name)
    return all(c in it for c in words)


#: the head of a body's name (…调解工作室, …审判团队)
_UNIT_HEAD = re.compile(r"(?:工作室|调解室|工作站|团队|中心)$")
_HAN_ONLY = re.compile("[\u4e00-\u9fff]+")
#: the words before a body's head standing alone for its name (通过工作室调解…)
_MEANS_HEAD = re.compile(r"(?:通过|依托|经由|借助)$")


#: a word that makes a name part of a body's, a meeting's or a document's title (…机制领导小组,
#: …机制座谈会, …工作法治化)
_EMBEDDED_AFTER = re.compile(
    r"[”\"]?(?:领导小组|工作小组|工作专班|专班|办公室|委员会|治化|精神|部署|要求|"
    # a meeting named after it (甲机制座谈会, 乙工作推进会)
    r"(?:工作)?(?:座谈会|研讨会|联席会议?|推进会|现场会|培训班|论坛))"
)
#: the name of a frame or an idea a court follows (“如我在诉”理念, 诉源治理大格局), not a practice
_FRAME_NAME = re.compile(r"理念[”\"]?$")
#: a frame built of practices (诉源治理大格局) or an idea followed (“如我在诉”理念)
_FRAME_AFTER = re.compile(r"[”\"]?(?:大?格局|理念)")
#: the end of a clause naming an occasion or a principle (…为契机, …的原则, …思路)
#: (the words its clause ends with: a suffix test, not a regex searched across the clause)
_OCCASION_ENDS = ("为契机", "的原则", "原则", "思路")
_OCCASION_LEAD = re.compile(r"[\s“]*[\u4e00-\u9fff]{0,12}?(?:以|借|坚持|按照|根据|依照)")
#: a policy referred to, not a practice credited (按照…要求, 贯彻…精神)
_POLICY = re.compile(r"(?:按照|根据|贯彻|依照|遵照)[^，,。；;]{0,6}$")


#: a phrase that points back at the initiative named before (该机制推行以来)
_ANAPHOR = re.compile(
    r"(?:该|这一|这项|此项|这种|此)(?P<head>机制|模式|做法|制度|平台|举措|工作法|品牌|改革|工作室|"
    r"中心|团队|措施|项目)(?=[^，,。；;]{0,8}?(?:推行|实施|运行|开展|建立|设立|启用|上线|试点|运用|"
    r"成立|落地|以来|后))"
)
#: how far back an anaphor looks for the initiative it points at
_ANAPHOR_REACH = 400
#: a head noun alone opening a clause with 以来 (专项行动开展以来，…): the one initiative named
#: before with that head, wherever in the article
_BARE_ANAPHOR = re.compile(
    r"(?<![^\n。；;，,\s“])(?:此次|本次|这次)?"
    r"(?P<head>专项行动|专项活动|行动|活动|机制|模式|改革|工作法|工程|项目)"
    r"(?=(?:开展|实施|推行|运行|启动|试行)以来|(?:开展|实施)?期间)"
)

#: the end of a name _BARE_ANAPHOR's heads point at (“春雷”专项执行行动, “宪法宣传周”活动)
_BARE_HEAD_END = re.compile(r"(?:行动|活动|机制|模式|改革|工作法|工程|项目)$")
#: the heads _BARE_ANAPHOR names
_BARE_HEADS = (
    "专项行动",
    "专项活动",
    "行动",
    "活动",
    "机制",
    "模式",
    "改革",
    "工作法",
    "工程",
    "项目",
)


def _with_anaphors(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions plus one for each anaphor that follows a named initiative (该机制推行以来 after
    “以保促调”): the nearest name before it with the same head noun, else the nearest name."""
    starts = [m.start for m in mentions]
    extra: list[_Mention] = []
    for a in _ANAPHOR.finditer(text):
        i = bisect.bisect_left(starts, a.start())
        # the anaphor's paragraph or the one before it
        line_start = text.rfind("\n", 0, a.start())
        lo = text.rfind("\n", 0, max(0, line_start)) if line_start > 0 else 0
        lo = max(lo, a.start() - _ANAPHOR_REACH)
        earlier = [m for m in mentions[max(0, i - 12) : i] if m.start >= lo]
        if not earlier:
            continue
        same = [m for m in earlier if m.name.endswith(a.group("head"))]
        target = (same or earlier)[-1]
        extra.append(_Mention(a.start(), a.end(), target.name, anaphor=True))
    # the names before each anaphor by the head they end with, and the last campaign among
    # them, kept as the anaphors advance (not rescanned at each: a text may name hundreds)
    by_head: dict[str, set[str]] = {}
    last_campaign: str | None = None
    seen = 0
    for a in _BARE_ANAPHOR.finditer(text):
        head = a.group("head")
        i = bisect.bisect_left(starts, a.start())
        for m in mentions[seen:i]:
            bare = m.name.rstrip('”"')
            if m.anaphor or not _BARE_HEAD_END.search(bare):
                continue
            last_campaign = bare
            for h in _BARE_HEADS:
                if bare.endswith(h):
                    by_head.setdefault(h, set()).add(m.name)
        seen = max(seen, i)
        heads = set(by_head.get(head, ()))
        if heads and last_campaign is not None and not last_campaign.endswith(head[-2:]):
            # 开展“甲”活动。…开展“乙”专项行动。活动期间: another kind of campaign stands closer
            # (one of the same kind may be a part of it: 专项行动 past a 夜间集中执行行动)
            continue
        if not heads and i == 0:
            # 行动期间，… opening an article that names the campaign further on (not when a
            # name stands before it: 深化诉源治理。行动期间，…。…开展“甲”专项行动)
            heads = {m.name for m in mentions if m.name.rstrip('”"').endswith(head)}
        if len(heads) == 1:
            extra.append(_Mention(a.start(), a.end(), heads.pop(), anaphor=True))
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _figure_at(
    text: str, lo: int, hi: int, value: float, uom: str, taken: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """Where in text[lo:hi] the figure of `value` (with its unit) stands, past the places in
    `taken` (增设2个甲、2个乙: the second 2个 is the second figure); (lo, lo) when it cannot be
    found. A number written as the value itself comes before one scaled to it (建立甲18个、乙9
    个: 9 is the second figure, not half of 18)."""
    numbers = []
    for m in NUMERAL.finditer(text, lo, hi):
        if m.start() not in taken and (v := parse_number(m.group(0))) is not None:
            numbers.append((m, v))
    for scale in (1, 10_000, 100_000_000, 0.5):
        for m, v in numbers:
            if abs(v * scale - value) < 1e-6 * max(1.0, abs(value)):
                end = m.end()
                while end < hi and text[end] in "余多 ":
                    end += 1
                if text.startswith(uom, end):
                    end += len(uom)
                elif taken:
                    continue  # (a second figure of one value is found by its unit too)
                return m.start(), min(end, hi)
    return lo, lo


class _Text:
    def __init__(self, text: str, mentions: list[_Mention]) -> None:
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.stops = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.full_stops = [m.start() for m in _FULL_STOP.finditer(text)]
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self._between: dict[tuple[int, int], tuple[_Mention, ...]] = {}

    def between(self, lo: int, hi: int) -> tuple[_Mention, ...]:
        """The mentions inside text[lo:hi], in text order (once per span: the linker asks of
        the same sentences and lines for every figure)."""
        key = (lo, hi)
        found = self._between.get(key)
        if found is None:
            i = bisect.bisect_left(self.starts, lo)
            j = bisect.bisect_left(self.starts, hi)
            found = self._between[key] = tuple([m for m in self.mentions[i:j] if m.end <= hi])
        return found

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.stops, pos)
        a = self.stops[i - 1] + 1 if i > 0 else 0
        b = self.stops[i] if i < len(self.stops) else len(self.text)
        return a, b

    def full_sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around `pos` up to its full stop, past semicolons."""
        i = bisect.bisect_left(self.full_stops, pos)
        a = self.full_stops[i - 1] + 1 if i > 0 else 0
        b = self.full_stops[i] if i < len(self.full_stops) else len(self.text)
        return a, b

    def line(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_left(self.breaks, pos)
        a = self.breaks[i - 1] + 1 if i > 0 else 0
        b = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return a, b

    def previous_line(self, start: int) -> tuple[int, int] | None:
        """The non-empty line before the one starting at `start`."""
        pos = start - 1
        while pos > 0:
            a, b = self.line(pos - 1)
            if self.text[a:b].strip():
                return a, b
            pos = a - 1
        return None

    def clause_start(self, pos: int, lo: int) -> int:
        a = pos
        while a > lo and self.text[a - 1] not in CLAUSE_PUNCT:
            a -= 1
        return a


@dataclass
class _Figure:
    outcome: OutcomeRef
    clause: tuple[int, int]
    own: tuple[int, int]  # the figure's own words inside its clause
    figure: tuple[int, int]  # the number and its unit


def _figures(t: _Text, outcomes: list[OutcomeRef]) -> list[_Figure]:
    """Each outcome's clause and its own words (split between the figures of one clause)."""
    figs: list[tuple[int, int, tuple[int, int], OutcomeRef]] = []
    placed: dict[tuple[int, int], set[int]] = {}
    for o in outcomes:
        if not o.evidence:
            continue
        ev = o.evidence[0]
        quote = ev.quote or o.text
        k = ev.sentence.find(quote) if quote else -1
        c_start = ev.start + max(k, 0)
        c_end = c_start + len(quote) if k >= 0 else ev.end
        taken = placed.setdefault((c_start, c_end), set())
        span = _figure_at(t.text, c_start, c_end, o.value, o.unit_of_measure, frozenset(taken))
        if span[0] == c_start and span[1] == c_start and taken:
            span = _figure_at(t.text, c_start, c_end, o.value, o.unit_of_measure)
        taken.add(span[0])
        figs.append((c_start, c_end, span, o))
    by_clause: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for c_start, c_end, p, _ in figs:
        by_clause.setdefault((c_start, c_end), set()).add(p)
    out: list[_Figure] = []
    for c_start, c_end, (pos, end), o in figs:
        others = sorted(p for p in by_clause[(c_start, c_end)] if p[0] != pos)
        lo, hi = c_start, c_end
        before = [p for p in others if p[0] < pos]
        after = [p for p in others if p[0] > pos]
        # the words between two figures go to the later one unless a separator splits them
        if before:
            cut = max(t.text.rfind(s, before[-1][1], pos) for s in _SEPARATORS)
            lo = cut + 1 if cut >= 0 else max(before[-1][1], c_start)
        if after:
            cut = max(t.text.rfind(s, end, after[0][0]) for s in _SEPARATORS)
            hi = cut + 1 if cut >= 0 else max(end, lo)
        out.append(_Figure(o, (c_start, c_end), (lo, hi), (pos, end)))
    return out


class _Linker:
    def __init__(
        self, t: _Text, figures: list[_Figure], awarded: frozenset[str] = frozenset()
    ) -> None:
        self.t = t
        self.awarded = awarded  # initiatives the text names only as honours
        self.figures = figures
        self.owned = sorted(f.own for f in figures)
        self.title_start = len(t.text) - len(t.text.lstrip())
        self.memo: dict[int, tuple[str, str] | None] = {}
        # where the figures stand, in order, and the first figure (in list order) at each place:
        # figure_before by bisection, not a pass over every figure per figure
        self.figure_starts = sorted({g.figure[0] for g in figures})
        self.first_figure_at: dict[int, _Figure] = {}
        for g in figures:
            self.first_figure_at.setdefault(g.figure[0], g)
        self.credited_names = {m.name for m in t.mentions if m.credit}
        # the compound brands named (“多元调解+速裁”机制): where, which, and their parts; a
        # court or a centre is in every sentence, it names no part
        self.compounds: list[tuple[int, str, list[str]]] = []
        for m in t.mentions:
            surface = t.text[m.start : m.end]
            if m.credit and _COMPOUND.search(surface):
                core = _GENERIC_TAIL.sub("", surface.strip(_QUOTES)).strip(_QUOTES)
                parts = [p.strip(_QUOTES) for p in _COMPOUND.split(core)]
                parts = [p for p in parts if len(p) >= 2 and p[-2:] not in _PLAIN_PARTS]
                self.compounds.append((m.start, m.name, parts))

    def credits(self, lo: int, hi: int) -> list[_Mention]:
        """Mentions in text[lo:hi] that are not another figure's own words."""
        out = []
        for m in self.t.between(lo, hi):
            i = bisect.bisect_right(self.owned, (m.start, len(self.t.text))) - 1
            if i >= 0 and self.owned[i][0] <= m.start < self.owned[i][1]:
                continue
            out.append(m)
        return out

    def own_names(self, f: _Figure) -> list[_Mention]:
        """The names in the figure's own words; the noun it counts first (在甲中心配置了N个速裁团队
        -> 速裁团队), then the head of the metric. Items of a list the figure sums
        up (人民调解室、律师调解室等6个工作室) are not its measure."""
        t = self.t
        pos, end = f.figure
        out: list[_Mention] = []
        for m in t.between(*f.own):
            listed = "、" in t.text[max(0, m.start - 1) : m.end + 1]
            if m.end <= pos and listed and "等" in t.text[m.end : pos]:
                continue
            if m.end <= pos and listed and _LIST_TO_FIGURE.fullmatch(t.text, m.end, pos):
                continue  # 开展巡回审判、全域立案、法治宣传7200余次: the sum of the items
            if _LIST_ITEM_BEFORE.search(t.text, max(0, m.start - 1), m.start) and (
                m.start >= end or (m.end < pos and not _SEPARATED.search(t.text, m.end, pos))
            ):
                continue  # 通过简易程序、速裁程序结案N件; N名法官开展普法、巡回审判: one of the items
            if end <= m.start <= end + 2 and end > pos:
                out.insert(0, m)
            else:
                out.append(m)
        # the thing the counted units did (N个法庭均设立甲专窗) before a name that
        # only places them
        acted = [m for m in out[1:] if _ACTION_BEFORE.search(t.text, max(0, m.start - 3), m.start)]
        if (
            acted
            and not _ACTION_BEFORE.search(t.text, max(0, out[0].start - 3), out[0].start)
            and not end <= out[0].start <= end + 2
        ):
            out.remove(acted[0])
            out.insert(0, acted[0])
        # 合理分流到诉前调解解决710件: a name written in full before one that is only the
        # stem of a longer name (合理分流 of 合理分流机制), unless that is the noun counted
        if len(out) > 1 and out[0].core and not end <= out[0].start <= end + 2:
            full = [m for m in out if not m.core]
            if full:
                out.remove(full[0])
                out.insert(0, full[0])
        return out

    def resolve(
        self, mentions: Sequence[_Mention], lo: int, f: _Figure | None = None
    ) -> str | None:
        """The nearest name: a credit (通过…) or the measure of a figure before (速裁案件1480件，
        平均审理时长19.9天); either way the head of its words. A figure `f` with words of its
        own (转交邮寄2407件 after 电子送达成功率92%) is no attribute of the figure before: the
        sentence's credit outside the figures' words (自集约送达中心运行以来) is taken first."""
        last = mentions[-1]
        for g in self.figures:
            if g.own[0] <= last.start < g.own[1]:
                counts = f is not None and self.counted_after(f)
                if counts or (
                    f is not None and not _ATTRIBUTE.match(self.t.text[f.own[0] : f.figure[0]])
                ):
                    free = [m for m in mentions if not self.owned_by_figure(m)]
                    if free:
                        return self.head(free, lo)
                    if not counts and (brand := self.context_brand(g)) is not None:
                        return brand  # “甲”机制。…诉前化解N件，…周期缩短至15天: the brand's
                # a mention that starts inside the figure's words may run past them
                head = (self.own_names(g) or self.t.between(*g.own) or [last])[0]
                if counts and f is not None:
                    # 增设2个甲、2个便民工作站: a thing of its own, unless the sentence says the
                    # items make up a brand (设立N个甲室、M个联系点，…共建“三位一体”甲网络)
                    return self.brand_of(head.name, f)
                found = self.link_of(g) if f is not None else None
                if found is not None and found[1] == "link:topic-brand":
                    return found[0]  # the brand the figure before was credited to over its words
                return self.specific(head, self.t.sentence(head.start)[0])
        return self.head(mentions, lo)

    def counted_after(self, f: _Figure) -> bool:
        """Whether the figure's own words name what it counts after the number (增设2个甲、
        2个便民工作站): a thing of its own, no attribute of the figure before."""
        pos, end = f.figure
        if end <= pos:
            return False  # the number was not found
        words = self.t.text[end : max(end, f.own[1])].rstrip(_SEPARATORS + "，,、")
        if _COUNTED_AFTER.fullmatch(words) is not None:
            return True
        if _UNITS_DID.match(words):
            return True  # 157个人民法庭实现一站式对接: the units that did a thing of their own
        # 派出120名干警下沉社区; 60名助理分到各庭: people doing their own work
        return f.outcome.unit_of_measure in ("名", "人") and _PEOPLE_ACTING.match(words) is not None

    def owned_by_figure(self, m: _Mention) -> bool:
        i = bisect.bisect_right(self.owned, (m.start, len(self.t.text))) - 1
        return i >= 0 and self.owned[i][0] <= m.start < self.owned[i][1]

    def head(self, mentions: Sequence[_Mention], lo: int) -> str:
        """The first name of the clause where the last of `mentions` stands."""
        last = mentions[-1]
        c = self.t.clause_start(last.start, lo)
        return next(m.name for m in mentions if m.start >= c)

    def link(self, f: _Figure, context: bool = False) -> tuple[str, str] | None:
        """The initiative `f` is credited to and the id of the rule that found it; with
        `context`, the one its sentence and paragraph credit, whatever its own words name.
        A figure its own words put in litigation (诉讼调撤成功案件2606件, 诉讼案件调撤率73%) is
        no result of a practice before litigation (诉前调解) named around it; a fall of the
        cases filed still is (诉讼案件同比下降13.9%)."""
        honour = self.honour_counted(f)
        if honour is not None:
            return honour, "link:honour-counted"
        if _HONOURS_COUNTED.search(self.t.text, f.clause[0], f.clause[1]):
            return None  # 7名干警共获11项省级荣誉表彰: honours counted, no practice's result
        found = self.find(f, context)
        if (
            found is not None
            and found[1] not in ("link:own-words", "link:own-brand", "link:measure")
            and _CONFIRMATION.search(self.t.text, f.own[0], f.figure[0])
            and not _CONFIRMATION.search(found[0])
        ):
            return None  # 诉前调解案件12779件，司法确认5618件: a procedure of its own, counted
        if found is None and not context and (source := self.source_result(f)) is not None:
            found = source, "link:source-result"
        if found is not None and found[1] not in _COUNTING_RULES and self.court_inventory(f):
            return None  # 全省316家人民法庭，积极…: a court system's own number, no result
        if found is not None and _HONOUR_TITLE.search(found[0]) and found[1] != "link:change-of":
            return None  # 授予16个单位“全省模范法庭”称号: the honoured counted, no result
            # (the change or rank of a count of the honoured goes on with it: …，居全国首位)
        if found is not None and _COURT_TITLE.search(found[0]) and found[1] not in _COUNTING_RULES:
            return None  # 创建“枫桥式人民法庭”。…诉前化解N件: a title earned, it counts only itself
        if (
            found is not None
            and found[1] not in _COUNTING_RULES
            and _COMPARED.search(self.t.text, f.clause[0], f.figure[0])
        ):
            return None  # …，远低于全市162件/万人: the level of another it is compared with
        if found is not None and _PRINCIPLE.fullmatch(found[0]):
            return None  # 坚持新时代“枫桥经验”: a principle followed, no figure is its result
        if found is not None and _PRE_SUIT.search(found[0]) and not self.caseload(f):
            own = self.t.text[f.own[0] : f.own[1]]
            if _IN_SUIT.search(own) and not _PRE_SUIT.search(own):
                return None
        return found

    def honour_counted(self, f: _Figure) -> str | None:
        """The one honour or title the figure's own words say its holders were selected for, by
        a verb right before its name: the holders counted right before the verb, by a short noun
        or nothing (21件案件入选甲典型案例, 9个集体获评“乙”) or the times after the name
        (荣立“集体三等功”1次)."""
        uom = f.outcome.unit_of_measure
        t = self.t
        if uom in _HOLDER_UOMS:
            lo, hi = f.figure[0], f.own[1]
        elif uom in _TIMES_UOMS:
            lo, hi = f.own[0], f.figure[0]
        else:
            return None
        if t.text[max(0, f.figure[0] - 1) : f.figure[0]] == "第":
            return None  # 位居全国第1: a rank, no count of the honoured
        names = set()
        for m in t.between(f.own[0], hi):
            if not (
                m.name in self.awarded
                or _HONOUR_TITLE.search(m.name)
                or _COURT_TITLE.search(m.name)
            ):
                continue
            verb = _SELECTED.search(t.text, max(f.own[0], lo, m.start - _SELECTED_REACH), m.start)
            if verb is None:
                continue
            # the holders counted: the unit then a short noun or nothing before the verb
            # (5件入选, 3篇论文入选), not another work's result (化解纠纷300件并入选) or a
            # negation (2件案件未能入选)
            if uom in _HOLDER_UOMS and not _HOLDER_GAP.fullmatch(t.text, f.figure[1], verb.start()):
                continue
            names.add(m.name)
        if uom in _HOLDER_UOMS:
            # the selected counted right after the honour's name (入选甲典型案例1件)
            for m in t.between(f.own[0], f.figure[0]):
                if (
                    (m.name in self.awarded or _HONOUR_TITLE.search(m.name))
                    and _QUOTE_END.fullmatch(t.text, m.end, f.figure[0])
                    and _SELECTED.search(t.text, max(f.own[0], m.start - _SELECTED_REACH), m.start)
                ):
                    names.add(m.name)
        return names.pop() if len(names) == 1 else None

    def court_inventory(self, f: _Figure) -> bool:
        """Whether the figure counts the courts or tribunals a region has (全省316家人民法庭,
        全省法院301个人民法庭，围绕…): its own words name the region alone, and no word after it
        says the courts counted reached or were given anything (12家法庭达到五化标准)."""
        text = self.t.text
        hi = f.clause[1]
        after = _COURTS_COUNTED.match(text, f.figure[1])
        if after is None:
            return False
        before = _TIME_WORDS.sub("", text[f.own[0] : f.figure[0]]).strip()
        if not _REGION_ONLY.fullmatch(before):
            return False
        return not _ACHIEVED.match(text, after.end(), hi)

    def find(self, f: _Figure, context: bool = False) -> tuple[str, str] | None:
        t = self.t
        own_lo, own_hi = f.own
        own = [] if context else [m for m in self.own_names(f) if m.credit]
        s_start, s_end = t.sentence(f.clause[0])
        if own:
            means = self.means_over_modifier(f, own[0], s_start)
            if means is not None:
                return means, "link:means"
            name = self.specific(own[0], s_start)
            brand = self.brand_of(name, f)
            if brand:
                return brand, "link:own-brand"
            brand = self.paragraph_brand(own[0], name, f)
            if brand:
                return brand, "link:paragraph-brand"
            topic = self.topic_brand(f, own[0], name)
            return (topic, "link:topic-brand") if topic else (name, "link:own-words")
        if not context:
            measured = self.measured(f)
            if measured is not None:
                return measured, "link:measure"
            parts = self.brand_parts(f)
            if parts is not None:
                return parts, "link:brand-parts"
        built = self.built_after(f)
        if built is not None:
            return built, "link:built-after"
        prior = self.figure_before(f)
        clause = t.text[f.clause[0] : f.clause[1]]
        if prior is not None and (
            _BARE_CHANGE.match(clause) or _RANK_OF.match(clause) or self.verb_change(f, prior)
        ):
            # 同比上升50.5% after 诉前调解结案26.5万件: the change of that figure
            found = self.link_of(prior)
            return (found[0], "link:change-of") if found else None
        caseload = self.caseload(f)
        if (source := self.source_topic(f, s_start)) is not None:
            return source, "link:source-topic"
        before: Sequence[_Mention] = t.between(s_start, own_lo)
        if before and _REST.match(t.text, own_lo, f.figure[0]):
            return None  # 其中诉前调解N件，…，其它进入审判程序的案件M件: the rest of a breakdown
        if before:
            if prior is not None and any(
                self.measure_of(g, before[-1])
                for g in self.figures
                if s_start <= g.figure[0] <= prior.figure[0]
            ):
                found = self.link_of(prior)
                if (
                    found
                    and found[1] in _CHAINED
                    and _ATTRIBUTE.match(t.text[own_lo : f.figure[0]])
                    and not self.counted_after(f)
                ):
                    # 在线调解案件305件，调解成功295件: the same measure's next figure
                    return found[0], "link:figure-before"
            opener = None if caseload else self.opener(before[0], s_start)
            if opener is not None:
                return opener
            if len({m.name for m in self.credits(s_start, own_lo)}) >= _MANY:
                if caseload and self.source_right_before(f, before):
                    # 落实甲，深化乙，推动诉源治理，民事案件降幅达9%
                    return before[-1].name, "link:caseload-source"
                return None  # the sentence lists mechanisms, it credits none of them
            before = [m for m in before if m.credit]
            if not before:
                return None
            resolved = self.resolve(before, s_start, f)
            if resolved is None:
                return None
            name = resolved
            if (
                caseload
                and (not _RATIO.search(f.outcome.metric) or self.quality_indicator(f))
                and not _UNIT_NAME.search(name)
                and not _CREDITED.search(t.text, before[-1].end, own_lo)
                and not _DURING.match(t.text, before[-1].end)
            ):
                if self.fewer_cases(f, name, {m.name for m in before}):
                    return name, "link:caseload-source"
                head = self.shared_head(f, before)
                if head is not None:
                    return head, "link:shared-head"  # 推进涉诉信访工作机制改革，…涉诉信访积案2896件
                return None  # a court's caseload is no result of a measure named before it,
                # unless the text credits it (…成效显著，新收案件下降); a team's is its own
            if self.owned_between(name, before, f) or self.other_action_between(before, f):
                return None  # 推动甲改革，…文件39个，聘请乙调解员289名，配备调解室171间
            if not before[-1].anaphor and (brand := self.brand_of(name, f)):
                return brand, "link:sentence-brand"
            last = next((m for m in reversed(before) if m.name == name), None)
            if last and not last.anaphor and (brand := self.paragraph_brand(last, name, f)):
                return brand, "link:paragraph-brand"
            return name, "link:anaphor" if before[-1].anaphor else "link:sentence"
        if _DOCUMENTS.search(t.text, f.clause[0], f.clause[1]):
            return None  # 出台15个制度文件, 发布白皮书12份: a sentence before credits no documents
        l_start, l_end = t.line(f.clause[0])
        credit_next = self.credit_next(s_end, l_end)
        if credit_next is not None:
            return credit_next, "link:credit-next"
        if not caseload:
            # 全市13家法庭，12家达到五化标准: a total before its parts is counted for their measure
            part_figures = [g for g in self.figures if own_hi <= g.figure[0] < s_end]
            if part_figures:
                nxt = min(part_figures, key=lambda g: g.figure[0])
                counted = self.own_names(nxt)
                if (
                    counted
                    and nxt.outcome.unit_of_measure == f.outcome.unit_of_measure
                    and f.outcome.unit_of_measure not in ("%", "个百分点")
                    # the part leaves the counted noun unsaid (13家法庭，12家达到…); one
                    # that names its own (巡回立案126件，巡回审判98件) is a parallel item,
                    # which still names the sentence's topic (context: no brand over it)
                    and (context or _ELLIPTIC_PART.fullmatch(t.text, nxt.own[0], nxt.figure[0]))
                ):
                    return counted[0].name, "link:total-parts"
        # …；乙县法院累计调解案件321件 or 2022年民商事案件5280份，其中32%…: an account of its
        # own, which the sentences before do not credit
        court_item = self.court_item(s_start)
        if not court_item:
            launched = self.launched_before(f, l_start)
            if launched is not None:
                return launched, "link:launched-before"
        court_item = court_item or self.opened_by_caseload(f, s_start)
        if not _NEW_ITEM.match(t.text, s_start) and not court_item:
            lo = s_start
            for _ in range(_REACH):
                if lo <= l_start:
                    break
                lo = t.sentence(lo - 1)[0]
                if _NEW_ITEM.match(t.text, lo):
                    break
            paragraph: Sequence[_Mention] = t.between(max(lo, l_start), s_start)
            if paragraph:
                p_start, _ = t.sentence(paragraph[-1].start)
                distinct = {m.name for m in paragraph if m.start >= p_start}
                # 甲工作取得新进展。…N件: the one name the sentence before says bore fruit
                # (a caseload not when that sentence lists mechanisms: the court's whole work)
                borne = self.borne(paragraph, s_start, f, caseload)
                if borne is not None and not (caseload and len(distinct) >= _MANY):
                    return borne, "link:effect-before"
                if len(distinct) >= _MANY:
                    return None
                paragraph = [m for m in paragraph if m.credit]
                if not paragraph:
                    return None
                if caseload or self.court_wide(f):
                    # a caseload is credited only by a sentence that names one initiative as
                    # the means (依托“甲”，…。新收案件…同比下降…), or one that keeps disputes
                    # from becoming cases when they fell (推行诉源治理。…收案同比下降…)
                    first = paragraph[0]
                    if (
                        len(distinct) == 1
                        and _MEANS_BEFORE.search(
                            t.text[max(p_start, first.start - 4) : first.start]
                        )
                        and not self.owned_by_figure(first)  # 通过甲化解N件。收案…: its own result
                        and not _PER_HEAD.search(t.text, f.clause[0], f.clause[1])  # 人均办案N件
                    ):
                        return first.name, "link:means-before"
                    if self.fewer_cases(f, first.name, distinct):
                        return first.name, "link:caseload-source"
                    return None
                if self.new_part(f, s_start, paragraph[-1]):
                    # a part of its own, unless the paragraph reports what followed from its one
                    # name (专项行动开展以来，…；非法集资案件7件，…): every part is that name's
                    since = self.since(l_start, s_start)
                    return (since, "link:since") if since is not None else None
                c = t.clause_start(paragraph[-1].start, p_start)
                if self.list_item(next(m for m in paragraph if m.start >= c)):
                    return None  # 集约办理甲、立案登记、信访接待等事务。…N%: one task of many
                if self.own_practice(s_start, f.figure[0]):
                    return None  # 推行“裁执分离”…，…案件同比下降50%: the sentence's own practice
                rule = "link:anaphor" if paragraph[-1].anaphor else "link:sentence-before"
                resolved = self.resolve(paragraph, p_start)
                return (resolved, rule) if resolved else None
        since = None if court_item else self.since(l_start, s_start)
        if since is not None:
            return since, "link:since"
        credited = [m for m in self.credits(own_hi, s_end) if m.credit]
        if len({m.name for m in credited}) == 1 and (
            _CREDIT_AFTER.search(t.text, credited[0].end, s_end)
            or _MEANS_BEFORE_AFTER.search(t.text, own_hi, credited[0].start)
        ):
            return credited[0].name, "link:credit-after"
        if court_item:
            return None  # …；乙法院调解案件321件: the paragraph's names are other courts' items
        if t.between(l_start, s_start):
            found = self.item_lead(f, l_start, s_start, caseload)
            if found is None and not caseload:
                topic = self.paragraph_topic(l_start, s_start)
                if topic is not None:
                    return topic, "link:paragraph-topic"
            return found
        prev = t.previous_line(l_start)
        if prev is None or prev[0] <= self.title_start:
            return None  # the title is no lead-in
        if (
            caseload
            and _INCOMING.search(t.text, f.clause[0], f.clause[1])
            and not _RATIO.search(t.text, f.own[0], f.figure[0])
            and not self.fell(f)
        ):
            return None  # 诉至法院的纠纷N件: the cases filed, no result of what a lead-in names
            # (a share of them is: 占受理总数的45%)
        if _BARE_ANAPHOR.search(t.text[l_start : f.figure[0]]):
            return None  # 行动期间，…: the paragraph's own campaign, which no name resolved
        lead_names = list(
            dict.fromkeys(
                m.name
                for m in t.between(*prev)
                if m.credit and not _in_title(t.text, prev[0], m.start)
            )
        )
        line = t.text[prev[0] : prev[1]]
        if _is_heading(line):
            return (lead_names[0], "link:heading") if len(lead_names) == 1 else None
        # 有效提升了审判效率。 then 该院共审结案件N件: a court's totals are no result of the
        # practice the lead-in names unless the paragraph's words repeat the practice's
        # (推进院庭长办案常态化，有效提升了…。院庭长共承办案件N件，…结案N件)
        improved = (
            _IMPROVED.search(line) is not None
            and self.opens_on_figures(l_start)
            and len(lead_names) == 1
            and _shares_words(t.text[l_start : f.figure[0]], lead_names[0])
        )
        if (
            not _CREDIT_AFTER.search(line)
            and not improved
            and not line.rstrip().endswith(("：", ":"))
        ):
            return None  # a paragraph about something else, not a lead-in to these results
        return (lead_names[0], "link:lead-in") if 0 < len(lead_names) < _MANY else None

    def opens_on_figures(self, l_start: int) -> bool:
        """Whether the paragraph at `l_start` opens on a sentence of figures (据悉，…共承办案件
        N件，…), not on a topic of its own (打造“甲”品牌。…)."""
        _, first_end = self.t.full_sentence(l_start)
        return any(l_start <= g.figure[0] < first_end for g in self.figures)

    def own_practice(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi], the figure's sentence up to it, launches a quoted practice the
        extraction did not name (推行“甲”全流程信息共享): the figure is likely that practice's,
        not the one the sentence before names."""
        for q in _LAUNCHED_QUOTE.finditer(self.t.text, lo, hi):
            if not self.t.between(q.start(1), q.end(1) + 1):
                return True
        return False

    def verb_change(self, f: _Figure, prior: _Figure) -> bool:
        """Whether `f` is a change opening on its verb (，上升2.66个百分点) of the figure before:
        in percentage points or a percentage, or in that figure's unit."""
        if not _VERB_CHANGE.match(self.t.text[f.clause[0] : f.clause[1]]):
            return False
        uom = f.outcome.unit_of_measure
        return uom in ("%", "个百分点") or uom == prior.outcome.unit_of_measure

    def context_brand(self, g: _Figure) -> str | None:
        """The brand an earlier sentence credits figure `g` to, whatever its own words name: what
        a later figure of the sentence with words of its own reports on."""
        own = [m for m in self.own_names(g) if m.credit]
        if not own:
            return None
        return self.topic_brand(
            g, own[0], self.specific(own[0], self.t.sentence(g.clause[0])[0]), strict=False
        )

    def topic_brand(self, f: _Figure, own: _Mention, name: str, strict: bool = True) -> str | None:
        """The local brand the sentence or paragraph credits the figure to (“甲”联动调解机制…。
        …委派调解683件) where its own words name a generic practice unquoted: the more specific
        initiative. The text marks a brand by quoting it."""
        text = self.t.text
        if _quoted(text, own):
            return None
        if f.outcome.unit_of_measure not in _CASE_UOMS and not _CASE_WORDS.search(
            text, own.start, f.figure[1]
        ):
            return None  # 法官工作站13个, 网上立案率90%: the initiative's own units and rates
        found = self.link(f, context=True)
        if found is None or found[0] == name or found[1] not in _TOPIC_RULES:
            return None
        if found[0] in self.awarded or _HONOUR_NAME.search(found[0]):
            return None  # 获评“甲先进集体”。…委派调解300件: an honour is no practice
        l_start = self.t.line(f.clause[0])[0]
        quoted = any(
            m.name == found[0] and not m.anaphor and _quoted(text, m)
            for m in self.t.between(l_start, f.clause[0])
        )
        if not quoted and found[1] != "link:effect-before":
            return None
        if (
            strict
            and found[1] in ("link:sentence-before", "link:item-lead")
            and not _shares_words(text[f.clause[0] : f.figure[1]], found[0])
        ):
            return None  # 推行“甲”模式。…诉前调解成功N件: an earlier sentence's brand does not
            # outrank the figure's own words unless the figure names its parts (向综治中心委派…)
        return found[0]

    def other_action_between(self, before: Sequence[_Mention], f: _Figure) -> bool:
        """A clause between the last name and the figure that opens another action and names
        nothing (创新甲机制，加强司法交流协作，接收实习生32人): the name does not reach past it."""
        text = self.t.text
        # the clauses wholly between the name and the figure's clause
        seps = [m.start() for m in _COMMA.finditer(text, before[-1].end, f.clause[0])]
        for a, b in zip(seps, seps[1:], strict=False):
            if _OTHER_ACTION.match(text, a + 1) and not any(
                g.figure[0] < b and g.figure[1] > a for g in self.figures
            ):
                return True
        return False

    def shared_head(self, f: _Figure, names: Sequence[_Mention]) -> str | None:
        """The first name of the sentence whose first four characters the figure's own words
        repeat (涉诉信访工作机制改革 … 涉诉信访积案2896件): the kind of case it reforms."""
        own = self.t.text[f.own[0] : f.figure[0]]
        for m in names:
            head = m.name.strip(_QUOTES)[:4]
            if _HAN4.fullmatch(head) and head in own:
                return m.name
        return None

    def brand_of(self, name: str, f: _Figure) -> str | None:
        """The one quoted local brand of the figure's sentence that contains `name` (诉前调解
        in “三位一体”诉前调解网络, 人民法院调解平台“三进”): the more specific initiative."""
        lo, hi = self.t.sentence(f.clause[0])
        brands = {
            m.name
            for m in self.t.between(lo, hi)
            if m.credit and m.name != name and name in m.name and re.search('[“”"]', m.name)
        }
        return brands.pop() if len(brands) == 1 else None

    def paragraph_brand(self, own: _Mention, name: str, f: _Figure) -> str | None:
        """The one quoted local brand named earlier in the figure's paragraph whose name holds
        the words the figure's own name is written with (前端速裁法官人均结案… after 推行“多元
        调解+速裁”机制): the more specific initiative."""
        words = self.t.text[own.start : own.end].strip(_QUOTES)
        l_start = self.t.line(f.clause[0])[0]

        def holds(brand: str) -> bool:
            # the words or their head (速裁 of 速裁法官) are in the brand's name
            return any(words[:k] in brand for k in range(len(words), 1, -1))

        brands = {
            m.name
            for m in self.t.between(l_start, self.t.sentence(f.clause[0])[0])
            if m.credit
            and m.name != name
            and holds(m.name)
            and (re.search('[“”"]', m.name) or _quoted(self.t.text, m))
        }
        return brands.pop() if len(brands) == 1 else None

    def owned_between(self, name: str, before: Sequence[_Mention], f: _Figure) -> bool:
        """Figures between the last mention of `name` and `f` whose own words name another
        initiative: the sentence lists results each of its own, the name leads none of the
        later ones."""
        at = max((m.end for m in before if m.name == name), default=None)
        if (
            at is None
            or _CREDITED.search(self.t.text, at, f.figure[0])
            or _DURING.match(self.t.text, at)
        ):
            return False  # (自甲中心建成运行以来，…: the name credits all the figures after it)
        for g in self.figures:
            if g is f or not at <= g.figure[0] < f.figure[0]:
                continue
            found = self.link_of(g)
            if found is not None and found[1] == "link:own-words" and found[0] != name:
                return True
            if found is not None and found[1] == "link:topic-brand":
                own = [m for m in self.own_names(g) if m.credit]
                if own and own[0].name != name:
                    return True  # its own words name another (it was credited past them)
        return False

    def means_over_modifier(self, f: _Figure, own: _Mention, s_start: int) -> str | None:
        """The means the sentence names first (依托“甲”，全省入驻乙平台的单位数量…) where the
        figure's own words name the other only inside a modifier of what is counted (入驻乙的
        单位): the means produced the figure."""
        t = self.t
        if not _MODIFIER_AFTER.match(t.text, own.end) or own.end >= f.figure[0]:
            return None
        means = [
            m
            for m in self.credits(s_start, f.own[0])
            if m.credit and _MEANS_BEFORE.search(t.text[max(s_start, m.start - 4) : m.start])
        ]
        return means[0].name if len({m.name for m in means}) == 1 else None

    def credit_next(self, s_end: int, l_end: int) -> str | None:
        """The one initiative the next sentence credits the figures before it to (…1200件。
        这得益于诉前调解机制。)."""
        t = self.t
        lo = s_end + 1
        if lo >= l_end or not _CREDIT_NEXT.match(t.text, lo):
            return None
        _, hi = t.sentence(lo)
        names = [m for m in t.between(lo, hi) if m.credit]
        return names[0].name if len({m.name for m in names}) == 1 else None

    def item_lead(
        self, f: _Figure, l_start: int, s_start: int, caseload: bool
    ) -> tuple[str, str] | None:
        """The one initiative the paragraph, or the enumeration item the figure stands in, has
        named before it (二是推行电子送达。该院上线平台…。今年以来，送达成功率达85%): the topic
        its later figures report on. Two names make the paragraph a list: no credit."""
        t = self.t
        if _NEW_ITEM.match(t.text, s_start):
            return None
        lo = s_start
        # ；: parallel items, each its own; but the caseloads of two periods (…首次回落；今年上半年
        # 新收案件…同比下降…) are both the paragraph's
        while lo > l_start and (caseload or t.text[lo - 1] not in "；;"):
            lo = t.sentence(lo - 1)[0]
            if _NEW_ITEM.match(t.text, lo) or self.run_in_heading(lo):
                break
        names = t.between(max(lo, l_start), s_start)
        borne = self.borne(names, s_start, f, caseload)
        if borne is not None and not (caseload and len({m.name for m in names}) >= _MANY):
            return borne, "link:effect-before"  # 甲取得新进展。…。民商事案件调解率N%
        if len({m.name for m in names}) != 1 or not all(m.credit for m in names):
            return None
        name = names[0].name
        if caseload:
            return (name, "link:caseload-source") if self.fewer_cases(f, name, {name}) else None
        return name, "link:item-lead"

    def fewer_cases(self, f: _Figure, name: str, named: set[str]) -> bool:
        """A caseload that fell, under the one initiative named that keeps disputes from
        becoming cases (诉源治理, 多元化解, 诉前调解): its measure (推行诉源治理，收案同比下降9%)."""
        # a name inside another is the same practice said generally (诉前调解 of 概括性同意诉前
        # 调解机制): the specific one counts
        named = {n for n in named if not any(n != o and n in o for o in named)}
        if named != {name} or not _SOURCE.search(name):
            return False
        text = self.t.text
        clause = text[f.clause[0] : f.clause[1]]
        if _PER_HEAD.search(clause) or (_CONCLUDED.search(clause) and not _INCOMING.search(clause)):
            return False  # 法官人均结案225件, 审结6577件: a court's output, not the cases filed
        l_start = self.t.line(f.clause[0])[0]
        s_start, s_end = self.t.sentence(f.clause[0])
        if not _RESULT_OPENING.match(text, s_start) and all(
            self.owned_by_figure(m) for m in self.t.between(l_start, f.own[0]) if m.name == name
        ):
            # 引入诉前调解N件；收案…下降 / 诉前调解成功率80%，新收案件下降: the name is only the
            # measure of a result reported before, no credit
            return False

        return self.fell(f)

    def run_in_heading(self, lo: int) -> bool:
        """Whether the sentence at `lo` is a heading run into its paragraph (深化诉调对接，高效化解
        纠纷。; 推进指导人民调解常态化。): one or two short clauses opening on a verb of a task,
        no figure, ended by a full stop: it opens an item of its own."""
        text = self.t.text
        _, hi = self.t.sentence(lo)
        if hi >= len(text) or text[hi] != "。" or (lo > 0 and text[lo - 1] != "。"):
            return False
        return _RUN_IN_HEADING.fullmatch(text, lo, hi) is not None

    def borne(
        self, names: Sequence[_Mention], s_start: int, f: _Figure, caseload: bool
    ) -> str | None:
        """The one initiative among `names` (those named before the figure's sentence) that the
        text says has borne fruit (甲工作取得新进展, 乙建设成效初显): the figures reported after
        it are its results. A caseload or a court-wide rate only when it fell (新收案件…同比下降
        16.2%), not a load per head."""
        text = self.t.text
        effect = {
            m.name
            for m in names
            if m.credit and not m.anaphor and _EFFECT.match(text, m.end, s_start)
        }
        if len(effect) != 1:
            return None
        # a caseload or a court-wide rate is the whole court's work, whatever else bore fruit
        # (诉前调解取得新进展。全年新收行政案件…同比下降6%), but for 诉源治理, whose standard
        # measure is a fall of the cases filed (not a load per head)
        (name,) = effect
        if (caseload or self.court_wide(f)) and (
            "诉源治理" not in name
            or not self.fell(f)
            or _PER_HEAD.search(text, f.clause[0], f.clause[1])
        ):
            return None
        # a sentence opening on a topic of its own (执行工作持续发力，… / 刑事审判方面，…)
        s_fig = self.t.sentence(f.clause[0])[0]
        if _OWN_TOPIC.match(text, s_fig, f.clause[0]):
            return None
        return name

    def source_article(self) -> str | None:
        """The 诉源治理 the article dwells on: the names of it (诉源治理, “甲”诉源治理模式) named
        `_SOLE_MENTIONS` times or more in all, and more often than any other initiative; the
        one named most."""
        counts: dict[str, int] = {}
        for m in self.t.mentions:
            if (m.credit or m.frame) and not m.anaphor:
                counts[m.name] = counts.get(m.name, 0) + 1
        source = {n: c for n, c in counts.items() if _SOURCE_NAME.search(n)}
        total = sum(source.values())
        others = max((c for n, c in counts.items() if n not in source), default=0)
        if total < _SOLE_MENTIONS or total <= others:
            return None
        return max(source, key=lambda n: (source[n], -len(n)))

    def article_fall(self, f: _Figure, went_on: bool) -> bool:
        """Whether `f` is a fall of the cases filed (新收案件…同比下降4%; 增幅…回落; 低于全国平均
        …) that its own sentence credits to no other initiative: the count of the cases filed
        whose change after it is a fall, that change, or one going on with the figure before
        (`went_on`); not the cases a court concluded, a load per head or a share."""
        text = self.t.text
        clause = text[f.clause[0] : f.clause[1]]
        words = f.outcome.metric + clause
        if _PER_HEAD.search(words) or _RATIO.search(text, f.own[0], f.figure[0]):
            return False
        change = any(r.match(clause) for r in (_CHANGE, _CHAINED_CHANGE, _LOWER)) or self.bare(f)
        if not _INCOMING.search(words) and not (went_on and change):
            return False
        if _CONCLUDED.search(clause) and not _INCOMING.search(clause):
            return False  # 审结6577件，同比下降24%: a court's output
        lo, hi = self.t.full_sentence(f.clause[0])
        l_start = self.t.line(f.clause[0])[0]
        named = [
            m
            for m in self.t.between(min(lo, l_start), hi)
            if m.credit
            and not _SOURCE_NAME.search(m.name)
            and not _HONOUR_TITLE.search(m.name)
            and m.name not in self.awarded
            and not _HONOUR_TITLE.match(text, m.end)  # 甲先进集体: part of an honour's name
            and (m.start >= lo or not self.owned_by_figure(m))
        ]
        if named:
            return False  # the sentence or paragraph names another practice: it may be the cause
        return self.fell(f) or _LOWER.search(clause) is not None

    def fell(self, f: _Figure) -> bool:
        """Whether the first change the figure's sentence reports after it is a fall
        (新收案件17293件，同比下降16.2%), not a rise or no change at all (受理案件12821件)."""
        _, s_end = self.t.sentence(f.clause[0])
        change = _CHANGE.search(self.t.text, f.clause[0], s_end)
        return change is not None and change.group("fall") is not None

    def source_topic(self, f: _Figure, s_start: int) -> str | None:
        """The 诉源治理 the sentence, or the one before it in the paragraph, dwells on (names
        twice or more: 深入开展诉源治理，推动形成诉源治理大格局。新收案件…同比下降4.58%) when the
        figure is a fall of the cases filed: that is its standard measure. A local brand of it
        (“甲”诉源治理工作法) is the more specific."""
        text = self.t.text
        if not _INCOMING.search(text, f.clause[0], f.clause[1]):
            return None
        _, s_end = self.t.sentence(f.clause[0])
        change = _CHANGE.search(text, f.clause[0], s_end)
        if change is None or change.group("fall") is None:
            return None
        lo = s_start
        l_start = self.t.line(f.clause[0])[0]
        # the sentence before, past parallel parts parted by semicolons (…下降4.58%；新收一审
        # 行政案件6150件，同比下降12.89%)
        while lo > l_start and text[lo - 1] in "；;" and not _NEW_ITEM.match(text, lo):
            lo = self.t.sentence(lo - 1)[0]
        if lo > l_start and not _NEW_ITEM.match(text, lo):
            lo = max(l_start, self.t.sentence(lo - 1)[0])
        names = [
            m
            for m in self.t.between(lo, f.own[0])
            if (m.credit or m.frame) and not m.anaphor and not self.owned_by_figure(m)
        ]
        source = [m for m in names if _SOURCE_NAME.search(m.name + text[m.start : m.end])]
        if len(source) < 2:
            return None
        distinct = {m.name for m in source}
        specific = distinct - {"诉源治理"}
        if len(distinct) == 1:
            return distinct.pop()
        return specific.pop() if len(specific) == 1 else None

    def source_result(self, f: _Figure) -> str | None:
        """The initiative a fall of the cases filed is credited to when its own sentence calls
        the fall a result of dealing with disputes at their source (收案同比下降6%，源头化解成效
        显著; 收案同比下降5%，这是抓源头减讼的成果): the 诉源治理 named there, else the
        one source practice (a name of 诉源, 源头, 诉前, 枫桥…) the sentence before names."""
        text = self.t.text
        lo = self.t.full_sentence(f.clause[0])[0]
        hi = self.t.full_sentence(f.figure[1])[1]
        if not _INCOMING.search(text, lo, f.figure[0]):
            return None
        change = _CHANGE.search(text, f.clause[0], f.clause[1])
        if change is None or change.group("fall") is None:
            return None
        result = _SOURCE_RESULT.search(text, f.figure[1], hi)
        if result is None:
            return None
        named = {
            m.name
            for m in self.t.between(f.figure[1], hi)
            if m.credit and _SOURCE_NAME.search(m.name + text[m.start : m.end])
        }
        if named:
            return named.pop() if len(named) == 1 else None
        l_start = self.t.line(lo)[0]
        if lo <= l_start:
            return None
        p_lo = self.t.full_sentence(lo - 1)[0]
        before = [m for m in self.t.between(max(p_lo, l_start), lo) if m.credit and not m.anaphor]
        if len({m.name for m in before}) != 1 or any(self.owned_by_figure(m) for m in before):
            return None
        # a quoted brand alone is not enough (“甲智审”系统, “乙调解室”): a court's whole fall in
        # filings is not one room's or one system's; the name must be a source practice
        m = before[0]
        return m.name if _SOURCE.search(m.name) else None

    def built_after(self, f: _Figure) -> str | None:
        """The one initiative the clause right after the figure's says was built of what it
        counts (接收实习生4批32人，打造甲基地; 形成…1200个工作站的新格局，织就了乙服务网)."""
        text = self.t.text
        end = f.clause[1]
        if end >= len(text) or text[end] not in "，,":
            return None
        if self.caseload(f):
            return None
        s_start, s_end = self.t.sentence(f.clause[0])
        if s_start > 0 and text[s_start - 1] in "；;":
            return None  # 甲…；乙…；丙…，构建丁: the clause sums up the series, not its last item
        nxt = text.find("，", end + 1, s_end)
        nxt = s_end if nxt < 0 else nxt
        names = [m for m in self.t.between(end + 1, nxt) if m.credit]
        if len({m.name for m in names}) != 1:
            return None
        if not _BUILT_VERB.fullmatch(text, end + 1, names[0].start):
            return None
        return names[0].name

    def launched_before(self, f: _Figure, l_start: int) -> str | None:
        """The one initiative the first sentence of the figure's paragraph launches (创新构建“甲”
        工作机制，…。2024年以来，全院分流调解1600件；调解成功1100件): when the sentence after it
        opens on the period alone, the paragraph reports what followed from it, up to the next
        name it gives. Not a plain caseload or a court-wide rate (全院受理案件2800件, 结案率95%:
        the whole court's work) but a fall of the cases filed (收案数同比下降9%), not after a brand only planned (计划构建“甲”，尚在论证), and not
        past the name of another court (今年1至9月，乙县法院受理…: that court's own account)."""
        t = self.t
        if (
            _CASELOAD.search(t.text, f.own[0], f.figure[1])
            or self.quality_indicator(f)
            or self.court_wide(f)
        ) and not self.fewer_filed(f):
            return None
        _, lead_end = t.full_sentence(l_start)
        if f.own[0] <= lead_end or not _PERIOD_OPENING.match(t.text, lead_end + 1):
            return None
        if t.between(lead_end, f.own[1]):
            return None
        if _PLANNED.search(t.text, l_start, lead_end):
            return None
        launchers = {_court_core(c.group()) for c in _A_COURT.finditer(t.text, l_start, lead_end)}
        for c in _A_COURT.finditer(t.text, lead_end, f.figure[0]):
            core = _court_core(c.group())
            if _OWN_COURTS.match(core):
                continue  # 全市法院, 该院, 两级法院: the launcher's own courts
            if not any(core.endswith(k) or k.endswith(core) for k in launchers):
                return None
        launched = {
            m.name
            for m in t.between(l_start, lead_end)
            if m.credit
            and not m.anaphor
            and _quoted(t.text, m)  # a brand the court launched (创新构建“甲”工作机制)
            and _LAUNCH.search(t.text, max(l_start, m.start - 8), m.start)
            and not self.list_item(m)
            and not _HONOUR_TITLE.search(m.name)
            and not _COURT_TITLE.search(m.name)
        }
        return launched.pop() if len(launched) == 1 else None

    def fewer_filed(self, f: _Figure) -> bool:
        """Whether the figure's own words or metric report a fall of the cases filed (收案数同比
        下降25.7%): what a practice that keeps disputes out of court brings about."""
        words = self.t.text[f.own[0] : f.figure[1]] + f.outcome.metric
        change = _CHANGE.search(words)
        return (
            _INCOMING.search(words) is not None
            and change is not None
            and change.group("fall") is not None
        )

    def court_item(self, s_start: int) -> bool:
        """Whether the sentence is a parallel item about a court of its own (…；乙县法院累计
        调解案件321件): what the item before it names is that other court's."""
        text = self.t.text
        return (
            s_start > 0
            and text[s_start - 1] in "；;"
            and _COURT_OPENING.match(text, s_start) is not None
        )

    def opened_by_caseload(self, f: _Figure, s_start: int) -> bool:
        """Whether the sentence opens on a court's plain caseload that nothing credits, before
        `f` (2022年民商事案件5280份，其中32%诉前分流，调解成功率65%): its figures report on those
        cases, an account of its own that no sentence before credits, unless it calls them a
        result (…，收案同比下降7.6%，…，源头治理成效明显)."""
        if _CREDIT_AFTER.search(self.t.text, f.figure[1], self.t.sentence(f.clause[0])[1]):
            return False
        first = min(
            (g for g in self.figures if s_start <= g.figure[0] < f.figure[0]),
            key=lambda g: g.figure[0],
            default=None,
        )
        return (
            first is not None
            and not self.caseload(f)
            and self.caseload(first)
            and not _RATIO.search(first.outcome.metric)
            and not any(m.credit for m in self.t.between(s_start, first.figure[1]))
        )

    def brand_parts(self, f: _Figure) -> str | None:
        """The one compound brand named before the figure (“甲调解+乙”机制) two or more of
        whose parts the figure's own words name (调解成功案件与乙结案N件): its joint output."""
        words = self.t.text[f.own[0] : f.figure[0]]
        if len(words) < 4 or not self.compounds:
            return None
        found = set()
        for start, name, parts in self.compounds:
            if start >= f.own[0]:
                break
            # one part named whole, another at least by its head (多元调解 -> 调解)
            whole = [p for p in parts if p in words]
            heads = [p for p in parts if p[-2:] in words]
            if whole and len(heads) >= 2:
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def measured(self, f: _Figure) -> str | None:
        """The initiative whose standard measure the figure's own words name (万人成讼 ->
        诉源治理), when the article names that initiative."""
        words = self.t.text[f.own[0] : f.figure[0]]
        for pattern, name in _STANDARD_MEASURES:
            if name in self.credited_names and pattern.search(words):
                return name
        return None

    def source_right_before(self, f: _Figure, before: Sequence[_Mention]) -> bool:
        """Whether a caseload that fell follows right on the clause naming an initiative that
        keeps disputes from becoming cases (推动诉源治理，民事案件降幅达9%)."""
        last = before[-1]
        if not last.credit or not _SOURCE.search(last.name):
            return False
        if _COMMA.search(self.t.text, last.end, f.clause[0] - 1):
            return False  # a clause between them
        return self.fewer_cases(f, last.name, {last.name})

    def paragraph_topic(self, l_start: int, s_start: int) -> str | None:
        """The one practice the paragraph's first sentence names, as what the court set up or
        pushed (南岗区法院探索建立推进“一村一法官”工作机制，…), when no sentence of it is an
        enumerated item: the topic its later figures report on."""
        text = self.t.text
        first_end = self.t.sentence(l_start)[1]
        at = l_start
        while at < s_start:
            if _NEW_ITEM.match(text, at) or (at > l_start and self.run_in_heading(at)):
                return None  # 一是…。二是…: a list of items, each its own
            at = self.t.sentence(at)[1] + 1
        opening = [m for m in self.t.between(l_start, first_end) if m.credit and not m.anaphor]
        if len({m.name for m in opening}) != 1:
            return None  # 推进甲，完善乙。…: the paragraph opens on a list, no one topic
        m = opening[0]
        if not _TOPIC_VERB.search(text, max(l_start, m.start - 8), m.start):
            return None
        return m.name

    def opener(self, first: _Mention, s_start: int) -> tuple[str, str] | None:
        """The initiative a sentence opens with as what its figures followed from (甲成立以来，
        先后…200余件，…500多次) or as their means (依托“甲”机制，…，累计收集意见建议332条): it
        credits each figure of the sentence whose own words name nothing."""
        text = self.t.text
        if not first.credit or first.anaphor:
            return None
        lead = text[s_start : first.start]
        if _SINCE_LEAD.fullmatch(lead):
            since = _SINCE_AFTER.match(text, first.end)
            if since is not None and text.startswith(("，", ","), since.end()):
                return first.name, "link:since-sentence"
        if _MEANS_LEAD.fullmatch(lead) and _OPENER_TAIL.match(text, first.end):
            return first.name, "link:means-sentence"
        return None

    def since(self, lo: int, hi: int) -> str | None:
        """The one initiative of the paragraph text[lo:hi] whose results the rest of the
        paragraph reports (甲机制推行以来，…); None if the paragraph names another."""
        names = self.t.between(lo, hi)
        if len({m.name for m in names}) != 1:
            return None
        m = names[0]
        if m.credit and _SINCE_AFTER.match(self.t.text, m.end):
            return m.name
        return None

    def new_part(self, f: _Figure, s_start: int, last: _Mention) -> bool:
        """Whether `f` opens a part of its own after a semicolon (构建甲，提供服务N次；清结积案M件):
        the part before already gave a figure after the name, and `f`'s own words neither go on
        with that figure's measure (调解成功, 平均时长) nor repeat two characters of a name of
        the part before."""
        text = self.t.text
        if s_start == 0 or text[s_start - 1] not in "；;":
            return False
        if not any(last.end <= g.figure[0] < s_start for g in self.figures):
            return False
        words = text[f.own[0] : f.figure[0]]
        lo, _ = self.t.sentence(s_start - 1)
        for m in self.t.between(lo, s_start):
            name = text[m.start : m.end]
            pairs = (name[i : i + 2] for i in range(len(name) - 1))
            if any(_HAN2.fullmatch(p) and p in words for p in pairs):
                return False  # 驻院调解结案N件；民事案件调解率M%: the same work goes on
        return not _ATTRIBUTE.match(words)

    def list_item(self, m: _Mention) -> bool:
        """Whether `m` stands as one item of a list in its clause (集约办理甲、立案登记、信访接待;
        开展乙、结对共建等十项行动): a sentence listing tasks, which credits none of them with a
        later sentence's figures."""
        text = self.t.text
        lo, hi = _clause_around(text, m.start, m.end)
        if not (_ITEM_BEFORE.search(text, lo, m.start) or _ITEM_AFTER.match(text, m.end, hi)):
            return False  # 构建诉源、案源“四源共治”模式; 庭前、庭上、庭下调解: a name, not an item
        # the separators outside the name
        items = text.count("、", lo, m.start) + text.count("、", m.end, hi) + 1
        return items >= 3 or (items == 2 and "等" in text[m.end : hi])

    def figure_before(self, f: _Figure) -> _Figure | None:
        """The figure right before `f` in its sentence, if any."""
        s_start, _ = self.t.sentence(f.clause[0])
        # (the last place before f's in the sentence, and the first figure listed there: what
        # max() over the figures between returned)
        i = bisect.bisect_left(self.figure_starts, f.figure[0]) - 1
        if i < 0 or self.figure_starts[i] < s_start:
            return None
        return self.first_figure_at[self.figure_starts[i]]

    def measure_of(self, g: _Figure, m: _Mention) -> bool:
        """Whether mention `m` is among the own words of figure `g`."""
        return g.own[0] <= m.start < g.own[1]

    def link_of(self, g: _Figure) -> tuple[str, str] | None:
        if g.outcome.initiative is not None:
            return g.outcome.initiative, g.outcome.link_rule or ""
        key = id(g)
        if key not in self.memo:
            self.memo[key] = None  # a guard against cycles
            self.memo[key] = self.link(g)
        return self.memo[key]

    def specific(self, m: _Mention, s_start: int) -> str:
        """The unit that does it over the kind of case it does (组建速裁团队，…受理速裁案件2707件
        -> 速裁团队, not 速裁程序): an earlier name of the sentence sharing the first two
        characters of the name that is a team, centre or station."""
        surface = self.t.text[m.start : m.start + 2]
        for other in self.t.between(s_start, m.start):
            if (
                other.name != m.name
                and _UNIT_NAME.search(other.name)
                and self.t.text.startswith(surface, other.start)
                and not _UNIT_NAME.search(m.name)
            ):
                return other.name
        return m.name

    def court_wide(self, f: _Figure) -> bool:
        """A rate every court reports of all its cases in the figure's own words (调撤率, 各项指标
        达标率): a sentence before credits it to nothing, its own sentence still may."""
        return _COURT_WIDE.search(self.t.text, f.own[0], f.figure[0]) is not None

    def quality_indicator(self, f: _Figure) -> bool:
        """A court-wide quality indicator in the figure's own words (服判息诉率, 上诉)."""
        return _QUALITY_INDICATOR.search(self.t.text, f.own[0], f.figure[0]) is not None

    def bare(self, f: _Figure) -> bool:
        """Whether the figure's own words name nothing but a time (2019年，33374件; 10%以上)."""
        words = _TIME_WORDS.sub("", self.t.text[f.own[0] : f.figure[0]])
        return _HAN2.search(words) is None

    def caseload_measure(
        self, f: _Figure, name: str, sentence: bool = False, before: bool = False
    ) -> bool:
        """Whether the figure measures a plain caseload, by its clause, by the metric the
        extraction gave it, with `sentence` by its whole sentence (10%以上，这是每年受理案件
        数量的增幅) or, with `before`, as the figure before it did: no result of an initiative
        named elsewhere, unless the cases filed fell and the initiative keeps disputes from
        becoming cases (诉源治理: 受案数…比上年减少了2678件)."""
        metric = f.outcome.metric
        if sentence:
            lo, hi = self.t.sentence(f.clause[0])
            metric += self.t.text[lo:hi]
        if not before and not self.caseload(f) and not _CASELOAD.search(metric):
            return False
        if not _SOURCE.search(name) or not _INCOMING.search(metric):
            return True
        clause = self.t.text[f.clause[0] : f.clause[1]]
        change = _CHANGE.search(metric) or _CHANGE.search(clause)
        return change is None or change.group("fall") is None

    def baseline_caseload(self, f: _Figure) -> bool:
        """A plain caseload of an earlier year given as the base of a comparison (2023年新收案件
        1.2万件，与2022年（1.4万件）相比下降14%): the cases before, no result of anything."""
        if f.outcome.unit_of_measure not in _CASE_UOMS:
            return False
        base = _BASELINE_OF.search(self.t.text, f.clause[0], f.figure[0])
        # 比上年减少2678件, 较去年多受理300件: the change itself, no base
        if base is None or _CHANGE.search(base.group()) or re.search("[多少]", base.group()):
            return False
        return self.caseload(f) or _CASELOAD.search(f.outcome.metric) is not None

    def caseload(self, f: _Figure) -> bool:
        """A plain caseload, a quality indicator, or the change of one reported right after
        it."""
        text = self.t.text
        clause = text[f.clause[0] : f.clause[1]]
        if _CASELOAD.search(clause) or self.quality_indicator(f):
            return True
        if (
            not _BARE_CHANGE.match(clause)
            and not _BASELINE_CHANGE.match(clause)
            and not _VERB_CHANGE.match(clause)
        ):
            return False
        s_start, _ = self.t.sentence(f.clause[0])
        before = [g for g in self.figures if s_start <= g.clause[1] <= f.clause[0]]
        return bool(before) and self.caseload(max(before, key=lambda g: g.clause[0]))


def _court_core(name: str) -> str:
    """A court's name without the words every court's has (宁海县人民法院 → 宁海县法院)."""
    return name.replace("人民", "")


def _quoted(text: str, m: _Mention) -> bool:
    """Whether the text quotes the name where `m` stands (“甲”机制)."""
    return m.name[:1] in _QUOTES or (m.start > 0 and text[m.start - 1] in _QUOTES)


def _shares_words(words: str, name: str) -> bool:
    """Whether `words` repeat three or more characters of `name` in a row (向综治中心委派调解 and
    “法院+综治中心”联动调解机制)."""
    core = _GENERIC_TAIL.sub("", name.strip(_QUOTES)).strip(_QUOTES)
    return any(
        core[i : i + 3] in words for i in range(len(core) - 2) if _HAN3.fullmatch(core[i : i + 3])
    )


def _in_title(text: str, lo: int, pos: int) -> bool:
    """Whether `pos` stands inside a 《…》 title opened after `lo` (根据《关于全面落实甲的意见》):
    a cited document's words, no practice a lead-in credits."""
    return text.rfind("《", lo, pos) > text.rfind("》", lo, pos)


def _is_heading(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _HEADING_MAX and not re.search("[。！？!?]", line[:-1])


def _source_barred(t: _Text, f: _Figure, adopters: set[str], began: str | None) -> bool:
    """Whether the article's 诉源治理 may not be credited with the fall `f` whatever the
    article dwells on: a fall of a unit the article does not say adopts it (another court's,
    a region's; not a gap to another unit's average), of criminal, enforcement or administrative filings, one its sentence gives
    another cause (受疫情影响, 主要原因是…, 由于…), one before the practice began (its period
    ends before the first dated adoption; …，此后开始探索…), or a slower growth of filings that
    still rose (增幅回落8个百分点，但仍同比上升5%)."""
    unit = f.outcome.unit
    clause = t.text[f.clause[0] : f.clause[1]]
    # a gap to others (比全国法院平均值低…): the unit named may be the one compared with
    if unit and unit not in adopters and not _LOWER.search(clause):
        return True
    if _NOT_CIVIL.search(f.outcome.metric):
        return True
    lo, hi = t.full_sentence(f.clause[0])
    sentence = t.text[lo:hi]
    if _OTHER_CAUSE.search(sentence) or _BEGAN_AFTER.search(sentence):
        return True
    period = f.outcome.period
    if began and period and _ISO_DAY.fullmatch(period[-10:]) and period[-10:] < began:
        return True
    if _GROWTH.search(f.outcome.metric + clause):
        rise = [c for c in _CHANGE.finditer(sentence) if c.group("fall") is None]
        if rise:
            return True
    return False


def link_outcomes(ex: Extraction) -> None:
    """Set `initiative` on the outcomes of `ex` in place (see the module docstring)."""
    if not ex.outcomes or not ex.initiatives:
        return
    t = _Text(ex.document.text, _mentions(ex))
    if not t.mentions:
        return
    figures = _figures(t, ex.outcomes)
    relations: dict[str, set[str]] = {}
    for a in ex.adoptions:
        relations.setdefault(a.initiative, set()).add(a.relation)
    awarded = frozenset(n for n, rels in relations.items() if rels == {"awarded"})
    linker = _Linker(t, figures, awarded)
    for f in figures:
        if f.outcome.initiative is None:
            found = linker.link(f)
            if found is not None:
                f.outcome.initiative, f.outcome.link_rule = found
    # an article about one initiative only (named again and again, nothing else named): its
    # figures report that initiative's results, a plain caseload excepted
    # (诉源治理大格局 still names 诉源治理; a name that is an idea, “甲”理念, names no practice)
    credited = [m for m in t.mentions if m.credit or (m.frame and not _FRAME_NAME.search(m.name))]
    if (
        len({m.name for m in t.mentions}) == 1
        and len(credited) >= _SOLE_MENTIONS
        and not _HONOUR_TITLE.search(credited[0].name)  # an article about an honour given
        and not _PRINCIPLE.fullmatch(credited[0].name)  # one about a principle followed
    ):
        name = credited[0].name
        caseload_before = False
        for f in sorted(figures, key=lambda g: g.figure[0]):
            # a bare figure (2019年，33374件) or change (比上年增加2803件) goes on with the
            # measure of the one before it
            bare = (
                linker.bare(f)
                or _CHAINED_CHANGE.match(t.text, f.clause[0]) is not None
                or _BASELINE_CHANGE.match(t.text, f.clause[0]) is not None
            )
            caseload = linker.caseload_measure(f, name, bare, bare and caseload_before)
            caseload_before = caseload
            # those the courts sentenced (判处罪犯N人, 判处三年以下…的案件占比): their criminal
            # output, or the region's, which the one practice named did not bring about
            sentenced = _SENTENCED.search(t.text, f.clause[0], f.clause[1]) is not None
            if f.outcome.initiative is None and not caseload and not sentenced:
                f.outcome.initiative, f.outcome.link_rule = name, "link:sole-initiative"
    # an article that dwells on 诉源治理: a fall of the cases filed nothing else credits is
    # its standard measure, wherever the article reports it (link:source-article)
    source = linker.source_article()
    if source is not None:
        adopted = [a for a in ex.adoptions if a.initiative == source]
        adopters = {a.unit for a in adopted}
        began = min((a.date for a in adopted if a.date), default=None)
        went_on = False
        for f in sorted(figures, key=lambda g: g.figure[0]):
            fall = (
                f.outcome.initiative is None
                and linker.article_fall(f, went_on)
                and not _source_barred(t, f, adopters, began)
            )
            if fall:
                f.outcome.initiative, f.outcome.link_rule = source, "link:source-article"
            went_on = f.outcome.link_rule == "link:source-article"
    # the cases of the year a fall is measured against are no result of what the court did since
    for f in figures:
        if f.outcome.initiative is not None and linker.baseline_caseload(f):
            f.outcome.initiative, f.outcome.link_rule = None, ""
