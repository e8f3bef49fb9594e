"""Named, read-only queries over the courtgraph store, shared by the CLI and the app."""

from queries import analytics as _analytics  # noqa: F401
from queries import documents as _documents  # noqa: F401
from queries import explore as _explore  # noqa: F401
from queries import library as _library  # noqa: F401  (registers the queries)
from queries import visits as _visits  # noqa: F401
from queries.registry import REGISTRY, NamedQuery, Param, QueryResult, get, resolve_entity, run

__all__ = ["REGISTRY", "NamedQuery", "Param", "QueryResult", "get", "resolve_entity", "run"]
