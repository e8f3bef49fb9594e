"""What every page shares: the cached store and query results, URL state, links and errors.

The store comes from `Settings.from_env()` (so tests point the app at their own embedded
store with COURTGRAPH_DATA_DIR); the page, entity and filters live in `st.query_params`, so a
copied link opens the same view.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import streamlit as st

from graph.errors import BadParameter, CourtgraphError, EntityNotFound, StoreUnavailable
from graph.model import CATEGORY_ZH, ENTITY_LABELS, LABEL_ZH, LEVEL_ZH, STAGE_ZH, label_of
from graph.settings import Settings

PAGES: dict[str, str] = {
    "overview": "总览",
    "initiative": "举措",
    "unit": "法院 / 单位",
    "network": "网络",
    "path": "路径",
    "search": "检索",
    "evidence": "证据 / 文档",
    "import": "导入",
    "export": "导出",
    "analytics": "扩散分析",
    "cypher": "Cypher 查询（只读）",
    "review": "审核",
}
KIND_CHOICES = list(ENTITY_LABELS)
ALL = "全部"


# -- store and cached reads ------------------------------------------------------------
@st.cache_resource(show_spinner="正在连接图数据库…", max_entries=4)
def _open_store(settings: Settings):  # type: ignore[no-untyped-def]
    from graph.store import open_store

    return open_store(settings)


def settings() -> Settings:
    return Settings.from_env()


def store():  # type: ignore[no-untyped-def]
    """The configured store, opened once per settings (raises StoreUnavailable)."""
    return _open_store(settings())


#: how long a store's change token is taken as current (one page run reads it once or twice)
TOKEN_FRESH_S = 1.0
_TOKENS: dict[str, tuple[float, str]] = {}
_TOKENS_LOCK = threading.Lock()


def store_key() -> str:
    """What every cached answer is keyed on: the store and its change token
    (`GraphStore.change_token`), so a document ingested, deleted or decided on by another
    process or user shows on the next page, not when the cache expires. The token is read at
    most once a second per store."""
    s = store()
    now = time.monotonic()
    with _TOKENS_LOCK:
        have = _TOKENS.get(s.description)
    if have is not None and now - have[0] < TOKEN_FRESH_S:
        return have[1]
    key = f"{s.description}|{s.change_token()}"
    with _TOKENS_LOCK:
        _TOKENS[s.description] = (now, key)
    return key


def document_count() -> int:
    """The store's number of documents as its change token counted them for `store_key`
    (its first count, `GraphStore.change_token`): at most `TOKEN_FRESH_S` old, and no read
    of its own. Every page's sidebar asks for it two or three times (the collections' sizes
    are kept per number of documents), and 总览 once more: each a round trip to the server,
    a tenth of a second or more on a just-started server of the 1M graph."""
    return int(store_key().rsplit("|", 1)[1].split(":", 1)[0])


@st.cache_data(ttl=300, max_entries=512, show_spinner=False)
def _rows(store_key: str, name: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    import queries

    result = queries.run(store(), name, params)
    return result.rows, result.truncated


#: named queries whose answers are large (the most adopted initiative of the 1M graph has
#: 7,400 adopters, 2 MB pickled): kept as they are rather than pickled into the cache on the
#: first visit and out of it again on every later one. Their rows are shared: never changed
SHARED = frozenset({"adopters"})


@st.cache_resource(ttl=300, max_entries=8, show_spinner=False)
def _shared_rows(
    store_key: str, name: str, params: dict[str, Any]
) -> tuple[list[dict[str, Any]], bool]:
    import queries

    result = queries.run(store(), name, params)
    return result.rows, result.truncated


def _answer(name: str, params: dict[str, Any] | None) -> tuple[list[dict[str, Any]], bool]:
    from ui.scope import scoped

    cached = _shared_rows if name in SHARED else _rows
    return cached(store_key(), name, scoped(name, dict(params or {})))


def prefetch(name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a named query as a page asks for them with the sidebar's defaults (every
    collection, 只看已核实 off), kept in the pages' cache: the explorer's warm-up (ui/warm.py)
    runs outside any page, so it cannot read a visitor's choices. A visitor with other
    choices asks for another answer; a store changed meanwhile, under another key."""
    cached = _shared_rows if name in SHARED else _rows
    return cached(store_key(), name, dict(params or {}))[0]


def rows(name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a named query (cached for a few minutes), from the chosen collections. The
    rows of a `SHARED` query are the cache's own: read them, never change them."""
    return _answer(name, params)[0]


def run(name: str, params: dict[str, Any] | None = None) -> tuple[list[dict[str, Any]], bool]:
    """(rows, truncated) of a named query (cached), from the chosen collections (see `rows`)."""
    return _answer(name, params)


#: the kinds whose ids are their names after a prefix (`initiative:诉源治理`): a link may put an
#: alias there (`initiative:源头治理`), which names the entity as the alias alone does
_NAMED_KINDS = {
    "court": "Court",
    "tribunal": "Tribunal",
    "initiative": "Initiative",
    "org": "Organization",
}


@st.cache_data(ttl=300, max_entries=256, show_spinner=False)
def _resolve(store_key: str, value: str, label: str | None) -> str:
    import queries
    from graph.errors import EntityNotFound

    found = queries.resolve_entity(store(), value, label=label, where=f"“{value}”")
    prefix, _, name = found.partition(":")
    kind = _NAMED_KINDS.get(prefix)
    if found != value or not kind or not name or label not in (None, kind):
        return found
    if store().read("MATCH (n:Entity {id: $id}) RETURN n.id AS id", {"id": value}, limit=1):
        return value
    # an id the graph does not have, such as initiative:<alias>: the entity of that name or
    # alias and kind, else the id as given (the page says the graph has no such entity)
    try:
        return queries.resolve_entity(store(), name, label=kind, where=f"“{value}”")
    except EntityNotFound:
        return value


def resolve(value: str, label: str | None = None) -> str:
    """An entity id from an id or a name/alias (simplified or traditional)."""
    return _resolve(store_key(), value.strip(), label)


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _counts(store_key: str) -> dict[str, int]:
    return store().node_counts()


def counts() -> dict[str, int]:
    """Nodes per label (instant on any size)."""
    return _counts(store_key())


@st.cache_data(ttl=300, max_entries=64, show_spinner="正在统计关系数…")
def _relationship_counts(store_key: str) -> dict[str, int]:
    return store().relationship_counts()


def relationship_counts() -> dict[str, int]:
    """Relationships per type (seconds on a national graph in the embedded server)."""
    return _relationship_counts(store_key())


def entity(entity_id: str) -> dict[str, Any]:
    """Every property of one entity; EntityNotFound if it is not in the graph."""
    found = rows("entity", {"entity": entity_id})
    if not found:
        raise EntityNotFound(f"图中没有 id 为 {entity_id!r} 的实体")
    return dict(found[0]["properties"])


@st.cache_data(ttl=300, max_entries=64, show_spinner=False)
def _subgraph(  # type: ignore[no-untyped-def]
    store_key: str,
    entity_id: str,
    depth: int,
    kinds: tuple[str, ...],
    limit: int,
    verified: bool,
    collections: tuple[str, ...] = (),
):
    from queries.explore import neighbourhood_graph as neighbourhood

    return neighbourhood(
        store(),
        entity_id,
        depth=depth,
        kinds=list(kinds) or None,
        limit=limit,
        verified=verified,
        collections=list(collections) or None,
    )


def subgraph(  # type: ignore[no-untyped-def]
    entity_id: str, *, depth: int, kinds: list[str], limit: int, verified: bool | None = None
):
    """The neighbourhood of an entity as a networkx graph (cached); of confirmed facts only
    when `verified` (default: the sidebar's 只看已核实 switch); of the facts the sidebar's
    文档集 support (and the roster's hierarchy) when some are chosen, as every page counts."""
    from ui.scope import collections, verified_only

    if verified is None:
        verified = verified_only()
    chosen = tuple(sorted(collections() or ()))
    return _subgraph(store_key(), entity_id, depth, tuple(sorted(kinds)), limit, verified, chosen)


def clear_caches() -> None:
    st.cache_data.clear()
    _shared_rows.clear()
    import sys

    analytics = sys.modules.get("ui.analytics.shared")  # its timelines, if it has any
    if analytics is not None:
        analytics.clear_shared()
    with _TOKENS_LOCK:
        _TOKENS.clear()


# -- the server's heap ------------------------------------------------------------------------
_FROZEN: list[str] = []  # the moments the heap was frozen, once each


def in_a_server() -> bool:
    """Whether a Streamlit server runs this process: AppTest's runtime is a mock (the test
    process's heap is not the explorer's)."""
    from streamlit import runtime
    from streamlit.runtime import Runtime

    return runtime.exists() and type(runtime.get_instance()) is Runtime


def freeze_heap(moment: str) -> bool:
    """Hand what a server process has loaded by `moment` (modules, the store's driver,
    fonts …) to `gc.freeze`, once per moment: Python's full collections then skip it. With
    Streamlit's collection after every run (off in .streamlit/config.toml), walking it took
    0.05–0.6 s of every page, cold or warm, before the browser heard the page was done; the
    collector's own full runs did as much in the middle of a page. Only in a server
    (`in_a_server`). True when it froze."""
    import gc

    if moment in _FROZEN or not in_a_server():
        return False
    _FROZEN.append(moment)
    gc.freeze()
    return True


# -- URL state ---------------------------------------------------------------------------
def param(name: str, default: str | None = None) -> str | None:
    value = st.query_params.get(name)
    return value if value not in (None, "") else default


def set_params(**values: Any) -> None:
    """Mirror widget values into the URL (None/empty removes the parameter)."""
    for key, value in values.items():
        if value is None or value == "" or value == [] or value is False:
            if key in st.query_params:
                del st.query_params[key]
        else:
            text = ",".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
            if st.query_params.get(key) != text:
                st.query_params[key] = text


def widget_value(key: str, name: str, parse: Callable[[str | None], Any]) -> None:
    """Initialise a widget's session state from the URL the first time the page shows."""
    if key not in st.session_state:
        st.session_state[key] = parse(param(name))


def goto(page: str, **params: Any) -> None:
    """Switch page (as a button callback): new URL state, widgets re-read it."""
    st.query_params.clear()
    st.query_params["page"] = page
    set_params(**params)
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(f"{page}."):
            del st.session_state[key]
    st.session_state["nav"] = page


def page_of(entity_id: str) -> str:
    try:
        return "initiative" if label_of(entity_id) == "Initiative" else "unit"
    except ValueError:
        return "unit"


# the ASCII characters `quote(c, safe=":@/-_.~")` changes; every other one stays as it is
_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-~:@/\x80-\U0010ffff]")


def url_value(value: str) -> str:
    """Escape what would break a query string; Chinese stays readable in the link (one
    regular expression: a page links thousands of rows)."""
    return _UNSAFE.sub(lambda m: quote(m.group(), safe=":@/-_.~"), value)


def link(entity_id: str | None) -> str | None:
    """A shareable relative URL to an entity's page."""
    if not entity_id:
        return None
    return f"?page={page_of(entity_id)}&id={url_value(entity_id)}"


def evidence_link(fact_id: str | None) -> str | None:
    return f"?page=evidence&fact={url_value(fact_id)}" if fact_id else None


def doc_link(doc_id: str | None) -> str | None:
    return f"?page=evidence&doc={url_value(doc_id)}" if doc_id else None


# -- labels --------------------------------------------------------------------------------
def kind_zh(kind: str | None) -> str:
    return LABEL_ZH.get(kind or "", kind or "")


def level_zh(level: str | None) -> str:
    return LEVEL_ZH.get(level or "", level or "")


def stage_zh(stage: str | None) -> str:
    return STAGE_ZH.get(stage or "", stage or "")


def category_zh(category: str | None) -> str:
    """The Chinese name of a taxonomy category, its code when it has none."""
    return CATEGORY_ZH.get(category or "", category or "")


# -- errors ----------------------------------------------------------------------------------
def show_error(exc: CourtgraphError) -> None:
    """A Chinese message with what to do, never a traceback."""
    if isinstance(exc, StoreUnavailable):
        st.error(
            "无法连接图数据库。请检查设置：使用 Neo4j 时设置 NEO4J_URI / NEO4J_USER / "
            "NEO4J_PASSWORD；使用内置数据库时检查 COURTGRAPH_DATA_DIR，并可运行 "
            "`python -m graph status` 查看状态。\n\n详情：" + str(exc)
        )
    elif type(exc).__name__ == "AmbiguousName":
        from ui.suggest import show_ambiguous

        show_ambiguous(exc)
    elif isinstance(exc, EntityNotFound) and getattr(exc, "name", None):
        from ui.suggest import show_not_found

        show_not_found(exc)
    elif isinstance(exc, EntityNotFound):
        st.error(
            "图中没有找到这个实体。请检查名称或 id，或到「检索」页按名称、别名搜索。\n\n详情："
            + str(exc)
        )
    elif isinstance(exc, BadParameter):
        st.error("参数有误，请修改后重试。\n\n详情：" + str(exc))
    else:
        st.error("操作未能完成：" + str(exc))
