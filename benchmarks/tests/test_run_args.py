"""`python -m benchmarks.run --store DIR --only NAMES`: named queries timed on a kept store."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import run


def test_only_names_known_queries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--store", str(tmp_path), "--only", "collections,nope"]) == 2
    assert "Error: no named query nope" in capsys.readouterr().err


def test_store_must_be_an_embedded_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run.main(["--store", str(tmp_path), "--only", "collections"]) == 2
    assert f"Error: {tmp_path} is not an embedded store" in capsys.readouterr().err
