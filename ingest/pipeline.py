"""Documents → graph: read, skip what is known, extract, convert to facts, write.

`ingest_paths(store, paths)` is what `python -m ingest PATH …` and the app's import page run.
Documents are written in batches, each batch in one transaction together with everything its
documents support (a second thread writes one batch while the next is extracted), so an
interrupted run (even `kill -9`) leaves whole documents only, and running it again adds
exactly what is missing. A file that cannot be read or extracted is reported, never fatal.
A run of many files extracts in a process of its own (`PROCESS_MIN_FILES`), while this one
reads, decides known documents and reposts in order, and writes.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import itertools
import os
import re
import stat
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import review
from graph.collections import DEFAULT_COLLECTION, add_to_collection, check_name
from graph.errors import BadParameter, CourtgraphError, UnreadableDocument, os_reason_zh
from graph.model import (
    DocumentGraph,
    EvidenceRow,
    FactRow,
    MentionRow,
    NodeRow,
    digest,
    document_id,
    entity_id,
)
from graph.store import GraphStore, WriteTally
from graph.summaries import figure_sketch
from ingest.dedup import (
    REPOST_DISTANCE,
    FingerprintIndex,
    changed_figures,
    corrected_figures,
    figures,
    repeats_short_text,
    same_figures,
    sketch_may_match,
)
from ingest.document import Adoption, CourtRef, Evidence, Extraction, SourceDocument
from ingest.titles import headline

SUPPORTED = (".txt", ".html", ".htm", ".md", ".docx", ".pdf")
ProgressFn = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What a run did, for the closing summary (CLI) or the import page (app)."""

    read: int = 0
    added: list[str] = field(default_factory=list)  # paths written as new documents
    unchanged: list[str] = field(default_factory=list)  # same content already in the graph
    repeats: dict[str, str] = field(default_factory=dict)  # unchanged path -> doc id it repeats
    # same content as a file this run added before it: path -> that document's id
    copies: dict[str, str] = field(default_factory=dict)
    # path -> the collection its document is in after the run (a new document, or one it
    # repeats that joined the collection named for it or was in the one it would have gone to)
    collections: dict[str, str] = field(default_factory=dict)
    # a document already in the graph that joined the collection named for it (`--collection`
    # or a collection.json) in this run: path -> that collection (not listed: it was in it)
    joined: dict[str, str] = field(default_factory=dict)
    # a known document no collection was named for and that is not in the one a new document
    # would go to (the folder's name, 未分类): path -> the collections it stays in
    elsewhere: dict[str, list[str]] = field(default_factory=dict)
    reposts: list[tuple[str, str]] = field(default_factory=list)  # (path, doc id it repeats)
    # files (copies, reposts, unchanged) whose document a file read earlier in this run added
    # or was found to repeat: duplicates within the batch (not counted again as documents
    # that joined a collection or were in it).
    repeated_here: set[str] = field(default_factory=set)
    # nearly a known document's text, with figures it states otherwise: added as a document of
    # its own (path, the doc id it nearly repeats, (what, old, new) for each changed figure)
    updates: list[tuple[str, str, list[tuple[str, str, str]]]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    unreached: int = 0  # of `failed`, the first ones: paths that could not be reached (not read)
    # a file given again (the same path twice, a file and its folder, a link): read once,
    # (path left out, the path it is read as)
    same_files: list[tuple[str, str]] = field(default_factory=list)
    # copies and reposts that give no URL (a local file): only their path is recorded
    without_url: set[str] = field(default_factory=set)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    planned: dict[str, int] = field(default_factory=dict)  # dry run: rows that would be sent
    dry_run: bool = False
    # what this run's own writes added (other processes may write at the same time)
    entities_added: int = 0
    facts_added: int = 0

    def summary(self) -> str:
        verb = "would add" if self.dry_run else "added"
        lines = [
            f"documents read: {self.read}; {verb}: {len(self.added)}"
            + (f" ({len(self.updates)} copies with changed figures)" if self.updates else "")
            + f"; unchanged (already in the graph): {len(self.unchanged)}; "
            + (f"copies of a file read before: {len(self.copies)}; " if self.copies else "")
            + f"reposts of known documents: {len(self.reposts)}; "
            + f"failed: {len(self.failed) - self.unreached}"
            + (f"; paths not reached: {self.unreached}" if self.unreached else ""),
        ]
        if self.dry_run:
            lines.append(
                "would write: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.planned.items()) if v)
            )
        else:
            lines.append(f"entities added: {self.entities_added}; facts added: {self.facts_added}")
        for name, n in collection_counts(self).items():
            kinds = (
                (n.new, verb),
                (n.unchanged, "unchanged"),
                (n.copies, "copies of a file read before"),
                (n.reposts, "reposts"),
            )
            line = f"collection {name}: " + ", ".join(f"{k} {what}" for k, what in kinds if k)
            if n.files != n.new:
                line += (
                    f" ({n.documents} documents: {n.new} new, {n.joined} already in the graph "
                    f"{'would join' if self.dry_run else 'joined'} it, {n.inside} already in "
                    "the graph were in it)"
                )
            lines.append(line)
        if self.elsewhere:
            lines.append(
                f"{len(self.elsewhere)} documents already in the graph stay in their "
                f"collections ({', '.join(stayed_in(self))}): no collection was named, and "
                "only new documents go to a folder's"
            )
        for path, first in self.same_files:
            lines.append(f"  given again: {_printable(path)} (read once, as {_printable(first)})")
        for path, doc in self.copies.items():
            lines.append(f"  copy: {_printable(path)} → {doc} (the same text, read earlier)")
        for path, doc in self.reposts:
            lines.append(f"  repost: {_printable(path)} → {doc}")
        if self.reposts:  # an edited file is nearly the text it was: say how to take it in
            lines.append(
                "  (a repost is not added; if it is a new version of a file read before, remove "
                "the old one with `python -m graph delete-document DOC` and ingest it again)"
            )
        for path, doc, changes in self.updates:
            changed = "; ".join(f"{what}: {a} → {b}" for what, a, b in changes)
            lines.append(
                f"  changed figures: {_printable(path)} ≈ {doc}, but {_printable(changed)} "
                "(added as a document of its own; if it replaces the old one: "
                f"`python -m graph delete-document {doc}`)"
            )
        for i, (path, reason) in enumerate(self.failed):
            what = "not reached" if i < self.unreached else "failed"
            lines.append(f"  {what}: {_printable(path)}: {_printable(reason)}")
        for path, warning in self.warnings:
            lines.append(f"  warning: {_printable(path)}: {_printable(warning)}")
        return "\n".join(lines)


@dataclass
class CollectionTally:
    """What one collection got from a run's files (`collection_counts`): the files, in the
    summary's first line's kinds (they add up to the files the line counts for it), and the
    documents they are (a copy or a repost is the document it repeats)."""

    new: int = 0  # files added as new documents
    unchanged: int = 0  # files with a text already in the graph before the run
    copies: int = 0  # files with the text of one this run added before them
    reposts: int = 0  # reposts of a document (in the graph, or added by this run)
    # the documents those files are: already in the graph and joined it in this run, already
    # in the graph and in it (each once; a new document is its file, `new`)
    joined: int = 0
    inside: int = 0

    @property
    def files(self) -> int:
        return self.new + self.unchanged + self.copies + self.reposts

    @property
    def documents(self) -> int:
        return self.new + self.joined + self.inside


def collection_counts(report: IngestReport) -> dict[str, CollectionTally]:
    """Per collection a run put documents in, what it got, for the summaries: a run over
    several folders names every collection it touched and what each got. Its files are
    counted in the kinds of the summary's first line (the same article twice in a folder
    was once "已在图中且已属于它的", a repost of an article of the run "与本次先读的文件重复的");
    a file repeating one read earlier in the run is no second document (`repeated_here`).
    A dry run counts what a real run would: the known documents that would join."""
    added = set(report.added)
    reposts = {path for path, _doc in report.reposts}
    here = report.repeated_here
    out: dict[str, CollectionTally] = {}
    for path, name in report.collections.items():
        n = out.setdefault(name, CollectionTally())
        if path in added:
            n.new += 1
            continue
        if path in report.copies:
            n.copies += 1
        elif path in reposts:
            n.reposts += 1
        else:
            n.unchanged += 1
        if path in report.joined:  # a document joins once, through its first file
            n.joined += 1
        elif path not in here:  # else: a document of this run, or counted through its first
            n.inside += 1
    return dict(sorted(out.items()))


def stayed_in(report: IngestReport) -> list[str]:
    """The collections of the known documents that stayed where they were
    (`IngestReport.elsewhere`), sorted."""
    return sorted({name for names in report.elsewhere.values() for name in names})


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _printable(text: str) -> str:
    """One line of text: a newline (or other control) in a file name is shown escaped (and a
    lone surrogate, which no terminal encodes, though `shown_path` leaves none)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


# -- file names that are not UTF-8 ------------------------------------------------------------
_SURROGATE = re.compile("[\ud800-\udfff]")
#: a GBK reading of a name is believed only when it is Chinese: ASCII, CJK ideographs and
#: CJK or full-width punctuation, with at least one ideograph
_CHINESE_NAME = re.compile(
    "[\x20-\x7e\u00b7\u2014-\u2027\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*"
)
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def _clean(text: str) -> str:
    """`text` with any lone surrogate (a byte no codec could read) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def recorded_path(doc: SourceDocument) -> str:
    """The path a document's `paths` records: a file's absolute path, so that it can be
    found again whatever folder a later reader runs in (a relative path meant the folder the
    ingest ran in, which the graph does not know); an upload's own name (its file was
    temporary).

    >>> import os
    >>> d = SourceDocument(path="a/b.txt", text="")
    >>> d.read_from = "a/b.txt"
    >>> recorded_path(d) == os.path.join(os.getcwd(), "a", "b.txt")
    True
    """
    if doc.read_from and shown_path(doc.read_from)[0] == doc.path:
        return shown_path(os.path.abspath(doc.read_from))[0]
    return doc.path


def shown_path(path: str) -> tuple[str, str | None]:
    """How a path is recorded and reported, and a warning when that is not the path itself.

    A name whose bytes are not UTF-8 (a Windows zip unpacked on Linux leaves GBK names) comes
    from the file system with those bytes as lone surrogates, which no store, JSON file or
    terminal takes. Each such part of the path is read as GBK when that reading is cleanly
    Chinese (the usual case in court news, and the name a person would recognize), else its
    undecodable bytes are shown as U+FFFD. The file itself is still read from the real path
    (`SourceDocument.read_from`).
    """
    if not _SURROGATE.search(path):
        return path, None
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # surrogates that stand for no byte: not from the file system
        return _clean(path), "file name holds invalid characters: shown as \ufffd"
    sep = os.fsencode(os.sep)
    parts: list[str] = []
    gbk = replaced = False
    for part in raw.split(sep):
        try:
            parts.append(part.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            name = part.decode("gbk")
        except UnicodeDecodeError:
            name = ""
        if name and _CHINESE_NAME.fullmatch(name) and _IDEOGRAPH.search(name):
            parts.append(name)
            gbk = True
        else:
            parts.append(part.decode("utf-8", errors="replace"))
            replaced = True
    note: str | None = None
    if replaced:
        note = "file name is not UTF-8: the bytes that are not are shown as \ufffd"
    elif gbk:
        note = "file name is not UTF-8: shown as read in GBK"
    return os.sep.join(parts), note


# -- files ------------------------------------------------------------------------------
def _why_unusable(path: Path, exc: OSError) -> str:
    """What a person can do about a path that cannot be reached, in a few words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back at itself or at a folder above it)"
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            target = shown_path(os.readlink(path))[0]
            return f"broken symbolic link (points to {target}, which does not exist)"
        return "no such file or folder"
    if exc.errno == errno.EACCES:
        return "permission denied (the file or a folder above it is not readable by this user)"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long for this file system"
    return f"cannot reach it: {exc.strerror or exc}"


def expand_paths(
    paths: Iterable[str | Path], same: list[tuple[str, str]] | None = None
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read (folders recursively, sorted) and the paths that cannot be used.

    A file is read once however often it is given (twice on the command line, or itself and
    its folder, or through a link): each later path is left out, and told in `same` with
    the path it is read as (shown paths), so that no file reads as a duplicate of itself.

    Symbolic links are followed, each real folder is walked once; a link loop, a broken link,
    a folder that cannot be listed and a file that cannot be reached are reported with the
    reason, never skipped silently. Inside folders, hidden names (.x) and unsupported file
    types are left out.
    """
    files: list[Path] = []
    bad: list[tuple[str, str]] = []
    walked: set[tuple[int, int]] = set()
    taken: dict[tuple[int, int], Path] = {}  # each file read: the path it is read from

    def take(p: Path, st: os.stat_result) -> None:
        first = taken.setdefault((st.st_dev, st.st_ino), p)
        if first is p:
            files.append(p)
        elif same is not None:
            same.append((shown_path(str(p))[0], shown_path(str(first))[0]))

    def walk(folder: Path, above: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            bad.append(
                (
                    shown_path(str(folder))[0],
                    f"cannot list the folder: {_why_unusable(folder, exc)}",
                )
            )
            return
        for entry in entries:
            p = Path(entry.path)
            if entry.name.startswith("."):
                continue
            try:
                st = os.stat(p)  # follows links
            except OSError as exc:
                if p.suffix.lower() in SUPPORTED or entry.is_symlink() or not p.suffix:
                    bad.append((shown_path(str(p))[0], _why_unusable(p, exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in above:
                    loop = _why_unusable(p, OSError(errno.ELOOP, "loop"))
                    bad.append((shown_path(str(p))[0], loop))
                elif key not in walked:  # else: a folder already walked through another link
                    walked.add(key)
                    walk(p, above | {key})
            elif stat.S_ISREG(st.st_mode) and p.suffix.lower() in SUPPORTED:
                take(p, st)

    for raw in paths:
        p = Path(raw)
        try:
            st = os.stat(p)
        except OSError as exc:
            bad.append((shown_path(str(p))[0], _why_unusable(p, exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            walked.add(key)
            walk(p, frozenset({key}))
        elif stat.S_ISREG(st.st_mode):
            take(p, st)
        else:
            bad.append((shown_path(str(p))[0], "not a regular file or folder"))
    return files, bad


# -- collections ------------------------------------------------------------------------
#: a folder's sidecar naming the collection of the files in it: {"collection": "演示数据"}
COLLECTION_FILE = "collection.json"


def collection_chooser(
    paths: Iterable[str | Path],
    given: str | None,
    *,
    renamed: Iterable[str] = (),
    files: Iterable[str | Path] = (),
) -> Callable[[str], tuple[str, bool]]:
    """path of a file read -> (the collection it goes to, whether it was named): `given`;
    else the nearest `collection.json` between the file and the folder it was found in
    (named); else that folder's name, and a file named on its own goes to 未分类 (defaults:
    they place new documents only, so re-running on known files changes nothing).
    `renamed`: files written under a name of ours (uploads, in a temporary folder such as
    tmpab12cd): their folder's name is nobody's choice, so they go to 未分类 too.

    `files`: the files of the run, whose `collection.json` are checked now: one that cannot
    be read or names no valid collection (a typo) raises `BadParameter` naming each such
    file and why, before anything is read or written — its files would otherwise go to a
    collection nobody asked for (`given` overrides them all: nothing is checked)."""
    if given is not None:
        name = check_name(given)
        return lambda _path: (name, True)
    staged = {_resolved(p) for p in renamed}
    roots: list[Path] = []
    for p in paths:
        try:
            if Path(p).is_dir():
                roots.append(Path(p).resolve())
        except OSError:
            continue
    # folder -> what its nearest collection.json names (None: none), or why that file is bad
    found: dict[Path, str | None | _BadCollectionFile] = {}

    def named_for(folder: Path, root: Path) -> str | None:
        """The collection the nearest collection.json from `folder` up to `root` names."""
        walked: list[Path] = []
        answer: str | None | _BadCollectionFile = None
        while True:
            if folder in found:
                answer = found[folder]
                break
            walked.append(folder)
            try:
                answer = _named_collection(folder / COLLECTION_FILE)
            except _BadCollectionFile as exc:
                answer = exc
            if answer is not None or folder == root:
                break
            folder = folder.parent
        for f in walked:
            found[f] = answer
        if isinstance(answer, _BadCollectionFile):
            raise answer
        return answer

    # a folder as a path names it -> its real path and the first root it is in: resolved once,
    # not for each of its files (a choice took 37 µs a file, 9 now: 7 s for 200,000 files)
    folders: dict[str, tuple[Path, Path | None]] = {}

    def located(folder: Path) -> tuple[Path, Path | None]:
        return folder, next((r for r in roots if r == folder or r in folder.parents), None)

    def choose(path: str) -> tuple[str, bool]:
        try:
            if os.path.islink(path):
                here = Path(path).resolve()
                folder, root = located(here.parent)
            else:  # its real path is its folder's, and its name
                head, tail = os.path.split(path)
                if head not in folders:
                    folders[head] = located(Path(head).resolve())
                folder, root = folders[head]
                here = folder / tail
        except OSError:
            return DEFAULT_COLLECTION, False
        if here in staged or root is None:
            return DEFAULT_COLLECTION, False
        named = named_for(folder, root)
        if named:
            return named, True
        name = shown_path(root.name)[0]  # (a folder's name that is not UTF-8)
        return (check_name(name) if name else DEFAULT_COLLECTION), False

    broken: dict[str, None] = {}  # each bad collection.json's path and why, once
    for f in files:
        try:
            choose(str(f))
        except _BadCollectionFile as exc:
            broken.setdefault(str(exc))
    if broken:
        raise BadParameter(
            f"{COLLECTION_FILE} 有误，本次没有导入任何文件（改正后重新运行，或用 --collection "
            "名称 指定文档集）：\n" + "\n".join(broken)
        )
    return choose


def check_collections(paths: Iterable[str | Path], given: str | None) -> None:
    """What `ingest_paths` checks of the collections before reading anything (`--collection`'s
    name, else the run's `collection.json` files), for a command to check before it opens
    the store: a typo stopped the run only after a new data directory was made and its
    server started. Walks the folders once more (`expand_paths`)."""
    paths = list(paths)
    files = expand_paths(paths)[0] if given is None else []
    collection_chooser(paths, given, files=files)


def _resolved(path: str) -> Path | None:
    try:
        return Path(path).resolve()
    except OSError:
        return None


class _BadCollectionFile(BadParameter):
    """A `collection.json` that cannot be read or names no valid collection (its path: why)."""


def _named_collection(path: Path) -> str | None:
    """The collection a `collection.json` names, None when there is no such file; a file that
    cannot be read or names no valid collection raises `BadParameter` (its path: why).
    Decoded as documents are (`decode_bytes`): UTF-8 with or without a BOM (Notepad's), GBK
    (Notepad's ANSI on Chinese Windows), UTF-16 (its "Unicode", which was refused), Big5."""
    import json

    from ingest.readers import _DecodeError, decode_bytes

    shown = shown_path(str(path))[0]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _BadCollectionFile(f"{shown}：无法读取（{os_reason_zh(exc)}）") from None
    try:
        text = decode_bytes(raw).text if raw else ""  # (empty: said as no JSON)
    except _DecodeError:
        raise _BadCollectionFile(
            f"{shown}：不是 UTF-8、UTF-16、GBK 或 Big5 编码的文本，请另存为 UTF-8"
        ) from None
    example = '{"collection": "2024年全省法院通报"}'
    try:
        data = json.loads(text)
    except ValueError as exc:
        where = ""
        if isinstance(exc, json.JSONDecodeError):
            where = f"第 {exc.lineno} 行第 {exc.colno} 列，"
        raise _BadCollectionFile(
            f"{shown}：不是有效的 JSON（{where}{exc.__class__.__name__}: "
            f"{getattr(exc, 'msg', exc)}）；应写成 {example}"
        ) from None
    if not isinstance(data, dict):
        raise _BadCollectionFile(f"{shown}：应写成 {example}")
    if "collection" not in data:
        keys = "、".join(repr(k) for k in data) or "无"
        raise _BadCollectionFile(
            f'{shown}：缺少 "collection" 一项（文件中有：{keys}）；应写成 {example}'
        )
    name = data["collection"]
    if not isinstance(name, str) or not name.strip():
        raise _BadCollectionFile(f'{shown}："collection" 应是文档集的名称，例如 {example}')
    try:
        return check_name(name)
    except BadParameter as exc:
        raise _BadCollectionFile(f"{shown}：{exc}") from None


# -- reference data -----------------------------------------------------------------------
def load_reference_data(store: GraphStore) -> bool:
    """The court roster and the initiative taxonomy, as curated nodes (once per version)."""
    from ingest.roster import build_roster
    from ingest.taxonomy import default_taxonomy

    roster = build_roster()
    taxonomy = default_taxonomy()
    # the taxonomy's content as written to the nodes, not only its size: a store loaded
    # before an entry changed (a new alias, a Chinese description) takes the change at its
    # next ingest (a new pattern, which no node holds, reloads nothing)
    entries = digest(
        *(
            repr((e.name, e.english, e.category, e.description, e.description_zh, e.aliases))
            + repr(e.origin)
            for e in taxonomy.entries
        )
    )
    # …and the roster's as written (names, places, aliases, parents): a new alias of a court
    # (哈铁法院) reaches a store loaded before it even when the number of courts stays
    courts = digest(
        *(
            repr((c.name, c.level, c.province, c.city, c.county, c.adcode, c.parent))
            + repr((c.aliases, c.short_aliases))
            for c in roster
        )
    )
    version = (
        f"{roster.source.describe()} | courts {len(roster)} ({courts}) | initiatives "
        f"{len(taxonomy)} ({entries})"
    )
    marker = entity_id("Court", "最高人民法院")
    rows = store.read("MATCH (n:Entity {id: $id}) RETURN n.reference AS v", {"id": marker})
    if rows and rows[0]["v"] == version:
        return False
    nodes: list[NodeRow] = []
    edges: list[tuple[str, str]] = []
    for c in roster:
        label = "Tribunal" if c.level == "tribunal" else "Court"
        props: dict[str, Any] = {
            "name": c.name,
            "level": c.level,
            "province": c.province,
            "city": c.city,
            "county": c.county,
            "adcode": c.adcode,
            "curated": True,
            "in_roster": True,
        }
        nodes.append(
            NodeRow(
                label,
                entity_id(label, c.name),
                props,
                aliases=list(dict.fromkeys([*c.aliases, *c.short_aliases])),
            )
        )
        if c.parent and c.parent in roster:
            parent = roster.get(c.parent)
            plabel = "Tribunal" if parent and parent.level == "tribunal" else "Court"
            edges.append((entity_id(label, c.name), entity_id(plabel, c.parent)))
    for e in taxonomy.entries:
        nodes.append(
            NodeRow(
                "Initiative",
                entity_id("Initiative", e.id_name),
                {
                    "name": e.name,
                    "name_en": e.english,
                    "category": e.category,
                    "description": e.description,
                    "description_zh": e.description_zh or None,
                    "origin": e.origin,
                    "curated": True,
                    "candidate": False,
                },
                aliases=list(e.aliases),
            )
        )
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="roster")
    # curated rows overwrite names and re-create ids: a reviewer's renames and merges of
    # reference entities are applied again, so a reload never undoes them
    review.reapply_entities(store, [n.id for n in nodes])
    store._write(
        [("MATCH (n:Entity {id: $id}) SET n.reference = $v", {"id": marker, "v": version})]
    )
    return True


# -- extraction → facts ---------------------------------------------------------------------
def initiative_id(name: str) -> str:
    """The node id of the initiative called `name`: a curated initiative renamed since its
    release keeps the id made of its released name (its facts and reviews keep theirs)."""
    from ingest.taxonomy import default_taxonomy

    return entity_id("Initiative", default_taxonomy().id_names.get(name, name))


_AGG = re.compile(r"^AGG:(?P<place>.+?)(全省|全市|全区|全州|全盟|两级|全县)?(法院|人民法院)?$")


#: 在全市两级法院全面推行X, 在全省法院推广X, 在全辖推开X: a court rolling X out to every court
#: of its area, the locative right before the verb that governs X in its clause (not 在辖区各村
#: 推行X: the villages of a court's area are no courts)
_ROLLOUT_AT = re.compile(
    r"在(?P<area>(?:(?P<whole>全[省市区州盟县])(?:各级|两级|三级|基层|各)?|"
    r"(?:全辖区?|辖区内?|所辖)(?:各级|两级|三级|基层|各)?|两级|三级|各级)(?:人民)?法院(?:系统)?|"
    r"全辖区?)(?:范围内|内)?(?P<gap>[^，,；;。！!？?：:、\n在]{0,8}?)"
    r"(?:推行|推广|推开|铺开|部署|开展|实施|实行|推进|落实)[^，,；;。！!？?：:\n]{0,4}$"
)
#: what makes such a clause a court's own first among the area's, not a roll-out (率先推行)
_FIRST_AMONG = re.compile(r"率先|首[家个批先]|第一|唯一|试点")
_LEVEL_SUFFIX = re.compile(r"(?:中级|高级)人民法院$")


def rollout_scope(a: Adoption) -> str | None:
    """The area a court's adoption or promotion covers when a sentence of it rolls the
    initiative out to every court there (甲市中院在全市两级法院全面推行X → 甲市全市两级法院;
    在全辖推开X → 全辖), else None: the fact's `scope`, as a group's (全市法院推行X) is."""
    if a.relation not in ("promoted", "adopted") or a.unit.startswith("AGG:"):
        return None
    for ev in a.evidence:
        at = ev.sentence.find(ev.quote) if ev.quote else -1
        if at <= 0:
            continue
        m = _ROLLOUT_AT.search(ev.sentence, max(0, at - 40), at)
        if m is None or _FIRST_AMONG.search(m.group("gap")):
            continue
        area = m.group("area")
        if not m.group("whole"):
            return area
        place = _LEVEL_SUFFIX.sub("", a.unit)
        return area if place == a.unit else place + area
    return None


class _Resolver:
    """Maps the extractor's court names and AGG labels to node ids."""

    def __init__(self, ex: Extraction) -> None:
        self.by_name: dict[str, CourtRef] = {c.name: c for c in ex.courts}
        try:
            from ingest.roster import build_roster

            self.roster: Any = build_roster()
        except Exception:  # noqa: BLE001 - the roster is optional for conversion
            self.roster = None

    def label(self, name: str) -> str:
        ref = self.by_name.get(name)
        if ref is not None:
            return "Tribunal" if ref.level == "tribunal" else "Court"
        rc = self.roster.get(name) if self.roster else None
        if rc is not None:
            return "Tribunal" if rc.level == "tribunal" else "Court"
        return "Tribunal" if name.endswith("法庭") else "Court"

    def unit(self, name: str | None) -> tuple[str | None, str | None]:
        """(node id, scope) of a unit name; AGG labels map to the court that leads the group."""
        if not name:
            return None, None
        if not name.startswith("AGG:"):
            return entity_id(self.label(name), name), None
        m = _AGG.match(name)
        if not m or not self.roster:
            return None, None
        place = m.group("place")
        for suffix in ("中级人民法院", "高级人民法院"):
            court = self.roster.get(place + suffix)
            if court is not None:
                return entity_id("Court", court.name), name[4:]
        return None, None


def as_written(
    doc: SourceDocument, start: int, end: int
) -> tuple[str | None, int | None, int | None]:
    """The sentence at text[start:end] as `doc`'s source writes it, with its offsets there
    (`SourceDocument.as_written`); (None, None, None) when the offsets are not the text's."""
    if not 0 <= start < end <= len(doc.text) or (doc.offsets and len(doc.offsets) != len(doc.text)):
        return None, None, None
    return doc.as_written(start, end)


def _ev(
    doc: SourceDocument,
    evidence: list[Evidence],
    date: str | None = None,
    precision: str | None = None,
    *,
    rule: str | None = None,
    confidence: float | None = None,
) -> list[EvidenceRow]:
    """The supporting sentences of one proposal (at most 3), each as normalized and as the
    source writes it (`EvidenceRow`), carrying the date that sentence gives (else `date`, the
    document's), the proposal's rule and confidence: the store folds them into the fact
    (earliest date, highest confidence, every rule)."""
    rows = []
    for e in evidence[:3]:
        written, a, b = (
            as_written(doc, e.start, e.end)
            if doc.text[e.start : e.end] == e.sentence
            else (None, None, None)
        )
        rows.append(
            EvidenceRow(
                sentence=e.sentence,
                start=e.start,
                end=e.end,
                quote=e.quote,
                date=e.date or date,
                date_precision=e.date_precision if e.date else (precision if date else None),
                rule=rule or None,
                confidence=confidence,
                # kept only where the source writes it otherwise: most sentences are stored once
                original_sentence=written if written != e.sentence else None,
                original_start=a,
                original_end=b,
            )
        )
    return rows


def _dated_first(a: Adoption) -> list[Evidence]:
    """`a`'s evidence with the sentence that gives its date first (only 3 are kept)."""
    if not a.date:
        return a.evidence
    return sorted(
        a.evidence, key=lambda e: (e.date, e.date_precision) != (a.date, a.date_precision)
    )


_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_QUOTE_ENDS = set(_QUOTE_PAIRS.values())


def unquoted_debris(surface: str) -> str:
    """`surface` without the quotation marks it opens or closes but does not pair: a mention
    cut out of “一站式”多元解纷机制 keeps a stray ” (一站式”多元解纷机制), which is no alias. A ’
    between Latin letters is an apostrophe (O’Brien), not a quote; of an odd number of ASCII
    ", only one goes: the last when the surface opens with one, else the first.

    >>> unquoted_debris("一站式”多元解纷机制"), unquoted_debris("“枫桥式”人民法庭")
    ('一站式多元解纷机制', '“枫桥式”人民法庭')
    >>> unquoted_debris('"枫桥式"法庭"'), unquoted_debris("O’Brien法官")
    ('"枫桥式"法庭', 'O’Brien法官')
    """
    if not any(c in _QUOTE_PAIRS or c in _QUOTE_ENDS or c == '"' for c in surface):
        return surface
    chars = list(surface)
    opened: list[int] = []
    for k, c in enumerate(chars):
        if c == "’" and 0 < k < len(chars) - 1 and _latin(chars[k - 1]) and _latin(chars[k + 1]):
            continue  # an apostrophe
        if c in _QUOTE_PAIRS:
            opened.append(k)
        elif c in _QUOTE_ENDS:
            if opened and _QUOTE_PAIRS[chars[opened[-1]]] == c:
                opened.pop()
            else:
                chars[k] = ""
    for k in opened:
        chars[k] = ""
    if surface.count('"') % 2:
        straight = [k for k, c in enumerate(chars) if c == '"']
        chars[straight[-1] if surface.startswith('"') else straight[0]] = ""
    return "".join(chars)


def _latin(c: str) -> bool:
    return c.isascii() and c.isalpha()


def aliases_of(name: str, mentions: Iterable[str]) -> list[str]:
    """The surfaces an entity was mentioned by, other than its name, as aliases (stray quotes
    taken out, each once)."""
    out = (unquoted_debris(m).strip() for m in mentions)
    return list(dict.fromkeys(a for a in out if a and a != name))


def _visit_facts(
    ex: Extraction,
    res: _Resolver,
    nodes: dict[str, NodeRow],
    mention: Callable[[str, str, list[Evidence]], None],
) -> list[FactRow]:
    """A learning visit (ingest.visits) as LEARNED_FROM facts from the visiting court to the
    host, one per initiative studied (`initiative`, its name; none when the text names
    none), dated by the sentence, else the document."""
    doc = ex.document
    out: list[FactRow] = []
    for v in ex.visits:
        src, _ = res.unit(v.visitor)
        dst, _ = res.unit(v.host)
        if src is None or dst is None or src == dst:
            continue
        for name, uid in ((v.visitor, src), (v.host, dst)):
            if uid not in nodes:
                nodes[uid] = NodeRow(res.label(name), uid, {"name": name})
            mention(uid, name, v.evidence)
        date, precision = (doc.date, "document") if doc.date else (None, None)
        for initiative in v.initiatives or [""]:
            props = {"initiative": initiative} if initiative else {}
            evidence = _ev(doc, v.evidence, date, precision, rule=v.rule, confidence=v.confidence)
            out.append(FactRow("LEARNED_FROM", src, dst, (initiative,), props, evidence))
    return out


def document_graph(ex: Extraction) -> DocumentGraph:
    """Everything an extraction contributes, as rows for `GraphStore.write_documents`."""
    doc = ex.document
    did = document_id(doc.content_hash)
    res = _Resolver(ex)
    nodes: dict[str, NodeRow] = {}
    mentions: dict[str, MentionRow] = {}
    facts: list[FactRow] = []

    def mention(node_id: str, surface: str, evidence: list[Evidence]) -> None:
        if node_id in mentions:
            mentions[node_id].count += 1
            return
        e = evidence[0] if evidence else None
        start = e.start if e else 0
        pos = doc.text.find(surface, e.start, e.end) if e and surface else -1
        if e:
            start = pos if pos >= 0 else e.start
        row = MentionRow(node_id, surface, e.sentence if e else "", start, start + len(surface))
        if e and doc.text[e.start : e.end] == e.sentence:
            # the name's place in the source; a sentence that does not write the name (a
            # court reached through a unit below it): the sentence's
            written, a, b = as_written(doc, e.start, e.end)
            if pos >= 0:
                _, a, b = as_written(doc, pos, pos + len(surface))
            row.original_sentence = written if written != e.sentence else None
            row.original_start, row.original_end = a, b
        mentions[node_id] = row

    for c in ex.courts:
        label = "Tribunal" if c.level == "tribunal" else "Court"
        cid = entity_id(label, c.name)
        nodes[cid] = NodeRow(
            label,
            cid,
            {
                "name": c.name,
                "level": c.level,
                "province": c.province,
                "city": c.city,
                "county": c.county,
                "adcode": c.adcode,
                "curated": False,
            },
            aliases=aliases_of(c.name, c.mentions),
        )
        mention(cid, c.mentions[0] if c.mentions else c.name, c.evidence)
        if c.parent:
            pid = entity_id(res.label(c.parent), c.parent)
            if pid not in nodes:
                plevel = "basic" if label == "Tribunal" else None
                nodes.setdefault(
                    pid, NodeRow(res.label(c.parent), pid, {"name": c.parent, "level": plevel})
                )
            mention(pid, c.parent, c.evidence)
            facts.append(FactRow("PART_OF", cid, pid, (), {}, _ev(doc, c.evidence)))

    for i in ex.initiatives:
        iid = initiative_id(i.name)
        nodes[iid] = NodeRow(
            "Initiative",
            iid,
            {"name": i.name, "candidate": i.candidate, "curated": False},
            aliases=aliases_of(i.name, i.mentions),
        )
        mention(iid, i.mentions[0] if i.mentions else i.name, i.evidence)

    for a in ex.adoptions:
        uid, scope = res.unit(a.unit)
        iid = initiative_id(a.initiative)
        if uid is None or iid not in nodes:
            continue
        if uid not in nodes:
            nodes[uid] = NodeRow(res.label(a.unit), uid, {"name": a.unit.removeprefix("AGG:")})
        # each sentence carries its own date; one that gives none carries the document's
        date, precision = (doc.date, "document") if doc.date else (None, None)
        props: dict[str, Any] = {"stage": a.relation}
        # a court's own fact covers its area when it rolls the initiative out there
        scope = scope or rollout_scope(a)
        if scope:
            props["scope"] = scope
        evidence = _ev(doc, _dated_first(a), date, precision, rule=a.rule, confidence=a.confidence)
        facts.append(FactRow("ADOPTED", uid, iid, (a.relation,), props, evidence))
        for e in facts[-1].evidence:
            e.quote = e.quote or a.initiative
        mention(uid, a.unit.removeprefix("AGG:"), a.evidence)

    facts.extend(_visit_facts(ex, res, nodes, mention))

    for o in ex.organizations:
        oid = entity_id("Organization", o.name)
        nodes[oid] = NodeRow(
            "Organization",
            oid,
            {"name": o.name, "type": o.type, "generic": o.generic},
            aliases=aliases_of(o.name, o.mentions),
        )
        mention(oid, o.mentions[0] if o.mentions else o.name, o.evidence)
        uid, _scope = res.unit(o.partner)
        if uid and uid in nodes:
            facts.append(
                FactRow(
                    "PARTNERS_WITH",
                    uid,
                    oid,
                    (),
                    {"relationship": o.relationship},
                    _ev(doc, o.evidence),
                )
            )

    for p in ex.people:
        uid, _scope = res.unit(p.unit)
        if uid and uid not in nodes and p.unit and p.unit in res.by_name:
            uid = None
        pid = entity_id("Person", p.name, uid)
        nodes[pid] = NodeRow(
            "Person",
            pid,
            {"name": p.name, "unit": p.unit},
            aliases=aliases_of(p.name, p.mentions),
        )
        mention(pid, p.mentions[0] if p.mentions else p.name, p.evidence)
        if uid:
            if uid not in nodes:
                nodes[uid] = NodeRow(res.label(p.unit or ""), uid, {"name": p.unit})
                mention(uid, p.unit or "", p.evidence)
            for role in p.roles or [""]:
                evidence = _ev(doc, p.evidence, rule=p.rule, confidence=p.confidence)
                facts.append(FactRow("HOLDS_ROLE", pid, uid, (role,), {"title": role}, evidence))

    for fig in ex.outcomes:
        uid, scope = res.unit(fig.unit)
        key = (
            uid or fig.unit,
            fig.metric,
            fig.value,
            fig.unit_of_measure,
            fig.period,
            fig.qualifier,
        )
        oid = entity_id("Outcome", *key)
        # one way of naming a figure, the one a reviewer's correction renames it by
        label = review.outcome_name(fig.metric, fig.qualifier, fig.value, fig.unit_of_measure)
        nodes[oid] = NodeRow(
            "Outcome",
            oid,
            {
                "name": label,
                "metric": fig.metric,
                "value": fig.value,
                "unit_of_measure": fig.unit_of_measure,
                "qualifier": fig.qualifier,
                "direction": fig.direction,
                "period": fig.period,
                "text": fig.text,
                "unit": fig.unit.removeprefix("AGG:"),
            },
        )
        mention(oid, fig.text or label, fig.evidence)
        figure_ev = _ev(doc, fig.evidence, rule=fig.rule, confidence=fig.confidence)
        if uid:
            if uid not in nodes:
                nodes[uid] = NodeRow(
                    res.label(fig.unit), uid, {"name": fig.unit.removeprefix("AGG:")}
                )
                mention(uid, fig.unit.removeprefix("AGG:"), fig.evidence)
            props = {"scope": scope} if scope else {}
            facts.append(FactRow("REPORTED", uid, oid, (), props, figure_ev))
        # the initiative the text credits the figure to (ingest.outcome_links names one of
        # this extraction's initiatives): outcome -REPORTED-> initiative, with the link's own
        # rule and confidence (ingest.confidence, kind "link")
        if fig.initiative:
            iid = initiative_id(fig.initiative)
            if iid in nodes:
                link_ev = _ev(
                    doc,
                    fig.evidence,
                    rule=fig.link_rule or "link:other",
                    confidence=fig.link_confidence,
                )
                facts.append(FactRow("REPORTED", oid, iid, (), {}, link_ev))

    props = {
        "title": doc.title or headline(doc.text) or "（无标题）",
        "date": doc.date,
        "date_source": doc.date_source,
        "date_note": doc.date_note,
        "urls": doc.urls,
        "paths": [recorded_path(doc)],
        "site": doc.site,
        "encoding": doc.encoding,
        "content_hash": doc.content_hash,
        "fingerprint": doc.fingerprint,
        "text": doc.text,
        "warnings": doc.warnings,
        "length": len(doc.text),
        "figures": figures(doc.text),
    }
    return DocumentGraph(
        did,
        {k: v for k, v in props.items() if v is not None},
        list(nodes.values()),
        list(mentions.values()),
        facts,
    )


# -- the run --------------------------------------------------------------------------------
def _repost_of(
    doc: SourceDocument,
    close: list[str],
    store: GraphStore | None,
    figures_of: dict[str, frozenset[str]],
    mine: frozenset[str] | None = None,
    sketches: Mapping[str, int] | None = None,
) -> str | None:
    """The known document `doc` reposts: nearly the same text (`close`: the documents within
    the fingerprint threshold, nearest first) and the same figures (`mine`: its figures, if
    known already). `sketches`: the figure sketches of known documents (their figures are
    read only where the sketch allows a match: `_worth_reading`)."""
    if not close:
        return None
    if mine is None:
        mine = frozenset(figures(doc.text))
    wanted = _worth_reading(close, mine, sketches, figures_of)
    _read_figures(wanted, store, figures_of)
    # a set whose size alone keeps its overlap with `mine` under the threshold (the Jaccard
    # index is at most the smaller size over the larger) is not compared (a little slack:
    # the exact test decides every pair the sizes could allow)
    n = len(mine)
    lo, hi = n * _MIN_OVERLAP - 1e-9, n / _MIN_OVERLAP + 1e-9
    get = figures_of.get
    wanted_set = set(wanted)
    for other in close:
        theirs = get(other)
        if theirs is None:
            if other not in wanted_set:  # its sketch rules a match out: not read
                continue
            theirs = _NO_FIGURES
        if lo <= len(theirs) <= hi and same_figures(mine, theirs, min_overlap=_MIN_OVERLAP):
            return other
    return None


def _worth_reading(
    close: list[str],
    mine: frozenset[str],
    sketches: Mapping[str, int] | None,
    figures_of: Mapping[str, frozenset[str]],
) -> list[str]:
    """The candidates in `close` whose figures are to be read for a document with figures
    `mine`: those not read yet whose figure sketch (`graph.summaries.figure_sketch`, kept
    with their fingerprints) allows the overlap of a repost — for the nearest, the half
    `ingest_paths` also tests — and those without one (listed before sketches were kept).
    Documents on a common template have ~64 candidates each, most of them other reports
    with other figures: their figures were read from the store, 3.9 new ids per document
    into a store of 2,500 and 28.5 into 26,000 (benchmarks/ingest_scale.py --sustained)."""
    if not sketches:
        return [other for other in close if other not in figures_of]
    ours = figure_sketch(mine)
    out = []
    for k, other in enumerate(close):
        if other in figures_of:
            continue
        theirs = sketches.get(other)
        if theirs is None or sketch_may_match(
            ours, theirs, min_overlap=_NEAREST_OVERLAP if k == 0 else _MIN_OVERLAP
        ):
            out.append(other)
    return out


_MIN_OVERLAP = 0.8  # of two documents' figures, for a repost (`same_figures`)
#: of a new document's figures with its nearest candidate's, for its text to be compared
#: (a corrected version: `corrected_figures`)
_NEAREST_OVERLAP = 0.5
#: near-duplicate candidates a new document is compared with: the nearest within the
#: fingerprint threshold, and every one within `REPOST_DISTANCE` however many. Documents on
#: one template are all within the threshold of each other: 1,000 generated articles
#: ingested into 5,000 had ~410 candidates each, ~3,450 into 45,000 (and 195 then 1,610
#: figure comparisons each, their figures read from the store: the client's CPU per document
#: went from 9 to 25 ms). The nearest alone can miss a repost: among 300 copies of an
#: article differing only in their figures its original ranked up to 148th
#: (`FingerprintIndex.within`)
CANDIDATES = 64
RECENT_TEXTS = 1000  # texts of the documents a run added last, kept to compare near copies with


_NO_FIGURES: frozenset[str] = frozenset()


def _read_figures(
    ids: Iterable[str], store: GraphStore | None, figures_of: dict[str, frozenset[str]]
) -> None:
    """The figures of the documents `ids` not yet in `figures_of`, in one read."""
    unread = sorted({i for i in ids if i not in figures_of})
    if not unread or store is None:
        return
    # one record of [id, figures] pairs: the driver's cost is per record, not per value
    rows = store.read(
        "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN collect([d.id, d.figures]) AS f",
        {"ids": unread},
        plain=True,
    )
    for other, found in rows[0]["f"] if rows else ():
        figures_of[other] = frozenset(found or ())
    for other in unread:  # gone meanwhile: no figures
        figures_of.setdefault(other, _NO_FIGURES)


def extract_graph(doc: SourceDocument) -> DocumentGraph | str:
    """The document's graph, or why its extraction failed (what `ingest_paths` writes; run
    in the extracting process when there is one)."""
    from ingest.extract import extract_document

    try:
        return document_graph(extract_document(doc))
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the batch
        return f"extraction failed: {type(exc).__name__}: {exc}"


#: files from which a run extracts in a process of its own (`_extractor`)
PROCESS_MIN_FILES = 200


def _die_with_parent(parent: int) -> None:
    """In the extracting process: end when the ingest ends, even by kill -9 (it would wait
    for work forever, holding the interpreter's memory and the inherited socket)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG, Linux
    except (OSError, AttributeError):  # not Linux: the check below only
        pass
    if os.getppid() != parent:  # the ingest died before the line above
        os._exit(1)


def _extractor(files: int) -> Any:
    """A process that extracts while this one reads, decides duplicates and writes (the
    writing thread then never waits for the extracting one to let go of the interpreter),
    or None: a small run (starting it costs more than it saves), a platform without
    `fork`, or a process running other threads (the explorer: forking them is unsafe)."""
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    if files < PROCESS_MIN_FILES or threading.active_count() > 1:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        pool.submit(int).result()  # forked now, while this process runs one thread
    except Exception:  # noqa: BLE001 - no process: extraction stays in this one
        pool.shutdown(wait=False)
        return None
    return pool


#: documents read ahead: their near-duplicate candidates' figures are read in one query
#: (a read per document with candidates was a round trip to a server busy writing)
READ_AHEAD = 64

#: documents the store holds per document of a batch's least size (above `min_batch`, up
#: to `STORE_BATCH_CEILING`, past `batch_size`): a write rewrites the document list of each
#: popular fact it adds to, a cost that follows the store, not the batch
#: (benchmarks/fact_lists.py: 190 ms of server CPU a write at 30,000 documents, 80 at
#: 10,000, whatever the batch holds), so a batch grows with the store and that cost per
#: document stays flat: 300 documents at 30,000, 1,000 at 100,000
STORE_PER_BATCH_DOCUMENT = 100

#: the most documents a batch holds for the store's sake (reached at 200,000 documents):
#: one write transaction, held whole in the embedded server's heap until it commits. Into
#: the default 1g heap at 30,000 documents, a write of 2,000 left the server at most 572 MB
#: after a full collection, writes of 512 520 MB (a quarter of the heap is ArcadeDB's page
#: cache): benchmarks/results/batch-heap-seventeenth-speed11b.json
STORE_BATCH_CEILING = 2000


def iter_documents(
    files: list[Path],
    report: IngestReport,
    progress: ProgressFn | None = None,
    manifest: dict[str, dict[str, Any]] | None = None,
    names: Mapping[str, str] | None = None,
) -> Iterator[SourceDocument]:
    """Read files in order; failures go to `report.failed`, never stop the iteration.

    `names`: what to record instead of a file's path (an upload: its original name).
    """
    from ingest.readers import manifest_key, read_document

    for n, path in enumerate(files, 1):
        given = (names or {}).get(str(path))
        shown, note = shown_path(given if given is not None else str(path))
        if progress:
            progress(n, len(files), shown)
        report.read += 1
        try:
            # (a manifest's key resolves the path: a few file system calls, only if needed)
            doc = read_document(path, meta=manifest.get(manifest_key(path)) if manifest else None)
        except UnreadableDocument as exc:
            report.failed.append((shown, _clean(exc.reason)))
            continue
        except (OSError, CourtgraphError) as exc:
            reason = f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)
            report.failed.append((shown, _clean(reason)))
            continue
        doc.read_from = str(path)
        doc.path = shown
        if note:
            doc.warnings.append(note)
        yield doc


def ingest_paths(
    store: GraphStore | None,
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    batch_size: int = 512,
    min_batch: int = 64,
    manifest: str | Path | None = None,
    reference_data: bool = True,
    names: Mapping[str, str] | None = None,
    collection: str | None = None,
) -> IngestReport:
    """Ingest files and folders into `store` (None with dry_run: extract only).

    `collection`: the collection every document goes to (a document already in the graph
    joins it too); without one, a folder's `collection.json` names it (the same), else new
    documents go to the folder's name, files given one by one (and files in `names`: their
    folder is ours, not the user's) to 未分类 (graph/collections.py).

    `manifest`: a CSV or JSONL file with path/url/title/date/site per document.
    `names`: file path → the name to record and report instead (uploads: the original name).
    `reference_data`: load the court roster and initiative taxonomy first (once per version).
    `min_batch`, `batch_size`: documents per write transaction; a batch is written by a
    second thread while the next is extracted, and is sent when the writer is free (at
    least `min_batch` documents, and one per `STORE_PER_BATCH_DOCUMENT` documents the store
    holds, at most `STORE_BATCH_CEILING`) or when it is full (`batch_size`, or the store's
    share if larger). A write's cost that follows the store
    rather than its documents (a popular entity's counts and lists, an initiative's adoption
    summary: rewritten once per transaction) is shared by the documents of a batch: 512 took
    22.6 ms of CPU per document into a store of 200,000 documents where 128 took 26.5
    (benchmarks/ingest_scale.py). So does a transaction's own cost (some 40 statements, the
    commit): on a machine quiet enough for the writer to be free at every 16th document, a
    batch was 16 documents, at 3.5-5.0 ms of the server's query CPU per document where
    batches of 64 took 2.3-2.6 (and ~1 ms less of this process's); 64 is also `READ_AHEAD`.
    What a large batch changes for users: a document shows in the store (the explorer, a
    query) only when its batch commits — in a store of 100,000 a batch is 1,000 documents, so
    up to some 2,000 read after it (one batch filling while one is written: half a minute at
    70 a second) —, while the progress shown counts files read as before; this process holds
    those two batches' graphs; a crash or kill -9 loses the batches not yet committed whole,
    never part of a document, and ingesting the same files again writes them.

    Documents are read `READ_AHEAD` at a time: the figures of their near-duplicate candidates
    are read in one query. The known documents' fingerprints are read by the writer's thread
    while the first documents are read and extracted (in a store of 200,000 documents that
    read takes seconds); those documents are then taken in order like the others, so a run
    that finds them known has extracted them for nothing.

    With `PROCESS_MIN_FILES` files or more (and no other thread in this process, which
    forking would copy half-way), extraction runs in a forked process: each window of
    documents is sent to it as soon as it is read and looked up (a document that is known
    or reposts a known one is not sent), one window ahead of the documents being taken in
    order; what it sends back is written as if extracted here. In one process the writing
    thread waited for the extracting one to let go of the interpreter before each of its
    calls to the server. Duplicates are still decided here, in order; should that process
    die, the rest of the run extracts here.
    """
    import ingest.extract  # noqa: F401 - loaded before the extracting process is forked

    with _heap_frozen():
        return _ingest_paths(
            store,
            paths,
            dry_run=dry_run,
            progress=progress,
            batch_size=batch_size,
            min_batch=min_batch,
            manifest=manifest,
            reference_data=reference_data,
            names=names,
            collection=collection,
        )


_FREEZE_LOCK = threading.Lock()
_freeze = {"runs": 0, "ours": False}  # runs in this process now; whether they froze the heap


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """The objects alive now (the modules, the roster, the extractor's tables: most of this
    process's heap) left out of the garbage collector's full passes while documents are
    ingested, and given back to it after. A full pass walks every object the collector tracks;
    the documents' rows and the driver's records make one every hundred documents or so, and
    each walked the whole heap: 0.95 ms of this process's CPU per document written into a
    store of 50,000 documents, 0.18 with it frozen (benchmarks/ingest_scale.py, 300 articles,
    GC callbacks timed). The extracting process is forked with the heap frozen.

    Runs in one process at once (two imports in the explorer) share it: the heap is given
    back when the last of them ends, and only if the first found it unfrozen. Given back, it
    is collected at once: the driver's results of the run's writes (and their parameters: the
    documents' rows) are reference cycles, and a run's last ones are still uncollected when it
    ends — frozen by the next run in the same process, they were never collected (the sustained
    benchmark's process grew ~25 objects, ~15 KB, a document written: 173k → 658k objects over
    20,000 documents; flat with this collection, 70–95 ms a run)."""
    with _FREEZE_LOCK:
        if _freeze["runs"] == 0:
            _freeze["ours"] = gc.get_freeze_count() == 0
        _freeze["runs"] += 1
        gc.freeze()
    try:
        yield
    finally:
        with _FREEZE_LOCK:
            _freeze["runs"] -= 1
            if _freeze["runs"] == 0 and _freeze["ours"]:
                gc.unfreeze()
                gc.collect()


def _freeze_more() -> None:
    """Leave what a run has read since it began out of the full passes too (while a run that
    will give it back is going on; never after the last one ended)."""
    with _FREEZE_LOCK:
        if _freeze["runs"]:
            gc.freeze()


def _ingest_paths(
    store: GraphStore | None,
    paths: Iterable[str | Path],
    *,
    dry_run: bool,
    progress: ProgressFn | None,
    batch_size: int,
    min_batch: int,
    manifest: str | Path | None,
    reference_data: bool,
    names: Mapping[str, str] | None,
    collection: str | None,
) -> IngestReport:
    """`ingest_paths`, with the heap frozen."""
    from ingest.readers import read_manifest

    report = IngestReport(dry_run=dry_run)
    paths = list(paths)
    files, bad = expand_paths(paths, report.same_files)
    report.failed.extend(bad)
    report.unreached = len(bad)
    collection_of = collection_chooser(paths, collection, renamed=names or {}, files=files)
    meta: dict[str, dict[str, Any]] = {}
    if manifest is not None:
        try:
            meta = read_manifest(manifest)
        except UnreadableDocument as exc:
            report.failed.append((shown_path(str(manifest))[0], _clean(exc.reason)))
    # (started before the writing thread: the extracting process is forked from this one)
    pool = _extractor(len(files))
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write")
    # the known documents' fingerprints are read (a few seconds in a store of 200,000
    # documents) while the first documents are read and extracted (`early`)
    # the known documents' figure sketches, read with their fingerprints: a candidate's
    # figures are read only when its sketch allows a repost (`_worth_reading`)
    sketches: dict[str, int] = {}
    loading: Future[dict[str, str]] | None = None
    if store is not None:
        if reference_data and not dry_run:
            load_reference_data(store)
        loading = writer.submit(store.document_fingerprints, sketches)
    known: set[str] = set()
    added_here: set[str] = set()  # documents this run added (a later copy is no 'unchanged')
    placed_here: set[str] = set()  # known documents a file of this run repeated (`place`)
    # a dry run: the files repeating a document (its id, the file's path, where it was read
    # from), placed at the end as a real run would place them (`place_dry_run`), and the
    # collections a real run's write would return for a document (read, or as it would write)
    to_place: list[tuple[str, str, str]] = []
    dry_collections: dict[str, list[str]] = {}
    # each document's figures, as sets: a document on a common template (a monthly report)
    # has hundreds of candidates within the fingerprint threshold, each compared
    figures_of: dict[str, frozenset[str]] = {}
    index = FingerprintIndex()
    pending: list[DocumentGraph] = []
    paths_of: dict[str, str] = {}  # documents waiting in `pending`: id → path
    # at most one batch: (its tallies, its paths, the documents the store refused)
    writing: list[Future[tuple[list[WriteTally], dict[str, str], dict[str, str]]]] = []

    def write(
        batch: list[DocumentGraph], paths: dict[str, str]
    ) -> tuple[list[WriteTally], dict[str, str], dict[str, str]]:
        assert store is not None
        refused: dict[str, str] = {}  # doc id -> why
        try:
            parts = [(batch, store.write_documents(batch))]
        except UnicodeError:
            # a value the store's encoder refuses (found before anything is sent): the
            # documents one by one, so that only the one holding it fails
            parts = []
            for graph in batch:
                try:
                    parts.append(([graph], store.write_documents([graph])))
                except UnicodeError as exc:
                    refused[graph.id] = f"the store refused a character of it: {exc}"
        for docs, tally in parts:
            # review decisions (graph/review.py) win over what was just extracted again;
            # what the new documents support is known from their rows, not read back
            review.reapply_written(store, docs, tally.known_docs)
        return [tally for _docs, tally in parts], paths, refused

    def collect() -> None:
        """Wait for the batch being written; count what it added."""
        if not writing:
            return
        tallies, paths, refused = writing.pop().result()
        for did, why in refused.items():
            known.discard(did)
            path = paths.pop(did, None)
            if path is not None:
                report.added.remove(path)
                report.failed.append((path, why))
        for tally in tallies:
            report.entities_added += tally.new_entities
            report.facts_added += tally.new_facts
            # written meanwhile by another process: unchanged, not added, by this run
            for did in tally.known_docs:
                path = paths.pop(did, None)
                if path is not None:
                    report.added.remove(path)
                    report.unchanged.append(path)

    def flush(*, wait: bool = True) -> None:
        """Hand the pending documents to the writer (one transaction: whole documents only
        after a crash), which writes them while the next ones are extracted."""
        if pending and store is not None and not dry_run:
            collect()
            writing.append(writer.submit(write, list(pending), dict(paths_of)))
        pending.clear()
        paths_of.clear()
        if wait:
            collect()

    def extract(doc: SourceDocument) -> DocumentGraph | str:
        """The document's graph, or why its extraction failed."""
        return extract_graph(doc)

    # the texts of the documents this run added last (all of them in a dry run, which writes
    # none): a near copy is most often of one read shortly before, and is compared with it
    # without waiting for its write
    texts_here: OrderedDict[str, str] = OrderedDict()

    def text_of(did: str) -> str | None:
        """The text of a document added by this run or known to the store (asked only of the
        nearest near-duplicate of a new document)."""
        if did in texts_here:
            return texts_here[did]
        if store is None:
            return None
        if did in added_here:
            flush()  # added by this run long ago: written, or waiting in the batch
        rows = store.read("MATCH (d:Document {id: $id}) RETURN d.text AS text", {"id": did})
        return str(rows[0]["text"] or "") if rows else None

    died = False  # the extracting process died (on the first document it left unfinished)

    def stop_pool() -> None:
        nonlocal pool
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None

    def submit(doc: SourceDocument) -> Any:
        """`doc` sent to the extracting process (its future), or None when that process
        is gone (then it is extracted here, in order)."""
        if pool is None:
            return None
        try:
            return pool.submit(extract_graph, doc)
        except (BrokenProcessPool, RuntimeError):
            stop_pool()
            return None

    def extracted(doc: SourceDocument, ahead: Any) -> DocumentGraph | str:
        """The graph the extracting process made of `doc` (`ahead`: its future), else made
        here. Should that process die, `doc` — the first document it had not finished, the
        one it died on — is reported as failed rather than tried again here (what killed a
        process would kill this one), and the rest of the run extracts here."""
        nonlocal died
        if ahead is not None:
            try:
                graph: DocumentGraph | str = ahead.result()
                return graph
            except BrokenProcessPool:
                stop_pool()
                if not died:  # the first future it left unfinished (they run in order)
                    died = True
                    return "extraction failed: the extracting process died on this document"
            except Exception:  # noqa: BLE001 - e.g. a graph that could not be sent back
                pass
        return extract(doc)

    def place(did: str, doc: SourceDocument) -> None:
        """A file whose document is in the graph already (known, or one it reposts): its URLs
        and path recorded on that document, which joins the collection named for the file
        (`--collection` or a collection.json: the summary counts those that joined, which a
        run naming a collection for a folder read before is for). Without one it stays
        where it is, and the report says whether that is the collection a new document
        would have gone to (the folder's name: a re-run of a folder) or others."""
        assert store is not None
        flush()  # the known document may still be waiting in this batch
        had = store.add_document_urls(did, doc.urls, [recorded_path(doc)])
        settle(did, doc.path, doc.read_from or doc.path, had)

    def settle(did: str, path: str, source: str, had: list[str]) -> None:
        """`place`'s report of a file whose document had the collections `had` (a dry run:
        the document's collections as a real run would find them, kept up to date)."""
        again = did in added_here or did in placed_here
        placed_here.add(did)
        if again:
            report.repeated_here.add(path)
        coll, named = collection_of(source)
        if named:
            if coll not in had:
                if dry_run:
                    had.append(coll)
                else:
                    assert store is not None
                    add_to_collection(store, did, coll)
                report.joined[path] = coll
        elif coll not in (had or [DEFAULT_COLLECTION]):
            if not again:  # each document once
                report.elsewhere[path] = list(had) or [DEFAULT_COLLECTION]
            return
        report.collections[path] = coll

    def place_dry_run() -> None:
        """A dry run's files repeating a document, placed as a real run would (the summary
        says which known documents would join a collection): the known documents'
        collections read 500 at a time."""
        if store is None:
            return
        wanted = sorted({did for did, _p, _s in to_place} - dry_collections.keys())
        for i in range(0, len(wanted), 500):
            rows = store.read(
                "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.collections AS c",
                {"ids": wanted[i : i + 500]},
            )
            dry_collections.update({r["id"]: list(r["c"] or []) for r in rows})
        for did, path, source in to_place:
            settle(did, path, source, dry_collections.setdefault(did, []))

    def handle(
        doc: SourceDocument,
        near: list[tuple[str, int]] | None,
        graph: DocumentGraph | str | Future | None,
        start: int = 0,
        mine: frozenset[str] | None = None,
    ) -> None:
        """One document read, in order: known, a repost, or new (extracted unless `graph`
        is given, or a future of it). `near`: its near-duplicate candidates among the
        documents known when its window was read ahead (the first `start` of the index),
        nearest first (None: not looked up). `mine`: its figures, given when `near` was
        found to hold no document it reposts (then only those added since are compared)."""
        did = document_id(doc.content_hash)
        if did in known:
            if did in added_here:  # a file read earlier in this run had the same text
                report.copies[doc.path] = did
                if not doc.urls:
                    report.without_url.add(doc.path)
            else:
                report.unchanged.append(doc.path)
                report.repeats[doc.path] = did
            if store is not None and not dry_run:
                place(did, doc)
            elif store is not None:
                to_place.append((did, doc.path, doc.read_from or doc.path))
            return
        fp = doc.fingerprint
        if near is None:
            close = index.within(fp, limit=CANDIDATES, keep=REPOST_DISTANCE)
        elif mine is not None:  # `near` holds none it reposts: those added since, if any
            close = index.within(fp, start=start, limit=CANDIDATES, keep=REPOST_DISTANCE)
        else:  # and those added since (nearest first; equally near: in the order added)
            since = index.within(fp, start=start, limit=CANDIDATES, keep=REPOST_DISTANCE)
            close = sorted(near + since, key=lambda kv: kv[1])
            close = close[: max(CANDIDATES, sum(d <= REPOST_DISTANCE for _k, d in close))]
        if mine is None:
            mine = frozenset(figures(doc.text))
        twin = _repost_of(doc, [other for other, _d in close], store, figures_of, mine, sketches)
        if twin and not repeats_short_text(doc.text, lambda: text_of(str(twin))):
            twin = None  # a short text: its fingerprint cannot tell (`repeats_short_text`)
        if twin and (before := text_of(twin)) and (changes := changed_figures(doc.text, before)):
            # nearly the same text, but a figure corrected or updated: a repost would lose it
            report.updates.append((doc.path, twin, changes))
            twin = None
        elif (
            not twin
            and close
            # most figures alike (read with the repost test): the text is worth reading
            # (not read: its figure sketch rules half of them alike out)
            and close[0][0] in figures_of
            and same_figures(mine, figures_of[close[0][0]], min_overlap=_NEAREST_OVERLAP)
            and (before := text_of(close[0][0]))
            and (changes := corrected_figures(doc.text, before))
        ):
            # new anyway (its figures differ too much for a repost): a near copy that changes
            # a few of the figures both give is a corrected version, and the summary says so;
            # one that changes most is the next report on the same template, and says nothing
            report.updates.append((doc.path, close[0][0], changes))
        if twin:
            report.reposts.append((doc.path, twin))
            if not doc.urls:
                report.without_url.add(doc.path)
            if store is not None and not dry_run:
                place(twin, doc)
            elif store is not None:
                to_place.append((twin, doc.path, doc.read_from or doc.path))
            return
        coll, named = collection_of(doc.read_from or doc.path)
        report.collections[doc.path] = coll
        if graph is None:
            graph = extract(doc)
        elif isinstance(graph, Future):  # extracted ahead, in the extracting process
            graph = extracted(doc, graph)
        if isinstance(graph, str):
            report.failed.append((doc.path, graph))
            return
        for w in doc.warnings:
            report.warnings.append((doc.path, w))
        graph.props["collections"] = [coll]
        if not named:  # a default collection: for a new document only (graph/store.py)
            graph.props["collections_if_new"] = True
        if dry_run:
            dry_collections[did] = [coll]
        known.add(did)
        added_here.add(did)
        index.add(did, doc.fingerprint)
        figures_of[did] = mine
        texts_here[did] = doc.text
        if len(texts_here) > RECENT_TEXTS and store is not None and not dry_run:
            texts_here.popitem(last=False)
        report.added.append(doc.path)
        paths_of[did] = doc.path
        for key, n in (
            ("documents", 1),
            ("nodes", len(graph.nodes)),
            ("facts", len(graph.facts)),
            ("mentions", len(graph.mentions)),
        ):
            report.planned[key] = report.planned.get(key, 0) + n
        pending.append(graph)
        # a batch grows while the writer is busy (up to `batch_size`), so the store's cost
        # per transaction is shared by more documents when writing is the slower side, and
        # with the store (`STORE_PER_BATCH_DOCUMENT`, past `batch_size` up to the ceiling)
        least = max(min_batch, min(STORE_BATCH_CEILING, len(known) // STORE_PER_BATCH_DOCUMENT))
        if len(pending) >= max(batch_size, least) or (
            len(pending) >= least and not (writing and not writing[0].done())
        ):
            flush(wait=False)

    try:
        stream = iter_documents(files, report, progress, meta, names)
        early: list[tuple[SourceDocument, Any]] = []
        if loading is not None:
            # extracted before it is known whether they are new (by the extracting process:
            # as many as it will have done by then, at most `READ_AHEAD` ahead of it)
            while not loading.done():
                if pool is not None and len(early) >= READ_AHEAD:
                    ahead = early[-READ_AHEAD][1]  # (it extracts them in order)
                    if not ahead.done():
                        wait([loading, ahead], return_when=FIRST_COMPLETED)
                        continue
                doc = next(stream, None)
                if doc is None:
                    break
                early.append((doc, extract(doc) if pool is None else submit(doc)))
            fingerprints = loading.result()
            known.update(fingerprints)
            index.add_many(fingerprints)
            del fingerprints
            _freeze_more()  # the known documents too (a set of 200,000 ids: walked at every pass)
        docs = itertools.chain(early, ((doc, None) for doc in stream))

        def look_ahead() -> (
            list[tuple[SourceDocument, Any, Any, int, frozenset[str] | None]] | None
        ):
            """The next window: each document with its near-duplicate candidates among
            those known now and its graph (given, a future of the extracting process for a
            document that looks new, or None), the index's size now, and its figures when
            those candidates hold no document it reposts (else None)."""
            window = list(itertools.islice(docs, READ_AHEAD))
            if not window:
                return None
            start = len(index)
            near = [
                None
                if document_id(doc.content_hash) in known
                else index.within(doc.fingerprint, limit=CANDIDATES, keep=REPOST_DISTANCE)
                for doc, _graph in window
            ]
            # the figures of those candidates that could match, in one read
            figures_here = [
                None if found is None else frozenset(figures(doc.text))
                for (doc, _graph), found in zip(window, near, strict=True)
            ]
            _read_figures(
                (
                    other
                    for found, ours in zip(near, figures_here, strict=True)
                    if found and ours is not None
                    for other in _worth_reading([o for o, _d in found], ours, sketches, figures_of)
                ),
                store,
                figures_of,
            )
            out: list[tuple[SourceDocument, Any, Any, int, frozenset[str] | None]] = []
            for (doc, graph), found, ours in zip(window, near, figures_here, strict=True):
                # new unless it reposts a known document (its candidates' figures are read)
                # or one read since (then it was extracted for nothing)
                mine = None
                if graph is None and pool is not None and found is not None:
                    mine = ours
                    others = [other for other, _d in found]
                    if _repost_of(doc, others, store, figures_of, mine, sketches) is None:
                        graph = submit(doc)
                    else:
                        mine = None
                out.append((doc, found, graph, start, mine))
            return out

        # the next window is read and sent to the extracting process before this one is
        # taken in order (its candidates among the documents known then; those added
        # meanwhile are looked at from `start` on)
        window = look_ahead()
        while window is not None:
            following = look_ahead()
            for doc, found, graph, start, mine in window:
                handle(doc, found, graph, start, mine)
            window = following
        flush()
        if dry_run:
            place_dry_run()
    finally:
        writer.shutdown(wait=True)
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return report
