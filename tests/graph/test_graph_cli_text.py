"""Small things `python -m graph` prints: the help's description, the fields a correction
changes in `review history`, the queue's count after its rows."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import tests.graph_fixtures as g
from courtgraph.graph_cli import _change_zh
from graph.__main__ import main


def test_the_help_describes_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("用法：python -m graph ") and "管理图谱存储：" in out
    for command in ("status", "stop", "reset", "export", "delete-document", "backup", "restore"):
        assert f" {command} " in out  # each with its line (tests/test_cli.py: in Chinese)
    assert " delete-collection 删除一个文档集的文档" in out and " brief 一个举措或单位的简报" in out


def test_a_scope_correction_says_what_it_changed() -> None:
    """`review history` showed 修改内容 blank for a `--scope` correction (issue 14 audit)."""
    assert _change_zh({"scope": "全区法院"}) == "范围：全区法院"
    assert _change_zh({"scope": "", "date": "2023-04"}) == "日期：2023-04；范围：（去掉）"
    assert _change_zh({"qualifier": "约", "unit_of_measure": "件"}) == "计量单位：件；限定词：约"


class _Shared:
    """stdout and stderr into one stream (as `2>&1`): stdout buffered until flushed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def stream(self, *, buffered: bool) -> io.TextIOBase:
        shared = self

        class Stream(io.TextIOBase):
            pending = ""

            def write(self, s: str) -> int:
                if buffered:
                    self.pending += s
                else:
                    shared.seen.append(s)
                return len(s)

            def flush(self) -> None:
                shared.seen.append(self.pending)
                self.pending = ""

        return Stream()


def test_the_queue_count_follows_its_rows_in_one_stream(
    arcadedb_store, embedded_dir: Path, monkeypatch
) -> None:
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    shared = _Shared()
    out = shared.stream(buffered=True)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", shared.stream(buffered=False))
    assert main(["review", "queue", "--kind", "outcome"]) == 0
    out.flush()
    text = "".join(shared.seen)
    assert text.endswith("（1 篇文档）\n共 2 条事实\n"), text


def test_review_correct_takes_the_stages_the_explorer_shows(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    """`--stage 试点` was refused (only adopted/piloted/… were accepted), though the explorer,
    the tables and the briefings all say 推行 / 试点 / 推广部署 / 获评."""
    from graph.model import fact_id

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    ding = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    assert main(["review", "correct", ding, "--stage", "推行", "--reviewer", "王审核"]) == 0
    capsys.readouterr()
    assert main(["review", "history", ding, "--json"]) == 0
    assert '"stage": "adopted"' in capsys.readouterr().out
    assert main(["review", "queue", "--stage", "推广部署", "--kind", "adoption"]) == 0
    shown = capsys.readouterr()
    assert "共 1 条事实" in shown.err and "推广部署" in shown.out
    with pytest.raises(SystemExit):
        main(["review", "correct", ding, "--stage", "推开"])
    assert "阶段 '推开' 无效：应为 推行（adopted）、试点（piloted）" in capsys.readouterr().err


def test_review_correct_help_is_in_chinese(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["review", "correct", "--help"])
    out = capsys.readouterr().out
    assert "修改一条事实" in out and "成效数字的指标" in out and "推行、试点、推广部署" in out
    assert "an outcome's metric" not in out


def test_a_visits_correction_says_what_it_studies_now() -> None:
    """`review history` showed 修改内容 blank for a learning visit's --initiative."""
    assert _change_zh({"initiative": "诉源治理"}) == "学习内容：诉源治理"
    assert _change_zh({"initiative": ""}) == "学习内容：（去掉）"
