"""Small linear models learned from the annotated articles, applied in plain Python.

Hand-written rules propose facts; a model learned from annotated court news decides how likely
each proposal is to be right, from named, readable features (the proposing rule, distances,
cue words, counts). Training is a developer's step (`python -m benchmarks.learn_*`, with
scikit-learn); what ships is a JSON file in data/ holding each feature's weight, the
intercept, the decision threshold chosen by cross-validation across annotated sets, and what
it was trained on. Applying it needs nothing but this module: no scikit-learn and no pickle
at run time, so an installed courtgraph never loads code from a data file.

A model file looks like::

    {"name": "adoption", "intercept": -1.2, "threshold": 0.4,
     "weights": {"rule=adoption:subject-verb": 1.8, "same_sentence": 0.9},
     "about": {"trained_on": {...}, "cv": {...}, "date": "2026-12-06"}}

Example:
    >>> m = LinearModel("demo", {"a": 2.0, "b": -1.0}, intercept=0.0, threshold=0.5)
    >>> round(m.probability({"a": 1.0}), 3)
    0.881
    >>> m.accepts({"b": 1.0})
    False
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from courtgraph.resources import DATA

__all__ = ["LinearModel", "load_model", "model_path"]


@dataclass(frozen=True)
class LinearModel:
    """A logistic model over named features: P(right) = σ(intercept + Σ weight·value)."""

    name: str
    weights: Mapping[str, float]
    intercept: float = 0.0
    threshold: float = 0.5
    about: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        """The linear score; features the model does not know weigh nothing."""
        w = self.weights
        return self.intercept + sum(w.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.score(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def accepts(self, features: Mapping[str, float]) -> bool:
        """Whether a fact with these features is kept (its probability reaches the threshold)."""
        return self.probability(features) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
            "about": dict(self.about),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        """Read a model file's content; a malformed one raises ValueError naming the fault."""
        try:
            weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}
            intercept = float(data.get("intercept", 0.0))
            threshold = float(data.get("threshold", 0.5))
        except (KeyError, TypeError, ValueError) as e:
            raise ValueError(f"not a model file: {e!r}") from e
        if not all(math.isfinite(x) for x in (intercept, threshold, *weights.values())):
            raise ValueError("not a model file: a weight is not a finite number")
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"not a model file: threshold {threshold} outside [0, 1]")
        return cls(
            name=str(data.get("name", "")),
            weights=weights,
            intercept=intercept,
            threshold=threshold,
            about=dict(data.get("about", {})),
        )


def model_path(name: str) -> Path:
    """Where the shipped model `name` lives (data/NAME_model.json)."""
    return DATA / f"{name}_model.json"


@lru_cache(maxsize=8)
def load_model(name: str, path: str | None = None) -> LinearModel | None:
    """The model `name` (from `path`, default data/NAME_model.json); None when there is none,
    so the rules alone decide, as they did before any model was trained."""
    p = Path(path) if path else model_path(name)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return LinearModel.from_json(json.loads(text))
    except (json.JSONDecodeError, ValueError) as e:
        raise ValueError(f"{p}: {e}") from e
