"""Court recognition: find every court (and group of courts) an article names.

One Aho-Corasick automaton over the roster's aliases (本溪中院, 明山区法院, 万州法院 …),
aggregate forms (本溪法院, 全市法院), context forms (省法院, 市中院, 县法院) and place names
finds everything in one pass; the places and the unambiguous courts tell which province,
city and county the article is about. Ambiguous names (朝阳区法院, 本溪法院) and context
forms are then resolved against that evidence; tribunals (东城法庭, 万州法院大周法庭) and
development-zone courts (经济技术开发区法院) are recognized around the court matches;
我院/本院/该院 are tied to the article's own court.

Where each part lives:

- `matcher` — the name table (roster, gazetteer, context forms) and the one-pass scan
- `context` — which province, city and county the article is about
- `resolver` — the state of one article and the reading of each name found (`Resolver`)
- `zones` — development-zone courts (official names from data/courts/zones.tsv), farm,
  forest and oilfield courts by pattern, and courts of a name of their own written in
  full with their province (黑龙江省某某人民法院)
- `lists` — elliptical lists of courts (鲤城、惠安、德化等法院) and of tribunals
- `tribunals` — people's tribunals, a city's 知识产权法庭, a court's own named tribunals
  (甲铁路运输法院环境资源法庭) and the SPC's circuit tribunals written short (第一巡回法庭)
- `home` — the article's own court (the publisher or a visit's host when it says 我院) and
  我院/本院/该院
- `sentences` — lines and the evidence sentence around a mention
- here: `extract_courts` and `resolve_court_name`, which run those stages in order.

Example::

    >>> doc = SourceDocument(path="x", text="本溪中院召开会议，明山区法院作交流发言。")
    >>> [c.name for c in extract_courts(doc).courts]
    ['辽宁省本溪市中级人民法院', '辽宁省本溪市明山区人民法院']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.courts.home import SELF_SURFACES, home_court, self_references
from ingest.courts.lists import find_court_lists, find_tribunal_lists
from ingest.courts.resolver import Found, Resolver, agg_label
from ingest.courts.sentences import Sentences
from ingest.courts.tribunals import (
    find_circuit_short_forms,
    find_named_tribunals,
    find_tribunals,
)
from ingest.courts.zones import find_named_basic, find_special_basic, find_zones
from ingest.document import CourtMention, CourtRef, Evidence, SourceDocument


@dataclass
class CourtResolution:
    """Courts an article names, every place it names them, and the article's own court."""

    courts: list[CourtRef] = field(default_factory=list)
    mentions: list[CourtMention] = field(default_factory=list)
    home: str | None = None
    province: str | None = None  # the province the article is about (full name), if any
    city: str | None = None  # the prefecture it is about, if any
    warnings: list[str] = field(default_factory=list)  # ambiguous names resolved by default


def extract_courts(
    doc: SourceDocument, *, sentences: Sequence[tuple[int, int]] | None = None
) -> CourtResolution:
    """Every court and group of courts named in ``doc.text``, resolved to official names.

    ``sentences`` (spans from ``ingest.normalize.split_sentences``) saves splitting the
    text again for the evidence; without it, only the lines that name a court are split.

    >>> r = extract_courts(SourceDocument(path="x", text="秀英法院召开会议。"))
    >>> r.courts[0].name, r.home
    ('海南省海口市秀英区人民法院', '海南省海口市秀英区人民法院')
    """
    page = doc.page_court
    res = Resolver(doc.text, title=doc.title, extra=page)
    _read_names(res)
    res.bare_county_courts()
    find_tribunal_lists(res)
    find_named_tribunals(res)
    find_tribunals(res)
    return _resolution(res, doc.title, sentences, page=page)


def resolve_court_name(
    surface: str, *, context: str | SourceDocument | None = None
) -> CourtRef | None:
    """The court one name refers to (a person's unit, a heading), or None.

    ``context`` is text about the same place (the article, or a sentence) used to resolve
    context forms and ambiguous names; a group of courts (全市法院) gives None.

    >>> resolve_court_name("东城法庭", context="盖州市人民法院东城人民法庭").name
    '辽宁省盖州市人民法院东城人民法庭'
    """
    extra = context.text if isinstance(context, SourceDocument) else context
    prefix = ""
    if extra:
        prefix = extra + "\n"
    res = Resolver(prefix + surface, extra=None)
    _read_names(res)
    find_named_tribunals(res)
    find_tribunals(res)
    lo = len(prefix)
    best: Found | None = None
    for f in res.found:
        if f.start < lo or f.court.startswith("AGG:"):
            continue
        if best is None or (f.end - f.start) > (best.end - best.start):
            best = f
    if best is None:
        return None
    rc = res.court(best.court)
    ref = rc.to_ref() if rc else res.dynamic.get(best.court)
    if ref is None:
        return None
    return CourtRef(
        ref.name,
        ref.level,
        ref.province,
        ref.city,
        ref.county,
        ref.adcode,
        ref.parent,
        mentions=[surface[best.start - lo : best.end - lo]],
    )


def _resolution(
    res: Resolver,
    title: str | None,
    given: Sequence[tuple[int, int]] | None = None,
    *,
    page: str | None = None,
) -> CourtResolution:
    """The courts found, each once with its surfaces and evidence sentences, after the home
    court is chosen and 我院/本院/该院 are tied to their courts. `page`: the court the page's
    cut byline names (2024-05-20 乙县人民法院 阅读数：12), the home where the text says 我院/本院:
    the page's author, as a metadata row's court is (home_court); a court of the article
    only through those words, never by itself."""
    res.found.sort(key=lambda f: (f.start, -f.end))
    home = home_court(res, title)
    if res.bare_mids:
        _bare_mids(res, title)
        home = home_court(res, title)
    if page and ("我院" in res.text or "本院" in res.text):
        ref = resolve_court_name(page, context=res.text)
        if ref is not None:
            if res.court(ref.name) is None:
                res.dynamic.setdefault(ref.name, ref)
            home = ref.name
    found = sorted(res.found + self_references(res, home), key=lambda f: (f.start, -f.end))
    sentences = Sentences(res.text, given)
    refs: dict[str, CourtRef] = {}
    evidence_starts: dict[str, set[int]] = {}
    mentions: list[CourtMention] = []
    for f in found:
        surface = res.text[f.start : f.end]
        mentions.append(CourtMention(f.start, f.end, surface, f.court))
        if f.court.startswith("AGG:"):
            continue
        ref = refs.get(f.court)
        if ref is None:
            rc = res.court(f.court)
            ref = rc.to_ref() if rc else (f.ref or res.dynamic.get(f.court))
            if ref is None:
                continue
            ref = CourtRef(
                ref.name, ref.level, ref.province, ref.city, ref.county, ref.adcode, ref.parent
            )
            refs[f.court] = ref
        is_self = surface in SELF_SURFACES
        if not is_self and surface not in ref.mentions:
            ref.mentions.append(surface)
        sent = sentences.around(f.start)
        if sent[0] == sent[1]:
            sent = (f.start, f.end)
        seen = evidence_starts.setdefault(f.court, set())
        if sent[0] not in seen:
            seen.add(sent[0])
            ref.evidence.append(
                Evidence(res.text[sent[0] : sent[1]], sent[0], sent[1], quote=surface)
            )
    # a court named only through 我院/本院 still counts when it is the home court
    courts = [r for r in refs.values() if r.mentions or (page and r.name == home)]
    gaz = res.m.gaz
    prov = res.ctx.top_province()
    pref = res.ctx.top_prefecture(gaz)
    pd, fd = gaz.get(prov) if prov else None, gaz.get(pref) if pref else None
    return CourtResolution(
        courts=courts,
        mentions=mentions,
        home=home,
        province=pd.name if pd else None,
        city=fd.name if fd else None,
        warnings=res.warnings,
    )


def _bare_mids(res: Resolver, title: str | None) -> None:
    """中院 alone is the intermediate court of the home court's prefecture: the home read
    with each 中院 as the city's (a 中院's own article names itself so), and kept only where
    that home is a basic court, a tribunal or an intermediate court (a high court's article
    speaks of the intermediate courts of its area)."""
    found = list(res.found)
    mid = res.city_mid()
    for _ in range(2):
        if mid is None:
            break
        res.found = found + [Found(a, b, mid, level="intermediate") for a, b in res.bare_mids]
        res.found.sort(key=lambda f: (f.start, -f.end))
        home = home_court(res, title)
        court = res.bare_mid_court(home)
        if court == mid:
            return
        if court is None and home is not None and _only_cited(res, home):
            return  # a city's article that cites its high court first (在省高院的考核中)
        mid = court  # the home court's own 中院, not the city named most
    res.found = found


#: before a high court only cited in a city's article (在省高院的考核中, 据省高院通报)
_CITED_BEFORE = frozenset("在据经对向从由按受被")


def _only_cited(res: Resolver, home: str) -> bool:
    """Whether the high court chosen as the home is named only after a preposition (在省高院
    对全省考核的结果中): the article is the city's courts', the high court cited, not its
    subject."""
    rc = res.court(home)
    if rc is None or rc.level != "high":
        return False
    starts = [f.start for f in res.found if f.court == home]
    return bool(starts) and all(res.folded[p - 1 : p] in _CITED_BEFORE for p in starts)


def _read_names(res: Resolver) -> None:
    """The names the matcher finds, read in context; the courts named by pattern (their
    spans override the keys inside them); then the elliptical lists of courts."""
    raw, covered = res.scan()
    special_spans = find_special_basic(res, covered)
    special_spans += find_named_basic(res, covered + special_spans)
    zone_spans = find_zones(res, covered + special_spans) + special_spans
    res.resolve_matches(raw, skip=zone_spans)
    find_court_lists(res)
    find_circuit_short_forms(res)


__all__: list[str] = [
    "CourtResolution",
    "agg_label",
    "extract_courts",
    "resolve_court_name",
]
