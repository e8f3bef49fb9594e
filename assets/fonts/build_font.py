"""Rebuild CourtgraphSansSC-Regular.otf: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1).

The subset covers ASCII, Latin-1, common punctuation and symbols, every GB 2312 hanzi, and the
hanzi of the place names in data/ (some county names are outside GB 2312). Pictures fall back
to system CJK fonts for anything else. The family is renamed ("Courtgraph Sans SC") as the OFL
asks of modified versions, and so that it never shadows a full system Noto Sans CJK SC.

Needs Debian's fonts-noto-cjk:  python assets/fonts/build_font.py
"""

from __future__ import annotations

import contextlib
from pathlib import Path

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_INDEX = 2  # JP, KR, SC, TC, HK, then the Mono faces
HERE = Path(__file__).resolve().parent
TARGET = HERE / "CourtgraphSansSC-Regular.otf"
FAMILY = "Courtgraph Sans SC"


def gb2312() -> set[str]:
    out: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes([hi, lo]).decode("gb2312"))
    return out


def data_hanzi(root: Path) -> set[str]:
    out: set[str] = set()
    for p in root.rglob("*"):
        if p.is_file() and p.suffix in (".json", ".tsv", ".csv", ".txt", ".md"):
            try:
                text = p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            out |= {c for c in text if "\u3400" <= c <= "\u9fff"}
    return out


def characters() -> set[str]:
    ranges = [
        (0x20, 0x7F),
        (0xA0, 0x180),
        (0x2000, 0x206F),
        (0x2190, 0x21FF),
        (0x2460, 0x24FF),
        (0x25A0, 0x25FF),
        (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
    ]
    chars = {chr(c) for lo, hi in ranges for c in range(lo, hi)}
    return chars | gb2312() | data_hanzi(HERE.parents[1] / "data")


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    font = TTCollection(str(SOURCE)).fonts[SC_INDEX]
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.hinting = False
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in characters()])
    sub.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, FAMILY),
        (3, f"{FAMILY} Regular; subset of Noto Sans CJK SC"),
        (4, f"{FAMILY} Regular"),
        (6, "CourtgraphSansSC-Regular"),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    font["CFF "].cff.fontNames = ["CourtgraphSansSC-Regular"]
    font.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size} bytes, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main()
