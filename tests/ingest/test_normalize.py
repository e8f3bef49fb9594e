"""Tests for ingest.normalize: canonical text, exact offsets, sentence spans."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.normalize import normalize_text, split_sentences
from tests.shared_corpus import CORPUS, HINT

_PINYIN_GROUP = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
_PAIRS = {
    ",": "，",
    ";": "；",
    ":": "：",
    "!": "！",
    "?": "？",
    "(": "（",
    ")": "）",
    '"': "“”",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "–": "-",  # en dash
    "−": "-",  # minus sign
}


def _source_ok(src: str, out: str) -> bool:
    """Could normalization have turned the raw character `src` into `out`?"""
    if src == out:
        return True
    if out in "\n " and src.isspace():
        return True
    if out in _PAIRS.get(src, ""):
        return True
    if out == "\ufffd" or out == "□":
        return True
    if unicodedata.normalize("NFKC", src) == out:
        return True
    # traditional -> simplified (the content tests check which)
    return unicodedata.east_asian_width(src) in "WF" and unicodedata.east_asian_width(out) in "WF"


def assert_offsets(raw: str, text: str, offsets: list[int]) -> None:
    assert len(offsets) == len(text)
    assert all(0 <= o < len(raw) for o in offsets)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False)), "offsets not increasing"
    for i, ch in enumerate(text):
        assert _source_ok(raw[offsets[i]], ch), (i, ch, raw[offsets[i]])


# --- pinyin glosses ------------------------------------------------------------------------


def test_pinyin_glosses_after_characters_are_removed() -> None:
    text, offsets, warnings = normalize_text("會議現(xiàn)場。法院執(zhí)行(xíng)工作")
    assert text == "会议现场。法院执行工作"
    assert_offsets("會議現(xiàn)場。法院執(zhí)行(xíng)工作", text, offsets)
    assert warnings == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第一条(一)规定", "第一条（一）规定"),
        ("该院(2022年)工作", "该院（2022年）工作"),
        ("本院(以下简称本院)", "本院（以下简称本院）"),
        ("系统(abc)上线", "系统（abc）上线"),
        ("名称(xian)不带声调", "名称（xian）不带声调"),
        ("拼音(Fēngqiáo)两个音节", "拼音（Fēngqiáo）两个音节"),
        ("English (xiàn) after a space", "English (xiàn) after a space"),
    ],
)
def test_real_parentheses_stay(raw: str, expected: str) -> None:
    assert normalize_text(raw)[0] == expected


def test_full_width_pinyin_parentheses_are_removed() -> None:
    assert normalize_text("調（diào）解")[0] == "调解"


def test_readings_of_several_characters_are_removed() -> None:
    """A reading of a whole word (衔接(xián jiē), 渔场(yú chǎng)) goes like one syllable's,
    with offsets kept; a capitalised romanisation, other words, or more syllables than the
    characters before them stay."""
    raw = "推行诉非衔接(xián jiē)机制，渔场（yú chǎng）法庭"
    text, offsets, _ = normalize_text(raw)
    assert text == "推行诉非衔接机制，渔场法庭"
    assert_offsets(raw, text, offsets)
    assert normalize_text("法庭(Yú Chǎng)")[0] == "法庭（Yú Chǎng）"
    assert normalize_text("会议(hello world)召开")[0] == "会议（hello world）召开"
    assert normalize_text("场(yú chǎng)")[0] == "场（yú chǎng）"


def test_a_half_width_full_stop_between_chinese_ends_a_sentence() -> None:
    assert normalize_text("工作情况.该院推行")[0] == "工作情况。该院推行"
    assert normalize_text("结案率达到九成. \n")[0] == "结案率达到九成。"
    for kept in ("增长1.5%", "详见www.court.gov.cn网站", "第1.2条", "ABC.该院"):
        assert normalize_text(kept)[0] == kept
    # the dot of an outline number is a 、, not a sentence of one character
    assert (
        normalize_text("一.加强诉源治理\n二.推进多元解纷")[0]
        == "一、加强诉源治理\n二、推进多元解纷"
    )
    assert normalize_text("第一.坚持党的领导")[0] == "第一、坚持党的领导"


# --- traditional -> simplified --------------------------------------------------------------


def test_traditional_to_simplified_keeps_words() -> None:
    text = normalize_text("寧陜縣法院強制執行，陝西省")[0]
    assert text == "宁陕县法院强制执行，陕西省"
    # t2s, not tw2sp: 执行 must not become 运行, 信息 not 资讯
    assert normalize_text("执行信息公开")[0] == "执行信息公开"


def test_idempotent_on_its_output() -> None:
    raw = "  會議現(xiàn)場,3月30日召開。\r\n\r\n第二段 （一）內容;數據: 12,345件!  \n"
    once = normalize_text(raw)[0]
    twice, offsets, _ = normalize_text(once)
    assert twice == once
    assert offsets == list(range(len(once)))


def test_a_replacement_left_before_letters_is_not_garbled_again() -> None:
    """A lost character's gloss remains (?n)) become U+FFFD; a toned letter after them stays,
    and the second pass must not read the U+FFFD and that letter as another garbled run
    (hypothesis found ?n)à)."""
    once = normalize_text("?n)à")[0]
    assert once == "\ufffdà"
    assert normalize_text(once)[0] == once
    assert normalize_text("\ufffdxiàng)")[0] == "\ufffd"


def test_simplified_text_is_unchanged() -> None:
    raw = "示例县人民法院着力推进诉源治理，显著提升审判质效，干部队伍建设取得新进展。"
    text, offsets, warnings = normalize_text(raw)
    assert text == raw
    assert offsets == list(range(len(raw)))
    assert warnings == []


# --- Unicode and punctuation ---------------------------------------------------------------


def test_full_width_letters_digits_become_ascii() -> None:
    assert normalize_text("２０２４年ＡＢＣ法院％")[0] == "2024年ABC法院%"


def test_ascii_punctuation_next_to_chinese_becomes_full_width() -> None:
    raw = "法院,审判;执行:结果!为何?共1,234件,网址http://a.cn/x?id=1:2"
    assert (
        normalize_text(raw)[0]
        == "法院，审判；执行：结果！为何？共1,234件，网址http://a.cn/x?id=1:2"
    )


def test_full_and_half_width_inputs_agree() -> None:
    assert normalize_text("法院，审判（一）：好！")[0] == normalize_text("法院,审判(一):好!")[0]


def test_straight_quotes_become_curly_in_chinese_lines() -> None:
    assert normalize_text('推行"一站式"服务')[0] == "推行“一站式”服务"
    assert normalize_text('say "hi" now')[0] == 'say "hi" now'


def test_corner_brackets_become_quotes() -> None:
    assert normalize_text("「調解」")[0] == "“调解”"


def test_doubled_commas_are_collapsed() -> None:
    text, offsets, _ = normalize_text("法院,,审判，，执行。。")
    assert text == "法院，审判，执行。"
    assert_offsets("法院,,审判，，执行。。", text, offsets)


def test_censor_marks_become_boxes() -> None:
    assert normalize_text("被告李××与王＊＊")[0] == "被告李□□与王□□"
    assert normalize_text("面积3×4米")[0] == "面积3×4米"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("原告张**诉李**离婚纠纷一案", "原告张□□诉李□□离婚纠纷一案"),
        ("申请人王**与被申请人赵**调解成功", "申请人王□□与被申请人赵□□调解成功"),
        ("欧阳**诉上官**合同纠纷", "欧阳□□诉上官□□合同纠纷"),
        ("原告張**訴李**離婚糾紛", "原告张□□诉李□□离婚纠纷"),  # traditional
    ],
)
def test_starred_out_names_of_a_caption_keep_their_stars(raw: str, text: str) -> None:
    out, offsets, _ = normalize_text(raw)
    assert out == text
    assert_offsets(raw, out, offsets)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # a link word and a surname that make a word of their own after a surname: bold
        ("法官耐心释法，促成双方**和解**。", "法官耐心释法，促成双方和解。"),
        ("法官促成当事人双方**和解**，案件当庭结案。", "法官促成当事人双方和解，案件当庭结案。"),
        # ... unless the caption goes on or a party's label stands before it
        ("原告王**和解**民间借贷纠纷一案", "原告王□□和解□□民间借贷纠纷一案"),
        ("张**与李**达成协议", "张□□与李□□达成协议"),
    ],
)
def test_a_word_in_bold_after_a_surname_is_bold(raw: str, text: str) -> None:
    out, offsets, _ = normalize_text(raw)
    assert out == text
    assert_offsets(raw, out, offsets)


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("乙市法院**诉源治理**见成效", "乙市法院诉源治理见成效"),
        ("某院坚持**与时俱进**", "某院坚持与时俱进"),
        ("院长**王立新**指出", "院长王立新指出"),
        ("张三**与李四**", "张三与李四"),  # whole names in bold: nothing starred out
    ],
)
def test_bold_next_to_a_surname_like_word_is_still_bold(raw: str, text: str) -> None:
    assert normalize_text(raw)[0] == text


def test_zero_width_and_control_characters_are_dropped() -> None:
    raw = "\ufeff法\u200b院\x07审判"
    text, offsets, _ = normalize_text(raw)
    assert text == "法院审判"
    assert [raw[o] for o in offsets] == list("法院审判")


def test_kangxi_radicals_from_pdfs_become_ideographs() -> None:
    assert normalize_text("⼈⺠法院")[0].startswith("人")


# --- whitespace and lines --------------------------------------------------------------------


def test_lines_are_stripped_and_blank_lines_dropped() -> None:
    raw = "  第一段。  \r\n\r\n\r\n\u3000\u3000第二段。\n   \n"
    text, offsets, _ = normalize_text(raw)
    assert text == "第一段。\n第二段。"
    assert_offsets(raw, text, offsets)


def test_spaces_next_to_chinese_punctuation_are_dropped() -> None:
    assert normalize_text("奏响 “脱薄” 奋进曲 。")[0] == "奏响“脱薄”奋进曲。"


def test_flattened_paragraphs_are_split_again() -> None:
    assert normalize_text("第一段结束。\u3000\u3000第二段开始。")[0] == "第一段结束。\n第二段开始。"


def test_hard_wrapped_lines_are_joined() -> None:
    sentence = (
        "示例市中级人民法院今年以来持续推进诉源治理和多元解纷工作取得明显成效各基层法院积极配合"
        "人民法庭主动融入基层社会治理格局诉前调解成功率稳步提高群众满意度随之上升"
    )
    raw = "\n".join(sentence[i : i + 20] for i in range(0, len(sentence), 20)) + "。"
    text, offsets, _ = normalize_text(raw)
    assert text == sentence + "。"
    assert_offsets(raw, text, offsets)


def test_headings_are_not_joined_to_paragraphs() -> None:
    raw = "聚焦队伍建设\n本院加强干警培训，提升办案能力。\n聚焦基层基础\n本院完善法庭布局。"
    assert normalize_text(raw)[0] == raw


def test_lines_broken_after_a_comma_are_joined() -> None:
    assert normalize_text("本院召开会议，\n部署全年工作。")[0] == "本院召开会议，部署全年工作。"


# --- mojibake --------------------------------------------------------------------------------


def test_garbled_pinyin_runs_are_replaced_and_flagged() -> None:
    raw = "推進審判?qū)m?xiàng)工作,加強?fàn)I運管理"
    text, offsets, warnings = normalize_text(raw)
    assert text == "推进审判\ufffd工作，加强\ufffd运管理"
    assert_offsets(raw, text, offsets)
    assert any("mojibake" in w for w in warnings)


def _latin1_mojibake(s: str) -> str:
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def test_latin1_mojibake_of_utf8_is_repaired() -> None:
    raw = "标题：" + _latin1_mojibake("人民法院审判") + "。"
    text, offsets, warnings = normalize_text(raw)
    assert text == "标题：人民法院审判。"
    # Each repaired character points at the first of the three characters it was read as.
    assert raw[offsets[3]] == _latin1_mojibake("人")[0]
    assert offsets[4] - offsets[3] == 3
    assert raw[offsets[-1]] == "。"
    assert any("Latin-1" in w for w in warnings)


def test_replacement_characters_are_flagged() -> None:
    text, _, warnings = normalize_text("法院\ufffd\ufffd\ufffd审判")
    assert text == "法院\ufffd审判"
    assert any("U+FFFD" in w for w in warnings)


def test_question_marks_in_text_are_not_mojibake() -> None:
    text, _, warnings = normalize_text("情况怎么样?见http://a.cn/p?id=3")
    assert text == "情况怎么样？见http://a.cn/p?id=3"
    assert warnings == []


# --- offsets on many inputs ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "abc",
        "會議現(xiàn)場。\r\n\r\n  法院(一),審判!  ",
        "法院\t审判\u3000\u3000执行。  \n\n\n结束",
        "Ｆｕｌｌ　ｗｉｄｔｈ：１２３",
        "第一段。  第二段，，第三段；；",
        '他说"好"。\n“引号”内容！',
        "?xiàng)開頭(zhí)的亂碼",
    ],
)
def test_offsets_point_at_the_source_characters(raw: str) -> None:
    text, offsets, _ = normalize_text(raw)
    assert_offsets(raw, text, offsets)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_offsets_stay_valid(raw: str) -> None:
    text, offsets, warnings = normalize_text(raw)
    assert isinstance(warnings, list)
    assert len(offsets) == len(text)
    assert all(0 <= o < len(raw) for o in offsets)
    assert all(a < b for a, b in zip(offsets, offsets[1:], strict=False))


def test_a_pinyin_gloss_behind_a_space_is_removed_at_once() -> None:
    # hypothesis found it: the space hid the gloss from the first pass, the second removed it
    text = normalize_text("判( à)")[0]
    assert text == "判"
    assert normalize_text(text)[0] == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='法院審判會議現場（）()，,。 \n\t\r、；;:：?？!！"“”xiàn12', max_size=80))
def test_offsets_valid_on_chinese_like_text(raw: str) -> None:
    text, offsets, _ = normalize_text(raw)
    assert_offsets(raw, text, offsets)
    again = normalize_text(text)[0]
    assert again == text


# --- sentences -------------------------------------------------------------------------------


def test_split_sentences_on_terminators_and_lines() -> None:
    text = "第一句。第二句！第三句？第四句；第五句\n第六句"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "第一句。",
        "第二句！",
        "第三句？",
        "第四句；",
        "第五句",
        "第六句",
    ]


def test_split_sentences_keeps_quotes_together() -> None:
    text = "院长说：“要抓落实。要见成效！”会议结束。"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["院长说：“要抓落实。要见成效！”", "会议结束。"]


def test_split_sentences_survives_an_unclosed_quote() -> None:
    text = "他说：“第一句。第二句。"
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert "".join(parts) == text
    assert len(parts) == 2


def test_split_sentences_skips_blank_space() -> None:
    assert split_sentences("  \n\n") == []


# --- the real corpus -------------------------------------------------------------------------


def _corpus_file(pattern: str) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(HINT)
    found = sorted(CORPUS.glob(pattern))
    if not found:
        pytest.skip(HINT)
    return found[0]


def test_seed_001_loses_every_pinyin_group() -> None:
    raw = _corpus_file("seeds/001_*.txt").read_text(encoding="utf-8")
    assert len(_PINYIN_GROUP.findall(raw)) > 400
    text, offsets, warnings = normalize_text(raw)
    assert _PINYIN_GROUP.findall(text) == []
    assert "会议现场" in text
    assert_offsets(raw, text, offsets)
    assert any("mojibake" in w for w in warnings)


def test_dev_014_maps_the_variant_shaan() -> None:
    raw = _corpus_file("dev/articles/014.txt").read_text(encoding="utf-8")
    text = normalize_text(raw)[0]
    assert "陜" in raw and "陜" not in text
    assert "宁陕县" in text
    assert "强制执行" in text


def test_every_corpus_article_normalizes_with_exact_offsets() -> None:
    if not CORPUS.is_dir():
        pytest.skip(HINT)
    files = sorted(CORPUS.glob("**/*.txt"))
    assert files
    for path in files:
        raw = path.read_text(encoding="utf-8")
        text, offsets, _ = normalize_text(raw)
        assert_offsets(raw, text, offsets)
        assert normalize_text(text)[0] == text, path.name


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="法院。！？；!?“”‘’《》（）【】\"' \nab", max_size=80))
def test_sentence_spans_cover_the_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert text[pos:a].strip() == ""  # nothing but space is skipped
        pos = b
    assert text[pos:].strip() == ""


def test_phrase_conversion_that_changes_length_keeps_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If OpenCC ever rewrites a phrase to another length, lines fall back to per character."""
    import ingest.normalize as norm

    class Stretching:
        def convert(self, s: str) -> str:
            return s.replace("乾隆", "乾隆帝").replace("會", "会")

    norm._t2s_char.cache_clear()
    norm._damaged_places.cache_clear()
    monkeypatch.setattr(norm, "_opencc", lambda: Stretching())
    try:
        raw = "會議\n乾隆年間會"
        text, offsets, _ = normalize_text(raw)
        assert text == "会議\n乾隆年間会"  # the fake converter knows only 會 and 乾隆
        assert_offsets(raw, text, offsets)
    finally:
        norm._t2s_char.cache_clear()
        norm._damaged_places.cache_clear()


def test_a_long_run_of_spaced_question_marks_converts_in_one_pass() -> None:
    raw = "? ? ? ? ? ? ? ?湿地公园"
    text = normalize_text(raw)[0]
    assert text == "？？？？？？？？湿地公园"
    assert normalize_text(text)[0] == text


def test_a_reading_after_the_quote_closing_its_characters_is_removed() -> None:
    """「一站式解紛」（yī zhàn shì jiě fēn）: the gloss follows the closing quote (and may run
    to seven syllables and more); a quote around too few characters, or around Latin, keeps it."""
    raw = "法院推進「一站式多元解紛」（yī zhàn shì duō yuán jiě fēn）機制，“诉调”(sù tiáo)对接"
    text, offsets, _ = normalize_text(raw)
    assert text == "法院推进“一站式多元解纷”机制，“诉调”对接"
    assert_offsets(raw, text, offsets)
    assert normalize_text("“一站”（yī zhàn shì duō）")[0] == "“一站”（yī zhàn shì duō）"
    assert normalize_text("“ABC”（yī zhàn shì）")[0] == "“ABC”（yī zhàn shì）"


def test_place_names_t2s_would_damage_are_kept() -> None:
    """乾 is 干 only outside a place's name: 乾县 and 乾安县 stay, 乾淨 becomes 干净."""
    raw = "陕西省乾县人民法院与乾安縣法院，环境整潔乾淨。"
    text, offsets, _ = normalize_text(raw)
    assert text == "陕西省乾县人民法院与乾安县法院，环境整洁干净。"
    assert_offsets(raw, text, offsets)


def test_the_quick_check_of_damaged_place_characters_matches_the_gazetteer() -> None:
    import ingest.normalize as norm

    _chars, where = norm._damaged_places()
    assert set(norm._PLACE_T2S_CHARS.pattern.strip("[]")) == set(where)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("注意餅乾安全，不要以此爲藉口。", "注意饼干安全，不要以此为借口。"),
        ("餅乾西點都很好吃。", "饼干西点都很好吃。"),
        ("乾安法院與乾西法庭，藉口鎮。", "乾安法院与乾西法庭，藉口镇。"),
    ],
)
def test_a_two_character_town_is_kept_only_where_written_as_a_place(
    raw: str, expected: str
) -> None:
    """乾安, 乾西, 藉口 are towns only with a unit or a court after them; 餅乾安全 is 饼干安全."""
    text, offsets, _ = normalize_text(raw)
    assert text == expected
    assert_offsets(raw, text, offsets)


def test_radicals_a_pdf_gives_for_whole_characters_become_the_characters() -> None:
    # a PDF's font maps 民, 长 and 麦 to the CJK radicals supplement (U+2EA0, U+2ED3, U+2EE8),
    # which has no compatibility mapping: the court, the post and the place would be lost
    raw = "\u2ee8积区人\u2ea0法院院\u2ed3丙某到\u2ed4前\u2ee2路调解"
    text, offsets, _ = normalize_text(raw)
    assert text == "麦积区人民法院院长丙某到门前马路调解"
    assert len(offsets) == len(text)
    assert all(not 0x2E80 <= ord(c) <= 0x2EFF for c in text)


@pytest.mark.parametrize(
    "raw",
    [
        "甲谷县（Jiǎgǔ Xiàn）人民法院乙山人民法庭（Yǐshān Rénmín Fǎtíng）被评为先进",
        "甲谷县(Jiagu Xian)人民法院乙山人民法庭(Yishan Renmin Fating)被评为先进",
    ],
)
def test_a_romanisation_of_the_characters_before_it_is_removed(raw: str) -> None:
    # a court's or a place's name glossed in pinyin, capitalised, toned or not: left in, it
    # split the tribunal's name from its court and its award went to the court
    text, offsets, _ = normalize_text(raw)
    assert text == "甲谷县人民法院乙山人民法庭被评为先进"
    assert_offsets(raw, text, offsets)


def test_a_romanisation_of_other_characters_stays() -> None:
    assert normalize_text("智慧法院(Smart Court)建设")[0] == "智慧法院（Smart Court）建设"
    assert normalize_text("调解(Tiao Jie Shi)室")[0] == "调解（Tiao Jie Shi）室"
