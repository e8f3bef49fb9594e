"""Named queries the explorer app needs beyond the core library (lists for pickers, ...)."""

from __future__ import annotations
