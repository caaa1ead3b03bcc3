"""A new item's indentation: the indentation of the item it is written beside.

A template writes its exemplar's indentation. Where a list indents its items unevenly (the first
item of a section four spaces in, the others five), an item written with the exemplar's five
spaces on top of the four-space one changes how that one renders: CommonMark reads it as a
lazy continuation of the new item's paragraph, and the maintainers' entry is gone from the
rendered list. Written with the indentation of the item it sits beside, it is that item's
sibling, as every item the maintainers added there was.
"""

from __future__ import annotations

import re

ITEM_PREFIX = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)")  # a bullet's, or a number's


def indented_as(text: str, neighbour: str) -> str:
    """`text` (a new item, after any blank lines it starts with) shifted to the indentation of
    `neighbour` (the raw text of the item beside it), when both are items of the same kind
    (bullets, or numbers) and only their indentation differs; `text` itself otherwise. Its later
    lines move by as much, never past their own start."""
    body = text.lstrip("\n")
    own, theirs = ITEM_PREFIX.match(body), ITEM_PREFIX.match(neighbour)
    if own is None or theirs is None or own.group(1) == theirs.group(1) \
            or own.group(2)[0].isdigit() != theirs.group(2)[0].isdigit() or "\t" in (
                own.group(1) + theirs.group(1)):
        return text
    shift = len(theirs.group(1)) - len(own.group(1))
    lines = body.split("\n")
    moved = [theirs.group(1) + lines[0].lstrip(" ")]
    for line in lines[1:]:
        lead = len(line) - len(line.lstrip(" "))
        moved.append(" " * max(0, lead + shift) + line[lead:] if line.strip() else line)
    return text[: len(text) - len(body)] + "\n".join(moved)
