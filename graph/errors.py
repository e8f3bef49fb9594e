"""courtgraph's exceptions: one base class, a few specific ones a person can act on.

Shells catch `CourtgraphError`, print its message (`Error: ...`) and exit non-zero;
anything else escaping is a bug.
"""

from __future__ import annotations


class CourtgraphError(Exception):
    """Base class: the message says what went wrong and how to fix it."""


class StoreUnavailable(CourtgraphError):
    """The graph server cannot be started or reached, or refused our credentials."""


class UnknownQuery(CourtgraphError):
    """A named query that is not in the registry."""


class BadParameter(CourtgraphError):
    """A parameter that is missing, of the wrong type or out of range."""


class AmbiguousName(BadParameter):
    """A name several entities share (`name`, and their `ids`), so a shell can list them."""

    def __init__(self, message: str, *, name: str, ids: list[str]) -> None:
        super().__init__(message)
        self.name = name
        self.ids = ids


class UnreadableDocument(CourtgraphError):
    """An input file that cannot be ingested (binary, empty, undecodable, too large).

    `path` and `reason` are kept separately so a batch report can list them.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class QueryFailed(CourtgraphError):
    """The server could not answer a query (too large, timed out, out of query memory)."""


class EntityNotFound(CourtgraphError):
    """An entity id or name that is not in the graph (`name`: what was asked for, so a
    shell can offer the closest names)."""

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name
