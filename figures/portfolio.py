"""A unit's reform portfolio (改革举措一览): what a court and the units under it report.

One row per initiative, grouped by category: the court's own stage and date, how many units
under it report the initiative (a bar split by stage) and the first reported date. This is
the page a court's research office puts in a year-end report: "what are we doing, and where".

`portfolio(store, court)` reads the data (the named query `unit_portfolio`);
`draw_portfolio(data, fmt=...)` returns PNG (1920 × 1080 × scale) or SVG (text kept as
text); `to_pptx(data)` a deck with the picture and the list as native tables.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from figures.adoption import (
    STAGE_COLOUR,
    STAGE_LABEL,
    STAGE_ORDER,
    collections_note,
    own_stage,
    wrap_footnote,
)
from figures.names import CATEGORY_ZH, short_court_name
from queries.columns import date_shown
from queries.verified import FactCheck, is_verified

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.scope import Chosen

CANDIDATES = "候选举措（未列入目录）"
UNFILED = "未分类"
MAX_ROWS = 44  # rows (headings included) a 16:9 page holds at a readable size, in two panels


@dataclass
class Item:
    initiative_id: str
    initiative: str
    category: str  # Chinese
    own: str | None = None  # the court's own stage
    own_date: str | None = None
    units: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # unit id -> (stage, first date), for units under the court
    #: units under the court whose first date is only an article's date (date_precision
    #: "document"), and whether the court's own is
    document_dated: set[str] = field(default_factory=set)
    own_document_dated: bool = False

    def first_date_shown(self) -> str | None:
        """`first_date`, marked （文档日期） when it is only an article's date."""
        first = self.first_date
        dated = [(d, u) for u, (_, d) in self.units.items() if d == first]
        doc_only = all(u in self.document_dated for _, u in dated)
        if self.own_date == first:
            doc_only = doc_only and self.own_document_dated
        return date_shown(first, "document" if first and doc_only else None)

    def own_date_shown(self) -> str | None:
        """`own_date`, marked （文档日期） when it is only an article's date."""
        return date_shown(self.own_date, "document" if self.own_document_dated else None)

    @property
    def first_date(self) -> str | None:
        dates = [d for _, d in self.units.values() if d] + (
            [self.own_date] if self.own_date else []
        )
        return min(dates) if dates else None

    def stage_counts(self) -> dict[str, int]:
        out = dict.fromkeys(STAGE_ORDER, 0)
        for stage, _ in self.units.values():
            if stage:
                out[stage] += 1
        return out


@dataclass
class Portfolio:
    court_id: str
    court: str
    items: list[Item]
    truncated: bool = False  # the query's row limit was reached: some reports are missing
    check: FactCheck = field(default_factory=FactCheck)  # the reports it is drawn from
    #: the documents behind the reports drawn (to mark a picture that rests on demo documents)
    doc_ids: list[str] = field(default_factory=list)
    #: the collections whose facts it counts (none: every document), said in its footnote
    collections: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return short_court_name(self.court)

    def units(self) -> int:
        return len({u for i in self.items for u in i.units})

    def groups(self) -> list[tuple[str, list[Item]]]:
        """(category, items) with the most active categories first, items by units."""
        by: dict[str, list[Item]] = {}
        for it in self.items:
            by.setdefault(it.category, []).append(it)
        for items in by.values():
            items.sort(key=lambda i: (-len(i.units) - (i.own is not None), i.initiative))
        return sorted(
            by.items(),
            key=lambda kv: (
                kv[0] in (CANDIDATES, UNFILED),
                kv[0] == CANDIDATES,
                -sum(len(i.units) + 1 for i in kv[1]),
                kv[0],
            ),
        )


def _category(row: dict[str, Any]) -> str:
    if row["candidate"]:
        return CANDIDATES
    code = row["category"]
    return CATEGORY_ZH.get(code, code) if code else UNFILED


def portfolio(
    store: GraphStore,
    court: str,
    *,
    verified_only: bool = False,
    collections: Sequence[str] | Chosen | None = None,
) -> Portfolio:
    """The initiatives `court` and the units under it report (named query `unit_portfolio`);
    `verified_only`: from confirmed or corrected reports only; `collections`: from the reports
    of these collections' documents only (None: every document)."""
    from queries.registry import resolve_entity, run
    from queries.scope import chosen as chosen_collections

    cid = resolve_entity(store, court)
    chosen = chosen_collections(store, collections)
    props = run(store, "entity", {"entity": cid}).rows[0]["properties"]
    # `unit_portfolio` takes no collections: its rows are kept as the queries that do keep theirs
    result = run(store, "unit_portfolio", chosen.params("unit_portfolio", {"unit": cid}))
    return from_rows(
        cid,
        props.get("name") or cid,
        chosen.rows(result.rows),
        truncated=result.truncated,
        verified_only=verified_only,
        collections=chosen.names,
    )


def from_rows(
    court_id: str,
    court: str,
    rows: list[dict[str, Any]],
    *,
    truncated: bool = False,
    verified_only: bool = False,
    collections: Sequence[str] = (),
) -> Portfolio:
    """The portfolio of the rows of the named query `unit_portfolio` for `court_id` (a
    briefing reads them once for the portfolio and its sources alike); `collections`: those
    the rows were kept for, named in the footnote."""
    items: dict[str, Item] = {}
    stages: dict[tuple[str, str], list[str]] = {}
    dates: dict[tuple[str, str], tuple[str, str | None]] = {}
    check = FactCheck.of((r["status"] for r in rows), verified_only=verified_only)
    # a unit's stage and date come from the reports a reviewer confirmed or corrected where it
    # has any: a correction (上级推广 2023-04) wins over an unchecked report (推行 2023)
    checked_keys = {(r["initiative_id"], r["unit_id"]) for r in rows if is_verified(r["status"])}
    docs: set[str] = set()
    for r in rows:
        if verified_only and not is_verified(r["status"]):
            continue
        iid = r["initiative_id"]
        if (iid, r["unit_id"]) in checked_keys and not is_verified(r["status"]):
            items.setdefault(iid, Item(iid, r["initiative"] or iid, _category(r)))
            continue
        docs.update(r.get("doc_ids") or [])
        if iid not in items:
            items[iid] = Item(iid, r["initiative"] or iid, _category(r))
        key = (iid, r["unit_id"])
        stages.setdefault(key, []).append(r["stage"])
        precision = r.get("date_precision")
        if r["date"] and (
            key not in dates
            or r["date"] < dates[key][0]
            or (r["date"] == dates[key][0] and precision != "document")
        ):
            dates[key] = (r["date"], precision)
    for (iid, uid), st in stages.items():
        stage, (date, precision) = own_stage(st), dates.get((iid, uid), (None, None))
        if uid == court_id:
            items[iid].own, items[iid].own_date = stage, date
        else:
            items[iid].units[uid] = (stage, date)
        if precision == "document" and uid == court_id:
            items[iid].own_document_dated = True
        elif precision == "document":
            items[iid].document_dated.add(uid)
    return Portfolio(
        court_id,
        court,
        list(items.values()),
        truncated,
        check=check,
        doc_ids=sorted(docs),
        collections=tuple(collections),
    )


# ------------------------------------------------------------------------------------------
# Drawing


def _rows(data: Portfolio) -> list[tuple[str, Any]]:
    """('head', category heading) and ('item', Item) in reading order."""
    rows: list[tuple[str, Any]] = []
    for cat, items in data.groups():
        rows.append(("head", f"{cat}（{len(items)}）"))
        rows += [("item", i) for i in items]
    return rows


def paginate(
    rows: list[tuple[str, Any]], per_panel: int, panels: int
) -> tuple[list[list[tuple[str, Any]]], int]:
    """Rows poured into `panels` columns of `per_panel` rows: a heading never ends a column,
    a column that starts inside a category repeats its heading (续). Returns the columns and
    the number of initiatives that did not fit."""
    out: list[list[tuple[str, Any]]] = [[]]
    for kind, value in rows:
        col = out[-1]
        full = len(col) >= per_panel or (kind == "head" and len(col) >= per_panel - 1)
        if full:
            if len(out) == panels:
                break
            out.append([])
            col = out[-1]
            if kind == "item":
                col.append(("head", f"{value.category}（续）"))
        col.append((kind, value))
    shown = sum(1 for col in out for k, _ in col if k == "item")
    total = sum(1 for k, _ in rows if k == "item")
    return out, total - shown


def draw_portfolio(
    data: Portfolio,
    *,
    fmt: str = "png",
    scale: float = 1,
    generated: str | None = None,
    with_title: bool = True,
    width: float = 16.0,
    fit: bool = False,
    left_out_note: str = "见幻灯片中的完整列表",
    demo: int = 0,
    small: float = 10.0,
    documents: Sequence[str] = (),
) -> bytes:
    """The portfolio as PNG (1920 × 1080 × `scale`) or SVG; rows beyond what one page holds
    at a readable size are counted in the footnote (the deck lists them all, a briefing's
    `left_out_note` says where). `width` in inches (120 px each at scale 1; below 13 the
    legend goes under the subtitle) and `fit`: as tall as the rows need (at most 16:9 in two
    panels), for a report's page where a few rows on a 16:9 canvas would be small type in an
    empty picture. `demo`: how many of its documents are demo documents (invented facts),
    said in a red mark and first in the footnote, as on the adoption map. `small`: the
    smallest type in points (footnote, legend, column heads, stages, counts and dates; a
    picture set smaller than its own size on a slide or a page needs more than 10 to stay
    legible there). `documents`: the labels of the documents it stands on, the first two
    named in the footnote with their count."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Patch, Rectangle

    from figures.render import demo_badge, demo_note, drawing, save_figure, wrap_lines

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    W, H = width, 9.0
    side = 0.35
    narrow = W < 13  # the legend does not fit beside the subtitle
    all_rows = _rows(data)
    panels = 1 if len(all_rows) <= MAX_ROWS // 2 or narrow else 2
    per_panel = MAX_ROWS // 2 if panels == 2 else max(len(all_rows), 1)
    columns, left_out = paginate(all_rows, per_panel, panels)
    note = [f"数据截至 {generated or _dt.date.today().isoformat()}"]
    note += collections_note(data.collections)
    if documents:
        more = f" 等 {len(documents)} 篇文档" if len(documents) > 2 else ""
        note.append("来源：" + "；".join(documents[:2]) + more)
    if demo:
        note.insert(0, demo_note(demo))
    if left_out:
        note.append(f"另有 {left_out} 项举措未列出（{left_out_note}）")
    if data.truncated:
        note.append("报道条数超过查询上限，只统计了其中一部分；请选下一级法院查看")
    if data.check.note():
        note.append(data.check.note())
    note.append("“本院”为该单位自身报道的阶段；下级单位按其报道的阶段计；日期为最早的报道日期")
    foot = max(10.0, small)  # the footnote's size: about 7 characters an inch at 10 pt
    # by the width the text takes (file names and dates are narrower than CJK), after a clause
    note_lines = wrap_footnote("；".join(note) + "。制图：courtgraph", W - 2 * side, foot)
    # the title's line; without a title, a demo mark takes a line of its own (top right is
    # the legend's on a wide picture)
    lead = 0.62 if with_title else 0.45 if demo else 0.0
    y0 = 0.25 + lead
    legend_pt = max(12.0, small)
    # narrow: the legend (its title above its keys) under the subtitle; wide: beside it, and
    # the column heads below it when its type is larger than 12 pt
    top = y0 + 0.55 + (0.45 * legend_pt / 12 if narrow else (legend_pt - 12) * 2 * 1.4 / 72)
    bottom = 0.35 + 0.18 * foot / 10 * len(note_lines)
    if fit:
        H = min(top + 0.35 + 0.42 * max(per_panel, 2) + bottom, 9.0 if panels == 2 else 16.0)
    with drawing():
        fig = Figure(figsize=(W, H))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, W)
        ax.set_ylim(H, 0)
        ax.axis("off")
        y = 0.25
        if with_title:
            ax.text(side, y, f"{data.short} · 改革举措一览", fontsize=26, va="top")
        y += lead
        n_units = data.units()
        ax.text(
            side,
            y,
            f"本院及下级 {n_units} 个单位报道的 {len(data.items)} 项举措，按类别分组",
            fontsize=max(14.0, small),
            va="top",
            color="#333333",
        )
        handles = [
            Patch(facecolor=STAGE_COLOUR[s], edgecolor="none", label=STAGE_LABEL[s])
            for s in STAGE_ORDER
        ]
        fig.legend(
            handles=handles,
            loc="upper left" if narrow else "upper right",
            bbox_to_anchor=(side / W - 0.005, 1 - (y + 0.3) / H)
            if narrow
            else (1 - side / W, 1 - (y - 0.12) / H),
            ncol=len(handles),
            frameon=False,
            fontsize=legend_pt,
            handlelength=1.2,
            title="阶段",
            title_fontsize=legend_pt,
            alignment="left" if narrow else "center",
        )
        gap = 0.4
        panel_w = (W - 2 * side - gap * (panels - 1)) / panels
        row_h = min(0.42, (H - top - bottom - 0.35) / max(per_panel, 1))
        size = max(min(15.0, row_h * 72 * 0.52), 7.0)
        # heads, stages, counts and dates: at least `small`, never above the row's own size
        aux = max(size * 0.85, min(small, size))
        # columns: name | 本院 | units under it (bar) | first date
        own_w, date_w = 1.15 * size / 12, 1.15 * size / 12
        bar_w = min(3.2, panel_w * 0.32)
        name_w = panel_w - own_w - bar_w - date_w - 0.3
        chars = max(4, int(name_w * 72 / size) - 1)
        # a bar's length counts units; a few units never fill the column
        most = max([len(i.units) for _, i in all_rows if isinstance(i, Item)] + [4])
        for p in range(panels):
            x0 = side + p * (panel_w + gap)
            hy = top
            for label, x, ha in (
                ("举措", x0, "left"),
                ("本院", x0 + name_w + own_w / 2, "center"),
                ("下级单位（个）", x0 + name_w + own_w + 0.15, "left"),
                ("最早报道", x0 + panel_w, "right"),
            ):
                ax.text(x, hy, label, fontsize=aux, color="#666666", ha=ha, va="top")
            ax.plot([x0, x0 + panel_w], [hy + 0.3, hy + 0.3], color="#bbbbbb", lw=0.8)
            for k, (kind, value) in enumerate(columns[p] if p < len(columns) else []):
                ry = top + 0.35 + k * row_h
                cy = ry + row_h / 2
                if kind == "head":
                    ax.add_patch(
                        Rectangle((x0, ry + 0.04), panel_w, row_h - 0.06, fc="#eef2f6", ec="none")
                    )
                    ax.text(x0 + 0.08, cy, value, fontsize=size, va="center", color="#1b2a3a")
                    continue
                it: Item = value
                name = wrap_lines(it.initiative, chars)
                text = name[0] + ("…" if len(name) > 1 else "")
                ax.text(x0 + 0.25, cy, text, fontsize=size, va="center", color="#1b2a3a")
                if it.own:
                    ax.add_patch(
                        FancyBboxPatch(
                            (x0 + name_w + 0.08, ry + row_h * 0.18),
                            own_w - 0.16,
                            row_h * 0.64,
                            boxstyle="round,pad=0,rounding_size=0.04",
                            fc=STAGE_COLOUR[it.own],
                            ec="none",
                        )
                    )
                    ax.text(
                        x0 + name_w + own_w / 2,
                        cy,
                        STAGE_LABEL[it.own],
                        fontsize=max(size * 0.8, min(small, size)),
                        ha="center",
                        va="center",
                        color="white",
                    )
                bx = x0 + name_w + own_w + 0.15
                counts = it.stage_counts()
                for stage in STAGE_ORDER:
                    w = bar_w * 0.8 * counts[stage] / most
                    if w:
                        ax.add_patch(
                            Rectangle(
                                (bx, ry + row_h * 0.22),
                                w,
                                row_h * 0.56,
                                fc=STAGE_COLOUR[stage],
                                ec="white",
                                lw=0.5,
                            )
                        )
                        bx += w
                ax.text(
                    bx + 0.06,
                    cy,
                    str(len(it.units)) if it.units else "—",
                    fontsize=aux,
                    va="center",
                    color="#333333",
                )
                ax.text(
                    x0 + panel_w,
                    cy,
                    it.first_date_shown() or "未注明",
                    fontsize=aux,
                    ha="right",
                    va="center",
                    color="#333333" if it.first_date else "#999999",
                )
        if not all_rows:
            ax.text(
                W / 2, H / 2, "没有这个单位及其下级单位推行举措的报道", ha="center", fontsize=18
            )
        ax.text(
            side,
            H - 0.15,
            "\n".join(note_lines),
            fontsize=foot,
            color="#666666",
            va="bottom",
            linespacing=1.3,
        )
        if demo:  # in the title's line, clear of the legend
            demo_badge(fig, 1 - (0.42 if with_title else 0.38) / H)
        data_out = save_figure(fig, fmt, 120 * scale)
    return data_out


#: the smallest type of a 16:9 portfolio (16 in) drawn for a slide or a landscape page, where
#: it is shown at about 0.64 of its size: about 10 pt there
WIDE_SLIDE_SMALL = 16.0
#: … of a narrow one (10 in) on a portrait page (0.62) or a slide (about 0.7): 8 to 10 pt
NARROW_PAGE_SMALL = 14.0


def table_rows(data: Portfolio) -> list[list[str]]:
    """Every initiative as a row: 类别, 举措, 本院, 下级单位数, 最早报道."""
    out = []
    for cat, items in data.groups():
        for it in items:
            out.append(
                [
                    cat,
                    it.initiative,
                    STAGE_LABEL[it.own] + (f"（{it.own_date_shown()}）" if it.own_date else "")
                    if it.own
                    else "—",
                    str(len(it.units)),
                    it.first_date_shown() or "未注明",
                ]
            )
    return out


def to_pptx(
    data: Portfolio,
    *,
    generated: str | None = None,
    demo: int = 0,
    documents: Sequence[str] = (),
) -> bytes:
    """A 16:9 deck: the portfolio picture under an editable title (its smallest type about
    10 pt on the slide), then every initiative in native tables; `demo` and `documents` as
    in `draw_portfolio` (the documents listed in the notes too)."""
    from figures.deck import Deck

    deck = Deck(f"{data.short} 改革举措一览", generated=generated, demo=demo)
    deck.picture_slide(
        f"{data.short} · 改革举措一览",
        draw_portfolio(
            data,
            scale=2,
            generated=deck.generated,
            with_title=False,
            demo=demo,
            small=WIDE_SLIDE_SMALL,
            documents=documents,
        ),
        notes="“本院”为该单位自身报道的阶段；下级单位按其报道的阶段计；日期为最早的报道日期。"
        + (f"{data.check.note()}。" if data.check.note() else "")
        + "".join(f"{n}。" for n in collections_note(data.collections))
        + ("\n来源：\n" + "\n".join(documents) if documents else ""),
        marked=True,
    )
    deck.table_slides(
        f"{data.short} · 改革举措清单",
        ["类别", "举措", "本院", "下级单位数", "最早报道"],
        table_rows(data),
        widths=[1.6, 3.4, 1.6, 1.1, 1.3],
        per_slide=16,
    )
    return deck.save()
