"""How likely each proposed adoption is to be right: named features for the learned model.

The hand-written rules of `ingest.extract` propose who adopted, piloted, promoted or was
awarded for which initiative. A logistic model learned from annotated court news
(`python -m benchmarks.learn_adoptions`, shipped as data/adoption_model.json and read by
`ingest.learned`) turns each proposal's features into the probability that the annotators
would agree, and `ingest.confidence.apply` keeps the proposals that reach the model's
threshold. The features are few and readable: the proposing rule and relation, where the
evidence sentence stands (lead, list item, heading), how far apart the court's and the
initiative's mentions are in it and which cue words (deploy verbs, award words, plans and
requirements, other bodies, visits) stand between or around them, the court's level and
whether it is the article's main court, how many courts and initiatives the sentence holds,
whether the initiative is a local brand or quoted and how often it is named.

Everything is computed once per document from the `Extraction` alone (mention spans come
from the evidence the extractor keeps), so it is cheap and needs no access to the rules.
`propose_pairs` proposes what no rule did (each court × initiative named in one sentence);
measured with `benchmarks.learn_adoptions --pairs`, it lowered F1, so extraction does not call
it.

Example:
    >>> from ingest.document import SourceDocument
    >>> from ingest.extract import extract_document
    >>> ex = extract_document(SourceDocument(path="a.txt", text="本溪市中级人民法院推行诉源治理。"))
    >>> f = features(ex)[0]
    >>> f["unit_in_sentence"], f["dist<=5"], f["cue_between:deploy"]
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.document import Adoption, Evidence, Extraction, Relation
from ingest.learned import LinearModel, load_model
from ingest.taxonomy import default_taxonomy

__all__ = [
    "ACTIVE",
    "CUES",
    "FEATURES",
    "PAIR_RULE",
    "features",
    "pair_features",
    "propose_pairs",
    "shipped",
]

#: cue words, by kind: looked for between the court's and the initiative's mentions and in
#: the rest of the sentence
CUES: dict[str, re.Pattern[str]] = {
    "deploy": re.compile(
        r"推行|推进|推动|开展|建立|建成|打造|探索|创新|实施|实行|试行|构建|设立|成立|上线|"
        r"启用|搭建|组建|首创|率先|落实|深化|完善|运用|引入|创建|健全"
    ),
    "award": re.compile(r"获评|入选|命名|荣获|获得|被评为|评为|授予|表彰|获批|确定为|列为"),
    "plan": re.compile(r"将|拟|要求|不得|应当|下一步|计划|力争|争取|必须|务必|鼓励|号召|部署"),
    "negation": re.compile(r"尚未|没有|未能|不再|未"),
    "body": re.compile(
        r"党委|政府|司法局|检察院|公安|人大|政法委|妇联|工会|律师|仲裁|街道|乡镇|社区|"
        r"住建|人社|市场监管|税务|银行|保险|协会|商会|委员会"
    ),
    "visit": re.compile(r"考察|调研|参观|观摩|学习|借鉴|交流|座谈|视察|来访|走访"),
    "speech": re.compile(r"指出|强调|表示|介绍|说|认为|希望"),
    "issue": re.compile(r"印发|出台|制定|发布|下发|通知|意见|办法|方案|规定"),
}
#: a numbered item or list line: 一是 / （一） / 1. / 一、 / 第一
_LIST = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+)"
)
_QUOTES = "“”\"'‘’「」《》"
#: a name that is only a kind of thing, a local instance of it: 工作机制, 沟通联络机制, 工作新思路
_GENERIC_KIND = re.compile(
    r"(?:工作|联络|沟通|通报|协作|联动|对接|运行|衔接)?(?:机制|模式|格局|思路|方案|体系)$"
)
#: a count inside a name (典型案例175个, 优秀庭审9场): a tally of honours, not an initiative
_COUNT = re.compile(r"\d+(?:个|场|项|件|篇|名|人)")
_LEVELS = ("supreme", "high", "intermediate", "basic", "tribunal", "special")


def _names() -> tuple[str, ...]:
    fixed = [
        "unit_in_sentence",
        "unit_in_line",
        "unit_far",
        "unit_before",
        "dist<=5",
        "dist<=15",
        "dist<=40",
        "dist>40",
        "other_court_between",
        "other_court_closer",
        "where=lead",
        "where=list",
        "where=heading",
        "where=body",
        "main_court",
        "only_court",
        "first_court",
        "unit_mentions=1",
        "unit_mentions=2-3",
        "unit_mentions=4+",
        "evidence=1",
        "evidence=2",
        "evidence=3+",
        "courts_in_sentence=0",
        "courts_in_sentence=1",
        "courts_in_sentence=2",
        "courts_in_sentence=3+",
        "inits_in_sentence=1",
        "inits_in_sentence=2",
        "inits_in_sentence=3+",
        "init_mentions=1",
        "init_mentions=2",
        "init_mentions=3+",
        "candidate",
        "quoted",
        "adopters_of_init=1",
        "adopters_of_init=2",
        "adopters_of_init=3+",
        "relations_of_pair=2+",
        "source=pair",
        "rule_prior",
        "name=document",
        "name=count",
        "name<=4",
        "name>=13",
        "name=generic-kind",
        "name=several-quotes",
        "tax_national",
        "init_in_lead",
        "init_first=early",
        "init_first=late",
        "enumerated",
    ]

    fixed += [f"level={x}" for x in (*_LEVELS, "none")]
    fixed += [f"cue_between:{k}" for k in CUES] + [f"cue_sentence:{k}" for k in CUES]
    fixed += [f"relation={r}" for r in ("adopted", "piloted", "promoted", "awarded")]
    return tuple(fixed)


#: every feature name the code computes, besides rule=… (one per rule of ingest.extract)
FEATURES: tuple[str, ...] = _names()


#: False: ignore any shipped model (the learner measures the rules alone with it)
ACTIVE = True


def shipped() -> LinearModel | None:
    """The shipped adoption model (data/adoption_model.json), or None: the rules decide."""
    return load_model("adoption") if ACTIVE else None


@dataclass
class _Doc:
    """What every proposal of one document is scored against, gathered once."""

    text: str
    court_spans: list[tuple[int, int, str]]  # every court mention, sorted by start
    starts: list[int]
    counts: Counter[str]
    levels: dict[str, str]
    main: str | None
    first: str | None
    init_spans: list[tuple[int, int, str]]
    init_starts: list[int]
    init_mentions: Counter[str]
    init_first: dict[str, int]
    candidates: set[str]
    lead_end: int

    @classmethod
    def of(cls, ex: Extraction) -> _Doc:
        text = ex.document.text or ""
        spans = sorted({(*_span(ev), c.name) for c in ex.courts for ev in c.evidence})
        counts = Counter(name for _, _, name in spans)
        ranked = counts.most_common(2)
        main = (
            ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        )
        inits = sorted({(*_span(ev), i.name) for i in ex.initiatives for ev in i.evidence})
        first_line = text.find("\n")
        lead_end = first_line if 0 < first_line < 400 else min(len(text), 200)
        return cls(
            text=text,
            court_spans=spans,
            starts=[s for s, _, _ in spans],
            counts=counts,
            levels={c.name: c.level for c in ex.courts},
            main=main,
            first=spans[0][2] if spans else None,
            init_spans=inits,
            init_starts=[s for s, _, _ in inits],
            init_mentions=Counter(name for _, _, name in inits),
            init_first={name: s for s, _, name in reversed(inits)},
            candidates={i.name for i in ex.initiatives if i.candidate},
            lead_end=lead_end,
        )

    def courts_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return self.court_spans[i:j]

    def inits_in(self, lo: int, hi: int) -> set[str]:
        i = bisect.bisect_left(self.init_starts, lo)
        j = bisect.bisect_left(self.init_starts, hi)
        return {name for _, _, name in self.init_spans[i:j]}


def _span(ev: Evidence) -> tuple[int, int]:
    """The quote's span in the document (the whole sentence when there is no quote)."""
    if ev.quote:
        i = ev.sentence.find(ev.quote)
        if i >= 0:
            return ev.start + i, ev.start + i + len(ev.quote)
    return ev.start, ev.end


def features(ex: Extraction) -> list[dict[str, float]]:
    """The named features of each of `ex.adoptions`, in order."""
    doc = _Doc.of(ex)
    adopters: dict[str, set[str]] = {}
    relations: Counter[tuple[str, str]] = Counter()
    for a in ex.adoptions:
        adopters.setdefault(a.initiative, set()).add(a.unit)
        relations[(a.unit, a.initiative)] += 1
    return [
        _features(
            doc,
            a,
            n_adopters=len(adopters[a.initiative]),
            n_relations=relations[(a.unit, a.initiative)],
        )
        for a in ex.adoptions
    ]


def pair_features(ex: Extraction, candidates: Sequence[Adoption]) -> list[dict[str, float]]:
    """The features of proposals no rule made (`source=pair`), against `ex` as it stands."""
    doc = _Doc.of(ex)
    adopters: dict[str, set[str]] = {}
    for a in (*ex.adoptions, *candidates):
        adopters.setdefault(a.initiative, set()).add(a.unit)
    out = []
    for a in candidates:
        f = _features(doc, a, n_adopters=len(adopters[a.initiative]), n_relations=1)
        f["source=pair"] = 1.0
        out.append(f)
    return out


#: an award clause right before the initiative: 获评 / 入选 / 被评为 / 荣获 …
_AWARD_BEFORE = re.compile(
    r"(?:获评|入选|荣获|获得|被评为|评为|被命名为|命名为|授予|获批)[^，,。；;]{0,12}$"
)
#: the rule a pair no rule proposed is kept under
PAIR_RULE = "adoption:learned"


def propose_pairs(ex: Extraction) -> list[Adoption]:
    """Candidate adoptions no rule proposed: every court named in a sentence with an initiative
    (the pair not proposed yet, in any relation), and the article's main court with each
    initiative no court adopts. Scored by the model with `source=pair` before being kept."""
    doc = _Doc.of(ex)
    have = {(a.unit, a.initiative) for a in ex.adoptions}
    adopted = {a.initiative for a in ex.adoptions}
    out: dict[tuple[str, str], Adoption] = {}
    for ref in ex.initiatives:
        for ev in ref.evidence:
            i0, _ = _span(ev)
            for _, _, court in doc.courts_in(ev.start, ev.end):
                key = (court, ref.name)
                if key in have:
                    continue
                a = out.get(key)
                if a is None:
                    a = out[key] = Adoption(
                        unit=court,
                        initiative=ref.name,
                        relation=_pair_relation(doc, court, ev, i0),
                        rule=PAIR_RULE,
                    )
                if ev not in a.evidence:
                    a.evidence.append(ev)
        if ref.name not in adopted and doc.main and (doc.main, ref.name) not in have:
            a = out.get((doc.main, ref.name))
            if a is None and ref.evidence:
                ev = ref.evidence[0]
                out[(doc.main, ref.name)] = Adoption(
                    unit=doc.main,
                    initiative=ref.name,
                    relation=_pair_relation(doc, doc.main, ev, _span(ev)[0]),
                    evidence=list(ref.evidence),
                    rule=PAIR_RULE,
                )
    return list(out.values())


def _pair_relation(doc: _Doc, court: str, ev: Evidence, i0: int) -> Relation:
    """The relation of a proposed pair: awarded after an award clause, promoted by a court
    above the city's, adopted otherwise."""
    if _AWARD_BEFORE.search(doc.text, ev.start, i0):
        return "awarded"
    if doc.levels.get(court) in ("supreme", "high"):
        return "promoted"
    return "adopted"


def _bucket(n: int, name: str, top: int) -> str:
    if n >= top:
        return f"{name}={top}+"
    return f"{name}={n}"


def _features(doc: _Doc, a: Adoption, *, n_adopters: int, n_relations: int) -> dict[str, float]:
    f: dict[str, float] = {}
    f[f"rule={a.rule or 'adoption:other'}"] = 1.0
    f[f"relation={a.relation}"] = 1.0
    f[f"level={doc.levels.get(a.unit, 'none')}"] = 1.0
    f["rule_prior"] = _rule_prior(a.rule or "adoption:other")
    name = a.initiative
    if name.startswith("《"):
        f["name=document"] = 1.0
    if _COUNT.search(name):
        f["name=count"] = 1.0
    plain = name.strip('“”"')
    if len(plain) <= 4:
        f["name<=4"] = 1.0
    elif len(plain) >= 13:
        f["name>=13"] = 1.0
    if a.initiative in doc.candidates and _GENERIC_KIND.search(plain) and len(plain) <= 8:
        f["name=generic-kind"] = 1.0
    if plain.count("“") + plain.count("”") >= 2:
        f["name=several-quotes"] = 1.0
    entry = default_taxonomy().by_name.get(name)
    if entry is not None and entry.origin:
        f["tax_national"] = 1.0
    # the evidence where the unit stands closest to the initiative
    best: tuple[int, Evidence, tuple[int, int], tuple[int, int, str] | None] | None = None
    for ev in a.evidence or []:
        i0, i1 = _span(ev)
        own = [c for c in doc.courts_in(ev.start, ev.end) if c[2] == a.unit]
        near = min(own, key=lambda c: _gap(c, i0, i1), default=None)
        dist = _gap(near, i0, i1) if near else 10**6
        if best is None or dist < best[0]:
            best = (dist, ev, (i0, i1), near)
    n_ev = len(a.evidence)
    f["evidence=1" if n_ev <= 1 else "evidence=2" if n_ev == 2 else "evidence=3+"] = 1.0
    n = doc.counts.get(a.unit, 0)
    f["unit_mentions=1" if n <= 1 else "unit_mentions=2-3" if n <= 3 else "unit_mentions=4+"] = 1.0
    if doc.main == a.unit:
        f["main_court"] = 1.0
    if len(doc.counts) == 1 and a.unit in doc.counts:
        f["only_court"] = 1.0
    if doc.first == a.unit:
        f["first_court"] = 1.0
    m = doc.init_mentions.get(a.initiative, 0)
    first = doc.init_first.get(a.initiative)
    if first is not None and doc.text:
        if first < doc.lead_end:
            f["init_in_lead"] = 1.0
        if first < 0.15 * len(doc.text):
            f["init_first=early"] = 1.0
        elif first > 0.6 * len(doc.text):
            f["init_first=late"] = 1.0
    f["init_mentions=1" if m <= 1 else "init_mentions=2" if m == 2 else "init_mentions=3+"] = 1.0
    if a.initiative in doc.candidates:
        f["candidate"] = 1.0
    f["adopters_of_init=1" if n_adopters <= 1 else _bucket(n_adopters, "adopters_of_init", 3)] = 1.0
    if n_relations > 1:
        f["relations_of_pair=2+"] = 1.0
    if best is None:
        return f
    dist, ev, (i0, i1), near = best
    text = doc.text
    if i0 > 0 and text[i0 - 1] in _QUOTES or text[i0 : i0 + 1] in _QUOTES:
        f["quoted"] = 1.0
    if text[i0 - 1 : i0] == "、" or text[i1 : i1 + 1] in ("、", "等"):
        f["enumerated"] = 1.0
    line_start = text.rfind("\n", 0, ev.start) + 1
    line_end = text.find("\n", ev.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if ev.start < doc.lead_end:
        f["where=lead"] = 1.0
    elif _LIST.match(line) or _LIST.match(ev.sentence):
        f["where=list"] = 1.0
    elif len(line) <= 30 and "。" not in line:
        f["where=heading"] = 1.0
    else:
        f["where=body"] = 1.0
    in_sentence = doc.courts_in(ev.start, ev.end)
    k = len({c[2] for c in in_sentence})
    f[_bucket(k, "courts_in_sentence", 3)] = 1.0
    f[_bucket(max(1, len(doc.inits_in(ev.start, ev.end))), "inits_in_sentence", 3)] = 1.0
    sentence_cues = ev.sentence
    if near is not None:
        f["unit_in_sentence"] = 1.0
        if near[1] <= i0:
            f["unit_before"] = 1.0
            lo, hi = near[1], i0
        else:
            lo, hi = i1, near[0]
        f[
            "dist<=5"
            if dist <= 5
            else "dist<=15"
            if dist <= 15
            else "dist<=40"
            if dist <= 40
            else "dist>40"
        ] = 1.0
        between = text[lo:hi]
        for kind, cue in CUES.items():
            if cue.search(between):
                f[f"cue_between:{kind}"] = 1.0
        others = [c for c in in_sentence if c[2] != a.unit]
        if any(lo <= c[0] < hi for c in others):
            f["other_court_between"] = 1.0
        if any(_gap(c, i0, i1) < dist for c in others):
            f["other_court_closer"] = 1.0
        sentence_cues = text[ev.start : min(lo, hi)] + text[max(lo, hi) : ev.end]
    elif doc.courts_in(line_start, line_end) and any(
        c[2] == a.unit for c in doc.courts_in(line_start, line_end)
    ):
        f["unit_in_line"] = 1.0
    else:
        f["unit_far"] = 1.0
    for kind, cue in CUES.items():
        if cue.search(sentence_cues):
            f[f"cue_sentence:{kind}"] = 1.0
    return f


def _rule_prior(rule: str) -> float:
    """The rule table's estimate of the rule's precision (ingest.confidence, fitted on sets
    annotated before this model): what earlier, larger samples say of the rule."""
    from ingest.confidence import confidence

    return confidence("adoption", rule)


def _gap(c: tuple[int, int, str], i0: int, i1: int) -> int:
    """Characters between a court mention and the initiative mention (0 when they touch)."""
    return max(0, i0 - c[1], c[0] - i1)
