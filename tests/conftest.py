"""Shared fixtures: one embedded ArcadeDB server per test session, a Neo4j store when
COURTGRAPH_TEST_NEO4J_URI is set, and a small graph whose answers are known by construction.

The tests empty their database before every test, so they never read the production settings
(`NEO4J_URI`, …): a Neo4j server for tests is named by its own variables
(`COURTGRAPH_TEST_NEO4J_URI`, `_USER`, `_PASSWORD`, `_DATABASE`), and a database is emptied
only when it carries the test mark (a `CourtgraphTestDatabase` node), which the tests put
only into a database that is empty when they first meet it. A database holding anything
else stops the run before a single node is deleted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from graph.settings import Settings
from graph.store import TEST_MARKER, GraphStore
from tests import graph_fixtures as g
from tests.shared_corpus import CORPUS, HINT

#: the test suite's own Neo4j variables, and the production setting each stands for
TEST_NEO4J_ENV = {
    "COURTGRAPH_TEST_NEO4J_URI": "NEO4J_URI",
    "COURTGRAPH_TEST_NEO4J_USER": "NEO4J_USER",
    "COURTGRAPH_TEST_NEO4J_PASSWORD": "NEO4J_PASSWORD",
    "COURTGRAPH_TEST_NEO4J_DATABASE": "NEO4J_DATABASE",
}


class NotATestDatabase(RuntimeError):
    """The database holds data and no test mark: the tests will not empty it."""


def neo4j_test_settings(environ: Mapping[str, str] | None = None) -> Settings | None:
    """Settings for the Neo4j test server, from the COURTGRAPH_TEST_NEO4J_* variables only
    (None when COURTGRAPH_TEST_NEO4J_URI is unset, whatever NEO4J_URI says)."""
    env = os.environ if environ is None else environ
    if not env.get("COURTGRAPH_TEST_NEO4J_URI"):
        return None
    return Settings.from_env(
        {prod: env[test] for test, prod in TEST_NEO4J_ENV.items() if env.get(test)}
    )


def clear_test_store(store: GraphStore) -> None:
    """Empty a database the tests own: one with the test mark, or an empty one (which is
    marked first). Anything else raises `NotATestDatabase` and nothing is deleted."""
    marked = store.read(f"MATCH (m:{TEST_MARKER}) RETURN count(m) AS n")[0]["n"]
    if not marked:
        if store.read("MATCH (n) WITH n LIMIT 1 RETURN count(n) AS n")[0]["n"]:
            raise NotATestDatabase(
                f"refusing to empty {store.description} (database {store.database!r}): it holds "
                f"data and is not marked as a test database (no {TEST_MARKER} node). Point "
                "COURTGRAPH_TEST_NEO4J_URI / COURTGRAPH_TEST_NEO4J_DATABASE at an empty database "
                "for the tests; they mark it and use it from then on."
            )
        _mark(store)
    store.clear()  # keeps the mark


def _mark(store: GraphStore) -> None:
    store.write_statements(
        [(f"MERGE (:{TEST_MARKER} {{id: $id}})", {"id": "courtgraph test database"})]
    )


def _clear_or_stop(store: GraphStore) -> None:
    try:
        clear_test_store(store)
    except NotATestDatabase as exc:
        pytest.exit(str(exc), returncode=3)  # stop the whole run: no test touches it


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "neo4j: needs a Neo4j 5.x server (set COURTGRAPH_TEST_NEO4J_URI)"
    )
    config.addinivalue_line("markers", "browser: needs Chromium (chromium, chromium-driver)")
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


@pytest.fixture(scope="session")
def embedded_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from graph.embedded import EmbeddedServer

    path = tmp_path_factory.mktemp("arcadedb")
    yield path
    EmbeddedServer(path).stop()


@pytest.fixture(scope="session")
def _arcadedb_store(embedded_dir: Path):
    from graph.store import open_store

    store = open_store(Settings(data_dir=embedded_dir))
    _mark(store)  # a server in a fresh temporary folder is the tests' own
    yield store
    store.close()


@pytest.fixture(scope="session")
def _neo4j_store():
    settings = neo4j_test_settings()
    if settings is None:
        pytest.skip(
            "COURTGRAPH_TEST_NEO4J_URI is not set: the Neo4j half of the contract suite needs "
            "a Neo4j server for tests (never the production NEO4J_URI)"
        )
    from neo4j import GraphDatabase

    from graph import dialect
    from graph.store import open_store

    # look before `open_store` writes anything (schema, summaries): refuse a database that
    # is not the tests' own
    probe = GraphStore(
        GraphDatabase.driver(
            settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password or "")
        ),
        database=settings.neo4j_database,
        server=dialect.NEO4J,
        description=f"Neo4j（{settings.neo4j_uri}）",
    )
    try:
        probe.verify()
        _clear_or_stop(probe)
    finally:
        probe.close()
    store = open_store(settings)
    yield store
    store.close()


@pytest.fixture(params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest):
    """An empty store on each server (Neo4j only when COURTGRAPH_TEST_NEO4J_URI is set)."""
    s = request.getfixturevalue(f"_{request.param}_store")
    _clear_or_stop(s)
    yield s


@pytest.fixture
def arcadedb_store(_arcadedb_store):
    """An empty embedded store (for tests that are about the embedded server only)."""
    _clear_or_stop(_arcadedb_store)
    return _arcadedb_store


def graph_snapshot(store: GraphStore) -> str:
    """Every node (labels, properties) and relationship (ends, type, properties) of a small
    graph, in one canonical string: one read, about 10 ms of server time."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", limit=100_000)
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p",
        limit=100_000,
    )

    def canon(rows: list[dict]) -> list[str]:  # type: ignore[type-arg]
        return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in rows)

    return json.dumps([canon(nodes), canon(rels)], ensure_ascii=False)


#: what the last load of the small graph left in each session store: (steps, snapshot)
_SMALL_GRAPH_LOADED: dict[int, tuple[tuple[str, ...], str]] = {}


def small_graph_in(store: GraphStore, *steps: Callable[[GraphStore], object]) -> GraphStore:
    """The small graph (tests.graph_fixtures) in a session store, then `steps` run on it in
    order (e.g. `with_document_c`), exactly as they leave an emptied store. Emptying and
    loading costs about 0.3 s of server CPU, so it is skipped when the store still holds,
    node for node and property for property, what the same load and steps left last time
    (the previous test only read it); a test that changed anything makes the next one load
    afresh. Steps are told apart by their qualified names: give each its own function."""
    names = tuple(f"{f.__module__}.{f.__qualname__}" for f in steps)
    loaded = _SMALL_GRAPH_LOADED.get(id(store))
    if loaded is None or loaded[0] != names or loaded[1] != graph_snapshot(store):
        _clear_or_stop(store)
        g.load_small_graph(store)
        for step in steps:
            step(store)
        _SMALL_GRAPH_LOADED[id(store)] = (names, graph_snapshot(store))
    return store


def with_document_c(store: GraphStore) -> None:
    """A step for `small_graph_in`: document C written after the small graph."""
    store.write_documents([g.document_c()])


XISHAN = g.entity_id("Tribunal", "甲省乙市戊县人民法院西山人民法庭")


def with_tribunal_of_wu_adopting(store) -> None:
    """A step for `small_graph_in`: document C, then a document in which 戊县's 西山法庭
    (a tribunal of 戊县法院, which reports nothing itself) runs 诉源治理."""
    with_document_c(store)
    s1 = "西山法庭隶属戊县法院。"
    s2 = "西山法庭推行诉源治理。"
    store.write_documents(
        [
            g.DocumentGraph(
                id=g.document_id("e" * 64),
                props={"title": "样例文档戊", "date": "2024-03-01", "content_hash": "e" * 64},
                nodes=[
                    g.NodeRow(
                        "Tribunal",
                        XISHAN,
                        {"name": "甲省乙市戊县人民法院西山人民法庭", "level": "tribunal"},
                        aliases=["西山法庭"],
                    )
                ],
                mentions=[
                    g.MentionRow(XISHAN, "西山法庭", s1, 0, 4),
                    g.MentionRow(g.WU, "戊县法院", s1, 6, 10),
                    g.MentionRow(g.SUYUAN, "诉源治理", s2, 6, 10),
                ],
                facts=[
                    g.FactRow("PART_OF", XISHAN, g.WU, (), {}, g._ev(s1)),
                    g.FactRow(
                        "ADOPTED",
                        XISHAN,
                        g.SUYUAN,
                        ("adopted",),
                        {"stage": "adopted"},
                        g._ev(s2, "2024-03", "month"),
                    ),
                ],
            )
        ]
    )


@pytest.fixture(params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def server_store(request: pytest.FixtureRequest):
    """A session store on each server, as `store` gives but not emptied: for fixtures that
    build their graph with `small_graph_in` (which empties it when it must)."""
    return request.getfixturevalue(f"_{request.param}_store")


@pytest.fixture
def arcadedb_small_graph(_arcadedb_store):
    """The embedded store holding just the small graph (see `small_graph_in`)."""
    return small_graph_in(_arcadedb_store)


@pytest.fixture
def shared_corpus() -> Path:
    """The shared annotated corpus (tests.shared_corpus: COURTGRAPH_SHARED_DIR or ../shared)."""
    if not CORPUS.is_dir():
        pytest.skip(HINT)
    return CORPUS
