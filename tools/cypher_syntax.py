"""Neo4j's own Cypher parser (tools/cypher_check, `npm ci` there) run from Python.

    check([{"name": "q", "cypher": "MATCH (n) RETURN n", "parameters": []}])

Each item is checked against Neo4j 5's grammar and semantic analysis; the answer lists every
item with its `errors` (empty when Neo4j would accept the statement). Used by the test suite
and the benchmarks' tests; needs `node` and the checker's node_modules.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

CHECKER = Path(__file__).resolve().parent / "cypher_check" / "check.mjs"


def available() -> bool:
    """Whether `node` and the checker's installed packages are here."""
    return shutil.which("node") is not None and (CHECKER.parent / "node_modules").is_dir()


def check(items: list[dict[str, Any]], *, timeout: float = 300) -> list[dict[str, Any]]:
    """Neo4j's verdict on each item ({"name", "cypher", "parameters"}), in order."""
    out = subprocess.run(
        ["node", str(CHECKER)],
        input=json.dumps(items, ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if out.returncode != 0:
        raise RuntimeError(f"the Cypher checker failed: {out.stderr}")
    return list(json.loads(out.stdout))
