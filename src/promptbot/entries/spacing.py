"""Blank lines around a new entry: every rule about them, in one place.

A list keeps its entries apart by blank lines, or not. Two things are measured:
- `kept_apart`: whether most of a section's entries have a blank line right above them. It is
  learned with the section's templates, and an entry written from them starts with that blank
  line (`apart`), so that the entry's text alone (a preview, a caller inserting it by hand)
  already sits apart from the entry above, as the list's do;
- `gap`: how many blank lines the unit the entry goes into (its section, sub-group or year
  section) keeps between every two of its entries, when it always keeps some.

`spaced` is the one decision of the insertion's text: the unit's gap when it keeps one, else the
blank lines the entry was written with; below the entry when it goes on top of its unit, none
between a new year heading and the entry (the heading brings its own).
"""

from __future__ import annotations

from collections.abc import Sequence

from promptbot.models import Catalog, Entry, Section


def kept_apart(catalog: Catalog, entries: Sequence[Entry]) -> bool:
    """Whether most entries after the first have a blank line right above them; paragraphs and
    blocks always are: without one, a new paragraph would run on into the one above, and a
    block's bold title line into the last key line of the block above (`- Code: …`)."""
    if any(e.kind in ("paragraph", "block") for e in entries):
        return True
    later = [e for e in entries[1:] if e.line >= 2]
    blank = sum(1 for e in later if not catalog.lines[e.line - 2].strip())
    return bool(later) and blank * 2 > len(later)


def apart(text: str, kept: bool) -> str:
    """An entry written for a list that keeps its entries `kept` apart: then one blank line
    opens it, which `spaced` reads as the blank lines the entry keeps."""
    return "\n" + text if kept else text


def gap(catalog: Catalog, unit: Section) -> int:
    """The blank lines between the unit's entries, when the list always keeps some."""
    gaps = [b.line - a.after_line - 1
            for a, b in zip(unit.entries, unit.entries[1:], strict=False)]
    gaps = [g if not any(catalog.lines[n].strip() for n in range(a.after_line, a.after_line + g))
            else -1 for g, a in zip(gaps, unit.entries, strict=False)]
    return min(gaps) if gaps and min(gaps) > 0 else 0


def spaced(text: str, unit_gap: int, *, top: bool = False,
           heading: Sequence[str] | None = None) -> str:
    """The entry with the blank lines the list keeps around entries, and any new heading's lines.

    The entry may already open with the blank lines it was written with (`apart`, or a block
    that keeps a blank line above it): they count when the unit keeps no gap of its own, and go
    below the entry when it goes on top of its unit."""
    body = text.lstrip("\r\n")
    if heading is not None:
        return "\n".join((*heading, body))
    blank_lines = unit_gap or text[: len(text) - len(body)].count("\n")
    if not blank_lines or not body.strip():
        return text
    blank = "\n" * blank_lines
    return body + blank if top else blank + body
