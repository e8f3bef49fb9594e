"""What an outcome answer shows a court's leadership: whose figure it is (范围: 本院, or the
area the text gives it: a high court's figure for all the courts of its province is not its
own) and its review status (a corrected figure shows as such, and 只看已核实 means the figure
is verified). The articles are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import review
from ingest.pipeline import ingest_paths
from queries import analytics
from queries.analytics import __main__ as cli
from queries.registry import run
from tests.cli_store import lend_store

HIGH = "court:江西省高级人民法院"
GANZHOU = "court:江西省赣州市中级人民法院"
SUYUAN = "initiative:诉源治理"

_HIGH = """江西高院部署深化诉源治理
发布时间：2024-07-10  来源：江西省高级人民法院

江西省高级人民法院近日召开会议，要求全省法院持续深化诉源治理。2024年1月至6月，全省法院诉前调解成功率为66.4%，较去年同期提高3个百分点。
"""
_GANZHOU = """赣州中院推行诉源治理
发布时间：2024-08-02  来源：赣州市中级人民法院

2024年5月，赣州市中级人民法院在本院推行诉源治理。2024年1月至7月，赣州中院诉前调解成功率为57.9%。
"""


@pytest.fixture
def jiangxi(store, tmp_path: Path):
    """A high court's province-wide figure and a 中院's own, from two invented articles."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "high.txt").write_text(_HIGH, encoding="utf-8")
    (docs / "ganzhou.txt").write_text(_GANZHOU, encoding="utf-8")
    ingest_paths(store, [docs], reference_data=False)
    return store


def _rate(rows: list[dict], unit: str) -> dict:
    return next(r for r in rows if r["unit_id"] == unit and r["metric"] == "诉前调解成功率")


def test_every_outcome_answer_says_whose_figure_it_is(jiangxi, monkeypatch, capsys) -> None:
    """江西高院's 66.4% is a figure for 全省法院: every answer says so; 赣州中院's is 本院."""
    rows = run(jiangxi, "unit_outcomes", {"unit": HIGH}).rows
    assert {r["scope"] for r in rows} == {"江西省全省法院"}
    assert {r["scope"] for r in run(jiangxi, "unit_outcomes", {"unit": GANZHOU}).rows} == {"本院"}
    adopters = run(jiangxi, "adopter_outcomes", {"initiative": SUYUAN}).rows
    assert _rate(adopters, HIGH)["scope"] == "江西省全省法院"
    assert _rate(adopters, GANZHOU)["scope"] == "本院"
    tied = run(jiangxi, "initiative_outcomes", {"initiative": "initiative:诉前调解"}).rows
    assert {(r["unit_id"], r["scope"]) for r in tied if r["metric"] == "诉前调解成功率"} == {
        (HIGH, "江西省全省法院"),
        (GANZHOU, "本院"),
    }
    under = run(jiangxi, "outcomes_under", {"unit": HIGH}).rows
    assert _rate(under, HIGH)["scope"] == "江西省全省法院"

    lend_store(monkeypatch, jiangxi)
    assert cli.main(["outcomes", "诉源治理"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "66.4%" in x)
    assert "范围：江西省全省法院" in line and "待核实" in line


def test_a_corrected_figure_is_verified_whatever_its_adoption(jiangxi, monkeypatch, capsys) -> None:
    """The reviewer corrects 赣州中院's rate (its adoption stays 待核实): 只看已核实 lists it,
    with its status, in every outcome answer."""
    mine = run(jiangxi, "unit_outcomes", {"unit": GANZHOU}).rows
    fid = next(r["fact_id"] for r in mine if r["metric"] == "诉前调解成功率")
    review.decide(jiangxi, fid, "correct", reviewer="研究室", new={"value": 58.9})

    only = run(jiangxi, "adopter_outcomes", {"initiative": SUYUAN, "verified": True}).rows
    assert [(r["unit_id"], r["value"], r["status"], r["adoption_status"]) for r in only] == [
        (GANZHOU, 58.9, "corrected", "extracted")
    ]
    found = analytics.outcomes_report(jiangxi, "诉源治理", verified_only=True)
    assert [r["value"] for r in found.rows] == [58.9]
    assert found.tally == analytics.Tally(found.tally.facts, found.tally.facts - 1, True)
    first = analytics.outcomes_report(jiangxi, "诉源治理", verified_only=True, first=10)
    assert [r["value"] for r in first.rows] == [58.9] and first.total == 1
    mine = run(jiangxi, "unit_outcomes", {"unit": GANZHOU, "verified": True}).rows
    assert [(r["value"], r["status"]) for r in mine] == [(58.9, "corrected")]

    lend_store(monkeypatch, jiangxi)
    assert cli.main(["outcomes", "诉源治理", "--verified"]) == 0
    out = capsys.readouterr().out
    assert "58.9%（范围：本院；" in out and "已修改" in out
