"""Free-form Cypher for researchers, read-only whichever server answers it.

Neo4j refuses writes in a read-access transaction; the embedded ArcadeDB server does not.
Over Bolt it commits CREATE, MERGE, SET, REMOVE, DELETE, DETACH DELETE, FOREACH and
`CALL { … } IN TRANSACTIONS` sent in `session.execute_read`, creates indexes and new types,
and runs LOAD CSV against local files (measured on ArcadeDB 26.10.2). Its Bolt plugin also
ignores the transaction timeout: only its own command timeout
(`graph.embedded.COMMAND_TIMEOUT_MS`) stops a query.

So a statement typed by a person goes through three fences here:

1. `check_read_only` refuses anything that could write before it reaches a server: a write
   or admin keyword outside string literals, comments and `quoted` names, more than one
   statement, CALL of anything but a few known read procedures (and so every CALL
   subquery), and namespaced functions outside the built-in temporal/spatial ones (APOC and
   the like can run Cypher given as a string). It also refuses the ways of growing one
   value that exhausted the embedded server's heap (ArcadeDB has no setting that bounds a
   string's or a list's size): a reduce() whose step may grow its accumulator faster than
   linearly, using it twice (`s + s` doubles at every step) or inside a function, list or
   bracket (`replace(s, 'a', 'aa')`, `[y IN s | y + y]`), or that adds a range(), a list
   comprehension, collect() or reduce() to it at every step (`s + range(1, 1000)` a million
   times); and WITH, RETURN and UNWIND items that between them may multiply a value's size
   more than `MAX_GROWTH` times (`WITH s + s AS s` thirty times, replace() chains). It errs
   on the side of refusing: a map key or property called `set` is refused too, and so is
   `reduce(m = 0, x IN xs | CASE WHEN x > m THEN x ELSE m END)`. It can be bypassed (a
   query that grows nothing can still run for hours in one expression); fence 4 is the
   defence.
2. `run_read_only` runs what passes in an explicit transaction of a READ-access session and
   always rolls it back, never commits (on ArcadeDB a rollback undoes data changes, though
   not the types and indexes a statement creates, hence fence 1).
3. At most `limit` rows are read (one more tells that there were more), and the caller
   waits at most `timeout` seconds; the transaction carries the same timeout for servers
   that honour it (Neo4j). The embedded server ignores it, so there the statement carries
   a comment naming the run, and a query the caller gave up on is stopped on the server
   (its `terminate query`, over the loopback HTTP API) at its next row. At most `SLOTS`
   free-form queries of one process run at once.
4. The embedded server restarts itself in place (`graph.embedded._Watchdog`: same process,
   same ports, so drivers reconnect) when its JVM runs out of heap, or when a query asked
   to stop still runs `graph.embedded.STUCK_GRACE` seconds later: a query busy inside one
   expression has no next row and ignores the stop and the command timeout alike, and
   ArcadeDB keeps a query killed by OutOfMemoryError on one of its four concurrent-query
   slots for good (after four, every query waited 30 s and failed until `graph stop`).
   Queries of other users running at that moment are cut off too; a write is applied
   whole or not at all, and retried by the driver (then, after a restart longer than the
   driver's 30 s, by the store once the server is back) or reported. A server that would
   restart itself more than `graph.embedded.RESTART_LIMIT` times in
   `graph.embedded.RESTART_WINDOW` seconds stops instead, and queries say so.

Memory: the embedded server bounds what one query may hold (a range() of at most
`graph.embedded.MAX_RANGE` elements; collect, ORDER BY, DISTINCT and cartesian products
within ArcadeDB's per-query element limit and half the heap for all queries together), but
not one string or list computed in an expression. A query that runs out of memory is
reported as such (`QueryTooLarge`, "查询超出了资源限制 … 已自动重启"), not as an unreachable
store, and the next query waits for the restart (`EmbeddedServer.await_restart`).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.embedded import OUT_OF_MEMORY, STUCK_GRACE
from graph.errors import BadParameter, CourtgraphError, QueryFailed, StoreUnavailable
from graph.store import read_again_if_vanished

if TYPE_CHECKING:
    from graph.store import GraphStore

#: clauses and commands that write or administer (any case, as whole ASCII words)
WRITE_KEYWORDS: frozenset[str] = frozenset(
    {
        "create",
        "merge",
        "set",
        "delete",
        "detach",
        "remove",
        "foreach",
        "load",
        "insert",
        "drop",
        "alter",
        "rename",
        "grant",
        "deny",
        "revoke",
        "use",
        "show",
        "start",
        "stop",
        "terminate",
        "enable",
        "deallocate",
        "reallocate",
        "periodic",
        "begin",
        "commit",
        "rollback",
    }
)

#: procedures a statement may CALL: they only read (compared in lower case)
READ_PROCEDURE_NAMES: tuple[str, ...] = (
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.visualization",
    "db.schema.nodeTypeProperties",
    "db.schema.relTypeProperties",
    "dbms.components",
)
READ_PROCEDURES: frozenset[str] = frozenset(p.lower() for p in READ_PROCEDURE_NAMES)

#: namespaces of the built-in functions a statement may use, e.g. date.truncate(...)
FUNCTION_NAMESPACES: frozenset[str] = frozenset(
    {"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector"}
)

_WORD = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])", re.IGNORECASE)
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_CALLED = re.compile(rf"\s*({_NAME}(?:\s*\.\s*{_NAME})*)")
_FUNCTION = re.compile(rf"(?<![A-Za-z0-9_.$])({_NAME}(?:\s*\.\s*{_NAME})+)\s*\(")
# line ends: every boundary str.splitlines knows, so a // comment never hides more from
# this check than it hides from a server
_LINE_END = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

SLOTS = 2  # free-form queries that may be running on the server at once (per process)
_slots = threading.BoundedSemaphore(SLOTS)


class WriteRefused(BadParameter):
    """A statement that could write (or administer), refused before it reaches a server."""


class CypherSyntaxError(BadParameter):
    """The server could not parse the statement."""


class QueryTimedOut(QueryFailed):
    """The query ran longer than the timeout."""


class QueryTooLarge(QueryFailed):
    """The query needed more memory (or elements) than the server allows one query."""


class QueryBusy(QueryFailed):
    """Earlier free-form queries are still running on the server."""


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # the query had more rows than the limit
    seconds: float


# -- the guard ------------------------------------------------------------------------------
def blank_literals(cypher: str) -> str:
    """The statement with the insides of string literals, comments and `quoted` names
    replaced by spaces (same length, so positions still match). BadParameter if one of
    them is not closed."""
    out = list(cypher)
    i, n = 0, len(cypher)
    while i < n:
        c = cypher[i]
        if c in "'\"":
            j = i + 1
            while j < n and cypher[j] != c:
                j += 2 if cypher[j] == "\\" else 1
            if j >= n:
                raise BadParameter("字符串没有结束：缺少与之配对的引号。")
            out[i + 1 : j] = " " * (j - i - 1)
            i = j + 1
        elif c == "`":
            j = i + 1
            while True:
                j = cypher.find("`", j)
                if j < 0:
                    raise BadParameter("反引号 ` 括起的名称没有结束。")
                if cypher.startswith("``", j):  # a doubled backtick is a backtick in the name
                    j += 2
                    continue
                break
            out[i + 1 : j] = " " * (j - i - 1)
            i = j + 1
        elif cypher.startswith("//", i):
            j = i
            while j < n and cypher[j] not in _LINE_END:
                j += 1
            out[i:j] = " " * (j - i)
            i = j
        elif cypher.startswith("/*", i):
            j = cypher.find("*/", i + 2)
            if j < 0:
                raise BadParameter("注释 /* 没有以 */ 结束。")
            out[i : j + 2] = " " * (j + 2 - i)
            i = j + 2
        else:
            i += 1
    return "".join(out)


def check_read_only(cypher: str) -> str:
    """The statement to run if it can only read (a trailing semicolon dropped); otherwise
    WriteRefused, or BadParameter for an empty or unfinished statement. Messages are in
    Chinese: they are shown to the person who typed the statement."""
    if "\x00" in cypher:
        raise BadParameter("查询中含有不可见的控制字符。")
    bare = blank_literals(cypher)
    if not bare.strip():
        raise BadParameter("请输入一条 Cypher 查询。")
    semis = [m.start() for m in re.finditer(";", bare)]
    if semis:
        if len(semis) > 1 or bare[semis[0] + 1 :].strip():
            raise WriteRefused("一次只能运行一条语句：请去掉分号后面的语句。")
        cypher = cypher[: semis[0]] + " " + cypher[semis[0] + 1 :]
        bare = bare[: semis[0]] + " " + bare[semis[0] + 1 :]
    # IGNORECASE and casefold also catch look-alikes such as 'ſet' (long s): refused too
    found = list(
        dict.fromkeys(
            m.group(1).upper() for m in _WORD.finditer(bare) if _is_write_word(m.group(1))
        )
    )
    if found:
        raise WriteRefused(
            f"这个页面只能读取数据，不能运行含有 {'、'.join(found)} 的语句"
            "（写入、修改、删除、导入文件和管理命令都不允许）。"
        )
    called: list[tuple[int, int]] = []
    for m in re.finditer(r"(?<![A-Za-z0-9_])call(?![A-Za-z0-9_])", bare, re.IGNORECASE):
        name_m = _CALLED.match(bare, m.end())
        if not name_m and bare[m.end() :].lstrip().startswith("{"):
            raise WriteRefused(
                "不能运行 CALL { … } 子查询（它可以写入数据）；可改用 "
                "EXISTS { … }、COUNT { … } 或 COLLECT { … }。"
            )
        name = re.sub(r"\s+", "", name_m.group(1)) if name_m else ""
        if not name_m or name.lower() not in READ_PROCEDURES:
            raise WriteRefused(
                f"不能调用过程 {name or cypher[m.end() :].strip()[:40]}：只允许这些只读过程"
                "（名称不加反引号）：" + "、".join(READ_PROCEDURE_NAMES) + "。"
            )
        called.append(name_m.span(1))
    _check_growth(cypher, bare)
    for m in _FUNCTION.finditer(bare):
        if any(a <= m.start(1) < b for a, b in called):
            continue
        name = re.sub(r"\s+", "", m.group(1))
        namespace = name.rsplit(".", 1)[0].lower()
        if namespace.split(".", 1)[0] not in FUNCTION_NAMESPACES:
            raise WriteRefused(
                f"不能使用函数 {name}：这里只允许 Cypher 的内置函数"
                "（以及 date.*、datetime.*、duration.*、point.* 等内置的带前缀函数）。"
            )
    return cypher


_REDUCE = re.compile(rf"(?<![A-Za-z0-9_.])reduce\s*\(\s*({_NAME})\s*=", re.IGNORECASE)
_QUOTED_NAME = re.compile(r"` *`")  # a `quoted name`, as blank_literals leaves it
_OPEN, _CLOSE = "([{", ")]}"


def _names_view(cypher: str, bare: str) -> tuple[str, dict[str, str]]:
    """`bare` with every `quoted name` written out plainly (`s` as s; a name that is not a
    plain identifier as a placeholder of its own), so a backticked accumulator is seen; and
    the names the placeholders stand for."""
    placeholders: dict[str, str] = {}

    def plain(m: re.Match[str]) -> str:
        name = cypher[m.start() + 1 : m.end() - 1].replace("``", "`")
        if re.fullmatch(_NAME, name):
            return name
        return placeholders.setdefault(name, f"__quoted_name_{len(placeholders)}__")

    view = _QUOTED_NAME.sub(plain, bare)
    return view, {v: f"`{k}`" for k, v in placeholders.items()}


def _check_growth(cypher: str, bare: str) -> None:
    """Refuse a reduce() whose step can grow its accumulator faster than by a fixed amount.

    `reduce(s = 'a', x IN range(1, 40) | s + s)` doubles at every step, and so do
    `replace(s, 'a', 'aa')`, `[y IN s | y + y]` or an inner reduce adding `s` twice: forty
    steps exhaust any server's memory before its timeout, and the server has no setting that
    bounds a string's size. What passes uses the accumulator at most once, outside every
    function, list, map and subexpression (`s + x`, `s + [x]`, `s * x`): each step then adds
    what does not depend on the accumulator, and the value grows linearly at most.
    """
    view, quoted = _names_view(cypher, bare)
    for m in _REDUCE.finditer(view):
        depth, i, bar, end = 1, m.end(), -1, len(view)
        while i < len(view):
            c = view[i]
            if c in _OPEN:
                depth += 1
            elif c in _CLOSE:
                depth -= 1
                if depth == 0:
                    end = i
                    break
            elif c == "|" and depth == 1 and bar < 0:
                bar = i
            i += 1
        if bar < 0:
            continue  # not a finished reduce(): the server reports the syntax error
        acc = m.group(1)
        shown = quoted.get(acc, acc)
        uses = [
            u.start()
            for u in re.finditer(
                rf"(?<![A-Za-z0-9_$.]){re.escape(acc)}(?![A-Za-z0-9_])", view[bar + 1 : end]
            )
        ]
        if len(uses) > 1:
            raise WriteRefused(
                f"不能运行：reduce(…) 的表达式引用了累加变量 {shown} {len(uses)} 次，"
                "结果每一步成倍增长，会耗尽数据库服务器的内存。每步只引用一次"
                f"（如 {shown} + x）。"
            )
        if uses and _depth(view[bar + 1 : bar + 1 + uses[0]]) > 0:
            raise WriteRefused(
                f"不能运行：reduce(…) 的表达式把累加变量 {shown} 放进了函数、列表或括号里"
                f"（如 replace({shown}, …)、[y IN {shown} | …]），结果可能每一步成倍增长，"
                f"会耗尽数据库服务器的内存。累加变量只能在最外层出现一次（如 {shown} + x）。"
            )
        if uses and _LIST_MAKER.search(view[bar + 1 : end]):
            raise WriteRefused(
                f"不能运行：reduce(…) 的每一步都把 range()、列表推导、collect() 或另一个 "
                f"reduce() 生成的值加进累加变量 {shown}，结果可能有上亿个元素，会耗尽数据库"
                f"服务器的内存。每步只加入一个值（如 {shown} + [x]）。"
            )
    _check_projections(cypher, view)


#: in a reduce() step, what can make a whole list at every step
_LIST_MAKER = re.compile(
    r"(?<![A-Za-z0-9_.])(?:range|reduce|collect)\s*\(|\[\s*[A-Za-z_][A-Za-z0-9_]*\s+IN(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
#: how many times one statement may multiply the size of a value through its WITH, RETURN
#: and UNWIND items (a variable used twice, a replace() that lengthens): 2**8, so a 100 kB
#: text may become at most 25 MB. `WITH s + s AS s` thirty times is a string of 2**30.
MAX_GROWTH = 256
_CLAUSE = re.compile(
    r"(?<![A-Za-z0-9_])(WITH|RETURN|UNWIND|MATCH|OPTIONAL|WHERE|ORDER|SKIP|LIMIT|UNION|CALL)"
    r"(?![A-Za-z0-9_])",
    re.IGNORECASE,
)
_NOT_VARIABLES = frozenset(
    [
        "as",
        "and",
        "or",
        "xor",
        "not",
        "in",
        "is",
        "null",
        "true",
        "false",
        "case",
        "when",
        "then",
        "else",
        "end",
        "distinct",
        "starts",
        "ends",
        "contains",
        "with",
    ]
)
_VARIABLE = re.compile(r"(?<![A-Za-z0-9_.$:])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])(?!\s*[(:])")
_REPLACE = re.compile(r"(?<![A-Za-z0-9_.])replace\s*\(", re.IGNORECASE)
_ITEM_ALIAS = re.compile(r"\s+AS\s+[A-Za-z_][A-Za-z0-9_]*\s*$", re.IGNORECASE)


def _top_level(view: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """Spans of view[start:end] split at `sep` characters outside brackets."""
    spans, depth, at = [], 0, start
    for i in range(start, end):
        c = view[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
        elif c == sep and depth == 0:
            spans.append((at, i))
            at = i + 1
    spans.append((at, end))
    return spans


def _check_projections(cypher: str, view: str) -> None:
    """Refuse a statement whose WITH, RETURN and UNWIND items may, between them, multiply a
    value's size by more than MAX_GROWTH: `WITH s + s AS s` doubles s, `replace(s, 'a',
    'aaaaaaaaaa')` makes it up to ten times longer, and a chain of them exhausts the
    server's memory within one expression (ArcadeDB bounds no string's size)."""
    depth, level = 0, []
    for c in view:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
        level.append(depth)
    clauses = [m for m in _CLAUSE.finditer(view) if level[m.start()] == 0]
    growth, worst = 1.0, ""
    for k, m in enumerate(clauses):
        if m.group(1).upper() not in ("WITH", "RETURN", "UNWIND"):
            continue
        stop = clauses[k + 1].start() if k + 1 < len(clauses) else len(view)
        for a, b in _top_level(view, m.end(), stop, ","):
            item = _ITEM_ALIAS.sub("", view[a:b])
            factor = _item_growth(cypher, view, a, item)
            if factor > 1:
                growth *= factor
                worst = worst or cypher[a:b].strip()
    if growth > MAX_GROWTH:
        raise WriteRefused(
            "不能运行：这条查询在 WITH/RETURN 中反复把一个值与它自己拼接或用 replace() 加长"
            f"（如 {worst[:60]}），结果成倍增长（最多约 {growth:.3g} 倍），会耗尽数据库服务器"
            "的内存。请减少这样的步骤。"
        )


def _item_growth(cypher: str, view: str, at: int, item: str) -> float:
    """How many times item `item` (at `at` in the statement) may multiply a value's size:
    the most uses of one variable in it, times what each replace() in it may add."""
    counts: dict[str, int] = {}
    for v in _VARIABLE.finditer(item):
        name = v.group(1)
        if name.lower() not in _NOT_VARIABLES:
            counts[name] = counts.get(name, 0) + 1
    factor = float(max([1, *counts.values()]))
    for r in _REPLACE.finditer(item):
        depth, end = 1, len(item)
        for i in range(r.end(), len(item)):
            if item[i] in _OPEN:
                depth += 1
            elif item[i] in _CLOSE:
                depth -= 1
                if depth == 0:
                    end = i
                    break
        args = _top_level(view, at + r.end(), at + end, ",")
        if len(args) != 3:
            continue
        search, replacement = (_literal(cypher[a:b]) for a, b in args[1:])
        if search is None or replacement is None:
            factor *= 4  # not literals: unknown, count it as a few doublings
        elif len(replacement) > len(search):
            factor *= len(replacement) / max(len(search), 1) + (not search)
    return factor


def _literal(text: str) -> str | None:
    """The content of `text` when it is one string literal, else None."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return None


def _depth(text: str) -> int:
    """How many brackets opened in `text` are still open at its end."""
    depth = 0
    for c in text:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
    return depth


def _is_write_word(word: str) -> bool:
    return any(form in WRITE_KEYWORDS for form in (word.lower(), word.casefold(), word.upper()))


# -- running ----------------------------------------------------------------------------------
def run_read_only(
    store: GraphStore, cypher: str, *, limit: int, timeout: float | None = None
) -> CypherResult:
    """Check `cypher`, run it in a read transaction that is rolled back, and return at most
    `limit` rows. Raises WriteRefused, CypherSyntaxError, BadParameter, QueryTimedOut,
    QueryBusy, QueryFailed or StoreUnavailable, with Chinese messages."""
    statement = check_read_only(cypher)
    if limit < 1:
        raise BadParameter("行数上限至少为 1。")
    seconds = store.query_timeout if timeout is None else timeout
    embedded = getattr(store, "embedded", None)
    restarts = None
    if embedded is not None:
        embedded.await_restart()  # one that ran out of memory comes back in seconds
        restarts = embedded.restarts()
    if not _slots.acquire(blocking=False):
        raise QueryBusy(
            f"已有 {SLOTS} 条自由查询仍在数据库中运行（内置 ArcadeDB 在放弃的查询停不下来时"
            f"会在约 {STUCK_GRACE:g} 秒后自动重启）。请稍后再试。"
        )
    box: dict[str, Any] = {}
    done = threading.Event()
    # on the embedded server, a comment naming this run lets us stop it there when we give
    # up (its Bolt plugin ignores the transaction timeout that stops it on Neo4j)
    marker = f"courtgraph-query {secrets.token_hex(8)}"
    if embedded is not None:
        statement = f"/* {marker} */ {statement}"

    def work() -> None:
        try:
            # a read that met another writer's commit half applied runs again, as the
            # store's own reads do
            box["result"] = read_again_if_vanished(
                lambda: _run(store, statement, limit, seconds), description=store.description
            )
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            _slots.release()
            done.set()

    started = time.monotonic()
    threading.Thread(target=work, name="courtgraph-cypher", daemon=True).start()
    if not done.wait(seconds + 1.0):  # Neo4j stops it at `seconds`; ArcadeDB does not
        _terminate(store, marker)
        raise _timed_out(seconds)
    if "error" in box:
        raise _translate(box["error"], store, seconds, restarts=restarts) from box["error"]
    columns, rows, truncated = box["result"]
    return CypherResult(columns, rows, truncated, time.monotonic() - started)


def _terminate(store: GraphStore, marker: str) -> None:
    """Ask the embedded server to stop the query we gave up on (best effort: a query busy in
    one expression stops at its next row)."""
    embedded = getattr(store, "embedded", None)
    if embedded is None:
        return
    with contextlib.suppress(Exception):
        embedded.terminate_queries(marker)


def _run(
    store: GraphStore, statement: str, limit: int, seconds: float
) -> tuple[list[str], list[dict[str, Any]], bool]:
    with store.driver.session(
        database=store.database,
        default_access_mode=neo4j.READ_ACCESS,
        fetch_size=min(limit + 1, 1000),
    ) as session:
        tx = session.begin_transaction(
            timeout=seconds, metadata={"app": "courtgraph", "page": "cypher"}
        )
        try:
            result = tx.run(statement)
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            truncated = False
            for record in result:
                if len(rows) >= limit:
                    truncated = True
                    break
                rows.append({k: plain(v) for k, v in record.items()})
            return columns, rows, truncated
        finally:
            if not tx.closed():
                tx.rollback()  # never commit: whatever the statement did is undone


def plain(value: Any) -> Any:
    """A driver value as plain JSON-able Python: nodes and relationships as their
    properties plus `_labels` / `_type`, paths as the list of their nodes and
    relationships, temporal values as ISO text."""
    if isinstance(value, neo4j.graph.Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        out: list[Any] = [plain(value.start_node)]
        for rel in value.relationships:
            out += [plain(rel), plain(rel.end_node)]
        return out
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, bytes | bytearray):
        return bytes(value).hex()
    return value


def _timed_out(seconds: float) -> QueryTimedOut:
    return QueryTimedOut(
        f"查询超过 {seconds:g} 秒仍未完成，已放弃（上限由 COURTGRAPH_QUERY_TIMEOUT 设定）。"
        "请从一个具体的节点出发（如 (n:Entity {id: '…'})）、减少路径长度或加上 LIMIT。"
    )


#: what the servers say when a query needs more than one query may have (ArcadeDB's
#: queryMaxRangeSize / queryMaxHeapElementsAllowedPerOp / queryMaxHeapRAM, Neo4j's memory
#: pool limits)
_RESOURCE_WORDS = (
    "outofmemory",
    "memorypool",
    "memorylimit",
    "querymaxrangesize",
    "querymaxheap",
    "heapbudget",
)


def _too_large(detail: str, *, restarted: bool = False) -> QueryTooLarge:
    consequence = (
        "数据库服务器已自动重启（十几秒后即可再查询，已保存的数据不受影响）"
        if restarted
        else "其他查询不受影响"
    )
    return QueryTooLarge(
        f"查询超出了资源限制（{detail}），已停止；{consequence}。请缩小范围："
        "从一个具体的节点出发、减少 range() 的长度或嵌套、加上 LIMIT。"
    )


#: seconds to wait for the embedded server to say why it dropped a connection (an Error
#: that killed its thread is noted just after the connection closes)
NOTE_WAIT = 2.0


def _interruption(store: GraphStore, restarts: int | None) -> str | None:
    """Why the embedded server cut this query off (out of memory, or a restart to stop a
    query it could not stop), when it did; None on other servers or when it did not."""
    embedded = getattr(store, "embedded", None)
    if embedded is None or restarts is None:
        return None
    deadline = time.monotonic() + NOTE_WAIT
    while True:
        with contextlib.suppress(Exception):
            why = embedded.interruption(restarts)
            if why:
                return str(why)
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def _gave_up(store: GraphStore, *, decide: bool) -> str | None:
    """What to say when the embedded server stopped instead of restarting itself again;
    with `decide`, first wait (seconds) for a server that cut this query off to decide."""
    embedded = getattr(store, "embedded", None)
    if embedded is None:
        return None
    with contextlib.suppress(Exception):
        failed = embedded.await_decision(NOTE_WAIT) if decide else embedded.gave_up()
        return str(failed) if failed else None
    return None


def _answers(store: GraphStore) -> bool:
    try:
        store.read("RETURN 1 AS ok")
        return True
    except Exception:  # noqa: BLE001 - any failure: the server is not answering
        return False


def _translate(
    exc: BaseException, store: GraphStore, seconds: float, *, restarts: int | None = None
) -> Exception:
    """A Chinese courtgraph error for what the driver raised. `restarts`: how many times
    the embedded server had restarted itself when the query began."""
    if isinstance(exc, CourtgraphError):  # said already (a record that stays unreadable)
        return exc
    if isinstance(exc, AuthError) or (
        isinstance(exc, Neo4jError) and (exc.code or "").startswith("Neo.ClientError.Security")
    ):
        return StoreUnavailable(
            f"{store.description} 拒绝了登录凭据（请检查 NEO4J_USER / NEO4J_PASSWORD）。"
        )
    if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
        why = _interruption(store, restarts)
        failed = _gave_up(store, decide=why is not None)
        if failed:
            return StoreUnavailable(failed)
        if why == OUT_OF_MEMORY:
            return _too_large(
                "数据库服务器在运行它时内存不足，可能由它或同时运行的查询引起", restarted=True
            )
        if why is not None:
            return QueryFailed(
                "查询被中断：数据库服务器为停止一条停不下来的查询而自动重启"
                "（十几秒后即可再查询，已保存的数据不受影响）。请重试。"
            )
        if isinstance(exc, ServiceUnavailable | SessionExpired) and _answers(store):
            # the server dropped this query's connection and still answers others: the
            # query ran out of memory there (ArcadeDB ends a connection on OutOfMemoryError)
            return _too_large("服务器在运行它时内存不足")
        return StoreUnavailable(f"无法连接 {store.description}：{exc}")
    if isinstance(exc, Neo4jError):
        code = exc.code or ""
        message = exc.message or str(exc)
        if any(k in f"{code} {message}".lower() for k in _RESOURCE_WORDS):
            return _too_large(message)
        if "TransactionTimedOut" in code or "timeout" in message.lower():
            return _timed_out(seconds)
        if code.endswith("SyntaxError"):
            return CypherSyntaxError(f"Cypher 语法错误：{message}")
        if code.endswith("ParameterMissing"):
            return BadParameter(
                f"查询用到了参数（$…），这个页面不传参数：请把值直接写进查询。（{message}）"
            )
        if code.endswith("AccessMode") or "read access mode" in message.lower():
            return WriteRefused(f"数据库拒绝在只读事务中写入：{message}")
        if isinstance(exc, ClientError):
            return BadParameter(f"数据库拒绝了这条查询：{message}")
        return QueryFailed(f"数据库未能完成这条查询：{message}")
    if isinstance(exc, DriverError):
        return QueryFailed(f"读取结果时出错：{exc}")
    if isinstance(exc, Exception):
        return QueryFailed(f"查询未能完成：{type(exc).__name__}: {exc}")
    return QueryFailed("查询被中断。")
