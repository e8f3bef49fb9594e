"""The explorer's shared scope (issue 12): collections chosen in the sidebar and kept in the
URL, the demo banner, every document listed (undated ones too), the home court as the
default court, and the import page's metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.collections import DEMO_COLLECTION
from tests import graph_fixtures as g
from tests.app.test_pages import frame, no_trouble, texts, url


def _undated() -> g.DocumentGraph:
    doc = g.document_c()
    doc.props = {**doc.props, "date": None, "title": "无日期的文档"}
    doc.props.pop("date")
    doc.props["collections"] = [DEMO_COLLECTION]
    return doc


@pytest.fixture
def scoped_store(small_store):
    """Documents A and B in 通报 and 乙; an undated document C in the demo collection."""
    from graph.collections import add_to_collection

    add_to_collection(small_store, g.DOC_A, "通报")
    add_to_collection(small_store, g.DOC_B, "乙")
    small_store.write_documents([_undated()])
    return small_store


def test_overview_lists_collections_and_every_document(scoped_store, app) -> None:
    at = app(page="overview")
    no_trouble(at)
    docs = frame(at, "overview.docs")
    assert list(docs["标题"]) == ["样例文档乙", "样例文档甲", "无日期的文档"]  # undated last
    assert list(docs["日期"])[-1] == "（无日期）"
    assert any("1 篇没有日期" in c for c in texts(at, "caption"))
    found = [df.value for df in at.dataframe if list(df.value.columns) == ["文档集", "文档数"]]
    assert dict(zip(found[0]["文档集"], found[0]["文档数"], strict=True)) == {
        "乙": 1,
        "通报": 1,
        DEMO_COLLECTION: 1,
    }
    # demo data present: a banner says so, with the command that removes it
    assert any(
        "演示" in w and f"python -m graph delete-collection {DEMO_COLLECTION}" in w
        for w in texts(at, "warning")
    )


@pytest.mark.parametrize("large", [False, True])
def test_collections_counted_once_are_kept_in_the_store(
    scoped_store, app, monkeypatch, large
) -> None:
    """A store without the kept collection counts (one from before them: the 1M benchmark
    graph's) keeps them once the explorer counted its collections, by a page (a small store)
    or the warm-up (`count_first`, a large one): no later start of the explorer or of the
    store's server counts every document again."""
    from graph import collection_counts
    from ui import scope

    no_trouble(app(page="import"))  # the explorer has the store open (and brought up to date)
    scoped_store.write_statements(
        [("MATCH (m:Meta {id: $id}) DELETE m", {"id": collection_counts.SUMMARY_ID})]
    )
    assert collection_counts.read(scoped_store) is None
    monkeypatch.setattr(scope, "_SIZES", {})  # the explorer's next count
    if large:
        monkeypatch.setattr(scope, "BACKGROUND_COUNT_DOCS", 1)  # the small graph as a large one
        monkeypatch.setattr(scope, "_FIRST", {})
        scope.count_first()
    else:
        no_trouble(app(page="overview"))
    kept = collection_counts.read(scoped_store)
    assert kept is not None
    assert dict(zip(kept["names"], kept["counts"], strict=True)) == {
        "乙": 1,
        "通报": 1,
        DEMO_COLLECTION: 1,
    }


def test_evidence_page_lists_undated_documents(scoped_store, app) -> None:
    at = app(page="evidence")
    no_trouble(at)
    assert any("无日期的文档" in str(df.value.to_dict()) for df in at.dataframe)


def test_collections_filter_answers_and_stay_in_the_url(scoped_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, collections="乙")
    no_trouble(at)
    assert at.multiselect(key="scope.collections").value == ["乙"]
    adopters = frame(at, "initiative.adopters_table")
    assert list(adopters["单位"]) == ["甲省乙市丙区人民法院", "甲省乙市丁县人民法院"]
    at.multiselect(key="scope.collections").set_value(["通报"]).run()
    assert url(at, "collections") == "通报"
    adopters = frame(at, "initiative.adopters_table")
    assert list(adopters["单位"]) == ["甲省乙市中级人民法院", "甲省乙市丙区人民法院"]
    # the choice survives a change of page
    at.sidebar.radio[0].set_value("unit").run()
    assert url(at, "collections") == "通报"


def test_a_link_naming_an_unknown_collection_says_so(scoped_store, app) -> None:
    """A mistyped collection in a shared link is not dropped in silence: the sidebar names
    it and the known ones, and the page answers for the rest (here every document)."""
    at = app(page="initiative", id=g.SUYUAN, collections="不存在的集,乙")
    no_trouble(at)
    assert at.multiselect(key="scope.collections").value == ["乙"]
    warned = [w for w in texts(at, "warning") if "不存在的集" in w]
    assert warned and "其余所选文档集" in warned[0] and "通报" in warned[0]
    assert url(at, "collections") == "乙"
    at = app(page="initiative", id=g.SUYUAN, collections="不存在的集")
    assert at.multiselect(key="scope.collections").value == []
    assert any("不存在的集" in w and "全部文档" in w for w in texts(at, "warning"))


def test_a_collection_made_after_the_count_is_found(scoped_store, app) -> None:
    """Documents put into a new collection on the command line leave the number of documents
    as it was (the kept count's key): a link naming the new collection counts again rather
    than dropping it."""
    from graph.collections import add_to_collection

    app(page="overview")  # the sizes are counted and kept
    add_to_collection(scoped_store, g.DOC_A, "新集")
    at = app(page="initiative", id=g.SUYUAN, collections="新集")
    no_trouble(at)
    assert at.multiselect(key="scope.collections").value == ["新集"]
    assert not [w for w in texts(at, "warning") if "新集" in w]


def test_a_new_collection_on_a_large_store_is_counted_in_the_background(
    scoped_store, app, monkeypatch
) -> None:
    """On a large store (`BACKGROUND_COUNT_DOCS`) a link naming a collection the kept count
    does not know counts again in the background (`count_now`): a slow count leaves the page
    drawn at once with the named collection still chosen (not dropped as unknown), and a
    later page shows it with its size."""
    import threading

    from graph.collections import add_to_collection
    from ui import scope

    monkeypatch.setattr(scope, "BACKGROUND_COUNT_DOCS", 1)  # the small graph as a large one
    monkeypatch.setattr(scope, "FIRST_COUNT_WAIT_S", 0.05)
    monkeypatch.setattr(scope, "_FIRST", {})
    monkeypatch.setattr(scope, "_LATE", set())
    monkeypatch.setattr(scope, "_RECOUNT", {})
    monkeypatch.setattr(scope, "counting_ahead", lambda: False)  # no warm-up
    scope.count_first()  # the sizes as the warm-up counts and keeps them
    add_to_collection(scoped_store, g.DOC_A, "新集")  # the number of documents stays
    release = threading.Event()
    count = scope._count_collections

    def slow(*args):  # type: ignore[no-untyped-def]
        release.wait(timeout=20)
        return count(*args)

    monkeypatch.setattr(scope, "_count_collections", slow)
    at = app(page="overview", collections="新集")
    no_trouble(at)
    box = at.multiselect(key="scope.collections")
    assert box.value == ["新集"] and box.options == ["新集"]  # kept, its size not known yet
    assert not [w for w in texts(at, "warning") if "新集" in w]
    release.set()
    for job in list(scope._RECOUNT.values()):
        job.result(timeout=20)
    at = app(page="overview", collections="新集")
    no_trouble(at)
    box = at.multiselect(key="scope.collections")
    assert box.value == ["新集"] and "新集（1 篇）" in box.options


def test_the_initiatives_list_is_the_chosen_collections(scoped_store, app) -> None:
    """举措's picker offers the initiatives the chosen collections report, as the other
    pages count only their facts (issue: it offered every initiative)."""
    at = app(page="initiative", collections=DEMO_COLLECTION)
    no_trouble(at)
    assert at.selectbox(key="initiative.id").options == ["枫桥式人民法庭（2 个单位）"]
    at.multiselect(key="scope.collections").set_value(["乙"]).run()
    assert at.selectbox(key="initiative.id").options == ["诉源治理（2 个单位）"]
    at.multiselect(key="scope.collections").set_value([]).run()
    assert len(at.selectbox(key="initiative.id").options) == 2  # every document: both


def _without_initiatives() -> g.DocumentGraph:
    """A document in collection 空集 that reports no initiative."""
    from graph.model import document_id

    return g.DocumentGraph(
        id=document_id("e" * 64),
        props={"title": "没有举措的文档", "content_hash": "e" * 64, "collections": ["空集"]},
    )


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"page": "initiative"}, id="initiative"),
        pytest.param({"page": "analytics"}, id="analytics"),
        pytest.param({"page": "unit", "id": g.BING, "tab": "简报与图片"}, id="unit"),
    ],
)
def test_chosen_collections_without_initiatives_are_said_so(scoped_store, app, params) -> None:
    """Every page that lists initiatives says the chosen collections report none, not that
    the graph has none and articles must be imported."""
    scoped_store.write_documents([_without_initiatives()])
    at = app(**params, collections="空集")
    no_trouble(at)
    assert at.multiselect(key="scope.collections").value == ["空集"]
    said = texts(at, "info")
    assert any(t.startswith("所选文档集中没有报道改革举措的文档") for t in said), said
    assert not any("图中还没有改革举措" in t for t in said)


@pytest.mark.parametrize("page", ["initiative", "analytics"])
def test_a_linked_initiative_outside_the_chosen_collections_is_not_swapped(
    scoped_store, app, page
) -> None:
    """A link to 诉源治理 with only the demo collection chosen (which reports 枫桥式人民法庭
    only): the page says where it is and how to see it instead of showing 枫桥式人民法庭;
    the link keeps 诉源治理, which shows once its collection is chosen."""
    key = f"{page}.id"
    at = app(page=page, id=g.SUYUAN, collections=DEMO_COLLECTION)
    no_trouble(at)
    (warning,) = [w for w in texts(at, "warning") if "不在所选文档集中" in w]
    assert "“诉源治理”" in warning and "侧栏" in warning
    assert at.selectbox(key=key).value is None
    assert url(at, "id") == g.SUYUAN
    assert not any("枫桥式人民法庭" in m for m in texts(at, "markdown") + texts(at, "title"))
    at.multiselect(key="scope.collections").set_value([DEMO_COLLECTION, "乙"]).run()
    no_trouble(at)
    assert at.selectbox(key=key).value == g.SUYUAN
    assert not any("不在所选文档集中" in w for w in texts(at, "warning"))
    # or another one is chosen in the box
    at = app(page=page, id=g.SUYUAN, collections=DEMO_COLLECTION)
    at.selectbox(key=key).set_value(g.FENGQIAO).run()
    no_trouble(at)
    assert url(at, "id") == g.FENGQIAO


@pytest.mark.parametrize(
    ("chosen", "banner"), [("乙", False), ("乙,通报", False), (f"乙,{DEMO_COLLECTION}", True)]
)
def test_the_banner_follows_the_chosen_collections(scoped_store, app, chosen, banner) -> None:
    """Only the user's own collections chosen: their answers hold no demo fact, and the demo
    banner (shown whatever the choice) told them to do what they had done."""
    at = app(page="overview", collections=chosen)
    no_trouble(at)
    assert any("演示" in w for w in texts(at, "warning")) == banner
    if not banner:  # and back to every document: the banner again
        at.multiselect(key="scope.collections").set_value([]).run()
        assert any("演示" in w for w in texts(at, "warning"))


def test_no_banner_without_demo_data(small_store, app) -> None:
    at = app(page="overview")
    no_trouble(at)
    assert not any("演示" in w for w in texts(at, "warning"))


def test_home_court_is_the_default_court(small_store, app, monkeypatch) -> None:
    at = app(page="initiative", id=g.SUYUAN, tab="辖区覆盖")
    assert at.selectbox(key="initiative.court").value == g.HIGH  # no home court: the high court
    monkeypatch.setenv("COURTGRAPH_HOME_COURT", "甲省乙市中级人民法院")
    at = app(page="initiative", id=g.SUYUAN, tab="辖区覆盖")
    no_trouble(at)
    assert at.selectbox(key="scope.home").value == g.MID
    assert at.selectbox(key="initiative.court").value == g.MID
    # picked in the sidebar: kept in the URL, the default of the next page
    monkeypatch.delenv("COURTGRAPH_HOME_COURT")
    at = app(page="analytics", home=g.MID, tab="辖区覆盖")
    no_trouble(at)
    assert at.selectbox(key="scope.home").value == g.MID


def test_coverage_court_defaults_to_the_adopters_province(monkeypatch) -> None:
    # no home court: 举措 → 辖区覆盖 opens on the high court of the province most adopters are
    # in (as 扩散分析 does), not on the first high court by name
    from ui import initiative, state

    courts = [
        {"court_id": "court:乙省高级人民法院", "level": "high", "province": "乙省"},
        {"court_id": "court:甲省高级人民法院", "level": "high", "province": "甲省"},
    ]
    adopters = [  # units counted once (乙省's one unit has two stages)
        {"unit_id": "court:甲1", "province": "甲省"},
        {"unit_id": "court:甲2", "province": "甲省"},
        {"unit_id": "court:乙1", "province": "乙省"},
        {"unit_id": "court:乙1", "province": "乙省"},
        {"unit_id": "court:乙1", "province": "乙省"},
    ]
    monkeypatch.setattr(state, "rows", lambda name, params=None: adopters)
    assert initiative._default_court(courts, g.SUYUAN) == "court:甲省高级人民法院"
    monkeypatch.setattr(state, "rows", lambda name, params=None: [])
    assert initiative._default_court(courts, g.SUYUAN) == "court:乙省高级人民法院"


def test_home_court_by_province_on_a_large_graph(small_store, app, monkeypatch) -> None:
    """Above `ONE_BOX` courts a province box comes first; the home court's province is
    chosen at first and the court box lists that province's courts (and keeps the home)."""
    from ui import common, scope

    monkeypatch.setattr(common, "ONE_BOX", 0)
    at = app(page="overview", home=g.MID)
    no_trouble(at)
    province = at.selectbox(key="scope.home_province")
    assert province.value == "甲省"
    assert at.selectbox(key="scope.home").value == g.MID
    assert any("高级人民法院" in o for o in at.selectbox(key="scope.home").options)
    province.set_value(scope.NATIONAL).run()
    no_trouble(at)
    home = at.selectbox(key="scope.home")
    assert home.value == g.MID  # kept until another is picked
    assert len(home.options) == 2  # （未设置） and the home: 甲省's courts are not offered


def test_province_box_asks_first_when_no_home_court(small_store, app, monkeypatch) -> None:
    """With no home court the province box shows its prompt, not 全国 (which would list the
    courts of no province as if they were the user's), and the court box offers nothing
    to pick until a province is chosen."""
    from ui import common

    monkeypatch.setattr(common, "ONE_BOX", 0)
    monkeypatch.delenv("COURTGRAPH_HOME_COURT", raising=False)
    at = app(page="overview")
    no_trouble(at)
    province = at.selectbox(key="scope.home_province")
    assert province.value is None
    assert at.selectbox(key="scope.home").options == ["（未设置）"]
    province.set_value("甲省").run()
    no_trouble(at)
    assert any("高级人民法院" in o for o in at.selectbox(key="scope.home").options)


def test_upload_with_metadata_and_chinese_summary(tmp_path: Path) -> None:
    from ingest.pipeline import IngestReport
    from ingest.uploads import stage_uploads, summary_zh

    staged = stage_uploads(
        [
            ("a.txt", "甲省高级人民法院部署诉源治理。".encode()),
            ("a.meta.json", b'{"url": "https://example.test/a", "date": "2024-05-01"}'),
            ("b.txt", "乙市中级人民法院推行繁简分流。".encode()),
            ("list.csv", "path,title\nb.txt,乙市报道\nc.txt,缺失\n".encode()),
        ],
        tmp_path,
    )
    assert staged.articles == 2 and staged.manifest is not None
    lines = staged.manifest.read_text(encoding="utf-8").splitlines()
    assert '"url": "https://example.test/a"' in lines[0] and '"title": "乙市报道"' in lines[1]
    assert staged.problems == [("list.csv", "清单列出的 c.txt 没有一起上传")]
    from graph.errors import BadParameter

    with pytest.raises(BadParameter, match="单篇"):
        stage_uploads([("a.txt", b"x"), ("b.txt", b"y")], tmp_path / "x", title="标题")
    with pytest.raises(BadParameter, match="没有 13 月"):
        stage_uploads([("a.txt", b"x")], tmp_path, date="2024-13")
    report = IngestReport(read=2, added=["b.txt"], unchanged=["a.txt"])
    report.repeats["a.txt"] = "doc:1"
    report.collections = {"a.txt": "通报", "b.txt": "通报"}
    text = summary_zh(report, {"doc:1": "甲省报道"})
    assert text.startswith("读取 2 篇；新增 1 篇；已在图中（内容相同） 1 篇")
    assert "未变：a.txt 与已有文档 《甲省报道》（doc:1） 相同" in text
    assert (
        "文档集「通报」：新增 1 篇，已在图中（内容相同） 1 篇（其中已有文档 1 篇原已属于该文档集）"
    ) in text


def test_upload_failures_are_said_in_chinese(tmp_path: Path) -> None:
    # the 导入 page's summary gives the readers' reasons in Chinese, not the command line's English
    import random

    from graph.errors import UnreadableDocument
    from ingest.pipeline import IngestReport
    from ingest.readers import read_document
    from ingest.uploads import summary_zh

    rng = random.Random(1)
    files = {
        "空.txt": b"",
        "图.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "二进制.txt": bytes(range(256)) * 4,
        "乱码.txt": bytes(rng.randint(0x80, 0xFF) for _ in range(400)),
    }
    report = IngestReport(read=len(files))
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(UnreadableDocument) as caught:
            read_document(tmp_path / name)
        report.failed.append((name, caught.value.reason))
    text = summary_zh(report)
    failed = [line for line in text.splitlines() if "失败：" in line]
    assert len(failed) == 4, text
    assert not any(
        re.search("[A-Za-z]{4,}", line.replace("PNG", "").replace("UTF", "")) for line in failed
    ), text
    assert "失败：空.txt：空文件（0 字节）" in text
    assert "失败：图.txt：不是文本文件：看起来是 PNG 图片" in text


def test_initiative_link_keeps_the_open_tab(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, tab="成效数据")
    no_trouble(at)
    assert at.session_state["initiative.tab"] == "成效数据"
    assert url(at, "tab") == "成效数据"
    at = app(page="initiative", id=g.SUYUAN)
    assert url(at, "tab") is None  # the first tab needs no parameter


def test_unknown_names_offer_the_closest_matches(small_store, app) -> None:
    at = app(page="unit", id="甲省乙市丙區人民法院x")  # traditional, with a typo
    assert not at.exception
    (error,) = texts(at, "error")
    assert "没有名为“甲省乙市丙區人民法院x”的实体" in error and "python -m" not in error
    suggestions = " ".join(texts(at, "markdown"))
    assert "甲省乙市丙区人民法院" in suggestions and "?page=unit&id=court:" in suggestions


def test_unit_page_opens_the_home_court(small_store, app) -> None:
    at = app(page="unit", home=g.MID)
    no_trouble(at)
    assert at.text_input(key="unit.id").value == "甲省乙市中级人民法院"
    assert url(at, "id") == g.MID


def test_province_table_names_counts_and_denominators_per_level(small_store, app) -> None:
    at = app(page="analytics", tab="省份覆盖表")
    no_trouble(at)
    found = [df.value for df in at.dataframe if list(df.value.columns)[:1] == ["省份"]]
    (table,) = [f for f in found if "基层法院" in f.columns]
    row = table.iloc[0]
    assert (row["省份"], row["中级法院"], row["基层法院"]) == (
        "甲省",
        "1 / 1（100%）",
        "2 / 3（66.7%）",
    )
    assert any("该省该层级的法院总数" in c for c in texts(at, "caption"))


def test_initiative_coverage_says_tribunals_need_a_roster(small_store, app) -> None:
    at = app(page="initiative", id=g.SUYUAN, court=g.MID, tab="辖区覆盖")
    no_trouble(at)
    assert any("人民法庭未计入" in c for c in texts(at, "caption"))


def test_coverage_court_picker_by_province_on_a_large_graph(small_store, app, monkeypatch):
    """辖区覆盖's court box asks for the province first on a large graph too: first the chosen
    court's own, listing that province's courts; another province lists its courts and keeps
    the court chosen until another is picked."""
    from ui import common

    monkeypatch.setattr(common, "ONE_BOX", 0)
    at = app(page="initiative", id=g.SUYUAN, court=g.MID, tab="辖区覆盖")
    no_trouble(at)
    boxes = {b.key: b for b in at.selectbox}
    province_key = next(k for k in boxes if k.endswith(".court.province"))
    court = boxes[province_key.removesuffix(".province")]
    assert boxes[province_key].value == "甲省" and court.value == g.MID
    assert any("高级人民法院" in o for o in court.options)
    at.selectbox(key=province_key).set_value(common.NATIONAL).run()
    no_trouble(at)
    court = at.selectbox(key=province_key.removesuffix(".province"))
    assert court.value == g.MID and not any("甲省高级" in o for o in court.options)
    assert any("基层法院：本院报道推行" in t for t in texts(at, "markdown"))


def test_both_pages_default_to_one_court_of_most_adopters() -> None:
    """举措 and 扩散分析 open coverage on the same court: the high court of the province with
    most adopting units, ties by the province's name (they used to break ties apart)."""
    from ui.common import court_of_most_adopters

    courts = [
        {"court_id": "c:最高", "level": "supreme"},
        {"court_id": "c:乙高", "level": "high", "province": "乙省"},
        {"court_id": "c:甲高", "level": "high", "province": "甲省"},
    ]
    assert court_of_most_adopters(courts, {"甲省": 3, "乙省": 1}) == "c:甲高"
    assert court_of_most_adopters(courts, {"甲省": 2, "乙省": 2}) == "c:乙高"  # 乙 < 甲
    assert court_of_most_adopters(courts, {"甲省": 2, "乙省": 2}) == court_of_most_adopters(
        courts, {"乙省": 2, "甲省": 2}
    )
    assert court_of_most_adopters(courts, {"未知": 5}) == "c:乙高"  # the first high court
    assert court_of_most_adopters(courts[:1], {}) == "c:最高"


def test_a_large_store_s_first_page_does_not_wait_for_its_collections(
    scoped_store, app, monkeypatch
):
    """The first count of the collections scans every document (on the 1M graph 0.6 s with
    its server running, 5-8 s just after it started on a busy machine), and the explorer's
    first page paid it. On a large store a page waits for it a moment only and is drawn
    without the sizes, the chosen collections kept; the count goes on, a later page shows it."""
    import threading

    from ui import scope

    release = threading.Event()
    count = scope._count_collections

    def slow(*args):
        release.wait(timeout=20)
        return count(*args)

    monkeypatch.setattr(scope, "_count_collections", slow)
    # the small graph stands in for a large one
    monkeypatch.setattr(scope, "BACKGROUND_COUNT_DOCS", 1, raising=False)
    monkeypatch.setattr(scope, "FIRST_COUNT_WAIT_S", 0.05, raising=False)
    monkeypatch.setattr(scope, "_FIRST", {}, raising=False)
    monkeypatch.setattr(scope, "_LATE", set(), raising=False)
    monkeypatch.setattr(scope, "counting_ahead", lambda: False, raising=False)  # no warm-up
    at = app(page="overview", collections="乙")
    no_trouble(at)
    assert "正在统计各文档集的文档数（首次打开时需要几秒钟），稍后刷新本页即可看到。" in texts(
        at, "caption"
    )
    box = at.multiselect(key="scope.collections")
    assert box.disabled and box.value == ["乙"]
    assert not [df for df in at.dataframe if list(df.value.columns) == ["文档集", "文档数"]]
    assert any("样例文档乙" in str(df.value.to_dict()) for df in at.dataframe)  # the rest drawn
    release.set()
    for job in list(scope._FIRST.values()):
        job.result(timeout=20)
    at = app(page="overview", collections="乙")
    no_trouble(at)
    box = at.multiselect(key="scope.collections")
    assert not box.disabled and box.value == ["乙"]
    found = [df.value for df in at.dataframe if list(df.value.columns) == ["文档集", "文档数"]]
    assert dict(zip(found[0]["文档集"], found[0]["文档数"], strict=True)) == {
        "乙": 1,
        "通报": 1,
        DEMO_COLLECTION: 1,
    }
    # only 乙 chosen: no demo document in the answers, no demo banner
    assert not any("演示" in w for w in texts(at, "warning"))


def test_downloads_follow_the_chosen_collections(scoped_store, app, monkeypatch) -> None:
    """The unit page's briefings, adoption map and portfolio are made from the sidebar's
    chosen collections (a new user's briefing downloaded with one collection chosen counted
    every document). Each button's maker is called here as a click would."""
    from ui import downloads

    asked: list[tuple[str, object]] = []

    def record(name: str):
        def make(*_a, **kw):
            asked.append((name, kw.get("collections")))
            return {".docx": b"", ".pptx": b""} if name.endswith("files") else b""

        return make

    for name in ("briefing_files", "adoption_map_file", "portfolio_file", "unit_briefing_files"):
        monkeypatch.setattr(downloads, name, record(name))
    monkeypatch.setattr(
        downloads, "buttons", lambda items, **_kw: [make() for _l, make, _n in items]
    )
    at = app(page="unit", id=g.MID, tab="简报与图片", collections="乙")
    no_trouble(at)
    assert {name for name, _c in asked} == {
        "briefing_files",
        "adoption_map_file",
        "portfolio_file",
        "unit_briefing_files",
    }
    assert {str(c) for _n, c in asked} == {"['乙']"}


def test_figures_of_the_units_below_follow_the_chosen_collections(scoped_store, app) -> None:
    """法院/单位 → 成效数据 of a court lists its units' figures of the chosen collections only
    (丙区's rate is reported in document A, collection 通报)."""
    at = app(page="unit", id=g.MID, tab="成效数据", collections="乙")
    no_trouble(at)
    assert "下级单位没有报告成效数据（所选文档集中）。" in texts(at, "info")
    at = app(page="unit", id=g.MID, tab="成效数据", collections="通报")
    assert [
        list(df.value["指标"]) for df in at.dataframe if {"单位", "指标"} <= set(df.value.columns)
    ] == [["调解率"]]


def test_a_cut_read_of_the_units_below_is_not_said_empty(scoped_store, app, monkeypatch) -> None:
    """When the server read only the first rows under a court (the SPC's, on a national
    graph) and none of them is of the units below in the chosen collections, the page says
    the read was cut, not that the units reported nothing."""
    from ui import unit

    monkeypatch.setattr(unit, "_outcomes_below", lambda _u: ([], True))
    at = app(page="unit", id=g.MID, tab="成效数据", collections="乙")
    no_trouble(at)
    assert any(
        "只读取了前" in c and "其中没有（所选文档集中）下级单位的" in c
        for c in texts(at, "caption")
    )
    assert not any("下级单位没有报告成效数据" in t for t in texts(at, "info"))
