"""Word lists for the synthetic graph: real province names, real reform names, name parts.

Cities, counties, towns and people are synthetic combinations of these parts; provinces and
the base initiatives are the real ones, so the graph reads like the real thing.
"""

from __future__ import annotations

# The 31 provincial-level divisions; the 32nd high court is the Production and Construction
# Corps branch of the Xinjiang High Court.
PROVINCES: tuple[str, ...] = (
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "新疆生产建设兵团",
)

# Characters that combine into plausible place names (东湖, 平安, 兴隆 ...).
PLACE_FIRST = "东西南北中安平阳永长新清宁德兴隆昌盛华丰泰和临武文远通福寿康宝金龙凤鹤云海江河湖山林松桂石青白黄红乐嘉光明建"
PLACE_SECOND = (
    "安平阳山河江海湖泉林城州口台岭峰溪川源水门丰宁兴昌华化庆德泰和远通宝坪桥坝田洲沙塘浦陵原"
)
TOWN_SUFFIX = ("镇", "乡", "街道", "")

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文辉力斌宇浩凯鹏飞晓云峰海波亮宁玲燕萍丹琳雪梅"
    "慧颖佳欣怡晨鑫婷博瑞彬松涵宏昊然睿哲旭东春秋振学成德林俊"
)

# Real reform initiatives of the people's courts: (name, English, aliases).
BASE_INITIATIVES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("诉源治理", "Source governance of litigation", ("源头治理",)),
    ("执源治理", "Source governance of enforcement", ()),
    ("一站式多元解纷机制", "One-stop diversified dispute resolution", ("一站式多元解纷",)),
    ("一站式诉讼服务中心", "One-stop litigation service centre", ("诉讼服务中心",)),
    ("多元解纷机制", "Diversified dispute resolution", ("多元化纠纷解决机制",)),
    ("诉调对接", "Linking litigation and mediation", ()),
    ("分调裁审", "Separating, mediating, fast-tracking and trying cases", ()),
    ("繁简分流", "Separating simple and complex cases", ("案件繁简分流",)),
    ("速裁团队", "Fast-track adjudication teams", ()),
    ("小额诉讼程序", "Small-claims procedure", ("小额诉讼",)),
    ("诉前调解", "Pre-litigation mediation", ()),
    ("在线调解", "Online mediation", ()),
    ("人民法院调解平台", "People's court mediation platform", ("调解平台",)),
    ("特邀调解", "Specially invited mediation", ()),
    ("律师调解", "Lawyer mediation", ()),
    ("行政争议实质性化解", "Substantive resolution of administrative disputes", ()),
    ("府院联动机制", "Court-government coordination mechanism", ("府院联动",)),
    ("新时代枫桥经验", "Fengqiao experience in the new era", ("枫桥经验",)),
    ("枫桥式人民法庭", "Fengqiao-style people's tribunals", ("枫桥式法庭",)),
    ("无讼村居创建", "Litigation-free villages and communities", ("无讼村居",)),
    ("法官进网格", "Judges in community grids", ()),
    ("共享法庭", "Shared courts", ()),
    ("巡回审判", "Circuit trials", ()),
    ("车载法庭", "Mobile court", ()),
    ("司法服务站", "Judicial service stations", ()),
    ("示范人民法庭创建", "Model people's tribunals", ()),
    ("网上立案", "Online case filing", ()),
    ("跨域立案", "Cross-region case filing", ()),
    ("立案登记制", "Case registration system", ()),
    ("在线诉讼", "Online litigation", ()),
    ("移动微法院", "Mobile micro court", ("微法院",)),
    ("在线庭审", "Online hearings", ()),
    ("智慧法院建设", "Smart court construction", ("智慧法院",)),
    ("全流程无纸化办案", "Paperless case handling", ("无纸化办案",)),
    ("电子送达", "Electronic service of documents", ()),
    ("集约送达", "Centralised service of documents", ()),
    ("司法责任制", "Judicial responsibility system", ()),
    ("院庭长办案", "Court and division presidents handling cases", ()),
    ("员额制", "Judge quota system", ("法官员额制",)),
    ("审判团队改革", "Trial team reform", ()),
    ("专业法官会议制度", "Professional judges' meetings", ("专业法官会议",)),
    ("四类案件监管", "Supervision of four types of cases", ()),
    ("类案检索", "Similar case search", ()),
    ("人民法院案例库", "People's court case database", ("案例库",)),
    ("审判质效分析会商", "Trial quality analysis meetings", ()),
    ("执行指挥中心", "Enforcement command centre", ()),
    ("网络查控", "Online asset search and control", ()),
    ("失信被执行人联合惩戒", "Joint sanctions on dishonest judgment debtors", ("联合惩戒",)),
    ("执行联动机制", "Enforcement coordination mechanism", ()),
    ("善意文明执行", "Good-faith, civil enforcement", ()),
    ("执转破", "Transferring enforcement cases to bankruptcy", ()),
    ("个人破产制度", "Personal bankruptcy", ("个人破产",)),
    ("破产审判庭", "Bankruptcy tribunals", ()),
    ("家事审判改革", "Family trial reform", ("家事审判",)),
    ("少年审判", "Juvenile justice", ("少年法庭",)),
    ("环境资源审判", "Environmental and resource adjudication", ("环资审判",)),
    ("知识产权三合一", "Three-in-one IP adjudication", ("三合一审判",)),
    ("涉外商事审判", "Foreign-related commercial adjudication", ()),
    ("一站式国际商事纠纷解决", "One-stop international commercial dispute resolution", ()),
    ("要素式审判", "Element-based adjudication", ()),
    ("示范诉讼", "Test-case litigation", ()),
    ("审判辅助事务集约化", "Centralising auxiliary tasks", ()),
    ("法答网", "Court Q&A network", ()),
    ("阳光司法", "Open justice", ("司法公开",)),
    ("庭审直播", "Live-streamed hearings", ()),
    ("裁判文书上网", "Publishing judgments online", ("文书公开",)),
    ("法治副校长", "Rule-of-law vice principals", ()),
    ("涉诉信访改革", "Litigation-related petition reform", ()),
    ("律师服务平台", "Lawyer service platform", ()),
    ("12368诉讼服务热线", "12368 litigation service hotline", ("12368热线",)),
)

# Local variants turn the base list into a few hundred named initiatives.
VARIANTS: tuple[tuple[str, str], ...] = (
    ("深化{}", "Deepening {}"),
    ("{}示范创建", "Model {} programme"),
    ("{}提质增效", "Improving {}"),
    ("{}标准化建设", "Standardising {}"),
    ("{}数字化改革", "Digital {}"),
    ("{}2.0", "{} 2.0"),
    ("{}试点", "{} pilot"),
    ("{}全覆盖", "{} everywhere"),
    ("{}三年行动", "Three-year plan for {}"),
)

# (kind suffix, level of the parent: "high" or "intermediate")
SPECIAL_COURTS: tuple[tuple[str, str], ...] = (
    ("海事法院", "high"),
    ("知识产权法院", "high"),
    ("金融法院", "high"),
    ("铁路运输中级法院", "high"),
    ("互联网法院", "intermediate"),
    ("铁路运输法院", "intermediate"),
)

COURT_TITLES = ("院长", "副院长", "副院长", "审判委员会专职委员", "执行局局长", "立案庭庭长")
DIVISION_TITLES = ("民事审判第一庭庭长", "刑事审判庭庭长", "行政审判庭庭长", "审判员", "法官助理")

ORG_TYPES: tuple[tuple[str, str], ...] = (
    ("司法局", "司法局"),
    ("公安局", "公安局"),
    ("人民检察院", "检察院"),
    ("妇女联合会", "妇联"),
    ("总工会", "总工会"),
    ("律师协会", "律协"),
    ("人民调解委员会", "人民调解委员会"),
    ("仲裁委员会", "仲裁委"),
    ("市场监督管理局", "市场监管局"),
    ("人力资源和社会保障局", "人社局"),
    ("信访局", "信访局"),
    ("工商业联合会", "工商联"),
    ("公证处", "公证处"),
    ("住房和城乡建设局", "住建局"),
    ("银行业协会", "银行业协会"),
    ("保险行业协会", "保险行业协会"),
)

# (metric, unit of measure, low, high, direction)
METRICS: tuple[tuple[str, str, float, float, str | None], ...] = (
    ("调解成功率", "%", 20.0, 95.0, "up"),
    ("诉前调解案件", "件", 100.0, 30000.0, None),
    ("结案率", "%", 80.0, 99.5, "up"),
    ("案件平均审理天数", "天", 18.0, 120.0, "down"),
    ("一审服判息诉率", "%", 80.0, 98.0, "up"),
    ("执行到位金额", "亿元", 0.5, 80.0, None),
    ("诉讼案件数量", "%", 3.0, 40.0, "down"),
    ("在线立案率", "%", 30.0, 99.0, "up"),
    ("法官人均结案", "件", 150.0, 600.0, "up"),
    ("涉诉信访数量", "%", 5.0, 50.0, "down"),
    ("诉前化解纠纷", "件", 50.0, 12000.0, None),
    ("电子送达率", "%", 20.0, 95.0, "up"),
)

SITES = ("中国法院网", "人民法院报", "法治日报", "人民网", "新华网", "地方法院官网", "微信公众号")
