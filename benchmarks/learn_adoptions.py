"""Learn how likely each proposed adoption is to be right (issue #10), and measure it honestly.

    python -m benchmarks.learn_adoptions --set train --extra V=/work/fresh/V … [--write]

Every adoption the rules propose on the annotated articles (the confidence floor off, so all
of them) becomes an example: the features of `ingest.adoption_model`, right when its
(court, initiative) pair is a gold adopter pair as the shared scorer matches them. The model
is measured leaving one scored set (`--extra`) out at a time: trained on the other scored
sets and the shared training sets, its threshold chosen by an inner leave-one-set-out on the
other scored sets only, scored on the set left out. The table gives adoption P/R/F1 per set
and pooled, rules alone (the rule table's confidence and its floor) → rules + model, for the
pair and for the pair with its relation (adoptions_typed), counted as the scorer counts them
(distinct pairs per article). `--write` trains on every set and writes
data/adoption_model.json with the threshold chosen by leave-one-scored-set-out on all of them.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks import extraction as bx
from benchmarks import learning as bl

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "adoption_model.json"
#: a feature met in fewer proposals than this is not learned from (fixed before measuring)
MIN_COUNT = 10


def examples(
    articles: Sequence[bl.Article], scorer: Any, *, pairs: bool = False
) -> tuple[list[bl.Example], dict[str, Any]]:
    """The proposals of `articles` as examples, and per set the gold pairs (typed and not);
    with `pairs`, the pairs no rule proposed too (`ingest.adoption_model.propose_pairs`)."""
    from ingest.adoption_model import features, pair_features, propose_pairs
    from ingest.confidence import confidence
    from ingest.extract import to_gold

    core = scorer.court_core
    out: list[bl.Example] = []
    gold: dict[str, dict[str, set[tuple[Any, ...]]]] = {}
    for art in articles:
        g = gold.setdefault(art.set_name, {"edges": set(), "typed": set()})
        g_init = scorer.unique(art.gold.get("initiatives", []), lambda i: i["name"])
        typed = {
            (core(a), i["name"], i.get("relation") or "adopted")
            for i in art.gold.get("initiatives", [])
            for a in i.get("adopters", [])
            if not a.startswith("AGG:")
        }
        edges = {t[:2] for t in typed}
        g["edges"] |= {(art.stem, *e) for e in edges}
        g["typed"] |= {(art.stem, *t) for t in typed}
        key_of = _gold_keys(scorer, g_init, to_gold(art.extraction))
        by_name = {name: k for (name, _), k in key_of.items()}
        proposals = list(zip(art.extraction.adoptions, features(art.extraction), strict=True))
        if pairs:
            extra = propose_pairs(art.extraction)
            proposals += zip(extra, pair_features(art.extraction, extra), strict=True)
        for a, f in proposals:
            if a.unit.startswith("AGG:"):
                continue  # groups of courts are not scored
            key = key_of.get((a.initiative, a.relation)) or by_name.get(
                a.initiative, "PRED:" + a.initiative
            )
            pair = (core(a.unit), key)
            out.append(
                bl.Example(
                    features=f,
                    right=pair in edges,
                    set_name=art.set_name,
                    key=(art.stem, *pair, a.relation),
                    extra={
                        "typed": (*pair, a.relation) in typed,
                        "rule_confidence": confidence("adoption", a.rule or "adoption:other"),
                    },
                )
            )
    return out, gold


def _gold_keys(scorer: Any, g_init: list[dict[str, Any]], pred: dict[str, Any]) -> dict[Any, str]:
    """(initiative, relation) of each predicted group -> the gold initiative it matches."""

    def same_init(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return any(scorer.overlap(a, b) for a in scorer.surface(g) for b in scorer.surface(p))

    out = {}
    for p in pred.get("initiatives", []):
        g = next((g for g in g_init if g["name"] == p.get("name")), None) or next(
            (g for g in g_init if same_init(g, p)), None
        )
        out[(p["name"], p.get("relation"))] = g["name"] if g else "PRED:" + p["name"]
    return out


def tally(
    kept: Sequence[bl.Example], gold: dict[str, set[tuple[Any, ...]]]
) -> dict[str, tuple[float, float, float]]:
    """P/R/F1 of the kept proposals as the scorer counts them: distinct pairs per article."""
    edges = {e.key[:-1] for e in kept}
    typed = {e.key for e in kept}
    return {
        "adoptions": bl.prf(len(edges & gold["edges"]), len(edges), len(gold["edges"])),
        "adoptions_typed": bl.prf(len(typed & gold["typed"]), len(typed), len(gold["typed"])),
    }


def _merge(
    golds: Sequence[dict[str, set[tuple[Any, ...]]]], names: Sequence[str]
) -> dict[str, set[tuple[Any, ...]]]:
    return {
        k: {(n, *x) for n, g in zip(names, golds, strict=True) for x in g[k]}
        for k in ("edges", "typed")
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = bl.arguments("Learn the adoption model and cross-validate it across annotated sets.")
    ap.add_argument("--floor", type=float, default=None, help="the rules' floor (default FLOOR)")
    ap.add_argument(
        "--pairs",
        action="store_true",
        help="also propose the pairs no rule proposed (source=pair) and measure with them",
    )
    ap.add_argument(
        "--min-count",
        type=int,
        default=MIN_COUNT,
        help=f"drop features met in fewer proposals (default {MIN_COUNT})",
    )
    ap.add_argument("--json", action="store_true", help="print the CV figures as JSON")
    args = ap.parse_args(argv)
    train_sets, scored = bl.sets_from(args)
    if len(scored) < 3:
        raise SystemExit("Error: give at least three scored sets (--extra NAME=DIR)")
    import ingest.adoption_model as am
    import ingest.confidence as ic

    rule_floor = ic.FLOOR.get("adoption", 0.0) if args.floor is None else args.floor
    ic.FLOOR = {}  # every proposal, not only those the floor lets through
    am.ACTIVE = False  # the rules' own confidence, whatever model is shipped
    scorer = bx.load_scorer(args.corpus)
    articles = bl.load(args.corpus, train_sets)
    exs, gold = examples(articles, scorer, pairs=args.pairs)
    exs = frequent(exs, args.min_count)
    by_set = weighted(exs, train_sets, scored)
    cv = bl.cross_validate(by_set, scored, lambda s: len(gold[s]["edges"]), c=args.c)
    rows = measure(by_set, cv, gold, scored, rule_floor)
    oof = [x for s in scored for x in cv.scores[s]]
    bands = bl.bands(oof)
    if args.json:
        print(json.dumps({"cv": rows, "bands": bands}, ensure_ascii=False))
    else:
        print(_table(rows, scored))
        print("\n| confidence (out of fold) | facts | right |\n|---|---|---|")
        for band, n, share in bands:
            print(f"| {band} | {n} | {'–' if share is None else f'{share:.2f}'} |")
    if args.write:
        if args.pairs:
            raise SystemExit("Error: the shipped model scores the rules' proposals; drop --pairs")
        write(
            by_set,
            scored,
            gold,
            rows,
            bands,
            articles,
            c=args.c,
            min_count=args.min_count,
            argv=argv,
        )
    return 0


def frequent(exs: Sequence[bl.Example], min_count: int) -> list[bl.Example]:
    """The examples without the features met in fewer than `min_count` proposals (of every
    set, labels unseen): a weight learned from a handful of facts, such as a rule that fired
    twice, says more about those facts than about the next article."""
    counts = Counter(k for e in exs for k in e.features)
    return [
        replace(e, features={k: v for k, v in e.features.items() if counts[k] >= min_count})
        for e in exs
    ]


def weighted(
    exs: Sequence[bl.Example], train_sets: Sequence[str], scored: Sequence[str]
) -> dict[str, list[bl.Example]]:
    """The examples by set, those of the sets the rules were written from weighing together
    as much as one scored set: the rules are right on 95% of their proposals there (against
    75% on the scored sets), and at full weight those flattering labels would outvote the
    articles nobody wrote rules from."""
    by_set: dict[str, list[bl.Example]] = {s: [] for s in train_sets}
    for e in exs:
        by_set[e.set_name].append(e)
    shared = [s for s in train_sets if s not in scored]
    n_shared = sum(len(by_set[s]) for s in shared)
    per_set = sum(len(by_set[s]) for s in scored) / len(scored)
    w = min(1.0, per_set / n_shared) if n_shared else 1.0
    for s in shared:
        for e in by_set[s]:
            e.weight = w
    return by_set


def measure(
    by_set: dict[str, list[bl.Example]],
    cv: bl.CrossValidation,
    gold: dict[str, Any],
    scored: Sequence[str],
    rule_floor: float,
) -> dict[str, Any]:
    """Per scored set and pooled: P/R/F1 rules alone (their table and floor) and with the
    model (each set scored by the fold that left it out, at that fold's threshold)."""
    rows: dict[str, Any] = {}
    pooled_before: list[bl.Example] = []
    pooled_after: list[bl.Example] = []
    for s in scored:
        t = cv.thresholds[s]
        before = [
            e
            for e in by_set[s]
            if e.extra["rule_confidence"] >= rule_floor and "source=pair" not in e.features
        ]
        after = [e for e, (p, _) in zip(by_set[s], cv.scores[s], strict=True) if p >= t]
        pooled_before += [_tag(e, s) for e in before]
        pooled_after += [_tag(e, s) for e in after]
        rows[s] = {
            "threshold": t,
            "before": tally(before, gold[s]),
            "after": tally(after, gold[s]),
            "proposals": len(by_set[s]),
        }
    pooled_gold = _merge([gold[s] for s in scored], scored)
    rows["pooled"] = {
        "before": tally(pooled_before, pooled_gold),
        "after": tally(pooled_after, pooled_gold),
        "proposals": sum(len(by_set[s]) for s in scored),
    }
    return rows


def write(
    by_set: dict[str, list[bl.Example]],
    scored: Sequence[str],
    gold: dict[str, Any],
    rows: dict[str, Any],
    bands: Sequence[tuple[str, int, float | None]],
    articles: Sequence[bl.Article],
    *,
    c: float,
    min_count: int,
    argv: Sequence[str] | None,
) -> None:
    """Train on every set and write data/adoption_model.json."""
    from ingest.learned import LinearModel

    exs = [e for ex in by_set.values() for e in ex]
    model = bl.fit(exs, c=c, name="adoption")
    threshold = _final_threshold(by_set, scored, gold, c)

    def r3(x: Sequence[float]) -> list[float]:
        return [round(v, 3) for v in x]

    about = {
        "trained_on": {
            s: {
                "articles": sum(1 for a in articles if a.set_name == s),
                "proposals": len(ex),
                "weight": round(ex[0].weight, 3) if ex else 1.0,
            }
            for s, ex in by_set.items()
        },
        "threshold": "best F1 over the out-of-fold scores of every scored set",
        "cv_p_r_f1": {
            s: {k: r3(v[k]["adoptions"]) for k in ("before", "after")} for s, v in rows.items()
        },
        "cv_typed_p_r_f1": {
            s: {k: r3(v[k]["adoptions_typed"]) for k in ("before", "after")}
            for s, v in rows.items()
        },
        "bands_out_of_fold": [[b, n, None if r is None else round(r, 3)] for b, n, r in bands],
        "c": c,
        "min_count": min_count,
        "command": "python -m benchmarks.learn_adoptions "
        + " ".join(sys.argv[1:] if argv is None else argv),
        "date": dt.date.today().isoformat(),
    }
    final = LinearModel("adoption", model.weights, model.intercept, threshold, about)
    OUT.write_text(json.dumps(final.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"\nwrote {OUT} (threshold {threshold})")


def _tag(e: bl.Example, s: str) -> bl.Example:
    return bl.Example(e.features, e.right, s, (s, *e.key), e.extra, e.weight)


def _final_threshold(
    by_set: dict[str, list[bl.Example]], scored: Sequence[str], gold: dict[str, Any], c: float
) -> float:
    """The threshold for the model trained on everything: best F1 over the out-of-fold
    scores of every scored set (each scored by a model trained without it)."""
    oof: list[tuple[float, bool]] = []
    for left, _ in bl.folds(scored):
        m = bl.fit([e for s, ex in by_set.items() if s != left for e in ex], c=c)
        oof += [(m.probability(e.features), e.right) for e in by_set[left]]
    return bl.best_threshold(oof, sum(len(gold[s]["edges"]) for s in scored))


def _table(rows: dict[str, Any], scored: Sequence[str]) -> str:
    out = [
        "| set | threshold | adoptions P/R/F1 before → after | typed P/R/F1 before → after |",
        "|---|---|---|---|",
    ]
    for s in [*scored, "pooled"]:
        r = rows[s]

        def fmt(x: tuple[float, float, float]) -> str:
            return "/".join(f"{v:.2f}" for v in x)

        out.append(
            f"| {s} | {r.get('threshold', '')} | {fmt(r['before']['adoptions'])} → "
            f"{fmt(r['after']['adoptions'])} | {fmt(r['before']['adoptions_typed'])} → "
            f"{fmt(r['after']['adoptions_typed'])} |"
        )
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
