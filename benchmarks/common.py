"""What the explorer benchmarks share: a temporary store built from article folders."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def ingested_store(paths: list[str]) -> Iterator[dict[str, str]]:
    """Ingest `paths` into a new embedded store; yields the environment that points at it
    (COURTGRAPH_DATA_DIR set, NEO4J_URI unset) and stops its server afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "COURTGRAPH_DATA_DIR": tmp, "PYTHONPATH": str(ROOT)}
        env.pop("NEO4J_URI", None)
        subprocess.run(
            [sys.executable, "-m", "ingest", "--quiet", *paths],
            env=env,
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        try:
            yield env
        finally:
            subprocess.run(
                [sys.executable, "-m", "graph", "stop"], env=env, cwd=ROOT, capture_output=True
            )
