"""A listed table row rewritten for its paper's new state: its venue, year and code cells only.

The columns come from the table's header (promptbot.entries.style); a cell keeps its padding
when the new text fits in it, so a padded table stays aligned. Every other cell stays as it is.
"""

from __future__ import annotations

import itertools
import re

from promptbot.catalog.section_signals import PREPRINT, venue_status
from promptbot.entries.style_model import EntryStyle

_PIPE = re.compile(r"(?<!\\)\|")
_EMPTY_CODE = frozenset({"", "-", "--", "---", "none", "n/a", "na", "todo", "coming soon"})


def _spans(row: str) -> list[tuple[int, int]]:
    """Where each cell's text is (between its pipes), in column order."""
    pipes = [m.start() for m in _PIPE.finditer(row)]
    if not pipes:
        return []
    spans = [(a + 1, b) for a, b in itertools.pairwise(pipes)]
    if row[: pipes[0]].strip():
        spans.insert(0, (0, pipes[0]))
    if row[pipes[-1] + 1:].strip():
        spans.append((pipes[-1] + 1, len(row)))
    return spans


def _cell(row: str, column: int) -> str | None:
    spans = _spans(row)
    return row[spans[column][0]: spans[column][1]].strip() if column < len(spans) else None


def _put(row: str, column: int, new: str) -> str:
    """`row` with cell `column` holding `new`: padded to the cell's width in a padded row (when
    it fits), else spaced like the cell was."""
    spans = _spans(row)
    start, end = spans[column]
    inner = row[start:end]
    lead = len(inner) - len(inner.lstrip(" "))
    trail = len(inner) - len(inner.rstrip(" ")) if inner.strip() else min(1, len(inner) - lead)
    padded = any(len(row[a:b]) - len(row[a:b].rstrip(" ")) > 1 for a, b in spans)
    room = len(inner) - lead
    body = new.ljust(room) if padded and len(new) < room else new + " " * min(trail, 1)
    return row[:start] + " " * lead + body + row[end:]


def rewrite_row(
    row: str, style: EntryStyle, *, venue: str | None, year: int, code_link: str | None
) -> tuple[str, tuple[str, ...]]:
    """The row with a preprint venue cell made `venue` (and its year cell `year`), and an empty
    code cell given `code_link`; what changed, said plainly."""
    columns = style.columns
    changes: list[str] = []
    if venue and "venue" in columns:
        at = columns.index("venue")
        was = _cell(row, at)
        if was is not None and venue_status(was.strip("*_` ")) == PREPRINT:
            row = _put(row, at, venue)
            old_year = _cell(row, columns.index("year")) if "year" in columns else None
            if old_year is not None and re.fullmatch(r"(?:19|20)\d\d", old_year) \
                    and old_year != str(year):
                row = _put(row, columns.index("year"), str(year))
            changes.append(f"venue: {was} {old_year or ''}".rstrip() + f" → {venue} {year}")
    if code_link and "code" in columns:
        at = columns.index("code")
        was = _cell(row, at)
        if was is not None and was.strip("*_` ").lower() in _EMPTY_CODE | {style.missing.lower()}:
            row = _put(row, at, code_link)
            changes.append("code link added")
    return row, tuple(changes)
