"""A document without a title in its metadata is titled by its headline, never its file name
(issue 12, item 5)."""

from __future__ import annotations

from pathlib import Path

from ingest.titles import headline


def test_headline_is_the_first_headline_like_line() -> None:
    assert headline("甲省法院召开诉源治理推进会\n3月15日，甲省高级人民法院召开会议。") == (
        "甲省法院召开诉源治理推进会"
    )
    # a photo caption above the article is skipped; a long first paragraph gives its sentence
    text = "会议现场。\n3月30日，甲省法院工作会议召开，部署全年工作。会议指出……"
    assert headline(text) == "3月30日，甲省法院工作会议召开，部署全年工作"
    long = "甲" * 80 + "。"
    assert headline(long) == "甲" * 39 + "…"
    assert headline("\n \n") is None


def test_ingested_documents_without_metadata_are_titled_by_their_headline(tmp_path: Path) -> None:
    from ingest.extract import extract_document
    from ingest.pipeline import document_graph
    from ingest.readers import read_document

    path = tmp_path / "0001_8c6a7697.txt"
    path.write_text(
        "会议现场。\n5月8日，乙市中级人民法院召开全市法院诉源治理工作推进会，部署下一阶段工作。\n",
        encoding="utf-8",
    )
    graph = document_graph(extract_document(read_document(path)))
    assert (
        graph.props["title"]
        == "5月8日，乙市中级人民法院召开全市法院诉源治理工作推进会，部署下一阶段工作"
    )
    assert "0001" not in graph.props["title"]


def test_a_document_number_a_subtitle_or_a_signature_is_no_headline() -> None:
    """A notice's document number (with its date), a report's ——subtitle and its signature
    (某某法院院长 某某) stand under or over the title, never as it."""
    assert headline("甲高法〔2023〕12 号 2023 年5 月8 日\n关于推广示例经验的通知\n正文。") == (
        "关于推广示例经验的通知"
    )
    report = "——2024年1月9日在甲市人民代表大会上\n甲市中级人民法院院长 王某某\n过去一年，全市法院审结案件一万件。"
    assert headline(report) == "过去一年，全市法院审结案件一万件"
    assert headline("专访甲市中级人民法院院长 王某某\n正文很长的一段话。") == (
        "专访甲市中级人民法院院长 王某某"
    )


def test_a_report_and_a_notice_are_titled_by_their_title_line(tmp_path: Path) -> None:
    from ingest.readers import read_document

    report = tmp_path / "report.txt"
    report.write_text(
        "甲市中级人民法院工作报告（摘要）\n"
        "——2024年1月9日在甲市第五届人民代表大会第三次会议上\n"
        "甲市中级人民法院院长 王某某\n\n"
        "过去一年，全市法院共受理各类案件12345件，审结12000件，同比上升百分之三。\n",
        encoding="utf-8",
    )
    assert read_document(report).title == "甲市中级人民法院工作报告（摘要）"
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "关于推广示例经验的通知\n甲高法〔2023〕12 号 2023 年5 月8 日\n"
        "为推进诉源治理，省法院决定在全省法院推广示例经验，各院应认真抓好落实。\n",
        encoding="utf-8",
    )
    doc = read_document(notice)
    assert doc.title == "关于推广示例经验的通知" and doc.date == "2023-05-08"


def test_a_pinyin_gloss_after_a_quote_leaves_the_title_too(tmp_path: Path) -> None:
    from ingest.readers import read_document

    path = tmp_path / "trad.txt"
    path.write_text(
        "甲縣法院推進「多元解紛」（duō yuán jiě fēn）機制建設\n發佈時間：2023年10月16日\n\n"
        "今年以來，甲縣人民法院依託產業調解中心化解糾紛三百餘件，調解成功率過半。\n",
        encoding="utf-8",
    )
    assert read_document(path).title == "甲县法院推进“多元解纷”机制建设"


def test_markup_copied_into_a_text_stays_out_of_its_headline() -> None:
    """A .txt copied from a Markdown or HTML page keeps its ## and its tags; the title must not
    (the 总览 list showed "##…" and "…/h2>")."""
    assert headline("##甲省法院上半年新收案件十万件,调解成效明显\n正文一句。") == (
        "甲省法院上半年新收案件十万件,调解成效明显"
    )
    assert headline("### 乙市法院推行**分调裁审**\n正文。") == "乙市法院推行分调裁审"
    assert headline("<h2>丙县法院建设人民法庭</h2>\n正文。") == "丙县法院建设人民法庭"
    # the tag's < lost to a bad encoding: its end still goes
    assert headline("丁市法院适用快办机制 办案驶入快车道/h2>\n正文。") == (
        "丁市法院适用快办机制 办案驶入快车道"
    )
    # a > or # inside a headline is text, not markup
    assert headline("甲省法院结案率>95% 第#1名\n正文。") == "甲省法院结案率>95% 第#1名"


def test_a_read_text_s_title_line_loses_its_markup(tmp_path: Path) -> None:
    """The first line taken as a .txt's title kept its ## (and a page's …/h2>): 总览 listed
    "##甲省法院…"."""
    from ingest.readers import read_document

    for first, name in (
        ("##甲省法院上半年新收案件十万件", "a.txt"),
        ("乙县法院推行快办机制/h2>", "b.txt"),
    ):
        path = tmp_path / name
        path.write_text(
            f"{first}\n本报讯 5月8日，甲省高级人民法院召开新闻发布会，通报上半年工作情况。\n",
            encoding="utf-8",
        )
        title = read_document(path).title or ""
        assert title and "#" not in title and "h2>" not in title, title


def test_markdown_bold_in_a_read_text_leaves_no_boxes(tmp_path: Path) -> None:
    """Normalisation turned the * of **推行** into the censor box □ before the title lost its
    markup, so a real file's title read 甲县法院□□推行□□繁简分流 (a reviewer's findings,
    item 3); the headline of the normalized text too. Censored names keep their boxes."""
    from ingest.normalize import normalize_text
    from ingest.readers import read_document

    path = tmp_path / "d.txt"
    path.write_text(
        "## 甲县法院**推行**繁简分流</h2>\n"
        "本报讯 4月1日，甲县人民法院推行繁简分流，被告人王**、李**到庭。\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "甲县法院推行繁简分流"
    assert "甲县人民法院推行繁简分流" in doc.text and "王□□、李□□" in doc.text
    text = normalize_text("## 乙市法院**诉源治理**见成效</h2>\n正文。")[0]
    assert headline(text) == "乙市法院诉源治理见成效"
