"""A court's own roster of its people's tribunals (人民法庭), imported from CSV or Excel.

China has no public national list of tribunals, so coverage at tribunal level has no
denominator until a court imports its own: `python -m ingest roster FILE` (or the 导入 page).
Columns, by header (Chinese or English): tribunal name (法庭名称 / name), parent court
(所属法院 / parent), optional code (代码 / code), address (地址 / address), date established
(设立日期 / established). Each row is checked against the court roster (the parent must
resolve to one known basic court); the tribunal's name is normalised to
<parent's full name><X>人民法庭 (平山区法院东湖法庭 → 辽宁省本溪市平山区人民法院东湖人民法庭).
Bad rows are reported with file, row number and reason, and the others imported; the
reasons, like the errors that refuse a whole file, are in Chinese (the page and the CLI show
the same text). Tribunals
are curated nodes with PART_OF to their parent; each parent court records the roster's file
name, import date and digest, so importing the same roster again changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import CourtgraphError, UnreadableDocument
from graph.model import LEVEL_ZH, NodeRow, digest, entity_id
from graph.text import to_simplified

if TYPE_CHECKING:
    from graph.store import GraphStore
    from ingest.roster import Roster

#: header spellings of each column (after lower-casing and removing spaces)
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("法庭名称", "人民法庭", "法庭", "名称", "name", "tribunal", "tribunalname"),
    "parent": ("所属法院", "上级法院", "所属基层法院", "法院", "parent", "parentcourt", "court"),
    "code": ("代码", "编码", "法庭代码", "code"),
    "address": ("地址", "所在地", "address"),
    "established": ("设立日期", "成立日期", "设立时间", "成立时间", "established", "date"),
}
MAX_ROWS = 20_000
_COLUMN_ZH = {"name": "法庭名称", "parent": "所属法院"}
_SOURCE_PREFIX = "tribunal-roster:"


@dataclass
class RosterRow:
    row: int
    name: str
    parent: str
    code: str | None = None
    address: str | None = None
    established: str | None = None


@dataclass
class RosterImport:
    """What an import did: tribunals per parent court, rows refused, courts unchanged."""

    source: str
    tribunals: dict[str, list[str]] = field(default_factory=dict)  # parent -> tribunal names
    bad: list[tuple[str, int, str]] = field(default_factory=list)  # (file, row, reason)
    unchanged: list[str] = field(default_factory=list)  # parents whose roster was the same

    @property
    def imported(self) -> int:
        return sum(len(v) for v in self.tribunals.values())

    def summary_zh(self, *, rows: bool = True) -> str:
        """One line of counts in Chinese, as the 导入 page and the CLI say it, then the bad
        rows (``rows=False``: the caller lists them, as the CLI does in Error: lines)."""
        lines = [
            f"{self.source}：导入 {len(self.tribunals)} 个法院的 {self.imported} 个人民法庭；"
            f"名录未变的法院 {len(self.unchanged)} 个；有误的行 {len(self.bad)} 行"
        ]
        if rows:
            lines += [f"  {bad_row_zh(row, reason)}" for _f, row, reason in self.bad]
        return "\n".join(lines)


def bad_row_zh(row: int, reason: str, file: str | None = None) -> str:
    """A refused row as the page and the CLI say it: [file ]第 N 行：reason."""
    return f"{file + ' ' if file else ''}第 {row} 行：{reason}"


def read_rows(path: str | Path, data: bytes | None = None) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, UTF-8 with BOM or GB18030) or .xlsx file as header -> text."""
    path = Path(path)
    raw = path.read_bytes() if data is None else data
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(path, raw)
    if suffix != ".csv":
        raise UnreadableDocument(str(path), "名录应是 .csv 或 .xlsx 文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableDocument(
            str(path), "不是 UTF-8 或 GB18030 编码的文本，请另存为 UTF-8 编码的 CSV 文件"
        )
    return [dict(r) for r in csv.DictReader(io.StringIO(text))]


def _xlsx_rows(path: Path, raw: bytes) -> list[dict[str, str]]:
    import openpyxl

    from ingest.archives import ArchiveError, ArchiveTooLarge, load_zip

    try:
        checked = load_zip(raw)
        wb = openpyxl.load_workbook(io.BytesIO(checked), read_only=True, data_only=True)
    except ArchiveError as exc:
        from ingest.uploads import reason_zh

        why = reason_zh(str(exc))  # too large when unpacked: it is one, just too large
        what = why if isinstance(exc, ArchiveTooLarge) else f"不是可读取的 Excel 文件：{why}"
        raise UnreadableDocument(str(path), what) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a bad file
        raise UnreadableDocument(str(path), f"不是可读取的 Excel 文件：{exc}") from exc
    try:
        sheet = wb.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return []
        keys = ["" if h is None else str(h) for h in header]
        out = []
        for values in rows:
            out.append({k: _cell(v) for k, v in zip(keys, values, strict=False)})
            if len(out) > MAX_ROWS:
                break
        return out
    finally:
        wb.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _columns(header: Iterable[str]) -> dict[str, str]:
    """Our column name -> the file's header."""
    found: dict[str, str] = {}
    for h in header:
        key = re.sub(r"\s+", "", str(h or "")).lower()
        for col, names in COLUMNS.items():
            if col not in found and key in names:
                found[col] = h
    return found


def parse(
    path: str | Path, rows: list[dict[str, str]], *, today: str | None = None
) -> tuple[list[RosterRow], list[tuple[str, int, str]]]:
    """The rows as RosterRow (row numbers as a spreadsheet shows them: the header is row 1).
    A date established that does not exist or lies after `today` (default: this machine's
    date; this year and this month are no future) is a bad row: a tribunal set up in 2030
    would count in the coverage's denominator today."""
    name = Path(path).name
    if not rows:
        raise CourtgraphError(f"{name}：表头下面没有数据行")
    if len(rows) > MAX_ROWS:
        raise CourtgraphError(f"{name}：超过 {MAX_ROWS:,} 行，请拆分成几个文件")
    cols = _columns(rows[0].keys())
    missing = [_COLUMN_ZH[c] for c in ("name", "parent") if c not in cols]
    if missing:
        raise CourtgraphError(
            f"{name}：缺少{'和'.join(missing)}列；表头应有 法庭名称（或 name）和 所属法院"
            "（或 parent），可选 代码、地址、设立日期"
        )
    good: list[RosterRow] = []
    bad: list[tuple[str, int, str]] = []
    for i, r in enumerate(rows, 2):
        values = {c: (r.get(h) or "").strip() for c, h in cols.items()}
        if not any(values.values()):
            continue  # an empty line
        if not values["name"]:
            bad.append((name, i, "没有法庭名称"))
            continue
        if not values["parent"]:
            bad.append((name, i, f"{values['name']}：没有所属法院"))
            continue
        established = values.get("established") or None
        if established:
            from queries.registry import check_date  # the same calendar check as queries

            try:
                established = check_date(established.split(" ")[0], "date established")
            except CourtgraphError:
                bad.append(
                    (
                        name,
                        i,
                        f"{values['name']}：设立日期 {established} 不是有效的日期"
                        "（应如 2001、2001-05 或 2001-05-01）",
                    )
                )
                continue
            late = established > (today or dt.date.today().isoformat())[: len(established)]
            if late:
                bad.append((name, i, f"{values['name']}：设立日期 {established} 晚于今天"))
                continue
        good.append(
            RosterRow(
                i,
                to_simplified(values["name"]),
                to_simplified(values["parent"]),
                values.get("code") or None,
                values.get("address") or None,
                established,
            )
        )
    return good, bad


class _Courts:
    """Basic courts of the national roster by full name and alias."""

    def __init__(self, roster: Roster) -> None:
        self.by_name: dict[str, set[str]] = {}
        for c in roster:
            if c.level != "basic":
                continue
            for n in {c.name, *c.aliases, *c.short_aliases}:
                self.by_name.setdefault(n, set()).add(c.name)
        self.full = {c.name for c in roster if c.level == "basic"}
        self.roster = roster

    def resolve(self, text: str) -> tuple[str | None, str]:
        found = self.by_name.get(text, set()) or self._by_suffix(text)
        if len(found) == 1:
            return next(iter(found)), ""
        if len(found) > 1:
            return (
                None,
                f"{text} 可指几个基层法院（{'、'.join(sorted(found)[:4])}…），请写全称",
            )
        if text in self.roster:
            level = self.roster.get(text).level  # type: ignore[union-attr]
            return (
                None,
                f"{text} 不是基层法院（是{LEVEL_ZH.get(level, level)}）；人民法庭隶属于基层法院",
            )
        return None, f"{text} 不是已知的基层法院"

    def _by_suffix(self, text: str) -> set[str]:
        """Full names that end with ``text`` (天水市秦州区人民法院: the full name without its
        province, as search accepts it); 法院 reads as 人民法院. Empty for a bare court word."""
        if "人民法院" not in text:
            text = re.sub(r"(?<!人民)法院$", "人民法院", text)
        if len(text) <= len("人民法院") + 1 or not text.endswith("人民法院"):
            return set()
        return {n for n in self.full if n.endswith(text) and n != text}

    def aliases(self, full: str) -> list[str]:
        c = self.roster.get(full)
        names = [full, *(c.aliases if c else ()), *(c.short_aliases if c else ())]
        return sorted(set(names), key=len, reverse=True)


def tribunal_name(parent: str, given: str, aliases: list[str]) -> str | None:
    """<parent><X>人民法庭 from a given name; None when no X is left."""
    x = given.replace(" ", "")
    for a in aliases:  # the parent's name in front, in any spelling
        if x.startswith(a):
            x = x[len(a) :]
            break
    x = re.sub(r"(人民)?法庭$", "", x)
    if not x or "法院" in x or "法庭" in x:
        return None
    return f"{parent}{x}人民法庭"


def import_roster(
    store: GraphStore | None,
    path: str | Path,
    *,
    data: bytes | None = None,
    today: str | None = None,
) -> RosterImport:
    """Validate a roster file and store its tribunals (None: validate only)."""
    from ingest.roster import build_roster

    source = Path(path).name
    try:
        rows = read_rows(path, data)
    except OSError as exc:
        from ingest.uploads import reason_zh

        # the operating system's reason in Chinese, as a document's (No such file … was English)
        why = reason_zh(f"cannot read: {exc.strerror or exc}")
        raise UnreadableDocument(str(path), why) from exc
    good, bad = parse(path, rows, today=today)
    report = RosterImport(source, bad=list(bad))
    courts = _Courts(build_roster())
    by_parent: dict[str, dict[str, RosterRow]] = {}
    for r in good:
        parent, why = courts.resolve(r.parent)
        if parent is None:
            report.bad.append((source, r.row, f"{r.name}：{why}"))
            continue
        name = tribunal_name(parent, r.name, courts.aliases(parent))
        if name is None:
            report.bad.append((source, r.row, f"{r.name}：不是人民法庭的名称（应为 …人民法庭）"))
            continue
        seen = by_parent.setdefault(parent, {})
        if name in seen:
            report.bad.append((source, r.row, f"{r.name}：与第 {seen[name].row} 行重复"))
            continue
        seen[name] = r
    report.bad.sort(key=lambda b: b[1])
    report.tribunals = {p: sorted(t) for p, t in sorted(by_parent.items())}
    if store is None:
        return report
    from ingest.pipeline import load_reference_data

    load_reference_data(store)  # the parent courts (once per version)
    date = today or dt.date.today().isoformat()
    for parent, tribunals in sorted(by_parent.items()):
        pid = entity_id("Court", parent)
        key = digest(
            source,
            *(f"{n}|{t.code}|{t.address}|{t.established}" for n, t in sorted(tribunals.items())),
        )
        have = store.read(
            "MATCH (c:Entity {id: $id}) RETURN c.tribunal_roster_digest AS d", {"id": pid}
        )
        if have and have[0]["d"] == key:
            report.unchanged.append(parent)
            continue
        info = store.read(
            "MATCH (c:Entity {id: $id}) RETURN c.province AS province, c.city AS city, c.county AS county",
            {"id": pid},
        )
        place = info[0] if info else {}
        nodes = [
            NodeRow(
                "Tribunal",
                entity_id("Tribunal", n),
                {
                    "name": n,
                    "level": "tribunal",
                    "province": place.get("province"),
                    "city": place.get("city"),
                    "county": place.get("county"),
                    "code": t.code,
                    "address": t.address,
                    "established": t.established,
                    "curated": True,
                    "roster_source": source,
                    "roster_date": date,
                },
                aliases=[t.name] if t.name != n else [],
            )
            for n, t in sorted(tribunals.items())
        ]
        store.upsert_nodes(nodes)
        store.link_hierarchy(
            [(entity_id("Tribunal", n), pid) for n in sorted(tribunals)],
            source=_SOURCE_PREFIX + source,
        )
        store.write_statements(
            [
                (
                    "MATCH (c:Entity {id: $id}) SET c.tribunal_roster_source = $source, "
                    "c.tribunal_roster_date = $date, c.tribunal_roster_digest = $digest, "
                    "c.tribunal_roster_count = $n",
                    {"id": pid, "source": source, "date": date, "digest": key, "n": len(tribunals)},
                )
            ]
        )
    return report
