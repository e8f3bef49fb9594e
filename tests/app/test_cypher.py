"""Cypher 查询（只读）: the guard that refuses writes, the read-only runner, and the page.

The embedded ArcadeDB server commits writes sent in a read-access transaction (measured:
see `test_arcadedb_read_transactions_do_not_refuse_writes`), so the guard in
`graph.readonly` is what keeps the page read-only; these tests prove that every kind of
write is refused and that the graph is unchanged afterwards.
"""

from __future__ import annotations

import threading
import time

import neo4j
import pytest

from graph.errors import BadParameter
from graph.readonly import (
    CypherSyntaxError,
    QueryTimedOut,
    WriteRefused,
    check_read_only,
    run_read_only,
)
from tests import graph_fixtures as g

WRITES = [
    "CREATE (n:Court:Entity {id: 'court:X', name: 'X'}) RETURN n",
    "create (n:Scratch)",
    "MERGE (n:Scratch {id: 'y'}) RETURN n",
    "MATCH (n:Entity {id: 'initiative:诉源治理'}) SET n.name = '改掉了' RETURN n.name",
    "MATCH (n:Entity {id: 'initiative:诉源治理'}) SET n += {x: 1}",
    "MATCH (n:Entity {id: 'initiative:诉源治理'}) REMOVE n.name_en RETURN n",
    "MATCH (n:Person) DELETE n",
    "MATCH (n:Person) DETACH DELETE n",
    "MATCH (n:Person)\nDETACH\tDELETE n",
    "MATCH ()-[r:MENTIONS]->() DELETE r",
    "MATCH (a:Entity {id: 'court:最高人民法院'}), (b:Initiative) CREATE (a)-[:ADOPTED]->(b)",
    "MATCH (n:Entity {id: 'initiative:诉源治理'}) FOREACH (x IN [1] | SET n.x = x)",
    "UNWIND range(1, 3) AS i CREATE (:Scratch {i: i})",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV WITH HEADERS FROM 'file:///x.csv' AS r MERGE (:Scratch {id: r.id})",
    "CALL { CREATE (:Scratch {id: 'z'}) } IN TRANSACTIONS",
    "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "CALL { MATCH (n:Court) RETURN n } RETURN n.name",  # a CALL subquery, even a reading one
    "CALL db.createLabel('Foo')",
    "CALL apoc.create.node(['Scratch'], {id: 'apoc'})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "CALL `db`.`labels`()",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {}) AS x",
    "CREATE INDEX foo IF NOT EXISTS FOR (n:Scratch) ON (n.id)",
    "DROP INDEX foo",
    "DROP CONSTRAINT entity_id",
    "RETURN 1 AS a; CREATE (:Scratch)",
    "MATCH (n:Court) RETURN n.name;\nMATCH (n) DETACH DELETE n",
    "RETURN 1;;",
    "RETURN 1\nCREATE (:Scratch)",  # ArcadeDB runs statements written one after another
    "RETURN 1 /* a comment */ CREATE (:Scratch)",
    "RETURN 'a' + \"b\" AS s CREATE (:Scratch)",
    "RETURN 1 // a comment\u2028CREATE (:Scratch)",  # a line end the server may know too
    "MATCH (n) ſET n.x = 1",  # a long s: upper-cases to SET
    "USE system SHOW USERS",
    "SHOW PROCEDURES",
    "INSERT (:Scratch {id: 'gql'})",
    "ALTER DATABASE neo4j SET ACCESS READ WRITE",
    "GRANT ROLE admin TO neo4j",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "STOP DATABASE neo4j",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS l CREATE (:Scratch)",
]

READS = [
    "MATCH (n:Court) RETURN n.name AS name ORDER BY name",
    "MATCH (n:Entity) WHERE n.name = 'CREATE (x) SET y DELETE z' RETURN n.id",  # in a string
    'MATCH (n:Entity) WHERE n.name = "it\'s; DETACH DELETE n" RETURN n.id',
    r"RETURN 'a\'; CREATE (n) //' AS s",  # an escaped quote keeps the string going
    "// CREATE (n)\nMATCH (n:Court) RETURN count(n) AS n",
    "/* MERGE\n SET */ RETURN 1 AS one",
    "RETURN 1 AS `CREATE`",  # a quoted name
    "RETURN 1 AS one;",  # one trailing semicolon
    "MATCH (n:Court) WHERE n.name STARTS WITH '甲' RETURN n.name",
    "MATCH (a)-[r:ADOPTED]->(b) WHERE r.created_at IS NULL RETURN count(r) AS n",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.index.fulltext.queryNodes('Court[search_text]', '丙区') YIELD node RETURN node.name",
    "RETURN date.truncate('month', date('2024-05-17')) AS d",
    "MATCH (n:Entity {id: 'initiative:诉源治理'}) RETURN n {.name, .id} AS m",
    "RETURN COUNT { (n:Court) } AS c",
    "EXPLAIN MATCH (n) RETURN n",
]


def graph_state(store) -> tuple[int, int, list, list]:
    """Node and relationship counts, labels, and every property of the initiatives."""
    nodes = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = store.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    labels = sorted(r["label"] for r in store.read("CALL db.labels() YIELD label RETURN label"))
    initiatives = store.read(
        "MATCH (n:Initiative) RETURN n.id AS id, properties(n) AS p ORDER BY id"
    )
    return nodes, rels, labels, initiatives


# -- the guard, without a store -------------------------------------------------------------
@pytest.mark.parametrize("statement", WRITES)
def test_the_guard_refuses_every_kind_of_write(statement: str) -> None:
    with pytest.raises(WriteRefused) as caught:
        check_read_only(statement)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))  # a Chinese message


@pytest.mark.parametrize("statement", READS)
def test_the_guard_lets_reads_through(statement: str) -> None:
    assert check_read_only(statement).strip()


@pytest.mark.parametrize("statement", ["", "   ", "// only a comment", "RETURN 'open", "/* x"])
def test_empty_or_unfinished_statements_are_chinese_messages(statement: str) -> None:
    with pytest.raises(BadParameter, match="[\u4e00-\u9fff]"):
        check_read_only(statement)


def test_the_messages_name_what_was_refused() -> None:
    with pytest.raises(WriteRefused, match="DETACH、DELETE"):
        check_read_only("MATCH (n) DETACH DELETE n")
    with pytest.raises(WriteRefused, match="一次只能运行一条语句"):
        check_read_only("RETURN 1; RETURN 2")
    with pytest.raises(WriteRefused, match="CALL \\{ … \\} 子查询"):
        check_read_only("CALL { MATCH (n) RETURN n } RETURN n")
    with pytest.raises(WriteRefused, match="db.createLabel"):
        check_read_only("CALL db.createLabel('x')")


# -- the runner, on the embedded store ------------------------------------------------------
def test_arcadedb_read_transactions_do_not_refuse_writes(arcadedb_store) -> None:
    """Why the guard exists: ArcadeDB's Bolt server commits a CREATE sent through
    `execute_read` in a read-access session. If this starts failing, ArcadeDB has begun
    enforcing read transactions (the guard stays, as it costs nothing)."""
    store = arcadedb_store

    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run("CREATE (:Scratch {id: 'written-in-a-read-transaction'})").consume()

    with store.driver.session(
        database=store.database, default_access_mode=neo4j.READ_ACCESS
    ) as session:
        session.execute_read(work)
    found = store.read("MATCH (n:Scratch) RETURN n.id AS id")
    assert found == [{"id": "written-in-a-read-transaction"}]


@pytest.mark.parametrize("statement", WRITES)
def test_refused_writes_leave_the_graph_unchanged(small_store, statement: str) -> None:
    before = graph_state(small_store)
    with pytest.raises(WriteRefused):
        run_read_only(small_store, statement, limit=10)
    assert graph_state(small_store) == before


def test_what_slips_past_the_guard_is_rolled_back(small_store) -> None:
    """The second fence: the runner never commits (here the guard is bypassed on purpose)."""
    from graph.readonly import _run

    before = graph_state(small_store)
    columns, rows, _ = _run(
        small_store,
        f"MATCH (n:Entity {{id: '{g.SUYUAN}'}}) SET n.name = 'changed' RETURN n.name AS name",
        10,
        10.0,
    )
    assert rows == [{"name": "changed"}]  # the server did it inside the transaction ...
    assert graph_state(small_store) == before  # ... and it was rolled back


def test_a_read_returns_rows_and_columns(small_store) -> None:
    result = run_read_only(
        small_store,
        f"MATCH (i:Entity {{id: '{g.SUYUAN}'}})<-[a:ADOPTED]-(u) "
        "RETURN u.name AS unit, a.stage AS stage ORDER BY a.date",
        limit=10,
    )
    assert result.columns == ["unit", "stage"]
    assert result.rows == [
        {"unit": "甲省乙市中级人民法院", "stage": "promoted"},
        {"unit": "甲省乙市丙区人民法院", "stage": "adopted"},
        {"unit": "甲省乙市丁县人民法院", "stage": "piloted"},
    ]
    assert not result.truncated


def test_nodes_paths_and_dates_come_back_as_plain_values(small_store) -> None:
    result = run_read_only(
        small_store,
        f"MATCH p = (u:Entity {{id: '{g.DING}'}})-[a:ADOPTED]->(i) "
        "RETURN u AS unit, a AS fact, p AS path, date('2024-01-02') AS day",
        limit=10,
    )
    (row,) = result.rows
    assert row["unit"]["_labels"] == ["Court", "Entity"] and row["unit"]["id"] == g.DING
    assert row["fact"]["_type"] == "ADOPTED" and row["fact"]["stage"] == "piloted"
    assert [step.get("id", step.get("_type")) for step in row["path"]] == [
        g.DING,
        "ADOPTED",
        g.SUYUAN,
    ]
    assert row["day"] == "2024-01-02"


def test_the_row_limit_truncates(small_store) -> None:
    result = run_read_only(small_store, "MATCH (n:Court) RETURN n.name AS name", limit=2)
    assert len(result.rows) == 2 and result.truncated
    result = run_read_only(small_store, "MATCH (n:Court) RETURN n.name AS name", limit=6)
    assert len(result.rows) == 6 and not result.truncated


def test_server_errors_are_chinese_messages(small_store) -> None:
    with pytest.raises(CypherSyntaxError, match="Cypher 语法错误"):
        run_read_only(small_store, "MATCH (n RETURN n", limit=10)
    with pytest.raises(BadParameter, match="参数"):
        run_read_only(small_store, "RETURN $x AS x", limit=10)


class _SlowSession:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def begin_transaction(self, **kwargs):
        time.sleep(self.seconds)  # a server that ignores the transaction timeout
        raise neo4j.exceptions.ServiceUnavailable("gone")


class _SlowStore:
    description = "a slow server"
    database = "courtgraph"
    query_timeout = 0.2

    def __init__(self, seconds: float) -> None:
        self.driver = self
        self.seconds = seconds

    def session(self, **kwargs):
        return _SlowSession(self.seconds)


def test_a_query_that_runs_too_long_is_given_up_on_time() -> None:
    def running() -> int:
        return sum(t.name == "courtgraph-cypher" for t in threading.enumerate())

    before = running()
    with pytest.raises(QueryTimedOut, match="0.2 秒"):
        run_read_only(_SlowStore(2.5), "MATCH (n) RETURN n", limit=10)  # type: ignore[arg-type]
    # given up on while the server still holds the query (it answers only after 2.5 s)
    assert running() == before + 1
    # the abandoned query holds its slot until the server lets go of it, then frees it
    deadline = time.monotonic() + 5
    while any(t.name == "courtgraph-cypher" for t in threading.enumerate()):
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_a_server_timeout_is_a_timeout_message() -> None:
    from graph.readonly import _translate

    exc = neo4j.exceptions.ClientError._hydrate_neo4j(
        code="Neo.ClientError.Transaction.TransactionTimedOut",
        message="the command exceeded the arcadedb.command.timeout of 60000ms",
    )
    assert isinstance(_translate(exc, _SlowStore(0), 10), QueryTimedOut)  # type: ignore[arg-type]


# -- the page -------------------------------------------------------------------------------
def _texts(at, kind: str) -> list[str]:
    return [str(e.value) for e in getattr(at, kind)]


def _no_trouble(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, _texts(at, "error")


def _submit(at, statement: str):
    at.text_area(key="cypher.q").input(statement)
    return at.button(key="cypher.run").click().run()


def test_the_page_is_in_the_navigation_and_opens_empty(small_store, app) -> None:
    at = app(page="cypher")
    _no_trouble(at)
    assert [t.value for t in at.title] == ["Cypher 查询（只读）"]
    assert "Cypher 查询（只读）" in at.sidebar.radio[0].options
    assert not at.dataframe


def test_the_page_runs_a_read_and_offers_a_csv_and_an_excel_file(small_store, app) -> None:
    at = app(page="cypher")
    at = _submit(
        at,
        f"MATCH (i:Entity {{id: '{g.SUYUAN}'}})<-[a:ADOPTED]-(u)\n"
        "RETURN u.name AS unit, a.stage AS stage, a.date AS date ORDER BY date",
    )
    _no_trouble(at)
    (frame,) = [df.value for df in at.dataframe]
    assert list(frame.columns) == ["unit", "stage", "date"]
    assert list(frame["unit"]) == [
        "甲省乙市中级人民法院",
        "甲省乙市丙区人民法院",
        "甲省乙市丁县人民法院",
    ]
    assert any("**3** 行" in t for t in _texts(at, "markdown"))
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["下载 CSV", "下载 Excel"]
    assert all(b.proto.ignore_rerun for b in buttons)  # a click leaves the page alone
    assert "MATCH" in at.query_params["q"]  # the link carries the statement


def test_an_empty_value_is_a_blank_cell_not_none(small_store, app) -> None:
    """A property a node does not have showed as 'None' (a new user's finding, item 19)."""
    at = _submit(
        app(page="cypher"),
        f"MATCH (i:Entity {{id: '{g.SUYUAN}'}})<-[a:ADOPTED]-(u)\n"
        "RETURN u.name AS unit, a.no_such_property AS note ORDER BY unit",
    )
    _no_trouble(at)
    (frame,) = [df.value for df in at.dataframe]
    assert list(frame["note"]) == ["", "", ""]


def test_the_page_refuses_a_write_and_the_graph_is_unchanged(small_store, app) -> None:
    before = graph_state(small_store)
    at = app(page="cypher")
    for statement in (
        "MATCH (n:Person) DETACH DELETE n",
        "CREATE (:Court:Entity {id: 'court:假', name: '假'})",
        f"MATCH (n:Entity {{id: '{g.SUYUAN}'}}) SET n.name = 'x' RETURN n",
        "CALL { CREATE (:Scratch) } IN TRANSACTIONS",
    ):
        at = _submit(at, statement)
        assert not at.exception
        assert any(t.startswith("已拒绝") and "只能读取" in t for t in _texts(at, "error")), (
            statement
        )
        assert not at.dataframe
    assert graph_state(small_store) == before


def test_the_row_limit_truncates_with_a_note(small_store, app, monkeypatch) -> None:
    monkeypatch.setenv("COURTGRAPH_ROW_LIMIT", "4")
    at = app(page="cypher", q="MATCH (n:Court) RETURN n.name AS name ORDER BY name")
    _no_trouble(at)  # opened from a link: shown, run on a click
    assert at.number_input(key="cypher.limit").value == 4
    assert not at.dataframe
    at = at.button(key="cypher.run").click().run()
    (frame,) = [df.value for df in at.dataframe]
    assert len(frame) == 4
    assert any("只显示前 4 行" in t for t in _texts(at, "warning"))
    at.number_input(key="cypher.limit").set_value(2)
    at = at.button(key="cypher.run").click().run()
    assert len(at.dataframe[0].value) == 2
    assert at.query_params["limit"] in ("2", ["2"])


def test_errors_on_the_page_are_messages_not_tracebacks(small_store, app) -> None:
    at = app(page="cypher")
    at = _submit(at, "MATCH (n RETURN n")
    assert not at.exception
    assert any("Cypher 语法错误" in t for t in _texts(at, "error"))
    at = _submit(at, "RETURN 'unfinished")
    assert not at.exception
    assert any("字符串没有结束" in t for t in _texts(at, "error"))


def test_an_unreachable_store_is_a_chinese_error(app, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j://127.0.0.1:9")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    at = app(page="cypher", q="MATCH (n) RETURN count(n) AS n")
    at = at.button(key="cypher.run").click().run()
    assert not at.exception
    assert any("无法连接图数据库" in t for t in _texts(at, "error"))
    # a write is refused without the store
    at = _submit(at, "MATCH (n) DELETE n")
    assert any(t.startswith("已拒绝") for t in _texts(at, "error"))


def test_the_examples_run(small_store, app) -> None:
    from ui.cypher import examples

    at = app(page="cypher")
    for i, statement in enumerate(examples("Court[search_text]").values()):
        at = at.button(key=f"cypher.example.{i}").click().run()
        _no_trouble(at)
        assert at.text_area(key="cypher.q").value == statement
        assert len(at.dataframe) == 1 and len(at.dataframe[0].value), statement


def test_leaving_and_coming_back_starts_afresh(small_store, app) -> None:
    at = app(page="cypher")
    at = _submit(at, "MATCH (n:Court) RETURN count(n) AS n")
    assert len(at.dataframe) == 1
    at.sidebar.radio[0].set_value("overview").run()
    at.sidebar.radio[0].set_value("cypher").run()
    _no_trouble(at)
    assert at.text_area(key="cypher.q").value == ""
    assert not at.dataframe


def test_a_link_does_not_run_its_query_until_clicked(small_store, app, monkeypatch) -> None:
    import graph.readonly

    ran: list[str] = []
    real = graph.readonly.run_read_only

    def spy(store, cypher, **kw):
        ran.append(cypher)
        return real(store, cypher, **kw)

    monkeypatch.setattr("ui.cypher.run_read_only", spy)
    at = app(page="cypher", q="MATCH (n:Court) RETURN count(n) AS n")
    _no_trouble(at)
    assert ran == [] and not at.dataframe
    assert at.text_area(key="cypher.q").value == "MATCH (n:Court) RETURN count(n) AS n"
    assert any("尚未运行" in t for t in _texts(at, "info"))
    at = at.button(key="cypher.run").click().run()
    assert ran and at.dataframe


def test_exponential_growth_is_refused_before_the_server() -> None:
    for statement in (
        "RETURN size(reduce(s='a', x IN range(1,40) | s+s))",
        "RETURN reduce(acc = [1], x IN range(1, 30) | acc + acc) AS l",
        "WITH 'ab' AS t RETURN REDUCE ( s = t , x IN [1,2,3] | s + '-' + s )",
    ):
        with pytest.raises(WriteRefused, match="成倍增长"):
            check_read_only(statement)
    for fine in (
        "RETURN reduce(s = 0, x IN range(1, 100) | s + x) AS total",
        "RETURN reduce(s = '', x IN ['a', 'b'] | s + x) AS s, 's + s' AS text",
    ):
        assert check_read_only(fine)


def test_a_query_that_runs_out_of_memory_says_so(store) -> None:
    """The server drops the connection of a query that exhausted its memory and answers
    the next one: that is a resource limit, not an unreachable store."""
    from graph.readonly import QueryTooLarge, _translate

    dropped = neo4j.exceptions.ServiceUnavailable("Failed to read from defunct connection")
    err = _translate(dropped, store, 10)
    assert isinstance(err, QueryTooLarge) and "查询超出了资源限制" in str(err)
    refused = neo4j.exceptions.ClientError._hydrate_neo4j(
        code="Neo.ClientError.Statement.ExecutionFailed",
        message="range(1, 100000000, 1) would produce 100000000 elements, exceeding the "
        "maximum of 1000000 allowed by the setting `arcadedb.queryMaxRangeSize`",
    )
    assert isinstance(_translate(refused, store, 10), QueryTooLarge)
    # a range too large for one query is stopped by the embedded server itself
    if store.server == "arcadedb":
        with pytest.raises(QueryTooLarge, match="资源限制"):
            run_read_only(store, "RETURN size(range(1, 100000000)) AS n", limit=5)


def test_a_query_given_up_on_stops_on_the_embedded_server(arcadedb_store) -> None:
    slow = (
        "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000) AS y "
        "WITH x, y WHERE (x * y) % 7919 = 7920 RETURN count(*) AS n"
    )
    with pytest.raises(QueryTimedOut):
        run_read_only(arcadedb_store, slow, limit=5, timeout=1)

    def ours() -> list[dict]:
        running = arcadedb_store.embedded.admin("server", {"command": "list queries"})
        return [q for q in running["result"] if "courtgraph-query" in q["text"]]

    deadline = time.monotonic() + 5  # not its 60 s command timeout
    while ours():
        assert time.monotonic() < deadline, ours()
        time.sleep(0.2)
