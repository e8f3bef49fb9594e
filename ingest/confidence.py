"""Calibrated confidence for extracted facts.

Every fact the extractor proposes names the rule that produced it (`rule`, e.g.
``adoption:subject-verb``). How often a rule is right was measured on the annotated development
articles (`python -m benchmarks.extraction --fit-confidence` writes `data/confidence.json`:
for each kind of fact and each rule, how many facts it proposed and how many the gold
annotations confirm). A fact's confidence is a cautious estimate of its rule's precision: the
lower end of a Wilson interval (z = 1.28, one-sided 90%) around the smoothed precision

    (right + prior * weight) / (proposed + weight),

where `prior` is the precision of all facts of the kind, so a rule seen a handful of times is
pulled towards the average and stays well below certainty. The cautious end is taken because
the rules were written from the articles they are measured on, which flatters them; a rule
never measured gets the kind's prior, lowered the same way. The calibration is checked on
articles used neither to write the rules nor to fit the table (README, "Quality").

Even the cautious end is flattering: precision falls on articles nobody has read. So the
table also holds a `discount` per kind of fact, the ratio of precision on held-out articles
to precision on the articles the rules were written from, and a confidence is multiplied by
it. (`benchmarks.extraction --cv-calibration` checks this two-fold across the held-out
articles: the discount fitted on one half, the bands scored on the other.)

Example:
    >>> table = {"adoption": {"*": {"n": 10, "tp": 5}, "a": {"n": 40, "tp": 40}}}
    >>> confidence("adoption", "a", table)
    0.924
    >>> confidence("adoption", "never-seen", table)
    0.164
"""

from __future__ import annotations

import json
import math
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
#: one-sided 90% normal quantile: confidence is the lower end of the Wilson interval
Z = 1.2816


@lru_cache(maxsize=1)
def load_table(path: str | None = None) -> dict[str, Any]:
    """The fitted table (empty when it has not been fitted)."""
    p = Path(path) if path else TABLE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return dict(data.get("rules", data))


@lru_cache(maxsize=1)
def load_discount(path: str | None = None) -> dict[str, float]:
    """Per kind of fact, how much precision falls from the articles the rules were written
    from to articles never seen (fitted on held-out articles; empty when not fitted)."""
    p = Path(path) if path else TABLE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {k: float(v) for k, v in data.get("discount", {}).items()}


def confidence(
    kind: str,
    rule: str,
    table: dict[str, Any] | None = None,
    discount: dict[str, float] | None = None,
) -> float:
    """The calibrated probability that a `kind` fact proposed by `rule` is right."""
    factor = (load_discount() if discount is None and table is None else discount or {}).get(
        kind, 1.0
    )
    rules = (load_table() if table is None else table).get(kind, {})
    overall = rules.get("*")
    prior = overall["tp"] / overall["n"] if overall and overall["n"] else DEFAULT
    stats = rules.get(rule) or {"n": 0, "tp": 0}
    n = stats["n"] + WEIGHT
    p = (stats["tp"] + prior * WEIGHT) / n
    return round(_wilson_lower(p, n) * factor, 3)


def _wilson_lower(p: float, n: float, z: float = Z) -> float:
    """The lower end of the Wilson score interval of a proportion `p` out of `n`."""
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, (centre - spread) / (1 + z2 / n))


def apply(ex: Extraction, table: dict[str, Any] | None = None) -> None:
    """Set `confidence` on every adoption, person and outcome of `ex` from its rule, and on
    every outcome's link to an initiative from the link's own rule (kind "link")."""
    for a in ex.adoptions:
        a.rule = a.rule or "adoption:other"
        a.confidence = confidence("adoption", a.rule, table)
    for p in ex.people:
        p.rule = p.rule or "person:other"
        p.confidence = confidence("person", p.rule, table)
    for o in ex.outcomes:
        o.rule = o.rule or "outcome:other"
        o.confidence = confidence("outcome", o.rule, table)
        if o.initiative:
            o.link_rule = o.link_rule or "link:other"
            o.link_confidence = confidence("link", o.link_rule, table)
