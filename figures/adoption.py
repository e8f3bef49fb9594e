"""The adoption map (采用情况图): which units under a court report an initiative, and which not.

The picture court staff draw by hand for "who has adopted it, and who has not yet": the court
at the top, each unit directly below it heading a column, the units below those listed under
their parent (indented by level), every unit a box coloured by the stage the documents report
(推行 / 试点 / 上级推广 / 获评 / 尚未报道) with its customary short name; a people's tribunal's
box has a dashed edge, which the legend explains. Boxes never overlap: the layout picks the
number of rows per column that gives the largest type that fits, and a long column continues
in the next one under its heading again (赣州中院（续）). The legend counts reported units per
level.

`adoption_map(store, initiative, court)` reads the data (named queries only);
`draw_adoption_map(data, fmt=...)` returns PNG or SVG bytes (SVG keeps its text as text).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from figures.names import short_court_name
from graph.model import LEVEL_ZH, LEVELS
from queries.analytics import NOT_REPORTED_SCOPE
from queries.verified import FactCheck, InitiativeFacts

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.scope import Chosen

#: stages in the order a unit's own report is preferred when it has several
STAGE_ORDER = ("adopted", "piloted", "awarded", "promoted")
#: a court reporting nothing itself whose own people's tribunals report the initiative: covered
#: through them (queries.analytics' coverage state of the same name), not "not reported"
THROUGH_TRIBUNALS = "through_tribunals"
STAGE_LABEL = {
    "adopted": "推行",
    "piloted": "试点",
    "promoted": "上级推广",
    "awarded": "获评",
    THROUGH_TRIBUNALS: "下属人民法庭已推行",
    None: "尚未报道",
}
STAGE_COLOUR = {
    "adopted": "#2e7d32",
    "piloted": "#ef6c00",
    "promoted": "#1565c0",
    "awarded": "#6a1b9a",
    THROUGH_TRIBUNALS: "#a5d6a7",
    None: "#e6e6e6",
}
TEXT_ON: dict[str | None, str] = {
    THROUGH_TRIBUNALS: "#1b3d1f",
    None: "#333333",
}  # dark text on the light boxes; white on the others
_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}
#: a map of more units than this is drawn by group: one box per unit directly below the court
#: with its reported / all units (a page cannot label thousands of boxes legibly)
MAX_BOXES = 400
#: the largest slot of a box, in inches: a small map keeps boxes of a readable size
SLOT_W, SLOT_H = 2.4, 0.7
#: how a people's tribunal's box is told from a court's (a dashed edge, under its court), and
#: the legend's words for it: a short name alone (牛庄法庭 beside 海城市法院) was not enough
TRIBUNAL_EDGE: dict[str, Any] = {"linestyle": (0, (3, 2)), "edgecolor": "#424242", "linewidth": 1.2}
TRIBUNAL_KEY = "人民法庭（虚线框，列于所属法院之下）"
#: a unit not reported under a court reporting an area-wide rollout: hatched (queries.analytics
#: AREA_ROLLOUT_ZH), in the green of 推行 on the grey of 尚未报道
ROLLOUT_LABEL = "上级报道在全辖推行"
ROLLOUT_HATCH = "///"
ROLLOUT_INK = "#66bb6a"


@dataclass
class MapUnit:
    id: str
    name: str
    level: str | None
    parent: str | None = None
    #: the unit's own reported stage (None: not reported; THROUGH_TRIBUNALS: a court that
    #: reports nothing itself whose own tribunals, `through`, report it)
    stage: str | None = None
    date: str | None = None  # first reported date, any stage
    depth: int = 0  # steps below the map's court
    province: str | None = None
    label: str | None = None  # drawn instead of the short name (a group's box)
    through: list[str] = field(default_factory=list)  # its tribunals that report it
    #: a tribunal: listed by an imported roster (only those are counted: a tribunal named by
    #: an article alone has no denominator)
    roster: bool = False
    #: where the roster puts it: the administrative division code of a court (adcode), the
    #: code an imported tribunal roster gives; None: placed by the pinyin of its short name
    code: str | None = None
    #: a unit reporting nothing itself whose superior court (the map's court, one above it
    #: or one between) reports rolling the initiative out to its whole area: that court's
    #: report (a row of the named query `area_rollouts`); the unit stays not reported (no
    #: document reports it) and is drawn hatched (docs/data-model.md, Coverage states)
    rollout: dict[str, Any] | None = None

    @property
    def short(self) -> str:
        return self.label or short_court_name(self.name)


@dataclass
class AdoptionMap:
    initiative: str
    court: MapUnit
    units: list[MapUnit] = field(default_factory=list)  # everything below the court
    check: FactCheck = field(default_factory=FactCheck)  # the reports it is drawn from
    #: the documents behind the stages drawn (to mark a map that rests on demo documents)
    doc_ids: list[str] = field(default_factory=list)
    #: the collections whose facts it counts (none: every document), said in its footnote
    collections: tuple[str, ...] = ()
    #: the area-wide rollouts of the court, the courts above it and those below it (rows of
    #: `area_rollouts`): the units they cover that report nothing themselves are hatched
    rollouts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        """The court's id and every unit's below it: the scope a briefing or a timeline under
        the court counts."""
        return {u.id for u in self.units} | {self.court.id}

    def counts(self) -> list[tuple[str, int, int]]:
        """(level, units reporting it themselves, all units) for each level below the court
        (a court covered through its tribunals is counted in `through_counts`)."""
        per: dict[str, list[int]] = {}
        for u in self.units:
            if u.level == "tribunal" and not u.roster:
                continue  # named by an article only: no roster counts it
            acc = per.setdefault(u.level or "", [0, 0])
            acc[1] += 1
            acc[0] += u.stage in STAGE_ORDER
        return [(lvl, a, n) for lvl, (a, n) in sorted(per.items(), key=lambda kv: _rank(kv[0]))]

    def tribunals_uncounted(self) -> int:
        """Tribunals on the map that no imported roster lists (not counted in `counts`)."""
        return sum(1 for u in self.units if u.level == "tribunal" and not u.roster)

    def through_counts(self) -> dict[str, int]:
        """Level -> courts below the court that report nothing themselves while tribunals of
        their own do (下属人民法庭已推行); levels without any are left out."""
        out: dict[str, int] = {}
        for u in self.units:
            if u.stage == THROUGH_TRIBUNALS:
                out[u.level or ""] = out.get(u.level or "", 0) + 1
        return out

    def stage_counts(self) -> dict[str | None, int]:
        """Stage -> units shown in it, counted as `counts` counts (a tribunal no imported
        roster lists is drawn but not counted: NOT_REPORTED_SCOPE)."""
        out: dict[str | None, int] = dict.fromkeys(STAGE_LABEL, 0)
        for u in self.counted():
            out[u.stage] += 1
        return out

    def counted(self) -> list[MapUnit]:
        """The units every count takes in: courts, and tribunals an imported roster lists."""
        return [u for u in self.units if u.level != "tribunal" or u.roster]

    def under_rollout(self) -> list[MapUnit]:
        """The units counted as not reported (`counted`) whose superior court reports rolling
        the initiative out to its whole area (`MapUnit.rollout`)."""
        return [u for u in self.counted() if u.stage is None and u.rollout]

    def rollout_note(self) -> str:
        """What the hatched boxes mean and which court's report they stand under ('' when
        there are none): 上级报道在全辖推行 N 个（斜线）：大连中院 推行（范围：…）.

        The units keep their state (尚未报道: no document reports them) and are not counted
        as reporting; a reader must not take them for units that have not done it."""
        units = self.under_rollout()
        if not units:
            return ""
        courts: dict[str, dict[str, Any]] = {}
        for u in units:
            assert u.rollout is not None
            courts.setdefault(u.rollout["court_id"], u.rollout)
        from queries.analytics import rollout_zh

        said = (
            "；".join(  # 大连中院 推行，范围：辽宁省大连市全市法院，2024-05-20
                rollout_zh({**r, "court": short_court_name(r["court"] or "")})
                .replace("（", "，")
                .replace("；", "，")
                .rstrip("）")
                for r in list(courts.values())[:2]
            )
            + (f" 等 {len(courts)} 个法院" if len(courts) > 2 else "")
        )  # one line of the footnote
        return (
            f"斜线框：{ROLLOUT_LABEL} {len(units)} 个，本身未见报道，但上级法院报道在所辖全部法院推行"
            f"（{said}），未计入已报道"
        )


#: what the legend's counts are of, and the room it takes before the legend (12 pt characters)
LEGEND_LEAD = "下级单位："
#: … when tribunals no roster lists are drawn (coloured by their stage) but not counted
LEGEND_LEAD_UNCOUNTED = "下级单位（人民法庭未计入）："


def legend_lead_in(lead: str) -> float:
    """The room `lead` takes before the legend, in inches (12 pt characters), less the
    legend's own padding."""
    return len(lead) * 12 / 72 - 0.12


def _rank(level: str | None) -> int:
    return _LEVEL_RANK.get(level or "", 99)


def roster_order(u: MapUnit) -> tuple[int, bool, tuple[int, str], str, str]:
    """Where a unit stands among its siblings, as the court's own roster lists them: by level,
    then by division code (沈阳 2101, 大连 2102, 鞍山 2103 …; the tribunal roster's codes),
    units without a code after those with one, by the pinyin of their short name.

    >>> names = ["甲省丁市中级人民法院", "甲省乙市中级人民法院", "甲省丙市中级人民法院"]
    >>> units = [MapUnit(f"court:{n}", n, "intermediate") for n in names]
    >>> [u.short for u in sorted(units, key=roster_order)]  # bǐng, dīng, yǐ
    ['丙市中院', '丁市中院', '乙市中院']
    >>> units[1].code = "990100"
    >>> [u.short for u in sorted(units, key=roster_order)]
    ['乙市中院', '丙市中院', '丁市中院']
    """
    code = u.code or ""
    # numeric codes as numbers (2, 9, 10), by length first; other codes after them as text
    by_code = (len(code), code) if code.isdigit() else (1_000_000, code)
    return (_rank(u.level), u.code is None, by_code, _pinyin(u.short), u.name)


def _pinyin(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE3))


def roster_codes(store: GraphStore, ids: Sequence[str]) -> dict[str, str]:
    """The roster's code of each unit that has one: a court's division code (`adcode`), else
    the code an imported tribunal roster gave it (`code`)."""
    if not ids:
        return {}
    rows = store.read(
        "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id, coalesce(n.adcode, n.code) AS code",
        {"ids": list(ids)},
    )
    return {r["id"]: str(r["code"]) for r in rows if r["code"]}


def own_stage(stages: Sequence[str] | None) -> str | None:
    """The stage a unit is shown with when reports give several: 推行 before 试点, 获评,
    上级推广."""
    present = set(stages or ())
    return next((s for s in STAGE_ORDER if s in present), None)


def mark_through_tribunals(root: MapUnit, units: Sequence[MapUnit]) -> None:
    """A court (the map's or one below it) reporting nothing itself whose own tribunals
    (units directly below it, level tribunal) report the initiative is covered through them:
    its stage becomes THROUGH_TRIBUNALS and `through` names them."""
    for u in (root, *units):
        if u.stage is None and u.level != "tribunal":
            u.through = [
                t.name
                for t in units
                if t.parent == u.id and t.level == "tribunal" and t.stage in STAGE_ORDER
            ]
            if u.through:
                u.stage = THROUGH_TRIBUNALS


def rostered(store: GraphStore, tribunals: list[str]) -> set[str]:
    """The tribunals of `tribunals` an imported roster lists: only those are counted (a tribunal
    named by an article only would make a share of the tribunals articles happen to name)."""
    if not tribunals:
        return set()
    rows = store.read(
        "MATCH (t:Entity) WHERE t.id IN $ids AND t.roster_source IS NOT NULL RETURN t.id AS id",
        {"ids": tribunals},
    )
    return {r["id"] for r in rows}


def adoption_map(
    store: GraphStore,
    initiative: str,
    court: str,
    *,
    verified_only: bool = False,
    facts: InitiativeFacts | None = None,
    collections: Sequence[str] | Chosen | None = None,
) -> AdoptionMap:
    """Every unit under `court` with the stage it reports for `initiative` (named queries);
    `verified_only`: from confirmed or corrected reports only (a unit whose reports are all
    unverified is shown as not reported); `collections`: from the facts of these collections'
    documents only (None: every document; `facts`, when given, are of them already). The map
    counts the facts it stands on (`check`)."""
    from queries import scope as collections_
    from queries.registry import resolve_entity, run
    from queries.verified import FactCheck

    iid = resolve_entity(store, initiative, label="Initiative")
    cid = resolve_entity(store, court)
    chosen = collections_.chosen(store, collections)
    props = run(store, "entity", {"entity": cid}).rows[0]["properties"]
    facts = facts if facts is not None else collections_.initiative_facts(store, iid, chosen)
    shown = facts.by_unit(verified_only=verified_only)
    root = MapUnit(id=cid, name=props.get("name") or cid, level=props.get("level"))
    units: dict[str, MapUnit] = {}
    # shallowest first: a unit reached twice keeps its shortest path
    for r in run(store, "units_under", {"court": cid}).rows:
        if r["unit_id"] not in units and r["unit_id"] != cid:
            units[r["unit_id"]] = MapUnit(
                id=r["unit_id"],
                name=r["unit"] or r["unit_id"],
                level=r["level"],
                parent=r["parent_id"],
                depth=r["depth"],
                province=r["province"],
            )
    for u in (root, *units.values()):
        mine = shown.get(u.id, [])
        u.stage = own_stage([a["stage"] for a in mine])
        u.date = min((a["date"] for a in mine if a["date"]), default=None)
    mark_through_tribunals(root, list(units.values()))
    rollouts = mark_rollouts(
        store, iid, root, list(units.values()), verified_only=verified_only, chosen=chosen
    )
    for tid in rostered(store, [u.id for u in units.values() if u.level == "tribunal"]):
        units[tid].roster = True
    for uid, code in roster_codes(store, list(units)).items():
        units[uid].code = code
    scope = {root.id, *units}
    check = FactCheck.of(
        (a["status"] for a in facts.adoptions.values() if a["unit_id"] in scope),
        verified_only=verified_only,
    )
    docs = {d: None for u in scope for a in shown.get(u, []) for d in a.get("doc_ids") or ()}
    name_rows = run(store, "entity", {"entity": iid}).rows
    name = name_rows[0]["properties"].get("name") if name_rows else iid.split(":", 1)[-1]
    return AdoptionMap(
        initiative=name or iid,
        court=root,
        units=list(units.values()),
        check=check,
        doc_ids=list(docs),
        collections=chosen.names,
        rollouts=rollouts,
    )


def mark_rollouts(
    store: GraphStore,
    initiative_id: str,
    root: MapUnit,
    units: Sequence[MapUnit],
    *,
    verified_only: bool,
    chosen: Chosen,
) -> list[dict[str, Any]]:
    """Marks each unit (the court included) reporting nothing itself whose superior court
    reports rolling the initiative out to its whole area (`MapUnit.rollout`: the nearest
    such court's report, as coverage finds it: queries.analytics.mark_area_rollouts);
    returns the area-wide reports (named query `area_rollouts`)."""
    from queries.analytics import NOT_REPORTED, area_rollouts, mark_area_rollouts

    rollouts = area_rollouts(
        store,
        initiative_id,
        root.id,
        collections=list(chosen.names) or None,
        verified_only=verified_only,
    )
    if not rollouts:
        return []
    every = [root, *units]
    rows = [{"unit_id": u.id, "state": NOT_REPORTED if u.stage is None else u.stage} for u in every]
    for u, row in zip(every, mark_area_rollouts(rows, rollouts), strict=True):
        u.rollout = row.get("rollout")
    return rollouts


# ------------------------------------------------------------------------------------------
# Layout


@dataclass
class Placed:
    unit: MapUnit
    column: int
    row: int
    indent: int
    continued: bool = False  # a group's heading again, where its units go on (flow)


def _tops(data: AdoptionMap) -> list[MapUnit]:
    """The units directly below the court (and those whose parent is not drawn, which hang
    under it), in the roster's order (`roster_order`)."""
    drawn = data.ids
    tops = [u for u in data.units if u.parent == data.court.id or u.parent not in drawn]
    return sorted(tops, key=roster_order)


#: levels a court may hold directly below it that skip one (a special court has no level
#: of its own in the hierarchy and never counts as skipping)
_SKIPPING = ("intermediate", "basic", "tribunal")


def strays(data: AdoptionMap) -> list[MapUnit]:
    """Units directly below the court that skip a level: a basic court held directly by a
    high court (辽河法院, a former oilfield court whose intermediate court is not known). They
    are listed beside the map, not drawn as a column among the intermediate courts where
    they stood as an orphan box; none when every unit below the court is one (then they
    are the map)."""
    tops = _tops(data)
    root = _rank(data.court.level)
    if root >= _rank("intermediate"):
        return []
    out = [u for u in tops if u.level in _SKIPPING and _rank(u.level) > root + 1]
    return out if len(out) < len(tops) else []


def stray_line(data: AdoptionMap) -> str:
    """The line beside the map naming `strays` with their stage (and their tribunals), ''
    when there are none."""
    gone = strays(data)
    if not gone:
        return ""
    below: dict[str, list[MapUnit]] = {}
    for u in data.units:
        below.setdefault(u.parent or "", []).append(u)
    parts = []
    for u in gone:
        part = f"{u.short}（{STAGE_LABEL[u.stage]}{'，' + u.date if u.stage and u.date else ''}"
        kids = below.get(u.id, [])
        if kids:
            done = sum(k.stage in STAGE_ORDER for k in kids)
            part += f"；下级单位 {done}/{len(kids)} 已报道"
        parts.append(part + "）")
    return f"未归入中级法院、由{data.court.short}直接管辖的单位：" + "、".join(parts)


def columns_of(data: AdoptionMap) -> list[list[tuple[MapUnit, int]]]:
    """One list per unit directly below the court: it and its descendants, depth-first, each
    with its indent (0 for the column's head), in the roster's order (`roster_order`: a
    unit keeps its place on every initiative's map). `strays` are left out (listed beside
    the map)."""
    children: dict[str, list[MapUnit]] = {}
    for u in data.units:
        children.setdefault(u.parent or "", []).append(u)
    for kids in children.values():
        kids.sort(key=roster_order)  # each unit in its place whatever it reports
    gone = {u.id for u in strays(data)}
    tops = [u for u in _tops(data) if u.id not in gone]
    cols = []
    for top in tops:
        col: list[tuple[MapUnit, int]] = []
        stack = [(top, 0)]
        seen: set[str] = set()
        while stack:
            u, indent = stack.pop()
            if u.id in seen:
                continue
            seen.add(u.id)
            col.append((u, indent))
            stack += [(k, indent + 1) for k in reversed(children.get(u.id, []))]
        cols.append(col)
    return cols


def grouped_columns(data: AdoptionMap) -> list[list[tuple[MapUnit, int]]]:
    """One box per column head (a unit directly below the court), labelled with the number
    of units reported out of all in its part of the tree, coloured by the head's own stage."""
    out = []
    for col in columns_of(data):
        head = col[0][0]
        done = sum(u.stage in STAGE_ORDER for u, _ in col)
        box = MapUnit(
            head.id, head.name, head.level, head.parent, head.stage, head.date, head.depth
        )
        box.label = f"{head.short} {done}/{len(col)}"
        out.append([(box, 0)])
    return out


def label_lines(label: str, width: int) -> list[str]:
    """`label` on one line, or on two when longer than `width` characters: the court word
    (法院, 中院, 法庭) goes to the second line, else the label is cut in the middle."""
    if len(label) <= width:
        return [label]
    if " " in label:  # a group's name and its count: the count is never broken
        return label.split(" ", 1)
    for suffix in ("法院", "中院", "高院", "法庭"):
        if label.endswith(suffix) and len(label) - 2 <= max(width, len(label) - 2):
            return [label[:-2], suffix]
    half = math.ceil(len(label) / 2)
    return [label[:half], label[half:]]


def flow(
    cols: list[list[tuple[MapUnit, int]]], rows: int, *, stacked: bool = True
) -> tuple[list[Placed], int]:
    """Columns poured into slot columns of `rows` slots, as a newspaper sets its columns.

    A group starts in the current slot column when it fits below what is there, else at the
    top of the next; a group longer than `rows` continues at the top of the next slot column
    under its head again (`Placed.continued`: 赣州中院（续）), so no unit stands in a column
    without its court's heading. Groups are kept one empty slot apart only on a map of
    columns (most groups more than one box, as 中院 with their basic courts): on a grid of
    single units (basic courts, one with its tribunal) such a slot was a hole above a court.
    With `stacked=False` every group heads a slot column of its own (`apart`).
    Returns the placed boxes and the number of slot columns.
    """
    placed: list[Placed] = []
    spaced = 2 * sum(len(col) > 1 for col in cols) > len(cols)
    column, row, last = 0, 0, 0
    for col in cols:
        gap = 1 if spaced and max(last, len(col)) > 1 else 0  # single units need no separator
        if row and stacked and row + gap + len(col) <= rows:
            row += gap
        elif row:
            column, row = column + 1, 0
        last = len(col)
        head = col[0][0]
        for u, indent in col:
            if row >= rows:
                column, row = column + 1, 0
                if indent and rows > 1:  # the group goes on: its heading again
                    placed.append(Placed(continued_head(head), column, row, 0, continued=True))
                    row += 1
            placed.append(Placed(u, column, row, indent))
            row += 1
    return placed, column + (1 if row else 0) or 1


#: what a group's heading says at the top of the slot column its units continue in
CONTINUED = "（续）"


def continued_head(head: MapUnit) -> MapUnit:
    """The box heading a group's units at the top of the next slot column (not a unit: it is
    never counted, and drawn white, not in its court's colour)."""
    return MapUnit(head.id, head.name, head.level, head.parent, label=head.short + CONTINUED)


def apart(cols: list[list[tuple[MapUnit, int]]], width: float) -> bool:
    """Whether each unit below the court heads a slot column of its own: when some have
    units under them (a court with its tribunals) and all fit across the page at full width.
    Poured into a newspaper grid instead, a basic court stood in the row under another, where
    a court's tribunals go, as if it were subordinate to it (葫芦岛中院's map)."""
    return any(len(col) > 1 for col in cols) and len(cols) * full_slot(width) <= width


def full_slot(width: float) -> float:
    """A slot's full width on a grid `width` inches wide: `SLOT_W` on a 16 in page; on a
    narrower one (a slide's or a report's map, 10 in) as much narrower, its names still at
    about 15 pt."""
    return SLOT_W * min(1.0, width / (16.0 - 2 * 0.35))


def place(
    cols: list[list[tuple[MapUnit, int]]], width: float, height: float, *, stacked: bool = True
) -> tuple[list[Placed], int, int, float, int]:
    """Boxes in a grid of slots: (placed, slot columns, slot rows, font size in points,
    characters per line).

    The rows per slot column and the line width are chosen to give the largest font that
    fits both a slot's width (the widest line plus its indent) and its height; among layouts
    with (nearly) that font, the one whose shape is closest to the page's is taken. A name
    longer than the line goes on two lines.
    """
    labels = [(u.short, i) for col in cols for u, i in col]
    # a group's label breaks between its name and its count
    longest = max((len(part) for x, _ in labels for part in x.split(" ")), default=4)
    deepest = max((i for _, i in labels), default=0)
    total = max(len(labels), 1)
    options: list[tuple[float, int, int, int]] = []  # (size, rows, per_line, slot columns)
    # groups apart: rows below the tallest group would stay empty
    most = total if stacked else max((len(col) for col in cols), default=1)
    for rows in range(1, most + 1):
        _, ncols = flow(cols, rows, stacked=stacked)
        slot_w, slot_h = min(width / ncols, SLOT_W), min(height / rows, SLOT_H)
        for per_line in sorted({longest, max(3, math.ceil(longest / 2) + 1)}, reverse=True):
            split = [label_lines(x, per_line) for x, _ in labels] or [["—"]]
            lines = max(len(x) for x in split)
            widest = max(len(line) for x in split for line in x)
            size = min(
                slot_w * 72 / (widest + 0.8 * deepest + 1.2),
                slot_h * 0.82 * 72 / (1.25 * lines + 0.5),
                20.0,
            )
            options.append((size, rows, per_line, ncols))
    best = max(o[0] for o in options)
    aspect = width / height

    def fit(o: tuple[float, int, int, int]) -> float:
        shape = (o[3] * min(width / o[3], SLOT_W)) / (o[1] * min(height / o[1], SLOT_H))
        return abs(math.log(shape / aspect)) + (0.5 if o[2] < longest else 0.0)

    size, rows, per_line, _ = min((o for o in options if o[0] >= best - 0.5), key=fit)
    placed, ncols = flow(cols, rows, stacked=stacked)
    return placed, ncols, rows, size, per_line


# ------------------------------------------------------------------------------------------
# Drawing


def _ems(text: str, points: float) -> float:
    """About how wide `text` is in inches at `points` (a CJK character an em, others half)."""
    return sum(1.0 if ord(c) > 0x2E80 else 0.55 for c in text) * points / 72


@dataclass
class _Header:
    """The lines above the grid, laid out for a width: the court's line with the counts beside
    it or under it, the legend's entries in as many rows as the width needs (the tribunal key
    at the end of the last row, or on a row of its own)."""

    counts_below: bool
    rows: list[list[int]]  # the legend's entries (indexes) on each row
    key_below: bool  # the tribunal key on a row of its own

    @property
    def extra(self) -> float:
        """Inches the header takes beyond one court line and one legend row."""
        return 0.35 * self.counts_below + 0.4 * (len(self.rows) - 1 + self.key_below)

    @classmethod
    def of(
        cls,
        room: float,
        root_label: str,
        counts: str,
        lead: str,
        labels: Sequence[str],
        key: bool,
    ) -> _Header:
        below = _ems(root_label, 15) + _ems(counts, 13) + 0.4 > room
        rows: list[list[int]] = [[]]
        x = legend_lead_in(lead) + 0.12
        for i, label in enumerate(labels):
            w = (1.2 + 0.8 + 1.4) * 12 / 72 + _ems(label, 12)
            if rows[-1] and x + w > room:
                rows.append([])
                x = legend_lead_in(lead) + 0.12
            rows[-1].append(i)
            x += w
        key_w = (1.6 + 0.8) * 12 / 72 + _ems(TRIBUNAL_KEY, 12) + 0.1
        return cls(below, rows, key and x + key_w > room)


def wrap_footnote(text: str, room: float, points: float = 10) -> list[str]:
    """The footnote in lines of about `room` inches at `points`, broken after a clause (；)."""
    lines: list[str] = []
    while _ems(text, points) > room:
        fit = len(text)
        while fit > 1 and _ems(text[:fit], points) > room:
            fit -= 1
        cut = text.rfind("；", 0, fit) + 1 or fit
        lines.append(text[:cut])
        text = text[cut:]
    return [*lines, text] if text else lines


def _footnote(
    data: AdoptionMap,
    generated: str | None,
    sources: int | None,
    facts_note: str | None,
    demo: int,
    documents: Sequence[str],
) -> str:
    """The map's footnote: date, collections, documents, facts, what 尚未报道 means."""
    date = generated or _dt.date.today().isoformat()
    note = [f"数据截至 {date}", *collections_note(data.collections)]
    if demo:
        from figures.render import demo_note

        note.insert(0, demo_note(demo))
    if documents:  # the documents it stands on, by name (a stand-alone picture cites them)
        n = max(len(documents), sources or 0)
        more = f" 等 {n} 篇文档" if n > 2 else ""
        note.append("来源：" + "；".join(documents[:2]) + more)
    elif sources is not None and not facts_note:  # the note names its documents
        note.append(f"依据 {sources} 篇文档")
    if len(data.units) > MAX_BOXES:
        note.append(
            f"辖区共 {len(data.units)} 个单位，一页无法逐一标注：每个方框为一个直属下级单位"
            "（颜色为其自身阶段）及其辖区已报道 / 单位数，逐个单位请选该单位查看"
        )
    if facts_note:
        note.append(facts_note)
    elif data.check.note():
        note.append(data.check.note())
    note.append(not_reported_note(data.check.verified_only))
    if rollout := data.rollout_note():
        note.append(rollout)
    return "；".join(note) + "。制图：courtgraph"


def draw_adoption_map(
    data: AdoptionMap,
    *,
    fmt: str = "png",
    scale: float = 1,
    generated: str | None = None,
    sources: int | None = None,
    with_title: bool = True,
    facts_note: str | None = None,
    demo: int = 0,
    width: float = 16.0,
    documents: Sequence[str] = (),
) -> bytes:
    """The adoption map as PNG (1920 × 1080 × `scale`) or SVG; a small map (its boxes at
    their largest fill less than three quarters of a 16:9 page's height) is set in as few
    rows as the page's width allows and the picture is only as tall as they need (a short
    strip, 1920 px wide, rather than a few boxes in a corner of an empty page).

    `with_title=False` leaves the title to the slide it goes on (a deck's title placeholder);
    `facts_note` says what facts it stands on instead of its own count (a briefing's words,
    the same under every figure); `demo`: how many of its documents are demo documents
    (invented facts), said in a red mark and in the footnote. `width`: the figure's width in
    inches, its type in points whatever the width (10 in: a slide's content area or a
    landscape page at about its own size, the footnote at 10 pt); the header, the legend and
    the footnote go on further lines when one is too wide. `documents`: the labels of the
    documents it stands on (title and date), the first two named in the footnote with their
    count.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Patch

    from figures.render import drawing, save_figure

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    width_in, height_in = width, width * 9 / 16
    # without a title the red demo mark gets a row of its own above the court's line, where
    # it would cover the counts at the right (a slide's picture, `with_title=False`)
    mark_row = 0.45 if demo and not with_title else 0.0
    side = 0.35
    grouped = len(data.units) > MAX_BOXES
    root = data.court
    root_label = f"{root.short}：{STAGE_LABEL[root.stage]}"
    own_area = next(
        (r["scope"] for r in data.rollouts if r["court_id"] == root.id and r.get("scope")),
        None,
    )
    if root.stage and (root.date or own_area):  # 推行（2024-04，全市法院）
        area = f"范围：{own_area}" if own_area else None
        root_label += f"（{'；'.join(x for x in (root.date, area) if x)}）"
    elif root.rollout:  # a court above it reports it for its whole area
        root_label += f"（{ROLLOUT_LABEL}：{short_court_name(root.rollout['court'] or '')}）"
    via = data.through_counts()
    counts = "　".join(
        f"{LEVEL_ZH.get(lvl, lvl or '其他')} {a}/{n}"
        + (f"（另 {via[lvl]} 个下属人民法庭已推行）" if via.get(lvl) else "")
        for lvl, a, n in data.counts()
    )
    if data.tribunals_uncounted() and not any(lvl == "tribunal" for lvl, _, _ in data.counts()):
        counts += "　" + TRIBUNALS_UNCOUNTED
    counts = f"已报道 / 单位数：{counts}" if counts else "辖区内没有下级单位"
    stage_counts = data.stage_counts()
    entries: list[tuple[str, str | None, bool]] = [  # (label, stage, hatched)
        (f"{STAGE_LABEL[s]} {stage_counts[s]}", s, False)
        for s in (*STAGE_ORDER, THROUGH_TRIBUNALS, None)
        if s != THROUGH_TRIBUNALS or stage_counts[s]  # shown when a court is so covered
    ]
    hatched = len(data.under_rollout()) if not grouped else 0
    if hatched:  # some of 尚未报道: said after it, with its own box
        entries.append((f"其中{ROLLOUT_LABEL} {hatched}", None, True))
    # the legend counts the units below the court (the boxes); the court's own stage is
    # the line above it, so 上级推广 0 beside 乙市中院：上级推广 must say whose count it is
    lead = LEGEND_LEAD_UNCOUNTED if data.tribunals_uncounted() else LEGEND_LEAD
    tribunal_key = not grouped and any(u.level == "tribunal" for u in data.units)
    header = _Header.of(
        width_in - 2 * side, root_label, counts, lead, [e[0] for e in entries], tribunal_key
    )
    # inches above the grid: title, court, legend (and the lines they wrap onto)
    top = (1.45 if with_title else 0.9) + mark_row + header.extra
    note_lines = wrap_footnote(
        _footnote(data, generated, sources, facts_note, demo, documents), width_in - 2 * side
    )
    bottom = 0.2 + 0.175 * len(note_lines)
    cols = grouped_columns(data) if grouped else columns_of(data)
    grid_top = top + 0.45
    beside = stray_line(data)
    grid_h = height_in - grid_top - bottom - (0.4 if beside else 0)
    grid_w = width_in - 2 * side
    stacked = grouped or not apart(cols, grid_w)
    placed, ncols, nrows, size, per_line = place(cols, grid_w, grid_h, stacked=stacked)
    if nrows * min(grid_h / nrows, SLOT_H) < grid_h * 0.75:  # a small map: fit the picture
        # the fewest rows whose slot columns fit the page's width at their widest
        fits = (
            r
            for r in range(1, nrows + 1)
            if flow(cols, r, stacked=stacked)[1] * full_slot(grid_w) <= grid_w
        )
        rows = next(fits, None)
        if rows is not None:
            grid_h = rows * SLOT_H
            placed, ncols, nrows, size, per_line = place(cols, grid_w, grid_h, stacked=stacked)
        grid_h = nrows * min(grid_h / nrows, SLOT_H)
        height_in = grid_top + grid_h + (0.4 if beside else 0) + bottom
    # a small map keeps boxes of a readable size instead of filling the page
    slot_w, slot_h = min(grid_w / ncols, SLOT_W), min(grid_h / nrows, SLOT_H)
    with drawing():
        fig = Figure(figsize=(width_in, height_in))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width_in)
        ax.set_ylim(height_in, 0)  # y grows downwards, in inches
        ax.axis("off")
        y = 0.25 + mark_row
        if with_title:
            ax.text(side, y, f"{data.initiative} · 采用情况", fontsize=26, va="top")
            y += 0.62
        ax.text(side, y, root_label, fontsize=15, va="top", color="#222222")
        ax.text(
            width_in - side,
            y + (0.35 if header.counts_below else 0),
            counts,
            fontsize=13,
            va="top",
            ha="right",
            color="#444444",
        )
        y += 0.35 if header.counts_below else 0
        ax.text(side, y + 0.54, lead, fontsize=12, va="center", color="#222222")
        for r, row in enumerate(header.rows):
            fig.legend(
                handles=[
                    Patch(
                        facecolor=STAGE_COLOUR[entries[i][1]],
                        edgecolor=ROLLOUT_INK if entries[i][2] else "#999999",
                        hatch=ROLLOUT_HATCH if entries[i][2] else None,
                        label=entries[i][0],
                    )
                    for i in row
                ],
                loc="upper left",
                bbox_to_anchor=(
                    (side + legend_lead_in(lead)) / width_in,
                    1 - (y + 0.32 + 0.4 * r) / height_in,
                ),
                ncol=len(row),
                frameon=False,
                fontsize=12,
                handlelength=1.2,
                columnspacing=1.4,
            )
        if tribunal_key:
            below = len(header.rows) - 1 + header.key_below
            fig.legend(  # what a tribunal's box looks like, at the legend line's right end
                handles=[Patch(facecolor="#ffffff", label=TRIBUNAL_KEY, **TRIBUNAL_EDGE)],
                loc="upper right",
                bbox_to_anchor=(1 - side / width_in, 1 - (y + 0.32 + 0.4 * below) / height_in),
                frameon=False,
                fontsize=12,
                handlelength=1.6,
            )
        indent_w = size * 0.8 / 72
        for p in placed:
            x0 = side + p.column * slot_w + p.indent * indent_w
            y0 = grid_top + p.row * slot_h
            w = slot_w - p.indent * indent_w - 0.06
            h = slot_h * 0.82
            colour = "#ffffff" if p.continued else STAGE_COLOUR[p.unit.stage]
            head = p.indent == 0  # the column's head: the unit directly below the court
            edge: dict[str, Any] = {
                "edgecolor": "#424242" if head else ("#ffffff" if p.unit.stage else "#bdbdbd"),
                "linewidth": 1.6 if head else 0.6,
            }
            if p.unit.level == "tribunal" and not grouped:
                edge = dict(TRIBUNAL_EDGE)
            ax.add_patch(
                FancyBboxPatch(
                    (x0, y0),
                    w,
                    h,
                    boxstyle="round,pad=0,rounding_size=0.05",
                    facecolor=colour,
                    **edge,
                )
            )
            if hatched and not p.continued and p.unit.stage is None and p.unit.rollout:
                ax.add_patch(  # the hatch over the box: a court above reports it area-wide
                    FancyBboxPatch(
                        (x0, y0),
                        w,
                        h,
                        boxstyle="round,pad=0,rounding_size=0.05",
                        facecolor="none",
                        edgecolor=ROLLOUT_INK,
                        hatch=ROLLOUT_HATCH,
                        linewidth=0,
                    )
                )
            if p.continued:  # one line, as large as the slot allows (CJK: 1 em a character)
                label, points, ink = (
                    p.unit.short,
                    min(size, (w - 0.16) * 72 / len(p.unit.short)),
                    "#424242",
                )
            else:
                label = "\n".join(label_lines(p.unit.short, per_line))
                points, ink = size, TEXT_ON.get(p.unit.stage, "#ffffff")
            ax.text(
                x0 + 0.08,
                y0 + h / 2,
                label,
                fontsize=points,
                va="center",
                ha="left",
                linespacing=1.15,
                color=ink,
            )
        if beside:  # under the grid, above the footnote
            ax.text(
                side,
                grid_top + grid_h + 0.12,
                beside if len(beside) <= (most := int(grid_w * 6)) else beside[: most - 2] + "…",
                fontsize=12,
                va="top",
                color="#333333",
            )
        if demo:
            from figures.render import demo_badge

            demo_badge(fig, 1 - (0.45 if with_title else 0.27) / height_in)
        ax.text(
            side,
            height_in - 0.2,
            "\n".join(note_lines),
            fontsize=10,
            color="#666666",
            va="bottom",
        )
        picture = save_figure(fig, fmt, 120 * scale)
    return picture


#: what a map or a briefing says instead of a tribunal share when no roster is imported
TRIBUNALS_UNCOUNTED = "人民法庭未计入（未导入人民法庭名录）"
NOT_REPORTED_NOTE = f"“尚未报道”指所收文档未见报道，不等于未开展；{NOT_REPORTED_SCOPE}。"


def not_reported_note(verified_only: bool = False) -> str:
    """What 尚未报道 means on a map (no full stop)."""
    if verified_only:
        return f"“尚未报道”指所收文档未见已核实的报道，不等于未开展；{NOT_REPORTED_SCOPE}"
    return NOT_REPORTED_NOTE.rstrip("。")


def slide_notes(data: AdoptionMap) -> str:
    """The notes under an adoption map's slide: legend counts, what 尚未报道 means, the facts."""
    legend = "；".join(
        f"{STAGE_LABEL[s]}：{n}"
        for s, n in data.stage_counts().items()
        if s != THROUGH_TRIBUNALS or n
    )
    check = data.check.note()
    whose = "下级单位数，人民法庭未计入" if data.tribunals_uncounted() else "下级单位数"
    rollout = data.rollout_note()
    return (
        f"图例（{whose}）：{legend}。{not_reported_note(data.check.verified_only)}。"
        + (f"{rollout}。" if rollout else "")
        + (f"{check}。" if check else "")
        + "".join(f"{n}。" for n in collections_note(data.collections))
    )


def collections_note(names: Sequence[str]) -> list[str]:
    """The footnote's clause naming the collections a picture counts ([] for every document).

    >>> collections_note(["2024年工作报告"])
    ['仅计文档集：2024年工作报告']
    """
    from queries.scope import Chosen

    note = Chosen(tuple(names)).note()
    return [note] if note else []


def to_pptx(
    data: AdoptionMap,
    *,
    generated: str | None = None,
    sources: int | None = None,
    demo: int = 0,
    documents: Sequence[str] = (),
) -> bytes:
    """A 16:9 deck: the map under an editable slide title (legend counts in the notes), drawn
    10 in wide so that its smallest type is about 10 pt on the slide, then the counts per
    level as a native stacked chart a presenter can restyle; `demo` and `documents` as in
    `draw_adoption_map` (the documents listed in the notes too)."""
    from figures.deck import Deck

    deck = Deck(f"{data.initiative} 采用情况", generated=generated, demo=demo)
    listed = "\n来源：\n" + "\n".join(documents) if documents else ""
    deck.picture_slide(
        f"{data.initiative} · {data.court.short}辖区采用情况",
        draw_adoption_map(
            data,
            scale=2,
            generated=deck.generated,
            sources=sources,
            with_title=False,
            demo=demo,
            width=SLIDE_MAP_WIDTH,
            documents=documents,
        ),
        notes=slide_notes(data) + listed,
        marked=True,
    )
    counts = data.counts()
    if counts:
        series, colours = counts_series(counts, data.through_counts())
        deck.chart_slide(
            f"{data.court.short}辖区各层级已有报道的单位",
            [LEVEL_ZH.get(lvl, lvl or "其他") for lvl, _, _ in counts],
            series,
            kind="stacked",
            notes=f"{not_reported_note(data.check.verified_only)}。"
            "数据可在 PowerPoint 中编辑：右键图表 → 编辑数据。" + listed,
            colours=colours,
            y_title=COUNT_AXIS,
            caption=_chart_caption(documents, sources),
        )
    return deck.save()


#: a map drawn for a slide's content area or a report's landscape page: 10 in wide, its
#: footnote's 10 pt about 10 pt there (16 in, the stand-alone picture, gave 7 pt on a slide
#: and 4 pt on a portrait page)
SLIDE_MAP_WIDTH = 10.0
#: the value axis of a chart of units per level
COUNT_AXIS = "单位数（个）"


def _chart_caption(documents: Sequence[str], sources: int | None) -> str:
    """The chart's source line: its first two documents and how many (the notes list them)."""
    if documents:
        more = f" 等 {len(documents)} 篇文档" if len(documents) > 2 else ""
        return f"来源：{'；'.join(documents[:2])}{more}（全部来源见备注）"
    return f"来源：courtgraph 依据所收 {sources} 篇文档整理" if sources else ""


def counts_series(
    counts: list[tuple[str, int, int]], through: dict[str, int]
) -> tuple[dict[str, Sequence[float]], tuple[str, ...]]:
    """The stacked chart's series per level (已有报道, then 下属人民法庭已推行 when any court
    is so covered, then 尚未报道) and their colours."""
    series: dict[str, Sequence[float]] = {"已有报道": [a for _, a, _ in counts]}
    colours: tuple[str, ...] = (STAGE_COLOUR["adopted"],)
    if any(through.get(lvl) for lvl, _, _ in counts):
        series[STAGE_LABEL[THROUGH_TRIBUNALS]] = [through.get(lvl, 0) for lvl, _, _ in counts]
        colours += (STAGE_COLOUR[THROUGH_TRIBUNALS],)
    series["尚未报道"] = [n - a - through.get(lvl, 0) for lvl, a, n in counts]
    return series, (*colours, "#c8c8c8")
