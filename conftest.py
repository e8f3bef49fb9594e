"""Options for the whole suite (tests/conftest.py holds the fixtures).

Tests marked `slow` (a fresh install, a large graph, a server killed on purpose, the explorer
driven in Chromium) are skipped unless `--runslow` is given, so `python -m pytest` stays
quick; CI runs both:
`python -m pytest` and `python -m pytest --runslow -m slow`.
"""

from __future__ import annotations

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
