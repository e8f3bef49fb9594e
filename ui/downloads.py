"""Download buttons for the slide-ready figures and briefings (`figures/`), shared by the pages.

Each button makes its file only when clicked (Streamlit calls the function then), so a page
that offers a briefing does not pay for it until someone asks. The functions that make the
files take the store explicitly: they run outside the page's script. With the sidebar's
只看已核实 switch on, every file is drawn from confirmed or corrected facts only (the figures'
`verified_only`) and says how many it left out; off, it says how many of its facts are
unverified. The switch is read when the page runs, not when the button is clicked. So are the
sidebar's chosen collections (文档集): every file counts only their facts and names them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import streamlit as st

from ui.common import PPTX_MIME, today

MIME = {
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".pptx": PPTX_MIME,
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

Item = tuple[str, Callable[[], bytes], str]  # (label, make, file name)


#: what a download button does to the page when clicked: nothing. Streamlit's default reruns
#: the page on every click, and a rerun gives every button on it a new file id and drops the
#: old ones when it ends: a second button clicked while the first click's rerun ran asked for
#: a dropped id and got nothing ("Deferred file … not found" in the log only). It also drew
#: the page while the click's file was being made.
ON_CLICK: Literal["ignore"] = "ignore"


def buttons(items: Sequence[Item], *, key: str, per_row: int = 5) -> None:
    """One download button per item, in rows of `per_row`."""
    cols = st.columns(per_row)
    for i, (label, make, name) in enumerate(items):
        suffix = name[name.rindex(".") :]
        cols[i % per_row].download_button(
            label,
            make,
            name,
            MIME.get(suffix, "application/octet-stream"),
            key=f"{key}.{i}",
            on_click=ON_CLICK,
        )


def _safe(stem: str) -> str:
    return "".join(c if c not in '/\\:*?"<>|' else "_" for c in stem).strip() or "courtgraph"


# -- what the buttons hand out (tests call these too) ----------------------------------------
def _switch() -> bool:
    from ui.scope import verified_only

    return verified_only()


def _chosen() -> list[str] | None:
    """The sidebar's chosen collections (None: every document)."""
    from ui.scope import collections

    return collections()


def briefing_files(
    store: Any,
    initiative: str,
    court: str | None,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | None = None,
) -> dict[str, bytes]:
    """The briefing of `initiative` (under `court`) as {'.docx': …, '.pptx': …}, from the
    facts of `collections` (None: every document)."""
    from figures import briefing

    b = briefing.gather(
        store, initiative, court, verified_only=verified_only, collections=collections
    )
    b.generated = today()
    return {".docx": briefing.to_docx(b), ".pptx": briefing.to_pptx(b)}


def adoption_map_file(
    store: Any,
    initiative: str,
    court: str,
    suffix: str,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | None = None,
) -> bytes:
    from figures import adoption
    from figures.report import demo_count

    data = adoption.adoption_map(
        store, initiative, court, verified_only=verified_only, collections=collections
    )
    # a download's cost: asked only when clicked
    demo = demo_count(store, data.doc_ids, collections=collections)
    if suffix == ".pptx":
        return adoption.to_pptx(data, generated=today(), demo=demo)
    return adoption.draw_adoption_map(data, fmt=suffix[1:], generated=today(), demo=demo)


def timeline_file(
    store: Any,
    initiative: str,
    suffix: str,
    *,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> bytes:
    """The timeline figure from the facts of `collections` (None: all), the verified ones
    only with `verified_only`; its footnote says how many of its facts are unverified."""
    from figures import timeline
    from figures.report import demo_count
    from queries.analytics import timeline as get_timeline
    from queries.verified import FactCheck

    tl = get_timeline(store, initiative, collections=collections, verified_only=verified_only)
    check = FactCheck(*tl.tally)
    # a download's cost: asked only when clicked
    demo = demo_count(store, timeline.doc_ids(tl), collections=collections)
    if suffix == ".pptx":
        return timeline.to_pptx(tl, generated=today(), check=check, demo=demo)
    return timeline.draw_timeline(tl, fmt=suffix[1:], generated=today(), check=check, demo=demo)


def portfolio_file(
    store: Any,
    court: str,
    suffix: str,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | None = None,
) -> bytes:
    from figures import portfolio
    from figures.report import demo_count

    data = portfolio.portfolio(store, court, verified_only=verified_only, collections=collections)
    demo = demo_count(store, data.doc_ids, collections=collections)
    if suffix == ".pptx":
        return portfolio.to_pptx(data, generated=today(), demo=demo)
    return portfolio.draw_portfolio(data, fmt=suffix[1:], generated=today(), demo=demo)


def coverage_map_file(
    store: Any,
    initiative: str,
    suffix: str,
    *,
    province: str | None = None,
    levels: tuple[str, ...] | None = None,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> bytes:
    from figures import coverage
    from figures.report import demo_count

    data = coverage.coverage_map(
        store,
        initiative,
        province=province,
        levels=levels,
        collections=collections,
        verified_only=verified_only,
    )
    demo = demo_count(store, data.doc_ids, collections=collections)
    if suffix == ".pptx":
        return coverage.to_pptx(data, generated=today(), demo=demo)
    return coverage.draw_coverage_map(data, fmt=suffix[1:], generated=today(), demo=demo)


# -- the button rows the pages show -----------------------------------------------------------
def briefing_and_map(store: Any, initiative_id: str, court_id: str, *, stem: str, key: str) -> None:
    """简报 (Word, PowerPoint) and 采用情况图 (PNG, SVG, PowerPoint) of an initiative under a
    court."""
    stem = _safe(stem)
    only, chosen = _switch(), _chosen()
    cache: dict[str, dict[str, bytes]] = {}

    def brief(suffix: str) -> Callable[[], bytes]:
        def make() -> bytes:
            # both formats come from one gathering when both are asked for in one run
            if "b" not in cache:
                cache["b"] = briefing_files(
                    store, initiative_id, court_id, verified_only=only, collections=chosen
                )
            return cache["b"][suffix]

        return make

    def amap(suffix: str) -> Callable[[], bytes]:
        return lambda: adoption_map_file(
            store, initiative_id, court_id, suffix, verified_only=only, collections=chosen
        )

    buttons(
        [
            ("简报 Word", brief(".docx"), f"{stem}-简报.docx"),
            ("简报 PowerPoint", brief(".pptx"), f"{stem}-简报.pptx"),
            ("采用情况图 PNG", amap(".png"), f"{stem}-采用情况图.png"),
            ("采用情况图 SVG", amap(".svg"), f"{stem}-采用情况图.svg"),
            ("采用情况图 PPTX", amap(".pptx"), f"{stem}-采用情况图.pptx"),
        ],
        key=key,
    )


def _picture_buttons(
    what: str,
    make: Callable[[str], Callable[[], bytes]],
    stem: str,
    *,
    key: str,
    pptx_label: str | None = None,
) -> None:
    """One row of buttons for a figure: PNG, SVG and a deck, `make(suffix)` making each file
    when its button is clicked."""
    buttons(
        [
            (f"{what} PNG", make(".png"), f"{stem}.png"),
            (f"{what} SVG", make(".svg"), f"{stem}.svg"),
            (pptx_label or f"{what} PPTX", make(".pptx"), f"{stem}.pptx"),
        ],
        key=key,
        per_row=3,
    )


def timeline_buttons(
    store: Any,
    initiative_id: str,
    *,
    stem: str,
    key: str,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> None:
    """The diffusion timeline as PNG, SVG and a deck with a native chart (from the facts of
    `collections`, the verified ones only with `verified_only`)."""
    stem = _safe(stem)
    only = _switch()

    def tl(suffix: str) -> Callable[[], bytes]:
        return lambda: timeline_file(
            store,
            initiative_id,
            suffix,
            collections=collections,
            verified_only=verified_only or only,
        )

    _picture_buttons("时间线", tl, f"{stem}-时间线", key=key, pptx_label="时间线 PPTX（原生图表）")


def portfolio_buttons(store: Any, court_id: str, *, stem: str, key: str) -> None:
    """The reform portfolio of a court and the units under it as PNG, SVG and a deck."""
    stem = _safe(stem)
    only, chosen = _switch(), _chosen()

    def pf(suffix: str) -> Callable[[], bytes]:
        return lambda: portfolio_file(
            store, court_id, suffix, verified_only=only, collections=chosen
        )

    _picture_buttons("举措一览", pf, f"{stem}-改革举措一览", key=key)


def coverage_map_buttons(
    store: Any,
    initiative_id: str,
    *,
    province: str | None,
    levels: tuple[str, ...],
    stem: str,
    key: str,
    collections: Sequence[str] | None = None,
    verified_only: bool = False,
) -> None:
    """The coverage map as PNG, SVG and a deck (with the shares as a native chart), from the
    facts of `collections`, the verified ones only with `verified_only`; without the
    offline boundary data, says how to install it."""
    from figures.coverage import INSTALL_HELP, maps_available

    if not maps_available():
        st.info(INSTALL_HELP)
        return
    stem = _safe(stem)
    only = _switch()

    def cm(suffix: str) -> Callable[[], bytes]:
        return lambda: coverage_map_file(
            store,
            initiative_id,
            suffix,
            province=province,
            levels=levels,
            collections=collections,
            verified_only=verified_only or only,
        )

    _picture_buttons("覆盖地图", cm, f"{stem}-覆盖地图", key=key)


def unit_briefing_buttons(
    store: Any, court_id: str, *, stem: str, key: str, verified_only: bool = False
) -> None:
    """简报 of a court and the units under it (Word, PowerPoint); `verified_only`: from
    confirmed or corrected facts only (the sidebar's 只看已核实)."""
    stem = _safe(stem)
    chosen = _chosen()
    cache: dict[str, dict[str, bytes]] = {}

    def brief(suffix: str) -> Callable[[], bytes]:
        def make() -> bytes:
            # both formats come from one gathering when both are asked for in one run
            if "b" not in cache:
                cache["b"] = unit_briefing_files(
                    store, court_id, verified_only=verified_only, collections=chosen
                )
            return cache["b"][suffix]

        return make

    buttons(
        [
            ("单位简报 Word", brief(".docx"), f"{stem}-单位简报.docx"),
            ("单位简报 PowerPoint", brief(".pptx"), f"{stem}-单位简报.pptx"),
        ],
        key=key,
        per_row=3,
    )


def unit_briefing_files(
    store: Any,
    court: str,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | None = None,
) -> dict[str, bytes]:
    """The briefing of `court` and the units under it as {'.docx': …, '.pptx': …}, from the
    facts of `collections` (None: every document)."""
    from figures import unit_briefing

    b = unit_briefing.gather(store, court, verified_only=verified_only, collections=collections)
    b.generated = today()
    return {".docx": unit_briefing.to_docx(b), ".pptx": unit_briefing.to_pptx(b)}
