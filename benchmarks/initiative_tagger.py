"""Research spike (issue #10): would a trained character tagger find the initiatives the rules miss?

A linear-chain CRF (python-crfsuite) tags every character of an article's normalized text
B/I/O for "inside a gold initiative mention". Its features are the character and its
neighbours, character bigrams and trigrams, and what the rules already know: whether
`ingest.initiatives.find_initiatives` marks the character (taxonomy match or proposed
candidate), quotation and title marks, mechanism head nouns (`MECHANISM_HEADS`), adoption
verbs (`ADOPTION_VERBS`), the court names the court resolver found, and how far the next head
noun / the last adoption verb is within the clause.

It is measured by leave-one-group-out cross-validation over the sets rules may be written
from (groups: shared = seeds + seen + develop, and each ``--extra`` set): trained on all groups
but one, tested on that one. Reported per held-out group:

- the tagger alone: exact mention spans (P/R) and initiatives matched the scorer's lenient way;
- the rules alone (`extract_document` -> `to_gold`, the shared scorer's matching);
- the union: the rules' initiatives plus every tagged span that overlaps none of them
  ("new"), scored the shared scorer's way, with how many rule-missed gold initiatives the new
  spans find and how many new spans match no gold initiative (per article), at several
  thresholds on the span's mean marginal probability;
- CPU cost of features + tagging per 1,000 characters.

    python -m benchmarks.initiative_tagger --extra AQ=/work/fresh/AQ --extra AR=/work/fresh/AR \
        --extra AS=/work/fresh/AS --extra AT=/work/fresh/AT [--json OUT] [--no-rule-features]

The shared ``heldout`` fold is never read. Needs ``python-crfsuite`` (a development tool,
not a runtime requirement).
"""

from __future__ import annotations

import argparse
import bisect
import json
import pickle
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import extraction as bx
from ingest.initiatives import ADOPTION_VERBS, MECHANISM_HEADS
from ingest.numbers import CLAUSE_PUNCT

SHARED = ("seeds", "seen", "develop")
THRESHOLDS = (0.0, 0.5, 0.7, 0.8, 0.9)

_HEAD = re.compile("(?:" + MECHANISM_HEADS + ")")
_VERB = re.compile("(?:" + ADOPTION_VERBS + ")")
_CLAUSE = frozenset(CLAUSE_PUNCT + "、")
_OPEN = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}


def _cls(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "A"
    if c in _CLAUSE:
        return "P"
    if c.isspace():
        return "S"
    return "X"


def _bucket(d: int | None) -> str:
    if d is None:
        return "-"
    if d <= 2:
        return str(d)
    if d <= 4:
        return "3"
    if d <= 8:
        return "5"
    if d <= 16:
        return "9"
    return "17"


def features(
    text: str,
    rule_spans: Sequence[tuple[int, int, bool]],
    court_spans: Sequence[tuple[int, int]],
    *,
    use_rules: bool = True,
) -> list[list[str]]:
    """One list of feature strings per character of `text`.

    `rule_spans` are (start, end, candidate) of the rules' initiative mentions, `court_spans`
    the court mentions' (start, end)."""
    n = len(text)
    rule = ["O"] * n
    if use_rules:
        for s, e, cand in rule_spans:
            k = "C" if cand else "T"
            for i in range(s, min(e, n)):
                rule[i] = k + ("B" if i == s else "I")
    court = ["O"] * n
    for s, e in court_spans:
        for i in range(s, min(e, n)):
            court[i] = "K"
    head = ["O"] * n
    head_starts = []
    for m in _HEAD.finditer(text):
        s, e = m.span()
        head_starts.append(s)
        for i in range(s, e):
            head[i] = "B" if i == s else ("E" if i == e - 1 else "I")
    verb = ["O"] * n
    verb_ends = []
    for m in _VERB.finditer(text):
        s, e = m.span()
        verb_ends.append(e)
        for i in range(s, e):
            verb[i] = "V"
    quote = ["O"] * n
    stack: list[str] = []
    for i, c in enumerate(text):
        if c in _OPEN:
            quote[i] = "o"
            stack.append(c)
        elif c in _CLOSE:
            quote[i] = "c"
            if stack and stack[-1] == _CLOSE[c]:
                stack.pop()
        elif c == "\n":
            stack.clear()
        elif stack:
            quote[i] = "S" if stack[-1] == "《" else "Q"
    # clause bounds: distance to the next head noun and from the last adoption verb
    clause_id = [0] * n
    cid = 0
    for i, c in enumerate(text):
        if c in _CLAUSE:
            cid += 1
        clause_id[i] = cid
    to_head: list[str] = []
    from_verb: list[str] = []
    for i in range(n):
        j = bisect.bisect_left(head_starts, i)
        d = None
        if j < len(head_starts) and clause_id[head_starts[j]] == clause_id[i]:
            d = head_starts[j] - i
        to_head.append(_bucket(d))
        j = bisect.bisect_right(verb_ends, i) - 1
        d = None
        if j >= 0 and verb_ends[j] <= i and clause_id[verb_ends[j] - 1] == clause_id[i]:
            d = i - verb_ends[j]
        from_verb.append(_bucket(d))
    pad = "^^" + text + "$$"
    rp = ["O", *rule, "O"]
    hp = ["O", *head, "O"]
    vp = ["O", *verb, "O"]
    out = []
    for i in range(n):
        c = text[i]
        p2, p1, n1, n2 = pad[i], pad[i + 1], pad[i + 3], pad[i + 4]
        r = rule[i]
        q = quote[i]
        h = head[i]
        out.append(
            [
                "c=" + c,
                "p1=" + p1,
                "n1=" + n1,
                "p2=" + p2,
                "n2=" + n2,
                "p1c=" + p1 + c,
                "cn1=" + c + n1,
                "p1cn1=" + p1 + c + n1,
                "p2p1=" + p2 + p1,
                "n1n2=" + n1 + n2,
                "cls=" + _cls(c),
                "r=" + r,
                "rp=" + rp[i],
                "rn=" + rp[i + 2],
                "q=" + q,
                "h=" + h,
                "hn=" + hp[i + 2],
                "hp=" + hp[i],
                "v=" + verb[i],
                "vp=" + vp[i],
                "k=" + court[i],
                "dh=" + to_head[i],
                "dv=" + from_verb[i],
                "rq=" + r + q,
                "qh=" + q + to_head[i],
                "vh=" + from_verb[i] + to_head[i],
            ]
        )
    return out


def labels(n: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    y = ["O"] * n
    for s, e in spans:
        for i in range(s, e):
            y[i] = "B" if i == s else "I"
    return y


def decode(tags: Sequence[str], probs: Sequence[float]) -> list[tuple[int, int, float]]:
    """(start, end, mean marginal) of each B I* run (an I after O opens a span too)."""
    spans = []
    s = None
    for i, t in enumerate([*tags, "O"]):
        if s is not None and t != "I":
            spans.append((s, i, sum(probs[s:i]) / (i - s)))
            s = None
        if t == "B" or (t == "I" and s is None):
            s = i
    return spans


# ------------------------------------------------------------------------------------------
# data


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def load_doc(path: Path, gold_path: Path, work: Path) -> dict[str, Any]:
    from ingest.extract import default_court_resolver, extract_document, to_gold
    from ingest.initiatives import find_initiatives
    from ingest.readers import read_document

    copy = work / path.name
    shutil.copyfile(path, copy)
    doc = read_document(copy)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text, orig, offs = doc.text, doc.original or doc.text, doc.offsets
    spans = []
    unmapped = 0
    for g in gold.get("initiatives", []):
        for m in g.get("mentions") or []:
            if not m:
                continue
            found = False
            at = orig.find(m)
            while at >= 0:
                if offs:
                    a = bisect.bisect_left(offs, at)
                    b = bisect.bisect_left(offs, at + len(m))
                else:
                    a, b = at, at + len(m)
                if a < b <= len(text):
                    spans.append((a, b))
                    found = True
                at = orig.find(m, at + 1)
            unmapped += not found
    ex = extract_document(doc)
    pred = to_gold(ex)
    resolver = default_court_resolver()
    courts = [(m.start, m.end) for m in resolver(doc).mentions] if resolver else []
    rules = [(m.start, m.end, m.candidate) for m in find_initiatives(text)]
    return {
        "id": path.stem,
        "text": text,
        "original": doc.original,
        "offsets": doc.offsets,
        "gold_spans": _merge(spans),
        "unmapped": unmapped,
        "gold_inits": gold.get("initiatives", []),
        "pred_inits": [{"name": p["name"], "mentions": p["mentions"]} for p in pred["initiatives"]],
        "rule_spans": rules,
        "court_spans": courts,
    }


def load_groups(extras: dict[str, Path], cache: Path | None) -> dict[str, list[dict[str, Any]]]:
    if cache and cache.exists():
        data: dict[str, list[dict[str, Any]]] = pickle.loads(cache.read_bytes())
        return data
    corpus = bx.default_corpus()
    bx.EXTRA.update(extras)
    groups: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shared = []
        for s in SHARED:
            files, gold = bx.paths(corpus, s)
            shared += [load_doc(f, gold / f"{f.stem}.json", work) for f in files]
        groups["shared"] = shared
        for name in extras:
            files, gold = bx.paths(corpus, name)
            groups[name] = [load_doc(f, gold / f"{f.stem}.json", work) for f in files]
    if cache:
        cache.write_bytes(pickle.dumps(groups))
    return groups


# ------------------------------------------------------------------------------------------
# training and measuring


def train(
    docs: Sequence[dict[str, Any]], model: Path, *, use_rules: bool, c1: float, c2: float
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for d in docs:
        x = features(d["text"], d["rule_spans"], d["court_spans"], use_rules=use_rules)
        trainer.append(x, labels(len(d["text"]), d["gold_spans"]))
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": 150, "feature.possible_transitions": True}
    )
    trainer.train(str(model))


def tag(tagger: Any, d: dict[str, Any], *, use_rules: bool) -> list[tuple[int, int, float]]:
    x = features(d["text"], d["rule_spans"], d["court_spans"], use_rules=use_rules)
    tagger.set(x)
    tags = tagger.tag()
    probs = [tagger.marginal(t, i) for i, t in enumerate(tags)]
    return decode(tags, probs)


def surface(d: dict[str, Any], s: int, e: int) -> str:
    offs = d["offsets"]
    if not offs or not d["original"]:
        return str(d["text"][s:e])
    return str(d["original"][offs[s] : offs[e - 1] + 1])


_HEAD_END = re.compile("(?:" + MECHANISM_HEADS + ")[”’」』》]*$")


def measure(
    scorer: Any,
    docs: Sequence[dict[str, Any]],
    tagged: Sequence[list[tuple[int, int, float]]],
    *,
    head_filter: bool = False,
) -> dict[str, Any]:
    def same(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return any(scorer.overlap(a, b) for a in scorer.surface(g) for b in scorer.surface(p))

    exact = {"tp": 0, "gold": 0, "pred": 0}
    alone = {"tp": 0, "gold": 0, "pred": 0}
    rules = {"tp": 0, "gold": 0, "pred": 0}
    per_t: dict[float, dict[str, Any]] = {
        t: {"tp": 0, "pred": 0, "new": 0, "found_missed": 0, "false_new": 0, "examples": []}
        for t in THRESHOLDS
    }
    missed_total = 0
    for d, spans in zip(docs, tagged, strict=True):
        g_spans = set(d["gold_spans"])
        exact["gold"] += len(g_spans)
        exact["pred"] += len(spans)
        exact["tp"] += sum((s, e) in g_spans for s, e, _ in spans)
        g_init = scorer.unique(d["gold_inits"], lambda i: i["name"])
        p_rules = scorer.unique(d["pred_inits"], lambda i: i.get("name"))
        tag_preds = scorer.unique(
            [
                {"name": surface(d, s, e), "mentions": [], "p": p}
                for s, e, p in spans
                if e - s >= 2 and not (head_filter and not _HEAD_END.search(d["text"][s:e]))
            ],
            lambda i: i.get("name"),
        )
        alone["gold"] += len(g_init)
        alone["pred"] += len(tag_preds)
        alone["tp"] += len(scorer.match_sets(g_init, tag_preds, same))
        r_pairs = scorer.match_sets(g_init, p_rules, same)
        rules["gold"] += len(g_init)
        rules["pred"] += len(p_rules)
        rules["tp"] += len(r_pairs)
        hit = {id(g) for g, _ in r_pairs}
        missed = [g for g in g_init if id(g) not in hit]
        missed_total += len(missed)
        for t in THRESHOLDS:
            new = [p for p in tag_preds if p["p"] >= t and not any(same(r, p) for r in p_rules)]
            u = per_t[t]
            u_pairs = scorer.match_sets(g_init, p_rules + new, same)
            u["tp"] += len(u_pairs)
            u["pred"] += len(p_rules) + len(new)
            u["new"] += len(new)
            u["found_missed"] += len(scorer.match_sets(missed, new, same))
            for p in new:
                if not any(same(g, p) for g in g_init):
                    u["false_new"] += 1
                    if t == 0.0 and len(u["examples"]) < 40:
                        u["examples"].append(d["id"] + ":" + p["name"])
                elif t == 0.0 and any(same(g, p) for g in missed):
                    u.setdefault("found_examples", []).append(d["id"] + ":" + p["name"])

    def prf(tp: int, gold: int, pred: int) -> dict[str, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return {
            "P": round(p, 3),
            "R": round(r, 3),
            "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        }

    n = len(docs)
    union = {}
    for t, u in per_t.items():
        union[str(t)] = {
            **prf(u["tp"], rules["gold"], u["pred"]),
            "new": u["new"],
            "new_per_article": round(u["new"] / n, 2),
            "found_missed": u["found_missed"],
            "false_new": u["false_new"],
            "false_new_per_article": round(u["false_new"] / n, 2),
            "false_examples": u["examples"],
            "found_examples": u.get("found_examples", []),
        }
    return {
        "articles": n,
        "gold_initiatives": rules["gold"],
        "rules": {**prf(rules["tp"], rules["gold"], rules["pred"]), **rules},
        "rules_missed": missed_total,
        "tagger_exact_spans": {**prf(exact["tp"], exact["gold"], exact["pred"]), **exact},
        "tagger_initiatives": {**prf(alone["tp"], alone["gold"], alone["pred"]), **alone},
        "union": union,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", action="append", default=[], metavar="NAME=DIR")
    ap.add_argument("--cache", type=Path, help="pickle of the loaded articles (made if missing)")
    ap.add_argument("--json", type=Path, help="write the report here")
    ap.add_argument("--no-rule-features", action="store_true")
    ap.add_argument(
        "--head-filter", action="store_true", help="keep tagged spans ending in a mechanism head"
    )
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--only", action="append", default=[], help="held-out group(s) to run")
    ap.add_argument(
        "--examples",
        action="store_true",
        help="list the new spans (found and false) in the JSON: words of the articles, keep it "
        "out of the repository",
    )
    ap.add_argument(
        "--train-fraction",
        type=float,
        default=1.0,
        help="train on every n-th article (a learning curve)",
    )
    args = ap.parse_args(argv)
    try:
        import pycrfsuite
    except ImportError:
        raise SystemExit(
            "Error: this spike needs python-crfsuite (pip install python-crfsuite); "
            "it is no requirement of courtgraph"
        ) from None

    extras = {}
    for e in args.extra:
        name, _, folder = e.partition("=")
        extras[name] = Path(folder)
    groups = load_groups(extras, args.cache)
    scorer = bx.load_scorer(bx.default_corpus())
    use_rules = not args.no_rule_features
    report: dict[str, Any] = {
        "groups": {},
        "use_rule_features": use_rules,
        "head_filter": args.head_filter,
        "c1": args.c1,
        "c2": args.c2,
        "train_fraction": args.train_fraction,
    }
    unmapped = sum(d["unmapped"] for g in groups.values() for d in g)
    report["unmapped_gold_mentions"] = unmapped
    cpu_chars = 0
    cpu_feat = cpu_tag = cpu_marg = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for held in groups:
            if args.only and held not in args.only:
                continue
            train_docs = [d for g, docs in groups.items() if g != held for d in docs]
            if args.train_fraction < 1.0:
                step = 1 / args.train_fraction
                train_docs = [train_docs[int(i * step)] for i in range(int(len(train_docs) / step))]
            model = Path(tmp) / f"{held}.crfsuite"
            t0 = time.process_time()
            train(train_docs, model, use_rules=use_rules, c1=args.c1, c2=args.c2)
            train_cpu = time.process_time() - t0
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model))
            tagged = []
            for d in groups[held]:
                t0 = time.process_time()
                x = features(d["text"], d["rule_spans"], d["court_spans"], use_rules=use_rules)
                t1 = time.process_time()
                tagger.set(x)
                tags = tagger.tag()
                t2 = time.process_time()
                probs = [tagger.marginal(t, i) for i, t in enumerate(tags)]
                t3 = time.process_time()
                tagged.append(decode(tags, probs))
                cpu_feat += t1 - t0
                cpu_tag += t2 - t1
                cpu_marg += t3 - t2
                cpu_chars += len(d["text"])
            res = measure(scorer, groups[held], tagged, head_filter=args.head_filter)
            res["train_cpu_s"] = round(train_cpu, 1)
            res["model_bytes"] = model.stat().st_size
            if not args.examples:
                for u in res["union"].values():
                    u.pop("false_examples", None)
                    u.pop("found_examples", None)
            report["groups"][held] = res
            u0 = res["union"]["0.0"]
            print(
                f"{held:7} n={res['articles']:3} gold={res['gold_initiatives']:4} "
                f"rules P/R {res['rules']['P']:.3f}/{res['rules']['R']:.3f} "
                f"tagger P/R {res['tagger_initiatives']['P']:.3f}/{res['tagger_initiatives']['R']:.3f} "
                f"exact {res['tagger_exact_spans']['P']:.3f}/{res['tagger_exact_spans']['R']:.3f} | "
                f"union P/R {u0['P']:.3f}/{u0['R']:.3f} missed={res['rules_missed']} "
                f"found={u0['found_missed']} false_new/art={u0['false_new_per_article']}",
                flush=True,
            )
    report["cpu_ms_per_1000_chars"] = {
        "features": round(1000 * 1000 * cpu_feat / max(cpu_chars, 1), 3),
        "tagging": round(1000 * 1000 * cpu_tag / max(cpu_chars, 1), 3),
        "marginals": round(1000 * 1000 * cpu_marg / max(cpu_chars, 1), 3),
    }
    print(json.dumps(report["cpu_ms_per_1000_chars"]))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
