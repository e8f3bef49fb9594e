"""The known fingerprints are kept in short lists: a write appends to its documents' bucket
tails, a full tail becomes a part of its own, so no list a write rewrites grows with the
store. Reads list every document once; deletes find a document in its bucket's head (a
store written before tails), tail or parts. Run on every server."""

from __future__ import annotations

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
