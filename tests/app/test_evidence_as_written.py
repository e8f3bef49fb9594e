"""The evidence page quotes a traditional-script article as written (docs/architecture.md:
every quote can be traced back to the article as written), beside the stored simplified text;
when the file is gone it says why it cannot. The article is invented."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from queries.registry import run
from tests.app.test_pages import no_trouble, texts

_ARTICLE = """瑞金法院推行訴前調解
發布時間：2024-03-05  來源：瑞金市人民法院

2024年2月，瑞金市人民法院在訴訟服務中心推行訴前調解，設立調解工作室三個。
"""


def test_a_traditional_article_is_quoted_as_written(empty_store, app, tmp_path: Path) -> None:
    path = tmp_path / "ruijin_big5.txt"
    path.write_bytes(_ARTICLE.encode("big5"))
    ingest_paths(empty_store, [path], reference_data=False)
    fact = next(
        r["fact_id"]
        for r in run(empty_store, "adopted_by", {"unit": "court:江西省瑞金市人民法院"}).rows
    )
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    quotes = texts(at, "markdown")
    assert any(t.startswith("> ") and "诉讼服务中心推行诉前调解" in t for t in quotes)
    assert any(t.startswith("> 原文：") and "訴訟服務中心推行訴前調解" in t for t in quotes)

    path.unlink()  # the file is gone: the page says why the quote is only the stored text
    from ui.evidence import _source

    _source.clear()
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    assert not any(t.startswith("> 原文：") for t in texts(at, "markdown"))
    assert any("原文为繁体字" in t and "无法显示原文写法" in t for t in texts(at, "caption"))


def test_a_simplified_markdown_sentence_is_not_quoted_again(tmp_path: Path) -> None:
    """A Markdown file's sentence differs from the stored one only by its markup (** and a
    link's URL): no 原文 line (it repeated the sentence with markup); a traditional file's
    sentence is quoted as written."""
    from ingest.readers import read_document
    from ui.evidence import _source, original_sentence

    _source.clear()
    md = tmp_path / "note.md"
    md.write_text(
        "# 通报\n\n甲县法院**推行**“[分调裁审](http://example.cn/a)”机制，调解成功率达到72.1%。\n",
        encoding="utf-8",
    )
    big5 = tmp_path / "note_big5.txt"
    big5.write_bytes("乙縣法院推動訴源治理工作。\n".encode("big5"))
    said = {}
    for path, sentence in (
        (md, "甲县法院推行“分调裁审”机制，调解成功率达到72.1%。"),
        (big5, "乙县法院推动诉源治理工作。"),
    ):
        src = read_document(str(path))
        doc = {"text": src.text, "paths": [str(path)], "content_hash": src.content_hash}
        at = src.text.find(sentence)
        assert at >= 0, src.text
        said[path.suffix] = original_sentence(doc, at, at + len(sentence), sentence)
    assert said == {".md": None, ".txt": "乙縣法院推動訴源治理工作。"}
