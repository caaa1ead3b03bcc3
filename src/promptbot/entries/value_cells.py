"""Table cells of another paper's value, told by their column: a cell whose text differs from
row to row (a task `T2I` beside `T2V`, `Unified`) is each paper's own, however many rows share
one of its texts; a new row must never copy it.

Words most entries write are the list's markup (template_choice.constant_words), which a
column of few values defeats: YuanaHao/Awesome-Diffusion-RL writes `T2I` in 63 of its 94 rows,
and every new row was a text-to-image paper. The column knows better than the word: its rows
say `T2I`, `T2V`, `I2V`, `Unified`, so what stands in it is a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from promptbot.entries.table_rows import cells, says_nothing
from promptbot.entries.template_model import Part, Slot, Template
from promptbot.models import Entry

_PIPE = re.compile(r"(?<!\\)\|")
_LINKED = re.compile(r"\]\(|https?://")


def varying_columns(entries: Sequence[Entry]) -> tuple[bool, ...]:
    """Per column of the table rows among `entries`, whether its plain cells (no link, no "no
    value" mark) differ from row to row: the list's own text (a `Paper` cell) is the same in
    every row, a paper's value is not, however many rows share it (nine `T2I` and a `T2V`)."""
    columns: list[list[str]] = []
    for entry in entries:
        if entry.kind != "table":
            continue
        for index, cell in enumerate(cells(entry.raw)):
            while len(columns) <= index:
                columns.append([])
            text = cell.strip()
            if text and not _LINKED.search(text) and not says_nothing(text):
                columns[index].append(text)
    return tuple(len(set(texts)) > 1 for texts in columns)


def with_value_cells(template: Template, varying: Sequence[bool]) -> Template:
    """The table row's template with each whole cell of plain text in a varying column made a
    value the paper cannot give (an `other` slot); any other template as it is. A cell whose
    rare words are slots already (`` `unify.`, `vlm.` ``: `vlm.` in most rows, so the list's
    markup) is one value all the same: a new row never keeps its common half."""
    if template.kind != "table" or not any(varying):
        return template
    row = _cells(template.parts)
    first = -1 if template.raw.lstrip().startswith("|") else 0
    parts: list[Part] = []
    for k, cell in enumerate(row):
        if k:
            parts.append("|")
        column = first + k
        whole = 0 < k < len(row) - 1  # between two bars: a whole cell
        if whole and 0 <= column < len(varying) and varying[column]:
            parts += _as_value(cell)
        else:
            parts += cell
    return replace(template, parts=_joined(parts))


def _cells(parts: Sequence[Part]) -> list[list[Part]]:
    """The template's parts cut at the row's bars: a list of parts per cell (the text before
    the first bar and after the last one are cells too, outside the row's)."""
    out: list[list[Part]] = [[]]
    for part in parts:
        if isinstance(part, Slot):
            out[-1].append(part)
            continue
        for k, piece in enumerate(_PIPE.split(part)):
            if k:
                out.append([])
            out[-1].append(piece)
    return out


def _as_value(cell: list[Part]) -> list[Part]:
    """A cell of plain text (literal words, and slots of values the bot cannot know) as one
    such slot between its padding; any other cell (a link, the title) as it is."""
    if any(isinstance(p, Slot) and p.kind != "other" for p in cell):
        return cell
    written = "".join(p if isinstance(p, str) else p.original for p in cell)
    text = written.strip()
    if not text or says_nothing(text) or _LINKED.search(text):
        return cell
    start = written.index(text)
    return [written[:start], Slot("other", original=text), written[start + len(text):]]


def _joined(parts: list[Part]) -> tuple[Part, ...]:
    """The parts with neighbouring texts one text again, as the template had them (what comes
    between two slots is read whole: `CVPR | 2026` is no venue followed by its year)."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)
    return tuple(out)
