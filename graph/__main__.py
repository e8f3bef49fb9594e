"""`python -m graph status | stop | reset | export | delete-document | collections |
delete-collection`: manage the store.

status  which store is configured, whether it runs, what it holds
stop    stop the embedded server (it starts again on next use)
reset   delete everything in the graph (asks unless --yes)
export  write the neighbourhood of an entity; the format follows the file's extension
        (.graphml .gexf .json .zip = nodes.csv + edges.csv, .csv = one edge list, .cypher)
delete-document  remove a document and the facts only it supported
collections      the collections of documents, with their sizes
delete-collection  remove a collection's documents and the facts only they supported
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.errors import CourtgraphError
from graph.settings import Settings


def _status(settings: Settings) -> int:
    from graph.embedded import EmbeddedServer
    from graph.store import open_store

    for env, value, _help in settings.describe():
        print(f"{env:26} {value}")
    if settings.backend == "arcadedb":
        st = EmbeddedServer(settings.data_dir).status()
        print(
            f"embedded server: {'running, pid ' + str(st.pid) if st.running else 'stopped'}"
            f" (data {st.data_dir}, log {st.log})"
        )
    with open_store(settings) as store:
        print(f"store: {store.description}")
        for name, n in store.counts().items():
            print(f"  {name:14} {n}")
        from graph.collections import collections

        for c in collections(store):
            print(f"  collection {c.name}: {c.documents} documents{' (demo)' if c.demo else ''}")
    return 0


def _collections(store: object, args: argparse.Namespace) -> int:
    from graph import collections

    if args.command == "collections":
        found = collections.collections(store)  # type: ignore[arg-type]
        for c in found:
            print(f"{c.name}\t{c.documents} documents{' (demo data)' if c.demo else ''}")
        if not found:
            print("no documents in the graph")
        return 0
    report = collections.delete_collection(store, args.name)  # type: ignore[arg-type]
    print(
        f"collection {args.name}: deleted {len(report.deleted)} documents and the facts only "
        f"they supported; kept {len(report.kept)} also in other collections"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="configured store, server state and counts")
    sub.add_parser("stop", help="stop the embedded ArcadeDB server")
    r = sub.add_parser("reset", help="delete every node and relationship")
    r.add_argument("--yes", action="store_true", help="do not ask")
    e = sub.add_parser("export", help="export the neighbourhood of an entity")
    e.add_argument("entity", help="id or name, e.g. 本溪中院")
    e.add_argument("--depth", type=int, default=1)
    e.add_argument("--limit", type=int, default=200, help="most nodes")
    e.add_argument("--kinds", help="comma-separated node kinds to keep")
    e.add_argument(
        "--format",
        choices=("graphml", "gexf", "json", "csv", "edges", "cypher"),
        help="default: from the output's extension (csv = a zip of nodes.csv and edges.csv, "
        "edges = one CSV edge list)",
    )
    e.add_argument("--output", "-o", type=Path, required=True)
    d = sub.add_parser("delete-document", help="remove one document and what only it supports")
    d.add_argument("doc_id")
    sub.add_parser("collections", help="collections of documents and their sizes")
    dc = sub.add_parser(
        "delete-collection",
        help="remove a collection's documents and what only they support (a document also in "
        "another collection stays)",
    )
    dc.add_argument("name", help="e.g. 演示数据")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command == "status":
            return _status(settings)
        if args.command == "stop":
            from graph.embedded import EmbeddedServer

            stopped = EmbeddedServer(settings.data_dir).stop()
            print("stopped" if stopped else "no embedded server was running")
            return 0
        from graph.store import open_store

        with open_store(settings) as store:
            if args.command == "reset":
                if not args.yes and input(
                    f"Delete everything in {store.description}? [y/N] "
                ).strip().lower() not in ("y", "yes"):
                    print("nothing deleted")
                    return 1
                store.clear()
                print("the graph is empty")
            elif args.command == "export":
                from graph import export
                from queries import resolve_entity

                fmt = args.format or export.format_for(args.output)
                if args.format and args.output.suffix.lower() in export.BY_SUFFIX:
                    implied = export.BY_SUFFIX[args.output.suffix.lower()]
                    if implied != args.format:
                        raise CourtgraphError(
                            f"{args.output}: the extension says {implied}, --format says "
                            f"{args.format}; name the file {args.output.stem}"
                            f"{export.SUFFIX[args.format]}"
                        )
                if not args.output.parent.is_dir():
                    raise CourtgraphError(
                        f"{args.output}: the folder {args.output.parent} does not exist"
                    )
                if not 1 <= args.limit <= 100_000:
                    raise CourtgraphError(
                        f"--limit must be between 1 and 100,000, not {args.limit}"
                    )

                entity = resolve_entity(store, args.entity)
                kinds = args.kinds.split(",") if args.kinds else None
                sub_graph = export.neighbourhood(
                    store, entity, depth=args.depth, kinds=kinds, limit=args.limit
                )
                export.export(sub_graph, fmt, args.output)
                print(
                    f"{args.output}: {sub_graph.number_of_nodes()} nodes, "
                    f"{sub_graph.number_of_edges()} relationships"
                )
            elif args.command == "delete-document":
                if not store.delete_document(args.doc_id):
                    raise CourtgraphError(f"no document {args.doc_id!r} in the graph")
                print(f"deleted {args.doc_id}")
            elif args.command in ("collections", "delete-collection"):
                return _collections(store, args)
        return 0
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
