"""When an adoption happened, as the text says it (今年3月, 去年以来, 2025.3.12, 2022 年10 月),
before the article's own date is used; and the periods and checks that lean on such dates.
(A new user's finding: 5 of 11 adopters of one initiative got their article's date.)"""

from __future__ import annotations

import pytest

from ingest.dates import TEXT_DATE, choose_date, content_dates, text_date
from ingest.document import SourceDocument
from ingest.extract import extract_document
from tests.ingest.test_extract import _periods, stand_in


def _dates(text: str, doc_date: str | None) -> list[tuple[str | None, str | None]]:
    doc = SourceDocument(path="t.txt", text=text, date=doc_date)
    ex = extract_document(doc, court_resolver=stand_in)
    return [(a.date, a.date_precision) for a in ex.adoptions]


@pytest.mark.parametrize(
    ("text", "doc_date", "want"),
    [
        ("今年3月，乙县法院全面推行集约送达。", "2025-06-20", ("2025-03", "month")),
        ("今年三月，乙县法院全面推行集约送达。", "2025-06-20", ("2025-03", "month")),
        ("去年以来，乙县法院全面推行集约送达。", "2023-02-15", ("2022", "year")),
        ("去年，乙县法院推行集约送达。", "2023-02-15", ("2022", "year")),
        ("去年12月，乙县法院推行集约送达。", "2023-02-15", ("2022-12", "month")),
        ("前年5月8日，乙县法院推行集约送达。", "2023-02-15", ("2021-05-08", "day")),
        ("2025.3.12，乙县法院召开推进会，推行集约送达。", "2025-03-20", ("2025-03-12", "day")),
        ("2025-03-12，乙县法院推行集约送达。", "2025-03-20", ("2025-03-12", "day")),
        ("2025/3/12，乙县法院推行集约送达。", "2025-03-20", ("2025-03-12", "day")),
        ("2022 年10 月，乙县法院推行集约送达。", "2023-03-20", ("2022-10", "month")),
        ("2022 年 10 月 9 日，乙县法院推行集约送达。", "2023-03-20", ("2022-10-09", "day")),
        # the shapes that worked before still do
        ("2025年3月，乙县法院推行集约送达。", "2025-06-20", ("2025-03", "month")),
        ("3月12日，乙县法院推行集约送达。", "2025-06-20", ("2025-03-12", "day")),
    ],
)
def test_an_adoption_is_dated_by_the_text_in_any_shape(
    text: str, doc_date: str, want: tuple[str, str]
) -> None:
    assert _dates(text, doc_date) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "乙县法院收案较去年下降一成，全面推行集约送达。",  # a comparison, not a time
        "今年底前，乙县法院全面推行集约送达。",  # a deadline
        "乙县法院要求2023.6.30前全面推行集约送达。",
    ],
)
def test_a_comparison_or_deadline_gives_no_adoption_date(text: str) -> None:
    assert all(d == (None, None) for d in _dates(text, "2023-03-20")), _dates(text, "2023-03-20")


def test_a_relative_date_needs_the_articles_date() -> None:
    assert _dates("去年，乙县法院推行集约送达。", None) == [(None, None)]


def test_a_version_number_or_decimal_is_no_date() -> None:
    for text in ("系统升级到2025.3.12.1版本", "占比2025.3%", "编号2025-3-12-7"):
        assert [text_date(m, None) for m in TEXT_DATE.finditer(text)] == [], text


def test_the_text_date_reaches_the_fact_and_the_document_date_is_marked() -> None:
    from ingest.pipeline import document_graph

    text = "今年3月，乙县法院全面推行集约送达。\n丙区法院推行繁简分流。"
    doc = SourceDocument(path="t.txt", text=text, date="2025-06-20", content_hash="h")
    facts = document_graph(extract_document(doc, court_resolver=stand_in)).facts
    got = {
        f.src: (e.date, e.date_precision) for f in facts if f.type == "ADOPTED" for e in f.evidence
    }
    assert sorted(got.values()) == [("2025-03", "month"), ("2025-06-20", "document")]


def test_a_bare_full_year_early_in_a_year_is_the_year_before() -> None:
    """A result reported for 全年 cannot end after its report: from January to March (when
    the year's results are reported) a bare 全年 is the previous year; later, the article's."""
    text = "乙县法院全年化解纠纷1360件。"
    assert _periods(text, "2023-02-15") == {1360.0: "2022-01-01/2022-12-31"}
    assert _periods(text, "2023-03-31") == {1360.0: "2022-01-01/2022-12-31"}
    assert _periods(text, "2023-07-01") == {1360.0: "2023-01-01/2023-12-31"}
    # a relative date written before it gives the year
    text = "去年以来，乙县法院推行集约送达。去年12月，丁镇法庭获评先进。全年化解纠纷865件。"
    assert _periods(text, "2023-06-15") == {865.0: "2022-01-01/2022-12-31"}


def test_a_deadline_is_no_date_the_page_must_postdate() -> None:
    text = "2021年9月，甲市中院印发意见。意见要求各基层法院于2022年底前全面推行集约送达。"
    assert content_dates(text) == ["2021-09"]
    assert content_dates("到2025年，全面建成诉讼服务体系。") == []
    assert content_dates("截至2022年底，共化解纠纷900件。") == ["2022"]
    choice = choose_date(page=["2021-09-28"], text=text)
    assert choice.date == "2021-09-28"
    assert not any("earlier than dates" in w for w in choice.warnings), choice.warnings
