"""Extraction quality on the shared corpus, measured the honest way.

The annotated articles of ``../shared/corpus`` are split into sets (``benchmarks/folds.json``):
``seeds`` and ``seen`` were read by earlier sessions, ``develop`` is what rules are written
from now, ``heldout`` is not looked at until a session's final measurement. Every article is
copied without its ``.meta.json`` sidecar, so dates come from the text alone, extracted in
this process and scored with the shared scorer (``shared/eval/score.py``).

    python -m benchmarks.extraction                      # every set, one row each
    python -m benchmarks.extraction --set develop --errors   # what went wrong, per article
    python -m benchmarks.extraction --calibration        # precision by confidence band
    python -m benchmarks.extraction --fit-confidence     # rule precision -> data/confidence.json

``--errors`` refuses the held-out set unless ``--show-heldout`` is given: reading those errors
turns the set into a development set (move its ids in folds.json when that happens).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FOLDS = Path(__file__).with_name("folds.json")
KINDS = (
    "courts",
    "initiatives",
    "adoptions",
    "adoptions_typed",
    "people",
    "outcomes",
    "outcome_links",
)
SETS = ("seeds", "seen", "develop", "heldout")
#: what each named set is made of
GROUPS = {
    "train": ("seeds", "seen", "develop"),
    "dev": ("seen", "develop", "heldout"),
    "all": SETS,
}
BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01))
#: the kinds of fact a confidence table measures
FACT_KINDS = ("adoption", "person", "outcome", "link")


def default_corpus() -> Path:
    return ROOT.parent / "shared" / "corpus"


def load_scorer(corpus: Path) -> ModuleType:
    path = corpus.parent / "eval" / "score.py"
    if not path.exists():
        raise SystemExit(f"Error: the shared scorer is not at {path}")
    spec = importlib.util.spec_from_file_location("courtgraph_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folds() -> dict[str, list[str]]:
    data = json.loads(FOLDS.read_text(encoding="utf-8"))
    return {k: list(data[k]) for k in SETS}


def members(name: str) -> list[str]:
    return list(GROUPS.get(name, (name,)))


#: further annotated sets outside the shared corpus (``--extra NAME=DIR``): name -> folder
#: holding ``articles/*.txt`` and ``gold/*.json`` of the same stems
EXTRA: dict[str, Path] = {}


def paths(corpus: Path, set_name: str) -> tuple[list[Path], Path]:
    """The article files and the gold folder of one of SETS (or of an `EXTRA` set)."""
    if set_name in EXTRA:
        root = EXTRA[set_name]
        gold = root / "gold"
        files = sorted(
            f for f in (root / "articles").glob("*.txt") if (gold / f"{f.stem}.json").exists()
        )
        return files, gold
    ids = folds()[set_name]
    if set_name == "seeds":
        return [corpus / "seeds" / f"{i}.txt" for i in ids], corpus / "gold"
    return [corpus / "dev" / "articles" / f"{i}.txt" for i in ids], corpus / "dev" / "gold"


def extract(files: Sequence[Path], workdir: Path) -> list[dict[str, Any]]:
    """Extract each file from a copy without its sidecar (dates from the text alone)."""
    from ingest.extract import extract_document, to_gold
    from ingest.readers import read_document

    out = []
    for f in files:
        copy = workdir / f.name
        shutil.copyfile(f, copy)
        obj = to_gold(extract_document(read_document(copy)))
        obj["path"] = str(f)
        out.append(obj)
    return out


def score_set(
    scorer: ModuleType, preds: list[dict[str, Any]], gold_dir: Path, workdir: Path, tag: str
) -> dict[str, Any]:
    """The shared scorer's report on `preds` against the gold files they name."""
    subset = workdir / f"gold-{tag}"
    subset.mkdir(exist_ok=True)
    for p in preds:
        stem = Path(p["path"]).stem
        shutil.copyfile(gold_dir / f"{stem}.json", subset / f"{stem}.json")
    pred_file = workdir / f"pred-{tag}.jsonl"
    pred_file.write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
    )
    report: dict[str, Any] = scorer.score(str(subset), str(pred_file))
    return report


def date_printed(text: str, date: str) -> bool:
    """Whether the publication date `date` (``YYYY-MM-DD`` or ``YYYY-MM``) is printed in
    `text` with its year, in any of the usual forms (2023-05-09, 2023年5月9日, 2023/05/09,
    2023.5.9, 20230509; spaces and full-width digits allowed).

    Annotators take the date from the page or its address, which the saved text often lacks,
    so an extractor that reads the text alone cannot reach those; this tells them apart.

    >>> date_printed("发布时间：2023年05月09日 来源", "2023-05-09")
    True
    >>> date_printed("本院于2023年召开会议", "2023-05-09")
    False
    >>> date_printed("２０２３－５－９", "2023-05-09")
    True
    """
    import unicodedata

    plain = unicodedata.normalize("NFKC", text)
    parts = date.split("-")
    if len(parts) < 2 or not all(x.isdigit() for x in parts):
        return False
    y, m = parts[0], int(parts[1])
    sep = r"\s*[年\-/.]\s*"
    if len(parts) == 2:
        pattern = rf"{y}{sep}0?{m}(?!\d)"
    else:
        d = int(parts[2])
        pattern = rf"{y}{sep}0?{m}\s*[月\-/.]\s*0?{d}(?!\d)|{y}{m:02d}{d:02d}(?!\d)"
    return re.search(pattern, plain) is not None


def printed_dates(preds: Sequence[dict[str, Any]], gold_dir: Path) -> dict[str, int]:
    """Dated gold articles, how many print their date in the text, and how many dates the
    extractor got right among those printed and among those not printed (scorer's rule)."""
    out = {"dated": 0, "printed": 0, "printed_right": 0, "unprinted_right": 0}
    for p in preds:
        gold = json.loads((gold_dir / f"{Path(p['path']).stem}.json").read_text("utf-8"))
        g, got = gold.get("date"), str(p.get("date") or "")
        if not g:
            continue
        right = bool(got) and (
            got == g or got.startswith(g) or (len(g) == 7 and g.startswith(got[:7]))
        )
        printed = date_printed(Path(p["path"]).read_text("utf-8"), g)
        out["dated"] += 1
        out["printed"] += printed
        out["printed_right" if printed else "unprinted_right"] += right
    return out


# ------------------------------------------------------------------------------------------
# Per-fact judgements (for calibration and error lists), with the scorer's own matching


def outcome_pairs(
    scorer: ModuleType, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Gold and predicted outcomes matched one to one, as the shared scorer matches them."""

    def same_out(g: dict[str, Any], p: dict[str, Any]) -> bool:
        gv, gu = scorer.quantity(g.get("value"), g.get("unit_of_measure"))
        pv, pu = scorer.quantity(p.get("value"), p.get("unit_of_measure"))
        if gv is None or pv is None or abs(gv - pv) > 1e-6 * max(1.0, abs(gv)):
            return False
        return gu == pu and (scorer.overlap(g.get("text"), p.get("text"), 1) or not p.get("text"))

    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = scorer.match_sets(gold, pred, same_out)
    return pairs


def judge(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> list[dict[str, Any]]:
    """Every adoption, person, outcome and outcome link of `pred`, marked right or wrong
    against `gold` (links only where the gold annotates them)."""
    core = scorer.court_core
    g_init = scorer.unique(gold.get("initiatives", []), lambda i: i["name"])

    def same_init(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return any(scorer.overlap(a, b) for a in scorer.surface(g) for b in scorer.surface(p))

    def gold_name(p: dict[str, Any]) -> str:
        g = next((g for g in g_init if g["name"] == p.get("name")), None) or next(
            (g for g in g_init if same_init(g, p)), None
        )
        return g["name"] if g else "PRED:" + (p.get("name") or "")

    g_typed = {
        (core(a), i["name"], i.get("relation") or "adopted")
        for i in gold.get("initiatives", [])
        for a in i.get("adopters", [])
        if not a.startswith("AGG:")
    }
    g_edges = {e[:2] for e in g_typed}
    facts: list[dict[str, Any]] = []
    for p in pred.get("initiatives", []):
        key = gold_name(p)
        conf = p.get("confidence") or {}
        rules = p.get("rule") or {}
        for a in p.get("adopters", []):
            if a.startswith("AGG:"):
                continue
            facts.append(
                {
                    "kind": "adoption",
                    "fact": f"{a} · {p.get('relation')} · {p.get('name')}",
                    "rule": rules.get(a) or "adoption:other",
                    "confidence": conf.get(a),
                    "right": (core(a), key) in g_edges,
                    "typed": (core(a), key, p.get("relation") or "adopted") in g_typed,
                }
            )
    g_people = {x["name"] for x in gold.get("people", [])}
    for p in scorer.unique(pred.get("people", []), lambda x: x.get("name")):
        facts.append(
            {
                "kind": "person",
                "fact": f"{p.get('name')} {'/'.join(p.get('roles') or [])} @ {p.get('unit')}",
                "rule": p.get("rule") or "person:other",
                "confidence": p.get("confidence"),
                "right": p.get("name") in g_people,
            }
        )
    g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])

    pairs = outcome_pairs(scorer, g_out, p_out)
    matched = {id(p) for _, p in pairs}
    if any("initiative" in g for g in g_out):  # the gold annotates outcome links
        gold_of = {id(p): g for g, p in pairs}
        for p in p_out:
            if not p.get("initiative"):
                continue
            g = gold_of.get(id(p))
            right = False
            if g is not None and g.get("initiative"):
                gi = next(
                    (i for i in g_init if i["name"] == g["initiative"]),
                    {"name": g["initiative"], "mentions": []},
                )
                right = same_init(gi, {"name": p["initiative"], "mentions": []})
            facts.append(
                {
                    "kind": "link",
                    "fact": f"{p.get('metric')} {p.get('value')}{p.get('unit_of_measure')} "
                    f"→ {p['initiative']} ({p.get('text')})",
                    "rule": p.get("link_rule") or "link:other",
                    "confidence": p.get("link_confidence"),
                    "right": right,
                }
            )
    for p in p_out:
        facts.append(
            {
                "kind": "outcome",
                "fact": f"{p.get('metric')} {p.get('value')}{p.get('unit_of_measure')} "
                f"→ {p.get('initiative')} ({p.get('text')})",
                "rule": p.get("rule") or "outcome:other",
                "confidence": p.get("confidence"),
                "right": id(p) in matched,
            }
        )
    return facts


def missed(scorer: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    """Gold adoptions, people and outcomes the prediction lacks (for --errors)."""
    core = scorer.court_core
    p_init = pred.get("initiatives", [])
    out = []
    for i in gold.get("initiatives", []):
        for a in i.get("adopters", []):
            if a.startswith("AGG:"):
                continue
            hit = any(
                core(a) == core(b)
                and any(scorer.overlap(x, y) for x in scorer.surface(i) for y in scorer.surface(p))
                for p in p_init
                for b in p.get("adopters", [])
            )
            if not hit:
                out.append(f"adoption  {a} · {i.get('relation')} · {i['name']}")
    names = {p.get("name") for p in pred.get("people", [])}
    out += [
        f"person    {p['name']} {'/'.join(p.get('roles') or [])} @ {p.get('unit')}"
        for p in gold.get("people", [])
        if p["name"] not in names
    ]
    g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])

    pairs = outcome_pairs(scorer, g_out, p_out)
    found = {id(g) for g, _ in pairs}
    for g in g_out:
        if id(g) not in found:
            out.append(
                f"outcome   {g.get('metric')} {g.get('value')}{g.get('unit_of_measure')} "
                f"→ {g.get('initiative')} ({g.get('text')})"
            )
    for g, p in pairs:
        if (g.get("initiative") or None) != (p.get("initiative") or None):
            out.append(
                f"link      {g.get('metric')} {g.get('value')}{g.get('unit_of_measure')}: "
                f"gold → {g.get('initiative')}, got → {p.get('initiative')}"
            )
    return out


def calibration(facts: Iterable[dict[str, Any]]) -> list[tuple[str, str, int, float | None]]:
    """(kind, band, facts, share right) for each kind and confidence band."""
    rows = []
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        by_kind[f["kind"]].append(f)
    for kind in FACT_KINDS:
        for lo, hi in BANDS:
            band = [f for f in by_kind[kind] if lo <= (f["confidence"] or 0.0) < hi]
            share = sum(f["right"] for f in band) / len(band) if band else None
            rows.append((kind, f"{lo:.1f}–{min(hi, 1.0):.1f}", len(band), share))
    return rows


def precision(facts: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Share of right facts per kind."""
    n: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in facts:
        n[f["kind"]][0] += int(bool(f["right"]))
        n[f["kind"]][1] += 1
    return {k: tp / total for k, (tp, total) in n.items() if total}


def discount(train: list[dict[str, Any]], unseen: list[dict[str, Any]]) -> dict[str, float]:
    """Per kind, precision on unseen articles over precision on the train articles (≤ 1)."""
    p_train, p_unseen = precision(train), precision(unseen)
    return {
        k: round(min(1.0, p_unseen[k] / p_train[k]), 3)
        for k in p_train
        if k in p_unseen and p_train[k]
    }


def rescore(
    facts: list[dict[str, Any]],
    table: dict[str, Any],
    disc: dict[str, float],
    unseen: dict[str, Any] | None = None,
) -> None:
    """Set each fact's confidence from its rule with `table`, `disc` and the rules' counts on
    unseen articles (in place)."""
    from ingest.confidence import confidence

    for f in facts:
        f["confidence"] = confidence(f["kind"], f["rule"], table, disc, unseen or {})


def cv_calibration(
    train: list[dict[str, Any]], unseen: list[dict[str, Any]]
) -> list[tuple[str, str, int, float | None]]:
    """Two folds over the unseen articles: the discount and the rules' unseen counts fitted on
    one half, bands scored on the other; the rule table always from `train`."""
    table = fit(train)
    docs = sorted({(f.get("set"), f["doc"]) for f in unseen})  # stems repeat across sets
    halves = [set(docs[0::2]), set(docs[1::2])]
    scored: list[dict[str, Any]] = []
    for k in (0, 1):
        fit_half = [f for f in unseen if (f.get("set"), f["doc"]) in halves[1 - k]]
        test_half = [dict(f) for f in unseen if (f.get("set"), f["doc"]) in halves[k]]
        rescore(test_half, table, discount(train, fit_half), fit(fit_half))
        scored += test_half
    return calibration(scored)


def add_rules(
    table: dict[str, Any],
    fitted: list[dict[str, Any]],
    unseen: list[dict[str, Any]],
    sets: Sequence[str],
    discount_sets: Sequence[str],
    kinds: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """Add to a fitted `table` (the JSON of data/confidence.json, in place) the rules it has
    no record of: their counts on `fitted` and, where they have some, on `unseen`. Every rule
    the table knows, its kind's prior (`*`) and the discount stay as they were fitted: a rule
    written after the fit gets its own record instead of the unknown rule's default, and the
    records that held on the sets nobody wrote from are not refitted on fewer unseen articles.
    Only rules of `kinds` are added (every kind when None). Returns the rules added, per kind
    (also kept in the table's `added`)."""
    new, held = fit(fitted), fit(unseen)
    added: dict[str, list[str]] = {}
    for kind, rules in new.items():
        if kinds is not None and kind not in kinds:
            continue
        known = table.setdefault("rules", {}).setdefault(kind, {})
        for rule, stats in rules.items():
            if rule == "*" or rule in known:
                continue
            known[rule] = stats
            if rule in held.get(kind, {}):
                table.setdefault("unseen", {}).setdefault(kind, {})[rule] = held[kind][rule]
            added.setdefault(kind, []).append(rule)
    for kind in added:
        added[kind].sort()
    table.setdefault("added", []).append(
        {
            "sets": list(sets),
            "discount_sets": list(discount_sets),
            "kinds": sorted(kinds) if kinds is not None else None,
            "rules": added,
        }
    )
    return added


def fit(facts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Rule precision per kind: {kind: {rule: {n, tp}, '*': {n, tp}}}."""
    table: dict[str, dict[str, dict[str, int]]] = {}
    for f in facts:
        rules = table.setdefault(f["kind"], {})
        for key in (f["rule"], "*"):
            stats = rules.setdefault(key, {"n": 0, "tp": 0})
            stats["n"] += 1
            stats["tp"] += int(bool(f["right"]))
    return table


# ------------------------------------------------------------------------------------------


def run(corpus: Path, set_names: Sequence[str]) -> dict[str, Any]:
    """Extract and score each set; returns reports and predictions by set."""
    scorer = load_scorer(corpus)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="courtgraph-eval-") as tmp:
        work = Path(tmp)
        for name in set_names:
            files, gold_dir = paths(corpus, name)
            (work / name).mkdir()
            preds = extract(files, work / name)
            report = score_set(scorer, preds, gold_dir, work, name)
            report["dates_printed"] = printed_dates(preds, gold_dir)
            facts = []
            for p in preds:
                gold = json.loads((gold_dir / f"{Path(p['path']).stem}.json").read_text("utf-8"))
                for f in judge(scorer, gold, p):
                    f["doc"] = Path(p["path"]).stem
                    f["set"] = name
                    facts.append(f)
            results[name] = {"report": report, "preds": preds, "facts": facts, "gold": gold_dir}
    return results


def row(name: str, n: int, report: dict[str, Any]) -> str:
    cells = [f"{report[k]['f1']:.2f}" if report[k]["gold"] else "–" for k in KINDS]
    date = report.get("date_accuracy")
    cells.append(f"{date:.2f}" if date is not None else "–")
    printed = report.get("dates_printed")
    if printed and printed["printed"]:
        cells.append(
            f"{printed['printed_right'] / printed['printed']:.2f} "
            f"({printed['printed']}/{printed['dated']})"
        )
    else:
        cells.append("–")
    return f"| {name} ({n}) | " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument(
        "--set",
        action="append",
        choices=(*SETS, *GROUPS),
        help="which articles (repeatable; default: each set and the train group)",
    )
    ap.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="score a further annotated set too: DIR holds articles/*.txt and gold/*.json",
    )
    ap.add_argument("--errors", action="store_true", help="list wrong and missed facts")
    ap.add_argument("--show-heldout", action="store_true", help="allow --errors on heldout")
    ap.add_argument("--calibration", action="store_true", help="precision by confidence band")
    ap.add_argument(
        "--fit-confidence",
        action="store_true",
        help="write data/confidence.json: rule precision from the train sets, the discount "
        "from the held-out set",
    )
    ap.add_argument(
        "--fit-sets",
        default="train",
        metavar="A,B",
        help="with --fit-confidence: the sets rule precision is fitted on (default: train)",
    )
    ap.add_argument(
        "--discount-sets",
        default="heldout",
        metavar="A,B",
        help="with --fit-confidence: the unseen sets the per-kind discount is fitted on "
        "(default: heldout); keep a further set out of both to check the calibration on",
    )
    ap.add_argument(
        "--cv-calibration",
        action="store_true",
        help="precision by confidence band on the --discount-sets articles, the rule table "
        "from --fit-sets and the discount fitted on the other half of the articles (two-fold)",
    )
    ap.add_argument(
        "--add-rules",
        metavar="KIND,KIND",
        help="with --fit-confidence: keep data/confidence.json's records, prior and discount "
        "and add only the rules of these kinds (adoption, person, outcome, link) it lacks, "
        "counted on --fit-sets (their unseen counts on --discount-sets)",
    )
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = ap.parse_args(argv)
    if args.add_rules and not args.fit_confidence:
        print("Error: --add-rules goes with --fit-confidence", file=sys.stderr)
        return 1
    unknown = {k for k in (args.add_rules or "").split(",") if k} - set(FACT_KINDS)
    if unknown:
        print(f"Error: --add-rules wants kinds of {', '.join(FACT_KINDS)}", file=sys.stderr)
        return 1
    if not (args.corpus / "seeds").is_dir():
        print(f"Error: no annotated corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 1
    for spec in args.extra:
        name, sep, folder = spec.partition("=")
        if not sep or not name or name in (*SETS, *GROUPS) or not Path(folder).is_dir():
            print(
                f"Error: --extra wants NAME=DIR with a new name and a folder: {spec}",
                file=sys.stderr,
            )
            return 1
        EXTRA[name] = Path(folder)
    chosen = args.set or ([] if EXTRA else ["seeds", "seen", "develop", "heldout"])
    chosen = [*chosen, *EXTRA]
    names = list(dict.fromkeys(s for c in chosen for s in members(c)))
    fit_sets = [m for c in args.fit_sets.split(",") if c for m in members(c)]
    discount_sets = [m for c in args.discount_sets.split(",") if c for m in members(c)]
    for name in (*fit_sets, *discount_sets):
        if name not in (*SETS, *EXTRA):
            print(f"Error: no set named {name!r}", file=sys.stderr)
            return 1
    if set(fit_sets) & set(discount_sets):
        print("Error: --fit-sets and --discount-sets must not share a set", file=sys.stderr)
        return 1
    if args.fit_confidence:
        names = list(dict.fromkeys([*names, *fit_sets, *discount_sets]))
    if args.cv_calibration:
        names = list(dict.fromkeys([*names, *fit_sets, *discount_sets]))
    if args.errors and "heldout" in names and not args.show_heldout:
        print(
            "Error: --errors on the held-out set makes it a development set; "
            "add --show-heldout if that is what you mean",
            file=sys.stderr,
        )
        return 1
    if args.fit_confidence or args.cv_calibration:
        # fit on every fact a rule proposes: with the floor on, the facts it drops would be
        # missing from their rules' counts, and those rules would look better than they are
        import ingest.confidence

        ingest.confidence.FLOOR = {}
        print("(confidence floor off while fitting: the rows below count every proposed fact)")
    results = run(args.corpus, names)
    if args.json:
        print(json.dumps({k: v["report"] for k, v in results.items()}, ensure_ascii=False))
        return 0
    head = " | ".join(("set", *KINDS, "date", "date where printed (printed/dated)"))
    print(f"| {head} |")
    print("|" + "---|" * (len(KINDS) + 3))
    for name in names:
        print(row(name, len(results[name]["preds"]), results[name]["report"]))
    for group, parts in GROUPS.items():
        if group in chosen:
            print(group_row(args.corpus, group, parts))
    if args.calibration:
        facts = [f for n in names for f in results[n]["facts"]]
        print("\n| kind | confidence | facts | right |\n|---|---|---|---|")
        for kind, band, n, share in calibration(facts):
            print(f"| {kind} | {band} | {n} | {'–' if share is None else f'{share:.2f}'} |")
    if args.errors:
        scorer = load_scorer(args.corpus)
        for name in names:
            for p in results[name]["preds"]:
                stem = Path(p["path"]).stem
                gold = json.loads((results[name]["gold"] / f"{stem}.json").read_text("utf-8"))
                wrong = [f for f in results[name]["facts"] if f["doc"] == stem and not f["right"]]
                lost = missed(scorer, gold, p)
                if not wrong and not lost and p.get("date") == gold.get("date"):
                    continue
                print(f"\n## {name} {stem}  date: {p.get('date')} (gold {gold.get('date')})")
                for f in wrong:
                    print(f"  wrong   {f['kind']:9} {f['fact']}  [{f['rule']}]")
                for line in lost:
                    print(f"  missed  {line}")
    if args.cv_calibration:
        fitted = [f for n in fit_sets for f in results[n]["facts"]]
        unseen = [f for n in discount_sets for f in results[n]["facts"]]
        where = " + ".join(discount_sets)
        print(f"\n| kind | confidence (two-fold on {where}) | facts | right |\n|---|---|---|---|")
        for kind, band, n, share in cv_calibration(fitted, unseen):
            print(f"| {kind} | {band} | {n} | {'–' if share is None else f'{share:.2f}'} |")
    if args.fit_confidence and args.add_rules:
        fitted = [f for n in fit_sets for f in results[n]["facts"]]
        unseen = [f for n in discount_sets for f in results[n]["facts"]]
        out = ROOT / "data" / "confidence.json"
        table = json.loads(out.read_text(encoding="utf-8"))
        kinds = [k for k in args.add_rules.split(",") if k]
        added = add_rules(table, fitted, unseen, fit_sets, discount_sets, kinds)
        out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nadded to {out}: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in added.items()))
    elif args.fit_confidence:
        fitted = [f for n in fit_sets for f in results[n]["facts"]]
        unseen = [f for n in discount_sets for f in results[n]["facts"]]
        table = {
            "about": "Rule precision on the articles rules were written from (`sets`), per kind "
            "the discount from them to articles no rule was written from "
            "(`discount_sets`), and each rule's own counts on those (`unseen`); python -m benchmarks.extraction --fit-confidence "
            "[--fit-sets …] [--discount-sets …]; read by ingest.confidence.",
            "sets": fit_sets,
            "discount_sets": discount_sets,
            "rules": fit(fitted),
            "discount": discount(fitted, unseen),
            "unseen": fit(unseen),
        }
        out = ROOT / "data" / "confidence.json"
        out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {out}")
    return 0


def group_row(corpus: Path, group: str, parts: Sequence[str]) -> str:
    results = run(corpus, parts)
    scorer = load_scorer(corpus)
    with tempfile.TemporaryDirectory(prefix="courtgraph-eval-") as tmp:
        work = Path(tmp)
        preds = [p for n in parts for p in results[n]["preds"]]
        # seeds and dev share stems with neither set: score each gold folder and add up
        tallies: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
        dates = [0, 0]
        printed = {"dated": 0, "printed": 0, "printed_right": 0, "unprinted_right": 0}
        for n in parts:
            for key, value in results[n]["report"]["dates_printed"].items():
                printed[key] += value
            rep = score_set(scorer, results[n]["preds"], results[n]["gold"], work, f"{group}-{n}")
            for k in KINDS:
                t = tallies[k]
                t[0] += rep[k]["tp"]
                t[1] += rep[k]["gold"]
                t[2] += rep[k]["pred"]
            golds = [
                json.loads((results[n]["gold"] / f"{Path(p['path']).stem}.json").read_text("utf-8"))
                for p in results[n]["preds"]
            ]
            dated = sum(1 for g in golds if g.get("date"))
            if rep.get("date_accuracy") is not None:
                dates[0] += round(rep["date_accuracy"] * dated)
                dates[1] += dated
    report: dict[str, Any] = {}
    for k, (tp, g, p) in tallies.items():
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        report[k] = {"f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0, "gold": g}
    report["date_accuracy"] = dates[0] / dates[1] if dates[1] else None
    report["dates_printed"] = printed
    return row(group, len(preds), report)


if __name__ == "__main__":
    sys.exit(main())
