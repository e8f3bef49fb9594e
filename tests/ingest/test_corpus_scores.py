"""The extractor on the shared corpus, scored with shared/eval/score.py (seed targets)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ingest.extract import extract_document, to_gold
from ingest.readers import read_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"

TARGETS = {"people": 0.90, "initiatives": 0.80, "adoptions": 0.75, "outcomes": 0.80}


def _scorer() -> ModuleType:
    if not SCORER.exists() or not (CORPUS / "seeds").is_dir():
        pytest.skip(f"shared corpus or scorer not found under {SHARED}")
    spec = importlib.util.spec_from_file_location("courtgraph_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(files: list[Path], gold: Path, out: Path) -> dict[str, Any]:
    scorer = _scorer()
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps(to_gold(extract_document(read_document(f))), ensure_ascii=False))
            fh.write("\n")
    report: dict[str, Any] = scorer.score(str(gold), str(out))
    assert report["documents_missing"] == []
    return report


def test_seed_targets(tmp_path: Path) -> None:
    files = sorted((CORPUS / "seeds").glob("*.txt"))
    report = _score(files, CORPUS / "gold", tmp_path / "seeds.jsonl")
    scores = {k: report[k]["f1"] for k in TARGETS}
    print("seed F1:", scores)
    for kind, target in TARGETS.items():
        assert scores[kind] >= target, f"{kind} F1 {scores[kind]} < {target}"


def test_dev_articles_score(tmp_path: Path) -> None:
    files = sorted((CORPUS / "dev" / "articles").glob("*.txt"))
    if not files:
        pytest.skip("no dev articles")
    report = _score(files, CORPUS / "dev" / "gold", tmp_path / "dev.jsonl")
    print("dev F1:", {k: report[k]["f1"] for k in TARGETS})
    # unseen-style articles: looser floors that still catch a broken extractor
    assert report["people"]["f1"] >= 0.8
    assert report["initiatives"]["f1"] >= 0.6
    assert report["outcomes"]["f1"] >= 0.6
