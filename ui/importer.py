"""导入: upload articles and ingest them, with a progress bar and the CLI's summary."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import streamlit as st

from graph.errors import CourtgraphError
from ui import state

TYPES = ["txt", "html", "htm", "md", "docx", "pdf"]


def safe_name(name: str, index: int) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    base = Path(name).name
    stem = re.sub(r"[^\w\-. \u3400-\u9fff]", "_", Path(base).stem)[:80] or "upload"
    return f"{index:03d}_{stem}{Path(base).suffix.lower()}"


def render() -> None:
    st.title("导入")
    from ui.review import accounts_configured, reviewer, sign_in  # writing: reviewers only

    if accounts_configured():
        sign_in(st.sidebar)
        if not reviewer():
            st.info("导入会写入图谱：请先在左侧以审核员身份登录。")
            return
    st.caption(
        "上传文章（.txt .html .htm .md .docx .pdf），抽取法院、举措、人员、成效等事实写入图谱。"
        "同一篇文章重复导入不会产生重复数据；转载稿只记录新的网址。"
    )
    files = st.file_uploader("选择文件", type=TYPES, accept_multiple_files=True, key="import.files")
    if not st.button("开始导入", type="primary", disabled=not files, key="import.go"):
        return
    bar = st.progress(0.0, text="准备中…")

    def progress(n: int, total: int, path: str) -> None:
        bar.progress(min(n / max(total, 1), 1.0), text=f"{n}/{total}：{Path(path).name}")

    with tempfile.TemporaryDirectory(prefix="courtgraph-upload-") as tmp:
        names: dict[str, str] = {}  # temporary file → the name it was uploaded under
        for i, f in enumerate(files or [], 1):
            path = Path(tmp) / safe_name(f.name, i)
            path.write_bytes(f.getvalue())
            names[str(path)] = Path(f.name).name or path.name
        try:
            from ingest.pipeline import ingest_paths

            # the graph records the uploaded name, not the temporary file deleted below
            report = ingest_paths(state.store(), [tmp], progress=progress, names=names)
        except CourtgraphError:
            raise
        except ImportError as exc:
            st.error(f"导入模块不可用：{exc}。请确认已安装 requirements.txt 中的依赖。")
            return
        summary = report.summary()
    bar.progress(1.0, text="完成")
    state.clear_caches()
    if report.failed:
        st.warning(f"{len(report.failed)} 个文件未能导入，原因见下方摘要。")
    else:
        st.success(f"导入完成：新增 {len(report.added)} 篇文档。")
    st.code(summary, language=None)
