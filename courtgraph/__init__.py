"""courtgraph: a knowledge graph of Chinese court-reform initiatives.

The libraries are the top-level packages `graph` (the store), `ingest` (files to facts),
`queries` (named read-only queries and analytics) and `figures` (pictures and briefings);
this package holds what ties them into one installed tool: the `courtgraph` command
(`courtgraph.cli`) and the lookup of the data files shipped with it (`courtgraph.resources`).
"""

__version__ = "0.1.0"
