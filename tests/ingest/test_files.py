"""Walking the files to ingest: links, unreadable folders, long and odd names, uploads.

Nothing here needs a store: runs are dry runs or stop at `expand_paths`.
"""

from __future__ import annotations

import os
from datetime import UTC
from pathlib import Path

import pytest

from ingest.pipeline import expand_paths, ingest_paths
from ingest.readers import read_document
from tests.ingest.sample_docs import write_articles

ARTICLE = "示例县人民法院推行诉源治理，今年诉前调解成功案件三百件。\n"


def test_link_loops_and_broken_links_are_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path)  # a folder link back to an ancestor
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    files, bad = expand_paths([tmp_path])
    assert files == [tmp_path / "good.txt"]
    reasons = dict(bad)
    assert reasons[str(sub / "up")].startswith("symbolic link loop")
    assert reasons[str(tmp_path / "self.txt")].startswith("symbolic link loop")
    assert reasons[str(tmp_path / "gone.txt")].startswith("broken symbolic link")
    # given directly, a looping link is named as such (not "no such file")
    assert expand_paths([tmp_path / "self.txt"])[1][0][1].startswith("symbolic link loop")


def test_a_folder_reached_twice_through_links_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    files, bad = expand_paths([tmp_path])
    assert files == [tmp_path / "a" / "x.txt"] and bad == []


def test_an_unlistable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:  # what a folder without read permission does (we run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, bad = expand_paths([tmp_path])
    assert files == [tmp_path / "good.txt"]
    assert bad == [
        (
            str(locked),
            "cannot list the folder: permission denied (the file or a folder above it is "
            "not readable by this user)",
        )
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        files, bad = expand_paths([tmp_path])
    finally:
        locked.chmod(0o700)
    assert files == [] and bad[0][0] == str(locked)


def test_a_file_name_near_the_limit_reads(tmp_path: Path) -> None:
    name = "示" * 82 + ".txt"  # 250 bytes: its sidecar names would be longer than 255
    assert len(name.encode()) == 250
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_document(path).text == ARTICLE.strip()
    report = ingest_paths(None, [tmp_path], dry_run=True)
    assert report.failed == [] and report.added == [str(path)]


def test_a_newline_in_a_file_name_stays_on_one_summary_line(tmp_path: Path) -> None:
    (tmp_path / "a\nfailed: fake.txt").write_bytes(b"")
    (tmp_path / "b\u202etxt.exe.txt").write_bytes(b"")
    report = ingest_paths(None, [tmp_path], dry_run=True)
    lines = report.summary().split("\n")
    assert len(lines) == 4
    assert lines[2] == f"  failed: {tmp_path}/a\\nfailed: fake.txt: empty file (0 bytes)"
    assert lines[3] == f"  failed: {tmp_path}/b\\u202etxt.exe.txt: empty file (0 bytes)"


def test_uploads_are_recorded_under_their_original_name(tmp_path: Path) -> None:
    good, other = write_articles(tmp_path, 2)
    (tmp_path / "003_empty.txt").write_bytes(b"")
    names = {
        str(good): "本院通讯稿.txt",
        str(other): "第二篇.txt",
        str(tmp_path / "003_empty.txt"): "空白.txt",
    }
    seen: list[str] = []
    report = ingest_paths(
        None, [tmp_path], dry_run=True, names=names, progress=lambda n, t, p: seen.append(p)
    )
    assert sorted(report.added) == ["本院通讯稿.txt", "第二篇.txt"]
    assert report.failed == [("空白.txt", "empty file (0 bytes)")]
    assert str(tmp_path) not in report.summary() and str(tmp_path) not in "".join(seen)


def test_a_zip_bomb_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    from tests.ingest.test_readers import zip_with_member

    (good,) = write_articles(tmp_path, 1)
    bomb = zip_with_member(tmp_path / "bomb.docx", "word/document.xml", 200_000_000)
    report = ingest_paths(None, [tmp_path], dry_run=True)
    assert report.added == [str(good)]
    assert [path for path, _ in report.failed] == [str(bomb)]
    assert report.failed[0][1].startswith(".docx file too large when unpacked")
    assert f"  failed: {bomb}: .docx file too large when unpacked" in report.summary()


def test_an_ingested_upload_stores_its_name_not_the_deleted_temporary_path(arcadedb_store) -> None:
    """The 导入 page writes uploads into a temporary folder, ingests it and deletes it: the
    graph records the upload (a path to a folder that no longer exists would send a reader
    nowhere), on the Document and on nothing else either. It is recorded as an upload, with
    who and when, not as a bare file name that reads like a relative path (the README says a
    document's paths are absolute; a new user's finding, item 17)."""
    import json
    import tempfile
    from datetime import datetime

    from graph.collections import DEFAULT_COLLECTION
    from ingest.uploads import stage_uploads

    article = "发布时间：2024-06-01\n丁县人民法院今年起推行诉源治理，诉前调解成功案件520件。\n"
    at = datetime(2026, 12, 7, 7, 22, tzinfo=UTC)
    upload = "上传：本院通讯稿.txt（王审核，2026-12-07 07:22 UTC）"
    with tempfile.TemporaryDirectory(prefix="courtgraph-upload-") as tmp:
        staged = stage_uploads(
            [("本院通讯稿.txt", article.encode())], tmp, uploaded_by="王审核", uploaded_at=at
        )
        report = ingest_paths(  # as the page calls it (its collection field: the default)
            arcadedb_store,
            [tmp],
            names=staged.names,
            collection=DEFAULT_COLLECTION,
            reference_data=False,
        )
    assert not Path(tmp).exists()
    assert report.added == [upload] and report.failed == []
    docs = arcadedb_store.read("MATCH (d:Document) RETURN d.paths AS p, d.collections AS c")
    assert docs == [{"p": [upload], "c": [DEFAULT_COLLECTION]}]
    nodes = arcadedb_store.read("MATCH (n) RETURN properties(n) AS p")
    rels = arcadedb_store.read("MATCH ()-[r]->() RETURN properties(r) AS p")
    stored = json.dumps([row["p"] for row in nodes + rels], ensure_ascii=False, default=str)
    assert "courtgraph-upload-" not in stored and tmp not in stored


@pytest.mark.parametrize("chosen", [None, "本院通讯稿汇编"])
def test_an_upload_without_a_collection_does_not_go_to_the_temporary_folders_name(
    arcadedb_store, chosen: str | None
) -> None:
    """Called without a collection (or with the one the user chose), uploads in a temporary
    folder go to 未分类 (or that one), never to a collection named like tmpab12cd."""
    import tempfile

    from graph.collections import DEFAULT_COLLECTION, collections
    from ingest.uploads import stage_uploads

    article = "发布时间：2024-06-01\n丁县人民法院今年起推行诉源治理，诉前调解成功案件520件。\n"
    with tempfile.TemporaryDirectory() as tmp:
        staged = stage_uploads([("本院通讯稿.txt", article.encode())], tmp)
        report = ingest_paths(
            arcadedb_store, [tmp], names=staged.names, collection=chosen, reference_data=False
        )
    (added,) = report.added
    assert added.startswith("上传：本院通讯稿.txt（") and added.endswith(" UTC）")
    expected = chosen or DEFAULT_COLLECTION
    assert set(report.collections.values()) == {expected}
    docs = arcadedb_store.read("MATCH (d:Document) RETURN d.collections AS c")
    assert docs == [{"c": [expected]}]
    assert [c.name for c in collections(arcadedb_store)] == [expected]


def test_a_file_given_again_is_read_once(tmp_path: Path) -> None:
    """The same path twice, a file and its folder, a link to it: one file read, the others
    told (ingest.uploads.summary_zh says 同一文件 …, not that it repeats itself)."""
    a = tmp_path / "a.txt"
    a.write_text("乙县法院推行诉源治理。", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(a)
    same: list[tuple[str, str]] = []
    files, bad = expand_paths([a, a, tmp_path], same)
    assert files == [a] and not bad
    assert same == [(str(a), str(a)), (str(a), str(a)), (str(tmp_path / "link.txt"), str(a))]
    assert expand_paths([a, a])[0] == [a]  # told to no one
