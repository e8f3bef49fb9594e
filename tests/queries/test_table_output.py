"""The command line's table view of a named query's answer."""

from __future__ import annotations

from queries import get
from queries.__main__ import format_table
from queries.registry import QueryResult


def test_a_long_evidence_sentence_is_shown_whole_over_several_lines() -> None:
    sentence = (
        "甲市中级人民法院、乙市中级人民法院诉源治理工作相对滞后，" * 2
        + "尚未建立诉前调解工作机制。"
    )
    rows = [{"document": "d1", "sentence": sentence}]
    out = format_table(QueryResult(query=get("evidence"), params={}, rows=rows, truncated=False))
    lines = out.splitlines()
    assert "…" not in out
    # every character of the sentence is there, in order, and no line is wider than the cap
    shown = "".join(line[len("d1") :].strip() for line in lines[2:])
    assert shown == sentence
    assert len(lines) > 3


def _adopter_row() -> dict[str, object]:
    return {
        "unit_id": "court:示例市中级人民法院",
        "unit": "示例市中级人民法院",
        "kind": "Court",
        "level": "intermediate",
        "stage": "piloted",
        "date_precision": "month",
        "status": "extracted",
    }


def test_the_table_speaks_chinese_and_json_and_csv_keep_the_keys() -> None:
    """A Chinese user read `unit_id  unit  kind  level  stage` and `piloted` (a new user's
    finding): the table view shows Chinese headers and values; JSON and CSV, read by
    researchers' scripts, keep the English keys and codes."""
    import io

    from queries.__main__ import write

    result = QueryResult(query=get("adopters"), params={}, rows=[_adopter_row()], truncated=True)
    table = format_table(result)
    head = table.splitlines()[0].split()
    assert head[0] == "单位" and "阶段" in head and "核实状态" in head
    assert not any(k in head for k in ("unit_id", "stage", "status"))
    body = table.splitlines()[2]
    for shown in ("法院", "中级法院", "试点", "月", "待核实"):
        assert shown in body.split()
    assert "piloted" not in table and "intermediate" not in table
    assert table.splitlines()[-1].startswith("（只显示前 1 行")
    out = io.StringIO()
    write(result, "csv", out)
    assert out.getvalue().splitlines()[0].startswith("\ufeffunit_id,unit,kind,level,stage")
    assert "piloted" in out.getvalue()
    out = io.StringIO()
    write(result, "json", out)
    assert '"stage": "piloted"' in out.getvalue()
    empty = QueryResult(query=get("adopters"), params={}, rows=[], truncated=False)
    assert format_table(empty) == "（无结果）"


def test_every_column_of_every_named_query_has_a_chinese_header() -> None:
    import re

    from queries import REGISTRY
    from queries.columns import COLUMN_ZH

    missing = set()
    for q in REGISTRY.values():
        named = {m.group(1) for m in re.finditer(r"\bAS\s+([A-Za-z_]\w*)", q.cypher)}
        missing |= (named - {"packed"} | set(q.packed)) - set(COLUMN_ZH)
    assert not missing


def test_a_hierarchy_direction_and_a_figure_direction_read_differently() -> None:
    from queries.columns import shown_row

    assert shown_row({"direction": "up", "depth": 1})["direction"] == "上级"
    assert shown_row({"direction": "up", "metric": "结案率"})["direction"] == "上升"


def test_line_breaks_inside_a_cell_do_not_start_new_rows() -> None:
    """A document's text holds line breaks; printed as they are, they broke `queries document`'s
    table into fragments that looked like rows (a new user's finding)."""
    rows = [{"document": "d1", "sentence": "第一行。\n\n第二行。\r\n第三行。"}]
    out = format_table(QueryResult(query=get("evidence"), params={}, rows=rows, truncated=False))
    lines = out.splitlines()
    assert len(lines) == 3
    assert "第一行。 ↵ 第二行。 ↵ 第三行。" in lines[2]


def test_a_documents_date_note_is_shown_in_chinese() -> None:
    """`queries document` printed 'date 2024-01-15 from the page header' to a Chinese user."""
    rows = [
        {
            "doc_id": "doc:1",
            "date_note": "date 2024-01-15 from the page header; the page URL says 2024-01",
        }
    ]
    out = format_table(QueryResult(query=get("document"), params={}, rows=rows, truncated=False))
    assert "日期 2024-01-15 取自网页的发布时间栏；网页网址中的日期为" in out
    assert "from the page header" not in out


def test_columns_that_repeat_another_are_left_out_of_the_table_only() -> None:
    """The adopters table was too wide for a terminal (a new user's finding): 单位 ID is the
    kind prefix and the unit's name, and a unit with one fact lists that fact's id and status
    twice. The table leaves such columns out and says so; where a column says more (a unit
    with two facts) it stays; JSON keeps everything."""
    import io
    import json

    from queries.__main__ import write

    one = {
        **_adopter_row(),
        "fact_id": "adopted:1",
        "fact_ids": ["adopted:1"],
        "statuses": ["extracted"],
    }
    table = format_table(QueryResult(query=get("adopters"), params={}, rows=[one], truncated=False))
    head = table.splitlines()[0]
    assert "单位 ID" not in head and "各事实 ID" not in head and "事实 ID" in head
    assert table.splitlines()[-1].startswith("（未显示与其他列重复的列：单位 ID、各事实 ID")
    two = {
        **one,
        "unit_id": "tribunal:7",
        "fact_ids": ["adopted:1", "adopted:2"],
        "statuses": ["extracted", "confirmed"],
    }
    table = format_table(
        QueryResult(query=get("adopters"), params={}, rows=[one, two], truncated=False)
    )
    head = table.splitlines()[0]
    assert "单位 ID" in head and "各事实 ID" in head and "未显示" not in table
    out = io.StringIO()
    write(QueryResult(query=get("adopters"), params={}, rows=[one], truncated=False), "json", out)
    assert json.loads(out.getvalue())[0]["fact_ids"] == ["adopted:1"]


def test_a_persons_title_is_headed_as_a_post() -> None:
    """The people query's `title` is a post: its table said 标题 (a document's headline) — a
    new user's finding. A query names its own headers where the common one misleads."""
    rows = [{"person_id": "person:甲", "person": "张三", "title": "院长", "status": "extracted"}]
    table = format_table(QueryResult(query=get("people"), params={}, rows=rows, truncated=False))
    assert table.splitlines()[0].split()[:2] == ["人员", "职务"] or "职务" in table.splitlines()[0]
    assert "标题" not in table.splitlines()[0]


def test_a_documents_date_note_is_in_chinese_in_json_and_csv_too() -> None:
    """`queries document --format json` gave the note in English ("no publication date on the
    page … the text mentions dates up to 2024"), and several of ingest.dates' clauses had no
    Chinese at all: each way a date is chosen or left out reads in Chinese."""
    import io
    import json
    import re

    from ingest.dates import choose_date
    from queries.__main__ import write

    src = "http://example.test/art/2024/1/15/art_1.html"
    dated = "http://example.test/2024/05/t20240520_1.html"
    choices = [
        choose_date(source_urls=[src], page=["2023-05-01"], text="2024年1月，某法院推行。"),
        choose_date(source_urls=[src], page=["2024-03-01"]),
        choose_date(page=["2022-01-15"], own_url=dated, text="2024年3月，某法院推行诉源治理。"),
        choose_date(text="2024年5月20日，某法院召开新闻发布会。"),
        choose_date(text="本报讯 5月20日，某法院召开发布会。2023年该院收案1000件。"),
    ]
    for choice in choices:
        rows = [{"doc_id": "doc:1", "date_note": choice.note}]
        result = QueryResult(query=get("document"), params={}, rows=rows, truncated=False)
        out = io.StringIO()
        write(result, "json", out)
        note = json.loads(out.getvalue())[0]["date_note"]
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"https?://\S+", "", note)), note
        out = io.StringIO()
        write(result, "csv", out)
        assert note in out.getvalue()


def test_the_sources_own_words_are_shown_only_where_they_differ() -> None:
    """The evidence table printed each sentence twice, as the source writes it and
    normalized, with both pairs of offsets, for a simplified-Chinese source where they are
    the same: 14 columns for a terminal. They show where a row differs (traditional
    script), and JSON keeps them."""
    same = {
        "fact_type": "ADOPTED",
        "original_sentence": "甲市法院推行诉源治理。",
        "original_start": 0,
        "original_end": 11,
        "sentence": "甲市法院推行诉源治理。",
        "start": 0,
        "end": 11,
        "doc_id": "doc:1",
    }
    result = QueryResult(query=get("evidence"), params={}, rows=[same], truncated=False)
    table = format_table(result)
    head = table.splitlines()[0].split()
    assert "原文句子" not in head
    assert "句子" in head and "起始位置" in head and "原文起始位置" not in head
    assert table.splitlines()[-1].startswith(
        "（未显示与其他列重复的列：原文句子、原文起始位置、原文结束位置"
    )
    assert table.count("甲市法院推行诉源治理。") == 1
    written = {**same, "original_sentence": "甲市法院推行訴源治理。"}
    table = format_table(
        QueryResult(query=get("evidence"), params={}, rows=[same, written], truncated=False)
    )
    head = table.splitlines()[0].split()
    assert "原文句子" in head and "原文起始位置" not in head  # the offsets agree in both rows
