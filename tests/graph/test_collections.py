"""Collections: documents grouped at ingest, answers limited to chosen collections, and a
collection removed with the facts only it supported (issue 12, item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import collections as coll
from graph.errors import BadParameter
from queries import analytics, run
from tests import graph_fixtures as g

ROOT = Path(__file__).resolve().parents[2]


def _in(doc, *names: str):
    doc.props["collections"] = list(names)
    return doc


@pytest.fixture
def graph(store):
    """Document A in 甲, document B in 乙 (both report 丙区's adoption of 诉源治理)."""
    nodes, edges = g.roster()
    store.upsert_nodes(nodes)
    store.link_hierarchy(edges, source="test roster")
    store.write_documents([_in(g.document_a(), "甲")])
    store.write_documents([_in(g.document_b(), "乙")])
    return store


def _adopters(store, collections=None):
    rows = run(store, "adopters", {"initiative": g.SUYUAN, "collections": collections}).rows
    return sorted((r["unit"], stage) for r in rows for stage in r["stages"])  # one row a unit


def test_collections_are_listed_with_their_documents(graph) -> None:
    assert [(c.name, c.documents) for c in coll.collections(graph)] == [("乙", 1), ("甲", 1)]
    coll.add_to_collection(graph, g.DOC_B, "甲")
    assert [(c.name, c.documents) for c in coll.collections(graph)] == [("乙", 1), ("甲", 2)]
    assert not coll.has_demo(graph)


def test_answers_count_facts_of_the_chosen_collections(graph) -> None:
    everything = _adopters(graph)
    assert len(everything) == 3
    assert _adopters(graph, "乙") == [
        ("甲省乙市丁县人民法院", "piloted"),
        ("甲省乙市丙区人民法院", "adopted"),
    ]
    assert _adopters(graph, ["甲"]) == [
        ("甲省乙市丙区人民法院", "adopted"),
        ("甲省乙市中级人民法院", "promoted"),
    ]
    assert _adopters(graph, "甲,乙") == everything
    assert _adopters(graph, "丙") == []  # a collection with no documents: no facts
    unit = run(graph, "adopted_by", {"unit": g.DING, "collections": "甲"}).rows
    assert unit == []
    cov = run(graph, "coverage", {"initiative": g.SUYUAN, "court": g.MID, "collections": "乙"})
    assert sorted(r["unit"] for r in cov.rows if r["adopted"]) == [
        "甲省乙市丁县人民法院",
        "甲省乙市丙区人民法院",
    ]
    tl = analytics.timeline(graph, g.SUYUAN, collections=["乙"])
    assert [u["unit"] for u in tl.first] == ["甲省乙市丙区人民法院", "甲省乙市丁县人民法院"]
    assert run(graph, "unit_outcomes", {"unit": g.BING, "collections": "乙"}).rows == []
    assert len(run(graph, "unit_outcomes", {"unit": g.BING, "collections": "甲"}).rows) == 1
    assert analytics.adopter_outcomes(graph, g.SUYUAN, collections=["乙"]) == []


def test_bad_collection_names_are_refused(graph) -> None:
    with pytest.raises(BadParameter, match="最多 100 个字符"):
        run(graph, "adopters", {"initiative": g.SUYUAN, "collections": "x" * 101})
    with pytest.raises(BadParameter, match="逗号"):
        coll.check_name("a，b")


def test_delete_collection_keeps_what_others_support(graph) -> None:
    report = coll.delete_collection(graph, "乙")
    assert report.deleted == [g.DOC_B] and report.kept == []
    assert _adopters(graph) == [
        ("甲省乙市丙区人民法院", "adopted"),
        ("甲省乙市中级人民法院", "promoted"),
    ]
    rows = run(graph, "adopters", {"initiative": g.SUYUAN}).rows
    bing = next(r for r in rows if r["unit"] == "甲省乙市丙区人民法院")
    assert bing["date"] == "2023-03"  # refolded from what 甲 says
    with pytest.raises(BadParameter, match="图中没有文档集「乙」"):
        coll.delete_collection(graph, "乙")


def test_a_document_in_two_collections_stays(graph) -> None:
    coll.add_to_collection(graph, g.DOC_B, "甲")
    report = coll.delete_collection(graph, "乙")
    assert report.deleted == [] and report.kept == [g.DOC_B]
    assert len(_adopters(graph)) == 3
    assert [(c.name, c.documents) for c in coll.collections(graph)] == [("甲", 2)]


def test_delete_collection_command(graph, embedded_dir, monkeypatch, capsys) -> None:
    if graph.server != "arcadedb":
        pytest.skip("the command line talks to the configured (embedded) store")
    from graph.__main__ import main

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["collections"]) == 0
    assert "甲\t1 篇文档" in capsys.readouterr().out
    assert main(["delete-collection", "乙"]) == 0
    assert "删除 1 篇文档" in capsys.readouterr().out
    assert main(["delete-collection", "乙"]) == 1
    assert capsys.readouterr().err.startswith("Error: 图中没有文档集「乙」")


def test_ingest_puts_documents_in_collections(store, tmp_path: Path) -> None:
    from ingest.pipeline import ingest_paths

    sample = tmp_path / "sample"
    shutil.copytree(ROOT / "data" / "sample", sample)
    report = ingest_paths(store, [sample], reference_data=False)
    assert report.added and set(report.collections.values()) == {coll.DEMO_COLLECTION}
    assert coll.has_demo(store)
    # the same file again, into a collection of its own: it belongs to both
    again = ingest_paths(
        store, [sample / "01_benxi_suyuan.txt"], collection="通报", reference_data=False
    )
    assert again.unchanged and again.repeats
    found = {c.name: c.documents for c in coll.collections(store)}
    assert found == {coll.DEMO_COLLECTION: len(report.added), "通报": 1}
    # a folder without collection.json: its name; a single file: 未分类
    plain = tmp_path / "2024年通报"
    plain.mkdir()
    (plain / "x.txt").write_text("甲省高级人民法院召开会议，部署推进诉源治理工作。", "utf-8")
    assert set(ingest_paths(store, [plain], reference_data=False).collections.values()) == {
        "2024年通报"
    }
    single = tmp_path / "y.txt"
    single.write_text("乙市中级人民法院推行繁简分流改革，成效明显。", "utf-8")
    assert list(ingest_paths(store, [single], reference_data=False).collections.values()) == [
        coll.DEFAULT_COLLECTION
    ]
    # the command line says when an answer may include the demo's invented facts
    from queries.__main__ import demo_note

    assert "delete-collection 演示数据" in (demo_note(store, "adopters", {}) or "")
    assert demo_note(store, "adopters", {"collections": "通报"}) is None
    assert demo_note(store, "search", {"q": "x"}) is None
    # …and so do the analytics (their timeline listed a demo court as an adopter unmarked: a
    # new user's finding)
    import argparse

    from queries.analytics.__main__ import demo_note as analytics_note

    asked = argparse.Namespace(collections=None)
    assert "delete-collection 演示数据" in (analytics_note(store, asked) or "")
    assert analytics_note(store, argparse.Namespace(collections="通报")) is None
    coll.delete_collection(store, coll.DEMO_COLLECTION)
    assert not coll.has_demo(store)
    assert demo_note(store, "adopters", {}) is None
    assert analytics_note(store, asked) is None
    # the file also in 通报 stays
    assert {c.name: c.documents for c in coll.collections(store)}["通报"] == 1


def _folder(root: Path, sidecar: bytes | None, name: str = "2024年通报") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    text = f"甲市中级人民法院推行诉源治理，本句为测试「{name}」而写。"
    (folder / "a.txt").write_text(text, "utf-8")
    if sidecar is not None:
        (folder / "collection.json").write_bytes(sidecar)
    return folder


@pytest.mark.parametrize(
    ("sidecar", "why"),
    [
        ('{"collection": "全省通报",}'.encode(), "不是有效的 JSON（第 1 行第 23 列"),
        ('{"colection": "全省通报"}'.encode(), "缺少 \"collection\" 一项（文件中有：'colection'）"),
        (b'{"collection": ""}', '"collection" 应是文档集的名称'),
        ('["全省通报"]'.encode(), '应写成 {"collection"'),
        ('{"collection": "全省，通报"}'.encode(), "文档集名称不能含逗号"),
        (b"\xff\xfe\x00\xd8", "不是 UTF-8、UTF-16、GBK 或 Big5 编码的文本"),
    ],
    ids=["trailing-comma", "misspelt-key", "empty", "not-an-object", "comma", "bytes"],
)
def test_a_broken_collection_file_stops_the_run(tmp_path: Path, sidecar: bytes, why: str) -> None:
    """A typo in collection.json sent the folder's files to a collection named after the folder,
    without a word: the run stops before anything is read, naming the file and why."""
    from ingest.pipeline import ingest_paths

    folder = _folder(tmp_path, sidecar)
    good = _folder(tmp_path, '{"collection": "乙"}'.encode(), "other")
    with pytest.raises(BadParameter) as caught:
        ingest_paths(None, [good, folder], dry_run=True, reference_data=False)
    message = str(caught.value)
    assert message.startswith("collection.json 有误，本次没有导入任何文件")
    assert f"{folder / 'collection.json'}：" in message and why in message
    assert str(good) not in message
    # --collection names the collection of every file: the sidecar is not read
    report = ingest_paths(None, [folder], dry_run=True, reference_data=False, collection="丙")
    assert set(report.collections.values()) == {"丙"}


def test_collection_file_written_by_notepad_is_read(tmp_path: Path) -> None:
    """UTF-8 with a BOM (Notepad's UTF-8) and GBK (its ANSI on Chinese Windows) name it too."""
    from ingest.pipeline import ingest_paths

    bom = _folder(tmp_path, '\ufeff{"collection": "全省通报"}'.encode(), "bom")
    gbk = _folder(tmp_path, '{"collection": "全省通报"}'.encode("gbk"), "gbk")
    # Notepad's "Unicode" (UTF-16 LE with a BOM) and UTF-16 BE: refused before (session 19)
    utf16 = _folder(tmp_path, '{"collection": "全省通报"}'.encode("utf-16"), "utf16")
    be = _folder(tmp_path, '\ufeff{"collection": "全省通报"}'.encode("utf-16-be"), "be")
    deeper = _folder(bom, None, "子文件夹")  # the nearest collection.json, a folder up
    report = ingest_paths(None, [bom, gbk, utf16, be], dry_run=True, reference_data=False)
    assert len(report.collections) == 5 and str(deeper / "a.txt") in report.collections
    assert set(report.collections.values()) == {"全省通报"}
    # a link goes where the file it names is: outside the folders given, 未分类
    elsewhere = _folder(tmp_path / "elsewhere", b'{"collection": "\xe4\xb9\x99"}', "x")
    (gbk / "link.txt").symlink_to(elsewhere / "a.txt")
    report = ingest_paths(None, [gbk], dry_run=True, reference_data=False)
    assert report.collections == {
        str(gbk / "a.txt"): "全省通报",
        str(gbk / "link.txt"): coll.DEFAULT_COLLECTION,
    }


def test_a_broken_collection_file_stops_the_command_before_the_store_opens(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """Reviewer (session 19): with a new data directory, the directory was made and the
    embedded server started, then the run stopped on the typo: the store is never opened."""
    from ingest.__main__ import main

    def no_store(_settings):
        raise AssertionError("the store was opened")

    monkeypatch.setattr("graph.store.open_store", no_store)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(tmp_path / "新的数据目录"))
    folder = _folder(tmp_path, b'{"collection": "\xe5\x85\xa8\xe7\x9c\x81"')
    assert main(["--quiet", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: collection.json 有误") and "不是有效的 JSON" in err
    assert main(["--quiet", str(folder), "--collection", "甲,乙"]) == 1
    assert "逗号" in capsys.readouterr().err
    assert not (tmp_path / "新的数据目录").exists()


def test_ingest_command_names_the_broken_collection_file(
    store, tmp_path: Path, monkeypatch, capsys
) -> None:
    if store.server != "arcadedb":
        pytest.skip("the CLI test drives the embedded store")
    from ingest.__main__ import main
    from tests.cli_store import lend_store

    lend_store(monkeypatch, store)
    folder = _folder(tmp_path, b'{"collection": "\xe5\x85\xa8\xe7\x9c\x81"')
    assert main(["--quiet", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: collection.json 有误") and "不是有效的 JSON" in err
    assert not coll.collections(store)  # nothing written
