"""Tie each reported figure to the initiative the text credits for it.

`link_outcomes(ex)` sets `OutcomeRef.initiative` to the name of one of the extraction's
initiatives when the sentence or paragraph of the figure credits it, and leaves it None when
the figure is a plain caseload change or its paragraph lists several mechanisms.
"""

from __future__ import annotations

from ingest.document import Extraction


def link_outcomes(ex: Extraction) -> None:
    """Set `initiative` on the outcomes of `ex` in place (see the module docstring)."""
    # placeholder wiring: the linker is written in its own change
    return None
