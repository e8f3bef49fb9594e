"""导入: upload articles (with .meta.json sidecars, a manifest, or the page's fields for URL,
title, date and collection) and ingest them; upload a court's roster of people's tribunals."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import streamlit as st

from graph.collections import DEFAULT_COLLECTION
from graph.errors import CourtgraphError
from ingest.uploads import safe_name  # noqa: F401  (kept importable from here)
from ui import state
from ui.common import document_titles

TYPES = ["txt", "html", "htm", "md", "docx", "pdf", "json", "csv", "jsonl"]


def render() -> None:
    st.title("导入")
    from ui.review import accounts_configured, reviewer, sign_in  # writing: reviewers only

    if accounts_configured():
        sign_in(st.sidebar)
        if not reviewer():
            st.info("导入会写入图谱：请先在左侧以审核员身份登录。")
            return
    _articles()
    st.divider()
    _roster()


def _articles() -> None:
    st.subheader("文章")
    st.caption(
        "上传文章（.txt .html .htm .md .docx .pdf），抽取法院、举措、人员、成效等事实写入图谱。"
        "可一起上传同名的元数据文件（文章名.meta.json）或清单（.csv / .jsonl，含 path 列及 url、"
        "title、date、site）。同一篇文章重复导入不会产生重复数据；转载稿只在原文档上记录它的网址和文件路径；"
        "文字几乎相同但数字有改动的稿件作为新文档导入，两份都保留。"
    )
    files = st.file_uploader("选择文件", type=TYPES, accept_multiple_files=True, key="import.files")
    uploader_in_chinese("import.files", TYPES)
    c1, c2 = st.columns(2)
    collection = c1.text_input(
        "文档集",
        value=DEFAULT_COLLECTION,
        key="import.collection",
        help="这批文章归入的文档集，例如 2024年全省法院通报；已在图中的文章也会加入该文档集",
    )
    date = c2.text_input("日期（仅单篇）", key="import.date", placeholder="2024-05-20")
    url = c1.text_input("网址（仅单篇）", key="import.url", placeholder="https://…")
    title = c2.text_input("标题（仅单篇）", key="import.title")
    if not st.button("开始导入", type="primary", disabled=not files, key="import.go"):
        return
    bar = st.progress(0.0, text="准备中…")

    def progress(n: int, total: int, path: str) -> None:
        bar.progress(min(n / max(total, 1), 1.0), text=f"{n}/{total}：{Path(path).name}")

    from ingest.pipeline import ingest_paths
    from ingest.uploads import repeated_documents, stage_uploads, summary_zh

    with tempfile.TemporaryDirectory(prefix="courtgraph-upload-") as tmp:
        from ui.review import reviewer

        staged = stage_uploads(
            [(f.name, f.getvalue()) for f in files or []],
            tmp,
            url=url,
            title=title,
            date=date,
            uploaded_by=reviewer(),  # None without accounts: the time alone
        )
        for name, why in staged.problems:
            st.warning(f"{name}：{why}")
        if not staged.articles:
            st.error("没有可导入的文章（元数据文件和清单需要与文章一起上传）。")
            return
        # the graph records the upload (name, who, when), not the temporary file deleted below
        report = ingest_paths(
            state.store(),
            [tmp],
            progress=progress,
            names=staged.names,
            manifest=staged.manifest,
            collection=collection.strip() or DEFAULT_COLLECTION,
        )
    bar.progress(1.0, text="完成")
    state.clear_caches()
    repeated = repeated_documents(report)
    titles = {d: r.get("title") or "" for d, r in document_titles(repeated).items()}
    if report.failed:
        st.warning(f"{len(report.failed)} 个文件未能导入，原因见下方摘要。")
    else:
        st.success(f"导入完成：新增 {len(report.added)} 篇文档。")
    st.code(summary_zh(report, titles), language=None)


def _roster() -> None:
    st.subheader("人民法庭名录")
    st.caption(
        "上传本院或辖区的人民法庭名录（.csv 或 .xlsx；列：法庭名称、所属法院，可选 代码、地址、"
        "设立日期）。名录是法庭层级覆盖率的分母；没有导入名录的法院，法庭层级不显示覆盖率。"
        "重复导入同一名录不会改变任何数据。"
    )
    roster = st.file_uploader("选择名录文件", type=["csv", "xlsx"], key="import.roster")
    uploader_in_chinese("import.roster", ["csv", "xlsx"])
    if not st.button("导入名录", disabled=roster is None, key="import.roster_go"):
        return
    from ingest.tribunal_roster import import_roster

    assert roster is not None
    try:
        report = import_roster(state.store(), Path(roster.name).name, data=roster.getvalue())
    except CourtgraphError as exc:
        st.error(f"名录未能导入：{exc}")
        return
    state.clear_caches()
    if report.bad:
        st.warning(f"{len(report.bad)} 行有误，未导入；其余各行已导入。")
    else:
        st.success(f"名录导入完成：{report.imported} 个人民法庭。")
    st.code(report.summary_zh(), language=None)


def uploader_text(types: list[str]) -> dict[str, str]:
    """The Chinese texts of a file upload widget: its button, the line under it (size limit
    and formats) and what it says while a file is dragged over it."""
    limit = st.get_option("server.maxUploadSize")
    return {
        "button": "选择文件",
        "instructions": f"可将文件拖放到此处；每个文件不超过 {limit}MB；格式："
        + " ".join(f".{t}" for t in types),
        "dragging": "松开鼠标即可添加文件",
    }


def uploader_in_chinese(key: str, types: list[str]) -> None:
    """Streamlit's file upload widget has its texts in English only (Upload, "50MB per file
    • TXT, …", "Drag and drop files here") and no setting for them: a style sheet of the
    page (no script, nothing from the internet) draws Chinese in their place, for the widget
    of `key` only (the English is sized to nothing; generated content is read by screen
    readers too)."""
    text = uploader_text(types)
    box = ".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)
    zone = f'{box} [data-testid="stFileUploaderDropzone"]'

    def said(selector: str, words: str, size: str) -> str:
        quoted = words.replace("\\", "\\\\").replace('"', '\\"')
        return (
            f"{selector}{{font-size:0 !important;}}"
            f'{selector}::after{{content:"{quoted}";font-size:{size};}}'
        )

    st.html(
        "<style>"
        + said(f'{zone} button [data-testid="stMarkdownContainer"] p', text["button"], "0.875rem")
        + said(
            f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span',
            text["instructions"],
            "0.875rem",
        )
        # the overlay shown while a file is dragged over: a div holding one span (the chosen
        # files' list is a div too, holding divs: it keeps its own words)
        + said(f"{zone} > div:not([data-testid]) > span", text["dragging"], "1rem")
        + "</style>"
    )
