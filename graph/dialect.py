"""Every difference between the two Bolt servers, in one place.

courtgraph sends the same Cypher to ArcadeDB (embedded default) and Neo4j 5.x, following
three rules that make one text serve both:

1. every write runs in a managed transaction (`execute_write`): autocommit writes over
   ArcadeDB's Bolt plugin can deadlock or commit partially;
2. patterns start from an anchored node, `(n:Entity {id: $id})`: ArcadeDB plans from the
   first pattern node, and only `Entity.id` is indexed for every kind;
3. schema statements are per server: below.

Habits learned from ArcadeDB, all valid on Neo4j too: a property map in a pattern holds a
parameter or a variable, never an expression (`{id: split(x, ' ')[1]}` matches nothing
there; bind it with WITH first); a guard such as `WHERE $flag` does not stop a pattern from
being expanded, so a query picks its text instead (`NamedQuery.variants`); a range on an
index needs its bound as a parameter, not a variable from WITH.

The one per-server difference in queries is the name of the full-text index of a label,
which `fulltext_index` gives; named queries receive it as a parameter.
"""

from __future__ import annotations

import re

from graph.model import ENTITY_LABELS, check_label

ARCADEDB = "arcadedb"
NEO4J = "neo4j"

#: fact types found by their `fact_id` in an index of it (graph/store.py `_fact_update_by_id`):
#: those whose look-up starts at a unit, which ArcadeDB would walk past every relationship
#: of (thousands of REPORTED figures for a busy court). A REPORTED fact is found from its
#: figure and a HOLDS_ROLE from its person, each with a few relationships: an index of
#: theirs would cost its upkeep on every fact created and spare no walk
INDEXED_FACTS: tuple[str, ...] = ("PART_OF", "ADOPTED", "PARTNERS_WITH")
#: relationship properties found through an index of them: a learning visit by the initiative
#: it studied (queries.visits: an initiative's visits, which no node anchors; without it
#: ArcadeDB walked every entity's relationships, ~1 s per 200,000 entities)
INDEXED_PROPERTIES: tuple[tuple[str, str], ...] = (("LEARNED_FROM", "initiative"),)

# Neo4j: Cypher, run by GraphStore.ensure_schema (idempotent).
NEO4J_SCHEMA: tuple[str, ...] = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX document_hash IF NOT EXISTS FOR (n:Document) ON (n.content_hash)",
    "CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date)",
    "CREATE INDEX evidence_fact IF NOT EXISTS FOR (n:Evidence) ON (n.fact_id)",
    "CREATE INDEX evidence_doc IF NOT EXISTS FOR (n:Evidence) ON (n.doc_id)",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE CONSTRAINT summary_id IF NOT EXISTS FOR (n:AdoptionSummary) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE",
    # review decisions (graph/review.py)
    "CREATE CONSTRAINT review_id IF NOT EXISTS FOR (n:ReviewDecision) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX review_fact IF NOT EXISTS FOR (n:ReviewDecision) ON (n.fact_id)",
    "CREATE INDEX review_anchor IF NOT EXISTS FOR (n:ReviewDecision) ON (n.anchor_doc)",
    # a fact by its id (INDEXED_FACTS)
    *(
        f"CREATE INDEX {rel.lower()}_fact IF NOT EXISTS FOR ()-[f:{rel}]-() ON (f.fact_id)"
        for rel in INDEXED_FACTS
    ),
    *(
        f"CREATE INDEX {rel.lower()}_{prop} IF NOT EXISTS FOR ()-[f:{rel}]-() ON (f.{prop})"
        for rel, prop in INDEXED_PROPERTIES
    ),
    *(
        f"CREATE FULLTEXT INDEX {label.lower()}_search IF NOT EXISTS "
        f"FOR (n:{label}) ON EACH [n.search_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        for label in ENTITY_LABELS
    ),
)

# ArcadeDB: SQL, run inside the embedded server process when it opens the database
# (its Bolt plugin speaks Cypher only, and Cypher there has no full-text index DDL).
# Lucene's CJKAnalyzer indexes Chinese as overlapping bigrams.
_CJK = '{"analyzer": "org.apache.lucene.analysis.cjk.CJKAnalyzer"}'
ARCADEDB_SCHEMA: tuple[str, ...] = (
    "CREATE VERTEX TYPE Entity IF NOT EXISTS",
    "CREATE PROPERTY Entity.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Entity (id) UNIQUE",
    "CREATE PROPERTY Entity.name IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Entity (name) NOTUNIQUE",
    "CREATE VERTEX TYPE Document IF NOT EXISTS",
    "CREATE PROPERTY Document.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Document (id) UNIQUE",
    "CREATE PROPERTY Document.content_hash IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Document (content_hash) NOTUNIQUE",
    "CREATE PROPERTY Document.date IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Document (date) NOTUNIQUE",
    "CREATE VERTEX TYPE Evidence IF NOT EXISTS",
    "CREATE PROPERTY Evidence.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Evidence (id) UNIQUE",
    "CREATE PROPERTY Evidence.fact_id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Evidence (fact_id) NOTUNIQUE",
    "CREATE PROPERTY Evidence.doc_id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Evidence (doc_id) NOTUNIQUE",
    "CREATE VERTEX TYPE AdoptionSummary IF NOT EXISTS",
    "CREATE PROPERTY AdoptionSummary.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON AdoptionSummary (id) UNIQUE",
    "CREATE VERTEX TYPE Meta IF NOT EXISTS",
    "CREATE PROPERTY Meta.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON Meta (id) UNIQUE",
    # review decisions (graph/review.py)
    "CREATE VERTEX TYPE ReviewDecision IF NOT EXISTS",
    "CREATE PROPERTY ReviewDecision.id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON ReviewDecision (id) UNIQUE",
    "CREATE PROPERTY ReviewDecision.fact_id IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON ReviewDecision (fact_id) NOTUNIQUE",
    "CREATE PROPERTY ReviewDecision.anchor_doc IF NOT EXISTS STRING",
    "CREATE INDEX IF NOT EXISTS ON ReviewDecision (anchor_doc) NOTUNIQUE",
    # a fact by its id (INDEXED_FACTS): a relationship type made here is the one Cypher's
    # CREATE uses; a store of an earlier version gains the index when its server starts,
    # over the relationships it holds
    *(
        stmt
        for rel in INDEXED_FACTS
        for stmt in (
            f"CREATE EDGE TYPE `{rel}` IF NOT EXISTS",
            f"CREATE PROPERTY `{rel}`.fact_id IF NOT EXISTS STRING",
            f"CREATE INDEX IF NOT EXISTS ON `{rel}` (fact_id) NOTUNIQUE",
        )
    ),
    *(
        stmt
        for rel, prop in INDEXED_PROPERTIES
        for stmt in (
            f"CREATE EDGE TYPE `{rel}` IF NOT EXISTS",
            f"CREATE PROPERTY `{rel}`.{prop} IF NOT EXISTS STRING",
            # a visit naming no initiative has none: not in the index
            f"CREATE INDEX IF NOT EXISTS ON `{rel}` ({prop}) NOTUNIQUE NULL_STRATEGY SKIP",
        )
    ),
)


def arcadedb_fulltext_schema(label: str) -> tuple[str, ...]:
    """SQL for the full-text index of one entity kind (created when the kind first exists)."""
    check_label(label)
    return (
        f"CREATE PROPERTY `{label}`.search_text IF NOT EXISTS STRING",
        f"CREATE INDEX IF NOT EXISTS ON `{label}` (search_text) FULL_TEXT METADATA {_CJK}",
    )


def fulltext_index(server: str, label: str) -> str:
    """The name `db.index.fulltext.queryNodes` knows the full-text index of `label` by."""
    check_label(label)
    if server == ARCADEDB:
        return f"{label}[search_text]"
    return f"{label.lower()}_search"


_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
# Lucene's operator words; the index lower-cases what it stores, so the lower-case word
# finds the same entries without being read as an operator
_OPERATOR = re.compile(r"(?<!\S)(AND|OR|NOT)(?!\S)")


def lucene_escape(text: str) -> str:
    r"""Escape Lucene query syntax so user input is searched as plain words: its special
    characters are escaped and the operator words AND, OR, NOT written in lower case.

    >>> lucene_escape('a+b "c" AND d')
    'a\\+b \\"c\\" and d'
    """
    return _OPERATOR.sub(lambda m: m.group(1).lower(), _SPECIAL.sub(r"\\\1", text))
