"""学习考察 on the 单位 and 举措 pages, and a learning visit's colour and words in pictures."""

from __future__ import annotations

from graph.model import DocumentGraph, EvidenceRow, FactRow, MentionRow, document_id
from tests import graph_fixtures as g
from tests.app.test_pages import no_trouble

VISIT = "丁县法院组织干警赴丙区法院学习考察诉源治理工作经验。"
OTHER = "戊县法院到丙区法院交流学习。"


def _visits_document() -> DocumentGraph:
    def ev(s: str, date: str) -> list[EvidenceRow]:
        return [
            EvidenceRow(
                s, 0, len(s), date=date, date_precision="day", rule="visit:went-to", confidence=0.6
            )
        ]

    return DocumentGraph(
        id=document_id("v" * 64),
        props={"title": "样例文档：学习考察", "date": "2024-08-01", "content_hash": "v" * 64},
        mentions=[
            MentionRow(g.DING, "丁县法院", VISIT, 0, 4),
            MentionRow(g.BING, "丙区法院", VISIT, 10, 14),
            MentionRow(g.WU, "戊县法院", OTHER, 0, 4),
        ],
        facts=[
            FactRow(
                "LEARNED_FROM",
                g.DING,
                g.BING,
                ("诉源治理",),
                {"initiative": "诉源治理"},
                ev(VISIT, "2024-07-20"),
            ),
            FactRow("LEARNED_FROM", g.WU, g.BING, ("",), {}, ev(OTHER, "2024-06-02")),
        ],
    )


def _columns(at) -> list[list[str]]:
    return [list(df.value.columns) for df in at.dataframe]


def test_unit_page_shows_whom_it_learned_from_and_who_learned_from_it(empty_store, app) -> None:
    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    host = app(page="unit", id=g.BING, tab="学习考察")
    no_trouble(host)
    (hosted,) = [df.value for df in host.dataframe if "学习单位" in df.value.columns]
    assert list(hosted.columns) == [
        "学习单位",
        "学习内容",
        "日期",
        "文档数",
        "核实状态",
        "置信度",
        "单位页",
        "证据",
    ]
    # in the order of their dates; a visit naming no initiative says so
    assert list(hosted["学习单位"]) == ["甲省乙市戊县人民法院", "甲省乙市丁县人民法院"]
    assert list(hosted["学习内容"]) == ["（未写明）", "诉源治理"]
    assert any("接待…学习考察" in m.value for m in host.markdown)

    visitor = app(page="unit", id=g.DING, tab="学习考察")
    no_trouble(visitor)
    (learned,) = [df.value for df in visitor.dataframe if "被学习单位" in df.value.columns]
    assert list(learned["被学习单位"]) == ["甲省乙市丙区人民法院"]
    assert list(learned["学习内容"]) == ["诉源治理"]
    assert list(learned["核实状态"]) == ["待核实"]
    # no annotations measure visits yet: the confidence is its rule's prior, said so
    assert list(learned["置信度"]) == ["0.60（规则先验，未经标注校准）"]
    assert any("向…学习" in m.value for m in visitor.markdown)


def test_the_visits_table_and_the_review_queue_word_a_confidence_alike() -> None:
    """The visits table said 0.60（规则先验） and the review queue 置信度 0.60（规则先验估计，未经
    标注校准） for the same fact (two helpers): one wording (ui.common.confidence_zh) on both."""
    from ui.common import confidence_zh
    from ui.review import confidence_words
    from ui.visits import shown_rows

    row = {"direction": "learned_from", "confidence": 0.6, "rules": ["visit:went-to"]}
    shown = shown_rows([row])[0]["confidence_shown"]
    assert shown == confidence_zh(row) == "0.60（规则先验，未经标注校准）"
    assert confidence_words(row) == f"置信度 {shown}"
    decided = {**row, "status": "confirmed"}  # its 核实状态 says it all
    assert shown_rows([decided])[0]["confidence_shown"] == "—"
    assert confidence_words(decided) == ""
    plain = {"direction": "hosted", "confidence": 0.9, "rules": ["adoption:subject"]}
    assert shown_rows([plain])[0]["confidence_shown"] == "0.90" == confidence_zh(plain)


def test_initiative_page_shows_the_visits_about_it(empty_store, app) -> None:
    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    at = app(page="initiative", id=g.SUYUAN, tab="学习考察")
    no_trouble(at)
    (visits,) = [df.value for df in at.dataframe if "被学习单位" in df.value.columns]
    assert list(visits.columns) == [
        "学习单位",
        "被学习单位",
        "日期",
        "文档数",
        "核实状态",
        "置信度",
        "学习单位页",
        "被学习单位页",
        "证据",
    ]
    assert list(visits["学习单位"]) == ["甲省乙市丁县人民法院"]


def test_the_initiative_visits_table_fits_the_page(empty_store, app) -> None:
    """举措 › 学习考察 was wider than the page at 1440 pixels (its last links cut off): the
    qualifier every visit's confidence carries (a rule's prior) is said once above the table,
    and each row shows the number."""
    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    at = app(page="initiative", id=g.SUYUAN, tab="学习考察")
    no_trouble(at)
    (visits,) = [df.value for df in at.dataframe if "被学习单位" in df.value.columns]
    assert list(visits["置信度"]) == ["0.60"]
    assert any("置信度为规则先验，未经标注校准" in str(c.value) for c in at.caption)


def test_a_unit_without_visits_says_so(small_store, app) -> None:
    at = app(page="unit", id=g.BING, tab="学习考察")
    no_trouble(at)
    assert any("学习考察" in i.value for i in at.info)


def test_a_learning_visit_has_its_colour_and_words_in_pictures() -> None:
    import networkx as nx

    from figures.render import REL_COLOR, REL_EN, _legend_items, edge_label

    assert REL_COLOR["LEARNED_FROM"] not in {c for r, c in REL_COLOR.items() if r != "LEARNED_FROM"}
    assert REL_EN["LEARNED_FROM"] == "learned from"
    assert edge_label({"type": "LEARNED_FROM", "initiative": "诉源治理"}) == "学习考察：诉源治理"
    assert edge_label({"type": "LEARNED_FROM"}) == "学习考察"
    graph = nx.MultiDiGraph()
    graph.add_edge(g.DING, g.BING, key="f", type="LEARNED_FROM")
    assert {"color": REL_COLOR["LEARNED_FROM"], "label": "学习考察 learned from"} in _legend_items(
        graph
    )


def test_a_path_step_through_a_visit_names_its_topic() -> None:
    import networkx as nx

    from ui.path import hop_labels

    graph = nx.MultiDiGraph()
    graph.add_edge(g.DING, g.BING, key="f", type="LEARNED_FROM", initiative="诉源治理")
    rows = [{"ids": [g.DING, g.BING], "types": ["LEARNED_FROM"]}]
    assert hop_labels(rows, graph) == [["学习考察：诉源治理"]]


def test_the_review_page_lists_visits_and_corrects_what_one_studied(empty_store) -> None:
    from graph.model import fact_id
    from tests.app.test_review_corrections import _open, _queue, _signed_in

    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    at = _signed_in()
    at.selectbox(key="review.kind").select("visit")
    at.run()
    no_trouble(at)
    wu = fact_id("LEARNED_FROM", g.WU, g.BING, "")
    ding = fact_id("LEARNED_FROM", g.DING, g.BING, "诉源治理")
    assert set(_queue(at)) == {wu, ding}
    _open(at, wu)
    at.text_input(key=f"review.initiative.{wu}").input("枫桥式人民法庭")
    at.button(key=f"review.fix.{wu}").click()
    at.run()
    no_trouble(at)
    rows = empty_store.read(
        "MATCH (:Entity {id: $a})-[r:LEARNED_FROM]->(:Entity {id: $b}) "
        "RETURN r.initiative AS i, r.review_status AS s",
        {"a": g.WU, "b": g.BING},
    )
    assert rows == [{"i": "枫桥式人民法庭", "s": "corrected"}]


def test_the_review_form_of_a_visit_moves_its_ends_and_takes_its_topic_away(
    empty_store,
) -> None:
    from graph.model import fact_id
    from tests.app.test_review_corrections import _open, _signed_in

    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    at = _signed_in()
    at.selectbox(key="review.kind").select("visit")
    at.run()
    ding = fact_id("LEARNED_FROM", g.DING, g.BING, "诉源治理")
    _open(at, ding)
    assert at.selectbox(key=f"review.src.{ding}").label == "学习单位"
    assert at.selectbox(key=f"review.dst.{ding}").label == "被学习单位"
    at.checkbox(key=f"review.no_topic.{ding}").check()
    at.button(key=f"review.fix.{ding}").click()
    at.run()
    no_trouble(at)
    rows = empty_store.read(
        "MATCH (:Entity {id: $a})-[r:LEARNED_FROM]->(:Entity {id: $b}) "
        "RETURN r.initiative AS i, r.review_status AS s",
        {"a": g.DING, "b": g.BING},
    )
    assert rows == [{"i": "", "s": "corrected"}]


def test_the_evidence_page_of_a_visit_says_what_it_studied(empty_store, app) -> None:
    from graph.model import fact_id

    g.load_small_graph(empty_store)
    empty_store.write_documents([_visits_document()])
    at = app(page="evidence", fact=fact_id("LEARNED_FROM", g.DING, g.BING, "诉源治理"))
    no_trouble(at)
    assert any(
        "甲省乙市丁县人民法院 —学习考察：诉源治理→ 甲省乙市丙区人民法院" in s.value
        for s in at.subheader
    ), [s.value for s in at.subheader]
    assert any(VISIT in m.value for m in at.markdown)
