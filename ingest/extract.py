"""Extract courts, initiatives, adoptions, people, organisations and outcomes from a document.

`extract_document(doc)` runs the court resolver (`ingest.courts.extract_courts`), then the
finders of this package, and attributes every initiative and figure to the court the text is
about at that point: the nearest court named before it in the sentence, else in the
paragraph, else the court of the section (a header such as 经验交流单位：XX法院), else the last
court named before, else the article's own court. People whose court is known stand for their
court (于长春提出… is about 抚顺中院); 该法庭/该庭 stand for the last tribunal named, and 该院
never points back to a court named only in passing (in a cited title, a metadata row, 在X指导下).

A term present is not a term adopted: a word of a cited document's title belongs to the
document's issuer (a higher court promotes it), and nobody adopts an initiative named as a goal
(助推…), as something abolished or missing, as a feature of a facility (该平台集成…), as
another body's practice (司法局的…, 经仲裁机构…), as a cited instruction (关于X的…精神), in a
predicate after 是, in a national leader's call (总书记强调…), or as what counted unnamed units
(26家法庭…) do. Praise and visits credit the praised or visited court (省法院对X给予肯定: the
court the paragraph is about). 该院 never points to the court whose 部署 is followed, the
publisher of a cited report or a court in its own clause; a court after 按照/根据 or before
发布的白皮书显示 is no subject; a court written right before a facility owns it; sentences after
an example list (甲、乙等法院…) return to the paragraph's court; a court that opens its sentence as
the scene (在乙县法院，…) is its subject. Relations: 试点/试行 is piloted (the designated courts
pilot, the designating court promotes), a higher court that issues, designates, leads or guides
promotes (also on a visit to a court below, 到乙县法院调研指导X, and at its own press conference
on X), honours are awarded; a basic court or a tribunal never promotes, it adopts. Every Adoption names the path that attributed it in `rule`
(ADOPTION_RULES); ingest.confidence turns that into a calibrated confidence.

`to_gold(ex)` renders an Extraction in the annotation schema of shared/corpus, quoting mentions
from the article as written.

Example:
    >>> from ingest.document import SourceDocument
    >>> ex = extract_document(SourceDocument(path="a.txt", text="法院推行繁简分流。"))
    >>> [i.name for i in ex.initiatives]
    ['繁简分流']
"""

from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from graph.model import date_key
from ingest.confidence import apply as apply_confidence
from ingest.courts.home import FOLLOW_BEFORE, LEAD_AFTER
from ingest.dates import TEXT_DATE, reference_date, relative_period, resolve_relative, text_date
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
from ingest.gazetteer import load_gazetteer
from ingest.initiatives import (
    ADOPTION_VERBS,
    AGENT_BODY,
    COPULA,
    OTHER_BODY,
    POLICY_TITLE,
    InitiativeMention,
    find_initiatives,
)
from ingest.metrics import FRAGMENT_METRIC, FROM_TAIL
from ingest.normalize import split_sentences
from ingest.numbers import parse_integer
from ingest.organizations import OrgHit, find_organizations, level_name, org_name_for
from ingest.outcome_links import link_outcomes
from ingest.outcomes import OutcomeHit, find_outcomes
from ingest.people import PersonHit, find_people
from ingest.taxonomy import Taxonomy, default_taxonomy
from ingest.visits import document_visits


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


_HEADER_LABEL = re.compile(r"^[^：:]{0,10}(?:单位|法院|法庭|中院|高院)[：:]")
_DIRECTIVE = re.compile(
    r"^(?:[一二三四五六七八九十]、|[一二三四五六七八九十]是?(?=要))?"
    r"(?:要|必须|务必|应当|各级法院要|全省法院要|全市法院要)"
)
#: a verb at a clause's head whose object is the court after it (依托乙法庭…, 走遍乙法院…):
#: the clause's subject is left out, and it is not that court. Only verbs of working through a
#: court: after one of visiting, reporting, directing or suing (参观/通报/要求/诉至乙法院…) the
#: court named is still the one doing what follows, not the paragraph's earlier court
_OBJECT_VERB = re.compile(r"依托|依靠|借助|走遍")
#: a verb of directing (or assisting) courts: a group of courts after it (指导全市两级法院加强X,
#: 协助两级法院促成X) is its object, the court directing them is the clause's subject; one court
#: named after it is not (要求乙法院推行X: 乙法院 does X)
_DIRECT_GROUP_VERB = re.compile(r"指导|督促|推动|带领|组织|要求|协助|配合")
#: a directive inside a sentence: 院长指出，各基层法院要…；要用好… / 今年，全省法院要…
_DIRECTIVE_IN = re.compile(
    r"(?:^|[，,：:；;])\s*(?:(?:今年|明年|下一步|下一阶段|年内|同时|一是|二是|三是|四是|五是|"
    r"(?:20\d{2}|二〇[〇一二三四五六七八九]{2})年)[，,]?)*"
    r"(?P<group>(?:全省|全市|全区|全州|全县|全国|各级|各|两级|各试点|试点|各基层|基层)(?:人民)?法院)?"
    r"(?:要(?![求案素点件闻务])|必须|务必|应当)"
)
#: a directive to courts in general names no court: it comes from the article's own court
_GENERIC_GROUP = re.compile(r"^(?:全国|各级|各|各试点|试点|各基层|基层)")
_DEPLOY = re.compile(
    r"部署|印发|全面推行|推广|指导|督促|出台|牵头|统筹推进|主导|推进会|现场会|动员会"
    # the verb 要求 (要求各基层法院…), not the noun (落实上级法院工作要求)
    r"|(?<!工作)(?<!落实)(?<!贯彻)(?<!按照)(?<!根据)(?<!有关)(?<!相关)(?<!的)要求"
)
#: verbs that, heading an initiative's phrase, make an intermediate court its promoter
#: (全面推行X is as often the court's own practice)
_DEPLOY_HEAD = re.compile(r"推广|部署|印发|出台|督促|指导")
#: 推广江岸区法院的做法 / 学习借鉴X法院经验: X is the adopter, the subject promotes
_PROMOTE_PRACTICE = re.compile(r"推广|借鉴|复制|学习")
_SPREAD_VERB = re.compile(r"推广|复制推广")
_PRACTICE_REF = re.compile(
    r"(?:推广|借鉴|复制|学习)(?P<ref>[^，,。；;]{0,16}?)(?:的)?(?:做法|经验|模式)"
    r"|(?P<ref2>该院|该|其|这一|此)(?:的)?(?:做法|经验|模式)[^，,。；;]{0,12}?(?:推广|借鉴|复制)"
)
_RESPECTIVELY = "分别"
_LOCATIVE_VERB = re.compile(
    r"(?:率先|全面|先行|探索|积极|逐步)?(?:挂牌|" + ADOPTION_VERBS + r"|试点)"
)
_PILOT = re.compile(r"试点|(?<![（(])试行(?![）)])")
#: 营口法院要… / 本溪中院必须…: a court (or a city's courts) told what to do by its leader
_SUBJECT_DIRECTIVE = re.compile(
    r"(?:还|也|都|均|今后|今年|明年|下一步)?(?:要(?![求案素点件闻务])|必须|务必|应当)"
)
#: 在省法院(的)统筹指导下 / 在中院牵头下: that court promotes what the sentence reports
_GUIDANCE = re.compile(
    r"(?:的)?(?:大力|精心|统筹|具体|有力|悉心)?(?:指导|统筹指导|牵头|部署|推动|支持|领导)(?:下|之下)"
)
_AGENT_BEFORE = frozenset("被由经向对与和同在从赴到给把将")
#: what may stand before a clause's subject: times and connectives (2020年3月16日上午，同时)
_LEAD_IN = re.compile(
    r"(?:【[^】\n]{1,16}】|前(?=[\d一二三四五六七八九十两])|[\d一二三四五六七八九十〇年月日号上下午晚时、\s—-]|今年|去年|近年来|近年|目前|同时|此外|另外|"
    r"其中|随后|会上|会议|当天|当日|次日|翌日|同日|当晚|此后|其后|近日|日前|截至目前|以来|期间|近三年来|近年以来|先后|已有|还有|原创)*"
)
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[0-3]?\d)日)?)?")
_HIGH = ("supreme", "high")
#: the marker of an enumerated item at a sentence's start (一是, 其二, （三）, 第四，)
_ITEM_MARK = re.compile(
    r"(?<=[。；;！!？?：:\n])\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十](?=[，,、是])"
    r"|[（(][一二三四五六七八九十][）)]|第[一二三四五六七八九十](?=[，,、是]))"
)
#: a leading clause of purpose or means: 为深化…， 围绕…， 通过…，
_PURPOSE = re.compile(r"\s*(?:为了|为|围绕|按照|根据|结合|通过|依托|聚焦|针对)[^，,。；;：:\n]*$")
#: a province's or a city's name (or both) written before a court's name, outside it
_PLACE_PREFIX = re.compile(r"(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|州|地区|盟)){1,2}")
#: one place of such a prefix
_PLACE_PIECE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:省|自治区|市|自治州|州|地区|盟)")
_UPPER_SUFFIXES = ("自治区", "自治州", "地区", "省", "市", "州", "盟")
#: what opens a leading frame: a chain of purpose clauses, or one setting phrase
_FRAME_OPEN = re.compile(
    r"(?P<purpose>为了|为(?![了期主例此核])(?=[^，,。；;]{2}))|在|自|从|随着|伴随着?"
)
#: how a setting phrase ends: 在X过程中 / 在X中 / 自X以来 / 随着X的推进 (not 在X方面，: a topic
#: that often opens a list of several courts' work)
_FRAME_END = re.compile(r"(?:中|过程中|之中|之际|以来|期间|背景下|推进|深入|开展|实施)$")
#: a clause of a frame headed by courts named as a place's or a system's (农垦法院按照…,
#: 全市两级法院坚持…): the clause has a subject, so the frame ends before it
_NAMED_GROUP_HEAD = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{2,4}?)(?:两级|各级)?(?:法院|法庭)(?=按照|根据|坚持|积极|始终|不断|全面|深入|认真|持续|紧紧|围绕|结合|以)"
)
#: a frame this long or longer is no frame (a sentence without its subject)
_FRAME_MAX = 160
#: an actor of the frame's own that is no court mention: another body, or courts elsewhere
#: (在兄弟法院推行X过程中): what the frame names is theirs
_FRAME_ACTOR = re.compile(
    OTHER_BODY.pattern
    + r"|县委|市委|区委|省委|州委|旗委|[^，,]{1,6}(?<![格布大全结当开])局|兄弟法院|其他法院|外地法院"
)
#: what may stand right before a court that sets the scene (在, or its parent court's 的)
_AGENT_BEFORE_OR_OF = _AGENT_BEFORE | {"的", "院", "庭"}
#: after a court that sets the scene of its clause (在乙县法院，/ 在乙县法院丁镇法庭站，)
_SCENE_AFTER = re.compile(r"(?:站|里|内)?[，,]")
#: a quoted phrase (its commas are no clause breaks)
_QUOTED = re.compile(r"“[^“”\n]*”")
_RANK = {"supreme": 5, "high": 4, "intermediate": 3, "special": 3, "basic": 2, "tribunal": 1}
_COORDINATORS = frozenset(["、", "和", "及", "与", "以及"])
#: right after a court: the verb of its own clause (乙法庭打造…, 丙法院推行…)
_ITEM_VERB = re.compile("(?:" + ADOPTION_VERBS + ")")
_VERB_IN_GAP = re.compile(
    "(?:" + ADOPTION_VERBS + r"|的|在|和|与|及|向|对|为|将|把|被|由|等|指导|联合|协助|参与)"
)
#: 贯彻/落实 … earlier in a clause: the courts after it are followed, not acting
_FOLLOWED = re.compile(r"贯彻|落实|按照|根据|遵照|依照|紧跟|紧扣|响应")
#: 按照/根据 X: a court after them sets the rule the clause's subject follows
_GUIDE_PREPOSITIONS = frozenset(
    [
        "按照",
        "根据",
        "依照",
        "遵照",
        "依据",
        "对照",
        "参照",
        "按",
        "围绕",
        "紧扣",
        "紧跟",
        "落实",
        "贯彻",
        "响应",
        "遵循",
    ]
)


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    court: str
    proxy: bool = False  # a person standing for their court
    anaphor: bool = False  # a bare 法庭 (or 该庭 far from its tribunal): the article's tribunal


#: a paragraph's opening that sets the scene (近年来，…日益多元复杂。 随着…): the court named after
#: it is what the paragraph is about, no example of the opening's statement
_SETTING_OPENING = re.compile(
    r"\s*(?:近年来|近些年来|近年|多年来|长期以来|一直以来|当前|目前|如今|眼下|随着|面对|由于)"
)


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
        # answers that depend on the text and court mentions only, per position
        self._memo: dict[tuple[str, int], bool] = {}
        #: answers per initiative mention (see _per_mention): these depend on the people too
        self.mention_memo: dict[tuple[str, InitiativeMention], bool] = {}
        # courts_in and sentence per span and position (the text and mentions' answers, shared
        # by with_people's copies)
        self._courts_in: dict[tuple[int, int], tuple[CourtMention, ...]] = {}
        self._sentence_at: dict[int, tuple[int, int]] = {}
        self._clause_head: dict[int, int] = {}  # clause_start per position, whatever `lo`
        #: _deficient per mention (the text and the court mentions' answer: shared by copies)
        self.lags: dict[InitiativeMention, bool] = {}
        #: unit_path per position: it depends on the people too (reset by with_people)
        self._unit_paths: dict[int, tuple[str | None, str]] = {}
        self.breaks = [b.start() for b in _CLAUSE_BREAK.finditer(text)]
        self._heads = [b.start() for b in _CLAUSE_OR_DASH.finditer(text)]
        # with the spaces between a headline's parts too: for award winners and unplaced
        # tribunals only (甲县法院深化X 乙镇法庭获评Y), not for who heads a clause elsewhere
        self._space_heads = [b.end() - 1 for b in _HEAD_BREAK.finditer(text)]
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.courts = list(courts)
        self.levels = {c.name: c.level for c in courts}
        parents = {c.name: c.parent for c in courts}
        self.home = home
        subjects: list[_Subject] = []
        anaphors, self._new_anaphors = _tribunal_anaphors(text, mentions, self.levels, home)
        mentions = [*mentions, *anaphors]
        self._mention_end = {m.start: max(m.end, 0) for m in mentions}
        self._ends = {m.end: m.start for m in mentions}
        mentions = self._repoint_anaphors(mentions, home)
        # where the article's own court is first named (我院/本院 included): a guess of it
        # before that point is a weaker one
        self._home_starts = [m.start for m in mentions if home is not None and m.court == home]
        self._home_first = min(self._home_starts, default=len(text))
        self._home_places = _home_places(courts, home)
        #: the starts of lines that are items of a list of courts' names (see _sections)
        self.list_lines: set[int] = set()
        #: the spans of the honours' names (set once the initiatives are found)
        self.honours: list[tuple[int, int]] = []
        #: the document's date (ISO), the year of a month-day written without one
        self.doc_date: str | None = None
        #: the day 今年/去年 count from: the document's date, else one its text states
        self.ref_date: str | None = None
        #: the years of the dates the text writes, per document date (see _text_years)
        self.text_years: dict[str | None, list[tuple[int, str]]] = {}
        # a mention inside a longer one (盖州市人民法院 in 盖州市人民法院东城人民法庭) is part of it
        ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
        outer: list[CourtMention] = []
        for m in ordered:
            if outer and outer[-1].start <= m.start and m.end <= outer[-1].end:
                continue
            outer.append(m)
        self.mentions = outer
        self._outer_end = {m.start: m.end for m in outer}
        self.mention_starts = [m.start for m in outer]
        self.parents = parents
        last: _Subject | None = None
        for i, m in enumerate(outer):
            nxt = outer[i + 1] if i + 1 < len(outer) else None
            # 万州法院大周法庭: the basic court only qualifies its tribunal
            if nxt is not None and nxt.start == m.end and parents.get(nxt.court) == m.court:
                continue
            # 寿光市人民法院、青州市人民法院被确定为…: courts listed with a subject are subjects
            listed = last is not None and text[last.end : m.start] in _COORDINATORS
            if self._metadata(m):
                continue  # 来源：乙县法院: the publisher, not what the text is about
            if listed or self._is_subject(m.start) or self._heads_item(last, m):
                last = _Subject(m.start, m.end, m.court, anaphor=m.start in self._new_anaphors)
                subjects.append(last)
        self._court_subjects = subjects
        self.lines = _lines(text)
        self.line_starts = [a for a, _ in self.lines]
        self.sections = self._sections(outer)
        self._add_people(people)

    def with_people(self, people: Sequence[PersonHit]) -> _Context:
        """This context with `people` standing for their courts instead (what depends on the
        text and the court mentions only is shared)."""
        ctx = copy.copy(self)
        ctx.mention_memo = {}
        ctx._unit_paths = {}
        ctx._add_people(people)
        return ctx

    def _add_people(self, people: Sequence[PersonHit]) -> None:
        """The subjects (the courts' and the people's) and the paragraphs' topics."""
        text = self.text
        subjects = list(self._court_subjects)
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
        # the topic of a paragraph is the first court it is about (its first subject)
        self.topics: list[tuple[int, str]] = []
        speaker_line = -1  # the paragraph whose topic so far is only a quote's speaker
        for s in subjects:
            a, b = self.line(s.start)
            if self._background(s.end) or text.startswith(("《", "的《"), s.end):
                continue  # 市高法院《…》: a cited author
            if b - a <= _CAPTION_LINE and _CAPTION.search(text, a, b):
                continue  # a photo's caption is no paragraph the text goes on about
            if not self.topics or self.topics[-1][0] != a:
                # 甲、乙、丙法院…: a paragraph opening on a list of courts is about none alone
                listed = self._opens_list(s) or a in self.list_lines
                # a court first named past the paragraph's opening sentence is an example of it
                # (not past a scene-setting opening: 近年来，矛盾纠纷日益多元复杂。乙法院…)
                example = (
                    self.sentence(s.start)[0] > self.sentence(a)[0]
                    and s.court != self.home
                    and not _SETTING_OPENING.match(text, a)
                )
                self.topics.append((a, "" if listed or example else s.court))
                speaker_line = a if self._speaker(s.end) else -1
            elif speaker_line == a and not s.proxy and not self._speaker(s.end):
                # 乙中院副庭长某某表示。近年来，甲市法院…: the court the paragraph goes on
                # about, not the speaker's
                self.topics[-1] = (a, s.court)
                speaker_line = -1
        self.topic_starts = [a for a, _ in self.topics]

    def _heads_item(self, last: _Subject | None, m: CourtMention) -> bool:
        """甲法庭打造“A”品牌、乙法庭打造“B”品牌: a court right after 、 with its own verb,
        when the item before it is the previous subject's clause (a court and its verb), heads
        an item of its own: what follows it is its, not the first court's."""
        text = self.text
        if last is None or m.start < 1 or text[m.start - 1] != "、":
            return False
        if not _ITEM_VERB.match(text, m.end) or not _ITEM_VERB.match(text, last.end):
            return False
        between = text[last.end : m.start - 1]
        return "、" not in between and not _CLAUSE_BREAK.search(between)

    def _opens_list(self, s: _Subject) -> bool:
        """The subject at `s` is the first of courts joined by 、/和/及 (甲、乙法院…)."""
        i = bisect.bisect_left(self.mention_starts, s.end)
        if i >= len(self.mentions):
            return False
        return self.text[s.end : self.mentions[i].start] in _COORDINATORS

    def _repoint_anaphors(
        self, mentions: Sequence[CourtMention], home: str | None
    ) -> list[CourtMention]:
        """该院 does not point back to a court named only in passing: inside a cited title
        (学习《最高人民法院关于…》), in a metadata row, as a guide (在中院指导下), as a
        conferring court (被X授予) or in a scene-setting clause (最高院印发…后，该院…). Such
        an antecedent is replaced by the last court named before it in earnest (else the
        article's own court)."""
        ordered = sorted(mentions, key=lambda m: m.start)
        out: list[CourtMention] = []
        for m in ordered:
            if m.surface in ("该院", "該院") and out:
                prev = [x for x in out if x.end <= m.start and not x.court.startswith("AGG:")]
                ante = next((x for x in reversed(prev) if x.court == m.court), None)
                if ante is not None and self._in_passing(ante, m, ordered):
                    alt = next(
                        (x for x in reversed(prev) if not self._in_passing(x, m, ordered)),
                        None,
                    )
                    court = alt.court if alt is not None else home
                    if court and court != m.court and not court.startswith("AGG:"):
                        m = CourtMention(m.start, m.end, m.surface, court)
            out.append(m)
        return out

    def _in_passing(
        self, x: CourtMention, anaphor: CourtMention, named: Sequence[CourtMention]
    ) -> bool:
        """Whether the court at `x` is named in passing (see _repoint_anaphors); a guide
        only when another court of `named` acts in its sentence."""
        text = self.text
        if text.rfind("《", 0, x.start) > text.rfind("》", 0, x.start):
            return True  # inside a title
        if self._metadata(x):
            return True
        if _REPORT_AFTER.match(text, x.end):
            return True  # 甲中院发布的白皮书显示: the author of a cited report
        if (
            x.start > 0
            and text[x.start - 1] == "在"
            and _GUIDANCE.match(text, x.end)
            and self._another_court_in_sentence(x, named)
        ):
            return True  # 甲县法院在乙中院指导下…: the guide (在甲县法院推动下，县综治中心…: no)
        if x.start > 0 and text[x.start - 1] in "被由" and _GRANT_VERB.match(text, x.end):
            return True
        if _PRAISE_GIVER.search(text, max(0, x.start - 3), x.start) and _PRAISE.search(
            text, x.end, min(len(text), x.end + 12)
        ):
            return True  # 得到省法院充分肯定: the praising court
        if FOLLOW_BEFORE.search(text, max(0, x.start - 6), x.start) and LEAD_AFTER.match(
            text, x.end
        ):
            return True  # 落实甲中院…部署: whose deployment is followed
        gap = text[x.end : anaphor.start]
        if len(gap) <= 30 and not _CLAUSE_BREAK.search(gap) and "和" not in gap:
            return True  # 省法院院长某某对该院…表示肯定: 该院 is not the clause's own subject
        return len(gap) <= 160 and "。" not in gap and self._background(x.end)

    def _another_court_in_sentence(self, x: CourtMention, named: Sequence[CourtMention]) -> bool:
        """Another court than `x`'s (该院 aside) is named in the sentence of `x`."""
        text = self.text
        ends = "。！？!?\n"
        lo = max(text.rfind(c, 0, x.start) for c in ends) + 1
        hi = min((i for i in (text.find(c, x.end) for c in ends) if i >= 0), default=len(text))
        return any(
            lo <= m.start < hi
            and m.court != x.court
            and m.surface not in ("该院", "該院")
            and not m.court.startswith("AGG:")
            for m in named
        )

    def _metadata(self, m: CourtMention) -> bool:
        """A court named in a metadata row (来源：乙县法院, 发文机关最高人民法院) or in a photo
        caption or credit line (…。（乙县法院供图）): the publisher, not what the text is about."""
        a = self.text.rfind("\n", 0, m.start) + 1
        label = _METADATA_LABEL.match(self.text, a, m.start)
        if label is not None and len(self.text[label.end() : m.start].strip(" ：:　")) <= 2:
            return True
        b = self.text.find("\n", m.end)
        b = len(self.text) if b < 0 else b
        if _CAPTION.match(self.text, m.end):
            return True  # 乙县法院供图: the credit itself
        # a caption line (short, with a credit); a long flattened page is no caption
        credit = _CAPTION.search(self.text, a, b) if b - a <= _CAPTION_LINE else None
        if credit is None:
            return False
        # …the court of the caption's own sentence (乙法庭召开X推进会。 乙法院供图) is what the
        # photo shows doing something, not its credit
        told = self.text.rfind("。", a, credit.start())
        return not (m.end <= told and _CAPTION_CLAUSE_HEAD.search(self.text, a, m.start) is None)

    def _clause_end(self, pos: int, limit: int) -> int:
        """_clause_end(self.text, pos, limit), from the precomputed clause breaks."""
        hi = min(limit, len(self.text))
        i = bisect.bisect_left(self.breaks, pos)
        return self.breaks[i] if i < len(self.breaks) and self.breaks[i] < hi else hi

    def _background(self, end: int) -> bool:
        """The clause after a subject ends in 后/以来 (最高院印发…后，该院…): it sets the
        scene for the court the paragraph is about."""
        key = ("background", end)
        if key not in self._memo:
            n = min(len(self.text), end + 160)
            i = self._clause_end(end, n)
            self._memo[key] = (
                i < n
                and self.text[i] in "，,"
                and self.text[max(end, i - 2) : i].endswith(("后", "以来", "之际", "期间"))
            )
        return self._memo[key]

    def _end_at(self, start: int) -> int:
        """The end of the court mention that starts at `start` (`start` if none does)."""
        return self._mention_end.get(start, start)

    def _speaker(self, end: int) -> bool:
        """The clause after a court ends in a speech verb (乙县法院副院长某某表示。): the
        court introduces a quote."""
        key = ("speaker", end)
        if key not in self._memo:
            n = min(len(self.text), end + 30)
            i = self._clause_end(end, n)
            self._memo[key] = i < n and _SPEECH_END.search(self.text, end, i) is not None
        return self._memo[key]

    def _group_at(self, start: int) -> bool:
        """Whether the court mention starting at `start` is a group of courts (全市法院)."""
        i = bisect.bisect_left(self.mention_starts, start)
        return (
            i < len(self.mentions)
            and self.mentions[i].start == start
            and self.mentions[i].court.startswith("AGG:")
        )

    def _is_subject(self, start: int) -> bool:
        """A court named at the head of its clause (after times and connectives only)."""
        key = ("subject", start)
        if key not in self._memo:
            self._memo[key] = self._at_clause_head(start)
        return self._memo[key]

    def _at_clause_head(self, start: int, head: int | None = None) -> bool:
        # a dash opens a headline's second part (甲乙——某法院践行…) as a comma does a clause
        if head is None:
            i = bisect.bisect_left(self._heads, start) - 1
            a = self._heads[i] + 1 if i >= 0 else 0
        else:
            a = head
        prefix = self.text[a:start]
        if prefix and prefix[-1] in _AGENT_BEFORE_OR_OF and self._scene(prefix, start):
            return True
        if prefix and prefix[-1] in _AGENT_BEFORE:
            return False
        if _REPORT_AFTER.match(self.text, self._end_at(start)):
            return False  # 甲中院发布的白皮书显示，…: the author of a cited report
        lead = _LEAD_IN.match(prefix)  # always matches (it may match nothing)
        rest = prefix[lead.end() :] if lead else prefix
        if _OBJECT_VERB.fullmatch(rest):
            return False  # 依托乙法庭打造X / 走遍乙法院…: the court is the verb's object
        if _DIRECT_GROUP_VERB.fullmatch(rest) and self._group_at(start):
            return False  # 指导全市法院…: the group is directed, not the subject
        if rest in _GUIDE_PREPOSITIONS:
            return False  # 按照全市法院…要求，…: whose requirement, not who acts
        if rest == "以" and _FRAME_NOUN.match(self.text, self._end_at(start)):
            return False  # 以市法院“X”为抓手，…: the frame the subject works in, not who acts
        if _PLACE_PREFIX.fullmatch(rest) and all(
            _upper_place(p) for p in _PLACE_PIECE.findall(rest)
        ):
            return True  # 云南省大理州|巍山县人民法院…: places the court's name left out
        return len(rest) <= 2 and not any(c in _AGENT_BEFORE for c in rest)

    def head_before(self, pos: int, spaces: bool = False) -> int:
        """Where the clause holding `pos` starts (with `spaces`, the headline's part: 甲县法院
        深化X 乙镇法庭获评Y)."""
        heads = self._space_heads if spaces else self._heads
        i = bisect.bisect_left(heads, pos) - 1
        return heads[i] + 1 if i >= 0 else 0

    def part_subjects(self, lo: int, hi: int) -> list[str]:
        """The courts heading text[lo:hi] taken as a clause of its own (a headline's part
        after a space), and the courts listed with them (甲法庭、乙法庭获评…)."""
        out: list[str] = []
        last: CourtMention | None = None
        i = bisect.bisect_left(self.mention_starts, lo)
        for k in range(i, len(self.mentions)):
            m = self.mentions[k]
            if m.end > hi:
                break
            nxt = self.mentions[k + 1] if k + 1 < len(self.mentions) else None
            if nxt is not None and nxt.start == m.end and self.parents.get(nxt.court) == m.court:
                continue  # 万州法院大周法庭: the basic court only qualifies its tribunal
            gap = self.text[last.end : m.start] if last is not None else ""
            # 甲法庭、乙法庭获评… / 获奖单位：甲法院 乙法院 荣获…: courts listed with the first
            listed = last is not None and (gap in _COORDINATORS or (gap and not gap.strip()))
            if listed or self._at_clause_head(m.start, lo):
                last = m
                if m.court not in out:
                    out.append(m.court)
        return out

    def _scene(self, prefix: str, start: int) -> bool:
        """The court at `start` opens its clause as the scene of what follows: 在乙县法院，… /
        在乙县法院丁镇法庭站，… (its parent court, and 的, may stand between: 在乙县法院的丁镇
        法庭，…): what the clause after it tells happens there."""
        lead = _LEAD_IN.match(prefix)
        rest = prefix[lead.end() :] if lead else prefix
        if not rest.startswith("在"):
            return False
        if rest != "在":
            end = start - 1 if rest.endswith("的") else start
            parent = self._ends.get(end)
            if parent is None:
                return False
            place = self.text[start - len(rest) + 1 : parent]
            if place and not _PLACE_PREFIX.fullmatch(place):
                return False
        end = self._outer_end.get(start, self._end_at(start))
        return _SCENE_AFTER.match(self.text, end) is not None

    def _sections(self, mentions: Sequence[CourtMention]) -> list[tuple[int, str]]:
        """Header lines naming one court (交流单位：XX法院, or a line that is a court's name);
        a page's metadata rows (发文机关最高人民法院, 来源：XX法院) are not headers."""
        out: list[tuple[int, str]] = []
        full: list[bool] = []  # per non-blank line: it is a court's name (or a damaged one)
        # the mentions come ordered by start: a line's are a slice found by bisection, not a
        # pass over all of them per line (unless one ends before it starts: then that pass)
        starts_at = [m.start for m in mentions]
        sliced = starts_at == sorted(starts_at) and all(m.end >= m.start for m in mentions)
        for a, b in self.lines:
            line = self.text[a:b].strip()
            if not line:
                continue
            if sliced:
                lo, hi = bisect.bisect_left(starts_at, a), bisect.bisect_right(starts_at, b)
                inside = [m for m in mentions[lo:hi] if m.end <= b]
            else:
                inside = [m for m in mentions if a <= m.start and m.end <= b]
            covered = sum(m.end - m.start for m in inside)
            full.append((bool(inside) and covered >= len(line) - 1) or _damaged_item(line))
            if len(line) > 40 or _METADATA_LABEL.match(line) or _CAPTION.search(line):
                continue
            if not inside:
                continue
            if (
                (len(line) <= 20 and _HEADER_LABEL.match(line))
                or (len(line) <= 14 and covered * 2 >= len(line))
                or covered >= len(line) - 1  # the line is a court's full name
            ):
                out.append((a, inside[-1].court))
        # consecutive lines of courts' names are a list (命名以下法庭：⏎甲法庭⏎乙法庭), not
        # headings: the paragraph after the list is about none of them
        starts = [a for a, b in self.lines if self.text[a:b].strip()]
        listed = {
            starts[i]
            for i in range(len(starts))
            if full[i] and ((i > 0 and full[i - 1]) or (i + 1 < len(full) and full[i + 1]))
        }
        self.list_lines = listed
        return [x for x in out if x[0] not in listed]

    def clause_start(self, lo: int, pos: int) -> int:
        """Where the clause holding `pos` starts (not before `lo`)."""
        head = self._clause_head.get(pos)
        if head is None:
            i = bisect.bisect_left(self.breaks, pos) - 1
            head = self._clause_head[pos] = self.breaks[i] + 1 if i >= 0 else -1
        return head if head > lo else lo  # (-1: no break before `pos`, the clause opens at lo)

    def sentence(self, pos: int) -> tuple[int, int]:
        found = self._sentence_at.get(pos)
        if found is None:
            i = bisect.bisect_right(self.sent_starts, pos) - 1
            if 0 <= i < len(self.sentences) and self.sentences[i][0] <= pos < self.sentences[i][1]:
                found = self.sentences[i]
            else:
                found = self.line(pos)
            self._sentence_at[pos] = found
        return found

    def line(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        return self.lines[max(0, i)] if self.lines else (0, len(self.text))

    @functools.cached_property
    def full_dates(self) -> tuple[list[int], list[re.Match[str]]]:
        """The dates written out (_DATE: 2023年, 2023年3月5日) in the whole text, and their
        starts: read once, not from the text's start again for each month-day."""
        found = list(_DATE.finditer(self.text))
        return [d.start() for d in found], found

    def dates_before(self, pos: int) -> list[re.Match[str]]:
        """`_DATE.finditer(text, 0, pos)`: the text's dates up to `pos` (one that runs past
        `pos` is read again, cut there, as that search reads it)."""
        starts, found = self.full_dates
        i = bisect.bisect_left(starts, pos)
        if i and found[i - 1].end() > pos:
            return list(_DATE.finditer(self.text, 0, pos))
        return found[:i]

    def table_header(self, pos: int) -> bool:
        """_table_header of the line at `pos`, read once per line."""
        key = ("table-header", self.line(pos)[0])
        if key not in self._memo:
            self._memo[key] = _table_header(self, pos)
        return self._memo[key]

    def section(self, pos: int) -> tuple[int, str] | None:
        best = None
        for start, court in self.sections:
            if start <= pos:
                best = (start, court)
        return best

    def last_between(self, lo: int, hi: int) -> _Subject | None:
        i = bisect.bisect_left(self.starts, hi) - 1
        while i >= 0 and self.subjects[i].start >= lo:
            if self.subjects[i].end <= hi:
                return self.subjects[i]
            i -= 1
        return None

    def unit_at(self, pos: int) -> str | None:
        """The court (or AGG label) the text at `pos` is about."""
        return self.unit_path(pos)[0]

    def unit_path(self, pos: int) -> tuple[str | None, str]:
        """The court the text at `pos` is about, and which path found it (a rule id suffix):
        ``subject`` (the subject of the clause), ``person-subject`` (a person standing for their
        court), ``person-object`` (a court the person subject speaks of, named after them),
        ``nearest-in-sentence``, ``purpose-subject``, ``section``, ``paragraph``
        (earlier in the paragraph), ``tribunal-anaphor`` (a bare 法庭 heading the clause, or
        该庭 far from the article's one tribunal), ``paragraph-topic`` (the previous paragraph's
        topic, or the article's own court as an earlier topic), ``heading-next-topic`` (a
        section's heading: the court the paragraph after it opens on), ``paragraph-topic-far``
        (another court that was the topic further back), ``home`` (the article's own court,
        named before `pos`),
        ``home-early`` (not yet named, but named or placed in `pos`'s paragraph) and
        ``home-unnamed`` (neither: adoptions take no court from it).

        Worked out once per position (the subjects it reads are this context's own)."""
        found = self._unit_paths.get(pos)
        if found is None:
            found = self._unit_paths[pos] = self._unit_path(pos)
        return found

    def _unit_path(self, pos: int) -> tuple[str | None, str]:
        s_start, s_end = self.sentence(pos)
        hit = self.last_between(s_start, pos)
        if hit:
            owner = self._inspected(max(hit.end, self.clause_start(s_start, pos)), pos)
            if owner is not None and owner != hit.court:
                return owner, "object-owner"
            if hit.proxy:
                named = [c for c in self.courts_in(hit.end, pos) if c.court != hit.court]
                if named:
                    # 院长某某认为乙法庭在…坚持X: the court the person speaks of does X
                    return named[-1].court, "person-object"
                return hit.court, "person-subject"
            if hit.anaphor:
                return hit.court, "tribunal-anaphor"
            c_start = self.clause_start(s_start, pos)
            if hit.start < c_start and hit.court == _SPC:
                circuit = self._circuit_about(pos, hit.start)
                if circuit is not None:
                    return circuit, "circuit-parent"
            return hit.court, "subject" if hit.start >= c_start else "nearest-in-sentence"
        if _PURPOSE.match(self.text, s_start, pos):
            # 为深化诉源治理，我院…: a leading purpose clause belongs to the subject after it
            i = bisect.bisect_left(self.starts, pos)
            if i < len(self.subjects) and self.subjects[i].end <= s_end:
                return self.subjects[i].court, "purpose-subject"
        framed = self._frame_subject(s_start, s_end, pos)
        if framed is not None:
            # 为深化X，推进Y，乙法院… / 在推进X过程中，乙法院… / 自X开展以来，乙法院…
            return framed, "frame-subject"
        sec = self.section(pos)
        if sec is not None:
            # in a section about one court, its sentences are about that court
            return sec[1], "section"
        l_start, _ = self.line(pos)
        hit = self.last_between(l_start, s_start)
        if hit and self.text.startswith("等", hit.end):
            # 甲、乙、丙等法院…: examples; the sentences after them are about the court the
            # paragraph was about before the list
            hit = self._before_list(l_start, hit)
            if hit:
                return hit.court, "paragraph-before-examples"
        elif hit:
            if self._no_one_court_since(hit, s_start):
                return None, "paragraph"
            first = _ITEM_MARK.search(self.text, l_start, hit.start)
            later = _ITEM_MARK.search(self.text, hit.end, min(pos, s_start + 8))
            if first is None or later is None or later.start() > s_start:
                return hit.court, "paragraph"
            # 一是…，甲区法院建成X。二是…：推行Y: a court named in an earlier item of an
            # enumeration is that item's example; the later items are the lead court's
            lead = self.last_between(l_start, first.start())
            if lead is not None:
                return lead.court, "paragraph"
        # an earlier paragraph: what it was about, not the last example it named
        i = bisect.bisect_left(self.topic_starts, l_start) - 1
        ahead = self._heading_topic(l_start)
        if ahead is not None and i >= 0 and ahead != self.topics[i][1]:
            # 打造X，推动Y⏎乙法庭…: a section's heading is about the court of the paragraph
            # it opens (a title before any paragraph is left to the guesses below)
            return ahead, "heading-next-topic"
        if i >= 0 and not self.topics[i][1]:
            return None, "paragraph-topic"
        if i >= 0:
            court = self.topics[i][1]
            if court == self.home or self._recent(self.topics[i][0], l_start):
                return court, "paragraph-topic"
            # the topic of a paragraph several paragraphs back, not the article's own court:
            # a weaker guess, told apart so that its precision is measured on its own
            return court, "paragraph-topic-far"
        if self.home is not None and pos < self._home_first:
            # the own court not yet named: guessed only when its paragraph names it later or
            # names its place (a title 甲县…, a lead sentence 近年来，甲县…)
            if self._home_named_in(*self.line(pos)):
                return self.home, "home-early"
            return self.home, "home-unnamed"  # no initiative is credited on this guess
        return self.home, "home"

    def _frame_subject(self, s_start: int, s_end: int, pos: int) -> str | None:
        """The court heading the clause right after a leading frame that holds `pos`: a chain
        of purpose clauses (为深化X，推进Y，[近年来，]乙法院…) or one setting phrase
        (在推进X过程中，/ 自X开展以来，/ 随着X的推进，). None when the frame names a court
        or a group of courts that is not merely followed (在全省法院开展的X活动中, 甲中院…)."""
        text = self.text
        a = _LEAD_IN.match(text, s_start).end()  # type: ignore[union-attr]
        while a < pos and text[a] in "，,":  # 2023年，为…
            a = _LEAD_IN.match(text, a + 1).end()  # type: ignore[union-attr]
        opener = _FRAME_OPEN.match(text, a, pos)
        if opener is None:
            return None
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.subjects):
            return None
        sub = self.subjects[i]
        if sub.end > s_end or sub.proxy or sub.start - a > _FRAME_MAX:
            return None
        # the frame's clauses, quotes left out (“党政动手，依靠群众”): the clause breaks that
        # count, and where the frame itself ends
        plain = _QUOTED.sub(lambda q: "“" + "x" * (len(q.group()) - 2) + "”", text[a : sub.start])
        breaks = [b.start() for b in _CLAUSE_BREAK.finditer(plain)]
        if not breaks or any(plain[b] not in "，," for b in breaks):
            return None  # no comma before the subject, or a sentence break in between
        if _FRAME_ACTOR.search(plain, 0, breaks[0]):
            return None  # 在市检察院开展X中 / 自县司法局推行X以来: the frame's X is another's
        if opener.group("purpose") is None:
            # one setting phrase, then times only (自X开展以来，2023年，乙法院)
            end = breaks[0]
            if not _FRAME_END.search(plain, 0, end):
                return None
            for x, y in zip(breaks, [*breaks[1:], len(plain)], strict=True):
                piece = plain[x + 1 : y]
                if _LEAD_IN.fullmatch(piece) is None:
                    return None
        for x in breaks[:-1]:
            head = _NAMED_GROUP_HEAD.match(plain, x + 1)
            if (
                head is not None
                and not _FOLLOWED.search(head.group("place"))
                and not self.courts_in(a + x + 1, a + head.end())
            ):
                return None  # 为…，农垦法院按照…，甲中院…: a group the resolver left out heads
        k = bisect.bisect_left(self.mention_starts, a)
        for m in self.mentions[k:]:
            if m.start >= sub.start:
                break
            x = next((b for b in reversed(breaks) if a + b < m.start), -1)
            if not _FOLLOWED.search(text, a + x + 1, m.start) and text.rfind(
                "《", a, m.start
            ) <= text.rfind("》", a, m.start):
                return None  # 在全省法院开展的…中 / 为落实…，甲中院…: a court in the frame acts
        return sub.court

    def _heading_topic(self, l_start: int) -> str | None:
        """When the line at `l_start` is a heading (short, no sentence end, no honour) and the
        paragraph after it opens on a court (its first sentence's subject), that court."""
        text = self.text
        a, b = self.line(l_start)
        line = text[a:b].strip()
        if not line or len(line) > _HEADING_MAX or not _SENTENCE_END.isdisjoint(line):
            return None  # a sentence (“…。” too) is no heading
        if line.startswith(("图为", "图片", "图：", "图:")):
            return None  # a photo's caption
        if _HONOUR_HEADING.search(line):
            return None  # 成全国某某案例: a heading that says what was won, not what is done
        i = bisect.bisect_right(self.line_starts, a)
        while i < len(self.lines) and not text[self.lines[i][0] : self.lines[i][1]].strip():
            i += 1
        if i >= len(self.lines):
            return None
        na, nb = self.lines[i]
        k = bisect.bisect_left(self.starts, na)
        if k >= len(self.subjects):
            return None
        first = self.subjects[k]
        _, s_end = self.sentence(first.start)
        if first.proxy or first.start >= nb or self.sentence(na)[1] != s_end:
            return None  # no court opens the next paragraph
        after = self.courts_in(first.end, s_end)
        if after and text[first.end : after[0].start] in _COORDINATORS:
            return None  # 甲法院、乙法院…: a list of courts, not the one the heading is about
        return first.court

    def _home_named_in(self, lo: int, hi: int) -> bool:
        """The text between `lo` and `hi` names the article's own court or its place."""
        if any(lo <= a < hi for a in self._home_starts):
            return True
        return any(self.text.find(p, lo, hi) >= 0 for p in self._home_places)

    def _no_one_court_since(self, hit: _Subject, s_start: int) -> bool:
        """The court at `hit` ends a list of courts (甲、乙、丙三家法庭入选X), or a sentence
        between it and `s_start` is headed by a group of courts (全市31个法庭配备…, 各法庭…):
        the sentences after are about no one court."""
        for join in _COORDINATORS:
            if self.text.startswith(join, hit.start - len(join)) and any(
                x.end == hit.start - len(join) for x in self.subjects
            ):
                return True
        i = bisect.bisect_right(self.sent_starts, hit.end)
        while i < len(self.sent_starts) and self.sent_starts[i] < s_start:
            at = _lead_end(self, self.sent_starts[i], s_start)
            if _GROUP_HEAD.match(self.text, at) or _GROUP_SUBJECT.match(self.text, at):
                return True
            i += 1
        return False

    def _circuit_about(self, pos: int, spc_start: int) -> str | None:
        """The SPC's circuit tribunal the text at `pos` is about (its section, the subject of
        its paragraph before the SPC is named, or the previous paragraph's topic): 最高人民法院制定…，审理…，创新X — the later
        clauses of a circuit tribunal's report are the tribunal's, the SPC being its parent."""
        sec = self.section(pos)
        court = sec[1] if sec is not None else None
        if court is None:
            l_start, _ = self.line(pos)
            prev = self.last_between(l_start, spc_start)
            court = prev.court if prev is not None else None
            i = bisect.bisect_left(self.topic_starts, l_start) - 1
            if court is None and i >= 0 and self._recent(self.topics[i][0], l_start):
                court = self.topics[i][1]  # the paragraph before was about it
        return court if court and self.parents.get(court) == _SPC else None

    def _inspected(self, lo: int, pos: int) -> str | None:
        """The court whose work a visitor inspects in text[lo:pos] (查看了乙县法院诉讼服务中心,
        了解了我院…工作情况), or whose work a court receives (接受乙中院驻点督导): what follows
        it in the clause is that court's, not the visitor's or the receiver's."""
        for m in reversed(self.courts_in(lo, pos)):
            if pos - m.end > 24:
                return None
            if _OWNER_BEFORE.search(self.text, max(lo, m.start - 4), m.start) is None:
                return None
            if _VERB_AFTER_OWNER.search(self.text, m.end, pos):
                return None  # 查看了乙县法院推行X的情况: the court acts itself (a subject)
            return m.court
        return None

    def _before_list(self, lo: int, last: _Subject) -> _Subject | None:
        """The subject named in text[lo:] before the list of courts that ends at `last`."""
        i = self.subjects.index(last)
        end = last.start
        while i > 0:
            i -= 1
            sub = self.subjects[i]
            if sub.start < lo:
                return None
            if self.text[sub.end : end] in _COORDINATORS:
                end = sub.start
                continue
            return sub
        return None

    def _recent(self, topic_line: int, l_start: int) -> bool:
        """The topic's paragraph is the one right before `l_start` (blank lines aside)."""
        i = bisect.bisect_left(self.line_starts, l_start) - 1
        while i >= 0 and not self.text[self.lines[i][0] : self.lines[i][1]].strip():
            i -= 1
        return i >= 0 and self.lines[i][0] == topic_line

    def subject_in(self, lo: int, hi: int) -> _Subject | None:
        """The last subject named in text[lo:hi]."""
        return self.last_between(lo, hi)

    def courts_in(self, lo: int, hi: int) -> tuple[CourtMention, ...]:
        """Court mentions (not groups) inside text[lo:hi], outermost only, in text order
        (worked out once per span: the rules ask of the same clause again and again)."""
        key = (lo, hi)
        found = self._courts_in.get(key)
        if found is None:
            i = bisect.bisect_left(self.mention_starts, lo)
            j = bisect.bisect_left(self.mention_starts, hi, i)
            found = self._courts_in[key] = tuple(
                [m for m in self.mentions[i:j] if m.end <= hi and not m.court.startswith("AGG:")]
            )
        return found

    def subjects_before(self, lo: int, hi: int) -> list[str]:
        """All subject courts named in text[lo:hi] (several winners of one title)."""
        out: list[str] = []
        for s in self.subjects:
            if lo <= s.start and s.end <= hi and not s.proxy and s.court not in out:
                out.append(s.court)
        return out

    def level(self, court: str | None) -> str | None:
        """The court's level; the SPC's circuit tribunals (level supreme in the roster) rank
        with the special courts: trial courts of their circuit, they adopt what they create
        rather than promote it."""
        level = self.levels.get(court or "")
        if level == "supreme" and self.parents.get(court or "") == _SPC:
            return "special"
        return level


_SPC = "最高人民法院"
#: a heading: a line this short that ends in no sentence mark
_HEADING_MAX = 32
_SENTENCE_END = frozenset("。！？!?；;…")
#: a heading that reports an honour (入选某某案例, 获评某某称号): its winner may be anyone
_HONOUR_HEADING = re.compile(r"案例|入选|获评|荣获|称号|评为|表彰|先进|典型|命名|授予")
#: 以<court>…为契机/为抓手: the court's campaign framing the clause (以市法院“X”为抓手，推进Y)
_FRAME_NOUN = re.compile(
    r"[^，,。；;！!？?\n]{0,40}?为(?:契机|抓手|载体|引领|指引|牵引|依托|导向|统领|主线|遵循|动力"
    r"|突破口|切入点|着力点|总抓手)"
)
#: a visitor's inspecting verb right before a court (查看了乙县法院…, 详细了解我院…)
#: the verbs of a visitor looking into a court's work (`_INSPECT_BEFORE`, `_INSPECT`)
_INSPECT_VERBS = "查看|察看|了解|参观|听取|考察|视察|走访|观摩|调研"
_INSPECT_BEFORE = re.compile(rf"(?:{_INSPECT_VERBS})了?$")
#: …and a court receiving another court's work (接受乙中院驻点督导, 迎接省法院司法巡查)
_OWNER_BEFORE = re.compile(rf"(?:{_INSPECT_VERBS}|接受|迎接)了?$")
#: a verb between that court and the initiative: the court does something there itself
_VERB_AFTER_OWNER = re.compile(r"推行|推进|开展|建立|设立|打造|探索|实行|落实|创新|运用")

#: rows of a page's metadata block: the court they name is the publisher, not a topic
_METADATA_LABEL = re.compile(  # used with .match, anchored where the row starts
    r"(?:发文机关|发布机关|发文单位|发布单位|发布机构|制定机关|来源|信息来源|稿件来源|稿源|出处|"
    r"作者|作者单位|供稿|供稿单位|编辑|责任编辑|责编|审核|通讯员|记者|主办|主办单位|承办|版权所有)"
)
#: a photo caption or credit line (…。（乙县法院供图）, 省法院供图): its courts are no topic
_CAPTION = re.compile(r"供图|图片来源|图片由[^，,。\n]{1,20}提供")
_CAPTION_LINE = 160  # characters: longer lines are text, whatever credit they end with
#: before a caption's court, what makes it no actor of the caption's sentence: 图为 (what the
#: photo shows: 图为乙法院法官…, still a scene) or a credit label
_CAPTION_CLAUSE_HEAD = re.compile(r"图为|图片|摄影|摄|供图|来源")
#: 该法庭 / 该庭 / 本庭 / 我庭: the tribunal named last before (in the same or the previous
#: paragraph, with no court department named in between), else the article's own tribunal
_TRIBUNAL_ANAPHOR = re.compile(r"该法庭|該法庭|该庭|該庭|本庭|我庭")
#: a court's internal department (立案庭, 民一庭, 刑事审判庭, 执行局 …): 该庭 may be it
_DEPARTMENT = re.compile(
    r"(?:立案|民[一二三四五六七八九十]|刑[一二三四五六七八九十]|行[一二]|民事|刑事|行政|商事|家事"
    r"|少年|环境资源|知识产权|金融|审判监督|审监|执行|破产|速裁|综合|赔偿委员会)(?:审判)?庭"
    r"|执行局|执行裁判庭"
)


#: a bare 法庭 heading its clause (…下，法庭推行X / 法庭先后被评为…): the tribunal the text is
#: about, as 该法庭 is; not a field of its work (法庭建设, 法庭审理), its head (法庭负责人) or a
#: courtroom (法庭上，…)
_BARE_TRIBUNAL = re.compile(
    r"(?:^|(?<=[，,。；;：:！!？?\n\t 　]))法庭"
    r"(?!建设|审理|庭审|是|作为|负责人|庭长|副庭长|上|内|外|里|调查|辩论|秩序|纪律)",
    re.M,
)
#: a hearing's sentence (庭审中/开庭时/合议庭…): its bare 法庭 is the bench, not a tribunal
_HEARING = re.compile(r"庭审|开庭|合议庭")
_SENTENCE_BOUND = re.compile(r"[。！!？?；;\n]")


def _tribunal_anaphors(
    text: str, mentions: Sequence[CourtMention], levels: Mapping[str, str], home: str | None
) -> tuple[list[CourtMention], set[int]]:
    """The tribunals 该法庭/该庭/本庭/我庭 and a bare 法庭 heading its clause point back to,
    and where those start that only the bare form or the article's one tribunal resolves
    (their adoptions take their own rule)."""
    hits = [*_TRIBUNAL_ANAPHOR.finditer(text), *_BARE_TRIBUNAL.finditer(text)]
    if not hits:
        return [], set()
    tribunals = sorted(
        (m for m in mentions if levels.get(m.court) == "tribunal"), key=lambda m: m.start
    )
    starts = [m.start for m in tribunals]
    departments = [d.end() for d in _DEPARTMENT.finditer(text)]
    # the one tribunal an article names and opens on (甲法院乙法庭坚持…): its 法庭 further on
    # is that one
    first = min(mentions, key=lambda m: (m.start, -m.end), default=None)
    only = {m.court for m in tribunals}
    sole = first.court if first is not None and only == {first.court} else None
    named = sorted(m.start for m in mentions if not m.court.startswith("AGG:"))
    out: list[CourtMention] = []
    new: set[int] = set()
    for hit in hits:
        bare = hit.group() == "法庭"
        if bare and _hearing_sentence(text, hit.start()):
            continue
        i = bisect.bisect_left(starts, hit.start()) - 1
        if i >= 0:
            last = tribunals[i]
            if bare and bisect.bisect_left(named, hit.start()) > bisect.bisect_left(
                named, last.end
            ):
                continue  # 甲法庭…。乙法院审理…，法庭…: a court named since may be meant
            d = bisect.bisect_right(departments, hit.start()) - 1
            if d >= 0 and departments[d] > last.end:
                continue  # a department is named closer: 该庭 may be it
            if last.start < _previous_paragraph_start(text, hit.start()):
                if last.court != sole:
                    continue  # too far back to be sure
                new.add(hit.start())
            court = last.court
        elif home is not None and levels.get(home) == "tribunal":
            court = home
        else:
            continue
        out.append(CourtMention(hit.start(), hit.end(), hit.group(), court))
        if hit.group() == "法庭":
            new.add(hit.start())
    return out, new


def _hearing_sentence(text: str, pos: int) -> bool:
    """Whether the sentence holding `pos` is about a hearing (庭审中，法庭…)."""
    lo = max(0, pos - 80)
    lo = max((m.end() for m in _SENTENCE_BOUND.finditer(text, lo, pos)), default=lo)
    hi = _SENTENCE_BOUND.search(text, pos)
    return _HEARING.search(text, lo, hi.start() if hi else len(text)) is not None


def _previous_paragraph_start(text: str, pos: int) -> int:
    """Where the non-blank paragraph before the one holding `pos` starts (0 if none)."""
    here = text.rfind("\n", 0, pos)
    if here < 0:
        return 0
    end = here
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
        if end < 0:
            return 0
    return text.rfind("\n", 0, end) + 1


def _lines(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer("\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


#: what parts the cells of a table row as the readers write it (cells joined by a space, a
#: tab or a bar)
_CELL_SEP = re.compile(r"[ \t\u3000]*[|｜\t][ \t\u3000]*|[ \u3000]+")
#: what a row of column names has none of: sentence punctuation, a figure outside a unit's
#: brackets (诉前化解（件）, 占比（%）)
_NOT_HEADER = re.compile(r"[，,。；;！!？?：:、]|[0-9０-９]")
_UNIT_BRACKETS = re.compile(r"[（(][^）)\n]{0,6}[）)]")


#: what may stand between a table's cells (and is stripped from a row's ends)
_CELL_EDGE = " \t\u3000|｜"


def _cells(line: str) -> list[str]:
    return _CELL_SEP.split(line.strip(_CELL_EDGE))


def _table_header(ctx: _Context, pos: int) -> bool:
    """The line at `pos` is a table's header row: two or more short cells naming columns
    (法院 | 举措 | 诉前化解（件）), no sentence and no figure in it, and the next line has as
    many cells. It names what the columns hold, not what a court did."""
    text = ctx.text
    ls, le = ctx.line(pos)
    if not any(c in text[ls:le].strip(_CELL_EDGE) for c in _CELL_EDGE):
        return False  # no separator inside the line: one cell, no row of a table
    cells = _cells(text[ls:le])
    if (
        len(cells) < 2
        or any(not c or len(c) > 12 for c in cells)
        or _NOT_HEADER.search(_UNIT_BRACKETS.sub("", text[ls:le]))
        or le >= len(text)
    ):
        return False
    ns, ne = ctx.line(le + 1)
    return len(_cells(text[ns:ne])) == len(cells)


def _evidence(text: str, ctx: _Context, start: int, end: int) -> Evidence:
    s, e = ctx.sentence(start)
    e = max(e, min(end, len(text)))
    return Evidence(sentence=text[s:e], start=s, end=e, quote=text[start:end])


#: a date that is a deadline or a target, not when the court did it: 2023年底前, 2024年6月以前,
#: 到2025年, 力争2024年…, 计划于2025年…
#: (前 before a count is a span of the year, 前三季度, not a deadline; 完成 is an act done)
_DEADLINE_AFTER = re.compile(
    r"(?:[底末]|上半年|下半年)?(?:前(?![一二三四五六七八九十两几\d])|以前|之前|为止)"
)
_DEADLINE_BEFORE = re.compile(
    r"(?:到|至|力争|争取|确保|计划|预计|拟|将|要求|务必|必须)(?:于|在|到)?$"
)
#: 到2023年已推行X: by then it was done, a status and not a deadline
_DONE_BY = re.compile(r"[年月日底末]?(?:已经|已|业已)")


def _deadline(text: str, m: re.Match[str], lo: int) -> bool:
    """Whether the date `m` is a deadline or a target (要求2023年底前, 力争2024年, 到2025年)."""
    if _DEADLINE_AFTER.match(text, m.end()):
        return True
    before = _DEADLINE_BEFORE.search(text, max(lo, m.start() - 4), m.start())
    return before is not None and not _DONE_BY.match(text, m.end())


def _adoption_date(
    sentence: str, upto: int, doc_date: str | None = None
) -> tuple[str | None, str | None]:
    """The last date before the mention in its sentence, skipping deadlines and targets
    (要求2023年底前全面推行X names when it must be done, not when it was), at the precision
    the text gives: 2025年3月12日, 2025.3.12, 2022 年10 月, or relative to the article's
    `doc_date` (今年3月, 去年以来)."""
    found = None
    for m in TEXT_DATE.finditer(sentence, 0, max(0, upto)):
        if m.group("rel") and text_date(m, doc_date) is None:
            continue  # 较去年: a comparison, no time (or no article date to count from)
        # the last date decides: a deadline there gives none (an older date is another act's)
        found = None if _deadline(sentence, m, 0) else m
    if not found:
        return None, None
    dated = text_date(found, doc_date)
    return dated if dated else (None, None)


#: a month and day written without a year (3月15日): the year is the text's or the document's
_MONTH_DAY = re.compile(r"(?<![年\d])(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?\d)[日号]")


def _month_day_date(ctx: _Context, s: int, upto: int) -> tuple[str, str] | None:
    """The day of the last month-day before `upto` in the sentence at `s`, when it comes after
    the sentence's last full date (3月15日，乙县法院召开…推进会): its year is that of the last
    date written in full before it, else the document's; a day after the document's date is
    of the year before (an article reports what happened), none if a year written out says so."""
    text = ctx.text
    found = None
    for md in _MONTH_DAY.finditer(text, s, upto):
        found = None if _deadline(text, md, s) else md
    if found is None or any(_DATE.finditer(text, found.end(), upto)):
        return None
    year, after = None, ""
    for full in ctx.dates_before(found.start()):
        if full.group("m"):  # 较2022年: a year alone is often a comparison, no narrative time
            year = int(full.group("y"))
            after = f"{year}-{int(full.group('m')):02d}-{int(full.group('d') or 1):02d}"
    doc = ctx.doc_date or ""
    written = year is not None
    if year is None and re.match(r"\d{4}-\d{2}-\d{2}", doc):
        year = int(doc[:4])
    if year is None:
        return None
    day = f"{year}-{int(found.group('m')):02d}-{int(found.group('d')):02d}"
    if day < after:
        day = f"{year + 1}{day[4:]}"  # 2023年12月…。1月5日…: the story goes on into the next year
    if doc and day > doc[:10]:
        if written:
            return None
        day = f"{year - 1}{day[4:]}"
    return day, "day"


def _relation(ctx: _Context, mention: InitiativeMention, unit: str | None) -> Relation:
    if mention.awarded:
        return "awarded"
    s, e = ctx.sentence(mention.start)
    sentence = ctx.text[s:e]
    if (
        mention.title
        and ctx.level(unit) not in _HIGH
        and any(c.court == unit for c in ctx.courts_in(s, mention.start))
    ):
        # 乙法庭榜上有名，成为首批示范法庭之一: the title won by the court the sentence names
        # (not 木头窝村成为“无讼村”: a village's)
        won = _WON_TITLE.search(ctx.text, ctx.clause_start(s, mention.start), mention.start)
        if (
            won is not None
            # 计划于年底前成为, 希望成为, 正向成为X的目标迈进: striven for (in the clause before)
            and not _STRIVES.search(
                ctx.text, max(ctx.clause_start(s, won.start()), won.start() - 10), won.start()
            )
            # 成为全市首家开展X创建工作的法院 / 成为X候选单位: a first to pursue X, a candidate
            and not _WON_GAP_VERB.search(ctx.text, won.end(), mention.start)
            and not _NOT_YET_WON.match(ctx.text, mention.end)
        ):
            return "awarded"
    if mention.title and _EMERGED.search(
        ctx.text, ctx.clause_start(s, mention.start), mention.start
    ):
        return "awarded"  # 涌现出“全国优秀法院”“…”等一批先进典型: the honours its courts won
    if _piloted(ctx, s, e, mention):
        return "piloted"
    if ctx.level(unit) in _HIGH:
        if _builds_itself(ctx, s, mention, unit):
            return "adopted"  # 省高院建成/研发X: what the high court built itself
        if _practises_itself(ctx, s, mention, unit):
            return "adopted"  # 省高院坚持和发展X / 创新运用X: what it does itself
        if _first_in_nation(ctx, s, mention):
            return "adopted"  # 在全国率先建立X、Y两项省级协作机制: the high court's own
        return "promoted"
    l_start, _ = ctx.line(mention.start)
    if _DIRECTIVE.match(sentence.lstrip()) or _DIRECTIVE.match(ctx.text[l_start:e].lstrip()):
        return "promoted"
    directive = _directive_before(ctx.text, s, mention.start)
    if directive is not None and not any(
        a <= s + directive.start() < b for _, a, b in _followed_quotes(ctx, s, mention.start)
    ):
        return "promoted"  # (按照乙法院的指示，要“…”: the instruction's 要 is not the subject's)
    if unit is not None and (unit.startswith("AGG:") or _RANK.get(ctx.level(unit) or "", 0) >= 3):
        sub = ctx.subject_in(s, mention.start)
        if sub is not None and sub.court == unit and _SUBJECT_DIRECTIVE.match(ctx.text, sub.end):
            return "promoted"
    if _RANK.get(ctx.level(unit) or "", 0) >= 3 and _under_directive_heading(ctx, l_start):
        return "promoted"  # 一要加强源头治理 / 抓实诉源治理…: the items of a leader's requirements
    if ctx.level(unit) == "intermediate" and _PIONEERS.search(
        ctx.text, max(ctx.clause_start(s, mention.start), mention.start - 8), mention.start
    ):
        return "adopted"  # 甲中院在全省首创X: what the court is the first to do, it does
    if ctx.level(unit) == "intermediate" and (
        _deploys(ctx, unit, s, e) or _deploy_verb_before(ctx, s, mention.start)
    ):
        return "promoted"
    if ctx.level(unit) == "intermediate" and _AREA_WIDE.search(
        ctx.text, ctx.clause_start(s, mention.start), mention.start
    ):
        return "promoted"  # 甲中院在全市范围内发起X / 在两级法院开展X: its courts do X
    if ctx.level(unit) == "intermediate" and _leader_remarks(ctx, s, mention, unit):
        return "promoted"  # 甲中院院长某某在调研中指出，X…是…重要举措: its guidance
    if ctx.level(unit) == "intermediate" and _TRIBUNAL_WORK.search(mention.name):
        # 枫桥式人民法庭创建, 五化人民法庭建设: tribunals are the basic courts'; an intermediate
        # court pursues such an initiative through them
        return "promoted"
    return "adopted"


#: in the initiative's clause, an act across the courts of a city: 在全市范围内发起 / 在两级法院
#: 开展 (an intermediate court launching X for the courts under it; not 在全市率先开展, where
#: it is the first to do X itself; nor 在辖区开展巡回审判 without its courts: where it works itself)
_AREA_WIDE = re.compile(
    r"在(?:(?:全市|全州|全盟)(?:范围内|范围|两级法院|各级法院|法院系统|各基层法院|基层法院|法院)?"
    r"|辖区(?:两级法院|各级法院|法院系统|各基层法院|基层法院|各法院|法院)"
    r"|(?:全市)?两级法院)(?:(?!率先|首)[^，,。；;！!？?\n]){0,6}?"
    r"(?:开展|发起|推行|推开|部署|组织|推广|启动|实施)"
)
#: 涌现出 X、Y 等一批先进典型: titles the courts in context won (not strove for)
_EMERGED = re.compile(r"涌现出?了?")
#: in a title's clause before it, the title won (成为首批示范法庭之一, 被评为, 入选)
_WON_TITLE = re.compile(r"成为|入选|获评|评为|荣获|获得|获批|命名为|确定为|认定为")
#: …striven for, not won (争创, 努力成为, 力争获评)
_STRIVES = re.compile(r"争|努力|力求|致力|目标|旨在|有望|将|拟|计划|希望|期望|力争|向$")
#: a verb between 成为 and the title: what the court is the first to do about it (成为全市首家
#: 开展X创建的法院, 成为首个完成X自评的法庭), not the title won
_WON_GAP_VERB = re.compile(
    r"开展|推行|启动|创建|完成|实施|探索|建立|建成|打造|推进|参与|参加|申报|承担|试行|试点|"
    r"引入|运用|采用|落实|推广|开通|设立|成立|对标|部署|组织"
)
#: right after the title: a candidacy or a pursuit of it (X候选单位, X创建培育对象, X自评), not
#: the title itself
_NOT_YET_WON = re.compile(
    r"[”」』\"]?(?:创建|自评|培育|候选|提名|申报|推荐|预备|评选|初评|参评|试点|建设|争创|的?目标)"
)
#: a leader's remarks: 指出 / 强调 / 要求 (in an inspection, at a meeting), then what was said
_REMARKS = re.compile(r"(?:指出|强调|要求|提出)[，,：:]")


#: in a leader's remarks before X, the court's own doing: a first-person or own-court word, or
#: a verb of doing X (我们中院坚持推行X), not a remark about X (指出，X是…)
_OWN_PRACTICE_SAID = re.compile(r"我们|我院|本院|中院|全院|" + _VERB_AFTER_OWNER.pattern)


def _leader_remarks(ctx: _Context, s: int, mention: InitiativeMention, unit: str | None) -> bool:
    """A leader of the court `unit` heads the sentence and remarks on X (甲中院院长某某在调研中
    指出，X是…): a higher court's leader speaking of the work it guides."""
    sub = ctx.subject_in(s, mention.start)
    if sub is None or sub.court != unit or not sub.proxy:
        return False
    said = _REMARKS.search(ctx.text, sub.end, mention.start)
    if said is None or ctx.clause_start(s, said.start()) > sub.start:
        return False
    # 张三指出：“我们中院坚持推行X…”: the leader reports the court's own practice
    return not _OWN_PRACTICE_SAID.search(ctx.text, said.end(), mention.start)


#: an initiative about people's tribunals (枫桥式人民法庭, 五化人民法庭建设, 人民法庭布局…)
_TRIBUNAL_WORK = re.compile(r"人民法庭")


#: a court named a pilot: 确定为 / 作为 / 列为 … 试点
_PILOT_DESIGNATION = re.compile(
    r"(?:确定为|作为|列为|选为|选定为|批准为|成为|是)[^，,。；;！!？?\n]{0,20}?试点"
)
#: a pilot that is over: 试点经验 / 在前期试点基础上
_PILOT_PAST = re.compile(r"试点(?:经验|基础|成果|成效|做法|的基础)|前期试点|试点先行")
#: the initiative rolled out in full: not a pilot whatever came before
_ROLLOUT = re.compile(r"全面推行|全面推开|全面铺开|全面实施|全面施行|在全院|全院推行|推开")


#: verbs of building something oneself (a platform, a system, a mechanism with other bodies)
_BUILD = re.compile(r"(?:牵头)?(?:建成|建立|研发|开发|上线|搭建|设立|组建|成立)|首创")
#: a verb of being the first to do something, right before it (首创, 率先推出)
_PIONEERS = re.compile(r"(?:首创|首推|率先(?:推出|建立|探索|推行|试行|实行)?)[了的]?[“\"]?$")


def _builds_itself(ctx: _Context, s: int, mention: InitiativeMention, unit: str | None) -> bool:
    """The court `unit`, named as a subject earlier in the sentence, builds X in X's own clause
    (a build verb, no deploying one): it built X itself rather than pushing it down."""
    text = ctx.text
    sub = ctx.subject_in(s, mention.start)
    if sub is None or sub.court != unit or sub.proxy:
        return False
    c_start = ctx.clause_start(s, mention.start)
    c_end = _clause_end(text, mention.end, ctx.sentence(mention.start)[1])
    builds = [b.span() for b in _BUILD.finditer(text, c_start, mention.start)]
    if not builds:
        return False
    for lo, hi in ((c_start, mention.start), (mention.end, c_end)):
        for p in _PUSH.finditer(text, lo, hi):
            # 牵头建成X: leading the build is building; 建成全省法院X系统: X's own name
            if not any(a <= p.start() and p.end() <= b for a, b in builds):
                return False
    return True


#: a verb of practising something oneself, right before it (坚持和发展“X”, 创新运用新时代“X”)
_PRACTISES = re.compile(
    r"(?:坚持和发展|坚持发展|创新运用|践行|传承和发展|传承发展|学习运用)(?:了|好)?(?:新时代)?[“\"]?$"
)


#: between a high court and the practice: it honours, publishes, guides or organises others
#: practising it, or names the courts that do (各级/基层/全省…法院)
_OTHERS_PRACTICE = re.compile(r"法院|法庭|各级|基层|全省|表彰|发布|引导|组织|带领")
#: right after the practice: it is what others' cases or model units do (践行X的先进法庭, X典型案例)
_PRACTICE_OF_OTHERS_AFTER = re.compile(r"[”\"]?(?:的|典型|案例|先进)")


def _practises_itself(ctx: _Context, s: int, mention: InitiativeMention, unit: str | None) -> bool:
    """The court `unit` heads the sentence and practises X (省高院坚持和发展新时代“枫桥经验”;
    the verb in X's own clause, no deploying verb, other court or honouring verb between the
    subject and it): a way of working the court keeps itself, not one it pushes down."""
    text = ctx.text
    sub = ctx.subject_in(s, mention.start)
    if sub is None or sub.court != unit or sub.proxy:
        return False
    c_start = ctx.clause_start(s, mention.start)
    verb = _PRACTISES.search(text, max(c_start, mention.start - 12), mention.start)
    if verb is None:
        return False
    # 省法院部署各级法院坚持和发展X / 组织全省法院践行X / 表彰践行X的先进法庭: the practice of
    # the courts it deploys, guides or honours
    lo = sub.end  # from the subject on, earlier clauses too: 省法院召开推进会，坚持和发展X
    if ctx.courts_in(lo, verb.start()) or _OTHERS_PRACTICE.search(text, lo, verb.start()):
        return False
    return not _PUSH.search(text, lo, verb.start()) and not _PRACTICE_OF_OTHERS_AFTER.match(
        text, mention.end
    )


#: the first in the country to do something (在全国率先建立, 全国首创): a court's own doing
_FIRST_IN_NATION = re.compile(
    r"(?:在全国|全国)(?:范围内|法院中|法院)?(?:率先|首先|最早)|全国首(?:创|个|家|推)"
)


def _first_in_nation(ctx: _Context, s: int, mention: InitiativeMention) -> bool:
    """X's clause says the court is the first in the country to set X up (在全国率先建立A、B
    两项省级协作机制), with no court, group of courts or deploying verb between: a high
    court's own mechanism, which it adopts (what it has its courts do, it promotes)."""
    text = ctx.text
    c_start = ctx.clause_start(s, mention.start)
    firsts = list(_FIRST_IN_NATION.finditer(text, c_start, mention.start))
    if not firsts:
        return False
    lo = firsts[-1].end()
    return not (
        ctx.courts_in(lo, mention.start)
        or _OTHERS_PRACTICE.search(text, lo, mention.start)
        or _PUSH.search(text, lo, mention.start)
    )


def _piloted(ctx: _Context, s: int, e: int, mention: InitiativeMention) -> bool:
    """试点 (or 试行) in the initiative's own clause, or the court designated a pilot earlier
    in the sentence; never when that clause rolls it out in full or the pilot is past."""
    text = ctx.text
    c_start = ctx.clause_start(s, mention.start)
    c_end = _clause_end(text, mention.end, e)
    clause = text[c_start:c_end]
    if _ROLLOUT.search(clause):
        return False
    own = _PILOT.search(clause) is not None and not _PILOT_PAST.search(clause)
    return own or _PILOT_DESIGNATION.search(text, s, mention.start) is not None


def _under_directive_heading(ctx: _Context, l_start: int) -> bool:
    """The nearest heading line above the paragraph at `l_start` is a directive (一要…)."""
    i = bisect.bisect_right(ctx.line_starts, l_start) - 1
    for a, b in reversed(ctx.lines[max(0, i - 12) : max(0, i)]):
        line = ctx.text[a:b].strip()
        if not line:
            continue
        if len(line) <= 30 and not any(c in line for c in "。；;！!？?"):
            return bool(_DIRECTIVE.match(line))
    return False


def _deploys(ctx: _Context, unit: str | None, s: int, e: int) -> bool:
    """The sentence has the court `unit` deploy or push something (部署, 印发, 推广, 指导…):
    the verb follows a mention of that court with no other court in between
    (落实省法院出台的… is the high court's deployment, not the citing court's)."""
    text = ctx.text
    for v in _DEPLOY.finditer(text, s, e):
        last = ctx.courts_in(s, v.start())[-1:]
        if last and (v.start() - last[0].end <= 2 or _follows(ctx, last[0], v.start())):
            # 省法院出台 / 省法院的部署 / 落实省法院“X”部署: that court's verb
            agent: str | None = last[0].court
        else:
            sub = ctx.subject_in(s, v.start())  # 中院将该院经验在全市推广: the subject's
            agent = sub.court if sub is not None else None
        if agent == unit:
            return True
    return False


#: after a followed court: its instruction, requirement or deployment, quoted right after
#: (按照最高人民法院院长某某的指示，要“…”)
_FOLLOWED_WORDS = re.compile(
    r"[^，,。；;！!？?\n“”]{0,12}?(?:指示|要求|部署)(?:精神)?[，,：:]?(?:要|提出)?“"
)


def _followed_quotes(ctx: _Context, s: int, pos: int) -> list[tuple[str, int, int]]:
    """The quoted instructions of a court the sentence at `s` follows, before `pos`: (court,
    where the court's name starts, where the quote closes)."""
    text = ctx.text
    out: list[tuple[str, int, int]] = []
    for c in ctx.courts_in(s, pos):
        if not FOLLOW_BEFORE.search(text, max(0, c.start - 6), c.start):
            continue
        w = _FOLLOWED_WORDS.match(text, c.end)
        if w is None:
            continue
        close = text.find("”", w.end())
        if close > 0:
            out.append((c.court, c.start, close))
    return out


def _follows(ctx: _Context, c: CourtMention, pos: int) -> bool:
    """The court `c` is the one a clause follows (落实/按照 乙法院…) and text[c.end:pos] stays
    in one clause of a few words (落实省法院“强基工程”部署): what stands at `pos` is its."""
    text = ctx.text
    return (
        pos - c.end <= 16
        and FOLLOW_BEFORE.search(text, max(0, c.start - 6), c.start) is not None
        and _CLAUSE_BREAK.search(text, c.end, pos) is None
    )


def _deploy_verb_before(ctx: _Context, s: int, pos: int) -> bool:
    """推广“法云调解室” / 部署开展X: a deploying verb heads the initiative's own phrase."""
    c_start = ctx.clause_start(s, pos)
    found = list(_DEPLOY_HEAD.finditer(ctx.text, c_start, pos))
    v = found[-1] if found else None
    return v is not None and pos - v.end() <= 2 and not ctx.courts_in(v.end(), pos)


def _directive_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last directive (…要 / 必须 …) in text[lo:hi], if any."""
    found = None
    for m in _DIRECTIVE_IN.finditer(text[lo:hi]):
        found = m
    return found


_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+[个家项件所]")
_SMALL_NUMBERS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _count_of(counted: str) -> int | None:
    """The number of a short count (三个 -> 3, 12家 -> 12), None when not a plain one."""
    digits = counted[:-1]
    if digits.isdigit():
        return int(digits)
    return _SMALL_NUMBERS.get(digits) if len(digits) == 1 else None


def _award_winners(ctx: _Context, mention: InitiativeMention) -> list[str]:
    """Everyone named before 获评/授予 in the clause, else in the sentence.

    A count before the verb (十个案例入选…) means the winners are listed across the sentence.
    """
    s, _ = ctx.sentence(mention.start)
    a = max(s, ctx.head_before(mention.start))
    part = max(a, ctx.head_before(mention.start, spaces=True))
    # 甲县法院深化X 乙镇法庭获评Y: 乙镇法庭 heads the headline's part, and won Y
    heads = ctx.part_subjects(part, mention.start) if part > a else []
    if heads:
        a = part
    winners = heads or ctx.part_subjects(a, mention.start)
    counted = _COUNTED.search(ctx.text[a : mention.start])
    # 甲法院等10家法院被评为…: the clause names only some of the winners, and no others (not
    # the court convening the meeting in the clause before)
    some = counted is not None and bool(winners) and ctx.text[a + counted.start() - 1] == "等"
    # 甲、乙、丙三个法庭入选…: a count that the clause's own list fills names those winners
    if not winners or (counted and not some and _count_of(counted.group(0)) != len(winners)):
        more = ctx.subjects_before(s, mention.start)
        winners = [*heads, *(w for w in more if w not in heads)]
    listed = _winners_listed_before(ctx, s, mention.start)
    if listed:
        # 甲中院执行一庭、环资庭，乙县法院刑事审判庭被命名为X / 甲法庭等5个法庭和乙法庭等9个
        # 法庭分别被评定为X、Y: every unit of the list the award verb closes won
        winners = [*listed, *(w for w in winners if w not in listed and w in heads)]
    named = _honour_names(ctx, s, mention.start)
    return [w for w in winners if not _grants(ctx, w, s, mention.start) and w not in named]


#: 分别 before the award verb: the honours after it go to the winners before it in order
_RESPECTIVE_AWARD = re.compile(
    r"分别被?(?:评为|评定为|命名为|授予|表彰为|确定为|评选为|荣获|获评|获得|入选)"
)


def _paired_awards(
    ctx: _Context, s: int, m: InitiativeMention, winners: Sequence[str]
) -> list[str] | None:
    """甲法院、乙法院分别荣获X、Y: X is 甲法院's, Y 乙法院's. With as many honours in the
    verb's clause as winners, the winner of `m` by its place; with another number (two
    courts 分别荣获 three honours) none, since no pairing can be read; None where the
    sentence does not read so (one winner, one honour, no 分别 before `m`)."""
    if len(winners) < 2:
        return None
    text = ctx.text
    verb = None
    for v in _RESPECTIVE_AWARD.finditer(text, s, m.start):
        verb = v
    if verb is None or _CLAUSE_BREAK.search(text, verb.end(), m.start) is not None:
        return None
    stop = _CLAUSE_BREAK.search(text, m.end)
    end = stop.start() if stop is not None else ctx.sentence(m.start)[1]
    honours = list(dict.fromkeys(text[a:b] for a, b in ctx.honours if verb.end() <= a and b <= end))
    if len(honours) < 2 or text[m.start : m.end] not in honours:
        return None
    if len(honours) != len(winners):
        return []
    return [winners[honours.index(text[m.start : m.end])]]


#: the award verb closing a list of winners (…被命名为, …分别被评定为, …荣获), with the adverbs
#: before it
_CLOSING_AWARD = re.compile(
    r"(?:分别|均|都|先后|同时|也|还|一同|一并)?被?(?:评为|评定为|命名为|授予|表彰为|确定为|评选为)"
    r"|(?:分别|均|都|先后|同时|一同|一并)?(?:荣获|获评|入选)"
)
#: what a list of winners holds besides the courts' names: a court's department (执行一庭,
#: 环资庭, 刑事审判庭), a count of the units it stands for (等25个人民法庭), a quoted brand
_WINNER_PART = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:审判)?庭|执行局"
    # a parent court written before its tribunal's mention (甲市乙区人民法院丙人民法庭)
    r"|[\u4e00-\u9fff]{2,14}?(?:人民)?法院"
    r"|等[\d一二两三四五六七八九十百]+[个家所](?:人民)?(?:法庭|法院|基层法院|单位|集体)"
    r"|[“「][^“”「」]{1,20}[”」]"
)
_WINNER_JOIN = re.compile(r"[、和及与]")


def _winners_listed_before(ctx: _Context, s: int, pos: int) -> list[str]:
    """The courts of a list of units that an award verb closes right before `pos`: the list
    may run over several comma-parted segments (甲中院执行一庭、环资庭，乙县法院刑事审判庭，丙县
    法院行政审判庭被命名为X), each holding nothing but courts, their departments, counts and
    quoted brands; a segment with any other word (a verb, a time, a place) ends it."""
    text = ctx.text
    verb = None
    for v in _CLOSING_AWARD.finditer(text, s, pos):
        verb = v
    if verb is None or pos - verb.end() > 16:
        return []
    out: list[str] = []
    end = verb.start()
    while end > s:
        cut = max(text.rfind("，", s, end), text.rfind(",", s, end))
        start = cut + 1 if cut >= 0 else s
        courts = [c for c in ctx.courts_in(start, end) if not c.court.startswith("AGG:")]
        if not courts:
            break
        rest, at = [], start
        for c in courts:
            rest.append(text[at : c.start])
            at = c.end
        rest.append(text[at:end])
        residue = _WINNER_JOIN.sub("", _WINNER_PART.sub("", "".join(rest)))
        if residue.strip():
            break
        out = [c.court for c in courts if c.court not in out] + out
        if cut < 0:
            break
        end = cut
    return out if len(out) > 1 else []


#: a tribunal's name heading a clause (某某法庭, 某某人民法庭) that no court mention covers
_UNNAMED_TRIBUNAL = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)?(?:人民)?法庭")
#: a town's tribunal written in full (乙镇人民法庭)
_TOWN_TRIBUNAL = re.compile(r"(?:镇|乡|街道)人民法庭$")


#: words no tribunal's place name holds (指导各人民法庭…, 该法庭, 全市人民法庭, 两个法庭)
_NO_TRIBUNAL_STEM = re.compile(
    r"[各该該这這那些我本其全所每此诸的和与及、一二两三四五六七八九十几多]|下辖|辖区|基层|派出|部分|新建"
    r"|首批|首个|相关|指导|要求|组织|推动|督促|带领|支持|联合|会同|法院|中院"
    r"|以下|以上|命名|授予|表彰|决定|评|获|荣|被|为|将|把|对|向|在|是|有|个"
    # a visitor's verb before a bare 法庭 (听取了法庭…, 走进法庭): the tribunal in context
    r"|了|到|赴|" + _INSPECT_VERBS + r"|走进|来到|前往|深入"
)


#: a court's own 法庭 named by its kind of case or its form (家事法庭, 少年法庭, 模拟法庭, 巡回法庭),
#: not by a place: no people's tribunal the resolver failed to place
_INTERNAL_TRIBUNAL = re.compile(
    r"(?:家事|少年|未成年人|模拟|互联网|金融|知识产权|破产|环境资源|环资|劳动争议|交通|医疗"
    r"|速裁|巡回|流动|车载|在线|云上?)法庭$"
)


def _unnamed_tribunal_heads(ctx: _Context, lo: int, hi: int) -> bool:
    """A tribunal the courts' resolver did not place heads text[lo:hi] (乙镇法庭获评…): the
    clause is about that tribunal, not about a court named before it; a department
    (民一庭, 家事审判庭) is its court's own part, and does not count."""
    lead = _LEAD_IN.match(ctx.text, lo, hi)
    at = lead.end() if lead is not None else lo
    m = _UNNAMED_TRIBUNAL.match(ctx.text, at, hi)
    if m is None or _DEPARTMENT.search(m.group()) or _NO_TRIBUNAL_STEM.search(m.group()):
        return False
    if _INTERNAL_TRIBUNAL.search(m.group()):
        return False  # 家事法庭 / 少年法庭 / 模拟法庭: a court's own part, no people's tribunal
    if "人民法庭" in m.group() and not _TOWN_TRIBUNAL.search(m.group()):
        return False  # 统筹人民法庭…: tribunals in general (a place's in full is the resolver's)
    return not any(c.start < m.end() and m.start() < c.end for c in ctx.mentions)


#: after a court's name: the rest of an honour's name (上海法院十大文化品牌, 最高人民法院…优秀案例)
_HONOUR_NAME_AFTER = re.compile(
    r"[^，,。；;：:！!？?\n]{0,12}?(?:十大|十佳|优秀|先进|典型|示范|精品)[^，,。；;：:！!？?\n]{0,10}?"
    r"(?:案例|品牌|集体|单位|奖|称号)"
)


def _honour_names(ctx: _Context, lo: int, hi: int) -> set[str]:
    """Courts in text[lo:hi] that are only part of an honour's name: named right after an
    award verb (获评最高人民法院…优秀案例) or opening a listed honour (…，上海法院十大文化品牌，…)
    and named nowhere else in the span as a winner."""
    text = ctx.text
    out: set[str] = set()
    plain: set[str] = set()
    i = bisect.bisect_left(ctx.mention_starts, lo)
    j = bisect.bisect_left(ctx.mention_starts, hi, i)
    for c in (x for x in ctx.mentions[i:j] if x.end <= hi):  # groups too (全市法院十大品牌)
        after_verb = _AWARD_VERB_BEFORE.search(text, max(lo, c.start - 4), c.start) is not None
        rest = _HONOUR_NAME_AFTER.match(text, c.end)
        if after_verb or (
            text[c.start - 1 : c.start] in "，,、"
            and rest is not None
            and not _AWARD_WORD.search(rest.group(0))  # 乙法庭获评先进集体: the winner
        ):
            out.add(c.court)
        else:
            plain.add(c.court)
    return out - plain


#: a verb of winning or being selected inside the words after a court
_AWARD_WORD = re.compile(r"获|评为|评选|入选|荣|授予|被|命名")
#: an award verb right before a court's name: the court is part of the honour's name
_AWARD_VERB_BEFORE = re.compile(r"(?:获评|评为|荣获|入选|获得|获)$")


_GRANTOR_AFTER = re.compile(r"(?:关于|决定|授予|命名|表彰|认定|公布|印发)")


def _grants(ctx: _Context, court: str, lo: int, hi: int) -> bool:
    """最高人民法院授予…/最高人民法院关于命名…: the court confers the title, it does not win it."""
    for sub in ctx.subjects:
        if (
            sub.court == court
            and lo <= sub.start
            and sub.end <= hi
            and _GRANTOR_AFTER.match(ctx.text, sub.end, min(hi, sub.end + 4))
        ):
            return True
        if sub.court == court and lo <= sub.start and sub.end <= hi:
            # 甲高院通过推荐、评议，特授予十个法庭X称号: its own grant verb further on
            verb = _CONFER_VERB.search(ctx.text, sub.end, hi)
            if (
                verb is not None
                and not _PASSIVE.search(ctx.text, sub.end, verb.start())
                and not ctx.courts_in(sub.end, verb.start())
            ):
                return True
    return False


#: an active verb of conferring a title on others, searched clauses after the court in
#: _grants (the longer _GRANT_VERB below is for a court right after 被/由)
_CONFER_VERB = re.compile(r"授予|命名")
#: a passive or a winning verb: the subject receives, it does not confer
_PASSIVE = re.compile(r"被|受|获|荣|经|由|入选|评为")


_AGG_SCOPE = re.compile(r"^AGG:(?P<place>.+?)(?:全市|全省|全区|全州|全县|两级)")


def _leading_court(agg: str, courts: Sequence[CourtRef]) -> str | None:
    """The court that leads a group of courts: 全市法院 -> the intermediate court of that city."""
    m = _AGG_SCOPE.match(agg)
    if not m:
        return None
    place = m.group("place")
    for c in courts:
        # 全省法院 is led by the high court only, never by a city's intermediate court
        if c.level == "intermediate" and c.name.endswith(place + "中级人民法院"):
            return c.name
        if c.level == "high" and c.name.endswith(place + "高级人民法院"):
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
    home = resolution.home
    variants = _tribunal_variants(courts)
    if variants:
        # 黑岗女子法庭 beside 黑岗法庭: one tribunal, by the plain name
        by_name = {c.name: c for c in courts}
        for nick, name in variants.items():
            into, gone = by_name[name], by_name[nick]
            into.mentions.extend(x for x in gone.mentions if x not in into.mentions)
            into.evidence.extend(gone.evidence)
        courts = [c for c in courts if c.name not in variants]
        mentions = [
            replace(m, court=variants[m.court]) if m.court in variants else m for m in mentions
        ]
        home = variants.get(home or "", home)
    tax = taxonomy if taxonomy is not None else default_taxonomy()
    sentences = split_sentences(text) if text else []

    person_hits = find_people(text, mentions)
    ctx = _Context(text, sentences, mentions, courts, person_hits, home)
    placed = _place_people(ctx, person_hits)
    if placed != person_hits:  # people placed by context now stand for their court too
        person_hits = placed
        ctx = ctx.with_people(person_hits)
    city = _home_city(courts, home)

    for c in courts:
        # the gold schema quotes each court's mentions from the article: keep where they are
        if not c.evidence:
            for m in mentions:
                if m.court == c.name:
                    c.evidence.append(_evidence(text, ctx, m.start, m.end))
                    if m.surface not in c.mentions:
                        c.mentions.append(m.surface)
    ctx.doc_date = doc.date
    ctx.ref_date = doc.date or getattr(reference_date(text), "date", None)
    ex = Extraction(document=doc, courts=courts)
    ex.people = _people(text, ctx, person_hits, city, doc)
    ex.initiatives, ex.adoptions = _initiatives(text, ctx, tax)
    ex.outcomes = _outcomes(doc, ctx, find_outcomes(text))
    ex.organizations = _organizations(text, ctx, find_organizations(text, mentions), city)
    link_outcomes(ex)
    ex.visits = document_visits(ctx, ex, person_hits, tax)  # learning visits (ingest.visits)
    apply_confidence(ex)
    return ex


#: the qualifiers a tribunal's nickname puts between the place and 人民法庭 (黑岗女子人民法庭,
#: 某某巾帼人民法庭): only these. Anything else may be another tribunal of a smaller or nearby
#: place or a second seat (城关镇, 城关工业园, 城关港, 城关第二, 城关东 beside 城关人民法庭)
_NICKNAME_QUALIFIER = re.compile(r"女子|巾帼|枫桥式?")


def _tribunal_variants(courts: Sequence[CourtRef]) -> dict[str, str]:
    """Tribunals of one court named once plainly and once with a qualifier between the place
    and 人民法庭 (黑岗女子人民法庭 beside 黑岗人民法庭): the qualified name is a nickname of the
    plain one. Maps each nickname to the plain name."""
    suffix = "人民法庭"
    plain: dict[str, list[str]] = {}
    for c in courts:
        if c.level == "tribunal" and c.parent and c.name.startswith(c.parent):
            stem = c.name[len(c.parent) :].removesuffix(suffix)
            if c.name.endswith(suffix) and len(stem) >= 2:
                plain.setdefault(c.parent, []).append(stem)
    out: dict[str, str] = {}
    for parent, stems in plain.items():
        for long in stems:
            for short in stems:
                extra = long[len(short) :]
                if long.startswith(short) and _NICKNAME_QUALIFIER.fullmatch(extra):
                    out[parent + long + suffix] = parent + short + suffix
    return out


def _home_places(courts: Sequence[CourtRef], home: str | None) -> tuple[str, ...]:
    """The place the article's own court serves, written in full and without its suffix
    (吉首市, 吉首): a county's for a basic court or tribunal, a city's for an intermediate
    court, a province's for a high court (the bare stem only when of two characters or more: 滑县
    stays whole); none for other courts."""
    ref = next((c for c in courts if c.name == home), None)
    if ref is None:
        return ()
    place = {"basic": ref.county, "tribunal": ref.county, "intermediate": ref.city}.get(
        ref.level, ref.province if ref.level == "high" else None
    )
    if not place:
        return ()
    stem = _PLACE_SUFFIX.sub("", place)
    return (place, stem) if len(stem) >= 2 else (place,)


_PLACE_SUFFIX = re.compile(
    r"(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|县|区|州|旗)$"
)


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


#: offices held in a court: a person with only these titles works for the court in context
_COURT_ROLES = frozenset(
    [
        "党组书记",
        "党组副书记",
        "党组成员",
        "常务副院长",
        "副院长",
        "代院长",
        "院长",
        "副庭长",
        "庭长",
        "审判长",
        "审判员",
        "一级高级法官",
        "二级高级法官",
        "三级高级法官",
        "四级高级法官",
        "一级法官",
        "二级法官",
        "三级法官",
        "四级法官",
        "五级法官",
        "员额法官",
        "法官助理",
        "书记员",
        "法官",
        "执行局局长",
        "执行局副局长",
        "执行局政委",
        "政治部主任",
        "审管办主任",
        "审判委员会专职委员",
        "审委会专职委员",
        "专职委员",
        "审判委员会委员",
        "审委会委员",
        "纪检组长",
        "纪检监察组组长",
        "监察专员",
    ]
)
#: offices of a tribunal: 庭长吴建平 after a paragraph about 新市法庭 heads that tribunal
_TRIBUNAL_ROLES = frozenset(["庭长", "副庭长", "法官", "员额法官", "法官助理", "书记员"])


def _tribunal_post(role: str) -> bool:
    """A post held in a tribunal: 庭长, 法官, 原庭长 (a qualified title); a division head
    (立案庭庭长) heads a division of the court, not a tribunal."""
    from ingest.people import bare_title

    bare = bare_title(role)
    return bare in _TRIBUNAL_ROLES and not role[: len(role) - len(bare)].endswith("庭")


def _place_people(ctx: _Context, hits: Sequence[PersonHit]) -> list[PersonHit]:
    """Give court officers named without their court (院长杨秋明) the court the text is about.

    A post written in full (立案庭庭长, 退休法官, 承办法官) counts by its title (庭长, 法官)."""
    from ingest.people import (
        COURT_OCCUPATIONS,
        bare_title,
        byline_court,
        is_court_office_post,
        listed_office,
    )

    out: list[PersonHit] = []
    # court staff and mediators the court appoints (特邀调解员, 驻院调解员) work for the court
    # the text is about, and so do the heads of its own offices (立案信访局局长)
    placeable = _COURT_ROLES | COURT_OCCUPATIONS
    for h in hits:
        officer = h.rule == "person:linked-mediator" or (
            bool(h.roles)
            and all(bare_title(r) in placeable or is_court_office_post(r) for r in h.roles)
        )
        prev = out[-1].court if out else None
        if prev and not prev.startswith("AGG:") and listed_office(ctx.text, out[-1], h):
            # 副院长李红伟、办公室主任赵振营: an office listed among the court's officers
            out.append(replace(h, court=prev, rule="person:listed-office"))
            continue
        if h.court is not None or h.org_surface is not None or not officer:
            out.append(h)
            continue
        if h.court_surface is not None:
            # the title names a court the court mentions missed: that one, or none
            named = byline_court(h.court_surface, ctx.courts)
            out.append(replace(h, court=named) if named else h)
            continue
        unit, path = ctx.unit_path(h.start)
        if path == "nearest-in-sentence" and out and _hosts_after_visitor(ctx, out[-1], h, unit):
            # 甲中院副院长张三出席并讲话，院长李四主持会议: the host is the article's court
            out.append(replace(h, court=ctx.home))
            continue
        if path in ("paragraph-topic", "paragraph-topic-far"):
            # no court named before them in their paragraph: 院长张三介绍了我院… — they speak
            # of their own court (a tribunal of it may still be theirs)
            own = _own_court_after(ctx, h)
            if own is not None and unit != own and ctx.parents.get(unit or "") != own:
                unit = own
        if unit and unit.startswith("AGG:"):
            unit = _leading_court(unit, ctx.courts)
        tribunals = [c.name for c in ctx.courts if c.level == "tribunal"]
        if (
            path in _GUESSED_PATHS
            and len(tribunals) == 1
            and unit != tribunals[0]
            and h.roles
            and all(_tribunal_post(r) and bare_title(r) == "庭长" for r in h.roles)
            and _speaks_of_tribunal(ctx, h, tribunals[0])
        ):
            # 参观过程中，李某庭长介绍了乙法庭…: a 庭长 placed by a guess, in an article naming one
            # tribunal, heads that tribunal (not the visiting court the paragraph before was about)
            unit = tribunals[0]
        elif (
            path in _GUESSED_PATHS
            and ctx.level(unit) == "tribunal"
            and h.roles
            and all(bare_title(r) == "庭长" for r in h.roles)
            and _WHOLE_COURT.search(ctx.text, *ctx.sentence(h.start))
        ):
            # 乙法庭作了交流发言。⏎王某庭长强调，全市法院要…: a 庭长 speaking for all the courts
            # (or the whole court) is no guessed tribunal's head; which court's, the text says not
            unit = None
        if unit and ctx.level(unit) == "tribunal" and not all(map(_tribunal_post, h.roles)):
            unit = ctx.parents.get(unit) or unit  # a president heads the basic court
        out.append(replace(h, court=unit) if unit else h)
    return out


#: the whole court or its offices (通报了全院…, 要求各部门…): a 庭长 saying so speaks for the
#: court, not for a tribunal the article names
_WHOLE_COURT = re.compile(r"全院|各部门|各庭|各业务庭|各庭室|院机关|全市法院|两级法院")


#: what a tribunal's head does with it before visitors: presents it (介绍了乙法庭的基本情况)
_PRESENTS = re.compile(r"介绍|汇报|讲解|展示|阐述")


def _speaks_of_tribunal(ctx: _Context, h: PersonHit, tribunal: str) -> bool:
    """A 庭长 placed by a guess presents the article's one tribunal: their own sentence goes on
    to present it by name (王某庭长介绍了乙法庭…), or as 法庭 right after a sentence naming it;
    never a sentence about the whole court or its offices (李某庭长通报了全院…，要求各部门…),
    nor one that only names it (表扬了乙法庭)."""
    s_start, s_end = ctx.sentence(h.start)
    if _WHOLE_COURT.search(ctx.text, s_start, s_end):
        return False
    named = ctx.courts_in(h.end, s_end)
    if any(m.court != tribunal for m in ctx.courts_in(s_start, s_end)):
        return False
    presents = _PRESENTS.search(ctx.text, h.end, s_end)
    if presents is None:
        return False
    if any(m.court == tribunal and m.start > presents.start() for m in named):
        return True
    if s_start == 0 or "法庭" not in ctx.text[presents.end() : s_end]:
        return False
    p_start, p_end = ctx.sentence(s_start - 1)
    return any(m.court == tribunal for m in ctx.courts_in(p_start, p_end))


#: what the host of a meeting or a visit does (主持会议, 陪同调研, 汇报工作, 致欢迎辞)
_HOST_VERB = re.compile(r"主持|陪同|汇报|作工作报告|致欢迎辞")


def _hosts_after_visitor(ctx: _Context, prev: PersonHit, h: PersonHit, unit: str | None) -> bool:
    """`h`, an officer without a court heading a clause of its own, does what a host does
    (主持会议, 陪同) right after an officer of another court named with that court
    (甲中院副院长张三出席并讲话，院长李四主持会议): `h` is the article's own court's officer,
    not the visitor's. Not for an officer listed with the visitor (甲中院副院长张三、院长李四
    出席), nor where the visitor's court is the article's own."""
    home = ctx.home
    if home is None or home.startswith("AGG:") or unit is None or unit == home:
        return False
    if prev.court != unit or prev.rule not in _TITLE_WRITES_COURT:
        return False
    s_start, _ = ctx.sentence(h.start)
    if prev.start < s_start or ctx.courts_in(prev.end, h.start):
        return False
    gap = ctx.text[prev.end : h.start]
    if not re.search("[，,；;]", gap):
        return False
    stop = _CLAUSE_BREAK.search(ctx.text, h.end)
    end = stop.start() if stop is not None else len(ctx.text)
    return _HOST_VERB.match(ctx.text, h.end, end) is not None or bool(
        _HOST_VERB.search(ctx.text, h.end, min(end, h.end + 4))
    )


#: 我院/本院: the court the article's writer belongs to (ingest.courts resolves it to the home)
_FIRST_PERSON_COURT = frozenset(["我院", "本院"])
#: a visitor's verb or a preposition right before 我院 (到我院调研, 对我院工作给予肯定): the
#: person may come from another court
_TOWARDS = re.compile(r"(?:到|赴|莅临|来到|走进|深入|对|向|给|为|与|同|和|跟|在)$")


def _own_court_after(ctx: _Context, h: PersonHit) -> str | None:
    """The court a person speaks of as 我院/本院 later in their own sentence, before any other
    court is named (党组书记、院长张三介绍了我院…工作情况): the writer's court, which is the
    person's, unless a visitor's verb or a preposition comes right before it."""
    _, s_end = ctx.sentence(h.start)
    named = ctx.courts_in(h.end, s_end)
    if not named or named[0].surface not in _FIRST_PERSON_COURT:
        return None
    m = named[0]
    lo = max(h.end, m.start - 4)
    if _INSPECT_BEFORE.search(ctx.text, lo, m.start) or _TOWARDS.search(ctx.text, lo, m.start):
        return None
    return m.court


def _place_at_level(ctx: _Context, level: str) -> str | None:
    """The article's province (省), city (市, 州) or county (县, 区) from its own court.

    A 市 seen from a county-level city's court (昆山市人民法院) is that city itself."""
    home = next((c for c in ctx.courts if c.name == ctx.home), None)
    if home is None:
        return None
    if level == "省":
        return home.province
    if level in "县区":
        return home.county
    if home.county and home.county.endswith("市") and home.level in ("basic", "tribunal"):
        return home.county
    return home.city


#: the person patterns whose court is written in the title itself (甲法院院长张三, 甲法院立案庭
#: 庭长张三), surer than a court the context gives
_TITLE_WRITES_COURT = frozenset(["person:court-title-name", "person:court-dept-title-name"])


def _former_title(ctx: _Context, h: PersonHit) -> bool:
    """The court of a title-name hit is written as a former post (时任甲中院副院长王宏): it
    does not override the court the context placed the person at."""
    from ingest.people import FORMER_POST_BEFORE

    s_start, _ = ctx.sentence(h.start)
    named = [m for m in ctx.courts_in(s_start, h.start) if m.court == h.court]
    if not named:
        return False
    lo = max(s_start, named[-1].start - 2)
    return FORMER_POST_BEFORE.search(ctx.text, lo, named[-1].start) is not None


def _people(
    text: str,
    ctx: _Context,
    hits: Sequence[PersonHit],
    city: str | None,
    doc: SourceDocument | None = None,
) -> list[PersonRef]:
    """One PersonRef per name: court personnel, court-embedded mediators and honoured judges.

    Titled people of no court and no known body (村委会主任, 人大代表, 律师) are left out."""
    from ingest.people import (
        COURT_OCCUPATIONS,
        PERSON_RULES,
        bare_title,
        byline_court,
        find_bylines,
        is_court_honour,
    )

    people: dict[str, PersonRef] = {}
    for h in hits:
        p = people.get(h.name)
        if p is None:
            unit = h.court
            if unit is None and h.org_surface:
                unit = org_name_for(h.org_surface, city)
            p = people[h.name] = PersonRef(name=h.name, unit=unit, mentions=[h.name], rule=h.rule)
        elif h.court and h.court != p.unit and _former_title(ctx, h):
            # 时任甲中院副院长王宏 after 乙县法院院长王宏: a post held before at another court
            # is neither the person's court nor a role they hold there
            continue
        elif PERSON_RULES.index(h.rule) < PERSON_RULES.index(p.rule):
            p.rule = h.rule  # the surest pattern that found the person
            if h.rule in _TITLE_WRITES_COURT and h.court and not h.court.startswith("AGG:"):
                # 王宏院长到乙县法院调研 (placed by context), then 甲中院院长王宏: the court
                # written in the title is the person's
                p.unit = h.court
        for r in h.roles:
            if r not in p.roles:
                p.roles.append(r)
        if p.unit is None and h.court:
            p.unit = h.court
        p.evidence.append(_evidence(text, ctx, h.start, h.end))
    # bylines: in the text, or (cut as page furniture) only in the file
    sources = [(text, True)]
    if doc is not None and doc.original and doc.original != text:
        sources.append((doc.original, False))
    for source, in_text in sources:
        for b in find_bylines(source):
            court = byline_court(b.court, ctx.courts)
            if court is None:
                continue
            p = people.get(b.name)
            if p is None:
                p = people[b.name] = PersonRef(
                    name=b.name, unit=court, mentions=[b.name], rule="person:byline"
                )
            if b.role not in p.roles:
                p.roles.append(b.role)
            if in_text:
                p.evidence.append(_evidence(text, ctx, b.start, b.end))
    return [
        p
        for p in people.values()
        if p.unit is not None
        or not p.roles
        or all(
            bare_title(r) in _COURT_ROLES
            or bare_title(r) in COURT_OCCUPATIONS
            or is_court_honour(r)
            for r in p.roles
        )
    ]


#: the paths that attribute an adoption, most reliable first: a fact proposed by several keeps
#: the first of them as its `rule` (ingest.confidence turns a rule into a confidence)
ADOPTION_RULES = (
    "adoption:subject",
    "adoption:owner-prefix",
    "adoption:subject-list",
    "adoption:listed",
    "adoption:on-the-list",
    "adoption:list-above",
    "adoption:respectively",
    "adoption:award-winner",
    "adoption:case-list",
    "adoption:located",
    "adoption:pivot",
    "adoption:pilot-designated",
    "adoption:promoter",
    "adoption:press-conference",
    "adoption:visited",
    "adoption:visitor-own",
    "adoption:guiding-visitor",
    "adoption:person-subject",
    "adoption:person-object",
    "adoption:object-owner",
    "adoption:practiser",
    "adoption:praised",
    "adoption:praised-context",
    "adoption:deployer",
    "adoption:followed-deployment",
    "adoption:followed-instruction",
    "adoption:frame-owner",
    "adoption:convener",
    "adoption:spreader-after",
    "adoption:leader-after",
    "adoption:requirer",
    "adoption:title-issuer",
    "adoption:title-campaign",
    "adoption:title-pilot",
    "adoption:title-guidance",
    "adoption:title-lower-courts",
    "adoption:title-author",
    "adoption:title-pusher",
    "adoption:cited-policy",
    "adoption:promoted-practice",
    "adoption:group-leader",
    "adoption:directive-home",
    "adoption:purpose-subject",
    "adoption:frame-subject",
    "adoption:nearest-in-sentence",
    "adoption:tribunal-anaphor",
    "adoption:place-subject",
    "adoption:circuit-parent",
    "adoption:pilot-named",
    "adoption:section",
    "adoption:section-reporter",
    "adoption:paragraph",
    "adoption:paragraph-before-examples",
    "adoption:paragraph-topic",
    "adoption:heading-next-topic",
    "adoption:paragraph-topic-far",
    "adoption:home",
    "adoption:home-early",
)
_RULE_RANK = {r: i for i, r in enumerate(ADOPTION_RULES)}


def _initiatives(
    text: str, ctx: _Context, tax: Taxonomy
) -> tuple[list[InitiativeRef], list[Adoption]]:
    refs: dict[str, InitiativeRef] = {}
    adoptions: dict[tuple[str, str, str], Adoption] = {}

    def adopt(unit: str, m: InitiativeMention, relation: Relation, ev: Evidence, rule: str) -> None:
        if (
            rule in _CONTEXT_RULES
            and relation == "adopted"
            and ctx.level(unit) in _HIGH_OR_MIDDLE
            and _WHOLE_SCOPE.search(ev.sentence)
        ):
            # in a section or paragraph about 甲中院, 全市X适用率提高…: the city's courts do X,
            # which the sentence does not name as one court; the court guessed from the context
            # leads them, it is not the one doing it
            return
        if relation != "awarded" and _bare_figure(ctx, unit, m, rule):
            # 全市法院诉前调解成功率达到46.8%: a group's figure whose metric names X is no
            # report that the court leading the group does X; nor is a table's cell the
            # section's or paragraph's court's
            return
        s, upto = _date_window(ctx, unit, m)
        date, precision = _adoption_date(text[s:upto], upto - s, ctx.ref_date)
        date, precision = _month_day_date(ctx, s, upto) or (date, precision)
        if relation in _PLANNABLE and _after_publication(date, ctx.doc_date):
            return  # 2023年，全省法院全面推开X in an article of 2022: a plan, not yet done
        if date:
            ev = replace(ev, date=date, date_precision=precision)
        key = (unit, m.name, relation)
        a = adoptions.get(key)
        if a is None:
            a = adoptions[key] = Adoption(
                unit=unit,
                initiative=m.name,
                relation=relation,
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                rule=rule,
            )
        else:
            _earliest(a, date, precision)
            if _RULE_RANK.get(rule, 99) < _RULE_RANK.get(a.rule, 99):
                a.rule = rule
        a.evidence.append(ev)

    mentions = find_initiatives(text, taxonomy=tax)
    respective = _respectively(text, ctx, mentions)
    ctx.honours = sorted((m.start, m.end) for m in mentions if m.awarded)
    lagging = _lagging_courts(ctx, mentions)
    for m in mentions:
        if _PARTY_ACTIVITY.search(m.name):
            continue  # a party branch's theme day or study session, no court reform
        ref = refs.get(m.name)
        if ref is None:
            ref = refs[m.name] = InitiativeRef(name=m.name, candidate=m.candidate)
        surface = text[m.start : m.end]
        if surface not in ref.mentions:
            ref.mentions.append(surface)
        ev = _evidence(text, ctx, m.start, m.end)
        ref.evidence.append(ev)
        lag = lagging.get((ctx.sentence(m.start)[0], m.name), ())
        for unit, relation, rule in _attributed(ctx, m, respective.get(m.start)):
            if unit not in lag:  # 乙法院X工作滞后，X案件仅N件: not its adoption either
                adopt(unit, m, relation, ev, rule)
    _promoted_practices(text, ctx, mentions, adoptions)
    for m, winners in _case_collections(ctx):
        ref = refs.setdefault(m.name, InitiativeRef(name=m.name, candidate=True))
        if text[m.start : m.end] not in ref.mentions:
            ref.mentions.append(text[m.start : m.end])
        ev = _evidence(text, ctx, m.start, m.end)
        ref.evidence.append(ev)
        for unit in winners:
            adopt(unit, m, "awarded", ev, "adoption:case-list")
    _fold_generic(tax, refs, adoptions)
    _merge_relations(ctx, adoptions)
    # a name met only as what a practice serves or as something given up is no initiative
    # of the article
    adopted = {name for _, name, _ in adoptions}
    spc_circuits = {m.start for m in mentions if _spc_circuit(ctx, ctx.sentence(m.start)[0], m)}
    only_aims = {
        m.name for m in mentions if m.framing or m.abolished or m.start in spc_circuits
    } - {m.name for m in mentions if not (m.framing or m.abolished or m.start in spc_circuits)}
    for name in only_aims - adopted:
        refs.pop(name, None)
    # …and so is one met only in a document no court issued or in a national leader's call
    elsewhere = {m.name: True for m in mentions}
    for m in mentions:
        if elsewhere[m.name] and not _cited_elsewhere(ctx, m):
            elsewhere[m.name] = False
    quoted_only = {name for name, only in elsewhere.items() if only}
    for name in quoted_only - adopted:
        refs.pop(name, None)
    return list(refs.values()), list(adoptions.values())


#: the heading of a published collection of cases (全省法院人民法庭建设案例（二）, 某某法院
#: “枫桥式人民法庭”建设典型案例), alone on its line or after a site's prefix and a colon
_CASE_HEADING = re.compile(
    r"(?:^|[:：])[ \t\u3000]*(?P<name>[^\n:：【】]{4,40}?案(?:事)?例)[ \t\u3000]*"
    r"(?:[(（][一二三四五六七八九十\d]{1,3}[)）])?[ \t\u3000]*$",
    re.M,
)
#: what may open one item of such a collection before its court: 【案例28】, 案例3：, 一、, 1.
_CASE_ITEM_MARK = re.compile(
    r"[ \t\u3000]*(?:【案例\s*\d{1,3}】|案例\s*\d{1,3}[:：、.．]?|[一二三四五六七八九十\d]{1,3}[、.．])?"
    r"[ \t\u3000]*"
)


def _case_collections(ctx: _Context) -> list[tuple[InitiativeMention, list[str]]]:
    """A published collection of cases and the courts it lists: after a heading that names the
    collection (某省人民法庭建设案例（二）), each line that opens with a court and a colon
    (【案例3】乙县人民法院丙人民法庭：…) is one selected case of that court, which was
    awarded the selection. Needs two such lines, so a lone 乙法院：… is no list."""
    text = ctx.text
    out: list[tuple[InitiativeMention, list[str]]] = []
    if "案例" not in text and "案事例" not in text:
        return out
    by_start: dict[int, CourtMention] = {}
    for c in ctx.mentions:
        if c.court.startswith("AGG:"):
            continue
        if c.start not in by_start or c.end > by_start[c.start].end:
            by_start[c.start] = c
    for h in _CASE_HEADING.finditer(text):
        name = h.group("name")
        if name.startswith(("案例", "典型案例")) or len(name) < 6:
            continue
        winners: list[str] = []
        pos = h.end()
        for line in re.finditer(r"[^\n]*", text[pos:]):
            if not line.group():
                continue
            at = pos + line.start()
            mark = _CASE_ITEM_MARK.match(text, at)
            item = by_start.get(mark.end() if mark else at)
            if item is None or text[item.end : item.end + 1] not in (":", "："):
                continue
            if item.court not in winners:
                winners.append(item.court)
        if len(winners) >= 2:
            # named as the selection (…案例(入选)), not as the collection, whose name often
            # holds the initiative its cases show (“枫桥式人民法庭”建设典型案例). The brackets
            # are half-width, as in the corpus README's labels (法官工作站(室)) and every gold
            # file's …(入选): the scorer takes a gold name equal to the fact's before folding,
            # so （入选） fell to the first gold name it overlaps (枫桥式人民法庭; X: 5 of 59
            # adoptions lost, 0.645 -> 0.590)
            m = InitiativeMention(
                h.start("name"), h.end("name"), name + "(入选)", True, "award-header", awarded=True
            )
            out.append((m, winners))
    return out


#: the name of a party activity (主题党日活动, 主题教育, 党史学习教育, 读书班, 民主生活会)
_PARTY_ACTIVITY = re.compile(r"党日|主题教育|党史学习|党课|读书班|民主生活会|组织生活会")

#: the place of a group of courts (AGG:某省全省法院 -> 某省)
_AGG_PLACE = re.compile(r"^AGG:(.+?)(?:全省|全市|全区|全州|全盟|两级|三级|全县)")


def _fold_generic(
    tax: Taxonomy,
    refs: dict[str, InitiativeRef],
    adoptions: dict[tuple[str, str, str], Adoption],
) -> None:
    """A court's generic term (多元解纷) is the specific initiative it is ``part_of``
    (一站式多元解纷机制) when the same court does that one too, or for a city's or a province's
    courts (AGG:某省全省法院) when the court that leads them does or pushes it; another court's
    stays generic."""
    does = {(unit, name) for unit, name, _ in adoptions}
    leaders: dict[str, list[str]] = {}
    for unit, _, _ in adoptions:
        agg = _AGG_PLACE.match(unit)
        if agg is not None:
            leaders[unit] = [
                u
                for u, _, _ in adoptions
                if u.startswith(agg.group(1)) and u.endswith(("高级人民法院", "中级人民法院"))
            ]
    for (unit, name, relation), a in list(adoptions.items()):
        entry = tax.by_name.get(name)
        if entry is None or not entry.part_of:
            continue
        specific = next(
            (
                n
                for n in entry.part_of
                if any((u, n) in does for u in (unit, *leaders.get(unit, ())))
            ),
            None,
        )
        if specific is None:
            continue
        del adoptions[(unit, name, relation)]
        b = adoptions.get((unit, specific, relation))
        if b is None:
            adoptions[(unit, specific, relation)] = replace(a, initiative=specific)
            continue
        b.evidence.extend(a.evidence)
        _earliest(b, a.date, a.date_precision)
        if _RULE_RANK.get(a.rule, 99) < _RULE_RANK.get(b.rule, 99):
            b.rule = a.rule
    for name in [n for n in refs if tax.by_name.get(n) and tax.by_name[n].part_of]:
        if any(x == name for _, x, _ in adoptions):
            continue
        into = next((n for n in tax.by_name[name].part_of if n in refs), None)
        if into is None or not any(n == into for _, n, _ in adoptions):
            continue
        ref = refs.pop(name)  # all its adopters do the specific one: one initiative, not two
        refs[into].mentions.extend(m for m in ref.mentions if m not in refs[into].mentions)
        refs[into].evidence.extend(ref.evidence)


_FULL_ROLLOUT = re.compile(r"全面推行|全面推开|全面实施|全面铺开|全面施行")


def _merge_relations(ctx: _Context, adoptions: dict[tuple[str, str, str], Adoption]) -> None:
    """A pilot court that also reports doing the initiative piloted it (one fact, not two),
    unless it is said to have rolled it out in full (全面推行…): then it adopted it. A court
    that both does and pushes it keeps both facts: the text says both."""
    for (unit, name, relation), a in list(adoptions.items()):
        if relation != "adopted":
            continue
        b = adoptions.get((unit, name, "piloted"))
        if b is None or b is a:
            continue
        if any(_FULL_ROLLOUT.search(ev.sentence) for ev in a.evidence):
            a, b = b, a  # the pilot was a stage on the way: adopted
            relation = "piloted"
        b.evidence.extend(a.evidence)
        if _RULE_RANK.get(a.rule, 99) < _RULE_RANK.get(b.rule, 99):
            b.rule = a.rule
        _earliest(b, a.date, a.date_precision)
        del adoptions[(unit, name, relation)]
    _one_reading_per_sentence(adoptions)


def _one_reading_per_sentence(adoptions: dict[tuple[str, str, str], Adoption]) -> None:
    """One sentence gives a court one relation to an initiative. A deploying verb makes every
    mention of its sentence the court's promotion (_relation reads the whole sentence), so a
    sentence read both ways had the court do X in its own clause and the promotion inferred
    from the setting (为推进X，甲中院召开新闻发布会，发布全市法院X工作情况): the adoption, what
    the sentence says the court does, wins; the promoted fact keeps only its other sentences
    and goes when none is left."""
    for (unit, name, relation), a in list(adoptions.items()):
        if relation != "promoted":
            continue
        b = adoptions.get((unit, name, "adopted"))
        if b is None:
            continue
        done = {ev.start for ev in b.evidence}
        kept = [ev for ev in a.evidence if ev.start not in done]
        if len(kept) == len(a.evidence):
            continue
        if not kept:
            del adoptions[(unit, name, relation)]
            continue
        a.evidence[:] = kept
        a.date, a.date_precision = None, None
        for ev in kept:
            _earliest(a, ev.date, ev.date_precision)


_HIGH_OR_MIDDLE = ("intermediate", "high")
#: the rules that credit a court the initiative's sentence does not name: its section, its
#: paragraph, an earlier paragraph's topic or the article's own court (not the section's court
#: reporting a group the sentence names, adoption:section-reporter: 全市法院推行X in 甲中院's)
_CONTEXT_RULES = frozenset(
    {
        "adoption:directive-home",
        "adoption:section",
        "adoption:paragraph",
        "adoption:paragraph-before-examples",
        "adoption:paragraph-topic",
        "adoption:heading-next-topic",
        "adoption:paragraph-topic-far",
        "adoption:home",
        "adoption:home-early",
    }
)
#: what, before an initiative's name in its clause, says someone does it (推行X, 通过X化解…,
#: 建成X室3个): such a clause is no bare figure
_DOES_BEFORE = re.compile(
    r"推[行广进开动]|开展|实[施行]|建[立成设]|设[立置]|成立|组建|配备|挂牌|打造|构建|健全|完善|"
    r"创新|探索|试[点行]|深化|部署|引入|引进|运用|落实|加强|强化|启[动用]|上线|开通|通过|依托|"
    r"借助|利用|采[取用]|坚持|发挥|做[好实]|抓[好实]|用好|组织|参与|进行|聚焦|围绕|对接|实现"
)
#: right after an initiative's name: a short metric and its number (诉前调解成功率达到46.8%,
#: 诉前调解案件超过30万件, 诉前化解纠纷1530件, a table's 诉前调解成功率 52%)
_FIGURE_AFTER = re.compile(r"[^\d，,；;。！!？?：:\n]{0,12}?\d")


def _bare_figure(ctx: _Context, unit: str, m: InitiativeMention, rule: str) -> bool:
    """Whether `m`'s clause only reports a figure whose metric names the initiative and so
    credits `unit` with nothing: a group (2025年全市法院诉前调解成功率达到46.8%, which the
    graph would give the court leading it), or a court taken from the context for a table's
    cell (指标 数值 / 诉前调解成功率 52%). A court's own figure in a sentence (乙县法院诉前调解
    案件3663件) is left to the rules: the annotations credit it."""
    text = ctx.text
    if not _FIGURE_AFTER.match(text, m.end):
        return False
    if not unit.startswith("AGG:") and rule != "adoption:section-reporter":
        if rule not in _CONTEXT_RULES:
            return False
        s, e = ctx.sentence(m.start)
        if _SENTENCE_MARK.search(text, s, e):
            return False  # a sentence, not a table's cell
    lo = ctx.clause_start(ctx.sentence(m.start)[0], m.start)
    if _DOES_BEFORE.search(text, lo, m.start):
        return False
    i = bisect.bisect_left(ctx.breaks, m.end)
    hi = ctx.breaks[i] if i < len(ctx.breaks) else len(text)
    return not _DOES_BEFORE.search(text, m.end, hi)  # (…的基础上推行…: the clause goes on to act)


#: what a sentence has and a table's cell has not
_SENTENCE_MARK = re.compile(r"[，,；;。！!？?]")


#: a sentence about the courts of a whole city or province (全市小额诉讼程序适用率…, 两级法院…),
#: not a rank or a first among them (排名全省第一, 在全市率先推行)
_WHOLE_SCOPE = re.compile(
    r"(?<!排名)(?<!位居)(?<!位列)(?<!居)(?<!列)(?:全市|全省|全区|全州|全盟)"
    r"(?![第前首]|率先|唯一|最|领先|排名|名列)"
    r"|两级法院|三级法院"
)


#: the relations a date after the article's publication turns into a plan
_PLANNABLE: tuple[Relation, ...] = ("adopted", "piloted", "promoted")


def _after_publication(date: str | None, published: str | None) -> bool:
    """The sentence's own date of an act is after the article's publication (a later year, or a
    later month of the same year): the act is a plan, not a fact the article reports."""
    if not date or not published or not re.match(r"\d{4}", published):
        return False
    n = min(7 if len(date) >= 7 else 4, 7 if len(published) >= 7 else 4)
    return date[:n] > published[:n]


def _earliest(a: Adoption, date: str | None, precision: str | None) -> None:
    """Keep the earliest of `a`'s date and `date` (by the store's `date_key`)."""
    if date and (a.date is None or date_key(date, precision) < date_key(a.date, a.date_precision)):
        a.date, a.date_precision = date, precision  # type: ignore[assignment]


def _past_honours(ctx: _Context, m: InitiativeMention) -> int:
    """Where to look for the winner of the honour at `m`: before the honours listed ahead of it
    when the court nearest is part of one's name (获评最高人民法院…案例，上海法院十佳…: the
    court the sentence is about, not the SPC that gives the first)."""
    pos = m.start
    while True:
        s, _ = ctx.sentence(pos)
        hit = ctx.last_between(s, pos)
        if hit is None:
            return pos
        named = next((a for a, b in ctx.honours if a <= hit.start and hit.end <= b), None)
        if named is None or named >= pos:
            return pos
        pos = named


#: a higher court's visit to a court below to guide or check its work: the verb after the
#: visited court (到乙县法院调研指导X工作, 赴乙县法院验收考核X)
_VISIT_BEFORE = re.compile(r"(?:到|赴|深入|前往|莅临|走进)$")
_GUIDE_AFTER = re.compile(r"[^，,。；;！!？?\n]{0,6}?(?:调研指导|指导|督导|验收|考核|督查|检查)")
#: a visit that looks into problems (检查X积压问题, 督查整改情况): the court below is not shown
#: doing X, nor the higher court pushing it
_VISIT_PROBLEM = re.compile(r"问题|整改|积压")


def _guided_visit(ctx: _Context, m: InitiativeMention) -> tuple[str, str] | None:
    """(the visited court, the visiting court) when a higher court, the subject of the clause,
    goes to a court below it to guide, check or assess the work named at `m` in the same clause
    (甲中院审委会到乙县法院验收考核X工作, 省法院一行到乙县法院调研指导X建设): the court below
    does X, the higher court promotes it (guiding is promoting)."""
    if m.awarded or m.title:
        return None
    text = ctx.text
    s, _ = ctx.sentence(m.start)
    c_start = ctx.clause_start(s, m.start)
    for c in reversed(ctx.courts_in(c_start, m.start)):
        if not _VISIT_BEFORE.search(text, max(c_start, c.start - 2), c.start):
            continue
        guide = _GUIDE_AFTER.match(text, c.end)
        if guide is None or guide.end() > m.start:
            return None
        brk = _CLAUSE_BREAK.search(text, m.end)
        if _VISIT_PROBLEM.search(text, guide.start(), brk.start() if brk else len(text)):
            return None
        sub = ctx.subject_in(c_start, c.start)
        if sub is None or sub.court == c.court or not _outranks(ctx, sub.court, [c.court]):
            return None
        return c.court, sub.court
    return None


#: a press conference a court holds (召开/举行…新闻发布会, …新闻通气会)
_PRESS = re.compile(
    r"(?:召开|举行|举办)[^，,。；;！!？?\n]{0,40}?(?:新闻发布会|新闻通气会|发布会|通气会)"
)
#: what a press conference does with its topic, right after it (…发布会，通报/介绍…), or in a
#: further clause of the same kind (…，通报…，并介绍了…)
_PRESS_TOPIC = re.compile(r"[，,]\s*(?:并且?|还|同时)?\s*(?:通报|介绍|发布|公布|宣布|通告)")
#: what makes a conference's topic the courts' at large rather than the host's own work: the
#: courts under it named (全省法院, 我省法院, 北京法院…) or a push (深化, 推进, 推广…)
_PRESS_PUSH = re.compile(r"法院|深化|推进|推广|推动|全面")
#: a court holding its own conference: the court and the verb with little between them
#: (乙中院召开, 省法院联合省司法厅召开, 最高人民法院4日就X举行); a longer gap names more
_PRESS_HOST_GAP = 60


#: a time phrase that opens a conference's topic and is cut off by a comma (介绍2024年以来，…)
_PRESS_TIME = re.compile(
    r"(?:通报|介绍|发布|公布|宣布|通告)[\d一二三四五六七八九十〇年月日号以来今去近期间至]+$"
)


def _topic_clause_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (the conference's end to the initiative) ends in a clause of
    what the conference reports (…，通报/并介绍了X): the last clause break before the
    initiative opens a report, or follows a report's time phrase (…，介绍2024年以来，X)."""
    breaks = [i for i in range(start, end) if text[i] in _CLAUSE_BREAKS]
    if not breaks:
        return False
    if _PRESS_TOPIC.match(text, breaks[-1]):
        return True
    prev = breaks[-2] if len(breaks) > 1 else None
    return (
        prev is not None
        and _PRESS_TOPIC.match(text, prev) is not None
        and _PRESS_TIME.search(text, prev, breaks[-1]) is not None
    )


def _press_host(ctx: _Context, m: InitiativeMention) -> str | None:
    """The higher court (the SPC, a high or an intermediate court) that holds a press
    conference on the initiative at `m`: X named in the conference's own clause (召开深化X工作
    新闻发布会, 就X举行新闻发布会) or in what it reports right after it (召开新闻发布会，通报
    全省法院X工作情况). Such a court promotes X (the corpus convention: a higher court that
    presents an initiative to the public pushes it) when it is the SPC or the topic names the
    courts under it or a push (_PRESS_PUSH); a high or intermediate court presenting only its own
    work (召开X工作新闻发布会, 介绍了X建设情况) keeps what the rest of the sentence gives."""
    if m.awarded or m.title:
        return None
    text = ctx.text
    s, e = ctx.sentence(m.start)
    for press in _PRESS.finditer(text, s, e):
        if press.start() <= m.start < press.end():
            pass  # 召开X新闻发布会
        elif m.end <= press.start():
            # 就X举行新闻发布会: X in the clause that ends with the conference
            if _CLAUSE_BREAK.search(text, m.end, press.start()):
                continue
        elif not (
            _PRESS_TOPIC.match(text, press.end())
            and "。" not in text[press.end() : m.start]
            and not ctx.courts_in(press.end(), m.start)
            and _topic_clause_at(text, press.end(), m.start)
        ):
            continue  # X in a clause of its own after the conference's topic
        hosts = ctx.courts_in(s, min(m.start, press.start()))
        if not hosts or press.start() - hosts[-1].end > _PRESS_HOST_GAP:
            return None
        host = hosts[-1]
        level = ctx.level(host.court)
        if level not in ("supreme", "high", "intermediate"):
            return None
        brk = _CLAUSE_BREAK.search(text, max(m.end, press.end()))
        topic = text[host.end : brk.start() if brk else len(text)]
        if level != "supreme" and not _PRESS_PUSH.search(topic):
            return None  # 甲中院召开X工作新闻发布会 / …，介绍了X建设情况: the host's own work
        if _CLAUSE_BREAK.search(text, host.end, min(m.start, press.start())) and not (
            m.start < press.start()
        ):
            return None  # 甲中院…，乙县法院召开…: the host's clause is another's
        return host.court
    return None


#: a meeting named after the initiative (X专题座谈会, X工作推进会, X现场会)
_MEETING_AFTER = re.compile(
    r"[”\"]?(?:工作|建设|专题|改革|试点)*(?:座谈会|推进会|现场会|研讨会|调度会|部署会|联席会议?|观摩会|培训班)"
)
#: between the court and the meeting's name: it holds the meeting (组织召开的, 举办)
_CONVENES = re.compile(
    r"(?:组织|牵头)?(?:召开|举办|主办|举行)(?:了|的)?(?:全[省市区州盟](?:法院)?)?[“\"]?"
)


def _meeting_convener(ctx: _Context, m: InitiativeMention) -> str | None:
    """The higher court (the SPC, a high or an intermediate court) written right before a
    meeting it holds on the initiative at `m` (在北京高院组织召开的“X”专题座谈会上, 甲中院召开
    X推进会): it pushes X across its courts."""
    if m.awarded or m.title or not _MEETING_AFTER.match(ctx.text, m.end):
        return None
    s, _ = ctx.sentence(m.start)
    courts = ctx.courts_in(s, m.start)
    if not courts or courts[-1].court.startswith("AGG:"):
        return None
    c = courts[-1]
    if _RANK.get(ctx.level(c.court) or "", 0) < 3:
        return None
    return c.court if _CONVENES.fullmatch(ctx.text, c.end, m.start) else None


def _attributed(
    ctx: _Context, m: InitiativeMention, respective: str | None
) -> list[tuple[str, Relation, str]]:
    """_adopters, with the higher court that guides the initiative on a visit (_guided_visit)
    or presents it at its press conference (_press_host) as its promoter; a basic court or a
    tribunal never promotes (what its president requires, what it sets up in its tribunals,
    it does itself): its promoted facts are adopted ones."""
    if not (m.awarded or m.title) and _pending(ctx, m):
        return []
    out = _adopters(ctx, m, respective)
    visit = _guided_visit(ctx, m)
    if visit is not None and not _not_adopted(ctx, m):
        visited, visitor = visit
        out = [x for x in out if x[0] not in visit] + [
            (visited, "adopted", "adoption:visited"),
            (visitor, "promoted", "adoption:guiding-visitor"),
        ]
    host = _press_host(ctx, m)
    if host is not None and not _not_adopted(ctx, m):
        out = [x for x in out if x[0] != host] + [(host, "promoted", "adoption:press-conference")]
    convener = _meeting_convener(ctx, m)
    if convener is not None and not _not_adopted(ctx, m):
        # 在北京高院组织召开的X专题座谈会上: the higher court that holds a meeting on X pushes X
        out = [x for x in out if x[0] != convener] + [(convener, "promoted", "adoption:convener")]
    # a title's campaign too (落实最高法“枫桥式人民法庭”创建示范活动的部署): only a title won
    # is nobody's deployment
    if not m.awarded and not _not_adopted(ctx, m):
        for lead in _followed_leads(ctx, m):
            doers = [u for u, r, _ in out if r != "promoted" and not u.startswith("AGG:")]
            if all(u != lead for u, _, _ in out) and (not doers or _outranks(ctx, lead, doers)):
                out.append((lead, "promoted", "adoption:followed-deployment"))
    out = [
        (u, "promoted", rule) if r == "awarded" and _confers_own_honour(ctx, m, u) else (u, r, rule)
        for u, r, rule in out
    ]
    return [
        (u, "adopted", rule) if r == "promoted" and ctx.level(u) in _LOWER_LEVELS else (u, r, rule)
        for u, r, rule in out
    ]


#: the area an honour covers, named at its head (全省第二批“示范法庭”, 全区法院…), by the level of
#: the court that confers the courts' honours over that area
_HONOUR_SCOPE = {
    "high": re.compile(r"全省|全区|全自治区"),
    "intermediate": re.compile(r"全市|全州|全盟"),
}


def _confers_own_honour(ctx: _Context, m: InitiativeMention, court: str) -> bool:
    """The court credited with winning the honour at `m` is the one that confers it: the
    Supreme People's Court selecting cases or naming model tribunals, a high court naming the
    courts' best of its province (全省第二批示范法庭, 全省法院…年), an intermediate court of its
    city. It promotes the honour; its courts win it. An honour of the area that is not the
    courts' own (全市十佳志愿服务组织, conferred by the city) is still won."""
    level = ctx.level(court)
    if level == "supreme":
        return True
    scope = _HONOUR_SCOPE.get(level or "")
    if scope is None:
        return False
    s, _ = ctx.sentence(m.start)
    head = ctx.text[max(s, m.start - 8) : m.end]
    found = scope.search(head)
    if found is None:
        return False
    return m.title or head.startswith("法院", found.end())


#: in the initiative's own clause before it, what leaves it undone: a question (了解是否开展X,
#: 探讨能否推行X), an expectation (有望推行X), a preparation (尚在筹备X, 正在筹建X; not
#: 筹备组/筹备会, a body or a meeting) or an act set for a time to come (拟于明年推行X,
#: 将于年内全面铺开X, 年内将推开X; not 将于都县法院…, a place after 将)
_PENDING = re.compile(
    r"(?P<question>是否|能否)|筹备(?![组会])|筹建|筹划|有望"
    r"|(?<![必即])(?:将|拟|计划|准备)要?于(?=年[内底中]|[今明本下上近]|\d|[一二三四五六七八九十]+月)"
    # 年内将全面推开X (not 明年将继续…: more of what is done)
    r"|(?:年内|年底前|今年内|明年|下半年|近期)(?:将|拟)(?!继续|进一步|持续|深入|不断|坚持)"
)


def _pending(ctx: _Context, m: InitiativeMention) -> bool:
    """The clause of `m` asks whether X is done, prepares X or sets X for later (see _PENDING),
    and nothing after that says X is done already (拟于…已…): no court does X (yet)."""
    text = ctx.text
    s, _ = ctx.sentence(m.start)
    lo = ctx.clause_start(s, m.start)
    for p in _PENDING.finditer(text, lo, m.start):
        if p.group("question") or _DONE.search(text, p.end(), m.start) is None:
            return True
    return False


#: the courts that never promote an initiative: they do it
_LOWER_LEVELS = ("basic", "tribunal")


#: a higher court's campaign (…行动, …创建活动): a court taking it up as its frame does not
#: run it itself (以市法院“三年强院行动”为抓手); a practice or platform it frames its work with
#: (以中院“法官进网格”工作为抓手, 以最高法院在线服务平台为依托) it does
_FRAME_CAMPAIGN = re.compile(r"(?:行动|活动|竞赛|运动|攻坚战?|创建|争创|评比)[”」]?$")


#: a clause opening on a whole area's campaign, no court its subject (全省开展“X行动”)
_AREA_OPENS = re.compile(
    r"(?:在)?(?:全国|全省|全市|全区|全县|全州|全盟|全旗)(?:范围内)?"
    r"(?:统一|集中|深入|广泛|全面|部署)?(?:开展|启动|组织开展|部署开展)(?:了|的)?[“「]?"
)


def _adopters(
    ctx: _Context, m: InitiativeMention, respective: str | None, frame: bool = True
) -> list[tuple[str, Relation, str]]:
    """Who adopts, pilots, promotes or wins the initiative named at `m`, how, and by which
    rule (see ADOPTION_RULES). Without `frame`, a higher court framing the clause is not
    looked for (the framed court's own part beside that court's promotion)."""
    text = ctx.text
    s, e = ctx.sentence(m.start)
    span = None if m.awarded else _title_span(text, s, m.start, m.end, e)
    if span is not None:
        return _title_adopters(ctx, m, s, span)
    if _not_adopted(ctx, m) or ctx.table_header(m.start):
        return []
    unit, path = ctx.unit_path(_past_honours(ctx, m) if m.awarded else m.start)
    if path == "home-unnamed":
        unit, path = None, "home"  # a caption, a definition before the own court is named
    if path in _PLACE_SUBJECT_PATHS and not m.awarded and unit and not unit.startswith("AGG:"):
        group = _place_subject(ctx, s, m)
        if group is not None:
            # 2023年，云南建成97个旅游巡回法庭: the place is the subject, its courts act
            unit, path = group, "place-subject"
    if _SUPERVISION.search(m.name) and not m.awarded and not m.title:
        inspecting = _inspecting_court(ctx, s, m)
        if inspecting is not None:  # 落实乙中院司法巡查反馈意见: the inspector's, or no one's
            return [(inspecting, _relation(ctx, m, inspecting), "adoption:object-owner")]
        if _RECEIVED_BEFORE.search(text, max(s, m.start - 4), m.start) or (
            _INSPECTION_OUTPUT.match(text, m.end)
        ):
            return []  # 对照司法巡查反馈问题整改: the court is inspected, the inspector unnamed
    owner = None if m.awarded or m.title else _owner_prefix(ctx, m)
    if owner is not None and owner != unit:
        return [(owner, "adopted", "adoption:owner-prefix")]  # 在乙县法院某村法官工作室
    framer = None if m.awarded or m.title or not frame else _frame_owner(ctx, s, m, unit)
    if framer is not None:
        promoted: list[tuple[str, Relation, str]] = [(framer, "promoted", "adoption:frame-owner")]
        to = text.find("为", m.end, m.end + 16)
        if _FRAME_CAMPAIGN.search(m.name) or _FRAME_CAMPAIGN.search(text, m.end, max(to, m.end)):
            # 以市法院“三年强院行动”为抓手 / 以省法院“X”创建活动为契机: the higher court's campaign
            return promoted
        # 以中院“法官进网格”工作为抓手，推行…: the framed court does X under that court's push
        own = _adopters(ctx, m, respective, frame=False)
        return promoted + [x for x in own if x[0] != framer]
    if not (m.awarded or m.title) and _FRAME_CAMPAIGN.search(m.name):
        c_start = ctx.clause_start(s, m.start)
        lead = _LEAD_IN.match(text, c_start, m.start)
        if not ctx.courts_in(c_start, m.start) and _AREA_OPENS.fullmatch(
            text, lead.end() if lead else c_start, m.start
        ):
            return []  # 全省开展“两年攻坚行动”: the province's campaign, no court's
    part = max(s, ctx.head_before(m.start, spaces=True))
    if not ctx.part_subjects(part, m.start) and _unnamed_tribunal_heads(ctx, part, m.start):
        return []  # 甲县法院深化X 某某法庭获评Y: the tribunal's, not the court named before
    if m.awarded or m.title:
        listed = _listed_winners(ctx, m)
        if listed:
            return [(w, "awarded", "adoption:listed") for w in listed]
    if m.title and not m.awarded:
        on_list = _on_the_list(ctx, m, e)
        if on_list is not None:
            return [(w, "awarded", "adoption:on-the-list") for w in on_list]
    if (m.awarded or m.title) and path in _WEAK_PATHS:
        return []  # an honour is credited to a winner the text names near it, never by default
    if m.awarded and path in _FALLBACK_PATHS and ctx.level(unit) in _HIGH:
        return []  # 省高院…。5个案例入选X: a high court's report names its courts' honours
    back = _LIST_BACK.match(text, _lead_end(ctx, s, m.start))
    if (
        path in _FALLBACK_PATHS
        and back is not None
        and not _REQUIRED_BEFORE.search(text, back.end(), m.start)
    ):
        listed = _list_above(ctx, s)
        if listed:
            # 命名以下法庭：⏎甲法庭⏎乙法庭⏎这些法庭积极践行X: every court of the list does X
            return [(c, _relation(ctx, m, c), "adoption:list-above") for c in listed]
    if (
        path in _FALLBACK_PATHS
        and _GROUP_SUBJECT.match(text, _lead_end(ctx, s, m.start))
        and _directive_before(text, s, m.start) is None  # 各级法院要…: the speaker's directive
    ):
        return []  # 这些法庭…践行X / 人民法庭是…: tribunals in general, not the court in context
    if (path in _FALLBACK_PATHS or path == "nearest-in-sentence") and _group_heads_clause(
        ctx, s, m
    ):
        return []  # 乙县法院…，各人民法庭推行X / 三个人民法庭设立X: the group's act, no one court's
    if path in _FALLBACK_PATHS and _group_frame(ctx, s, m):
        return []  # 本批案例展示了全省各地人民法庭在促推X等方面的经验: the group's, no one court's
    if path in _GUESSED_PATHS and m.name in _STATUTORY_PROCEDURES:
        return []  # 引导当事人先行调解: a procedure every court applies, no court's initiative
    if path in _GUESSED_PATHS and _described(ctx, s, m):
        return []  # 深化司法改革，是党中央作出的…部署，对完善X具有重大意义: a policy described
    if m.awarded:
        winners = _award_winners(ctx, m)
        paired = _paired_awards(ctx, s, m, winners)
        if paired is not None:
            return [(w, "awarded", "adoption:award-winner") for w in paired]
        if winners:
            return [(w, "awarded", "adoption:award-winner") for w in winners]
        if any(_grants(ctx, x.court, s, m.start) for x in ctx.subjects if s <= x.start < m.start):
            return []  # only the conferring court is named: the winners are elsewhere
        if unit is not None and unit in _grantors(ctx, s, m.start):
            return []  # 被最高人民法院授予…: the court after 被 confers the title
        if unit is not None and unit in _honour_names(ctx, s, m.start):
            return []  # 获评最高人民法院…优秀案例，入选Y: the court names another honour
    for court, _, close in _followed_quotes(ctx, s, m.start):
        if m.end <= close:
            # 按照最高人民法院的指示，要“大力推动X”: X is the instruction's, its court pushes it
            return [(court, "promoted", "adoption:followed-instruction")]
    cited = _cited_policy(ctx, s, m)
    if cited is not None:
        return cited
    praised = _praised(ctx, s, m)
    if praised is not None:
        return praised
    studied = _studied(ctx, s, m)
    if studied is not None:
        return studied
    inspected = _visited_hosts(ctx, s, m)
    if inspected is not None:
        return inspected
    required = _requirement(ctx, s, m)
    if required is not None:
        # 会议要求全市基层法院在年内全面推行X: the requiring court promotes X, the courts told
        # to do it have not done it yet
        return required
    if respective is not None:
        return [(respective, _relation(ctx, m, respective), "adoption:respectively")]
    relation = _relation(ctx, m, unit)
    if relation in ("adopted", "piloted") and _announced_plan(ctx, s, m):
        return []  # 某院表示，下一步将探索在辖区推行X / 计划明年在辖区推行X: a plan, no practice
    if (
        relation == "promoted"
        and ctx.level(unit) in _HIGH
        and (
            (path in _GUESSED_PATHS and not _pushes(ctx, s, m))
            or (
                # 省高院…，诉前调解案件N件: a figure of the province's work, no promotion
                path == "nearest-in-sentence"
                and _FIGURE.search(text, ctx.clause_start(s, m.start), _clause_end(text, m.end))
                is not None
                and not _pushes(ctx, ctx.clause_start(s, m.start), m)
            )
            or (
                # 省高院副院长某某解释称/她说，…法院加强X: what a high court's speaker says the
                # courts do is a report, not the high court's push, unless the words push it
                path in ("nearest-in-sentence", "person-subject") and _reported_speech(ctx, s, m)
            )
            or (
                # the SPC named earlier in the sentence (often for one of its circuit
                # tribunals or as national context) promotes only what its own clauses deploy
                path == "nearest-in-sentence"
                and ctx.level(unit) == "supreme"
                and not _pushes(ctx, _subject_start(ctx, s, m), m)
            )
        )
    ):
        # a high court's (or the SPC's) report listing the province's work (深入推进X，建立Y):
        # with no verb that deploys or pushes X, the court in context does not promote X
        return []
    c_start = ctx.clause_start(s, m.start)
    subject = ctx.subject_in(s, m.start)
    out: list[tuple[str, Relation, str]] = []
    # 在兴庆区法院、金凤区法院推行X / 在宁波中院试点X: the courts after 在 are where X runs
    located = _located(ctx, c_start, m.start)
    located_rule = "adoption:located"
    if relation == "piloted" and not located:
        sub = subject.court if subject is not None else None
        # 甲市中院确定乙县法院、丙区法院为试点法院: the courts designated pilot it
        chosen: list[CourtMention] = []
        for c in ctx.courts_in(s, e):
            joined = bool(chosen) and text[chosen[-1].end : c.start] in _COORDINATORS
            if joined or _DESIGNATE_VERB.search(text, max(s, c.start - 4), c.start):
                chosen.append(c)
        if chosen:
            pilots = list(dict.fromkeys(c.court for c in chosen))
            head = ctx.subject_in(s, chosen[0].start - 1)
            out = [(c, "piloted", "adoption:pilot-named") for c in pilots]
            if head is not None and head.court not in pilots and _outranks(ctx, head.court, pilots):
                out.append((head.court, "promoted", "adoption:promoter"))
            return out
        # 贯彻最高人民法院…会议部署，推动…试点: a court whose lead is followed pilots nothing
        named = [
            c
            for c in ctx.courts_in(s, e)
            if c.court != sub
            and not _FOLLOWED.search(text, ctx.clause_start(s, c.start), c.start)
            # 启动X试点，听取A、B法院的发言: a court named only in a later clause is
            # what the sentence goes on to, not where X is tried
            and not (c.start > m.end and ctx.clause_start(s, c.start) > m.end)
        ]
        # 乙县法院被省法院确定为试点法院: the subject pilots, the court after 被 designates
        by = [c.court for c in named if c.start > 0 and text[c.start - 1] in "被由经"]
        if by and sub is not None:
            out = [(sub, "piloted", "adoption:pilot-designated")]
            return out + [
                (d, "promoted", "adoption:promoter")
                for d in dict.fromkeys(by)
                if _outranks(ctx, d, [sub])
            ]
        located = [c.court for c in named]
        located_rule = "adoption:pilot-named"
    # 甲中院指导乙县法院推行X: the court after the guiding verb does X, the guide pushes it
    if not located:
        pivot = _pivot(ctx, c_start, m.start)
        if pivot is not None and (subject is None or subject.court != pivot):
            inner_p: Relation = "piloted" if relation == "piloted" else "adopted"
            out = [(pivot, inner_p, "adoption:pivot")]
            if subject is not None and _outranks(ctx, subject.court, [pivot]):
                out.append((subject.court, "promoted", "adoption:promoter"))
            return out
    if located:
        inner: Relation = "piloted" if relation == "piloted" else "adopted"
        out = [(c, inner, located_rule) for c in dict.fromkeys(located)]
        if subject is not None and _outranks(ctx, subject.court, located):
            out.append((subject.court, "promoted", "adoption:promoter"))
        return out
    if (
        unit
        and path in ("subject", "tribunal-anaphor")
        and subject is not None
        and _PLANNED.search(text, subject.end, m.start) is not None
        and _DONE.search(text, subject.end, m.start) is None
    ):
        return []  # 乙法院将推广X / 拟试行X: a plan, not (yet) a practice of the court
    units: list[tuple[str, str]] = [(unit, "adoption:" + path)] if unit else []
    if unit and path == "subject" and subject is not None:
        # 甲、乙、丙等法院推行X / 甲法院和乙法院推行X: every court of the list does it
        units += [(c, "adoption:subject-list") for c in _listed_before(ctx, s, subject)]
    sec = ctx.section(m.start)
    if unit and unit.startswith("AGG:") and sec is not None and sec[1] != unit:
        units.append((sec[1], "adoption:section-reporter"))  # 沈阳法院 in the 沈阳中院 section
    if relation == "promoted":
        directive = _directive_before(text, s, m.start)
        if unit and unit.startswith("AGG:"):
            # 全市法院要…: a directive to a group of courts comes from the court that leads it
            leader = _leading_court(unit, ctx.courts)
            if leader and all(u != leader for u, _ in units):
                units.append((leader, "adoption:group-leader"))
        elif (
            directive is not None
            and _GENERIC_GROUP.match(directive.group("group") or "各")
            and ctx.home
            and (unit is None or _outranks(ctx, ctx.home, [unit]))
        ):
            units = [(ctx.home, "adoption:directive-home")]  # 各级人民法院要…: the own court's
    # 在省法院指导下，乙县法院推行X: the guiding court promotes X
    for g in _guides(ctx, s, m.start):
        if all(u != g for u, _ in units) and (not units or _outranks(ctx, g, [units[0][0]])):
            out.append((g, "promoted", "adoption:promoter"))
    # 乙县法院的X，由省法院在全省推广 / …，甲院要求在全市推广: that court promotes X
    spreader = _spreader_after(ctx, m, e)
    if (
        spreader is not None
        and all(u != spreader for u, _ in units)
        and (not units or _outranks(ctx, spreader, [units[0][0]]))
    ):
        out.append((spreader, "promoted", "adoption:spreader-after"))
    # X平台由最高人民法院牵头，与公安部…共同搭建: the leading court promotes X
    leader = _leader_after(ctx, m, e)
    if (
        leader is not None
        and all(u != leader for u, _ in units)
        and all(u != leader for u, _, _ in out)
        and (not units or _outranks(ctx, leader, [units[0][0]]))
    ):
        out.append((leader, "promoted", "adoption:leader-after"))
    # 落实甲中院X工作部署: the court whose deployment is followed promotes X
    deployer = _deployer(ctx, c_start, m)
    if (
        deployer is not None
        and all(u != deployer for u, _ in units)
        and (not units or _outranks(ctx, deployer, [units[0][0]]))
    ):
        out.append((deployer, "promoted", "adoption:deployer"))
    # 推广X法院的做法: X practises what is promoted
    practiser = _practiser(ctx, c_start, m.start)
    if practiser is not None and all(u != practiser for u, _ in units):
        out.append((practiser, "adopted", "adoption:practiser"))
    if practiser is not None and _SPREAD_VERB.search(text, c_start, m.start):
        # 省法院召开现场会，推广乙县法院X经验: the court spreading it promotes X
        spreaders = [
            x.court
            for x in ctx.subjects
            if s <= x.start < m.start and not x.proxy and x.court != practiser
        ]
        if spreaders and _outranks(ctx, spreaders[-1], [practiser]):
            if all(u != spreaders[-1] for u, _, _ in out):
                out.append((spreaders[-1], "promoted", "adoption:promoter"))
            units = [(u, r) for u, r in units if u != spreaders[-1]]
    return [(u, relation, r) for u, r in units] + out


#: a requirement addressed to a group of courts, right before the initiative's verb, with no
#: clause boundary in between: 要求各基层法院于年底前全面推行X / 部署全市法院开展X (the verb
#: 要求, not the noun: 按照上级法院要求 / 工作要求)
_REQUIREMENT = re.compile(
    r"(?:(?<!工作)(?<!落实)(?<!贯彻)(?<!按照)(?<!根据)(?<!有关)(?<!相关)(?<!的)(?<!上级)要求"
    r"|部署|督促|号召|责成|动员)"
    r"(?P<group>(?:全国|全省|全市|全州|全盟|全区|辖区|两级|各级|各)"
    r"[^，,。；;！!？?\n]{0,8}?(?:人民)?法院)"
    r"[^，,。；;！!？?\n]{0,24}?"
    r"(?:推行|开展|实施|推广|推开|铺开|建立|落实|推进|试行|试点|运用|应用|设立|打造)[了好]?[“\"]?$"
)

_REQUIRE_VERB = re.compile(r"要求|部署|督促|号召|责成|动员")


def _requirement(
    ctx: _Context, s: int, m: InitiativeMention
) -> list[tuple[str, Relation, str]] | None:
    """The initiative at `m` is what a court requires of the courts under it (要求/部署/督促
    + 各/全市/全省…法院 + 推行/开展… + X, in one clause): that court, the one before the verb
    or the clause's subject or else the article's own court if it is an intermediate or a
    higher court, promotes X; the courts required have not adopted it (yet). None when X is
    not so required."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    found = None
    for v in _REQUIRE_VERB.finditer(text, max(c_start, m.start - 60), m.start):
        found = _REQUIREMENT.match(text, v.start(), m.start)  # `$`: right before X
        if found is not None:
            break
    if found is None:
        return None
    near = [c for c in ctx.courts_in(c_start, found.start()) if not c.court.startswith("AGG:")]
    sub = ctx.subject_in(s, found.start())
    candidates = [near[-1].court] if near else []
    candidates += [sub.court] if sub is not None and not sub.court.startswith("AGG:") else []
    candidates += [ctx.home] if ctx.home else []
    for c in candidates:
        if _RANK.get(ctx.level(c) or "", 0) >= 3:
            return [(c, "promoted", "adoption:requirer")]
    return []


#: the court (or the courts) named by words of their own, not by a court's name: 全院要推行X,
#: 全体干警, 院党组
_OWN_COURT_WORD = re.compile(r"全院|我院|本院|该院|院党组|全体干警|(?:全[市省区县]|两级|各级)法院")


def _described(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """The sentence describes something (an earlier clause says what it is: X，是党中央作出的
    重大部署，…) and names no court, nor any group of courts, before `m`: what it names is the
    description's, no court's practice. (Not …的是，: a turn of phrase, 更重要的是，…; nor where the
    court is named by a word of its own before `m`: X是…抓手，全院要推行Y)"""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    copula = COPULA.search(text, s, c_start)
    if copula is None or text[copula.end() : copula.end() + 1] in "，,：:":
        return False
    if _OWN_COURT_WORD.search(text, copula.end(), m.start):
        return False
    if _DIRECTIVE.match(text[c_start : m.start].lstrip()):
        return False  # X是…抓手，要推行Y: a requirement of the meeting's court, no description
    i = bisect.bisect_left(ctx.mention_starts, s)
    return not (i < len(ctx.mentions) and ctx.mentions[i].start < m.start)


#: procedures of the procedure laws that every court applies (民事诉讼法 先行调解 and 小额诉讼
#:程序, 刑事诉讼法 速裁程序): a court's initiative only where the sentence names the court
#: doing them, never by a guess from the paragraph or the article
_STATUTORY_PROCEDURES = frozenset(("先行调解", "小额诉讼程序", "速裁程序"))
#: the paths that guess the court from outside the sentence (a section header aside)
_GUESSED_PATHS = frozenset(
    (
        "paragraph",
        "paragraph-topic",
        "heading-next-topic",
        "paragraph-topic-far",
        "home",
        "home-early",
    )
)
#: what a higher court does when it promotes: deploys, requires, proposes, spreads across its
#: area (在全省推行, 全区法院推广)
_PUSH = re.compile(
    _DEPLOY.pattern
    + r"|提出|号召|倡导|强调|指出|推动全|在全(?:国|省|区|市)|全(?:国|省|区)(?:各级)?法院"
    # 与省司法厅签署/会签/联合下发…意见: a high court that issues a document deploys it
    + r"|签署|会签|下发|联合(?:制定|发布)"
)


#: a count or a rate: the clause reports a figure
_FIGURE = re.compile(r"\d[\d.]*\s*(?:万|亿)?(?:件|起|次|笔|人次|%)")


#: the paths a place named as the subject of a later clause overrides: every guess, and the
#: nearest court of the sentence
_PLACE_SUBJECT_PATHS = _GUESSED_PATHS | {"nearest-in-sentence"}
#: after a place: another body of the place, or a word of a name (广州市委, 云南日报)
_PLACE_BODY_AFTER = re.compile(
    r"[省市州区县]?(?:委|政府|人大|政协|党委|公安|检察|司法局|纪委|妇联|团委|日报|晚报|电视|广播"
    r"|新闻|时间|籍|人[，,。]|大学|中院|高院|法院|人民|中级|高级|两级|三级|全省|全市)"
)


#: a court's name going on after a place (某市某区某镇人民法庭)
_COURT_WORD_AHEAD = re.compile(r"法院|法庭")
#: what may follow a place that heads a clause: a word or a quoted phrase
CJK_OR_QUOTE = re.compile(r"[\u4e00-\u9fff“\"「]")


@functools.cache
def _upper_place_names() -> frozenset[str]:
    """The names of provinces and cities: full, short and aliases."""
    gaz = load_gazetteer()
    upper = [d for d in gaz.current() if d.level in ("province", "prefecture")]
    codes = {d.adcode for d in upper}
    names = [d.name for d in upper] + [d.short for d in upper if d.short]
    names += [a for a, cs in gaz.aliases.items() if codes.intersection(cs)]
    return frozenset(n for n in names if n)


def _upper_place(piece: str) -> bool:
    """Whether `piece` (云南省, 大理州, 大理白族自治州) names a province or a city, not words
    that end in 省 or 市 (通报批评云南省: the words before the place make it no place)."""
    names = _upper_place_names()
    return piece in names or any(
        piece.endswith(s) and piece[: -len(s)] in names for s in _UPPER_SUFFIXES
    )


@functools.cache
def _place_initials() -> frozenset[str]:
    """The first characters of the names of provinces and cities (full, short, aliases)."""
    return frozenset(n[0] for n in _upper_place_names())


#: before a court in a clause: a verb setting it up, maybe over earlier items of a list
#: (设立甲法庭、乙法庭和丙法庭)
_SET_UP = re.compile(r"设立|成立|组建|建成")
_SET_UP_BEFORE = re.compile(r"(?:设立|成立|组建|建成)了?(?:[^，,。；;！!？?\n]*?(?:、|和|及))?$")


def _place_subject(ctx: _Context, s: int, m: InitiativeMention) -> str | None:
    """The courts of a province or a city named as the subject of a clause of the sentence of
    `m`, before `m` and after any court named in the sentence (2023年，广州“万人成讼率”…；
    …引入诉前调解 / …指出，2023年，云南不断延伸司法职能，…建成X): the AGG label of its
    courts."""
    text = ctx.text
    while s > 0 and text[s - 1] in "；;":  # clauses after a semicolon share the subject
        s = ctx.sentence(s - 1)[0]
    # a court the clause sets up (云南已设立甲法庭、乙法庭) is its object, not a subject
    courts = [
        c
        for c in ctx.courts_in(s, m.start)
        if not _SET_UP_BEFORE.search(text, max(s, c.start - 40), c.start)
    ]
    lo = courts[-1].end if courts else s
    i = bisect.bisect_left(ctx.breaks, lo)
    # (the breaks are in text order: those before m.start - 1, by bisection)
    heads = [lo] + [b + 1 for b in ctx.breaks[i : bisect.bisect_left(ctx.breaks, m.start - 1, i)]]
    gaz = load_gazetteer()
    for head in reversed(heads):
        h = _LEAD_IN.match(text, head, m.start)
        a = h.end() if h else head
        j = bisect.bisect_left(ctx.mention_starts, a)
        if j < len(ctx.mention_starts) and ctx.mention_starts[j] == a:
            return None  # a court (or a group of courts) heads the clause
        if text[a : a + 1] not in _place_initials():
            continue  # no province or city name starts here (most clauses)
        # the longest place name at the head (宁夏回族自治区 before 宁夏), its word ending there
        n, places = next(
            (
                (n, hits)
                for n in range(8, 1, -1)
                if (
                    hits := [
                        d
                        for d in gaz.lookup(text[a : a + n], current_only=True)
                        if d.level in ("province", "prefecture")
                    ]
                )
            ),
            (0, []),
        )
        if len(places) != 1 or _PLACE_BODY_AFTER.match(text, a + n):
            continue
        if not CJK_OR_QUOTE.match(text, a + n):
            continue
        ahead = _COURT_WORD_AHEAD.search(text, a + n, min(m.start, a + n + 12))
        if ahead and not _SET_UP.search(text, a + n, ahead.start()):
            return None  # 铜川市印台区陈炉镇人民法庭: the place opens a court's name
        if any(gaz.lookup(text[a + n : a + n + k]) for k in range(2, 6)):
            continue  # 杭州市余杭区…: a place under it is the subject, not the city
        from ingest.courts.resolver import agg_label

        return agg_label(gaz, places[0].adcode, "")
    return None


def _subject_start(ctx: _Context, s: int, m: InitiativeMention) -> int:
    """Where the last subject before `m` in the sentence at `s` starts (`s` if none)."""
    sub = ctx.subject_in(s, m.start)
    return sub.start if sub is not None else s


def _pushes(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """A deploying or pushing verb (or a directive) in the sentence up to the end of the
    initiative's own clause: what a court in context promotes rather than reports."""
    text = ctx.text
    hi = _clause_end(text, m.end, ctx.sentence(m.start)[1])
    if _PUSH.search(text, s, hi) or _directive_before(text, s, m.start) is not None:
        return True
    l_start, _ = ctx.line(m.start)
    return bool(_DIRECTIVE.match(text[s:hi].lstrip())) or _under_directive_heading(ctx, l_start)


#: the paths that guess the court from outside the sentence
_FALLBACK_PATHS = frozenset(
    (
        "section",
        "paragraph",
        "paragraph-topic",
        "heading-next-topic",
        "paragraph-topic-far",
        "home",
        "home-early",
    )
)
#: a group pointing back at the courts just listed (这些法庭, 上述法院, 以上法庭)
_LIST_BACK = re.compile(r"(?:这些|上述|以上|这批|该批)(?:人民)?(?:法庭|法院)")
#: a requirement or a plan before the listed courts' verb (这些法庭要学习推行X): not done yet
_REQUIRED_BEFORE = re.compile(r"(?<![主重])要|(?<![适响对供反])应|须|(?<![即])将|需|务必")


def _list_above(ctx: _Context, pos: int) -> list[str]:
    """The courts of the list of names that ends on the line right before the line at
    `pos` (see _Context.list_lines), in text order; none when no such list ends there."""
    text = ctx.text
    i = bisect.bisect_right(ctx.line_starts, pos) - 1
    out: list[str] = []
    j = i - 1
    while j >= 0:
        a, b = ctx.lines[j]
        if not text[a:b].strip():
            j -= 1
            continue
        if a not in ctx.list_lines:
            break
        courts = ctx.courts_in(a, b)
        if sum(c.end - c.start for c in courts) >= len(text[a:b].strip()) - 1:
            out[:0] = [c.court for c in courts][-1:]  # a damaged item names no one for sure
        j -= 1
    return list(dict.fromkeys(out))


#: a sentence about courts or tribunals in general (这些“小法庭”, 各地法院, 人民法庭作为…)
_GROUP_SUBJECT = re.compile(
    r"(?:有?(?:这些|那些|各地|各级|广大|众多|一个个|一些|不少|许多|多个|多家|部分|若干|一批)"
    r"[^，,。；;！!？?\n]{0,10}?"
    r"(?:人民法庭|法庭|法院)|人民法庭(?!庭长|干警))"
)


#: a group of courts heading a clause (各人民法庭, 各县区法院, 三个人民法庭, 两家法院): what the
#: clause does is the group's, whichever court the paragraph is about
_GROUP_HEAD = re.compile(
    # 各 + places or kinds of court (各县区法院, 各基层人民法庭), not 各项/各类 + a clause that
    # names a court later (各项举措由法院…)
    r"(?:各(?![级项类种方部界族个])[^，,。；;！!？?：:\n由与和在对向为把被将]{0,8}?"
    r"|(?:全[省市区县州盟旗])?[一二三四五六七八九十两\d]+(?:个|家|所))"
    r"(?:人民法庭|法庭|法院)"
)
#: where a clause may start: after a clause break or an ellipsis (…1543件……各人民法庭…)
_HEAD_MARK = re.compile("[" + "，,；;。！!？?：:\n" + "]|…+")


def _group_heads_clause(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """A clause between the last court named in the sentence at `s` (or the sentence's
    start) and `m` is headed by a group of courts (_GROUP_SUBJECT, _GROUP_HEAD) and no
    directive speaks to it (各级法院要…): `m` is what that group does."""
    text = ctx.text
    lo = _subject_end(ctx, s, m)
    heads = [lo] + [h.end() for h in _HEAD_MARK.finditer(text, lo, m.start)]
    for h in heads:
        for at in (h, _lead_end(ctx, h, m.start)):
            if (_GROUP_HEAD.match(text, at) or _GROUP_SUBJECT.match(text, at)) and (
                _directive_before(text, h, m.start) is None
            ):
                return True
    return False


#: a group of courts framing what it does (全省各地人民法庭在促推X方面, 各地法院在破解Y中,
#: 辖区两级法院在X上): the scope of a province, city or district, or 各地/各级, then 在
_GROUP_FRAME = re.compile(
    r"(?:全[省市区州县盟]|我[省市区州县]|各地|各级|两级|三级|辖区)"
    r"[^，,。；;！!？?：:\n、和与及]{0,6}?(?:人民法庭|法庭|法院)(?:都|均|也|还)?在"
)


def _group_frame(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """In `m`'s clause, a group of courts followed by 在 (…在X方面/中/上) frames `m`, no
    single court is named between the group and `m`, and no directive speaks to the group
    (全省法院要在X上…, whose push is the speaker's): `m` is what the group does."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    for g in _GROUP_FRAME.finditer(text, c_start, m.start):
        if _directive_before(text, c_start, m.start) is not None:
            return False
        if not ctx.courts_in(g.end(), m.start):
            return True
    return False


def _lead_end(ctx: _Context, s: int, pos: int) -> int:
    """Where the sentence at `s` starts after its times and connectives."""
    lead = _LEAD_IN.match(ctx.text, s, pos)
    return lead.end() if lead else s


#: the speaker announces the court's own next steps (下一步将…, 今后将继续…): its plan
_PLAN = re.compile(r"下一步|今后|将(?:继续|进一步|深入|持续|全面|大力|加快|着力)")


def _reported_speech(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """A clause between the last subject before `m` and `m` ends in a speech verb (某某解释称，
    / 她说，) and nothing after that verb up to the end of m's clause deploys or pushes:
    `m` is in what the speaker reports."""
    text = ctx.text
    lo = _subject_end(ctx, s, m)
    i = bisect.bisect_left(ctx.breaks, lo)
    while i < len(ctx.breaks) and ctx.breaks[i] < m.start:
        b = ctx.breaks[i]
        if _SPEECH_END.search(text, max(lo, b - 4), b):
            hi = _clause_end(text, m.end, ctx.sentence(m.start)[1])
            return (
                _PUSH.search(text, b, hi) is None
                and _directive_before(text, b, m.start) is None
                and _PLAN.search(text, b, m.start) is None
            )
        i += 1
    return False


def _subject_end(ctx: _Context, s: int, m: InitiativeMention) -> int:
    """Where the last subject before `m` in the sentence at `s` ends (`s` if none)."""
    sub = ctx.subject_in(s, m.start)
    return sub.end if sub is not None else s


#: the fallbacks that guess the court from the article as a whole or from far back
_WEAK_PATHS = frozenset(("paragraph-topic-far", "home", "home-early"))

#: what joins the courts of a list that is one subject
_LIST_JOIN = frozenset(("、", "和", "及", "与", "以及"))


def _listed_before(ctx: _Context, lo: int, last: _Subject) -> list[str]:
    """The courts listed with `last` (甲、乙和丙法院), before it in text[lo:], nearest first."""
    out: list[str] = []
    end = last.start
    # (the subjects are ordered by start: those from lo to last.start, by bisection)
    i, j = bisect.bisect_left(ctx.starts, lo), bisect.bisect_right(ctx.starts, last.start)
    for sub in reversed([x for x in ctx.subjects[i:j] if x.end <= last.start]):
        if sub.proxy or ctx.text[sub.end : end] not in _LIST_JOIN:
            break
        if sub.court != last.court and sub.court not in out:
            out.append(sub.court)
        end = sub.start
    return out


#: 被最高人民法院授予 / 由省法院评为: the court after 被/由 confers, it does not win
_GRANTOR = re.compile(r"[被由经获受]$")
_GRANT_VERB = re.compile(
    r"(?:授予|评为|评选为|命名为|命名|表彰为|表彰|认定为|确定为|列为|通报表扬)"
)


def _grantors(ctx: _Context, lo: int, hi: int) -> set[str]:
    """Courts in text[lo:hi] introduced by 被/由 and followed by a conferring verb."""
    text = ctx.text
    out: set[str] = set()
    for c in ctx.courts_in(lo, hi):
        if _GRANTOR.search(text, max(0, c.start - 1), c.start) and _GRANT_VERB.match(
            text, c.end, min(hi, c.end + 6)
        ):
            out.add(c.court)
    return out


#: a sentence about a facility or mechanism, not a court: 其运行模式…, 该中心实现…
_FEATURE_SUBJECT = re.compile(
    r"(?:其|该|該|这一|此)(?:中心|平台|系统|机制|模式|工作站|工作室|App|APP|小程序|软件|"
    r"运行模式|功能|做法)"
)
_OTHER_BODY_HEAD = re.compile(
    r"(?:经|由|是|系)?(?:当地|各级|[省市县区州盟旗镇乡]委?(?:[省市县区州盟旗镇乡]?政府)?)?"
    + OTHER_BODY.pattern
)
#: officials who are not court staff, heading a sentence: 市委书记…, 县长…, 省委常委…
_OFFICIAL_HEAD = re.compile(
    r"(?:[\u4e00-\u9fff]{0,6}?(?:[省市县区州镇乡]委|党委|政府|人大常委会|政协|政法委))"
    r"(?:副?书记|常委|副?主任|委员|副?主席)|(?:[\u4e00-\u9fff]{0,6}?)副?[省市县区州镇乡]长"
)
_COURT_WORD = re.compile(r"法院|法庭|我院|该院|本院")
#: after a court: a report it published, cited (发布的白皮书显示, 发布的数据表明)
_REPORT_AFTER = re.compile(
    r"(?:[^，,。；;！!？?\n]{0,6}?发布的[^，,。；;！!？?\n]{0,10}?(?:白皮书|报告|数据|通报)"
    r"|[^，,。；;！!？?\n]{0,12}?白皮书"
    # 来自最高法的数据显示 / 乙县法院的统计显示: the source of the figures, not their subject
    r"|(?:的)?(?:最新)?(?:数据|统计|统计数据|消息))[^，,。；;！!？?\n]{0,4}?(?:显示|表明|指出|披露)"
)
_SPEECH_END = re.compile(r"(?:表示|介绍|介绍说|说|指出|称|坦言|感慨)$")
#: 总书记强调 / 总书记指出: what follows is a national leader's call
_LEADER_SPEECH = re.compile(
    r"总书记[^，,。；;！!？?\n]{0,6}?(?:强调|指出|要求|提出|号召|指示)"
    # a national party congress's or plenum's document calls on all to do it (党的二十大报告…
    # 强调要…); what it only names (提出“推进X”) may still be a court's to push
    r"|(?:党的[一二三四五六七八九十]{1,3}大|[一二三四五六七八九十]{1,3}届[一二三四五六七八九]中全会)"
    r"(?:报告|决定|精神)?[^。；;！!？?\n]{0,30}?(?:(?:强调|指出|提出|号召)[，,：:]?要|要求)"
)


def _quoted_call_goes_on(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """The sentence of `m` opens with 要 and no court before `m`, right after a sentence of
    the same paragraph that quotes a national leader's call (总书记指出，…。要坚持X)."""
    text = ctx.text
    if not text.startswith("要", s) or ctx.courts_in(s, m.start) or s == 0:
        return False
    ps, _ = ctx.sentence(s - 1)
    l_start, _ = ctx.line(s)
    if ps < l_start:
        return False
    return _LEADER_SPEECH.search(text, ps, s) is not None and not ctx.courts_in(ps, s)


#: 司法局的人民调解: a practice another body owns
_OWNER = re.compile(OTHER_BODY.pattern + "$")


#: a clause about a number of unnamed units: 26家法庭…, 辖区5个人民法庭…, 其中3个基层法院…
_COUNTED_UNITS = re.compile(
    r"(?:辖区|全市|全省|其中|共有|已有|另有)?(?:\d+|[一二两三四五六七八九十]+)[家个所](?:人民)?"
    r"(?:派出法庭|人民法庭|法庭|基层法院|法院)"
)
_UNITS_OWN = re.compile(_COUNTED_UNITS.pattern + r"(?:均|都|全部)?的[^，,。；;：:\n]{0,6}$")


def _title_span(text: str, lo: int, start: int, end: int, hi: int) -> tuple[int, int] | None:
    """The 《…》 title text[start:end] sits in (positions of 《 and 》), if any."""
    open_ = text.rfind("《", lo, start + 1)
    if open_ < 0 or text.find("》", open_, start) >= 0:
        return None
    close = text.find("》", end - 1, hi)
    if close < 0:
        return None
    return open_, close


#: 印发《…》 / 出台的《…》 / 制定了《…》, possibly after other titles (《A》《B》)
_ISSUE_VERB = re.compile(
    r"(?:印发|出台|制定|发布|下发|修订|起草|联合印发|联合出台|联合发布)(?:了|的)?"
    r"(?:《[^《》]{1,80}》[、和及与]?)*$"
)


#: before another body's name: the court acts with it (与区总工会联合出台, 会同市司法局印发)
_JOINT_BEFORE = re.compile(r"(?:与|会同|协同|同)[^，,。；;：:、]{0,10}$")


#: a word or two between the court and its 与 (甲法院还与…, 甲法院主动与…)
_JOINT_ADVERB = re.compile(r"(?:还|又|也|并|先后|积极|主动|首次|共同)*")


def _joint_with(ctx: _Context, s: int, body: int) -> bool:
    """A 与/会同 phrase right before the body at `body` joins the court to it: the court
    (or the clause's left-out subject) stands right before 与 (甲法院与区总工会联合出台,
    ，与区总工会联合出台), not another body (参与起草市司法局与市公安局联合出台的《…》)."""
    text = ctx.text
    c_start = ctx.clause_start(s, body)
    joint = _JOINT_BEFORE.search(text, c_start, body)
    if joint is None:
        return False
    at = joint.start()
    lead = _LEAD_IN.match(text, c_start, at)
    if (lead.end() if lead else c_start) == at:
        return True  # ，与区总工会联合出台: the clause's subject is left out
    courts = [c for c in ctx.courts_in(c_start, at) if not c.court.startswith("AGG:")]
    return bool(courts) and _JOINT_ADVERB.fullmatch(text, courts[-1].end, at) is not None


def _title_issuer(ctx: _Context, s: int, open_: int, close: int) -> tuple[str | None, bool]:
    """Who wrote the title at text[open_:close+1] and whether it is a policy document:
    a court named in the title (《会昌县人民法院关于…》), a court right before it
    (市高法院《…》), or the court that 印发/出台/制定 it."""
    text = ctx.text
    title = text[open_ + 1 : close]
    policy = bool(POLICY_TITLE.search(title))
    inside = ctx.courts_in(open_ + 1, min(close, open_ + 20))
    if inside and inside[0].start == open_ + 1:
        return inside[0].court, policy
    before = ctx.courts_in(s, open_)
    if before and text[before[-1].end : open_] in ("", "的"):
        return before[-1].court, policy
    verb = _ISSUE_VERB.search(text, s, open_)
    if verb is None:
        return None, policy
    body = _OWNER.search(text, max(s, verb.start() - 12), verb.start())
    joint = body is not None and _joint_with(ctx, s, body.start())
    if body is not None and not joint:
        return None, policy  # 推动市政府印发《…》: another body issues it (see _title_pusher)
    # 与区总工会联合出台《…》: a document the court issues with another body is the court's too
    c_start = ctx.clause_start(s, verb.start())
    near = [c for c in ctx.courts_in(c_start, verb.start()) if not c.court.startswith("AGG:")]
    if near:
        return near[-1].court, policy
    sub = ctx.subject_in(s, verb.start())
    if sub is None and joint:
        # 与区总工会联合出台《…》 with its subject left out: the court the text is about
        unit = ctx.unit_at(verb.start())
        return (unit if unit is not None and not unit.startswith("AGG:") else None), policy
    return (sub.court if sub is not None else None), policy


_DESIGNATE_VERB = re.compile(r"确定|选定|遴选|列为|批准|指定|确认")
#: 确定A、B为试点法院 / 将A列为试点: a higher court designates pilot courts
_DESIGNATE = re.compile(r"(?:确定|选定|遴选|列为|批准|指定)[^。；;]{0,60}?试点")


def _title_adopters(
    ctx: _Context, m: InitiativeMention, s: int, span: tuple[int, int]
) -> list[tuple[str, Relation, str]]:
    """A name inside a 《…》 title belongs to whoever wrote the document: a higher court
    promotes what its policy document names; nobody adopts what a cited title names."""
    text = ctx.text
    open_, close = span
    issuer, policy = _title_issuer(ctx, s, open_, close)
    if issuer is None and policy and not (m.title or m.goal or m.abolished):
        pusher = _title_pusher(ctx, s, open_)
        if pusher is not None:
            # 甲中院推动市委政法委下发《关于建立X的意见》: the court that pushes the body
            # to issue the policy promotes X (a basic court pushing its county does X)
            rel: Relation = "promoted" if _RANK.get(ctx.level(pusher) or "", 0) >= 3 else "adopted"
            return [(pusher, rel, "adoption:title-pusher")]
    if issuer is not None and m.title and _campaign_promoter(ctx, m, issuer, open_, close):
        return [(issuer, "promoted", "adoption:title-campaign")]
    if issuer is not None and m.title and policy:
        trial = _own_campaign_pilot(ctx, m, issuer, open_, close)
        if trial is not None:
            return trial
    if issuer is None or m.title:
        return []  # 《关于表彰全国法院先进集体…的决定》: a title conferred, not a practice
    if m.goal or m.abolished:
        return []
    if not policy:
        return [(issuer, "adopted", "adoption:title-author")]
    # 省法院印发《…试点…方案》，确定A、B为试点法院: the designated courts pilot it
    _, e = ctx.sentence(m.start)
    outside = text[s:open_] + text[close + 1 : e]
    pilots = [
        c.court
        for c in ctx.courts_in(s, e)
        if not open_ <= c.start <= close and c.court != issuer and not c.court.startswith("AGG:")
    ]
    if _DESIGNATE.search(outside) and pilots and _outranks(ctx, issuer, pilots):
        out: list[tuple[str, Relation, str]] = [(issuer, "promoted", "adoption:title-issuer")]
        return out + [(c, "piloted", "adoption:pilot-named") for c in dict.fromkeys(pilots)]
    title = text[open_ + 1 : close]
    if ctx.level(issuer) in _HIGH:
        return [(issuer, "promoted", "adoption:title-issuer")]
    if _PILOT_TITLE.search(title):
        # 《某县法院关于…改革试点工作实施方案》: the issuer's own pilot
        return [(issuer, "piloted", "adoption:title-pilot")]
    if ctx.level(issuer) == "intermediate" and _GUIDING_TITLE.search(title):
        # 某中院《关于…的指导意见》: guidance for the courts under it
        return [(issuer, "promoted", "adoption:title-guidance")]
    if ctx.level(issuer) == "intermediate" and (
        _LOWER_COURTS.search(title)
        or _REQUIRES_LOWER.search(text, close + 1, e)
        or _ISSUER_SPREADS.match(text, close + 1, e)
    ):
        # 甲中院出台《两级法院…工作规则》 / 下发《…实施方案》，要求各基层法院…: a rule for the
        # courts under it, which it promotes
        return [(issuer, "promoted", "adoption:title-lower-courts")]
    return [(issuer, "adopted", "adoption:title-issuer")]


#: right after a document's title, where it is tried first (，在辖区丙人民法庭开展试点; not
#: 拟在…/将在…: a plan)
_TRIED_IN = re.compile(
    r"[，,]?(?:并|同时)?(?:率先|先行|首先)?在(?P<where>[^，,。；;]{2,30}?)(?:开展|启动|进行)了?试点"
)


def _own_campaign_pilot(
    ctx: _Context, m: InitiativeMention, issuer: str, open_: int, close: int
) -> list[tuple[str, Relation, str]] | None:
    """A basic court's own plan to create a title in its tribunals, tried first in some of
    them (乙县法院印发《关于创建X的实施方案》，在辖区丙人民法庭开展试点): the court pilots X,
    and so do the tribunals named where it is tried. None where the text says otherwise
    (no 开展试点 right after the title, a higher court's campaign, a title conferred)."""
    text = ctx.text
    title = text[open_ + 1 : close]
    if m.awarded or _RANK.get(ctx.level(issuer) or "", 0) >= 3:
        return None
    if not _CAMPAIGN_TITLE.search(title) or _CONFERS_TITLE.search(title):
        return None
    tried = _TRIED_IN.match(text, close + 1)
    if tried is None:
        return None
    out: list[tuple[str, Relation, str]] = [(issuer, "piloted", "adoption:title-pilot")]
    where = ctx.courts_in(tried.start("where"), tried.end("where"))
    for c in where:
        if c.court != issuer and not c.court.startswith("AGG:"):
            out.append((c.court, "piloted", "adoption:pilot-named"))
    return out


#: a document that runs a campaign for a title (…创建示范活动方案, …创建指引, …创建实施意见)
_CAMPAIGN_TITLE = re.compile(
    r"(?:创建|评选|争创)[^《》]{0,10}(?:方案|指引|意见|办法|细则|规划|标准)$"
)
#: a document that confers or announces the title (关于命名/表彰…的决定, …名单)
_CONFERS_TITLE = re.compile(r"命名|表彰|授予|评定|认定|名单|通报|决定")


def _campaign_promoter(
    ctx: _Context, m: InitiativeMention, issuer: str, open_: int, close: int
) -> bool:
    """A higher court's document that runs the campaign for a title (最高人民法院《“枫桥式人民
    法庭”创建示范活动方案》): the issuer promotes the title's campaign; a document that
    confers the title (《关于命名…的决定》) promotes nothing."""
    title = ctx.text[open_ + 1 : close]
    if m.awarded or _RANK.get(ctx.level(issuer) or "", 0) < 3:
        return False
    return bool(_CAMPAIGN_TITLE.search(title)) and not _CONFERS_TITLE.search(title)


#: a policy document for a pilot (…试点工作方案, …试点实施方案)
_PILOT_TITLE = re.compile(r"试点[^《》]{0,6}(?:方案|办法|意见|细则|规定)$")
#: the courts under an intermediate court, named in its document's title
_LOWER_COURTS = re.compile(
    r"两级法院|全市法院|全州法院|基层(?:人民)?法院|各(?:县|区|县区|县市区)(?:人民)?法院"
)
#: …，要求(全市)N个县市区基层法院…: the document is addressed to the courts under the issuer
_REQUIRES_LOWER = re.compile(
    r"要求[^。；;！!？?\n]{0,12}?(?:基层(?:人民)?法院|各(?:县|区|县区|县市区)?(?:人民)?法院|两级法院|全市法院)"
)
#: right after the title: …》，在全市法院推广乙县法院的做法 — the document spreads it across
#: the issuer's area
_ISSUER_SPREADS = re.compile(
    r"[，,]?(?:并|同时)?在(?:全市|全州|全盟|全省|辖区)[^，,。；;！!？?\n]{0,6}?(?:复制)?推广"
)
#: a policy document that guides other courts (指导意见, 指导性意见)
_GUIDING_TITLE = re.compile(r"指导(?:性)?意见$")


def _title_pusher(ctx: _Context, s: int, open_: int) -> str | None:
    """The court that has another body issue the title opening at `open_` (甲中院推动市委
    下发《…》): the clause's subject court, with a pushing verb right before that body."""
    text = ctx.text
    verb = _ISSUE_VERB.search(text, s, open_)
    if verb is None:
        return None
    body = _OWNER.search(text, max(s, verb.start() - 12), verb.start())
    if body is None:
        return None
    c_start = ctx.clause_start(s, verb.start())
    lead = text[c_start : body.start()]
    # the pushing verb stands right before the body's name (推动巴州党委政法委下发)
    m = re.search(r"(?:推动|促成|提请|协调)[\u4e00-\u9fff]{0,6}$", lead)
    if m is None or ctx.courts_in(c_start + m.start(), verb.start()):
        return None
    sub = ctx.subject_in(s, c_start + m.start())
    if sub is None or sub.court.startswith("AGG:"):
        return None
    return sub.court


def _cited_elsewhere(ctx: _Context, m: InitiativeMention) -> bool:
    """The name stands in a 《…》 title no court issued (省委出台《…》) or in a national
    leader's call (总书记强调，要坚持X)."""
    text = ctx.text
    s, e = ctx.sentence(m.start)
    span = _title_span(text, s, m.start, m.end, e)
    if span is not None:
        return _title_issuer(ctx, s, span[0], span[1])[0] is None
    speeches = list(_LEADER_SPEECH.finditer(text, s, m.start))
    return bool(speeches) and not ctx.courts_in(speeches[-1].end(), m.start)


#: after a term: a title a city strives for (X示范市, X试点城市)
_PLACE_TITLE = re.compile(r"[”」]?(?:示范市|示范城市|试点城市|标杆城市)")
#: a court's specialised division (环境资源法庭, 知识产权审判庭): named as an institution
_DIVISION = re.compile(
    r"(?:环境资源|环资|知识产权|金融|家事|少年|破产|劳动争议)(?:审判)?(?:法庭|庭)[”」]?$"
)
#: 环境资源审判工作: the line of work (not 审判工作改革/机制, the reform of it)
_TRIAL_WORK = re.compile(r"工作(?!改革|机制|模式|体系|新模式|专业化)")
#: 环境资源法庭的案件: the division's own cases or judges (not 的成立/设立, its setting up)
_DIVISION_OF = re.compile(r"的(?!成立|设立|组建|挂牌|建立)")
#: 关于X， / 对于X， / 谈到X， opening a clause: X is the topic of what follows
_TOPIC_OF = re.compile(r"^(?:[^，,。；;：:\n]{0,8}?(?:关于|对于|至于|谈到|说起|提起|谈及))$")
_TOPIC_END = re.compile(r"[”」]?[，,：:]")


_NO_BREAK = r"[^，,。；;：:！!？?\n]"
#: a negated verb of setting up or carrying out (尚未建立, 仍未开展, 没有推行, 未落实): 未 only
#: before such a verb, so 未成年人, 未诉先调, 未结案件 and 未经调解 are no negations
_NEG_VERB = (
    r"(?:尚未|仍未|暂未|还未|并未|从未|未能|尚没有|还没有|仍没有|没有|未)"
    r"(?:全面|真正|有效|完全|及时|普遍|正式)?"
    r"(?:建立|开展|推行|落实|出台|实施|推进|推开|启动|设立|建成|实行|试行|运行|推广|搭建|组建"
    r"|成立|引入|覆盖|落地|到位)"
)
#: the negation just before the initiative (…尚未建立X / 未全面推行X), with no verb of its
#: own between (在未设立法庭的乡镇设立X: X is set up, the tribunal is missing)
_NEG_BEFORE = re.compile(
    _NEG_VERB
    + r"(?:(?!建立|开展|推行|落实|出台|实施|推进|设立|建成|实行|试行|推广|搭建|组建|成立|引入"
    r"|打造|创建|构建|探索|开通|配备|设置|启用|进行|采用|运用|适用|引导|通过)"
    + _NO_BREAK
    + r"){0,8}$"
)
#: a court urged to start the initiative (督促乙法院尽快建立X / 要求乙法院限期推行X)
_URGED_BEFORE = re.compile(
    r"(?:督促|敦促|责令|要求|约谈)"
    + _NO_BREAK
    + r"{1,24}?(?:尽快|抓紧|限期|务必|必须|须)"
    + r"(?:建立|开展|推行|落实|出台|实施|启动|设立|补齐)"
    + _NO_BREAK
    + r"{0,8}$"
)
#: a court's work on the initiative named as lagging, failing or missing after it (X工作相对
#: 滞后, X进展缓慢, X存在…问题, X仍是短板, X工作尚未开展, 因X推进不力被约谈, X…限期整改)
_DEFICIENT_AFTER = re.compile(
    _NO_BREAK
    + r"{0,16}?(?:"
    + _NEG_VERB
    + r"|滞后|进展缓慢|推进缓慢|进度缓慢|进展较慢|推进较慢|(?:推进|落实|工作)不力|不到位"
    r"|差距较大|差距明显|(?:仍|还)?有差距|存在差距|排名"
    + _NO_BREAK
    + r"{0,4}?(?:靠后|落后|末位|倒数)"
    r"|位次靠后"
    r"|(?:成效|效果)不(?:明显|理想|佳)|被通报(?!表扬|表彰|嘉奖|肯定)|被约谈|被督办|限期整改"
    r"|存在(?!的)" + _NO_BREAK + r"{0,12}?(?:问题|不足|差距))"
    # 短板/薄弱 only said of X itself (X工作基础薄弱, X仍是短板), not of a place X reaches
    r"|(?:工作|建设|方面)?(?:基础)?(?:仍|还|较为|相对|比较)?(?:是|为)?(?:短板|薄弱)"
)
#: between the initiative and the cue: a verb that fixes the lag (X有效破解信息滞后): the
#: lag is what X answers, not X's state
_FIXES = re.compile(
    r"解决|破解|化解|改变|扭转|避免|防止|克服|弥补|补齐|补强|改善|缓解|减少|应对|针对|消除|打破"
    r"|查找|梳理|总结|分析|研究|聚焦|着力|填补|结束|告别"
)


def _deficient(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """_lagging(ctx, s, m), worked out once per mention (`s` is always its sentence's start:
    _lagging_courts and _not_adopted both ask)."""
    found = ctx.lags.get(m)
    if found is None:
        found = ctx.lags[m] = _lagging(ctx, s, m)
    return found


def _lagging(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """The clause says the initiative is missing or lagging where it is named: 甲法院、乙法院X
    工作相对滞后 / 尚未建立X / X工作仍未开展 / 因X推进不力被约谈. The courts of that clause did
    not adopt X. A lag the clause answers (针对滞后问题，建立了X; 以X破解…滞后难题) is none."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    c_end = ctx._clause_end(m.end, len(text))
    if _FIXES.search(text, c_start, m.start):
        return False  # 针对/补齐X工作短板: the court works on X's lag
    if _NEG_BEFORE.search(text, max(c_start, m.start - 24), m.start):
        return True
    urged = _URGED_BEFORE.search(text, max(c_start, m.start - 48), m.start)
    if urged is not None and any(
        not c.court.startswith("AGG:") for c in ctx.courts_in(urged.start(), m.start)
    ):
        return True  # 督促乙法院尽快建立X: the court urged has not adopted X
    cue = _DEFICIENT_AFTER.match(text, m.end, c_end)
    return cue is not None and _FIXES.search(text, m.end, cue.end()) is None


def _lagging_courts(
    ctx: _Context, mentions: Sequence[InitiativeMention]
) -> dict[tuple[int, str], set[str]]:
    """The courts a sentence names as lacking or lagging in an initiative (see _deficient),
    by (sentence start, initiative): the courts before it in its clause, else the sentence's
    subject before it. No other mention of the initiative in that sentence credits them."""
    out: dict[tuple[int, str], set[str]] = {}
    for m in mentions:
        if m.awarded or m.title:
            continue
        s, _ = ctx.sentence(m.start)
        if not _deficient(ctx, s, m):
            continue
        courts = {
            c.court
            for c in ctx.courts_in(ctx.clause_start(s, m.start), m.start)
            if not c.court.startswith("AGG:")
        }
        if not courts:
            subject = ctx.subject_in(s, m.start)
            if subject is not None and not subject.court.startswith("AGG:"):
                courts.add(subject.court)
        if courts:
            out.setdefault((s, m.name), set()).update(courts)
    return out


#: the initiative a court's circuit hearings are (巡回审判), which the catalogue also finds in
#: 设立巡回法庭; the SPC's own 巡回法庭 are courts of the SPC, not circuit hearings
_CIRCUIT_TRIAL = "巡回审判"


def _spc_circuit(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """`m` names 巡回法庭 as 巡回审判 and the subject of its sentence up to `m` is the SPC
    (最高人民法院先后在甲市、乙市设立巡回法庭, …，又在丙市增设两个巡回法庭): the SPC founds its
    circuit courts, whatever words stand between it and them."""
    if m.name != _CIRCUIT_TRIAL or "巡回法庭" not in ctx.text[m.start : m.end]:
        return False
    sub = ctx.subject_in(s, m.start)
    return sub is not None and not sub.proxy and sub.court == _SPC


def _per_mention(
    fn: Callable[[_Context, InitiativeMention], bool],
) -> Callable[[_Context, InitiativeMention], bool]:
    """`fn(ctx, m)` worked out once per context and mention (_adopters and _attributed ask
    _not_adopted of one mention up to four times)."""

    name = fn.__name__

    @functools.wraps(fn)
    def once(ctx: _Context, m: InitiativeMention) -> bool:
        key = (name, m)
        found = ctx.mention_memo.get(key)  # (one look-up: a mention's hash reads every field)
        if found is None:
            found = ctx.mention_memo[key] = fn(ctx, m)
        return found

    return once


@_per_mention
def _not_adopted(ctx: _Context, m: InitiativeMention) -> bool:
    """The initiative is named but adopted by no court here: a word of a cited document's
    title, a goal (助推…), something abolished, a feature of another facility (其运行模式…),
    or another body's practice (党委政府…, 司法局的…)."""
    text = ctx.text
    s, _ = ctx.sentence(m.start)
    c_start = ctx.clause_start(s, m.start)
    before = text[c_start : m.start]
    if _COUNTED_UNITS.match(before) and not ctx.courts_in(c_start, m.start):
        return True  # 26家法庭实现“五化”: unnamed units under the court, not the court
    if _UNITS_OWN.search(before):
        return True  # 甲院N个派出法庭的服务站: what unnamed units own
    if m.awarded or m.title:
        return False
    if m.goal or m.abolished:
        return True  # 助力甲 / 取消甲 / 尚未建立甲: a goal, or something given up or missing
    if _spc_circuit(ctx, s, m):
        return True  # 最高人民法院在深圳设立巡回法庭: the SPC's circuit courts, no 巡回审判
    if _deficient(ctx, s, m):
        return True  # 甲法院X工作相对滞后 / 仍未推行X: missing or lagging, not adopted
    if _PLACE_TITLE.match(text, m.end):
        return True  # 为甲市建设X示范市: a title the place strives for, no court's practice
    surface = text[m.start : m.end]
    if surface.endswith("审判") and _TRIAL_WORK.match(text, m.end):
        return True  # 召开环境资源审判工作会议: the line of trial work, not its reform
    if (
        _DIVISION.search(surface)
        and _DIVISION_OF.match(text, m.end)
        and not re.search(ADOPTION_VERBS, before)
    ):
        return True  # 乙县法院环境资源法庭的案件: a division named, not set up here
    if m.candidate and text[m.start : m.start + 1] in "“「" and before.endswith("实现"):
        return True  # 实现“打开电脑就有法庭”: an effect the work achieves, no practice
    if _TOPIC_OF.search(before) and _TOPIC_END.match(text, m.end):
        return True  # 关于诉源治理，某法官…: the topic a sentence opens with, not a practice
    if COPULA.search(before) and not ctx.courts_in(c_start, m.start):
        return True  # 跨域立案是…打造的起诉新模式: a description of something else
    lead = _LEAD_IN.match(text, c_start, m.start)
    if _FEATURE_SUBJECT.match(text, lead.end() if lead else c_start, m.start):
        return True  # …，该平台集成网上立案、电子送达: features of a facility
    speeches = list(_LEADER_SPEECH.finditer(text, s, m.start))
    if speeches and not ctx.courts_in(speeches[-1].end(), m.start):
        return True  # 总书记强调，要坚持X: a national leader's call, no court's practice
    if _quoted_call_goes_on(ctx, s, m):
        return True  # 总书记指出，…。要坚持X: the call goes on in the next sentence
    courts = ctx.courts_in(s, m.start)
    if not courts:
        lead = _LEAD_IN.match(text, s, m.start)
        head = lead.end() if lead else s
        if _FEATURE_SUBJECT.match(text, head, m.start):
            return True
        # 市委书记张三强调，要坚持诉源治理: an official's or another body's sentence
        if (
            _OFFICIAL_HEAD.match(text, head, m.start) or _OTHER_BODY_HEAD.match(text, head, m.start)
        ) and not _COURT_WORD.search(text, head, m.start):
            return True
    if not ctx.courts_in(c_start, m.start):
        lead = _LEAD_IN.match(text, c_start, m.start)
        head = lead.end() if lead else c_start
        if _OTHER_BODY_HEAD.match(text, head, m.start) or AGENT_BODY.search(before):
            return True
        # 司法局的人民调解 / 党委政府的…工作: a practice owned by another body
        own = text.rfind("的", c_start, m.start)
        if own > c_start and m.start - own <= 6 and _OWNER.search(text, c_start, own):
            return True
    return False


#: 关于X的重要指示精神 / 最高人民法院关于X的部署要求: an instruction or policy cited
_CITED_HEAD = re.compile(
    r"[^，,。；;！!？?\n]{0,24}?的[^，,。；;！!？?\n]{0,8}?"
    r"(?:精神|部署|要求|指示|批示|讲话|论述|决策|意见|规定)"
)


def _cited_policy(
    ctx: _Context, s: int, m: InitiativeMention
) -> list[tuple[str, Relation, str]] | None:
    """X named inside 关于X的…精神/部署 is cited, not practised: only the court that issued
    the instruction is credited (最高人民法院关于X的部署: promoted; a lower court's own rules:
    adopted). None when X is not cited."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    about = text.rfind("关于", c_start, m.start)
    if about < 0 or not _CITED_HEAD.match(text, m.end):
        return None
    if _CITED_HEAD.match(text, about + 2, m.start):
        return None  # 关于…的意见 closed before X: X is outside the citation
    before = ctx.courts_in(c_start, about)
    if before and about - before[-1].end <= 1 and not before[-1].court.startswith("AGG:"):
        court = before[-1].court  # the court whose instruction or rules it is
        relation: Relation = "promoted" if ctx.level(court) in _HIGH else "adopted"
        return [(court, relation, "adoption:cited-policy")]
    return []


#: 学习借鉴乙县法院的X经验 / 赴乙县法院考察X: a practice studied elsewhere
_STUDY = re.compile(
    r"(?:学习借鉴|学习|借鉴|考察学习|考察调研|考察|观摩|参观学习|参观|取经|调研|视察|走访)"
    r"(?!贯彻|宣传|领会|研讨|教育)"
)
_PRACTICE_NOUN = re.compile(r"(?:的)?(?:工作)?(?:经验|做法|模式|先进|成果|情况)")


def _studied(ctx: _Context, s: int, m: InitiativeMention) -> list[tuple[str, Relation, str]] | None:
    """A practice being studied belongs to the court studied, not to the visitors; None when
    the clause studies nothing."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    verbs = list(_STUDY.finditer(text, c_start, m.start))
    if not verbs:
        return None
    lo = verbs[-1].end()
    courts = [
        c.court
        for c in ctx.courts_in(c_start, m.start)
        if not c.court.startswith("AGG:")
        and (c.start >= lo or (c.start > 0 and text[c.start - 1] in "赴到往至"))
    ]
    if courts:
        return [(c, "adopted", "adoption:practiser") for c in dict.fromkeys(courts)]
    if _PRACTICE_NOUN.match(text, m.end):
        return []  # 学习先进地区X经验: the practice of someone not named
    return None


#: a visitor looking into a court's work: 了解/听取/查看 … X(工作)(开展/运行)情况/汇报
_INSPECT = re.compile(_INSPECT_VERBS)
_INSPECTED_OBJECT = re.compile(
    r"[^，,。；;！!？?\n]{0,24}?(?:情况|汇报|做法|经验|成效)(?![^，,。；;！!？?\n]{0,4}(?:推广|复制))"
)
_VISIT_TO = re.compile(r"(?:到|赴|前往|走进|深入|莅临)$")
_VISIT_PARTY = re.compile(r"一行|调研组|考察组|督导组|检查组|调研期间|调研中|考察期间|考察中")
_OWN_COURT = re.compile(r"我院|本院")
#: a plan or a question between the inspecting verb and X: 筹建X, 拟开展X, 是否开展X
_VISIT_PLAN = re.compile(r"筹建|筹备|拟|计划|准备|是否")


def _visited_hosts(
    ctx: _Context, s: int, m: InitiativeMention
) -> list[tuple[str, Relation, str]] | None:
    """X inspected on a visit (王某某一行…详细了解了X工作开展情况 / 听取了X等工作汇报) is the
    work of the court visited, never of the visitor: the courts named after the verb (听取了
    乙县法院X工作汇报) adopt it, else the court the sentence's visit went to (到乙县法院…),
    else the writer's court (了解了我院X情况); with none in reach and a visitor inspecting (a
    court's person, 一行, 调研组), nobody from this mention. None when X is not the object of an
    inspecting verb, or no visitor is known."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    verbs = list(_INSPECT.finditer(text, c_start, m.start))
    if not verbs or _INSPECTED_OBJECT.match(text, m.end) is None:
        return None
    lo = verbs[-1].end()
    if _VISIT_PLAN.search(text, lo, m.start):
        return []  # 听取筹建X的汇报 / 了解是否开展X: no one's practice yet
    i = bisect.bisect_left(ctx.mention_starts, lo)
    j = bisect.bisect_left(ctx.mention_starts, m.start, i)
    if any(c.court.startswith("AGG:") and c.end <= m.start for c in ctx.mentions[i:j]):
        return []  # 听取全市法院X工作汇报: a group's work, no one court's
    named = ctx.courts_in(lo, m.start)
    # the visitors' own courts (named in the sentence before the verb, not as where the visit
    # went) are never the host, even when named again after the verb
    visitors = {
        c.court
        for c in ctx.courts_in(s, c_start)
        if not _VISIT_TO.search(text, max(s, c.start - 2), c.start)
    }
    # 听取乙县法院X工作汇报: the court after the verb; else the court the visit went to
    hosts = [c.court for c in named if c.court not in visitors] or [
        c.court
        for c in ctx.courts_in(s, c_start)
        if not c.court.startswith("AGG:") and _VISIT_TO.search(text, max(s, c.start - 2), c.start)
    ]
    if not hosts and ctx.home and _OWN_COURT.search(text, lo, m.start):
        hosts = [ctx.home]  # 详细了解了我院X等工作情况: the visited court is the writer's
    if not hosts:
        # 王某某一行…了解X情况 / 院长某某…听取X工作汇报 with the visited court out of reach: the
        # visitors' topic, no one's practice from here
        _, path = ctx.unit_path(m.start)
        visitor = path == "person-subject" or _VISIT_PARTY.search(text, s, m.start)
        return [] if visitor else None
    return [(c, _relation(ctx, m, c), "adoption:visited") for c in dict.fromkeys(hosts)]


_PRAISE_GIVER = re.compile(r"(?:得到|受到|获得|获)$")
_PRAISE = re.compile(r"(?:批示|肯定|点赞|表扬|称赞|赞扬|好评|褒奖|(?:高度|充分|一致|积极)评价)")


def _praised(ctx: _Context, s: int, m: InitiativeMention) -> list[tuple[str, Relation, str]] | None:
    """Praise is not adoption: in 省领导批示肯定乙县法院的X / 省法院对乙县法院的X给予肯定 the
    praised court adopts X and the praising one does nothing. None when there is no praise."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    c_end = _clause_end(text, m.end)
    before = text[c_start : m.start]
    lo = None
    verbs = list(_PRAISE.finditer(before))
    verb = verbs[-1] if verbs else None
    if verb is not None:
        lo = c_start + verb.end()  # 批示肯定乙县法院的X
    elif "对" in before and _PRAISE.search(text, m.end, c_end):
        lo = c_start + before.rfind("对") + 1  # 对乙县法院的X给予肯定
    if lo is None:
        return None
    courts = [c.court for c in ctx.courts_in(lo, m.start) if not c.court.startswith("AGG:")]
    if courts:
        return [(c, "adopted", "adoption:praised") for c in dict.fromkeys(courts)]
    praiser = ctx.subject_in(c_start, lo)
    if praiser is not None:
        # 省法院对X给予肯定: X is the work of the court the paragraph was about before, when
        # the praising court stands above it; the praising court does not adopt X
        earlier, path = ctx.unit_path(s)
        if (
            path == "paragraph"
            and earlier is not None
            and not earlier.startswith("AGG:")
            and earlier != praiser.court
            and _outranks(ctx, praiser.court, [earlier])
        ):
            return [(earlier, "adopted", "adoption:praised-context")]
        return []
    return None  # 代表们对X给予高度评价: X is the work of the court in context


_LEADS = re.compile(r"(?:统一)?(?:牵头|主导|统筹)")
_UNDER_ANY = re.compile(r"在[^，,。；;！!？?\n]{1,24}?(?:领导|指导|监督|支持|关心|帮助)(?:下|之下)")
_GUIDANCE_ANY = re.compile(r"(?:指导|牵头|部署|推动|支持|领导)(?:之)?下")


#: …X(改革)部署/要求 after a court and the initiative: the court's deployment
_DEPLOYMENT_AFTER = re.compile(r"(?:工作|改革|建设)?(?:的)?(?:决策)?(?:部署|要求|安排)")


#: after a court: it spreads what was just named across its area (在全省推广, 在全市推广)
_SPREADS = re.compile(
    r"[^，,。；;！!？?\n]{0,8}?在全(?:国|省|市|区|州)[^，,。；;！!？?\n]{0,6}?(?:复制)?推广"
)


def _spreader_after(ctx: _Context, m: InitiativeMention, hi: int) -> str | None:
    """The court that, later in the sentence, spreads the initiative named at `m` across its
    area (乙县法院的X，由省法院在全省推广; …，甲院要求在全市推广)."""
    for c in ctx.courts_in(m.end, hi):
        if c.court.startswith("AGG:"):
            continue
        c_start = ctx.clause_start(m.end, c.start)
        lead = _LEAD_IN.match(ctx.text, c_start, c.start)
        if c_start > m.end and c.start - (lead.end() if lead else c_start) > 2:
            continue  # 调解员某某的事迹被最高人民法院在全国推广: the clause spreads something else
        if _SPREADS.match(ctx.text, c.end):
            return c.court
    return None


def _leader_after(ctx: _Context, m: InitiativeMention, hi: int) -> str | None:
    """The court that, in X's own clause after it, leads X (X平台由最高人民法院牵头…搭建)."""
    for c in ctx.courts_in(m.end, hi):
        if c.court.startswith("AGG:") or ctx.clause_start(m.end, c.start) > m.end:
            break
        if ctx.text[c.start - 1 : c.start] == "由" and _LEADS.match(ctx.text, c.end, hi):
            return c.court
    return None


#: after the courts a clause follows (落实最高人民法院、省法院…): what of theirs is followed,
#: their deployment or requirement (部署要求, 统一部署, 提出的建设X的要求, 关于X的要求)
_LEAD_NOUN = re.compile(
    r"[^，,。；;！!？?：:\n]{0,30}?(?:统一)?(?:部署|要求|安排|工作思路|(?<!的)活动)(?:要求|精神)?"
    r"(?P<of>的)?"
)


def _followed_leads(ctx: _Context, m: InitiativeMention) -> list[str]:
    """The higher courts whose deployment or requirement the sentence follows, when the
    initiative at `m` is what was deployed: named inside the followed phrase (按照最高法提出的
    建设X的要求, 在最高人民法院X部署下) or right after it (落实省法院部署的X): 落实/按照 a
    court's lead is that court promoting X. (Not the clause after it: 贯彻…要求，深化Y is as
    often the follower's own work.)"""
    text = ctx.text
    s, e = ctx.sentence(m.start)
    out: list[str] = []
    courts = ctx.courts_in(s, m.start)
    i = 0
    while i < len(courts):
        c = courts[i]
        group = [c]
        while i + 1 < len(courts) and text[group[-1].end : courts[i + 1].start] in _COORDINATORS:
            i += 1
            group.append(courts[i])
        i += 1
        lead = _LEAD_NOUN.match(text, group[-1].end)
        if lead is None:
            continue
        k = lead.end()
        # 落实/按照 甲法院…部署, or 在甲法院…部署下
        under = text[c.start - 1 : c.start] == "在" and re.match(r"之?下", text[k : k + 2])
        if not under and not FOLLOW_BEFORE.search(text, max(s, c.start - 6), c.start):
            continue
        inside = m.end <= k
        # 部署的X: X right after 的 (部署的考核标准…X is the standard's, not X's deployment)
        after_of = lead.group("of") is not None and bool(
            re.fullmatch(r"[“\"‘]?(?:各项|相关)?", text[k : m.start])
        )
        if inside or after_of:
            out += [
                x.court
                for x in group
                if _RANK.get(ctx.level(x.court) or "", 0) >= 3 and x.court not in out
            ]
    return out


def _deployer(ctx: _Context, lo: int, m: InitiativeMention) -> str | None:
    """The court named right before X in 紧跟/落实 最高人民法院(的)“X”(改革)部署."""
    end = m.end
    while end < len(ctx.text) and ctx.text[end] in _CLOSING_QUOTES:
        end += 1
    if not _DEPLOYMENT_AFTER.match(ctx.text, end):
        return None
    courts = ctx.courts_in(lo, m.start)
    if not courts or courts[-1].court.startswith("AGG:"):
        return None
    c = courts[-1]
    if ctx.text[c.end : m.start].rstrip(_OPENING_QUOTES) not in ("", "的", "关于"):
        return None
    if not FOLLOW_BEFORE.search(ctx.text, max(0, c.start - 6), c.start):
        return None
    return c.court


_OPENING_QUOTES = '“‘「『"'
_CLOSING_QUOTES = '”’」』"'


#: a facility's name: a court written right before it owns it (乙县法院某村法官工作室)
_FACILITY_NAME = re.compile(
    r"(?:工作室|工作站|调解室|服务站|联络站|服务点|法庭|中心|驿站|窗口)[”」]?$"
)
_OWNER_GAP = re.compile(r"[\u4e00-\u9fff]{0,6}")


#: an initiative that is one court's inspection of another (司法巡查, 审务督察): the court
#: being inspected receives it, it does not adopt it
_SUPERVISION = re.compile(r"巡查|督察|督导|巡视")
#: what the inspected court does with another's inspection (落实/配合/根据/对照/接受…乙院巡查)
_INSPECTED_VERBS = "落实|配合|根据|依据|对照|按照|接受|迎接"
#: …of which only receiving it says so without what the inspection left (迎接司法巡查; but
#: 落实审务督察制度 is the court's own system)
_RECEIVED_BEFORE = re.compile(r"(?:接受|迎接|配合)了?$")
_INSPECTED_OWNER_BEFORE = re.compile(rf"(?:{_INSPECTED_VERBS})了?(?:上级法院|上级)?$")
#: what an inspection leaves the court it inspects (巡查反馈意见, 督察通报, 巡查组)
_INSPECTION_OUTPUT = re.compile(r"(?:工作)?(?:反馈|通报|意见|问题|整改|指出|发现)")
_OWNED_OUTPUT = re.compile(r"(?:工作)?(?:反馈|通报|意见|问题|整改|指出|发现|组)")


def _inspecting_court(ctx: _Context, s: int, m: InitiativeMention) -> str | None:
    """The court that owns the inspection named at `m` when the clause says another court
    receives it: 落实乙中院司法巡查反馈意见, 配合乙中院开展司法巡查, 根据省高院审务督察通报."""
    text = ctx.text
    lo = max(s, ctx.clause_start(s, m.start))
    courts = [c for c in ctx.courts_in(lo, m.start) if not c.court.startswith("AGG:")]
    if not courts or m.start - courts[-1].end > 6:
        return None
    c = courts[-1]
    received = _INSPECTED_OWNER_BEFORE.search(text, max(lo, c.start - 6), c.start) is not None
    owned = text[c.end : m.start] in ("", "的") and _OWNED_OUTPUT.match(text, m.end) is not None
    if not (received or owned):
        return None
    subject = ctx.last_between(s, c.start)
    return c.court if subject is None or subject.court != c.court else None


def _owner_prefix(ctx: _Context, m: InitiativeMention) -> str | None:
    """The court whose name stands right before a facility, with at most a place name
    between (蕉城法院某某村法官工作室), not a verb (乙县法院设立…)."""
    text = ctx.text
    around = [c for c in ctx.courts_in(max(0, m.start - 40), m.end) if c.start < m.start < c.end]
    if around and _FACILITY_NAME.search(text, m.start, m.end):
        return around[-1].court  # 乙法庭诉讼服务站: the facility's name begins in its court's
    courts = ctx.courts_in(max(0, m.start - 40), m.start)
    if not courts or courts[-1].court.startswith("AGG:"):
        return None
    c = courts[-1]
    if (
        c.end == m.start
        and text[m.start : m.start + 1] in _OPENING_QUOTES
        and ctx.level(c.court) == "tribunal"
    ):
        return c.court  # 甲法庭“一站三调”模式、乙法庭“1+N”模式: each tribunal's own brand
    if not _FACILITY_NAME.search(text, m.start, m.end):
        return None
    gap = _OWNER_GAP.fullmatch(text, c.end, m.start)
    if gap is None or _VERB_IN_GAP.search(gap.group(0)):
        return None
    return c.court


def _frame_owner(ctx: _Context, s: int, m: InitiativeMention, unit: str | None) -> str | None:
    """The higher court whose campaign frames the clause (以市法院“X”为抓手 / 以省法院X为契机,
    the court right before X): it promotes X; the court taking X up as its frame is not said
    to do X itself. None when the court named there does not outrank the one in context."""
    text = ctx.text
    c_start = ctx.clause_start(s, m.start)
    courts = ctx.courts_in(c_start, m.start)
    if not courts or courts[-1].court.startswith("AGG:"):
        return None
    c = courts[-1]
    sub = ctx.subject_in(s, c.start)
    if text[c.start - 1 : c.start] != "以":
        return None
    lead = _LEAD_IN.match(text, c_start, c.start - 1)
    if (lead.end() if lead else c_start) < c.start - 1 and not (
        sub is not None and sub.end == c.start - 1  # 丁镇法庭以乙县法院“X”为抓手
    ):
        return None
    if text[c.end : m.start].rstrip(_OPENING_QUOTES) not in ("", "的"):
        return None
    frame = _FRAME_NOUN.match(text, c.end)
    if frame is None or frame.end() <= m.end or text.find("为", m.end, frame.end()) < 0:
        return None
    other = sub.court if sub is not None else unit if unit != c.court else None
    if other is None:
        return c.court if _RANK.get(ctx.level(c.court) or "", 0) >= 3 else None
    return c.court if _outranks(ctx, c.court, [other]) else None


def _guides(ctx: _Context, lo: int, hi: int) -> list[str]:
    """Courts in text[lo:hi] named in a 在X(统筹)指导下 or 由X牵头 phrase."""
    text = ctx.text
    if not _GUIDANCE_ANY.search(text, lo, hi) and "牵头" not in text[lo:hi]:
        return []
    if len(_UNDER_ANY.findall(text, lo, hi)) >= 2:
        return []  # 在党委领导下，在上级法院指导下，在人大监督下: a standing acknowledgement
    return [
        c.court
        for c in ctx.courts_in(lo, hi)
        if not c.court.startswith("AGG:")
        and (
            _GUIDANCE.match(text, c.end, hi)
            or (text[c.start - 1 : c.start] == "由" and _LEADS.match(text, c.end, hi))
        )
    ]


_CLAUSE_BREAKS = "，,；;。！!？?：:\n"
_CLAUSE_BREAK = re.compile("[" + _CLAUSE_BREAKS + "]")
#: what ends the text before a clause's head: a clause break, a headline's dash, or the spaces
#: between a headline's two parts (甲县法院深化X 乙镇法庭获评Y): a space run between Chinese
#: characters (matched at its last space, where the next part begins)
_CLAUSE_OR_DASH = re.compile("[" + _CLAUSE_BREAKS + "—]")
# (written as one character class first, the look-behinds after it: the same matches as
# "[breaks—]|(?<=[CJK])[ \u3000]*[ \u3000](?=[CJK“「])", without trying a look-behind at
# every character)
_HEAD_BREAK = re.compile(
    "[" + _CLAUSE_BREAKS + "— \u3000](?:(?<=[" + _CLAUSE_BREAKS + "—])"
    "|(?<=[\u4e00-\u9fff][ \u3000])[ \u3000]*(?=[\u4e00-\u9fff“「]))"
)


def _clause_end(text: str, pos: int, limit: int | None = None) -> int:
    """Where the clause holding `pos` ends (at most `limit`)."""
    hi = len(text) if limit is None else min(limit, len(text))
    m = _CLAUSE_BREAK.search(text, pos, hi)
    return m.start() if m else hi


def _outranks(ctx: _Context, court: str, others: Sequence[str]) -> bool:
    rank = _RANK.get(ctx.level(court) or "", 0)
    return rank > 0 and all(rank > _RANK.get(ctx.level(o) or "", 0) for o in others)


_PIVOT_VERB = re.compile(r"(?:指导|督促|推动|帮助|支持|带动|指导帮助|帮助指导|督导)$")
_PIVOT_ANY = re.compile(r"指导|督促|推动|帮助|支持|带动|督导")
_VERB_NEAR = re.compile(r"(?:" + ADOPTION_VERBS + r")(?:了|起|好)?")


def _pivot(ctx: _Context, lo: int, hi: int) -> str | None:
    """The court in 甲中院指导乙县法院推行X: named right after a guiding verb in text[lo:hi]
    and followed by an adoption verb before X, with no other court in between."""
    text = ctx.text
    if not _PIVOT_ANY.search(text, lo, hi):
        return None
    courts = [c for c in ctx.courts_in(lo, hi) if not c.court.startswith("AGG:")]
    if not courts:
        return None
    c = courts[-1]
    if not _PIVOT_VERB.search(text, max(lo, c.start - 4), c.start):
        return None
    between = text[c.end : hi]
    if len(between) > 12 or not _VERB_NEAR.search(between):
        return None
    return c.court


#: a plan for where a practice will go (将在甲法院、乙法院推广X / 拟于明年在乙法院试行X): those
#: courts have not taken it up yet (将继续在…: they have)
_PLANNED_AT = re.compile(
    r"(?:(?<![必即])将(?:要)?|拟|(?<![按照据度作])计划|准备|即将)(?:于[^，,。；;]{1,12}?)?"
    r"(?:逐步|陆续|全面|率先)?$"
)


#: the subject's plan: 将 (not 将继续/将进一步…: more of what it does; not 将在线调解…, where 将
#: marks the object), 拟, 计划 (not 按计划/按照年度工作计划: done as planned), 准备, 即将; a place
#: 在… holds no 的 (将在审判实践中总结的经验推广: an object, not a place)
_PLANNED = re.compile(
    r"(?:(?<![必即])将(?:要)?(?!继续|进一步|持续|深入|不断|更加|全面|始终|坚持|一如既往|在线)"
    r"|拟|(?<![按照据度作])计划|准备|即将)"
    r"(?:于[^，,。；;]{1,12}?)?(?:在[^，,。；;的]{1,20}?)?"
    r"(?:逐步|陆续|率先)?(?:推广|推行|试行|试点|建立|设立|开展|实施|引入|探索|启动|上线)"
    r"(?!形成|的)"  # 将…探索形成的经验推广: an attribute of the object, not the plan's verb
)
#: …what the court has done already (已在…推行, 已经…)
_DONE = re.compile(r"已|业已|已经")

#: the verbs a plan announces (将…推行X): 将 before one of them is the future, not the object
#: marker of 将调解员派驻街道
_PLAN_VERB = (
    r"(?:推广|推行|试行|试点|建立|设立|开展|实施|引入|探索|启动|上线|构建|打造|推进|落实|组建"
    r"|成立|开通|设置|创建)"
)
#: the head of a clause that announces a plan: a time to come (下一步, 今后, 明年, 未来三年), an
#: intent (拟, 计划 but not 按计划, 准备, 力争, 争取, 打算: for its own clause only), 即将, or
#: 将 followed only by the manner, time or place of the act and its verb (将积极探索在辖区推行);
#: none that goes on with what is done already (将继续, 今后将进一步)
_PLAN_HEAD = re.compile(
    # (a time it is set for may come first: 2024年将在各法庭推广X, 今年下半年将…)
    r"(?:(?:(?:19|20)\d{2}年|今年|明年|年内)(?:[上下]半年|年?底|年?初|内|[一二三四五六七八九十\d]{1,2}月)?"
    r"[，,]?)?"
    r"[也还则亦并]?(?:下一步|接下来|今后|明年|未来[一二三两几五\d]*年?"
    r"|(?P<intent>拟(?!定|制|稿)|计划(?!内|外|生育|单列)|准备(?!工作|阶段|充分|就绪)|力争|争取"
    r"|打算)|即将"
    r"|将(?:要)?(?=(?:积极|主动|大力|逐步|陆续|率先|着力|努力|尝试|研究|探索|"
    r"于[^，,。；;]{1,12}?|在[^，,。；;的]{1,20}?)*" + _PLAN_VERB + r"(?!形成|的)))"
    r"(?![，,]?(?:将|要)?(?:继续|进一步|持续|坚持|一如既往|不断))"
)
#: a sentence's lead that is only a time to come (下一步，/今后，): the plan covers the sentence
_PLAN_LEAD = re.compile(r"(?:下一步|接下来|今后|明年|未来[一二三两几五\d]*年?)[，,]")


def _announced_plan(ctx: _Context, s: int, m: InitiativeMention) -> bool:
    """A clause of m's sentence from its subject up to `m` opens with a plan (下一步将…, 拟…,
    计划明年…, 将积极探索在…推行) and nothing after it says the thing is done (已…): what the
    court will do is no practice of it yet."""
    text = ctx.text
    sub = ctx.subject_in(s, m.start)
    lo = ctx.clause_start(s, sub.start) if sub is not None else s
    # the sentence's own lead (下一步，), the subject's predicate, each clause after the subject
    heads = [s] if _PLAN_LEAD.match(text, s) else []
    if sub is not None:
        heads.append(sub.end)
    i = bisect.bisect_left(ctx.breaks, lo)
    while i < len(ctx.breaks) and ctx.breaks[i] < m.start:
        heads.append(ctx.breaks[i] + 1)
        i += 1
    for h in heads:
        plan = _PLAN_HEAD.match(text, h, m.start) if h < m.start else None
        if plan is None or _DONE.search(text, plan.end(), m.start) is not None:
            continue
        # an intent covers its own clause (争取上级支持，推行X: the support is what it seeks)
        if not plan.group("intent") or _CLAUSE_BREAK.search(text, plan.end(), m.start) is None:
            return True
    return False


def _located(ctx: _Context, lo: int, hi: int) -> list[str]:
    """Courts in a ``在 A、B <verb>`` phrase of text[lo:hi] that ends right before `hi`'s verb
    (none where the phrase is a plan: 将在 A、B 推广)."""
    text = ctx.text
    courts = ctx.courts_in(lo, hi)
    for i, c in enumerate(courts):
        if c.start == 0 or text[c.start - 1] != "在":
            continue
        if _PLANNED_AT.search(text, max(lo, c.start - 16), c.start - 1):
            continue
        chain = [c]
        for nxt in courts[i + 1 :]:
            if text[chain[-1].end : nxt.start] not in _COORDINATORS:
                break
            chain.append(nxt)
        if _LOCATIVE_VERB.match(text, chain[-1].end, hi):
            return [x.court for x in chain]
    return []


def _practiser(ctx: _Context, lo: int, hi: int) -> str | None:
    """X in 推广X法院(的)…做法 when the initiative is named after X in the same clause."""
    found = _practiser_mention(ctx, lo, hi)
    return found.court if found is not None else None


def _practiser_mention(ctx: _Context, lo: int, hi: int) -> CourtMention | None:
    """Where _practiser's court is named."""
    text = ctx.text
    for c in reversed(ctx.courts_in(lo, hi)):
        if _PROMOTE_PRACTICE.search(text, max(lo, c.start - 6), c.start):
            return c
    return None


def _date_window(ctx: _Context, unit: str, m: InitiativeMention) -> tuple[int, int]:
    """The text that dates `unit`'s fact at `m`: the sentence up to `m`; in 2023年，甲中院推广
    乙法院(2018年探索的)X经验 the practiser's date is only in its own words after its name
    (the promotion's date is not when 乙 began), the others' only before that name."""
    s, _ = ctx.sentence(m.start)
    found = _practiser_mention(ctx, ctx.clause_start(s, m.start), m.start)
    if found is None:
        return s, m.start
    return (found.end, m.start) if found.court == unit else (s, found.start)


def _respectively(
    text: str, ctx: _Context, mentions: Sequence[InitiativeMention]
) -> dict[int, str]:
    """A、B分别就X和Y…: the i-th initiative after 分别 belongs to the i-th court before it."""
    out: dict[int, str] = {}
    i = text.find(_RESPECTIVELY)
    while i >= 0:
        s, e = ctx.sentence(i)
        courts = ctx.courts_in(s, i)
        chain: list[CourtMention] = []
        for c in reversed(courts):
            end = chain[-1].start if chain else i
            if text[c.end : end] not in _COORDINATORS and not (not chain and c.end == end):
                break
            chain.append(c)
        chain.reverse()
        after = [m for m in mentions if i < m.start < e]
        names = list(dict.fromkeys(m.name for m in after))
        if len(chain) >= 2 and len(names) == len(chain):
            court_of = {n: c.court for n, c in zip(names, chain, strict=True)}
            for m in after:
                out[m.start] = court_of[m.name]
        i = text.find(_RESPECTIVELY, i + 2)
    return out


def _promoted_practices(
    text: str,
    ctx: _Context,
    mentions: Sequence[InitiativeMention],
    adoptions: dict[tuple[str, str, str], Adoption],
) -> None:
    """昆明中院已将该院做法在全市推广: a court promotes what another court of the same paragraph
    was said to practise (the sentence itself names no initiative)."""
    for pm in _PRACTICE_REF.finditer(text):
        s, e = ctx.sentence(pm.start())
        if any(s <= m.start < e for m in mentions):
            continue
        promoter = ctx.subject_in(s, pm.start())
        if promoter is None or ctx.level(promoter.court) not in ("supreme", "high", "intermediate"):
            continue
        lo = pm.start("ref") if pm.group("ref") is not None else pm.start("ref2")
        named = [c.court for c in ctx.courts_in(lo, pm.end()) if c.court != promoter.court]
        l_start, _ = ctx.line(s)
        if named:
            referenced = named[0]
        else:
            before = [
                x.court
                for x in ctx.subjects
                if l_start <= x.start < s and x.court != promoter.court and not x.proxy
            ]
            if not before:
                continue
            referenced = before[-1]
        ev = _evidence(text, ctx, pm.start(), pm.end())
        for (unit, name, relation), a in list(adoptions.items()):
            if unit != referenced or relation not in ("adopted", "piloted"):
                continue
            if not any(l_start <= x.start < s for x in a.evidence):
                continue
            key = (promoter.court, name, "promoted")
            if key not in adoptions:
                adoptions[key] = Adoption(
                    unit=promoter.court,
                    initiative=name,
                    relation="promoted",
                    rule="adoption:promoted-practice",
                )
            adoptions[key].evidence.append(ev)


_LIST_INTRO = ("：", ":")


#: a clause saying its subject is on a published list of an honour (…名单公布，乙法庭名列其中)
_ON_LIST = re.compile(r"名列其中|位列其中|榜上有名|赫然在列|在列|上榜|成功入选|入选")
#: a court's own list before the title (乙县法院的X名单): no published list of winners
_PLURAL_OWN = re.compile(r"(?:法院|法庭|中院|高院|我院|本院|该院)的?[^，,。；;！!？?\n]{0,4}$")
#: the words that make a sentence's title the name of a list of winners
_LIST_WORD = re.compile(r"名单|名录|榜单")
#: a title's clause about a list no one has won yet (候选名单, 拟命名名单, 公示, 创建指南)
_NOT_WINNERS_LIST = re.compile(r"候选|拟|公示|指南")
#: what may stand between a list's winner and its verb: adverbs only (此次成功入选, 均榜上有名)
_ON_LIST_GAP = re.compile(r"(?:此次|本次|这次|今年|均|都|也|亦|同时|再次|又|已|成功|顺利|一举)*")


def _on_list_subject(ctx: _Context, lo: int, verb: re.Match[str], end: int) -> bool:
    """The clause text[lo:end] puts its subject court on the list: the court heads the
    clause right before the verb with adverbs only between (乙法庭此次成功入选), not 未能入选
    / 力争入选 (not, or not yet), 组织干警学习入选法庭的经验 (another's), 甲院推荐的乙法庭入选
    / 甲中院辖区3个法庭入选 (the recommender, the area's court), nor 入选候选名单."""
    last = ctx.last_between(lo, verb.start())
    if last is None or last.proxy:
        return False
    if _ON_LIST_GAP.fullmatch(ctx.text, last.end, verb.start()) is None:
        return False
    return _NOT_WINNERS_LIST.search(ctx.text, verb.end(), end) is None


def _on_the_list(ctx: _Context, m: InitiativeMention, e: int) -> list[str] | None:
    """The courts a later clause of the sentence puts on the list of the title at `m`
    (第二批X名单公布，乙法庭名列其中 / 甲院公布X名单，乙法庭榜上有名): they won X; who
    publishes the list only confers it. None when no clause does."""
    text = ctx.text
    after = _clause_end(text, m.end, e)
    lo = max(ctx.clause_start(ctx.sentence(m.start)[0], m.start), m.start - 8)
    published = _PUBLISH_BEFORE.search(text, lo, m.start)
    listed_word = _LIST_WORD.search(text, m.end, after) is not None
    if not listed_word and published is None:
        return None
    if _NOT_WINNERS_LIST.search(text, lo, after):
        return None  # X候选名单 / 拟命名名单进行公示 / X创建指南: no one has won X yet
    winners: list[str] = []
    pos = after
    while pos < e:
        end = _clause_end(text, pos + 1, e)
        verb = _ON_LIST.search(text, pos + 1, end)
        if verb is not None and text.startswith(("：", ":"), verb.end()):
            # …，甲地法院有三起案例入选：乙法院丙法庭“…”、丁法庭“…”: the courts listed after
            # the colon won it (a court whose tribunal follows it only qualifies it)
            listed = []
            for c in ctx.courts_in(verb.end(), e):
                if text[c.start - 1] in "，,；;":
                    break  # …，最高人民法院将…: a court heading a new clause ends the list
                listed.append(c)
            parents = {ctx.parents.get(c.court) for c in listed}
            winners += [c.court for c in listed if c.court not in parents]
            break
        if verb is not None and listed_word and _on_list_subject(ctx, pos + 1, verb, end):
            winners += [c for c in ctx.subjects_before(pos + 1, verb.start()) if c not in winners]
        pos = end
    if (
        not winners
        and _LIST_WORD.search(text, m.end, after)
        and (
            # 最高人民法院公布“X”名单: the court publishes the list, it is not the court's own
            published is not None
            or not _PLURAL_OWN.search(
                text, ctx.clause_start(ctx.sentence(m.start)[0], m.start), m.start
            )
        )
    ):
        return []  # 第二批X名单公布。: the list is its publisher's act, no court in context won X
    return list(dict.fromkeys(winners)) or None


#: a verb of publishing right before a title (发布多批X, 公布第二批X): the title's winners follow
_PUBLISH_BEFORE = re.compile(r"(?:发布|公布|评选出|命名)[^，,。；;：:！!？?\n]{0,6}$")


def _listed_winners(ctx: _Context, m: InitiativeMention) -> list[str]:
    """Winners listed on the lines after an award's heading or its 命名以下…为X：."""
    text = ctx.text
    a, b = ctx.line(m.start)
    line = text[a:b].strip()
    intro = line.endswith(_LIST_INTRO)
    heading = len(line) <= 40 and "。" not in line and not ctx.courts_in(a, b)
    if not (intro or heading):
        return []
    winners: list[str] = []
    pos = b + 1
    while pos < len(text):
        la, lb = ctx.line(pos)
        pos = lb + 1
        body = text[la:lb]
        if not body.strip():
            continue
        courts = ctx.courts_in(la, lb)
        covered = sum(c.end - c.start for c in courts)
        if not courts or covered * 5 < len(body.strip()) * 2:
            if _damaged_item(body.strip()):
                continue  # an item whose court's name is damaged (spam over it): no winner
            break  # prose again: the list has ended
        winners.extend(c.court for c in courts if c.court not in winners)
    return winners


#: a list item line that still ends like a court's name but is not one the resolver reads
#: (亚博…上网导航人民法院某某人民法庭: a mirror's spam written over the court)
_DAMAGED_ITEM = re.compile(r"[^。！!？?；;，,：:]{2,40}(?:人民法庭|法庭|人民法院|法院)")
#: what a damaged item never holds: an award's verb or an honour's words, or a quoted name
#: (以下法院被评为全省优秀法院 / 全省优秀人民法庭 / 全国“枫桥式人民法庭”: the next category's
#: heading, which ends the list before it)
_HONOUR_LINE = re.compile(
    r"被评为|评为|获评|命名|授予|荣获|表彰|以下|以上|优秀|先进|示范|[“”\"《》「」]"
)


def _damaged_item(line: str) -> bool:
    """`line` is a list item whose court's name is damaged (spam written over it), not a
    heading of the list's next category."""
    return _DAMAGED_ITEM.fullmatch(line) is not None and _HONOUR_LINE.search(line) is None


_HAN = re.compile("[\u4e00-\u9fff]")


#: a time span the figure's own clause counts over, which the period finder does not read:
#: 一年多来 / 多年来 / 近年来 (an open span: no period), 全年 / 当年 (a year)
_OWN_SPAN = re.compile(
    r"(?P<open>[一二三四五六七八九十两\d]+年多来|多年来|近年来|近些年来)|(?P<year>全年|当年)"
)
#: a period that is an event's month (2024年3月，某院试点X / 2024年12月获评…), not a span that
#: frames figures: a bare month, no 截至/自, no 份/底/末/初, no range, no 以来
_EVENT_MONTH = re.compile(r"(?:(?:19|20)\d{2}年)?\d{1,2}月")

#: a figure that counts (500件, 12%, 3万余人): a sentence with one reports statistics
_FIGURE_IN = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?(?:余|多)?(?:万|亿)?(?:件|%|％|个|名|人|天|次|项|家|场|起|元|户|条|份|笔)"
)

#: a metric's name that is a piece of a clause, not a word (ingest.metrics.FRAGMENT_METRIC)
_FRAGMENT_METRIC = FRAGMENT_METRIC
#: the last character of a measure's name (调解率, 案件数, 送达量, 增速, 排名, 审理周期)
_METRIC_HEAD = re.compile(r".*(?:[率数量额比速值期长名]|[增降涨跌]幅)")
#: a change's start (分流率从年初的33%提升至73%, 由前三年的年均20%降至…) or a level held
#: (履行率保持在95%): what follows the measure's name
_MEASURE_TAIL = re.compile(
    FROM_TAIL.pattern + r"|(?:保持|稳定|控制|维持|始终)?在$|(?:持续|保持|继续)?以$"
)
#: 以每年20%以上的速度递增: the figure is a growth rate
_AT_RATE = re.compile(r"(?:以上|左右)?的(?:速度|幅度)")


def _readable_metric(ctx: _Context, h: OutcomeHit) -> str | None:
    """The figure's metric as a name a reader understands: as found, or mended when it is a
    piece of its clause (的电子送达量 → 电子送达量; 分流率从年初的 → 分流率; 履行率保持在 →
    履行率; 约占 → 乡村法庭占比 from its clause; 由前三年的年均 → the measure named in the
    clause before, 新收执行案件增速); None when no name can be formed (以不到三成的法官)."""
    metric = h.metric
    if not metric or _FRAGMENT_METRIC.search(metric) is None:
        return metric
    text = ctx.text
    if metric.startswith("的"):
        metric = metric[1:]
    # a label that opens with 由/从 (由前三年的年均, 由政府出资) is all the change's start
    body = "" if metric.startswith(("由", "从")) else _MEASURE_TAIL.sub("", metric)
    if body != metric:
        if _AT_RATE.match(text, h.end) and _HAN.search(body):
            metric = body + "增速"  # 知识产权案件持续以每年20%以上的速度递增
        else:
            head = _METRIC_HEAD.match(body)
            if head is not None:
                metric = head.group(0)
            elif not body and metric[0] in "由从":
                # 新收执行案件增速大幅放缓，由前三年的年均20%降至…: the clause before names it
                s, _ = ctx.sentence(h.start)
                c = ctx.clause_start(s, h.start)
                prev = ctx.clause_start(s, c - 1) if c > s else c
                named = ctx.courts_in(prev, c)
                if named and named[0].start == prev:
                    prev = named[0].end  # 乙县法院新收案件增速…: the court is no part of it
                head = _METRIC_HEAD.match(text, prev, c - 1) if c > s else None
                metric = head.group(0) if head is not None else metric
    elif re.fullmatch(r"约?占", metric):
        # 全省人民法庭中乡村法庭约占80%: what the clause names before 占 is the share's subject
        c = ctx.clause_start(ctx.sentence(h.start)[0], h.start)
        before = text[c : h.start - len(h.metric)]
        if 2 <= len(before) <= 16 and not re.search(r"[0-9０-９]", before):
            metric = before + "占比"
    if len(_HAN.findall(metric)) < 2 or _FRAGMENT_METRIC.search(metric) is not None:
        return None
    return metric


#: the months in which a bare 全年 is the year before: a year's results are reported from
#: January to March (annual reports, 两会), and a year not over yet has no 全年 result
_REPORT_MONTHS = 3


def _report_year(doc_date: str | None) -> str:
    """The year a bare 全年/当年 of an article of `doc_date` speaks of, when no year is written
    before it: a reported result cannot end after its report, so in January to March (the
    months of the year's reports) it is the previous year; later in the year, the article's
    own (a running count, 全年累计…). '' without a date.

    >>> _report_year("2023-02-15"), _report_year("2023-07-01"), _report_year("2023")
    ('2022', '2023', '2023')
    """
    doc = doc_date or ""
    if not re.match(r"\d{4}", doc):
        return ""
    if re.match(r"\d{4}-\d{2}", doc) and int(doc[5:7]) <= _REPORT_MONTHS:
        return str(int(doc[:4]) - 1)
    return doc[:4]


def _text_years(ctx: _Context, doc_date: str | None) -> list[tuple[int, str]]:
    """The years of the dates the text writes (end, year), in order: read once per document
    (each figure with its own span looked for the last one before it, a scan of the text
    from its start for every such figure)."""
    if doc_date not in ctx.text_years:
        ctx.text_years[doc_date] = [
            (m.end(), d[0][:4])
            for m in TEXT_DATE.finditer(ctx.text)
            if (d := text_date(m, doc_date))
        ]
    return ctx.text_years[doc_date]


#: a work report's subtitle: delivered to a people's congress (——某日在某区第十八届人民代表大会
#: 第五次会议上), early in the year, on the years before
_CONGRESS_REPORT = re.compile(
    r"^[ \t]*(?:——|—|--|－－)[^\n。]{4,30}在[^\n。]{0,40}人民代表大会[^\n。]{0,20}会议上",
    re.MULTILINE,
)
#: the years a work report looks back on (过去五年, 过去一年, 五年来, 近三年)
_REPORT_SPAN = re.compile(
    r"(?:过去|近)(?P<n>[一二三四五六七八九十\d]{1,2})年(?:来|以来|里|间)?|(?P<m>[一二三四五六七八九十\d]{1,2})年来"
)


def _report_years(ctx: _Context, period: str, doc_date: str | None) -> str | None:
    """过去五年 in a work report to a people's congress delivered in the first half of a year:
    the five whole calendar years before it (a report of 19 January 2021: 2016-01-01/2020-12-31),
    not five years up to the day it was delivered."""
    span = _REPORT_SPAN.fullmatch(period)
    if span is None or doc_date is None or not re.match(r"\d{4}-0[1-6]", doc_date):
        return None
    n = parse_integer(span.group("n") or span.group("m"))
    if not n or n > 10 or _CONGRESS_REPORT.search(ctx.text, 0, 1500) is None:
        return None
    year = int(doc_date[:4])
    return f"{year - n}-01-01/{year - 1}-12-31"


def _figure_period(ctx: _Context, h: OutcomeHit, doc_date: str | None) -> str | None:
    """The period of the figure at `h`: from its own sentence first. A span its own clause
    names (一年多来, 全年) overrides a date before it; an event's month from another sentence
    (2024年3月，某院试点X。一年多来，化解纠纷N件) is no period of the figure."""
    text = ctx.text
    s, _ = ctx.sentence(h.start)
    at = text.rfind(h.period, 0, h.start) if h.period else -1
    own = None
    for m in _OWN_SPAN.finditer(text, max(s, at + len(h.period or "")), h.start):
        own = m
    if own is not None and own.group("open"):
        return None  # 一年多来: a span up to the article whose start the text does not say
    if own is not None:
        years = [y for end, y in _text_years(ctx, doc_date) if end <= own.start()]
        # (a day the text states is no report date: a bare 全年 under it stays unplaced)
        year = years[-1] if years else _report_year(ctx.doc_date)
        return f"{year}-01-01/{year}-12-31" if re.fullmatch(r"\d{4}", year) else None
    if not h.period or h.period == "以来":  # 自试运行以来: since an undated event
        return None
    if 0 <= at < s and _EVENT_MONTH.fullmatch(h.period):
        ps, pe = ctx.sentence(at)
        if not _FIGURE_IN.search(text, ps, pe):
            return None  # the month of what that sentence tells, which counts nothing
    whole = _report_years(ctx, h.period, doc_date)
    if whole is not None:
        return whole
    # a day the text states bounds its writing from below: no end for a span up to the writing
    span = resolve_relative(h.period, doc_date, open_end=ctx.doc_date is not None)
    if span is None and not ctx.doc_date and relative_period(h.period):
        return f"{h.period}（相对时间，文档日期不详）"  # a reader would count 今年 from today
    return f"{span[0]}/{span[1]}" if span else h.period


def _outcomes(doc: SourceDocument, ctx: _Context, hits: Sequence[OutcomeHit]) -> list[OutcomeRef]:
    text = doc.text
    out: list[OutcomeRef] = []
    for h in hits:
        if h.metric and not _HAN.search(h.metric):
            # a figure named by another figure (a table's row read as a line: 某法院 2022年3月
            # 1530 63.2% gave a 63.2% "1530"): no fact rather than a wrong one (a figure
            # named by nothing, 2019年，33374件, stays: its sentence says what it counts)
            continue
        metric = _readable_metric(ctx, h)
        if metric is None:
            continue  # 以不到三成的法官… gave a 30% “以不到”: a name no reader understands
        unit = ctx.unit_at(h.start) or ""
        period = _figure_period(ctx, h, ctx.ref_date)
        out.append(
            OutcomeRef(
                unit=unit,
                metric=metric,
                value=h.value,
                unit_of_measure=h.unit_of_measure,
                qualifier=h.qualifier,
                direction=h.direction,
                period=period,
                text=text[h.text_start : h.text_end],
                evidence=[_evidence(text, ctx, h.text_start, h.text_end)],
                rule=h.rule or "outcome:other",
            )
        )
    return out


def _organizations(
    text: str, ctx: _Context, hits: Sequence[OrgHit], city: str | None
) -> list[OrganizationRef]:
    orgs: dict[str, OrganizationRef] = {}
    for h in hits:
        if h.name:
            name = h.name
        elif h.generic and h.surface != h.surface.lstrip("各"):
            name = h.surface  # 各级党委政法委: every such body, not one
        elif h.level:
            name = level_name(h.surface, _place_at_level(ctx, h.level) or city)
        else:
            name = org_name_for(h.surface, city)
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


def _cited(doc: SourceDocument, evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    """Up to 3 distinct sentences as the source writes them, each with its offsets in the
    source's text (`SourceDocument.as_written`), as the store keeps them (ingest.pipeline)."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for ev in evidence:
        if (ev.start, ev.end) in seen or doc.text[ev.start : ev.end] != ev.sentence:
            continue
        seen.add((ev.start, ev.end))
        sentence, a, b = doc.as_written(ev.start, ev.end)
        out.append({"sentence": sentence, "start": a, "end": b})
        if len(out) == 3:
            break
    return out


def to_gold(ex: Extraction) -> dict[str, Any]:
    """The Extraction in the annotation schema of shared/corpus (mentions quoted as written).

    Initiatives carry two extra keys, ``candidate``: True for names proposed from the text
    rather than taken from the taxonomy, and ``graph_name``: the name the graph stores it
    under (``name`` is the article's own wording when the text never writes that name). Every
    item carries another, ``evidence``: up to 3
    sentences it came from as the source writes them, with their offsets in the source's text
    (``{"sentence", "start", "end"}``; `_cited`).
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
                "evidence": _cited(doc, c.evidence),
            }
        )
    initiatives = []
    by_name = {i.name: i for i in ex.initiatives}
    unquoted = doc.text.replace("“", "").replace("”", "")

    @functools.cache
    def written(name: str) -> str:
        """The initiative's name as this text writes it: the graph's name where the text has
        it, else its longest mention (多元化纠纷解决机制 where the graph says 多元解纷机制). The
        file's initiatives and its outcomes' links use it, so both name the initiative in the
        article's words; the graph's name is kept in ``graph_name`` and, when the text never
        writes it, as the last of the initiative's ``mentions`` (the names it goes by)."""
        ref = by_name.get(name)
        if ref is None or name.replace("“", "").replace("”", "") in unquoted:
            return name
        surfaces = [doc.original_span(*_quote_span(e)) for e in ref.evidence]
        return max([s for s in surfaces if s] or [name], key=len)

    def also_canonical(name: str) -> list[str]:
        return [name] if written(name) != name else []

    groups: dict[tuple[str, str], list[Adoption]] = {}
    for a in ex.adoptions:
        groups.setdefault((a.initiative, a.relation), []).append(a)
    for (name, relation), group in groups.items():
        ref = by_name.get(name)
        spans = [_quote_span(ev) for b in group for ev in b.evidence]
        initiatives.append(
            {
                "name": written(name),
                "graph_name": name,
                "mentions": _original_mentions(doc, spans) + also_canonical(name),
                "adopters": sorted({b.unit for b in group}),
                "relation": relation,
                "candidate": bool(ref and ref.candidate),
                "confidence": {b.unit: b.confidence for b in group},
                "rule": {b.unit: b.rule for b in group},
                "evidence": _cited(doc, [ev for b in group for ev in b.evidence]),
            }
        )
    adopted = {name for name, _ in groups}
    for i in ex.initiatives:
        if i.name not in adopted:
            spans = [_quote_span(ev) for ev in i.evidence]
            initiatives.append(
                {
                    "name": written(i.name),
                    "graph_name": i.name,
                    "mentions": _original_mentions(doc, spans) + also_canonical(i.name),
                    "adopters": [],
                    "relation": "adopted",
                    "candidate": i.candidate,
                    "evidence": _cited(doc, i.evidence),
                }
            )
    people = [
        {
            "name": p.name,
            "mentions": _original_mentions(doc, [_quote_span(e) for e in p.evidence]),
            "roles": p.roles,
            "unit": p.unit,
            "confidence": p.confidence,
            "rule": p.rule,
            "evidence": _cited(doc, p.evidence),
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
            "initiative": written(o.initiative) if o.initiative else None,
            "confidence": o.confidence,
            "rule": o.rule,
            "evidence": _cited(doc, o.evidence),
        }
        if o.initiative:
            item["link_rule"] = o.link_rule
            item["link_confidence"] = o.link_confidence
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
            "evidence": _cited(doc, o.evidence),
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
