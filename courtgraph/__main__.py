"""`python -m courtgraph …` is the `courtgraph` command."""

from courtgraph.cli import run

run()
