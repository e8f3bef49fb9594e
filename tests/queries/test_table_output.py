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
