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


#: the operating system's messages (`OSError.strerror`, the C locale's) in Chinese
OS_ERRORS_ZH = {
    "Permission denied": "没有权限",
    "No such file or directory": "没有这个文件或文件夹",
    "Is a directory": "这是文件夹",
    "Not a directory": "不是文件夹",
    "Input/output error": "输入/输出错误（磁盘或网络盘故障？）",
    "File name too long": "文件名太长",
    "Too many levels of symbolic links": "符号链接层数过多",
    "Stale file handle": "文件句柄已失效（网络盘断开？）",
    "Operation not permitted": "不允许此操作",
    "Resource temporarily unavailable": "资源暂时不可用",
    "No space left on device": "磁盘已满",
}


def os_reason_zh(exc: OSError) -> str:
    """Why a file could not be opened, in Chinese where the system's reason is a known one.

    >>> os_reason_zh(FileNotFoundError(2, "No such file or directory"))
    '没有这个文件或文件夹'
    """
    reason = exc.strerror or str(exc)
    return OS_ERRORS_ZH.get(reason, reason)
