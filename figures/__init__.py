"""Pictures, slides and briefings: the presentation layer over `queries/`.

`figures.render` draws subgraphs (network pictures, the vis-network view, tables, one slide);
`figures.adoption` the adoption map of an initiative under a court; `figures.deck` and
`figures.briefing` write PowerPoint decks with native charts and Word briefings. The explorer
(`ui/`) and the command line (`python -m figures`) use them; `graph/` knows nothing of them.
"""
