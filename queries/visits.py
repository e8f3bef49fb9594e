"""Learning visits (LEARNED_FROM, ingest.visits): who learned from whom, about what, when.

For a unit: the courts it went to learn from (`learned_from`) and those that came to learn
from it (`hosted`); for an initiative: every visit about it (`about`), the trace a
researcher follows from a pilot court to the courts that studied it. One Cypher text for
both (its branches anchor at the entity; the initiative's branch reads the visits by their
`initiative`, a name, so it also finds those written under an alias the initiative keeps).
"""

from __future__ import annotations

from typing import Any

from queries.columns import VISIT_DIRECTION_ZH
from queries.library import (
    COLLECTIONS,
    FACT_CONFIDENCE,
    VERIFIED,
    docs_in_collections,
    in_collections,
    is_verified,
    status_of,
)
from queries.registry import NamedQuery, Param, register

#: the direction of a visit from the entity asked about, in Chinese: learned_from (the unit
#: went to learn from the host), hosted (the unit received the visitor), about (a visit about
#: the initiative); the tables' words (queries.columns.shown_row)
DIRECTION_ZH = VISIT_DIRECTION_ZH

VISIT_COLUMNS = (
    "direction",
    "visitor_id",
    "visitor",
    "host_id",
    "host",
    "initiative",
    "date",
    "date_precision",
    "documents",
    "doc_ids",
    *FACT_CONFIDENCE,
    "status",
    "fact_id",
)

_RETURN = """RETURN DIRECTION AS direction, v.id AS visitor_id, v.name AS visitor, h.id AS host_id,
       h.name AS host, r.initiative AS initiative, r.date AS date,
       r.date_precision AS date_precision, size(DOCS) AS documents, DOCS AS doc_ids,
       r.confidence AS confidence, r.rules AS rules, STATUS AS status, r.fact_id AS fact_id"""

_CYPHER = """
MATCH (v:Entity {id: $entity})-[r:LEARNED_FROM]->(h:Entity)
WHERE IN_COLLECTIONS AND VERIFIED
RETURN_LEARNED
UNION ALL
MATCH (h:Entity {id: $entity})<-[r:LEARNED_FROM]-(v:Entity)
WHERE IN_COLLECTIONS AND VERIFIED
RETURN_HOSTED
UNION ALL
MATCH (i:Entity {id: $entity})
WHERE i.kind = 'Initiative'
MATCH (v:Entity)-[r:LEARNED_FROM]->(h:Entity)
WHERE (r.initiative = i.name OR r.initiative IN coalesce(i.aliases, []))
  AND IN_COLLECTIONS AND VERIFIED
RETURN_ABOUT
"""


def _text() -> str:
    text = _CYPHER
    for name, direction in (
        ("LEARNED", "learned_from"),
        ("HOSTED", "hosted"),
        ("ABOUT", "about"),
    ):
        text = text.replace(f"RETURN_{name}", _RETURN.replace("DIRECTION", f"'{direction}'"))
    return (
        text.replace("IN_COLLECTIONS", in_collections("r"))
        .replace("DOCS", docs_in_collections("r"))
        .replace("VERIFIED", is_verified("r"))
        .replace("STATUS", status_of("r"))
    )


def _ordered(rows: list[dict[str, Any]], _params: Any = None) -> list[dict[str, Any]]:
    """In the order of the visits' dates (undated last), then visitor, host and initiative."""
    return sorted(
        rows,
        key=lambda r: (
            r["date"] is None,
            r["date"] or "",
            r["visitor"] or "",
            r["host"] or "",
            r["initiative"] or "",
        ),
    )


LEARNING_VISITS = register(
    NamedQuery(
        name="learning_visits",
        title="学习考察（谁向谁学习）",
        description="Learning visits between courts (LEARNED_FROM): for a unit, the courts it "
        "went to learn from (direction learned_from, 向…学习) and those that came to learn from "
        "it (hosted, 接待…学习考察); for an initiative, every visit about it (about), the "
        "diffusion trace from pilot to spread. One row per visitor, host and initiative "
        "studied (empty when the text names none), with its first date, documents, "
        "confidence and review status; the evidence query shows its sentences.",
        cypher=_text(),
        params=(
            Param(
                "entity",
                "entity",
                "法院/单位或改革举措",
                required=True,
                help="法院、法庭或举措的 id 或名称, e.g. 大连中院 或 一站式多元解纷机制",
            ),
            COLLECTIONS,
            VERIFIED,
        ),
        row_limit=20_000,
        headers={"visitor": "学习单位", "host": "被学习单位", "initiative": "学习内容"},
        postprocess=_ordered,
    )
)
