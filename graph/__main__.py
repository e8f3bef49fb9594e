"""`python -m graph`: the store's command line.

The command line is a shell over the store, the named queries and the figures, so it lives
with the other shells in `courtgraph.graph_cli`; the store layer's own modules import nothing
from the layers above it (tests/test_layers.py).
"""

from courtgraph.graph_cli import main

if __name__ == "__main__":
    from graph.cli import run_main

    run_main(main)
