"""Which initiative a reported figure belongs to (ingest.outcome_links)."""

from __future__ import annotations

from ingest.document import (
    Adoption,
    Evidence,
    Extraction,
    InitiativeRef,
    OutcomeRef,
    SourceDocument,
)
from ingest.outcome_links import _CLAUSE_ENDS, _clause_around, link_outcomes
from ingest.outcomes import find_outcomes


def linked(
    text: str,
    initiatives: dict[str, list[str]],
    *,
    units: dict[float, str] | None = None,
    periods: dict[float, str] | None = None,
    adoptions: list[tuple[str, str, str | None]] | None = None,
) -> list[tuple[float, str | None]]:
    """Extract the figures of `text`, name the initiatives where their surfaces stand, link.
    `units` and `periods` give a figure (by its value) its unit and period; `adoptions` are
    (unit, initiative, date) the article states."""
    refs = []
    for name, surfaces in initiatives.items():
        ref = InitiativeRef(name=name, mentions=list(surfaces))
        for s in surfaces:
            i = text.find(s)
            assert i >= 0, s
            ref.evidence.append(Evidence(sentence=s, start=i, end=i + len(s), quote=s))
        refs.append(ref)
    outcomes = []
    for h in find_outcomes(text):
        clause = text[h.text_start : h.text_end]
        ev = Evidence(sentence=clause, start=h.text_start, end=h.text_end, quote=clause)
        outcomes.append(
            OutcomeRef(
                unit=(units or {}).get(h.value, ""),
                period=(periods or {}).get(h.value),
                metric=h.metric,
                value=h.value,
                unit_of_measure=h.unit_of_measure,
                text=clause,
                evidence=[ev],
            )
        )
    ex = Extraction(
        document=SourceDocument(path="t.txt", text=text), initiatives=refs, outcomes=outcomes
    )
    ex.adoptions = [
        Adoption(unit=u, initiative=n, relation="adopted", date=d) for u, n, d in adoptions or []
    ]
    link_outcomes(ex)
    return [(o.value, o.initiative) for o in ex.outcomes]


def test_the_metric_is_the_initiatives_own_measure() -> None:
    text = "今年以来，诉前调解案件520件，调撤成功率达34%。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(520.0, "诉前调解"), (34.0, "诉前调解")]


def test_the_sentence_credits_the_initiative_before_the_figure() -> None:
    text = "该院推行繁简分流改革，平均审理天数缩短至20天。"
    assert linked(text, {"繁简分流": ["繁简分流"]}) == [(20.0, "繁简分流")]


def test_a_figure_continues_the_measure_before_it() -> None:
    text = "诉前调解案件300件，办理速裁案件200件，平均审理时长9.5天。"
    got = linked(text, {"诉前调解": ["诉前调解"], "速裁程序": ["速裁案件"]})
    assert got == [(300.0, "诉前调解"), (200.0, "速裁程序"), (9.5, "速裁程序")]


def test_another_figures_measure_credits_nothing_before_it() -> None:
    text = "记者了解到，上半年新收案件1000件，诉前调解成功案件400件。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(1000.0, None), (400.0, "诉前调解")]


def test_a_plain_caseload_in_an_overview_paragraph_stays_unlinked() -> None:
    text = "该院持续推进诉源治理工作。今年新收民事案件3000件，同比增长5%，诉源治理化解纠纷200件。"
    got = linked(text, {"诉源治理": ["诉源治理"]})
    assert got == [(3000.0, None), (5.0, None), (200.0, "诉源治理")]


def test_an_earlier_sentence_of_the_paragraph_credits_the_figure() -> None:
    text = "一是落实法官进网格制度。组织干警走访群众，将80名干警编入网格。"
    assert linked(text, {"法官进网格": ["法官进网格"]}) == [(80.0, "法官进网格")]


def test_a_new_item_of_an_enumeration_does_not_continue_the_last() -> None:
    text = "一是推行繁简分流，简案平均审理12天。二是加强队伍建设，全年培训干警300人次。"
    assert linked(text, {"繁简分流": ["繁简分流"]}) == [(12.0, "繁简分流"), (300.0, None)]


def test_a_sentence_listing_several_mechanisms_credits_none() -> None:
    text = "推进诉源治理、繁简分流和网上立案。全院提拔干部13人，网上立案率达90%。"
    names = {"诉源治理": ["诉源治理"], "繁简分流": ["繁简分流"], "网上立案": ["网上立案"]}
    assert linked(text, names) == [(13.0, None), (90.0, "网上立案")]


def test_figures_of_one_clause_each_own_their_words() -> None:
    text = "全市26家法庭实现五化、9家获评示范法庭。"
    got = linked(text, {"五化人民法庭建设": ["五化"], "示范人民法庭创建": ["示范法庭"]})
    assert got == [(26.0, "五化人民法庭建设"), (9.0, "示范人民法庭创建")]


def test_the_counted_noun_is_the_measure() -> None:
    text = "该院在诉调对接中心配置了2个速裁团队。"
    got = linked(text, {"诉调对接": ["诉调对接"], "速裁团队": ["速裁团队"]})
    assert got == [(2.0, "速裁团队")]


def test_a_lead_in_paragraph_credits_the_results_below_it() -> None:
    text = (
        "标题\n某法院作为驻院调解的试点法院，先试先行，取得显著成效。\n今年新收案件较去年下降45%。"
    )
    assert linked(text, {"人民调解员驻院调解": ["驻院调解"]}) == [(45.0, "人民调解员驻院调解")]


def test_a_name_after_the_figure_credits_it_when_the_text_says_so() -> None:
    text = "收案数同比下降7.6%，诉源治理成效明显。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(7.6, "诉源治理")]
    text = "办结案件36件，团贷网案一审宣判。"
    assert linked(text, {"团贷网": ["团贷网"]}) == [(36.0, None)]


def test_a_name_with_a_word_put_between_its_halves() -> None:
    text = "该院组建了速裁审判团队，当年审结案件800件。另设速裁团队。"
    assert linked(text, {"速裁团队": ["速裁团队"]}) == [(800.0, "速裁团队")]


def test_a_total_before_its_parts_counts_for_their_measure() -> None:
    text = "全市共有法庭13家，其中12家达到五化标准。"
    assert linked(text, {"五化人民法庭建设": ["五化"]}) == [
        (13.0, "五化人民法庭建设"),
        (12.0, "五化人民法庭建设"),
    ]


def test_the_team_that_does_the_work_is_more_specific_than_its_kind_of_case() -> None:
    text = "该院组建速裁团队3个，共受理速裁案件900件，调撤率30%。"
    names = {"速裁团队": ["速裁团队"], "速裁程序": ["速裁案件"]}
    assert linked(text, names) == [(3.0, "速裁团队"), (900.0, "速裁团队"), (30.0, "速裁团队")]


def test_a_whole_courts_caseload_is_not_credited_to_the_initiative_before_it() -> None:
    text = "乙县法院推行网上立案，全年共受理各类案件3000件，同比增长5%。"
    assert linked(text, {"网上立案": ["网上立案"]}) == [(3000.0, None), (5.0, None)]
    text = "乙县法院推行速裁程序，共审结速裁案件200件。"
    assert linked(text, {"速裁程序": ["速裁程序", "速裁案件"]}) == [(200.0, "速裁程序")]


def test_each_link_names_the_rule_that_made_it() -> None:
    from ingest.confidence import apply

    text = "乙县法院推行繁简分流，平均审理天数缩短至20天。诉前调解案件300件。"
    refs = []
    for name in ("繁简分流", "诉前调解"):
        i = text.find(name)
        refs.append(
            InitiativeRef(
                name=name,
                mentions=[name],
                evidence=[Evidence(sentence=name, start=i, end=i + len(name), quote=name)],
            )
        )
    outcomes = [
        OutcomeRef(
            unit="",
            metric=h.metric,
            value=h.value,
            unit_of_measure=h.unit_of_measure,
            text=text[h.text_start : h.text_end],
            evidence=[Evidence(text[h.text_start : h.text_end], h.text_start, h.text_end)],
        )
        for h in find_outcomes(text)
    ]
    ex = Extraction(SourceDocument(path="t.txt", text=text), initiatives=refs, outcomes=outcomes)
    link_outcomes(ex)
    assert [(o.value, o.link_rule) for o in ex.outcomes] == [
        (20.0, "link:sentence"),
        (300.0, "link:own-words"),
    ]
    table = {"link": {"*": {"n": 10, "tp": 5}, "link:own-words": {"n": 50, "tp": 50}}}
    apply(ex, table, floor={})  # confidence only; the floor has its own test
    conf = {o.link_rule: o.link_confidence for o in ex.outcomes}
    assert conf["link:own-words"] is not None and conf["link:sentence"] is not None
    assert conf["link:own-words"] > conf["link:sentence"]


def test_a_change_belongs_to_the_figure_it_changes() -> None:
    text = "全年法院诉前调解结案12万余件，同比上升20.5%。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(120000.0, "诉前调解"), (20.5, "诉前调解")]


def test_the_next_figures_of_one_measure_follow_it_past_a_list() -> None:
    text = "依托平台开展诉前调解、律师调解、司法确认等工作，在线调解案件300件，调解成功280件，成功率93.3%。"
    names = {
        "诉前调解": ["诉前调解"],
        "律师调解": ["律师调解"],
        "司法确认": ["司法确认"],
        "在线调解": ["在线调解"],
    }
    assert linked(text, names) == [(300.0, "在线调解"), (280.0, "在线调解"), (93.3, "在线调解")]


def test_a_semicolon_ends_what_a_name_credits() -> None:
    text = "落实信访工作法，接待来访3000件次；加强包案，化解信访积案60件；发出司法建议200份，反馈率95%。"
    got = linked(text, {"信访工作法": ["信访工作法"]})
    assert got == [(3000.0, "信访工作法"), (60.0, None), (200.0, None), (95.0, None)]


def test_an_anaphor_points_at_the_initiative_named_before() -> None:
    text = "甲法院推行“以保促调”机制。\n该机制推行以来，审理周期缩短5天，挽回损失300余万元。"
    got = linked(text, {"以保促调": ["以保促调"]})
    assert got == [(5.0, "以保促调"), (300.0, "以保促调")]
    far = "甲法院推行“以保促调”机制。\n其他段落。\n又一段落。\n该机制推行以来，审理周期缩短5天。"
    assert linked(far, {"以保促调": ["以保促调"]}) == [(5.0, None)]


def test_a_caseload_after_a_sentence_naming_its_means() -> None:
    text = "乙法院依托“解纷联动链”，推动纠纷源头化解。今年新收案件5000件，同比下降30%。"
    got = linked(text, {"解纷联动链": ["解纷联动链"]})
    assert got == [(5000.0, "解纷联动链"), (30.0, "解纷联动链")]


def test_a_body_or_a_policy_named_is_credited_with_nothing() -> None:
    text = "成立多元化解机制领导小组。出台制度文件15个。"
    assert linked(text, {"多元化解机制": ["多元化解机制"]}) == [(15.0, None)]
    text = "按照上级打造“甲品牌”要求，建成工作站30个。"
    assert linked(text, {"甲品牌": ["甲品牌"]}) == [(30.0, None)]


def test_a_name_with_since_credits_the_rest_of_its_paragraph() -> None:
    text = (
        "“快审”机制推行以来，效率明显提升。法官更加专注。简案平均审理9天，调撤率达60%。\n另一段。"
    )
    got = linked(text, {"快审": ["快审"]})
    assert got == [(9.0, "快审"), (60.0, "快审")]


def test_a_figure_with_its_own_words_takes_the_sentences_credit() -> None:
    text = "自送达中心运行以来，电子送达成功率达92%，转交邮寄2400件。"
    got = linked(text, {"集约送达": ["送达中心"], "电子送达": ["电子送达"]})
    assert got == [(92.0, "电子送达"), (2400.0, "集约送达")]


def test_a_name_in_full_outranks_the_stem_of_another() -> None:
    text = "甲县法院建立繁简分流机制。两年来，全院繁简分流到诉前调解解决900件。"
    got = linked(text, {"繁简分流机制": ["繁简分流机制"], "诉前调解": ["诉前调解"]})
    assert got == [(900.0, "诉前调解")]


def test_a_bare_caseload_is_not_credited_by_the_sentence_before() -> None:
    text = "该院不断强化诉源治理。2023年民商事案件4100件，诉前调解成功率达70%。"
    got = linked(text, {"诉源治理": ["诉源治理"], "诉前调解": ["诉前调解"]})
    assert got == [(4100.0, None), (70.0, "诉前调解")]


def test_a_figure_summing_a_list_of_activities_is_none_of_theirs() -> None:
    text = "今年，流动法庭共开展巡回审判、法治宣传、上门立案300余次。"
    got = linked(text, {"流动法庭": ["流动法庭"], "巡回审判": ["巡回审判"]})
    assert got == [(300.0, "流动法庭")]


def test_the_one_initiative_an_item_is_about_credits_its_later_figures() -> None:
    text = "二是推行电子送达。该院上线送达平台，方便群众。今年以来，送达成功率达85%。三是加强队伍建设。全年培训干警300人次。"
    assert linked(text, {"电子送达": ["电子送达"]}) == [(85.0, "电子送达"), (300.0, None)]


def test_a_paragraph_naming_two_initiatives_credits_no_later_figure() -> None:
    text = "该院推进繁简分流，完善诉调对接。法官每月进村。全年接待群众3000人次。"
    names = {"繁简分流": ["繁简分流"], "诉调对接": ["诉调对接"]}
    assert linked(text, names) == [(3000.0, None)]


def test_a_falling_caseload_is_the_measure_of_source_governance() -> None:
    text = "该院大力推进诉源治理。今年新收民事案件3000件，同比下降12.5%。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(3000.0, "诉源治理"), (12.5, "诉源治理")]
    text = "该院探索多元化解新模式，全年收案同比下降9%。"
    assert linked(text, {"多元化解": ["多元化解"]}) == [(9.0, "多元化解")]
    # a rising caseload is no result of it, nor a falling one of a practice of another kind
    text = "该院大力推进诉源治理。今年新收民事案件3000件，同比增长5%。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(3000.0, None), (5.0, None)]
    text = "该院推行电子送达。今年新收民事案件3000件，同比下降5%。"
    assert linked(text, {"电子送达": ["电子送达"]}) == [(3000.0, None), (5.0, None)]


def test_the_means_named_after_the_figure() -> None:
    text = "全年化解纠纷1200件，主要通过诉前调解实现。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(1200.0, "诉前调解")]


def test_the_means_credits_a_count_whose_words_name_the_other_only_as_a_place() -> None:
    text = "依托“三进”机制，入驻调解平台的基层单位数量达到560家。"
    names = {"三进机制": ["“三进”机制"], "调解平台": ["调解平台"]}
    assert linked(text, names) == [(560.0, "三进机制")]


def test_an_article_about_one_initiative_credits_its_figures_to_it() -> None:
    text = "该院推行轻刑快办。轻刑快办覆盖全院。\n轻刑快办让案件提速。\n今年以来，快审率约27%，平均审理5天。"
    assert linked(text, {"轻刑快办": ["轻刑快办"]}) == [(27.0, "轻刑快办"), (5.0, "轻刑快办")]
    # named once, it is no article's topic
    text = "该院推行轻刑快办。\n今年以来，全院上下团结一心。\n干警加班加点，快审率约27%。"
    assert linked(text, {"轻刑快办": ["轻刑快办"]}) == [(27.0, None)]


def test_the_next_sentence_credits_the_figures_before_it() -> None:
    text = "今年以来，该院共化解纠纷1200件，同比下降8%。这得益于该院推行的诉前调解机制。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(1200.0, "诉前调解"), (8.0, "诉前调解")]
    text = "今年以来，该院共化解纠纷1200件。该院还推行诉前调解机制。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(1200.0, None)]


def test_a_name_leads_no_figure_past_figures_of_other_initiatives() -> None:
    text = "该院推进审判改革试点，聘请特邀调解员120名，配备调解室35间。"
    assert linked(text, {"审判改革": ["审判改革"], "特邀调解": ["特邀调解"]}) == [
        (120.0, "特邀调解"),
        (35.0, None),
    ]
    # …以来 / 至今 after the name: it credits every figure that follows
    text = "自甲中心运行至今，电子送达成功率达90%，转交邮寄300件。"
    assert linked(text, {"甲中心": ["甲中心"], "电子送达": ["电子送达"]}) == [
        (90.0, "电子送达"),
        (300.0, "甲中心"),
    ]


def test_a_courts_asset_figures_are_a_caseload_and_a_nested_name_is_one_practice() -> None:
    text = "二是推进甲治理。全年结收比为98%，扣押船舶30艘。"
    assert linked(text, {"甲治理": ["甲治理"]}) == [(98.0, None), (30.0, None)]
    text = "该院推行乙诉前调解机制，为诉前化解提速。今年以来，新收案件同比下降20%。"
    got = linked(text, {"乙诉前调解机制": ["乙诉前调解机制"], "诉前调解": ["诉前化解"]})
    assert got == [(20.0, "乙诉前调解机制")]


def test_the_quoted_brand_of_the_sentence_over_the_generic_name_it_contains() -> None:
    text = "该院设立30个诉前调解室、12个联系点，共建“四方联动”诉前调解网络。"
    got = linked(
        text, {"诉前调解": ["诉前调解"], "“四方联动”诉前调解网络": ["“四方联动”诉前调解网络"]}
    )
    assert got == [(30.0, "“四方联动”诉前调解网络"), (12.0, "“四方联动”诉前调解网络")]
    # in another sentence the generic name keeps its own measure
    text = "今年诉前调解成功率达90%。该院共建“四方联动”诉前调解网络。"
    brand = "“四方联动”诉前调解网络"
    assert linked(text, {"诉前调解": ["诉前调解"], brand: [brand]}) == [(90.0, "诉前调解")]


def test_a_caseload_of_the_kind_of_case_a_named_reform_is_about() -> None:
    text = "深入推进涉诉信访工作机制改革，全年化解涉诉信访积案800件。"
    assert linked(text, {"涉诉信访工作机制改革": ["涉诉信访工作机制改革"]}) == [
        (800.0, "涉诉信访工作机制改革")
    ]
    text = "深入推进审判管理改革，全年新收案件800件。"
    assert linked(text, {"审判管理改革": ["审判管理改革"]}) == [(800.0, None)]


def test_a_name_does_not_reach_past_a_clause_of_another_action() -> None:
    text = "该院创新“甲服务岗”机制，加强司法交流协作，接收实习生30人。"
    assert linked(text, {"“甲服务岗”机制": ["“甲服务岗”机制"]}) == [(30.0, None)]
    text = "该院创新“甲服务岗”机制，接收实习生30人。"
    assert linked(text, {"“甲服务岗”机制": ["“甲服务岗”机制"]}) == [(30.0, "“甲服务岗”机制")]


def test_documents_issued_are_not_credited_by_the_sentence_before() -> None:
    text = "该院把甲机制作为重点工程推进。出台12个制度文件，规范工作流程。"
    assert linked(text, {"甲机制": ["甲机制"]}) == [(12.0, None)]
    text = "该院推进甲机制建设。全年化解纠纷300件。"
    assert linked(text, {"甲机制": ["甲机制"]}) == [(300.0, "甲机制")]


def test_a_court_wide_quality_indicator_is_credited_to_nothing_before_it() -> None:
    text = "该院深化判后答疑工作，审结民事案件800件，服判息诉率达95%，一审案件上诉仅20件。"
    got = linked(text, {"判后答疑": ["判后答疑"]})
    assert got == [(800.0, None), (95.0, None), (20.0, None)]


def test_a_quality_indicator_of_the_initiative_is_its_measure() -> None:
    text = "今年以来，速裁案件服判息诉率达98%。"
    assert linked(text, {"速裁程序": ["速裁案件"]}) == [(98.0, "速裁程序")]


def test_the_quoted_brand_of_the_paragraph_over_a_generic_practice_it_uses() -> None:
    text = "该院推行“法院+综治中心”调解机制。今年以来，向综治中心委派调解300件，调解成功120件。"
    names = {"“法院+综治中心”调解机制": ["“法院+综治中心”调解机制"], "委派调解": ["委派调解"]}
    brand = "“法院+综治中心”调解机制"
    assert linked(text, names) == [(300.0, brand), (120.0, brand)]


def test_the_units_of_a_generic_initiative_stay_its_own() -> None:
    text = "该院推行“甲乙联动”调解机制，对接综治中心。今年以来，设置法官工作站13个。"
    names = {"“甲乙联动”调解机制": ["“甲乙联动”调解机制"], "法官工作站": ["法官工作站"]}
    assert linked(text, names) == [(13.0, "法官工作站")]


def test_an_unquoted_name_before_does_not_take_a_generic_practices_cases() -> None:
    text = "该院深化诉源治理，对接综治中心。今年以来，委派调解300件。"
    names = {"诉源治理": ["诉源治理"], "委派调解": ["委派调解"]}
    assert linked(text, names) == [(300.0, "委派调解")]


def test_a_fall_in_cases_right_after_source_governance_past_a_list() -> None:
    text = "该院落实甲制度，依托乙平台，深化诉源治理，一审民事案件降幅达9.5%。"
    names = {"甲制度": ["甲制度"], "乙平台": ["乙平台"], "诉源治理": ["诉源治理"]}
    assert linked(text, names) == [(9.5, "诉源治理")]


def test_a_fall_in_cases_of_a_later_period_in_a_source_governance_paragraph() -> None:
    text = "该院深化诉源治理。上年收案数量首次回落；今年上半年新收案件900件，同比下降20%。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(900.0, "诉源治理"), (20.0, "诉源治理")]


def test_a_rise_in_cases_after_source_governance_is_no_result() -> None:
    text = "该院落实甲制度，依托乙平台，深化诉源治理，一审民事案件增幅达9.5%。"
    names = {"甲制度": ["甲制度"], "乙平台": ["乙平台"], "诉源治理": ["诉源治理"]}
    assert linked(text, names) == [(9.5, None)]


def test_the_standard_measure_of_an_initiative_credits_it() -> None:
    text = "该院推进诉源治理，健全甲机制，全市万人成讼案件120件，比全省平均数少30件。"
    names = {"诉源治理": ["诉源治理"], "甲机制": ["甲机制"]}
    assert linked(text, names) == [(120.0, "诉源治理"), (30.0, "诉源治理")]


def test_a_name_in_a_meetings_title_credits_nothing() -> None:
    text = "该院召开甲联动机制座谈会，当场化解来访矛盾，来访量从500余人次减少到几十人次。"
    assert linked(text, {"甲联动机制": ["甲联动机制"]}) == [(500.0, None)]


def test_the_initiative_the_next_clause_says_the_figures_built() -> None:
    text = "该院接收高校实习生6批40人，打造涉外人才培养基地。"
    got = linked(text, {"涉外人才培养基地": ["涉外人才培养基地"]})
    assert got == [(6.0, "涉外人才培养基地"), (40.0, "涉外人才培养基地")]


def test_a_clause_after_a_series_builds_of_the_whole_series() -> None:
    text = "在城区设立3个中心；在乡镇设立12个工作站，构建甲联动机制。"
    assert linked(text, {"甲联动机制": ["甲联动机制"]}) == [(3.0, None), (12.0, None)]


def test_an_honour_before_takes_no_generic_practices_cases() -> None:
    text = "该院获评“全国法院先进集体”。今年以来，委派调解300件。"
    names = {"“全国法院先进集体”": ["“全国法院先进集体”"], "委派调解": ["委派调解"]}
    assert linked(text, names) == [(300.0, "委派调解")]


def test_a_quoted_brand_of_the_paragraph_holding_the_figures_words_is_more_specific() -> None:
    text = "该院推行“分流+速裁”机制，效果明显。去年前端速裁法官人均结案900件，巡查30次。"
    got = linked(text, {"分流+速裁": ["分流+速裁"], "速裁团队": ["速裁法官"]})
    assert got[0] == (900.0, "分流+速裁")
    # an unquoted name that holds the words is no brand
    text = "该院推行分流加速裁机制，效果明显。去年前端速裁法官人均结案900件。"
    got = linked(text, {"分流加速裁": ["分流加速裁"], "速裁团队": ["速裁法官"]})
    assert got == [(900.0, "速裁团队")]


def test_a_later_item_of_a_list_is_not_the_figures_measure() -> None:
    text = "该院通过简易程序、速裁程序结案3000件。"
    assert linked(text, {"速裁程序": ["速裁程序"]}) == [(3000.0, None)]
    text = "该院派出60名干警、特邀调解员和退休法官进驻中心。"
    assert linked(text, {"特邀调解": ["特邀调解员"]}) == [(60.0, None)]
    # the noun counted right before the figure stays its measure
    text = "设置法官工作站13个、法官工作室79个。"
    assert linked(text, {"法官工作站": ["法官工作站", "法官工作室"]}) == [
        (13.0, "法官工作站"),
        (79.0, "法官工作站"),
    ]


def test_a_paragraph_opening_on_a_practice_credits_its_later_unnamed_figures() -> None:
    text = (
        "该院探索建立“一庭一站”工作机制，构筑一体化解纷体系。该院在各村设立法官工作室，"
        "推动诉前调解。同时，该院定期开展普法活动。今年以来，共走访群众500余户，排查纠纷60余起。"
    )
    inits = {"一庭一站": ["一庭一站"], "法官工作站": ["法官工作室"], "诉前调解": ["诉前调解"]}
    assert linked(text, inits) == [(500.0, "一庭一站"), (60.0, "一庭一站")]
    # an enumerated paragraph (一是…二是…) credits each item its own, not the opening
    text = (
        "该院探索建立“一庭一站”工作机制。一是在各村设立法官工作室，推动诉前调解。"
        "二是定期开展普法活动。今年以来，共走访群众500余户。"
    )
    assert linked(text, inits) == [(500.0, None)]


def test_each_item_of_a_list_of_places_set_up_counts_its_own() -> None:
    # 9 is the second figure, not half of the first one
    text = "该院建立法官工作室18个、挂牌服务基地9个。"
    inits = {"法官工作站": ["法官工作室"], "服务基地": ["服务基地"]}
    assert linked(text, inits) == [(18.0, "法官工作站"), (9.0, "服务基地")]
    # a second figure of the same value counts the thing after it, not the first one's
    text = "该庭增设3个巡回审判点、3个便民服务站，方便群众诉讼。"
    assert linked(text, {"巡回审判": ["巡回审判点"]}) == [(3.0, "巡回审判"), (3.0, None)]
    # unless the sentence says the items make up one brand
    text = "该院设立12个诉前调解室、8个便民联系点，共建“三方联动”诉前调解网络。"
    inits = {"诉前调解": ["诉前调解"], "“三方联动”诉前调解网络": ["“三方联动”诉前调解网络"]}
    got = linked(text, inits)
    assert got[1] == (8.0, "“三方联动”诉前调解网络")


def test_a_sentence_opening_on_a_practice_credits_its_unnamed_figures() -> None:
    inits = {"法官工作站": ["法官工作站"], "巡回审判": ["巡回审判"]}
    text = "法官工作站成立以来，调解案件200余件，开展巡回审判70余次，接受法律咨询500多次。"
    assert linked(text, inits) == [(200.0, "法官工作站"), (70.0, "巡回审判"), (500.0, "法官工作站")]
    # the means a sentence opens with, past the practices used under it
    inits = {"“一村一员”机制": ["“一村一员”机制"], "法官进网格": ["法官进网格"], "点单": ["点单"]}
    text = "该院依托“一村一员”机制，通过法官进网格走访，搭建点单平台，累计收集意见建议120条。"
    assert linked(text, inits) == [(120.0, "“一村一员”机制")]
    # a caseload is still no result of it
    text = "该院依托“一村一员”机制，新收案件同比下降5%。"
    assert linked(text, {"“一村一员”机制": ["“一村一员”机制"]}) == [(5.0, None)]


def test_a_figure_of_litigation_is_no_result_of_a_practice_before_it() -> None:
    inits = {"诉前调解": ["诉前调解"]}
    text = "该院共审结案件3000件，其中诉前调解成功案件500件，诉讼调撤成功案件1200件。"
    got = linked(text, inits)
    assert (500.0, "诉前调解") in got and (1200.0, None) in got
    # a fall of the cases filed is still the measure of work that keeps disputes out of court
    text = "该院大力推行诉前调解，新收一审诉讼案件同比下降13%。"
    assert linked(text, inits) == [(13.0, "诉前调解")]


def test_people_counted_with_work_of_their_own_are_no_attribute_of_the_figure_before() -> None:
    inits = {"特邀调解": ["特邀调解员"]}
    text = "该院选聘60名特邀调解员和60名法律事务助理分配到各基层法院开展工作。"
    assert linked(text, inits) == [(60.0, "特邀调解"), (60.0, None)]
    inits = {"无讼村居创建": ["无讼村居"]}
    text = "该院参与12个无讼村居建设，选派300名法官深入基层开展普法宣传。"
    assert linked(text, inits) == [(12.0, "无讼村居创建"), (300.0, None)]


def test_the_winners_of_an_honour_are_counted_not_credited_to_it() -> None:
    text = (
        "省里表彰“全省模范法庭”。授予甲县法庭等12个单位“全省模范法庭”称号，"
        "5家基层法庭入选“全省模范法庭”名单，“全省模范法庭”评选每两年一次。"
    )
    got = linked(text, {"全省模范法庭": ["“全省模范法庭”"]})
    # (授予…等12个单位 is the set the awarding body honours: no result of anyone's, so no
    # figure at all; the 5 that entered the list count the honoured, which the corpus's
    # annotators credit to the honour: link:honour-counted)
    assert got == [(5.0, "全省模范法庭")]


def test_an_honour_credits_no_figure_after_it() -> None:
    text = "该院荣获“集体二等功”，全年送法下乡120次。"
    assert linked(text, {"集体二等功": ["“集体二等功”"]}) == [(120.0, None)]
    # a place called 红旗 names no honour
    text = "红旗街道推行“红旗调解”机制，化解纠纷300件。"
    assert linked(text, {"“红旗调解”机制": ["“红旗调解”机制"]}) == [(300.0, "“红旗调解”机制")]


def test_honours_counted_are_no_result_of_the_practice_before() -> None:
    text = "该院深入推进乡村法官工作室建设。近三年，法庭干警共获得6项省级荣誉表彰。"
    assert linked(text, {"乡村法官工作室": ["乡村法官工作室"]}) == [(6.0, None)]


def test_a_parallel_item_naming_its_own_noun_is_no_part_of_the_total() -> None:
    text = "今年共上门立案120件，巡回审判80件。"
    assert linked(text, {"巡回审判": ["巡回审判"]}) == [(120.0, None), (80.0, "巡回审判")]
    # a part that leaves the noun unsaid still gives the total its measure
    text = "全县总计9家法庭，7家建成智慧法庭。"
    assert linked(text, {"智慧法庭": ["智慧法庭"]}) == [(9.0, "智慧法庭"), (7.0, "智慧法庭")]


def test_a_later_figure_with_words_of_its_own_reports_on_the_brand() -> None:
    text = (
        "该院推行“甲乙联调”机制。今年以来，该院委派调解案件300件，物业纠纷平均调处周期缩短至10天。"
    )
    names = {"“甲乙联调”机制": ["“甲乙联调”机制"], "委派调解": ["委派调解"]}
    assert linked(text, names) == [(300.0, "委派调解"), (10.0, "“甲乙联调”机制")]


def test_a_guiding_principle_is_credited_with_no_figure() -> None:
    text = "该院坚持新时代“枫桥经验”，深化基层治理，持续践行新时代“枫桥经验”。全年化解纠纷300件，弘扬新时代“枫桥经验”。"
    assert linked(text, {"新时代枫桥经验": ["新时代“枫桥经验”"]}) == [(300.0, None)]


def test_a_fall_of_cases_filed_belongs_to_the_source_governance_dwelt_on() -> None:
    text = (
        "该院坚持新时代“枫桥经验”，深入推进诉源治理，形成诉源治理大格局。"
        "今年新收民事案件3000件，同比下降8%；新收行政案件60件，同比下降5%。"
    )
    names = {"新时代枫桥经验": ["新时代“枫桥经验”"], "诉源治理": ["诉源治理"]}
    got = linked(text, names)
    assert got == [(3000.0, "诉源治理"), (8.0, "诉源治理"), (60.0, "诉源治理"), (5.0, "诉源治理")]


def test_a_local_brand_of_source_governance_is_the_more_specific() -> None:
    text = "该院创建“三端”诉源治理工作法，推动诉源治理提质。今年新收案件同比下降9%。"
    names = {"“三端”工作法": ["“三端”诉源治理工作法"], "诉源治理": ["诉源治理提质"]}
    assert linked(text, names) == [(9.0, "“三端”工作法")]


def test_a_source_governance_named_once_among_others_credits_no_caseload() -> None:
    text = "该院坚持新时代“枫桥经验”，深化诉源治理，狠抓前端。今年受理案件2000件，同比下降6%。"
    got = linked(text, {"新时代枫桥经验": ["新时代“枫桥经验”"], "诉源治理": ["诉源治理"]})
    assert got == [(2000.0, None), (6.0, None)]


def test_a_result_reported_before_credits_no_fall_of_cases() -> None:
    text = "全年诉前调解成功纠纷800件，调解成功率60%；新收民事案件同比下降7%。"
    got = linked(text, {"诉前调解": ["诉前调解"]})
    assert got == [(800.0, "诉前调解"), (60.0, "诉前调解"), (7.0, None)]


def test_a_result_the_text_says_brought_the_fall_credits_it() -> None:
    text = "该院把诉前调解挺在前面，诉前调解成功纠纷800件。结果，新收民事案件同比下降7%。"
    got = linked(text, {"诉前调解": ["诉前调解"]})
    assert got == [(800.0, "诉前调解"), (7.0, "诉前调解")]


def test_a_court_title_is_credited_only_with_the_count_of_its_holders() -> None:
    text = "全市3个法庭入选“枫桥式人民法庭”。该庭创建“枫桥式人民法庭”以来，走访企业40家。"
    got = linked(text, {"枫桥式人民法庭": ["“枫桥式人民法庭”"]})
    assert got == [(3.0, "枫桥式人民法庭"), (40.0, None)]


def test_a_figure_naming_two_parts_of_a_compound_brand_is_its_output() -> None:
    text = "该院健全“多元调解+速裁”机制，推进诉前调解、诉源治理。全年调解成功案件与速裁结案9000件。"
    names = {
        "多元调解+速裁": ["“多元调解+速裁”机制"],
        "诉前调解": ["诉前调解"],
        "诉源治理": ["诉源治理"],
    }
    assert linked(text, names) == [(9000.0, "多元调解+速裁")]


def test_one_part_of_a_compound_brand_is_not_enough() -> None:
    text = "该院推行“诉前调解+司法确认”机制，完善诉讼服务、诉源治理。全年速裁结案900件。"
    names = {"诉前调解+司法确认": ["“诉前调解+司法确认”机制"], "诉源治理": ["诉源治理"]}
    assert linked(text, names) == [(900.0, None)]


def test_a_parallel_item_about_another_court_takes_no_credit_from_the_one_before() -> None:
    text = "甲区法院推行“云调解”机制，调解案件500件；乙县法院累计调解案件321件。"
    got = linked(text, {"云调解": ["“云调解”机制"]})
    assert got == [(500.0, "云调解"), (321.0, None)]


def test_an_earlier_sentences_brand_does_not_outrank_the_figures_own_words() -> None:
    text = "该院创新“一站两员”工作模式，推动纠纷就地化解。全年诉前调解成功案件800件，平均化解周期缩短至12天。"
    names = {"“一站两员”工作模式": ["“一站两员”工作模式"], "诉前调解": ["诉前调解"]}
    assert linked(text, names) == [(800.0, "诉前调解"), (12.0, "“一站两员”工作模式")]


def test_an_earlier_brand_holds_where_the_figure_names_its_parts() -> None:
    text = "该县推行“法院+综治中心”联动调解机制。全年县法院向综治中心委派调解600件。"
    brand = "“法院+综治中心”联动调解机制"
    names = {brand: [brand], "委派调解": ["委派调解"]}
    assert linked(text, names) == [(600.0, brand)]


def test_a_court_and_a_centre_name_no_part_of_a_compound_brand() -> None:
    text = (
        "该县推行“法院+综治中心”机制，整合力量化解纠纷。群众反映良好，社会治理水平提高。\n"
        "全年法院诉讼服务中心接待群众900人次。"
    )
    names = {"“法院+综治中心”机制": ["“法院+综治中心”机制"]}
    assert linked(text, names) == [(900.0, None)]


def test_a_clause_opening_on_a_means_through_a_court_is_no_court_item() -> None:
    text = "该院推行“云调解”机制，调解案件500件；通过法院调解平台化解纠纷321件。"
    got = linked(text, {"云调解": ["“云调解”机制"]})
    assert got == [(500.0, "云调解"), (321.0, "云调解")]


def test_a_new_part_after_a_semicolon_is_not_the_name_before() -> None:
    text = "今年以来，该院建设智慧法庭平台，提供网上服务3000次；开展普法宣传120场，发放资料800份。"
    got = linked(text, {"智慧法庭平台": ["智慧法庭平台"]})
    assert got == [(3000.0, "智慧法庭平台"), (120.0, None), (800.0, None)]


def test_a_part_after_a_semicolon_that_goes_on_with_the_work_keeps_it() -> None:
    text = "该院推行驻院调解，驻院调解结案500件；民事案件调解率达45%。"
    got = linked(text, {"驻院调解": ["驻院调解"]})
    assert got == [(500.0, "驻院调解"), (45.0, "驻院调解")]


def test_an_article_about_one_initiative_credits_no_caseload_series() -> None:
    # the measure is named once before a series of bare yearly figures and their changes
    text = (
        "该院受理案件数量每年增长10%以上。\n2019年，3000件；\n2020年，3500件，比上年增加500件。\n"
        "该院推进共享法庭建设，共享法庭覆盖各镇，共享法庭调解纠纷200件。"
    )
    got = linked(text, {"共享法庭": ["共享法庭"]})
    assert got == [(10.0, None), (3000.0, None), (3500.0, None), (500.0, None), (200.0, "共享法庭")]


def test_an_article_about_source_governance_credits_it_with_fewer_cases_filed() -> None:
    text = (
        "2022年，全市法院受案数为4000件，比上年减少了300件。\n改变受案数的是诉源治理。\n"
        "该院深化诉源治理，形成诉源治理格局。"
    )
    got = linked(text, {"诉源治理": ["诉源治理"]})
    # the count of the cases filed goes with its fall (link:source-article)
    assert got == [(4000.0, "诉源治理"), (300.0, "诉源治理")]


def test_no_sentence_before_credits_a_court_wide_rate() -> None:
    text = "该院推行诉前调解，诉前调解成功纠纷500件。全院民事案件调撤率达60%，各项指标达标率100%。"
    got = linked(text, {"诉前调解": ["诉前调解"]})
    assert got == [(500.0, "诉前调解"), (60.0, None), (100.0, None)]
    # its own sentence still may
    text = "法庭对有意愿的当事人开展诉前调解，大量纠纷在诉前化解，案件调撤率超过80%。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(80.0, "诉前调解")]


def test_the_money_enforcement_recovered_is_the_whole_courts() -> None:
    text = "该院举行“暖心行动”案款集中发放活动。全年全市法院发放执行款98亿元，执行到位金额76亿元。"
    got = linked(text, {"暖心行动": ["暖心行动"]})
    assert got == [(98.0, None), (76.0, None)]


def test_a_fall_of_cases_its_sentence_calls_a_result_at_the_source() -> None:
    text = "该院创新推出“三联”诉前解纷工作法。2024年，法庭收案数同比下降20%，源头减讼效果显现。"
    got = linked(text, {"三联诉前解纷工作法": ["“三联”诉前解纷工作法"]})
    assert got == [(20.0, "三联诉前解纷工作法")]
    text = (
        "2022年，全县法庭受理案件数同比下降10%；2023年，同比下降5%……"
        "这是各法庭推进源头化解取得的成效。"
    )
    assert linked(text, {"诉源治理": ["源头化解"]}) == [(10.0, "诉源治理"), (5.0, "诉源治理")]


def test_a_quoted_brand_before_is_not_given_the_whole_fall_in_filings() -> None:
    # a system or a room a court opened is not what brought its whole caseload down
    text = "甲县人民法院上线“甲县智审”系统。全年新收案件同比下降8%，从源头减少纠纷的成效初显。"
    assert linked(text, {"甲县智审系统": ["“甲县智审”系统"]}) == [(8.0, None)]
    text = "该院在乙镇设立“老周调解室”。2023年，全院新收案件同比下降12%，纠纷源头化解取得成效。"
    assert linked(text, {"老周调解室": ["“老周调解室”"]}) == [(12.0, None)]


def test_a_body_named_by_a_shorter_form() -> None:
    # its name with a word left out
    text = "该院组建金融案件审判团队。截至目前，金融审判团队结案超过3万件。"
    got = linked(text, {"金融案件审判团队": ["金融案件审判团队"], "诉源治理": []})
    assert got == [(30000.0, "金融案件审判团队")]
    # its head alone as the means, after its full name in the paragraph
    text = "法院设立了消费纠纷调解工作室，每年通过工作室诉前调解成功100余件纠纷。"
    names = {"消费纠纷调解工作室": ["消费纠纷调解工作室"], "诉前调解": ["诉前调解"]}
    assert linked(text, names) == [(100.0, "消费纠纷调解工作室")]


def test_a_courts_output_is_no_result_of_a_practice_before_it() -> None:
    text = "该院推行诉前调解。法官人均结案225件，全院审结6577件，同比下降24%。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(225.0, None), (6577.0, None), (24.0, None)]
    text = "通过“流动法庭”，纠纷就地化解。该庭法官人均年办理案件300件左右。"
    assert linked(text, {"流动法庭": ["“流动法庭”"]}) == [(300.0, None)]


def test_judicial_confirmations_are_a_procedure_of_their_own() -> None:
    text = "两级法院诉前调解案件1000件，司法确认300件，同比增加20%。"
    got = linked(text, {"诉前调解": ["诉前调解"]})
    assert got == [(1000.0, "诉前调解"), (300.0, None), (20.0, None)]
    text = "全市法院诉前调解成功800件，司法确认调解协议200件。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(800.0, "诉前调解"), (200.0, None)]
    # a condition of what is counted, not the count
    text = "推行“示范调解”机制，经司法确认的调解协议履行率达65%。"
    assert linked(text, {"示范调解": ["“示范调解”机制"]}) == [(65.0, "示范调解")]


def test_a_sentence_opening_on_a_plain_caseload_is_an_account_of_its_own() -> None:
    # the figures after the caseload report on those cases; the sentence before credits none
    text = "甲县法院通过推行诉源治理，收案首次回落。2021年民事案件4100件，其中四成诉前分流，调解成功率达70%。"
    got = linked(text, {"诉源治理": ["诉源治理"]})
    assert got[-1] == (70.0, None)
    # a sentence that calls its figures a result is still credited (…，多元解纷效果显著)
    text = "推行“丙”解纷模式。2023年收案2600件，调撤率下降6%，多元解纷效果显著。"
    got = linked(text, {"“丙”解纷模式": ["“丙”解纷模式"]})
    assert (6.0, "“丙”解纷模式") in got
    # the quality indicators of a respectively-construction after a list of measures
    text = "该院推行甲速裁机制、乙一体化等举措。今年审结案件900件，上诉率、发改率分别降至8%和2%。"
    got = linked(text, {"甲速裁机制": ["甲速裁机制"], "乙一体化": ["乙一体化"]})
    assert got[-2:] == [(8.0, None), (2.0, None)]


def test_one_task_of_a_list_credits_no_later_sentence() -> None:
    text = "窗口统一承担先行调解、卷宗查阅、法律咨询等工作。配备引导员，当场立案率达95%。"
    assert linked(text, {"先行调解": ["先行调解"]}) == [(95.0, None)]
    text = "该院推行甲议事会、开展结对帮扶等五项行动。梳理问题60个。"
    assert linked(text, {"结对帮扶": ["结对帮扶"]}) == [(60.0, None)]
    # a list that only describes the name (诉源、案源“双源共治”) leaves it a name of its own
    text = "该院构建诉源、案源“双源共治”模式。全年化解纠纷300件。"
    assert linked(text, {"“双源共治”模式": ["“双源共治”模式"]}) == [(300.0, "“双源共治”模式")]


def test_a_frame_or_an_idea_named_before_is_credited_with_no_figure() -> None:
    # a frame built of practices (…诉源治理大格局) is no practice whose results follow
    text = "该县法院在各村设立联络点，形成了上下贯通的诉源治理大格局。目前，法官到村走访500余次。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(500.0, None)]
    # nor an idea the court follows (践行“如我在诉”理念)
    text = "该院践行“如我在诉”理念，在各法庭设立服务站。今年以来，化解纠纷800件。"
    assert linked(text, {"如我在诉理念": ["“如我在诉”理念"]}) == [(800.0, None)]
    # a practice named in the same place still is credited
    text = "该院在各村设立联络点，深化诉前调解工作。目前，诉前化解纠纷500余件。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(500.0, "诉前调解")]


def test_an_occasion_or_a_principle_the_court_acted_on_is_credited_with_no_figure() -> None:
    # 以甲为契机: the occasion, not the practice whose results the sentence reports
    text = "该院以市中院推出“三个一”机制为契机，全县法官工作室化解纠纷320件。"
    assert linked(text, {"“三个一”机制": ["“三个一”机制"]}) == [(320.0, None)]
    # 坚持“甲”的原则: a principle followed
    text = "该院坚持“缺什么补什么”的原则，新建制度12项、废止制度8项。"
    assert linked(text, {"缺什么补什么": ["“缺什么补什么”"]}) == [(12.0, None), (8.0, None)]
    # 按照…布局思路: a plan referred to
    text = "按照以乡镇法庭为主、巡回审判点为辅的布局思路，将法庭数量增加到56个。"
    assert linked(text, {"巡回审判": ["巡回审判"]}) == [(56.0, None)]
    # the means the sentence names still credits its figures
    text = "该院以“三个一”机制为抓手，全县法官工作室化解纠纷320件。"
    assert linked(text, {"“三个一”机制": ["“三个一”机制"]}) == [(320.0, "“三个一”机制")]


def test_the_initiative_said_to_bear_fruit_credits_the_figures_after_it() -> None:
    names = {"诉前调解": ["诉前调解"], "诉源治理": ["诉源治理"]}
    # 甲取得新进展。…: a fall of the cases filed that follows is its result
    text = "该院深化诉前调解，诉源治理工作取得新进展。截至10月底，全院新收案件3200件，同比下降12%。"
    assert linked(text, names) == [(3200.0, "诉源治理"), (12.0, "诉源治理")]
    # a rise is none
    text = "该院深化诉前调解，诉源治理工作取得新进展。截至10月底，全院新收案件3200件，同比上升12%。"
    assert linked(text, names) == [(3200.0, None), (12.0, None)]
    # further on in its paragraph, too
    text = "该院推行繁简分流，诉源治理工作取得新进展。法院党组高度重视。民商事案件调解率达47%，位列全省第一。"
    got = linked(text, {"繁简分流": ["繁简分流"], "诉源治理": ["诉源治理"]})
    assert got == [(47.0, "诉源治理"), (1.0, "诉源治理")]


def test_the_initiative_said_to_bear_fruit_outranks_a_generic_practice_counted() -> None:
    text = "该院推行繁简分流，一站式多元解纷机制建设成效初显。今年全院诉前化解纠纷3000件，涉及标的额2亿元。"
    names = {
        "繁简分流": ["繁简分流"],
        "一站式多元解纷机制": ["一站式多元解纷机制"],
        "诉前调解": ["诉前化解"],
    }
    got = linked(text, names)
    assert got == [(3000.0, "一站式多元解纷机制"), (2.0, "一站式多元解纷机制")]


def test_a_heading_run_into_the_paragraph_opens_an_item_of_its_own() -> None:
    # 深化诉调对接，高效化解纠纷。: the figures after it report on its item
    text = (
        "该院推行繁简分流，组建速裁团队。深化诉调对接，高效化解纠纷。"
        "主动对接调解组织，及时转入诉讼程序。年初以来办理民生案件500件，调解成功420件。"
    )
    got = linked(text, {"繁简分流": ["繁简分流"], "诉调对接": ["诉调对接"]})
    assert got == [(500.0, "诉调对接"), (420.0, "诉调对接")]
    # the practice named before the heading credits nothing after it
    text = (
        "节假日在景区开展普法宣传活动，呼吁诚信经营。推进指导人民调解常态化。"
        "法庭与司法所联合建立协作机制，定期在社区值班，一季度值班6次，解答群众咨询30件。"
    )
    assert linked(text, {"普法宣传活动": ["普法宣传活动"]}) == [(6.0, None), (30.0, None)]


def test_what_bore_fruit_credits_no_caseload_of_other_work() -> None:
    """甲取得新进展 credits the figures after it, not the court's caseload of other work (a
    caseload fall is only 诉源治理's measure) nor a sentence opening on a topic of its own."""
    text = "该院智慧法院建设取得新成效。全年新收行政案件300件，同比下降6%。"
    assert linked(text, {"智慧法院": ["智慧法院"]}) == [(300.0, None), (6.0, None)]
    names = {"诉前调解": ["诉前调解"]}
    text = "该院诉前调解工作取得新进展。执行工作持续发力，全年执结案件3000件，同比下降4.5%。"
    assert linked(text, names) == [(3000.0, None), (4.5, None)]
    text = "该院诉前调解工作取得新进展。刑事审判方面，全年审结刑事案件800件，同比下降3.2%。"
    assert linked(text, names) == [(800.0, None), (3.2, None)]


#: the opening of an invented article that dwells on 诉源治理 (named three times)
_SOURCE_ARTICLE = (
    "该院把诉源治理作为一把手工程，院长带队走访乡镇和村居，听取群众对诉源治理的意见建议。\n"
    "为推动诉源治理走深走实，该院还与综治中心签订协议，明确双方在矛盾排查方面的分工。\n"
)


def test_an_article_on_source_governance_is_credited_with_a_fall_of_the_cases_filed() -> None:
    text = _SOURCE_ARTICLE + "今年全市法院受理案件12000件，同比下降5%，比全省平均增幅低3个百分点。"
    got = linked(text, {"诉源治理": ["诉源治理"]})
    assert got == [(12000.0, "诉源治理"), (5.0, "诉源治理"), (3.0, "诉源治理")]


def test_an_article_on_source_governance_is_not_credited_with_a_rise() -> None:
    text = _SOURCE_ARTICLE + "今年全市法院受理案件12000件，同比上升5%。"
    assert linked(text, {"诉源治理": ["诉源治理"]}) == [(12000.0, None), (5.0, None)]


def test_a_fall_of_the_cases_filed_after_another_practice_is_not_the_articles() -> None:
    text = _SOURCE_ARTICLE + "该院推行繁简分流改革，今年全市法院受理案件12000件，同比下降5%。"
    names = {"诉源治理": ["诉源治理"], "繁简分流": ["繁简分流"]}
    assert linked(text, names) == [(12000.0, None), (5.0, None)]


def test_the_measure_of_the_figure_before_credits_no_fall_of_the_cases_filed() -> None:
    # 诉前调解 is only the metric of 80%, it says nothing about the cases filed
    text = "今年以来，该院诉前调解成功率达80%，新收民事案件同比下降9.2%。"
    assert linked(text, {"诉前调解": ["诉前调解"]}) == [(80.0, "诉前调解"), (9.2, None)]


def test_the_number_of_a_regions_tribunals_is_no_result_of_the_sentence_before() -> None:
    text = "该省深入推进人民法庭布局优化。全省286家人民法庭积极服务乡村振兴，主动融入基层治理。"
    assert linked(text, {"人民法庭布局优化": ["人民法庭布局优化"]}) == [(286.0, None)]


def test_tribunals_that_reached_a_standard_are_still_its_result() -> None:
    text = "该省深入推进人民法庭布局优化。全省有40个人民法庭达到优化标准。"
    got = linked(text, {"人民法庭布局优化": ["人民法庭布局优化"]})
    assert got == [(40.0, "人民法庭布局优化")]


# an article that dwells on 诉源治理 (named four times, another practice once)
_SOURCE_ARTICLE = (
    "甲县人民法院深化诉源治理。\n今年初，该院推行繁简分流改革。\n"
    "该院把诉源治理摆在首位，走访村组收集对诉源治理的意见，推动诉源治理落地。\n"
)
_SOURCE = {"诉源治理": ["诉源治理"], "繁简分流": ["繁简分流"]}
_HOME = "甲县人民法院"


def test_an_article_on_source_governance_credits_its_courts_plain_fall_of_filings() -> None:
    text = _SOURCE_ARTICLE + "今年该院新收案件2600件，同比下降9%。"
    adopted = [(_HOME, "诉源治理", None)]
    got = linked(text, _SOURCE, units={2600.0: _HOME, 9.0: _HOME}, adoptions=adopted)
    assert got == [(2600.0, "诉源治理"), (9.0, "诉源治理")]
    # a fall of the cases filed with a gap to the province's average
    text = _SOURCE_ARTICLE + "今年该院新收案件2600件，同比下降9%，比全省平均增幅低4个百分点。"
    got = linked(text, _SOURCE, units={2600.0: _HOME, 9.0: _HOME, 4.0: _HOME}, adoptions=adopted)
    assert got == [(2600.0, "诉源治理"), (9.0, "诉源治理"), (4.0, "诉源治理")]


def test_an_article_on_source_governance_credits_no_fall_of_a_court_that_does_not_adopt_it() -> (
    None
):
    adopted = [(_HOME, "诉源治理", None)]
    text = _SOURCE_ARTICLE + "乙市中级人民法院今年新收案件8100件，同比下降5%。"
    units = {8100.0: "乙市中级人民法院", 5.0: "乙市中级人民法院"}
    assert linked(text, _SOURCE, units=units, adoptions=adopted) == [(8100.0, None), (5.0, None)]
    text = _SOURCE_ARTICLE + "今年全省法院新收案件同比下降3%。"
    units = {3.0: "AGG:丙省全省法院"}
    assert linked(text, _SOURCE, units=units, adoptions=adopted) == [(3.0, None)]


def test_an_article_on_source_governance_credits_no_fall_its_sentence_explains_otherwise() -> None:
    text = _SOURCE_ARTICLE + "由于辖区两家大型企业外迁，今年该院新收案件2100件，同比下降18%。"
    assert linked(text, _SOURCE) == [(2100.0, None), (18.0, None)]
    text = _SOURCE_ARTICLE + "今年该院新收案件2100件，同比下降18%，原因是辖区人口大量外出务工。"
    assert linked(text, _SOURCE) == [(2100.0, None), (18.0, None)]


def test_an_article_on_source_governance_credits_no_fall_of_criminal_or_enforcement_filings() -> (
    None
):
    text = _SOURCE_ARTICLE + "今年该院新收执行案件700件，同比下降11%。"
    assert linked(text, _SOURCE) == [(700.0, None), (11.0, None)]
    text = _SOURCE_ARTICLE + "今年该院新收刑事案件260件，同比下降7%。"
    assert linked(text, _SOURCE) == [(260.0, None), (7.0, None)]


def test_an_article_on_source_governance_credits_no_fall_before_the_practice_began() -> None:
    text = _SOURCE_ARTICLE + "2017年该院新收案件1900件，同比下降2%；此后该院着手推行诉源治理。"
    assert linked(text, _SOURCE) == [(1900.0, None), (2.0, None)]
    text = _SOURCE_ARTICLE + "2017年该院新收案件1900件，同比下降2%。"
    periods = {1900.0: "2017-01-01/2017-12-31", 2.0: "2017-01-01/2017-12-31"}
    adopted = [(_HOME, "诉源治理", "2020-03")]
    got = linked(text, _SOURCE, periods=periods, adoptions=adopted)
    assert got == [(1900.0, None), (2.0, None)]
    # a period after the practice began keeps its credit
    periods = {1900.0: "2021-01-01/2021-12-31", 2.0: "2021-01-01/2021-12-31"}
    got = linked(text, _SOURCE, periods=periods, adoptions=adopted)
    assert got == [(1900.0, "诉源治理"), (2.0, "诉源治理")]


def test_an_article_on_source_governance_credits_no_slower_growth_of_filings_that_rose() -> None:
    text = _SOURCE_ARTICLE + "今年该院新收案件增幅较上年回落6个百分点，但仍同比增长3%。"
    assert linked(text, _SOURCE) == [(6.0, None), (3.0, None)]


def test_a_change_against_an_earlier_year_goes_on_with_the_caseload_before_it() -> None:
    # an article about one reform only: its caseload and the changes measured against earlier
    # years (与2019年（N件）相比上升…, 2019年与2018年相比上升…) are no result of it
    text = (
        "甲市推行立案登记制改革。立案登记制实施后，立案更便捷，立案登记制深受好评。\n"
        "2020年全市法院新收案件5200件，与2019年（4100件）相比上升26.8%；"
        "2019年与2018年（3600件）相比上升13.9%。\n"
        "立案登记制改革后当场立案率达95%。"
    )
    got = linked(text, {"立案登记制": ["立案登记制"]})
    assert got == [
        (5200.0, None),
        (4100.0, None),
        (26.8, None),
        (3600.0, None),
        (13.9, None),
        (95.0, "立案登记制"),
    ]


def test_the_cases_brought_from_one_number_to_another_are_a_plain_caseload() -> None:
    text = "随着立案登记制改革的推进，乙市的诉讼案件数从2.1万件增长到4.6万件。"
    got = linked(text, {"立案登记制": ["立案登记制"]})
    assert got == [(46000.0, None)]


def test_the_cases_of_the_kind_a_reform_is_about_are_no_plain_caseload() -> None:
    # 小额诉讼案件 / 公益诉讼案件 / 在线诉讼案件: the cases of the reform, not the court's caseload
    for kind, name in (
        ("小额诉讼", "小额诉讼程序"),
        ("公益诉讼", "公益诉讼"),
        ("在线诉讼", "在线诉讼"),
    ):
        text = f"该院推行{name}。全年该院{kind}案件1200件。"
        assert linked(text, {name: [name]}) == [(1200.0, name)], kind


def test_a_baseline_and_the_change_against_it_are_named_by_the_measure_before() -> None:
    got = [
        (h.value, h.metric)
        for h in find_outcomes("2023年，全院新收案件1.2万件，与2022年（1.4万件）相比下降14%。")
    ]
    assert got == [(12000.0, "新收案件数"), (14000.0, "新收案件数"), (14.0, "新收案件降幅")]
    got = [
        (h.value, h.metric) for h in find_outcomes("该院民事案件从最初的一年576件攀升到2645件。")
    ]
    assert got == [(576.0, "民事案件数"), (2645.0, "民事案件数")]
    # a change in brackets right after a count is not chained by a baseline: left generic
    got = [(h.value, h.metric) for h in find_outcomes("全县法院审结案件900件（上升4.5%）。")]
    assert got == [(900.0, "审结案件数"), (4.5, "增幅")]


def test_the_cases_of_the_year_a_fall_is_measured_against_are_no_result() -> None:
    # the earlier year's count is the base of the comparison, not what the initiative brought;
    # the fall itself and the later count stay credited
    name = {"诉源治理": ["诉源治理"]}
    lead = "丙县法院深入推进诉源治理。"
    got = linked(lead + "2023年，全院新收案件2.4万件，与2022年（2.9万件）相比下降17%。", name)
    assert got == [(24000.0, "诉源治理"), (29000.0, None), (17.0, "诉源治理")]
    got = linked(lead + "2024年，全院新收案件3100件，较上年同期的3600件下降14%。", name)
    assert got == [(3100.0, "诉源治理"), (3600.0, None), (14.0, "诉源治理")]
    got = linked(lead + "全院新收案件由2021年的5200件下降至2023年的4100件。", name)
    assert got == [(5200.0, None), (4100.0, "诉源治理")]
    # a change counted against the year before is no base: it stays the fall's
    got = linked(lead + "2023年，全院新收案件2.4万件，比上年减少2678件。", name)
    assert got == [(24000.0, "诉源治理"), (2678.0, "诉源治理")]


def test_a_count_of_the_honoured_is_credited_to_the_honour_they_were_selected_for() -> None:
    # the holders counted before the verb of selection, or the times after the honour's name
    got = linked(
        "近三年，丁省法院审结案件4.1万件，17件案件入选最高人民法院典型案例。",
        {"最高人民法院典型案例": ["最高人民法院典型案例"]},
    )
    assert got == [(41000.0, None), (17.0, "最高人民法院典型案例")]
    got = linked(
        "该法庭结案960件，荣立“集体二等功”1次，8个集体获评“全市优秀调解组织”。",
        {"集体二等功": ["集体二等功"], "全市优秀调解组织": ["全市优秀调解组织"]},
    )
    assert got == [(960.0, None), (1.0, "集体二等功"), (8.0, "全市优秀调解组织")]
    # an honour of people is a role of theirs; a rank is no count of the honoured
    got = linked(
        "3名法官荣获“全省法院先进个人”称号，入选典型案例数位居全省第1。",
        {"全省法院先进个人": ["全省法院先进个人"]},
    )
    assert [i for _, i in got] == [None] * len(got)


def test_a_paragraph_opening_on_a_brand_launched_credits_the_period_reported_next() -> None:
    # the paragraph opens by launching one brand; the next sentence opens on the period alone
    # and reports what followed, but not the whole court's caseload or quality indicators
    brand = {"“五五五”先行调解工作机制": ["“五五五”先行调解工作机制"]}
    b = "“五五五”先行调解工作机制"
    text = (
        "近年来，戊县法院创新构建“五五五”先行调解工作机制，通过关口前移，实现高效调解。"
        "2024年以来，全院受理民商事一审案件2600件，分流调解1500件，分流率达57.7%；"
        "调解成功900件。今年1至6月，全院服判息诉率95%。"
    )
    got = linked(text, brand)
    assert [i for _, i in got] == [None, b, b, b, None]
    # another's level it is compared with is not the court's result
    text = (
        "近年来，戊县法院创新构建“五五五”先行调解工作机制，通过关口前移，实现高效调解。"
        "2024年以来，该院万人成讼率68件/万人，远低于全市150件/万人、全省120件/万人。"
    )
    assert linked(text, brand) == [(68.0, "“五五五”先行调解工作机制"), (150.0, None), (120.0, None)]
    # a launch further into the paragraph is one item of many: no lead of the period after it
    text = (
        "戊县法院设立6个调解室。近年来，该院创新构建“五五五”先行调解工作机制，实现高效调解。"
        "2024年以来，全院受理民商事一审案件2600件。"
    )
    assert linked(text, brand)[-1] == (2600.0, None)


def test_the_clause_around_a_span_is_found_from_the_texts_clause_ends() -> None:
    """_clause_around reads the clause ends of a text once: at every span, the same clause as
    a search back and forth from the span for each clause-ending character."""
    text = "甲法院以诉源治理为契机，坚持“乙”的原则；\n推行丙机制：成效明显！丁"
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            lo = max((text.rfind(c, 0, a) for c in _CLAUSE_ENDS), default=-1) + 1
            ends = [i for i in (text.find(c, b) for c in _CLAUSE_ENDS) if i >= 0]
            assert _clause_around(text, a, b) == (lo, min(ends, default=len(text))), (a, b)
    assert _clause_around("", 0, 0) == (0, 0)


def test_a_launch_credits_no_court_wide_caseload_no_plan_and_no_other_court() -> None:
    brand = {"“甲乙联调”工作机制": ["“甲乙联调”工作机制"]}
    b = "“甲乙联调”工作机制"
    # the whole court's caseload, its closing rate and the cases per judge are its work at large
    text = (
        "近年来，戊县法院创新构建“甲乙联调”工作机制，推动纠纷就地化解。"
        "2024年以来，全院共受理各类案件9000件，审结8700件，结案率96.7%，法官人均结案250件，"
        "委派调解1200件。"
    )
    assert linked(text, brand) == [
        (9000.0, None),
        (8700.0, None),
        (96.7, None),
        (250.0, None),
        (1200.0, b),
    ]
    # a fall of the cases filed still followed from it
    text = (
        "近年来，戊县法院创新构建“甲乙联调”工作机制，推动纠纷就地化解。"
        "今年1至9月，全院收案数同比下降12%，委派调解1200件。"
    )
    assert linked(text, brand) == [(12.0, b), (1200.0, b)]
    # a brand only planned brought nothing about yet
    text = (
        "近年来，戊县法院计划构建“甲乙联调”工作机制，目前尚在论证。"
        "2024年以来，全院受理案件9000件，委派调解1200件。"
    )
    assert linked(text, brand) == [(9000.0, None), (1200.0, None)]
    # the sentence after the launch gives another court's own account
    text = (
        "近年来，戊县人民法院探索建立“甲乙联调”工作机制。"
        "今年1至9月，己县人民法院受理案件9000件，委派调解1200件。"
    )
    assert linked(text, brand) == [(9000.0, None), (1200.0, None)]
    # the launcher named again, by its short name, still reports what followed
    text = (
        "近年来，戊县人民法院探索建立“甲乙联调”工作机制。"
        "今年1至9月，戊县法院受理案件9000件，委派调解1200件。"
    )
    assert linked(text, brand) == [(9000.0, None), (1200.0, b)]
    # and so do its own courts as a whole
    text = (
        "近年来，戊市法院探索建立“甲乙联调”工作机制。"
        "今年1至9月，全市法院受理案件9000件，委派调解1200件。"
    )
    assert linked(text, brand) == [(9000.0, None), (1200.0, b)]


def test_a_figure_joined_to_its_selection_by_other_words_counts_no_honoured() -> None:
    names = {"诉前调解": ["诉前调解"], "全省模范法庭": ["“全省模范法庭”"]}
    # the disputes resolved are the practice's result; the selection is another fact
    text = "该院诉前调解化解纠纷300件并获评“全省模范法庭”。"
    assert linked(text, names) == [(300.0, "诉前调解")]
    honour = {"全省模范法庭": ["“全省模范法庭”"]}
    # cases not selected count no holder of the honour
    text = "该院申报5件案件，其中2件案件未能入选“全省模范法庭”。"
    assert linked(text, honour) == [(5.0, None), (2.0, None)]
    # a short noun between the count and the verb still counts the holders
    text = "该院申报5件案件，其中3件案件入选“全省模范法庭”。"
    assert linked(text, honour) == [(5.0, None), (3.0, "全省模范法庭")]


def test_an_article_about_one_practice_credits_it_with_no_count_of_those_sentenced() -> None:
    """An article naming only 家事调解 again and again: its mediated cases are its results, the
    offenders the courts sentenced are not."""
    text = (
        "酉县法院推行家事调解。\n"
        "家事调解让纠纷化解在诉前。今年以来，该院调解成功婚姻纠纷210件。\n"
        "同期全县法院判处罪犯430人。家事调解将继续深化。"
    )
    got = linked(text, {"家事调解": ["家事调解"]})
    assert got == [(210.0, "家事调解"), (430.0, None)]


def test_a_count_of_those_sentenced_that_names_its_practice_is_still_its() -> None:
    text = "戌县法院推行刑事速裁程序。今年以来，该院适用刑事速裁程序判处被告人300人。"
    assert linked(text, {"刑事速裁程序": ["刑事速裁程序"]}) == [(300.0, "刑事速裁程序")]


def test_a_head_noun_alone_opening_a_clause_with_since_points_at_the_one_name_with_it() -> None:
    """专项行动开展以来 after the article named “甲”专项行动: the paragraph's figures are its, past a
    photo caption naming another brand in between."""
    text = (
        "卯市中级人民法院在全市开展“清源”专项行动。\n"
        "辰区法院成立“快执”团队\n"
        "专项行动开展以来，两级法院共执结案件380件，执行到位金额2100万元。"
    )
    got = linked(text, {"“清源”专项行动": ["“清源”专项行动"], "“快执”团队": ["“快执”团队"]})
    assert got == [(380.0, "“清源”专项行动"), (2100.0, "“清源”专项行动")]


def test_a_head_noun_two_names_share_points_at_neither() -> None:
    text = "巳县法院开展“春雷”专项行动和“秋实”专项行动。\n专项行动开展以来，该院共执结案件150件。"
    got = linked(text, {"“春雷”专项行动": ["“春雷”专项行动"], "“秋实”专项行动": ["“秋实”专项行动"]})
    assert got == [(150.0, None)]


def test_a_head_noun_inside_a_longer_phrase_is_no_anaphor() -> None:
    # 调解活动 is no bare 活动 opening the clause: nothing points back at the named campaign
    text = "午县法院开展“送法进村”活动。\n今年以来，村级调解活动开展以来共化解纠纷88件。"
    assert linked(text, {"“送法进村”活动": ["“送法进村”活动"]}) == [(88.0, None)]


def test_a_lead_in_saying_what_its_practice_improved_credits_a_paragraph_of_figures() -> None:
    """The paragraph before says the practice improved something; the next one opens on figures."""
    text = (
        "未县法院院庭长办案见实效\n"
        "去年以来，未县法院根据《关于全面落实审判责任制的意见》，推行院庭长办案常态化，"
        "有效提升了审判质效。\n"
        "据统计，该院院庭长共办结案件960件，占全院结案总数的38%。"
    )
    got = linked(
        text,
        {"院庭长办案常态化": ["院庭长办案常态化"], "审判责任制": ["审判责任制"]},
    )
    assert got == [(960.0, "院庭长办案常态化"), (38.0, "院庭长办案常态化")]


def test_an_improving_lead_in_credits_no_paragraph_that_opens_on_a_topic_of_its_own() -> None:
    text = (
        "申县法院工作综述\n"
        "近年来，申县法院在全院推行“繁简分流”改革，简案快审、繁案精审，审判效率明显提升。\n"
        "打造执行品牌，强化执行攻坚。该院执行工作质效位居全市第一，执结案件1200件。"
    )
    got = linked(text, {"“繁简分流”": ["“繁简分流”"]})
    assert all(name is None for _, name in got)


def test_a_count_of_courts_that_did_a_thing_of_their_own_follows_no_figure_before() -> None:
    """Items of a list of what courts reached: each counts the courts that did its own thing."""
    text = "全省48个人民法庭实现网上立案，37个人民法庭实现巡回审判点全覆盖。"
    got = linked(text, {"网上立案": ["网上立案"]})
    assert got == [(48.0, "网上立案"), (37.0, None)]


def test_a_lead_in_credits_no_count_of_the_disputes_brought_to_court() -> None:
    """诉至法院的纠纷 are the cases filed: a lead-in's practice is not credited with them (unless
    they fell); the practice's own measure after them still is."""
    text = (
        "酉市法院多元解纷获良效\n"
        "如何抓好诉源治理，是必答题。为此，酉市中院以“双调联动”机制建设为抓手，一体推进多元解纷工作，"
        "取得了良好的效果。\n"
        "12月14日，记者了解到，2022年酉市诉至法院的一审民事纠纷9880件，其中诉前调解4232件。"
    )
    got = linked(
        text,
        {"诉源治理": ["诉源治理"], "“双调联动”机制": ["“双调联动”机制"], "诉前调解": ["诉前调解"]},
    )
    assert got == [(9880.0, None), (4232.0, "诉前调解")]


def test_the_rest_of_a_breakdown_is_none_of_its_items() -> None:
    text = "今年该院受理纠纷900件，其中诉前调解400件，速裁快审300件，其他进入审判程序的案件200件。"
    got = linked(text, {"诉前调解": ["诉前调解"], "速裁快审": ["速裁快审"]})
    assert got[-1] == (200.0, None)
    assert (300.0, "速裁快审") in got


def test_a_change_opening_on_its_verb_goes_on_with_the_figure_before() -> None:
    text = (
        "亥县法院院庭长办案见实效\n"
        "去年以来，亥县法院根据《关于全面落实审判责任制的意见》，推行院庭长办案常态化，"
        "有效提升了审判质效。\n"
        "据统计，该院院庭长共办结案件960件，占全院结案总数的38%，同比增加120件，上升3.5个百分点。"
    )
    got = linked(text, {"院庭长办案常态化": ["院庭长办案常态化"], "审判责任制": ["审判责任制"]})
    assert got[-1] == (3.5, "院庭长办案常态化")


def test_the_rank_of_a_count_of_the_selected_goes_on_with_it() -> None:
    text = "该院审结环资案件560件，4个案例入选全国环境资源审判典型案例，居全省首位。"
    got = linked(text, {"全国环境资源审判典型案例": ["全国环境资源审判典型案例"]})
    assert got[1:] == [(4.0, "全国环境资源审判典型案例"), (1.0, "全国环境资源审判典型案例")]


def test_a_brand_quoted_in_a_longer_name_stands_for_it_alone() -> None:
    text = "该院设立“邻里议事厅”法官联系点，并推行巡回审判。今年以来，邻里议事厅调解纠纷320件。"
    got = linked(
        text, {"“邻里议事厅”法官联系点": ["“邻里议事厅”法官联系点"], "巡回审判": ["巡回审判"]}
    )
    assert got == [(320.0, "“邻里议事厅”法官联系点")]


def test_a_campaign_named_by_its_head_noun_before_its_name_is_credited() -> None:
    """行动期间 opens an article that names the campaign further on: its figures, caseloads of
    enforcement included, are the campaign's."""
    text = (
        "寅市中级人民法院部署冬季执行攻坚。行动期间，全市法院累计执结案件620件，"
        "执行到位金额980万元。\n"
        "寅市中院决定在全市开展“暖冬”专项执行行动。"
    )
    got = linked(text, {"“暖冬”专项执行行动": ["“暖冬”专项执行行动"]})
    assert got == [(620.0, "“暖冬”专项执行行动"), (980.0, "“暖冬”专项执行行动")]


def test_the_parts_after_semicolons_of_a_since_paragraph_stay_its() -> None:
    text = (
        "卯市法院开展“春风”专项行动。\n"
        "专项行动开展以来，两级法院共办结案件300件，其中，涉民生案件120件，执行到位金额90万元；"
        "涉企案件 40件，累计发放案款60万元。"
    )
    got = linked(text, {"“春风”专项行动": ["“春风”专项行动"]})
    assert all(name == "“春风”专项行动" for _, name in got), got


def test_the_selected_counted_right_after_the_honours_name_are_its() -> None:
    text = "该院审结知识产权案件900件，入选全省知识产权典型案例2件。"
    got = linked(text, {"全省知识产权典型案例": ["全省知识产权典型案例"]})
    assert got == [(900.0, None), (2.0, "全省知识产权典型案例")]


def test_a_sentence_launching_a_quoted_practice_unnamed_takes_no_credit_from_before() -> None:
    text = (
        "该院完善涉税案件“三合一”集中管辖，助推税收法治化。"
        "畅通非诉执行渠道，推行“裁审分离”信息共享，进入非诉执行的案件同比下降近40%。"
    )
    got = linked(text, {"“三合一”集中管辖": ["“三合一”集中管辖"]})
    assert got == [(40.0, None)]


def test_a_name_ending_in_bi_before_what_it_is_compared_with_is_no_name() -> None:
    """调解案件比以往…: the words compare, they do not name 案件比."""
    text = (
        "今年以来，该院立案庭积极探索立案调解，调解案件比以往各年大幅提高。"
        "截至11月底，立案庭已成功调解案件58件。"
    )
    got = linked(text, {"立案调解": ["立案调解"], "案件比": ["案件比"]})
    assert got == [(58.0, "立案调解")]


def test_a_span_of_something_else_credits_no_caseload_to_a_name_before_it() -> None:
    """期间 credits a campaign right before it (行动期间), not a name before another span (疫情)."""
    text = "该院推行繁简分流，疫情期间，审结案件1200件。"
    assert linked(text, {"繁简分流": ["繁简分流"]}) == [(1200.0, None)]


def test_a_quoted_brand_another_initiative_is_named_by_stays_that_ones() -> None:
    text = (
        "该院设立“邻里议事厅”法官联系点。\n该院推广邻里议事厅，今年以来，邻里议事厅调解纠纷320件。"
    )
    got = linked(
        text,
        {"“邻里议事厅”法官联系点": ["“邻里议事厅”法官联系点"], "邻里议事厅": ["邻里议事厅"]},
    )
    assert got == [(320.0, "邻里议事厅")]


def test_a_campaigns_head_noun_points_at_no_other_campaign_named_later() -> None:
    """活动期间 after a campaign of another head (专项执行行动) takes no campaign of the next
    paragraph (“宪法宣传周”活动), nor 行动期间 after a practice one named later (诉源治理)."""
    text = (
        "辰县法院开展“惊雷”专项执行行动。活动期间，共执结案件410件，执行到位金额3600万元。\n"
        "此外，该院还组织开展“民法典宣传月”活动。"
    )
    got = linked(
        text,
        {
            "“惊雷”专项执行行动": ["“惊雷”专项执行行动"],
            "“民法典宣传月”活动": ["“民法典宣传月”活动"],
        },
    )
    assert got == [(410.0, None), (3600.0, None)]
    text = (
        "辰县法院持续深化诉源治理。\n"
        "行动期间，全院共发放宣传资料1800份，接受群众咨询260人次。\n"
        "此外，该院联合县司法局开展“护企”专项行动，走访企业40家。"
    )
    got = linked(text, {"诉源治理": ["诉源治理"], "“护企”专项行动": ["“护企”专项行动"]})
    assert all(name is None for _, name in got[:2]), got


def test_a_campaigns_head_noun_takes_the_nearest_campaign_not_one_further_up() -> None:
    text = (
        "2月，辰县法院开展“宪法进乡村”活动，走进村居宣讲宪法。\n"
        "今年以来，该院开展“惊雷”专项执行行动，集中清理执行积案。活动期间，共执结案件410件。"
    )
    got = linked(
        text,
        {"“宪法进乡村”活动": ["“宪法进乡村”活动"], "“惊雷”专项执行行动": ["“惊雷”专项执行行动"]},
    )
    assert got == [(410.0, None)]


def test_an_improving_lead_in_credits_no_court_totals_that_do_not_repeat_its_practice() -> None:
    text = (
        "午县法院发布2023年度审判执行工作情况\n"
        "某省某市午县人民法院持续深化“繁简分流”改革，有效提升了审判效率。\n"
        "2023年，该院共受理各类案件16800件，审结15900件，结案率94.6%，执结案件4100件。"
    )
    got = linked(text, {"“繁简分流”": ["“繁简分流”"]})
    assert all(name is None for _, name in got), got
    text = (
        "某省某市午县人民法院推行“诉调对接”机制，有效提升了纠纷化解效率。\n"
        "今年以来，该院法官人均结案231件，一审服判息诉率达91%。"
    )
    got = linked(text, {"“诉调对接”": ["“诉调对接”"]})
    assert all(name is None for _, name in got), got


def test_a_campaigns_head_noun_passes_a_nearer_campaign_of_its_kind() -> None:
    """A 集中执行行动 between is a part of the 专项行动, not another kind of campaign."""
    text = (
        "卯市中级人民法院在两级法院开展“清源”专项行动。\n"
        "专项行动聚焦涉民生执行案件，各院开展“雷霆”夜间集中执行行动，形成高压态势。\n"
        "专项行动开展以来，两级法院共执结案件380件。"
    )
    got = linked(
        text,
        {
            "“清源”专项行动": ["“清源”专项行动"],
            "“雷霆”夜间集中执行行动": ["“雷霆”夜间集中执行行动"],
        },
    )
    assert got == [(380.0, "“清源”专项行动")]


def test_an_unresolved_campaign_head_noun_takes_no_name_from_a_line_before() -> None:
    """行动期间 after an activity of another kind: the figures are the unnamed 行动's, not the
    short line's before them."""
    text = (
        "某省某市辰县人民法院开展“执行攻坚”专项行动。\n"
        "5月，该院组织开展“送法进校园”活动，走进中小学12所。\n"
        "6月，该院联合公安机关开展集中搜查，行动期间，共拘留失信被执行人15人，执结案件120件。"
    )
    got = linked(
        text,
        {"“执行攻坚”专项行动": ["“执行攻坚”专项行动"], "“送法进校园”活动": ["“送法进校园”活动"]},
    )
    assert got[-2:] == [(15.0, None), (120.0, None)], got
