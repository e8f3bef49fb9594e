"""Options for the whole suite (tests/conftest.py holds the fixtures).

Tests marked `slow` (a fresh install, a large graph, a server killed on purpose, the explorer
driven in Chromium) are skipped unless `--runslow` is given, so `python -m pytest` stays
quick; CI runs both:
`python -m pytest` and `python -m pytest --runslow -m slow`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run the tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _a_data_directory_of_the_suites_own(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Path]:
    """The embedded store a test opens without naming one is a temporary one, never the
    user's: the default `data/graph` of the folder the suite runs from (a court's graph, when
    the suite runs in the checkout the user works in) or the directory their
    COURTGRAPH_DATA_DIR names. A test that needs the variable sets it itself. A server
    started there is stopped when the suite ends."""
    data_dir = tmp_path_factory.mktemp("default-data") / "graph"
    patch = pytest.MonkeyPatch()
    patch.setenv("COURTGRAPH_DATA_DIR", str(data_dir))
    try:
        yield data_dir
    finally:
        patch.undo()
        if data_dir.exists():
            from graph.embedded import EmbeddedServer

            EmbeddedServer(data_dir).stop()
