"""The diffusion timeline: units reporting an initiative over time, pilots and promotions marked.

`draw_timeline(tl)` draws `queries.analytics.Timeline` as the 扩散分析 page shows it: the
cumulative number of units with a dated report, a mark for each pilot, a vertical line for
each promotion by a higher court; undated reports are counted in the footnote, never dropped
silently. A date known only to its year or month is drawn at the first day of its period, as
the explorer's 扩散分析 › 时间线 counts it (到年或到月的日期按第一天计), with a hollow marker
(a year with a bar across it) under a legend entry of its own, so that it does not read as a
precise day; the date axis starts where the data starts, its ticks are regular (the finest
of month, quarter, half year, year … whose labels fit) and labelled 2023年 / 4月 (the first
tick with its year: 2023年6月); the legend, above the plot, names only what is drawn. PNG (1920 × 1080 × scale) or SVG with text kept as text.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from figures.adoption import STAGE_COLOUR, collections_note
from figures.names import short_court_name
from graph.model import LEVELS, STAGE_ZH
from queries.verified import FactCheck, InitiativeFacts

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.analytics import Timeline
    from queries.scope import Chosen

_LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}
_ITEM = ("unit_id", "unit", "level", "province", "stage", "date", "date_precision", "doc_ids")


def build_timeline(name: str, rows: Iterable[dict[str, Any]]) -> Timeline:
    """A `queries.analytics.Timeline` from rows of the named query `adoption_events` (the
    same reading as `queries.analytics.timeline`: each unit at its earliest reported date, a
    promotion marked and counted, undated reports kept apart), for a subset of the rows."""
    from queries.analytics import timeline_from_events

    return timeline_from_events(name, rows)


def checked_timeline(
    store: GraphStore,
    initiative: str,
    *,
    verified_only: bool = False,
    scope: set[str] | None = None,
    facts: InitiativeFacts | None = None,
    events: list[dict[str, Any]] | None = None,
    collections: Sequence[str] | Chosen | None = None,
) -> tuple[Timeline, FactCheck]:
    """The timeline of `initiative` and the facts it stands on: of the units in `scope` only
    (None: every unit), from confirmed or corrected reports only when `verified_only`, from
    the facts of `collections`' documents only (None: every document). `facts`, `events`:
    the initiative's fact statuses and `adoption_events` rows (of those collections) when
    the caller has read them already."""
    from queries import scope as collections_
    from queries.registry import resolve_entity, run

    iid = resolve_entity(store, initiative, label="Initiative")
    chosen = collections_.chosen(store, collections)
    if events is not None:
        rows = events
    else:
        asked = chosen.params("adoption_events", {"initiative": iid})
        rows = run(store, "adoption_events", asked).rows
    facts = facts if facts is not None else collections_.initiative_facts(store, iid, chosen)
    if scope is not None:
        rows = [r for r in rows if r["unit_id"] in scope]
    check = FactCheck.of(
        (facts.adoption_status(r["fact_id"]) for r in rows), verified_only=verified_only
    )
    if verified_only:
        rows = [r for r in rows if facts.adoption_verified(r["fact_id"])]
    return build_timeline(initiative_name(store, iid, rows), rows), check


def initiative_name(store: GraphStore, iid: str, events: list[dict[str, Any]]) -> str:
    """The initiative's name: from its events when there are any, else its node."""
    from queries.registry import run

    if events:
        return str(events[0]["initiative"])
    named = run(store, "entity", {"entity": iid}).rows
    return (named[0]["properties"].get("name") if named else None) or iid.split(":", 1)[-1]


def doc_ids(tl: Timeline) -> list[str]:
    """The documents the timeline stands on (its dated firsts, promotions and undated
    reports), to mark a picture that rests on demo documents (`figures.report.demo_count`)."""
    items = (*tl.first, *tl.endorsements, *tl.undated)
    return sorted({d for u in items for d in u.get("doc_ids") or []})


def _month(date: str) -> _dt.date:
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    return _dt.date(y, m, 1)


def _x(d: _dt.date) -> float:
    """A date as matplotlib's float date."""
    import matplotlib.dates as mdates

    return float(mdates.date2num(d))


# A date known only to its year or month is drawn at the first day of its period, as the
# explorer's timeline counts it (the same data gave two curves: mid-year on the slide, January
# in the explorer), with a hollow marker and a bar across the whole period, and named as such
# in the legend so that it does not read as a precise day.
YEAR_ONLY_LABEL = "日期只精确到年（按该年第一天计，横线为全年）"
MONTH_ONLY_LABEL = "日期只精确到月（按该月第一天计）"
#: the footnote's and the notes' words, the explorer's (ui.analytics.timeline)
FIRST_DAY_NOTE = "到年或到月的日期按第一天计"
PRECISE_LABEL = "已报道（累计）"
# a unit whose report names no date, placed at its article's date: drawn at that day but
# hollow and named, as the latest the unit can have started (not a day the text gives)
DOCUMENT_DATE_LABEL = "文档日期（文中未写推行时间，实际可能更早）"
PROMOTION_LABEL = "上级法院推广部署"


def _period(date: str) -> tuple[str, _dt.date, _dt.date]:
    """A report's date as (precision, first day, day after the last): "year" for 2023,
    "month" for 2023-06, "day" otherwise (the precision the text gives, whatever the
    `date_precision` field says of its source)."""
    y = int(date[:4])
    if len(date) < 7:
        return "year", _dt.date(y, 1, 1), _dt.date(y + 1, 1, 1)
    m = int(date[5:7])
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    if len(date) < 10:
        return "month", _dt.date(y, m, 1), nxt
    d = _dt.date(y, m, int(date[8:10]))
    return "day", d, d + _dt.timedelta(days=1)


def position(date: str) -> tuple[str, float, float, float]:
    """Where a date is drawn: (precision, x, period start, period end) in matplotlib's float
    dates; a day at its own day, a month or a year at its first day (到年或到月的日期按第一天计,
    as the explorer draws it)."""
    precision, lo, hi = _period(date)
    a, b = _x(lo), _x(hi)
    return precision, a, a, b


def _date_axis(ax: Any, lo: float, hi: float, room: int) -> None:
    """Regular ticks from `lo` to `hi`: every month, quarter, half year, year, 2, 5 or 10
    years, the finest step that gives at most `room` ticks; the axis widened to whole steps so
    that a tick stands before the first mark and after the last; labels 2023年 at a year's
    start, 4月 at another month, 2023年6月 on a first tick that is not January."""
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    first, last = mdates.num2date(lo).date(), mdates.num2date(hi).date()
    lo_month = first.year * 12 + first.month - 1
    hi_month = last.year * 12 + last.month - 1 + (last.day > 1)
    for step in (1, 3, 6, 12, 24, 60, 120):
        start = lo_month - lo_month % step
        end = hi_month + -hi_month % step
        if (end - start) // step + 1 <= room:
            break
    locator: Any = (
        mdates.MonthLocator(bymonth=range(1, 13, step))
        if step < 12
        else mdates.YearLocator(step // 12)
    )

    def label(x: float, pos: int | None) -> str:
        # one style, as Chinese charts write dates: 2023年 at a year's start, 4月 within it,
        # and the year on the first tick too when it is not January (2023年6月)
        d = mdates.num2date(x)
        if d.month == 1:
            return f"{d.year}年"
        return f"{d.year}年{d.month}月" if pos == 0 else f"{d.month}月"

    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(label))
    ax.set_xlim(
        _x(_dt.date(start // 12, start % 12 + 1, 1)), _x(_dt.date(end // 12, end % 12 + 1, 1))
    )


def _label_promotions(
    ax: Any, fig: Any, promotions: list[tuple[float, str, Any]], points: list[Any], top: int
) -> None:
    """Name each promotion beside its line where the curve is not: to the left of the line
    above the curve (the curve only rises, so nothing of it is up there), else to the right
    below it; staggered so that neighbouring labels do not meet."""
    x0, x1 = ax.get_xlim()
    width_in = ax.get_position().width * fig.get_figwidth()
    for k, (d, text, _) in enumerate(promotions):
        level = max((n for x, n in points if x <= d), default=0)
        room = (d - x0) / (x1 - x0) * width_in
        if room > len(text) * 12 / 72 + 0.15:
            y = max(top * (1.05 - 0.08 * (k % 3)), level + top * 0.08)
            ax.text(
                d, y, text + " ", color=STAGE_COLOUR["promoted"], fontsize=12, ha="right", va="top"
            )
        else:
            ax.text(
                d,
                # half-way between two counts: a year's bar and its marker stand on the counts
                math.floor(level * 0.5) + 0.5 if level > top * 0.15 else top * 1.05,
                " " + text,
                color=STAGE_COLOUR["promoted"],
                fontsize=12,
                ha="left",
                va="center",
            )


def timeline_axes(fig: Any, tl: Timeline, *, with_title: bool = True) -> Any:
    """Draw the timeline on `fig` (a `matplotlib.figure.Figure`, inside
    `figures.render.drawing()`) and return its axes: each unit at its first report's date (a
    year or a month at its first day, hollow, with a bar across the period), the
    cumulative count as a step line, pilots as triangles, dated promotions as dashed lines; the
    legend names only what is drawn."""
    from matplotlib.ticker import MaxNLocator

    # the legend stands above the plot, where it covers no data
    ax = fig.add_axes((0.07, 0.14, 0.88, 0.66 if with_title else 0.70))
    if with_title:
        fig.text(0.03, 0.93, f"{tl.initiative} · 扩散时间线", fontsize=26, va="center")
    colour = STAGE_COLOUR["adopted"]
    placed = sorted(
        (
            ("document" if u.get("date_precision") == "document" else p, x, a, b, u)
            for p, x, a, b, u in ((*position(u["date"]), u) for u in tl.first if u["date"])
        ),
        key=lambda p: p[1],
    )
    points = [(x, n) for n, (_, x, _, _, _) in enumerate(placed, 1)]
    spans = [(a, b) for _, _, a, b, _ in placed]
    pilots = [(p, x) for p, x, _, _, u in placed if u["stage"] == "piloted"]
    promotions: list[tuple[float, str, tuple[float, float] | None]] = []
    for e in tl.endorsements:
        if e["date"]:
            precision, x, a, b = position(e["date"])
            spans.append((a, b))
            text = short_court_name(e["unit"] or "") + "推广"
            if precision != "day":
                text += f"（{e['date']}）"
            promotions.append((x, text, None if precision == "day" else (a, b)))
    top = max(len(points), 1)
    if points:
        xs, ys = zip(*points, strict=True)
        ax.step((min(a for a, _ in spans), *xs), (0, *ys), where="post", color=colour, lw=2.5)
        for precision, label, face in (
            ("day", PRECISE_LABEL, colour),
            ("document", DOCUMENT_DATE_LABEL, "white"),
            ("month", MONTH_ONLY_LABEL, "white"),
            ("year", YEAR_ONLY_LABEL, "white"),
        ):
            mine = [
                (x, n, a, b)
                for (p, x, a, b, _), (_, n) in zip(placed, points, strict=True)
                if p == precision
            ]
            if not mine:
                continue
            mx, my, ma, mb = zip(*mine, strict=True)
            if precision == "year":
                ax.hlines(my, ma, mb, color=colour, lw=6, alpha=0.25, zorder=2)
            ax.scatter(
                mx,
                my,
                marker={"day": "o", "document": "o", "month": "D"}.get(precision, "s"),
                s={"day": 30, "document": 45}.get(precision, 70),
                facecolors=face,
                edgecolors=colour,
                linewidths=1.8,
                zorder=3,
                label=label,
            )
    if pilots:
        ax.scatter(
            [x for _, x in pilots],
            [top * 0.04] * len(pilots),
            marker="^",
            s=120,
            color=STAGE_COLOUR["piloted"],
            zorder=4,
            label="试点",
        )
    for k, (x, _, span) in enumerate(promotions):  # the legend names the first line
        label = PROMOTION_LABEL if k == 0 else "_nolegend_"
        ax.axvline(x, color=STAGE_COLOUR["promoted"], lw=1.2, linestyle="--", label=label)
        if span is not None:  # a year or a month: a light band across it
            ax.axvspan(*span, color=STAGE_COLOUR["promoted"], alpha=0.07, lw=0)
    ax.set_ylabel("已报道的单位（累计）", fontsize=14)
    ax.set_ylim(0, max(top * 1.1, 1))
    if spans:
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        if hi - lo < 180:  # a single report or a few close ones: half a year from the first
            hi = lo + 180
        # about one label an inch at 12 pt, at most 12 on the widest figure
        room = min(12, int(ax.get_position().width * fig.get_figwidth() / 0.95))
        # the axis starts at the tick at or before the first report (2025年 for a report of
        # 2025, not the quarter before it), a little margin so that its marker is not cut
        _date_axis(ax, lo, hi, room)
        x0, x1 = ax.get_xlim()
        ax.set_xlim(x0 - (x1 - x0) * 0.03, x1 + (x1 - x0) * 0.015)
    _label_promotions(ax, fig, promotions, points, top)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=12)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#e0e0e0")
    if points or promotions:
        # above the plot, right-aligned, where it hides nothing that is drawn (inside the
        # plot, "best" put it over the top step); two columns when one row is too wide
        labels = ax.get_legend_handles_labels()[1]
        wide = sum(len(t) * 12 / 72 + 0.75 for t in labels)
        room_in = ax.get_position().width * fig.get_figwidth()
        ncol = len(labels) if wide <= room_in else max(1, -(-len(labels) // 2))
        ax.legend(
            loc="lower right",
            bbox_to_anchor=(1.0, 1.01),
            ncol=ncol,
            fontsize=12,
            frameon=False,
            borderaxespad=0,
        )
    else:
        ax.text(0.5, 0.5, "没有带日期的报道", transform=ax.transAxes, ha="center", fontsize=18)
    return ax


def draw_timeline(
    tl: Timeline,
    *,
    fmt: str = "png",
    scale: float = 1,
    generated: str | None = None,
    with_title: bool = True,
    width: float = 16.0,
    check: FactCheck | None = None,
    facts_note: str | None = None,
    demo: int = 0,
    collections: Sequence[str] = (),
) -> bytes:
    """The timeline, 1920 × 1080 × `scale` pixels whatever its `width` in inches: a narrower
    figure (a report's page, 8 in) keeps the same pixels with type twice as large.
    `facts_note` says what facts it stands on instead of `check`'s count (a briefing's words,
    the same under every figure); a footnote wider than the figure is wrapped. `demo`: how
    many of its documents are demo documents (invented facts), said in a red mark and first
    in the footnote, as on the adoption map. `collections`: the collections whose facts it
    counts, named in the footnote."""
    from matplotlib.figure import Figure

    from figures.render import demo_badge, demo_note, drawing, save_figure

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    with drawing():
        fig = Figure(figsize=(width, width * 9 / 16))
        ax = timeline_axes(fig, tl, with_title=with_title)
        note = "；".join(
            [
                f"数据截至 {generated or _dt.date.today().isoformat()}",
                *collections_note(collections),
            ]
        )
        note += "；每个单位按其最早的报道日期计"
        if demo:
            note = f"{demo_note(demo)}；{note}"
            demo_badge(fig, 0.93 if with_title else 0.96)
        if any(len(u["date"] or "") < 10 for u in tl.first):
            note += f"；{FIRST_DAY_NOTE}"
        if tl.undated:
            units = len({u["unit_id"] for u in tl.undated} - {u["unit_id"] for u in tl.first})
            if units:
                note += f"；另有 {units} 个单位的报道没有日期，未画入"
        undated_promotions = sum(1 for e in tl.endorsements if not e["date"])
        if undated_promotions:
            note += f"；{undated_promotions} 条上级法院推广部署没有日期，未画入"
        if facts_note:
            note += f"；{facts_note}"
        elif check is not None and check.note():
            note += f"；{check.note()}"
        # about one 11 pt character per 0.16 in: wrap at a clause rather than past the edge
        lines = wrap_note(note + "。制图：courtgraph", int((width * 0.94) / 0.16))
        if len(lines) > 2:  # the axes leave room for two lines: raise them over the rest
            pos = ax.get_position()
            shift = (len(lines) - 2) * 11 * 1.3 / 72 / fig.get_figheight()
            ax.set_position((pos.x0, pos.y0 + shift, pos.width, pos.height - shift))
        fig.text(0.03, 0.01, "\n".join(lines), fontsize=11, color="#666666", va="bottom")
        picture = save_figure(fig, fmt, 120 * scale * 16.0 / width)
    return picture


def wrap_note(text: str, per_line: int) -> list[str]:
    """`text` in lines of at most `per_line` characters, broken after a clause (；) where one
    fits, else hard.

    >>> wrap_note("甲乙；丙丁戊；己", 5)
    ['甲乙；', '丙丁戊；己']
    """
    lines: list[str] = []
    while len(text) > per_line:
        cut = text.rfind("；", 0, per_line) + 1 or per_line
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text] if text else lines


def to_pptx(
    tl: Timeline,
    *,
    generated: str | None = None,
    check: FactCheck | None = None,
    demo: int = 0,
    collections: Sequence[str] = (),
) -> bytes:
    """A 16:9 deck with the timeline as the briefing deck shows it: the same step picture
    (year-only and month-only dates at their first day and marked, pilots, dated promotions), then
    its data as a native table a presenter can restyle or chart (each unit's first reported
    date and the running count); promotions and undated reports in the notes. `demo` and
    `collections` as in `draw_timeline`."""
    from figures.deck import Deck

    deck = Deck(f"{tl.initiative} 扩散时间线", generated=generated, demo=demo)
    notes = [f"每个单位按其最早的报道日期计；{FIRST_DAY_NOTE}。"]
    promotions = [e for e in tl.endorsements if e.get("date")]
    if promotions:
        notes.append(
            "上级法院推广部署："
            + "；".join(f"{short_court_name(e['unit'] or '')} {e['date']}" for e in promotions)
            + "。"
        )
    undated = len({u["unit_id"] for u in tl.undated} - {u["unit_id"] for u in tl.first})
    if undated:
        notes.append(f"另有 {undated} 个单位的报道没有日期，未画入。")
    if check is not None and check.note():
        notes.append(f"{check.note()}。")
    notes += [f"{n}。" for n in collections_note(collections)]
    if not (tl.first or tl.endorsements):
        deck.text_slide(
            f"{tl.initiative} · 推行时间线", ["没有带日期的报道。"], notes="".join(notes)
        )
        return deck.save()
    deck.picture_slide(
        f"{tl.initiative} · 推行时间线（累计已报道单位）",
        draw_timeline(
            tl,
            generated=generated,
            with_title=False,
            width=12.0,
            check=check,
            demo=demo,
            collections=collections,
        ),
        notes="".join(notes),
        marked=True,
    )
    # the table in the picture's order: a year-only date counts from 1 January, as drawn
    dated = sorted(
        (u for u in tl.first if u["date"]), key=lambda u: (position(u["date"])[1], u["unit"])
    )
    if dated:
        deck.table_slides(
            f"{tl.initiative} · 推行时间线数据",
            ["最早报道日期", "单位", "阶段", "累计单位数"],
            [
                [u["date"], short_court_name(u["unit"] or ""), STAGE_ZH.get(u["stage"], ""), n]
                for n, u in enumerate(dated, 1)
            ],
            widths=[1.6, 3.4, 1.4, 1.4],
            notes=f"{FIRST_DAY_NOTE}，与上一页的图相同。",
        )
    return deck.save()
