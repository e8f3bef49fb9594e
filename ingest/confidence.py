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

Where the table also holds a rule's own counts on unseen articles (`unseen`: the same
held-out articles the discount comes from), those decide: the discounted estimate above is
only their prior, worth `UNSEEN_WEIGHT` facts, and they can only lower it. A fallback that is right on the articles rules
were written from and wrong on everybody else's is then told apart from a rule that holds.

Example:
    >>> table = {"adoption": {"*": {"n": 10, "tp": 5}, "a": {"n": 40, "tp": 40}}}
    >>> confidence("adoption", "a", table)
    0.924
    >>> confidence("adoption", "never-seen", table)
    0.164
    >>> confidence("visit", "visit:went-to", table), uncalibrated(["visit:went-to"])
    (0.8, True)
"""

from __future__ import annotations

import functools
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
#: pseudo-count of the discounted development estimate when a rule's unseen counts update it
UNSEEN_WEIGHT = 4.0
#: per kind, facts less likely than this to be right are not proposed. Checked two-fold on 55
#: articles nobody wrote rules from (README, "Quality"): at 0.3 adoptions went from 0.63 to
#: 0.71 precision at the same F1 and outcomes from 0.81 to 0.89, while any floor on the
#: outcome → initiative ties (all below 0.5) only lost right ones. A wrong fact costs a court
#: more than a missing one, and a reviewer can still add a missed fact on the 审核 page.
#: The fifth session's refit (unseen record from 80 articles, adoptions' fall 0.84 -> 0.74)
#: put the main adoption paths between 0.25 and 0.3: two-fold on those articles a floor of
#: 0.3 cost 0.07 adoption F1 in one fold (and 0.06 on the seeds' sets) where 0.25 kept the F1
#: of no floor in both folds, with precision 0.68 -> 0.80 in one; so 0.25 for adoptions.
FLOOR = {"adoption": 0.25, "person": 0.3, "outcome": 0.3, "link": 0.0}
#: used when no table has been fitted yet
DEFAULT = 0.5
#: per kind of fact the gold annotations do not hold yet (so no table can measure its
#: rules), each rule's judged precision, the fact's confidence as it stands (no interval, no
#: discount: there is nothing to discount) and shown as a rule's prior, not a measurement
#: (`uncalibrated`). Learning visits (ingest.visits, eighteenth session): an explicit going
#: to learn (甲赴乙学习考察, 乙接待甲考察团) is rarely anything else once inspections, plans and
#: meetings are kept out; 学习借鉴乙的经验 may be a reading of the host's experience, no visit.
#: On the development sets (AQ–AT, seen, develop) the extractor finds one visit, right. Once
#: the annotations hold visits, the fitted table decides and these are its prior only.
PRIORS: dict[str, dict[str, float]] = {
    "visit": {"*": 0.6, "visit:went-to": 0.8, "visit:received": 0.8, "visit:borrowed": 0.6},
}
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


@lru_cache(maxsize=1)
def load_unseen(path: str | None = None) -> dict[str, Any]:
    """Per kind and rule, facts proposed and right on unseen articles (empty when not fitted)."""
    p = Path(path) if path else TABLE
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return dict(data.get("unseen", {}))


def confidence(
    kind: str,
    rule: str,
    table: dict[str, Any] | None = None,
    discount: dict[str, float] | None = None,
    unseen: dict[str, Any] | None = None,
) -> float:
    """The calibrated probability that a `kind` fact proposed by `rule` is right.

    >>> table = {"adoption": {"*": {"n": 10, "tp": 9}, "a": {"n": 20, "tp": 20}}}
    >>> confidence("adoption", "a", table, {"adoption": 0.8})
    0.732
    >>> wrong_elsewhere = {"adoption": {"a": {"n": 30, "tp": 6}}}
    >>> confidence("adoption", "a", table, {"adoption": 0.8}, wrong_elsewhere)
    0.178
    """
    defaults = table is None and discount is None and unseen is None
    factor = (load_discount() if defaults else discount or {}).get(kind, 1.0)
    rules = (load_table() if table is None else table).get(kind, {})
    overall = rules.get("*")
    judged = PRIORS.get(kind, {})
    if kind in PRIORS and not (overall and overall["n"]):  # nothing measured: the prior
        return round(judged.get(rule, judged.get("*", DEFAULT)), 3)
    prior = overall["tp"] / overall["n"] if overall and overall["n"] else DEFAULT
    stats = rules.get(rule) or {"n": 0, "tp": 0}
    n = stats["n"] + WEIGHT
    p = (stats["tp"] + prior * WEIGHT) / n
    estimate = _wilson_lower(p, n) * factor
    held = (load_unseen() if defaults else unseen or {}).get(kind, {}).get(rule)
    if held and held["n"]:
        n = held["n"] + UNSEEN_WEIGHT
        # only ever lowered: a rule's few unseen facts, all right by luck, promise nothing
        estimate = min(estimate, _wilson_lower((held["tp"] + estimate * UNSEEN_WEIGHT) / n, n))
    return round(estimate, 3)


def uncalibrated(rules: Any) -> bool:
    """Whether the confidence of a fact proposed by `rules` (rule names, 'kind:name') is a
    judged prior (`PRIORS`), no fitted table measuring its kind yet: shown as such."""
    kinds = {str(r).split(":", 1)[0] for r in rules or () if r}
    table = load_table()
    return bool(kinds) and all(k in PRIORS and not table.get(k, {}).get("*") for k in kinds)


def _wilson_lower(p: float, n: float, z: float = Z) -> float:
    """The lower end of the Wilson score interval of a proportion `p` out of `n`."""
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, (centre - spread) / (1 + z2 / n))


@functools.cache
def _default_confidence(kind: str, rule: str) -> float:
    """confidence(kind, rule) from the fitted table (read once per process, as load_table
    is): the same few rules are asked of every document."""
    return confidence(kind, rule)


def apply(
    ex: Extraction, table: dict[str, Any] | None = None, floor: dict[str, float] | None = None
) -> None:
    """Set `confidence` on every adoption, person, outcome and learning visit of `ex` from its
    rule, and on
    every outcome's link to an initiative from the link's own rule (kind "link"); drop the
    facts, and the outcomes' ties to an initiative, whose confidence is below their kind's
    `floor` (default `FLOOR`)."""
    low = FLOOR if floor is None else floor
    of = _default_confidence if table is None else functools.partial(confidence, table=table)
    for a in ex.adoptions:
        a.rule = a.rule or "adoption:other"
        a.confidence = of("adoption", a.rule)
    for p in ex.people:
        p.rule = p.rule or "person:other"
        p.confidence = of("person", p.rule)
    for o in ex.outcomes:
        o.rule = o.rule or "outcome:other"
        o.confidence = of("outcome", o.rule)
        if o.initiative:
            o.link_rule = o.link_rule or "link:other"
            o.link_confidence = of("link", o.link_rule)
            if o.link_confidence < low.get("link", 0.0):  # the figure stays, untied
                o.initiative, o.link_rule, o.link_confidence = None, "", None
    for v in ex.visits:  # learning visits (ingest.visits): no floor of their own yet
        v.rule = v.rule or "visit:other"
        v.confidence = of("visit", v.rule)
    ex.adoptions = [a for a in ex.adoptions if (a.confidence or 0.0) >= low.get("adoption", 0.0)]
    ex.people = [p for p in ex.people if (p.confidence or 0.0) >= low.get("person", 0.0)]
    ex.outcomes = [o for o in ex.outcomes if (o.confidence or 0.0) >= low.get("outcome", 0.0)]
