"""The chosen collections (文档集), kept on the client: what a picture, a briefing or an explorer
page counts when the sidebar or `--collection` chooses some.

A fact counts when one of its documents is in a chosen collection (graph/collections.py). Named
queries that take `collections` get the chosen ones comma-joined (`Chosen.params`, as the
explorer's `ui.scope.scoped` passes them) and filter on the server
(`queries.library.in_collections`, `docs_in_collections`). The rows of those that do not
(`initiative_fact_status`, `unit_portfolio`, `outcomes_under`, `people_under`) are kept here by
the same test (`Chosen.keeps`): one of the row's `doc_ids` is in a chosen collection.

    >>> Chosen().note()
    ''
    >>> Chosen(("2024年工作报告", "新闻")).note()
    '仅计文档集：2024年工作报告、新闻'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.store import GraphStore
    from queries.verified import InitiativeFacts


@dataclass(frozen=True)
class Chosen:
    """Chosen collections (none: every document) and the ids of their documents."""

    names: tuple[str, ...] = ()
    docs: frozenset[str] = frozenset()

    def params(self, query: str, params: Mapping[str, Any]) -> dict[str, Any]:
        """`params` with the chosen collections when named query `query` takes them."""
        from queries.registry import get

        out = dict(params)
        taken = {p.name for p in get(query).params}
        if self.names and "collections" in taken and out.get("collections") is None:
            out["collections"] = ",".join(self.names)
        return out

    def keeps(self, row: Mapping[str, Any]) -> bool:
        """Whether a fact's row counts: one of its documents is in a chosen collection."""
        return not self.names or any(d in self.docs for d in row.get("doc_ids") or ())

    def rows(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows that count (`keeps`), as they are."""
        return [r for r in rows if self.keeps(r)]

    def trimmed(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows that count, each citing only its documents of the chosen collections (a
        briefing's sources are theirs)."""
        if not self.names:
            return list(rows)
        return [{**r, "doc_ids": self.documents(r["doc_ids"])} for r in rows if self.keeps(r)]

    def documents(self, ids: Iterable[str]) -> list[str]:
        """Those of `ids` in a chosen collection, in their order (all without a choice)."""
        return [d for d in ids if not self.names or d in self.docs]

    def note(self) -> str:
        """What a footnote or a source note says of the choice ('' without one)."""
        return f"仅计文档集：{'、'.join(self.names)}" if self.names else ""


def chosen(store: GraphStore, names: Sequence[str] | Chosen | None) -> Chosen:
    """The collections `names` of the graph (None or empty: every document). A name the
    graph has no collection of is refused, naming the ones it has: a picture of a mistyped
    collection would be empty, not wrong-looking."""
    if isinstance(names, Chosen):
        return names
    from graph.collections import documents_in, parse_names

    wanted = parse_names(list(names or ()))
    if not wanted:
        return Chosen()
    check_collections(store, wanted)
    return Chosen(tuple(wanted), frozenset(documents_in(store, wanted)))


def check_collections(store: GraphStore, names: Sequence[str]) -> None:
    """Refuse a collection the graph does not hold, naming those it does: an answer from a
    mistyped collection is empty, which reads as "nothing reported", not as a typo."""
    from graph.collections import collections
    from graph.errors import BadParameter

    if not names:
        return
    known = [c.name for c in collections(store)]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise BadParameter(
            f"图中没有文档集「{'」「'.join(unknown)}」；现有文档集："
            + ("、".join(known) or "（无）")
        )


def initiative_facts(store: GraphStore, initiative_id: str, scope: Chosen) -> InitiativeFacts:
    """`queries.verified.initiative_facts`, the facts of the chosen collections only."""
    from queries.verified import InitiativeFacts
    from queries.verified import initiative_facts as every_fact

    facts = every_fact(store, initiative_id)
    if not scope.names:
        return facts
    return InitiativeFacts(
        {k: r for k, r in facts.adoptions.items() if scope.keeps(r)},
        {k: r for k, r in facts.outcomes.items() if scope.keeps(r)},
    )
