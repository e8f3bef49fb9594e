"""The ingest summary in Chinese (the command line and the 导入 page): every reason and
warning the readers, the date chooser and the pipeline give is said in Chinese, with its
variable parts kept, and every file name stays on its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.pipeline import IngestReport, ingest_paths
from ingest.uploads import reason_zh, summary_zh
from tests.cli_store import lend_store

#: each English reason or warning (grep `UnreadableDocument(`, `_DecodeError(`,
#: `warnings.append`, `failed.append` in ingest/), with the parts the Chinese keeps as they
#: are: paths, numbers, encodings, dates, and a library's own message that a reason quotes
MESSAGES: list[tuple[str, tuple[str, ...]]] = [
    # ingest/readers.py: read_document
    ("file not found", ()),
    ("not a regular file", ()),
    ("a metadata sidecar, not a document", ()),
    (
        "unsupported file type '.wps' (supported: .docx, .htm, .html, .md, .pdf, .txt)",
        ("'.wps'",),
    ),
    ("empty file (0 bytes)", ()),
    (
        "file too large: 25,000,000 bytes (limit 20,000,000; pass max_bytes=)",
        ("25,000,000", "20,000,000"),
    ),
    ("cannot read: Permission denied", ()),
    ("cannot read: Input/output error", ()),
    ("no text: the file holds only whitespace", ()),
    ("no text left after normalization (control characters?)", ()),
    # ingest/readers.py: decode_bytes, _check_text, _read_html, _read_docx, _read_pdf
    (
        "has a utf-16 byte-order mark but is not utf-16: 'utf-16-le' codec can't decode "
        "byte 0x00 in position 4: truncated data",
        ("utf-16-le", "utf-16", "0x00"),
    ),
    ("not a text document: looks like a PNG image", ()),
    ("not a text document: looks like a ZIP archive (.docx/.xlsx?)", ()),
    ("not a text document: looks like an old Office file (.doc/.xls)", ()),
    ("not a text document: looks like a program (ELF)", ()),
    ("not a text document: looks binary (NUL bytes)", ()),
    ("not a text document: looks binary (control characters)", ()),
    ("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (convert it to UTF-8)", ()),
    ("empty HTML document", ()),
    ("cannot parse HTML: Document is empty", ("Document is empty",)),
    (".docx file too large when unpacked: 12,000 parts (limit 10,000)", ("12,000", "10,000")),
    (
        ".docx file too large when unpacked: its parts declare 900,000,000 bytes "
        "(word/document.xml alone 899,000,000; limit 200,000,000); a zip bomb, or save it as "
        "a smaller file",
        ("900,000,000", "word/document.xml", "899,000,000", "200,000,000"),
    ),
    (
        ".docx file too large when unpacked: more than 200,000,000 bytes (reading stopped in "
        "word/document.xml, which declares 1,000); a zip bomb?",
        ("200,000,000", "word/document.xml", "1,000"),
    ),
    (
        ".docx file too large when unpacked: word/document.xml holds more than 33,554,432 "
        "bytes of markup; save it as a smaller file",
        ("word/document.xml", "33,554,432"),
    ),
    (
        ".docx file too large when unpacked: word/document.xml inflates more than 100 times "
        "(313,000 bytes packed); a zip bomb?",
        ("word/document.xml", "100", "313,000"),
    ),
    (
        "corrupt or not a .docx file: damaged or not a zip file: File is not a zip file",
        ("File is not a zip file",),
    ),
    (
        "corrupt or not a .docx file: damaged zip file: BadZipFile: Bad CRC-32",
        ("BadZipFile: Bad CRC-32",),
    ),
    ("corrupt .docx file: XMLSyntaxError: no element found", ("XMLSyntaxError: no element found",)),
    ("encrypted PDF: needs a password", ()),
    ("encrypted PDF: unsupported algorithm", ("unsupported algorithm",)),
    (
        "corrupt or unreadable PDF: PdfReadError: EOF marker not found",
        ("PdfReadError: EOF marker not found",),
    ),
    ("PDF has no extractable text (a scanned image? run OCR first)", ()),
    # ingest/readers.py: sidecars and manifests
    ("bad sidecar 通报.meta.json: not a JSON object", ("通报.meta.json",)),
    ("bad sidecar 通报.meta.json: Expecting value: line 1 column 1 (char 0)", ("通报.meta.json",)),
    (
        "bad sidecar 通报.meta.json: 'utf-8' codec can't decode byte 0xb2 in position 2: "
        "invalid start byte",
        ("通报.meta.json", "utf-8", "0xb2"),
    ),
    ("bad sidecar 通报.meta.json: [Errno 13] Permission denied: '/材料/通报.meta.json'", ()),
    ("cannot read manifest: Permission denied", ()),
    ("manifest: not a text document: looks binary (NUL bytes)", ()),
    ("line 3: not JSON (Expecting ',' delimiter)", ()),
    ("line 3: not JSON (Expecting property name enclosed in double quotes)", ()),
    ("line 4: not a JSON object", ()),
    ("manifest has no 'path' column", ()),
    ("line 5: no path", ()),
    # ingest/readers.py: warnings about encodings and the page
    ("no byte-order mark: decoded as utf-16-le from the NUL-byte pattern", ("utf-16-le",)),
    ("no byte-order mark: decoded as utf-16-be, the most Chinese-looking reading", ("utf-16-be",)),
    ("the file declares charset 'gb2312' but does not decode as it", ("'gb2312'",)),
    ("encoding detection uncertain: not UTF-8, GB18030 or Big5; decoded as cp1252", ()),
    ("invalid UTF-8: 3 undecodable byte sequence(s) replaced by U+FFFD", ()),
    (
        "encoding detection uncertain: chose gb18030, text does not look like Chinese (score 0.12)",
        ("gb18030",),
    ),
    (
        "encoding detection uncertain: chose gb18030 (score 0.41) over cp950 (0.33)",
        ("gb18030", "cp950"),
    ),
    ("could not tell the article from the page furniture: kept all text", ()),
    # ingest/normalize.py summarize_notes, through the reader
    ("repaired Latin-1/cp1252 mojibake of UTF-8: 2 place(s), e.g. '审判'", ("'审判'",)),
    ("mojibake: garbled run(s) replaced by U+FFFD: 1 place(s), e.g. '法院'", ("'法院'",)),
    ("mojibake: replacement characters (U+FFFD) in the text: 4 place(s), e.g. '调解'", ()),
    ("mojibake: private-use characters replaced by U+FFFD: 1 place(s), e.g. '庭'", ()),
    ("possible mojibake: bopomofo letters inside Chinese text: 1 place(s), e.g. 'ㄅ'", ()),
    ("possible mojibake: UTF-8 text decoded as GBK: 2 place(s), e.g. '鍔犲己'", ()),
    # ingest/dates.py choose_date
    ("metadata date '2024-13-40' is not a date; ignored", ("'2024-13-40'",)),
    ("date conflict: metadata 2024-05-01 vs page header 2024-06-02", ()),
    ("date conflict: metadata 2024-05-01 vs original-source URL 2024-06-02", ()),
    ("date conflict: metadata 2024-05-01 vs URL 2024-06", ()),
    (
        "date conflict: page header 2019-01-02 vs original-source URL 2024-06-02; chose 2024-06-02",
        (),
    ),
    ("date conflict: page header 2024-05-01 vs URL 2024-06-02; chose 2024-06-02", ()),
    ("page date 2019-01-02 is earlier than dates mentioned in the text (2024-03)", ()),
    # ingest/pipeline.py: expand_paths, shown_path, extraction, writing
    ("symbolic link loop (the link points back at itself or at a folder above it)", ()),
    ("broken symbolic link (points to /材料/旧.txt, which does not exist)", ("/材料/旧.txt",)),
    ("no such file or folder", ()),
    ("permission denied (the file or a folder above it is not readable by this user)", ()),
    ("file name too long for this file system", ()),
    ("cannot reach it: Stale file handle", ()),
    (
        "cannot list the folder: permission denied (the file or a folder above it is not "
        "readable by this user)",
        (),
    ),
    ("not a regular file or folder", ()),
    ("file name holds invalid characters: shown as \ufffd", ()),
    ("file name is not UTF-8: the bytes that are not are shown as \ufffd", ()),
    ("file name is not UTF-8: shown as read in GBK", ()),
    ("extraction failed: the extracting process died on this document", ()),
    ("extraction failed: ValueError: bad offset", ("ValueError: bad offset",)),
    (
        "the store refused a character of it: 'utf-8' codec can't encode character",
        ("'utf-8' codec can't encode character",),
    ),
]

#: names of formats, encodings and marks, which stay as they are in Chinese text
FORMAT_NAMES = {
    "PDF", "UTF", "GB", "Big", "BOM", "NUL", "HTML", "JSON", "OCR", "ZIP", "zip", "PNG", "JPEG",
    "GIF", "Office", "gzip", "RAR", "cp", "GBK", "U", "FFFD", "docx", "doc", "xlsx", "xls",
    "meta", "json", "path", "Latin", "txt", "html", "htm", "md", "pdf", "wps",
}  # fmt: skip


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if w not in FORMAT_NAMES]


@pytest.mark.parametrize(("english", "kept"), MESSAGES, ids=[m[0][:40] for m in MESSAGES])
def test_every_reason_and_warning_is_said_in_chinese(english: str, kept: tuple[str, ...]) -> None:
    chinese = reason_zh(english)
    assert chinese != english
    rest = chinese
    for part in kept:
        assert part in rest, (part, chinese)  # the variable part, as it was
        rest = rest.replace(part, " ")
    assert english_words(rest) == [], chinese
    assert re.search("[\u4e00-\u9fff]", rest), chinese


def test_the_examples_are_the_messages_the_code_gives(tmp_path: Path) -> None:
    # a few read from real files, so that the list above does not drift from the readers
    from graph.errors import UnreadableDocument
    from ingest.readers import read_document

    files = {"a.txt": b"", "b.wps": b"x", "c.txt": b" \n ", "d.pdf": b"%PDF-1.4 broken"}
    reasons = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UnreadableDocument) as caught:
            read_document(tmp_path / name)
        reasons.append(caught.value.reason)
    for reason in reasons:
        assert english_words(reason_zh(reason).split("：", 1)[0]) == [], reason
    known = {m for m, _kept in MESSAGES}
    assert reasons[0] in known and reasons[2] in known


def full_report() -> IngestReport:
    report = IngestReport(read=7, dry_run=True, added=["甲.txt", "乙.txt"])
    report.planned = {"documents": 2, "nodes": 9, "facts": 12, "mentions": 15}
    report.copies = {"甲 - 副本.txt": "doc:1"}
    report.reposts = [("转载.html", "doc:2")]
    report.failed = [
        ("空.txt", "empty file (0 bytes)"),
        ("坏.pdf", "PDF has no extractable text (a scanned image? run OCR first)"),
    ]
    report.warnings = [
        ("甲.txt", "date conflict: page header 2024-05-01 vs URL 2024-06-02; chose 2024-06-02")
    ]
    return report


def test_the_summary_says_everything_the_english_one_says() -> None:
    report = full_report()
    english = report.summary()
    text = summary_zh(report, each_file=False)
    assert len(text.splitlines()) == len(english.splitlines()) + 1  # and the dry run's note
    lines = text.splitlines()
    assert (
        lines[0]
        == "读取 7 篇；将新增 2 篇；已在图中（内容相同） 0 篇；与本次先读的文件相同 1 篇；转载稿 1 篇；失败 2 篇"
    )
    assert lines[1] == "将写入：文档 2、事实 12、提及 15、节点 9"
    assert lines[2].startswith("说明：将写入的事实 12 条按每篇文档各自陈述的事实计数")
    assert (
        "  重复：甲 - 副本.txt 与本次先读的 doc:1 内容相同，将只在原文档上记录它的网址和文件路径"
        in lines
    )
    assert "  转载：转载.html 是 doc:2 的转载，将只在原文档上记录它的网址和文件路径" in lines
    assert any(
        "python -m graph delete-document <文档编号>" in line and "删除旧文档" in line
        for line in lines
    )
    assert "  失败：空.txt：空文件（0 字节）" in lines
    assert (
        "  提示：甲.txt：日期不一致：页眉为 2024-05-01，网址为 2024-06-02；采用 2024-06-02" in lines
    )
    for line in lines:  # commands and formats aside, no English
        words = english_words(line.replace("python -m graph delete-document", ""))
        assert words == [], line
    # the real run's counts instead of the dry run's rows
    report.dry_run = False
    report.entities_added, report.facts_added = 3, 8
    text = summary_zh(report, each_file=False)
    assert "新增实体 3 个，新增事实 8 条" in text and "将写入" not in text and "说明" not in text
    # the 导入 page also lists each file
    assert "  新增：甲.txt" in summary_zh(report) and "新增：甲.txt" not in text


def test_a_newline_in_a_file_name_stays_on_one_chinese_summary_line(tmp_path: Path) -> None:
    (tmp_path / "a\n失败：假.txt").write_bytes(b"")
    (tmp_path / "b\u202etxt.exe.txt").write_bytes(b"")
    report = ingest_paths(None, [tmp_path], dry_run=True)
    lines = summary_zh(report, each_file=False).split("\n")
    assert len(lines) == 4, lines
    assert lines[2] == f"  失败：{tmp_path}/a\\n失败：假.txt：空文件（0 字节）"
    assert lines[3] == f"  失败：{tmp_path}/b\\u202etxt.exe.txt：空文件（0 字节）"
    report.warnings = [("c\n.txt", "file name is not UTF-8: shown as read in GBK")]
    report.reposts = [("d\r.txt", "doc:1")]
    text = summary_zh(report)
    assert "  提示：c\\n.txt：文件名不是 UTF-8 编码：按 GBK 读出显示" in text.split("\n")
    assert "  转载：d\\r.txt 是 doc:1 的转载，将只在原文档上记录它的网址和文件路径" in text.split(
        "\n"
    )


def test_the_command_line_names_an_older_copy_by_its_title(store, tmp_path, monkeypatch, capsys):
    """数字有改动: the command line names the older copy by its title as well as its id, as the
    导入 page does, so a user knows which document to delete."""
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main
    from tests.ingest.test_pipeline import _ELEVEN, _updated_copy

    lend_store(monkeypatch, store)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text("甲市法院通报调解工作\n" + _ELEVEN, encoding="utf-8")
    (second / "b.txt").write_text(_updated_copy(), encoding="utf-8")
    assert main(["--quiet", str(first)]) == 0
    (old,) = store.read("MATCH (d:Document) RETURN d.id AS id, d.title AS title")
    capsys.readouterr()
    assert main(["--quiet", str(second)]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "数字有改动：" in x]
    assert f"与 《{old['title']}》（{old['id']}） 文字几乎相同" in line, line


def test_the_summary_names_every_collection_and_the_documents_that_joined_it(
    store, tmp_path, monkeypatch, capsys
):
    """A run over three folders (nothing new) said only "文档集：演示数据", the last folder's
    collection.json, though most documents are not in it; a run putting known documents into
    a new collection said nothing of them (a new user's findings, item 16)."""
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main

    lend_store(monkeypatch, store)
    mine, demo = tmp_path / "mine", tmp_path / "demo"
    mine.mkdir()
    demo.mkdir()
    (mine / "a.txt").write_text("甲市法院通报调解工作。\n" + _ELEVEN_LOCAL, encoding="utf-8")
    (mine / "b.txt").write_text("乙县法院推行诉源治理，设立诉讼服务站12个。", encoding="utf-8")
    (demo / "collection.json").write_text('{"collection": "演示数据"}', encoding="utf-8")
    (demo / "c.txt").write_text("丙区法院试点繁简分流，速裁案件320件。", encoding="utf-8")
    assert main(["--quiet", str(mine), str(demo)]) == 0
    capsys.readouterr()

    assert main(["--quiet", str(mine), str(demo)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "文档集「演示数据」：已在图中（内容相同） 1 篇（其文档原已属于该文档集）" in lines
    # the folder's own collection, which they went to when they were new (the summary said
    # they had none, and how to add them to one)
    assert "文档集「mine」：已在图中（内容相同） 2 篇（其文档都原已属于该文档集）" in lines
    assert not any("未指定文档集" in x or "仍属于原来的文档集" in x for x in lines)
    assert "文档集：演示数据" not in lines

    assert main(["--quiet", str(mine), "--collection", "研究样本"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "文档集「研究样本」：已在图中（内容相同） 2 篇（其文档都在本次加入该文档集）" in lines
    assert main(["--quiet", str(mine), "--collection", "研究样本"]) == 0
    assert "文档集「研究样本」：已在图中（内容相同） 2 篇（其文档都原已属于该文档集）" in (
        capsys.readouterr().out
    )


_ELEVEN_LOCAL = "今年以来，全市法院诉前调解案件1205件，调解成功率达到46.8%。"


def _collection_lines(out: str) -> list[str]:
    return [x for x in out.splitlines() if "文档集" in x and not x.startswith("将写入：")]


def _adds_up(out: str) -> list[str]:
    """The summary's lines on files, checked: the first line's kinds add up to the files
    read, each collection's to the files it says it got; returns the collection lines."""
    first = next(x for x in out.splitlines() if x.startswith("读取 "))
    read, *kinds = [int(n) for n in re.findall(r"(\d+) (?:篇|个路径)", first)]
    unreached = int(m[1]) if (m := re.search(r"另有 (\d+) 个路径", first)) else 0
    if "其中数字有改动" in first:
        del kinds[1]  # among the new ones
    assert sum(kinds) - unreached == read, first
    lines = _collection_lines(out)
    for line in lines:
        if line.startswith("文档集「"):
            said = re.sub(r"（(?:共 |其).*）$", "", line)  # its files, not its documents
            files = sum(int(n) for n in re.findall(r"(\d+) 篇", said))
            m = re.search(r"（共 (\d+) 篇，即 (\d+) 篇文档", line)
            assert m is None or int(m[1]) == files, line
    return lines


def test_every_line_on_collections_is_true_for_duplicates_within_a_run(
    store, tmp_path, monkeypatch, capsys
):
    """A folder holding one article twice, a repost of it and a copy changing a figure, on
    a dry run, its first run, a re-run, a re-run into a named collection, and one of its
    articles read again from another folder. Each collection's line counts its files in the
    first line's kinds (a repost was counted there as 与本次先读的文件重复的, where the first
    line said 转载稿; a re-run's as 与本次先读的文件重复的 2 篇 where the first line said 已在图中
    （内容相同）), and says which documents they are (a re-run into a named collection did not
    say that the documents repeated joined it); every number adds up to the files read."""
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main
    from tests.ingest.test_pipeline import _ELEVEN, _updated_copy

    lend_store(monkeypatch, store)
    week = tmp_path / "week"
    week.mkdir()
    (week / "a.txt").write_text(_ELEVEN, encoding="utf-8")
    (week / "b.txt").write_text(_updated_copy(), encoding="utf-8")  # 46.8% → 48.6%
    (week / "c.txt").write_text(_ELEVEN.replace("召开", "举行"), encoding="utf-8")  # a repost
    (week / "d.txt").write_text(_ELEVEN, encoding="utf-8")  # a.txt again
    (week / "e.txt").write_text("乙县法院推行诉源治理，设立诉讼服务站12个。", encoding="utf-8")

    assert main(["--quiet", "--dry-run", str(week)]) == 0
    out = capsys.readouterr().out
    assert (
        "读取 5 篇；将新增 3 篇（其中数字有改动的近似稿 1 篇）；已在图中（内容相同） 0 篇；"
        "与本次先读的文件相同 1 篇；转载稿 1 篇；失败 0 篇"
    ) in out.splitlines()
    # the copy and the repost are of a document the run would add, as the real run says
    assert _adds_up(out) == [
        "文档集「week」：将新增 3 篇，与本次先读的文件相同 1 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都是本次将新增的）"
    ]

    assert main(["--quiet", str(week)]) == 0
    out = capsys.readouterr().out
    assert (
        "读取 5 篇；新增 3 篇（其中数字有改动的近似稿 1 篇）；已在图中（内容相同） 0 篇；"
        "与本次先读的文件相同 1 篇；转载稿 1 篇；失败 0 篇"
    ) in out.splitlines()
    assert _adds_up(out) == [
        "文档集「week」：新增 3 篇，与本次先读的文件相同 1 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都是本次新增的）"
    ]

    assert main(["--quiet", str(week)]) == 0
    out = capsys.readouterr().out
    assert "读取 5 篇；新增 0 篇；已在图中（内容相同） 4 篇；转载稿 1 篇；失败 0 篇" in out
    assert _adds_up(out) == [
        "文档集「week」：已在图中（内容相同） 4 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都原已属于该文档集）"
    ]

    assert main(["--quiet", "--dry-run", str(week)]) == 0
    out = capsys.readouterr().out
    assert "读取 5 篇；将新增 0 篇；已在图中（内容相同） 4 篇；转载稿 1 篇；失败 0 篇" in out
    assert _adds_up(out) == [  # it said nothing of the known documents' collection
        "文档集「week」：已在图中（内容相同） 4 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都原已属于该文档集）"
    ]
    # a dry run into a named collection says which known documents would join it (it said
    # nothing: it counted the new documents only); and it writes none of them into it
    would_join = [
        "文档集「周报」：已在图中（内容相同） 4 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都在本次将加入该文档集）"
    ]
    for _twice in range(2):  # still to join the second time: nothing was written
        assert main(["--quiet", "--dry-run", str(week), "--collection", "周报"]) == 0
        out = capsys.readouterr().out
        assert _adds_up(out) == would_join
        assert "将写入：无新内容；已在图中的文档 3 篇将加入文档集（见下）" in out.splitlines()

    assert main(["--quiet", str(week), "--collection", "周报"]) == 0
    assert _adds_up(capsys.readouterr().out) == [
        "文档集「周报」：已在图中（内容相同） 4 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都在本次加入该文档集）"
    ]
    assert main(["--quiet", str(week), "--collection", "周报"]) == 0
    assert _adds_up(capsys.readouterr().out) == [
        "文档集「周报」：已在图中（内容相同） 4 篇，转载稿 1 篇"
        "（共 5 篇，即 3 篇文档，都原已属于该文档集）"
    ]

    # 甲 read again from another folder, twice, naming no collection: it stays where it is
    other = tmp_path / "other"
    other.mkdir()
    (other / "a1.txt").write_text(_ELEVEN, encoding="utf-8")
    (other / "a2.txt").write_text(_ELEVEN, encoding="utf-8")
    assert main(["--quiet", str(other)]) == 0
    assert _adds_up(capsys.readouterr().out) == [
        "已在图中的文档 1 篇仍属于原来的文档集「week」、「周报」：没有指定文档集时，只有新文档"
        "按文件夹名（单个文件为「未分类」）归入文档集；要把它们也加入某个文档集，用 --collection "
        "名称，或在文件夹里放 collection.json"
    ]
    # ... and joins one named for it, through the first of the two files
    (other / "collection.json").write_text('{"collection": "专题"}', encoding="utf-8")
    assert main(["--quiet", str(other)]) == 0
    assert _adds_up(capsys.readouterr().out) == [
        "文档集「专题」：已在图中（内容相同） 2 篇（共 2 篇，即 1 篇文档，在本次加入该文档集）"
    ]
    # a new document, one joining and one in it already, in one collection
    (other / "f.txt").write_text("丁县法院设立家事审判庭，审结家事案件87件。", encoding="utf-8")
    (other / "e.txt").write_text("乙县法院推行诉源治理，设立诉讼服务站12个。", encoding="utf-8")
    assert main(["--quiet", str(other)]) == 0
    assert _adds_up(capsys.readouterr().out) == [
        "文档集「专题」：新增 1 篇，已在图中（内容相同） 3 篇（共 4 篇，即 3 篇文档："
        "本次新增的 1 篇，本次加入该文档集的已有文档 1 篇，原已属于该文档集的已有文档 1 篇）"
    ]
    # the English summary says the same
    report = ingest_paths(store, [week], reference_data=False)
    assert "collection week: 4 unchanged, 1 reposts (3 documents: 0 new, 0 already in the " in (
        report.summary()
    )


def test_a_file_given_twice_is_read_once(store, tmp_path, monkeypatch, capsys):
    """The same path given twice read as a file repeating itself ("重复：a.txt 与本次先读的
    《…》内容相同"), and a first run's collection line counted it once where the first line
    counted it twice: a file is read once however often it is given, and the summary says
    so (the same path, or a file and its folder)."""
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main

    lend_store(monkeypatch, store)
    week = tmp_path / "week"
    week.mkdir()
    a = week / "a.txt"
    a.write_text("乙县法院推行诉源治理，设立诉讼服务站12个。", encoding="utf-8")
    assert main(["--quiet", str(a), str(a), str(a)]) == 0
    out = capsys.readouterr().out
    assert "读取 1 篇；新增 1 篇；已在图中（内容相同） 0 篇；转载稿 0 篇；失败 0 篇" in out
    assert f"  同一文件：{a} 给出了 3 次，只读了一次" in out.splitlines()
    assert "重复：" not in out
    assert _adds_up(out) == ["文档集「未分类」：新增 1 篇"]

    (week / "b.txt").write_text("丁县法院设立家事审判庭，审结家事案件87件。", encoding="utf-8")
    assert main(["--quiet", str(week), str(a)]) == 0
    out = capsys.readouterr().out
    assert "读取 2 篇；新增 1 篇；已在图中（内容相同） 1 篇；转载稿 0 篇；失败 0 篇" in out
    assert f"  同一文件：{a} 与 {a} 是同一个文件，只读了一次" not in out
    assert f"  同一文件：{a} 给出了 2 次，只读了一次" in out.splitlines()


def test_a_path_not_reached_is_not_counted_as_read(store, tmp_path, monkeypatch, capsys):
    """A path that does not exist was counted among the failed files of a line whose
    numbers then added up to more than the files read."""
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main

    lend_store(monkeypatch, store)
    a = tmp_path / "a.txt"
    a.write_text("乙县法院推行诉源治理，设立诉讼服务站12个。", encoding="utf-8")
    assert main(["--quiet", str(a), str(tmp_path / "nope.txt")]) == 2
    out = capsys.readouterr().out
    first = (
        "读取 1 篇；新增 1 篇；已在图中（内容相同） 0 篇；转载稿 0 篇；失败 0 篇；"
        "另有 1 个路径无法访问，未读取"
    )
    assert first in out.splitlines()
    assert f"  无法访问：{tmp_path / 'nope.txt'}：没有这个文件或文件夹" in out.splitlines()
    _adds_up(out)


def test_a_duplicate_in_another_collection_brings_its_document_in(store, tmp_path):
    """An article read twice in one run, from two folders naming two collections: the
    document added from the first joins the second through the copy."""
    x, y = tmp_path / "x", tmp_path / "y"
    for folder, name in ((x, "甲集"), (y, "乙集")):
        folder.mkdir()
        (folder / "collection.json").write_text(f'{{"collection": "{name}"}}', encoding="utf-8")
        (folder / "a.txt").write_text("丙区法院试点繁简分流，速裁案件320件。", encoding="utf-8")
    report = ingest_paths(store, [x, y], reference_data=False)
    assert [x for x in summary_zh(report).splitlines() if "文档集" in x] == [
        "文档集「乙集」：与本次先读的文件相同 1 篇（其文档在本次加入该文档集）",
        "文档集「甲集」：新增 1 篇",
    ]
