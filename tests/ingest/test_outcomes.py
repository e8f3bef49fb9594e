"""Figures, their values and units, and the numbers that are not outcomes."""

from __future__ import annotations

import pytest

from ingest.numbers import parse_number
from ingest.outcomes import find_outcomes


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("3663", 3663.0),
        ("19.9", 19.9),
        ("3.27万", 32700.0),
        ("十", 10.0),
        ("二十三", 23.0),
        ("两", 2.0),
        ("一百零五", 105.0),
        ("1,200", 1200.0),
        ("1亿", 100_000_000.0),
        ("abc", None),
    ],
)
def test_parse_number(raw: str, value: float | None) -> None:
    assert parse_number(raw) == value


def vals(text: str) -> list[tuple[float, str, str | None]]:
    return [(h.value, h.unit_of_measure, h.qualifier) for h in find_outcomes(text)]


def test_counts_rates_and_qualifiers() -> None:
    text = "前三季度，该院受理案件1234件，调解率达到61.5%，化解纠纷近2万件，执结300余件。"
    assert vals(text) == [
        (1234.0, "件", None),
        (61.5, "%", None),
        (20000.0, "件", "近"),
        (300.0, "件", "余"),
    ]


def test_money_stays_in_wan_yuan() -> None:
    assert vals("全年执行到位金额1500多万元。") == [(1500.0, "万元", "多")]


def test_percentage_points_and_direction() -> None:
    hits = find_outcomes("收案量同比下降3.5个百分点。")
    assert [(h.value, h.unit_of_measure, h.direction) for h in hits] == [(3.5, "个百分点", "down")]
    assert find_outcomes("结案数同比上升12%。")[0].direction == "up"


def test_chinese_numerals_with_count_units() -> None:
    assert vals("调研组先后三次赴基层指导，另有两家法庭挂牌。") == [
        (3.0, "次", None),
        (2.0, "家", None),
    ]


def test_rankings_are_values_in_ming() -> None:
    assert vals("执行质效位居全省第二。") == [(2.0, "名", None)]
    assert vals("迈入全省第一方阵。") == []


def test_half() -> None:
    assert vals("速裁团队审结了近一半的案件。") == [(50.0, "%", "近")]


@pytest.mark.parametrize(
    "text",
    [
        "2023年5月20日召开会议。",
        "这是第15次开放日活动。",
        "组建“1名法官+1名书记员”团队。",
        "做好“提质、增效、强基”3项重点工作。",
        "提出三个维度，做到两天一调度。",
        "一批涉及80余名工人的系列案件仅用2天审结。",
        "5名法官作经验介绍。",
        "该院现有12名法官。",
        "理清15项测评要求。",
        "投资90亿元的园区开工。",
        "服务热线12368全天开通。",
    ],
)
def test_not_outcomes(text: str) -> None:
    assert find_outcomes(text) == []


def test_text_is_the_clause_and_metric_is_named() -> None:
    text = "今年以来，全院诉前调解案件800件，同比增长5%。"
    h = find_outcomes(text)[0]
    assert text[h.text_start : h.text_end] == "全院诉前调解案件800件"
    assert h.metric == "诉前调解案件数"
    assert h.period == "今年以来"


@pytest.mark.parametrize("months", ["1至5月", "1-5月", "1—5月", "1~5月", "1到5月份", "1月至5月"])
def test_a_range_of_months_is_the_whole_range(months: str) -> None:
    # 1至5月 is January to May, not May: the figure is the five months' total
    from ingest.dates import resolve_relative

    h = find_outcomes(f"今年{months}，全院诉前调解案件800件。")[0]
    assert resolve_relative(h.period, "2025-06-12") == ("2025-01-01", "2025-05-31")


def test_person_times_unit_follows_the_metric() -> None:
    assert vals("送达人次5000人。") == [(5000.0, "人次", None)]


def test_headline_line_without_full_stop_is_skipped() -> None:
    assert vals("法院一年化解纠纷3000件\n全年化解纠纷3000件。") == [(3000.0, "件", None)]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("八万六千", 86000.0),
        ("二点一万", 21000.0),
        ("九十六点五", 96.5),
        ("一亿二千万", 120_000_000.0),
        ("万", None),
    ],
)
def test_parse_chinese_numerals_with_sections_and_decimals(raw: str, value: float | None) -> None:
    assert parse_number(raw) == value


def test_written_out_figures() -> None:
    text = "共受理案件八万六千余件，结收案比达百分之九十六点五，执行到位金额三十二亿元。"
    assert vals(text) == [(86000.0, "件", "余"), (96.5, "%", None), (32.0, "亿元", None)]
    assert vals("平均办理周期缩短至二十天以内。") == [(20.0, "天", "内")]


def test_separators_and_stray_spaces() -> None:
    assert vals("成交标的物1,246件，委派调解 2,315 件 , 成功率 47.8 % 。") == [
        (1246.0, "件", None),
        (2315.0, "件", None),
        (47.8, "%", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "力争年内新建无讼示范村10个。",
        "法庭管辖新市、钟管、禹越三个镇的纠纷。",
        "可对全市15家法院的执行案件进行实时监控。",
        "钟管镇某村曾因土地流转发生纠纷，法官连续三次组织协商。",
    ],
)
def test_targets_scope_modifiers_and_case_stories_are_not_outcomes(text: str) -> None:
    assert find_outcomes(text) == []


def test_a_count_of_courts_heading_another_figure_only_says_whose() -> None:
    assert vals("三家法院平均办理周期缩短至二十天。") == [(20.0, "天", None)]
    assert vals("26家法庭实现“五化”、9家获评示范法庭。") == [(26.0, "家", None), (9.0, "家", None)]


def test_first_batch_is_an_ordinal_not_a_case() -> None:
    assert vals("审判质效排名第一，被确定为第一批示范法庭。") == [(1.0, "名", None)]


def test_hours_acres_and_day_bounds() -> None:
    assert vals("全程用时不到2小时。") == [(2.0, "小时", "不到")]
    assert vals("帮助农户流转土地300亩。") == [(300.0, "亩", None)]
    assert vals("平均审理周期缩短至1.54日内。") == [(1.54, "日", "内")]
    assert vals("本报讯 25日下午，座谈会召开。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("结案率达到95%以上。", [(95.0, "%", "以上")]),
        ("审理天数少于10天。", [(10.0, "天", "少于")]),
        ("上诉率不足5%。", [(5.0, "%", "不足")]),
    ],
)
def test_more_qualifiers(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert vals(text) == expected


def test_top_and_first_place_ranks() -> None:
    hits = find_outcomes("甲平台得分保持全市前三。")
    assert [(h.value, h.unit_of_measure, h.qualifier, h.rule) for h in hits] == [
        (3.0, "名", "前", "outcome:rank-top")
    ]
    assert hits[0].metric == "甲平台得分排名"
    assert vals("执行质效居全省首位。") == [(1.0, "名", None)]


@pytest.mark.parametrize(
    "text",
    [
        "努力把温暖送进千家万户。",
        "他手上还有三四个案件。",
        "辖区常住人口50万人。",
        "拟新建人民法庭3个。",
        "审理期限控制在30天以内。",
        "判处拘役二个月，并处罚金五千元。",
        "公安机关办理的甲类案件占比达32%。",
        "阅读量：1234次",
        "原告王某等3名原告起诉至法院。",
        "这起纠纷从立案到结案前后仅用了15天。",
    ],
)
def test_counts_that_are_not_results(text: str) -> None:
    assert find_outcomes(text) == []


def test_a_means_is_not_a_result_but_the_figure_after_it_is() -> None:
    assert vals("法官利用20个周末上门，化解纠纷80起。") == [(80.0, "起", None)]


def test_a_rounded_repeat_of_an_exact_figure_is_dropped() -> None:
    text = "全年受理案件24976件。受理案件近2.5万件，创历史新高。"
    assert vals(text) == [(24976.0, "件", None)]


def test_one_figure_for_two_rates_is_two_outcomes() -> None:
    hits = find_outcomes("司法建议回复率及采纳率均为100%。")
    assert [(h.value, h.metric) for h in hits] == [(100.0, "司法建议回复率"), (100.0, "采纳率")]


def test_a_line_break_inside_a_number_or_a_sentence() -> None:
    text = "标题\n今年以来，全院坚持繁简分流，结案数同比上升12.\n5%，诉前调解成\n功案件3663件。"
    hits = find_outcomes(text)
    assert [(h.value, h.unit_of_measure) for h in hits] == [(12.5, "%"), (3663.0, "件")]
    assert hits[1].metric == "诉前调解成功案件数"
    assert text[hits[0].start : hits[0].end] == "12.\n5%"


def test_metric_labels_name_what_is_measured() -> None:
    assert find_outcomes("江都区人民法院成立了13个速裁团队。")[0].metric == "成立速裁团队数"
    hits = find_outcomes("新收案件3000件，同比增长5%。")
    assert [h.metric for h in hits] == ["新收案件数", "新收案件同比增幅"]
    text = "审限内结案率和服判息诉率分别提高到99%和88%。"
    assert [h.metric for h in find_outcomes(text)] == ["审限内结案率", "服判息诉率"]
    assert find_outcomes("设置了调解室、律师工作室等6个工作室。")[0].metric == "工作室数"


def test_courts_counted_before_their_figure_only_say_whose() -> None:
    assert vals("3家薄弱法院已解决问题50个。") == [(50.0, "个", None)]


def test_each_path_names_its_rule() -> None:
    text = "受理案件300件，调解率61%，结案数同比上升5%，执行到位金额20万元，平均审理12天。"
    assert [h.rule for h in find_outcomes(text)] == [
        "outcome:count",
        "outcome:rate",
        "outcome:change",
        "outcome:money",
        "outcome:duration",
    ]
    assert find_outcomes("另有两家法庭挂牌。")[0].rule == "outcome:count-cn"
    assert find_outcomes("执行质效位居全省第二。")[0].rule == "outcome:rank"


def test_a_top_rank_is_not_also_a_count() -> None:
    assert vals("调解率排名全省前5名。") == [(5.0, "名", "前")]
    assert vals("结案率位列全省第6位。") == [(6.0, "名", None)]


def test_other_agencies_only_when_they_are_the_subject() -> None:
    assert vals("公安机关办理的甲类案件占比达32%。") == []
    assert vals("联合公安机关开展专项行动，执结案件300件。") == [(300.0, "件", None)]
    assert vals("该院向公安机关移送犯罪线索30条。") == [(30.0, "条", None)]


def test_judgements_of_one_case_but_not_aggregate_counts() -> None:
    assert vals("判处拘役二个月，并处罚金五千元。") == []
    assert vals("全年依法判处被告人120名。") == [(120.0, "名", None)]


def test_plans_but_not_words_that_contain_their_verb() -> None:
    assert vals("拟新建人民法庭3个。") == []
    assert vals("开展模拟法庭活动20场。") == [(20.0, "场", None)]


def test_page_counters_but_not_reported_views() -> None:
    assert vals("标题\n阅读量：1234次\n正文。") == []
    text = "标题\n庭审直播点击量达到了12000次，群众反响良好，社会效果明显。"
    assert vals(text) == [(12000.0, "次", None)]


def test_a_level_reached_is_a_rate_and_a_bare_rank_names_its_figure() -> None:
    hits = find_outcomes("执行完毕率提升至42%，首次执行案件平均用时缩短至68天。")
    assert [(h.metric, h.rule) for h in hits] == [
        ("执行完毕率", "outcome:rate"),
        ("首次执行案件平均用时", "outcome:duration"),
    ]
    hits = find_outcomes("全院法官人均结案286件，位居全市第二。")
    assert [h.metric for h in hits] == ["法官人均结案数", "法官人均结案排名"]


def test_a_bare_change_keeps_the_whole_label_of_a_duration() -> None:
    hits = find_outcomes("平均审理天数12天，同比缩短6天。")
    assert [h.metric for h in hits] == ["平均审理天数", "平均审理天数同比缩短"]


def test_deadlines_and_service_hours_are_not_results() -> None:
    assert vals("提供24小时在线诉讼服务，当事人应当在30日内补正材料。") == []
    assert vals("全程用时不到2小时，平均审理周期缩短至1.5日内。") == [
        (2.0, "小时", "不到"),
        (1.5, "日", "内"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("乙县法院平均审理天数由45天缩短至20天。", [(20.0, "天", "平均审理天数", "down")]),
        ("乙县法院结案率由85%提升至95%。", [(95.0, "%", "结案率", "up")]),
        ("调解成功率从30%提高到50%。", [(50.0, "%", "调解成功率", "up")]),
        (
            "入驻平台的调解组织数量由去年年底的120家增长到560家。",
            [(560.0, "家", "调解组织数量", "up")],
        ),
        ("乙县诉讼服务站由5个增至12个。", [(12.0, "个", "乙县诉讼服务站数", "up")]),
        # the verb with an adverb, or one the short list missed
        ("丙区法院平均审理天数由60天大幅缩短至38天。", [(38.0, "天", "平均审理天数", "down")]),
        ("丁县法院结案率从88%稳步提升到96%。", [(96.0, "%", "结案率", "up")]),
        ("线上调解案件从230件攀升到910件。", [(910.0, "件", "线上调解案件数", "up")]),
    ],
)
def test_a_change_from_one_figure_to_another_is_one_figure(
    text: str, expected: list[tuple[float, str, str, str]]
) -> None:
    got = [(h.value, h.unit_of_measure, h.metric, h.direction) for h in find_outcomes(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "该院辖区面积900平方公里，辖8个乡镇、2个街道。",
        "法庭所辖东湖、西岭两个乡镇。",
        "该法庭共有员额法官3名、书记员4名。",
        "法庭共有干警6人，其中法官2名。",
        "该院设有3个审判庭。",
        "全院90名干警中，党员占比较高。",
        "会议明确了8项具体措施。",
        "出台服务企业发展措施12条。",
        "依照民事诉讼法119条提起诉讼。",
        "每个法庭至少配备2名法官。",
        "每月开展3次巡回审判。",
        "要求每名法官全年办案不少于80件。",
        "明年将新建4个法官工作站。",
        "本次培训共150人。",
        "40余名代表旁听庭审。",
        "团队由1名法官、2名法官助理组成。",
        "活动为期3天。",
        "原告向被告借款6万元，到期未还。",
        "经法官三次上门调解，双方达成协议。",
        "案件涉及务工人员52人。",
        "法院冻结王某40%的存款。",
        "数十家企业前来咨询。",
        "七八十位村民围坐在一起。",
        "该法庭3名法官担任网格指导员。",
    ],
)
def test_descriptions_that_are_not_results(text: str) -> None:
    assert find_outcomes("标题\n" + text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该院与辖区9家商会建立对接机制。", [(9.0, "家", None)]),
        ("截至目前，共建成法官工作站12个。", [(12.0, "个", None)]),
        ("全年为农民工追回欠薪300余万元。", [(300.0, "万元", "余")]),
        ("接待来访群众2300件次。", [(2300.0, "件次", None)]),
        ("对辖区法院常态化指导20余次。", [(20.0, "次", "余")]),
        ("出台12个制度文件。", [(12.0, "个", None)]),
        ("平均审理天数缩短3天。", [(3.0, "天", None)]),
    ],
)
def test_results_next_to_the_words_of_descriptions(
    text: str, expected: list[tuple[float, str, str | None]]
) -> None:
    assert vals("标题\n" + text) == expected


def test_a_share_brought_to_a_result() -> None:
    hits = find_outcomes("标题\n该机制推动70%的纠纷化解在诉前。")
    assert [(h.value, h.unit_of_measure, h.metric, h.rule) for h in hits] == [
        (70.0, "%", "纠纷化解在诉前的比例", "outcome:share")
    ]


def test_ranks_in_a_region_and_after_years() -> None:
    assert vals("标题\n质效得分位居甲乙地区第2名。") == [(2.0, "名", None)]
    assert vals("标题\n满意率连续三年全省第一。") == [(1.0, "名", None)]
    assert vals("标题\n该院是全省第一家试点法院。") == []


def test_a_heading_figure_repeated_in_the_body_is_one_figure() -> None:
    text = "标题\n某法院“快审”2小时审结9起案件\n正文，全程用时不到2小时，集中审理9起案件。"
    assert vals(text) == [(2.0, "小时", "不到"), (9.0, "起", None)]


def metrics(text: str) -> list[str]:
    return [h.metric for h in find_outcomes("标题\n" + text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全省共建成“共享法庭”2000个。", ["建成共享法庭数"]),
        ("与甲、乙、丙等多地法院累计跨域立案22件。", ["跨域立案数"]),
        ("主动向县妇联、学校等单位发送司法建议书30份。", ["发送司法建议书数"]),
        ("在诉讼服务中心整体引入9家调解组织。", ["引入调解组织数"]),
        ("遍布各乡镇的120个“三型”联动中心。", ["三型联动中心数"]),
        ("近5万件在线调解案件平均时长仅20天。", ["在线调解案件数", "在线调解案件平均时长"]),
        ("覆盖率高达95%，调撤率持续保持60%以上。", ["覆盖率", "调撤率"]),
        # a word that begins with 在 or 对 keeps it (only the preposition is dropped)
        ("该院在岗干警办结案件1200件。", ["在岗干警办结案件数"]),
        ("该院在册调解员32名。", ["在册调解员数"]),
        ("将80名基层干部纳入调解人才库。", ["纳入调解人才库人数"]),
        ("收案增幅由2023年的20.5%下降至2024年的1.5%。", ["收案增幅", "收案增幅"]),
        (
            "考核得分95.5分，位居全市第一，全省排名第3名。",
            ["考核得分", "考核得分排名", "考核得分排名"],
        ),
    ],
)
def test_labels_are_words_not_fragments(text: str, expected: list[str]) -> None:
    assert metrics(text) == expected


def test_scores_only_in_an_assessment() -> None:
    hits = find_outcomes("标题\n考核得分95.5分。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [(95.5, "分", "outcome:score")]
    assert find_outcomes("标题\n会议持续了30分钟，十分重要。") == []


@pytest.mark.parametrize(
    "text",
    [
        "承诺在7个工作日内办结。",
        "到2030年底，建成20个示范法庭。",
        "共有12家单位参与评选。",
        "通过线上平台，当事人只需跑1次。",
        "庭审持续了5个小时。",
    ],
)
def test_promises_targets_and_contests_are_not_results(text: str) -> None:
    assert find_outcomes("标题\n" + text) == []


def test_counted_units_and_what_they_did() -> None:
    assert metrics("4家法院步入全省第一方阵，两家法院位列第二方阵。") == [
        "步入全省第一方阵的法院数",
        "位列第二方阵的法院数",
    ]
    assert metrics("今年3月，10名新招录干警到岗。") == ["到岗的新招录干警数"]


@pytest.mark.parametrize(
    "text",
    [
        "省人大常委会一行20余人到该院视察工作。",
        "该院邀请30名人大代表走进法院。",
        "该院先后3次召开党组会议。",
        "该院是全省3家示范法院之一。",
        "他从事审判工作28年，累计审结案件4000余件。",
        "全国法院共有人民法庭10145个。",
        "活动吸引了200余名群众参与。",
        "座谈会由3名院领导主持。",
    ],
)
def test_visits_meetings_sets_and_careers_are_not_results(text: str) -> None:
    assert find_outcomes("标题\n" + text) == []


def test_a_total_of_courts_before_its_parts_is_kept() -> None:
    assert metrics("全市共有法庭13家，其中12家达到五化标准。") == ["法庭数", "达到五化标准数"]


@pytest.mark.parametrize(
    "text",
    [
        "全县地区生产总值达320亿元，同比增长6.5%。",
        "茶叶产值12亿元。",
        "全市刑事案件发案率同比下降12%。",
    ],
)
def test_the_economy_and_crime_rates_are_not_court_results(text: str) -> None:
    assert find_outcomes("标题\n" + text) == []


def test_the_places_a_practice_is_tried_are_not_its_result() -> None:
    assert find_outcomes("标题\n在五个基层法庭开展示范庭审工作。") == []
    assert vals("标题\n在全市设立法官工作站15个。") == [(15.0, "个", None)]


def test_aggregate_amounts_visits_in_sessions_and_what_places_did() -> None:
    assert vals("标题\n审理涉企案件900余件，涉案标的额达12亿元。") == [
        (900.0, "件", "余"),
        (12.0, "亿元", None),
    ]
    assert vals("标题\n全年开展巡回审判150余场次。") == [(150.0, "场次", "余")]
    assert metrics("辖区内12个乡镇均建立了法官工作站。") == ["建立法官工作站的乡镇数"]


def test_what_a_platform_gathers_is_its_make_up() -> None:
    assert find_outcomes("标题\n平台汇集120家调解机构、300名调解员等力量。") == []


def test_an_average_per_judge_is_a_result_but_a_schedule_is_not() -> None:
    assert vals("标题\n每名法官年均结案300件。") == [(300.0, "件", None)]
    assert find_outcomes("标题\n每月开展2次巡回审判。") == []


def test_counted_people_who_did_something_are_kept() -> None:
    assert vals("标题\n该院共有5名法官获评全省审判业务专家。") == [(5.0, "名", None)]
    assert find_outcomes("标题\n该院共有5名法官。") == []


def test_the_course_of_one_case_is_not_an_average() -> None:
    assert find_outcomes("标题\n从立案到执行完毕仅用时15天，当事人送来锦旗。") == []
    assert vals("标题\n从立案到结案平均用时20天。") == [(20.0, "天", None)]


def test_the_make_up_of_an_introduced_count_is_no_result() -> None:
    assert find_outcomes("标题\n全院85名干警中，党员60名。") == []
    assert vals("标题\n全院85名干警中，有20名获评优秀。") == [(20.0, "名", None)]


def test_a_total_word_inside_the_label_is_dropped() -> None:
    assert metrics("法官工作站共调解成功纠纷300件。") == ["法官工作站调解成功纠纷数"]


def test_a_figure_set_as_an_aim_is_no_outcome() -> None:
    assert find_outcomes("甲县法院以120个村全覆盖为目标，推行驻村法官。") == []
    assert find_outcomes("该院年内实现结案率95%的目标。") == []


def test_rank_after_jun_wei() -> None:
    hits = find_outcomes("两级法院考核得分排名均为全省第一。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(1.0, "名")]


def test_tenths_are_percent() -> None:
    hits = find_outcomes("诉前调解覆盖七成以上纠纷。")
    assert [(h.value, h.unit_of_measure, h.qualifier, h.rule) for h in hits] == [
        (70.0, "%", "以上", "outcome:rate-tenths")
    ]
    assert find_outcomes("八成功能已上线，三成员到场。") == []


def test_no_single_case_happened_is_a_result_not_a_case_story() -> None:
    hits = find_outcomes("两年来调解成功率达96%，未发生一起上访案件。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(96.0, "%")]
    assert find_outcomes("去年发生一起纠纷，涉及金额30万元。") == []


def test_a_subheading_is_not_joined_to_the_paragraph_after_it() -> None:
    body = "近年来，某市法院建立特邀调解名册，组织120名特邀调解员在诉前参与调解工作，调解范围不断扩大。"
    other = (
        "今年以来，该院不断完善诉调对接机制，邀请专家学者参与座谈，共商解纷机制建设，" * 2
        + "成效明显。"
    )
    text = "标题\n" + other + "\n扩大解纷队伍，组织120名特邀调解员参与调解\n" + body + "\n" + other
    hits = find_outcomes(text)
    assert [h.value for h in hits] == [120.0]
    assert all("\n" not in text[h.text_start : h.text_end] for h in hits)


def test_the_rest_of_an_inventory_list_is_no_outcome() -> None:
    assert find_outcomes("目前全市现有人民法庭20个，巡回法庭8个，占比40%，基本满足需要。") == []
    hits = find_outcomes("全市现有人民法庭20个，化解纠纷3000件。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(3000.0, "件")]
    assert len(find_outcomes("今年新建法庭12个，调解室30个。")) == 2


def test_the_share_of_disputes_resolved() -> None:
    hits = find_outcomes("全市约六成的民事纠纷在诉前化解，约45%的民事纠纷通过调解化解在诉前。")
    assert [(h.value, h.qualifier, h.rule) for h in hits][-1] == (
        45.0,
        "约",
        "outcome:share-resolved",
    )
    assert find_outcomes("该院90%的法官参加培训。") == []


def test_growth_as_a_multiple() -> None:
    hits = find_outcomes("特邀调解组织和调解员达到200家、900人，较2019年分别增长12倍和3.5倍。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits][2:] == [
        (12.0, "倍", "outcome:multiple"),
        (3.5, "倍", "outcome:multiple"),
    ]
    hits = find_outcomes("网上立案量同比增长2倍多。")
    assert [(h.value, h.unit_of_measure, h.qualifier) for h in hits] == [(2.0, "倍", "多")]


def test_one_judges_docket_in_a_story_is_no_outcome() -> None:
    assert find_outcomes("那位法官手头积压着300多件案件，压力很大。") == []
    hits = find_outcomes("全院法官人均手上有案件200件。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(200.0, "件")]


def test_ships_rooms_minutes_and_a_rank_among_named_courts() -> None:
    assert vals("全年扣押船舶20艘，配备调解室35间，平均庭审时长25分钟。") == [
        (20, "艘", None),
        (35, "间", None),
        (25, "分钟", None),
    ]
    hits = find_outcomes("该院收案数位列全国海事法院第4位。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [(4, "名", "outcome:rank")]


def test_a_courts_staff_and_the_size_of_a_list_are_no_results() -> None:
    text = "乙法庭常年驻扎着甲县法院乙法庭6名干警（两名法官、一名书记员、三名法警）和3名调解员。"
    assert vals(text) == []
    assert vals("两级法院包括甲中院，以及乙、丙、丁法院等三个基层法院。") == []
    assert vals("建立联动机制（法庭、派出所、司法所4家单位）。") == []
    # a list whose members did something: the count reports it
    assert vals("甲、乙、丙三个法庭入选全省示范法庭。") == [(3, "个", None)]


def test_a_lead_repeated_in_the_body_and_partners_with_a_place_name() -> None:
    text = "甲法院共受理案件3200余件，标的额超过50亿元。\n正文：甲法院共受理案件3200余件，标的额超过50亿元。"
    assert [h.value for h in find_outcomes(text)] == [3200, 50]
    text = "甲法院与乙公司、丙市仲裁委搭建平台，增设8个解纷中心。"
    assert [h.value for h in find_outcomes(text)] == [8]


def test_a_batch_of_cases_in_another_clause_tells_no_story() -> None:
    text = "互联网法院共受理涉外案件 1200件，审结1100件，审理了一批典型案件。"
    assert [h.value for h in find_outcomes(text)] == [1200, 1100]


def test_hiring_a_listed_group_a_case_told_by_its_amount_and_published_cases() -> None:
    text = "聘请300名人大代表、250名政协委员担任特邀调解员。"
    assert [h.value for h in find_outcomes(text)] == [300, 250]
    assert vals("该院4名法官作为网格管理员。") == []
    assert vals("甲法院线上办理1200万元股权转让执行案件。") == []
    assert vals("会上发布了五项举措和十个典型案例。") == []
    assert vals("全市有十个案例入选最高人民法院建设案例。") == [(10, "个", None)]


def test_a_fraction_reached_and_the_rank_of_two_figures() -> None:
    hits = find_outcomes("在线审理比线下节约时间约三分之二。")
    assert [(h.value, h.unit_of_measure, h.qualifier, h.rule) for h in hits] == [
        (66.67, "%", "约", "outcome:fraction")
    ]
    assert find_outcomes("三分之一的员额法官化解了大部分案件。") == []
    hits = find_outcomes("该院收结案数均位列全国海事法院第3位。")
    assert [(h.value, h.metric) for h in hits] == [(3, "收案数排名"), (3, "结案数排名")]


def test_what_a_platform_joins_is_no_result() -> None:
    assert vals("市中院牵头建成对接9个部门调解系统的全市解纷平台。") == []
    assert vals("全市建成法官工作站120个。") == [(120, "个", None)]


def test_a_rank_shared_by_two_subjects_is_one_for_each() -> None:
    hits = find_outcomes("截至9月，甲中院和全市基层法院的审判质效排名均为全省第一。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(1, "名"), (1, "名")]
    hits = find_outcomes("截至9月，全市基层法院的审判质效排名为全省第一。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(1, "名")]


def test_one_days_event_told_by_a_party_is_a_story() -> None:
    text = "今年5月6日，在乙区法院，30余起物业纠纷集中得以化解，业主王某说效率很高。"
    assert vals(text) == []
    assert vals("今年以来，乙区法院化解物业纠纷30余起。") == [(30, "起", "余")]


def test_a_count_selected_for_a_collection_is_a_result_of_its_own_rule() -> None:
    hits = find_outcomes("至今已有甲庭、乙庭等八个案例入选全省法院精品案例。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [
        (8.0, "个", "outcome:selected-cases")
    ]
    hits = find_outcomes("丙、丁两个法庭获评全省先进法庭。")
    assert [(h.value, h.rule) for h in hits] == [(2.0, "outcome:selected")]


def test_what_a_court_has_stays_no_result_next_to_a_selection() -> None:
    assert find_outcomes("全国法院共有人民法庭10145个。") == []
    assert [h.rule for h in find_outcomes("该院有三个法庭。")] == []


def test_a_shared_rank_is_a_rank() -> None:
    hits = find_outcomes("在全省考核中，该院并列全省第一名。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [(1.0, "名", "outcome:rank")]


def test_batches_keep_their_measure_word() -> None:
    hits = find_outcomes("今年送法进企业8批次，接收实习生4批。")
    assert [(h.value, h.unit_of_measure) for h in hits] == [(8.0, "批次"), (4.0, "批")]


def test_a_jurisdiction_far_after_the_figure_leaves_it_a_result() -> None:
    text = "依托12个诉讼服务点，健全联络机制，规定法庭承担辖区内的普法工作。"
    assert [(h.value, h.unit_of_measure) for h in find_outcomes(text)] == [(12.0, "个")]


def test_a_jurisdiction_right_after_the_figure_makes_it_coverage() -> None:
    text = "由20名干警包联全镇58个村组，覆盖辖区面积达800平方公里。"
    assert find_outcomes(text) == []


def test_labels_in_plain_words() -> None:
    def labels(text: str) -> list[str]:
        return [h.metric for h in find_outcomes(text)]

    assert labels("全区结案增幅由上年同期的12.6%下降为3.2%。") == ["结案增幅", "结案增幅"]
    assert labels("诉前调解成功数占同期新收案件的47.2%。") == ["诉前调解成功数占同期新收案件比例"]
    assert labels("与25名人大代表、9名政协委员建立定期沟通机制。") == [
        "人大代表数",
        "建立定期沟通机制的政协委员数",
    ]
    assert labels("在线调解案件212件，对接基层解纷组织860家。") == [
        "在线调解案件数",
        "对接基层解纷组织数",
    ]


def test_a_count_pointed_at_again_is_no_new_figure() -> None:
    hits = find_outcomes("全市评出9名调解能手。这9名调解能手均来自基层。")
    assert [(h.value, h.text_start) for h in hits] == [(9.0, 0)]


def test_a_yearly_figure_told_approximately_is_a_result() -> None:
    hits = find_outcomes("该庭每年巡回开庭30次以上。")
    assert [(h.value, h.unit_of_measure, h.qualifier) for h in hits] == [(30.0, "次", "以上")]
    assert find_outcomes("每年开展培训2次。") == []  # a schedule


def test_a_round_figure_in_its_qualifier() -> None:
    hits = find_outcomes("法官轮流值守，每年接待来访群众近万人次。")
    assert [(h.value, h.unit_of_measure, h.qualifier) for h in hits] == [(10000.0, "人次", "近")]
    assert find_outcomes("千家万户。") == []


def test_figures_in_a_quoted_statement_but_not_in_a_quoted_name() -> None:
    text = "“全市法院选派骨干进驻300余家调解中心，参与轮值。”副院长告诉记者。"
    assert [h.value for h in find_outcomes(text)] == [300.0]
    assert find_outcomes("推行“三个维度”工作法。") == []
    assert find_outcomes("“全国有14亿人口，事事都去打官司，法院怎么办得过来？”") == []


def test_staff_a_court_has_or_is_given_are_no_results() -> None:
    assert vals("该中心配备员额法官3名，法官助理2名，书记员5名。") == []
    assert vals("法庭现有法官3人、书记员2人、法警2人、保安3人。") == []
    assert vals("去年配备了智能终端40台，调解纠纷320件。") == [(320.0, "件", None)]


def test_deputies_visiting_are_no_results() -> None:
    assert vals("5月8日，9名省人大代表走进该院，参观诉讼服务中心。") == []
    assert vals("该院邀请12名市人大代表、4名政协委员视察执行工作。") == []
    # deputies made mediators, or kept in touch with, are results
    assert vals("该院邀请15名人大代表为特邀调解员。") == [(15.0, "名", None)]
    assert vals("该院与30名人大代表建立常态化联系。") == [(30.0, "名", None)]


def test_a_rate_of_growth_named_after_its_figure() -> None:
    hits = find_outcomes("调解成功量以年均40%的增幅持续增长。")
    assert [(h.value, h.unit_of_measure, h.metric) for h in hits] == [
        (40.0, "%", "调解成功量年均增幅")
    ]
    assert [h.metric for h in find_outcomes("收案量以5%的速度下降。")] == ["收案量降幅"]


def test_cases_selected_have_their_own_rule() -> None:
    hits = find_outcomes("该院甲法庭《乙》等六个案例入选最高人民法院人民法庭建设案例。")
    assert [(h.value, h.rule) for h in hits] == [(6.0, "outcome:selected-cases")]
    hits = find_outcomes("甲、乙、丙三个法庭入选全省示范法庭。")
    assert [(h.value, h.rule) for h in hits] == [(3.0, "outcome:selected")]


def test_the_staff_share_that_resolved_a_share_of_the_disputes() -> None:
    hits = find_outcomes("该院用20.5%的员额法官化解了60.2%的民事纠纷。")
    assert [(h.value, h.metric, h.rule) for h in hits] == [
        (20.5, "员额法官占比", "outcome:share-staff"),
        (60.2, "化解民事纠纷占比", "outcome:share-verb"),
    ]
    # the same share said again in the paragraph is no second figure
    hits = find_outcomes("调解结案占结案总数的60.2%，用20.5%的法官化解了60.2%的纠纷。")
    assert [h.value for h in hits] == [60.2, 20.5]


def test_how_often_in_chinese_numerals_has_its_own_rule() -> None:
    hits = find_outcomes("该院先后五次获评全省先进法院，另有两家法庭挂牌。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [
        (5.0, "次", "outcome:count-cn-times"),
        (2.0, "家", "outcome:count-cn"),
    ]


def test_partners_a_court_joined_or_brought_in_are_counted() -> None:
    assert vals("该院深化与甲会、乙会等9个部门的诉调对接。") == [(9.0, "个", None)]
    assert [h.metric for h in find_outcomes("该院深化与甲会、乙会等9个部门的诉调对接。")] == [
        "诉调对接合作部门数"
    ]
    assert vals("该院引入司法局、妇联等12家单位调解资源。") == [(12.0, "家", None)]
    # a count that qualifies a noun, and another agency's figure, are not
    assert vals("对全市15家法院的执行案件开展评查。") == []
    assert vals("今年公安机关破获案件120起。") == []


def test_staff_newly_given_is_a_result() -> None:
    assert vals("该院新配备法官助理20名。") == [(20.0, "名", None)]


def test_a_figure_stated_as_a_multiple_of_another() -> None:
    hits = find_outcomes("速裁法官人均结案900件，是其他法官人均结案数的3.5倍。")
    assert [(h.value, h.unit_of_measure, h.rule) for h in hits] == [
        (900.0, "件", "outcome:count"),
        (3.5, "倍", "outcome:ratio-multiple"),
    ]
    assert hits[1].metric == "速裁法官人均结案数为其他法官人均结案数的倍数"
    hits = find_outcomes("复议收案已达诉讼收案的2.1倍。")
    assert [(h.metric, h.value) for h in hits] == [("复议收案为诉讼收案的倍数", 2.1)]
    # a year compared with is left alone
    assert find_outcomes("收案量是2019年的3倍。") == []


def test_a_multiple_in_one_dispute_is_no_result_and_daodao_reads_whole() -> None:
    """A damages or a gain as a multiple of a price or a threshold is one case's fact; and
    达到 is one verb (the label was cut after 达: 为到…)."""
    assert find_outcomes("判决被告支付相当于货款3倍的赔偿，赔偿金额为价款的3倍。") == []
    assert find_outcomes("经审理查明，被告人获利达到入罪门槛的5倍。") == []
    found = find_outcomes("甲院人均办案数达到全市平均数的1.5倍。")
    assert [(o.metric, o.value) for o in found] == [("甲院人均办案数为全市平均数的倍数", 1.5)]


def test_a_line_of_only_a_code_is_no_broken_number() -> None:
    """A number broken by a page wrap is read through (增长12⏎.5%); a line holding only an
    image's file name or a code before a year is a line of its own, not the number's start."""
    found = find_outcomes("图片说明\nIMG_20240110_001\n2023年度甲院共收案3480件，结案3400件。")
    alone = find_outcomes("图片说明\n2023年度甲院共收案3480件，结案3400件。")
    assert [(o.metric, o.value) for o in found] == [(o.metric, o.value) for o in alone]
    assert [o.metric for o in found] == ["甲院收案数", "结案数"]  # 2023年度 is the period
    assert found[0].period == "2023年度"
    assert [o.value for o in find_outcomes("甲院调解成功率增长12\n.5%。")] == [12.5]


def test_the_past_n_years_of_a_work_report_are_the_figures_period() -> None:
    """过去五年 (a work report's span) is the period, not a month named earlier in the line."""
    found = find_outcomes("2023年3月召开会议。过去五年，甲市法院共受理各类案件13万件，审结12万件。")
    assert [o.period for o in found] == ["过去五年", "过去五年"]


def test_cases_per_ten_thousand_people_keep_their_unit() -> None:
    text = "去年该区万人成讼率为45.2件/万人，低于全省60.5件／万人。"
    got = [(h.value, h.unit_of_measure) for h in find_outcomes(text)]
    assert got == [(45.2, "件/万人"), (60.5, "件/万人")]


def test_cases_per_ten_thousand_people_written_before_the_figure() -> None:
    """每万人3.2件 is the rate 件/万人, and the label stops before the level's verb (降至) and 每万人;
    a change after it is the same measure's."""
    text = "乙县法院今年万人成讼率下降至每万人3.2件，同比下降5.1%。"
    got = [(h.metric, h.value, h.unit_of_measure) for h in find_outcomes(text)]
    assert got == [("万人成讼率", 3.2, "件/万人"), ("万人成讼率同比降幅", 5.1, "%")]
    got = [
        (h.metric, h.unit_of_measure) for h in find_outcomes("丙区法院万人起诉率为每万人12.5件。")
    ]
    assert got == [("万人起诉率", "件/万人")]
    # 每万人 not right before the figure: an ordinary count
    text = "丁县法院在每万人口中选聘调解员，全年受理案件中调解成功45件。"
    assert [h.unit_of_measure for h in find_outcomes(text)] == ["件"]


def test_a_change_after_a_level_reached_by_a_one_character_verb() -> None:
    """降至/升至/增至 before a level is no part of the name the change after it takes."""
    text = "乙县法院万人成讼率降至52.13件/万人，同比下降5.1%。"
    assert [h.metric for h in find_outcomes(text)] == ["万人成讼率", "万人成讼率同比降幅"]
    text = "乙县法院执行到位率升至62.5%，同比提高3个百分点。"
    assert [h.metric for h in find_outcomes(text)][0] == "执行到位率"


def test_what_is_spread_over_places_is_no_result() -> None:
    text = "该市分布着12个人民法庭和30个巡回审判点，今年审结案件800件。"
    assert [h.value for h in find_outcomes(text)] == [800.0]
    text = "客户遍布全国20多个省份。"
    assert find_outcomes(text) == []
    # a place spread over that only qualifies what was built is no state
    text = "已建成遍布城乡的45个调解工作室。"
    assert [h.value for h in find_outcomes(text)] == [45.0]


def test_ranks_told_with_more_verbs_and_scopes() -> None:
    text = (
        "该院综合质效指标位于全市第2位，结案率居于全市首位。"
        "调解率位居全国中院第二。万人起诉率位居全省县区第五、全市第一。"
    )
    got = [(h.value, h.unit_of_measure, h.metric) for h in find_outcomes(text)]
    assert got == [
        (2.0, "名", "综合质效指标排名"),
        (1.0, "名", "结案率排名"),
        (2.0, "名", "调解率排名"),
        (5.0, "名", "万人起诉率排名"),
        (1.0, "名", "万人起诉率排名"),
    ]
    # where a place lies is no rank (位于全县第二大镇)
    assert find_outcomes("该法庭位于全县第二大镇。") == []


def test_a_case_named_as_an_example_after_the_figures_of_a_span() -> None:
    text = (
        "2022年以来，该院调解物业纠纷650件，其中李某等45名业主物业服务合同纠纷系列案获评典型案例。"
    )
    assert [h.value for h in find_outcomes(text)] == [650.0]
    # a sentence telling the dispute before its figures still tells one dispute
    assert find_outcomes("该院审理李某等45名业主物业服务合同纠纷，调解物业纠纷650件。") == []


def test_a_duration_shortened_from_months_to_days_is_the_level_reached() -> None:
    got = [
        (h.value, h.unit_of_measure, h.metric)
        for h in find_outcomes("调解平均用时从2个月缩短至25天。")
    ]
    assert got == [(25.0, "天", "调解平均用时")]


def test_courts_counted_as_what_has_staff_or_tribunals_are_no_result() -> None:
    text = "全县8个法庭配备23名员额法官，今年审结案件900件。"
    assert [h.value for h in find_outcomes(text)] == [900.0]
    assert find_outcomes("其他9家基层法院下设法庭27个。") == []
    # the courts a court equipped are its result
    assert [h.value for h in find_outcomes("今年为6个法庭配备速裁团队。")] == [6.0]


def facts(text: str) -> list[tuple[float, str, str, str | None]]:
    return [(h.value, h.unit_of_measure, h.metric, h.direction) for h in find_outcomes(text)]


def test_a_part_of_a_set_counted_after_it_is_the_result_and_the_set_is_none() -> None:
    assert facts("全县12个人民法庭中已有9个建成智慧法庭。") == [
        (9.0, "个", "建成智慧法庭的人民法庭数", None)
    ]
    assert facts("辖区30个村（社区）中有25个实现无讼。") == [
        (25.0, "个", "实现无讼的村（社区）数", None)
    ]
    # a set counted by what a court did keeps its figure, labelled by its noun
    got = facts("今年受理的1500件案件中有900件调解结案。")
    assert [(v, m) for v, _, m, _ in got] == [(1500.0, "受理案件数"), (900.0, "调解结案数")]
    got = facts("今年受理的1500件案件中，调解结案900件。")
    assert [(v, m) for v, _, m, _ in got] == [(1500.0, "受理案件数"), (900.0, "调解结案数")]
    # the set counted with a place before it is no result (在全市20个法庭中有16个…)
    assert facts("在全市20个法庭中有16个建成智慧法庭。") == [
        (16.0, "个", "建成智慧法庭的法庭数", None)
    ]
    # the part named after the set without its figure
    assert facts("审结的纠纷中有600件为邻里纠纷。") == [(600.0, "件", "邻里纠纷数", None)]


def test_places_counted_are_labelled_by_what_was_done_there() -> None:
    assert facts("该法庭在全乡14个村（社区）设立调解工作室。") == [
        (14.0, "个", "设立调解工作室的村（社区）数", None)
    ]
    assert facts("法庭在全县7个乡镇建成了巡回审判点。") == [
        (7.0, "个", "建成巡回审判点的乡镇数", None)
    ]
    # the partners a court made something with, by what was made (towns and villages it made
    # ties with are an area reached, no result: test_the_villages_a_court_reaches_are_no_result)
    assert facts("该院与全县16个部门签订了共建协议。") == [
        (16.0, "个", "签订共建协议的部门数", None)
    ]


def test_a_label_drops_the_second_of_two_courts_joined() -> None:
    assert facts("甲镇人民法庭和乙镇法庭审结案件1082件。") == [(1082.0, "件", "审结案件数", None)]


def test_a_signed_percentage_is_a_change_of_the_figure_before_it() -> None:
    assert facts("司法确认 260件 +6.5%") == [
        (260.0, "件", "司法确认数", None),
        (6.5, "%", "司法确认增幅", "up"),
    ]
    assert facts("执行结案 80件 -3.0%")[1:] == [(3.0, "%", "执行结案降幅", "down")]
    # a negative growth: the magnitude, the direction in the label
    assert facts("新收案件900件，同比增长-2.5%。")[1:] == [(2.5, "%", "新收案件同比降幅", "down")]
    assert facts("调撤率 ↑4%") == [(4.0, "%", "调撤率增幅", "up")]
    # a range of percentages is no change, and neither end is the result (its low end alone
    # would understate it: test_the_low_end_of_a_range_is_no_result)
    assert [h.value for h in find_outcomes("审限内结案率提升了3%-5%。")] == []


def test_a_rank_among_a_set_of_a_stated_size_keeps_its_measure() -> None:
    assert facts("结案数在全省98个基层法院中位居第3。") == [
        (3.0, "名", "结案数在全省基层法院排名", None)
    ]


def test_a_population_of_a_place_is_no_result() -> None:
    # an ethnic group's share of the people, the firms or residents a place has
    assert vals("该县某族群众占比超九成，去年法院调解结案率达80%。") == [(80.0, "%", None)]
    assert vals("甲乡白族占比61%，法庭调撤案件200件。") == [(200.0, "件", None)]
    assert vals("园区共有企业500余家，法庭为其化解纠纷30件。") == [(30.0, "件", None)]
    assert vals("小区有住户800余户，调解员化解纠纷12件。") == [(12.0, "件", None)]
    assert vals("2000多名渔民生活在岛上，法庭巡回审理案件40件。") == [(40.0, "件", None)]
    # firms helped are a result
    assert [h.value for h in find_outcomes("法庭为300家企业化解纠纷。")] == [300.0]


def test_the_items_of_a_reform_plan_are_no_result() -> None:
    assert vals("方案包括8大方面40项改革举措。") == []
    assert vals("甲、乙等5条试点经验举措，被推广。") == []


def test_days_and_nights_are_a_time_not_a_count() -> None:
    assert vals("20多个日夜过去，调解员化解纠纷15件。") == [(15.0, "件", None)]


def test_the_base_of_a_comparison_is_no_result() -> None:
    assert vals("人均调解12件，远高于去年同期的3.5件。") == [(12.0, "件", None)]
    assert vals("模板涵盖30个案由，相较于原先的8个大幅增加。") == [(30.0, "个", None)]


def test_a_title_conferred_on_a_set_is_no_result_of_the_awarding_body() -> None:
    assert vals("最高法授予甲法院等50个单位“先进集体”称号。") == []
    # a province's courts honoured are
    assert [h.value for h in find_outcomes("全省3家法院被授予“先进集体”称号。")] == [3.0]


def test_a_paragraph_of_cases_a_judge_handles_is_no_footer() -> None:
    from ingest.boilerplate import find_boilerplate

    prose = "标题\n\n院庭长共承办案件300件,承办数量同比增加50件,结案280件\n"
    assert not any(kind == "footer" for *_, kind in find_boilerplate(prose).removed)
    footer = "主办单位:某市中级人民法院 承办:某某信息中心\n"
    assert any(kind == "footer" for *_, kind in find_boilerplate("标题\n\n" + footer).removed)


def test_the_make_up_of_the_staff_is_no_result() -> None:
    assert vals("调解员队伍中，具有本科以上学历的占比60%。") == []
    assert vals("新招录干警30名，其中“00后”8名。") == [(30.0, "名", None)]
    # a change of the make-up is reported
    assert [h.value for h in find_outcomes("硕士学历法官占比同比提高5个百分点。")] == [5.0]


def test_the_natural_setting_is_no_result() -> None:
    assert vals("山区空气含氧量仅为平原的55%，法庭巡回审理案件30件。") == [(30.0, "件", None)]
    assert vals("当地冬季长达7个月，调解员化解纠纷16件。") == [(16.0, "件", None)]


def test_the_members_of_a_mechanism_are_no_result() -> None:
    assert vals("联席会议吸收19个成员单位，化解纠纷120件。") == [(120.0, "件", None)]
    assert vals("成立以12个部门为成员单位的领导小组。") == []


def test_the_area_a_service_covers_is_no_result() -> None:
    assert vals("服务站覆盖6个镇街，化解纠纷45件。") == [(45.0, "件", None)]
    assert vals("联盟覆盖甲、乙等8个重点行业。") == []
    assert vals("驻村法官在全县20个乡镇300个村实现全覆盖。") == []
    # the whole jurisdiction's places covered stay a figure
    assert [h.value for h in find_outcomes("平台覆盖全市900个行政村。")] == [900.0]


def test_money_put_in_is_no_result() -> None:
    assert vals("法院先后投入80余万元改造法庭。") == []
    assert [h.value for h in find_outcomes("法院执行到位金额80余万元。")] == [80.0]


def test_the_recipients_of_a_payout_are_no_result() -> None:
    assert vals("法院为36名农民工发放案款52万元。") == [(52.0, "万元", None)]


def test_the_units_whose_staff_were_trained_are_no_result() -> None:
    assert vals("法院组织9个法庭开展调解培训。") == []
    assert vals("为甲镇11个行政村调解员开展培训，化解纠纷40件。") == [(40.0, "件", None)]
    # trainings held are
    assert [h.value for h in find_outcomes("法院开展调解培训12场。")] == [12.0]


def test_the_villages_a_court_reaches_are_no_result() -> None:
    assert vals("法庭与全县86个行政村建立联系，化解纠纷70件。") == [(70.0, "件", None)]
    assert vals("工作站与辖区6个乡镇、30个网格实现对接。") == []
    assert vals("形成辐射9个乡镇的服务网络。") == []
    # the courts a court radiates to, and partner agencies, are left alone
    assert [h.value for h in find_outcomes("中心法庭辐射带动40个巡回法庭。")] == [40.0]


def test_the_low_end_of_a_range_is_no_result() -> None:
    assert vals("各法庭收案同比上升3.5%-12.8%。") == []
    assert vals("案件标的额从20元到500万元不等，调解成功86件。") == [(86.0, "件", None)]
    # a change from one level to another keeps its figures
    assert [h.value for h in find_outcomes("结案率由80%提高到93%。")] == [93.0]
    assert [h.value for h in find_outcomes("执行结案 80件 -3.0%")] == [80.0, 3.0]


def test_a_rank_scoped_by_a_province_or_told_as_first_of_a_set() -> None:
    assert facts("该院执行结案数位居湖南第二。") == [(2.0, "名", "执行结案数排名", None)]
    assert [(h.value, h.qualifier) for h in find_outcomes("调解成功率稳居全市法院之首。")] == [
        (1.0, None)
    ]


def test_the_press_and_an_audience_are_no_result() -> None:
    assert vals("9家媒体15位记者到法庭采访。") == []
    assert vals("开展普法讲座30场，受众达1800余人。") == [(30.0, "场", None)]
    # people the court served are
    assert [h.value for h in find_outcomes("法庭接待来访群众1800余人。")] == [1800.0]


def test_who_a_dispute_concerns_is_no_result() -> None:
    assert vals("漏水造成8户居民财产受损，法官上门调解。") == []
    assert vals("纠纷涉及3个小区460户业主，调解员化解纠纷9件。") == [(9.0, "件", None)]


def test_work_done_in_a_harsh_setting_is_a_result() -> None:
    assert [h.value for h in find_outcomes("法庭在海拔4000米的牧区审结案件56件。")] == [56.0]


def test_a_forecast_and_a_request_are_not_results() -> None:
    assert vals("按此趋势，全市法院收案量明年将突破50万件。") == []
    assert vals("当事人请在收到通知后15日内缴纳诉讼费。") == []
    # a level the court reached still counts
    assert vals("该院收案量首次突破8万件。") == [(80000.0, "件", None)]


def test_a_span_of_months_is_the_period_not_the_month_named_before() -> None:
    text = "2024年3月，该院启动诉前调解工作。三个月来，诉前调解案件300件。"
    assert [(o.value, o.period) for o in find_outcomes(text)] == [(300.0, "三个月来")]


def test_nearly_three_months_opening_a_clause_is_a_period_not_a_figure() -> None:
    text = "今年3月，该院启动诉前调解，近3个月共化解纠纷300件。"
    assert [(o.value, o.period) for o in find_outcomes(text)] == [(300.0, "近3个月")]


def test_a_shortening_by_nearly_three_months_is_still_a_figure() -> None:
    found = find_outcomes("该院平均审理周期缩短近3个月。")
    assert [(o.value, o.unit_of_measure) for o in found] == [(3.0, "个月")]
    found = find_outcomes("该院审理周期由近6个月缩短至2个月。")
    assert [(o.value, o.period) for o in found] == [(2.0, None)]


def test_a_quarter_and_a_range_of_months_in_numerals_are_periods() -> None:
    found = find_outcomes("今年一季度，该院受理案件300件。")
    assert [(o.value, o.period) for o in found] == [(300.0, "今年一季度")]
    found = find_outcomes("今年一至三月，该院受理案件300件。")
    assert [(o.value, o.period) for o in found] == [(300.0, "今年一至三月")]


def test_items_sharing_the_words_after_the_last_one_get_a_label_each() -> None:
    found = find_outcomes("今年一审、二审案件平均审理周期分别为37天和35天。")
    assert [(o.metric, o.value) for o in found] == [
        ("一审案件平均审理周期", 37.0),
        ("二审案件平均审理周期", 35.0),
    ]


def test_a_list_of_figures_after_a_list_of_items_pairs_them_in_order() -> None:
    found = find_outcomes("全年收案、结案数为1200件、1100件，均居全市第2位。")
    assert [(o.metric, o.value) for o in found] == [
        ("收案数", 1200.0),
        ("结案数", 1100.0),
        ("收案、结案排名", 2.0),
    ]


def test_items_without_a_shared_first_word_are_not_split() -> None:
    # 法官 and 书记员… share no character: where 书记员's words end is unknown
    found = find_outcomes("法官和书记员事务性工作分别减少60%和80%。")
    assert all(not o.metric.startswith(("法官事务", "书记事务")) for o in found)


def test_a_quarter_without_a_year_takes_the_year_its_sentence_names() -> None:
    found = find_outcomes("2022年，该院审结案件3800件，其中二季度审结950件。")
    assert [(o.value, o.period) for o in found] == [(3800.0, "2022年"), (950.0, "2022年二季度")]
    found = find_outcomes("去年该院受理案件4100件，四季度受理1200件。")
    assert [(o.value, o.period) for o in found][-1] == (1200.0, "去年四季度")
    found = find_outcomes("2021年，该院调解纠纷600件，七至九月调解纠纷210件。")
    assert [(o.value, o.period) for o in found][-1] == (210.0, "2021年七至九月")
    # one with its year keeps it; another sentence's year is not it
    found = find_outcomes("2022年该院审结案件3800件。一季度审结950件。")
    assert [(o.value, o.period) for o in found] == [(3800.0, "2022年"), (950.0, "一季度")]


def test_a_word_and_a_longer_one_beginning_with_it_are_not_split_over_a_shared_tail() -> None:
    # 调解 and 调解成功率 share no tail: neither figure is the 调解成功率 of the other
    found = find_outcomes("全年该院执行、执行到位率分别为900件、70%。")
    assert [o.metric for o in found] != ["执行到位率", "执行到位率"]
    assert all(o.metric != "执行到位率" for o in found if o.value == 900.0)
    found = find_outcomes("全年该院法警、法警队员人数为8人、20人。")
    assert all(o.metric != "法警队员人数" for o in found if o.value == 8.0)
    # items that do share their tail still split
    found = find_outcomes("全年该院一审、二审案件平均审理周期为41天、33天。")
    assert [o.metric for o in found] == ["一审案件平均审理周期", "二审案件平均审理周期"]


def test_a_measure_word_opening_a_noun_counts_nothing() -> None:
    # 48部门: forty-eight departments, not 48 部 of 门
    assert find_outcomes("丙县法院与48部门联合建立协作机制。") == []
    got = find_outcomes("出版专著3部，审结案件500件。")
    assert (got[0].value, got[0].unit_of_measure) == (3.0, "部")


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("丁县法院结案率从年初的61%提升至93%。", 61.0, "结案率"),
        ("丁县法院新收案件由前两年的年均15%降至4%。", 15.0, "新收案件"),
    ],
)
def test_a_label_leaves_out_the_start_of_a_change_from_one_level_to_another(
    text: str, value: float, metric: str
) -> None:
    # 从年初的, 由前两年的年均: where the change starts from, no part of the measure
    assert {h.value: h.metric for h in find_outcomes(text)}.get(value) == metric


def test_a_figure_said_again_is_dropped_only_with_its_sentences_other_figures() -> None:
    """_drop_repeats looks a figure up in the earlier sentences that say it: one figure shared
    with an earlier sentence is a new fact, two shared (or the same one-figure sentence again)
    a repeat."""
    text = "甲法院受理案件3200件，审结3000件。乙法院受理案件3200件，审结2800件。"
    assert [h.value for h in find_outcomes(text)] == [3200, 3000, 3200, 2800]
    text = "甲法院受理案件3200件，审结3000件。\n甲法院受理案件3200件，审结3000件，调解900件。"
    assert [h.value for h in find_outcomes(text)] == [3200, 3000, 900]
    text = "甲法院受理案件3200件。\n甲法院受理案件3200件。\n乙法院受理案件3200件。"
    assert [h.value for h in find_outcomes(text)] == [3200, 3200]


@pytest.mark.parametrize("verb", ["上升到", "增长到", "降到", "下降到"])
def test_a_change_between_two_years_keeps_both_years_figures(verb: str) -> None:
    """从2022年的X…到2024年的Y: each figure is its own year's; 到 + a year is no deadline here."""
    text = f"戊县法院收案数从2021年的1500件{verb}2023年的2600件。"
    got = [(h.value, h.metric, h.period) for h in find_outcomes(text)]
    assert [(v, m) for v, m, _ in got] == [(1500.0, "收案数"), (2600.0, "收案数")]
    assert "2021" in (got[0][2] or "") and "2023" in (got[1][2] or "")


def test_a_year_ahead_after_dao_is_still_a_deadline() -> None:
    assert vals("到2026年底，己县法院建成诉讼服务站30个。") == []
    assert vals("到2026年，己县法院新建人民法庭4个。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("庚县法院调解成功率达71. 41%。", [(71.41, "%", None)]),
        (
            "全省法院受理各类案件276 214件，审结3 999件。",
            [(276214.0, "件", None), (3999.0, "件", None)],
        ),
    ],
)
def test_a_number_a_page_spaced_out_is_one_number(
    text: str, expected: list[tuple[float, str, str | None]]
) -> None:
    assert vals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "甲中院近三年收案分别为120 135 148件，逐年上升。",
        "甲中院近三年结案依次为1 200 1 350 1 480件。",
        "乙县法院两年审结案件分别为310 420件。",
        # more than one space-separated group is a list too, never one huge figure (a
        # spaced 1 234 567 is given up with it: a missing figure, not a wrong one)
        "丙区法院近三年结案450 515 620件。",
    ],
)
def test_figures_spaced_as_a_list_are_no_one_number(text: str) -> None:
    assert vals(text) == []


def test_a_change_with_an_adverb_labels_the_level_reached_by_its_measure() -> None:
    for text, measure in (
        ("丁县法院执行到位金额由2022年的2.4亿元稳步提升到2023年的3.6亿元。", "执行到位金额"),
        ("戊县法院调解成功率从2022年的28%显著提升到2023年的41%。", "调解成功率"),
        ("己县法院平均审理天数由2022年的70天进一步缩短到2023年的52天。", "平均审理天数"),
        ("庚县法院结案数由2020年的900件逐年大幅上升至2023年的1500件。", "结案数"),
    ):
        assert [h.metric for h in find_outcomes(text)] == [measure, measure], text


def test_a_day_without_its_year_borrows_no_whole_years_year() -> None:
    # 2022年，… is a whole year's total: a later 截至 day is not in it; nor when the figure's
    # own sentence says 今年
    for text in (
        "2022年，甲县法院结案1.5万件。截至2月20日，该院今年已受理案件600件。",
        "2022年，甲县法院受理案件1.8万件。截至3月10日，该院已受理案件3100件。",
    ):
        periods = [h.period for h in find_outcomes(text)]
        assert "2022" not in (periods[-1] or ""), text
    # a paragraph that dates days in the year still lends it
    text = "2022年1月1日至6月30日，甲县法院结案800件。截至9月30日，该院结案1500件。"
    assert "2022" in (find_outcomes(text)[-1].period or "")


def test_a_sentence_dated_by_a_bare_year_word_keeps_no_earlier_period() -> None:
    for text in (
        "今年以来，甲县法院受理案件1300件。去年，该院结案4800件。",
        "2021年6月，甲县法院调解纠纷90件。今年，该院诉前调解纠纷1400件。",
        "上半年，甲县法院结案700件。该院去年结案1600件。",
    ):
        assert find_outcomes(text)[-1].period is None, text
    # a comparison with last year is no date: the earlier period stays
    text = "2023年，甲县法院结案5000件。较去年上升12%。"
    assert all("2023" in (h.period or "") for h in find_outcomes(text))


def test_spaces_between_a_number_and_a_date_or_a_list_mark_join_nothing() -> None:
    # spaced dates and list marks stay apart: 2024年 3 月, "1. 2023年", a page spacing a count
    assert vals("1. 2023年，辛县法院审结案件300件。") == [(300.0, "件", None)]
    assert vals("2024年 3 月，辛县法院审结案件 300 件。") == [(300.0, "件", None)]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2021年3月1日至2022年2月28日，癸县法院审结案件1800件。", "2021年3月1日至2022年2月28日"),
        ("今年5月10日至9月30日，癸县法院化解纠纷260件。", "今年5月10日至9月30日"),
        ("截至2024年6月20日，癸县法院调解成功420件。", "截至2024年6月20日"),
        ("截至去年底，癸县法院共建成诉讼服务站15个。", "截至去年底"),
        ("截至目前，癸县法院累计跨域立案36件。", "截至目前"),
    ],
)
def test_a_span_of_days_or_the_day_a_count_runs_to_is_the_period(text: str, period: str) -> None:
    """A span of days was cut to its last month (…至2022年2月 -> 2022年2月), a day a count runs up
    to to its month, and a year's end or now (截至去年底, 截至目前) left no period at all."""
    assert [h.period for h in find_outcomes(text)] == [period]


def test_a_day_without_its_year_takes_the_year_its_paragraph_named() -> None:
    text = "2024年1月1日至6月30日，子县法院收案900件。截至6月15日，该院诉前调解成功310件。"
    assert [h.period for h in find_outcomes(text)] == ["2024年1月1日至6月30日", "截至2024年6月15日"]


def test_so_far_dates_only_its_own_sentence() -> None:
    text = "截至目前，丑县法院累计跨域立案40件。春节前夕，该院5个法庭均设立专窗。"
    assert [h.period for h in find_outcomes(text)] == ["截至目前", None]


def test_the_years_since_which_a_change_came_first_are_no_period() -> None:
    """2023年…，10年来首次回落；结案N件: 10年来 says when the fall came first, not the period."""
    text = "2023年，寅县法院受理案件9000件，10年来首次出现回落；结案8800件。"
    assert [h.period for h in find_outcomes(text)] == ["2023年", "2023年"]


def test_a_places_trade_and_urbanisation_are_no_courts_figures() -> None:
    text = (
        "该市外贸进出口总额去年达到近300亿元，城镇化率达61.5%。"
        "亥市中级人民法院审结涉外贸易纠纷案件120件，在城镇化进程中化解征地纠纷80件。"
    )
    assert vals(text) == [(120.0, "件", None), (80.0, "件", None)]


def test_a_studys_fieldwork_and_scope_are_no_results() -> None:
    """A research group's visits and interviews, and the courts a study covered, count what was
    studied; the courts' own visits and caseloads after a study are still figures."""
    assert vals("课题组采取座谈等方式，共实地走访人民法庭9个，与23名法官深入交流。") == []
    assert vals("我们对全市41个人民法庭的审判工作情况进行了专项调研。") == []
    assert vals("课题组成立以来，该院审结案件900件，走访企业30家。") == [
        (900.0, "件", None),
        (30.0, "家", None),
    ]
    assert vals("调研组走访后，甲县法院走访企业30家。") == [(30.0, "家", None)]


def test_period_skip_ahead_drops_no_period() -> None:
    """_PERIOD's look-ahead (the first characters its alternatives open with) only lets the scan
    skip characters: without it the same periods are found, one of each alternative here."""
    import re

    from ingest import outcomes

    pattern = outcomes._PERIOD.pattern
    assert pattern.startswith("(?=[")
    body = re.compile(pattern[pattern.index(")") + 1 :])
    text = (
        "2019年1月1日至2020年4月25日，截至2025年3月16日，截至去年底，截至目前，自2023年以来，"
        "今年一季度，上半年，1-3月，3月底至5月，一至三月份，年初以来，2023年度，今年以来，十年来，"
        "近三年，每月，每年，每周，（最近3个月来），两个月以来，近6个月，过去五年"
    )
    found = [m.span() for m in outcomes._PERIOD.finditer(text)]
    assert found == [m.span() for m in body.finditer(text)]
    assert len(found) >= 20
