"""Bodies courts work with: Party committees, political-legal committees, justice bureaus,
federations, law firms, mediation committees, police, insurers …

`find_organizations(text, court_mentions)` finds them by a lexicon of body types, taking the
place or name written before the type word (博乐市党委政法委, 集贤县兴安乡人民调解委员会).
Bodies that exist once per place (政法委, 司法局, 工商联) are named after the article's place
when the text leaves it out; unnamed groups (律所, 当地党委政府, 交警) are `generic`.

>>> [(h.surface, h.type, h.generic) for h in find_organizations("法院与辖区律所、司法局座谈。")]
[('辖区律所', 'law_firm', True), ('司法局', 'justice_bureau', False)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingest.document import CourtMention

HAN = "\u4e00-\u9fff"

#: (type word regex, type, generic when no place is written, canonical form with {place})
_TYPES: tuple[tuple[str, str, bool, str], ...] = (
    (
        r"党委政法委|政法委员会|政法委",
        "political_legal_committee",
        False,
        "中共{place}委政法委员会",
    ),
    (
        r"(?:省委|市委|州委|县委|区委)办公厅|(?:省委|市委|州委|县委|区委)办公室",
        "party_committee_office",
        False,
        "{surface}",
    ),
    (r"党委政府|党委和政府", "party_committee_and_government", True, "{surface}"),
    (
        r"(?:省委|市委|州委|县委|区委)(?!常委|书记|副书记|政法委|办公)",
        "party_committee",
        False,
        "中共{place}委",
    ),
    (r"司法行政部门|司法行政机关", "justice_administration", True, "{surface}"),
    (r"司法局", "justice_bureau", False, "{place}司法局"),
    (r"工商联|工商业联合会", "business_association", False, "{place}工商业联合会"),
    (r"人大常委会|人大(?!代表)", "legislature", False, "{place}人民代表大会常务委员会"),
    (r"政协(?!委员)", "cppcc", False, "政协{place}委员会"),
    (r"公安局|公安机关|公安(?!部门)|公安部门", "public_security", True, "{surface}"),
    (r"交警|交通警察", "public_security", True, "{surface}"),
    (r"检察院|检察机关", "procuratorate", True, "{surface}"),
    (r"纪委监委", "discipline_commission", True, "{surface}"),
    (r"律师事务所|律所", "law_firm", True, "{surface}"),
    (r"律师协会", "bar_association", False, "{place}律师协会"),
    (r"人民调解委员会|调委会", "mediation_organization", True, "{surface}"),
    (r"调解中心", "mediation_organization", True, "{surface}"),
    (r"妇联|妇女联合会", "womens_federation", False, "{place}妇女联合会"),
    (r"总工会", "trade_union", False, "{place}总工会"),
    (r"团委", "youth_league", False, "共青团{place}委员会"),
    (r"商会", "chamber_of_commerce", True, "{surface}"),
    (r"保险公司|保险机构", "insurance", True, "{surface}"),
    (r"仲裁委员会|仲裁委|仲裁机构", "arbitration", True, "{surface}"),
    (
        r"人力资源和社会保障局|人社局|住建局|市场监管局|税务局|自然资源局|民政局|教育局|卫健委",
        "government_agency",
        False,
        "{place}{surface}",
    ),
)
#: the characters type words start with: the look-ahead lets the scan skip all others
TYPE_FIRST_CHARS = "党政省市州县区司工人公交检纪律调妇总团商保仲住税自民教卫"
#: the characters of the type words (every one has two at least: its second is one of them)
_TYPE_CHARS = "".join(sorted({c for p, _, _, _ in _TYPES for c in p if "\u4e00" <= c <= "\u9fff"}))
_TYPE_RE = re.compile(
    "(?=["
    + TYPE_FIRST_CHARS
    + "]["
    + _TYPE_CHARS
    + "])(?:"
    + "|".join(f"(?P<t{i}>{p})" for i, (p, _, _, _) in enumerate(_TYPES))
    + ")"
)
#: a bare 保险 / 仲裁 in a list of partners (交警、法院、保险、人民调解及仲裁)
#: ((?=[保仲]): a quick first test, cheaper than the look-behinds at every character)
_LISTED = re.compile(
    r"(?=[保仲])(?:(?<=[、，,])(?P<w>保险|仲裁)(?=[、及和，,等])|(?<=及)(?P<w2>仲裁))"
)
_PLACE = re.compile(r"(?:[" + HAN + r"]{1,8}?(?:省|市|州|县|区|旗|盟|乡|镇|街道|村))$")
_PREFIX_STOP = frozenset(
    "的与和、及在同对向由为将把从到被以并等经于其该各也都就还又请邀联合共与了是有"
)
_GENERIC_PREFIX = re.compile(r"^(?:当地|属地|辖区|地方|各级|各|相关|有关|基层|所在地)")
#: a generic word cut off by the prefix scan (各 is a stop character): 会同各级党委政法委
_GENERIC_BEFORE = re.compile(r"(?:当地|属地|辖区|各级|各|相关|有关|所在地)$")
#: verbs end a name written before a type word: 共同建设商会调解工作室 names no 建设商会
_VERB_IN_PREFIX = re.compile(
    r"建设|共建|共同|成立|组建|设立|联合|依托|会同|协调|对接|邀请|联系|走访|推动|指导|会商|携手|"
    r"联动|发挥|加强|强化|深化|推进|引入|借助|整合|入驻|进驻|派驻"
)
#: a level written alone (市工商联, 县司法局): the body of the article's city or county
LEVELS = frozenset("省市州县区")


@dataclass(frozen=True)
class OrgHit:
    start: int
    end: int
    surface: str  # as written, with its place or name
    type: str
    generic: bool
    name: str | None = None  # canonical name when the text names the body fully
    place: str | None = None
    level: str | None = None  # 市 in 市工商联: the place is the article's city


def _prefix(text: str, start: int, court_ends: set[int]) -> str:
    """The name or place written right before a type word (at most 12 characters)."""
    i = start
    while i > 0 and start - i < 12 and "\u4e00" <= text[i - 1] <= "\u9fff":
        if text[i - 1] in _PREFIX_STOP or i in court_ends:
            break
        i -= 1
    return text[i:start]


#: each type's pattern as a whole word, and at the end of a longer name (compiled once)
_TYPE_NAMES = tuple(
    (re.compile(pattern), re.compile(pattern + "$"), canonical)
    for pattern, _, _, canonical in _TYPES
)


@lru_cache(maxsize=4096)
def org_name_for(surface: str, place: str | None) -> str:
    """A canonical name for a body named by its type word only (政法委 -> 中共本溪市委政法委员会)."""
    for whole, at_end, canonical in _TYPE_NAMES:
        if whole.fullmatch(surface) or at_end.search(surface):
            if "{place}" in canonical and not place:
                return surface
            return canonical.format(place=place or "", surface=surface)
    return surface


def level_name(surface: str, place: str | None) -> str:
    """市公安局 in an article about 昆山: 昆山市公安局; 市工商联: 呼和浩特市工商业联合会."""
    word = surface[1:] if surface[:1] in LEVELS else surface
    if not place:
        return surface
    named = org_name_for(word, place)
    return named if named != word else place + word


def find_organizations(
    text: str, court_mentions: Sequence[CourtMention] = (), *, limit: int | None = None
) -> list[OrgHit]:
    """Organisation mentions in text[:limit], in text order."""
    limit = len(text) if limit is None else max(0, min(limit, len(text)))
    in_court = {i for m in court_mentions for i in range(m.start, m.end)}
    court_ends = {m.end for m in court_mentions}
    hits: list[OrgHit] = []
    for m in _TYPE_RE.finditer(text, 0, limit):
        if m.start() in in_court:
            continue
        # the type's group (t0, t1, …): the outermost, it is the last one a match closes
        idx = int(str(m.lastgroup)[1:])
        _, kind, generic_default, canonical = _TYPES[idx]
        word = m.group(0)
        prefix = _prefix(text, m.start(), court_ends)
        verbs = list(_VERB_IN_PREFIX.finditer(prefix))
        if verbs:
            prefix = prefix[verbs[-1].end() :]
        generic_prefix = _GENERIC_PREFIX.match(prefix)
        if not generic_prefix and len(prefix) <= 2:
            before = _GENERIC_BEFORE.search(text, max(0, m.start() - 4), m.start())
            if before and before.start() <= m.start() - len(prefix):
                generic_prefix, prefix = before, before.group(0)
        place_m = _PLACE.search(prefix) if prefix else None
        if generic_prefix:
            hits.append(OrgHit(m.start() - len(prefix), m.end(), prefix + word, kind, True))
            continue
        if prefix in LEVELS and word not in ("省委", "市委", "州委", "县委", "区委"):
            start = m.start() - 1
            hits.append(OrgHit(start, m.end(), prefix + word, kind, False, level=prefix))
            continue
        if word in ("省委", "市委", "州委", "县委", "区委") or word.endswith(("办公厅", "办公室")):
            place = (prefix + word[0]) if prefix else None
            surface = prefix + word
            name = f"中共{place}委" if place and kind == "party_committee" else None
            if kind == "party_committee_office" and place:
                name = f"中共{place}委{word[2:]}"
            hits.append(OrgHit(m.start() - len(prefix), m.end(), surface, kind, False, name, place))
            continue
        if place_m or (
            prefix and kind in ("mediation_organization", "law_firm", "chamber_of_commerce")
        ):
            place = place_m.group(0) if place_m else None
            surface = prefix + word
            name = canonical.format(place=place, surface=surface) if place else surface
            if kind in ("mediation_organization", "law_firm", "chamber_of_commerce", "insurance"):
                name = surface
            hits.append(OrgHit(m.start() - len(prefix), m.end(), surface, kind, False, name, place))
            continue
        hits.append(OrgHit(m.start(), m.end(), word, kind, generic_default))
    for m in _LISTED.finditer(text, 0, limit):
        w = m.group("w") or m.group("w2")
        kind = "insurance" if w == "保险" else "arbitration"
        hits.append(OrgHit(m.start(), m.end(), w, kind, True))
    hits.sort(key=lambda h: h.start)
    return hits
