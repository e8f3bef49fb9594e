"""Review decisions: a person confirms, rejects, corrects or adds facts, merges or renames
entities, and every decision lasts.

Each decision is a `ReviewDecision` node (never deleted with a document): its id, the stable
`fact_id` it is about, `decision` (confirm | reject | correct | add), the fact as it was
(`old`, JSON: type, ends, properties, evidence sentences) and what it should be (`new`,
JSON), `reviewer`, `time` (UTC, ISO), `note`, and `evidence_hash`, a digest of the evidence
sentences the reviewer saw. The decision is data; the graph is made to agree with it:

- the *effective* decision of a fact is its latest (by `time`, then `id`), so two reviewers
  deciding one fact leave one status and both records;
- confirmed: the relationship gets `review_status = "confirmed"` while one of the sentences
  the reviewer saw still supports it; otherwise it goes back to "extracted" with
  `review_flag = "evidence_changed"` (back in the queue, flagged);
- rejected: the relationship and its evidence nodes are deleted (so every answer, summary and
  picture leaves it out); the decision keeps the fact and its sentences, so a later
  confirmation or correction puts it back while one of its documents is in the graph;
- corrected: the relationship moves to its corrected ends / stage / title (a new stable
  `fact_id`, `corrected_from` the old one), or its date or the outcome's figure is set, with
  `review_status = "corrected"`; the evidence follows it;
- added: a fact the extractor missed, anchored to a sentence of a document, `review_status =
  "confirmed"` and `review_added = true`; it exists while its document does. Adding a fact
  the graph already holds confirms it; with other values (stage, date …) they are recorded
  as a correction of it (see `add_fact`).

Decisions about an entity keep its id in `fact_id`: merge (into `new.keep`: names become
aliases, facts, evidence and mentions move, summaries are recounted; never into a roster
court of another level or place), rename (the old name stays an alias), promote (a candidate
initiative joins the taxonomy) and drop (a candidate initiative and its facts leave the
graph). Each is applied again when documents bring the entity back.

The graph is re-made to agree after every write that may contradict it: `reapply_documents`
after documents are (re-)written (the ingest pipeline calls it), `delete_document` deletes
a document and applies its facts' decisions again (`reapply_facts`), `reapply_all` after a
rebuild. Without a decision a fact is "extracted" (`review_status` absent).

    >>> sentence_hash("  丙区法院 推行诉源治理。 ")
    '5f2682994b9c8c22'
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import neo4j

from graph import summaries
from graph.errors import BadParameter, CourtgraphError, EntityNotFound, os_reason_zh
from graph.model import (
    FACT_TYPES,
    QUEUE_HEAD_PREFIX,
    STAGES,
    check_rel_type,
    digest,
    fact_id,
    search_text,
    written_sentence,
)
from graph.store import _insert_sorted

if TYPE_CHECKING:
    from graph.model import DocumentGraph
    from graph.store import GraphStore

DECISIONS: tuple[str, ...] = (
    "confirm",
    "reject",
    "correct",
    "add",
    "merge",
    "rename",
    "promote",
    "drop",
)
#: decisions about an entity rather than a fact: their `fact_id` holds the entity's id
ENTITY_DECISIONS: tuple[str, ...] = ("merge", "rename", "promote", "drop")
#: what promoting a candidate initiative into the taxonomy may set
PROMOTE_FIELDS: tuple[str, ...] = ("name", "aliases", "category", "name_en", "description")
STATUSES: tuple[str, ...] = ("extracted", "confirmed", "corrected", "rejected")
STATUS_ZH: dict[str, str] = {
    "extracted": "待核实",
    "confirmed": "已确认",
    "corrected": "已修改",
    "rejected": "已驳回",
}
DECISION_ZH: dict[str, str] = {
    "confirm": "确认",
    "reject": "驳回",
    "correct": "修改",
    "add": "新增",
    "merge": "合并",
    "rename": "改名",
    "promote": "纳入举措名录",
    "drop": "剔除候选举措",
}
REJECT_REASONS: tuple[str, ...] = (
    "不是该单位的做法",  # the unit did not do it (praise, a visit, another unit's work)
    "不是该举措",  # a different initiative
    "阶段不对",  # wrong stage (planned, not done)
    "日期不对",
    "数字不对",
    "重复",
    "其他",
)
#: what a correction may change on the relationship, and on an outcome it reports
REL_FIELDS: tuple[str, ...] = (
    "stage",
    "title",
    "date",
    "date_precision",
    "scope",
    "initiative",  # a learning visit's (LEARNED_FROM) initiative studied
)
OUTCOME_FIELDS: tuple[str, ...] = ("metric", "value", "unit_of_measure", "period", "qualifier")
#: the stage of an added adoption whose stage the reviewer did not choose
ADD_STAGE = "adopted"
#: the kind of fact a queue lists, in the order a reviewer works through them
KINDS: dict[str, str] = {
    "adoption": "ADOPTED",
    "outcome": "REPORTED",
    "person": "HOLDS_ROLE",
    "organization": "PARTNERS_WITH",
    "hierarchy": "PART_OF",
    "visit": "LEARNED_FROM",
}
_FACT_RELS = "|".join(FACT_TYPES)
#: a fact as the queue heads name it: (relationship type, src id, dst id, fact id)
FactKey = tuple[str, str, str, str]
_FLAG_CHANGED = "evidence_changed"


def sentence_hash(sentence: str) -> str:
    """A digest of a sentence with its whitespace removed (reflowed text hashes the same)."""
    return digest("".join((sentence or "").split()))


def evidence_hash(hashes: Iterable[str]) -> str:
    """One digest for the set of sentences a reviewer saw."""
    return digest(*sorted(set(hashes)))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass
class Decision:
    """One review decision, as stored in the graph and in `decisions.jsonl`."""

    fact_id: str
    decision: str
    reviewer: str
    time: str = field(default_factory=now)
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    sentence_hashes: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise BadParameter(f"审核决定 {self.decision!r} 无效：应为 {'、'.join(DECISIONS)} 之一")
        if not self.reviewer:
            raise BadParameter("审核决定须写明审核人")
        if not self.id:
            self.id = "review:" + digest(
                self.fact_id, self.decision, _dumps(self.new), self.reviewer, self.time, self.note
            )

    @property
    def evidence_hash(self) -> str:
        return evidence_hash(self.sentence_hashes) if self.sentence_hashes else ""

    @property
    def status(self) -> str:
        return {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}.get(
            self.decision, "confirmed"
        )

    @property
    def fact(self) -> dict[str, Any]:
        """Type and ends of the fact the decision is about (an added fact's are in `new`)."""
        src = self.new if self.decision == "add" else self.old
        return {"type": src.get("type"), "src": src.get("src"), "dst": src.get("dst")}

    def outcome(self) -> tuple[Any, ...]:
        """What the decision says, without who and when: two equal outcomes never conflict."""
        return (self.decision, _dumps(self.new))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "fact_id": self.fact_id,
            "decision": self.decision,
            "old": self.old,
            "new": self.new,
            "reviewer": self.reviewer,
            "time": self.time,
            "note": self.note,
            "evidence_hash": self.evidence_hash,
            "sentence_hashes": self.sentence_hashes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decision:
        """A record of `decisions.jsonl`; BadParameter when it lacks what applying it needs."""
        _check_shape(data)
        decision, old, new = data.get("decision"), data.get("old") or {}, data.get("new") or {}
        if decision in ("confirm", "reject", "correct") and not all(
            old.get(k) for k in ("type", "src", "dst")
        ):
            raise BadParameter("对事实的决定须写明所针对的事实（old.type/src/dst）")
        if decision == "add" and not all(new.get(k) for k in ("type", "src", "dst", "doc_id")):
            raise BadParameter("新增的事实须写明 new.type/src/dst/doc_id")
        if decision == "merge" and not new.get("keep"):
            raise BadParameter("合并须写明保留的实体（new.keep）")
        for kind in (old.get("type"), new.get("type")):
            if kind is not None and kind not in FACT_TYPES:
                raise BadParameter(f"未知的事实类型 {kind!r}")
        try:
            return cls(
                fact_id=str(data["fact_id"]),
                decision=str(data["decision"]),
                reviewer=str(data["reviewer"]),
                time=str(data["time"]),
                old=dict(data.get("old") or {}),
                new=dict(data.get("new") or {}),
                note=str(data.get("note") or ""),
                sentence_hashes=list(data.get("sentence_hashes") or []),
                id=str(data.get("id") or ""),
            )
        except KeyError as exc:
            raise BadParameter(f"审核决定记录缺少 {exc.args[0]!r}") from exc

    def node_props(self) -> dict[str, Any]:
        fact = self.fact
        return {
            "id": self.id,
            "fact_id": self.fact_id,
            "decision": self.decision,
            "old": _dumps(self.old),
            "new": _dumps(self.new),
            "reviewer": self.reviewer,
            "time": self.time,
            "note": self.note,
            "evidence_hash": self.evidence_hash,
            "sentence_hashes": self.sentence_hashes,
            "fact_type": fact["type"],
            "src": fact["src"],
            "dst": fact["dst"],
            "doc_ids": list(self.old.get("props", {}).get("doc_ids") or [])
            + ([self.new["doc_id"]] if self.new.get("doc_id") else []),
            # the document a fact is anchored in ("" for rejections: indexed, no nulls): an
            # added fact's, and the first document that supported a confirmed or corrected
            # one, so that writing that document again restores the fact from this record
            # even when a newer extractor no longer proposes it
            "anchor_doc": self._anchor(),
        }

    def _anchor(self) -> str:
        if self.decision == "add":
            return str(self.new.get("doc_id") or "")
        if self.decision in ("confirm", "correct"):
            docs = self.old.get("props", {}).get("doc_ids") or []
            return str(docs[0]) if docs else ""
        return ""

    @classmethod
    def from_node(cls, p: dict[str, Any]) -> Decision:
        return cls(
            fact_id=p["fact_id"],
            decision=p["decision"],
            reviewer=p["reviewer"],
            time=p["time"],
            old=json.loads(p.get("old") or "{}"),
            new=json.loads(p.get("new") or "{}"),
            note=p.get("note") or "",
            sentence_hashes=list(p.get("sentence_hashes") or []),
            id=p["id"],
        )


def _check_shape(data: dict[str, Any]) -> None:
    """BadParameter (in Chinese) when a record read from a file has a field of the wrong
    type (a hand-edited file: a number where an id or a list of sentence hashes belongs),
    which storing or applying it would meet as a TypeError."""

    def text(value: Any, name: str) -> None:
        if value is not None and not isinstance(value, str):
            raise BadParameter(f"{name} 应为文字（{name}: {value!r}）")

    def texts(value: Any, name: str) -> None:
        if value is not None and not (
            isinstance(value, list) and all(isinstance(x, str) for x in value)
        ):
            raise BadParameter(f"{name} 应为文字的列表（{name}: {value!r}）")

    for key in ("fact_id", "decision", "reviewer", "time", "note", "id"):
        text(data.get(key), key)
    texts(data.get("sentence_hashes"), "sentence_hashes")
    for part in ("old", "new"):
        value = data.get(part)
        if value is not None and not isinstance(value, dict):
            raise BadParameter(f"{part} 应为 JSON 对象（{part}: {value!r}）")
    old, new = data.get("old") or {}, data.get("new") or {}
    for key in ("type", "src", "dst"):
        text(old.get(key), f"old.{key}")
    for key in ("type", "doc_id", "sentence", "keep"):
        text(new.get(key), f"new.{key}")
    if data.get("decision") == "add":
        for key in ("src", "dst"):
            text(new.get(key), f"new.{key}")
    props = old.get("props")
    if props is not None and not isinstance(props, dict):
        raise BadParameter(f"old.props 应为 JSON 对象（old.props: {props!r}）")
    texts((props or {}).get("doc_ids"), "old.props.doc_ids")
    evidence = old.get("evidence")
    if evidence is not None and not (
        isinstance(evidence, list) and all(isinstance(e, dict) for e in evidence)
    ):
        raise BadParameter(f"old.evidence 应为 JSON 对象的列表（old.evidence: {evidence!r}）")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _latest(decisions: Sequence[Decision]) -> Decision | None:
    return max(decisions, key=lambda d: (d.time, d.id)) if decisions else None


# -- reading facts inside a transaction ----------------------------------------------------
Tx = neo4j.ManagedTransaction

_FIND_FACT = f"""
MATCH (e:Evidence {{fact_id: $fact_id}})
WITH e LIMIT 1
MATCH (d:Document {{id: e.doc_id}})-[:MENTIONS]->(a:Entity)
MATCH (a)-[r:{_FACT_RELS}]->(b:Entity)
WHERE r.fact_id = $fact_id
RETURN DISTINCT type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props
"""
#: an evidence sentence as the source writes it, and its offsets there (graph.model.EvidenceRow)
_ORIGINAL = ("original_sentence", "original_start", "original_end")
_EVIDENCE = """
MATCH (e:Evidence {fact_id: $fact_id})
RETURN e.id AS id, e.doc_id AS doc_id, e.sentence AS sentence, e.start AS start, e.end AS end,
       e.quote AS quote, e.date AS date, e.date_precision AS date_precision,
       WRITTEN AS original_sentence, e.original_start AS original_start,
       e.original_end AS original_end
ORDER BY doc_id, start
""".replace("WRITTEN", written_sentence("e"))


def _rel(tx: Tx, rel_type: str, src: str, dst: str, fid: str) -> dict[str, Any] | None:
    """The properties of one fact relationship, found from its anchored ends."""
    t = check_rel_type(rel_type)
    rec = tx.run(
        f"MATCH (a:Entity {{id: $src}})-[r:{t}]->(b:Entity {{id: $dst}}) "
        "WHERE r.fact_id = $fid RETURN properties(r) AS props LIMIT 1",
        src=src,
        dst=dst,
        fid=fid,
    ).single()
    return dict(rec["props"]) if rec else None


def _evidence(tx: Tx, fid: str) -> list[dict[str, Any]]:
    return [dict(r) for r in tx.run(_EVIDENCE, fact_id=fid)]


_CORRECTED_FROM = """
MATCH (e:Evidence {fact_id: $fact_id}) WHERE e.corrected_from IS NOT NULL
RETURN DISTINCT e.corrected_from AS f
"""


def _correction_into(decisions: dict[str, list[Decision]], fid: str) -> Decision | None:
    """Of the facts `decisions` lists (by fact id), the latest decision of one that moved it
    to `fid`, when that decision still stands (a later one may have moved it elsewhere)."""
    found = [_latest(ds) for ds in decisions.values()]
    into = [d for d in found if d and d.decision == "correct" and corrected_fact_id(d) == fid]
    return _latest(into)


def _moved_ends(tx: Tx, fid: str) -> list[tuple[str, str, str]]:
    """(type, src, dst) where a fact may be that its anchored lookup (`_FIND_FACT`: an end
    its documents mention) cannot find: a reviewer moved it to a unit or initiative its
    documents never name, or added it between such ends. From the decisions on it and on the
    fact its evidence was corrected from."""
    froms = [r["f"] for r in tx.run(_CORRECTED_FROM, fact_id=fid)]
    by_fact = _decisions_of(tx, [fid, *froms])
    ends = [(d.fact["type"], d.fact["src"], d.fact["dst"]) for d in by_fact.pop(fid, [])]
    d = _correction_into(by_fact, fid)
    if d is not None:
        ends.append(
            (
                d.old["type"],
                d.new.get("src") or d.old["src"],
                d.new.get("dst") or d.old["dst"],
            )
        )
    return [e for e in dict.fromkeys(ends) if all(e) and e[0] in FACT_TYPES]


def _find_fact(tx: Tx, fid: str) -> dict[str, Any] | None:
    """Type, ends and properties of the fact `fid` in the graph, or None."""
    rec = tx.run(_FIND_FACT, fact_id=fid).single()
    if rec is not None:
        return dict(rec)
    for rel_type, src, dst in _moved_ends(tx, fid):
        props = _rel(tx, rel_type, src, dst, fid)
        if props is not None:
            return {"type": rel_type, "src": src, "dst": dst, "props": props}
    return None


def _snapshot(tx: Tx, fid: str) -> dict[str, Any] | None:
    """The fact as it is now: type, ends, properties and its evidence sentences."""
    rec = _find_fact(tx, fid)
    if rec is None:
        return None
    props = {k: v for k, v in dict(rec["props"]).items() if not k.startswith("review")}
    evidence = _evidence(tx, fid)
    for e in evidence:
        e.pop("id", None)
    return {
        "type": rec["type"],
        "src": rec["src"],
        "dst": rec["dst"],
        "props": props,
        "evidence": evidence,
    }


def _decisions_of(tx: Tx, fact_ids: Sequence[str]) -> dict[str, list[Decision]]:
    out: dict[str, list[Decision]] = {f: [] for f in fact_ids}
    if not fact_ids:
        return out
    for rec in tx.run(
        "UNWIND $ids AS f MATCH (d:ReviewDecision {fact_id: f}) RETURN properties(d) AS p",
        ids=list(fact_ids),
    ):
        d = Decision.from_node(dict(rec["p"]))
        out.setdefault(d.fact_id, []).append(d)
    return out


# -- making the graph agree with the decisions ---------------------------------------------
@dataclass
class _Touched:
    initiatives: set[str] = field(default_factory=set)
    parents: set[str] = field(default_factory=set)
    moved: list[str] = field(default_factory=list)  # new ids of facts a merge moved
    # (unit, initiative) whose adoption's review status changed: the summary's counts
    adoptions: set[tuple[str, str]] = field(default_factory=set)
    # every fact written, moved or deleted (type, src, dst, fact id): the queue heads read
    # these again (`keep_queue_heads`); `reopened`: one was set back to "extracted"
    facts: set[FactKey] = field(default_factory=set)
    reopened: bool = False

    def fact(self, rel_type: str | None, src: str | None, dst: str | None, fid: str | None) -> None:
        if rel_type and src and dst and fid:
            self.facts.add((rel_type, src, dst, fid))

    def add(self, rel_type: str | None, dst: str | None) -> None:
        if rel_type == "ADOPTED" and dst:
            self.initiatives.add(dst)
        elif rel_type == "PART_OF" and dst:
            self.parents.add(dst)

    def refresh(self, tx: Tx) -> None:
        if self.initiatives:
            summaries.RefreshInitiatives(sorted(self.initiatives)).run(tx)
        pairs = sorted((u, i) for u, i in self.adoptions if i not in self.initiatives)
        if pairs:
            summaries.AdjustInitiatives(pairs).run(tx)
        if self.parents:
            summaries.RefreshChildren(sorted(self.parents)).run(tx)


#: Cypher: the fact `f`'s documents with those of `$docs` (`$doc`) merged in, in order: a fact's
#: `doc_ids` are sorted wherever they are written (graph/model.py), and a store's merge of the
#: next document into them (`graph.store._insert_sorted`) expects them so; a correction, an
#: added fact and a merge appended theirs at the end
_DOCS_ADDED = _insert_sorted("f.doc_ids", "$docs")
_DOC_ADDED = _insert_sorted("f.doc_ids", "[$doc]")


def _existing_docs(tx: Tx, doc_ids: Sequence[str]) -> list[str]:
    if not doc_ids:
        return []
    found = {
        r["id"]
        for r in tx.run(
            "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id", ids=doc_ids
        )
    }
    return [d for d in doc_ids if d in found]


def _delete_fact(tx: Tx, rel_type: str, src: str, dst: str, fid: str) -> None:
    t = check_rel_type(rel_type)
    tx.run(
        f"MATCH (a:Entity {{id: $src}})-[r:{t}]->(b:Entity {{id: $dst}}) "
        "WHERE r.fact_id = $fid DELETE r",
        src=src,
        dst=dst,
        fid=fid,
    ).consume()
    tx.run("MATCH (e:Evidence {fact_id: $fid}) DELETE e", fid=fid).consume()


def _trim_missing(tx: Tx, rel_type: str, src: str, dst: str, fid: str) -> bool:
    """A corrected or added fact keeps only documents still in the graph (a deleted document
    may not mention its new ends, so `delete_document` cannot reach it); without any it goes,
    and its decision waits for a document to support it again. True when it went."""
    props = _rel(tx, rel_type, src, dst, fid)
    if props is None or props.get("source") is not None:
        return False
    docs = list(props.get("doc_ids") or [])
    kept = _existing_docs(tx, docs)
    if kept == docs:
        return False
    if kept:
        tx.run(
            f"MATCH (a:Entity {{id: $src}})-[r:{check_rel_type(rel_type)}]->"
            "(b:Entity {id: $dst}) WHERE r.fact_id = $fid SET r.doc_ids = $docs",
            src=src,
            dst=dst,
            fid=fid,
            docs=kept,
        ).consume()
        return False
    _delete_fact(tx, rel_type, src, dst, fid)
    return True


def _mark(
    tx: Tx,
    fact: dict[str, Any],
    fid: str,
    d: Decision,
    status: str,
    flag: Any,
    touched: _Touched,
) -> None:
    t = check_rel_type(fact["type"])
    if t == "ADOPTED":
        touched.adoptions.add((fact["src"], fact["dst"]))
    touched.fact(t, fact["src"], fact["dst"], fid)
    touched.reopened = touched.reopened or status == "extracted"
    tx.run(
        f"MATCH (a:Entity {{id: $src}})-[r:{t}]->(b:Entity {{id: $dst}}) WHERE r.fact_id = $fid "
        "SET r.review_status = $status, r.review_flag = $flag, r.reviewed_by = $who, "
        "r.reviewed_at = $time, r.review_decision = $did",
        src=fact["src"],
        dst=fact["dst"],
        fid=fid,
        status=status,
        flag=flag,
        who=d.reviewer,
        time=d.time,
        did=d.id,
    ).consume()


def _corrected_key(rel_type: str, props: dict[str, Any]) -> tuple[Any, ...]:
    if rel_type == "ADOPTED":
        return (props.get("stage"),)
    if rel_type == "HOLDS_ROLE":
        return (props.get("title"),)
    if rel_type == "LEARNED_FROM":
        return (props.get("initiative") or "",)
    return ()


def corrected_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The fact's values after a correction `new` of the fact recorded as `old`: the fields
    the correction gives replace the old ones (None removes one), and a fact moved to another
    unit leaves the old unit's scope (e.g. 全市法院) behind unless the correction gives one."""
    props = dict(old.get("props") or {})
    if new.get("src") and new["src"] != old.get("src") and "scope" not in new:
        props.pop("scope", None)
    props.update({k: new[k] for k in REL_FIELDS if k in new})
    return {k: v for k, v in props.items() if v is not None}


def corrected_fact_id(d: Decision) -> str:
    """The fact id a correction leads to (the same id when only a date or a figure changes)."""
    old = d.old
    props = corrected_props(old, d.new)
    return fact_id(
        old["type"],
        d.new.get("src") or old["src"],
        d.new.get("dst") or old["dst"],
        *_corrected_key(old["type"], props),
    )


def _apply_one(tx: Tx, fid: str, decisions: list[Decision], touched: _Touched) -> str | None:
    """Make the fact `fid` agree with its latest decision. Returns the fact id a correction
    moved it to (whose own decisions must be applied next), else None."""
    d = _latest(decisions)
    if d is None:
        return None
    if d.decision in ENTITY_DECISIONS:
        touched.moved.extend(_apply_entity(tx, d, touched))
        return None
    fact = d.fact
    if not fact["type"] or not fact["src"] or not fact["dst"]:
        return None
    rel_type = check_rel_type(fact["type"])
    if d.decision == "add":
        _apply_add(tx, d, touched)
        return None
    touched.fact(rel_type, fact["src"], fact["dst"], fid)  # restored, deleted or marked
    props = _rel(tx, rel_type, fact["src"], fact["dst"], fid)
    if props is None and d.decision in ("confirm", "correct") and _restore(tx, fid, d.old):
        # a rejection overruled by a later decision: the fact returns from the record
        touched.add(rel_type, fact["dst"])
        props = _rel(tx, rel_type, fact["src"], fact["dst"], fid)
    if d.decision == "reject":
        if props is not None or _evidence(tx, fid):
            _delete_fact(tx, rel_type, fact["src"], fact["dst"], fid)
            touched.add(rel_type, fact["dst"])
        return None
    # what earlier corrections of this fact set and the latest decision leaves alone (a
    # scope, a date, a figure: they kept the fact's id) stands too: the fact written again
    # from its document holds the extracted values, and the reviewer's must come back
    standing = _standing(decisions, d, fid)
    if d.decision == "confirm":
        if props is not None:
            current = {sentence_hash(e["sentence"]) for e in _evidence(tx, fid)}
            holds = not d.sentence_hashes or bool(current & set(d.sentence_hashes))
            status = "confirmed" if holds else "extracted"
            flag = None if holds else _FLAG_CHANGED
            if standing:
                as_set = replace(d, decision="correct", new=standing)
                _apply_correct(tx, fid, as_set, props, touched, status=status, flag=flag)
            else:
                _mark(tx, fact, fid, d, status, flag, touched)
        return None
    if d.new.get("src") and d.new["src"] != d.old.get("src"):
        # a scope is the old unit's: moved to another unit, the fact leaves it behind
        standing.pop("scope", None)
    if standing:
        d = replace(d, new={**standing, **d.new})
    return _apply_correct(tx, fid, d, props, touched)


def _standing(decisions: Sequence[Decision], latest: Decision, fid: str) -> dict[str, Any]:
    """The values earlier corrections of `fid` set that kept its id (scope, date, a figure's
    fields), since its last rejection and before `latest`, the later ones winning."""
    key = lambda x: (x.time, x.id)  # noqa: E731
    out: dict[str, Any] = {}
    for x in sorted(decisions, key=key):
        if key(x) >= key(latest):
            break
        if x.decision == "reject":
            out = {}
        elif x.decision == "correct" and x.old.get("type") and corrected_fact_id(x) == fid:
            out.update({k: v for k, v in x.new.items() if k in REL_FIELDS + OUTCOME_FIELDS})
    return out


def _restore(tx: Tx, fid: str, old: dict[str, Any]) -> bool:
    """Put a fact back from a decision's record of it (relationship and evidence), supported
    by those of its documents still in the graph. False when none is, or an end is gone."""
    rel_type = check_rel_type(old["type"])
    props = {k: v for k, v in (old.get("props") or {}).items() if not k.startswith("review")}
    docs = _existing_docs(tx, list(props.pop("doc_ids", None) or []))
    if not docs:
        return False
    props["fact_id"] = fid
    rec = tx.run(
        "MATCH (a:Entity {id: $src}) MATCH (b:Entity {id: $dst}) "
        f"MERGE (a)-[f:{rel_type} {{fact_id: $fid}}]->(b) "
        "ON CREATE SET f += $props SET f.doc_ids = $docs RETURN f.fact_id AS f",
        src=old["src"],
        dst=old["dst"],
        fid=fid,
        props=props,
        docs=docs,
    ).single()
    if rec is None:
        return False
    rows = [
        {
            "id": "ev:" + digest(fid, e.get("doc_id"), e.get("start"), e.get("end")),
            "props": {
                "fact_id": fid,
                "fact_type": rel_type,
                **{k: e.get(k) for k in ("doc_id", "sentence", "start", "end", "quote", "date")},
                "date_precision": e.get("date_precision"),
                **{
                    k: e.get(k)
                    for k in _ORIGINAL
                    if e.get(k) is not None
                    and not (k == "original_sentence" and e[k] == e.get("sentence"))
                },
            },
        }
        for e in old.get("evidence") or []
        if e.get("doc_id") in docs
    ]
    if rows:
        tx.run(
            "UNWIND $rows AS r MERGE (e:Evidence {id: r.id}) SET e += r.props", rows=rows
        ).consume()
    return True


def _apply_correct(
    tx: Tx,
    fid: str,
    d: Decision,
    props: dict[str, Any] | None,
    touched: _Touched,
    *,
    status: str = "corrected",
    flag: str | None = None,
) -> str | None:
    old = d.old
    rel_type = check_rel_type(old["type"])
    src = d.new.get("src") or old["src"]
    dst = d.new.get("dst") or old["dst"]
    changes = {k: d.new[k] for k in REL_FIELDS if k in d.new}
    if src != old["src"] and "scope" not in changes:
        changes["scope"] = None  # the old unit's scope stays with the old unit
    gone = sorted(k for k, v in changes.items() if v is None)  # removed ('' given)
    changes = {k: v for k, v in changes.items() if v is not None}
    new_fid = corrected_fact_id(d)
    touched.fact(rel_type, src, dst, new_fid)  # trimmed, deleted, moved to or marked
    target = {k: d.new[k] for k in OUTCOME_FIELDS if k in d.new}
    if props is None:  # the extracted fact is not in the graph (now or any more)
        if new_fid == fid:
            return None
        if _trim_missing(tx, rel_type, src, dst, new_fid):
            touched.add(rel_type, dst)
            return new_fid
        if _rel(tx, rel_type, src, dst, new_fid) is None:
            return new_fid
        # the fact it was corrected into stands on other documents, refolded from their
        # evidence (one of them deleted) or written again: it shows the reviewer's values
    docs = [] if props is None else _existing_docs(tx, list(props.get("doc_ids") or []))
    if new_fid == fid or props is None:
        tx.run(
            f"MATCH (a:Entity {{id: $src}})-[r:{rel_type}]->(b:Entity {{id: $dst}}) "
            "WHERE r.fact_id = $fid SET r += $changes" + "".join(f" REMOVE r.{k}" for k in gone),
            src=src,
            dst=dst,
            fid=new_fid,
            changes=changes,
        ).consume()
    else:
        moved = {k: v for k, v in props.items() if not k.startswith("review") and k not in gone}
        moved.update(changes)
        moved["fact_id"] = new_fid
        moved.pop("doc_ids", None)
        tx.run(
            "MATCH (a:Entity {id: $src}) MATCH (b:Entity {id: $dst}) "
            f"MERGE (a)-[f:{rel_type} {{fact_id: $fid}}]->(b) "
            "ON CREATE SET f += $props, f.doc_ids = [] "
            # a fact it was moved into before holds the values its documents' evidence
            # gives (refolded after a delete, written again): the reviewer's win
            f"SET f += $changes, f.doc_ids = {_DOCS_ADDED}, "
            # never its own id: a correction taken back moves the fact into the id it was
            # corrected from, carrying that id's list, which names it
            "f.corrected_from = [x IN coalesce(f.corrected_from, []) WHERE x <> $fid] + "
            "[x IN [$old] WHERE NOT x IN coalesce(f.corrected_from, [])]"
            + "".join(f" REMOVE f.{k}" for k in gone),
            src=src,
            dst=dst,
            fid=new_fid,
            props=moved,
            changes=changes,
            docs=docs,
            old=fid,
        ).consume()
        if "date" in changes:
            tx.run(
                f"MATCH (a:Entity {{id: $src}})-[r:{rel_type}]->(b:Entity {{id: $dst}}) "
                "WHERE r.fact_id = $fid SET r.date = $date, r.date_precision = $precision",
                src=src,
                dst=dst,
                fid=new_fid,
                date=changes["date"],
                precision=changes.get("date_precision"),
            ).consume()
        t = rel_type
        tx.run(
            f"MATCH (a:Entity {{id: $src}})-[r:{t}]->(b:Entity {{id: $dst}}) "
            "WHERE r.fact_id = $fid DELETE r",
            src=old["src"],
            dst=old["dst"],
            fid=fid,
        ).consume()
        tx.run(
            "MATCH (e:Evidence {fact_id: $old}) SET e.fact_id = $new, e.corrected_from = $old",
            old=fid,
            new=new_fid,
        ).consume()
    if target and label_kind(dst) == "Outcome":
        _set_outcome(tx, dst, target)
    _mark(tx, {"type": rel_type, "src": src, "dst": dst}, new_fid, d, status, flag, touched)
    touched.add(rel_type, old["dst"])
    touched.add(rel_type, dst)
    return new_fid if new_fid != fid else None


#: the fields of an outcome its display name is made of (`outcome_name`)
NAME_FIELDS: tuple[str, ...] = ("metric", "qualifier", "value", "unit_of_measure")


def outcome_name(metric: Any, qualifier: Any, value: Any, unit_of_measure: Any) -> str:
    """An outcome's display name as ingest makes it (lists, exports, the 举措 page's 成效数据).

    >>> outcome_name("调解率", None, 60.0, "%")
    '调解率 60%'
    >>> outcome_name("结案", "超过", 1200, "件")
    '结案 超过1200件'
    """
    figure = f"{value:g}" if isinstance(value, (int, float)) else str(value or "")
    return f"{metric or ''} {qualifier or ''}{figure}{unit_of_measure or ''}"


def _set_outcome(tx: Tx, outcome: str, target: dict[str, Any]) -> None:
    """Set a corrected figure's fields on its outcome, and what is derived from them: the
    display name and the text the full-text index sees (re-ingest folds the document's old
    values back in; applying the correction again sets them right again)."""
    rec = tx.run(
        "MATCH (b:Entity {id: $id}) SET b += $target "
        "RETURN b.metric AS metric, b.qualifier AS qualifier, b.value AS value, "
        "b.unit_of_measure AS unit_of_measure, b.aliases AS aliases",
        id=outcome,
        target=target,
    ).single()
    if rec is None or not set(target) & set(NAME_FIELDS):
        return
    name = outcome_name(*(rec[k] for k in NAME_FIELDS))
    tx.run(
        "MATCH (b:Entity {id: $id}) SET b.name = $name, b.search_text = $text",
        id=outcome,
        name=name,
        text=search_text(name, list(rec["aliases"] or [])),
    ).consume()


def label_kind(node_id: str) -> str:
    from graph.model import label_of

    try:
        return label_of(node_id)
    except ValueError:
        return ""


def _apply_add(tx: Tx, d: Decision, touched: _Touched) -> None:
    n = d.new
    rel_type = check_rel_type(n["type"])
    touched.fact(rel_type, n["src"], n["dst"], d.fact_id)
    doc = n.get("doc_id")
    if not doc or not _existing_docs(tx, [doc]):
        # its document is not in the graph: the decision waits for it
        if _trim_missing(tx, rel_type, n["src"], n["dst"], d.fact_id):
            touched.add(rel_type, n["dst"])
        return
    props = {k: n[k] for k in REL_FIELDS if n.get(k) is not None}
    props["fact_id"] = d.fact_id
    rec = tx.run(
        "MATCH (a:Entity {id: $src}) MATCH (b:Entity {id: $dst}) "
        f"MERGE (a)-[f:{rel_type} {{fact_id: $fid}}]->(b) "
        "ON CREATE SET f += $props, f.doc_ids = [] "
        f"SET f.doc_ids = {_DOC_ADDED}, f.review_added = true "
        "RETURN f.fact_id AS fid",
        src=n["src"],
        dst=n["dst"],
        fid=d.fact_id,
        props=props,
        doc=doc,
    ).single()
    if rec is None:
        return  # an end is not in the graph
    if n.get("sentence") is not None:
        start, end = int(n.get("start") or 0), int(n.get("end") or 0)
        tx.run(
            "MERGE (e:Evidence {id: $id}) SET e += $props",
            id="ev:" + digest(d.fact_id, doc, start, end),
            props={
                "fact_id": d.fact_id,
                "fact_type": rel_type,
                "doc_id": doc,
                "sentence": n["sentence"],
                "start": start,
                "end": end,
                "quote": n.get("quote") or "",
                "date": n.get("date"),
                "date_precision": n.get("date_precision"),
            },
        ).consume()
    _mark(
        tx,
        {"type": rel_type, "src": n["src"], "dst": n["dst"]},
        d.fact_id,
        d,
        "confirmed",
        None,
        touched,
    )
    touched.add(rel_type, n["dst"])


def _correction_depth(by_fact: dict[str, list[Decision]]) -> dict[str, int]:
    """How many corrections among these facts' latest decisions lead into each fact (A
    corrected into B, B into C: A 0, B 1, C 2), so a fact is applied after those moved into
    it, as when the decisions were made. A cycle (A into B, then B back into A) is cut at
    its latest correction: the facts are applied in the order they were corrected."""
    into: dict[str, str] = {}
    when: dict[str, tuple[str, str]] = {}
    for f, ds in by_fact.items():
        d = _latest(ds)
        if d is not None and _moves_away(d, f) and corrected_fact_id(d) in by_fact:
            into[f], when[f] = corrected_fact_id(d), (d.time, d.id)
    for start in list(into):
        path: list[str] = []
        at = start
        while at in into and at not in path:
            path.append(at)
            at = into[at]
        if at in path:  # a cycle: drop its latest correction's edge
            cycle = path[path.index(at) :]
            into.pop(max(cycle, key=lambda x: when[x]), None)
    depth: dict[str, int] = {}

    def depth_of(f: str) -> int:
        if f not in depth:
            depth[f] = 0
            depth[f] = max((depth_of(s) + 1 for s, t in into.items() if t == f), default=0)
        return depth[f]

    return {f: depth_of(f) for f in by_fact}


def _moves_away(d: Decision, fid: str) -> bool:
    return d.decision == "correct" and bool(d.old.get("type")) and corrected_fact_id(d) != fid


def _apply(tx: Tx, fact_ids: Iterable[str], touched: _Touched | None = None) -> int:
    """Apply the latest decision of each fact (and of the facts corrections lead to); what
    it wrote is recorded in `touched`."""
    todo = list(dict.fromkeys(fact_ids))
    seen: set[str] = set()
    touched = _Touched() if touched is None else touched
    applied = 0
    moved_into: dict[str, tuple[str, str]] = {}  # a fact: the latest correction moving into it
    while todo:
        batch = [f for f in todo if f not in seen]
        todo = []
        seen.update(batch)
        by_fact = _decisions_of(tx, batch)
        # facts first, then merges and renames move what survives; a fact before the one
        # its correction moves it into, whose own later decisions then stand
        depth = _correction_depth(by_fact)
        entity_last = sorted(
            (f for f in batch if by_fact.get(f)),
            key=lambda f: (
                any(d.decision in ENTITY_DECISIONS for d in by_fact[f]),
                depth.get(f, 0),
            ),
        )
        for fid in entity_last:
            applied += 1
            latest = _latest(by_fact[fid])
            if (
                fid in moved_into
                and latest is not None
                and _moves_away(latest, fid)
                and (latest.time, latest.id) < moved_into[fid]
            ):
                # an older correction that moved it away: the later one that moved a fact
                # into it overrules it (a correction taken back)
                continue
            moved = _apply_one(tx, fid, by_fact[fid], touched)
            if moved and latest is not None:
                moved_into[moved] = max(moved_into.get(moved, ("", "")), (latest.time, latest.id))
            if moved and moved not in seen:
                todo.append(moved)
        # facts a merge moved to new ids: their own decisions apply next
        todo += [f for f in dict.fromkeys(touched.moved) if f not in seen]
        touched.moved.clear()
    touched.refresh(tx)
    return applied


def _lock(tx: Tx) -> None:
    """Write one shared node first, so transactions that decide or apply decisions run one
    after another (Neo4j waits for the lock, ArcadeDB retries the later one) and each sees
    every record committed before it: the latest decision always wins."""
    tx.run("MATCH (m:Meta {id: $id}) SET m.review_lock = $t", id=_LOCK, t=now()).consume()


_LOCK = "review"


def _ensure_lock(store: GraphStore) -> None:
    """The lock node, created on its own (two first decisions may race to create it)."""
    if store.read("MATCH (m:Meta {id: $id}) RETURN m.id AS id", {"id": _LOCK}):
        return
    with contextlib.suppress(neo4j.exceptions.ConstraintError):  # another made it first
        store.write_statements([("MERGE (m:Meta {id: $id})", {"id": _LOCK})])


@dataclass
class ApplyDecisions:
    """A store statement: make these facts agree with their decisions (caller's transaction)."""

    fact_ids: Sequence[str]
    applied: int = 0
    touched: _Touched = field(default_factory=_Touched)

    def run(self, tx: Tx) -> None:
        _lock(tx)
        self.touched = _Touched()  # (a transaction run again starts afresh)
        self.applied = _apply(tx, self.fact_ids, self.touched)


@dataclass
class RecordDecision:
    """A store statement: snapshot the fact, store the decision, apply the fact's decisions."""

    decision: Decision
    snapshot: bool = True
    touched: _Touched = field(default_factory=_Touched)

    def run(self, tx: Tx) -> None:
        _lock(tx)
        self.touched = _Touched()
        d = self.decision
        if self.snapshot and d.decision != "add":
            snap = _snapshot(tx, d.fact_id)
            if snap is None:  # rejected (perhaps a moment ago, by another reviewer)?
                earlier = _latest(
                    [x for x in _decisions_of(tx, [d.fact_id])[d.fact_id] if x.old.get("type")]
                )
                snap = earlier.old if earlier else None
            if snap is None and not d.old:
                raise CourtgraphError(
                    f"图中没有事实 {d.fact_id!r}（其文档可能已删除）；"
                    "审核记录见 `python -m graph review history`"
                )
            if snap is not None:
                d.old = snap
                d.sentence_hashes = sorted(
                    {sentence_hash(e["sentence"]) for e in snap.get("evidence", [])}
                )
        if d.decision == "correct" and self.snapshot:
            fault = _figure_fields_fault(d)
            if fault:
                raise BadParameter(fault)
            if _moves_figure_away(d):  # its initiative is its link's
                links = [r["fact_id"] for r in tx.run(_FIGURE_LINKS, figure=d.old["dst"])]
                raise BadParameter(_relink_words(d.fact_id, _fact_words(d.old), links))
        if d.decision == "merge":  # (as `merge_entities`: the entity kept must be here)
            keep = str(d.new.get("keep") or "")
            if not tx.run("MATCH (n:Entity {id: $id}) RETURN n.id AS id", id=keep).single():
                raise BadParameter(f"图中没有实体 {keep!r}（合并时保留的实体）")
        if d.decision == "correct":
            for k in ("src", "dst"):
                if (
                    d.new.get(k)
                    and not tx.run(
                        "MATCH (n:Entity {id: $id}) RETURN n.id AS id", id=d.new[k]
                    ).single()
                ):
                    raise BadParameter(f"图中没有实体 {d.new[k]!r}")
        tx.run("CREATE (d:ReviewDecision) SET d = $props", props=d.node_props()).consume()
        _apply(tx, [d.fact_id], self.touched)


def _write(store: GraphStore, statements: list[Any]) -> None:
    _ensure_lock(store)
    store.write_statements(cast(Any, statements))


# -- the public operations -----------------------------------------------------------------
def decide(
    store: GraphStore,
    fact_id_: str,
    decision: str,
    *,
    reviewer: str,
    note: str = "",
    new: dict[str, Any] | None = None,
    time: str | None = None,
) -> Decision:
    """Record one decision on a fact and make the graph agree with it (one transaction).

    `new` for a correction: any of `src`, `dst` (entity ids), `stage`, `title`, `date`,
    `date_precision`, `scope`, and for an outcome `metric`, `value`, `unit_of_measure`,
    `period`, `qualifier`. A rejection's reason goes in `note`.
    """
    if decision == "add":
        raise BadParameter("新增事实请用 add_fact")
    if decision == "correct" and not new:
        raise BadParameter("修改须给出新的值（单位、举措、阶段、日期……）")
    if decision == "reject" and not note:
        raise BadParameter(f"驳回须写明理由，例如：{'、'.join(REJECT_REASONS[:3])}")
    d = Decision(
        fact_id=fact_id_, decision=decision, reviewer=reviewer, note=note, new=dict(new or {})
    )
    if time:
        d.time = time
        d.id = ""
        d.__post_init__()
    if decision == "correct":
        bad = set(d.new) - set(REL_FIELDS) - set(OUTCOME_FIELDS) - {"src", "dst"}
        if bad:
            raise BadParameter(f"不能修改 {'、'.join(sorted(bad))}")
        check_values(d.new)
    stmt = RecordDecision(d)
    _write(store, [stmt])
    if stmt.touched.reopened:  # (a fact back in the queue: its evidence changed)
        keep_queue_heads(store, stmt.touched.facts)
    return d


#: how far ahead of this machine's clock an imported decision's time may be (another
#: machine's clock, a time zone written wrong); later than that, it would outrank every
#: decision made here until that day
CLOCK_SKEW = timedelta(days=1)


_FIGURE_LINKS = """
MATCH (o:Entity {id: $figure})-[r:REPORTED]->(i:Entity)
RETURN r.fact_id AS fact_id, i.id AS initiative ORDER BY fact_id
"""


def _reports_figure(type_: Any, src: Any, dst: Any) -> bool:
    """Whether a fact is a unit's report of a figure (REPORTED unit → outcome)."""
    return (
        type_ == "REPORTED"
        and label_kind(str(src or "")) != "Outcome"
        and label_kind(str(dst or "")) == "Outcome"
    )


def _moves_figure_away(d: Decision) -> bool:
    """Whether correction `d` moves a unit's report of a figure to an initiative: the figure
    would leave every answer (its initiative is its link's: `relink_figure`)."""
    return _reports_figure(d.old.get("type"), d.old.get("src"), d.old.get("dst")) and (
        label_kind(str(d.new.get("dst") or "")) == "Initiative"
    )


def _fact_words(old: dict[str, Any]) -> str:
    return f"{old.get('type')} {old.get('src') or ''} → {old.get('dst') or ''}"


def _figure_fields_fault(d: Decision) -> str | None:
    """Why correction `d` may not set a figure's fields (value, period …): the fact it
    corrects, or moves to, reports no figure; None when it may."""
    figure = sorted(set(d.new) & set(OUTCOME_FIELDS))
    dst = str(d.new.get("dst") or d.old.get("dst") or "")
    if not figure or label_kind(dst) == "Outcome":
        return None
    moved = f"（改到 → {dst}）" if dst != d.old.get("dst") else ""
    return (
        f"数字的 {'、'.join(figure)} 须在报告该数字的单位事实上修改（REPORTED unit → figure），"
        f"而不是在 {_fact_words(d.old)}{moved} 上"
    )


def _relink_words(fid: str, was: str, links: Sequence[str]) -> str:
    """Why a unit's fact that reports a figure is not moved to an initiative."""
    where = (
        f"这项数字关联举措的事实是 {'、'.join(links)}，请修改它"
        if links
        else "这项数字还没有关联举措"
    )
    return (
        f"{fid} 是单位报告数字的事实（{was}）：改为举措会让这项数字从所有答案中消失。"
        f"{where}，或用 `python -m graph review correct {fid} --initiative 举措` "
        "（把数字关联到该举措）"
    )


def figure_reported(store: GraphStore, fact_id_: str) -> str | None:
    """The figure (outcome id) a unit's fact reporting a figure (REPORTED unit → outcome)
    reports, or None for any other fact."""
    for r in store.read(_FIND_FACT, {"fact_id": fact_id_}):
        if _reports_figure(r["type"], r["src"], r["dst"]):
            return str(r["dst"])
    return None


def locate(store: GraphStore, fact_id_: str) -> dict[str, Any] | None:
    """Where a fact is, for a link to its review: its type, ends and documents (`doc_ids`),
    from the graph, else (rejected, or moved) from its latest decision; None when unknown."""
    for r in store.read(_FIND_FACT, {"fact_id": fact_id_}):
        props = dict(r["props"] or {})
        return {
            "type": r["type"],
            "src": r["src"],
            "dst": r["dst"],
            "doc_ids": list(props.get("doc_ids") or []),
        }
    d = _latest([x for x in decisions(store, fact_id_) if x.old.get("type")])
    if d is None:
        return None
    return {
        "type": d.old["type"],
        "src": d.old.get("src"),
        "dst": d.old.get("dst"),
        "doc_ids": list(d.old.get("props", {}).get("doc_ids") or []),
    }


def correction_into(store: GraphStore, fact_id_: str, new: dict[str, Any]) -> dict[str, Any]:
    """What a correction `new` of an adoption would do beyond itself, for the 审核 page to
    say before saving: `into`, the fact id it leads to when the graph holds that fact already
    (the correction merges into it, which becomes 已修改, so verified), with its `status`; and
    `figures`, how many figures the unit reports linked to the old initiative when the
    initiative changes (they stay linked to it). Nothing for other facts."""
    out: dict[str, Any] = {"into": None, "status": None, "figures": 0}
    rows = store.read(_FIND_FACT, {"fact_id": fact_id_})
    if not rows or rows[0]["type"] != "ADOPTED":
        return out
    r = rows[0]
    old = {"type": "ADOPTED", "src": r["src"], "dst": r["dst"], "props": dict(r["props"] or {})}
    props = corrected_props(old, new)
    src, dst = new.get("src") or r["src"], new.get("dst") or r["dst"]
    into = fact_id("ADOPTED", src, dst, *_corrected_key("ADOPTED", props))
    if into != fact_id_ and store.read(
        "MATCH (a:Entity {id: $src})-[r:ADOPTED]->(b:Entity {id: $dst}) "
        "WHERE r.fact_id = $f RETURN r.fact_id AS f",
        {"src": src, "dst": dst, "f": into},
    ):
        out["into"], out["status"] = into, status_of(store, into)
    if dst != r["dst"]:
        out["figures"] = len(
            store.read(
                "MATCH (:Entity {id: $unit})-[:REPORTED]->(o:Outcome)-[:REPORTED]->"
                "(:Entity {id: $initiative}) RETURN DISTINCT o.id AS o",
                {"unit": r["src"], "initiative": r["dst"]},
            )
        )
    return out


def figure_links(store: GraphStore, figure: str) -> list[dict[str, Any]]:
    """The links of a figure to initiatives (REPORTED outcome → initiative): fact id and
    initiative id of each."""
    return [dict(r) for r in store.read(_FIGURE_LINKS, {"figure": figure})]


def relink_figure(
    store: GraphStore,
    fact_id_: str,
    initiative: str,
    *,
    reviewer: str,
    note: str = "",
) -> tuple[str, Decision | None]:
    """Link the figure a unit's fact reports (REPORTED unit → outcome `fact_id_`) to
    `initiative`: what `review correct … --initiative` and the 审核 page's 相关举措 box mean
    on such a fact (moving the unit's fact itself to the initiative would take the figure
    out of every answer). The figure's one link fact (REPORTED outcome → initiative) is
    corrected to it; a figure without a link gets one, added by the reviewer on the unit
    fact's sentence. Returns the link's fact id (after the change) and the decision (None
    when the figure is linked to `initiative` already). BadParameter when the fact reports
    no figure, when the figure has several links (naming them: the reviewer corrects the
    one meant) or when the unit's fact has no sentence to anchor a new link to."""
    figure = figure_reported(store, fact_id_)
    if figure is None:
        raise BadParameter(f"{fact_id_} 不是单位报告数字的事实（REPORTED 单位 → 成效数据）")
    if label_kind(initiative) != "Initiative":
        raise BadParameter(f"{initiative} 不是举措")
    links = figure_links(store, figure)
    if len(links) > 1:
        ids = "、".join(str(r["fact_id"]) for r in links)
        raise BadParameter(
            f"数字 {figure} 关联了 {len(links)} 项举措（关联事实 {ids}）：请在要改的那条关联"
            "事实上修改举措（python -m graph review correct 关联事实ID --initiative 举措）"
        )
    if links:
        link = str(links[0]["fact_id"])
        if links[0]["initiative"] == initiative:
            return link, None
        d = decide(store, link, "correct", reviewer=reviewer, note=note, new={"dst": initiative})
        return corrected_fact_id(d), d
    ev = [e for e in store.read(_EVIDENCE, {"fact_id": fact_id_}) if e.get("sentence")]
    if not ev:
        raise BadParameter(f"{fact_id_} 没有证据句，无法为数字 {figure} 新增关联举措的事实")
    e = min(ev, key=lambda x: (str(x["doc_id"]), int(x["start"] or 0)))
    d = add_fact(
        store,
        rel_type="REPORTED",
        src=figure,
        dst=initiative,
        doc_id=str(e["doc_id"]),
        sentence=str(e["sentence"]),
        start=int(e["start"] or 0),
        end=int(e["end"] or 0),
        reviewer=reviewer,
        note=note or "审核时把数字关联到该举措",
    )
    return d.fact_id, d


def check_values(new: dict[str, Any], *, today: str | None = None) -> None:
    """BadParameter when a correction's or an added fact's values are what `review correct`,
    `review add` and the 审核 page refuse: an end that is no id, a stage that is none of
    `STAGES`, a figure that is no finite number, a qualifier none of `QUALIFIERS`, a date or
    period that does not exist or lies after `today` (`date_precision`, `period_value`), a
    date's precision that is not its own. `decide`, `add_fact` and `review import` check
    with it (a decision file could store 2025-02-30, the command line cannot).

    >>> check_values({"stage": "piloted", "value": 12, "period": "2023-06/2023"})
    >>> check_values({"value": "12件"})
    Traceback (most recent call last):
    ...
    graph.errors.BadParameter: 数值应为数字（value: '12件'）
    """
    import math

    for key in ("src", "dst"):
        if key in new and not (isinstance(new[key], str) and new[key]):
            raise BadParameter(f"实体应为 ID（{key}: {new[key]!r}）")
    for key in ("title", "metric", "unit_of_measure"):
        if key in new and not isinstance(new[key], str):
            raise BadParameter(f"应为文字（{key}: {new[key]!r}）")
    for key in ("scope", "initiative"):  # None ('' on the command line) takes it away
        if new.get(key) is not None and not isinstance(new[key], str):
            raise BadParameter(f"应为文字（{key}: {new[key]!r}）")
    if "stage" in new and new["stage"] not in STAGES:
        from graph.model import STAGE_ZH

        names = "、".join(f"{STAGE_ZH[code]}（{code}）" for code in STAGES)
        raise BadParameter(f"阶段 {new['stage']!r} 无效：应为 {names} 之一（stage）")
    if "value" in new:
        value = new["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadParameter(f"数值应为数字（value: {value!r}）")
        if not math.isfinite(value):
            raise BadParameter(f"数值应为有限的数字（value: {value!r}）")
    qualifier = new.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise BadParameter(
            f"限定词 {qualifier!r} 无效：应为 {' '.join(QUALIFIERS)} 之一，或用 '' 去掉"
        )
    if "date" in new:
        date = new["date"]
        if not isinstance(date, str):
            raise BadParameter(f"日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD（date: {date!r}）")
        precision = date_precision(date, today=today)
        if new.get("date_precision", precision) != precision:
            raise BadParameter(
                f"日期 {date!r} 的精度应为 {precision}（date_precision: {new['date_precision']!r}）"
            )
    elif "date_precision" in new:
        raise BadParameter(f"只给了日期精度，没有日期（date_precision: {new['date_precision']!r}）")
    if "period" in new:
        period = new["period"]
        if not isinstance(period, str):
            raise BadParameter(
                f"统计期间应为文字，如 2024 或 2024-01/2024-06（period: {period!r}）"
            )
        period_value(period, today=today)


def check_record(d: Decision, *, today: str | None = None) -> None:
    """BadParameter when a decision read from a file (`review import`) says what the
    command line and the 审核 page never record: a time that is no ISO time or lies more
    than `CLOCK_SKEW` ahead, a date or period after the decision's own day (its time plus
    `CLOCK_SKEW`, unless `today` is given), a rejection without its reason, a correction
    without values or of a field no correction changes, a figure's fields on a fact that
    reports no figure, values `check_values` refuses, an added fact without its sentence's
    offsets, a rename without a name, a promotion of other fields than `PROMOTE_FIELDS`."""
    try:
        when = datetime.fromisoformat(d.time)
    except ValueError:
        raise BadParameter(
            f"审核时间应为 ISO 时间，如 2026-01-05T08:00:00+00:00（time: {d.time!r}）"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if when > datetime.now(UTC) + CLOCK_SKEW:
        raise BadParameter(f"审核时间晚于现在（time: {d.time!r}）")
    if today is None:
        # "after today" as it was where and when the decision was made: its own time, a day
        # of slack for its time zone and clock (2026-12-08 decided at 00:30 in Shanghai is
        # 16:30 UTC the day before), never the importing machine's date
        today = (when + CLOCK_SKEW).date().isoformat()
        try:
            _check_record(d, today=today)
        except BadParameter as exc:
            said = str(exc).replace(
                f"晚于今天（{today}）",
                f"晚于审核之日（审核时间 {d.time} 加一天时差：{today}）",
            )
            raise BadParameter(said) from None
        return
    _check_record(d, today=today)


def _check_record(d: Decision, *, today: str) -> None:
    if d.decision in ("reject", "drop") and not d.note:  # (as `decide`, `drop_candidate`)
        raise BadParameter(f"{DECISION_ZH[d.decision]}须写明理由（note）")
    if d.decision == "correct":
        if not d.new:
            raise BadParameter("修改须给出新的值（new 为空）")
        bad = set(d.new) - set(REL_FIELDS) - set(OUTCOME_FIELDS) - {"src", "dst"}
        if bad:
            raise BadParameter(f"不能修改 {'、'.join(sorted(bad))}")
        if _moves_figure_away(d):  # (as RecordDecision refuses it)
            raise BadParameter(
                f"{d.fact_id} 是单位报告数字的事实（{_fact_words(d.old)}）：不能改为"
                "举措，数字关联的举措记在它的关联事实（REPORTED 数字 → 举措）上"
            )
        fault = _figure_fields_fault(d)
        if fault:
            raise BadParameter(fault)
        check_values(d.new, today=today)
    elif d.decision == "add":
        start, end = d.new.get("start"), d.new.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            raise BadParameter(f"新增的事实须写明句子的位置（start: {start!r}，end: {end!r}）")
        check_values({k: v for k, v in d.new.items() if k in REL_FIELDS}, today=today)
    elif d.decision == "rename":
        name = d.new.get("name")
        if not (isinstance(name, str) and name.strip()):
            raise BadParameter(f"请给出新名称（name: {name!r}）")
    elif d.decision == "promote":
        bad = set(d.new) - set(PROMOTE_FIELDS)
        if bad:
            raise BadParameter(f"纳入举措名录不能设定 {'、'.join(sorted(bad))}")


def decide_many(
    store: GraphStore,
    fact_ids: Sequence[str],
    decision: str,
    *,
    reviewer: str,
    note: str = "",
) -> list[Decision]:
    """The same decision (confirm or reject) on many facts, in one transaction."""
    if decision not in ("confirm", "reject"):
        raise BadParameter("只有确认和驳回可以一次用于多条事实")
    if decision == "reject" and not note:
        raise BadParameter("驳回须写明理由")
    done = [Decision(fact_id=f, decision=decision, reviewer=reviewer, note=note) for f in fact_ids]
    for i in range(0, len(done), 200):
        stmts = [RecordDecision(d) for d in done[i : i + 200]]
        _write(store, cast(list[Any], stmts))
        if any(x.touched.reopened for x in stmts):  # (see `decide`)
            keep_queue_heads(store, {f for x in stmts for f in x.touched.facts})
    return done


def add_fact(
    store: GraphStore,
    *,
    rel_type: str,
    src: str,
    dst: str,
    doc_id: str,
    sentence: str,
    start: int,
    end: int,
    reviewer: str,
    props: dict[str, Any] | None = None,
    note: str = "",
) -> Decision:
    """Add a fact the extractor missed, anchored to a sentence of a document.

    When the graph already holds it (the same fact id, or for an adoption or a role the one
    fact of that type between the two ends that the anchor's sentence supports, whatever its
    stage or title), the add confirms it; where the reviewer's values (stage, title, date,
    scope) differ from the fact's, they are recorded as a correction of it (`decide`), after
    the add, so they win, last through re-ingest, and the correction's record keeps what was
    there before. Returns the correction then, else the add.

    A value absent from `props` or None was not chosen: it never changes the fact found (an
    add form's default stage must be sent as None, not as 采用). A new adoption without a
    stage is `ADD_STAGE` (采用); the returned decision's `new` holds the values used."""
    check_rel_type(rel_type)
    # a value absent or None was not chosen: never a change to the fact found
    extra = {k: v for k, v in (props or {}).items() if k in REL_FIELDS and v is not None}
    check_values(extra)
    fid = fact_id(rel_type, src, dst, *_corrected_key(rel_type, extra))
    found = _known_fact(store, rel_type, src, dst, fid, doc_id, sentence)
    if found is None and rel_type == "ADOPTED" and "stage" not in extra:
        # a new adoption without a stage: 采用 (which the graph may hold already)
        extra["stage"] = ADD_STAGE
        fid = fact_id(rel_type, src, dst, *_corrected_key(rel_type, extra))
        found = _known_fact(store, rel_type, src, dst, fid, doc_id, sentence)
    if found is not None:
        known_fid, known = found
        changes = {k: v for k, v in extra.items() if v is not None and known.get(k) != v}
        if changes and "date" in changes and extra.get("date_precision") is not None:
            changes["date_precision"] = extra["date_precision"]
        if changes:
            added = None
            if known_fid == fid:  # the reviewer's sentence becomes evidence first
                added = _record_add(
                    store,
                    rel_type,
                    src,
                    dst,
                    fid,
                    doc_id,
                    sentence,
                    start,
                    end,
                    reviewer,
                    extra,
                    note,
                )
            return decide(
                store,
                known_fid,
                "correct",
                reviewer=reviewer,
                note=note or "新增时已有此事实：按新增所填修改",
                new=changes,
                time=_after(added.time) if added else None,
            )
        # the same values (a stage or title not given is the fact's own): a confirmation
        keyed = {"ADOPTED": "stage", "HOLDS_ROLE": "title", "LEARNED_FROM": "initiative"}
        keys = (keyed[rel_type],) if rel_type in keyed else ()
        extra = {**{k: known[k] for k in keys if known.get(k) is not None}, **extra}
        fid = known_fid
    return _record_add(
        store, rel_type, src, dst, fid, doc_id, sentence, start, end, reviewer, extra, note
    )


def _after(time: str) -> str:
    """A decision time later than `time` (the clock may not have moved on)."""
    t = now()
    if t > time:
        return t
    return (datetime.fromisoformat(time) + timedelta(microseconds=1)).isoformat(
        timespec="microseconds"
    )


def _known_fact(
    store: GraphStore, rel_type: str, src: str, dst: str, fid: str, doc_id: str, sentence: str
) -> tuple[str, dict[str, Any]] | None:
    """The fact an add names that the graph already holds (its id and properties): the same
    fact id, else, for a keyed type, the one fact of that type between the ends that the
    anchor's sentence supports (none or several: the add is a fact of its own, e.g. a
    promotion the extractor missed beside the pilot it found in another sentence)."""
    t = check_rel_type(rel_type)
    rows = store.read(
        f"MATCH (a:Entity {{id: $src}})-[r:{t}]->(b:Entity {{id: $dst}}) "
        "RETURN r.fact_id AS f, properties(r) AS p",
        {"src": src, "dst": dst},
    )
    for r in rows:
        if r["f"] == fid:
            return fid, dict(r["p"])
    if not _corrected_key(t, {}):
        return None
    others = [r["f"] for r in rows if doc_id in (r["p"].get("doc_ids") or [])]
    if not others:
        return None
    said = store.read(
        "UNWIND $fids AS f MATCH (e:Evidence {fact_id: f}) WHERE e.doc_id = $doc "
        "RETURN DISTINCT e.fact_id AS f, e.sentence AS sentence",
        {"fids": others, "doc": doc_id},
    )
    mine = sentence_hash(sentence)
    same = sorted({r["f"] for r in said if sentence_hash(r["sentence"] or "") == mine})
    if len(same) == 1:
        return same[0], next(dict(r["p"]) for r in rows if r["f"] == same[0])
    return None


def _record_add(
    store: GraphStore,
    rel_type: str,
    src: str,
    dst: str,
    fid: str,
    doc_id: str,
    sentence: str,
    start: int,
    end: int,
    reviewer: str,
    extra: dict[str, Any],
    note: str,
) -> Decision:
    d = Decision(
        fact_id=fid,
        decision="add",
        reviewer=reviewer,
        note=note,
        new={
            "type": rel_type,
            "src": src,
            "dst": dst,
            "doc_id": doc_id,
            "sentence": sentence,
            "start": start,
            "end": end,
            **extra,
        },
        sentence_hashes=[sentence_hash(sentence)],
    )
    _write(store, [RecordDecision(d, snapshot=False)])
    return d


def decisions(store: GraphStore, fact_id_: str | None = None) -> list[Decision]:
    """Every decision (or those on one fact), oldest first."""
    if fact_id_ is None:
        rows = store.read("MATCH (d:ReviewDecision) RETURN properties(d) AS p")
    else:
        rows = store.read(
            "MATCH (d:ReviewDecision {fact_id: $f}) RETURN properties(d) AS p",
            {"f": fact_id_},
        )
    out = [Decision.from_node(r["p"]) for r in rows]
    return sorted(out, key=lambda d: (d.time, d.id))


def history(store: GraphStore, fact_id_: str) -> list[Decision]:
    """The decisions on a fact and on the facts it was corrected into or from, oldest first.
    For the link of a figure to its initiative (REPORTED outcome → initiative) also those on
    the unit's fact that reports the figure (REPORTED unit → outcome): a figure is corrected
    or rejected there (`RecordDecision` refuses it on the link), and that decision is what
    applies to the link's figure."""
    everything = decisions(store)
    found = _corrections_chain(everything, [fact_id_])
    outcome = _figure_of_link(store, fact_id_, found.values())
    if outcome is not None:
        units = [
            d.fact_id
            for d in everything
            if d.fact["type"] == "REPORTED" and d.fact["dst"] == outcome
        ]
        found.update(_corrections_chain(everything, units))
    return sorted(found.values(), key=lambda d: (d.time, d.id))


def _corrections_chain(everything: Sequence[Decision], start: Iterable[str]) -> dict[str, Decision]:
    """The decisions on the facts `start` and on those they were corrected into or from."""
    seen = set(start)
    found: dict[str, Decision] = {}
    todo = list(seen)
    while todo:
        f = todo.pop()
        for d in everything:
            if d.fact_id == f and d.id not in found:
                found[d.id] = d
                if d.decision == "correct":
                    nxt = corrected_fact_id(d)
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            elif d.decision == "correct" and d.id not in found and corrected_fact_id(d) == f:
                found[d.id] = d
                if d.fact_id not in seen:
                    seen.add(d.fact_id)
                    todo.append(d.fact_id)
    return found


def _figure_of_link(store: GraphStore, fid: str, known: Iterable[Decision]) -> str | None:
    """The outcome (figure) whose link to an initiative fact `fid` is, or None when `fid`
    is not such a link: told by a decision on it, else by the graph."""
    ends = [(d.fact["type"], d.fact["src"]) for d in known if d.fact_id == fid]
    if not ends:
        ends = [(r["type"], r["src"]) for r in store.read(_FIND_FACT, {"fact_id": fid})]
    for rel_type, src in ends:
        if rel_type == "REPORTED" and src and label_kind(src) == "Outcome":
            return str(src)
    return None


def status_of(store: GraphStore, fact_id_: str) -> str:
    """A fact's review status: from its latest decision, else extracted."""
    d = _latest(decisions(store, fact_id_))
    if d is None:  # a correction may have moved another fact here
        froms = [r["f"] for r in store.read(_CORRECTED_FROM, {"fact_id": fact_id_})]
        by_fact: dict[str, list[Decision]] = {}
        for f in froms:
            by_fact[f] = decisions(store, f)
        return "corrected" if _correction_into(by_fact, fact_id_) else "extracted"
    if d.decision in ENTITY_DECISIONS:
        return "extracted"
    if d.decision == "confirm":
        rows = store.read(
            f"MATCH (a:Entity {{id: $src}})-[r:{check_rel_type(d.fact['type'])}]->"
            "(b:Entity {id: $dst}) WHERE r.fact_id = $f RETURN r.review_status AS s",
            {"src": d.fact["src"], "dst": d.fact["dst"], "f": fact_id_},
        )
        return (rows[0]["s"] or "extracted") if rows else "confirmed"
    return d.status


# -- entities: merge two into one, rename ---------------------------------------------------
_PLACE = ("level", "province", "city", "county")


def _entity(tx: Tx, entity_id: str) -> dict[str, Any] | None:
    rec = tx.run(
        "MATCH (n:Entity {id: $id}) RETURN properties(n) AS p, labels(n) AS labels", id=entity_id
    ).single()
    if rec is None:
        return None
    return {**dict(rec["p"]), "_labels": sorted(set(rec["labels"]) - {"Entity"})}


def _check_merge(keep: dict[str, Any], gone: dict[str, Any]) -> None:
    if keep["_labels"] != gone["_labels"]:
        raise BadParameter(f"{gone['id']} 与 {keep['id']} 不是同一类实体，只有同类实体可以合并")
    if gone.get("in_roster"):
        raise BadParameter(f"{gone['id']} 是法院名录中的单位：请把另一个合并到它")
    if keep.get("in_roster"):
        for k in _PLACE:  # never into a roster court of another level or place
            if gone.get(k) and keep.get(k) and gone[k] != keep[k]:
                raise BadParameter(
                    f"{gone['id']}（{k} {gone[k]}）不能合并到法院名录中的 "
                    f"{keep['id']}（{k} {keep[k]}）"
                )


def _move_facts(tx: Tx, keep: str, gone: str, touched: _Touched) -> list[str]:
    """Every fact of `gone` becomes a fact of `keep` (new stable id, documents united, the
    earliest date, evidence following); a fact between the two is dropped. Returns the new
    fact ids."""
    moved_ids: list[str] = []
    for rel in FACT_TYPES:
        t = check_rel_type(rel)
        rows = [
            (dict(r["p"]), r["src"], r["dst"])
            for text in (
                f"MATCH (g:Entity {{id: $gone}})-[r:{t}]->(b:Entity) "
                "RETURN properties(r) AS p, g.id AS src, b.id AS dst",
                f"MATCH (g:Entity {{id: $gone}})<-[r:{t}]-(a:Entity) "
                "RETURN properties(r) AS p, a.id AS src, g.id AS dst",
            )
            for r in tx.run(text, gone=gone)
        ]
        for props, src, dst in rows:
            old_fid = props.get("fact_id")
            new_src = keep if src == gone else src
            new_dst = keep if dst == gone else dst
            touched.add(rel, dst)
            touched.add(rel, new_dst)
            touched.fact(rel, src, dst, old_fid)
            if new_src == new_dst:
                continue  # e.g. a tribunal merged into the court it was part of
            new_fid = fact_id(rel, new_src, new_dst, *_corrected_key(rel, props))
            moved_ids.append(new_fid)
            touched.fact(rel, new_src, new_dst, new_fid)
            moved = {k: v for k, v in props.items() if k not in ("doc_ids", "date")}
            moved["fact_id"] = new_fid
            tx.run(
                "MATCH (a:Entity {id: $src}) MATCH (b:Entity {id: $dst}) "
                f"MERGE (a)-[f:{t} {{fact_id: $fid}}]->(b) "
                "ON CREATE SET f += $props "
                f"SET f.doc_ids = CASE WHEN $docs IS NULL THEN f.doc_ids ELSE {_DOCS_ADDED} END, "
                "f.date = CASE WHEN $date IS NOT NULL AND (f.date IS NULL OR $date < f.date) "
                "THEN $date ELSE f.date END",
                src=new_src,
                dst=new_dst,
                fid=new_fid,
                props=moved,
                docs=props.get("doc_ids"),
                date=props.get("date"),
            ).consume()
            if old_fid and old_fid != new_fid:
                tx.run(
                    "MATCH (e:Evidence {fact_id: $old}) "
                    "SET e.fact_id = $new, e.corrected_from = $old",
                    old=old_fid,
                    new=new_fid,
                ).consume()
    return moved_ids


def _docs_mentioning(tx: Tx, ids: Sequence[str]) -> list[str]:
    return sorted(
        {
            r["id"]
            for entity in ids
            for r in tx.run(
                "MATCH (n:Entity {id: $id})<-[:MENTIONS]-(d:Document) RETURN d.id AS id",
                id=entity,
            )
        }
    )


def _set_names(tx: Tx, node: dict[str, Any], name: str, more: Sequence[str]) -> None:
    """Name an entity `name`, keeping its old name and `more` as aliases."""
    old = [*(node.get("aliases") or []), node.get("name"), *more]
    aliases = list(dict.fromkeys(a for a in old if a and a != name))
    tx.run(
        "MATCH (n:Entity {id: $id}) SET n.name = $name, n.aliases = $aliases, "
        "n.search_text = $search",
        id=node["id"],
        name=name,
        aliases=aliases,
        search=" ".join(dict.fromkeys([name, *aliases])),
    ).consume()


def _drop_candidate(tx: Tx, node: dict[str, Any], touched: _Touched) -> None:
    """A candidate initiative reviewers rejected: it and every fact about it leave the graph
    (and leave it again whenever a document proposes it)."""
    iid = node["id"]
    docs = _docs_mentioning(tx, [iid])
    before = summaries.UncountMentions(docs)
    before.run(tx)
    for rel in FACT_TYPES:
        t = check_rel_type(rel)
        for text in (
            f"MATCH (n:Entity {{id: $id}})-[r:{t}]->(b) RETURN r.fact_id AS f, n.id AS s, "
            "b.id AS d",
            f"MATCH (n:Entity {{id: $id}})<-[r:{t}]-(a) RETURN r.fact_id AS f, a.id AS s, "
            "n.id AS d",
        ):
            found = [r for r in tx.run(text, id=iid) if r["f"]]
            for r in found:
                touched.fact(rel, r["s"], r["d"], r["f"])
            fids = [r["f"] for r in found]
            if fids:
                tx.run(
                    "UNWIND $ids AS f MATCH (e:Evidence {fact_id: f}) DELETE e", ids=fids
                ).consume()
    tx.run("MATCH (n:Entity {id: $id}) DETACH DELETE n", id=iid).consume()
    summaries.CountMentions(docs).run(tx)
    summaries.RefreshDocLists(docs, before).run(tx)
    touched.initiatives.add(iid)


def _apply_entity(tx: Tx, d: Decision, touched: _Touched) -> list[str]:
    """Apply a merge, rename, promotion or drop; returns the ids of facts a merge moved."""
    if d.decision in ("promote", "drop"):
        node = _entity(tx, d.fact_id)
        if node is None:
            return []
        if d.decision == "drop":
            if node.get("candidate") and not node.get("curated"):
                _drop_candidate(tx, node, touched)
            return []
        fields = {k: d.new[k] for k in ("category", "name_en", "description") if k in d.new}
        tx.run(
            "MATCH (n:Entity {id: $id}) SET n += $fields, n.candidate = false, "
            "n.curated = true, n.promoted_by = $who",
            id=d.fact_id,
            fields=fields,
            who=d.reviewer,
        ).consume()
        _set_names(
            tx, node, str(d.new.get("name") or node.get("name")), list(d.new.get("aliases") or [])
        )
        return []
    if d.decision == "rename":
        node = _entity(tx, d.fact_id)
        name = str(d.new.get("name") or "")
        if node is None or not name or node.get("name") == name:
            return []
        _set_names(tx, node, name, [])
        return []
    keep_id, gone_id = str(d.new.get("keep")), d.fact_id
    gone = _entity(tx, gone_id)
    keep = _entity(tx, keep_id)
    if gone is None or keep is None:
        return []  # nothing to merge (yet): the decision waits for the entity to come back
    try:
        _check_merge(keep, gone)
    except BadParameter:
        return []  # checked when decided; an entity that came back changed cannot merge now
    docs = sorted(
        {
            r["id"]
            for entity in (gone_id, keep_id)
            for r in tx.run(
                "MATCH (n:Entity {id: $id})<-[:MENTIONS]-(d:Document) RETURN d.id AS id",
                id=entity,
            )
        }
    )
    before = summaries.UncountMentions(docs)
    before.run(tx)
    moved = _move_facts(tx, keep_id, gone_id, touched)
    tx.run(
        "MATCH (g:Entity {id: $gone})<-[m:MENTIONS]-(d:Document) "
        "MATCH (k:Entity {id: $keep}) "
        "MERGE (d)-[n:MENTIONS]->(k) "
        "ON CREATE SET n.surface = m.surface, n.sentence = m.sentence, n.start = m.start, "
        "n.end = m.end, n.count = m.count, n.original_sentence = m.original_sentence, "
        "n.original_start = m.original_start, n.original_end = m.original_end",
        gone=gone_id,
        keep=keep_id,
    ).consume()
    names = [gone.get("name"), *(gone.get("aliases") or [])]
    more = [a for a in dict.fromkeys(names) if a and a != keep.get("name")]
    more = [a for a in more if a not in (keep.get("aliases") or [])]
    if more:
        aliases = [*(keep.get("aliases") or []), *more]
        tx.run(
            "MATCH (k:Entity {id: $keep}) SET k.aliases = $aliases, k.search_text = $search",
            keep=keep_id,
            aliases=aliases,
            search=" ".join(dict.fromkeys([str(keep.get("name") or ""), *aliases])),
        ).consume()
    tx.run(
        "MATCH (k:Entity {id: $keep}) SET k.merged_from = "
        "coalesce(k.merged_from, []) + [x IN [$gone] WHERE NOT x IN coalesce(k.merged_from, [])]",
        keep=keep_id,
        gone=gone_id,
    ).consume()
    tx.run("MATCH (g:Entity {id: $gone}) DETACH DELETE g", gone=gone_id).consume()
    summaries.CountMentions(docs).run(tx)
    summaries.RefreshDocLists(docs, before).run(tx)
    if "Initiative" in keep["_labels"]:
        touched.initiatives.update([keep_id, gone_id])
    if {"Court", "Tribunal"} & set(keep["_labels"]):
        touched.parents.add(keep_id)
    return moved


def merge_entities(
    store: GraphStore, keep: str, gone: str, *, reviewer: str, note: str = ""
) -> Decision:
    """Merge `gone` into `keep`: its names become aliases, every fact, evidence and mention
    moves over; applied again whenever documents bring `gone` back. Courts never merge into
    a roster court of another level or place."""
    if keep == gone:
        raise BadParameter("实体不能合并到它自己")
    d = Decision(fact_id=gone, decision="merge", reviewer=reviewer, note=note, new={"keep": keep})
    stmt = RecordEntityDecision(d)
    _write(store, [stmt])
    keep_queue_heads(store, stmt.touched.facts)  # the moved facts, at old and new ids
    return d


def rename_entity(
    store: GraphStore, entity_id: str, name: str, *, reviewer: str, note: str = ""
) -> Decision:
    """Give an entity a new name (the old one stays as an alias; its id does not change)."""
    if not name.strip():
        raise BadParameter("请给出新名称")
    d = Decision(
        fact_id=entity_id,
        decision="rename",
        reviewer=reviewer,
        note=note,
        new={"name": name.strip()},
    )
    _write(store, [RecordEntityDecision(d)])
    return d


def promote_initiative(
    store: GraphStore,
    initiative: str,
    *,
    reviewer: str,
    name: str | None = None,
    aliases: Sequence[str] = (),
    category: str | None = None,
    name_en: str | None = None,
    description: str | None = None,
    note: str = "",
) -> Decision:
    """Promote a candidate initiative into the taxonomy (curated from now on)."""
    new: dict[str, Any] = {"aliases": list(aliases)}
    for key, value in (
        ("name", name),
        ("category", category),
        ("name_en", name_en),
        ("description", description),
    ):
        if value:
            new[key] = value
    d = Decision(fact_id=initiative, decision="promote", reviewer=reviewer, note=note, new=new)
    _write(store, [RecordEntityDecision(d)])
    return d


def drop_candidate(store: GraphStore, initiative: str, *, reviewer: str, note: str) -> Decision:
    """Reject a candidate initiative: it and its facts leave the graph, and leave it again
    whenever a document proposes it."""
    if not note:
        raise BadParameter("剔除候选举措须写明理由")
    d = Decision(fact_id=initiative, decision="drop", reviewer=reviewer, note=note)
    stmt = RecordEntityDecision(d)
    _write(store, [stmt])
    keep_queue_heads(store, stmt.touched.facts)  # (its facts are gone)
    return d


@dataclass
class RecordEntityDecision:
    """A store statement: check and store a merge or rename, then apply it."""

    decision: Decision
    touched: _Touched = field(default_factory=_Touched)

    def run(self, tx: Tx) -> None:
        _lock(tx)
        self.touched = _Touched()
        d = self.decision
        node = _entity(tx, d.fact_id)
        if node is None:
            raise EntityNotFound(f"图中没有实体 {d.fact_id!r}")
        d.old = {"entity": {k: v for k, v in node.items() if k in ("id", "name", "aliases")}}
        if d.decision in ("promote", "drop"):
            if "Initiative" not in node["_labels"]:
                raise BadParameter(f"{d.fact_id} 不是举措")
            if not node.get("candidate") or node.get("curated"):
                raise BadParameter(f"{d.fact_id} 不是候选举措")
        if d.decision == "merge":
            keep = _entity(tx, str(d.new["keep"]))
            if keep is None:
                raise EntityNotFound(f"图中没有实体 {d.new['keep']!r}")
            _check_merge(keep, node)
        tx.run("CREATE (d:ReviewDecision) SET d = $props", props=d.node_props()).consume()
        _apply(tx, [d.fact_id], self.touched)


def _decided_fact_ids(store: GraphStore) -> list[str]:
    return sorted({r["f"] for r in store.read("MATCH (d:ReviewDecision) RETURN d.fact_id AS f")})


def reapply_documents(store: GraphStore, doc_ids: Sequence[str]) -> int:
    """After documents are (re-)written: apply every decision on a fact they support, and
    every added fact anchored in them, then keep the queue heads current (the facts the
    documents support or did, and those the decisions wrote: a merge applied again moves
    facts to new ids). Returns the facts with decisions applied."""
    decided = decided_in_documents(store, doc_ids)
    return reapply_facts(store, decided, written=document_facts(store, doc_ids))


def reapply_written(
    store: GraphStore, docs: Sequence[DocumentGraph], known: Collection[str] = ()
) -> int:
    """`reapply_documents` right after `GraphStore.write_documents(docs)`, whose tally named
    the documents that existed before it (`known`, `WriteTally.known_docs`). A document new
    in the write holds exactly what it was written with: the facts it supports, the
    entities it mentions and its evidence's facts come from its rows, not read back (the
    reads of its evidence and mentions took 1.6 ms per document in a store of 200,000
    documents with 2,000 decisions); a known document may support more (it was written
    before, maybe corrected), so it is read as `reapply_documents` does."""
    known = known if isinstance(known, (set, frozenset)) else set(known)
    old = sorted({d.id for d in docs if d.id in known})
    new = [d for d in docs if d.id not in known]
    candidates: set[str] = set()
    written: list[FactKey] = []
    for d in new:
        candidates.update(m.entity for m in d.mentions)
        candidates.update(n.id for n in d.nodes)
        for f in d.facts:
            candidates.add(f.id)
            written.append((check_rel_type(f.type), f.src, f.dst, f.id))
    decided = _decided(store, candidates, [d.id for d in new]) if new else []
    facts: list[FactKey] | None = written
    if old:
        decided += decided_in_documents(store, old)
        before = document_facts(store, old)
        facts = None if before is None else written + before
    return reapply_facts(store, sorted(set(decided)), written=facts)


def _any_decision(store: GraphStore) -> bool:
    # a count, not `LIMIT 1`: ArcadeDB answers the count from the type's size (3 ms in a
    # store of 200,000 documents), the first record of a scan took 25 ms
    return bool(store.read("MATCH (d:ReviewDecision) RETURN count(d) AS n")[0]["n"])


def reapply_entities(store: GraphStore, entity_ids: Iterable[str]) -> int:
    """After entities were written again from reference data (the roster, the taxonomy):
    apply again every decision about them — a rename, a merge (the merged-away entity comes
    back empty and is merged again), a promotion or a drop — so a reload never undoes a
    reviewer's work. Index lookups only when nobody decided anything."""
    decided = _decided(store, entity_ids, [])
    return reapply_facts(store, decided) if decided else 0


def _decided(
    store: GraphStore, candidates: Iterable[str], doc_ids: Sequence[str], *, check: bool = True
) -> list[str]:
    """Those of `candidates` (fact or entity ids) a decision is about, and the facts a
    reviewer added in the documents `doc_ids`: index lookups only (`check`: first whether
    there is any decision at all)."""
    if check and not _any_decision(store):
        return []  # nobody has decided anything: ingest pays one lookup
    found = {
        r["f"]
        for r in store.read(
            "UNWIND $ids AS f MATCH (d:ReviewDecision {fact_id: f}) RETURN DISTINCT d.fact_id AS f",
            {"ids": sorted(set(candidates))},
        )
    }
    found |= {
        r["f"]
        for r in store.read(
            "UNWIND $ids AS doc MATCH (d:ReviewDecision {anchor_doc: doc}) "
            "RETURN DISTINCT d.fact_id AS f",
            {"ids": list(doc_ids)},
        )
    }
    return sorted(found)


def decided_in_documents(store: GraphStore, doc_ids: Sequence[str]) -> list[str]:
    """The facts with decisions that these documents support (also under the id a
    correction moved them to) or that a reviewer added in them: index lookups only."""
    if not doc_ids or not _any_decision(store):
        return []  # nobody has decided anything: ingest pays one lookup
    candidates: set[str] = set()
    for r in store.read(  # entities merged away or renamed come back with the documents
        "UNWIND $ids AS id MATCH (:Document {id: id})-[:MENTIONS]->(n:Entity) "
        "RETURN DISTINCT n.id AS id",
        {"ids": list(doc_ids)},
    ):
        candidates.add(r["id"])
    for r in store.read(
        "UNWIND $ids AS id MATCH (e:Evidence {doc_id: id}) "
        "RETURN DISTINCT e.fact_id AS f, e.corrected_from AS c",
        {"ids": list(doc_ids)},
    ):
        candidates.update(x for x in (r["f"], r["c"]) if x)
    return _decided(store, candidates, doc_ids, check=False)


def reapply_facts(
    store: GraphStore,
    fact_ids: Sequence[str],
    *,
    batch: int = 200,
    written: Iterable[FactKey] | None = None,
) -> int:
    """Apply the decisions of these facts again (in batches, one transaction each). The
    queue heads: given `written` (every fact the write before changed, e.g. what a deleted
    document supported, `document_facts`), kept current from those and the facts the
    decisions wrote (`keep_queue_heads`); without it nothing names what changed, so they
    are forgotten (the next read builds them)."""
    applied = 0
    ids = list(dict.fromkeys(fact_ids))
    if written is None:
        forget_queue_heads(store)  # documents were written or deleted: facts came or moved
    facts: set[FactKey] = set(written or ())
    for i in range(0, len(ids), batch):
        stmt = ApplyDecisions(ids[i : i + batch])
        _write(store, [stmt])
        applied += stmt.applied
        facts |= stmt.touched.facts
    if written is not None:
        keep_queue_heads(store, facts)
    return applied


def delete_document(store: GraphStore, doc_id: str) -> bool:
    """Delete a document (`GraphStore.delete_document`: it, its evidence, the facts only it
    supported), apply the decisions on its facts again (they stay; dates and flags follow)
    and keep the queue heads current. False when there is no such document."""
    decided = facts_of_document(store, doc_id)
    facts = _facts_of_deleted(store, doc_id)  # read before it goes
    if not store.delete_document(doc_id):
        return False
    reapply_facts(store, decided, written=facts)
    return True


def _facts_of_deleted(store: GraphStore, doc_id: str) -> list[FactKey] | None:
    """Every fact deleting this document may change: those it lists (`document_facts`) and
    those its evidence names under other ids (a merge or a correction moved them: the
    delete finds them from the entities it mentions, and so does this, once)."""
    facts = document_facts(store, [doc_id])
    if facts is None:
        return None
    listed = {f[3] for f in facts}
    moved = sorted(
        {
            r["f"]
            for r in store.read(
                "MATCH (e:Evidence {doc_id: $doc}) RETURN DISTINCT e.fact_id AS f",
                {"doc": doc_id},
                limit=1_000_000,
            )
        }
        - listed
    )
    if moved:
        facts += [
            (r["rel"], r["s"], r["d"], r["f"])
            for r in store.read(
                f"MATCH (:Document {{id: $doc}})-[:MENTIONS]->(n:Entity)-[r:{_FACT_RELS}]-"
                "(:Entity) WHERE r.fact_id IN $ids WITH DISTINCT r "
                "RETURN type(r) AS rel, startNode(r).id AS s, endNode(r).id AS d, "
                "r.fact_id AS f",
                {"doc": doc_id, "ids": moved},
                limit=1_000_000,
            )
        ]
    return facts


def reapply_all(store: GraphStore) -> int:
    """Apply every decision again (after a rebuild from the files or a refold; `from_jsonl`
    applies what it imports itself). The queue heads are forgotten."""
    return reapply_facts(store, _decided_fact_ids(store))


def facts_of_document(store: GraphStore, doc_id: str) -> list[str]:
    """Facts with decisions that a document supports: read before deleting it, re-applied
    after (`reapply_facts`), so corrected dates, confirmations and added facts stay right."""
    return decided_in_documents(store, [doc_id])


def clear_keeping_decisions(store: GraphStore) -> int:
    """Empty the graph but keep every review decision (a rebuild from the original files:
    ingesting them again applies each decision as its fact comes back). Returns how many."""
    kept = decisions(store)
    store.clear()
    for i in range(0, len(kept), 500):
        _write(
            store,
            [
                ("CREATE (d:ReviewDecision) SET d = $props", {"props": d.node_props()})
                for d in kept[i : i + 500]
            ],
        )
    return len(kept)


# -- passwords of reviewer accounts --------------------------------------------------------
_PBKDF2 = "pbkdf2_sha256"


def hash_password(password: str, *, iterations: int = 240_000, salt: bytes | None = None) -> str:
    """A reviewer's password as stored in the configuration (salted PBKDF2-SHA256).

    >>> check_password("secret", hash_password("secret", iterations=1000))
    True
    """
    import base64
    import hashlib
    import os

    salt = salt or os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"{_PBKDF2}${iterations}${b64(salt).decode()}${b64(key).decode()}"


def check_password(password: str, stored: str) -> bool:
    """Whether `password` matches a `hash_password` string (constant-time comparison)."""
    import base64
    import hashlib
    import hmac

    try:
        scheme, iterations, salt, key = stored.split("$")
        if scheme != _PBKDF2:
            return False
        got = hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), base64.b64decode(salt), int(iterations)
        )
        return hmac.compare_digest(got, base64.b64decode(key))
    except (ValueError, TypeError):
        return False


# -- export / import -----------------------------------------------------------------------
def to_jsonl(store: GraphStore, path: str | Path) -> int:
    """Write every decision, oldest first, one JSON object per line. Returns how many."""
    rows = decisions(store)
    p = Path(path)
    if not p.parent.is_dir():  # (it ended in a traceback)
        raise CourtgraphError(f"{p}：文件夹 {p.parent} 不存在")
    try:
        with p.open("w", encoding="utf-8") as fh:
            for d in rows:
                fh.write(json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
    except OSError as exc:
        raise CourtgraphError(f"无法写入 {p}：{os_reason_zh(exc)}") from exc
    return len(rows)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)  # decision ids stored
    unchanged: list[str] = field(default_factory=list)  # already here
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (decision id, why)
    #: (file and line, and the decision's id when it has one; why): records the command
    #: line would refuse (a date that does not exist …), left out, the rest imported
    refused: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """What an import did, in Chinese (decision and fact ids as they are).

        >>> print(ImportReport(["review:1"], [], [("review:2", "原因")]).summary())
        新增审核决定 1 条；已有（未变） 0 条；冲突（未导入） 1 条
          冲突：review:2：原因
          冲突的决定未导入：请在本处重新审核这些事实，或从文件中删去这些记录后再导入
        >>> print(ImportReport([], [], [], [("d.jsonl 第 2 行（review:3）", "原因")]).summary())
        新增审核决定 0 条；已有（未变） 0 条；冲突（未导入） 0 条；有误（未导入） 1 条
          有误：d.jsonl 第 2 行（review:3）：原因
          有误的决定未导入：改正文件中的这些记录后再导入（已导入的不会重复）
        """
        lines = [
            f"新增审核决定 {len(self.added)} 条；已有（未变） {len(self.unchanged)} 条；"
            f"冲突（未导入） {len(self.conflicts)} 条"
            + (f"；有误（未导入） {len(self.refused)} 条" if self.refused else "")
        ]
        lines += [f"  冲突：{i}：{why}" for i, why in self.conflicts]
        if self.conflicts:
            lines.append(
                "  冲突的决定未导入：请在本处重新审核这些事实，或从文件中删去这些记录后再导入"
            )
        lines += [f"  有误：{where}：{why}" for where, why in self.refused]
        whys = [why for _, why in self.refused]
        if any(not why.startswith(("同一事实的", *(s for s, _ in _ADVICE))) for why in whys):
            lines.append("  有误的决定未导入：改正文件中的这些记录后再导入（已导入的不会重复）")
        lines += [
            f"  {advice}" for start, advice in _ADVICE if any(w.startswith(start) for w in whys)
        ]
        if any(why.startswith("同一事实的") for why in whys):
            lines.append(
                "  同一事实的其他记录也未导入（图中该事实保持原状）：改正所指的那一行后，"
                "它们随之导入"
            )
        return "\n".join(lines)


@dataclass
class _Line:
    """A line of a decision file: where it is, its decision (None: not a decision record),
    why it is refused ("" when it is not), and the fact it is about when that can be read."""

    n: int
    where: str
    decision: Decision | None = None
    why: str = ""
    fact_id: str = ""


def _json_words(exc: ValueError) -> str:
    """A JSON parser's message with a Chinese reason first (its detail kept)."""
    return f"JSON 格式有误（{exc}）" if isinstance(exc, json.JSONDecodeError) else str(exc)


def _lines(path: str | Path, *, today: str | None = None) -> list[_Line]:
    """The records of a decision file, with the refused ones: not a decision record, or
    one `check_record` refuses."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CourtgraphError(f"无法读取 {p}：{os_reason_zh(exc)}") from exc
    out: list[_Line] = []
    for n, line in enumerate(text, 1):
        if not line.strip():
            continue
        rec = _Line(n, f"{p} 第 {n} 行")
        out.append(rec)
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise BadParameter(f"应为 JSON 对象（{type(data).__name__}）")
            if isinstance(data.get("fact_id"), str):
                rec.fact_id = data["fact_id"]
            d = Decision.from_json(data)
        except json.JSONDecodeError as exc:
            rec.why = f"不是审核决定记录：{_json_words(exc)}"
            continue
        except (ValueError, TypeError, BadParameter) as exc:
            rec.why = f"不是审核决定记录（{exc}）"
            continue
        rec.where += f"（{d.id}）"
        rec.decision = d
        try:
            check_record(d, today=today)
        except BadParameter as exc:
            rec.why = str(exc)
    return out


def read_jsonl(path: str | Path) -> list[Decision]:
    """The decisions of a file; BadParameter naming the first record that is none, or that
    the command line would refuse (`check_record`)."""
    lines = _lines(path)
    for x in lines:
        if x.why:
            raise BadParameter(f"{x.where}：{x.why}")
    return [x.decision for x in lines if x.decision is not None]


def _fact_groups(lines: Sequence[_Line]) -> dict[str, str]:
    """Each fact id of a file's records -> one id standing for its group: a fact and the
    facts corrections in the file lead it to (or lead to it) are one group."""
    parent: dict[str, str] = {}

    def root(f: str) -> str:
        parent.setdefault(f, f)
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for x in lines:
        if x.fact_id:
            root(x.fact_id)
        d = x.decision
        if d is not None and d.decision == "correct":
            try:
                to = corrected_fact_id(d)
            except (KeyError, TypeError, ValueError, BadParameter):
                continue
            parent[root(to)] = root(d.fact_id)
    return {f: root(f) for f in list(parent)}


#: what a record that cannot be applied here says to do, by the start of its reason
_ADVICE = (
    ("图中没有实体", "图中没有它们说到的实体：请先导入（ingest）含这些实体的文档，再导入本文件"),
    ("审核时间晚于现在", "审核时间晚于现在：请检查写下这些记录的机器或本机的时钟"),
)


@dataclass
class _Together:
    """A store statement: a group's decisions, stored and applied in one transaction
    (`at`: the one that was running when it failed)."""

    stmts: list[RecordDecision]
    at: int = 0

    def run(self, tx: Tx) -> None:
        for i, stmt in enumerate(self.stmts):
            self.at = i
            stmt.run(tx)


#: what writing a record from a hand-edited file may meet besides a refusal of ours
_MALFORMED = (TypeError, ValueError, KeyError, AttributeError)


def _failure_words(exc: Exception) -> str:
    if isinstance(exc, CourtgraphError):
        return str(exc)
    return f"记录的内容有误，无法应用（{type(exc).__name__}: {exc}）"


def from_jsonl(store: GraphStore, path: str | Path, *, today: str | None = None) -> ImportReport:
    """Import decisions. A record already here is skipped. Where this graph's reviewers have
    decided a fact and the file's latest decision on it says something else, the file's new
    records on that fact are reported as a conflict and not imported (decide again here, or
    import after removing them from the file); a record the command line would refuse (a
    date that does not exist or lies after the day it was decided, a stage or a figure that
    is none: `check_record`), or that cannot be applied here (an end this graph lacks), is
    reported with its file and line and not imported, and so is every other record of the
    file on the same fact (and the facts corrections lead it to): an earlier decision the
    refused one overruled is never applied in its place. Everything else is stored and
    applied. Records of this file already here are not this graph's own decisions: a file
    corrected after a refusal imports."""
    report = ImportReport()
    lines = _lines(path, today=today)
    line_of = {x.where: x.n for x in lines}
    group = _fact_groups(lines)
    refused: dict[str, _Line] = {}  # group -> its first refused line
    for x in lines:
        if x.why and x.fact_id:
            refused.setdefault(group[x.fact_id], x)
    in_file = {x.decision.id: x.decision.to_json() for x in lines if x.decision is not None}
    local = decisions(store)
    by_id = {d.id: d for d in local}
    local_by_fact: dict[str, list[Decision]] = {}
    for d in local:
        if in_file.get(d.id) != d.to_json():  # (imported from this file: not decided here)
            local_by_fact.setdefault(d.fact_id, []).append(d)
    refusals: list[tuple[str, str]] = [(x.where, x.why) for x in lines if x.why]

    def hold_back(x: _Line, bad: _Line, why: str | None = None) -> None:
        later = bad.decision is None or x.decision is None or bad.decision.time >= x.decision.time
        refusals.append(
            (
                x.where,
                why or f"同一事实的{'较晚' if later else '较早'}决定有误，未导入（第 {bad.n} 行）",
            )
        )

    file_by_fact: dict[str, list[Decision]] = {}
    for x in lines:
        if x.decision is None or x.why:
            continue
        d = x.decision
        if d.id in by_id:
            if by_id[d.id].to_json() == d.to_json():
                report.unchanged.append(d.id)
            else:
                report.conflicts.append((d.id, "图中已存有同一 ID 而内容不同的记录"))
            continue
        if group[d.fact_id] in refused:
            hold_back(x, refused[group[d.fact_id]])
            continue
        file_by_fact.setdefault(d.fact_id, []).append(d)
    fresh: dict[str, list[Decision]] = {}  # group -> its records to store
    for fid, new in file_by_fact.items():
        new = list({d.id: d for d in new}.values())  # a record twice in the file: once
        mine = _latest(local_by_fact.get(fid, []))
        theirs = _latest(new)
        assert theirs is not None
        if mine is not None and mine.outcome() != theirs.outcome():
            report.conflicts += [
                (
                    d.id,
                    f"{fid}：本处为 {mine.reviewer} 的{DECISION_ZH[mine.decision]}"
                    f"（{mine.time}），文件中为 {theirs.reviewer} 的"
                    f"{DECISION_ZH[theirs.decision]}（{theirs.time}）",
                )
                for d in new
            ]
            continue
        fresh.setdefault(group[fid], []).extend(new)
    by_decision = {x.decision.id: x for x in lines if x.decision is not None and not x.why}
    facts: set[FactKey] = set()
    stored: list[str] = []
    batches: list[list[list[Decision]]] = [[]]
    for records in fresh.values():  # a group never split between two transactions
        if sum(map(len, batches[-1])) >= 200:
            batches.append([])
        batches[-1].append(records)
    for batch in batches:
        groups = [_Together([RecordDecision(d, snapshot=False) for d in g]) for g in batch]
        try:
            _write(store, cast(list[Any], groups))
        except (CourtgraphError, *_MALFORMED):
            # a record cannot be applied here (the whole batch was rolled back): group by
            # group, so the batch goes on past it, and its group's other records wait
            done = []
            for records in batch:
                together = _Together([RecordDecision(d, snapshot=False) for d in records])
                try:
                    _write(store, [together])
                except (CourtgraphError, *_MALFORMED) as exc:
                    bad = by_decision[records[together.at].id]
                    for d in records:
                        x = by_decision[d.id]
                        hold_back(x, bad, _failure_words(exc) if x is bad else None)
                    continue
                done.append(together)
            groups = done
        for together in groups:
            for stmt in together.stmts:
                facts |= stmt.touched.facts
                stored.append(stmt.decision.id)
    report.added = stored
    report.refused = sorted(refusals, key=lambda r: line_of[r[0]])
    if facts:
        keep_queue_heads(store, facts)  # what the decisions wrote (and moved, for a merge)
    return report


# -- the queue -----------------------------------------------------------------------------
_QUEUE_RETURN = """
RETURN r.fact_id AS fact_id, type(r) AS type, a.id AS src_id, a.name AS src, b.id AS dst_id,
       b.name AS dst, r.stage AS stage, r.title AS title, r.date AS date, r.doc_ids AS doc_ids,
       r.confidence AS confidence, r.initiative AS initiative,
       CASE WHEN r.rules IS NOT NULL THEN r.rules WHEN r.rule IS NOT NULL THEN [r.rule]
            ELSE [] END AS rules,
       coalesce(r.review_status, 'extracted') AS status, r.review_flag AS flag
ORDER BY coalesce(r.confidence, 0.5), size(r.doc_ids) DESC, fact_id
LIMIT $limit
"""


#: The unfiltered queue of a kind keeps its head, the first `HEAD_SIZE` open facts in queue
#: order (ends and fact id, and what the queue's filters look at: confidence, stage and the
#: ends' provinces), on a `Meta {id: "review-queue:<kind>"}` node: finding the lowest
#: confidence facts reads every fact of the kind (seconds on the benchmark graph:
#: `python -m benchmarks.review`), reading the head is one node, and its facts are index lookups.
#: Confirming or rejecting only takes facts out of the head (they are skipped when read);
#: every other write keeps it current from the facts it changed (`keep_queue_heads`: the
#: head's facts and those read again and merged): documents written by the ingest pipeline
#: (`reapply_documents`: what they support or did), a document deleted (`delete_document`),
#: a merge, a dropped candidate, an import (the facts applying the decisions wrote, at old
#: and new ids). What cannot name the facts it changed forgets the heads, and the next read
#: builds them again: `reapply_facts` without `written`, `reapply_all` (a refold), an
#: end's province changed (graph/store.py); writers that bypass these call
#: `forget_queue_heads`. A stage whose adoptions are too rare to fill a page from the
#: kind's head gets a head of its own (`review-queue:adoption:<stage>`, built on its first
#: read, kept by the same writes), so no filter combination reads every adoption twice.
HEAD_SIZE = 2000
_HEAD = QUEUE_HEAD_PREFIX
_HEAD_FIELDS = ("s", "d", "f", "c", "n", "st", "ps", "pd")
#: what a head stores of a fact `(a)-[r]->(b)`, as `_HEAD_FIELDS` (built and kept alike)
_HEAD_COLUMNS = (
    "a.id AS s, b.id AS d, r.fact_id AS f, coalesce(r.confidence, 0.5) AS c, "
    "size(r.doc_ids) AS n, coalesce(r.stage, '') AS st, coalesce(a.province, '') AS ps, "
    "coalesce(b.province, '') AS pd"
)


def _head_id(kind: str, stage: str | None = None) -> str:
    """A head's `Meta` id: `review-queue:<kind>`, or `review-queue:<kind>:<stage>` for the
    head of one stage's adoptions (built when the kind's head cannot fill a stage's page)."""
    return _HEAD + kind + (f":{stage}" if stage else "")


def _stage_heads(store: GraphStore, kind: str) -> list[str]:
    """The stages whose heads of this kind are stored (index lookups of their ids)."""
    if KINDS[kind] != "ADOPTED":
        return []
    found = {
        r["id"]
        for r in store.read(
            "UNWIND $ids AS id MATCH (m:Meta {id: id}) RETURN m.id AS id",
            {"ids": [_head_id(kind, st) for st in STAGES]},
        )
    }
    return [st for st in STAGES if _head_id(kind, st) in found]


def forget_queue_heads(store: GraphStore) -> None:
    """Drop the stored heads of the queues (the next queue read rebuilds them)."""
    ids = [_head_id(k) for k in KINDS] + [_head_id("adoption", st) for st in STAGES]
    if store.read("UNWIND $ids AS id MATCH (m:Meta {id: id}) RETURN m.id AS id", {"ids": ids}):
        store.write_statements(
            [("UNWIND $ids AS id MATCH (m:Meta {id: id}) DELETE m", {"ids": ids})]
        )


def _build_head(
    store: GraphStore, kind: str, rel: str, stage: str | None = None
) -> list[dict[str, Any]]:
    rows = store.read(
        f"MATCH (a:Entity)-[r:{rel}]->(b:Entity) "
        "WHERE r.doc_ids IS NOT NULL AND coalesce(r.review_status, 'extracted') = 'extracted' "
        + ("AND r.stage = $stage " if stage else "")
        + "WITH a, r, b ORDER BY coalesce(r.confidence, 0.5), size(r.doc_ids) DESC, r.fact_id "
        f"LIMIT $n RETURN {_HEAD_COLUMNS}",
        {"n": HEAD_SIZE, "stage": stage},
        limit=HEAD_SIZE,
    )
    head = [dict(r, full=len(rows) >= HEAD_SIZE) for r in rows]
    built = _store_head(store, kind, head, stage=stage)
    return [dict(x, built=built) for x in head]


def _store_head(
    store: GraphStore,
    kind: str,
    head: list[dict[str, Any]],
    *,
    full: bool | None = None,
    was: str | None = None,
    stage: str | None = None,
) -> str | None:
    """Store a kind's head; returns its `built` mark. With `was`, only over the head stored
    as `was`: None when another writer stored one since (or the store refused it)."""
    if full is None:
        full = bool(head and head[0]["full"])
    t = now()
    fields = (
        "SET m.src = $s, m.dst = $d, m.facts = $f, m.confidence = $c, m.docs = $n, "
        "m.stage = $st, m.src_province = $ps, m.dst_province = $pd, m.full = $full, m.built = $t"
    )
    # the lock first (Neo4j reads `built` again once it holds the node's lock; ArcadeDB's
    # optimistic transaction runs again when another wrote the node meanwhile)
    cypher = (
        f"MERGE (m:Meta {{id: $id}}) {fields}"
        if was is None
        else f"MATCH (m:Meta {{id: $id}}) SET m.lock = $t WITH m WHERE m.built = $was {fields}"
    )
    params = {
        "id": _head_id(kind, stage),
        **{k: [r[k] for r in head] for k in _HEAD_FIELDS},
        "full": full,
        "t": t,
        "was": was,
    }
    try:
        store.write_statements([(cypher, params)])
    except CourtgraphError:  # not stored (a read-only account): rebuilt
        return None
    if was is None:
        return t
    found = store.read(
        "MATCH (m:Meta {id: $id}) RETURN m.built AS t", {"id": _head_id(kind, stage)}
    )
    return t if found and found[0]["t"] == t else None


def _read_head(
    store: GraphStore, kind: str, stage: str | None = None
) -> list[dict[str, Any]] | None:
    found = store.read(
        "MATCH (m:Meta {id: $id}) RETURN m.src AS s, m.dst AS d, m.facts AS f, "
        "m.confidence AS c, m.docs AS n, m.stage AS st, m.src_province AS ps, "
        "m.dst_province AS pd, m.full AS full, m.built AS built",
        {"id": _head_id(kind, stage)},
    )
    if not found:
        return None
    h = found[0]
    if any(h[k] is None for k in _HEAD_FIELDS):
        return None  # a head stored by an older version: built again
    return [
        dict(zip(_HEAD_FIELDS, x, strict=True), full=bool(h["full"]), built=h["built"])
        for x in zip(*(h[k] for k in _HEAD_FIELDS), strict=True)
    ]


def _head_key(x: dict[str, Any]) -> tuple[float, int, str]:
    """A head entry's place in queue order (confidence, most documents first, fact id)."""
    return (float(x["c"]), -int(x["n"]), str(x["f"]))


def _fact_of_key(key: str) -> tuple[str, str, str, str]:
    """(relationship type, src, dst, fact id) of a document's `fact_keys` entry (`fact_key`
    in graph/store.py: id, src, dst joined by \\x1f; the type is the id's prefix)."""
    fid, src, dst = key.split("\x1f")
    return fid.split(":", 1)[0].upper(), src, dst, fid


def document_facts(store: GraphStore, doc_ids: Sequence[str]) -> list[FactKey] | None:
    """Every fact these documents support now or did before (their `fact_keys`): what a
    write or a delete of them changes. None when one is not in the graph or was written
    before documents kept the list."""
    ids = sorted(set(doc_ids))
    found = store.read(
        "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.fact_keys AS keys",
        {"ids": ids},
        plain=True,
    )
    if len(found) != len(ids) or any(r["keys"] is None for r in found):
        return None
    return [_fact_of_key(str(key)) for r in found for key in r["keys"]]


def keep_queue_heads(store: GraphStore, facts: Iterable[FactKey]) -> None:
    """Keep the stored queue heads current after a write that changed these facts and no
    others (created, moved, decided, deleted, supported by more or fewer documents), instead
    of forgetting them.

    A head holds, in queue order, every open fact up to its last entry's place K (every
    open fact of the kind when it is not full). A write changes the facts it names, and only
    those (an ingest or a delete: every fact the documents support now or did before, their
    `fact_keys`; a decision, a merge, a dropped candidate: the facts `_apply` wrote, at
    their old and new ends). So the new head is the old head's facts and those facts, read
    again (the open ones: their confidence, documents, stage and ends' provinces now), in
    queue order, up to K when the head was full, cut to `HEAD_SIZE` (the head's other facts
    keep what it stored of them: nothing else changes it, see below). An empty full head or
    another writer's head stored meanwhile: forgotten."""
    touched: dict[str, dict[tuple[str, str, str], None]] = {}
    for rel, src, dst, fid in facts:
        touched.setdefault(rel, {})[(src, dst, fid)] = None
    for kind, rel in KINDS.items():
        ends = touched.get(rel)
        if not ends:
            continue
        written: list[dict[str, Any]] | None = None  # read once, for every head of the kind
        for stage in [None, *_stage_heads(store, kind)]:
            head = _read_head(store, kind, stage)
            if head is None:
                continue  # none stored: the next read builds it
            if head:
                built, full = head[0]["built"], bool(head[0]["full"])
            else:  # an empty head: every open fact is read (none, when it was built)
                meta = store.read(
                    "MATCH (m:Meta {id: $id}) RETURN m.built AS t", {"id": _head_id(kind, stage)}
                )
                if not meta:
                    continue
                built, full = meta[0]["t"], False
            # the written facts are read again; the head's others keep what it stored of
            # them (their confidence, documents and stage change only when a write names
            # them; an end's province changed by a write forgets the heads: graph/store.py)
            if written is None:
                written = _read_written(store, rel, ends)
            cut = _head_key(head[-1]) if full else None
            rows = [r for r in written if not stage or r["st"] == stage]
            rows += [
                {k: x[k] for k in _HEAD_FIELDS}
                for x in head
                if (x["s"], x["d"], x["f"]) not in ends
            ]
            rows.sort(key=_head_key)
            if cut is not None:
                rows = [r for r in rows if _head_key(r) <= cut]
            new = rows[:HEAD_SIZE]
            now_full = full or len(rows) > HEAD_SIZE
            if now_full == full and [[x[k] for k in _HEAD_FIELDS] for x in new] == [
                [x[k] for k in _HEAD_FIELDS] for x in head
            ]:
                continue  # the written facts fall beyond the head, and its own did not change
            if (now_full and not new) or not _store_head(
                store, kind, new, full=now_full, was=built, stage=stage
            ):
                forget_queue_heads(store)
                return


def _read_written(
    store: GraphStore, rel: str, ends: dict[tuple[str, str, str], None]
) -> list[dict[str, Any]]:
    """The open ones of these facts (ends, fact id) as a head stores them."""
    return store.read(
        f"UNWIND $rows AS x MATCH (a:Entity {{id: x.s}})-[r:{rel}]->(b:Entity {{id: x.d}}) "
        "WHERE r.fact_id = x.f AND r.doc_ids IS NOT NULL "
        "AND coalesce(r.review_status, 'extracted') = 'extracted' "
        f"RETURN DISTINCT {_HEAD_COLUMNS}",
        {"rows": [{"s": s_, "d": d_, "f": f_} for s_, d_, f_ in ends]},
        limit=10_000_000,
    )


_PLACE_COLUMNS = "RETURN a.province AS src_province, b.province AS dst_province, "


def _confidence(row: dict[str, Any]) -> float:
    c = row.get("confidence")
    return 0.5 if c is None else float(c)


def _keeps(
    row: dict[str, Any], province: str | None, stage: str | None, most: float | None
) -> bool:
    """The queue's conditions on province, stage and confidence, as the scan's WHERE has them
    (`$province IN [a.province, b.province]`, `r.stage = $stage`,
    `coalesce(r.confidence, 0.5) <= $max_confidence`)."""
    if province and province not in (row["src_province"], row["dst_province"]):
        return False
    if stage and row.get("stage") != stage:
        return False
    return most is None or _confidence(row) <= most


def _may_keep(
    x: dict[str, Any], province: str | None, stage: str | None, most: float | None
) -> bool:
    """`_keeps` on what the head stored of a fact (the fact itself is checked when read)."""
    if province and province not in (x["ps"], x["pd"]):
        return False
    if stage and x["st"] != stage:
        return False
    return most is None or float(x["c"]) <= most


def _queue_from_head(
    store: GraphStore,
    kind: str,
    rel: str,
    limit: int,
    *,
    province: str | None = None,
    stage: str | None = None,
    max_confidence: float | None = None,
    head_stage: str | None = None,
) -> list[dict[str, Any]] | None:
    """The first `limit` open facts of a kind, read through its head (`head_stage`: the
    head of that stage's adoptions): the head's facts are looked up from their anchored
    ends, a window at a time, skipping those decided since. A province, a stage or a
    highest confidence filters the head's facts in queue order (from what it stored of
    them, checked again on the facts read): the head is the queue's first facts, so the
    first `limit` that pass are the filtered queue's first `limit` too. None when the head
    cannot tell (more facts asked for than pass in it, while facts beyond it may pass)."""
    cypher = (
        f"UNWIND $rows AS x MATCH (a:Entity {{id: x.s}})-[r:{rel}]->(b:Entity {{id: x.d}}) "
        "WHERE r.fact_id = x.f AND r.doc_ids IS NOT NULL "
        "AND coalesce(r.review_status, 'extracted') = 'extracted'"
        + _QUEUE_RETURN.replace("RETURN ", _PLACE_COLUMNS, 1)
    )
    head = _read_head(store, kind, head_stage)
    rebuilt = head is None
    if head is None:
        head = _build_head(store, kind, rel, head_stage)
    filtered = bool(province or (stage and stage != head_stage) or max_confidence is not None)
    window = max(4 * limit, 50)
    while True:
        candidates = [x for x in head if _may_keep(x, province, stage, max_confidence)]
        part = candidates[:window]
        # every open fact of the window (in queue order), so the decided ones are known
        rows = (
            store.read(
                cypher, {"rows": [{k: x[k] for k in "sdf"} for x in part], "limit": len(part)}
            )
            if part
            else []
        )
        kept = [r for r in rows if _keeps(r, province, stage, max_confidence)]
        for r in rows:
            del r["src_province"], r["dst_province"]
        whole = len(part) == len(candidates)
        full = bool(head and head[0]["full"])
        done = len(kept) >= limit or (whole and not full)
        if not done and whole and head and max_confidence is not None:
            # facts beyond the head come after its last one, so are no less confident
            done = float(head[-1]["c"]) > max_confidence
        if done:
            open_ids = {r["fact_id"] for r in rows}
            decided = {x["f"] for x in part if x["f"] not in open_ids}
            if len(decided) > limit:  # decided since it was built: not read again
                kept_head = [x for x in head if x["f"] not in decided]
                _store_head(
                    store, kind, kept_head, full=full, was=head[0].get("built"), stage=head_stage
                )
            return kept[:limit]  # enough, or no fact beyond the head can pass
        if not whole:
            window *= 4
            continue
        if rebuilt or filtered or len(rows) == len(part):
            return None  # more asked for than pass in the head: the scan answers
        head, rebuilt = _build_head(store, kind, rel, head_stage), True  # decided since built


#: up to how many decisions the confirmed and corrected queues are read from them
DECIDED_LOOKUPS = 20_000


def _decided_places(store: GraphStore, status: str) -> dict[str, list[dict[str, Any]]] | None:
    """Where the facts reviewers confirmed or added (`status` "confirmed") or corrected
    ("corrected") are, per fact type: (ends, fact id) from each such decision, before and
    after a correction, and where a merge moved them (the merged entity's facts go to the
    kept one under new ids: `_move_facts`, computed here the same way). A fact gets that
    status only by such a decision on it, so every such fact is at one of these places
    (renames, promotions and dropped candidates move none). None (the scan) when a record
    lacks its fact's ends or the store has more decisions than `DECIDED_LOOKUPS`. The cost
    follows the decisions of that kind: a few corrections are a few lookups, thousands of
    confirmations thousands."""
    if store.read("MATCH (d:ReviewDecision) RETURN count(d) AS n")[0]["n"] > DECIDED_LOOKUPS:
        return None
    rows = store.read(
        "MATCH (d:ReviewDecision) WHERE d.decision <> 'reject' "
        "RETURN d.id AS id, d.decision AS decision, d.fact_id AS f, d.fact_type AS t, "
        "d.src AS s, d.dst AS e, d.time AS time, "
        "CASE WHEN d.decision = 'correct' THEN d.old END AS old, "
        "CASE WHEN d.decision IN ['correct', 'merge'] THEN d.new END AS new",
        limit=10_000_000,
    )
    merged: dict[str, str] = {}  # gone -> keep, the latest merge of each
    for r in sorted(rows, key=lambda r: (str(r["time"]), str(r["id"]))):
        if r["decision"] == "merge":
            keep = json.loads(r["new"] or "{}").get("keep")
            if keep:
                merged[str(r["f"])] = str(keep)

    def moved(entity: str) -> str:
        seen = {entity}
        while entity in merged and merged[entity] not in seen:
            entity = merged[entity]
            seen.add(entity)
        return entity

    wanted = ("correct",) if status == "corrected" else ("confirm", "add")
    found: list[tuple[dict[str, Any], list[tuple[str, str, str, str, dict[str, Any]]]]] = []
    for r in rows:
        if r["decision"] in ENTITY_DECISIONS or r["decision"] not in wanted:
            continue
        if not (r["t"] and r["s"] and r["e"]):
            return None  # (a record without its fact's ends: the scan)
        # (type, src, dst, fact id, the values its id is made of: read below when merged)
        places: list[tuple[str, str, str, str, dict[str, Any]]] = [
            (r["t"], r["s"], r["e"], r["f"], {})
        ]
        if r["decision"] == "correct":
            old, new = json.loads(r["old"] or "{}"), json.loads(r["new"] or "{}")
            if old.get("type") and old.get("src") and old.get("dst"):
                d = Decision(fact_id=r["f"], decision="correct", reviewer="-", old=old, new=new)
                props = corrected_props(old, new)
                src, dst = new.get("src") or old["src"], new.get("dst") or old["dst"]
                places[0] = (r["t"], r["s"], r["e"], r["f"], old.get("props") or {})
                places.append((old["type"], src, dst, corrected_fact_id(d), props))
        found.append((r, places))
    if merged:  # the values a moved fact's new id is made of (stage, title): its record's
        ids = [
            r["id"]
            for r, places in found
            if r["decision"] != "correct" and any({p[1], p[2]} & merged.keys() for p in places)
        ]
        records = {
            x["id"]: x
            for x in store.read(
                "UNWIND $ids AS id MATCH (d:ReviewDecision {id: id}) "
                "RETURN d.id AS id, d.decision AS decision, d.old AS old, d.new AS new",
                {"ids": ids},
                limit=10_000_000,
            )
        }
        for r, places in found:
            x = records.get(r["id"])
            if x is not None:
                record = json.loads((x["new"] if x["decision"] == "add" else x["old"]) or "{}")
                props = record if x["decision"] == "add" else record.get("props") or {}
                t, src, dst, f, _ = places[0]
                places[0] = (t, src, dst, f, props)
            for t, src, dst, _f, props in list(places):
                new_src, new_dst = moved(src), moved(dst)
                if (new_src, new_dst) != (src, dst) and new_src != new_dst:
                    key = {"ADOPTED": "stage", "HOLDS_ROLE": "title"}.get(t)
                    if key and props.get(key) is None:
                        return None  # (a record without what the new id is made of: scan)
                    fid = fact_id(t, new_src, new_dst, *_corrected_key(t, props))
                    places.append((t, new_src, new_dst, fid, props))
    out: dict[str, dict[tuple[str, str, str], dict[str, Any]]] = {}
    for _, places in found:
        for t, src, dst, f, _props in places:
            if t and src and dst and f:
                out.setdefault(t, {})[(src, dst, f)] = {"s": src, "d": dst, "f": f}
    return {t: list(v.values()) for t, v in out.items()}


def provinces(store: GraphStore) -> list[str]:
    """The provinces of the graph's courts and tribunals (what the queue's province filter
    matches), sorted: a read of those labels' nodes only (a few thousand on a national graph),
    never of the facts."""
    found: set[str] = set()
    for label in ("Court", "Tribunal"):
        rows = store.read(
            f"MATCH (c:{label}) WHERE c.province IS NOT NULL RETURN DISTINCT c.province AS p",
            limit=100_000,
        )
        found.update(str(r["p"]) for r in rows if r["p"])
    return sorted(found)


_UNREAD = object()


def queue(
    store: GraphStore,
    *,
    kinds: Sequence[str] = tuple(KINDS),
    initiative: str | None = None,
    unit: str | None = None,
    document: str | None = None,
    province: str | None = None,
    stage: str | None = None,
    max_confidence: float | None = None,
    status: str = "extracted",
    limit: int = 50,
    collections: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Facts to check, lowest confidence and most-supported first (per kind, kinds in order:
    adoptions, outcomes, people, organisations). Filters combine; `initiative` and `stage`
    keep adoptions only; `collections` (文档集 names) keeps the facts one of whose documents
    is in one of them (the explorer's sidebar choice). `status` "rejected" lists rejected facts from their decisions (they
    are no longer in the graph).

    Where it starts (the answer is the same): a document, an initiative or a unit anchors the
    pattern at that node; open facts otherwise come from the kind's stored head (filtered by
    province, stage and confidence there while it can tell); confirmed and corrected facts
    from the decisions that made them so; a province's facts from its courts, tribunals and
    organisations (`_province_members`); a rare stage's (with a confidence ceiling or not)
    from that stage's own head; the scan of every fact of the kind is the rest: a stage
    head's first build, and the confirmed or corrected queues past `DECIDED_LOOKUPS`
    decisions (`python -m benchmarks.review` times each)."""
    if status not in STATUSES:
        raise BadParameter(f"状态 {status!r} 无效：应为 {'、'.join(STATUSES)} 之一")
    in_docs: dict[str, bool] | None = None
    if collections:
        from graph.collections import documents_in

        in_docs = dict.fromkeys(documents_in(store, list(collections)), True)
    if status == "rejected":
        return _rejected(store, limit=limit, in_docs=in_docs)
    out: list[dict[str, Any]] = []
    places: Any = _UNREAD  # (read once, for every kind)
    members: list[str] | None = None
    filters: dict[str, Any] = {
        "status": status,
        "initiative": initiative,
        "unit": unit,
        "province": province,
        "stage": stage,
        "max_confidence": max_confidence,
        "in_docs": in_docs,
    }
    for kind in kinds:
        if kind not in KINDS:
            raise BadParameter(f"事实种类 {kind!r} 无效：应为 {'、'.join(KINDS)} 之一")
        rel = check_rel_type(KINDS[kind])
        if (initiative or stage) and rel != "ADOPTED":
            continue
        left = limit - len(out)
        if left <= 0:
            break
        anchored = any(v not in (None, "") for v in (document, initiative, unit))
        found: list[dict[str, Any]] | None = None
        if status == "extracted" and not anchored and in_docs is None:
            found = _queue_from_head(
                store,
                kind,
                rel,
                left,
                province=province or None,
                stage=stage or None,
                max_confidence=max_confidence,
            )
            if found is None and stage in STAGES and not province:  # a rare stage: its head
                found = _queue_from_head(
                    store,
                    kind,
                    rel,
                    left,
                    stage=stage,
                    max_confidence=max_confidence,
                    head_stage=stage,
                )
        elif status in ("confirmed", "corrected") and not anchored:
            if places is _UNREAD:
                places = _decided_places(store, status)
            if places is not None:
                found = _scan(store, kind, rel, left, ends=places.get(rel, []), **filters)
        if found is None and province and not anchored:
            if members is None:
                members = _province_members(store, province)
            found = _scan(store, kind, rel, left, members=members, **filters)
        if found is None:
            found = _scan(store, kind, rel, left, document=document, **filters)
        for r in found:
            r["kind"] = kind
            r["status_zh"] = STATUS_ZH.get(r["status"], r["status"])
        out.extend(found)
    return out


#: the labels whose nodes carry a `province` (the queue's province filter matches it at
#: either end of a fact; docs/data-model.md: courts and tribunals; the benchmark graph's
#: organisations too)
PROVINCE_LABELS: tuple[str, ...] = ("Court", "Tribunal", "Organization")


def _province_members(store: GraphStore, province: str) -> list[str]:
    """The ids of a province's courts, tribunals and organisations: a read of those labels'
    nodes (a few thousand on a national graph), never of the facts."""
    ids: list[str] = []
    for label in PROVINCE_LABELS:
        ids += [
            r["id"]
            for r in store.read(
                f"MATCH (n:{label}) WHERE n.province = $p RETURN n.id AS id",
                {"p": province},
                limit=1_000_000,
            )
        ]
    return ids


def _queue_key(row: dict[str, Any]) -> tuple[float, int, str]:
    """A queue row's place, as `_QUEUE_RETURN` orders them."""
    return (_confidence(row), -len(row.get("doc_ids") or []), str(row["fact_id"]))


def _scan(
    store: GraphStore,
    kind: str,
    rel: str,
    limit: int,
    *,
    status: str,
    ends: list[dict[str, Any]] | None = None,
    members: list[str] | None = None,
    document: str | None = None,
    initiative: str | None = None,
    unit: str | None = None,
    province: str | None = None,
    stage: str | None = None,
    max_confidence: float | None = None,
    in_docs: dict[str, bool] | None = None,
) -> list[dict[str, Any]]:
    """One kind's facts of a status in queue order, filtered in the query: from the given
    `ends` (fact ids at their anchored ends), else anchored at the most selective filter
    (`members`: the province's entities, at either end), else every fact of the kind."""
    where = ["r.doc_ids IS NOT NULL", "coalesce(r.review_status, 'extracted') = $status"]
    params: dict[str, Any] = {"status": status, "limit": limit}
    # the most selective filter anchors the pattern; the others are conditions
    if ends is not None:
        match = f"UNWIND $ends AS x MATCH (a:Entity {{id: x.s}})-[r:{rel}]->(b:Entity {{id: x.d}})"
        where.append("r.fact_id = x.f")
        params["ends"] = ends
    elif document:
        match = (
            "MATCH (:Document {id: $doc})-[:MENTIONS]->(a:Entity) "
            f"MATCH (a)-[r:{rel}]->(b:Entity)"
        )
        where.append("$doc IN r.doc_ids")
    elif initiative:
        match = f"MATCH (b:Entity {{id: $initiative}})<-[r:{rel}]-(a:Entity)"
    elif unit and rel == "HOLDS_ROLE":
        match = f"MATCH (b:Entity {{id: $unit}})<-[r:{rel}]-(a:Entity)"
    elif unit:
        match = f"MATCH (a:Entity {{id: $unit}})-[r:{rel}]->(b:Entity)"
    elif members is not None:
        match = f"UNWIND $members AS m MATCH (a:Entity {{id: m}})-[r:{rel}]->(b:Entity)"
        params["members"] = members
    else:
        match = f"MATCH (a:Entity)-[r:{rel}]->(b:Entity)"
    for name, value, condition in (
        ("doc", document, None),
        ("initiative", initiative, "b.id = $initiative"),
        ("unit", unit, "$unit IN [a.id, b.id]"),
        ("province", province, "$province IN [a.province, b.province]"),
        ("stage", stage, "r.stage = $stage"),
        ("max_confidence", max_confidence, "coalesce(r.confidence, 0.5) <= $max_confidence"),
        # (a map looked up per document, as queries.library.in_collections does)
        ("in_docs", in_docs, "any(x IN r.doc_ids WHERE $in_docs[x] IS NOT NULL)"),
    ):
        if value is not None and value != "":
            params[name] = value
            if condition:
                where.append(condition)
    if ends is not None:
        # the decided facts found (a few thousand at most), then the rows of the first
        # `limit` only: naming every end of every decided fact costs more than finding them
        keys = store.read(
            f"{match} WHERE {' AND '.join(where)} AND b.id = x.d "
            "RETURN x.s AS s, x.d AS d, r.fact_id AS f, coalesce(r.confidence, 0.5) AS c, "
            "size(r.doc_ids) AS n",
            params,
            limit=10_000_000,
        )
        keys.sort(key=lambda k: (float(k["c"]), -int(k["n"]), str(k["f"])))
        params["ends"] = [{"s": k["s"], "d": k["d"], "f": k["f"]} for k in keys[:limit]]
        if not params["ends"]:
            return []
    rows = store.read(f"{match} WHERE {' AND '.join(where)}{_QUEUE_RETURN}", params)
    if members is not None and ends is None and not (document or initiative or unit):
        # and the facts whose other end is in the province: the first `limit` of both
        other = f"UNWIND $members AS m MATCH (b:Entity {{id: m}})<-[r:{rel}]-(a:Entity)"
        seen = {r["fact_id"] for r in rows}
        rows += [
            r
            for r in store.read(f"{other} WHERE {' AND '.join(where)}{_QUEUE_RETURN}", params)
            if r["fact_id"] not in seen
        ]
        rows = sorted(rows, key=_queue_key)[:limit]
    return rows


def _rejected(
    store: GraphStore, *, limit: int, in_docs: dict[str, bool] | None = None
) -> list[dict[str, Any]]:
    latest: dict[str, Decision] = {}
    for d in decisions(store):
        latest[d.fact_id] = d  # oldest first, so the last one wins
    out = []
    for d in latest.values():
        if d.decision != "reject":
            continue
        old = d.old
        docs = old.get("props", {}).get("doc_ids") or []
        if in_docs is not None and not any(x in in_docs for x in docs):
            continue
        out.append(
            {
                "fact_id": d.fact_id,
                "type": old.get("type"),
                "src_id": old.get("src"),
                "dst_id": old.get("dst"),
                "stage": old.get("props", {}).get("stage"),
                "status": "rejected",
                "status_zh": STATUS_ZH["rejected"],
                "reviewer": d.reviewer,
                "note": d.note,
                "time": d.time,
                # as the source writes it (a decision recorded before: as normalized)
                "evidence": [
                    e.get("original_sentence") or e.get("sentence") for e in old.get("evidence", [])
                ],
            }
        )
    return out[:limit]


def evidence_of(store: GraphStore, fact_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The sentences behind facts, with their documents' title, date and URLs."""
    if not fact_ids:
        return []
    return store.read(
        "UNWIND $ids AS f MATCH (e:Evidence {fact_id: f}) MATCH (d:Document {id: e.doc_id}) "
        "RETURN e.fact_id AS fact_id, e.sentence AS sentence, e.quote AS quote, "
        f"e.start AS start, e.end AS end, {written_sentence('e')} AS original_sentence, "
        "e.original_start AS original_start, e.original_end AS original_end, "
        "d.id AS doc_id, d.title AS title, d.date AS doc_date, "
        "d.urls AS urls ORDER BY fact_id, doc_date, start",
        {"ids": list(fact_ids)},
    )


def progress(store: GraphStore) -> dict[str, Any]:
    """Decided vs open facts, and the precision reviewers measured (confirmed ÷ decided)."""
    counts: dict[str, int] = {s: 0 for s in STATUSES}
    # both ends labelled: ArcadeDB then reads the type's relationships several times faster
    # than from `()-[r]->()` (`python -m benchmarks.review` times progress)
    for rel in FACT_TYPES:
        t = check_rel_type(rel)
        for r in store.read(
            f"MATCH (:Entity)-[r:{t}]->(:Entity) WHERE r.doc_ids IS NOT NULL "
            "RETURN coalesce(r.review_status, 'extracted') AS s, count(r) AS n"
        ):
            counts[r["s"]] = counts.get(r["s"], 0) + r["n"]
    latest: dict[str, Decision] = {}
    for d in decisions(store):
        latest[d.fact_id] = d
    rejected = sum(1 for d in latest.values() if d.decision == "reject")
    counts["rejected"] = rejected
    confirmed = sum(1 for d in latest.values() if d.decision == "confirm")
    decided = sum(1 for d in latest.values() if d.decision in ("confirm", "reject", "correct"))
    return {
        "counts": counts,
        "decisions": len(latest),
        "precision": round(confirmed / decided, 3) if decided else None,
        "by_rule": _precision_by(latest.values(), _rules_of),
        "by_band": _precision_by(latest.values(), _band_of),
    }


def progress_by_initiative(store: GraphStore) -> list[dict[str, Any]]:
    """Per initiative: its adoptions by review status (open first: most to check on top)."""
    per: dict[str, dict[str, Any]] = {}
    for r in store.read(
        "MATCH (u:Entity)-[a:ADOPTED]->(i:Entity) WHERE a.doc_ids IS NOT NULL "
        "RETURN i.id AS id, i.name AS name, coalesce(a.review_status, 'extracted') AS s, "
        "count(a) AS n",
        limit=1_000_000,
    ):
        row = per.setdefault(
            r["id"], {"id": r["id"], "name": r["name"], **dict.fromkeys(STATUSES, 0)}
        )
        row[r["s"]] = row.get(r["s"], 0) + r["n"]
    return sorted(per.values(), key=lambda r: (-r["extracted"], r["id"]))


def progress_by_document(
    store: GraphStore,
    doc_ids: Sequence[str] | None = None,
    *,
    limit: int | None = None,
    after: str = "",
) -> list[dict[str, Any]]:
    """Per document: the facts its sentences support, by review status (open first).

    Given `doc_ids`, those documents only, from their own evidence and the facts of the
    entities they mention (index lookups: what the 审核 page shows for the documents in its
    queue); given `limit`, a page: the first `limit` documents by id after `after`, in id
    order (an index range, then the same lookups: proportional to the page,
    `python -m graph review progress --by document --limit 100 --after doc:…`). Without either, every document:
    that reads every fact and every evidence node (seconds to tens of seconds on a national
    graph, an export's work: `python -m benchmarks.review` times it). Ordering every
    document by its open facts needs every document's counts, so only that whole table
    has the open-first order across documents."""
    if doc_ids is not None:
        return _progress_of_documents(store, doc_ids)
    if limit is not None:
        page = store.read(
            "MATCH (d:Document) WHERE d.id > $after "
            "RETURN d.id AS id, d.title AS title ORDER BY d.id LIMIT $n",
            {"after": after or "", "n": max(0, int(limit))},
            limit=max(1, int(limit)),
        )
        counted = {r["id"]: r for r in _progress_of_documents(store, [r["id"] for r in page])}
        # every document of the page (one without facts: zeros), in id order, so the next
        # page starts after the last
        return [
            counted.get(r["id"])
            or {"id": r["id"], **dict.fromkeys(STATUSES, 0), "name": r["title"]}
            for r in page
        ]
    status: dict[str, str] = {}
    for rel in FACT_TYPES:
        t = check_rel_type(rel)
        for r in store.read(
            f"MATCH (:Entity)-[r:{t}]->(:Entity) WHERE r.doc_ids IS NOT NULL "
            "RETURN r.fact_id AS f, coalesce(r.review_status, 'extracted') AS s",
            limit=10_000_000,
            plain=True,
        ):
            status[r["f"]] = r["s"]
    per: dict[str, dict[str, Any]] = {}
    for r in store.read(
        "MATCH (e:Evidence) RETURN DISTINCT e.doc_id AS d, e.fact_id AS f",
        limit=10_000_000,
        plain=True,
    ):
        if r["f"] not in status:
            continue
        row = per.setdefault(r["d"], {"id": r["d"], **dict.fromkeys(STATUSES, 0)})
        row[status[r["f"]]] += 1
    titles = {
        r["id"]: r["title"]
        for r in store.read(
            "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.title AS title",
            {"ids": sorted(per)},
        )
    }
    for row in per.values():
        row["name"] = titles.get(row["id"])
    return sorted(per.values(), key=lambda r: (-r["extracted"], r["id"]))


def _progress_of_documents(store: GraphStore, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
    ids = sorted({d for d in doc_ids if d})
    if not ids:
        return []
    facts = store.read(
        "UNWIND $ids AS doc MATCH (e:Evidence {doc_id: doc}) "
        "RETURN DISTINCT e.doc_id AS d, e.fact_id AS f",
        {"ids": ids},
        limit=10_000_000,
    )
    wanted = sorted({r["f"] for r in facts})
    status: dict[str, str] = {}
    for rel in FACT_TYPES:
        t = check_rel_type(rel)
        for r in store.read(
            f"UNWIND $ids AS doc MATCH (:Document {{id: doc}})-[:MENTIONS]->(a:Entity) "
            f"MATCH (a)-[r:{t}]->(:Entity) WHERE r.doc_ids IS NOT NULL AND r.fact_id IN $facts "
            "RETURN DISTINCT r.fact_id AS f, coalesce(r.review_status, 'extracted') AS s",
            {"ids": ids, "facts": wanted},
            limit=10_000_000,
        ):
            status[r["f"]] = r["s"]
    per: dict[str, dict[str, Any]] = {}
    for r in facts:
        if r["f"] not in status:
            continue
        row = per.setdefault(r["d"], {"id": r["d"], **dict.fromkeys(STATUSES, 0)})
        row[status[r["f"]]] += 1
    titles = {
        r["id"]: r["title"]
        for r in store.read(
            "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.title AS title",
            {"ids": sorted(per)},
        )
    }
    for row in per.values():
        row["name"] = titles.get(row["id"])
    return sorted(per.values(), key=lambda r: (-r["extracted"], r["id"]))


#: confidence bands the measured precision is reported by
BANDS: tuple[float, ...] = (0.5, 0.7, 0.9)


def _rules_of(d: Decision) -> list[str]:
    """The rules that proposed the fact when it was decided (`rules` on the fact, or one
    `rule`), so each rule's precision can be told apart."""
    props = d.old.get("props", {})
    rules = props.get("rules") or ([props["rule"]] if props.get("rule") else [])
    return [str(r) for r in rules if r] or ["(none)"]


def _band_of(d: Decision) -> list[str]:
    c = d.old.get("props", {}).get("confidence")
    if c is None:
        return ["(none)"]
    low = max([0.0, *(b for b in BANDS if c >= b)])
    high = min([1.0, *(b for b in BANDS if c < b)])
    return [f"{low:.1f}-{high:.1f}"]


def _precision_by(latest: Iterable[Decision], key: Any) -> dict[str, dict[str, float | int | None]]:
    """Per rule or confidence band: facts decided, confirmed, and confirmed ÷ decided, from
    each fact's latest decision (the extractor's precision as reviewers measured it)."""
    out: dict[str, dict[str, Any]] = {}
    for d in latest:
        if d.decision not in ("confirm", "reject", "correct"):
            continue
        for name in key(d):
            row = out.setdefault(name, {"decided": 0, "confirmed": 0})
            row["decided"] += 1
            row["confirmed"] += d.decision == "confirm"
    for row in out.values():
        row["precision"] = round(row["confirmed"] / row["decided"], 3)
    return dict(sorted(out.items()))


def describe(row: dict[str, Any]) -> str:
    """A queue row in words: 明山区法院 · 试点 · 人民调解员驻院调解 · 2022-04; a learning
    visit with what it studied: 锦州中院 · 向…学习 · 大连中院 · 学习内容 诉源治理."""
    from graph.model import REL_ZH, STAGE_ZH

    middle = (
        STAGE_ZH.get(row.get("stage") or "", row.get("stage") or "")
        or row.get("title")
        or REL_ZH.get(row.get("type") or "", row.get("type") or "")
    )
    parts = [row.get("src") or row.get("src_id"), middle, row.get("dst") or row.get("dst_id")]
    if row.get("type") == "LEARNED_FROM":
        parts.append(f"学习内容 {row.get('initiative') or '（未写明）'}")
    if row.get("date"):
        parts.append(row["date"])
    return " · ".join(str(p) for p in parts if p)


#: the qualifiers a figure may carry (as the extractor writes them: 余 / 约 / 近 / 超 / 多 …)
QUALIFIERS: tuple[str, ...] = ("约", "近", "超", "余", "多", "以上", "不到", "少于", "不足")


def period_value(period: str, *, today: str | None = None) -> str:
    """A figure's period as the store keeps it: an ISO date prefix (YYYY, YYYY-MM or
    YYYY-MM-DD) or a range of two joined by ``/`` whose start is not after its end;
    BadParameter otherwise, naming a month or day that does not exist (2024-01/2024-13).

    A reported figure counts what has happened (extraction leaves targets and plans out:
    ingest/outcomes.py), so no part of its period lies after `today` (default: this
    machine's date), each at its own precision as `date_precision` holds a date: this year
    (2026) and this month (2026-12) are no future period, 2026-01-01/2026-12-31 is before
    31 December. Start and end are compared as days: 2023-06/2023 (June to the end of the
    year) is a period, 2024/2023-06 is not.

    >>> period_value(" 2023-01/2023-06 "), period_value("2023-06/2023")
    ('2023-01/2023-06', '2023-06/2023')
    >>> period_value("2026", today="2026-12-07"), period_value("2026-12", today="2026-12-07")
    ('2026', '2026-12')
    """
    from datetime import date as day_of

    text = period.strip()
    parts = text.split("/")
    shape = f"统计期间 {period!r} 无效：应为 YYYY、YYYY-MM、YYYY-MM-DD，或以 开始/结束 写两个"
    if len(parts) > 2 or not all(parts):
        raise BadParameter(shape)
    for part in parts:
        fault = _date_fault(part)
        if fault == _DATE_SHAPE:
            raise BadParameter(shape)
        if fault:
            raise BadParameter(f"统计期间 {period!r} 无效：{fault}")
    if len(parts) == 2 and _first_day(parts[0]) > _last_day(parts[1]):
        raise BadParameter(f"统计期间 {period!r}：开始晚于结束")
    today = today or day_of.today().isoformat()
    late = [part for part in parts if part > today[: len(part)]]
    if late:
        which = " " if len(parts) == 1 else " 的起点" if late[0] == parts[0] else " 的终点"
        raise BadParameter(
            f"统计期间 {period!r}{which}晚于今天（{today}）：报告的数字不会统计到将来，"
            f"请检查年份和月份（本年、本月至今可写作 {today[:4]}、{today[:7]}）"
        )
    return text


def _first_day(date: str) -> str:
    """The first day of an ISO date prefix that exists: 2023 → 2023-01-01."""
    return date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date


def _last_day(date: str) -> str:
    """The last day of an ISO date prefix that exists: 2023 → 2023-12-31, 2024-02 → 2024-02-29.

    >>> _last_day("2023"), _last_day("2024-02"), _last_day("2023-04-05"), _first_day("2023-04")
    ('2023-12-31', '2024-02-29', '2023-04-05', '2023-04-01')
    """
    import calendar

    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        return f"{date}-{calendar.monthrange(int(date[:4]), int(date[5:]))[1]:02d}"
    return date


#: what `_date_fault` says of a date that is no ISO date prefix
_DATE_SHAPE = "应为 YYYY、YYYY-MM 或 YYYY-MM-DD"


def _date_fault(date: str) -> str | None:
    """Why `date` is no ISO date prefix of a day that exists (its shape, a month 13, a 29
    February of a common year), or None.

    >>> _date_fault("2024-13"), _date_fault("2023-02-29"), _date_fault("2024-02-29")
    ('没有 13 月', '2023 年 2 月没有 29 日', None)
    """
    import re

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)
    if m is None:
        return _DATE_SHAPE
    year, month, day = (int(x) if x else None for x in m.groups())
    if month is not None and not 1 <= month <= 12:
        return f"没有 {month} 月"
    try:
        datetime(year or 0, month or 1, day or 1)
    except ValueError:
        return "没有 0 年" if not year else f"{year} 年 {month} 月没有 {day} 日"
    return None


def date_precision(date: str, *, today: str | None = None) -> str:
    """`day`, `month` or `year` for an ISO date prefix of a day that exists and is not after
    `today` (default: this machine's date); BadParameter otherwise (2024-13 and 2023-02-29
    were taken and stored, and so was 2099-01-01: a fact's date is never in the future, and
    2204 for 2024 is a typo that would be a wrong fact). The current year or month is no
    future date.

    >>> date_precision("2024-02-29"), date_precision("2024-05"), date_precision("2024")
    ('day', 'month', 'year')
    >>> date_precision("2024-06", today="2024-06-01")
    'month'
    """
    from datetime import date as day_of

    fault = _date_fault(date)
    if fault:
        raise BadParameter(f"日期 {date!r} 无效：{fault}")
    today = today or day_of.today().isoformat()
    if date > today[: len(date)]:
        raise BadParameter(
            f"日期 {date!r} 晚于今天（{today}）：事实的日期不会在将来，请检查年份和月份"
        )
    return "day" if len(date) == 10 else "month" if len(date) == 7 else "year"


def sentences_of(store: GraphStore, doc_id: str) -> list[tuple[int, int, str]]:
    """A document's sentences with their offsets (ending at 。！？；or a line break), for
    anchoring an added fact."""
    import re

    rows = store.read("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": doc_id})
    if not rows:
        raise CourtgraphError(f"图中没有文档 {doc_id!r}")
    text = str(rows[0]["t"] or "")
    out = []
    for m in re.finditer(r"[^。！？；!?\n]+[。！？；!?]?", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end - start >= 2:
            out.append((start, end, text[start:end]))
    return out


def sentence_at(store: GraphStore, doc_id: str, start: int, end: int) -> str:
    """The text of a document between two offsets (the sentence an added fact is anchored to)."""
    rows = store.read("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": doc_id})
    if not rows:
        raise CourtgraphError(f"图中没有文档 {doc_id!r}")
    text = rows[0]["t"] or ""
    if not 0 <= start < end <= len(text):
        raise BadParameter(f"位置 {start}..{end} 超出文档范围（0..{len(text)}）")
    return str(text[start:end])


def candidate_initiatives(store: GraphStore, *, limit: int = 200) -> list[dict[str, Any]]:
    """Candidate initiatives (terms the taxonomy lacks), most adopted first."""
    rows = store.read(
        "MATCH (n:Initiative) WHERE n.candidate = true AND coalesce(n.curated, false) = false "
        "RETURN n.id AS id, n.name AS name, coalesce(n.adopter_count, 0) AS units",
        limit=100_000,
    )
    return sorted(rows, key=lambda r: (-r["units"], r["id"]))[:limit]
