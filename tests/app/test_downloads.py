"""Download buttons: a click makes the file and leaves the page alone.

Streamlit reruns the page on a download button's click by default, and a rerun gives every
button on the page a new file id and drops the old ones when it ends: a user clicking
several buttons in a row got nothing from a button clicked while the first click's rerun ran
(the browser test clicks six in a row on 导出, test_browser.py)."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest


def _page() -> None:
    from ui.common import table_downloads
    from ui.downloads import buttons

    buttons(
        [
            ("甲 PNG", lambda: b"png", "甲.png"),
            ("甲 SVG", lambda: b"<svg/>", "甲.svg"),
            ("甲 PPTX", lambda: b"pptx", "甲.pptx"),
        ],
        key="t.pictures",
    )
    table_downloads(["单位"], [["甲院"]], title="表", sources=[], stem="表", key="t.table")


def test_no_download_button_reruns_the_page() -> None:
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert not at.exception
    found = at.get("download_button")
    assert len(found) == 3 + 5
    assert "表格 Excel" in [b.proto.label for b in found]
    assert [b.proto.label for b in found if not b.proto.ignore_rerun] == []


def test_the_adopters_tables_sources_are_found_outside_the_page(small_store, monkeypatch) -> None:
    """A download's function runs in a thread of Streamlit's, without the page's context:
    the documents behind the adopters table come from the store, not the page's caches (each
    cached call there logged "missing ScriptRunContext")."""
    import threading

    from queries.registry import resolve_entity, run
    from ui import initiative, state

    def page_only(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a page's cache read outside the page")

    initiative_id = resolve_entity(small_store, "诉源治理")
    rows = run(small_store, "adopters", {"initiative": initiative_id}).rows
    for name in ("rows", "run", "subgraph", "_subgraph", "store", "store_key"):
        monkeypatch.setattr(state, name, page_only)
    found: list[Any] = []
    t = threading.Thread(
        target=lambda: found.extend(initiative.adopter_sources(small_store, initiative_id, rows))
    )
    t.start()
    t.join(60)
    assert found and all(s.title for s in found)


def test_the_excel_file_holds_the_table_as_text_excel_will_not_misread() -> None:
    """Same headers and values as the table; ids stay text, a formula stays text."""
    import io

    import openpyxl

    from ui.common import to_xlsx

    columns = ["单位", "代码", "数量", "备注"]
    rows = [
        ["甲省乙市中级人民法院", "330100000000000001", 3, "=1+1"],
        ["丙区人民法院", "0571", 12345678901234567890, "@SUM(A1)"],
        ["丁县人民法院", None, 2.5, ["甲", "乙"]],
        ["戊", "-", 0, "+86 571\x07"],
    ]
    data = to_xlsx(columns, rows, sheet="诉源治理 · 采用单位/覆盖[2024]: 浙江省杭州市中级人民法院")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    (ws,) = wb.worksheets
    assert len(ws.title) <= 31 and not set(ws.title) & set("[]:*?/\\")
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    assert got[0] == columns
    assert got[1] == ["甲省乙市中级人民法院", "330100000000000001", 3, "=1+1"]
    assert got[2] == ["丙区人民法院", "0571", "12345678901234567890", "@SUM(A1)"]
    assert got[3] == ["丁县人民法院", None, 2.5, "甲；乙"]
    assert got[4] == ["戊", "-", 0, "+86 571"]
    for ref in ("D2", "B2", "B3", "C3", "D3"):
        assert ws[ref].data_type == "s" and ws[ref].quotePrefix, ref
    assert ws["C2"].data_type == "n" and ws["A2"].data_type == "s"


def test_sheet_names_are_ones_excel_accepts() -> None:
    from ui.common import sheet_name

    assert sheet_name("a/b\\c[d]:e*f?g") == "a／b＼c【d】：e＊f？g"
    assert sheet_name("'引号'") == "引号"
    assert sheet_name("' '") == "表格"
    # a ratio keeps its slash (a blank read 4 114 for 4/114)
    assert sheet_name("诉源治理 · 辖区覆盖（4/114）") == "诉源治理 · 辖区覆盖（4／114）"
    import openpyxl

    openpyxl.Workbook().active.title = sheet_name("a/b\\c[d]:e*f?g")  # accepted
    assert len(sheet_name("长" * 40)) == 31
