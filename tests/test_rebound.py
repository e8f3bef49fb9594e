"""No module-level name of the product is bound twice (tools/rebound.py): a regex assigned
again further down under the same name silently replaced the first, twice, in
ingest/extract.py, and ruff does not flag it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools import rebound


def test_the_product_binds_no_module_level_name_twice() -> None:
    found = list(rebound.clashes())
    assert not found, "\n".join(map(str, found))


def test_the_check_covers_the_product() -> None:
    paths = {p.relative_to(rebound.ROOT).as_posix() for p in rebound.product_files()}
    assert {"app.py", "ingest/extract.py", "ui/unit.py", "tools/rebound.py"} <= paths
    assert not any("node_modules" in p or p.startswith("tests/") for p in paths)


def _names(source: str) -> list[tuple[str, int, int]]:
    return [(c.name, c.line, c.first) for c in rebound.clashes_in(textwrap.dedent(source))]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # the bug: a regex replaced further down, other code in between
        (
            """
            import re
            _VERB = re.compile("授予")
            def f(text):
                return _VERB.search(text)
            _VERB = re.compile("命名")
            """,
            [("_VERB", 6, 3)],
        ),
        # annotated, tuple targets, a def or an import replacing an assignment
        ("A: int = 1\nB, A = 2, 3\n", [("A", 2, 1)]),
        ("X = 1\ndef X():\n    pass\n", [("X", 2, 1)]),
        ("from os import path\npath = None\n", [("path", 2, 1)]),
        # inside a top-level loop or with, or after a default that a try overrides: reported
        ("for i in range(3):\n    Y = i\nY = 0\n", [("Y", 3, 2)]),
        (
            "OK = False\ntry:\n    import tomllib\n    OK = True\nexcept ImportError:\n    pass\n",
            [("OK", 4, 1)],
        ),
    ],
)
def test_a_replaced_name_is_reported(source: str, expected: list[tuple[str, int, int]]) -> None:
    assert _names(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        # the import fallback: try body and handler exclude each other
        """
        try:
            import tomllib as toml
        except ImportError:
            toml = None
        """,
        """
        try:
            from fast import parse
        except ImportError:
            def parse(text):
                return text
        else:
            FAST = True
        """,
        # if / elif / else arms
        """
        import sys
        if sys.platform == "win32":
            SEP = "\\\\"
        elif sys.platform == "darwin":
            SEP = ":"
        else:
            SEP = "/"
        """,
        # never runs
        """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from pathlib import Path
        else:
            Path = object
        """,
        # a declaration, then the value; __all__ extended; attributes and items changed
        "X: int\nX = 1\n",
        "__all__ = ['a']\n__all__ += ['b']\n",
        "D = {}\nD['k'] = 1\nD.x = 2\n",
        # two submodules of one package; names inside functions and classes
        "import os.path\nimport os.environ\n",
        "def f():\n    a = 1\n    a = 2\nclass C:\n    b = 1\n    b = 2\n",
    ],
)
def test_a_legitimate_rebinding_is_not_reported(source: str) -> None:
    assert _names(source) == []


def test_the_command_fails_naming_file_line_and_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ingest").mkdir()
    (tmp_path / "ingest" / "m.py").write_text("A = 1\nA = 2\n", encoding="utf-8")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "fine.py").write_text("B = 1\n", encoding="utf-8")
    assert rebound.main(["--check"], root=tmp_path) == 1
    out = capsys.readouterr()
    assert out.out == "ingest/m.py:2: A bound again (first at line 1)\n"
    assert "bound twice" in out.err
    (tmp_path / "ingest" / "m.py").write_text("A = 1\nA_OTHER = 2\n", encoding="utf-8")
    assert rebound.main(["--check"], root=tmp_path) == 0
