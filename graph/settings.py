"""One table of settings: name, environment variable, default and a help line.

Only the shells (CLI, app) call `Settings.from_env`; library code is handed a `Settings`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from graph.errors import BadParameter

# the range a numeric setting must fall in (inclusive), and what it counts (in Chinese: the
# messages a user reads; the help lines are for the settings table of the docs)
_RANGES: dict[str, tuple[float, float, str]] = {
    "query_timeout": (0.1, 86400, "秒数（查询最多运行多少秒，如 10）"),
    "row_limit": (1, 10_000_000, "整数行数（命名查询最多返回多少行，如 1000）"),
}
_HEAP = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")


def _parse(s: Setting, kind: str, raw: str) -> object:
    if kind == "Path":
        return Path(raw)
    if kind in ("float", "int"):
        low, high, what = _RANGES[s.name]
        try:
            value: float = float(raw) if kind == "float" else int(raw)
        except ValueError:
            raise BadParameter(f"环境变量 {s.env} 应为{what}，而不是 {raw!r}") from None
        if not low <= value <= high:  # nan fails this too
            raise BadParameter(f"环境变量 {s.env} 应在 {low:g} 到 {high:,} 之间，而不是 {raw!r}")
        return value
    if s.name == "home_court" and len(raw.strip()) > 200:
        raise BadParameter(
            f"环境变量 {s.env} 应为一个法院的名称或 ID（如 本溪中院），而不是 {len(raw)} 个字符的文字"
        )
    if s.name == "heap" and not _HEAP.match(raw):
        raise BadParameter(f"环境变量 {s.env} 应为 Java 堆大小，如 512m 或 2g，而不是 {raw!r}")
    return raw


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "neo4j_uri",
        "NEO4J_URI",
        None,
        "Bolt URI of a Neo4j 5.x server (e.g. neo4j://host:7687). Unset: embedded ArcadeDB.",
    ),
    Setting("neo4j_user", "NEO4J_USER", "neo4j", "Neo4j user name."),
    Setting(
        "neo4j_password", "NEO4J_PASSWORD", None, "Neo4j password (never logged).", secret=True
    ),
    Setting("neo4j_database", "NEO4J_DATABASE", "neo4j", "Neo4j database name."),
    Setting(
        "data_dir",
        "COURTGRAPH_DATA_DIR",
        "data/graph",
        "Directory of the embedded ArcadeDB server: its database, logs, ports, password.",
    ),
    Setting("heap", "COURTGRAPH_HEAP", "1g", "Maximum Java heap of the embedded server."),
    Setting(
        "query_timeout",
        "COURTGRAPH_QUERY_TIMEOUT",
        "10",
        "Seconds a read query may run before it is cancelled.",
    ),
    Setting(
        "row_limit",
        "COURTGRAPH_ROW_LIMIT",
        "1000",
        "Most rows a named query returns unless it sets a lower limit.",
    ),
    Setting(
        "home_court",
        "COURTGRAPH_HOME_COURT",
        None,
        "Your own court (name, alias or id, e.g. 本溪中院): the default court of coverage, "
        "analytics and court pickers.",
    ),
)


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    data_dir: Path = Path("data/graph")
    heap: str = "1g"
    query_timeout: float = 10.0
    row_limit: int = 1000
    home_court: str | None = None

    @property
    def backend(self) -> str:
        return "neo4j" if self.neo4j_uri else "arcadedb"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings from the environment; a value that does not parse or is out of range
        raises `BadParameter` naming its variable (shells print it as `Error: …`)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        types = {f.name: f.type for f in fields(cls)}
        for s in SETTINGS:
            raw = env.get(s.env) or s.default
            if raw is None:
                continue
            values[s.name] = _parse(s, str(types[s.name]), raw)
        return cls(**values)  # type: ignore[arg-type]

    def describe(self) -> list[tuple[str, str, str]]:
        """(env var, value, help) rows for `status`; secrets are masked."""
        rows = []
        for s in SETTINGS:
            value = getattr(self, s.name)
            unset = "（未设置）"
            shown = ("***" if value else unset) if s.secret else str(value or unset)
            rows.append((s.env, shown, s.help))
        return rows
