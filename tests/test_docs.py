"""The generated references in docs/ match the code (regenerate with the tools named)."""

from __future__ import annotations

import sys

import pytest

from tools import cli_docs, query_docs


@pytest.mark.skipif(
    sys.version_info[:2] != cli_docs.PYTHON, reason="argparse's layout varies between versions"
)
def test_cli_reference_is_current() -> None:
    current = cli_docs.TARGET.read_text(encoding="utf-8")
    assert current == cli_docs.render(), "docs/cli.md is out of date: python -m tools.cli_docs"


def test_query_reference_is_current() -> None:
    current = query_docs.TARGET.read_text(encoding="utf-8")
    assert current == query_docs.render(), "docs/queries.md is stale: python -m tools.query_docs"
