"""What the learned models of `ingest.learned` share when they are trained and measured.

Each `benchmarks.learn_KIND` command turns the rules' proposals on annotated articles into
examples (named features, right or wrong by the shared scorer's matching), measures a model by
leaving one annotated set out at a time (trained on the others, scored on the one left out, the
five out-of-fold predictions pooled) and, with `--write`, trains on every training set and
writes data/KIND_model.json. The sets are those of `benchmarks.extraction` (`--set`,
`--extra NAME=DIR`); the shared corpus's sets the rules were written from are training sets
only, never a set scored, and the held-out set is neither.

Training needs scikit-learn (requirements-dev.txt); applying a model does not.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import extraction as bx
from ingest.learned import LinearModel

#: sets of the shared corpus that are only ever trained on (the rules were written from them)
TRAIN_ONLY = ("seeds", "seen", "develop")


@dataclass
class Article:
    """One annotated article: its set, file stem, what the rules extracted, and the gold."""

    set_name: str
    stem: str
    extraction: Any  # ingest.document.Extraction
    gold: dict[str, Any]


@dataclass
class Example:
    """One proposal turned into a training example."""

    features: dict[str, float]
    right: bool
    set_name: str = ""
    key: Any = None  # what the learner needs to find the fact again
    extra: dict[str, Any] = field(default_factory=dict)
    weight: float = 1.0  # how much the example counts in training (sample weight)


def arguments(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--corpus", type=Path, default=bx.default_corpus())
    ap.add_argument("--set", action="append", default=[], help="a shared set to train on")
    ap.add_argument("--extra", action="append", default=[], help="NAME=DIR of an annotated set")
    ap.add_argument("--write", action="store_true", help="train on all sets, write the model")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    return ap


def sets_from(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """(every set to train on, the sets scored one at a time): the extra sets are scored,
    the shared sets only trained on; the held-out set is refused."""
    for spec in args.extra:
        name, sep, folder = spec.partition("=")
        if not sep or not name or name in (*bx.SETS, *bx.GROUPS) or not Path(folder).is_dir():
            raise SystemExit(f"Error: --extra wants NAME=DIR with a new name and a folder: {spec}")
        bx.EXTRA[name] = Path(folder)
    shared = [m for s in args.set for m in bx.members(s)]
    if "heldout" in shared:
        raise SystemExit("Error: the held-out set is never trained on")
    return list(dict.fromkeys([*shared, *bx.EXTRA])), list(bx.EXTRA)


def load(corpus: Path, set_names: Sequence[str]) -> list[Article]:
    """Every article of the sets, extracted from a copy without its sidecar (dates from the
    text alone, as `benchmarks.extraction` does), with its gold."""
    import json

    from ingest.extract import extract_document
    from ingest.readers import read_document

    out = []
    with tempfile.TemporaryDirectory(prefix="courtgraph-learn-") as tmp:
        for name in set_names:
            files, gold_dir = bx.paths(corpus, name)
            for f in files:
                copy = Path(tmp) / f.name
                shutil.copyfile(f, copy)
                ex = extract_document(read_document(copy))
                gold = json.loads((gold_dir / f"{f.stem}.json").read_text(encoding="utf-8"))
                out.append(Article(name, f.stem, ex, gold))
    return out


def folds(scored: Sequence[str]) -> Iterator[tuple[str, list[str]]]:
    """(the set left out, the scored sets trained on) for each scored set."""
    for left in scored:
        yield left, [s for s in scored if s != left]


def fit(
    examples: Sequence[Example], *, c: float = 1.0, name: str = "", threshold: float = 0.5
) -> LinearModel:
    """An L2 logistic regression over the examples' named features (scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len({e.right for e in examples}) < 2:
        raise ValueError("need right and wrong examples to learn from")
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform([e.features for e in examples])
    y = [int(e.right) for e in examples]
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y, sample_weight=[e.weight for e in examples])
    weights = {
        f: round(float(w), 6)
        for f, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) > 1e-9
    }
    return LinearModel(name, weights, round(float(clf.intercept_[0]), 6), threshold)


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(
    scored: Sequence[tuple[float, bool]],
    gold: int,
    *,
    grid: Sequence[float] = tuple(x / 20 for x in range(1, 20)),
) -> float:
    """The threshold on probability that maximises F1 of the kept facts against `gold`
    facts in all (on the TRAINING folds' out-of-fold scores: never the fold being scored)."""

    def f1(t: float) -> float:
        kept = [r for p, r in scored if p >= t]
        return prf(sum(kept), len(kept), gold)[2]

    return max(grid, key=lambda t: (round(f1(t), 6), t))


def bands(scored: Sequence[tuple[float, bool]]) -> list[tuple[str, int, float | None]]:
    """(band, facts, share right) for probabilities < 0.5, 0.5–0.8 and ≥ 0.8."""
    rows = []
    for lo, hi in bx.BANDS:
        band = [r for p, r in scored if lo <= p < hi]
        rows.append(
            (f"{lo:.1f}–{min(hi, 1.0):.1f}", len(band), sum(band) / len(band) if band else None)
        )
    return rows


@dataclass
class CrossValidation:
    """Out-of-fold probabilities per scored set, and the threshold each fold chose without
    looking at the set it scores."""

    scores: dict[str, list[tuple[float, bool]]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)

    def kept(self, set_name: str) -> list[bool]:
        """Right or wrong, for each fact the fold's model keeps in the set left out."""
        t = self.thresholds.get(set_name, 0.5)
        return [r for p, r in self.scores[set_name] if p >= t]


def cross_validate(
    by_set: Mapping[str, Sequence[Example]],
    scored: Sequence[str],
    gold_of: Callable[[str], int],
    *,
    c: float = 1.0,
) -> CrossValidation:
    """For each scored set left out: a model trained on every other set (the shared training
    sets included) scores its examples, at a threshold chosen by an inner leave-one-set-out
    over the other scored sets only. `gold_of(set)`: the gold facts of that kind in the set
    (found or not), for F1."""
    cv = CrossValidation()
    for left, others in folds(scored):
        train = [e for s, ex in by_set.items() if s != left for e in ex]
        model = fit(train, c=c)
        cv.scores[left] = [(model.probability(e.features), e.right) for e in by_set[left]]
        inner: list[tuple[float, bool]] = []
        for left2, _ in folds(others):
            t2 = [e for s, ex in by_set.items() if s not in (left, left2) for e in ex]
            m2 = fit(t2, c=c)
            inner += [(m2.probability(e.features), e.right) for e in by_set[left2]]
        cv.thresholds[left] = best_threshold(inner, sum(gold_of(s) for s in others))
    return cv
