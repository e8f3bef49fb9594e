"""Learning visits (LEARNED_FROM, ingest.visits): who learned from whom, about what, when.

For a unit: the courts it went to learn from (`learned_from`) and those that came to learn
from it (`hosted`); for an initiative: every visit about it (`about`), the trace a
researcher follows from a pilot court to the courts that studied it. One Cypher text for
both: the unit's branches anchor at the unit; the initiative's reads the visits by their
`initiative` (a name) in the index of it (graph.dialect.INDEXED_PROPERTIES), given the
initiative's name and aliases (`$initiative_names`, read by the plan; none for a unit), so
it also finds visits written under a name the initiative has since been renamed from.
"""

from __future__ import annotations

from typing import Any

from graph.model import label_of
from graph.store import GraphStore
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
from queries.registry import NamedQuery, Param, Plan, register

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
MATCH (v)-[r:LEARNED_FROM]->(h)
WHERE r.initiative IN $initiative_names
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


def _initiative_names(store: GraphStore, params: dict[str, Any]) -> Plan:
    """The names a visit about the entity may give its initiative: the initiative's name and
    aliases; none when the entity is no initiative (a unit: its own branches answer)."""
    entity = str(params.get("entity") or "")
    try:
        kind = label_of(entity)
    except ValueError:
        kind = None
    names: list[str] = []
    if kind == "Initiative":
        for row in store.read(
            "MATCH (i:Entity {id: $id}) RETURN i.name AS name, i.aliases AS aliases",
            {"id": entity},
        ):
            names = [n for n in dict.fromkeys([row["name"], *(row["aliases"] or [])]) if n]
    return Plan(params={"initiative_names": names})


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
        description="法院之间的学习考察（LEARNED_FROM）：对一个单位，列出它赴其他法院学习考察"
        "（方向 learned_from，向…学习）和其他法院来它这里学习考察（hosted，接待…学习考察）；"
        "对一项举措，列出就这项举措进行的每次学习考察（about），即从试点法院到学习单位的扩散"
        "路径。每个学习单位、被学习单位和学习内容一行（原文未写明学习内容时为空），附最早日期、"
        "文档、置信度（学习考察尚无标注可校准，为规则的先验估计）和核实状态；句子见 evidence "
        "查询。",
        cypher=_text(),
        params=(
            Param(
                "entity",
                "entity",
                "法院/单位或改革举措",
                required=True,
                help="法院、法庭或举措的 id 或名称，例如 大连中院 或 一站式多元解纷机制",
            ),
            COLLECTIONS,
            VERIFIED,
        ),
        plan=_initiative_names,
        planned=("initiative_names",),
        row_limit=20_000,
        headers={"visitor": "学习单位", "host": "被学习单位", "initiative": "学习内容"},
        postprocess=_ordered,
    )
)
