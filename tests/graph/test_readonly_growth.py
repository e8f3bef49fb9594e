"""The read-only guard refuses a reduce() that can grow its accumulator faster than linearly
(issue 14, point 9): the embedded server has no setting that bounds a string's size, and
forty doublings exhaust its heap. A harmless reduce (a sum, a list built one item a step)
still runs."""

from __future__ import annotations

import pytest

from graph.readonly import WriteRefused, check_read_only, run_read_only

GROWING = [
    # the accumulator used once, and still doubled at every step (a real OutOfMemoryError)
    "RETURN size(reduce(s='a', x IN range(1,40) | replace(s,'a','aa')))",
    # elements of a list accumulator doubled inside a comprehension
    "RETURN size(reduce(a=['a'], x IN range(1,40) | [y IN a | y + y]))",
    "RETURN size(reduce(a=['a'], x IN range(1,40) | [y IN a | replace(y, 'a', 'aa')]))",
    # an inner reduce that adds the outer accumulator twice
    "RETURN size(reduce(s='a', x IN range(1,40) | reduce(t='', y IN [1,2] | t + s)))",
    # a list of two references to the accumulator: a tree of 2^40 leaves when returned
    "RETURN reduce(s=[1], x IN range(1,40) | [y IN [1,2] | s]) AS tree",
    # a list as long as twice the accumulator
    "RETURN size(reduce(s=[1], x IN range(1,40) | [y IN range(0, 2 * size(s)) | 1]))",
    # backticks around the accumulator (the guard blanks quoted names) and around reduce
    "RETURN size(reduce(`s`='a', x IN range(1,40) | `s`+`s`))",
    "RETURN size(reduce(`a b`='a', x IN range(1,40) | `a b` + `a b`))",
    "RETURN size(`reduce`(s='a', x IN range(1,40) | replace(s,'a','aa')))",
    # string concatenation with ||
    "RETURN size(reduce(s='a', x IN range(1,40) | s || s))",
    "RETURN size(REDUCE ( s = 'a' ,\n x IN range(1,40) | toString(s) + toString(x)))",
]

HARMLESS = [
    "RETURN reduce(s = 0, x IN range(1, 100) | s + x) AS total",
    "RETURN reduce(p = 1, x IN range(1, 5) | p * x) AS product",
    "RETURN reduce(acc = [], x IN range(1, 5) | acc + [x * 2]) AS doubled",
    "RETURN reduce(s = '', x IN ['甲', '乙', '丙'] | s + '、' + x) AS names",
    "RETURN reduce(total = 0, x IN [{c: 1}, {c: 2}] | total + x.c) AS t",
]


@pytest.mark.parametrize("statement", GROWING)
def test_a_reduce_that_can_grow_its_accumulator_is_refused(statement: str) -> None:
    with pytest.raises(WriteRefused, match="成倍增长") as err:
        check_read_only(statement)
    assert "__quoted_name" not in str(err.value)  # a quoted name is shown as written


def test_the_message_names_the_accumulator_and_the_allowed_form() -> None:
    with pytest.raises(WriteRefused) as err:
        check_read_only("RETURN size(reduce(s='a', x IN range(1,40) | replace(s,'a','aa')))")
    assert "累加变量 s 放进了函数、列表或括号里" in str(err.value)
    assert "s + x" in str(err.value)
    with pytest.raises(WriteRefused, match="累加变量 `a b` 2 次"):
        check_read_only("RETURN reduce(`a b`='a', x IN [1] | `a b` + `a b`)")


@pytest.mark.parametrize("statement", HARMLESS)
def test_a_harmless_reduce_passes_the_guard(statement: str) -> None:
    assert check_read_only(statement) == statement


def test_a_harmless_reduce_runs(store) -> None:
    rows = run_read_only(store, HARMLESS[0], limit=5).rows
    assert rows == [{"total": 5050}]
    rows = run_read_only(store, HARMLESS[3], limit=5).rows
    assert rows == [{"names": "、甲、乙、丙"}]


#: growth outside reduce(), found by an audit (issue 14, point 9): each passed the guard and
#: exhausted the embedded server's heap, or kept it busy for minutes
GROWING_ELSEWHERE = [
    # a value concatenated with itself through a chain of WITH (2**34 characters)
    "WITH 'a' AS s " + "WITH s+s AS s " * 34 + "RETURN size(s) AS n",
    # the same through other names, and with ||
    "WITH 'a' AS s " + "WITH s + s AS t WITH t || t AS s " * 10 + "RETURN size(s) AS n",
    # a chain of replace() that makes the string ten times longer at every step
    "WITH 'aaaaaaaaaa' AS s "
    + "WITH replace(s, 'a', 'aaaaaaaaaa') AS s " * 9
    + "RETURN size(s) AS n",
    # a reduce() adding a whole range at every step (10**9 elements)
    "RETURN size(reduce(s = [], x IN range(1, 1000000) | s + range(1, 1000))) AS n",
    "RETURN size(reduce(s = [], x IN range(1, 1000000) | s + [y IN range(1, 100) | y])) AS n",
]


@pytest.mark.parametrize("statement", GROWING_ELSEWHERE)
def test_growth_through_with_replace_and_reduce_ranges_is_refused(statement: str) -> None:
    with pytest.raises(WriteRefused, match="不能运行") as err:
        check_read_only(statement)
    assert "内存" in str(err.value)


@pytest.mark.parametrize(
    "statement",
    [
        "WITH 'ab' AS s RETURN s + s AS t",  # one doubling
        "WITH 'a' AS s WITH s + s AS s WITH s + s AS s RETURN s",
        "UNWIND range(1, 10) AS x WITH x, x * x AS sq RETURN x, sq, sq * sq AS q",
        "MATCH (n:Court) WHERE n.name STARTS WITH '甲' "
        "RETURN n.name AS name, replace(n.name, '法院', '人民法院') AS full",
        "MATCH (a)-[r]->(b) WITH a, count(r) AS c RETURN a.name, c ORDER BY c DESC LIMIT 5",
    ],
)
def test_a_little_growth_passes_the_guard(statement: str) -> None:
    assert check_read_only(statement) == statement
