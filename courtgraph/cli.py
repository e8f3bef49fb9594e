"""The `courtgraph` command: one entry point over the package command lines.

Each subcommand hands the rest of the command line to the `main(argv)` of the module that
`python -m …` runs, so `courtgraph query adopters --param initiative=诉源治理` and
`python -m queries adopters --param initiative=诉源治理` are the same call (the module is
imported only when its command runs). `courtgraph app` starts the Streamlit explorer.

>>> main(["--version"])  # doctest: +ELLIPSIS
courtgraph ...
0
"""

from __future__ import annotations

import argparse
import importlib
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from courtgraph import __version__
from graph.cli import ArgumentParser

# command -> (module whose main(argv) runs it, one line for the overview)
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("ingest.__main__", "把文件或文件夹导入图谱；`extract` 只显示抽取结果"),
    "query": ("queries.__main__", "运行一个只读的命名查询（--list 列出全部）"),
    "analytics": ("queries.analytics.__main__", "统计分析：推行时间线、覆盖、面板、事件表 …"),
    "graph": ("courtgraph.graph_cli", "图谱存储：状态、停止、清空、导出、备份、审核、简报"),
    "figures": ("figures.__main__", "采用情况图、时间线图、简报（.png .pptx .docx）"),
    "app": ("courtgraph.cli", "启动 Streamlit 浏览界面（其余选项交给 `streamlit run`）"),
}


def app_script() -> Path:
    """The explorer's Streamlit script: app.py beside the packages (checkout or installed)."""
    return Path(__file__).resolve().parents[1] / "app.py"


def streamlit_options() -> list[str]:
    """The explorer's .streamlit/config.toml as `streamlit run` options, so that it applies
    from any folder (Streamlit itself reads that file from the working directory only).

    >>> streamlit_options()[:2]
    ['--browser.gatherUsageStats', 'false']
    """
    import tomllib

    from courtgraph.resources import STREAMLIT_CONFIG

    config = tomllib.loads(STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    options = []
    for section, values in config.items():
        for key, value in values.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            options += [f"--{section}.{key}", text]
    return options


def app(argv: Sequence[str] | None = None) -> int:
    """`courtgraph app [STREAMLIT_OPTION …]`: `streamlit run app.py` with those options.

    Streamlit reads `.streamlit/config.toml` (and `secrets.toml`) from the working directory;
    where there is no config.toml, the explorer's own settings are passed as options, so it
    runs offline and headless from any folder."""
    p = ArgumentParser(
        prog="courtgraph app",
        description=(
            "在所配置的图谱存储上启动 courtgraph 浏览界面（Streamlit）。-h 以外的选项交给 "
            "`streamlit run`，例如 --server.port 8502、--server.address 127.0.0.1。Streamlit "
            "从当前目录读取 .streamlit/config.toml 和 secrets.toml（审核人账号）；当前目录没有 "
            "config.toml 时，使用浏览界面自带的设置（离线、无头模式）。"
        ),
    )
    _, rest = p.parse_known_args(argv)
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_script())]
    if not (Path.cwd() / ".streamlit" / "config.toml").is_file():
        cmd += streamlit_options()
    cmd += rest
    return run_child(cmd)


def run_child(cmd: Sequence[str]) -> int:
    """Run `cmd` until it ends and return its status; a SIGTERM or SIGHUP sent to this process
    (`kill PID`, a closed terminal) is passed on to it, so stopping `courtgraph app` stops the
    Streamlit server too instead of leaving it running without a parent. The handlers are in
    place before the child starts (a signal in between would kill this process alone), and a
    child killed by signal N gives the shell's status 128+N (Popen's is -N)."""
    child: subprocess.Popen[bytes] | None = None
    pending: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        if child is None:
            pending.append(signum)  # the child is being started: sent to it once it is
        else:
            child.send_signal(signum)

    caught = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    before = {signum: signal.signal(signum, forward) for signum in caught}
    try:
        child = subprocess.Popen(list(cmd))
        for signum in pending:
            child.send_signal(signum)
        while True:
            try:
                status = child.wait()
                return 128 - status if status < 0 else status
            except KeyboardInterrupt:
                # Ctrl-C reached the whole process group: Streamlit is stopping too; wait for it
                child.send_signal(signal.SIGINT)
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def _parser() -> argparse.ArgumentParser:
    width = max(map(len, COMMANDS))
    lines = [f"  {name:{width}}  {help}" for name, (_, help) in COMMANDS.items()]
    return ArgumentParser(
        prog="courtgraph",
        usage="courtgraph [-h] [--version] 命令 [参数 …]",
        description=(
            "中国法院改革举措知识图谱：导入文档，查询和分析图谱，导出图片，打开浏览界面。"
        ),
        epilog=(
            "命令：\n"
            + "\n".join(lines)
            + "\n\n`courtgraph 命令 --help` 说明一个命令。设置来自环境变量（NEO4J_URI …、\n"
            "COURTGRAPH_DATA_DIR …）：`courtgraph graph status` 显示它们。"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run `courtgraph COMMAND ARG …`; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        name, rest = args[0], args[1:]
        if name == "app":
            return app(rest)
        from graph.cli import called_as

        module = importlib.import_module(COMMANDS[name][0])
        with called_as(f"courtgraph {name}"):
            return int(module.main(rest))
    p = _parser()
    p.add_argument(
        "--version", action="version", version=f"courtgraph {__version__}", help="显示版本号并退出"
    )
    p.add_argument("command", nargs="?", metavar="COMMAND", help=argparse.SUPPRESS)
    try:
        ns, _ = p.parse_known_args(args)
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    if ns.command is None:
        p.print_help()
        return 0 if not args else 2
    p.print_usage(sys.stderr)
    print(
        f"courtgraph：错误：没有命令 {ns.command!r}（可选：{'、'.join(COMMANDS)}）",
        file=sys.stderr,
    )
    return 2


def run() -> None:
    """The console script: exit with `main()`'s status, quietly on a closed pipe."""
    from graph.cli import run_main

    run_main(main)
