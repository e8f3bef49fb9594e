"""Cypher 查询（只读）: a free-form Cypher box for researchers.

Statements go through `graph.readonly`: anything that could write is refused before it is
sent (the embedded ArcadeDB server does not refuse writes in read transactions), the rest
runs in a read transaction that is always rolled back, with the row limit
(COURTGRAPH_ROW_LIMIT) and the timeout (COURTGRAPH_QUERY_TIMEOUT) of the settings. The
statement lives in the URL (`q`), so a link opens the same query in the box; it runs only
when the reader clicks 运行查询 (a link must not make the server run whatever it names).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import streamlit as st

from graph.dialect import fulltext_index
from graph.errors import CourtgraphError, StoreUnavailable
from graph.model import LABEL_ZH, NODE_LABELS, REL_TYPES, REL_ZH
from graph.readonly import CypherResult, WriteRefused, check_read_only, run_read_only
from ui import state

P = "cypher"
RESULT = f"{P}.result"  # (statement, limit, CypherResult | CourtgraphError) of the last run
PENDING = f"{P}.pending"  # set by the example buttons: run what they put in the box


def examples(fulltext_index: str) -> dict[str, str]:
    return {
        "一项举措的采用单位": (
            "MATCH (i:Entity {id: 'initiative:诉源治理'})<-[a:ADOPTED]-(u)\n"
            "RETURN u.name AS unit, u.level AS level, a.stage AS stage, a.date AS date\n"
            "ORDER BY date"
        ),
        "采用单位最多的举措": (
            "MATCH (i:Initiative)<-[:ADOPTED]-(u)\n"
            "RETURN i.name AS initiative, i.category AS category, count(DISTINCT u) AS units\n"
            "ORDER BY units DESC LIMIT 20"
        ),
        "按名称全文检索法院": (
            f"CALL db.index.fulltext.queryNodes('{fulltext_index}', '人民法院')\n"
            "YIELD node, score\n"
            "RETURN node.id AS id, node.name AS name, score LIMIT 20"
        ),
        "各类实体的数量": "MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS n ORDER BY n DESC",
    }


def render() -> None:
    st.title("Cypher 查询（只读）")
    settings = state.settings()
    st.caption(
        "给熟悉 Cypher 的研究人员：直接查询图数据库。只能读取——含 CREATE、MERGE、SET、DELETE、"
        "REMOVE、FOREACH、LOAD CSV、CALL { … } 等可能写入的语句会被拒绝；每次最多返回 "
        f"{settings.row_limit:,} 行（COURTGRAPH_ROW_LIMIT），最长运行 "
        f"{settings.query_timeout:g} 秒（COURTGRAPH_QUERY_TIMEOUT）。"
    )
    first_visit = f"{P}.q" not in st.session_state
    if first_visit:  # back on the page: the box starts from the URL, the result is gone
        st.session_state.pop(RESULT, None)
    state.widget_value(f"{P}.q", "q", lambda v: v or "")
    state.widget_value(f"{P}.limit", "limit", lambda v: _limit(v, settings.row_limit))
    if st.session_state[f"{P}.limit"] > settings.row_limit:  # the setting was lowered
        st.session_state[f"{P}.limit"] = settings.row_limit
    _help()
    query = st.text_area(
        "Cypher 语句",
        key=f"{P}.q",
        height=160,
        placeholder="MATCH (i:Entity {id: 'initiative:诉源治理'})<-[a:ADOPTED]-(u)\n"
        "RETURN u.name AS unit, a.stage AS stage, a.date AS date",
    )
    c1, c2 = st.columns([1, 4])
    limit = int(
        c1.number_input(
            "最多行数", min_value=1, max_value=settings.row_limit, step=100, key=f"{P}.limit"
        )
    )
    c2.markdown("&nbsp;")
    clicked = c2.button("运行查询", key=f"{P}.run", type="primary")
    state.set_params(q=query.strip() or None, limit=None if limit == settings.row_limit else limit)
    pending = st.session_state.pop(PENDING, False)
    if query.strip() and (clicked or pending):
        st.session_state[RESULT] = (query, limit, _run(query, limit))
    last = st.session_state.get(RESULT)
    if last is None:
        if first_visit and query.strip():
            st.info("查询来自链接，尚未运行：请先看一下语句，再点「运行查询」。")
        return
    ran, ran_limit, outcome = last
    if ran != query or ran_limit != limit:
        st.caption("下面是上一次运行的结果；语句或行数已改动，点「运行查询」重新运行。")
    if isinstance(outcome, CourtgraphError):
        _show_error(outcome)
    else:
        _show_result(outcome, ran_limit)


def _limit(value: str | None, most: int) -> int:
    try:
        return min(max(int(value or most), 1), most)
    except ValueError:
        return most


def _run(query: str, limit: int) -> CypherResult | CourtgraphError:
    try:
        check_read_only(query)  # refused statements never need the store
        store = state.store()
        with st.spinner("正在查询…"):
            return run_read_only(store, query, limit=limit, timeout=store.query_timeout)
    except CourtgraphError as exc:
        return exc


def _show_error(exc: CourtgraphError) -> None:
    if isinstance(exc, WriteRefused):
        st.error("已拒绝：" + str(exc), icon="🔒")
    elif isinstance(exc, StoreUnavailable):
        state.show_error(exc)
    else:
        st.error(str(exc))


def _show_result(result: CypherResult, limit: int) -> None:
    import pandas as pd

    n = len(result.rows)
    st.markdown(f"**{n:,}** 行，用时 {result.seconds:.2f} 秒")
    if result.truncated:
        st.warning(
            f"结果超过行数上限，只显示前 {limit:,} 行。请在查询中加上 ORDER BY … LIMIT，"
            "或缩小范围（上限由「最多行数」和 COURTGRAPH_ROW_LIMIT 决定）。"
        )
    if not result.columns:
        st.info("这条语句没有返回列。")
        return
    if not n:
        st.info("查询没有返回任何行。")
    cells = _cells(result.columns, result.rows)
    frame = pd.DataFrame(_blank_empty(cells), columns=result.columns)
    st.dataframe(frame, hide_index=True, width="stretch")
    from ui.common import XLSX_MIME, to_xlsx
    from ui.downloads import ON_CLICK

    left, right = st.columns(2)
    columns = result.columns
    left.download_button(
        "下载 CSV",
        lambda: _csv(columns, cells),
        "cypher-result.csv",
        "text/csv",
        key=f"{P}.csv",
        on_click=ON_CLICK,
    )
    right.download_button(
        "下载 Excel",
        lambda: to_xlsx(columns, cells, sheet="Cypher 查询结果"),
        "cypher-result.xlsx",
        XLSX_MIME,
        key=f"{P}.xlsx",
        on_click=ON_CLICK,
    )


def _text(value: Any) -> Any:
    """Lists, maps, nodes and paths as JSON text; scalars unchanged."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _cells(columns: list[str], rows: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows ready for a table: nested values as JSON, a column of mixed kinds as text."""
    table = [[_text(r.get(c)) for c in columns] for r in rows]
    for i in range(len(columns)):
        kinds = {type(row[i]) for row in table if row[i] is not None}
        if len(kinds) > 1 and not kinds <= {int, float}:
            for row in table:
                if row[i] is not None:
                    row[i] = str(row[i])
    return table


def _blank_empty(cells: list[list[Any]]) -> list[list[Any]]:
    """The table as shown: an empty value (null) as a blank cell, not the word None, in every
    column of text; a column of numbers keeps its nulls, so it still sorts as numbers.

    >>> _blank_empty([["a", None, 1], [None, "x", None]])
    [['a', '', 1], ['', 'x', None]]
    """
    if not cells:
        return cells
    text = [not any(isinstance(row[i], int | float) for row in cells) for i in range(len(cells[0]))]
    return [["" if v is None and t else v for v, t in zip(row, text, strict=True)] for row in cells]


def _csv(columns: list[str], cells: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    writer.writerows([["" if v is None else v for v in row] for row in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8


def _fill(text: str) -> None:
    st.session_state[f"{P}.q"] = text
    st.session_state[PENDING] = True


def _help() -> None:
    with st.expander("图的结构与示例查询"):
        st.markdown(
            "**节点**："
            + "、".join(f"`{label}` {LABEL_ZH[label]}" for label in NODE_LABELS)
            + "。实体节点另有 `Entity` 标签和唯一的 `id`（如 `court:辽宁省本溪市中级人民法院`、"
            "`initiative:诉源治理`），从 `(n:Entity {id: '…'})` 出发的查询最快。\n\n"
            "**关系**："
            + "、".join(f"`{rel}` {REL_ZH[rel]}" for rel in REL_TYPES)
            + "。事实关系带 `fact_id` 和支持它的文档 `doc_ids`；`ADOPTED` 另有 `stage`、"
            "`date`、`date_precision`。\n\n"
            "**常用属性**：`name`、`aliases`、`kind`；法院 `level`、`province`、`city`；"
            "举措 `name_en`、`category`、`candidate`；证据 `fact_id`、`doc_id`、"
            "`original_sentence`（原文写法，`original_start`/`original_end` 为其在原文中的位置）、"
            "`sentence`（规范化文本）；"
            "文档 `title`、`date`、`urls`。\n\n"
            "可调用的只读过程：`db.index.fulltext.queryNodes`、`db.labels`、"
            "`db.relationshipTypes`、`db.propertyKeys`、`db.schema.visualization`。"
        )
        index = fulltext_index(state.settings().backend, "Court")
        for i, (title, text) in enumerate(examples(index).items()):
            st.markdown(f"**示例：{title}**")
            c1, c2 = st.columns([6, 1])
            c1.code(text, language="cypher")
            c2.button(
                "运行此例",
                key=f"{P}.example.{i}",
                help="填入上面的查询框并运行",
                on_click=_fill,
                args=(text,),
            )
