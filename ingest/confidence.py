"""Calibrated confidence for extracted facts.

Every fact the extractor proposes names the rule that produced it (`rule`, e.g.
``adoption:subject-verb``). How often a rule is right was measured on the annotated development
articles (`python -m benchmarks.extraction --fit-confidence` writes `data/confidence.json`:
for each kind of fact and each rule, how many facts it proposed and how many the gold
annotations confirm). A fact's confidence is that rule's smoothed precision,

    (right + prior * weight) / (proposed + weight),

where `prior` is the precision of all facts of the kind, so a rule seen a handful of times is
pulled towards the average. Rules never measured get the kind's prior. The calibration is
checked on articles that were not used to fit it (README, "Quality").

Example:
    >>> table = {"adoption": {"*": {"n": 10, "tp": 5}, "a": {"n": 8, "tp": 8}}}
    >>> round(confidence("adoption", "a", table), 3)
    0.9
    >>> round(confidence("adoption", "never-seen", table), 3)
    0.5
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from courtgraph.resources import DATA
from ingest.document import Extraction

TABLE = DATA / "confidence.json"
#: pseudo-count of the prior: a rule needs several observations to move far from it
WEIGHT = 2.0
#: used when no table has been fitted yet
DEFAULT = 0.5


@lru_cache(maxsize=1)
def load_table(path: str | None = None) -> dict[str, Any]:
    """The fitted table (empty when it has not been fitted)."""
    p = Path(path) if path else TABLE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return dict(data.get("rules", data))


def confidence(kind: str, rule: str, table: dict[str, Any] | None = None) -> float:
    """The calibrated probability that a `kind` fact proposed by `rule` is right."""
    rules = (load_table() if table is None else table).get(kind, {})
    overall = rules.get("*")
    prior = overall["tp"] / overall["n"] if overall and overall["n"] else DEFAULT
    stats = rules.get(rule)
    if not stats:
        return round(prior, 3)
    return round((stats["tp"] + prior * WEIGHT) / (stats["n"] + WEIGHT), 3)


def apply(ex: Extraction, table: dict[str, Any] | None = None) -> None:
    """Set `confidence` on every adoption, person and outcome of `ex` from its rule."""
    for a in ex.adoptions:
        a.rule = a.rule or "adoption:other"
        a.confidence = confidence("adoption", a.rule, table)
    for p in ex.people:
        p.rule = p.rule or "person:other"
        p.confidence = confidence("person", p.rule, table)
    for o in ex.outcomes:
        o.rule = o.rule or "outcome:other"
        o.confidence = confidence("outcome", o.rule, table)
