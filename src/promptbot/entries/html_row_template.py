"""Rows of a raw HTML table (`<tr>`, one `<td>` per line) written the way the list writes them.

A list that keeps its papers in a hand-written `<table>` gets a new `<tr>` in its own row layout.
What the rest of the template machinery cannot see in raw HTML is settled here, cell by cell:
the table's opening lines a lone row needs to render and read back as a row, and a cell of the
exemplar that holds no slot but another paper's value (a benchmark's name, an illustration)
which the new row must never repeat: it gets what the column says without a value (`--`), or
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from promptbot.catalog.html_rows import TABLE_START, TAG
from promptbot.entries.table_rows import column_votes, most_voted
from promptbot.entries.template_model import Slot, Template
from promptbot.models import Catalog, Entry

# Not html_rows' cell pattern: a cell is rewritten here, so its own tags are kept as groups.
_CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]\s*>)", re.IGNORECASE | re.DOTALL)
_SLOT = "\x01"
_PLACEHOLDER_MAX = 20
_CONSTANT_SHARE = 0.8  # a column's text on this share of rows is the list's own (`ARXIV`)


def is_html(entries: Sequence[Entry]) -> bool:
    """Whether the entries are rows of raw HTML tables."""
    return bool(entries) and all(e.kind == "html" for e in entries)


def cells(row: str) -> list[str]:
    """The contents of a row's `<td>`/`<th>` cells, in order."""
    return [m.group(2) for m in _CELL.finditer(row)]


def html_context(catalog: Catalog, entry: Entry) -> str:
    """The table's lines above its first row (`<table>` to `<tbody>`): a lone row renders and
    reads back, with the table's columns, as it does in the list."""
    number = entry.line - 1
    while number >= 1 and not TABLE_START.match(catalog.lines[number - 1]):
        number -= 1
    if number < 1:
        return ""
    first = min((e.line for e in catalog.entries if number < e.line <= entry.line),
                default=entry.line)
    return "".join(catalog.lines[number - 1:first - 1])


def column_values(entries: Sequence[Entry]) -> tuple[frozenset[str], ...]:
    """Per column, the cell texts that are the list's markup, not a paper's value: a mark without
    letters or digits that rows share (`--`), or the text nearly every row has."""
    votes = column_votes((cells(e.raw) for e in entries), lambda _: True)
    return tuple(frozenset(t for t, n in v.items() if n >= 2 and (
        not any(c.isalnum() for c in t) or n >= _CONSTANT_SHARE * sum(v.values())))
        for v in votes)


def placeholders(entries: Sequence[Entry]) -> tuple[str, ...]:
    """Per column, the short text rows put where they have no value (`--`), by vote."""
    return most_voted(column_votes((cells(e.raw) for e in entries), _is_mark))


def _is_mark(text: str) -> bool:
    return bool(text) and not TAG.search(text) and "http" not in text \
        and len(text) <= _PLACEHOLDER_MAX and not any(c.isalnum() for c in text)


def _slotted_cells(template: Template) -> list[bool]:
    """Per cell of the exemplar, whether it holds a slot (a value written for the new paper)."""
    marked = "".join(_SLOT if isinstance(p, Slot) else p for p in template.parts)
    return [_SLOT in cell for cell in cells(marked)]


def settle(text: str, template: Template, common: Sequence[frozenset[str]],
           marks: Sequence[str]) -> str | None:
    """The filled row with every cell that would repeat the exemplar's own value replaced by the
    column's placeholder (or emptied), and every emptied cell given the placeholder; None when
    the row's cells do not line up with the exemplar's (nothing can be guaranteed)."""
    old, new = cells(template.raw), list(_CELL.finditer(text))
    slotted = _slotted_cells(template)
    if len(old) != len(new) or len(slotted) != len(new):
        return None
    out: list[str] = []
    at = 0
    for i, match in enumerate(new):
        content = match.group(2)
        mark = marks[i] if i < len(marks) else ""
        known = common[i] if i < len(common) else frozenset()
        if not slotted[i] and content.strip() not in known:
            content = mark  # another paper's value: never repeated
        elif not content.strip() and old[i].strip():
            content = mark  # the value is unknown: the column's own "nothing"
        out.append(text[at:match.start(2)] + content)
        at = match.end(2)
    out.append(text[at:])
    return "".join(out)
