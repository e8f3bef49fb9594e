"""Small rendering helpers shared by pages: tables with links, entity inputs, downloads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from graph.errors import CourtgraphError
from ui import state

#: rows a table shows before the reader asks for all of them: each row costs the browser
#: about 0.4 ms on every visit (on the 1M graph, 举措's and 扩散分析's warm visits took 1.0 and
#: 0.9 s with 1,000 rows, 0.64 and 0.54 with 100); a reader sees a dozen at a time
TABLE_ROWS = 200


def table(
    rows: list[dict[str, Any]],
    columns: dict[str, str],
    *,
    links: dict[str, Callable[[dict[str, Any]], str | None]] | None = None,
    key: str | None = None,  # names the table for readers of the code (and tests' messages)
    height: int | str = "auto",
    total: int | None = None,
    widths: dict[str, str] | None = None,
    pinned: str | None = None,
) -> None:
    """A dataframe of `rows` showing `columns` (key -> Chinese header); link columns open pages.
    A table of more than `TABLE_ROWS` rows shows its first `TABLE_ROWS` until the reader asks
    for all (a switch): the browser takes seconds to take in tens of thousands of cells, on
    every visit. `total`: `rows` are what `rows_shown` kept of that many (the caller prepared
    only those). `widths`: column key -> "small" | "medium" | "large", for a column a
    stretched table would squeeze until its cells are cut (2023-08-25（文档…); `pinned`: the
    column key that stays in view while a wide table scrolls sideways."""
    import pandas as pd

    links = links or {}
    n = len(rows) if total is None else total
    if n > TABLE_ROWS:
        every = st.toggle(
            f"显示全部 {n:,} 行",
            key=f"{key or 'table'}.all",
            help=f"未打开时只显示前 {TABLE_ROWS:,} 行（按表格的顺序）",
        )
        if not every:
            st.caption(f"共 {n:,} 行，下表显示前 {TABLE_ROWS:,} 行。")
            rows = rows[:TABLE_ROWS]
    # a missing value in a text column is an empty cell, not "None" (e.g. a candidate
    # initiative without an English name); numeric columns keep their missing values
    text = {
        col
        for col in columns
        if all(isinstance(r.get(col), str) for r in rows if r.get(col) is not None)
    }
    data = []
    for r in rows:
        item = {
            title: "" if col in text and r.get(col) is None else r.get(col)
            for col, title in columns.items()
        }
        for title, make in links.items():
            item[title] = make(r)
        data.append(item)
    frame = pd.DataFrame(data, columns=[*columns.values(), *links.keys()])
    config: dict[str, Any] = {
        title: st.column_config.LinkColumn(title, display_text="打开") for title in links
    }
    for col in {*(widths or {}), *([pinned] if pinned else [])}:
        config[columns[col]] = st.column_config.Column(
            columns[col], width=(widths or {}).get(col), pinned=col == pinned or None
        )
    st.dataframe(frame, hide_index=True, column_config=config, height=height, width="stretch")


def rows_shown(rows: list[Any], key: str | None) -> list[Any]:
    """The rows `table(rows, key=key)` will show: the first `TABLE_ROWS` until its switch is
    on (so a caller prepares only those, e.g. looks up their documents' titles)."""
    if len(rows) > TABLE_ROWS and not st.session_state.get(f"{key or 'table'}.all"):
        return rows[:TABLE_ROWS]
    return rows


def document_titles(ids: Sequence[str], store: Any = None) -> dict[str, dict[str, Any]]:
    """Title, date and URLs of each document in `ids` (`document_sources` rows by id), asked
    in parts within the query's row limit (queries.explore.document_sources): one question
    for thousands was cut at the limit, and the rest showed as bare ids. With `store`, asked
    of it directly: a download button's function runs in a thread of its own, outside the
    page, where Streamlit's caches warn that the page's context is missing."""
    from queries.explore import document_sources

    def ask(params: dict[str, Any]) -> list[dict[str, Any]]:
        return state.rows("document_sources", params)

    rows = document_sources(store, sorted(set(ids)), ask=None if store is not None else ask)
    return {r["doc_id"]: r for r in rows}


def _status(row: dict[str, Any]) -> list[str | None]:
    """A row's facts' statuses: `statuses` when it stands for several facts (an adopter's
    stages), else its `status`."""
    statuses = row.get("statuses")
    return list(statuses) if isinstance(statuses, list) else [row.get("status")]


def fact_check(
    name: str,
    params: dict[str, Any],
    *,
    statuses: Callable[[dict[str, Any]], Sequence[str | None]] = _status,
    rows: list[dict[str, Any]] | None = None,
) -> Any:
    """The facts behind a table of named query `name` (queries.verified.FactCheck): how many
    and how many of them unverified, counted on every fact (with 只看已核实 on, the same
    query without it, so the note says how many were left out). `statuses` gives a row's
    facts' review statuses ('reference': roster data, not counted). `rows`: the caller's
    answer of `name` for `params`, counted as it is while 只看已核实 is off (not read again
    from the cache, which copies every row)."""
    from queries.verified import FactCheck
    from ui.scope import verified_only

    only = verified_only()
    if rows is not None and not only:
        every = rows
    else:
        every = state.rows(name, {**params, "verified": False} if only else params)
    found = [s for r in every for s in statuses(r) if s != "reference"]
    return FactCheck.of(found, verified_only=only)


def facts_note(
    name: str,
    params: dict[str, Any],
    *,
    statuses: Callable[[dict[str, Any]], Sequence[str | None]] = _status,
    where: Any = st,
) -> None:
    """Under a table: 共 N 条事实，其中 M 条尚未核实 (or, with 只看已核实 on, how many
    verified facts it shows and how many it left out)."""
    note = note_of(fact_check(name, params, statuses=statuses))
    if note:
        where.caption(note)


#: how a confidence that is its rule's judged prior is marked, on every page that shows one
PRIOR_ZH = "规则先验，未经标注校准"


def confidence_zh(row: dict[str, Any]) -> str:
    """A fact's confidence as every page words it: '' once a reviewer confirmed or corrected
    it (its 核实状态 says so), '-' when it has none, and a judged rule prior marked as one
    while no annotations measure its kind (ingest.confidence.PRIORS: learning visits).

    >>> confidence_zh({"confidence": 0.8, "rules": ["visit:went-to"]})
    '0.80（规则先验，未经标注校准）'
    >>> confidence_zh({"confidence": 0.8, "status": "confirmed"})
    ''
    """
    from ingest.confidence import uncalibrated

    if row.get("status") in ("confirmed", "corrected"):
        return ""
    conf = row.get("confidence")
    if conf is None:
        return "-"
    return f"{conf:.2f}（{PRIOR_ZH}）" if uncalibrated(row.get("rules")) else f"{conf:.2f}"


def note_of(check: Any) -> str:
    """A FactCheck's note, none for a table without facts."""
    return str(check.note()) if check.facts else ""


def entity_input(
    key: str,
    url_name: str,
    label: str,
    *,
    help: str | None = None,
    default: Callable[[], str | None] | None = None,
) -> str | None:
    """A text box for an entity's name, alias or id; returns the resolved id.

    The box shows the entity's name and the URL holds its id, so a copied link names one
    entity (names may be shared or change) and the reader sees a name rather than an id.
    What the box showed and the id it stood for are remembered (`{key}.entity`), so an
    unedited name that several entities share still means the one the link named.
    """
    memo = f"{key}.entity"
    if key not in st.session_state:
        raw = (state.param(url_name) or "").strip()
        if not raw and default is not None:  # e.g. the home court
            raw = default() or ""
        st.session_state[key] = raw
        if raw:
            shown = _shown_name(raw)
            if shown:
                st.session_state[key] = shown[0]
                st.session_state[memo] = shown
    value = st.text_input(label, key=key, help=help or "名称、别名（简体或繁体）或 id").strip()
    if not value:
        st.session_state.pop(memo, None)
        state.set_params(**{url_name: None})
        return None
    remembered = st.session_state.get(memo)
    if remembered and remembered[0] == value:
        entity_id = remembered[1]
    else:
        st.session_state.pop(memo, None)
        try:
            entity_id = state.resolve(value)
        except CourtgraphError:
            state.set_params(**{url_name: value})  # the link still says what was asked
            raise
        st.session_state[memo] = (value, entity_id)
    state.set_params(**{url_name: entity_id})
    return entity_id


def _shown_name(value: str) -> tuple[str, str] | None:
    """(the entity's name, its id) for an id or name from the URL; None if it names nothing."""
    try:
        entity_id = state.resolve(value)
        name = state.entity(entity_id).get("name")
    except CourtgraphError:
        return None  # the page reports it when it resolves the raw value
    return (str(name) if name else entity_id), entity_id


#: what a page says when the chosen collections report no initiative (the `initiatives`
#: query lists those of the chosen collections only)
NO_INITIATIVES_IN_SCOPE = "所选文档集中没有报道改革举措的文档。请在侧栏选择其他文档集。"


def no_initiatives(empty: str = "图中还没有改革举措。请先到「导入」页导入文章。") -> None:
    """Say why there is no initiative to show: the chosen collections report none, or (with
    every document) the graph has none yet (`empty`)."""
    from ui.scope import collections

    st.info(NO_INITIATIVES_IN_SCOPE if collections() else empty)


def initiative_picker(initiatives: list[dict[str, Any]], key: str) -> str:
    """The initiative select box (with each one's number of units), kept in the URL as `id`;
    the first visit takes the URL's id or name, else the most adopted initiative. A linked
    initiative that the chosen collections do not report is not swapped for another: the
    page says so and how to see it, the link keeps it, and the box asks for a choice (the
    page stops until one is made)."""
    by_id = {r["initiative_id"]: r for r in initiatives}
    outside: str | None = None
    if key not in st.session_state or st.session_state[key] not in by_id:
        wanted = state.param("id")
        if wanted and wanted not in by_id:
            wanted = state.resolve(wanted, "Initiative")
        if wanted and wanted not in by_id:
            outside = wanted
        first = initiatives[0]["initiative_id"]
        st.session_state[key] = wanted if wanted in by_id else (None if outside else first)
    if outside:
        name = state.entity(outside).get("name") or outside
        st.warning(
            f"链接中的改革举措“{name}”不在所选文档集中：所选文档集没有报道它的文档。"
            "要查看它，请在侧栏的“文档集”中加选报道它的文档集，或清空选择以查看全部文档；"
            "也可以在下面另选一项举措。"
        )
    initiative_id = st.selectbox(
        "改革举措",
        list(by_id),
        key=key,
        index=None,
        placeholder="选择改革举措",
        format_func=lambda i: f"{by_id[i]['initiative']}（{by_id[i]['units']} 个单位）",
    )
    if initiative_id is None:
        st.stop()  # the link's initiative stays in the URL until another is chosen
    state.set_params(id=initiative_id)
    return str(initiative_id)


#: up to this many courts, a court box offers them all; above, a province box comes first
#: and the court box offers that province's courts (a national graph has thousands: their
#: names are ~150 KB sent to the browser on every page)
ONE_BOX = 400
NATIONAL = ""  # a province box's choice for courts of no province (the supreme court)


def courts_by_province(
    courts: list[dict[str, Any]],
    key: str,
    own: str | None,
    *,
    label: str = "省份",
    help: str | None = None,
    where: Any = st,
) -> list[str] | None:
    """None when `courts` (`superior_courts` rows) are few enough for one box; else a
    province box (first set to the province of the court `own`, or left asking when there is
    none) and the ids of the chosen province's courts ([] while none is chosen)."""
    if len(courts) <= ONE_BOX:
        return None
    by_id = {r["court_id"]: r for r in courts}
    choices = [NATIONAL, *sorted({r["province"] for r in courts if r.get("province")})]
    chosen = st.session_state.get(key, "unset")
    if chosen == "unset" or (chosen is not None and chosen not in choices):
        province = (by_id.get(own or "") or {}).get("province") or NATIONAL if own else None
        st.session_state[key] = province if province in choices else None
    province = where.selectbox(
        label,
        choices,
        key=key,
        index=None,
        placeholder="先选省份",
        format_func=lambda p: "全国（不属于一省的法院）" if p == NATIONAL else p,
        help=help,
    )
    if province is None:
        return []
    return [c for c, r in by_id.items() if (r.get("province") or NATIONAL) == province]


def court_of_most_adopters(courts: list[dict[str, Any]], units_by_province: dict[str, int]) -> str:
    """The default court of coverage on 举措 and 扩散分析 alike: the high court of the province
    with most adopting units (ties by the province's name), else the first high court, else
    the first court (`superior_courts` rows come highest level first)."""
    highs = [r for r in courts if r.get("level") == "high"]
    for province, _n in sorted(units_by_province.items(), key=lambda kv: (-kv[1], kv[0])):
        for r in highs:
            if r.get("province") == province:
                return str(r["court_id"])
    return str((highs or courts)[0]["court_id"])


def court_picker(
    courts: list[dict[str, Any]],
    key: str,
    default: Callable[[], str],
    *,
    label: str,
    help: str | None = None,
    where: Any = st,
) -> str:
    """A select box of the courts coverage can be counted under (`superior_courts` rows);
    the first visit takes the URL's `court` (id or name), else the home court, else
    `default()`. On a large graph a province box comes first (`courts_by_province`) and the
    box offers that province's courts and the court chosen before."""
    by_id = {r["court_id"]: r for r in courts}
    if key not in st.session_state or st.session_state[key] not in by_id:
        from ui.scope import home_court

        wanted = state.param("court")
        if wanted and wanted not in by_id:
            wanted = state.resolve(wanted)
        home = home_court()  # the user's own court comes before the page's default
        fallback = home if home in by_id else default()
        st.session_state[key] = wanted if wanted in by_id else fallback
    current = st.session_state[key]
    listed = courts_by_province(courts, f"{key}.province", current, where=where)
    options = list(by_id) if listed is None else listed
    if current not in options:
        options = [current, *options]
    return str(
        where.selectbox(
            label,
            options,
            key=key,
            format_func=lambda c: f"{by_id[c]['court']}（{state.level_zh(by_id[c]['level'])}）",
            help=help,
        )
    )


def sources_for(graph_or_doc_ids: Any, store: Any = None) -> list[Any]:
    """Source documents (title, date, url) behind a subgraph or a list of document ids; with
    `store`, asked of it directly (in a download button's function: see `document_titles`)."""
    from figures.render import Source, doc_ids_of

    ids = (
        list(graph_or_doc_ids)
        if isinstance(graph_or_doc_ids, list | tuple)
        else doc_ids_of(graph_or_doc_ids)
    )
    if not ids:
        return []
    from dataclasses import replace

    from queries.explore import source_name

    found = document_titles(ids, store)
    out = []
    for d in ids:
        if d in found:
            source = Source.of(found[d])
            name = source_name(found[d])
            # no URL: its file name (or id) tells two versions of one report apart
            named = name and name != source.title
            out.append(replace(source, title=f"{source.title}（{name}）") if named else source)
    return out


def embed_html(html: str, height: int) -> None:
    """Show a self-contained HTML page in an iframe (st.iframe where this Streamlit has it)."""
    if hasattr(st, "iframe"):
        st.iframe(html, height=height)
    else:  # Streamlit < 1.52
        import streamlit.components.v1 as components

        components.html(html, height=height)


def today() -> str:
    return dt.date.today().isoformat()


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

#: characters a sheet's name may not hold (Excel refuses the file), each as its full-width
#: form, which Excel takes (a blank lost the slash of a ratio: 覆盖（4 114） for 4/114), and
#: the longest name
_SHEET_BAD = str.maketrans(dict(zip("[]:*?/\\", "【】：＊？／＼", strict=True)))
_SHEET_LEN = 31
#: Excel keeps 15 significant digits: a longer integer (an id) is written as text
_EXACT_DIGITS = 15
#: the most characters a cell holds
_CELL_LEN = 32767


def sheet_name(title: str, fallback: str = "表格") -> str:
    """`title` as a name Excel accepts for a sheet: no []:*?/\\, no quote at either end,
    at most 31 characters, not empty."""
    name = " ".join(title.translate(_SHEET_BAD).split()).strip("'")[:_SHEET_LEN].strip()
    return name or fallback


def _xlsx_value(value: Any) -> tuple[Any, bool]:
    """A cell's value for Excel and whether it must be kept as text: lists joined with "；"
    (`graph.export.LIST_SEPARATOR`, as in every export),
    maps as JSON, integers longer than Excel keeps exactly as text, and text that Excel would
    read as a formula (= + - @ first) or a number (digits: an id, a code) marked as text."""
    import json

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from graph.export import join_list

    if value is None:
        return None, False
    if isinstance(value, bool | float | dt.date | dt.datetime):
        return value, False
    if isinstance(value, int):
        if len(str(abs(value))) > _EXACT_DIGITS:
            return str(value), True
        return value, False
    if isinstance(value, list | tuple):
        value = join_list(value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, default=str)
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))[:_CELL_LEN]
    as_text = text[:1] in ("=", "+", "-", "@") or (text.strip().isdigit() and text != "")
    return text, as_text


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, sheet: str) -> bytes:
    """An Excel workbook of one sheet: the header row (bold, kept in view) and `rows` as
    they are, each cell a value Excel will not misread (`_xlsx_value`)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(sheet)
    bold = Font(bold=True)
    for j, title in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=_xlsx_value(title)[0])
        cell.font = bold
    widths = [len(str(c)) for c in columns]
    for i, row in enumerate(rows, start=2):
        for j, raw in enumerate(row, start=1):
            value, as_text = _xlsx_value(raw)
            cell = ws.cell(row=i, column=j, value=value)
            if as_text:
                cell.data_type = "s"  # openpyxl takes "=…" for a formula
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
            if j <= len(widths) and i < 200:
                widths[j - 1] = max(widths[j - 1], len(str(value or "")))
    from openpyxl.utils import get_column_letter

    for j, w in enumerate(widths, start=1):
        # a Chinese character is about two columns wide
        ws.column_dimensions[get_column_letter(j)].width = min(60, 2 * w + 2)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table_downloads(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    title: str,
    sources: list[Any] | Callable[[], list[Any]],
    stem: str,
    key: str,
    note: str = "",
    shown: int | None = None,
) -> None:
    """CSV, Excel, PNG, SVG and PPTX of a table, made when a button is clicked; `note` (how many
    of its facts are unverified) goes under the pictures' and the slide's title. `sources`
    may be a function, called when a picture or slide is made (finding the documents behind
    a large table costs a walk of the graph the page need not wait for). `shown`: the
    pictures and the slide show only the first `shown` columns (the rest, such as a fact's
    id and sentence, are for the CSV and Excel files a researcher cites from)."""
    import csv
    import io

    from figures import render

    sheet = title
    if note:
        title = f"{title}（{note}）"

    from graph.export import join_list

    def to_csv() -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        # a list in one cell as Excel shows it (not Python's ['a', 'b'])
        w.writerows([join_list(v) if isinstance(v, list | tuple) else v for v in r] for r in rows)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    def cited() -> list[Any]:
        return sources() if callable(sources) else sources

    pic_columns = list(columns)[:shown]
    pic_rows = [list(r)[:shown] for r in rows] if shown is not None else rows

    def pic(fmt: str) -> Callable[[], bytes]:
        return lambda: render.table_picture(
            pic_columns, pic_rows, fmt=fmt, title=title, sources=cited(), generated=today()
        )

    def deck() -> bytes:
        return render.table_slide(
            pic_columns, pic_rows, title=title, sources=cited(), generated=today()
        )

    from ui.downloads import ON_CLICK

    cols = st.columns(5)
    for col, (label, make, suffix, mime) in zip(
        cols,
        [
            ("表格 CSV", to_csv, "csv", "text/csv"),
            ("表格 Excel", lambda: to_xlsx(columns, rows, sheet=sheet), "xlsx", XLSX_MIME),
            ("图片 PNG", pic("png"), "png", "image/png"),
            ("矢量图 SVG", pic("svg"), "svg", "image/svg+xml"),
            ("幻灯片 PPTX", deck, "pptx", PPTX_MIME),
        ],
        strict=True,
    ):
        col.download_button(
            label, make, f"{stem}.{suffix}", mime, key=f"{key}.{suffix}", on_click=ON_CLICK
        )
