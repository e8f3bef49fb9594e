"""Backups of the embedded store: a consistent copy taken while it runs, restored into an
empty data directory.

`backup(data_dir, output)` asks the running ArcadeDB server for `BACKUP DATABASE` (over its
loopback HTTP API, with the generated root password): the server writes a ZIP of a snapshot of
the database files taken when the command starts, without stopping readers or writers, so a
backup taken during an ingest holds whole documents only. The archive is then moved to
`output` (mode 0600: it holds every document).

`restore(data_dir, archive)` unpacks such an archive into a data directory that does not exist
or is empty, then starts the server on it, which checks the files open as a database.

Neo4j has its own tools (`neo4j-admin database dump` / `load`, or an online backup on
Enterprise): see the README's "Backups" section.

    >>> backup(Path("data/graph"), Path("court-2026-12-05.zip"))  # doctest: +SKIP
    >>> restore(Path("data/restored"), Path("court-2026-12-05.zip"))  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import zipfile
from pathlib import Path

from graph.embedded import DATABASE, EmbeddedServer
from graph.errors import CourtgraphError, StoreUnavailable

BACKUP_TIMEOUT = 3600.0  # seconds the server may take to write the archive
_REQUIRED = ("configuration.json", "schema.json")  # in every ArcadeDB database archive


def _database_dir(data_dir: Path) -> Path:
    """Where the embedded server keeps the courtgraph database (its root is `databases/`)."""
    return data_dir / "databases" / "databases" / DATABASE


def backup(data_dir: Path, output: Path, *, heap: str = "1g", force: bool = False) -> int:
    """Write a consistent copy of the embedded store in `data_dir` to `output` (a ZIP),
    starting the server if needed. Returns the archive's size in bytes.

    `output` must end in .zip: a backup named b.txt is a ZIP nobody would take for one (the
    name is refused rather than changed, so the file is where the command said). `restore`
    reads a backup by its content, whatever its name. An existing `output` is refused unless
    `force`: it may be the only good copy a court has (it was replaced without a word)."""
    output = Path(output)
    if output.suffix.lower() != ".zip":
        raise CourtgraphError(
            f"{output}：备份是 ZIP 文件，文件名应以 .zip 结尾（例如 -o "
            f"{output.with_name(output.stem + '.zip') if output.stem else 'backup.zip'}）"
        )
    if not output.parent.is_dir():
        raise CourtgraphError(f"{output}：文件夹 {output.parent} 不存在")
    if not force and (output.exists() or output.is_symlink()):
        raise CourtgraphError(
            f"{output} 已存在：备份不覆盖已有的文件（它可能是唯一一份好的备份）。请换一个文件名"
            f"（例如 -o {_free_name(output)}），或加 --force 覆盖它"
        )
    server = EmbeddedServer(data_dir, heap=heap)
    server.connect_info()  # started if needed
    name = f"courtgraph-{secrets.token_hex(8)}.zip"  # a plain file name: no path allowed
    written = server.data_dir / "databases" / "backups" / DATABASE / name
    try:
        answer = server.admin(
            f"command/{DATABASE}",
            {"language": "sql", "command": f"BACKUP DATABASE file://{name}"},
            timeout=BACKUP_TIMEOUT,
        )
    except StoreUnavailable:
        written.unlink(missing_ok=True)
        raise
    result = (answer.get("result") or [{}])[0]
    if result.get("result") != "OK" or not written.is_file():
        written.unlink(missing_ok=True)
        raise StoreUnavailable(f"内嵌服务器没有写出备份：{answer}")
    tmp = output.with_name(f".{output.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.replace(written, tmp)  # same file system: a rename
        except OSError:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out, written.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
        os.chmod(tmp, 0o600)
        os.replace(tmp, output)  # whole or not at all
    finally:
        written.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return output.stat().st_size


def _free_name(output: Path) -> Path:
    """A name beside `output` no file has: b.zip -> b-2024-06-01.zip (-2, -3 … if taken)."""
    import datetime as dt

    stem = f"{output.stem}-{dt.date.today().isoformat()}"
    candidate, n = output.with_name(f"{stem}.zip"), 1
    while candidate.exists():
        n += 1
        candidate = output.with_name(f"{stem}-{n}.zip")
    return candidate


def _members(archive: Path) -> list[zipfile.ZipInfo]:
    """The archive's files, after checking it is an ArcadeDB database backup whose names
    stay inside the folder it is unpacked into."""
    try:
        with zipfile.ZipFile(archive) as z:
            members = z.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise CourtgraphError(f"{archive}：不是 courtgraph 备份（不是 ZIP 文件：{exc}）") from exc
    names = {m.filename for m in members}
    missing = [n for n in _REQUIRED if n not in names]
    if missing:
        raise CourtgraphError(
            f"{archive}：不是 courtgraph 备份（缺少 {', '.join(missing)}；备份请用 "
            "`python -m graph backup -o FILE`）"
        )
    for m in members:
        n = m.filename
        if m.is_dir() or "/" in n or "\\" in n or n in (".", "..") or n.startswith(".") or not n:
            raise CourtgraphError(f"{archive}：含有意外的条目 {n!r}；未恢复")
    return members


def restore(data_dir: Path, archive: Path, *, heap: str = "1g") -> None:
    """Unpack a backup into `data_dir`, which must not exist or be empty, then start the
    embedded server on it."""
    archive = Path(archive)
    # the file first (a wrong name is the likelier mistake), then the directory: both
    # reasons when both hold, so one fix is not followed by another refusal
    problems: list[str] = []
    members: list[zipfile.ZipInfo] = []
    if not archive.is_file():
        problems.append(f"{archive}：没有这个备份文件")
    else:
        try:
            members = _members(archive)
        except CourtgraphError as exc:
            problems.append(str(exc))
    data_dir = Path(data_dir).resolve()
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        problems.append(
            f"{data_dir} 不是空目录：恢复从不覆盖已有的图库。请恢复到一个新目录"
            "（COURTGRAPH_DATA_DIR=… python -m graph restore FILE），或先把这个目录移走"
        )
    if problems:
        raise CourtgraphError("\n".join(problems))
    need = sum(m.file_size for m in members)
    parent = data_dir if data_dir.exists() else data_dir.parent
    if parent.exists() and shutil.disk_usage(parent).free < need:
        raise CourtgraphError(f"{archive} 解压后需要 {need / 1e6:.0f} MB；{parent} 的剩余空间不够")
    server = EmbeddedServer(data_dir, heap=heap)
    server._make_data_dir(announce=False)  # 0700, and ours; not "a new, empty store"
    target = _database_dir(server.data_dir)
    old = os.umask(0o077)
    try:
        target.mkdir(parents=True, mode=0o700)
        with zipfile.ZipFile(archive) as z:
            for m in members:
                fd = os.open(target / m.filename, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out, z.open(m) as src:
                    shutil.copyfileobj(src, out, 1 << 20)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(server.data_dir / "databases")
        raise CourtgraphError(f"{archive}：无法恢复：{exc}") from exc
    finally:
        os.umask(old)
    server.connect_info()  # the server opens the restored files, or says why not
