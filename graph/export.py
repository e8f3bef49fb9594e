"""Subgraphs out of the store, and into GraphML, GEXF, node-link JSON, CSV and Cypher.

A subgraph is a `networkx.MultiDiGraph`: node keys are courtgraph ids, node attributes the
entity's properties (`kind`, `name`, `level`, ...), edge keys the fact ids and edge
attributes the relationship's properties plus `type`. Every writer has a reader
(`to_graphml` / `from_graphml`, ...) that gives back the same graph, Chinese intact.
List values (aliases, doc_ids) are stored as JSON text prefixed `json:` in the formats that
only hold scalars, and decoded again by the readers.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import CourtgraphError
from graph.model import FACT_TYPES, check_label, check_rel_type

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import GraphStore

_FACT_RELS = "|".join(FACT_TYPES)
_SKIP_NODE_PROPS = {"search_text", "text"}
FORMATS = ("graphml", "gexf", "json", "csv", "edges", "cypher")

#: what joins a list's values in a cell of a text-only table (the edge-list CSV, the named
#: queries' CSV and table view, the explorer's CSV and Excel downloads): a full-width
#: semicolon, which no id holds and no name the extraction keeps ("、" is inside names such as
#: 日监测、周通报、月考核). The zip of nodes.csv and edges.csv keeps lists as `json:` text, which
#: its reader `from_csv` decodes exactly.
LIST_SEPARATOR = "；"


def join_list(values: Iterable[Any]) -> str:
    """A list's values as one cell, joined with `LIST_SEPARATOR` (None as empty)."""
    return LIST_SEPARATOR.join("" if v is None else str(v) for v in values)


def fetch_subgraph(
    store: GraphStore, node_ids: Iterable[str], *, verified: bool = False
) -> nx.MultiDiGraph:
    """The entities `node_ids` with every fact relationship among them (`verified`: only
    those a reviewer confirmed or corrected, and reference data such as the roster's)."""
    import networkx as nx

    ids = sorted(set(node_ids))
    graph = nx.MultiDiGraph()
    if not ids:
        return graph
    for row in store.read(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS p", {"ids": ids}
    ):
        props = {k: v for k, v in row["p"].items() if k not in _SKIP_NODE_PROPS}
        graph.add_node(props["id"], **{k: v for k, v in props.items() if k != "id"})
    for row in store.read(
        f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[r:{_FACT_RELS}]->(b:Entity) "
        "WHERE b.id IN $ids AND (NOT $verified OR r.review_status IN ['confirmed', 'corrected'] "
        "OR r.source IS NOT NULL) "
        "RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS p",
        {"ids": ids, "verified": verified},
    ):
        attrs = {k: v for k, v in row["p"].items() if v is not None}
        key = attrs.get("fact_id") or f"{row['type']}:{row['a']}->{row['b']}"
        graph.add_edge(row["a"], row["b"], key=key, type=row["type"], **attrs)
    return graph


def within(graph: nx.MultiDiGraph, centre: str, docs: Iterable[str]) -> nx.MultiDiGraph:
    """The part of `graph` the documents `docs` (chosen collections') support: the facts
    one of them supports, each citing only those (`doc_ids`), and reference data (the
    roster's hierarchy: a `source`, kept whatever documents also state it, citing only the
    chosen); then the entities still connected to `centre` through them (the centre always
    stays). The facts' dates are the whole graph's: `queries.citations.cite_graph` gives a
    narrowed fact the date of its chosen documents.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a", "b", doc_ids=["d1", "d2"])
    0
    >>> g.add_edge("b", "c", doc_ids=["d2"])
    0
    >>> sorted(within(g, "a", {"d1"}).edges(data="doc_ids"))
    [('a', 'b', ['d1'])]
    """
    import networkx as nx

    wanted = set(docs)
    kept = nx.MultiDiGraph()
    kept.add_node(centre, **(graph.nodes[centre] if centre in graph else {}))
    for u, v, k, a in graph.edges(keys=True, data=True):
        ids = a.get("doc_ids") or []
        mine = [d for d in ids if d in wanted]
        if not mine and a.get("source") is None:  # neither the documents' nor reference data
            continue
        if ids:
            a = {**a, "doc_ids": mine}
        kept.add_node(u, **graph.nodes[u])
        kept.add_node(v, **graph.nodes[v])
        kept.add_edge(u, v, key=k, **a)
    reach = nx.node_connected_component(kept.to_undirected(as_view=True), centre)
    return nx.MultiDiGraph(kept.subgraph(reach))


# -- scalar encoding for GraphML / GEXF / CSV ---------------------------------------------
def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, list | dict):
            out[k] = "json:" + json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
    return out


def _unflat(attrs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in attrs.items():
        if isinstance(v, str) and v.startswith("json:"):
            out[k] = json.loads(v[5:])
        else:
            out[k] = v
    return out


def _flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx

    flat = nx.MultiDiGraph()
    for n, a in graph.nodes(data=True):
        flat.add_node(n, **_flat(a))
    for u, v, k, a in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **_flat(a))
    return flat


def _unflat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    import networkx as nx

    out = nx.MultiDiGraph()
    for n, a in graph.nodes(data=True):
        out.add_node(n, **_unflat({k: v for k, v in a.items() if k != "label"}))
    for u, v, k, a in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **_unflat({kk: vv for kk, vv in a.items() if kk != "id"}))
    return out


# -- writers and readers ------------------------------------------------------------------
def to_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    import networkx as nx

    nx.write_graphml(_flat_graph(graph), str(path), encoding="utf-8", named_key_ids=True)


def from_graphml(path: str | Path) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.read_graphml(str(path), force_multigraph=True)
    return _unflat_graph(nx.MultiDiGraph(g))


def to_gexf(graph: nx.MultiDiGraph, path: str | Path) -> None:
    import networkx as nx

    flat = _flat_graph(graph)
    for n, a in flat.nodes(data=True):
        a.setdefault("label", a.get("name") or n)  # what Gephi shows
    for *_, a in flat.edges(keys=True, data=True):
        if "type" in a:  # GEXF's own edge "type" means directed/undirected
            a["rel_type"] = a.pop("type")
    nx.write_gexf(flat, str(path), encoding="utf-8")


def from_gexf(path: str | Path) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.MultiDiGraph(nx.read_gexf(str(path), node_type=str))
    for *_, a in g.edges(keys=True, data=True):
        if "rel_type" in a:
            a["type"] = a.pop("rel_type")
    return _unflat_graph(g)


def to_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """node-link JSON (networkx's `node_link_data`, edges under "edges")."""
    import networkx as nx

    data = nx.node_link_data(graph, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def from_json(path: str | Path) -> nx.MultiDiGraph:
    import networkx as nx

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.MultiDiGraph(nx.node_link_graph(data, edges="edges", multigraph=True, directed=True))


def _headers(fixed: list[str], keys: list[str], prefix: str = "edge_") -> list[str]:
    """The header row: the fixed columns, then each property's name, prefixed with `edge_` or
    `node_` where it would repeat a fixed column (a PART_OF edge's `source`, the roster it came
    from, beside the edge's `source` end: two columns of one name, which a reader of the file
    cannot tell apart and pandas or Excel rename or drop)."""
    return [*fixed, *(prefix + k if k in fixed else k for k in keys)]


def to_csv(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """A zip with nodes.csv and edges.csv (UTF-8 with BOM, so Excel shows Chinese)."""
    node_keys = sorted({k for _, a in graph.nodes(data=True) for k in a})
    edge_keys = sorted({k for *_, a in graph.edges(keys=True, data=True) for k in a})
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.writer(nodes)
    w.writerow(_headers(["id"], node_keys, "node_"))
    for n, a in graph.nodes(data=True):
        fa = _flat(a)
        w.writerow([n, *(fa.get(k, "") for k in node_keys)])
    w = csv.writer(edges)
    w.writerow(_headers(["source", "target", "key"], edge_keys))
    for u, v, k, a in graph.edges(keys=True, data=True):
        fa = _flat(a)
        w.writerow([u, v, k, *(fa.get(key, "") for key in edge_keys)])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("nodes.csv", "\ufeff" + nodes.getvalue())
        z.writestr("edges.csv", "\ufeff" + edges.getvalue())


def to_edge_csv(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """One CSV of relationships, both ends named (UTF-8 with BOM): an edge list for Excel;
    lists (doc_ids) joined with `LIST_SEPARATOR`."""
    edge_keys = sorted({k for *_, a in graph.edges(keys=True, data=True) for k in a} - {"type"})
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(
        _headers(
            [
                "source",
                "source_name",
                "source_kind",
                "type",
                "target",
                "target_name",
                "target_kind",
            ],
            edge_keys,
        )
    )
    nodes = graph.nodes
    for u, v, _k, a in graph.edges(keys=True, data=True):
        # a list in one cell for a person (this file has no reader to decode `json:` text)
        fa = _flat({k: join_list(x) if isinstance(x, list) else x for k, x in a.items()})
        w.writerow(
            [u, nodes[u].get("name", ""), nodes[u].get("kind", ""), a.get("type", "")]
            + [v, nodes[v].get("name", ""), nodes[v].get("kind", "")]
            + [fa.get(key, "") for key in edge_keys]
        )
    Path(path).write_text("\ufeff" + out.getvalue(), encoding="utf-8")


def _csv_value(s: str) -> Any:
    if s == "":
        return None
    if s.startswith("json:"):
        return json.loads(s[5:])
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+(e-?\d+)?", s):
        return float(s)
    if s in ("True", "False"):
        return s == "True"
    return s


def _unprefixed(
    row: dict[str, str], fixed: list[str], prefix: str
) -> tuple[list[str], dict[str, str]]:
    """A row of a CSV `_headers` wrote: its fixed columns' values, and its properties under
    their own names again (edge_source -> source)."""
    props = {
        (k[len(prefix) :] if k.startswith(prefix) and k[len(prefix) :] in fixed else k): v
        for k, v in row.items()
        if k not in fixed
    }
    return [row[k] for k in fixed], props


def from_csv(path: str | Path) -> nx.MultiDiGraph:
    import networkx as nx

    g = nx.MultiDiGraph()
    with zipfile.ZipFile(path) as z:
        nodes = z.read("nodes.csv").decode("utf-8-sig")
        edges = z.read("edges.csv").decode("utf-8-sig")
    for row in csv.DictReader(io.StringIO(nodes)):
        (nid,), props = _unprefixed(row, ["id"], "node_")
        g.add_node(nid, **{k: v for k, s in props.items() if (v := _csv_value(s)) is not None})
    for row in csv.DictReader(io.StringIO(edges)):
        (u, v, k), props = _unprefixed(row, ["source", "target", "key"], "edge_")
        g.add_edge(
            u, v, key=k, **{kk: vv for kk, s in props.items() if (vv := _csv_value(s)) is not None}
        )
    return g


# backslash escapes Cypher string literals need (both servers)
_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _literal(value: Any) -> str:
    """A Cypher literal valid on Neo4j 5 and ArcadeDB. A value Cypher has no literal for (a
    non-finite float) becomes null; an integer beyond 64 bits becomes its decimal string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return repr(value) if -(2**63) <= value < 2**63 else _literal(str(value))
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"`{str(k).replace('`', '``')}`: {_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    s = str(value).translate(_ESCAPES)
    return "'" + s + "'"


def to_cypher(graph: nx.MultiDiGraph, path: str | Path | None = None) -> str:
    """A Cypher script (one statement a line, `;`-terminated) that recreates the subgraph."""
    lines = ["// courtgraph subgraph: run against an empty or existing courtgraph store"]
    for n, a in graph.nodes(data=True):
        label = check_label(str(a.get("kind") or "Court"))
        props = {k: v for k, v in a.items() if v is not None}
        lines.append(f"MERGE (n:{label}:Entity {{id: {_literal(n)}}}) SET n += {_literal(props)};")
    for u, v, a in graph.edges(data=True):
        rel = check_rel_type(str(a.get("type")))
        props = {kk: vv for kk, vv in a.items() if kk != "type" and vv is not None}
        key = f" {{fact_id: {_literal(props['fact_id'])}}}" if "fact_id" in props else ""
        lines.append(
            f"MATCH (a:Entity {{id: {_literal(u)}}}) MATCH (b:Entity {{id: {_literal(v)}}}) "
            f"MERGE (a)-[r:{rel}{key}]->(b) SET r += {_literal(props)};"
        )
    script = "\n".join(lines) + "\n"
    if path is not None:
        Path(path).write_text(script, encoding="utf-8")
    return script


def cypher_statements(script: str) -> list[str]:
    """Split a `to_cypher` script into statements (one per line)."""
    return [ln.rstrip(";") for ln in script.splitlines() if ln and not ln.startswith("//")]


WRITERS = {
    "graphml": to_graphml,
    "gexf": to_gexf,
    "json": to_json,
    "csv": to_csv,
    "edges": to_edge_csv,
    "cypher": to_cypher,
}
READERS = {"graphml": from_graphml, "gexf": from_gexf, "json": from_json, "csv": from_csv}
SUFFIX = {
    "graphml": ".graphml",
    "gexf": ".gexf",
    "json": ".json",
    "csv": ".zip",
    "edges": ".csv",
    "cypher": ".cypher",
}
BY_SUFFIX = {**{v: k for k, v in SUFFIX.items()}, ".cql": "cypher", ".xml": "graphml"}


def format_for(path: str | Path) -> str:
    """The export format a file name asks for: sub.gexf -> gexf, sub.zip -> csv (two tables).

    >>> format_for("本溪中院.gexf"), format_for("a.ZIP"), format_for("edges.csv")
    ('gexf', 'csv', 'edges')
    """
    suffix = Path(path).suffix.lower()
    fmt = BY_SUFFIX.get(suffix)
    if fmt is None:
        known = "、".join(sorted(BY_SUFFIX))
        raise CourtgraphError(
            f"{path}：无法从"
            + (f"扩展名 {suffix} " if suffix else "文件名（没有扩展名）")
            + f"判断导出格式；请用 {known} 之一作扩展名，或给出 --format"
        )
    return fmt


# -- files a user asks for --------------------------------------------------------------------
# `tempfile.mkstemp` makes its file owner-only (0600): right for a temporary file, wrong for an
# export or a picture a colleague on a shared drive should open, so the finished file gets
# ``0o666 & ~umask``, as `open(path, "w")` would have given it (figures use it too).


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (os.umask can only
    be read by setting it, which other threads would see for a moment)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        status = ""
    found = re.search(r"^Umask:\s*([0-7]+)", status, re.MULTILINE)
    if found:
        return int(found.group(1), 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def give_usual_mode(path: str | os.PathLike[str]) -> None:
    """Make `path` (a finished temporary file) as readable as a new file of the user's."""
    os.chmod(path, 0o666 & ~current_umask())


def export(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write `graph` as `fmt` to `path`, whole or not at all (a temporary file is renamed)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    target = Path(path)
    if not target.parent.is_dir():
        raise CourtgraphError(f"{target}：文件夹 {target.parent} 不存在")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        WRITERS[fmt](graph, tmp)  # type: ignore[operator]
        give_usual_mode(tmp)  # what the user asked for, not a private temporary file
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return target
