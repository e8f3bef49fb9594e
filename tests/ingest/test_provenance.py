"""Every stored evidence sentence and mention, and every item `python -m ingest extract`
prints, quotes its source as the source writes it, at offsets into the source's text: a
reader opening the file (or the page) finds the quote verbatim where it says. The stored
normalized sentence stays beside it. The articles in tests/data/provenance are invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.model import written_sentence
from ingest.pipeline import ingest_paths
from ingest.readers import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "provenance"

#: each sample the normalization changes, and something of its own writing that only the
#: source's words hold (traditional characters, a pinyin gloss, full-width forms, a page's
#: non-breaking space)
CONVERTED = {
    "traditional_big5.txt": "訴前調解",
    "pinyin_glossed.txt": "诉(sù)源(yuán)",
    "fullwidth.txt": "７２．１％",
    "page.html": "\xa0审理周期",
}


def source_text(path: Path) -> str:
    """The text a reader opens: a text file's bytes decoded as ingest detected them; a page's
    text as a browser shows it (the reader's extraction of its markup)."""
    doc = read_document(str(path))
    if path.suffix == ".txt":
        assert doc.encoding
        return path.read_bytes().decode(doc.encoding)
    return doc.original


def stored(store) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    evidence = store.read(
        "MATCH (e:Evidence) RETURN e.sentence AS sentence, e.start AS start, e.end AS end, "
        f"{written_sentence('e')} AS written, e.original_start AS a, e.original_end AS b, "
        "e.original_sentence AS kept"
    )
    mentions = store.read(
        "MATCH (:Document)-[m:MENTIONS]->() RETURN m.surface AS surface, m.sentence AS sentence, "
        f"{written_sentence('m')} AS written, m.original_start AS a, m.original_end AS b, "
        "m.original_sentence AS kept"
    )
    text = store.read("MATCH (d:Document) RETURN d.text AS text")[0]["text"]
    return evidence, mentions, text


@pytest.mark.parametrize("name", sorted(CONVERTED))
def test_stored_evidence_quotes_the_source_at_its_offsets(store, name: str) -> None:
    path = SAMPLES / name
    ingest_paths(store, [path], reference_data=False)
    source = source_text(path)
    evidence, mentions, text = stored(store)
    assert evidence and mentions
    for e in evidence:
        assert source[e["a"] : e["b"]] == e["written"], e
        assert text[e["start"] : e["end"]] == e["sentence"]  # the normalized one, as before
    assert any(CONVERTED[name] in e["written"] for e in evidence)
    assert not any(CONVERTED[name] in e["sentence"] for e in evidence)
    for m in mentions:
        assert m["written"] in source, m
        assert source[m["a"] : m["b"]] in m["written"], m  # the name, inside its sentence
    # the name as written: 瑞金市人民法院 is written alike in both scripts; 訴前調解 is not
    if name == "traditional_big5.txt":
        names = {source[m["a"] : m["b"]] for m in mentions}
        assert "訴前調解" in names and "诉前调解" not in names


def test_a_simplified_article_is_quoted_as_stored(store) -> None:
    path = SAMPLES / "simplified.txt"
    ingest_paths(store, [path], reference_data=False)
    source = source_text(path)
    evidence, mentions, _text = stored(store)
    assert evidence
    for e in evidence:
        assert e["written"] == e["sentence"]
        assert source[e["a"] : e["b"]] == e["sentence"]
        assert (e["a"], e["b"]) == (e["start"], e["end"])  # nothing cut before it
        assert e["kept"] is None  # the same words are stored once
    assert all(m["written"] == m["sentence"] and m["kept"] is None for m in mentions)


@pytest.mark.parametrize("name", [*sorted(CONVERTED), "simplified.txt"])
def test_extract_jsonl_quotes_the_source_at_its_offsets(capsys, name: str) -> None:
    from ingest.__main__ import main

    path = SAMPLES / name
    assert main(["extract", "--jsonl", str(path)]) == 0
    obj = json.loads(capsys.readouterr().out)
    source = source_text(path)
    quoted = [
        e
        for kind in ("courts", "initiatives", "people", "outcomes", "organizations")
        for item in obj[kind]
        for e in item["evidence"]
    ]
    assert quoted
    for e in quoted:
        assert source[e["start"] : e["end"]] == e["sentence"], e
    if name in CONVERTED:
        assert any(CONVERTED[name] in e["sentence"] for e in quoted)
    else:
        normalized = read_document(str(path)).text
        assert all(e["sentence"] in normalized for e in quoted)


def test_a_glossed_sentence_keeps_its_glosses_inside_the_quote() -> None:
    """The span runs from the first to the last source character of the sentence: the
    glosses normalization removed between its characters are part of the quote."""
    doc = read_document(str(SAMPLES / "pinyin_glossed.txt"))
    sentence = "2023年6月1日，辽宁省本溪市中级人民法院深入推进诉源治理工作。"
    at = doc.text.index(sentence)
    written, a, b = doc.as_written(at, at + len(sentence))
    assert written == doc.original[a:b]
    assert written.startswith("2023年6月1日，辽(liáo)宁(níng)省") and written.endswith(
        "理(lǐ)工作。"
    )


def test_an_entitys_documents_show_the_sentence_naming_it_as_written(store) -> None:
    from ingest.pipeline import initiative_id
    from queries.registry import run

    ingest_paths(store, [SAMPLES / "traditional_big5.txt"], reference_data=False)
    rows = run(store, "documents", {"entity": initiative_id("诉前调解")}).rows
    assert rows and all("訴前調解" in r["original_sentence"] for r in rows)
    assert all("诉前调解" in r["sentence"] for r in rows)  # the normalized one stays
