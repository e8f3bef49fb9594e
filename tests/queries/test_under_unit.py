"""The tables under a unit (`unit_portfolio`, `outcomes_under`, `people_under`) stop reading at
their row limit on the server, and answer as the texts they replace did wherever the answer
fits (a generated court tree, with reviewed facts for 只看已核实)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore
from queries import run
from queries.explore import OUTCOME_COLUMNS, _by_depth_and_unit, _figure_rows
from queries.library import is_verified as _verified
from queries.library import mark_conflicts, scope_of
from queries.registry import _unpack, get, prepared
from queries.verified import is_verified

NAMES = ("unit_portfolio", "outcomes_under", "people_under")

# the texts before the change: the unit's own facts and those of the units under it in two
# branches, every row collected on the server and cut at the row limit by the client
_OLD_PORTFOLIO = """
MATCH (c:Entity {id: $unit})-[a:ADOPTED]->(i:Initiative)
WHERE VERIFIED
RETURN collect([c.id, c.name, c.level, 0, i.id, i.name, i.category,
                coalesce(i.candidate, false), a.stage, a.date, a.fact_id,
                coalesce(a.review_status, 'extracted'), a.doc_ids, a.date_precision]) AS packed
UNION ALL
MATCH (c:Entity {id: $unit})
MATCH p = (c)<-[:PART_OF*1..4]-(u:Entity)
MATCH (u)-[a:ADOPTED]->(i:Initiative)
WHERE VERIFIED
RETURN collect([u.id, u.name, u.level, length(p), i.id, i.name, i.category,
                coalesce(i.candidate, false), a.stage, a.date, a.fact_id,
                coalesce(a.review_status, 'extracted'), a.doc_ids, a.date_precision]) AS packed
"""
_OLD_OUTCOMES = """
MATCH (c:Entity {id: $unit})-[r:REPORTED]->(o:Outcome)
WHERE VERIFIED_R
OPTIONAL MATCH (o)-[l:REPORTED]->(i:Initiative)
WHERE VERIFIED_L
RETURN collect([c.id, c.name, 0, o.metric, o.value, o.unit_of_measure, o.qualifier,
                o.direction, o.period, SCOPE, i.id, i.name, r.fact_id,
                coalesce(r.review_status, 'extracted'),
                CASE WHEN i IS NULL THEN null ELSE coalesce(l.review_status, 'extracted') END,
                r.doc_ids]) AS packed
UNION ALL
MATCH (c:Entity {id: $unit})
MATCH p = (c)<-[:PART_OF*1..4]-(u:Entity)
MATCH (u)-[r:REPORTED]->(o:Outcome)
WHERE VERIFIED_R
OPTIONAL MATCH (o)-[l:REPORTED]->(i:Initiative)
WHERE VERIFIED_L
RETURN collect([u.id, u.name, length(p), o.metric, o.value, o.unit_of_measure, o.qualifier,
                o.direction, o.period, SCOPE, i.id, i.name, r.fact_id,
                coalesce(r.review_status, 'extracted'),
                CASE WHEN i IS NULL THEN null ELSE coalesce(l.review_status, 'extracted') END,
                r.doc_ids]) AS packed
"""
_OLD_PEOPLE = """
MATCH (c:Entity {id: $unit})<-[r:HOLDS_ROLE]-(p:Person)
WHERE VERIFIED
RETURN collect([c.id, c.name, 0, p.id, p.name, r.title, r.fact_id,
                coalesce(r.review_status, 'extracted'), r.doc_ids]) AS packed
UNION ALL
MATCH (c:Entity {id: $unit})
MATCH path = (c)<-[:PART_OF*1..4]-(u:Entity)
MATCH (u)<-[r:HOLDS_ROLE]-(p:Person)
WHERE VERIFIED
RETURN collect([u.id, u.name, length(path), p.id, p.name, r.title, r.fact_id,
                coalesce(r.review_status, 'extracted'), r.doc_ids]) AS packed
"""


OLD = {
    "unit_portfolio": _OLD_PORTFOLIO.replace("VERIFIED", _verified("a")),
    # (with the figure's scope, a column added since)
    "outcomes_under": _OLD_OUTCOMES.replace("VERIFIED_R", _verified("r"))
    .replace("VERIFIED_L", _verified("l"))
    .replace("SCOPE", scope_of("r", "c"), 1)
    .replace("SCOPE", scope_of("r", "u")),
    "people_under": _OLD_PEOPLE.replace("VERIFIED", _verified("r")),
}

#: reviewed facts of the generated graph: every fifth of each type confirmed or corrected,
#: every seventh rejected (the rest stay 待核实)
_REVIEW = """
MATCH ()-[r:ADOPTED|REPORTED|HOLDS_ROLE]->()
WITH r ORDER BY r.fact_id
WITH collect(r) AS rels
UNWIND range(0, size(rels) - 1) AS k
WITH rels[k] AS r, k
WHERE k % 5 = 0 OR k % 7 = 0
SET r.review_status = CASE WHEN k % 5 <> 0 THEN 'rejected'
                           WHEN k % 10 = 0 THEN 'corrected' ELSE 'confirmed' END
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.generate import Generator

    out = tmp_path_factory.mktemp("generated") / "g"
    Generator(seed=7, scale=0.003).write(out)
    return out


def _load(store: GraphStore, data: Path) -> dict[str, list[str]]:
    """The generated graph in `store`, reviewed; its units by level."""
    from benchmarks.bulk import bulk_load
    from benchmarks.generate import read_nodes, read_props, read_rels

    store.clear()
    bulk_load(
        store,
        read_nodes(data, "entities"),
        read_rels(data),
        concurrent={
            "Document": read_props(data, "documents"),
            "Evidence": read_props(data, "evidence"),
        },
    )
    store.write_statements([(_REVIEW, {})])
    rows = store.read(
        "MATCH (u:Entity) WHERE u.level IS NOT NULL RETURN u.level AS level, u.id AS id "
        "ORDER BY id",
        limit=100_000,
    )
    levels: dict[str, list[str]] = {}
    for r in rows:
        levels.setdefault(r["level"], []).append(r["id"])
    return levels


def _old_rows(store: GraphStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """What `run` answered with the text before the change (nothing here reaches the limit)."""
    query = get(name)
    cypher, sent = prepared(store, query, params, cypher=OLD[name])
    records = store.read(cypher, sent, plain=True)
    if name == "outcomes_under":  # the old text sent each row's initiative on the row
        rows = [dict(zip(OUTCOME_COLUMNS, v, strict=True)) for r in records for v in r["packed"]]
        rows = mark_conflicts(_by_depth_and_unit(rows, sent), by=("unit_id",), own=True)
    else:
        assert query.postprocess is not None
        rows = query.postprocess(_unpack(query, records), sent)
    assert len(rows) <= query.row_limit
    return rows


def _server_rows(name: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of an answer as the server read them (before the table's order)."""
    query = get(name)
    return _figure_rows(records) if name == "outcomes_under" else _unpack(query, records)


def test_each_text_stops_one_row_past_its_limit_in_one_branch() -> None:
    for name in NAMES:
        query = get(name)
        assert "UNION" not in query.cypher, name
        assert re.findall(r"\bLIMIT (\d+)", query.cypher) == [str(query.row_limit + 1)], name
        # the limit is taken before the rows are collected
        assert query.cypher.index("LIMIT") < query.cypher.index("collect("), name


def test_the_tables_under_a_unit_answer_as_before_on_a_generated_graph(
    store: GraphStore, generated: Path
) -> None:
    levels = _load(store, generated)
    supreme = levels["supreme"][0]
    units = [supreme, *(levels[lv][k] for lv in ("high", "intermediate", "basic") for k in (0, -1))]
    units += levels.get("tribunal", [])[:2]
    answered = {name: 0 for name in NAMES}
    checked = {name: 0 for name in NAMES}
    for name in NAMES:
        for unit in units:
            for verified in (False, True):
                params = {"unit": unit, "verified": verified}
                new = run(store, name, params)
                assert not new.truncated
                assert new.rows == _old_rows(store, name, params), (name, unit, verified)
                answered[name] += len(new.rows)
                checked[name] += sum(is_verified(r["status"]) for r in new.rows)
    # the comparison reached rows under the supreme court and reviewed ones among them
    assert all(answered.values()), answered
    assert all(checked.values()), checked


def test_the_server_sends_no_more_rows_than_the_limit_asks(
    store: GraphStore, generated: Path
) -> None:
    levels = _load(store, generated)
    supreme = levels["supreme"][0]
    for name in NAMES:
        query = get(name)
        cypher, params = prepared(store, query, {"unit": supreme})
        everything = len(_server_rows(name, store.read(cypher, params, plain=True)))
        assert everything > 3, name
        capped = cypher.replace(f"LIMIT {query.row_limit + 1}", "LIMIT 3")
        assert len(_server_rows(name, store.read(capped, params, plain=True))) == 3, name
