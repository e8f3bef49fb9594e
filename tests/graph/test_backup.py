"""`python -m graph backup` / `restore`: a copy of the running embedded store that restores
into an empty data directory with every node, relationship and property."""

from __future__ import annotations

import functools
import stat
import threading
import zipfile
from pathlib import Path

import pytest

import tests.graph_fixtures as g
from graph import review, summaries
from graph.__main__ import main
from graph.embedded import EmbeddedServer
from graph.settings import Settings
from graph.store import FACT_VERSION, open_store
from tests.graph.test_store_contract import _batching_docs, _everything


def _versions(store) -> None:
    """As in a store opened by this version (the fixture's store is emptied between tests)."""
    store.write_statements(
        [
            (
                "MERGE (m:Meta {id: $id}) SET m.fact_version = $f, m.summary_version = $s, "
                "m.fingerprints_version = $p",
                {
                    "id": summaries.META_ID,
                    "f": FACT_VERSION,
                    "s": summaries.SUMMARY_VERSION,
                    "p": summaries.FINGERPRINTS_VERSION,
                },
            )
        ]
    )


def _run(monkeypatch: pytest.MonkeyPatch, data: Path, *argv: str) -> int:
    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(data))
    monkeypatch.setenv("COURTGRAPH_HEAP", "512m")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return main(list(argv))


def _fact(store, rel_type: str, src: str, dst: str) -> str:
    rows = store.read(
        f"MATCH (a:Entity {{id: $a}})-[r:{rel_type}]->(b:Entity {{id: $b}}) RETURN r.fact_id AS f",
        {"a": src, "b": dst},
    )
    assert len(rows) == 1, rows
    return str(rows[0]["f"])


def _review(monkeypatch: pytest.MonkeyPatch, data: Path, store) -> None:
    """Reviewers' decisions of every kind, through the CLI: a confirmation, a rejection with
    its reason, a correction of a date and of the scope the unit acted for, and one of an
    outcome's value."""
    fact = functools.partial(_fact, store)
    decided = [
        ("confirm", fact("ADOPTED", g.MID, g.SUYUAN)),
        ("reject", fact("HOLDS_ROLE", g.ZHANG, g.BING), "--reason", "不是本院的人"),
        ("correct", fact("ADOPTED", g.BING, g.SUYUAN), "--date", "2023-04", "--scope", "全区法院"),
        ("correct", fact("REPORTED", g.BING, g.RATE), "--value", "62"),
    ]
    for kind, fid, *more in decided:
        assert _run(monkeypatch, data, "review", kind, fid, "--reviewer", "审核员甲", *more) == 0


def _decisions(store) -> list[tuple]:
    """What the review keeps: every decision, and the facts as the decisions left them."""
    facts = store.read(
        "MATCH (a)-[r]->(b) WHERE r.fact_id IS NOT NULL RETURN a.id AS a, type(r) AS t, "
        "b.id AS b, r.date AS date, r.scope AS scope, r.status AS status, b.value AS value"
    )
    return sorted(
        [tuple(sorted(d.to_json().items(), key=repr)) for d in review.decisions(store)], key=repr
    ) + sorted((tuple(sorted(f.items())) for f in facts), key=repr)


def test_backup_restores_every_node_relationship_and_property(
    arcadedb_store, embedded_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    g.load_small_graph(arcadedb_store)
    arcadedb_store.write_documents(_batching_docs())
    _versions(arcadedb_store)
    _review(monkeypatch, embedded_dir, arcadedb_store)
    decided = _decisions(arcadedb_store)
    assert len(review.decisions(arcadedb_store)) == 4
    assert any(("scope", "全区法院") in row for row in decided)
    before = _everything(arcadedb_store)
    archive = tmp_path / "court.zip"
    assert _run(monkeypatch, embedded_dir, "backup", "-o", str(archive)) == 0
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not list((embedded_dir / "databases" / "backups").rglob("*.zip"))  # moved, not left
    restored = tmp_path / "restored"
    try:
        assert _run(monkeypatch, restored, "restore", str(archive)) == 0
        assert stat.S_IMODE(restored.stat().st_mode) == 0o700
        with open_store(Settings(data_dir=restored, heap="512m")) as copy:
            assert _everything(copy) == before
            assert _decisions(copy) == decided  # (the same, said as a reviewer reads them)
            # and it is a working store: it takes new writes
            copy.write_documents([g.document_c()])
        # never over a store: a second restore into the same directory is refused
        assert _run(monkeypatch, restored, "restore", str(archive)) == 1
        assert "不是空目录" in capsys.readouterr().err
    finally:
        EmbeddedServer(restored).stop()


def test_backup_while_documents_are_written_holds_whole_documents(
    arcadedb_store, embedded_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _batching_docs()
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            for d in docs:
                arcadedb_store.write_documents([d])
                _versions(arcadedb_store)
            arcadedb_store.clear()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        archive = tmp_path / "live.zip"
        assert _run(monkeypatch, embedded_dir, "backup", "-o", str(archive)) == 0
    finally:
        stop.set()
        writer.join()
    restored = tmp_path / "restored"
    try:
        assert _run(monkeypatch, restored, "restore", str(archive)) == 0
        with open_store(Settings(data_dir=restored, heap="512m")) as copy:
            ids = {r["id"] for r in copy.read("MATCH (d:Document) RETURN d.id AS id")}
            whole = [d for d in docs if d.id in ids]
            # the copy is the graph of the documents it holds, written alone
            got = _everything(copy)
            arcadedb_store.clear()
            for d in whole:
                arcadedb_store.write_documents([d])
            _versions(arcadedb_store)
            assert got == _everything(arcadedb_store)
    finally:
        EmbeddedServer(restored).stop()


def test_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("configuration.json", "{}")
        z.writestr("schema.json", "{}")
        z.writestr("../escape.txt", "x")
    assert _run(monkeypatch, tmp_path / "new", "restore", str(bad)) == 1
    assert "含有意外的条目" in capsys.readouterr().err
    assert not (tmp_path / "escape.txt").exists()
    other = tmp_path / "notes.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.txt", "x")
    assert _run(monkeypatch, tmp_path / "new2", "restore", str(other)) == 1
    assert "不是 courtgraph 备份" in capsys.readouterr().err


def test_backup_of_neo4j_names_its_tools(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    assert main(["backup", "-o", str(tmp_path / "x.zip")]) == 1
    assert "neo4j-admin database dump" in capsys.readouterr().err


def test_restore_does_not_call_the_directory_new_and_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The first-run notice (新建了空的数据目录…) is wrong after a restore: the directory is
    new, but it holds the restored graph."""
    archive = tmp_path / "court.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("configuration.json", "{}")
        z.writestr("schema.json", "{}")
    started = []
    monkeypatch.setattr(EmbeddedServer, "connect_info", lambda self: started.append(self))
    assert _run(monkeypatch, tmp_path / "restored", "restore", str(archive)) == 0
    assert started  # the server is started on the restored files
    assert "新建了空的数据目录" not in capsys.readouterr().err
    assert (tmp_path / "restored" / "databases" / "databases" / "courtgraph").is_dir()


@pytest.mark.parametrize(
    ("name", "hint"), [("b.txt", "b.zip"), ("court", "court.zip"), ("b.ZIP.bak", "b.ZIP.zip")]
)
def test_backup_to_a_name_not_ending_in_zip_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, name: str, hint: str
) -> None:
    """`graph backup -o b.txt` wrote a ZIP to a .txt file without a word: the name is refused
    before the server is asked for anything (restore reads a backup by its content)."""
    started = []
    monkeypatch.setattr(EmbeddedServer, "connect_info", lambda self: started.append(self))
    out = tmp_path / name
    assert _run(monkeypatch, tmp_path / "graph", "backup", "-o", str(out)) == 1
    assert capsys.readouterr().err == (
        f"Error: {out}：备份是 ZIP 文件，文件名应以 .zip 结尾（例如 -o {tmp_path / hint}）\n"
    )
    assert not started and not out.exists()


def test_backup_over_an_existing_file_is_refused_unless_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Reviewer (session 19): `graph backup -o b.zip` over an existing b.zip replaced it
    without a word (it may be the only good copy): refused, naming the file and a free name,
    before the server is asked for anything; `--force` replaces it."""
    started = []
    monkeypatch.setattr(EmbeddedServer, "connect_info", lambda self: started.append(self))

    def backed_up(self, _path, body, timeout=None):  # the server writes the named ZIP
        name = body["command"].split("file://")[1]
        written = self.data_dir / "databases" / "backups" / "courtgraph" / name
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(b"PK new backup")
        return {"result": [{"result": "OK"}]}

    monkeypatch.setattr(EmbeddedServer, "admin", backed_up)
    out = tmp_path / "b.zip"
    out.write_bytes(b"PK the only good copy")
    assert _run(monkeypatch, tmp_path / "graph", "backup", "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {out} 已存在：备份不覆盖已有的文件") and "--force" in err
    assert f"-o {tmp_path / 'b-'}" in err
    assert not started and out.read_bytes() == b"PK the only good copy"
    assert _run(monkeypatch, tmp_path / "graph", "backup", "-o", str(out), "--force") == 0
    assert out.read_bytes() == b"PK new backup" and len(started) == 1


def test_restore_names_a_bad_file_before_a_full_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A bad file into a non-empty data directory: the file's reason first, then the
    directory's (it said only the directory's, and the next try failed on the file)."""
    full = tmp_path / "graph"
    full.mkdir()
    (full / "server.log").write_text("x", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("这不是备份。", encoding="utf-8")
    assert _run(monkeypatch, full, "restore", str(notes)) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"Error: {notes}：不是 courtgraph 备份（不是 ZIP 文件")
    assert lines[1].startswith(f"{full} 不是空目录")
    assert len(lines) == 2
    assert _run(monkeypatch, full, "restore", str(tmp_path / "missing.zip")) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"Error: {tmp_path / 'missing.zip'}：没有这个备份文件",
        f"{full} 不是空目录：恢复从不覆盖已有的图库。请恢复到一个新目录"
        "（COURTGRAPH_DATA_DIR=… python -m graph restore FILE），或先把这个目录移走",
    ]
    # a good file into a full directory: the directory's reason alone, as before
    good = tmp_path / "court.zip"
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("configuration.json", "{}")
        z.writestr("schema.json", "{}")
    assert _run(monkeypatch, full, "restore", str(good)) == 1
    assert capsys.readouterr().err.startswith(f"Error: {full} 不是空目录")
