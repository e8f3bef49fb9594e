"""Zip containers (.docx, .xlsx) opened without trusting them: a guard against zip bombs.

A 1 MB .docx can hold a document.xml that inflates to 1 GB; the libraries that read Office
files unpack whole parts into memory. `load_zip` reads the file once, checks the sizes its
directory declares, then inflates every member in chunks with a running cap (declared sizes can
lie), and hands back the verified bytes for the .docx reader or openpyxl to open.

Example:
    >>> data = load_zip("roster.xlsx")  # doctest: +SKIP
    >>> openpyxl.load_workbook(io.BytesIO(data), read_only=True)  # doctest: +SKIP
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

__all__ = ["MAX_MEMBERS", "MAX_UNPACKED", "ArchiveError", "ArchiveTooLarge", "load_zip"]

MAX_UNPACKED = 100_000_000  # bytes, all members together (a long report with photos: ~20 MB)
MAX_MEMBERS = 5_000
# markup parsed whole into a tree costs 15-30 bytes of memory a byte of XML (the .docx reader
# streams its body instead, ingest/readers.py; openpyxl streams a sheet): one
# part may hold at most this much (a 300-page work report's document.xml: ~5 MB), and a part
# past `_RATIO_FROM` that inflates more than `MAX_RATIO` times is a bomb of tiny elements
# (a 313 KB .docx whose 95 MB of empty paragraphs took ingest to 2.9 GB); real Office XML
# compresses 5-20 times
MAX_MARKUP_PART = 32_000_000
MAX_RATIO = 100
_RATIO_FROM = 2_000_000
_MARKUP = (".xml", ".rels", ".vml")
_CHUNK = 1 << 20


def _check_markup(info: zipfile.ZipInfo, size: int) -> None:
    """Refuse a markup part that has inflated to `size` bytes so far, if that is more than
    a part may hold or more than a real part's compression allows."""
    if size > MAX_MARKUP_PART:
        raise ArchiveTooLarge(
            f"too large when unpacked: {info.filename} holds more than {MAX_MARKUP_PART:,} "
            "bytes of markup; save it as a smaller file"
        )
    if size > _RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
        raise ArchiveTooLarge(
            f"too large when unpacked: {info.filename} inflates more than {MAX_RATIO} times "
            f"({info.compress_size:,} bytes packed); a zip bomb?"
        )


class ArchiveError(Exception):
    """A zip container that is damaged or not a zip file; the message says why."""


class ArchiveTooLarge(ArchiveError):
    """A zip container that would unpack to more than the limit (a zip bomb, or just huge)."""


def load_zip(
    source: str | Path | bytes,
    *,
    max_unpacked: int = MAX_UNPACKED,
    max_members: int = MAX_MEMBERS,
) -> bytes:
    """The bytes of a zip container, once its unpacked size is known to be within limits.

    Raises `ArchiveTooLarge` when the declared sizes, the number of members or the bytes
    actually inflated exceed the limits (reading stops at the limit, so memory stays bounded),
    and `ArchiveError` when the archive is damaged.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > max_members:
                raise ArchiveTooLarge(
                    f"too large when unpacked: {len(infos):,} parts (limit {max_members:,})"
                )
            declared = sum(i.file_size for i in infos)
            if declared > max_unpacked:
                biggest = max(infos, key=lambda i: i.file_size)
                raise ArchiveTooLarge(
                    f"too large when unpacked: its parts declare {declared:,} bytes "
                    f"({biggest.filename} alone {biggest.file_size:,}; limit {max_unpacked:,}); "
                    "a zip bomb, or save it as a smaller file"
                )
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                markup = info.filename.lower().endswith(_MARKUP)
                size = 0
                with zf.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        size += len(chunk)
                        if markup:
                            _check_markup(info, size)
                        if total > max_unpacked:
                            raise ArchiveTooLarge(
                                f"too large when unpacked: more than {max_unpacked:,} bytes "
                                f"(reading stopped in {info.filename}, which declares "
                                f"{info.file_size:,}); a zip bomb?"
                            )
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise ArchiveError(f"damaged or not a zip file: {exc}") from exc
    except (OSError, ValueError, RuntimeError, zlib.error) as exc:  # encrypted members, …
        raise ArchiveError(f"damaged zip file: {type(exc).__name__}: {exc}") from exc
    return data
