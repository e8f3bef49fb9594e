"""Pictures and briefings fit to put in front of a court's leadership: nothing runs off the
page, a date is never broken over two lines, the text says what the tables show."""

from __future__ import annotations

import io

from PIL import Image

from figures import render

LONG_TITLE = (
    "辖区覆盖情况（推进矛盾纠纷多元化解和诉源治理工作、辽宁省鞍山市中级人民法院、基层法院、"
    "2024年全省法院工作报告、2025年全省法院新闻稿汇编、只看已核实的事实）"
)
ROWS = [["辽宁省海城市人民法院", "基层法院", "推行", "2023-11-02"]]
HEADS = ["单位", "层级", "阶段", "最早日期"]


def _inked(png: bytes, box: tuple[int, int, int, int]) -> bool:
    """Whether any pixel in `box` (left, top, right, bottom) is not white."""
    region = Image.open(io.BytesIO(png)).convert("L").crop(box)
    return region.getextrema()[0] < 250


def test_a_long_table_title_stays_on_the_picture() -> None:
    png = render.table_picture(HEADS, ROWS, title=LONG_TITLE)
    width = Image.open(io.BytesIO(png)).width
    # the title band, right of the table's edge (0.4 in = 48 px at 120 dpi): white
    assert not _inked(png, (width - 46, 0, width, 100))
    assert _inked(png, (0, 0, 400, 100))  # the title is there
    svg = render.table_picture(HEADS, ROWS, title=LONG_TITLE, fmt="svg").decode("utf-8")
    # all of it, on two lines (no character dropped)
    text, points = render.fit_title(LONG_TITLE, render.FIG_W - 0.8)
    assert text.replace("\n", "") == LONG_TITLE and points >= 18
    assert all(line in svg for line in text.split("\n"))


def test_a_short_table_title_keeps_its_size() -> None:
    assert render.fit_title("辖区覆盖情况（诉源治理、本溪中院）", render.FIG_W - 0.8) == (
        "辖区覆盖情况（诉源治理、本溪中院）",
        26,
    )
