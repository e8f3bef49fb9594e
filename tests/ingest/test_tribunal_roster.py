"""A court's roster of people's tribunals: validated rows, the denominator of coverage at
tribunal level, and no denominator where none was imported (issue 12, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import UnreadableDocument
from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, document_id, entity_id
from ingest.tribunal_roster import import_roster, tribunal_name
from queries import analytics, run

PINGSHAN = "辽宁省本溪市平山区人民法院"
BENXI = "辽宁省本溪市中级人民法院"
DONGHU = f"{PINGSHAN}东湖人民法庭"

ROSTER = """法庭名称,所属法院,代码,地址,设立日期
东湖法庭,平山区法院,T01,东湖路1号,2001-05-01
桥头人民法庭,辽宁省本溪市平山区人民法院,T02,,2003
西山法庭,不存在区法院,,,
省院法庭,辽宁省高级人民法院,,,
东湖人民法庭,平山区人民法院,,,
,平山区法院,,,
北岸法庭,平山区法院,,,2024-13
"""


def _write(tmp_path: Path, text: str = ROSTER, name: str = "平山法庭名录.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_are_checked_and_bad_ones_reported(tmp_path: Path) -> None:
    report = import_roster(None, _write(tmp_path))
    assert report.tribunals == {PINGSHAN: sorted([f"{PINGSHAN}桥头人民法庭", DONGHU])}
    reasons = {row: reason for _file, row, reason in report.bad}
    assert sorted(reasons) == [4, 5, 6, 7, 8]
    # in Chinese, as the 导入 page shows them (issue: they were in English there)
    assert reasons[4] == "西山法庭：不存在区法院 不是已知的基层法院"
    assert (
        reasons[5]
        == "省院法庭：辽宁省高级人民法院 不是基层法院（是高级法院）；人民法庭隶属于基层法院"
    )
    assert reasons[6] == "东湖人民法庭：与第 2 行重复"
    assert reasons[7] == "没有法庭名称"
    assert (
        reasons[8]
        == "北岸法庭：设立日期 2024-13 不是有效的日期（应如 2001、2001-05 或 2001-05-01）"
    )
    assert all(f == "平山法庭名录.csv" for f, _r, _x in report.bad)
    assert "  第 7 行：没有法庭名称" in report.summary_zh().splitlines()


def test_names_are_normalised_under_their_parent() -> None:
    aliases = [PINGSHAN, "平山区人民法院", "平山区法院", "平山法院"]
    for given in ("东湖法庭", "东湖人民法庭", "平山区法院东湖法庭", f"{PINGSHAN}东湖人民法庭"):
        assert tribunal_name(PINGSHAN, given, aliases) == DONGHU
    assert tribunal_name(PINGSHAN, "人民法庭", aliases) is None


def _adoption_by_donghu() -> DocumentGraph:
    s = "东湖法庭推行诉源治理。"
    tid, iid = entity_id("Tribunal", DONGHU), entity_id("Initiative", "诉源治理")
    ev = [EvidenceRow(s, 0, len(s), date="2024-03", date_precision="month")]
    return DocumentGraph(
        document_id("d" * 64),
        {"title": "东湖", "date": "2024-04-01", "content_hash": "d" * 64, "text": s},
        [],
        [MentionRow(tid, "东湖法庭", s, 0, 4), MentionRow(iid, "诉源治理", s, 6, 10)],
        [FactRow("ADOPTED", tid, iid, ("adopted",), {"stage": "adopted"}, ev)],
    )


@pytest.mark.slow
def test_roster_is_the_denominator_of_tribunal_coverage(store, tmp_path: Path) -> None:
    from ingest.pipeline import load_reference_data

    load_reference_data(store)
    levels, _ = analytics.coverage(store, "诉源治理", BENXI)
    tribunal = next(lv for lv in levels if lv.level == "tribunal")
    assert not tribunal.has_denominator  # no roster imported: no share at all

    path = _write(tmp_path)
    report = import_roster(store, path, today="2026-12-01")
    assert report.imported == 2 and len(report.bad) == 5
    node = run(store, "entity", {"entity": entity_id("Tribunal", DONGHU)}).rows[0]["properties"]
    assert node["roster_source"] == "平山法庭名录.csv" and node["roster_date"] == "2026-12-01"
    assert node["code"] == "T01" and node["established"] == "2001-05-01"
    store.write_documents([_adoption_by_donghu()])

    levels, missing = analytics.coverage(store, "诉源治理", BENXI)
    tribunal = next(lv for lv in levels if lv.level == "tribunal")
    assert tribunal.has_denominator
    assert (tribunal.adopted, tribunal.units, tribunal.roster_courts) == (1, 2, 1)
    assert tribunal.courts_without_roster > 0  # the other basic courts of 本溪 have none
    assert f"{PINGSHAN}桥头人民法庭" in [r["unit"] for r in missing]
    under_pingshan, _ = analytics.coverage(store, "诉源治理", PINGSHAN)
    assert [(lv.level, lv.adopted, lv.units) for lv in under_pingshan] == [("tribunal", 1, 2)]

    before = store.counts()
    again = import_roster(store, path, today="2026-12-05")
    assert again.unchanged == [PINGSHAN] and store.counts() == before
    node = run(store, "entity", {"entity": entity_id("Tribunal", DONGHU)}).rows[0]["properties"]
    assert node["roster_date"] == "2026-12-01"  # re-importing the same roster changes nothing


def test_excel_rosters_are_read_and_checked(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["法庭名称", "所属法院", "设立日期"])
    ws.append(["东湖法庭", "平山区法院", None])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    assert import_roster(None, path).tribunals == {PINGSHAN: [DONGHU]}
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadableDocument, match="bad.xlsx: 不是可读取的 Excel 文件：zip 文件损坏"):
        import_roster(None, bad)


def test_roster_command_reports_bad_rows(tmp_path: Path, capsys) -> None:
    from ingest.__main__ import main

    assert main(["roster", "--dry-run", str(_write(tmp_path))]) == 2
    captured = capsys.readouterr()
    # the counts line in Chinese, as the 导入 page says it
    assert captured.out.splitlines() == [
        "平山法庭名录.csv：导入 1 个法院的 2 个人民法庭；名录未变的法院 0 个；有误的行 5 行"
    ]
    # the same words as the 导入 page's
    assert (
        "Error: 平山法庭名录.csv 第 4 行：西山法庭：不存在区法院 不是已知的基层法院" in captured.err
    )
    assert "row 4" not in captured.out  # each bad row once, as an Error: line


def test_a_parent_named_without_its_province_is_accepted() -> None:
    """本溪市平山区人民法院 is the full name less its province, as search accepts it."""
    from ingest.roster import build_roster
    from ingest.tribunal_roster import _Courts

    courts = _Courts(build_roster())
    assert courts.resolve("本溪市平山区人民法院") == (PINGSHAN, "")
    assert courts.resolve("本溪市平山区法院") == (PINGSHAN, "")
    assert courts.resolve("区人民法院")[0] is None


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("名录.txt", "法庭名称,所属法院\n", "名录.txt: 名录应是 .csv 或 .xlsx 文件"),
        ("名录.csv", "法庭名称,所属法院\n", "名录.csv：表头下面没有数据行"),
        ("名录.csv", "名字,地址\n东湖法庭,东湖路\n", "名录.csv：缺少法庭名称和所属法院列"),
        ("名录.csv", "法庭名称,上级\n东湖法庭,平山区法院\n", "名录.csv：缺少所属法院列"),
    ],
)
def test_a_roster_refused_whole_says_which_file_and_why_in_chinese(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    from graph.errors import CourtgraphError

    with pytest.raises(CourtgraphError) as exc:
        import_roster(None, _write(tmp_path, text, name))
    assert message in str(exc.value), str(exc.value)


def test_a_roster_in_another_encoding_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "名录.csv"
    path.write_bytes("法庭名称,所属法院\n东湖法庭,平山区法院\n".encode("utf-16"))
    with pytest.raises(UnreadableDocument, match="不是 UTF-8 或 GB18030 编码的文本"):
        import_roster(None, path)


def test_a_roster_that_cannot_be_read_is_said_in_chinese(tmp_path: Path, capsys) -> None:
    """`python -m ingest roster` on a missing file said "Error: 名录.xlsx: 无法读取：No such
    file or directory" (the system's reason in English): the file and its reason in Chinese."""
    from ingest.__main__ import main

    assert main(["roster", "--dry-run", str(tmp_path / "名录.xlsx")]) == 1
    assert (
        capsys.readouterr().err
        == f"Error: {tmp_path / '名录.xlsx'}：无法读取：没有这个文件或文件夹\n"
    )
    assert main(["roster", "--dry-run", str(tmp_path)]) == 1
    assert capsys.readouterr().err.endswith("：无法读取：这是文件夹\n")


def test_a_roster_that_cannot_be_read_stops_before_the_store_opens(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """Reviewer (session 19): `ingest roster missing.xlsx` (no --dry-run) made a new data
    directory and started its server before saying the file is missing."""
    from ingest.__main__ import main

    def no_store(_settings):
        raise AssertionError("the store was opened")

    monkeypatch.setattr("graph.store.open_store", no_store)
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(tmp_path / "新的数据目录"))
    assert main(["roster", str(tmp_path / "名录.xlsx")]) == 1
    assert capsys.readouterr().err.endswith("：无法读取：没有这个文件或文件夹\n")
    (tmp_path / "名录.txt").write_text("法庭名称,所属法院\n", encoding="utf-8")
    assert main(["roster", str(tmp_path / "名录.txt")]) == 1
    assert "名录应是 .csv 或 .xlsx 文件" in capsys.readouterr().err
    assert not (tmp_path / "新的数据目录").exists()


def test_a_tribunal_set_up_after_today_is_a_bad_row(tmp_path: Path) -> None:
    """A date established in the future would count the tribunal in today's denominator."""
    text = "法庭名称,所属法院,设立日期\n东湖法庭,平山区法院,2030-01-01\n桥头法庭,平山区法院,2026\n"
    report = import_roster(None, _write(tmp_path, text), today="2026-12-07")
    assert report.bad == [("平山法庭名录.csv", 2, "东湖法庭：设立日期 2030-01-01 晚于今天")]
    assert report.tribunals == {PINGSHAN: [f"{PINGSHAN}桥头人民法庭"]}
