"""Extract courts, initiatives, adoptions, people, organisations and outcomes from a document.

`extract_document(doc)` runs the court resolver (`ingest.courts.extract_courts`), then the
finders of this package, and attributes every initiative and figure to the court the text is
about at that point: the nearest court named before it in the sentence, else in the
paragraph, else the court of the section (a header such as 经验交流单位：XX法院), else the last
court named before, else the article's own court. People whose court is known stand for their
court (于长春提出… is about 抚顺中院). `to_gold(ex)` renders an Extraction in the annotation
schema of shared/corpus, quoting mentions from the article as written.

Example:
    >>> from ingest.document import SourceDocument
    >>> ex = extract_document(SourceDocument(path="a.txt", text="法院推行繁简分流。"))
    >>> [i.name for i in ex.initiatives]
    ['繁简分流']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ingest.dates import resolve_relative
from ingest.document import (
    Adoption,
    CourtMention,
    CourtRef,
    Evidence,
    Extraction,
    InitiativeRef,
    OrganizationRef,
    OutcomeRef,
    PersonRef,
    Relation,
    SourceDocument,
)
from ingest.initiatives import InitiativeMention, find_initiatives
from ingest.normalize import split_sentences
from ingest.organizations import OrgHit, find_organizations, org_name_for
from ingest.outcomes import OutcomeHit, find_outcomes
from ingest.people import PersonHit, find_people
from ingest.taxonomy import Taxonomy, default_taxonomy


class CourtResolution(Protocol):
    """What the court resolver returns (see ingest.courts)."""

    courts: list[CourtRef]
    mentions: list[CourtMention]
    home: str | None


CourtResolver = Callable[[SourceDocument], CourtResolution]


@dataclass
class _NoCourts:
    courts: list[CourtRef] = field(default_factory=list)
    mentions: list[CourtMention] = field(default_factory=list)
    home: str | None = None


def default_court_resolver() -> CourtResolver | None:
    """`ingest.courts.extract_courts` when that module is present."""
    try:
        from ingest.courts import extract_courts
    except ImportError:
        return None
    return extract_courts  # type: ignore[no-any-return]


_HEADER_LABEL = re.compile(r"^[^：:]{0,10}(?:单位|法院|法庭)[：:]")
_DIRECTIVE = re.compile(
    r"^(?:[一二三四五六七八九十]、)?(?:要|必须|务必|应当|各级法院要|全省法院要|全市法院要)"
)
_DEPLOY = re.compile(r"部署|印发|全面推行|推广|指导|督促|要求|出台")
_PILOT = re.compile(r"试点")
_AGENT_BEFORE = frozenset("被由经向对与和同在从赴到给把将")
#: what may stand before a clause's subject: times and connectives (2020年3月16日上午，同时)
_LEAD_IN = re.compile(
    r"(?:[\d一二三四五六七八九十〇年月日号上下午晚时、\s—-]|今年|去年|近年来|近年|目前|同时|此外|另外|"
    r"其中|随后|会上|会议|当天|近日|日前|截至目前|以来|期间|近三年来|近年以来|先后|已有|还有)*"
)
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[0-3]?\d)日)?)?")
_HIGH = ("supreme", "high")


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    court: str
    proxy: bool = False  # a person standing for their court


class _Context:
    """Which court the text is about at a position."""

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        mentions: Sequence[CourtMention],
        courts: Sequence[CourtRef],
        people: Sequence[PersonHit],
        home: str | None,
    ) -> None:
        self.text = text
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.courts = list(courts)
        self.levels = {c.name: c.level for c in courts}
        parents = {c.name: c.parent for c in courts}
        self.home = home
        subjects: list[_Subject] = []
        # a mention inside a longer one (盖州市人民法院 in 盖州市人民法院东城人民法庭) is part of it
        ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
        outer: list[CourtMention] = []
        for m in ordered:
            if outer and outer[-1].start <= m.start and m.end <= outer[-1].end:
                continue
            outer.append(m)
        self.mentions = outer
        for i, m in enumerate(outer):
            nxt = outer[i + 1] if i + 1 < len(outer) else None
            # 万州法院大周法庭: the basic court only qualifies its tribunal
            if nxt is not None and nxt.start == m.end and parents.get(nxt.court) == m.court:
                continue
            if self._is_subject(m.start):
                subjects.append(_Subject(m.start, m.end, m.court))
        for p in people:
            if not p.court or p.court.startswith("AGG:"):
                continue
            # every mention of a titled person stands for the person's court
            i = text.find(p.name)
            while i >= 0:
                if self._is_subject(i):
                    subjects.append(_Subject(i, i + len(p.name), p.court, True))
                i = text.find(p.name, i + len(p.name))
        subjects.sort(key=lambda s: s.start)
        self.subjects = subjects
        self.starts = [s.start for s in subjects]
        self.lines = _lines(text)
        self.line_starts = [a for a, _ in self.lines]
        self.sections = self._sections(mentions)

    def _is_subject(self, start: int) -> bool:
        """A court named at the head of its clause (after times and connectives only)."""
        a = start
        while a > 0 and self.text[a - 1] not in "，,；;。！!？?：:\n":
            a -= 1
        prefix = self.text[a:start]
        if prefix and prefix[-1] in _AGENT_BEFORE:
            return False
        rest = prefix[_LEAD_IN.match(prefix).end() :] if prefix else ""
        return len(rest) <= 2 and not any(c in _AGENT_BEFORE for c in rest)

    def _sections(self, mentions: Sequence[CourtMention]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for a, b in self.lines:
            line = self.text[a:b].strip()
            if not line or len(line) > 20:
                continue
            inside = [m for m in mentions if a <= m.start and m.end <= b]
            if not inside:
                continue
            covered = sum(m.end - m.start for m in inside)
            if _HEADER_LABEL.match(line) or (len(line) <= 14 and covered * 2 >= len(line)):
                out.append((a, inside[-1].court))
        return out

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        line = self.line(pos)
        return line

    def line(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        return self.lines[max(0, i)] if self.lines else (0, len(self.text))

    def section(self, pos: int) -> tuple[int, str] | None:
        best = None
        for start, court in self.sections:
            if start <= pos:
                best = (start, court)
        return best

    def _last_between(self, lo: int, hi: int) -> _Subject | None:
        i = bisect.bisect_left(self.starts, hi) - 1
        while i >= 0 and self.subjects[i].start >= lo:
            if self.subjects[i].end <= hi:
                return self.subjects[i]
            i -= 1
        return None

    def unit_at(self, pos: int) -> str | None:
        """The court (or AGG label) the text at `pos` is about."""
        s_start, _ = self.sentence(pos)
        hit = self._last_between(s_start, pos)
        if hit:
            return hit.court
        sec = self.section(pos)
        if sec is not None:
            return sec[1]  # in a section about one court, its sentences are about that court
        l_start, _ = self.line(pos)
        hit = self._last_between(l_start, s_start)
        if hit:
            return hit.court
        hit = self._last_between(0, l_start)
        if hit:
            return hit.court
        return self.home

    def subjects_before(self, lo: int, hi: int) -> list[str]:
        """All subject courts named in text[lo:hi] (several winners of one title)."""
        out: list[str] = []
        for s in self.subjects:
            if lo <= s.start and s.end <= hi and not s.proxy and s.court not in out:
                out.append(s.court)
        return out

    def level(self, court: str | None) -> str | None:
        return self.levels.get(court or "")


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer("\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _evidence(text: str, ctx: _Context, start: int, end: int) -> Evidence:
    s, e = ctx.sentence(start)
    e = max(e, min(end, len(text)))
    return Evidence(sentence=text[s:e], start=s, end=e, quote=text[start:end])


def _adoption_date(sentence: str, upto: int) -> tuple[str | None, str | None]:
    found = None
    for m in _DATE.finditer(sentence, 0, max(0, upto)):
        found = m
    if not found:
        return None, None
    y, mo, d = found.group("y"), found.group("m"), found.group("d")
    if d and mo:
        return f"{y}-{int(mo):02d}-{int(d):02d}", "day"
    if mo:
        return f"{y}-{int(mo):02d}", "month"
    return y, "year"


def _relation(ctx: _Context, mention: InitiativeMention, unit: str | None) -> Relation:
    if mention.awarded:
        return "awarded"
    s, e = ctx.sentence(mention.start)
    sentence = ctx.text[s:e]
    if _PILOT.search(sentence):
        return "piloted"
    if ctx.level(unit) in _HIGH:
        return "promoted"
    l_start, _ = ctx.line(mention.start)
    if _DIRECTIVE.match(sentence.lstrip()) or _DIRECTIVE.match(ctx.text[l_start:e].lstrip()):
        return "promoted"
    if _DEPLOY.search(sentence) and ctx.level(unit) == "intermediate":
        return "promoted"
    return "adopted"


_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[个家项件所]")


def _award_winners(ctx: _Context, mention: InitiativeMention) -> list[str]:
    """Everyone named before 获评/授予 in the clause, else in the sentence.

    A count before the verb (十个案例入选…) means the winners are listed across the sentence.
    """
    s, _ = ctx.sentence(mention.start)
    a = mention.start
    while a > s and ctx.text[a - 1] not in "，,；;。\n":
        a -= 1
    winners = ctx.subjects_before(a, mention.start)
    if not winners or _COUNTED.search(ctx.text[a : mention.start]):
        winners = ctx.subjects_before(s, mention.start)
    return winners


_AGG_SCOPE = re.compile(r"^AGG:(?P<place>.+?)(?:全市|全省|全区|全州|全县|两级)")


def _leading_court(agg: str, courts: Sequence[CourtRef]) -> str | None:
    """The court that leads a group of courts: 全市法院 -> the intermediate court of that city."""
    m = _AGG_SCOPE.match(agg)
    if not m:
        return None
    place = m.group("place")
    for c in courts:
        if (
            c.level == "intermediate"
            and c.name.startswith(place)
            and c.name.endswith("中级人民法院")
        ):
            return c.name
        if c.level == "high" and c.name == place + "高级人民法院":
            return c.name
    return None


def extract_document(
    doc: SourceDocument,
    *,
    court_resolver: CourtResolver | None = None,
    taxonomy: Taxonomy | None = None,
) -> Extraction:
    """All facts of one document, each with its evidence in `doc.text`.

    `court_resolver` defaults to `ingest.courts.extract_courts` (no courts when that module is
    absent); `taxonomy` defaults to data/initiatives.json.
    """
    text = doc.text or ""
    resolver = court_resolver or default_court_resolver()
    resolution: Any = resolver(doc) if resolver is not None else _NoCourts()
    courts: list[CourtRef] = list(resolution.courts)
    mentions: list[CourtMention] = sorted(resolution.mentions, key=lambda m: m.start)
    tax = taxonomy if taxonomy is not None else default_taxonomy()
    sentences = split_sentences(text) if text else []

    person_hits = find_people(text, mentions)
    ctx = _Context(text, sentences, mentions, courts, person_hits, resolution.home)
    city = _home_city(courts, resolution.home)

    for c in courts:
        # the gold schema quotes each court's mentions from the article: keep where they are
        if not c.evidence:
            for m in mentions:
                if m.court == c.name:
                    c.evidence.append(_evidence(text, ctx, m.start, m.end))
                    if m.surface not in c.mentions:
                        c.mentions.append(m.surface)
    ex = Extraction(document=doc, courts=courts)
    ex.people = _people(text, ctx, person_hits, city)
    ex.initiatives, ex.adoptions = _initiatives(text, ctx, tax)
    ex.outcomes = _outcomes(doc, ctx, find_outcomes(text))
    ex.organizations = _organizations(text, ctx, find_organizations(text, mentions), city)
    return ex


def _home_city(courts: Sequence[CourtRef], home: str | None) -> str | None:
    """The place of the article's own court: its county, city or province by level."""
    for c in courts:
        if c.name == home:
            if c.level in ("basic", "tribunal"):
                return c.county or c.city
            if c.level == "intermediate":
                return c.city
            return c.province
    return None


def _people(
    text: str, ctx: _Context, hits: Sequence[PersonHit], city: str | None
) -> list[PersonRef]:
    people: dict[str, PersonRef] = {}
    for h in hits:
        p = people.get(h.name)
        if p is None:
            unit = h.court
            if unit is None and h.org_surface:
                unit = org_name_for(h.org_surface, city)
            p = people[h.name] = PersonRef(name=h.name, unit=unit, mentions=[h.name])
        for r in h.roles:
            if r not in p.roles:
                p.roles.append(r)
        if p.unit is None and h.court:
            p.unit = h.court
        p.evidence.append(_evidence(text, ctx, h.start, h.end))
    return list(people.values())


def _initiatives(
    text: str, ctx: _Context, tax: Taxonomy
) -> tuple[list[InitiativeRef], list[Adoption]]:
    refs: dict[str, InitiativeRef] = {}
    adoptions: dict[tuple[str, str, str], Adoption] = {}
    for m in find_initiatives(text, taxonomy=tax):
        ref = refs.get(m.name)
        if ref is None:
            ref = refs[m.name] = InitiativeRef(name=m.name, candidate=m.candidate)
        surface = text[m.start : m.end]
        if surface not in ref.mentions:
            ref.mentions.append(surface)
        ev = _evidence(text, ctx, m.start, m.end)
        ref.evidence.append(ev)
        unit = ctx.unit_at(m.start)
        units = _award_winners(ctx, m) if m.awarded else []
        if not units:
            units = [unit] if unit else []
            sec = ctx.section(m.start)
            if unit and unit.startswith("AGG:") and sec is not None and sec[1] not in units:
                units.append(sec[1])  # 沈阳法院 in the 沈阳中院 section: the reporting court
        relation = _relation(ctx, m, unit)
        if unit and unit.startswith("AGG:") and relation == "promoted":
            # 全市法院要…: a directive to a group of courts comes from the court that leads it
            leader = _leading_court(unit, ctx.courts)
            if leader and leader not in units:
                units.append(leader)
        s, _ = ctx.sentence(m.start)
        date, precision = _adoption_date(text[s : m.start], m.start - s)
        for u in units:
            key = (u, m.name, relation)
            a = adoptions.get(key)
            if a is None:
                a = adoptions[key] = Adoption(
                    unit=u,
                    initiative=m.name,
                    relation=relation,
                    date=date,
                    date_precision=precision,  # type: ignore[arg-type]
                )
            elif a.date is None and date:
                a.date, a.date_precision = date, precision  # type: ignore[assignment]
            a.evidence.append(ev)
    return list(refs.values()), list(adoptions.values())


def _outcomes(doc: SourceDocument, ctx: _Context, hits: Sequence[OutcomeHit]) -> list[OutcomeRef]:
    text = doc.text
    out: list[OutcomeRef] = []
    for h in hits:
        unit = ctx.unit_at(h.start) or ""
        period = None
        if h.period:
            span = resolve_relative(h.period, doc.date)
            period = f"{span[0]}/{span[1]}" if span else h.period
        out.append(
            OutcomeRef(
                unit=unit,
                metric=h.metric,
                value=h.value,
                unit_of_measure=h.unit_of_measure,
                qualifier=h.qualifier,
                direction=h.direction,
                period=period,
                text=text[h.text_start : h.text_end],
                evidence=[_evidence(text, ctx, h.text_start, h.text_end)],
            )
        )
    return out


def _organizations(
    text: str, ctx: _Context, hits: Sequence[OrgHit], city: str | None
) -> list[OrganizationRef]:
    orgs: dict[str, OrganizationRef] = {}
    for h in hits:
        name = h.name if h.name else org_name_for(h.surface, city)
        o = orgs.get(name)
        if o is None:
            partner = ctx.unit_at(h.start)
            o = orgs[name] = OrganizationRef(
                name=name,
                type=h.type,
                generic=h.generic,
                partner=partner,
            )
        if h.surface not in o.mentions:
            o.mentions.append(h.surface)
        ev = _evidence(text, ctx, h.start, h.end)
        o.evidence.append(ev)
        if o.relationship is None:
            partner = o.partner or "the court"
            o.relationship = f"named with {partner}: {ev.sentence[:80]}"
    return list(orgs.values())


# ------------------------------------------------------------------------------------------
# Gold schema


def _original_mentions(doc: SourceDocument, spans: Sequence[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    for a, b in spans:
        s = doc.original_span(a, b)
        if s and s not in out:
            out.append(s)
    return out


def to_gold(ex: Extraction) -> dict[str, Any]:
    """The Extraction in the annotation schema of shared/corpus (mentions quoted as written).

    Initiatives carry one extra key, ``candidate``: True for names proposed from the text
    rather than taken from the taxonomy.
    """
    doc = ex.document
    text = doc.text
    court_spans: dict[str, list[tuple[int, int]]] = {}
    for c in ex.courts:
        for ev in c.evidence:
            court_spans.setdefault(c.name, []).append(_quote_span(ev))
    courts = []
    for c in ex.courts:
        mentions = _original_mentions(doc, court_spans.get(c.name, []))
        if not mentions:
            mentions = _find_all(doc, c.mentions)
        courts.append(
            {
                "name": c.name,
                "mentions": mentions,
                "level": c.level,
                "province": c.province,
                "city": c.city,
                "county": c.county,
            }
        )
    initiatives = []
    by_name = {i.name: i for i in ex.initiatives}
    groups: dict[tuple[str, str], list[Adoption]] = {}
    for a in ex.adoptions:
        groups.setdefault((a.initiative, a.relation), []).append(a)
    for (name, relation), group in groups.items():
        ref = by_name.get(name)
        spans = [_quote_span(ev) for b in group for ev in b.evidence]
        initiatives.append(
            {
                "name": name,
                "mentions": _original_mentions(doc, spans),
                "adopters": sorted({b.unit for b in group}),
                "relation": relation,
                "candidate": bool(ref and ref.candidate),
            }
        )
    adopted = {name for name, _ in groups}
    for i in ex.initiatives:
        if i.name not in adopted:
            spans = [_quote_span(ev) for ev in i.evidence]
            initiatives.append(
                {
                    "name": i.name,
                    "mentions": _original_mentions(doc, spans),
                    "adopters": [],
                    "relation": "adopted",
                    "candidate": i.candidate,
                }
            )
    people = [
        {
            "name": p.name,
            "mentions": _original_mentions(doc, [_quote_span(e) for e in p.evidence]),
            "roles": p.roles,
            "unit": p.unit,
        }
        for p in ex.people
    ]
    outcomes = []
    for o in ex.outcomes:
        span = _quote_span(o.evidence[0]) if o.evidence else None
        item: dict[str, Any] = {
            "unit": o.unit,
            "metric": o.metric,
            "value": o.value,
            "unit_of_measure": o.unit_of_measure,
            "period": o.period,
            "text": doc.original_span(*span) if span else o.text,
        }
        if o.qualifier:
            item["qualifier"] = o.qualifier
        outcomes.append(item)
    organizations = [
        {
            "name": o.name,
            "type": o.type,
            "mentions": _original_mentions(doc, [_quote_span(e) for e in o.evidence]),
            "generic": o.generic,
            "relationship": o.relationship,
        }
        for o in ex.organizations
    ]
    del text
    return {
        "path": doc.path,
        "date": doc.date,
        "courts": courts,
        "initiatives": initiatives,
        "people": people,
        "outcomes": outcomes,
        "organizations": organizations,
    }


def _quote_span(ev: Evidence) -> tuple[int, int]:
    """The quote's span: located inside the evidence sentence."""
    if ev.quote:
        i = ev.sentence.find(ev.quote)
        if i >= 0:
            return ev.start + i, ev.start + i + len(ev.quote)
    return ev.start, ev.end


def _find_all(doc: SourceDocument, surfaces: Sequence[str]) -> list[str]:
    spans: list[tuple[int, int]] = []
    for s in surfaces:
        i = doc.text.find(s) if s else -1
        if i >= 0:
            spans.append((i, i + len(s)))
    return _original_mentions(doc, spans)
