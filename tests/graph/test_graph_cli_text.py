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


def test_review_correct_refuses_a_period_after_today_and_takes_june_to_the_years_end(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    """Reviewer (session 20): `--period 2099` was stored (a reported figure counts what has
    happened), `--value nan` too; 2023-06/2023 was refused as 开始晚于结束."""
    from graph import review
    from graph.model import fact_id

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    rate = fact_id("REPORTED", g.BING, g.RATE)
    for more, said in (
        (["--period", "2099"], "统计期间 '2099' 晚于今天"),
        (["--period", "2025/2099"], "统计期间 '2025/2099' 的终点晚于今天"),
        (["--value", "nan"], "数值应为有限的数字（value: nan）"),
    ):
        assert main(["review", "correct", rate, *more, "--reviewer", "王审核"]) != 0
        assert said in capsys.readouterr().err
    assert review.decisions(arcadedb_store, rate) == []
    assert main(["review", "correct", rate, "--period", "2023-06/2023", "--reviewer", "王审"]) == 0
    (d,) = review.decisions(arcadedb_store, rate)
    assert d.new == {"period": "2023-06/2023"}


def test_review_import_names_the_records_it_refuses_and_imports_the_rest(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys, tmp_path: Path
) -> None:
    """Reviewer (session 20): `review import` took 2025-02-30 and a date next year from a
    decision file (`review correct` refuses both). Each is named with its line and the
    command line's reason; the other records are imported; the exit status is 2."""
    import json
    from datetime import date

    from graph import review
    from graph.model import fact_id

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    ding = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    # (a fact of its own: a refused record holds back every record of its fact)
    bing = fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted")

    def record(day: str, fid: str = ding, unit: str = g.DING) -> str:
        new = {"date": day, "date_precision": "day"}
        return json.dumps(
            {
                "fact_id": fid,
                "decision": "correct",
                "reviewer": "李审",
                "time": f"2026-01-0{1 + len(day) % 7}T08:00:00+00:00",
                "old": {"type": "ADOPTED", "src": unit, "dst": g.SUYUAN},
                "new": new,
            },
            ensure_ascii=False,
        )

    later = f"{date.today().year + 1}-01-05"
    path = tmp_path / "decisions.jsonl"
    path.write_text(
        "\n".join([record("2025-02-30"), record(later), record("2024-03-05", bing, g.BING)]) + "\n",
        encoding="utf-8",
    )
    assert main(["review", "import", str(path)]) == 2
    out = capsys.readouterr().out
    assert "新增审核决定 1 条" in out and "有误（未导入） 2 条" in out
    assert (
        f"{path} 第 1 行（review:" in out
        and "日期 '2025-02-30' 无效：2025 年 2 月没有 30 日" in out
    )
    assert f"{path} 第 2 行（review:" in out and f"日期 '{later}' 晚于审核之日" in out
    assert review.decisions(arcadedb_store, ding) == []
    (d,) = review.decisions(arcadedb_store, bing)
    assert d.new["date"] == "2024-03-05"
    assert main(["review", "import", str(path)]) == 2  # again: nothing twice
    assert "新增审核决定 0 条；已有（未变） 1 条" in capsys.readouterr().out
    assert len(review.decisions(arcadedb_store, bing)) == 1
