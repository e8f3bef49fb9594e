"""The curated taxonomy of court-reform initiatives and a fast matcher over it.

The taxonomy lives in `data/initiatives.json` (canonical Chinese name, aliases, English name,
category, one-line description in English and in Chinese (``description_zh``, the one the
explorer shows), origin). An entry may also carry

- ``patterns``: regular expressions for paraphrases no fixed alias covers
  (调解工作贯穿审判全程 for 全程调解);
- ``needs_verb``: its surfaces name the practice only after an adoption verb (用好司法建议,
  not 司法建议书的回复率), checked by `ingest.initiatives`;
- ``part_of``: more specific initiatives this generic one stands for in an article that names
  them too (多元解纷 in an article on the 一站式多元解纷机制 is that mechanism);
- ``key``: the name the entry's ids are made of, when its canonical name changed after a
  release (委派调解, the corpus conventions' name, was released as 委派委托调解): a store's
  facts and its reviewers' decisions keep their ids, and the stored name follows the new one.

`Taxonomy.find(text)` returns the longest non-overlapping alias and pattern matches, ignoring
quotation marks and spaces so that `“一站式”多元解纷机制` and `一站式多元解纷机制` are the same
surface.

>>> tax = default_taxonomy()
>>> [(m.entry.name, m.start, m.end) for m in tax.find("全面推行繁简分流")]
[('繁简分流', 4, 8)]
>>> [(m.entry.name, m.start, m.end) for m in tax.find("推行案件繁简分流")]
[('繁简分流', 2, 8)]
"""

from __future__ import annotations

import json
import re
import re._constants as sre_constants
import re._parser as sre_parse
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from courtgraph.resources import DATA
from graph.errors import CourtgraphError

DEFAULT_PATH = DATA / "initiatives.json"

#: characters ignored when matching names: quotation marks, brackets of titles, spaces
IGNORED = "“”\"'‘’「」『』《》〈〉 \u3000\t"
_IGNORED_RE = re.compile("[" + re.escape(IGNORED) + "]")
_KEPT_RUN = re.compile("[^" + re.escape(IGNORED) + "]+")


def strip_ignored(s: str) -> str:
    return _IGNORED_RE.sub("", s)


@dataclass(frozen=True)
class Initiative:
    """One curated reform mechanism."""

    name: str
    english: str
    category: str
    description: str  # English (exports, researchers)
    description_zh: str = ""  # Chinese: what the explorer shows
    aliases: tuple[str, ...] = ()
    origin: str | None = None
    title: bool = (
        False  # a title that is conferred (五化人民法庭, 全国优秀法院): 获评 means awarded
    )
    patterns: tuple[str, ...] = ()  # regular expressions over the plain text (paraphrases)
    needs_verb: bool = False  # named only right after an adoption verb
    part_of: tuple[str, ...] = ()  # more specific initiatives it stands for when also named
    key: str = ""  # the released name its ids are made of, when the name changed since

    @property
    def id_name(self) -> str:
        """The name the entry's node id is made of (`key`, else `name`)."""
        return self.key or self.name


@dataclass(frozen=True)
class TaxonomyMatch:
    start: int  # offsets into the text given to `find`
    end: int
    entry: Initiative


@dataclass
class PlainView:
    """`text` without ignored characters; `offsets[i]` is the index of `plain[i]` in `text`."""

    text: str
    plain: str = ""
    offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        offsets: list[int] = []
        parts: list[str] = []
        for m in _KEPT_RUN.finditer(self.text):
            offsets.extend(range(m.start(), m.end()))
            parts.append(m.group(0))
        self.offsets = offsets
        self.plain = "".join(parts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a plain span back to a span of `text`."""
        return self.offsets[start], self.offsets[end - 1] + 1


class Taxonomy:
    """A list of initiatives with an Aho-Corasick automaton over all their surfaces."""

    def __init__(self, entries: list[Initiative]) -> None:
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        #: the name an initiative's node id is made of, for each canonical name that differs
        self.id_names = {e.name: e.key for e in entries if e.key and e.key != e.name}
        self._automaton: Any = ahocorasick.Automaton()
        for idx, entry in enumerate(entries):
            for surface in (entry.name, *entry.aliases):
                key = strip_ignored(surface)
                if len(key) >= 2:
                    self._automaton.add_word(key, (len(key), idx))
        if entries:
            self._automaton.make_automaton()
        # one regex per pattern: an alternation of them all would defeat the regex engine's
        # literal-prefix search and run several times slower
        # each with a literal every match holds: a text without it is not searched (most
        # patterns open with a lookbehind, which leaves the engine no prefix to skip ahead by)
        self._patterns = [
            (re.compile(pattern), idx, required_literal(pattern))
            for idx, entry in enumerate(entries)
            for pattern in entry.patterns
        ]

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str, view: PlainView | None = None) -> list[TaxonomyMatch]:
        """Longest non-overlapping matches of any alias, in text order."""
        if not self.entries or not text:
            return []
        view = view or PlainView(text)
        found: list[tuple[int, int, int]] = []
        for end_idx, (length, idx) in self._automaton.iter(view.plain):
            found.append((end_idx - length + 1, end_idx + 1, idx))
        for pattern, idx, literal in self._patterns:
            if literal not in view.plain:
                continue
            for m in pattern.finditer(view.plain):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), idx))
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken = bytearray(len(view.plain))
        out: list[TaxonomyMatch] = []
        for ps, pe, idx in found:
            if any(taken[ps:pe]):
                continue
            start, end = view.span(ps, pe)
            if end - start != pe - ps and _splits_quote(text, start, end):
                continue
            taken[ps:pe] = b"\x01" * (pe - ps)
            start, end = _whole_quote(text, start, end)
            out.append(TaxonomyMatch(start, end, self.entries[idx]))
        out.sort(key=lambda m: m.start)
        return out


def required_literal(pattern: str) -> str:
    """The longest run of literal characters that every match of `pattern` holds ("" when none
    is sure): its top-level literals, read through groups without alternatives; anything else
    (a class, an optional or repeated part, an assertion) ends a run. An alternation ends one
    too, and gives a run of its own when one alternative's literal is in every other's.

    >>> required_literal("(?:(?<=设立)|(?<=建立))(?:人民)?法官工作室(?!制度)")
    '法官工作室'
    >>> required_literal("(?<=法院的)信息化建设|(?<=法院)信息化建设")
    '信息化建设'
    """
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    return _required_in(parsed)


def _required_in(items: Any) -> str:
    """required_literal of parsed items (a pattern's, or one alternative's)."""
    runs: list[str] = []
    run: list[str] = []

    def walk(items: Any) -> None:
        for op, av in items:
            if op is sre_constants.LITERAL:
                run.append(chr(av))
            elif op is sre_constants.SUBPATTERN and av[1] == av[2] == 0:
                walk(av[3])  # a group, (?:...) or (...), with no flags of its own
            elif op is sre_constants.BRANCH:
                runs.append("".join(run))
                run.clear()
                # a literal every alternative holds (the shortest of theirs, if in all)
                held = [_required_in(alt) for alt in av[1]]
                shortest = min(held, key=len)
                if all(shortest in h for h in held):
                    runs.append(shortest)
            else:
                runs.append("".join(run))
                run.clear()

    walk(items)
    runs.append("".join(run))
    return max(runs, key=len)


_OPENING = "“「『"
_CLOSING = "”」』"
_QUOTE_MARK = re.compile("[" + _OPENING + _CLOSING + "]")


def _splits_quote(text: str, start: int, end: int) -> bool:
    """text[start:end] begins or ends inside a quotation it does not hold whole: 律师”调解 in
    “法官+律师”调解 (not “一站式”多元解纷机制, which holds the whole quote)."""
    marks = _QUOTE_MARK.findall(text, start, end)
    if not marks:
        return False
    if marks[0] in _CLOSING and text[start - 1 : start] not in _OPENING:
        return True  # begins inside a quote, after its first character
    return marks[-1] in _OPENING and text[end : end + 1] not in _CLOSING


def _whole_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to the quotation mark it leaves out of a quote it holds the rest of:
    攻坚“执行难” (not 攻坚“执行难), “一站式”多元解纷机制 (not 一站式”多元解纷机制), so that a
    mention is the text's words with their quotes balanced."""
    marks = _QUOTE_MARK.findall(text, start, end)
    if not marks:
        return start, end
    if marks[0] in _CLOSING and text[start - 1 : start] in _OPENING:
        start -= 1
    if marks[-1] in _OPENING and text[end : end + 1] in _CLOSING:
        end += 1
    return start, end


def load_taxonomy(path: str | Path = DEFAULT_PATH) -> Taxonomy:
    """Read a taxonomy file; a broken file raises CourtgraphError naming the problem."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CourtgraphError(f"cannot read the initiative taxonomy {p}: {exc}") from exc
    items = raw.get("initiatives") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise CourtgraphError(f"{p}: expected an object with an 'initiatives' list")
    entries: list[Initiative] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        try:
            entry = Initiative(
                name=str(item["name"]),
                english=str(item["english"]),
                category=str(item["category"]),
                description=str(item["description"]),
                description_zh=str(item.get("description_zh") or ""),
                aliases=tuple(str(a) for a in item.get("aliases", [])),
                origin=item.get("origin"),
                title=bool(item.get("title", False)),
                patterns=tuple(str(x) for x in item.get("patterns", [])),
                needs_verb=bool(item.get("needs_verb", False)),
                part_of=tuple(str(x) for x in item.get("part_of", [])),
                key=str(item.get("key") or ""),
            )
        except (KeyError, TypeError) as exc:
            raise CourtgraphError(
                f"{p}: initiative #{n} lacks {exc}; each needs name, english, category, description"
            ) from exc
        for pattern in entry.patterns:
            try:
                groups = re.compile(pattern).groups
            except re.error as exc:
                raise CourtgraphError(
                    f"{p}: pattern {pattern!r} of {entry.name!r} is not a regular expression: {exc}"
                ) from exc
            if groups:
                raise CourtgraphError(
                    f"{p}: pattern {pattern!r} of {entry.name!r} has a capturing group; "
                    "write (?:...) instead"
                )
        if entry.name in seen:
            raise CourtgraphError(f"{p}: initiative {entry.name!r} is listed twice")
        seen.add(entry.name)
        entries.append(entry)
    for entry in entries:
        for other in entry.part_of:
            if other not in seen:
                raise CourtgraphError(
                    f"{p}: {entry.name!r} is part_of {other!r}, which is not in the taxonomy"
                )
    return Taxonomy(entries)


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The taxonomy shipped in data/initiatives.json (loaded once)."""
    return load_taxonomy(DEFAULT_PATH)
