"""Tests of the character-tagger spike's pieces (`benchmarks.initiative_tagger`) on invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.initiative_tagger import decode, features, labels, train


def test_labels_and_decode_round_trip() -> None:
    y = labels(10, [(1, 4), (6, 8)])
    assert y == ["O", "B", "I", "I", "O", "O", "B", "I", "O", "O"]
    spans = decode(y, [1.0] * 10)
    assert [(s, e) for s, e, _ in spans] == [(1, 4), (6, 8)]


def test_decode_opens_a_span_at_a_stray_inside_tag_and_averages_its_marginals() -> None:
    assert decode(["O", "I", "I", "O", "B"], [1.0, 0.5, 0.7, 1.0, 0.9]) == [
        (1, 3, pytest.approx(0.6)),
        (4, 5, 0.9),
    ]


def test_features_mark_rules_quotes_heads_verbs_and_courts() -> None:
    text = "甲县人民法院建立“田埂调解”工作机制。"
    x = features(text, [(8, 12, True)], [(0, 6)])
    assert len(x) == len(text)
    at = {i: set(f) for i, f in enumerate(x)}
    assert "k=K" in at[0] and "k=O" in at[6]
    assert "v=V" in at[6] and "v=V" in at[7]
    assert "q=o" in at[8] and "q=Q" in at[9] and "q=c" in at[13]
    assert "r=CB" in at[8] and "r=CI" in at[9] and "r=O" in at[13]
    assert "h=B" in at[14] and "h=E" in at[17]
    assert "dh=0" in at[14] and "dv=0" in at[8]
    plain = features(text, [(8, 12, True)], [(0, 6)], use_rules=False)
    assert "r=O" in plain[8]


def test_a_model_trained_on_invented_articles_tags_a_new_quoted_mechanism(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    import pycrfsuite

    names = ["田埂调解", "灯下议事", "庭前茶叙", "山路送达", "云端立案", "桥头说和"]
    docs = []
    for n in names:
        text = f"乙县人民法院建立“{n}”工作机制，案件数量下降。"
        s = text.index("“")
        e = text.index("工作机制") + 4
        docs.append(
            {"text": text, "rule_spans": [], "court_spans": [(0, 6)], "gold_spans": [(s, e)]}
        )
    model = tmp_path / "m.crfsuite"
    train(docs, model, use_rules=False, c1=0.0, c2=0.01)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    text = "丙县人民法院建立“村口评理”工作机制，效果明显。"
    tagger.set(features(text, [], [(0, 6)], use_rules=False))
    spans = decode(tagger.tag(), [1.0] * len(text))
    assert [text[s:e] for s, e, _ in spans] == ["“村口评理”工作机制"]
