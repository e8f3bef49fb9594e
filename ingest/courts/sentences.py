"""Lines and sentences: the evidence sentence around a court's mention, and which lines are
running text (a paragraph) rather than a headline, caption or field row."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            a = pos + line.index(stripped[0])
            spans.append((a, a + len(stripped)))
        pos += len(line) + 1
    return spans


def is_body(line: str) -> bool:
    """A line of running text (a paragraph), not a headline, caption or field row."""
    return len(line) >= 30 and ("。" in line or line.count("，") >= 2)


def _own_split(text: str) -> list[tuple[int, int]]:
    """Sentence spans on 。！？；and line breaks (used when ingest.normalize is absent)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@functools.cache
def _splitter() -> Callable[[str], list[tuple[int, int]]]:
    try:  # the project's normalizer, when it is there, so evidence matches the extractor's
        from ingest.normalize import split_sentences
    except ImportError:
        return _own_split
    return split_sentences  # type: ignore[no-any-return]


class Sentences:
    """The sentence around an offset; splits only the lines that hold a mention, since
    sentences never cross a line break."""

    def __init__(self, text: str, given: Sequence[tuple[int, int]] | None) -> None:
        self.text = text
        self.spans = sorted(given) if given is not None else None
        self.lines: dict[int, list[tuple[int, int]]] = {}

    def around(self, pos: int) -> tuple[int, int]:
        spans = self.spans
        if spans is None:
            ls = self.text.rfind("\n", 0, pos) + 1
            spans = self.lines.get(ls)
            if spans is None:
                le = self.text.find("\n", pos)
                le = len(self.text) if le < 0 else le
                spans = [(ls + a, ls + b) for a, b in _splitter()(self.text[ls:le])]
                self.lines[ls] = spans
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i]
        return pos, pos
