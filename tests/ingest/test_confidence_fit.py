"""Fitting the confidence table (benchmarks.extraction): adding the rules a fitted table lacks."""

from __future__ import annotations

from typing import Any

from benchmarks.extraction import add_rules, main
from ingest.confidence import confidence


def _facts(kind: str, rule: str, right: int, wrong: int) -> list[dict[str, Any]]:
    return [{"kind": kind, "rule": rule, "right": i < right} for i in range(right + wrong)]


def _table() -> dict[str, Any]:
    return {
        "sets": ["A"],
        "discount_sets": ["M"],
        "rules": {"link": {"*": {"n": 10, "tp": 6}, "link:sentence": {"n": 8, "tp": 5}}},
        "discount": {"link": 0.8},
        "unseen": {"link": {"link:sentence": {"n": 4, "tp": 2}}},
    }


def test_a_rule_written_after_the_fit_gets_its_own_record_and_the_rest_stays() -> None:
    table = _table()
    before = confidence("link", "link:since", table["rules"], table["discount"], table["unseen"])
    fitted = _facts("link", "link:since", 9, 0) + _facts("link", "link:sentence", 1, 9)
    unseen = _facts("link", "link:since", 1, 1) + _facts("link", "link:sentence", 5, 0)
    added = add_rules(table, fitted, unseen, ["AQ"], ["heldout"])
    assert added == {"link": ["link:since"]}
    # the new rule's counts on the fit sets and, where it has some, on the unseen ones
    assert table["rules"]["link"]["link:since"] == {"n": 9, "tp": 9}
    assert table["unseen"]["link"]["link:since"] == {"n": 2, "tp": 1}
    # a rule the table knows keeps its record, its kind its prior and discount
    assert table["rules"]["link"]["link:sentence"] == {"n": 8, "tp": 5}
    assert table["rules"]["link"]["*"] == {"n": 10, "tp": 6}
    assert table["unseen"]["link"]["link:sentence"] == {"n": 4, "tp": 2}
    assert table["discount"] == {"link": 0.8}
    assert table["sets"] == ["A"] and table["discount_sets"] == ["M"]
    assert table["added"] == [
        {
            "sets": ["AQ"],
            "discount_sets": ["heldout"],
            "kinds": None,
            "rules": {"link": ["link:since"]},
        }
    ]
    after = confidence("link", "link:since", table["rules"], table["discount"], table["unseen"])
    assert after > before  # nine right of nine lifts it above the unknown rule's default


def test_a_new_rule_mostly_wrong_falls_below_the_unknown_default() -> None:
    table = _table()
    before = confidence("link", "link:source", table["rules"], table["discount"], table["unseen"])
    add_rules(table, _facts("link", "link:source", 0, 4), [], ["AQ"], [])
    assert "link:source" not in table["unseen"]["link"]
    after = confidence("link", "link:source", table["rules"], table["discount"], table["unseen"])
    assert after < before


def test_only_the_kinds_asked_for_are_added() -> None:
    table = _table()
    fitted = _facts("link", "link:since", 3, 0) + _facts("adoption", "adoption:promoter", 1, 2)
    assert add_rules(table, fitted, [], ["AU"], [], ["link", "person"]) == {"link": ["link:since"]}
    assert "adoption" not in table["rules"]  # an adoption rule keeps the unknown rule's default
    assert table["added"][-1]["kinds"] == ["link", "person"]


def test_add_rules_without_fit_confidence_or_with_an_unknown_kind_is_refused(
    capsys: Any,
) -> None:
    assert main(["--add-rules", "link"]) == 1
    assert "--fit-confidence" in capsys.readouterr().err
    assert main(["--fit-confidence", "--add-rules", "links"]) == 1
    assert "adoption, person, outcome, link" in capsys.readouterr().err
