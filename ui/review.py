"""审核: check the extracted facts one sentence at a time; confirm, reject or correct them.

Anyone may read the queue; deciding needs a reviewer's sign-in. Reviewer accounts come from
the configuration: `.streamlit/secrets.toml`

    require_sign_in = false           # true: reading needs an account too
    [reviewers]
    "王审" = "pbkdf2_sha256$240000$…"   # python -m graph review hash-password
    [readers]                           # read-only accounts, for require_sign_in
    "研究室" = "pbkdf2_sha256$240000$…"

(passwords only as hashes, never shown or logged; a name that is not plain ASCII letters, digits,
`_` or `-` is quoted, as TOML asks), or, where the court has an identity
provider configured for Streamlit (`st.login`), the e-mail addresses listed under
`reviewer_emails = [...]`. Every decision records who made it (graph/review.py).
"""

from __future__ import annotations

import html
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import streamlit as st

from graph import review
from graph.errors import BadParameter, CourtgraphError
from graph.model import STAGES, fact_id
from ui import state
from ui.common import confidence_zh

P = "review"
MARK = "background:#ffe08a;padding:1px 0;border-radius:2px"
MARK_END = "background:#e8eef6;padding:1px 0;border-radius:2px"
KIND_ZH = {
    "adoption": "推行举措",
    "outcome": "成效数据",
    "person": "人物任职",
    "organization": "协作机构",
    "hierarchy": "隶属关系",
    "visit": "学习考察",
}
USER = f"{P}.reviewer"


# -- who may write -------------------------------------------------------------------------
def _secret(name: str) -> Any:
    try:
        return st.secrets.get(name)
    except Exception:  # noqa: BLE001 - no secrets file: no accounts, read-only
        return None


def secrets_error() -> str | None:
    """Why a secrets file that exists cannot be read, or None.

    Streamlit treats a secrets file it cannot parse like a missing one, which would silently
    open the 导入 and 审核 pages to everyone (and reading, under `require_sign_in`): the
    explorer refuses to run instead (app.py).
    """
    import tomllib
    from pathlib import Path

    from streamlit import config

    for name in config.get_option("secrets.files") or []:
        path = Path(name)
        if not path.is_file():
            continue
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            return f"{path}: {exc}"
    return None


def accounts() -> dict[str, str]:
    """Reviewer name → password hash, from the configuration."""
    found = _secret("reviewers") or {}
    return {str(k): str(v) for k, v in dict(found).items()}


def _identity_reviewer() -> str | None:
    """The signed-in user of Streamlit's own authentication, if listed as a reviewer."""
    emails = [str(e).lower() for e in (_secret("reviewer_emails") or [])]
    if not emails or not hasattr(st, "user"):
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "").lower()
    except Exception:  # noqa: BLE001 - authentication is not configured
        return None
    return email if email in emails else None


def reviewer() -> str | None:
    """The signed-in reviewer, or None (read-only)."""
    return st.session_state.get(USER) or _identity_reviewer()


def accounts_configured() -> bool:
    """Whether writing is restricted to reviewers (accounts or identity-provider e-mails)."""
    return bool(accounts() or _secret("reviewer_emails"))


def review_link(fact_id: str | None) -> str | None:
    """The 审核 page opened at a fact (`?fact=`), for 审核这条事实 links; None when no
    reviewer account is configured (nothing could be decided there)."""
    if not fact_id or not accounts_configured():
        return None
    return f"?page=review&fact={state.url_value(fact_id)}"


def sign_in(where: Any) -> None:
    """The sign-in box (or who is signed in, with a sign-out button)."""
    _sign_in(where)


READER = f"{P}.reader"


def readers() -> dict[str, str]:
    """Reader accounts (name → password hash), for installations where reading needs one."""
    found = _secret("readers") or {}
    return {str(k): str(v) for k, v in dict(found).items()}


def reading_allowed() -> bool:
    """Reading needs no account unless the configuration says `require_sign_in = true`."""
    if not _secret("require_sign_in"):
        return True
    return bool(reviewer() or st.session_state.get(READER))


def _sign_in(where: Any) -> None:
    known = accounts()
    who = reviewer() or st.session_state.get(READER)
    if who:
        where.success(f"审核员：{who}" if reviewer() else f"已登录（只读）：{who}")
        signed_in = st.session_state.get(USER) or st.session_state.get(READER)
        if signed_in and where.button("退出登录", key=f"{P}.logout"):
            st.session_state.pop(USER, None)
            st.session_state.pop(READER, None)
            st.rerun()
        return
    if not known and not _secret("reviewer_emails") and not readers():
        where.info(
            "尚未配置审核员账号，本页只读。管理员可在 .streamlit/secrets.toml 的 [reviewers] "
            '中添加 `"姓名" = "密码哈希"`（用 `python -m graph review hash-password` 生成）。'
        )
        return
    with where.form(f"{P}.login", clear_on_submit=True):  # the password leaves the page
        name = st.text_input("用户名", key=f"{P}.name")
        password = st.text_input("密码", type="password", key=f"{P}.password")
        go = st.form_submit_button("登录")
    if go:
        name = name.strip()
        if name in known and review.check_password(password, known[name]):
            st.session_state[USER] = name
            st.rerun()
        elif name in readers() and review.check_password(password, readers()[name]):
            st.session_state[READER] = name
            st.rerun()
        else:
            where.error("审核员或密码不对。")
    sso = _secret("reviewer_emails") and hasattr(st, "login")
    if sso and where.button("使用单位统一身份认证登录", key=f"{P}.sso"):
        st.login()


# -- deciding ------------------------------------------------------------------------------
DECIDED = f"{P}.decided"  # the facts this session has decided


def fix_key(fact_id: str) -> str:
    """The key of a queue item's 修改 expander (its open state)."""
    return f"{P}.fixing.{fact_id}"


def _decide(fact_ids: list[str], decision: str, note: str = "", new: dict | None = None) -> None:
    who = reviewer()
    if not who:  # a stale button of a signed-out session
        st.session_state[f"{P}.message"] = ("error", "请先登录审核员账号。")
        return
    try:
        if len(fact_ids) > 1:
            review.decide_many(state.store(), fact_ids, decision, reviewer=who, note=note)
        else:
            review.decide(
                state.store(), fact_ids[0], decision, reviewer=who, note=note, new=new or None
            )
    except CourtgraphError as exc:
        st.session_state[f"{P}.message"] = ("error", f"未能保存：{exc}")
        return
    state.clear_caches()  # every page answers from the decided graph
    for fid in fact_ids:  # a decided fact's form closes (should it stay in the queue)
        if fix_key(fid) in st.session_state:
            st.session_state[fix_key(fid)] = False
    st.session_state[DECIDED] = int(st.session_state.get(DECIDED) or 0) + len(fact_ids)
    words = review.DECISION_ZH[decision]
    st.session_state[f"{P}.message"] = ("success", f"已{words} {len(fact_ids)} 条事实。")


def _reject(fact_id: str) -> None:
    reason = st.session_state.get(f"{P}.reason.{fact_id}") or review.REJECT_REASONS[-1]
    _decide([fact_id], "reject", note=reason)


def _correct(fact_id: str, prefix: str | None = None, ends: tuple[str, str] = ("", "")) -> None:
    """Send the correction typed into the form of `fact_id` (its widgets' keys start with
    `prefix`: the queue's item or the current fact's panel). A unit or initiative is an id
    picked from the box's list or a name typed into it (resolved here); a choice equal to
    the fact's present end changes nothing."""
    at = prefix or f"{P}.{{}}.{fact_id}"
    get = st.session_state.get
    new: dict[str, Any] = {}
    try:
        visit = fact_id.startswith("learned_from:")  # a learning visit: its host is a unit
        for end, label in (("src", None), ("dst", None if visit else "Initiative")):
            chosen = get(at.format(end))
            if chosen:  # an id from the list, or a name typed into the box
                entity_id = _entity_of(str(chosen), label)
                if entity_id != (ends[0] if end == "src" else ends[1]):
                    new[end] = entity_id
        # a unit's reported figure: the initiative its figure is linked to (its link fact),
        # never the unit's fact moved to the initiative (review.relink_figure)
        chosen = get(at.format("link"))
        relink = _entity_of(str(chosen), "Initiative") if chosen else None
        stage = get(at.format("stage"))
        if stage:
            new["stage"] = stage
        for field in ("title", "metric", "unit_of_measure", "initiative"):
            text = (get(at.format(field)) or "").strip()
            if text:  # initiative: what a learning visit (LEARNED_FROM) studied
                new[field] = text
        if get(at.format("no_topic")):  # the visit's text names nothing studied
            new["initiative"] = ""
        date = (get(at.format("date")) or "").strip()
        if date:
            new["date"], new["date_precision"] = date, review.date_precision(date)
        period = (get(at.format("period")) or "").strip()
        if period:
            new["period"] = review.period_value(period)
        qualifier = get(at.format("qualifier"))
        if qualifier is not None:  # '' takes the figure's qualifier away
            new["qualifier"] = qualifier or None
    except CourtgraphError as exc:
        st.session_state[f"{P}.message"] = ("error", _in_chinese(exc))
        return
    value = get(at.format("value"))
    if value is not None:
        new["value"] = float(value)
    if relink and not _relink(fact_id, relink, new, get(at.format("cnote")) or ""):
        return
    if relink and not new:
        return
    if not new:
        st.session_state[f"{P}.message"] = (
            "error",
            "请填写要修改的内容（单位、举措、阶段、日期、数值……）。",
        )
        return
    after = ""  # what the message says the correction did beyond the fact itself
    if fact_id.startswith("adopted:") and ({"src", "dst", "stage"} & set(new)):
        into = review.correction_into(state.store(), fact_id, new)
        ack = f"{P}.merge_ok.{fact_id}"
        if into["into"] and get(ack) != into["into"]:  # said before saving, once
            st.session_state[ack] = into["into"]
            status = review.STATUS_ZH.get(into["status"], into["status"])
            st.session_state[f"{P}.message"] = (
                "warning",
                f"尚未保存：图中已有修改后的这条事实 {into['into']}（{status}）。保存后这条事实"
                "并入它，它将成为「已修改」，计入「只看已核实」。确认无误请再点一次「保存修改」。"
                + _figures_words(into["figures"]),
            )
            return
        after = _figures_words(into["figures"])
    from queries.explore import figure_correction

    try:  # a figure's fields asked for on its link to an initiative: on the unit's fact
        parts = figure_correction(state.store(), fact_id, new)
    except CourtgraphError:
        st.session_state[f"{P}.message"] = (
            "error",
            "未能保存：这项数字没有唯一一条报告它的单位事实（没有，或不止一条），"
            "请在报告它的单位事实上修改数值。",
        )
        return
    for fid, fields in parts:
        _decide([fid], "correct", note=get(at.format("cnote")) or "", new=fields)
        if st.session_state.get(f"{P}.message", ("",))[0] != "success":
            return
    if after:
        kind, words = st.session_state[f"{P}.message"]
        st.session_state[f"{P}.message"] = (kind, words + after)
    if len(parts) > 1 or parts[0][0] != fact_id:
        if fix_key(fact_id) in st.session_state:
            st.session_state[fix_key(fact_id)] = False
        st.session_state[f"{P}.message"] = (
            "success",
            f"已修改：指标、数值记在报告这项数字的单位事实 {parts[0][0]} 上"
            + ("，举措、日期记在这条关联上。" if len(parts) > 1 else "。"),
        )


def _relink(fact_id: str, initiative: str, new: dict[str, Any], note: str) -> bool:
    """Link the figure a unit's fact reports to `initiative` (the 相关举措 box), as
    `review correct … --initiative` does on such a fact; the other values of the form
    (`new`) are checked first. False (a message set) when it was refused."""
    who = reviewer()
    if not who:
        st.session_state[f"{P}.message"] = ("error", "请先登录审核员账号。")
        return False
    try:
        if new:
            review.check_values(new)
        link, d = review.relink_figure(state.store(), fact_id, initiative, reviewer=who, note=note)
    except CourtgraphError as exc:
        st.session_state[f"{P}.message"] = ("error", f"未能保存：{exc}")
        return False
    state.clear_caches()
    if fix_key(fact_id) in st.session_state:
        st.session_state[fix_key(fact_id)] = False
    if d is not None:
        st.session_state[DECIDED] = int(st.session_state.get(DECIDED) or 0) + 1
    if d is None:
        done = f"这项数字已关联该举措（关联事实 {link}），未作修改"
    elif d.decision == "add":
        done = f"已把这项数字关联到该举措（新增关联事实 {link}）"
    else:
        done = f"已把这项数字改为关联该举措（关联事实 {d.fact_id}，修改后为 {link}）"
    st.session_state[f"{P}.message"] = ("success", f"{done}。")
    return True


def _figures_words(n: int) -> str:
    """What an adoption moved to another initiative leaves behind: the unit's figures linked
    to the old one (they stay linked to it)."""
    if not n:
        return ""
    return (
        f"这个单位有 {n} 项成效数据关联原举措，仍留在原举措下；"
        "如应改为新举措，请在各数字的「相关举措」中修改。"
    )


def _entity_of(chosen: str, label: str | None) -> str:
    """The id of a unit or initiative box's choice: an id from its list, else a typed name
    (a unit must be a court, tribunal or organisation)."""
    from graph.errors import EntityNotFound

    entity_id = state.resolve(chosen, label)
    if label is None and review.label_kind(entity_id) not in UNIT_LABELS:
        raise EntityNotFound(f"{chosen} is not a unit", name=chosen)
    return entity_id


def _in_chinese(exc: CourtgraphError) -> str:
    """A correction's or addition's error for the page (names not found or shared, in Chinese)."""
    from graph.errors import AmbiguousName, EntityNotFound

    if isinstance(exc, EntityNotFound) and exc.name:
        return f"图中没有名为“{exc.name}”的单位或举措：请从列表中选择，或输入全称、别名。"
    if isinstance(exc, AmbiguousName):
        return f"“{exc.name}”对应多个实体（{'、'.join(exc.ids[:5])}）：请输入全称或从列表中选择。"
    # a month or day that does not exist, a date after today: the command line's words
    # (2023-02-29 and 2024-13 are well formed: 日期格式不对 sent the reviewer looking for a typo)
    if isinstance(exc, BadParameter) and str(exc).startswith("统计期间"):
        if "开始晚于结束" in str(exc):
            return "统计期间的起点晚于终点：请写成 起点/终点，如 2024-01/2024-06。"
        if "应为" in str(exc):
            return "统计期间格式不对：请写 YYYY、YYYY-MM、YYYY-MM-DD，或 起点/终点（如 2024-01/2024-06）。"
        return f"{exc}。"
    if isinstance(exc, BadParameter) and str(exc).startswith("日期"):
        if "应为" in str(exc):
            return "日期格式不对：请写 YYYY、YYYY-MM 或 YYYY-MM-DD。"
        return f"{exc}。"
    return f"未能保存：{exc}"


# -- showing -------------------------------------------------------------------------------
def highlight(sentence: str, quote: str | None, ends: list[str]) -> str:
    """The sentence as HTML with the quoted span and the fact's ends marked."""
    marks: list[tuple[int, int, str]] = []
    for text, style in [(quote, MARK)] + [(e, MARK_END) for e in ends]:
        if not text:
            continue
        at = sentence.find(text)
        if at >= 0 and not any(a < at + len(text) and at < b for a, b, _ in marks):
            marks.append((at, at + len(text), style))
    out, pos = [], 0
    for a, b, style in sorted(marks):
        out.append(html.escape(sentence[pos:a]))
        out.append(f'<mark style="{style}">{html.escape(sentence[a:b])}</mark>')
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def _sentence(e: dict[str, Any], ends: list[str]) -> None:
    """An evidence sentence as the source writes it, marked; when the source writes it
    otherwise than the normalized text (traditional characters, pinyin glosses), the
    normalized reading under it, labelled and marked (the names are found in it)."""
    from ui.evidence import READING, as_shown

    shown, reading = as_shown(e)
    st.markdown(highlight(shown, e.get("quote"), ends), unsafe_allow_html=True)
    if reading:
        st.markdown(READING + highlight(reading, e.get("quote"), ends), unsafe_allow_html=True)


def _item(row: dict[str, Any], evidence: list[dict[str, Any]], who: str | None) -> None:
    fid = row["fact_id"]
    with st.container(border=True):
        flag = "　⚠ 证据句已变，请重新核实" if row.get("flag") else ""
        st.markdown(f"**{html.escape(review.describe(row))}**")
        st.caption(
            f"{row.get('status_zh', '')}{flag}　{confidence_words(row)}"
            f"　规则 {'、'.join(r for r in row.get('rules') or [] if r) or '-'}"
            f"　文档数 {len(row.get('doc_ids') or [])}"
            f"　[`{fid}`]({state.evidence_link(fid)})"
        )
        ends = [str(row.get("src") or ""), str(row.get("dst") or "")]
        for e in evidence:
            _sentence(e, ends)
            urls = e.get("urls") or []
            source = f"　[{html.escape(urls[0])}]({urls[0]})" if urls else ""
            st.caption(f"《{e.get('title') or e['doc_id']}》 {e.get('doc_date') or ''}{source}")
        for sentence in row.get("evidence") or []:  # a rejected fact: from its decision
            st.markdown(html.escape(sentence))
        if row.get("status") == "rejected":
            st.caption(f"驳回：{row.get('reviewer')}（{row.get('time')}）— {row.get('note')}")
        if not who:  # a reader: no decisions, so no (disabled) buttons to draw for them
            return
        if row.get("status") == "rejected":
            st.button(
                "撤销驳回并确认",
                key=f"{P}.undo.{fid}",
                on_click=_decide,
                args=([fid], "confirm"),
                help="事实按驳回时的记录恢复（其文档仍在图中时）",
            )
            return
        cols = st.columns([1, 2, 1])
        cols[0].button(
            "确认",
            key=f"{P}.ok.{fid}",
            type="primary",
            on_click=_decide,
            args=([fid], "confirm"),
        )
        cols[1].selectbox(
            "驳回理由",
            review.REJECT_REASONS,
            key=f"{P}.reason.{fid}",
            label_visibility="collapsed",
        )
        cols[2].button(
            "驳回",
            key=f"{P}.no.{fid}",
            on_click=_reject,
            args=(fid,),
        )
        # keyed by the fact: its open state is this fact's, and when the fact leaves the
        # queue the card taking its place comes with its own (closed) form; the form is
        # drawn only while open (its boxes list units and initiatives)
        with st.expander("修改", key=fix_key(fid), on_change="rerun") as box:
            if box.open:
                args = (fid, None, _ends(row))
                _fix_form(row, f"{P}.{{}}.{fid}", on_click=_correct, args=args)


def _fix_form(row: dict[str, Any], at: str, *, on_click: Any, args: tuple[Any, ...]) -> None:
    """The correction form of a fact (widget keys `at.format(field)`): what the command line's
    `review correct` can change for its kind. An adoption: its unit, initiative, stage and
    date; a unit's reported figure: its unit, metric, value, unit of measure, date, period
    and qualifier; a
    figure tied to an initiative: the initiative; a person's role: the title. A form:
    choosing in a box does not rerun the page; 保存修改 or Enter in a box sends the
    correction at once."""
    rel = row.get("type")
    src, dst = str(row.get("src_id") or ""), str(row.get("dst_id") or "")
    docs = tuple(row.get("doc_ids") or ())
    outcome_end = review.label_kind(dst) == "Outcome"
    # a figure's link to an initiative: its metric and value are corrected here too, and
    # recorded on the unit's fact that reports the figure (queries.explore.figure_correction)
    link = rel == "REPORTED" and review.label_kind(src) == "Outcome"
    with st.form(at.format("fixform"), border=False):
        boxes: list[tuple[str, dict[str, str] | None]] = []
        if rel == "ADOPTED" or (rel == "REPORTED" and outcome_end):
            boxes.append(("src", _unit_choices(src, docs)))
        if rel == "ADOPTED" or (rel == "REPORTED" and review.label_kind(dst) == "Initiative"):
            boxes.append(("dst", _initiative_choices(dst, docs)))
        if rel == "REPORTED" and outcome_end:  # the initiative the figure is linked to
            boxes.append(("link", _initiative_choices("", docs)))
        if rel == "REPORTED" and (outcome_end or link):
            boxes.append(("metric", None))
        labels: dict[str, str] = {}
        if rel == "LEARNED_FROM":  # a learning visit: its visitor and its host are units
            boxes += [("src", _unit_choices(src, docs)), ("dst", _unit_choices(dst, docs))]
            labels = VISIT_ENDS_ZH
        if boxes:
            for col, (field, choices) in zip(st.columns(len(boxes)), boxes, strict=True):
                if choices is None:
                    col.text_input("指标名称", key=at.format("metric"), placeholder="（不改）")
                    continue
                _picker(
                    col,
                    field,
                    choices,
                    at.format(field),
                    label="相关举措" if field == "link" else labels.get(field),
                )
        c = st.columns(3)
        if rel == "ADOPTED":
            c[0].selectbox(
                "阶段",
                [None, *STAGES],
                key=at.format("stage"),
                format_func=lambda s: "（不改）" if s is None else state.stage_zh(s),
            )
        elif rel == "HOLDS_ROLE":
            c[0].text_input("职务", key=at.format("title"), placeholder="（不改）")
        elif rel == "LEARNED_FROM":
            c[0].text_input(
                "学习内容（举措名称）", key=at.format("initiative"), placeholder="（不改）"
            )
            c[2].checkbox(
                "去掉学习内容",
                key=at.format("no_topic"),
                help="原文没有写明学习了哪项举措时勾选：这条学习考察不再归入任何举措。",
            )
        elif rel == "REPORTED" and (outcome_end or link):
            c[0].number_input("数值", value=None, key=at.format("value"), placeholder="（不改）")
            c[1].text_input(
                "计量单位", key=at.format("unit_of_measure"), placeholder="（不改），如 件、%、天"
            )
        c[2 if rel == "REPORTED" and (outcome_end or link) else 1].text_input(
            "日期（YYYY、YYYY-MM 或 YYYY-MM-DD）", key=at.format("date")
        )
        if rel == "REPORTED" and (outcome_end or link):
            p = st.columns(3)
            p[0].text_input(
                "统计期间",
                key=at.format("period"),
                placeholder="（不改），如 2024 或 2024-01/2024-06",
            )
            p[1].selectbox(
                "限定词",
                [None, *review.QUALIFIERS, ""],
                key=at.format("qualifier"),
                format_func=lambda q: "（不改）" if q is None else (q or "（去掉）"),
            )
        if rel == "REPORTED" and outcome_end:
            st.caption(
                "相关举措：把这项数字关联到所选举措（修改或新增它关联举措的事实），"
                "数字仍是这个单位报告的。"
            )
        if link:
            st.caption(
                "指标、数值、计量单位的修改记在报告这项数字的单位事实（单位 → 成效数据）上，"
                "举措和日期的修改记在这条关联上。"
            )
        st.text_input("说明", key=at.format("cnote"))
        st.form_submit_button("保存修改", key=at.format("fix"), on_click=on_click, args=args)


def _ends(row: dict[str, Any]) -> tuple[str, str]:
    """A queue row's (source id, target id)."""
    return str(row.get("src_id") or ""), str(row.get("dst_id") or "")


#: the titles of a learning visit's (LEARNED_FROM) ends in the correction form
VISIT_ENDS_ZH = {"src": "学习单位", "dst": "被学习单位"}
#: the kinds of entity a fact's unit may be (an adoption's, a reported figure's)
UNIT_LABELS: tuple[str, ...] = ("Court", "Tribunal", "Organization")
#: at most this many units of a province offered in a unit box (courts first)
UNIT_BOX = 600
PICK_HELP = "点开列表输入名称中的字即可筛选；列表里没有的，输入全称或别名后按回车。"


def _picker(
    where: Any,
    field: str,
    choices: dict[str, str],
    key: str,
    *,
    placeholder: str = "（不改）",
    label: str | None = None,
) -> None:
    """A unit (`src`) or initiative (`dst`) box (`label`: another title, e.g. a learning
    visit's 学习单位 / 被学习单位): the known ones listed by name, searchable by typing; a
    name not listed may be typed in (resolved when the form is sent)."""
    where.selectbox(
        label or ("单位" if field == "src" else "举措"),
        list(choices),
        index=None,
        key=key,
        format_func=lambda v: choices.get(v, v),
        placeholder=f"{placeholder}，输入以搜索",
        accept_new_options=True,
        help=PICK_HELP,
    )


@st.cache_data(ttl=300, max_entries=256, show_spinner=False)
def _mentioned(store_key: str, doc_ids: tuple[str, ...]) -> list[tuple[str, str]]:
    """(id, name) of the entities the documents mention, by name."""
    if not doc_ids:
        return []
    rows = state.store().read(
        "UNWIND $docs AS doc MATCH (:Document {id: doc})-[:MENTIONS]->(n:Entity) "
        "RETURN DISTINCT n.id AS id, n.name AS name",
        {"docs": list(doc_ids)},
        limit=10_000,
    )
    return sorted((str(r["id"]), str(r["name"] or r["id"])) for r in rows)


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _province_units(store_key: str, province: str) -> list[tuple[str, str]]:
    """(id, name) of a province's courts, then tribunals and organisations, at most
    `UNIT_BOX` (a national graph has thousands of units: all of them would be ~150 KB sent
    to the browser with every form)."""
    out: list[tuple[str, str]] = []
    for label in UNIT_LABELS:
        rows = state.store().read(
            f"MATCH (n:{label}) WHERE n.province = $p RETURN n.id AS id, n.name AS name",
            {"p": province},
            limit=UNIT_BOX,
        )
        out += sorted((str(r["id"]), str(r["name"] or r["id"])) for r in rows)
    return out[:UNIT_BOX]


def _province_of(entity_id: str) -> str | None:
    try:
        return state.entity(entity_id).get("province") or None
    except CourtgraphError:
        return None


def _unit_choices(current: str, doc_ids: tuple[str, ...]) -> dict[str, str]:
    """Unit id → name for a unit box: the units the fact's documents mention (where a wrong
    unit's right one usually is: a court and its tribunal), then every unit of the present
    unit's province (or of the mentioned units' provinces)."""
    key = state.store_key()
    mentioned = [(i, n) for i, n in _mentioned(key, doc_ids) if _is_unit(i)]
    around = [current] if _is_unit(current) else [i for i, _ in mentioned]
    provinces = list(dict.fromkeys(p for p in map(_province_of, around[:3]) if p))
    out = dict(mentioned)
    for province in provinces:
        for unit_id, name in _province_units(key, province):
            out.setdefault(unit_id, name)
    return out


def _is_unit(entity_id: str) -> bool:
    return bool(entity_id) and review.label_kind(entity_id) in UNIT_LABELS


def _curated_initiatives() -> list[tuple[str, str]]:
    """(id, name) of the initiatives of the taxonomy (not candidates), most adopted first:
    of every collection (a fact may be corrected to an initiative the chosen ones lack)."""
    return [
        (str(r["initiative_id"]), str(r["initiative"] or r["initiative_id"]))
        for r in state.rows("initiatives", {"collections": None})
        if not r.get("candidate")
    ]


def _initiative_choices(current: str, doc_ids: tuple[str, ...]) -> dict[str, str]:
    """Initiative id → name for an initiative box: those the fact's documents mention
    (candidates included), then the taxonomy's."""
    key = state.store_key()
    out = {i: n for i, n in _mentioned(key, doc_ids) if review.label_kind(i) == "Initiative"}
    for initiative_id, name in _curated_initiatives():
        out.setdefault(initiative_id, name)
    return out


# -- the current fact: decided from the keyboard, then the next one comes up ---------------
CURSOR = f"{P}.cursor"  # the fact id of the current fact
CURSOR_AT = f"{P}.cursor_at"  # its place in the queue, for when it has left the queue
#: the keys that decide the current fact (C and R are Streamlit's own)
KEY_CONFIRM, KEY_NEXT, KEY_PREVIOUS = "Y", "J", "K"


def _move(fact_id: str | None, at: int) -> None:
    st.session_state[CURSOR] = fact_id
    st.session_state[CURSOR_AT] = at


def _decide_current(fact_id: str, decision: str, note: str, next_id: str | None, at: int) -> None:
    """Decide the current fact and bring up the next one (the one after it in the queue)."""
    _decide([fact_id], decision, note=note)
    if st.session_state.get(f"{P}.message", ("",))[0] == "success":
        _move(next_id, at)


def _correct_current(
    fact_id: str, next_id: str | None, at: int, ends: tuple[str, str] = ("", "")
) -> None:
    _correct(fact_id, f"{P}.cur.{{}}.{fact_id}", ends)
    if st.session_state.get(f"{P}.message", ("",))[0] == "success":
        _move(next_id, at)


def current_index(ids: list[str]) -> int:
    """Where the current fact is: the one the cursor names, else the one now at the place
    it had (a decided fact leaves a queue of open facts, and the next one takes its place)."""
    cursor = st.session_state.get(CURSOR)
    if cursor in ids:
        return ids.index(cursor)
    return min(max(int(st.session_state.get(CURSOR_AT) or 0), 0), len(ids) - 1)


def _batch_words(n: int, more: bool, status_zh: str) -> str:
    """What the batch of `n` facts read for the filters is: all of them, or the first `n`
    (the 条数 setting) with more behind (a decided fact leaves, the next one comes up)."""
    decided = int(st.session_state.get(DECIDED) or 0)
    done = f"　·　本次已决定 {decided} 条" if decided else ""
    if more:
        return f"本批 {n} 条，符合条件的{status_zh}事实还有更多（决定一条，补上一条）{done}"
    return f"符合条件的{status_zh}事实共 {n} 条{done}"


def _current(
    rows: list[dict[str, Any]],
    evidence: dict[str, list[dict[str, Any]]],
    who: str | None,
    batch: str = "",
) -> None:
    """The fact under the cursor, with a key for every decision: Y 确认, 1–7 驳回 with that
    reason, J / K the next or previous fact, Enter in the correction form 保存修改. After a
    decision the next fact comes up here, so a reviewer's hands stay on the keyboard."""
    ids = [r["fact_id"] for r in rows]
    i = current_index(ids)
    row = rows[i]
    fid = row["fact_id"]
    _move(fid, i)
    after = ids[i + 1] if i + 1 < len(ids) else None
    before = ids[i - 1] if i > 0 else None
    st.markdown(f"**当前事实**　本批第 {i + 1} 条　·　{batch or f'本批 {len(rows)} 条'}")
    st.caption(
        f"键盘：{KEY_CONFIRM} 确认　1–{len(review.REJECT_REASONS)} 按理由驳回　"
        f"{KEY_NEXT} 下一条　{KEY_PREVIOUS} 上一条　修改后按 Enter 保存。决定后自动转到下一条。"
    )
    with st.container(border=True, key=f"{P}.current"):
        st.markdown(f"**{html.escape(review.describe(row))}**")
        flag = "　⚠ 证据句已变，请重新核实" if row.get("flag") else ""
        st.caption(
            f"{row.get('status_zh', '')}{flag}　{confidence_words(row)}"
            f"　[`{fid}`]({state.evidence_link(fid)})"
        )
        ends = [str(row.get("src") or ""), str(row.get("dst") or "")]
        for e in evidence.get(fid, []):
            _sentence(e, ends)
            st.caption(f"《{e.get('title') or e['doc_id']}》 {e.get('doc_date') or ''}")
        # a reader moves through the queue; the decisions are drawn for a reviewer only
        nav = st.columns([2, 2, 2, 6] if who else [2, 2, 8])
        if who:
            nav.pop(0).button(
                "确认",
                key=f"{P}.cur.ok",
                type="primary",
                disabled=row.get("status") == "rejected",
                on_click=_decide_current,
                args=(fid, "confirm", "", after, i),
                shortcut=KEY_CONFIRM,
            )
        nav[0].button(
            "下一条",
            key=f"{P}.cur.next",
            disabled=after is None,
            on_click=_move,
            args=(after, i + 1),
            shortcut=KEY_NEXT,
        )
        nav[1].button(
            "上一条",
            key=f"{P}.cur.previous",
            disabled=before is None,
            on_click=_move,
            args=(before, max(i - 1, 0)),
            shortcut=KEY_PREVIOUS,
        )
        if not who:
            return
        st.caption("驳回（按理由）：")
        per_row = 4
        reasons = review.REJECT_REASONS
        cols = [c for i in range(0, len(reasons), per_row) for c in st.columns(per_row)]
        for n, (col, reason) in enumerate(zip(cols, reasons, strict=False), 1):
            col.button(
                reason,
                key=f"{P}.cur.no.{n}",
                disabled=row.get("status") == "rejected",
                on_click=_decide_current,
                args=(fid, "reject", reason, after, i),
                shortcut=str(n),
                width="stretch",
            )
        if row.get("status") != "rejected":
            _fix_form(
                row,
                f"{P}.cur.{{}}.{fid}",
                on_click=_correct_current,
                args=(fid, after, i, _ends(row)),
            )


def _entity_action(action: str) -> None:
    who = reviewer()
    if not who:
        st.session_state[f"{P}.message"] = ("error", "请先登录审核员账号。")
        return
    get = st.session_state.get
    try:
        store = state.store()
        if action == "merge":
            keep = state.resolve(get(f"{P}.keep") or "")
            gone = state.resolve(get(f"{P}.gone") or "")
            review.merge_entities(store, keep, gone, reviewer=who)
            done = f"已把 {gone} 合并到 {keep}。"
        elif action == "rename":
            target = state.resolve(get(f"{P}.rename_id") or "")
            review.rename_entity(store, target, get(f"{P}.rename_to") or "", reviewer=who)
            done = f"已改名：{target}。"
        elif action == "promote":
            target = get(f"{P}.candidate") or ""
            review.promote_initiative(
                store,
                target,
                reviewer=who,
                category=get(f"{P}.category") or None,
                name_en=get(f"{P}.name_en") or None,
            )
            done = f"已纳入举措名录：{target}。"
        else:
            target = get(f"{P}.candidate") or ""
            review.drop_candidate(store, target, reviewer=who, note=get(f"{P}.drop_reason") or "")
            done = f"已剔除候选举措：{target}。"
    except CourtgraphError as exc:
        st.session_state[f"{P}.message"] = ("error", f"未能保存：{exc}")
        return
    state.clear_caches()
    st.session_state[f"{P}.message"] = ("success", done)


def _add() -> None:
    who = reviewer()
    get = st.session_state.get
    if not who:
        st.session_state[f"{P}.message"] = ("error", "请先登录审核员账号。")
        return
    try:
        doc = str(get(f"{P}.add_doc") or "")
        anchor = get(f"{P}.add_sentence")
        if not doc or not anchor:
            raise BadParameter("请先选择文档和依据的句子。")
        unit, initiative = get(f"{P}.add_unit"), get(f"{P}.add_initiative")
        if not unit or not initiative:
            raise BadParameter("请选择（或输入）推行的单位和举措。")
        start, end = (int(x) for x in str(anchor).split(":"))
        # no stage chosen: a new fact is 采用, a fact found keeps its own (graph.review.add_fact)
        props: dict[str, Any] = {"stage": get(f"{P}.add_stage")}
        date = (get(f"{P}.add_date") or "").strip()
        if date:
            props["date"], props["date_precision"] = date, review.date_precision(date)
        src, dst = _entity_of(str(unit), None), _entity_of(str(initiative), "Initiative")
        # the extractor may have found it already: adding then confirms it, and where the
        # values given differ, corrects it to them (the record keeps the old ones)
        known = state.store().read(
            "MATCH (:Entity {id: $src})-[r:ADOPTED]->(:Entity {id: $dst}) "
            "WHERE r.fact_id = $f RETURN r.date AS date",
            {
                "src": src,
                "dst": dst,
                "f": fact_id("ADOPTED", src, dst, props["stage"] or review.ADD_STAGE),
            },
        )
        d = review.add_fact(
            state.store(),
            rel_type="ADOPTED",
            src=src,
            dst=dst,
            doc_id=doc,
            sentence=review.sentence_at(state.store(), doc, start, end),
            start=start,
            end=end,
            reviewer=who,
            props=props,
        )
    except CourtgraphError as exc:
        message = _in_chinese(exc)
        st.session_state[f"{P}.message"] = ("error", message.replace("未能保存", "未能新增"))
        return
    state.clear_caches()
    st.session_state[DECIDED] = int(st.session_state.get(DECIDED) or 0) + 1
    done = f"已新增事实 {d.fact_id}。"
    if d.decision == "correct":
        was = d.old.get("props") or {}
        done = (
            f"这条推行事实抽取时已找到（原为{state.stage_zh(was.get('stage'))}，"
            f"日期 {was.get('date') or '无'}），现已按所填改为{state.stage_zh(d.new.get('stage'))}，"
            f"日期 {props.get('date') or was.get('date') or '无'}，记为已修改；"
            "原来的值留在审核历史中。"
        )
    elif known and date:
        done = (
            f"这条推行事实（{d.fact_id}）抽取时已找到，所填阶段和日期与它原有的一致，"
            "现已确认并加上所选句子为证据。"
        )
    elif known:
        done = (
            f"这条推行事实（{d.fact_id}）抽取时已找到，现已确认并加上所选句子为证据；"
            f"未填日期，它原有的日期（{known[0]['date'] or '无'}）未改。"
        )
    st.session_state[f"{P}.message"] = ("success", done)


#: documents a title search lists at most
FOUND_DOCUMENTS = 50


@st.cache_data(ttl=300, max_entries=64, show_spinner="正在按标题查找文档…")
def _documents_titled(store_key: str, words: str) -> list[dict[str, Any]]:
    """Documents whose title holds `words` (as typed, or in simplified characters), latest
    first; or the document `words` names by id. A scan of the documents' titles, asked
    for by a reviewer's search only."""
    from graph.text import to_simplified

    store = state.store()
    if words.startswith("doc:"):
        return store.read(
            "MATCH (d:Document {id: $id}) RETURN d.id AS doc_id, d.title AS title, d.date AS date",
            {"id": words},
        )
    return store.read(
        "MATCH (d:Document) WHERE d.title CONTAINS $q OR d.title CONTAINS $s "
        "RETURN d.id AS doc_id, d.title AS title, d.date AS date "
        f"ORDER BY d.date IS NULL, d.date DESC, d.id LIMIT {FOUND_DOCUMENTS}",
        {"q": words, "s": to_simplified(words)},
        limit=FOUND_DOCUMENTS,
    )


def _document_choices(words: str) -> dict[str, str]:
    """Document id → 《title》 date for the 新增 form's document box: those a title search
    found, else the latest documents (of the chosen collections)."""
    if words:
        rows = _documents_titled(state.store_key(), words)
    else:
        rows = state.rows("all_documents", {"page": 1})
    return {
        str(r["doc_id"]): f"《{r.get('title') or r['doc_id']}》 {r.get('date') or ''}".strip()
        for r in rows
    }


def _adding(who: str | None) -> None:
    """新增: an adoption the extractor missed, anchored to a sentence of a document chosen by
    its title (the latest documents listed, any other found by words of its title). Drawn
    only while open (its boxes list documents, units and initiatives)."""
    if not who:
        return
    with st.expander("新增一条推行举措（抽取遗漏的）", key=f"{P}.adding", on_change="rerun") as box:
        if not box.open:
            return
        words = st.text_input(
            "查找文档",
            key=f"{P}.add_find",
            placeholder="标题中的词（或文档 id），回车查找；留空则列出最新的文档",
        ).strip()
        docs = _document_choices(words)
        if words and not docs:
            st.info(f"没有标题含“{words}”的文档。")
            return
        doc = st.selectbox(
            "文档",
            list(docs),
            index=None,
            key=f"{P}.add_doc",
            format_func=lambda k: docs.get(k, k),
            placeholder="选择文档（可输入标题中的字筛选）",
        )
        if not doc:
            return
        try:
            found = {f"{a}:{b}": text for a, b, text in review.sentences_of(state.store(), doc)}
        except CourtgraphError:
            st.error("图中已没有这篇文档，请重新选择。")
            return
        st.selectbox(
            "依据的句子",
            list(found),
            format_func=lambda k: found[k][:80],
            key=f"{P}.add_sentence",
        )
        c = st.columns(4)
        _picker(c[0], "src", _unit_choices("", (doc,)), f"{P}.add_unit", placeholder="选择单位")
        _picker(
            c[1],
            "dst",
            _initiative_choices("", (doc,)),
            f"{P}.add_initiative",
            placeholder="选择举措",
        )
        c[2].selectbox(
            "阶段",
            [None, *STAGES],
            format_func=lambda s: (
                "（默认：新增为采用，已有的不改）" if s is None else state.stage_zh(s)
            ),
            key=f"{P}.add_stage",
        )
        c[3].text_input("日期（可选）", key=f"{P}.add_date")
        st.button("新增", key=f"{P}.add", on_click=_add)


def _entities(who: str | None) -> None:
    if not who:
        return
    with st.expander("实体：合并、改名、候选举措"):
        c = st.columns(3)
        c[0].text_input("保留的实体（名称或 id）", key=f"{P}.keep")
        c[1].text_input("并入它的实体（名称或 id）", key=f"{P}.gone")
        c[2].button("合并", key=f"{P}.merge", on_click=_entity_action, args=("merge",))
        c = st.columns(3)
        c[0].text_input("实体（名称或 id）", key=f"{P}.rename_id")
        c[1].text_input("新名称", key=f"{P}.rename_to")
        c[2].button("改名", key=f"{P}.rename", on_click=_entity_action, args=("rename",))
        found = review.candidate_initiatives(state.store())
        if not found:
            st.caption("没有候选举措。")
            return
        names = {r["id"]: f"{r['name']}（{r['units']} 个单位）" for r in found}
        st.selectbox("候选举措", list(names), format_func=names.get, key=f"{P}.candidate")
        c = st.columns(4)
        c[0].selectbox(
            "类别",
            [None, *sorted(state.CATEGORY_ZH)],
            key=f"{P}.category",
            format_func=lambda k: "（不设）" if k is None else state.category_zh(k),
        )
        c[1].text_input("英文名", key=f"{P}.name_en")
        c[2].button("纳入名录", key=f"{P}.promote", on_click=_entity_action, args=("promote",))
        c[3].text_input("剔除理由", key=f"{P}.drop_reason")
        st.button("剔除候选举措", key=f"{P}.drop", on_click=_entity_action, args=("drop",))


def _progress_key() -> str:
    """What the review progress depends on: the store, its documents and the decisions, as
    the store's change token counts them (every decision adds one; read at most once a
    second, `state.store_key`), so the counts are recomputed only when one of them changed
    (counting every fact's status takes seconds on a national graph)."""
    return state.store_key()


# Counting every fact's status reads every fact of the graph (seconds on a national graph,
# and the server is busy meanwhile), and every decision changes the count: the page never
# waits for it. The first count of a server is asked for with a click; later counts (after
# decisions) start by themselves once the page has been drawn. Each runs in the background,
# once per `_progress_key`, shared by every session of this server; meanwhile the page shows
# the previous count, marked as being updated, and a fragment polls.
_COUNTS: dict[str, Future[dict[str, Any]]] = {}
_LAST: dict[str, dict[str, Any]] = {}  # the latest finished count per store
_COUNTING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-progress")
_COUNTS_LOCK = threading.Lock()
COUNT_KEY = f"{P}.count"


def _progress(key: str) -> tuple[dict[str, Any] | None, bool, bool]:
    """(counts, current, counting): the counts for `key` when finished (current), else the
    store's latest finished counts (or None); counting: a count for `key` is under way."""
    where = state.store().description
    with _COUNTS_LOCK:
        job = _COUNTS.get(key)
    if job is not None and job.done():
        counts = job.result()  # a failed count raises here, on the page
        _LAST[where] = counts
        return counts, True, False
    return _LAST.get(where), False, job is not None


def _start_count(key: str) -> None:
    """Count for `key` in the background unless that is done or under way."""
    store = state.store()
    with _COUNTS_LOCK:
        if key not in _COUNTS:
            for k in [k for k, j in _COUNTS.items() if j.done()]:
                del _COUNTS[k]  # superseded (a finished count is kept in _LAST)
            _COUNTS[key] = _COUNTING.submit(review.progress, store)


@st.cache_data(ttl=600, max_entries=16, show_spinner="正在统计按举措的审核进度…")
def _by_initiative(key: str) -> list[dict[str, Any]]:
    return review.progress_by_initiative(state.store())


def _counts_shown(key: str) -> bool:
    """The status counts and the measured precision; False while they are being counted."""
    progress, current, _counting = _progress(key)
    cols = st.columns(5)
    if progress is None:
        for col, status in zip(cols, review.STATUSES, strict=False):
            col.metric(review.STATUS_ZH[status], "…")
        cols[4].metric("审核精度（确认 ÷ 已决定）", "…")
    else:
        for col, status in zip(cols, review.STATUSES, strict=False):
            col.metric(review.STATUS_ZH[status], progress["counts"].get(status, 0))
        precision = progress["precision"]
        cols[4].metric(
            "审核精度（确认 ÷ 已决定）", "-" if precision is None else f"{precision:.0%}"
        )
    if not current:
        st.caption("正在统计审核进度（大图上需要几秒钟），完成后自动更新。")
    elif progress and progress["by_rule"]:
        with st.expander("按抽取规则、置信度区间的精度"):
            for title, k in (("规则", "by_rule"), ("置信度区间", "by_band")):
                st.dataframe(
                    [
                        {
                            title: name,
                            "已决定": r["decided"],
                            "确认": r["confirmed"],
                            "精度": r["precision"],
                        }
                        for name, r in progress[k].items()
                    ],
                    hide_index=True,
                )
    return current


@st.fragment(run_every=1.0)
def _counts_polled(key: str) -> None:
    if _counts_shown(key):
        st.rerun()  # counted: the whole page once more, without the polling fragment


#: what a correction form's box says while it is being edited: Streamlit writes "Press Enter
#: to submit form" in English under it, with no setting for the words; the page's style sheet
#: (no script) shows the Chinese in their place, in the forms of this page only
ENTER_TO_SAVE = (
    "<style>"
    '[data-testid="stForm"] [data-testid="InputInstructions"]{font-size:0 !important;}'
    '[data-testid="stForm"] [data-testid="InputInstructions"] *{display:none;}'
    '[data-testid="stForm"] [data-testid="InputInstructions"]::after'
    '{content:"按 Enter 保存修改";font-size:0.75rem;}'
    "</style>"
)


def render() -> None:
    st.title("审核")
    st.caption(
        "逐条核对抽取出的事实：确认、驳回或修改。驳回的事实从所有答案和图片中移除，"
        "决定永久保存，重新导入文章后依然有效。未登录时只读。"
    )
    st.html(ENTER_TO_SAVE)
    _sign_in(st.sidebar)
    who = reviewer()
    # the message has a place of its own on every run: were it written only when there is
    # one, everything below would move by one element on the next run, and Streamlit would
    # draw the expander a reviewer just opened (修改, 实体) closed again
    slot = st.empty()
    _open_linked_fact()
    message = st.session_state.pop(f"{P}.message", None)
    if message:
        getattr(slot, message[0])(message[1])
    store = state.store()
    key = _progress_key()
    progress, current, counting = _progress(key)
    count = not current and (
        progress is not None or counting or bool(st.session_state.get(COUNT_KEY))
    )
    if current:
        _counts_shown(key)
    elif count:
        _counts_polled(key)
    else:
        st.button(
            "统计审核进度",
            key=f"{P}.count_button",
            on_click=lambda: st.session_state.update({COUNT_KEY: True}),
            help="待核实、已确认、已修改、已驳回各多少条，以及审核精度：要读遍全图的事实，"
            "大图上需要几秒钟（在后台统计，不耽误审核）",
        )
    try:
        _queue_part(store, who, key)
    finally:
        if count:
            _start_count(key)  # once the page is drawn: its reads do not wait for the count


LINKED = f"{P}.linked"  # the ?fact= this session has opened


def _open_linked_fact() -> None:
    """`?fact=<fact_id>` (证据's and the adopters rows' 审核这条事实): that fact comes up first,
    once: the queue's filters are set to its kind, its review status and one of its
    documents (of the sidebar's 文档集, when chosen), and the cursor to it."""
    from ui.scope import collections

    fid = state.param("fact")
    if not fid or st.session_state.get(LINKED) == fid:
        return
    st.session_state[LINKED] = fid
    store = state.store()
    place = review.locate(store, fid)
    kind = next((k for k, rel in review.KINDS.items() if place and rel == place["type"]), None)
    if place is None or kind is None:
        st.session_state[f"{P}.message"] = (
            "warning",
            f"图中没有事实 {fid}（其文档可能已删除），下面是待审队列。",
        )
        return
    docs = place["doc_ids"]
    chosen = collections()
    if chosen:
        from graph.collections import documents_in

        inside = set(documents_in(store, chosen))
        docs = [d for d in docs if d in inside]
        if not docs:
            st.session_state[f"{P}.message"] = (
                "warning",
                f"事实 {fid} 不在侧栏所选的文档集（{'、'.join(chosen)}）中："
                "请在侧栏改选文档集后再打开。",
            )
            return
    st.session_state[f"{P}.kind"] = kind
    st.session_state[f"{P}.status"] = review.status_of(store, fid)
    st.session_state[f"{P}.document"] = docs[0] if docs else ""
    for name in ("initiative", "unit"):
        st.session_state[f"{P}.{name}"] = ""
    for name in ("province", "stage", "confidence"):
        st.session_state[f"{P}.{name}"] = None
    st.session_state[f"{P}.limit"] = 200
    _move(fid, 0)


#: the confidence ceilings offered (None: any confidence)
CEILINGS: tuple[float | None, ...] = (None, 0.3, 0.5, 0.6, 0.8)


@st.cache_resource(ttl=600, max_entries=8, show_spinner=False)
def _provinces_of(where: str, entities: str) -> list[str]:
    return review.provinces(state.store())


def _provinces(store_key: str) -> list[str]:
    """The provinces the queue's filter offers, kept while the number of entities stays (a
    decision changes the store's token and clears the app's caches, but not the courts'
    provinces: two scans of every court and tribunal are not repeated after each one)."""
    where, _, token = store_key.rpartition("|")
    return list(_provinces_of(where, token.rsplit(":", 1)[-1]))


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _queue(store_key: str, **filters: Any) -> list[dict[str, Any]]:
    """`review.queue` for the filters, kept until the store changes (a decision, here or by
    another reviewer, changes its token; this app's decisions also clear the caches)."""
    return review.queue(state.store(), **filters)


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _evidence(store_key: str, fact_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return review.evidence_of(state.store(), list(fact_ids))


def _more_filters() -> dict[str, Any]:
    """单位, 省份, 阶段 and a confidence ceiling, in a second row (session state like the
    first row's filters); each is passed straight to `review.queue`."""
    provinces = _provinces(state.store_key())
    if st.session_state.get(f"{P}.province") not in (None, *provinces):
        del st.session_state[f"{P}.province"]  # a province no longer in the graph
    g = st.columns([2, 1, 1, 1])
    unit = (
        g[0]
        .text_input(
            "单位（可选）",
            key=f"{P}.unit",
            placeholder="法院、法庭或机构的名称或 id",
            help="只看这个单位的事实（采用、成效、人员所在单位等）",
        )
        .strip()
    )
    province = g[1].selectbox(
        "省份",
        [None, *provinces],
        format_func=lambda v: state.ALL if v is None else v,
        key=f"{P}.province",
        help="事实任一端所在的省份",
    )
    stage = g[2].selectbox(
        "阶段",
        [None, *STAGES],
        format_func=lambda v: state.ALL if v is None else state.stage_zh(v),
        key=f"{P}.stage",
        help="只看这个阶段的采用事实（其他类型的事实没有阶段）",
    )
    ceiling = g[3].selectbox(
        "置信度",
        CEILINGS,
        format_func=lambda v: "不限" if v is None else f"≤ {v}",
        key=f"{P}.confidence",
        help="只看置信度不高于此值的事实",
    )
    return {"unit": unit, "province": province, "stage": stage, "max_confidence": ceiling}


def _filter_entity(key: str, value: str, label: str | None = None) -> str | None:
    """The id a queue filter's box names; a name several entities share offers them as
    buttons that fill the box (and stops the page until one is chosen)."""
    from graph.errors import AmbiguousName

    if not value:
        return None
    try:
        return state.resolve(value, label) if label else state.resolve(value)
    except AmbiguousName as exc:
        _offer_choices(key, exc.name or value, exc.ids, label)
        st.stop()
        raise  # st.stop() ends the run; for type checkers


def _offer_choices(key: str, value: str, ids: list[str], label: str | None) -> None:
    st.warning(f"“{value}”对应多个实体，请点选其中一个（填入筛选框）：")
    for entity_id in ids:
        try:
            node = state.entity(entity_id)
        except CourtgraphError:
            node = {}
        name = str(node.get("name") or entity_id)
        try:  # the full name when it names this entity alone, else the id
            unique = (state.resolve(name, label) if label else state.resolve(name)) == entity_id
        except CourtgraphError:
            unique = False
        st.button(
            f"{name}（{state.kind_zh(node.get('kind'))}）",
            key=f"{key}.pick.{entity_id}",
            help=entity_id,
            on_click=_fill,
            args=(key, name if unique else entity_id),
        )


def _fill(key: str, value: str) -> None:
    st.session_state[key] = value


def _queue_part(store: Any, who: str | None, key: str) -> None:
    per = st.toggle(
        "显示按举措、按文档的审核进度",
        key=f"{P}.per",
        help="按文档：本页队列中事实所在的文档（全部文档：python -m graph review progress "
        "--by document）",
    )
    if per:
        st.dataframe(
            [
                {"举措": r.get("name") or r["id"]}
                | {review.STATUS_ZH[s]: r[s] for s in review.STATUSES[:3]}
                for r in _by_initiative(key)
            ],
            hide_index=True,
        )

    _entities(who)
    _adding(who)
    f = st.columns([1, 1, 2, 2, 1])
    kind = f[0].selectbox("事实类型", list(review.KINDS), format_func=KIND_ZH.get, key=f"{P}.kind")
    status = f[1].selectbox(
        "状态", review.STATUSES, format_func=review.STATUS_ZH.get, key=f"{P}.status"
    )
    initiative_name = f[2].text_input("举措（可选）", key=f"{P}.initiative").strip()
    document = f[3].text_input("文档 id（可选）", key=f"{P}.document").strip() or None
    limit = int(f[4].number_input("条数", 5, 200, 20, step=5, key=f"{P}.limit"))
    more = _more_filters()
    initiative = _filter_entity(f"{P}.initiative", initiative_name, "Initiative")
    unit = _filter_entity(f"{P}.unit", more["unit"])
    from ui.scope import collections

    chosen = collections()  # the sidebar's 文档集, as every page follows it
    if chosen:
        st.caption(f"只列侧栏所选文档集（{'、'.join(chosen)}）中文档的事实。")
    rows = _queue(
        state.store_key(),
        collections=tuple(chosen or ()),
        kinds=[kind],
        initiative=initiative,
        unit=unit,
        document=document,
        province=more["province"],
        stage=more["stage"],
        max_confidence=more["max_confidence"],
        status=status,
        limit=limit + 1,  # one more: whether more facts wait than this batch holds
    )
    more = len(rows) > limit
    rows = rows[:limit]
    if per:  # the documents of the queue shown (every document: the command line)
        docs = sorted({d for r in rows for d in (r.get("doc_ids") or [])})
        st.dataframe(
            [
                {"文档": r.get("name") or r["id"]}
                | {review.STATUS_ZH[s]: r[s] for s in review.STATUSES[:3]}
                for r in review.progress_by_document(store, docs)
            ],
            hide_index=True,
            column_config={"文档": st.column_config.TextColumn(help="本页队列中的事实所在的文档")},
        )
    if not rows:
        st.info("没有符合条件的事实。")
        return
    evidence: dict[str, list[dict[str, Any]]] = {}
    # the evidence of the queue's page drawn, which holds the current fact
    first = _page_start(rows)
    page = rows[first : first + QUEUE_PAGE]
    for e in _evidence(state.store_key(), tuple(r["fact_id"] for r in page)):
        evidence.setdefault(e["fact_id"], []).append(e)
    # the facts drawn below (the queue's page): a reviewer confirms only what is shown
    open_ids = [r["fact_id"] for r in page if r.get("status") == "extracted"]
    if open_ids:
        st.button(
            f"确认以下全部 {len(open_ids)} 条",
            key=f"{P}.all",
            disabled=not who,
            on_click=_decide,
            args=(open_ids, "confirm"),
            help="本页队列中待核实的事实，按置信度从低到高排列；请先看完再批量确认。",
        )
    if not who:
        st.caption("登录审核员账号后可确认、驳回和修改。")
    batch = _batch_words(len(rows), more, review.STATUS_ZH.get(status, status))
    _current(rows, evidence, who, batch)
    _queue_page(rows, evidence, who, batch)


#: queue items drawn at once: each is a dozen elements (buttons, a reason box, evidence),
#: and the browser's time to take a page in grows with each item (about 0.05 s an item when
#: measured); the queue's other facts are a page away
QUEUE_PAGE = 5


def _page_start(rows: list[dict[str, Any]]) -> int:
    """Where the queue's page holding the current fact starts."""
    at = current_index([r["fact_id"] for r in rows])
    return at - at % QUEUE_PAGE


def _queue_page(
    rows: list[dict[str, Any]],
    evidence: dict[str, list[dict[str, Any]]],
    who: str | None,
    batch: str = "",
) -> None:
    """The page of the queue holding the current fact, `QUEUE_PAGE` facts at a time; its
    buttons move the current fact to the first fact of the page before or after (so J / K
    and the queue's pages go together)."""
    ids = [r["fact_id"] for r in rows]
    first = _page_start(rows)
    shown = rows[first : first + QUEUE_PAGE]
    pages = -(-len(rows) // QUEUE_PAGE)
    if pages > 1:
        st.markdown(
            f"**队列**　本批第 {first + 1}–{first + len(shown)} 条"
            f"（第 {first // QUEUE_PAGE + 1} / {pages} 页）　·　{batch}"
        )
    else:
        st.markdown(f"**队列**　{batch}")
    for row in shown:
        _item(row, evidence.get(row["fact_id"], []), who)
    if pages > 1:
        back, ahead = first - QUEUE_PAGE, first + QUEUE_PAGE
        nav = st.columns([1, 1, 6])
        nav[0].button(
            "上一页",
            key=f"{P}.qprev",
            disabled=back < 0,
            on_click=_move,
            args=(ids[back] if back >= 0 else None, max(back, 0)),
        )
        nav[1].button(
            "下一页",
            key=f"{P}.qnext",
            disabled=ahead >= len(ids),
            on_click=_move,
            args=(ids[ahead] if ahead < len(ids) else None, min(ahead, len(ids) - 1)),
        )


def confidence_words(row: dict[str, Any]) -> str:
    """A queue row's confidence in its caption: 置信度 and `ui.common.confidence_zh` (the
    wording every page uses), nothing once a reviewer confirmed or corrected the fact.

    >>> confidence_words({"confidence": 0.8, "rules": ["visit:went-to"]})
    '置信度 0.80（规则先验，未经标注校准）'
    >>> confidence_words({"confidence": 0.8, "status": "confirmed"})
    ''
    """
    shown = confidence_zh(row)
    return f"置信度 {shown}" if shown else ""
