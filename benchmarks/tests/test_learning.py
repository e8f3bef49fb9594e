"""Training and cross-validating the learned models (needs scikit-learn, a dev dependency)."""

from __future__ import annotations

import random

import pytest

from benchmarks.learning import Example, best_threshold, cross_validate, fit, folds, prf

pytest.importorskip("sklearn", reason="scikit-learn (requirements-dev.txt) trains the models")


def _examples(n: int, seed: int, set_name: str) -> list[Example]:
    """Facts right when 'cue' is present, wrong when 'noise' is, with some label noise."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        cue = rnd.random() < 0.5
        feats = {"cue": 1.0} if cue else {"noise": 1.0}
        right = cue if rnd.random() < 0.9 else not cue
        out.append(Example(feats, right, set_name))
    return out


def test_fit_learns_the_sign_of_each_feature() -> None:
    m = fit(_examples(300, 1, "a"))
    assert m.weights["cue"] > 0 > m.weights["noise"]
    assert m.probability({"cue": 1.0}) > 0.75 > 0.25 > m.probability({"noise": 1.0})


def test_fit_counts_each_example_by_its_weight() -> None:
    # the same feature right 20 times at weight 1 and wrong 20 times: the weight decides
    right = [Example({"a": 1.0}, True) for _ in range(20)]
    heavy = fit([*right, *(Example({"a": 1.0}, False, weight=3.0) for _ in range(20))])
    light = fit([*right, *(Example({"a": 1.0}, False, weight=0.2) for _ in range(20))])
    assert heavy.probability({"a": 1.0}) < 0.5 < light.probability({"a": 1.0})


def test_fit_refuses_one_class() -> None:
    with pytest.raises(ValueError):
        fit([Example({"a": 1.0}, True)] * 5)


def test_best_threshold_maximises_f1() -> None:
    scored = [(0.9, True), (0.8, True), (0.6, False), (0.55, False), (0.3, True)]
    # keeping the two above 0.6 gives 2 right of 2 kept against 3 gold: F1 0.8, better than
    # any other cut; of equally good cuts the highest (the most precise) is taken
    t = best_threshold(scored, gold=3)
    assert 0.6 < t <= 0.8 and t == max(x / 20 for x in range(1, 20) if x / 20 <= 0.8)
    assert prf(2, 2, 3)[2] == pytest.approx(0.8)


def test_folds_leave_each_set_out_once() -> None:
    assert list(folds(["V", "W", "X"])) == [("V", ["W", "X"]), ("W", ["V", "X"]), ("X", ["V", "W"])]


def test_cross_validation_scores_each_set_with_a_model_that_never_saw_it() -> None:
    by_set = {s: _examples(120, i, s) for i, s in enumerate(["seeds", "V", "W", "X"])}
    by_set["seeds"] = _examples(600, 9, "seeds")  # a training-only set outweighs one odd set
    # a set whose labels are the opposite: its own model would fit it, the others' cannot
    flipped = [Example(e.features, not e.right, "X") for e in by_set["X"]]
    by_set["X"] = flipped
    cv = cross_validate(by_set, ["V", "W", "X"], gold_of=lambda s: sum(e.right for e in by_set[s]))
    assert set(cv.scores) == {"V", "W", "X"} and set(cv.thresholds) == {"V", "W", "X"}

    def separation(name: str) -> float:  # mean probability of right facts minus wrong ones'
        right = [p for p, r in cv.scores[name] if r]
        wrong = [p for p, r in cv.scores[name] if not r]
        return sum(right) / len(right) - sum(wrong) / len(wrong)

    assert separation("V") > 0.4 and separation("W") > 0.4
    assert separation("X") < -0.4  # scored by models that learned the other sets' pattern
    assert all(0.0 < t < 1.0 for t in cv.thresholds.values())
