"""Taxonomy matches and candidate initiatives."""

from __future__ import annotations

import pytest

from ingest.initiatives import find_initiatives


def names(text: str) -> list[str]:
    return [m.name for m in find_initiatives(text)]


def test_taxonomy_terms_are_not_candidates() -> None:
    found = find_initiatives("该院全面推行案件繁简分流和诉前调解。")
    assert [(m.name, m.candidate) for m in found] == [("繁简分流", False), ("诉前调解", False)]


def test_quoted_facility_is_a_candidate() -> None:
    found = find_initiatives("该院设立“劳动争议速调室”。")
    assert [(m.name, m.candidate, m.rule) for m in found] == [("“劳动争议速调室”", True, "quoted")]


def test_quoted_name_with_head_keeps_the_head() -> None:
    assert names("县法院打造“老娘舅”调解品牌。") == ["“老娘舅”调解品牌"]


def test_quoted_name_after_adoption_verb_needs_court_work() -> None:
    assert names("法院开展“送法进工地”活动。") == ["“送法进工地”活动"]
    assert names("大家要保持“奋勇争先”的干劲。") == []


def test_shared_head_gives_each_quote_its_name() -> None:
    assert names("开展“法官讲堂”“法律夜校”活动。") == ["“法官讲堂”", "“法律夜校”"]


def test_quotes_exemplifying_a_kind_are_one_name() -> None:
    # “A”“B”等X机制: the examples and the kind they belong to are one mechanism
    assert names("推行“法官讲堂”“法律夜校”等培训机制。") == ["“法官讲堂”“法律夜校”等培训机制"]


def test_numeric_and_political_slogans_are_not_initiatives() -> None:
    assert names("统筹推进“两个目标”“五项行动”。") == []
    assert names("深化“不忘初心、牢记使命”主题教育。") == []


def test_counted_parts_formula_is_an_initiative() -> None:
    assert names("实行“两督查一通报”。") == ["“两督查一通报”"]


def test_unquoted_mechanism_after_verb() -> None:
    assert names("该院建立涉诉企业回访机制。") == ["涉诉企业回访机制"]
    # generic words alone do not name a mechanism; a purpose clause is not an adoption
    assert names("完善监督制约机制。") == []
    assert names("为健全诉讼服务回访机制，法院召开会议。") == []


def test_list_item_takes_the_verb_of_the_list() -> None:
    assert "欠薪清零专项行动" in names("开展“春风送法”活动、欠薪清零专项行动。")


def test_award_object_is_an_awarded_candidate() -> None:
    found = find_initiatives("某法庭获评全省青年文明号先进集体。")
    assert [(m.name, m.awarded) for m in found] == [("全省青年文明号先进集体", True)]
    assert [m.awarded for m in find_initiatives("该院获评全国优秀法院。")] == [True]
    # the conferrer between 被 and 表彰为
    found = find_initiatives("甲法庭被最高人民法院表彰为“全国法院先进集体”，受到肯定。")
    assert [(m.name, m.awarded) for m in found] == [("全国法院先进集体", True)]
    # an honour's name may begin with 为 or 了: only the verb's own 为/了 is dropped
    for text in ("某法庭被评为为民服务先进集体。", "某法庭获得了为民办实事示范岗称号。"):
        assert [m.name for m in find_initiatives(text)][0].startswith("为民"), text


def test_title_taxonomy_entry_is_awarded_only_in_an_award_clause() -> None:
    assert [m.awarded for m in find_initiatives("推进示范人民法庭创建。")] == [False]


def test_source_governance_family_and_rhythm() -> None:
    assert names("抓实访源治理，推行一案一回访。") == ["访源治理", "一案一回访"]
    assert names("加强资源治理。") == []


def test_candidate_containing_a_generic_term_wins_over_it() -> None:
    found = find_initiatives("设立“夜间诉前调解工作站”。")
    assert [(m.name, m.candidate) for m in found] == [("“夜间诉前调解工作站”", True)]


def test_document_title_is_a_candidate_unless_it_names_taxonomy_terms() -> None:
    assert names("制定《关于规范涉企案件办理的实施方案》。") == [
        "《关于规范涉企案件办理的实施方案》"
    ]
    assert names("制定《关于集约送达的规定》。") == ["集约送达"]


def test_limit_stops_the_search() -> None:
    assert names("推行繁简分流。") == ["繁简分流"]
    assert find_initiatives("推行繁简分流。", limit=3) == []


def test_quoted_local_variant_of_a_taxonomy_term_is_its_own_name() -> None:
    assert names("杭州中院探索“共享法庭+网格”模式。") == ["“共享法庭+网格”模式"]
    # a quote that adds only generic words to a taxonomy term is that term
    assert names("推进“道交一体化”处理模式。") == ["道交一体化"]


def test_quoted_part_and_unquoted_head_form_one_name() -> None:
    found = names("官渡区法院率先推行“执行事务中心”集约化管理模式。")
    assert found == ["“执行事务中心”集约化管理模式"]


def test_known_mechanism_with_a_modifier_or_a_role_is_the_known_mechanism() -> None:
    assert names("开展院庭长阅核制改革。") == ["阅核制"]
    assert "甲乙终本专项整治" not in names("开展甲乙终本专项整治。")


def test_metaphors_and_ordinal_routines_are_not_initiatives() -> None:
    assert names("把共享法庭作为参与基层治理的“前哨站”。") == ["共享法庭"]
    assert names("家门口的“解忧驿站”又添新成员。") == []
    assert names("落实“第一议题”制度。") == []


def test_naming_decision_marks_the_title_as_conferred() -> None:
    found = find_initiatives("决定命名以下人民法庭为“枫桥式人民法庭”：")
    assert [(m.name, m.awarded) for m in found] == [("枫桥式人民法庭", True)]
    assert all(not m.awarded for m in find_initiatives("受到命名的人民法庭要珍惜荣誉。"))


# -- candidate noise (slogans, predicates, descriptions, principles, cases) -------------------


def test_a_predicate_is_not_a_mechanism() -> None:
    assert names("诉讼服务体系建设是惠民工程。") == []
    assert names("跨域立案是该院依托平台打造的“掌上办”便民新模式。") == ["跨域立案"]
    # an adoption verb after 是 still names what the court set up
    assert names("该院是全市首家建立“夜间调解室”的法院。") == ["“夜间调解室”"]
    assert names("这是该院创新推出的“云上调解室”。") == ["“云上调解室”"]
    # 一是/二是 enumerate measures, they do not describe
    assert names("二是“红枫调解”工作机制。") == ["“红枫调解”工作机制"]


def test_a_count_of_kinds_is_not_a_name() -> None:
    assert names("立案窗口推行预约和现场办理两种模式。") == []
    assert names("法院部署“抓调解”“促执行”“优服务”三项工作。") == []


def test_a_quoted_list_of_principles_is_not_a_name() -> None:
    assert names("落实“党组统筹、庭室主抓、干警主责”的工作要求。") == []
    assert names("形成“线上办理+线下指导、自助服务+人工服务”模式。") == []
    # a list with a head of its own is one reform
    assert names("推进“当庭立、网上立、邮寄立”改革。") == ["“当庭立、网上立、邮寄立”改革"]


def test_an_activity_needs_court_work_in_its_name() -> None:
    assert names("走访企业开展“暖心助企”活动。") == []
    assert names("常态化开展“集市法庭”活动。") == ["“集市法庭”活动"]


def test_case_nicknames_and_places_of_reading_are_not_facilities() -> None:
    assert names("“某某贷”非法吸收公众存款案一审宣判。") == []
    assert names("该院多项指标在“全省审判运行监测平台”中位列前五。") == []


def test_headline_aims_and_slogans_are_not_initiatives() -> None:
    text = "评出十个案例:某法庭《聚“庭站所”之力 助力多元解纷提质增效》,另一法庭《打造“清风茶舍”调解品牌 赋能家事纠纷诉源治理》。"
    assert names(text) == ["“清风茶舍”调解品牌"]


# -- unquoted practices, paraphrases, over-broad aliases ---------------------------------------


def test_pairing_and_on_site_supervision_are_practices() -> None:
    assert names("省法院开展结对共建,派员驻点督导。") == ["结对共建", "驻点督导"]
    # 结对共建 names the practice only after an adoption verb
    assert names("两个党支部结对共建。") == []


def test_judicial_recommendations_after_an_adoption_verb() -> None:
    assert names("该院用好用活司法建议。") == ["司法建议"]
    assert names("司法建议书的回复率为百分之百。") == []


def test_paraphrases_of_known_initiatives() -> None:
    assert names("将调解工作贯穿于审判全过程。") == ["全程调解"]
    assert names("推进案件阅核试行工作。") == ["阅核制"]
    assert names("推行“一村(社区)一法官”。") == ["一村一法官"]
    assert names("诉讼服务中心派驻的2名人民调解员参与调解。") == ["人民调解员驻院调解"]
    assert names("推进电子卷宗随案同步生成。") == ["电子卷宗随案同步生成"]


def test_a_court_work_team_after_an_adoption_verb() -> None:
    assert names("市中院组建平行审判团队。") == ["平行审判团队"]
    assert names("团委成立青年志愿服务团队。") == []


def test_over_broad_aliases_do_not_fire() -> None:
    assert names("对5件“四类案件”进行评查。") == []
    assert names("贯彻大抓基层的要求。") == []
    assert names("诉讼服务中心设有法官工作室、调解室。") == []
    assert names("派出法庭的诉讼服务站开设专窗。") == []


# -- one initiative, one name ------------------------------------------------------------------


def test_generic_term_takes_the_specific_initiatives_name() -> None:
    found = names("甲院建好一站式多元解纷机制,多元解纷机制见效。")
    assert found == ["一站式多元解纷机制", "一站式多元解纷机制"]
    # bare 多元解纷 is a function or a field (增强多元解纷功能), not the mechanism
    assert names("发挥法庭的多元解纷功能。") == []


def test_brand_framing_a_known_initiative_is_that_initiative() -> None:
    assert names("该村是“无讼村实验基地”。村里成了无讼村。") == ["无讼村居创建", "无讼村居创建"]


def test_quoted_brand_with_a_long_modified_head_is_one_mention() -> None:
    found = names("建立“法院+商会”商事纠纷诉调对接工作机制。")
    assert found == ["“法院+商会”商事纠纷诉调对接工作机制"]
    found = names("构建“三源共治”的多元解纷新模式。")
    assert found == ["“三源共治”的多元解纷新模式"]


# -- quoted brands with other heads, places, 等, counted parts -------------------------------


def test_more_heads_of_quoted_brands() -> None:
    assert names("织就“庭站点员”四位一体服务网。") == ["“庭站点员”四位一体服务网"]
    assert names("把“一减两增三提升”工作摆在重要位置。") == ["“一减两增三提升”工作"]
    assert names("建设“石榴花开”家事法庭。") == ["“石榴花开”家事法庭"]
    assert names("设立“邻里和”调解驿站。") == ["“邻里和”调解驿站"]


def test_quoted_name_after_a_list_closed_by_deng() -> None:
    found = names("提出院领导挂点、开展结对共建等“八项联动帮扶行动”。")
    assert found == ["结对共建", "“八项联动帮扶行动”"]


def test_brand_with_latin_letters_is_a_name() -> None:
    assert names("推广本院“便民E平台”。") == ["“便民E平台”"]


# -- honours -----------------------------------------------------------------------------------


def test_each_quoted_honour_is_its_own_award() -> None:
    found = find_initiatives("该院获评“全省执行工作先进集体”“全省诉调对接先进集体”。")
    assert [(m.name, m.awarded) for m in found] == [
        ("全省执行工作先进集体", True),
        ("全省诉调对接先进集体", True),
    ]


def test_a_long_list_of_honours_is_awarded_to_its_end() -> None:
    # a list running past the award's window: every honour of it, quoted or not
    found = find_initiatives(
        "该院先后被评为“某省法院宣传工作先进集体”、“某省法院调研工作先进集体”、"
        "“某省法院党建工作先进集体”、“某省法院集体二等功”“某省十佳基层法院”、“某省文明单位”。"
    )
    assert [m.name for m in found if m.awarded][-3:] == [
        "某省法院集体二等功",
        "某省十佳基层法院",
        "某省文明单位",
    ]
    found = find_initiatives(
        "该院先后荣获全国法院宣传工作先进集体、全国法院调研工作先进集体、全国法院立案工作"
        "先进集体、全国法院档案工作先进集体、某省平安建设示范单位等荣誉称号。"
    )
    assert [m.name for m in found if m.awarded][-2:] == [
        "全国法院档案工作先进集体",
        "某省平安建设示范单位",
    ]
    # a list that a clause breaks off is not run on
    assert "某省平安建设示范单位" not in names(
        "该院先后荣获全国法院宣传工作先进集体、全国法院调研工作先进集体、全国法院立案工作"
        "先进集体，并推动某省平安建设示范单位等荣誉称号落地。"
    )


def test_an_award_verb_describing_the_unit_names_no_honour() -> None:
    assert names("甲县法院成为全市唯一一个入选的基层法院。") == []
    assert names("乙县法院成为全省12家入选单位之一。") == []
    # the honour named after the same verb still is one
    assert names("乙县法院入选全省法院先进集体。") == ["全省法院先进集体"]


def test_selected_criminal_judgment_is_not_an_award() -> None:
    assert names("某某诈骗案入选全省法院惩治电信诈骗犯罪典型案例。") == []
    assert names("“李某诈骗案”入选全市十大精品案例。") == []


def test_a_pilot_designation_is_not_an_honour() -> None:
    assert names("该院被确定为全省改革试点法院。") == []


def test_a_designated_status_is_not_an_honour() -> None:
    assert names("甲院被确定为相对薄弱法院后,着力脱薄。") == ["脱薄", "脱薄"]


def test_functions_of_a_system_are_not_initiatives() -> None:
    assert names("平台实现在线调解、在线评估、一键赔付等业务的数据共享。") == []
    assert names("代表参观了诉调对接中心、导诉台等功能区。") == []
    # the same terms adopted in their own right
    assert names("该院推行在线调解、网上立案。") == ["在线调解", "网上立案"]
    assert names("开通网上立案、跨域立案等业务。") == ["网上立案", "跨域立案"]


def test_another_bodys_procedure_is_not_the_courts() -> None:
    assert names("此案先经某仲裁机构诉前调解。") == []
    assert names("法院开展诉前调解。") == ["诉前调解"]
    assert names("法院与县司法局诉调对接。") == ["诉调对接"]


def test_honour_with_bare_huo_needs_a_title_word() -> None:
    found = find_initiatives("该院获全省法院“调解工作先进集体”称号。")
    assert [(m.name, m.awarded) for m in found] == [("全省法院调解工作先进集体", True)]
    assert names("该院获省高院通报表扬。") == []


def test_two_character_campaign_names() -> None:
    assert names("该院开展“春雷”专项执行行动。") == ["“春雷”专项执行行动"]
    assert names("打造“知产”品牌。") == []


def test_local_brand_of_a_known_initiative_is_the_brand() -> None:
    assert names("法庭打造“山路弯弯”流动法庭。") == ["“山路弯弯”流动法庭"]
    assert names("建立“法院+商会”诉调对接机制。") == ["“法院+商会”诉调对接机制"]


def test_flags_for_attribution() -> None:
    found = find_initiatives("制发司法建议,助力诉源治理。")
    assert [(m.name, m.goal) for m in found] == [("诉源治理", True)]
    found = find_initiatives("为实现“甲乙调解”目标，开展诉前调解。")
    assert [m.goal for m in found if m.name == "诉前调解"] == [False]


def test_descriptive_phrases_and_political_formulas_are_not_names() -> None:
    assert names("努力打造“有温度的审判”。") == []
    assert names("为“一带一路”建设提供司法服务。") == []
    assert names("深入开展“质效提升年”活动。") == ["“质效提升年”活动"]


def test_numbered_case_selection_in_a_header_is_awarded() -> None:
    found = find_initiatives("全省法院多元解纷优秀案例第12号\n某县人民法院某人民法庭\n")
    assert [(m.name, m.awarded) for m in found] == [("全省法院多元解纷优秀案例", True)]
    # a cited guiding case is no honour of the citing court
    assert [m.awarded for m in find_initiatives("参照指导性案例第24号作出判决。")] == [False]


def test_merit_citations_are_honours() -> None:
    found = find_initiatives("该庭荣记集体二等功。")
    assert [(m.name, m.awarded) for m in found] == [("集体二等功", True)]


def test_principles_held_are_not_mechanisms() -> None:
    assert names("坚持“诉调结合、案结事了”。") == []
    assert names("推行“调解优先”。") == []
    assert names("坚持“法官讲法进万家”。") == []
    assert names("推行“法官讲法进万家”。") == ["“法官讲法进万家”"]


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("甲院由诉前调解向先行调解转变。", [("诉前调解", True), ("先行调解", False)]),
        ("乙院将集约送达改为电子送达。", [("集约送达", True), ("电子送达", False)]),
        ("甲院取消诉前调解。", [("诉前调解", True)]),
        ("乙院不再开展诉前调解。", [("诉前调解", True)]),
        ("部分法庭尚未建立诉前调解机制。", [("诉前调解", True)]),
        ("甲院开展诉前调解。", [("诉前调解", False)]),
    ],
)
def test_given_up_or_missing_practices_are_flagged(
    text: str, flags: list[tuple[str, bool]]
) -> None:
    assert [(m.name, m.abolished) for m in find_initiatives(text)] == flags


def test_variants_of_one_brand_share_its_name() -> None:
    found = names("打造“老娘舅”调解品牌。该院设立老娘舅调解工作室。")
    assert found == ["“老娘舅”调解品牌", "“老娘舅”调解品牌"]


def test_a_goal_is_flagged() -> None:
    found = find_initiatives("力争年底前实现诉前调解全覆盖。")
    assert [(m.name, m.goal) for m in found] == [("诉前调解", True)]
    found = find_initiatives("工作目标是建成一站式多元解纷机制。")
    assert [m.goal for m in found] == [True]
    assert [m.goal for m in find_initiatives("法院推行诉前调解。")] == [False]
    assert [m.goal for m in find_initiatives("向基本解决执行难迈进。")] == [True]


def test_watchwords_and_run_on_heads_are_not_initiatives() -> None:
    assert names("坚持把非诉讼纠纷解决机制挺在前面。") == []
    assert names("加大调解工作力度，推动信访工作法治化。") == []
    assert names("推进三调联动。") == ["大调解工作格局"]


def test_quoted_list_of_procedures_set_up_is_one_initiative() -> None:
    assert names("甲、乙等法院对系列纠纷开展“示范判决、集中调处”。") == ["“示范判决、集中调处”"]
    # principles held, or a list of aims, are not
    assert names("坚持“调解优先、调判结合”。") == []
    assert names("实现“高院主导、中院主抓”。") == []
    # a campaign named by a list of aims keeps its head
    assert names("部署“排查隐患、化解纠纷”专项治理。") == ["“排查隐患、化解纠纷”专项治理"]


def test_functions_listed_in_quotes_are_features_of_a_system() -> None:
    assert names("这个系统提供“在线预约”“在线调解”“在线缴费”等功能。") == []


def test_statutory_procedure_needs_an_adoption_verb() -> None:
    assert names("这类案件依法适用小额诉讼程序审理。") == []
    assert names("小额诉讼程序法定适用率为六成。") == []
    assert names("推行小额诉讼程序。") == ["小额诉讼程序"]


def test_a_procedure_used_more_is_the_courts_practice() -> None:
    """强化X适用 and 扩大X的适用范围 use the procedure more: the court's practice."""
    assert names("甲市法院强化小额诉讼程序适用，审理周期缩短。") == ["小额诉讼程序"]
    assert names("乙院扩大小额诉讼程序的适用范围。") == ["小额诉讼程序"]
    assert names("丙院规范小额诉讼程序。") == []  # no use after: the verb alone is not enough


def test_a_comparison_with_bi_names_no_ratio() -> None:
    """调解案件比以往…: 比 compares, it does not end the name 案件比."""
    assert names("该院调解案件比以往大幅增加。") == []
    assert names("该院压降“案件比”。") == ["案件比"]


def test_quoted_name_ending_in_a_governance_head() -> None:
    assert names("庭长讲解“两端共治”。") == ["“两端共治”"]


def test_what_a_practice_serves_frames_it() -> None:
    found = find_initiatives("此举是推动完善“三治合一”解纷机制的有益创新。")
    assert [(m.goal, m.framing) for m in found] == [(True, True)]
    found = find_initiatives("把“云上法庭”打造成一站式诉讼服务、多元解纷的前沿支点。")
    assert [(m.name, m.framing) for m in found][0] == ("“云上法庭”", False)
    assert all(m.framing for m in found[1:])
    assert [m.framing for m in find_initiatives("法院建成诉前调解的工作平台。")] == [False]
    found = find_initiatives("认清它在落实司法责任制、强化审判监督上的重要作用。")
    assert [(m.name, m.framing) for m in found] == [("司法责任制", True)]
    assert [m.framing for m in find_initiatives("该院在诉前调解中发挥了重要作用。")] == [False]


def test_broken_practice_and_verb_between_quote_and_term() -> None:
    found = find_initiatives("某院打破“一锅煮”的办案模式。")
    assert [m.abolished for m in found] == [True]
    assert names("破解“一案到底”深化繁简分流") == ["繁简分流"]


def test_another_bodys_centre_is_no_candidate() -> None:
    assert names("该区依靠区综治中心做好治理工作。") == []
    assert names("该院建立涉企纠纷调解中心。") == ["涉企纠纷调解中心"]


def test_heads_that_need_a_court_work_modifier() -> None:
    assert names("深入推进“和睦乡邻”无讼建设。") == ["“和睦乡邻”无讼建设"]
    assert names("构建“法庭—乡镇—村”三级联动网络。") == ["“法庭—乡镇—村”三级联动网络"]
    assert names("推进“法治乡村”示范建设。") == []
    # a two-character quote names a kind of centre when a court-work modifier follows
    assert names("建成“两型”诉非联动中心。") == ["“两型”诉非联动中心"]
    assert names("打造“知产”品牌。") == []


def test_a_star_rating_reached_is_an_honour() -> None:
    found = find_initiatives("某院去年晋升四星级诉讼服务中心的基础上，又添了设备。")
    assert [(m.name, m.awarded) for m in found] == [("四星级诉讼服务中心", True)]
    assert names("张三晋升为一级法官，该院晋升为一级法院。") == []


def test_each_honour_of_a_list_is_awarded() -> None:
    found = find_initiatives("立案庭获评甲省平安建设先进集体、全省法院优秀窗口等称号。")
    assert [(m.name, m.awarded) for m in found] == [
        ("甲省平安建设先进集体", True),
        ("全省法院优秀窗口", True),
    ]
    found = find_initiatives("两项工作分别入选“甲市十大优秀案例”和“甲市十大重点项目”。")
    assert [m.name for m in found] == ["甲市十大优秀案例", "甲市十大重点项目"]


def test_a_leading_group_is_not_the_mechanism() -> None:
    assert names("组建全区法院纠纷多元化解机制领导小组。") == []
    assert names("某院召开“庭审巡查”工作会议。") == []
    assert names("推进“法治乡村”建设。") == []
    assert names("抓好立案大厅“送达站”建设。") == ["“送达站”"]


def test_quoted_examples_of_a_series_of_work_are_no_mechanism() -> None:
    assert names("干警进社区，做好“社区+调解”“社区+宣传”等一系列工作。") == []


def test_unquoted_names_joined_by_he_are_two() -> None:
    assert names("该院建立诉前鉴定机制和类案示范机制。") == ["诉前鉴定机制", "类案示范机制"]


def test_heads_for_layouts_and_dispute_stations() -> None:
    assert names("该院创建“1+3+N”纠纷化解新格局。") == ["“1+3+N”纠纷化解新格局"]
    assert names("该院打造“彩虹桥”解纷站。") == ["“彩虹桥”解纷站"]
    assert names("形成“党委领导、政府负责”的工作格局。") == []


def test_known_functions_of_a_named_facility_are_features() -> None:
    assert names("车载法庭配有在线调解、网上立案等功能。") == ["车载法庭"]
    assert names("开通网上立案、跨域立案等业务。") == ["网上立案", "跨域立案"]


def test_a_quoted_name_something_is_upgraded_to() -> None:
    assert names("把“调解进村”整体升级为“诉调联动进万家”。") == ["“诉调联动进万家”"]


def test_adjectives_alone_do_not_name_a_mechanism() -> None:
    assert names("一是建立合理分流机制。二是建立规范运行机制。") == []


def test_a_quote_qualifying_the_next_quoted_name_is_part_of_it() -> None:
    found = names("法庭构建起“甲站+法庭+乙所”的“1+3”多元解纷格局。")
    assert found == ["“1+3”多元解纷格局"]


def test_the_local_governance_system_and_party_legal_work_are_no_court_mechanisms() -> None:
    assert names("法庭依托“一中心一张网”基层治理体系开展工作。") == []
    assert names("依托“政法小苑”，实现群众少跑路。") == []


def test_a_wish_is_a_goal() -> None:
    found = find_initiatives("该院去函镇政府，希望通过启动多元解纷机制化解纠纷。")
    assert [m.goal for m in found] == [True]


def test_a_counted_thing_described_is_no_facility() -> None:
    assert names("法官打开车厢，一个“微型法庭”跃然眼前。") == []
    assert names("该院设立“微型法庭”。") == ["“微型法庭”"]


def test_named_facilities_listed_as_examples_are_each_a_name() -> None:
    found = names("该院建立“春晖调解室”“惠农诉讼服务站”等多元化解纷机制。")
    assert found == ["“春晖调解室”", "“惠农诉讼服务站”"]
    # abbreviations exemplifying one kind stay one name
    assert names("该院推行“审学研”“评推树”等培养机制。") == ["“审学研”“评推树”等培养机制"]


def test_local_governance_system_is_not_the_courts() -> None:
    # a 基层/乡村/城乡 governance system belongs to the local party and government
    assert names("此举是推动完善“三治合一”乡村治理体系的有益创新。") == []
    assert names("健全“两治融合”城乡基层治理体系。") == []
    assert names("该院依托“一中心一网”治理体系开展调解。") == []


def test_quoted_team_and_run_on_heads() -> None:
    assert names("该院依托“青松”调解队化解纠纷。") == ["“青松”调解队"]
    assert names("该院构建“一庭两站”服务网络。") == ["“一庭两站”"]
    assert names("推进调解工作制度化。") == []


def test_generic_meeting_routine_is_no_mechanism() -> None:
    assert names("该庭同步建立联席会议制度。") == []
    assert names("建立预约办案机制。") == ["预约办案"]  # a taxonomy entry now
    assert names("建立法官联络员机制。") == ["法官联络员机制"]
    assert names("该院启动应急响应机制。") == []


def test_unquoted_repeat_of_a_brand_is_the_brand() -> None:
    text = "该院完善“甲乙丙”在线诉调对接资源库，与多个部门建立在线诉调对接机制。再推进诉调对接。"
    found = [(m.name, text[m.start : m.end]) for m in find_initiatives(text)]
    assert found == [
        ("“甲乙丙”在线诉调对接", "“甲乙丙”在线诉调对接"),
        ("“甲乙丙”在线诉调对接", "诉调对接"),
        ("诉调对接", "诉调对接"),
    ]


def test_unquoted_brand_before_its_quoted_core_is_one_initiative() -> None:
    text = "该院成立青松岭调解室。该院打造“青松岭”调解品牌。"
    assert names(text) == ["青松岭调解室", "青松岭调解室"]


def test_place_right_after_the_verb_before_a_quoted_brand() -> None:
    assert names("该院推广城关镇“院坝议事”做法。") == ["“院坝议事”"]
    assert names("该院大力推广“背街小巷”调解法。") == ["“背街小巷”调解法"]


def test_later_items_of_a_long_list() -> None:
    text = "该院建立涉企纠纷快速处理机制、律师参与调解制度和家事审判工作室。"
    assert names(text) == ["涉企纠纷快速处理机制", "律师参与调解制度", "家事审判工作室"]
    text = "该院推行繁简分流、诉前调解和家事纠纷冷静期制度。"
    assert names(text) == ["繁简分流", "诉前调解", "家事纠纷冷静期制度"]
    assert names("该院的审判质效和法官工作室数量增加。") == []


def test_a_quote_and_a_known_term_joined_by_he_are_two() -> None:
    text = "该院推进“院坝议事”、“板凳调解”和巡回审判。"
    assert names(text) == ["“院坝议事”", "“板凳调解”", "巡回审判"]


def test_quoted_brands_with_looser_heads() -> None:
    assert names("该院建立“法官+律师”调解联合体。") == ["“法官+律师”调解联合体"]
    assert names("该院打造“十分钟”解纷圈。") == ["“十分钟”解纷圈"]
    assert names("该院打造“老兵说和”调解队伍。") == ["“老兵说和”调解队伍"]
    # a loose grouping names a mechanism only with court work in it
    assert names("该院构建“同心圆”生态圈。") == []


def test_striving_for_a_title_is_a_goal_and_enforcement_is_no_court_work() -> None:
    assert [(m.name, m.goal) for m in find_initiatives("该院争创“全国优秀法院”。")] == [
        ("全国优秀法院", True)
    ]
    assert names("该院落实“谁执法谁负责”责任制。") == []


def test_quoted_brands_of_a_kind_are_each_their_own() -> None:
    assert names("该院积极打造“石榴籽”“连心桥”等调解品牌。") == ["“石榴籽”", "“连心桥”"]
    assert names("该院建立“审学研”“评推树”等培养机制。") == ["“审学研”“评推树”等培养机制"]


def test_a_quoted_subject_defined_as_a_mechanism_set_up() -> None:
    found = find_initiatives("“石榴籽”是该院近年来着力打造的特色调解品牌之一。")
    assert [(m.name, m.rule) for m in found] == [("“石榴籽”", "quoted-defined")]
    assert names("“小事不出村”是该院推行的工作目标。") == []
    assert names("“和为贵”是中华文化的精髓。") == []


def test_tools_and_places_used_are_no_mechanisms() -> None:
    assert names("该院利用钉钉平台开展线上培训。") == []
    assert names("该院依托某某政务服务热线平台。") == []
    assert names("该院设立红色教育基地。") == []
    assert names("该院搭建法企沟通平台。") == ["法企沟通平台"]
    assert names("该院建设了审判法庭和诉讼服务中心。") == []


def test_a_quote_of_a_kind_is_named_alone() -> None:
    text = "该院探索建立“法官+社区+N”等多元化纠纷解决机制。"
    found = [(m.name, text[m.start : m.end]) for m in find_initiatives(text)]
    assert found == [("“法官+社区+N”", "“法官+社区+N”等多元化纠纷解决机制")]


def test_field_and_city_programme_terms_need_an_adoption_verb() -> None:
    # 环境资源审判 names a field of trial, 市域社会治理现代化 a city's programme
    assert names("某院召开环境资源审判工作联席会议。") == []
    assert names("为某市建设示范区、市域社会治理现代化示范市作贡献。") == []
    assert names("该院设立环境资源法庭。") == ["环境资源审判专业化"]
    assert names("要加快推进“市域社会治理现代化”。") == ["市域社会治理现代化"]


def test_a_meeting_is_no_mechanism_head() -> None:
    assert names("甲院认真贯彻上级法院司法改革工作会部署。") == []


def test_a_rhythm_does_not_cut_a_quoted_name_short() -> None:
    assert "一屏一线一终" not in names("法庭通过“一屏一线一终端”联通各村。")
    assert names("该院推行“一庭一策”。") == ["一庭一策"]


def test_one_stop_and_fast_track_paraphrases() -> None:
    assert names("该院增设三个一站式解纷中心。") == ["一站式多元解纷机制"]
    assert names("法院在诉前加强一站式多元解决纠纷。") == ["一站式多元解纷机制"]
    assert names("了解立案服务、快审速裁等情况。") == ["速裁快审"]
    assert names("各院要加大小额速裁适用率。") == ["小额速裁"]
    assert names("该院制定技术调查官管理办法。") == ["技术调查官制度"]


def test_a_platform_named_after_a_relative_clause() -> None:
    assert names("省高院建成联通十个部门的甲省多元解纷平台。") == ["甲省多元解纷平台"]
    assert names("全力健全完善层次多样的纠纷解决机制。") == []


def test_systems_the_court_builds_for_the_public() -> None:
    assert names("省高院建成全省法院诉讼费管理系统。") == ["全省法院诉讼费管理系统"]
    assert names("该院建成法官远程会议系统。") == []
    assert names("该院依托案件信息管理系统筛查案件。") == []


def test_a_quote_naming_a_tool_of_a_kind() -> None:
    assert names("该院研发了本省首个庭审小程序“掌上开庭”。") == ["“掌上开庭”"]
    assert names("群众说这个小程序“很好用”。") == []


def test_a_state_reached_is_no_facility() -> None:
    assert names("该院借助新技术实现“在家就有法庭”。") == []
    assert names("该院设立“巾帼调解室”。") == ["“巾帼调解室”"]


def test_a_later_list_item_after_one_left_out() -> None:
    found = names("该院建成甲市审判大数据平台、法官远程会议系统、乙区诉讼费缴纳系统。")
    assert "乙区诉讼费缴纳系统" in found
    assert not any("会议系统" in n for n in found)


def test_a_virtual_courtroom_set_up_is_a_practice() -> None:
    assert names("该院上线5G虚拟智能法庭。") == ["5G虚拟智能法庭"]
    assert names("该院建成石门人民法庭。") == []
    assert names("该院建成审判大数据分析平台。") == []


def test_numbered_abbreviations_with_a_programme_head() -> None:
    assert names("全市法院认真贯彻“三和”理念，融入“五无”创建。") == [
        "“三和”理念",
        "“五无”创建",
    ]
    assert names("该院牢固树立“立审执协同”理念。") == []
    assert names("该院践行“和谐”理念。") == []


def test_a_joint_mechanism_holding_its_meeting() -> None:
    assert names("巡回法庭召开三省劳动争议化解联动工作机制座谈会。") == [
        "三省劳动争议化解联动工作机制"
    ]
    assert names("该院召开年度审判工作会议。") == []


def test_a_kind_of_mediation_referred_and_a_numbered_synergy() -> None:
    assert names("全市法院委派“总对总”调解纠纷三千件。") == ["委派调解"]
    assert names("由政法委派驻的调解员参与。") == []
    assert names("通过前中末三端的“三端”协同发力。") == ["“三端”协同"]
    assert names("构建“法庭+综治中心”协同联动解纷新模式。") == ["“法庭+综治中心”协同联动解纷新模式"]


def test_going_into_a_partner_centre_is_the_article_s_brand_with_that_partner() -> None:
    # 法官常驻综治中心 in an article whose brand is built with the 综治中心 is that brand
    assert names("甲庭构建“法庭+综治中心”协同联动解纷模式，选派法官常驻综治中心。") == [
        "“法庭+综治中心”协同联动解纷模式",
        "“法庭+综治中心”协同联动解纷模式",
    ]
    assert names("乙县法院均入驻综治中心。") == ["诉讼服务入驻综治中心"]


def test_a_plan_title_without_book_marks() -> None:
    assert names("省高院研究制定了家事纠纷源头预防三年规划，推进改革。") == [
        "家事纠纷源头预防三年规划"
    ]
    assert names("该院制定了详细的实施方案，明确分工。") == []


def test_a_count_before_a_facility_is_no_part_of_its_name() -> None:
    assert names("该院设立5家渔民权益保护工作站。") == ["渔民权益保护工作站"]


def test_a_verb_after_the_term_sets_it_up() -> None:
    assert names("甲县法院环境资源法庭的成立，标志着新阶段。") == ["环境资源审判专业化"]
    assert names("甲县法院环境资源法庭的案件增多。") == []


def test_a_code_names_a_mechanism_with_a_longer_modifier() -> None:
    assert names("该院打造“2+N”多方联合涉企纠纷调处机制。") == ["“2+N”多方联合涉企纠纷调处机制"]
    assert names("甲庭探索“1+3”一站式劳动争议化解新模式。") == ["“1+3”一站式劳动争议化解新模式"]


def test_the_governance_of_society_is_no_court_initiative() -> None:
    assert names("会议提出完善共建共治共享的社会治理制度。") == []
    assert names("该院完善城乡基层治理体系。") == []


def test_a_rhythm_inside_a_sentence_is_no_routine() -> None:
    assert names("法官一家一杯茶问民情，一村一走访解民忧。") == []
    assert names("大家说，一加一大于二。") == []
    assert names("该院对改判案件一案一评查，实行一院一档制度。") == ["一案一评查", "一院一档制度"]


def test_an_unquoted_name_of_dispute_words_only_is_no_name() -> None:
    assert names("该院健全矛盾纠纷预防化解机制，完善督促机制。") == []
    assert names("甲县设立3个矛盾纠纷调处中心。") == []
    assert names("该院建立涉企纠纷快速调处机制。") == ["涉企纠纷快速调处机制"]


def test_litigation_mediation_links_beside_the_nationwide_ones_are_those() -> None:
    found = names("该院建立在线诉调对接机制，充实“总对总”在线诉调对接调解员名册。")
    assert found == ["总对总在线诉调对接", "总对总在线诉调对接"]
    assert names("该院建立诉调对接机制。") == ["诉调对接"]


def test_a_quoted_mediation_method_is_a_candidate() -> None:
    assert names("甲庭创新“和风调解法”化解邻里纠纷。") == ["“和风调解法”"]


def test_honours_of_courts_and_of_persons() -> None:
    found = find_initiatives("甲法庭荣立全省法院集体二等功。")
    assert [(m.name, m.awarded) for m in found] == [("全省法院集体二等功", True)]
    # an honour given to a person is a role of that person
    assert names("乙庭副庭长被评为“全省法院调解能手”。") == []
    assert names("五名社区书记被授予了“优秀调解导师”奖项。") == []


def test_an_honour_of_a_paper_or_a_research_topic_is_no_initiative() -> None:
    # the authors' honour, not a practice of the court; nor an honour pointed back to
    text = "该院撰写的《甲乙问题研究》获评全省法院重点调研课题“优秀”成绩，是唯一获得此成绩的法院。"
    assert names(text) == []
    assert names("该院荣获全国法院学术讨论会二等奖论文2篇。") == []
    assert names("丙法院荣获全省法院优秀调研成果一等奖。") == []
    # a court's own honour stays
    assert names("丙法院荣获全省法院先进集体称号。") == ["全省法院先进集体"]


def test_a_state_reached_or_a_short_name_is_no_new_initiative() -> None:
    assert names("该院制定“法官工作站全覆盖”实施方案。") == ["法官工作站"]
    assert names("甲县人民法院乙人民法庭（下称“乙法庭”）位于镇东。") == []


def test_reform_and_innovation_results_name_no_reform() -> None:
    assert names("省高院评选一站式建设优秀改革创新成果。") == ["一站式多元解纷机制"]
    assert names("该院推出多项审判机制创新举措。") == []


def test_a_named_activity_of_court_work_is_a_candidate() -> None:
    assert names("甲法庭利用周末开展法官进企业问诊活动。") == ["法官进企业问诊活动"]
    assert names("乙院举办了少年审判开放日活动。") == ["少年审判开放日活动"]
    # short routine activities, another body's publicity, a series and a known term are no names
    assert names("甲院开展庭审观摩活动。") == []
    assert names("甲院开展法治宣传进社区活动。") == []
    assert names("甲院开展一系列调研活动。") == []
    assert names("甲院开展巡回审判活动。") == ["巡回审判"]


def test_a_heading_opened_by_a_joined_slogan_names_the_practice() -> None:
    text = "二、多方协同\n“调解+速裁” 跑出审判加速度\n该院把简单案件交给调解员。"
    assert names(text) == ["“调解+速裁”"]
    assert [m.rule for m in find_initiatives(text)] == ["quoted-heading"]
    # an open-ended code, a slogan inside a sentence, or a heading made of a metaphor stay out
    assert names("“互联网+”赋能审判\n正文。") == []
    assert names("甲院说：“以案说法+普法”，群众欢迎。") == []
    assert names("“小案件”里的大民生\n正文。") == []


def test_the_channels_of_a_service_system_are_no_initiatives() -> None:
    # the website, the hotline and the circuit trials listed as channels of one system
    assert names("丙院畅通诉讼服务网与12368热线及巡回审判三类渠道服务当事人。") == []
    assert names("甲院开通诉讼服务网。") == ["诉讼服务网"]
    assert names("乙庭开展巡回审判。") == ["巡回审判"]


def test_a_quoted_count_sums_up_the_list_before_it() -> None:
    # the count names the listed parts as one initiative; the parts are no names of their own
    text = "甲院建成审判事务中心、调解服务中心、卷宗流转中心“三个中心”，方便群众。"
    assert names(text) == ["“三个中心”"]
    text = "乙院以统一调解名册、统一工作流程的“两个统一”为抓手。"
    assert names(text) == ["“两个统一”"]
    # a list closed by 等, a count of another number or a single shared character: no sum
    assert "“三个中心”" not in names("甲院建成审判中心、调解中心等“三个中心”。")
    assert "“三个中心”" not in names("甲院建成审判中心、调解中心“三个中心”。")
    assert names("案件达到了无缠诉、无反悔、无上访的“三无”标准。") == []


def test_verbs_that_set_up_a_quoted_name_only() -> None:
    # 创新/采取/采用/活用 before a quoted name of court work set it up
    assert names("甲庭创新“民俗调解”，促进和谐。") == ["“民俗调解”"]
    assert names("乙院采取“首案示范+类案调解”方式化解纠纷。") == ["“首案示范+类案调解”"]
    # …but an unquoted phrase after them is improved, not named
    assert names("甲院创新送达机制。") == []
    assert names("法官采用“背靠背”方式释法。") == []


def test_joint_mediation_and_resolving_name_court_work() -> None:
    # 联调 (joint mediation) and 化解 are court work: a quoted name of them set up is a name
    assert names("甲庭开展“联建联调”，汇聚合力。") == ["“联建联调”"]
    assert names("该庭构建“2+N”联防联调多元化解格局。") == ["“2+N”联防联调多元化解格局"]


def test_a_term_naming_a_figure_is_no_initiative() -> None:
    # an average or a volume of the term's cases is a figure, not a practice
    assert names("速裁案件平均审理天数缩短至35天。") == []
    assert names("在线调解纠纷量累计300万件。") == []
    assert names("推行在线调解，在线调解案件平均时长20天。") == ["在线调解"]


def test_titles_of_a_named_courts_own_plans() -> None:
    # titles after the first share its verb when they open with a named court
    text = "甲院出台《甲县人民法院送法进村工作办法》《甲县人民法院法官联系村居工作实施方案》。"
    assert names(text) == [
        "《甲县人民法院送法进村工作办法》",
        "《甲县人民法院法官联系村居工作实施方案》",
    ]
    # the work follows a plan of a named court's own
    text = "根据《乙市中级人民法院院领导联系法庭工作实施方案》，院领导多次走访。"
    assert names(text) == ["《乙市中级人民法院院领导联系法庭工作实施方案》"]
    # …but not a plan of courts in general, nor another body's document
    assert names("根据《基层人民法院对接工作实施意见》开展工作。") == []
    text = "印发《关于推进村居调解工作的意见》《关于推进社区调解工作的意见》。"
    assert names(text) == ["《关于推进村居调解工作的意见》"]


def test_a_numbered_abbreviation_names_its_mechanism() -> None:
    # “两评”, “三创”: a count and one character, right before 工作机制 / 工作法
    assert names("甲院“两评”工作机制广受好评。") == ["“两评”工作机制"]
    assert names("乙庭“三创”工作法入选案例。") == ["“三创”工作法"]
    # …not with another word between, nor a plain two-character quote
    assert names("细化“三进”实施工作机制。") == []


def test_integration_and_layout_heads_after_a_quote() -> None:
    # N位一体, 一体化 and 工作布局 after a quote name the quoted mechanism
    assert names("集“调立审执”五位一体的巡回审判。") == ["“调立审执”五位一体", "巡回审判"]
    assert names("甲庭“分保确调”一体化办理纠纷。") == ["“分保确调”一体化"]
    assert names("法院打造“135N”工作布局。") == ["“135N”工作布局"]
    # a quoted list before them stays a description
    assert names("构建“村组、园区、法庭”三位一体联动格局。") == []


def test_figures_of_speech_in_quotes_are_not_names() -> None:
    # a size word and a bare noun: the contrast of a figure (小法庭办大事)
    assert names("让“小站点”变成服务群众的“大平台”。") == []
    assert names("甲庭推动“小法庭”释放新活力。") == []
    # 织密 a net is always a figure of speech
    assert names("甲院织密司法“联络网”。") == []
    assert names("织密“解忧网”减少诉累。") == []
    # a named facility set up by the court stays a name
    assert names("甲院设立“解忧网”服务站。") == ["“解忧网”服务站"]


def test_one_network_service_needs_a_verb() -> None:
    # a slogan of what a service reaches, not a practice, unless the court sets it up
    assert names("甲院实现事项一次通办、一网通办。") == []
    assert names("甲院推行一网通办。") == ["一网通办"]


def test_quoted_count_spelled_out_after_ji_is_a_candidate() -> None:
    found = find_initiatives("乙县法院推进“四个对接”，即：与人民调解对接，与行政调解对接。")
    assert [(m.name, m.rule) for m in found] == [("“四个对接”", "quoted-count-spelled")]
    found = find_initiatives("法官们担当起“五员”即调解员、宣传员、联络员、辅导员和接待员。")
    assert [m.name for m in found] == ["“五员”"]
    # a state reached, and a taxonomy name the quote belongs to, are no new names
    assert find_initiatives("该院实现“两个零”，即零上访、零积案。") == []
    found = find_initiatives("推进调解平台“三进”，即进乡村、进社区、进网格。")
    assert [m.name for m in found] == ["人民法院调解平台三进"]


def test_quoted_watchwords_set_up_as_the_way_of_working_are_a_candidate() -> None:
    found = find_initiatives("乙区法院构建“全员一条心、调解一条线”的工作格局。")
    assert [(m.name, m.rule) for m in found] == [
        ("“全员一条心、调解一条线”的工作格局", "quoted-slogan-work")
    ]
    found = find_initiatives("甲院提出“纠纷早发现，法官早介入”的工作新思路。")
    assert [m.name for m in found] == ["“纠纷早发现，法官早介入”的工作新思路"]
    # a state reached is no way of working set up
    assert find_initiatives("形成“一个中心统筹、多方参与”的工作格局。") == []


def test_further_honours_after_a_comma_are_awards_too() -> None:
    """An award's object stops at the first comma; honours listed after it (each ending in
    an honour's head, with no verb of their own) are awarded as well, rule award-list."""
    found = find_initiatives("东湖法庭被评为“全省优秀人民法庭”，乙市先进基层单位。")
    assert [(m.awarded, m.rule) for m in found] == [(True, "quoted"), (True, "award-list")]
    assert found[1].name == "乙市先进基层单位"
    # a clause of its own after the comma (a verb) is no further honour
    found = find_initiatives("东湖法庭被评为“全省优秀人民法庭”，并在全市推广示范做法。")
    assert "award-list" not in [m.rule for m in found]


def test_another_bodys_watchwords_are_no_court_initiative() -> None:
    """The quoted watchwords of a party committee or a government (县委提出“…”的工作格局)
    are theirs, not a court's way of working."""
    assert names("县委提出“产业强县、生态立县”的工作格局。") == []
    assert names("甲县政府提出“稳中求进、守正创新”的工作思路。") == []
    assert names("甲院构建“全院一条心、解纷一个圈”的工作格局。") == [
        "“全院一条心、解纷一个圈”的工作格局"
    ]


def test_quoted_count_of_one_word_with_a_head_is_a_code() -> None:
    found = find_initiatives("甲县法院推行“两个一”工作机制，成效明显。")
    assert [(m.name, m.rule) for m in found] == [("“两个一”工作机制", "quoted-code")]
    assert names("乙院落实“四项机制”，抓好“三项工作”。") == []


def test_quoted_count_of_a_short_phrase_with_a_head_is_a_code() -> None:
    # a counted phrase of two or three characters (三个到位, 四个在一线) and a count with 条
    # (两条腿) name one mechanism before a code's head, as a counted character does
    for text, name in (
        ("丙县法院推行“三个到位”工作法。", "“三个到位”工作法"),
        ("丁庭实行“四个在一线”工作法。", "“四个在一线”工作法"),
        ("戊院构建“两条腿”工作体系。", "“两条腿”工作体系"),
    ):
        found = find_initiatives(text)
        assert [(m.name, m.rule) for m in found] == [(name, "quoted-code")], text
    # a count of kinds of work stays a numeric slogan even before a head, and a counted
    # phrase without a code's head is no name
    for text in (
        "乙院建立“四项机制”工作体系。",
        "丙院落实“两个责任”工作机制。",
        "丁院推行“三项措施”工作法。",
        "戊院落实“三个必须”。",
        "己院做到“三个到位”，群众满意。",
        "庚院落实“两个维护”工作机制。",
        "辛院健全“四个意识”工作体系。",
    ):
        assert names(text) == [], text


def test_quoted_everyday_counts_and_counted_effects_are_no_code() -> None:
    # the three effects (法律、社会、政治效果) every court cites, and everyday counted words
    # (“一条龙” one-stop, 收支“两条线”): no court's own mechanism
    for text in (
        "甲院坚持“三个效果”统一工作机制。",
        "乙院推行“两个效果”相统一工作法。",
        "丙院打造“一条龙”诉讼服务模式。",
        "丁院落实“两条线”管理制度。",
    ):
        assert names(text) == [], text


def test_support_and_office_words_name_no_mechanism() -> None:
    # funds, departments, procedures, sharing, publicity: words of any office's routine
    assert names("该院健全财政经费保障机制，完善部门联动机制，建立数据共享和流程互通机制。") == []
    assert names("乙庭健全法律宣传协调机制。") == []
    assert names("法庭建立家事纠纷冷静期机制。") == ["家事纠纷冷静期机制"]


def test_ten_best_and_model_posts_are_honours() -> None:
    found = find_initiatives("甲县法院立案庭被评为“十佳立案庭”。")
    assert [(m.name, m.rule, m.awarded) for m in found] == [("十佳立案庭", "award", True)]
    found = find_initiatives("乙院执行局被命名为“某某先锋岗”。")
    assert [(m.name, m.awarded) for m in found] == [("某某先锋岗", True)]
    # the ten best of a person's kind is a role
    assert names("丙法官被评为“十佳调解法官”。") == []


def test_the_ten_greatest_of_a_year_are_honours() -> None:
    # 入选年度十大X: a list the thing was chosen into, an honour of whoever owns it
    found = find_initiatives("甲县法院审理的案件入选“年度十大案件”。")
    assert [(m.name, m.rule, m.awarded) for m in found] == [("年度十大案件", "award", True)]
    assert [m.awarded for m in find_initiatives("乙院入选全省十大法治事件。")] == [True]


def test_work_runs_on_into_staff_or_philosophy() -> None:
    # 工作人员 are the staff of what the quote names, 工作理念 a philosophy: no 工作 head
    assert names("记者见到“甲乙调解室”工作人员时，他们正在接待群众。") == ["“甲乙调解室”"]
    assert names("法院秉持“事事用心”工作理念。") == []


def test_party_work_style_campaigns_are_no_court_reform() -> None:
    assert names("甲庭深化“四下基层”工作机制。") == []
    assert names("乙院开展“三抓三促”行动。") == []


def test_work_before_a_plan_or_a_model_is_part_of_the_head() -> None:
    # 工作计划, 工作模式, 工作格局: the whole head, not a bare 工作 that names nothing
    assert names("甲院深入实施“2468”工作计划。") == ["“2468”工作计划"]
    assert names("乙院形成“丙丁”诉调衔接工作格局。") == ["“丙丁”诉调衔接工作格局"]
    # …unless a party committee's watchwords: 区委“2345”总体工作思路
    assert names("法院贯彻区委“2345”总体工作思路。") == []


def test_the_field_a_practice_opens_a_new_path_in_frames_it() -> None:
    # 走出了X的新路子: X is the field the practice opens a way in, not a practice of its own
    found = find_initiatives("乙庭的探索走出了新时代人民法庭建设的新路子。")
    assert [(m.name, m.framing) for m in found] == [("新时代人民法庭建设", True)]
    found = find_initiatives("甲法庭推进新时代人民法庭建设。")
    assert [(m.name, m.framing) for m in found] == [("新时代人民法庭建设", False)]


def test_the_ten_best_clerks_or_young_staff_are_persons_honours() -> None:
    assert names("甲书记员被评为“十佳书记员”。") == []
    assert names("乙获评全省法院十佳青年干警。") == []


def test_youth_and_worker_model_teams_are_honours() -> None:
    found = find_initiatives("甲法庭曾获评全省优秀法庭、市级青年文明号、工人先锋号。")
    assert ("市级青年文明号", True) in [(m.name, m.awarded) for m in found]
    assert ("工人先锋号", True) in [(m.name, m.awarded) for m in found]


def test_a_quoted_manner_of_working_is_no_name() -> None:
    # 背对背, 点对点, 手把手: how a judge works with the parties, not a mechanism
    assert names("法官运用“背对背”调解法化解纠纷。") == []
    assert names("甲庭为企业开展“点对点”“手把手”指导。") == []
    # …but 总对总 names the SPC's pairing with national bodies
    assert "“总对总”" in "".join(names("乙院依托“总对总”机制开展在线调解。"))


def test_one_to_one_and_question_and_answer_are_no_routine() -> None:
    # 一对一, 一问一答: a manner of working, unlike 一案一评查 or 一庭一策
    assert names("每个调解室都有专人一对一衔接。") == []
    assert names("法官在一问一答中给出了答案。") == []
    assert names("甲院推行一案一评查制度。") != []


def test_the_hotline_among_the_four_service_channels_is_a_channel() -> None:
    # 厅、网、线、巡: the hall, the website, the hotline and circuit trials of one system
    assert names("甲省法院统筹诉讼服务大厅、诉讼服务网、12368诉讼服务热线、巡回审判等渠道。") == []
    # without the circuit trials the hotline may be a service the court builds up
    assert "12368诉讼服务热线" in names("乙院推进诉讼服务网、12368诉讼服务热线建设。")


def test_a_quoted_nearness_is_a_figure_of_speech() -> None:
    # “家门口”, “零距离”: how near the court comes, no name even with a head after it
    assert names("甲院健全“家门口”解纷机制。") == []
    assert names("乙庭打造“零距离”解纷平台。") == []


def test_principles_before_a_mechanism_describe_it() -> None:
    # “和解为先”的工作机制: the principle a mechanism follows, not its name
    assert names("甲庭建立“和解为先”的工作机制。") == []
    assert names("乙院形成“繁简分开、和解为先、诉讼兜底”的联动机制。") == []
    # steps of a routine still name it
    assert names("丙院建立“日排查、周研判、月总结”的机制。") == ["“日排查、周研判、月总结”的机制"]


def test_a_quote_describing_a_known_initiative_is_that_initiative() -> None:
    # “甲特色”的诉源治理工作机制, “全链条”解纷的诉源治理: the quote describes the known term
    assert names("甲院构建“甲乡特色”的诉源治理工作机制。") == ["诉源治理"]
    assert names("乙院推进“全链条”解纷的诉源治理。") == ["诉源治理"]
    # a quoted facility before 的 stays its own name
    assert "“乡贤议事点”" in "".join(names("丙庭设立“乡贤议事点”的包片法官。"))


def test_a_quoted_campaign_for_a_known_initiative_is_that_initiative() -> None:
    # 开设“争创‘枫桥式人民法庭’”专栏: one initiative, not a second one beside it
    assert names("甲院开设“争创‘枫桥式人民法庭’”专栏。") == ["枫桥式人民法庭"]
    assert names("乙院落实“推进‘一村一法官’工作机制”。") == ["一村一法官"]


def test_a_mediation_term_as_an_act_or_a_wish_is_no_practice() -> None:
    # 调解员先行调解, 立案前先行调解: who mediates first; 有先行调解意愿: a party's wish
    assert names("这类纠纷先交村里的调解员先行调解。") == []
    assert names("甲院同意在立案前先行调解。") == []
    assert names("对有先行调解意愿的当事人开展工作。") == []
    # the mechanism named after the agent stays (调解员诉前调解工作机制)
    assert names("乙院落实调解员诉前调解工作机制。") == ["诉前调解"]
    assert names("丙院推进先行调解。") == ["先行调解"]


def test_a_proposed_name_ending_in_another_is_that_initiative() -> None:
    # 个人品牌调解工作室 beside 品牌调解工作室, 全区第一批甲乙人民法庭 beside “甲乙”人民法庭
    found = names("甲院设立品牌调解工作室。乙庭建立个人品牌调解工作室。")
    assert found == ["品牌调解工作室", "品牌调解工作室"]
    found = names("丙庭打造“红石”人民法庭。丙庭获评全区第一批红石人民法庭。")
    assert set(found) == {"“红石”人民法庭"}
    # a quoted brand keeps its own name beside a generic one
    found = names("丁院建立多元联动机制，推行“春风”多元联动机制。")
    assert "“春风”多元联动机制" in found
    # a person's own room (老杨…) keeps its name beside the generic one
    found = names("甲院设立品牌调解工作室。乙庭设立老杨品牌调解工作室。")
    assert found == ["品牌调解工作室", "老杨品牌调解工作室"]


def test_the_supreme_courts_circuit_courts_are_no_circuit_trials() -> None:
    assert names("2015年，最高人民法院设立巡回法庭。") == []
    assert names("甲县法院在牧区设立3个巡回法庭。") == ["巡回审判"]


def test_a_quoted_figure_for_something_else_is_no_name() -> None:
    # 这一“总调度室”: a figure for the centre named before; “前哨站”作用: a role played
    assert names("依托县综治中心这一“总调度室”整合力量。") == []
    assert names("丙庭发挥调解室“前哨站”作用。") == []
    # 从A向“B”转型: where the work moves to
    assert names("推动解纷从“单兵作战”向“多元共治”转型。") == []
    # a quoted station set up stays a name
    assert names("乙庭设立“红枫驿站”。") == ["“红枫驿站”"]


def test_a_short_quote_after_the_work_it_likens_is_a_figure() -> None:
    # 打造纠纷化解“终点站”, 形成解纷“过滤网”: what the work is likened to
    assert names("甲庭打造纠纷化解“终点站”。") == []
    assert names("乙院形成多元解纷“过滤网”。") == []
    # a facility set up, or a quote with a head, stays a name
    assert names("丙庭设立解纷“连心站”。") == ["“连心站”"]
    assert names("丁庭打造多元解纷“四方联调”机制。") == ["“四方联调”机制"]


def test_formulas_of_party_congress_reports_are_no_court_mechanism() -> None:
    assert names("甲院完善正确处理新形势下人民内部矛盾机制。") == []
    assert names("乙县不断完善共建共治共享社会治理机制。") == []


def test_an_exhortation_in_a_speech_frames_no_practice() -> None:
    # 强调，要坚持和发展X: what a speaker urges, not what a court reports doing
    found = find_initiatives("院长强调，要坚持和发展新时代“枫桥经验”。")
    assert found and all(m.framing for m in found)
    found = find_initiatives("要坚持创新机制，将“枫桥经验”落实落细。")
    assert found and all(m.framing for m in found)
    # a court's own report stays
    found = find_initiatives("甲院坚持和发展新时代“枫桥经验”。")
    assert found and not any(m.framing for m in found)


def test_a_service_named_after_online_litigation_is_not_the_practice() -> None:
    # 在线诉讼服务方面, 整合线上诉讼服务平台: a service of that name, not the practice
    assert names("在线诉讼服务方面，甲院网上立案一万件。") == ["网上立案"]
    assert names("乙院整合线上诉讼服务平台。") == []
    assert names("丙院全面开展在线诉讼。") == ["在线诉讼"]


def test_a_mediation_term_among_the_kinds_of_mediation_names_a_kind() -> None:
    # 人民调解、行业调解、律师调解等: kinds of mediation listed, not the court's practice
    assert names("引导当事人通过人民调解、行业调解、律师调解等方式化解纠纷。") == []
    assert names("在行政调解、律师调解、公证等领域发力。") == []
    # listed with the court's own practices it stays (诉前调解、律师调解)
    assert names("甲院开展诉前调解、律师调解等工作。") == ["诉前调解", "律师调解"]
    # 人民调解员 is a person, no kind of mediation
    assert names("乙院推进律师调解和人民调解员驻庭工作。")[:1] == ["律师调解"]


def test_the_local_dispute_centre_is_another_bodys() -> None:
    # 县矛盾纠纷调处中心, 乡镇的“矛调中心”: the local government's centre, not a court mechanism
    assert names("甲庭法官每周到镇矛盾纠纷调处中心坐班。") == []
    assert names("村民向乡镇的“矛调中心”求助。") == []


def test_police_and_government_work_teams_are_no_court_mechanism() -> None:
    assert names("甲省全面推广“枫桥警务”模式。") == []
    assert names("乙镇派出所里设有“警调衔接”工作室。") == []
    assert names("联合“访惠聚”驻村工作队排查纠纷。") == []


def test_a_provinces_litigation_website_is_a_tool_in_use() -> None:
    # a province's litigation website shown or written to: the website used, not the practice
    assert "诉讼服务网" not in names("工作人员为当事人演示了四川诉讼服务网的缴费操作。")
    assert "诉讼服务网" not in names("向安徽法院诉讼服务网注册用户发送提醒。")
    assert "诉讼服务网" in names("乙院推进诉讼服务网建设。")


def test_honours_tallied_over_many_collectives_are_a_figure() -> None:
    # 11个集体获评…: how many units were honoured, not one unit's honour
    assert names("全院共有30名干警、11个集体获评市级先进荣誉。") == []
    assert names("全市24个集体获甲省建设先进集体、全省法院先进集体等荣誉。") == []
    assert names("甲法庭被评为全省法院先进集体。") == ["全省法院先进集体"]


def test_the_title_of_a_column_or_a_series_is_no_initiative() -> None:
    assert names("报社推出“代表委员看法院·甲地巡礼”专栏。") == []
    assert names("记者推出“某县法院干警奉献记”系列报道。") == []
    assert names("该院推出“老娘舅调解”品牌。") == ["“老娘舅调解”品牌"]


def test_a_net_or_a_wall_that_the_work_builds_up_is_a_figure_of_speech() -> None:
    assert names("甲院筑牢纠纷过滤“防护网”。") == []
    assert names("甲院联合村居，织密纠纷排摸和线索收集“预警网”。") == []
    assert names("该院建成“法护网”平台。") == ["“法护网”平台"]


def test_quoted_brands_with_the_same_words_before_their_heads_are_one() -> None:
    assert names("甲庭形成了“冬不拉调解法”。法庭设立“冬不拉调解室”。") == [
        "“冬不拉调解法”",
        "“冬不拉调解法”",
    ]
    assert names("该院打造“人民法院老马工作室”，选聘调解员入驻“老马工作室”。") == [
        "“人民法院老马工作室”",
        "“人民法院老马工作室”",
    ]
    assert names("甲院设立“红枫调解室”，推行“绿叶工作法”。") == ["“红枫调解室”", "“绿叶工作法”"]
    # two courts' brands that share their first words are two things
    assert names("甲县人民法院设立“槐树调解法”。乙县人民法院推行“槐树调解室”。") == [
        "“槐树调解法”",
        "“槐树调解室”",
    ]
    # …and one court's room and service station (or room and working method) are two things
    assert names("丙县法院设立“门前调解室”。丙县法院成立“门前服务站”。") == [
        "“门前调解室”",
        "“门前服务站”",
    ]
    assert names("该院打造“杏林调解室”，推出“杏林工作法”。") == ["“杏林调解室”", "“杏林工作法”"]
    # …but the brand's words quoted alone name the brand, whatever head follows
    assert names("该院打造“杏林工作室”，壮大“杏林”调解团队。") == ["“杏林工作室”", "“杏林工作室”"]


def test_what_the_people_are_to_experience_is_a_goal() -> None:
    found = find_initiatives("乙院力求让当事人办事“最多跑一次”。")
    assert [(m.name, m.framing) for m in found] == [("最多跑一次", True)]
    found = find_initiatives("该院推行“最多跑一次”改革。")
    assert [m.framing for m in found] == [False]
    # the means the people are given is the court's practice, not a goal
    found = find_initiatives("该院让当事人通过在线调解化解纠纷。")
    assert [(m.name, m.framing) for m in found] == [("在线调解", False)]


def test_a_verb_phrase_cut_at_a_head_is_no_name() -> None:
    assert names("为法庭建设擘画蓝图、提供制度依据。") == []
    assert names("该院在建立联络机制、做实做优专业调解中心等方面取得成绩。") == ["联络机制"]
    assert names("该院建成规范化家事调解室。") == ["规范化家事调解室"]  # 规范化 is no verb


def test_a_set_phrase_of_the_rhythm_form_is_no_routine() -> None:
    assert names("纠纷小到一针一线，大到房屋土地。") == []
    assert names("聚焦“一老一小”权益保护。") == []
    assert names("甲院推行一案一评查。") == ["一案一评查"]


def test_a_specialised_tribunal_names_its_specialisation_only_where_set_up() -> None:
    assert names("甲区法院成立全省金融法庭。") == ["金融审判专业化"]
    assert names("乙院建成知产法庭。") == ["知识产权审判专业化"]
    assert names("最高法知识产权法庭去年受案同比增长。") == []
    assert names("丙法庭作为该省首家金融法庭，践行新理念。") == []


def test_an_orientation_held_is_no_programme_run() -> None:
    found = find_initiatives("甲县法院坚持强基导向，立足人民法庭职能定位。")
    assert [(m.name, m.framing) for m in found] == [("强基工程", True)]
    found = find_initiatives("乙院推出落实强基导向六项工作。")
    assert [m.framing for m in found] == [False]


def test_quoted_duties_counted_after_them_are_no_names() -> None:
    # 落实“甲”“乙”“丙”三个责任: the quotes are the duties counted, a known term inside too
    assert names("甲院落实“引导群众选择解纷路径”“严格落实立案登记制”“联动防控风险”三个责任。") == []
    assert names("乙院提出“调解在前”“审判在后”两项要求。") == []
    # …but a known term that is a whole quote of the list stays found
    assert names("丁院落实“诉源治理”“多元解纷”两项要求。") == ["诉源治理"]
    # a count of a mechanism head is not a duty count
    assert names("丙院建立“庭前速调”“判后回访”两项机制。") != []


def test_quotes_exemplifying_many_of_a_kind_are_no_name() -> None:
    # “甲”“乙”等一系列制度, “丙”、“丁”等多个平台: examples of a kind, no one mechanism
    assert names("乙院实行“周例会”“季度评议”和“年终排名”等一系列内部管理制度。") == []
    assert names("甲院引导群众使用“某诉通”、“某办事”等多个线上服务平台。") == []
    # named rooms stay names of their own
    assert names("丁院建立“甲调解室”“乙服务站”等多个调解品牌。") == ["“甲调解室”", "“乙服务站”"]
    # …and so do named platforms of a kind (“甲”“乙”等在线平台): each is a system of its own
    assert names("戊院利用“移动微法院”“某省调解平台”等在线平台开展调解。") == [
        "移动微法院",
        "“某省调解平台”",
    ]
    # …but not public apps and sites of a kind a court only uses (no court business named)
    for text in (
        "己院通过“学习强国”“今日头条”等媒体平台发布庭审直播。",
        "庚院通过“天眼查”“企查查”等查询系统核实被执行人财产。",
        "辛院借助“钉钉”“浙里办”等政务平台推送诉讼信息。",
    ):
        assert not [n for n in names(text) if n.startswith("“")], text


def test_a_goal_or_a_clause_after_a_quote_is_no_head() -> None:
    assert names("围绕建设某省“1+1+4+3+N”目标体系开展工作。") == []
    assert names("丙院把“调度台”搬进了镇里的综治中心。") == []
    # a mechanism of managing by targets is a name
    assert names("甲院推行“三个一”目标管理机制。") == ["“三个一”目标管理机制"]


def test_the_parts_a_counted_name_stands_for_are_not_a_name() -> None:
    found = names("乙院构建“专业法官+专职调解员+调解秘书”“三专员”模式。")
    assert found == ["“三专员”"]


def test_an_open_count_of_mechanisms_is_no_name() -> None:
    assert names("“N”指坚持N项机制。") == []


def test_an_honour_cut_off_by_the_end_of_an_excerpt_is_no_name() -> None:
    assert names("乙院还有3个集体荣获全市法院集") == []
    assert names("乙院荣获全市法院先进集体") == ["全市法院先进集体"]
    # a space parts a headline's clauses: the honour before it is whole, and awarded
    found = find_initiatives("丙中院获评全国法院先进集体 丁区法院召开大会")
    assert [(m.name, m.awarded) for m in found] == [("全国法院先进集体", True)]
    found = find_initiatives("戊院荣获全市法院集 己院召开大会")
    assert not [m for m in found if m.awarded]


def test_a_mechanism_running_since_a_date_is_the_courts() -> None:
    found = find_initiatives("自2025年1月二次分类流转机制全面运行以来，分流率提升。")
    assert [(m.name, m.rule) for m in found] == [("二次分类流转机制", "running")]
    assert names("甲县法院诉前分层过滤机制正式运行后，案件下降。") == ["诉前分层过滤机制"]
    # words of any mechanism, or the mechanism referred back to, name none
    assert names("该机制运行以来，调解成功率上升。") == []
    assert names("甲县人民法院智慧审判平台上线以来，效率提高。") == []
    # a system that runs only in a plan or a condition, or another body's, is not the court's
    for text in (
        "乙院表示，待诉讼费线上缴纳系统上线后，当事人将不必到院缴费。",
        "丙院院长说，一旦诉讼费电子票据系统上线后，群众可在线领取票据。",
        "丁院介绍，预计全市法院智慧执行系统明年上线后，效率将提升。",
        "戊院表示，市场监管部门企业信用信息共享平台上线后，查控效率提高。",
        "己院表示，税务部门发票查验平台上线后，虚假诉讼减少。",
    ):
        assert names(text) == [], text


def test_a_figure_of_the_selected_units_is_no_honour() -> None:
    """入选法庭…成功率达到58.3% speaks of the selected tribunals' figure: it became an honour
    named by the whole clause, credited to the court that published the list (a new user's
    finding). An honour's name holds no percentage or measured change; one named after a
    standard (双达标示范法庭) is still an honour."""
    text = "新一批名单公布，甲法庭等榜上有名。入选法庭2024年平均调解成功率达到58.3%。"
    assert not [n for n in names(text) if "58.3" in n or "成功率" in n]
    text = "乙县法院入选全省法院同比增幅达到20%的先进单位名单。"
    assert not [n for n in names(text) if "20%" in n]
    assert names("丙法庭获评全省法院“全面双达标”示范法庭。") == ["“全面双达标”示范法庭"]


def test_a_practice_forbidden_is_not_adopted() -> None:
    """严禁, 禁止, 不得, 杜绝 before a known term in its clause: the court forbids the thing."""
    assert names("甲院严禁批量立案、违规立案。") == []
    assert names("乙院杜绝批量立案。") == []
    assert names("丙院规定不得违规立案，推行批量立案。") == ["批量立案"]
    assert names("丁院开设批量立案绿色通道。") == ["批量立案", "诉讼绿色通道"]


def test_a_counted_award_is_a_tally_unless_won_once_or_a_case_selection() -> None:
    # honours counted over people or trials are a figure, no title of the court
    assert names("该院去年获得省级以上奖励6人次，获评全市优秀庭审3场。") == []
    # once is the honour itself; cases selected are one selection, whatever their number
    assert names("该庭荣立“集体二等功”1次。") == ["集体二等功"]
    assert names("该院入选全国法院典型案例4个。") == ["全国法院典型案例"]


def test_a_piece_of_a_clause_before_a_head_is_no_name() -> None:
    # an aspect particle or a leading conjunction: the words before the head are a clause
    assert names("该庭与商户建立联络群，搭建起了商户纠纷快速反映通道。") == []
    assert names("甲公司与乙建设公司签订了工程合同。") == []
    assert names("两院介绍了诉讼服务信息化建设和诉服中心评估体系的完成情况。") == []


def test_a_counted_formula_of_work_is_a_head() -> None:
    # 四字诀, 三段式, 五步法: a counted formula names the listed parts as one way of working
    assert names("该庭念好“访、听、帮、讲”四字诀，走访企业。") == ["“访、听、帮、讲”四字诀"]
    assert names("该庭推行“一站三调”三段式。") == ["“一站三调”三段式"]


def test_a_list_set_up_and_closed_by_its_kind_names_each_item() -> None:
    """创设A、B、C等亮点品牌 / 开展A、B等活动 / 建立A、B等制度: each item is a name (rule
    list-items); known terms among the items stay taxonomy matches."""
    text = "该庭先后创设甲乙女子合议庭、“逢五说理”茶室、村居联合调解室等特色品牌。"
    assert [(m.name, m.rule) for m in find_initiatives(text)] == [
        ("甲乙女子合议庭", "list-items"),
        ("“逢五说理”茶室", "list-items"),
        ("村居联合调解室", "list-items"),
    ]
    assert names("乙院建立了分案审理、心理干预、犯罪记录封存等制度。") == [
        "分案审理",
        "心理干预",
        "犯罪记录封存",
    ]
    assert names("该庭开展清欠农民工工资周、法官夜访乡村等活动。") == [
        "清欠农民工工资周",
        "法官夜访乡村",
    ]
    # one item alone names a mechanism when it is long enough
    assert names("建立家事案件判后回访等便民制度。") == ["家事案件判后回访"]
    assert names("该院推行诉前调解、律师代理申诉等制度。") == ["诉前调解", "律师代理申诉"]


def test_a_counted_list_gives_each_item_the_shared_head() -> None:
    assert names("丙院率先建立企业重整、打击逃废债两项省级协作机制。") == [
        "企业重整省级协作机制",
        "打击逃废债省级协作机制",
    ]
    # the count must be the number of items
    assert names("丙院建立企业重整、破产逃废债、破产审判三项协作机制。") == [
        "企业重整协作机制",
        "破产逃废债协作机制",
        "破产审判协作机制",
    ]
    assert names("丙院建立企业重整、逃废债两项制度外，还建立三项机制。") == []


def test_a_list_of_routine_work_names_nothing() -> None:
    # short items, lectures and exchanges, or one item that is no name: routine work
    assert names("开展法律咨询、普法宣传等活动。") == []
    assert names("组织法官开展审判实务讲座、司法经验交流等活动。") == []
    assert names("建立健全考勤、学习等制度。") == []
    assert names("为建立案件质量评查、审判流程管理等制度，该院召开会议。") == []


def test_a_title_of_measures_is_a_document() -> None:
    assert names("出台《甲县人民法院司法便民利民十项举措》。") == [
        "《甲县人民法院司法便民利民十项举措》"
    ]


def test_a_mediation_committee_the_court_founds_and_its_liaison_points() -> None:
    # a committee set up with a partner (the first of its province: no part of the name)
    assert names("甲区法院与区工商联联合成立乙省首家商事纠纷调解委员会。") == ["商事纠纷调解委员会"]
    assert names("丙院组建家事调解委员会，防止矛盾激化。") == ["家事调解委员会"]
    # a village's people's mediation committee, or one only relied on, is not the court's
    assert names("丁村成立了人民调解委员会。") == []
    assert names("依托镇商事调解委员会化解纠纷。") == []
    # judges' liaison points set up in the communities
    assert names("在各社区设立社区和行政村法官联络点78个。") == ["社区和行政村法官联络点"]
    assert names("该镇设立志愿服务联络点。") == []


def test_a_quoted_campaign_that_opens_with_its_span() -> None:
    text = "该院以省法院“三争”晋先品牌创建活动为契机，以市法院“三年强院行动”为抓手。"
    assert names(text) == ["“三争”晋先品牌创建活动", "“三年强院行动”"]
    # counts of kinds and campaigns of no court work stay out
    assert names("统筹推进“两个目标”“五项行动”。") == []
    assert names("开展“三大专项行动”。") == []
    assert names("开展“文明单位”创建活动。") == []


def test_a_quoted_hotline_of_its_own_is_a_facility() -> None:
    # 专线: a dedicated line the court opens, named by its quote
    assert names("甲市法院开通“一号直达”诉源治理专线。") == ["“一号直达”诉源治理专线"]
    assert names("乙院开通“心连心”专线。") == ["“心连心”专线"]


def test_a_quoted_list_of_places_working_together_and_a_service_network() -> None:
    # 共治 names what the listed places do together; 司法服务 is court work for a 网络
    assert names("该庭优化“庭、站、点”融合共治，化解纠纷。") == ["“庭、站、点”融合共治"]
    text = "该庭形成“一庭两翼”全覆盖司法服务网络。"
    assert names(text) == ["“一庭两翼”全覆盖司法服务网络"]
    # a list of principles is still no name
    assert names("坚持“党委领导、政府负责”共治。") == []


def test_sources_governed_together_and_procedures_concentrated_on() -> None:
    assert names("该庭推进诉源、执源、访源综合治理。") == ["诉源、执源、访源综合治理"]
    assert names("加强水源、能源综合治理。") == []
    # 着力 before a quoted list of procedures (精审: careful trial of the hard cases)
    assert names("甲院按照案件特点着力“调解、速裁、精审”。") == ["“调解、速裁、精审”"]
    assert names("着力“高质量、高效率”。") == []


def test_qualities_crackdowns_and_formulas_are_no_mechanisms() -> None:
    # a quality alone before a head, a campaign against crime, the system's political formula
    assert names("把诉讼服务体系建设作为一项基础性、先导性、战略性工程。") == []
    assert names("该院积极开展电信网络诈骗专项行动，依法惩处被告人。") == []
    assert names("健全中国特色社会主义司法制度。") == []
    assert names("开展“打伞破网”行动。") == []
    # a campaign of court work stays (欠薪清零专项行动)
    assert "欠薪清零专项行动" in names("开展“春风送法”活动、欠薪清零专项行动。")


def test_a_proposed_name_met_only_as_an_aim_frames_the_article() -> None:
    found = find_initiatives("该庭以助力“千村万户工程”为契机，推行繁简分流。")
    assert [(m.name, m.framing) for m in found] == [("“千村万户工程”", True), ("繁简分流", False)]
    # …unless the court builds it; a known term after 助力 stays a goal only
    found = find_initiatives("助力打造“亭前满意”营商环境服务品牌。")
    assert [(m.name, m.framing) for m in found] == [("“亭前满意”营商环境服务品牌", False)]
    assert [m.framing for m in find_initiatives("助力诉源治理。")] == [False]


def test_a_mechanism_innovated_with_words_of_its_own() -> None:
    assert names("甲院创新商事仲裁调查令机制，依法支持仲裁。") == ["商事仲裁调查令机制"]
    assert names("乙庭进一步创新家事审判机制。") == ["家事审判机制"]
    # a procedure's or generic mechanism improved names nothing
    assert names("创新送达机制。") == []
    assert names("创新工作机制。") == []


def test_supervisors_appointed_from_outside() -> None:
    text = "该院开展自查自纠，聘请廉政和营商环境监督员，回应企业关切。"
    assert names(text) == ["廉政和营商环境监督员"]
    # the people appointed, a supervisor only named, or people hired are no mechanism
    assert names("聘请10名律师担任执行监督员。") == []
    assert names("设立执行监督员。") == []
    assert names("聘请专家咨询团队。") == []


def test_a_list_of_management_routines_names_nothing() -> None:
    assert names("该院建立健全庭审录像检查、案件质量评查等制度。") == []
    assert names("建立了文书上网监督、绩效积分考核等制度。") == []
    # the court's own procedures, internal discipline and reports are no reform
    assert names("建立了审判委员会讨论案件、合议庭评议案件等制度。") == []
    assert names("建立健全重大事项请示报告、廉政风险防控等制度。") == []


def test_joined_procedures_the_court_works_by() -> None:
    text = "在甲法庭通过“诉前调解+司法确认”的方式，十多天就化解了纠纷。"
    assert "“诉前调解+司法确认”" in names(text)
    # joined words with no known procedure are a manner of working
    assert names("通过“线上+线下”的方式开展宣传。") == []


def test_a_room_named_in_single_quotes_inside_a_speech() -> None:
    text = "村民说：“那是个‘麦香法庭’，调解室挂着‘金谷穗调解室’的牌子，办公室叫‘麦场立案室’。”"
    found = find_initiatives(text)
    assert [(m.name, m.rule) for m in found] == [
        ("金谷穗调解室", "quoted-nested"),
        ("麦场立案室", "quoted-nested"),
    ]
    assert names("他说：“这是‘调解室’。”") == []


def test_one_facility_under_two_names_joined_by_ji() -> None:
    text = "经过“社区小法庭”调解，纠纷化解。该庭设置了“法官调解室暨社区小法庭”。"
    assert names(text) == ["“社区小法庭”", "“社区小法庭”"]


def test_another_bodys_mediation_committee_is_not_the_courts() -> None:
    assert names("区工商联成立商事调解委员会，化解商事纠纷。") == []
    assert names("区法院与区工商联联合成立商事纠纷调解委员会。") == ["商事纠纷调解委员会"]
    # the court named earlier in the sentence takes part in the clause after it
    text = "区法院成立调解工作室，与区工商联联合成立首家商事纠纷调解委员会。"
    assert names(text) == ["商事纠纷调解委员会"]


def test_quoted_honours_share_the_head_after_them() -> None:
    """确定为“A”和“B”示范法院: two honours, each quote with the head they share."""
    found = find_initiatives("甲县法院被确定为“家事审判改革”和“执行改革”示范法院。")
    assert [(m.name, m.rule) for m in found] == [
        ("家事审判改革示范法院", "award"),
        ("执行改革示范法院", "award"),
    ]
    # …not the words 称号 or 荣誉 after a list of honours
    assert names("乙院获评“全国文明单位”“全省先进法院”称号。") == ["全国文明单位", "全省先进法院"]


def test_honours_kept_again_or_conferred_by_a_body_that_names_the_unit() -> None:
    """蝉联 an honour wins it again; 认定甲为“乙” confers a quoted honour; a legal finding
    (认定…为“阴阳合同”) or a rank (蝉联全市第一) is none."""
    found = find_initiatives("市中院蝉联某省文明单位。")
    assert [(m.name, m.awarded) for m in found] == [("某省文明单位", True)]
    found = find_initiatives("团省委认定甲县法院立案庭为“一星级某省青年文明号”。")
    assert [(m.name, m.awarded) for m in found] == [("一星级某省青年文明号", True)]
    assert names("法院认定该合同为“阴阳合同”。") == []
    assert names("甲院结案率蝉联全市第一。") == []


def test_the_spirit_of_a_practice_is_an_ideal_not_the_practice() -> None:
    """发扬“马背法庭”精神 invokes an ideal; the 巡回审判 after it is what the court does."""
    assert names("甲院发扬“马背法庭”精神，大力开展巡回审判。") == ["巡回审判"]
    assert names("乙院设立马背法庭。") == ["马背法庭"]


def test_a_rank_or_grade_held_again_is_no_honour() -> None:
    """蝉联…第一名 / 蝉联…考核优秀等次: a place in a ranking or a grade, not an honour; 蝉联 a
    quoted title still wins it again."""
    assert names("甲县法院连续两年蝉联全市法院综合考评第二名。") == []
    assert names("乙院执行局蝉联全省法院审判工作考核优秀等次。") == []
    assert names("丙院连续四年蝉联全区法院绩效考核榜首。") == []
    found = find_initiatives("丁法庭蝉联“全省五星级法庭”称号。")
    assert [(m.name, m.awarded) for m in found] == [("“全省五星级法庭”", True)]


def test_a_listed_item_keeps_its_own_he_and_drops_a_frequency() -> None:
    """A 、-list parts at 、 only when an item holds a 和 of its own; a party-joining item (甲和乙
    参与) names no mechanism; 每周一次 is no part of a name, and a staff meeting is routine."""
    text = "甲院建立了调解员和律师参与、网上立案和电子送达对接等机制。"
    assert names(text) == ["网上立案", "电子送达"]
    # 甲、乙和丙: the last item still parts at its 和
    assert names("乙院建立了分案审理、心理干预和犯罪记录封存等制度。") == [
        "分案审理",
        "心理干预",
        "犯罪记录封存",
    ]
    assert names("丙院建立了每月一次院长接待日、每周一次审委会例会等制度。") == ["院长接待日制度"]


def test_a_crackdown_campaign_is_not_a_courts_initiative() -> None:
    """The police's and the party's campaigns a court joins (“净网”, 禁毒, a campaign to punish
    crime or corruption) are none of its initiatives; its own campaigns stay."""
    assert names("甲院配合公安机关开展“雷霆攻坚行动”，依法严厉打击电信网络犯罪。") == []
    assert names("全市开展“三年清风行动”整治基层干部腐败。") == []
    assert names("乙院开展“扫黄打非”专项行动、“净网”专项行动和禁毒专项行动。") == []
    assert names("丙院开展“百日执行攻坚行动”，依法打击拒执犯罪。") == ["“百日执行攻坚行动”"]
    assert names("丁院开展“三年强基行动”，全面加强基层党组织建设。") == ["“三年强基行动”"]


def test_a_body_guided_by_the_court_sets_up_its_own() -> None:
    """在法院指导下，某街道成立调解委员会: the street's committee; another body's 联络点 is its own;
    the court's own 联络点 stays."""
    assert names("在甲县人民法院指导下，城关街道成立了婚姻家事纠纷调解委员会。") == []
    assert names("区工商联与区法院共同成立商会商事调解委员会。") == ["商会商事调解委员会"]
    assert names("乙县司法局在各乡镇设立法律援助联络点。") == []
    assert names("乙县法院设立乡村法官联络点。") == ["乡村法官联络点"]


def test_the_spirit_of_a_way_of_working_carries_it_on() -> None:
    """弘扬“枫桥经验”精神 carries on the practice (a way of working), unlike 发扬“马背法庭”精神."""
    assert names("甲院大力弘扬“枫桥经验”精神，传承“马锡五审判方式”精神。") == [
        "新时代枫桥经验",
        "马锡五审判方式",
    ]


def test_staff_and_party_work_mechanisms_are_routine() -> None:
    assert names("甲院创新法官人才培养机制。") == []
    assert names("乙院创新队伍建设机制，创新党建工作机制。") == []


def test_a_room_in_single_quotes_needs_a_quoted_speech() -> None:
    text = "记者看到，服务中心门口挂着‘甲乡人民调解委员会’和‘乡邻和睦服务站’的牌子。"
    assert names(text) == []


def test_a_list_of_ways_things_are_joined_proposes_nothing() -> None:
    text = "甲院建立了线上审理和线下审理相互衔接、执行查控和财产处置同步推进等机制。"
    assert names(text) == []
