"""The command lines as a user runs them: exact `Error:` lines, exit codes, no secrets shown.

`python -m queries` is run as a process once (test_unknown_query: its `__main__` hands
`main(argv)`'s status to the exit code); the other cases call `main(argv)` in this process
(`run_main`), which gives the same status and output without another interpreter start."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.embedded import EmbeddedServer

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=full,
        text=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`python -m MODULE ARGS…` in this process: main(argv)'s status, stdout and stderr."""

    def run(module: str, *args: str, env: dict[str, str] | None = None):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        main = importlib.import_module(f"{module}.__main__").main
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        return subprocess.CompletedProcess([module, *args], code, out.out, out.err)

    return run


def test_unknown_query() -> None:
    r = cli("queries", "adopter")
    assert r.returncode == 1
    assert r.stderr.startswith(
        "Error: 没有名为 'adopter' 的命名查询；`python -m queries --list` 列出"
    )


def test_list_and_describe(run_main) -> None:
    r = run_main("queries", "--list")
    assert r.returncode == 0 and "coverage" in r.stdout and "辖区覆盖情况" in r.stdout
    r = run_main("queries", "coverage", "--help-query")
    assert r.returncode == 0 and "court" in r.stdout


def test_bad_param_syntax(run_main) -> None:
    r = run_main("queries", "adopters", "--param", "initiative")
    assert r.returncode == 1
    assert r.stderr.strip() == (
        "Error: --param 的写法是 键=值（例如 --param initiative=诉源治理），而不是 'initiative'"
    )


def test_bad_parameter_value(embedded_dir: Path, _arcadedb_store, run_main) -> None:
    env = {"COURTGRAPH_DATA_DIR": str(embedded_dir), "NEO4J_URI": ""}
    r = run_main(
        "queries", "neighbourhood", "--param", "entity=court:x", "--param", "depth=7", env=env
    )
    assert r.returncode == 1
    assert r.stderr.strip() == ("Error: 查询 neighbourhood 的参数 depth 应在 1 到 3 之间，而不是 7")


def test_wrong_neo4j_password_is_not_echoed(embedded_dir: Path, _arcadedb_store, run_main) -> None:
    port = EmbeddedServer(embedded_dir).status().bolt_port
    secret = "wrong-Secret-4711"
    env = {
        "NEO4J_URI": f"bolt://127.0.0.1:{port}",
        "NEO4J_USER": "root",
        "NEO4J_PASSWORD": secret,
        "NEO4J_DATABASE": "courtgraph",
    }
    r = run_main("queries", "top_initiatives", env=env)
    assert r.returncode == 1
    assert r.stderr.startswith(
        f"Error: Neo4j（bolt://127.0.0.1:{port}）拒绝了用户名或密码：请检查 NEO4J_USER 和 NEO4J_PASSWORD"
    )
    assert secret not in r.stderr + r.stdout


def test_unreachable_server(run_main) -> None:
    env = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}
    r = run_main("queries", "top_initiatives", env=env)
    assert r.returncode == 1
    assert r.stderr.startswith(
        "Error: 无法连接 Neo4j（bolt://127.0.0.1:9）：请确认服务器在运行，并检查 NEO4J_URI"
        "（ServiceUnavailable: "
    )


def test_missing_neo4j_password(run_main) -> None:
    r = run_main(
        "queries", "top_initiatives", env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": ""}
    )
    assert r.returncode == 1
    assert r.stderr.strip() == (
        "Error: 设置了 NEO4J_URI，却没有设置 NEO4J_PASSWORD：请两个都设置"
        "（都不设置则使用内置的 ArcadeDB）"
    )


def test_a_uri_of_an_unknown_scheme_is_an_error_line(run_main) -> None:
    """NEO4J_URI=foo://… ended in the driver's traceback (its ConfigurationError)."""
    r = run_main("queries", "top_initiatives", env={"NEO4J_URI": "foo://x", "NEO4J_PASSWORD": "x"})
    assert r.returncode == 1
    assert r.stderr.startswith("Error: NEO4J_URI 'foo://x' 无效（应形如 neo4j://主机:7687")
    assert "Traceback" not in r.stderr


@pytest.mark.slow
def test_readme_commands_on_the_sample(tmp_path: Path) -> None:
    """The README's main job, in a fresh data directory: ingest the sample, query it."""
    env = {"COURTGRAPH_DATA_DIR": str(tmp_path / "graph"), "NEO4J_URI": ""}
    try:
        r = cli("ingest", str(ROOT / "data" / "sample"), env=env)
        assert r.returncode == 0, r.stderr
        assert "失败 0 篇" in r.stdout
        r = cli("queries", "adopters", "--param", "initiative=诉源治理", "--format", "csv", env=env)
        assert r.returncode == 0, r.stderr
        assert "辽宁省本溪市中级人民法院" in r.stdout
        r = cli("graph", "status", env=env)
        assert r.returncode == 0 and "Document" in r.stdout
        out = tmp_path / "sub.graphml"
        r = cli("graph", "export", "本溪中院", "--format", "graphml", "-o", str(out), env=env)
        assert r.returncode == 0, r.stderr
        assert "辽宁省本溪市中级人民法院" in out.read_text(encoding="utf-8")
        # the extension names the format; a missing folder is an Error: line, no half file
        gexf = tmp_path / "sub.gexf"
        r = cli("graph", "export", "本溪中院", "-o", str(gexf), env=env)
        assert r.returncode == 0, r.stderr
        assert "<gexf" in gexf.read_text(encoding="utf-8")
        r = cli("graph", "export", "本溪中院", "-o", str(tmp_path / "no" / "x.json"), env=env)
        assert r.returncode == 1 and r.stderr.startswith("Error:") and "不存在" in r.stderr
        r = cli("graph", "export", "本溪中院", "--format", "json", "-o", str(gexf), env=env)
        assert r.returncode == 1 and "扩展名表示 gexf" in r.stderr
        assert "<gexf" in gexf.read_text(encoding="utf-8")
    finally:
        EmbeddedServer(tmp_path / "graph").stop()


def test_output_piped_into_head_ends_without_a_traceback() -> None:
    code = (
        "from graph.cli import run_main\n"
        "def main():\n"
        "    for i in range(200000):\n"
        "        print('行', i)\n"
        "    return 0\n"
        "run_main(main)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize(
    ("argv", "module_form", "command_form"),
    [
        (["query"], "python -m queries", "courtgraph query"),
        (["ingest", "extract"], "python -m ingest extract", "courtgraph ingest extract"),
        (["graph", "brief"], "python -m graph brief", "courtgraph graph brief"),
        (["analytics", "timeline"], "python -m queries.analytics timeline", None),
    ],
)
def test_help_names_the_command_it_was_called_by(
    argv: list[str], module_form: str, command_form: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    from courtgraph.cli import COMMANDS
    from courtgraph.cli import main as courtgraph

    module = importlib.import_module(COMMANDS[argv[0]][0])
    with pytest.raises(SystemExit):
        module.main([*argv[1:], "--help"])
    assert capsys.readouterr().out.startswith(f"用法：{module_form} ")
    with pytest.raises(SystemExit):
        courtgraph([*argv, "--help"])
    expected = command_form or f"courtgraph {' '.join(argv)}"
    assert capsys.readouterr().out.startswith(f"用法：{expected} ")
    with pytest.raises(SystemExit):  # and a plain module call after it names itself again
        module.main([*argv[1:], "--help"])
    assert capsys.readouterr().out.startswith(f"用法：{module_form} ")


def test_extract_says_why_a_file_failed_in_chinese(tmp_path, capsys) -> None:
    """`python -m ingest extract` on a missing or empty file said "no such file or folder",
    "empty file (0 bytes)": in Chinese, as the ingest summary says them."""
    from ingest.__main__ import main

    (tmp_path / "空.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "无.txt"), str(tmp_path / "空.txt")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"Error: {tmp_path / '无.txt'}：没有这个文件或文件夹",
        f"Error: {tmp_path / '空.txt'}：空文件（0 字节）",
    ]


def test_a_dry_run_says_how_its_fact_count_differs_from_the_real_run() -> None:
    """`将写入：… 事实 66` beside a real run's `新增事实 52 条` on the same files read as a
    contradiction (a new user's finding): the dry run says what its number counts."""
    from ingest.pipeline import IngestReport
    from ingest.uploads import dry_run_note_zh

    dry = IngestReport(dry_run=True, planned={"documents": 4, "facts": 66})
    note = dry_run_note_zh(dry)
    assert note is not None and "事实 66 条" in note and "“新增事实”" in note
    assert "只计一次" in note and "图中已有" in note
    assert dry_run_note_zh(IngestReport(dry_run=False, facts_added=52)) is None
    assert dry_run_note_zh(IngestReport(dry_run=True)) is None  # nothing would be written


_GRAPH_COMMANDS = [
    "status",
    "stop",
    "reset",
    "export",
    "delete-document",
    "backup",
    "restore",
    "collections",
    "delete-collection",
    "review",
]
_REVIEW_COMMANDS = [
    "queue",
    "confirm",
    "reject",
    "correct",
    "add",
    "merge",
    "rename",
    "promote",
    "drop",
    "history",
    "export",
    "import",
    "apply",
    "progress",
    "hash-password",
]


def _help(main: Any, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--help"])
    assert exc.value.code == 0
    return capsys.readouterr().out


def test_python_m_graph_helps_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m graph --help` and its subcommands' were English (`python -m ingest`'s are
    Chinese): every command, option and argument is described in Chinese, and each
    subcommand's --help starts with the line the list of commands gives it (it had none)."""
    from courtgraph.graph_cli import main

    english = re.compile(r"\b[A-Za-z]{2,}'?[a-z]* [a-z]{2,} [a-z]{2,}\b")  # three words
    helps = {(): _help(main, [], capsys)}
    for cmd in _GRAPH_COMMANDS:
        helps[(cmd,)] = _help(main, [cmd], capsys)
    for cmd in _REVIEW_COMMANDS:
        helps[("review", cmd)] = _help(main, ["review", cmd], capsys)
    for argv, text in helps.items():
        body = text.split("\n\n", 1)[1]  # after the usage
        assert not english.search(body), (argv, english.search(body))
    assert "\n所配置的存储、服务器状态和数量统计\n" in helps[("status",)]
    assert "\n待审核的事实，置信度最低的在前\n" in helps[("review", "queue")]
    assert re.search(r"\n  --yes +不询问，直接删除\n", helps[("reset",)])


def test_python_m_figures_helps_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m figures --help` and its subcommands' were English (adoption map (采用情况图)
    under a court, 2 for print) while every other command helps in Chinese; option names stay."""
    from figures.__main__ import main

    english = re.compile(r"\b[A-Za-z]{2,}'?[a-z]* [a-z]{2,} [a-z]{2,}\b")  # three words
    commands = ["map", "timeline", "brief", "portfolio", "coverage", "table"]
    helps = {(): _help(main, [], capsys)}
    for cmd in commands:
        helps[(cmd,)] = _help(main, [cmd], capsys)
    for argv, text in helps.items():
        body = text.split("\n\n", 1)[1]  # after the usage
        assert not english.search(body), (argv, english.search(body))
        assert not re.search(r"\((?:e\.g\.|default)", body), argv
    assert "\n一个举措的扩散时间线\n" in helps[("timeline",)]
    assert re.search(r"\n  --scale \{1,2,3\} +放大倍数", helps[("map",)])
    for option in ("--court", "--output", "--collection", "--verified-only", "--scale"):
        assert option in helps[("map",)]
    assert "--unit" in helps[("brief",)] and "--param" in helps[("table",)]


_ENTRY_POINTS = (
    ("courtgraph.cli", []),
    ("courtgraph.cli", ["app"]),
    ("ingest.__main__", []),
    ("ingest.__main__", ["extract"]),
    ("ingest.__main__", ["roster"]),
    ("queries.__main__", []),
    ("queries.analytics.__main__", []),
    ("queries.analytics.__main__", ["timeline"]),
    ("courtgraph.graph_cli", []),
    ("courtgraph.graph_cli", ["review", "queue"]),
    ("figures.__main__", []),
    ("figures.__main__", ["map"]),
)


@pytest.mark.parametrize(("module", "argv"), _ENTRY_POINTS)
def test_argparse_says_its_own_words_in_chinese(
    module: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """usage:, options:, positional arguments: and show this help message and exit were
    English on every command line (graph.cli.ArgumentParser)."""
    import importlib

    main = importlib.import_module(module).main
    try:
        status = main([*argv, "--help"])
    except SystemExit as exc:
        status = exc.code
    assert status == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "选项：\n" in out and "显示此帮助并退出" in out, out
    for word in ("usage:", "options:", "positional arguments:", "show this help"):
        assert word not in out


def test_argparse_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    from courtgraph.graph_cli import main as graph
    from ingest.__main__ import main as ingest

    with pytest.raises(SystemExit) as exc:
        graph(["export", "本溪中院"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：python -m graph export ")
    assert err.endswith("python -m graph export：错误：缺少必需的参数：--output/-o\n")
    with pytest.raises(SystemExit):
        graph(["export", "本溪中院", "-o", "x.json", "--limit", "很多"])
    assert capsys.readouterr().err.endswith("错误：参数 --limit：不是整数：'很多'\n")
    with pytest.raises(SystemExit):
        ingest(["a.txt", "--dryrun"])
    assert capsys.readouterr().err.endswith("python -m ingest：错误：无法识别的参数：--dryrun\n")
    with pytest.raises(SystemExit):
        graph(["review", "queue", "--format", "xml"])
    assert capsys.readouterr().err.endswith(
        "错误：参数 --format：无效的选择 'xml'（可选：'table', 'json'）\n"
    )
