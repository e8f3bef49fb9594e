"""Every Cypher statement courtgraph sends, checked by Neo4j's own Cypher 5 front-end.

No Neo4j server runs here. So this records every statement the `neo4j` driver sends while a
representative workload runs on the embedded ArcadeDB store (writes, re-writes, deletes,
summaries, ingest, every named query with each text it can send, free-form examples, export),
adds what only a Neo4j server receives (the neo4j dialect's schema, its full-text index
names), and hands them all at once to `tools/cypher_check/check.mjs`: the parser and
semantic analysis of the npm package `@neo4j-cypher/language-support`. ArcadeDB's SQL (its
schema and full-text indexes) never travels through the driver, so it is not recorded.
Errors fail; warnings (deprecations, ...) are printed. The benchmarks' bulk loader is checked
the same way beside it (benchmarks/tests/test_bulk.py).

Needs Node and `npm ci` in tools/cypher_check; skips without them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph import dialect, export, summaries
from graph.model import fact_id
from graph.readonly import run_read_only
from queries import REGISTRY, run
from queries.explore import neighbourhood_graph
from queries.registry import NamedQuery, Param, prepared
from tests import graph_fixtures as g
from tools import cypher_syntax
from ui.cypher import examples

ROOT = Path(__file__).resolve().parents[2]
CHECKER = cypher_syntax.CHECKER
SAMPLE = ROOT / "data" / "sample"

pytestmark = [
    pytest.mark.skipif(
        shutil.which("node") is None, reason="node is not installed: the Cypher checker needs it"
    ),
    pytest.mark.skipif(
        not (CHECKER.parent / "node_modules").is_dir(),
        reason="tools/cypher_check/node_modules is missing: run `npm ci` in tools/cypher_check",
    ),
]

# a value for each parameter of the named queries (by name; by type for new ones)
VALUES: dict[str, Any] = {
    "initiative": g.SUYUAN,
    "unit": g.BING,
    "entity": g.BING,
    "court": g.MID,
    "source": g.BING,
    "target": g.SUYUAN,
    "province": "甲省",
    "level": "basic",
    "stage": "adopted",
    "date_from": "2022",
    "date_to": "2024",
    "since": "2023",
    "kinds": ["Court", "Initiative"],
    "q": "丙区法院",
    "fact_id": fact_id("ADOPTED", g.BING, g.SUYUAN, "adopted"),
    "doc": g.DOC_A,
    "ids": f"{g.DOC_A},{g.DOC_B}",
}
BY_TYPE: dict[str, Any] = {
    "text": "x",
    "search": "丙区法院",
    "date": "2023",
    "labels": ["Court"],
    "bool": True,
    "entity": g.BING,
    "collections": "x",
}


class Recorder:
    """Query texts the driver is asked to run: parameter names, where from, in which step."""

    def __init__(self) -> None:
        self.params: dict[str, set[str]] = {}
        self.sites: dict[str, set[str]] = {}
        self.steps: dict[str, str] = {}
        self.step = ""

    def wrap(self, run: Callable[..., Any]) -> Callable[..., Any]:
        def recording_run(self_: Any, query: Any, parameters: Any = None, **kwargs: Any) -> Any:
            text = getattr(query, "text", query)
            self.params.setdefault(text, set()).update(parameters or {}, kwargs)
            self.sites.setdefault(text, set()).add(_call_site())
            self.steps.setdefault(text, self.step)
            return run(self_, query, parameters, **kwargs)

        return recording_run

    @contextlib.contextmanager
    def during(self, step: str) -> Iterator[None]:
        self.step = step
        yield
        self.step = ""


def _call_site() -> str:
    """The innermost frames of courtgraph's own code (not the tests) on the stack."""
    frames = []
    f = sys._getframe(2)
    while f is not None and len(frames) < 3:
        path = Path(f.f_code.co_filename)
        if path.is_relative_to(ROOT) and not path.is_relative_to(ROOT / "tests"):
            frames.append(f"{path.relative_to(ROOT)}:{f.f_lineno} {f.f_code.co_name}")
        f = f.f_back
    return " <- ".join(frames) or "tests"


def _value(p: Param) -> Any:
    if p.name in VALUES:
        return VALUES[p.name]
    if p.type == "choice":
        return p.choices[0]
    if p.type == "int":
        return p.minimum if p.minimum is not None else p.default
    if p.type == "entity" and p.label == "Initiative":
        return g.SUYUAN
    return BY_TYPE[p.type]


def _variants(q: NamedQuery) -> list[dict[str, Any]]:
    """Required parameters only, every parameter set, and each value of a spliced one (of a
    wide range such as a page number: its ends and the value after the first)."""
    required = {p.name: _value(p) for p in q.params if p.required}
    every = {p.name: _value(p) for p in q.params if not p.splice}
    spliced = [
        {**required, p.name: n}
        for p in q.params
        if p.splice
        for n in _spliced_values(p.minimum or 0, p.maximum or 0)
    ]
    return [required, every, *spliced]


def _spliced_values(lo: int, hi: int) -> list[int]:
    return list(range(lo, hi + 1)) if hi - lo <= 10 else [lo, lo + 1, hi]


def _own_texts(q: NamedQuery) -> list[str]:
    """The query's Cypher texts, spliced with the defaults."""
    texts = list(q.texts().values())
    for p in q.params:
        if p.splice:
            texts = [text.replace("{" + p.name + "}", str(p.default)) for text in texts]
    return texts


def _workload(store, rec: Recorder, tmp: Path) -> None:
    from ingest.pipeline import ingest_paths
    from queries.analytics import early_adopters

    with rec.during("schema and summaries"):
        store.verify()
        store.ensure_schema()
        summaries.refresh_all(store)  # on an empty store
    with rec.during("writes"):
        g.load_small_graph(store)
        store.write_documents([g.document_c()])
        store.write_documents([g.document_b()])  # written again
        store.add_document_urls(g.DOC_A, ["http://example.test/a2"], ["/tmp/a2.txt"])
        store.has_document(g.DOC_A)
        store.counts()
    with rec.during("deletes"):
        store.delete_document(g.DOC_B)
        store.delete_document(g.DOC_A)  # 诉源治理 loses its last adopter
        g.load_small_graph(store)
    with rec.during("summaries"):
        summaries.refresh_all(store)
    with rec.during("ingest"):
        ingest_paths(store, [SAMPLE])  # with the roster and the taxonomy
        original = (SAMPLE / "01_benxi_suyuan.txt").read_text(encoding="utf-8")
        repost = tmp / "repost.txt"
        repost.write_text(original.replace("出席会议并讲话", "出席并讲话"), encoding="utf-8")
        ingest_paths(store, [SAMPLE, repost], reference_data=False)  # unchanged, a repost
    with rec.during("collections and tribunal rosters"):
        from graph import collections as coll
        from ingest.tribunal_roster import import_roster

        ingest_paths(store, [repost], collection="通报", reference_data=False)
        coll.collections(store)
        coll.has_demo(store)
        roster = tmp / "roster.csv"
        roster.write_text("法庭名称,所属法院\n东湖法庭,平山区法院\n", encoding="utf-8")
        import_roster(store, roster)
        coll.delete_collection(store, "通报")
    for q in REGISTRY.values():
        with rec.during(f"named query {q.name}"):
            for raw in _variants(q):
                run(store, q.name, raw)
                for text in q.texts().values():  # whichever the plan would pick
                    store.read(*prepared(store, q, raw, cypher=text))
    with rec.during("variants chosen, names, searches"):
        run(store, "coverage", {"initiative": g.SUYUAN, "court": g.SPC, "level": "intermediate"})
        for far in (g.MID, g.HIGH, g.SPC):  # paths of 1, 2 and 3 steps
            run(store, "path", {"source": g.BING, "target": far})
        run(store, "adopted_by", {"unit": "丙區法院"})  # a traditional alias: full-text lookup
        run(store, "search", {"q": "不存在的法院"})  # no phrase match: the any-word retry
        early_adopters(store)
    with rec.during("free-form examples"):
        for text in examples(store.fulltext_index("Court")).values():
            run_read_only(store, text, limit=5)
    with rec.during("review: queues, decisions, merges, imports, deletes, progress"):
        _review_workload(store, tmp)
    with rec.during("export"):
        script = export.to_cypher(neighbourhood_graph(store, g.BING, depth=2))
    with rec.during("export script"):
        store.clear()
        store._write([(stmt, {}) for stmt in export.cypher_statements(script)])
        store.clear()


def _review_workload(store, tmp: Path) -> None:
    """The review queue's paths (a head built, read, kept through every kind of write; a
    province read from its entities; the scans), decisions, merges, imports, deletes."""
    from graph import review

    g.load_small_graph(store)
    size = review.HEAD_SIZE
    review.HEAD_SIZE = 1  # every filtered read reaches past the head: the anchored reads too
    try:
        review.forget_queue_heads(store)
        for f in (
            {},
            {"province": "甲省"},
            {"stage": "piloted", "max_confidence": 0.8},
            {"province": "甲省", "stage": "piloted", "max_confidence": 0.8},
            {"status": "confirmed", "province": "甲省"},
        ):
            review.queue(store, **f)
        rows = review.queue(store, kinds=["adoption"], limit=3)
        review.decide_many(store, [rows[0]["fact_id"]], "confirm", reviewer="甲")
        review.decide(store, rows[1]["fact_id"], "correct", reviewer="甲", new={"stage": "awarded"})
        path = tmp / "decisions.jsonl"
        r = rows[2]
        made = review.Decision(
            fact_id=r["fact_id"],
            decision="confirm",
            reviewer="乙",
            old={"type": r["type"], "src": r["src_id"], "dst": r["dst_id"]},
        )
        path.write_text(json.dumps(made.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
        review.from_jsonl(store, path)  # decided elsewhere, imported
        review.merge_entities(store, g.SUYUAN, g.FENGQIAO, reviewer="甲")
        review.queue(store, status="confirmed", province="甲省")
        review.delete_document(store, g.DOC_B)
        review.reapply_documents(store, [g.DOC_A])
        review.progress_by_document(store, limit=10)
        review.progress_by_document(store, [g.DOC_A])
    finally:
        review.HEAD_SIZE = size


def _checker_version() -> str:
    """What the checker's verdicts depend on besides the statement: check.mjs, the locked
    packages and the installed language-support package."""
    h = hashlib.sha256()
    for f in (
        CHECKER,
        CHECKER.parent / "package-lock.json",
        CHECKER.parent / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json",
    ):
        h.update(f.read_bytes() if f.exists() else b"-")
    return h.hexdigest()[:16]


def _item_key(item: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps([item["cypher"], item.get("parameters")], ensure_ascii=False).encode()
    ).hexdigest()


def _check(
    items: list[dict[str, Any]], cache: Any = None, label: str = "statements"
) -> list[dict[str, Any]]:
    """The checker's verdict on each item (errors, warnings), in order.

    The checker spends about 0.15 s of CPU on each statement, so with a pytest cache
    (`request.config.cache`) verdicts are kept per statement text, parameter names and checker
    version (check.mjs, package-lock.json, the installed package): only statements that are
    new or changed since the last run go to node. `pytest --cache-clear` (or a fresh checkout,
    as in CI) checks everything again."""
    key = f"courtgraph/cypher_check/{label}"
    version = _checker_version()
    kept: dict[str, Any] = {}
    if cache is not None:
        stored = cache.get(key, None) or {}
        if stored.get("version") == version:
            kept = stored.get("verdicts", {})
    keys = [_item_key(item) for item in items]
    todo = [(k, item) for k, item in zip(keys, items, strict=True) if k not in kept]
    if todo:
        results = cypher_syntax.check([item for _, item in todo])
        for (k, _), result in zip(todo, results, strict=True):
            kept[k] = {"errors": result["errors"], "warnings": result["warnings"]}
    if cache is not None:  # only this run's statements: changed ones do not pile up
        cache.set(key, {"version": version, "verdicts": {k: kept[k] for k in keys}})
    return [{"name": item["name"], **kept[k]} for k, item in zip(keys, items, strict=True)]


def _name(rec: Recorder, text: str) -> str:
    return f"{rec.steps[text] or 'setup'}, sent from {' | '.join(sorted(rec.sites[text]))}"


def _describe(item: dict[str, Any], found: list[dict[str, Any]]) -> str:
    lines = [f"{item['name']}:", *(f"    {ln}" for ln in item["cypher"].strip().splitlines())]
    lines += [f"  line {e['line']}, column {e['column']}: {e['message']}" for e in found]
    return "\n".join(lines)


@pytest.mark.slow  # ~400 statements at ~0.15 s of node CPU each on a fresh checkout: CI's slow step
def test_neo4j_accepts_every_statement(
    arcadedb_store, monkeypatch, tmp_path: Path, request
) -> None:
    rec = Recorder()
    for cls in (neo4j.Session, neo4j.Transaction, neo4j.ManagedTransaction):
        monkeypatch.setattr(cls, "run", rec.wrap(cls.run))
    _workload(arcadedb_store, rec, tmp_path)
    monkeypatch.undo()
    missing = [q.name for q in REGISTRY.values() if any(t not in rec.params for t in _own_texts(q))]
    assert rec.params and not missing, f"named queries not recorded: {missing}"

    # ArcadeDB only: a fact written again is folded in with its list functions
    # (graph/store.py _fact_update, coll.sort/coll.toSet); Neo4j gets the portable upsert
    arcadedb_only = {t for t in rec.params if "coll.sort(" in t or "coll.toSet(" in t}
    assert arcadedb_only, "the workload should write a fact again"
    items = [
        {"name": _name(rec, text), "cypher": text, "parameters": sorted(rec.params[text])}
        for text in rec.params
        if text not in arcadedb_only
    ]
    # what only Neo4j receives: its schema (GraphStore.ensure_schema), its full-text index
    # names, the portable fact upsert in place of ArcadeDB's fold
    neo4j_only = {stmt: "graph/dialect.py NEO4J_SCHEMA" for stmt in dialect.NEO4J_SCHEMA}
    from graph.store import _fact_upsert

    for rel, keys in (("ADOPTED", ["scope", "stage"]), ("PART_OF", []), ("REPORTED", ["scope"])):
        for from_dst in (False, True):
            neo4j_only[_fact_upsert(rel, keys, from_dst=from_dst)] = "graph/store.py _fact_upsert"
    for title, text in examples(dialect.fulltext_index(dialect.NEO4J, "Court")).items():
        neo4j_only[text] = f"ui/cypher.py example {title} on Neo4j"
    items += [
        {"name": name, "cypher": text, "parameters": sorted(set(re.findall(r"\$(\w+)", text)))}
        for text, name in neo4j_only.items()
        if text not in rec.params
    ]
    results = _check(items, getattr(request.config, "cache", None), "every statement")
    for item, result in zip(items, results, strict=True):
        if result["warnings"]:
            print("warning: " + _describe(item, result["warnings"]))
    failures = [
        _describe(item, result["errors"])
        for item, result in zip(items, results, strict=True)
        if result["errors"]
    ]
    assert not failures, (
        f"{len(failures)} of {len(items)} statements are not valid Neo4j 5 Cypher:\n\n"
        + "\n\n".join(failures)
    )
