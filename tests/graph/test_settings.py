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
        # in Chinese, as every other message (they were English)
        ({"COURTGRAPH_QUERY_TIMEOUT": "ten"}, "COURTGRAPH_QUERY_TIMEOUT 应为秒数"),
        ({"COURTGRAPH_QUERY_TIMEOUT": "-1"}, "COURTGRAPH_QUERY_TIMEOUT 应在 0.1 到 86,400 之间"),
        ({"COURTGRAPH_QUERY_TIMEOUT": "nan"}, "COURTGRAPH_QUERY_TIMEOUT 应在"),
        ({"COURTGRAPH_ROW_LIMIT": "1e3"}, "COURTGRAPH_ROW_LIMIT 应为整数行数"),
        ({"COURTGRAPH_ROW_LIMIT": "0"}, "COURTGRAPH_ROW_LIMIT 应在 1 到"),
        ({"COURTGRAPH_HEAP": "lots"}, "COURTGRAPH_HEAP 应为 Java 堆大小"),
        ({"COURTGRAPH_HOME_COURT": "院" * 201}, "COURTGRAPH_HOME_COURT 应为一个法院的名称"),
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
    assert err[-1].startswith("Error: 环境变量 COURTGRAPH_QUERY_TIMEOUT 应为秒数")
    assert err[-1].endswith("，而不是 'ten'")


def test_export_limit_is_checked(
    embedded_dir, _arcadedb_store, tmp_path, monkeypatch, capsys
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["export", "court:x", "--limit", "-5", "-o", str(tmp_path / "x.graphml")]) == 1
    assert capsys.readouterr().err.strip() == "Error: --limit 应在 1 到 100,000 之间，而不是 -5"


def test_status_says_a_setting_is_unset_in_chinese() -> None:
    """`python -m graph status` listed NEO4J_URI (unset) among its Chinese lines."""
    rows = {env: value for env, value, _help in Settings.from_env({}).describe()}
    assert rows["NEO4J_URI"] == rows["NEO4J_PASSWORD"] == "（未设置）"
    shown = Settings.from_env({"NEO4J_PASSWORD": "secret"}).describe()
    assert ("NEO4J_PASSWORD", "***") in [(env, value) for env, value, _help in shown]
