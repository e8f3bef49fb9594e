"""The known fingerprints are kept in short lists: a write appends to its documents' bucket
tails, a full tail becomes a part of its own, so no list a write rewrites grows with the
store. Reads list every document once; deletes find a document in its bucket's head (a
store written before tails), tail or parts. Run on every server."""

from __future__ import annotations

import pytest

from graph import summaries
from graph.model import DocumentGraph, document_id


def _docs_in_one_bucket(n: int) -> list[DocumentGraph]:
    """`n` documents whose ids share one fingerprint bucket."""
    docs: list[DocumentGraph] = []
    target = None
    i = 0
    while len(docs) < n:
        h = f"{i:08x}" + "c" * 56
        i += 1
        doc_id = document_id(h)
        block = summaries.fingerprint_block(doc_id)
        if target is None:
            target = block
        if block != target:
            continue
        props = {"title": f"文{i}", "content_hash": h, "fingerprint": f"{i:064x}"}
        docs.append(DocumentGraph(id=doc_id, props=props))
    return docs


def _lists(store) -> list[int]:
    rows = store.read("MATCH (m:Meta) WHERE m.fp_ids IS NOT NULL RETURN size(m.fp_ids) AS n")
    return sorted(r["n"] for r in rows)


def _known(store) -> dict[str, str]:
    return store.document_fingerprints()


def test_fingerprint_lists_stay_short(store) -> None:
    cap = getattr(summaries, "FINGERPRINT_TAIL", 16)  # (before tails: one list per bucket)
    docs = _docs_in_one_bucket(3 * cap + 3)
    for k in range(0, len(docs), 5):  # writes of five documents
        store.write_documents(docs[k : k + 5])
        assert max(_lists(store)) <= cap + 4
    assert _known(store) == {d.id: d.props["fingerprint"] for d in docs}
    assert len(_lists(store)) >= 3  # a tail and its parts
    # a store written before tails: its bucket's head lists a document (here also its tail)
    legacy = _docs_in_one_bucket(3 * cap + 4)[-1]
    store.write_documents([legacy])
    block = summaries.fingerprint_block(legacy.id)
    store.write_statements(
        [
            (
                "MERGE (m:Meta {id: $block}) SET m.fp_ids = [$doc], m.fps = [$fp]",
                {"block": block, "doc": legacy.id, "fp": legacy.props["fingerprint"]},
            )
        ]
    )
    # written again: still listed once
    store.write_documents([docs[1], legacy])
    assert _known(store) == {d.id: d.props["fingerprint"] for d in [*docs, legacy]}
    # deletes find a document in a part, the tail and the head
    for gone in [docs[0], docs[-1], legacy, docs[1]]:
        assert store.delete_document(gone.id)
    left = [d for d in docs if d.id not in {docs[0].id, docs[-1].id, docs[1].id}]
    assert _known(store) == {d.id: d.props["fingerprint"] for d in left}
    assert max(_lists(store)) <= cap + 4
    # a rebuild (a store of an older version) lists the same
    summaries.rebuild_fingerprints(store)
    assert _known(store) == {d.id: d.props["fingerprint"] for d in left}


def test_a_document_written_again_is_listed_once(store) -> None:
    """Two ingests taking in the same story at once both write it; the second finds it
    written and must not list its fingerprint again (the lists held it twice, so the graph
    of two runs at once differed from a sequential run's)."""
    docs = _docs_in_one_bucket(3)
    store.write_documents(docs[:2])
    before = sum(_lists(store))
    store.write_documents(docs[1:])  # docs[1] again, docs[2] new
    assert sum(_lists(store)) == before + 1
    assert set(_known(store)) == {d.id for d in docs}


def test_fingerprints_are_read_in_a_few_records_whatever_the_blocks(store, monkeypatch) -> None:
    """The driver's cost is per record: 200,000 documents fill 14,500 blocks, and reading
    them one record each took three times the client CPU of 16 records (one per first hex
    digit of the bucket). Every block's documents are still read, each once."""
    docs = []
    for i in range(60):  # documents in about 60 buckets, some twice, tails and parts
        h = f"{i:08x}" + "d" * 56
        docs.append(
            DocumentGraph(
                id=document_id(h),
                props={"title": f"文{i}", "content_hash": h, "fingerprint": f"{7 * i:064x}"},
            )
        )
    docs += _docs_in_one_bucket(2 * summaries.FINGERPRINT_TAIL + 3)
    for k in range(0, len(docs), 7):
        store.write_documents(docs[k : k + 7])
    assert len(_lists(store)) > 16
    records: list[int] = []
    real_read = store.read

    def counting(cypher, *args, **kwargs):
        rows = real_read(cypher, *args, **kwargs)
        records.append(len(rows))
        return rows

    monkeypatch.setattr(store, "read", counting)
    known = store.document_fingerprints()
    assert known == {d.id: d.props["fingerprint"] for d in docs}
    assert sum(records) <= 16


def test_figure_sketches_are_kept_with_the_fingerprints(store) -> None:
    """Each written document's figure sketch is listed beside its fingerprint and read with
    it; a document listed before sketches has none (its figures are read, as before) until
    the lists are rebuilt from the documents."""
    docs = _docs_in_one_bucket(summaries.FINGERPRINT_TAIL + 3)  # a tail and a part
    for i, d in enumerate(docs):
        d.props["figures"] = sorted({str(i), "2024", f"{i}.5"})
    store.write_documents(docs[:-1])
    # a store written before sketches: this document listed by its fingerprint alone
    legacy = docs[-1]
    store.write_statements(
        [
            (
                "CREATE (d:Document {id: $id, title: 't', fingerprint: $fp, figures: $figs})",
                {"id": legacy.id, "fp": legacy.props["fingerprint"], "figs": ["7", "8"]},
            ),
            summaries.KeepFingerprints([(legacy.id, legacy.props["fingerprint"])]),
        ]
    )
    sketches: dict[str, int] = {}
    assert store.document_fingerprints(sketches) == {d.id: d.props["fingerprint"] for d in docs}
    assert sketches == {d.id: summaries.figure_sketch(d.props["figures"]) for d in docs[:-1]}
    summaries.rebuild_fingerprints(store)
    again: dict[str, int] = {}
    assert store.document_fingerprints(again) == {d.id: d.props["fingerprint"] for d in docs}
    assert again == {**sketches, legacy.id: summaries.figure_sketch(["8", "7"])}
    # a delete takes the document's entry out, sketch and all
    assert store.delete_document(docs[0].id)
    left: dict[str, int] = {}
    assert set(store.document_fingerprints(left)) == {d.id for d in docs[1:]} == set(left)


def test_a_fingerprint_is_as_long_as_ingest_makes_it() -> None:
    """graph/ reads a listed entry's fingerprint by its length (the sketch after it): the
    length ingest's simhash has (graph/ does not import ingest, so a test keeps them equal)."""
    from ingest.dedup import BITS, fingerprint

    assert summaries._FINGERPRINT_BYTES * 8 == BITS
    assert (
        len(fingerprint("甲县法院推行诉前调解，调解成功率为72.1%。"))
        == 2 * summaries._FINGERPRINT_BYTES
    )


def _figured_docs(n: int) -> list[DocumentGraph]:
    docs = _docs_in_one_bucket(n)
    for i, d in enumerate(docs):
        d.props["figures"] = [str(i), "2024"]
    return docs


def test_a_rebuild_reads_the_figures_a_batch_at_a_time(store, monkeypatch) -> None:
    """Every document's figures in one answer held a national store's in memory at once:
    they are read `batch` documents at a time, and every document is listed with its sketch."""
    docs = _figured_docs(7)
    store.write_documents(docs)
    answers: list[int] = []
    real_read = store.read

    def counting(cypher, *args, **kwargs):
        rows = real_read(cypher, *args, **kwargs)
        if "figures" in cypher:
            answers.append(len(rows))
        return rows

    monkeypatch.setattr(store, "read", counting)
    summaries.rebuild_fingerprints(store, batch=3)
    assert answers == [3, 3, 1]
    monkeypatch.undo()
    sketches: dict[str, int] = {}
    assert store.document_fingerprints(sketches) == {d.id: d.props["fingerprint"] for d in docs}
    assert sketches == {d.id: summaries.figure_sketch(d.props["figures"]) for d in docs}
    assert summaries.read_meta(store)["fingerprints_version"] == summaries.FINGERPRINTS_VERSION


def test_a_rebuild_cut_short_is_done_again(store, monkeypatch) -> None:
    """The blocks are deleted before they are written again: a rebuild stopped in between
    (a crash, a timeout) left a store whose version marker said its lists were complete. The
    marker goes with the old lists, so the next open rebuilds."""
    docs = _figured_docs(5)
    store.write_documents(docs)
    summaries.rebuild_fingerprints(store)
    real_write = store.write_statements
    writes = []

    def failing(statements):
        writes.append(statements)
        if any(isinstance(s, summaries.KeepFingerprints) for s in statements) and len(writes) > 2:
            raise RuntimeError("cut short")
        return real_write(statements)

    monkeypatch.setattr(store, "write_statements", failing)
    with pytest.raises(RuntimeError):
        summaries.rebuild_fingerprints(store, batch=2)
    monkeypatch.undo()
    assert "fingerprints_version" not in summaries.read_meta(store)
    assert len(store.document_fingerprints()) < len(docs)  # (what the next open rebuilds)


def test_an_existing_store_gets_its_sketches_on_open(
    arcadedb_store, embedded_dir, monkeypatch, capsys
) -> None:
    """A store whose fingerprints were listed before sketches (version 1) is rebuilt once on
    open by this version, which fills the sketches in: no command needed."""
    from graph.__main__ import main
    from graph.store import FACT_VERSION

    monkeypatch.setenv("COURTGRAPH_DATA_DIR", str(embedded_dir))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    store = arcadedb_store
    docs = _figured_docs(3)
    store.write_documents(docs)
    store.write_statements(
        [
            ("MATCH (m:Meta) WHERE m.fp_ids IS NOT NULL DELETE m", {}),
            summaries.KeepFingerprints([(d.id, d.props["fingerprint"]) for d in docs]),
            (  # (every other summary current: only the fingerprints are behind)
                "MERGE (m:Meta {id: $id}) SET m.fingerprints_version = 1, "
                "m.summary_version = $s, m.fact_version = $f",
                {"id": summaries.META_ID, "s": summaries.SUMMARY_VERSION, "f": FACT_VERSION},
            ),
        ]
    )
    sketches: dict[str, int] = {}
    store.document_fingerprints(sketches)
    assert sketches == {}
    assert main(["status"]) == 0  # an open of the store by this version
    capsys.readouterr()
    store.document_fingerprints(sketches)
    assert set(sketches) == {d.id for d in docs}
