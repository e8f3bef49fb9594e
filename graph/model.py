"""The graph model: node labels, relationship types, stable ids and the rows a store writes.

Every entity node carries two labels, its kind (`Court`, `Initiative`, ...) and `Entity`;
`Entity.id` is unique, so every anchored lookup is `(n:Entity {id: $id})` on both servers.

Provenance: a fact is a relationship with a stable `fact_id` and the sorted list `doc_ids` of
the documents that support it; each supporting sentence is an `Evidence` node
(`fact_id`, `doc_id`, the sentence twice — as the source writes it and as normalized, each
with its offsets (`EvidenceRow`) — the date it gives, and the `rule` and `confidence` of the
extraction's proposal). The fact's `date` is the earliest of its evidence, `confidence`
the highest and `rules` the distinct rules, whatever order or batches documents come in
(graph/store.py, `FactFold`). A document also `MENTIONS` every entity its facts touch, which
is what lets `delete_document` find, trim and refold what it supported.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

ENTITY_LABELS: tuple[str, ...] = (
    "Court",
    "Tribunal",
    "Initiative",
    "Person",
    "Organization",
    "Outcome",
)
NODE_LABELS: tuple[str, ...] = ENTITY_LABELS + ("Document", "Evidence")
#: LEARNED_FROM: a court's learning visit to another (visitor -> host, ingest.visits), one
#: per initiative studied (`initiative`: its name; absent when the text names none)
FACT_TYPES: tuple[str, ...] = (
    "PART_OF",
    "ADOPTED",
    "HOLDS_ROLE",
    "REPORTED",
    "PARTNERS_WITH",
    "LEARNED_FROM",
)
REL_TYPES: tuple[str, ...] = FACT_TYPES + ("MENTIONS",)
STAGES: tuple[str, ...] = ("adopted", "piloted", "promoted", "awarded")
#: `Meta {id}` prefix of the review queue's stored heads (graph/review.py), one per kind of fact
QUEUE_HEAD_PREFIX = "review-queue:"
LEVELS: tuple[str, ...] = ("supreme", "high", "intermediate", "basic", "special", "tribunal")

LABEL_ZH: dict[str, str] = {
    "Court": "法院",
    "Tribunal": "人民法庭",
    "Initiative": "改革举措",
    "Person": "人物",
    "Organization": "机构",
    "Outcome": "成效数据",
    "Document": "文档",
    "Evidence": "证据",
}
REL_ZH: dict[str, str] = {
    "PART_OF": "隶属",
    "ADOPTED": "推行",
    "HOLDS_ROLE": "任职",
    "REPORTED": "报告",
    "PARTNERS_WITH": "协作",
    "LEARNED_FROM": "学习考察",
    "MENTIONS": "提及",
}
STAGE_ZH: dict[str, str] = {
    "adopted": "推行",
    "piloted": "试点",
    "promoted": "推广部署",
    "awarded": "获评",
}
#: Chinese names of the initiative taxonomy's categories (data/initiatives.json codes); a
#: category missing here shows its code
CATEGORY_ZH: dict[str, str] = {
    "administrative": "行政审判",
    "business_environment": "营商环境",
    "case_management": "繁简分流与速裁",
    "criminal": "刑事司法",
    "dispute_resolution": "多元解纷",
    "enforcement": "执行工作",
    "governance": "社会治理",
    "grassroots": "基层基础建设",
    "honour": "荣誉表彰",
    "judicial_responsibility": "司法责任制",
    "litigation_services": "诉讼服务",
    "openness": "司法公开",
    "participation": "社会参与司法",
    "personnel": "队伍建设",
    "petitions": "涉诉信访",
    "smart_court": "智慧法院",
    "specialised_trial": "专业化审判",
    "trial_management": "审判管理",
    "tribunal": "人民法庭",
}
LEVEL_ZH: dict[str, str] = {
    "supreme": "最高法院",
    "high": "高级法院",
    "intermediate": "中级法院",
    "basic": "基层法院",
    "special": "专门法院",
    "tribunal": "人民法庭",
}

_PREFIX = {
    "Court": "court",
    "Tribunal": "tribunal",
    "Initiative": "initiative",
    "Person": "person",
    "Organization": "org",
    "Outcome": "outcome",
    "Document": "doc",
    "Evidence": "ev",
}


def check_label(label: str) -> str:
    """Return `label` if it is one of ours; labels are spliced into Cypher, so check first."""
    if label not in NODE_LABELS:
        raise ValueError(f"unknown node label {label!r}; expected one of {', '.join(NODE_LABELS)}")
    return label


def check_rel_type(rel_type: str) -> str:
    if rel_type not in REL_TYPES:
        raise ValueError(f"unknown relationship type {rel_type!r}")
    return rel_type


def digest(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of the parts (order matters; None is distinct from '')."""
    h = hashlib.sha256()
    for p in parts:
        h.update(b"\x1f" if p is None else str(p).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()[:length]


def entity_id(label: str, *key: object) -> str:
    """Stable id of an entity: readable for named things, hashed for composite keys.

    >>> entity_id("Court", "辽宁省本溪市中级人民法院")
    'court:辽宁省本溪市中级人民法院'
    """
    check_label(label)
    prefix = _PREFIX[label]
    if len(key) == 1 and label in ("Court", "Tribunal", "Initiative", "Organization"):
        return f"{prefix}:{key[0]}"
    if label == "Person" and len(key) == 2:
        name, unit = key
        return f"{prefix}:{name}@{unit}" if unit else f"{prefix}:{name}"
    return f"{prefix}:{digest(*key)}"


def label_of(node_id: str) -> str:
    """The kind of node an id names (ids carry their kind as a prefix)."""
    prefix = node_id.split(":", 1)[0]
    for label, p in _PREFIX.items():
        if p == prefix:
            return label
    raise ValueError(f"not a courtgraph id: {node_id!r}")


def fact_id(rel_type: str, src: str, dst: str, *key: object) -> str:
    """Stable id of a fact (a relationship), from its type, ends and distinguishing key."""
    try:
        return _fact_id(rel_type, src, dst, *key)
    except TypeError:  # a key that cannot be hashed: not remembered
        return _fact_id.__wrapped__(rel_type, src, dst, *key)


@functools.lru_cache(maxsize=1 << 16, typed=True)  # (1 and True: two ids)
def _fact_id(rel_type: str, src: str, dst: str, *key: object) -> str:
    # remembered: a write asks each fact's id four times (its rows, the document's list of
    # facts, the review decisions twice), and a digest is most of what building its rows costs
    check_rel_type(rel_type)
    return f"{rel_type.lower()}:{digest(src, dst, *key)}"


@dataclass
class NodeRow:
    """An entity to upsert: created with `props`, later documents only add aliases."""

    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)


#: how precise a date is, for ties between equal date strings: the text's own date beats the
#: document's date
PRECISION_RANK: dict[str | None, int] = {"day": 0, "month": 1, "year": 2, None: 3, "document": 4}


def date_key(date: str, precision: str | None) -> tuple[str, int, str]:
    """The order of reported dates: ISO string order (so `2019` sorts before `2019-03`, the
    start of its span), then the more precise report, the text's before the document's.
    A fact's first date is the smallest of its evidence by this key."""
    return (date, PRECISION_RANK.get(precision, 3), precision or "")


@dataclass
class EvidenceRow:
    """One sentence a fact came from, in two readings.

    `original_start` / `original_end` are the sentence's character offsets in the source's
    text (`SourceDocument.original`: the decoded .txt/.md file, or the text extracted from an
    .html/.docx/.pdf page), and `original_sentence` the source's text there — traditional
    characters, pinyin glosses, full-width forms, a Markdown file's markup as written — kept
    only when it differs from `sentence` (None with offsets: the source writes it as
    normalized; most sentences are stored once). That reading is what is shown and cited
    (`written_sentence`), so a reader finds the quote verbatim where it says.

    `sentence`, `start` and `end` keep the meaning they always had in the store: the
    normalized sentence and its offsets in the stored `Document.text`. Search, matching,
    deduplication, evidence ids and reviewers' decisions (`graph.review.sentence_hash`) are
    about the normalized text, and a store written before the source reading existed holds only
    these, so an older row reads as before (its `original_*` are all None: `sentence` is
    shown, and cited without offsets).
    """

    sentence: str  # normalized (Document.text[start:end])
    start: int
    end: int
    quote: str = ""
    date: str | None = None  # the date this sentence gives the fact (adoptions)
    date_precision: str | None = None  # day | month | year | document (the document's date)
    rule: str | None = None  # the extraction rule that proposed the fact from this sentence
    confidence: float | None = None  # that proposal's calibrated confidence (ingest.confidence)
    original_sentence: str | None = None  # as the source writes it, when not as `sentence`
    original_start: int | None = None  # its offsets in the source's text
    original_end: int | None = None


@dataclass
class FactRow:
    """A relationship supported by a document, with the sentences that support it."""

    type: str
    src: str
    dst: str
    key: tuple[Any, ...] = ()
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[EvidenceRow] = field(default_factory=list)

    @property
    def id(self) -> str:
        return fact_id(self.type, self.src, self.dst, *self.key)


@dataclass
class MentionRow:
    """Where a document first names an entity: the surface and its sentence, normalized, with
    the surface's offsets in `Document.text`, and (like `EvidenceRow`) the sentence as the
    source writes it with the surface's offsets in the source's text."""

    entity: str  # entity id
    surface: str
    sentence: str  # normalized
    start: int  # the surface's offsets in Document.text
    end: int
    count: int = 1
    original_sentence: str | None = None  # the sentence as the source writes it, if otherwise
    # the surface's offsets in the source's text (the sentence's when it does not write it)
    original_start: int | None = None
    original_end: int | None = None


@dataclass
class DocumentGraph:
    """Everything one document contributes to the graph, written in one transaction."""

    id: str
    props: dict[str, Any]
    nodes: list[NodeRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    facts: list[FactRow] = field(default_factory=list)


def written_sentence(var: str) -> str:
    """Cypher for the sentence as the source writes it of the evidence node or mention `var`
    (`EvidenceRow`): its `original_sentence`, else its `sentence` when it has offsets into the
    source (the source writes it so), else null (stored before the source reading was kept).

    >>> written_sentence("e")
    'CASE WHEN e.original_start IS NULL THEN null ELSE coalesce(e.original_sentence, e.sentence) END'
    """
    if not var.isidentifier():
        raise ValueError(f"not a Cypher variable: {var!r}")
    return (
        f"CASE WHEN {var}.original_start IS NULL THEN null "
        f"ELSE coalesce({var}.original_sentence, {var}.sentence) END"
    )


def document_id(content_hash: str) -> str:
    return f"doc:{content_hash[:20]}"


def search_text(name: str, aliases: list[str]) -> str:
    """What the full-text index sees: the name and every alias, space separated."""
    seen: list[str] = []
    for s in [name, *aliases]:
        if s and s not in seen:
            seen.append(s)
    return " ".join(seen)
