"""The Markdown report of `python -m benchmarks.run` (results/<machine>-<date>.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _ms(s: dict[str, Any], key: str) -> str:
    v = s.get(key)
    return "–" if v is None else f"{v:,.1f}"


def render_markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    results: list[dict[str, Any]] = report["backends"]
    lines = [
        f"# courtgraph benchmark — {report['date']}",
        "",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}",
        f"- Python {m['python']}, neo4j driver {m.get('neo4j_driver', '?')} "
        f"(Rust packstream extension: {'yes' if m.get('neo4j_rust_ext') else 'no'}), "
        f"ArcadeDB {m.get('arcadedb', '?')}",
        f"- graph: seed {report['seed']}, scale {report['scale']:g}: "
        f"{report['graph']['nodes']:,} nodes, {report['graph']['relationships']:,} relationships",
        f"- {report['reps']} timed runs per query after {report['warmup']} warm-up runs; "
        "latency is wall time of `queries.run` in the client (parameter checks, Bolt, rows)",
    ]
    for r in results:
        b, a = r["snapshot_before"], r["snapshot_after"]
        lines.append(
            f"- {r['backend']}: load average before/after {' '.join(b['loadavg'])} / "
            f"{' '.join(a['loadavg'])}; CPU pressure (some, avg60) "
            f"{b.get('cpu_pressure_avg60', '?')}% / {a.get('cpu_pressure_avg60', '?')}%"
        )
    if report.get("note"):
        lines.append(f"- note: {report['note']}")
    lines += ["", "## Load", ""]
    head = "| | " + " | ".join(r["backend"] for r in results) + " |"
    lines += [head, "|---|" + "---|" * len(results)]

    def row(label: str, f: Callable[[dict[str, Any]], str]) -> None:
        lines.append(f"| {label} | " + " | ".join(f(r) for r in results) + " |")

    row("nodes + relationships", lambda r: f"{r['load']['nodes'] + r['load']['relationships']:,}")
    row("load time", lambda r: f"{r['load']['seconds']:,.1f} s")
    row(
        "derived summaries after the load",
        lambda r: f"{r['load']['summaries_s']:,.1f} s" if "summaries_s" in r["load"] else "",
    )
    row(
        "load rate (target ≥ 10,000/s)",
        lambda r: f"**{r['load']['rate']:,}/s** {'✓' if r['load']['met'] else '✗'}",
    )
    row("server CPU during load", lambda r: f"{r['load']['server_cpu_s'] or '–'} s")
    row("client CPU during load", lambda r: f"{r['load']['client_cpu_s']} s")
    row("counts match the generator", lambda r: "yes" if r["counts_ok"] else "**no**")
    row(
        "server peak RSS (VmHWM)",
        lambda r: (
            f"{r['memory'].get('server_peak_mib', '–')} MiB"
            + (f" (heap {r['memory']['heap']})" if r["memory"].get("heap") else "")
        ),
    )
    row("client peak RSS", lambda r: f"{r['memory']['client_peak_mib']} MiB")
    if not any(r["queries"] for r in results):
        return "\n".join(lines) + "\n"
    lines += ["", "## Named queries (p50 / p95 ms)", ""]
    head = "| query | target p95 | " + " | ".join(
        f"{r['backend']} p50 | {r['backend']} p95 | rows" for r in results
    )
    lines += [head + " |", "|---|---|" + "---|---|---|" * len(results)]
    names = [q["name"] for q in results[0]["queries"]]
    for i, name in enumerate(names):
        first = results[0]["queries"][i]
        target = f"{first['target_ms']:.0f} ms"
        if first.get("per_1000_rows_ms"):  # a table of every row (benchmarks/run.py)
            target += f" + {first['per_1000_rows_ms']:.0f} ms/1,000 rows"
        cells = [f"`{name}`", target]
        for r in results:
            q = r["queries"][i]
            mark = "✓" if q["met"] else "✗"
            cells += [_ms(q, "p50_ms"), f"{_ms(q, 'p95_ms')} {mark}", _ms(q, "mean_rows")]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "### By case", ""]
    for r in results:
        for q in r["queries"]:
            variants = q.get("variants") or {}
            if len(variants) > 1:
                parts = ", ".join(
                    f"{k}: {v['p50_ms']}/{v['p95_ms']} ms ({v['runs']})"
                    for k, v in variants.items()
                )
                lines.append(f"- {r['backend']} `{q['name']}`: {parts}")
            if q["errors"]:
                lines.append(f"- {r['backend']} `{q['name']}` errors: {q['error_examples']}")
    return "\n".join(lines) + "\n"
