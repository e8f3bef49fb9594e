"""Shared fixtures: one embedded ArcadeDB server per test session, a Neo4j store when
NEO4J_URI is set, and a small graph whose answers are known by construction."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "neo4j: needs a Neo4j 5.x server (set NEO4J_URI)")
    config.addinivalue_line("markers", "browser: needs Chromium (chromium, chromium-driver)")
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


@pytest.fixture(scope="session")
def embedded_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from graph.embedded import EmbeddedServer

    path = tmp_path_factory.mktemp("arcadedb")
    yield path
    EmbeddedServer(path).stop()


@pytest.fixture(scope="session")
def _arcadedb_store(embedded_dir: Path):  # type: ignore[no-untyped-def]
    from graph.store import open_store

    store = open_store(Settings(data_dir=embedded_dir))
    yield store
    store.close()


@pytest.fixture(scope="session")
def _neo4j_store():  # type: ignore[no-untyped-def]
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set: the Neo4j half of the contract suite needs a server")
    from graph.store import open_store

    store = open_store(Settings.from_env())
    yield store
    store.close()


@pytest.fixture(params=["arcadedb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """An empty store on each server (Neo4j only when NEO4J_URI is set)."""
    s = request.getfixturevalue(f"_{request.param}_store")
    s.clear()
    yield s


@pytest.fixture
def arcadedb_store(_arcadedb_store):  # type: ignore[no-untyped-def]
    """An empty embedded store (for tests that are about the embedded server only)."""
    _arcadedb_store.clear()
    return _arcadedb_store


@pytest.fixture
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (the shared corpus is not checked out beside the repo)")
    return corpus
