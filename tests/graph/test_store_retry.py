"""A write transaction that meets another writer's commit half applied (a record an index
names but its page does not show yet: ArcadeDB's "Record #6:7 not found") runs again whole;
a record that stays unreadable fails with a message, not a traceback. The race itself is
provoked here by a fault injected between the transaction's reads and its writes, as the
server reports it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import neo4j
import pytest

import graph.store as store_mod
import tests.graph_fixtures as g
from graph import summaries
from graph.errors import BadParameter, QueryFailed
from graph.readonly import CypherSyntaxError, run_read_only
from tests.conftest import graph_snapshot


def _server_error(code: str, message: str) -> neo4j.exceptions.Neo4jError:
    """The error the driver raises for the server's FAILURE message."""
    return neo4j.exceptions.Neo4jError._hydrate_neo4j(code=code, message=message)


_VANISHED = ("Neo.ClientError.Statement.EntityNotFound", "Record #6:7 not found")


def _fail_latest(
    monkeypatch: pytest.MonkeyPatch, times: int, error: tuple[str, str] = _VANISHED
) -> list[int]:
    """`RefreshRecent` (the last statement of a document write, after every other write of
    the transaction) fails on its first `times` runs; returns the list of runs."""
    runs: list[int] = []
    latest: Callable[..., list[str]] = summaries.RefreshRecent._latest

    def flaky(tx: Any, floor: str) -> list[str]:
        runs.append(1)
        if len(runs) <= times:
            raise _server_error(*error)
        return latest(tx, floor)

    monkeypatch.setattr(summaries.RefreshRecent, "_latest", staticmethod(flaky))
    return runs


def _write_b(store) -> tuple[int, int, list[str], str]:
    tally = store.write_documents([g.document_b()])
    return tally.new_entities, tally.new_facts, tally.known_docs, graph_snapshot(store)


def test_a_record_vanishing_mid_write_runs_the_write_again(store, monkeypatch) -> None:
    clean = _write_b(store)
    store.clear()
    runs = _fail_latest(monkeypatch, times=2)
    # the write's own report and graph are those of a write that met nothing: the
    # attempts that failed count nothing
    assert _write_b(store) == clean
    assert len(runs) == 3


def test_a_record_missing_on_every_attempt_fails_with_a_clear_message(store, monkeypatch) -> None:
    monkeypatch.setattr(store_mod, "WRITE_ATTEMPTS", 3)
    runs = _fail_latest(monkeypatch, times=99)
    before = graph_snapshot(store)
    with pytest.raises(QueryFailed, match=r"Record #6:7 not found.*重试 3 次") as exc:
        store.write_documents([g.document_b()])
    assert "REBUILD INDEX" in str(exc.value) and "the write was undone" in str(exc.value)
    assert len(runs) == 3
    assert graph_snapshot(store) == before  # undone as a whole


def test_another_not_found_error_is_not_retried(store, monkeypatch) -> None:
    """Only a record read mid-commit is a race; a statement's own error (here a
    made-up missing type) surfaces at once."""
    runs = _fail_latest(
        monkeypatch, times=99, error=("Neo.ClientError.Statement.EntityNotFound", "Type X")
    )
    with pytest.raises(neo4j.exceptions.ClientError, match="Type X"):
        store.write_documents([g.document_b()])
    assert len(runs) == 1


class _FlakyReads:
    """A driver whose first `times` read transactions fail as the server fails a read that
    meets another writer's commit half applied."""

    def __init__(self, driver: Any, times: int, error: tuple[str, str] = _VANISHED) -> None:
        self.driver, self.times, self.error, self.runs = driver, times, error, 0

    def session(self, **kwargs: Any) -> Any:
        flaky, session = self, self.driver.session(**kwargs)

        class Session:
            def __enter__(self) -> Session:
                return self

            def __exit__(self, *exc: object) -> None:
                session.close()

            def execute_read(self, work: Callable[..., Any]) -> Any:
                flaky.runs += 1
                if flaky.runs <= flaky.times:
                    raise _server_error(*flaky.error)
                return session.execute_read(work)

            def begin_transaction(self, **kwargs: Any) -> Any:
                """An explicit transaction (the free-form queries' own) whose statement
                fails as the server fails it, the first `times` times."""
                tx = session.begin_transaction(**kwargs)
                flaky.runs += 1
                if flaky.runs > flaky.times:
                    return tx

                class Failing:
                    def run(self, *args: Any, **kw: Any) -> Any:
                        raise _server_error(*flaky.error)

                    def closed(self) -> bool:
                        return bool(tx.closed())

                    def rollback(self) -> None:
                        tx.rollback()

                return Failing()

        return Session()


_COUNT = "MATCH (d:Document) RETURN count(d) AS n"


def test_a_read_that_meets_a_half_seen_commit_runs_again(store, monkeypatch) -> None:
    store.write_documents([g.document_b()])
    flaky = _FlakyReads(store.driver, times=2)
    monkeypatch.setattr(store, "driver", flaky)
    assert store.read(_COUNT) == [{"n": 1}]
    assert flaky.runs == 3


def test_a_read_of_a_record_missing_every_time_fails_with_a_clear_message(
    store, monkeypatch
) -> None:
    flaky = _FlakyReads(store.driver, times=99)
    monkeypatch.setattr(store, "driver", flaky)
    with pytest.raises(QueryFailed, match=r"Record #6:7 not found.*重试 6 次") as exc:
        store.read(_COUNT)
    assert "REBUILD INDEX" in str(exc.value) and "undone" not in str(exc.value)  # a read
    assert flaky.runs == store_mod.READ_ATTEMPTS == 6


def test_a_refused_read_is_still_a_bad_parameter(store, monkeypatch) -> None:
    """Any other error of the query is not run again: it says what the server refused."""
    error = ("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'")
    flaky = _FlakyReads(store.driver, times=99, error=error)
    monkeypatch.setattr(store, "driver", flaky)
    with pytest.raises(BadParameter, match="服务器拒绝了这条查询（Invalid input 'MATC'"):
        store.read(_COUNT)
    assert flaky.runs == 1


def test_a_free_form_query_that_meets_a_half_seen_commit_runs_again(store, monkeypatch) -> None:
    """The read-only page's queries run in a transaction of their own
    (`graph.readonly.run_read_only`), retried as the store's reads are."""
    store.write_documents([g.document_b()])
    flaky = _FlakyReads(store.driver, times=2)
    monkeypatch.setattr(store, "driver", flaky)
    assert run_read_only(store, _COUNT, limit=5).rows == [{"n": 1}]
    assert flaky.runs == 3


def test_a_free_form_query_of_a_record_missing_every_time_says_so(store, monkeypatch) -> None:
    flaky = _FlakyReads(store.driver, times=99)
    monkeypatch.setattr(store, "driver", flaky)
    with pytest.raises(QueryFailed, match=r"Record #6:7 not found.*重试 6 次") as exc:
        run_read_only(store, _COUNT, limit=5)
    assert "REBUILD INDEX" in str(exc.value)
    assert flaky.runs == store_mod.READ_ATTEMPTS


def test_a_free_form_query_with_another_error_is_not_run_again(store, monkeypatch) -> None:
    error = ("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'")
    flaky = _FlakyReads(store.driver, times=99, error=error)
    monkeypatch.setattr(store, "driver", flaky)
    with pytest.raises(CypherSyntaxError, match="Invalid input 'MATC'"):
        run_read_only(store, _COUNT, limit=5)
    assert flaky.runs == 1
