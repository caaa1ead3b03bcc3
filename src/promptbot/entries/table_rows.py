"""Markdown table rows as the entry layers read them: a row's cells and a section's delimiter."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from promptbot.models import Catalog, Section

_ROW_SPLIT = re.compile(r"(?<!\\)\|")
# A table's delimiter row as GFM reads it: cells of one dash or more (`|:-|:-:|`), a bar at least.
DELIMITER_ROW = re.compile(r"^(?=[^|\n]*\|)\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
# How lists say "nothing here": markup, not a value, however rare.
PLACEHOLDERS = frozenset({"none", "n/a", "na", "tbd", "not", "found", "available", "soon",
                          "coming"})
WORD = re.compile(r"[^\W\d_]{2,}")
# Single letters only as `N/A` and `N.A.` spell them.
_NOTHING_WORDS = PLACEHOLDERS | {"code", "yet", "unavailable", "released", "to", "be", "n", "a"}
_LETTERS = re.compile(r"[^\W\d_]+")


def cells(row: str) -> list[str]:
    """The cells of a table row, spaces kept, without the outer pipes."""
    parts = _ROW_SPLIT.split(row.rstrip("\r\n"))
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def table_delimiter_line(catalog: Catalog, section: Section) -> int | None:
    """The 1-based line of the section's first table delimiter row, if the section has a table."""
    last = min(section.end_line, len(catalog.lines))
    for number in range(section.line + 2, last + 1):
        if DELIMITER_ROW.match(catalog.lines[number - 1]) and "|" in catalog.lines[number - 2]:
            return number
    return None


def column_votes(rows: Iterable[Sequence[str]], keep: Callable[[str], bool]) -> list[Counter[str]]:
    """Per column of `rows` (each a row's cells), how many rows write each stripped cell text
    that `keep` accepts; a column no row votes in still has its (empty) count."""
    votes: list[Counter[str]] = []
    for row in rows:
        for i, cell in enumerate(row):
            while len(votes) <= i:
                votes.append(Counter())
            text = cell.strip()
            if keep(text):
                votes[i][text] += 1
    return votes


def most_voted(votes: Sequence[Counter[str]]) -> tuple[str, ...]:
    """Per column, the text most rows write if at least two do, else ""."""
    return tuple(next((t for t, n in v.most_common(1) if n >= 2), "") for v in votes)


def says_nothing(text: str) -> bool:
    """Whether a cell's text is a mark for "no value" (`-`, `None`, `N/A`, `Coming soon`), not a
    value some rows share (`Prompt tuning`, `NeurIPS`, a modality `I+T→T`), which a new row must
    never copy."""
    letters = _LETTERS.findall(text.casefold())
    return all(w in _NOTHING_WORDS for w in letters) and not any(c.isdigit() for c in text)


_COLUMN_FIELDS = (
    ("title", ("title", "paper", "name")),
    ("venue", ("venue", "conference", "journal", "publication", "published")),
    ("year", ("year", "date")),
    ("code", ("code", "github", "repo", "implementation")),
    ("affiliation", ("affiliation", "institution", "organization")),
)


def column_field(header: str) -> str:
    """What a column holds, by its header's words (`title`, `venue`, `year`, `code`,
    `affiliation`); "" for anything else."""
    name = header.strip().lower()
    for field_name, words in _COLUMN_FIELDS:
        if any(w in name for w in words):
            return field_name
    return ""
