"""What every page shares beyond the store: the chosen collections and the home court.

All are picked in the sidebar and kept in the URL (`collections=a,b`, `home=court:…`,
`verified=1`), so a copied link answers from the same documents, facts and court. The
只看已核实 switch is passed as `verified` to every named query that takes it. The collections are
passed to every named query that takes them (adopters, coverage, timeline, outcomes …: facts
count when one of their documents is in a chosen collection); the home court is the default
court of coverage, analytics and court pickers (setting `COURTGRAPH_HOME_COURT`).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import streamlit as st

from graph.collections import DEMO_COLLECTION
from graph.errors import CourtgraphError
from ui import common, state

COLLECTIONS_KEY = "scope.collections"
VERIFIED_KEY = "scope.verified"
HOME_KEY = "scope.home"
NO_HOME = ""


# Every page's sidebar lists the collections with their sizes, which counts every document
# (a second or more on a national corpus). The list is kept per store (its description) for
# the server's life, with the number of documents it was counted at (the change token's
# count: no read of its own) and the caches' generation (`_generation`). A different number
# of documents counts again before the page is drawn, so documents imported or deleted show
# at once (the first count on a large store excepted: `BACKGROUND_COUNT_DOCS`); after
# `COLLECTIONS_FRESH_S`, or once the caches were cleared (an import, a delete or a review
# decision in the app) and the list is half a minute old, it is counted again in the
# background, the previous list shown meanwhile.
COLLECTIONS_FRESH_S = 300.0
_SIZES: dict[str, tuple[tuple[int, str], float, list[dict[str, Any]]]] = {}
_RECOUNT: dict[str, Future[None]] = {}
_SIZES_LOCK = threading.Lock()
_COUNTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="collection-sizes")


@st.cache_data(show_spinner=False)
def _generation(where: str) -> str:
    """A token that changes whenever the app's caches are cleared (state.clear_caches)."""
    import uuid

    return uuid.uuid4().hex


def _documents_now() -> tuple[Any, str, tuple[int, str]]:
    """The store, its description (the kept counts' key) and what the counts are kept for:
    its number of documents now (the change token's count, `state.document_count`: no read
    of its own) and the caches' generation."""
    store = state.store()
    where = store.description
    return store, where, (state.document_count(), _generation(where))


def _count_collections(store: Any, where: str, documents: Any) -> list[dict[str, Any]]:
    import queries
    from graph import collection_counts

    # a store without the kept counts (from before them) is counted once and keeps them:
    # a lookup from then on, after the explorer's or the store server's restarts too
    collection_counts.keep(store)
    found = queries.run(store, "collections", {}).rows
    with _SIZES_LOCK:
        _SIZES[where] = (documents, time.monotonic(), found)
    return found


def _recount(store: Any, where: str, documents: Any) -> None:
    _count_collections(store, where, documents)


#: the first count on a store of at least this many documents does not hold up the page: on
#: the 1M graph (200,000 documents) it scans them all, 0.6 s on a running server, 5-15 s just
#: after the server started on a busy machine; the explorer's first page paid it every time.
#: In a server the warm-up counts them (`count_first`); without one, a page starts the count
BACKGROUND_COUNT_DOCS = 20_000
#: how long a page that started that count waits for it before it is drawn without the sizes
FIRST_COUNT_WAIT_S = 0.5
_FIRST: dict[str, Future[list[dict[str, Any]]]] = {}  # the first count, per store
_LATE: set[str] = set()  # stores whose first count was waited for in vain


def collection_sizes() -> list[dict[str, Any]] | None:
    """The collections and their numbers of documents (`collections` query), kept as above.
    None while the first count on a large store (`BACKGROUND_COUNT_DOCS`) runs on after
    `FIRST_COUNT_WAIT_S`: the page is drawn without them, a later one shows them."""
    store, where, documents = _documents_now()
    n = documents[0]
    with _SIZES_LOCK:
        have = _SIZES.get(where)
        if have is not None and have[0][0] == n:
            job = _RECOUNT.get(where)
            age = time.monotonic() - have[1]
            # a cleared cache asks again, at most every half minute: a reviewer's decisions
            # clear it one after another, and the count keeps the server busy for a while
            stale = age > COLLECTIONS_FRESH_S or (have[0] != documents and age > 30)
            if stale and (job is None or job.done()):
                _RECOUNT[where] = _COUNTER.submit(_recount, store, where, documents)
            return have[2]
        first = have is None and n >= BACKGROUND_COUNT_DOCS
        if first:
            job = _FIRST.get(where)
            if job is None and counting_ahead():
                return None  # the explorer's warm-up counts them (`count_first`)
            if job is None or job.done():  # (one that failed is asked again)
                job = _FIRST[where] = _COUNTER.submit(_count_collections, store, where, documents)
                _LATE.discard(where)
            late = where in _LATE
    if not first:
        return _count_collections(store, where, documents)
    try:  # waited for once: the sidebar, the banner and 总览 ask in turn
        return job.result(timeout=0 if late else FIRST_COUNT_WAIT_S)
    except TimeoutError:
        with _SIZES_LOCK:
            _LATE.add(where)
        return None


def count_now() -> list[dict[str, Any]] | None:
    """The collections counted again, kept for every page (a name the last count did not
    know was asked for). On a large store (`BACKGROUND_COUNT_DOCS`) the count runs in the
    background and is waited for `FIRST_COUNT_WAIT_S` at most: None meanwhile (a later page
    has it)."""
    store, where, documents = _documents_now()
    if documents[0] < BACKGROUND_COUNT_DOCS:
        return _count_collections(store, where, documents)
    with _SIZES_LOCK:
        job = _RECOUNT.get(where)
        if job is None or job.done():
            job = _RECOUNT[where] = _COUNTER.submit(_recount, store, where, documents)
    try:
        job.result(timeout=FIRST_COUNT_WAIT_S)
    except TimeoutError:
        return None
    with _SIZES_LOCK:
        have = _SIZES.get(where)
    return have[2] if have is not None else None


def counting_ahead() -> bool:
    """Whether this server's warm-up (ui/warm.py) is still to run or running: it counts a
    large store's collections (`count_first`) after the reads of the pages a visitor opens
    first, rather than the first page starting the count beside them (on the 1M graph's
    just-started server it took 15 s at load 11, and 总览, opened next, 4.9 s instead of 1)."""
    from ui import warm

    return warm.running_or_ahead()


def count_first() -> None:
    """A large store's first count of its collections, now, kept for every page's sidebar:
    the warm-up's read. Nothing for a store pages count themselves (smaller than
    `BACKGROUND_COUNT_DOCS`) or one counted already; a count running is waited for."""
    store, where, documents = _documents_now()
    with _SIZES_LOCK:
        if documents[0] < BACKGROUND_COUNT_DOCS or where in _SIZES:
            return
        job = _FIRST.get(where)
        if job is None or job.done():
            job = _FIRST[where] = _COUNTER.submit(_count_collections, store, where, documents)
            _LATE.discard(where)
    job.result()


#: what a page says where the sizes are not counted yet
SIZES_NOTE = "正在统计各文档集的文档数（首次打开时需要几秒钟），稍后刷新本页即可看到。"


def collections() -> list[str] | None:
    """The chosen collections (None: all documents)."""
    chosen = st.session_state.get(COLLECTIONS_KEY)
    if chosen is None:
        raw = state.param("collections")
        chosen = [c for c in raw.split(",") if c.strip()] if raw else []
    return sorted(chosen) or None


def collections_key() -> str:
    """The chosen collections as one text, for cache keys."""
    return ",".join(collections() or [])


def verified_only() -> bool:
    """The sidebar's 只看已核实 switch (URL `verified=1`): answers from confirmed or
    corrected facts only."""
    chosen = st.session_state.get(VERIFIED_KEY)
    if chosen is None:
        return state.param("verified") in ("1", "true")
    return bool(chosen)


def scoped(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """`params` with the chosen collections and the 只看已核实 switch added when query `name`
    takes them and the caller did not set them."""
    import queries

    chosen = collections()
    taken = {p.name for p in queries.get(name).params}
    out = dict(params)
    if chosen and "collections" not in out and "collections" in taken:
        out["collections"] = ",".join(chosen)
    if verified_only() and "verified" not in out and "verified" in taken:
        out["verified"] = True
    return out


@st.cache_data(ttl=300, max_entries=16, show_spinner=False)
def _home_of_settings(store_key: str, value: str) -> str | None:
    try:
        return state.resolve(value)
    except CourtgraphError:
        return None


def home_court() -> str | None:
    """The home court's id: the sidebar's choice, else the URL's `home`, else the setting."""
    chosen = st.session_state.get(HOME_KEY)
    if chosen is not None:
        return chosen or None
    raw = state.param("home")
    if raw:
        return raw
    value = state.settings().home_court
    return _home_of_settings(state.store().description, value) if value else None


HOME_PROVINCE_KEY = "scope.home_province"
NATIONAL = common.NATIONAL


def _home_choices(courts: list[dict[str, Any]], home: str | None) -> list[str]:
    """The court ids the home-court box offers: every court, or on a large graph those of
    the province chosen in a box above it (at first the home court's own; with none, the box
    asks rather than choosing 全国 and listing the courts of no province)."""
    listed = common.courts_by_province(
        courts,
        HOME_PROVINCE_KEY,
        home,
        label="本院所在省份",
        help="先选省份，下面的“本院”列出这个省的法院",
    )
    return [r["court_id"] for r in courts] if listed is None else listed


def sidebar() -> None:
    """The collection and home-court pickers (in the sidebar), mirrored into the URL."""
    try:
        found = collection_sizes()
        courts = state.rows("superior_courts")
    except CourtgraphError:
        return  # the page reports the store's trouble
    counting = found is None  # the chosen collections stay chosen meanwhile
    asked = collections() or []
    if found is not None and any(c not in {r["collection"] for r in found} for c in asked):
        # a collection made since the last count (files put into a new collection on the
        # command line leave the number of documents as it was): counted again, now
        found = count_now()
    if found is None:
        found = [{"collection": c, "documents": None} for c in asked]
    names = [r["collection"] for r in found]
    sizes = {r["collection"]: r["documents"] for r in found}
    if VERIFIED_KEY not in st.session_state:
        st.session_state[VERIFIED_KEY] = verified_only()
    chosen_before = st.session_state.get(COLLECTIONS_KEY, asked)
    dropped = [c for c in chosen_before if c not in sizes]
    st.session_state[COLLECTIONS_KEY] = [c for c in chosen_before if c in sizes]
    if dropped:  # a link's mistyped name, or a collection deleted meanwhile: said, not hidden
        st.sidebar.warning(
            "图中没有文档集"
            + "、".join(f"「{c}」" for c in dropped)
            + "，各页按"
            + ("其余所选文档集" if st.session_state[COLLECTIONS_KEY] else "全部文档")
            + "回答。现有文档集："
            + ("、".join(names) or "（无）"),
            icon="⚠️",
        )
    with st.sidebar:
        chosen = st.multiselect(
            "文档集",
            names,
            key=COLLECTIONS_KEY,
            format_func=lambda c: c if sizes.get(c) is None else f"{c}（{sizes[c]} 篇）",
            placeholder="正在统计文档集…" if counting else "全部文档",
            disabled=counting,
            help="各页的回答（采用单位、辖区覆盖、时间线、成效数据、总览的举措排行、举措选择框的"
            "单位数，以及扩散分析的省份覆盖表、共同采用、先行单位和面板数据）只计这些文档集中的"
            "文档所支持的事实；不选 = 全部文档。",
        )
        verified = st.toggle(
            "只看已核实",
            key=VERIFIED_KEY,
            help="打开后，各页的回答、分析和导出只用审核人员已确认或已修改的事实；"
            "关闭时也计入待核实（机器抽取、尚未审核）的事实。",
        )
        by_id = {r["court_id"]: r for r in courts}
        home = home_court()
        listed = _home_choices(courts, home)
        options = [NO_HOME, *listed]
        if home and home not in listed:
            options.insert(1, home)
        if HOME_KEY not in st.session_state or st.session_state[HOME_KEY] not in options:
            st.session_state[HOME_KEY] = home if home in options else NO_HOME
        picked = st.selectbox(
            "本院（默认法院）",
            options,
            key=HOME_KEY,
            format_func=lambda c: (
                "（未设置）"
                if c == NO_HOME
                else (by_id[c]["court"] if c in by_id else c.split(":", 1)[-1])
            ),
            help="覆盖统计、扩散分析和各页法院选择的默认法院；也可用设置 COURTGRAPH_HOME_COURT",
        )
    setting = state.settings().home_court
    default_home = _home_of_settings(state.store().description, setting) if setting else None
    state.set_params(
        collections=sorted(chosen) or None,
        verified="1" if verified else None,
        home=None if (picked or None) == default_home else (picked or None),
    )


def demo_banner() -> None:
    """While demo documents are in the graph and the sidebar's choice takes them in (every
    document, or the demo collection among those chosen), say so and how to remove them:
    with only the user's own collections chosen, the answers hold no demo facts and the
    banner only alarmed. (A demo document also put in an own collection is not looked for:
    it would cost a scan of the documents on every page; pictures and briefings mark the demo
    documents they cite.)"""
    chosen = collections()
    if chosen and DEMO_COLLECTION not in chosen:
        return
    try:
        sizes = collection_sizes()
    except CourtgraphError:
        return
    if sizes is None:  # still counting: the next page says it
        return
    found = {r["collection"]: r["documents"] for r in sizes}
    if found.get(DEMO_COLLECTION):
        st.warning(
            f"图中有 {found[DEMO_COLLECTION]} 篇演示文档（文档集「{DEMO_COLLECTION}」，内容为虚构的"
            "示例事实）。删除它们及只由它们支持的事实：`python -m graph delete-collection "
            f"{DEMO_COLLECTION}`；或在侧栏只选择自己的文档集。",
            icon="⚠️",
        )


def documents_table(key: str) -> None:
    """The documents of the chosen collections, latest first, undated last, a page of 200 at
    a time (the page is kept in the URL as `docs_page`)."""
    from queries.documents import PAGE_SIZE
    from ui.common import table

    page_key = f"{key}.page"
    state.widget_value(page_key, "docs_page", lambda v: int(v) if v and v.isdigit() else 1)
    page = max(1, int(st.session_state.get(page_key) or 1))
    rows, more = state.run("all_documents", {"page": page})
    if not rows and page == 1:
        st.info("所选文档集中还没有文档。")
        return
    if not rows:
        st.info(f"第 {page} 页没有文档：已超过最后一页。")
    undated = sum(1 for r in rows if not r.get("date"))
    shown = [
        {
            **r,
            "date_shown": r.get("date") or "（无日期）",
            "collections_shown": "、".join(r.get("collections") or []),
        }
        for r in rows
    ]
    table(
        shown,
        {"title": "标题", "date_shown": "日期", "site": "网站", "collections_shown": "文档集"},
        links={"全文": lambda r: state.doc_link(r["doc_id"])},
        key=key,
    )
    first = (page - 1) * PAGE_SIZE + 1
    note = f"第 {page} 页：第 {first}–{first + len(rows) - 1} 篇（最新的在前，没有日期的列在最后）"
    if undated:
        note += f"；本页 {undated} 篇没有日期"
    if more:
        note += "；后面还有，翻页查看"
    st.caption(note)
    if page > 1 or more:
        st.number_input(  # the URL keeps the page
            "页码",
            min_value=1,
            max_value=100_000,
            step=1,
            key=page_key,
            help=f"每页 {PAGE_SIZE} 篇",
        )
    state.set_params(docs_page=None if page == 1 else page)


def tribunal_roster_note(levels: list[Any]) -> None:
    """Under a coverage table: tribunals are counted only where a roster was imported."""
    tribunal = next((lv for lv in levels if lv.level == "tribunal"), None)
    if tribunal is None:
        return
    if not tribunal.has_denominator:
        st.info(
            "人民法庭层级没有覆盖率：辖区内没有法院导入人民法庭名录，无法知道共有多少个法庭。"
            "请在「导入」页上传名录，或运行 `python -m ingest roster 名录.xlsx`。"
        )
    elif tribunal.courts_without_roster:
        st.caption(
            f"人民法庭按 {tribunal.roster_courts} 个已导入名录的基层法院统计；"
            f"另有 {tribunal.courts_without_roster} 个基层法院没有导入名录，其法庭未计入。"
        )


def counted_units(
    rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The `coverage` query's rows that count (tribunals only when an imported roster lists
    them), and the tribunals articles named outside any roster."""
    counted = [r for r in rows if r.get("level") != "tribunal" or r.get("roster")]
    outside = [r for r in rows if r.get("level") == "tribunal" and not r.get("roster")]
    return counted, outside


def coverage_rows_note(
    rows: list[dict[str, Any]],
    court_level: str | None,
    outside: list[dict[str, Any]] | None = None,
) -> None:
    """Under the 举措 page's coverage: which tribunals were counted (only those of imported
    rosters), from the `coverage` query's counted rows, and the adopting ones outside."""
    adopted_outside = [r["unit"] for r in outside or [] if r.get("adopted")]
    if adopted_outside:
        st.caption(
            f"另有 {len(adopted_outside)} 个文章提到、但不在已导入名录中的人民法庭有推行记录（未计入）："
            + "、".join(adopted_outside[:10])
        )
    if court_level in ("tribunal", "special"):
        return
    tribunals = [r for r in rows if r.get("level") == "tribunal"]
    basic = [r for r in rows if r.get("level") == "basic"]
    if not tribunals:
        st.caption(
            "人民法庭未计入：辖区内没有法院导入人民法庭名录（「导入」页或 "
            "`python -m ingest roster 名录.xlsx`），无法知道共有多少个法庭。"
        )
    elif basic:
        without = sum(1 for r in basic if not r.get("has_roster"))
        if without:
            st.caption(f"人民法庭只计已导入名录的法院；另有 {without} 个基层法院没有导入名录。")
