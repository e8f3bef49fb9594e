"""Query parameters drawn from the generated graph, so each timed run asks something real
(`ParamSource`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from queries.registry import NamedQuery

Params = dict[str, Any]


class ParamSource:
    """Realistic, varied parameters drawn from the generated data's samples (seeded)."""

    def __init__(self, samples: dict[str, Any], seed: int) -> None:
        self.s = samples
        self.rng = random.Random(seed)
        inits = samples["initiatives_by_adopters"]
        self.popular = [x["id"] for x in inits[:10]]
        self.middle = [x["id"] for x in inits[10 : max(11, len(inits) // 3)]]
        self.tail = [x["id"] for x in inits[max(11, len(inits) // 3) :]] or self.middle
        self.adopters = {x["id"]: x["adopters"] for x in inits}

    def initiative(self) -> str:
        r = self.rng.random()
        pool = self.popular if r < 0.2 else self.middle if r < 0.6 else self.tail
        return self.rng.choice(pool or self.popular)

    def unit(self) -> str:
        r = self.rng.random()
        s = self.s
        if r < 0.05:
            return str(s["supreme"])
        key = (
            "high"
            if r < 0.15
            else "intermediate"
            if r < 0.35
            else "tribunal"
            if r < 0.5
            else "basic"
        )
        return str(self.rng.choice(s[key] or s["basic"]))

    def entity(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.unit()
        if r < 0.6:
            return self.initiative()
        if r < 0.8:
            return str(self.rng.choice(self.s["people"]))
        return str(self.rng.choice(self.s["organizations"]))

    def maybe(self, p: float, value: Callable[[], Any]) -> Any:
        return value() if self.rng.random() < p else None

    # one factory per named query; the variant names the case for the details table
    def q_adopters(self) -> tuple[str, Params]:
        i = self.initiative()
        params: Params = {"initiative": i}
        params["stage"] = self.maybe(
            0.25, lambda: self.rng.choice(["adopted", "piloted", "promoted"])
        )
        params["province"] = self.maybe(0.25, lambda: self.rng.choice(self.s["provinces"]))
        params["level"] = self.maybe(
            0.2, lambda: self.rng.choice(["basic", "intermediate", "tribunal"])
        )
        params["date_from"] = self.maybe(0.15, lambda: str(self.rng.randint(2015, 2023)))
        params["date_to"] = self.maybe(0.15, lambda: f"{self.rng.randint(2016, 2025)}-06")
        return ("popular" if i in self.popular else "other"), {k: v for k, v in params.items() if v}

    def q_adopted_by(self) -> tuple[str, Params]:
        return "unit", {"unit": self.unit()}

    def q_learning_visits(self) -> tuple[str, Params]:
        # a unit's visits (anchored at it) or an initiative's (the index of the initiative)
        if self.rng.random() < 0.5:
            return "initiative", {"entity": self.initiative()}
        return "unit", {"entity": self.unit()}

    def q_hierarchy(self) -> tuple[str, Params]:
        return "unit", {"unit": self.unit()}

    def q_people(self) -> tuple[str, Params]:
        return "unit", {"unit": self.unit()}

    def q_neighbourhood(self) -> tuple[str, Params]:
        depth = 1 if self.rng.random() < 0.6 else 2
        params: Params = {"entity": self.entity(), "depth": depth}
        if self.rng.random() < 0.2:
            params["kinds"] = "Court,Initiative"
        return f"depth {depth}", params

    def q_path(self) -> tuple[str, Params]:
        a, b = self.rng.sample(self.s["basic"], 2)
        return "two basic courts", {"source": a, "target": b}

    def q_search(self) -> tuple[str, Params]:
        params: Params = {"q": self.rng.choice(self.s["search_words"])}
        if self.rng.random() < 0.2:
            params["kinds"] = self.rng.choice(["Court", "Initiative", "Court,Tribunal"])
        return "word", params

    def q_unit_outcomes(self) -> tuple[str, Params]:
        return "unit", {"unit": self.rng.choice(self.s["units_with_outcomes"])}

    def q_initiative_outcomes(self) -> tuple[str, Params]:
        pool = self.s["initiatives_with_outcomes"]
        i = self.initiative() if self.rng.random() < 0.5 or not pool else self.rng.choice(pool)
        return ("popular" if i in self.popular else "other"), {"initiative": i}

    def q_evidence(self) -> tuple[str, Params]:
        return "fact", {"fact_id": self.rng.choice(self.s["fact_ids"])}

    def q_coverage(self) -> tuple[str, Params]:
        r = self.rng.random()
        i = self.initiative()
        if r < 0.5:
            return "high court", {"initiative": i, "court": self.rng.choice(self.s["high"])}
        if r < 0.75:
            return "supreme, level=high", {
                "initiative": i,
                "court": self.s["supreme"],
                "level": "high",
            }
        return "intermediate court", {
            "initiative": i,
            "court": self.rng.choice(self.s["intermediate"]),
        }

    def q_top_initiatives(self) -> tuple[str, Params]:
        return "-", {}

    def q_latest_documents(self) -> tuple[str, Params]:
        return "-", {}

    def q_documents(self) -> tuple[str, Params]:
        return "entity", {"entity": self.entity()}

    def q_entity(self) -> tuple[str, Params]:
        return "entity", {"entity": self.entity()}

    def q_adopter_outcomes(self) -> tuple[str, Params]:
        i = self.initiative()
        return ("popular" if i in self.popular else "other"), {"initiative": i}

    def q_adoption_events(self) -> tuple[str, Params]:
        if self.rng.random() < 0.3:
            return "all initiatives", {}
        return "one initiative", {"initiative": self.initiative()}

    def q_initiatives(self) -> tuple[str, Params]:
        return "-", {}

    def q_unit_totals(self) -> tuple[str, Params]:
        return "-", {}

    def q_units(self) -> tuple[str, Params]:
        if self.rng.random() < 0.3:
            return "all provinces", {}
        return "one province", {"province": self.rng.choice(self.s["provinces"])}

    def q_adoption_summary(self) -> tuple[str, Params]:
        if self.rng.random() < 0.3:
            return "all initiatives", {}
        return "one initiative", {"initiative": self.initiative()}

    def q_superior_courts(self) -> tuple[str, Params]:
        if self.rng.random() < 0.3:
            return "all provinces", {}
        return "one province", {"province": self.rng.choice(self.s["provinces"])}

    def q_document(self) -> tuple[str, Params]:
        return "doc", {"doc": self.rng.choice(self.s["documents"])}

    def q_document_evidence(self) -> tuple[str, Params]:
        return "doc", {"doc": self.rng.choice(self.s["documents"])}

    def q_document_sources(self) -> tuple[str, Params]:
        return "ids", {"ids": self.rng.choice(self.s["document_lists"])}

    def q_fact(self) -> tuple[str, Params]:
        return "fact", {"fact_id": self.rng.choice(self.s["fact_ids"])}

    def generic(self, query: NamedQuery) -> tuple[str, Params]:
        """For a query added after this benchmark: fill required parameters by type."""
        params: Params = {}
        for p in query.params:
            if not p.required:
                continue
            if p.type == "entity":
                params[p.name] = (
                    self.initiative()
                    if p.label == "Initiative"
                    else self.unit()
                    if p.label in ("Court", "Tribunal")
                    else self.entity()
                )
            elif p.name == "fact_id":
                params[p.name] = self.rng.choice(self.s["fact_ids"])
            elif p.name in ("doc", "doc_id", "document"):
                params[p.name] = self.rng.choice(self.s["documents"])
            elif p.name in ("ids", "doc_ids"):
                params[p.name] = self.rng.choice(self.s["document_lists"])
            elif p.name == "province":
                params[p.name] = self.rng.choice(self.s["provinces"])
            elif p.type in ("text", "search"):
                params[p.name] = self.rng.choice(self.s["search_words"])
            elif p.type == "int":
                params[p.name] = p.default if p.default is not None else p.minimum or 1
            elif p.type == "choice":
                params[p.name] = self.rng.choice(p.choices)
            elif p.type == "date":
                params[p.name] = "2020"
            elif p.type == "labels":
                params[p.name] = "Court"
            elif p.type == "bool":
                params[p.name] = True
        return "generic", params

    def draw(self, query: NamedQuery) -> tuple[str, Params]:
        factory = getattr(self, f"q_{query.name}", None)
        if factory is None:
            return self.generic(query)
        result: tuple[str, Params] = factory()
        return result
