"""The evidence and review pages quote a traditional-script article as written, from the
store (docs/data-model.md, Provenance), with the simplified reading under it, labelled; a
sentence stored before the source's words were kept is shown as stored (read again from its
file when it is there; when it is gone the page says why). The articles are invented."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from queries.registry import run
from tests.app.conftest import forget_answers
from tests.app.test_pages import no_trouble, texts

_ARTICLE = """瑞金法院推行訴前調解
發布時間：2024-03-05  來源：瑞金市人民法院

2024年2月，瑞金市人民法院在訴訟服務中心推行訴前調解，設立調解工作室三個。
"""


#: a later report of the same adoption
_LATER = """瑞金法院深化訴前調解工作
發布時間：2024-06-20  來源：瑞金市人民法院

2024年6月，瑞金市人民法院在全市各人民法庭推行訴前調解。
"""


def _adoption(store) -> str:
    return next(
        r["fact_id"] for r in run(store, "adopted_by", {"unit": "court:江西省瑞金市人民法院"}).rows
    )


def test_a_traditional_article_is_quoted_as_written(empty_store, app, tmp_path: Path) -> None:
    """The quote is the source's words, from the store (the file need not be there), with
    the simplified reading under it, labelled."""
    path = tmp_path / "ruijin_big5.txt"
    path.write_bytes(_ARTICLE.encode("big5"))
    ingest_paths(empty_store, [path], reference_data=False)
    fact = _adoption(empty_store)
    path.unlink()  # what is shown comes from the store, not from the file read again
    from ui.evidence import _source

    _source.clear()
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    quotes = texts(at, "markdown")
    assert "> 2024年2月，瑞金市人民法院在訴訟服務中心推行訴前調解，設立調解工作室三個。" in quotes
    assert (
        "> 简体：2024年2月，瑞金市人民法院在诉讼服务中心推行诉前调解，设立调解工作室三个。"
        in quotes
    )
    assert any("引文为原文写法" in t for t in texts(at, "caption"))
    assert not any("无法显示原文写法" in t for t in texts(at, "caption"))


def test_a_sentence_stored_by_an_older_version_is_still_shown(
    empty_store, app, tmp_path: Path
) -> None:
    """A store written before the source's words were kept: its evidence rows hold only the
    normalized sentence. The page shows it (read again from the file when it is there, with
    the file's words), the export cites it without offsets; a newer document's sentence of
    the same fact is quoted as written beside it."""
    from queries.citations import cited_rows
    from ui.evidence import _source

    old = tmp_path / "ruijin_old_big5.txt"
    old.write_bytes(_ARTICLE.encode("big5"))
    ingest_paths(empty_store, [old], reference_data=False)
    # as a version before this one wrote them: no original_* on evidence or mentions
    empty_store.write_statements(
        [
            ("MATCH (e:Evidence) REMOVE e.original_sentence, e.original_start, e.original_end", {}),
            (
                "MATCH ()-[m:MENTIONS]->() "
                "REMOVE m.original_sentence, m.original_start, m.original_end",
                {},
            ),
        ]
    )
    fact = _adoption(empty_store)
    columns = ["fact_id", "date"]
    cited = cited_rows(empty_store, columns, [{"fact_id": fact, "date": None}])[1][0]
    sentences = {r["s"] for r in empty_store.read("MATCH (e:Evidence) RETURN e.sentence AS s")}
    assert cited["evidence"] in sentences and "诉前调解" in cited["evidence"]
    assert (cited["evidence_start"], cited["evidence_end"]) == (None, None)

    old.unlink()
    _source.clear()
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    stored = "> 2024年2月，瑞金市人民法院在诉讼服务中心推行诉前调解，设立调解工作室三个。"
    assert stored in texts(at, "markdown")
    assert any("无法显示原文写法" in t for t in texts(at, "caption"))

    new = tmp_path / "ruijin_new_big5.txt"  # another report of the same adoption, ingested now
    new.write_bytes(_LATER.encode("big5"))
    ingest_paths(empty_store, [new], reference_data=False)
    forget_answers()  # the page's answers are kept a second after the store changes
    at = app(page="evidence", fact=fact)
    no_trouble(at)
    quotes = texts(at, "markdown")
    assert stored in quotes
    assert "> 2024年6月，瑞金市人民法院在全市各人民法庭推行訴前調解。" in quotes


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


def test_the_review_page_quotes_the_source_with_the_simplified_reading(
    empty_store, app, tmp_path: Path
) -> None:
    """A reviewer checks a fact against the article's own words; the simplified reading
    under them, labelled, marks the names the fact joins."""
    path = tmp_path / "ruijin_big5.txt"
    path.write_bytes(_ARTICLE.encode("big5"))
    ingest_paths(empty_store, [path], reference_data=False)
    at = app(page="review")
    no_trouble(at)
    shown = texts(at, "markdown")
    assert any("在訴訟服務中心推行" in t for t in shown)
    reading = [t for t in shown if t.startswith("简体：")]
    assert any("在诉讼服务中心推行" in t and "<mark" in t for t in reading), reading


def test_a_converted_documents_text_is_labelled_normalized(empty_store, app, tmp_path) -> None:
    """The document's full text is the stored, normalized one: the page says so when the
    source writes its sentences otherwise, and not for a simplified article."""
    big5 = tmp_path / "ruijin_big5.txt"
    big5.write_bytes(_ARTICLE.encode("big5"))
    plain = tmp_path / "ruijin_later.txt"
    plain.write_text(
        _LATER.replace("訴前調解", "诉前调解").replace("發布時間", "发布时间"), "utf-8"
    )
    ingest_paths(empty_store, [big5, plain], reference_data=False)
    docs = {
        r["p"][0]: r["id"]
        for r in empty_store.read("MATCH (d:Document) RETURN d.id AS id, d.paths AS p")
    }
    notes = {}
    for path, doc in docs.items():
        at = app(page="evidence", doc=doc)
        no_trouble(at)
        notes[Path(path).name] = any("规范化的文本" in t for t in texts(at, "caption"))
    assert notes == {"ruijin_big5.txt": True, "ruijin_later.txt": False}
