"""What the generated reference pages share: write the page, or (`--check`, as CI runs it)
say whether the file in the repository is current."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(target: Path, text: str, *, check: bool, command: str) -> int:
    """Write `text` to `target`, or with `check` return 1 (naming `command`, which makes it)
    when the file differs from it."""
    name = target.relative_to(ROOT)
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{name} is out of date: run `{command}`", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {name}")
    return 0
