"""Two sites' reports of one meeting (the same title and date, their own text) are not
called versions of one report in a briefing's sources: the source rows carry the documents'
fingerprints and only near-duplicate texts are versions. The articles are invented."""

from __future__ import annotations

from pathlib import Path

from figures.report import source_documents, source_lines, versions
from ingest.pipeline import ingest_paths

_HEAD = "乙市中院召开诉源治理推进会\n发布时间：2024-03-18  来源：{site}\n\n"
_A = "乙市中级人民法院召开推进会，部署诉源治理工作。会议通报，今年以来诉前调解成功率为61.2%。"
_B = "会议由乙市中院副院长主持，丙区法院和丁县法院作了交流发言，介绍了诉前调解的做法和经验。"


def test_reports_of_one_meeting_from_two_sites_are_not_versions(arcadedb_store, tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_HEAD.format(site="乙市中院网") + _A, encoding="utf-8")
    (docs / "b.txt").write_text(_HEAD.format(site="乙市日报") + _B, encoding="utf-8")
    ingest_paths(arcadedb_store, [docs], reference_data=False)
    ids = [r["id"] for r in arcadedb_store.read("MATCH (d:Document) RETURN d.id AS id")]
    rows = source_documents(arcadedb_store, ids)
    assert len(rows) == 2 and len({(d["title"], d["date"]) for d in rows}) == 1
    assert all(d.get("fingerprint") for d in rows)
    assert versions(rows) == {}
    assert not any("版本" in line for line in source_lines(rows))
