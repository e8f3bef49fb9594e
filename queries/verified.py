"""Review status in answers: how many facts behind a table, a figure or a briefing are
unverified, and answers drawn from verified facts only (used by the pages, the figures and
the command lines alike).

A fact (an ADOPTED or REPORTED relationship) is verified when a reviewer confirmed or
corrected it (`review_status` confirmed / corrected, graph.review); without a decision it is
待核实 (extracted). Rejected facts are no longer in the graph. Every figure and briefing
counts the facts it is drawn from and says how many are unverified (`FactCheck.note`); with
`verified_only` it is drawn from verified facts only and says how many it left out.

    >>> FactCheck(facts=12, unverified=9).note()
    '共 12 条事实，其中 9 条尚未核实'
    >>> FactCheck(facts=12, unverified=9, verified_only=True).note()
    '仅含已核实的 3 条事实（另有 9 条尚未核实，未计入）'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.store import GraphStore

VERIFIED = frozenset({"confirmed", "corrected"})


def is_verified(status: str | None) -> bool:
    """Whether a reviewer confirmed or corrected the fact (missing status: not verified)."""
    return status in VERIFIED


@dataclass(frozen=True)
class FactCheck:
    """The facts behind a figure: how many, how many of them not verified, and whether the
    figure leaves those out (`verified_only`)."""

    facts: int = 0
    unverified: int = 0
    verified_only: bool = False

    @classmethod
    def of(cls, statuses: Iterable[str | None], *, verified_only: bool = False) -> FactCheck:
        """Counted from the statuses of every fact behind a figure (before any filtering)."""
        all_ = list(statuses)
        return cls(len(all_), sum(not is_verified(s) for s in all_), verified_only)

    def __add__(self, other: FactCheck) -> FactCheck:
        return FactCheck(
            self.facts + other.facts,
            self.unverified + other.unverified,
            self.verified_only or other.verified_only,
        )

    @property
    def verified(self) -> int:
        return self.facts - self.unverified

    def note(self) -> str:
        """The phrase a footnote or a slide's notes carry ('' for a figure without facts)."""
        if self.verified_only:
            if self.unverified:
                return (
                    f"仅含已核实的 {self.verified} 条事实（另有 {self.unverified} 条尚未核实，"
                    "未计入）"
                )
            return f"仅含已核实的 {self.verified} 条事实"
        if not self.facts:
            return ""
        if self.unverified:
            return f"共 {self.facts} 条事实，其中 {self.unverified} 条尚未核实"
        return f"{self.facts} 条事实均已核实"


@dataclass
class InitiativeFacts:
    """The review status of every fact about one initiative (named query
    `initiative_fact_status`): adoptions by fact id, and each figure tied to it by the fact id
    of the unit's REPORTED (with the status of the figure's link to the initiative)."""

    adoptions: dict[str, dict[str, Any]] = field(default_factory=dict)
    outcomes: dict[str, dict[str, Any]] = field(default_factory=dict)

    def adoption_status(self, fact_id: str | None) -> str:
        row = self.adoptions.get(fact_id or "")
        return row["status"] if row else "extracted"

    def adoption_verified(self, fact_id: str | None) -> bool:
        return is_verified(self.adoption_status(fact_id))

    def outcome_statuses(self, fact_id: str | None) -> tuple[str, str]:
        """(the unit's REPORTED, the figure's link to the initiative): two facts."""
        row = self.outcomes.get(fact_id or "")
        return (row["status"], row["link_status"]) if row else ("extracted", "extracted")

    def outcome_verified(self, fact_id: str | None) -> bool:
        return all(is_verified(s) for s in self.outcome_statuses(fact_id))

    def by_unit(self, *, verified_only: bool = False) -> dict[str, list[dict[str, Any]]]:
        """unit id -> its adoptions (stage, date, status), the unverified left out when
        `verified_only`."""
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.adoptions.values():
            if verified_only and not is_verified(row["status"]):
                continue
            out.setdefault(row["unit_id"], []).append(row)
        return out

    def doc_ids(self, fact_ids: Iterable[str | None]) -> list[str]:
        """The documents behind these facts (adoptions or figures), in their order, once."""
        out: dict[str, None] = {}
        for f in fact_ids:
            row = self.adoptions.get(f or "") or self.outcomes.get(f or "")
            for d in (row or {}).get("doc_ids") or ():
                out.setdefault(d, None)
        return list(out)


def initiative_facts(store: GraphStore, initiative_id: str) -> InitiativeFacts:
    """The review status of every adoption of and figure tied to `initiative_id` (an id)."""
    from queries.registry import run

    facts = InitiativeFacts()
    for r in run(store, "initiative_fact_status", {"initiative": initiative_id}).rows:
        if r["type"] == "ADOPTED":
            facts.adoptions[r["fact_id"]] = r
        else:
            facts.outcomes[r["fact_id"]] = r
    return facts
