"""A table's venue column: what a row writes under it is the row's venue, whatever it says.

The template reader knows venues by name (`CVPR`, `arXiv`); a row of a model or a blog post has
its maker there (`OpenAI`, `Blog`), which it reads as a value the bot cannot know. Under a column
the header calls `Venue`, it is the venue's place all the same: a new row writes its own venue
there (`arXiv`), not the column's "nothing" mark.
"""

from __future__ import annotations

from dataclasses import replace

from promptbot.entries.table_rows import cells, column_field
from promptbot.entries.template_model import Slot, Template


def venue_column(context: str) -> int | None:
    """The index of the column whose header names the venue, in a table's header and delimiter
    lines (`context`); None without one."""
    header = context.split("\n", 1)[0]
    if "|" not in header:
        return None
    return next((i for i, name in enumerate(cells(header)) if column_field(name) == "venue"),
                None)


def with_venue_cell(template: Template, column: int | None) -> Template:
    """A table row's template whose venue cell holds only a value the reader did not know as a
    venue (`| OpenAI |`), with that value as the venue's slot; the template itself otherwise."""
    if column is None or template.kind != "table" or "venue" in template.kinds:
        return template
    parts = list(template.parts)
    # A row's cells are counted from its first pipe, unless it leaves out the outer pipes.
    pipes = -1 if template.raw.lstrip().startswith("|") else 0
    for k, part in enumerate(parts):
        if isinstance(part, str):
            pipes += part.count("|")
            continue
        if pipes == column and part.kind == "other" and _alone(parts, k):
            parts[k] = Slot("venue", original=part.original)
            arxiv = part.original.strip().lower() == "arxiv"
            return replace(template, parts=tuple(parts), venue_is_arxiv=arxiv)
    return template


def _alone(parts: list[str | Slot], k: int) -> bool:
    """Whether slot `k` is its cell's only content: only spaces between it and the pipes (or
    the row's start and end, in a row without outer pipes)."""
    before, after = parts[k - 1] if k else "", parts[k + 1] if k + 1 < len(parts) else ""
    return (isinstance(before, str) and before.rsplit("|", 1)[-1].strip() == ""
            and ("|" in before or k <= 1) and isinstance(after, str)
            and after.split("|", 1)[0].strip() == "" and ("|" in after or k + 2 >= len(parts)))
