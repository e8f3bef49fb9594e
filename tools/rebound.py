"""Find module-level names bound twice (`python -m tools.rebound --check`).

Twice a module-level regex in ingest/extract.py was assigned again further down under the
same name, silently replacing the first for every function that read it; ruff does not flag
an assignment that replaces an assignment. This check walks each module's top level (and the
blocks of its top-level `if`/`try`/`for`/`while`/`with` statements) and reports a name that
two bindings — assignments, annotated assignments with a value, `def`, `class`, imports —
both give a value to.

Rebindings that are legitimate, and not reported:
- bindings in branches that exclude each other: the `if` and `else` (or `elif`) arms of one
  statement, or a `try` body (or its `else`) and its `except` handlers — the import fallback;
- anything under `if TYPE_CHECKING:` (it never runs);
- `x: T` without a value (a declaration), augmented assignment (`__all__ += [...]`, which
  extends a value rather than replacing it), loop targets, `with … as`, `del`;
- `import a.b` next to `import a.c` (both bind the package `a`).

A default that a later `if` or `try` overrides (`HAS_X = False` … `HAS_X = True`) is reported:
write it as the arms of one `if`/`else` or `try`/`except`, so a reader sees both values at once.

    $ python -m tools.rebound --check
    ingest/extract.py:2734: _GRANT_VERB bound again (first at line 1427)
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the product's code: packages and top-level modules, relative to the repository's root
PRODUCT = (
    "app.py",
    "benchmarks",
    "courtgraph",
    "figures",
    "graph",
    "ingest",
    "queries",
    "tools",
    "ui",
)
SKIP_DIRS = {"node_modules", "__pycache__", ".venv"}

# a branch: (id of the if/try statement, which arm); two bindings under the same statement in
# different arms never both run in one import of the module
Branch = tuple[int, str]


@dataclass(frozen=True)
class Binding:
    name: str
    line: int
    branches: tuple[Branch, ...]


@dataclass(frozen=True)
class Clash:
    path: str
    name: str
    line: int
    first: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} bound again (first at line {self.first})"


def _targets(node: ast.expr) -> Iterator[tuple[str, int]]:
    if isinstance(node, ast.Name):
        yield node.id, node.lineno
    elif isinstance(node, ast.Tuple | ast.List):
        for element in node.elts:
            yield from _targets(element)
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)
    # attributes and subscripts (`X.y = …`, `X[k] = …`) change a value, they bind no name


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _bindings(body: Sequence[ast.stmt], branches: tuple[Branch, ...]) -> Iterator[Binding]:
    for stmt in body:
        if isinstance(stmt, ast.Assign):
            for target in stmt.targets:
                for name, line in _targets(target):
                    yield Binding(name, line, branches)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                for name, line in _targets(stmt.target):
                    yield Binding(name, line, branches)
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield Binding(stmt.name, stmt.lineno, branches)
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname is not None:
                    yield Binding(alias.asname, stmt.lineno, branches)
                elif "." not in alias.name:
                    yield Binding(alias.name, stmt.lineno, branches)
        elif isinstance(stmt, ast.ImportFrom):
            for alias in stmt.names:
                if alias.name != "*":
                    yield Binding(alias.asname or alias.name, stmt.lineno, branches)
        elif isinstance(stmt, ast.If):
            if _is_type_checking(stmt.test):
                yield from _bindings(stmt.orelse, branches)
                continue
            yield from _bindings(stmt.body, (*branches, (id(stmt), "if")))
            yield from _bindings(stmt.orelse, (*branches, (id(stmt), "else")))
        elif isinstance(stmt, ast.Try | ast.TryStar):
            # the body and its `else` run together; a handler runs instead of their rest
            yield from _bindings(stmt.body, (*branches, (id(stmt), "try")))
            yield from _bindings(stmt.orelse, (*branches, (id(stmt), "try")))
            for number, handler in enumerate(stmt.handlers):
                yield from _bindings(handler.body, (*branches, (id(stmt), f"except{number}")))
            yield from _bindings(stmt.finalbody, branches)
        elif isinstance(stmt, ast.For | ast.AsyncFor | ast.While | ast.With | ast.AsyncWith):
            yield from _bindings(stmt.body, branches)
            if not isinstance(stmt, ast.With | ast.AsyncWith):
                yield from _bindings(stmt.orelse, branches)


def _exclusive(a: Binding, b: Binding) -> bool:
    arms = dict(a.branches)
    return any(statement in arms and arms[statement] != arm for statement, arm in b.branches)


def clashes_in(source: str, path: str = "<string>") -> list[Clash]:
    """The module-level names of `source` that a later binding replaces.

    >>> clashes_in("import re\\nA = re.compile('x')\\ndef f(): pass\\nA = re.compile('y')\\n")
    [Clash(path='<string>', name='A', line=4, first=2)]
    >>> clashes_in("try:\\n    import tomllib as t\\nexcept ImportError:\\n    t = None\\n")
    []
    """
    tree = ast.parse(source, filename=path)
    seen: dict[str, list[Binding]] = {}
    found: list[Clash] = []
    for binding in _bindings(tree.body, ()):
        earlier = seen.setdefault(binding.name, [])
        first = next((e for e in earlier if not _exclusive(e, binding)), None)
        if first is not None:
            found.append(Clash(path, binding.name, binding.line, first.line))
        earlier.append(binding)
    return found


def product_files(root: Path = ROOT) -> list[Path]:
    """The product's Python files under `root` (PRODUCT), sorted."""
    files: list[Path] = []
    for entry in PRODUCT:
        path = root / entry
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in path.rglob("*.py") if not SKIP_DIRS.intersection(p.parts))
    return sorted(files)


def clashes(root: Path = ROOT) -> list[Clash]:
    """Every clash in the product's modules, by file and line."""
    found: list[Clash] = []
    for path in product_files(root):
        relative = path.relative_to(root).as_posix()
        found.extend(clashes_in(path.read_text(encoding="utf-8"), relative))
    return found


def main(argv: Sequence[str] | None = None, *, root: Path = ROOT) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--check"]):
        print("usage: python -m tools.rebound [--check]", file=sys.stderr)
        return 2
    found = clashes(root)
    for clash in found:
        print(clash)
    if found:
        print(
            f"{len(found)} module-level name(s) bound twice: the later binding replaces the "
            "earlier one for every reader; rename one of them",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
