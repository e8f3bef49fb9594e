"""Learning visits between courts: who went to learn from whom, about what, when.

A court that goes to another to study its work (甲法院赴乙法院学习考察X经验) does not adopt
X (ingest.extract credits the host), but the visit itself is what a student of policy
diffusion traces from a pilot to its spread. `find_visits` finds such visits in a document,
one `Visit` per visiting court, host and sentence; the pipeline stores each as a
`LEARNED_FROM` fact from the visitor to the host, one per initiative studied.

Patterns (each visit names the rule that found it):

- ``visit:went-to``: 甲 …赴/到/前往/来到/走进 乙 (…)学习/考察/学习考察/调研/交流/观摩…;
  also 甲组织干警赴乙学习…, 甲院长某某带队到乙…, 甲考察团来我院交流 (我院 is the writer's);
- ``visit:received``: 乙接待(了)甲考察团/调研组/一行…;
- ``visit:borrowed``: 甲学习借鉴乙…经验/做法, 甲向乙学习….

Precision first, so a visit is not one when: the visitor is no court (a delegation of a 人大
or 政协, 市委政法委 …: the graph does not model them), the visiting court stands above the
host in its province and does not say it learns (省法院到乙县法院调研 is an inspection),
the sentence says 指导/检查/督导/视察 (上级检查指导 is not learning), the visit is a plan
(拟/将/计划赴…), a meeting both attend (赴乙法院参加座谈会), an invitation (邀请甲到院授课:
who teaches whom is the other way), or a group of courts (全市法院) goes. Courts are the
court resolver's; an anaphor (该院) is the extractor's reading, except that it never points
back to the court just visited (甲赴乙学习。该院还…: 该院 is 甲).

The initiatives studied are those named after the host in the sentence (resolved as
initiative mentions are: `ingest.initiatives.find_initiatives`); a candidate name counts only
when the document's extraction keeps it as an initiative. A visit naming none is kept with
no initiative (甲法院赴乙法院学习考察).

    >>> from ingest.document import CourtMention
    >>> text = "锦州中院赴大连中院学习考察诉源治理工作经验。"
    >>> ms = [CourtMention(0, 4, "锦州中院", "锦州"), CourtMention(5, 9, "大连中院", "大连")]
    >>> [(v.visitor, v.host, v.initiatives, v.rule) for v in find_visits(text, ms)]
    [('锦州', '大连', ['诉源治理'], 'visit:went-to')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from graph.model import date_key
from ingest.dates import TEXT_DATE, text_date
from ingest.document import Adoption, CourtMention, Evidence, Extraction, Visit
from ingest.initiatives import find_initiatives
from ingest.normalize import split_sentences
from ingest.taxonomy import Taxonomy

#: the verbs of going to a place (到 not in 受到, 得到, 达到, 做到, 收到, 直到 …)
_GO = re.compile(r"(?:赴|(?<![受得达做收直遇感看听见想等提])到|前往|来到|走进|奔赴|来|莅临)")
#: the study a visit is for (longest first)
_STUDY = re.compile(
    r"(?:学习考察|考察学习|学习交流|交流学习|参观学习|观摩学习|学习调研|调研学习|考察交流|"
    r"交流考察|学习取经|参观考察|考察调研|调研考察|取经|学习|考察|调研|交流|观摩|参观)"
    r"(?!任职|挂职|轮岗|干部|锻炼)"  # 交流任职: a posting, no visit
)
#: a study verb that says it learns (a court above the host may still learn from it)
_LEARNS = re.compile(r"学习|取经|借鉴")
#: between the host and the study verb: a topic (就X进行学习考察) or a manner (实地学习)
_TOPIC_OPEN = re.compile(r"[，,]?(?:就|围绕|针对|重点|主要|专门|专程|实地|深入)")
#: a meeting, a ceremony or a task at the host: no study visit
_NOT_STUDY = re.compile(r"参加|出席|召开|开会|座谈|授课|讲课|宣讲|培训|签约|签订|送达|执行|开庭")
#: an inspection, a superior's work (上级检查指导 is not learning)
_INSPECTS = re.compile(r"指导|检查|督导|视察|督查|巡查|巡视|慰问|督办|评查|验收")
#: a plan, an invitation, someone else's going, or a non-court body between visitor and verb
_NOT_VISITOR = re.compile(
    r"拟|将|计划|准备|打算|即将|下一步|邀请|陪同|组织召开|举办|主办|承办|参加|出席|"
    r"人大|政协|党委|政府|政法委|纪委|"
    r"司法局|检察院|公安|律师|专家|学者|媒体|记者|群众|学生|要求|号召|推广|鼓励|引导"
)
#: a plan to go (甲计划/拟/将赴乙): no visit yet
_PLAN = re.compile(r"拟|将|计划|准备|打算|即将|下一步")
#: going to a court to attend a meeting there (甲赴乙参加…座谈会)
_MEETING = re.compile(r"(?:[^，,。；;]{0,6}?)(?:参加|出席|列席)")
_CLAUSE_END = re.compile(r"[，,；;。！!？?]")
_MEETING_CUE = re.compile(r"参加|出席|列席")
#: attending a meeting, up to the meeting's name's end (参加全省法院X工作座谈会)
_ATTENDS = re.compile(
    r"(?:参加|出席|列席)(?:了)?[^，,。；;：:！？!?\n]{0,30}?"
    r"(?:座谈会|推进会|研讨会|交流会|工作会议|会议|论坛|培训班|现场会|观摩会)"
)
#: a visitor's word of what it will do after the visit (回院后将推行X): a plan, no adoption
_AFTER_VISIT_PLAN = re.compile(
    r"(?:回院|返院|回去|回到[^，,。；;]{0,10})(?:之|以)?后[^，,。；;]{0,4}?(?:将|要|拟|计划|准备|打算)"
)
#: the rules that credit an adoption through the courts around its name in the sentence
#: (no verb of its own): what a visit-like clause alone cannot give
_CLAUSE_RULES = frozenset(
    ("adoption:practiser", "adoption:located", "adoption:nearest-in-sentence", "adoption:subject")
)
#: visiting groups after the visitor (乙接待甲考察团)
_GROUP = re.compile(r"(?:学习)?(?:考察团|考察组|调研组|学习团|交流团|参观团|代表团|调研团|一行)")
#: a study verb that is part of the name of a visiting party (考察团, 调研组)
_GROUP_NOUN = re.compile(r"团|组|队|人员")
_RECEIVE = re.compile(r"接待(?:了)?(?:来自)?")
#: 学习借鉴乙 / 借鉴乙 / 向乙学习
_BORROW = re.compile(r"(?:学习借鉴|借鉴学习|借鉴|学习)(?:了)?")
_PRACTICE = re.compile(r"经验|做法|模式|先进|典型|成果|特色|亮点")
#: what a document of the host is (学习最高人民法院关于…的意见): no visit, no peer learning
_HOST_DOCUMENT = re.compile(r"[《“]|关于|的?(?:意见|通知|文件|精神|讲话|部署|要求|规定|决定)")
_COORD = ("、", "和", "及", "与", "以及", "，")
_BREAK = re.compile(r"[。；;！!？?\n]")
#: the levels, highest first (a court above the host in its province inspects it)
_RANK = {"supreme": 0, "high": 1, "intermediate": 2, "special": 2, "basic": 3, "tribunal": 4}
#: sentences worth a look
_CUE = re.compile(r"学习|考察|调研|交流|观摩|参观|取经|借鉴")
_ANAPHOR = re.compile(r"^(?:该|該)")
_HOME = re.compile(r"^(?:我院|本院)$")
#: verbs of going on learning (，全面了解/进一步学习/同时参观…): the visit's topic goes on
_GOES_ON_LEARNING = (
    r"(?:了解|学习|考察|参观|听取|观摩|交流|调研|借鉴|感受|体会|领略|察看|查看|走访|聆听)"
)
#: a next step's verb (推行X), and the manner before it (全面推行, 进一步推进)
_STEP_VERB = r"(?:推行|推动|推进|推广|建立|出台|制定|印发)"
_MANNER = r"(?:全面|积极|着力|力争|进一步)"
#: a clause after the visit that says what the visitor did next, not what it studied: not
#: one going on learning (，全面了解该院…) nor a step's verb as an attribute (，同时推进的X…)
_AFTERWARDS = re.compile(
    r"[ \t\u3000]*(?:(?:(?!" + _GOES_ON_LEARNING + r")[^，,。；;]){0,12}?"
    r"(?:法院|中院|高院|该院|我院|本院|法庭)(?:还|也)?)?"
    r"(?:并|还|也|同时)?(?:回|返|结合|随后|此后|之后|今后|下一步|会后|并将|将|要|"
    + _MANNER
    + r"?"
    + _STEP_VERB
    + r"(?!的)|"
    + _MANNER
    + r"(?!"
    + _GOES_ON_LEARNING
    + r"|"
    + _STEP_VERB
    + r"的))"
)
#: the visitor's words for itself after its visit (并在本院推行, 回院后): its own clause
_OWN_WORDS = re.compile(r"本院|我院|全院|回院|返院")
#: …or a clause opening on the visitor's next step, a step's verb (并全面推行, 随后建立,
#: 结合实际推行): no other subject; not 全面了解 (still learning) nor 同时推进的X (an attribute)
_OWN_NEXT = re.compile(
    r"(?:并|还|也|同时|随后|此后|之后|会后)?(?:结合[^，,。；;]{0,16}?)?"
    + _MANNER
    + r"?"
    + _STEP_VERB
    + r"(?!的)"
)
#: the host spoken of after the visit (了解该院/对方/其推行X的做法): what follows is the host's
_HOST_WORDS = re.compile(r"该院|該院|对方|對方|(?<![尤极及与])其(?![他它中余次实後后间])")
#: both sides of the visit (双方/两院): a clause of the visit, no one court's step
_JOINT = re.compile(r"双方|两院|两家法院|彼此|互相|相互")
#: a plan (并将/下一步将/今后): no adoption yet
_PLAN_WORDS = re.compile(r"将|拟|计划|准备|打算|下一步|今后")
#: a step's verb as an attribute (我院全面推行的X): a name spoken of, no step taken
_ATTRIBUTE = re.compile(_STEP_VERB + r"的")
#: the name as the subject of another predicate (X也让考察组印象深刻, X受到好评)
_OTHER_PREDICATE = re.compile(r"让|令|使|引起|受到|得到|获得|赢得|被|给[^，,。；;]{0,8}留下")
#: before 本院/我院: the visitor's own court as the place it goes back to or acts in
_AT_ONES_OWN = re.compile(r"(?:在|于|回|返|到|至|结合|立足)$")
#: a dateline opening the text (锦州市中级人民法院报讯 …, 本报讯): who writes it
_DATELINE = re.compile(
    r"^[ \t\u3000【\[]*(?P<w>[^\s，,。；;：:（(【】\[\]“”]{1,30}?[院庭])(?:报讯|讯)"
    r"(?=[\s\u3000（(】\]：:]|\d|$)",
    re.M,
)
_MONTH_DAY = re.compile(r"(?<![年\d])(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?\d)[日号]")


def find_visits(
    text: str,
    mentions: Sequence[CourtMention],
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    courts: Mapping[str, tuple[str | None, str | None]] | None = None,
    people: Sequence[tuple[int, int, str]] = (),
    home: str | None = None,
    doc_date: str | None = None,
    known: Collection[str] = (),
    taxonomy: Taxonomy | None = None,
) -> list[Visit]:
    """The learning visits `text` reports, in text order.

    `mentions`: the court mentions (the extractor's, anaphors read); `courts`: each court's
    (level, province) for the inspection test; `people`: (start, end, court) of titled
    people, who stand for their court as visitors (院长某某带队赴…); `home`: the writer's court
    (我院); `doc_date`: for 今年/3月5日; `known`: the document's initiatives (a candidate
    name studied counts only when it is one of them).
    """
    return _scan(text, mentions, sentences, courts, people, home, doc_date, known, taxonomy).visits


def _scan(
    text: str,
    mentions: Sequence[CourtMention],
    sentences: Sequence[tuple[int, int]] | None,
    courts: Mapping[str, tuple[str | None, str | None]] | None,
    people: Sequence[tuple[int, int, str]],
    home: str | None,
    doc_date: str | None,
    known: Collection[str],
    taxonomy: Taxonomy | None,
) -> _Finder:
    """`find_visits`' work: the finder after reading `text`, holding the visits found
    (`visits`), where each visit's clause ends (`clause_end`) and the visit-like movements
    it rejected (`rejected`)."""
    ms = sorted(mentions, key=lambda m: m.start)
    finder = _Finder(text, ms, courts or {}, people, home, doc_date, known, taxonomy)
    if not text or not (_CUE.search(text) or _MEETING_CUE.search(text)):
        return finder
    sents = list(sentences) if sentences is not None else split_sentences(text)
    out: dict[tuple[str, str, int], Visit] = {}
    for s, e in sents:
        if not _CUE.search(text, s, e):
            if _MEETING_CUE.search(text, s, e):  # 甲赴乙参加座谈会: no visit, a movement
                finder.rejected.extend(finder.movements(s, e))
            continue
        found = finder.sentence(s, e)
        if not found:
            finder.rejected.extend(finder.movements(s, e))
        for v in found:
            key = (v.visitor, v.host, v.evidence[0].start)
            have = out.get(key)
            if have is None:
                out[key] = v
            else:
                have.initiatives.extend(i for i in v.initiatives if i not in have.initiatives)
    finder.visits = _folded(list(out.values()))
    return finder


def _folded(visits: list[Visit]) -> list[Visit]:
    """`visits` with each one that names nothing studied folded into a visit of the same
    visitor to the same host that does (a title's 乙法院接待甲法院考察团 is the visit the
    body tells about): its sentence joins that visit's; not when the two give other dates."""
    out: list[Visit] = []
    for v in visits:
        if not v.initiatives:
            into = next(
                (
                    w
                    for w in visits
                    if w.initiatives
                    and (w.visitor, w.host) == (v.visitor, v.host)
                    and (v.date is None or w.date is None or v.date == w.date)
                ),
                None,
            )
            if into is not None:
                into.evidence.extend(v.evidence)
                continue
        out.append(v)
    return out


class _Finder:
    def __init__(
        self,
        text: str,
        mentions: Sequence[CourtMention],
        courts: Mapping[str, tuple[str | None, str | None]],
        people: Sequence[tuple[int, int, str]],
        home: str | None,
        doc_date: str | None,
        known: Collection[str],
        taxonomy: Taxonomy | None,
    ) -> None:
        self.text = text
        self.mentions = list(mentions)
        self.starts = [m.start for m in self.mentions]
        self.courts = courts
        self.people = [p for p in people if p[2] and not p[2].startswith("AGG:")]
        self.home = home
        self.doc_date = doc_date
        self.known = set(known)
        self.taxonomy = taxonomy
        #: where the courts visited are named (an anaphor never points back to them)
        self.visited: set[int] = set()
        self.visits: list[Visit] = []
        #: (visitor, sentence start) -> where the visit's clause (and what it studied) ends
        self.clause_end: dict[tuple[str, int], int] = {}
        #: visit-like movements that are no learning visit (a plan, an inspection, a
        #: meeting): (sentence start, the movement's clause end, its courts)
        self.rejected: list[tuple[int, int, set[str]]] = []
        #: (visitor, sentence start) of the visits told with the host as the subject
        #: (乙法院接待甲法院考察团): what the sentence goes on to say is no clause of the visitor
        self.hosted: set[tuple[str, int]] = set()
        #: the court that writes the document (its dateline or byline), if one is known:
        #: its 我院/本院 are no other court's
        self.writer: str | None = None

    # -- the parts of a sentence ------------------------------------------------------
    def _in(self, lo: int, hi: int) -> list[CourtMention]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi, i)
        return [m for m in self.mentions[i:j] if m.end <= hi]

    def _court(self, m: CourtMention) -> str | None:
        """The court a visitor's mention stands for: an anaphor that the extractor read as a
        court just visited points to the last court named before it that was not visited."""
        if _HOME.match(m.surface) and self.home:
            return self.home
        if _ANAPHOR.match(m.surface):
            before = [x for x in self._in(0, m.start) if x is not m]
            last = before[-1] if before else None
            if last is not None and last.start in self.visited and last.court == m.court:
                for x in reversed(before):
                    if x.start not in self.visited and not _ANAPHOR.match(x.surface):
                        return None if x.court.startswith("AGG:") else x.court
                return None
        return None if m.court.startswith("AGG:") else m.court

    def _listed_before(self, lo: int, pos: int) -> list[CourtMention]:
        """The courts named right before `pos` (甲法院、乙法院…): the last mention in
        [lo, pos) and those joined to it."""
        found = self._in(lo, pos)
        if not found:
            return []
        out = [found[-1]]
        for m in reversed(found[:-1]):
            if self.text[m.end : out[-1].start] in _COORD[:-1]:
                out.insert(0, m)
            else:
                break
        return out

    def _listed_after(self, pos: int, hi: int) -> list[CourtMention]:
        """The courts named from `pos` on (乙法院、丙法院…), joined by 、/和/及."""
        out: list[CourtMention] = []
        at = pos
        for m in self._in(pos, hi):
            if m.start != at and not (out and self.text[at : m.start] in _COORD[:-1]):
                break
            out.append(m)
            at = m.end
        return out

    def _visitor_people(self, lo: int, hi: int) -> list[str]:
        return [c for a, b, c in self.people if lo <= a and b <= hi]

    def _inspects(self, visitor: str, host: str, verb: str) -> bool:
        """Whether a visit of `visitor` to `host` is a superior's inspection: the visitor
        stands above the host in its province (or is the supreme court) and does not say
        it learns."""
        if _LEARNS.search(verb):
            return False
        vl, vp = self.courts.get(visitor, (None, None))
        hl, hp = self.courts.get(host, (None, None))
        if vl is None or hl is None:
            return False
        if _RANK.get(vl, 9) >= _RANK.get(hl, 9):
            return False
        return vl == "supreme" or (vp is not None and vp == hp)

    def _date(self, s: int, upto: int) -> tuple[str | None, str | None]:
        found = None
        for m in TEXT_DATE.finditer(self.text, s, upto):
            if m.group("rel") and text_date(m, self.doc_date) is None:
                continue
            found = m
        day = None
        for md in _MONTH_DAY.finditer(self.text, s, upto):
            day = md
        if found is not None and (day is None or day.start() < found.end()):
            return text_date(found, self.doc_date) or (None, None)
        doc = self.doc_date or ""
        if day is not None and re.match(r"\d{4}-\d{2}-\d{2}", doc):
            iso = f"{doc[:4]}-{int(day.group('m')):02d}-{int(day.group('d')):02d}"
            if iso > doc[:10]:
                iso = f"{int(doc[:4]) - 1}{iso[4:]}"  # 12月5日 in an article of January
            return iso, "day"
        return None, None

    def _topic_end(self, lo: int, e: int) -> int:
        """Where the visit's topic ends after `lo`: the clause there and the clauses that go
        on about the visit (，详细了解了X情况 / ，双方围绕X交流), not one after 后 or one
        telling what the visitor did next (，结合实际推行X)."""
        text = self.text
        at = lo
        while at < e:
            m = re.compile(r"[，,；;：:]").search(text, at, e)
            if m is None:
                return e
            nxt = m.end()
            if re.search(r"(?:之|以)?后$", text[at : m.start()]) or (
                _AFTERWARDS.match(text, nxt) and not self._spoken_of(nxt, e)
            ):
                return m.start()
            at = nxt
        return e

    def _spoken_of(self, lo: int, e: int) -> bool:
        """Whether the clause from `lo` makes what it names the subject of another predicate
        (，同时推进X的做法也让考察组深受启发) or speaks of both sides (，并推动两院在X方面深化
        合作): the visit spoken of still, no next step of the visitor."""
        stop = _CLAUSE_END.search(self.text, lo, e)
        hi = stop.start() if stop else e
        return bool(_OTHER_PREDICATE.search(self.text, lo, hi) or _JOINT.search(self.text, lo, hi))

    def _initiatives(self, lo: int, hi: int, s: int) -> list[str]:
        """The initiatives named in text[lo:hi] (the sentence at `s` after the host), up to
        the end of the visit's topic (`_topic_end`)."""
        hi = self._topic_end(lo, hi)
        part = self.text[s:hi]
        names: list[str] = []
        for m in find_initiatives(part, taxonomy=self.taxonomy):
            if m.start + s < lo or m.abolished or m.framing or m.goal or m.awarded:
                continue
            if m.candidate and m.name not in self.known:
                continue
            if m.name not in names:
                names.append(m.name)
        return names

    def _visit(
        self, visitor: str, host: str, rule: str, s: int, e: int, at: int, topic: int
    ) -> Visit:
        date, precision = self._date(s, at)
        end = self._topic_end(topic, e)
        self.clause_end[(visitor, s)] = max(end, self.clause_end.get((visitor, s), end))
        if rule == "visit:received":  # 乙接待甲考察团，并…: the host goes on as the subject
            self.hosted.add((visitor, s))
        ev = Evidence(self.text[s:e], s, e, self.text[s:e].strip())
        if date:
            ev = replace(ev, date=date, date_precision=precision)
        return Visit(
            visitor=visitor,
            host=host,
            initiatives=self._initiatives(topic, e, s),
            date=date,
            date_precision=precision,  # type: ignore[arg-type]
            evidence=[ev],
            rule=rule,
        )

    # -- what a visit leaves of the adoptions -----------------------------------------
    def _names(self, lo: int, hi: int, s: int) -> set[str]:
        """The initiatives named in text[lo:hi] (read in the sentence from `s`)."""
        return {
            m.name
            for m in find_initiatives(self.text[s:hi], taxonomy=self.taxonomy)
            if m.start + s >= lo
        }

    def named_again(self, unit: str, initiative: str, ev: Evidence) -> bool:
        """Whether the sentence of `ev` names `initiative` again after `unit`'s visit clause,
        in a clause of the visitor's own (`own_clause`: …，并在本院全面推行X): the visitor's
        own adoption."""
        end = self.clause_end.get((unit, ev.start))
        if end is None or end >= ev.end:
            return False
        return self.own_clause((unit,), end, ev, initiative)

    def clause_only(self, a: Adoption, ev: Evidence) -> bool:
        """Whether `a`'s sentence `ev` credits it only through a visit-like movement that is
        no visit (`rejected`): one of its courts, by a rule of no verb of its own, for an
        initiative named in the movement's clause and not after it."""
        if a.rule not in _CLAUSE_RULES:
            return False
        for s, end, units in self.rejected:
            if s != ev.start or a.unit not in units:
                continue
            if a.initiative in self._names(s, end, s) and a.initiative not in self._names(
                end, ev.end, s
            ):
                return True
        return False

    def visitors_clause(
        self, a: Adoption, ev: Evidence, own: tuple[tuple[str, ...], int] | None
    ) -> bool:
        """Whether `a` (of a court other than the visitors) rests at `ev` on the visitors'
        own clause after their visit (`own`: the visitors and where their visit's clause
        ends; `own_clause`), the initiative named there and not before."""
        if own is None or a.unit in own[0]:
            return False
        visitors, end = own
        return self.own_clause(visitors, end, ev, a.initiative) and (
            a.initiative not in self._names(ev.start, end, ev.start)
        )

    def own_clause(self, visitors: Sequence[str], end: int, ev: Evidence, initiative: str) -> bool:
        """Whether what follows the visitors' visit clause (from `end` to the end of the
        sentence of `ev`) is theirs, naming `initiative`: the visit is told with them as its
        subject (not 乙接待甲考察团，并…, whose subject is the host), the clause says it is theirs
        (本院/我院/全院/回院, or a next step's verb: 并全面推行, 随后建立), names no court but
        theirs, and is not: the host spoken of (了解该院/对方/其…), both sides (双方/两院…), a
        plan (并将/下一步将…), a step's verb as an
        attribute (我院全面推行的X) or the name as the subject of another predicate (同时推进
        的X也让考察组印象深刻). 本院/我院 are the visitors' when they write the document, or
        when no court is known to write it and the words are where they act (`_self_is`:
        并在本院推行, 回院后在我院推行; not ，我院全面推行… nor 对我院…给予肯定)."""
        if any((v, ev.start) in self.hosted for v in visitors):
            return False
        text = self.text
        lo = end
        while lo < ev.end and text[lo] in "，,；;：: \t\u3000":
            lo += 1
        at = self._name_at(lo, ev.end, ev.start, initiative)
        if at is None:
            return False
        rest = text[lo : ev.end]
        own_words = list(_OWN_WORDS.finditer(text, lo, ev.end))
        if any(
            _HOME.match(w.group()) and not self._self_is(visitors, w.start()) for w in own_words
        ):
            return False  # 本院/我院 of another court (the writer's, the host's)
        if not (own_words or _OWN_NEXT.match(rest)):
            return False  # ，听取了乙法庭推行Y的汇报: the host's work heard of, no own clause
        if _HOST_WORDS.search(rest) or _JOINT.search(rest) or _PLAN_WORDS.search(text, lo, at):
            return False
        if _ATTRIBUTE.search(text, lo, at):
            return False
        stop = _CLAUSE_END.search(text, at, ev.end)
        if _OTHER_PREDICATE.search(text, at, stop.start() if stop else ev.end):
            return False
        for m in self._in(lo, ev.end):
            if _HOME.match(m.surface):
                if not self._self_is(visitors, m.start):
                    return False
            elif _ANAPHOR.match(m.surface) or m.court not in visitors:
                return False
        return True

    def _self_is(self, visitors: Sequence[str], pos: int) -> bool:
        """Whether 本院/我院 at `pos`, after a visit of `visitors`, is theirs: they write the
        document, or no court is known to write it and the word is the place they go back to
        or act in (在本院推行, 回我院后, 结合本院实际); not its clause's subject (，我院全面推行…)
        nor another party (向我院介绍, 对我院…给予肯定, 与我院共同…)."""
        if self.writer is not None:
            return self.writer in visitors
        return _AT_ONES_OWN.search(self.text, max(0, pos - 2), pos) is not None

    def _name_at(self, lo: int, hi: int, s: int, name: str) -> int | None:
        """Where `name` is first named in text[lo:hi] (read in the sentence from `s`)."""
        for m in find_initiatives(self.text[s:hi], taxonomy=self.taxonomy):
            if m.start + s >= lo and m.name == name:
                return m.start + s
        return None

    def plan_after_visit(self, a: Adoption, ev: Evidence) -> bool:
        """Whether `ev` is a visitor's word of what it will do after its visit (回院后将结合
        实际推行X): a plan, no adoption yet."""
        return _AFTER_VISIT_PLAN.search(self.text, ev.start, ev.end) is not None

    # -- the patterns -----------------------------------------------------------------
    def sentence(self, s: int, e: int) -> list[Visit]:
        out: list[Visit] = []
        out.extend(self._went_to(s, e))
        if not out:
            out.extend(self._received(s, e))
        if not out:
            out.extend(self._borrowed(s, e))
        return out

    def movements(self, s: int, e: int) -> list[tuple[int, int, set[str]]]:
        """The visit-like movements of the sentence text[s:e] that are no learning visit:
        a court going to another (甲赴乙…) in a plan (甲计划/拟/将赴乙学习), for an inspection
        (上级法院到乙调研/检查指导) or to attend a meeting (甲赴乙参加…座谈会). Each as (s,
        where its clause ends, the courts going and gone to)."""
        text = self.text
        out: list[tuple[int, int, set[str]]] = []
        for at in _ATTENDS.finditer(text, s, e):  # 甲(赴乙)参加…座谈会: the meeting's words
            attendees = self._listed_before(self._clause_lo(s, at.start()) or s, at.start())
            gap = text[attendees[-1].end : at.start()] if attendees else "，"
            if attendees and not re.search(r"[，,：:]", gap) and len(gap) <= 24:
                units = {c for c in (self._court(m) for m in attendees) if c}
                out.append((s, at.end(), units))
        for go in _GO.finditer(text, s, e):
            hosts_m = self._listed_after(go.end(), e)
            hosts = {h for h in (self._host(m) for m in hosts_m) if h}
            if not hosts:
                continue
            lo = self._clause_lo(s, go.start()) or s
            listed = self._listed_before(lo, go.start())
            visitors = {c for c in (self._court(m) for m in listed) if c}
            if not visitors:
                continue
            after = hosts_m[-1].end
            gap = text[listed[-1].end : go.start()]
            meeting = _MEETING.match(text, after)
            study = _STUDY.search(text, after, min(e, after + 24))
            if meeting is None and study is None:
                continue
            plan = _PLAN.search(gap) or _PLAN.search(text, lo, listed[0].start)
            verb = study.group(0) if study else ""
            inspection = _INSPECTS.search(text, after, e) or any(
                self._inspects(v, h, verb) for v in visitors for h in hosts
            )
            if meeting is None and not plan and not inspection:
                continue  # a visit the patterns did not read: left as it was
            clause = _CLAUSE_END.search(text, after, e)  # the movement's own clause
            out.append((s, clause.start() if clause else e, visitors | hosts))
        return out

    def _study_after(self, pos: int, e: int) -> re.Match[str] | None:
        """The study verb the visit is for, right after the host (or after a topic)."""
        text = self.text
        hi = min(e, pos + 48)
        v = _STUDY.search(text, pos, hi)
        if v is None or _GROUP_NOUN.match(text, v.end()):
            return None  # 受到乙法院考察团肯定: the court named is the visiting party
        gap = text[pos : v.start()]
        if _BREAK.search(gap) or _NOT_STUDY.search(gap) or _INSPECTS.search(gap):
            return None
        if len(gap) <= 3 and "，" not in gap and "," not in gap:
            return v
        if _TOPIC_OPEN.match(gap) and gap.count("，") + gap.count(",") <= 1:
            return v
        return None

    def _went_to(self, s: int, e: int) -> list[Visit]:
        text = self.text
        out: list[Visit] = []
        for go in _GO.finditer(text, s, e):
            hosts_m = self._listed_after(go.end(), e)
            if not hosts_m and text.startswith("了", go.end()):
                hosts_m = self._listed_after(go.end() + 1, e)
            hosts = [h for h in (self._host(m) for m in hosts_m) if h]
            if go.group(0) in ("来", "莅临") and not any(_HOME.match(m.surface) for m in hosts_m):
                continue  # 来 and 莅临 only to the writer's court (丙法院考察团来我院交流)
            if not hosts:
                continue
            verb = self._study_after(hosts_m[-1].end, e)
            if verb is None:
                continue
            clause_lo = self._clause_lo(s, go.start())
            if clause_lo is None:
                continue
            gap_lo, visitors = self._visitors(clause_lo, go.start())
            if not visitors:
                continue
            if _INSPECTS.search(text, verb.end(), min(e, verb.end() + 6)):
                continue  # 到乙法院调研指导
            for m in hosts_m:
                self.visited.add(m.start)
            for v in visitors:
                for h in hosts:
                    if v == h or self._inspects(v, h, verb.group(0)):
                        continue
                    out.append(
                        self._visit(v, h, "visit:went-to", s, e, go.start(), hosts_m[-1].end)
                    )
            if out:
                break
        return out

    def _host(self, m: CourtMention) -> str | None:
        if _HOME.match(m.surface):
            return self.home
        return None if m.court.startswith("AGG:") else m.court

    def _clause_lo(self, s: int, pos: int) -> int | None:
        """Where the visitor may stand before `pos`: the sentence, back over at most one
        comma (近日，甲法院一行6人，赴乙法院…), at most 48 characters."""
        text = self.text
        lo = max(s, pos - 48)
        commas = [i for i in range(lo, pos) if text[i] in "，,"]
        if len(commas) > 1:
            lo = commas[-2] + 1
        return lo

    def _visitors(self, lo: int, pos: int) -> tuple[int, list[str]]:
        """The visiting courts before the go-verb at `pos`: courts named last before it (or
        a titled person of a court) with nothing between them and the verb that makes it no
        court's own visit."""
        text = self.text
        listed = self._listed_before(lo, pos)
        listed = [m for m in listed if m.start not in self.visited]
        people = self._visitor_people(listed[-1].end if listed else lo, pos)
        if listed:
            gap_lo = listed[-1].end
            courts = [c for c in (self._court(m) for m in listed) if c]
        elif people:
            gap_lo = max(b for a, b, _ in self.people if lo <= a and b <= pos)
            courts = list(dict.fromkeys(people))
        else:
            return lo, []
        gap = text[gap_lo:pos]
        if _NOT_VISITOR.search(gap) or _INSPECTS.search(gap) or _BREAK.search(gap):
            return gap_lo, []
        # the visitor opens its clause (甲法院…赴): no verb of its own before it in the clause
        head = text[lo : listed[0].start] if listed else ""
        if _NOT_VISITOR.search(head) or re.search(r"在[^，,]{0,12}$|由$|请$|对$|向$", head):
            return gap_lo, []
        return gap_lo, list(dict.fromkeys(courts))

    def _received(self, s: int, e: int) -> list[Visit]:
        """乙法院接待(了)甲法院考察团…: 甲 visits 乙."""
        text = self.text
        for r in _RECEIVE.finditer(text, s, e):
            visitors_m = self._listed_after(r.end(), e)
            if not visitors_m:
                continue
            group = _GROUP.match(text, visitors_m[-1].end)
            if group is None:
                rest = text[visitors_m[-1].end : min(e, visitors_m[-1].end + 12)]
                g = _GROUP.search(rest)
                if g is None or _BREAK.search(rest[: g.start()]) or "，" in rest[: g.start()]:
                    continue
                group_end = visitors_m[-1].end + g.end()
            else:
                group_end = group.end()
            lo = self._clause_lo(s, r.start())
            hosts_m = self._listed_before(lo if lo is not None else s, r.start())
            if not hosts_m:
                continue
            gap = text[hosts_m[-1].end : r.start()]
            if _NOT_VISITOR.search(gap) or _BREAK.search(gap) or len(gap) > 24:
                continue
            rest = text[group_end:e]
            if _INSPECTS.search(text, r.end(), e) or _NOT_STUDY.search(rest[:8]):
                continue
            verb = text[visitors_m[-1].end : e]
            out: list[Visit] = []
            for hm in hosts_m:
                h = self._court(hm)
                for vm in visitors_m:
                    v = self._host(vm)
                    if not h or not v or v == h or self._inspects(v, h, verb):
                        continue
                    out.append(self._visit(v, h, "visit:received", s, e, r.start(), group_end))
            if out:
                return out
        return []

    def _borrowed(self, s: int, e: int) -> list[Visit]:
        """甲法院学习借鉴乙法院…经验 / 甲法院向乙法院学习…: 甲 learns from 乙."""
        text = self.text
        for b in _BORROW.finditer(text, s, e):
            toward = text.rfind("向", s, b.start())
            hosts_m: list[CourtMention] = []
            if toward >= 0 and b.start() - toward <= 24:
                hosts_m = self._listed_after(toward + 1, b.start())
                if hosts_m and text[hosts_m[-1].end : b.start()].strip("的等") != "":
                    hosts_m = []
                visitor_end = toward
            if not hosts_m:
                hosts_m = self._listed_after(b.end(), e)
                visitor_end = b.start()
                if not hosts_m:
                    continue
            last = hosts_m[-1].end
            clause = _BREAK.search(text, last, e)
            c_end = clause.start() if clause else e
            comma = text.find("，", last, c_end)
            c_end = comma if comma >= 0 else c_end
            if _HOST_DOCUMENT.match(text, last) or not _PRACTICE.search(text, last, c_end):
                continue
            lo = self._clause_lo(s, visitor_end)
            if lo is None:
                continue
            _, visitors = self._visitors(lo, visitor_end)
            if not visitors:
                continue
            out: list[Visit] = []
            for v in visitors:
                for hm in hosts_m:
                    h = self._host(hm)
                    if not h or v == h:
                        continue
                    out.append(self._visit(v, h, "visit:borrowed", s, e, b.start(), last))
            if out:
                return out
        return []


def document_visits(ctx: Any, ex: Extraction, people: Sequence[Any], tax: Taxonomy) -> list[Visit]:
    """`find_visits` over the extractor's reading of a document (its context `ctx`: the court
    mentions with anaphors read, sentences, the writer's court and the date 今年 counts from;
    `ex`: its courts and initiatives so far; `people`: its titled people's hits). What a
    visitor studied is not its adoption: `ex`'s adoptions lose the sentences of the visits
    that say the visitor studied the initiative (`unstudied`)."""
    finder = _scan(
        ctx.text,
        ctx.mentions,
        ctx.sentences,
        {c.name: (c.level, c.province) for c in ex.courts},
        [(p.start, p.end, p.court) for p in people if p.court],
        ctx.home,
        ctx.ref_date,
        {i.name for i in ex.initiatives},
        tax,
    )
    if finder.visits and re.search(r"本院|我院", ctx.text):
        finder.writer = writer(ex.document)
    ex.adoptions = visitors_own(unstudied(ex.adoptions, finder.visits, finder), finder)
    return finder.visits


def writer(doc: Any) -> str | None:
    """The court that writes `doc`, when its dateline names one (锦州市中级人民法院报讯 …) or
    its cut byline does (`page_court`); None for a newspaper's (本报讯) or a group's (辽宁法院
    报讯) or when nothing says.

    >>> from ingest.document import SourceDocument
    >>> writer(SourceDocument(path="x", text="锦州市中级人民法院报讯 3月5日，我院召开会议。"))
    '辽宁省锦州市中级人民法院'
    >>> writer(SourceDocument(path="x", text="本报讯 3月5日，锦州中院召开会议。")) is None
    True
    """
    from ingest.courts import resolve_court_name

    text = doc.text or ""
    names = [m.group("w") for m in _DATELINE.finditer(text, 0, min(len(text), 200))][:1]
    if doc.page_court:
        names.append(doc.page_court)
    for name in names:
        ref = resolve_court_name(name, context=text)
        if ref is not None:
            return ref.name
    return None


def visitors_own(adoptions: list[Adoption], finder: _Finder) -> list[Adoption]:
    """`adoptions` with what the visitors' own later clause of their visit's sentence
    introduces credited to them (甲中院赴乙中院学习考察X经验，并在本院全面推行Y / 回院后推行Y:
    Y is 甲's, not the host's nor what 本院 was read as; 甲、丙赴乙…，并在本院推行Y: each
    visitor's): an adoption of another court in that sentence whose initiative is named only
    after the visit's clause, in a clause that is the visitors' (`_Finder.own_clause`), moves
    to the visitors it names, or to every visitor when it names none (rule
    ``adoption:visitor-own``); one a visitor already has there keeps only its own."""
    if not finder.visits:
        return adoptions
    ends: dict[int, dict[str, int]] = {}  # sentence start -> visitor -> its clause's end
    for v in finder.visits:
        for ev in v.evidence:
            end = finder.clause_end.get((v.visitor, ev.start))
            if end is not None and end < ev.end:
                ends.setdefault(ev.start, {})[v.visitor] = end
    own: dict[int, tuple[tuple[str, ...], int]] = {}
    for start, by_visitor in ends.items():
        if len(set(by_visitor.values())) == 1:  # one visit clause (甲、丙赴乙…): theirs
            own[start] = (tuple(by_visitor), next(iter(by_visitor.values())))
    if not own:
        return adoptions
    have = {(a.unit, a.initiative, a.relation) for a in adoptions}
    out: list[Adoption] = []
    for a in adoptions:
        moved = [e for e in a.evidence if finder.visitors_clause(a, e, own.get(e.start))]
        if not moved:
            out.append(a)
            continue
        visitors, end = own[moved[0].start]
        named = {m.court for m in finder._in(end, moved[0].end) if not _HOME.match(m.surface)}
        kept = [e for e in a.evidence if e not in moved]
        if kept:
            a.evidence = kept
            out.append(a)
        for visitor in [v for v in visitors if v in named] or visitors:
            if (visitor, a.initiative, a.relation) not in have:
                have.add((visitor, a.initiative, a.relation))
                out.append(
                    replace(a, unit=visitor, evidence=list(moved), rule="adoption:visitor-own")
                )
    return out


def unstudied(
    adoptions: list[Adoption], visits: Sequence[Visit], finder: _Finder | None = None
) -> list[Adoption]:
    """`adoptions` without the sentences in which the adopting unit is a visitor studying
    the initiative (锦州中院赴大连中院，就X进行学习交流: no adoption of X by 锦州中院),
    unless a later clause names X again as the visitor's own (…，并在本院全面推行X); with
    `finder` (the scan of the document) also without those that a visit-like movement
    that is no visit (a plan, an inspection, a meeting) alone credits to its courts, and
    without a visitor's plan for after its visit (回院后将推行X). An adoption left with
    no sentence is dropped."""
    studied = {
        (v.visitor, name, e.start) for v in visits for name in v.initiatives for e in v.evidence
    }
    visitors = {v.visitor for v in visits}
    if not studied and (finder is None or (not finder.rejected and not visitors)):
        return adoptions
    out = []
    for a in adoptions:
        kept = [
            e
            for e in a.evidence
            if not (
                (a.unit, a.initiative, e.start) in studied
                and not (finder and finder.named_again(a.unit, a.initiative, e))
            )
            and not (finder and finder.clause_only(a, e))
            and not (finder and a.unit in visitors and finder.plan_after_visit(a, e))
        ]
        if len(kept) == len(a.evidence):
            out.append(a)
        elif kept:  # its date: the earliest the sentences left give
            a.evidence = kept
            dated = [(e.date, e.date_precision) for e in kept if e.date]
            first = min(dated, key=lambda d: date_key(*d)) if dated else (None, None)
            a.date, a.date_precision = first  # type: ignore[assignment]
            out.append(a)
    return out


def visits_json(
    ex: Extraction, initiatives: Sequence[Mapping[str, Any]] = ()
) -> list[dict[str, Any]]:
    """The visits of `ex` as `python -m ingest extract` prints them beside the annotation
    schema: each sentence as the source writes it, with its offsets in the source's text;
    each initiative studied named as the file's `initiatives` (`to_gold`'s) name it (the
    article's wording where the text never writes the graph's name)."""
    from ingest.extract import _cited

    named = {i["graph_name"]: i["name"] for i in initiatives if i.get("graph_name")}
    return [
        {
            "visitor": v.visitor,
            "host": v.host,
            "initiatives": list(dict.fromkeys(named.get(n, n) for n in v.initiatives)),
            "date": v.date,
            "date_precision": v.date_precision,
            "rule": v.rule,
            "confidence": v.confidence,
            "evidence": _cited(ex.document, v.evidence),
        }
        for v in ex.visits
    ]
