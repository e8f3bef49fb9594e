"""Learning visits in the store (LEARNED_FROM, visitor -> host): provenance like every fact,
re-ingest adds nothing, a deleted document takes only its support, review rejects and
corrects them, exports carry them, and `learning_visits` answers for a unit (both ways) and
for an initiative."""

from __future__ import annotations

from pathlib import Path

from graph import review
from graph.export import fetch_subgraph
from graph.model import FACT_TYPES, REL_ZH, entity_id
from ingest.pipeline import ingest_paths
from queries import run

JINZHOU = entity_id("Court", "辽宁省锦州市中级人民法院")
DALIAN = entity_id("Court", "辽宁省大连市中级人民法院")
SHENYANG = entity_id("Court", "辽宁省沈阳市中级人民法院")

ARTICLES = {
    "a.txt": "锦州中院学习考察\n2024年5月20日，锦州中院组织干警赴大连中院学习考察诉源治理工作经验。",
    "b.txt": "大连中院接待兄弟法院\n2024年5月18日，大连中院接待了锦州中院考察团，"
    "双方就诉源治理深入交流。",
    "c.txt": "沈阳中院交流\n2024年3月2日，沈阳中院组织干警到大连中院交流学习。",
}


def _write(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names:
        p = folder / name
        p.write_text(ARTICLES[name], encoding="utf-8")
        out.append(p)
    return out


def _visits(store) -> list[tuple]:
    rows = store.read(
        "MATCH (a:Entity)-[r:LEARNED_FROM]->(b:Entity) "
        "RETURN a.id AS a, b.id AS b, r.initiative AS i, size(r.doc_ids) AS docs, "
        "r.rules AS rules, r.date AS date, r.confidence AS c, r.fact_id AS fid"
    )
    return sorted((r["a"], r["b"], r["i"], r["docs"], tuple(r["rules"]), r["date"]) for r in rows)


def _fact_id(store, src: str, dst: str) -> str:
    return store.read(
        "MATCH (a:Entity {id: $a})-[r:LEARNED_FROM]->(b:Entity {id: $b}) RETURN r.fact_id AS f",
        {"a": src, "b": dst},
    )[0]["f"]


def test_learned_from_is_a_fact_type_with_a_chinese_name() -> None:
    assert "LEARNED_FROM" in FACT_TYPES and REL_ZH["LEARNED_FROM"] == "学习考察"


def test_visits_are_stored_with_provenance_and_rerun_adds_nothing(store, tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    ingest_paths(store, paths, reference_data=False)
    assert _visits(store) == [
        (SHENYANG, DALIAN, None, 1, ("visit:went-to",), "2024-03-02"),
        (JINZHOU, DALIAN, "诉源治理", 2, ("visit:received", "visit:went-to"), "2024-05-18"),
    ]
    evidence = store.read(
        "MATCH (e:Evidence) WHERE e.fact_type = 'LEARNED_FROM' "
        "RETURN e.sentence AS s, e.rule AS rule, e.confidence AS c ORDER BY s"
    )
    assert len(evidence) == 3 and all(e["rule"] and e["c"] for e in evidence)
    assert any("接待了锦州中院考察团" in e["s"] for e in evidence)
    before = _visits(store), store.read("MATCH (e:Evidence) RETURN count(e) AS n")
    again = ingest_paths(store, paths, reference_data=False)
    assert again.facts_added == 0
    assert (_visits(store), store.read("MATCH (e:Evidence) RETURN count(e) AS n")) == before


def test_deleting_a_document_removes_only_its_support(store, tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ["a.txt", "b.txt"])
    ingest_paths(store, paths, reference_data=False)
    doc_b = store.read("MATCH (d:Document) WHERE d.text CONTAINS '接待' RETURN d.id AS id")[0]["id"]
    assert store.delete_document(doc_b)
    assert _visits(store) == [
        (JINZHOU, DALIAN, "诉源治理", 1, ("visit:went-to",), "2024-05-20"),
    ]
    doc_a = store.read("MATCH (d:Document) RETURN d.id AS id")[0]["id"]
    assert store.delete_document(doc_a)
    assert _visits(store) == []


def test_review_rejects_and_corrects_a_visit(store, tmp_path: Path) -> None:
    ingest_paths(store, _write(tmp_path / "in", ["a.txt", "c.txt"]), reference_data=False)
    fid = _fact_id(store, JINZHOU, DALIAN)
    review.decide(store, fid, "correct", reviewer="王审", new={"initiative": "智慧法院建设"})
    assert [v[:3] for v in _visits(store)] == [
        (SHENYANG, DALIAN, None),
        (JINZHOU, DALIAN, "智慧法院建设"),
    ]
    queue = review.queue(store, kinds=["visit"], status="corrected", limit=10)
    assert [r["fact_id"] for r in queue] and all(r["fact_id"] != fid for r in queue)
    other = _fact_id(store, SHENYANG, DALIAN)
    review.decide(store, other, "reject", reviewer="王审", note="不是学习考察")
    assert [v[:2] for v in _visits(store)] == [(JINZHOU, DALIAN)]
    # the decisions last through re-ingest
    ingest_paths(store, _write(tmp_path / "in", ["a.txt", "c.txt"]), reference_data=False)
    assert [v[:3] for v in _visits(store)] == [(JINZHOU, DALIAN, "智慧法院建设")]


def test_exports_carry_the_visit(store, tmp_path: Path) -> None:
    ingest_paths(store, _write(tmp_path / "in", ["a.txt"]), reference_data=False)
    graph = fetch_subgraph(store, [JINZHOU, DALIAN])
    edges = [
        (a, b, d["type"], d.get("initiative"))
        for a, b, d in graph.edges(data=True)
        if d["type"] == "LEARNED_FROM"
    ]
    assert edges == [(JINZHOU, DALIAN, "LEARNED_FROM", "诉源治理")]


def test_learning_visits_for_a_unit_and_for_an_initiative(store, tmp_path: Path) -> None:
    ingest_paths(store, _write(tmp_path / "in", ["a.txt", "c.txt"]), reference_data=False)

    def rows(entity: str) -> list[tuple]:
        res = run(store, "learning_visits", {"entity": entity})
        return [(r["direction"], r["visitor_id"], r["host_id"], r["initiative"]) for r in res.rows]

    assert rows(JINZHOU) == [("learned_from", JINZHOU, DALIAN, "诉源治理")]
    # the host sees both visitors, in the order of their dates
    assert rows(DALIAN) == [
        ("hosted", SHENYANG, DALIAN, None),
        ("hosted", JINZHOU, DALIAN, "诉源治理"),
    ]
    assert rows(entity_id("Initiative", "诉源治理")) == [("about", JINZHOU, DALIAN, "诉源治理")]
    first = run(store, "learning_visits", {"entity": "锦州中院"}).rows[0]
    assert first["documents"] == 1 and first["doc_ids"] and first["status"] == "extracted"
    assert first["date"] == "2024-05-20" and first["rules"] == ["visit:went-to"]
    verified = run(store, "learning_visits", {"entity": JINZHOU, "verified": "true"})
    assert verified.rows == []


def test_cli_corrects_what_a_visit_studied(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys, tmp_path: Path
) -> None:
    """`review correct learned_from:… --initiative X` sets the initiative studied (not the
    host), '' takes it away; `--target` moves the host."""
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    ingest_paths(arcadedb_store, _write(tmp_path / "in", ["a.txt", "c.txt"]), reference_data=False)

    def jinzhou() -> list[tuple]:
        return [v[:3] for v in _visits(arcadedb_store) if v[0] == JINZHOU]

    fid = _fact_id(arcadedb_store, JINZHOU, DALIAN)
    args = ["review", "correct", fid, "--initiative", "", "--target", "沈阳中院"]
    assert main([*args, "--reviewer", "甲"]) == 0, capsys.readouterr().err
    assert jinzhou() == [(JINZHOU, SHENYANG, None)]
    fid = _fact_id(arcadedb_store, JINZHOU, SHENYANG)
    assert main(["review", "correct", fid, "--initiative", "诉源治理", "--reviewer", "甲"]) == 0
    assert jinzhou() == [(JINZHOU, SHENYANG, "诉源治理")]


def test_an_initiatives_visits_are_read_from_the_index_of_their_initiative(
    arcadedb_store, tmp_path: Path
) -> None:
    """No node anchors an initiative's visits: its branch of `learning_visits` seeks the
    index of LEARNED_FROM.initiative (graph.dialect.INDEXED_PROPERTIES) with the names the
    plan read, where a walk would pass every entity's relationships; a unit's branches
    start at the unit."""
    from queries.registry import REGISTRY, prepared
    from tests.graph.test_fact_index import _plan

    ingest_paths(arcadedb_store, _write(tmp_path / "in", ["a.txt"]), reference_data=False)
    q = REGISTRY["learning_visits"]
    text, params = prepared(arcadedb_store, q, {"entity": "诉源治理"})
    assert params["initiative_names"][0] == "诉源治理"  # then its aliases
    plan = _plan(arcadedb_store, text, params)
    assert "MATCH EDGE BY INDEX" in plan and "LEARNED_FROM[initiative]" in plan, plan
    _, params = prepared(arcadedb_store, q, {"entity": "锦州中院"})
    assert params["initiative_names"] == []


def test_a_merge_moves_the_visit_and_an_initiatives_old_name_still_finds_it(
    store, tmp_path: Path
) -> None:
    paths = _write(tmp_path / "in", ["a.txt", "c.txt"])
    ingest_paths(store, paths, reference_data=False)
    # the host merged into another node: the visit moves with its facts, also after re-ingest
    review.merge_entities(store, SHENYANG, DALIAN, reviewer="王审")
    ingest_paths(store, paths, reference_data=False)
    assert [v[:3] for v in _visits(store) if v[0] == JINZHOU] == [(JINZHOU, SHENYANG, "诉源治理")]
    # the initiative renamed: the visits written under its old name are still its visits
    suyuan = entity_id("Initiative", "诉源治理")
    review.rename_entity(store, suyuan, "诉源治理机制", reviewer="王审")
    rows = run(store, "learning_visits", {"entity": suyuan}).rows
    assert [(r["visitor_id"], r["host_id"]) for r in rows] == [(JINZHOU, SHENYANG)]


def test_the_queue_tells_visits_apart_by_what_they_studied(store, tmp_path: Path) -> None:
    ingest_paths(store, _write(tmp_path / "in", ["a.txt", "c.txt"]), reference_data=False)
    rows = review.queue(store, kinds=["visit"], limit=10)
    words = sorted(review.describe(r) for r in rows)
    assert any("学习内容 诉源治理 · 2024-05-20" in w for w in words)
    assert any("学习内容 （未写明） · 2024-03-02" in w for w in words)


def test_a_visits_confidence_is_its_rules_prior_and_shown_as_one(store, tmp_path: Path) -> None:
    from ingest.confidence import PRIORS
    from ui.review import confidence_words

    ingest_paths(store, _write(tmp_path / "in", ["a.txt"]), reference_data=False)
    (row,) = review.queue(store, kinds=["visit"], limit=10)
    assert row["confidence"] == PRIORS["visit"]["visit:went-to"]
    assert "规则先验" in confidence_words(row)
    review.decide(store, row["fact_id"], "confirm", reviewer="王审")
    (row,) = review.queue(store, kinds=["visit"], status="confirmed", limit=10)
    assert confidence_words(row) == ""  # its status (已确认) says it all


def test_learning_visits_help_is_written_in_chinese() -> None:
    from queries.__main__ import describe

    text = describe("learning_visits")
    assert "e.g." not in text and "Learning visits" not in text
    assert "学习考察" in text and "--param entity=大连中院" in text
