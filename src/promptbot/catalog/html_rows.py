"""Rows of raw HTML tables (`<table>` ... `<tr><td>` ... `</table>`) as cells with line ranges.

Some lists keep their papers in hand-written HTML tables, one `<td>` per line and titles wrapped
inside the `<a>`. A row is one entry: its lines run from the line of its `<tr>` to the line of its
`</tr>`. Cells are turned into the markdown the field reader knows (`[text](href)`), so the same
column logic reads markdown and HTML tables.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# TABLE_START and TAG are public: entries/html_row_template.py reads the same tables.
TABLE_START = re.compile(r"^\s*<table\b", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)</t\1\s*>", re.IGNORECASE | re.DOTALL)
_ANCHOR = re.compile(r"<a\b[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>",
                     re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlRow:
    """One `<tr>` of an HTML table: 0-based first and last line, and its cells as markdown."""

    line: int
    end: int
    cells: tuple[str, ...]
    header: bool  # made of `<th>` cells


def html_table_starts(body: str) -> bool:
    """Whether a line opens an HTML table."""
    return TABLE_START.match(body) is not None


def _markdown(cell: str) -> str:
    """A cell's HTML as plain markdown: links kept as `[text](href)`, other tags dropped.

    Character references are decoded piece by piece, so that an escaped `[x](y)` in a title is
    text of the label (its brackets as references, as markdown entries write them), no link."""
    out: list[str] = []
    at = 0
    for match in _ANCHOR.finditer(cell):
        out.append(_text(cell[at:match.start()]))
        text = _text(match.group(2)).replace("[", "&#91;").replace("]", "&#93;")
        if text:
            out.append(f"[{text}]({html.unescape(match.group(1)).strip()})")
        at = match.end()
    out.append(_text(cell[at:]))
    return _SPACE.sub(" ", "".join(out)).strip()


def _text(fragment: str) -> str:
    """The text a reader sees of an HTML fragment without links: tags dropped, then decoded."""
    return _SPACE.sub(" ", html.unescape(TAG.sub("", fragment)))


def table_rows(bodies: Sequence[str], start: int) -> tuple[int, list[HtmlRow]]:
    """The line after the table opened at `start` (0-based), and its rows in order."""
    end = start
    while end < len(bodies) and not _TABLE_END.search(bodies[end]):
        end += 1
    end = min(end, len(bodies) - 1)
    text = "\n".join(bodies[start:end + 1])
    offsets = [0]
    for body in bodies[start:end + 1]:
        offsets.append(offsets[-1] + len(body) + 1)
    rows: list[HtmlRow] = []
    taken = -1
    for match in _ROW.finditer(text):
        first = start + bisect_right(offsets, match.start()) - 1
        last = start + bisect_right(offsets, match.end() - 1) - 1
        if first <= taken:
            continue  # two rows on one line: the line is one entry at most
        cells = [(kind.lower(), _markdown(body)) for kind, body in _CELL.findall(match.group(1))]
        if not cells:
            continue
        rows.append(HtmlRow(first, last, tuple(c for _, c in cells),
                            all(kind == "h" for kind, _ in cells)))
        taken = last
    return end + 1, rows

