"""Tests for ingest.boilerplate: what is cut from a page and what is kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.boilerplate import (
    find_boilerplate,
    source_urls,
    strip_boilerplate,
    strip_page_furniture,
)
from ingest.normalize import normalize_text
from tests.shared_corpus import CORPUS, HINT

DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"

BODY = [
    "今年以来，示例县人民法院推行诉前调解，在立案大厅设立调解室，邀请特邀调解员常驻。",
    "截至6月底，该院诉前调解成功案件632件，同比上升8.1%，群众满意度明显提高。",
    "下一步，该院将把这一做法推广到各人民法庭，让群众在家门口解决纠纷。",
]


def kept(text: str) -> list[str]:
    return [text[a:b] for a, b in strip_boilerplate(text)]


def test_plain_article_is_kept_whole() -> None:
    text = "\n".join(BODY)
    assert kept(text) == BODY


def test_header_navigation_and_byline_are_cut_headline_kept() -> None:
    text = "\n".join(
        [
            "示例法治网",
            "欢迎访问示例法治网！",
            "首页",
            "要闻",
            "法院",
            "当前位置：首页 > 法院动态 > 正文",
            "示例县法院诉前调解成效明显",
            "发布时间：2023-07-05 来源：示例日报 作者：佚名",
            *BODY,
        ]
    )
    cut = find_boilerplate(text)
    assert [text[a:b] for a, b in cut.spans] == ["示例县法院诉前调解成效明显", *BODY]
    assert cut.title == "示例县法院诉前调解成效明显"
    assert {why for _, _, why in cut.removed} == {"header", "byline"}


def test_section_headings_after_the_byline_are_kept() -> None:
    text = "\n".join(
        ["标题：示例法院工作报道", "发布时间：2021-05-06 09:15:00", "示例中院", "第一部分", *BODY]
    )
    assert kept(text) == ["标题：示例法院工作报道", "示例中院", "第一部分", *BODY]


def test_menu_runs_without_a_byline_are_cut() -> None:
    text = "\n".join(["首页", "新闻", "公告", "设为首页 加入收藏", *BODY])
    assert kept(text) == BODY


def test_original_link_and_everything_after_it_is_cut_and_the_url_kept() -> None:
    text = "\n".join(
        [
            *BODY,
            "原文链接：http://news.example.cn/2023-07/04/content_1.htm",
            "[免责声明] 本站文章来自网络，如有侵权请联系删除。",
            "本站部分信息由相应主体自行提供，本站不承担任何保证责任。",
            "示例网 example.cn 版权所有。",
            "联系电话：010-00000000 客服QQ:123456",
        ]
    )
    cut = find_boilerplate(text)
    assert [text[a:b] for a, b in cut.spans] == BODY
    assert cut.source_urls == ["http://news.example.cn/2023-07/04/content_1.htm"]


def test_credit_block_and_app_banners_are_cut() -> None:
    text = "\n".join(
        [
            "打开示例新闻 查看精彩图片",
            BODY[0],
            "打开示例新闻 查看精彩图片",
            BODY[1],
            "来源：示例客户端",
            "联合制作：示例传媒",
            "审核丨张 三",
            "责编丨 李四",
            "编辑丨王五",
        ]
    )
    assert kept(text) == BODY[:2]


def test_editor_line_and_footer_are_cut() -> None:
    text = "\n".join(
        [
            *BODY,
            "责任编辑：某某",
            "关闭窗口",
            "您是第 1234567 位访客",
            "Copyright©2024 示例法院 版权所有 示ICP备00000000号",
        ]
    )
    assert kept(text) == BODY


def test_footer_without_an_end_marker_is_peeled_off() -> None:
    text = "\n".join(
        [
            *BODY,
            "地址：示例市人民路1号 邮编：000000 电话：0000-0000000",
            "示例市中级人民法院版权所有，未经授权禁止转载",
        ]
    )
    assert kept(text) == BODY


def test_close_window_bracket_form() -> None:
    assert kept("\n".join([*BODY, "〖关闭窗口〗"])) == BODY


def test_weak_end_markers_do_not_cut_the_article_short() -> None:
    text = "\n".join([BODY[0], "来源：本院", BODY[1], BODY[2]])
    assert kept(text) == [BODY[0], "来源：本院", BODY[1], BODY[2]]


def test_a_sentence_mentioning_a_phone_number_stays() -> None:
    line = "该院开通了12368诉讼服务热线，当事人拨打电话即可查询案件进展，十分方便。"
    assert kept("\n".join([*BODY, line])) == [*BODY, line]


def test_removed_text_is_not_in_the_spans() -> None:
    text = "\n".join(["当前位置：首页 > 新闻", *BODY, "责任编辑：某某"])
    joined = "\n".join(kept(text))
    assert "当前位置" not in joined and "责任编辑" not in joined


def test_source_urls_label_forms() -> None:
    text = (
        "原文地址：https://a.example.cn/x/2024/01/02/1.html\n阅读原文\nhttp://b.example.cn/p?id=3"
    )
    assert source_urls(text) == [
        "https://a.example.cn/x/2024/01/02/1.html",
        "http://b.example.cn/p?id=3",
    ]


def test_empty_text() -> None:
    assert strip_boilerplate("") == []
    assert find_boilerplate("\n\n").spans == []


def test_sample_repost_file() -> None:
    raw = (DOCS / "repost_aggregator.txt").read_text(encoding="utf-8")
    text = normalize_text(raw)[0]
    cut = find_boilerplate(text)
    body = "\n".join(text[a:b] for a, b in cut.spans)
    assert body.startswith("青山区法院推行“分调裁审”成效初显\n今年以来")
    assert body.endswith("延伸到各人民法庭。")
    assert cut.source_urls == ["http://news.example.cn/local/2023-08/25/content_778899.html"]


# --- the real corpus -------------------------------------------------------------------------


def _gold_for(path: Path) -> Path:
    if path.parent.name == "seeds":
        return CORPUS / "gold" / (path.stem + ".json")
    return CORPUS / "dev" / "gold" / (path.stem + ".json")


def _mentions(gold: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("courts", "initiatives", "people", "organizations"):
        for item in gold.get(key) or []:
            out.extend(item.get("mentions") or [])
    out.extend(o["text"] for o in gold.get("outcomes") or [] if o.get("text"))
    return out


def test_no_gold_mention_is_lost_to_the_cut() -> None:
    """Every annotated surface stands in the text that survives boilerplate removal."""
    from ingest.readers import read_document

    if not CORPUS.is_dir():
        pytest.skip(HINT)
    checked = 0
    for path in sorted(CORPUS.glob("**/*.txt")):
        gold_path = _gold_for(path)
        if not gold_path.exists():
            continue
        doc = read_document(path)
        kept_chars = set(doc.offsets)
        for mention in _mentions(json.loads(gold_path.read_text(encoding="utf-8"))):
            starts = []
            i = doc.original.find(mention)
            while i >= 0:
                starts.append(i)
                i = doc.original.find(mention, i + 1)
            if not starts:
                continue
            ideographs = sum(1 for c in mention if ord(c) > 0x2E80)
            assert any(
                sum(1 for k in range(s, s + len(mention)) if k in kept_chars) >= ideographs / 2
                for s in starts
            ), (path.name, mention)
            checked += 1
    assert checked > 100


def test_corpus_boilerplate_is_gone() -> None:
    from ingest.readers import read_document

    if not CORPUS.is_dir():
        pytest.skip(HINT)
    markers = [
        "原文链接",
        "免责声明",
        "版权所有",
        "ICP备",
        "当前位置",
        "当前所在",
        "责任编辑",
        "打开网易新闻",
        "审核丨",
        "关闭窗口",
        "位访客",
        "发布时间",
        "精彩推荐",
        "QQ",
    ]
    for path in sorted(CORPUS.glob("**/*.txt")):
        text = read_document(path).text
        for marker in markers:
            assert marker not in text, (path.name, marker)


def test_corpus_original_source_urls_are_captured() -> None:
    from ingest.readers import read_document

    seeds = sorted(CORPUS.glob("seeds/00[03]_*.txt"))
    if len(seeds) < 2:
        pytest.skip("seed articles not present")
    urls = [read_document(p).urls for p in seeds]
    assert any("chinapeace.gov.cn" in u and "2022-06/13" in u for u in urls[0])
    assert any("xjcourt.gov.cn" in u and "/2024/09/" in u for u in urls[1])


def test_short_page_without_a_paragraph_still_loses_its_tail() -> None:
    text = "首页 > 新闻\n示例法院召开会议\n发布时间：2024-01-02\n会议部署全年工作。\n责任编辑：某某"
    assert kept(text) == ["示例法院召开会议", "会议部署全年工作。"]


# --- printed pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["—2—", "— 2 —", "- 2 -", "－2－", "第2页", "第 2 页 共 3 页", "2/3", "2"]
)
def test_page_number_lines_are_cut(number: str) -> None:
    pages = ["甲法院召开会议，部署工作。", f"{number}\n乙法院召开会议，部署工作。"]
    assert strip_page_furniture(pages) == "甲法院召开会议，部署工作。\n乙法院召开会议，部署工作。"


def test_running_headers_are_cut_even_when_their_figures_change() -> None:
    bodies = ["立案庭开展调解。", "审判庭审结案件。", "执行局兑现款项。", "法警队保障安全。"]
    pages = [
        f"示例法院工作简报第{n}期\n{body}\n示例市中级人民法院办公室印发"
        for n, body in enumerate(bodies, 1)
    ]
    assert strip_page_furniture(pages).split("\n") == bodies


def test_a_sentence_broken_by_a_page_is_joined_but_a_heading_is_not() -> None:
    pages = [
        "会议指出，要坚持和发展新时代枫桥经验，\n推动矛盾纠纷化解在基层，减少了诉讼\n—1—",
        "增量。\n二、主要做法\n—2—",
        "该院设立调解工作站。\n—3—",
    ]
    assert strip_page_furniture(pages).split("\n") == [
        "会议指出，要坚持和发展新时代枫桥经验，推动矛盾纠纷化解在基层，减少了诉讼增量。",
        "二、主要做法",
        "该院设立调解工作站。",
    ]


def test_numbers_and_repeats_inside_the_page_are_kept() -> None:
    middle = "\n".join(["正文第一行。", "正文第二行。", "正文第三行。", "2024", "正文第四行。"])
    text = "\n".join(["标题", "导语。", "作者", middle, "结尾一。", "结尾二。", "结尾三。"])
    assert "\n2024\n" in strip_page_furniture([text, text])
    assert strip_page_furniture(["唯一一页。\n12"]) == "唯一一页。"


def test_a_byline_naming_court_staff_stays_in_the_text() -> None:
    header = ["首页 > 法院动态", "示例县法院开展诉前调解工作"]
    court_byline = "作者：示例县人民法院 王小明 发布时间：2024-03-05"
    text = "\n".join([*header, court_byline, *BODY])
    assert kept(text) == ["示例县法院开展诉前调解工作", "作者：示例县人民法院 王小明", *BODY]
    press = "\n".join([*header, "作者：本网记者 王小明 发布时间：2024-03-05", *BODY])
    assert kept(press) == ["示例县法院开展诉前调解工作", *BODY]


def test_quote_marks_read_at_the_start_of_a_printed_line_go_back_in_place() -> None:
    """A PDF reader takes the quote marks (a font of their own) first and leaves a space for
    each: they go back in those gaps, only when the gaps and the marks are as many."""
    assert strip_page_furniture(["“ ”甲省法院推广 示例法庭 建设经验。"]) == (
        "甲省法院推广“示例法庭”建设经验。"
    )
    assert strip_page_furniture(["“ ”“ ”推广 示例法庭 和 调解平台 建设。"]) == (
        "推广“示例法庭”和“调解平台”建设。"
    )
    assert strip_page_furniture(["“ ”甲省法院推广 示例法庭建设经验。"]) == (
        "“ ”甲省法院推广 示例法庭建设经验。"
    )


def test_the_court_of_a_cut_byline_row_is_the_pages_court() -> None:
    """日期 法院 阅读数 is page furniture, cut; the court in it is the page's author."""
    page = "首页 > 工作动态\n乙县法院召开推进会\n2023-11-02  湖北省乙县人民法院  阅读数：58\n会议部署了下一阶段工作。"
    cut = find_boilerplate(page)
    assert cut.page_court == "湖北省乙县人民法院"
    assert "阅读数" not in "".join(page[a:b] for a, b in cut.spans)
    page = "首页 > 工作动态\n乙县法院召开推进会\n来源：湖北省乙县人民法院  发布时间：2023-11-02\n会议部署了工作。"
    assert find_boilerplate(page).page_court == "湖北省乙县人民法院"


@pytest.mark.parametrize(
    "byline",
    [
        "来源：人民法院报  发布时间：2023-11-02",  # a paper, no court
        "来源：中国法院网  2023-11-02  阅读数：58",  # a site
        "2023-11-02  湖北省乙县人民法院  丙县人民法院  阅读数：58",  # two courts: which?
    ],
)
def test_a_byline_without_one_court_gives_no_pages_court(byline: str) -> None:
    page = f"首页 > 工作动态\n乙县法院召开推进会\n{byline}\n会议部署了下一阶段工作。"
    assert find_boilerplate(page).page_court is None
