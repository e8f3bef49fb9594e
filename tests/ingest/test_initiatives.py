"""Taxonomy matches and candidate initiatives."""

from __future__ import annotations

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
    assert names("推行“法官讲堂”“法律夜校”等培训机制。") == ["“法官讲堂”", "“法律夜校”"]


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
    assert "不规范终本专项整治" not in names("深入开展不规范终本专项整治。")


def test_metaphors_and_ordinal_routines_are_not_initiatives() -> None:
    assert names("把共享法庭作为参与基层治理的“前哨站”。") == ["共享法庭"]
    assert names("家门口的“解忧驿站”又添新成员。") == []
    assert names("落实“第一议题”制度。") == []


def test_naming_decision_marks_the_title_as_conferred() -> None:
    found = find_initiatives("决定命名以下人民法庭为“枫桥式人民法庭”：")
    assert [(m.name, m.awarded) for m in found] == [("枫桥式人民法庭", True)]
    assert all(not m.awarded for m in find_initiatives("受到命名的人民法庭要珍惜荣誉。"))
