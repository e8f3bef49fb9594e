"""The layers stay visible: each package imports only from the layers below it.

graph (the store) ← ingest, queries ← figures ← ui, app.py and the command lines
(`courtgraph`). `courtgraph.resources` (where bundled data lives) may be used by any layer;
`graph/__main__.py` is the one shim in the store layer, handing `python -m graph` to
`courtgraph.graph_cli`. Nothing shipped imports from tests, benchmarks or tools.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"graph", "ingest", "queries", "figures", "ui", "courtgraph", "benchmarks", "tools", "tests"}
#: package -> our packages it may import (besides itself and courtgraph.resources)
ALLOWED = {
    "graph": set(),
    "queries": {"graph"},
    "ingest": {"graph", "queries"},
    "figures": {"graph", "queries"},
    "ui": {"graph", "queries", "ingest", "figures"},
    "courtgraph": {"graph", "queries", "ingest", "figures", "ui"},
}
SHIMS = {("graph/__main__.py", "courtgraph.graph_cli")}


def imports(path: Path) -> set[str]:
    """Absolute module names `path` imports (at any depth, lazily or not)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(package: str) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for module in sorted(imports(path)):
            top = module.split(".")[0]
            if top not in OURS or top == package or module.startswith("courtgraph.resources"):
                continue
            if top in ALLOWED[package] or (rel, module) in SHIMS:
                continue
            bad.append(f"{rel} imports {module}")
    return bad


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below(package: str) -> None:
    assert violations(package) == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from queries import run\n", encoding="utf-8")
    assert "queries" in imports(module)
    assert "queries" not in ALLOWED["graph"]
