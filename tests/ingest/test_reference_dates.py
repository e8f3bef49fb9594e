"""Without a publication date, 今年/去年 are counted from a day the text itself states (the date
the lead opens with, or its latest full date when all are of one year), and that day is never
given as the publication date; where the text leaves the year open, a relative period stays as
written and says so. (A new user's finding: 今年1至4月 of an article opening with a full date
was kept as written, and a reader a year later took 今年 as the current year.)"""

from __future__ import annotations

import pytest

from ingest.dates import Reference, choose_date, reference_date, relative_period
from ingest.document import SourceDocument
from ingest.extract import extract_document
from tests.ingest.test_extract import stand_in


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the lead opens with the day of what it reports
        (
            "乙县法院推进诉前调解\n\n2023年9月8日，乙县法院召开新闻通报会。今年1至8月，调解案件300件。",
            Reference("2023-09-08", "lead"),
        ),
        (
            "2022年4月1日上午，乙县法院举行揭牌仪式。去年，该院收案1000件。",
            Reference("2022-04-01", "lead"),
        ),
        # an earlier year after the lead is background, not a later writing
        (
            "2023年9月8日，乙县法院召开会议。2022年，该院收案1000件；今年以来收案800件。",
            Reference("2023-09-08", "lead"),
        ),
        # no lead date: the latest full date, all the text's dates being of one year
        (
            "乙县法院开展巡回审判。2021年3月2日，法官到村调解。2021年6月9日，再次开庭。今年以来开庭20次。",
            Reference("2021-06-09", "latest"),
        ),
        # a count up to a day: the story reached that day
        ("截至2024年10月31日，乙县法院今年共受理案件500件。", Reference("2024-10-31", "lead")),
    ],
)
def test_the_reference_is_a_day_the_text_states(text: str, want: Reference) -> None:
    assert reference_date(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a later year named after the lead's: written afterwards
        "2023年9月8日，乙县法院召开会议。2024年，该院又推行了集约送达。今年以来收案800件。",
        # a retrospective: the dated event is where the story starts, not when it was written
        "2019年3月5日，乙县法院诉调对接中心揭牌。五年来，中心化解纠纷2000件。今年以来化解300件。",
        "2019年3月5日，乙县法院诉调对接中心揭牌。如今，中心已成为当地的调解品牌。",
        # full dates of two years near each other, none in the lead
        "乙县法院开展巡回审判。2022年12月28日，法官到村调解。2023年1月5日，再次开庭。今年开庭20次。",
        # a date that starts a span, a deadline, a plan: no day the story reached
        "自2024年3月1日起，乙县法院推行集约送达。今年以来送达文书100件。",
        "乙县法院要求于2024年6月30日前全面推行集约送达。",
        "乙县法院定于2024年6月30日召开推进会。",
        # a rule that takes effect next year, announced this year
        "乙县法院出台办法，于2024年1月1日起施行。今年1至11月，该院调解案件900件。",
        # no full date at all
        "今年1至4月，乙县法院诉前调解案件100件。",
        "2023年11月，乙县法院出台方案。一年来，法庭审结案件500件。",
    ],
)
def test_no_reference_where_the_year_is_open(text: str) -> None:
    assert reference_date(text) is None


def test_the_reference_is_no_publication_date_and_the_note_says_so_in_chinese() -> None:
    text = (
        "乙县法院推进诉前调解\n\n2023年9月8日，乙县法院召开新闻通报会。今年1至8月，调解案件300件。"
    )
    choice = choose_date(text=text)
    assert (choice.date, choice.source, choice.reference) == (None, None, "2023-09-08")
    note = choice.note or ""
    assert "2023-09-08" in note and "不是发布日期" in note and "相对时间" in note
    # a date from the page wins and leaves no reference
    dated = choose_date(page=["2023-09-10"], text=text)
    assert (dated.date, dated.reference) == ("2023-09-10", None)


def test_a_note_says_when_relative_times_stay_as_written() -> None:
    note = choose_date(text="乙县法院推进诉前调解。今年1至4月，调解案件100件。").note or ""
    assert "按原文保留" in note
    # a text without relative times gets no such clause
    assert "按原文保留" not in (choose_date(text="2021年，乙县法院审结案件100件。").note or "")


@pytest.mark.parametrize(
    ("note_of", "text"),
    [
        ("page", "日期 2024-05-01 取自网页的发布时间栏"),
        ("none", "网页、网址和元数据中都没有发布日期"),
    ],
)
def test_the_date_note_is_written_in_chinese(note_of: str, text: str) -> None:
    choice = choose_date(page=["2024-05-01"]) if note_of == "page" else choose_date(text="正文。")
    assert choice.note == text


def _periods(text: str, doc_date: str | None = None) -> dict[float, str | None]:
    doc = SourceDocument(path="t.txt", text=text, date=doc_date)
    return {o.value: o.period for o in extract_document(doc, court_resolver=stand_in).outcomes}


def test_an_undated_articles_relative_period_counts_from_its_lead_date() -> None:
    text = (
        "乙县法院推进诉前调解\n\n2023年9月8日，乙县法院召开新闻通报会，通报诉前调解工作情况。"
        "今年1至8月，乙县法院诉前调解案件3210件，调解成功率为61.5%。"
    )
    assert _periods(text) == {3210: "2023-01-01/2023-08-31", 61.5: "2023-01-01/2023-08-31"}
    # a publication date, where there is one, still decides
    assert _periods(text, "2024-09-20")[3210] == "2024-01-01/2024-08-31"


@pytest.mark.parametrize("span", ["今年以来", "2023年以来", "近6个月来"])
def test_a_span_up_to_the_writing_is_not_ended_on_the_lead_date(span: str) -> None:
    # the lead's day only bounds the writing from below: where such a span ends is unknown
    text = f"2023年9月8日，乙县法院召开新闻通报会。{span}，乙县法院诉前调解案件3210件。"
    period = _periods(text)[3210]
    assert period is not None and period.endswith("（相对时间，文档日期不详）")
    assert _periods(text, "2023-09-20")[3210] not in (None, period)


def test_an_adoption_dated_relative_to_the_lead_date() -> None:
    text = "2023年9月8日，乙县法院召开新闻通报会。今年3月，乙县法院全面推行集约送达。"
    doc = SourceDocument(path="t.txt", text=text, date=None)
    ex = extract_document(doc, court_resolver=stand_in)
    assert [(a.date, a.date_precision) for a in ex.adoptions] == [("2023-03", "month")]
    assert ex.document.date is None


def test_an_open_relative_period_stays_as_written_and_says_it_is_relative() -> None:
    text = (
        "2019年3月5日，乙县法院诉调对接中心揭牌。五年来，中心化解纠纷2000件。"
        "今年1至4月，乙县法院诉前调解案件1200件。"
    )
    period = _periods(text)[1200]
    assert period is not None and period.startswith("今年1至4月") and "相对时间" in period
    # an explicit year is no relative time
    assert _periods("2023年1至4月，乙县法院诉前调解案件1200件。")[1200] == "2023-01-01/2023-04-30"


@pytest.mark.parametrize(
    ("expr", "relative"),
    [
        ("今年1至4月", True),
        ("上半年", True),
        ("去年同期", True),
        ("一年来", True),
        ("2023年以来", True),
        ("2023年1-4月", False),
        ("2023年", False),
        ("近年来", False),
        ("", False),
    ],
)
def test_relative_period(expr: str, relative: bool) -> None:
    assert relative_period(expr) is relative


def test_a_lead_that_announces_or_starts_something_is_no_reference() -> None:
    # the lead's date is a plan or a start; the other date is of another year
    assert reference_date("乙县法院定于2024年6月30日召开推进会。2023年12月1日，该院试点X。") is None
    text = "自2024年3月1日起，乙县法院推行集约送达。2024年5月6日，该院召开推进会。"
    assert reference_date(text) == Reference("2024-05-06", "latest")


@pytest.mark.parametrize(
    "text",
    [
        # the story looks back from a later time
        "2020年5月8日，乙县法院巡回法庭挂牌。当时，法庭只有两名法官。今年以来审结案件300件。",
        "2020年5月8日，乙县法院巡回法庭挂牌。时隔多年，法庭已审结案件3000件。今年审结300件。",
    ],
)
def test_a_story_told_from_later_has_no_reference(text: str) -> None:
    assert reference_date(text) is None


def test_a_date_deep_in_the_first_sentence_is_no_lead() -> None:
    text = (
        "乙县法院坚持把非诉讼纠纷解决机制挺在前面，主动联合县司法局、县妇联、县总工会、县工商联等单位"
        "于2023年3月2日签署协议。今年以来调解纠纷200件。"
    )
    # not what the lead reports the day of; still the text's one day
    assert reference_date(text) == Reference("2023-03-02", "latest")


def test_later_days_of_the_leads_year_move_the_reference_on() -> None:
    text = "2023年3月2日，乙县法院签署协议。2023年5月6日，该院召开推进会。今年以来调解纠纷200件。"
    assert reference_date(text) == Reference("2023-05-06", "latest")
    with_byline = (
        "本报讯（记者 张某 通讯员 李某）2024年5月20日，乙县法院召开新闻发布会。今年以来收案100件。"
    )
    assert reference_date(with_byline) == Reference("2024-05-20", "lead")


def test_a_yearless_month_after_the_reference_stays_as_written() -> None:
    # the reference only bounds the writing from below: 3月 may be of its year or the one before
    text = "2025年1月6日，乙县法院召开推进会。3月，乙县法院诉前调解案件520件。"
    period = _periods(text)[520]
    assert period is not None and period.startswith("3月（相对时间")
    # before the reference's month it is of the reference's year
    text = "2025年5月6日，乙县法院召开推进会。3月，乙县法院诉前调解案件520件。"
    assert _periods(text)[520] == "2025-03-01/2025-03-31"


def test_a_bare_full_year_is_not_placed_by_a_day_the_text_states() -> None:
    # 全年 is the year a report looks back on: a day the text states is no report date
    text = "全年，乙县法院审结案件900件。2024年5月6日，该院召开总结会。"
    assert _periods(text)[900] is None
    assert _periods(text, "2024-05-08")[900] == "2024-01-01/2024-12-31"
