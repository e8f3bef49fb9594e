"""What 总览 asks the store on a visit whose answers are cached: nothing but the store's change
token (a just-started server of the 1M graph answered each of the sidebar's own counts of the
documents in a tenth of a second or more, three a visit)."""

from __future__ import annotations

from tests.app.test_pages import no_trouble


def test_a_warm_visit_reads_only_the_change_token(small_store, app, monkeypatch) -> None:
    from graph.store import GraphStore

    first = app(page="overview")
    no_trouble(first)
    sent: list[str] = []
    read = GraphStore.read

    def recorded(self, cypher, *args, **kwargs):  # type: ignore[no-untyped-def]
        sent.append(" ".join(cypher.split()))
        return read(self, cypher, *args, **kwargs)

    monkeypatch.setattr(GraphStore, "read", recorded)
    small_store.change_token()  # (the texts the token reads, recorded)
    token = set(sent)
    sent.clear()
    again = app(page="overview")
    no_trouble(again)
    assert set(sent) <= token, sorted(set(sent) - token)
