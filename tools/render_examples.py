"""Render every figure and briefing on a real graph into a folder of small PNGs (docs/examples).

    python tools/render_examples.py                       # ingest the shared corpus first
    python tools/render_examples.py --data-dir DIR        # an existing embedded store
    python tools/render_examples.py --out docs/examples --initiative 诉源治理 --court 辽宁高院

Figures are written as PNG; decks and Word reports are converted to PDF by LibreOffice
(`soffice --headless --convert-to pdf`) and to one PNG per page by `pdftoppm`, so what a
presenter or a reader would see can be looked at without Office. Everything is quantised to
a 256-colour palette to keep the folder small enough to commit. A script, not a test: it needs
LibreOffice and poppler-utils (Debian: libreoffice-impress libreoffice-writer poppler-utils).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import ingested_store  # noqa: E402
from benchmarks.figures import DEFAULT_PATHS  # noqa: E402

#: pages of decks and reports: slides 960 px wide, A4 pages 740 px wide
PAGE_DPI = {".pptx": 72, ".docx": 90}
UNTITLED = "（示例中略去标题）"


def small_png(data: bytes, width: int | None = None) -> bytes:
    """`data` as a palette PNG (and at most `width` pixels wide): a fraction of the bytes."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        im = im.convert("RGB")
        if width and im.width > width:
            im = im.resize((width, round(im.height * width / im.width)), Image.LANCZOS)
        out = io.BytesIO()
        im.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
        return out.getvalue()


def pages(data: bytes, suffix: str, stem: str, out: Path) -> list[Path]:
    """A .pptx or .docx converted to one PNG per page: `stem`-01.png, `stem`-02.png, ..."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftoppm"):
        raise SystemExit("Error: needs LibreOffice (soffice) and pdftoppm (poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{stem}{suffix}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = src.with_suffix(".pdf")
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(PAGE_DPI[suffix]), str(pdf), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
            timeout=300,
        )
        written = []
        for i, page in enumerate(sorted(Path(tmp).glob("page-*.png")), 1):
            target = out / f"{stem}-{i:02d}.png"
            target.write_bytes(small_png(page.read_bytes()))
            written.append(target)
        return written


def sources_of(store: Any, doc_ids: list[str]) -> list[Any]:
    """Footnote sources (date, URL) of documents, as the explorer gives them but with the
    titles left out (`UNTITLED`): a headline is the article's words, kept out of the
    repository."""
    from figures.render import Source
    from figures.report import source_documents

    if not doc_ids:
        return []
    found = {r["doc_id"]: r for r in source_documents(store, doc_ids)}
    return [
        Source(UNTITLED, r.get("date"), (r.get("urls") or [None])[0])
        for d in doc_ids
        if (r := found.get(d))
    ]


def pick_case(store: Any, initiative: str | None, court: str | None) -> tuple[str, str]:
    """The initiative (default: the most reported) and the court to show it under (default:
    the high court of the province with most of its reports)."""
    from queries.registry import resolve_entity, run

    iid = (
        resolve_entity(store, initiative, label="Initiative")
        if initiative
        else run(store, "top_initiatives", {}).rows[0]["initiative_id"]
    )
    if court:
        return iid, resolve_entity(store, court)
    highs = {
        r["province"]: r["court_id"]
        for r in run(store, "superior_courts", {}).rows
        if r["level"] == "high"
    }
    adopters = run(store, "adopters", {"initiative": iid}).rows
    province = Counter(a["province"] for a in adopters if a.get("province") in highs)
    return iid, highs[province.most_common(1)[0][0]]


def render_all(
    store: Any, out: Path, initiative: str | None, court: str | None, unit: str | None = None
) -> list[str]:
    """Write every example into `out`; returns the index lines (file: what it shows)."""
    from figures import adoption, briefing, coverage, portfolio, render, timeline, unit_briefing
    from figures.names import short_court_name
    from graph.model import STAGE_ZH
    from queries.analytics import timeline as get_timeline
    from queries.explore import neighbourhood_graph as neighbourhood
    from queries.registry import run

    iid, cid = pick_case(store, initiative, court)
    index: list[str] = []

    def figure(name: str, what: str, make: Callable[[], bytes]) -> None:
        (out / name).write_bytes(small_png(make()))
        index.append(f"- [{name}]({name}): {what}")

    def document(stem: str, suffix: str, what: str, make: Callable[[], bytes]) -> None:
        written = pages(make(), suffix, stem, out)
        links = " ".join(f"[{i}]({p.name})" for i, p in enumerate(written, 1))
        index.append(f"- {what}, {len(written)} pages: {links}")

    amap = adoption.adoption_map(store, iid, cid)
    court_short = amap.court.short
    figure(
        "adoption-map.png",
        f"采用情况图：{amap.initiative}，{court_short}辖区",
        lambda: adoption.draw_adoption_map(amap),
    )
    document("adoption-map-pptx", ".pptx", "采用情况图 PowerPoint", lambda: adoption.to_pptx(amap))
    tl = get_timeline(store, iid)
    figure("timeline.png", f"扩散时间线：{tl.initiative}", lambda: timeline.draw_timeline(tl))
    document(
        "timeline-pptx",
        ".pptx",
        "扩散时间线 PowerPoint（阶梯图与数据表）",
        lambda: timeline.to_pptx(tl),
    )
    if coverage.maps_available():
        country = coverage.coverage_map(store, iid)
        figure(
            "coverage-china.png",
            f"覆盖地图：{country.initiative}，全国各省",
            lambda: coverage.draw_coverage_map(country),
        )
        province = run(store, "entity", {"entity": cid}).rows[0]["properties"].get("province")
        if province and province not in coverage.MUNICIPALITIES:
            prov = coverage.coverage_map(store, iid, province=province)
            figure(
                "coverage-province.png",
                f"覆盖地图：{province}各地市",
                lambda: coverage.draw_coverage_map(prov),
            )
        document(
            "coverage-pptx",
            ".pptx",
            "覆盖地图 PowerPoint（含原生柱状图）",
            lambda: coverage.to_pptx(country),
        )
    pf = portfolio.portfolio(store, cid)
    figure(
        "portfolio.png",
        f"改革举措一览：{court_short}及下级单位",
        lambda: portfolio.draw_portfolio(pf),
    )
    document(
        "portfolio-pptx",
        ".pptx",
        "改革举措一览 PowerPoint（含原生表格）",
        lambda: portfolio.to_pptx(pf),
    )
    # the network view: the court's own neighbourhood, courts and initiatives, depth 1; and
    # what the export says of a subgraph too dense to draw
    net = neighbourhood(store, cid, depth=1, kinds=["Court", "Tribunal", "Initiative"], limit=200)
    title = f"{court_short} · 法院与举措（深度 1）"
    sources = sources_of(store, render.doc_ids_of(net))
    dense = render.fits_slide(net)
    if dense is None:
        figure(
            "network.png",
            f"网络图：{title}",
            lambda: render.picture(net, title=title, sources=sources),
        )
        document(
            "network-pptx",
            ".pptx",
            "网络图 PowerPoint（一页）",
            lambda: render.network_slide(net, title=title, sources=sources),
        )
    else:
        index.append(f"- 网络图：{title} — 导出拒绝：{dense}")
    deep = neighbourhood(store, cid, depth=2, limit=200)
    index.append(
        f"- 网络图（深度 2，{deep.number_of_nodes()} 个节点）: "
        + (render.fits_slide(deep) or "可以导出")
    )
    rows = [
        [
            short_court_name(a["unit"] or ""),
            a.get("province") or "",
            "、".join(STAGE_ZH.get(x, x) for x in a["stages"]),
            a.get("date") or "",
        ]
        for a in run(store, "adopters", {"initiative": iid}).rows
    ]
    columns = ["单位", "省份", "阶段", "日期"]
    figure(
        "table.png",
        "表格图片：采用单位",
        lambda: render.table_picture(columns, rows, title=f"{tl.initiative} · 采用单位"),
    )
    document(
        "table-pptx",
        ".pptx",
        "表格 PowerPoint（原生表格）",
        lambda: render.table_slide(columns, rows, title=f"{tl.initiative} · 采用单位"),
    )
    b = briefing.gather(store, iid, cid)
    for d in b.sources:  # article titles are the articles' words: not in the repository
        d["title"] = UNTITLED
    document(
        "briefing-docx",
        ".docx",
        f"简报 Word：{b.initiative}，{court_short}辖区",
        lambda: briefing.to_docx(b),
    )
    document("briefing-pptx", ".pptx", "简报 PowerPoint", lambda: briefing.to_pptx(b))
    # the briefing of a unit: the intermediate court under that high court with most reports
    ub = unit_briefing.gather(store, unit or pick_unit(store, cid))
    for d in ub.sources:
        d["title"] = UNTITLED
    document(
        "unit-briefing-docx",
        ".docx",
        f"单位简报 Word：{ub.short}及下级单位",
        lambda: unit_briefing.to_docx(ub),
    )
    document(
        "unit-briefing-pptx", ".pptx", "单位简报 PowerPoint", lambda: unit_briefing.to_pptx(ub)
    )
    return index


def pick_unit(store: Any, court: str) -> str:
    """The unit directly under `court` whose units report most (for the unit briefing)."""
    from queries.registry import run

    parent = {
        r["unit_id"]: r["parent_id"] for r in run(store, "units_under", {"court": court}).rows
    }

    def top(unit: str) -> str:
        while parent.get(unit) not in (court, None):
            unit = parent[unit]
        return unit

    rows = run(store, "unit_portfolio", {"unit": court}).rows
    below = Counter(top(r["unit_id"]) for r in rows if r["depth"] >= 1)
    return below.most_common(1)[0][0] if below else court


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="article folders (default: the shared corpus)")
    ap.add_argument("--data-dir", help="use this embedded store instead of ingesting")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "examples")
    ap.add_argument("--initiative", help="default: the most reported")
    ap.add_argument("--court", help="default: the high court of its most reporting province")
    ap.add_argument(
        "--unit",
        help="the unit briefing's court (default: the unit under --court with most reports)",
    )
    args = ap.parse_args(argv)
    context = (
        nullcontext({"COURTGRAPH_DATA_DIR": args.data_dir})
        if args.data_dir
        else ingested_store(args.paths or DEFAULT_PATHS)
    )
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with context as env:
        os.environ["COURTGRAPH_DATA_DIR"] = env["COURTGRAPH_DATA_DIR"]
        os.environ.pop("NEO4J_URI", None)
        from graph.settings import Settings
        from graph.store import open_store

        with open_store(Settings.from_env()) as store:
            index = render_all(store, args.out, args.initiative, args.court, args.unit)
    (args.out / "README.md").write_text(
        "# Example figures and briefings\n\n"
        "Rendered by `python tools/render_examples.py` from the graph of the shared corpus\n"
        "(seeds and dev articles); decks and Word reports converted with LibreOffice, one PNG\n"
        "per page. They show names and figures only.\n\n" + "\n".join(index) + "\n",
        encoding="utf-8",
    )
    print("\n".join(index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
