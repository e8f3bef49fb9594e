"""Settings: one table, parsed from the environment; a value that does not parse is an
`Error:` line naming its variable, never a traceback."""

from __future__ import annotations

import pytest

from graph.errors import BadParameter
from graph.settings import Settings


def test_defaults_and_values() -> None:
    s = Settings.from_env({"COURTGRAPH_QUERY_TIMEOUT": "2.5", "COURTGRAPH_ROW_LIMIT": "50"})
    assert (s.query_timeout, s.row_limit, s.heap, s.neo4j_uri) == (2.5, 50, "1g", None)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"COURTGRAPH_QUERY_TIMEOUT": "ten"},
            "COURTGRAPH_QUERY_TIMEOUT must be a number of seconds",
        ),
        ({"COURTGRAPH_QUERY_TIMEOUT": "-1"}, "COURTGRAPH_QUERY_TIMEOUT must be between"),
        ({"COURTGRAPH_QUERY_TIMEOUT": "nan"}, "COURTGRAPH_QUERY_TIMEOUT must be between"),
        ({"COURTGRAPH_ROW_LIMIT": "1e3"}, "COURTGRAPH_ROW_LIMIT must be a whole number"),
        ({"COURTGRAPH_ROW_LIMIT": "0"}, "COURTGRAPH_ROW_LIMIT must be between 1"),
        ({"COURTGRAPH_HEAP": "lots"}, "COURTGRAPH_HEAP must be a Java heap size"),
    ],
)
def test_bad_values_name_their_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(BadParameter, match=message):
        Settings.from_env(env)


@pytest.mark.parametrize("module", ["graph", "queries", "ingest", "queries.analytics"])
def test_every_command_prints_an_error_line(module: str, monkeypatch, capsys) -> None:
    import importlib

    monkeypatch.setenv("COURTGRAPH_QUERY_TIMEOUT", "ten")
    main = importlib.import_module(f"{module}.__main__").main
    argv = {
        "graph": ["status"],
        "queries": ["top_initiatives"],
        "ingest": ["nothing-here"],
        "queries.analytics": ["provinces"],
    }[module]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(
        "Error: COURTGRAPH_QUERY_TIMEOUT must be a number of seconds, not 'ten'"
    )


def test_export_limit_is_checked(
    embedded_dir, _arcadedb_store, tmp_path, monkeypatch, capsys
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["export", "court:x", "--limit", "-5", "-o", str(tmp_path / "x.graphml")]) == 1
    assert capsys.readouterr().err.strip() == "Error: --limit 应在 1 到 100,000 之间，而不是 -5"
