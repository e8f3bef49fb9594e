"""What the `documents` query and the panel's `documents` column say about a court an article
reaches only through a unit below it (the articles are invented)."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from queries import analytics
from queries.library import NOT_WRITTEN
from queries.registry import run

GANZHOU = "court:江西省赣州市中级人民法院"

_RUIJIN = """瑞金法院推行诉前调解
发布时间：2024-03-05  来源：瑞金市人民法院

2024年2月，瑞金市人民法院在辖区推行诉前调解，设立调解工作室三个。
"""
_GANZHOU = """赣州中院召开诉源治理推进会
发布时间：2024-06-11  来源：赣州市中级人民法院

2024年6月，赣州中院召开推进会，部署深化诉源治理。
"""


def test_a_court_reached_through_a_unit_below_shows_no_name_it_lacks(store, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ruijin.txt").write_text(_RUIJIN, encoding="utf-8")
    (docs / "ganzhou.txt").write_text(_GANZHOU, encoding="utf-8")
    ingest_paths(store, [docs], reference_data=False)

    rows = run(store, "documents", {"entity": GANZHOU}).rows
    shown = {r["title"]: (r["surface"], r["mentioned"]) for r in rows}
    # the 瑞金 article never writes 赣州 at all; the 中院's own article writes it short
    assert shown == {
        "瑞金法院推行诉前调解": (None, NOT_WRITTEN),
        "赣州中院召开诉源治理推进会": ("赣州中院", "文中写出"),
    }
    # the panel counts both, and its dictionary says so
    made = analytics.panel(store, ["诉源治理"], years=[2024])
    row = next(r for r in made.rows if r["unit_id"] == GANZHOU)
    assert row["documents"] == 2
    assert "through a unit below it" in analytics.PANEL_DICTIONARY["documents"]
