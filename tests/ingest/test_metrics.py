"""Metric labels a reader understands: no piece of the sentence as a figure's name."""

from __future__ import annotations

import pytest

from ingest.metrics import generic_label, reader_label
from ingest.outcomes import find_outcomes


def _labels(text: str) -> list[tuple[float, str, str]]:
    return [(h.value, h.unit_of_measure, h.metric) for h in find_outcomes(text)]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a pronoun or a discourse word before the name
        ("我们的调解成功率达到了91.5%。", "调解成功率"),
        ("2023年乙县法院受理案件800件，而执行案件却同比上升12.4%。", "执行案件同比增幅"),
        ("2022年的结案数量更是同比上升了18%。", "结案数量同比增幅"),
        # a verb reaching the level left after the name
        ("甲县法院一审服判息诉率升至93.2%。", "一审服判息诉率"),
        ("特邀调解组织增至35家。", "特邀调解组织数"),
        # a baseline whose year was cut out
        ("2020年较2016年增长了31.6%。", "增幅"),
        # half a bracket
        ("全县法院审结案件900件（上升4.5%）。", "增幅"),
        # a verb without its object
        ("会上提出9项提升举措。", "项数"),
        # the kind a figure counts, named by 该类: the label keeps it
        ("该类案件120件，同比下降30%。", "该类案件同比降幅"),
        ("再犯率下降至0.1%。", "再犯率"),
    ],
)
def test_a_label_is_no_piece_of_its_sentence(text: str, label: str) -> None:
    assert _labels(text)[-1][2] == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a byname before the name: the words after it name the measure
        ("有着“最忙法庭”之称的乙县法院丙法庭收案1200件。", "乙县法院丙法庭收案数"),
        # the pace of a growth cut before its figure
        ("近年来诉至法院的民商事纠纷以年均12%以上增幅持续增长。", "民商事纠纷年均增幅"),
        # the rest of a verb reaching a level, and the baseline word before it
        ("甲县法院的调撤率跃升至91.5%。", "调撤率"),
        ("全市法院年受案量突破9万件。", "年受案量"),
        ("今年调解成功率比2022年高出8个百分点。", "调解成功率"),
    ],
)
def test_a_label_names_the_measure_not_a_word_around_the_figure(text: str, label: str) -> None:
    assert _labels(text)[-1][2] == label


@pytest.mark.parametrize(
    ("metric", "uom", "direction", "label"),
    [
        # a qualifier or a word standing in for the figure names nothing it measures
        ("以上", "%", None, "比例"),
        ("以上", "%", "up", "增幅"),
        ("剩余", "元", None, "金额"),
        ("对方", "万元", None, "金额"),
        # the pace cut before a figure that is no change is no name either
        ("民商事纠纷以年均", "%", None, "比例"),
    ],
)
def test_a_word_around_the_figure_alone_falls_back_to_the_unit(
    metric: str, uom: str, direction: str | None, label: str
) -> None:
    assert reader_label(metric, uom, direction) == label


def test_a_label_keeps_a_word_that_only_ends_like_a_verb_of_reaching() -> None:
    assert reader_label("全州法院干警活跃数", "名") == "全州法院干警活跃数"
    assert reader_label("突破数", "件") == "件数"


def test_a_figure_inside_a_bracket_is_named_by_the_words_there() -> None:
    got = _labels("丁县法院共审结案件1200件（含速裁案件400件）。")
    assert got == [(1200.0, "件", "审结案件数"), (400.0, "件", "速裁案件数")]


def test_the_noun_after_a_figure_ends_before_the_next_figure_joined_by_he() -> None:
    got = _labels("在全县设立了26个诉前调解室、22个便民联系点和3个法庭工作室。")
    assert [m for _, _, m in got] == ["设立诉前调解室数", "便民联系点数", "法庭工作室数"]
    assert _labels("中心驻派的3名人民调解员和4个法官调解团队开展调解。")[0][2] == "人民调解员数"


@pytest.mark.parametrize(
    ("metric", "uom", "direction", "label"),
    [
        ("人民调解员和数", "个", None, "数量"),  # the noun follows the figure: unknown
        ("相当于解决数", "件", None, "件数"),
        ("与（数", "件", None, "件数"),
        ("", "人次", None, "人次"),
        ("", "%", "down", "降幅"),
        ("（含铁路法院数", "个", None, "铁路法院数"),
        ("基层法院（含数", "个", None, "基层法院数"),
        ("开发区法院）数", "个", None, "开发区法院数"),
        ("法院收案量由上升至数", "件", None, "法院收案量"),
        ("增幅同比增幅", "%", "up", "同比增幅"),
        ("该庭开展巡回审判数", "次", None, "开展巡回审判数"),
        (
            "协助甲镇调解中心、乙镇司法所、丙镇派出所联合化解相邻纠纷、宅基地纠纷、承包地纠纷等各类民事纠纷数",
            "件",
            None,
            "各类民事纠纷数",
        ),
        ("村数", "个", None, "村数"),
        # a from-to change: the start left in the label, the end named by an adverb
        ("民事案件从最初的一年攀升数", "件", None, "民事案件数"),
        ("诉讼案件数从迅猛增长数", "件", None, "诉讼案件数"),
        # the time it started from before a level's verb (调撤率由去年同期的升至)
        ("调撤率由去年同期的升至", "%", "up", "调撤率"),
        ("收案量从上年的增至", "件", "up", "收案量"),
        ("迅猛数", "件", None, "件数"),
    ],
)
def test_reader_label_mends_or_falls_back_to_the_unit(
    metric: str, uom: str, direction: str | None, label: str
) -> None:
    assert reader_label(metric, uom, direction) == label


@pytest.mark.parametrize(
    "metric",
    [
        "调解成功率",
        "结案量同比增幅",
        "增幅环比降幅",
        "电子送达总量与案件比",
        "就地化解纠纷数",
        "再审案件同比降幅",
        "人均结案数同比增幅",
        "降幅",
        "占比",
        "违法行为数",
        "纠纷当事人重新选择由综治中心调解数",
        "电子送达数",
        # a first character that only looks like a discourse word or a pronoun (再犯罪, 并处,
        # 此前, 此类/该类/这类: the kind the figure counts)
        "再犯罪率",
        "再犯率",
        "此类案件数",
        "并处罚金案件数",
        "此前受理的案件数",
        "该类案件数",
        "这类纠纷数",
        # left to ingest.extract, which mends or drops these itself
        "以不到",
        "由前三年的年均",
    ],
)
def test_a_readable_label_is_left_as_it_is(metric: str) -> None:
    assert reader_label(metric, "%", None) == metric


def test_generic_label_by_unit_and_direction() -> None:
    assert generic_label("名", None) == "人数"
    assert generic_label("%", "up") == "增幅"
    assert generic_label("%", None) == "比例"
    assert generic_label("艘", None) == "数量"
