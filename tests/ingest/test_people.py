"""People with titles; what is not a person."""

from __future__ import annotations

import re

from ingest.document import CourtMention, CourtRef, SourceDocument
from ingest.extract import extract_document
from ingest.people import PERSON_RULES, bare_title, byline_court, find_bylines, find_people
from tests.ingest.test_extract import stand_in


def test_title_chain_then_name() -> None:
    hits = find_people("党组书记、院长王立新出席会议。")
    assert [(h.name, h.roles) for h in hits] == [("王立新", ("党组书记", "院长"))]


def test_two_character_name_ends_at_a_function_word() -> None:
    hits = find_people("副院长孙明的讲话")
    assert [(h.name, h.roles) for h in hits] == [("孙明", ("副院长",))]


def test_party_committee_posts_alone_are_no_court_staff() -> None:
    # 政法委书记 and a standing-committee seat are a guest's posts (corpus conventions: not
    # people of the court); the chain still keeps the name from the weaker patterns
    assert find_people("市委常委、政法委书记孙明的讲话") == []
    assert find_people("县政法委副书记李红军、乙县法院院长周立平参加调研。")[0].name == "周立平"
    assert [h.name for h in find_people("县政法委书记郑海涛、县法院院长何立仁共同揭牌。")] == [
        "何立仁"
    ]


def test_rare_surnames_and_the_word_they_begin() -> None:
    assert [h.name for h in find_people("庭长朋立群带领干警赶到现场。")] == ["朋立群"]
    assert [h.name for h in find_people("党组书记、院长茆建华提出，要加强审判。")] == ["茆建华"]
    assert find_people("庭长朋友圈里转发了这条消息。") == []
    assert find_people("院长朋友说，这很好。") == []


def test_leaders_and_a_conjunction_before_comrade_are_no_names() -> None:
    assert find_people("会议纪念毛泽东同志批示学习推广枫桥经验60周年。") == []
    assert find_people("请各位委员和列席同志提出意见。") == []
    assert find_people("请各位代表和与会同志提出意见。") == []
    # a name that opens the clause is still read
    assert [h.name for h in find_people("会上，和立新同志作了发言。")] == ["和立新"]


def test_a_quoted_brand_is_no_name() -> None:
    # “和苑法官” names a service, not a judge called 和苑
    assert find_people("来宾扫码体验了“和苑法官”联系功能。") == []
    assert [h.name for h in find_people("王芳法官说，要耐心调解。")] == ["王芳"]


def test_a_department_with_its_other_name_in_brackets() -> None:
    text = "甲市中院督查办(司改办)主任刘书勤通报获奖案例。"
    mentions = [CourtMention(0, 4, "甲市中院", "X省甲市中级人民法院")]
    hits = find_people(text, mentions)
    assert [(h.name, h.court) for h in hits] == [("刘书勤", "X省甲市中级人民法院")]


def test_court_before_the_title_is_the_unit() -> None:
    text = "甲市中院院长周海说"
    mentions = [CourtMention(0, 4, "甲市中院", "X省甲市中级人民法院")]
    assert [(h.name, h.court) for h in find_people(text, mentions)] == [
        ("周海", "X省甲市中级人民法院")
    ]


def test_name_before_title_after_a_court() -> None:
    text = "统一到省法院刘丹院长的要求上来"
    mentions = [CourtMention(3, 6, "省法院", "X省高级人民法院")]
    hits = find_people(text, mentions)
    assert [(h.name, h.roles, h.court) for h in hits] == [("刘丹", ("院长",), "X省高级人民法院")]


def test_surname_only_and_anonymised_are_not_people() -> None:
    assert find_people("胡院长指出，要加强管理。") == []
    assert find_people("当事人郑某表示感谢，院长会议随后召开。") == []


def test_credits_are_not_people() -> None:
    assert find_people("（记者 张三 通讯员 李四）") == []
    assert find_people("责任编辑：王五") == []


def test_occupation_needs_a_unit() -> None:
    assert find_people("由律师常驻，及时调解。") == []
    text = "甲县法院法官陈红说"
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["陈红"]


def test_comrade_pattern() -> None:
    assert [h.name for h in find_people("学习杜明远同志的先进事迹")] == ["杜明远"]


def test_words_after_titles_are_not_names() -> None:
    assert find_people("各基层法院院长逐一汇报，院长接待日制度") == []
    assert find_people("总书记关于某项工作的重要指示") == []


def test_roster_line_gives_each_listed_name_the_titles() -> None:
    hits = find_people("【院领导】 党组书记、院长：孙立新；党组成员、副院长：刘红梅、韩建国\n")
    assert [(h.name, h.roles) for h in hits] == [
        ("孙立新", ("党组书记", "院长")),
        ("刘红梅", ("党组成员", "副院长")),
        ("韩建国", ("党组成员", "副院长")),
    ]


def test_spaced_name_keeps_its_full_length() -> None:
    hits = find_people("新城区法院党组书记、院长 乌兰其其格 表示，下一步将继续推进。")
    assert [h.name for h in hits] == ["乌兰其其格"]
    # without spaces the ordinary rules apply: a verb after the name is not part of it
    assert [h.name for h in find_people("副院长 巴特尔说，要抓落实。")] == ["巴特尔"]


# ------------------------------------------------------------------------------------------
# Titles away from the court, other shapes of mention, and what a name looks like


def _court(text: str, surface: str, name: str) -> list[CourtMention]:
    return [CourtMention(m.start(), m.end(), surface, name) for m in re.finditer(surface, text)]


def test_department_between_court_and_title() -> None:
    text = "甲县法院立案庭庭长张明介绍了情况。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        ("张明", ("立案庭庭长",), "X省甲县人民法院", "person:court-dept-title-name")
    ]
    text = "甲县法院审判管理办公室主任李红表示，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court) for h in hits] == [("李红", "X省甲县人民法院")]
    # a second body between the court and the title is not one of its departments
    text = "甲县法院和乙镇调解委员会主任李红表示，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court) for h in hits] == [("李红", None)]


def test_head_of_a_court_department() -> None:
    text = "甲县法院诉讼服务中心负责人王芳说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court) for h in hits] == [("王芳", ("负责人",), "X省甲县人民法院")]
    text = "甲县法院相关负责人介绍，"
    assert find_people(text, _court(text, "甲县法院", "X省甲县人民法院")) == []


def test_judge_named_without_a_court() -> None:
    hits = find_people("法官刘洋表示，要耐心释法。法官助理陈晨协助整理卷宗，陈晨说，不累。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("刘洋", ("法官",), "person:occupation-name"),
        ("陈晨", ("法官助理",), "person:occupation-name"),
    ]
    # without a court, a name needs a verb of saying after it or a second mention
    assert find_people("法官连续作战，法官齐心协力，法官严谨细致，法官向群众讲解。") == []
    # a word before the title is not part of it: 资深法官 is a judge
    assert [(h.name, h.roles) for h in find_people("资深法官李华说，")] == [("李华", ("法官",))]


def test_words_are_not_names() -> None:
    assert find_people("包联法官主动走访，党员法官带头办案，全体法官参加培训。") == []
    assert find_people("江苏省人大代表张鑫参观了诉讼服务中心。") == []
    assert find_people("院庭长要履行监督职责，强化院庭长对案件的监督。") == []
    assert find_people("实现特邀调解员全覆盖。") == []
    assert find_people("县司法局党组书记、局长王明，镇党委书记李华，纪委书记赵亮说，") == []


def test_honour_is_a_role_without_a_unit() -> None:
    hits = find_people("甲县涌现出全国优秀法官柯丙等典型。")
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        ("柯丙", ("全国优秀法官",), None, "person:honour-name")
    ]
    assert [h.name for h in find_people("“最美法官”马兰说，")] == ["马兰"]
    assert [h.name for h in find_people("全国模范法官吴刚的事迹感人。")] == ["吴刚"]
    assert find_people("法官权益的保障。") == []


def test_name_then_comma_then_court_title() -> None:
    text = "刘明，甲县法院副院长，长期从事审判工作。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        ("刘明", ("副院长",), "X省甲县人民法院", "person:name-comma-title")
    ]


def test_apposition_names_the_post() -> None:
    for text in ("作为甲县法院庭长，王强每天都很忙。", "王强作为甲县法院庭长，每天都很忙。"):
        hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
        assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
            ("王强", ("庭长",), "X省甲县人民法院", "person:apposition")
        ]


def test_apposition_refers_to_the_subject_named_earlier() -> None:
    text = "刚办完案的李建国走进法庭，作为东岭法庭庭长，他还要开庭。李建国说，不累。"
    hits = find_people(text)
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("李建国", ("庭长",), "person:apposition-subject")
    ]


def test_court_mediator() -> None:
    text = "甲县法院驻院调解员王芳说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("王芳", "X省甲县人民法院", "person:mediator")
    ]
    # a people's mediator of no court is not a court's
    assert find_people("人民调解员王芳在村里调解。") == []


def test_bylines_that_name_a_court() -> None:
    hits = find_bylines("作者：甲县人民法院 王小明 李华  发布时间：2024-01-02")
    assert [(h.name, h.role, h.court) for h in hits] == [
        ("王小明", "作者", "甲县人民法院"),
        ("李华", "作者", "甲县人民法院"),
    ]
    hits = find_bylines("文丨甲县法院 张明\n（记者 马丽 通讯员 甲县法院 杨帆）")
    assert [(h.name, h.role) for h in hits] == [("张明", "作者"), ("杨帆", "通讯员")]
    assert find_bylines("作者：王小明 李华 记者 赵六") == []  # no court: no post stated
    assert find_bylines("作者：甲市中院 宣教科") == []  # a department, not a person


def test_byline_court_is_one_of_the_articles_courts() -> None:
    courts = [
        CourtRef("X省甲县人民法院", "basic"),
        CourtRef("X省甲市中级人民法院", "intermediate"),
    ]
    assert byline_court("甲县人民法院", courts) == "X省甲县人民法院"
    assert byline_court("甲市中院", courts) == "X省甲市中级人民法院"
    assert byline_court("乙县法院", courts) is None


def test_every_pattern_has_its_own_rule() -> None:
    text = (
        "甲县法院党组书记、院长孙立新主持会议。刘明，甲县法院副院长，到会。"
        "法官刘洋表示，要耐心释法。省法院郑青院长提出要求。"
    )
    mentions = _court(text, "甲县法院", "X省甲县人民法院") + _court(
        text, "省法院", "X省高级人民法院"
    )
    rules = {h.name: h.rule for h in find_people(text, mentions)}
    assert rules == {
        "孙立新": "person:court-title-name",
        "刘明": "person:name-comma-title",
        "刘洋": "person:occupation-name",
        "郑青": "person:name-title",
    }
    assert all(r in PERSON_RULES for r in rules.values())


# ------------------------------------------------------------------------------------------
# People of a whole article (ingest.extract): who is kept, bylines cut from the text


def _people_of(text: str, original: str | None = None) -> dict[str, tuple[object, ...]]:
    doc = SourceDocument(path="t.txt", text=text, original=original or text)
    ex = extract_document(doc, court_resolver=stand_in)
    return {p.name: (tuple(p.roles), p.unit, p.rule) for p in ex.people}


def test_titled_people_of_no_court_are_left_out() -> None:
    people = _people_of(
        "乙县法院法官陈红走进村里。村党支部书记、村委会主任王建国说，法院办了实事。律师赵磊到场。"
    )
    assert people == {"陈红": (("法官",), "X省乙县人民法院", "person:court-title-name")}


def test_judge_and_mediator_take_the_court_of_the_text() -> None:
    people = _people_of("乙县法院推进诉前调解。法官刘洋说，特邀调解员周芳表示，要耐心调解。")
    assert people == {
        "刘洋": (("法官",), "X省乙县人民法院", "person:occupation-name"),
        "周芳": (("特邀调解员",), "X省乙县人民法院", "person:mediator"),
    }


def test_byline_cut_from_the_text_still_names_its_authors() -> None:
    body = "乙县法院推进诉前调解。"
    people = _people_of(body, original="作者：乙县人民法院 王小明 李华\n" + body)
    assert people == {
        "王小明": (("作者",), "X省乙县人民法院", "person:byline"),
        "李华": (("作者",), "X省乙县人民法院", "person:byline"),
    }


def test_a_court_the_mentions_missed_is_not_replaced_by_the_topic() -> None:
    people = _people_of("最高人民法院表彰了一批法庭。作为东岭法庭庭长，王强带头办案。")
    assert people == {"王强": (("庭长",), None, "person:apposition")}
    # the missed name is matched to a court of the article when one fits
    people = _people_of("乙县法院丁镇法庭推进诉前调解。丁镇人民法庭庭长王强说，要抓落实。")
    assert people["王强"][1] == "X省乙县人民法院丁镇人民法庭"


def test_names_listed_under_one_title() -> None:
    hits = find_people("庭长张明、李华、王强等人参加。法官赵亮、当事人钱多到庭。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("张明", ("庭长",), "person:title-name"),
        ("李华", ("庭长",), "person:listed-name"),
        ("王强", ("庭长",), "person:listed-name"),
        ("赵亮", ("法官",), "person:occupation-name"),
    ]


def test_resident_mediator_and_other_court_staff() -> None:
    hits = find_people("驻院调解员王芳说，执行员刘强表示，")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("王芳", ("驻院调解员",), "person:mediator"),
        ("刘强", ("执行员",), "person:occupation-name"),
    ]


def test_post_in_parentheses_after_the_name() -> None:
    text = "张明（甲县法院副院长）说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("张明", "X省甲县人民法院", "person:name-comma-title")
    ]


def test_names_with_a_middle_dot_or_set_to_width() -> None:
    hits = find_people("院长吐尔洪·买买提表示，副院长 张\u3000伟 主持。")
    assert [(h.name, h.roles) for h in hits] == [
        ("吐尔洪·买买提", ("院长",)),
        ("张伟", ("副院长",)),
    ]


def test_delegation_and_rank_after_the_name_and_before_it() -> None:
    hits = find_people("院长张伟一行到乙县调研。二级大法官李明说，")
    assert [(h.name, h.roles) for h in hits] == [("张伟", ("院长",)), ("李明", ("二级大法官",))]


def test_name_then_title_after_a_court_department() -> None:
    text = "甲县法院立案庭张春合法官说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("张春合", "X省甲县人民法院", "person:name-title")
    ]


def test_name_before_a_title_after_a_preposition() -> None:
    hits = find_people("工作要统一到周会院长的要求上来。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [("周会", ("院长",), "person:name-title")]


# ------------------------------------------------------------------------------------------
# Where a name ends, words read as names, and further shapes of mention


def test_a_word_after_the_name_ends_it() -> None:
    hits = find_people("书记员孙丽整理卷宗。老庭长张强退休后仍在调解。")
    assert [(h.name, h.roles) for h in hits] == [("孙丽", ("书记员",)), ("张强", ("庭长",))]
    hits = find_people("法官助理何静和书记员孙丽一起核对材料。")
    assert [h.name for h in hits] == ["何静", "孙丽"]


def test_words_after_an_office_are_not_names() -> None:
    for text in (
        "庭长常常加班。",
        "院长于会上指出，",
        "院长向全院干警提出要求。",
        "审判长宣读判决。",
        "院长任期内，",
        "法官高兴地说，",
        "法官黄河边说，",
        "经过法官周密细致的工作，",
        "法官连夜赶到现场。",
        "马背法官说，",
    ):
        assert find_people(text) == [], text


def test_court_staff_and_resident_mediators() -> None:
    hits = find_people("执行干警刘明说，驻院人民调解员顾大海表示，")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("刘明", ("执行干警",), "person:occupation-name"),
        ("顾大海", ("驻院人民调解员",), "person:mediator"),
    ]
    # a people's mediator or a grid worker of no court is not court staff
    assert find_people("人民调解员王芳说，网格员李娜表示，") == []


def test_short_name_then_occupation_opening_a_clause() -> None:
    hits = find_people("案件受理后，王芳法官耐心释法。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("王芳", ("法官",), "person:name-occupation")
    ]
    assert find_people("党员法官带头办案，阳光法官说，") == []


def test_profile_names_the_person_and_the_court_post() -> None:
    text = "张建华，男，汉族，甲县法院立案庭庭长。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        ("张建华", ("立案庭庭长",), "X省甲县人民法院", "person:profile")
    ]
    # a profile without a court post is not one of the court's people
    assert find_people("张建华，男，汉族，甲镇村民。") == []


def test_byline_that_states_a_court_post() -> None:
    hits = find_bylines("（通讯员 甲县法院法官助理 张明）")
    assert [(h.name, h.role, h.court) for h in hits] == [("张明", "法官助理", "甲县法院")]
    text = "（作者：张明，甲县法院法官助理）"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("张明", ("法官助理",), "X省甲县人民法院")
    ]
    # a credit without a court post names no one of the court
    assert find_people("（记者 马丽 通讯员 张明）") == []


def test_a_verb_after_a_name_ending_in_its_first_character() -> None:
    assert [h.name for h in find_people("院长张军强调，要抓落实。")] == ["张军"]
    assert [h.name for h in find_people("法官王志强调解了纠纷。")] == ["王志强"]


def test_holder_of_a_court_post_written_with_a_verb() -> None:
    for text in ("张建华现任甲县法院立案庭庭长。", "张建华是甲县法院立案庭庭长。"):
        hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
        assert [(h.name, h.court, h.rule) for h in hits] == [
            ("张建华", "X省甲县人民法院", "person:name-is-title")
        ], text
    text = "现任甲县法院立案庭庭长的张建华说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.rule) for h in hits] == [("张建华", "person:title-of-name")]


def test_name_title_after_court_and_de() -> None:
    text = "甲县法院的王芳法官说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("王芳", "X省甲县人民法院", "person:name-title")
    ]


def test_mediator_the_sentence_places_at_a_court() -> None:
    text = "在甲县法院诉调对接中心，人民调解员王芳正在调解。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("王芳", "X省甲县人民法院", "person:court-mediator")
    ]
    # a village's mediator in a sentence that names the court is not the court's
    text = "甲县法院指导乙村调委会，人民调解员王芳说，"
    assert find_people(text, _court(text, "甲县法院", "X省甲县人民法院")) == []


def test_division_head_named_without_a_court_keeps_the_division() -> None:
    hits = find_people("副院长赵一凡、立案庭庭长钱婷婷和民三庭副庭长孙秀秀出席。")
    assert [(h.name, h.roles) for h in hits] == [
        ("赵一凡", ("副院长",)),
        ("钱婷婷", ("立案庭庭长",)),
        ("孙秀秀", ("民三庭副庭长",)),
    ]
    # a tribunal's head, or a word ending in 庭 that names no division, stays a bare title
    hits = find_people("家庭庭长钱婷婷说，")
    assert [(h.name, h.roles) for h in hits] == [("钱婷婷", ("庭长",))]


def test_mediator_at_a_court_facility_of_a_sentence_naming_no_court() -> None:
    hits = find_people("调解室里，调解员赵春梅正在接待当事人。")
    assert [(h.name, h.court, h.rule) for h in hits] == [("赵春梅", None, "person:linked-mediator")]
    # a mediator's honour counts as the mediator's post
    hits = find_people("驻院工作室成效明显，涌现出全市优秀人民调解员钱立平、孙小燕等人。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("钱立平", ("全市优秀人民调解员",), "person:linked-mediator"),
        ("孙小燕", ("全市优秀人民调解员",), "person:listed-name"),
    ]
    # no court facility, or another place's facility: no court's mediator
    assert find_people("调解员赵春梅正在接待当事人。") == []
    assert find_people("在乙村调解室，调解员赵春梅正在接待当事人。") == []
    assert find_people("在县医调委调解室，调解员赵春梅正在接待当事人。") == []


def test_judge_known_by_a_nickname_or_a_dotted_name() -> None:
    hits = find_people("“马背法官”王芳说，被誉为“法官妈妈”的李娜表示，吐尔逊·买买提法官说，")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("王芳", ("法官",), "person:nickname-name"),
        ("李娜", ("法官",), "person:nickname-name"),
        ("吐尔逊·买买提", ("法官",), "person:name-title"),
    ]
    assert find_people("开展“法官进网格”活动，") == []


def test_department_of_court_police_and_senior_posts() -> None:
    text = "甲县法院法警大队大队长孙强说，最高人民法院审判委员会副部级专职委员刘明出席。"
    mentions = _court(text, "甲县法院", "X省甲县人民法院") + _court(
        text, "最高人民法院", "最高人民法院"
    )
    hits = find_people(text, mentions)
    assert [(h.name, h.court) for h in hits] == [
        ("孙强", "X省甲县人民法院"),
        ("刘明", "最高人民法院"),
    ]


def test_middle_character_that_is_also_a_function_word() -> None:
    text = "甲市中院民一庭张向军审判长与合议庭成员侯军勇、郑红赴乙县开庭。"
    hits = find_people(text, _court(text, "甲市中院", "X省甲市中级人民法院"))
    assert [(h.name, h.roles) for h in hits] == [
        ("张向军", ("审判长",)),
        ("侯军勇", ("合议庭成员",)),
        ("郑红", ("合议庭成员",)),
    ]
    assert find_people("法官王的判决") == []


def test_names_sharing_a_title_with_etc() -> None:
    hits = find_people("近日，陈晓东等法官一行走进村里。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("陈晓东", ("法官",), "person:name-etc-title")
    ]
    assert find_people("村干部等法官一行走进村里。张某等三名法官到场。") == []


def test_tibetan_names_of_two_parts() -> None:
    hits = find_people("法官扎西次仁说，院长格桑卓玛表示，")
    assert [h.name for h in hits] == ["扎西次仁", "格桑卓玛"]
    # one part alone is not read as a full name
    assert find_people("法官扎西说，") == []


def test_tibetan_names_of_amdo_and_kham_elements() -> None:
    hits = find_people("由副院长达哇才仁带队下乡。法官才旦多杰说，")
    assert [(h.name, h.roles) for h in hits] == [
        ("达哇才仁", ("副院长",)),
        ("才旦多杰", ("法官",)),
    ]


def test_tibetan_name_after_an_occupation_needs_no_end_word() -> None:
    # the table fixes where the name ends, whatever word follows it
    hits = find_people("调解成功后，书记员阿旺群旦两位年轻人笑了。")
    assert [(h.name, h.roles) for h in hits] == [("阿旺群旦", ("书记员",))]
    # a surname-led name still needs a clear end without a court
    assert find_people("调解成功后，书记员王立新两位年轻人笑了。") == []


def test_places_and_bodies_before_an_occupation_are_not_names() -> None:
    for text in ("。广州法官说，", "。石家庄法官说，", "。公安干警说，", "。华裔法官说，"):
        assert find_people(text) == [], text
    assert [h.name for h in find_people("。张家辉法官说，")] == ["张家辉"]


def test_honour_in_quotes_with_its_title_word() -> None:
    hits = find_people("荣获“全国优秀法官”称号的王芳说，")
    assert [(h.name, h.roles) for h in hits] == [("王芳", ("全国优秀法官",))]


def test_name_is_one_of_the_court_staff() -> None:
    hits = find_people("王芳是一名法官，李娜是该院立案庭的一名书记员。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("王芳", ("法官",), "person:name-is-title"),
        ("李娜", ("书记员",), "person:name-is-title"),
    ]
    assert find_people("他是一名法官。张明是一名律师。") == []


def test_a_two_character_name_before_a_verb() -> None:
    for verb in ("召开", "部署", "上门", "荣获", "负责", "总是"):
        assert [h.name for h in find_people(f"会上，庭长李明{verb}了。")] == ["李明"], verb
        assert [h.name for h in find_people(f"会上，庭长李建国{verb}了。")] == ["李建国"], verb


def test_author_lines_that_state_a_court_post() -> None:
    text = "◇延明，甲县法院副院长\n刘芳，甲县法院民一庭法官助理\n"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("延明", ("副院长",), "person:name-comma-title"),
        ("刘芳", ("法官助理",), "person:name-comma-title"),
    ]
    assert find_people("院长延伸了服务。法官延长了工作时间。") == []


def test_a_lone_surname_before_the_title_is_no_name_after_it() -> None:
    assert find_people("还是祁法官管用。") == []
    hits = find_people("当事人和法官王芳说，两位法官李娜说，")
    assert [h.name for h in hits] == ["王芳", "李娜"]


def test_a_place_before_a_title_is_not_a_name() -> None:
    text = "甲县法院高陂法庭开展巡回审判。临行前，高陂庭长曾亮交代了任务。"
    mentions = _court(text, "甲县法院", "X省甲县人民法院") + _court(
        text, "高陂法庭", "X省甲县人民法院高陂人民法庭"
    )
    assert [h.name for h in find_people(text, mentions)] == ["曾亮"]


def test_profiles_with_a_birth_date_one_a_line() -> None:
    text = "刘涛，1964年1月生，乙县法院惠安法庭庭长；\n纪成，1966年7月出生，丙县法院庭长。"
    mentions = _court(text, "乙县法院惠安法庭", "X省乙县人民法院惠安人民法庭") + _court(
        text, "丙县法院", "X省丙县人民法院"
    )
    hits = find_people(text, mentions)
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("刘涛", "X省乙县人民法院惠安人民法庭", "person:profile"),
        ("纪成", "X省丙县人民法院", "person:profile"),
    ]


def test_name_title_after_a_court_division() -> None:
    hits = find_people("我跟随执行一庭赵彧法官前往乡镇。接到执行庭曹学军庭长电话，")
    assert [(h.name, h.roles) for h in hits] == [("赵彧", ("法官",)), ("曹学军", ("庭长",))]
    assert find_people("。家庭法官说，") == []


def test_names_listed_after_the_title_they_share() -> None:
    text = "其中五名是甲县法院特邀调解员，分别是李建村、吕艾玲、张猛。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        (n, ("特邀调解员",), "X省甲县人民法院", "person:title-list")
        for n in ("李建村", "吕艾玲", "张猛")
    ]


def test_a_word_before_a_title_stays_when_the_rest_is_no_title() -> None:
    text = "甲县法院专职委员陈默出席。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("陈默", ("专职委员",))]


def test_the_host_after_a_visiting_courts_officer_is_the_articles_court() -> None:
    """甲市中院副院长张三出席并讲话，院长李四主持会议 in an article of 乙县法院: the one who chairs
    (主持, 陪同, 汇报) is the host's officer, not the visitor's."""
    lead = "乙县法院召开诉源治理推进会。"
    people = _people_of(lead + "甲市中院副院长赵一鸣出席并讲话，院长钱立新主持会议。")
    assert people["赵一鸣"][1] == "X省甲市中级人民法院"
    assert people["钱立新"][1] == "X省乙县人民法院"
    people = _people_of(lead + "甲市中院院长赵一鸣到会指导，副院长钱立新陪同。")
    assert people["钱立新"][1] == "X省乙县人民法院"


def test_an_officer_listed_with_a_visitor_or_not_hosting_stays_with_the_visitor() -> None:
    lead = "乙县法院召开诉源治理推进会。"
    # listed with the visitor (、), or doing what a guest does (参加)
    people = _people_of(lead + "甲市中院副院长赵一鸣、院长钱立新主持会议。")
    assert people["钱立新"][1] == "X省甲市中级人民法院"
    people = _people_of(lead + "甲市中院副院长赵一鸣出席并讲话，院长钱立新参加会议。")
    assert people["钱立新"][1] == "X省甲市中级人民法院"
    # the visitor's court is the article's own: nothing to move
    people = _people_of("甲市中院召开推进会，副院长赵一鸣出席并讲话，院长钱立新主持会议。")
    assert people["钱立新"][1] == "X省甲市中级人民法院"


def test_generic_office_listed_among_a_courts_officers() -> None:
    people = _people_of(
        "乙县法院党组成员、副院长李红伟，党组成员任明及办公室主任赵振营、执行局副局长郭林参加。"
    )
    assert people["赵振营"] == (("办公室主任",), "X省乙县人民法院", "person:listed-office")
    # an office of another body in the same list is not the court's
    people = _people_of("乙县法院副院长李红伟、县财政局局长赵振营参加。")
    assert "赵振营" not in people
    # the leader in charge of the work, listed after the court's president
    people = _people_of("乙县法院党组书记、院长李红伟，协管领导赵振营参加会议。")
    assert people["赵振营"] == (("协管领导",), "X省乙县人民法院", "person:listed-office")
    assert "赵振营" not in _people_of("乙县法院开展调研，县政府分管领导赵振营参加会议。")


def test_a_full_name_before_de_after_an_occupation() -> None:
    assert [h.name for h in find_people("跟着法官助理卫惜缘的脚步走进法庭。")] == ["卫惜缘"]
    assert find_people("法官公信力的提升，法官严要求的态度。") == []


def test_officers_of_one_list_and_a_name_before_guanyu() -> None:
    people = _people_of(
        "乙县法院党组书记、院长朱新章带领党组副书记、副院长朱仲文，党组成员、综合办公室主任"
        "马继锋到丁镇法庭调研，听取了庭长田艳伟关于法庭工作的汇报。"
    )
    assert set(people) == {"朱新章", "朱仲文", "马继锋", "田艳伟"}
    assert people["马继锋"][1] == "X省乙县人民法院"


def test_ethnic_groups_before_an_occupation_are_not_names() -> None:
    for text in ("。苗族法官说，", "。哈尼族法官说，", "。满族干警说，", "。景颇族法官说，"):
        assert find_people(text) == [], text


def test_an_appointment_names_the_holder() -> None:
    text = "会议决定任命张强为甲县法院副院长。王刚为甲县法院院长颁发奖状。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("张强", ("副院长",), "person:name-is-title")
    ]


def test_frequent_words_of_court_news_are_not_names() -> None:
    for text in (
        "。院长信访工作日到了。",
        "。法官方面，要求更高。",
        "。法官来源于律师。",
        "。法官平台上公开。",
    ):
        assert find_people(text) == [], text


def test_determiners_and_past_posts_before_an_occupation() -> None:
    for text in (
        "。任何法官都不能徇私。",
        "。普通法官说，",
        "。包抓干警说，",
        "。曾任法官的他说，",
    ):
        assert find_people(text) == [], text


def test_people_an_honour_is_given_to() -> None:
    hits = find_people("。王芳、李娜被评为全国优秀法官。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("王芳", ("全国优秀法官",), "person:honoured-name"),
        ("李娜", ("全国优秀法官",), "person:honoured-name"),
    ]
    assert find_people("。一批干警被评为优秀法官。多人荣获全国优秀法官。") == []


def test_a_courts_own_mediator_and_a_verb_with_zhe_after_the_name() -> None:
    text = "甲县法院丁镇法庭的家事调解员孙海芬捧着记录本走来。"
    hits = find_people(text, _court(text, "甲县法院丁镇法庭", "X省甲县人民法院丁镇人民法庭"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("孙海芬", "X省甲县人民法院丁镇人民法庭", "person:court-mediator")
    ]
    text = "甲县法院指导的村人民调解员王芳说，"
    assert find_people(text, _court(text, "甲县法院", "X省甲县人民法院")) == []


def test_dotted_name_ends_where_the_clause_goes_on() -> None:
    text = "乙县人民法院法官阿依古丽·买买提就赶到村里。"
    mentions = [CourtMention(0, 6, "乙县人民法院", "X省乙县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["阿依古丽·买买提"]


def test_dotted_name_ends_before_a_companion_or_a_verb_of_telling() -> None:
    text = "乙县人民法院法官阿依古丽·买买提和同事赶到村里。"
    mentions = [CourtMention(0, 6, "乙县人民法院", "X省乙县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["阿依古丽·买买提"]
    hits = find_people("庭长阿依古丽·买买提告诉记者，纠纷已化解。")
    assert [h.name for h in hits] == ["阿依古丽·买买提"]


def test_a_preposition_and_its_object_are_no_name() -> None:
    text = "乙县人民法院法官向代表委员介绍调解工作。"
    mentions = [CourtMention(0, 6, "乙县人民法院", "X省乙县人民法院")]
    assert find_people(text, mentions) == []
    assert find_people("案件立案后，由中心法官及时分流。") == []
    assert [h.name for h in find_people("法官向红梅说，调解成功了。")] == ["向红梅"]
    court = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    for text in (
        "甲县法院院长向县人大常委会报告工作。",
        "甲县法院院长于近日主持会议。",
        "甲县法院院长于会上强调。",
        "甲县法院院长向政协委员介绍情况。",
        "甲县法院院长由衷感谢。",
    ):
        assert find_people(text, court) == [], text
    hits = find_people("甲县法院院长于新华主持会议。", court)
    assert [h.name for h in hits] == ["于新华"]


def test_a_three_character_name_whose_characters_double_as_function_words() -> None:
    text = "乙县法院党组书记、院长张和森带领干警来到镇上。"
    mentions = [CourtMention(0, 4, "乙县法院", "X省乙县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["张和森"]
    assert [h.name for h in find_people("东湖法庭庭长周文接说，调解很重要。")] == ["周文接"]
    # a word before the verb of saying: the name has two characters
    assert [h.name for h in find_people("庭长潘文则表示，调解很重要。")] == ["潘文"]
    assert [h.name for h in find_people("院长王强接受采访时说，调解很重要。")] == ["王强"]
    assert find_people("院长和副院长出席会议。") == []


def test_common_surnames_left_out_before() -> None:
    text = "乙县人民法院党组成员、副院长赖春元及法庭负责人前往走访。"
    mentions = [CourtMention(0, 6, "乙县人民法院", "X省乙县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["赖春元"]
    assert [h.name for h in find_people("院长傅强说，要抓好落实。")] == ["傅强"]
    assert find_people("法官洪水期间坚守岗位。") == []


def test_name_ends_before_common_words_that_follow_it() -> None:
    assert [h.name for h in find_people("立案庭法官吴婷心里有数。")] == ["吴婷"]
    assert [h.name for h in find_people("退休法官孙建平接受返聘。")] == ["孙建平"]


def test_a_room_of_the_staff_is_no_person() -> None:
    assert find_people("法庭设有调解室、干警宿舍等。") == []


def test_a_dotted_name_after_an_occupation_needs_no_court() -> None:
    hits = find_people("法官阿依古丽·买买提说，纠纷调解成功了。")
    assert [(h.name, h.roles) for h in hits] == [("阿依古丽·买买提", ("法官",))]


def test_assistant_president_and_spokesperson_are_court_posts() -> None:
    text = "乙市中级人民法院院长助理、新闻发言人韩冰介绍，案件数量下降。"
    mentions = [CourtMention(0, 8, "乙市中级人民法院", "X省乙市中级人民法院")]
    hits = find_people(text, mentions)
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("韩冰", ("院长助理", "新闻发言人"), "X省乙市中级人民法院")
    ]
    assert find_people("市公安局新闻发言人李强说。") == []


def test_the_court_inside_is_one_of_its_judges() -> None:
    text = "周敏是乙县人民法院的一名法官。"
    mentions = [CourtMention(3, 9, "乙县人民法院", "X省乙县人民法院")]
    assert [(h.name, h.court) for h in find_people(text, mentions)] == [("周敏", "X省乙县人民法院")]


def test_a_womans_title_keeps_the_court_before_it() -> None:
    text = "乙县人民法院女法官何静说，调解成功了。"
    mentions = [CourtMention(0, 6, "乙县人民法院", "X省乙县人民法院")]
    assert [(h.name, h.roles, h.court) for h in find_people(text, mentions)] == [
        ("何静", ("法官",), "X省乙县人民法院")
    ]


def _court_first(text: str, court: str = "乙县人民法院") -> list[CourtMention]:
    i = text.find(court)
    return [CourtMention(i, i + len(court), court, "X省" + court)]


def test_a_word_between_the_court_and_a_post_that_is_no_department() -> None:
    for text, role in [
        ("据乙县人民法院相关负责人周立新介绍，案件减少。", "负责人"),
        ("乙县人民法院家事调解员吴秀兰说，调解成功了。", "调解员"),
        ("乙县人民法院“金牌调解员”吴秀兰说，调解成功了。", "金牌调解员"),
        ("作为乙县人民法院的庭长，周立新每天接待群众。", "庭长"),
    ]:
        hits = find_people(text, _court_first(text))
        assert [(h.name, h.roles[-1], h.court) for h in hits][:1] == [
            (hits[0].name, role, "X省乙县人民法院")
        ], text
    # another body's helper is not the court's
    text = "乙县人民法院指导镇调解员吴秀兰开展工作。"
    assert [h.name for h in find_people(text, _court_first(text))] == []


def test_a_remark_after_the_post_and_ranked_assistants() -> None:
    text = "乙县人民法院副院长（主持工作）周立新说。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles) for h in hits] == [("周立新", ("副院长",))]
    text = "乙县人民法院二级法官助理周立新说。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles) for h in hits] == [("周立新", ("二级法官助理",))]


def test_a_long_court_inside_is_one_of_its_judges() -> None:
    text = "周敏是乙县人民法院丙镇人民法庭的一名法官。"
    mentions = [CourtMention(3, 15, "乙县人民法院丙镇人民法庭", "X省乙县人民法院丙镇人民法庭")]
    assert [(h.name, h.court) for h in find_people(text, mentions)] == [
        ("周敏", "X省乙县人民法院丙镇人民法庭")
    ]


def test_a_given_name_ending_in_lai() -> None:
    assert [h.name for h in find_people("庭长孙春来介绍，法庭将巡回审判。")] == ["孙春来"]
    assert [h.name for h in find_people("庭长孙春来到村里调解。")] == ["孙春"]
    assert [h.name for h in find_people("对于庭长孙春来说，调解是门学问。")] == ["孙春"]
    assert [h.name for h in find_people("庭长孙春来基层调研。")] == ["孙春"]


def test_adverbs_after_a_name_end_it() -> None:
    for tail in ("多方查找", "全程参与", "耐心调解"):
        assert [h.name for h in find_people("庭长孙春" + tail + "。")] == ["孙春"], tail


def test_quick_reactions_and_learning_after_a_name_end_it() -> None:
    # no court before the occupation: the word after the name is the evidence it ended
    for text, name in (
        ("眼看争吵升级，法官助理孙春连忙上前劝解。", "孙春"),
        ("承办法官吴德山知晓双方是老邻居，便先行调解。", "吴德山"),
        ("书记员孙春急忙记下要点。", "孙春"),
    ):
        assert [h.name for h in find_people(text)] == [name], text


def test_more_bylines_that_place_the_author_in_a_court() -> None:
    def got(text: str) -> list[tuple[str, str, str]]:
        return [(h.name, h.role, h.court) for h in find_bylines(text)]

    assert got("供稿：乙县人民法院立案庭 孙春") == [("孙春", "供稿", "乙县人民法院")]
    assert got("撰稿：孙春（乙县人民法院）") == [("孙春", "撰稿", "乙县人民法院")]
    assert got("（乙县人民法院 孙春 吴敏）") == [
        ("孙春", "作者", "乙县人民法院"),
        ("吴敏", "作者", "乙县人民法院"),
    ]
    text = "标题\n□ 孙春\n正文一段。\n（作者系乙县人民法院法官助理）"
    assert got(text) == [("孙春", "法官助理", "乙县人民法院")]
    # a credit line of a photo or a press release names nobody
    assert got("（乙县人民法院 供图）") == []
    assert got("标题\n□ 孙春\n正文一段。") == []


def test_a_court_hiring_someone_as_its_mediator() -> None:
    for text in (
        "退休法官孙春来被乙县人民法院聘为特邀调解员。",
        "乙县人民法院聘请孙春来为特邀调解员。",
    ):
        hits = find_people(text, _court_first(text))
        assert [(h.name, h.roles, h.court) for h in hits] == [
            ("孙春来", ("特邀调解员",), "X省乙县人民法院")
        ], text
    text = "乙县人民法院聘请律师为特邀调解员。"
    assert find_people(text, _court_first(text)) == []


def test_a_name_ending_where_a_word_after_it_begins() -> None:
    assert [h.name for h in find_people("院长孙景会同志指出，要抓好落实。")] == ["孙景会"]
    assert [h.name for h in find_people("院长孙景会同时表示，要抓好落实。")] == ["孙景会"]


def test_a_former_post_a_mongolian_name_and_words_before_comrade() -> None:
    text = "甲县法院丁镇法庭原庭长陈立群长期在基层工作。"
    hits = find_people(text, _court(text, "甲县法院丁镇法庭", "X省甲县人民法院丁镇人民法庭"))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("陈立群", ("原庭长",), "X省甲县人民法院丁镇人民法庭")
    ]
    # 原 ending a word (草原, 高原) is no former post
    assert find_people("他是一名草原法官。") == []
    text = "甲县法院丁镇法庭庭长宝音图回答说，"
    hits = find_people(text, _court(text, "甲县法院丁镇法庭", "X省甲县人民法院丁镇人民法庭"))
    assert [h.name for h in hits] == ["宝音图"]
    # 相关负责同志, 相关同志: words, not names
    assert find_people("市司法局相关负责同志和乙县法院相关同志参加会议。") == []
    assert [h.name for h in find_people("会议号召学习李明远同志的事迹。")] == ["李明远"]


def test_mediator_of_a_courts_dispute_centre_or_pre_filing_mediation() -> None:
    text = "甲县法院设立多元解纷中心，诉前化解纠纷300件，调解员王芳的事迹被广泛报道。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.rule) for h in hits] == [
        ("王芳", "X省甲县人民法院", "person:court-mediator")
    ]
    text = "甲县法院指导乙镇解纷中心，调解员王芳说，"
    assert find_people(text, _court(text, "甲县法院", "X省甲县人民法院")) == []


def test_a_name_then_is_one_of_the_courts_staff() -> None:
    # an adverb before 是, no 的 between the court and 一名, an age before the name
    for text in (
        "丁文军其实是乙县人民法院的一名青年法官。",
        "丁文军也是乙县人民法院一名书记员。",
        "今年50岁的丁文军是乙县人民法院一名书记员。",
    ):
        hits = find_people(text, _court_first(text))
        assert [(h.name, h.court, h.rule) for h in hits] == [
            ("丁文军", "X省乙县人民法院", "person:name-is-title")
        ], text
    # the words between 是 and 一名 must be the court when no 的 ends them
    assert find_people("丁文军是村里一名法警。") == []
    assert find_people("这是当天第一名法官。") == []


def test_verbs_of_taking_part_end_a_name() -> None:
    assert [h.name for h in find_people("会上，全国模范法官孙立新出席并讲话。")] == ["孙立新"]
    assert [h.name for h in find_people("以全国模范法官孙立新命名的工作室揭牌。")] == ["孙立新"]
    assert [h.name for h in find_people("会上，法官助理王小丫、书记员韩松参加。")] == [
        "王小丫",
        "韩松",
    ]
    assert [h.name for h in find_people("第二天，庭长吴涛打来电话。")] == ["吴涛"]
    assert [h.name for h in find_people("会上，法官周丽决定就地开庭。")] == ["周丽"]
    # adverbs and times between the title and the verb are no names
    for text in (
        "会上，法官陆续来到村里。",
        "会上，法官明天出席。",
        "会上，法官尚未参加。",
        "会上，法官向来仔细核对。",
    ):
        assert find_people(text) == [], text


def test_a_post_as_written_where_the_court_is_known() -> None:
    text = "甲县法院民二庭副庭长赵明远主持调解。后来，赵明远副庭长又来到村里。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert {h.roles for h in hits} == {("民二庭副庭长",)}
    text = "甲县法院退休法官钱立新参加。甲县法院青年法官孙晓东说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [
        ("钱立新", ("退休法官",)),
        ("孙晓东", ("青年法官",)),
    ]
    # words that do not qualify the post are dropped; a tribunal is no division
    text = "甲县法院女法官钱丽说，"
    assert [h.roles for h in find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))] == [
        ("法官",)
    ]
    text = "甲县法院城关法庭庭长钱立新说，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [h.roles for h in hits] == [("庭长",)]
    # without a court the post is as written too (the extractor places it by its bare title)
    assert [h.roles for h in find_people("会上，原庭长钱立新说，")] == [("原庭长",)]


def test_the_names_of_a_courts_appointed_mediators() -> None:
    for title in ("特邀调解员", "特约调解员", "特邀人民调解员", "特约人民调解员"):
        text = f"乙县人民法院{title}吴秀兰说，调解成功了。"
        hits = find_people(text, _court_first(text))
        assert [(h.name, h.roles, h.court) for h in hits] == [
            ("吴秀兰", (title,), "X省乙县人民法院")
        ], text


def test_a_basic_level_honour_and_a_post_held_now() -> None:
    hits = find_people("会上，全国最美基层法官秦晓燕说，")
    assert [(h.name, h.roles) for h in hits] == [("秦晓燕", ("全国最美基层法官",))]
    text = "秦晓燕现为乙县人民法院立案庭庭长。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("秦晓燕", ("立案庭庭长",), "X省乙县人民法院")
    ]


def test_the_bare_title_of_a_post_written_in_full() -> None:
    assert [
        bare_title(r) for r in ("立案一庭庭长", "原副庭长", "青年法官", "院长", "人民调解员")
    ] == [
        "庭长",
        "副庭长",
        "法官",
        "院长",
        "人民调解员",
    ]


def test_a_divisions_clerk_and_head_keep_the_division() -> None:
    text = "甲县法院立案庭负责人钱立新介绍，"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("钱立新", ("立案庭负责人",))]
    # a division named without its court, in a list of the court's officers
    hits = find_people("院长周海、民一庭书记员孙晓东到村里走访。")
    assert [(h.name, h.roles) for h in hits] == [
        ("周海", ("院长",)),
        ("孙晓东", ("民一庭书记员",)),
    ]
    # a judge stays 法官 (the annotations disagree on 立案庭法官); a tribunal is no division
    text = "甲县法院立案庭法官钱丽说，"
    assert [h.roles for h in find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))] == [
        ("法官",)
    ]
    assert [bare_title(r) for r in ("立案庭书记员", "立案庭负责人")] == ["书记员", "负责人"]


def test_a_verb_after_a_two_character_name_is_not_its_third_character() -> None:
    text = "甲县法院副院长周海发布了十个案例。村干部向立案庭庭长孙明求助。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [h.name for h in hits] == ["周海", "孙明"]


def _at_court(text: str) -> list[tuple[str, tuple[str, ...]]]:
    court = CourtMention(start=0, end=6, surface="甲县人民法院", court="X省甲县人民法院")
    return [(h.name, h.roles) for h in find_people(text, [court])]


def test_a_given_name_ending_in_fa_is_not_cut_by_a_verb_after_it() -> None:
    # 发布 ends a name (张三发布典型案例), but not where 发 ends the name and 布置 follows
    assert _at_court("甲县人民法院副院长王振发布署专项行动。") == [("王振发", ("副院长",))]
    assert _at_court("甲县人民法院副院长李春发布局诉源治理。") == [("李春发", ("副院长",))]
    assert _at_court("甲县人民法院副院长张三发布典型案例。") == [("张三", ("副院长",))]


def test_a_clerk_at_a_hearing_is_a_clerk() -> None:
    assert _at_court("甲县人民法院出庭书记员李四整理卷宗。") == [("李四", ("书记员",))]


def test_a_surname_that_ends_a_word_begins_no_name() -> None:
    # 解 of 调解, 位 of 各位: no lone surname before the title, no name before 同志
    hits = find_people("当事人拍着桌子，调解法官孙长滨说，先坐下。")
    assert [(h.name, h.roles) for h in hits] == [("孙长滨", ("调解法官",))]
    assert find_people("会上，各位列席同志踊跃发言。") == []
    # a lawyer mediating for the court is the court's mediator
    text = "乙县人民法院的律师调解员孙勤超刚刚调解了一起纠纷。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("孙勤超", ("律师调解员",), "X省乙县人民法院")
    ]


def test_a_video_link_is_no_name() -> None:
    text = "村民通过视频与乙县人民法院的法官连线，咨询政策。"
    assert find_people(text, _court_first(text)) == []


def test_an_acting_president_keeps_acting_in_the_post() -> None:
    text = "乙县人民法院代理院长孙立新作报告。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles) for h in hits] == [("孙立新", ("代理院长",))]
    assert bare_title("代理院长") == "院长"


def test_a_name_without_a_han_surname_fixed_by_its_other_mentions() -> None:
    text = "乙县人民法院法官萨玛丽和书记员骑马进山。“路不好走。”萨玛丽说。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles, h.court, h.rule) for h in hits] == [
        ("萨玛丽", ("法官",), "X省乙县人民法院", "person:repeated-name")
    ]
    text = "乙县人民法院党组成员、副院长人选娜仁走访企业。“要多听意见。”娜仁说。"
    hits = find_people(text, _court_first(text))
    assert [(h.name, h.roles) for h in hits] == [("娜仁", ("党组成员", "副院长人选"))]
    # the verb of saying after the title, the mention on its own with another verb
    text = "乙县人民法院副院长人选娜仁介绍工作。娜仁在会上回答了提问。"
    assert [h.name for h in find_people(text, _court_first(text))] == ["娜仁"]
    text = "乙县人民法院院长努尔兰·别克哼唱着草原民歌。努尔兰·别克说，有话好好讲。"
    assert [h.name for h in find_people(text, _court_first(text))] == ["努尔兰·别克"]
    # what such a name needs: a second mention, a verb of saying after one of them
    for text in (
        # said once only (a name not spelled from another language's sounds: 萨玛丽 is read
        # from its characters, test_a_transliterated_name_after_a_title)
        "乙县人民法院法官星月和书记员骑马进山。",
        # no verb of saying after it anywhere
        "乙县人民法院法官走村入户，送法上门。乙县人民法院法官走村入户，化解纠纷。",
        # the verb of saying follows only the mention after the title; the other one is an
        # adverb that opens a clause
        "乙县人民法院法官当面说，可以调解。当面，双方签了协议。",
        "乙县人民法院法官事后说，此案很典型。事后，双方握手言和。",
        # each mention follows a title
        "乙县人民法院院长动容说，要解决。副院长动容说，不回避。",
        # a word of time or manner, even on its own before a verb of saying
        "乙县人民法院法官起初说，案子难调。“起初说不通，后来通了。”",
    ):
        assert find_people(text, _court_first(text)) == [], text


def test_the_president_in_charge_keeps_in_charge_in_the_post() -> None:
    # 管 of 分管 is no lone surname, and the post is the one in charge, not the president
    assert [(h.name, h.roles) for h in find_people("会上，分管院长张立新指出，要抓落实。")] == [
        ("张立新", ("分管院长",))
    ]
    assert bare_title("分管院长") == "院长"
    assert find_people("重大案件由分管院长亲自过问。") == []


def test_a_division_after_a_court_word_no_mention_covers_stays_in_the_post() -> None:
    # the court resolver left 乙区法院 unresolved: the division still names the post
    hits = find_people("乙区法院立案庭副庭长孙秀丽介绍，今年收案增加。")
    assert [(h.name, h.roles) for h in hits] == [("孙秀丽", ("立案庭副庭长",))]


def test_the_head_of_a_courts_case_management_office_is_court_staff() -> None:
    # the court is named a sentence before: the office's name makes the post a court's
    text = "乙县法院召开会议。会上，审判管理办公室主任钱立华通报了数据。钱立华主任要求抓落实。"
    hits = find_people(text)
    assert [(h.name, h.roles) for h in hits] == [
        ("钱立华", ("审判管理办公室主任",)),
        ("钱立华", ("审判管理办公室主任",)),
    ]
    assert bare_title("审判管理办公室主任") == "审管办主任"
    assert _people_of(text) == {
        "钱立华": (("审判管理办公室主任",), "X省乙县人民法院", "person:name-title")
    }


def test_a_verb_of_means_ends_a_judges_name() -> None:
    text = "乙县法院法官赵文静依托巡回审判点调解了纠纷，庭长钱明借助视频连线开庭。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("赵文静", ("法官",)), ("钱明", ("庭长",))]


def test_a_line_break_between_title_and_name() -> None:
    # a wrapped line: the name on the next line, then a verb of saying
    text = "乙县法院党组成员、执行局局长\n孙立介绍，今年执结案件增加。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("孙立", ("党组成员", "执行局局长"), "X省乙县人民法院")
    ]
    # a line that goes on with words, not a name that ends, is no name
    text = "乙县法院院长\n韩江流域治理成效明显。"
    assert find_people(text, _court(text, "乙县法院", "X省乙县人民法院")) == []
    text = "乙县法院院长\n韩江"  # the text ends after the name: no verb says it is one
    assert find_people(text, _court(text, "乙县法院", "X省乙县人民法院")) == []


def test_a_seat_listed_before_the_court_is_the_persons_role() -> None:
    text = "全国人大代表、乙县法院院长钱立国接受采访时说，全国政协委员、乙县法院副院长孙梅表示，"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("钱立国", ("全国人大代表", "院长"), "X省乙县人民法院"),
        ("孙梅", ("全国政协委员", "副院长"), "X省乙县人民法院"),
    ]
    # a court of a group (全市法院) has no one person's seat before it
    text = "人大代表、全市法院院长们参加会议。"
    assert find_people(text, _court(text, "全市法院", "AGG:X省甲市全市法院")) == []


def test_a_seat_in_a_list_of_guests_is_not_the_persons_own() -> None:
    # the seats of an invitee list are other guests', not the court president's
    text = "甲市法院召开座谈会，邀请人大代表、政协委员、乙县法院院长钱立国出席。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("钱立国", ("院长",))]
    text = "会议邀请了省人大代表、乙县法院院长孙梅参加。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("孙梅", ("院长",))]
    text = "走访了市政协委员、乙县法院院长孙梅和全国人大代表、乙县法院法官周乐。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert sorted((h.name, h.roles) for h in hits) == [
        ("周乐", ("法官",)),
        ("孙梅", ("院长",)),
    ]
    # a seat that opens its clause stays the person's own, after a place or another seat
    text = "会上，十四届全国人大代表、全国优秀法官、乙县法院院长钱立国介绍了经验。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles) for h in hits] == [("钱立国", ("全国优秀法官", "院长"))]


def test_a_division_of_a_court_no_mention_covers_is_not_the_texts_court() -> None:
    # 丁县法院 is not resolved: its division head is not placed at the text's court
    text = "甲县法院召开座谈会，丁县法院立案庭庭长钱立国介绍经验。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.court_surface) for h in hits] == [("钱立国", None, "丁县法院")]
    # the text's own court before its division stays the person's court
    text = "甲县法院立案庭庭长孙梅介绍经验。"
    hits = find_people(text, _court(text, "甲县法院", "X省甲县人民法院"))
    assert [(h.name, h.court, h.court_surface) for h in hits] == [("孙梅", "X省甲县人民法院", None)]


def test_a_verb_of_means_after_a_surname_is_no_name() -> None:
    # 法官王依托工作站…: the surname, then the verb of means; no one named 王依托
    assert find_people("法官王依托工作站开展调解。") == []
    text = "乙县法院法官王依靠工作人员化解纠纷。"
    assert find_people(text, _court(text, "乙县法院", "X省乙县人民法院")) == []
    # a full name before the verb stays a name
    text = "乙县法院法官钱立国依托巡回点化解纠纷。"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.court) for h in hits] == [("钱立国", "X省乙县人民法院")]


def test_a_censored_party_title_is_read_as_the_party_post() -> None:
    # some sites print 党 as X (the corpus README, input format 5)
    text = "乙县法院X组书记、院长钱立国在会上指出，"
    hits = find_people(text, _court(text, "乙县法院", "X省乙县人民法院"))
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("钱立国", ("党组书记", "院长"), "X省乙县人民法院")
    ]


def test_an_office_between_court_and_head_is_part_of_the_post() -> None:
    text = "甲市中院诉讼服务中心主任杨立群、乙县法院立案信访局副局长刘海清出席。"
    mentions = [
        CourtMention(0, 4, "甲市中院", "X省甲市中级人民法院"),
        CourtMention(16, 20, "乙县法院", "X省乙县人民法院"),
    ]
    hits = find_people(text, mentions)
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("杨立群", ("诉讼服务中心主任",), "X省甲市中级人民法院"),
        ("刘海清", ("立案信访局副局长",), "X省乙县人民法院"),
    ]


def test_a_tribunal_named_before_the_clause_of_its_head() -> None:
    text = "村干部把纠纷反映到丙法庭后，庭长朋立群立即赶到现场。"
    mentions = [CourtMention(9, 12, "丙法庭", "X省乙县人民法院丙人民法庭")]
    hits = find_people(text, mentions)
    assert [(h.name, h.court) for h in hits] == [("朋立群", "X省乙县人民法院丙人民法庭")]
    # a division head of a court (立案庭庭长) or a clause that names no tribunal: no unit
    text = "村干部把纠纷反映到丁县法院后，庭长马立群立即赶到现场。"
    mentions = [CourtMention(9, 13, "丁县法院", "X省丁县人民法院")]
    assert [h.court for h in find_people(text, mentions)] == [None]


# ------------------------------------------------------------------------------------------
# Session 14: shapes the never-read sets AI and AJ missed (invented sentences)


def test_rare_surnames_and_the_word_one_of_them_begins() -> None:
    assert [h.name for h in find_people("乙县法院员额法官宛秋依托工作室开展速裁。")] == ["宛秋"]
    assert [h.name for h in find_people("乙县法院庭长俸立新说，纠纷已化解。")] == ["俸立新"]
    assert find_people("法官宛如亲人一般劝说双方。") == []


def test_a_name_ends_before_one_and_a_verb() -> None:
    # 一来到, 一进村: "as soon as", after a three-character name
    people = _people_of("乙县法院法官钱文涛一来到办公室，就打开了平台。")
    assert people == {"钱文涛": (("法官",), "X省乙县人民法院", "person:court-title-name")}
    people = _people_of("乙县法院庭长周海峰一进村，就被群众围住了。")
    assert set(people) == {"周海峰"}


def test_he_before_a_verb_of_saying_ends_the_name() -> None:
    hits = find_people("乙县法院院长孙建和告诉记者，新机制很好。")
    assert [h.name for h in hits] == ["孙建和"]
    hits = find_people("乙县法院院长李平和表示，要抓好落实。")
    assert [h.name for h in hits] == ["李平和"]
    # a conjunction before another name, or before a title, stays a conjunction
    assert [h.name for h in find_people("乙县法院院长孙建和刘明一同出席。")] == ["孙建"]
    assert [h.name for h in find_people("乙县法院院长孙建和法官刘明说，")][0] == "孙建"


def test_he_before_a_verb_that_takes_an_object_is_a_conjunction() -> None:
    # 介绍人, 说和人, 表示愿意…的, 指出问题的, 透露情况的: the people met, not what is said
    for text in (
        "乙县法院庭长孙建和介绍人一起走访当事人。",
        "乙县法院庭长孙建和说和人共同做工作。",
        "乙县法院庭长孙建和表示同意调解的当事人座谈。",
        "乙县法院庭长孙建和指出隐患的村民交流。",
        "乙县法院庭长孙建和透露情况的邻居核实。",
        "乙县法院庭长孙建和说明来意的村干部见面。",
    ):
        assert [h.name for h in find_people(text)] == ["孙建"], text
    # a quote opened after the verb: 和 ends the name
    assert [h.name for h in find_people("乙县法院庭长孙建和说：“调解要用心。”")] == ["孙建和"]


def test_civil_service_ranks_are_posts() -> None:
    people = _people_of("甲市中院二级巡视员冯丽萍出席会议。")
    assert people == {"冯丽萍": (("二级巡视员",), "X省甲市中级人民法院", "person:court-title-name")}
    # listed after the court's officers, the rank is an officer's of that court
    people = _people_of("甲市中院召开发布会。院党组成员、副院长吴志远、一级调研员冯丽萍出席。")
    assert people["冯丽萍"] == (("一级调研员",), "X省甲市中级人民法院", "person:listed-office")


def test_a_member_post_listed_after_a_title() -> None:
    people = _people_of("乙县法院民事审判庭庭长、调解室成员贺明川正在整理卷宗。")
    assert people == {
        "贺明川": (
            ("民事审判庭庭长", "调解室成员"),
            "X省乙县人民法院",
            "person:court-dept-title-name",
        )
    }


def test_a_member_post_beside_a_mediators_title_leaves_the_mediator_rule() -> None:
    people = _people_of("乙县法院特邀调解员、调解室成员周秀兰正在调解一起纠纷。")
    assert people == {
        "周秀兰": (("特邀调解员", "调解室成员"), "X省乙县人民法院", "person:mediator")
    }


def test_a_judge_coming_to_do_the_work_is_no_name() -> None:
    assert _people_of("丁镇法庭挂牌后，村民说：“有法官来做调解，不用跑城里。”") == {}
    assert find_people("请法官来讲法，群众很欢迎。") == []


def test_a_nickname_made_of_a_division_head_title() -> None:
    hits = find_people("“小杨庭长”杨春梅每天走村入户。")
    assert [(h.name, h.roles, h.rule) for h in hits] == [
        ("杨春梅", ("庭长",), "person:nickname-name")
    ]
    assert find_people("大家都叫他“小杨庭长”，他每天走村入户。") == []


def test_a_division_head_in_name_only_is_no_court_post() -> None:
    # “荣誉庭长”, “名誉庭长”, “义务庭长”: a title given to one outside the court
    assert find_people("“荣誉庭长”孙老汉每天走村入户。") == []
    assert find_people("“名誉庭长”罗建新每天走村入户。") == []
    assert find_people("“义务庭长”罗建新化解了这起纠纷。") == []


def test_a_title_and_a_word_quoted_together_are_a_brand() -> None:
    # “法官茶座”, “某心法官工作站”: a service's name; a judge a studio is named after is named
    # again outside the quotes
    assert find_people("乙县法院开设“法官茶座”，提升队伍素养。") == []
    assert find_people("发挥“和美法官工作站”作用，化解纠纷。") == []
    assert [h.name for h in find_people("打造“王芳法官工作室”。王芳说，要耐心调解。")] == ["王芳"]


def test_a_transliterated_name_after_a_title() -> None:
    # Mongolian and Tibetan names with no Han surname, read from their characters
    hits = find_people("庭长乌力吉图正在整理卷宗。后来乌力吉图向记者介绍了案情。")
    assert [(h.name, h.rule) for h in hits] == [("乌力吉图", "person:transliterated-name")]
    hits = find_people("甲县人民法院党组成员、副院长阿拉坦苏一行到法庭调研。")
    assert [h.name for h in hits] == ["阿拉坦苏"]
    hits = find_people("甲县人民法院立案庭庭长卓玛措的手机响了。")
    assert [h.name for h in hits] == ["卓玛措"]
    # ordinary words after a title are no names
    assert find_people("法官多次上门调解。") == []
    assert find_people("庭长拉开了调解的序幕。") == []
    assert [h.name for h in find_people("甲县人民法院庭长苏丽娜拉着当事人的手。")] == ["苏丽娜"]


def test_head_of_this_court_is_not_placed_at_the_court_it_follows() -> None:
    # 该院 after a court that follows a higher court's deployment is that court, so is the
    # unit of the president named after it (the real court resolver reads 该院)
    text = "平阳县法院按照温州中院统一部署开展专项活动，该院党组书记、院长王建国带队走访企业。"
    ex = extract_document(SourceDocument(path="t.txt", text=text))
    assert [(p.name, p.unit) for p in ex.people] == [("王建国", "浙江省平阳县人民法院")]


def test_court_written_in_a_title_beats_the_court_of_the_context() -> None:
    # the headline names the president without his court, beside the court visited; the
    # body writes his own court into his title: that court is his
    text = "王宏院长到乙县法院调研\n乙县法院召开座谈会，甲市中级人民法院院长王宏出席。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [(p.name, p.unit) for p in ex.people] == [("王宏", "X省甲市中级人民法院")]


def test_head_of_a_courts_own_office_listed_with_court_posts() -> None:
    # a court's own office (its name holds a word only courts use) before its head's post,
    # listed after the person's other posts: an officer of the court the text is about
    text = "甲市中院召开推进会。党组成员、立案信访局局长李立新通报了工作情况。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [(p.name, p.unit, p.roles) for p in ex.people] == [
        ("李立新", "X省甲市中级人民法院", ["党组成员", "立案信访局局长"])
    ]
    text = "乙县法院召开座谈会，院党组成员、丁镇法庭庭长、法庭办主任王明主持会议。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [(p.name, p.unit, p.roles) for p in ex.people] == [
        ("王明", "X省乙县人民法院", ["党组成员", "丁镇法庭庭长", "法庭办主任"])
    ]


def test_head_of_another_bodys_office_is_no_court_officer() -> None:
    for text in (
        "乙县法院召开联席会议，县司法局党组成员、办公室主任张明出席。",
        "乙县法院召开联席会议，县司法局局长张明出席。",
        "乙县法院召开联席会议，县政府办主任张明出席。",
    ):
        ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
        assert ex.people == [], text


def test_words_of_manner_and_feeling_end_a_name() -> None:
    # 一 opening an idiom (一语中的, 一脸) and 倍感/深感 after a name are no part of it: the name
    # ends before them, so a president with no court written is still read
    for text, name in (
        ("乙县法院召开会议。甲市中院院长李建国一语中的地指出了问题。", "李建国"),
        ("乙县法院开展调研。刚到任的院长周明华倍感责任重大。", "周明华"),
        ("乙县法院开展调研。庭长吴立深感肩上担子不轻。", "吴立"),
    ):
        ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
        assert [p.name for p in ex.people] == [name], text
    # a given name that ends in 一 stays whole before a verb of saying
    ex = extract_document(
        SourceDocument(path="t.txt", text="甲市中院院长张文一说，要抓好落实。"),
        court_resolver=stand_in,
    )
    assert [p.name for p in ex.people] == ["张文一"]


def test_a_recalled_leaders_instruction_names_no_one() -> None:
    # a site that censors a leader's name leaves 纪念同志批示: 纪念 is no one's name
    text = "甲市中院召开会议，认真贯彻纪念同志批示精神，推进诉源治理。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert ex.people == []
    # a court's comrade still is one (王宏同志强调)
    text = "甲市中院院长王宏到乙县法院调研。王宏同志强调，要抓好落实。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [p.name for p in ex.people] == ["王宏"]


def test_office_of_another_body_before_a_courts_word_is_no_court_office() -> None:
    # 公安局/检察院/仲裁委 before 立案/执行: that body's office, not the court's; and the
    # posts listed before such an office of a body no court covers (仲裁院副院长) are that
    # body's, not the court's
    for text in (
        "乙县法院召开联席会议，公安局立案侦查中心主任马文涛介绍情况。",
        "乙县法院召开联席会议，检察院民事执行监督室主任韩冬作了发言。",
        "乙县法院召开联席会议，仲裁委立案处主任钱一鸣出席。",
        "乙县法院召开联席会议，县劳动争议仲裁院党组书记、立案处主任许青出席。",
        "乙县法院召开联席会议，县劳动争议仲裁院副院长、立案室主任许青出席。",
    ):
        ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
        assert [p.unit for p in ex.people if p.unit and "法院" in p.unit] == [], text


def test_a_former_post_in_a_title_does_not_move_the_person() -> None:
    # 时任甲市中院副院长: a post held before; the court the text places the person at now
    # stays theirs
    text = "乙县法院召开会议，院长林海峰讲话。2018年，时任甲市中院副院长林海峰主持起草了规程。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [(p.name, p.unit) for p in ex.people] == [("林海峰", "X省乙县人民法院")]
    # and the post held before at the other court is not a role of theirs here
    assert ex.people[0].roles == ["院长"]
    # a title written without a former mark still overrides the context
    text = "乙县法院召开会议，院长林海峰讲话。甲市中院副院长林海峰主持起草了规程。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert [(p.name, p.unit) for p in ex.people] == [("林海峰", "X省甲市中级人民法院")]


def test_talks_end_a_name() -> None:
    hits = find_people("宾川县法院院长李华与大理州中院副院长王强座谈，了解法庭建设情况。")
    assert [h.name for h in hits] == ["李华", "王强"]
    assert [h.name for h in find_people("执行局局长孙涛约谈被执行人。")] == ["孙涛"]
    # a three-character name stays whole
    assert [h.name for h in find_people("副院长欧阳明座谈时说，要做实诉源治理。")] == ["欧阳明"]
    # a compound surname's name ends before such a word too (it was lost before 退休)
    assert [h.name for h in find_people("副院长欧阳明退休后担任特邀调解员。")] == ["欧阳明"]
    assert [h.name for h in find_people("庭长欧阳明华说，案件增多。")] == ["欧阳明华"]


def test_words_of_manner_and_chance_after_a_title_are_no_names() -> None:
    assert find_people("院长盛情邀请人大代表参观诉讼服务中心。") == []
    assert find_people("庭长万一不在，由副庭长主持调解。") == []
    assert find_people("法官包干负责三个村的普法宣传。") == []
    # names that begin with the same surnames stay names
    assert [h.name for h in find_people("院长盛明华主持会议。")] == ["盛明华"]
    assert [h.name for h in find_people("庭长包文军说，要就地化解纠纷。")] == ["包文军"]


def test_an_impression_after_a_title_is_no_name() -> None:
    """那顺庭长印象深刻: 印象 begins with a surname but is a word, not the next person."""
    assert "印象" not in [h.name for h in find_people("这件事让那顺庭长印象深刻。")]
    assert find_people("给院长印象最深的是调解室。") == []


def test_volunteer_mediators_and_main_heads_keep_their_word() -> None:
    text = "甲县法院法官王明、志愿调解员李霞说，要主动上门。"
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    hits = find_people(text, mentions)
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("王明", ("法官",), "X省甲县人民法院"),
        ("李霞", ("志愿调解员",), "X省甲县人民法院"),
    ]
    text = "乙县法院主要负责人宾子强陪同调研。"
    mentions = [CourtMention(0, 4, "乙县法院", "X省乙县人民法院")]
    assert [(h.name, h.roles, h.court) for h in find_people(text, mentions)] == [
        ("宾子强", ("主要负责人",), "X省乙县人民法院")
    ]


def test_a_mediator_listed_among_a_courts_people_is_the_courts() -> None:
    text = "甲县法院庭长王明、书记员张平、调解员李霞来到社区。"
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    hits = {h.name: h.court for h in find_people(text, mentions)}
    assert hits["李霞"] == "X省甲县人民法院"
    # a mediator of another body in the list is not placed at the court
    text = "甲县法院法官王明、村委会调解员李霞来到社区。"
    hits = {h.name: h.court for h in find_people(text, mentions)}
    assert hits.get("李霞") is None


def test_a_papers_authors_over_their_court_are_bylines() -> None:
    """A paper's author line over its affiliation (a court, a city and its postcode)."""
    text = "王 明，李小红\n（甲市中级人民法院，甲市 100000）\n关于人民法庭建设的思考\n正文。"
    hits = find_bylines(text)
    assert [(h.name, h.role, h.court) for h in hits] == [
        ("王明", "作者", "甲市中级人民法院"),
        ("李小红", "作者", "甲市中级人民法院"),
    ]
    assert text[hits[0].start : hits[0].end] == "王 明"
    # a line of words over a bracketed court is no author line
    assert find_bylines("调研报告\n（甲市中级人民法院，甲市 100000）\n正文。") == []


def test_a_work_reports_reporter_is_placed_at_the_reports_court() -> None:
    text = (
        "2021年甲市中级人民法院工作报告\n——二〇二一年一月十九日在甲市第六届人民代表大会第四次会议上\n"
        "王 明\n各位代表：\n现在，我代表市中级人民法院向大会报告工作。\n"
    )
    assert [(h.name, h.role, h.court) for h in find_bylines(text)] == [
        ("王明", "报告人", "甲市中级人民法院")
    ]
    # a name line elsewhere says nothing
    assert find_bylines("甲市中级人民法院工作报告\n王 明\n各位代表：\n") == []


def test_the_head_of_a_courts_facility_is_court_staff() -> None:
    """法庭负责人张三: the text's one tribunal; 某村法官工作室负责人: a court's station."""
    text = "丁镇法庭成立于2000年。法庭负责人王秀军多次被评为先进个人。"
    mentions = [CourtMention(0, 4, "丁镇法庭", "X省乙县人民法院丁镇人民法庭")]
    assert [(h.name, h.roles, h.court, h.rule) for h in find_people(text, mentions)] == [
        (
            "王秀军",
            ("法庭负责人", "先进个人"),
            "X省乙县人民法院丁镇人民法庭",
            "person:facility-head",
        )
    ]
    hits = find_people("村里设了工作站。拉帕村法官工作室负责人李新立说，要普法。")
    assert [(h.name, h.roles, h.court) for h in hits] == [
        ("李新立", ("拉帕村法官工作室负责人",), None)
    ]
    # the head of a company or of a bare 工作室 is not
    assert find_people("某建材公司负责人李某说。某工作室负责人王明说。") == []


def test_an_enforcement_bureau_head_written_short_is_the_courts() -> None:
    text = "甲市中院院长戴明，党组成员、执行局长史辉在指挥中心坐镇指挥。"
    ex = extract_document(SourceDocument(path="t.txt", text=text), court_resolver=stand_in)
    assert {(p.name, tuple(p.roles), p.unit) for p in ex.people} == {
        ("戴明", ("院长",), "X省甲市中级人民法院"),
        ("史辉", ("党组成员", "执行局长"), "X省甲市中级人民法院"),
    }


def test_a_party_of_a_company_does_not_move_a_mediator_off_the_court() -> None:
    """在丁镇法庭诉讼服务站，某公司负责人李某问调解员杨晓勤: the company is the party's, the
    mediator works at the tribunal's station."""
    text = "在丁镇法庭诉讼服务站，某建材公司负责人李某问调解员杨晓勤。"
    mentions = [CourtMention(1, 5, "丁镇法庭", "X省乙县人民法院丁镇人民法庭")]
    assert [(h.name, h.court) for h in find_people(text, mentions)] == [
        ("杨晓勤", "X省乙县人民法院丁镇人民法庭")
    ]
    # a company the mediator is at is another place
    text = "在丁镇法庭诉讼服务站旁的建材公司，调解员杨晓勤说，要先调解。"
    assert [h.court for h in find_people(text, mentions) if h.name == "杨晓勤"] in ([], [None])


def test_an_honour_given_right_after_the_name_is_a_role() -> None:
    text = "丁镇法庭庭长王秀军多次被评为全市法院先进个人。"
    mentions = [CourtMention(0, 4, "丁镇法庭", "X省乙县人民法院丁镇人民法庭")]
    assert [h.roles for h in find_people(text, mentions)] == [("庭长", "全市法院先进个人")]
    text = "甲市中院法官张建国荣获“全国法院先进个人”称号。"
    mentions = [CourtMention(0, 4, "甲市中院", "X省甲市中级人民法院")]
    assert [h.roles for h in find_people(text, mentions)] == [("法官", "全国法院先进个人")]
    # what is not an honour is not added
    text = "甲市中院法官张建国获得法官助理的帮助。"
    assert [h.roles for h in find_people(text, mentions)] == [("法官",)]


def test_a_mediator_listed_after_a_lawyer_or_a_juror_is_not_placed_at_the_court() -> None:
    """Only a court's own posts make a list the court's staff (法官、书记员), not a lawyer's or a
    juror's."""
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    for text in (
        "甲县法院法官王明、律师周涛、人民调解员孙燕共同参与调解。",
        "甲县法院法官王明、人民陪审员周涛、人民调解员孙燕共同到场调解。",
    ):
        hits = {h.name: h.court for h in find_people(text, mentions)}
        assert hits.get("孙燕") is None, (text, hits)


def test_a_bare_tribunals_head_at_another_courts_meeting_is_not_the_visitors() -> None:
    text = (
        "乙县人民法院丁镇人民法庭干警一行赴丙县人民法院学习交流。\n"
        "座谈会上，丙县人民法院副院长刘强致欢迎辞，法庭负责人王秀军介绍了巡回调解工作经验。"
    )
    mentions = [
        CourtMention(0, 12, "乙县人民法院丁镇人民法庭", "X省乙县人民法院丁镇人民法庭"),
        CourtMention(17, 23, "丙县人民法院", "X省丙县人民法院"),
        CourtMention(34, 40, "丙县人民法院", "X省丙县人民法院"),
    ]
    assert text[34:40] == "丙县人民法院" and text[17:23] == "丙县人民法院"
    hits = {h.name: h.court for h in find_people(text, mentions)}
    assert hits.get("王秀军") is None, hits
    # a superior court awarding the tribunal is no host
    text = "乙县人民法院丁镇人民法庭被甲市中级人民法院授予集体三等功，法庭负责人王秀军多次受表彰。"
    mentions = [
        CourtMention(0, 12, "乙县人民法院丁镇人民法庭", "X省乙县人民法院丁镇人民法庭"),
        CourtMention(13, 21, "甲市中级人民法院", "X省甲市中级人民法院"),
    ]
    assert text[13:21] == "甲市中级人民法院"
    hits = {h.name: h.court for h in find_people(text, mentions)}
    assert hits.get("王秀军") == "X省乙县人民法院丁镇人民法庭", hits


def test_title_scan_skips_no_title() -> None:
    """The title scan's quick test (a title's first character, then one of the characters titles
    are written in) drops no title: each is found where the plain scan finds it."""
    from ingest import people

    plain = re.compile(r"(?=[" + people._ROLE_FIRST + r"])(?<!总)" + people._CHAIN)
    titles = people.ROLES.split("|") + [
        "全国优秀法官",
        "省模范法官",
        "资深法官",
        "老院长",
        "原庭长",
    ]
    text = "".join(f"甲{t}乙，" for t in titles)
    found = [m.span() for m in people._CHAIN_RE.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert len(found) >= len(titles)


def test_the_head_of_a_college_or_university_is_no_courts() -> None:
    # 院长 of a 学院 (and a 大学's or 研究院's posts) is another body's title, even in a
    # sentence about a court
    text = "甲大学法学院院长周明远，乙县法院院长何立仁参加座谈。周明远表示，合作很好。"
    mentions = [
        CourtMention(
            text.index("乙县法院"), text.index("乙县法院") + 4, "乙县法院", "X省乙县人民法院"
        )
    ]
    assert [h.name for h in find_people(text, mentions)] == ["何立仁"]
    assert find_people("某省社会科学院副院长陈思远指出，要加强研究。") == []
    assert find_people("某研究院院长吴立新来到法庭。") == []


def test_a_guide_of_the_litigation_hall_is_court_staff() -> None:
    hits = find_people("“您好，请问办什么事？”导诉员孔丽华走了过去，与当事人交谈。")
    assert [(h.name, h.roles) for h in hits] == [("孔丽华", ("导诉员",))]
    assert [h.name for h in find_people("速录员韩晓明说，庭审笔录当场生成。")] == ["韩晓明"]


def test_a_doubled_word_after_a_name_ends_it() -> None:
    # 早早, 点点: an adverb or a verb said twice ends the name; a name ending in a doubled
    # character (陆阳阳) keeps it
    text = "甲县法院民事审判庭法官宋明轩早早来到养老院。"
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["宋明轩"]
    text = "甲县法院法官助理邹雨桐点点头，递上材料。"
    assert [h.name for h in find_people(text, mentions)] == ["邹雨桐"]
    assert [h.name for h in find_people("书记员陆阳阳说，卷宗已整理。")] == ["陆阳阳"]
    assert find_people("法官常常加班。") == []


def test_a_name_shows_its_length_at_another_mention() -> None:
    # no word after the first mention says where the name ends; its second mention, opening a
    # clause and followed by a verb, does
    text = "对面的法官助理潘雨涵敲敲键盘，调出材料。桌前，潘雨涵使用系统起草文书。"
    assert [h.name for h in find_people(text)] == ["潘雨涵"]
    # one mention only, and no word after it: not enough
    assert find_people("对面的法官助理潘雨涵敲敲键盘调出材料。") == []
    assert find_people("法官助理潘雨涵敲键盘。") == []


def test_a_clerk_who_has_a_habit() -> None:
    assert [h.name for h in find_people("整理归档时，书记员邢晓蕾有一个习惯：多看一眼。")] == [
        "邢晓蕾"
    ]
    assert [h.name for h in find_people("庭长郭明有个心愿。")] == ["郭明"]


def test_three_characters_read_as_two_where_the_two_stand_alone_elsewhere() -> None:
    # 院长王琼手拿…: 王琼 is the name (her other mentions say so), 手拿 the words after it
    text = (
        "甲县人民法院院长林岚手拿一沓文本走进会议室。“好，”林岚对文本的讲解很细。"
        "林岚介绍：“我们联动商会。”"
    )
    mentions = [CourtMention(0, 6, "甲县人民法院", "X省甲县人民法院")]
    assert [h.name for h in find_people(text, mentions)] == ["林岚"]
    # a three-character name written once, its first two never alone: kept whole
    text = "甲县人民法院院长林岚芳主持会议。会上，林岚芳指出，要抓落实。"
    assert [h.name for h in find_people(text, mentions)][0] == "林岚芳"


def test_words_of_a_judges_day_end_a_name() -> None:
    # a verb, an adverb or a place word after the name ends it: a two-character name is not
    # read with the word's first character (周敏坐), a three-character one is found
    mentions = [CourtMention(0, 4, "甲县法院", "X省甲县人民法院")]
    for after, name in [
        ("坐在当事人中间。", "周敏"),
        ("仍在整理卷宗。", "周敏"),
        ("翻看卷宗。", "周敏"),
        ("紧盯执行难题。", "王晓明"),
        ("苦口婆心地劝说双方。", "王晓明"),
        ("手中拿着调解书。", "韩冬梅"),
        ("专程赶到村里。", "宋明轩"),
        ("正式受理此案。", "宋明轩"),
    ]:
        text = f"甲县法院法官{name}{after}"
        assert [h.name for h in find_people(text, mentions)] == [name], text
    # the words are no names either
    assert find_people("甲县法院法官马不停蹄地赶到现场。", mentions) == []
    assert find_people("甲县法院法官手里拿着卷宗。", mentions) == []


def test_the_head_of_a_courts_village_outpost_is_kept() -> None:
    # the outpost's village is no part of the title: 法官工作室负责人 is a court's post, so the
    # article keeps its head (whose court the text does not say)
    assert bare_title("桃源村法官工作室负责人") == "法官工作室负责人"
    assert bare_title("法官工作室负责人") == "法官工作室负责人"
    people = _people_of("村里纠纷多。桃源村法官工作室负责人卢志远紧盯难点，为村民解答疑问。")
    assert people == {
        "卢志远": (("桃源村法官工作室负责人",), None, "person:facility-head"),
    }
