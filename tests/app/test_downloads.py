"""Download buttons: a click makes the file and leaves the page alone.

Streamlit reruns the page on a download button's click by default, and a rerun gives every
button on the page a new file id and drops the old ones when it ends: a user clicking
several buttons in a row got nothing from a button clicked while the first click's rerun ran
(the browser test clicks six in a row on 导出, test_browser.py)."""

from __future__ import annotations

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
    assert len(found) == 3 + 4
    assert [b.proto.label for b in found if not b.proto.ignore_rerun] == []
