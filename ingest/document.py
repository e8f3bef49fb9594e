"""The data that flows through ingest: a read document and what was extracted from it.

These dataclasses are the contract between the readers (`ingest.readers`,
`ingest.normalize`), the extractor (`ingest.extract`) and the loader
(`ingest.pipeline`), which turns an `Extraction` into graph facts.

Offsets are always character offsets into `SourceDocument.text` (the normalized
text that is stored in the graph), and `SourceDocument.offsets` maps them back to
the file's own text (`original_bounds`, `original_span`), so that what is stored
and exported quotes the article verbatim, at offsets into the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Relation = Literal["adopted", "piloted", "promoted", "awarded"]
Level = Literal["supreme", "high", "intermediate", "basic", "tribunal", "special"]


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from: its text and where it stands in the document."""

    sentence: str
    start: int  # offset of the sentence in SourceDocument.text
    end: int
    quote: str = ""  # the exact surface of the fact inside the sentence, if narrower
    date: str | None = None  # the date this sentence gives the fact (adoptions), ISO
    date_precision: str | None = None  # day | month | year


@dataclass
class SourceDocument:
    """One input file after reading and normalization."""

    path: str
    text: str  # normalized content: simplified, pinyin glosses removed, boilerplate cut
    original: str = ""  # the file's text before normalization (for .html/.docx/.pdf: the plain
    # text extracted from it, not the markup), so quotes are verbatim
    offsets: list[int] = field(default_factory=list)  # text[i] came from original[offsets[i]]
    title: str | None = None
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    date_source: str | None = None  # page | url | text | manifest
    date_note: str | None = None  # why this date; disagreements between sources
    urls: list[str] = field(default_factory=list)
    site: str | None = None
    encoding: str | None = None
    content_hash: str = ""  # sha256 hex of `text`
    fingerprint: str = ""  # near-duplicate signature (256-bit simhash, hex; ingest.dedup)
    warnings: list[str] = field(default_factory=list)  # mojibake, date conflicts, ...
    read_from: str = ""  # the file it was read from (`path` may name an upload instead)
    #: the court a page's cut byline names (2024-05-20 乙县人民法院 阅读数：12): its author,
    #: which ingest.courts takes for 我院 when the text names no court of its own
    page_court: str | None = None

    def original_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] stands in `original`: from the first to the last source
        character any of its characters came from, so a pinyin gloss or a space the
        normalization removed inside it is part of the span. Without a source text (a text
        given directly), the source is the text itself and the offsets are unchanged.

        >>> doc = SourceDocument(path="t", text="甲乙。", original="甲 (jia) 乙。",
        ...                      offsets=[0, 8, 9])
        >>> doc.original_bounds(0, 3), doc.original[slice(*doc.original_bounds(0, 3))]
        ((0, 10), '甲 (jia) 乙。')
        """
        if not self.offsets or not self.original or end <= start:
            return start, end
        if start < 0 or end > len(self.offsets):
            raise ValueError(f"span {start}:{end} is outside the text ({len(self.offsets)})")
        part = self.offsets[start:end]
        return min(part), max(part) + 1

    def as_written(self, start: int, end: int) -> tuple[str, int, int]:
        """text[start:end] as the source writes it, with its offsets there: what a citation
        quotes (`original_bounds`; the text itself when there is no source text)."""
        a, b = self.original_bounds(start, end)
        if not self.offsets or not self.original or end <= start:
            return self.text[start:end], a, b
        return self.original[a:b], a, b

    def original_span(self, start: int, end: int) -> str:
        """The file's own text behind text[start:end] (falls back to the normalized text)."""
        if not self.offsets or not self.original or end <= start:
            return self.text[start:end]
        a = self.offsets[start]
        b = self.offsets[end - 1] + 1
        return self.original[a:b]


@dataclass
class CourtRef:
    name: str  # official full name, e.g. 辽宁省本溪市中级人民法院
    level: Level
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None  # administrative division code of the court's seat
    parent: str | None = None  # full name of the court directly above (tribunal -> basic court)
    mentions: list[str] = field(default_factory=list)  # surfaces in SourceDocument.text
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class InitiativeRef:
    name: str  # canonical name from the taxonomy, or the proposed name of a candidate
    candidate: bool = False  # True: not in the taxonomy, proposed from the text
    mentions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Adoption:
    unit: str  # CourtRef.name, or an "AGG:..." label for a group of courts
    initiative: str  # InitiativeRef.name
    relation: Relation
    date: str | None = None  # ISO, as precise as the text allows
    date_precision: Literal["day", "month", "year", "document"] | None = None
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""  # the rule that proposed the fact (see ingest.confidence)
    confidence: float | None = None  # calibrated probability that the fact is right


@dataclass
class PersonRef:
    name: str
    roles: list[str] = field(default_factory=list)  # 院长, 副院长, 庭长 ...
    unit: str | None = None  # CourtRef.name or OrganizationRef.name
    mentions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""
    confidence: float | None = None


@dataclass
class OrganizationRef:
    name: str
    type: str | None = None  # party_committee, justice_bureau, law_firm, ...
    generic: bool = False  # True for unnamed groups (律所, 党委政府)
    partner: str | None = None  # CourtRef.name the text ties it to
    relationship: str | None = None
    mentions: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class OutcomeRef:
    unit: str  # CourtRef.name or "AGG:..."
    metric: str  # 调解率, 诉前调解案件数, 结案量同比 ...
    value: float  # as stated; 万 scaled for counts (近4万件 -> 40000 件)
    unit_of_measure: str  # %, 件, 天, 个, 万元 (money keeps 万元 as written: 700多万元 -> 700)
    qualifier: str | None = None  # 余 / 约 / 近 / 超 / 多
    direction: str | None = None  # up / down / None
    period: str | None = None  # ISO date or range "2022-01-01/2022-04-30"
    initiative: str | None = None  # InitiativeRef.name when the text ties them
    link_rule: str = (
        ""  # the rule that tied it (link:own-words, link:sentence … ingest.outcome_links)
    )
    link_confidence: float | None = None  # that tie's calibrated confidence (ingest.confidence)
    text: str = ""  # the figure's surface in SourceDocument.text
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""
    confidence: float | None = None


@dataclass
class Visit:
    """A court's learning visit to another (ingest.visits): who learned from whom, about what."""

    visitor: str  # CourtRef.name of the court that went to learn
    host: str  # CourtRef.name of the court learned from
    initiatives: list[str] = field(default_factory=list)  # InitiativeRef.name studied, if named
    date: str | None = None  # ISO, as the sentence gives it (else the document's)
    date_precision: Literal["day", "month", "year", "document"] | None = None
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""  # visit:went-to | visit:received | visit:borrowed (ingest.confidence)
    confidence: float | None = None


@dataclass
class Extraction:
    document: SourceDocument
    courts: list[CourtRef] = field(default_factory=list)
    initiatives: list[InitiativeRef] = field(default_factory=list)
    adoptions: list[Adoption] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    organizations: list[OrganizationRef] = field(default_factory=list)
    outcomes: list[OutcomeRef] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)


@dataclass(frozen=True)
class CourtMention:
    """One place in SourceDocument.text where a court (or a group of courts) is named."""

    start: int
    end: int
    surface: str
    court: str  # CourtRef.name, or an "AGG:..." label such as AGG:辽宁省本溪市全市法院
