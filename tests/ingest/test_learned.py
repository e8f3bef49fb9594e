"""The linear models learned from annotated articles, as applied at run time."""

from __future__ import annotations

import json

import pytest

from ingest.learned import LinearModel, load_model


def test_probability_follows_the_weights() -> None:
    m = LinearModel("t", {"quoted": 1.5, "far": -2.0}, intercept=-0.5, threshold=0.5)
    assert m.probability({"quoted": 1.0}) > 0.5 > m.probability({})
    assert m.probability({"quoted": 1.0, "far": 1.0}) < m.probability({"quoted": 1.0})
    assert m.accepts({"quoted": 1.0}) and not m.accepts({"quoted": 1.0, "far": 1.0})


def test_unknown_features_weigh_nothing() -> None:
    m = LinearModel("t", {"a": 1.0}, intercept=0.25)
    assert m.score({"never-trained": 5.0}) == 0.25


def test_extreme_scores_do_not_overflow() -> None:
    m = LinearModel("t", {"a": 1.0})
    assert m.probability({"a": 1e6}) == 1.0
    assert m.probability({"a": -1e6}) == 0.0


def test_round_trip_through_json(tmp_path) -> None:
    m = LinearModel("t", {"b": -1.0, "a": 2.0}, 0.1, 0.35, {"trained_on": {"V": 22}})
    p = tmp_path / "t_model.json"
    p.write_text(json.dumps(m.to_json()), encoding="utf-8")
    back = load_model("t", str(p))
    assert back == m


def test_missing_model_means_rules_alone(tmp_path) -> None:
    assert load_model("t", str(tmp_path / "absent.json")) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"intercept": 0.0},  # no weights
        {"weights": {"a": "x"}},
        {"weights": {"a": float("nan")}},
        {"weights": {}, "threshold": 1.5},
    ],
)
def test_malformed_model_file_names_the_file(tmp_path, bad) -> None:
    p = tmp_path / "bad_model.json"
    p.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="bad_model.json"):
        load_model("bad", str(p))
