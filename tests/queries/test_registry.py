"""Every named query is well-formed: parameters match its Cypher, it has a title and a
description, and it is read-only."""

from __future__ import annotations

import re

import pytest

from graph.errors import BadParameter, UnknownQuery
from queries import REGISTRY, get
from queries.registry import convert

WRITE_WORDS = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV)\b", re.I)


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_parameters_match_cypher(name: str) -> None:
    q = REGISTRY[name]
    declared = {p.name for p in q.params if not p.splice} | set(q.fulltext) | set(q.planned)
    declared |= {p.name + "_docs" for p in q.params if p.type == "collections"}
    for variant, cypher in q.texts().items():
        used = set(re.findall(r"\$(\w+)", cypher))
        assert used == declared, (
            f"{name} {variant}: Cypher uses {sorted(used)}, declares {sorted(declared)}"
        )
    for p in q.params:
        if p.splice:  # a variant may not need it (e.g. a path of known length)
            assert "{" + p.name + "}" in q.cypher
            assert p.type == "int" and p.minimum is not None and p.maximum is not None
    if q.variants:
        assert q.plan is not None, "variants come with a plan that picks one"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_has_title_description_and_is_read_only(name: str) -> None:
    q = REGISTRY[name]
    assert q.title and re.search(r"[\u4e00-\u9fff]", q.title), "titles are in Chinese"
    assert len(q.description) > 20
    assert not any(WRITE_WORDS.search(c) for c in q.texts().values())
    assert 0 < q.row_limit <= 2_000_000


def test_unknown_query_names_the_alternatives() -> None:
    with pytest.raises(UnknownQuery, match="adopters"):
        get("adopter")


def test_parameters_are_checked() -> None:
    q = get("neighbourhood")
    with pytest.raises(BadParameter, match="应在 1 到 3 之间"):
        convert(q, {"entity": "court:x", "depth": "9"}, None)
    with pytest.raises(BadParameter, match="应为整数"):
        convert(q, {"entity": "court:x", "depth": "two"}, None)
    with pytest.raises(BadParameter, match="没有类型 Planet"):
        convert(q, {"entity": "court:x", "kinds": "Court,Planet"}, None)
    with pytest.raises(BadParameter, match="没有参数 colour"):
        convert(q, {"entity": "court:x", "colour": "red"}, None)
    with pytest.raises(BadParameter, match="需要参数 --param entity"):
        convert(q, {}, None)
    assert convert(q, {"entity": "court:x", "kinds": "Court,Initiative"}, None) == {
        "entity": "court:x",
        "depth": 1,
        "kinds": ["Court", "Initiative"],
        "size": 200,
        "verified": False,
        "collections": None,
    }


def test_dates_and_choices() -> None:
    q = get("adopters")
    with pytest.raises(BadParameter, match="形如 2024"):
        convert(q, {"initiative": "initiative:诉源治理", "date_from": "May 2024"}, None)
    with pytest.raises(BadParameter, match="应为以下之一：adopted"):
        convert(q, {"initiative": "initiative:诉源治理", "stage": "done"}, None)
    out = convert(q, {"initiative": "initiative:诉源治理", "date_from": "2024/05"}, None)
    assert out["date_from"] == "2024-05"


@pytest.mark.parametrize("name", sorted(n for n, q in REGISTRY.items() if q.packed))
def test_packed_limits_tell_truncation(name: str) -> None:
    """A packed query is one record, so the client cannot cut it: a LIMIT written into its
    Cypher must keep one row past the row limit, or `truncated` could never be true."""
    q = REGISTRY[name]
    for cypher in q.texts().values():
        for n in re.findall(r"\bLIMIT\s+(\d+)", cypher):
            assert int(n) == q.row_limit + 1, f"{name}: LIMIT {n} with row limit {q.row_limit}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "没有 13 月"),
        ("2024-00", "没有 0 月"),
        ("2024-13-45", "没有 13 月"),
        ("2024-02-30", "2024-02 没有 30 日"),
        ("2023-02-29", "2023-02 没有 29 日"),
        ("2024-04-31", "2024-04 没有 31 日"),
        ("0000", "年份写四位"),
        ("2024-1-2-3", "形如 2024"),
    ],
)
def test_impossible_dates_are_refused(value: str, message: str) -> None:
    q = get("adopters")
    with pytest.raises(BadParameter, match=message):
        convert(q, {"initiative": "initiative:诉源治理", "date_to": value}, None)


def test_real_dates_are_written_in_iso_form() -> None:
    q = get("adopters")
    for raw, iso in (("2024-2-29", "2024-02-29"), ("2024.5", "2024-05"), ("2024", "2024")):
        assert (
            convert(q, {"initiative": "initiative:x", "date_from": raw}, None)["date_from"] == iso
        )


def test_long_text_parameters_are_refused() -> None:
    with pytest.raises(BadParameter, match="最多 500 个"):
        convert(get("adopters"), {"initiative": "initiative:x", "province": "省" * 501}, None)
    with pytest.raises(BadParameter, match="最多 500 个"):
        convert(get("adopters"), {"initiative": "x" * 501}, None)


def test_a_list_of_ids_may_be_longer_than_a_text() -> None:
    """The documents of a subgraph (hundreds of ids) pass; a long plain text does not."""
    from graph.errors import BadParameter
    from queries.registry import MAX_TEXT, convert, get

    ids = ",".join(f"doc:{i:020d}" for i in range(300))
    assert len(ids) > MAX_TEXT
    assert convert(get("document_sources"), {"ids": ids}, None)["ids"] == ids
    with pytest.raises(BadParameter, match=f"最多 {MAX_TEXT} 个"):
        convert(get("people"), {"unit": "甲" * (MAX_TEXT + 1)}, None)


def test_packed_rows_unpack_to_named_columns_with_the_shared_ones() -> None:
    """A packed answer (one row holding a list of value lists) becomes one dict a value list,
    named by the query's `packed` columns, each with the row's other columns; a list of the
    wrong width is an error naming the query."""
    from queries.registry import _unpack

    q = REGISTRY["people_under"]
    width = len(q.packed)
    values = [[f"{i}-{k}" for k in range(width)] for i in range(3)]
    rows = _unpack(q, [{"packed": values, "total": 7}])
    assert [list(r)[:width] for r in rows] == [list(q.packed)] * 3
    assert [r[q.packed[0]] for r in rows] == ["0-0", "1-0", "2-0"]
    assert all(r["total"] == 7 for r in rows)
    assert _unpack(q, [{"packed": values}])[2] == dict(zip(q.packed, values[2], strict=True))
    with pytest.raises(ValueError, match=f"people_under: a packed row has {width - 1} values"):
        _unpack(q, [{"packed": [values[0], values[1][:-1]]}])


class _GcWatchingStore:
    """A store with no rows that notes whether Python's cycle collector was on at each read."""

    def __init__(self) -> None:
        self.collector_on: list[bool] = []

    def read(self, cypher: str, params: object = None, **_: object) -> list[dict[str, object]]:
        import gc

        self.collector_on.append(gc.isenabled())
        return []


def test_a_named_query_reads_its_table_with_the_cycle_collector_paused() -> None:
    """The rows of a large table are read, unpacked and ordered without the cycle collector
    walking the process's objects every few hundred of them; it is on again after, and stays
    off when it was off before (another thread's read, or the caller's choice)."""
    import gc

    from queries.registry import run

    store = _GcWatchingStore()
    assert gc.isenabled()
    run(store, "latest_documents", {})  # type: ignore[arg-type]
    assert store.collector_on[-1] is False
    assert gc.isenabled()
    gc.disable()
    try:
        run(store, "latest_documents", {})  # type: ignore[arg-type]
        assert not gc.isenabled()
    finally:
        gc.enable()
