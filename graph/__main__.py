"""`python -m graph status | stop | reset | export | delete-document`: manage the store.

status  which store is configured, whether it runs, what it holds
stop    stop the embedded server (it starts again on next use)
reset   delete everything in the graph (asks unless --yes)
export  write the neighbourhood of an entity; the format follows the file's extension
        (.graphml .gexf .json .zip = nodes.csv + edges.csv, .csv = one edge list, .cypher)
delete-document  remove a document and the facts only it supported
backup  write a consistent copy of the embedded store while it runs (-o FILE)
restore bring a backup back into an empty data directory
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
    return 0


NEO4J_BACKUP = (
    "NEO4J_URI names a Neo4j server: back it up with Neo4j's own tools, e.g. "
    "`neo4j-admin database dump neo4j --to-path=DIR` with the database stopped (Community), "
    "or `neo4j-admin database backup` while it runs (Enterprise); see the README, 'Backups'"
)


def _backup_or_restore(settings: Settings, args: argparse.Namespace) -> int:
    from graph import backup

    if settings.backend != "arcadedb":
        raise CourtgraphError(NEO4J_BACKUP)
    if args.command == "backup":
        size = backup.backup(settings.data_dir, args.output, heap=settings.heap)
        print(f"{args.output}: a backup of {settings.data_dir} ({size / 1e6:.1f} MB)")
        return 0
    backup.restore(settings.data_dir, args.archive, heap=settings.heap)
    print(f"restored {args.archive} into {settings.data_dir}")
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
    b = sub.add_parser("backup", help="a consistent copy of the embedded store, taken live")
    b.add_argument("--output", "-o", type=Path, required=True, help="the archive (.zip)")
    rs = sub.add_parser("restore", help="restore a backup into an empty data directory")
    rs.add_argument("archive", type=Path)
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command in ("backup", "restore"):
            return _backup_or_restore(settings, args)
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
        return 0
    except CourtgraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
