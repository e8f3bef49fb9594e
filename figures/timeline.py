"""The diffusion timeline: units reporting an initiative over time, pilots and promotions marked.

`draw_timeline(tl)` draws `queries.analytics.Timeline` as the 扩散分析 page shows it: the
cumulative number of units with a dated report, a mark for each pilot, a vertical line for
each promotion by a higher court; undated reports are counted in the footnote, never dropped
silently. PNG (1920 × 1080 × scale) or SVG with text kept as text.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from figures.adoption import STAGE_COLOUR
from figures.names import short_court_name
from graph.model import LEVELS
from queries.verified import FactCheck, InitiativeFacts, initiative_facts

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.analytics import Timeline

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
) -> tuple[Timeline, FactCheck]:
    """The timeline of `initiative` and the facts it stands on: of the units in `scope` only
    (None: every unit), from confirmed or corrected reports only when `verified_only`.
    `facts`, `events`: the initiative's fact statuses and `adoption_events` rows when the
    caller has read them already."""
    from queries.registry import resolve_entity, run

    iid = resolve_entity(store, initiative, label="Initiative")
    rows = events if events is not None else run(store, "adoption_events", {"initiative": iid}).rows
    facts = facts if facts is not None else initiative_facts(store, iid)
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


def _month(date: str) -> _dt.date:
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 1
    return _dt.date(y, m, 1)


def _x(d: _dt.date) -> float:
    """A date as matplotlib's float date."""
    import matplotlib.dates as mdates

    return float(mdates.date2num(d))


def _label_promotions(
    ax: Any, fig: Any, promotions: list[dict[str, Any]], points: list[Any], top: int
) -> None:
    """Name each promotion beside its line where the curve is not: to the left of the line
    above the curve (the curve only rises, so nothing of it is up there), else to the right
    below it; staggered so that neighbouring labels do not meet."""
    ax.autoscale_view()
    x0, x1 = ax.get_xlim()
    width_in = ax.get_position().width * fig.get_figwidth()
    for k, e in enumerate(promotions):
        d = _x(_month(e["date"]))
        text = short_court_name(e["unit"] or "") + "推广"
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
                level * 0.5 if level > top * 0.15 else top * 1.05,
                " " + text,
                color=STAGE_COLOUR["promoted"],
                fontsize=12,
                ha="left",
                va="center",
            )


def draw_timeline(
    tl: Timeline,
    *,
    fmt: str = "png",
    scale: float = 1,
    generated: str | None = None,
    with_title: bool = True,
    width: float = 16.0,
    check: FactCheck | None = None,
) -> bytes:
    """The timeline, 1920 × 1080 × `scale` pixels whatever its `width` in inches: a narrower
    figure (a report's page, 8 in) keeps the same pixels with type twice as large."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from figures.render import drawing, save_figure

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    with drawing():
        fig = Figure(figsize=(width, width * 9 / 16))
        ax = fig.add_axes((0.07, 0.14, 0.88, 0.66 if with_title else 0.76))
        if with_title:
            fig.text(0.03, 0.93, f"{tl.initiative} · 扩散时间线", fontsize=26, va="center")
        points = [(_x(_month(m)), n) for m, n in tl.cumulative]
        if points:
            xs, ys = zip(*points, strict=True)
            first = _month(tl.cumulative[0][0])
            before = _x(_dt.date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1))
            ax.step(
                (before, *xs), (0, *ys), where="post", color=STAGE_COLOUR["adopted"], linewidth=2.5
            )
            ax.scatter(
                xs, ys, color=STAGE_COLOUR["adopted"], s=30, zorder=3, label="已报道（累计）"
            )
        pilots = [u for u in tl.first if u["stage"] == "piloted" and u["date"]]
        if pilots:
            ax.scatter(
                [_x(_month(u["date"])) for u in pilots],
                [0.3] * len(pilots),
                marker="^",
                s=120,
                color=STAGE_COLOUR["piloted"],
                zorder=4,
                label="试点",
            )
        top = max((n for _, n in tl.cumulative), default=1)
        promotions = [x for x in tl.endorsements if x["date"]]
        for e in promotions:
            ax.axvline(
                _x(_month(e["date"])), color=STAGE_COLOUR["promoted"], lw=1.2, linestyle="--"
            )
        if tl.endorsements:
            ax.plot(
                [], [], color=STAGE_COLOUR["promoted"], linestyle="--", label="上级法院推广部署"
            )
        ax.set_ylabel("已报道的单位（累计）", fontsize=14)
        ax.set_ylim(0, max(top * 1.1, 1))
        _label_promotions(ax, fig, promotions, points, top)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        ax.tick_params(labelsize=12)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color="#e0e0e0")
        if points or pilots or tl.endorsements:
            ax.legend(loc="lower right", fontsize=12, frameon=False)
        else:
            ax.text(0.5, 0.5, "没有带日期的报道", transform=ax.transAxes, ha="center", fontsize=18)
        note = f"数据截至 {generated or _dt.date.today().isoformat()}；每个单位按其最早的报道日期计"
        if tl.undated:
            units = len({u["unit_id"] for u in tl.undated} - {u["unit_id"] for u in tl.first})
            if units:
                note += f"；另有 {units} 个单位的报道没有日期，未画入"
        if check is not None and check.note():
            note += f"；{check.note()}"
        fig.text(0.03, 0.03, note + "。制图：courtgraph", fontsize=11, color="#666666")
        picture = save_figure(fig, fmt, 120 * scale * 16.0 / width)
    return picture


def to_pptx(tl: Timeline, *, generated: str | None = None, check: FactCheck | None = None) -> bytes:
    """A 16:9 deck with the timeline as a native line chart (dates on a date axis), the
    promotions by higher courts and the undated reports in the notes."""
    from figures.deck import Deck

    deck = Deck(f"{tl.initiative} 扩散时间线", generated=generated)
    notes = ["每个单位按其最早的报道日期计。"]
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
    if tl.cumulative:
        deck.chart_slide(
            f"{tl.initiative} · 推行时间线（累计已报道单位）",
            [_month(m) for m, _ in tl.cumulative],
            {"累计单位数": [n for _, n in tl.cumulative]},
            kind="line",
            notes="".join(notes),
            y_title="已报道的单位（累计）",
            colours=(STAGE_COLOUR["adopted"],),
        )
    else:
        deck.text_slide(
            f"{tl.initiative} · 推行时间线", ["没有带日期的报道。"], notes="".join(notes)
        )
    return deck.save()
