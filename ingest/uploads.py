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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import BadParameter, UnreadableDocument

ARTICLE_TYPES = (".txt", ".html", ".htm", ".md", ".docx", ".pdf")
MANIFEST_TYPES = (".csv", ".jsonl", ".ndjson")
SIDECAR = ".meta.json"


def safe_name(name: str, index: int) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    base = Path(name).name
    stem = re.sub(r"[^\w\-. \u3400-\u9fff]", "_", Path(base).stem)[:80] or "upload"
    return f"{index:03d}_{stem}{Path(base).suffix.lower()}"


@dataclass
class Staged:
    """Uploads written to a folder: what `ingest_paths` needs, and what was left out."""

    names: dict[str, str] = field(default_factory=dict)  # written path -> uploaded name
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
) -> Staged:
    """Write uploaded articles to `folder` and gather their metadata into one manifest."""
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
            staged.names[str(path)] = base
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


#: the command line's reasons for a file that could not be read, as the explorer says them
#: (a prefix each; the rest of the reason, such as a library's message, is kept as it is)
_REASONS_ZH = (
    ("empty file (0 bytes)", "空文件（0 字节）"),
    ("no text: the file holds only whitespace", "没有正文：文件只有空白"),
    ("not a text document: looks binary (NUL bytes)", "不是文本文件：看起来是二进制文件"),
    (
        "not a text document: looks binary (control characters)",
        "不是文本文件：含大量控制字符（若是没有 BOM 的 UTF-16，请另存为 UTF-8）",
    ),
    (
        "cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text (convert it to UTF-8)",
        "无法识别编码：不是 UTF-8、UTF-16、GB18030 或 Big5 文本（请转换为 UTF-8）",
    ),
    (
        "symbolic link loop (the link points back at itself or at a folder above it)",
        "符号链接循环（链接指回它自己或上级文件夹）",
    ),
    ("file too large: ", "文件过大："),
    ("unsupported file type ", "不支持的文件类型 "),
    ("encrypted PDF", "加密的 PDF"),
    (
        "PDF has no extractable text (a scanned image? run OCR first)",
        "PDF 没有可提取的文字（扫描件？请先做 OCR）",
    ),
    ("corrupt or not a .docx file: ", "损坏或不是 .docx 文件："),
    ("corrupt or unreadable PDF: ", "PDF 损坏或无法读取："),
)


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


def reason_zh(reason: str) -> str:
    """A reason why a file failed, in Chinese where it is one the readers give.

    >>> reason_zh("empty file (0 bytes)")
    '空文件（0 字节）'
    >>> reason_zh("not a text document: looks like a PNG image")
    '不是文本文件：看起来是 PNG 图片'
    >>> reason_zh("something new")
    'something new'
    """
    looks = "not a text document: looks like "
    if reason.startswith(looks):
        what = reason[len(looks) :]
        return "不是文本文件：看起来是 " + _LOOKS_LIKE_ZH.get(what, what)
    for english, chinese in _REASONS_ZH:
        if reason.startswith(english):
            return chinese + reason[len(english) :]
    return reason


def summary_zh(report: Any, titles: dict[str, str] | None = None) -> str:
    """An `IngestReport` in Chinese, naming unchanged files and reposts with the document
    they repeat (its title where `titles` gives one)."""
    titles = titles or {}

    def doc(doc_id: str) -> str:
        t = titles.get(doc_id)
        return f"《{t}》（{doc_id}）" if t else doc_id

    lines = [
        f"读取 {report.read} 篇；新增 {len(report.added)} 篇；"
        f"已在图中（内容相同） {len(report.unchanged)} 篇；"
        + (f"与本次先读的文件相同 {len(report.copies)} 篇；" if report.copies else "")
        + f"转载稿 {len(report.reposts)} 篇；"
        f"失败 {len(report.failed)} 篇",
    ]
    if not report.dry_run:
        lines.append(f"新增实体 {report.entities_added} 个，新增事实 {report.facts_added} 条")
    collections = sorted(set(report.collections.values()))
    if collections:
        lines.append("文档集：" + "、".join(collections))
    for path in report.added:
        lines.append(f"  新增：{path}")
    for path in report.unchanged:
        lines.append(f"  未变：{path} 与已有文档 {doc(report.repeats.get(path, ''))} 相同")
    for path, twin in report.copies.items():
        lines.append(f"  重复：{path} 与本次先读的 {doc(twin)} 内容相同，只记录了新的网址")
    for path, twin in report.reposts:
        lines.append(f"  转载：{path} 是 {doc(twin)} 的转载，只记录了新的网址")
    for path, reason in report.failed:
        lines.append(f"  失败：{path}：{reason_zh(reason)}")
    for path, warning in report.warnings:
        lines.append(f"  提示：{path}：{warning}")
    return "\n".join(lines)
