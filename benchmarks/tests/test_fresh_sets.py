"""The record of annotated sets (benchmarks/fresh_sets.json) is what keeps the next session's
annotators off pages that rules were written from: every address once, each set's role known."""

from __future__ import annotations

import json
import re
from pathlib import Path

RECORD = Path(__file__).parents[1] / "fresh_sets.json"
SHARED_DEV = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev" / "articles"


def _articles() -> list[tuple[str, dict[str, object]]]:
    sets = json.loads(RECORD.read_text("utf-8"))["sets"]
    for name, s in sets.items():
        assert s["role"] in ("test", "development"), name
    return [(name, a) for name, s in sets.items() for a in s["articles"]]


def test_each_address_is_recorded_once_with_its_hash() -> None:
    articles = _articles()
    urls = [a["url"] for _, a in articles]
    assert articles and len(urls) == len(set(urls))
    assert all(re.fullmatch(r"[0-9a-f]{64}", str(a["sha256"])) for _, a in articles)


def test_no_recorded_page_is_one_of_the_shared_corpus_articles() -> None:
    if not SHARED_DEV.is_dir():  # the shared corpus sits beside a checkout, not in it
        import pytest

        pytest.skip(f"{SHARED_DEV} is not here")
    shared = {json.loads(p.read_text("utf-8")).get("url") for p in SHARED_DEV.glob("*.meta.json")}
    assert not [a["url"] for _, a in _articles() if a["url"] in shared]
