"""Judging: is a paper relevant to this list, is it listed already, and which section.

Relevance, topic terms, placement and the decision per paper with its reasons. Pure: no I/O.
Imports the catalog, entries and the base modules only.
"""

from __future__ import annotations

from promptbot.judging.placement import (
    heading_matches,
)
from promptbot.judging.scoring import (
    Scorer,
    decide_all,
)

__all__ = [
    "Scorer",
    "decide_all",
    "heading_matches",
]
