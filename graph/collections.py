"""Collections: named sets of documents (a batch of reports, the demo), so answers can be
limited to chosen ones and a whole collection removed with the facts only it supported.

A document's collections are the sorted list `Document.collections`; a document ingested
again into another collection belongs to both. A fact belongs to a collection when one of its
`doc_ids` does (queries take an optional `collections` parameter, see queries/registry.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.errors import BadParameter

if TYPE_CHECKING:
    from graph.store import GraphStore

#: the collection `data/sample` is ingested into (its folder says so in collection.json)
DEMO_COLLECTION = "演示数据"
#: the collection of documents ingested without one (single files, uploads)
DEFAULT_COLLECTION = "未分类"
#: longest collection name
MAX_NAME = 100


def check_name(name: str) -> str:
    """A collection name, stripped; empty, too long or containing a comma is refused (a
    comma separates collections in URLs and parameters)."""
    text = str(name).strip()
    if not text:
        raise BadParameter("文档集需要一个名称，例如 --collection 2024年全省法院通报")
    if len(text) > MAX_NAME:
        raise BadParameter(f"文档集名称最多 {MAX_NAME} 个字符，而不是 {len(text)} 个")
    if "," in text or "，" in text:
        raise BadParameter(f"文档集名称不能含逗号：{text!r}")
    return text


def add_to_collection(store: GraphStore, doc_id: str, name: str) -> None:
    """Put a document already in the graph into a collection too (kept sorted)."""
    from graph import collection_counts

    counts = collection_counts.Before([doc_id])
    store.write_statements(
        [
            counts,
            (
                "MATCH (d:Document {id: $id}) "
                "SET d.collections = CASE WHEN $name IN coalesce(d.collections, []) "
                "THEN d.collections ELSE "
                "[c IN coalesce(d.collections, []) WHERE c < $name] + [$name] + "
                "[c IN coalesce(d.collections, []) WHERE c > $name] END",
                {"id": doc_id, "name": check_name(name)},
            ),
            collection_counts.After(counts),
        ]
    )


@dataclass(frozen=True)
class Collection:
    name: str
    documents: int
    demo: bool


def collections(store: GraphStore) -> list[Collection]:
    """Every collection with its number of documents (documents without one: 未分类): the
    counts the store keeps (graph/collection_counts.py), or counted when they do not hold."""
    from graph import collection_counts

    kept = collection_counts.read(store)
    if kept is not None:
        pairs = zip(kept["names"] or [], kept["counts"] or [], strict=True)
        return [Collection(name, int(n), name == DEMO_COLLECTION) for name, n in pairs]
    rows = store.read(
        "MATCH (d:Document) UNWIND coalesce(d.collections, [$default]) AS c "
        "RETURN c AS name, count(d) AS documents ORDER BY name",
        {"default": DEFAULT_COLLECTION},
    )
    return [Collection(r["name"], r["documents"], r["name"] == DEMO_COLLECTION) for r in rows]


def has_demo(store: GraphStore) -> bool:
    """Whether demo documents are in the graph."""
    return bool(
        store.read(
            "MATCH (d:Document) WHERE $name IN coalesce(d.collections, []) "
            "RETURN d.id AS id LIMIT 1",
            {"name": DEMO_COLLECTION},
        )
    )


def documents_in(store: GraphStore, names: list[str]) -> list[str]:
    """Ids of the documents in any of the collections `names` (sorted)."""
    rows = store.read(
        "MATCH (d:Document) WHERE any(c IN coalesce(d.collections, [$default]) WHERE c IN $names) "
        "RETURN d.id AS id ORDER BY id",
        {"names": list(names), "default": DEFAULT_COLLECTION},
    )
    return [r["id"] for r in rows]


@dataclass
class DeleteReport:
    deleted: list[str]  # documents removed with the facts only they supported
    kept: list[str]  # documents also in another collection: only taken out of this one


def delete_collection(store: GraphStore, name: str) -> DeleteReport:
    """Remove a collection: its documents go with the facts only they supported
    (`GraphStore.delete_document`, which keeps the summaries right); a document also in
    another collection stays, only taken out of this one."""
    name = check_name(name)
    rows = store.read(
        "MATCH (d:Document) WHERE $name IN coalesce(d.collections, [$default]) "
        "RETURN d.id AS id, coalesce(d.collections, [$default]) AS collections ORDER BY id",
        {"name": name, "default": DEFAULT_COLLECTION},
    )
    if not rows:
        known = "、".join(c.name for c in collections(store)) or "（无）"
        raise BadParameter(f"图中没有文档集「{name}」；现有文档集：{known}")
    report = DeleteReport([], [])
    for r in rows:
        others = [c for c in r["collections"] if c != name]
        if others:
            from graph import collection_counts

            counts = collection_counts.Before([r["id"]])
            store.write_statements(
                [
                    counts,
                    (
                        "MATCH (d:Document {id: $id}) SET d.collections = $others",
                        {"id": r["id"], "others": others},
                    ),
                    collection_counts.After(counts),
                ]
            )
            report.kept.append(r["id"])
        else:
            from graph import review

            review.delete_document(store, r["id"])  # decisions stay (as delete-document)
            report.deleted.append(r["id"])
    return report


def parse_names(value: Any) -> list[str] | None:
    """Collections from a parameter: a list or a comma-separated string; None for none."""
    if value is None or value == "" or value == []:
        return None
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    names = sorted({check_name(v) for v in items if str(v).strip()})
    return names or None
