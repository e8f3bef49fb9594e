"""Tests for ingest.dedup: reposts are near-duplicates, different stories are not."""

from __future__ import annotations

import itertools
import random

import pytest

from ingest.dedup import (
    BITS,
    DEFAULT_THRESHOLD,
    fingerprint,
    hamming,
    near_duplicate,
    repeats_short_text,
)
from tests.shared_corpus import CORPUS, HINT

STORY_A = (
    "示例市中级人民法院近日召开全市法院诉源治理工作推进会，通报今年前三季度的工作情况。"
    "会议指出，全市法院诉前调解成功案件较去年同期明显增加，速裁团队平均审理周期进一步缩短。"
    "会议要求，各基层法院要把人民法庭建设成为化解矛盾的前沿阵地，主动对接乡镇综治中心。"
    "会上，三家基层法院作了交流发言，分别介绍了特邀调解员队伍建设和线上调解平台的使用经验。"
    "院长在讲话中强调，要坚持把非诉讼纠纷解决机制挺在前面，推动更多纠纷在诉前得到化解。"
)
STORY_B = (
    "青山县人民法院今年在执行工作中推行网络查控和失信惩戒联动，集中清理一批积压案件。"
    "该院组织执行干警利用节假日开展专项行动，对拒不履行义务的被执行人依法采取强制措施。"
    "截至九月底，该院执结各类案件八百余件，执行到位金额同比上升，群众对执行工作的满意度提高。"
    "下一步，该院将完善执行案件繁简分流机制，让简单案件快速办结，复杂案件集中攻坚。"
)
STORY_C = (
    "示例市中级人民法院近日召开全市法院执行工作推进会，通报今年前三季度执行质效情况。"
    "会议指出，全市法院执行到位金额同比增长，终本案件合格率保持稳定，执行信访明显下降。"
    "会议要求，各基层法院要落实执行案件流程节点管理，加快财产处置速度，严格规范终本程序。"
    "院长在讲话中强调，要以更大力度攻坚执行难题，切实维护胜诉当事人的合法权益。"
)


def repost(text: str) -> str:
    """The same story on an aggregator: other furniture, a changed word, a credit line."""
    return (
        "欢迎访问某某资讯网 首页 新闻 地方\n"
        + text.replace("近日", "日前").replace("明显增加", "大幅增加")
        + "\n责任编辑：某某 来源：网络转载"
    )


def test_fingerprint_shape() -> None:
    fp = fingerprint(STORY_A)
    assert len(fp) == BITS // 4
    int(fp, 16)
    assert fingerprint(STORY_A) == fp  # deterministic


def test_identical_texts() -> None:
    assert hamming(fingerprint(STORY_A), fingerprint(STORY_A)) == 0
    assert near_duplicate(fingerprint(STORY_A), fingerprint(STORY_A))


def test_reposts_with_other_boilerplate_and_small_edits_are_near_duplicates() -> None:
    a, b = fingerprint(STORY_A), fingerprint(repost(STORY_A))
    assert near_duplicate(a, b)
    assert hamming(a, b) < 0.75 * DEFAULT_THRESHOLD


def test_a_dropped_sentence_is_still_a_near_duplicate() -> None:
    shorter = "。".join(STORY_A.split("。")[:-2]) + "。"
    assert near_duplicate(fingerprint(STORY_A), fingerprint(shorter))


def test_punctuation_width_and_spacing_do_not_matter() -> None:
    half = STORY_A.replace("，", ",").replace("。", ". ")
    assert fingerprint(half) == fingerprint(STORY_A)


def test_different_stories_are_not_near_duplicates() -> None:
    a, b, c = fingerprint(STORY_A), fingerprint(STORY_B), fingerprint(STORY_C)
    assert not near_duplicate(a, b)
    # Same court, same kind of meeting, same phrasing habits, different subject.
    assert not near_duplicate(a, c)
    assert hamming(a, b) > DEFAULT_THRESHOLD


def test_empty_text_matches_nothing() -> None:
    assert fingerprint("  ，。 ") == ""
    assert not near_duplicate("", fingerprint(STORY_A))
    assert not near_duplicate("", "")


def test_short_text_has_a_fingerprint() -> None:
    assert len(fingerprint("法")) == BITS // 4


def test_fingerprints_of_different_sizes_are_refused() -> None:
    with pytest.raises(ValueError):
        hamming("ff", fingerprint(STORY_A))


def test_threshold_is_a_keyword() -> None:
    a, b = fingerprint(STORY_A), fingerprint(repost(STORY_A))
    assert near_duplicate(a, b, threshold=hamming(a, b))
    if hamming(a, b):
        assert not near_duplicate(a, b, threshold=hamming(a, b) - 1)


def test_calibration_on_the_corpus() -> None:
    """Different corpus articles stay apart; lightly edited reposts of each stay together."""
    from ingest.readers import read_document

    if not CORPUS.is_dir():
        pytest.skip(HINT)
    texts = [read_document(p).text for p in sorted(CORPUS.glob("**/*.txt"))]
    assert len(texts) >= 5
    fps = [fingerprint(t) for t in texts]
    for (i, a), (j, b) in itertools.combinations(enumerate(fps), 2):
        assert not near_duplicate(a, b), (i, j, hamming(a, b))
    rng = random.Random(7)
    for text, fp in zip(texts, fps, strict=True):
        chars = list(text)
        for _ in range(max(1, len(chars) // 300)):  # about one edit per 300 characters
            chars[rng.randrange(len(chars))] = "某"
        edited = "设为首页 加入收藏\n" + "".join(chars) + "\n责任编辑：某某"
        assert near_duplicate(fp, fingerprint(edited)), hamming(fp, fingerprint(edited))


def _random_fp(rng: random.Random) -> str:
    return f"{rng.getrandbits(BITS):0{BITS // 4}x}"


def test_the_index_finds_what_a_full_comparison_finds_as_it_grows() -> None:
    from ingest.dedup import FingerprintIndex

    rng = random.Random(5)
    index = FingerprintIndex()
    known: list[tuple[str, str]] = []
    for i in range(3000):
        if known and rng.random() < 0.3:  # a near copy of a known one: flip a few bits
            base = int(rng.choice(known)[1], 16)
            for _ in range(rng.randint(0, 120)):
                base ^= 1 << rng.randrange(BITS)
            fp = f"{base:0{BITS // 4}x}"
        else:
            fp = _random_fp(rng)
        if i % 50 == 0:
            expected = sorted(
                (k, hamming(f, fp)) for k, f in known if hamming(f, fp) <= DEFAULT_THRESHOLD
            )
            assert sorted(index.within(fp)) == expected
        index.add(f"doc{i}", fp)
        known.append((f"doc{i}", fp))
    assert len(index) == 3000
    index.add("bad", "not hex at all" + "0" * 50)  # neither a fingerprint nor a crash
    assert len(index) == 3000


def test_adding_to_the_index_does_not_copy_what_it_knows() -> None:
    """A new document costs one row, not a copy of every known fingerprint: the matrix is
    reallocated only when it doubles, however often additions and lookups alternate."""
    from ingest.dedup import FingerprintIndex

    rng = random.Random(6)
    index = FingerprintIndex()
    buffers = set()
    for i in range(5000):
        index.add(str(i), _random_fp(rng))
        index.within(_random_fp(rng))
        buffers.add(index._matrix.__array_interface__["data"][0])
    assert len(buffers) <= 5  # 1024 → 2048 → 4096 → 8192


@pytest.mark.parametrize("malformed", [False, True])
def test_adding_many_at_once_equals_adding_one_by_one(malformed: bool) -> None:
    from ingest.dedup import FingerprintIndex

    rng = random.Random(7)
    pairs = [(f"d{i}", f"{rng.getrandbits(BITS):0{BITS // 4}x}") for i in range(3000)]
    pairs[5] = ("empty", "")
    if malformed:
        pairs[9] = ("bad", "zz" * (BITS // 8))
    one, many = FingerprintIndex(), FingerprintIndex()
    for key, fp in pairs:
        one.add(key, fp)
    many.add(pairs[0][0], pairs[0][1])  # after what it already holds
    many.add_many(pairs[1:])
    # …or a mapping key → fingerprint (what `GraphStore.document_fingerprints` returns)
    mapped = FingerprintIndex()
    mapped.add(pairs[0][0], pairs[0][1])
    mapped.add_many(dict(pairs[1:]))
    assert len(one) == len(many) == len(mapped) == 3000 - 1 - malformed
    for _key, fp in pairs[10:20]:
        assert many.within(fp) == one.within(fp) == mapped.within(fp)


def test_a_fingerprint_of_the_right_length_that_is_not_one_is_left_out() -> None:
    """`bytes.fromhex` skips spaces: 64 characters with a space are 31 bytes, not 32."""
    from ingest.dedup import FingerprintIndex

    good = "ab" * (BITS // 8)
    spaced = "a " + "cd" * (BITS // 8 - 1)
    one, many = FingerprintIndex(), FingerprintIndex()
    one.add("spaced", spaced)
    one.add("good", good)
    many.add_many({"spaced": spaced, "good": good})
    assert len(one) == len(many) == 1
    assert one.within(good) == many.within(good) == [("good", 0)]


def test_same_figures_is_the_jaccard_index_of_the_two_sets() -> None:
    from ingest.dedup import same_figures

    a = frozenset({"1", "2", "3", "4"})
    assert same_figures(a, a | {"5"})  # 4 of 5: exactly the threshold
    assert not same_figures(a, a | {"5", "6"})  # 4 of 6
    assert not same_figures(a, frozenset({"9"}))
    assert same_figures(frozenset(), frozenset())
    assert not same_figures(frozenset(), frozenset({"1"}))


def test_a_changed_figure_is_named_by_its_whole_clause() -> None:
    """A message names what a changed figure counts by its clause up to the figure, not by
    the six characters it is matched by (解成功率达到 lost its first character)."""
    from ingest.dedup import changed_figures, corrected_figures

    old = "今年以来，全市诉前调解案件1205件，调解成功率达到46.8%，收案下降8.3%，结案3100件。"
    new = old.replace("46.8%", "48.6%")
    assert corrected_figures(new, old) == [("调解成功率达到", "46.8", "48.6")]
    long = "甲县人民法院诉前调解中心今年以来委派调解民商事纠纷的调解成功率达到46.8%。"
    ((label, _, _),) = changed_figures(long.replace("46.8", "50.1"), long)
    assert label.startswith("…") and label.endswith("委派调解民商事纠纷的调解成功率达到")


def test_a_copy_with_a_changed_figure_is_told_apart() -> None:
    from ingest.dedup import changed_figures

    old = "甲区法院深化诉源治理，全年诉前调解成功1200件，调解成功率达90%，平均用时15天。"
    assert changed_figures(repost(old), old) == []  # a repost repeats every figure
    new = old.replace("90%", "92.5%")
    assert changed_figures(new, old) == [("调解成功率达", "90", "92.5")]
    # a figure only one of them gives is no change (an excerpt, a longer version)
    assert changed_figures(old + "新增调解员12名。", old) == []
    assert changed_figures(old.replace("，平均用时15天", ""), old) == []
    # page counters, dates and numbers with too little before them are furniture
    assert changed_figures(old + "本文已有阅读量3000次", old + "本文已有阅读量12次") == []
    assert changed_figures("2024年3月" + old, "2023年3月" + old) == []
    assert changed_figures(old + "共12条", old + "共40条") == []


def test_no_repost_of_the_corpus_shows_a_changed_figure() -> None:
    """Lightly edited reposts of every corpus article (the calibration above) keep their
    figures: none is taken for an updated version."""
    from ingest.dedup import changed_figures

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/articles/*.txt"))]
    if not texts:
        pytest.skip("no shared corpus beside the checkout")
    assert [t[:20] for t in texts if changed_figures(repost(t), t)] == []


def test_a_limited_lookup_gives_the_nearest_of_the_full_one_in_its_order() -> None:
    """`within(limit=K)`: the first K of the full answer (nearest first; equally near in
    the order added, the tie at the cut included), found without sorting every candidate."""
    from ingest.dedup import FingerprintIndex

    rng = random.Random(11)
    base = rng.getrandbits(BITS)
    index = FingerprintIndex()
    for i in range(2000):
        flips = rng.sample(range(BITS), rng.randrange(0, 100))
        index.add(f"k{i}", f"{base ^ sum(1 << b for b in flips):064x}")
    query = f"{base:064x}"
    full = index.within(query)
    assert len(full) > 1000
    for limit in (0, 1, 7, 64, 500, len(full), len(full) + 5):
        assert index.within(query, limit=limit) == full[:limit]
    # from a position on, limited: the same as the full answer from there, cut
    assert index.within(query, start=1500, limit=9) == index.within(query, start=1500)[:9]


def test_a_limited_lookup_keeps_every_one_within_keep() -> None:
    """`within(limit=K, keep=R)`: the K nearest, and every one within R bits however many
    (the first max(K, those within R) of the full answer)."""
    from ingest.dedup import FingerprintIndex

    rng = random.Random(13)
    base = rng.getrandbits(BITS)
    index = FingerprintIndex()
    for i in range(500):
        flips = rng.sample(range(BITS), rng.randrange(10, 90))
        index.add(f"k{i}", f"{base ^ sum(1 << b for b in flips):064x}")
    query = f"{base:064x}"
    full = index.within(query)
    near = sum(d <= 40 for _k, d in full)
    assert 8 < near < len(full)
    assert index.within(query, limit=8, keep=40) == full[:near]
    assert index.within(query, limit=near + 20, keep=40) == full[: near + 20]
    assert index.within(query, limit=8, keep=None) == full[:8]


def test_a_figure_sketch_never_rules_out_figures_that_match() -> None:
    """`sketch_may_match` tells from two figure sketches that the figures cannot overlap
    enough, never wrongly: for random sets at every overlap (some sharing all but one
    figure, some as a set in another order, some empty), whenever `same_figures` accepts a
    pair, so does the sketch; and of pairs with other figures (a template's next report)
    it rules out most, so their figures are not read."""
    from graph.summaries import figure_sketch
    from ingest.dedup import same_figures, sketch_may_match

    rng = random.Random(11)
    ruled_out = others = 0
    for _ in range(3000):
        n = rng.choice([0, 1, 2, 5, 9, 12, 20, 40, 300])
        a = [str(rng.randrange(100_000)) for _ in range(n)]
        kept = rng.choice([n, n - 1, int(0.8 * n), n // 2, 0])
        b = rng.sample(a, max(0, kept)) + [
            f"{rng.randrange(1000)}.{k}" for k in range(rng.choice([0, 1, 2, n - kept]))
        ]
        rng.shuffle(b)
        for t in (0.8, 0.5):
            if same_figures(a, b, min_overlap=t):
                assert sketch_may_match(figure_sketch(a), figure_sketch(b), min_overlap=t)
                assert sketch_may_match(figure_sketch(b), figure_sketch(a), min_overlap=t)
        if 5 <= n <= 20 and kept == 0:
            others += 1
            ruled_out += not sketch_may_match(figure_sketch(a), figure_sketch(b))
    assert ruled_out >= 0.9 * others > 0


def test_short_notices_of_other_courts_are_told_apart_by_their_text() -> None:
    """Invented short notices (under 50 characters) on one template, differing in the court
    or the meeting: their fingerprints lie within the threshold (a repost by fingerprint
    alone), their texts do not repeat each other. True short reposts (other punctuation,
    spacing and full-width forms; a clause or a word left out; sentences moved; a link
    added) still repeat. (Longer ones: see `repeats_short_text`, what it misses.)"""
    courts = [
        "甲市中级人民法院",
        "乙县人民法院",
        "丙区人民法院",
        "丁镇人民法庭",
        "戊满族自治县人民法院",
    ]
    meetings = ["诉源治理工作推进会", "执行工作推进会", "人民陪审员培训会", "少年审判工作座谈会"]
    more = ["会议要求全体干警狠抓落实。", "与会人员进行了交流讨论。", "院长提出了明确要求。"]
    rng = random.Random(14)
    near = told = trials = 0
    for _ in range(200):
        c1, c2 = rng.sample(courts, 2)
        m1, m2 = rng.sample(meetings, 2)
        tail = "".join(rng.sample(more, rng.randint(0, 1)))
        day = rng.randint(1, 27)
        a = f"{c1}于5月{day}日召开{m1}，部署下一阶段工作。{tail}"
        for b in (a.replace(c1, c2), a.replace(m1, m2)):  # (dates: the figure test's)
            trials += 1
            near += hamming(fingerprint(a), fingerprint(b)) <= DEFAULT_THRESHOLD
            told += not repeats_short_text(b, a)
        assert repeats_short_text(a.replace("，", ", ").replace("5", "５"), a)
        assert repeats_short_text(a.split("，")[0], a)
        assert repeats_short_text(a.replace("工作", "") + "\n原文链接：http://a.test/9", a)
        assert not repeats_short_text(a + "\n来源：己县人民法院", a)
        assert repeats_short_text(a, lambda a=a: a)
        head, _, rest = a.partition("。")
        assert repeats_short_text(rest + head + "。", a)  # the first sentence moved last
    assert near > 0.9 * trials  # (measured: 400 of 400)
    assert trials - told <= 5  # measured: 5 of 400 still taken for reposts (before: all 400)
    assert repeats_short_text(STORY_A + STORY_C, STORY_B)  # long: the fingerprint decides


def test_a_large_index_answers_through_faiss_exactly_as_the_numpy_scan() -> None:
    """From `FAISS_FROM` known fingerprints a whole-index lookup runs in faiss: the same
    keys, distances and order (ties in the order added; limit and keep alike) as numpy's
    scan, with rows added between lookups, and lookups from a position on still by numpy."""
    import numpy as np

    from ingest import dedup
    from ingest.dedup import FAISS_FROM, FingerprintIndex

    if dedup._faiss() is None:
        pytest.skip("faiss is not installed (requirements.txt): the numpy scan answers alone")
    rng = np.random.default_rng(17)
    base = rng.integers(0, 256, BITS // 8, dtype=np.uint8)
    rows = rng.integers(0, 256, (FAISS_FROM + 3000, BITS // 8), dtype=np.uint8)
    # a tenth near the query (templates and reposts: many ties at each distance)
    near = rng.random(len(rows)) < 0.1
    flips = rng.random((len(rows), BITS)) < rng.uniform(0.0, 0.4, (len(rows), 1))
    rows[near] = base ^ np.packbits(flips[near], axis=1, bitorder="little")
    fps = [r.tobytes().hex() for r in rows]
    index = FingerprintIndex()
    index.add_many([(f"d{i}", fp) for i, fp in enumerate(fps[:FAISS_FROM])])
    query = base.tobytes().hex()
    seen = 0
    for i, fp in enumerate(fps[FAISS_FROM:]):  # lookups and additions alternate, as an ingest's
        if i % 500 == 0:
            n = len(index)
            by_numpy = index._scan(index._words(query), 0, n)
            expected = [(f"d{int(p)}", int(d)) for p, d in zip(*by_numpy, strict=True)]
            expected.sort(key=lambda kd: kd[1])  # (stable: ties in the order added)
            assert len(expected) > 100
            assert index.within(query) == expected
            assert (
                index.within(query, limit=50, keep=60)
                == expected[: max(50, sum(d <= 60 for _k, d in expected))]
            )
            assert index.within(query, limit=7) == expected[:7]
            assert index.within(query, start=n - 400) == [
                kd for kd in expected if int(kd[0][1:]) >= n - 400
            ]
            assert index._in_faiss == n  # (the lookups above ran in faiss)
            seen += 1
        index.add(f"d{FAISS_FROM + i}", fp)
    assert seen == 6


def test_without_faiss_the_numpy_scan_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import dedup
    from ingest.dedup import FAISS_FROM, FingerprintIndex

    monkeypatch.setattr(dedup, "_faiss", lambda: None)
    rng = random.Random(19)
    index = FingerprintIndex()
    fps = [_random_fp(rng) for _ in range(FAISS_FROM + 10)]
    index.add_many([(f"d{i}", fp) for i, fp in enumerate(fps)])
    assert index.within(fps[123]) == [("d123", 0)]
    assert index._faiss is None
