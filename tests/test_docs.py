"""The generated references in docs/ match the code (regenerate with the tools named),
.env.example names every setting, and docs/data-model.md the collection-counts summary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from graph.settings import SETTINGS
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


def test_env_example_names_every_setting() -> None:
    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    named = {line.lstrip("# ").split("=", 1)[0] for line in example.splitlines() if "=" in line}
    assert {s.env for s in SETTINGS} <= named


def test_data_model_names_the_collection_counts_summary() -> None:
    """docs/data-model.md's Meta row and Summaries section name the collection-counts node
    (graph/collection_counts.py) and what it keeps."""
    from graph import collection_counts

    text = (Path(__file__).resolve().parents[1] / "docs" / "data-model.md").read_text(
        encoding="utf-8"
    )
    meta = next(line for line in text.splitlines() if line.startswith("| `Meta` |"))
    summaries = text.split("## Summaries", 1)[1].split("\n## ", 1)[0]
    for part in (meta, summaries):
        assert f'{{id: "{collection_counts.SUMMARY_ID}"}}' in part
        assert all(f"`{k}`" in part for k in ("names", "counts", "documents"))
