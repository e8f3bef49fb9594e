"""The installed courtgraph: what the wheel holds, the `courtgraph` command, and (slow) a
wheel installed into a fresh virtual environment working from another folder."""

from __future__ import annotations

import fnmatch
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import tomllib
import venv
from pathlib import Path
from typing import Any

import pytest

from courtgraph import cli, resources

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
NOT_SHIPPED = {"tests", "benchmarks", "tools"}  # packages of the checkout, not of the wheel


def test_the_wheel_lists_every_package() -> None:
    tops = [
        d for d in ROOT.iterdir() if (d / "__init__.py").is_file() and d.name not in NOT_SHIPPED
    ]
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for top in tops for p in top.rglob("__init__.py")
    }
    mapped = set(SETUPTOOLS.get("package-dir", {}))  # data folders shipped as package data
    assert set(SETUPTOOLS["packages"]) - mapped == found


@pytest.mark.parametrize("package", ["courtgraph.data", "courtgraph.assets"])
def test_the_wheel_carries_every_data_file(package: str) -> None:
    folder = ROOT / SETUPTOOLS["package-dir"][package]
    patterns = SETUPTOOLS["package-data"][package]
    # the embedded database, the font's build script, vis-network copied from pyvis at run time
    skipped = ("graph/", "fonts/build_", "network/vendor/")
    missing = [
        rel
        for p in folder.rglob("*")
        if p.is_file()
        and not (rel := p.relative_to(folder).as_posix()).startswith(skipped)
        and "__pycache__" not in rel
        and not p.name.startswith(".")
        and not any(fnmatch.fnmatch(rel, pat) for pat in patterns)
    ]
    assert not missing, f"add to [tool.setuptools.package-data] {package}: {missing}"


def test_the_checkout_finds_its_data() -> None:
    assert resources.DATA == ROOT / "data"
    assert resources.ASSETS == ROOT / "assets"
    assert resources.STREAMLIT_CONFIG == ROOT / ".streamlit" / "config.toml"
    assert cli.app_script() == ROOT / "app.py"


def test_a_checkout_puts_itself_on_the_servers_path() -> None:
    from graph import embedded

    assert not embedded._installed()  # so the server process gets PYTHONPATH


def test_subcommands_run_the_modules_main(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["query", "--list"]) == 0
    assert "adopters" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        cli.main(["graph", "--help"])
    assert exc.value.code == 0
    assert "python -m graph" in capsys.readouterr().out


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(f"\n  {name} " in out for name in cli.COMMANDS)
    assert cli.main([]) == 0
    assert capsys.readouterr().out == out


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ingets", "x"]) == 2
    err = capsys.readouterr().err
    assert "没有命令 'ingets'" in err and "ingest" in err


def test_app_runs_streamlit_on_app_py(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "run_child", lambda cmd: calls.append(cmd) or 0)
    monkeypatch.chdir(tmp_path)  # a folder without .streamlit/config.toml
    assert cli.main(["app", "--server.port", "8599"]) == 0
    ((*start, port_option, port),) = calls
    assert start[:5] == [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
    assert (port_option, port) == ("--server.port", "8599")  # last, so the user's options win
    options = dict(zip(start[5::2], start[6::2], strict=True))
    assert options["--browser.gatherUsageStats"] == "false"  # offline, from any folder
    assert options["--server.fileWatcherType"] == "none"


def test_app_leaves_a_folders_own_streamlit_config_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "run_child", lambda cmd: calls.append(cmd) or 0)
    monkeypatch.chdir(ROOT)  # the checkout: Streamlit reads .streamlit/config.toml itself
    assert cli.main(["app"]) == 0
    assert calls == [[sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]]


def test_the_shipped_config_stops_streamlits_external_ip_lookup() -> None:
    """Streamlit asks checkip.amazonaws.com for the machine's address at every headless start
    unless browser.serverAddress is set: an outbound request the intranet does not allow."""
    config = tomllib.loads(resources.STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["serverAddress"]
    options = cli.streamlit_options()  # what `courtgraph app` passes from another folder
    assert "--browser.serverAddress" in options


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_stopping_the_app_command_stops_streamlit(tmp_path: Path) -> None:
    """`kill PID` on `courtgraph app` stops its Streamlit child too (it used to be left running
    with no parent). A stand-in `streamlit` module records its pid and waits to be stopped."""
    fake = tmp_path / "fake" / "streamlit"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    pid_file = tmp_path / "child.pid"
    (fake / "__main__.py").write_text(
        f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "fake"), str(ROOT)])}
    launcher = subprocess.Popen([sys.executable, "-m", "courtgraph", "app"], cwd=tmp_path, env=env)
    try:
        for _ in range(300):
            if pid_file.is_file() and pid_file.read_text():
                break
            time.sleep(0.05)
        child = int(pid_file.read_text())
        launcher.send_signal(signal.SIGTERM)
        # the child died of the SIGTERM passed on: the shell's 128+15, not Popen's -15 (241)
        assert launcher.wait(timeout=30) == 128 + signal.SIGTERM
        for _ in range(200):
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            os.kill(child, signal.SIGKILL)
            pytest.fail("the streamlit child outlived `courtgraph app`")
    finally:
        if launcher.poll() is None:
            launcher.kill()


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_the_launcher_forwards_a_signal_from_before_the_child_starts(monkeypatch) -> None:
    """The launcher installed its handler after starting Streamlit: a SIGTERM in between
    killed the launcher alone and left Streamlit running (a reviewer's findings, item 8).
    A signal-killed child gave -15 as the exit status, not 128+15."""
    seen: list[Any] = []

    class Child:
        def __init__(self, cmd: list[str]) -> None:
            # (with no handler yet, the signal below would kill the test run)
            assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
            signal.raise_signal(signal.SIGTERM)  # arrives while the child is starting
            self.sent: list[int] = []

        def send_signal(self, signum: int) -> None:
            self.sent.append(signum)

        def wait(self) -> int:
            seen.append(self.sent)
            return -signal.SIGTERM

    monkeypatch.setattr(cli.subprocess, "Popen", Child)
    assert cli.run_child(["streamlit"]) == 128 + signal.SIGTERM
    assert seen == [[signal.SIGTERM]]  # passed on once the child was there
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def _copy_source(target: Path) -> Path:
    """The files a wheel is built from, without databases, caches or virtual environments."""
    skip = {".git", ".venv", "venv", "build", "dist", "node_modules", "__pycache__"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        out = {n for n in names if n in skip or n.endswith(".egg-info")}
        out |= {n for n in names if n.startswith(".") and n != ".streamlit"}
        if Path(folder) == ROOT:
            out |= NOT_SHIPPED
        if Path(folder) == ROOT / "data":
            out.add("graph")
        return out

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.mark.slow
def test_an_installed_wheel_works_from_another_folder(tmp_path: Path) -> None:
    """`pip install` of the wheel into a fresh venv gives a `courtgraph` command that finds its
    data, its explorer and its embedded server from any folder, without PYTHONPATH.

    The dependencies are not downloaded again: the fresh venv sees the running environment's
    through a .pth file (behind its own site-packages, so the wheel's copy of courtgraph
    wins). Building the wheel needs setuptools from the package index (pip's build isolation).
    """
    src = _copy_source(tmp_path / "src")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
        check=True,
        timeout=600,
    )
    (wheel,) = dist.glob("courtgraph-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_courtgraph_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + ["--no-index", str(wheel)],
        check=True,
        timeout=300,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copytree(ROOT / "data" / "sample", elsewhere / "sample")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEO4J_URI")}
    env["COURTGRAPH_DATA_DIR"] = str(tmp_path / "store")
    courtgraph = str(env_dir / "bin" / "courtgraph")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        r = subprocess.run(
            [courtgraph, *args], cwd=elsewhere, env=env, capture_output=True, text=True
        )
        assert r.returncode == 0, r.stderr
        return r

    code = "import app, graph.embedded as e, courtgraph.resources as r; print(e._installed())"
    code += "; print(e.__file__); print(r.DATA); print(app.__file__)"
    where = subprocess.check_output([python, "-c", code], cwd=elsewhere, env=env, text=True)
    installed, *paths = where.splitlines()
    assert installed == "True"  # so the embedded server starts without PYTHONPATH
    assert all(p.startswith(str(site)) for p in paths), paths
    try:  # whatever fails below, the store's server started by a command is stopped
        assert "命令：" in run("--help").stdout  # the overview lists its commands (in Chinese)
        assert "adopters" in run("query", "--list").stdout
        extracted = run("ingest", "extract", "--jsonl", "sample/01_benxi_suyuan.txt").stdout
        assert "辽宁省本溪市中级人民法院" in extracted  # the gazetteer and roster were found
        assert "失败 0 篇" in run("ingest", "sample").stdout
        adopters = run("query", "adopters", "--param", "initiative=诉源治理", "--format", "csv")
        assert "辽宁省本溪市中级人民法院" in adopters.stdout
        explorer = (
            "from streamlit.testing.v1 import AppTest; from courtgraph.cli import app_script;"
            "at = AppTest.from_file(str(app_script())).run(timeout=120);"
            "print(len(at.exception), app_script())"
        )
        r = subprocess.run(
            [python, "-c", explorer], cwd=elsewhere, env=env, capture_output=True, text=True
        )
        assert r.returncode == 0, r.stderr
        errors, script = r.stdout.split()
        assert errors == "0" and script.startswith(str(site))  # the installed app.py runs
    finally:
        subprocess.run([courtgraph, "graph", "stop"], cwd=elsewhere, env=env, timeout=120)
