"""Where the tests find the shared annotated corpus (../shared beside the checkout).

Point the tests elsewhere with COURTGRAPH_SHARED_DIR (the folder holding `corpus/` and
`eval/score.py`); tests that need it skip with `HINT` when it is absent. The `shared_corpus`
fixture in tests/conftest.py gives the corpus folder.
"""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(
    os.environ.get("COURTGRAPH_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared"
)
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"
HINT = (
    f"the shared corpus is not at {CORPUS}: check it out beside the repository or set "
    "COURTGRAPH_SHARED_DIR to the folder holding corpus/ and eval/"
)
