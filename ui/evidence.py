"""证据 / 文档: the sentences a fact came from, highlighted in their document's text."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import streamlit as st

from graph.model import REL_ZH
from graph.review import STATUS_ZH
from ui import state
from ui.common import table

if TYPE_CHECKING:
    from ingest.document import SourceDocument

P = "evidence"
MARK = "background:#ffe08a;padding:1px 0;border-radius:2px"
MARK_OTHER = "background:#e8eef6;padding:1px 0;border-radius:2px"


def render() -> None:
    st.title("证据 / 文档")
    fact_id = state.param("fact")
    doc_id = state.param("doc")
    if fact_id:
        _fact(fact_id)
    elif doc_id:
        _document(doc_id, highlight=set())
    else:
        st.info(
            "从「举措」「法院 / 单位」页的“证据”链接进入，可查看某条事实出自哪些句子；"
            "或在下面选择一篇文档阅读全文。"
        )
        from ui.scope import documents_table

        documents_table(f"{P}.docs")


def _decided_away(fact_id: str) -> bool:
    """Say so when a reviewer rejected the fact or corrected it into another (a link shared
    before the decision), with who, when and why; False when no decision took it away."""
    from graph import review

    found = review.decisions(state.store(), fact_id)
    last = found[-1] if found else None  # the latest decision stands (a later one undoes)
    if last is None or last.decision not in ("reject", "correct"):
        return False
    when = last.time[:16].replace("T", " ")
    if last.decision == "reject":
        st.warning(
            f"这条事实已被驳回：{last.reviewer}，{when}，理由：{last.note or '（未写）'}。"
            "驳回的事实不再出现在各页的回答和导出中；这次决定记在审核历史里"
            f"（`python -m graph review history {fact_id}`）。"
        )
    else:
        new_id = review.corrected_fact_id(last)
        st.info(f"这条事实已由 {last.reviewer} 于 {when} 修改，现为另一条事实。")
        st.link_button("查看修改后的事实", state.evidence_link(new_id) or "")
    return True


def _fact(fact_id: str) -> None:
    facts = state.rows("fact", {"fact_id": fact_id})
    evidence = state.rows("evidence", {"fact_id": fact_id})
    from ui.scope import verified_only

    if (
        not evidence
        and verified_only()
        and state.rows("evidence", {"fact_id": fact_id, "verified": False})
    ):
        st.info(
            "这条事实尚未核实（待核实）：侧栏「只看已核实」打开时不显示它的证据。"
            "关闭该开关即可查看，或到「审核」页核实它。"
        )
        return
    if not evidence:
        if not _decided_away(fact_id):
            st.error(
                f"没有找到事实 {fact_id!r} 的证据句。它可能来自人工整理的名录（没有原文），"
                "或链接已过期：请从举措或单位页重新进入。"
            )
        return
    if facts:
        f = facts[0]
        detail = (
            state.stage_zh(f.get("stage"))
            or f.get("title")
            # a learning visit says what it studied: 学习考察：诉源治理
            or (f"{REL_ZH[f['type']]}：{f['initiative']}" if f.get("initiative") else None)
            or REL_ZH.get(f["type"], f["type"])
        )
        st.subheader(f"{f['source']} —{detail}→ {f['target']}")
        # an adoption's relation is its stage (a fact corrected to 试点 is no 推行)
        relation = state.stage_zh(f.get("stage")) or REL_ZH.get(f["type"], f["type"])
        st.caption(
            f"关系：{relation}"
            + (f"　日期：{f['date']}" if f.get("date") else "")
            + f"　文档数：{len(f.get('doc_ids') or [])}"
            + f"　核实状态：{STATUS_ZH.get(f.get('status') or 'extracted', f.get('status'))}"
            + f"　事实编号：`{fact_id}`"
        )
        from ui.review import review_link

        if link := review_link(fact_id):  # a reviewer goes from a wrong fact to its review
            st.markdown(f"[审核这条事实]({link})")
    st.markdown(f"**{len(evidence)}** 个证据句：")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for e in evidence:
        by_doc.setdefault(e["doc_id"], []).append(e)
    for doc_id, items in by_doc.items():
        doc = (state.rows("document", {"doc": doc_id}) or [{}])[0]
        for e in items:
            _quote(doc, e)
        _document(doc_id, highlight={(e["start"], e["end"], e["sentence"]) for e in items})


#: encodings of files written in traditional characters (their text is stored converted)
TRADITIONAL_ENCODINGS = frozenset({"big5", "big5hkscs", "cp950"})
#: the label of the normalized reading shown under a sentence the source writes otherwise
READING = "简体："
READING_NOTE = (
    "引文为原文写法（与原文件或网页一致，可据此引用）；“简体”为导入时规范化的文本"
    "（繁体转简体、去掉拼音注音、全角转半角等），检索和抽取用它。"
)


def as_shown(e: dict[str, Any]) -> tuple[str, str | None]:
    """An evidence row's sentence as the source writes it (`original_sentence`; a row stored
    before it was kept: the stored, normalized `sentence`), and the normalized reading to show
    beside it when the source's words differ from it (traditional characters, pinyin glosses,
    full-width forms; not for whitespace or a Markdown file's markup alone), else None.

    >>> as_shown({"sentence": "甲县法院推行诉前调解。", "original_sentence": "甲縣法院推行訴前調解。"})
    ('甲縣法院推行訴前調解。', '甲县法院推行诉前调解。')
    >>> as_shown({"sentence": "甲县法院推行诉前调解。", "original_sentence": None})
    ('甲县法院推行诉前调解。', None)
    """
    sentence = e.get("sentence") or ""
    written = e.get("original_sentence")
    if not written:
        return sentence, None
    return written, (sentence if _bare(written) != _bare(sentence) else None)


_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_MARKUP = re.compile(r"[\s*_`#\[\]>]")


def _bare(sentence: str) -> str:
    """The sentence without whitespace and Markdown markup (a link's target included)."""
    return _MARKUP.sub("", _LINK_TARGET.sub("", sentence))


def _quote(doc: dict[str, Any], e: dict[str, Any]) -> None:
    """One evidence sentence as the source writes it, with the normalized reading under it
    (labelled) when they differ. A row stored before the source's words were kept is read
    again from the document's file when it can be; when it cannot, a traditional-script
    article's page says why the quote is the converted text."""
    shown, reading = as_shown(e)
    if e.get("original_sentence") is None:  # stored before: the file, if it is still here
        written = original_sentence(
            doc, int(e.get("start") or 0), int(e.get("end") or 0), e.get("sentence") or ""
        )
        if written:
            shown, reading = written, e.get("sentence") or ""
        elif (doc.get("encoding") or "").lower() in TRADITIONAL_ENCODINGS:
            st.markdown(f"> {html.escape(shown)}")
            st.caption(
                "原文为繁体字，图中保存的是导入时转换的简体文本；原文件不在本机（或已改动），"
                "无法显示原文写法，请按原文链接或文件核对。"
            )
            return
    st.markdown(f"> {html.escape(shown)}")
    if reading:
        st.markdown(f"> {READING}{html.escape(reading)}")
        st.caption(READING_NOTE)


def original_sentence(doc: dict[str, Any], start: int, end: int, sentence: str) -> str | None:
    """The sentence as the document's file writes it, when its characters differ from the
    stored text's (traditional characters, full-width forms …; None: the same characters,
    markup such as a Markdown file's ** or [link](url) aside, or no file of this text can be
    read). The file is read again and its text checked against the stored one's hash; ingest
    keeps each character's offset in it (`SourceDocument.original_span`)."""
    from pathlib import Path

    text = doc.get("text") or ""
    where = locate(text, start, end, sentence)
    if where is None or not doc.get("content_hash"):
        return None
    for path in doc.get("paths") or ():
        if not Path(path).is_file():
            continue
        source = _source(path, doc["content_hash"])
        if source is None:
            continue
        a, b = where
        if b > len(source.offsets) or b > len(source.text):
            return None
        original, offsets, stored = source.original, source.offsets, source.text
        if all(original[offsets[i] : offsets[i] + 1] == stored[i] for i in range(a, b)):
            return None  # each character as the file writes it: only markup left out
        return source.original_span(a, b)
    return None


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _source(path: str, content_hash: str) -> SourceDocument | None:
    """The file read again (its text before normalization and each stored character's
    offset in it), when the file still gives the stored text (`content_hash`)."""
    from ingest.readers import read_document

    try:
        src = read_document(path)
    except Exception:  # noqa: BLE001 - a file moved, changed or unreadable: no original shown
        return None
    if src.content_hash != content_hash or not src.offsets or not src.original:
        return None
    return src


def _document(doc_id: str, *, highlight: set[tuple[int, int, str]]) -> None:
    found = state.rows("document", {"doc": doc_id})
    if not found:
        st.error(f"图中没有文档 {doc_id!r}。请从「总览」的最新文档或实体页的文档列表进入。")
        return
    doc = found[0]
    urls = doc.get("urls") or []
    st.markdown(f"#### {html.escape(doc.get('title') or doc_id)}")
    meta = [f"日期：{doc['date']}" if doc.get("date") else "日期：未知"]
    if doc.get("site"):
        meta.append(f"网站：{doc['site']}")
    st.caption("　".join(meta) + f"　文档编号：`{doc_id}`")
    for url in urls:
        st.markdown(f"原文链接：[{url}]({url})")
    text = doc.get("text") or ""
    all_evidence = state.rows("document_evidence", {"doc": doc_id})
    spans = _spans(text, highlight, all_evidence)
    st.markdown(
        "<div style='line-height:1.9;font-size:1.02rem;white-space:pre-wrap;"
        "border:1px solid #e3e6ea;border-radius:6px;padding:12px 16px'>"
        + _marked(text, spans)
        + "</div>",
        unsafe_allow_html=True,
    )
    if highlight:
        st.caption("黄色：这条事实的证据句；浅蓝：本文中其他事实的证据句。")
    else:
        st.caption("浅蓝：本文中抽取出事实的句子。")
    if any(as_shown(e)[1] is not None for e in all_evidence):
        st.caption(
            "上面的全文是导入时规范化的文本（繁体转简体、去掉拼音注音等）；原文另有写法，"
            "证据句的原文写法见「证据」各句（导出的 evidence 列亦为原文写法）。"
        )
    if all_evidence:
        with st.expander(f"本文的事实（{len({e['fact_id'] for e in all_evidence})}）"):
            _facts_note(doc_id)
            table(
                [
                    {
                        **e,
                        "rel": REL_ZH.get(e.get("fact_type") or "", ""),
                        "sentence": as_shown(e)[0],  # as the source writes it
                    }
                    for e in all_evidence
                ],
                {"rel": "关系", "sentence": "句子", "date": "日期"},
                links={"证据页": lambda r: state.evidence_link(r["fact_id"])},
                key=f"{P}.facts.{doc_id}",
            )


def _facts_note(doc_id: str) -> None:
    """How many of the document's facts are unverified (their status is on the facts: the
    sentences of verified facts are those the query keeps with verified=true)."""
    from queries.verified import FactCheck
    from ui.scope import verified_only

    every = {
        e["fact_id"] for e in state.rows("document_evidence", {"doc": doc_id, "verified": False})
    }
    confirmed = {
        e["fact_id"] for e in state.rows("document_evidence", {"doc": doc_id, "verified": True})
    }
    check = FactCheck(len(every), len(every - confirmed), verified_only())
    if check.note():
        st.caption(check.note())


def locate(text: str, start: int, end: int, sentence: str) -> tuple[int, int] | None:
    """Where a sentence stands in the text: its offsets if they match, else a search."""
    if 0 <= start < end <= len(text) and text[start:end] == sentence:
        return start, end
    pos = text.find(sentence) if sentence else -1
    return (pos, pos + len(sentence)) if pos >= 0 else None


def _spans(
    text: str, highlight: set[tuple[int, int, str]], others: list[dict[str, Any]]
) -> list[tuple[int, int, bool]]:
    spans: dict[tuple[int, int], bool] = {}
    for e in others:
        where = locate(
            text, int(e.get("start") or 0), int(e.get("end") or 0), e.get("sentence") or ""
        )
        if where:
            spans.setdefault(where, False)
    for start, end, sentence in highlight:
        where = locate(text, start, end, sentence)
        if where:
            spans[where] = True
    # keep spans that do not overlap an earlier (or a chosen) one
    out: list[tuple[int, int, bool]] = []
    for (s, e), chosen in sorted(spans.items(), key=lambda kv: (kv[0][0], not kv[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e, chosen))
    return out


def _marked(text: str, spans: list[tuple[int, int, bool]]) -> str:
    parts: list[str] = []
    pos = 0
    for s, e, chosen in spans:
        parts.append(html.escape(text[pos:s]))
        parts.append(
            f"<mark style='{MARK if chosen else MARK_OTHER}'>{html.escape(text[s:e])}</mark>"
        )
        pos = e
    parts.append(html.escape(text[pos:]))
    return "".join(parts)
