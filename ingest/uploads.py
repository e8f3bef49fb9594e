"""Uploads (the 导入 page): articles with their metadata, written to a folder for
`ingest_paths`, and the run's summary in Chinese.

Metadata comes with the files the way users keep it: a sidecar `<name>.meta.json` beside an
article, a manifest (CSV or JSONL with a `path` column naming the uploaded files), or the
page's fields (URL, title, date: for a single article; the collection: for all). The fields
win over a sidecar, a sidecar over the manifest.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import OS_ERRORS_ZH, BadParameter, UnreadableDocument

ARTICLE_TYPES = (".txt", ".html", ".htm", ".md", ".docx", ".pdf")
MANIFEST_TYPES = (".csv", ".jsonl", ".ndjson")
SIDECAR = ".meta.json"

if TYPE_CHECKING:
    from graph.store import GraphStore


def safe_name(name: str, index: int) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    base = Path(name).name
    stem = re.sub(r"[^\w\-. \u3400-\u9fff]", "_", Path(base).stem)[:80] or "upload"
    return f"{index:03d}_{stem}{Path(base).suffix.lower()}"


#: how a document's `paths` records an upload: its file was on the user's computer, not the
#: server's, so it has no path; the name, who uploaded it and when stand in its place
UPLOAD_PREFIX = "上传："


def upload_label(name: str, *, by: str | None, at: datetime) -> str:
    """What a document's `paths` records for an uploaded file (not a path on the server).

    >>> from datetime import datetime, timezone
    >>> at = datetime(2026, 12, 7, 7, 22, tzinfo=timezone.utc)
    >>> upload_label("c1.txt", by="王审核", at=at), upload_label("c1.txt", by=None, at=at)
    ('上传：c1.txt（王审核，2026-12-07 07:22 UTC）', '上传：c1.txt（2026-12-07 07:22 UTC）')
    """
    when = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{UPLOAD_PREFIX}{name}（{by}，{when}）" if by else f"{UPLOAD_PREFIX}{name}（{when}）"


@dataclass
class Staged:
    """Uploads written to a folder: what `ingest_paths` needs, and what was left out."""

    # written path -> what to record and report instead: `upload_label` of the uploaded name
    names: dict[str, str] = field(default_factory=dict)
    manifest: Path | None = None  # metadata of every article, as one JSONL manifest
    problems: list[tuple[str, str]] = field(default_factory=list)  # (uploaded name, why)

    @property
    def articles(self) -> int:
        return len(self.names)


def stage_uploads(
    files: Sequence[tuple[str, bytes]],
    folder: str | Path,
    *,
    url: str | None = None,
    title: str | None = None,
    date: str | None = None,
    uploaded_by: str | None = None,
    uploaded_at: datetime | None = None,
) -> Staged:
    """Write uploaded articles to `folder` and gather their metadata into one manifest.
    Each is recorded as an upload (`upload_label`: its name, `uploaded_by`, `uploaded_at`,
    default now), not under the temporary path it is read from."""
    from ingest.readers import read_manifest
    from queries.registry import check_date

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    raw = {"url": url, "title": title, "date": date}
    given: dict[str, str] = {k: v.strip() for k, v in raw.items() if v and v.strip()}
    if "date" in given:
        given["date"] = check_date(given["date"], "日期")
    if "url" in given and not re.match(r"^https?://\S+$", given["url"]):
        raise BadParameter(f"网址应以 http:// 或 https:// 开头，而不是 {given['url']!r}")
    staged = Staged()
    at = uploaded_at or datetime.now(UTC)
    articles: dict[str, Path] = {}  # uploaded name -> written path
    sidecars: dict[str, dict[str, Any]] = {}  # article stem -> metadata
    manifests: list[tuple[str, bytes]] = []
    for i, (name, data) in enumerate(files, 1):
        base = Path(name).name
        lower = base.lower()
        if lower.endswith(SIDECAR):
            try:
                obj = json.loads(data.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError) as exc:
                staged.problems.append((base, f"元数据文件不是 JSON：{exc}"))
                continue
            if not isinstance(obj, dict):
                staged.problems.append((base, "元数据文件应是一个 JSON 对象"))
                continue
            sidecars[base[: -len(SIDECAR)]] = obj
        elif Path(lower).suffix in MANIFEST_TYPES:
            manifests.append((base, data))
        elif Path(lower).suffix in ARTICLE_TYPES:
            path = folder / safe_name(base, i)
            path.write_bytes(data)
            articles[base] = path
            staged.names[str(path)] = upload_label(base, by=uploaded_by, at=at)
        else:
            staged.problems.append((base, "不支持的文件类型"))
    meta: dict[str, dict[str, Any]] = {}
    for mname, data in manifests:
        holder = folder / "manifests"
        holder.mkdir(exist_ok=True)
        mpath = holder / safe_name(mname, len(meta) + 1)
        mpath.write_bytes(data)
        try:
            rows = read_manifest(mpath)
        except UnreadableDocument as exc:
            staged.problems.append((mname, f"清单无法读取：{exc.reason}"))
            continue
        for key, values in rows.items():
            listed = Path(key).name
            if listed in articles:
                meta.setdefault(listed, {}).update(values)
            else:
                staged.problems.append((mname, f"清单列出的 {listed} 没有一起上传"))
    for stem, values in sidecars.items():
        owner = next((a for a in articles if a == stem or Path(a).stem == stem), None)
        if owner is None:
            staged.problems.append((stem + SIDECAR, "没有同名的文章一起上传"))
            continue
        meta.setdefault(owner, {}).update({k.lower(): v for k, v in values.items() if v})
    if given:
        if len(articles) != 1:
            raise BadParameter("网址、标题和日期只能用于单篇文章；多篇文章请用元数据文件或清单")
        meta.setdefault(next(iter(articles)), {}).update(given)
    if meta:
        staged.manifest = folder / "manifests" / "uploads.jsonl"
        staged.manifest.parent.mkdir(exist_ok=True)
        staged.manifest.write_text(
            "".join(
                json.dumps({**values, "path": str(articles[name])}, ensure_ascii=False) + "\n"
                for name, values in sorted(meta.items())
            ),
            encoding="utf-8",
        )
    return staged


#: the readers', the date chooser's and the pipeline's reasons and warnings, in Chinese: a
#: pattern (matched whole) with the variable parts as named groups, and the Chinese text
#: they go into. How a group is carried over goes by its name: `why…` is itself a reason
#: (translated in turn), `os` an operating system's message, `looks` what a file that is
#: not text looks like, `label` where a date came from, `note` a kind of damaged text,
#: `list` a list of file types; every other group (paths, numbers, encodings, a library's
#: own message) is kept as it is.
_MESSAGES_ZH: tuple[tuple[str, str], ...] = (
    # ingest/readers.py: reading a file
    (r"file not found", "找不到文件"),
    (r"not a regular file", "不是普通文件"),
    (r"a metadata sidecar, not a document", "这是元数据附件（.meta.json），不是文档"),
    (
        r"unsupported file type (?P<ext>.*) \(supported: (?P<list>.*)\)",
        "不支持的文件类型 {ext}（支持：{list}）",
    ),
    (r"empty file \(0 bytes\)", "空文件（0 字节）"),
    (
        r"file too large: (?P<size>[\d,]+) bytes \(limit (?P<limit>[\d,]+); pass max_bytes=\)",
        "文件过大：{size} 字节（上限 {limit} 字节）",
    ),
    (r"cannot read: (?P<os>.*)", "无法读取：{os}"),
    (r"no text: the file holds only whitespace", "没有正文：文件只有空白"),
    (
        r"no text left after normalization \(control characters\?\)",
        "规范化后没有留下正文（全是控制字符？）",
    ),
    (
        r"has a (?P<bom>\S+) byte-order mark but is not (?P<enc>\S+): (?P<why>.*)",
        "有 {bom} 字节顺序标记（BOM），但内容不是 {enc}：{why}",
    ),
    (r"not a text document: looks like (?P<looks>.*)", "不是文本文件：看起来是 {looks}"),
    (r"not a text document: looks binary \(NUL bytes\)", "不是文本文件：看起来是二进制文件"),
    (
        r"not a text document: looks binary \(control characters\)",
        "不是文本文件：含大量控制字符（若是没有 BOM 的 UTF-16，请另存为 UTF-8）",
    ),
    (
        r"cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text \(convert it to UTF-8\)",
        "无法识别编码：不是 UTF-8、UTF-16、GB18030 或 Big5 文本（请转换为 UTF-8）",
    ),
    (r"empty HTML document", "空的 HTML 文档"),
    (r"cannot parse HTML: (?P<detail>.*)", "无法解析 HTML：{detail}"),
    (r"\.docx file (?P<why>too large when unpacked: .*)", ".docx 文件{why}"),
    (r"corrupt or not a \.docx file: (?P<why>.*)", "损坏或不是 .docx 文件：{why}"),
    (r"corrupt \.docx file: (?P<detail>.*)", "损坏的 .docx 文件：{detail}"),
    (r"encrypted PDF: needs a password", "加密的 PDF：需要密码"),
    (r"encrypted PDF: (?P<detail>.*)", "加密的 PDF：{detail}"),
    (r"corrupt or unreadable PDF: (?P<detail>.*)", "PDF 损坏或无法读取：{detail}"),
    (
        r"PDF has no extractable text \(a scanned image\? run OCR first\)",
        "PDF 没有可提取的文字（扫描件？请先做 OCR）",
    ),
    # ingest/archives.py, through the .docx reader
    (
        r"too large when unpacked: (?P<n>[\d,]+) parts \(limit (?P<limit>[\d,]+)\)",
        "解压后过大：{n} 个部件（上限 {limit}）",
    ),
    (
        r"too large when unpacked: its parts declare (?P<size>[\d,]+) bytes \((?P<name>.*) "
        r"alone (?P<one>[\d,]+); limit (?P<limit>[\d,]+)\); a zip bomb, or save it as a "
        r"smaller file",
        "解压后过大：各部件共声明 {size} 字节（其中 {name} 一项 {one} 字节；上限 {limit}）；"
        "可能是压缩炸弹，或请另存为较小的文件",
    ),
    (
        r"too large when unpacked: more than (?P<limit>[\d,]+) bytes \(reading stopped in "
        r"(?P<name>.*), which declares (?P<size>[\d,]+)\); a zip bomb\?",
        "解压后过大：超过 {limit} 字节（读到 {name} 时停止，它声明 {size} 字节）；可能是压缩炸弹？",
    ),
    (
        r"too large when unpacked: (?P<name>.*) holds more than (?P<limit>[\d,]+) bytes of "
        r"markup; save it as a smaller file",
        "解压后过大：{name} 含超过 {limit} 字节的标记内容；请另存为较小的文件",
    ),
    (
        r"too large when unpacked: (?P<name>.*) inflates more than (?P<ratio>\d+) times "
        r"\((?P<size>[\d,]+) bytes packed\); a zip bomb\?",
        "解压后过大：{name} 解压后膨胀超过 {ratio} 倍（压缩时 {size} 字节）；可能是压缩炸弹？",
    ),
    (
        r"too large when unpacked: (?P<name>.*) holds more than (?P<limit>[\d,]+) XML elements "
        r"in one paragraph or table; split it or save it as a smaller file",
        "解压后过大：{name} 的一个段落或表格含超过 {limit} 个 XML 元素；请拆分或另存为较小的文件",
    ),
    # ingest/readers.py: the parts of a .docx package
    (r"it has no (?P<name>\S+)", "缺少部件 {name}"),
    (
        r"(?P<name>\S+) holds (?P<size>[\d,]+) bytes \(limit (?P<limit>[\d,]+)\)",
        "{name} 有 {size} 字节（上限 {limit}）",
    ),
    (r"_rels/\.rels names no main document", "_rels/.rels 没有指明主文档"),
    (
        r"not a Word document \((?P<name>\S+) is of type (?P<type>.*)\)",
        "不是 Word 文档（{name} 的类型是 {type}）",
    ),
    (
        r"not a Word document \((?P<name>\S+) has no content type\)",
        "不是 Word 文档（{name} 没有声明内容类型）",
    ),
    (r"damaged or not a zip file: (?P<detail>.*)", "zip 文件损坏或不是 zip 文件：{detail}"),
    (r"damaged zip file: (?P<detail>.*)", "zip 文件已损坏：{detail}"),
    # ingest/readers.py: metadata (a sidecar, a manifest)
    (r"bad sidecar (?P<name>.*): not a JSON object", "元数据附件 {name} 有误：不是 JSON 对象"),
    (r"bad sidecar (?P<name>.*?): (?P<why>.*)", "元数据附件 {name} 有误：{why}"),
    (r"cannot read manifest: (?P<os>.*)", "无法读取清单：{os}"),
    (r"manifest: (?P<why>.*)", "清单：{why}"),
    (r"line (?P<n>\d+): not JSON \((?P<json>.*)\)", "第 {n} 行：不是 JSON（{json}）"),
    (r"line (?P<n>\d+): not a JSON object", "第 {n} 行：不是 JSON 对象"),
    (r"manifest has no 'path' column", "清单没有 path 列（文件路径）"),
    (r"line (?P<n>\d+): no path", "第 {n} 行：没有 path（文件路径）"),
    # ingest/readers.py: encodings (warnings)
    (
        r"no byte-order mark: decoded as (?P<enc>\S+) from the NUL-byte pattern",
        "没有字节顺序标记（BOM）：按 NUL 字节的分布识别为 {enc}",
    ),
    (
        r"no byte-order mark: decoded as (?P<enc>\S+), the most Chinese-looking reading",
        "没有字节顺序标记（BOM）：按 {enc} 解码，这种读法最像中文",
    ),
    (
        r"the file declares charset (?P<charset>.*) but does not decode as it",
        "文件声明的编码 {charset} 与内容不符，已自行识别编码",
    ),
    (
        r"encoding detection uncertain: not UTF-8, GB18030 or Big5; decoded as cp1252",
        "编码识别不确定：不是 UTF-8、GB18030 或 Big5，已按 cp1252 解码",
    ),
    (
        r"encoding detection uncertain: chose (?P<enc>\S+), text does not look like Chinese "
        r"\(score (?P<score>[\d.]+)\)",
        "编码识别不确定：选用了 {enc}，但文字不像中文（得分 {score}）",
    ),
    (
        r"encoding detection uncertain: chose (?P<enc>\S+) \(score (?P<score>[\d.]+)\) over "
        r"(?P<other>\S+) \((?P<other_score>[\d.]+)\)",
        "编码识别不确定：选用了 {enc}（得分 {score}），而非 {other}（得分 {other_score}）",
    ),
    (
        r"invalid UTF-8: (?P<n>\d+) undecodable byte sequence\(s\) replaced by U\+FFFD",
        "UTF-8 有误：{n} 处无法解码的字节已替换为 U+FFFD（\ufffd）",
    ),
    (
        r"could not tell the article from the page furniture: kept all text",
        "分不清正文与网页的栏目、导航等内容：保留了全部文字",
    ),
    (
        r"(?P<note>.*?): (?P<n>\d+) place\(s\), e\.g\. (?P<example>.*)",
        "{note}：{n} 处，例如 {example}",
    ),
    # ingest/dates.py: the date chooser (warnings)
    (
        r"metadata date (?P<date>.*) is not a date; ignored",
        "元数据给出的日期 {date} 不是日期，已忽略",
    ),
    (
        r"date conflict: metadata (?P<date>\S+) vs (?P<label>.*) (?P<other>\S+)",
        "日期不一致：元数据为 {date}，{label}为 {other}",
    ),
    (
        r"date conflict: page header (?P<date>\S+) vs (?P<label>.*) (?P<other>\S+); "
        r"chose (?P<chosen>\S+)",
        "日期不一致：页眉为 {date}，{label}为 {other}；采用 {chosen}",
    ),
    (
        r"page date (?P<date>\S+) is earlier than dates mentioned in the text "
        r"\((?P<latest>.*)\)",
        "页面日期 {date} 早于正文提到的日期（{latest}）",
    ),
    # ingest/pipeline.py: paths, file names, extraction, writing
    (
        r"symbolic link loop \(the link points back at itself or at a folder above it\)",
        "符号链接循环（链接指回它自己或上级文件夹）",
    ),
    (
        r"broken symbolic link \(points to (?P<target>.*), which does not exist\)",
        "符号链接已失效（指向的 {target} 不存在）",
    ),
    (r"no such file or folder", "没有这个文件或文件夹"),
    (
        r"permission denied \(the file or a folder above it is not readable by this user\)",
        "没有权限（当前用户不能读取该文件或其上级文件夹）",
    ),
    (r"file name too long for this file system", "文件名太长，此文件系统不支持"),
    (r"cannot reach it: (?P<os>.*)", "无法访问：{os}"),
    (r"cannot list the folder: (?P<why>.*)", "无法列出文件夹内容：{why}"),
    (r"not a regular file or folder", "不是普通文件或文件夹"),
    (
        r"file name holds invalid characters: shown as \ufffd",
        "文件名含无效字符：显示为 \ufffd",
    ),
    (
        r"file name is not UTF-8: the bytes that are not are shown as \ufffd",
        "文件名不是 UTF-8 编码：无法识别的字节显示为 \ufffd",
    ),
    (
        r"file name is not UTF-8: shown as read in GBK",
        "文件名不是 UTF-8 编码：按 GBK 读出显示",
    ),
    (
        r"extraction failed: the extracting process died on this document",
        "抽取失败：抽取进程在处理此文档时意外退出",
    ),
    (r"extraction failed: (?P<detail>.*)", "抽取失败：{detail}"),
    (
        r"the store refused a character of it: (?P<detail>.*)",
        "数据库拒收其中的一个字符：{detail}",
    ),
    # Python's own messages that the reasons above quote
    (r"\[Errno \d+\] (?P<os>[^:]+): (?P<path>.*)", "{os}：{path}"),
    (
        r"(?P<json>[^:]+): line (?P<line>\d+) column (?P<col>\d+) \(char \d+\)",
        "{json}（第 {line} 行第 {col} 列）",
    ),
    (
        r"'(?P<codec>[^']+)' codec can't decode (?:byte|bytes) (?P<bytes>\S+) in position "
        r"(?P<pos>[\d-]+): (?P<codec_why>.*)",
        "{codec} 无法解码位置 {pos} 的字节 {bytes}（{codec_why}）",
    ),
)
_MESSAGE_PATTERNS = tuple((re.compile(en, re.DOTALL), zh) for en, zh in _MESSAGES_ZH)

#: what a file that is not text looks like (ingest/readers.py `_MAGIC`)
_LOOKS_LIKE_ZH = {
    "a PDF file": "PDF 文件（请把扩展名改为 .pdf）",
    "a ZIP archive (.docx/.xlsx?)": "ZIP 压缩包（.docx / .xlsx？请用正确的扩展名）",
    "a PNG image": "PNG 图片",
    "a JPEG image": "JPEG 图片",
    "a GIF image": "GIF 图片",
    "an old Office file (.doc/.xls)": "旧版 Office 文件（.doc / .xls，请另存为 .docx 或文本）",
    "a program (ELF)": "程序文件",
    "a gzip archive": "gzip 压缩包",
    "a RAR archive": "RAR 压缩包",
    "a 7z archive": "7z 压缩包",
}

#: where a date came from (ingest/dates.py `choose_date`)
_DATE_LABELS_ZH = {"page header": "页眉", "original-source URL": "原文网址", "URL": "网址"}

#: kinds of damaged text (ingest/normalize.py `_NOTE_TEXT`)
_NOTES_ZH = {
    "repaired Latin-1/cp1252 mojibake of UTF-8": "修复了按 Latin-1/cp1252 误读的 UTF-8 乱码",
    "mojibake: garbled run(s) replaced by U+FFFD": "乱码：乱码片段已替换为 U+FFFD",
    "mojibake: replacement characters (U+FFFD) in the text": "乱码：文中有替换字符（U+FFFD）",
    "mojibake: private-use characters replaced by U+FFFD": "乱码：私用区字符已替换为 U+FFFD",
    "possible mojibake: bopomofo letters inside Chinese text": "可能是乱码：中文里夹有注音符号",
    "possible mojibake: UTF-8 text decoded as GBK": "可能是乱码：UTF-8 文本被按 GBK 解码",
}

#: Python's JSON reader's messages (`json.JSONDecodeError.msg`)
_JSON_ZH = {
    "Expecting value": "此处应有一个值",
    "Expecting property name enclosed in double quotes": "键名应放在双引号里",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "有无效的控制字符",
    "Invalid \\escape": "有无效的转义",
    "Extra data": "后面有多余的内容",
}

#: why a codec cannot decode bytes (`UnicodeDecodeError.reason`)
_CODEC_ZH = {
    "truncated data": "数据不完整",
    "illegal UTF-16 surrogate": "非法的 UTF-16 代理项",
    "illegal encoding": "非法编码",
    "invalid start byte": "无效的起始字节",
    "invalid continuation byte": "无效的后续字节",
    "unexpected end of data": "数据意外结束",
    "code point not in range(0x110000)": "码位超出范围",
    "incomplete multibyte sequence": "多字节序列不完整",
    "illegal multibyte sequence": "非法的多字节序列",
}

#: the operating system's messages the readers pass on (`strerror`)
_OS_ERRORS_ZH = OS_ERRORS_ZH


def reason_zh(reason: str) -> str:
    """A reason why a file failed, or a warning about it, in Chinese: each one the readers, the
    date chooser and the pipeline give, with its paths, numbers and encodings kept (and a
    library's own message, which it quotes, as it is).

    >>> reason_zh("empty file (0 bytes)")
    '空文件（0 字节）'
    >>> reason_zh("not a text document: looks like a PNG image")
    '不是文本文件：看起来是 PNG 图片'
    >>> reason_zh("date conflict: page header 2024-05-01 vs URL 2024-06-02; chose 2024-06-02")
    '日期不一致：页眉为 2024-05-01，网址为 2024-06-02；采用 2024-06-02'
    >>> reason_zh("something new")
    'something new'
    """
    for pattern, chinese in _MESSAGE_PATTERNS:
        m = pattern.fullmatch(reason)
        if m:
            return chinese.format(**{k: _part_zh(k, v or "") for k, v in m.groupdict().items()})
    return reason


#: a warning is said the same way
warning_zh = reason_zh


#: the table each named variable part is said through (`_part_zh`)
_PART_TABLES: dict[str, dict[str, str]] = {
    "os": _OS_ERRORS_ZH,
    "looks": _LOOKS_LIKE_ZH,
    "label": _DATE_LABELS_ZH,
    "note": _NOTES_ZH,
    "json": _JSON_ZH,
    "codec_why": _CODEC_ZH,
}


def _part_zh(name: str, value: str) -> str:
    """A message's variable part in Chinese: a nested reason, a table's entry, a list."""
    if name.startswith("why"):
        return reason_zh(value)
    if name == "list":
        return value.replace(", ", "、")
    table = _PART_TABLES.get(name)
    return table.get(value, value) if table is not None else value


#: a dry run's rows, by kind (`IngestReport.planned`)
_PLANNED_ZH = {"documents": "文档", "nodes": "节点", "facts": "事实", "mentions": "提及"}


def dry_run_note_zh(report: Any) -> str | None:
    """What a dry run's 事实 N counts, beside the real run's 新增事实: the facts each document
    states (rows that would be sent). The real run counts a fact once however many documents
    state it, and not at all when the graph holds it already (the court hierarchy is loaded
    with the roster before the first write), so it says fewer on the same files."""
    if not report.dry_run or not report.planned.get("facts"):
        return None
    return (
        f"说明：将写入的事实 {report.planned['facts']} 条按每篇文档各自陈述的事实计数；"
        "实际导入时的“新增事实”对多篇文档陈述的同一事实只计一次，图中已有的事实（例如某法院"
        "在法院层级中的位置）不计，所以同样的文件实际导入时这个数会更小"
    )


def repeated_documents(report: Any) -> list[str]:
    """The documents already in the graph an `IngestReport` names (the twins of unchanged
    files, copies, reposts and copies with changed figures): the summary names them."""
    return sorted(
        set(report.repeats.values())
        | set(report.copies.values())
        | {d for _p, d in report.reposts}
        | {d for _p, d, _c in report.updates}
    )


def repeated_titles(store: GraphStore, report: Any) -> dict[str, str]:
    """The titles of `repeated_documents(report)` (doc id -> title), for `summary_zh`: the
    command line names an older copy by its title too, as the 导入 page does, so a user
    knows which document to delete. Asked 500 at a time (the ids travel as one text)."""
    from queries.registry import run

    wanted = repeated_documents(report)
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        rows = run(store, "document_sources", {"ids": ",".join(wanted[i : i + 500])}).rows
        out.update({r["doc_id"]: r["title"] for r in rows if r.get("title")})
    return out


def kinds_zh(
    dry: bool,
    new: int,
    unchanged: int,
    copies: int,
    reposts: int,
    updates: int = 0,
    *,
    every: bool = True,
) -> list[str]:
    """The kinds of files the summary counts, in its words (the first line's, and each
    collection's): 新增, 已在图中（内容相同）, 与本次先读的文件相同, 转载稿. `every`: also
    新增, 已在图中 and 转载稿 when none (the first line), else only the kinds it has."""
    counted = (
        (f"{'将新增' if dry else '新增'}", new, every),
        ("已在图中（内容相同）", unchanged, every),
        ("与本次先读的文件相同", copies, False),
        ("转载稿", reposts, every),
    )
    parts = [f"{what} {k} 篇" for what, k, always in counted if k or always]
    if updates:  # added as documents of their own: among the new
        parts[0] += f"（其中数字有改动的近似稿 {updates} 篇）"
    return parts


def collections_zh(report: Any) -> list[str]:
    """The summary's lines on collections: each collection the run put documents in, with
    its files counted in the first line's kinds and, when they are not all new documents,
    the documents they are: new, already in the graph and joined it in this run, already
    in it; and the documents already in the graph that stayed in other collections, no
    collection being named for them. A run over several folders named only the last
    folder's collection, one that put 40 known documents into a new collection said nothing
    of them, the same article twice in one folder was "已在图中且已属于它的", a repost of an
    article of the run "与本次先读的文件重复的" where the first line said 转载稿, and a re-run
    of a folder advised adding documents to a collection they were in."""
    from ingest.pipeline import _printable, collection_counts, stayed_in

    dry = report.dry_run
    lines = []
    for name, n in collection_counts(report).items():
        kinds = kinds_zh(dry, n.new, n.unchanged, n.copies, n.reposts, every=False)
        line = f"文档集「{_printable(name)}」：" + "，".join(kinds)
        if n.files != n.new:
            line += _documents_zh(n, dry)
        lines.append(line)
    if report.elsewhere:
        names = "、".join(f"「{_printable(x)}」" for x in stayed_in(report))
        lines.append(
            f"已在图中的文档 {len(report.elsewhere)} 篇仍属于原来的文档集{names}：没有指定文档集"
            "时，只有新文档按文件夹名（单个文件为「未分类」）归入文档集；要把它们也加入某个"
            "文档集，用 --collection 名称，或在文件夹里放 collection.json"
        )
    return lines


def _documents_zh(n: Any, dry: bool) -> str:
    """Which documents a collection's files are (`CollectionTally`), when not all new: how
    many, when fewer than the files (a copy, a repost: the document it repeats), and
    whether they are new, already in the graph and joined it in this run, or already in it.

    >>> from ingest.pipeline import CollectionTally as T
    >>> _documents_zh(T(unchanged=2, inside=2), False)
    '（其文档都原已属于该文档集）'
    >>> _documents_zh(T(new=1, unchanged=2, joined=1, inside=1), False)
    '（其中已有文档 1 篇在本次加入该文档集，1 篇原已属于该文档集）'
    >>> _documents_zh(T(new=2, copies=1, reposts=1, unchanged=1, inside=1), False)
    '（共 5 篇，即 3 篇文档：本次新增的 2 篇，原已属于该文档集的已有文档 1 篇）'
    """
    will = "将" if dry else ""
    joined, inside = f"在本次{will}加入该文档集", "原已属于该文档集"
    if n.files == n.documents:  # a document each: the new ones are said, and the others?
        if not n.new and not (n.joined and n.inside):
            every = "都" if n.documents > 1 else ""
            return f"（其文档{every}{joined if n.joined else inside}）"
        known = [f"{k} 篇{what}" for k, what in ((n.joined, joined), (n.inside, inside)) if k]
        return "（其中已有文档 " + "，".join(known) + "）"
    counts = {
        f"本次{will}新增的": n.new,
        f"本次{will}加入该文档集的已有文档": n.joined,
        "原已属于该文档集的已有文档": n.inside,
    }
    had = {k: v for k, v in counts.items() if v}
    fewer = f"共 {n.files} 篇，即 {n.documents} 篇文档"
    if len(had) == 1:
        every = "都" if n.documents > 1 else ""
        kind = f"是本次{will}新增的" if n.new else joined if n.joined else inside
        return f"（{fewer}，{every}{kind}）"
    return f"（{fewer}：" + "，".join(f"{k} {v} 篇" for k, v in had.items()) + "）"


def summary_zh(report: Any, titles: dict[str, str] | None = None, *, each_file: bool = True) -> str:
    """An `IngestReport` in Chinese: everything `IngestReport.summary()` says (the dry run's
    rows, copies, reposts and how to take in a new version, failures and warnings with their
    reasons in Chinese), naming the documents repeated with their titles where `titles` gives
    them. `each_file`: also list each added and unchanged file (the 导入 page; the command
    line, which may read thousands, does not). Each file name stays on its line
    (`ingest.pipeline._printable`)."""
    from ingest.pipeline import _printable

    titles = titles or {}
    dry = report.dry_run

    def doc(doc_id: str) -> str:
        t = titles.get(doc_id)
        return _printable(f"《{t}》（{doc_id}）" if t else doc_id)

    def p(text: str) -> str:
        return _printable(text)

    # the kinds add up to the files read; a path that could not be reached was not read
    unreached = getattr(report, "unreached", 0)
    kinds = kinds_zh(
        dry,
        len(report.added),
        len(report.unchanged),
        len(report.copies),
        len(report.reposts),
        len(report.updates),
    )
    lines = [
        f"读取 {report.read} 篇；"
        + "；".join([*kinds, f"失败 {len(report.failed) - unreached} 篇"])
        + (f"；另有 {unreached} 个路径无法访问，未读取" if unreached else ""),
    ]
    if dry:
        planned = [f"{_PLANNED_ZH.get(k, k)} {v}" for k, v in sorted(report.planned.items()) if v]
        joining = len(report.joined)  # a document joins through its first file only
        lines.append(
            "将写入："
            + ("、".join(planned) or ("无新内容" if joining else "无"))
            + (f"；已在图中的文档 {joining} 篇将加入文档集（见下）" if joining else "")
        )
        note = dry_run_note_zh(report)
        if note:
            lines.append(note)
    else:
        lines.append(f"新增实体 {report.entities_added} 个，新增事实 {report.facts_added} 条")
    lines.extend(collections_zh(report))
    if each_file:
        for path in report.added:
            lines.append(f"  {'将新增' if dry else '新增'}：{p(path)}")
        for path in report.unchanged:
            lines.append(f"  未变：{p(path)} 与已有文档 {doc(report.repeats.get(path, ''))} 相同")
    without_url: set[str] = getattr(report, "without_url", set())

    def recorded(path: str) -> str:
        """What a copy or repost adds to the document it repeats: its URL and its path, or
        its path alone (a local file gives no URL)."""
        what = "文件路径" if path in without_url else "网址和文件路径"
        return f"{'将只在原文档上记录' if dry else '只在原文档上记录了'}它的{what}"

    given: Counter[tuple[str, str]] = Counter(getattr(report, "same_files", []))
    for (path, first), times in given.items():
        if path == first:  # the same path given again
            lines.append(f"  同一文件：{p(path)} 给出了 {times + 1} 次，只读了一次")
        else:  # a file and its folder, a link, another spelling of the path
            lines.append(f"  同一文件：{p(path)} 与 {p(first)} 是同一个文件，只读了一次")
    for path, twin in report.copies.items():
        lines.append(f"  重复：{p(path)} 与本次先读的 {doc(twin)} 内容相同，{recorded(path)}")
    for path, twin in report.reposts:
        lines.append(f"  转载：{p(path)} 是 {doc(twin)} 的转载，{recorded(path)}")
    if report.reposts:  # an edited file is nearly the text it was: say how to take it in
        lines.append(
            "  （转载稿不会作为新文档导入；如果它是先前导入过的文件的新版本，请先用 "
            "`python -m graph delete-document <文档编号>` 删除旧文档，再重新导入）"
        )
    for path, twin, changes in report.updates:
        changed = "；".join(f"“{what}”{a} → {b}" for what, a, b in changes)
        lines.append(
            f"  数字有改动：{p(path)} 与 {doc(twin)} 文字几乎相同，但 {p(changed)}；"
            f"{'将作为' if dry else '已作为'}新文档导入，两份都保留、各有出处（如果它取代旧稿，"
            f"用 `python -m graph delete-document {twin}` 删除旧稿）"
        )
    for i, (path, reason) in enumerate(report.failed):
        what = "无法访问" if i < unreached else "失败"  # not read, or read and failed
        lines.append(f"  {what}：{p(path)}：{p(reason_zh(reason))}")
    for path, warning in report.warnings:
        lines.append(f"  提示：{p(path)}：{p(warning_zh(warning))}")
    return "\n".join(lines)
