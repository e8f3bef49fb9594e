"""The learned adoption model: its features, how it decides, and the file it ships in."""

from __future__ import annotations

import importlib.util

import pytest

import ingest.adoption_model as am
from ingest.confidence import apply
from ingest.document import SourceDocument
from ingest.extract import ADOPTION_RULES, extract_document
from ingest.learned import LinearModel, load_model, model_path

#: invented sentences (real places, so that the courts resolve)
ONE = "辽宁省本溪市中级人民法院推行诉源治理。"
VISIT = "本溪市平山区人民法院到本溪市明山区人民法院考察诉源治理工作。\n本溪市明山区人民法院推行繁简分流改革。"
TWO = "本溪市平山区人民法院推行繁简分流改革，本溪市明山区人民法院也有诉源治理。"


def _extract(text: str, monkeypatch: pytest.MonkeyPatch, model: LinearModel | None = None):
    monkeypatch.setattr(am, "shipped", lambda: model)
    return extract_document(SourceDocument(path="t.txt", text=text))


def _known(name: str) -> bool:
    return name in am.FEATURES or name.startswith("rule=")


def test_features_of_a_court_that_deploys_an_initiative(monkeypatch) -> None:
    ex = _extract(ONE, monkeypatch)
    (a,) = ex.adoptions
    (f,) = am.features(ex)
    assert f["rule=" + a.rule] == 1.0 and f["relation=adopted"] == 1.0
    for name in ("unit_in_sentence", "unit_before", "dist<=5", "cue_between:deploy"):
        assert f[name] == 1.0, name
    assert f["level=intermediate"] == f["main_court"] == f["only_court"] == 1.0
    assert f["where=lead"] == f["courts_in_sentence=1"] == f["inits_in_sentence=1"] == 1.0
    assert 0.0 < f["rule_prior"] < 1.0
    assert "unit_far" not in f and "candidate" not in f
    assert all(_known(k) for k in f)


def test_cue_words_between_the_court_and_the_initiative(monkeypatch) -> None:
    ex = _extract(VISIT, monkeypatch)
    feats = dict(zip(((a.unit, a.initiative) for a in ex.adoptions), am.features(ex), strict=True))
    visited = feats[("辽宁省本溪市明山区人民法院", "诉源治理")]
    assert visited["cue_between:visit"] == 1.0 and visited["courts_in_sentence=2"] == 1.0
    own = feats[("辽宁省本溪市明山区人民法院", "繁简分流")]
    assert "cue_between:visit" not in own and own["cue_between:deploy"] == 1.0
    assert own["where=body"] == 1.0 and own["unit_mentions=2-3"] == 1.0


def test_the_model_decides_as_its_weights_say(monkeypatch) -> None:
    keep = LinearModel("adoption", {"cue_between:deploy": 3.0}, intercept=-1.0, threshold=0.5)
    ex = _extract(ONE, monkeypatch, keep)
    (a,) = ex.adoptions
    assert a.confidence == pytest.approx(keep.probability({"cue_between:deploy": 1.0}), abs=1e-3)
    assert a.rule == "adoption:subject", "the rule that proposed it stays its provenance"
    drop = LinearModel("adoption", {"cue_between:deploy": -3.0}, intercept=1.0, threshold=0.5)
    assert _extract(ONE, monkeypatch, drop).adoptions == []
    # the floor switched off (as when rules are measured) keeps what the model would drop
    ex = _extract(ONE, monkeypatch)
    monkeypatch.setattr(am, "shipped", lambda: drop)
    apply(ex, floor={})
    assert ex.adoptions and ex.adoptions[0].confidence < 0.5


def test_the_threshold_replaces_the_default_floor(monkeypatch) -> None:
    weights = {"cue_between:deploy": 1.0}
    p = LinearModel("adoption", weights).probability({"cue_between:deploy": 1.0})
    low = LinearModel("adoption", weights, threshold=p - 0.01)
    high = LinearModel("adoption", weights, threshold=p + 0.01)
    assert len(_extract(ONE, monkeypatch, low).adoptions) == 1
    assert _extract(ONE, monkeypatch, high).adoptions == []


def test_pairs_no_rule_proposed(monkeypatch) -> None:
    ex = _extract(TWO, monkeypatch)
    proposed = {(a.unit, a.initiative) for a in ex.adoptions}
    pairs = am.propose_pairs(ex)
    assert pairs and all((a.unit, a.initiative) not in proposed for a in pairs)
    assert ("辽宁省本溪市平山区人民法院", "诉源治理") in {(a.unit, a.initiative) for a in pairs}
    assert all(a.rule == am.PAIR_RULE and a.evidence for a in pairs)
    feats = am.pair_features(ex, pairs)
    assert all(f["source=pair"] == 1.0 and all(_known(k) for k in f) for f in feats)


def test_the_shipped_model_is_well_formed() -> None:
    model = load_model("adoption", str(model_path("adoption")))
    assert model is not None and model.name == "adoption"
    assert 0.0 < model.threshold < 1.0
    rules = {f"rule={r}" for r in ADOPTION_RULES} | {"rule=adoption:other"}
    unknown = [k for k in model.weights if k not in am.FEATURES and k not in rules]
    assert unknown == [], "every weight is a feature the code computes"
    trained = model.about["trained_on"]
    assert {"V", "W", "X", "Y", "Z"} <= set(trained)
    assert not {"heldout", "AA", "AB", "AC"} & set(trained), "never the test sets"
    assert set(model.about["cv_p_r_f1"]) >= {"V", "W", "X", "Y", "Z", "pooled"}


@pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None,
    reason="training needs scikit-learn (requirements-dev.txt)",
)
def test_training_on_a_tiny_synthetic_set() -> None:
    from benchmarks import learn_adoptions as la
    from benchmarks import learning as bl

    def ex(s: str, i: int, right: bool) -> bl.Example:
        f = {"dist<=5": 1.0} if right else {"cue_sentence:speech": 1.0}
        return bl.Example(
            f, right, s, (f"{i}", "甲法院", f"X{i}", "adopted"), {"rule_confidence": 0.5}
        )

    sets = ["seeds", "V", "W", "X"]
    exs = [ex(s, i, i % 3 != 0) for s in sets for i in range(12)]
    gold = {
        s: {
            "edges": {e.key[:-1] for e in exs if e.set_name == s and e.right},
            "typed": {e.key for e in exs if e.set_name == s and e.right},
        }
        for s in sets
    }
    by_set = la.weighted(exs, sets, ["V", "W", "X"])
    assert by_set["seeds"][0].weight == pytest.approx(1.0)  # no bigger than one scored set
    cv = bl.cross_validate(by_set, ["V", "W", "X"], lambda s: len(gold[s]["edges"]))
    rows = la.measure(by_set, cv, gold, ["V", "W", "X"], 0.25)
    assert rows["pooled"]["before"]["adoptions"][0] == pytest.approx(8 / 12)
    assert rows["pooled"]["after"]["adoptions"] == pytest.approx((1.0, 1.0, 1.0))
    model = bl.fit(exs)
    assert model.weights["dist<=5"] > 0 > model.weights["cue_sentence:speech"]


def test_shared_sets_weigh_as_much_as_one_scored_set() -> None:
    from benchmarks import learn_adoptions as la
    from benchmarks import learning as bl

    exs = [bl.Example({}, True, "seeds") for _ in range(30)]
    exs += [bl.Example({}, True, s) for s in ("V", "W") for _ in range(6)]
    by_set = la.weighted(exs, ["seeds", "V", "W"], ["V", "W"])
    assert by_set["seeds"][0].weight == pytest.approx(6 / 30)
    assert by_set["V"][0].weight == 1.0
