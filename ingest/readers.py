"""Read article files (.txt, .md, .html/.htm, .docx, .pdf) into `SourceDocument`s.

`read_document` decodes the file (the encoding is detected and recorded, with a warning when
the detection was not clear-cut), extracts text from markup, normalizes it
(`ingest.normalize`), cuts site boilerplate (`ingest.boilerplate`), picks the publication date
(`ingest.dates`) and fingerprints the result (`ingest.dedup`). `SourceDocument.original` is
the decoded text of a .txt/.md file, or the plain text extracted from an .html, .docx or .pdf
file; `offsets` map every character of `text` back into it.

Metadata (url, title, date, site) comes from `meta=`, from a sidecar ``<name>.meta.json``
next to the file, or from a manifest (`read_manifest`); what the caller passes wins.

Example:
    >>> doc = read_document("tests/data/docs/with_sidecar.txt")  # doctest: +SKIP
    >>> doc.text, doc.date, doc.encoding  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph.errors import UnreadableDocument
from ingest.archives import MAX_UNPACKED, ArchiveError, ArchiveTooLarge, load_zip
from ingest.boilerplate import find_boilerplate, source_urls, strip_page_furniture
from ingest.dates import (
    choose_date,
    credit_dates,
    page_dates,
    parse_date,
    portal_clocks,
    url_in_text,
)
from ingest.dedup import fingerprint
from ingest.document import SourceDocument
from ingest.normalize import (
    Tracked,
    normalize_text,
    normalize_tracked,
    starred_names,
    summarize_notes,
)
from ingest.titles import without_markup

__all__ = [
    "Decoded",
    "SUPPORTED",
    "decode_bytes",
    "manifest_key",
    "read_document",
    "read_manifest",
]

SUPPORTED = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}


# --------------------------------------------------------------------------------------------
# Decoding


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


class _DecodeError(Exception):
    """Why bytes are not a text document (turned into UnreadableDocument by the reader)."""


_MAGIC = [
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc/.xls)"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
]

# The most frequent characters of Chinese news text plus court vocabulary; their traditional
# forms are added at first use. A right decoding of Chinese text hits this set for about
# half of its characters, a wrong one (Big5 read as GBK, GBK read as Big5) for a few percent.
_COMMON = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对"
    "着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又"
    "定见只主没公从知使点业本意全工已高现长两问力理外开正实但很给因头特几最动些手安相物加样由向利体"
    "路等才位重少门合明第水果各美比通化民机信表新部做别老提接常解认想放世设她期打太指保何题育且原先"
    "及回应政光件品西再活目产较平文必报区导记员变今总结建感教制万入间声内反条口白强步流花什况月公"
    "四五六七八九百千亿元件项名次率同比增长下降季度余约近超达法院庭审判执行调解诉讼案纠纷司刑民事"
    "级省市县镇乡村委书记院长副党组干警额助服务心推改革创升质效群众矛盾化多站式源治理速裁繁简线网"
    "络智慧讲话强调求领班队伍廉监督检察局律师受立结数量计划任务落实加深坚持召议会围绕基层社会治县"
    "区城中华共和全国人民政府单位部门职能作用情况进一步完善规范程序标准建设管理工作开展组织实施"
)


def _common_set() -> frozenset[str]:
    chars = set(_COMMON)
    try:
        import opencc

        chars |= set(opencc.OpenCC("s2t").convert(_COMMON))
    except Exception:  # pragma: no cover - opencc is a hard dependency of normalize
        pass
    return frozenset(chars)


_COMMON_SET: frozenset[str] | None = None
_CJK_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_WEIRD_RE = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f\uac00-\ud7af\ua000-\ua4cf]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _score(text: str) -> float:
    """How much `text` looks like correctly decoded Chinese: 0 (garbage) .. about 0.7."""
    global _COMMON_SET
    if _COMMON_SET is None:
        _COMMON_SET = _common_set()
    sample = text[:200_000]
    cjk = _CJK_RE.findall(sample)
    if not cjk:
        return 0.0
    hits = sum(1 for c in cjk if c in _COMMON_SET)
    weird = len(_WEIRD_RE.findall(sample))
    return hits / len(cjk) - 2.0 * weird / max(len(sample), 1)


def _utf16_quality(text: str) -> float:
    """About 0.6-1.0 for real text, near 0 for UTF-16 read in the wrong byte order."""
    global _COMMON_SET
    if _COMMON_SET is None:
        _COMMON_SET = _common_set()
    sample = text[:20_000]
    if not sample or _CONTROL_RE.search(sample):
        return 0.0
    plain = sum(1 for c in sample if " " <= c <= "~" or c in "\n\r\t")
    common = sum(1 for c in _CJK_RE.findall(sample) if c in _COMMON_SET)
    punct = sum(
        1
        for c in sample
        if "\u2000" <= c <= "\u206f" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return (plain + 1.5 * common + punct) / len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    if len(data) % 2:
        return None
    scored: list[tuple[float, str, str]] = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_utf16_quality(text), enc, text))
    if not scored:
        return None
    scored.sort(reverse=True)
    best, enc, text = scored[0]
    other = scored[1][0] if len(scored) > 1 else 0.0
    if best >= 0.4 and best - other >= 0.2:
        return text, enc
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes, detecting the encoding.

    Order: byte-order marks; signatures of binary formats (refused); UTF-16 without a BOM
    (NUL bytes in a plausible pattern); a charset the file declares (HTML) if it decodes;
    strict UTF-8; then GB18030, Big5 (cp950, big5hkscs) and UTF-16 without a BOM or a NUL
    byte (Chinese alone) compared by how Chinese the result looks; a UTF-8 file with a few broken bytes is kept with U+FFFD and a warning.
    Raises `_DecodeError` with a plain reason otherwise.
    """
    warnings: list[str] = []
    if not data:
        raise _DecodeError("empty file (0 bytes)")
    for bom, enc, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc), name, warnings)
            except UnicodeDecodeError as exc:
                raise _DecodeError(
                    f"has a {name} byte-order mark but is not {name}: {exc}"
                ) from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _DecodeError(f"not a text document: looks like {what}")
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data)
        if found is not None:
            text, enc = found
            warnings.append(f"no byte-order mark: decoded as {enc} from the NUL-byte pattern")
            return Decoded(text, enc, warnings)
        raise _DecodeError("not a text document: looks binary (NUL bytes)")
    if declared:
        charset = _canonical_charset(declared)
        if charset:
            try:
                text = data.decode(charset)
                if charset == "utf-8" or _score(text) >= 0.25 or not _CJK_RE.search(text):
                    return _check_text(Decoded(text, charset, warnings))
            except (UnicodeDecodeError, LookupError):
                pass
            warnings.append(f"the file declares charset {declared!r} but does not decode as it")
    try:
        text = data.decode("utf-8")
        return _check_text(Decoded(text, "ascii" if data.isascii() else "utf-8", warnings))
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "cp950", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if len(data) % 2 == 0:  # UTF-16 of Chinese alone has no NUL byte to show it
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            candidates.append((_score(utf16[0]), utf16[1], utf16[0]))
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    if bad <= max(8, len(loose) // 500):  # a few damaged bytes (each gives 1-3 U+FFFD)
        candidates.append((_score(loose) - 0.01, "utf-8", loose))
    if not candidates:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if text and not _CJK_RE.search(text) and _score(text) == 0.0:
            warnings.append(
                "encoding detection uncertain: not UTF-8, GB18030 or Big5; decoded as cp1252"
            )
            return _check_text(Decoded(text, "cp1252", warnings))
        raise _DecodeError(
            "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (convert it to UTF-8)"
        )
    candidates.sort(key=lambda c: c[0], reverse=True)
    best_score, enc, text = candidates[0]
    runner = next(
        (c for c in candidates[1:] if c[1] != enc and not {c[1], enc} <= {"cp950", "big5hkscs"}),
        None,
    )
    if enc == "utf-8":
        warnings.append(f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced by U+FFFD")
    if best_score < 0.2:
        if not _CJK_RE.search(text):
            try:
                text = data.decode("cp1252")
                enc = "cp1252"
            except UnicodeDecodeError:
                pass
        warnings.append(
            f"encoding detection uncertain: chose {enc}, text does not look like Chinese "
            f"(score {best_score:.2f})"
        )
    elif runner and best_score - runner[0] < 0.15:
        warnings.append(
            f"encoding detection uncertain: chose {enc} (score {best_score:.2f}) over "
            f"{runner[1]} ({runner[0]:.2f})"
        )
    if enc.startswith("utf-16"):
        warnings.append(f"no byte-order mark: decoded as {enc}, the most Chinese-looking reading")
    name = "big5" if enc in ("cp950", "big5hkscs") else enc
    return _check_text(Decoded(text, name, warnings))


def _check_text(decoded: Decoded) -> Decoded:
    sample = decoded.text[:65536]
    if sample and len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample):
        raise _DecodeError("not a text document: looks binary (control characters)")
    return decoded


def _canonical_charset(name: str) -> str | None:
    n = name.strip().strip("\"'").lower().replace("_", "-")
    if n in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"):
        return "gb18030"
    if n in ("big5", "big-5", "cp950", "x-x-big5"):
        return "cp950"
    if n in ("big5-hkscs", "big5hkscs"):
        return "big5hkscs"
    if n in ("utf8", "utf-8"):
        return "utf-8"
    try:
        return codecs.lookup(n).name
    except LookupError:
        return None


# --------------------------------------------------------------------------------------------
# Formats


@dataclass
class _Hints:
    """What a format tells about the document besides its text."""

    title: str | None = None
    dates: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    source_urls: list[str] = field(default_factory=list)
    #: (start, end) of the text's table rows (a .docx): the document's own content, which
    #: the boilerplate cut must not take for a menu or a footer (rows of short cells)
    table_rows: list[tuple[int, int]] = field(default_factory=list)


_HTML_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "iframe",
    "object",
    "embed",
    "head",
    "select",
    "button",
    "canvas",
    "map",
)
_HTML_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "blockquote",
    "pre",
    "hr",
    "header",
    "footer",
    "main",
    "aside",
    "figure",
    "figcaption",
    "form",
    "center",
    "address",
    "caption",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
}
_HTML_CELL = {"td", "th"}
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_DATE_NAMES = {
    "publishdate",
    "pubdate",
    "publish_date",
    "publishtime",
    "publish-date",
    "pub_date",
    "article:published_time",
    "og:article:published_time",
    "og:release_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "firstpublishedtime",
    "weibo:article:create_at",
    "createdate",
    "releasedate",
}


def _read_html(data: bytes) -> tuple[Decoded, _Hints]:
    from lxml import etree
    from lxml import html as lxml_html

    m = _CHARSET_RE.search(data[:8192])
    decoded = decode_bytes(data, declared=m.group(1).decode("ascii") if m else None)
    source = _XML_DECL.sub("", decoded.text)
    if not source.strip():
        raise _DecodeError("empty HTML document")
    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise _DecodeError(f"cannot parse HTML: {exc}") from exc
    hints = _Hints()
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        if name in _META_DATE_NAMES:
            iso = parse_date(content)
            if iso and iso not in hints.dates:
                hints.dates.append(iso)
        elif name in ("og:title", "twitter:title", "articletitle") and not hints.title:
            hints.title = content
        elif name in ("og:site_name", "sitename", "site_name") and not hints.site:
            hints.site = content
        elif name == "og:url" and not hints.url:
            hints.url = content
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            hints.url = hints.url or link.get("href")
    if not hints.title:
        h1 = next(iter(root.iter("h1")), None)
        if h1 is not None and h1.text_content().strip():
            hints.title = " ".join(h1.text_content().split())
        else:
            t = root.find(".//title")
            if t is not None and (t.text or "").strip():
                hints.title = " ".join((t.text or "").split())
    for a in root.iter("a"):
        label = a.text_content()
        href = a.get("href") or ""
        if href.startswith("http") and re.search("原文|来源链接", label):
            hints.source_urls.append(href)
    etree.strip_elements(root, *_HTML_DROP, with_tail=False)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in _HTML_BLOCK:
                parts.append("\n")
            elif tag in _HTML_CELL:
                parts.append(" ")
            if el.text:
                parts.append(el.text if tag == "pre" else _collapse(el.text))
        else:
            if tag in _HTML_BLOCK:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(_collapse(el.tail))
    text = "".join(parts)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return Decoded(text, decoded.encoding, decoded.warnings), hints


def _collapse(s: str) -> str:
    return re.sub(r"[ \t\r\n\f]+", " ", s)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# wrappers whose content is read as if it stood in their place: content controls, custom XML,
# tracked insertions, smart tags and simple fields
_DOCX_WRAPPERS = {f"{_W}{t}" for t in ("sdt", "customXml", "ins", "smartTag", "fldSimple")}
_DOCX_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


class _Row(str):
    """A line of a .docx that is a table row (see `_Hints.table_rows`)."""


def _docx_inline(el: Any, out: list[str]) -> None:
    """The text of a paragraph's runs, in order. Text boxes (w:txbxContent) and the fallback
    copy of alternate content are left out: they are drawings, and the fallback repeats the
    choice's text."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag == f"{_W}txbxContent" or tag == _MC_FALLBACK:
            continue
        if tag in _DOCX_RUN_TEXT:
            fixed = _DOCX_RUN_TEXT[tag]
            out.append((child.text or "") if fixed is None else fixed)
        elif tag != f"{_W}del":  # a tracked deletion is not the document's text
            _docx_inline(child, out)


def _docx_blocks(el: Any) -> Iterator[str]:
    """The lines of a .docx body (or a table cell) in reading order (see `_docx_block`)."""
    for child in el:
        yield from _docx_block(child)


def _docx_block(child: Any) -> Iterator[str]:
    """The lines of one block of a body or cell: a paragraph is a line; a table row is a line
    of its cells' texts; a cell merged into the one above it (w:vMerge continued) is read
    once, in its first row; nested tables, content controls (w:sdt) and custom XML are read
    where they stand."""
    tag = child.tag
    if tag == f"{_W}p":
        parts: list[str] = []
        _docx_inline(child, parts)
        yield "".join(parts)
    elif tag == f"{_W}tbl":
        for row in _docx_children(child, "tr"):
            cells: list[str] = []
            for cell in _docx_children(row, "tc"):
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(f"{_W}val", "continue") != "restart":
                    continue
                text = "\n".join(_docx_blocks(cell)).strip()
                if text:
                    cells.append(text)
            if cells:
                yield _Row(" ".join(cells))
    elif tag in _DOCX_WRAPPERS:
        content = child.find(f"{_W}sdtContent")
        yield from _docx_blocks(content if content is not None else child)


def _docx_children(el: Any, name: str) -> Iterator[Any]:
    """`el`'s w:`name` children, also those wrapped in a content control or custom XML."""
    for child in el:
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag in _DOCX_WRAPPERS:
            content = child.find(f"{_W}sdtContent")
            yield from _docx_children(content if content is not None else child, name)


_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RT = "http://schemas.openxmlformats.org/"
_RT_DOCUMENT = _RT + "officeDocument/2006/relationships/officeDocument"
_RT_CORE = _RT + "package/2006/relationships/metadata/core-properties"
_CT_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# a package's own small parts ([Content_Types].xml, _rels/.rels, docProps/core.xml) hold a
# few KB; they are parsed whole, so a larger one is refused
_SMALL_PART = 1_000_000
#: elements a .docx may hold at once while it is streamed: one paragraph or table of the
#: body (~360 bytes of memory each: ~110 MB). A 1,000-row table of six columns holds ~90,000;
#: a 7 MB file of 1.2 million tiny paragraphs held all at once took python-docx to 536 MB.
MAX_DOCX_ELEMENTS = 300_000


def _docx_part(zf: Any, name: str) -> Any:
    """A small part of the package, parsed (no entities, no network)."""
    from lxml import etree

    try:
        info = zf.getinfo(name)
    except KeyError:
        raise _DecodeError(f"corrupt or not a .docx file: it has no {name}") from None
    if info.file_size > _SMALL_PART:
        raise _DecodeError(
            f"corrupt or not a .docx file: {name} holds {info.file_size:,} bytes "
            f"(limit {_SMALL_PART:,})"
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(zf.read(info), parser)


def _docx_target(rels: Any, reltype: str) -> str | None:
    """The package member a package relationship of `reltype` points to (None: none)."""
    import posixpath

    for rel in rels.iter(_REL):
        if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join("/", rel.get("Target", ""))).lstrip("/")
    return None


def _docx_main_part(zf: Any) -> str:
    """The member holding a Word package's main document, checked to be one (as python-docx
    checks it): the officeDocument relationship's target, of the Word document type."""
    rels = _docx_part(zf, "_rels/.rels")
    name = _docx_target(rels, _RT_DOCUMENT)
    if name is None:
        raise _DecodeError("corrupt or not a .docx file: _rels/.rels names no main document")
    types = _docx_part(zf, "[Content_Types].xml")
    kind = None
    for override in types.iter(f"{_CT}Override"):
        if override.get("PartName", "").lower() == f"/{name}".lower():
            kind = override.get("ContentType")
    if kind is None:
        ext = name.rsplit(".", 1)[-1].lower()
        for default in types.iter(f"{_CT}Default"):
            if default.get("Extension", "").lower() == ext:
                kind = default.get("ContentType")
    if kind != _CT_WORD:
        what = f"is of type {kind}" if kind else "has no content type"
        raise _DecodeError(f"corrupt or not a .docx file: not a Word document ({name} {what})")
    return name


def _docx_stream(stream: Any, name: str) -> Iterator[str]:
    """The lines of a main document part, streamed: each block of the body (a paragraph, a
    table, a content control) is read as it ends and then let go, so memory holds one block,
    not the whole tree (python-docx's); more than `MAX_DOCX_ELEMENTS` held at once is refused."""
    from lxml import etree

    body = f"{_W}body"
    held = 0
    events = etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True)
    for _event, el in events:
        held += 1
        if held > MAX_DOCX_ELEMENTS:
            raise _DecodeError(
                f".docx file too large when unpacked: {name} holds more than "
                f"{MAX_DOCX_ELEMENTS:,} XML elements in one paragraph or table; split it or "
                "save it as a smaller file"
            )
        parent = el.getparent()
        if parent is not None and parent.tag == body:
            yield from _docx_block(el)
            el.clear()
            while el.getprevious() is not None:
                del parent[0]
            held = 0


def _read_docx(path: Path, *, max_unpacked: int = MAX_UNPACKED) -> tuple[str, _Hints]:
    """The text and title of a .docx file, read without python-docx's whole-document tree."""
    import zipfile

    try:
        data = load_zip(path, max_unpacked=max_unpacked)  # before anything unpacks it
    except ArchiveTooLarge as exc:
        raise _DecodeError(f".docx file {exc}") from exc
    except ArchiveError as exc:
        raise _DecodeError(f"corrupt or not a .docx file: {exc}") from exc
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            main = _docx_main_part(zf)
            try:
                stream = zf.open(main)
            except KeyError:
                raise _DecodeError(f"corrupt or not a .docx file: it has no {main}") from None
            with stream:
                lines = list(_docx_stream(stream, main))
            rows, at = [], 0
            for line in lines:
                if isinstance(line, _Row):
                    rows.append((at, at + len(line)))
                at += len(line) + 1
            core = _docx_target(_docx_part(zf, "_rels/.rels"), _RT_CORE)
            title = None
            if core is not None and core in zf.namelist():
                found = _docx_part(zf, core).find(_DC_TITLE)
                title = (found.text or None) if found is not None else None
    except _DecodeError:
        raise
    except Exception as exc:  # lxml/zip errors of a damaged package
        raise _DecodeError(f"corrupt .docx file: {type(exc).__name__}: {exc}") from exc
    return "\n".join(lines), _Hints(title=title, table_rows=rows)


def _read_pdf(path: Path) -> tuple[str, _Hints]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise _DecodeError(f"encrypted PDF: {exc}") from exc
            if not ok:
                raise _DecodeError("encrypted PDF: needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except _DecodeError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise _DecodeError(f"corrupt or unreadable PDF: {type(exc).__name__}: {exc}") from exc
    text = strip_page_furniture(pages)  # running headers, footers, page numbers
    if not text.strip():
        raise _DecodeError("PDF has no extractable text (a scanned image? run OCR first)")
    return text, _Hints(title=title)


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), "drop"),
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), "drop"),
    (
        re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M),
        "drop",
    ),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.M), "drop"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), "drop"),
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), "drop"),
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), "drop"),
    (re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)"), "link"),
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), "inner2"),
    (re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), "inner1"),
    (re.compile(r"`([^`\n]+)`"), "inner1"),
    (re.compile(r"<[^>\n]+>"), "drop"),
    (re.compile(r"\|"), "space"),
]


def _strip_markdown(text: str) -> tuple[Tracked, list[str]]:
    """Markdown -> plain text, tracking offsets into the markdown source.

    Also returns the URLs of links labelled as the original source ([原文链接](http://…)).
    """
    t = Tracked(text)
    urls: list[str] = []
    for pattern, action in _MD_RULES:
        if action == "drop":
            t.sub(pattern, "")
        elif action == "space":
            t.sub(pattern, lambda m: (" ", [0]))
        elif action == "link":

            def link(m: re.Match[str]) -> tuple[str, list[int]]:
                if re.search("原文|来源链接|原文链接", m.group(1)):
                    urls.append(m.group(2))
                return m.group(1), [1 + k for k in range(len(m.group(1)))]

            t.sub(pattern, link)
        else:
            g = 2 if action == "inner2" else 1

            def inner(m: re.Match[str], g: int = g) -> tuple[str, list[int]] | None:
                if g == 2 and m.group(1) == "**" and starred_names(m.string, m.start(), m.group(2)):
                    return None  # 张**诉李**: a caption's starred-out names, not bold
                off = m.start(g) - m.start()
                return m.group(g), [off + k for k in range(len(m.group(g)))]

            t.sub(pattern, inner)
    return t, urls


# --------------------------------------------------------------------------------------------
# Metadata


def _is_file(path: Path) -> bool:
    """Path.is_file that is False, not an error, for a name too long to exist (or a loop)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _sidecar(path: Path) -> dict[str, Any]:
    for cand in (path.with_suffix(".meta.json"), path.with_name(path.name + ".meta.json")):
        if cand != path and _is_file(cand):
            try:
                data = json.loads(cand.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise UnreadableDocument(str(path), f"bad sidecar {cand.name}: {exc}") from exc
            if not isinstance(data, dict):
                raise UnreadableDocument(str(path), f"bad sidecar {cand.name}: not a JSON object")
            return data
    return {}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Keys lower-cased, values stripped, empty ones dropped; a lone surrogate (a JSON
    manifest's "\\udcb2", which no store or file takes) becomes U+FFFD."""
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if isinstance(v, str):
            v = _SURROGATE.sub("\ufffd", v.strip())
        if v in ("", None):
            continue
        out[str(k).strip().lower()] = v
    return out


def read_manifest(path: str | Path) -> dict[str, dict[str, Any]]:
    """Metadata per document from a CSV or JSONL manifest, keyed by resolved file path.

    Columns/keys: path (required; relative paths are relative to the manifest), url, title,
    date, site; other columns are kept. Empty values are dropped.

    Example:
        >>> meta = read_manifest("batch/manifest.csv")  # doctest: +SKIP
        >>> read_document(p, meta=meta.get(str(Path(p).resolve())))  # doctest: +SKIP
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(p), f"cannot read manifest: {exc.strerror or exc}") from exc
    try:
        text = decode_bytes(data).text
    except _DecodeError as exc:
        raise UnreadableDocument(str(p), f"manifest: {exc}") from exc
    rows: list[tuple[int, dict[str, Any]]] = []
    if p.suffix.lower() in (".jsonl", ".ndjson", ".json") or text.lstrip().startswith("{"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UnreadableDocument(str(p), f"line {n}: not JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise UnreadableDocument(str(p), f"line {n}: not a JSON object")
            rows.append((n, obj))
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "path" not in [f.strip().lower() for f in reader.fieldnames]:
            raise UnreadableDocument(str(p), "manifest has no 'path' column")
        for n, row in enumerate(reader, 2):
            rows.append((n, {(k or "").strip().lower(): v for k, v in row.items()}))
    out: dict[str, dict[str, Any]] = {}
    for n, row in rows:
        clean = _clean_meta(row)
        rel = clean.pop("path", None)
        if not rel:
            raise UnreadableDocument(str(p), f"line {n}: no path")
        doc_path = Path(str(rel)).expanduser()
        if not doc_path.is_absolute():
            doc_path = p.parent / doc_path
        out[manifest_key(doc_path)] = clean
    return out


def manifest_key(path: str | Path) -> str:
    """How `read_manifest` keys a document: its resolved path (absolute, for a link loop)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
        return str(Path(path).absolute())


# --------------------------------------------------------------------------------------------
# The reader


def _title_text(title: Any) -> str | None:
    if not title:
        return None
    text = without_markup(normalize_text(str(title))[0].replace("\n", " "))
    return text or None


def _content_lines(
    text: str, offsets: list[int], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The lines of normalized `text` (`offsets`: each character's place in the text read)
    that hold part of one of `spans` of the text read."""
    if not spans:
        return []
    import bisect

    starts = [a for a, _b in spans]
    out, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        for k in range(a, b):
            i = bisect.bisect_right(starts, offsets[k]) - 1
            if i >= 0 and offsets[k] < spans[i][1]:
                out.append((a, b))
                break
    return out


def read_document(
    path: str | Path,
    *,
    meta: dict[str, Any] | None = None,
    max_bytes: int = 20_000_000,
    max_unpacked: int = MAX_UNPACKED,
) -> SourceDocument:
    """Read one file into a normalized `SourceDocument` (see the module docstring).

    Raises `UnreadableDocument` for missing, empty, oversized, binary, undecodable,
    unsupported or corrupt files; `max_unpacked` bounds what a .docx (a zip) may inflate to.

    Example:
        >>> doc = read_document("corpus/dev/articles/014.txt")  # doctest: +SKIP
        >>> doc.text[:8], doc.date, doc.date_source  # doctest: +SKIP
        ('本网讯（通讯员', '2020-11-13', 'manifest')
    """
    p = Path(path)
    spath = str(p)
    if not p.exists():
        raise UnreadableDocument(spath, "file not found")
    if not p.is_file():
        raise UnreadableDocument(spath, "not a regular file")
    ext = p.suffix.lower()
    if p.name.endswith(".meta.json"):
        raise UnreadableDocument(spath, "a metadata sidecar, not a document")
    kind = SUPPORTED.get(ext)
    if kind is None:
        known = ", ".join(sorted(e for e in SUPPORTED if e))
        raise UnreadableDocument(spath, f"unsupported file type {ext!r} (supported: {known})")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableDocument(spath, "empty file (0 bytes)")
    if size > max_bytes:
        raise UnreadableDocument(
            spath, f"file too large: {size:,} bytes (limit {max_bytes:,}; pass max_bytes=)"
        )

    given = _clean_meta(_sidecar(p))
    given.update(_clean_meta(meta or {}))

    warnings: list[str] = []
    hints = _Hints()
    encoding: str | None = None
    pre: Tracked | None = None
    try:
        if kind in ("text", "markdown", "html"):
            data = p.read_bytes()
            if kind == "html":
                decoded, hints = _read_html(data)
            else:
                decoded = decode_bytes(data)
            original, encoding = decoded.text, decoded.encoding
            warnings.extend(decoded.warnings)
            if kind == "markdown":
                pre, md_urls = _strip_markdown(original)
                hints.source_urls.extend(u for u in md_urls if u.startswith("http"))
        elif kind == "docx":
            original, hints = _read_docx(p, max_unpacked=max_unpacked)
        else:
            original, hints = _read_pdf(p)
    except _DecodeError as exc:
        raise UnreadableDocument(spath, str(exc)) from exc
    except OSError as exc:
        raise UnreadableDocument(spath, f"cannot read: {exc.strerror or exc}") from exc
    if not original.strip():
        raise UnreadableDocument(spath, "no text: the file holds only whitespace")

    base = pre.text if pre is not None else original
    t = normalize_tracked(base)
    if not t.text.strip():
        raise UnreadableDocument(spath, "no text left after normalization (control characters?)")
    full_offsets = t.offsets if pre is None else [pre.offsets[i] for i in t.offsets]

    cut = find_boilerplate(t.text, content=_content_lines(t.text, full_offsets, hints.table_rows))
    spans = cut.spans
    if not spans:
        spans = [(0, len(t.text))]
        warnings.append("could not tell the article from the page furniture: kept all text")
    parts: list[str] = []
    offsets: list[int] = []
    full = t.text
    for k, (a, b) in enumerate(spans):
        if k:
            prev_end = spans[k - 1][1]
            parts.append("\n")
            offsets.append(full_offsets[prev_end] if prev_end < len(full) else full_offsets[a])
        parts.append(full[a:b])
        offsets.extend(full_offsets[a:b])
    text = "".join(parts)

    # Warnings from normalization, only for the text that was kept.
    starts = [t.offsets[a] for a, b in spans if b > a]
    ends = [t.offsets[b - 1] for a, b in spans if b > a]
    kept_notes = []
    for note in t.notes:
        raw = note[0]
        i = bisect.bisect_right(starts, raw) - 1
        if raw < 0 or (i >= 0 and raw <= ends[i]):
            kept_notes.append(note)
    warnings.extend(summarize_notes(kept_notes))

    # Dates: the byline and header that were cut, HTML meta tags, URLs, metadata.
    header_text = "\n".join(full[a:b] for a, b, why in cut.removed if why in ("byline", "header"))
    page = list(hints.dates)
    clocks = portal_clocks(full)  # today's date above the breadcrumb, cut with the header
    header_dates = [d for d in page_dates(header_text) if d not in clocks]
    for d in header_dates + page_dates(full[:600]) + credit_dates(full):
        if d not in page:
            page.append(d)
    src_urls: list[str] = []
    for u in hints.source_urls + cut.source_urls + source_urls(full):
        if u not in src_urls:
            src_urls.append(u)
    own_url = given.get("url") or hints.url
    choice = choose_date(
        page=page,
        source_urls=src_urls,
        own_url=own_url or url_in_text(full),
        meta=str(given["date"]) if given.get("date") else None,
        text=text,
    )
    warnings.extend(choice.warnings)

    urls: list[str] = []
    for u in ([own_url] if own_url else []) + src_urls:
        if u not in urls:
            urls.append(u)
    site = given.get("site") or hints.site
    if not site and own_url:
        site = urlsplit(own_url).hostname
    title = _title_text(given.get("title")) or _title_text(hints.title) or _title_text(cut.title)

    return SourceDocument(
        path=spath,
        text=text,
        original=original,
        offsets=offsets,
        title=title,
        date=choice.date,
        date_source=choice.source,
        date_note=choice.note,
        urls=urls,
        site=str(site) if site else None,
        encoding=encoding,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        fingerprint=fingerprint(text),
        warnings=warnings,
        page_court=cut.page_court,
    )
