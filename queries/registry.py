"""Named queries: a name, a Chinese title and description, typed parameters, Cypher, a row limit.

The CLI (`python -m queries`) and the app use the same registry. Values always travel as
Cypher parameters; the one exception, a variable-length bound such as a depth, is an integer
checked against its range before it is spliced in as `{name}`.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Any

from graph.dialect import lucene_escape
from graph.errors import AmbiguousName, BadParameter, EntityNotFound, UnknownQuery
from graph.model import ENTITY_LABELS
from graph.store import GraphStore
from graph.text import to_simplified

ParamType = str  # one of PARAM_TYPES
PARAM_TYPES = (
    "text",
    "search",
    "int",
    "date",
    "choice",
    "entity",
    "labels",
    "bool",
    "collections",  # names of collections; the Cypher also gets `$<name>_docs`: doc id -> true
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
#: longest search (a name or an alias; the longest court names have about 30 characters)
MAX_SEARCH = 100
#: longest text or entity parameter (ids, names, a province)
MAX_TEXT = 500
#: longest comma-separated list of ids (a subgraph's documents: about 20,000 ids)
MAX_ID_LIST = 1_000_000
#: most rows anyone may ask `run` for (each query also caps rows at its own row limit)
MAX_LIMIT = 10_000_000


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    title: str  # Chinese label for forms
    required: bool = False
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    label: str | None = None  # for entity params: the kind expected (None: any)
    minimum: int | None = None
    maximum: int | None = None
    splice: bool = False  # an int spliced into the Cypher text as {name} (range-checked)
    max_length: int = 0  # longest text accepted; 0 = MAX_TEXT (a list of ids needs more)


@dataclass(frozen=True)
class Plan:
    """What a query's `plan` hook decides for one run: the variant to send (None: the main
    text) and parameters read from the store."""

    variant: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    cypher: str
    params: tuple[Param, ...] = ()
    row_limit: int = 1000
    # Chinese headers of this query's own columns where the common one (queries.columns)
    # would mislead: a person's `title` is a post (职务), a document's its headline (标题)
    headers: Mapping[str, str] = field(default_factory=dict)
    # server-specific values the Cypher needs, e.g. full-text index names: name -> label
    fulltext: Mapping[str, str] = field(default_factory=dict)
    # rows -> rows, for ordering across UNION branches and similar
    postprocess: Callable[[list[dict[str, Any]], dict[str, Any]], list[dict[str, Any]]] | None = (
        None
    )
    # large tables travel packed: the Cypher returns a column `packed`, a list of lists with
    # these columns (other columns of the record are repeated on each row); the driver's
    # cost is per record, so 10,000 rows as one record are read many times faster
    packed: tuple[str, ...] = ()
    # the query returns properties only (strings, numbers, lists of them), as packed tables
    # do: values are not walked for dates or nodes (a national adoption summary holds
    # 700,000 strings)
    plain: bool = False
    # The one planning hook, for what the server cannot decide for itself. `plan(store,
    # params)` runs before the query is sent and returns a `Plan`: which of `variants` (other
    # Cypher texts giving the same answer) to send — e.g. walking up from the few courts of
    # one level instead of down through every unit of the country — and extra parameters
    # read from the store that users do not give (`planned` names them), e.g. a summary that
    # lets the server read an index range. Every text is checked by the tests on both servers.
    variants: Mapping[str, str] = field(default_factory=dict)
    plan: Callable[[GraphStore, dict[str, Any]], Plan] | None = None
    planned: tuple[str, ...] = ()
    # what to send for an optional parameter left out, instead of null: a value of the type
    # a given one has ('' for a text, [] for a list), so every run sends the same parameter
    # types and Neo4j, which keys its plan cache on them, plans the text once
    absent: Mapping[str, Any] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """Every Cypher text this query can send, by variant name ('' for the main one)."""
        return {"": self.cypher, **self.variants}

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise BadParameter(f"查询 {self.name} 没有参数 {name}")


@dataclass
class QueryResult:
    query: NamedQuery
    params: dict[str, Any]
    rows: list[dict[str, Any]]
    truncated: bool

    @property
    def columns(self) -> list[str]:
        return list(self.rows[0].keys()) if self.rows else []


REGISTRY: dict[str, NamedQuery] = {}


def register(query: NamedQuery) -> NamedQuery:
    old = REGISTRY.get(query.name)
    if old is not None:
        if old.cypher == query.cypher:  # the same module imported twice (python -m …)
            return old
        raise ValueError(f"duplicate named query {query.name!r}")
    REGISTRY[query.name] = query
    return query


def get(name: str) -> NamedQuery:
    try:
        return REGISTRY[name]
    except KeyError:
        names = ", ".join(sorted(REGISTRY))
        raise UnknownQuery(
            f"没有名为 {name!r} 的命名查询；`python -m queries --list` 列出全部：{names}"
        ) from None


def convert(query: NamedQuery, raw: Mapping[str, Any], store: GraphStore | None) -> dict[str, Any]:
    """Check and convert raw parameter values (strings from a CLI or URL) to typed values."""
    unknown = set(raw) - {p.name for p in query.params}
    if unknown:
        expected = ", ".join(p.name for p in query.params) or "（无）"
        raise BadParameter(
            f"查询 {query.name} 没有参数 {', '.join(sorted(unknown))}；它的参数是：{expected}"
        )
    out: dict[str, Any] = {}
    for p in query.params:
        value = raw.get(p.name)
        if value is None or value == "" or value == []:
            if p.required:
                about = p.title + ("：" + p.help if p.help else "")
                raise BadParameter(f"查询 {query.name} 需要参数 --param {p.name}=…（{about}）")
            out[p.name] = p.default
            continue
        out[p.name] = _convert_one(query, p, value, store)
    return out


def _convert_one(query: NamedQuery, p: Param, value: Any, store: GraphStore | None) -> Any:
    where = f"查询 {query.name} 的参数 {p.name}"
    if p.type == "int":
        try:
            n = int(value)
        except (TypeError, ValueError, OverflowError):
            raise BadParameter(f"{where} 应为整数，而不是 {value!r}") from None
        if p.minimum is None or p.maximum is None:  # every int is range-checked
            raise ValueError(f"{query.name}: int parameter {p.name!r} needs a minimum and maximum")
        if (p.minimum is not None and n < p.minimum) or (p.maximum is not None and n > p.maximum):
            raise BadParameter(f"{where} 应在 {p.minimum} 到 {p.maximum} 之间，而不是 {n}")
        return n
    if p.type == "bool":
        if isinstance(value, bool):
            return value
        s = str(value).strip().lower()
        if s in ("1", "true", "yes", "是", "y"):
            return True
        if s in ("0", "false", "no", "否", "n"):
            return False
        raise BadParameter(f"{where} 应为 true 或 false（是 / 否），而不是 {value!r}")
    if p.type == "date":
        return check_date(value, where)
    if p.type == "collections":
        from graph.collections import parse_names

        try:
            return parse_names(value)
        except BadParameter as exc:
            raise BadParameter(f"{where}: {exc}") from None
    if p.type == "choice":
        s = str(value).strip()
        if s not in p.choices:
            raise BadParameter(f"{where} 应为以下之一：{', '.join(p.choices)}，而不是 {value!r}")
        return s
    if p.type == "labels":
        items = value if isinstance(value, list | tuple) else str(value).split(",")
        labels = [str(v).strip() for v in items if str(v).strip()]
        bad = [x for x in labels if x not in ENTITY_LABELS]
        if bad:
            raise BadParameter(
                f"{where}：没有类型 {', '.join(bad)}；可用：{', '.join(ENTITY_LABELS)}"
            )
        return labels
    if p.type == "entity":
        text = str(value).strip()
        if len(text) > MAX_TEXT:
            raise BadParameter(f"{where} 长 {len(text)} 个字符，最多 {MAX_TEXT} 个")
        return resolve_entity(store, text, label=p.label, where=where)
    text = str(value).strip()
    if p.type == "search":
        if len(text) > MAX_SEARCH:
            raise BadParameter(
                f"{where} 长 {len(text)} 个字符：请检索不超过 {MAX_SEARCH} 个字符的名称或别名"
            )
        if not searchable(text):
            raise BadParameter(f"{where} {value!r} 中没有可检索的文字：请给出名称或别名")
        return to_simplified(text)
    longest = p.max_length or MAX_TEXT
    if len(text) > longest:
        raise BadParameter(f"{where} 长 {len(text)} 个字符，最多 {longest} 个")
    return text


def check_date(value: Any, where: str = "日期") -> str:
    """An ISO date of year, month or day precision (2024, 2024-05, 2024-05-20; `/` and `.`
    are read as `-`), checked against the calendar: 2024-13 and 2024-02-30 are refused."""
    s = str(value).strip().replace("/", "-").replace(".", "-")
    m = _DATE.match(s)
    hint = "形如 2024、2024-05 或 2024-05-20 的日期"
    if not m:
        raise BadParameter(f"{where} 应为{hint}，而不是 {value!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        raise BadParameter(f"{where} 应为{hint}：没有 {int(month)} 月（{value!r}）")
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise BadParameter(
                f"{where} 应为{hint}：{year}-{int(month):02d} 没有 {int(day)} 日"
            ) from None
    if int(year) < 1000:
        raise BadParameter(f"{where} 应为{hint}，年份写四位，而不是 {value!r}")
    parts = [year] + [f"{int(x):02d}" for x in (month, day) if x is not None]
    return "-".join(parts)


def searchable(text: str) -> bool:
    """Whether a search has a word left once quotes and Lucene's syntax are taken out."""
    return bool(re.sub(r'[\s+\-&|!(){}\[\]^"~*?:\\/]', "", text))


def resolve_entity(
    store: GraphStore | None, value: str, *, label: str | None = None, where: str = ""
) -> str:
    """An entity id from an id or a name/alias (simplified or traditional); `where` names
    the value in an error (查询 coverage 的参数 court)."""
    lead = f"{where}：" if where else ""
    if ":" in value.split("@")[0] and value.split(":", 1)[0].isascii():
        return value  # already an id such as court:辽宁省本溪市中级人民法院
    if store is None:
        raise BadParameter(f"{lead}{value!r} 是名称；请给出 id，或连接图谱存储")
    name = to_simplified(value)
    rows = store.read(
        "MATCH (n:Entity {name: $name}) RETURN n.id AS id, n.kind AS kind", {"name": name}
    )
    if not rows:
        ix_rows: list[dict[str, Any]] = []
        for lab in [label] if label else list(ENTITY_LABELS):
            ix_rows += store.read(
                "CALL db.index.fulltext.queryNodes($ix, $q) YIELD node, score "
                "WHERE $name = node.name OR $name IN coalesce(node.aliases, []) "
                "RETURN node.id AS id, node.kind AS kind",
                {"ix": store.fulltext_index(lab), "q": lucene_escape(name), "name": name},
                limit=20,
            )
        rows = ix_rows
    if label:
        rows = [r for r in rows if r["kind"] == label]
    if not rows and label in (None, "Court", "Tribunal"):
        rows = short_court_matches(store, name)
    ids = sorted({r["id"] for r in rows})
    if not ids:
        raise EntityNotFound(
            f"{lead}图中没有名为「{value}」的实体；可先检索：`python -m queries search "
            f"--param q={value}`",
            name=value,
        )
    if len(ids) > 1:
        raise AmbiguousName(
            f"{lead}「{value}」对应多个实体：{', '.join(ids)}；请给出其中一个 id",
            name=value,
            ids=ids,
        )
    return ids[0]


#: where a court's own name may start inside its full name: after the province, the city or
#: the county, or (a tribunal) after its court
_NAME_START = "(?:^|(?<=[省市州区县盟旗院]))"
#: a court's or tribunal's short forms (core, then the pattern of the full name's tail):
#: 递铺法庭 for …递铺人民法庭, 湖州中院 for 湖州市中级人民法院, 安吉法院 for 安吉县人民法院
_SHORT_FORMS = (
    (re.compile(r"(?P<core>[\u4e00-\u9fff]{2,12}?)(?:人民)?法庭"), "{core}(?:人民)?法庭$"),
    (
        re.compile(r"(?P<core>[\u4e00-\u9fff]{2,12}?)中院"),
        "{core}(?:市|地区|盟|州|自治州)?中级人民法院$",
    ),
    (
        re.compile(r"(?P<core>[\u4e00-\u9fff]{2,12}?)高院"),
        "{core}(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?高级人民法院$",
    ),
    (
        re.compile(r"(?P<core>[\u4e00-\u9fff]{2,12}?)(?:人民)?法院"),
        "{core}(?:县|区|市|旗|自治县|自治旗|林区|特区)?人民法院$",
    ),
)


def short_form(name: str) -> tuple[str, re.Pattern[str]] | None:
    """The core of a court's or tribunal's short form and the pattern its full names match
    (递铺法庭 -> 递铺, …递铺人民法庭; the core starting after a province, city, county or
    court); None for a name of no such form."""
    for form, tail in _SHORT_FORMS:
        m = form.fullmatch(name)
        if m is not None:
            core = m.group("core")
            return core, re.compile(_NAME_START + tail.format(core=re.escape(core)))
    return None


def short_court_matches(store: GraphStore, name: str) -> list[dict[str, Any]]:
    """Courts and tribunals whose full name `name` shortens (递铺法庭, 湖州中院, 安吉法院), as
    rows of id and kind: the short form's core searched as a phrase, each hit's name checked
    against the full form."""
    short = short_form(name)
    if short is None:
        return []
    core, full = short
    hits: list[dict[str, Any]] = []
    for lab in ("Court", "Tribunal"):
        hits += store.read(
            "CALL db.index.fulltext.queryNodes($ix, $q) YIELD node "
            "RETURN node.id AS id, node.kind AS kind, node.name AS name",
            {"ix": store.fulltext_index(lab), "q": _phrase(core)},
            limit=200,
        )
    return [{"id": h["id"], "kind": h["kind"]} for h in hits if full.search(h["name"] or "")]


def _phrase(text: str) -> str:
    """A Lucene phrase: the words in this order (Chinese bigrams stay contiguous), which is
    what a name search means and far cheaper than OR-ing every bigram of it. Quotes go
    before escaping, so no escaped quote is left to open or close the phrase."""
    words = lucene_escape(text.replace('"', " ").strip())
    return f'"{words}"' if words.strip() else words


def prepared(
    store: GraphStore, query: NamedQuery, raw: Mapping[str, Any], *, cypher: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The Cypher text and parameters `run` sends for these raw parameters (`cypher`: one of
    the query's other texts instead of the one its plan picks, as the tests send each)."""
    params = convert(query, raw, store)
    for name, value in query.absent.items():
        if params.get(name) is None:
            params[name] = value
    plan = query.plan(store, params) if query.plan else Plan()
    if set(plan.params) != set(query.planned):
        raise ValueError(f"{query.name}: plan gave {sorted(plan.params)}, not {query.planned}")
    if cypher is None:
        cypher = query.variants[plan.variant] if plan.variant else query.cypher
    for p in query.params:
        if p.splice:  # range-checked int, the only value ever spliced into Cypher
            cypher = cypher.replace("{" + p.name + "}", str(int(params[p.name])))
        if p.type == "search" and params[p.name] is not None:
            params[p.name + "_text"] = params[p.name]
            params[p.name] = _phrase(params[p.name])
        if p.type == "collections":  # facts count when one of their documents is in them
            from graph.collections import documents_in

            names = params[p.name]
            docs = documents_in(store, names) if names else None
            if docs is not None and len(docs) == _document_count(store):
                docs = params[p.name] = None  # every document: no filter to apply
            # a map, looked up per document id (see queries.library.in_collections)
            params[p.name + "_docs"] = dict.fromkeys(docs or [], True)
    for pname, label in query.fulltext.items():
        params[pname] = store.fulltext_index(label)
    params.update(plan.params)
    return cypher, params


def _document_count(store: GraphStore) -> int:
    return int(store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a table is read, unpacked and ordered: those rows
    (lists and dicts, no cycles) are tens of thousands of new containers, and every few
    hundred set off a collection that walks every object the process holds, the rows
    already read among them (outcomes_under under the SPC: 20,000 rows, ~60,000
    containers). Turned on again after, unless it was off before: a thread that finds it
    off leaves it to the one that turned it off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def run(
    store: GraphStore, name: str, raw: Mapping[str, Any] | None = None, *, limit: int | None = None
) -> QueryResult:
    """Run a named query with raw parameters; at most `limit` (or its own row limit) rows."""
    query = get(name)
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise BadParameter(f"行数上限应在 1 到 {MAX_LIMIT:,} 之间，而不是 {limit}")
    cypher, params = prepared(store, query, raw or {})
    row_limit = min(limit or query.row_limit, query.row_limit)
    plain = bool(query.packed) or query.plain  # properties only
    with collector_paused():
        rows = _unpack(query, store.read(cypher, params, limit=row_limit + 1, plain=plain))
        searched = [p.name for p in query.params if p.type == "search" and params[p.name]]
        if not rows and searched:  # no exact phrase: any of its words
            for name in searched:
                params[name] = lucene_escape(params[name + "_text"])
            rows = _unpack(query, store.read(cypher, params, limit=row_limit + 1, plain=plain))
        if query.postprocess:
            rows = query.postprocess(rows, params)
    truncated = len(rows) > row_limit
    return QueryResult(query, params, rows[:row_limit], truncated)


def _unpack(query: NamedQuery, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not query.packed:
        return rows
    out: list[dict[str, Any]] = []
    width = len(query.packed)
    for r in rows:
        packed = r["packed"]
        if any(len(v) != width for v in packed):
            bad = next(len(v) for v in packed if len(v) != width)
            raise ValueError(f"{query.name}: a packed row has {bad} values, not {width}")
        shared = {k: v for k, v in r.items() if k != "packed"}
        keys = query.packed
        if shared:
            out.extend({**dict(zip(keys, v, strict=True)), **shared} for v in packed)
        else:  # the common case, and the large one (20,000 rows under the SPC): no
            # Python frame per row (every row's width was checked above)
            out.extend(map(dict, map(zip, repeat(keys), packed)))
    return out
