"""Corrections reach what is derived from the corrected field, and an add leaves a stage it
was not given alone: a figure's metric corrected renames the figure (lists, exports, the 举措
page) through re-ingest, reference reloads and rebuilds; the command line corrects a metric
as the review page does; an add without a chosen stage never changes a found fact's stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import review
from graph.model import fact_id
from tests import graph_fixtures as g

BING_RATE = fact_id("REPORTED", g.BING, g.RATE)
RATE_SUYUAN = fact_id("REPORTED", g.RATE, g.SUYUAN)
MID_SUYUAN = fact_id("ADOPTED", g.MID, g.SUYUAN, "promoted")
# a metric after the document's own (调解率) in code point order: re-ingest folds the
# smaller of two values in, so the document's old metric and name come back until the
# correction is applied again
METRIC = "速裁适用率"
FIXED = {"name": f"{METRIC} 65%", "metric": METRIC, "value": 65.0, "text": f"{METRIC} 65%"}


def _outcome(store) -> dict:
    rows = store.read(
        "MATCH (o:Entity {id: $id}) RETURN o.name AS name, o.metric AS metric, "
        "o.value AS value, o.search_text AS text",
        {"id": g.RATE},
    )
    return rows[0] if rows else {}


def test_a_corrected_metric_renames_the_figure_and_lasts(store) -> None:
    g.load_small_graph(store)
    assert _outcome(store)["name"] == "调解率 60%"
    review.decide(store, BING_RATE, "correct", reviewer="甲", new={"metric": METRIC, "value": 65.0})
    assert _outcome(store) == FIXED
    # the same document ingested again (its old values folded in), decisions re-applied
    store.write_documents([g.document_a()])
    review.reapply_documents(store, [g.DOC_A])
    assert _outcome(store) == FIXED
    # reference data loaded again, decisions about what it wrote re-applied
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    review.reapply_entities(store, [n.id for n in nodes])
    assert _outcome(store) == FIXED
    # a rebuild from the files keeps the decision and applies it again
    review.clear_keeping_decisions(store)
    g.load_small_graph(store)
    review.reapply_all(store)
    assert _outcome(store) == FIXED
    assert review.status_of(store, BING_RATE) == "corrected"


def test_a_figure_is_corrected_on_the_units_fact_only(store) -> None:
    """The figure tied to an initiative is the link's other end: a metric sent with the
    link's fact is refused (it would be recorded and change nothing), not silently kept."""
    g.load_small_graph(store)
    with pytest.raises(review.BadParameter, match="REPORTED unit → figure"):
        review.decide(store, RATE_SUYUAN, "correct", reviewer="甲", new={"metric": METRIC})
    with pytest.raises(review.BadParameter, match="数字的 value"):
        review.decide(store, MID_SUYUAN, "correct", reviewer="甲", new={"value": 3.0})
    assert review.decisions(store) == []
    # the link's initiative can still be corrected
    review.decide(store, RATE_SUYUAN, "correct", reviewer="甲", new={"dst": g.FENGQIAO})
    rows = store.read(
        "MATCH (:Entity {id: $o})-[r:REPORTED]->(i:Entity) RETURN i.id AS i, r.review_status AS s",
        {"o": g.RATE},
    )
    assert rows == [{"i": g.FENGQIAO, "s": "corrected"}]


def test_cli_corrects_a_figures_metric(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    code = main(
        ["review", "correct", BING_RATE, "--metric", METRIC, "--value", "65", "--reviewer", "甲"]
    )
    assert code == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert f"已修改 {BING_RATE}" in said and "corrected" not in said
    assert _outcome(arcadedb_store) == FIXED
    assert review.history(arcadedb_store, BING_RATE)[-1].new == {"metric": METRIC, "value": 65.0}
    # on the link of the figure to its initiative: recorded on the unit's fact that reports
    # the figure (the store refuses it on the link), the initiative on the link
    code = main(
        ["review", "correct", RATE_SUYUAN, "--metric", "调解率", "--initiative", g.FENGQIAO]
        + ["--reviewer", "甲"]
    )
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"已修改 {BING_RATE}" in out and f"已修改 {RATE_SUYUAN}" in out
    assert _outcome(arcadedb_store)["metric"] == "调解率"
    assert review.history(arcadedb_store, BING_RATE)[-1].new == {"metric": "调解率"}
    assert review.history(arcadedb_store, RATE_SUYUAN)[-1].new == {"dst": g.FENGQIAO}


# -- a figure's initiative asked for on the unit's fact that reports it ---------------------
RATE_FENGQIAO = fact_id("REPORTED", g.RATE, g.FENGQIAO)


def _links(store) -> list[dict]:
    return store.read(
        "MATCH (:Entity {id: $o})-[r:REPORTED]->(i:Entity) "
        "RETURN r.fact_id AS f, i.id AS i, r.review_status AS s ORDER BY f",
        {"o": g.RATE},
    )


def _unit_reports(store) -> list[str]:
    return [
        r["o"]
        for r in store.read(
            "MATCH (:Entity {id: $u})-[:REPORTED]->(o:Entity) RETURN o.id AS o", {"u": g.BING}
        )
    ]


def test_a_units_figure_fact_is_never_moved_to_an_initiative(store) -> None:
    """Moving the unit's fact that reports a figure to an initiative took the figure out of
    every answer: refused, naming the figure's link fact, which is where its initiative is."""
    g.load_small_graph(store)
    with pytest.raises(review.BadParameter, match=RATE_SUYUAN) as caught:
        review.decide(store, BING_RATE, "correct", reviewer="甲", new={"dst": g.FENGQIAO})
    assert f"REPORTED {g.BING} → {g.RATE}" in str(caught.value)
    assert review.decisions(store) == [] and _unit_reports(store) == [g.RATE]


def test_relinking_a_figure_corrects_its_link_or_adds_one(store) -> None:
    g.load_small_graph(store)
    link, d = review.relink_figure(store, BING_RATE, g.FENGQIAO, reviewer="甲")
    assert d is not None and d.fact_id == RATE_SUYUAN and link == RATE_FENGQIAO
    assert _links(store) == [{"f": RATE_FENGQIAO, "i": g.FENGQIAO, "s": "corrected"}]
    assert _unit_reports(store) == [g.RATE]  # the figure stays the unit's
    assert review.relink_figure(store, BING_RATE, g.FENGQIAO, reviewer="甲") == (
        RATE_FENGQIAO,
        None,
    )
    # a figure without a link gets one, on the unit fact's sentence, reviewed
    review.decide(store, RATE_FENGQIAO, "reject", reviewer="甲", note="不是该举措")
    assert _links(store) == []
    link, d = review.relink_figure(store, BING_RATE, g.SUYUAN, reviewer="甲")
    assert d is not None and d.decision == "add" and link == RATE_SUYUAN
    assert _links(store) == [{"f": RATE_SUYUAN, "i": g.SUYUAN, "s": "confirmed"}]
    assert _unit_reports(store) == [g.RATE]
    with pytest.raises(review.BadParameter, match="不是单位报告数字的事实"):
        review.relink_figure(store, MID_SUYUAN, g.FENGQIAO, reviewer="甲")


def test_cli_initiative_on_a_units_figure_fact_relinks_the_figure(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    code = main(
        ["review", "correct", BING_RATE, "--initiative", g.FENGQIAO, "--period", "2023"]
        + ["--reviewer", "甲"]
    )
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert RATE_SUYUAN in out and RATE_FENGQIAO in out and f"已修改 {BING_RATE}" in out
    assert _unit_reports(arcadedb_store) == [g.RATE]
    assert [r["i"] for r in _links(arcadedb_store)] == [g.FENGQIAO]
    # the answers that show a figure's initiative name the fact to correct it on
    from queries.registry import run

    rows = run(arcadedb_store, "unit_outcomes", {"unit": g.BING}).rows
    assert [(r["initiative"], r["link_fact_id"]) for r in rows] == [
        ("枫桥式人民法庭", RATE_FENGQIAO)
    ]
    rows = run(arcadedb_store, "initiative_outcomes", {"initiative": g.FENGQIAO}).rows
    assert [(r["fact_id"], r["link_fact_id"]) for r in rows] == [(BING_RATE, RATE_FENGQIAO)]
    # a figure's field sent with another end for the unit's fact: the error tells the fact
    # as it is (unit → figure), not as the asked-for end would make it
    code = main(
        ["review", "correct", BING_RATE, "--target", g.SUYUAN, "--period", "2023"]
        + ["--reviewer", "甲"]
    )
    assert code != 0
    err = capsys.readouterr().err
    assert f"REPORTED {g.BING} → {g.RATE}" in err, err


# -- adding a fact without choosing its stage ------------------------------------------------
S2 = "乙市中院去年十一月在全市部署诉源治理。"  # document A's second sentence: MID promoted


def _add(store, src: str, dst: str, sentence: str, **props):
    text = store.read("MATCH (d:Document {id: $id}) RETURN d.text AS t", {"id": g.DOC_A})[0]["t"]
    start = text.index(sentence) if sentence in text else 0
    return review.add_fact(
        store,
        rel_type="ADOPTED",
        src=src,
        dst=dst,
        doc_id=g.DOC_A,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        reviewer="甲",
        props=props,
    )


def _stages(store, src: str, dst: str) -> dict[str, tuple]:
    rows = store.read(
        "MATCH (:Entity {id: $s})-[r:ADOPTED]->(:Entity {id: $d}) "
        "RETURN r.fact_id AS f, r.stage AS stage, r.review_status AS status",
        {"s": src, "d": dst},
    )
    return {r["f"]: (r["stage"], r["status"]) for r in rows}


def test_an_add_without_a_chosen_stage_keeps_the_found_facts(store) -> None:
    g.load_small_graph(store)
    for props in ({}, {"stage": None}, {"stage": None, "date": None}):
        d = _add(store, g.MID, g.SUYUAN, S2, **props)
        assert d.decision == "add" and d.fact_id == MID_SUYUAN
        assert d.new["stage"] == "promoted"
        assert _stages(store, g.MID, g.SUYUAN) == {MID_SUYUAN: ("promoted", "confirmed")}
    # a stage chosen that differs is a correction, as before
    d = _add(store, g.MID, g.SUYUAN, S2, stage="adopted")
    fixed = fact_id("ADOPTED", g.MID, g.SUYUAN, "adopted")
    assert d.decision == "correct"
    assert _stages(store, g.MID, g.SUYUAN) == {fixed: ("adopted", "corrected")}
    # and a later add without a stage leaves the corrected stage alone
    d = _add(store, g.MID, g.SUYUAN, S2)
    assert (d.decision, d.fact_id, d.new["stage"]) == ("add", fixed, "adopted")
    assert [s for s, _ in _stages(store, g.MID, g.SUYUAN).values()] == ["adopted"]


def test_a_new_adoption_without_a_stage_is_adopted(store) -> None:
    g.load_small_graph(store)
    d = _add(store, g.DING, g.FENGQIAO, S2)
    want = fact_id("ADOPTED", g.DING, g.FENGQIAO, "adopted")
    assert (d.decision, d.fact_id, d.new["stage"]) == ("add", want, "adopted")
    assert _stages(store, g.DING, g.FENGQIAO) == {want: ("adopted", "confirmed")}


def test_cli_corrects_a_figures_period_and_qualifier(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    """A figure read with the wrong period (2023 for the first half of 2024) or an "约" the
    text does not say is corrected from the command line, as its metric is."""
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    args = ["review", "correct", BING_RATE, "--period", "2024-01/2024-06", "--qualifier", "约"]
    assert main([*args, "--reviewer", "甲"]) == 0, capsys.readouterr().err
    rows = arcadedb_store.read(
        "MATCH (o:Entity {id: $id}) RETURN o.period AS period, o.qualifier AS q, o.name AS name",
        {"id": g.RATE},
    )
    assert rows == [{"period": "2024-01/2024-06", "q": "约", "name": "调解率 约60%"}]
    assert review.history(arcadedb_store, BING_RATE)[-1].new == {
        "period": "2024-01/2024-06",
        "qualifier": "约",
    }
    # '' takes the qualifier away again
    assert main(["review", "correct", BING_RATE, "--qualifier", "", "--reviewer", "甲"]) == 0
    assert _outcome(arcadedb_store)["name"] == "调解率 60%"


@pytest.mark.parametrize(
    ("flag", "value", "said"),
    [
        ("--period", "2024-07/2024-01", "开始晚于结束"),
        ("--period", "上半年", "无效：应为 YYYY"),
        ("--qualifier", "大概", "限定词 '大概' 无效"),
    ],
)
def test_cli_refuses_a_bad_period_or_qualifier(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys, flag, value, said
) -> None:
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    assert main(["review", "correct", BING_RATE, flag, value, "--reviewer", "甲"]) != 0
    assert said in capsys.readouterr().err
    assert review.history(arcadedb_store, BING_RATE) == []


def test_history_of_a_figures_link_shows_the_correction_of_the_figure(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    """A figure is corrected on the unit's fact that reports it (the link refuses it), so the
    history of the link of that figure to its initiative said "no decision": it shows the
    decision that applies, and on which fact it was made."""
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    g.load_small_graph(arcadedb_store)
    review.decide(
        arcadedb_store, BING_RATE, "correct", reviewer="甲", new={"metric": METRIC, "value": 65.0}
    )
    found = review.history(arcadedb_store, RATE_SUYUAN)
    assert [(d.fact_id, d.decision, d.new) for d in found] == [
        (BING_RATE, "correct", {"metric": METRIC, "value": 65.0})
    ]
    assert main(["review", "history", RATE_SUYUAN]) == 0
    out = capsys.readouterr().out
    assert "修改" in out and METRIC in out and "甲" in out
    assert "所在事实" in out and BING_RATE in out and "单位事实" in out
    # the link's own decision and the figure's, each on its fact
    review.decide(arcadedb_store, RATE_SUYUAN, "confirm", reviewer="乙")
    assert [d.fact_id for d in review.history(arcadedb_store, RATE_SUYUAN)] == [
        BING_RATE,
        RATE_SUYUAN,
    ]
    # the unit's fact's own history is unchanged: the link is not a decision about it
    assert [d.fact_id for d in review.history(arcadedb_store, BING_RATE)] == [BING_RATE]


# -- a correction of the unit leaves the old unit's scope ------------------------------------
def _scopes(store) -> dict[str, object]:
    """fact id → scope of the adoptions of 诉源治理"""
    rows = store.read(
        "MATCH (a:Entity)-[r:ADOPTED]->(:Entity {id: $i}) RETURN r.fact_id AS f, r.scope AS s",
        {"i": g.SUYUAN},
    )
    return {r["f"]: r["s"] for r in rows}


def _set_scope(store, unit: str, scope: str) -> None:
    cypher = "MATCH (:Entity {id: $u})-[r:ADOPTED]->(:Entity {id: $i}) SET r.scope = $s"
    store.write_statements([(cypher, {"u": unit, "i": g.SUYUAN, "s": scope})])


def test_a_fact_moved_to_another_unit_leaves_the_old_scope(
    arcadedb_store, embedded_dir: Path, monkeypatch, capsys
) -> None:
    """乙市中院 acted for 全市法院; the same fact corrected to 东湖法庭 is not 东湖法庭's 全市法院
    work: the scope stays behind unless the correction gives one, and '' removes a scope."""
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    store = arcadedb_store
    g.load_small_graph(store)
    main(["review", "history", MID_SUYUAN])  # (the store's first open: a refold)
    _set_scope(store, g.MID, "全市法院")
    before = _scopes(store)
    assert before[MID_SUYUAN] == "全市法院"
    args = ["review", "correct", MID_SUYUAN, "--unit", g.DONGHU, "--reviewer", "甲"]
    assert main(args) == 0, capsys.readouterr().err
    moved = review.corrected_fact_id(review.history(store, MID_SUYUAN)[-1])
    assert moved not in before
    assert MID_SUYUAN not in _scopes(store) and _scopes(store)[moved] is None
    # given, the scope is the one given; '' takes it away again
    assert main(["review", "correct", moved, "--scope", "全区法院", "--reviewer", "甲"]) == 0
    assert _scopes(store)[moved] == "全区法院"
    # a correction that keeps the unit (here the stage: a new fact id) keeps the scope
    assert main(["review", "correct", moved, "--stage", "piloted", "--reviewer", "甲"]) == 0
    there = review.corrected_fact_id(review.history(store, moved)[-1])
    assert there != moved and _scopes(store)[there] == "全区法院"
    assert main(["review", "correct", there, "--scope", "", "--reviewer", "甲"]) == 0
    assert _scopes(store)[there] is None
    # a new unit with a scope given takes that scope
    old = {"type": "ADOPTED", "src": g.MID, "dst": g.SUYUAN, "props": {"scope": "全市法院"}}
    assert review.corrected_props(old, {"src": g.BING}) == {}
    assert review.corrected_props(old, {"src": g.BING, "scope": "全区法院"}) == {
        "scope": "全区法院"
    }
    assert review.corrected_props(old, {"stage": "piloted"}) == {
        "scope": "全市法院",
        "stage": "piloted",
    }


def test_a_scope_corrected_earlier_stays_behind_when_the_unit_moves(store) -> None:
    """A scope set by an earlier correction is the old unit's: a later correction moving the
    fact to another unit leaves it behind, also when every decision is applied again."""
    g.load_small_graph(store)
    review.decide(store, MID_SUYUAN, "correct", reviewer="甲", new={"scope": "全市法院"})
    assert _scopes(store)[MID_SUYUAN] == "全市法院"
    review.decide(store, MID_SUYUAN, "correct", reviewer="甲", new={"src": g.DONGHU})
    moved = review.corrected_fact_id(review.history(store, MID_SUYUAN)[-1])
    assert moved != MID_SUYUAN and _scopes(store)[moved] is None
    review.reapply_all(store)
    assert _scopes(store)[moved] is None
    # a move that gives a scope takes the one given
    review.decide(store, moved, "correct", reviewer="甲", new={"scope": "全区法院"})
    assert _scopes(store)[moved] == "全区法院"


# -- a fact moved to a unit its document never mentions can be corrected again ---------------
def _adoptions(store) -> dict[str, dict]:
    """fact id → unit, stage, scope and review status of the adoptions of 诉源治理"""
    rows = store.read(
        "MATCH (a:Entity)-[r:ADOPTED]->(:Entity {id: $i}) RETURN r.fact_id AS f, a.id AS u, "
        "r.stage AS stage, r.scope AS scope, r.review_status AS s",
        {"i": g.SUYUAN},
    )
    return {r["f"]: {k: r[k] for k in ("u", "stage", "scope", "s")} for r in rows}


def test_a_correction_to_an_unmentioned_unit_can_be_corrected_again_and_lasts(store) -> None:
    """乙市中院's fact moved to 戊县法院, which document A never names: the reviewer can still
    correct the correction (stage, scope, unit again), its status reads 已修改, and what the
    reviewer decided (the scope too) survives deleting document A and ingesting it again."""
    g.load_small_graph(store)
    first = review.decide(store, MID_SUYUAN, "correct", reviewer="甲", new={"src": g.WU})
    at_wu = review.corrected_fact_id(first)
    assert _adoptions(store)[at_wu]["u"] == g.WU
    assert review.status_of(store, at_wu) == "corrected"
    # corrected again: the scope (same fact id), then the stage (a new one)
    review.decide(store, at_wu, "correct", reviewer="乙", new={"scope": "全县法院"})
    assert _adoptions(store)[at_wu] == {
        "u": g.WU,
        "stage": "promoted",
        "scope": "全县法院",
        "s": "corrected",
    }
    piloted = review.corrected_fact_id(
        review.decide(store, at_wu, "correct", reviewer="乙", new={"stage": "piloted"})
    )
    want = {"u": g.WU, "stage": "piloted", "scope": "全县法院", "s": "corrected"}
    assert _adoptions(store)[piloted] == want and at_wu not in _adoptions(store)
    # the document deleted and ingested again (a refold): the reviewer's values come back
    assert review.delete_document(store, g.DOC_A)
    assert piloted not in _adoptions(store)
    store.write_documents([g.document_a()])
    review.reapply_documents(store, [g.DOC_A])
    now = _adoptions(store)
    assert now[piloted] == want
    assert MID_SUYUAN not in now and at_wu not in now
    # and once more to another unit document A never names, and back to one it does
    back = review.corrected_fact_id(
        review.decide(store, piloted, "correct", reviewer="丙", new={"src": g.DING})
    )
    assert _adoptions(store)[back]["u"] == g.DING and piloted not in _adoptions(store)
    assert review.status_of(store, back) == "corrected"


def test_a_correction_followed_by_a_confirmation_lasts_through_a_refold(store) -> None:
    """A reviewer sets a fact's date and scope, then confirms it: the confirmation is the
    latest decision, and the values set before it come back with the document too."""
    g.load_small_graph(store)
    ding = fact_id("ADOPTED", g.DING, g.SUYUAN, "piloted")
    new = {"date": "2024-03", "date_precision": "month", "scope": "全县法院"}
    review.decide(store, ding, "correct", reviewer="甲", new=new)
    review.decide(store, ding, "confirm", reviewer="乙")

    def ding_now() -> dict:
        rows = store.read(
            "MATCH (:Entity)-[r:ADOPTED]->() WHERE r.fact_id = $f "
            "RETURN r.date AS date, r.scope AS scope, r.review_status AS s",
            {"f": ding},
        )
        return rows[0] if rows else {}

    want = {"date": "2024-03", "scope": "全县法院", "s": "confirmed"}
    assert ding_now() == want
    assert review.delete_document(store, g.DOC_B) and ding_now() == {}
    store.write_documents([g.document_b()])
    review.reapply_documents(store, [g.DOC_B])
    assert ding_now() == want


def test_a_correction_taken_back_is_not_corrected_from_itself(store) -> None:
    """A stage corrected and then corrected back: the fact is back under its first id, and
    its corrected_from listed that very id (carried from the corrected fact) beside the one
    it came back from (a reviewer's finding). It lists the one it came back from, also
    after a rebuild applies both decisions again."""
    fixed = fact_id("ADOPTED", g.MID, g.SUYUAN, "adopted")

    def corrected_from() -> list[dict]:
        return store.read(
            "MATCH (:Entity {id: $u})-[a:ADOPTED]->(:Entity {id: $i}) "
            "RETURN a.fact_id AS f, a.corrected_from AS c",
            {"u": g.MID, "i": g.SUYUAN},
        )

    g.load_small_graph(store)
    review.decide(store, MID_SUYUAN, "correct", reviewer="甲", new={"stage": "adopted"})
    assert corrected_from() == [{"f": fixed, "c": [MID_SUYUAN]}]
    review.decide(store, fixed, "correct", reviewer="甲", new={"stage": "promoted"})
    assert corrected_from() == [{"f": MID_SUYUAN, "c": [fixed]}]
    review.clear_keeping_decisions(store)
    g.load_small_graph(store)
    review.reapply_all(store)
    assert corrected_from() == [{"f": MID_SUYUAN, "c": [fixed]}]
