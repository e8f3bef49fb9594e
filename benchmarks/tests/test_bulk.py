"""Tests of `benchmarks.bulk` and the generator (no timing asserted).

Part of the default suite (pyproject's testpaths lists benchmarks/tests). The loader's Cypher
is also checked by Neo4j's own parser here, as tests/graph/test_neo4j_syntax.py does for
everything the product sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.bulk import _GROUPS, _node_cypher, _rel_batch, _rel_cypher, bulk_load
from graph.model import NODE_LABELS, REL_TYPES, fact_id
from graph.settings import Settings
from graph.store import GraphStore, open_store
from queries import run
from tools import cypher_syntax

SPC, HIGH, MID = "court:最高人民法院", "court:甲省高级人民法院", "court:甲省乙市中级人民法院"
BASIC = [f"court:甲省乙市{x}人民法院" for x in ("丙区", "丁县", "戊县")]
INIT = "initiative:诉源治理"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    from graph.embedded import EmbeddedServer

    path = tmp_path_factory.mktemp("bulk")
    s = open_store(Settings(data_dir=path, heap="512m"))
    yield s
    s.close()
    EmbeddedServer(path).stop()


def _court(cid: str, level: str) -> tuple[str, dict[str, object]]:
    name = cid.split(":", 1)[1]
    return "Court", {"id": cid, "name": name, "kind": "Court", "level": level, "province": "甲省"}


def test_groups_relationships_by_the_shared_end() -> None:
    many_to_one = [(b, INIT, {"stage": "adopted"}) for b in BASIC]
    batch = _rel_batch(("ADOPTED", "Entity", "Entity"), many_to_one)
    assert batch.count == 3 and len(batch.rows) == 1  # one lookup of the initiative
    assert batch.rows[0]["k"] == INIT and "MATCH (b:Entity {id: r.k})" in batch.cypher
    one_to_many = [("doc:a", e, {}) for e in [*BASIC, INIT]]
    batch = _rel_batch(("MENTIONS", "Document", "Entity"), one_to_many)
    assert len(batch.rows) == 1 and "MATCH (a:Document {id: r.k})" in batch.cypher


def test_rejects_unknown_labels_and_types(store: GraphStore) -> None:
    store.clear()
    with pytest.raises(ValueError, match="unknown node label"):
        bulk_load(store, [("Judge", {"id": "court:x"})], [])
    with pytest.raises(ValueError, match="unknown relationship type"):
        bulk_load(store, [], [("LIKES", SPC, HIGH, {})])
    with pytest.raises(ValueError, match="batch_size"):
        bulk_load(store, [], [], batch_size=0)


def test_loads_a_small_graph_that_the_named_queries_read(store: GraphStore) -> None:
    store.clear()
    nodes = [
        _court(SPC, "supreme"),
        _court(HIGH, "high"),
        _court(MID, "intermediate"),
        *(_court(b, "basic") for b in BASIC),
        ("Initiative", {"id": INIT, "name": "诉源治理", "kind": "Initiative"}),
    ]
    parts = [(HIGH, SPC), (MID, HIGH), *((b, MID) for b in BASIC)]
    rels = [("PART_OF", a, b, {"fact_id": fact_id("PART_OF", a, b)}) for a, b in parts]
    docs = [
        {"id": f"doc:{i:020d}", "title": f"文档{i}", "date": f"2023-0{i + 1}-01"} for i in range(3)
    ]
    adopted = []
    evidence = []
    for i, b in enumerate(BASIC):
        fid = fact_id("ADOPTED", b, INIT, "adopted")
        adopted.append(
            (
                "ADOPTED",
                b,
                INIT,
                {
                    "fact_id": fid,
                    "stage": "adopted",
                    "date": f"2023-0{i + 1}",
                    "doc_ids": [docs[i]["id"]],
                },
            )
        )
        evidence.append(
            {
                "id": f"ev:{i}",
                "fact_id": fid,
                "doc_id": docs[i]["id"],
                "sentence": "推行诉源治理。",
                "start": 0,
                "end": 7,
            }
        )
    mentions = [
        ("MENTIONS", d["id"], e, {"surface": "x", "start": 0, "end": 1})
        for d in docs
        for e in (INIT, BASIC[0])
    ]
    # batch_size 2: several batches per kind, MENTIONS wait for the concurrent documents
    stats = bulk_load(
        store,
        nodes,
        rels + adopted + mentions,
        concurrent={"Document": docs, "Evidence": evidence},
        batch_size=2,
    )
    assert (stats.nodes, stats.relationships) == (len(nodes) + 6, len(rels) + 3 + 6)
    counts = store.counts()
    assert counts["Court"] == 6 and counts["Document"] == 3 and counts["Evidence"] == 3
    assert counts["PART_OF"] == 5 and counts["ADOPTED"] == 3 and counts["MENTIONS"] == 6
    assert store.read(f"MATCH (n:Entity {{id: '{SPC}'}}) RETURN labels(n) AS l")[0]["l"] in (
        ["Court", "Entity"],
        ["Entity", "Court"],
    )
    rows = run(store, "adopters", {"initiative": INIT}).rows
    assert [(r["unit_id"], r["date"], r["documents"]) for r in rows] == [
        (BASIC[0], "2023-01", 1),
        (BASIC[1], "2023-02", 1),
        (BASIC[2], "2023-03", 1),
    ]
    up = [
        r["id"] for r in run(store, "hierarchy", {"unit": BASIC[0]}).rows if r["direction"] == "up"
    ]
    assert up == [SPC, HIGH, MID]
    ev = run(store, "evidence", {"fact_id": fact_id("ADOPTED", BASIC[1], INIT, "adopted")}).rows
    assert [(r["doc_id"], r["sentence"]) for r in ev] == [(docs[1]["id"], "推行诉源治理。")]


def test_generated_graph_loads_with_the_counts_it_declares(
    store: GraphStore, tmp_path: Path
) -> None:
    from benchmarks.generate import Generator, read_nodes, read_props, read_rels

    store.clear()
    out = tmp_path / "g"
    manifest = Generator(seed=7, scale=0.003).write(out)
    again = Generator(seed=7, scale=0.003).write(tmp_path / "h")
    assert (out / "facts.jsonl").read_bytes() == (tmp_path / "h" / "facts.jsonl").read_bytes()
    assert again["counts"] == manifest["counts"]
    bulk_load(
        store,
        read_nodes(out, "entities"),
        read_rels(out),
        concurrent={
            "Document": read_props(out, "documents"),
            "Evidence": read_props(out, "evidence"),
        },
    )
    counts = store.counts()
    assert {k: counts.get(k, 0) for k in manifest["counts"]} == manifest["counts"]


@pytest.mark.slow  # the checker takes a few seconds to start
@pytest.mark.skipif(
    not cypher_syntax.available(),
    reason="the Cypher checker needs node and `npm ci` in tools/cypher_check",
)
def test_neo4j_accepts_every_statement_the_loader_sends() -> None:
    # every label; each way of grouping relationships between each pair of lookup groups (the
    # type is only spliced in, after check_rel_type)
    texts = [_node_cypher(label) for label in NODE_LABELS] + [
        _rel_cypher(rel_type, src, dst, by_source=by_source)
        for rel_type in REL_TYPES[:1]
        for src in _GROUPS
        for dst in _GROUPS
        for by_source in (True, False)
    ]
    items = [{"name": t, "cypher": t, "parameters": ["rows"]} for t in texts]
    errors = {r["name"]: r["errors"] for r in cypher_syntax.check(items) if r["errors"]}
    assert not errors
