"""Learning visits (ingest.visits): who went to learn from whom, about what, when; and what
is no learning visit (an inspection, a meeting, a plan, a delegation of no court)."""

from __future__ import annotations

import pytest

from ingest.document import SourceDocument
from ingest.extract import extract_document

JINZHOU = "辽宁省锦州市中级人民法院"
DALIAN = "辽宁省大连市中级人民法院"
SHENYANG = "辽宁省沈阳市中级人民法院"


def visits(text: str, date: str | None = "2024-06-01") -> list[tuple]:
    ex = extract_document(SourceDocument(path="t.txt", text=text, date=date))
    return [(v.visitor, v.host, v.initiatives, v.rule) for v in ex.visits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 甲赴乙学习考察X经验
        (
            "6月3日，锦州市中级人民法院审判委员会专职委员带领干警赴大连市中级人民法院，"
            "就一站式多元解纷机制建设进行学习考察。",
            [(JINZHOU, DALIAN, ["一站式多元解纷机制"], "visit:went-to")],
        ),
        # 甲组织…前往乙学习
        (
            "锦州中院组织各业务庭负责人前往沈阳中院学习诉源治理工作经验。",
            [(JINZHOU, SHENYANG, ["诉源治理"], "visit:went-to")],
        ),
        # 甲的院长带队到乙交流 (a titled person's court visits)
        (
            "锦州中院党组书记、院长王某某带队到大连中院交流学习。",
            [(JINZHOU, DALIAN, [], "visit:went-to")],
        ),
        # 乙接待甲考察团
        (
            "大连中院接待了锦州中院考察团，双方围绕智慧法院建设开展交流。",
            [(JINZHOU, DALIAN, ["智慧法院建设"], "visit:received")],
        ),
        # 甲学习借鉴乙…的经验
        (
            "锦州中院认真学习借鉴大连中院诉源治理的经验做法。",
            [(JINZHOU, DALIAN, ["诉源治理"], "visit:borrowed")],
        ),
        # 甲向乙学习
        (
            "锦州中院主动向沈阳中院学习智慧法院建设的先进经验。",
            [(JINZHOU, SHENYANG, ["智慧法院建设"], "visit:borrowed")],
        ),
    ],
)
def test_learning_visits_are_found(text: str, expected: list[tuple]) -> None:
    assert visits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a superior's inspection (上级检查指导 is not learning)
        "辽宁省高级人民法院党组成员到大连中院调研诉源治理工作。",
        "锦州中院院长到大连中院检查指导智慧法院建设。",
        # a meeting both attend
        "锦州中院赴大连中院参加全省法院诉源治理工作座谈会。",
        # a plan
        "锦州中院拟于下月赴大连中院学习考察诉源治理工作。",
        # a delegation of no court
        "市人大常委会副主任一行到锦州中院调研诉源治理工作。",
        "锦州市人大代表在锦州中院陪同下赴大连中院考察。",
        # the host's document, not its practice
        "锦州中院组织干警学习最高人民法院关于诉源治理的意见。",
        # a court of a group, no one court
        "全市法院赴大连中院学习考察诉源治理工作。",
        "辽宁省高级人民法院要求全省法院学习借鉴大连中院经验。",
        # 到 of 受到 / 得到, and a visiting party named after the court (乙法院考察团)
        "锦州中院的做法受到大连中院考察团的肯定。",
        "锦州中院得到大连中院调研组的好评。",
        # a visit to a place that is no court
        "锦州中院组织干警到锦州市博物馆参观学习。",
    ],
)
def test_no_learning_visit(text: str) -> None:
    assert visits(text) == []


def test_the_visitor_is_not_credited_with_the_practice_it_studied() -> None:
    ex = extract_document(
        SourceDocument(
            path="t.txt",
            text="近日，锦州中院党组成员一行赴大连中院学习考察一站式多元解纷机制建设经验。",
            date="2024-06-01",
        )
    )
    assert [(v.visitor, v.host) for v in ex.visits] == [(JINZHOU, DALIAN)]
    assert JINZHOU not in {a.unit for a in ex.adoptions}


def test_an_anaphor_after_a_visit_is_the_visitor_not_the_court_visited() -> None:
    text = "锦州中院组织干警前往沈阳中院学习智慧法院建设。该院还学习借鉴了大连中院诉源治理的经验。"
    assert visits(text) == [
        (JINZHOU, SHENYANG, ["智慧法院建设"], "visit:went-to"),
        (JINZHOU, DALIAN, ["诉源治理"], "visit:borrowed"),
    ]


def test_a_visit_carries_its_sentence_date_rule_and_a_confidence() -> None:
    ex = extract_document(
        SourceDocument(
            path="t.txt",
            text="标题\n2024年5月20日，锦州中院赴大连中院学习考察诉源治理工作。",
            date="2024-06-01",
        )
    )
    (v,) = ex.visits
    assert (v.date, v.date_precision) == ("2024-05-20", "day")
    assert v.rule == "visit:went-to" and v.confidence is not None and 0 < v.confidence < 1
    (e,) = v.evidence
    assert e.sentence == ex.document.text[e.start : e.end]
    assert "大连中院学习考察" in e.sentence


def test_a_visit_to_the_writers_court() -> None:
    text = "锦州中院概况。\n5月8日，沈阳中院考察团来我院学习交流诉源治理工作。"
    assert visits(text) == [(SHENYANG, JINZHOU, ["诉源治理"], "visit:went-to")]


def test_extract_prints_visits_quoted_as_the_source_writes_them(capsys, tmp_path) -> None:
    import json

    from ingest.__main__ import main

    path = tmp_path / "visit.txt"
    source = "錦州中院學習考察\n2024年5月20日，錦州中院組織幹警赴大連中院學習考察訴源治理工作經驗。"
    path.write_text(source, encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 0
    obj = json.loads(capsys.readouterr().out)
    (visit,) = obj["visits"]
    assert (visit["visitor"], visit["host"], visit["initiatives"]) == (
        JINZHOU,
        DALIAN,
        ["诉源治理"],
    )
    assert (visit["date"], visit["rule"]) == ("2024-05-20", "visit:went-to")
    (e,) = visit["evidence"]
    assert source[e["start"] : e["end"]] == e["sentence"] and "赴大連中院學習考察" in e["sentence"]


@pytest.mark.parametrize(
    ("text", "studied"),
    [
        # what the visitor did afterwards is not what it studied
        ("锦州中院赴大连中院考察学习后，结合实际推行诉源治理。", []),
        ("锦州中院学习大连中院先进经验，推行诉源治理。", []),
        ("锦州中院赴大连中院学习考察诉源治理工作后，回院推行智慧法院建设。", ["诉源治理"]),
        (
            "大连中院接待了锦州中院考察团，双方围绕智慧法院建设开展交流，锦州中院将推行诉源治理。",
            ["智慧法院建设"],
        ),
        # the clauses that go on about the visit are its topic
        ("锦州中院赴大连中院学习考察，详细了解了智慧法院建设情况。", ["智慧法院建设"]),
    ],
)
def test_what_was_studied_ends_with_the_visit(text: str, studied: list[str]) -> None:
    (visit,) = visits(text)
    assert visit[2] == studied


def test_one_visit_to_two_courts() -> None:
    assert [v[:2] for v in visits("近日，锦州中院一行赴大连中院、沈阳中院学习考察。")] == [
        (JINZHOU, DALIAN),
        (JINZHOU, SHENYANG),
    ]


def test_what_a_visitor_studied_is_not_its_adoption() -> None:
    text = "锦州中院院长王某某带队赴大连中院，就诉源治理进行学习交流。"
    ex = extract_document(SourceDocument(path="t.txt", text=text, date="2024-06-01"))
    assert [(v.visitor, v.host, v.initiatives) for v in ex.visits] == [
        (JINZHOU, DALIAN, ["诉源治理"])
    ]
    assert (JINZHOU, "诉源治理") not in {(a.unit, a.initiative) for a in ex.adoptions}


def test_an_adoption_keeps_its_other_sentences_and_their_date() -> None:
    from ingest.document import Adoption, Evidence, Visit
    from ingest.visits import unstudied

    visit_ev = Evidence("甲赴乙学习X。", 0, 7, date="2024-03-01", date_precision="day")
    own = Evidence("甲推行X。", 7, 12, date="2024-05", date_precision="month")
    a = Adoption("甲", "X", "adopted", "2024-03-01", "day", [visit_ev, own], "r")
    other = Adoption("乙", "X", "adopted", None, None, [visit_ev], "r")
    only = Adoption("甲", "Y", "adopted", None, None, [visit_ev], "r")
    kept = unstudied([a, other, only], [Visit("甲", "乙", ["X", "Y"], evidence=[visit_ev])])
    assert kept == [a, other]
    assert (a.evidence, a.date, a.date_precision) == ([own], "2024-05", "month")


@pytest.mark.parametrize(
    "text",
    [
        # a posting (交流任职), not a visit
        "锦州中院选派干警到大连中院交流任职。",
        # the court named before the visit is the organiser of something else
        "锦州中院干警赴北京参加最高人民法院举办的培训，期间到北京市高级人民法院学习交流。",
    ],
)
def test_no_visit_of_the_court_named_before(text: str) -> None:
    assert visits(text) == []


def adoptions(text: str) -> set[tuple[str, str]]:
    ex = extract_document(SourceDocument(path="t.txt", text=text, date="2024-06-01"))
    return {(a.unit, a.initiative) for a in ex.adoptions}


def test_a_visitor_that_then_carries_the_practice_out_adopts_it() -> None:
    # studied, then adopted: the later clause with its own verb is the visitor's adoption
    text = "3月2日，锦州中院组织干警前往大连中院学习繁简分流工作，并在本院全面推行繁简分流工作。"
    assert visits(text) == [(JINZHOU, DALIAN, ["繁简分流"], "visit:went-to")]
    assert (JINZHOU, "繁简分流") in adoptions(text)
    # the same sentence with no such clause: no adoption of the visitor
    assert (JINZHOU, "繁简分流") not in adoptions(
        "3月2日，锦州中院组织干警前往大连中院学习繁简分流工作。"
    )


def test_a_visit_with_no_topic_folds_into_the_same_visit_with_one() -> None:
    # a title naming the visit, the body telling what was studied: one visit
    text = "大连中院接待锦州中院考察团\n4月9日，锦州中院干警赴大连中院学习考察智慧法院建设。"
    ex = extract_document(SourceDocument(path="t.txt", text=text, date="2024-06-01"))
    assert [(v.visitor, v.host, v.initiatives) for v in ex.visits] == [
        (JINZHOU, DALIAN, ["智慧法院建设"])
    ]
    (v,) = ex.visits
    assert len(v.evidence) == 2 and v.date == "2024-04-09"
    # two visits on other days stay two
    text = "3月1日，锦州中院赴大连中院考察。4月9日，锦州中院干警赴大连中院学习考察智慧法院建设。"
    assert len(visits(text)) == 2


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        # a plan: the host is not credited through the plan's words
        ("锦州中院计划下月赴大连中院学习考察智慧法院建设经验。", (DALIAN, "智慧法院建设")),
        ("锦州中院拟赴大连中院学习诉源治理工作经验。", (DALIAN, "诉源治理")),
        # a superior's inspection: the court inspected is not credited with its topic
        ("辽宁省高级人民法院到大连中院调研智慧法院建设。", (DALIAN, "智慧法院建设")),
        (
            "锦州中院调研组赴锦州市太和区人民法院调研诉源治理工作并检查指导。",
            ("辽宁省锦州市太和区人民法院", "诉源治理"),
        ),
        # attending a meeting at another court, or anywhere
        ("6月1日，锦州中院赴大连中院参加全省法院诉源治理工作座谈会。", (JINZHOU, "诉源治理")),
        ("锦州中院参加全省法院诉源治理工作推进会", (JINZHOU, "诉源治理")),
        # a visitor's plan for after its visit
        (
            "锦州中院赴大连中院学习考察。锦州中院表示，回院后将结合实际推行繁简分流改革。",
            (JINZHOU, "繁简分流"),
        ),
    ],
)
def test_no_adoption_from_a_movement_that_is_no_visit(text: str, lost: tuple[str, str]) -> None:
    assert lost not in adoptions(text)


def test_an_adoption_with_its_own_verb_after_an_inspection_stays() -> None:
    text = "辽宁省高级人民法院到大连中院调研，大连中院介绍了推行智慧法院建设的情况。"
    assert (DALIAN, "智慧法院建设") in adoptions(text)


@pytest.mark.parametrize(
    "text",
    [
        # 本院 after the visit is the visitor, not the court just visited
        "锦州中院组织干警赴大连中院学习考察诉源治理工作经验，并在本院全面推行“分调裁审”机制改革。",
        # 回院后: the visitor back at its own court
        "锦州中院干警前往大连中院学习诉源治理经验，回院后在我院推行“分调裁审”机制改革。",
        # no court named in the visitor's own clause
        "锦州中院组织干警赴大连中院学习考察诉源治理工作经验，并全面推行“分调裁审”机制改革。",
    ],
)
def test_what_the_visitor_introduces_after_its_visit_is_its_own(text: str) -> None:
    ex = extract_document(SourceDocument(path="t.txt", text=text, date="2024-06-01"))
    got = {(a.unit, a.initiative) for a in ex.adoptions}
    assert (JINZHOU, "“分调裁审”机制改革") in got or (JINZHOU, "分调裁审") in got
    assert not any(u == DALIAN and "分调裁审" in i for u, i in got)
    assert [(v.visitor, v.host, v.initiatives) for v in ex.visits] == [
        (JINZHOU, DALIAN, ["诉源治理"])
    ]


def test_another_courts_clause_after_a_visit_stays_that_courts() -> None:
    # a clause naming a third court is no clause of the visitor's
    text = "锦州中院干警赴大连中院学习诉源治理经验，沈阳中院也全面推行“分调裁审”机制改革。"
    got = {(a.unit, a.rule) for a in adoptions_of(text) if "分调裁审" in a.initiative}
    assert JINZHOU not in {u for u, _ in got}


def adoptions_of(text: str) -> list:
    return extract_document(SourceDocument(path="t.txt", text=text, date="2024-06-01")).adoptions


def test_the_hosts_work_heard_of_after_a_visit_stays_the_hosts() -> None:
    # ，听取了…汇报: the visitor hears of the host's work; no clause of the visitor's own
    text = "锦州中院干警赴大连中院学习考察，听取了大连中院推行“分调裁审”机制改革的情况汇报。"
    assert not any(a.unit == JINZHOU and "分调裁审" in a.initiative for a in adoptions_of(text))


ANSHAN = "辽宁省鞍山市中级人民法院"


def _own(text: str) -> set[tuple[str, str, str]]:
    """(unit, initiative, rule) of the adoptions of 繁简分流 or 分调裁审 in `text`."""
    return {
        (a.unit, a.initiative, a.rule)
        for a in adoptions_of(text)
        if "繁简分流" in a.initiative or "分调裁审" in a.initiative
    }


@pytest.mark.parametrize(
    "text",
    [
        # 全面/进一步 before a verb of learning is no next step; 该院/对方 are the host
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "全面了解该院推行繁简分流改革的做法。",
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "进一步了解对方推行繁简分流的经验。",
        "锦州中院干警赴大连中院学习考察，进一步了解其推行“分调裁审”机制改革的经验。",
        # 同时推进的X: an attributive 的, no next step of the visitor
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "同时推进的繁简分流改革也让考察组印象深刻。",
        # 我院 of another writer (the dateline's court) is no visitor
        "辽宁省高级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察诉源治理工作，"
        "我院全面推行的繁简分流改革也在考察中作了介绍。",
        # 我院 opening its own clause with no writer known: not the visitor either
        "锦州中院赴大连中院学习考察诉源治理工作，我院全面推行的繁简分流改革也在考察中作了介绍。",
    ],
)
def test_no_visitor_own_adoption_from_a_clause_of_the_host_or_the_writer(text: str) -> None:
    assert not any(u == JINZHOU for u, _, _ in _own(text))


@pytest.mark.parametrize(
    "text",
    [
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "全面了解该院推行繁简分流改革的做法。",
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "进一步了解对方推行繁简分流的经验。",
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察，"
        "同时推进的繁简分流改革也让考察组印象深刻。",
    ],
)
def test_what_the_visitor_goes_on_to_learn_is_what_it_studied(text: str) -> None:
    # ，全面了解…/，进一步了解…/，同时推进的X…: the visit's topic goes on
    assert [v[2] for v in visits(text)] == [["繁简分流"]]


def test_each_visitor_of_a_visit_adopts_what_it_introduces_in_its_own_court() -> None:
    text = (
        "辽宁法院报讯 2024年3月5日，锦州中院、鞍山中院赴大连中院学习考察诉源治理工作，"
        "并在本院全面推行繁简分流改革。"
    )
    got = _own(text)
    assert {(u, r) for u, _, r in got} == {
        (JINZHOU, "adoption:visitor-own"),
        (ANSHAN, "adoption:visitor-own"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # the visitor's own dateline: 我院 is the visitor
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院干警赴大连中院学习诉源治理经验，"
        "回院后在我院全面推行“分调裁审”机制改革。",
        # no court named, a next step of the visitor
        "7月1日，锦州中院组织干警赴大连中院学习考察诉源治理工作，随后推行“分调裁审”机制改革。",
    ],
)
def test_the_visitors_own_clause_still_makes_its_adoption(text: str) -> None:
    assert {u for u, _, _ in _own(text)} == {JINZHOU}


@pytest.mark.parametrize(
    "text",
    [
        "锦州中院赴大连中院学习考察诉源治理工作经验，并将在本院全面推行“分调裁审”机制改革。",
        "锦州中院赴大连中院学习考察诉源治理工作经验，下一步将在本院推行“分调裁审”机制改革。",
        "锦州中院赴大连中院学习考察诉源治理工作经验，回院后将在本院推行“分调裁审”机制改革。",
    ],
)
def test_a_visitors_plan_is_no_ones_adoption(text: str) -> None:
    assert _own(text) == set()


def test_extract_names_a_visits_initiatives_as_the_files_initiatives(capsys, tmp_path) -> None:
    import json

    from ingest.__main__ import main

    path = tmp_path / "visit.txt"
    path.write_text("锦州中院干警赴大连中院学习考察多元化纠纷解决机制建设经验。", encoding="utf-8")
    assert main(["extract", "--jsonl", str(path)]) == 0
    obj = json.loads(capsys.readouterr().out)
    names = {i["graph_name"]: i["name"] for i in obj["initiatives"]}
    (visit,) = obj["visits"]
    assert names["多元解纷机制"] == "多元化纠纷解决机制"
    assert visit["initiatives"] == ["多元化纠纷解决机制"]


@pytest.mark.parametrize(
    ("text", "adopters"),
    [
        # 在该院: the host's place, what is heard there the host's
        (
            "锦州中院赴大连中院学习考察诉源治理工作，并在该院召开座谈会，"
            "听取推行繁简分流改革情况介绍。",
            {DALIAN},
        ),
        # a visitor named in the clause: that visitor's only
        ("锦州中院、鞍山中院赴大连中院学习考察，锦州中院回院后在本院推行繁简分流改革。", {JINZHOU}),
        # 同时推进X的做法也让…: X spoken of, the visit's topic goes on (no adopter)
        (
            "锦州中院赴大连中院学习考察诉源治理工作，同时推进繁简分流改革的做法也让考察组深受启发。",
            set(),
        ),
    ],
)
def test_who_adopts_what_a_visit_clause_goes_on_to_name(text: str, adopters: set[str]) -> None:
    assert {u for u, _, _ in _own(text)} == adopters


@pytest.mark.parametrize(
    ("text", "not_by"),
    [
        # 乙接待甲考察团，并…: the host goes on as the subject, the visitor does not
        ("大连中院接待了锦州中院考察团，并全面推行繁简分流改革。", JINZHOU),
        # both sides (两院/双方): a clause of the visit, no step of the visitor's own
        ("锦州中院赴大连中院学习考察，并推动两院在繁简分流改革方面深化合作。", JINZHOU),
        # …，并全面学习该院X经验: still learning, the host's X
        ("锦州中院赴大连中院学习考察，并全面学习该院繁简分流改革经验。", JINZHOU),
        (
            "锦州中院赴大连中院学习考察诉源治理工作，考察组全面了解了大连中院推行繁简分流的做法。",
            JINZHOU,
        ),
        # 对我院…/与我院…: 我院 another party (the writer), not where the visitor acts
        ("锦州中院赴大连中院学习考察诉源治理工作，对我院推行繁简分流改革给予充分肯定。", JINZHOU),
        ("锦州中院赴大连中院学习考察诉源治理工作，与我院共同推进繁简分流改革。", JINZHOU),
    ],
)
def test_no_adoption_of_the_visitor_from_what_is_no_step_of_its_own(text: str, not_by: str) -> None:
    assert not_by not in {u for u, _, _ in _own(text)}


def test_the_visitors_own_dateline_makes_its_clause_subject_its_own() -> None:
    # the visitor writes (锦州市中级人民法院报讯): its 我院 opening a clause is the visitor
    text = (
        "锦州市中级人民法院报讯 2024年3月5日，锦州中院赴大连中院学习考察诉源治理工作，"
        "我院随后全面推行繁简分流改革。"
    )
    assert {u for u, _, _ in _own(text)} == {JINZHOU}
