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
