"""A small graph whose answers are known by construction (all names invented for tests).

Hierarchy: 最高人民法院 ← 甲省高级人民法院 ← 甲省乙市中级人民法院 ← {丙区, 丁县, 戊县}人民法院;
丙区人民法院 ← 丙区人民法院东湖人民法庭.
Document A: 丙区法院 adopted 诉源治理 (2023-03), 乙市中院 promoted it (2022-11),
            张三 is 院长 of 丙区法院, 丙区法院 reported 调解率 60%.
Document B: 丁县法院 piloted 诉源治理 (2024-01); 丙区法院 adopted 诉源治理 again (2022-12),
            so its first date becomes 2022-12 while B is in the graph.
"""

from __future__ import annotations

from graph.model import (
    DocumentGraph,
    EvidenceRow,
    FactRow,
    MentionRow,
    NodeRow,
    document_id,
    entity_id,
)

SPC = entity_id("Court", "最高人民法院")
HIGH = entity_id("Court", "甲省高级人民法院")
MID = entity_id("Court", "甲省乙市中级人民法院")
BING = entity_id("Court", "甲省乙市丙区人民法院")
DING = entity_id("Court", "甲省乙市丁县人民法院")
WU = entity_id("Court", "甲省乙市戊县人民法院")
DONGHU = entity_id("Tribunal", "甲省乙市丙区人民法院东湖人民法庭")
SUYUAN = entity_id("Initiative", "诉源治理")
FENGQIAO = entity_id("Initiative", "枫桥式人民法庭")
ZHANG = entity_id("Person", "张三", BING)
RATE = entity_id("Outcome", BING, "调解率", 60.0, "%", "2023")

DOC_A = document_id("a" * 64)
DOC_B = document_id("b" * 64)


def court(node_id: str, level: str, **extra: str) -> NodeRow:
    name = node_id.split(":", 1)[1]
    return NodeRow(
        "Tribunal" if level == "tribunal" else "Court",
        node_id,
        {"name": name, "level": level, "province": "甲省", "curated": True, **extra},
    )


def roster() -> tuple[list[NodeRow], list[tuple[str, str]]]:
    nodes = [
        court(SPC, "supreme"),
        court(HIGH, "high"),
        court(MID, "intermediate", city="乙市"),
        NodeRow(
            "Court",
            BING,
            {
                "name": "甲省乙市丙区人民法院",
                "level": "basic",
                "province": "甲省",
                "city": "乙市",
                "curated": True,
            },
            aliases=["丙区法院"],
        ),
        court(DING, "basic", city="乙市"),
        court(WU, "basic", city="乙市"),
        NodeRow(
            "Initiative",
            SUYUAN,
            {"name": "诉源治理", "name_en": "Source governance", "curated": True},
            aliases=["源头治理"],
        ),
        NodeRow("Initiative", FENGQIAO, {"name": "枫桥式人民法庭", "curated": True}),
    ]
    edges = [(HIGH, SPC), (MID, HIGH), (BING, MID), (DING, MID), (WU, MID)]
    return nodes, edges


def _ev(sentence: str, date: str | None = None, precision: str | None = None) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            sentence=sentence, start=0, end=len(sentence), date=date, date_precision=precision
        )
    ]


def document_a() -> DocumentGraph:
    s1 = "丙区法院今年三月全面推行诉源治理。"
    s2 = "乙市中院去年十一月在全市部署诉源治理。"
    s3 = "院长张三介绍，丙区法院调解率达到60%。"
    s4 = "东湖法庭隶属丙区法院。"
    return DocumentGraph(
        id=DOC_A,
        props={
            "title": "样例文档甲",
            "date": "2023-05-01",
            "content_hash": "a" * 64,
            "text": s1 + s2 + s3 + s4,
            "urls": ["http://example.test/a"],
        },
        nodes=[
            NodeRow(
                "Tribunal",
                DONGHU,
                {"name": "甲省乙市丙区人民法院东湖人民法庭", "level": "tribunal"},
                aliases=["东湖法庭"],
            ),
            NodeRow("Person", ZHANG, {"name": "张三"}),
            NodeRow(
                "Outcome",
                RATE,
                {
                    "name": "调解率 60%",
                    "metric": "调解率",
                    "value": 60.0,
                    "unit_of_measure": "%",
                    "period": "2023",
                },
            ),
        ],
        mentions=[
            MentionRow(BING, "丙区法院", s1, 0, 4),
            MentionRow(MID, "乙市中院", s2, 0, 4),
            MentionRow(SUYUAN, "诉源治理", s1, 12, 16),
            MentionRow(ZHANG, "张三", s3, 2, 4),
            MentionRow(RATE, "调解率达到60%", s3, 12, 20),
            MentionRow(DONGHU, "东湖法庭", s4, 0, 4),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                BING,
                SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                _ev(s1, "2023-03", "month"),
            ),
            FactRow(
                "ADOPTED",
                MID,
                SUYUAN,
                ("promoted",),
                {"stage": "promoted"},
                _ev(s2, "2022-11", "month"),
            ),
            FactRow("HOLDS_ROLE", ZHANG, BING, ("院长",), {"title": "院长"}, _ev(s3)),
            FactRow("REPORTED", BING, RATE, (), {}, _ev(s3)),
            FactRow("REPORTED", RATE, SUYUAN, (), {}, _ev(s3)),
            FactRow("PART_OF", DONGHU, BING, (), {}, _ev(s4)),
        ],
    )


def document_b() -> DocumentGraph:
    s1 = "丁县法院一月起试点诉源治理。"
    s2 = "丙区法院早在前年十二月便推行诉源治理。"
    return DocumentGraph(
        id=DOC_B,
        props={
            "title": "样例文档乙",
            "date": "2024-02-01",
            "content_hash": "b" * 64,
            "text": s1 + s2,
            "urls": ["http://example.test/b"],
        },
        mentions=[
            MentionRow(DING, "丁县法院", s1, 0, 4),
            MentionRow(BING, "丙区法院", s2, 0, 4),
            MentionRow(SUYUAN, "诉源治理", s1, 9, 13),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                DING,
                SUYUAN,
                ("piloted",),
                {"stage": "piloted"},
                _ev(s1, "2024-01", "month"),
            ),
            FactRow(
                "ADOPTED",
                BING,
                SUYUAN,
                ("adopted",),
                {"stage": "adopted"},
                _ev(s2, "2022-12", "document"),
            ),
        ],
    )


def document_c() -> DocumentGraph:
    """丙区 (2023-09) and 丁县 (2024-06) adopt 枫桥式人民法庭; 丁县 is named in 2024 twice."""
    s1 = "丙区法院九月建成枫桥式人民法庭。"
    s2 = "丁县法院六月获评枫桥式人民法庭。"
    return DocumentGraph(
        id=document_id("c" * 64),
        props={"title": "样例文档丙", "date": "2024-07-01", "content_hash": "c" * 64},
        mentions=[
            MentionRow(BING, "丙区法院", s1, 0, 4),
            MentionRow(DING, "丁县法院", s2, 0, 4),
            MentionRow(FENGQIAO, "枫桥式人民法庭", s1, 9, 16),
        ],
        facts=[
            FactRow(
                "ADOPTED",
                BING,
                FENGQIAO,
                ("adopted",),
                {"stage": "adopted"},
                _ev(s1, "2023-09", "month"),
            ),
            FactRow(
                "ADOPTED",
                DING,
                FENGQIAO,
                ("awarded",),
                {"stage": "awarded"},
                _ev(s2, "2024-06", "month"),
            ),
        ],
    )


def load_small_graph(store) -> None:
    nodes, edges = roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([document_a()])
    store.write_documents([document_b()])
