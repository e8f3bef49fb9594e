"""The store server's first answers, paid in the background once the explorer's first page is
drawn, not by the first visitor of each page.

A store server started a moment ago answers each kind of read slowly the first time: its JVM
loads and compiles the query engine's code for it, and its caches hold none of the graph. On
the 1M-relationship benchmark graph, just after the server started, 检索's full-text search
took 1.0–1.4 s the first time and 0.1–0.2 s the second, 网络's neighbourhood 0.6 s and 0.1,
审核's 0.3–0.5 s and 0.1, 举措's adopters of the most adopted initiative 0.6–0.8 s and 0.3
(1.1 s the second time on a busy machine). So after its first page the explorer runs those
reads once, one after another, in a thread of its own, never starting one while a page is
drawn.

总览's answers, and 举措's and 扩散分析's of the most adopted initiative (the one 总览 lists
first), are kept in the pages' own caches as a visitor with the sidebar's defaults asks for
them (`state.prefetch`): their first visits then read nothing but what every visit reads.
The cached answers are keyed on the store's change token as every page's are, so a store
changed meanwhile is asked again. The other pages' reads (their entities are the visitor's
choice) only warm the server: those answers are thrown away. A large store's collections,
which every page's sidebar lists, are counted next (`scope.count_first`: a scan of every
document, which no page waits for). The slowest reads (检索's first full-text search, 审核's
first queue, seconds each on a just-started server) come last.

Last, on a store of `scope.BACKGROUND_COUNT_DOCS` documents or more, 总览's reads, then
举措's and 扩散分析's of the initiative 总览 lists first, are handed to the embedded store's
server (`keep_for_server`), which runs them once after each of its starts
(graph/embedded.py `warm_up`): a server started a moment ago then has them run before
the explorer's warm-up, which starts only after a first page, asks for them again; the first
总览 of a day no longer pays the server's first runs of its reads, and its next visits no
longer share the server with the first runs of the other pages' reads.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from graph.errors import CourtgraphError

#: a read of the warm-up: what it stands for (a page), and the read itself
Read = tuple[str, Callable[[], object]]


def reads(store: Any) -> list[Read]:
    """The reads the pages send first, in the order a visitor meets them (总览 leads to the
    most adopted initiative), on the store's own entities: the most adopted initiative and
    the first court of the hierarchy's top (the supreme court on a national graph). On an
    empty store only the reads that need no entity. 总览's come first: it is the page a
    visitor opens next when the first was another (a shared link, 导入). 总览's, 举措's and
    扩散分析's answers are kept for their pages (see the module's docstring)."""
    import queries
    from graph import review
    from queries.explore import neighbourhood_graph
    from ui import state
    from ui.analytics.shared import prefetch_timeline
    from ui.scope import count_first

    top = state.prefetch("top_initiatives")  # 总览's list
    courts = state.prefetch("superior_courts")  # every page's sidebar
    out: list[Read] = [
        ("总览", state.counts),
        ("总览", lambda: state.prefetch("adoption_tally")),
        ("总览", lambda: state.prefetch("all_documents", {"page": 1})),
        ("举措", lambda: state.prefetch("initiatives")),
    ]
    if top:
        initiative = str(top[0]["initiative_id"])
        out += [
            ("举措", lambda: state.prefetch("entity", {"entity": initiative})),
            ("举措", lambda: state.prefetch("adopters", {"initiative": initiative})),
            ("扩散分析", lambda: prefetch_timeline(initiative)),
        ]
    # a large store's collections, which every page's sidebar lists: counted after the reads
    # of the pages a visitor opens first (a scan of every document; no page starts it meanwhile)
    out.append(("侧栏", count_first))
    if courts:
        court, name = str(courts[0]["court_id"]), str(courts[0]["court"])
        out += [
            ("法院 / 单位", lambda: queries.run(store, "hierarchy", {"unit": court})),
            ("法院 / 单位", lambda: queries.run(store, "adopted_by", {"unit": court})),
            ("网络", lambda: neighbourhood_graph(store, court, depth=1, limit=200)),
            # a just-started server's first full-text search: 1-10 s
            ("检索", lambda: queries.run(store, "search", {"q": name})),
        ]
    out += [
        ("审核", lambda: review.provinces(store)),
        # the queue as 审核 opens it: its first kind of fact (adoptions); like the page's
        # first visit, it builds the kind's stored queue head when there is none (a
        # just-started server of the 1M graph: 5-17 s, the slowest of these reads)
        ("审核", lambda: review.queue(store, kinds=[next(iter(review.KINDS))], limit=21)),
        # last: 总览's reads run again (on a server warm by now), kept for the server's starts
        ("总览", lambda: keep_for_server(store)),
    ]
    return out


#: the named queries whose reads the store server runs after each start (`keep_for_server`):
#: 总览's, as a visitor with the sidebar's defaults asks for them, and the sidebar's courts
KEPT_FOR_SERVER: list[tuple[str, dict[str, Any]]] = [
    ("superior_courts", {}),
    ("top_initiatives", {}),
    ("adoption_tally", {}),
    ("all_documents", {"page": 1}),
]


class _Recorder:
    """A store whose reads are recorded (text and parameters, as sent) and passed on."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def read(self, cypher: str, params: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        self.sent.append((cypher, dict(params or {})))
        return self._store.read(cypher, params, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def keep_for_server(store: Any) -> bool:
    """Have an embedded store's server run 总览's reads (`KEPT_FOR_SERVER`, the very texts
    and parameters they send) once after each of its starts (`EmbeddedServer.keep_warm`),
    on a store of `scope.BACKGROUND_COUNT_DOCS` documents or more: the first 总览 of the
    next day, on a server just started, then finds them run. On a smaller store the reads
    kept before are removed. Recorded by running them (on
    a server warm by now, a fraction of a second), since the page may have cached them.
    True when they were kept."""
    import queries
    from ui import state
    from ui.scope import BACKGROUND_COUNT_DOCS

    server = getattr(store, "embedded", None)
    if server is None:
        return False
    if state.document_count() < BACKGROUND_COUNT_DOCS:
        # a store grown small again (rebuilt, documents deleted): no reads kept from before
        server.warm_file.unlink(missing_ok=True)
        return False
    recorder = _Recorder(store)
    # what every page reads first (the change token of its cache keys) and 总览's counts: the
    # store's own reads, made through the recorder
    type(store).change_token(recorder)
    type(store).node_counts(recorder)
    top: list[dict[str, Any]] = []
    for name, params in KEPT_FOR_SERVER:
        rows = queries.run(recorder, name, params).rows
        top = rows if name == "top_initiatives" else top
    if top:  # after 总览's: the reads of the initiative it lists first (`top_reads`)
        top_reads(recorder, str(top[0]["initiative_id"]))
    server.keep_warm(recorder.sent)
    return True


def top_reads(store: Any, initiative: str) -> None:
    """举措's and 扩散分析's reads of `initiative` (总览's first, the most adopted), as those
    pages send them with the sidebar's defaults: kept for the server's starts after 总览's
    (`keep_for_server`). On the 1M graph the explorer's warm-up asked a just-started server
    for them first while 总览 was visited again: 7,400 adopters 1.9 s and the timeline 2.1 s
    at load 7 (0.3 and 0.5 s on a server that had run them), beside 总览's second and third
    visits (1.2, 2.0, 2.4 s)."""
    import queries
    from queries import analytics

    queries.run(store, "entity", {"entity": initiative})
    queries.run(store, "adopters", {"initiative": initiative})
    analytics.timeline(store, initiative, collections=None, verified_only=False)


_RUNNING = [0]  # pages being drawn now
_RUNNING_LOCK = threading.Lock()
#: seconds between looks at whether a page is still being drawn
POLL_S = 0.05


@contextlib.contextmanager
def page_drawn() -> Iterator[None]:
    """Around a page's run (app.py): the warm-up starts no read meanwhile, so a page shares
    the server with a warm-up read only when that read began before the page did."""
    with _RUNNING_LOCK:
        _RUNNING[0] += 1
    try:
        yield
    finally:
        with _RUNNING_LOCK:
            _RUNNING[0] -= 1


def _wait_for_pages() -> None:
    while _RUNNING[0] > 0:
        time.sleep(POLL_S)


def warm_up(store: Any) -> list[str]:
    """Run `reads(store)` once each, each when no page is being drawn, and return the pages
    they stand for, one per read that answered. A read that fails is passed over: its page
    runs it again and says what went wrong there."""
    done: list[str] = []
    try:
        _wait_for_pages()
        todo = reads(store)
    except CourtgraphError:
        return done
    for page, read in todo:
        _wait_for_pages()
        try:
            read()
        except CourtgraphError:
            continue
        done.append(page)
    return done


_STARTED: list[threading.Thread] = []
_LOCK = threading.Lock()


def running_or_ahead() -> bool:
    """Whether this process's warm-up is still to start (a server's first page is being
    drawn) or running. Never outside a server (`state.in_a_server`): no warm-up runs there."""
    from ui.state import in_a_server

    with _LOCK:
        started = list(_STARTED)
    return in_a_server() and (not started or started[0].is_alive())


def warm_up_once(store: Any) -> threading.Thread | None:
    """Start `warm_up(store)` in a background thread, once per explorer server process
    (app.py calls this after its first page is drawn, with the store that page opened; never
    in the tests' AppTest runs, which share one process, see `state.in_a_server`). The
    thread, or None when none was started."""
    from ui.state import in_a_server

    with _LOCK:
        if _STARTED or not in_a_server():
            return None
        thread = threading.Thread(
            target=warm_up, args=(store,), name="courtgraph-store-warm-up", daemon=True
        )
        _STARTED.append(thread)
    thread.start()
    return thread
