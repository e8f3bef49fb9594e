"""People with titles; what is not a person."""

from __future__ import annotations

from ingest.document import CourtMention
from ingest.people import find_people


def test_title_chain_then_name() -> None:
    hits = find_people("党组书记、院长王立新出席会议。")
    assert [(h.name, h.roles) for h in hits] == [("王立新", ("党组书记", "院长"))]


def test_two_character_name_ends_at_a_function_word() -> None:
    hits = find_people("市委常委、政法委书记孙明的讲话")
    assert [(h.name, h.org_surface) for h in hits] == [("孙明", "政法委")]


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
    assert find_people("总书记关于政法工作的重要指示") == []


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
