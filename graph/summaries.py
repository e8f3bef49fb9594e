"""Derived summaries the store keeps next to the facts, so whole-graph questions stay fast.

Reading every ADOPTED or MENTIONS relationship of a large graph takes seconds (the server
loads each end node; the driver handles each record), while the questions users ask most
(how many units adopted each initiative, documents per unit and year, the latest documents)
only need aggregates. The store keeps them up to date inside the same write transaction as
the facts they summarise, so a summary is never staler than the graph:

- every adopted `Initiative`: `adopter_count` and `first_date`, and one `AdoptionSummary`
  node with the same id holding `units` (ids of the units reported at any stage, sorted),
  `stages` (per unit, its stages joined by `|`), `dates` (per unit, its earliest reported
  date or ""), `facts` and `checked` (per unit, its ADOPTED facts and how many of them a
  reviewer confirmed or corrected) and their sums `fact_count` and `checked_count` (the
  footnote "N facts, M unverified" without reading every fact). Adjusted for the units a
  write, a delete or a review decision touches.
- every entity a document mentions: `doc_years` and `doc_year_counts` (documents dated each
  year that mention it). Adjusted by the mentions a write adds or a delete removes, never
  recounted, so a hub court mentioned by 100,000 documents costs no more than a tribunal.
- every entity mentioned by more than `HUB_DOCS` dated documents: `recent_docs`, its latest
  `RECENT_DOCS` dated documents as "date id" strings, newest first, so the documents of a
  popular initiative are 201 lookups instead of a visit to its 16,000 mentions. Merged
  with the documents a write adds. The next `RECENT_SPARE` entries below the list wait in
  `recent_spare` (no query reads them): a delete or a rewrite that takes documents out of
  the list moves entries up from there; only when they run out is the list recomputed from
  the entity's every mention.
- every court or tribunal with units below it: `child_count` (its PART_OF in-degree).
- one `Meta {id: "graph"}` node: `recent_since`, the date of the `RECENT`-th latest document,
  so "latest documents" reads a short index range instead of sorting every document, and
  `summary_version`.
- every document's id and near-duplicate fingerprint, in `Meta` nodes (`fp_ids`, `fps`) of
  `FINGERPRINT_BLOCKS` buckets (a document's bucket is a hash of its id; each bucket a tail
  that writes append to and parts of `FINGERPRINT_TAIL` entries), so an ingest reads all
  known fingerprints as 16 records (the blocks collected by their bucket's first hex digit)
  instead of loading every document. Beside each fingerprint, after a `/`, the document's
  figure sketch (`figure_sketch`: how many figures it states and a 64-bit bloom of them),
  so an ingest reads the figures only of the near-duplicate candidates whose figures could
  match (`ingest.dedup.sketch_may_match`); an entry written before sketches has none.

`refresh_all(store)` recomputes everything from the facts (after a bulk load, or for a store
written by an older version; `open_store` does it when `summary_version` is behind).
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import neo4j

if TYPE_CHECKING:
    from graph.store import GraphStore

SUMMARY_VERSION = 4
RECENT = 50  # documents at or above the `recent_since` floor after a refresh
NEEDED = 21  # the latest-documents query reads 20 (+1 to tell it was cut)
META_ID = "graph"
HUB_DOCS = 1000  # an entity mentioned by more dated documents keeps `recent_docs`
RECENT_DOCS = 201  # how many: the documents query's row limit + 1 (to tell it was cut)
RECENT_SPARE = 50  # entries kept below the list, for deletes (`recent_spare`)

# one record of parallel lists: ArcadeDB groups and sorts many rows slowly, collect is cheap
_ADOPTIONS = """
MATCH (i:Entity {id: $id})<-[a:ADOPTED]-(u:Entity)
RETURN collect(u.id) AS units, collect(a.stage) AS stages, collect(coalesce(a.date, '')) AS dates,
       collect(coalesce(a.review_status, '')) AS statuses
"""
# the lists live on their own node: a query that buffers rows holding the initiative (an
# ORDER BY over its adopters) would otherwise carry every list in every row
_SET_INITIATIVE = """
MATCH (i:Entity {id: $id})
SET i.adopter_count = size($units), i.first_date = $first
MERGE (s:AdoptionSummary {id: $id})
SET s.initiative = i.name, s.units = $units, s.stages = $stages, s.dates = $dates,
    s.facts = $facts, s.checked = $checked, s.fact_count = $fact_count,
    s.checked_count = $checked_count
"""
_DROP_SUMMARY = """
MATCH (s:AdoptionSummary {id: $id}) DELETE s
WITH count(*) AS gone
MATCH (i:Entity {id: $id}) REMOVE i.adopter_count, i.first_date
"""


#: review statuses of a fact a reviewer checked (graph.review): the rest are unverified
CHECKED = ("confirmed", "corrected")


def adoption_summary(
    units: list[str], stages: list[str], dates: list[str], statuses: list[str] | None = None
) -> dict[str, Any]:
    """Per adopting unit (sorted by id): its stages joined by `|`, its earliest date, its
    number of ADOPTED facts (`facts`) and how many of them a reviewer confirmed or corrected
    (`checked`); `fact_count` and `checked_count` over every unit."""
    per: dict[str, tuple[set[str], str]] = {}
    facts: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    for k, (u, st, d) in enumerate(zip(units, stages, dates, strict=True)):
        have, first = per.get(u, (set(), ""))
        have.add(st or "")
        per[u] = (have, min(first, d) if first and d else first or d)
        facts[u] += 1
        checked[u] += bool(statuses and statuses[k] in CHECKED)
    ids = sorted(per)
    firsts = [per[u][1] for u in ids]
    known = [d for d in firsts if d]
    return {
        "units": ids,
        "stages": ["|".join(sorted(per[u][0] - {""})) for u in ids],
        "dates": firsts,
        "first": min(known) if known else None,
        **_counts([facts[u] for u in ids], [checked[u] for u in ids]),
    }


def _counts(facts: list[int], checked: list[int]) -> dict[str, Any]:
    return {
        "facts": facts,
        "checked": checked,
        "fact_count": sum(facts),
        "checked_count": sum(checked),
    }


# the adoptions of some units: anchored on each unit, so an initiative with thousands of
# adopters is never walked (a unit adopts at most a few stages of each initiative)
_UNIT_ADOPTIONS = """
UNWIND $units AS uid
MATCH (u:Entity {id: uid})-[a:ADOPTED]->(i:Entity)
RETURN u.id AS unit, i.id AS initiative, a.stage AS stage, coalesce(a.date, '') AS date,
       coalesce(a.review_status, '') AS status
"""
_SUMMARIES_OF = """
UNWIND $ids AS id
MATCH (s:AdoptionSummary {id: id})
RETURN s.id AS id, s.units AS units, s.stages AS stages, s.dates AS dates, s.facts AS facts,
       s.checked AS checked
"""
_SET_INITIATIVES = """
UNWIND $rows AS r
MATCH (i:Entity {id: r.id})
SET i.adopter_count = size(r.units), i.first_date = r.first
MERGE (s:AdoptionSummary {id: r.id})
SET s.initiative = i.name, s.units = r.units, s.stages = r.stages, s.dates = r.dates,
    s.facts = r.facts, s.checked = r.checked, s.fact_count = r.fact_count,
    s.checked_count = r.checked_count
"""


def merge_adoptions(
    old: tuple[list[str], list[str], list[str], list[int], list[int]],
    edges: dict[str, list[tuple[str, str, str]]],
) -> dict[str, Any]:
    """An initiative's summary (`adoption_summary`'s shape) with the entries of some units
    replaced: `edges` maps each unit whose adoptions may have changed to its (stage, date,
    review status) adoptions now (none: it is no longer an adopter). The other units keep
    their entries."""
    units, stages, dates, facts, checked = old
    per = {
        u: (st, d, n, c)
        for u, st, d, n, c in zip(units, stages, dates, facts, checked, strict=True)
        if u not in edges
    }
    for unit, rows in edges.items():
        if rows:
            fresh = adoption_summary(
                [unit] * len(rows), [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]
            )
            per[unit] = (
                fresh["stages"][0],
                fresh["dates"][0],
                fresh["facts"][0],
                fresh["checked"][0],
            )
    ids = sorted(per)
    known = [per[u][1] for u in ids if per[u][1]]
    return {
        "units": ids,
        "stages": [per[u][0] for u in ids],
        "dates": [per[u][1] for u in ids],
        "first": min(known) if known else None,
        **_counts([per[u][2] for u in ids], [per[u][3] for u in ids]),
    }


@dataclass
class AdjustInitiatives:
    """After a write or a delete: the adoption summaries of the initiatives some (unit,
    initiative) pairs belong to, with only those units' entries read again from their own
    ADOPTED relationships. The same result as `RefreshInitiatives` on those initiatives
    (when the summaries were right before), at a cost that follows the pairs, not the
    initiative's number of adopters. An initiative that no longer exists loses its summary."""

    pairs: Sequence[tuple[str, str]]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        touched: dict[str, set[str]] = defaultdict(set)
        for unit, initiative in self.pairs:
            touched[initiative].add(unit)
        if not touched:
            return
        ids = sorted(touched)
        units = sorted({u for us in touched.values() for u in us})
        edges: dict[str, dict[str, list[tuple[str, str, str]]]] = {
            i: {u: [] for u in us} for i, us in touched.items()
        }
        for k in range(0, len(units), 2000):
            for rec in tx.run(_UNIT_ADOPTIONS, units=units[k : k + 2000]):
                mine = edges.get(rec["initiative"])
                if mine is not None and rec["unit"] in mine:
                    mine[rec["unit"]].append(
                        (rec["stage"] or "", rec["date"] or "", rec["status"] or "")
                    )
        old = {
            rec["id"]: (
                list(rec["units"] or []),
                list(rec["stages"] or []),
                list(rec["dates"] or []),
                # (a summary of an older version is recounted by refresh_all on opening)
                list(rec["facts"] or [0] * len(rec["units"] or [])),
                list(rec["checked"] or [0] * len(rec["units"] or [])),
            )
            for rec in tx.run(_SUMMARIES_OF, ids=ids)
        }
        alive = {
            rec["id"]
            for rec in tx.run(
                "UNWIND $ids AS id MATCH (i:Entity {id: id}) RETURN i.id AS id", ids=ids
            )
        }
        rows: list[dict[str, Any]] = []
        drop: list[str] = []
        for iid in ids:
            summary = merge_adoptions(old.get(iid, ([], [], [], [], [])), edges[iid])
            if iid in alive and summary["units"]:
                rows.append({"id": iid, **summary})
            elif iid in old:
                drop.append(iid)
        for k in range(0, len(rows), 200):
            tx.run(_SET_INITIATIVES, rows=rows[k : k + 200]).consume()
        for iid in drop:
            tx.run(_DROP_SUMMARY, id=iid).consume()


_SET_CHANGED = """
UNWIND $rows AS r
MATCH (s:AdoptionSummary {id: r.id})
SET s += r.changed
"""
_SET_COUNTS = """
UNWIND $rows AS r
MATCH (i:Entity {id: r.id})
SET i.adopter_count = r.adopters, i.first_date = r.first
"""
_SUMMARY_FIELDS = ("units", "stages", "dates", "facts", "checked", "fact_count", "checked_count")


@dataclass
class AddAdoptions:
    """After a write: the adoption summaries of the ADOPTED facts it created or dated
    earlier, `adoptions` = (unit, initiative, stage, date or "", created). A created fact
    adds its stage to its unit's entry and one to its fact count (it is unchecked); a date
    moves the entry's date when earlier. Nothing is read but the summaries themselves: the
    units' ADOPTED relationships (`AdjustInitiatives`) were walked among every relationship
    of a court a store of 200,000 documents links to thousands of outcomes (1-2 ms per
    document written). Only the lists that changed are written back (a summary of thousands
    of adopters is a large record: each field set costs), and the initiative's count and
    first date only when they changed. The same result as `AdjustInitiatives` on the pairs
    (when the summaries were right before)."""

    adoptions: Sequence[tuple[str, str, str, str, bool]]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        by_initiative: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
        for unit, initiative, stage, date, created in self.adoptions:
            by_initiative[initiative].append((unit, stage or "", date or "", created))
        if not by_initiative:
            return
        ids = sorted(by_initiative)
        old: dict[str, dict[str, Any]] = {}
        for rec in tx.run(_SUMMARIES_OF, ids=ids):
            units = rec["units"] or []
            old[rec["id"]] = {
                "units": units,
                "stages": rec["stages"] or [],
                "dates": rec["dates"] or [],
                "facts": rec["facts"] or [0] * len(units),
                "checked": rec["checked"] or [0] * len(units),
            }
        fresh: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        counts: list[dict[str, Any]] = []
        empty: dict[str, list[Any]] = {k: [] for k in _SUMMARY_FIELDS[:5]}
        for iid in ids:
            was = old.get(iid)
            summary, diff = _added(was or empty, by_initiative[iid])
            if was is None:
                fresh.append({"id": iid, **summary})
                continue
            if diff:
                changed.append({"id": iid, "changed": {k: summary[k] for k in diff}})
            if "units" in diff or summary["first"] != _first(was["dates"]):
                counts.append(
                    {"id": iid, "adopters": len(summary["units"]), "first": summary["first"]}
                )
        for k in range(0, len(fresh), 200):
            tx.run(_SET_INITIATIVES, rows=fresh[k : k + 200]).consume()
        for k in range(0, len(changed), 200):
            tx.run(_SET_CHANGED, rows=changed[k : k + 200]).consume()
        for k in range(0, len(counts), 200):
            tx.run(_SET_COUNTS, rows=counts[k : k + 200]).consume()


def _first(dates: list[str]) -> str | None:
    return min(filter(None, dates), default=None)


def _added(
    summary: dict[str, list[Any]], adoptions: list[tuple[str, str, str, bool]]
) -> tuple[dict[str, Any], set[str]]:
    """`summary` (units, stages, dates, facts, checked) with these (unit, stage, date,
    created) adoptions folded in, in `adoption_summary`'s shape, and the fields that
    changed. Only the entries of the adopting units are touched (a popular initiative has
    thousands)."""
    units, stages, dates = list(summary["units"]), list(summary["stages"]), list(summary["dates"])
    facts, checked = list(summary["facts"]), list(summary["checked"])
    diff: set[str] = set()
    for unit, stage, date, created in adoptions:
        k = bisect.bisect_left(units, unit)
        if k == len(units) or units[k] != unit:  # a new adopter
            for values, value in ((units, unit), (stages, ""), (dates, ""), (facts, 0)):
                values.insert(k, value)
            checked.insert(k, 0)
            diff |= {"units", "stages", "dates", "facts", "checked"}
        if created:
            have = set(stages[k].split("|")) - {""}
            if stage and stage not in have:
                stages[k] = "|".join(sorted(have | {stage}))
                diff.add("stages")
            facts[k] += 1
            diff.add("facts")
        if date and (not dates[k] or date < dates[k]):
            dates[k] = date
            diff.add("dates")
    out = {
        "units": units,
        "stages": stages,
        "dates": dates,
        "first": _first(dates),
        **_counts(facts, checked),
    }
    if "facts" in diff:
        diff.add("fact_count")
    return out, diff


_CHILD_COUNT = """
UNWIND $ids AS id
MATCH (c:Entity {id: id})
WITH c, COUNT { (c)<-[:PART_OF]-(:Entity) } AS n
SET c.child_count = CASE WHEN n > 0 THEN n ELSE null END
"""


@dataclass
class RefreshInitiatives:
    """Recompute the adoption summary of these initiatives (in the caller's transaction)."""

    ids: Sequence[str]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        for iid in sorted(set(self.ids)):
            rec = tx.run(_ADOPTIONS, id=iid).single()
            lists = (
                (rec["units"], rec["stages"], rec["dates"], rec["statuses"])
                if rec
                else ([], [], [], [])
            )
            if lists[0]:
                tx.run(_SET_INITIATIVE, id=iid, **adoption_summary(*lists)).consume()
            else:  # no adopter left, or the initiative itself is gone
                tx.run(_DROP_SUMMARY, id=iid).consume()


@dataclass
class RefreshChildren:
    """Recompute `child_count` of these units."""

    ids: Sequence[str]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        ids = sorted(set(self.ids))
        for i in range(0, len(ids), 2000):
            tx.run(_CHILD_COUNT, ids=ids[i : i + 2000]).consume()


#: the version of the fingerprint blocks: 2 lists each document's figure sketch beside its
#: fingerprint (`fp/sketch`); a store of version 1 (fingerprints alone) is rebuilt once on
#: open, which fills the sketches in (and an older version opening a version-2 store rebuilds
#: it its own way, without them)
FINGERPRINTS_VERSION = 2
FINGERPRINT_BLOCKS = 4096
#: entries a bucket's tail takes before they move to a part of their own
FINGERPRINT_TAIL = 16
_FP_PREFIX = "fingerprints:"
# new documents are appended to their bucket's tail (a short list: the record rewritten per
# write stays small however many documents the store holds)
_APPEND_FINGERPRINTS = """
UNWIND $rows AS r
MERGE (m:Meta {id: r.tail})
SET m.fp_ids = coalesce(m.fp_ids, []) + r.ids, m.fps = coalesce(m.fps, []) + r.fps
RETURN r.tail AS tail, r.block AS block, size(m.fp_ids) AS n, coalesce(m.fp_parts, 0) AS parts
"""
# a full tail becomes the bucket's next part (written once) and starts empty again
_FREEZE_TAIL = """
UNWIND $rows AS r
MATCH (t:Meta {id: r.tail})
MERGE (p:Meta {id: r.part})
SET p.fp_ids = coalesce(p.fp_ids, []) + t.fp_ids, p.fps = coalesce(p.fps, []) + t.fps
SET t.fp_ids = [], t.fps = [], t.fp_parts = r.k
"""
_PARTS = "UNWIND $ids AS id MATCH (m:Meta {id: id}) RETURN m.id AS id, m.fp_parts AS parts"
# the documents in r.drop leave the lists of the block r.id (rewritten only if it lists one)
_DROP_FINGERPRINTS = """
UNWIND $rows AS r
MATCH (m:Meta {id: r.id})
WHERE any(x IN r.drop WHERE x IN m.fp_ids)
WITH m, r, m.fp_ids AS ids, m.fps AS fps
WITH m, ids, fps, [k IN range(0, size(ids) - 1) WHERE NOT ids[k] IN r.drop] AS keep
SET m.fp_ids = [k IN keep | ids[k]], m.fps = [k IN keep | fps[k]]
"""


#: how far a repost lies from its original, at most: the calibration's edit (other site text
#: around the article, one character in 300 changed) moved the shared corpus's 45 articles
#: 36 bits at most (5 edits each: median 18, 99% within 33), generated articles 37; a
#: lookup limited to the nearest still returns every known document this near
#: (`FingerprintIndex.within(keep=)`). Another report on a generated template lies 72 bits
#: or more (99%) from a new one, but a copy differing only in its figures (a monthly
#: bulletin) 19-40 bits: as near as a repost, so those are all compared
REPOST_DISTANCE = 40


def hamming(fp_a: str, fp_b: str) -> int:
    """Number of differing bits between two fingerprints."""
    if len(fp_a) != len(fp_b):
        raise ValueError("fingerprints of different sizes")
    return (int(fp_a, 16) ^ int(fp_b, 16)).bit_count()


#: bits of a figure sketch's bloom (`figure_sketch`)
SKETCH_BITS = 64


def figure_bit(figure: str) -> int:
    """The bit a figure sets in a figure sketch's bloom (a stable hash: not Python's)."""
    digest = hashlib.blake2b(figure.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") % SKETCH_BITS


def figure_sketch(figures: Iterable[str]) -> int:
    """A document's figures (its `figures` property) in one integer: how many distinct ones,
    times 2**`SKETCH_BITS`, plus a bloom with the bit of each (`figure_bit`). Enough to
    tell that two documents' figures cannot overlap by 0.8 without reading them: on 500
    generated articles ingested after 11,000, every one of their ~64 near-duplicate
    candidates each was told apart so (`ingest.dedup.sketch_may_match`)."""
    distinct = set(figures)
    bloom = 0
    for figure in distinct:
        bloom |= 1 << figure_bit(figure)
    return len(distinct) << SKETCH_BITS | bloom


def _fingerprint_entry(fp: str, sketch: int | None) -> str:
    """A fingerprint as its bucket lists it: with the document's figure sketch after a `/`
    (in hex), if it has one (a document without a fingerprint is never a candidate)."""
    return f"{fp}/{sketch:x}" if fp and sketch is not None else fp


def fingerprint_block(doc_id: str) -> str:
    """The id of the `Meta` node naming this document's bucket: the bucket's head (the
    lists of a store written before tails), its tail `…:t` and its parts `…:1`, `…:2` …
    (the tail's `fp_parts` counts them) together list its documents' fingerprints."""
    n = int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=4).digest(), "big")
    return f"{_FP_PREFIX}{n % FINGERPRINT_BLOCKS:03x}"


@dataclass
class KeepFingerprints:
    """Documents written (id, fingerprint) or deleted (`drop`).

    A written document is appended to its bucket's tail; a tail of `FINGERPRINT_TAIL`
    entries becomes the bucket's next part. So a write rewrites a few short lists whatever
    the store holds (appending to one list per bucket rewrote 49 entries per document
    written into 200,000 documents, and more as the store grew). A document written again
    is not listed again (its write's tally knows it; `read_fingerprints` reads each document
    once all the same); a delete takes every
    entry of the document out of its bucket's head, tail and parts (reading the bucket:
    a delete's cost, not a write's)."""

    docs: Sequence[tuple[str, str]] = ()
    drop: Sequence[str] = ()
    # the write's tally: a document it found already written (another ingest wrote it first,
    # `WriteTally.known_docs`) is listed already and is not appended again — two runs taking
    # in the same story at once listed it twice, and their graph differed from a sequential
    # run's
    tally: Any = None
    # document id -> its figure sketch (`figure_sketch`), listed with its fingerprint
    sketches: Mapping[str, int] = field(default_factory=dict)

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        if self.drop:
            self._drop(tx)
        known = set(self.tally.known_docs) if self.tally is not None else set()
        buckets: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"ids": [], "fps": []})
        for doc_id, fp in self.docs:
            if doc_id in known:
                continue
            b = buckets[fingerprint_block(doc_id)]
            b["ids"].append(doc_id)
            b["fps"].append(_fingerprint_entry(fp or "", self.sketches.get(doc_id)))
        rows = [{"block": k, "tail": f"{k}:t", **v} for k, v in sorted(buckets.items())]
        full: list[dict[str, Any]] = []
        for i in range(0, len(rows), 500):
            for rec in tx.run(_APPEND_FINGERPRINTS, rows=rows[i : i + 500]):
                if rec["n"] >= FINGERPRINT_TAIL:
                    k = int(rec["parts"]) + 1
                    full.append({"tail": rec["tail"], "part": f"{rec['block']}:{k}", "k": k})
        for i in range(0, len(full), 500):
            tx.run(_FREEZE_TAIL, rows=full[i : i + 500]).consume()

    def _drop(self, tx: neo4j.ManagedTransaction) -> None:
        drop: dict[str, list[str]] = defaultdict(list)
        for doc_id in self.drop:
            drop[fingerprint_block(doc_id)].append(doc_id)
        parts = {
            rec["id"]: int(rec["parts"] or 0)
            for rec in tx.run(_PARTS, ids=[f"{b}:t" for b in sorted(drop)])
        }
        rows = [
            {"id": node, "drop": ids}
            for b, ids in sorted(drop.items())
            for node in [b, f"{b}:t", *(f"{b}:{k}" for k in range(1, parts.get(f"{b}:t", 0) + 1))]
        ]
        for i in range(0, len(rows), 500):
            tx.run(_DROP_FINGERPRINTS, rows=rows[i : i + 500]).consume()


# the blocks collected into one record per first hex digit of their bucket: the driver's
# cost is per record (two socket reads and a timeout set each), and 200,000 documents fill
# 14,500 blocks (0.36-0.42 s of client CPU read one by one, 0.12-0.18 in 16 records)
_READ_FINGERPRINTS = (
    "MATCH (m:Meta) WHERE m.fp_ids IS NOT NULL "
    f"RETURN substring(m.id, {len(_FP_PREFIX)}, 1) AS g, "
    "collect(m.fp_ids) AS ids, collect(m.fps) AS fps"
)


def read_fingerprints(store: GraphStore, sketches: dict[str, int] | None = None) -> dict[str, str]:
    """Every document's id → its fingerprint, from the blocks (each document once); and
    into `sketches`, if given, the id → figure sketch (`figure_sketch`) of each document
    listed with one."""
    out: dict[str, str] = {}
    size = 2 * _FINGERPRINT_BYTES
    for r in store.read(_READ_FINGERPRINTS, plain=True, bounded=False):
        for ids, fps in zip(r["ids"], r["fps"], strict=True):
            for k, v in zip(ids, fps, strict=True):
                if len(v) > size and v[size] == "/":  # listed with its sketch
                    if sketches is not None:
                        with contextlib.suppress(ValueError):  # (not one: figures are read)
                            sketches[k] = int(v[size + 1 :], 16)
                    v = v[:size]
                out[k] = v
    return out


#: bytes of a fingerprint (a 256-bit simhash: `ingest.dedup.BITS`, which graph/ cannot import;
#: tests/graph/test_summaries_fingerprints.py checks they agree)
_FINGERPRINT_BYTES = 32
_DOCUMENT_IDS = "MATCH (d:Document) RETURN d.id AS id"
_DOCUMENT_PRINTS = (
    "UNWIND $ids AS id MATCH (d:Document {id: id}) "
    "RETURN d.id AS id, d.fingerprint AS fp, d.figures AS figures"
)


def rebuild_fingerprints(store: GraphStore, *, batch: int = 5000) -> None:
    """The fingerprint blocks from every document (a bulk load, a store of an older version),
    each with its figure sketch (a document without `figures`: none). The documents' figures
    are read `batch` documents at a time (not every document's in one answer); the version
    marker goes with the old blocks, so a rebuild cut short is done again on the next open."""
    ids = sorted(r["id"] for r in store.read(_DOCUMENT_IDS, plain=True, bounded=False))
    store.write_statements(
        [
            ("MATCH (m:Meta {id: $id}) REMOVE m.fingerprints_version", {"id": META_ID}),
            ("MATCH (m:Meta) WHERE m.fp_ids IS NOT NULL DELETE m", {}),
        ]
    )
    for i in range(0, len(ids), batch):
        docs = store.read(_DOCUMENT_PRINTS, {"ids": ids[i : i + batch]}, plain=True, bounded=False)
        pairs = [(d["id"], d["fp"] or "") for d in docs]
        sketches = {d["id"]: figure_sketch(d["figures"]) for d in docs if d["figures"] is not None}
        store.write_statements([KeepFingerprints(pairs, sketches=sketches)])
    store.write_statements(
        [
            (
                "MERGE (m:Meta {id: $id}) SET m.fingerprints_version = $v",
                {"id": META_ID, "v": FINGERPRINTS_VERSION},
            )
        ]
    )


# documents per (mentioned entity, year) among some documents
_MENTION_YEARS = (
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[:MENTIONS]->(n:Entity) "
    "WHERE d.date IS NOT NULL "
    "RETURN n.id AS id, substring(d.date, 0, 4) AS year, count(d) AS n"
)
_SET_YEARS = (
    "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) "
    "SET n.doc_years = r.years, n.doc_year_counts = r.counts"
)


def _mention_years(tx: neo4j.ManagedTransaction, doc_ids: Sequence[str]) -> dict[str, Counter]:
    per: dict[str, Counter] = defaultdict(Counter)
    for rec in tx.run(_MENTION_YEARS, ids=list(doc_ids)):
        per[rec["id"]][rec["year"]] += rec["n"]
    return per


def _apply_year_deltas(
    tx: neo4j.ManagedTransaction,
    deltas: dict[str, Counter],
    lists: dict[str, tuple[list[int] | None, list[str] | None, list[str] | None]] | None = None,
) -> None:
    """Add `deltas` (entity -> year -> documents) to the entities' per-year counts. `lists`:
    filled with each entity's counts as they are now, its `recent_docs` and `recent_spare`,
    read with the counts (`RefreshDocLists` of the same write need not read them again)."""
    ids = sorted(i for i, c in deltas.items() if any(c.values()))
    if not ids:
        return
    # one record holding a row per entity: the driver's cost is per record, not per value
    more = ", n.recent_docs, n.recent_spare" if lists is not None else ""
    found = tx.run(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) "
        f"RETURN collect([n.id, n.doc_years, n.doc_year_counts{more}]) AS rows",
        ids=ids,
    ).single(strict=True)["rows"]
    rows = []
    for entity, years, had, *kept_lists in found:
        merged = Counter(dict(zip(years or [], had or [], strict=False)))
        merged.update(deltas[entity])
        kept = sorted(y for y, n in merged.items() if n > 0)
        # an entity no dated document mentions any more has no counts, as after a recount
        counts = [merged[y] for y in kept] or None
        rows.append({"id": entity, "years": kept or None, "counts": counts})
        if lists is not None:
            lists[entity] = (counts, kept_lists[0], kept_lists[1])
    for i in range(0, len(rows), 2000):
        tx.run(_SET_YEARS, rows=rows[i : i + 2000]).consume()


@dataclass
class UncountMentions:
    """Before documents are (re)written or deleted: take their current mentions out of the
    per-year document counts (and remember whom they mentioned, for `RefreshDocLists`)."""

    doc_ids: Sequence[str]
    touched: set[str] = field(default_factory=set)

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        per = _mention_years(tx, self.doc_ids)
        self.touched = set(per)
        _apply_year_deltas(tx, {k: Counter({y: -n for y, n in c.items()}) for k, c in per.items()})


@dataclass
class CountMentions:
    """After documents are written: add their mentions to the per-year document counts."""

    doc_ids: Sequence[str]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        _apply_year_deltas(tx, _mention_years(tx, self.doc_ids))


# a document's place in a `recent_docs` list: the space sorts below "-" and every digit, so
# "2024 doc:…" follows "2024-03 doc:…" newest first, as ORDER BY date DESC has it
_ENTRY = "d.date + ' ' + d.id"
_DOC_ENTRIES = (
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[:MENTIONS]->(n:Entity) "
    f"WHERE d.date IS NOT NULL RETURN n.id AS id, {_ENTRY} AS entry"
)
_ALL_ENTRIES = (
    "MATCH (n:Entity {id: $id})<-[:MENTIONS]-(d:Document) WHERE d.date IS NOT NULL "
    f"WITH d ORDER BY d.date DESC, d.id DESC LIMIT $k RETURN collect({_ENTRY}) AS entries"
)


def _all_entries(tx: neo4j.ManagedTransaction, entity: str) -> list[str]:
    """The entity's latest entries: the list and its spares (a visit to every mention)."""
    rec = tx.run(_ALL_ENTRIES, id=entity, k=RECENT_DOCS + RECENT_SPARE).single()
    return list(rec["entries"]) if rec else []


def _set_doc_lists(tx: neo4j.ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    """Rows: id and `docs`, the entity's latest entries, newest first: the first
    `RECENT_DOCS` are its list, the rest (at most `RECENT_SPARE`) its spares."""
    rows = [
        {"id": r["id"], "docs": r["docs"][:RECENT_DOCS], "spare": r["docs"][RECENT_DOCS:]}
        for r in rows
    ]
    for i in range(0, len(rows), 200):
        tx.run(
            "UNWIND $rows AS r MATCH (n:Entity {id: r.id}) "
            "SET n.recent_docs = r.docs, n.recent_spare = r.spare",
            rows=rows[i : i + 200],
        ).consume()


def _merged_entries(
    docs: list[str] | None, spare: list[str] | None, gone: set[str], added: Sequence[str]
) -> list[str] | None:
    """An entity's latest entries (list and spares) after the documents `gone` left and the
    entries `added` came, from the entries it keeps, or None when they do not tell: the list
    and spares are the entity's entries down to the last spare (its floor), so after a
    change they still are for the entries at or above that floor; an added entry below it
    may have others above it that were never kept, and is left out."""
    if not docs:
        return None
    kept = [*docs, *(spare or [])]
    floor = kept[-1]
    out = {e for e in kept if e.split(" ", 1)[1] not in gone}
    out |= {e for e in added if e >= floor}
    if len(out) < RECENT_DOCS:
        return None
    return sorted(out, reverse=True)[: RECENT_DOCS + RECENT_SPARE]


@dataclass
class RefreshDocLists:
    """After documents are written or deleted: keep `recent_docs` right for every entity they
    mention now or mentioned before (`before`, run earlier in the same transaction)."""

    doc_ids: Sequence[str]
    before: UncountMentions

    def added(self, tx: neo4j.ManagedTransaction) -> dict[str, list[str]]:
        """Entity id -> the entries of the documents that mention it now."""
        added: dict[str, list[str]] = defaultdict(list)
        for rec in tx.run(_DOC_ENTRIES, ids=list(self.doc_ids)):
            added[rec["id"]].append(rec["entry"])
        return added

    def current(self, tx: neo4j.ManagedTransaction, ids: list[str]) -> Iterable[Mapping[str, Any]]:
        """The entities `ids` (those that exist): id, per-year counts, list and spares."""
        for i in range(0, len(ids), 2000):
            yield from tx.run(
                "UNWIND $ids AS id MATCH (n:Entity {id: id}) "
                "RETURN n.id AS id, n.doc_year_counts AS counts, n.recent_docs AS docs, "
                "n.recent_spare AS spare",
                ids=ids[i : i + 2000],
            )

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        added = self.added(tx)
        ids = sorted(set(added) | self.before.touched)
        gone = set(self.doc_ids)
        updates: list[dict[str, Any]] = []
        dropped: list[str] = []
        for r in self.current(tx, ids):
            if sum(r["counts"] or []) <= HUB_DOCS:
                if r["docs"] is not None:
                    dropped.append(r["id"])
                continue
            docs = _merged_entries(r["docs"], r["spare"], gone, added.get(r["id"], ()))
            if docs is None:  # too few left above the spares' floor: from every mention
                docs = _all_entries(tx, r["id"])
            elif docs[:RECENT_DOCS] == r["docs"] and docs[RECENT_DOCS:] == (r["spare"] or []):
                # as kept: most documents a write adds to a popular entity are older than its
                # list's floor (an entity of 5,000 documents takes one in 20 into its 251
                # entries), and rewriting its lists sent and set 251 entries per entity per
                # write, for more entities as more of them pass HUB_DOCS
                continue
            updates.append({"id": r["id"], "docs": docs})
        _set_doc_lists(tx, updates)
        if dropped:
            tx.run(
                "UNWIND $ids AS id MATCH (n:Entity {id: id}) REMOVE n.recent_docs, n.recent_spare",
                ids=dropped,
            ).consume()


@dataclass
class RefreshRecent:
    """Move `Meta.recent_since` to the date of the RECENT-th latest document."""

    full: bool = False  # recount from every document

    @staticmethod
    def _latest(tx: neo4j.ManagedTransaction, floor: str) -> list[str]:
        return [
            r["date"]
            for r in tx.run(
                "MATCH (d:Document) WHERE d.date >= $floor "
                "RETURN d.date AS date ORDER BY date DESC LIMIT $n",
                floor=floor,
                n=RECENT,
            )
        ]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        floor = ""
        if not self.full:
            rec = tx.run(
                "MATCH (m:Meta {id: $id}) RETURN m.recent_since AS floor", id=META_ID
            ).single()
            floor = (rec and rec["floor"]) or ""
        dates = self._latest(tx, floor)
        if len(dates) >= RECENT:
            floor = dates[-1]
        elif len(dates) < NEEDED and floor:  # deletes left too few above it: recount
            dates = self._latest(tx, "")
            floor = dates[-1] if len(dates) >= RECENT else ""
        tx.run("MERGE (m:Meta {id: $id}) SET m.recent_since = $floor", id=META_ID, floor=floor)


def read_meta(store: GraphStore) -> dict[str, Any]:
    rows = store.read("MATCH (m:Meta {id: $id}) RETURN properties(m) AS p", {"id": META_ID})
    return rows[0]["p"] if rows else {}


def refresh_all(store: GraphStore, *, batch: int = 2000) -> None:
    """Recompute every summary from the facts (bulk loads, stores of older versions)."""
    initiatives = sorted(
        {r["id"] for r in store.read("MATCH (i:Initiative) RETURN i.id AS id")}
        | {r["id"] for r in store.read("MATCH (s:AdoptionSummary) RETURN s.id AS id")}
    )
    for i in range(0, len(initiatives), 20):
        store.write_statements([RefreshInitiatives(initiatives[i : i + 20])])
    parents = [
        r["id"]
        for r in store.read("MATCH (c:Entity) WHERE c:Court OR c:Tribunal RETURN c.id AS id")
    ]
    for i in range(0, len(parents), batch):
        store.write_statements([RefreshChildren(parents[i : i + batch])])
    totals = _recount_mentions(store, batch=batch)
    hubs = sorted(k for k, c in totals.items() if sum(c.values()) > HUB_DOCS)
    store.write_statements([("MATCH (n:Entity) REMOVE n.recent_docs, n.recent_spare", {})])
    for i in range(0, len(hubs), 20):
        store.write_statements([FullDocLists(hubs[i : i + 20])])
    rebuild_fingerprints(store, batch=batch)
    from graph import collection_counts

    store.write_statements(
        [
            collection_counts.Recount(),
            RefreshRecent(full=True),
            (
                "MERGE (m:Meta {id: $id}) SET m.summary_version = $v",
                {"id": META_ID, "v": SUMMARY_VERSION},
            ),
        ]
    )


@dataclass
class FullDocLists:
    """`recent_docs` of these entities, from all their mentions."""

    ids: Sequence[str]

    def run(self, tx: neo4j.ManagedTransaction) -> None:
        _set_doc_lists(tx, [{"id": i, "docs": _all_entries(tx, i)} for i in self.ids])


def _recount_mentions(store: GraphStore, *, batch: int) -> dict[str, Counter]:
    """Per-year document counts of every mentioned entity, from the documents' side, a batch
    of documents at a time."""
    totals: dict[str, Counter] = defaultdict(Counter)
    doc_ids = [r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id")]
    for i in range(0, len(doc_ids), batch):
        for r in store.read(_MENTION_YEARS, {"ids": doc_ids[i : i + batch]}):
            totals[r["id"]][r["year"]] += r["n"]
    rows = [
        {"id": k, "years": sorted(c), "counts": [c[y] for y in sorted(c)]}
        for k, c in totals.items()
    ]
    store.write_statements([("MATCH (n:Entity) REMOVE n.doc_years, n.doc_year_counts", {})])
    for i in range(0, len(rows), batch):
        store.write_statements([(_SET_YEARS, {"rows": rows[i : i + batch]})])
    return totals
