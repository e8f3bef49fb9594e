"""Figures drawn in worker threads, as the explorer's download buttons make them: each file is
the same, byte for byte, as the one the command line draws alone.

Streamlit runs a download's function in a thread of its own while the page's script runs in
another, and ends every script run with `matplotlib.pyplot.close("all")`; a figure kept in
pyplot's registry then had its dpi reset while it was being saved (rows drawn after that at
100 dpi on a 120-dpi page, the legend over the rows), and two figures drawn at once switched
the process-wide fonts back under each other (boxes instead of CJK characters).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from figures import adoption, portfolio, render


def _portfolio() -> portfolio.Portfolio:
    items = []
    for k in range(12):
        it = portfolio.Item(
            f"initiative:{k}",
            f"举措{k}",
            f"类别{k // 4}",
            own="adopted" if k % 3 == 0 else None,
            own_date="2024-01-02" if k % 3 == 0 else None,
        )
        it.units = {f"court:u{j}": ("adopted", "2023-03") for j in range(k % 4 + 1)}
        items.append(it)
    return portfolio.Portfolio("court:mid", "甲省乙市中级人民法院", items)


def _adoption_map() -> adoption.AdoptionMap:
    court = adoption.MapUnit("court:mid", "甲省乙市中级人民法院", "intermediate", stage="adopted")
    units = [
        adoption.MapUnit(
            f"court:b{i}",
            f"甲省乙市第{i}区人民法院",
            "basic",
            parent="court:mid",
            stage="adopted" if i % 2 else None,
            date="2024-03" if i % 2 else None,
            depth=1,
        )
        for i in range(6)
    ]
    return adoption.AdoptionMap("诉前调解", court, units)


def _drawings() -> dict[str, Callable[[], bytes]]:
    pf, am = _portfolio(), _adoption_map()
    return {
        "portfolio.png": lambda: portfolio.draw_portfolio(pf, generated="2026-01-01"),
        "portfolio.svg": lambda: portfolio.draw_portfolio(pf, fmt="svg", generated="2026-01-01"),
        "adoption.png": lambda: adoption.draw_adoption_map(am, generated="2026-01-01"),
        "adoption.svg": lambda: adoption.draw_adoption_map(am, fmt="svg", generated="2026-01-01"),
    }


def test_a_figure_being_saved_is_not_in_pyplots_registry(monkeypatch) -> None:
    """Streamlit closes every pyplot figure when a script run ends: a figure it can reach can
    be reset while another thread saves it."""
    import matplotlib.pyplot as plt

    seen: list[tuple[list[Any], str]] = []
    save = render.save_figure

    def spying(fig: Any, fmt: str, dpi: float) -> bytes:
        import matplotlib

        seen.append((list(plt.get_fignums()), matplotlib.rcParams["svg.fonttype"]))
        return save(fig, fmt, dpi)

    monkeypatch.setattr(render, "save_figure", spying)
    for draw in _drawings().values():
        draw()
    assert seen and all(nums == [] for nums, _ in seen), seen
    assert {fonttype for _, fonttype in seen} == {"none"}  # the figures' settings in force


def _on_first_text(monkeypatch, hooks: dict[str, Callable[[], object]]) -> None:
    """Call hooks[thread name] once, when that thread draws its first text (mid-save)."""
    from matplotlib.text import Text

    draw = Text.draw

    def drawing_text(self: Any, renderer: Any) -> Any:
        hook = hooks.pop(threading.current_thread().name, None)
        if hook:
            hook()
        return draw(self, renderer)

    monkeypatch.setattr(Text, "draw", drawing_text)


@pytest.mark.parametrize("name", ["portfolio.png", "adoption.svg"])
def test_a_script_run_ending_while_a_figure_is_saved_leaves_it_alone(monkeypatch, name) -> None:
    """The explorer's case: a click reruns the page, and the run ends (Streamlit closes every
    pyplot figure) while the download's thread is saving the figure."""
    import matplotlib.pyplot as plt

    draw = _drawings()[name]
    alone = draw()
    _on_first_text(monkeypatch, {threading.current_thread().name: lambda: plt.close("all")})
    assert draw() == alone


def test_two_figures_drawn_at_once_keep_their_fonts(monkeypatch) -> None:
    """B starts drawing, A starts, B ends while A draws: B's end must not put back the
    settings it found (matplotlib's defaults, no CJK font) under A."""
    drawings = _drawings()
    alone = drawings["portfolio.svg"]()
    b_may_end, b_ended = threading.Event(), threading.Event()
    out: dict[str, bytes] = {}

    def b() -> None:
        out["b"] = drawings["adoption.png"]()
        b_ended.set()

    def a() -> None:
        out["a"] = drawings["portfolio.svg"]()

    def release_b() -> None:
        b_may_end.set()
        b_ended.wait(10)

    hooks: dict[str, Callable[[], object]] = {
        "figure-b": lambda: b_may_end.wait(3),
        "figure-a": release_b,
    }
    _on_first_text(monkeypatch, hooks)  # 3 s: when figures are drawn one at a time, B's wait
    tb = threading.Thread(target=b, name="figure-b")  # for A ends unanswered
    ta = threading.Thread(target=a, name="figure-a")
    tb.start()
    while "figure-b" in hooks and tb.is_alive():  # until B is drawing
        time.sleep(0.01)
    ta.start()
    ta.join(60)
    tb.join(60)
    assert out["a"] == alone


def test_no_module_of_the_app_imports_pyplot() -> None:
    """pyplot's registry is what Streamlit empties at the end of every run: the figures and
    the explorer make their figures with matplotlib.figure.Figure only."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for folder in ("figures", "ui", "queries", "graph", "courtgraph"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [f"{node.module}.{a.name}" for a in node.names]
                    if isinstance(node, ast.ImportFrom) and node.module
                    else []
                )
                if any(n.startswith("matplotlib.pyplot") for n in names):
                    found.append(path.relative_to(root).as_posix())
    assert found == []
